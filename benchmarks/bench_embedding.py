"""Speed of the optional embedding sentiment model (needs ``pip install "framing[embeddings]"``).

Scores the first N sentences of the KCNA articles (default 1,000) with ``framing.score`` and
measure ``news`` (the core model) and ``news_embedding``, and prints encoder load time, seconds per
1,000 sentences for each, and the peak memory (max RSS) of the run. Also times ``explain`` for one
sentence (one encoder pass per word). Run: ``python benchmarks/bench_embedding.py [--n N] [--out data/benchmarks]``.
"""

from __future__ import annotations

import argparse
import resource
import time
import warnings

from _record import add_out_option, record


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="sentences to score")
    add_out_option(parser)
    args = parser.parse_args(argv)

    import pandas as pd

    from framing import explain, score, split_sentences
    from framing.datasets import load_kcna
    from framing.embedding_model import _encoder

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader warns about the corpus' few broken records
        documents = load_kcna()
    sentences = []
    for text in documents["text"]:
        sentences += split_sentences(text)
        if len(sentences) >= args.n:
            break
    frame = pd.DataFrame({"text": sentences[: args.n]})
    n = len(frame)
    print(f"sentences: {n} (mean {frame['text'].str.split().str.len().mean():.1f} words)")

    rows = []
    start = time.perf_counter()
    _encoder()
    seconds = time.perf_counter() - start
    rows.append({"what": "encoder load", "n": 1, "seconds": round(seconds, 2), "seconds_per_1000": ""})
    print(f"encoder load: {seconds:.1f} s")
    for measure in ("news", "news_embedding"):
        start = time.perf_counter()
        score(frame, measures=[measure])
        seconds = time.perf_counter() - start
        rows.append({"what": f"score {measure}", "n": n, "seconds": round(seconds, 2),
                     "seconds_per_1000": round(1000 * seconds / n, 2)})
        print(f"score {measure:15s} {seconds:7.1f} s  = {1000 * seconds / n:6.1f} s per 1,000 sentences")
    one = frame["text"].iloc[0]
    start = time.perf_counter()
    explain(one, measures=["news_embedding"])
    seconds = time.perf_counter() - start
    rows.append({"what": f"explain one sentence ({len(one.split())} words)", "n": 1, "seconds": round(seconds, 2),
                 "seconds_per_1000": ""})
    print(f"explain one sentence ({len(one.split())} words): {seconds:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    if args.out:
        record(args.out, "embedding", [{**row, "peak_mb": round(peak)} for row in rows])


if __name__ == "__main__":
    main()
