"""End to end on the whole archive: all KCNA articles + all Trump tweets (23,132 documents).

Two ways, in one run, each in its own fresh process (so peak memory is its own):

* kit: ``voices_frame`` then ``score`` with its default measures (TextBlob, VADER, cues, news);
* loop: what a researcher writes by hand: pysbd sentences, then ``TextBlob(s).sentiment`` and
  VADER ``polarity_scores(s)`` per sentence.

Both start timing after the corpus is loaded and the libraries imported (loading is the same for
both and printed separately). The kit's time is broken down by stage: voices, then the stages
``score`` itself clocks in the timed call (``framing.scoring._LAST_STAGES``: checks, dedupe,
language, one per measure, assemble; they add up to the score time). Issue 11's targets: kit
>= 10x faster than the loop, peak memory < 1 GB, and time linear in corpus size (``--limit N
--scale 1 2 4``: N, 2N and 4N distinct documents). ``--out DIR`` also writes
``DIR/bench_end_to_end.csv`` (``bench_end_to_end_scaling.csv`` with several ``--scale``), one row per run, with the load average before and after it (the
machine is shared: quote it with the numbers).

    python benchmarks/bench_end_to_end.py [--limit N --scale 1 2 4] [--no-loop] [--out DIR]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
import warnings

from _record import add_out_option, record


def _documents(limit: int, scale: int):
    import pandas as pd

    from framing.datasets import load_kcna, load_trump_tweets

    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the readers warn about the corpora's few null records
        docs = pd.concat([load_kcna(), load_trump_tweets()], ignore_index=True)
    if limit:
        # scale x limit distinct documents, a seeded sample of both corpora (nested: the x1 sample
        # is part of the x2 one). Copies would not do: score computes each distinct text once.
        docs = docs.sample(frac=1.0, random_state=0).head(limit * scale).sort_index()
    elif scale > 1:
        raise SystemExit("--scale above 1 needs --limit N (N x scale <= 23,132 distinct documents)")
    return docs, time.perf_counter() - start


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _kit(limit, scale, queue):
    import numpy as np
    import pandas as pd

    import framing
    from framing import scoring

    docs, load_seconds = _documents(limit, scale)
    framing.score(pd.DataFrame({"text": ["warm up every lexicon and model."]}))  # imports, lexicons
    start = time.perf_counter()
    segments = framing.voices_frame(docs)
    voices_seconds = time.perf_counter() - start
    scored = framing.score(segments)
    total = time.perf_counter() - start
    peak = _peak_mb()
    parts = dict(scoring._LAST_STAGES)  # clocked inside the timed score call: they add up to it
    queue.put({"name": f"kit x{scale}", "documents": len(docs), "units": len(scored), "seconds": total,
               "voices": voices_seconds, "score": total - voices_seconds, "parts": parts, "peak_mb": peak,
               "load": load_seconds, "chars": int(np.sum(docs["text"].str.len()))})


def _loop(limit, scale, queue):
    import pysbd
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    docs, load_seconds = _documents(limit, scale)
    segmenter = pysbd.Segmenter(language="en", clean=False)
    analyzer = SentimentIntensityAnalyzer()
    TextBlob("warm up.").sentiment
    start = time.perf_counter()
    rows = []
    for text in docs["text"]:
        for sentence in segmenter.segment(text):
            polarity, subjectivity = TextBlob(sentence).sentiment
            rows.append((polarity, subjectivity, analyzer.polarity_scores(sentence)))
    queue.put({"name": f"loop x{scale}", "documents": len(docs), "units": len(rows),
               "seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "load": load_seconds})


def _run(target, limit, scale):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    load_before = os.getloadavg()[0]
    process = ctx.Process(target=target, args=(limit, scale, queue))
    process.start()
    result = queue.get()
    process.join()
    result.update(scale=scale, load_before=load_before, load_after=os.getloadavg()[0])
    return result


_STAGES = ("checks", "dedupe", "language", "textblob", "vader", "cues", "news", "assemble")


def _rows(runs: list[dict], speedup: float | None) -> list[dict]:
    """One table row per run (kit at each scale, then the loop), for ``_record.record``."""
    rows = []
    for r in runs:
        parts = r.get("parts", {})
        row = {"run": r["name"].split()[0], "scale": r["scale"], "documents": r["documents"],
               "units": r["units"], "chars": r.get("chars", ""), "seconds": round(r["seconds"], 2),
               "voices": round(r["voices"], 2) if "voices" in r else "",
               "score": round(r["score"], 2) if "score" in r else ""}
        for stage in _STAGES:
            row[f"score_{stage}"] = round(parts[stage], 2) if stage in parts else ""
        # measures outside the defaults
        row["score_other"] = round(sum(v for k, v in parts.items() if k not in _STAGES), 2) if parts else ""
        row.update(peak_mb=round(r["peak_mb"]), load_before=round(r["load_before"], 2),
                   load_after=round(r["load_after"], 2), speedup=round(speedup, 2) if speedup and r is runs[0] else "")
        rows.append(row)
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="+", default=[1], help="multiples of --limit documents (e.g. 1 2 4)")
    parser.add_argument("--limit", type=int, default=0, help="a seeded sample of N documents (quick look)")
    parser.add_argument("--no-loop", action="store_true", help="skip the hand-written loop")
    add_out_option(parser)
    args = parser.parse_args(argv)
    kits = []
    for scale in args.scale:
        r = _run(_kit, args.limit, scale)
        kits.append(r)
        parts = ", ".join(f"{k} {v:.1f}" for k, v in r["parts"].items())
        print(f"{r['name']:<8} {r['documents']:>7,} docs {r['units']:>8,} segments {r['seconds']:7.1f} s "
              f"(voices {r['voices']:.1f}, score {r['score']:.1f}: {parts}) "
              f"{r['seconds'] / r['chars'] * 1e6:.2f} us/char; peak {r['peak_mb']:.0f} MB; "
              f"load {r['load']:.1f} s; load average {r['load_before']:.2f} -> {r['load_after']:.2f}", flush=True)
    if len(kits) > 1:
        base = kits[0]["seconds"] / kits[0]["chars"]
        print("time per character relative to x{}: {}".format(
            args.scale[0], ", ".join(f"x{s}: {k['seconds'] / k['chars'] / base:.2f}" for s, k in zip(args.scale, kits))))
    runs, speedup = list(kits), None
    if not args.no_loop:
        loop = _run(_loop, args.limit, args.scale[0])
        print(f"{loop['name']:<8} {loop['documents']:>7,} docs {loop['units']:>8,} sentences {loop['seconds']:7.1f} s "
              f"peak {loop['peak_mb']:.0f} MB; load average {loop['load_before']:.2f} -> {loop['load_after']:.2f}",
              flush=True)
        kit = kits[0]
        speedup = loop["seconds"] / kit["seconds"]
        print(f"speed-up x{args.scale[0]}: {speedup:.1f}x (target >= 10x); kit peak "
              f"{kit['peak_mb']:.0f} MB (target < 1024 MB)")
        runs.append(loop)
    if args.out:   # the whole archive and a scaling run (several --scale) are separate tables
        record(args.out, "end_to_end" if len(args.scale) == 1 else "end_to_end_scaling", _rows(runs, speedup))
    return 0


if __name__ == "__main__":
    sys.exit(main())
