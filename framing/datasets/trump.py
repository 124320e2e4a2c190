"""Trump Twitter Archive "condensed" JSON: reader and a documented North Korea topic filter."""

from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._checks import require_columns
from .._config import corpus_path
from .._data import data_file
from ..documents import make_documents
from ..errors import CorpusFormatError
from ..io._files import each_readable, find_files, partition_records, warn_broken
from ..io._json import read_json
from ..text import decode_entities

logger = logging.getLogger(__name__)

_REQUIRED = ("id_str", "text", "created_at")
_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"
_COUNTS = ("retweet_count", "favorite_count")


def load_trump_tweets(path=None, *, include_retweets: bool = True) -> pd.DataFrame:
    """Load Trump Twitter Archive condensed JSON files (any number of files or mirrors).

    Parameters
    ----------
    path : path or list of paths, optional
        JSON files and/or folders (searched recursively for ``*.json``). Default: the
        ``trump_tweets`` corpus folder (both mirrors).
    include_retweets : bool
        Keep retweets (``is_retweet`` True). With False they are left out on purpose.

    Returns
    -------
    DataFrame
        Documents frame sorted by date, one row per tweet id: ``doc_id`` = ``"trump:" +
        id_str``, ``source`` "Trump", ``outlet`` "Twitter", ``date`` the UTC ``created_at``,
        ``title`` "", ``text`` with HTML entities decoded (``&amp;`` -> ``&``). Extra columns:
        ``single_voice`` (True, see :func:`framing.voices_frame`), ``id_str``, ``is_retweet`` (the archive's flag, or a text starting "RT @" when the flag
        is missing or false), ``retweet_count``, ``favorite_count`` (nullable integers),
        ``client`` (the archive's ``source`` field, e.g. "Twitter for iPhone"),
        ``in_reply_to_user_id_str``.

    Notes
    -----
    Mirrors overlap: a tweet seen in several files is kept once. Its fields come from the
    first file (sorted by path) that has them, filling keys missing there from later files;
    the counts are the largest seen, since a later snapshot has counted longer. Records that
    are not objects or lack ``id_str``/``text``/``created_at`` (or whose ``created_at`` does
    not parse) are skipped with a ``BrokenRecordWarning`` naming file and index. Counts given
    as digit strings ("12") are read as numbers; other unusable counts become <NA>, named in a
    warning. A file that cannot be read (empty, truncated) is skipped and named; the other
    files load (with a single file, its error is raised).

    Examples
    --------
    >>> from framing.datasets import load_trump_tweets
    >>> tweets = load_trump_tweets()  # doctest: +SKIP
    >>> len(tweets), int(tweets.is_retweet.sum())  # doctest: +SKIP
    (12408, 2898)
    """
    files = find_files(corpus_path("trump_tweets", path) if path is None else path, patterns=("*.json",))
    merged: dict[str, dict] = {}
    for file, data in each_readable(files, _read_file, where=_where(files)):
        good, problems = partition_records(data, _problem)
        for _, record in good:
            key = str(record["id_str"])
            seen = merged.get(key)
            if seen is None:
                merged[key] = dict(record)
                continue
            for field, value in record.items():
                if seen.get(field) is None:
                    seen[field] = value
            for field in _COUNTS:
                count = _count(record.get(field))
                if count is not None and count >= 0:
                    before = _count(seen.get(field))
                    seen[field] = count if before is None or before < count else before
        warn_broken(file, problems)
    logger.info("read %d unique tweets from %d files", len(merged), len(files))
    frame = _to_frame(list(merged.values()))
    uncounted = [(tweet, f"{field} {value!r} is not a count") for tweet, field, value in frame.attrs.pop("uncounted")]
    warn_broken(_where(files), uncounted, unit="tweet id", action="kept with the count <NA>")
    undated = frame["date"].isna()
    if undated.any():  # unparseable created_at: name the tweets, load the rest
        bad = frame[undated]
        warn_broken(_where(files),
                    [(i, f"created_at {t!r} is not a Twitter timestamp") for i, t in zip(bad["id_str"], bad["created_at"])],
                    unit="tweet id")
        frame = frame[~undated]
    if not include_retweets:
        frame = frame[~frame["is_retweet"]]
    frame = frame.drop(columns="created_at").sort_values(["date", "doc_id"], kind="stable")
    return make_documents(frame)


def _read_file(file) -> list:
    data = read_json(file)
    if not isinstance(data, list):
        raise CorpusFormatError(
            f"{file} holds a JSON {type(data).__name__}; expected the archive's list of tweet objects."
        )
    return data


def _where(files) -> str:
    return str(files[0]) if len(files) == 1 else str(Path(os.path.commonpath([f.parent for f in files])))


def _count(value) -> int | None:
    """A retweet/favourite count: an int, or digits in a string ("12"); None when absent, -1 when unusable."""
    if type(value) is int:  # the usual case first (bool is not a count)
        return value if value >= 0 else -1
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    return -1


def _flag(value) -> bool:
    if isinstance(value, str):  # "false" is a true string
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def _problem(record) -> str:
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}, not a tweet object"
    missing = [field for field in _REQUIRED if not isinstance(record.get(field), (str, int)) or record.get(field) == ""]
    if missing:
        return f"missing {missing}"
    return ""


def _to_frame(records: list[dict]) -> pd.DataFrame:
    columns = {
        "id_str": [str(r["id_str"]) for r in records],
        "created_at": [r["created_at"] for r in records],
        "text": [decode_entities(str(r["text"])) for r in records],
    }
    frame = pd.DataFrame(columns)
    frame["doc_id"] = "trump:" + frame["id_str"]
    frame["source"] = "Trump"
    frame["outlet"] = "Twitter"
    frame["single_voice"] = True  # a quote in a tweet is still Trump's voice (see voices_frame)
    frame["date"] = pd.to_datetime(frame["created_at"], format=_TWITTER_TIME, utc=True, errors="coerce")
    frame["title"] = ""
    flag = pd.Series([_flag(r.get("is_retweet")) for r in records], index=frame.index)
    frame["is_retweet"] = flag | frame["text"].str.startswith("RT @")
    uncounted = []
    for field in _COUNTS:
        counts = [_count(r.get(field)) for r in records]
        uncounted += [(str(r["id_str"]), field, r.get(field)) for r, c in zip(records, counts) if c == -1]
        frame[field] = pd.array([None if c is None or c < 0 else c for c in counts], dtype="Int64")
    frame.attrs["uncounted"] = uncounted
    frame["client"] = [r.get("source") or "" for r in records]
    frame["in_reply_to_user_id_str"] = [r.get("in_reply_to_user_id_str") or "" for r in records]
    return frame


# ---------------------------------------------------------------------------- topic filter


@lru_cache(maxsize=1)
def _keyword_pattern() -> re.Pattern:
    patterns = north_korea_keywords()["pattern"].tolist()
    # one alternation tried only at word starts: ~5x faster than trying every position
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)


def north_korea_keywords() -> pd.DataFrame:
    """Return the keyword table behind :func:`north_korea_filter` (pattern, example, why).

    Examples
    --------
    >>> from framing.datasets import north_korea_keywords
    >>> "pattern" in north_korea_keywords().columns
    True
    """
    with data_file("north_korea_keywords.csv").open(encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype=str, comment="#", keep_default_na=False)


def north_korea_filter(documents: pd.DataFrame, *, text: str = "text") -> pd.Series:
    """Flag documents that are about North Korea, by keyword.

    The keywords are case-insensitive regular expressions in the data file
    ``framing/data/north_korea_keywords.csv`` (see ``north_korea_keywords.md`` beside it for
    the choices): the country's names (North Korea, N. Korea, NoKo, DPRK, Pyongyang), Kim Jong
    Un with the spellings and titles Trump used (Kim Jung Un, Chairman Kim, "Rocket Man"),
    denuclearization, Otto Warmbier, the Korean Peninsula, North & South Korea, the Korean War
    and the DMZ. Bare "Kim", "Korea", "nuclear", "Singapore" and "Hanoi" are left out: in the
    tweets they mostly mean other people (Kim Reynolds, Kim Strassel), South Korea trade, Iran,
    or other visits.

    Parameters
    ----------
    documents : DataFrame
        Any frame with a text column.
    text : str
        Name of the text column.

    Returns
    -------
    Series of bool
        Same index as ``documents``; True where any keyword matches.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.datasets import north_korea_filter
    >>> docs = pd.DataFrame({"text": ["Met Chairman Kim today.", "Great jobs numbers!"]})
    >>> north_korea_filter(docs).tolist()
    [True, False]
    """
    require_columns(documents, [text], what="documents")
    pattern = _keyword_pattern()
    values = documents[text].fillna("").astype(str)
    return values.map(lambda value: pattern.search(value) is not None).astype(bool).rename("north_korea")
