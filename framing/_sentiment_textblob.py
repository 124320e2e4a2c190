"""Port of TextBlob's pattern sentiment scoring (``TextBlob(text).sentiment``), reading the
library's own lexicon and constants. Private: use :mod:`framing.sentiment`.

``_find_tokens`` mirrors ``textblob._text.find_tokens`` and ``_textblob_assessments`` mirrors
``textblob._text.Sentiment.assessments`` statement by statement, so the floats are identical;
``tests/test_sentiment.py`` checks that on every sentence of the shared corpora.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, repeat

import numpy as np

from ._batch import in_batches, ordered_sums, tokens


@lru_cache(maxsize=1)
def _textblob():
    """The pattern sentiment lexicon behind TextBlob, loaded once into plain dicts."""
    from textblob._text import EMOTICONS, IRONY, MOOD, PUNCTUATION
    from textblob.en import sentiment

    len(sentiment)  # force the lazy dictionary to load its XML lexicon
    lexicon = {w: entry[None] for w, entry in dict.items(sentiment)}
    adverbs = frozenset(w for w, entry in dict.items(sentiment) if "RB" in entry)
    emoticons: dict[str, float] = {}
    for (_type, polarity), faces in EMOTICONS.items():
        for face in faces:
            emoticons.setdefault(face.lower(), polarity)
    return {
        "sentiment": sentiment,
        "lexicon": lexicon,
        "adverbs": adverbs,
        "labels": dict(sentiment.labeler),
        "negations": tuple(sentiment.negations),
        "tokenizer": sentiment.tokenizer,
        "emoticons": emoticons,
        # words that change the assessments when no modifier or negation is pending
        "active": frozenset(lexicon) | frozenset(sentiment.negations) | frozenset(emoticons) | {"!", "(!)"},
        "punctuation": PUNCTUATION,
        "mood": MOOD,
        "irony": IRONY,
    }


@lru_cache(maxsize=1)
def _tokenizer_constants():
    from textblob import _text as pattern

    replace = pattern.replacements
    # One pass over all contraction patterns equals pattern's sequential re.sub calls: each
    # inserts a space before the match and no pattern can match across another's insertion.
    contractions = re.compile("|".join(sorted(replace, key=len, reverse=True)))
    assert all(b == " " + a for a, b in replace.items()), "textblob changed its contraction rules"
    return {
        "contractions": contractions,
        "replace": replace,
        "punctuation": tuple(pattern.PUNCTUATION.replace(".", "")),
        "punctuation_dot": tuple(pattern.PUNCTUATION.replace(".", "")) + (".",),
        "abbreviations": pattern.ABBREVIATIONS,
        "abbr": (pattern.RE_ABBR1, pattern.RE_ABBR2, pattern.RE_ABBR3),
        "token": pattern.TOKEN,
        "sarcasm": pattern.RE_SARCASM,
        "emoticons": pattern.RE_EMOTICONS,
        "eos": pattern.EOS,
    }


_SENTENCE_END = frozenset(("...", ".", "!", "?"))
_CLOSERS = frozenset(("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")"))


@lru_cache(maxsize=1 << 18)
def _split_token(t: str) -> tuple[str, ...]:
    """Port of the per-token punctuation splitting inside pattern's ``find_tokens`` (cached: a
    corpus has far fewer distinct whitespace-separated tokens than tokens)."""
    k = _tokenizer_constants()
    punctuation, replace = k["punctuation"], k["replace"]
    out, tail = [], []
    while t.startswith(punctuation) and t not in replace:
        out.append(t[0])
        t = t[1:]
    while t.endswith(k["punctuation_dot"]) and t not in replace:
        if t.endswith(punctuation):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if t in k["abbreviations"] or any(rx.match(t) is not None for rx in k["abbr"]):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        out.append(t)
    out.extend(reversed(tail))
    return tuple(out)


def _space_quotes(string: str) -> str:
    """Pattern's tokenizer puts spaces around every quotation mark and apostrophe."""
    return (string.replace("\u201c", " \u201c ").replace("\u201d", " \u201d ").replace("\u2018", " \u2018 ")
            .replace("\u2019", " \u2019 ").replace("'", " ' ").replace('"', ' " '))


def _find_tokens(string: str) -> list[str]:
    """Port of pattern's ``find_tokens`` (English defaults): a list of sentence strings."""
    k = _tokenizer_constants()
    string = k["contractions"].sub(r" \g<0>", string)  # a template: no Python call per match
    string = _space_quotes(string)
    string = _CRLF.sub("\n", string)
    string = _PARAGRAPH.sub(f" {k['eos']} ", string)
    string = _SPACES.sub(" ", string)
    tokens = list(chain.from_iterable(map(_split_token, k["token"].findall(string + " "))))
    eos = k["eos"]
    sentences, i, j = [[]], 0, 0
    n = len(tokens)
    while j < n:
        if tokens[j] in _SENTENCE_END or tokens[j] == eos:
            while j < n and (tokens[j] in _CLOSERS or tokens[j] == eos):
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    joined = (" ".join(s) for s in sentences if len(s) > 0)
    joined = (k["sarcasm"].sub("(!)", s) for s in joined)
    return [k["emoticons"].sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in joined]


_CRLF = re.compile("\r\n")
_PARAGRAPH = re.compile(r"\n{2,}")
_SPACES = re.compile(r"\s+")


def _textblob_tokens(text: str, *, engine: str = "fast") -> list[str]:
    # Exactly what pattern's Sentiment.__call__ feeds to assessments() for a string.
    if engine == "fast":
        return _fast_tokens(text)
    return " ".join(_textblob()["tokenizer"](text)).split()


def _fast_tokens(text: str) -> list[str]:
    """``" ".join(find_tokens(text)).split()`` without building sentences, when that is exact.

    ``find_tokens`` splits the tokens into sentences, drops the END-OF-SENTENCE markers, and
    rewrites sarcasm marks and spaced emoticons within each sentence. The words that come out
    are the tokens minus the markers, *unless* one of the two rewrites fires. Every sentence is a
    substring of the tokens joined by spaces (where a sentence's end, ``$`` in the emoticon
    pattern, is followed by a space), so when neither pattern matches the joined tokens no
    sentence is rewritten; otherwise the full port runs. The whitespace-separated tokens equal
    pattern's ``(\\S+)\\s`` matches after its whitespace collapse (same whitespace definition).
    """
    k = _tokenizer_constants()
    string = k["contractions"].sub(r" \g<0>", text) if "'" in text else text  # every contraction has a '
    string = _space_quotes(string)
    if "\n" in string:
        string = _PARAGRAPH.sub(f" {k['eos']} ", _CRLF.sub("\n", string))
    tokens = list(chain.from_iterable(map(_split_token, string.split())))
    eos = k["eos"]
    if eos in tokens:
        tokens = [t for t in tokens if t != eos]
    joined = " ".join(tokens)
    # a sarcasm mark holds a "!", and the tokens hold the text's "!" (tokenizing adds only spaces)
    if "!" in text and k["sarcasm"].search(joined) is not None or k["emoticons"].search(joined) is not None:
        return " ".join(_find_tokens(text)).split()
    return tokens


def _textblob_assessments(words: list[str]) -> list[tuple[list[str], float, float, str | None]]:
    """Port of ``textblob._text.Sentiment.assessments`` (pos=None, negation=True)."""
    tb = _textblob()
    lexicon, adverbs, labels = tb["lexicon"], tb["adverbs"], tb["labels"]
    negations, emoticons, punctuation = tb["negations"], tb["emoticons"], tb["punctuation"]
    active = tb["active"]
    a: list[dict] = []
    m = None  # preceding modifier (adverb)
    n = None  # preceding negation
    for w in map(str.lower, words):
        if m is None and n is None and w not in active:
            continue  # no branch below changes anything for this word
        entry = lexicon.get(w)
        if entry is not None:
            p, s, i = entry
            if m is None:
                a.append({"w": [w], "p": p, "s": s, "i": i, "n": 1, "x": labels.get(w)})
            else:
                last = a[-1]
                last["w"].append(w)
                last["p"] = max(-1.0, min(p * last["i"], +1.0))
                last["s"] = max(-1.0, min(s * last["i"], +1.0))
                last["i"] = i
                last["x"] = labels.get(w)
            if n is not None:
                last = a[-1]
                last["w"].insert(0, n)
                last["i"] = 1.0 / last["i"]
                last["n"] = -1
            m = None
            n = None
            if w in adverbs:
                m = (w, None)
            if w in negations:
                n = w
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and m[0].endswith("ly"):
                a[-1]["w"].append(n)
                a[-1]["n"] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1]["w"].append("!")
                a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                a.append({"w": [w], "p": 0.0, "s": 1.0, "i": 1.0, "n": 1, "x": tb["irony"]})
            if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
                polarity = emoticons.get(w)
                if polarity is not None:
                    a.append({"w": [w], "p": polarity, "s": 1.0, "i": 1.0, "n": 1, "x": tb["mood"]})
    return [(d["w"], d["p"] * -0.5 if d["n"] < 0 else d["p"], d["s"], d["x"]) for d in a]


def _textblob_means(texts: list[str]) -> np.ndarray:
    """(polarity, subjectivity) of each text, as rows: the means of its assessments, summed in
    order as :func:`_one_text_means` does."""
    return in_batches(_textblob_rows, texts)


def _one_text_means(words: list[str]) -> tuple[float, float]:
    """(polarity, subjectivity) of one text's words: the means of its assessments, summed in
    order as pattern's ``avg()`` does (identical floats to ``TextBlob(text).sentiment``)."""
    polarity = subjectivity = 0
    a = _textblob_assessments(words)
    for _w, p, s, _x in a:
        polarity += p
        subjectivity += s
    count = float(len(a) or 1)
    return polarity / count, subjectivity / count


def _token_pieces(token: str) -> tuple[str, ...]:
    """What :func:`_fast_tokens` makes of one whitespace-separated token: contractions and
    quotes spaced, punctuation split off, END-OF-SENTENCE markers dropped (none of it reaches
    across whitespace, so a text's tokens are its whitespace tokens' pieces in turn)."""
    if token.isalnum():  # nothing to split off (most tokens)
        return (token,)
    k = _tokenizer_constants()
    string = _space_quotes(k["contractions"].sub(r" \g<0>", token) if "'" in token else token)
    return tuple(t for t in chain.from_iterable(map(_split_token, string.split())) if t != k["eos"])


def _textblob_rows(texts: list[str]) -> np.ndarray:
    """``_textblob_means`` of one batch, from the texts' shared whitespace tokens.

    A text's words are its tokens' pieces (:func:`_token_pieces`) unless a paragraph break, a
    sarcasm mark or a spaced emoticon makes pattern rewrite them (then :func:`_fast_tokens`).
    A text whose words with a sentiment are all lexicon words but adverbs has one assessment per
    such word, unmodified: its means are sums in numpy; the other texts run the port."""
    k, tb = _tokenizer_constants(), _textblob()
    n = len(texts)
    ids, n_words, pieces = tokens(texts, _token_pieces)
    text_of = np.repeat(np.arange(n), n_words)
    first = np.cumsum(n_words) - n_words
    alone = np.fromiter(map(str.__contains__, texts, repeat("\n")), dtype=bool, count=n)
    # the rewrites: search every text's words joined by spaces at once, texts apart by " \n "
    # (no match spans a newline: their optional separators are single spaces)
    marker = len(pieces)
    joined_ids = np.full(len(ids) + n, marker, dtype=np.intp)
    joined_ids[np.arange(len(ids)) + text_of] = ids
    elements = np.array(pieces + ["\n"], dtype=object)[joined_ids]
    lengths = np.fromiter(map(len, pieces), dtype=np.intp, count=len(pieces))
    starts = np.cumsum(np.append(lengths, 1)[joined_ids] + 1) - (np.append(lengths, 1)[joined_ids] + 1)
    text_ends = starts[joined_ids == marker]
    joined = " ".join(elements.tolist())
    del elements
    for pattern in (k["sarcasm"], k["emoticons"]):
        at = [match.start() for match in pattern.finditer(joined)]
        alone[np.searchsorted(text_ends, np.asarray(at, dtype=np.intp), side="right")] = True
    del joined
    rewritten = alone.copy()
    lowered = list(map(str.lower, pieces))
    lexicon, adverbs, active = tb["lexicon"], tb["adverbs"], tb["active"]
    is_active = np.fromiter(map(active.__contains__, lowered), dtype=bool, count=len(pieces))
    plain = np.fromiter((w in lexicon and w not in adverbs for w in lowered), dtype=bool, count=len(pieces))
    alone[text_of[is_active[ids] & ~plain[ids]]] = True
    at = np.flatnonzero(plain[ids] & ~alone[text_of])
    entries = [lexicon.get(w, (0.0, 0.0, 0.0)) for w in lowered]
    polarity = np.fromiter((e[0] for e in entries), dtype=float, count=len(pieces))
    subjectivity = np.fromiter((e[1] for e in entries), dtype=float, count=len(pieces))
    sum_p, sum_s = ordered_sums([polarity[ids[at]], subjectivity[ids[at]]], text_of[at], n)
    count = np.bincount(text_of[at], minlength=n).astype(float)
    count[count == 0] = 1.0
    out = np.column_stack([sum_p / count, sum_s / count])
    for t in np.flatnonzero(alone).tolist():
        words = _fast_tokens(texts[t]) if rewritten[t] else list(map(pieces.__getitem__, ids[first[t]:first[t] + n_words[t]].tolist()))
        out[t] = _one_text_means(words)
    return out
