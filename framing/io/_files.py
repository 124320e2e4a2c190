"""Files, bytes and broken records: the helpers every reader (``framing.io``, ``framing.datasets``) uses.

* :func:`find_files` expands a path, a folder or a list of them into files, skipping hidden
  files and folders (``.git/``, ``.ipynb_checkpoints/``).
* :func:`read_bytes` reads a file (an empty one raises ``CorpusFormatError`` naming it);
  :func:`read_text` decodes it (see ``framing.io._decode``: UTF-8, one bad byte at a time,
  UTF-16/32 by byte-order mark) and warns naming each line that was not valid UTF-8.
* :func:`warn_broken` emits the one-warning-per-file report used by every reader;
  :func:`partition_records` splits records into readable ones and problems for it;
  :func:`each_readable` reads a list of files, skipping (and naming) the broken ones.
* :func:`clean_name` makes a file name that is not valid UTF-8 printable.

JSON and CSV parsing live in ``framing.io._json`` and ``framing.io._csv``.
"""

from __future__ import annotations

import fnmatch
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from ..errors import BrokenRecordWarning, CorpusFormatError
from ._decode import decode, describe_bad_lines

PathLike = str | os.PathLike
_SHOWN_PROBLEMS = 10  # a warning lists at most this many broken records, then counts the rest
_T = TypeVar("_T")


# ---------------------------------------------------------------------------- files and bytes


def find_files(paths: PathLike | Iterable[PathLike], *, patterns: Sequence[str] = ("*",),
               recursive: bool = True) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of files.

    Parameters
    ----------
    paths : path or iterable of paths
        Files are kept as given (whatever their name); folders are searched for ``patterns``.
        Inside folders, hidden files and folders (names starting with ".", such as ``.git/``
        and Jupyter's ``.ipynb_checkpoints/``) are skipped.
    patterns : sequence of str
        Glob patterns for file names inside folders, e.g. ``("*.json",)``.
    recursive : bool
        Search sub-folders too.

    Raises
    ------
    FileNotFoundError
        When a path does not exist, or nothing matched in the folders given.

    Examples
    --------
    >>> from framing.io._files import find_files
    >>> find_files("corpora/trump_tweets", patterns=("*.json",))  # doctest: +SKIP
    [PosixPath('corpora/trump_tweets/flexlev/condensed_2017.json'), ...]
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: set[str] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")] if recursive else []
                found.update(os.path.join(folder, name) for name in names
                             if not name.startswith(".") and any(fnmatch.fnmatchcase(name, p) for p in patterns))
        elif path.is_file():
            found.add(str(path))
        else:
            raise FileNotFoundError(f"{path} does not exist. Pass an existing file or folder.")
    # ordered as paths are (folder by folder), built once: pathlib costs more than the reading
    files = [Path(name) for name in sorted(found, key=lambda name: name.split(os.sep))]
    if not files:
        raise FileNotFoundError(
            f"no files matching {list(patterns)} under {[str(p) for p in paths]}. "
            "Check the path, or pass the files themselves."
        )
    return files


def clean_name(name: str) -> tuple[str, bool]:
    """Make a file name printable: bytes that were not UTF-8 are written as ``\\xNN``.

    On POSIX, Python hands such names over with lone surrogates, which no encoder accepts
    later (writing a CSV, hashing, printing). Returns the name and whether it changed.

    Examples
    --------
    >>> from framing.io._files import clean_name
    >>> clean_name("caf\\udce9.txt")
    ('caf\\\\xe9.txt', True)
    """
    try:
        name.encode("utf-8")
        return name, False
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape") if _escaped_bytes_only(name) else name.encode("utf-8", "replace")
        return raw.decode("utf-8", "backslashreplace"), True


def _escaped_bytes_only(name: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name)


def read_bytes(path: PathLike) -> bytes:
    """Read a file's bytes; an empty (or whitespace-only) file raises ``CorpusFormatError``."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise CorpusFormatError(f"{path} is empty. Check that the file was copied completely.")
    return data


def read_text(path: PathLike, *, data: bytes | None = None) -> str:
    """Read and decode a text file (see ``framing.io._decode``); line endings are kept.

    Bytes that are not UTF-8 are decoded one by one as cp1252, and one
    ``BrokenRecordWarning`` names the file and each line holding them; the rest of the file
    keeps its UTF-8 meaning. A UTF-16/32 byte-order mark selects that encoding.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.io._files import read_text
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("Kim\\u2019s talks".encode("utf-16"))
    >>> read_text(p)
    'Kim’s talks'
    """
    text, encoding, bad_lines = decode(read_bytes(path) if data is None else data)
    if bad_lines:
        warning = BrokenRecordWarning(describe_bad_lines(str(path), encoding, bad_lines), path=str(path),
                                      unit="line", records=bad_lines)
        warnings.warn(warning, stacklevel=3)
    return text


def each_readable(files: Sequence[Path], read: Callable[[Path], _T], *,
                  where: PathLike) -> Iterator[tuple[Path, _T]]:
    """Yield ``(file, read(file))`` for each file; skip and name the broken ones.

    A file whose ``read`` raises ``CorpusFormatError`` (empty, truncated, not the expected
    shape) is skipped; after the last file one ``BrokenRecordWarning`` names each skipped
    file and why. With a single file, its error is raised; when no file is readable,
    ``CorpusFormatError`` lists them.

    Examples
    --------
    >>> import pathlib, tempfile, warnings
    >>> from framing.io._files import each_readable
    >>> from framing.io._json import read_json
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.json").write_text("[1]")
    >>> _ = (folder / "b.json").write_text("[1, ")  # truncated
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     values = [v for _, v in each_readable(sorted(folder.glob("*.json")), read_json, where=folder)]
    >>> values, "skipped 1 broken file (file b.json" in str(caught[0].message)
    ([[1]], True)
    """
    problems: list[tuple[str, str]] = []
    readable = 0
    for file in files:
        try:
            value = read(file)
        except CorpusFormatError as exc:
            if len(files) == 1:
                raise
            problems.append((Path(file).name, str(exc)))
            continue
        readable += 1
        yield file, value
    if not readable:
        raise CorpusFormatError(
            f"none of the {len(files)} files under {where} is readable; first: {problems[0][1]}"
        )
    warn_broken(where, problems, unit="file")


def warn_broken(path: PathLike, problems: Sequence[tuple[object, str]], *, unit: str = "record",
                action: str = "skipped", stacklevel: int = 3) -> None:
    """Emit one ``BrokenRecordWarning`` for a file, naming each broken record and why.

    The message lists the first ten; the warning's ``records`` attribute holds all of them.

    Parameters
    ----------
    path : path
        The file the records came from.
    problems : sequence of (where, reason)
        ``where`` is a line number, index or id; ``reason`` a short explanation.
    unit : str
        What a record is called in the message ("line", "record", "article").
    action : str
        What happened to them: "skipped" (default) or e.g. "kept with empty text".

    Examples
    --------
    >>> import warnings
    >>> from framing.io._files import warn_broken
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_broken("a.jsonl", [(3, "invalid JSON")], unit="line")
    >>> str(caught[0].message)
    'a.jsonl: skipped 1 broken line (line 3: invalid JSON); the other records were loaded.'
    """
    if not problems:
        return
    shown = "; ".join(f"{unit} {where}: {reason}" for where, reason in problems[:_SHOWN_PROBLEMS])
    more = f"; and {len(problems) - _SHOWN_PROBLEMS} more" if len(problems) > _SHOWN_PROBLEMS else ""
    plural = "" if len(problems) == 1 else "s"
    message = (f"{path}: skipped {len(problems)} broken {unit}{plural}" if action == "skipped"
               else f"{path}: {len(problems)} broken {unit}{plural} {action}")
    warning = BrokenRecordWarning(f"{message} ({shown}{more}); the other records were loaded.",
                                  path=str(path), unit=unit, records=[where for where, _ in problems])
    warnings.warn(warning, stacklevel=stacklevel)


def partition_records(records, problem) -> tuple[list[tuple[int, object]], list[tuple[int, str]]]:
    """Split records into readable ``(index, record)`` pairs and ``(index, reason)`` problems.

    ``problem(record)`` returns "" for a good record, else the reason it is broken. Pass the
    problems to :func:`warn_broken`.

    Examples
    --------
    >>> from framing.io._files import partition_records
    >>> partition_records([{"text": "a"}, None], lambda r: "" if r else "null entry")
    ([(0, {'text': 'a'})], [(1, 'null entry')])
    """
    good, problems = [], []
    for index, record in enumerate(records):
        reason = problem(record)
        if reason:
            problems.append((index, reason))
        else:
            good.append((index, record))
    return good, problems
