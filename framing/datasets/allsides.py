"""Article-Bias-Prediction JSON (Baly et al. 2020, AllSides labels): reader and outlet table."""

from __future__ import annotations

import logging
import re
from datetime import datetime

import pandas as pd

from .._checks import require_columns
from .._config import corpus_path
from .._data import data_table
from ..documents import make_documents
from ..errors import CorpusFormatError
from ..io._files import find_files, partition_records, warn_broken
from ..io._json import read_json

logger = logging.getLogger(__name__)

#: AllSides bias labels in the release's code order (``bias`` 0 / 1 / 2)
ALLSIDES_BIAS = ("left", "center", "right")
_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y")  # the release uses the first two
_SUFFIX_RE = re.compile(r"\s*(?:-\s*(?:News|Opinion|Editorial)|Opinion|\(Web News\)|Online News)$")
_OPINION_RE = re.compile(r"Opinion|Editorial|Guest Writer", re.IGNORECASE)
_OUTLET_COLUMNS = ("name", "site", "outlet", "genre")


def load_allsides(path=None, *, outlets=None) -> pd.DataFrame:
    """Load Article-Bias-Prediction JSON files (the full release or any subset).

    Parameters
    ----------
    path : path or list of paths, optional
        JSON files (one article object each, as ``data/jsons/<ID>.json`` in the release, or a
        list of such objects) and/or folders holding them. Default: the ``allsides_nk`` corpus
        folder.
    outlets : DataFrame or path, optional
        The outlet table (columns ``name, site, outlet, genre``; see :func:`allsides_outlets`).
        Default: the package's ``framing/data/outlets.csv``.

    Returns
    -------
    DataFrame
        Documents frame sorted by date (undated last) and ``doc_id``:

        * ``doc_id`` - the release's ``ID``;
        * ``source``, ``outlet`` - the outlet, one name per publisher ("Fox Online News",
          "Fox News" and "Fox News Opinion" are all "Fox News"); columnists and guest writers
          get the publication of their ``source_url``;
        * ``date`` - from ``YYYY-MM-DD`` or ``M/D/YY``; NaT when empty;
        * ``title``; ``text`` - ``content_original``, the article as published, unchanged
          (the masked, tokenised ``content`` is not read);
        * ``outlet_original`` (AllSides' name), ``genre`` ("news" / "opinion"), ``bias``
          ("left" / "center" / "right"), ``authors`` (the release's comma-separated string),
          ``topic``, ``url``, ``source_url``;
        * ``single_voice`` - False: articles mix voices (see :func:`framing.voices_frame`).

    Notes
    -----
    Articles without a date are kept (date NaT) and counted in one ``BrokenRecordWarning``;
    so are dates in neither format. Records that are not objects or lack ``ID`` or
    ``content_original`` are skipped with a ``BrokenRecordWarning`` naming file and reason. A
    ``bias_text`` that disagrees with the numeric ``bias`` raises ``CorpusFormatError``.

    Examples
    --------
    >>> from framing.datasets import load_allsides
    >>> articles = load_allsides()  # doctest: +SKIP
    >>> articles.groupby("bias").size().to_dict()  # doctest: +SKIP
    {'center': 220, 'left': 188, 'right': 207}
    """
    table = allsides_outlets(outlets)
    files = find_files(corpus_path("allsides_nk", path) if path is None else path, patterns=("*.json",))
    records = []
    for file in files:
        data = read_json(file)
        items = data if isinstance(data, list) else [data]
        good, problems = partition_records(items, _problem)
        warn_broken(file, problems, unit="article")
        records.extend(_parse(item, file) for _, item in good)
    if not records:
        raise CorpusFormatError(
            f"no readable article in {len(files)} file(s) ({files[0]} ...): expected JSON objects "
            "with 'ID' and 'content_original' as in the Article-Bias-Prediction release."
        )
    frame = pd.DataFrame(records)
    undated = frame["date"].isna()
    if undated.any():
        raw = frame.loc[undated, "_raw_date"]
        problems = [(doc, "no date" if not value else f"date {value!r} is neither YYYY-MM-DD nor M/D/YY")
                    for doc, value in zip(frame.loc[undated, "doc_id"], raw)]
        warn_broken(files[0] if len(files) == 1 else str(path or "allsides_nk"), problems,
                    unit="article", action="kept with date NaT")
    frame["outlet_original"] = frame["outlet"]
    names, sites = _lookup(table, "name"), _lookup(table, "site")
    frame["outlet"], frame["genre"] = zip(*(_outlet(name, site, names, sites)
                                           for name, site in zip(frame["outlet"], frame["source_url"])))
    frame["source"] = frame["outlet"]
    frame["single_voice"] = False
    frame = frame.drop(columns="_raw_date").sort_values(["date", "doc_id"], kind="stable", na_position="last")
    columns = ["doc_id", "source", "outlet", "date", "title", "text", "outlet_original", "genre", "bias",
               "authors", "topic", "url", "source_url", "single_voice"]
    return make_documents(frame[columns])


def allsides_outlets(outlets=None) -> pd.DataFrame:
    """Return the outlet table behind :func:`load_allsides` (``name, site, outlet, genre``).

    Parameters
    ----------
    outlets : DataFrame or path, optional
        Your own table with the same columns. Default: ``framing/data/outlets.csv`` (see
        ``outlets.md`` beside it).

    Examples
    --------
    >>> from framing.datasets import allsides_outlets
    >>> table = allsides_outlets().set_index("name")
    >>> table.loc[["Fox Online News", "Fox News Opinion", "Reuters"], ["outlet", "genre"]].values.tolist()
    [['Fox News', 'news'], ['Fox News', 'opinion'], ['Reuters', 'news']]
    """
    table = data_table("outlets.csv", outlets)
    require_columns(table, _OUTLET_COLUMNS, what="outlet table")
    table = table[list(_OUTLET_COLUMNS)].fillna("").astype(str)
    bad = table[(table["name"] != "") & ~table["genre"].isin(["news", "opinion"])]
    if len(bad):
        raise CorpusFormatError(
            f"outlet table: genre must be 'news' or 'opinion' on name rows; rows {bad['name'].tolist()[:5]} "
            f"hold {sorted(set(bad['genre']))}."
        )
    return table.reset_index(drop=True)


def _problem(item) -> str:
    if not isinstance(item, dict):
        return f"a JSON {type(item).__name__}, not an article object"
    if not str(item.get("ID") or "").strip():
        return "no ID"
    if not isinstance(item.get("content_original"), str):
        return "no content_original"
    return ""


def _parse(item: dict, file) -> dict:
    label = str(item.get("bias_text") or "").strip().lower()
    code = item.get("bias")
    if label and isinstance(code, int) and 0 <= code < 3 and ALLSIDES_BIAS[code] != label:
        raise CorpusFormatError(
            f"{file}: article {item['ID']} has bias {code} ({ALLSIDES_BIAS[code]}) but bias_text {label!r}; "
            "the release codes 0 = left, 1 = center, 2 = right."
        )
    if not label and isinstance(code, int) and 0 <= code < 3:
        label = ALLSIDES_BIAS[code]
    raw_date = str(item.get("date") or "").strip()
    return {
        "doc_id": str(item["ID"]).strip(),
        "outlet": str(item.get("source") or "").strip(),
        "date": _date(raw_date),
        "_raw_date": raw_date,
        "title": str(item.get("title") or ""),
        "text": item["content_original"],
        "bias": label,
        "authors": str(item.get("authors") or ""),
        "topic": str(item.get("topic") or ""),
        "url": str(item.get("url") or ""),
        "source_url": str(item.get("source_url") or ""),
    }


def _date(value: str):
    for form in _DATE_FORMATS:
        try:
            return pd.Timestamp(datetime.strptime(value, form), tz="UTC")
        except ValueError:
            continue
    return pd.NaT


def _outlet(name: str, site: str, names: dict, sites: dict) -> tuple[str, str]:
    if name in names:
        outlet, genre = names[name]
        if outlet:
            return outlet, genre
        return (sites[site][0] if site in sites else site), genre
    logger.info("outlet name %r is not in the outlet table; using rules", name)
    genre = "opinion" if _OPINION_RE.search(name) else "news"
    return _SUFFIX_RE.sub("", name) or name, genre


def _lookup(table: pd.DataFrame, key: str) -> dict[str, tuple[str, str]]:
    rows = table[table[key] != ""]
    return {k: (o, g) for k, o, g in zip(rows[key], rows["outlet"], rows["genre"])}
