"""Combine an outer report with the speech it relays (speaker vs source)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ._layout import WORD
from ._vocab import cue_verbs
from ._cues import RELAYED_WHOLE
from ._entities import within as _within
from ._grammar import NEXT_REPORT, coordinated_before
from ._model import UNKNOWN, Attribution, Interval, Unit, rewrite_each, with_changes
from ._speakers import Mention



@lru_cache(maxsize=1)
def _speech_act() -> re.Pattern:
    """After a subject: a cue verb form ('said', 'spoke', 'expressed'), perhaps after 'himself', 'also'."""
    forms = sorted((f for f, v in cue_verbs().items() if v.lemma not in RELAYED_WHOLE), key=len, reverse=True)
    return re.compile(r"\s+(?:(?:himself|herself|themselves|itself|also|has|have|had|again|reportedly|"
                      r"publicly|personally|then|later)\s+){0,3}(?:" + "|".join(map(re.escape, forms)) + r")\b",
                      re.IGNORECASE)


_MEDIA = ("outlet", "agency")


def _relay(intervals: list[Interval], entities: list[Mention], text: str) -> None:
    """Combine an outer report with the speech it relays.

    * ``Kim said X, KCNA said``: a person's report relayed by a news agency (KCNA, Reuters), or
      any report relayed by an unresolved voice ('..., it said'), absorbs the outer content it
      starts at, so the words are one voice: speaker Kim Jong Un, source KCNA, outer speaker KCNA.
    * ``The campaign said X, CNN reported``, ``Trump said X, according to the Times``: any other
      relayed report nests inside the outer one: "The campaign said" stays CNN's words, X is the
      campaign's with CNN as its ``outer_speaker`` (PolNeAR marks both reports, and names the
      outlet as the source of "The campaign said X").
    * ``Kim spoke highly of Trump, state media said``: a media voice reporting a speech act
      ("spoke", "expressed", a cue verb) of a person it carries, with no report nested in it:
      that person is the speaker.
    * Words reported inside another report travel through the outer voice's channel, and the
      outer voice is kept as their ``outer_speaker`` ("X said Y thinks Z": Y speaks, X outside).
    """
    nested: dict = {}
    # an outer report has its cue after its content ('..., KCNA said'); kind, end and cue stay
    # fixed below, so the candidates are known up front (in list order; removed ones leave)
    candidates = [o for o in intervals if o.kind == "indirect" and o.attr.cue_start >= o.end]
    alive = {id(o) for o in intervals}
    relaying = set()   # outer reports an inner report nests in: they keep their own speaker
    for inner in list(intervals):
        if inner.kind != "indirect" or not candidates:
            continue
        outers = [o for o in candidates if o is not inner and id(o) in alive
                  and o.start <= inner.attr.mention_start < inner.start <= o.end
                  and not WORD.search(text[o.start:inner.attr.mention_start])]
        for outer in outers:
            if outer.attr.speaker_type == "agency" and inner.attr.speaker_type == "person" or not outer.attr.speaker:
                inner.start = outer.start
                if outer.end <= inner.end:
                    alive.discard(id(intervals.pop(intervals.index(outer))))   # what .remove(outer) removes
            else:
                relaying.add(id(outer))
            _relay_source(inner, outer, nested)
    by_cue: dict[int, Attribution] = {}
    for iv in intervals:
        attr = iv.attr
        if iv.kind != "indirect" or attr.cue_start < 0 or attr.speaker_type not in _MEDIA or id(iv) in relaying:
            continue
        if attr.cue_start in by_cue:
            iv.attr = by_cue[attr.cue_start]
            continue
        subject = next((m for m in _within(entities, iv.start, iv.start + 3) if m.voice is not None
                        and m.voice.type == "person"), None)
        if subject is not None and _speech_act().match(text, subject.end, iv.end):
            iv.attr = by_cue[attr.cue_start] = with_changes(
                attr, speaker=subject.voice.canonical, speaker_type="person",
                mention_start=subject.start, mention_end=subject.end, outer_speaker=attr.speaker,
                outer_start=attr.mention_start, outer_end=attr.mention_end)
    for iv in intervals:
        if iv.attr.cue_start in by_cue:
            iv.attr = by_cue[iv.attr.cue_start]
    if len(intervals) < 2:
        return   # (a container is another, strictly longer interval: one interval has none)
    enclosing = _smallest_enclosing(intervals)
    for inner in intervals:
        outer = enclosing(inner)
        if outer is not None:
            _relay_source(inner, outer, nested)


def _smallest_enclosing(intervals: list[Interval]):
    """A function giving, for an interval of ``intervals``, the shortest strictly longer one that
    contains it (the first in list order among equals), else None; without a scan of all pairs.

    The intervals' bounds must not change while it is used."""
    by_start = sorted(intervals, key=lambda o: o.start)
    starts = [o.start for o in by_start]
    reach = []   # reach[i]: the furthest end among by_start[:i]
    furthest = -1
    for o in by_start:
        reach.append(furthest)
        furthest = max(furthest, o.end)
    reach.append(furthest)
    by_length = sorted(range(len(intervals)), key=lambda i: (intervals[i].end - intervals[i].start, i))
    lengths = [intervals[i].end - intervals[i].start for i in by_length]

    def enclosing(inner: Interval) -> Interval | None:
        # a strictly longer container starts before (and ends at or after) or starts with (and ends after)
        if not (reach[bisect_left(starts, inner.start)] >= inner.end
                or reach[bisect_right(starts, inner.start)] > inner.end):
            return None
        for k in range(bisect_right(lengths, inner.end - inner.start), len(lengths)):
            o = intervals[by_length[k]]
            if o.start <= inner.start and inner.end <= o.end:
                return o
        return None
    return enclosing


def _relay_source(inner: Interval, outer: Interval, nested: dict) -> None:
    """The inner report goes through the outer's channel; the outer speaker is kept.

    ``nested`` maps (inner attribution, outer attribution) to the combined one, so intervals
    that shared an attribution still share it (their pieces stay one segment)."""
    key = (id(inner.attr), id(outer.attr))
    if key in nested:
        inner.attr = nested[key][0]
        return
    attr = inner.attr
    if outer.attr.source not in (UNKNOWN, inner.attr.speaker) and outer.attr.speaker:
        attr = with_changes(attr, source=outer.attr.source)
    # (the same voice named again is nested too: 'Ray said he wrote to X that ...' keeps Ray's mention)
    if outer.attr.speaker and (outer.attr.speaker != attr.speaker or outer.attr.mention_start != attr.mention_start) \
            and outer.attr.mention_start >= 0 and not attr.outer_speaker:
        attr = with_changes(attr, outer_speaker=outer.attr.speaker, outer_start=outer.attr.mention_start,
                       outer_end=outer.attr.mention_end)
    nested[key] = (attr, inner.attr, outer.attr)   # (the originals kept alive: their ids stay unique)
    inner.attr = attr


def report_in_a_report(u: Unit) -> None:
    """A report whose cue stands inside the words of an earlier report ('Ford kept wondering
    whether she ought to write ...', 'Pointing to the contract, Ford told reporters that ...') nests
    in it: the earlier report's voice is its ``outer_speaker`` (a report the rules above did not
    nest). Its channel stays its own: its words are not enclosed in the earlier report's. As
    PolNeAR marks both, the scorer counts the nested words for the earlier report too (PolNeAR
    train F1 0.77961 -> 0.78011, speaker accuracy 0.89444 -> 0.89489). A report whose speaker
    follows a coordinator ('X said Y and Trump said Z') is the sentence's next report, not nested
    (as :func:`framing.attribution._carried.coordinated_report_keeps_its_voice` reads it)."""
    if len(u.intervals) < 2:
        return
    reports = [iv for iv in u.intervals if iv.kind == "indirect" and iv.attr.mention_start >= 0]
    if not reports:
        return

    def nest(inner: Interval, attr: Attribution) -> Attribution | None:
        if attr.outer_speaker or attr.cue_start < 0 or attr.mention_start < 0 \
                or coordinated_before(u.text, max(u.start, attr.mention_start - 12), attr.mention_start, NEXT_REPORT):
            return None
        holder = next((o for o in reports if o.start < inner.start and o.start <= attr.cue_start < o.end
                       and o.attr.cue_start != attr.cue_start), None)
        if holder is None:
            return None
        return with_changes(attr, outer_speaker=holder.attr.speaker, outer_start=holder.attr.mention_start,
                            outer_end=holder.attr.mention_end)

    rewrite_each(u, nest)
