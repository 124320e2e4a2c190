"""Canonical speakers: the last report stage, and the name helpers it shares with
``_coverage.joint_speakers``.

:func:`canonical_speakers` gives one name per voice whatever the outlet calls it: an alias
inside a longer name ("South Korean President Moon Jae-in" -> Moon Jae-in), a name after its
roles and possessor ("Russian Foreign Minister Sergei Lavrov", "U.S. Senator Amy Klobuchar",
"Vox’s Alex Ward" -> the person), a name in apposition to a description ("Trump’s national
security adviser, John Bolton, said"; "said a spokesman, Kim Eui-kyeom"), the voice of "he" or
"she" for a clause taken for the speaker ("he kept up his attack on the levy saying, “...”"),
the name a description in apposition follows, not a body named inside it ("Col. Jane Roe, a
Harbour Authority spokeswoman, said" -> Jane Roe, not the Harbour Authority), the head of a noun
phrase whose prepositional object was taken for the speaker ("An official with deep knowledge of
North Korea said" -> official), a bare surname the alias table lacks -> the full name the
article wrote before it ("Jim Acosta ... Acosta said" -> Jim Acosta:
:func:`framing.attribution._surnames.full_names`), and a time span is no voice ("Hours after
reports that ..." -> unknown).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._clause_subjects import _PREPOSITIONS
from ._entities import Entities, within as _within
from ._model import UNKNOWN, Attribution, Unit, rewrite_each, with_changes
from ._speakers import Mention, Voice, resolve, voice_for_name
from ._surnames import full_name_before
from ._vocab import EVIDENCE_NOUNS, PRONOUN_GENDER, ROLE_WORDS, alternation, descriptions

# ('An official with ...', 'Some U.S. experts on ...': an article or a quantifier opens the noun phrase)
# (not a passive's agent: 'seen as a tax on commuters by most drivers')
_PREP_OBJECT = re.compile(r"\b(?:[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Mm]ost|[Tt]wo|[Tt]hree)\s+"
                          r"(?P<np>(?:[\w.’'-]+\s+){0,3}?[a-z][\w’'-]*)\s+(?:with|of|at|for|from|in|on)\s+"
                          r"(?:[\w’'-]+\s+){0,3}?(?:of|at|for|from|in|on|with)?\s*(?:the\s+)?"
                          r"(?<!\bby\s)(?<!\bby\sthe\s)$")

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
# a speaker mention that is a clause: "he" or "she" (_vocab.PRONOUN_GENDER), then its predicate
# ("they" is left: its antecedent is a group or a list as often as a voice) ('he kept up ...')
_PRONOUN_CLAUSE = re.compile("(" + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in sorted(PRONOUN_GENDER))
                             + r")\s+[a-z]")
# a preposition right before a name makes the name its object (_clause_subjects' prepositions)
_PREPOSITION_BEFORE = re.compile(r"\b(?:" + alternation(_PREPOSITIONS) + r")\s+$")


def _channel_of(speaker: str, named: list[Mention]) -> str:
    if isinstance(named, Entities):
        return named.first_channel.get(speaker, "")
    return next((m.voice.channel for m in named if m.voice is not None and m.voice.canonical == speaker
                 and m.voice.channel), "")


def canonical_speakers(u: Unit) -> None:
    """One name per voice, whatever the outlet calls it (the module docstring lists the rewrites).

    In order: a time span is no voice; 'It was revealed that' has no speaker; an official whose
    prepositional object was taken for the speaker is the official; 'he'/'she' opening a clause
    taken for the speaker gives the pronoun's person; the name an apposition describes speaks, not a
    body inside it; else an alias inside a longer name, a name after a role, an earlier
    'a ... official' for 'the official', a name in apposition after a description, a name past its
    roles and possessor, the full name for a bare surname, a sentence-opening common noun.
    """
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
        if voice is None:
            inside = [m for m in _within(named, attr.mention_start, attr.mention_end + 1)
                      if m.end <= attr.mention_end and m.voice is not None and m.voice.type == "person"
                      and (m.start, m.end) != (attr.mention_start, attr.mention_end)]
            if inside and inside[-1].end >= attr.mention_end - 1:
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
