"""Split one text into attributed segments (the engine behind ``framing.voices``)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..text import paragraph_spans
from ._cues import _TIME, Cue, cue_word, find_cues, is_present_credit, skip_after_cue, subject_before
from ._labels import label_attribution, signature_attribution
from ._layout import (_WORD, _boilerplate, _content_end, _content_start, _covered, _inside, _looks_like_headline,
                      _main_clause, _mention_of, _object_after, _pieces, _rstrip, _title_like, _units)
from ._model import NARRATOR, UNKNOWN, Attribution, Interval, _attribution
from ._quotes import find_quotes
from ._relay import _relay
from ._speakers import AliasTable, Mention, Voice, voice_for_name
from ._subjects import (_SUBJECT_LEAD, EVIDENCE_VERBS, _according_np, _clause_subject, _evidence_subject,
                        _name_after, _unit_subject)

# cue forms that are also common nouns: need a named, pronoun or description subject
NOUN_LIKE = frozenset(
    "report reports claim claims note notes post posts tweet tweets remark remarks estimate "
    "estimates promise promises pledge pledges call calls counter find show shows warning saying "
    "writing reporting hint hints signal signals vow vows charges quip joke jokes tout blast "
    "blasts slam slams praise criticize testify states statement announcement".split())
NESTED_MIN = 0.85  # a cue inside reported words opens a nested report only when this sure ('said')
_DOCUMENT_NP = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w-]+\s+){0,2}(?:report|study|poll|survey|analysis))\b")
_TRAILING_END = re.compile(r"^\s*[.!?;]*[\"”’)]*\s*$")
# '”, the spokesperson Ana Ruiz said', '” Republican Party chairman Reince Priebus said'
_SHORT_GAP = re.compile(r"[\s,—–]*(?:(?!(?:if|when|because|and|but|as|while|after|before|though|although|since|"
                        r"until|unless|whether|that|which|who|what)\s)[\w.’'-]+\s+){0,6}")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\b(?:and|by|while|before|after|when|in|without|upon|on))\s*$")
_INFINITIVE_LEAD = re.compile(r"\b(?:[a-z]+ed|went on|began|wants|want|tried|got|came|had|has|have|is going|"
                              r"was going)\s+to\s*$")   # 'O'Malley ... interjected to say:', 'he went on to say'
_DASH_LABEL = re.compile(r"\s[-—–]\s+([A-Z][^-—–:]{0,60}?)\s*:\s*$")   # 'HEADLINE - Mark Blumenthal: “...”'
_COORDINATED = re.compile(r"(?:,\s*|\b)(?:and|but|then|yet)\s*$")
_NEW_CLAUSE = re.compile(r"(?:[;]|,\s*(?:while|but|whereas|although|though|and|yet)\b|\s(?:while|whereas)\b)"
                         r"(?=[^,;]*$)")   # the last clause boundary before a new subject
_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?quoted\s+"
                        r"(?:[\w,]+\s+){0,5}?as\s+$")
_PASSIVE_BE = re.compile(r"\s(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
_PASSIVE_ASK = re.compile(r"\b(?:[Ww]hen|[Ww]as|[Ww]ere|[Bb]een|[Bb]eing|[Aa]fter|[Ii]f|[Oo]nce|[Ii]s|[Aa]re|[Ww]hile)\s+"
                          r"(?:\w+ly\s+)?$|^\W*$")
_TURN = re.compile(r",((?:''|[\"”’])?)\s+(?:but|while|whereas|although|though|yet)\s+(?:he|she|they|it|we|I|[A-Z][a-z]+)\s")
_RELATIVE_CLOSE = re.compile(r"(?:,[\"”’]?|\)|\s[—–]|—)\s+(?!(?:and|or|but|the|a|an|in|on|at|of|for|to|with|by|"
                             r"from|as|that|which|who|he|she|it|they|we|this|these|his|her|their|its|including|"
                             r"such|not)\b)"
                             r"[a-z]")
# 'Nonetheless, he sought to reassure ...': an infinitive after the verb is its content, no trailing cue
_INFINITIVE_AFTER = re.compile(r"^\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|"
                               r"me|us|reporters|supporters|voters)\b)[a-z]")
_COMMA_BEFORE = re.compile(r",((?:''|[\"”’])?)\s*$")
_ASK_SETTING = re.compile(r"\s+(?:on|in|at|during)\s+[^,;]{1,40}?\s+(?=(?:whether|if|who|what|why|how|when|where|about)\b)")
_BY_AGENT = re.compile(r"\s+by\s+((?:the|a|an|[A-Z][\w.’'-]*)(?:\s+[\w.’'-]+){0,5}?)(?=\s+(?:whether|if|about|what|"
                       r"how|why|who|when|where|to|for|on)\b|,)")
_QUOTE_END = re.compile(r"[,.!?—–-]\s*['’‘]?\s*(?:''|[\"”’»])$")  # '“X,” the aide said', not 'a “new path” if ...'
_EXPLETIVE = re.compile(r"(?:^|\s)(?:it|there|It|There)\s+(?:\w+ly\s+)?$")
_PARTIAL_GOES_ON = re.compile(r"\s+(?!(?:he|she|they|it|I|we)\s)[a-z][\w’'-]*\s+[\w’'-]+\s+[\w’'-]+")
_CLAUSE_CONT = re.compile(r"^\s*[,—–]")
_ADJUNCT_CONT = re.compile(r"^\s*[,—–]\s*(?:(?:\w+\s+){0,2}(?:after|before|since|ago)|after|before|as|while|when|"
                           r"which|who|whose|where|though|although|because|amid|despite|in|on|at|during|"
                           r"following|ahead|citing|quoting)\b", re.IGNORECASE)
_TRAIL_ADJUNCT = re.compile(r"^\s+(?:in|at|during|on|after|before|when|while|as|of|to|from|about|last|this|"
                            r"earlier|later|recently|yesterday|today|tonight|late|early|Monday|Tuesday|"
                            r"Wednesday|Thursday|Friday|Saturday|Sunday|with|through|via|without|under)\b")


def analyse(text: str, table: AliasTable, outlet: str) -> list[tuple]:
    """Return rows ``(start, end, kind, Attribution or None)`` partitioning ``text``."""
    paragraphs = paragraph_spans(text)
    if not paragraphs:
        return []
    quotes, stray = find_quotes(text, paragraphs)
    quote_at = [(q.start, q.end) for q in quotes]
    aliases = [m for m in table.find(text) if not _inside(m.start, quote_at)]
    for m in _DOCUMENT_NP.finditer(text):
        if not _inside(m.start(), quote_at):
            aliases.append(Mention(m.start(), m.end(), Voice(m.group(1).lower(), "document"), m.group()))
    entities = sorted(aliases, key=lambda m: m.start)
    by_end = {m.end: m for m in aliases if m.voice.type != "document"}
    default_source = outlet or NARRATOR
    rows: list[tuple] = []
    group_attr: dict[int, Attribution] = {}
    group_found: dict[int, Attribution] = {}  # cue found for a quote over several paragraphs
    group_rows: dict[int, list[int]] = {}
    last_attr: Attribution | None = None
    credit: Attribution | None = None
    headline = _looks_like_headline(text, paragraphs)
    prev_rows = (0, 0)   # the rows of the previous paragraph
    for p, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        titled = (p == 0 and (headline or _title_like(para))) or (
            len(para) < 120 and para.istitle() and not para.rstrip().endswith("."))
        label = label_attribution(text, p_start, p_end, table, headline=titled)
        if p == 0 and headline:
            if label is not None:   # 'Marco Rubio: I'm not interested': the label heads, the words are his
                rows.append((p_start, _rstrip(text, p_start, label[0]), "headline",
                             Attribution("", default_source, confidence=0.8)))
                rows.append((label[0], p_end, "indirect", label[1]))
            else:
                rows.append((p_start, p_end, "headline", Attribution("", default_source, confidence=0.8)))
            continue
        if (len(para) < 120 and _boilerplate().match(para.strip())) or not _WORD.search(para):
            rows.append((p_start, p_end, "boilerplate", None))
            prev_rows = (0, 0)
            continue
        above = [i for i in range(*prev_rows) if rows[i][2] == "direct"]
        if above and (signed := signature_attribution(text, p_start, p_end, table)) is not None:
            for i in above:   # '- Sanders.' under a quote paragraph: the quote is his
                rows[i] = rows[i][:3] + (signed,)
            last_attr = signed
            rows.append((p_start, p_end, "narration", Attribution("", default_source, confidence=0.7)))
            prev_rows = (0, 0)
            continue
        first_row = len(rows)
        p_quotes = [q for q in quotes if p_start <= q.start < p_end]
        penalty = 0.7 if p in stray else 1.0
        para_rows: list[tuple] = []
        para_credit = None
        units = _units(text, p_start, p_end, p_quotes)
        label_attr = None
        if label is not None and not any(q.start == label[0] for q in p_quotes):
            # 'FALLIN: I think ...', 'Q: ...': the label is narration; the paragraph's own narration
            # after it is the labelled voice's speech (attributions inside keep their own voices)
            para_rows.append((p_start, _rstrip(text, p_start, label[0]), "narration", None))
            label_attr = last_attr = label[1]
            units = _units(text, label[0], p_end, p_quotes)
        for u_start, u_end in units:
            intervals, unit_credit = _analyse_unit(text, u_start, u_end, p_quotes, by_end, entities,
                                                   group_attr, last_attr, penalty, group_found)
            if unit_credit is not None:
                para_credit = unit_credit  # a credit covers narration only (attributed speech keeps its channel)
            for iv in sorted(intervals, key=lambda i: i.end):
                if iv.kind == "direct" or iv.attr.confidence >= 0.6:
                    last_attr = iv.attr   # the voice a lone quote continues: a speaker, not 'Fields showed'
            for piece in _pieces(text, u_start, u_end, intervals):
                iv = next((i for i in intervals if i.group >= 0 and i.attr is piece[3]), None)
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
                    attr = replace(credit, confidence=0.6 if carried else 0.8)
                else:
                    attr = Attribution("", default_source, confidence=0.9 if outlet else 0.7)
            rows.append((start, end, kind, attr))
        prev_rows = (first_row, len(rows))
    for group, attr in group_found.items():  # one voice for all paragraphs of a long quote
        for i in group_rows.get(group, []):
            rows[i] = rows[i][:3] + (attr,)
    return rows


def _analyse_unit(text, u_start, u_end, p_quotes, by_end, entities, group_attr, last_attr, penalty,
                  group_found):
    u_quotes = [q for q in p_quotes if q.start < u_end and q.end > u_start]
    spans = [(max(q.start, u_start), min(q.end, u_end)) for q in u_quotes]
    named = [(m.start, m.end) for m in entities if u_start <= m.start < u_end and m.end - m.start > 8]
    cues = [c for c in find_cues(text, u_start, u_end)
            if not _inside(c.start, spans) and not _inside(c.start, named)]  # 'a think tank report
    used: set[int] = set()
    intervals: list[Interval] = []
    previous: list[Mention] = []   # speakers found so far in this unit (outside quotes)
    unit_credit = None

    def mention_at(cue):
        return subject_before(text, cue.start, u_start, by_end, entities)

    def speaker_of(cue, stops=None, fallback=True):
        """The mention naming who speaks through a verb cue."""
        word = cue_word(text, cue)   # the verb, not an adjunct's noun ('said at the hearing')
        if quoted := _QUOTED_AS.search(text, u_start, cue.start):   # 'Kim was quoted as saying'
            return subject_before(text, quoted.start(), u_start, by_end, entities)
        lead = ((word.endswith("ing") and _PARTICIPLE_LEAD.search(text, u_start, cue.start))
                or _COORDINATED.search(text, u_start, cue.start) or _INFINITIVE_LEAD.search(text, u_start, cue.start))
        if lead:
            # '..., adding that', 'by saying', '... and said': the clause's subject speaks
            # the subject of the verb before 'and' ('he laughed and said'), the voice of the unit's
            # previous attribution ('X, Hollande said, noting ...'), else the unit's subject
            m = None
            if not word.endswith("ing"):
                verb = re.search(r"([a-z]+ed)\s+$", text[u_start:lead.start()])   # 'he laughed and said'
                if verb is not None:
                    m = subject_before(text, u_start + verb.start(1), u_start, by_end, entities)
                    if m is not None and (m.voice is None or m.voice.type == "group"):
                        m = None
            if m is None and (rel := re.search(r",\s*(who)\s+[^,;]*$", text[u_start:lead.start()])):
                # 'Weaver, who came out and endorsed Clinton': the relative clause's subject
                m = subject_before(text, u_start + rel.end(1), u_start, by_end, entities)
            if m is None and previous:
                m = previous[-1]
            if m is None and intervals:   # '“X,” Graham said on “Morning Joe,” adding, “Y”': Graham
                m = _mention_of(intervals[-1].attr, text)
            if m is None:
                m = _unit_subject(text, u_start, cue.start, by_end, entities)
            if stops is not None:
                stops.append(lead.start())  # the clause before ends here
        else:
            m = mention_at(cue)
        if m is None and fallback and cue.verb.confidence >= 0.8:
            m = _clause_subject(text, u_start, cue.start)   # 'many Carrier workers say ...'
        return m

    lead = _SUBJECT_LEAD.match(text, u_start, u_end)
    first_word = lead.end() if lead else u_start
    for mention in entities:
        if first_word <= mention.start <= first_word + 4:
            mention.salient = True   # the sentence's subject

    # 1. direct quotes: a cue right after (", he said"), right before ("said:"), or a colon
    speech_cues = [c for c in cues if c.verb.confidence >= 0.35]  # 'expressed “satisfaction”' is no quote
    for q, (qs, qe) in zip(u_quotes, spans):
        attr = None
        after = next((c for c in speech_cues if c.start >= qe), None)
        if after is not None and after.kind == "verb":
            gap = text[qe:after.start]
            if not gap.strip(" ,—–\u00a0'’"):  # "”, said Trump" (speaker after the cue; "'''" closes a nested quote)
                m = _name_after(text, after.end, u_end, by_end, entities)
                if m is not None:
                    attr = _attribution(text, after, m, confidence=after.verb.confidence)
            else:
                m = subject_before(text, after.start, qe, by_end, entities)
                if m is not None and m.voice is not None and m.voice.type == "group" and (
                        after.verb.confidence < 0.8 or len(m.text.split()) > 4):
                    m = None
                if m is not None and _SHORT_GAP.fullmatch(text, qe, m.start) and _QUOTE_END.search(text, qs, qe):
                    attr = _attribution(text, after, m, confidence=after.verb.confidence)
            if attr is not None:
                used.add(after.start)
                lead = text[u_start:qs]
                if q.first and q.last and len(_WORD.findall(lead)) >= 3 and ":" not in lead and not any(
                        c.end <= qs for c in cues) and not any(o.start < qs for o in u_quotes if o is not q):
                    # 'The party, attended by hundreds, “allows us to get out,” said Coleman': the
                    # sentence is reported, ending in a partial quote
                    start = _content_start(text, u_start, qs)
                    intervals.append(Interval(start, qe, "indirect", attr))
                    continue
        if attr is None:
            before = [c for c in speech_cues if c.end <= qs]
            if before:
                c = before[-1]
                gap = text[c.end:qs]
                whole = (c.verb.confidence >= NESTED_MIN or _QUOTE_END.search(text, qs, qe)
                         or _TRAILING_END.match(text[qe:u_end]) or ":" in gap)
                if whole and not (_QUOTE_END.search(text, qs, qe) or re.search(r"[:,]", gap)) and _PARTIAL_GOES_ON.match(text, qe, u_end):
                    whole = False   # 'said “it gets me mad” every time he ...': a partial quote opens reported words
                if whole and (re.fullmatch(r"[\s,:]*(?:that\s*)?", gap) or re.fullmatch(r"[^.;\"“”]{0,40}:\s*", gap)):
                    # a whole quote, or any after a sure speech verb; not 'expressed “deep regret” for'
                    m = speaker_of(c) if c.kind == "verb" else _according_np(text, c, u_end, by_end, entities)
                    if m is not None or c.kind == "verb":
                        attr = _attribution(text, c, m, confidence=c.verb.confidence)
                        used.add(c.start)
        if attr is None and text[u_start:qs].rstrip().endswith(":"):
            label = _DASH_LABEL.search(text, u_start, qs)
            m = (Mention(label.start(1), label.end(1), voice_for_name(label.group(1), entities), label.group(1))
                 if label else _unit_subject(text, u_start, qs, by_end, entities))
            cue = next((c for c in cues if c.end <= qs), None)
            attr = _attribution(text, cue, m, confidence=0.7)
        inherited = attr is None
        if attr is None and not q.first and q.group in group_attr:
            attr = group_attr[q.group]
        if attr is None:
            outside = len(_WORD.findall(text[u_start:u_end])) - len(_WORD.findall(text[qs:qe]))
            reported = next((c for c in speech_cues if c.start >= qe and c.verb.confidence >= 0.7 and (
                text[qe:c.start].rstrip().endswith(",") or _TRAILING_END.match(text[c.end:u_end]))), None)
            if reported is not None and q.start <= u_start + 2:
                # '“...” about X, said Kilfoyle.': her quote; the words after it are reported (section 2)
                m = (_name_after(text, reported.end, u_end, by_end, entities)
                     if text[qe:reported.start].rstrip().endswith(",") else
                     subject_before(text, reported.start, qe, by_end, entities))
                if m is not None:
                    attr = _attribution(text, reported, m, confidence=reported.verb.confidence)
            elif outside <= 2 or (q.start <= u_start + 2 and len(_WORD.findall(text[qs:qe])) >= 6):
                # a quote standing alone: the previous voice goes on (quote-only paragraph)
                if last_attr is not None:
                    attr = replace(last_attr, confidence=round(last_attr.confidence * 0.7, 3))
                else:
                    attr = Attribution("", UNKNOWN, confidence=0.3)
        if attr is None:
            continue  # an embedded quote: part of the surrounding narration
        found_here = not inherited
        if not q.balanced:
            attr = replace(attr, confidence=round(attr.confidence * 0.6, 3))
        attr = replace(attr, confidence=round(attr.confidence * penalty, 3))
        if found_here and not (q.first and q.last):
            group_found.setdefault(q.group, attr)
        group_attr.setdefault(q.group, attr)
        intervals.append(Interval(qs, qe, "direct", attr, q.group if not (q.first and q.last) else -1))
    # quotes split by an inside cue: '“X,” he said, “Y.”' -> Y inherits from X
    directs = [iv for iv in intervals if iv.kind == "direct"]
    tentative: list[Interval] = []
    for q, (qs, qe) in zip(u_quotes, spans):
        if not any(iv.start == qs for iv in directs) and directs:
            prev = [iv for iv in directs if iv.end <= qs]
            # only the cue and its speaker stand between ('“X,” he said, “Y.”'), not more words
            after_cue = max(prev[-1].attr.cue_end, prev[-1].attr.mention_end, prev[-1].end) if prev else 0
            between = text[after_cue:qs] if prev else ""
            if prev and re.fullmatch(r"[\s,]*", text[qs - 1:qs]) and not re.search(r"[.;]", text[prev[-1].end:qs]):
                intervals.append(Interval(qs, qe, "direct", prev[-1].attr))
                if not (re.fullmatch(r"[\s,:]*", between) or re.search(r"[,:—–]\s*$", between)):
                    tentative.append(intervals[-1])   # more words between: reported words may hold it
    direct_spans = [(iv.start, iv.end) for iv in intervals if not any(iv is t for t in tentative)]

    # 2. reported speech around the remaining cues
    trailing: list[tuple[int, Cue, Mention | None]] = []  # (comma position, cue, mention)
    trailing_stops: list[int] = []
    clause_stops: list[int] = []
    resumes: list[tuple[int, Cue, Mention | None]] = []
    forward: list[tuple[Cue, Mention]] = []
    expected: list[Interval] = []
    for c in cues:
        if c.start in used:
            continue
        if c.kind == "according":
            if c.verb.lemma in ("citing", "in") and any(o.kind == "verb" and o.start > c.start for o in cues):
                continue
            lead = text[u_start:c.start]
            if not lead.strip(" \"“”'‘’—–(") or re.fullmatch(r"\W*\w+,?\s*", lead):
                m = _according_np(text, c, u_end, by_end, entities)
                comma = text.find(",", c.end, u_end)
                if comma != -1 and m is not None:
                    start = skip_after_cue(text, comma + 1, u_end, c)
                    intervals.append(Interval(start, _content_end(text, start, u_end),
                                              "indirect", _attribution(text, c, m, confidence=0.85)))
            elif (closing := _COMMA_BEFORE.search(lead)) is not None:
                m = _according_np(text, c, u_end, by_end, entities)
                rest = text[m.end:u_end] if m is not None else ""
                goes_on = rest.startswith(",") and len(_WORD.findall(rest)) >= 4
                if goes_on and len(lead.split()) <= 5:
                    # 'Since November, according to X, forces have killed ...': the words go on
                    start = skip_after_cue(text, m.end + 1, u_end, c)
                    intervals.append(Interval(start, _content_end(text, start, u_end),
                                              "indirect", _attribution(text, c, m, confidence=0.8)))
                else:
                    # '..., according to X.', '... “the high-water mark,” according to X.': the quote counts
                    mark = closing.group(1)
                    trailing.append((u_start + closing.start() + (1 + len(mark) if mark else 0), c, m))
                    if goes_on and re.match(r",\s+[a-z]", rest):
                        # 'One of the decisions, according to X, is to ...': the subject's clause goes on
                        resumes.append((m.end + 1, c, m))
            elif c.verb.lemma == "in" and len(lead.split()) >= 4:
                m = _according_np(text, c, u_end, by_end, entities)  # '... 45 percent in a new poll.'
                if m is not None and _TRAILING_END.match(text[m.end:u_end]):
                    trailing.append((c.start - 1, c, m))
            continue
        if _COORDINATED.search(text, u_start, c.start) and any(
                f.verb.confidence >= NESTED_MIN and f.end <= c.start and not re.search(r"[,;]", text[f.end:c.start])
                for f, _ in forward):
            continue  # 'said the group is neutral and supports ...': the verb belongs to the reported words
        if c.verb.lemma == "expect" and (be := _PASSIVE_BE.search(text, u_start, c.start)):
            # 'The House is expected to pass the bill': an expectation nobody is named for
            start = _content_start(text, u_start, be.start())
            end = _content_end(text, start, u_end)
            if len(_WORD.findall(text[start:end])) >= 4 and not _covered(start, end, direct_spans):
                intervals.append(Interval(start, end, "indirect", _attribution(text, c, None, confidence=0.5)))
            expected.append(intervals[-1])
            continue
        if c.verb.lemma in ("seem", "appear") and _main_clause(text, u_start, c, cues) and (
                (m := speaker_of(c, fallback=False)) is None or m.voice is None):
            # 'Ben Carson appears to be slipping', 'it seems likely that ...': an impression nobody is named for
            start = _content_start(text, u_start, c.start)
            if _EXPLETIVE.search(text, start, c.start):
                start = skip_after_cue(text, c.end, u_end, c)
            end = _content_end(text, start, min([t[0] for t in trailing if t[0] > start] + [u_end]))
            if len(_WORD.findall(text[start:end])) >= 4 and not _covered(start, end, direct_spans):
                intervals.append(Interval(start, end, "indirect", _attribution(text, c, None, confidence=0.4)))
            continue
        if c.verb.lemma == "ask" and (_PASSIVE_ASK.search(text, u_start, c.start) or text[c.start].isupper()
                                      and not text[u_start:c.start].strip(" \"“”'‘’—–(")):
            # '(When) asked (by a reporter) whether ...': the question is the content, the asker its voice
            agent = _BY_AGENT.match(text, c.end, u_end)
            start = agent.end() if agent else c.end
            if not agent and (setting := _ASK_SETTING.match(text, start, u_end)):
                start = setting.end()   # 'Asked on Fox News who leads the party'
            stop = re.search(r"[,;:]|\s[-—–]\s", text[start:u_end])
            end = _content_end(text, start, start + stop.start() if stop else u_end)
            if len(_WORD.findall(text[start:end])) >= 1 and not _covered(start, end, direct_spans):
                m = None
                if agent:
                    np = agent.group(1)
                    m = Mention(agent.start(1), agent.end(1), Voice(re.sub(r"^(?:the|a|an)\s+", "", np).lower(), "group"), np)
                intervals.append(Interval(start, end, "indirect", _attribution(text, c, m, confidence=0.6)))
            continue
        if text[u_start:c.start].rstrip().endswith(",") and c.verb.confidence >= 0.7 and not _object_after(text, c):
            n = _name_after(text, c.end, u_end, by_end, entities)   # '..., said Mr. Smith, an aide.'
            if n is not None and _TRAILING_END.match(text[n.end:u_end].split(",")[0]):
                trailing.append((u_start + len(text[u_start:c.start].rstrip()) - 1, c, n))
                previous.append(n)
                continue
        m = speaker_of(c, clause_stops, fallback=False)
        if c.verb.lemma in EVIDENCE_VERBS and (ev := _evidence_subject(text, u_start, c.start)) is not None:
            m = ev   # 'The results show ...', '..., campaign records show.'
        if m is not None and m.text.lower() in ("there", "here"):
            continue   # 'there were one million tweets': no speaker, no cue
        if m is not None:
            previous.append(m)
        if m is not None and m.voice is not None and m.voice.type == "group" and (
                cue_word(text, c) in NOUN_LIKE) and not _QUOTED_AS.search(text, u_start, c.start):
            continue  # 'a think tank report released ...': a noun, not a verb
        if m is not None and re.search(r"\w[’']s$", m.text) and text[c.end:c.end + 2].lstrip().startswith(":"):
            continue  # "Editor's note:": page furniture, not a report
        after = text[c.end:u_end]
        tail = _TIME.sub("", after, count=1)
        if m is not None and text[u_start:m.start].rstrip().endswith((",", "—", "–")) and (
                _TRAILING_END.match(tail) or _CLAUSE_CONT.match(tail) or _TRAIL_ADJUNCT.match(tail)
                and not _INFINITIVE_AFTER.match(tail)) and (
                c.verb.confidence >= 0.35 and m.text.lower() not in ("who", "which", "that")):
            # (not '..., who spoke on condition of anonymity': an appositive, no report)
            comma = u_start + len(text[u_start:m.start].rstrip()) - 1
            if (m.voice is not None and m.voice.type in ("outlet", "agency") and is_present_credit(text, c)
                    and (_TRAILING_END.match(tail) or _CLAUSE_CONT.match(tail))):
                # '..., Reuters writes.' and '..., Reuters writes, as ...': the narration is Reuters's
                unit_credit = _attribution(text, c, m, confidence=0.8)
                trailing_stops.append(comma)
                continue
            trailing.append((comma, c, m))
            if _CLAUSE_CONT.match(tail) and not _ADJUNCT_CONT.match(tail):
                # 'The plan, a source said, is to ...': content goes on ('..., weeks after ...' does not)
                resume = c.end + len(after) - len(tail) + _CLAUSE_CONT.match(tail).end()
                resumes.append((resume, c, m))
            continue
        if m is None and c.kind == "verb" and c.verb.confidence >= 0.8:
            m = _clause_subject(text, u_start, c.start)   # 'many Carrier workers say ...'
        if m is not None:
            forward.append((c, m))
    boundaries = sorted([t[0] for t in trailing] + trailing_stops)
    last_end = u_start
    for comma, c, m in sorted(trailing, key=lambda t: t[0]):
        start = _content_start(text, last_end, comma)
        if comma - start > 3 and not _covered(start, comma, direct_spans):
            intervals.append(Interval(start, comma, "indirect",
                                      _attribution(text, c, m, confidence=c.verb.confidence * 0.95)))
        last_end = c.end
    for resume, c, m in resumes:
        start = _content_start(text, resume, u_end)
        end = _content_end(text, start, min([b for b in boundaries if b > start] + [u_end]))
        if len(_WORD.findall(text[start:end])) >= 2 and not _covered(start, end, direct_spans):
            intervals.append(Interval(start, end, "indirect",
                                      _attribution(text, c, m, confidence=c.verb.confidence * 0.85)))
    reported = [iv for iv in intervals if iv.kind == "indirect"]
    boundaries = sorted(boundaries + clause_stops)
    for c, m in forward:
        if c.verb.confidence < 0.35:
            continue  # speech acts ('spoke', 'expressed') name a speaker but introduce no content
        holder = next((iv for iv in reported if iv.start <= c.start < iv.end), None)
        if holder is not None:
            split = _NEW_CLAUSE.search(text, holder.start, m.start) if m is not None else None
            if split is None and c.verb.confidence < NESTED_MIN:
                continue  # 'Walsh noted that Ohio boasted ...': a weaker verb inside reported words stays in them
            if split is not None:   # 'A preferred X, while B backed Y': a new clause, a new voice
                holder.end = _content_end(text, holder.start, split.start())
        if c.verb.confidence < 0.7 and not re.match(r"\s+that\b", text[c.end:c.end + 6]) and (
                m.voice is None and m.text.lower() not in ("i", "we", "they", "he", "she", "who", "which")):
            continue  # belief, desire and evidence verbs: a named or pronoun subject, or "that"
        if c.verb.lemma == "see" and not re.search(r"\bas\b", text[c.end:u_end]):
            continue  # 'rivals see him as a threat', not 'we saw him
        start = skip_after_cue(text, c.end, u_end, c)
        end = min([b for b in boundaries if b > start] + [u_end])
        if turn := _TURN.search(text, start, end):   # '..., but he gave the Texan credit': the narrator again
            end = turn.start() + len(turn.group(1))
        if c.verb.lemma == "citing" and (comma := text.find(",", start, end)) != -1:
            end = comma   # 'The newspaper, citing a source, said ...': what is cited ends at the comma
        if m is not None and m.text.lower() in ("who", "which") and (close := _RELATIVE_CLOSE.search(text, start, end)):
            end = close.start()   # 'Scott, who has called X “toxic,” portrayed ...': the relative clause ends
        end = _content_end(text, start, end)
        if len(_WORD.findall(text[start:end])) >= 2 and not _covered(start, end, direct_spans):
            intervals.append(Interval(start, end, "indirect",
                                      _attribution(text, c, m, confidence=c.verb.confidence * 0.9)))
            reported.append(intervals[-1])
    if unit_credit is not None:   # '... is expected to resume, Reuters writes.': the credit wins
        intervals = [iv for iv in intervals if not any(iv is e for e in expected)]
    for t in tentative:   # '..., warning that patience “is not unlimited.”': a partial quote of the warning
        if any(iv.kind == "indirect" and iv.start <= t.start and t.end <= iv.end for iv in intervals):
            intervals = [iv for iv in intervals if iv is not t]
    # a lone one-word report ('..., Trump said he would.' -> 'would') is mostly a misread cue
    intervals = [iv for iv in intervals if iv.kind != "indirect" or len(_WORD.findall(text[iv.start:iv.end])) >= 2
                 or sum(o.attr.cue_start == iv.attr.cue_start for o in intervals) > 1]
    _relay(intervals, entities, text)
    return intervals, unit_credit


