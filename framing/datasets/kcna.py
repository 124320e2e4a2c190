"""KCNA daily JSON files (the ``codebykyle/kcna_scraper`` cache, kcna.co.jp)."""

from __future__ import annotations

import logging
import re
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

import pandas as pd

from .._config import corpus_path
from ..documents import make_documents
from ..errors import CorpusFormatError
from ..io._files import each_readable, find_files, partition_records, warn_broken
from ..io._json import read_json
from ..text import normalize_space
from ._language import guess_language

logger = logging.getLogger(__name__)

_MONTHS = {
    **{m: i for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1)},
    **{m: i for i, m in enumerate(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1)},
    "setiembre": 9,
}
# "Pyongyang, April 26 (KCNA) --", "Pyongyang April 4 (KCNA) --", "Tokyo, January 21 (KNS-KCNA) --",
# "Pyongyang, 26 de abril (ACNC) --", "Pyongyang, primero de enero (ACNC) --". The scrape turned
# some dashes into "?"; a few datelines lack the agency or lost their first letter ("yongyang").
# Searched for at the start of a line within the first lines only.
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATELINE_HEAD = (
    r"^(?P<place>[A-Za-z][^\n,()]{0,60}?),?[ \t]+"
    rf"(?:(?P<month>(?i:{_MONTH_NAMES}))\.?[ \t]+(?P<day>\d{{1,2}})"
    rf"|(?P<day_es>\d{{1,2}}|primero)[ \t]+de[ \t]+(?P<month_es>(?i:{_MONTH_NAMES})))"
)
_DATELINE = re.compile(
    _DATELINE_HEAD + r"[ \t]*\((?P<agency>[^()\n]{1,40})\)[ \t]*(?P<dash>--|-|\u2013|\u2014|\?)", re.MULTILINE
)
# without the agency, only with a double dash: "Noticias del partido 25 de Abril - ..." is a subtitle
_DATELINE_LOOSE = re.compile(_DATELINE_HEAD + r"(?P<agency>)[ \t]*(?P<dash>--)", re.MULTILINE)
_DATELINE_WINDOW = 600  # characters: headline + optional subtitle lines


def load_kcna(path=None, *, lang: str | None = None) -> pd.DataFrame:
    """Load KCNA daily JSON files into a documents frame, one row per unique article URL.

    Parameters
    ----------
    path : path or list of paths, optional
        Daily files (``YYYY-MM-DD_juche.json``) and/or folders holding them (searched
        recursively for ``*.json``). Default: the ``kcna`` corpus folder.
    lang : {"en", "es"}, optional
        Keep only articles whose text is in this language. Default: all.

    Returns
    -------
    DataFrame
        Documents frame sorted by date and URL:

        * ``doc_id`` - ``"kcna:"`` + the article page name (``20170101-11ee``);
        * ``source``, ``outlet`` - "KCNA";
        * ``date`` - from the dateline ("Pyongyang, April 26 (KCNA) --"), the year taken from
          the daily file (a "December 31" dateline in a January file belongs to the year
          before); the file's date when there is no dateline;
        * ``title`` - the headline as it stands on the first line of the article text (the
          index page's title is in ``index_title``: it differs for 134 of the 10,724 articles);
        * ``text`` - the article without the repeated headline line: optional subtitle lines,
          then the dateline and the body; whitespace tidied, one paragraph per original line,
          paragraphs separated by blank lines; a "?" standing for a lost dash after the
          dateline is written "--";
        * ``lang`` - "en" or "es" ("" if undecided), detected from the text (stop-word shares, see
          ``guess_language``): many Spanish items sit under English (``ee.html``) URLs;
        * ``dateline_place``, ``dateline_agency`` (e.g. "KCNA", "ACNC", "KNS-KCNA"),
          ``url``, ``index_title``, ``file_date``, ``duplicates`` (how many more times the URL
          appeared; those copies were dropped);
        * ``single_voice`` - True: every voice in a KCNA article was carried by KCNA (see
          :func:`framing.voices_frame`).

    Notes
    -----
    Null entries in a day's list are reported in one ``BrokenRecordWarning`` per file (they
    hold nothing to load). A daily file that cannot be read (empty, truncated, not a daily
    file) is skipped and named in a ``BrokenRecordWarning``; the other days load (with a
    single file, its error is raised). Empty days are logged. Among copies of one URL the reader keeps the
    one whose index title matches the headline in its text (the copies differ only in title).

    Examples
    --------
    >>> from framing.datasets import load_kcna
    >>> kcna = load_kcna(lang="en")  # doctest: +SKIP
    >>> kcna[["date", "dateline_place", "title"]].head()  # doctest: +SKIP
    """
    if lang not in (None, "en", "es"):
        raise ValueError(f"lang must be None, 'en' or 'es', got {lang!r}.")
    files = find_files(corpus_path("kcna", path) if path is None else path, patterns=("*.json",))
    by_url: dict[str, dict] = {}
    copies: dict[str, int] = {}
    empty_days = []
    for file, day in each_readable(files, _read_day, where=files[0].parent if len(files) > 1 else files[0]):
        file_date = _file_date(file, day)
        articles = day.get("articles") or []
        if not articles:
            empty_days.append(file.name)
        good, problems = partition_records(articles, _problem)
        for index, item in good:
            record = _parse(item, file_date)
            key = record["url"] or f"{file.name}#{index}"
            if key in by_url:
                copies[key] = copies.get(key, 0) + 1
                if not by_url[key]["_title_ok"] and record["_title_ok"]:
                    by_url[key] = record
            else:
                by_url[key] = record
        warn_broken(file, problems, unit="article")
    if empty_days:
        logger.info("KCNA: %d day(s) without articles: %s", len(empty_days), ", ".join(empty_days))
    if copies:
        logger.info("KCNA: dropped %d repeated copies of %d URLs", sum(copies.values()), len(copies))
    if not by_url:
        raise CorpusFormatError(f"no readable KCNA article in {len(files)} file(s): {files[0]} ...")
    frame = pd.DataFrame(list(by_url.values())).drop(columns="_title_ok")
    frame["duplicates"] = [copies.get(key, 0) for key in by_url]
    frame["doc_id"] = _doc_ids(list(by_url))
    frame["source"] = frame["outlet"] = "KCNA"
    frame["single_voice"] = True  # whoever KCNA quotes, KCNA carried the words
    if lang is not None:
        frame = frame[frame["lang"] == lang]
    frame = frame.sort_values(["date", "url"], kind="stable")
    return make_documents(frame)


def _read_day(file: Path) -> dict:
    day = read_json(file)
    if not isinstance(day, dict) or not isinstance(day.get("articles", []), (list, type(None))):
        raise CorpusFormatError(
            f"{file} is not a KCNA daily file: expected an object with 'date', 'url' and a list 'articles'."
        )
    return day


def _file_date(file: Path, day: dict) -> Date | None:
    for value in (day.get("date"), file.name[:10]):
        try:
            return Date.fromisoformat(str(value)[:10])
        except (TypeError, ValueError):
            continue
    return None


def _problem(item) -> str:
    if item is None:
        return "null entry"
    if not isinstance(item, dict):
        return f"a JSON {type(item).__name__}, not an article object"
    if not isinstance(item.get("content"), str) or not item["content"].strip():
        return "no content"
    return ""


def _parse(item: dict, file_date: Date | None) -> dict:
    # one paragraph per original line (the scrape separates paragraphs by single newlines)
    content = normalize_space(item["content"], paragraph_per_line=True)
    index_title = " ".join(str(item.get("title") or "").split())
    match = _DATELINE.search(content, 0, _DATELINE_WINDOW) or _DATELINE_LOOSE.search(content, 0, _DATELINE_WINDOW)
    if match:
        head, body = content[: match.start()].strip(), content[match.start():]
        if match.group("dash") == "?":  # the scrape's stand-in for a dash
            body = body[: match.start("dash") - match.start()] + "--" + body[match.end("dash") - match.start():]
    else:
        head, body = "", content
    # the headline is the first line before the dateline; lines after it are a subtitle
    lines = head.split("\n\n") if head else []
    headline = lines[0].strip() if lines else ""
    subtitle = "\n\n".join(line for line in lines[1:] if line.strip())
    first, _, rest = content.partition("\n\n")
    if not match and _same(first.strip(), index_title):  # no dateline: still drop the headline
        headline, body = first.strip(), rest
    text = (subtitle + "\n\n" + body.strip()) if subtitle else body.strip()
    return {
        "url": str(item.get("url") or ""),
        "date": _dateline_date(match, file_date),
        "title": headline or index_title,
        "text": text,
        "lang": guess_language(text),
        "dateline_place": match.group("place").strip() if match else "",
        "dateline_agency": (match.group("agency") or "").strip() if match else "",
        "index_title": index_title,
        "file_date": file_date.isoformat() if file_date else "",
        "_title_ok": _same(headline, index_title),
    }


def _same(a: str, b: str) -> bool:
    return bool(a) and a.casefold() == b.casefold()


def _dateline_date(match: re.Match | None, file_date: Date | None) -> str:
    if match is None or file_date is None:
        return file_date.isoformat() if file_date else ""
    month = _MONTHS.get((match.group("month") or match.group("month_es") or "").lower())
    day_text = match.group("day") or match.group("day_es")
    day = 1 if day_text == "primero" else int(day_text)
    if month is None:
        return file_date.isoformat()
    for year in (file_date.year, file_date.year - 1, file_date.year + 1):
        try:
            candidate = Date(year, month, day)
        except ValueError:
            continue
        # a dateline is never far from its file: this picks the year across New Year
        if abs(candidate - file_date) <= timedelta(days=60):
            return candidate.isoformat()
    return file_date.isoformat()


def _doc_ids(keys: list[str]) -> list[str]:
    # page name of the URL ("20170101-11ee"); fall back to the whole key if names repeat
    names = [re.sub(r"\.html?$", "", key.rstrip("/").rsplit("/", 1)[-1]) for key in keys]
    if len(set(names)) != len(names):
        names = keys
    return ["kcna:" + name for name in names]
