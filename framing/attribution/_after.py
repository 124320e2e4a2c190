"""Who speaks after a cue: a name or noun phrase right after it ('”, said Mr. Smith', ', said the
senator') and the source after 'according to' / 'citing'."""

from __future__ import annotations

import re

from ._entities import within as _within
from ._speakers import Mention, Voice, resolve, voice_for_name, without_article
from ._cues import _TIME
from ._name_words import name_past_title_object
from ._vocab import HONORIFIC, HONORIFICS, ROLE_WORDS, THIRD_PERSON_PRONOUN, AUXILIARY, WEEKDAY, WEEKDAYS

# (compiled once: according_np runs on every "according to")
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;!?(]|$)")
_CAPITALISED_TAIL = re.compile(r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'-]*$")
_POSSESSIVE_S_END = re.compile(r"[’']s$")
_SENTENCE_PERIOD = re.compile(r"(?<=[a-z]{3})\.$")
_NAME_ENDING = re.compile(r"(?<=[a-z] )[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+$")
_FIRST_WORD = re.compile(r"^\w+\s+")
_PRONOUN_AT = re.compile(r"(?:" + THIRD_PERSON_PRONOUN + r")\b")
_TITLED_NAME = re.compile(r"(?:former|then-|longtime|outgoing|incoming|retired|veteran|senior|deputy|acting|fellow|"
                          r"top|chief|campaign|state|party|his|her|their|its|our|pollster|strategist|spokes\w+|"
                          r"analyst|advis[eo]r|aide|manager|director|chair\w*|president|secretary|senator|candidate|"
                          r"economist|professor|attorney|lawyer|official|political|[A-Z][\w.’'-]*)"
                          r"\b(?:\s*[\w.’'-]+){0,5}?\s+"
                          r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2}(?=\s*(?:[,.;!?]|$))")


# ', said the senator.', not ', said the venue was too small.' (a verb: a clause, not a speaker)
_NP_AFTER = re.compile(r"(?:(?:the|a|an|one|another|some|many|most|several|other|few|two|three|four)\s+[\w’'-]+"
                       r"(?:\s+(?!(?:who|which|that|not|" + AUXILIARY + r")\b)[\w’'.-]+){0,6})"
                       r"(?=\s*(?:[,.;!?]|$)|\s+(?:who|which|that)\b)")


_ANOTHER = re.compile(r"(?:yet\s+)?(?:another|others|one|a\s+(?:second|third|fourth|fifth))(?=\s*(?:[,.;!?]|$))")
_VERB_LAST = re.compile(r"\s\S+\s+[a-z]{2,}ed\.?$")   # (a past tense ending the words: 'the talks failed')


# ', said Sunday.', ', said on Monday the adviser ...': a time adjunct right after the cue is no speaker
_BARE_DAY = re.compile(r"\s*(?:" + WEEKDAY + r")\b(?:\s+(?:morning|afternoon|evening|night))?")


def _past_time(text, pos, hi) -> int:
    """``pos`` moved past time adjuncts right after a cue ('Sunday', 'on Monday', 'last week', 'in a
    statement'); ``pos`` itself when none follows."""
    while True:
        window = text[pos:min(hi, pos + 60)]
        m = _BARE_DAY.match(window) or _TIME.match(window)
        if m is None or not m.end():
            return pos
        pos += m.end()


# a name after a cue; a middle initial goes on to the surname ('writes Kevin D. Williamson')
_NAME_AT = re.compile(r"(?:(?:" + HONORIFIC + r")\.\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z]\.(?=\s+[A-Z])|[A-Z][\w’'-]*)){0,3}")


def _name_after(text, pos, hi, by_end, entities) -> Mention | None:
    pos = _past_time(text, pos, hi)
    window = text[pos:min(hi, pos + 80)]
    lead = len(window) - len(window.lstrip())
    start = pos + lead
    if text[start:start + 1] in (",", ".", ";", "!", "?", ""):
        return None   # 'said Sunday.': only a time after the cue; the speaker is found elsewhere
    if (m := by_end.first_from(start, start + 1)) is not None:
        m.salient = True   # a speaker: a later 'he' prefers it
        return m
    match = _NAME_AT.match(text[start:min(hi, start + 60)])
    if match is None or not _CLAUSE_ENDS.match(text[start + match.end():start + match.end() + 3]):
        # ', said former Obama adviser David Axelrod.', ', said Democratic strategist Hank Sheinkopf.'
        match = _TITLED_NAME.match(text[start:min(hi, start + 90)]) or match
    if match:
        name = match.group()
        tail = _CAPITALISED_TAIL.search(name)   # 'former ... David Axelrod' -> the name
        if tail and _POSSESSIVE_S_END.sub("", tail.group()) in WEEKDAYS:
            return None   # ', referencing its donations on Wednesday': a date, no speaker
        person = tail.group() if tail else name
        if tail:   # ', said U.S. envoy for Ukraine Kurt Volker.' -> Kurt Volker
            person = name_past_title_object(person, name[:tail.start()])
        mention = Mention(start, start + len(name), voice_for_name(person, entities), name, salient=True)
        entities.append(mention)
        return mention
    if match := _ANOTHER.match(text, start, min(hi, start + 24)):
        # '”, said another.', '”, said a third.': one more voice, unnamed (every 'another' of a
        # text is not one voice; before the noun phrases, which would make 'a third' a voice)
        return Mention(start, match.end(), None, match.group())
    match = _NP_AFTER.match(text[start:min(hi, start + 90)])
    if match and _VERB_LAST.search(match.group()):
        match = None   # 'The mayor, who was tired, said the talks failed.': a clause, no speaker
    if match:   # ', said the senator.', ', said a spokesman for the campaign.'
        phrase = _SENTENCE_PERIOD.sub("", match.group())   # the sentence's period, not 'Jr.'
        if named := _NAME_ENDING.search(phrase):
            # ', said the adviser John Smith.': the person the title names
            mention = Mention(start + named.start(), start + len(phrase), voice_for_name(named.group(), entities),
                              named.group(), salient=True)
            entities.append(mention)
            return mention
        return Mention(start, start + len(phrase), Voice(_FIRST_WORD.sub("", phrase).lower(), "group"), phrase)
    match = _PRONOUN_AT.match(text[start:start + 5])
    if match:
        return Mention(start, start + match.end(), resolve(match.group(), start, entities), match.group())
    return None


# the end of the source after 'according to': a comma or period, not one of an honorific or an initial
_ACCORDING_STOP = re.compile("".join(rf"(?<!\b{h})" for h in HONORIFICS) + r"(?<!\b[A-Z])[,;.]\s|[.;]$|$")

_OPENER_OF = {")": "(", "]": "["}


def _past_closers(text, start, end) -> int:
    """``end`` moved back before a closing bracket the phrase did not open, and the sentence's
    period before it ('(Turnout rose, according to county records.)' -> 'county records')."""
    while end > start:
        last = text[end - 1]
        if last.isspace() or (last in _OPENER_OF and text.count(_OPENER_OF[last], start, end) < text.count(last, start, end)):
            end -= 1
        elif last in ".!?;" and text[end - 2:end - 1].islower() and text[end - 3:end - 2].isalpha():
            end -= 1
        else:
            return end
    return end


def according_np(text, pos, hi, by_end, entities) -> Mention | None:
    """The source that starts at ``pos`` (after 'according to', 'citing', a passive's 'by'): up
    to the next comma or ``hi``."""
    window = text[pos:hi]
    stop = _ACCORDING_STOP.search(window)
    phrase_end = _past_closers(text, pos, pos + (stop.start() if stop else len(window)))
    start = pos + (len(window) - len(window.lstrip()))
    if phrase_end <= start:
        return None
    if (m := by_end.first_from(start, phrase_end)) is not None:
        return m
    phrase = text[start:phrase_end]
    if (apposed := apposed_name(text, phrase, phrase_end, hi, entities)) is not None:
        return apposed
    name = without_article(phrase)
    voice = voice_for_name(name, entities) if name[:1].isupper() else Voice(name.lower(), "group")
    mention = Mention(start, phrase_end, voice, phrase)
    if len(phrase.split()) <= 5 and not _within(entities, start, start + 1):
        entities.append(mention)   # a later 'the official' can refer to 'a South Korean official'
    return mention


_APPOSED_NAME = re.compile(r",\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})\s*(?=[.;]|$)")


def apposed_name(text, phrase: str, phrase_end: int, hi: int, entities) -> Mention | None:
    """'according to the reporter, Robert Costa.': a person's name in apposition to a description
    (lower case, up to four words) that ends the clause is the source (not a name the aliases or
    the name's words make an outlet or a group: 'according to the report, Washington Post.')."""
    if not phrase[:1].islower() or len(phrase.split()) > 4:
        return None
    match = _APPOSED_NAME.match(text, phrase_end, hi)
    if match is None or any(w.rstrip(".").lower() in ROLE_WORDS for w in match.group("name").split()):
        return None
    start, end = match.span("name")
    known = [m for m in _within(entities, start, start + 1) if m.end == end and m.voice is not None]
    mention = known[0] if known else Mention(start, end, voice_for_name(match.group("name"), entities),
                                             match.group("name"))
    return mention if mention.voice.type == "person" else None
