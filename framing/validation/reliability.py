"""Inter-coder reliability: Krippendorff's alpha with bootstrap intervals, and the coincidences.

Definitions (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):

* Units coded by fewer than two coders are not pairable and are left out; missing codes are
  allowed anywhere.
* The coincidence matrix ``o[c, k]`` sums, over units, the pairs of codes (c, k) given to the
  unit by different coders, each weighted ``1 / (m_u - 1)`` (``m_u`` codes in the unit);
  ``n_c`` are its margins and ``n`` the number of pairable values.
* ``alpha = 1 - (n - 1) * sum(o * delta) / sum(n_c * n_k * delta)`` with the difference
  function ``delta`` of the level: nominal ``c != k``; ordinal ``(sum_{g=c..k} n_g -
  (n_c + n_k) / 2) ** 2``; interval ``(c - k) ** 2``; ratio ``((c - k) / (c + k)) ** 2``.
* Percent agreement: the share of pairable value pairs that agree, ``trace(o) / n``.
* Intervals: percentile bootstrap over units (units resampled with replacement, alpha
  recomputed, ordinal differences from each resample's margins), seeded by ``random_state``.
* Per category (nominal and ordinal data): alpha of the binary variable "coded c" vs "coded
  something else", a common diagnostic of which categories coders confuse.

Numbers match the ``krippendorff`` package (checked in ``tests/test_reliability.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._checks import require_columns
from ..compare import _rng
from ..errors import FramingError

__all__ = ["LEVELS", "coincidences", "krippendorff_alpha"]

#: Levels of measurement ``krippendorff_alpha`` knows.
LEVELS = ("nominal", "ordinal", "interval", "ratio")
ALPHA_COLUMNS = ("variable", "category", "level", "alpha", "ci_low", "ci_high", "percent_agreement",
                 "n_units", "n_values", "n_coders")


def _matrices(data, *, unit, coder, value, variable) -> dict[str, np.ndarray]:
    """{variable: coders x units float/object array with NaN for missing}."""
    if isinstance(data, pd.DataFrame) and {unit, coder, value} <= set(data.columns):
        frames = data.groupby(variable, sort=False) if variable in data.columns else [("", data)]
        out = {}
        for name, frame in frames:
            repeated = frame.duplicated([unit, coder])
            if repeated.any():
                first = frame.loc[repeated, [unit, coder]].iloc[0].tolist()
                raise FramingError(
                    f"variable {name!r}: unit {first[0]!r} has two codes from coder {first[1]!r}; "
                    "each coder codes each unit once (drop or merge the duplicates)."
                )
            wide = frame.pivot(index=coder, columns=unit, values=value)
            out[str(name)] = wide.to_numpy(dtype=object)
        return out
    if isinstance(data, pd.DataFrame):
        raise FramingError(
            f"a long table needs columns {[unit, coder, value]} (pass unit=, coder=, value= to name "
            f"yours); columns present: {list(map(str, data.columns))}. For a coders x units array "
            "pass data.to_numpy()."
        )
    array = np.asarray(data, dtype=object)
    if array.ndim != 2:
        raise FramingError(f"data must be a coders x units 2-D array or a long table, got {array.ndim} dimension(s).")
    return {"": array}


def _missing(array: np.ndarray) -> np.ndarray:
    return pd.isna(pd.DataFrame(array)).to_numpy()


def _counts(matrix: np.ndarray, level: str) -> tuple[np.ndarray, np.ndarray]:
    """Values (sorted) and the units x values count table of the pairable units."""
    missing = _missing(matrix)
    present = matrix[~missing]
    if level != "nominal":
        try:
            present = present.astype(float)
        except (TypeError, ValueError):
            raise FramingError(f"{level} alpha needs numeric codes; got e.g. {present[:3].tolist()}.") from None
    values, codes = np.unique(present, return_inverse=True)
    index = np.full(matrix.shape, -1)
    index[~missing] = codes
    counts = np.zeros((matrix.shape[1], len(values)))
    for row in index:
        ok = row >= 0
        np.add.at(counts, (np.flatnonzero(ok), row[ok]), 1)
    return values, counts[counts.sum(axis=1) >= 2]


def _label(value) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _unit_coincidences(counts: np.ndarray) -> np.ndarray:
    """units x values x values: each pairable unit's contribution to the coincidence matrix."""
    m = counts.sum(axis=1)[:, None, None]
    pairs = counts[:, :, None] * counts[:, None, :]
    pairs -= np.einsum("uc,ck->uck", counts, np.eye(counts.shape[1]))
    return pairs / (m - 1)


def _delta(values: np.ndarray, margins: np.ndarray, level: str) -> np.ndarray:
    """Squared differences; ``margins`` is (..., V) so resamples get their own ordinal metric."""
    if level == "nominal":
        return 1.0 - np.eye(len(values))
    if level == "ordinal":
        cum = np.cumsum(margins, axis=-1)
        lo = np.minimum.outer(np.arange(len(values)), np.arange(len(values)))
        hi = np.maximum.outer(np.arange(len(values)), np.arange(len(values)))
        between = cum[..., hi] - cum[..., lo] + margins[..., lo]
        return (between - (margins[..., :, None] + margins[..., None, :]) / 2) ** 2
    v = values.astype(float)
    if level == "interval":
        return np.subtract.outer(v, v) ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.subtract.outer(v, v) / np.add.outer(v, v)
    return np.nan_to_num(ratio) ** 2


def _alpha(o: np.ndarray, values: np.ndarray, level: str) -> np.ndarray:
    """Alpha of coincidence matrices ``o`` (..., V, V)."""
    margins = o.sum(axis=-1)
    n = margins.sum(axis=-1)
    delta = _delta(values, margins, level)
    observed = (o * delta).sum(axis=(-2, -1))
    expected = (margins[..., :, None] * margins[..., None, :] * delta).sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(expected > 0, 1.0 - (n - 1) * observed / expected, np.nan)


def _estimate(counts, values, level, *, n_boot, confidence, rng) -> dict:
    units = _unit_coincidences(counts) if len(counts) else np.zeros((0, len(values), len(values)))
    o = units.sum(axis=0)
    n = o.sum()
    alpha = float(_alpha(o, values, level)) if len(values) > 1 and n > 0 else np.nan
    low = high = np.nan
    if n_boot and len(counts) > 1 and not np.isnan(alpha):
        weights = rng.multinomial(len(counts), np.full(len(counts), 1 / len(counts)), size=n_boot)
        boot = _alpha(np.einsum("bu,uck->bck", weights, units), values, level)
        tail = (1 - confidence) / 2
        low, high = np.nanquantile(boot, [tail, 1 - tail])
    return {"alpha": alpha, "ci_low": float(low), "ci_high": float(high),
            "percent_agreement": float(np.trace(o) / n) if n else np.nan,
            "n_units": int(len(counts)), "n_values": int(round(n))}


def krippendorff_alpha(data, *, level="nominal", unit: str = "unit_id", coder: str = "coder", value: str = "value",
                       variable: str = "variable", per_category: bool = False, n_boot: int = 1000,
                       confidence: float = 0.95, random_state=None) -> pd.DataFrame:
    """Krippendorff's alpha per variable, with a bootstrap interval and percent agreement.

    Parameters
    ----------
    data : array-like or DataFrame
        A coders x units array (NaN or None = missing), or a long table with one row per code:
        columns ``unit``, ``coder``, ``value`` and optionally ``variable`` (one alpha per
        variable), e.g. the output of :func:`framing.validation.read_coding_sheets`.
    level : {"nominal", "ordinal", "interval", "ratio"} or mapping
        Level of measurement, or a mapping variable -> level.
    unit, coder, value, variable : str
        Column names of a long table.
    per_category : bool
        Also give, for nominal and ordinal variables, one row per category: alpha of "coded c"
        vs "coded otherwise".
    n_boot : int
        Bootstrap resamples of units (0: no interval).
    confidence : float
        Interval coverage.
    random_state : int, optional
        Seed of the bootstrap (each variable and category gets its own stream).

    Returns
    -------
    DataFrame
        ``variable, category, level, alpha, ci_low, ci_high, percent_agreement, n_units,
        n_values, n_coders`` (``category`` is "" for the variable as a whole; ``variable`` is
        "" for an array).

    Examples
    --------
    >>> import numpy as np
    >>> from framing import krippendorff_alpha
    >>> codes = [[1, 2, 3, 3, 2, 1, 4, 1, 2, np.nan],
    ...          [1, 2, 3, 3, 2, 2, 4, 1, 2, 5]]
    >>> result = krippendorff_alpha(codes, level="nominal", n_boot=0)
    >>> round(float(result.loc[0, "alpha"]), 3), round(float(result.loc[0, "percent_agreement"]), 3)
    (0.852, 0.889)
    """
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 0:
        raise FramingError(f"n_boot must be a whole number >= 0, got {n_boot!r}.")
    if not 0 < confidence < 1:
        raise FramingError(f"confidence must be between 0 and 1, got {confidence!r}.")
    matrices = _matrices(data, unit=unit, coder=coder, value=value, variable=variable)
    rows = []
    for name, matrix in matrices.items():
        lvl = level.get(name) if isinstance(level, Mapping) else level
        if lvl not in LEVELS:
            raise FramingError(f"level for variable {name!r} must be one of {list(LEVELS)}, got {lvl!r}.")
        values, counts = _counts(matrix, lvl)
        base = {"variable": name, "level": lvl, "n_coders": int(matrix.shape[0])}
        rng = _rng(random_state, "alpha", name)
        rows.append({**base, "category": "", **_estimate(counts, values, lvl, n_boot=n_boot,
                                                         confidence=confidence, rng=rng)})
        if per_category and lvl in ("nominal", "ordinal") and len(values) > 2:
            for i, category in enumerate(values):
                binary = np.stack([counts[:, i], counts.sum(axis=1) - counts[:, i]], axis=1)
                rng = _rng(random_state, "alpha", name, category)
                rows.append({**base, "category": _label(category), "level": "nominal",
                             **_estimate(binary, np.array([1, 0]), "nominal", n_boot=n_boot,
                                         confidence=confidence, rng=rng)})
    return pd.DataFrame(rows, columns=list(ALPHA_COLUMNS))


def coincidences(data, *, unit: str = "unit_id", coder: str = "coder", value: str = "value",
                 variable: str | None = None) -> pd.DataFrame:
    """The coincidence (agreement/disagreement) table of one variable: values x values.

    Cell (c, k) counts pairable value pairs coded c by one coder and k by another (each unit's
    pairs weighted ``1 / (m_u - 1)``), so the table is symmetric, its diagonal holds the
    agreements and the rest the disagreements; margins are the pairable values per code.

    Parameters
    ----------
    data : array-like or DataFrame
        As in :func:`krippendorff_alpha`.
    variable : str, optional
        With a long table that has a ``variable`` column: the variable to tabulate (required
        then).

    Examples
    --------
    >>> from framing.validation import coincidences
    >>> coincidences([["a", "a", "b"], ["a", "b", "b"]]).to_dict()
    {'a': {'a': 2.0, 'b': 1.0}, 'b': {'a': 1.0, 'b': 2.0}}
    """
    if isinstance(data, pd.DataFrame) and "variable" in data.columns:
        if variable is None:
            raise FramingError(f"the table holds several variables; pick one with variable= (e.g. "
                               f"{data['variable'].unique()[:3].tolist()}).")
        data = data[data["variable"] == variable]
        require_columns(data, [unit, coder, value], what="data")
        matrix = data.pivot(index=coder, columns=unit, values=value).to_numpy(dtype=object)
    else:
        (matrix,) = _matrices(data, unit=unit, coder=coder, value=value, variable="variable").values()
    values, counts = _counts(matrix, "nominal")
    table = _unit_coincidences(counts).sum(axis=0) if len(counts) else np.zeros((len(values), len(values)))
    labels = [v.item() if hasattr(v, "item") else v for v in values]
    return pd.DataFrame(table, index=pd.Index(labels, name="coder 1"), columns=pd.Index(labels, name="coder 2"))
