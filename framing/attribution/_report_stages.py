"""Report stages (rule 4 of ``framing.attribution``, after the cue rules of
``framing.attribution._reported``): the cues that the cue rules collected become intervals of
reported words, then the stages that bound, nest, relay and name them run in the order of
:data:`REPORT_STAGES`.
"""

from __future__ import annotations

import re

from ._boundaries import (_start_after_cue, _words, adjunct_only_report, opening_participle_stop, relative_clause_report,
                          second_report_stop, with_clause_stop, with_clause_subject,
                          subordinate_clause_stop, subordinate_subject)
from ._carried import (added_continues_the_last_speaker, coordinated_report_keeps_its_voice, media_citing_a_source,
                       pronoun_keeps_channel, quoted_as_saying_object)
from ._canonical import canonical_speakers
from ._coverage import channel_named, joint_speakers, relative_clause_subject
from ._cues import RELAYED_WHOLE
from ._grammar import _content_end, _content_start, coordinated_before, first_comma_match
from ._heads import person_before_affiliation
from ._layout import WORD, _covered
from ._model import Interval, Unit, _attribution
from ._passive import _passive_without_agent
from ._relay import _relay, report_in_a_report
from ._reported import _THAT_NEXT
from ._stance_nouns import possessed_stance, unowned_stance
from ._vocab import (OBJECT_STANCE_VERBS, SPEAKER_PRONOUN, STANCE_MEDIA, THIRD_PERSON, THIRD_PERSON_OBJECTS, VIEW_MODIFIERS,
                     VIEW_NOUNS, alternation)

_AS_WORD = re.compile(r"\bas\b")
# 'sees parallels between ...', 'saw a chance to ...': 'see' with a view as its object reports it, like
# 'see X as Y' (PolNeAR train F1 0.78023 -> 0.78038, speaker accuracy 0.89303 -> 0.89301)
_SEE_THING = re.compile(r"\s+(?:(?:" + alternation(VIEW_MODIFIERS) + r")\s+){0,2}(?:" + alternation(VIEW_NOUNS) + r")\b")

# the last clause boundary before a new subject (not ', but that ...': a second clause of the same verb;
# PolNeAR train F1 0.78021 -> 0.78023; ', and that' too: 0.78027, but speaker accuracy 0.89302 -> 0.89298)
_NEW_CLAUSE = re.compile(r"(?:[;]|,\s*(?:(?:while|but|whereas|although|though|yet)\b(?!\s+that\b)|and\b)|\s(?:while|whereas)\b)"
                         r"(?=[^,;]*$)")
_TURN = re.compile(r",((?:''|[\"”’])?)\s+(?:but|while|whereas|although|though|yet)\s+(?:"
                   + SPEAKER_PRONOUN + r"|[A-Z][a-z]+)\s")
_RELATIVE_CLOSE = re.compile(r"(?:,[\"”’]?|\)|\s[—–]|—)\s+(?!(?:and|or|but|the|a|an|in|on|at|of|for|to|with|by|"
                             r"from|as|that|which|who|he|she|it|they|we|this|these|his|her|their|its|including|"
                             r"such|not)\b)"
                             r"[a-z]")
# '..., as have other council members': others said the same, the words end before it (PolNeAR
# train: F1 0.77310 -> 0.77314, speaker accuracy 0.89030 -> 0.89036)
_AS_DID_TOO = re.compile(r",\s+as\s+(?:have|has|had|did|do|does)\s")
# a stance on a person or a measure: its words are the object, not the adjunct after it ('endorsed
# Ross at a rally', 'backed the ban after the flood', 'praised him, and ...'); PolNeAR train: F1
# 0.77314 -> 0.77327, speaker accuracy 0.89036 -> 0.89101 (all stance verbs: F1 0.7699); the verbs:
# object_stance_verbs.csv
_STANCE_ADJUNCT = re.compile(r"(?<!aimed)(?<!directed)\s(?:at|during|after|before|since|because|when|while)\s|,\s+and\s")
# a stance's object ends before the medium it was taken in ('mocked Ross on Twitter', 'called the
# plan reckless in a statement'); PolNeAR train F1 0.77875 -> 0.77884, speaker accuracy 0.89352 ->
# 0.89338 (with weekdays and 'last'/'this' too: F1 0.77852; for every verb: 0.77759)
_MEDIUM_ADJUNCT = re.compile(r"\s(?:on|in)\s+(?:" + alternation(STANCE_MEDIA["platform"]) + r"|an?\s+(?:"
                             + alternation(STANCE_MEDIA["noun"]) + r"))\b")


def trailing_reports(u: Unit) -> None:
    """'..., X said.': the words from the clause's start (or the previous cue) to the comma."""
    last_end = u.start
    for comma, c, m in sorted(u.trailing, key=lambda t: t[0]):
        start = _content_start(u.text, last_end, comma)
        if comma - start > 3 and not _covered(start, comma, u.direct_spans):
            u.intervals.append(Interval(start, comma, "indirect",
                                        _attribution(u.text, c, m, confidence=c.verb.confidence * 0.95)))
        last_end = c.end


def resumed_reports(u: Unit) -> None:
    """'The plan, a source said, is to ...': the words after the inserted cue."""
    boundaries = sorted([t[0] for t in u.trailing] + u.trailing_stops)
    for resume, c, m in u.resumes:
        start = _content_start(u.text, resume, u.end)
        end = _content_end(u.text, start, min([b for b in boundaries if b > start] + [u.end]))
        if _words(u.text, start, end, 2) and not _covered(start, end, u.direct_spans):
            u.intervals.append(Interval(start, end, "indirect",
                                        _attribution(u.text, c, m, confidence=c.verb.confidence * 0.85)))


# verbs whose named subject inside reported words opens a nested report ('X said Y thinks Z')
_NESTED_CATEGORIES = frozenset(("stance", "impression"))


# 'he', 'she', 'they' opening a report speak for its sayer ('it' is often the thing reported on)
_PERSONAL_PRONOUNS = THIRD_PERSON - {"it"}


def _nested_subject(text: str, holder: Interval, m, c) -> bool:
    """'Smith said Jones thinks ...': another named voice opening the reported clause with a belief
    or stance verb speaks in a nested report (the holder's speaker becomes its ``outer_speaker``).
    A pronoun ('Smith said he thinks ...') is mostly the same voice: the words stay the holder's;
    other weak verbs ('Walsh noted that Ohio boasted ...') stay inside the reported words."""
    return (m is not None and m.start >= holder.start and m.voice is not None
            and c.verb.category in _NESTED_CATEGORIES and m.voice.canonical != holder.attr.speaker
            and m.text.lower() not in _PERSONAL_PRONOUNS   # the sayer again, whatever coreference said
            and not WORD.search(text, holder.start, m.start))


def forward_reports(u: Unit) -> None:
    """'X said (that) ...': the words after the verb up to the next boundary. A weaker verb
    inside reported words stays in them; a new clause ('..., while B backed Y') ends them."""
    if not u.forward:
        return   # (no forward cue: nothing below writes)
    text = u.text
    reported = [iv for iv in u.intervals if iv.kind == "indirect"]
    boundaries = sorted([t[0] for t in u.trailing] + u.trailing_stops + u.clause_stops)
    for c, m in u.forward:
        if not c.verb.reports:
            continue  # speech acts ('spoke', 'expressed') name a speaker but introduce no content
        holder = next((iv for iv in reported if iv.start <= c.start < iv.end), None)
        if (holder is not None and m is not None and m.start < holder.start and _THAT_NEXT.match(text, c.end)
                and (co := coordinated_before(text, holder.start, c.start))):
            # 'He said X and noted that Y': the subject's second report ends the first
            holder.end = _content_end(text, holder.start, co.start())
            holder = None
        if holder is not None:
            # the boundary starts at the last comma or semicolon before the speaker, or later
            last = max(text.rfind(",", holder.start, m.start), text.rfind(";", holder.start, m.start),
                       holder.start) if m is not None else 0
            split = _NEW_CLAUSE.search(text, last, m.start) if m is not None else None
            if (split is None and not c.verb.sure and not _nested_subject(text, holder, m, c)
                    and not subordinate_subject(text, holder.start, m)):
                # 'Walsh noted that Ohio boasted ...': a weaker verb inside reported words stays in
                # them; not one whose subject opens a subordinate clause ('..., smiling as he conceded
                # that ...': a report of its own, nested; PolNeAR train F1 0.78462 -> 0.78475,
                # speaker accuracy 0.89718 -> 0.89905; cutting the first report there instead: F1 0.78395)
                continue
            if split is not None:   # 'A preferred X, while B backed Y': a new clause, a new voice
                holder.end = _content_end(text, holder.start, split.start())
        if not c.verb.is_speech and not _THAT_NEXT.match(text[c.end:c.end + 6]) and (
                m.voice is None and m.text.lower() not in ("i", "we", "they", "he", "she", "who", "which")):
            continue  # belief, desire and evidence verbs: a named or pronoun subject, or "that"
        if c.verb.lemma in RELAYED_WHOLE and any(comma > c.end for comma, _, _ in u.trailing):
            continue   # 'Kim ordered new drills, KCNA said.': the order stays the medium's report
        if c.verb.lemma == "see" and not _AS_WORD.search(text[c.end:u.end]) and not _SEE_THING.match(text, c.end):
            continue  # 'rivals see him as a threat', not 'we saw him
        start = _start_after_cue(text, c, u.end)
        if "," in text[c.end:start] and _passive_without_agent(u, c):
            continue   # 'Judges were confirmed on Tuesday, bringing ...': what follows is no report of theirs
        end = min([b for b in boundaries if b > start] + [u.end])
        # '..., but he gave the Texan credit': the narrator again
        if turn := first_comma_match(_TURN, text, start, end):
            end = turn.start() + len(turn.group(1))
        if (same := first_comma_match(_AS_DID_TOO, text, start, end)) is not None:
            end = same.start()
        if c.verb.lemma in OBJECT_STANCE_VERBS and (adjunct := _STANCE_ADJUNCT.search(text, start, end)):
            end = adjunct.start()   # 'endorsed Ross at a rally in May': the stance is on Ross
        if c.verb.category == "stance" and (medium := _MEDIUM_ADJUNCT.search(text, start, end)):
            end = medium.start()
        if c.verb.lemma == "citing" and (comma := text.find(",", start, end)) != -1:
            end = comma   # 'The newspaper, citing a source, said ...': what is cited ends at the comma
        if m is not None and m.text.lower() in ("who", "which") and (close := _RELATIVE_CLOSE.search(text, start, end)):
            end = close.start()   # 'Scott, who has called X “toxic,” portrayed ...': the relative clause ends
        at_least = 2
        if c.verb.category == "stance":
            at_least = 1 if _named_object(text, c, start, end) else 2
        end = _content_end(text, start, end)
        if _words(text, start, end, at_least) and not _covered(start, end, u.direct_spans):
            u.intervals.append(Interval(start, end, "indirect",
                                        _attribution(text, c, m, confidence=c.verb.confidence * 0.9)))
            reported.append(u.intervals[-1])


def credit_over_expectation(u: Unit) -> None:
    """'... is expected to resume, Reuters writes.': the outlet's credit wins."""
    if u.credit is not None:
        u.intervals = [iv for iv in u.intervals if not any(iv is e for e in u.expected)]


def partial_quotes_in_reports(u: Unit) -> None:
    """'..., warning that patience “is not unlimited.”': a tentative quote inside a report is part of it."""
    for t in u.tentative:
        if any(iv.kind == "indirect" and iv.start <= t.start and t.end <= iv.end for iv in u.intervals):
            u.intervals = [iv for iv in u.intervals if iv is not t]


class _CueSpan:
    """A cue's offsets (for :func:`_named_object` on a finished interval)."""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end


# a third-person pronoun or 'this' right after a stance verb is its whole object ('decried it')
_OBJECT_PRONOUN = re.compile("(?:" + alternation(THIRD_PERSON_OBJECTS | {"it", "this"}) + r")\b")


def _named_object(text: str, c, start: int, end: int) -> bool:
    """A name or pronoun right after a stance verb ('has endorsed Sanders', 'decried it'): a
    one-word content that counts. The pronouns: PolNeAR train F1 0.7695 -> 0.7698."""
    return start >= 0 and not text[c.end:start].strip() and (text[start:start + 1].isupper() or (
        _OBJECT_PRONOUN.match(text, start) is not None))


def drop_lone_words(u: Unit) -> None:
    """A lone one-word report ('..., Trump said he would.' -> 'would') is mostly a misread cue;
    a name right after a stance verb ('endorsed Sanders') is not."""
    cues: dict[int, int] = {}
    for o in u.intervals:
        cues[o.attr.cue_start] = cues.get(o.attr.cue_start, 0) + 1
    u.intervals = [iv for iv in u.intervals if iv.kind != "indirect" or _words(u.text, iv.start, iv.end, 2)
                   or cues[iv.attr.cue_start] > 1 or (iv.attr.cue_start >= 0 and _named_object(
                       u.text, _CueSpan(iv.attr.cue_start, iv.attr.cue_end), iv.start, iv.end))]


def relay(u: Unit) -> None:
    """Rule 6: an outer report and the speech it relays combine (``framing.attribution._relay``)."""
    if u.intervals:   # (none: nothing to combine)
        _relay(u.intervals, u.entities, u.text)


REPORT_STAGES = (trailing_reports, resumed_reports, subordinate_clause_stop, opening_participle_stop, second_report_stop,
                 with_clause_stop, with_clause_subject, forward_reports, relative_clause_report,
                 credit_over_expectation, partial_quotes_in_reports, possessed_stance, unowned_stance, drop_lone_words,
                 adjunct_only_report, relative_clause_subject, joint_speakers, relay, coordinated_report_keeps_its_voice,
                 channel_named, pronoun_keeps_channel, quoted_as_saying_object, media_citing_a_source,
                 added_continues_the_last_speaker, person_before_affiliation, canonical_speakers, report_in_a_report)
