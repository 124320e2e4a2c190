"""A news-sentiment model trained on human ratings (VADER ground truth), shipped as JSON.

The model predicts the mean human sentiment rating of a sentence (the VADER ground-truth scale,
-4..+4) from

* TF-IDF word unigrams and bigrams (scikit-learn's default word pattern, lower case,
  sublinear tf, l2-normalised rows), and
* seven lexicon features: VADER compound/pos/neg/neu, TextBlob polarity/subjectivity and the log
  of the word count (standardised).

It is a ridge regression fitted on the NYT editorial sentences (weight 1) plus the tweet, movie
and Amazon snippets (weight ``other_weight``). Everything it needs (vocabulary, idf, weights,
feature means and scales) lives in ``framing/data/models/news_sentiment.json``: no pickle.
:func:`build_news_model` rebuilds it offline from the corpus; the same data and settings give
the same file. Every prediction is a sum of per-feature contributions, so
:meth:`NewsSentimentModel.explain` lists the words and lexicon features behind a score.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import Counter
from functools import lru_cache
from itertools import repeat

import numpy as np
import pandas as pd

from ._batch import token_counts, tokens
from ._data import data_file
from ._checks import require_columns
from .errors import FramingError
from .sentiment import sentiment_scores

__all__ = [
    "NewsSentimentModel",
    "build_news_model",
    "load_news_model",
    "news_sentiment",
]

logger = logging.getLogger(__name__)

_MODEL_RESOURCE = ("models", "news_sentiment.json")
_DENSE = (
    "vader_compound",
    "vader_pos",
    "vader_neg",
    "vader_neu",
    "textblob_polarity",
    "textblob_subjectivity",
    "log_words",
)
_CHUNK = 4096
_WORD_PATTERN = r"(?u)\b\w\w+\b"  # scikit-learn's default token_pattern
_TOKEN_WORDS = re.compile(_WORD_PATTERN).findall
# min_df=5 keeps 14k terms: the same cross-validated r as min_df=2 (0.561) at a third of the size.
_DEFAULTS = {"alpha": 3.0, "other_weight": 0.1, "min_df": 5, "ngram_range": (1, 2)}


def _words_of_token(token: str) -> list[str]:
    """The analyzer's words (``_WORD_PATTERN`` on lower case) of one whitespace-separated
    token: no word spans whitespace, so a text's words are its tokens' words in turn."""
    if token.isascii() and token.isalnum():  # one word (most tokens)
        return [token.lower()] if len(token) > 1 else []
    return _TOKEN_WORDS(token.lower())


def _vectorizer(ngram_range, min_df=1, vocabulary=None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        ngram_range=tuple(ngram_range),
        min_df=min_df,
        sublinear_tf=True,
        lowercase=True,
        vocabulary=vocabulary,
        dtype=np.float64,
    )


def _dense_features(texts: list[str], sentiments: pd.DataFrame | None) -> np.ndarray:
    if sentiments is None:
        sentiments = sentiment_scores(texts)
    word_counts = token_counts(texts).astype(float)
    values = [np.asarray(sentiments[c], dtype=float) for c in _DENSE[:-1]]  # a frame or a dict of arrays
    return np.column_stack(values + [np.log1p(word_counts)])


def _row_norms(weights: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """``sqrt(w @ w)`` of each row ``weights[a:b]`` (1.0 for an empty row). Rows of one length
    go through ``np.vecdot`` together, which runs numpy's dot of two vectors on each row: the
    same floats as ``w @ w`` row by row (``tests/test_model.py`` checks it)."""
    lengths = np.diff(bounds)
    norms = np.ones(len(lengths))
    if not hasattr(np, "vecdot"):  # numpy < 2
        for row in np.flatnonzero(lengths).tolist():
            w = weights[bounds[row]:bounds[row + 1]]
            norms[row] = math.sqrt(float(w @ w))
        return norms
    for length in np.unique(lengths[lengths > 0]).tolist():
        rows = np.flatnonzero(lengths == length)
        block = weights[bounds[rows][:, None] + np.arange(length)]
        norms[rows] = np.sqrt(np.vecdot(block, block))
    return norms


class NewsSentimentModel:
    """A fitted news-sentiment model (load it with :func:`load_news_model`).

    Parameters
    ----------
    params : dict
        The JSON-ready description: ``terms`` (one per column), ``idf``, ``coef_words``,
        ``coef_dense``, ``dense_mean``, ``dense_scale``, ``intercept``, ``ngram_range``,
        ``settings`` and ``training``.

    Examples
    --------
    >>> from framing.model import load_news_model
    >>> model = load_news_model()
    >>> float(model.predict(["The agreement is a welcome step."])[0]) > 0
    True
    """

    def __init__(self, params: dict):
        self.params = params
        self.vocabulary = {term: col for col, term in enumerate(params["terms"])}
        self.idf = np.asarray(params["idf"], dtype=float)
        self.coef_words = np.asarray(params["coef_words"], dtype=float)
        self.coef_dense = np.asarray(params["coef_dense"], dtype=float)
        self.dense_mean = np.asarray(params["dense_mean"], dtype=float)
        self.dense_scale = np.asarray(params["dense_scale"], dtype=float)
        self.intercept = float(params["intercept"])
        vectorizer = _vectorizer(params["ngram_range"])
        self._analyzer = vectorizer.build_analyzer()
        self._token_pattern = re.compile(vectorizer.token_pattern)
        self._ngram_range = tuple(params["ngram_range"])
        bigrams = [(*term.split(" "), col) for term, col in self.vocabulary.items() if term.count(" ") == 1]
        self._bigrams = ([a for a, _b, _c in bigrams], [b for _a, b, _c in bigrams],
                         np.array([c for _a, _b, c in bigrams], dtype=np.int64))  # first words, second words, columns

    def to_dict(self) -> dict:
        """The JSON-ready parameters (what :func:`build_news_model` writes)."""
        return self.params

    def _word_matrix(self, texts: list[str]):
        from scipy import sparse

        if self._ngram_range == (1, 2) and self._token_pattern.pattern == _WORD_PATTERN:
            cols, tfs, lengths = self._counts_by_id(texts)
        else:
            vocabulary = self.vocabulary
            known, column = vocabulary.__contains__, vocabulary.__getitem__
            cols, tfs, lengths = [], [], []
            for terms in map(self._terms, texts):
                # each row's (column, count) pairs in first-occurrence order (the norm sums in that order)
                counts = Counter(filter(known, terms))
                cols.extend(map(column, counts))
                tfs.extend(counts.values())
                lengths.append(len(counts))
        idx = np.asarray(cols, dtype=np.int64)
        # element-wise, so the same floats as row by row: (1 + log tf) * idf, then / the row's norm
        weights = (np.log(np.asarray(tfs, dtype=float)) + 1.0) * self.idf[idx]
        bounds = np.concatenate([[0], np.cumsum(lengths)])
        norms = _row_norms(weights, bounds)
        weights /= np.repeat(norms, lengths)
        matrix = sparse.csr_matrix((weights, idx, bounds), shape=(len(texts), len(self.idf)))
        matrix.sort_indices()  # columns in ascending order within rows, as built from COO: same sums
        return matrix

    def _counts_by_id(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per text, the vocabulary's terms (words, then bigrams) with their counts, in order of
        first occurrence, as ``Counter(filter(known, self._terms(text)))`` lists them: columns,
        counts, and the number of terms per text, for all texts at once (words as ids)."""
        n = len(texts)
        ids, n_words, distinct = tokens(texts, _words_of_token)
        word_column = np.fromiter(map(self.vocabulary.get, distinct, repeat(-1)), dtype=np.int64, count=len(distinct))
        pair_keys, pair_columns = self._bigram_keys(distinct)
        text_of = np.repeat(np.arange(n), n_words)
        first = np.repeat(np.cumsum(n_words) - n_words, n_words)
        local = np.arange(len(ids)) - first
        # bigram of each word and the next one in the same text
        has_next = np.flatnonzero(local < (n_words[text_of] - 1))
        keys = ids[has_next] * (len(distinct) + 1) + ids[has_next + 1]
        where = np.minimum(np.searchsorted(pair_keys, keys), max(len(pair_keys) - 1, 0))
        bigram_column = np.where(pair_keys[where] == keys, pair_columns[where], -1) if len(pair_keys) else \
            np.full(len(keys), -1, dtype=np.int64)
        # terms in analyzer order: a text's words, then its bigrams
        text = np.concatenate([text_of, text_of[has_next]])
        order = np.concatenate([local, n_words[text_of[has_next]] + local[has_next]])
        column = np.concatenate([word_column[ids], bigram_column])
        known = column >= 0
        text, order, column = text[known], order[known], column[known]
        sequence = np.lexsort((order, text))
        key = text[sequence] * len(self.idf) + column[sequence]
        unique, first_at, counts = np.unique(key, return_index=True, return_counts=True)
        by_first = np.argsort(first_at, kind="stable")
        unique, counts = unique[by_first], counts[by_first]
        return unique % len(self.idf), counts, np.bincount(unique // len(self.idf), minlength=n)

    def _bigram_keys(self, distinct: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Sorted keys ``first id * (len(distinct) + 1) + second id`` of the vocabulary's bigrams
        whose words are both in ``distinct``, and their columns."""
        word_id = {w: k for k, w in enumerate(distinct)}
        firsts, seconds, columns = self._bigrams
        a = np.fromiter(map(word_id.get, firsts, repeat(-1)), dtype=np.int64, count=len(firsts))
        b = np.fromiter(map(word_id.get, seconds, repeat(-1)), dtype=np.int64, count=len(seconds))
        both = (a >= 0) & (b >= 0)
        keys = a[both] * (len(distinct) + 1) + b[both]
        order = np.argsort(keys)
        return keys[order], columns[both][order]

    def _terms(self, text: str) -> list[str]:
        """The fitted vectorizer's analyzer (lower case, ``(?u)\\b\\w\\w+\\b`` words, then the
        bigrams in order) without its per-call overhead; ``tests/test_model.py`` checks it
        equals ``self._analyzer``."""
        words = self._token_pattern.findall(text.lower())
        if self._ngram_range == (1, 2):
            return words + list(map(" ".join, zip(words, words[1:])))
        return self._analyzer(text)

    def _dense(self, texts, sentiments):
        return (_dense_features(texts, sentiments) - self.dense_mean) / self.dense_scale

    def predict(self, texts, *, sentiments: pd.DataFrame | None = None) -> np.ndarray:
        """Predicted mean human rating for each text.

        Parameters
        ----------
        texts : sequence of str
        sentiments : DataFrame, optional
            Precomputed ``textblob_*``/``vader_*`` columns for the same texts (a frame or a dict
            of arrays; saves time).
        """
        texts = list(texts)
        if not texts:
            return np.zeros(0)
        # In chunks: the sparse word matrix of 100,000 sentences would otherwise cost ~0.5 GB.
        words = np.concatenate([
            self._word_matrix(texts[i:i + _CHUNK]) @ self.coef_words for i in range(0, len(texts), _CHUNK)
        ])
        return words + self._dense(texts, sentiments) @ self.coef_dense + self.intercept

    def explain(self, text: str) -> pd.DataFrame:
        """Per-feature contributions to one prediction (they sum to the prediction).

        Returns
        -------
        DataFrame
            Columns ``feature``, ``kind`` ("word", "lexicon" or "intercept"), ``value`` and
            ``contribution``, largest absolute contribution first.

        Examples
        --------
        >>> from framing.model import load_news_model
        >>> table = load_news_model().explain("A brutal and reckless attack.")
        >>> prediction = load_news_model().predict(["A brutal and reckless attack."])[0]
        >>> bool(abs(table["contribution"].sum() - prediction) < 1e-9)
        True
        """
        terms = self.params["terms"]
        row = self._word_matrix([text])
        dense = self._dense([text], None)[0]
        records = [
            {"feature": terms[c], "kind": "word", "value": v, "contribution": v * self.coef_words[c]}
            for c, v in zip(row.indices, row.data)
        ]
        records += [
            {"feature": name, "kind": "lexicon", "value": v, "contribution": v * w}
            for name, v, w in zip(_DENSE, dense, self.coef_dense)
        ]
        records.append({"feature": "(intercept)", "kind": "intercept", "value": 1.0, "contribution": self.intercept})
        table = pd.DataFrame(records)
        order = table["contribution"].abs().sort_values(ascending=False, kind="stable").index
        return table.loc[order].reset_index(drop=True)


def _fit(train: pd.DataFrame, *, alpha, other_weight, min_df, ngram_range, random_state, sentiments=None):
    """Fit on a ground-truth frame (subset, text, mean); return a NewsSentimentModel."""
    from scipy import sparse
    from sklearn.linear_model import Ridge

    texts = train["text"].tolist()
    y = train["mean"].to_numpy(dtype=float)
    weight = np.where(train["subset"].to_numpy() == "nyt", 1.0, float(other_weight))
    keep = weight > 0
    texts = [t for t, k in zip(texts, keep) if k]
    y, weight = y[keep], weight[keep]
    if sentiments is not None:
        sentiments = sentiments.loc[keep].reset_index(drop=True)
    vec = _vectorizer(ngram_range, min_df=min_df)
    words = vec.fit_transform(texts)
    dense = _dense_features(texts, sentiments)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    # A (near-)constant feature keeps scale 1: a tiny std would round to 0 in the file.
    scale[scale < 1e-6] = 1.0
    X = sparse.hstack([words, sparse.csr_matrix((dense - mean) / scale)]).tocsr()
    ridge = Ridge(alpha=alpha, solver="sparse_cg", tol=1e-8, max_iter=5000, random_state=random_state)
    ridge.fit(X, y, sample_weight=weight)
    n_words = words.shape[1]
    terms = [term for term, _col in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])]
    params = {
        "format": "framing.news_sentiment/1",
        "ngram_range": list(ngram_range),
        "terms": terms,
        "idf": [round(float(v), 8) for v in vec.idf_],
        "coef_words": [round(float(v), 8) for v in ridge.coef_[:n_words]],
        "dense_features": list(_DENSE),
        "coef_dense": [round(float(v), 8) for v in ridge.coef_[n_words:]],
        "dense_mean": [round(float(v), 8) for v in mean],
        "dense_scale": [round(float(v), 8) for v in scale],
        "intercept": round(float(ridge.intercept_), 8),
        "settings": {
            "alpha": alpha,
            "other_weight": other_weight,
            "min_df": min_df,
            "random_state": random_state,
        },
        "training": {
            "items": len(texts),
            "by_subset": {k: int(v) for k, v in train.loc[keep, "subset"].value_counts().sort_index().items()},
        },
    }
    # Round-trip through the JSON form so the fitted model and the shipped file agree exactly.
    return NewsSentimentModel(json.loads(json.dumps(params)))


def _check_ground_truth(data: pd.DataFrame | None) -> pd.DataFrame:
    """The checked ground truth (default: all four subsets from the corpora folder)."""
    if data is None:
        from .datasets.vader import load_vader_groundtruth

        data = load_vader_groundtruth()
    require_columns(data, ["subset", "text", "mean"], what="ground-truth data")
    if not (data["subset"] == "nyt").any():
        raise FramingError("ground-truth data holds no 'nyt' rows; load it with load_vader_groundtruth().")
    return data.reset_index(drop=True)


def build_news_model(data: pd.DataFrame | None = None, *, alpha: float = _DEFAULTS["alpha"],
                     other_weight: float = _DEFAULTS["other_weight"], min_df: int = _DEFAULTS["min_df"],
                     random_state: int = 0) -> NewsSentimentModel:
    """Fit the news-sentiment model on the VADER ground truth (offline, deterministic).

    Parameters
    ----------
    data : DataFrame, optional
        Ground truth as returned by :func:`framing.datasets.load_vader_groundtruth` (columns
        ``subset``, ``text``, ``mean``); default: all four subsets from the corpora folder.
    alpha : float
        Ridge penalty.
    other_weight : float
        Sample weight of the tweet, movie and Amazon items (NYT items weigh 1; 0 drops them).
    min_df : int
        Minimum document frequency of a word or bigram.
    random_state : int
        Passed to the solver; with the same data the result is identical.

    Returns
    -------
    NewsSentimentModel
        Save it with ``json.dump(model.to_dict(), file)`` (see ``scripts/build_news_model.py``).

    Examples
    --------
    >>> from framing.model import build_news_model
    >>> model = build_news_model()  # doctest: +SKIP
    """
    data = _check_ground_truth(data)
    return _fit(data, alpha=alpha, other_weight=other_weight, min_df=min_df,
                ngram_range=_DEFAULTS["ngram_range"], random_state=random_state)


@lru_cache(maxsize=1)
def load_news_model() -> NewsSentimentModel:
    """The shipped news-sentiment model (read once from package data).

    Examples
    --------
    >>> from framing.model import load_news_model
    >>> load_news_model().params["settings"]["random_state"]
    0
    """
    file = data_file(*_MODEL_RESOURCE)
    if not file.is_file():
        raise FileNotFoundError(
            f"{file} is missing: rebuild it with `python scripts/build_news_model.py`."
        )
    return NewsSentimentModel(json.loads(file.read_text(encoding="utf-8")))


def news_sentiment(texts, *, sentiments: pd.DataFrame | None = None) -> np.ndarray:
    """Predicted human sentiment rating (-4..+4 scale) for each text, from the shipped model.

    Examples
    --------
    >>> from framing.model import news_sentiment
    >>> a, b = news_sentiment(["A welcome agreement.", "A brutal attack."])
    >>> bool(a > b)
    True
    """
    return load_news_model().predict(list(texts), sentiments=sentiments)
