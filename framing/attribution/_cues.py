"""Attribution cues: reporting verbs (``cues.csv``), "according to", "citing", "in a poll"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache

from ._layout import per_text
from ._vocab import ADDRESSEES, AUXILIARY, BE_FORM, LY_ADVERB, SPEAKER_PRONOUN, ACCORDING, CITING, IN_MEDIUM, MEDIUM_NOUNS, OBJECT_PRONOUNS, PLATFORMS, POSSESSED_CUE_NOUNS, TELLING_VERBS, THIRD_PERSON_OBJECTS, WEEKDAY, CueVerb, alternation, cue_verbs, trie

_AUX_WORD = (r"(?:has|have|had|also|later|then|again|previously|reportedly|publicly|recently|"
             r"repeatedly|once|(?-i:would|will)|did|does|further|often|never|subsequently|quickly|flatly|"
             r"bluntly|angrily|simply|separately|earlier|first|frequently|privately|openly|"
             r"immediately|not|n[o’']t|even|only|already|still|always|just|too|both|all|"
             + LY_ADVERB + r")")   # not 'Kelly said'
_AUX = r"(?:" + _AUX_WORD + r"\s+){0,3}"
_ONE_AUX = re.compile(_AUX_WORD, re.IGNORECASE)
_MEDIUM_NOUN = r"(?:" + alternation(MEDIUM_NOUNS) + ")"
# (a second medium noun joins the first: 'in a video message', 'on a conference call')
_ADJUNCT = (r"(?:\s+(?:in|on|during|at|via|through|over)\s+(?:a|an|the|his|her|their|its|one|two)"
            r"\s+(?:[\w’'-]+\s+){0,3}?" + _MEDIUM_NOUN + r"(?:\s+" + _MEDIUM_NOUN + r"\b)?"
            r"|\s+on\s+(?:" + alternation(PLATFORMS) + r")\b)?")
_TIME = re.compile(
    r"^\s*,?\s*(?:on (?:" + WEEKDAY + r"|Twitter|Facebook|"
    r"CNN|Fox News|[A-Z]\w+ \d+)|last (?:week|month|year|night)|this (?:week|month|year)|"
    r"earlier|later|yesterday|today|tonight|recently|previously|in (?:a|an) [\w ]{0,30}?"
    r"(?:statement|interview)|at (?:a|an|the) [\w ]{0,30}?(?:rally|event|conference|briefing|"
    r"debate|hearing))"
)
# 'told reporters on Monday that': the words skipped before 'that' hold no clause of their own
_THAT = re.compile(r"^(?:\s+(?!(?:" + SPEAKER_PRONOUN + r"|you|and|but|or|" + AUXILIARY + r")\b)[^\s,.;:!?\"“”’']+){0,7}?\s+that\b")
_OBJECT = re.compile(
    r"^\s+(?:" + alternation(OBJECT_PRONOUNS) + "|" + alternation(ADDRESSEES["after_tell"]) + r"|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?=[\s,])"
)
_TO_OBJECT = re.compile(
    r"^\s+to\s+(?:" + alternation(ADDRESSEES["after_to"] | THIRD_PERSON_OBJECTS) + r"|(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}"
    r"[A-Z][\w.’'-]*(?=[\s,]))"
)
_IN_MEDIUM = re.compile(
    r"\b[Ii]n (?=(?:(?:a|an|the|its|his|her|their|our|recent|national|new|several|most|many) )"
    r"(?:[\w/'’.-]+ ){0,6}?(?:poll|survey|study|analysis)s?\b)")
_POLL_NOUN = re.compile("poll|survey|study|analysis")   # one of them is in every match of _IN_MEDIUM
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|Citing)\s+")
# 'spoke affectionately of', 'speak with admiration of', 'spoke out sharply against': the words
# between the verb and its topic's preposition: adverbs, 'out', 'with' and a noun, 'to' and a name
# (any five words: F1 0.78051, precision 0.8269 -> 0.8259). A speech act whose topic follows them
# reports the topic, as 'spoke about' does: the cue runs on to the preposition (PolNeAR train:
# F1 0.78052 -> 0.78082, recall 0.7391 -> 0.7396, speaker accuracy 0.89301 -> 0.89310)
_TOPIC_AFTER_SPEAK = re.compile(r"(?:\s+(?:\w+ly|out|up|highly|well|ill|often|again|at\s+length|with\s+\w+|"
                                r"to\s+(?:" + alternation(ADDRESSEES["after_speak"]) +
                                r"|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}))){1,3}\s+"
                                r"(?:about|of|against)(?=\s)")


@dataclass
class Cue:
    start: int
    end: int
    verb: CueVerb
    kind: str = "verb"   # verb | according


# verbs whose report relayed by a trailing cue ('Kim ordered new drills, KCNA said.') stays the
# relayer's words: no report of their own there, and no speech act of the subject's
RELAYED_WHOLE = frozenset(("order",))


@lru_cache(maxsize=1)
def _cue_index() -> tuple[dict[str, list[tuple[str, CueVerb]]], re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """First word of each cue form -> [(whole form, verb)], longest form first; the patterns
    of the auxiliaries, the adjuncts and the first words (a whole run of ASCII letters, any
    case; ``first_at`` without the left boundary, for a run cut by the unit's start)."""
    index: dict[str, list[tuple[str, CueVerb]]] = {}
    for form, verb in cue_verbs().items():
        index.setdefault(form.split()[0], []).append((form, verb))
    for forms in index.values():
        forms.sort(key=lambda fv: -len(fv[0]))
    aux = re.compile(r"\b" + _AUX + r"$", re.IGNORECASE)
    adjunct = re.compile(_ADJUNCT, re.IGNORECASE)
    # only first words that a run of letters, lower-cased, can equal
    heads = trie(w for w in index if re.fullmatch("[a-z]+", w)) + "(?![A-Za-z])"
    first = re.compile("(?<![A-Za-z])" + heads, re.IGNORECASE | re.ASCII)
    first_at = re.compile(heads, re.IGNORECASE | re.ASCII)
    return index, aux, adjunct, first, first_at


# the last (up to) three words and the blanks after them, in reversed text
_LAST_WORDS = re.compile(r"\s*(?:\S+\s+){0,2}\S*")
_SPACE_PUNCT = re.compile(r"[\s,:]*")
_LETTER_RUN = re.compile("[A-Za-z]+")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_POSSESSIVE_BEFORE = re.compile(r"\w[’']s\s+$")
_HAS_CONTRACTED = re.compile(r"[a-z][’']s ")
_BE_BEFORE = re.compile(r"\b(?:" + BE_FORM + r")\s+$")
_PREV_WORD = re.compile(r"\b(\w+)\s+$")
_NOUN_MARKERS = frozenset("a an the this these those every each no any "
                          "some another citing quoting his her their its our my your".split())   # 'citing fears': a noun


@lru_cache(maxsize=1)
def _lowered_heads() -> re.Pattern:
    """The first words of the cue forms that are runs of letters, each a whole run of ``[a-z]``
    in lower-cased text, after the character before it (group 1: the word)."""
    # (a pattern opening with a character class lets the engine skip to where a match can start:
    # twice as fast as a lookbehind tried at every position)
    return re.compile("[^a-z](" + trie(w for w in _cue_index()[0] if re.fullmatch("[a-z]+", w)) + ")(?![a-z])")


def _scan_document(text: str) -> tuple[list[int], list[tuple[int, int, str]], bool]:
    """What :func:`find_cues` reads of the whole text: its cue words' starts and (start, end,
    word), and whether it names a medium noun. Only words where one of their cue forms stands
    whole (:func:`_form_at`) are kept: ``find_cues`` skips the others ('is' not in 'is
    concerned that'), and a stretch holding none of those is quiet (:func:`may_hold_cue`)."""
    lowered = text.lower()
    index = _cue_index()[0]
    if len(lowered) == len(text) and "\u212a" not in text:
        # lower-casing kept every offset and made no ASCII letter of another character (only
        # 'İ', which grows, and the Kelvin sign, which becomes 'k', would): a run of ASCII
        # letters lower-cased is a run of [a-z] in the lowered text, at the same offsets
        found = [(m.start(1) - 1, m.end(1) - 1, text[m.start(1) - 1:m.end(1) - 1])
                 for m in _lowered_heads().finditer(" " + lowered)]
    else:   # (every run of letters, looked up)
        found = [(m.start(), m.end(), m.group()) for m in _LETTER_RUN.finditer(text) if m.group().lower() in index]
    alone = _alone_forms()
    size = len(text)
    # a word that is a cue form of its own stands whole unless a letter or digit follows (its
    # longer forms go on with a blank); the others are looked up form by form
    found = [w for w in found if ((w[1] >= size or not text[w[1]].isalnum()) if w[2].lower() in alone
                                  else _form_at(text, w[0], index[w[2].lower()]) is not None)]
    return [w[0] for w in found], found, _POLL_NOUN.search(text) is not None


@lru_cache(maxsize=1)
def _alone_forms() -> frozenset[str]:
    """The first words of cue forms that are themselves a cue form ('said')."""
    return frozenset(word for word, forms in _cue_index()[0].items() if any(form == word for form, _ in forms))


def _form_at(text: str, start: int, candidates: list[tuple[str, CueVerb]]) -> tuple[str, CueVerb] | None:
    """The first of ``candidates`` (the forms of one first word, longest first) whose form
    ``text[start:]`` opens, lower-cased, with no letter or digit right after it: the cue form of
    the word at ``start``."""
    size = len(text)
    longest = candidates[0][0]
    head = text[start:start + len(longest)]
    lowered = head.lower()
    if len(lowered) != len(head):   # ('İ' grows when lower-cased: form by form)
        for form, verb in candidates:
            end = start + len(form)
            if text[start:end].lower() == form and (end >= size or not text[end].isalnum()):
                return form, verb
        return None
    # (each character lower-cased on its own but the final sigma, which is no ASCII letter: the
    # slice of a form's length, lower-cased, equals a form when this lower-cased slice opens with
    # it; only the forms whose second word opens with the character there can)
    if len(candidates) > 1:
        at, buckets, short = _form_buckets(candidates)
        candidates = buckets.get(lowered[at:at + 1], short)
    for form, verb in candidates:
        end = start + len(form)
        if lowered.startswith(form) and (end >= size or not text[end].isalnum()):
            return form, verb
    return None


_BUCKETS: dict[int, tuple] = {}


def _form_buckets(candidates: list[tuple[str, CueVerb]]) -> tuple[int, dict[str, list], list]:
    """The forms of one first word (``candidates``, longest first) by their character ``at``
    (the first of the second word): ``(at, character -> those forms and the forms too short to
    have one, in order; the short forms alone)``. A form matches only where the text holds its
    character ``at``."""
    hit = _BUCKETS.get(id(candidates))
    if hit is None or hit[0] is not candidates:
        at = len(candidates[0][0].split()[0]) + 1
        short = [fv for fv in candidates if len(fv[0]) <= at]
        buckets = {c: [fv for fv in candidates if len(fv[0]) <= at or fv[0][at] == c]
                   for c in {fv[0][at] for fv in candidates if len(fv[0]) > at}}
        hit = _BUCKETS[id(candidates)] = (candidates, (at, buckets, short))
    return hit[1]


def _document(text: str) -> tuple[list[int], list[tuple[int, int, str]], bool]:
    """:func:`_scan_document`, once per text (its units ask in turn)."""
    return per_text("cue words", text, _scan_document)


def _cue_words(text: str, lo: int, hi: int, document=None) -> list[tuple[int, int, str]]:
    """The runs of ASCII letters in ``text[lo:hi]`` (a run cut by ``lo`` or ``hi`` ends there)
    whose lower-cased form is the first word of a cue form, as ``(start, end, word)`` (some
    may miss: those where none of the word's forms stands whole, which ``find_cues`` skips).

    The words of the whole text are found once (:func:`_document`, or ``document`` when the
    caller has it) and bisected: a word is a whole run of letters, so those inside the bounds
    are the scan's, except a run cut by a bound (scanned on its own)."""
    _, _, _, first, first_at = _cue_index()
    starts, found, _ = document or _document(text)
    if hi < len(text) and 0 < hi and text[hi - 1] in _LETTERS and text[hi] in _LETTERS:
        words = [(m.start(), m.end(), m.group()) for m in first.finditer(text, lo, hi)]   # the last run is cut
    else:
        words = found[bisect_left(starts, lo):bisect_left(starts, hi)]
    if 0 < lo < hi and text[lo - 1] in _LETTERS and text[lo] in _LETTERS:
        cut = first_at.match(text, lo, hi)   # a run of letters cut by the start: a word of its own
        if cut:
            return [(cut.start(), cut.end(), cut.group())] + words
    return words


def find_cues(text: str, lo: int, hi: int) -> list[Cue]:
    """Reporting-verb and "according to" cues in ``text[lo:hi]``.

    The runs of ASCII letters (words) whose lower-cased form is the first word of a cue form
    are found with one prefix-tree regex (:func:`framing.attribution._vocab.trie`), then
    their forms are looked up in a dictionary; auxiliaries before ("has also said") and a
    medium after ("in a statement") join the cue, and so do the words up to a speech act's topic
    ("spoke highly of": read as "spoke about").
    """
    index, aux, adjunct, _, _ = _cue_index()
    document = _document(text)
    cues = []
    for m_start, m_end, m_word in _cue_words(text, lo, hi, document):
        lowered = m_word.lower()
        candidates = index[lowered]
        if m_start > 0 and text[m_start - 1] in "-<" or text[m_end:m_end + 1] in ("-", "="):
            continue  # 'so-called', '<tweet tweet-id=...>': not a verb
        if (prev := _PREV_WORD.search(text, max(lo, m_start - 12), m_start)) and \
                prev.group(1).lower() in _NOUN_MARKERS:
            continue  # 'a tweet', 'his support', 'the report': a noun after a determiner
        if lowered in POSSESSED_CUE_NOUNS and _POSSESSIVE_BEFORE.search(text[max(lo, m_start - 4):m_start]):
            continue  # "Rubio's claim", "Trump's call": a noun after a possessive
        if m_word == "Citing":
            continue  # 'Citing X, Will urged ...': an opening phrase (rule below), not a participle
        if m_word[0].isupper() and text[lo:m_start].strip(" \"“”'‘’—–-([\n"):
            continue  # 'United States', 'Fox News Reports': a capitalised word inside a sentence is a name
        if (hit := _form_at(text, m_start, candidates)) is None:
            continue
        end = m_start + len(hit[0])
        verb = hit[1]
        start = m_start
        # auxiliaries join only when the word right before is one (prev: that whole word, or None
        # when it does not fit the look-back; 't': a part of "n't")
        if m_start > lo and text[m_start - 1].isspace() and (
                prev is None or prev.group(1).lower() == "t" or _ONE_AUX.fullmatch(prev.group(1))):
            window = max(lo, m_start - 60)
            # (at most three words join: search only from the third word before the cue)
            window = max(window, m_start - _LAST_WORDS.match(text[window:m_start][::-1]).end())
            before = aux.search(text, window, m_start)
            start = before.start() if before and before.end() == m_start and before.group() else m_start
        if start - 4 >= lo and _HAS_CONTRACTED.fullmatch(text, start - 4, start):
            start -= 3   # "he's said": the contracted 'has' joins the cue, 'he' is the subject
        if m_word.endswith("ing") and (be := _BE_BEFORE.search(text, max(lo, start - 8), start)):
            start = be.start()   # 'Chaffetz is also asking': the progressive's auxiliary joins the cue
        extra = adjunct.match(text, end, hi)
        end = extra.end() if extra else end
        if verb.lemma == "speak" and verb.category == "speech_act" and \
                (topic := _TOPIC_AFTER_SPEAK.match(text, end, min(hi, end + 60))) is not None:
            end, verb = topic.end(), cue_verbs()["spoke about"]   # 'spoke out sharply against'
        cues.append(Cue(start, end, verb))
    for m in (_ACCORDING.finditer(text, lo, hi) if text.find("ccording to", lo, hi) >= 0 or
              text.find("Citing", lo, hi) >= 0 else ()):   # (the words every match holds)
        lemma = "citing" if m.group().lower().startswith("citing") else "according to"
        cues.append(Cue(m.start(), m.end() - 1, CITING if lemma == "citing" else ACCORDING, "according"))
    for m in (_IN_MEDIUM.finditer(text, lo, hi) if document[2] and _POLL_NOUN.search(text, lo, hi)
                                               else ()):
        # 'In a Fox News poll released Sunday, ...'
        cues.append(Cue(m.start(), m.start() + 2, IN_MEDIUM, "according"))
    if len(cues) > 1:
        cues.sort(key=lambda c: c.start)
    return cues


def cuts_word(text: str, pos: int) -> bool:
    """Whether ``pos`` falls inside a run of ASCII letters (the stretches :func:`may_hold_cue`
    answers for are those whose bounds cut no such run)."""
    return 0 < pos < len(text) and text[pos - 1] in _LETTERS and text[pos] in _LETTERS


def may_hold_cue(text: str, lo: int, hi: int) -> bool:
    """False when :func:`find_cues` surely finds no cue in any stretch inside ``text[lo:hi]``
    whose bounds cut no run of letters: no cue word of the text with a whole form starts there, and no
    "according to", "Citing" or medium noun is there (the words every other cue holds).
    (A cue found another way must be added here too: ``_segments`` skips such stretches.)"""
    starts, _, medium = _document(text)
    i = bisect_left(starts, lo)
    return (i < len(starts) and starts[i] < hi) or text.find("ccording to", lo, hi) >= 0 or \
        text.find("Citing", lo, hi) >= 0 or (medium and _POLL_NOUN.search(text, lo, hi) is not None)


def cue_word(text: str, cue: Cue) -> str:
    """The verb form of a cue, lower-cased: 'said' in 'has also said in a statement'."""
    return _verb_form(text[cue.start:cue.end])


@lru_cache(maxsize=4096)   # the rules ask again for the same cue; cue words repeat
def _verb_form(words: str) -> str:
    words = words.lower().split()
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
        if cue.verb.lemma in TELLING_VERBS["object"] and (m := _OBJECT.match(window)):
            pos += m.end()
            window = window[m.end():]
            moved = True
        if m := _TO_OBJECT.match(window):
            pos += m.end()
            window = window[m.end():]
            moved = True
    m = _SPACE_PUNCT.match(window)
    return pos + (m.end() if m else 0)
