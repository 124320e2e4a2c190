"""Reuters / Guardian / CNBC business-news headline feeds (CSV, tokenised upstream)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .._config import corpus_path
from ..documents import make_documents
from ..errors import CorpusFormatError
from ..io._csv import read_csv_rows
from ..io._files import find_files, warn_broken


#: file-name prefix -> outlet name (``reuters_headlines.csv`` -> "Reuters")
HEADLINE_OUTLETS = {"reuters": "Reuters", "guardian": "Guardian", "cnbc": "CNBC"}
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_headlines(path=None, *, outlet: str | list[str] | None = None) -> pd.DataFrame:
    """Load the headline feeds: one row per CSV record, spacing of the tokeniser undone.

    Parameters
    ----------
    path : path or list of paths, optional
        CSV files and/or folders holding ``<outlet>_headlines.csv``. Default: the
        ``news_headlines`` corpus folder.
    outlet : str or list of str, optional
        Keep only these outlets ("Reuters", "Guardian", "CNBC"; any case). For a single file
        whose name does not start with a known outlet, ``outlet`` names it.

    Returns
    -------
    DataFrame
        Documents frame: ``doc_id`` = ``"<outlet>:<line>"`` (the record's line in its file),
        ``source`` = ``outlet`` = "Reuters" / "Guardian" / "CNBC", ``date`` the UTC day,
        ``title`` = ``text`` = the headline with the tokenised spacing undone (see
        :func:`detokenize`). Extra columns: ``raw`` (the headline as in the file) and
        ``duplicate`` (True when the same outlet, date and headline appeared on an earlier
        line: the feeds repeat some items; they are kept and flagged, not dropped);
        ``single_voice`` (True: a headline counts for its outlet, see :func:`framing.voices_frame`).

    Notes
    -----
    Files come with and without a header: a first record whose first field is not a date is
    taken as the header. Records with other than two fields, an empty headline or a date that
    is not YYYY-MM-DD are skipped with a ``BrokenRecordWarning`` naming each line. A headline
    never spans lines, so a stray quote costs its own line only: the lines after it are read
    again (see ``framing.io._csv``).

    Examples
    --------
    >>> from framing.datasets import load_headlines
    >>> reuters = load_headlines(outlet="Reuters")  # doctest: +SKIP
    >>> reuters.outlet.unique().tolist()  # doctest: +SKIP
    ['Reuters']
    """
    wanted = _wanted(outlet)
    given = corpus_path("news_headlines", path) if path is None else path
    files = find_files(given, patterns=("*.csv",))
    frames = []
    for file in files:
        name = _outlet_of(file, outlet if len(files) == 1 else None)
        if wanted and name.casefold() not in wanted:
            continue
        frames.append(_read_feed(file, name))
    if not frames:
        raise FileNotFoundError(
            f"no headline file for outlet {outlet!r} in {[str(f) for f in files]}; "
            f"known outlets: {sorted(HEADLINE_OUTLETS.values())}."
        )
    return make_documents(pd.concat(frames, ignore_index=True))


def _wanted(outlet) -> set[str]:
    if outlet is None:
        return set()
    names = [outlet] if isinstance(outlet, str) else list(outlet)
    return {str(n).casefold() for n in names}


def _outlet_of(file: Path, outlet) -> str:
    prefix = file.stem.split("_")[0].casefold()
    if prefix in HEADLINE_OUTLETS:
        return HEADLINE_OUTLETS[prefix]
    if isinstance(outlet, str):
        return HEADLINE_OUTLETS.get(outlet.casefold(), outlet)
    raise CorpusFormatError(
        f"cannot tell the outlet of {file.name} (expected a name like reuters_headlines.csv); "
        "pass outlet='<name>'."
    )


def _read_feed(file: Path, outlet: str) -> pd.DataFrame:
    # a headline never spans lines: a record that does comes from a stray quote
    rows = read_csv_rows(file, multiline=False)
    if rows and not _DATE_RE.match(rows[0][1][0].strip()):
        rows = rows[1:]  # header line ("date,headlines")
    lines, dates, raw, problems = [], [], [], []
    for line, fields in rows:
        if len(fields) != 2:
            problems.append((line, f"{len(fields)} fields, expected 2 (date, headline)"))
        elif not _DATE_RE.match(fields[0].strip()):
            problems.append((line, f"date {fields[0]!r} is not YYYY-MM-DD"))
        elif not fields[1].strip():
            problems.append((line, "empty headline"))
        else:
            lines.append(line)
            dates.append(fields[0].strip())
            raw.append(fields[1])
    if not lines:
        first = f" (first problem: line {problems[0][0]}: {problems[0][1]})" if problems else ""
        raise CorpusFormatError(
            f"{file} holds no readable 'date,headline' record{first}. Expected two columns: "
            "a YYYY-MM-DD date and the headline."
        )
    warn_broken(file, problems, unit="line")
    text = [detokenize(h) for h in raw]
    frame = pd.DataFrame({
        "doc_id": [f"{outlet.lower()}:{line}" for line in lines],
        "source": outlet,
        "outlet": outlet,
        "date": pd.to_datetime(dates, format="%Y-%m-%d", utc=True, errors="coerce"),
        "title": text,
        "text": text,
        "raw": raw,
        "single_voice": True,
    })
    frame["duplicate"] = frame.duplicated(["date", "raw"])
    bad_dates = frame["date"].isna()  # e.g. 2019-02-30: shaped like a date, not one
    if bad_dates.any():
        warn_broken(file, [(line, "impossible date") for line in frame.loc[bad_dates, "doc_id"]], unit="record")
        frame = frame[~bad_dates]
    return frame


# ---------------------------------------------------------------------------- detokenising

# (pattern, replacement, literals): a rule runs only when one of its literals is in the text,
# which skips most regex calls (the feeds hold 53,000 headlines)
_RULES = [
    # "U . S ." -> "U.S.", "a . m ." -> "a.m." (letters with a spaced period each)
    (re.compile(r"\b(?:[A-Za-z] \. )+[A-Za-z] \.(?= |$|'|,|:)"), lambda m: m.group(0).replace(" ", ""), (" . ",)),
    (re.compile(r"(?<=[A-Za-z]\.) -(?=[A-Za-z])"), "-", (". -",)),  # "U.S. -China" -> "U.S.-China"
    (re.compile(r"(?<=\d) ([.,]) (?=\d)"), r"\1", (" . ", " , ")),  # "2 . 1" -> "2.1", "25 , 000" -> "25,000"
    (re.compile(r" ?\. \. \.(?: \.)*"), "...", (". . .",)),  # spaced ellipsis
    (re.compile(r"(?<=\S) (n't|'s|'re|'ve|'ll|'d|'m|’s|’re|’ve|’ll|’d|’m)\b"), r"\1",
     (" n't", " '", " ’")),  # "do n't" -> "don't"
    (re.compile(r"(?<=\S) ([,.:;?!%)\]}])"), r"\1",
     tuple(" " + c for c in ",.:;?!%)]}")),  # "Korea : official" -> "Korea: official"
    (re.compile(r"([(\[{]) (?=\S)"), r"\1", ("( ", "[ ", "{ ")),  # "( May" -> "(May"
    (re.compile(r"([,.?!…]) (['’\"])(?= |$)"), r"\1\2", (" '", " ’", ' "')),  # "woods , ' x" -> "woods,' x"
    (re.compile(r"(?<=\w)\$ (?=\d)"), "$", ("$ ",)),  # "US$ 5" -> "US$5"
]


def detokenize(text: str) -> str:
    """Undo tokeniser spacing in a headline.

    Joins spaced abbreviations ("U . S ." -> "U.S.", "U . S . -China" -> "U.S.-China"), numbers ("3 . 6 %" -> "3.6%",
    "25 , 000" -> "25,000"), ellipses ("more . . ." -> "more..."), contractions ("do n't" ->
    "don't", "U.S. 's" -> "U.S.'s"), and attaches punctuation to the word before it
    ("Korea : official" -> "Korea: official", "rates ?" -> "rates?") and brackets and quotes
    to the words inside them. Spaced dashes (" - ") are kept: they are real in these feeds.

    Examples
    --------
    >>> from framing.datasets.headlines import detokenize
    >>> detokenize("U . S . 's trade gap narrows 2 . 1 % : officials do n't expect more")
    "U.S.'s trade gap narrows 2.1%: officials don't expect more"
    """
    for pattern, replacement, literals in _RULES:
        if any(literal in text for literal in literals):
            text = pattern.sub(replacement, text)
    if '"' in text and text.count('"') % 2 == 0:
        text = _QUOTE_PAIR_RE.sub(lambda m: '"' + m.group(1).strip() + '"', text)
    return text.strip()


# double quotes pair up left to right: '" thick fog "' -> '"thick fog"'
_QUOTE_PAIR_RE = re.compile(r'"([^"]*)"')
