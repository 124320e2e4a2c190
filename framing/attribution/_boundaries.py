"""Where reported words start and end (``framing.attribution._reported``): the start of a
forward report after its verb, and three report stages: :func:`subordinate_clause_stop` and
:func:`opening_participle_stop` end the words where the sentence's grammar does before the unit
ends; :func:`adjunct_only_report` drops 'reported words' that only say where or when."""

from __future__ import annotations

import re

from ._cues import _TO_OBJECT, skip_after_cue
from ._layout import WORD, _inside
from ._model import Interval, Unit
from ._speakers import Mention, group_voice
from ._vocab import (ADJUNCT_ONLY_VERBS, ADJUNCT_OPENINGS, AUXILIARY, SUBJECT_PRONOUNS, SUBORDINATORS, WEEKDAY,
                     alternation)

# a sentence opening with a subordinate clause: 'While X says ..., Y ...', 'Though X backed ...,'
# (the subordinators of openers.csv, capitalised; 'Even as', 'Shortly after'; prepositions opening an adjunct clause)
_SUBORDINATE_OPENING = re.compile(r"[\W_]*(?:(?:And|But|Yet|So)\s+)?(?P<conj>"
                                  + alternation(w.capitalize() for w in SUBORDINATORS) + r"|"
                                  r"Even\s+(?:as|though|if|when|while)|"
                                  r"(?:Shortly|Just|Soon|Long|Only|Right|Days|Weeks|Months|Hours|Minutes)\s+(?:after|before)|"
                                  r"Despite|Upon|Unlike|Like|Without)\s")


def subordinate_clause_stop(u: Unit) -> None:
    """'While the candidates say the country must lead, they differ on ...': a report inside a
    subordinate clause opening the sentence ends at the clause's comma; the main clause after it
    is the narrator's again, or another report's ('..., he maintained that ...'). Not 'As X
    said, ...', whose content is the main clause; not the comma of a number ('2,400': PolNeAR
    train F1 0.77961 -> 0.77964). Also after 'After', 'Before', 'Once', 'Until', 'Unless',
    'Shortly after', 'Despite', 'Upon', 'Unlike', 'Like', 'Without' ('After Ross argued that X,
    Hill said only that Y': X ends at the comma; PolNeAR train F1 0.78483 -> 0.78496, speaker
    accuracy 0.90286 -> 0.90341)."""
    text = u.text
    if not u.forward or not (opening := _SUBORDINATE_OPENING.match(text, u.start, u.end)):
        return
    first = min(c.start for c, _ in u.forward)
    comma = text.find(",", u.start, u.end)
    while comma != -1 and (_inside(comma, u.spans) or text[comma - 1:comma].isdigit() and text[comma + 1:comma + 2].isdigit()):
        comma = text.find(",", comma + 1, u.end)
    if comma == -1 or comma < first:
        return   # no comma, or the first cue is in the main clause
    if opening.group("conj") == "As" and any(c.verb.is_speech for c, _ in u.forward if c.start < comma):
        return
    u.clause_stops.append(comma)


# '... and she accused Y of ...': 'and' right before a cue's subject pronoun
_AND_BEFORE = re.compile(r"\sand\s+$")
_LEAD_WINDOW = 14   # characters before a subject that hold the lead word ('even as', ', and')


def second_report_stop(u: Unit) -> None:
    """'She said Russia hacked the files and she accused Trump of ...': a cue whose subject
    pronoun follows 'and' is the sentence's second report; the words reported before it end
    where its clause starts (a named subject after 'and' is often a joint object: 'said Clinton
    and Sanders agreed'). PolNeAR train: F1 0.78456 -> 0.78462, speaker accuracy 0.89694 ->
    0.89718 (with names too: F1 0.78446)."""
    _stop_before_lead(u, _AND_BEFORE, pronoun_only=True)


# ', with X calling it ...': an absolute clause right before a cue's subject
_WITH_BEFORE = re.compile(r",\s*with\s+$")


def with_clause_stop(u: Unit) -> None:
    """'Democrats agreed the plan was vague, with Sen. Ross calling it a mess': a cue whose subject
    follows ', with' is a report of its own (the absolute clause's); the words reported before
    it end at the comma."""
    _stop_before_lead(u, _WITH_BEFORE, pronoun_only=False)


def _stop_before_lead(u: Unit, lead_pattern: re.Pattern, *, pronoun_only: bool) -> None:
    """End the words reported before a cue whose subject (a subject pronoun with ``pronoun_only``)
    follows a lead that ``lead_pattern`` finds right before it, where that lead starts."""
    text = u.text
    for c, m in u.forward:
        if (m is None or m.end > c.start or m.start <= u.start
                or pronoun_only and m.text.lower() not in SUBJECT_PRONOUNS
                or (lead := lead_pattern.search(text, max(u.start, m.start - _LEAD_WINDOW), m.start)) is None):
            continue
        if any(c2.start < lead.start() for c2, _ in u.forward) and not _inside(lead.start(), u.spans):
            u.clause_stops.append(lead.start())   # (a report before it to end)


# ', with 87 percent viewing ...', ', with three in 10 saying ...': the absolute clause's subject
_WITH_NP_BEFORE = re.compile(r",\s*with\s+(?P<np>[\w’'%/-]+(?:\s+[\w’'%/-]+){0,5})\s+$")


def with_clause_subject(u: Unit) -> None:
    """'Voters shrugged off the pick, with three in 10 saying it would not matter': a cue in -ing
    whose subject no rule found, after ', with' and at most six words (its subject), reports for
    them, nested in the report before it (cutting that report at the comma instead: PolNeAR train
    F1 0.78467)."""
    if not u.forward:
        return
    text = u.text
    taken = {c.start for c, _ in u.forward}
    first = min(c.start for c, _ in u.forward)
    for c in u.cues:
        if c.kind != "verb" or c.start in taken or c.start < first or not text.endswith("ing", c.start, c.end):
            continue
        np = _WITH_NP_BEFORE.search(text, max(u.start, c.start - 60), c.start)
        if np is None or np.start() < first or _inside(np.start(), u.spans):
            continue
        words = np.group("np")
        u.forward.append((c, Mention(np.start("np"), np.end("np"), group_voice(words),
                                     words)))
        u.forward.sort(key=lambda cm: cm[0].start)


# a clause with a subject of its own, right before that subject: a subordinate clause ('..., when
# he told'), or a clause after a comma or a dash ('..., the mayor hinted', '— he told the AP')
# (not 'unless': 'unless the city agrees to the plan' is a condition, not a report; with it an
# AllSides dev2 row was lost, PolNeAR train the same without it)
_SUBORDINATORS_OF_A_REPORT = SUBORDINATORS - {"unless"}
_SUBORDINATOR_BEFORE = re.compile(r"(?:(?:,\s*|\s)(?:(?:even|just)\s+)?(?:" + alternation(_SUBORDINATORS_OF_A_REPORT) +
                                  r")\s+|,\s*|"
                                  r"\s[—–-]{1,2}\s*|—\s*)$")

# a mention that opens with a subject pronoun and goes on: a clause, not a noun phrase
_PRONOUN_AND_MORE = re.compile(r"(?i:" + alternation(SUBJECT_PRONOUNS) + r")\s+\S")


def subordinate_subject(text: str, lo: int, m) -> bool:
    """The cue's subject ``m`` opens a subordinate clause ('smiling as he noted that ...',
    'when she told reporters', 'after Lee argued') or a clause after a comma or a dash ('...
    to recognize the problem — he told the AP that ...'): searched in ``text[lo:m.start]``, at
    most a few words back. The comma and the dash: PolNeAR train F1 0.78477 -> 0.78483, speaker
    accuracy 0.90023 -> 0.90286 (the dash alone: F1 0.78479, speaker 0.90061; after 'and' too:
    F1 0.78476; cutting the first report at the dash instead: F1 0.78451)."""
    if m is None or _PRONOUN_AND_MORE.match(m.text):
        return False   # ('because he believed demand was strong': 'he believed' is no subject of 'demand')
    return _SUBORDINATOR_BEFORE.search(text, max(lo, m.start - _LEAD_WINDOW), m.start) is not None


# 'the plan, which he called ...': an object relative pronoun right before a cue's subject
_RELATIVE_BEFORE = re.compile(r"(?:,\s*|\s)(which|whom)\s+$")


def relative_clause_report(u: Unit) -> None:
    """'Tom Hill cited the old harbour rules, which he said had hurt the dock workers': a report whose subject
    follows an object relative pronoun ('which', 'whom') is its own report, and the pronoun is
    part of its words (as PolNeAR marks it: 'which ... had harmed the economy'); the report it
    stands in ends before it. PolNeAR train: F1 0.78475 -> 0.78477, speaker accuracy 0.89905 ->
    0.90023 (also opening a weaker verb's report there, as ``subordinate_subject`` does: F1 0.78471)."""
    if len(u.intervals) < 2:
        return
    text = u.text
    for inner in list(u.intervals):
        attr = inner.attr
        if (inner.kind != "indirect" or attr.cue_start < 0 or attr.mention_start <= u.start
                or inner.start < attr.cue_end or attr.mention_start > attr.cue_start):
            continue
        rel = _RELATIVE_BEFORE.search(text, max(u.start, attr.mention_start - _LEAD_WINDOW), attr.mention_start)
        if rel is None or _inside(rel.start(1), u.spans):
            continue
        holder = next((o for o in u.intervals if o is not inner and o.kind == "indirect"
                       and o.start < rel.start(1) < o.end and o.attr.cue_start != attr.cue_start), None)
        if holder is None:
            continue
        end = rel.start()
        while end > holder.start and text[end - 1] in " ,;:—–":
            end -= 1
        if not _words(text, holder.start, end, 1):
            continue
        holder.end = end
        u.intervals.append(Interval(rel.start(1), rel.end(1), "indirect", attr))


def _words(text: str, start: int, end: int, at_least: int) -> bool:
    """``text[start:end]`` holds at least ``at_least`` words (reads no further than needed)."""
    for n, _ in enumerate(WORD.finditer(text, start, end), 1):
        if n >= at_least:
            return True
    return at_least <= 0


# 'rejected that idea.', 'make that happen.': 'that' before one word and the clause's end is no conjunction
_DETERMINER_THAT = re.compile(r"\s+that\s+[\w’'-]+(?:[.,;:!?)]|\s*$)|\s+that[.,;:!?)]")
_INFINITIVE_TO = re.compile(r"\bto\b")


def _addressee_only(gap: str) -> bool:
    """'to supporters', 'to Senator Ross': the gap before 'that' is an addressee, no infinitive."""
    found = _TO_OBJECT.match(" " + gap + " ")
    return found is not None and found.end() >= len(gap) + 1


def _start_after_cue(text: str, c, hi: int) -> int:
    """Where a forward report starts (:func:`skip_after_cue`), but not past a 'that' that opens no
    clause of the verb: a belief or stance verb's clause follows it ('believes that', not 'wants his
    party to make that happen'); a 'that' after an infinitive ('urged them to reject that') or
    before a lone word ('rejected that idea.') belongs to the object. On PolNeAR train: content
    F1 0.7683 -> 0.7695 (recall 0.7187 -> 0.7210)."""
    start = skip_after_cue(text, c.end, hi, c)
    if start - 4 < c.end or not text.startswith("that", start - 4):
        return start
    that = start - 4
    gap = text[c.end:that].strip()
    infinitive = _INFINITIVE_TO.search(gap) and not _addressee_only(gap)
    if (gap and (not c.verb.is_speech or infinitive)) or _DETERMINER_THAT.match(text, that - 1):
        start = c.end
        while start < hi and text[start].isspace():
            start += 1
    return start


# an opening participle's cue: '-ing' opening the unit, after quotation marks or brackets at most
_OPENING_QUOTE_MARKS = " \"“”'‘’(—–"


def opening_participle_stop(u: Unit) -> None:
    """'Noting that both men faced a hostile press, Ross said ...': the report of a participle
    opening the sentence ends at the comma before its subject (found after it), where the main
    clause starts. On PolNeAR train: F1 0.77955 -> 0.77958."""
    text = u.text
    for c, m in u.forward:
        if m is None or m.start <= c.end or not text[c.start].isupper():
            continue
        word_end = c.start
        while word_end < c.end and text[word_end].isalpha():
            word_end += 1
        if not text.startswith("ing", word_end - 3) or text[u.start:c.start].strip(_OPENING_QUOTE_MARKS):
            continue
        comma = text.rfind(",", c.end, m.start)
        if comma != -1 and not _inside(comma, u.spans) and not text[comma + 1:m.start].strip(" \"”’"):
            u.clause_stops.append(comma)


# what a speech verb's words after it open with when they are only where, when or to whom it was said
_ADJUNCT_OPENING = re.compile(r"(?:" + alternation(ADJUNCT_OPENINGS) + "|" + WEEKDAY + r")\s")
# the verbs whose adjunct-only words are dropped ('has said', 'told'; with 'reported', 'wrote' and the
# rest: F1 0.77986 -> 0.78021; 'asked', 'called', 'commented', 'replied', 'recalled', 'spoke' gain
# nothing; every verb: F1 0.7769, prepositional objects such as 'objected to the plan' are reports)
_SAY = re.compile(r"(?:[\w’']+\s+){0,2}(?:" + alternation(ADJUNCT_ONLY_VERBS) + ")")
_MAX_ADJUNCT = 6   # words (4: F1 0.77975; 7: 0.77993 but speaker accuracy 0.89297)
# a clause after the adjunct ('said Friday he would go', 'told reporters in Seoul it was over'):
# a subject pronoun, an auxiliary or 'that' makes the words a report after all
# (lower case: 'in May' is a month, not the modal; the pronoun 'I' is written upper case)
_CLAUSE_WORD = re.compile(r"\b(?:" + alternation({"I" if p == "i" else p for p in SUBJECT_PRONOUNS} | {"there", "that"})
                          + "|" + AUXILIARY + r")\b")


def adjunct_only_report(u: Unit) -> None:
    """'..., Ross said in December.', 'Hill said after an event on Monday.': the words after
    'said', 'told', 'reported' ('X reported from Washington.') and a few more speech verbs that
    open with a preposition or a time and hold at most six words, with no clause after them ('said
    Friday he would go' stays a report), are where and when it was said, no report (the words reported stand before, in a quote or in another sentence). On PolNeAR
    train: F1 0.77964 -> 0.78021 (precision 0.8257 -> 0.8270), speaker accuracy 0.89316 -> 0.89302."""
    text = u.text
    keep = []
    for iv in u.intervals:
        if (iv.kind == "indirect" and iv.attr.cue_end >= 0 and iv.start >= iv.attr.cue_end
                and _SAY.fullmatch(iv.attr.cue)
                and _ADJUNCT_OPENING.match(text, iv.start) and not _words(text, iv.start, iv.end, _MAX_ADJUNCT + 1)
                and not _CLAUSE_WORD.search(text, iv.start, iv.end)):
            continue
        keep.append(iv)
    u.intervals = keep

