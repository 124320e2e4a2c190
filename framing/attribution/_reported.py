"""Reported-speech rules (rule 4 of ``framing.attribution``): the words a cue reports.

Each cue of a unit not given to a quote goes through :data:`CUE_RULES` in order until one
returns True (the cue is dealt with). Cue rules only collect: a report ending at a comma
(``u.trailing``), content going on after an inserted cue (``u.resumes``), content after the
verb (``u.forward``). The report stages (``framing.attribution._report_stages.REPORT_STAGES``)
then turn them into intervals.
"""

from __future__ import annotations

import re

from ._after import _name_after, according_np
from ._boundaries import _words
from ._cue_readings import (_lead_before, _subject_before_appositive, in_editors_note, long_speech_subject,
                            passive_announcement, plural_subject, reportedly,
                            stance_stretch_subject, support_noun)
from ._coverage import intent_infinitive
from ._cues import _TIME, cue_word, is_present_credit, skip_after_cue
from ._grammar import (LOOKBACK, _TRAILING_END, _content_end, _content_start, _main_clause, _object_after,
                       coordinated_before, quoted_as_before, speaker_of)
from ._layout import WORD, _covered, _inside
from ._model import Interval, Unit, _attribution
from ._speakers import Mention, group_voice
from ._passive import passive_by, passive_expected
from ._vocab import (ACCORDING, ADDRESSEES, EVIDENCE_NOUNS, EVIDENCE_VERBS, NOUN_LIKE, OBJECT_PRONOUNS,
                     TELLING_VERBS, WEEKDAY, alternation, speaking_nouns)
from ._clause_subjects import _clause_subject, _evidence_subject

# (compiled once: the rules run on every cue)
_ONE_WORD = re.compile(r"\W*\w+,?\s*")
_COMMA_LOWER = re.compile(r",\s+[a-z]")
_COMMA_OR_SEMICOLON = re.compile(r"[,;]")
_CLAUSE_STOP = re.compile(r"[,;:]|\s[-—–]\s")
_POSSESSIVE_END = re.compile(r"\w[’']s$")
_PARTICIPLE_NEXT = re.compile(r",\s+[a-z]+ing\b")

_PASSIVE_ASK = re.compile(r"\b(?:[Ww]hen|[Ww]as|[Ww]ere|[Bb]een|[Bb]eing|[Aa]fter|[Ii]f|[Oo]nce|[Ii]s|[Aa]re|[Ww]hile)\s+"
                          r"(?:\w+ly\s+)?$|^\W*$")
# 'Nonetheless, he sought to reassure ...': an infinitive after the verb is its content, no trailing cue
_INFINITIVE_AFTER = re.compile(r"^\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|"
                               r"me|us|reporters|supporters|voters)\b)[a-z]")
# 'X appears ready to ...' is an impression ('appears' alone: PolNeAR train F1 0.77884 -> 0.77898);
# 'X appears on the show', 'appears with', 'appears tonight' is X showing up
_APPEAR_WORD = re.compile(r"\b[Aa]ppear(?:s|ed|ing)?\b")
_APPEARS_SOMEWHERE = re.compile(r"\s+(?:on|at|in|before|with|alongside|onstage|tonight|today|as|for|to)\b")
_THAT_NEXT = re.compile(r"\s+that\b")
_COMMA_BEFORE = re.compile(r",((?:''|[\"”’])?)\s*$")
_ASK_SETTING = re.compile(r"\s+(?:on|in|at|during)\s+[^,;]{1,40}?\s+(?=(?:whether|if|who|what|why|how|when|where|about)\b)")
_BY_AGENT = re.compile(r"\s+by\s+((?:the|a|an|[A-Z][\w.’'-]*)(?:\s+[\w.’'-]+){0,5}?)(?=\s+(?:whether|if|about|what|"
                       r"how|why|who|when|where|to|for|on)\b|,)")
_EXPLETIVE = re.compile(r"(?:^|\s)(?:it|there|It|There)\s+(?:\w+ly\s+)?$")
_CLAUSE_CONT = re.compile(r"^\s*[,—–]")
_ADJUNCT_CONT = re.compile(r"^\s*[,—–]\s*(?:(?:\w+\s+){0,2}(?:after|before|since|ago)|after|before|as|while|when|"
                           r"which|who|whose|where|though|although|because|amid|despite|in|on|at|during|"
                           r"following|ahead|citing|quoting)\b", re.IGNORECASE)
# 'X, Y, said on Friday that ...', 'Shortly afterward, X said in a post that ...': an adjunct, then
# the verb's that-clause: the report goes forward, the words before the comma are no content
_THAT_AFTER_ADJUNCT = re.compile(r"^\s+(?:[^\s,;.:]+\s+){1,8}?that\s")
_TRAIL_ADJUNCT = re.compile(r"^\s+(?:in|at|during|on|after|before|when|while|as|of|to|from|about|last|this|"
                            r"earlier|later|recently|yesterday|today|tonight|late|early|" + WEEKDAY + r"|with|through|via|without|under)\b")


# --- cue rules: (unit, cue) -> True when the cue is dealt with ---

def cue_given_to_quote(u: Unit, c) -> bool:
    """A cue that attributed a quote reports nothing else."""
    return c.start in u.used


_SOURCE_WORDS = re.compile(r"[\w’'-]+")
# person and group nouns: titles, organisations, descriptions ('officials', 'the ministry')
_THATS = re.compile(r"\W*(That|This)(?:[’']s|\s+is|\s+was)\s*")
_STANDINGS = re.compile(r"\s+the\s+polls\b")
# 'in the hours before the polls', 'voters in the district head to the polls': the time or the place, no medium
_NOT_MEDIUM = re.compile(r"(?:(?!poll|survey|stud|analys)[^.;:!?])*?\b(?:before|after|to|during|since|until)\s+(?:[\w/'’.-]+\s+){0,4}?(?:polls?|surveys?|study|studies|analysis)\b")


def _names_a_source(phrase: str) -> bool:
    """'according to county records', 'according to officials', 'according to Ross': a document, a
    person or a group; not 'That was according to plan' (a manner)."""
    words = _SOURCE_WORDS.findall(phrase)
    return any(w[:1].isupper() or w in OBJECT_PRONOUNS or w in EVIDENCE_NOUNS
               or (w[:-1] if w.endswith("s") else w) in speaking_nouns() for w in words)


def according_to(u: Unit, c) -> bool:
    """'According to X, ...', '..., according to X.', 'In a new poll, ...', '... in a new poll.'; not
    '... behind him in the polls' (PolNeAR train: F1 0.77049 -> 0.77064, speaker accuracy 0.8836 ->
    0.8841) nor 'in the hours before the polls close' (F1 -> 0.77069). 'That’s according to X.': the
    demonstrative is the content (F1 0.78335 -> 0.78346, speaker accuracy 0.89536 -> 0.89539)."""
    if c.kind != "according":
        return False
    text, u_start, u_end = u.text, u.start, u.end
    if c.verb.lemma == "in" and (_STANDINGS.match(text, c.end) or _NOT_MEDIUM.match(text, c.end)):
        return True   # '... far behind him in the polls': the standings, not a poll reporting
    if c.verb.lemma in ("citing", "in") and any(o.kind == "verb" and o.start > c.start for o in u.cues):
        return True
    lead = text[u_start:c.start]
    # 'It has not gone unnoticed: According to X, ...': a new start after the colon
    opening = lead[colon + 1:] if (colon := lead.rfind(": ")) >= 0 and not _inside(u_start + colon, u.spans) else lead
    if (that := _THATS.fullmatch(opening)) is not None and c.verb is ACCORDING:
        # 'That’s according to exit polls.': the demonstrative stands for the words before it
        m = according_np(text, c.end, u_end, u.by_end, u.entities)
        if m is not None and _names_a_source(m.text):
            start = u_start + len(lead) - len(opening) + that.start(1)
            u.intervals.append(Interval(start, start + len(that.group(1)), "indirect",
                                        _attribution(text, c, m, confidence=0.8)))
    elif not opening.strip(" \"“”'‘’—–(") or _ONE_WORD.fullmatch(opening):
        m = according_np(text, c.end, u_end, u.by_end, u.entities)
        comma = text.find(",", c.end, u_end)
        if comma != -1 and m is not None:
            start = skip_after_cue(text, comma + 1, u_end, c)
            u.intervals.append(Interval(start, _content_end(text, start, u_end),
                                        "indirect", _attribution(text, c, m, confidence=0.85)))
    elif (closing := _COMMA_BEFORE.search(lead)) is not None:
        m = according_np(text, c.end, u_end, u.by_end, u.entities)
        rest = text[m.end:u_end] if m is not None else ""
        goes_on = rest.startswith(",") and len(WORD.findall(rest)) >= 4
        if goes_on and len(lead.split()) <= 5:
            # 'Since November, according to X, forces have killed ...': the words go on
            start = skip_after_cue(text, m.end + 1, u_end, c)
            u.intervals.append(Interval(start, _content_end(text, start, u_end),
                                        "indirect", _attribution(text, c, m, confidence=0.8)))
        else:
            # '..., according to X.', '... “the high-water mark,” according to X.': the quote counts
            mark = closing.group(1)
            u.trailing.append((u_start + closing.start() + (1 + len(mark) if mark else 0), c, m))
            if goes_on and _COMMA_LOWER.match(rest):
                # 'One of the decisions, according to X, is to ...': the subject's clause goes on
                u.resumes.append((m.end + 1, c, m))
    elif c.verb is ACCORDING and len(lead.split()) >= 4:
        # '... leads by 271 delegates according to a count by X.': no comma, the sentence ends
        m = according_np(text, c.end, u_end, u.by_end, u.entities)
        if m is not None and _TRAILING_END.match(text[m.end:u_end]):
            u.trailing.append((c.start - 1, c, m))
    elif c.verb.lemma == "in" and len(lead.split()) >= 4:
        m = according_np(text, c.end, u_end, u.by_end, u.entities)  # '... 45 percent in a new poll.'
        if m is not None and _TRAILING_END.match(text[m.end:u_end]):
            u.trailing.append((c.start - 1, c, m))
    return True


def verb_of_reported_words(u: Unit, c) -> bool:
    """'said the group is neutral and supports ...': the second verb belongs to the reported words
    (not a verb with a that-clause of its own: 'said he would stay and noted that ...')."""
    return bool(coordinated_before(u.text, max(u.start, c.start - LOOKBACK), c.start)) and not _THAT_NEXT.match(
        u.text, c.end) and any(
        f.verb.sure and f.end <= c.start and not _COMMA_OR_SEMICOLON.search(u.text, f.end, c.start) for f, _ in u.forward)


def impression(u: Unit, c) -> bool:
    """'Ben Carson appears to be slipping', 'it seems likely that ...': an impression nobody is named for.
    'appear' is one with a named subject too ('Jane Ross appears to be losing'; PolNeAR train F1
    0.77900 -> 0.77919, speaker accuracy 0.89331 -> 0.89295; 'seem' too: speaker accuracy 0.89191)."""
    text = u.text
    bare = c.verb.lemma == "appear" and not text[c.start:c.end].endswith("to")
    # (right after the verb word: the cue may run on over a medium, 'appears in a new photo')
    if bare and (verb := _APPEAR_WORD.search(text, c.start, c.end)) and _APPEARS_SOMEWHERE.match(text, verb.end()):
        return True   # 'appears on the evening news': showing up, no impression
    if not (c.verb.lemma in ("seem", "appear") and _main_clause(text, u.start, c, u.cues) and (
            c.verb.lemma == "appear" or (m := speaker_of(u, c, fallback=False)) is None or m.voice is None)):
        return False
    start = _content_start(text, u.start, c.start)
    if _EXPLETIVE.search(text, start, c.start):
        start = skip_after_cue(text, c.end, u.end, c)
    end = _content_end(text, start, min([t[0] for t in u.trailing if t[0] > start] + [u.end]))
    if _words(text, start, end, 4) and not _covered(start, end, u.direct_spans):
        u.intervals.append(Interval(start, end, "indirect", _attribution(text, c, None, confidence=0.4)))
    return True


def asked_whether(u: Unit, c) -> bool:
    """'(When) asked (by a reporter) whether ...': the question is the content, the asker its voice."""
    text, u_start, u_end = u.text, u.start, u.end
    if not (c.verb.lemma == "ask" and (_PASSIVE_ASK.search(text, u_start, c.start) or text[c.start].isupper()
                                       and not text[u_start:c.start].strip(" \"“”'‘’—–("))):
        return False
    agent = _BY_AGENT.match(text, c.end, u_end)
    start = agent.end() if agent else c.end
    if not agent and (setting := _ASK_SETTING.match(text, start, u_end)):
        start = setting.end()   # 'Asked on Fox News who leads the party'
    stop = _CLAUSE_STOP.search(text[start:u_end])
    end = _content_end(text, start, start + stop.start() if stop else u_end)
    if _words(text, start, end, 1) and not _covered(start, end, u.direct_spans):
        m = None
        if agent:
            np = agent.group(1)
            m = Mention(agent.start(1), agent.end(1), group_voice(np), np)
        u.intervals.append(Interval(start, end, "indirect", _attribution(text, c, m, confidence=0.6)))
    return True


def said_name_after_comma(u: Unit, c) -> bool:
    """'..., said Mr. Smith, an aide.': an inverted trailing cue with the speaker after it."""
    text = u.text
    if not (text[u.start:c.start].rstrip().endswith(",") and c.verb.is_speech and not _object_after(text, c)):
        return False
    n = _name_after(text, c.end, u.end, u.by_end, u.entities)
    if n is None or not _TRAILING_END.match(text[n.end:u.end].split(",")[0]) or _PARTICIPLE_NEXT.match(text, n.end, u.end):
        return False   # (not 'X, his aide, urged a stand, saying ...': the verb's object, then a participle)
    u.trailing.append((u.start + len(text[u.start:c.start].rstrip()) - 1, c, n))
    u.previous.append(n)
    return True


def cue_subject(u: Unit, c) -> bool:
    """The cue's speaker (``u.mention``): the subject before it, or an evidence noun heading it
    ('The results show ...'). 'there were one million tweets': no speaker, no cue."""
    m = speaker_of(u, c, u.clause_stops, fallback=False)
    if c.verb.lemma in EVIDENCE_VERBS and (ev := _evidence_subject(u.text, u.start, c.start)) is not None:
        m = ev
    u.mention = m
    if m is not None and m.text.lower() in ("there", "here"):
        return True
    if m is not None:
        u.previous.append(m)
    return False


def noun_not_verb(u: Unit, c) -> bool:
    """'a think tank report released ...': a cue form that is a noun after a group's name; not a
    participle after a comma ('..., saying she ...'; PolNeAR train F1 0.77922 -> 0.77940)."""
    m = u.mention
    return (m is not None and m.voice is not None and m.voice.type == "group" and (word := cue_word(u.text, c)) in NOUN_LIKE
            and not quoted_as_before(u.text, u.start, c.start)
            and not (word.endswith("ing") and _COMMA_BEFORE.search(u.text, max(u.start, c.start - 6), c.start)))


def editors_note(u: Unit, c) -> bool:
    """"Editor's note:": page furniture, not a report."""
    m = u.mention
    return (m is not None and bool(_POSSESSIVE_END.search(m.text))
            and u.text[c.end:c.end + 2].lstrip().startswith(":"))


_INTRO = re.compile(r"\W*(?:On|In|At|After|Before|During|Since|Until|Though|Although|While|When|As|If|Because|"
                    r"Despite|Offstage|Earlier|Later|Yet|Still|Meanwhile|Instead|However|Now|Then|Also|And|But|So|"
                    r"For|With|Without|By|From|Under|Over|Like|Unlike|Amid)\b")


def intro_before_subject(u: Unit, c) -> bool:
    """'On Thursday, Comey will testify before ...', 'In a statement released Thursday, Jeffries
    reacted to ...': an opening adjunct before the subject's comma is no report of the verb
    after it, whose sentence goes on; the words after the verb are the report (forward)."""
    m = u.mention
    if m is None or c.kind != "verb":
        return False
    lead = _lead_before(u.text, u.start, m.start)
    if not lead.endswith(",") or "," in lead[:-1] or not _INTRO.match(lead):
        return False
    tail = _TIME.sub("", u.text[c.end:u.end], count=1)
    if _TRAILING_END.match(tail) or _CLAUSE_CONT.match(tail):
        return False   # '..., he said.': the trailing report stands
    return forward_cue(u, c)


_ADDRESSEE_VERBS = TELLING_VERBS["ends_sentence"]
# '..., he told the court.', '..., she told him.': an addressee ends the sentence (PolNeAR train F1 0.77958 -> 0.77961)
_ADDRESSEE = re.compile(r"\s+(?:" + alternation(OBJECT_PRONOUNS) + "|" + alternation(
                            (r"\s+".join(map(re.escape, w.split())) for w in ADDRESSEES["ends_sentence"]), escape=False) + "|"
                        r"(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")
def trailing_cue(u: Unit, c) -> bool:
    """'..., X said.' and 'The plan, a source said, is to ...' (content before the comma, and
    after when the clause goes on); '..., Reuters writes.': an outlet credit for the narration."""
    text, m = u.text, u.mention
    after = text[c.end:u.end]
    tail = _TIME.sub("", after, count=1)
    if (c.verb.lemma in _ADDRESSEE_VERBS and (addressee := _ADDRESSEE.match(tail))
            and _TRAILING_END.match(rest := _TIME.sub("", tail[addressee.end():], count=1))):
        tail = rest   # '..., a spokesman told The Journal.': the sentence ends after the addressee
    lead = _lead_before(text, u.start, m.start) if m is not None else ""
    if not (m is not None and lead.endswith((",", "—", "–")) and (
            _TRAILING_END.match(tail) or _CLAUSE_CONT.match(tail) or _TRAIL_ADJUNCT.match(tail)
            and not _INFINITIVE_AFTER.match(tail) and not _THAT_AFTER_ADJUNCT.match(tail)) and (
            c.verb.reports and m.text.lower() not in ("who", "which", "that"))):
        return False   # (not '..., who spoke on condition of anonymity': an appositive, no report)
    comma = u.start + len(lead) - 1
    if (m.voice is not None and m.voice.type in ("outlet", "agency") and is_present_credit(text, c)
            and (_TRAILING_END.match(tail) or _CLAUSE_CONT.match(tail))):
        u.credit = _attribution(text, c, m, confidence=0.8)
        u.trailing_stops.append(comma)
        return True
    u.trailing.append((comma, c, m))
    if _CLAUSE_CONT.match(tail) and not _ADJUNCT_CONT.match(tail):
        # content goes on ('..., weeks after ...' does not)
        u.resumes.append((c.end + len(after) - len(tail) + _CLAUSE_CONT.match(tail).end(), c, m))
    return True


def forward_cue(u: Unit, c) -> bool:
    """'X said (that) ...': the content follows the verb; with no subject before it, the short
    stretch opening the clause speaks ('many workers say', 'investors see'); a name before a
    stretch set off by commas speaks too (:func:`_subject_before_appositive`)."""
    m = u.mention
    if m is None and c.kind == "verb":
        m = _subject_before_appositive(u, c)
    if m is None and c.kind == "verb" and c.verb.firm:
        m = _clause_subject(u.text, u.start, c.start, entities=u.entities)
        if m is None and cue_word(u.text, c) not in NOUN_LIKE:   # not 'the iron counter measures'
            m = long_speech_subject(u, c)
    elif (m is None and c.kind == "verb" and c.verb.category != "evidence"   # 'The votes showed': its own rule
          and cue_word(u.text, c) not in NOUN_LIKE):   # 'Sen. Graham's support of Cruz': a noun
        m = plural_subject(u.text, u.start, c.start) or stance_stretch_subject(u.text, u.start, c)
    if m is not None:
        u.forward.append((c, m))
    return True


CUE_RULES = (cue_given_to_quote, intent_infinitive, according_to, verb_of_reported_words, passive_expected, reportedly, impression,
             in_editors_note, asked_whether, said_name_after_comma, passive_by, passive_announcement,
             cue_subject, support_noun, noun_not_verb, editors_note, intro_before_subject, trailing_cue, forward_cue)


def read_cues(u: Unit) -> None:
    """Rule 4: every cue through ``CUE_RULES`` until one deals with it."""
    for c in u.cues:
        u.mention = None
        for rule in CUE_RULES:
            if rule(u, c):
                break
