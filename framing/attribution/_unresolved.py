"""Speakers that no alias resolved: the list a researcher reads to extend the alias table."""

from __future__ import annotations

import pandas as pd

from .._checks import require_columns
from ._speakers import AliasTable, default_alias_table

__all__ = ["unresolved_speakers"]


def unresolved_speakers(segments: pd.DataFrame, *, aliases=None, examples: int = 3) -> pd.DataFrame:
    """Speaker names of segments that no alias entry resolved, most frequent first.

    A speaker is resolved when it is a canonical name of the alias table (the shipped
    ``framing/data/aliases.csv`` plus ``aliases``); a joint speaker ("Kim Jong Un & Moon
    Jae-in") when each of its members is. The rest are names taken from the text as written
    ("Foreign Minister Sergei Lavrov"), generic voices ("official", "analysts") and pronouns
    nothing resolved: add the ones worth naming to an alias table and pass it as
    ``aliases=`` to :func:`framing.voices`.

    Parameters
    ----------
    segments : DataFrame
        Output of :func:`framing.voices` or :func:`framing.voices_frame` (``doc_id``,
        ``speaker``).
    aliases : None, dict, DataFrame or path, optional
        Extra alias entries, as for :func:`framing.voices`.
    examples : int
        How many example ``doc_id`` values to list per speaker.

    Returns
    -------
    DataFrame
        One row per unresolved speaker: ``speaker``, ``segments`` (how many segments it
        speaks), ``documents`` (in how many documents), ``doc_ids`` (up to ``examples`` of
        them, in order of appearance, joined by ", "). Sorted by ``segments`` (descending),
        then ``documents`` (descending) and ``speaker``.

    Examples
    --------
    >>> import framing
    >>> segs = framing.voices('"We will see," Trump said. "Not yet," said analyst Ann Lee.', doc_id="d1")
    >>> framing.unresolved_speakers(segs)[["speaker", "segments", "doc_ids"]].values.tolist()
    [['Ann Lee', 1, 'd1']]
    """
    require_columns(segments, ["doc_id", "speaker"], what="segments")
    table = default_alias_table() if aliases is None else AliasTable(aliases)
    known = {voice.canonical.casefold() for voice in table.entries.values()}
    speakers = segments["speaker"].fillna("").astype(str)
    unresolved = [not all(part.strip().casefold() in known for part in name.split(" & "))
                  for name in speakers]
    rows = segments.loc[(speakers != "") & pd.Series(unresolved, index=segments.index), ["doc_id", "speaker"]]
    columns = ["speaker", "segments", "documents", "doc_ids"]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("segments", "documents") else object)
                             for c in columns})
    grouped = rows.groupby("speaker", sort=False)["doc_id"]
    table_out = pd.DataFrame({
        "segments": grouped.size(),
        "documents": grouped.nunique(),
        "doc_ids": grouped.agg(lambda ids: ", ".join(map(str, pd.unique(ids)[:examples]))),
    }).reset_index()
    table_out = table_out.sort_values(["segments", "documents", "speaker"], ascending=[False, False, True],
                                      kind="stable").reset_index(drop=True)
    return table_out[columns]
