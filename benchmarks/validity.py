"""Validity report: the measures against human judgments in the shared corpora.

    python benchmarks/validity.py

Prints (1) Pearson r with the mean human rating per VADER ground-truth subset for TextBlob,
VADER and the news model (NYT: cross-validated by article, 5 folds), with one rater's agreement
with the rest as the human ceiling, and the per-fold NYT table; (2) the ``loaded`` cue family
against BASIL lexical-bias spans (phrase-level precision/recall; baseline: every VADER-lexicon
word); (3) cue families against GVFC headline frames.
"""

from __future__ import annotations

import sys

import pandas as pd

from framing.datasets import load_vader_groundtruth
from framing.model import cross_validate_news_model
from framing.validity import frame_validity, loaded_language_validity, sentiment_validity


def main() -> int:
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    truth = load_vader_groundtruth()
    print("== Sentiment vs mean human rating (Pearson r)")
    print(sentiment_validity(truth).round(3).to_string(index=False))
    print("\n== NYT editorial sentences, 5 folds grouped by article (same held-out sentences for all)")
    print(cross_validate_news_model(truth).round(3).to_string(index=False))
    print("\n== Loaded language vs BASIL bias spans (phrase level; a match hits when it overlaps a span)")
    print(loaded_language_validity().round(3).to_string(index=False))
    print("\n== Cue families vs GVFC headline frames (relevant headlines)")
    print(frame_validity().round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
