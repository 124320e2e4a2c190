"""Score any frame with a text column, and show the receipt behind every score.

``score`` adds ``<measure>_<field>`` columns (``textblob_polarity``, ``vader_compound``,
``cue_conflict``, ``news_sentiment`` ...) to a copy of the frame; ``explain`` lists, for one row
or one text, the words and phrases that produced each score, with offsets, weights and
modifiers; ``highlight_html`` shows them in a notebook.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import pandas as pd

from ._checks import require_columns, require_frame
from ._dispatch import route
from .cues import ATTRIBUTION_FAMILIES, CUE_FAMILIES, _scan, cue_counts
from .errors import ColumnError, FramingError
from .embedding_model import load_embedding_model
from .model import load_news_model
from .sentiment import SENTIMENT_FIELDS, sentiment_scores, textblob_receipt, vader_receipt

__all__ = ["MEASURES", "OPTIONAL_MEASURES", "RECEIPT_COLUMNS", "explain", "highlight_html", "score", "score_columns"]

#: Measures ``score`` knows, in column order.
MEASURES = ("textblob", "vader", "cues", "news")
#: Measures that need an extra (never in the default): ``news_embedding`` needs ``framing[embeddings]``.
OPTIONAL_MEASURES = ("news_embedding",)
#: Columns of an ``explain`` receipt.
RECEIPT_COLUMNS = ("measure", "field", "token", "start", "end", "weight", "share", "modifier")
_REASON = "score_reason"
_HAS_WORD = re.compile(r"[^\W_]")


def _check_measures(measures) -> tuple[str, ...]:
    if isinstance(measures, str):
        measures = (measures,)
    measures = tuple(measures)
    unknown = [m for m in measures if m not in MEASURES + OPTIONAL_MEASURES]
    if unknown or not measures:
        raise FramingError(f"unknown measure(s) {unknown or measures}; choose from {list(MEASURES + OPTIONAL_MEASURES)}.")
    return measures


def score_columns(measures=MEASURES, *, families: Sequence[str] | None = None) -> list[str]:
    """The columns ``score`` adds for these measures (before ``score_reason``).

    Examples
    --------
    >>> from framing import score_columns
    >>> score_columns(["textblob", "news"])
    ['textblob_polarity', 'textblob_subjectivity', 'news_sentiment']
    """
    columns = []
    for m in _check_measures(measures):
        if m in SENTIMENT_FIELDS:
            columns += [f"{m}_{f}" for f in SENTIMENT_FIELDS[m]]
        elif m == "cues":
            columns += [f"cue_{f}" for f in (CUE_FAMILIES if families is None else families)] + ["cue_n_words"]
        elif m == "news_embedding":
            columns.append("news_embedding_sentiment")
        else:
            columns.append("news_sentiment")
    return columns


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
    measures : sequence of {"textblob", "vader", "cues", "news"}
        ``textblob``: ``textblob_polarity``, ``textblob_subjectivity``; ``vader``:
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
        has NaN scores: "missing text", "empty text", "no words", "not a string (...)").
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
    require_frame(data)
    require_columns(data, [text], what="data")
    measures = _check_measures(measures)
    cue_column = _resolve_cue(data, cue) if "cues" in measures else None
    out = data.copy()
    values = out[text].tolist()
    reasons = [_reason(v) for v in values]
    ok = np.array([not r for r in reasons], dtype=bool)
    good_texts = [v for v, good in zip(values, ok) if good]
    # Score each distinct text once; many corpora repeat sentences (boilerplate, retweets).
    unique, inverse = np.unique(np.array(good_texts, dtype=object), return_inverse=True) if good_texts else ([], [])
    unique = list(unique)
    parts = []
    sentiment_measures = [m for m in measures if m in SENTIMENT_FIELDS]
    need_sentiment = sentiment_measures or "news" in measures or "news_embedding" in measures
    sentiments = sentiment_scores(unique, engine=engine) if need_sentiment else None
    if sentiment_measures:
        keep = [f"{m}_{f}" for m in sentiment_measures for f in SENTIMENT_FIELDS[m]]
        parts.append(sentiments[keep])
    if "cues" in measures:
        # cue-dependent families are filled per row below; here the text-only counts
        parts.append(cue_counts(unique, families=families))
    if "news" in measures:
        news = load_news_model().predict(unique, sentiments=sentiments) if unique else np.zeros(0)
        parts.append(pd.DataFrame({"news_sentiment": news}))
    if "news_embedding" in measures:
        embedded = load_embedding_model().predict(unique, sentiments=sentiments) if unique else np.zeros(0)
        parts.append(pd.DataFrame({"news_embedding_sentiment": embedded}))
    columns = score_columns(measures, families=families)
    table = pd.concat(parts, axis=1)[columns] if unique else pd.DataFrame(columns=columns, dtype=float)
    full = np.full((len(values), len(columns)), np.nan)
    if unique:
        full[ok] = table.to_numpy(dtype=float)[np.asarray(inverse).ravel()]
    result = pd.DataFrame(full, columns=columns, index=out.index)
    if "cue_n_words" in result:
        result["cue_n_words"] = result["cue_n_words"].fillna(0).astype(np.int64)
    if cue_column is not None:
        on_cue = [f for f in (CUE_FAMILIES if families is None else families) if f in ATTRIBUTION_FAMILIES]
        if on_cue:
            counts = cue_counts(["x"] * len(values), cues=out[cue_column].tolist(), families=on_cue)
            for f in on_cue:
                column = counts[f"cue_{f}"].to_numpy()
                result[f"cue_{f}"] = np.where(ok, column, np.nan)
    for column in columns:
        out[column] = result[column].to_numpy()  # positional: the index may repeat labels
    out[_REASON] = reasons
    return out


# ------------------------------------------------------------------------------- receipts


def _news_receipt(text_value: str) -> list[dict]:
    table = load_news_model().explain(text_value)
    lowered = text_value.lower()
    rows = []
    for feature, kind, contribution in table[["feature", "kind", "contribution"]].itertuples(index=False):
        if kind == "word":
            match = re.search(r"(?<!\w)" + r"\W+".join(map(re.escape, feature.split())) + r"(?!\w)", lowered)
            start, end = (match.start(), match.end()) if match else (-1, -1)
            token = text_value[start:end] if match else feature
        else:
            start, end, token = -1, -1, feature
        rows.append({"measure": "news", "field": "sentiment", "token": token, "start": start, "end": end,
                     "weight": float(contribution), "share": float(contribution), "modifier": kind})
    return rows


def _news_embedding_receipt(text_value: str) -> list[dict]:
    # words: occlusion effects (weight; they do not add up, so share is NaN); the rest: additive parts
    return [
        {"measure": "news_embedding", "field": "sentiment", "token": feature, "start": start, "end": end,
         "weight": contribution, "share": np.nan if kind == "word" else contribution,
         "modifier": "occlusion" if kind == "word" else kind}
        for feature, kind, start, end, contribution in load_embedding_model()
        .explain(text_value)[["feature", "kind", "start", "end", "contribution"]].itertuples(index=False)
    ]


def _cue_receipt(text_value: str, cue_value, families) -> list[dict]:
    families = tuple(CUE_FAMILIES if families is None else families)
    on_cue = [f for f in families if f in ATTRIBUTION_FAMILIES] if cue_value is not None else []
    matches, n = _scan(text_value, [f for f in families if f not in on_cue])
    rows = [
        {"measure": "cues", "field": m["family"], "token": m["token"], "start": m["start"], "end": m["end"],
         "weight": 100.0 / n, "share": 100.0 / n, "modifier": m["modifier"]}
        for m in matches
    ]
    if on_cue and isinstance(cue_value, str) and cue_value.strip():
        for m in _scan(cue_value, on_cue)[0]:
            # offsets refer to the cue text, not the segment: say so in the modifier
            rows.append({"measure": "cues", "field": m["family"], "token": m["token"], "start": m["start"],
                         "end": m["end"], "weight": 1.0, "share": 1.0,
                         "modifier": "+".join(filter(None, ["in cue", m["modifier"]]))})
    return rows


def _receipt(text_value, measures, cue_value, families) -> list[dict]:
    if _reason(text_value):
        return []
    rows: list[dict] = []
    for measure in measures:
        if measure == "textblob":
            rows += textblob_receipt(text_value)
        elif measure == "vader":
            rows += [{k: r[k] for k in RECEIPT_COLUMNS} for r in vader_receipt(text_value)]
        elif measure == "cues":
            rows += _cue_receipt(text_value, cue_value, families)
        elif measure == "news_embedding":
            rows += _news_embedding_receipt(text_value)
        else:
            rows += _news_receipt(text_value)
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
    require_columns(data_or_text, [text], what="data_or_text")
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
