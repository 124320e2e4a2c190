"""Read your own documents: article files (text, HTML) and tables (CSV, JSON Lines, Parquet).

Both readers return a validated documents frame (``doc_id, source, outlet, date, title,
text`` + extra columns, see ``framing.documents``). Files are decoded as UTF-8 (a byte-order
mark is dropped); a file that is not UTF-8 is read as cp1252 with a ``BrokenRecordWarning``
naming it, never a crash. Readers for the shared research corpora are in
``framing.datasets``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from .datasets._common import (
    find_files,
    normalize_space,
    read_bytes,
    read_csv_table,
    read_jsonl,
    read_text,
    warn_broken,
)
from .documents import make_documents
from .errors import ColumnError, CorpusFormatError


__all__ = ["read_articles", "read_table"]

_TEXT_SUFFIXES = {".txt", ".text"}
_HTML_SUFFIXES = {".html", ".htm"}
_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


# ---------------------------------------------------------------------------- article files


def read_articles(paths_or_folder, *, source: str | None = None, outlet: str | None = None,
                  pattern: str = "*") -> pd.DataFrame:
    """Read plain-text and HTML article files into a documents frame, one row per file.

    Parameters
    ----------
    paths_or_folder : path or iterable of paths
        Files and/or folders. Folders are searched recursively for files matching ``pattern``
        whose suffix is ``.txt``, ``.html`` or ``.htm`` (other files are ignored there);
        files named explicitly must have one of those suffixes.
    source, outlet : str, optional
        Values for the ``source`` and ``outlet`` columns (empty when not given).
    pattern : str
        Glob pattern for file names inside folders, e.g. ``"2019-*"``.

    Returns
    -------
    DataFrame
        Documents frame plus a ``path`` column. ``doc_id`` is the file's path relative to the
        folder given (or to the files' common folder), so it is unique and stable.

        * Text files: ``text`` is the whole file (line endings normalised to ``\\n``);
          ``title`` is its first non-empty line (the headline of a scraped article, which also
          stays in ``text``).
        * HTML files: tags are stripped (``<script>``, ``<style>``, ``<head>`` contents
          dropped), entities decoded, block elements (``p``, ``div``, ``h1``-``h6``, ``li``,
          ``br`` ...) become paragraph breaks. ``title`` is the ``<title>`` element, else the
          first ``<h1>``. ``date`` is read from ``<meta property="article:published_time">``
          (or ``name="date"``/``pubdate``) or ``<time datetime=...>`` when present.
        * ``date`` is NaT when the file carries none.

        An empty file gets a row with empty text and a ``BrokenRecordWarning`` naming it
        (``CorpusFormatError`` when it is the only file).

    Examples
    --------
    >>> from framing.io import read_articles
    >>> docs = read_articles("my_articles/", outlet="Daily Planet")  # doctest: +SKIP
    >>> docs[["doc_id", "title"]].head()  # doctest: +SKIP
    """
    explicit = [paths_or_folder] if isinstance(paths_or_folder, (str, os.PathLike)) else list(paths_or_folder)
    roots = [Path(p).expanduser() for p in explicit]
    for root in roots:
        if root.is_file() and root.suffix.lower() not in _TEXT_SUFFIXES | _HTML_SUFFIXES:
            raise CorpusFormatError(
                f"{root} is not a .txt, .html or .htm file. Use read_table for CSV/JSONL/Parquet."
            )
    files = [p for p in find_files(roots, patterns=(pattern,))
             if p.suffix.lower() in _TEXT_SUFFIXES | _HTML_SUFFIXES]
    if not files:
        raise FileNotFoundError(f"no .txt/.html/.htm files matching {pattern!r} in {[str(r) for r in roots]}.")
    base = _common_folder(roots, files)
    records, empty = [], []
    for file in files:
        record = {"doc_id": file.relative_to(base).as_posix() if base else str(file), "path": str(file)}
        try:
            raw = read_text(file)
        except CorpusFormatError:
            if len(files) == 1:
                raise
            empty.append((str(file), "empty file"))
            raw = ""
        if file.suffix.lower() in _HTML_SUFFIXES:
            record.update(_html_to_document(raw))
        else:
            text = raw.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
            record["title"] = next((line.strip() for line in text.split("\n") if line.strip()), "")
            record["text"] = text
        records.append(record)
    if empty:
        warn_broken(base or "articles", empty, unit="file", action="kept with empty text")
    return make_documents(records, source=source or "", outlet=outlet or "")


def _common_folder(roots: list[Path], files: list[Path]) -> Path | None:
    if len(roots) == 1 and roots[0].is_dir():
        return roots[0]
    try:
        return Path(os.path.commonpath([f.parent for f in files]))
    except ValueError:  # different drives on Windows
        return None


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template", "svg"})
_DATE_META = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date")


class _TextExtractor(HTMLParser):
    """Collects visible text, paragraph breaks at block tags, the title and a date."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities decoded by the parser
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self.h1 = ""
        self.date = ""
        self._in_title = self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "meta" and not self.date:
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _DATE_META and attrs.get("content"):
                self.date = attrs["content"]
        elif tag == "time" and not self.date and attrs.get("datetime"):
            self.date = attrs["datetime"]
        if tag == "title":
            self._in_title = True
        elif tag == "h1" and not self.h1:
            self._in_h1 = True
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TAGS:  # <script/> has no end tag
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self.skip_depth:
            return
        if self._in_h1:
            self.h1 += data
        self.parts.append(data)


def _html_to_document(markup: str) -> dict:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    # inside a block, source newlines are just spaces; paragraph breaks come from the tags
    pieces = "".join(p if p == "\n\n" else re.sub(r"\s+", " ", p) for p in parser.parts)
    text = normalize_space(pieces)  # the parser already decoded entities (convert_charrefs)
    title = " ".join((parser.title or parser.h1).split())
    date = pd.to_datetime(parser.date, utc=True, errors="coerce") if parser.date else pd.NaT
    return {"title": title, "text": text, "date": date}


# ---------------------------------------------------------------------------- tables


def read_table(path, *, columns: Mapping[str, str] | None = None, format: str | None = None,
               **defaults) -> pd.DataFrame:
    """Read a CSV, JSON Lines or Parquet file into a documents frame.

    Parameters
    ----------
    path : path
        The file.
    columns : mapping, optional
        Our column names -> the file's, e.g. ``{"text": "body", "date": "published"}``. Columns
        not named keep their names; a document column the file lacks is filled from
        ``defaults`` (see ``framing.make_documents``). Only ``text`` is required.
    format : {"csv", "jsonl", "parquet"}, optional
        Default: from the suffix (``.csv``, ``.jsonl``/``.ndjson``, ``.parquet``/``.pq``).
    **defaults
        Values for absent document columns, e.g. ``source="Reuters"``.

    Returns
    -------
    DataFrame
        Validated documents frame; the file's other columns are kept after the six document
        columns. CSV values are read as strings (so ids keep leading zeros).

    Raises
    ------
    CorpusFormatError
        Empty or unreadable file (the message names it).
    ColumnError
        A column named in ``columns`` (or ``text``) is missing; the message lists those present.

    Notes
    -----
    A CSV row with the wrong number of fields, or a JSONL line that is not a JSON object, is
    skipped with one ``BrokenRecordWarning`` naming each line; the other rows load. JSONL
    records lacking the text field are kept with empty text and named in a warning.

    Examples
    --------
    >>> from framing.io import read_table
    >>> docs = read_table("stories.csv", columns={"text": "body"}, source="Reuters")  # doctest: +SKIP
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist. Pass the path of a CSV, JSONL or Parquet file.")
    kind = format or _FORMATS.get(path.suffix.lower())
    if kind not in {"csv", "jsonl", "parquet"}:
        raise CorpusFormatError(
            f"cannot tell the format of {path.name} from its suffix; pass format='csv', 'jsonl' or 'parquet'."
        )
    if kind == "csv":
        frame = read_csv_table(path)[0]
    elif kind == "jsonl":
        frame = _read_jsonl_table(path, text_field=(columns or {}).get("text", "text"))
    else:
        read_bytes(path)  # empty file -> CorpusFormatError naming it
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise CorpusFormatError(f"{path} is not a readable Parquet file ({exc}).") from None
    if columns:
        missing = [theirs for theirs in columns.values() if theirs not in frame.columns]
        if missing:
            raise ColumnError(
                f"{path.name} lacks column(s) {missing} named in columns=; columns present: "
                f"{list(map(str, frame.columns))}. Fix the mapping (our name -> the file's name)."
            )
        # our names win: drop a same-named column the mapping replaces
        clash = [ours for ours, theirs in columns.items() if ours in frame.columns and ours != theirs]
        frame = frame.drop(columns=clash).rename(columns={v: k for k, v in columns.items()})
    if "text" not in frame.columns:
        raise ColumnError(
            f"{path.name} has no 'text' column; columns present: {list(map(str, frame.columns))}. "
            "Name the text column with columns={'text': '<its name>'}."
        )
    return make_documents(frame, **defaults)


def _read_jsonl_table(path: Path, *, text_field: str) -> pd.DataFrame:
    records = read_jsonl(path)
    frame = pd.DataFrame([record for _, record in records])
    if text_field in frame.columns:
        lacking = [(line, f"no {text_field!r} field") for line, record in records if text_field not in record]
        warn_broken(path, lacking, unit="line", action="kept with empty text")
    return frame
