"""``read_articles``: plain-text and HTML article files, one document per file."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..documents import make_documents
from ..errors import CorpusFormatError
from ._files import clean_name, find_files, read_text, warn_broken
from ._html import html_to_document

_TEXT_SUFFIXES = {".txt", ".text"}
_HTML_SUFFIXES = {".html", ".htm"}


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
          dropped; a ``<head>`` that is never closed ends where the body's first element or
          text starts, as in a browser), entities decoded, block elements (``p``, ``div``, ``h1``-``h6``, ``li``,
          ``br`` ...) become paragraph breaks. ``title`` is the ``<title>`` element, else the
          first ``<h1>``. ``date`` is read from ``<meta property="article:published_time">``
          (or ``name="date"``/``pubdate``) or ``<time datetime=...>`` when present.
        * ``date`` is NaT when the file carries none.

        An empty file, or a page without visible text, gets a row with empty text and a
        ``BrokenRecordWarning`` naming it (``CorpusFormatError`` when an empty file is the
        only file). Broken markup (an unclosed tag, comment or attribute quote) is left out
        of the text, never copied into it, and the file is named in a warning. A file name
        that is not valid UTF-8 gets a printable ``doc_id`` (bad bytes as ``\\xNN``),
        named in a warning. Hidden files and folders (``.git/``, ``.ipynb_checkpoints/``)
        are skipped.

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
    records = []
    empty, renamed, markup = [], [], []
    for file in files:
        doc_id, bad_name = clean_name(file.relative_to(base).as_posix() if base else str(file))
        path = clean_name(str(file))[0]
        record = {"doc_id": doc_id, "path": path}
        if bad_name:
            renamed.append((doc_id, "file name is not valid UTF-8; its bad bytes are written \\xNN"))
        try:
            raw = read_text(file)
        except CorpusFormatError:
            if len(files) == 1:
                raise
            empty.append((path, "empty file"))
            raw = ""
        if file.suffix.lower() in _HTML_SUFFIXES:
            document, problems = html_to_document(raw)
            record.update(document)
            markup.extend((path, problem) for problem in problems)
            if raw and not document["text"]:
                empty.append((path, "the page holds no visible text"))
        else:
            text = raw.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
            record["title"] = next((line.strip() for line in text.split("\n") if line.strip()), "")
            record["text"] = text
        records.append(record)
    where = base or "articles"
    warn_broken(where, empty, unit="file", action="kept with empty text")
    warn_broken(where, renamed, unit="file", action="kept under a printable doc_id")
    warn_broken(where, markup, unit="file", action="read with the broken markup left out")
    return make_documents(records, source=source or "", outlet=outlet or "")


def _common_folder(roots: list[Path], files: list[Path]) -> Path | None:
    if len(roots) == 1 and roots[0].is_dir():
        return roots[0]
    try:
        return Path(os.path.commonpath([f.parent for f in files]))
    except ValueError:  # different drives on Windows
        return None
