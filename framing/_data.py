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
