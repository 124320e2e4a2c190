"""Cross-validated reports for frame classifiers: accuracy, macro-F1, per class, confusion.

:func:`cross_validate_frames` runs stratified k-fold cross-validation of a classifier on a
frame of texts and gold frames. When ``param_grid`` is given, the parameters are tuned by an
inner grid search inside each outer training part (nested cross-validation), so the reported
numbers never come from data the tuning saw.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GridSearchCV, StratifiedKFold

from .._checks import require_columns, require_frame
from ..errors import FramingError

__all__ = ["FrameCVReport", "cross_validate_frames"]


@dataclass
class FrameCVReport:
    """What :func:`cross_validate_frames` measured.

    Attributes
    ----------
    summary : DataFrame
        One row per fold and a ``pooled`` row: ``fold, n, accuracy, macro_f1, fit_seconds``
        (and ``any_accuracy``, the share whose prediction is one of the gold frames, when
        ``also=`` names second-frame columns), plus the chosen parameters per fold when tuned.
    per_class : DataFrame
        Pooled ``precision, recall, f1, support`` per frame (index: frame).
    confusion : DataFrame
        Pooled counts: index the true frame, columns the predicted frame (same order).
    predictions : DataFrame
        Per input row (same index): ``fold``, ``true``, ``predicted``, ``probability`` (of the
        predicted frame).
    """

    summary: pd.DataFrame
    per_class: pd.DataFrame
    confusion: pd.DataFrame
    predictions: pd.DataFrame = field(repr=False)

    @property
    def accuracy(self) -> float:
        """Pooled accuracy over all held-out rows."""
        return float(self.summary.set_index("fold").loc["pooled", "accuracy"])

    @property
    def macro_f1(self) -> float:
        """Pooled macro-averaged F1 over all held-out rows."""
        return float(self.summary.set_index("fold").loc["pooled", "macro_f1"])


def cross_validate_frames(data: pd.DataFrame, *, text: str = "text", label: str = "frame", classifier=None,
                          n_splits: int = 5, param_grid: dict | None = None, inner_splits: int = 3,
                          also=(), random_state=0) -> FrameCVReport:
    """Stratified k-fold cross-validation of a frame classifier.

    Parameters
    ----------
    data : DataFrame
        One row per text, with the ``text`` and gold ``label`` columns.
    text, label : str
        Column names.
    classifier : estimator, optional
        Any scikit-learn classifier on raw text (default :class:`framing.FrameClassifier`);
        cloned per fold.
    n_splits : int
        Outer folds (stratified by ``label``, shuffled with ``random_state``).
    param_grid : dict, optional
        Parameters to tune by an inner ``GridSearchCV`` (``inner_splits`` stratified folds,
        macro-F1) within each outer training part.
    also : sequence of str
        Columns with further gold frames of the same row (GVFC's second frame): reported as
        ``any_accuracy``, the share of rows whose predicted frame is any of their gold frames.
    random_state : int
        Seed of the folds (the classifier keeps its own ``random_state``).

    Returns
    -------
    FrameCVReport

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import FrameClassifier, cross_validate_frames
    >>> data = pd.DataFrame({"text": ["gun bill vote", "senate gun law", "poll on guns", "survey of voters"] * 5,
    ...                      "frame": ["Politics", "Politics", "Public opinion", "Public opinion"] * 5})
    >>> report = cross_validate_frames(data, classifier=FrameClassifier("tfidf", calibrate=False))
    >>> report.accuracy, int(report.confusion.loc["Politics", "Politics"])
    (1.0, 10)
    """
    from ..frames import FrameClassifier

    require_frame(data)
    require_columns(data, [text, label, *also], what="data")
    gold = data[label]
    if gold.isna().any() or (gold.astype(str).str.strip() == "").any():
        rows = data.index[gold.isna() | (gold.astype(str).str.strip() == "")][:5].tolist()
        raise FramingError(f"{label!r} is empty in some rows (first: {rows}); drop unlabelled rows first.")
    counts = gold.value_counts()
    if counts.min() < n_splits:
        raise FramingError(
            f"frame(s) {counts[counts < n_splits].index.tolist()} have fewer than n_splits={n_splits} rows; "
            "merge rare frames or lower n_splits."
        )
    texts = np.asarray(data[text].tolist(), dtype=object)
    y = gold.to_numpy()
    model = FrameClassifier() if classifier is None else classifier
    outer = StratifiedKFold(n_splits, shuffle=True, random_state=random_state)
    fold = np.zeros(len(y), dtype=int)
    predicted = np.empty(len(y), dtype=object)
    probability = np.full(len(y), np.nan)
    rows = []
    for k, (train, test) in enumerate(outer.split(texts, y)):
        estimator = clone(model)
        if param_grid:
            inner = StratifiedKFold(inner_splits, shuffle=True, random_state=random_state)
            estimator = GridSearchCV(estimator, param_grid, cv=inner, scoring="f1_macro", refit=True)
        start = time.perf_counter()
        estimator.fit(texts[train].tolist(), y[train])
        seconds = time.perf_counter() - start
        fold[test] = k
        predicted[test] = estimator.predict(texts[test].tolist())
        if hasattr(estimator, "predict_proba"):
            probability[test] = estimator.predict_proba(texts[test].tolist()).max(axis=1)
        row = {"fold": str(k), "n": len(test), "accuracy": accuracy_score(y[test], predicted[test]),
               "macro_f1": f1_score(y[test], predicted[test], average="macro", zero_division=0),
               "fit_seconds": seconds}
        if also:
            row["any_accuracy"] = _any_accuracy(data.iloc[test], predicted[test], label, also)
        if param_grid:
            row.update({f"best_{k}": v for k, v in estimator.best_params_.items()})
        rows.append(row)
    pooled = {"fold": "pooled", "n": len(y), "accuracy": accuracy_score(y, predicted),
              "macro_f1": f1_score(y, predicted, average="macro", zero_division=0),
              "fit_seconds": sum(r["fit_seconds"] for r in rows)}
    if also:
        pooled["any_accuracy"] = _any_accuracy(data, predicted, label, also)
    summary = pd.DataFrame(rows + [pooled])
    frames = np.unique(np.concatenate([y, predicted]).astype(str))
    p, r, f, s = precision_recall_fscore_support(y.astype(str), predicted.astype(str), labels=frames, zero_division=0)
    per_class = pd.DataFrame({"precision": p, "recall": r, "f1": f, "support": s}, index=pd.Index(frames, name="frame"))
    confusion = pd.crosstab(pd.Series(y.astype(str), name="true"), pd.Series(predicted.astype(str), name="predicted"))
    confusion = confusion.reindex(index=frames, columns=frames, fill_value=0)
    predictions = pd.DataFrame({"fold": fold, "true": y, "predicted": predicted, "probability": probability},
                               index=data.index)
    return FrameCVReport(summary, per_class, confusion, predictions)


def _any_accuracy(rows: pd.DataFrame, predicted, label, also) -> float:
    gold = rows[[label, *also]].astype(str).to_numpy()
    return float(np.mean([p in set(g) for p, g in zip(predicted.astype(str), gold)]))
