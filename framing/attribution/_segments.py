"""Split one text into attributed segments (the engine behind ``framing.voices``).

``analyse`` walks the paragraphs (headline, furniture, labels, signatures, outlet credits);
``analyse_unit`` runs the rules of :data:`UNIT_RULES` in order over one sentence unit, each a
function of the unit's state (:class:`framing.attribution._model.Unit`). A new construction is
one function, one entry in the tuple (or in the quote and cue rule tuples of
``framing.attribution._direct`` and ``_reported``) and one test.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text import paragraph_spans
from ._cues import cuts_word, find_cues, may_hold_cue
from ._entities import Entities
from ._direct import block_quotes, direct_quotes, split_quotes
from ._labels import label_attribution, signature_attribution
from ._layout import WORD, _inside, may_match, _looks_like_headline, _pieces, _rstrip, _title_like, _units
from ._model import NARRATOR, Attribution, Unit, with_changes
from ._page import merge, read_page, reading_text
from ._quotes import find_quotes
from ._report_stages import REPORT_STAGES
from ._reported import read_cues
from ._speakers import AliasTable, Mention, NamesByEnd, Voice
from ._clause_subjects import _SUBJECT_LEAD
from ._vocab import boilerplate

_DOCUMENT_NOUNS = "report|study|poll|survey|analysis"
_DOCUMENT_NP = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w-]+\s+){0,2}(?:" + _DOCUMENT_NOUNS + r"))\b")
_COLON_BLANK = re.compile(r":\s")   # in every speaker label ('FALLIN: I think')
_THREE_RUNS_BACK = re.compile(r"\s*(?:\S+\s+){0,2}\S*")   # (on the reversed text)


def _document_phrases(text: str) -> list:
    """``list(_DOCUMENT_NP.finditer(text))``, tried only near the nouns of ``_DOCUMENT_NOUNS``: a
    match ends with one and opens at most three runs of non-blanks before it, with 'a', 'an' or 'the'."""
    nouns = []
    for noun in _DOCUMENT_NOUNS.split("|"):   # (every place each noun is: faster than the pattern)
        at = text.find(noun)
        while at >= 0:
            nouns.append(at)
            at = text.find(noun, at + 1)
    if not nouns:
        return []
    reverse, size = text[::-1], len(text)
    starts: set[int] = set()
    for noun in nouns:
        back = _THREE_RUNS_BACK.match(reverse, size - noun).end() - (size - noun)
        starts.update(s for s in range(noun - back, noun) if text[s] in "AaTt")
    found, end = [], 0
    for start in sorted(starts):   # the leftmost match, then the next from its end (as finditer)
        if start >= end and (m := _DOCUMENT_NP.match(text, start)):
            found.append(m)
            end = m.end()
    return found


def mark_subject(u: Unit) -> None:
    """Rule 5: a named voice opening the sentence is its subject, the preferred antecedent."""
    _mark_subject(u.text, u.start, u.end, u.entities, u.entity_starts)


def _mark_subject(text: str, start: int, end: int, entities, starts) -> None:
    first = bisect_left(starts, start)
    if first == len(starts) or starts[first] >= end + 5:
        return   # no name near the unit's start (the lead below ends inside the unit)
    lead = _SUBJECT_LEAD.match(text, start, end)
    first_word = lead.end() if lead else start
    # ``starts``: the document's names, sorted (names found later lie in earlier units)
    for mention in entities[bisect_left(starts, first_word):bisect_left(starts, first_word + 5)]:
        mention.salient = True


# the rules over one unit, in order (rule numbers of the ``framing.attribution`` docstring).
# Only ``mark_subject`` acts on a unit with no quote and no cue: the later rules start from a
# quote or a cue, so ``analyse_unit`` skips them there (most sentences of narration). A rule that
# can fire without either says so with a ``trigger`` pattern (``possessed_stance``); a unit
# where a trigger matches runs every rule.
UNIT_RULES = (mark_subject, direct_quotes, split_quotes, read_cues) + REPORT_STAGES
# (with a ``trigger_hint``, a pattern one of whose matches over the whole text overlaps every
# trigger match: ``_layout.may_match`` reads it once per text, and most units need no search)
_CUELESS_TRIGGERS = tuple((rule.trigger, getattr(rule, "trigger_hint", rule.trigger)) for rule in UNIT_RULES
                          if getattr(rule, "trigger", None) is not None)


def _quiet_stretch(text: str, lo: int, hi: int) -> bool:
    """No unit inside ``text[lo:hi]`` (whose bounds cut no word) has a cue or a trigger:
    :func:`framing.attribution._cues.may_hold_cue` is False and no trigger hint overlaps."""
    return not may_hold_cue(text, lo, hi) and not any(may_match(hint, text, lo, hi) for _, hint in _CUELESS_TRIGGERS)


def analyse_unit(text, u_start, u_end, p_quotes, by_end, entities, group_attr, last_attr, penalty, group_found,
                 entity_starts):
    """Run :data:`UNIT_RULES` over the unit ``text[u_start:u_end]``: its intervals and outlet credit.

    ``entity_starts`` are the starts of the document's first ``len(entity_starts)`` entities
    (sorted); the quotes ``p_quotes`` are sorted by start."""
    if p_quotes:
        first = bisect_left(p_quotes, u_start, key=lambda q: q.end)
        u_quotes = [q for q in p_quotes[max(0, first - 1):bisect_left(p_quotes, u_end, key=lambda q: q.start)]
                    if q.start < u_end and q.end > u_start]
    else:
        u_quotes = []
    cues = find_cues(text, u_start, u_end)
    spans = [(max(q.start, u_start), min(q.end, u_end)) for q in u_quotes]
    if cues:
        named = [(m.start, m.end) for m in entities[bisect_left(entity_starts, u_start):bisect_left(entity_starts, u_end)]
                 if m.end - m.start > 8]
        if spans or named:
            cues = [c for c in cues if not _inside(c.start, spans) and not _inside(c.start, named)]  # 'a think tank report'
    if not cues and not u_quotes:
        for trigger, hint in _CUELESS_TRIGGERS:
            if may_match(hint, text, u_start, u_end) and trigger.search(text, u_start, u_end):
                break
        else:   # narration: no rule after mark_subject finds anything
            _mark_subject(text, u_start, u_end, entities, entity_starts)
            return [], None
    u = Unit(text, u_start, u_end, u_quotes, spans, cues, entities, by_end, group_attr, group_found,
             last_attr, penalty, entity_starts=entity_starts)
    for rule in UNIT_RULES:
        rule(u)
    return u.intervals, u.credit


def _headline_reports(text, start, end, h_quotes, by_end, entities, entity_starts) -> list:
    """'Rep. Ross slams the toll, praises the pier', 'Trump Says He Never Pledged ...': the reported
    words of a headline (the sentence rules over it as one unit; its quotes stay the headline's).
    On PolNeAR train: F1 0.78082 -> 0.78130, speaker accuracy 0.89310 -> 0.89322."""
    if not h_quotes and _quiet_stretch(text, start, end):
        return []   # (no cue and no trigger: the rules would find nothing, as for a body paragraph)
    intervals, _credit = analyse_unit(text, start, end, h_quotes, by_end, entities, {}, None, 1.0, {}, entity_starts)
    return [iv for iv in intervals if iv.kind == "indirect"]


def analyse(text: str, table: AliasTable, outlet: str) -> list[tuple]:
    """Return rows ``(start, end, kind, Attribution or None)`` partitioning ``text``: the page
    rules first (``framing.attribution._page``), then the sentence rules on the rest."""
    page = read_page(text, table, outlet)
    if not page.rows:
        return _analyse_text(text, table, outlet, page.paragraphs)
    reading, index = reading_text(text, page.rows)
    return merge(text, _analyse_text(reading, table, page.voice or outlet), page.rows, index)


def _analyse_text(text: str, table: AliasTable, outlet: str, paragraphs: list | None = None) -> list[tuple]:
    """The sentence rules over ``text`` (``paragraphs``: its ``paragraph_spans``, when known)."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    if not paragraphs:
        return []
    quotes, stray = find_quotes(text, paragraphs)
    quote_starts = [q.start for q in quotes]

    def in_quote(pos: int) -> bool:   # quotes are sorted and do not overlap
        i = bisect_right(quote_starts, pos) - 1
        return i >= 0 and pos < quotes[i].end

    aliases = [m for m in table.find(text) if not in_quote(m.start)] if quotes else table.find(text)
    for m in _document_phrases(text):
        if not in_quote(m.start()):
            aliases.append(Mention(m.start(), m.end(), Voice(m.group(1).lower(), "document"), m.group()))
    entities = Entities(sorted(aliases, key=lambda m: m.start))   # indexed by position (linear cost)
    entity_starts = [m.start for m in entities]   # later additions go to the end: this prefix stays sorted
    by_end = NamesByEnd(m for m in aliases if m.voice.type != "document")
    default_source = outlet or NARRATOR
    rows: list[tuple] = []
    group_attr: dict[int, Attribution] = {}
    group_found: dict[int, Attribution] = {}  # cue found for a quote over several paragraphs
    group_rows: dict[int, list[int]] = {}
    last_attr: Attribution | None = None
    credit: Attribution | None = None
    # the voice of uncredited narration: one record for all its rows (rows are read, never changed)
    narration = Attribution("", default_source, confidence=0.9 if outlet else 0.7)
    headline = _looks_like_headline(text, paragraphs)
    furniture_line = boilerplate()
    prev_rows = (0, 0)   # the rows of the previous paragraph
    for p, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        titled = (p == 0 and (headline or _title_like(para))) or (
            len(para) < 120 and para.istitle() and not para.rstrip().endswith("."))
        # (a label is a name, a colon and a blank, or a headline's 'Name Says': neither, no label)
        label = (label_attribution(text, p_start, p_end, table, headline=titled)
                 if titled or _COLON_BLANK.search(text, p_start, p_end) else None)
        if p == 0 and headline:
            if label is not None:   # 'Marco Rubio: I'm not interested': the label heads, the words are his
                rows.append((p_start, _rstrip(text, p_start, label[0]), "headline",
                             Attribution("", default_source, confidence=0.8)))
                rows.append((label[0], p_end, "indirect", label[1]))
            else:
                head_attr = Attribution("", default_source, confidence=0.8)
                h_quotes = quotes[bisect_left(quote_starts, p_start):bisect_left(quote_starts, p_end)]
                reports = _headline_reports(text, p_start, p_end, h_quotes, by_end, entities, entity_starts)
                if reports:   # 'Rep. Ross slams the toll': the reported words, the rest the headline's
                    for piece in _pieces(text, p_start, p_end, reports):
                        rows.append(piece if piece[2] != "narration" else (piece[0], piece[1], "headline", head_attr))
                else:
                    rows.append((p_start, p_end, "headline", head_attr))
            continue
        if (len(para) < 120 and furniture_line.match(para.strip())) or not WORD.search(para):
            rows.append((p_start, p_end, "boilerplate", None))
            prev_rows = (0, 0)
            continue
        above = [i for i in range(*prev_rows) if rows[i][2] == "direct"] if prev_rows[1] > prev_rows[0] else ()
        if above and (signed := signature_attribution(text, p_start, p_end, table)) is not None:
            for i in above:   # '- Sanders.' under a quote paragraph: the quote is his
                rows[i] = rows[i][:3] + (signed,)
            last_attr = signed
            rows.append((p_start, p_end, "narration", Attribution("", default_source, confidence=0.7)))
            prev_rows = (0, 0)
            continue
        first_row = len(rows)
        p_quotes = quotes[bisect_left(quote_starts, p_start):bisect_left(quote_starts, p_end)]
        penalty = 0.7 if p in stray else 1.0
        para_rows: list[tuple] = []
        para_credit = None
        label_attr = None
        if label is not None and not any(q.start == label[0] for q in p_quotes):
            # 'FALLIN: I think ...', 'Q: ...': the label is narration; the paragraph's own narration
            # after it is the labelled voice's speech (attributions inside keep their own voices)
            para_rows.append((p_start, _rstrip(text, p_start, label[0]), "narration", None))
            label_attr = last_attr = label[1]
            units = _units(text, label[0], p_end, p_quotes)
        else:
            units = _units(text, p_start, p_end, p_quotes)
        quiet = not p_quotes and _quiet_stretch(text, p_start, p_end)
        for u_start, u_end in units:
            if quiet and not (cuts_word(text, u_start) or cuts_word(text, u_end)):
                # narration: what analyse_unit does to a unit with no cue, no quote, no trigger
                _mark_subject(text, u_start, u_end, entities, entity_starts)
                for piece in _pieces(text, u_start, u_end, ()):
                    para_rows.append(piece if label_attr is None else (piece[0], piece[1], "indirect", label_attr))
                continue
            intervals, unit_credit = analyse_unit(text, u_start, u_end, p_quotes, by_end, entities,
                                                  group_attr, last_attr, penalty, group_found, entity_starts)
            if unit_credit is not None:
                para_credit = unit_credit  # a credit covers narration only (attributed speech keeps its channel)
            if not intervals:   # narration (the loops below, with nothing to sort or group)
                for piece in _pieces(text, u_start, u_end, intervals):
                    para_rows.append(piece if label_attr is None else (piece[0], piece[1], "indirect", label_attr))
                continue
            for iv in sorted(intervals, key=lambda i: i.end):
                if iv.kind == "direct" or iv.attr.confidence >= 0.6:
                    last_attr = iv.attr   # the voice a lone quote continues: a speaker, not 'Fields showed'
            grouped: dict[int, object] = {}
            for i in intervals:
                if i.group >= 0:
                    grouped.setdefault(id(i.attr), i)
            for piece in _pieces(text, u_start, u_end, intervals):
                iv = grouped.get(id(piece[3]))
                if iv is not None:
                    group_rows.setdefault(iv.group, []).append(len(rows) + len(para_rows))
                if label_attr is not None and piece[2] == "narration":
                    piece = (piece[0], piece[1], "indirect", label_attr)
                para_rows.append(piece)
        if para_credit is not None:
            credit = para_credit
        for start, end, kind, attr in para_rows:
            if kind == "narration":
                if credit is not None:
                    carried = credit is not para_credit
                    attr = with_changes(credit, confidence=0.6 if carried else 0.8)
                else:
                    attr = narration
            rows.append((start, end, kind, attr))
        prev_rows = (first_row, len(rows))
    for group, attr in group_found.items():  # one voice for all paragraphs of a long quote
        for i in group_rows.get(group, []):
            rows[i] = rows[i][:3] + (attr,)
    block_quotes(text, paragraphs, rows, entities)
    return rows
