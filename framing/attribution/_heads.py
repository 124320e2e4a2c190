"""Heads of speaker phrases: the person a subject phrase is about, not a name inside its modifiers.

Report stage (``_report_stages.REPORT_STAGES``), one function:

* :func:`person_before_affiliation`: "Ann Ford of the Institute for Peace in Seoul
  warned", "Bremmer in a post on Twitter quoted": the person's name that opens the subject
  speaks, not the place, government or site named last in its affiliation or adjunct ("of ...",
  "at ...", "from ...", "in ...").
"""

from __future__ import annotations

import re

from ._entities import within as _within
from ._model import Unit, rewrite_each, with_changes
from ._speakers import voice_for_name

# 'Given [M.] Surname of|at|from <affiliation without punctuation>' ending where the speaker's
# mention starts (searched at most _REACH characters back: each report costs the same)
_NAME_AFFILIATION = re.compile(r"(?<![\w’'.-])(?P<name>[A-Z][a-z][\w’'-]*(?:(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w’'-]+)?)"
                               r"\s+(?P<prep>of|at|from|in)\s+[^,;:\"“”()\n]{1,80}$")
_REACH = 120
# the subject phrase opens the unit or follows a clause mark (no name earlier in the sentence to own it)
_OPENING = re.compile(r"(?:^|[.;:!?,—–(\n][\"”’]?)\s*$")


def person_before_affiliation(u: Unit) -> None:
    """A report whose speaker is no person ('South Korea') and whose subject opens with a person's
    full name (or a surname the alias table or article knows) followed by 'of', 'at', 'from' or
    'in' and words that end in that speaker ('Jane Roe of Seoul National University in South
    Korea said', 'Roe in a post on Twitter wrote') is the person's: the words name where she
    works or how she spoke, not who speaks. The name must open its clause (the unit's
    start or after punctuation) and be no voice the article names otherwise (a government)."""
    text = u.text
    for iv in u.intervals:   # (a place, government or site is a capitalised name after the person's)
        attr = iv.attr
        if attr.speaker_type != "person" and attr.mention_start > u.start + 6 and text[attr.mention_start].isupper():
            break
    else:
        return   # (no report whose speaker may sit inside an affiliation: most units, a plain loop)

    def rewrite(iv, attr):
        if attr.mention_start <= u.start + 6 or attr.speaker_type == "person" or " & " in attr.speaker \
                or not text[attr.mention_start].isupper():
            return None
        m = _NAME_AFFILIATION.search(text, max(u.start, attr.mention_start - _REACH), attr.mention_start)
        if m is None or not _OPENING.search(text, max(u.start, m.start() - 3), m.start()) and m.start() > u.start:
            return None
        name = m.group("name")
        named = [e.voice for e in _within(u.entities, m.start("name"), m.end("name")) if e.voice is not None]
        if any(voice.type != "person" for voice in named):
            return None   # ('North Korea of ...': a named government, no person)
        voice = named[-1] if named else voice_for_name(name, u.entities)
        if voice.type != "person" or " " not in name and not voice.gender:
            return None   # (one word: a person the alias table or the article knows, 'Bremmer')
        own = attr.source == attr.speaker
        return with_changes(attr, speaker=voice.canonical, source=(voice.channel or voice.canonical) if own
                            else attr.source, speaker_type="person", mention_start=m.start("name"),
                            mention_end=m.end("name"))

    rewrite_each(u, rewrite)
