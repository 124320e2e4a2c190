"""Coverage rules: constructions of multi-outlet news that the PolNeAR-era rules did not meet.

Rules over one sentence unit (:class:`framing.attribution._model.Unit`), each one function with
its entry in a rule tuple of the engine:

* :func:`intent_infinitive` (cue rule, ``_reported.CUE_RULES``): "who plans to meet Kim",
  "wants to", "intends to", "hopes to": an intention with an infinitive is no report.
* :func:`quote_quoted_as_saying` (quote cue rule, ``_direct.CUE_RULES``): "“...,” the
  spokesman was quoted as saying." makes the quote the spokesman's direct speech. A
  description that names no earlier voice ("the spokesman") takes the noun phrase that an
  earlier sentence cites ("KCNA said, citing a foreign ministry spokesman"), and the citing
  voice's channel as source.
* :func:`relative_clause_subject` (report stage): "X, who met in Moscow on Tuesday, said" (or "which", "whose"):
  the subject is X, not a name inside the relative clause.
* :func:`joint_speakers` (report stage): "X and Y (both) said", "X and Y said in a joint
  statement", "the two leaders said", "the pair said", "..., and both said": one joint voice
  "X & Y" (names in the order of the text), not the last-named voice; "the two leaders", "the
  two men", "the pair" join people only, "the two countries" governments only.
* :func:`channel_named` (report stage): the channel named with the report ("the North said
  via its official KCNA news agency", "Through its state media, the North described", "said
  in a statement carried by state media") is the source; the speaker stays.
* :func:`framing.attribution._canonical.canonical_speakers` (last report stage): one name per
  voice; its rewrites are listed in ``_canonical``.
"""

from __future__ import annotations

import re

from ._canonical import _bare_name, _channel_of
from ._entities import near as _near, within as _within
from ._model import UNKNOWN, Attribution, Unit, rewrite_each, with_changes
from ._speakers import Mention, Voice, voice_for_name
from ._name_words import only_time_words
from ._subjects import subject_before
from ._vocab import INTENT_VERBS

_INTENT = re.compile(r"\s+to\s+[a-z]")
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which)\s+(?:\w+ly\s+|also\s+|still\s+)?$")
_QUOTED_AS = re.compile(r"[,\s]*(?P<subject>(?:the|a|an|[A-Z][\w.’'-]*)(?:\s+[\w.’'-]+){0,5}?)\s+"
                        r"(?P<cue>(?:was|were|is|has been)\s+(?:also\s+)?quoted\s+as\s+saying)\b")
_CITED = re.compile(r"\b(?:citing|quoting)\s+(?:an?|the)\s+(?P<np>(?:[\w-]+\s+){0,4}[\w-]+)")
_JOINT_BEFORE = re.compile(r"(?P<first>(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]*)\s+and\s+"
                           r"(?:[A-Z][\w.’'-]*\s+){0,4}$")
_RELATIVE_BEFORE_CUE = re.compile(r",\s+(?:who|which|whose)\s+[^,;“”\"]{1,150},\s*$")
# a match is at most about 170 characters (150 between the commas): searched only that far back,
# so each cue costs the same however long its sentence
_RELATIVE_REACH = 400
_BOTH = re.compile(r"(?:\bboth\s+(?:(?:have|had|also|later)\s+)?$|\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+(?P<noun>leaders|men|sides|"
                   r"countries|presidents|governments|ministers|diplomats)|(?P<pair>pair))\s+(?:(?:also|have|had|both)\s+)*$)")
# which voices a joint description can hold: 'the two leaders' are people, 'the two countries' governments
_JOINT_TYPES = {"leaders": ("person",), "men": ("person",), "presidents": ("person",), "ministers": ("person",),
                "diplomats": ("person",), "pair": ("person",), "countries": ("government",),
                "governments": ("government",)}
_LAST_NOT_IN_BOTH = re.compile(r"(?s:.*)[^A-Za-z\s]")   # up to the last character no _BOTH match holds
_CHANNEL = re.compile(r"\b(?:via|through|carried\s+by|in\s+a\s+(?:statement|report|commentary|dispatch)\s+"
                      r"(?:carried|published|released)\s+by)\s+(?:(?:its|their|the|his|her)\s+)?", re.IGNORECASE)


# --- cue rules ---

def intent_infinitive(u: Unit, c) -> bool:
    """'Trump, who plans to meet Kim, ...': an intention in a relative clause reports nothing.

    Only in a relative clause: PolNeAR annotates a main clause's "X plans to ..." as an
    attribution, and its dev F1 fell when the rule reached main clauses.
    """
    if c.verb.lemma not in INTENT_VERBS or not _RELATIVE_BEFORE.search(u.text, u.start, c.start):
        return False
    return u.text[c.start:c.end].endswith(" to") or bool(_INTENT.match(u.text, c.end))


def quote_quoted_as_saying(u: Unit, q, qs: int, qe: int):
    """'“X,” the spokesman was quoted as saying.': the quote is the subject's direct speech."""
    text = u.text
    match = _QUOTED_AS.match(text, qe, u.end)
    if match is None:
        return None
    cue = next((c for c in u.cues if match.start("cue") <= c.start < match.end("cue")), None)
    m = subject_before(text, match.start("cue"), qe, u.by_end, u.entities)
    voice = m.voice if m is not None else None
    source = ""
    if voice is None or voice.type == "group":
        cited = _cited(text, match.group("subject").split()[-1].lower(), qs, u.entities)
        if cited is not None and (voice is None or " " not in voice.canonical):
            voice, source = cited
        elif cited is not None and cited[0].canonical == voice.canonical:
            source = cited[1]   # ('the spokesman' found as the one cited: the citing voice's channel too)
    if voice is None:
        return None
    if cue is not None:
        u.used.add(cue.start)
    start, end = match.span("subject")
    return Attribution(voice.canonical, source or voice.channel or voice.canonical, match.group("cue"),
                       match.start("cue"), match.end("cue"), start, end, confidence=0.85, speaker_type=voice.type)


def _cited(text: str, head: str, before: int, entities: list[Mention]):
    """The voice an earlier sentence cites with ``head`` ('citing a foreign ministry spokesman')
    and the channel of the citing voice (the last agency or outlet named before the citation)."""
    found = np = None
    for match in _CITED.finditer(text, max(0, before - 1500), before):
        words = match.group("np").split()
        if head in words:
            found, np = match, " ".join(words[:words.index(head) + 1])
    if found is None:
        return None
    channel = next((m.voice for m in sorted(_near(entities, found.start() - 199, found.start()), key=lambda m: -m.start)
                    if m.voice is not None and m.start < found.start() and found.start() - m.end < 200
                    and m.voice.type in ("agency", "outlet")), None)
    voice = Voice(np, "group")
    return voice, (channel.canonical if channel is not None else "")


# --- report stages ---

def relative_clause_subject(u: Unit) -> None:
    """'Mr Xi and Russian President Vladimir Putin, who held a call last week, said': the
    subject stands before the relative clause, not inside it."""
    if not u.intervals:
        return   # (no report to rewrite; nothing below writes)
    text = u.text

    def rewrite(iv, attr):
        if attr.cue_start < 0 or attr.mention_start < 0 or attr.mention_start > attr.cue_start:
            return None
        clause = _RELATIVE_BEFORE_CUE.search(text, max(u.start, attr.cue_start - _RELATIVE_REACH), attr.cue_start)
        if clause is None or not clause.start() < attr.mention_start:
            return None
        m = subject_before(text, clause.start(), u.start, u.by_end, u.entities)
        if m is None or m.voice is None:
            return None
        return with_changes(attr, speaker=m.voice.canonical,
                       source=m.voice.channel or m.voice.canonical,
                       mention_start=m.start, mention_end=m.end, speaker_type=m.voice.type)

    rewrite_each(u, rewrite)


def joint_speakers(u: Unit) -> None:
    """'X and Y said', 'the two leaders said', '... and both said': one joint voice 'X & Y'."""
    if not u.intervals:
        return   # (no report to rewrite; nothing below writes)
    text = u.text
    named = u.entities   # (filtered to named non-document voices where used)

    def rewrite(iv, attr):
        if attr.cue_start < 0 or attr.mention_start < 0 or " & " in attr.speaker:
            return None
        pair = None
        lead = text[max(u.start, attr.mention_start - 80):attr.mention_start]
        # (every match holds 'and', and ends with it or with a capitalised word before its blanks)
        last = lead.rsplit(None, 1)[-1:]
        before = _JOINT_BEFORE.search(lead) if last and (last[0] == "and" or "A" <= last[0][0] <= "Z") \
            and "and" in lead else None
        if before is not None and attr.speaker:
            first = _voice_at(text, attr.mention_start - len(lead) + before.start("first"),
                              attr.mention_start - len(lead) + before.end("first"), named)
            second = _voice_at(text, attr.mention_start, attr.mention_end, named)
            second_name = second.canonical if second is not None else attr.speaker
            if first is not None and first.canonical != second_name and not only_time_words(first.canonical.split()):
                # (not 'his tweet on Sunday and his comments on Monday were': a day is no speaker)
                pair = (_bare_name(first.canonical), _bare_name(second_name))
        both = _both_before(text, u, attr.cue_start) if pair is None else None
        if pair is None and (both or attr.cue.startswith("both ")):
            types = _JOINT_TYPES.get(both and (both.group("noun") or both.group("pair")), ("person", "government"))
            people = []
            for m in sorted((m for m in _within(named, u.start - 600, attr.cue_start + 1) if m.end <= attr.cue_start
                             and m.voice is not None and m.voice.type != "document"),
                            key=lambda m: -m.start):
                if m.voice.type in types and m.voice.canonical not in people:
                    people.append(m.voice.canonical)
                if len(people) == 2:
                    break
            if len(people) == 2:
                pair = (people[1], people[0])
        if pair is None:
            return None
        joint = " & ".join(pair)
        own = attr.source in (attr.speaker, UNKNOWN) or attr.source == _channel_of(attr.speaker, named)
        return with_changes(attr, speaker=joint, source=joint if own else attr.source,
                       speaker_type="group")

    rewrite_each(u, rewrite)


def _both_before(text: str, u: Unit, cue_start: int):
    """``_BOTH.search(text, u.start, cue_start)``, searched only in the last ``_BOTH_REACH``
    characters before the cue and after the last character no match can hold (all are ASCII
    letters and spaces): each cue costs the same however long its sentence (a whole-unit scan
    per cue made a long paragraph of reports quadratic)."""
    lo = max(u.start, cue_start - _BOTH_REACH)
    if _no_both_word(text, lo, cue_start):
        return None   # (none in the whole reach: none after the barrier either)
    if lo < cue_start <= u.end and (barrier := _LAST_NOT_IN_BOTH.match(text, lo, cue_start)):
        lo = barrier.end()
        if _no_both_word(text, lo, cue_start):
            return None
    return _BOTH.search(text, lo, cue_start)


def _no_both_word(text: str, lo: int, hi: int) -> bool:
    """Every ``_BOTH`` match holds 'both', 'two' or 'pair' ('Both' only before 'two' or 'pair')."""
    return text.find("both", lo, hi) == -1 and text.find("two", lo, hi) == -1 and text.find("pair", lo, hi) == -1


# longer than any _BOTH match: 'the two governments also have had both ' is 40 characters; only
# words repeated past sense ('also also also ...') could reach further
_BOTH_REACH = 120


def _voice_at(text: str, start: int, end: int, named: list[Mention]) -> Voice | None:
    """The named voice of the words ``text[start:end]`` (an alias inside them, else the name)."""
    inside = [m for m in _within(named, start, end + 1) if m.end <= end and m.voice is not None
              and m.voice.type != "document"]
    if inside:
        return inside[-1].voice
    name = text[start:end].strip()
    return voice_for_name(name, named) if name[:1].isupper() else None


def channel_named(u: Unit) -> None:
    """'said via its official KCNA news agency', 'Through its state media, the North described':
    the agency or outlet named as the report's channel is its source."""
    if not u.intervals:
        return   # (no report to rewrite; nothing below writes)
    text = u.text
    media = [m for m in _within(u.entities, u.start, u.end) if m.voice is not None
             and m.voice.type in ("agency", "outlet")]
    if not media:
        return

    def rewrite(iv, attr):
        if attr.cue_start < 0 or not attr.speaker or attr.speaker_type in ("agency", "outlet"):
            return None
        for m in media:
            lead = _CHANNEL.search(text, max(u.start, m.start - 40), m.start)
            if lead is None or len(text[lead.end():m.start].split()) > 3 or iv.start <= m.start < iv.end:
                continue
            near = (abs(m.start - attr.cue_end) < 80 or abs(m.start - attr.mention_start) < 80
                    or m.start < attr.mention_start)
            if near:
                return with_changes(attr, source=m.voice.canonical)

    rewrite_each(u, rewrite)


