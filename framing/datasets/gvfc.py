"""Gun Violence Frame Corpus (Liu et al. 2019) and its multimodal extension (Tourni et al. 2021)."""

from __future__ import annotations

import re
from datetime import date as Date
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from .._checks import require_columns
from .._config import corpus_path
from ..documents import make_documents
from ..errors import CorpusFormatError
from ..io._csv import read_csv_table
from ..io._files import read_bytes, warn_broken


#: GVFC frame codes (Q3 Theme1/Theme2) -> names, as in Liu et al. (2019); 99 = no frame -> "".
GVFC_FRAMES = {
    1: "Gun/2nd Amendment rights",
    2: "Gun control/regulation",
    3: "Politics",
    4: "Mental health",
    5: "School or public space safety",
    6: "Race/ethnicity",
    7: "Public opinion",
    8: "Society/culture",
    9: "Economic consequences",
    99: "",
}
_HEADLINES_FILE = "GVFC_headlines_and_annotations.xlsx"
_EXTENSION_FILE = "GVFC_extension_multimodal.csv"
_CODES = {"Q1 Relevant": "relevant", "Q2 Focus": "focus", "Q3 Theme1": "frame1_code", "Q3 Theme2": "frame2_code"}
# GVFC headlines were collected for Liu et al. (2019): a later "date" in a URL is an id
_LATEST_DATE = pd.Timestamp("2019-12-31", tz="UTC")
# second-level labels that are part of a public suffix (bbc.co.uk, abcnews.go.com)
_SUFFIX_LABELS = {"co", "com", "go", "org", "net", "ac", "gov"}


def load_gvfc(path=None, *, extension: bool = False) -> pd.DataFrame:
    """Load GVFC frame-labelled gun-violence headlines as a documents frame.

    Parameters
    ----------
    path : path, optional
        The GVFC folder, or the file itself (``.xlsx`` for the headlines, ``.csv`` for the
        extension). Default: the ``gvfc`` corpus folder.
    extension : bool
        False: the 2,990 annotated headlines (``GVFC_headlines_and_annotations.xlsx``, no
        outlet, URL or date). True: the 1,300 headlines of the multimodal extension
        (``GVFC_extension_multimodal.csv``), with URL, outlet and often a date.

    Returns
    -------
    DataFrame
        Documents frame, ``title`` = ``text`` = the headline, in file order. ``doc_id`` is
        ``"gvfc:<row>"`` (the spreadsheet row, header = row 1) or ``"gvfc-ext:<id>"``. Extra
        columns:

        * ``frame1``, ``frame2`` - frame names from the codes in ``Q3 Theme1/Theme2`` (see
          ``GVFC_FRAMES``; code 99 = no frame -> ""), and the codes in ``frame1_code``,
          ``frame2_code``;
        * ``relevant`` - bool (``Q1 Relevant``: 1 = relevant to gun violence, 2 = not);
        * ``focus`` - ``Q2 Focus`` code 1 or 2 as a nullable integer (99 = not applicable ->
          <NA>; the codebook is in Liu et al. 2019).

        Extension only: ``source`` = ``outlet`` = the site's name from ``article_url`` (the
        domain label: ``edition.cnn.com`` -> "cnn", ``abcnews.go.com`` -> "abcnews"),
        ``date`` from the URL when it holds one (``/2018/02/17/``, ``2018-02-17``,
        ``-20180118-``, ``-03222018-``; a date after 2019, when the headlines had been
        collected, is an id and is ignored), else NaT; ``article_url``; the image and summary
        columns under snake_case names (``lead_3_sentences_summary_of_full_article_text`` ...).

    Notes
    -----
    Rows with an empty headline or codes that are not numbers are skipped with a
    ``BrokenRecordWarning`` naming the row. A missing column raises ``ColumnError`` listing
    the columns present.

    Examples
    --------
    >>> from framing.datasets import load_gvfc
    >>> gvfc = load_gvfc()  # doctest: +SKIP
    >>> gvfc.frame1.value_counts().head(3)  # doctest: +SKIP
    """
    file = _file(corpus_path("gvfc", path), extension)
    if file.suffix.lower() in {".xlsx", ".xlsm", ".xls"}:
        read_bytes(file)  # empty file -> CorpusFormatError naming it
        try:
            frame = pd.read_excel(file, sheet_name=0, dtype=object)
        except Exception as exc:  # openpyxl raises several types for corrupt files
            raise CorpusFormatError(f"{file} is not a readable Excel workbook ({exc}).") from None
        rows = [i + 2 for i in range(len(frame))]  # spreadsheet rows: header is row 1
    else:
        frame, rows = read_csv_table(file)
    headline = "headline" if "headline" in frame.columns else "news_title"
    require_columns(frame, [headline, *_CODES], what=f"GVFC file {file.name}")
    frame = frame.assign(_row=rows)
    frame, problems = _codes(frame, headline)
    warn_broken(file, problems, unit="row")
    frame = frame.rename(columns=_CODES)
    text = frame.pop(headline).astype(str).str.strip()
    out = pd.DataFrame({"title": text, "text": text})
    out["frame1"] = frame["frame1_code"].map(GVFC_FRAMES).fillna("")
    out["frame2"] = frame["frame2_code"].map(GVFC_FRAMES).fillna("")
    for column in ("frame1_code", "frame2_code"):
        out[column] = frame[column].astype(int)
    out["relevant"] = frame["relevant"] == 1
    out["focus"] = frame["focus"].where(frame["focus"] != 99).astype("Int64")
    if "article_url" in frame.columns:
        urls = frame["article_url"].fillna("").astype(str)
        out["doc_id"] = "gvfc-ext:" + (frame["id"].astype(str) if "id" in frame.columns else frame["_row"].astype(str))
        out["outlet"] = out["source"] = urls.map(outlet_from_url)
        dates = urls.map(date_from_url)
        out["date"] = dates.where(dates <= _LATEST_DATE)
        out["article_url"] = urls
        for column in frame.columns:
            if column not in {"id", "article_url", "_row", *_CODES.values()}:
                out[_snake(column)] = frame[column]
    else:
        out["doc_id"] = "gvfc:" + frame["_row"].astype(str)
    return make_documents(out.reset_index(drop=True))


def _file(path: Path, extension: bool) -> Path:
    if path.is_file():
        return path
    name = _EXTENSION_FILE if extension else _HEADLINES_FILE
    if not (path / name).is_file():
        raise FileNotFoundError(f"{path} has no {name}. Pass the GVFC folder or the file itself.")
    return path / name


def _codes(frame: pd.DataFrame, headline: str) -> tuple[pd.DataFrame, list]:
    """Make the code columns integers; report rows with an empty headline or bad codes."""
    codes = frame[list(_CODES)].apply(pd.to_numeric, errors="coerce")
    bad_code = codes.isna().any(axis=1) | ~codes["Q3 Theme1"].isin(list(GVFC_FRAMES)) \
        | ~codes["Q3 Theme2"].isin(list(GVFC_FRAMES))
    empty = frame[headline].isna() | (frame[headline].astype(str).str.strip() == "")
    problems = [(row, "empty headline") for row in frame.loc[empty, "_row"]]
    problems += [(row, "a code is missing or not a GVFC code") for row in frame.loc[bad_code & ~empty, "_row"]]
    keep = ~(bad_code | empty)
    frame = frame[keep].copy()
    frame[list(_CODES)] = codes[keep].astype(int)
    return frame, sorted(problems)


def outlet_from_url(url: str) -> str:
    """The site's name from a URL: the domain label before the public suffix.

    Examples
    --------
    >>> from framing.datasets.gvfc import outlet_from_url
    >>> [outlet_from_url(u) for u in ["https://edition.cnn.com/x", "http://abcnews.go.com/US/y"]]
    ['cnn', 'abcnews']
    """
    host = (urlparse(url).hostname or "").lower()
    labels = host.split(".")[:-1]  # drop the top-level domain
    if len(labels) >= 2 and labels[-1] in _SUFFIX_LABELS:
        labels = labels[:-1]
    return labels[-1] if labels else ""


_URL_DATES = [
    (re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{4})(?!\d)"), "mdy"),  # chicagotribune: -03222018-
]


def date_from_url(url: str):
    """The publication day written in a URL, as a UTC timestamp, or NaT.

    Tries ``/2018/2/17/``, ``2018-02-17``, ``20180217`` and ``02172018`` (in that order)
    and keeps the first that is a real date between 1990 and 2030.

    Examples
    --------
    >>> from framing.datasets.gvfc import date_from_url
    >>> str(date_from_url("https://www.vox.com/2018/8/23/17773554/betsy-devos").date())
    '2018-08-23'
    """
    path = urlparse(url).path
    for pattern, order in _URL_DATES:
        for match in pattern.finditer(path):
            a, b, c = (int(g) for g in match.groups())
            year, month, day = (a, b, c) if order == "ymd" else (c, a, b)
            if not 1990 <= year <= 2030:
                continue
            try:
                return pd.Timestamp(Date(year, month, day), tz="UTC")
            except ValueError:
                continue
    return pd.NaT


def _snake(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(name).lower()).strip("_")
