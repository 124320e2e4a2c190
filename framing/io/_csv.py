"""CSV (and TSV) files, decoded by ``framing.io._files.read_text``, every record with its line.

The standard library's reader, in strict mode, with recovery:

* A record that cannot be parsed (a quote that is never closed, or closed in the middle of a
  field) or that has the wrong number of fields is skipped and named by the line it starts
  on, and reading starts again on the next line. An unclosed quote therefore costs one row,
  not every row up to the next quote character: the rows it would have swallowed are read
  again and kept.
* ``multiline=False`` is for files whose fields never span lines (headline feeds): there, a
  record that runs over several lines can only come from a stray quote, and it is treated as
  broken the same way.
* Fields of any length are read (the module's default limit is 131,072 characters, less than
  a long article).
* Records split on "\\n" and "\\r\\n" (on "\\r" only in a file without "\\n"); a lone "\\r",
  which ``csv.writer`` and pandas write unquoted, is text, and so are U+2028, U+2029, U+0085.

Limits (both cases are valid CSV; no reader can tell):

* a last field that ends in an unquoted "\\r" (pandas writes it so) cannot be told from a
  "\\r\\n" line end; the "\\r" is read as part of the line end;
* a stray quote that is closed, later, by a quote that ends a field cleanly (a quote directly
  before a delimiter or a line end) makes one record of the rows between; when that record
  has the expected number of fields, only ``multiline=False`` can tell.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from ..errors import CorpusFormatError
from ._files import PathLike, read_text, warn_broken


class _Lines:
    """An iterator over lines that remembers how many it handed out."""

    def __init__(self, lines: list[str], position: int) -> None:
        self.lines = lines
        self.position = position

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            raise StopIteration
        self.position += 1
        return self.lines[self.position - 1]


def read_csv_rows(path: PathLike, *, n_fields: int | None = None, header: bool = False,
                  delimiter: str = ",", multiline: bool = True) -> list[tuple[int, list[str]]]:
    """Read a CSV file into ``(line_number, fields)`` pairs, header included.

    ``line_number`` is the 1-based line on which the record starts (quoted fields may span
    lines). Blank lines are ignored. Records with another number of fields than ``n_fields``
    (or than the first record, with ``header=True``), records that do not parse, and with
    ``multiline=False`` records that span lines, are skipped and named in one
    ``BrokenRecordWarning``; reading resumes on the line after the one the broken record
    started on, so rows a stray quote ran over are kept.

    Examples
    --------
    >>> import tempfile, pathlib, warnings
    >>> from framing.io._csv import read_csv_rows
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_text('date,text\\n2018-01-01,"Talks, then a summit"\\n2018-01-02,"unclosed\\n2018-01-03,kept\\n')
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     rows = read_csv_rows(p, header=True)
    >>> rows
    [(1, ['date', 'text']), (2, ['2018-01-01', 'Talks, then a summit']), (4, ['2018-01-03', 'kept'])]
    >>> caught[0].message.records
    (3,)
    """
    text = read_text(path)
    text, restore = _protect_lone_cr(text)
    lines = io.StringIO(text, newline="\n" if "\n" in text else "\r").readlines()
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # any field fits; restored below
    try:
        rows, problems = _parse(lines, n_fields=n_fields, header=header, delimiter=delimiter, multiline=multiline)
    finally:
        csv.field_size_limit(limit)
    if restore:
        rows = [(line, [field.replace(restore, "\r") for field in fields]) for line, fields in rows]
    warn_broken(path, problems, unit="line", stacklevel=4)
    return rows


def _protect_lone_cr(text: str) -> tuple[str, str]:
    """In a file whose lines end in "\\n", a lone "\\r" is text (``csv.writer`` and pandas write
    it unquoted); the csv module would end the record there. Swap it for a character the
    file does not hold, to be swapped back in the fields. Returns (text, that character or "")."""
    if "\r" not in text or "\n" not in text or "\r" not in text.replace("\r\n", ""):
        return text, ""
    stand_in = next(chr(c) for c in range(0xE000, 0x110000) if chr(c) not in text)
    return re.sub("\r(?!\n)", stand_in, text), stand_in


def _parse(lines, *, n_fields, header, delimiter, multiline):
    rows: list[tuple[int, list[str]]] = []
    problems: list[tuple[int, str]] = []
    position = 0  # index of the next line to parse
    while position < len(lines):
        feed = _Lines(lines, position)
        reader = csv.reader(feed, delimiter=delimiter, strict=True)
        try:
            for fields in reader:
                start, span = position + 1, feed.position - position
                if not fields or (len(fields) == 1 and not fields[0].strip() and span == 1):
                    position = feed.position
                    continue
                if header and n_fields is None:
                    n_fields = len(fields)
                reason = ""
                if n_fields is not None and len(fields) != n_fields:
                    reason = f"{len(fields)} fields, expected {n_fields}"
                elif not multiline and span > 1:
                    reason = "a field runs over several lines"
                if reason:
                    if span > 1:
                        reason += f" (record ran over lines {start}-{start + span - 1}: a stray quote?)"
                    problems.append((start, reason))
                    position = start  # resume on the next line: the lines it ran over are read again
                    break
                rows.append((start, fields))
                position = feed.position
            else:
                position = len(lines)
        except csv.Error as exc:
            problems.append((position + 1, f"not valid CSV ({exc}; an unclosed quote?)"))
            position += 1
    return rows, problems


def read_csv_table(path: PathLike, *, delimiter: str = ",") -> tuple[pd.DataFrame, list[int]]:
    """Read a CSV file with a header row into a frame of strings, and each row's line number.

    Rows with another number of fields than the header, or that do not parse, are skipped
    and named in one ``BrokenRecordWarning`` (see :func:`read_csv_rows`); a header that
    repeats a name raises ``CorpusFormatError``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.io._csv import read_csv_table
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.csv"
    >>> _ = p.write_text("id,text\\n007,Talks\\n")
    >>> frame, lines = read_csv_table(p)
    >>> frame.to_dict("records"), lines
    ([{'id': '007', 'text': 'Talks'}], [2])
    """
    rows = read_csv_rows(path, header=True, delimiter=delimiter)
    if not rows:
        raise CorpusFormatError(f"{path} holds no CSV record. Expected a header line, then one row per line.")
    header = rows[0][1]
    if len(set(header)) != len(header):
        raise CorpusFormatError(f"{path} repeats a column name in its header {header}; make the names unique.")
    frame = pd.DataFrame([fields for _, fields in rows[1:]], columns=header, dtype=object)
    return frame, [line for line, _ in rows[1:]]
