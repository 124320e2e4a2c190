"""PolNeAR: political news articles with gold attribution relations (source, cue, content).

Layout (see ``polnear/SOURCE.md`` in the corpora folder)::

    polnear/metadata.tsv                       one row per article (publisher, date, title, ...)
    polnear/<split>/text/<name>.txt            article text
    polnear/<split>/attributions/<name>_<annotator>.ann   BRAT standoff, one file per annotator

BRAT lines used here: ``T<n>\\t<Role> <spans>\\t<text>`` with role ``Source``, ``Cue``,
``Content`` (spans ``"0 5"`` or discontinuous ``"0 5;10 20"``) and ``E<n>\\tAttribution:T4
Content:T3 Cue:T2 Source:T1`` linking them (``Attribution-no-source`` when the source is
implicit). ``Discuss``/``Discard`` spans and ``#`` annotator notes are flags for the annotation
team, not attributions, and are not returned. A span's text is taken from the article at its
offsets (BRAT's copy of it can run over several lines).

Files are read through ``framing.io`` like every other corpus: a byte that is not UTF-8 is
decoded on its own and its file and line named; an empty text or annotation file is skipped
and named; the rest of the split loads.
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from pathlib import Path

import pandas as pd

from .._config import corpus_path
from ..documents import make_documents
from ..errors import BrokenRecordWarning, CorpusFormatError, FramingError
from ..io._csv import read_csv_rows
from ..io._files import read_text, warn_broken

logger = logging.getLogger(__name__)

SPLITS = ("train", "dev", "test", "annotator-training")

#: Display names of the seven publishers (metadata.tsv spells them as slugs).
PUBLISHERS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}

_ROLES = ("source", "cue", "content")
_ANN_NAME = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

ATTRIBUTION_COLUMNS = (
    "doc_id", "annotator", "attribution_id", "relation",
    *(f"{role}_{field}" for role in _ROLES for field in ("start", "end", "spans", "text")),
)


def _split_dir(path, split: str) -> tuple[Path, Path]:
    if split not in SPLITS:
        raise FramingError(f"PolNeAR split must be one of {list(SPLITS)}, got {split!r}.")
    root = corpus_path("polnear", path)
    folder = root / split
    if not (folder / "text").is_dir():
        raise FileNotFoundError(
            f"PolNeAR split {split!r} not found at {folder / 'text'}. The shared copy holds "
            "train, dev and annotator-training (test is held back); pass split='train' or 'dev'."
        )
    return root, folder


def _read_metadata(root: Path) -> dict[str, dict]:
    file = root / "metadata.tsv"
    if not file.is_file():
        raise CorpusFormatError(f"PolNeAR metadata not found at {file}; the corpus folder is incomplete.")
    rows = read_csv_rows(file, header=True, delimiter="\t")
    header = rows[0][1]
    if "filename" not in header:
        raise CorpusFormatError(f"{file} has no 'filename' column; columns present: {header}.")
    return {record["filename"]: record for record in (dict(zip(header, fields)) for _, fields in rows[1:])}


def _annotation_files(folder: Path) -> dict[str, list[tuple[str, Path]]]:
    """Map article name -> [(annotator, .ann path)], sorted by annotator."""
    found: dict[str, list[tuple[str, Path]]] = {}
    ann_dir = folder / "attributions"
    if not ann_dir.is_dir():
        return found
    for file in sorted(ann_dir.glob("*.ann")):
        match = _ANN_NAME.match(file.name)
        if match is None:
            warnings.warn(f"{file}: file name lacks the _<annotator>.ann suffix; skipped.",
                          BrokenRecordWarning, stacklevel=3)
            continue
        found.setdefault(match["name"], []).append((match["annotator"], file))
    return found


def load_polnear(path: str | os.PathLike | None = None, *, split: str = "dev") -> pd.DataFrame:
    """Read one PolNeAR split as a documents frame.

    Parameters
    ----------
    path : path-like, optional
        The ``polnear`` folder (default: ``polnear`` under ``framing.corpora_dir()``).
    split : {"dev", "train", "test", "annotator-training"}
        Which split to read (the shared copy holds all but ``test``).

    Returns
    -------
    DataFrame
        ``doc_id`` (the text file name without ``.txt``), ``source`` and ``outlet`` (the
        publisher's display name, e.g. "Politico"), ``date``, ``title``, ``text``, then
        ``split``, ``publisher`` (slug), ``author``, ``wire``, ``credit``, ``trump_count``,
        ``clinton_count`` and ``annotators`` ("4e07|d473": annotators with an ``.ann`` file).

    Examples
    --------
    >>> from framing.datasets import load_polnear
    >>> docs = load_polnear(split="dev")  # doctest: +SKIP
    >>> docs.outlet.value_counts().size  # doctest: +SKIP
    7
    """
    root, folder = _split_dir(path, split)
    metadata = _read_metadata(root)
    annotations = _annotation_files(folder)
    records, unreadable = [], []
    for file in sorted((folder / "text").glob("*.txt")):
        name = file.stem
        try:
            text = read_text(file)
        except CorpusFormatError as exc:
            unreadable.append((file.name, str(exc)))
            continue
        meta = metadata.get(name)
        if meta is None:
            warnings.warn(f"{file}: no row in metadata.tsv; loaded without publisher metadata.",
                          BrokenRecordWarning, stacklevel=2)
            meta = {}
        slug = meta.get("publisher", name.split("_", 1)[0])
        outlet = PUBLISHERS.get(slug, slug)
        records.append({
            "doc_id": name, "source": outlet, "outlet": outlet,
            "date": meta.get("publication_date") or pd.NaT, "title": meta.get("title", ""),
            "text": text, "split": split, "publisher": slug,
            "author": _none_to_empty(meta.get("author")), "wire": _none_to_empty(meta.get("wire")),
            "credit": _none_to_empty(meta.get("credit")),
            "trump_count": int(meta.get("trump_count") or 0),
            "clinton_count": int(meta.get("clinton_count") or 0),
            "annotators": "|".join(a for a, _ in annotations.get(name, [])),
        })
    warn_broken(folder / "text", unreadable, unit="file")
    if not records:
        raise CorpusFormatError(f"No article texts in {folder / 'text'}.")
    logger.info("PolNeAR %s: %d articles", split, len(records))
    return make_documents(records)


def load_polnear_attributions(path: str | os.PathLike | None = None, *, split: str = "dev") -> pd.DataFrame:
    """Read the gold attribution relations of one PolNeAR split, one row per relation.

    Several annotators annotated some articles: each annotator's relations are separate rows
    (column ``annotator``). A relation whose ``Content`` role occurs twice in the ``E`` line is
    one row whose content spans are the union.

    Parameters
    ----------
    path : path-like, optional
        The ``polnear`` folder (default: under ``framing.corpora_dir()``).
    split : {"dev", "train", "test", "annotator-training"}

    Returns
    -------
    DataFrame
        ``doc_id``, ``annotator``, ``attribution_id`` ("E3"), ``relation`` ("Attribution" or
        "Attribution-no-source") and for each role ``source``, ``cue``, ``content``:
        ``<role>_start``/``<role>_end`` (outermost character offsets, -1 when absent),
        ``<role>_spans`` (tuple of ``(start, end)`` pieces; several for discontinuous BRAT
        spans such as ``"0 5;10 20"``) and ``<role>_text`` (the pieces joined by a space).

    Examples
    --------
    >>> from framing.datasets import load_polnear_attributions
    >>> gold = load_polnear_attributions(split="dev")  # doctest: +SKIP
    >>> gold[["source_text", "cue_text"]].head(2)  # doctest: +SKIP
    """
    _, folder = _split_dir(path, split)
    rows, unreadable = [], []
    for name, files in sorted(_annotation_files(folder).items()):
        text_file = folder / "text" / f"{name}.txt"
        if not text_file.is_file():
            warnings.warn(f"{files[0][1]}: no text file {text_file.name}; its relations are skipped.",
                          BrokenRecordWarning, stacklevel=2)
            continue
        try:
            text = read_text(text_file)
        except CorpusFormatError as exc:
            unreadable.append((text_file.name, f"{exc} Its relations are skipped."))
            continue
        for annotator, file in files:
            data = file.read_bytes()  # an empty .ann file is valid: the annotator found no attribution
            lines = read_text(file, data=data).split("\n") if data.strip() else []
            rows.extend(_parse_ann(file, lines, text, doc_id=name, annotator=annotator))
    warn_broken(folder, unreadable, unit="file")
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS))


def parse_brat_spans(value: str) -> tuple[tuple[int, int], ...]:
    """Parse BRAT offsets ``"0 5;10 20"`` into ``((0, 5), (10, 20))``.

    Examples
    --------
    >>> parse_brat_spans("0 5;10 20")
    ((0, 5), (10, 20))
    """
    pieces = []
    for part in value.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def _parse_ann(file: Path, lines: list[str], text: str, *, doc_id: str, annotator: str) -> list[dict]:
    spans: dict[str, tuple[str, tuple]] = {}
    events = []
    for number, line in enumerate(lines, 1):  # split on "\n" only: U+2028 in a span's text is text
        line = line.rstrip("\r")
        if match := _T_LINE.match(line):
            try:
                pieces = parse_brat_spans(match[3])
            except ValueError:
                warnings.warn(f"{file}:{number}: bad offsets {match[3]!r}; span skipped.",
                              BrokenRecordWarning, stacklevel=4)
                continue
            if any(s < 0 or e > len(text) or s > e for s, e in pieces):
                warnings.warn(f"{file}:{number}: offsets {match[3]!r} fall outside the text; span skipped.",
                              BrokenRecordWarning, stacklevel=4)
                continue
            spans[match[1]] = (match[2], pieces)
        elif match := _E_LINE.match(line):
            events.append((number, match[1], match[2].split()))
        # other lines: '#' notes, Discuss/Discard flags, continuation lines of multi-line span text
    rows = []
    for number, event_id, args in events:
        row = {"doc_id": doc_id, "annotator": annotator, "attribution_id": event_id, "relation": ""}
        pieces_by_role: dict[str, list] = {role: [] for role in _ROLES}
        for arg in args:
            role, _, ref = arg.partition(":")
            if role.startswith("Attribution"):
                row["relation"] = role
                continue
            if ref not in spans:
                warnings.warn(f"{file}:{number}: {event_id} refers to missing span {ref}; role ignored.",
                              BrokenRecordWarning, stacklevel=4)
                continue
            key = role.lower()
            if key in pieces_by_role:
                pieces_by_role[key].extend(spans[ref][1])
        for role, pieces in pieces_by_role.items():
            pieces = tuple(sorted(set(pieces)))
            row[f"{role}_spans"] = pieces
            row[f"{role}_start"] = min((s for s, _ in pieces), default=-1)
            row[f"{role}_end"] = max((e for _, e in pieces), default=-1)
            row[f"{role}_text"] = " ".join(text[s:e] for s, e in pieces)
        rows.append(row)
    return rows


def _none_to_empty(value) -> str:
    return "" if value in (None, "None") else str(value)
