"""The registry of measures that :func:`framing.score` and :func:`framing.explain` run.

A measure is one :class:`Measure` object: its name, the columns it adds, a function that scores
a list of texts, an optional function that gives the receipt of one text, and the languages it
covers. Adding a measure (a frame classifier applied per voice, a user's own lexicon) is
``register_measure(Measure(...))``; nothing else in the kit changes.

Contract of the two functions (``options`` is a :class:`ScoreOptions`):

* ``score(texts, options)`` gets the distinct usable texts (strings with at least one word) and
  returns a DataFrame (or 2-D array) with one row per text and the measure's columns in order.
* ``receipt(text, options)`` returns a list of dicts with the keys of
  ``framing.scoring.RECEIPT_COLUMNS`` (``measure, field, token, start, end, weight, share,
  modifier``), offsets into ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .cues import ATTRIBUTION_FAMILIES, CUE_FAMILIES, _counts_in_cues, _cue_table, _scan
from .embedding_model import load_embedding_model
from .errors import FramingError
from .model import load_news_model
from .sentiment import SENTIMENT_FIELDS, _sentiment_rows, textblob_receipt, vader_receipt

__all__ = ["Measure", "ScoreOptions", "get_measure", "measure_names", "register_measure", "unregister_measure"]


@dataclass
class ScoreOptions:
    """What a measure may need besides the texts: the options of ``score`` and shared work.

    ``sentiments(texts, measures)`` returns the TextBlob and/or VADER scores of ``texts``; each
    (measure, text) is computed once per ``score`` call, whichever list of texts it comes in, so
    the ``textblob``, ``vader`` and ``news`` measures share the work.
    """

    families: Sequence[str] | None = None
    engine: str = "fast"
    cue_column: str | None = None  # score: the column of attribution cues
    cue: object = None  # explain: the row's attribution cue
    _sentiments: dict = field(default_factory=dict, repr=False)  # measure -> {text: row}
    _last: dict = field(default_factory=dict, repr=False)  # measure -> (texts list, its array)

    def sentiments(self, texts: list[str], measures: Sequence[str] = ("textblob", "vader")) -> pd.DataFrame:
        parts = [self._sentiment_array(texts, m) for m in measures]
        columns = [f"{m}_{f}" for m in measures for f in SENTIMENT_FIELDS[m]]
        return pd.DataFrame(np.hstack(parts), columns=columns)

    def _sentiment_array(self, texts: list[str], measure: str) -> np.ndarray:
        """``measure``'s fields for ``texts`` (rows), each distinct text computed once per call."""
        last = self._last.get(measure)
        if last is not None and last[0] is texts:  # score hands the same list to every measure
            return last[1]
        known = self._sentiments.setdefault(measure, {})
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            rows = _sentiment_rows(missing, measure, self.engine)
            known.update(zip(missing, rows.tolist()))
        if missing and len(missing) == len(texts):  # distinct texts, none known before: in order
            values = rows
        else:
            values = np.array(list(map(known.__getitem__, texts)), dtype=float).reshape(len(texts), -1)
        self._last[measure] = (texts, values)
        return values

    def _sentiment_columns(self, texts: list[str]) -> dict[str, np.ndarray]:
        """All six sentiment columns of ``texts`` as arrays (what the news models read)."""
        return {f"{m}_{f}": column for m in SENTIMENT_FIELDS
                for f, column in zip(SENTIMENT_FIELDS[m], self._sentiment_array(texts, m).T)}


@dataclass(frozen=True)
class Measure:
    """One measure: name, columns, score function, receipt function, languages.

    Parameters
    ----------
    name : str
        What ``score(measures=[...])`` calls it.
    columns : sequence of str, or callable
        The columns it adds (``<name>_<field>`` by convention), or ``columns(options)``
        returning them when they depend on options (the cue families).
    score : callable
        ``score(texts, options) -> DataFrame or array`` on the distinct usable texts.
    receipt : callable, optional
        ``receipt(text, options) -> list of dict`` (see the module notes); ``None`` when the
        measure has no receipt (``explain`` then gives no rows for it).
    languages : tuple of str, optional
        Languages the measure covers (``("en",)``); texts guessed to be in another language
        get NaN from it and a ``score_reason``. ``None``: any language.
    finish : callable, optional
        ``finish(result, data, ok, options)`` adjusts the full result per row after scoring
        (``data`` is the caller's frame: read it, never change it)
        (the cue families read each row's attribution cue).
    description : str

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import score
    >>> from framing.measures import Measure, register_measure, unregister_measure
    >>> length = Measure("length", ["length_chars"], lambda texts, options: [[len(t)] for t in texts],
    ...                  languages=None)
    >>> _ = register_measure(length)
    >>> score(pd.DataFrame({"text": ["Talks resumed."]}), measures=["length"])["length_chars"].tolist()
    [14.0]
    >>> unregister_measure("length")
    """

    name: str
    columns: Sequence[str] | Callable
    score: Callable
    receipt: Callable | None = None
    languages: tuple[str, ...] | None = ("en",)
    finish: Callable | None = None
    description: str = ""

    def column_names(self, options: ScoreOptions | None = None) -> list[str]:
        """The columns this measure adds under ``options``."""
        columns = self.columns(options or ScoreOptions()) if callable(self.columns) else self.columns
        return list(columns)

    def covers(self, language: str) -> bool:
        """True when the measure is valid for text in ``language`` ("" = undecided: assumed covered)."""
        return self.languages is None or not language or language in self.languages


_REGISTRY: dict[str, Measure] = {}


def register_measure(measure: Measure, *, replace: bool = False) -> Measure:
    """Add a measure to the registry (``replace=True`` to overwrite one of the same name)."""
    if not isinstance(measure, Measure):
        raise FramingError(f"register_measure takes a framing.measures.Measure, got {type(measure).__name__}.")
    if measure.name in _REGISTRY and not replace:
        raise FramingError(f"a measure named {measure.name!r} is registered; pass replace=True to overwrite it.")
    if not re.fullmatch(r"[A-Za-z_][\w]*", measure.name):
        raise FramingError(f"measure names are identifiers (letters, digits, _), got {measure.name!r}.")
    _REGISTRY[measure.name] = measure
    return measure


def unregister_measure(name: str) -> None:
    """Remove a measure added with :func:`register_measure` (built-in measures stay)."""
    if name in _BUILTIN:
        raise FramingError(f"{name!r} is a built-in measure and cannot be removed.")
    _REGISTRY.pop(name, None)


def get_measure(name: str) -> Measure:
    """The registered measure ``name`` (a ``FramingError`` lists the known ones)."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise FramingError(f"unknown measure(s) [{name!r}]; choose from {measure_names()}.") from None


def measure_names() -> list[str]:
    """Names of the registered measures, built-ins first."""
    return list(_REGISTRY)


# ------------------------------------------------------------------------ built-in measures


def _sentiment_measure(name: str, receipt) -> Measure:
    columns = [f"{name}_{f}" for f in SENTIMENT_FIELDS[name]]
    return Measure(name, columns, lambda texts, options: options._sentiment_array(texts, name), receipt,
                   description=f"{name} sentiment (identical to the library)")


def _vader_receipt(text: str, options) -> list[dict]:
    from .scoring import RECEIPT_COLUMNS

    return [{k: r[k] for k in RECEIPT_COLUMNS} for r in vader_receipt(text)]


def _cue_columns(options) -> list[str]:
    families = CUE_FAMILIES if options.families is None else options.families
    return [f"cue_{f}" for f in families] + ["cue_n_words"]


def _cue_finish(result: pd.DataFrame, data: pd.DataFrame, ok: np.ndarray, options) -> None:
    """Attribution families counted in each row's cue (NaN without one), not in the text."""
    result["cue_n_words"] = result["cue_n_words"].fillna(0).astype(np.int64)
    if options.cue_column is None:
        return
    on_cue = [f for f in (CUE_FAMILIES if options.families is None else options.families) if f in ATTRIBUTION_FAMILIES]
    if on_cue:
        counts = _counts_in_cues(data[options.cue_column].tolist(), on_cue)
        for k, f in enumerate(on_cue):
            result[f"cue_{f}"] = np.where(ok, counts[:, k], np.nan)


def _cue_rates(texts: list[str], options) -> np.ndarray:
    """``cue_counts(texts)`` as one array (no frame: a fixed cost per call)."""
    values, n_words = _cue_table(texts, tuple(CUE_FAMILIES if options.families is None else options.families))
    return np.column_stack([values, n_words])


def _cue_receipt(text_value: str, options) -> list[dict]:
    families = tuple(CUE_FAMILIES if options.families is None else options.families)
    cue_value = options.cue
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


def _news_receipt(text_value: str, options) -> list[dict]:
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


def _news_embedding_receipt(text_value: str, options) -> list[dict]:
    # words: occlusion effects (weight; they do not add up, so share is NaN); the rest: additive parts
    return [
        {"measure": "news_embedding", "field": "sentiment", "token": feature, "start": start, "end": end,
         "weight": contribution, "share": np.nan if kind == "word" else contribution,
         "modifier": "occlusion" if kind == "word" else kind}
        for feature, kind, start, end, contribution in load_embedding_model()
        .explain(text_value)[["feature", "kind", "start", "end", "contribution"]].itertuples(index=False)
    ]


def _news(texts, options) -> pd.DataFrame:
    return load_news_model().predict(texts, sentiments=options._sentiment_columns(texts))[:, None]


def _news_embedding(texts, options) -> pd.DataFrame:
    values = load_embedding_model().predict(texts, sentiments=options._sentiment_columns(texts))
    return pd.DataFrame({"news_embedding_sentiment": values})


_BUILTIN = (
    _sentiment_measure("textblob", lambda text, options: textblob_receipt(text)),
    _sentiment_measure("vader", _vader_receipt),
    Measure("cues", _cue_columns, lambda texts, options: _cue_rates(texts, options),
            _cue_receipt, finish=_cue_finish, description="framing-cue families per 100 words"),
    Measure("news", ["news_sentiment"], _news, _news_receipt, description="human-rating news sentiment model"),
    Measure("news_embedding", ["news_embedding_sentiment"], _news_embedding, _news_embedding_receipt,
            description="sentence-embedding news sentiment model (framing[embeddings])"),
)
for _measure in _BUILTIN:
    register_measure(_measure)
_BUILTIN = tuple(m.name for m in _BUILTIN)
