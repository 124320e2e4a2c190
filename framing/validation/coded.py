"""Validity of the kit's measures against a team's coded sample, per source.

* The gold value of a unit is the mean of its coders' values (``na`` and empty codes left
  out). Ordinal variables (tone, sentiment): Spearman's rho between the measure and the gold
  mean. Nominal 0/1 variables (frames): the rank AUC of the measure for units both coders call
  present vs units both call absent (units the coders split on are left out and counted in
  ``n_split``).
* Intervals: percentile bootstrap over units, seeded per (variable, measure, group).
* :func:`disagreements` lists the units where a measure and the coders disagree most (by rank),
  to read with :func:`framing.explain`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import rankdata, spearmanr

from .._checks import require_columns
from ..compare import _rng
from ..errors import FramingError
from .coding import coding_variables

__all__ = ["coded_gold", "disagreements", "measure_validity"]

VALIDITY_COLUMNS = ("variable", "measure", "group", "statistic", "estimate", "ci_low", "ci_high", "n",
                    "n_positive", "n_split")


def coded_gold(codes: pd.DataFrame) -> pd.DataFrame:
    """Units x variables of the coders' mean value (NaN where no coder gave a value).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.validation import coded_gold
    >>> codes = pd.DataFrame({"unit_id": ["u1", "u1"], "coder": ["a", "b"], "variable": ["tone", "tone"],
    ...                       "value": [1.0, 2.0]})
    >>> coded_gold(codes).loc["u1", "tone"]
    np.float64(1.5)
    """
    require_columns(codes, ["unit_id", "coder", "variable", "value"], what="codes")
    return codes.pivot_table(index="unit_id", columns="variable", values="value", aggfunc="mean", dropna=False)


def _auc(score: np.ndarray, label: np.ndarray) -> float:
    positive = label == 1
    n_pos, n_neg = positive.sum(), (~positive).sum()
    if not n_pos or not n_neg:
        return np.nan
    ranks = rankdata(score)
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _spearman(score: np.ndarray, gold: np.ndarray) -> float:
    if len(score) < 3 or np.ptp(score) == 0 or np.ptp(gold) == 0:
        return np.nan
    return float(spearmanr(score, gold).statistic)


def _interval(statistic, x, y, *, n_boot, confidence, rng):
    if not n_boot or len(x) < 3:
        return np.nan, np.nan
    values = []
    for _ in range(n_boot):
        take = rng.integers(0, len(x), len(x))
        values.append(statistic(x[take], y[take]))
    values = np.asarray(values, dtype=float)
    if np.isnan(values).mean() > 0.5:
        return np.nan, np.nan
    tail = (1 - confidence) / 2
    low, high = np.nanquantile(values, [tail, 1 - tail])
    return float(low), float(high)


def measure_validity(scored: pd.DataFrame, codes: pd.DataFrame, *, unit: str = "unit_id", by: str | None = "source",
                     pairs=None, n_boot: int = 1000, confidence: float = 0.95, random_state=None) -> pd.DataFrame:
    """Each measure's agreement with the coders, per group and overall.

    Parameters
    ----------
    scored : DataFrame
        The coded units with score columns (``framing.score`` output) and a ``unit`` column.
    codes : DataFrame
        Long codes (:func:`framing.validation.read_coding_sheets`).
    by : str or None
        Group column of ``scored`` (one block of rows per group, plus ``"all"``).
    pairs : mapping, optional
        Variable -> measure columns to check. Default: the ``measures`` of
        :func:`coding_variables`, where ``scored`` has them.
    n_boot, confidence, random_state
        Bootstrap over units.

    Returns
    -------
    DataFrame
        ``variable, measure, group, statistic ("spearman" or "auc"), estimate, ci_low, ci_high,
        n, n_positive, n_split``.
    """
    require_columns(scored, [unit] + ([by] if by else []), what="scored")
    book = coding_variables().set_index("variable")
    gold = coded_gold(codes)
    if pairs is None:
        pairs = {v: [m for m in book.loc[v, "measures"] if m in scored.columns] for v in book.index if v in gold}
    missing = [m for ms in pairs.values() for m in ms if m not in scored.columns]
    if missing:
        raise FramingError(f"scored lacks measure column(s) {missing}; score the units with those measures first.")
    unknown = set(scored[unit]) - set(gold.index)
    if unknown:
        raise FramingError(f"{len(unknown)} scored unit(s) have no codes (first: {sorted(unknown)[:3]}).")
    groups = [("all", scored)] + (list(scored.groupby(by, sort=True)) if by else [])
    rows = []
    for variable, measures in pairs.items():
        nominal = book.loc[variable, "level"] == "nominal" if variable in book.index else False
        for measure in measures:
            for group, part in groups:
                y = gold.loc[part[unit], variable].to_numpy(dtype=float)
                x = part[measure].to_numpy(dtype=float)
                keep = ~np.isnan(x) & ~np.isnan(y)
                n_split = 0
                if nominal:
                    n_split = int((keep & (y > 0) & (y < 1)).sum())
                    keep &= (y == 0) | (y == 1)
                x, y = x[keep], y[keep]
                statistic = _auc if nominal else _spearman
                rng = _rng(random_state, "validity", variable, measure, group)
                low, high = _interval(statistic, x, y, n_boot=n_boot, confidence=confidence, rng=rng)
                rows.append({"variable": variable, "measure": measure, "group": str(group),
                             "statistic": "auc" if nominal else "spearman", "estimate": statistic(x, y),
                             "ci_low": low, "ci_high": high, "n": int(len(x)),
                             "n_positive": int((y == 1).sum()) if nominal else np.nan, "n_split": n_split})
    return pd.DataFrame(rows, columns=list(VALIDITY_COLUMNS))


def disagreements(scored: pd.DataFrame, codes: pd.DataFrame, *, variable: str, measure: str, unit: str = "unit_id",
                  n: int = 5) -> pd.DataFrame:
    """The units where ``measure`` and the coders' ``variable`` disagree most.

    Both are turned into ranks scaled to 0..1 over the units that have both; the gap is the
    measure's rank minus the coders' rank (positive: the measure is higher than the coders say).

    Returns
    -------
    DataFrame
        The ``n`` rows of ``scored`` with the largest absolute gaps, plus ``gold``,
        ``measure_rank``, ``gold_rank``, ``gap``.
    """
    require_columns(scored, [unit, measure], what="scored")
    gold = coded_gold(codes)
    if variable not in gold:
        raise FramingError(f"no codes for variable {variable!r}; coded: {list(gold.columns)}.")
    frame = scored.assign(gold=gold.loc[scored[unit], variable].to_numpy(dtype=float))
    frame = frame[frame["gold"].notna() & frame[measure].notna()]
    if frame.empty:
        return frame.assign(measure_rank=[], gold_rank=[], gap=[])
    scale = max(len(frame) - 1, 1)
    frame = frame.assign(measure_rank=(rankdata(frame[measure]) - 1) / scale,
                         gold_rank=(rankdata(frame["gold"]) - 1) / scale)
    frame = frame.assign(gap=frame["measure_rank"] - frame["gold_rank"])
    return frame.reindex(frame["gap"].abs().sort_values(ascending=False, kind="stable").index).head(n)
