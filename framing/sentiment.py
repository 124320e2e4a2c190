"""TextBlob and VADER sentiment: the libraries' own numbers, faster, with receipts.

Two measures, each giving exactly what its library gives for the same string:

* ``textblob``: ``TextBlob(text).sentiment`` -> ``polarity`` (-1..1), ``subjectivity`` (0..1).
* ``vader``: ``SentimentIntensityAnalyzer().polarity_scores(text)`` -> ``compound``, ``pos``,
  ``neg``, ``neu``.

The default ``engine="fast"`` is a line-by-line port of the two libraries' scoring loops that
reads the libraries' own lexicons and tokenizer but skips their per-call overhead (TextBlob's
lazy dictionaries, VADER's repeated lower-casing and per-character emoji scan). The test
``tests/test_sentiment.py::test_fast_engine_identical_on_full_corpora`` checks it returns
identical floats to the libraries on every sentence of the KCNA articles, the Trump tweets and
the VADER ground truth. ``engine="library"`` calls the libraries themselves.

Receipts (:func:`textblob_receipt`, :func:`vader_receipt`) list the words that produced a score,
with character offsets, their weights and the modifiers (negation, intensifier, ...) that
changed them.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from .errors import FramingError

__all__ = [
    "SENTIMENT_FIELDS",
    "sentiment_scores",
    "textblob_receipt",
    "textblob_sentiment",
    "vader_receipt",
    "vader_sentiment",
]

#: Output fields of each measure, in column order (columns are ``<measure>_<field>``).
SENTIMENT_FIELDS = {
    "textblob": ("polarity", "subjectivity"),
    "vader": ("compound", "pos", "neg", "neu"),
}
_ENGINES = ("fast", "library")


# ------------------------------------------------------------------------------- TextBlob


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


_SPLIT_CACHE: dict[str, tuple[str, ...]] = {}
_SENTENCE_END = frozenset(("...", ".", "!", "?"))
_CLOSERS = frozenset(("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")"))


def _split_token(t: str, k: dict) -> tuple[str, ...]:
    """Port of the per-token punctuation splitting inside pattern's ``find_tokens``."""
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


def _find_tokens(string: str) -> list[str]:
    """Port of pattern's ``find_tokens`` (English defaults): a list of sentence strings."""
    k = _tokenizer_constants()
    string = k["contractions"].sub(lambda m: " " + m.group(0), string)
    string = (
        string.replace("\u201c", " \u201c ")
        .replace("\u201d", " \u201d ")
        .replace("\u2018", " \u2018 ")
        .replace("\u2019", " \u2019 ")
        .replace("'", " ' ")
        .replace('"', ' " ')
    )
    string = _CRLF.sub("\n", string)
    string = _PARAGRAPH.sub(" %s " % k["eos"], string)
    string = _SPACES.sub(" ", string)
    cache = _SPLIT_CACHE
    if len(cache) > 500_000:
        cache.clear()
    tokens: list[str] = []
    for t in k["token"].findall(string + " "):
        parts = cache.get(t)
        if parts is None:
            parts = cache[t] = _split_token(t, k)
        tokens.extend(parts)
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
    tokenizer = _find_tokens if engine == "fast" else _textblob()["tokenizer"]
    return " ".join(tokenizer(text)).split()


def _textblob_assessments(words: list[str]) -> list[tuple[list[str], float, float, str | None]]:
    """Port of ``textblob._text.Sentiment.assessments`` (pos=None, negation=True)."""
    tb = _textblob()
    lexicon, adverbs, labels = tb["lexicon"], tb["adverbs"], tb["labels"]
    negations, emoticons, punctuation = tb["negations"], tb["emoticons"], tb["punctuation"]
    a: list[dict] = []
    m = None  # preceding modifier (adverb)
    n = None  # preceding negation
    for w in (word.lower() for word in words):
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


def _average(values: Iterable[float]) -> float:
    # Same summation order as pattern's avg(): identical floats.
    total, count = 0, 0
    for value in values:
        total += value
        count += 1
    return total / float(count or 1)


def textblob_sentiment(text: str, *, engine: str = "fast") -> tuple[float, float]:
    """TextBlob polarity and subjectivity of one text, identical to ``TextBlob(text).sentiment``.

    Parameters
    ----------
    text : str
    engine : {"fast", "library"}
        ``"library"`` calls TextBlob itself; ``"fast"`` (default) is the tested port.

    Returns
    -------
    (polarity, subjectivity) : tuple of float

    Examples
    --------
    >>> from framing.sentiment import textblob_sentiment
    >>> textblob_sentiment("The talks were not very good.")
    (-0.26923076923076916, 0.46153846153846156)
    """
    _check_engine(engine)
    if engine == "library":
        from textblob import TextBlob

        polarity, subjectivity = TextBlob(text).sentiment
        return polarity, subjectivity
    a = _textblob_assessments(_textblob_tokens(text))
    return _average(p for _w, p, _s, _x in a), _average(s for _w, _p, s, _x in a)


# ---------------------------------------------------------------------------------- VADER


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment import vaderSentiment as vs

    analyzer = vs.SentimentIntensityAnalyzer()
    return {
        "module": vs,
        "analyzer": analyzer,
        "lexicon": analyzer.lexicon,
        "emoji_chars": frozenset(analyzer.emojis),
        "booster": vs.BOOSTER_DICT,
        "special": vs.SPECIAL_CASES,
        "negate": frozenset(vs.NEGATE),
    }


def _vader_prepare(text: str) -> tuple[str, list[str]]:
    """VADER's text after emoji replacement, and its words_and_emoticons."""
    vd = _vader()
    if not vd["emoji_chars"].isdisjoint(text):
        emojis = vd["analyzer"].emojis
        out, prev_space = [], True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        text = "".join(out)
    text = text.strip()
    words = []
    for token in text.split():
        stripped = token.strip(string.punctuation)
        words.append(token if len(stripped) <= 2 else stripped)
    return text, words


def _negated(word: str, negate) -> bool:
    return word in negate or "n't" in word


def _vader_valences(words: list[str]) -> list[float]:
    """Port of VADER's per-word valence loop and but-check (same float operations)."""
    vd = _vader()
    lexicon, booster, special, negate = vd["lexicon"], vd["booster"], vd["special"], vd["negate"]
    n_scalar, c_incr = -0.74, 0.733
    lower = [w.lower() for w in words]
    count = len(words)
    allcaps = sum(1 for w in words if w.isupper())
    is_cap_diff = 0 < count - allcaps < count
    sentiments: list[float] = []
    for i, item in enumerate(words):
        low = lower[i]
        if low in booster or (i < count - 1 and low == "kind" and lower[i + 1] == "of"):
            sentiments.append(0)
            continue
        if low not in lexicon:
            sentiments.append(0)
            continue
        valence = lexicon[low]
        if low == "no" and i != count - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[low] * n_scalar
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += c_incr
            else:
                valence -= c_incr
        for start_i in range(0, 3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lexicon:
                # scalar_inc_dec
                s = 0.0
                if lower[j] in booster:
                    s = booster[lower[j]]
                    if valence < 0:
                        s *= -1
                    if words[j].isupper() and is_cap_diff:
                        if valence > 0:
                            s += c_incr
                        else:
                            s -= c_incr
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                # _negation_check
                if start_i == 0:
                    if _negated(lower[i - 1], negate):
                        valence = valence * n_scalar
                elif start_i == 1:
                    if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                        valence = valence * 1.25
                    elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                        pass
                    elif _negated(lower[i - 2], negate):
                        valence = valence * n_scalar
                else:
                    if (
                        lower[i - 3] == "never"
                        and (lower[i - 2] == "so" or lower[i - 2] == "this")
                        or (lower[i - 1] == "so" or lower[i - 1] == "this")
                    ):
                        valence = valence * 1.25
                    elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                        pass
                    elif _negated(lower[i - 3], negate):
                        valence = valence * n_scalar
                    valence = _special_idioms(valence, lower, i, special, booster)
        # _least_check
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * n_scalar
        sentiments.append(valence)
    if "but" in lower:
        # VADER's but-check as written: it iterates the list it edits and finds each score with
        # list.index, so equal scores share the first position. Kept for identical output.
        bi = lower.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _special_idioms(valence, lower, i, special, booster):
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in booster:
            valence = valence + booster[n_gram]
    return valence


def _punctuation_amplifier(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm


def _vader_score(sentiments: list[float], text: str) -> dict[str, float]:
    """Port of ``SentimentIntensityAnalyzer.score_valence`` (same rounding)."""
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    amplifier = _punctuation_amplifier(text)
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    compound = -1.0 if compound < -1.0 else (1.0 if compound > 1.0 else compound)
    pos_sum, neg_sum, neu_count = 0.0, 0.0, 0
    for score in sentiments:
        if score > 0:
            pos_sum += float(score) + 1
        if score < 0:
            neg_sum += float(score) - 1
        if score == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


def vader_sentiment(text: str, *, engine: str = "fast") -> dict[str, float]:
    """VADER scores of one text, identical to ``SentimentIntensityAnalyzer().polarity_scores``.

    Parameters
    ----------
    text : str
    engine : {"fast", "library"}

    Returns
    -------
    dict
        ``neg``, ``neu``, ``pos`` (rounded to 3 places) and ``compound`` (4 places).

    Examples
    --------
    >>> from framing.sentiment import vader_sentiment
    >>> vader_sentiment("The talks were NOT good!")["compound"]
    -0.4015
    """
    _check_engine(engine)
    if engine == "library":
        return _vader()["analyzer"].polarity_scores(text)
    prepared, words = _vader_prepare(text)
    return _vader_score(_vader_valences(words), prepared)


# ----------------------------------------------------------------------------------- batch


def _check_engine(engine: str) -> None:
    if engine not in _ENGINES:
        raise FramingError(f"engine must be one of {_ENGINES}, got {engine!r}.")


def sentiment_scores(texts: Iterable[str], *, measures=("textblob", "vader"), engine: str = "fast") -> pd.DataFrame:
    """Score many texts; each distinct text is scored once.

    Parameters
    ----------
    texts : iterable of str
    measures : sequence of {"textblob", "vader"}
    engine : {"fast", "library"}

    Returns
    -------
    DataFrame
        One row per text, columns ``<measure>_<field>`` (see :data:`SENTIMENT_FIELDS`).

    Examples
    --------
    >>> from framing.sentiment import sentiment_scores
    >>> sentiment_scores(["A fine deal.", "A terrible threat."])["vader_compound"].tolist()
    [0.2023, -0.7579]
    """
    _check_engine(engine)
    measures = tuple(measures)
    unknown = [m for m in measures if m not in SENTIMENT_FIELDS]
    if unknown:
        raise FramingError(f"unknown sentiment measure(s) {unknown}; choose from {list(SENTIMENT_FIELDS)}.")
    texts = list(texts)
    columns = [f"{m}_{f}" for m in measures for f in SENTIMENT_FIELDS[m]]
    cache: dict[str, tuple] = {}
    rows = []
    for text in texts:
        row = cache.get(text)
        if row is None:
            row = ()
            if "textblob" in measures:
                row += textblob_sentiment(text, engine=engine)
            if "vader" in measures:
                v = vader_sentiment(text, engine=engine)
                row += (v["compound"], v["pos"], v["neg"], v["neu"])
            cache[text] = row
        rows.append(row)
    return pd.DataFrame(rows, columns=columns, index=range(len(texts)), dtype=float)


# -------------------------------------------------------------------------------- receipts


def _align(text: str, tokens: list[str], *, casefold: bool = False) -> list[tuple[int, int]]:
    """Offsets of each token, searched left to right; (-1, -1) when a token is not in the text."""
    haystack = text.lower() if casefold else text
    spans, cursor = [], 0
    for token in tokens:
        needle = token.lower() if casefold else token
        at = haystack.find(needle, cursor) if needle else -1
        if at < 0:
            spans.append((-1, -1))
        else:
            spans.append((at, at + len(needle)))
            cursor = at + len(needle)
    return spans


def textblob_receipt(text: str) -> list[dict]:
    """The TextBlob assessments behind a score, with offsets.

    Each assessment (a known word with the negation or intensifier before it) gives two rows,
    ``field`` "polarity" and "subjectivity". ``weight`` is its score after modifiers and
    ``share`` its contribution to the text's score (the score is the mean of the weights, so the
    shares sum to the score).

    Examples
    --------
    >>> from framing.sentiment import textblob_receipt
    >>> [(r["token"], r["weight"], r["modifier"]) for r in textblob_receipt("Not good.")][:1]
    [('Not good', -0.35, 'negation')]
    """
    tokens = _textblob_tokens(text)
    spans = _align(text, tokens, casefold=True)
    lowered = [t.lower() for t in tokens]
    negations = _textblob()["negations"]
    a = _textblob_assessments(tokens)
    rows, cursor = [], 0
    for words, p, s, label in a:
        positions = []
        for word in words:
            try:
                k = lowered.index(word, cursor)
            except ValueError:
                continue
            positions.append(k)
            cursor = k + 1
        located = [spans[k] for k in positions if spans[k][0] >= 0]
        start = min((b for b, _e in located), default=-1)
        end = max((e for _b, e in located), default=-1)
        token = text[start:end] if start >= 0 else " ".join(words)
        modifiers = []
        if any(w in negations for w in words):
            modifiers.append("negation")
        core = [w for w in words if w not in negations and w != "!"]
        if len(core) > 1:
            modifiers.append("intensifier")
        if "!" in words:
            modifiers.append("exclamation")
        if label:
            modifiers.append(label)
        for field, weight in (("polarity", p), ("subjectivity", s)):
            rows.append(
                {
                    "measure": "textblob",
                    "field": field,
                    "token": token,
                    "start": start,
                    "end": end,
                    "weight": weight,
                    "share": weight / len(a),
                    "modifier": "+".join(modifiers),
                }
            )
    return rows


def vader_receipt(text: str) -> list[dict]:
    """The VADER word valences behind a score, with offsets and modifiers.

    One row per word with a non-zero valence (``weight`` is the valence after VADER's rules:
    negation, boosters, ALL CAPS, "but"), plus a row for "!"/"?" emphasis. The compound score is
    ``s / sqrt(s**2 + 15)`` of the weights' sum ``s``.

    Examples
    --------
    >>> from framing.sentiment import vader_receipt
    >>> [(r["token"], r["weight"], r["modifier"]) for r in vader_receipt("not good")]
    [('good', -1.406, 'negation')]
    """
    vd = _vader()
    prepared, words = _vader_prepare(text)
    sentiments = _vader_valences(words)
    spans = _align(text, words)
    lower = [w.lower() for w in words]
    booster, negate, lexicon = vd["booster"], vd["negate"], vd["lexicon"]
    allcaps = sum(1 for w in words if w.isupper())
    is_cap_diff = 0 < len(words) - allcaps < len(words)
    rows = []
    for i, (word, valence) in enumerate(zip(words, sentiments)):
        if not valence:
            continue
        before = lower[max(0, i - 3):i]
        modifiers = []
        if any(_negated(w, negate) for w in before) or (before and before[-1] == "least"):
            modifiers.append("negation")
        if any(w in booster for w in before):
            modifiers.append("intensifier")
        if word.isupper() and is_cap_diff:
            modifiers.append("caps")
        if "but" in lower and i != lower.index("but"):
            modifiers.append("but")
        start, end = spans[i]
        rows.append(
            {
                "measure": "vader",
                "field": "compound",
                "token": word,
                "start": start,
                "end": end,
                "weight": float(valence),
                "share": math.nan,
                "modifier": "+".join(modifiers),
                "lexicon": lexicon.get(lower[i], math.nan),
            }
        )
    total = float(sum(sentiments))
    amplifier = _punctuation_amplifier(prepared)
    if amplifier and total:
        mark = "!" if "!" in prepared else "?"
        at = text.rfind(mark)
        rows.append(
            {
                "measure": "vader",
                "field": "compound",
                "token": mark,
                "start": at,
                "end": at + 1 if at >= 0 else -1,
                "weight": math.copysign(amplifier, total),
                "share": math.nan,
                "modifier": "punctuation",
                "lexicon": math.nan,
            }
        )
    return rows
