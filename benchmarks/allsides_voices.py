"""framing.voices on real multi-outlet coverage: the allsides_nk gold tables and the whole corpus.

Scores the segments of the hand-annotated articles (``tests/data/allsides_voices_gold.csv``:
``dev`` and ``dev2`` developed on, ``heldout`` never tuned on; see ``tests/test_voices_allsides.py``
for how they were made and drawn) with :func:`framing.validation.attribution.score_phrase_gold`, per split: kind, speaker,
source and cue accuracy. Then splits all 615 articles and reports speed (CPU seconds, one
process) and how many segments of each kind came out. Prints the tables and, with ``--out``,
writes ``allsides_voices_gold.csv`` (numbers only) and the speed as ``bench_allsides_voices.csv``
(with the run conditions: date, load, cpus; see ``benchmarks/_record.py``).

Run: python benchmarks/allsides_voices.py [--out data]
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import pandas as pd

from framing import BrokenRecordWarning, voices_frame
from framing.datasets import load_allsides
from framing.validation.attribution import score_phrase_gold

from _record import record

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "allsides_voices_gold.csv"
SPLITS = ("dev", "dev2", "heldout")   # the gold splits, in the order of the table


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    """The phrase gold table (strings; empty cells stay empty)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def gold_table(segments: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per gold split: articles, rows and the four accuracies (NaN rows not checked)."""
    scored = score_phrase_gold(segments, gold, documents)
    rows = []
    order = {split: i for i, split in enumerate(SPLITS)}   # (a split not listed comes last)
    for split, part in sorted(scored.groupby("split", sort=False), key=lambda item: order.get(item[0], len(order))):
        row = {"split": split, "articles": part["doc_id"].nunique(), "rows": len(part)}
        for measure in ("kind", "speaker", "source", "cue"):
            checked = part[measure + "_ok"].dropna().astype(bool)
            row[f"{measure}_n"] = len(checked)
            row[f"{measure}_accuracy"] = round(float(checked.mean()), 3) if len(checked) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write allsides_voices_gold.csv into")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)  # the 60 undated articles, counted by the reader
        documents = load_allsides()
    voices_frame(documents.head(5))  # warm the caches (alias table, word lists)
    start = time.process_time()
    segments = voices_frame(documents)
    seconds = time.process_time() - start
    gold = read_gold()
    table = gold_table(segments[segments["doc_id"].isin(gold["doc_id"])], documents, gold)
    table["corpus_articles"] = len(documents)
    table["corpus_articles_per_s"] = round(len(documents) / seconds, 1)
    pd.set_option("display.width", 200)
    print(table.to_string(index=False))
    print(f"\nall {len(documents)} articles: {documents['text'].str.len().sum() / 1e6:.1f} M chars, "
          f"{len(segments)} segments, {seconds:.1f} s CPU, {len(documents) / seconds:.0f} articles/s")
    print(segments["kind"].value_counts().to_string())
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        table.to_csv(args.out / "allsides_voices_gold.csv", index=False)
        record(args.out / "benchmarks", "allsides_voices", [{   # speed beside the other benchmark tables
            "articles": len(documents), "characters": int(documents["text"].str.len().sum()),
            "segments": len(segments), "cpu_seconds": round(seconds, 2),
            "articles_per_s": round(len(documents) / seconds, 1)}])


if __name__ == "__main__":
    main()
