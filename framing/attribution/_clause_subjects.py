"""Subjects found elsewhere in a clause than right before a cue: the clause's subject ('...,
adding that'), the subject that opens a unit or the main clause (a participle's subject, '[Carson]
said ..., insisting'), a subject after an opening participle phrase, the last subject pronoun, and
a document that speaks ('a new poll found').
"""

from __future__ import annotations

import re

from ._entities import within as _within
from ._layout import WORD
from ._name_words import TIME_WORDS
from ._speakers import Mention, Voice, resolve, voice_for_name
from ._vocab import (AUXILIARIES, AUXILIARY, EVIDENCE_NOUNS, GROUP_DETERMINER, MONTH, OPENING_ADVERB, SPEAKER_PRONOUNS,
                     SUBORDINATORS, WEEKDAY, alternation, description_pattern)

_PRONOUNS = SPEAKER_PRONOUNS

# (compiled once: the rules run on every cue)
_QUOTE_CHAR = re.compile(r"[\"“”]")
_QUOTE_CHAR_OR_STOP = re.compile(r"[\"“”;:]")
_NON_SPACE_RUN = re.compile(r"\S+")
_CAPITAL_WORDS = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*")
_FIRST_WORD = re.compile(r"^\w+\s+")

_SUBJECT_LEAD = re.compile(r"(?:\W*(?:[A-Z]\w+ly|" + OPENING_ADVERB + r"|But|And),?\s+)?"
                           r"(?:(?:In|On|At|For|After|Before|During|Since|With)\s+[^,]{1,30},\s+)?")
# before a subject: also a longer opening phrase ('Amid protests in the city, Sanders said')
_SUBJECT_LEAD_WIDE = re.compile(r"(?:[A-Z]{2,}[A-Z.,\s]{0,40}?(?:,\s+[A-Z][a-z]+\.?(?:\s+\d+)?)?(?:\s+\([\w ]+\))?"
                                r"\s*[―—–-]+\s*)?"   # a dateline 'WASHINGTON ― ', 'BUENA PARK, Calif. - '
                                r"(?:\W*(?:(?:More|Most|Much|Even|Very|Only)\s+[a-z]+ly|[A-Z]\w+ly|" + OPENING_ADVERB +
                                r"|But|And|So|Today|To wit|Of course|In fact|After all),?\s+)?"
                                r"(?:(?:(?:In|On|At|For|After|Before|During|Since|With|Without|Amid|Absent|Of|To|Here|There|Where|While|"
                                r"When|Although|Though|Despite|Like|Unlike|Following|Asked|Pressed|Back|Last|As|By|Once|"
                                r"Upon|Under|Over|Through|Throughout|Within|Even|If|Because|Until|Hours|Days|Weeks|Months|"
                                r"Years|Ever|Outside|Inside|Along|Alongside|Across|Around|Among|Beyond|Behind|Near|Against|"
                                r"Toward|Towards|(?:\w+\s+){1,3}(?:after|before|ago|later|earlier))\b"
                                # 'Reached by phone, Hill ...': a participle phrase
                                r"[^,;:\"“”]{0,100}|[A-Z][a-z]+(?:ing\b|ed\s+(?:by|about|on|for|at|in|with|to)\b)"
                                r"[^,;:\"“”]{0,100}|In\s+[^,]{1,30}),\s+"
                                # more of it: 'At an event in Ames, Iowa, on Sunday, Mrs. Clinton'
                                r"(?:(?:[A-Z][\w.]+,\s+)?(?:on|last|this|earlier|later)\b[^,;:\"“”]{0,60},\s+){0,2})?"
                                # 'On Sunday morning Mr. Trump ...', 'The next day, ...'
                                r"(?:(?:(?:On|Early|Late|Last|This|By|Later|Earlier|The next|That)\s+)?(?:" + WEEKDAY +
                                "|" + MONTH + r"|"
                                r"day|week|month|year|night|morning)(?:\s+(?:morning|afternoon|evening|night|\d{1,2}))?,?\s+"
                                r"(?=[A-Z]|he\b|she\b|they\b))?")
_FUNCTION_WORDS = frozenset("a an the his her their its our my your to of in on at for with by from and or but "
                            "that which who as is was were are be been has have had not".split())
_AUXILIARIES = frozenset(AUXILIARIES) | frozenset("to ’s ’re ’ve".split())
_CONTRACTED = re.compile(r"n[’']t$|^(?:it|that|there|he|she|what|who)[’']s$", re.IGNORECASE)   # "hasn't", "It's"
_PREPOSITIONS = frozenset("in on at for with by from to of after before during under over into "
                          "through without against among outside inside along across around beyond behind near "
                          "toward towards amid despite".split())
# a clause boundary: a mark, a coordinator, 'that', or a subordinator of openers.csv (any case:
# 'Until officials confirm ...' opens with one)
_CLAUSE_START = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:and|but|that|so|(?i:" + alternation(SUBORDINATORS) + r"))\s+)(?=\S)")


def _last_clause(text: str, lo: int, cue_start: int, boundary: re.Pattern) -> tuple[int, int]:
    """The stretch from the last clause boundary before a cue to the cue (trailing ' ,' off)."""
    start = lo
    for m in boundary.finditer(text, lo, cue_start):
        start = m.end()
    end = cue_start
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _clause_subject(text: str, lo: int, cue_start: int, max_words: int = 10, entities=None) -> Mention | None:
    """The words from the clause's start to a speech verb, when short enough to be its subject
    (at most ``max_words``). With ``entities``, capitalised words that name a voice the alias
    table or the article knows ('Kim is reported to have ...' -> Kim Jong Un) keep that voice."""
    lead = _SUBJECT_LEAD_WIDE.match(text, lo, cue_start)
    lo = lead.end() if lead else lo
    start, end = _last_clause(text, lo, cue_start, _CLAUSE_START)
    phrase = text[start:end]
    words = phrase.split()
    if not 1 <= len(words) <= max_words or not WORD.search(phrase) or _QUOTE_CHAR.search(phrase):
        return None
    if words[0].lower() in _PREPOSITIONS:
        return None   # 'In a tweet, ...': no subject
    if _PREDICATE_OPENING.match(phrase) and len(words) > 1 and entities is not None:
        # '..., drew a contrast, saying': a verb phrase, no subject; the last voice named before it
        named = [m for m in _within(entities, lo, start) if m.end <= start and m.voice is not None
                 and m.voice.type != "document"]
        if named:
            return max(named, key=lambda m: m.end)
    aux = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES or _CONTRACTED.search(w) or (
        i > 0 and w.lower() in ("who", "which", "that"))), None)   # 'Friends of X who have seen him say
    if aux is not None:   # 'companies including Coca-Cola are taking pains to say': the words before 'are'
        if aux == 0:
            return None
        end = start + [m.end() for m in _NON_SPACE_RUN.finditer(phrase)][aux - 1]
        phrase, words = text[start:end], words[:aux]
    if words[-1].lower() in _FUNCTION_WORDS:
        return None
    name = GROUP_DETERMINER.sub("", phrase)
    if entities is not None and name == phrase and all(w[:1].isupper() for w in words):
        voice = voice_for_name(name, entities)
        if voice.canonical != name:
            return Mention(start, end, voice, phrase)
    return Mention(start, end, Voice(name.lower(), "group"), phrase)


_CONTRACTION = re.compile(r"[’'](?:s|re|ve|d|ll)$")
# a lower-case past tense or participle (after an adverb perhaps; a few irregular past tenses too:
# 'drew a contrast') opening a clause's words: a predicate
_PREDICATE_OPENING = re.compile(r"(?:[a-z]+ly\s+)?(?:[a-z]{3,}(?:ed|ing)|drew|made|took|gave|shut|sent|held|kept|spent|began|won|brought|threw)\s")


# a state or country after a place ('in Salem, New Hampshire, Trump ...'): the phrase goes on
_PLACE_END = re.compile(r"\b(?:in|at|near|outside|from|to)\s+(?:[A-Z][a-z]+\.?\s+){0,2}[A-Z][a-z]+$")
_STATE_AFTER_PLACE = re.compile(r"\s*[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?,\s+")   # ('Ohio', 'New Hampshire', 'Calif.')


def _unit_subject(text, lo, hi, by_end, entities) -> Mention | None:
    lead = _SUBJECT_LEAD_WIDE.match(text, lo, hi)
    pos = lead.end() if lead else lo
    if pos > lo and (place := _STATE_AFTER_PLACE.match(text, pos, hi)) and _PLACE_END.search(text, lo, pos - 2) \
            and by_end.first_from(pos, place.end()) is None:
        pos = place.end()   # 'Speaking in Salem, New Hampshire, Trump': the place's state is no subject
    if (m := by_end.first_from(pos, min(hi, pos + 3))) is not None:
        return m
    opening = text[pos:hi].split()
    for k in range(4, 0, -1):
        words = opening[:k]
        if not words:
            continue
        phrase = " ".join(words)
        if k == 1:
            phrase = _CONTRACTION.sub("", phrase)   # "she's tacked to the left"
        if description_pattern().fullmatch(phrase):
            return Mention(pos, pos + len(phrase), resolve(phrase, pos, entities), phrase)
    match = _CAPITAL_WORDS.match(text[pos:hi])
    if match and match.group() in ("The", "A", "An", "This", "That", "These", "Those"):
        # 'The retired neurosurgeon has ...': the noun phrase up to its verb, not the article alone
        match = _DETERMINED_NP.match(text[pos:hi])
        if match:
            phrase = match.group()
            return Mention(pos, pos + len(phrase), Voice(_FIRST_WORD.sub("", phrase).lower(), "group"), phrase)
    elif match:
        return Mention(pos, pos + match.end(), voice_for_name(match.group(), entities), match.group())
    return None


# ('The columnist went so far as to say': the noun phrase stops before an irregular verb too)
_DETERMINED_NP = re.compile(r"\w+(?:\s+(?!(?:" + AUXILIARY + r"|who|which|that|of|in|on|at|for|with|to|from|by|"
                            r"went|goes|go|came|began|got|seems|appears|continues)\b)(?![a-z]+ed\b)[\w’'-]+){1,4}")


_EVIDENCE_CLAUSE = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:and|but|while|as|because|although|though|since|whereas|so|"
                              r"after|before|when|if)\s+)(?=\S)")


def _evidence_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """'The results show', 'a new CNN poll found', '..., campaign records show.': a document speaks.

    The clause's words before an evidence verb, when they hold an evidence noun (evidence.csv)
    and no relative pronoun ('the polls that show ...' is narration about polls).
    """
    start, end = _last_clause(text, lo, cue_start, _EVIDENCE_CLAUSE)
    phrase = text[start:end]
    words = [w.lower() for w in WORD.findall(phrase)]
    if not 1 <= len(words) <= 14 or _QUOTE_CHAR.search(phrase) or words[0] in _EVIDENCE_STOP or \
            words[-1] in _EVIDENCE_STOP or not any(w in EVIDENCE_NOUNS for w in words):
        return None
    head = next(w for w in reversed(words) if w in EVIDENCE_NOUNS)
    return Mention(start, end, Voice(head, "document"), phrase)


_EVIDENCE_STOP = frozenset("that which who it he she they we i you there this what".split())

_NO_SUBJECT = frozenset("It It’s It's This That There These Those Here What A An".split())


def main_clause_subject(text: str, lo: int, pos: int, aliases_by_end: dict[int, Mention],
                        entities: list[Mention], *, nearest: bool = False) -> Mention | None:
    """The subject opening the main clause before ``pos`` (a participle: '[Carson] said he plans
    ..., insisting'): from the unit's start or its last ';', after an opening phrase. With
    ``nearest`` (a coordinated verb), the subject of an adverbial clause on the way ('after
    [her followers] attacked her ... and questioned') wins."""
    start = max(lo, text.rfind(";", lo, pos) + 1)
    while start < pos and text[start].isspace():
        start += 1
    if start >= pos or text[start] in "\"“”'‘’(":
        return None   # a quote opens the clause: its speaker comes from the cue after it
    for opener in reversed(list(_AND_SUBJECT.finditer(text, start, pos))):
        # '..., and he was quick to make his pitch ..., citing ...': the last coordinated clause's subject
        inner = subject_after(text, opener.end(), pos, aliases_by_end, entities)
        if inner is not None and not _QUOTE_OR_COLON.search(text, inner.end, pos):
            return inner
    m = _unit_subject(text, start, pos, aliases_by_end, entities)
    if not plain_subject(m, pos) or _QUOTE_MARK.search(text, m.end, pos) or _JOINT_AFTER.match(text, m.end, pos):
        return None   # ('X weighed in, “...,” he said, adding': the quote's speaker goes on; 'China
                      # and Russia have urged ... and said': the joint speaker goes on)
    if nearest:
        for opener in reversed(list(_ADVERBIAL_OPENER.finditer(text, m.end, pos))):
            inner = subject_after(text, opener.end(), pos, aliases_by_end, entities)
            if inner is not None:
                return inner
    return m


_JOINT_AFTER = re.compile(r"\s+(?:and|&)\s+[A-Z]")
_ADVERBIAL_OPENER = re.compile(r"\b(?:when|while|after|before|because|though|although|as|since|if|until)\s+")


_AND_SUBJECT = re.compile(r",\s+(?:and|but|yet|so)\s+")


def subject_after(text: str, pos: int, hi: int, aliases_by_end, entities) -> Mention | None:
    """A pronoun or alias standing at ``pos`` (a clause's subject), else None."""
    if (m := aliases_by_end.first_from(pos, pos + 1)) is not None:
        return m
    word = WORD.match(text, pos, hi)
    if word is not None and word.group().lower() in _PRONOUNS:
        return Mention(pos, word.end(), resolve(word.group(), pos, entities), word.group())
    return None


_QUOTE_MARK = re.compile(r"[\"“”]|''")
_QUOTE_OR_COLON = re.compile(r"[\"“”:;]|''")


def plain_subject(m: Mention | None, pos: int) -> bool:
    """Not an opening word that is no subject ('In', 'Late', 'It', 'N.H.', 'The next month')."""
    if m is None or m.voice is None or m.end > pos or len(m.text) < 2:
        return False
    words = m.text.split()
    return words[0] not in _NO_SUBJECT and words[0].lower() not in _NOT_OPENING_SUBJECT and not any(
        w.lower() in TIME_WORDS for w in words)


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|He|She|They|We|I)\b(?![’'](?:s\b))")


def last_subject_pronoun(text: str, lo: int, hi: int, entities: list[Mention]) -> Mention | None:
    """The last personal subject pronoun in ``text[lo:hi]``, resolved, else None."""
    found = None
    for found in _SUBJECT_PRONOUN.finditer(text, lo, hi):
        pass
    if found is None:
        return None
    return Mention(found.start(), found.end(), resolve(found.group(), found.start(), entities), found.group())


_NOT_OPENING_SUBJECT = frozenset("in on at for with by from to of after before during inside outside late early last "
                                 "next this although though while when if because as since until once despite where first".split())
_OPENING_PARTICIPLE = re.compile(r"(?:(?:[A-Z]\w*\s+(?:\w+\s+){0,2})?(?:after|before|since|while|when|upon|by|without|"
                                 r"After|Before|Since|While|When|Upon|By|Without|Despite|Besides|Instead\s+of)\s+)?"
                                 # 'Continuing to explain his view, Carson rejected'
                                 r"(?P<verb>(?:Having|[A-Z][a-z]+ing)(?:\s+(?:off|up|out|down|on|to))?\s+)?$")


def opening_participle_subject(text: str, lo: int, cue_start: int, cue_end: int, hi: int, participle: bool,
                               aliases_by_end: dict[int, Mention], entities: list[Mention]) -> Mention | None:
    """'Since announcing his running mate, Johnson has risen', 'Having announced that ...,
    Judge Berman': a participle (the cue, when ``participle``, or a word before it) in the
    phrase that opens the sentence; its subject follows the phrase's comma."""
    lead = _SUBJECT_LEAD.match(text, lo, cue_start)
    start = lead.end() if lead else lo
    opening = _OPENING_PARTICIPLE.fullmatch(text, start, cue_start)
    if opening is None or not (participle or opening.group("verb")):
        return None
    comma = text.find(",", cue_end, hi)
    if comma < 0 or _QUOTE_CHAR_OR_STOP.search(text[cue_end:comma]):
        return None
    start = comma + 1
    if (place := _STATE_AFTER_PLACE.match(text, start, hi)) and _PLACE_END.search(text, cue_end, comma) \
            and aliases_by_end.first_from(start, place.end()) is None:
        start = place.end()   # 'Speaking in Salem, New Hampshire, Trump': the place's state is no subject
    while start < hi and text[start].isspace():
        start += 1
    m = _unit_subject(text, start, hi, aliases_by_end, entities)
    return m if plain_subject(m, hi) else None
