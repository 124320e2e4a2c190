"""Verb words between a subject and its cue that the cue left out ('doesn’t see', 'voiced
support', 'refusing to', 'began'), and the words before an infinitive ('stood at a rally here to
say', 'hired a lawyer to argue'): ``_subjects.subject_before`` looks past them to the subject.
"""

from __future__ import annotations

import re

from ._clause_subjects import _PREPOSITIONS
from ._name_words import last_word
from ._vocab import (ADVERBS_ALONE, ADVERBS_BEFORE_VERB, HINGES, LY_ADVERB, PUBLISHING_VERBS, TAIL_ADVERBS,
                     alternation, speaking_nouns)


# verb words between a subject and a cue that the cue left out: auxiliaries, negations, adverbs,
# a light verb before a cue noun ('voiced support'), a participle with its 'to' ('refusing to')
# (not 'is', 'was': 'Sanders is viewed ... by' is passive, its subject no speaker; not 'could':
# 'North Korea could seek a new path' is no report)
# (the adverbs of verb_tails.csv, or an -ly adverb)
_ADVERB = r"(?:" + alternation(ADVERBS_BEFORE_VERB) + "|" + LY_ADVERB + ")"
_ADVERBS = r"(?:\s+" + _ADVERB + ")*"
_VERB_WORD = (r"(?:\s+(?:(?:do|does|did|has|have|had)(?:n[’']t)?|"
              r"[a-z]+n[’']t|having|voiced|expressed|offered|issued|lent|gave|made|began|started|continued|kept|"
              r"[a-z]+ing\s+to|[a-z]{3,}ing))")
_VERBAL_TAIL = re.compile(_ADVERBS + _VERB_WORD + r"(?:" + _VERB_WORD + r"|\s+" + _ADVERB + r")*$")
# adverbs alone between a subject and a cue the cue left out ('Mr. Hale seldom speaks of', 'Hale now says')
_ADVERB_TAIL = re.compile(r"(?<=[\w.’'),])(?:\s+(?:" + alternation(ADVERBS_ALONE) + "|" + LY_ADVERB + r"))+$")
# a participle and its preposition before a name ('A source speaking to the Herald said': the
# name is the participle's object)
_PARTICIPLE_LINK = re.compile(r"(?<=\w)\s+[a-z]{3,}ing\s+(?:to|with|for|from|on)\s+(?:the\s+)?$")
# a verb that puts out a text, then the text (a few words, no clause break) before its 'that'
_RELEASED_BEFORE = re.compile(r"(?<=[\w,])\s+(?:" + alternation(PUBLISHING_VERBS) + r")\s+(?:[\w’'.-]+\s+){1,6}$")
# verb words a cue goes on from ('trying to', 'began')
_CATENATIVE_END = re.compile(r"(?:ing\s+to|\bbegan|\bstarted|\bcontinued|\bkept)$")
# a comma, then a verb phrase (a lower-case word, then up to eight words and no clause word) and
# 'to' ('..., stood at a rally here to'); group 1: the word before 'to'
_PURPOSE_TO = re.compile(r"(?<=,)\s+[a-z]{3,}(?:\s+(?!(?:who|which|that|and|but|or|is|are|was|were|to)\b)"
                         r"[\w’'-]+){0,7}\s+([\w’'-]+)\s+to$")
# a verb's object right before 'to' ('hired a lawyer to', 'sent an aide to'), with the word before it
_OBJECT_BEFORE_TO = re.compile(r"(?:^|\s)(?P<before>[\w’'-]+)\s+(?P<object>(?:a|an|the|his|her|their|its|our)\s+"
                               r"(?P<noun>[\w’'-]+))\s+to$")


def _object_before_to(text: str, lo: int, end: int) -> re.Match | None:
    """The determined noun right before 'to' at ``end`` when it is a verb's object that can speak
    (a description title or an organisation word: 'hired a lawyer to argue', 'appointed a panel
    to say'): the object does the speaking, not the subject ('used the comments to urge' and
    'stood at a rally to say' keep the subject's)."""
    found = _OBJECT_BEFORE_TO.search(text, lo, end)
    if found is None or found.group("before").lower() in _PREPOSITIONS:
        return None
    noun = found.group("noun").lower()
    return found if noun in speaking_nouns() or (noun.endswith("s") and noun[:-1] in speaking_nouns()) else None


_HINGE_BEFORE = re.compile(r"(?:,\s*|\b)(" + alternation(HINGES) + ")$")
_PARTICIPLE_TAIL = re.compile(r",\s+(?:[a-z]+ly\s+)?(?:having|[a-z]{3,}ing(?:\s+to)?)(?:\s+[a-z]+ly)?$")
_VERBAL_LAST = frozenset("do does did has have had having voiced expressed offered issued lent gave made began "
                         "started continued kept to".split()) | TAIL_ADVERBS
_VERBAL_SUFFIXES = ("ing", "ly", "n’t", "n't")


def _may_end_verbal(window: str) -> bool:
    """False when ``_VERBAL_TAIL`` cannot match at the window's end."""
    word = last_word(window)
    return word in _VERBAL_LAST or word.endswith(_VERBAL_SUFFIXES)
