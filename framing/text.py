"""Offline text units for news: paragraphs, sentences, words, all as character offsets; and
the cleaning every reader applies to scraped text (``normalize_space``, ``decode_entities``).

No NLTK data, no models: rules tuned on news copy. Offsets always index the original string,
so every later stage (voices, receipts) can point back into the text.

Rules
-----
* A line break ends a paragraph and a sentence. Scraped news (the reference article, PolNeAR,
  KCNA) puts one paragraph per line; we do not support hard-wrapped text.
* A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or brackets) followed
  by white space and a word that can start a sentence (capital letter, digit, opening quote or
  bracket). So ``"Wrong!" he wrote`` stays one sentence, and ``... he said." Then`` splits.
* No split after a closing quotation mark followed by its attribution ("... done.\u201d Trump
  said.", "... soon!\u201d President Trump wrote").
* No split after titles and other abbreviations ("Mr.", "Gen.", "Jan.", "No. 5", "vs."), after
  single initials ("Donald J. Trump"), or after dotted abbreviations ("U.S.", "a.m.") unless the
  next word is a common sentence opener ("The", "He", "But", ...).
"""

from __future__ import annotations

import html
import re
import string
from functools import lru_cache
from itertools import chain

import numpy as np

from ._batch import ascii_translation, in_batches, tokens

__all__ = ["decode_entities", "guess_language", "normalize_space", "paragraph_spans", "sentence_spans",
           "split_sentences", "word_spans"]

# Abbreviations after which a period does not end a sentence (compared lower-cased, no dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof gen lt col maj capt cmdr adm sgt cpl pvt sen sens rep reps gov
    pres supt rev hon fr st ste mt ft jr sr esq amb atty insp asst assoc dept univ
    inc corp co ltd bros llc plc
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    vs v etc al approx est fig figs vol vols pp ed eds op cf
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
# Abbreviations that take a number after them ("No. 5", "Art. 3"): no split only before a digit.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "sec", "ch", "para"})
# Words that open sentences often enough to split after a dotted abbreviation ("the U.S. The").
_SENTENCE_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our my this that these those there
    but and so yet however meanwhile still also in on at for after before when while if as
    what who why how some many most no not one two several all both each such then thus
    """.split()
)

_PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?")   # a stretch between line breaks (\r, \n), trimmed
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+([\"'“‘«(\[]*)(\S*)")
# After a closing quote, '"... done." Trump said.' is one sentence: the attribution that follows
# a quotation belongs to it. Up to four capitalised words and a common speech verb, then the end
# of the clause, maybe after a short adverbial ("wrote on Twitter late on Friday."). A verb with
# content after it ('"..." He said the talks failed.') starts a new sentence.
_QUOTE_CLOSERS = frozenset("\"'”’»")
@lru_cache(maxsize=1)
def _attribution_after_quote() -> re.Pattern:
    # the verbs are the voices vocabulary's (framing/data/voices/en/quote_attribution_verbs.csv)
    from .attribution._vocab import QUOTE_ATTRIBUTION_VERBS, alternation

    return re.compile(
        r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:also\s+|later\s+|then\s+)?"
        r"(?:" + alternation(QUOTE_ATTRIBUTION_VERBS) + r")"
        r"(?:\s*[.,;:!?]|\s+(?:on|in|at|late|early|earlier|later|during|via|last|this|yesterday|"
        r"today|tonight)\b(?:(?!\bthat\b)[^.!?\"“”])*[.,;!?])"
    )
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$")
_TOKEN_BEFORE = re.compile(r"([^\W\d_]+)\.$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: each stretch between line breaks, trimmed.

    Examples
    --------
    >>> paragraph_spans("One.\\n\\nTwo.")
    [(0, 4), (6, 10)]
    """
    # (each stretch between breaks, trimmed, is a run from a non-blank to the last non-blank
    # before the next break: the matches of ``_PARAGRAPH``, found in one scan)
    return [match.span() for match in _PARAGRAPH.finditer(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence, trimmed of white space.

    Examples
    --------
    >>> text = "Mr. Kim met U.S. envoys at 10 a.m. on Jan. 5. Talks went well."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Mr. Kim met U.S. envoys at 10 a.m. on Jan. 5.', 'Talks went well.']
    """
    spans = []
    for start, end in paragraph_spans(text):
        spans.extend(_line_sentences(text, start, end, 0))
    return spans


def _line_sentences(text: str, start: int, end: int, floor: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, a stretch without line breaks, as offsets into
    ``text``; the abbreviation tests read no further back than ``floor``.
    ``_line_sentences(text, a, b, a)`` equals ``sentence_spans(text[a:b])`` shifted by ``a``
    (without copying the stretch)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    spans = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        mark_end = match.end()
        if _ends_sentence(text, match.start(), mark_end, end, floor):
            # (trimmed as ``_trimmed``: a sentence ends with its mark, so only its start can be blank)
            while position < mark_end and text[position].isspace():
                position += 1
            if position < mark_end:
                spans.append((position, mark_end))
            position = mark_end
    while position < end and text[position].isspace():   # (``end`` is trimmed above)
        position += 1
    if position < end:
        spans.append((position, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`sentence_spans`).

    Examples
    --------
    >>> split_sentences("\u201cWrong!\u201d he wrote. The talks resume.")
    ['\u201cWrong!\u201d he wrote.', 'The talks resume.']
    """
    return [text[start:end] for start, end in sentence_spans(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each word: letters or digits, with inner apostrophes or hyphens.

    Examples
    --------
    >>> text = "Kim Jong-un's \u201cnew path\u201d, 2019"
    >>> [text[s:e] for s, e in word_spans(text)]
    ['Kim', "Jong-un's", 'new', 'path', '2019']
    """
    return [match.span() for match in _WORD.finditer(text)]


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _ends_sentence(text: str, mark_start: int, mark_end: int, limit: int, floor: int = 0) -> bool:
    """Decide whether the punctuation at ``text[mark_start:mark_end]`` closes a sentence."""
    following = _NEXT_WORD.match(text, mark_end, limit)
    if following is None:
        return True
    opening, word = following.groups()
    if not word:
        return bool(opening)
    first = word[0]
    if not (first.isupper() or first.isdigit() or opening):
        return False  # '"Wrong!" he wrote', 'e.g. the' : a lower-case word continues the sentence
    if text[mark_end - 1] in _QUOTE_CLOSERS and _attribution_after_quote().match(text, mark_end, limit):
        return False  # '"We are done!" Trump said.': the attribution closes the quote's sentence
    if text[mark_start] != "." or mark_end - mark_start > 1 and text[mark_start + 1] == ".":
        return True  # ! ? … and ellipses: split before a capital
    before = text[max(floor, mark_start - 12) : mark_start + 1]
    if _DOTTED.search(before):  # U.S. / a.m. / U.N.
        return word.strip("\"'“‘").lower() in _SENTENCE_OPENERS
    token = _TOKEN_BEFORE.search(before)
    if token is None:
        return True
    name = token.group(1)
    lowered = name.lower()
    if len(name) == 1 and name.isupper():
        return False  # an initial: "Donald J. Trump"
    if lowered in _ABBREVIATIONS:
        return False
    if lowered in _NUMBER_ABBREVIATIONS and first.isdigit():
        return False
    return True


# ---------------------------------------------------------------------------- cleaning


def decode_entities(text: str) -> str:
    """Decode HTML character references (``&amp;`` -> ``&``, ``&#8217;`` -> ``’``).

    Decoding once is deliberate: a double-escaped ``&amp;amp;`` becomes ``&amp;``, as its
    author typed it.

    Examples
    --------
    >>> from framing.text import decode_entities
    >>> decode_entities("Fire &amp; fury &gt; talks")
    'Fire & fury > talks'
    """
    return html.unescape(text) if "&" in text else text


def normalize_space(text: str, *, paragraph_per_line: bool = False) -> str:
    r"""Tidy scraped whitespace: CRLF -> LF, runs of spaces/tabs (any Unicode whitespace) ->
    one space, each line stripped, and blank-line runs -> one blank line (a paragraph break).
    Single newlines stay, unless ``paragraph_per_line``: then every non-empty line becomes a
    paragraph (lines joined by blank lines), for scrapes that end paragraphs with one newline.
    Only "\n", "\r\n" and "\r" end lines; U+2028, U+2029 and U+0085 inside a line are white
    space like any other.

    Examples
    --------
    >>> from framing.text import normalize_space
    >>> normalize_space("Title\r\n\t\t First  line.\n\t\t\n\t Second.")
    'Title\nFirst line.\n\nSecond.'
    >>> normalize_space("Title\r\n\t\t First  line.\n\t Second.", paragraph_per_line=True)
    'Title\n\nFirst line.\n\nSecond.'
    """
    # str.split()/join instead of regexes: 3-4x faster on the 16 MB of KCNA text
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if paragraph_per_line:
        return "\n\n".join(line for line in lines if line)
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):  # at most one empty line in a row
            kept.append(line)
    return "\n".join(kept).strip()


# ----------------------------------------------------------------------------- languages

# Function words that are frequent in one language and rare in the others. Short and
# hand-picked (no data download); enough to tell news copy and tweets apart by language. Words
# shared with English ("die", "a", "on", "in") are left out of the other lists.
_STOPWORDS = {
    "en": frozenset(
        "the of and to in is was for that on with by as at from are it this be has have its "
        "were which an their he his they been who will not but had said".split()
    ),
    "es": frozenset(
        "el la los las de del y en que por para con una un se su sus al es lo como fue mas "
        "este esta entre sobre desde ha han le les segun tambien".split()
    ),
    "fr": frozenset(
        "le la les des du et est une un dans pour que qui sur avec pas sont ce cette il ils "
        "elle au aux ont par plus leur mais nous vous".split()
    ),
    "de": frozenset(
        "der das und ist nicht mit ein eine den dem des auf sich auch wird werden ich wir sie "
        "von zu im dass oder aber nach bei".split()
    ),
    "pt": frozenset(
        "os da do das dos em que para com um uma por se na nas nos ao foi mais "
        "seu sua como pelo pela".split()
    ),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
# Scripts that name a language family on their own (share of letters, not of words).
_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
)

_ANY_SCRIPT = re.compile("|".join(pattern.pattern for _language, pattern in _SCRIPTS))
_ANY_STOPWORD = frozenset().union(*_STOPWORDS.values())
# ASCII text: the words of _WORD_RE are the runs of ASCII letters, found faster in bytes (every
# other byte made a space, letters lower-cased, then split)
_ASCII_LETTERS = ascii_translation(string.ascii_letters, lower=True)
_ASCII_STOPWORD = frozenset(w.encode() for w in _ANY_STOPWORD)


def guess_language(text: str, *, languages=("en", "es"), min_hits: int = 1, min_margin: int = 1) -> str:
    """Guess the language of ``text`` from its common function words (and its script).

    Counts, for each language in ``languages`` (any of "en", "es", "fr", "de", "pt"), how many
    words of the text are in that language's short stop-word list and returns the language with
    the most hits; "" when no language reaches ``min_hits`` or the winner leads the runner-up by
    fewer than ``min_margin`` hits (a tie, an empty text, a bare name). A text whose letters are mostly Hangul, kana, Chinese characters, Cyrillic or
    Arabic is "ko", "ja", "zh", "ru" or "ar" whatever ``languages`` says. Only the first 1,000
    characters are read: enough for a clear majority, and fast on long texts.

    Examples
    --------
    >>> from framing.text import guess_language
    >>> guess_language("The delegation left for the talks in the capital.")
    'en'
    >>> guess_language("La delegacion salio para las conversaciones en la capital.")
    'es'
    >>> guess_language("Die Gespräche sind nicht gescheitert.", languages=("en", "de"))
    'de'
    >>> guess_language("Donald Trump")
    ''
    """
    head = text[:1000]
    script = _script_language(head)
    if script is not None:
        return script
    _check_languages(languages)
    # only the function words can count: drop the others first (in C), then count per language
    words = list(filter(_ANY_STOPWORD.__contains__, _WORD_RE.findall(head.lower())))
    counts = {language: sum(map(_STOPWORDS[language].__contains__, words)) for language in languages}
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] < min_hits or (len(ranked) > 1 and ranked[0] - ranked[1] < max(min_margin, 1)):
        return ""
    return max(counts, key=counts.get)


def _script_language(head: str) -> str | None:
    """The language whose script holds most letters of ``head`` (None: no such script)."""
    if _ANY_SCRIPT.search(head) is None:  # else no script can hold a majority: skip the count
        return None
    letters = sum(c.isalpha() for c in head)
    for language, pattern in _SCRIPTS:
        if letters and len(pattern.findall(head)) > letters / 2:
            return language
    return None


def _check_languages(languages) -> None:
    unknown = [language for language in languages if language not in _STOPWORDS]
    if unknown:
        raise ValueError(f"guess_language knows {sorted(_STOPWORDS)} by their words; got {unknown}.")


def _function_words(token: str) -> list[str]:
    """The words of ``token`` (a whitespace-separated one) in a stop-word list, lower case."""
    if token.isascii():
        return [w.decode() for w in token.encode().translate(_ASCII_LETTERS).split() if w in _ASCII_STOPWORD]
    return list(filter(_ANY_STOPWORD.__contains__, _WORD_RE.findall(token.lower())))


def _function_word_counts(texts: list[str], languages: tuple[str, ...]) -> np.ndarray:
    """Per text (rows) and language (columns), the words of the text in its stop-word list."""
    ids, n_words, words = tokens(texts, _function_words)
    text_of = np.repeat(np.arange(len(texts)), n_words)
    return np.column_stack([
        np.bincount(text_of, weights=np.array([w in _STOPWORDS[language] for w in words], dtype=float)[ids],
                    minlength=len(texts))
        for language in languages
    ]).reshape(len(texts), len(languages))


def _guess_languages(texts: list[str], *, languages=("en", "es"), min_hits: int = 1, min_margin: int = 1) -> list[str]:
    """``guess_language`` of each text (the same answers), the words counted for all texts at
    once: per text only C calls (slice, lower case, find words, keep the function words)."""
    languages = tuple(languages)
    if not languages or len(set(languages)) < len(languages):
        return [guess_language(t, languages=languages, min_hits=min_hits, min_margin=min_margin) for t in texts]
    heads = [t[:1000] for t in texts]
    found = [None if hit is None else _script_language(head) for head, hit in zip(heads, map(_ANY_SCRIPT.search, heads))]
    if found.count(None):
        _check_languages(languages)
    # the function words of each text, from its whitespace tokens (shared with the measures of
    # ``score``); a text longer than its head is read again from the head
    counts = in_batches(_function_word_counts, texts, languages)
    for t in [t for t, text in enumerate(texts) if len(text) > 1000]:
        kept = list(chain.from_iterable(map(_function_words, heads[t].split())))
        counts[t] = [sum(map(_STOPWORDS[language].__contains__, kept)) for language in languages]
    ranked = -np.sort(-counts, axis=1)
    undecided = ranked[:, 0] < min_hits
    if len(languages) > 1:
        undecided |= ranked[:, 0] - ranked[:, 1] < max(min_margin, 1)
    guesses = np.where(undecided, "", np.array(languages, dtype=object)[np.argmax(counts, axis=1)]).tolist()
    return [guess if script is None else script for guess, script in zip(guesses, found)]
