"""scikit-learn transformers for the measures, so scores can feed pipelines.

Each transformer takes a 1-D sequence of texts (a list, array or Series; a one-column 2-D
array or frame also works), like scikit-learn's text vectorizers, and returns one column per
score field. They are stateless (``fit`` only records the output feature names) and follow the
scikit-learn developer guide: ``__init__`` stores parameters, learned state ends in ``_``,
``get_feature_names_out`` makes ``set_output(transform="pandas")`` work. Text that cannot be
scored (missing, empty, no words) gives NaN, as in :func:`framing.score`.

Examples
--------
>>> import pandas as pd
>>> from sklearn.compose import make_column_transformer
>>> from framing.transformers import SentimentTransformer
>>> frame = pd.DataFrame({"text": ["Great news.", "A terrible threat."]})
>>> ct = make_column_transformer((SentimentTransformer(measures=("vader",)), "text"))
>>> ct.fit_transform(frame).shape
(2, 4)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .errors import FramingError
from .scoring import score, score_columns

__all__ = ["CueTransformer", "NewsSentimentTransformer", "SentimentTransformer"]


def _texts(X) -> list:
    """A list of texts from 1-D input, or from 2-D input with exactly one column."""
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise FramingError(
                f"expected one text column, got {X.shape[1]} columns {list(map(str, X.columns))}; "
                "select the text column (e.g. with ColumnTransformer and a column name)."
            )
        return X.iloc[:, 0].tolist()
    if isinstance(X, pd.Series):
        return X.tolist()
    if isinstance(X, str):
        raise FramingError("expected a sequence of texts, got one string; wrap it in a list.")
    array = np.asarray(X, dtype=object)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise FramingError(f"expected a 1-D sequence of texts, got an array of shape {array.shape}.")
    return array.tolist()


class _ScoreTransformer(TransformerMixin, BaseEstimator):
    """Shared fit/transform: run :func:`framing.score` on the texts and keep the score columns."""

    def _measures(self) -> tuple[str, ...]:  # pragma: no cover - subclasses define it
        raise NotImplementedError

    def _families(self):
        return None

    def fit(self, X, y=None):
        """Record the output feature names (nothing is learned). Returns ``self``."""
        _texts(X)
        self.feature_names_out_ = np.asarray(score_columns(self._measures(), families=self._families()), dtype=object)
        return self

    def transform(self, X):
        """Score each text; returns an array of shape (n_texts, n_features)."""
        check_is_fitted(self, "feature_names_out_")
        texts = _texts(X)
        frame = pd.DataFrame({"text": pd.Series(texts, dtype=object)})
        scored = score(frame, measures=self._measures(), families=self._families(),
                       engine=getattr(self, "engine", "fast"), cue=False)
        return scored[list(self.feature_names_out_)].to_numpy(dtype=float)

    def get_feature_names_out(self, input_features=None):
        """The output column names, e.g. ``vader_compound``."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True
        tags.requires_fit = True
        return tags


class SentimentTransformer(_ScoreTransformer):
    """TextBlob and/or VADER scores as features.

    Parameters
    ----------
    measures : tuple of {"textblob", "vader"}
    engine : {"fast", "library"}

    Examples
    --------
    >>> from framing.transformers import SentimentTransformer
    >>> t = SentimentTransformer().fit(["x"])
    >>> list(t.get_feature_names_out())[:2]
    ['textblob_polarity', 'textblob_subjectivity']
    """

    def __init__(self, measures=("textblob", "vader"), engine="fast"):
        self.measures = measures
        self.engine = engine

    def _measures(self):
        measures = (self.measures,) if isinstance(self.measures, str) else tuple(self.measures)
        bad = [m for m in measures if m not in ("textblob", "vader")]
        if bad or not measures:
            raise FramingError(f"SentimentTransformer measures must be 'textblob' and/or 'vader', got {self.measures!r}.")
        return measures


class CueTransformer(_ScoreTransformer):
    """Framing-cue family rates (per 100 words) as features.

    Parameters
    ----------
    families : sequence of str, optional
        Default all families of the codebook.

    Examples
    --------
    >>> from framing.transformers import CueTransformer
    >>> CueTransformer(families=["threat"]).fit_transform(["War and war."]).round(1).tolist()
    [[66.7, 3.0]]
    """

    def __init__(self, families=None):
        self.families = families

    def _measures(self):
        return ("cues",)

    def _families(self):
        return None if self.families is None else tuple(self.families)


class NewsSentimentTransformer(_ScoreTransformer):
    """The news-sentiment model's prediction (human-rating scale) as one feature.

    Examples
    --------
    >>> from framing.transformers import NewsSentimentTransformer
    >>> NewsSentimentTransformer().fit_transform(["A welcome agreement."]).shape
    (1, 1)
    """

    def _measures(self):
        return ("news",)
