"""Speed: score every sentence of the KCNA articles and the Trump tweets, two ways.

* naive: the loop a researcher writes by hand: pysbd sentences, then ``TextBlob(s).sentiment``
  and VADER ``polarity_scores(s)`` for each sentence;
* framing: ``framing.text.sentence_spans`` sentences, then ``framing.score`` with all core
  measures (TextBlob, VADER, the cue codebook and the news-sentiment model).

Each runs in its own fresh process (so peak memory is its own), one after the other; the script
prints seconds, sentences, peak memory (max RSS) and the speed ratio. Target: ratio >= 5 and
peak memory < 1 GB. Run: ``python benchmarks/bench_score.py [--limit N]`` (N documents, for a
quick look; default all).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
import warnings

from _record import add_out_option, record


def _documents(limit):
    from framing.datasets import load_kcna, load_trump_tweets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the readers warn about the corpus' few null records
        texts = load_kcna()["text"].tolist() + load_trump_tweets()["text"].tolist()
    return texts[:limit] if limit else texts


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _naive(limit, queue):
    import pysbd
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = _documents(limit)
    base = _peak_mb()
    start = time.perf_counter()
    segmenter = pysbd.Segmenter(language="en", clean=False)
    analyzer = SentimentIntensityAnalyzer()
    rows = []
    for text in texts:
        for sentence in segmenter.segment(text):
            polarity, subjectivity = TextBlob(sentence).sentiment
            rows.append((polarity, subjectivity, analyzer.polarity_scores(sentence)))
    queue.put({"name": "naive (pysbd + TextBlob + VADER)", "documents": len(texts), "sentences": len(rows),
               "seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "data_mb": base})


def _framing(limit, queue):
    import pandas as pd

    from framing import score
    from framing.text import sentence_spans

    texts = _documents(limit)
    base = _peak_mb()
    start = time.perf_counter()
    sentences = [text[a:b] for text in texts for a, b in sentence_spans(text)]
    scored = score(pd.DataFrame({"text": sentences}), measures=("textblob", "vader", "cues", "news"))
    queue.put({"name": "framing.score (all core measures)", "documents": len(texts), "sentences": len(scored),
               "seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "data_mb": base,
               "columns": scored.shape[1]})


def _run(target, limit):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=target, args=(limit, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="framing.score vs the naive TextBlob+VADER loop")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    add_out_option(parser)
    args = parser.parse_args(argv)
    results = [_run(_framing, args.limit), _run(_naive, args.limit)]
    for r in results:
        print(f"{r['name']:<36} {r['documents']:>6} docs {r['sentences']:>7} sentences "
              f"{r['seconds']:7.1f} s  peak {r['peak_mb']:6.0f} MB (after loading: {r['data_mb']:.0f} MB)")
    ours, naive = results
    ratio = naive["seconds"] / ours["seconds"]
    print(f"speed-up: {ratio:.1f}x (target >= 5x); framing peak memory {ours['peak_mb']:.0f} MB (target < 1024 MB)")
    if args.out:
        record(args.out, "score", [{"run": r["name"], "documents": r["documents"], "sentences": r["sentences"],
                                    "seconds": round(r["seconds"], 2), "peak_mb": round(r["peak_mb"]),
                                    "speedup": round(ratio, 2) if r is ours else ""} for r in results])
    return 0


if __name__ == "__main__":
    sys.exit(main())
