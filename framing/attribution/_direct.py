"""Direct-quote rules (rule 3 of ``framing.attribution``): who speaks each quote of a unit.

Each quote of a unit goes through :data:`QUOTE_RULES` in order; the first rule that returns an
attribution gives the quote its voice (``SKIP``: the quote was handled otherwise, or is part of
the words around it). The rules in :data:`CONTEXT_RULES` attribute a quote from its context (the
quote group, the previous voice), not from a cue of its own. A quote no rule attributes stays
inside the surrounding (reported) segment.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ._layout import SENTENCE_BREAK, WORD, _rstrip
from ._after import _name_after, according_np
from ._coverage import quote_quoted_as_saying
from ._grammar import _TRAILING_END, _content_start, _mention_of, _object_after, speaker_of
from ._model import UNKNOWN, Attribution, Interval, Unit, _attribution, with_changes
from ._cues import Cue
from ._speakers import _NOT_FIRST_NAMES, Mention, group_voice, resolve, voice_for_name
from ._clause_subjects import _SUBJECT_LEAD_WIDE, _unit_subject
from ._subjects import subject_before
from ._surnames import full_name_before
from ._vocab import ROLE_WORDS, SPEAKER_PRONOUN, TELLING_VERBS, cue_verbs

SKIP = object()   # a rule's answer: the quote needs no direct segment
# '”, the spokesperson Ana Ruiz said', '” Republican Party chairman Reince Priebus said'
# (compiled once: the rules run on every cue or quote)
_COLON_OR_COMMA = re.compile(r"[:,]")
_ONLY_THAT = re.compile(r"[\s,:]*(?:that\s*)?")
_SHORT_COLON_LEAD = re.compile(r"[^.;\"“”]{0,40}:\s*")
_SPACES_COMMAS = re.compile(r"[\s,]*")
_PERIOD_OR_SEMICOLON = re.compile(r"[.;]")
_SPACES_PUNCTUATION = re.compile(r"[\s,:]*")
_PUNCTUATION_END = re.compile(r"[,:—–]\s*$")

_SHORT_GAP = re.compile(r"[\s,—–]*(?:(?!(?:if|when|because|and|but|as|while|after|before|though|although|since|"
                        r"until|unless|whether|that|which|who|what)\s)[\w.’'-]+\s+){0,6}")
_QUOTE_END = re.compile(r"[,.!?…—–-]\s*['’‘]?\s*(?:''|[\"”’»])$")  # '“X,” the aide said', not 'a “new path” if ...'
_PARTIAL_GOES_ON = re.compile(r"\s+(?!(?:" + SPEAKER_PRONOUN + r")\s)[a-z][\w’'-]*\s+[\w’'-]+\s+[\w’'-]+")
_INVERTED_NAME = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*\s*[,:]\s*")   # ' Comey, '
_DASH_LABEL = re.compile(r"\s[-—–]\s+([A-Z][^-—–:]{0,60}?)\s*:\s*$")   # 'HEADLINE - Mark Blumenthal: “...”'


def _at_least_words(text: str, n: int) -> bool:
    for k, _ in enumerate(WORD.finditer(text), 1):
        if k >= n:
            return True
    return False


def quote_cue_after(u: Unit, q, qs: int, qe: int):
    """'“X,” he said', '“X,” said Kim': a speech cue right after the quote (perhaps after a
    short subject). A quote that opens a sentence of reported words ('The party, attended by
    hundreds, “allows us ...,” said Coleman') makes the sentence indirect instead."""
    text = u.text
    after = next((c for c in u.speech_cues if c.start >= qe), None)
    if after is None or after.kind != "verb":
        return None
    attr = None
    gap = text[qe:after.start]
    if not gap.strip(" ,—–\u00a0'’"):  # "”, said Trump" (speaker after the cue; "'''" closes a nested quote)
        m = _name_after(text, after.end, u.end, u.by_end, u.entities)
        if m is not None:
            attr = _attribution(text, after, m, confidence=after.verb.confidence)
    else:
        m = subject_before(text, after.start, qe, u.by_end, u.entities)
        if m is not None and m.voice is not None and m.voice.type == "group" and (
                not after.verb.firm or len(m.text.split()) > 4):
            m = None
        if m is not None and _SHORT_GAP.fullmatch(text, qe, m.start) and (
                _QUOTE_END.search(text, qs, qe) or _opens_sentence_before_sure_verb(u, q, qs, qe, after, m)):
            attr = _attribution(text, after, m, confidence=after.verb.confidence)
    if attr is None:
        return None
    u.used.add(after.start)
    lead = text[u.start:qs]
    others = [o for o in u.quotes[:2] if o is not q]   # sorted by start: the earliest other quote
    if q.first and q.last and _at_least_words(lead, 3) and ":" not in lead and not (
            u.first_cue_end is not None and u.first_cue_end <= qs) and not (others and others[0].start < qs):
        # the sentence is reported, ending in a partial quote
        u.intervals.append(Interval(_content_start(text, u.start, qs), qe, "indirect", attr))
        return SKIP
    return attr


# '“X,” the email read.', '“X,” it read.', '“X,” read the statement.', '“X,” read one.': 'read'
# alone is no cue (past, present, infinitive: 'I read the report'); right after a quote it is one
_READ_AFTER = re.compile(r"\s*(?:(?P<subject>it|(?:the|an?|one|this|that|its|his|her|their)(?:\s+[\w’'-]+){1,3}?)\s+"
                         r"(?P<verb>read)|(?P<verb_first>read)\s+(?P<object>one|another|(?:the|an?|this|that)"
                         r"(?:\s+[\w’'-]+){1,5}?))(?=(?:\s+in\s+part)?\s*[.,;])")


def quote_read_after(u: Unit, q, qs: int, qe: int):
    """'“Vote early,” the flyer read.', '“Vote early,” read the sign.': the written thing whose
    words the quote gives."""
    text = u.text
    read = _READ_AFTER.match(text, qe, u.end)
    if read is None or not _QUOTE_END.search(text, qs, qe):
        return None
    verb = "verb" if read.group("verb") else "verb_first"
    phrase = "subject" if verb == "verb" else "object"
    start, end = read.span(phrase)
    words = read.group(phrase)
    if words == "it":
        voice = resolve(words, start, u.entities)
    elif words in ("one", "another"):
        voice = None
    else:
        voice = group_voice(words)
    cue = Cue(read.start(verb), read.end(verb), cue_verbs()["reads"])
    return _attribution(text, cue, Mention(start, end, voice, words), confidence=cue.verb.confidence)


_GAP_WORD = re.compile(r"[\w.’'-]+")


def _opens_sentence_before_sure_verb(u: Unit, q, qs: int, qe: int, after, m) -> bool:
    """'“He'll be ready” Press Secretary Jane Roe said': a whole quote of three or more words that
    opens its sentence and closes without a comma, right before its speaker and a sure speech
    verb, at most title words between (a partial quote inside a sentence, 'a “new path” if
    ...', never opens it; '“X” for Clinton, said Kunin' has other words between)."""
    return (q.first and q.last and after.verb.sure and not u.text[u.start:qs].strip(" \"“'‘")
            and _title_words_only(u.text[qe:m.start]) and _at_least_words(u.text[qs:qe], 3))


def _title_words_only(gap: str) -> bool:
    """At most five words, each capitalised or a role word ('Harbour Office spokeswoman')."""
    words = gap.split()
    return len(words) <= 5 and all(_GAP_WORD.fullmatch(w) and (w[0].isupper() or w.lower() in ROLE_WORDS)
                                   for w in words)


# 'asked a rally crowd, “X”', 'told the Senate panel: “X”': the one spoken to, then the quote
_OBJECT_VERBS = TELLING_VERBS["object_then_quote"]
_OBJECT_THEN_COMMA = re.compile(r"\s+(?:the|a|an|his|her|their|its|[A-Z][\w.’'-]*)(?:\s+[\w.’'-]+){0,3}\s*[,:]\s*")


def quote_cue_before(u: Unit, q, qs: int, qe: int):
    """'said: “X”', 'said, “X”', 'told reporters that “X”', 'asked a crowd, “X”': a cue before a whole quote (any
    quote after a sure speech verb; not 'expressed “deep regret” for', not 'said “it gets me
    mad” every time ...', a partial quote opening reported words)."""
    text = u.text
    before = [c for c in u.speech_cues if c.end <= qs]
    if not before:
        return None
    c = before[-1]
    gap = text[c.end:qs]
    whole = (c.verb.sure or _QUOTE_END.search(text, qs, qe) or _TRAILING_END.match(text[qe:u.end]) or ":" in gap)
    if whole and not (_QUOTE_END.search(text, qs, qe) or _COLON_OR_COMMA.search(gap)) and \
            _PARTIAL_GOES_ON.match(text, qe, u.end):
        whole = False
    # 'Said Comey, “...”', 'Added Stone: “...”': the verb opens the sentence, the name follows it
    inverted = c.kind == "verb" and not text[u.start:c.start].strip(" \"“”'‘’")
    to_object = False
    if whole and (_ONLY_THAT.fullmatch(gap) or _SHORT_COLON_LEAD.fullmatch(gap)
                  or inverted and _INVERTED_NAME.fullmatch(gap)
                  or (to_object := c.verb.lemma in _OBJECT_VERBS and _OBJECT_THEN_COMMA.fullmatch(gap) is not None)):
        m = speaker_of(u, c) if c.kind == "verb" else according_np(text, c.end, u.end, u.by_end, u.entities)
        if m is None and to_object:
            return None   # ('telling her, “...”' with no speaker found: the rules after this one read it)
        if m is None and inverted:
            m = _name_after(text, c.end, qs, u.by_end, u.entities)
            if m is None and u.last_attr is not None and text[c.start:c.end].endswith("ing"):
                m = _mention_of(u.last_attr, text)   # 'Adding, “...”': the last speaker goes on
        if m is not None or c.kind == "verb":
            u.used.add(c.start)
            return _attribution(text, c, m, confidence=c.verb.confidence)
    return None


def quote_after_colon(u: Unit, q, qs: int, qe: int):
    """'Name - Mark Blumenthal: “X”', 'The senator put it plainly: “X”': the sentence's
    subject (or a dash label) speaks a quote after a colon."""
    text = u.text
    if not text[u.start:qs].rstrip().endswith(":"):
        return None
    label = _DASH_LABEL.search(text, u.start, qs)
    m = (Mention(label.start(1), label.end(1), voice_for_name(label.group(1), u.entities), label.group(1))
         if label else _unit_subject(text, u.start, qs, u.by_end, u.entities))
    cue = next((c for c in u.cues if c.end <= qs), None)
    return _attribution(text, cue, m, confidence=0.7)


def quote_continues_group(u: Unit, q, qs: int, qe: int):
    """A later paragraph of a quote running over several paragraphs: the group's voice."""
    if not q.first and q.group in u.group_attr:
        return u.group_attr[q.group]
    return None


def quote_before_reported_words(u: Unit, q, qs: int, qe: int):
    """'“...” about X, said Kilfoyle.': a quote opening the unit, reported words after it and
    a speech cue ending it: the quote is the cue's speaker's (the words after it are reported)."""
    text = u.text
    reported = next((c for c in u.speech_cues if c.start >= qe and c.verb.is_speech and (
        text[qe:c.start].rstrip().endswith(",") or _TRAILING_END.match(text[c.end:u.end]))), None)
    if reported is None or q.start > u.start + 2:
        return None
    # ', said Kilfoyle.' names the speaker after the cue; ', Joe Kasper, told POLITICO' names the
    # one told after it: the speaker stands before
    m = (_name_after(text, reported.end, u.end, u.by_end, u.entities)
         if text[qe:reported.start].rstrip().endswith(",") and not _object_after(text, reported) else
         subject_before(text, reported.start, qe, u.by_end, u.entities))
    return _attribution(text, reported, m, confidence=reported.verb.confidence) if m is not None else SKIP


def quote_alone(u: Unit, q, qs: int, qe: int):
    """A quote standing alone (at most two words outside it, or a long quote opening the
    unit): the previous speaking voice goes on, confidence x0.7."""
    text = u.text
    if u.words < 0:
        u.words = len(WORD.findall(text, u.start, u.end))
    outside = u.words - len(WORD.findall(text[qs:qe]))
    if outside <= 2 or (q.start <= u.start + 2 and len(WORD.findall(text[qs:qe])) >= 6):
        if u.last_attr is not None:
            return with_changes(u.last_attr, confidence=round(u.last_attr.confidence * 0.7, 3))
        return Attribution("", UNKNOWN, confidence=0.3)
    return None


# a cue of the quote's own, in this order
CUE_RULES = (quote_quoted_as_saying, quote_cue_after, quote_read_after, quote_cue_before, quote_after_colon)
# then the quote's context
CONTEXT_RULES = (quote_continues_group, quote_before_reported_words, quote_alone)
QUOTE_RULES = CUE_RULES + CONTEXT_RULES


def direct_quotes(u: Unit) -> None:
    """Rule 3: each quote of the unit gets the voice of the first rule of ``QUOTE_RULES`` that
    finds one; a quote without one stays part of the words around it."""
    for q, (qs, qe) in zip(u.quotes, u.spans):
        attr = None
        for rule in QUOTE_RULES:
            attr = rule(u, q, qs, qe)
            if attr is not None:
                break
        if attr is None or attr is SKIP:
            continue
        if not q.balanced:
            attr = with_changes(attr, confidence=round(attr.confidence * 0.6, 3))
        attr = with_changes(attr, confidence=round(attr.confidence * u.penalty, 3))
        multi = not (q.first and q.last)
        if rule in CUE_RULES and multi:
            u.group_found.setdefault(q.group, attr)
        u.group_attr.setdefault(q.group, attr)
        u.intervals.append(Interval(qs, qe, "direct", attr, q.group if multi else -1))


def split_quotes(u: Unit) -> None:
    """'“X,” he said, “Y.”': a quote right after another's cue inherits its voice. With more
    words between ('..., warning that patience “is not unlimited.”') it is tentative: a report
    holding it takes it back (:func:`framing.attribution._report_stages.partial_quotes_in_reports`)."""
    text = u.text
    directs = [iv for iv in u.intervals if iv.kind == "direct"]
    for q, (qs, qe) in zip(u.quotes, u.spans):
        if not directs or any(iv.start == qs for iv in directs):
            continue
        prev = [iv for iv in directs if iv.end <= qs]
        if prev and _SPACES_COMMAS.fullmatch(text[qs - 1:qs]) and not _PERIOD_OR_SEMICOLON.search(text, prev[-1].end, qs):
            # only the cue and its speaker stand between ('“X,” he said, “Y.”'), not more words
            after_cue = max(prev[-1].attr.cue_end, prev[-1].attr.mention_end, prev[-1].end)
            between = text[after_cue:qs]
            u.intervals.append(Interval(qs, qe, "direct", prev[-1].attr))
            if not (_SPACES_PUNCTUATION.fullmatch(between) or _PUNCTUATION_END.search(between)):
                u.tentative.append(u.intervals[-1])
    u.direct_spans = [(iv.start, iv.end) for iv in u.intervals if not any(iv is t for t in u.tentative)]


# --- block quotes: a paragraph of speech without quote marks after a lead-in ending in ':' ---

_FIRST_PERSON = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|[Ww]e|[Ww]e[’'](?:re|ve|ll|d)|me|[Mm]y|[Oo]ur|us)\b")
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_NAME_IN_LEAD = re.compile(r"(?<![\w’'-])[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){0,2}")


def block_quotes(text: str, paragraphs: list, rows: list, entities) -> None:
    """'Whitlow doubled down:' and then a paragraph of his words without quote marks, in the first
    person ('I think that was by design.'): that paragraph is the lead-in's speaker's direct
    speech. The lead-in is the previous paragraph's last sentence, ending in a colon; its subject
    speaks when it is a name, else the last person it names ('Although Whitlow spoke on, the
    segment ended with more of it:'). Only the one paragraph: a first-person paragraph further
    on may be the outlet's own voice again (a columnist's 'I'). The paragraph must be narration
    or reports so far (no furniture, not opening with a quote mark) and hold no quote marks,
    unless the lead-in names a speech act ('X, an analyst, told the paper:',
    :func:`speaker_before_speech_verb`): then the words may quote others and hold direct speech."""
    starts = [row[0] for row in rows]
    for (l_start, l_end), (p_start, p_end) in zip(paragraphs, paragraphs[1:]):
        lead_end = _rstrip(text, l_start, l_end)
        if not (lead_end > 0 and text[lead_end - 1] == ":") or \
                not _FIRST_PERSON.search(text, p_start, p_end) or len(WORD.findall(text, p_start, p_end)) < 6:
            continue
        quoted = _QUOTE_MARKS.search(text, p_start, p_end) is not None
        if quoted and _QUOTE_MARKS.match(text, p_start):
            continue
        first, last = bisect_left(starts, p_start), bisect_left(starts, p_end)
        lead_rows = rows[bisect_left(starts, l_start):first]
        if first == last or any(row[2] not in ("narration", "indirect") for row in lead_rows):
            continue
        sentences = [m.end() for m in SENTENCE_BREAK.finditer(text, l_start, lead_end)]
        lead_start = sentences[-1] if sentences else l_start
        # a lead-in that names a speech act ('... told the Times:') may give the floor to words
        # that quote others inside them; without one, a quote mark means the outlet is quoting
        spoken = quoted and speaker_before_speech_verb(text, lead_start, lead_end, entities)
        if quoted and not spoken or \
                any(row[2] not in ("narration", "indirect", "direct" if spoken else "") for row in rows[first:last]):
            continue
        attr = spoken or _lead_in_speaker(text, lead_start, lead_end, entities)
        if attr is not None:
            rows[first:last] = [(p_start, _rstrip(text, p_start, p_end), "direct", attr)]
            starts[first:last] = [p_start]


def _lead_in_speaker(text: str, start: int, end: int, entities) -> Attribution | None:
    """The person a lead-in sentence ``text[start:end]`` gives the floor to (see :func:`block_quotes`).

    Its subject when that is a person's name ('Undeterred, Whitlow doubled down:'). A subject that
    is a person's words ('His latest remark betrays some envy:') gives it to the person the
    pronoun stands for (:func:`_possessor_of_words`); a subject that is no person's name ('The
    Friendship Association said:') gives none, unless a person is named before the lead-in's speech
    verb ('Law professor Jane Roe told the Times:', :func:`speaker_before_speech_verb`). A lead-in whose subject
    is a common noun phrase and that has no speech verb ('Although Whitlow spoke on, the segment
    ended with more of it:') gives the floor to the last person it names, a person the alias
    table knows or a surname the article gave in full before."""
    lead = _SUBJECT_LEAD_WIDE.match(text, start, end)
    pos = lead.end() if lead else start
    if (owned := _POSSESSED_WORDS.match(text, pos, end)) is not None:
        return _possessor_of_words(text, owned, entities, end)
    subject = _NAME_IN_LEAD.match(text, pos, end)
    if subject is not None:
        attr = _person_named(text, subject, entities, end, strict=False)
        if attr is None and text.startswith(", ", subject.end()):   # 'Undeterred, Whitlow ...'
            subject = _NAME_IN_LEAD.match(text, subject.end() + 2, end)
            attr = _person_named(text, subject, entities, end, strict=False) if subject is not None else None
        return attr or speaker_before_speech_verb(text, start, end, entities)
    if _NOT_A_NAME.match(text, pos, end) is None or any(
            (verb := cue_verbs().get(w.group().lower())) is not None and verb.is_speech
            for w in WORD.finditer(text, start, end)):
        return None
    # (past the sentence's first word, capitalised anyway: 'Although Whitlow')
    for m in reversed(list(_NAME_IN_LEAD.finditer(text, start + 1, end))):
        attr = _person_named(text, m, entities, end, strict=True)
        if attr is not None:
            return attr
    return None


def speaker_before_speech_verb(text: str, start: int, end: int, entities) -> Attribution | None:
    """'Law professor Jane Roe, an expert on courts, told the Times:' and 'Recall what Roe told
    a reporter last year:': a lead-in whose subject is no name but that names a speech act gives
    the floor to the person named last before its first speech verb (a full name, a person of the
    alias table or a surname given in full before), not to the one spoken to after it."""
    for word in WORD.finditer(text, start, end):
        verb = cue_verbs().get(word.group().lower())
        if verb is not None and verb.is_speech and word.start() > start:   # (not an imperative: 'Recall what ...')
            break
    else:
        return None
    for m in reversed(list(_NAME_IN_LEAD.finditer(text, start, word.start()))):
        attr = _person_named(text, m, entities, end, strict=False)
        if attr is not None:
            return attr
    return None


# 'His latest public comment on the talks shows ...:', 'Her reply was short:'
_POSSESSED_WORDS = re.compile(r"(?P<pronoun>His|Her)\s+(?:[\w’'-]+\s+){0,3}?(?:comments?|remarks?|response|reply|answer|"
                              r"words|statement|message|verdict|explanation)\b")


def _possessor_of_words(text: str, owned: re.Match, entities, end: int) -> Attribution | None:
    """A lead-in whose subject is a person's words ('His latest remark about it betrays some envy:')
    gives the floor to the person the pronoun stands for (the last compatible person named)."""
    voice = resolve("he" if owned.group("pronoun") == "His" else "she", owned.start(), entities)
    if voice is None or voice.type != "person":
        return None
    return Attribution(voice.canonical, voice.channel or voice.canonical, ":", end - 1, end,
                       owned.start(), owned.end("pronoun"), confidence=0.5, speaker_type="person")


_NOT_A_NAME = re.compile(r"(?:the|a|an|this|that|his|her|their|its)\s+[a-z]")


def _person_named(text: str, m: re.Match, entities, end: int, *, strict: bool) -> Attribution | None:
    """The attribution to the person named by ``m`` of a lead-in ending in a colon at ``end``: a person of the alias table, a full
    name (not when ``strict``), or a surname the article gave in full before ('Whitlow' after 'Dana
    Whitlow'; not 'Undeterred,' or 'Three things')."""

    words = m.group().split()
    if words[0] in _NOT_FIRST_NAMES:
        return None
    voice = voice_for_name(m.group(), entities)
    if voice.type != "person":
        return None
    if not voice.gender and (len(words) == 1 or strict):
        voice = full_name_before(text, words[-1], m.start(), entities) if len(words) == 1 else None
        if voice is None:
            return None
    return Attribution(voice.canonical, voice.channel or voice.canonical, ":", end - 1, end,
                       m.start(), m.end(), confidence=0.6, speaker_type="person")
