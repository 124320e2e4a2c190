"""Speaker labels that open a line: 'Marco Rubio: ...', 'Q: ...', headlines 'Trump Says ...'.

Transcripts and headlines attribute words without a sentence around them: a short name (or Q /
A) and a colon at the start of a paragraph, or a headline 'Name Says ...'. The label stays with
the paragraph's own kind (headline or narration); the words after it are reported speech.
"""

from __future__ import annotations

import re

from ._vocab import cue_verbs
from ._model import Attribution
from ._speakers import AliasTable, Mention, voice_for_name

_NAME_WORD = r"(?:[A-Z][\w.’'-]*|[A-Z]{2,}|@\w+)"
_COLON_LABEL = re.compile(
    r"\s*(" + _NAME_WORD + r"(?:\s+(?:" + _NAME_WORD + r"|of|de|van|von|\([^)]{1,12}\))){0,5})\s*:\s+(?=\S)")
_WORDS = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’']*\b")
# labels that introduce page furniture, not a speaker
_NOT_SPEAKERS = frozenset(
    "note update updated editor editors related photo photos video watch read source sources "
    "correction clarification disclosure advertisement getty image images caption credit tags "
    "share follow subscribe listen the this that here there why how what when where who breaking "
    "bombshell exclusive alert live opinion analysis poll fact factcheck inside first full text "
    "transcript warning report reports email e-mail contact contributing so credits stat busted wow omg "
    "boom huge yikes must just "
    # bylines, kickers and classified furniture ('BYLINE:', 'LOOK:', 'Revealed:', 'Paid Notice:')
    "byline dateline look see revealed confirmed shocking paid notice deaths obituary obituaries recap "
    # list items ('One: ...', 'Step 2: ...'), not speakers
    "one two three four five six seven eight nine ten second third fourth fifth sixth seventh eighth "
    "ninth tenth last finally step part chapter number bonus".split())

# a headline's 'Poll: X leads', 'Report: Y to speak': the poll or report speaks (PolNeAR train: 8 of
# the 9 such headlines are gold reports); in body text these words stay furniture ('Report: ...')
_HEADLINE_EVIDENCE = frozenset(("poll", "polls", "report", "survey", "study"))


def label_attribution(text: str, start: int, end: int, table: AliasTable, *,
                      headline: bool) -> tuple[int, Attribution] | None:
    """``(content start, attribution)`` when the paragraph ``text[start:end]`` opens with a label."""
    match = _COLON_LABEL.match(text, start, end)
    cue_span = None
    if match is not None:
        name_start, name_end = match.span(1)
        cue_span = (match.end(1), match.end(1) + text[match.end(1):match.end()].index(":") + 1)
    elif headline and (found := _headline_cue(text, start, end)) is not None:
        (name_start, name_end), cue_span, content_start = found
        match = None
    else:
        return None
    name = text[name_start:name_end]
    content_start = match.end() if match is not None else content_start
    if content_start >= end or (re.sub(r"[’']s$", "", name.split()[0].lower().strip(".’'")) in _NOT_SPEAKERS
                                and not (headline and name.lower() in _HEADLINE_EVIDENCE)):
        return None
    if match is not None and re.search(r"[’']s\s|\bJust\b", name):
        return None   # "Schlafly’s Final Column:", "Hillary Just Leaked:": a headline kicker, not a speaker
    known = table.find(name)
    words = name.split()
    lower = len(_LOWER_WORD.findall(text, content_start, min(end, content_start + 300)))
    if match is not None and ((lower < 2 and not headline) or (name.isupper() and len(words) > 2)):
        return None   # 'Clinton: 2,316.', 'Iowa: Tim Albrecht, Brad Anderson', 'STAT OF THE WEEK:'
    if match is not None and len(words) == 1 and not (known or name.isupper() or headline or lower >= 3):
        return None
    voice = known[0].voice if known and known[0].start == 0 else voice_for_name(name, [])
    mention = Mention(name_start, name_end, voice, name)
    attr = Attribution(voice.canonical, voice.channel or voice.canonical, text[cue_span[0]:cue_span[1]],
                       cue_span[0], cue_span[1], mention.start, mention.end, confidence=0.6,
                       speaker_type=voice.type)
    return content_start, attr


def _headline_cue(text: str, start: int, end: int):
    """'Ortiz Says Bridge Will Reopen': the first speech verb after one to five name words."""
    words = list(_WORDS.finditer(text, start, end))
    for i, word in enumerate(words[1:6], 1):
        verb = cue_verbs().get(word.group().lower())
        if verb is not None and verb.is_speech and i + 1 < len(words):
            if all(re.fullmatch(_NAME_WORD, w.group()) for w in words[:i]):
                return (words[0].start(), words[i - 1].end()), word.span(), words[i + 1].start()
            return None
    return None


# '- Sanders.', '—President Obama, tweeting after the speech.': a signature line under a quote
_SIGNATURE = re.compile(r"\s*([-—–]+)\s*(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,4})"
                        r"\s*(?:,[^\n]{0,100})?[.\"”]*\s*$")


def signature_attribution(text: str, start: int, end: int, table: AliasTable) -> Attribution | None:
    """The voice a signature paragraph ('- Sanders.') gives the quote paragraph above it."""
    match = _SIGNATURE.fullmatch(text, start, end)
    if match is None:
        return None
    name = match.group(2).rstrip(".")
    known = table.find(name)
    voice = known[0].voice if known and known[0].start == 0 else voice_for_name(name, [])
    return Attribution(voice.canonical, voice.channel or voice.canonical, match.group(1), match.start(1),
                       match.end(1), match.start(2), match.start(2) + len(name), confidence=0.7,
                       speaker_type=voice.type)
