"""Sentences generated from result tables, so a notebook's prose never drifts from its numbers.

Every function takes a table (or result) just computed and returns plain text (Markdown) that
states the estimate, its interval, n and what was averaged, in the words of the measure
metadata. Notebooks display it with ``IPython.display.Markdown``.
"""

from __future__ import annotations

import math

import pandas as pd  # noqa: F401 (the doctests build their tables with it)

from ._measures import measure_info
from .errors import FramingError

__all__ = ["describe_difference", "describe_model", "describe_sources", "format_estimate"]


def format_estimate(estimate, low=None, high=None, *, digits=2, confidence=0.95) -> str:
    """``"0.12 (95% CI 0.05 to 0.19)"``; ``"0.12 (no interval)"`` when the interval is NaN.

    Examples
    --------
    >>> format_estimate(0.1234, 0.05, 0.19)
    '0.12 (95% CI 0.05 to 0.19)'
    >>> format_estimate(-0.5, float("nan"), float("nan"))
    '-0.50 (no interval)'
    """
    if estimate is None or not math.isfinite(estimate):
        return "not estimable"
    text = f"{estimate:.{digits}f}"
    if low is None or high is None:
        return text
    if not (math.isfinite(low) and math.isfinite(high)):
        return f"{text} (no interval)"
    return f"{text} ({confidence:.0%} CI {low:.{digits}f} to {high:.{digits}f})"


def describe_sources(table, *, measure, by="source", digits=2) -> str:
    """One sentence per group of a :func:`framing.compare_sources` table, highest mean first.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"source": ["A", "B"], "measure": "vader_compound",
    ...                       "n": [30, 12], "n_clusters": [10, 1], "mean": [0.2, -0.1],
    ...                       "ci_low": [0.1, float("nan")], "ci_high": [0.3, float("nan")],
    ...                       "confidence": 0.95, "method": "bca", "weight": "segment"})
    >>> print(describe_sources(table, measure="vader_compound"))
    VADER compound (-1 to 1), segment-weighted mean with BCa cluster-bootstrap intervals:
    - A: 0.20 (95% CI 0.10 to 0.30), 10 documents, 30 rows
    - B: -0.10 (no interval), 1 document, 12 rows
    """
    rows = table[table["measure"] == measure].sort_values("mean", ascending=False)
    if rows.empty:
        raise FramingError(f"measure {measure!r} not in the table.")
    info = measure_info(measure)
    weight = rows["weight"].iloc[0] if "weight" in rows else "segment"
    methods = {"bootstrap": "percentile cluster-bootstrap", "bca": "BCa cluster-bootstrap",
               "cr1": "cluster-robust (CR1)"}
    kinds = " / ".join(methods.get(m, m) for m in sorted(set(rows.get("method", ["?"]))))
    scale = f" ({info['scale']})" if info["scale"] else ""
    lines = [f"{info['label']}{scale}, {weight}-weighted mean with {kinds} intervals:"]
    for row in rows.itertuples(index=False):
        docs = "1 document" if row.n_clusters == 1 else f"{row.n_clusters:,} documents"
        estimate = format_estimate(row.mean, row.ci_low, row.ci_high, digits=digits,
                                   confidence=getattr(row, "confidence", 0.95))
        lines.append(f"- {getattr(row, by)}: {estimate}, {docs}, {row.n:,} rows")
    return "\n".join(lines)


def describe_difference(result, *, digits=2) -> str:
    """A sentence for a :class:`framing.DifferenceResult` (or a row of pairwise differences).

    Examples
    --------
    >>> row = {"measure": "vader_compound", "group_a": "Trump", "group_b": "KCNA",
    ...        "difference": 0.123, "ci_low": 0.05, "ci_high": 0.2, "p_value": 0.0002,
    ...        "n_clusters_a": 300, "n_clusters_b": 250, "confidence": 0.95}
    >>> describe_difference(row)
    'Trump minus KCNA in VADER compound: 0.12 (95% CI 0.05 to 0.20); permutation p = 0.0002; 300 vs 250 documents.'
    """
    r = result.to_dict() if hasattr(result, "to_dict") and not isinstance(result, dict) else result
    r = dict(r)
    p = r["p_value"]
    p_text = f"p = {p:.2g}" if p >= 0.001 else f"p = {p:.1g}"
    if "p_adjusted" in r and r.get("adjust"):
        p_text += f" ({r['adjust']}-adjusted {r['p_adjusted']:.2g})"
    estimate = format_estimate(r["difference"], r["ci_low"], r["ci_high"], digits=digits,
                               confidence=r.get("confidence", 0.95))
    return (f"{r['group_a']} minus {r['group_b']} in {measure_info(r['measure'])['label']}: "
            f"{estimate}; permutation {p_text}; {r['n_clusters_a']:,} vs "
            f"{r['n_clusters_b']:,} documents.")


def describe_model(table, *, term, digits=2) -> str:
    """A sentence for one coefficient of a :func:`framing.model_sources` table.

    Examples
    --------
    >>> table = pd.DataFrame({"term": ["source: KCNA"], "estimate": [-0.3], "ci_low": [-0.4],
    ...                       "ci_high": [-0.2], "p_value": [0.001], "measure": "vader_compound",
    ...                       "reference": "Trump", "covariates": "genre", "confidence": 0.95,
    ...                       "model": "OLS, cluster-robust (CR1) SE by document",
    ...                       "n": [900], "n_clusters": [300]})
    >>> describe_model(table, term="source: KCNA")
    'KCNA vs Trump in VADER compound, adjusted for genre: -0.30 (95% CI -0.40 to -0.20); OLS, cluster-robust (CR1) SE by document; 900 rows in 300 documents.'
    """
    rows = table[table["term"] == term]
    if rows.empty:
        raise FramingError(f"term {term!r} not in the table; terms: {table['term'].tolist()}.")
    r = rows.iloc[0]
    label = term.split(": ", 1)[-1]
    adjusted = ("without covariates" if r["covariates"] == "none"
                else f"adjusted for {r['covariates']}")
    estimate = format_estimate(r["estimate"], r["ci_low"], r["ci_high"], digits=digits,
                               confidence=r["confidence"])
    return (f"{label} vs {r['reference']} in {measure_info(r['measure'])['label']}, {adjusted}: "
            f"{estimate}; {r['model']}; {r['n']:,} rows in {r['n_clusters']:,} documents.")
