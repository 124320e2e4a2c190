"""The documents table: the one shape every reader returns and every later stage reads.

Columns ``doc_id, source, outlet, date, title, text`` come first, in that order; any extra
metadata columns a reader keeps follow them.

* ``doc_id`` - unique, non-empty string.
* ``source`` - the voice the document counts for in comparisons ("Trump", "KCNA", "Reuters").
* ``outlet`` - who published it (may equal ``source``; empty when unknown).
* ``date`` - timezone-aware UTC timestamp (``NaT`` when unknown).
* ``title``, ``text`` - strings (empty string, never NaN).
"""

from __future__ import annotations

import pandas as pd

from ._checks import require_columns, require_frame
from .errors import ColumnError, FramingError

DOCUMENT_COLUMNS = ("doc_id", "source", "outlet", "date", "title", "text")
_STRING_COLUMNS = ("doc_id", "source", "outlet", "title", "text")


def make_documents(data, **defaults) -> pd.DataFrame:
    """Build a validated documents frame from records or a frame.

    Parameters
    ----------
    data : DataFrame or iterable of dict
        Rows with at least ``text``; missing document columns are filled from ``defaults``
        (``source``, ``outlet``, ``title`` default to "", ``date`` to NaT, ``doc_id`` to the
        row position as a string).
    **defaults
        Values for absent columns, e.g. ``source="Trump"``.

    Examples
    --------
    >>> from framing import make_documents
    >>> docs = make_documents([{"text": "Talks resumed."}], source="Reuters")
    >>> list(docs.columns)
    ['doc_id', 'source', 'outlet', 'date', 'title', 'text']
    """
    frame = data.copy() if isinstance(data, pd.DataFrame) else pd.DataFrame(list(data))
    if "text" not in frame.columns:
        raise ColumnError(
            f"documents need a 'text' column; columns present: {list(map(str, frame.columns))}. "
            "Rename the column that holds the text to 'text'."
        )
    for column in DOCUMENT_COLUMNS:
        if column in frame.columns:
            continue
        if column in defaults:
            frame[column] = defaults[column]
        elif column == "doc_id":
            frame[column] = [str(i) for i in range(len(frame))]
        elif column == "date":
            frame[column] = pd.NaT
        else:
            frame[column] = ""
    return validate_documents(frame)


def validate_documents(data: pd.DataFrame) -> pd.DataFrame:
    """Check a documents frame and return a normalised copy.

    Strings are made strings (NaN becomes ""), dates become UTC timestamps, the document
    columns move to the front. Raises ``ColumnError`` naming missing or mistyped columns
    and ``FramingError`` for empty or duplicate ``doc_id`` values.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import validate_documents
    >>> validate_documents(pd.DataFrame({"doc_id": ["a"], "source": ["KCNA"], "outlet": ["KCNA"],
    ...     "date": ["2018-01-01"], "title": [""], "text": ["..."]})).date.dt.tz
    datetime.timezone.utc
    """
    require_frame(data, what="documents")
    require_columns(data, DOCUMENT_COLUMNS, what="documents")
    frame = data.copy()
    for column in _STRING_COLUMNS:
        values = frame[column]
        bad = values.map(lambda v: not (isinstance(v, str) or _is_missing(v)))
        if column == "doc_id":
            bad = values.map(lambda v: _is_missing(v) or isinstance(v, (list, dict, set, tuple)))
        if bad.any():
            rows = list(frame.index[bad][:5])
            raise ColumnError(
                f"documents column {column!r} must hold strings; rows {rows} hold "
                f"{sorted({type(v).__name__ for v in values[bad]})}. Convert them with .astype(str)."
            )
        frame[column] = values.map(lambda v: "" if _is_missing(v) else str(v)).astype(object)
    empty_ids = frame["doc_id"] == ""
    if empty_ids.any():
        raise FramingError(f"documents rows {list(frame.index[empty_ids][:5])} have an empty doc_id; give every document an id.")
    duplicated = frame["doc_id"].duplicated(keep=False)
    if duplicated.any():
        raise FramingError(
            f"documents doc_id values repeat: {sorted(set(frame.loc[duplicated, 'doc_id']))[:5]}. "
            "Make them unique, e.g. by prefixing the corpus name."
        )
    try:
        frame["date"] = pd.to_datetime(frame["date"], utc=True, errors="raise", format="mixed")
    except (ValueError, TypeError) as exc:
        raise ColumnError(
            f"documents column 'date' holds values that are not dates ({exc}). "
            "Use ISO dates such as 2018-06-12, or NaT for unknown dates."
        ) from None
    extra = [c for c in frame.columns if c not in DOCUMENT_COLUMNS]
    return frame[list(DOCUMENT_COLUMNS) + extra].reset_index(drop=True)


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT
