"""Heads of speaker phrases: the person a subject phrase is about, not a name inside its modifiers.

Report stage (``_reported.REPORT_STAGES``), one function:

* :func:`person_before_affiliation`: "Robert Kelly of Pusan National University in South Korea
  warned": the full name that opens the subject speaks, not the place or government named last
  in its affiliation ("of ...", "at ...", "from ...").
"""

from __future__ import annotations

import re

from ._entities import within as _within
from ._model import Unit, rewrite_each, with_changes
from ._speakers import voice_for_name

# 'Given [M.] Surname of|at|from <affiliation without punctuation>' ending where the speaker's
# mention starts (searched at most _REACH characters back: each report costs the same)
_NAME_AFFILIATION = re.compile(r"(?<![\w’'.-])(?P<name>[A-Z][a-z][\w’'-]*(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w’'-]+)"
                               r"\s+(?:of|at|from)\s+[^,;:\"“”()\n]{1,80}$")
_REACH = 120
_OPENING = re.compile(r"(?:^|[.;:!?,—–(\n][\"”’]?)\s*$")


def person_before_affiliation(u: Unit) -> None:
    """A report whose speaker is no person ('South Korea') and whose subject opens with a person's
    full name followed by 'of', 'at' or 'from' and an affiliation that ends in that speaker
    ('Jane Roe of Seoul National University in South Korea said') is the person's: the
    affiliation names where she works, not who speaks. The name must open its clause (the unit's
    start or after punctuation) and be no voice the article names otherwise (a government)."""
    if not u.intervals:
        return   # (no report to rewrite)
    text = u.text

    def rewrite(iv, attr):
        if attr.mention_start <= u.start or attr.speaker_type == "person" or " & " in attr.speaker:
            return None
        m = _NAME_AFFILIATION.search(text, max(u.start, attr.mention_start - _REACH), attr.mention_start)
        if m is None or not _OPENING.search(text, max(u.start, m.start() - 3), m.start()) and m.start() > u.start:
            return None
        name = m.group("name")
        if any(e.voice is not None and e.voice.type != "person"
               for e in _within(u.entities, m.start("name"), m.end("name"))):
            return None   # ('North Korea of ...': a named government, no person)
        voice = voice_for_name(name, u.entities)
        if voice.type != "person":
            return None
        own = attr.source == attr.speaker
        return with_changes(attr, speaker=voice.canonical, source=(voice.channel or voice.canonical) if own
                            else attr.source, speaker_type="person", mention_start=m.start("name"),
                            mention_end=m.end("name"))

    rewrite_each(u, rewrite)
