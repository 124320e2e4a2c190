"""TextBlob and VADER sentiment: the libraries' own numbers, faster, with receipts.

Two measures, each giving exactly what its library gives for the same string:

* ``textblob``: ``TextBlob(text).sentiment`` -> ``polarity`` (-1..1), ``subjectivity`` (0..1).
* ``vader``: ``SentimentIntensityAnalyzer().polarity_scores(text)`` -> ``compound``, ``pos``,
  ``neg``, ``neu``.

The default ``engine="fast"`` is a line-by-line port of the two libraries' scoring loops that
reads the libraries' own lexicons and tokenizer but skips their per-call overhead (TextBlob's
lazy dictionaries, VADER's repeated lower-casing and per-character emoji scan); for many texts
VADER scores the plain lexicon words of all of them at once in numpy (``_vader_batch``). The test
``tests/test_sentiment.py::test_fast_engine_identical_on_full_corpora`` checks it returns
identical floats to the libraries on every sentence of the KCNA articles, the Trump tweets and
the VADER ground truth. ``engine="library"`` calls the libraries themselves.

Receipts (:func:`textblob_receipt`, :func:`vader_receipt`) list the words that produced a score,
with character offsets, their weights and the modifiers (negation, intensifier, ...) that
changed them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import chain

import numpy as np
import pandas as pd

from ._sentiment_textblob import _one_text_means, _textblob, _textblob_assessments, _textblob_means, _textblob_tokens
from ._sentiment_vader import (_negated, _punctuation_amplifier, _vader, _vader_batch, _vader_prepare, _vader_score,
                               _vader_valences)
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
    return _one_text_means(_textblob_tokens(text))


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
    distinct = list(dict.fromkeys(texts))
    parts = [dict(zip(distinct, map(tuple, _sentiment_rows(distinct, m, engine).tolist()))) for m in measures]
    rows = [tuple(chain.from_iterable(part[t] for part in parts)) for t in texts]
    return pd.DataFrame(rows, columns=columns, index=range(len(texts)), dtype=float)


def _sentiment_rows(texts: list[str], measure: str, engine: str = "fast") -> np.ndarray:
    """One row of :data:`SENTIMENT_FIELDS` values per text (the batch loop, no frames)."""
    if measure == "vader" and engine == "fast":
        return _vader_batch(texts)
    if measure == "textblob" and engine == "fast":
        rows = _textblob_means(texts)
    elif measure == "textblob":
        rows = [textblob_sentiment(t, engine=engine) for t in texts]
    else:
        rows = [(v["compound"], v["pos"], v["neg"], v["neu"]) for v in (vader_sentiment(t, engine=engine) for t in texts)]
    return np.array(rows, dtype=float).reshape(len(texts), len(SENTIMENT_FIELDS[measure]))


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
