"""Split one text into attributed segments (the engine behind ``framing.voices``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..text import paragraph_spans, sentence_spans
from ._cues import _TIME, Cue, cue_verbs, find_cues, is_present_credit, skip_after_cue, subject_before
from ._quotes import find_quotes
from ._speakers import AliasTable, Mention, Voice, _read_data
from ._subjects import (_SUBJECT_LEAD, _according_np, _clause_subject, _name_after,
                        _unit_subject)

UNKNOWN = "unknown"
# cue forms that are also common nouns: need a named, pronoun or description subject
NOUN_LIKE = frozenset(
    "report reports claim claims note notes post posts tweet tweets remark remarks estimate "
    "estimates promise promises pledge pledges call calls counter find show shows warning saying "
    "writing reporting hint hints signal signals vow vows charges quip joke jokes tout blast "
    "blasts slam slams praise criticize testify states statement announcement".split())
NARRATOR = "narrator"
NESTED_MIN = 0.85  # a cue inside reported words opens a nested report only when this sure ('said')
_WORD = re.compile(r"\w+")
_DOCUMENT_NP = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w-]+\s+){0,2}(?:report|study|poll|survey|analysis))\b")
_TRAILING_END = re.compile(r"^\s*[.!?;]*[\"”’)]*\s*$")
# '”, the spokesperson Ana Ruiz said', '” Republican Party chairman Reince Priebus said'
_SHORT_GAP = re.compile(r"[\s,—–]*(?:(?!(?:if|when|because|and|but|as|while|after|before|though|although|since|"
                        r"until|unless|whether|that|which|who|what)\s)[\w.’'-]+\s+){0,6}")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\b(?:and|by|while|before|after|when|in|without))\s*$")
_COORDINATED = re.compile(r"(?:,\s*|\b)(?:and|but|then|yet)\s*$")
_QUOTE_END = re.compile(r"[,.!?—–-]\s*['’‘]?\s*(?:''|[\"”’»])$")  # '“X,” the aide said', not 'a “new path” if ...'
_CLAUSE_CONT = re.compile(r"^\s*[,—–]")
_ADJUNCT_CONT = re.compile(r"^\s*[,—–]\s*(?:(?:\w+\s+){0,2}(?:after|before|since|ago)|after|before|as|while|when|"
                           r"which|who|whose|where|though|although|because|amid|despite|in|on|at|during|"
                           r"following|ahead)\b", re.IGNORECASE)
_TRAIL_ADJUNCT = re.compile(r"^\s+(?:in|at|during|on|after|before|when|while|as|of|to|from|about|last|this|"
                            r"earlier|later|recently|yesterday|today|tonight|late|early|Monday|Tuesday|"
                            r"Wednesday|Thursday|Friday|Saturday|Sunday|with|through|via|without|under)\b")


@dataclass
class Attribution:
    speaker: str
    source: str
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    mention_start: int = -1
    mention_end: int = -1
    confidence: float = 0.5
    speaker_type: str = ""


@dataclass
class Interval:
    start: int
    end: int
    kind: str  # direct | indirect
    attr: Attribution
    group: int = -1  # quote group when the quote runs over several paragraphs


@lru_cache(maxsize=1)
def _speech_act() -> re.Pattern:
    """After a subject: a cue verb form ('said', 'spoke', 'expressed'), perhaps after 'himself', 'also'."""
    forms = sorted((f for f, v in cue_verbs().items() if v.confidence >= 0.3), key=len, reverse=True)
    return re.compile(r"\s+(?:(?:himself|herself|themselves|itself|also|has|have|had|again|reportedly|"
                      r"publicly|personally|then|later)\s+){0,3}(?:" + "|".join(map(re.escape, forms)) + r")\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    lines = _read_data("voices/boilerplate.csv").splitlines()[1:]
    return re.compile(r"^(?:" + "|".join(l.strip() for l in lines if l.strip()) + r")$", re.IGNORECASE)


def _attribution(text: str, cue: Cue | None, mention: Mention | None, *, confidence: float) -> Attribution:
    voice = mention.voice if mention is not None else None
    if voice is not None:
        speaker = voice.canonical
        source = voice.channel or voice.canonical
    else:
        speaker, source = "", UNKNOWN
        confidence *= 0.8
    attr = Attribution(speaker, source, confidence=round(confidence, 3),
                       speaker_type=voice.type if voice is not None else "")
    if cue is not None:
        attr.cue, attr.cue_start, attr.cue_end = text[cue.start:cue.end], cue.start, cue.end
    if mention is not None:
        attr.mention_start, attr.mention_end = mention.start, mention.end
    return attr


def _units(text: str, p_start: int, p_end: int, quotes) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where a quote runs across a sentence boundary."""
    units = [(p_start + s, p_start + e) for s, e in sentence_spans(text[p_start:p_end])]
    if not units:
        return []
    merged = [list(units[0])]
    for start, end in units[1:]:
        if any(q.start < merged[-1][1] and q.end > start for q in quotes):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return [tuple(u) for u in merged]


def _looks_like_headline(text: str, paragraphs) -> bool:
    if len(paragraphs) < 2:
        return False
    start, end = paragraphs[0]
    line = text[start:end].rstrip()
    words = len(_WORD.findall(line))
    return 0 < words <= 30 and not re.search(r"[.!?][\"”’)]*$", line) or (words <= 14 and line.istitle())


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
    for p, (p_start, p_end) in enumerate(paragraphs):
        para = text[p_start:p_end]
        if p == 0 and headline:
            rows.append((p_start, p_end, "headline", Attribution("", default_source, confidence=0.8)))
            continue
        if (len(para) < 120 and _boilerplate().match(para.strip())) or not _WORD.search(para):
            rows.append((p_start, p_end, "boilerplate", None))
            continue
        p_quotes = [q for q in quotes if p_start <= q.start < p_end]
        penalty = 0.7 if p in stray else 1.0
        para_rows: list[tuple] = []
        para_credit = None
        units = _units(text, p_start, p_end, p_quotes)
        for u_start, u_end in units:
            intervals, unit_credit = _analyse_unit(text, u_start, u_end, p_quotes, by_end, entities,
                                                   group_attr, last_attr, penalty, group_found)
            if unit_credit is not None:
                para_credit = unit_credit  # a credit covers narration only (attributed speech keeps its channel)
            for iv in intervals:
                last_attr = iv.attr
            for piece in _pieces(text, u_start, u_end, intervals):
                iv = next((i for i in intervals if i.group >= 0 and i.attr is piece[3]), None)
                if iv is not None:
                    group_rows.setdefault(iv.group, []).append(len(rows) + len(para_rows))
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
    for group, attr in group_found.items():  # one voice for all paragraphs of a long quote
        for i in group_rows.get(group, []):
            rows[i] = rows[i][:3] + (attr,)
    return rows


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def _analyse_unit(text, u_start, u_end, p_quotes, by_end, entities, group_attr, last_attr, penalty,
                  group_found):
    u_quotes = [q for q in p_quotes if q.start < u_end and q.end > u_start]
    spans = [(max(q.start, u_start), min(q.end, u_end)) for q in u_quotes]
    cues = [c for c in find_cues(text, u_start, u_end) if not _inside(c.start, spans)]
    used: set[int] = set()
    intervals: list[Interval] = []
    unit_credit = None

    def mention_at(cue):
        return subject_before(text, cue.start, u_start, by_end, entities)

    def speaker_of(cue, stops=None, fallback=True):
        """The mention naming who speaks through a verb cue."""
        word = text[cue.start:cue.end].split()[-1].lower()
        lead = ((word.endswith("ing") and _PARTICIPLE_LEAD.search(text, u_start, cue.start))
                or _COORDINATED.search(text, u_start, cue.start))
        if lead:
            # '..., adding that', 'by saying', '... and said': the clause's subject speaks
            m = _unit_subject(text, u_start, cue.start, by_end, entities)
            if m is None and intervals:
                m = _mention_of(intervals[-1].attr, text)
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
            if not gap.strip(" ,—–\u00a0"):  # '”, said Trump' (speaker after the cue)
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
        if attr is None:
            before = [c for c in speech_cues if c.end <= qs]
            if before:
                c = before[-1]
                gap = text[c.end:qs]
                if re.fullmatch(r"[\s,:]*(?:that\s*)?", gap) or re.fullmatch(r"[^.;\"“”]{0,40}:\s*", gap):
                    m = speaker_of(c) if c.kind == "verb" else _according_np(text, c, u_end, by_end, entities)
                    if m is not None or c.kind == "verb":
                        attr = _attribution(text, c, m, confidence=c.verb.confidence)
                        used.add(c.start)
        if attr is None and text[u_start:qs].rstrip().endswith(":"):
            m = _unit_subject(text, u_start, qs, by_end, entities)
            cue = next((c for c in cues if c.end <= qs), None)
            attr = _attribution(text, cue, m, confidence=0.7)
        inherited = attr is None
        if attr is None and not q.first and q.group in group_attr:
            attr = group_attr[q.group]
        if attr is None:
            outside = len(_WORD.findall(text[u_start:u_end])) - len(_WORD.findall(text[qs:qe]))
            if outside <= 2 or (q.start <= u_start + 2 and len(_WORD.findall(text[qs:qe])) >= 6):
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
    for q, (qs, qe) in zip(u_quotes, spans):
        if not any(iv.start == qs for iv in directs) and directs:
            prev = [iv for iv in directs if iv.end <= qs]
            if prev and re.fullmatch(r"[\s,]*", text[qs - 1:qs]) is not None and \
                    not re.search(r"[.;]", text[prev[-1].end:qs]):
                intervals.append(Interval(qs, qe, "direct", prev[-1].attr))
    direct_spans = [(iv.start, iv.end) for iv in intervals]

    # 2. reported speech around the remaining cues
    trailing: list[tuple[int, Cue, Mention | None]] = []  # (comma position, cue, mention)
    trailing_stops: list[int] = []
    clause_stops: list[int] = []
    resumes: list[tuple[int, Cue, Mention | None]] = []
    forward: list[tuple[Cue, Mention]] = []
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
            elif lead.rstrip().endswith(","):
                m = _according_np(text, c, u_end, by_end, entities)
                trailing.append((len(lead.rstrip()) + u_start - 1, c, m))
            elif c.verb.lemma == "in" and len(lead.split()) >= 4:
                m = _according_np(text, c, u_end, by_end, entities)  # '... 45 percent in a new poll.'
                if m is not None and _TRAILING_END.match(text[m.end:u_end]):
                    trailing.append((c.start - 1, c, m))
            continue
        m = speaker_of(c, clause_stops, fallback=False)
        if m is not None and m.voice is not None and m.voice.type == "group" and (
                text[c.start:c.end].split()[-1].lower() in NOUN_LIKE):
            continue  # 'a think tank report released ...': a noun, not a verb
        after = text[c.end:u_end]
        tail = _TIME.sub("", after, count=1)
        if m is not None and text[u_start:m.start].rstrip().endswith((",", "—", "–")) and (
                _TRAILING_END.match(tail) or _CLAUSE_CONT.match(tail) or _TRAIL_ADJUNCT.match(tail)):
            comma = u_start + len(text[u_start:m.start].rstrip()) - 1
            if (m.voice is not None and m.voice.type in ("outlet", "agency") and is_present_credit(text, c)
                    and _TRAILING_END.match(tail)):
                unit_credit = _attribution(text, c, m, confidence=0.8)
                trailing_stops.append(comma)
                continue
            trailing.append((comma, c, m))
            if _CLAUSE_CONT.match(tail) and not _ADJUNCT_CONT.match(tail):
                # 'The plan, a source said, is to ...': content goes on ('..., weeks after ...' does not)
                resume = c.end + len(after) - len(tail) + _CLAUSE_CONT.match(tail).end()
                resumes.append((resume, c, m))
            continue
        if m is None and text[u_start:c.start].rstrip().endswith(","):
            n = _name_after(text, c.end, u_end, by_end, entities)   # ', said Mr. Smith.'
            if n is not None and _TRAILING_END.match(text[n.end:u_end].split(",")[0] if "," in text[n.end:u_end] else text[n.end:u_end]):
                trailing.append((u_start + len(text[u_start:c.start].rstrip()) - 1, c, n))
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
    reported: list[tuple[int, int]] = []
    boundaries = sorted(boundaries + clause_stops)
    for c, m in forward:
        if c.verb.confidence < 0.35:
            continue  # speech acts ('spoke', 'expressed') name a speaker but introduce no content
        if c.verb.confidence < NESTED_MIN and any(a <= c.start < b for a, b in reported):
            continue  # 'Walsh noted that Ohio boasted ...': a weaker verb inside reported words stays in them
        if c.verb.confidence < 0.7 and not re.match(r"\s+that\b", text[c.end:c.end + 6]) and (
                m.voice is None):
            continue  # belief, desire and evidence verbs: a named or pronoun subject, or "that"
        start = skip_after_cue(text, c.end, u_end, c)
        end = min([b for b in boundaries if b > start] + [u_end])
        end = _content_end(text, start, end)
        if len(_WORD.findall(text[start:end])) >= 2 and not _covered(start, end, direct_spans):
            intervals.append(Interval(start, end, "indirect",
                                      _attribution(text, c, m, confidence=c.verb.confidence * 0.9)))
            reported.append((start, end))
    _relay(intervals, entities, text)
    return intervals, unit_credit


def _mention_of(attr: Attribution, text: str) -> Mention | None:
    """The speaker mention of an earlier attribution, for a cue that continues its clause."""
    if attr.mention_start < 0 or not attr.speaker:
        return None
    channel = attr.source if attr.source not in (attr.speaker, UNKNOWN) else ""
    return Mention(attr.mention_start, attr.mention_end,
                   Voice(attr.speaker, attr.speaker_type or "person", "", channel),
                   text[attr.mention_start:attr.mention_end])


def _covered(start, end, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _content_start(text, lo, hi) -> int:
    m = _SUBJECT_LEAD.match(text, lo, hi)
    pos = m.end() if m else lo
    while pos < hi and text[pos] in " ,;":
        pos += 1
    return pos


def _content_end(text, start, end) -> int:
    # stop before ', according to' and trailing punctuation
    m = re.search(r",\s+(?:according to|citing)\b", text[start:end])
    if m:
        end = start + m.start()
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return end


def _relay(intervals: list[Interval], entities: list[Mention], text: str) -> None:
    """Combine an outer report with the speech it relays.

    * ``Kim said X, KCNA said``: the inner report ("Kim said X") absorbs the outer content it
      starts at, so the words are one voice: speaker Kim Jong Un, source KCNA.
    * ``Kim spoke highly of Trump, state media said``: a media voice reporting a speech act
      ("spoke", "expressed", a cue verb) of a person it carries: that person is the speaker.
    * Words reported inside another report travel through the outer voice's channel.
    """
    for inner in list(intervals):
        outers = [o for o in intervals if o is not inner and o.kind == "indirect" and inner.kind == "indirect"
                  and o.attr.cue_start >= o.end and o.start <= inner.attr.mention_start < inner.start <= o.end
                  and not _WORD.search(text[o.start:inner.attr.mention_start])]
        for outer in outers:
            inner.start = outer.start
            if outer.end <= inner.end:
                intervals.remove(outer)
            _relay_source(inner, outer)
    by_cue: dict[int, Attribution] = {}
    for iv in intervals:
        attr = iv.attr
        if iv.kind != "indirect" or attr.cue_start < 0 or attr.speaker_type not in ("outlet", "agency"):
            continue
        if attr.cue_start in by_cue:
            iv.attr = by_cue[attr.cue_start]
            continue
        subject = next((m for m in entities if iv.start <= m.start <= iv.start + 2 and m.voice is not None
                        and m.voice.type == "person"), None)
        if subject is not None and _speech_act().match(text, subject.end, iv.end):
            iv.attr = by_cue[attr.cue_start] = replace(
                attr, speaker=subject.voice.canonical, speaker_type="person",
                mention_start=subject.start, mention_end=subject.end)
    for iv in intervals:
        if iv.attr.cue_start in by_cue:
            iv.attr = by_cue[iv.attr.cue_start]
    for inner in intervals:
        outers = [o for o in intervals if o is not inner and o.start <= inner.start and inner.end <= o.end
                  and (o.end - o.start) > (inner.end - inner.start)]
        if outers:
            _relay_source(inner, min(outers, key=lambda o: o.end - o.start))


def _relay_source(inner: Interval, outer: Interval) -> None:
    if outer.attr.source not in (UNKNOWN, inner.attr.speaker) and outer.attr.speaker:
        inner.attr = replace(inner.attr, source=outer.attr.source)


def _pieces(text, u_start, u_end, intervals) -> list[tuple]:
    """Partition a unit: each stretch goes to the smallest interval holding it, else narration."""
    cuts = {u_start, u_end}
    for iv in intervals:
        cuts.update((max(u_start, iv.start), min(u_end, iv.end)))
    cuts = sorted(c for c in cuts if u_start <= c <= u_end)
    out: list[list] = []
    for a, b in zip(cuts, cuts[1:]):
        holders = [iv for iv in intervals if iv.start <= a and b <= iv.end]
        iv = min(holders, key=lambda i: i.end - i.start) if holders else None
        kind = iv.kind if iv else "narration"
        attr = iv.attr if iv else None
        piece = text[a:b]
        if not piece.strip():
            continue
        if out and (out[-1][3] is attr and out[-1][2] == kind or not _WORD.search(piece)):
            out[-1][1] = b  # same voice goes on, or punctuation only: extend the previous piece
            continue
        if out and not _WORD.search(text[out[-1][0]:out[-1][1]]):
            out[-1][1:] = [b, kind, attr]
            continue
        out.append([a, b, kind, attr])
    rows = []
    for a, b, kind, attr in out:
        while text[a].isspace():
            a += 1
        while text[b - 1].isspace():
            b -= 1
        rows.append((a, b, kind, attr))
    return rows
