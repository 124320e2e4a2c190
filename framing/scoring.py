"""Score any frame with a text column, and show the receipt behind every score.

``score`` adds ``<measure>_<field>`` columns (``textblob_polarity``, ``vader_compound``,
``cue_conflict``, ``news_sentiment`` ...) to a copy of the frame; ``explain`` lists, for one row
or one text, the words and phrases that produced each score, with offsets, weights and
modifiers; ``highlight_html`` shows them in a notebook. The measures themselves live in the
registry of :mod:`framing.measures` (one ``Measure`` object each); this module only runs them.

Language: every usable text's language is guessed (:func:`framing.text.guess_language`); a
measure gives NaN for text in a language it does not cover (all built-in measures are English
only), the row's ``score_reason`` says so, and one warning counts such rows.
"""

from __future__ import annotations

import html
import math
import re
import time
import warnings
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pandas as pd

from ._batch import shared_tokens
from ._checks import require_columns, require_frame
from ._collector import collector_paused
from ._dispatch import route
from .errors import ColumnError, FramingError
from .measures import ScoreOptions, get_measure
from .text import _guess_languages, guess_language

__all__ = ["MEASURES", "OPTIONAL_MEASURES", "RECEIPT_COLUMNS", "explain", "highlight_html", "score", "score_columns"]

#: The default measures of ``score``, in column order (all registered measures:
#: ``framing.measures.measure_names()``).
MEASURES = ("textblob", "vader", "cues", "news")
#: Built-in measures that need an extra (never in the default): ``news_embedding`` needs ``framing[embeddings]``.
OPTIONAL_MEASURES = ("news_embedding",)
#: Languages told apart when checking coverage (see ``framing.text.guess_language``).
_GUESSED = ("en", "es", "fr", "de", "pt")
_GUESS = {"languages": _GUESSED, "min_hits": 3, "min_margin": 2}
#: Columns of an ``explain`` receipt.
RECEIPT_COLUMNS = ("measure", "field", "token", "start", "end", "weight", "share", "modifier")
_REASON = "score_reason"
_HAS_WORD = re.compile(r"[^\W_]")


def _check_measures(measures) -> tuple[str, ...]:
    if isinstance(measures, str):
        measures = (measures,)
    measures = tuple(measures)
    if not measures:
        raise FramingError("no measures given; choose from framing.measures.measure_names().")
    for m in measures:
        get_measure(m)  # raises naming the known measures
    return measures


def score_columns(measures=MEASURES, *, families: Sequence[str] | None = None) -> list[str]:
    """The columns ``score`` adds for these measures (before ``score_reason``).

    Examples
    --------
    >>> from framing import score_columns
    >>> score_columns(["textblob", "news"])
    ['textblob_polarity', 'textblob_subjectivity', 'news_sentiment']
    """
    options = ScoreOptions(families=families)
    return [column for m in _check_measures(measures) for column in get_measure(m).column_names(options)]


def _reason(value) -> str:
    """Why a text cannot be scored ("" when it can)."""
    if not isinstance(value, str):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            return "missing text"
        return f"not a string ({type(value).__name__})"
    if not value.strip():
        return "empty text"
    if not _HAS_WORD.search(value):
        return "no words"
    return ""


def _language(value: str) -> str:
    """The guessed language of a usable text: "" (undecided) unless the words clearly say which.

    Three function words and a lead of two over the next language: short English tweets ("No
    Collusion, No Obstruction!", "Amir al-Sabah") are not taken for another language.
    """
    return guess_language(value, **_GUESS)


def _languages(values: list[str]) -> list[str]:
    """``_language`` of each usable text, counted for all of them at once."""
    return _guess_languages(values, **_GUESS)


def _require_text_column(data: pd.DataFrame, text: str, *, what: str = "data") -> None:
    require_columns(data, [text], what=what)
    if (data.columns == text).sum() > 1:
        raise ColumnError(
            f"{what} has {(data.columns == text).sum()} columns named {text!r}; keep one "
            f"(data.loc[:, ~data.columns.duplicated()]) or rename the others."
        )


def _resolve_cue(data: pd.DataFrame, cue):
    if cue is False:
        return None
    if cue is None:
        return "cue" if "cue" in data.columns else None
    require_columns(data, [cue], what="data (cue column)")
    return cue


def score(data: pd.DataFrame, *, text: str = "text", measures=MEASURES, cue=None,
          families: Sequence[str] | None = None, engine: str = "fast") -> pd.DataFrame:
    """Add score columns ``<measure>_<field>`` to a copy of ``data``.

    Parameters
    ----------
    data : DataFrame
        Any frame with a text column: documents, ``framing.voices`` segments, sentences.
    text : str
        The text column.
    measures : sequence of str
        Names of registered measures (``framing.measures.measure_names()``; add your own with
        ``framing.measures.register_measure``). Built in: ``textblob``: ``textblob_polarity``, ``textblob_subjectivity``; ``vader``:
        ``vader_compound``, ``vader_pos``, ``vader_neg``, ``vader_neu`` (both identical to the
        libraries); ``cues``: ``cue_<family>`` per 100 words and ``cue_n_words`` (the word
        count, 0 for unusable text); ``news``:
        ``news_sentiment``, the human-rating model (-4..+4 scale); ``news_embedding`` (optional,
        never by default; needs ``pip install "framing[embeddings]"``):
        ``news_embedding_sentiment``, the sentence-embedding model on the same scale.
    cue : str, None or False
        Column with each row's attribution cue ("said", "claimed"); the attribution families
        are then counted in the cue, not the text (NaN for rows without a cue). Default: the
        ``cue`` column when the frame has one (voices output), else none. ``False``: never.
    families : sequence of str, optional
        Cue families to count (default all, see ``framing.cues.CUE_FAMILIES``).
    engine : {"fast", "library"}
        TextBlob/VADER implementation (identical numbers; "library" calls the libraries).

    Returns
    -------
    DataFrame
        ``data`` with the score columns and ``score_reason`` ("" when scored; else why the row
        has NaN scores: "missing text", "empty text", "no words", "not a string (...)", or
        "language 'es' not covered by textblob, ..." for text in a language the named measures do
        not cover: those measures' columns are NaN, with a warning).
        Rows are never dropped or reordered.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import score
    >>> frame = pd.DataFrame({"text": ["Talks collapsed.", "", "We made great progress!"]})
    >>> scored = score(frame, measures=["vader"])
    >>> scored[["vader_compound", "score_reason"]].to_dict("list")
    {'vader_compound': [-0.2732, nan, 0.8016], 'score_reason': ['', 'empty text', '']}
    """
    if (routed := route(score, locals())) is not NotImplemented:  # Dask frame or cache: framing._dispatch
        return routed
    with collector_paused():
        return _score(data, text=text, measures=measures, cue=cue, families=families, engine=engine)


def _score(data, *, text, measures, cue, families, engine) -> pd.DataFrame:
    """``score`` on one in-memory frame."""
    clock = _Clock()
    require_frame(data)
    _require_text_column(data, text)
    measures = _check_measures(measures)
    cue_column = _resolve_cue(data, cue) if "cues" in measures else None
    options = ScoreOptions(families=families, engine=engine, cue_column=cue_column)
    values = data[text].tolist()
    reasons = [_reason(v) for v in values]
    ok = np.array([not r for r in reasons], dtype=bool)
    clock.lap("checks")
    # Score each distinct text once; many corpora repeat sentences (boilerplate, retweets).
    position: dict[str, int] = {}
    inverse = np.array([position.setdefault(v, len(position)) for v, good in zip(values, ok) if good], dtype=np.intp)
    unique = list(position)
    del position
    with shared_tokens(unique):  # every measure starts from the same whitespace split: done once
        clock.lap("dedupe")
        languages = np.array(_languages(unique), dtype=object)
        row_of = np.full(len(values), len(unique), dtype=np.intp)  # each row's distinct text
        row_of[ok] = inverse
        row_language = np.full(len(values), "", dtype=object)
        row_language[ok] = languages[inverse]
        clock.lap("language")
        language_list = languages.tolist()
        distinct_languages = set(language_list)
        columns_out: dict[str, np.ndarray] = {}
        uncovered: dict[str, list[str]] = {}
        subsets: dict[bytes, list[str]] = {}  # measures covering the same texts get the same list
        for name in measures:
            measure = get_measure(name)
            columns = measure.column_names(options)
            covers = {lang: measure.covers(lang) for lang in distinct_languages}   # (once per language, not per text)
            covered = np.fromiter(map(covers.__getitem__, language_list), dtype=bool, count=len(language_list))
            table = np.full((len(unique) + 1, len(columns)), np.nan)  # the last row: for unusable rows
            if covered.any():
                key = covered.tobytes()
                if key not in subsets:
                    subsets[key] = unique if covered.all() else [t for t, c in zip(unique, covered) if c]
                texts = subsets[key]
                scored = measure.score(texts, options)
                scored = scored[columns] if isinstance(scored, pd.DataFrame) else scored
                table[:-1][covered] = np.asarray(scored, dtype=float).reshape(len(texts), len(columns))
                del scored
            full = table[row_of]  # one take, no temporary (the cue table is ~60 MB)
            del table
            measured = ok.copy()
            measured[ok] = covered[inverse]
            if measure.finish is not None:
                result = pd.DataFrame(full, columns=columns, index=data.index)
                measure.finish(result, data, measured, options)
                for column in result.columns:
                    columns_out[column] = result[column].to_numpy()  # positional: the index may repeat labels
            else:  # no frame needed (a frame per measure is a fixed cost per call)
                columns_out.update(zip(columns, full.T))
            for lang in set(row_language[ok & ~measured]):
                uncovered.setdefault(lang, []).append(name)
            clock.lap(name)
    for i in np.flatnonzero(ok):
        skipped = uncovered.get(row_language[i])
        if skipped:
            reasons[i] = f"language {row_language[i]!r} not covered by {', '.join(skipped)}"
    n_other = sum(r.startswith("language") for r in reasons)
    if n_other:
        warnings.warn(
            f"{n_other} text(s) look like another language than the measures cover "
            f"({', '.join(sorted(l for l in uncovered if l))}): their scores are NaN and score_reason says why. "
            "Translate them, or score them with a measure that covers the language.",
            UserWarning, stacklevel=3,
        )
    columns_out[_REASON] = np.array(reasons, dtype=object)
    out = _with_columns(data, columns_out)
    clock.lap("assemble")
    clock.publish()
    return out


def _with_columns(data: pd.DataFrame, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A copy of ``data`` with these columns: existing ones replaced in place, new ones appended.

    One ``concat`` instead of a ``__setitem__`` per column: setting 60 columns one by one cost
    ~50 ms per call, whatever the number of rows.
    """
    existing = [c for c in columns if c in data.columns]
    out = data.copy()
    for column in existing:
        out[column] = columns[column]
    new = {c: v for c, v in columns.items() if c not in data.columns}
    if new:
        attrs = out.attrs
        out = pd.concat([out, pd.DataFrame(new, index=data.index)], axis=1)
        out.attrs = attrs
    return out


#: Seconds per stage of the last ``score`` call in this process (``benchmarks/`` read it):
#: ``checks``, ``dedupe`` (with the texts' split in tokens), ``language``, one entry per measure, ``assemble``.
_LAST_STAGES: dict[str, float] = {}
_now = time.perf_counter


class _Clock:
    """Lap times of the stages of one ``score`` call."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._last = _now()

    def lap(self, stage: str) -> None:
        now = _now()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now

    def publish(self) -> None:
        _LAST_STAGES.clear()
        _LAST_STAGES.update(self.seconds)


# ------------------------------------------------------------------------------- receipts


def _receipt(text_value, measures, cue_value, families) -> list[dict]:
    if _reason(text_value):
        return []
    options = ScoreOptions(families=families, cue=cue_value)
    language = _language(text_value)
    rows: list[dict] = []
    for name in measures:
        measure = get_measure(name)
        if measure.receipt is not None and measure.covers(language):
            rows += measure.receipt(text_value, options)
    return rows


def explain(data_or_text, *, row=None, text: str = "text", measures=MEASURES, cue=None,
            families: Sequence[str] | None = None) -> pd.DataFrame:
    """The receipt: every token or phrase that contributed to each score.

    Parameters
    ----------
    data_or_text : str or DataFrame
    row : index label or list of labels, optional
        Rows of the frame to explain (default all rows; keep frames small).
    text, cue, families
        As in :func:`score`.
    measures : sequence of str
        As in :func:`score`.

    Returns
    -------
    DataFrame
        One row per contribution: ``measure, field, token, start, end, weight, share,
        modifier`` (and ``row`` for frames). ``start``/``end`` index the text (-1 when the
        feature is not a span, e.g. a lexicon feature of the news model). ``weight`` is the
        token's score after modifiers; ``share`` its part of the final score (TextBlob: weight
        divided by the number of assessments; cues: 100 / words; news: its additive
        contribution; VADER: NaN, its compound is ``s / sqrt(s**2 + 15)`` of the summed
        weights; news_embedding: words carry their occlusion effect as weight and NaN share,
        the embedding, lexicon and intercept parts their additive share). ``modifier`` names
        negation, intensifier, caps, "but", exclamation...

    Examples
    --------
    >>> from framing import explain
    >>> receipt = explain("The talks were not good.", measures=["vader"])
    >>> receipt[["token", "start", "end", "weight", "modifier"]].to_dict("records")
    [{'token': 'good', 'start': 19, 'end': 23, 'weight': -1.406, 'modifier': 'negation'}]
    """
    measures = _check_measures(measures)
    if isinstance(data_or_text, str):
        if cue is not None and not isinstance(cue, str):
            raise FramingError("for a single text, pass cue= as the cue string (e.g. 'claimed').")
        frame = pd.DataFrame(_receipt(data_or_text, measures, cue, families), columns=list(RECEIPT_COLUMNS))
        return frame
    require_frame(data_or_text, what="data_or_text")
    _require_text_column(data_or_text, text, what="data_or_text")
    cue_column = _resolve_cue(data_or_text, cue)
    labels = list(data_or_text.index) if row is None else ([row] if np.isscalar(row) else list(row))
    missing = [label for label in labels if label not in data_or_text.index]
    if missing:
        raise ColumnError(f"row(s) {missing} not in the frame's index (first labels: {list(data_or_text.index[:5])}).")
    records = []
    for label in labels:
        for _, record in data_or_text.loc[[label]].iterrows():  # every row when a label repeats
            cue_value = record[cue_column] if cue_column is not None else None
            for r in _receipt(record[text], measures, cue_value, families):
                records.append({"row": label, **r})
    return pd.DataFrame(records, columns=["row", *RECEIPT_COLUMNS])


# ------------------------------------------------------------------------------ highlight


class HighlightHTML(str):
    """HTML markup that notebooks render (``_repr_html_``); it is also a plain string."""

    def _repr_html_(self) -> str:
        return str(self)


_FAMILY_STYLE = "border-bottom:2px solid #6a51a3"


def highlight_html(data_or_text, *, row=None, text: str = "text", measures=("vader", "cues"), cue=None,
                   families: Sequence[str] | None = None) -> HighlightHTML:
    """Highlight the receipt in the text: positive words green, negative red, cues underlined.

    Hover a highlighted span to see every contribution (measure, field, weight, modifier).

    Parameters
    ----------
    data_or_text : str or DataFrame
    row : index label, optional
        With a frame: the row to show (default the first).
    text, measures, cue, families
        As in :func:`explain`.

    Returns
    -------
    HighlightHTML
        A ``str`` of HTML; notebooks display it.

    Examples
    --------
    >>> from framing import highlight_html
    >>> markup = highlight_html("A brutal attack.", measures=["vader"])
    >>> "<mark" in markup and "brutal" in markup
    True
    """
    if isinstance(data_or_text, str):
        body, receipt = data_or_text, explain(data_or_text, measures=measures, cue=cue, families=families)
    else:
        require_frame(data_or_text, what="data_or_text")
        label = data_or_text.index[0] if row is None else row
        one = data_or_text.loc[[label]].iloc[[0]]  # the first row with that label
        body = one[text].iloc[0]
        receipt = explain(one, text=text, measures=measures, cue=cue, families=families)
        body = body if isinstance(body, str) else ""
        receipt = receipt[~receipt["modifier"].str.contains("in cue")]
    spans = receipt[(receipt["start"] >= 0) & (receipt["end"] > receipt["start"])]
    cuts = sorted({0, len(body), *spans["start"].tolist(), *spans["end"].tolist()})
    pieces = []
    for a, b in pairwise(cuts):
        piece = html.escape(body[a:b])
        covering = spans[(spans["start"] <= a) & (spans["end"] >= b)]
        if covering.empty:
            pieces.append(piece)
            continue
        sentiment = covering[covering["measure"].isin(["textblob", "vader", "news", "news_embedding"])]
        weight = float(sentiment["weight"].sum()) if not sentiment.empty else 0.0
        style = []
        if weight > 0:
            style.append("background:#c7e9c0")
        elif weight < 0:
            style.append("background:#fcbba1")
        else:
            style.append("background:transparent")
        if (covering["measure"] == "cues").any():
            style.append(_FAMILY_STYLE)
        title = "; ".join(
            f"{m}:{f} {w:+.3g}{' (' + mod + ')' if mod else ''}"
            for m, f, w, mod in covering[["measure", "field", "weight", "modifier"]].itertuples(index=False)
        )
        pieces.append(f'<mark style="{";".join(style)}" title="{html.escape(title)}">{piece}</mark>')
    legend = ('<div style="font-size:smaller;color:#555">green: positive, red: negative, '
              'underlined: framing cue; hover for weights</div>')
    return HighlightHTML(f'<div class="framing-highlight" style="line-height:1.6">{"".join(pieces)}</div>{legend}')
