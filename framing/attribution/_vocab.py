"""The vocabulary of the voices engine, read once from ``framing/data/voices/en/*.csv``.

Every word list the rules use lives in one data file and is read here, and only here; the
rules import the sets and the regular-expression pieces built from them. The files (see
``framing/data/voices/README.md`` for how each was made):

* ``cues.csv``: attribution cue verbs, their forms, a ``category`` (what kind of report the
  verb makes, see :data:`CATEGORIES`), whether it credits narration (``credit``) and the raw
  confidence of an attribution made with it.
* ``honorifics.csv``, ``weekdays.csv``, ``months.csv``, ``pronouns.csv``, ``auxiliaries.csv``,
  ``organisation_words.csv``, ``openers.csv`` (subordinators, opening adverbs): closed word classes.
* ``quote_attribution_verbs.csv``: the verb forms after which ``framing.text`` keeps a quote
  and its attribution in one sentence.
* ``descriptions.csv``, ``evidence.csv``, ``evidence_verbs.csv``, ``boilerplate.csv``:
  descriptions that refer back to a named voice, nouns of documents that "show" things and the
  verbs they show it with, page furniture.
* ``media.csv``: the media a cue's words come in ("in a statement", "on Twitter");
  ``stance_nouns.csv``: nouns that report a stance when possessed ("his support for");
  ``ly_words.csv``: words ending in -ly that are no adverb ("family").
* ``cue_nouns.csv``: cue forms that are also nouns ("the report", "his claim").
* ``addressees.csv`` (whom a speech verb tells: "reporters", "the court") and
  ``telling_verbs.csv`` (the verbs that tell someone: "tell", "remind"), ``adjunct_only.csv``
  (the verbs and openings of words that only say where or when it was said),
  ``passive_announcement_verbs.csv``, ``view_nouns.csv`` ("sees parallels"),
  ``object_stance_verbs.csv`` ("endorsed Ross at a rally"): the word lists of single rules.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .._data import read_data_text
from ..errors import FramingError

# What kind of report a cue verb makes, weakest first. Rules ask about the rank, never about a
# verb's confidence: a ``speech_act`` ("spoke") names a speaker but carries no content;
# ``impression``, ``stance`` and ``evidence`` verbs ("seems", "thinks", "endorsed", "shows")
# need "that" or a named subject; ``weak_speech`` verbs ("mentioned", "repeated") report
# speech; ``speech`` verbs ("admitted", "asked") also open a clause's subject as speaker;
# ``sure_speech`` verbs ("said", "told", "warned") open a report nested in reported words.
CATEGORIES = {"speech_act": 0, "impression": 1, "stance": 1, "evidence": 1, "weak_speech": 2,
              "speech": 3, "sure_speech": 4}


def _rows(name: str) -> list[dict]:
    """The rows of ``framing/data/voices/en/<name>`` (lines starting with '#' are comments)."""
    text = read_data_text("voices", "en", name)
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _column(name: str, column: str) -> tuple[str, ...]:
    return tuple(row[column].strip() for row in _rows(name) if row[column].strip())


def alternation(words, *, escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first (so 'Mrs' is tried before 'Mr')."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(map(re.escape, ordered) if escape else ordered)


def matches_after(pattern: re.Pattern, text: str, not_after: re.Pattern):
    """``finditer`` of ``(?<!X)`` + ``pattern``, where ``not_after`` matches X (one character).

    A lookbehind opening a pattern stops the regex engine from skipping fast to where a match
    can start (e.g. an alias's first letter); the pattern without it is searched instead, and a
    match right after X is searched again one character on: the same matches, 1.8x faster
    for the alias table. ``pattern`` never matches the empty string.
    """
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start and not_after.match(text, start - 1):
            pos = start + 1
            continue
        yield match
        pos = match.end()


def trie(words) -> str:
    """A regex matching the same strings as ``alternation(words)``, with the same preference.

    The words are merged into a prefix tree (``Kim|Kimchi|Kimberly`` ->
    ``Kim(?:berly|chi)?``), so the regex engine follows one branch per character instead
    of trying every word at every position. Where several words match, the regex tries the
    longest first, as the longest-first alternation does (the words that match at one
    position are prefixes of each other).

    Examples
    --------
    >>> trie(["Kim", "Kimchi", "Kimberly", "Moon"])
    '(?:Kim(?:berly|chi)?|Moon)'
    >>> re.findall(trie(["Mr", "Mrs"]), "Mrs Mr")
    ['Mrs', 'Mr']
    """
    root: dict = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root) or "(?!)"


@dataclass(frozen=True)
class CueVerb:
    """A reporting verb: lemma, whether it credits narration, raw confidence, category.

    (The rules ask the rank and its tests for every cue: each is worked out once per verb,
    kept in the instance's ``__dict__``, which a frozen dataclass's fields do not use.)"""

    lemma: str
    credit: bool
    confidence: float
    category: str = "sure_speech"

    @cached_property
    def rank(self) -> int:
        return CATEGORIES[self.category]

    @cached_property
    def reports(self) -> bool:
        """Introduces content (not a bare speech act such as "spoke")."""
        return self.rank >= CATEGORIES["impression"]

    @cached_property
    def is_speech(self) -> bool:
        """A verb of speech (not belief, stance or evidence)."""
        return self.rank >= CATEGORIES["weak_speech"]

    @cached_property
    def firm(self) -> bool:
        """Speech firm enough that a clause's opening words are its speaker ("many say")."""
        return self.rank >= CATEGORIES["speech"]

    @cached_property
    def sure(self) -> bool:
        """Sure speech ("said"): opens a report inside reported words."""
        return self.rank >= CATEGORIES["sure_speech"]


ACCORDING = CueVerb("according to", False, 0.85, "sure_speech")
CITING = CueVerb("citing", False, 0.85, "sure_speech")
IN_MEDIUM = CueVerb("in", False, 0.7, "weak_speech")


# the forms of 'be' a cues.csv pattern 'BE ...' stands for, in this order (not 'am', 'being')
_BE_FORMS = ("is", "are", "was", "were", "been", "be")


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, CueVerb]:
    """Each cue form (lower case) -> its verb, from ``cues.csv``."""
    forms: dict[str, CueVerb] = {}
    for row in _rows("cues.csv"):
        if row["category"] not in CATEGORIES:
            raise FramingError(f"cues.csv: category {row['category']!r} of {row['cue']!r} is not one of "
                               f"{sorted(CATEGORIES)}; fix the row.")
        verb = CueVerb(row["cue"], row["credit"] == "1", float(row["confidence"]), row["category"])
        for form in row["pattern"].split("|"):
            form = form.strip()
            # 'BE wary of': the adjective after each form of 'be' ('is wary of', ..., 'be wary of')
            for be_form in (_BE_FORMS if form.startswith("BE ") else ("",)):
                forms.setdefault(f"{be_form} {form[3:].lower()}" if be_form else form.lower(), verb)
    return forms


HONORIFICS = _column("honorifics.csv", "honorific")          # 'Mr', 'Sen' (written without the dot)
WEEKDAYS = _column("weekdays.csv", "weekday")
MONTHS = _column("months.csv", "month")
_PRONOUN_ROWS = _rows("pronouns.csv")
# pronouns that can name a speaker ('he said', 'we think'): subject case, not 'you'
SUBJECT_PRONOUNS = frozenset(r["pronoun"] for r in _PRONOUN_ROWS if r["case"] == "subject")
SPEAKER_PRONOUNS = frozenset(r["pronoun"] for r in _PRONOUN_ROWS if r["case"] == "subject" and r["person"] != "2")
THIRD_PERSON = frozenset(r["pronoun"] for r in _PRONOUN_ROWS if r["case"] == "subject" and r["person"] == "3")
OBJECT_PRONOUNS = frozenset(r["pronoun"] for r in _PRONOUN_ROWS if r["case"] == "object")
THIRD_PERSON_OBJECTS = frozenset(r["pronoun"] for r in _PRONOUN_ROWS if r["case"] == "object" and r["person"] == "3")
_AUX_ROWS = _rows("auxiliaries.csv")
AUXILIARIES = tuple(r["auxiliary"] for r in _AUX_ROWS)
BE = tuple(r["auxiliary"] for r in _AUX_ROWS if r["kind"] == "be")
MODALS = tuple(r["auxiliary"] for r in _AUX_ROWS if r["kind"] == "modal")
ORGANISATION_WORDS = frozenset(_column("organisation_words.csv", "word"))
QUOTE_ATTRIBUTION_VERBS = _column("quote_attribution_verbs.csv", "form")
EVIDENCE_NOUNS = frozenset(_column("evidence.csv", "noun"))
EVIDENCE_VERBS = frozenset(_column("evidence_verbs.csv", "lemma"))   # 'The results show ...'
# 'support for', 'criticism of': a stance noun and the word that makes it report its object
STANCE_PHRASES = tuple(f"{r['noun'].strip()} {after}" for r in _rows("stance_nouns.csv")
                       for after in r["words_after"].split("|"))
# when a stance noun with no possessor reports (any / be / voiced / no: see stance_nouns.csv)
UNOWNED_STANCE_NEEDS = {r["noun"].strip(): r["unowned"].strip() for r in _rows("stance_nouns.csv")}
VOICING_VERBS = _column("voicing_verbs.csv", "form")       # 'raised concerns about'
RECEIVING_VERBS = _column("receiving_verbs.csv", "form")   # 'faced criticism of': no stance owner
ROLE_WORDS = frozenset(_column("roles.csv", "word"))          # titles before a name: 'Foreign Minister'
INTENT_VERBS = frozenset(_column("intent_verbs.csv", "lemma"))  # 'who plans to meet': no report
_OPENER_ROWS = _rows("openers.csv")
SUBORDINATORS = frozenset(r["word"] for r in _OPENER_ROWS if r["kind"] == "subordinator")   # 'although'
OPENING_ADVERBS = frozenset(r["word"] for r in _OPENER_ROWS if r["kind"] == "adverb")       # 'meanwhile'
# as they open a sentence: no part of a name that follows ('Although Jane Ross said')
CAPITALISED_OPENERS = frozenset(w.capitalize() for w in SUBORDINATORS | OPENING_ADVERBS)
_ADDRESSEE_ROWS = _rows("addressees.csv")
# where a rule reads an addressee -> the addressees it reads there ('told reporters', 'told the court')
ADDRESSEES = {where: frozenset(r["word"] for r in _ADDRESSEE_ROWS if r[where] == "1")
              for where in ("after_tell", "after_to", "ends_sentence", "after_speak")}
_CUE_NOUN_ROWS = _rows("cue_nouns.csv")
NOUN_LIKE = frozenset(r["form"] for r in _CUE_NOUN_ROWS if r["noun_like"] == "1")   # 'the report': a named subject only
POSSESSED_CUE_NOUNS = frozenset(r["form"] for r in _CUE_NOUN_ROWS if r["after_possessive"] == "1")   # "Rubio's claim"
_TELLING_ROWS = _rows("telling_verbs.csv")
# where a rule reads a verb that takes an addressee -> those verbs ('told reporters that')
TELLING_VERBS = {where: frozenset(r["lemma"] for r in _TELLING_ROWS if r[where] == "1")
                 for where in ("object", "object_then_quote", "ends_sentence")}
_ADJUNCT_ONLY_ROWS = _rows("adjunct_only.csv")
ADJUNCT_ONLY_VERBS = frozenset(r["word"] for r in _ADJUNCT_ONLY_ROWS if r["kind"] == "verb")         # 'said'
ADJUNCT_OPENINGS = frozenset(r["word"] for r in _ADJUNCT_ONLY_ROWS if r["kind"] == "opening")     # 'in', 'after'
OBJECT_STANCE_VERBS = frozenset(_column("object_stance_verbs.csv", "lemma"))   # 'endorsed Ross at a rally'
PASSIVE_ANNOUNCEMENT_VERBS = frozenset(_column("passive_announcement_verbs.csv", "lemma"))   # 'was announced'
_VIEW_ROWS = _rows("view_nouns.csv")
VIEW_NOUNS = frozenset(r["word"] for r in _VIEW_ROWS if r["kind"] == "noun")              # 'sees parallels'
VIEW_MODIFIERS = frozenset(r["word"] for r in _VIEW_ROWS if r["kind"] == "modifier")      # 'a real chance'
_MEDIA_ROWS = _rows("media.csv")
MEDIUM_NOUNS = tuple(r["word"] for r in _MEDIA_ROWS if r["kind"] == "noun")           # 'in a statement'
PLATFORMS = tuple(r["word"] for r in _MEDIA_ROWS if r["kind"] == "platform")          # 'on Twitter'
STANCE_MEDIA = {kind: tuple(r["word"] for r in _MEDIA_ROWS if r["kind"] == kind and r["ends_stance"] == "1")
                for kind in ("noun", "platform")}   # 'mocked Ross on Twitter': the stance's object ends
_TAIL_ROWS = _rows("verb_tails.csv")
TAIL_ADVERBS = frozenset(r["word"] for r in _TAIL_ROWS if r["kind"] == "adverb")
ADVERBS_BEFORE_VERB = frozenset(r["word"] for r in _TAIL_ROWS if r["before_verb"] == "1")   # 'has also said'
ADVERBS_ALONE = frozenset(r["word"] for r in _TAIL_ROWS if r["alone"] == "1")               # 'Hale now says'
COORDINATORS = tuple(r["word"] for r in _TAIL_ROWS if r["kind"] == "coordinator")            # 'and began'
HINGES = COORDINATORS + tuple(r["word"] for r in _TAIL_ROWS if r["kind"] == "hinge")         # 'while trying to'
OBJECT_CONTROL_VERBS = frozenset(r["word"] for r in _TAIL_ROWS if r["kind"] == "object_control")   # 'forced X to'
PUBLISHING_VERBS = tuple(r["word"] for r in _TAIL_ROWS if r["kind"] == "publishing")         # 'released data that'
PRONOUN_GENDER = {"he": "m", "she": "f"}   # the gender a resolved 'he'/'she' asks of its voice
# the determiner a group subject's name drops ('most voters' -> 'voters'; 'most of them' stays)
GROUP_DETERMINER = re.compile(r"^(?:the|a|an|some|many|most|other|several)\s+(?!of\b)", re.I)

# regex pieces
HONORIFIC = alternation(HONORIFICS)
WEEKDAY = alternation(WEEKDAYS)
MONTH = alternation(MONTHS)
THIRD_PERSON_PRONOUN = alternation(THIRD_PERSON)
SPEAKER_PRONOUN = alternation("I" if p == "i" else p for p in SPEAKER_PRONOUNS)   # case-sensitive use
AUXILIARY = alternation(AUXILIARIES)
BE_FORM = alternation(BE)
OPENING_ADVERB = alternation(w.capitalize() for w in OPENING_ADVERBS)   # 'Meanwhile|However|...'
# a lowercase -ly adverb ('publicly', 'now flatly'), not a noun ending in -ly ('family', 'rally'):
# case-sensitive even inside an IGNORECASE pattern ('Kelly said' is a name)
LY_ADVERB = r"(?!(?:" + alternation(_column("ly_words.csv", "word")) + r")\b)(?-i:[a-z]+ly)"


@lru_cache(maxsize=1)
def descriptions() -> dict[str, tuple[frozenset, str, str, bool]]:
    """Description -> (types it can refer to, gender, title, strict), from ``descriptions.csv``."""
    return {r["description"]: (frozenset(r["types"].split("|")), r["gender"], r["title"], r.get("strict") == "1")
            for r in _rows("descriptions.csv")}


@lru_cache(maxsize=1)
def speaking_nouns() -> frozenset[str]:
    """Common nouns naming someone who can speak: titles and role words ('lawyer', 'spokesman'),
    the last words of descriptions ('official') and organisation words ('panel', 'ministry')."""
    return (ROLE_WORDS | ORGANISATION_WORDS | {d.split()[-1] for d in descriptions()}
            | {title for _, _, title, _ in descriptions().values() if title})


@lru_cache(maxsize=1)
def description_pattern() -> re.Pattern:
    """A description or pronoun ending the searched text."""
    # (anchored at the end: where a name matches, every name that matches there gives the same span)
    return re.compile(r"(?<![\w’'])" + trie(descriptions()) + r"$", re.IGNORECASE)


_LAST_RUNS: dict[int, re.Pattern] = {}   # n -> the last n runs of non-blanks (and the blanks after), reversed


def search_last_runs(pattern: re.Pattern, text: str, runs: int):
    """``pattern.search(text)`` for a pattern anchored at the end (``$``) whose matches span at
    most ``runs`` runs of non-blank characters (its words, a first one perhaps begun inside a
    run): searched only from the start of the text's last ``runs`` runs."""
    last = _LAST_RUNS.get(runs)
    if last is None:
        last = _LAST_RUNS[runs] = re.compile(r"\s*(?:\S+\s+){0,%d}\S*" % (runs - 1))
    return pattern.search(text, len(text) - last.match(text[::-1]).end())


def description_before(text: str):
    """``description_pattern().search(text)``, searched only from where the longest description
    (or it and a final line break, which ``$`` allows) can start: the pattern is anchored at the
    end, and a search tries every position before it."""
    pattern, longest = _description_search()
    return pattern.search(text, max(0, len(text) - longest - 1))


@lru_cache(maxsize=1)
def _description_search() -> tuple[re.Pattern, int]:
    return description_pattern(), max(map(len, descriptions()), default=0)


@lru_cache(maxsize=1)
def boilerplate() -> re.Pattern:
    """A whole paragraph of page furniture ("Leave a Reply"), from ``boilerplate.csv``."""
    # one regular expression a line (they hold commas: the lines are not split as CSV fields)
    lines = read_data_text("voices", "en", "boilerplate.csv").splitlines()[1:]
    return re.compile(r"^(?:" + "|".join(line.strip() for line in lines if line.strip()) + r")$", re.IGNORECASE)


def required_literals(pattern: str, ignore_case: bool = False) -> frozenset[str] | None:
    """Strings one of which every match of the regular expression ``pattern`` holds, or None
    when the pattern names none (case-insensitive parts name none, unless ``ignore_case``: then
    a match holds one of them matched case-insensitively): a text holding none of them has no
    match, and is not searched.

    Examples
    --------
    >>> sorted(required_literals(r"\\(?\\S.{0,60}(?:Pool via AP|/Getty Images)\\)?"))
    ['/Getty Images', 'Pool via AP']
    >>> required_literals(r"(?i:via)") is None
    True
    """
    try:
        from re import _parser as parser   # (the standard library's own reading of the pattern)
        from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
        parsed = parser.parse(pattern)
    except (ImportError, AttributeError, re.error):
        return None
    if parsed.state.flags & re.IGNORECASE and not ignore_case:
        return None

    def required(items) -> frozenset | None:
        best, run = None, ""

        def keep(found):   # the candidate whose shortest string is the longest
            nonlocal best
            if found and (best is None or min(map(len, found)) > min(map(len, best))):
                best = found
        for op, av in items:
            if op is LITERAL:
                run += chr(av)
                continue
            keep(frozenset([run]) if run else None)
            run = ""
            found = None
            if op is SUBPATTERN and (ignore_case or not av[1] & re.IGNORECASE):
                found = required(av[3])
            elif op is BRANCH:
                branches = [required(branch) for branch in av[1]]
                found = None if any(b is None for b in branches) else frozenset().union(*branches)
            elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
                found = required(av[2])
            keep(found)
        keep(frozenset([run]) if run else None)
        return best

    return required(parsed)


@lru_cache(maxsize=1)
def furniture_end_literals() -> frozenset[str] | None:
    """:func:`required_literals` of the paragraph-end furniture (``furniture()[2]``)."""
    return required_literals(furniture()[2].pattern)


# the characters other than ASCII that a case-insensitive pattern matches to an ASCII character
# (to a letter: 'İ', 'ı', 'ſ' lower-case to no ASCII letter; the Kelvin sign lower-cases to 'k')
_ASCII_CASE_FOLDS = "\u0130\u0131\u017f\u212a"


def whole_furniture(para: str) -> bool:
    """``furniture()[0].fullmatch(para)`` is not None: each pattern of a whole paragraph tried
    only where the text holds one of the strings every match of it holds (case-insensitively)."""
    plain, guarded = _whole_furniture_rows()
    if plain is not None and plain.fullmatch(para):
        return True
    if not guarded:
        return False
    lowered = para.lower()
    # an ASCII literal matched case-insensitively is in the lower-cased text, but where a
    # character of _ASCII_CASE_FOLDS stands (it may match a letter of it): there, the guard's search
    folds = not para.isascii() and any(c in para for c in _ASCII_CASE_FOLDS)
    for literals, guard, row in guarded:
        if folds:
            if not guard.search(para):
                continue
        elif len(literals) == 1:
            if literals[0] not in lowered:
                continue
        elif not any(literal in lowered for literal in literals):
            continue
        if row.fullmatch(para):
            return True
    return False


@lru_cache(maxsize=1)
def _whole_furniture_rows() -> tuple[re.Pattern | None, list[tuple[tuple[str, ...], re.Pattern, re.Pattern]]]:
    """The whole-paragraph patterns of ``furniture.csv``: those that open with a literal (a
    fullmatch fails fast where it is not) or have no ASCII required literals as one pattern, the
    others each with its literals (lower-cased) and their case-insensitive search."""
    plain, guarded = [], []
    for pattern in _furniture_rows()["whole"]:
        literals = required_literals(pattern, ignore_case=True)
        if literals and all(literal.isascii() for literal in literals) and not _opens_with_literal(pattern):
            guard = re.compile("(?i:" + "|".join(map(re.escape, literals)) + ")")
            lowered = {literal.lower() for literal in literals}
            # (a literal holding another is found where that one is: the shorter ones suffice)
            lowered = tuple(sorted(a for a in lowered if not any(b != a and b in a for b in lowered)))
            guarded.append((lowered, guard, re.compile(pattern)))
        else:
            plain.append(pattern)
    return (re.compile("|".join(f"(?:{p})" for p in plain)) if plain else None), guarded


def _opens_with_literal(pattern: str) -> bool:
    """Whether every match of ``pattern`` opens with a given character (a speed hint only)."""
    from re import _parser as parser
    from re._constants import BRANCH, LITERAL, SUBPATTERN

    def opens(items) -> bool:
        if not len(items):
            return False
        op, av = items[0]
        return op is LITERAL or (op is SUBPATTERN and opens(av[3])) or \
            (op is BRANCH and all(opens(branch) for branch in av[1]))
    return opens(parser.parse(pattern))


@lru_cache(maxsize=1)
def furniture() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Page furniture from ``furniture.csv``: patterns of whole paragraphs, of their start, of their end."""
    found = _furniture_rows()
    whole = re.compile("|".join(f"(?:{p})" for p in found["whole"]))
    start = re.compile("|".join(f"(?:{p})" for p in found["start"]))
    end = re.compile("(?:" + "|".join(f"(?:{p})" for p in found["end"]) + r")\s*$")
    return whole, start, end


@lru_cache(maxsize=1)
def _furniture_rows() -> dict[str, list[str]]:
    """The patterns of ``furniture.csv`` by where they stand (whole, start, end)."""
    # one regular expression a line after "where," (the patterns hold commas: not split as CSV fields)
    found: dict[str, list[str]] = {"whole": [], "start": [], "end": []}
    for line in read_data_text("voices", "en", "furniture.csv").splitlines()[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        where, _, pattern = line.partition(",")
        if where not in found or not pattern:
            raise FramingError(f"furniture.csv: bad line {line!r}; expected 'whole|start|end,<regular expression>'.")
        found[where].append(pattern)
    return found
