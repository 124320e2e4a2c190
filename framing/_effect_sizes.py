"""Effect sizes of :mod:`framing.compare`: Hedges' g and Cliff's delta (public there)."""

from __future__ import annotations

import numpy as np


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
    x, y = np.sort(_finite(x)), np.sort(_finite(y))  # sorted: same sums in any row order
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


def _finite(values) -> np.ndarray:
    array = np.asarray(values, dtype=float).ravel()
    return array[~np.isnan(array)]
