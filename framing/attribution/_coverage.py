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
* :func:`canonical_speakers` (last report stage): one name per voice whatever the outlet calls
  it: an alias inside a longer name ("South Korean President Moon Jae-in" -> Moon Jae-in), a
  name after its roles and possessor ("Russian Foreign Minister Sergei Lavrov", "U.S. Senator
  Amy Klobuchar", "Vox’s Alex Ward" -> the person), a name in apposition to a description
  ("Trump’s national security adviser, John Bolton, said"; "said a spokesman, Kim Eui-kyeom"),
  the voice of "he" or "she" for a clause taken for the speaker ("he kept up his attack on
  the levy saying, “...”"),
  the name a description in apposition follows, not a body named inside it ("Col. Jane Roe,
  a Harbour Authority spokeswoman, said" -> Jane Roe, not the Harbour Authority), the head of a noun phrase whose prepositional object was taken for the speaker ("An official
  with deep knowledge of North Korea said" -> official), a bare surname the alias table lacks
  -> the full name the article wrote before it ("Jim Acosta ... Acosta said" -> Jim Acosta:
  :func:`framing.attribution._surnames.full_names`), and a time span is no voice ("Hours after reports that ..." -> unknown).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._entities import Entities, near as _near, within as _within
from ._model import UNKNOWN, Attribution, Unit, rewrite_each, with_changes
from ._speakers import Mention, Voice, resolve, voice_for_name
from ._name_words import only_time_words
from ._subjects import subject_before
from ._surnames import full_name_before
from ._vocab import EVIDENCE_NOUNS, INTENT_VERBS, ROLE_WORDS, descriptions

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
# ('An official with ...', 'Some U.S. experts on ...': an article or a quantifier opens the noun phrase)
# (not a passive's agent: 'seen as a tax on commuters by most drivers')
_PREP_OBJECT = re.compile(r"\b(?:[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Mm]ost|[Tt]wo|[Tt]hree)\s+"
                          r"(?P<np>(?:[\w.’'-]+\s+){0,3}?[a-z][\w’'-]*)\s+(?:with|of|at|for|from|in|on)\s+"
                          r"(?:[\w’'-]+\s+){0,3}?(?:of|at|for|from|in|on|with)?\s*(?:the\s+)?"
                          r"(?<!\bby\s)(?<!\bby\sthe\s)$")
_BOTH = re.compile(r"(?:\bboth\s+(?:(?:have|had|also|later)\s+)?$|\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+(?P<noun>leaders|men|sides|"
                   r"countries|presidents|governments|ministers|diplomats)|(?P<pair>pair))\s+(?:(?:also|have|had|both)\s+)*$)")
# which voices a joint description can hold: 'the two leaders' are people, 'the two countries' governments
_JOINT_TYPES = {"leaders": ("person",), "men": ("person",), "presidents": ("person",), "ministers": ("person",),
                "diplomats": ("person",), "pair": ("person",), "countries": ("government",),
                "governments": ("government",)}
_LAST_NOT_IN_BOTH = re.compile(r"(?s:.*)[^A-Za-z\s]")   # up to the last character no _BOTH match holds
_CHANNEL = re.compile(r"\b(?:via|through|carried\s+by|in\s+a\s+(?:statement|report|commentary|dispatch)\s+"
                      r"(?:carried|published|released)\s+by)\s+(?:(?:its|their|the|his|her)\s+)?", re.IGNORECASE)
_POSSESSOR = re.compile(r"^(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’']s\s+")
_ROLE_NAME_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:spokesman|spokeswoman|spokesperson|official|secretary|minister|"
                              r"envoy|ambassador|adviser|director|chief)\s+(?:[A-Z][a-z]{0,3}\.\s+)?"
                              r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w’'-]+){1,2})")
_DESCRIBED = re.compile(r"^[Tt]he\s+(?P<head>[a-z]+)$")
_APPOSITION_AFTER = re.compile(r",\s+(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)\s*(?:,|\.|$)")
# 'Colonel Jane Roe, a Harbour Authority spokeswoman, said': a name before an
# apposition that holds the mention taken for the speaker (searched in the 160 characters before it)
_NAME_BEFORE_APPOSITION = re.compile(r"(?<![\w’'.-])(?P<name>(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*),\s+"
                                     r"(?:an?|the)\s+[^,;:“”\"()]{0,100}$")
_APPOSITION_CLOSES = re.compile(r"[^,;:“”\"()]{0,60},\s*")
_APPOSITION_REACH = 160
# a speaker mention that is a clause: "he" or "she", then its predicate ("they" is left: its
# antecedent is a group or a list as often as a voice) ('he persisted in ...')
_PRONOUN_CLAUSE = re.compile(r"([Hh]e|[Ss]he)\s+[a-z]")
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|at|from|with|to|by|in|on)\s+$")


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


def _channel_of(speaker: str, named: list[Mention]) -> str:
    if isinstance(named, Entities):
        return named.first_channel.get(speaker, "")
    return next((m.voice.channel for m in named if m.voice is not None and m.voice.canonical == speaker
                 and m.voice.channel), "")


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


def canonical_speakers(u: Unit) -> None:
    """One name per voice: an alias inside a longer name, a name past its roles and possessor,
    a name in apposition to a description."""
    if not u.intervals:
        return   # (no report to rewrite; nothing below writes)
    text = u.text
    named = u.entities   # (filtered to named voices where used)
    canonical = named.canonical if isinstance(named, Entities) else {
        m.voice.canonical for m in named if m.voice is not None and m.voice.type != "document"}

    def rewrite(iv, attr):
        if _time_span(attr.speaker):
            # 'Hours after reports that ...': a time, no voice (nor the source of the reports inside)
            return with_changes(attr, speaker=UNKNOWN, source=UNKNOWN, speaker_type="")
        if _time_span(attr.source):
            return with_changes(attr, source=_channel_of(attr.speaker, named) or attr.speaker)
        if attr.speaker.lower() == "it" and _expletive_passive(text, attr):
            # 'It was revealed that ...': an agentless passive report, no 'it' speaks
            return with_changes(attr, speaker="", source=UNKNOWN, speaker_type="", mention_start=-1, mention_end=-1)
        if attr.mention_start < 0 or " & " in attr.speaker:
            return None
        voice = None
        if attr.speaker_type != "person" and (
                head := _PREP_OBJECT.search(text, max(u.start, attr.mention_start - 80), attr.mention_start)):
            # 'An official with deep knowledge of North Korea said', 'a diplomat at the United Nations'
            np = head.group("np")
            return with_changes(attr, speaker=np, source=np if attr.source in (attr.speaker, UNKNOWN)
                                else attr.source, speaker_type="group", mention_start=head.start())
        mention_text = text[attr.mention_start:attr.mention_end]
        if attr.speaker_type != "person" and (pronoun := _PRONOUN_CLAUSE.match(mention_text)):
            # 'he kept up his attack on the levy saying, “...”': the clause's subject speaks
            voice = resolve(pronoun.group(1), attr.mention_start, named)
            if voice is None or voice.type != "person" or not voice.gender:
                return None   # (a name of no known gender, a paper or a country for 'she': no better than the clause)
            own = attr.source in (attr.speaker, UNKNOWN)
            return with_changes(attr, speaker=voice.canonical, source=(voice.channel or voice.canonical) if own
                                else attr.source, speaker_type=voice.type)
        if attr.speaker_type != "person" and (apposed_to := _name_before_apposition(text, u.start, attr, named)):
            voice = apposed_to     # 'Col. Jane Roe, a Harbour Authority spokeswoman, said'
        inside = [m for m in _within(named, attr.mention_start, attr.mention_end + 1)
                  if m.end <= attr.mention_end and m.voice is not None and m.voice.type == "person"
                  and (m.start, m.end) != (attr.mention_start, attr.mention_end)]
        if voice is not None:
            pass
        elif inside and inside[-1].end >= attr.mention_end - 1:
            voice = inside[-1].voice       # 'South Korean President Moon Jae-in'
        elif attr.speaker_type != "person" and (role := _ROLE_NAME_AFTER.match(text, attr.mention_end)):
            voice = voice_for_name(role.group("name"), named)   # 'said Harbour Authority spokeswoman Col. Jane Roe'
        elif (described := _DESCRIBED.match(mention_text)) and attr.speaker == described.group("head"):
            # 'the official' -> the earlier 'a White House official'
            voice = _described(text, described.group("head"), attr.mention_start)
        elif (apposed := _APPOSITION_AFTER.match(text, attr.mention_end)) is not None and (
                mention_text[:1].islower() or "’s " in mention_text or "'s " in mention_text
                or not mention_text[:1].isupper() or attr.speaker not in canonical):
            if _looks_like_name(apposed.group("name")):   # 'a spokesman, Kim Eui-kyeom'; 'adviser, John Bolton,'
                found = [m for m in _within(named, apposed.start("name"), apposed.start("name") + 1)
                         if m.voice is not None]
                voice = found[0].voice if found else voice_for_name(apposed.group("name"), named)
        elif attr.speaker_type == "person" and attr.speaker.split()[-1][:1].isupper():
            bare = _bare_name(attr.speaker)
            if bare != attr.speaker:
                voice = voice_for_name(bare, named)
        if voice is None and attr.speaker_type == "person" and _SURNAME.fullmatch(attr.speaker) and \
                not _alias_voice(attr.speaker, named):
            voice = full_name_before(text, attr.speaker, attr.mention_start, named)   # 'Acosta' after 'Jim Acosta'
        if voice is None and (common := common_noun_name(attr.speaker)) is not None:
            voice = Voice(common, "group")   # 'Analysts say' at a sentence's start: the voice of 'analysts say'
        if voice is None or voice.canonical == attr.speaker:
            return None
        own = attr.source in (attr.speaker, UNKNOWN)
        return with_changes(attr, speaker=voice.canonical,
                       source=(voice.channel or voice.canonical) if own else attr.source,
                       speaker_type=voice.type)

    rewrite_each(u, rewrite)


# 'It was revealed that', 'it has been reported on Monday that': 'it', a passive, a that-clause
_EXPLETIVE_BE = re.compile(r"(?:\s+(?:has|had|have|will|would|could|may|might|also|now|\w+ly))*"
                           r"\s+(?:is|was|be|been)(?:\s+(?:also|now|\w+ly))*\s+")
_ONE_ADVERB = re.compile(r"(?:also|now|\w+ly)\s+")
_THAT_AFTER = re.compile(r"(?:\s+[\w,]+){0,4}?\s+that\b")


def _expletive_passive(text: str, attr: Attribution) -> bool:
    """The speaker 'it' is the expletive subject of a passive speech verb with a that-clause."""
    cue = text[attr.cue_start:attr.cue_end]
    verb = _ONE_ADVERB.match(cue)   # (a cue may hold an adverb before its participle: 'also revealed')
    return (_EXPLETIVE_BE.fullmatch(text, attr.mention_end, attr.cue_start + (verb.end() if verb else 0)) is not None
            and cue.endswith(("ed", "en", "wn")) and _THAT_AFTER.match(text, attr.cue_end) is not None)


def _name_before_apposition(text: str, lo: int, attr: Attribution, named) -> Voice | None:
    """The name before ', a|an|the ...,' when the mention taken for the speaker stands in that
    apposition and the apposition closes right before the cue ('Col. Jane Roe, a Defense
    Department spokeswoman, said'; 'The Daily Planet, a paper run by the ruling party's
    Gazette, said'): the apposition describes the one named, the body in it does not speak."""
    if attr.cue_start < attr.mention_end or not _APPOSITION_CLOSES.fullmatch(text, attr.mention_end, attr.cue_start):
        return None
    if text[attr.cue_start:attr.cue_end].endswith("ing"):
        return None   # ('sent a wreath to Dr. Roe, a researcher at X, expressing ...': the sentence's subject)
    before = _NAME_BEFORE_APPOSITION.search(text, max(lo, attr.mention_start - _APPOSITION_REACH), attr.mention_start)
    if before is None:
        return None
    if _PREPOSITION_BEFORE.search(text, max(lo, before.start() - 12), before.start()):
        return None   # ('a lawyer for Ruritania Watch, a group ...,': the name is an object, not the one described)
    name = _bare_name(before.group("name"))
    if name.startswith("The "):
        name = name[4:]   # ('The China Daily, ...': the name without its article)
    if not _looks_like_name(name):
        return None
    found = [m for m in _within(named, before.start("name"), before.end("name")) if m.voice is not None]
    if found:
        return found[-1].voice if found[-1].voice.type == "person" and found[-1].end == before.end("name") else None
    return voice_for_name(name, named)


_TIME_SPAN = re.compile(r"(?:(?:just|only|a few|several|some|\d+|two|three|four|five|six)\s+)?"
                        r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|before|later|earlier|ago)",
                        re.IGNORECASE)
_TIME_SPAN_LAST = frozenset("after before later earlier ago".split())


def _time_span(name: str) -> bool:
    return name.rpartition(" ")[2].lower() in _TIME_SPAN_LAST and bool(_TIME_SPAN.fullmatch(name))


_SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")


def _alias_voice(name: str, named: list[Mention]) -> bool:
    """Whether ``name`` is a voice of the alias table (a government, a body, or a person with the
    gender the table gives; a voice made from a name the table lacks has none): 'Trump' stays
    'Trump' after 'Melania Trump', 'Iran' stays 'Iran'."""
    return any(m.voice is not None and m.voice.canonical == name and (m.voice.gender or m.voice.type != "person")
               for m in named)


# words that open a group's noun phrase ('Many say', 'One official said', 'Others warn')
_QUANTIFIERS = frozenset("many some most few several others all both one two three another everyone everybody "
                         "nobody people".split())


@lru_cache(maxsize=4096)   # (a pure function of the name, asked for every report)
def common_noun_name(name: str) -> str | None:
    """A common noun phrase written with a capital only because it opens a sentence ('Analysts',
    'Others', 'One official'), lower-cased; None for a name.

    Its head is a plural or singular description title ('analyst', 'official': descriptions.csv)
    or an evidence noun ('Polls'), or the phrase is a quantifier; before the head, only lower-case
    words after a first one that is a quantifier ('One', 'Two military analysts').
    """
    words = name.split()
    if not words or not words[0][:1].isupper() or not words[0][1:].islower() or \
            any(not w.islower() for w in words[1:]):
        return None
    lowered = [w.lower() for w in words]
    if len(words) == 1 and lowered[0] in _QUANTIFIERS:
        return lowered[0]
    head = lowered[-1]
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if singular not in _common_heads():
        return None
    if len(words) > 1 and lowered[0] not in _QUANTIFIERS:
        return None   # ('Chinese official', 'Pentagon officials': a proper adjective or name)
    return " ".join(lowered)


@lru_cache(maxsize=1)
def _common_heads() -> frozenset:
    return frozenset(title for _, _, title, _ in descriptions().values() if title) | EVIDENCE_NOUNS


def _described(text: str, head: str, before: int) -> Voice | None:
    """The voice an earlier indefinite noun phrase introduced with ``head`` ('a White House
    official', 'a North Korean foreign ministry spokesman'), for 'the official' after it."""
    found = None
    lo = max(0, before - 6000)
    if text.find(head, lo, before) == -1:
        return None   # (every match holds the head)
    for found in _described_pattern(head).finditer(text, lo, before):
        pass
    return Voice(found.group(1), "group") if found is not None else None


@lru_cache(maxsize=1024)   # (PolNeAR train asks for ~140 heads: 64 made every run recompile them)
def _described_pattern(head: str) -> re.Pattern:
    """'a/an', one to four words, ``head``. (The article's word boundary is tested after its
    letter, by a lookbehind: a pattern opening with a character class lets the engine skip to
    where a match can start.)"""
    return re.compile(r"[Aa](?<!\w[Aa])n?\s+((?:[A-Z][\w.’'-]*\s+|[a-z][\w-]*\s+){1,4}" + re.escape(head) + r")\b")


def _looks_like_name(words: str) -> bool:
    parts = words.split()
    return 2 <= len(parts) <= 4 and not any(w.rstrip(".,").lower() in ROLE_WORDS for w in parts)


@lru_cache(maxsize=4096)   # (a pure function of the name, asked for every person's report)
def _bare_name(name: str) -> str:
    """'Russian Foreign Minister Sergei Lavrov' -> 'Sergei Lavrov'; 'Vox’s Alex Ward' -> 'Alex Ward'."""
    words = _POSSESSOR.sub("", name).split()
    while len(words) > 2 and words[0].rstrip(".,").lower() in ROLE_WORDS:
        words = words[1:]
    return " ".join(words) if words else name
