"""``read_table``: CSV, JSON Lines and Parquet files into a documents frame, row by row."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ..documents import make_documents
from ..errors import ColumnError, CorpusFormatError
from ._csv import read_csv_table
from ._files import read_bytes, warn_broken
from ._json import read_jsonl

_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
_STRING_COLUMNS = ("doc_id", "source", "outlet", "title", "text")


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
    Nothing is lost silently. A CSV row that does not parse (an unclosed quote) or has the
    wrong number of fields, a JSONL line that is not a JSON object, and a row whose
    document fields cannot be used (a list as ``text``, no ``doc_id``, a ``date`` that is not
    a date) are skipped with one ``BrokenRecordWarning`` naming each by its line (Parquet:
    its 1-based row); the other rows load. JSONL records lacking the text field are kept with
    empty text and named in a warning. Numbers in text columns become strings. JSONL records
    are split on "\\n" only (U+2028 and friends are text); bytes that are not UTF-8 are
    decoded one by one (see ``framing.io``); CSV fields may be of any length.

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
        frame, lines = read_csv_table(path)
        unit = "line"
    elif kind == "jsonl":
        frame, lines = _read_jsonl_table(path, text_field=(columns or {}).get("text", "text"))
        unit = "line"
    else:
        read_bytes(path)  # empty file -> CorpusFormatError naming it
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise CorpusFormatError(f"{path} is not a readable Parquet file ({exc}).") from None
        lines, unit = list(range(1, len(frame) + 1)), "row"
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
    frame, problems = _usable_rows(frame.reset_index(drop=True), lines)
    warn_broken(path, problems, unit=unit)
    if frame.empty and problems:
        raise CorpusFormatError(f"{path}: no usable row ({len(problems)} broken, first: {unit} "
                                f"{problems[0][0]}: {problems[0][1]}).")
    return make_documents(frame, **defaults)


def _read_jsonl_table(path: Path, *, text_field: str) -> tuple[pd.DataFrame, list[int]]:
    records = read_jsonl(path)
    frame = pd.DataFrame([record for _, record in records])
    if text_field in frame.columns:
        lacking = [(line, f"no {text_field!r} field") for line, record in records if text_field not in record]
        warn_broken(path, lacking, unit="line", action="kept with empty text")
    return frame, [line for line, _ in records]


def _usable_rows(frame: pd.DataFrame, lines: list[int]) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Drop (and name by line) rows whose document fields cannot be used; make scalars strings.

    A list or mapping in a text column, a missing ``doc_id`` and a ``date`` that is not a date
    are problems; numbers and booleans in text columns become their string.
    """
    reasons: dict[int, str] = {}
    frame = frame.copy()
    for column in _STRING_COLUMNS:
        if column not in frame.columns:
            continue
        values = frame[column].tolist()
        cleaned = []
        for position, value in enumerate(values):
            if isinstance(value, str):
                cleaned.append(value)
            elif _missing(value):
                if column == "doc_id":
                    reasons.setdefault(position, "no doc_id")
                cleaned.append("")
            elif isinstance(value, (list, tuple, dict, set, np.ndarray)):
                reasons.setdefault(position, f"{column!r} holds a {type(value).__name__}, not a string")
                cleaned.append("")
            else:
                cleaned.append(str(value))
        frame[column] = pd.Series(cleaned, index=frame.index, dtype=object)
        if column == "doc_id":
            for position in np.flatnonzero(frame[column].to_numpy() == ""):
                reasons.setdefault(int(position), "empty doc_id")
    if "date" in frame.columns:
        for position, value in _bad_dates(frame["date"]):
            reasons.setdefault(position, f"date {value!r} is not a date")
    if not reasons:
        return frame, []
    keep = np.ones(len(frame), dtype=bool)
    keep[list(reasons)] = False
    problems = [(lines[position], reason) for position, reason in sorted(reasons.items())]
    return frame[keep].reset_index(drop=True), problems


def _missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def _bad_dates(dates: pd.Series) -> list[tuple[int, object]]:
    """Positions and values of non-empty dates that do not parse."""
    given = dates.map(lambda v: not (_missing(v) or (isinstance(v, str) and not v.strip())))
    if not given.any():
        return []
    try:
        parsed = pd.to_datetime(dates.where(given), utc=True, errors="coerce", format="mixed")
        bad = given & parsed.isna()
    except (TypeError, ValueError):  # a mixture pandas cannot take as one column: value by value
        bad = given & dates.map(_not_a_date)
    return [(int(i), dates.iloc[i]) for i in np.flatnonzero(bad.to_numpy())]


def _not_a_date(value) -> bool:
    try:
        return pd.isna(pd.to_datetime(value, utc=True))
    except (TypeError, ValueError, OverflowError):
        return True
