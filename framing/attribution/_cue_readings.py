"""Cue readings of the reported-speech rules (``framing.attribution._reported``) that PolNeAR
train asked for: a cue rule for an outlet's pinned editor's note, and the subject a stance or
belief verb takes when no named voice or pronoun precedes it."""

from __future__ import annotations

import re

from ._model import Unit
from ._subjects import _clause_subject

_EDITORS_NOTE = re.compile(r"\s*Editor[’']s [Nn]ote:")


def in_editors_note(u: Unit, c) -> bool:
    """'Editor's note: Donald Trump is a serial liar ... who has repeatedly pledged to ban ...': a
    note the outlet pins to many articles is its own voice, not a report (PolNeAR leaves it)."""
    para = u.text.rfind("\n", 0, c.start) + 1
    return bool(_EDITORS_NOTE.match(u.text, para, c.start))


# not a subject: a conjunction or adverb opening the sentence ('While ...', 'There ...', 'Even after')
_NOT_SUBJECT = re.compile(r"(?:There|Here|It|This|That|What|When|While|As|If|Even|Also|But|And|So|Then|Yet|Still|"
                          r"Instead|However|Now|Later|After|Before|Since|Although|Though|Because)\b")
# a plural noun holds the stance ('Investors', 'Rival Republican candidates', '6 in 10 white men':
# irregular plurals too, PolNeAR train F1 0.7698 -> 0.7700); a name the
# subject rules did not take is mostly not the subject
_VOICE_HEAD = re.compile(r"(?:\b[A-Z][a-z]+[a-rt-z]s|[a-z]{3,}[a-rt-z]s|\b(?:[a-z]*men|people|children))$")


def plural_subject(text: str, lo: int, cue_start: int):
    """'Rival Republican candidates have long criticized ...', 'Many voters feel ...': a short
    stretch opening a stance, belief or weak speech verb's clause that ends in a plural noun
    speaks through it, as any stretch does for a speech verb (:func:`_clause_subject`); not one
    opening with 'While', 'There', 'Even'. On PolNeAR train: content F1 0.757 -> 0.760 (recall
    0.700 -> 0.707, precision 0.825 -> 0.822); any stretch, names included, reached F1 0.765 but
    precision 0.811 (more spurious than found)."""
    m = _clause_subject(text, lo, cue_start)
    if m is None or _NOT_SUBJECT.match(m.text) or not _VOICE_HEAD.search(m.text):
        return None
    return m
