"""Who a cue's words belong to: the subject before a cue, resolved (``subject_before``),
and when no subject stands right before it the clause's subject ('..., adding that'), a name
after the cue ('”, said Mr. Smith'), the source after 'according to', or the short stretch
that opens the clause ('many workers say').
"""

from __future__ import annotations

import re

from ._layout import WORD
from ._entities import near as _near, within as _within
from ._name_words import TIME_BEFORE, TIME_WORDS, last_word, may_end_time, name_past_title_object, only_time_words
from ._speakers import Mention, Voice, resolve, voice_for_name
from ._vocab import (AUXILIARIES, AUXILIARY, EVIDENCE_NOUNS, HONORIFIC, MONTH,
                     SPEAKER_PRONOUNS, WEEKDAY, WEEKDAYS, description_before, description_pattern, descriptions, search_last_runs)

_CLOSING_BEFORE = re.compile(r",\s*(?:''|[\"”’])$")
_DASH_BEFORE = re.compile(r"\s(?:-|—|–|--)$|—$")
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
_POSSESSIVE = re.compile(r"[’']s?\b")
_APPOSITIVE_BEFORE = re.compile(r",[^,;:\"“”()]{2,100},\s*$")
_RELATIVE = re.compile(r"(?:^|\s)(?:who|which|that)$")
_OPENING_ADVERB = re.compile(r"\s*[A-Z][a-z]+ly")
_PARTICIPLE_AT = re.compile(r"[a-z]+ing\b|[a-z]+ed\s+by\b|aware\b")
_AGE_BEFORE = re.compile(r",\s*\d{1,3}$")
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
                      "At As When If While After Before So Yet Still Also Overall Moreover Furthermore "
                      "Nonetheless Nevertheless Finally Now Not Indeed Instead Again Today Yesterday First "
                      "Second Here There Where What Why How".split()) | frozenset(WEEKDAYS) | frozenset(
    w.capitalize() for w in _CONJUNCTIONS)   # 'Although Jane Ross said': the subordinator is no part of the name


_SUBJECT_LEAD = re.compile(r"(?:\W*(?:[A-Z]\w+ly|Meanwhile|However|But|And|Also|Then|Still|Later|Earlier|Instead),?\s+)?"
                           r"(?:(?:In|On|At|For|After|Before|During|Since|With)\s+[^,]{1,30},\s+)?")
# before a subject: also a longer opening phrase ('Amid protests in the city, Sanders said')
_SUBJECT_LEAD_WIDE = re.compile(r"(?:[A-Z]{2,}[A-Z.,\s]{0,40}?(?:,\s+[A-Z][a-z]+\.?(?:\s+\d+)?)?(?:\s+\([\w ]+\))?"
                                r"\s*[―—–-]+\s*)?"   # a dateline 'WASHINGTON ― ', 'BUENA PARK, Calif. - '
                                r"(?:\W*(?:(?:More|Most|Much|Even|Very|Only)\s+[a-z]+ly|[A-Z]\w+ly|Meanwhile|However|But|And|Also|"
                                r"Then|Still|Later|Earlier|Instead|Yet|So|Now|Thus|Indeed|Again|Today|Overall|To wit|Moreover|"
                                r"Furthermore|Nonetheless|Nevertheless|Finally|Besides|Of course|In fact|After all),?\s+)?"
                                r"(?:(?:(?:In|On|At|For|After|Before|During|Since|With|Without|Amid|Absent|Of|To|Here|There|Where|While|"
                                r"When|Although|Though|Despite|Like|Unlike|Following|Asked|Pressed|Back|Last|As|By|Once|"
                                r"Upon|Under|Over|Through|Throughout|Within|Even|If|Because|Until|Hours|Days|Weeks|Months|"
                                r"Years|(?:\w+\s+){1,3}(?:after|before|ago|later|earlier))\b"
                                r"[^,;:\"“”]{0,100}|[A-Z][a-z]+ing\b[^,;:\"“”]{0,100}|In\s+[^,]{1,30}),\s+"
                                # more of it: 'At an event in Ames, Iowa, on Sunday, Mrs. Clinton'
                                r"(?:(?:[A-Z][\w.]+,\s+)?(?:on|last|this|earlier|later)\b[^,;:\"“”]{0,60},\s+){0,2})?"
                                # 'On Sunday morning Mr. Trump ...', 'The next day, ...'
                                r"(?:(?:(?:On|Early|Late|Last|This|By|Later|Earlier|The next|That)\s+)?(?:" + WEEKDAY +
                                "|" + MONTH + r"|"
                                r"day|week|month|year|night|morning)(?:\s+(?:morning|afternoon|evening|night|\d{1,2}))?,?\s+"
                                r"(?=[A-Z]|he\b|she\b|they\b))?")
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


def _clause_subject(text: str, lo: int, cue_start: int, max_words: int = 10) -> Mention | None:
    """The words from the clause's start to a speech verb, when short enough to be its subject
    (at most ``max_words``)."""
    lead = _SUBJECT_LEAD_WIDE.match(text, lo, cue_start)
    lo = lead.end() if lead else lo
    start, end = _last_clause(text, lo, cue_start, _CLAUSE_START)
    phrase = text[start:end]
    words = phrase.split()
    if not 1 <= len(words) <= max_words or not WORD.search(phrase) or re.search(r"[\"“”]", phrase):
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


_CONTRACTION = re.compile(r"[’'](?:s|re|ve|d|ll)$")


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
        if k == 1:
            phrase = _CONTRACTION.sub("", phrase)   # "she's tacked to the left"
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
    words = [w.lower() for w in WORD.findall(phrase)]
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
    if text.endswith("ly", lo, end) and (adverb := _OPENING_ADVERB.match(text, lo, end)) and adverb.end() == end \
            and _PARTICIPLE_AT.match(text, pos):
        return None   # 'Warmly congratulating ...': an adverb opening a participle phrase, no subject
    if may_end_time(text[max(lo, end - 40):end]) and (time := TIME_BEFORE.search(text, max(lo, end - 40), end)):
        # 'Trump on Thursday said'
        if time.start() > lo:
            end = time.start() + (text[time.start()] == ",")   # keep an appositive's closing comma
    if _may_end_verbal(text[max(lo, end - 60):end]) and (tail := _VERBAL_TAIL.search(text, max(lo, end - 60), end)) \
            and tail.start() > lo:
        # 'Jolly, who ..., doesn’t see', 'Le Pen voiced support': the subject stands before the
        # verb words the cue left out; '..., refusing to concede': the main clause's subject
        if (participle := _PARTICIPLE_TAIL.search(text, max(lo, end - 60), end)) and participle.start() > lo:
            return main_clause_subject(text, lo, participle.start(), aliases_by_end, entities)
        end = tail.start()
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
        if (age := _AGE_BEFORE.search(text, max(lo, end - 6), end - 1)) and age.start() > lo:
            # 'Marcel Lazar, 44, said': the name stands before the age
            found = subject_before(text, age.start(), lo, aliases_by_end, entities)
            if found is not None:
                return found
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
    if window.rstrip().endswith(("who", "which", "that")) and (m := _RELATIVE.search(window)):
        start = end - len(m.group().strip())
        # the last name before, if it ends close and is no possessor ('Bolton, now Mr. Trump’s
        # adviser, who'); else the name before an appositive ('X, the Y of Z, who')
        near = [e for e in _near(entities, start - 40, start + 1)
                if start - 40 <= e.end <= start and e.voice is not None and not _POSSESSIVE.match(text, e.end)]
        if not near and (appositive := _APPOSITIVE_BEFORE.search(text, max(lo, start - 120), start)):
            near = [e for e in _near(entities, appositive.start() - 40, appositive.start() + 1)
                    if e.end == appositive.start() and e.voice is not None]
        last = max(near, key=lambda e: e.end) if near else None
        antecedent = last.voice if last is not None else None
        return Mention(start, end, antecedent, m.group().strip())
    if m := search_last_runs(_NAME_BEFORE, window, 5):   # (an honorific and four words at most)
        name = m.group()
        words = name.split()
        while words and words[0] in _CAP_STOP:
            words = words[1:]
        name = " ".join(words)
        start = end - len(name)
        if words and any(w[0].isupper() for w in words) and \
                not only_time_words(words, text[max(lo, start - 16):start]):   # 'defeated in November, said'
            if name and name[0].isupper():
                the = _THE_BEFORE.search(text, max(lo, start - 4), start)
                if the and f"the {name.lower()}" in descriptions():
                    # 'with the President saying': a description, resolved as 'the president' is
                    return Mention(the.start(), end, resolve(f"the {name}", the.start(), entities),
                                   text[the.start():end])
                if (person := name_past_title_object(name, text[max(lo, start - 60):start])) != name:
                    start, name = end - len(person), person   # 'envoy for Ukraine Kurt Volker said'
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
                mention = Mention(start, end, voice_for_name(canonical, []) if canonical[:1].isupper()
                                  else _generic(canonical), phrase, salient=True)
                if mention.voice.type == "person" and not re.search(r"[^s]s$", phrase) \
                        and not _within(entities, start, end):   # (one person: not 'Law enforcement sources')
                    entities.append(mention)   # 'a North Korean foreign ministry spokesman said ... He said'
                return mention
    return None


# verb words between a subject and a cue that the cue left out: auxiliaries, negations, adverbs,
# a light verb before a cue noun ('voiced support'), a participle with its 'to' ('refusing to')
# (not 'is', 'was': 'Sanders is viewed ... by' is passive, its subject no speaker; not 'could':
# 'North Korea could seek a new path' is no report)
_ADVERBS = r"(?:\s+(?:not|never|also|still|just|already|again|long|often|even|then|later|now|[a-z]+ly))*"
_VERB_WORD = (r"(?:\s+(?:(?:do|does|did|has|have|had)(?:n[’']t)?|"
              r"[a-z]+n[’']t|having|voiced|expressed|offered|issued|lent|gave|made|began|started|continued|kept|"
              r"[a-z]+ing\s+to|[a-z]{3,}ing))")
_VERBAL_TAIL = re.compile(_ADVERBS + _VERB_WORD + r"(?:" + _VERB_WORD + "|" + _ADVERBS[3:-2] + r")*$")
_PARTICIPLE_TAIL = re.compile(r",\s+(?:[a-z]+ly\s+)?(?:having|[a-z]{3,}ing(?:\s+to)?)(?:\s+[a-z]+ly)?$")
_VERBAL_LAST = frozenset("do does did has have had having voiced expressed offered issued lent gave made began "
                         "started continued kept not never also still just already again long often even then "
                         "later now to".split())
_VERBAL_SUFFIXES = ("ing", "ly", "n’t", "n't")


def _may_end_verbal(window: str) -> bool:
    """False when ``_VERBAL_TAIL`` cannot match at the window's end."""
    word = last_word(window)
    return word in _VERBAL_LAST or word.endswith(_VERBAL_SUFFIXES)


_NO_SUBJECT = frozenset("It It’s It's This That There These Those Here What A An".split())


def main_clause_subject(text: str, lo: int, pos: int, aliases_by_end: dict[int, Mention],
                        entities: list[Mention], *, nearest: bool = False) -> Mention | None:
    """The subject opening the main clause before ``pos`` (a participle: '[Carson] said he plans
    ..., insisting'): from the unit's start or its last ';', after an opening phrase. With
    ``nearest`` (a coordinated verb), the subject of an adverbial clause on the way ('after
    [her followers] attacked her ... and questioned') wins."""
    start = max(lo, text.rfind(";", lo, pos) + 1)
    while start < pos and text[start].isspace():
        start += 1
    if start >= pos or text[start] in "\"“”'‘’(":
        return None   # a quote opens the clause: its speaker comes from the cue after it
    for opener in reversed(list(_AND_SUBJECT.finditer(text, start, pos))):
        # '..., and he was quick to make his pitch ..., citing ...': the last coordinated clause's subject
        inner = subject_after(text, opener.end(), pos, aliases_by_end, entities)
        if inner is not None and not _QUOTE_OR_COLON.search(text, inner.end, pos):
            return inner
    m = _unit_subject(text, start, pos, aliases_by_end, entities)
    if not plain_subject(m, pos) or _QUOTE_MARK.search(text, m.end, pos) or _JOINT_AFTER.match(text, m.end, pos):
        return None   # ('X weighed in, “...,” he said, adding': the quote's speaker goes on; 'China
                      # and Russia have urged ... and said': the joint speaker goes on)
    if nearest:
        for opener in reversed(list(_ADVERBIAL_OPENER.finditer(text, m.end, pos))):
            inner = subject_after(text, opener.end(), pos, aliases_by_end, entities)
            if inner is not None:
                return inner
    return m


_JOINT_AFTER = re.compile(r"\s+(?:and|&)\s+[A-Z]")
_ADVERBIAL_OPENER = re.compile(r"\b(?:when|while|after|before|because|though|although|as|since|if|until)\s+")


_AND_SUBJECT = re.compile(r",\s+(?:and|but|yet|so)\s+")


def subject_after(text: str, pos: int, hi: int, aliases_by_end, entities) -> Mention | None:
    """A pronoun or alias standing at ``pos`` (a clause's subject), else None."""
    if (m := aliases_by_end.first_from(pos, pos + 1)) is not None:
        return m
    word = WORD.match(text, pos, hi)
    if word is not None and word.group().lower() in _PRONOUNS:
        return Mention(pos, word.end(), resolve(word.group(), pos, entities), word.group())
    return None


_QUOTE_MARK = re.compile(r"[\"“”]|''")
_QUOTE_OR_COLON = re.compile(r"[\"“”:;]|''")


def plain_subject(m: Mention | None, pos: int) -> bool:
    """Not an opening word that is no subject ('In', 'Late', 'It', 'N.H.', 'The next month')."""
    if m is None or m.voice is None or m.end > pos or len(m.text) < 2:
        return False
    words = m.text.split()
    return words[0] not in _NO_SUBJECT and words[0].lower() not in _NOT_OPENING_SUBJECT and not any(
        w.lower() in TIME_WORDS for w in words)


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|He|She|They|We|I)\b(?![’'](?:s\b))")


def last_subject_pronoun(text: str, lo: int, hi: int, entities: list[Mention]) -> Mention | None:
    """The last personal subject pronoun in ``text[lo:hi]``, resolved, else None."""
    found = None
    for found in _SUBJECT_PRONOUN.finditer(text, lo, hi):
        pass
    if found is None:
        return None
    return Mention(found.start(), found.end(), resolve(found.group(), found.start(), entities), found.group())


_THE_BEFORE = re.compile(r"\b[Tt]he\s$")


_NOT_OPENING_SUBJECT = frozenset("in on at for with by from to of after before during inside outside late early last "
                                 "next this although though while when if because as since until once despite where first".split())
_OPENING_PARTICIPLE = re.compile(r"(?:(?:[A-Z]\w*\s+(?:\w+\s+){0,2})?(?:after|before|since|while|when|upon|by|without|"
                                 r"After|Before|Since|While|When|Upon|By|Without|Despite|Besides|Instead\s+of)\s+)?"
                                 # 'Continuing to explain his view, Carson rejected'
                                 r"(?P<verb>(?:Having|[A-Z][a-z]+ing)(?:\s+(?:off|up|out|down|on|to))?\s+)?$")


def opening_participle_subject(text: str, lo: int, cue_start: int, cue_end: int, hi: int, participle: bool,
                               aliases_by_end: dict[int, Mention], entities: list[Mention]) -> Mention | None:
    """'Since announcing his running mate, Johnson has risen', 'Having announced that ...,
    Judge Berman': a participle (the cue, when ``participle``, or a word before it) in the
    phrase that opens the sentence; its subject follows the phrase's comma."""
    lead = _SUBJECT_LEAD.match(text, lo, cue_start)
    start = lead.end() if lead else lo
    opening = _OPENING_PARTICIPLE.fullmatch(text, start, cue_start)
    if opening is None or not (participle or opening.group("verb")):
        return None
    comma = text.find(",", cue_end, hi)
    if comma < 0 or re.search(r"[\"“”;:]", text[cue_end:comma]):
        return None
    start = comma + 1
    while start < hi and text[start].isspace():
        start += 1
    m = _unit_subject(text, start, hi, aliases_by_end, entities)
    return m if plain_subject(m, hi) else None


_OPENING_ADVERBS = frozenset("meanwhile however instead still yet indeed also now then later earlier again "
                              "besides moreover furthermore nonetheless nevertheless finally overall".split())
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
    if words[0].lower() in _PREPOSITIONS | _OPENING_ADVERBS or only_time_words(words):
        # 'By contrast, Dan Hill, an economist, predicted', 'This week, two groups, ..., said': the
        # opening adjunct is no subject; the subject opens the next comma's phrase
        start = first_comma + 1
        while start < comma and text[start].isspace():
            start += 1
        first_comma = text.find(",", start, comma + 1)
        if first_comma <= start:
            return None
        phrase = text[start:first_comma]
        words = phrase.split()
    if description_pattern().fullmatch(phrase):   # 'The official, who ..., said'
        return Mention(start, first_comma, resolve(phrase, start, entities), phrase, salient=True)
    if not 1 <= len(words) <= 7 or not (phrase[0].isupper() or words[0].lower() in _DETERMINERS) or \
            re.search(r"[\"“”:;()]", phrase) or words[0] in _CAP_STOP or only_time_words(words):
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
