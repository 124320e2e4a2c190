"""Compare sources with honest statistics: articles are clusters, not independent rows.

Segments of one article share its topic, author and day, so treating them as independent
makes intervals too narrow. Every estimate here resamples (or sums residuals over) whole
clusters (``doc_id`` by default); with one row per cluster the methods reduce to the ordinary
bootstrap and the classical standard error. Missing scores (NaN) are left out of every
estimate and counted in ``n_missing``. With an integer ``random_state`` each estimate draws
from its own stream, derived from the seed and its labels (group, period, measure), so adding
a source or a measure does not change the numbers of the others.
"""

from __future__ import annotations

import logging
import zlib
from dataclasses import asdict, dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import special

from ._checks import require_columns, require_groups
from .errors import ColumnError, FramingError

logger = logging.getLogger(__name__)

__all__ = ["DifferenceResult", "cliffs_delta", "compare_over_time", "compare_sources",
           "hedges_g", "pairwise_differences", "test_difference"]

_METHODS = ("bootstrap", "bca", "cr1")
_CHUNK = 2_000_000  # resampled cluster indices held in memory at once


def compare_sources(data, *, measures, by="source", cluster="doc_id", confidence=0.95,
                    n_resamples=2000, method="bootstrap", random_state=0) -> pd.DataFrame:
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
    confidence : float
        Coverage of the interval.
    n_resamples : int
        Bootstrap resamples (ignored by ``method="cr1"``).
    method : {"bootstrap", "bca", "cr1"}
        ``"bootstrap"``: cluster bootstrap (clusters resampled with replacement within each
        group, the mean of all their rows recomputed), percentile interval. ``"bca"``: the same
        resamples, bias-corrected and accelerated interval (acceleration from the
        leave-one-cluster-out jackknife). ``"cr1"``: analytic cluster-robust standard error
        (residuals summed per cluster, small-sample factor G/(G-1)), t interval on G-1 df.
    random_state : int, numpy Generator or None
        Seed of the resampling.

    Returns
    -------
    DataFrame
        One row per (group, measure): ``<by>, measure, n`` (rows with a score), ``n_clusters``
        (clusters with a score), ``n_missing`` (rows with NaN), ``mean, se, ci_low, ci_high,
        confidence, method``. The interval is NaN for a group with fewer than two clusters:
        one article says nothing about the spread between articles. With few clusters (under
        about 30) the percentile interval runs a little narrow; "bca" or "cr1" do better.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> data = pd.DataFrame({"source": ["A", "A", "A", "B", "B", "B"],
    ...                      "doc_id": ["1", "1", "2", "3", "4", "5"],
    ...                      "score": [0.1, 0.3, 0.2, -0.1, 0.0, 0.4]})
    >>> table = compare_sources(data, measures="score", n_resamples=200)
    >>> table[["source", "n", "n_clusters", "mean"]].round(2).values.tolist()
    [['A', 3, 2, 0.2], ['B', 3, 3, 0.1]]
    """
    measures = _as_list(measures)
    codes = _prepare(data, measures=measures, by=by, cluster=cluster)
    _check_method(method, confidence, n_resamples)
    return _compare(data, codes, {by: data[by].to_numpy()}, measures, method=method,
                    confidence=confidence, n_resamples=n_resamples, random_state=random_state)


def compare_over_time(data, *, measures, by="source", date="date", freq="M", cluster="doc_id",
                      confidence=0.95, n_resamples=2000, method="bootstrap",
                      random_state=0) -> pd.DataFrame:
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
    _check_method(method, confidence, n_resamples)
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
    table = _compare(data, codes, {by: data[by].to_numpy(), "period": periods.array}, measures,
                     method=method, confidence=confidence, n_resamples=n_resamples,
                     random_state=random_state)
    table["period"] = table["period"].astype(periods.dtype)
    return table


def _compare(data, codes, keys, measures, *, random_state, **options) -> pd.DataFrame:
    """One estimate per (key combination, measure); ``keys`` maps column name -> labels."""
    indices = pd.DataFrame(keys).groupby(list(keys), sort=True, dropna=False).indices
    arrays = {measure: data[measure].to_numpy(float) for measure in measures}
    rows = []
    for key, index in indices.items():
        key = key if isinstance(key, tuple) else (key,)
        for measure in measures:
            rng = _rng(random_state, *key, measure)
            estimate = _estimate(arrays[measure][index], codes[index], rng=rng, **options)
            rows.append({**dict(zip(keys, key)), "measure": measure, **estimate})
    table = pd.DataFrame(rows)
    counts = ["n", "n_clusters", "n_missing"]
    table[counts] = table[counts].astype(int)
    return table


def _estimate(values, codes, *, method, confidence, n_resamples, rng) -> dict:
    """Mean and interval of ``values`` with ``codes`` as cluster labels."""
    missing = np.isnan(values)
    sums, counts = _cluster_totals(values[~missing], codes[~missing])
    n, k, alpha = int(counts.sum()), len(counts), 1.0 - confidence
    result = {"n": n, "n_clusters": k, "n_missing": int(missing.sum()), "mean": np.nan,
              "se": np.nan, "ci_low": np.nan, "ci_high": np.nan, "confidence": confidence,
              "method": method}
    if n:
        result["mean"] = mean = sums.sum() / n
    if k < 2:
        return result
    if method == "cr1":
        se = np.sqrt(k / (k - 1) * np.sum((sums - counts * mean) ** 2)) / n
        half = special.stdtrit(k - 1, 1 - alpha / 2) * se  # t quantile
        return {**result, "se": se, "ci_low": mean - half, "ci_high": mean + half}
    boot = _resample_means([(sums, counts)], n_resamples, rng)[0]
    if method == "bca":
        low, high = _bca_interval(mean, boot, (sums.sum() - sums) / (n - counts), alpha)
    else:
        low, high = np.quantile(boot, [alpha / 2, 1 - alpha / 2])
    return {**result, "se": boot.std(ddof=1), "ci_low": low, "ci_high": high}


def _resample_means(strata, n_resamples, rng) -> np.ndarray:
    """Cluster bootstrap over strata of ``(sums, counts)``, clusters resampled within each.

    ``sums`` and ``counts`` are 1-D (clusters) or 2-D (clusters x means); returns
    ``means x n_resamples`` ratios of the resampled totals summed over strata.
    """
    width = np.atleast_2d(strata[0][0].T).shape[0]
    total_sum, total_count = np.zeros((width, n_resamples)), np.zeros((width, n_resamples))
    for sums, counts in strata:
        sums, counts = np.atleast_2d(sums.T), np.atleast_2d(counts.T)  # means x clusters
        k = sums.shape[1]
        step = max(1, _CHUNK // max(k, 1))
        for lo in range(0, n_resamples if k else 0, step):
            picks = rng.integers(0, k, size=(min(step, n_resamples - lo), k))
            hi = lo + len(picks)
            for row in range(width):
                total_sum[row, lo:hi] += sums[row][picks].sum(axis=1)
                total_count[row, lo:hi] += counts[row][picks].sum(axis=1)
    return total_sum / total_count


def _bca_interval(theta, boot, jackknife, alpha):
    """Bias-corrected and accelerated percentile interval (Efron 1987)."""
    below = np.mean(boot < theta) + 0.5 * np.mean(boot == theta)
    z0 = special.ndtri(np.clip(below, 0.5 / len(boot), 1 - 0.5 / len(boot)))
    spread = jackknife.mean() - jackknife
    denominator = 6.0 * np.sum(spread**2) ** 1.5
    accel = np.sum(spread**3) / denominator if denominator > 0 else 0.0
    z = special.ndtri(np.array([alpha / 2, 1 - alpha / 2]))
    return tuple(np.quantile(boot, special.ndtr(z0 + (z0 + z) / (1 - accel * (z0 + z)))))


@dataclass(frozen=True)
class DifferenceResult:
    """Difference in means ``group_a`` minus ``group_b`` with its evidence.

    ``ci_low``/``ci_high``: cluster-bootstrap percentile interval of the difference (NaN when
    a group has fewer than two clusters).
    ``p_value``: two-sided cluster permutation p-value. ``hedges_g`` and ``cliffs_delta`` are
    computed at ``effect_level``: "cluster" (one value per article: the mean of its rows in
    that group) or "row" (every scored row).
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

    def to_dict(self) -> dict:
        """The fields as a plain dict (one row of :func:`pairwise_differences`)."""
        return asdict(self)


def test_difference(data, *, measure, groups, by="source", cluster="doc_id", confidence=0.95,
                    n_resamples=2000, n_permutations=5000, effect_level="cluster",
                    random_state=0) -> DifferenceResult:
    """Compare the mean of one score between two groups, respecting clusters.

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
        ``(a, b)``; the difference is ``mean(a) - mean(b)`` over rows.
    n_permutations : int
        Permutations for the p-value ``(1 + #{|d*| >= |d|}) / (1 + n_permutations)``.
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
    >>> import framing.compare as fc
    >>> data = pd.DataFrame({"source": ["A"] * 4 + ["B"] * 4, "doc_id": list("aabbccdd"),
    ...                      "score": [0.5, 0.7, 0.6, 0.4, 0.0, -0.2, 0.1, -0.1]})
    >>> result = fc.test_difference(data, measure="score", groups=("A", "B"), n_resamples=200)
    >>> round(result.difference, 2), result.n_clusters_a
    (0.6, 2)
    """
    codes = _prepare(data, measures=[measure], by=by, cluster=cluster)
    _check_method("bootstrap", confidence, n_resamples)
    if len(groups) != 2 or groups[0] == groups[1]:
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
    used = (in_a | in_b) & scored
    _, dense = np.unique(codes[used], return_inverse=True)
    is_a, kept = in_a[used], values[used]
    sa, sb = (np.bincount(dense[m], weights=kept[m], minlength=dense.max(initial=-1) + 1)
              for m in (is_a, ~is_a))
    na, nb = (np.bincount(dense[m], minlength=dense.max(initial=-1) + 1).astype(float)
              for m in (is_a, ~is_a))
    for group, count in zip(groups, (na.sum(), nb.sum())):
        if count == 0:
            raise FramingError(f"group {group!r} has no non-missing {measure!r} scores to compare.")
    mean_a, mean_b = sa.sum() / na.sum(), sb.sum() / nb.sum()
    strata = [np.flatnonzero((na > 0) & (nb == 0)), np.flatnonzero((nb > 0) & (na == 0)),
              np.flatnonzero((na > 0) & (nb > 0))]
    sums, counts = np.column_stack([sa, sb]), np.column_stack([na, nb])
    rng = _rng(random_state, *groups, measure)
    boot = _resample_means([(sums[s], counts[s]) for s in strata], n_resamples, rng)
    alpha = 1 - confidence
    low, high = np.quantile(boot[0] - boot[1], [alpha / 2, 1 - alpha / 2])
    if min((na > 0).sum(), (nb > 0).sum()) < 2:  # one article: no spread to resample
        low = high = np.nan
    p_value = _permutation_p(mean_a - mean_b, sums, counts, strata, n_permutations, rng)
    if effect_level == "cluster":
        x, y = sa[na > 0] / na[na > 0], sb[nb > 0] / nb[nb > 0]
    else:
        x, y = values[in_a & scored], values[in_b & scored]
    return DifferenceResult(
        measure=measure, group_a=groups[0], group_b=groups[1], mean_a=float(mean_a),
        mean_b=float(mean_b), difference=float(mean_a - mean_b), ci_low=float(low),
        ci_high=float(high), p_value=p_value, hedges_g=hedges_g(x, y),
        cliffs_delta=cliffs_delta(x, y), n_a=int(na.sum()), n_b=int(nb.sum()),
        n_clusters_a=int((na > 0).sum()), n_clusters_b=int((nb > 0).sum()),
        n_missing_a=int((in_a & ~scored).sum()), n_missing_b=int((in_b & ~scored).sum()),
        effect_level=effect_level, confidence=confidence, n_resamples=n_resamples,
        n_permutations=n_permutations)


test_difference.__test__ = False  # its name starts with "test_": keep pytest from collecting it


def _permutation_p(diff, sums, counts, strata, n_permutations, rng) -> float:
    """Two-sided p-value: shuffle labels of single-group clusters, flip mixed clusters."""
    only_a, only_b, mixed = strata
    pure_sum = np.concatenate([sums[only_a, 0], sums[only_b, 1]])
    pure_count = np.concatenate([counts[only_a, 0], counts[only_b, 1]])
    is_a = np.arange(len(pure_sum)) < len(only_a)
    total_sum, total_count = sums.sum(), counts.sum()
    tolerance = 1e-12 * max(1.0, abs(diff))  # equal sums computed in another order
    step, exceed = max(1, _CHUNK // max(1, len(is_a) + len(mixed))), 0
    for lo in range(0, n_permutations, step):
        size = min(step, n_permutations - lo)
        labels = rng.permuted(np.tile(is_a, (size, 1)), axis=1)
        flip = rng.random((size, len(mixed))) < 0.5
        sum_a = labels @ pure_sum + np.where(flip, sums[mixed, 1], sums[mixed, 0]).sum(axis=1)
        count_a = (labels @ pure_count
                   + np.where(flip, counts[mixed, 1], counts[mixed, 0]).sum(axis=1))
        permuted = sum_a / count_a - (total_sum - sum_a) / (total_count - count_a)
        exceed += int(np.sum(np.abs(permuted) >= abs(diff) - tolerance))
    return (1 + exceed) / (1 + n_permutations)


def pairwise_differences(data, *, measure, by="source", groups=None, **options) -> pd.DataFrame:
    """:func:`test_difference` for every pair of groups, with Holm-adjusted p-values.

    Parameters
    ----------
    groups : list of labels, optional
        Groups to compare (default: every group in ``by``, sorted).
    **options
        ``cluster, confidence, n_resamples, n_permutations, effect_level, random_state`` as in
        :func:`test_difference`; each pair gives the same numbers as its own call.

    Returns
    -------
    DataFrame
        One row per pair (the fields of :class:`DifferenceResult`) plus ``p_holm``, the
        Holm-Bonferroni adjusted p-value over all pairs.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import pairwise_differences
    >>> data = pd.DataFrame({"source": list("AABBCC"), "doc_id": list("123456"),
    ...                      "score": [0.1, 0.2, 0.5, 0.6, 0.1, 0.3]})
    >>> table = pairwise_differences(data, measure="score", n_resamples=100, n_permutations=99)
    >>> table[["group_a", "group_b"]].values.tolist()
    [['A', 'B'], ['A', 'C'], ['B', 'C']]
    """
    require_columns(data, [by], what="data")
    groups = sorted(pd.unique(data[by].dropna())) if groups is None else list(groups)
    table = pd.DataFrame([test_difference(data, measure=measure, groups=pair, by=by,
                                          **options).to_dict()
                          for pair in combinations(groups, 2)])
    if len(table):
        table["p_holm"] = _holm(table["p_value"].to_numpy(float))
    return table


def hedges_g(x, y) -> float:
    """Standardised mean difference ``(mean(x) - mean(y)) / pooled sd``, small-sample corrected.

    Pooled standard deviation with ``n - 1`` denominators; Hedges' correction
    ``J = 1 - 3 / (4 (n_x + n_y) - 9)``. NaN values are ignored; NaN when either side has
    fewer than two values or both are constant.

    Examples
    --------
    >>> round(hedges_g([1, 2, 3], [2, 3, 4]), 4)
    -0.8
    """
    x, y = _finite(x), _finite(y)
    nx, ny = len(x), len(y)
    if nx < 2 or ny < 2:
        return np.nan
    pooled = np.sqrt(((nx - 1) * x.var(ddof=1) + (ny - 1) * y.var(ddof=1)) / (nx + ny - 2))
    if pooled == 0:
        return np.nan if x.mean() != y.mean() else 0.0
    return float((1 - 3 / (4 * (nx + ny) - 9)) * (x.mean() - y.mean()) / pooled)


def cliffs_delta(x, y) -> float:
    """Cliff's delta, ``P(X > Y) - P(X < Y)`` over all pairs; NaN values are ignored.

    Examples
    --------
    >>> cliffs_delta([1, 2, 3], [2, 3, 4])
    -0.5555555555555556
    """
    x, y = _finite(x), np.sort(_finite(y))
    if len(x) == 0 or len(y) == 0:
        return np.nan
    below = np.searchsorted(y, x, side="left")  # y values smaller than each x
    above = len(y) - np.searchsorted(y, x, side="right")
    return float((below.sum() - above.sum()) / (len(x) * len(y)))


def _holm(p):
    order = np.argsort(p, kind="stable")
    adjusted = np.empty_like(p)
    adjusted[order] = np.minimum(np.maximum.accumulate((len(p) - np.arange(len(p))) * p[order]), 1)
    return adjusted


def _as_list(measures) -> list:
    measures = [measures] if isinstance(measures, str) else list(measures)
    if not measures:
        raise FramingError("measures is empty; name at least one score column.")
    return measures


def _prepare(data, *, measures, by, cluster, extra=()) -> np.ndarray:
    """Validate the columns and return integer cluster codes (one per row)."""
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
    if cluster is None:
        return np.arange(len(data))
    if (missing := data[cluster].isna()).any():
        raise FramingError(
            f"{int(missing.sum())} rows have no {cluster!r} (first rows: "
            f"{list(data.index[missing][:5])}). Give each row its article id, or pass "
            "cluster=None if rows are independent."
        )
    return pd.factorize(data[cluster])[0]


def _check_method(method, confidence, n_resamples) -> None:
    if method not in _METHODS:
        raise FramingError(f"method must be one of {_METHODS}, got {method!r}.")
    if not 0 < confidence < 1:
        raise FramingError(f"confidence must lie between 0 and 1, got {confidence!r}.")
    if method != "cr1" and int(n_resamples) < 2:
        raise FramingError(f"n_resamples must be at least 2, got {n_resamples!r}.")


def _cluster_totals(values, codes):
    """Sum and count of ``values`` per cluster present in ``codes``."""
    _, dense = np.unique(codes, return_inverse=True)
    return np.bincount(dense, weights=values), np.bincount(dense).astype(float)


def _rng(random_state, *labels):
    """A generator per labelled estimate, so each result depends only on its own labels."""
    if isinstance(random_state, np.random.Generator) or random_state is None:
        return np.random.default_rng(random_state)
    key = zlib.crc32("\x1f".join(map(str, labels)).encode("utf-8"))
    return np.random.default_rng([int(random_state), key])


def _finite(values) -> np.ndarray:
    array = np.asarray(values, dtype=float).ravel()
    return array[~np.isnan(array)]
