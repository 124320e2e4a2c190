"""A supervised frame classifier on raw text (scikit-learn estimator), with receipts.

:class:`FrameClassifier` learns frames from labelled texts (GVFC headlines, a team's coded
sample) and predicts them for any text, so frames can be measured per voice like any other
score. Design:

* Backbones (parameter ``backbone``): ``"tfidf"`` (word 1-2-gram TF-IDF, core install),
  ``"minilm"`` (all-MiniLM-L6-v2 sentence embeddings, the ``embeddings`` extra, loaded from the
  installed package by :mod:`framing.embedding_model`, never from a hub), or
  ``"minilm+tfidf"`` (both, side by side; the embedding block scaled by
  ``embedding_weight``). Embeddings are cached per text in the process, so cross-validation
  and grid search embed each text once.
* Head: logistic regression (``C``, balanced class weights by default); one-vs-rest for
  multi-label targets.
* Calibration: the head's decision values are rescaled on inner cross-validated predictions of
  the training data (3 folds): one temperature for single-label targets (the predicted class
  does not change), a Platt sigmoid per label for multi-label ones. ``calibrate=False`` keeps
  the raw logistic probabilities.
* Targets: a 1-D array of labels (single label), a 2-D 0/1 indicator array, or a sequence of
  label collections (``[("Politics",), ("Politics", "Public opinion")]``, multi-label); for
  multi-label targets ``predict`` returns the indicator array over ``classes_``: every label
  whose probability reaches ``threshold``, and always the most probable one.
* Receipts: :meth:`FrameClassifier.explain` gives each word's occlusion effect (the predicted
  frame's probability minus its probability with the word removed), with offsets;
  :meth:`FrameClassifier.top_features` lists the TF-IDF terms with the largest weights per
  frame.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import minimize_scalar
from scipy.special import expit, softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from .errors import FramingError
from .text import word_spans

__all__ = ["BACKBONES", "FrameClassifier", "frame_measure"]

#: Backbones :class:`FrameClassifier` knows.
BACKBONES = ("tfidf", "minilm", "minilm+tfidf")
_EMBEDDINGS: dict[str, np.ndarray] = {}
_CACHE_LIMIT = 200_000  # texts; about 300 MB of float64 vectors
_INNER_FOLDS = 3


def _embed(texts: list[str]) -> np.ndarray:
    """MiniLM sentence embeddings, cached per text for the life of the process."""
    from .embedding_model import embed_sentences

    missing = list(dict.fromkeys(t for t in texts if t not in _EMBEDDINGS))
    if missing:
        if len(_EMBEDDINGS) + len(missing) > _CACHE_LIMIT:
            _EMBEDDINGS.clear()
        _EMBEDDINGS.update(zip(missing, embed_sentences(missing)))
        if any(t not in _EMBEDDINGS for t in texts):  # the cache was cleared mid-way
            return embed_sentences(texts)
    return np.stack([_EMBEDDINGS[t] for t in texts]) if texts else np.zeros((0, 384))


def _texts(X, *, what: str = "X") -> list[str]:
    """Raw texts from a list, array, Series or one-column DataFrame."""
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise FramingError(
                f"{what} is a DataFrame with {X.shape[1]} columns; FrameClassifier takes raw texts: "
                "pass one column (data['text']), or use a ColumnTransformer to pick it."
            )
        X = X.iloc[:, 0]
    if isinstance(X, str):
        raise FramingError(f"{what} must be a sequence of texts, got one string; wrap it in a list: [text].")
    values = list(X) if not isinstance(X, np.ndarray) else X.ravel().tolist() if X.ndim == 1 or 1 in X.shape else None
    if values is None:
        raise FramingError(
            f"{what} must be a 1-D sequence of texts, got an array of shape {X.shape}; "
            "FrameClassifier reads raw text, not numeric features."
        )
    bad = [i for i, v in enumerate(values) if not isinstance(v, str)]
    if bad:
        raise FramingError(
            f"{what} must hold strings; position(s) {bad[:5]} hold {type(values[bad[0]]).__name__}. "
            "Fill missing texts (e.g. data['text'].fillna('')) or drop those rows first."
        )
    return values


def _is_multilabel(y) -> bool:
    if isinstance(y, pd.DataFrame) or (isinstance(y, np.ndarray) and y.ndim == 2):
        return True
    first = next(iter(y), None) if not isinstance(y, np.ndarray) else (y[0] if len(y) else None)
    return isinstance(first, (list, tuple, set, frozenset))


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Frames from raw text: TF-IDF and/or MiniLM sentence embeddings with a logistic head.

    Parameters
    ----------
    backbone : {"tfidf", "minilm", "minilm+tfidf"}
        Text features (see the module notes); ``minilm`` needs ``pip install "framing[embeddings]"``.
    C : float
        Inverse regularisation strength of the logistic head.
    class_weight : "balanced" or None
        Class weights of the head (balanced: rare frames count as much as common ones).
    ngram_range : tuple of int
        TF-IDF word n-grams.
    min_df : int
        TF-IDF: ignore terms in fewer training texts.
    embedding_weight : float
        Scale of the embedding block next to TF-IDF (``minilm+tfidf``).
    calibrate : bool
        Rescale probabilities on inner cross-validated predictions (see the module notes).
    threshold : float
        Multi-label: predict every label with at least this probability (and the top one).
    max_iter : int
        Iterations of the logistic regression solver.
    random_state : int, optional
        Seed of the inner calibration folds.

    Attributes
    ----------
    classes_ : ndarray
        The frames (labels), in the order of ``predict_proba``'s columns.
    multilabel_ : bool
    temperature_ : float or ndarray
        Single label: the calibration temperature; multi-label: Platt slope and intercept per label.

    Examples
    --------
    >>> from framing import FrameClassifier
    >>> texts = ["Senate passes new gun law", "Lawmakers debate gun bill", "Poll shows support for checks",
    ...          "Survey finds voters divided", "House votes on gun measure", "New poll on gun views"]
    >>> frames = ["Politics", "Politics", "Public opinion", "Public opinion", "Politics", "Public opinion"]
    >>> model = FrameClassifier(backbone="tfidf", calibrate=False).fit(texts, frames)
    >>> model.predict(["Poll of voters on guns"]).tolist()
    ['Public opinion']
    """

    def __init__(self, backbone: str = "minilm+tfidf", *, C: float = 10.0, class_weight="balanced",
                 ngram_range=(1, 2), min_df: int = 1, embedding_weight: float = 1.0, calibrate: bool = True,
                 threshold: float = 0.5, max_iter: int = 3000, random_state=None):
        self.backbone = backbone
        self.C = C
        self.class_weight = class_weight
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.embedding_weight = embedding_weight
        self.calibrate = calibrate
        self.threshold = threshold
        self.max_iter = max_iter
        self.random_state = random_state

    # ----------------------------------------------------------------------------- features

    def _check_params(self) -> None:
        if self.backbone not in BACKBONES:
            raise FramingError(f"backbone must be one of {list(BACKBONES)}, got {self.backbone!r}.")
        if not (isinstance(self.C, (int, float)) and self.C > 0):
            raise FramingError(f"C must be a positive number, got {self.C!r}.")
        if not 0 < self.threshold < 1:
            raise FramingError(f"threshold must be between 0 and 1, got {self.threshold!r}.")

    def _features(self, texts: list[str], *, fit: bool = False):
        blocks = []
        if "tfidf" in self.backbone:
            if fit:
                self.vectorizer_ = TfidfVectorizer(sublinear_tf=True, ngram_range=tuple(self.ngram_range),
                                                   min_df=self.min_df, strip_accents="unicode")
                blocks.append(self.vectorizer_.fit_transform(texts))
            else:
                blocks.append(self.vectorizer_.transform(texts))
        if "minilm" in self.backbone:
            blocks.append(sp.csr_matrix(_embed(texts) * self.embedding_weight))
        return blocks[0] if len(blocks) == 1 else sp.hstack(blocks).tocsr()

    def _head(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter)

    # ---------------------------------------------------------------------------------- fit

    def fit(self, X, y):
        """Fit on raw texts ``X`` and frames ``y`` (labels, label collections or an indicator array)."""
        self._check_params()
        texts = _texts(X)
        if len(texts) != len(y):
            raise FramingError(f"X has {len(texts)} texts but y has {len(y)} labels; pass one label per text.")
        self.multilabel_ = _is_multilabel(y)
        if self.multilabel_:
            target = self._binarize(y)
            if target.shape[1] < 1:
                raise FramingError("y holds no labels; give each text at least one frame.")
        else:
            labels = np.asarray(y)
            if labels.ndim != 1:
                raise FramingError(f"y must be 1-D labels or a 2-D indicator array, got shape {labels.shape}.")
            self.classes_, target = np.unique(labels, return_inverse=True)
            if len(self.classes_) < 2:
                raise FramingError(f"y holds a single frame ({self.classes_.tolist()}); a classifier needs two or more.")
        features = self._features(texts, fit=True)
        # L-BFGS makes many tiny BLAS calls: one BLAS thread is several times faster than many
        # (10x measured on a busy 2-core machine), and leaves the cores to the embedding encoder.
        with threadpool_limits(limits=1, user_api="blas"):
            self._fit_heads(features, target)
        return self

    def _fit_heads(self, features, target) -> None:
        if self.multilabel_:
            self.heads_ = [self._head().fit(features, column) if len(np.unique(column)) > 1 else None
                           for column in target.T]
            self.constant_ = target.mean(axis=0)
            self.temperature_ = self._platt(features, target) if self.calibrate else None
        else:
            self.head_ = self._head().fit(features, target)
            self.temperature_ = self._temperature(features, target) if self.calibrate else 1.0

    def _binarize(self, y) -> np.ndarray:
        if isinstance(y, pd.DataFrame):
            self.classes_ = np.asarray(y.columns)
            return y.to_numpy(dtype=int)
        if isinstance(y, np.ndarray) and y.ndim == 2:
            self.classes_ = np.arange(y.shape[1])
            return y.astype(int)
        self.binarizer_ = MultiLabelBinarizer().fit(y)
        self.classes_ = self.binarizer_.classes_
        return self.binarizer_.transform(y)

    def _inner_cv(self, target, n_splits_max=_INNER_FOLDS):
        counts = np.bincount(target)
        folds = int(min(n_splits_max, counts[counts > 0].min()))
        if folds < 2:
            return None
        return StratifiedKFold(folds, shuffle=True, random_state=self.random_state).split(np.zeros(len(target)), target)

    def _temperature(self, features, encoded) -> float:
        splits = self._inner_cv(encoded)
        if splits is None:
            return 1.0
        logits = np.zeros((len(encoded), len(self.classes_)))
        for train, test in splits:
            head = self._head().fit(features[train], encoded[train])
            logits[np.ix_(test, head.classes_)] = head.decision_function(features[test]).reshape(len(test), -1)

        def loss(log_t):
            p = softmax(logits / np.exp(log_t), axis=1)[np.arange(len(encoded)), encoded]
            return -np.log(np.clip(p, 1e-12, None)).mean()

        return float(np.exp(minimize_scalar(loss, bounds=(-3, 3), method="bounded").x))

    def _platt(self, features, target) -> np.ndarray:
        params = np.tile([1.0, 0.0], (target.shape[1], 1))
        for j, column in enumerate(target.T):
            splits = self._inner_cv(column)
            if splits is None or self.heads_[j] is None:
                continue
            z = np.zeros(len(column))
            for train, test in splits:
                z[test] = self._head().fit(features[train], column[train]).decision_function(features[test])
            sigmoid = LogisticRegression(C=1e4).fit(z[:, None], column)
            params[j] = [sigmoid.coef_[0, 0], sigmoid.intercept_[0]]
        return params

    # ------------------------------------------------------------------------------ predict

    def predict_proba(self, X) -> np.ndarray:
        """Frame probabilities, one column per ``classes_`` entry (multi-label: each in 0..1)."""
        check_is_fitted(self, "temperature_")
        features = self._features(_texts(X))
        if not self.multilabel_:
            return softmax(self.head_.decision_function(features).reshape(features.shape[0], -1)
                           / self.temperature_, axis=1) if len(self.classes_) > 2 else self._binary(features)
        columns = []
        for j, head in enumerate(self.heads_):
            if head is None:
                columns.append(np.full(features.shape[0], float(self.constant_[j])))
            elif self.temperature_ is None:
                columns.append(head.predict_proba(features)[:, 1])
            else:
                slope, intercept = self.temperature_[j]
                columns.append(expit(slope * head.decision_function(features) + intercept))
        return np.column_stack(columns)

    def _binary(self, features) -> np.ndarray:
        positive = expit(self.head_.decision_function(features) / self.temperature_)
        return np.column_stack([1 - positive, positive])

    def predict(self, X):
        """The most probable frame per text (multi-label: the indicator array, see the notes)."""
        proba = self.predict_proba(X)
        if not self.multilabel_:
            return self.classes_[proba.argmax(axis=1)]
        chosen = (proba >= self.threshold).astype(int)
        chosen[np.arange(len(proba)), proba.argmax(axis=1)] = 1
        return chosen

    def decision_function(self, X) -> np.ndarray:
        """Log-probabilities (single label) or log-odds (multi-label), for ranking metrics."""
        proba = np.clip(self.predict_proba(X), 1e-12, 1 - 1e-12)
        return np.log(proba) if not self.multilabel_ else np.log(proba / (1 - proba))

    # ------------------------------------------------------------------------------ receipts

    def explain(self, text: str, *, frame=None, top: int | None = None) -> pd.DataFrame:
        """Occlusion receipt: how much each word raises the probability of a frame.

        Parameters
        ----------
        text : str
        frame : label, optional
            The frame to explain (default the most probable one).
        top : int, optional
            Keep the words with the largest absolute effects.

        Returns
        -------
        DataFrame
            ``frame, token, start, end, weight`` with ``weight`` = P(frame | text) minus
            P(frame | text without the word), sorted by ``weight`` descending.
        """
        check_is_fitted(self, "temperature_")
        if not isinstance(text, str):
            raise FramingError(f"text must be a string, got {type(text).__name__}.")
        spans = word_spans(text)
        variants = [text] + [text[:s] + text[e:] for s, e in spans]
        proba = self.predict_proba(variants)
        column = int(proba[0].argmax()) if frame is None else self._column(frame)
        rows = pd.DataFrame({
            "frame": self.classes_[column], "token": [text[s:e] for s, e in spans],
            "start": [s for s, _ in spans], "end": [e for _, e in spans],
            "weight": proba[0, column] - proba[1:, column],
        }).sort_values("weight", ascending=False, kind="stable", key=abs if top else None)
        rows = rows.head(top) if top else rows
        return rows.sort_values("weight", ascending=False, kind="stable").reset_index(drop=True)

    def _column(self, frame) -> int:
        matches = np.flatnonzero(self.classes_ == frame)
        if not len(matches):
            raise FramingError(f"unknown frame {frame!r}; the classifier knows {self.classes_.tolist()}.")
        return int(matches[0])

    def top_features(self, n: int = 10) -> pd.DataFrame:
        """The TF-IDF terms with the largest positive weights per frame (``frame, term, weight``).

        Only for backbones with TF-IDF; the embedding dimensions have no words (use
        :meth:`explain`).
        """
        check_is_fitted(self, "temperature_")
        if "tfidf" not in self.backbone:
            raise FramingError(f"top_features needs a TF-IDF backbone, not {self.backbone!r}; use explain().")
        terms = self.vectorizer_.get_feature_names_out()
        width = len(terms)
        if self.multilabel_:
            weights = np.array([h.coef_[0, :width] if h is not None else np.zeros(width) for h in self.heads_])
        else:
            weights = self.head_.coef_[:, :width]
            if len(self.classes_) == 2:
                weights = np.vstack([-weights[0], weights[0]])
        rows = []
        for frame, row in zip(self.classes_, weights):
            for index in np.argsort(-row, kind="stable")[:n]:
                rows.append({"frame": frame, "term": terms[index], "weight": float(row[index])})
        return pd.DataFrame(rows, columns=["frame", "term", "weight"])


def _slug(frame) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(frame).lower()).strip("_") or "frame"


def frame_measure(classifier: FrameClassifier, *, name: str = "frame", languages=("en",)):
    """A fitted classifier as a scoring measure: one ``<name>_<frame>`` probability column per frame.

    Register it to score segments like any other measure (``framing.score``,
    ``framing.explain``, then ``framing.compare_sources`` on the columns); the receipt of a text
    is the occlusion effect of each word on its most probable frame.

    Parameters
    ----------
    classifier : FrameClassifier
        Fitted (on headlines, or on a team's coded sample).
    name : str
        Measure name and column prefix; frames become lower-case snake case
        ("Gun control/regulation" -> ``frame_gun_control_regulation``).
    languages : tuple of str or None
        Languages the classifier was trained on.

    Returns
    -------
    framing.measures.Measure

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import FrameClassifier, score
    >>> from framing.frames import frame_measure
    >>> from framing.measures import register_measure, unregister_measure
    >>> model = FrameClassifier("tfidf", calibrate=False).fit(
    ...     ["talks and a summit", "summit talks resume", "missile test fired", "missiles fired again"],
    ...     ["diplomacy", "diplomacy", "threat", "threat"])
    >>> _ = register_measure(frame_measure(model))
    >>> scored = score(pd.DataFrame({"text": ["The summit talks."]}), measures=["frame"])
    >>> bool(scored.loc[0, "frame_diplomacy"] > scored.loc[0, "frame_threat"])
    True
    >>> unregister_measure("frame")
    """
    from .measures import Measure

    check_is_fitted(classifier, "temperature_")
    columns = [f"{name}_{_slug(frame)}" for frame in classifier.classes_]
    if len(set(columns)) != len(columns):
        raise FramingError(f"frames {classifier.classes_.tolist()} give repeated column names {columns}; rename the frames.")

    def scores(texts, options):
        return pd.DataFrame(classifier.predict_proba(list(texts)), columns=columns)

    def receipt(text, options):
        table = classifier.explain(text)
        return [{"measure": name, "field": _slug(frame), "token": token, "start": start, "end": end,
                 "weight": float(weight), "share": np.nan, "modifier": "occlusion"}
                for frame, token, start, end, weight in table.itertuples(index=False)]

    return Measure(name, columns, scores, receipt, languages=languages,
                   description=f"frame probabilities of a {classifier.backbone} FrameClassifier")
