"""``voices`` and ``voices_frame``: the public entry points of the voices engine."""

from __future__ import annotations

import logging
import re
import warnings

import numpy as np
import pandas as pd

try:   # what DataFrame.from_records runs on a list of tuples (private: guarded)
    from pandas._libs.lib import to_object_array_tuples
    from pandas.core.internals.construction import convert_object_array
except ImportError:   # pragma: no cover
    to_object_array_tuples = convert_object_array = None

from .._checks import require_columns
from .._collector import collector_paused
from .._dispatch import route
from ..errors import FramingError
from ._calibration import calibrate
from ._model import NARRATOR, Attribution
from ._page import ROW_START
from ._segments import analyse
from ._speakers import AliasTable, default_alias_frame, default_alias_table

__all__ = ["SEGMENT_COLUMNS", "voices", "voices_frame", "default_alias_frame"]

logger = logging.getLogger(__name__)

SEGMENT_COLUMNS = ("doc_id", "seg_id", "start", "end", "text", "kind", "speaker", "source", "cue",
                   "cue_start", "cue_end", "mention_start", "mention_end", "confidence",
                   "outer_speaker", "outer_mention_start", "outer_mention_end")
_INT_COLUMNS = ("seg_id", "start", "end", "cue_start", "cue_end", "mention_start", "mention_end",
                "outer_mention_start", "outer_mention_end")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogates(text: str) -> bool:
    """``_SURROGATE.search(text)`` is not None: UTF-8 encodes every character but the
    surrogates, ten times faster than the search (and an ASCII text has none)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _table(aliases) -> AliasTable:
    if aliases is None:
        return default_alias_table()
    if isinstance(aliases, AliasTable):
        return aliases
    return AliasTable(aliases)


def voices(text: str, *, doc_id=None, aliases=None, outlet=None) -> pd.DataFrame:
    """Split one text into attributed voice segments.

    Parameters
    ----------
    text : str
        The article, tweet or statement (paragraphs on separate lines).
    doc_id : str, optional
        Copied into the ``doc_id`` column.
    aliases : None, dict, DataFrame or path, optional
        Extra alias entries (columns ``alias, canonical`` and optionally ``type, gender,
        channel``, or a dict alias -> canonical name) on top of the shipped table
        ``framing/data/aliases.csv``; an entry with the same alias replaces the shipped one.
    outlet : str, optional
        The voice of uncredited narration and of the headline (the article's outlet, or the
        source of a single-voice document); default ``"narrator"``.

    Returns
    -------
    DataFrame
        One row per segment with the columns in ``SEGMENT_COLUMNS``. Segments are sorted,
        do not overlap and hold every non-white-space character of ``text``;
        ``text[start:end]`` equals the segment's ``text`` (a lone surrogate such as
        ``"\\ud83d"``, which no file can store, is replaced by U+FFFD in the segments, offsets
        unchanged, with a warning). ``kind`` is one of ``headline``, ``narration``, ``direct``,
        ``indirect``, ``boilerplate``. Missing offsets are -1. Words reported inside another
        report ("X said Y thinks Z") keep the inner speaker (Y) in ``speaker`` and name the
        outer one (X) in ``outer_speaker`` with its mention offsets (else ``""`` and -1).
        ``confidence`` is calibrated: on PolNeAR's train split, of the attributed segments
        given 0.9, 9 in 10 had the right content span and speaker (see ``data/voices_calibration.csv``).

    Examples
    --------
    >>> from framing import voices
    >>> segs = voices('Talks resumed. "We are hopeful," Lee said.', outlet="Wire")
    >>> segs[["kind", "source", "cue"]].values.tolist()
    [['narration', 'Wire', ''], ['direct', 'Lee', 'said'], ['narration', 'Wire', '']]
    """
    if not isinstance(text, str):
        if text is None or (isinstance(text, float) and text != text):
            text = ""
        else:
            raise FramingError(f"voices() needs a string, got {type(text).__name__}. Pass the article text.")
    if _has_surrogates(text):
        _warn_surrogates([doc_id])
    return _frame(_records(text, doc_id, _table(aliases), outlet))


def _warn_surrogates(doc_ids: list) -> None:
    warnings.warn(
        f"{len(doc_ids)} document(s) hold lone surrogate characters (broken emoji or escapes), replaced by "
        f"U+FFFD in the segments: {doc_ids[:10]}{' ...' if len(doc_ids) > 10 else ''}. Decode the source "
        "with errors='replace' to silence this.", UserWarning, stacklevel=3)


def _records(text: str, doc_id, table: AliasTable, outlet, single_source: str = "",
             calibrated: dict | None = None) -> list[tuple]:
    """The segment rows of one text. ``calibrated``: (kind, raw confidence) -> calibrated
    confidence, shared by the documents of one call (rows repeat a few values)."""
    if _has_surrogates(text) or type(text) is not str:   # (the substitution gives a plain str)
        text = _SURROGATE.sub("\ufffd", text)   # same length: offsets hold
    rows = _fill_gaps(text, analyse(text, table, outlet or ""), outlet or NARRATOR)
    records = []
    if calibrated is None:
        calibrated = {}
    for seg_id, (start, end, kind, attr) in enumerate(rows):
        attr = attr or Attribution("", "", confidence=0.9)
        source = single_source if single_source and kind != "boilerplate" else attr.source
        confidence = calibrated.get((kind, attr.confidence))
        if confidence is None:
            confidence = calibrated[kind, attr.confidence] = calibrate(kind, attr.confidence)
        records.append((doc_id, seg_id, start, end, text[start:end], kind, attr.speaker, source,
                        attr.cue, attr.cue_start, attr.cue_end, attr.mention_start, attr.mention_end,
                        confidence, attr.outer_speaker, attr.outer_start, attr.outer_end))
    return records


def _frame(records: list[tuple]) -> pd.DataFrame:
    """The segments frame of ``records``, built column by column: the frame
    ``DataFrame.from_records(records)`` gives with the int and float columns cast (the rows made
    one object array, each object column inferred, as ``from_records`` does), in 40% less time."""
    if to_object_array_tuples is None or convert_object_array is None:   # (pandas moved them: the plain path)
        return _frame_from_records(records)
    try:
        content = (to_object_array_tuples(records) if records
                   else np.empty((0, len(SEGMENT_COLUMNS)), dtype=object))
        data = {}
        for i, name in enumerate(SEGMENT_COLUMNS):
            if name in _INT_COLUMNS:
                data[name] = content[:, i].astype(np.int64)
            elif name == "confidence":
                data[name] = content[:, i].astype(np.float64)
            else:
                data[name] = convert_object_array([content[:, i]], dtype=None)[0]
    except (TypeError, ValueError, AttributeError):   # private helpers whose signature changed: the plain path
        return _frame_from_records(records)
    return pd.DataFrame(data, columns=list(SEGMENT_COLUMNS), copy=False)


def _frame_from_records(records: list[tuple]) -> pd.DataFrame:
    """The plain path of :func:`_frame` (its reference in tests/test_voices_speed_paths.py)."""
    frame = pd.DataFrame.from_records(records, columns=list(SEGMENT_COLUMNS))
    for column in _INT_COLUMNS:
        frame[column] = frame[column].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame


def _fill_gaps(text: str, rows: list[tuple], outlet: str) -> list[tuple]:
    """Guarantee the partition: any non-space text between segments becomes narration."""
    out, pos = [], 0
    for row in sorted(rows, key=ROW_START):
        start = max(row[0], pos)
        if start > pos and text[pos:start].strip():
            a, b = pos, start
            while text[a].isspace():
                a += 1
            while text[b - 1].isspace():
                b -= 1
            out.append((a, b, "narration", Attribution("", outlet, confidence=0.5)))
        if row[1] > start:
            out.append(tuple(row) if start == row[0] else (start,) + tuple(row[1:]))
            pos = row[1]
    if text[pos:].strip():
        a, b = pos, len(text)
        while text[a].isspace():
            a += 1
        while text[b - 1].isspace():
            b -= 1
        out.append((a, b, "narration", Attribution("", outlet, confidence=0.5)))
    return out


def _all_records(iterator, table: AliasTable) -> tuple[list[tuple], list, list]:
    """The segment rows of the documents ``(doc_id, text, source, outlet, single-voice flag)``,
    the ids of those without text and of those with lone surrogates."""
    records: list[tuple] = []
    calibrated: dict = {}
    without_text, broken = [], []
    for key, body, source, outlet, single in iterator:
        voice = (source if isinstance(source, str) and source else "") or (
            outlet if isinstance(outlet, str) else "")
        if not isinstance(body, str) or not body.strip():
            without_text.append(key)  # nothing to split: said below, not dropped silently
            continue
        if _has_surrogates(body):
            broken.append(key)
        single = False if single is None or pd.isna(single) else bool(single)   # NaN: not single-voice
        records.extend(_records(body, key, table, voice or None, voice if single else "", calibrated))
    return records, without_text, broken


def voices_frame(documents: pd.DataFrame, *, text: str = "text", doc_id: str = "doc_id", aliases=None,
                 progress: bool = False, single_voice="single_voice") -> pd.DataFrame:
    """Split every document of a documents frame into voice segments.

    Uncredited narration and headlines count for the document's ``source`` (falling back to
    ``outlet``, then ``narrator``): a Politico article's narration counts for Politico, a tweet
    for Trump, a KCNA article for KCNA. Quotes and reported speech keep their own speakers and
    sources, except in single-voice documents.

    Parameters
    ----------
    documents : DataFrame
        A documents frame (``doc_id`` and the ``text`` column are required; ``source`` and
        ``outlet`` are used when present).
    text : str
        Name of the text column.
    doc_id : str
        Name of the column of document ids (unique: duplicates raise, naming them); the
        segments' ``doc_id`` column holds its values.
    aliases : optional
        Extra aliases, as for :func:`voices`.
    progress : bool
        Show a tqdm progress bar.
    single_voice : bool or str
        Single-voice documents (tweets, KCNA articles, headlines) relay everything through their
        own channel: every segment's ``source`` becomes the document's source, while ``speaker``
        still says who is quoted. A string names a boolean column that says which documents are
        single-voice; the default ``"single_voice"`` is the column the tweet, KCNA and headline
        readers set, and documents without that column are multi-voice articles; a missing
        value (NaN, as ``pd.concat`` of tweets and articles leaves) means multi-voice. ``True``
        or ``False`` treats all documents alike.

    Returns
    -------
    DataFrame
        The segments of all documents (columns ``SEGMENT_COLUMNS``), in document order. A
        document with no visible text has no segments; a warning names such documents.

    Examples
    --------
    >>> import framing
    >>> docs = framing.make_documents([{"text": "Talks resumed.", "source": "Reuters"}])
    >>> framing.voices_frame(docs)[["doc_id", "kind", "source"]].values.tolist()
    [['0', 'narration', 'Reuters']]
    """
    if (routed := route(voices_frame, locals())) is not NotImplemented:  # Dask frame or cache: framing._dispatch
        return routed
    require_columns(documents, [doc_id, text], what="documents")
    ids = documents[doc_id]
    if ids.duplicated().any():
        dup = list(dict.fromkeys(ids[ids.duplicated()].tolist()))
        raise FramingError(
            f"{len(dup)} doc_id value(s) occur more than once: {dup[:10]}{' ...' if len(dup) > 10 else ''}; "
            "their segments would merge. Make the ids unique (e.g. framing.make_documents) or pass doc_id= "
            "naming a unique column.")
    if isinstance(single_voice, str) and single_voice not in documents.columns:
        if single_voice != "single_voice":  # a column the caller named must exist
            require_columns(documents, [single_voice], what="documents")
        single_voice = False
    table = _table(aliases)
    n = len(documents)
    sources = documents["source"] if "source" in documents.columns else pd.Series([""] * n, index=documents.index)
    outlets = documents["outlet"] if "outlet" in documents.columns else pd.Series([""] * n, index=documents.index)
    flags = (documents[single_voice] if isinstance(single_voice, str)
             else pd.Series([bool(single_voice)] * n, index=documents.index))
    iterator = zip(ids, documents[text], sources, outlets, flags)
    if progress:
        from tqdm.auto import tqdm
        iterator = tqdm(iterator, total=n, desc="voices")
    with collector_paused():   # (the engine leaves no reference cycles: nothing for it to collect)
        records, without_text, broken = _all_records(iterator, table)
    if broken:
        _warn_surrogates(broken)
    if without_text:
        warnings.warn(
            f"{len(without_text)} document(s) have no text and give no segments: "
            f"{without_text[:10]}{' ...' if len(without_text) > 10 else ''}. "
            "Check the text column, or drop them before splitting.", UserWarning, stacklevel=2)
    return _frame(records)
