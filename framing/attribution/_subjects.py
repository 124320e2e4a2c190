"""Who a cue's words belong to: the subject before a cue, resolved (``subject_before``),
and when no subject stands right before it the clause's subject ('..., adding that'), a name
after the cue ('”, said Mr. Smith'), the source after 'according to', or the short stretch
that opens the clause ('many workers say').
"""

from __future__ import annotations

import re

from ._entities import near as _near, within as _within
from ._speakers import Mention, Voice, resolve, voice_for_name
from ._vocab import (AUXILIARIES, AUXILIARY, THIRD_PERSON_PRONOUN, EVIDENCE_NOUNS, HONORIFIC, HONORIFICS, SPEAKER_PRONOUNS, WEEKDAY, WEEKDAYS, description_before,
                     description_pattern, search_last_runs)

_WORD = re.compile(r"\w+")
_CLOSING_BEFORE = re.compile(r",\s*(?:''|[\"”’])$")
_DASH_BEFORE = re.compile(r"\s(?:-|—|–|--)$|—$")
_TIME_BEFORE = re.compile(
    r",?\s+(?:(?:on|last|this|early|late)\s+)?(?:" + WEEKDAY + r"|"
    r"(?<=last |this )(?:week|month|year|night)|yesterday|today|tonight|earlier|recently)(?:\s+(?:morning|afternoon|evening|night))?,?$")
_NAME_BEFORE = re.compile(
    r"(?:(?:" + HONORIFIC + r")\.\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*$"
)
_NP_BEFORE = re.compile(r"(?:^|(?<=[\s,;:(—–]))((?:[\w’'.-]+\s+){0,5}[\w’'-]+)$")
_BOUNDARY_BEFORE = re.compile(
    r"(?:^|[,;:(—–]\s*|\b(?:and|but|that|while|as|because|when|where|after|before|since|though|"
    r"although|if|so|yet|or)\s+)$", re.IGNORECASE
)
_PRONOUNS = SPEAKER_PRONOUNS
_APPOSITIVE = re.compile(r"\s*(?:citing|who|which|a|an|the|speaking|writing|quoting|in|on|[A-Z][\w.’'-]+ (?:of|at|for)\b)")
_RELATIVE = re.compile(r"(?:^|\s)(?:who|which|that)$")
_NOT_SUBJECT = frozenset(
    "the a an and or but that this these those which what when where while as is was were be been "
    "being are to of in on at for with by from it's he's she's there here not no also has have "
    "had would will could should may might can must do does did then so just even very".split()
)
_DETERMINERS = frozenset("the a an".split())
_NOT_NP = frozenset("for what with from about into than how why whether if".split()) | frozenset(AUXILIARIES)
_CONJUNCTIONS = frozenset("if when because while after before since as though although until unless "
                          "whether where once".split())
_CAP_STOP = frozenset("The A An It He She They We I This That But And Meanwhile However In On "
                      "At As When If While After Before So Yet Still Also".split()) | frozenset(WEEKDAYS)


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
_AUXILIARIES = frozenset(AUXILIARIES) | frozenset("to ’s ’re ’ve".split())
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
                       r"(?:\s+(?!(?:who|which|that|not|" + AUXILIARY + r")\b)[\w’'.-]+){0,6})"
                       r"(?=\s*(?:[,.;!?]|$)|\s+(?:who|which|that)\b)")


def _name_after(text, pos, hi, by_end, entities) -> Mention | None:
    window = text[pos:min(hi, pos + 80)]
    lead = len(window) - len(window.lstrip())
    start = pos + lead
    if (m := by_end.first_from(start, start + 1)) is not None:
        return m
    match = re.match(r"(?:(?:" + HONORIFIC + r")\.\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,3}",
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
    match = re.match(r"(?:" + THIRD_PERSON_PRONOUN + r")\b", text[start:start + 5])
    if match:
        return Mention(start, start + match.end(), resolve(match.group(), start, entities), match.group())
    return None


# the end of the source after 'according to': a comma or period, not one of an honorific or an initial
_ACCORDING_STOP = re.compile("".join(rf"(?<!\b{h})" for h in HONORIFICS) + r"(?<!\b[A-Z])[,;.]\s|[.;]$|$")


def _according_np(text, cue, hi, by_end, entities) -> Mention | None:
    """The source after 'according to' / 'citing': up to the next comma or the unit end."""
    window = text[cue.end:hi]
    stop = _ACCORDING_STOP.search(window)
    phrase_end = cue.end + (stop.start() if stop else len(window))
    start = cue.end + (len(window) - len(window.lstrip()))
    if phrase_end <= start:
        return None
    if (m := by_end.first_from(start, phrase_end)) is not None:
        return m
    phrase = text[start:phrase_end]
    name = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    voice = voice_for_name(name, entities) if name[:1].isupper() else Voice(name.lower(), "group")
    mention = Mention(start, phrase_end, voice, phrase)
    if len(phrase.split()) <= 5 and not _within(entities, start, start + 1):
        entities.append(mention)   # a later 'the official' can refer to 'a South Korean official'
    return mention


def _unit_subject(text, lo, hi, by_end, entities) -> Mention | None:
    lead = _SUBJECT_LEAD_WIDE.match(text, lo, hi)
    pos = lead.end() if lead else lo
    if (m := by_end.first_from(pos, min(hi, pos + 3))) is not None:
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


_DETERMINED_NP = re.compile(r"\w+(?:\s+(?!(?:" + AUXILIARY + r"|who|which|that|of|in|on|at|for|with|to|from|by)\b)(?![a-z]+ed\b)[\w’'-]+){1,4}")



EVIDENCE_VERBS = frozenset("show find reveal indicate suggest".split())
_EVIDENCE_NOUNS = EVIDENCE_NOUNS
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


def subject_before(text: str, pos: int, lo: int, aliases_by_end: dict[int, Mention],
                   entities: list[Mention]) -> Mention | None:
    """The words naming the speaker that end right before ``pos`` (a cue's start), resolved."""
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return None
    if time := _TIME_BEFORE.search(text, max(lo, end - 40), end):  # 'Trump on Thursday said'
        if time.start() > lo:
            end = time.start() + (text[time.start()] == ",")   # keep an appositive's closing comma
    if end in aliases_by_end:
        aliases_by_end[end].salient = True
        return aliases_by_end[end]
    if (closing := _CLOSING_BEFORE.search(text, max(lo, end - 4), end)) and closing.start() > lo:
        end = closing.start() + 1   # "Mr. Manafort, citing ''the magic of Trump,'' said": the comma counts
    if (dash := _DASH_BEFORE.search(text, max(lo, end - 3), end)) and dash.start() > lo:
        # 'Donald Trump - who said he would bomb them - said': an appositive between dashes
        opening = text.rfind(text[dash.start():dash.end()].strip(), max(lo, end - 300), dash.start())
        if opening > lo:
            found = subject_before(text, opening, lo, aliases_by_end, entities)
            if found is not None:
                return found
    if text[end - 1] == ")":  # 'Gov. Phil Bryant (R) said'
        open_paren = text.rfind("(", max(lo, end - 40), end)
        if open_paren > lo:
            return subject_before(text, open_paren, lo, aliases_by_end, entities)
    if text[end - 1] == ",":
        # 'Small, who attended the rally, said', 'Corey Lewandowski, in a statement, said': the
        # clause opens with its subject, then an appositive
        opening = _opening_subject(text, lo, end - 1, aliases_by_end, entities)
        if opening is not None:
            return opening
        # 'Jim Poolman, said' / 'The newspaper, citing a source ..., said': the subject stands
        # before the appositive
        named = subject_before(text, end - 1, lo, aliases_by_end, entities)
        if named is not None and named.voice is not None and named.voice.type != "group":
            return named
        comma = end - 1
        for _ in range(3):
            comma = text.rfind(",", max(lo, end - 250), comma)
            if comma == -1:
                return None
            if _APPOSITIVE.match(text, comma + 1) or text[comma + 1:comma + 3].strip()[:1].islower():
                found = subject_before(text, comma, lo, aliases_by_end, entities)
                if found is not None:
                    return found
        return None
    window = text[max(lo, end - 80):end]
    if m := description_before(window):
        start = end - (len(window) - m.start())
        if _BOUNDARY_BEFORE.search(text[max(lo, start - 12):start]) or not text[lo:start].strip() or \
                m.group().lower() in _PRONOUNS:   # a pronoun right before the verb is its subject
            word = m.group()
            voice = resolve(word, start, entities)
            return Mention(start, end, voice, word)
    if m := _RELATIVE.search(window):
        start = end - len(m.group().strip())
        near = [e for e in _near(entities, start - 40, start + 1)
                if start - 40 <= e.end <= start and e.voice is not None]
        last = max(near, key=lambda e: e.end) if near else None   # the last name before, if it ends close
        antecedent = last.voice if last is not None else None
        return Mention(start, end, antecedent, m.group().strip())
    if m := search_last_runs(_NAME_BEFORE, window, 5):   # (an honorific and four words at most)
        name = m.group()
        words = name.split()
        while words and words[0] in _CAP_STOP:
            words = words[1:]
        if words and any(w[0].isupper() for w in words):
            name = " ".join(words)
            start = end - len(name)
            if name and name[0].isupper():
                voice = voice_for_name(name, entities)
                mention = Mention(start, end, voice, name, salient=True)
                entities.append(mention)
                return mention
    for doc in reversed(_within(entities, max(lo, end - 80), end)):  # 'a think tank report released Monday revealed'
        if doc.voice is not None and doc.voice.type == "document":
            between = text[doc.end:end]
            if not re.search(r"[,;:.\"“”]", between) and len(between.split()) <= 4:
                return Mention(doc.start, doc.end, doc.voice, doc.text)
    if m := search_last_runs(_NP_BEFORE, window, 6):   # (six words at most)
        words = m.group(1).split()
        # shortest noun phrase after a clause boundary ('officials', 'the group', 'a spokesman')
        for k in range(1, min(len(words), 6) + 1):
            phrase = " ".join(words[-k:])
            start = end - len(phrase)
            first = words[-k].lower()
            if words[-1].lower() in _NOT_SUBJECT or any(w.lower() in _NOT_NP for w in words[-k:]):
                return None
            if first in _CONJUNCTIONS:
                return None
            before = text[max(lo, start - 12):start]
            if first in _NOT_SUBJECT and first not in _DETERMINERS:
                continue
            if not text[lo:start].strip(" ,—–\"“”'") or _BOUNDARY_BEFORE.search(before):
                canonical = re.sub(r"^(?:the|a|an|some|many|other|several)\s+", "", phrase, flags=re.I)
                return Mention(start, end, voice_for_name(canonical, []) if canonical[:1].isupper()
                               else _generic(canonical), phrase)
    return None


_CLAUSE_OPENING = re.compile(r"(?:^|;\s*|,\s+(?:and|but)\s+|[.!?][\"”’]?\s+)(?=\S)")
_OPENING_LEAD = re.compile(r"(?:(?:[A-Z]\w+ly|Meanwhile|However|But|And|Yet|Also|Still|Indeed|Instead),?\s+)?"
                           r"(?:(?:In|On|At|For|After|Before|During|Since|With|When|While)\s+[^,]{1,40},\s+)?")


def _opening_subject(text: str, lo: int, comma: int, aliases_by_end: dict[int, Mention],
                     entities: list[Mention]) -> Mention | None:
    """The words that open the clause up to its first comma, when they look like a subject."""
    starts = [m.end() for m in _CLAUSE_OPENING.finditer(text, lo, comma) if m.end() > lo]
    start = starts[-1] if starts else lo
    while start < comma and (text[start].isspace() or text[start] in ",\"“”'’—–"):
        start += 1
    lead = _OPENING_LEAD.match(text, start, comma)
    start = lead.end() if lead else start
    first_comma = text.find(",", start, comma + 1)
    if first_comma <= start:
        return None
    phrase = text[start:first_comma]
    words = phrase.split()
    if description_pattern().fullmatch(phrase):   # 'The official, who ..., said'
        return Mention(start, first_comma, resolve(phrase, start, entities), phrase, salient=True)
    if not 1 <= len(words) <= 7 or not (phrase[0].isupper() or words[0].lower() in _DETERMINERS) or \
            re.search(r"[\"“”:;()]", phrase) or words[0] in _CAP_STOP:
        return None
    if any(w.lower() in _NOT_SUBJECT and w.lower() not in _DETERMINERS for w in words[1:]):
        return None
    # a known voice inside the phrase ('Gov. Chris Christie'), not "Trump's attorney"
    for m in _within(entities, start, first_comma + 1):
        if m.end <= first_comma and m.voice is not None and m.voice.type != "document" \
                and not re.match(r"[’']s\b", text[m.end:m.end + 2]):
            if m.end in aliases_by_end:
                aliases_by_end[m.end].salient = True
            return Mention(start, first_comma, m.voice, phrase, salient=True)
    if phrase[0].isupper():
        voice = voice_for_name(phrase, entities)
        mention = Mention(start, first_comma, voice, phrase, salient=True)
        entities.append(mention)
        return mention
    return Mention(start, first_comma, _generic(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)), phrase)


def _generic(phrase: str):
    return Voice(phrase.lower(), "group")
