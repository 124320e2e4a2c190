"""Who a cue's words belong to when no subject stands right before it.

The clause's subject ('..., adding that'), a name after the cue ('”, said Mr. Smith'), the
source after 'according to', or the short stretch that opens the clause ('many workers say').
"""

from __future__ import annotations

import re

from ._speakers import Mention, Voice, _read_data, description_pattern, resolve, voice_for_name

_WORD = re.compile(r"\w+")
_SUBJECT_LEAD = re.compile(r"(?:\W*(?:[A-Z]\w+ly|Meanwhile|However|But|And|Also|Then|Still|Later|Earlier|Instead),?\s+)?"
                           r"(?:(?:In|On|At|For|After|Before|During|Since|With)\s+[^,]{1,30},\s+)?")
# before a subject: also a longer opening phrase ('Amid protests in the city, Sanders said')
_SUBJECT_LEAD_WIDE = re.compile(r"(?:[A-Z]{2,}[A-Z.,\s]{0,40}?\s*[―—–-]+\s*)?"   # a dateline 'WASHINGTON ― '
                                r"(?:\W*(?:[A-Z]\w+ly|Meanwhile|However|But|And|Also|Then|Still|Later|Earlier|Instead),?\s+)?"
                                r"(?:(?:(?:In|On|At|For|After|Before|During|Since|With|Without|Amid|Here|There|Where|While|"
                                r"When|Although|Though|Despite|Like|Unlike|Following|Asked|Pressed|Back|Last|As|By|Once|"
                                r"Upon|Under|Over|Through|Throughout|Within|Even|If|Because|Until|Hours|Days|Weeks|Months|"
                                r"Years|(?:\w+\s+){1,3}(?:after|before|ago|later|earlier))\b"
                                r"[^,;:\"“”]{1,100}|[A-Z][a-z]+ing\b[^,;:\"“”]{0,100}|In\s+[^,]{1,30}),\s+)?")
_FUNCTION_WORDS = frozenset("a an the his her their its our my your to of in on at for with by from and or but "
                            "that which who as is was were are be been has have had not".split())
_AUXILIARIES = frozenset("is are was were has have had will would can could should may might must do does "
                          "did to be been being ’s ’re ’ve".split())
_CONTRACTED = re.compile(r"n[’']t$|^(?:it|that|there|he|she|what|who)[’']s$", re.IGNORECASE)   # "hasn't", "It's"
_PREPOSITIONS = frozenset("in on at for with by from to of after before during under over into "
                          "through without against among".split())
_CLAUSE_START = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:and|but|while|as|because|when|although|though|if|that|"
                           r"since|after|before|whereas|so)\s+)(?=\S)")


def _last_clause(text: str, lo: int, cue_start: int, boundary: re.Pattern) -> tuple[int, int]:
    """The stretch from the last clause boundary before a cue to the cue (trailing ' ,' off)."""
    starts = [m.end() for m in boundary.finditer(text, lo, cue_start)]
    start = starts[-1] if starts else lo
    end = cue_start
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _clause_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """The words from the clause's start to a speech verb, when short enough to be its subject."""
    lead = _SUBJECT_LEAD_WIDE.match(text, lo, cue_start)
    lo = lead.end() if lead else lo
    start, end = _last_clause(text, lo, cue_start, _CLAUSE_START)
    phrase = text[start:end]
    words = phrase.split()
    if not 1 <= len(words) <= 10 or not _WORD.search(phrase) or re.search(r"[\"“”]", phrase):
        return None
    if words[0].lower() in _PREPOSITIONS:
        return None   # 'In a tweet, ...': no subject
    aux = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES or _CONTRACTED.search(w) or (
        i > 0 and w.lower() in ("who", "which", "that"))), None)   # 'Friends of X who have seen him say
    if aux is not None:   # 'companies including Coca-Cola are taking pains to say': the words before 'are'
        if aux == 0:
            return None
        end = start + [m.end() for m in re.finditer(r"\S+", phrase)][aux - 1]
        phrase, words = text[start:end], words[:aux]
    if words[-1].lower() in _FUNCTION_WORDS:
        return None
    name = re.sub(r"^(?:the|a|an|some|many|most|other|several)\s+", "", phrase, flags=re.I)
    return Mention(start, end, Voice(name.lower(), "group"), phrase)


_TITLED_NAME = re.compile(r"(?:former|then-|longtime|outgoing|incoming|retired|veteran|senior|deputy|acting|fellow|"
                          r"top|chief|campaign|state|party|his|her|their|its|our|pollster|strategist|spokes\w+|"
                          r"analyst|advis[eo]r|aide|manager|director|chair\w*|president|secretary|senator|candidate|"
                          r"economist|professor|attorney|lawyer|official|political|[A-Z][\w.’'-]*)"
                          r"\b(?:\s*[\w.’'-]+){0,5}?\s+"
                          r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2}(?=\s*(?:[,.;!?]|$))")


# ', said the senator.', not ', said the venue was too small.' (a verb: a clause, not a speaker)
_NP_AFTER = re.compile(r"(?:(?:the|a|an|one|another|some|many|most|several|other|few|two|three|four)\s+[\w’'-]+"
                       r"(?:\s+(?!(?:who|which|that|is|was|were|are|has|had|have|will|would|could|can|should|"
                       r"may|might|must|did|does|do|be|been|not)\b)[\w’'.-]+){0,6})"
                       r"(?=\s*(?:[,.;!?]|$)|\s+(?:who|which|that)\b)")


def _name_after(text, pos, hi, by_end, entities) -> Mention | None:
    window = text[pos:min(hi, pos + 80)]
    lead = len(window) - len(window.lstrip())
    start = pos + lead
    for m in by_end.values():
        if m.start == start:
            return m
    match = re.match(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,3}",
                     text[start:min(hi, start + 60)])
    if match is None or not re.match(r"\s*(?:[,.;!?(]|$)", text[start + match.end():start + match.end() + 3]):
        # ', said former Obama adviser David Axelrod.', ', said Democratic strategist Hank Sheinkopf.'
        match = _TITLED_NAME.match(text[start:min(hi, start + 90)]) or match
    if match:
        name = match.group()
        tail = re.search(r"(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'-]*$", name)   # 'former ... David Axelrod' -> the name
        mention = Mention(start, start + len(name), voice_for_name(tail.group() if tail else name, entities), name)
        entities.append(mention)
        return mention
    match = _NP_AFTER.match(text[start:min(hi, start + 90)])
    if match:   # ', said the senator.', ', said a spokesman for the campaign.'
        phrase = match.group()
        return Mention(start, start + len(phrase), Voice(re.sub(r"^\w+\s+", "", phrase).lower(), "group"), phrase)
    match = re.match(r"(?:he|she|they|it)\b", text[start:start + 5])
    if match:
        return Mention(start, start + match.end(), resolve(match.group(), start, entities), match.group())
    return None


def _according_np(text, cue, hi, by_end, entities) -> Mention | None:
    """The source after 'according to' / 'citing': up to the next comma or the unit end."""
    window = text[cue.end:hi]
    stop = re.search(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSen)(?<!\bGov)(?<!\bRep)(?<!\b[A-Z])[,;.]\s|[.;]$|$",
                     window)
    phrase_end = cue.end + (stop.start() if stop else len(window))
    start = cue.end + (len(window) - len(window.lstrip()))
    if phrase_end <= start:
        return None
    for m in by_end.values():
        if start <= m.start < phrase_end:
            return m
    phrase = text[start:phrase_end]
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    voice = voice_for_name(name, entities) if name[:1].isupper() else Voice(name.lower(), "group")
    mention = Mention(start, phrase_end, voice, phrase)
    if len(phrase.split()) <= 5 and not any(m.start == start for m in entities):
        entities.append(mention)   # a later 'the official' can refer to 'a South Korean official'
    return mention


def _unit_subject(text, lo, hi, by_end, entities) -> Mention | None:
    lead = _SUBJECT_LEAD_WIDE.match(text, lo, hi)
    pos = lead.end() if lead else lo
    for m in sorted(by_end.values(), key=lambda m: m.start):
        if pos <= m.start < min(hi, pos + 3):
            return m
    for k in range(4, 0, -1):
        words = text[pos:hi].split()[:k]
        if not words:
            continue
        phrase = " ".join(words)
        if description_pattern().fullmatch(phrase):
            return Mention(pos, pos + len(phrase), resolve(phrase, pos, entities), phrase)
    match = re.match(r"(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*", text[pos:hi])
    if match and match.group() in ("The", "A", "An", "This", "That", "These", "Those"):
        # 'The retired neurosurgeon has ...': the noun phrase up to its verb, not the article alone
        match = _DETERMINED_NP.match(text[pos:hi])
        if match:
            phrase = match.group()
            return Mention(pos, pos + len(phrase), Voice(re.sub(r"^\w+\s+", "", phrase).lower(), "group"), phrase)
    elif match:
        return Mention(pos, pos + match.end(), voice_for_name(match.group(), entities), match.group())
    return None


_DETERMINED_NP = re.compile(r"\w+(?:\s+(?!(?:is|was|were|are|has|had|have|will|would|could|can|should|did|does|do|"
                            r"who|which|that|of|in|on|at|for|with|to|from|by)\b)(?![a-z]+ed\b)[\w’'-]+){1,4}")



EVIDENCE_VERBS = frozenset("show find reveal indicate suggest".split())
_EVIDENCE_NOUNS = frozenset(_read_data("voices/evidence.csv").split()[1:])
_EVIDENCE_CLAUSE = re.compile(r"(?:^|[,;:—–(]\s*|\b(?:and|but|while|as|because|although|though|since|whereas|so|"
                              r"after|before|when|if)\s+)(?=\S)")


def _evidence_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """'The results show', 'a new CNN poll found', '..., campaign records show.': a document speaks.

    The clause's words before an evidence verb, when they hold an evidence noun (evidence.csv)
    and no relative pronoun ('the polls that show ...' is narration about polls).
    """
    start, end = _last_clause(text, lo, cue_start, _EVIDENCE_CLAUSE)
    phrase = text[start:end]
    words = [w.lower() for w in _WORD.findall(phrase)]
    if not 1 <= len(words) <= 14 or re.search(r"[\"“”]", phrase) or words[0] in _EVIDENCE_STOP or \
            words[-1] in _EVIDENCE_STOP or not any(w in _EVIDENCE_NOUNS for w in words):
        return None
    head = next(w for w in reversed(words) if w in _EVIDENCE_NOUNS)
    return Mention(start, end, Voice(head, "document"), phrase)


_EVIDENCE_STOP = frozenset("that which who it he she they we i you there this what".split())
