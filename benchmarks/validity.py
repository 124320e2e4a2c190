"""Validity report: the voices and the measures against human judgments in the shared corpora.

    python benchmarks/validity.py [--out data]

Prints (1) Pearson r with the mean human rating per VADER ground-truth subset for TextBlob,
VADER and the news model (NYT: cross-validated by article, 5 folds), with one rater's agreement
with the rest as the human ceiling, and the per-fold NYT table; (2) the ``loaded`` cue family
against BASIL lexical-bias spans (phrase-level precision/recall; baseline: every VADER-lexicon
word); (3) cue families against GVFC headline frames; (4) voices against PolNeAR's gold
attributions (train and dev). With ``--out`` every table is also written there as CSV (numbers
only), so a rerun can be compared number by number.
"""

from __future__ import annotations

import argparse
import functools
import sys
import warnings
from pathlib import Path

import pandas as pd

from framing.datasets import load_basil, load_basil_annotations, load_gvfc, load_vader_groundtruth
from framing.validation.attribution import evaluate_polnear
from framing.validation.models import cross_validate_news_model
from framing.validation.validity import frame_validity, loaded_language_validity, sentiment_validity


def _quietly(*readers):
    """Read corpora without the readers' warnings (they name the few broken BASIL and GVFC records)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [read() for read in readers]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for the CSV tables (e.g. data)")
    parser.add_argument("--only", action="append", help="compute only this table (repeatable), e.g. polnear_attribution")
    args = parser.parse_args(argv)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    truth = load_vader_groundtruth()
    folds = functools.cache(lambda: cross_validate_news_model(truth))  # one cross-validation feeds both tables
    tables = [
        ("sentiment_validity", "Sentiment vs mean human rating (Pearson r)",
         lambda: sentiment_validity(truth, cross_validation=folds())),
        ("nyt_cross_validation", "NYT editorial sentences, 5 folds grouped by article (same held-out "
         "sentences for all)", folds),
        ("loaded_language_validity", "Loaded language vs BASIL bias spans (phrase level; a match hits "
         "when it overlaps a span)", lambda: loaded_language_validity(*_quietly(load_basil, load_basil_annotations))),
        ("frame_validity", "Cue families vs GVFC headline frames (relevant headlines)",
         lambda: frame_validity(*_quietly(load_gvfc))),
        ("polnear_attribution", "Voices vs PolNeAR gold attributions (see framing.validation.attribution)",
         lambda: pd.concat({split: evaluate_polnear(split=split) for split in ("train", "dev")},
                           names=["split", "spans"]).reset_index()),
    ]
    for name, title, compute in tables:
        if args.only and name not in args.only:
            continue
        table = compute()
        print(f"== {title}")
        print(table.round(3).to_string(index=False), end="\n\n")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            table.round(6).to_csv(args.out / f"{name}.csv", index=False, lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
