"""Input checks shared by every stage, so every error reads the same way."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .errors import ColumnError, FramingError


def require_frame(data, *, what: str = "data") -> pd.DataFrame:
    """Raise unless ``data`` is a DataFrame."""
    if not isinstance(data, pd.DataFrame):
        raise FramingError(
            f"{what} must be a pandas DataFrame, got {type(data).__name__}. "
            "Build one with pandas.DataFrame(...) or a framing reader."
        )
    return data


def require_columns(data: pd.DataFrame, columns: Iterable[str], *, what: str = "data") -> None:
    """Raise ``ColumnError`` naming the missing columns and listing the ones present."""
    require_frame(data, what=what)
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ColumnError(
            f"{what} lacks column(s) {missing}; columns present: {list(map(str, data.columns))}. "
            "Rename your columns or pass the column names as keyword arguments."
        )


def require_groups(data: pd.DataFrame, by: str) -> None:
    """Raise unless every row has a group label in column ``by``."""
    missing = data[by].isna()
    if missing.any():
        raise FramingError(
            f"{int(missing.sum())} rows have no {by!r} (first rows: "
            f"{list(data.index[missing][:5])}); every row must belong to a group. Fill them "
            f"(data[{by!r}].fillna('unknown')) or drop them explicitly."
        )
