"""Who a cue's words belong to: the subject that ends right before a cue, resolved
(``subject_before``), past a time, verb words, an appositive, an age or a parenthesis. Subjects
found elsewhere in the clause are in ``_clause_subjects``; the verb words between a subject and
its cue in ``_verb_tails``.
"""

from __future__ import annotations

import re

from ._clause_subjects import _PREPOSITIONS, main_clause_subject
from ._entities import near as _near, within as _within
from ._name_words import TIME_BEFORE, may_end_time, name_past_title_object, only_time_words
from ._speakers import Mention, Voice, group_voice, resolve, voice_for_name
from ._verb_tails import (_ADVERB_TAIL, _CATENATIVE_END, _HINGE_BEFORE, _PARTICIPLE_LINK, _PARTICIPLE_TAIL, _PURPOSE_TO,
                          _RELEASED_BEFORE, _VERBAL_TAIL, _may_end_verbal, _object_before_to)
from ._vocab import (AUXILIARIES, CAPITALISED_OPENERS, COORDINATORS, GROUP_DETERMINER, HONORIFIC, MEDIUM_NOUNS,
                     OBJECT_CONTROL_VERBS, OPENING_ADVERB, OPENING_ADVERBS, ORGANISATION_WORDS, PRONOUN_GENDER,
                     ROLE_WORDS, SPEAKER_PRONOUNS, SUBORDINATORS, WEEKDAYS, description_before, description_pattern,
                     descriptions, search_last_runs)

# (compiled once: the rules run on every cue)
_STOP_OR_QUOTE = re.compile(r"[,;:.\"“”]")
_PLURAL_END = re.compile(r"[^s]s$")
_QUOTE_COLON_OR_PAREN = re.compile(r"[\"“”:;()]")
_POSSESSIVE_S = re.compile(r"[’']s\b")
_SHARE_OF = re.compile(r"(?:some|many|most|several)\s+of\b", re.I)   # (a group, no name)

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
_LY_OPENER = re.compile(r"\s*[A-Z][a-z]+ly")
_PARTICIPLE_AT = re.compile(r"[a-z]+ing\b|[a-z]+ed\s+by\b|aware\b")
_RELATIVE_COMMA = re.compile(r"\b(who|which),[^,;:\"“”]{2,100}$")   # 'who, after the vote,'
_AGE_BEFORE = re.compile(r",\s*\d{1,3}$")
_NOT_SUBJECT = frozenset(
    "the a an and or but that this these those which what when where while as is was were be been "
    "being are to of in on at for with by from it's he's she's there here not no also has have "
    "had would will could should may might can must do does did then so just even very".split()
)
_DETERMINERS = frozenset("the a an".split())
_OPENING_MARKS = " ,—–\"“”'"   # what may stand before a subject that opens its unit
_NEGATED = ("n't", "n’t", "N'T", "N’T")
# a past-tense verb and the start of its object ('released a statement', 'officially endorsed his rival')
_VERB_AND_OBJECT = re.compile(r"(?:[a-z]+ly\s+)?(?!\w*eed\s)[a-z]{3,}ed\s+"
                              r"(?:a|an|the|his|her|their|its|our|this|that)\s")
_NOT_NP = frozenset("for what with from about into than how why whether if".split()) | frozenset(AUXILIARIES)
# words that open a run of capitalised words without being part of a name ('Although Jane Ross
# said', 'Meanwhile Mr. Hale said')
_CAP_STOP = frozenset("The A An It He She They We I This That But And In On At So Not Today Yesterday First "
                      "Second Here There What Why How".split()) | frozenset(WEEKDAYS) | CAPITALISED_OPENERS



def subject_before(text: str, pos: int, lo: int, aliases_by_end: dict[int, Mention],
                   entities: list[Mention]) -> Mention | None:
    """The words naming the speaker that end right before ``pos`` (a cue's start), resolved."""
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return None
    stop = end
    if text.endswith("ly", lo, end) and (adverb := _LY_OPENER.match(text, lo, end)) and adverb.end() == end \
            and _PARTICIPLE_AT.match(text, pos):
        return None   # 'Warmly congratulating ...': an adverb opening a participle phrase, no subject
    if may_end_time(text[max(lo, end - 40):end]) and (time := TIME_BEFORE.search(text, max(lo, end - 40), end)):
        # 'Trump on Thursday said'
        if time.start() > lo:
            end = time.start() + (text[time.start()] == ",")   # keep an appositive's closing comma
    if _may_end_verbal(text[max(lo, end - 60):end]) and (
            tail := _VERBAL_TAIL.search(text, max(lo, end - 60), end)
            or _ADVERB_TAIL.search(text, max(lo, end - 60), end)) and tail.start() > lo:
        # 'Jolly, who ..., doesn’t see', 'Le Pen voiced support': the subject stands before the
        # verb words the cue left out; '..., refusing to concede': the main clause's subject
        if (participle := _PARTICIPLE_TAIL.search(text, max(lo, end - 60), end)) and participle.start() > lo:
            return main_clause_subject(text, lo, participle.start(), aliases_by_end, entities)
        end = tail.start()
        if _CATENATIVE_END.search(tail.group()) and (hinge := _HINGE_BEFORE.search(text, max(lo, end - 12), end)) \
                and hinge.start() > lo:
            # '... while trying to explain', 'X moved to Ohio and began writing': the verb words hang
            # from the clause before (a coordinated verb: the nearest clause's); its subject speaks
            return main_clause_subject(text, lo, hinge.start(), aliases_by_end, entities,
                                       nearest=hinge.group(1) in COORDINATORS)
    if text.endswith("to", lo, end) and (purpose := _PURPOSE_TO.search(text, max(lo, end - 80), end)) \
            and purpose.start() > lo and purpose.group(1) != "anonymity" \
            and OBJECT_CONTROL_VERBS.isdisjoint(purpose.group().split()):
        if (obj := _object_before_to(text, purpose.start(), end)) is not None:
            # 'Ann Ross, the treasurer, hired a lawyer to argue': the verb's object speaks
            phrase = text[obj.start("object"):obj.end("object")]
            return Mention(obj.start("object"), obj.end("object"), group_voice(phrase), phrase)
        # 'Hale, a city councillor, stood at a rally here to say': an infinitive of purpose after
        # the main clause's verb phrase; that clause's subject speaks (not 'forced the lawyers to
        # respond': the object does; not 'spoke on condition of anonymity to discuss': no report)
        return main_clause_subject(text, lo, purpose.start(), aliases_by_end, entities)
    if end in aliases_by_end and (link := _PARTICIPLE_LINK.search(text, max(lo, aliases_by_end[end].start - 24),
                                                                 aliases_by_end[end].start)) and link.start() > lo:
        # 'An aide speaking to the Courier said': the name is the participle's object; the speaker
        # stands before the participle
        found = subject_before(text, link.start(), lo, aliases_by_end, entities)
        if found is not None:
            return found
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
        if (relative := _RELATIVE_COMMA.search(text, max(lo, end - 120), end - 1)) and relative.start() > lo:
            # 'Ray, who, after trading insults with Mr. Dunn, said': the relative pronoun is the subject
            found = subject_before(text, relative.end(1), lo, aliases_by_end, entities)
            if found is not None:
                return found
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
            voice = _possessor_in_opening(text, lo, start, word, entities) or resolve(word, start, entities)
            return Mention(start, end, voice, word)
    if window.rstrip().endswith(("who", "which", "that")) and (m := _RELATIVE.search(window)):
        start = end - len(m.group().strip())
        if m.group().strip() == "that" and (release := _RELEASED_BEFORE.search(text, max(lo, start - 80), start)) \
                and release.start() > lo and (found := subject_before(text, release.start(), lo, aliases_by_end,
                                                                      entities)) is not None:
            # 'Greenberg released data Monday that suggest', 'The Post ran a piece that noted': the
            # words are the publisher's, as PolNeAR reads them
            return found
        # the last name before, if it ends close and is no possessor ('Bolton, now Mr. Trump’s
        # adviser, who'); else the name before an appositive ('X, the Y of Z, who')
        near = [e for e in _near(entities, start - 40, start + 1)
                if start - 40 <= e.end <= start and e.voice is not None and not _POSSESSIVE.match(text, e.end)]
        if not near and (appositive := _APPOSITIVE_BEFORE.search(text, max(lo, start - 120), start)):
            near = [e for e in _near(entities, appositive.start() - 40, appositive.start() + 1)
                    if e.end == appositive.start() and e.voice is not None]
        last = max(near, key=lambda e: e.end) if near else None
        antecedent = last.voice if last is not None else (
            _person_before_comma(text, lo, start, entities) if m.group().strip() == "who" else None)
        return Mention(start, end, antecedent, m.group().strip())
    # (every name ends with a word holding a capital: a window whose last word has none holds no name)
    if not _last_word_lower(window) and (m := search_last_runs(_NAME_BEFORE, window, 5)):
        # (an honorific and four words at most)
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
                if (body := _organisation_of(text, max(lo, start - 60), start)) is not None:
                    # 'The Ruritanian Ministry of Harbour Affairs said': one organisation's name
                    start, name = body, text[body:end]
                    mention = Mention(start, end, Voice(name, "organization"), name, salient=True)
                    entities.append(mention)
                    return mention
                voice = voice_for_name(name, entities)
                mention = Mention(start, end, voice, name, salient=True)
                entities.append(mention)
                return mention
    for doc in reversed(_within(entities, max(lo, end - 80), end)):  # 'a think tank report released Monday revealed'
        if doc.voice is not None and doc.voice.type == "document":
            between = text[doc.end:end]
            if not _STOP_OR_QUOTE.search(between) and len(between.split()) <= 4:
                return _channel_in_report(text, doc.start, doc.end, doc.text.split()[-1], entities) or \
                    Mention(doc.start, doc.end, doc.voice, doc.text)
    if _ends_with_word_char(window) and (m := search_last_runs(_NP_BEFORE, window, 6)):   # (six words at most)
        words = m.group(1).split()
        reach = min(len(words), 6)
        if "t" in m.group(1) and any(w.endswith(_NEGATED) for w in words):
            # a negated verb is no noun ('Don't let anyone think'): no phrase reaches back to it
            reach = min(reach, len(words) - 1 - max(i for i, w in enumerate(words) if w.endswith(_NEGATED)))
        # shortest noun phrase after a clause boundary ('officials', 'the group', 'a spokesman')
        for k in range(1, reach + 1):
            phrase = " ".join(words[-k:])
            start = end - len(phrase)
            first = words[-k].lower()
            # (the words after the first were tested by the shorter phrases: only the new one is)
            if (k == 1 and first in _NOT_SUBJECT) or first in _NOT_NP:
                return None
            if first in SUBORDINATORS:
                return None
            if first in _PREPOSITIONS and end < stop and text[stop - 1] == "," and (
                    comma := text.rfind(",", max(lo, start - 3), start)) > lo and not text[comma + 1:start].strip():
                # 'Ann Ford, during interviews on Monday, said' (the time and its comma cut off):
                # an adjunct set off by commas; the subject stands before it
                return subject_before(text, comma + 1, lo, aliases_by_end, entities)
            if first in _NOT_SUBJECT and first not in _DETERMINERS:
                continue
            if k > 1 and _VERB_AND_OBJECT.match(phrase) and not _RELATIVE.search(text, max(lo, start - 7), start - 1):
                # 'Carr, the party's director, released a statement confirming ...': a verb and its
                # object, no subject; the subject stands before the verb
                return subject_before(text, start, lo, aliases_by_end, entities) if start > lo else None
            # (nothing but blanks, commas, dashes and quote marks before it; the first character
            # tells at once in most units)
            if start <= lo or (text[lo] in _OPENING_MARKS and not text[lo:start].strip(_OPENING_MARKS)) or \
                    _BOUNDARY_BEFORE.search(text[max(lo, start - 12):start]):
                if (channel := _channel_in_report(text, start, end, words[-1], entities)) is not None:
                    return channel
                canonical = GROUP_DETERMINER.sub("", phrase)
                named = canonical[:1].isupper() and not _SHARE_OF.match(canonical)   # not 'Some of them'
                mention = Mention(start, end, voice_for_name(canonical, []) if named else group_voice(canonical),
                                  phrase, salient=True)
                if mention.voice.type == "person" and not _PLURAL_END.search(phrase) \
                        and not _within(entities, start, end):   # (one person: not 'Law enforcement sources')
                    # 'a North Korean foreign ministry spokesman said ... He said'
                    named_voice = _name_without_verb(mention, entities) if named and canonical == phrase else mention
                    if named_voice is not None:
                        entities.append(named_voice)
                return mention
    return None


# a capitalised name of two words or more, then one lower-case word that names no one ('took')
_NAME_THEN_VERB = re.compile(r"(?P<name>(?:[A-Z][\w’'.-]*\s+)+[A-Z][\w’'-]*)\s+"
                             r"(?![a-z]*(?:man|woman|person|men|women|people)\b)(?P<verb>[a-z][\w’'-]*)")


def _name_without_verb(mention: Mention, entities) -> Mention | None:
    """'Mayor Lena Ardent took questions': a name ends with a capitalised word; a lower-case word
    after it is the clause's verb, so the voice named is 'Lena Ardent', not 'Lena Ardent took'
    (not 'White House spokesman': a role word or a '-man' noun names someone)."""
    if not mention.text.split()[-1].islower():
        return mention
    found = _NAME_THEN_VERB.fullmatch(mention.text)
    if found is None or found.group("verb") in ROLE_WORDS:
        return None   # (no name to keep: 'Senate panel')
    name = found.group("name")
    return Mention(mention.start, mention.start + len(name), voice_for_name(name, entities), name, salient=True)


# a capitalised organisation word and 'of' before a name ('Ministry of', 'University of the')
_ORGANISATION_OF = re.compile(r"(?<![\w’'.-])(?:[A-Z][\w’'.-]*\s+){0,3}(?P<head>[A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


def _organisation_of(text: str, lo: int, start: int) -> int | None:
    """Where an organisation's name begins whose 'Ministry of' ('Department of', 'University of
    the') stands right before a name at ``start`` (opening words such as 'The' left out), else None."""
    if not text.endswith(("of ", "the "), lo, start):
        return None
    found = _ORGANISATION_OF.search(text, lo, start)
    if found is None or found.group("head").lower() not in ORGANISATION_WORDS:
        return None
    body = found.start()
    while (word := text[body:found.start("head")].split(maxsplit=1)) and word[0] in _CAP_STOP:
        body = text.index(word[0], body) + len(word[0])
        while text[body].isspace():
            body += 1
    return body


_REPORT_NOUNS = frozenset(MEDIUM_NOUNS)
_CHANNEL_TYPES = ("agency", "outlet")


def _channel_in_report(text: str, start: int, end: int, last: str, entities) -> Mention | None:
    """'The earlier KCNA report said': a report noun (media.csv) whose phrase holds a news
    agency's or an outlet's name speaks for that channel, not as 'earlier kcna report'."""
    if last.lower() not in _REPORT_NOUNS:
        return None
    for m in _within(entities, start, end):
        if m.end <= end and m.voice is not None and m.voice.type in _CHANNEL_TYPES:
            return Mention(start, end, m.voice, text[start:end], salient=True)
    return None


def _last_word_lower(window: str) -> bool:
    """Whether the window's last run of non-blanks has no capital (no ``[A-Z]``)."""
    words = window.rsplit(None, 1)
    return not words or words[-1].islower()


def _ends_with_word_char(window: str) -> bool:
    r"""Whether ``[\w’'-]$`` can match the window (``$``: at its end or before a final line break)."""
    last = window[-2:-1] if window.endswith("\n") else window[-1:]
    return last.isalnum() or last in ("_", "’", "'", "-")


# 'Returning to Okafor’s speech, he': a name's possessive in the phrase that opens the sentence
_OPENING_POSSESSOR = re.compile(r"(?:^|(?<=[.!?\n]\s))[A-Z][^,;:.!?\"“”]{0,60}?(?<![\w’'-])"
                                r"(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})[’']s\s+[^,;:.!?\"“”]{1,60},\s*$")


_NAME_COMMA_BEFORE = re.compile(r"(?<![\w’'.-])(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+,\s*$")


def _person_before_comma(text: str, lo: int, start: int, entities) -> Voice | None:
    """'He praised Ben Ray, who said': a person's full name (two or three capitalised words,
    none a sentence opener) right before the comma of an unlisted relative's antecedent."""
    found = _NAME_COMMA_BEFORE.search(text, max(lo, start - 60), start)
    if found is None:
        return None
    words = text[found.start():start].rstrip().rstrip(",").split()
    if any(w in _CAP_STOP for w in words):
        return None
    voice = voice_for_name(" ".join(words), entities)
    return voice if voice.type == "person" else None


def _possessor_in_opening(text: str, lo: int, start: int, pronoun: str, entities) -> Voice | None:
    """'Returning to Okafor’s speech, he complained': a person whose possessive is in the opening
    phrase right before the pronoun is its antecedent, before any voice of an earlier sentence
    ('he' or 'she' only, of the person's gender when it is known)."""
    gender = PRONOUN_GENDER.get(pronoun.lower())
    if gender is None or text[start - 2:start] not in (", ", ",\u00a0"):
        return None
    found = _OPENING_POSSESSOR.search(text, max(0, start - 140), start)
    if found is None:
        return None
    voice = voice_for_name(found.group("name"), entities)
    if voice.type != "person" or found.group("name").split()[0] in _CAP_STOP or (voice.gender and voice.gender != gender):
        return None
    return voice


_THE_BEFORE = re.compile(r"\b[Tt]he\s$")


_PARTY_TAG = re.compile(r"\s*\([A-Z][\w.,\s-]{0,14}\)$")   # '(R-Mo.)', '(D)'
# (not the stop of an initial: 'U.S. State Department', 'John F. Kennedy')
_CLAUSE_OPENING = re.compile(r"(?:^|;\s*|,\s+(?:and|but)\s+|(?<!\b[A-Z])[.!?][\"”’]?\s+)(?=\S)")
_OPENING_LEAD = re.compile(r"(?:(?:[A-Z]\w+ly|" + OPENING_ADVERB + r"|But|And),?\s+)?"
                           r"(?:(?:In|On|At|For|After|Before|During|Since|With|When|While)\s+[^,]{1,40},\s+)?")


_ADJUNCT_OPENERS = _PREPOSITIONS | OPENING_ADVERBS


def _opening_subject(text: str, lo: int, comma: int, aliases_by_end: dict[int, Mention],
                     entities: list[Mention]) -> Mention | None:
    """The words that open the clause up to its first comma, when they look like a subject."""
    start = lo
    for m in _CLAUSE_OPENING.finditer(text, lo, comma):   # (the last opening)
        if m.end() > lo:
            start = m.end()
    while start < comma and (text[start].isspace() or text[start] in ",\"“”'’—–"):
        start += 1
    lead = _OPENING_LEAD.match(text, start, comma)
    start = lead.end() if lead else start
    first_comma = text.find(",", start, comma + 1)
    if first_comma <= start:
        return None
    phrase = text[start:first_comma]
    words = phrase.split()
    if words[0].lower() in _ADJUNCT_OPENERS or only_time_words(words):
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
    if (tag := _PARTY_TAG.search(phrase)) is not None and tag.start() > 0:
        first_comma = start + tag.start()   # 'Sen. Ann Ford (R-Mo.), facing ...': the name without its tag
        phrase = text[start:first_comma]
        words = phrase.split()
    if description_pattern().fullmatch(phrase):   # 'The official, who ..., said'
        return Mention(start, first_comma, resolve(phrase, start, entities), phrase, salient=True)
    determined = words[0] in _CAPITAL_DETERMINERS and _PARTICIPLE_APPOSITIVE.match(text, first_comma + 1) is not None
    if not 1 <= len(words) <= 7 or not (phrase[0].isupper() or words[0].lower() in _DETERMINERS) or \
            _QUOTE_COLON_OR_PAREN.search(phrase) or (words[0] in _CAP_STOP and not determined) or only_time_words(words):
        return None
    if any(w.lower() in _NOT_SUBJECT and w.lower() not in _DETERMINERS for w in words[1:]):
        return None
    # a known voice inside the phrase ('Gov. Chris Christie'), not "Trump's attorney"
    for m in _within(entities, start, first_comma + 1):
        if m.end <= first_comma and m.voice is not None and m.voice.type != "document" \
                and not _POSSESSIVE_S.match(text[m.end:m.end + 2]):
            if m.end in aliases_by_end:
                aliases_by_end[m.end].salient = True
            return Mention(start, first_comma, m.voice, phrase, salient=True)
    if phrase[0].isupper() and not determined:
        voice = voice_for_name(phrase, entities)
        mention = Mention(start, first_comma, voice, phrase, salient=True)
        entities.append(mention)
        return mention
    return Mention(start, first_comma, group_voice(phrase), phrase)


_CAPITAL_DETERMINERS = frozenset(("The", "A", "An"))
# 'The survey, released on Monday by the Institute of Ohio, showed': a participle or relative
# clause set off after a determined noun phrase; the noun phrase is the subject, not a name inside
_PARTICIPLE_APPOSITIVE = re.compile(r"\s*(?:and\s+)?(?:(?:who|which|whose)\b|[a-z]{3,}ing\s|[a-z]{3,}(?:ed|en)\s+(?:by|for|on|in|at|to|from|with|over|last|this|earlier)\b)")

