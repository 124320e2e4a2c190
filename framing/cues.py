"""Framing-cue codebook: count cue families per 100 words, with receipts.

The codebook is data (``framing/data/cues/``: ``families.csv``, ``codebook.csv``, ``VERSION``
and ``CODEBOOK.md`` with provenance and coding notes); the matching rules are code:

* Text is split into words with :func:`framing.text.word_spans`; cues are matched on lower-cased
  words (curly apostrophes read as straight ones). A cue is one or more words; a trailing ``*``
  on a word matches any word that starts with it (``negotiat*``).
* Within a family a word counts once: the longest cue starting at a word wins, and matches do
  not overlap. Families of different dimensions (``families.csv``: frame, policy_frame, labels,
  stance, entman, journalism ...) may share words; within one dimension a word belongs to one
  family unless ``overlaps.csv`` declares the overlap and why (see :func:`codebook_overlaps`).
* Negation: a cue preceded within three words (same clause: no ``. , ; : ! ?`` in between) by
  a negator ("not", "no", "never", "without", "n't" ...) is *negated*. Cues whose codebook row
  names a ``negated_as`` family count for that family instead ("no progress" -> stalemate,
  "not certainly" -> hedge); other cues keep their family (a negated frame is still the frame).
* Style rules: ``exclamation`` counts ``!`` marks; ``allcaps`` counts words of three or more
  letters written in capitals, except the acronyms listed under ``allcaps_exclude``; ``we``
  ignores the all-caps "US".
* Attribution families (``attribution_neutral``, ``attribution_loaded``) can be scored on the
  attribution cue of a segment ("claimed", "said") instead of its text: pass ``cues=``.
  Then the value is the number of matches in the cue (not per 100 words), and NaN for rows
  without a cue.

Scores are matches per 100 words of the text (NaN for text without words).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress, starmap

import numpy as np
import pandas as pd

from ._data import read_data_text
from .errors import FramingError
from ._cue_batch import batch_rates
from ._cue_index import _Pairs, _Starts
from .text import _WORD, word_spans

__all__ = [
    "ATTRIBUTION_FAMILIES",
    "CUE_FAMILIES",
    "codebook_version",
    "cue_counts",
    "cue_matches",
    "codebook_overlaps",
    "kwic",
    "load_codebook",
    "load_cue_families",
]

_DATA = ("cues",)
_RULE_FAMILIES = ("exclamation", "allcaps")
ATTRIBUTION_FAMILIES = ("attribution_neutral", "attribution_loaded")
_NEGATORS = frozenset(
    ["not", "no", "never", "without", "nor", "neither", "none", "hardly", "cannot", "nobody", "nothing", "nowhere", "lack", "lacks", "lacking"]
)
_CLAUSE_BREAK = re.compile(r"[.,;:!?]")
_SPAN = re.Match.span


def _read_csv(name: str) -> list[dict]:
    text = read_data_text(*_DATA, name)
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def codebook_version() -> str:
    """The codebook version (``framing/data/cues/VERSION``).

    Examples
    --------
    >>> from framing.cues import codebook_version
    >>> codebook_version()
    '1.2.0'
    """
    return read_data_text(*_DATA, "VERSION").strip()


def load_cue_families() -> pd.DataFrame:
    """The cue families: ``family, group, label, source, description, dimension, status``.

    ``status`` says whether a family measures its frame on the team's coded sample (reporting
    half, ``data/coding_validity.csv``): ``validated`` (AUC interval above 0.5), ``failed``
    (interval includes 0.5: explore with it, do not report it as a measure of the frame) or
    ``untested`` (no coded frame to compare with, or too few coded units). Failed families are
    still scored, so that scores stay comparable across codebook versions.

    Examples
    --------
    >>> from framing.cues import load_cue_families
    >>> families = load_cue_families().set_index("family")
    >>> families.loc["conflict", "group"], families.loc["strategy_game", "status"]
    ('generic', 'failed')
    """
    return pd.DataFrame(_read_csv("families.csv"))


def load_codebook() -> pd.DataFrame:
    """The cue codebook: one row per cue, ``family, cue, negated_as`` plus family metadata.

    Examples
    --------
    >>> from framing.cues import load_codebook
    >>> book = load_codebook()
    >>> "claim*" in set(book.loc[book.family == "attribution_loaded", "cue"])
    False
    """
    cues = pd.DataFrame(_read_csv("codebook.csv"))
    families = load_cue_families()[["family", "group", "label"]]
    return cues.merge(families, on="family", how="left")


#: Family names in codebook order; each gives a ``cue_<family>`` column.
CUE_FAMILIES: tuple[str, ...] = tuple(row["family"] for row in _read_csv("families.csv"))


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


_WORD_OR_BREAK = re.compile(f"{_WORD.pattern}|{_CLAUSE_BREAK.pattern}")


def _pieces_of_token(token: str) -> list[str]:
    """The words (:func:`framing.text.word_spans`) of one whitespace-separated token and, in
    their places, its clause-break marks: no word spans whitespace and none holds a mark, so a
    text's words and marks are its tokens' in turn."""
    return [token] if token.isalnum() else _WORD_OR_BREAK.findall(token)  # alphanumeric: one word


def _cue_pattern(cue: str) -> tuple[tuple[str, bool], ...]:
    """Cue text -> ((word, is_prefix), ...) using the same word splitter as the text."""
    parts: list[tuple[str, bool]] = []
    for chunk in cue.split():
        star = chunk.endswith("*")
        chunk = chunk.rstrip("*")
        words = [_norm(chunk[s:e]) for s, e in word_spans(chunk)]
        for k, word in enumerate(words):
            parts.append((word, star and k == len(words) - 1))
    return tuple(parts)


class _Matcher:
    """Compiled codebook: per distinct word, the cues that can start there (cached)."""

    def __init__(self, rows: list[dict]):
        self.exact: dict[str, list] = {}
        self.prefix: dict[str, list] = {}
        self.allcaps_exclude: set[str] = set()
        for row in rows:
            family, cue, negated_as = row["family"], row["cue"], (row.get("negated_as") or "").strip()
            if family == "allcaps_exclude":
                self.allcaps_exclude.add(_norm(cue).replace(".", ""))
                continue
            pattern = _cue_pattern(cue)
            if not pattern:
                continue
            # a multi-word cue may span punctuation only if it has some itself ("u.n")
            spans_punctuation = bool(_CLAUSE_BREAK.search(cue))
            entry = (pattern, family, negated_as, cue, spans_punctuation)
            first, is_prefix = pattern[0]
            (self.prefix if is_prefix else self.exact).setdefault(first, []).append(entry)
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        self.longest = max((len(e[0]) for table in (self.exact, self.prefix) for es in table.values() for e in es), default=1)
        self._starts = _Starts(self)
        self._pairs = _Pairs(self)

    def starts(self, word: str) -> tuple:
        return self._starts[word]

    def _find_starts(self, word: str) -> tuple:
        found = list(self.exact.get(word, ()))
        for length in self.prefix_lengths:
            if length > len(word):
                break
            found.extend(self.prefix.get(word[:length], ()))
        return tuple(found)


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    return _Matcher(_read_csv("codebook.csv"))


def _rest_matches(words: list[str], i: int, pattern) -> bool:
    """Do the words after position ``i`` match the rest of a multi-word cue?"""
    for k in range(1, len(pattern)):
        target, is_prefix = pattern[k]
        word = words[i + k]
        if not (word.startswith(target) if is_prefix else word == target):
            return False
    return True


def _is_negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith("n't")


def _negated(text: str, spans, words, i: int) -> bool:
    for j in range(i - 1, max(-1, i - 4), -1):
        if _CLAUSE_BREAK.search(text, spans[j][1], spans[j + 1][0]):
            return False
        if _is_negator(words[j]):
            return True
    return False


def cue_matches(text: str, *, families: Sequence[str] | None = None) -> list[dict]:
    """Every cue match in one text, with offsets and negation.

    Parameters
    ----------
    text : str
    families : sequence of str, optional
        Restrict to these families (default all).

    Returns
    -------
    list of dict
        ``family`` (where it counts), ``cue`` (codebook entry or rule), ``start``, ``end``,
        ``token`` (the matched text) and ``modifier`` ("negation" or "").

    Examples
    --------
    >>> from framing.cues import cue_matches
    >>> [(m["family"], m["token"], m["modifier"]) for m in cue_matches("There was no progress.")]
    [('stalemate', 'no progress', '')]
    """
    return _scan(text, families)[0]


_MATCH_KEYS = ("start", "family", "cue", "end", "token", "modifier")


def _scan(text: str, families: Sequence[str] | None = None) -> tuple[list[dict], int]:
    """Matches (dicts, in text order) and the number of words of one text."""
    found, n_words = _scan_tuples(text, families)
    found.sort()  # by start, then family (one family never has two matches at one start)
    return [dict(zip(_MATCH_KEYS, match)) for match in found], n_words


def _scan_tuples(text: str, families: Sequence[str] | None = None) -> tuple[list[tuple], int]:
    """Matches as ``(start, family, cue, end, token, modifier)`` tuples in no particular order,
    and the number of words (what ``cue_counts`` needs: no dicts, no sort)."""
    wanted = set(CUE_FAMILIES if families is None else families)
    matcher = _matcher()
    spans = list(map(_SPAN, _WORD.finditer(text)))  # word_spans(text), with the spans taken in C
    cuts = list(starmap(slice, spans))
    raws = list(map(text.__getitem__, cuts))
    lowered = text.lower().replace("\u2019", "'")
    if len(lowered) == len(text):
        words = list(map(lowered.__getitem__, cuts))
    else:  # a few characters change length when lower-cased ("İ"): lower word by word
        words = [_norm(raw) for raw in raws]
    starts = matcher._starts
    found: list[tuple] = []
    next_free: dict[str, int] = {}
    n_words = len(words)
    candidates = list(map(starts.__getitem__, words))
    cue_at = list(compress(range(n_words), candidates))  # only words that can start a cue (in C)
    caps_at = list(compress(range(n_words), map(str.isupper, raws))) \
        if "allcaps" in wanted and lowered != text else []
    pairs = matcher._pairs
    for i in cue_at:
        entries = pairs[words[i], words[i + 1] if i + 1 < n_words else None]  # second word fits
        best: dict[str, tuple] = {}
        for entry in entries:
            pattern, family = entry[0], entry[1]
            n = len(pattern)
            if n > 1 and (i + n > n_words or not _rest_matches(words, i, pattern)
                          or not entry[4] and _CLAUSE_BREAK.search(text, spans[i][1], spans[i + n - 1][0])):
                continue
            if family == "we" and text[spans[i][0]:spans[i][1]] == "US":
                continue  # the country, not "us"
            if family not in best or n > len(best[family][0]):
                best[family] = entry
        negated = None
        for family, (pattern, _family, negated_as, cue, _spans) in best.items():
            if negated is None:
                negated = _negated(text, spans, words, i)
            counted = negated_as if (negated and negated_as) else family
            # overlap is judged on the family a match counts for: "no progress" counts once
            if i < next_free.get(counted, 0):
                continue
            next_free[counted] = i + len(pattern)
            if counted not in wanted:
                continue
            start, end = spans[i][0], spans[i + len(pattern) - 1][1]
            found.append((start, counted, cue, end, text[start:end], "negation" if negated else ""))
    for i in caps_at:
        raw, word = raws[i], words[i]
        if raw != word and sum(ch.isalpha() for ch in raw) >= 3 and word.replace(".", "") not in matcher.allcaps_exclude:
            s, e = spans[i]
            found.append((s, "allcaps", "(ALL CAPS)", e, raw, ""))
    if "exclamation" in wanted:
        k = text.find("!")
        while k >= 0:
            found.append((k, "exclamation", "!", k + 1, "!", ""))
            k = text.find("!", k + 1)
    return found, n_words


def cue_counts(texts: Iterable[str], *, cues: Iterable[str | None] | None = None,
               families: Sequence[str] | None = None) -> pd.DataFrame:
    """Cue-family rates for many texts: matches per 100 words, one column per family.

    Parameters
    ----------
    texts : iterable of str
    cues : iterable of str or None, optional
        The attribution cue of each text (e.g. the ``cue`` column of ``framing.voices``
        output). When given, the attribution families are counted in the cue (raw counts;
        NaN where the cue is empty) instead of in the text.
    families : sequence of str, optional
        Default: all of :data:`CUE_FAMILIES`.

    Returns
    -------
    DataFrame
        Columns ``cue_<family>`` and ``cue_n_words`` (the denominator), one row per text.

    Examples
    --------
    >>> from framing.cues import cue_counts
    >>> table = cue_counts(["We will never accept the sanctions!"], families=["sanctions", "we"])
    >>> table.round(1).to_dict("records")
    [{'cue_sanctions': 16.7, 'cue_we': 16.7, 'cue_n_words': 6}]
    """
    families = tuple(CUE_FAMILIES if families is None else families)
    values, n_words = _cue_table(list(texts), families, None if cues is None else list(cues))
    frame = pd.DataFrame(values, columns=[f"cue_{f}" for f in families])
    frame["cue_n_words"] = n_words
    return frame


def _cue_table(texts: list[str], families: Sequence[str], cue_list: list | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``cue_counts`` as arrays: the rates (one column per family) and the word counts."""
    unknown = [f for f in families if f not in CUE_FAMILIES]
    if unknown:
        raise FramingError(f"unknown cue families {unknown}; choose from {list(CUE_FAMILIES)}.")
    if cue_list is not None and len(cue_list) != len(texts):
        raise FramingError(f"cues has {len(cue_list)} items but texts has {len(texts)}; pass one cue per text.")
    index = {f: k for k, f in enumerate(families)}
    on_cue = [f for f in families if f in ATTRIBUTION_FAMILIES] if cue_list is not None else []
    text_families = [f for f in families if f not in on_cue]
    position: dict[str, int] = {}  # each distinct text is scanned once
    inverse = np.array([position.setdefault(t, len(position)) for t in texts], dtype=np.intp)
    rates, words = batch_rates(list(position), families, text_families, _matcher(), _pieces_of_token, _norm, _is_negator,
                                _rest_matches, _scan_tuples)
    # distinct texts (score's): the table as it is, no copy
    values, n_words = (rates, words) if len(position) == len(texts) else (rates[inverse], words[inverse])
    if on_cue:
        values[:, [index[f] for f in on_cue]] = _counts_in_cues(cue_list, on_cue)
    return values, n_words


def _counts_in_cues(cues: list, families: Sequence[str]) -> np.ndarray:
    """Matches of ``families`` in each attribution cue (raw counts; NaN rows for empty cues).

    Each distinct cue is scanned once (a corpus has few: "said", "told", "according to" ...).
    """
    known: dict = {}
    rows = []
    for cue in cues:
        key = cue if isinstance(cue, str) else None
        row = known.get(key)
        if row is None:
            if key is None or not key.strip():
                row = [math.nan] * len(families)
            else:
                row = [0.0] * len(families)
                for match in cue_matches(key, families=families):
                    row[families.index(match["family"])] += 1
            known[key] = row
        rows.append(row)
    return np.array(rows, dtype=float).reshape(len(cues), len(families))


def codebook_overlaps() -> pd.DataFrame:
    """Cues listed in more than one family of the same dimension, and whether that is declared.

    Returns
    -------
    DataFrame
        ``dimension, cue, families`` ("a|b"), ``declared`` (listed in ``overlaps.csv``) and
        ``reason``. The shipped codebook has no undeclared overlap.

    Examples
    --------
    >>> from framing.cues import codebook_overlaps
    >>> overlaps = codebook_overlaps()
    >>> bool(overlaps["declared"].all())
    True
    """
    book = load_codebook().merge(load_cue_families()[["family", "dimension"]], on="family")
    shared = book.groupby(["dimension", "cue"])["family"].agg(lambda f: "|".join(sorted(f)))
    shared = shared[shared.str.contains("|", regex=False)].rename("families").reset_index()
    declared = pd.DataFrame(_read_csv("overlaps.csv"))
    declared["families"] = declared["families"].map(lambda f: "|".join(sorted(f.split("|"))))
    table = shared.merge(declared, on=["cue", "families"], how="left")
    table["declared"] = table["reason"].notna()
    return table.fillna({"reason": ""})[["dimension", "cue", "families", "declared", "reason"]]


KWIC_COLUMNS = ("row", "family", "left", "match", "right", "start", "end")


def _term_matches(text: str, term: str) -> list[dict]:
    pattern = _cue_pattern(term)
    if not pattern:
        raise FramingError(f"term {term!r} has no words to look for.")
    spans = word_spans(text)
    words = [_norm(text[s:e]) for s, e in spans]
    found = []
    for i in range(len(words) - len(pattern) + 1):
        first, is_prefix = pattern[0]
        if (words[i].startswith(first) if is_prefix else words[i] == first) and _rest_matches(words, i, pattern):
            start, end = spans[i][0], spans[i + len(pattern) - 1][1]
            found.append({"family": "", "start": start, "end": end, "token": text[start:end]})
    return found


def kwic(data, term_or_family: str, *, text: str = "text", window: int = 5) -> pd.DataFrame:
    """Keyword in context: every match of a cue family (or a term) with the words around it.

    Parameters
    ----------
    data : str, sequence of str, Series or DataFrame
        The texts (a DataFrame's ``text`` column).
    term_or_family : str
        A cue family (``"threat"``: its codebook cues, matched as ``framing.score`` counts
        them, negation included) or a term in codebook syntax (``"puppet forces"``,
        ``"negotiat*"``).
    text : str
        Text column of a DataFrame.
    window : int
        Words of context on each side.

    Returns
    -------
    DataFrame
        ``row`` (index label or position), ``family`` (where the match counts; "" for a term),
        ``left``, ``match``, ``right``, ``start``, ``end`` (offsets of the match in the text).

    Examples
    --------
    >>> from framing.cues import kwic
    >>> kwic("The puppet forces staged drills near the border.", "loaded", window=2)[["left", "match", "right"]].values.tolist()
    [['The', 'puppet forces', 'staged drills']]
    >>> kwic(["Talks on nukes.", "Negotiators met."], "negotiat*")[["row", "match"]].values.tolist()
    [[1, 'Negotiators']]
    """
    if isinstance(data, str):
        labels, texts = [0], [data]
    elif isinstance(data, pd.DataFrame):
        if text not in data.columns:
            raise FramingError(f"data lacks the text column {text!r}; columns present: {list(map(str, data.columns))}.")
        labels, texts = list(data.index), data[text].tolist()
    else:
        series = data if isinstance(data, pd.Series) else pd.Series(list(data))
        labels, texts = list(series.index), series.tolist()
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise FramingError(f"window must be a whole number of words >= 0, got {window!r}.")
    is_family = term_or_family in CUE_FAMILIES
    rows = []
    for label, value in zip(labels, texts):
        if not isinstance(value, str):
            continue
        matches = cue_matches(value, families=[term_or_family]) if is_family else _term_matches(value, term_or_family)
        spans = word_spans(value) if matches else []
        starts = [s for s, _ in spans]
        for m in matches:
            first = int(np.searchsorted(starts, m["start"], side="right")) - 1
            last = int(np.searchsorted(starts, m["end"], side="left"))
            left = value[spans[max(first - window, 0)][0]:m["start"]].strip() if window and first > 0 else ""
            right = value[m["end"]:spans[min(last + window, len(spans)) - 1][1]].strip() \
                if window and last < len(spans) else ""
            rows.append({"row": label, "family": m["family"], "left": left, "match": m["token"], "right": right,
                         "start": m["start"], "end": m["end"]})
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
