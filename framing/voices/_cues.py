"""Attribution cues: reporting verbs (data file), "according to", and the speaker before a cue."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

from ._speakers import Mention, _read_data, description_pattern, resolve, voice_for_name

_AUX = (r"(?:(?:has|have|had|also|later|then|again|previously|reportedly|publicly|recently|"
        r"repeatedly|once|would|will|did|does|further|often|never|subsequently|quickly|flatly|"
        r"bluntly|angrily|simply|separately|earlier|first|frequently|privately|openly|"
        r"immediately|not|n[o’']t|even|only|already|still|always|just|too|both|all|"
        r"(?!(?:ally|rally|family|tally|bully|supply|reply|assembly|anomaly|homily)\b)[a-z]+ly)\s+){0,3}")
_ADJUNCT = (r"(?:\s+(?:in|on|during|at|via|through|over)\s+(?:a|an|the|his|her|their|its|one|two)"
            r"\s+(?:[\w’'-]+\s+){0,3}?(?:statement|tweets?|interview|posts?|speech|letter|"
            r"message|briefing|conference|editorial|commentary|article|report|op-ed|email|video|"
            r"call|rally|debate|appearance|remarks|broadcast|column|blog|release|dispatch|"
            r"address|session|hearing|memo|note|filing|podcast|program|show)|\s+on\s+(?:Twitter|Facebook|"
            r"Instagram|social media|Truth Social|Telegram|YouTube)\b)?")
_TIME = re.compile(
    r"^\s*,?\s*(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|Facebook|"
    r"CNN|Fox News|[A-Z]\w+ \d+)|last (?:week|month|year|night)|this (?:week|month|year)|"
    r"earlier|later|yesterday|today|tonight|recently|previously|in (?:a|an) [\w ]{0,30}?"
    r"(?:statement|interview)|at (?:a|an|the) [\w ]{0,30}?(?:rally|event|conference|briefing|"
    r"debate|hearing))"
)
_CLOSING_BEFORE = re.compile(r",\s*(?:''|[\"”’])$")
_DASH_BEFORE = re.compile(r"\s(?:-|—|–|--)$|—$")
_TIME_BEFORE = re.compile(
    r",?\s+(?:(?:on|last|this|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?<=last |this )(?:week|month|year|night)|yesterday|today|tonight|earlier|recently)(?:\s+(?:morning|afternoon|evening|night))?,?$")
# 'told reporters on Monday that': the words skipped before 'that' hold no clause of their own
_THAT = re.compile(r"^(?:\s+(?!(?:he|she|they|it|we|I|you|and|but|or|is|was|were|are|be|been|has|had|have|will|"
                   r"would|could|can|should|may|might|did|does|do)\b)[^\s,.;:!?\"“”’']+){0,7}?\s+that\b")
_OBJECT = re.compile(
    r"^\s+(?:him|her|them|us|me|reporters|journalists|supporters|voters|the crowd|an audience|"
    r"the audience|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?=[\s,])"
)
_TO_OBJECT = re.compile(
    r"^\s+to\s+(?:reporters|journalists|supporters|him|her|them|(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}"
    r"[A-Z][\w.’'-]*(?=[\s,]))"
)
_IN_MEDIUM = re.compile(
    r"\b[Ii]n (?=(?:(?:a|an|the|its|his|her|their|our|recent|national|new|several|most|many) )"
    r"(?:[\w/'’.-]+ ){0,6}?(?:poll|survey|study|analysis)s?\b)")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|Citing)\s+")
_NAME_BEFORE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*$"
)
_NP_BEFORE = re.compile(r"(?:^|(?<=[\s,;:(—–]))((?:[\w’'.-]+\s+){0,5}[\w’'-]+)$")
_BOUNDARY_BEFORE = re.compile(
    r"(?:^|[,;:(—–]\s*|\b(?:and|but|that|while|as|because|when|where|after|before|since|though|"
    r"although|if|so|yet|or)\s+)$", re.IGNORECASE
)
_PRONOUNS = frozenset("he she they it we i".split())
_APPOSITIVE = re.compile(r"\s*(?:citing|who|which|a|an|the|speaking|writing|quoting|in|on|[A-Z][\w.’'-]+ (?:of|at|for)\b)")
_RELATIVE = re.compile(r"(?:^|\s)(?:who|which|that)$")
_NOT_SUBJECT = frozenset(
    "the a an and or but that this these those which what when where while as is was were be been "
    "being are to of in on at for with by from it's he's she's there here not no also has have "
    "had would will could should may might can must do does did then so just even very".split()
)
_DETERMINERS = frozenset("the a an".split())
_NOT_NP = frozenset("for what with from about into than how why whether if is was were are be been has "
                    "have had will would could should did does do".split())
_CONJUNCTIONS = frozenset("if when because while after before since as though although until unless "
                          "whether where once".split())
_CAP_STOP = frozenset("The A An It He She They We I This That But And Meanwhile However In On "
                      "At As When If While After Before So Yet Still Also Monday Tuesday Wednesday "
                      "Thursday Friday Saturday Sunday".split())


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    credit: bool
    confidence: float


@dataclass
class Cue:
    start: int
    end: int
    verb: CueVerb
    kind: str = "verb"   # verb | according


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, CueVerb]:
    forms: dict[str, CueVerb] = {}
    for row in csv.DictReader(io.StringIO(_read_data("voices/cues.csv"))):
        verb = CueVerb(row["cue"], row["credit"] == "1", float(row["confidence"]))
        for form in row["pattern"].split("|"):
            forms.setdefault(form.strip().lower(), verb)
    return forms


@lru_cache(maxsize=1)
def _cue_index() -> tuple[dict[str, list[tuple[str, CueVerb]]], re.Pattern, re.Pattern]:
    """First word of each cue form -> [(whole form, verb)], longest form first."""
    index: dict[str, list[tuple[str, CueVerb]]] = {}
    for form, verb in cue_verbs().items():
        index.setdefault(form.split()[0], []).append((form, verb))
    for forms in index.values():
        forms.sort(key=lambda fv: -len(fv[0]))
    aux = re.compile(r"\b" + _AUX + r"$", re.IGNORECASE)
    adjunct = re.compile(_ADJUNCT, re.IGNORECASE)
    return index, aux, adjunct


_WORDS = re.compile(r"[A-Za-z]+")
_HAS_CONTRACTED = re.compile(r"[a-z][’']s ")
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|am)\s+$")
_PREV_WORD = re.compile(r"\b(\w+)\s+$")
_POSSESSED = frozenset("claim claims call calls report reports statement tweet tweets post posts remarks warning "
                       "promise pledge vow criticism support comment comments response answer note".split())
_NOUN_MARKERS = frozenset("a an the this these those every each no any "
                          "some another citing quoting his her their its our my your".split())   # 'citing fears': a noun


def find_cues(text: str, lo: int, hi: int) -> list[Cue]:
    """Reporting-verb and "according to" cues in ``text[lo:hi]``.

    Words are looked up in a dictionary of cue forms (one regex pass over the words is much
    faster than one big alternation); auxiliaries before ("has also said") and a medium after
    ("in a statement") join the cue.
    """
    index, aux, adjunct = _cue_index()
    cues = []
    for m in _WORDS.finditer(text, lo, hi):
        candidates = index.get(m.group().lower())
        if not candidates:
            continue
        if m.start() > 0 and text[m.start() - 1] in "-<" or text[m.end():m.end() + 1] in ("-", "="):
            continue  # 'so-called', '<tweet tweet-id=...>': not a verb
        if (prev := _PREV_WORD.search(text, max(lo, m.start() - 12), m.start())) and \
                prev.group(1).lower() in _NOUN_MARKERS:
            continue  # 'a tweet', 'his support', 'the report': a noun after a determiner
        if re.search(r"\w[’']s\s+$", text[max(lo, m.start() - 4):m.start()]) and m.group().lower() in _POSSESSED:
            continue  # "Rubio's claim", "Trump's call": a noun after a possessive
        if m.group() == "Citing":
            continue  # 'Citing X, Will urged ...': an opening phrase (rule below), not a participle
        if m.group()[0].isupper() and text[lo:m.start()].strip(" \"“”'‘’—–-([\n"):
            continue  # 'United States', 'Fox News Reports': a capitalised word inside a sentence is a name
        for form, verb in candidates:
            end = m.start() + len(form)
            if text[m.start():end].lower() == form and (end >= len(text) or not text[end].isalnum()):
                break
        else:
            continue
        before = aux.search(text, max(lo, m.start() - 60), m.start())
        start = before.start() if before and before.end() == m.start() and before.group() else m.start()
        if start - 4 >= lo and _HAS_CONTRACTED.fullmatch(text, start - 4, start):
            start -= 3   # "he's said": the contracted 'has' joins the cue, 'he' is the subject
        if m.group().endswith("ing") and (be := _BE_BEFORE.search(text, max(lo, start - 8), start)):
            start = be.start()   # 'Chaffetz is also asking': the progressive's auxiliary joins the cue
        extra = adjunct.match(text, end, hi)
        cues.append(Cue(start, extra.end() if extra else end, verb))
    for m in _ACCORDING.finditer(text, lo, hi):
        lemma = "citing" if m.group().lower().startswith("citing") else "according to"
        cues.append(Cue(m.start(), m.end() - 1, CueVerb(lemma, False, 0.85), "according"))
    for m in _IN_MEDIUM.finditer(text, lo, hi):  # 'In a Fox News poll released Sunday, ...'
        cues.append(Cue(m.start(), m.start() + 2, CueVerb("in", False, 0.7), "according"))
    cues.sort(key=lambda c: c.start)
    return cues


def cue_word(text: str, cue: Cue) -> str:
    """The verb form of a cue, lower-cased: 'said' in 'has also said in a statement'."""
    words = text[cue.start:cue.end].lower().split()
    forms = cue_verbs()
    return next((w for w in words if w in forms), words[-1] if words else "")


def is_present_credit(text: str, cue: Cue) -> bool:
    """A present-tense credit verb ("writes", "informs", "adds", "reports")."""
    word = cue_word(text, cue) if cue.kind == "verb" else ""
    return cue.verb.credit and word.endswith("s") and not word.endswith("ss")


def skip_after_cue(text: str, pos: int, hi: int, cue: Cue) -> int:
    """Where the reported content starts after a cue: past "that", an object, a time adjunct."""
    window = text[pos:min(hi, pos + 90)]
    if m := _THAT.match(window):
        return pos + m.end()
    moved = True
    while moved:
        moved = False
        if m := _TIME.match(window):
            pos += m.end()
            window = window[m.end():]
            moved = True
        if cue.verb.lemma in ("tell", "ask", "inform", "remind") and (m := _OBJECT.match(window)):
            pos += m.end()
            window = window[m.end():]
            moved = True
        if m := _TO_OBJECT.match(window):
            pos += m.end()
            window = window[m.end():]
            moved = True
    m = re.match(r"[\s,:]*", window)
    return pos + (m.end() if m else 0)


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
    if m := description_pattern().search(window):
        start = end - (len(window) - m.start())
        if _BOUNDARY_BEFORE.search(text[max(lo, start - 12):start]) or not text[lo:start].strip() or \
                m.group().lower() in _PRONOUNS:   # a pronoun right before the verb is its subject
            word = m.group()
            voice = resolve(word, start, entities)
            return Mention(start, end, voice, word)
    if m := _RELATIVE.search(window):
        start = end - len(m.group().strip())
        before = [e for e in entities if e.end <= start and e.voice is not None]
        last = max(before, key=lambda e: e.end) if before else None
        antecedent = last.voice if last is not None and last.end >= start - 40 else None
        return Mention(start, end, antecedent, m.group().strip())
    if m := _NAME_BEFORE.search(window):
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
    for doc in reversed(entities):  # 'a think tank report released Monday revealed'
        if doc.voice is not None and doc.voice.type == "document" and max(lo, end - 80) <= doc.start < end:
            between = text[doc.end:end]
            if not re.search(r"[,;:.\"“”]", between) and len(between.split()) <= 4:
                return Mention(doc.start, doc.end, doc.voice, doc.text)
    if m := _NP_BEFORE.search(window):
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
    for m in entities:   # a known voice inside the phrase ('Gov. Chris Christie'), not "Trump's attorney"
        if start <= m.start and m.end <= first_comma and m.voice is not None and m.voice.type != "document" \
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
    from ._speakers import Voice
    return Voice(phrase.lower(), "group")
