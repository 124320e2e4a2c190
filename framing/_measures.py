"""Measure metadata: one table (``framing/data/measures.csv``) names every score in words.

Axis labels, colour bars and generated sentences read it through :func:`measure_info`, so a
chart never shows a raw column name. ``cue_<family>`` columns take their label from the cue
codebook's families.
"""

from __future__ import annotations

import io
from functools import lru_cache

import pandas as pd

from ._data import read_data_text


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    table = pd.read_csv(io.StringIO(read_data_text("measures.csv")), dtype={"column": str})
    table["has_zero"] = table["has_zero"].astype(str).str.lower().eq("true")
    return table.set_index("column")


@lru_cache(maxsize=1)
def _families() -> pd.DataFrame:
    return pd.read_csv(io.StringIO(read_data_text("cues", "families.csv"))).set_index("family")


def measure_info(column: str) -> dict:
    """``label, scale, unit, low, high, has_zero, axis`` of a score column (``axis``: the label).

    Unknown columns get their own name as label and no scale.
    """
    column = str(column)
    table = _table()
    if column in table.index:
        row = table.loc[column]
        info = {"label": row["label"], "scale": row["scale"], "unit": row["unit"],
                "low": row["low"], "high": row["high"], "has_zero": bool(row["has_zero"])}
        info["axis"] = f"{info['label']}, {info['scale']}"
        return info
    family = column.removeprefix("cue_")
    families = _families()
    if column.startswith("cue_") and family in families.index:
        label = families.loc[family, "label"]
        label = label if label[:3].isupper() else label[0].lower() + label[1:]
        return {"label": label, "scale": "per 100 words", "unit": "cues per 100 words",
                "low": 0.0, "high": float("nan"), "has_zero": True,
                "axis": f"{label} cues per 100 words", "short": families.loc[family, "label"]}
    return {"label": column, "scale": "", "unit": column, "low": float("nan"),
            "high": float("nan"), "has_zero": False, "axis": column}


def measure_label(column: str) -> str:
    """The measure and its scale in words, for an axis.

    Examples
    --------
    >>> measure_label("vader_compound")
    'VADER compound, -1 to 1'
    >>> measure_label("cue_loaded")
    'labels and loaded language cues per 100 words'
    """
    return measure_info(column)["axis"]
