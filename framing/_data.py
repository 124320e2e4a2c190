"""Package data under ``framing/data/``: the one way the package reaches its own files."""

from __future__ import annotations

from importlib import resources


def data_file(*parts: str):
    """The package-data file ``framing/data/<parts...>`` (a Traversable; it may not exist)."""
    file = resources.files("framing").joinpath("data")
    for part in parts:
        file = file.joinpath(part)
    return file


def read_data_text(*parts: str) -> str:
    """The UTF-8 text of ``framing/data/<parts...>``."""
    return data_file(*parts).read_text(encoding="utf-8")


def data_table(name: str, given=None):
    """An editable table as a frame of strings: ``given`` when the caller passed one (a
    DataFrame, copied, or a CSV path), else the package's ``framing/data/<name>``."""
    import pandas as pd

    if isinstance(given, pd.DataFrame):
        return given.copy()
    if given is None:
        with data_file(name).open(encoding="utf-8") as handle:
            return pd.read_csv(handle, dtype=str, keep_default_na=False)
    return pd.read_csv(given, dtype=str, keep_default_na=False)
