"""Exceptions and warnings shared by every stage."""

from __future__ import annotations


class FramingError(ValueError):
    """Bad input: the message says what was wrong, what was expected and how to fix it."""


class ColumnError(FramingError, KeyError):
    """A frame lacks a required column or holds one of the wrong type."""

    def __str__(self) -> str:  # KeyError would wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class CorpusFormatError(FramingError):
    """A corpus file cannot be read at all (empty, wrong format, wrong encoding)."""


class BrokenRecordWarning(UserWarning):
    """Some records of a corpus could not be read; the rest were loaded.

    The warning names each broken record (file, line or index) and why; its attributes give
    them to code: ``path`` (the file or folder), ``unit`` ("line", "file", ...) and
    ``records`` (every broken record's line number, index or name, also those the message
    leaves out).

    Examples
    --------
    >>> from framing.errors import BrokenRecordWarning
    >>> w = BrokenRecordWarning("a.csv: skipped 2 broken lines", path="a.csv", unit="line", records=[3, 9])
    >>> str(w), w.records
    ('a.csv: skipped 2 broken lines', (3, 9))
    """

    def __init__(self, message: str = "", *, path: str | None = None, unit: str = "record",
                 records=()) -> None:
        super().__init__(message)
        self.path = path
        self.unit = unit
        self.records = tuple(records)
