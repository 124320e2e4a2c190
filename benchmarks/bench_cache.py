"""The on-disk cache: the same voices + scores run twice (cold, then warm).

All KCNA articles + all Trump tweets, ``voices_frame`` then ``score``, with ``framing.cache``
on in a fresh temporary folder. The second run reads both results back instead of computing.

    python benchmarks/bench_cache.py [--limit N] [--out data/benchmarks]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings

from _record import add_out_option, record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="a seeded sample of N documents")
    add_out_option(parser)
    args = parser.parse_args()

    import pandas as pd

    import framing
    import framing.cache
    from framing.datasets import load_kcna, load_trump_tweets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = pd.concat([load_kcna(), load_trump_tweets()], ignore_index=True)
    if args.limit:
        docs = docs.sample(n=args.limit, random_state=0).sort_index()  # both corpora, in order
    framing.score(pd.DataFrame({"text": ["warm up the lexicons."]}))
    with tempfile.TemporaryDirectory() as folder:
        framing.cache.enable(folder)
        results = []
        for run in ("first (computes)", "second (cached)"):
            start = time.perf_counter()
            scored = framing.score(framing.voices_frame(docs))
            results.append(time.perf_counter() - start)
            print(f"{run:<17} {results[-1]:7.2f} s  {len(scored):,} segments", flush=True)
        info = framing.cache.info()
        print(f"cache: {info['entries']} results, {info['bytes'] / 1e6:.0f} MB; second run "
              f"{results[0] / results[1]:.0f}x faster")
    if args.out:
        record(args.out, "cache", [
            {"run": run, "documents": len(docs), "segments": len(scored), "seconds": round(seconds, 3),
             "cache_entries": info["entries"], "cache_mb": round(info["bytes"] / 1e6, 1)}
            for run, seconds in zip(("first (computes)", "second (cached)"), results)])


if __name__ == "__main__":
    main()
