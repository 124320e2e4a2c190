"""Grammar helpers shared by the direct-quote and reported-speech rules: clause patterns,
content bounds, and who speaks through a verb cue."""

from __future__ import annotations

import re
from bisect import bisect_left

from ._layout import WORD
from ._cues import cue_word
from ._model import UNKNOWN, Attribution, Unit
from ._speakers import Mention, Voice
from ._vocab import LY_ADVERB, QUOTE_ATTRIBUTION_VERBS, SPEAKER_PRONOUNS, TELLING_VERBS
from ._after import _name_after
from ._clause_subjects import (_SUBJECT_LEAD, _clause_subject, _unit_subject, last_subject_pronoun,
                               main_clause_subject, opening_participle_subject, plain_subject)
from ._subjects import subject_before

# how far back before a cue the patterns that end at the cue look ('has been quoted ... as'): a
# bound keeps the cost of a unit linear in its length
LOOKBACK = 300
# (compiled once: the rules run on every cue or quote)
_CLAUSE_PUNCTUATION = re.compile(r"[,;:\"“”]")
_SUBORDINATE_LEAD = re.compile(r"\b(?:that|which|who|as|while|when|if|because)\s+(?:\S+\s+){0,4}$", re.I)

_TRAILING_END = re.compile(r"^\s*[.!?;]*[\"”’)]*\s*$")
_PARTICIPLE_WORDS = ("and", "by", "while", "before", "after", "when", "in", "without", "upon", "on")
# (a comma inside closing quotation marks counts: 'told the hosts of “Morning Joe,” adding')
_PARTICIPLE_LEAD = re.compile(r"(?:,(?:''|[\"”’])?|\b(?:" + "|".join(_PARTICIPLE_WORDS) + r"))\s*$")
_COMMA_ENDINGS = (",", ",''", ',"', ",”", ",’")
_INFINITIVE_LEAD = re.compile(r"\b(?:[a-z]+ed|went on|goes on|go on|began|wants|want|tried|got|came|had|has|have|is going|"
                              r"was going|so far as|as if|seems|appears|continues)\s+to\s*$")   # 'O'Malley ... interjected to say:', 'he went on to say'
_COORDINATORS = ("and", "but", "then", "yet")
# adverbs may stand between the coordinator and the verb ('..., but now says', 'but instead focuses on')
# (not 'and family said'; after a coordinator 'early' opens a noun phrase: 'and early polls showed')
_COORDINATED_ADVERBS = ("now", "instead", "also", "still", "later", "even", "again", "already")


def _coordination(coordinators, adverbs: bool = True) -> tuple[re.Pattern, tuple[str, ...]]:
    """A coordinator of ``coordinators`` ending the searched text (and the adverbs after it, if
    ``adverbs``), and the words every match ends with (for :func:`coordinated_before`)."""
    after = (r"(?:\s+(?:" + "|".join(_COORDINATED_ADVERBS) + r"|(?!early\b)" + LY_ADVERB + r"))*") if adverbs else ""
    pattern = re.compile(r"(?:,\s*|\b)(?:" + "|".join(coordinators) + r")" + after + r"\s*$")
    return pattern, tuple(coordinators) + ((_COORDINATED_ADVERBS + ("ly",)) if adverbs else ())


# 'said X and noted ...': a verb coordinated with the one before
_COORDINATED = _coordination(_COORDINATORS)
# 'X said Y and Trump said Z': a speaker after one of these opens the sentence's next report, not a
# nested one (_relay.report_in_a_report, _carried.coordinated_report_keeps_its_voice); with the
# adverbs, or 'then' and 'yet', outer speakers change on PolNeAR train (F1 and speaker accuracy kept)
NEXT_REPORT = _coordination(("and", "but", "while", "whereas"), adverbs=False)
_VERB_BEFORE = re.compile(r"(?<![a-z])([a-z]+ed)\s+$")
# 'Weaver, who came out and endorsed', 'the candidate who launched his campaign by declaring'
# (not 'questions on who Cameron would like', 'which Trump had called': no subject relative)
_WHO_BEFORE = re.compile(r"(?:,\s*|(?<!\bon)(?<!\bof)(?<!\bto)(?<!\babout)\s)(who|which)\s+"
                         r"(?![A-Z]|(?:he|she|they|it|we|you)\b)[^,;]*$")
_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?quoted\s+"
                        r"(?:[\w,]+\s+){0,5}?as\s+$")


def _ends_with(text: str, lo: int, hi: int, endings) -> bool:
    """``text[lo:hi]`` without its trailing blanks ends with one of ``endings`` (no copy)."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return text.endswith(endings, lo, hi)


# The patterns anchored at a cue ($) are searched only where the words before the cue end as
# every match does: a search tries each position of its window (up to LOOKBACK characters).

def coordinated_before(text: str, lo: int, hi: int, coordination=_COORDINATED):
    """The search of ``coordination``'s pattern (:func:`_coordination`; '... and' right before
    ``hi``) in ``text[lo:hi]``."""
    pattern, endings = coordination
    return pattern.search(text, lo, hi) if _ends_with(text, lo, hi, endings) else None


def _participle_lead(text: str, lo: int, hi: int):
    return _PARTICIPLE_LEAD.search(text, lo, hi) if _ends_with(text, lo, hi, _COMMA_ENDINGS + _PARTICIPLE_WORDS) else None


def _infinitive_lead(text: str, lo: int, hi: int):
    return _INFINITIVE_LEAD.search(text, lo, hi) if _ends_with(text, lo, hi, "to") else None


def quoted_as_before(text: str, lo: int, hi: int):
    """``_QUOTED_AS.search(text, lo, hi)``: 'was quoted as' right before ``hi``."""
    return _QUOTED_AS.search(text, lo, hi) if _ends_with(text, lo, hi, "as") else None


_ACCORDING_AFTER = re.compile(r",((?:''|[\"”’])?)\s+(?:according to|citing)")
_COMMA_MATCHES: dict = {}   # pattern -> (the last text, its match starts, its matches)


def first_comma_match(pattern: re.Pattern, text: str, start: int, end: int, accept=None):
    """``pattern.search(text, start, end)`` (with ``accept(match)`` for what the pattern cannot
    say, e.g. a word boundary at ``end``), from the pattern's matches over the whole text, found
    once per text: a long unit with many cues costs no more per cue.

    Only for a pattern whose matches open with a comma, hold no other, and whose end does not
    depend on where the search stops (so they never overlap and a match within
    ``text[start:end]`` is a match over the whole text).
    """
    cached = _COMMA_MATCHES.get(pattern)
    if cached is None or cached[0] is not text:
        matches = list(pattern.finditer(text))
        cached = _COMMA_MATCHES[pattern] = (text, [m.start() for m in matches], matches)
    _, starts, matches = cached
    for i in range(bisect_left(starts, start), len(starts)):
        m = matches[i]
        if m.end() > end:
            return None
        if accept is None or accept(m):
            return m
    return None


# a cue ending with its preposition ('spoke highly of', 'lashed out at'): its object follows
_PREPOSITION_END = re.compile(r"\s(?:about|of|against)$")


def _object_after(text, cue) -> bool:
    """'..., telling the crowd', 'told reporters', '..., spoke highly of the president': what
    follows the cue is its object, not a speaker."""
    return cue_word(text, cue).endswith("ing") or cue.verb.lemma in TELLING_VERBS["object"] \
        or _PREPOSITION_END.search(text, cue.start, cue.end) is not None


def _main_clause(text, u_start, cue, cues) -> bool:
    """The cue is the unit's first and stands in its main clause ('X seems ...', not '..., which seemed')."""
    prefix = text[_content_start(text, u_start, cue.start):cue.start]
    return (not any(c.start < cue.start for c in cues) and not _CLAUSE_PUNCTUATION.search(prefix)
            and not _SUBORDINATE_LEAD.search(prefix))


def _mention_of(attr: Attribution, text: str) -> Mention | None:
    """The speaker mention of an earlier attribution, for a cue that continues its clause."""
    if attr.mention_start < 0 or not attr.speaker:
        return None
    channel = attr.source if attr.source not in (attr.speaker, UNKNOWN) else ""
    return Mention(attr.mention_start, attr.mention_end,
                   Voice(attr.speaker, attr.speaker_type or "person", "", channel),
                   text[attr.mention_start:attr.mention_end])


def _content_start(text, lo, hi) -> int:
    m = _SUBJECT_LEAD.match(text, lo, hi)
    pos = m.end() if m else lo
    while pos < hi and text[pos] in " ,;":
        pos += 1
    return pos


def _content_end(text, start, end) -> int:
    # stop before ', according to' and trailing punctuation (the word ends there or at ``end``)
    m = first_comma_match(_ACCORDING_AFTER, text, start, end,
                          lambda m: m.end() == end or not WORD.match(text, m.end()))
    if m:
        end = m.end(1)   # '..., “a quote,” according to X': the closing mark stays
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return end


def _reporter_goes_on(u: Unit) -> bool:
    """The unit's last speaker is a trailing report's ('..., the Post reported, citing';
    '“...,” he said, adding'): it goes on, not the main clause's subject."""
    if not u.previous:
        return False
    return u.text[u.start:u.previous[-1].start].rstrip().endswith((",", "\"", "”", "'", "’"))


_INVERTED_FORMS = frozenset(QUOTE_ATTRIBUTION_VERBS)
_ADJUNCTS_ONLY = re.compile(r"[^,;:.\"“”]{0,40}")


def _reporter_before(u: Unit, comma: int) -> Mention | None:
    """The speaker of a speech cue ending right before ``comma`` ('Manchin said on Monday,'; 'said
    Manchin,'), for a participle after it."""
    text = u.text
    cue = next((c for c in reversed(u.cues) if c.end <= comma and c.verb.is_speech
                and _ADJUNCTS_ONLY.fullmatch(text, c.end, comma)), None)
    if cue is None:
        return None
    if text[u.start:cue.start].rstrip().endswith((",", "\"", "”", "'", "’")) and cue_word(text, cue) in _INVERTED_FORMS:
        # '“...,” said Manchin,' (not 'X, the victim's father, issued a statement,': no inversion)
        m = _name_after(text, cue.end, comma + 1, u.by_end, u.entities)
    else:
        m = subject_before(text, cue.start, u.start, u.by_end, u.entities)
    return m if m is not None and m.voice is not None else None


def speaker_of(u: Unit, cue, stops: list | None = None, fallback: bool = True) -> Mention | None:
    """The mention naming who speaks through a verb cue of the unit ``u``."""
    text, u_start = u.text, u.start
    near = max(u_start, cue.start - LOOKBACK)
    word = cue_word(text, cue)   # the verb, not an adjunct's noun ('said at the hearing')
    if not word.endswith("ing") and (first := WORD.match(text, cue.start)) and first.group().endswith("ing"):
        word = first.group().lower()   # 'pointing out', 'weighing in': the participle, not its particle
    if quoted := quoted_as_before(text, near, cue.start):   # 'Kim was quoted as saying'
        return subject_before(text, quoted.start(), u_start, u.by_end, u.entities)
    participle = word.endswith("ing")
    if (participle or "ing " in text[max(u_start, cue.start - 16):cue.start]) and (m := opening_participle_subject(
            text, u_start, cue.start, cue.end, u.end, participle, u.by_end, u.entities)) is not None:
        return m   # 'Since announcing X, Johnson has ...'
    infinitive = None
    lead = ((participle and _participle_lead(text, near, cue.start))
            or coordinated_before(text, near, cue.start)
            or (infinitive := _infinitive_lead(text, near, cue.start)))
    if lead:
        # '..., adding that', 'by saying', '... and said': the clause's subject speaks
        # the subject of the verb before 'and' ('he laughed and said'), the voice of the unit's
        # previous attribution ('X, Hollande said, noting ...'), else the unit's subject
        m = None
        if not word.endswith("ing"):
            verb = _VERB_BEFORE.search(text, near, lead.start())   # 'he laughed and said'
            if verb is not None:
                m = subject_before(text, verb.start(1), u_start, u.by_end, u.entities)
                if m is not None and (m.voice is None and m.text.lower() not in SPEAKER_PRONOUNS
                                      or m.voice is not None and m.voice.type == "group"):
                    m = None   # (an unresolved 'he' still marks the speaker)
        if m is None and (rel := _WHO_BEFORE.search(text, near, lead.start())):
            # 'Weaver, who came out and endorsed Clinton': the relative clause's subject
            m = subject_before(text, rel.end(1), u_start, u.by_end, u.entities)
        if m is None and word.endswith("ing") and lead.group().startswith(","):
            m = _reporter_before(u, lead.start())   # '“...,” Manchin said, referring to ...'
        if m is None and not _reporter_goes_on(u):
            # '[Carson] said he plans ..., insisting ...', 'He laid off staff and began talking
            # about ...': the main clause's subject (a coordinated verb: the nearest clause's)
            m = main_clause_subject(text, u_start, lead.start(), u.by_end, u.entities,
                                    nearest=not word.endswith("ing"))
        if m is None and u.previous:
            m = u.previous[-1]
        if m is None and u.intervals:   # '“X,” Graham said on “Morning Joe,” adding, “Y”': Graham
            m = _mention_of(u.intervals[-1].attr, text)
        if m is None:
            m = _unit_subject(text, u_start, cue.start, u.by_end, u.entities)
            if not plain_subject(m, cue.start):   # "It's a strategy on which she's to the left, while emphasizing"
                m = last_subject_pronoun(text, u_start, lead.start(), u.entities) or m
        if stops is not None and infinitive is None:
            # the clause before ends here (not before 'decided to support': one clause goes on)
            stops.append(lead.start())
    else:
        m = subject_before(text, cue.start, u_start, u.by_end, u.entities)
    if m is None and fallback and cue.verb.firm:
        m = _clause_subject(text, u_start, cue.start, entities=u.entities)   # 'many Carrier workers say ...'
    return m
