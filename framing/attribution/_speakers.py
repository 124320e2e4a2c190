"""Who speaks: the alias table, speaker mentions before a cue, pronoun and description resolution.

* Named voices come from the alias table (``framing/data/aliases.csv``; users add their own).
  An alias matches case-sensitively on word boundaries, also with its first letter upper-cased
  and with ' and ’ interchanged.
* A pronoun or description ("he", "It", "The newspaper", "The President") resolves to the last
  named voice before it, outside quotation marks, whose type fits (descriptions.csv): "it" never
  resolves to a person, "she" skips men, "the President" prefers a voice named with that title.
* A capitalised name that is not in the table becomes a voice of its own ("Sanders"); a later
  bare surname of an earlier full name maps to the full name, else a bare first word of one
  (a family name first, "Ri" for "Ri Yong Ho", or a first name).
"""

from __future__ import annotations

import io
from bisect import bisect_left
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .._data import read_data_text
from ..errors import ColumnError, FramingError
from ._entities import Entities
from ._vocab import (CAPITALISED_OPENERS, HONORIFIC, HONORIFICS, MONTHS, ORGANISATION_WORDS, WEEKDAYS, cue_verbs, descriptions,
                     matches_after, trie)

PERSONAL_TITLES = ("president", "leader", "senator", "governor", "chairman", "minister",
                   "secretary", "spokesman", "spokeswoman", "chancellor", "premier")
_ORG_WORDS = ORGANISATION_WORDS
_TITLE_PREFIX = re.compile(
    r"^(?:(?:" + HONORIFIC + r")\.?|President|Vice President|Senator|"
    r"Secretary(?: of State)?|Governor|Speaker|Chairman|Leader|Minister|Prime Minister|"
    r"First Lady|Former|Republican|Democratic|Democrat|Candidate|Judge|Justice|Mayor|Sheriff|Ambassador|"
    r"Attorney General|Chief|Pope|Councilman|Councilwoman|Congressman|Congresswoman|Gen\.|General)\s+"
)


_NAME_CHAR = re.compile(r"[\w@]")   # no alias starts right after one
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w.’'])([A-Z][a-z]+\.?) $")
_NAME_AFTER = re.compile(r" ([A-Z][a-z][\w’'-]*)")   # 'Kim Eui-kyeom', 'the North Korean', 'Trump Tower'
_MONTHS = frozenset(MONTHS)
_NOT_FIRST_NAMES = frozenset(
    "The A An President Senator Governor "
    "Secretary Candidate Nominee Leader Chairman Minister Premier Chancellor Republican Democrat Democratic "
    "But And Or So Former Madam "
    "Mister Comrade Marshal Supreme Respected Dear Judge Justice Speaker General Colonel Captain Vice Elect "
    "Citing Quoting Says Said Tells Told Asked Wrote Like With Without For From To Of In On At By About Against "
    "Unlike Did Does Do Is Was Has Had Have Will Would Could Should Can Why How What Who Where Which That This "
    "Even Only Just Both Neither Either Nor Not Today Tonight Yesterday "
    "Team Camp Clan Crooked Lyin Little Sleepy".split()) | frozenset(WEEKDAYS) | frozenset(
    form for h in HONORIFICS for form in (h, h + ".")) | CAPITALISED_OPENERS


class NamesByEnd(dict):
    """Alias mentions by end offset, with their starts in order for lookups by position."""

    def __init__(self, mentions):
        super().__init__((m.end, m) for m in mentions)
        self._ordered = sorted(self.values(), key=lambda m: m.start)
        self._starts = [m.start for m in self._ordered]

    def first_from(self, lo: int, hi: int):
        """The first mention (by start) with ``lo <= start < hi``, else None."""
        i = bisect_left(self._starts, lo)
        return self._ordered[i] if i < len(self._starts) and self._starts[i] < hi else None


@dataclass(frozen=True)
class Voice:
    canonical: str
    type: str = "person"
    gender: str = ""
    channel: str = ""


@dataclass
class Mention:
    start: int
    end: int
    voice: Voice | None          # None: a pronoun or description not (yet) resolved
    text: str = ""
    titles: frozenset = field(default_factory=frozenset)
    salient: bool = False        # a subject or a speaker: preferred antecedent


_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.I)


def without_article(phrase: str) -> str:
    """``phrase`` without a leading 'the', 'a' or 'an' ('the city council' -> 'city council')."""
    return _LEADING_ARTICLE.sub("", phrase)


def group_voice(phrase: str) -> Voice:
    """The voice a common noun phrase names ('the city council', 'three in 10'): its words without
    a leading article, in lower case, a group."""
    return Voice(without_article(phrase).lower(), "group")


@lru_cache(maxsize=1)
def default_alias_frame() -> pd.DataFrame:
    """The alias table shipped with the package (``framing/data/aliases.csv``)."""
    return pd.read_csv(io.StringIO(read_data_text("aliases.csv")), dtype=str, keep_default_na=False)


def _alias_rows(aliases) -> list[dict]:
    if aliases is None:
        return []
    if isinstance(aliases, dict):
        return [{"alias": a, "canonical": c} for a, c in aliases.items()]
    if isinstance(aliases, (str, os.PathLike)):
        aliases = pd.read_csv(aliases, dtype=str, keep_default_na=False)
    if not isinstance(aliases, pd.DataFrame):
        raise FramingError(
            f"aliases must be None, a dict alias -> canonical name, a DataFrame or a CSV path; got "
            f"{type(aliases).__name__}."
        )
    missing = [c for c in ("alias", "canonical") if c not in aliases.columns]
    if missing:
        raise ColumnError(
            f"aliases lack column(s) {missing}; columns present: {list(map(str, aliases.columns))}. "
            "An alias table needs 'alias' and 'canonical' (optional: type, gender, channel)."
        )
    return aliases.fillna("").astype(str).to_dict("records")


class AliasTable:
    """Compiled alias lookup. ``extra`` entries override the defaults with the same alias."""

    def __init__(self, extra=None):
        entries: dict[str, Voice] = {}
        for row in default_alias_frame().to_dict("records") + _alias_rows(extra):
            alias = str(row["alias"]).strip()
            if not alias:
                continue
            voice = Voice(str(row["canonical"]).strip() or alias, str(row.get("type") or "person"),
                          str(row.get("gender") or ""), str(row.get("channel") or ""))
            for variant in {alias, alias[0].upper() + alias[1:], alias.replace("'", "’"),
                            (alias[0].upper() + alias[1:]).replace("'", "’")}:
                entries[variant] = voice
        self.entries = entries
        by_canonical: dict[str, Voice] = {}
        for voice in entries.values():
            by_canonical.setdefault(voice.canonical, voice)
        self.by_canonical = by_canonical
        # a prefix tree of the aliases: the longest alias wins, as in a longest-first alternation, 4x faster
        self.pattern = re.compile(trie(entries) + r"(?![\w])")   # not after [\w@]: tested in find (faster)

    def find(self, text: str) -> list[Mention]:
        found = []
        for match in matches_after(self.pattern, text, _NAME_CHAR):
            start, alias = match.start(), match.group()
            # (a first name before ends with a space: only then search for one)
            first = (_first_name_before(text, start)
                     if start and text[start - 1] in " \n" and " " not in alias else None)
            if first is not None and first.group(1) not in _NOT_FIRST_NAMES:
                continue  # 'Eric Trump', 'Bill Clinton': another person with the same surname
            if _longer_name(text, match):
                continue  # 'Kim Hee-sung', 'the North Korean leader', 'Trump Tower': a longer name
            # (a title is in the alias or in the words before: no title holds the line break between)
            near = alias.lower() + "\n" + text[max(0, start - 25):start].lower()[-14:]
            found.append(Mention(start, match.end(), self.entries[alias], alias, _titles_in(near)))
        return found


def _first_name_before(text: str, start: int):
    """``_FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)`` (``text[start - 1]`` a blank),
    searched only from the word before the blank ``$`` needs (at ``start - 1``, or before a final
    line break at ``start - 2``): a match's word holds no space."""
    lo = max(0, start - 30)
    blank = start - 1 if text[start - 1] == " " else max(0, start - 2)
    return _FIRST_NAME_BEFORE.search(text, max(lo, text.rfind(" ", lo, blank) + 1), start)


@lru_cache(maxsize=8192)   # (an article names the same voice with the same words before it many times)
def _titles_in(near: str) -> frozenset:
    """The personal titles written in ``near`` (an alias and the words before it, lower-cased)."""
    return frozenset([t for t in PERSONAL_TITLES if t in near])


def _longer_name(text: str, match: re.Match) -> bool:
    """A one-word alias ('Kim', 'Trump') or 'the North' followed by another capitalised word
    that is no weekday, month or cue verb ('Kim Hee-sung', 'the North Korean', 'Trump Tower')."""
    alias = match.group()
    if " " in alias and not alias.lower().startswith("the "):
        return False
    after = _NAME_AFTER.match(text, match.end())
    if after is None:
        return False
    word = after.group(1)
    return word not in WEEKDAYS and word not in _MONTHS and word.lower() not in cue_verbs()


@lru_cache(maxsize=1)
def default_alias_table() -> AliasTable:
    return AliasTable(None)


def resolve(description: str, position: int, entities: list[Mention]) -> Voice | None:
    """The last named voice before ``position`` compatible with ``description`` ("he", "it")."""
    types, gender, title, strict = descriptions().get(description.lower(), (frozenset(), "", "", False))
    if not types:   # nothing is compatible
        return Voice(title, "group") if title and strict else None
    if isinstance(entities, Entities):
        earlier = entities.before(position)
    else:
        earlier = sorted((m for m in entities if m.start < position), key=lambda m: m.start, reverse=True)
    compatible = (m for m in earlier if m.voice is not None and _compatible(m, types, gender))
    if title:
        # 'the President' -> a voice named with that title; 'the official' -> 'a South Korean official'
        seen = []
        for m in compatible:
            if title in m.titles or (m.text.lower().split() or [""])[-1] == title:
                return m.voice
            seen.append(m)
        if strict:   # 'the official' with no official named before: a generic voice, not the last person
            return Voice(title, "group")
        compatible = iter(seen)
    # a recent subject or speaker beats a more recent object ("Trump met Kim. He said ...")
    first = None
    for mention in compatible:
        if first is None:
            first = mention
        if mention.start < position - 600:
            break
        if mention.salient:
            return mention.voice
    return first.voice if first is not None else None


def _compatible(mention: Mention, types, gender) -> bool:
    voice = mention.voice
    kind = "organization" if voice.type == "group" else voice.type
    if kind not in types:
        return False
    return not (gender and voice.gender and voice.gender != gender)


def voice_for_name(name: str, entities: list[Mention]) -> Voice:
    """A voice for a capitalised name missing from the alias table ("Sen. Bernie Sanders")."""
    bare = _TITLE_PREFIX.sub("", name).strip()
    bare = _TITLE_PREFIX.sub("", bare).strip() or name
    words = bare.split()
    if len(words) == 1 and isinstance(entities, Entities):   # indexed: the same answer as the scan
        if bare in entities.last_person:
            return entities.last_person[bare]
        if bare in entities.first_person and bare not in _NOT_FIRST_NAMES:
            return entities.first_person[bare]
    elif len(words) == 1:  # a bare surname: the earlier full name that ends with it
        for mention in reversed(entities):
            voice = mention.voice
            if voice is not None and voice.type == "person" and voice.canonical.split()[-1] == bare:
                return voice
        if bare not in _NOT_FIRST_NAMES:
            for mention in reversed(entities):   # a family name first ('Ri' for 'Ri Yong Ho'), a first name
                voice = mention.voice
                if voice is not None and voice.type == "person" and len(voice.canonical.split()) > 1 \
                        and voice.canonical.split()[0] == bare:
                    return voice
    last = words[-1].lower().rstrip(".")
    kind = "organization" if last in _ORG_WORDS or bare.isupper() else "person"
    return Voice(bare, kind)
