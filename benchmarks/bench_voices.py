"""Speed of framing.voices (default path) over all KCNA articles plus the PolNeAR train split.

Target (issue 3): >= 200 articles per second on one core. Prints the measurements.
Run: python benchmarks/bench_voices.py
"""

from __future__ import annotations

import time
import warnings

import pandas as pd

from framing import BrokenRecordWarning
from framing.datasets import load_kcna, load_polnear
from framing import voices_frame


def kcna_documents() -> pd.DataFrame:
    """All KCNA articles (the reader's warnings about the corpus' null entries are expected)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)
        return load_kcna()


def main() -> None:
    kcna = kcna_documents()
    polnear = load_polnear(split="train")
    docs = pd.concat([kcna[["doc_id", "source", "text"]], polnear[["doc_id", "source", "text"]]],
                     ignore_index=True)
    voices_frame(docs.head(20))  # warm the caches (alias table, word lists)
    for name, frame in (("KCNA", kcna), ("PolNeAR train", polnear), ("all", docs)):
        start = time.process_time()
        segments = voices_frame(frame)
        seconds = time.process_time() - start
        chars = frame["text"].str.len().sum()
        print(f"{name:14s} {len(frame):6d} articles {chars / 1e6:6.1f} M chars {len(segments):7d} segments "
              f"{seconds:6.1f} s CPU  {len(frame) / seconds:6.0f} articles/s")


if __name__ == "__main__":
    main()
