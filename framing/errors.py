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

    The warning names each broken record (file, line or index) and why.
    """
