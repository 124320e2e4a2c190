"""Reader for the VADER ground truth (Hutto & Gilbert 2014): human-rated sentiment snippets.

Each subset is a pair of tab-separated files: ``<stem>_GroundTruth.txt`` (id, mean, text) and
``<stem>_anonDataRatings.txt`` (id, mean, std, list of raw ratings). The files use CRLF line
ends, one starts with a UTF-8 BOM, the last line has no trailing newline, and the ratings column
is a Python list literal (read with :func:`ast.literal_eval`).
"""

from __future__ import annotations

import ast
import logging
import math
import os
from pathlib import Path

import pandas as pd

from .._config import corpus_path
from ..errors import CorpusFormatError, FramingError
from ..io._files import read_text, warn_broken

logger = logging.getLogger(__name__)

#: Subset name -> file stem in the corpus folder.
VADER_SUBSETS = {
    "tweets": "tweets",
    "nyt": "nytEditorialSnippets",
    "movie": "movieReviewSnippets",
    "amazon": "amazonReviewSnippets",
}

VADER_COLUMNS = ("subset", "item_id", "group", "text", "mean", "std", "n_ratings", "ratings")


def _lines(path: Path) -> list[tuple[int, str]]:
    """Numbered non-empty lines; BOM, CRLF/LF/CR and a missing final newline all handled.

    Only CR and LF end lines: U+2028, U+2029 and U+0085 in a snippet are text (``splitlines``
    would cut the snippet there and lose its second half).
    """
    lines = read_text(path).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


def _group(subset: str, item_id: str) -> str:
    # NYT ids are "article_sentence" and Amazon ids "review_sentence": the group is the
    # article/review so cross-validation can keep one document's sentences together.
    if subset in ("nyt", "amazon") and "_" in item_id:
        return item_id.split("_", 1)[0]
    return item_id


def _read_subset(folder: Path, subset: str) -> pd.DataFrame:
    stem = VADER_SUBSETS[subset]
    truth_path = folder / f"{stem}_GroundTruth.txt"
    ratings_path = folder / f"{stem}_anonDataRatings.txt"
    for p in (truth_path, ratings_path):
        if not p.exists():
            raise FileNotFoundError(
                f"{p} not found; the VADER ground-truth folder needs {stem}_GroundTruth.txt and "
                f"{stem}_anonDataRatings.txt. Pass the folder as path=..."
            )
    ratings: dict[str, tuple[float, list[int] | None]] = {}
    skipped, unreadable = [], []
    for number, line in _lines(ratings_path):
        parts = line.split("\t")
        if len(parts) != 4:
            skipped.append((number, f"expected 4 tab-separated fields, got {len(parts)}"))
            continue
        item_id, _mean, std, raw = (p.strip() for p in parts)
        try:
            values = list(ast.literal_eval(raw))
            if not all(isinstance(v, (int, float)) for v in values):
                raise ValueError("non-numeric rating")
        except (ValueError, SyntaxError, TypeError) as exc:
            unreadable.append((f"{number} (item {item_id})", f"ratings list unreadable: {exc}"))
            values = None
        try:
            std_value = float(std)
        except ValueError:
            std_value = math.nan
        ratings[item_id] = (std_value, values)
    warn_broken(ratings_path, skipped, unit="line", stacklevel=4)
    warn_broken(ratings_path, unreadable, unit="line", action="kept with empty ratings", stacklevel=4)

    rows = []
    skipped, bad_mean = [], []
    for number, line in _lines(truth_path):
        parts = line.split("\t", 2)
        if len(parts) != 3:
            skipped.append((number, "expected id, mean and text separated by tabs"))
            continue
        item_id, mean, text = parts[0].strip(), parts[1].strip(), parts[2]
        try:
            mean_value = float(mean)
        except ValueError:
            bad_mean.append((f"{number} (item {item_id})", f"mean {mean!r} is not a number"))
            mean_value = math.nan
        std_value, values = ratings.get(item_id, (math.nan, None))
        rows.append(
            {
                "subset": subset,
                "item_id": item_id,
                "group": _group(subset, item_id),
                "text": text,
                "mean": mean_value,
                "std": std_value,
                "n_ratings": len(values) if values is not None else 0,
                "ratings": values if values is not None else [],
            }
        )
    warn_broken(truth_path, skipped, unit="line", stacklevel=4)
    warn_broken(truth_path, bad_mean, unit="line", action="kept with mean NaN", stacklevel=4)
    if not rows:
        raise CorpusFormatError(f"{truth_path} holds no records; expected id<TAB>mean<TAB>text lines.")
    return pd.DataFrame(rows, columns=list(VADER_COLUMNS))


def load_vader_groundtruth(path: str | os.PathLike | None = None, *, subset=None) -> pd.DataFrame:
    """Read the VADER human-rated sentiment snippets, one row per item.

    Parameters
    ----------
    path : path-like, optional
        The folder holding the ``*_GroundTruth.txt`` / ``*_anonDataRatings.txt`` files.
        Default: ``vader_groundtruth/`` under :func:`framing.corpora_dir`.
    subset : str or sequence of str, optional
        Any of ``"tweets"``, ``"nyt"``, ``"movie"``, ``"amazon"``; default all four.

    Returns
    -------
    DataFrame
        Columns ``subset, item_id, group, text, mean, std, n_ratings, ratings``: ``mean`` is the
        mean human rating (-4..+4), ``ratings`` the list of raw ratings, ``group`` the article
        (NYT) or review (Amazon) the snippet comes from, else the item id.

    Examples
    --------
    >>> from framing.datasets import load_vader_groundtruth
    >>> nyt = load_vader_groundtruth(subset="nyt")  # doctest: +SKIP
    >>> nyt[["item_id", "mean"]].head(1)  # doctest: +SKIP
    """
    folder = corpus_path("vader_groundtruth", path)
    if subset is None:
        names = list(VADER_SUBSETS)
    else:
        names = [subset] if isinstance(subset, str) else list(subset)
    unknown = [n for n in names if n not in VADER_SUBSETS]
    if unknown:
        raise FramingError(
            f"unknown VADER subset(s) {unknown}; choose from {list(VADER_SUBSETS)}."
        )
    frames = [_read_subset(folder, name) for name in names]
    out = pd.concat(frames, ignore_index=True)
    logger.info("read %d VADER ground-truth items from %s", len(out), folder)
    return out
