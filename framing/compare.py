"""Compare sources with honest statistics: articles are clusters, not independent rows.

Segments of one article share its topic, author and day, so treating them as independent
makes intervals too narrow. Every estimate here resamples (or sums residuals over) whole
clusters (``doc_id`` by default); with one row per cluster the methods reduce to the ordinary
bootstrap and the classical standard error. Missing scores (NaN) are left out of every
estimate and counted in ``n_missing``. With an integer ``random_state`` each estimate draws
from its own stream, derived from the seed and its labels (group, period, measure), so adding
a source or a measure does not change the numbers of the others; the order of the input rows
never changes a number.

What is averaged is explicit: ``weight="segment"`` (every scored row counts once, the
default), ``"word"`` (rows weighted by their word count: the mean over the words of a voice)
or ``"document"`` (every article counts once: the mean of its rows' mean). The returned
tables name the weight and the interval method in their ``weight`` and ``method`` columns.
By default (``method="auto"``) intervals are BCa when a group has fewer than 30 clusters (the
percentile interval runs narrow there) and percentile otherwise.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import special

from . import _resampling as rs
from ._effect_sizes import cliffs_delta, hedges_g
from ._checks import require_columns, require_groups
from .errors import ColumnError, FramingError

logger = logging.getLogger(__name__)

__all__ = ["DifferenceResult", "adjust_p_values", "cliffs_delta", "compare_over_time",
           "compare_sources", "estimate_difference", "hedges_g", "pairwise_differences"]

_METHODS = ("auto", "bootstrap", "bca", "cr1")
_WEIGHTS = ("segment", "word", "document")
_rng = rs.rng_for  # the seeded stream of every estimate (other modules reuse it)


def compare_sources(data, *, measures, by="source", cluster="doc_id", weight="segment",
                    words="cue_n_words", confidence=0.95, n_resamples=2000, method="auto",
                    random_state=0) -> pd.DataFrame:
    """Mean of each score per group, with an interval that treats clusters as the unit.

    Parameters
    ----------
    data : DataFrame
        Scored rows (segments or documents).
    measures : str or list of str
        Numeric score columns, e.g. ``["textblob_polarity", "vader_compound"]``.
    by : str
        Grouping column (the voice or source).
    cluster : str or None
        Column naming the cluster (article) of each row; None makes every row its own cluster.
    weight : {"segment", "word", "document"}
        What is averaged: rows, words (rows weighted by ``words``) or documents (each cluster
        weighs one, its rows share that weight).
    words : str
        Word-count column for ``weight="word"`` (``score`` writes ``cue_n_words``); when it is
        absent the words of the ``text`` column are counted.
    confidence : float
        Coverage of the interval.
    n_resamples : int
        Bootstrap resamples (ignored by ``method="cr1"``).
    method : {"auto", "bootstrap", "bca", "cr1"}
        ``"bootstrap"``: cluster bootstrap (clusters resampled with replacement within each
        group, the weighted mean recomputed), percentile interval. ``"bca"``: the same
        resamples, bias-corrected and accelerated interval (acceleration from the
        leave-one-cluster-out jackknife). ``"cr1"``: analytic cluster-robust standard error
        (weighted residuals summed per cluster, factor G/(G-1)), t interval on G-1 df.
        ``"auto"``: ``"bca"`` for a group with fewer than 30 clusters, else ``"bootstrap"``.
    random_state : int, numpy Generator or None
        Seed of the resampling (a non-negative integer).

    Returns
    -------
    DataFrame
        One row per (group, measure): ``<by>, measure, n`` (rows with a score), ``n_clusters``
        (clusters with a score), ``n_missing`` (rows with NaN), ``mean, se, ci_low, ci_high,
        confidence, method`` (the method used for that row), ``weight``. The interval is NaN
        for a group with fewer than two clusters: one article says nothing about the spread
        between articles.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> data = pd.DataFrame({"source": ["A", "A", "A", "B", "B", "B"],
    ...                      "doc_id": ["1", "1", "2", "3", "4", "5"],
    ...                      "score": [0.1, 0.3, 0.2, -0.1, 0.0, 0.4]})
    >>> table = compare_sources(data, measures="score", n_resamples=200)
    >>> table[["source", "n", "n_clusters", "mean", "method", "weight"]].round(2).values.tolist()
    [['A', 3, 2, 0.2, 'bca', 'segment'], ['B', 3, 3, 0.1, 'bca', 'segment']]
    """
    measures = _as_list(measures)
    codes = _prepare(data, measures=measures, by=by, cluster=cluster)
    options = _options(method, confidence, n_resamples, random_state, weight)
    weights = rs.word_weights(data, weight, words)
    return _compare(data, codes, weights, {by: data[by].to_numpy()}, measures, **options)


def compare_over_time(data, *, measures, by="source", date="date", freq="M", cluster="doc_id",
                      weight="segment", words="cue_n_words", confidence=0.95, n_resamples=2000,
                      method="auto", random_state=0) -> pd.DataFrame:
    """Like :func:`compare_sources`, per group and time bin.

    Parameters
    ----------
    date : str
        Date column (datetimes or parseable strings; time zones are converted to UTC).
    freq : str
        pandas period alias: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``.
    Other parameters
        As in :func:`compare_sources`.

    Returns
    -------
    DataFrame
        The columns of :func:`compare_sources` with ``period`` (pandas Period) after ``<by>``.
        Rows without a date form their own bin, ``period`` NaT, rather than being dropped.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_over_time
    >>> data = pd.DataFrame({"source": ["A"] * 4, "doc_id": ["1", "2", "3", "4"],
    ...                      "date": ["2018-01-03", "2018-01-20", "2018-02-01", "2018-02-09"],
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> table = compare_over_time(data, measures="score", n_resamples=100)
    >>> [str(p) for p in table["period"]]
    ['2018-01', '2018-02']
    """
    measures = _as_list(measures)
    codes = _prepare(data, measures=measures, by=by, cluster=cluster, extra=[date])
    options = _options(method, confidence, n_resamples, random_state, weight)
    weights = rs.word_weights(data, weight, words)
    column = data[date]
    try:
        parse = None if pd.api.types.is_datetime64_any_dtype(column) else "mixed"
        stamps = pd.to_datetime(column, utc=True, format=parse)
        periods = stamps.dt.tz_convert(None).dt.to_period(freq)
    except (ValueError, TypeError) as error:
        raise FramingError(
            f"column {date!r} cannot be read as dates with period {freq!r} ({error}). "
            "Pass datetimes or ISO strings and a pandas period alias such as 'D', 'W', 'M'."
        ) from error
    if periods.isna().any():
        logger.info("%d rows without a date kept in a NaT period", int(periods.isna().sum()))
    table = _compare(data, codes, weights, {by: data[by].to_numpy(), "period": periods.array},
                     measures, **options)
    table["period"] = table["period"].astype(periods.dtype)
    return table


def _compare(data, codes, weights, keys, measures, *, random_state, weight, **options):
    """One estimate per (key combination, measure); ``keys`` maps column name -> labels."""
    indices = pd.DataFrame(keys).groupby(list(keys), sort=True, dropna=False).indices
    arrays = {measure: data[measure].to_numpy(float) for measure in measures}
    rows = []
    for key, index in indices.items():
        key = key if isinstance(key, tuple) else (key,)
        for measure in measures:
            rng = _rng(random_state, *key, measure)
            estimate = _estimate(arrays[measure][index], weights[index], codes[index],
                                 document=weight == "document", rng=rng, **options)
            rows.append({**dict(zip(keys, key)), "measure": measure, **estimate,
                         "weight": weight})
    table = pd.DataFrame(rows)
    counts = ["n", "n_clusters", "n_missing"]
    table[counts] = table[counts].astype(int)
    return table


def _estimate(values, weights, codes, *, document, method, confidence, n_resamples, rng):
    """Weighted mean and interval of ``values`` with ``codes`` as cluster labels."""
    missing = np.isnan(values)
    values, weights, codes = values[~missing], weights[~missing], codes[~missing]
    if document:
        weights = rs.per_document(codes)
    sums, counts = rs.cluster_totals(values, weights, codes)
    n, k, alpha = len(values), len(counts), 1.0 - confidence
    method = _resolve(method, k)
    result = {"n": n, "n_clusters": k, "n_missing": int(missing.sum()), "mean": np.nan,
              "se": np.nan, "ci_low": np.nan, "ci_high": np.nan, "confidence": confidence,
              "method": method}
    total = counts.sum()
    if n and total > 0:
        result["mean"] = mean = sums.sum() / total
    if k < 2 or not total > 0:
        return result
    if method == "cr1":
        se = np.sqrt(k / (k - 1) * np.sum((sums - counts * mean) ** 2)) / total
        half = special.stdtrit(k - 1, 1 - alpha / 2) * se  # t quantile
        return {**result, "se": se, "ci_low": mean - half, "ci_high": mean + half}
    boot = rs.resample_means([(sums, counts)], n_resamples, rng)[0]
    if method == "bca":
        with np.errstate(invalid="ignore", divide="ignore"):
            jackknife = (sums.sum() - sums) / (total - counts)
        low, high = rs.bca_interval(mean, boot, jackknife, alpha)
    else:
        low, high = rs.percentile_interval(boot, alpha)
    return {**result, "se": np.nanstd(boot, ddof=1), "ci_low": low, "ci_high": high}


@dataclass(frozen=True)
class DifferenceResult:
    """Difference in means ``group_a`` minus ``group_b`` with its evidence.

    ``ci_low``/``ci_high``: cluster-bootstrap interval of the difference (``method``:
    "bootstrap" percentile or "bca"; NaN when a group has fewer than two clusters).
    ``p_value``: two-sided cluster permutation p-value. ``hedges_g`` and ``cliffs_delta`` are
    computed at ``effect_level``: "cluster" (one value per article: the mean of its rows in
    that group) or "row" (every scored row). ``weight`` says what the means average.
    """

    measure: str
    group_a: str
    group_b: str
    mean_a: float
    mean_b: float
    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    hedges_g: float
    cliffs_delta: float
    n_a: int
    n_b: int
    n_clusters_a: int
    n_clusters_b: int
    n_missing_a: int
    n_missing_b: int
    effect_level: str
    confidence: float
    n_resamples: int
    n_permutations: int
    method: str = "bootstrap"
    weight: str = "segment"

    def to_dict(self) -> dict:
        """The fields as a plain dict (one row of :func:`pairwise_differences`)."""
        return asdict(self)


def estimate_difference(data, *, measure, groups, by="source", cluster="doc_id",
                        weight="segment", words="cue_n_words", confidence=0.95,
                        n_resamples=2000, n_permutations=5000, method="auto",
                        effect_level="cluster", random_state=0) -> DifferenceResult:
    """Estimate the difference in the mean of one score between two groups, by clusters.

    Clusters holding rows of one group only are resampled within their group (bootstrap) and
    their labels shuffled among them (permutation). Clusters holding rows of both groups (an
    article quoting both voices) are resampled as a stratum of their own, and the permutation
    swaps their two groups' labels with probability 1/2, so the test stays valid when voices
    share articles.

    Parameters
    ----------
    measure : str
        Numeric score column.
    groups : tuple of two labels
        ``(a, b)``; the difference is ``mean(a) - mean(b)`` (weighted as ``weight`` says).
    n_permutations : int
        Permutations for the p-value ``(1 + #{|d*| >= |d|}) / (1 + n_permutations)``.
    method : {"auto", "bootstrap", "bca"}
        Interval of the difference; ``"auto"``: BCa when either group has fewer than 30
        clusters, else percentile.
    effect_level : {"cluster", "row"}
        Units for Hedges' g and Cliff's delta (clusters are the independent units).
    Other parameters
        As in :func:`compare_sources`.

    Returns
    -------
    DifferenceResult

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import estimate_difference
    >>> data = pd.DataFrame({"source": ["A"] * 4 + ["B"] * 4, "doc_id": list("aabbccdd"),
    ...                      "score": [0.5, 0.7, 0.6, 0.4, 0.0, -0.2, 0.1, -0.1]})
    >>> result = estimate_difference(data, measure="score", groups=("A", "B"), n_resamples=200)
    >>> round(result.difference, 2), result.n_clusters_a, result.method
    (0.6, 2, 'bca')
    """
    codes = _prepare(data, measures=[measure], by=by, cluster=cluster)
    options = _options(method, confidence, n_resamples, random_state, weight)
    if method == "cr1":
        raise FramingError("estimate_difference offers method 'auto', 'bootstrap' or 'bca'; "
                           "for cluster-robust standard errors use framing.model_sources.")
    n_permutations = rs.check_count(n_permutations, "n_permutations", minimum=1)
    if not isinstance(groups, (tuple, list)) or len(groups) != 2 or groups[0] == groups[1]:
        raise FramingError(f"groups must name two different groups, got {groups!r}.")
    if effect_level not in ("cluster", "row"):
        raise FramingError(f"effect_level must be 'cluster' or 'row', got {effect_level!r}.")
    labels, values = data[by].to_numpy(), data[measure].to_numpy(float)
    present = set(pd.unique(labels))
    if absent := [g for g in groups if g not in present]:
        raise FramingError(f"group(s) {absent} not found in column {by!r}; "
                           f"present: {sorted(map(str, present))}.")
    scored = ~np.isnan(values)
    in_a, in_b = labels == groups[0], labels == groups[1]
    raw = rs.word_weights(data, weight, words)
    parts = []
    for mask in (in_a & scored, in_b & scored):
        w = rs.per_document(codes[mask]) if weight == "document" else raw[mask]
        parts.append((values[mask], w, codes[mask]))
    for group, (v, _, _) in zip(groups, parts):
        if len(v) == 0:
            raise FramingError(f"group {group!r} has no non-missing {measure!r} scores to compare.")
    used = np.unique(np.concatenate([c for _, _, c in parts]))
    (sa, na), (sb, nb) = (rs.totals_on(used, v, w, c) for v, w, c in parts)
    mean_a, mean_b = sa.sum() / na.sum(), sb.sum() / nb.sum()
    has_a, has_b = np.isin(used, parts[0][2]), np.isin(used, parts[1][2])
    strata = [np.flatnonzero(has_a & ~has_b), np.flatnonzero(has_b & ~has_a),
              np.flatnonzero(has_a & has_b)]
    sums, counts = np.column_stack([sa, sb]), np.column_stack([na, nb])
    rng = _rng(options["random_state"], *groups, measure)
    boot = rs.resample_means([(sums[s], counts[s]) for s in strata], options["n_resamples"], rng)
    alpha, k_a, k_b = 1 - confidence, int(has_a.sum()), int(has_b.sum())
    method = _resolve(method, min(k_a, k_b))
    difference = mean_a - mean_b
    if min(k_a, k_b) < 2:  # one article: no spread to resample
        low = high = np.nan
    elif method == "bca":
        with np.errstate(invalid="ignore", divide="ignore"):
            jackknife = ((sa.sum() - sa) / (na.sum() - na) - (sb.sum() - sb) / (nb.sum() - nb))
        low, high = rs.bca_interval(difference, boot[0] - boot[1], jackknife, alpha)
    else:
        low, high = rs.percentile_interval(boot[0] - boot[1], alpha)
    p_value = rs.permutation_p(difference, sums, counts, strata, n_permutations, rng)
    if effect_level == "cluster":
        x, y = sa[has_a] / na[has_a], sb[has_b] / nb[has_b]
    else:
        x, y = parts[0][0], parts[1][0]
    return DifferenceResult(
        measure=measure, group_a=groups[0], group_b=groups[1], mean_a=float(mean_a),
        mean_b=float(mean_b), difference=float(difference), ci_low=float(low),
        ci_high=float(high), p_value=p_value, hedges_g=hedges_g(x, y),
        cliffs_delta=cliffs_delta(x, y), n_a=len(parts[0][0]), n_b=len(parts[1][0]),
        n_clusters_a=k_a, n_clusters_b=k_b,
        n_missing_a=int((in_a & ~scored).sum()), n_missing_b=int((in_b & ~scored).sum()),
        effect_level=effect_level, confidence=confidence, n_resamples=options["n_resamples"],
        n_permutations=n_permutations, method=method, weight=weight)


def pairwise_differences(data, *, measure, by="source", groups=None, adjust="holm",
                         **options) -> pd.DataFrame:
    """:func:`estimate_difference` for every pair of groups (and measure), p-values adjusted.

    Parameters
    ----------
    measure : str or list of str
        One score column, or several: the adjustment then runs over every (pair, measure)
        test in the table, which is the family a notebook reports.
    groups : list of labels, optional
        Groups to compare (default: every group in ``by``, sorted).
    adjust : {"holm", "bh"}
        Multiplicity control: Holm's step-down (family-wise error) or Benjamini-Hochberg
        (false discovery rate).
    **options
        ``cluster, weight, words, confidence, n_resamples, n_permutations, method,
        effect_level, random_state`` as in :func:`estimate_difference`; each test gives the
        same numbers as its own call.

    Returns
    -------
    DataFrame
        One row per (measure, pair): the fields of :class:`DifferenceResult` plus
        ``p_adjusted`` and ``adjust`` (the method, so the table says which).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import pairwise_differences
    >>> data = pd.DataFrame({"source": list("AABBCC"), "doc_id": list("123456"),
    ...                      "score": [0.1, 0.2, 0.5, 0.6, 0.1, 0.3]})
    >>> table = pairwise_differences(data, measure="score", n_resamples=100, n_permutations=99)
    >>> table[["group_a", "group_b", "adjust"]].values.tolist()
    [['A', 'B', 'holm'], ['A', 'C', 'holm'], ['B', 'C', 'holm']]
    """
    require_columns(data, [by], what="data")
    if adjust not in ("holm", "bh"):
        raise FramingError(f"adjust must be 'holm' or 'bh', got {adjust!r}.")
    groups = sorted(pd.unique(data[by].dropna())) if groups is None else list(groups)
    table = pd.DataFrame([estimate_difference(data, measure=m, groups=pair, by=by,
                                              **options).to_dict()
                          for m in _as_list(measure) for pair in combinations(groups, 2)])
    if len(table):
        table["p_adjusted"] = rs.adjust(table["p_value"].to_numpy(float), adjust)
        table["adjust"] = adjust
    return table


def adjust_p_values(p_values, *, method="holm") -> np.ndarray:
    """Adjust a family of p-values for multiple testing.

    Parameters
    ----------
    p_values : array-like of float
        NaN entries stay NaN and do not count towards the family.
    method : {"holm", "bh"}
        Holm's step-down (controls the family-wise error rate) or Benjamini-Hochberg (controls
        the false discovery rate).

    Examples
    --------
    >>> adjust_p_values([0.01, 0.04, 0.03], method="holm").round(2).tolist()
    [0.03, 0.06, 0.06]
    >>> adjust_p_values([0.01, 0.04, 0.03], method="bh").round(2).tolist()
    [0.03, 0.04, 0.04]
    """
    return rs.adjust(p_values, method)


def _as_list(measures) -> list:
    measures = [measures] if isinstance(measures, str) else list(measures)
    if not measures:
        raise FramingError("measures is empty; name at least one score column.")
    return measures


def _prepare(data, *, measures, by, cluster, extra=()) -> np.ndarray:
    """Validate the columns and return integer cluster codes (one per row, sorted labels)."""
    require_columns(data, [by, *measures, *extra, *([cluster] if cluster else [])], what="data")
    require_groups(data, by)
    if len(data) == 0:
        raise FramingError("data has no rows; there is nothing to compare.")
    for measure in measures:
        column = data[measure]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            raise ColumnError(
                f"score column {measure!r} has dtype {column.dtype}, expected numbers. "
                "Convert it with pandas.to_numeric or name a numeric score column."
            )
    if cluster is None:  # every row its own cluster, coded by its index label when unique
        return rs.cluster_codes(data.index) if data.index.is_unique else np.arange(len(data))
    if (missing := data[cluster].isna()).any():
        raise FramingError(
            f"{int(missing.sum())} rows have no {cluster!r} (first rows: "
            f"{list(data.index[missing][:5])}). Give each row its article id, or pass "
            "cluster=None if rows are independent."
        )
    return rs.cluster_codes(data[cluster])


def _options(method, confidence, n_resamples, random_state, weight) -> dict:
    """Validate the shared options; the resampling ones with a message that says the fix."""
    if method not in _METHODS:
        raise FramingError(f"method must be one of {_METHODS}, got {method!r}.")
    if weight not in _WEIGHTS:
        raise FramingError(f"weight must be one of {_WEIGHTS}, got {weight!r}.")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0 < confidence < 1:
        raise FramingError(f"confidence must lie between 0 and 1, got {confidence!r}; "
                           "pass for example confidence=0.95.")
    rs.check_random_state(random_state)
    return {"method": method, "confidence": float(confidence), "random_state": random_state,
            "n_resamples": rs.check_count(n_resamples, "n_resamples", minimum=2),
            "weight": weight}


def _resolve(method, n_clusters) -> str:
    if method == "auto":
        return "bca" if n_clusters < rs.SMALL else "bootstrap"
    return method
