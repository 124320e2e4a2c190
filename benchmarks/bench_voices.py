"""Speed of framing.voices (default path) over all KCNA articles plus the PolNeAR train split.

Target (issue 3): >= 200 articles per second on one core. Prints the measurements.
Run: python benchmarks/bench_voices.py
"""

from __future__ import annotations

import json
import time

import pandas as pd

import framing
from framing.datasets.polnear import load_polnear
from framing.voices import voices_frame


def kcna_documents() -> pd.DataFrame:
    """All KCNA articles: the reader when it exists, else the daily JSON files directly."""
    try:
        from framing.datasets import load_kcna
    except ImportError:
        load_kcna = None
    if load_kcna is not None:
        return load_kcna()
    records = []
    for file in sorted((framing.corpora_dir() / "kcna" / "juche").glob("*.json")):
        day = json.loads(file.read_text(encoding="utf-8"))
        for i, article in enumerate(day.get("articles") or []):
            if article and article.get("content"):
                records.append({"doc_id": f"{file.stem}-{i}", "text": article["content"], "source": "KCNA"})
    return framing.make_documents(records)


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
