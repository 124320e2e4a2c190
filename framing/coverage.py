"""Who speaks in coverage: voice groups per segment and their share of each article's words.

Rules:

* A segment's group comes from its ``source`` (the voice it counts for) through an editable
  table of regular expressions, ``framing/data/voice_groups.csv`` (first match wins; see
  ``voice_groups.md`` beside it). Narration and headlines whose source is the article's own
  outlet (the documents' ``source``) or ``narrator`` are ``narration``; boilerplate is
  ``boilerplate`` and is left out of every share; a voice no row matches is ``others``.
* A share is words of the group / words of the article (``framing.text.word_spans``), per
  article; :func:`voice_shares` averages the articles of each group of ``by`` (every article
  weighs the same) with the interval of :func:`framing.compare.compare_sources` (one row per
  article, so articles are the clusters).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from ._checks import require_columns
from ._data import data_table
from .compare import compare_sources
from .errors import FramingError
from .text import word_spans

__all__ = ["VOICE_GROUPS", "load_voice_groups", "voice_groups", "voice_shares"]

#: the groups of the shipped table, in reporting order (``narration`` and ``others`` by rule)
VOICE_GROUPS = ("narration", "Trump", "North Korea", "US officials", "South Korea", "others")
_NARRATION_KINDS = ("narration", "headline")
_TABLE_COLUMNS = ("pattern", "group")


def load_voice_groups(groups=None) -> pd.DataFrame:
    """Return the voice-group table (``pattern, group, example``), checked.

    Parameters
    ----------
    groups : DataFrame or path, optional
        Your own table with columns ``pattern`` and ``group``. Default: the shipped
        ``framing/data/voice_groups.csv``.

    Examples
    --------
    >>> from framing import load_voice_groups
    >>> table = load_voice_groups()
    >>> sorted(set(table["group"]))
    ['North Korea', 'South Korea', 'Trump', 'US officials', 'others']
    """
    table = data_table("voice_groups.csv", groups)
    require_columns(table, _TABLE_COLUMNS, what="voice-group table")
    for pattern in table["pattern"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise FramingError(f"voice-group pattern {pattern!r} is not a regular expression ({exc}); fix it.") from None
    return table.reset_index(drop=True)


def voice_groups(segments: pd.DataFrame, documents: pd.DataFrame, *, groups=None) -> pd.DataFrame:
    """Add ``voice_group`` and ``words`` to segments (see the module rules).

    Parameters
    ----------
    segments : DataFrame
        Output of :func:`framing.voices_frame` (``doc_id, kind, source, text``).
    documents : DataFrame
        The documents the segments came from (``doc_id, source``): says whose narration is
        the article's own.
    groups : DataFrame or path, optional
        The voice-group table (see :func:`load_voice_groups`).

    Returns
    -------
    DataFrame
        A copy of ``segments`` with ``voice_group`` and ``words`` (word count).

    Examples
    --------
    >>> import framing
    >>> docs = framing.make_documents([{"doc_id": "a", "source": "Wire",
    ...     "text": 'Talks resumed. "We are ready," Kim Jong Un said.'}])
    >>> segs = framing.voice_groups(framing.voices_frame(docs), docs)
    >>> segs[["source", "voice_group", "words"]].values.tolist()
    [['Wire', 'narration', 2], ['KCNA', 'North Korea', 3], ['Wire', 'narration', 4]]
    """
    require_columns(segments, ["doc_id", "kind", "source", "text"], what="segments")
    require_columns(documents, ["doc_id", "source"], what="documents")
    own = segments["doc_id"].map(dict(zip(documents["doc_id"], documents["source"])))
    if own.isna().any():
        missing = sorted(set(segments.loc[own.isna(), "doc_id"]))[:5]
        raise FramingError(f"segments of documents {missing} are not in documents; pass the documents they came from.")
    match = _matcher(tuple(map(tuple, load_voice_groups(groups)[list(_TABLE_COLUMNS)].to_numpy())))
    kind, source = segments["kind"].to_numpy(), segments["source"].fillna("").to_numpy()
    group = [
        "boilerplate" if k == "boilerplate"
        else "narration" if k in _NARRATION_KINDS and (s == o or s in ("narrator", ""))
        else match(s)
        for k, s, o in zip(kind, source, own)
    ]
    out = segments.copy()
    out["voice_group"] = group
    out["words"] = segments["text"].fillna("").map(lambda t: len(word_spans(t))).astype("int64")
    return out


def voice_shares(segments: pd.DataFrame, documents: pd.DataFrame, *, by="outlet", groups=None,
                 confidence=0.95, n_resamples=2000, method="bootstrap", random_state=0) -> pd.DataFrame:
    """Share of each article's words per voice group, averaged per ``by`` with intervals.

    Parameters
    ----------
    segments, documents, groups
        As in :func:`voice_groups` (segments may already carry ``voice_group``).
    by : str
        Documents column to group articles by ("outlet", "bias", "genre", ...).
    confidence, n_resamples, method, random_state
        As in :func:`framing.compare.compare_sources`.

    Returns
    -------
    DataFrame
        One row per (``by``, ``voice_group``): the columns of ``compare_sources`` with the
        share in ``mean`` (0..1), ``n`` articles. Groups are in ``VOICE_GROUPS`` order, then
        any group of a user table. Articles without words are counted in ``n_missing``.

    Examples
    --------
    >>> import framing
    >>> docs = framing.make_documents([
    ...     {"doc_id": "a", "source": "Wire", "outlet": "Wire", "text": 'Talks resumed. "We are ready," Kim Jong Un said.'},
    ...     {"doc_id": "b", "source": "Wire", "outlet": "Wire", "text": "Talks resumed today in Seoul."}])
    >>> table = framing.voice_shares(framing.voices_frame(docs), docs, n_resamples=200)
    >>> round(float(table.set_index("voice_group").loc["North Korea", "mean"]), 3)  # (3/9 + 0/5) / 2
    0.167
    """
    require_columns(documents, ["doc_id", by], what="documents")
    if "voice_group" not in segments.columns or "words" not in segments.columns:
        segments = voice_groups(segments, documents, groups=groups)
    counted = segments[segments["voice_group"] != "boilerplate"]
    words = counted.pivot_table(index="doc_id", columns="voice_group", values="words", aggfunc="sum", fill_value=0)
    names = list(VOICE_GROUPS)
    names += [g for g in words.columns if g not in VOICE_GROUPS]
    words = words.reindex(index=documents["doc_id"], columns=names, fill_value=0)
    totals = words.sum(axis=1).to_numpy(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = words.to_numpy(float) / totals[:, None]
    per_article = pd.DataFrame(shares, columns=names)
    per_article["doc_id"] = documents["doc_id"].to_numpy()
    per_article[by] = documents[by].to_numpy()
    table = compare_sources(per_article, measures=names, by=by, cluster="doc_id", confidence=confidence,
                            n_resamples=n_resamples, method=method, random_state=random_state)
    table = table.rename(columns={"measure": "voice_group"})
    table["voice_group"] = pd.Categorical(table["voice_group"], categories=names, ordered=True)
    return table.sort_values([by, "voice_group"], kind="stable").reset_index(drop=True).assign(
        voice_group=lambda t: t["voice_group"].astype(str))


@lru_cache(maxsize=8)
def _matcher(rows: tuple[tuple[str, str], ...]):
    compiled = [(re.compile(pattern), group) for pattern, group in rows]

    @lru_cache(maxsize=None)
    def match(source: str) -> str:
        for pattern, group in compiled:
            if pattern.search(source):
                return group
        return "others"

    return match
