"""Where quoted words came from: link quotes in articles to the tweets and dispatches they quote.

Rules of :func:`link_quotes` (``link_route`` says which route a segment took):

* ``voice``: a ``direct`` or ``indirect`` segment whose ``source`` or ``speaker`` is a source of
  ``originals`` (``"Trump"`` -> the Trump archive, ``"KCNA"`` -> the KCNA dispatches; pass
  ``sources`` to map other names). A direct segment is looked up with all its words (quote
  marks drop out), an indirect one with the words inside its quotation marks only. Searched:
  that source's originals from ``window_days`` before the article's day to ``slack_days``
  after it (a tweet at 23:00 in Washington is dated the next day in UTC), plus, for a quote
  of at least ``text_min_words`` words, the ones found by the word-run index (below): a short
  quote ("the agenda of the American people") is not enough to pick one old tweet out of
  thousands. Undated articles use the index only.
* ``embed``: a segment that ends with an embedded post's signature
  (``— Donald J. Trump (@realDonaldTrump) June 12, 2018``, any handle in ``handles``): its words
  before the signature, among that source's originals of the signature's day (+- ``slack_days``).
* ``text``: any other ``direct``, ``indirect`` or ``narration`` segment with at least
  ``text_min_words`` words (voices the engine missed: "U.S. president", an unresolved "he",
  an embed split over paragraphs): searched among the originals found by the word-run index
  only, i.e. originals sharing a run of ``shingle`` words with the segment.
* **Word-run index.** Every original of at most ``index_max_words`` words (tweets, not
  dispatches) is indexed by its runs of ``shingle`` words; runs shared by more than 40
  originals are dropped as uninformative. Only originals dated up to ``slack_days`` after
  the article are candidates.
* **Score.** Words are compared case-folded, punctuation, URLs and quote marks dropped
  (the words of ``framing.text.word_spans`` joined by spaces). Originals holding fewer than
  half of the looked-up words are skipped unscored (a quote shares most words with its
  source). ``link_score`` is rapidfuzz's ``partial_ratio`` (0..100: the best alignment of the
  shorter text inside the longer). The best original wins; among equal scores the one dated
  closest to the article (to an embed's own date), the earlier on equal distance. A link needs
  ``link_score >= threshold`` and at least ``min_words`` looked-up words.

:func:`verbatim_quotes` is the exact counterpart used to measure recall: every original whose
full word sequence (at least ``min_words`` words, case kept) appears in an article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

import numpy as np
import pandas as pd

from ._checks import require_columns
from .errors import FramingError
from .text import _WORD

__all__ = ["link_quotes", "verbatim_quotes"]

_URL = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_SIGNATURE = re.compile(
    r"\s*[—–-]+\s*[^()\n]{0,60}\(@(?P<handle>\w+)\)\s+(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$")
_HANDLES = {"realDonaldTrump": "Trump"}
_KINDS = ("direct", "indirect")
_TEXT_KINDS = ("direct", "indirect", "narration")
_MAX_POSTINGS = 40  # a word run shared by more originals says nothing about which one is quoted
_CHARS_PER_WORD = 12  # a text of at most 12 characters per word allowed may be short enough to index
_MIN_OVERLAP = 0.5  # share of the looked-up words an original must hold to be scored


def _words(text: str, *, fold: bool = True) -> list[str]:
    text = _URL.sub(" ", text.replace("’", "'"))
    return _WORD.findall(text.casefold() if fold else text)  # the words of framing.text.word_spans


def link_quotes(segments: pd.DataFrame, originals: pd.DataFrame, *, documents: pd.DataFrame,
                sources=None, handles=None, window_days: int = 7, slack_days: int = 1,
                threshold: float = 90, min_words: int = 5, text_min_words: int | None = 10,
                shingle: int = 4, index_max_words: int = 100) -> pd.DataFrame:
    """Link quoted words to the original posts or dispatches they quote (see module rules).

    Parameters
    ----------
    segments : DataFrame
        Output of :func:`framing.voices_frame` for articles (``doc_id, kind, speaker, source,
        text``).
    originals : DataFrame
        Documents that may be quoted (``doc_id, source, date, text``), e.g. the Trump archive
        and KCNA dispatches concatenated. Originals without a date cannot be placed in a
        window and are never linked.
    documents : DataFrame
        The articles (``doc_id, date``): the day each quote was published.
    sources : dict, optional
        Segment voice -> originals source, e.g. ``{"Trump": "Trump", "Kim Jong Un": "KCNA"}``.
        Default: every source of ``originals`` maps to itself.
    handles : dict, optional
        Twitter handle -> originals source for embedded posts; default ``{"realDonaldTrump":
        "Trump"}``.
    window_days, slack_days : int
        The window of originals searched for a voice: ``window_days`` before the article's
        day to ``slack_days`` after it.
    threshold : float
        Lowest ``partial_ratio`` (0..100) that makes a link.
    min_words : int
        Shortest quote looked up on the ``voice`` and ``embed`` routes.
    text_min_words : int or None
        Shortest segment looked up on the ``text`` route; None turns that route off.
    shingle, index_max_words : int
        Word-run length of the index, and the longest original it holds.

    Returns
    -------
    DataFrame
        A copy of ``segments`` with ``linked_doc_id`` (the original's ``doc_id``, "" when
        none), ``link_score`` (best score, also below the threshold; NaN when nothing was
        scored), ``link_route`` ("voice", "embed", "text", or "" when not looked up) and
        ``link_candidates`` (originals scored).

    Examples
    --------
    >>> import framing
    >>> tweets = framing.make_documents([
    ...     {"doc_id": "t1", "source": "Trump", "date": "2018-06-11", "text": "Great meeting ahead, big progress on peace!"},
    ...     {"doc_id": "t2", "source": "Trump", "date": "2018-06-12", "text": "Fake news, as usual."}])
    >>> docs = framing.make_documents([{"doc_id": "a", "source": "Wire", "date": "2018-06-12",
    ...     "text": 'Trump wrote: "Great meeting ahead, big progress on peace!" Talks began.'}])
    >>> linked = framing.link_quotes(framing.voices_frame(docs), tweets, documents=docs)
    >>> linked.loc[linked.linked_doc_id != "", ["kind", "linked_doc_id", "link_score", "link_route"]].values.tolist()
    [['direct', 't1', 100.0, 'voice']]
    """
    from rapidfuzz import fuzz

    require_columns(segments, ["doc_id", "kind", "speaker", "source", "text"], what="segments")
    require_columns(originals, ["doc_id", "source", "date", "text"], what="originals")
    require_columns(documents, ["doc_id", "date"], what="documents")
    if not 0 < threshold <= 100:
        raise FramingError(f"threshold is a partial_ratio between 0 and 100, got {threshold!r}.")
    sources = {s: s for s in originals["source"].unique()} if sources is None else dict(sources)
    handles = dict(_HANDLES if handles is None else handles)
    article_day = dict(zip(documents["doc_id"], _day_numbers(documents["date"])))
    if missing := sorted(set(segments["doc_id"]) - set(article_day))[:5]:
        raise FramingError(f"segments of documents {missing} are not in documents; pass the articles they came from.")
    days = [d for d in article_day.values() if d is not None]
    earliest = min(days) - window_days - slack_days if days else None
    index = {name: _Index(group, shingle, index_max_words, earliest)
             for name, group in originals.groupby("source", sort=False)}
    results = []
    columns = (segments[c].tolist() for c in ("doc_id", "kind", "speaker", "source", "text"))
    for doc_id, kind, speaker, source, text in zip(*columns):
        day = article_day[doc_id]
        route, target, query, own_day = _query(text, kind, speaker, source, sources, handles, text_min_words)
        targets = [target] if target in index else list(index) if route == "text" else []
        if not targets or len(query) < (text_min_words if route == "text" else min_words):
            results.append(("", np.nan, "", 0))
            continue
        best = ("", -1.0, None, 0)  # id, score, position, candidates
        for name in targets:
            where = index[name]
            if route == "embed" and own_day is not None:
                candidates = where.between(own_day - slack_days, own_day + slack_days)
            else:
                # an original outside the window needs a quote as long as the text route asks for
                indexed = text_min_words is None or len(query) >= text_min_words
                candidates = where.candidates(query, day, window_days if route == "voice" else None, slack_days,
                                              indexed=indexed)
            candidates = where.overlapping(candidates, query)
            reference = own_day if route == "embed" and own_day is not None else day
            joined = " ".join(query)
            for i in candidates:
                score = fuzz.partial_ratio(joined, where.texts[i])
                if score > best[1] or (score == best[1] and where.later(i, best[2], reference)):
                    best = (where.ids[i], score, (where, i), best[3])
            best = best[:3] + (best[3] + len(candidates),)
        linked = best[0] if best[1] >= threshold else ""
        results.append((linked, best[1] if best[1] >= 0 else np.nan, route, best[3]))
    out = segments.copy()
    out["linked_doc_id"] = [r[0] for r in results]
    out["link_score"] = np.asarray([r[1] for r in results], dtype=float)
    out["link_route"] = [r[2] for r in results]
    out["link_candidates"] = np.asarray([r[3] for r in results], dtype="int64")
    return out


def _query(text, kind, speaker, source, sources, handles, text_min_words):
    """Route, originals source, words to look up, and an embed's own day (else None)."""
    text = text if isinstance(text, str) else ""
    signature = _SIGNATURE.search(text)
    if signature and signature.group("handle") in handles:
        day = _day_numbers([signature.group("date").replace(".", "")])[0]
        return "embed", handles[signature.group("handle")], _words(text[: signature.start()]), day
    target = sources.get(source) or sources.get(speaker)
    if target is not None and kind in _KINDS:
        if kind == "indirect":
            return "voice", target, _words(" ".join(m.group(1) for m in _QUOTED.finditer(text))), None
        return "voice", target, _words(text), None
    if text_min_words is not None and kind in _TEXT_KINDS:
        return "text", None, _words(text), None
    return "", None, [], None


def _day_numbers(dates) -> list:
    """Days since 1970-01-01 (UTC) as ints, None where there is no date."""
    stamps = pd.to_datetime(pd.Series(list(dates), dtype=object), utc=True, errors="coerce", format="mixed")
    numbers = (stamps - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(days=1)
    return [None if missing else int(n) for n, missing in zip(numbers.fillna(0), stamps.isna())]


class _Index:
    """One source's originals: texts as folded words, sorted by day, with a word-run index."""

    def __init__(self, group: pd.DataFrame, shingle: int, max_words: int, earliest):
        group = group.assign(_day=_day_numbers(group["date"]))
        group = group[group["_day"].notna()].sort_values(["_day", "doc_id"], kind="stable")
        texts = group["text"].fillna("").tolist()
        words = [_words(t) if earliest is None or day >= earliest or len(t) <= _CHARS_PER_WORD * max_words else None
                 for t, day in zip(texts, group["_day"])]
        # long originals (dispatches) are searched in a window only: drop those before every window
        keep = [w is not None and (len(w) <= max_words or earliest is None or day >= earliest)
                for w, day in zip(words, group["_day"])]
        group, words = group[keep], [w for w, k in zip(words, keep) if k]
        self.ids = group["doc_id"].tolist()
        self.days = [int(d) for d in group["_day"]]
        self.texts = [" ".join(w) for w in words]
        self.vocab = [frozenset(w) for w in words]
        self.shingle = shingle
        postings = defaultdict(set)
        for i, w in enumerate(words):
            if len(w) <= max_words:
                for k in range(len(w) - shingle + 1):
                    postings[tuple(w[k:k + shingle])].add(i)
        self.postings = {key: ids for key, ids in postings.items() if len(ids) <= _MAX_POSTINGS}

    def between(self, lo, hi) -> list[int]:
        return list(range(bisect_left(self.days, lo), bisect_right(self.days, hi)))

    def candidates(self, query: list[str], day, window_days: int | None, slack_days: int, *,
                   indexed: bool = True) -> list[int]:
        found: set[int] = set()
        postings = self.postings if indexed else {}
        for run in zip(*(query[k:] for k in range(self.shingle))):
            hit = postings.get(run)
            if hit:
                found |= hit
        if day is None:
            return sorted(found)
        limit = day + slack_days
        window = self.between(day - window_days, limit) if window_days is not None else []
        return sorted(set(window) | {i for i in found if self.days[i] <= limit})

    def overlapping(self, candidates: list[int], query: list[str]) -> list[int]:
        words = set(query)
        need = _MIN_OVERLAP * len(words)
        return [i for i in candidates if len(words & self.vocab[i]) >= need]

    def later(self, i: int, other, day) -> bool:
        """Whether original ``i`` beats an equally scored one: the closer to ``day`` (the one
        before it on equal distance), else the later one."""
        if other is None or other[0] is not self:
            return False
        return self._rank(i, day) < self._rank(other[1], day)

    def _rank(self, i: int, day) -> tuple:
        if day is None:
            return (0, False, -i)
        return (abs(self.days[i] - day), self.days[i] > day, -i)


def verbatim_quotes(documents: pd.DataFrame, originals: pd.DataFrame, *, min_words: int = 8,
                    slack_days: int = 1) -> pd.DataFrame:
    """Find originals quoted in full, word for word, in documents (exact search).

    An original counts when its whole word sequence (``framing.text`` words, case kept, URLs
    dropped; at least ``min_words`` words) appears in the document's words, and it is dated no
    later than ``slack_days`` after the document (any date for undated documents). Retweets
    (texts starting "RT @") are left out: their words are someone else's.

    Parameters
    ----------
    documents : DataFrame
        Articles (``doc_id, date, text``).
    originals : DataFrame
        Posts or dispatches (``doc_id, source, date, text``); undated ones are skipped.
    min_words : int
        Shortest original searched: short posts ("Thank you!") occur by chance.
    slack_days : int
        Days an original may postdate the article (time zones: UTC vs the article's day).

    Returns
    -------
    DataFrame
        One row per (document, original) found: ``doc_id``, ``linked_doc_id``, ``source``
        (the original's), ``lag_days`` (article day minus original day; NaN when undated).

    Examples
    --------
    >>> import framing
    >>> tweets = framing.make_documents([{"doc_id": "t1", "source": "Trump", "date": "2018-06-11",
    ...     "text": "Great meeting ahead, big progress on peace! https://t.co/x"}])
    >>> docs = framing.make_documents([{"doc_id": "a", "date": "2018-06-13",
    ...     "text": "He wrote: “Great meeting ahead, big progress on peace!” Talks began."}])
    >>> framing.verbatim_quotes(docs, tweets, min_words=5).values.tolist()
    [['a', 't1', 'Trump', 2.0]]
    """
    require_columns(documents, ["doc_id", "date", "text"], what="documents")
    require_columns(originals, ["doc_id", "source", "date", "text"], what="originals")
    if min_words < 2:
        raise FramingError(f"min_words must be at least 2, got {min_words!r}.")
    keep = ~originals["text"].fillna("").str.startswith("RT @")
    originals = originals[keep]
    words = [_words(t, fold=False) for t in originals["text"].fillna("")]
    original_days = _day_numbers(originals["date"])
    heads = defaultdict(list)
    for i, w in enumerate(words):
        if len(w) >= min_words:
            heads[tuple(w[:2])].append(i)
    rows = []
    doc_days = _day_numbers(documents["date"])
    ids, sources = originals["doc_id"].tolist(), originals["source"].tolist()
    for doc_id, day, text in zip(documents["doc_id"], doc_days, documents["text"].fillna("")):
        article = _words(text, fold=False)
        found = set()
        for k in range(len(article) - 1):
            for i in heads.get((article[k], article[k + 1]), ()):
                if i not in found and article[k:k + len(words[i])] == words[i]:
                    found.add(i)
        for i in sorted(found):
            if original_days[i] is None:
                continue
            lag = np.nan if day is None else day - original_days[i]
            if day is None or lag >= -slack_days:
                rows.append({"doc_id": doc_id, "linked_doc_id": ids[i], "source": sources[i],
                             "lag_days": float(lag)})
    return pd.DataFrame(rows, columns=["doc_id", "linked_doc_id", "source", "lag_days"])
