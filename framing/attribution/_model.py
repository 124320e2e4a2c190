"""The records the splitter passes around: an attribution and a reported-speech interval."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._cues import Cue
from ._speakers import Mention

UNKNOWN = "unknown"
NARRATOR = "narrator"


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
    outer_speaker: str = ""      # the speaker of a report this one is nested in ('X said Y thinks Z': X)
    outer_start: int = -1
    outer_end: int = -1


@dataclass
class Interval:
    start: int
    end: int
    kind: str  # direct | indirect
    attr: Attribution
    group: int = -1  # quote group when the quote runs over several paragraphs


def with_changes(attr: Attribution, **changes) -> Attribution:
    """``dataclasses.replace(attr, **changes)`` without its walk over the fields (rules call it
    ~15,000 times per corpus): an Attribution has only init fields, no ``__post_init__``, and
    keeps no attribute besides its fields, so copying its ``__dict__`` is the same record."""
    new = object.__new__(Attribution)
    new.__dict__.update(attr.__dict__)
    new.__dict__.update(changes)
    return new


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


@dataclass(slots=True)   # (slots: the rules read its attributes millions of times per corpus)
class Unit:
    """The state of one sentence unit while the rules run over it.

    ``text`` is the whole document (offsets index it), ``start``/``end`` the unit's bounds.
    The document-level parts (``entities``, ``by_end``, the quote groups and the last voice)
    are shared with the units before and after; the rest is the unit's own. Rules read and
    extend it; :func:`framing.attribution._segments.analyse_unit` returns ``intervals`` and
    ``credit``.
    """

    text: str
    start: int
    end: int
    quotes: list                      # quote pieces overlapping the unit
    spans: list                       # their (start, end) clipped to the unit
    cues: list                        # cues outside quotes and long names
    entities: list                    # named voices of the document (grows as names are found)
    by_end: dict                      # alias mentions by end offset
    group_attr: dict                  # quote group -> attribution (any piece)
    group_found: dict                 # quote group -> attribution found by a cue
    last_attr: Attribution | None     # the voice a lone quote continues
    penalty: float = 1.0              # confidence factor for a paragraph with stray marks
    used: set = field(default_factory=set)              # cue starts given to quotes
    intervals: list = field(default_factory=list)       # results: direct and indirect intervals
    previous: list = field(default_factory=list)        # speakers found so far in the unit
    credit: Attribution | None = None                   # an outlet credit ('..., Reuters writes.')
    tentative: list = field(default_factory=list)       # quotes a report may swallow
    direct_spans: list = field(default_factory=list)    # spans of the quotes kept as direct
    trailing: list = field(default_factory=list)        # (comma, cue, mention): '..., X said.'
    trailing_stops: list = field(default_factory=list)  # commas before an outlet credit
    clause_stops: list = field(default_factory=list)    # where a coordinated verb's clause starts
    resumes: list = field(default_factory=list)         # (position, cue, mention): content going on
    forward: list = field(default_factory=list)         # (cue, mention): 'X said ...'
    expected: list = field(default_factory=list)        # 'is expected to' intervals
    mention: Mention | None = None                      # the speaker of the cue being read
    entity_starts: list = field(default_factory=list)   # starts of the document's names (sorted prefix)

    speech_cues: list = field(default_factory=list)     # cues that can attribute a quote
    words: int = -1                                     # the unit's word count, once needed
    first_cue_end: int | None = field(default=None, init=False)   # where the unit's first cue ends

    def __post_init__(self):
        # not bare speech acts: 'expressed “satisfaction”' attributes no quote
        self.speech_cues = [c for c in self.cues if c.verb.reports]
        self.first_cue_end = min((c.end for c in self.cues), default=None)


def rewrite_each(u: Unit, rewrite) -> None:
    """Give each interval ``rewrite(iv, attr)`` of its attribution (None: keep it), computed once
    per attribution: the intervals of one report share its Attribution object."""
    done: dict[int, Attribution] = {}
    for iv in u.intervals:
        attr = iv.attr
        if id(attr) in done:
            iv.attr = done[id(attr)]
            continue
        new = rewrite(iv, attr)
        if new is not None:
            done[id(attr)] = iv.attr = new
