"""Passive reports: 'The meeting was first reported by Politico.', 'a call echoed by Japan'.

The passive's subject (or the noun a reduced relative hangs on) is the content, the agent after
'by' speaks; a passive with no agent ('Judges were confirmed on Tuesday, ...') reports nothing,
except an expectation or a view ('The bill is expected to pass', 'The toll is widely seen as a
tax'): its clause is a report for no named voice, or for the view's agent when one follows ('The
toll is seen as a tax by most drivers').
"""

from __future__ import annotations

import re

from ._after import according_np
from ._boundaries import _words
from ._cues import cue_word
from ._grammar import _content_end, _content_start
from ._layout import _covered, _inside
from ._model import Interval, Unit, _attribution
from ._vocab import BE_FORM, SPEAKER_PRONOUNS, alternation, search_last_runs

_PASSIVE_BE = re.compile(r"\s(?:" + BE_FORM + r")\s+(?:\w+ly\s+)?$")
_BY_AGENT_AFTER = re.compile(r"\s+by\s+(?=[A-Za-z])")
_AGENT_STOP = re.compile(r"\s(?:for|in|on|at|as|after|during|because|since|who|which|that|when|while|to|over|with)\b"
                         r"|[,;:.!?)\]—–](?:\s|$)")


# a common noun right before a participle ('a claim made by'), or any word and a comma or dash
# ('Assad, backed by'): 'Trump responded by' and 'they were told by' are no reduced relatives
_NOUN_BEFORE = re.compile(r"(?<![\w’'])(?!(?:" + alternation(SPEAKER_PRONOUNS | {"you", "who", "which", "that"})
                          + r")\s)(?:[a-z][\w’'-]*\s+|[A-Za-z][\w’'.-]*\s*[,—–(-]\s*)$")
_BY_GERUND = re.compile(r"\s+by\s+\w+ing\b")


def _reduced_relative_head(text: str, lo: int, cue_start: int) -> int | None:
    """Where the words before a reduced relative's participle end ('a call echoed by Japan',
    'The plan, first reported by ...'): at the cue, or at the comma or dash that opens it."""
    found = search_last_runs(_NOUN_BEFORE, text[max(lo, cue_start - 40):cue_start], 2)
    if found is None:
        return None
    tail = found.group()
    cut = max(tail.rfind(","), tail.rfind("—"), tail.rfind("–"), tail.rfind("("), tail.rfind(" -"))
    return cue_start - len(tail) + cut if cut >= 0 else cue_start


# verbs whose passive subject is the one addressed, not the words ('were ordered by the court to ...')
ADDRESSEE_PASSIVE = frozenset(("order",))


def passive_by(u: Unit, c) -> bool:
    """'The meeting was first reported by Politico.', 'Her death was confirmed by the Eagle
    Forum': the passive's subject is the content, the agent after 'by' speaks."""
    text = u.text
    if not (c.kind == "verb" and c.verb.reports and cue_word(text, c).endswith("ed")
            and (by := _BY_AGENT_AFTER.match(text, c.end, u.end))):
        return False
    if (be := _PASSIVE_BE.search(text, u.start, c.start)) is not None:
        if c.verb.lemma in ADDRESSEE_PASSIVE:
            return True   # 'they were ordered by the court to leave': the subject is told, it reports nothing
        head = be.start()
    elif _BY_GERUND.match(text, c.end, u.end) or (head := _reduced_relative_head(text, u.start, c.start)) is None:
        return False
    start = _content_start(text, max(u.start, text.rfind(",", u.start, head) + 1), head)
    if be is None and any(start <= f.start < head for f, _ in u.forward):
        return False   # 'X told CNN it was up to them to seize the chance presented by ...': X's report
    stop = _AGENT_STOP.search(text, by.end(), u.end)
    m = according_np(text, by.end(), stop.start() if stop else u.end, u.by_end, u.entities)
    end = _content_end(text, start, head)
    if m is not None and _words(text, start, end, 1) and not _covered(start, end, u.direct_spans):
        u.intervals.append(Interval(start, end, "indirect",
                                    _attribution(text, c, m, confidence=c.verb.confidence * 0.8)))
    return True


def _passive_without_agent(u: Unit, c) -> bool:
    """The cue is a participle after a form of 'be' with no 'by' agent after it ('were confirmed')."""
    return (cue_word(u.text, c).endswith("ed") and _PASSIVE_BE.search(u.text, u.start, c.start) is not None
            and not _BY_AGENT_AFTER.match(u.text, c.end, u.end))


# 'is expected to', 'is widely seen as', 'was viewed as': a view nobody is named for (PolNeAR
# train, the views: F1 0.77705 -> 0.77753, speaker accuracy 0.89129 -> 0.89076; with 'is
# considered' too: F1 0.77760 but speaker accuracy 0.89029)
_PASSIVE_VIEWS = frozenset(("expect", "seen as", "regard", "view"))


def passive_expected(u: Unit, c) -> bool:
    """'The House is expected to pass the bill': an expectation nobody is named for. Its words are
    the clause: from the last comma, semicolon, dash or bracket before 'is expected' to the next
    comma ('The bill, which the Senate is expected to pass next week, returns ...').
    On PolNeAR train (the whole sentence before): F1 0.77069 -> 0.77085, speaker accuracy 0.8842 -> 0.8847."""
    if c.verb.lemma not in _PASSIVE_VIEWS or not (be := _PASSIVE_BE.search(u.text, u.start, c.start)):
        return False
    text = u.text
    # (a dateline's '--' too: 'Pyongyang, May 2 (KCNA) -- The dish is regarded as ...')
    lo = max([u.start] + [at + len(mark) for mark in (",", ";", "—", "(", "--")
                          if (at := text.rfind(mark, u.start, be.start())) >= 0])
    start = _content_start(text, lo, be.start())
    comma = text.find(",", c.end, u.end)
    while comma != -1 and _inside(comma, u.spans):
        comma = text.find(",", comma + 1, u.end)
    end = _content_end(text, start, comma if comma != -1 else u.end)
    if _words(u.text, start, end, 4) and not _covered(start, end, u.direct_spans):
        viewer = _viewer(u, c, end)
        u.intervals.append(Interval(start, end, "indirect", _attribution(u.text, c, viewer, confidence=0.5)))
        u.expected.append(u.intervals[-1])
    return True


# 'by' after a view, not after another participle ('exasperated by'); the agent ends before 'than'
_VIEW_BY = re.compile(r"(?<!ed)\sby\s+(?=[A-Za-z])")
_VIEWER_STOP = re.compile(_AGENT_STOP.pattern + r"|\sthan\b")


def _viewer(u: Unit, c, end: int):
    """'The plan was viewed as a tax by many drivers', 'are seen as ... by a quarter of voters':
    the agent of a view (not of an expectation) holds it; None when no 'by' follows."""
    if c.verb.lemma == "expect" or (by := _VIEW_BY.search(u.text, c.end, end)) is None:
        return None
    stop = _VIEWER_STOP.search(u.text, by.end(), u.end)
    return according_np(u.text, by.end(), stop.start() if stop else u.end, u.by_end, u.entities)
