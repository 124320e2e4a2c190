"""Voices carried over from earlier words: the channel a voice spoke through kept by a pronoun
or description that goes on with it, the person a news agency quotes or cites, the last speaker
going on ('he added').

Report stages (``_report_stages.REPORT_STAGES``), each one function:

* :func:`pronoun_keeps_channel`: "a spokesman said in a statement carried by KCNA ... He said X":
  KCNA is X's source too.
* :func:`quoted_as_saying_object`: "KCNA quoted Kim as saying X": X is Kim's, through KCNA.
* :func:`media_citing_a_source`: "X, KCNA said, citing a foreign ministry spokesman": X is the
  spokesman's, through KCNA.
* :func:`added_continues_the_last_speaker`: "“...,” he added": the last speaker goes on.
* :func:`coordinated_report_keeps_its_voice`: "Washington warned that X and Pyongyang countered
  Y": the second report's words are not relayed by the first; they keep their own channel.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import paragraph_spans
from ._after import according_np
from ._canonical import _DESCRIBED
from ._coverage import _CHANNEL
from ._entities import Entities, near as _near, within as _within
from ._layout import SENTENCE_BREAK, per_text
from ._model import UNKNOWN, Attribution, Interval, Unit, rewrite_each, with_changes
from ._grammar import NEXT_REPORT, coordinated_before
from ._speakers import Voice, resolve, voice_for_name
from ._surnames import NAME_GOES_ON
from ._vocab import PRONOUN_GENDER, SPEAKER_PRONOUNS


def pronoun_keeps_channel(u: Unit) -> None:
    """'“...,” a spokesman said in a statement carried by KCNA. He said X.': a pronoun speaker
    keeps the channel its antecedent spoke through (KCNA is the source of X too): the agency or
    outlet named with the antecedent's own report (as :func:`channel_named` reads it), in the
    antecedent's sentence."""
    if not u.intervals:
        return   # (no report to rewrite)
    text = u.text
    done: dict = {}

    def rewrite(iv, attr):
        if attr.mention_start < 0 or attr.source != attr.speaker or attr.speaker_type in ("agency", "outlet"):
            return None
        mention = text[attr.mention_start:attr.mention_end]
        if mention.lower() not in SPEAKER_PRONOUNS and not _DESCRIBED.match(mention):
            return None
        if attr.speaker not in done:
            done[attr.speaker] = _antecedent_channel(text, attr.speaker, attr.mention_start, u.entities)
        channel = done[attr.speaker]
        return with_changes(attr, source=channel) if channel else None

    rewrite_each(u, rewrite)


def _antecedent_channel(text: str, speaker: str, before: int, entities) -> str:
    """The agency or outlet named as the channel ('said in a statement carried by KCNA', 'via
    state media') within the sentence after the last mention of ``speaker`` before ``before``."""
    antecedent = next((m for m in _latest_first(entities, before - 8000, before)
                       if m.end <= before and m.voice is not None and m.voice.canonical == speaker), None)
    if antecedent is None:
        return ""
    stop = SENTENCE_BREAK.search(text, antecedent.end, min(before, antecedent.end + 250))
    end = stop.start() if stop else min(before, antecedent.end + 250)
    for m in _within(entities, antecedent.end, end):
        if m.end <= end and m.voice is not None and m.voice.type in ("agency", "outlet"):
            lead = _CHANNEL.search(text, max(antecedent.end, m.start - 40), m.start)
            if lead is not None and len(text[lead.end():m.start].split()) <= 3:
                return m.voice.canonical
    return ""


def _latest_first(entities, lo: int, hi: int):
    """``sorted(near(entities, lo, hi), key=lambda m: -m.start)``, lazily for :class:`Entities`
    (its ``before`` yields the same order: latest start first, equal starts in list order), so
    the first antecedent found costs no list of every name in 8,000 characters."""
    if not isinstance(entities, Entities):
        yield from sorted(_near(entities, lo, hi), key=lambda m: -m.start)
        return
    floor = lo - entities.max_len   # (near's bound)
    for m in entities.before(hi):
        if m.start < floor:
            return
        yield m


_AS_SAYING = re.compile(r"(?P<np>[^,;:\"“”]{1,80}?)\s+(?P<cue>as\s+saying)(?:\s+that)?\s+(?=\S)")
_QUOTING_CUES = frozenset("quoted quotes cited cites".split())
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def quoted_as_saying_object(u: Unit) -> None:
    """'KCNA quoted Kim as saying the test was a gift', 'state media cited him as saying that ...':
    the words after 'as saying' are the quoted person's, through the quoting voice's channel
    (speaker Kim Jong Un, source KCNA, outer speaker KCNA); 'Kim as saying' stays the quoting
    voice's words."""
    text = u.text
    for iv in list(u.intervals):
        attr = iv.attr
        if iv.kind != "indirect" or attr.cue.lower() not in _QUOTING_CUES:
            continue
        gap = text[attr.cue_end:iv.start]
        found = _AS_SAYING.match(text, iv.start if not gap.strip() else iv.start - len(gap.lstrip()), iv.end)
        if found is None or gap.strip() and (found.end() < iv.start or text[iv.start:found.end()].strip()):
            continue
        voice = _quoted_voice(text, found.start("np"), found.end("np"), u)
        if voice is None or voice.canonical == attr.speaker:
            continue
        channel = attr.source if attr.source not in (UNKNOWN, "") else attr.speaker or UNKNOWN
        inner = Attribution(voice.canonical, channel, found.group("cue"), found.start("cue"), found.end("cue"),
                            found.start("np"), found.end("np"), confidence=attr.confidence, speaker_type=voice.type,
                            outer_speaker=attr.speaker, outer_start=attr.mention_start, outer_end=attr.mention_end)
        if gap.strip():   # ('quoted a senior aide as saying that' was left out of the words already)
            iv.attr = inner
            continue
        u.intervals.insert(u.intervals.index(iv) + 1, Interval(found.end(), iv.end, "indirect", inner))
        iv.end = found.end() - (len(found.group()) - len(found.group().rstrip()))


def _quoted_voice(text: str, start: int, end: int, u: Unit) -> Voice | None:
    """The voice of the quoted noun phrase ``text[start:end]``: a named voice in it, a pronoun's
    antecedent (a person named earlier in the sentence first: 'When Kim visited Beijing, state
    media cited him as saying'), else the phrase itself ('the envoy' -> envoy)."""
    named = [m for m in _within(u.entities, start, end) if m.end <= end and m.voice is not None
             and m.voice.type != "document"]
    if named:
        return named[-1].voice
    phrase = text[start:end].strip()
    if phrase.lower() in _OBJECT_PRONOUNS:
        pronoun = _OBJECT_PRONOUNS[phrase.lower()]
        gender = PRONOUN_GENDER.get(pronoun)
        in_sentence = next((m.voice for m in _within(u.entities, u.start, start) if m.voice is not None and gender
                            and m.voice.type == "person" and m.voice.gender in (gender, "")), None)
        return in_sentence or resolve(pronoun, start, u.entities)
    bare = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", phrase, flags=re.IGNORECASE)
    if not bare or len(bare.split()) > 6:
        return None
    return voice_for_name(bare, u.entities) if bare[:1].isupper() else Voice(bare.lower(), "group")


_CITING_AFTER = re.compile(r"\s*,\s+citing\s+(?=\S)")


def media_citing_a_source(u: Unit) -> None:
    """'X, KCNA said, citing a foreign ministry spokesman.': a news agency or outlet that names its
    source with 'citing' relays that source's words (speaker the one cited, source the agency,
    outer speaker the agency), as 'KCNA quoted the spokesman as saying X' does."""
    if not u.intervals:
        return   # (no report to rewrite)
    text = u.text

    def rewrite(iv, attr):
        if attr.speaker_type not in ("agency", "outlet") or attr.cue_start < iv.end:
            return None
        citing = _CITING_AFTER.match(text, attr.cue_end, u.end)
        if citing is None:
            return None
        cited = according_np(text, citing.end(), u.end, u.by_end, u.entities)
        if cited is None or cited.voice is None or not _NOTHING_AFTER.match(text, cited.end, u.end):
            return None
        return with_changes(attr, speaker=cited.voice.canonical, source=attr.source if attr.source != UNKNOWN else attr.speaker,
                       speaker_type=cited.voice.type, mention_start=cited.start, mention_end=cited.end,
                       outer_speaker=attr.speaker, outer_start=attr.mention_start, outer_end=attr.mention_end)

    rewrite_each(u, rewrite)


_NOTHING_AFTER = re.compile(r"\s*[.;]?[\"”’)]*\s*$")


def _paragraph_breaks(text: str, lo: int, hi: int) -> int:
    """How many paragraphs start after ``lo`` and at or before ``hi`` (paragraphs as
    ``paragraph_spans`` reads them: one line break is enough)."""
    starts = per_text("paragraph starts", text, lambda t: [start for start, _ in paragraph_spans(t)])
    return bisect_right(starts, hi) - bisect_right(starts, lo)


_GOING_ON = frozenset("added adds continued continues".split())
# two capitalised words: maybe a person named without a cue, so missing from the entities (it
# takes 'In Washington' too: the rule then keeps the pronoun's own reading, the cautious side)
_TWO_CAPITALISED_WORDS = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def added_continues_the_last_speaker(u: Unit) -> None:
    """'“...,” he added.': 'he' or 'she' adding or continuing is the last speaker going on (a
    person of that gender, or of none known), not the last person named before the pronoun."""
    last = u.last_attr
    if last is None or last.speaker_type != "person" or not last.speaker or not u.intervals:
        return
    text = u.text

    def rewrite(iv, attr):
        if attr.cue.lower() not in _GOING_ON or attr.speaker == last.speaker or attr.mention_start < 0:
            return None
        gender = PRONOUN_GENDER.get(text[attr.mention_start:attr.mention_end].lower())
        known = next((m.voice.gender for m in reversed(_within(u.entities, 0, attr.mention_start))
                      if m.voice is not None and m.voice.canonical == last.speaker and m.voice.gender), "")
        if gender is None or known not in ("", gender) or not 0 <= last.mention_end < attr.mention_start or \
                NAME_GOES_ON.match(text, last.mention_end):   # (a name cut short: 'Secretary Alan| Peter Marsh')
            return None
        # nobody else named since the last speaker's sentence ('Later Mary Lanz spoke. “...,” she added')
        before = min(iv.start, attr.mention_start)   # (the words said are no naming)
        stop = SENTENCE_BREAK.search(text, last.mention_end, before)
        if stop is None or _paragraph_breaks(text, last.mention_end, before) > 1 or \
                _TWO_CAPITALISED_WORDS.search(text, stop.end(), before) or \
                any(m.voice is not None and m.voice.type == "person" for m in _within(u.entities, stop.end(), before)):
            return None
        return with_changes(attr, speaker=last.speaker, source=last.source, speaker_type="person")

    rewrite_each(u, rewrite)




def coordinated_report_keeps_its_voice(u: Unit) -> None:
    """'Washington warned that no aid would come and Pyongyang countered it would not beg': a
    report whose subject follows a coordinator after the words of a report made before it (the
    outer speaker named first) is the sentence's second report, not words the first relays: its
    source is its speaker's channel or the speaker, and the relay's outer speaker goes
    (:func:`framing.attribution._relay.report_in_a_report` does not nest it again). A report relayed after its words ('..., KCNA said') and one nested without a
    coordinator ('X said Y thinks Z') stay nested."""
    for iv in u.intervals:
        if iv.attr.outer_speaker:
            break
    else:
        return   # (no nested report: most units, a plain loop)
    text = u.text

    def rewrite(iv, attr):
        if not attr.outer_speaker or not 0 <= attr.outer_start < attr.mention_start or attr.mention_start <= u.start:
            return None
        if not coordinated_before(text, max(u.start, attr.mention_start - 12), attr.mention_start, NEXT_REPORT):
            return None
        channel = next((m.voice.channel for m in _within(u.entities, attr.mention_start, attr.mention_end)
                        if m.voice is not None and m.voice.canonical == attr.speaker), "")
        return with_changes(attr, source=channel or attr.speaker, outer_speaker="", outer_start=-1, outer_end=-1)

    rewrite_each(u, rewrite)
