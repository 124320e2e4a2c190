"""Cue readings of the reported-speech rules (``framing.attribution._reported``) that PolNeAR
train asked for: cue rules for an outlet's pinned editor's note, for 'support' as a noun and for
a passive announcement with no agent, the words before a speaker's name, and the subject a verb
takes when no named voice or pronoun precedes it (a plural stretch, a stretch right before a
stance verb, a name before a stretch set off by commas)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ._boundaries import _words
from ._clause_subjects import _clause_subject
from ._cues import cue_word
from ._grammar import _content_end, _content_start
from ._layout import _covered, _inside
from ._model import Interval, Unit, _attribution
from ._passive import _BY_AGENT_AFTER, _PASSIVE_BE
from ._speakers import Mention
from ._vocab import AUXILIARIES, AUXILIARY, BE_FORM, PASSIVE_ANNOUNCEMENT_VERBS, ROLE_WORDS, SPEAKER_PRONOUNS, SUBJECT_PRONOUNS, descriptions

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


# between a stance subject and its verb: punctuation or a relative pronoun (the stretch is no
# subject), a 'be' or 'do' or 'to' (a passive, a question, an infinitive: 'the bill was backed')
_STRETCH_GAP = re.compile(r"[,;:(\"“”—–]|\b(?:who|whom|which|that|to|do|does|did|" + BE_FORM + r")\b")
_BE_IN_CUE = re.compile(r"\b(?:" + BE_FORM + r")\b")
# a stretch opening with a relative, a subordinator, an expletive, a number or a quote is no voice
_NOT_STRETCH_SUBJECT = re.compile(r"(?i:which|who|what|saying|as|rather|here|there|it|while|when|if|this|that)\b|''|\d")
_PAST_VERB = re.compile(r"[a-z]+ed")
_PARTICIPLE = re.compile(r"[a-z]+ing")   # ', inciting the crowd while talking about': no subject
_BRACKET_OR_DASH = re.compile(r"[()\[\]]|--")   # '(KCNA) -- Rodong Sinmun in an article accuses'
# what may stand between the stretch and its verb besides auxiliaries and -ly adverbs
_GAP_ADVERBS = frozenset("not also long never still".split())
# cue forms that after a stretch are mostly its nouns ('low-carbon projects', 'financial backing')
_STRETCH_NOUNS = frozenset("projects questions question backing plans support talks".split())


def stance_stretch_subject(text: str, lo: int, c):
    """'The Republican front-runner has long criticized ...', 'Few on either side think ...': the
    stretch opening a stance, belief or weak speech verb's clause speaks through it when only
    auxiliaries and adverbs stand between them (no comma, relative pronoun, passive 'be', 'do' or
    'to': not 'the bill was backed', 'X has elementary thinking'); not a stretch opening with a
    relative, subordinator, expletive, number or participle, nor one holding brackets, 'while'
    or a past tense after its first word ('X regretted supporting'); a lone word is a pronoun.
    On PolNeAR train: content F1 0.77218 -> 0.77310 (recall 0.7234 -> 0.7261, precision 0.8280
    -> 0.8266), speaker accuracy 0.8910 -> 0.8903; any stretch reached F1 0.7773 but speaker
    accuracy 0.8855 (a stretch cut by a comma or relative pronoun is mostly no subject)."""
    m = _clause_subject(text, lo, c.start)
    if m is None:
        return None
    words = m.text.split()
    if len(words) == 1 and m.text.islower() and m.text not in SPEAKER_PRONOUNS | {"who"}:
        return None   # 'having', 'began': a lone lower-case word is no subject
    gap = text[m.end:c.start].split()
    if (_STRETCH_GAP.search(text, m.end, c.start) or len(gap) > 3 or _BRACKET_OR_DASH.search(m.text)
            or not all(w.lower() in AUXILIARIES or w in _GAP_ADVERBS or w.endswith("ly") for w in gap)
            or _BE_IN_CUE.search(text, c.start, c.end) or _NOT_STRETCH_SUBJECT.match(m.text)
            or any(_PAST_VERB.fullmatch(w) for w in words[1:]) or _PARTICIPLE.fullmatch(words[0])
            or "while" in words or cue_word(text, c) in _STRETCH_NOUNS):
        return None
    return m


def long_speech_subject(u: Unit, c) -> Mention | None:
    """'Dock workers clamoring to block the toll from the harbour plan say ...': a speech verb's
    clause may open with a long subject (up to 16 words), when it holds no brackets or dashes (a
    dateline: 'Pyongyang, May 2 (KCNA) -- ...') and no cue of its own ('The editorial said Park
    claimed'); the caller leaves out noun-like cue forms. On PolNeAR train: F1 0.77327 ->
    0.77398, speaker accuracy 0.89101 -> 0.89080 (without the bracket and cue tests: F1 0.77417,
    but KCNA datelines spoke; 14 words: 0.77408, 20: 0.77404; 16 words for every verb: 0.77411,
    speaker 0.8903)."""
    m = _clause_subject(u.text, u.start, c.start, max_words=16)
    if m is None or _BRACKET_OR_DASH.search(m.text) or any(m.start <= o.start < c.start for o in u.cues):
        return None
    return m


# where the clause holding 'reportedly' starts and ends: a clause boundary before and after it
_CLAUSE_MARK = re.compile(r"[,;:(—–]\s|\s[—–]\s|--\s")   # (and a dateline: "Pyongyang, May 2 (KCNA) -- ")
_CLAUSE_BOUNDARY = re.compile(r"[,;:)—–](?:\s|$)|\s(?:and|but|while|because|although|though|whereas)\s")


def reportedly(u: Unit, c) -> bool:
    """'The group is reportedly spending $1 million on ads': an evidential adverb reports its whole
    clause, subject included, for no named voice (as PolNeAR annotates it); 'reportedly said'
    is the verb's (its auxiliary, read with the verb). On PolNeAR train: F1 0.77658 -> 0.77676,
    speaker accuracy 0.89152 -> 0.89146 (29 occurrences in train, 19 of them gold cue words)."""
    if c.verb.lemma != "reportedly":
        return False
    if any(o is not c and o.start <= c.start < o.end for o in u.cues):
        return True   # 'reportedly said': the verb reports
    text = u.text
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, u.start, c.start) if not _inside(m.start(), u.spans)]
    if marks and not text[marks[-1]:c.start].strip():
        marks = marks[:-2]   # 'Members, including A and B, reportedly met': the inserted phrase's commas
    start = _content_start(text, marks[-1] if marks else u.start, c.start)
    stop = next((m.start() for m in _CLAUSE_BOUNDARY.finditer(text, c.end, u.end) if not _inside(m.start(), u.spans)), u.end)
    end = _content_end(text, start, stop)
    if _words(text, start, end, 4) and not _covered(start, end, u.direct_spans):
        u.intervals.append(Interval(start, end, "indirect", _attribution(text, c, None, confidence=0.4)))
    return True


# after the noun 'support': a preposition of the noun or the clause's end ('draws support among')
_SUPPORT_NOUN_AFTER = re.compile(r"\s*(?:[,:;.]|(?:for|among|from|overall)\b)")


def support_noun(u: Unit, c) -> bool:
    """'rallying grassroots support to ...', 'draws support among union members', 'bipartisan
    support for the bill': 'support' followed by a comma, a colon or 'for', 'among', 'from',
    'overall' is the noun, no report ('voters support the bill' is the verb). On PolNeAR train:
    content F1 0.77013 -> 0.77044 (precision 0.8249 -> 0.8260); the same test for 'praise',
    'backing', 'call', 'demand', 'promise', 'pledge', 'vow', 'attack' gained nothing more."""
    return (c.kind == "verb" and c.end - c.start == len("support") and cue_word(u.text, c) == "support"
            and _SUPPORT_NOUN_AFTER.match(u.text, c.end, u.end) is not None)


_THE_BEFORE = re.compile(r"\s(?:the|The)$")
# ', foreign ministry spokesman' before a name: a comma, then a title of up to six words
_TITLE_AFTER_COMMA = re.compile(r",\s+((?:[\w’'.-]+\s+){0,5}([a-z]+))\s*$")
# the last word of a title: an office, a description's head or a trade that titles a name ('strategist')
_TITLE_HEADS = ROLE_WORDS | frozenset(d.split()[-1] for d in descriptions()) | frozenset(
    "strategist pollster activist official officials leader candidate analyst professor".split())
_NOT_IN_TITLE = frozenset("and or but while when as if because so that which who whom said says told".split())


def _lead_before(text: str, start: int, mention_start: int) -> str:
    """The unit's words before a speaker's mention, without a trailing blank or 'the' that is no
    part of the mention ('..., the Post said.': the name found is 'Post'), nor a title after a
    comma ('..., foreign ministry spokesman Ali Reza said.': the lead ends at the comma). The
    title: PolNeAR train F1 0.77940 -> 0.77952 (any
    lower-case word before the name: 0.77938; offices only: 0.77946)."""
    lead = text[start:mention_start].rstrip()
    if lead.endswith(("the", "The")) and (the := _THE_BEFORE.search(lead)):
        lead = lead[:the.start()].rstrip()
    elif lead[-1:].islower() and (title := _TITLE_AFTER_COMMA.search(lead, max(0, len(lead) - 80))) is not None:
        if title.group(2) in _TITLE_HEADS and not _NOT_IN_TITLE.intersection(title.group(1).lower().split()):
            lead = lead[:title.start() + 1]
    return lead


# ', the party's nominee,' / ', in an interview on Saturday,': a stretch set off by commas
_APPOSITIVE_GAP = re.compile(r",\s+[^,;:\"“”]{2,80},\s*")


def _subject_before_appositive(u: Unit, c) -> Mention | None:
    """'Mr. Trump, in a brief interview on Saturday, said ...': a named voice opening the unit,
    then a stretch set off by commas right before the cue, is the cue's subject. On PolNeAR
    train: F1 0.77085 -> 0.77091, speaker accuracy kept (0.8847)."""
    first = bisect_left(u.entity_starts, u.start)
    for m in u.entities[first:first + 3]:
        if m.start >= min(u.start + 4, c.start):
            break
        gap = _APPOSITIVE_GAP.match(u.text, m.end, c.start)
        if m.voice is not None and gap is not None and gap.end() == c.start:
            return m
    return None


# where the subject starts: after the last clause mark before 'be'; where it ends: before auxiliaries
_LAST_AUXILIARY = re.compile(r"\s(?:" + AUXILIARY + r"|so\s+far|also|not|now|already)$", re.IGNORECASE)
_SUBJECT_MARKS = (",", ";", "—", "(", "--", ":")
_NOUN_COMPLEMENT = re.compile(r"\s+(?:the|a|an)\s")


def passive_announcement(u: Unit, c) -> bool:
    """'The winners will be announced on Saturday', 'Symbolic gestures were announced': a passive
    speech act with no agent ('announced', 'declared', 'requested', 'argued') reports its subject
    for no named voice (as PolNeAR annotates it). On PolNeAR train: F1 0.78038 -> 0.78052
    (recall 0.7388 -> 0.7391), speaker accuracy kept (0.89301)."""
    if c.verb.lemma not in PASSIVE_ANNOUNCEMENT_VERBS:
        return False
    text = u.text
    # (the bounded search finds what _passive_without_agent's search from the unit's start finds
    # within 30 characters: its pattern ends at the cue)
    be = _PASSIVE_BE.search(text, max(u.start, c.start - 30), c.start)
    if be is None or not cue_word(text, c).endswith("ed") or _BY_AGENT_AFTER.match(text, c.end, u.end) \
            or _NOUN_COMPLEMENT.match(text, c.end):
        return False   # ('was declared the winner', 'a disaster zone': a small clause, nothing said)
    lo = max([u.start] + [at + len(mark) for mark in _SUBJECT_MARKS if (at := text.rfind(mark, u.start, be.start())) >= 0])
    start = _content_start(text, lo, be.start())
    end = _content_end(text, start, be.start())
    while (aux := _LAST_AUXILIARY.search(text, start, end)) is not None:
        end = _content_end(text, start, aux.start())   # 'will be announced', 'have so far been requested'
    if _words(text, start, end, 1) and text[start:end].lower() not in SUBJECT_PRONOUNS \
            and not _covered(start, end, u.direct_spans):
        u.intervals.append(Interval(start, end, "indirect", _attribution(text, c, None, confidence=0.4)))
    return True
