"""The report stage for stance nouns with a possessor ('his support for a wall', 'Trump's
criticism of the deal'): it fires without a cue word (``trigger``, see
``framing.attribution._segments.analyse_unit``)."""

from __future__ import annotations

import re

from ._boundaries import _words
from ._cues import Cue
from ._entities import within as _within
from ._grammar import _content_end
from ._layout import _covered, _inside, may_match
from ._model import Interval, Unit, _attribution
from ._speakers import Mention, resolve, voice_for_name
from ._subjects import subject_before
from ._vocab import (CAPITALISED_OPENERS, HONORIFICS, RECEIVING_VERBS, STANCE_PHRASES, THIRD_PERSON,
                     UNOWNED_STANCE_NEEDS, VOICING_VERBS, CueVerb, alternation, trie)

# the stance phrases ('support for', 'criticism of') come from stance_nouns.csv
_POSSESSED_STANCE = re.compile(
    r"\b(?P<who>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}[’']s)\s+"
    r"(?:(?:\w+ly|strong|vocal|public|open|early|continued|repeated|renewed|own|latest|recent)\s+)?"
    r"(?P<cue>" + trie(STANCE_PHRASES) + r")\s+")
# in every match (a blank before and after the noun): a faster scan finds where one can be
_STANCE_CUE = re.compile(r"\s" + trie(STANCE_PHRASES) + r"\s")
# (not the period of a title: 'support for Mr. Ross')
_CLAUSE_STOP = re.compile(r"(?:[,;:!?)—–]|" + "".join(f"(?<!\\b{h})" for h in HONORIFICS) + r"\.)(?:\s|$)")
# an owned stance noun's object ends where its clause ends or at a conjunction or finite verb
_OBJECT_STOP = re.compile(_CLAUSE_STOP.pattern + r"|\s(?:and|but|which|who|while|because|when|after|as|has|have|had|"
                          r"is|are|was|were|will|would)\b")
_STANCE_NOUN = CueVerb("support", False, 0.45, "stance")

_POSSESSOR = {"his": "he", "her": "she", "their": "they", "its": "it"}


def possessed_stance(u: Unit) -> None:
    """'his support for a wall', 'Trump's criticism of the deal': a stance noun with a possessor
    reports its object for the possessor (a pronoun resolves like 'he')."""
    text = u.text
    if not may_match(_STANCE_CUE, text, u.start, u.end):
        return   # (most units: no stance noun)
    for found in _POSSESSED_STANCE.finditer(text, u.start, u.end):
        start = found.end()
        if _inside(found.start(), u.spans) or any(iv.start <= start < iv.end for iv in u.intervals):
            continue
        stop = (_CLAUSE_STOP if found.group("cue").endswith("that") else _OBJECT_STOP).search(text, start, u.end)
        end = _content_end(text, start, stop.start() if stop else u.end)
        if not _words(text, start, end, 1) or _covered(start, end, u.direct_spans):
            continue
        who = found.group("who")
        if who.lower() in _POSSESSOR:
            voice = resolve(_POSSESSOR[who.lower()], found.start(), u.entities)
        else:
            name = re.sub(r"[’']s$", "", who)
            voice = voice_for_name(name, u.entities)
        mention = (who.lower() in _POSSESSOR and _subject_of_verb_before(u, found.start("who"), voice)) or Mention(
            found.start("who"), found.end("who"), voice, who)
        cue = Cue(found.start("cue"), found.end("cue"), _STANCE_NOUN)
        u.intervals.append(Interval(start, end, "indirect", _attribution(text, cue, mention, confidence=0.45)))


# the subject of a short verb group right before the possessor ('she escalated her attacks on',
# 'Cruz reboots his attacks on'): no noun, article or preposition between (not 'criticised Trump over his')
_VERB_BEFORE = re.compile(r"(?<![\w’'])(?P<subj>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'.-]*)\s+"
                          r"(?:(?!(?:to|of|for|with|by|that|and|or|but|who|which|than|over|about|the|a|an|as|at|from|"
                          r"into|he|she|they)\b)[a-z][\w’'-]*\s+){1,4}$")


def _subject_of_verb_before(u: Unit, pos: int, voice) -> Mention | None:
    """The clause's subject, PolNeAR's source, when the possessor is the same voice right after its
    verb ('He has stepped up his attacks on X' -> He; PolNeAR train speaker accuracy +0.0003)."""
    if voice is None or (found := _VERB_BEFORE.search(u.text, max(u.start, pos - 60), pos)) is None:
        return None
    start, end = found.span("subj")
    if found.group("subj").lower() in _SUBJECT_PRONOUNS:
        return Mention(start, end, voice, found.group("subj"))
    named = next((m for m in _within(u.entities, start - 40, end) if m.end == end), None)
    same = named is not None and named.voice is not None and named.voice.canonical == voice.canonical
    return named if same else None


_SUBJECT_PRONOUNS = THIRD_PERSON - {"it"}   # (he, she, they: pronouns.csv; "it" names a thing as often)

# a stance noun with no possessor after the verb of a named subject ('Ross opened with a call for a
# recount', 'he rose to the defense of X'); not the nouns that are also verbs ('vowed to', 'pledge to')
# nor 'the endorsement of X' (mostly X endorses: 'won the endorsement of the union'): stance_nouns.csv
_OPEN_PHRASES = tuple(p for p in STANCE_PHRASES if UNOWNED_STANCE_NEEDS[p.split()[0]] != "no")
# what must stand before a role noun ('is a critic of', 'remains a fierce critic of', 'cast herself as a
# defender of') or a feeling noun ('raised concerns about') for it to report for the clause's subject
_NEEDED_BEFORE = {
    "be": re.compile(r"(?<![\w’'])(?:is|are|was|were|been|be|being|became|becomes|become|remains?|remained|as)\s+"
                     r"(?:(?:among\s+)?(?:a|an|the|one|of)\s+)?(?:[\w-]+\s+){0,4}$"),
    "voiced": re.compile(r"(?<![\w’'])(?:" + alternation(VOICING_VERBS) + r")\s+(?:[\w-]+\s+){0,3}$"),
}
# a subject that receives or meets the stance ('faced criticism of', 'drew praise for': receiving_verbs.csv) holds none
_RECEIVED = re.compile(r"\b(?:" + alternation(RECEIVING_VERBS) + r")\s+(?:up\s+|with\s+)?"
                       r"(?:(?:the|a|an|some|much|no|fresh|new|growing|broad|strong|widespread|bipartisan)\s+)*$")
_UNOWNED_STANCE = re.compile(r"\s(?P<cue>" + trie(_OPEN_PHRASES) + r")\s")
# a possessor up to three words before the noun ('His latest public comment on'): possessed_stance's
_OWNER_BEFORE = re.compile(r"(?:(?<![\w’'])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our)|[’']s|s[’'])\s+(?:[\w-]+\s+){0,3}$")
_CLAUSE_MARK = re.compile(r".*[,;:(—–]", re.S)   # (the last mark before the noun: its clause starts after it)
# a stance noun opens no subject ('Opposition to X has galvanized supporters of Y'; 'It' does: F1 -0.00006)
_NO_SUBJECT = frozenset(p.split()[0] for p in STANCE_PHRASES)
_POSSESSIVE = re.compile(r"[’']s?$")
_FIRST_LOWER = re.compile(r"(?<![\w’'.-])[a-z]")


def _opening_voice(u: Unit, pos: int) -> Mention | None:
    """The subject opening the clause before ``pos``: the words before its first lower-case word
    (the verb), when they name a voice or are a pronoun ('he', 'she', 'they')."""
    text = u.text
    lo = u.start
    if (mark := _CLAUSE_MARK.match(text, u.start, pos)) is not None:
        lo = mark.end()
    verb = _FIRST_LOWER.search(text, lo, pos)
    if verb is None or verb.start() - lo > 60:
        return None
    m = subject_before(text, verb.start(), lo, u.by_end, u.entities)
    if m is None or text[lo:m.start].strip(" \"“'‘") or _POSSESSIVE.search(m.text):
        return None   # (not 'Clinton’s decisions during the attacks on')
    first = m.text.split()[0]
    if m.text.lower() not in _SUBJECT_PRONOUNS and (m.voice is None or not m.text.istitle() or first in CAPITALISED_OPENERS
                                                    or first.endswith(("ly", "ing")) or first.lower() in _NO_SUBJECT):
        return None   # a name: not 'Gathering broad support for', 'Earlier this week', 'Roughly', 'Opposition'
    if _RECEIVED.search(text, m.end, pos):
        return None
    return m


def unowned_stance(u: Unit) -> None:
    """'Ross opened with a call for a recount', 'Lee made comments about the deal': a stance noun with
    no possessor reports its object for the name or pronoun opening its clause (with none, as in
    'Opposition to the deal grew', PolNeAR credits a voice we cannot name: no report). PolNeAR train
    F1 0.78210 -> 0.78251, speaker accuracy 0.89514 -> 0.89517 (with no subject too: F1 0.78279,
    speaker accuracy 0.89379)."""
    text = u.text
    if not may_match(_STANCE_CUE, text, u.start, u.end):
        return   # (the whole-text scan possessed_stance reads: every match of ours is one of its)
    for found in _UNOWNED_STANCE.finditer(text, u.start, u.end):
        start = found.end()
        if (_OWNER_BEFORE.search(text, max(u.start, found.start() - 50), found.start("cue"))
                or _inside(found.start("cue"), u.spans) or any(iv.start <= start < iv.end for iv in u.intervals)):
            continue
        needed = _NEEDED_BEFORE.get(UNOWNED_STANCE_NEEDS[found.group("cue").split()[0]])
        if needed is not None and not needed.search(text, max(u.start, found.start("cue") - 60), found.start("cue")):
            continue   # ('Lee met critics of the plan', 'brushed off concerns about')
        stop = (_CLAUSE_STOP if found.group("cue").endswith("that") else _OBJECT_STOP).search(text, start, u.end)
        end = _content_end(text, start, stop.start() if stop else u.end)
        if not _words(text, start, end, 1) or _covered(start, end, u.direct_spans):
            continue
        mention = _opening_voice(u, found.start("cue"))
        if mention is None:
            continue
        cue = Cue(found.start("cue"), found.end("cue"), _STANCE_NOUN)
        u.intervals.append(Interval(start, end, "indirect", _attribution(text, cue, mention, confidence=0.4)))


unowned_stance.trigger = _UNOWNED_STANCE   # fires without a cue word, as possessed_stance does
unowned_stance.trigger_hint = _STANCE_CUE

possessed_stance.trigger = _POSSESSED_STANCE  # fires without a cue word: see _segments.analyse_unit
possessed_stance.trigger_hint = _STANCE_CUE   # (every trigger match overlaps a match of the hint)
