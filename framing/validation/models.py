"""Cross-validation of the kit's sentiment models against the VADER ground truth.

Both models are scored on the same folds: ``GroupKFold`` on the NYT article ids, so sentences of
one article never straddle train and test; every other subset always trains.

* :func:`cross_validate_news_model`: the ridge news-sentiment model (:mod:`framing.model`).
* :func:`cross_validate_embedding_model`: the sentence-embedding model
  (:mod:`framing.embedding_model`, needs the ``embeddings`` extra unless embeddings are given).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._checks import require_columns
from ..embedding_model import _DEFAULTS as _EMBEDDING
from ..embedding_model import _ENCODER, _check_embeddings, embed_sentences
from ..embedding_model import _fit as _fit_embedding
from ..model import _DEFAULTS as _NEWS
from ..model import _check_ground_truth
from ..model import _fit as _fit_news
from ..sentiment import sentiment_scores

__all__ = ["cross_validate_embedding_model", "cross_validate_news_model"]


def cross_validate_news_model(data: pd.DataFrame | None = None, *, n_splits: int = 5, alpha: float = _NEWS["alpha"],
                              other_weight: float = _NEWS["other_weight"], min_df: int = _NEWS["min_df"],
                              random_state: int = 0) -> pd.DataFrame:
    """Cross-validated Pearson r on the NYT sentences, folds grouped by article.

    Sentences of one article never straddle train and test. In each fold the model is fitted on
    the training NYT articles plus all other subsets and scored on the held-out NYT sentences;
    TextBlob polarity and VADER compound are scored on the same held-out sentences.

    Returns
    -------
    DataFrame
        One row per fold plus a ``"pooled"`` row (r over all out-of-fold predictions), columns
        ``fold, n, r_model, r_textblob, r_vader``.

    Examples
    --------
    >>> from framing.validation.models import cross_validate_news_model
    >>> cross_validate_news_model().tail(1)  # doctest: +SKIP
    """
    data = _check_ground_truth(data)

    def fit_predict(train, test, sentiments):
        model = _fit_news(data.iloc[train].reset_index(drop=True), alpha=alpha, other_weight=other_weight,
                     min_df=min_df, ngram_range=_NEWS["ngram_range"], random_state=random_state,
                     sentiments=sentiments.iloc[train].reset_index(drop=True))
        return model.predict(data["text"].iloc[test].tolist(), sentiments=sentiments.iloc[test].reset_index(drop=True))

    return _grouped_cross_validation(data, fit_predict, n_splits=n_splits)


def _grouped_cross_validation(data: pd.DataFrame, fit_predict, *, n_splits: int) -> pd.DataFrame:
    """Folds of NYT articles; ``fit_predict(train, test, sentiments)`` predicts the test rows.

    ``train`` holds the training NYT rows plus every other-subset row, ``test`` held-out NYT rows
    (positions in ``data``); ``sentiments`` are the lexicon scores of all rows.
    """
    from sklearn.model_selection import GroupKFold

    require_columns(data, ["group"], what="ground-truth data")
    sentiments = sentiment_scores(data["text"])
    is_nyt = (data["subset"] == "nyt").to_numpy()
    nyt_index = np.flatnonzero(is_nyt)
    other_index = np.flatnonzero(~is_nyt)
    y = data["mean"].to_numpy(dtype=float)
    prediction = np.full(len(data), np.nan)
    rows = []
    folds = GroupKFold(n_splits=n_splits).split(nyt_index, groups=data["group"].to_numpy()[nyt_index])
    for k, (train_pos, test_pos) in enumerate(folds):
        train = np.concatenate([nyt_index[train_pos], other_index])
        test = nyt_index[test_pos]
        prediction[test] = fit_predict(train, test, sentiments)
        rows.append(_fold_row(k, test, y, prediction, sentiments))
    rows.append(_fold_row("pooled", nyt_index, y, prediction, sentiments))
    return pd.DataFrame(rows)


def cross_validate_embedding_model(data: pd.DataFrame | None = None, *, n_splits: int = 5,
                                   alpha: float = _EMBEDDING["alpha"],
                                   other_weight: float = _EMBEDDING["other_weight"],
                                   embeddings: np.ndarray | None = None) -> pd.DataFrame:
    """Cross-validated Pearson r on the NYT sentences, folds grouped by article.

    The same folds as :func:`cross_validate_news_model` (``GroupKFold`` on the NYT
    article ids): sentences of one article never straddle train and test.

    Returns
    -------
    DataFrame
        One row per fold plus a ``"pooled"`` row, columns ``fold, n, r_model, r_textblob,
        r_vader``.

    Examples
    --------
    >>> from framing.validation.models import cross_validate_embedding_model
    >>> cross_validate_embedding_model().tail(1)  # doctest: +SKIP
    """
    data = _check_ground_truth(data)
    require_columns(data, ["group"], what="ground-truth data")
    _check_embeddings(data, embeddings)
    if embeddings is None:  # embed each needed row once, not once per fold
        used = np.flatnonzero((data["subset"] == "nyt").to_numpy() | (other_weight > 0))
        embeddings = np.zeros((len(data), _ENCODER["dimension"]))
        embeddings[used] = embed_sentences(data["text"].iloc[used].tolist())
    embeddings = np.asarray(embeddings, dtype=float)

    def fit_predict(train, test, sentiments):
        model = _fit_embedding(data.iloc[train].reset_index(drop=True), alpha=alpha, other_weight=other_weight,
                     embeddings=embeddings[train], sentiments=sentiments.iloc[train].reset_index(drop=True))
        return model.predict(data["text"].iloc[test].tolist(), embeddings=embeddings[test],
                             sentiments=sentiments.iloc[test].reset_index(drop=True))

    return _grouped_cross_validation(data, fit_predict, n_splits=n_splits)


def _fold_row(name, index, y, prediction, sentiments) -> dict:
    def r(x):
        return float(np.corrcoef(x, y[index])[0, 1])

    return {
        "fold": str(name),
        "n": len(index),
        "r_model": r(prediction[index]),
        "r_textblob": r(sentiments["textblob_polarity"].to_numpy()[index]),
        "r_vader": r(sentiments["vader_compound"].to_numpy()[index]),
    }
