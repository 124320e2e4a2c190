"""The records the splitter passes around: an attribution and a reported-speech interval."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass
class Interval:
    start: int
    end: int
    kind: str  # direct | indirect
    attr: Attribution
    group: int = -1  # quote group when the quote runs over several paragraphs


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
