"""Resampling machinery of :mod:`framing.compare`: seeded streams, cluster totals, intervals.

Everything here works on per-cluster totals (weighted sums and summed weights), so a cluster
bootstrap, a jackknife or a permutation costs no more than the number of clusters. Results do
not depend on the order of the input rows: clusters are coded in sorted label order and the
rows of a cluster are summed in a fixed (sorted) order.
"""

from __future__ import annotations

import numbers
import zlib

import numpy as np
import pandas as pd
from scipy import special

from .errors import ColumnError, FramingError
from .text import word_spans

CHUNK = 2_000_000  # resampled cluster indices held in memory at once
SMALL = 30  # below this many clusters the default interval is BCa, not the percentile one


def rng_for(random_state, *labels):
    """A generator per labelled estimate, so each result depends only on its own labels."""
    check_random_state(random_state)
    if isinstance(random_state, np.random.Generator) or random_state is None:
        return np.random.default_rng(random_state)
    key = zlib.crc32("\x1f".join(map(str, labels)).encode("utf-8"))
    return np.random.default_rng([int(random_state), key])


def check_random_state(random_state) -> None:
    """Raise unless ``random_state`` is None, a numpy Generator or a non-negative integer."""
    if random_state is None or isinstance(random_state, np.random.Generator):
        return
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise FramingError(
            f"random_state must be a non-negative integer, a numpy Generator or None, got "
            f"{random_state!r} ({type(random_state).__name__}). Pass a whole number such as "
            "random_state=0."
        )
    if random_state < 0:
        raise FramingError(f"random_state must be a non-negative integer, got {random_state}; "
                           f"pass for example random_state={abs(int(random_state))}.")


def check_count(value, name, *, minimum) -> int:
    """``value`` as an int, raising unless it is a whole number >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise FramingError(f"{name} must be a whole number (at least {minimum}), got {value!r} "
                           f"({type(value).__name__}); pass for example {name}=2000.")
    if value < minimum:
        raise FramingError(f"{name} must be at least {minimum}, got {value}; "
                           f"pass for example {name}=2000.")
    return int(value)


def cluster_codes(labels) -> np.ndarray:
    """Integer codes of cluster labels in sorted label order (row order does not matter)."""
    labels = pd.Series(labels)
    try:
        return pd.factorize(labels, sort=True)[0]
    except TypeError:  # labels of mixed types that do not sort together
        return pd.factorize(labels.map(lambda x: f"{type(x).__name__}:{x}"), sort=True)[0]


def cluster_totals(values, weights, codes):
    """Weighted sum and summed weight per cluster present in ``codes`` (sorted by code).

    Rows are summed in an order fixed by (code, value, weight), so the totals are bit-identical
    whatever the order of the input rows.
    """
    order = np.lexsort((weights, values, codes))
    values, weights, codes = values[order], weights[order], codes[order]
    _, dense = np.unique(codes, return_inverse=True)
    return np.bincount(dense, weights=values * weights), np.bincount(dense, weights=weights)


def word_weights(data, weight, words) -> np.ndarray:
    """Row weights before the per-document step: word counts for "word", else ones."""
    if weight != "word":
        return np.ones(len(data))
    if words in data:
        counts = pd.to_numeric(data[words], errors="coerce").to_numpy(float)
    elif "text" in data:
        counts = np.array([len(word_spans(t)) if isinstance(t, str) else np.nan
                           for t in data["text"]], dtype=float)
    else:
        raise ColumnError(f"weight='word' needs a word-count column {words!r} or a 'text' "
                          f"column; columns present: {list(map(str, data.columns))}. Score "
                          "with the cues measure (it writes cue_n_words) or pass words=...")
    if (bad := ~np.isfinite(counts) | (counts < 0)).any():
        raise FramingError(f"{int(bad.sum())} rows have no usable word count in {words!r} "
                           f"(first rows: {list(data.index[bad][:5])}); fill them with 0 or "
                           "more, or use weight='segment'.")
    return counts


def per_document(codes) -> np.ndarray:
    """Weights 1 / (rows of the cluster), so every cluster weighs one."""
    _, dense, sizes = np.unique(codes, return_inverse=True, return_counts=True)
    return 1.0 / sizes[dense]


def totals_on(used, values, weights, codes):
    """Weighted sums and summed weights per cluster in ``used`` (zero where absent)."""
    sums, counts = np.zeros(len(used)), np.zeros(len(used))
    if len(values):
        s, c = cluster_totals(values, weights, codes)
        where = np.searchsorted(used, np.unique(codes))
        sums[where], counts[where] = s, c
    return sums, counts


def resample_means(strata, n_resamples, rng) -> np.ndarray:
    """Cluster bootstrap over strata of ``(sums, counts)``, clusters resampled within each.

    ``sums`` and ``counts`` are 1-D (clusters) or 2-D (clusters x means); returns
    ``means x n_resamples`` ratios of the resampled totals summed over strata.
    """
    width = np.atleast_2d(strata[0][0].T).shape[0]
    total_sum, total_count = np.zeros((width, n_resamples)), np.zeros((width, n_resamples))
    for sums, counts in strata:
        sums, counts = np.atleast_2d(sums.T), np.atleast_2d(counts.T)  # means x clusters
        k = sums.shape[1]
        step = max(1, CHUNK // max(k, 1))
        for lo in range(0, n_resamples if k else 0, step):
            picks = rng.integers(0, k, size=(min(step, n_resamples - lo), k))
            hi = lo + len(picks)
            for row in range(width):
                total_sum[row, lo:hi] += sums[row][picks].sum(axis=1)
                total_count[row, lo:hi] += counts[row][picks].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return total_sum / total_count


def bca_interval(theta, boot, jackknife, alpha):
    """Bias-corrected and accelerated percentile interval (Efron 1987)."""
    boot = boot[np.isfinite(boot)]
    jackknife = jackknife[np.isfinite(jackknife)]
    below = np.mean(boot < theta) + 0.5 * np.mean(boot == theta)
    z0 = special.ndtri(np.clip(below, 0.5 / len(boot), 1 - 0.5 / len(boot)))
    spread = jackknife.mean() - jackknife
    denominator = 6.0 * np.sum(spread**2) ** 1.5
    accel = np.sum(spread**3) / denominator if denominator > 0 else 0.0
    z = special.ndtri(np.array([alpha / 2, 1 - alpha / 2]))
    return tuple(np.quantile(boot, special.ndtr(z0 + (z0 + z) / (1 - accel * (z0 + z)))))


def percentile_interval(boot, alpha):
    boot = boot[np.isfinite(boot)]
    return tuple(np.quantile(boot, [alpha / 2, 1 - alpha / 2]))


def permutation_p(diff, sums, counts, strata, n_permutations, rng) -> float:
    """Two-sided p-value: shuffle labels of single-group clusters, flip mixed clusters."""
    only_a, only_b, mixed = strata
    pure_sum = np.concatenate([sums[only_a, 0], sums[only_b, 1]])
    pure_count = np.concatenate([counts[only_a, 0], counts[only_b, 1]])
    is_a = np.arange(len(pure_sum)) < len(only_a)
    total_sum, total_count = sums.sum(), counts.sum()
    tolerance = 1e-12 * max(1.0, abs(diff))  # equal sums computed in another order
    step, exceed = max(1, CHUNK // max(1, len(is_a) + len(mixed))), 0
    for lo in range(0, n_permutations, step):
        size = min(step, n_permutations - lo)
        labels = rng.permuted(np.tile(is_a, (size, 1)), axis=1)
        flip = rng.random((size, len(mixed))) < 0.5
        sum_a = labels @ pure_sum + np.where(flip, sums[mixed, 1], sums[mixed, 0]).sum(axis=1)
        count_a = (labels @ pure_count
                   + np.where(flip, counts[mixed, 1], counts[mixed, 0]).sum(axis=1))
        with np.errstate(invalid="ignore", divide="ignore"):
            permuted = sum_a / count_a - (total_sum - sum_a) / (total_count - count_a)
        exceed += int(np.sum(np.abs(permuted) >= abs(diff) - tolerance))
    return (1 + exceed) / (1 + n_permutations)


def adjust(p, method) -> np.ndarray:
    """Holm (family-wise error) or Benjamini-Hochberg (false discovery rate) adjusted p-values."""
    p = np.asarray(p, dtype=float)
    adjusted = np.full_like(p, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    q, m = p[ok], len(ok)
    if not m:
        return adjusted
    if method == "holm":
        order = np.argsort(q, kind="stable")
        steps = np.maximum.accumulate((m - np.arange(m)) * q[order])
    elif method == "bh":
        order = np.argsort(q, kind="stable")[::-1]  # largest first
        steps = np.minimum.accumulate(q[order] * m / (m - np.arange(m)))
    else:
        raise FramingError(f"adjust must be 'holm' or 'bh', got {method!r}.")
    result = np.empty(m)
    result[order] = np.minimum(steps, 1.0)
    adjusted[ok] = result
    return adjusted
