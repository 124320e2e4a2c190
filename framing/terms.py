"""Distinctive terms: the words that set one source apart from the others."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ._checks import require_columns, require_groups
from .errors import FramingError
from .text import word_spans

logger = logging.getLogger(__name__)

__all__ = ["distinctive_terms"]

_PRIOR_FLOOR = 0.01  # pseudo-count for words absent from a user-supplied prior


def distinctive_terms(data, *, text="text", by="source", top=20, prior=None, stop_words=None,
                      min_count=1) -> pd.DataFrame:
    """Words that set each group apart from the rest: weighted log-odds with a Dirichlet prior.

    Monroe, Colaresi & Quinn (2008, "Fightin' Words", eq. 16-22), group ``i`` against all other
    groups ``j``, prior pseudo-counts ``a_w`` summing to ``a0``:
    ``delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a))``,
    ``var = 1 / (y_i + a) + 1 / (y_j + a)``, ``z = delta / sqrt(var)``.

    Parameters
    ----------
    text, by : str
        Text and grouping columns. Words come from :func:`framing.text.word_spans`, lower-cased.
    top : int or None
        Terms kept per group, highest z first (None keeps all).
    prior : None, float or mapping
        None: informative prior from the pooled counts of all groups (``a_w`` = pooled count,
        so ``a0`` = all tokens). A float: that shape scaled to total ``a0 = prior``. A mapping
        or Series ``word -> pseudo-count`` (e.g. a background corpus); absent words get 0.01.
    stop_words : None, "english" or iterable of str
        Words dropped before counting; "english" is scikit-learn's ``ENGLISH_STOP_WORDS``.
    min_count : int
        Drop words seen fewer times than this in all groups together.

    Returns
    -------
    DataFrame
        ``<by>, term, count, count_rest, log_odds, se, z, rank`` (rank 1 = most distinctive).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.terms import distinctive_terms
    >>> data = pd.DataFrame({"source": ["A", "A", "B"],
    ...                      "text": ["peace talks peace", "talks go on", "missile test"]})
    >>> distinctive_terms(data, top=1)[["source", "term"]].values.tolist()
    [['A', 'peace'], ['B', 'missile']]
    """
    require_columns(data, [text, by], what="data")
    require_groups(data, by)
    counts = _term_counts(data[text], data[by], _stop_words(stop_words))
    if counts.shape[1] < 2:
        raise FramingError(f"distinctive_terms needs at least two groups in {by!r}, "
                           f"found {list(counts.columns)}.")
    counts = counts[counts.sum(axis=1) >= min_count]
    pooled = counts.sum(axis=1)
    if prior is None:
        alpha = pooled
    elif isinstance(prior, (Mapping, pd.Series)):
        alpha = pd.Series(prior, dtype=float).reindex(counts.index).fillna(_PRIOR_FLOOR)
        if (alpha <= 0).any():
            raise FramingError("prior pseudo-counts must be positive.")
    elif np.isscalar(prior) and not isinstance(prior, str) and float(prior) > 0:
        alpha = float(prior) * pooled / pooled.sum()
    else:
        raise FramingError("prior must be None, a positive number or a mapping word -> "
                           f"pseudo-count; got {prior!r}.")
    a0, total = alpha.sum(), pooled.sum()
    frames = []
    for group in counts.columns:
        own, rest = counts[group], pooled - counts[group]
        n_own = own.sum()
        delta = (np.log((own + alpha) / (n_own + a0 - own - alpha))
                 - np.log((rest + alpha) / (total - n_own + a0 - rest - alpha)))
        se = np.sqrt(1 / (own + alpha) + 1 / (rest + alpha))
        result = pd.DataFrame({by: group, "term": counts.index, "count": own.astype(int),
                               "count_rest": rest.astype(int), "log_odds": delta, "se": se,
                               "z": delta / se}).reset_index(drop=True)
        result = result.sort_values(["z", "term"], ascending=[False, True], kind="stable")
        result["rank"] = np.arange(1, len(result) + 1)
        frames.append(result if top is None else result.head(top))
    return pd.concat(frames, ignore_index=True)


def _stop_words(stop_words) -> frozenset:
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise FramingError(f"stop_words must be None, 'english' or a list of words; "
                               f"got {stop_words!r}.")
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # slow import: only here

        return frozenset(ENGLISH_STOP_WORDS)
    return frozenset(stop_words or ())


def _term_counts(texts, groups, stop) -> pd.DataFrame:
    """Lower-cased word counts, terms x groups (sorted); rows without text add nothing."""
    counters: dict = {}
    unusable = 0
    for group, value in zip(groups.to_numpy(), texts.to_numpy()):
        counter = counters.setdefault(group, Counter())
        if not isinstance(value, str):
            unusable += 1
            continue
        lowered = value.lower()
        counter.update(w for w in (lowered[s:e] for s, e in word_spans(lowered)) if w not in stop)
    if unusable:
        logger.info("%d rows without text contribute no words", unusable)
    return pd.DataFrame(counters, dtype=float).fillna(0.0).sort_index(axis=1)
