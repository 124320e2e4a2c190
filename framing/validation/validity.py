"""Validity numbers for the measures, against human judgments in the shared corpora.

* :func:`sentiment_validity`: Pearson r of TextBlob, VADER and the news model with the mean
  human rating in each VADER ground-truth subset, next to the agreement of one human rater
  with the mean of the other raters (NYT: the model's r is cross-validated by article).
* :func:`loaded_language_validity`: the ``loaded`` cue family against BASIL's lexical-bias
  spans, phrase-level precision and recall (a cue "hits" when it overlaps a span).
* :func:`frame_validity`: cue families against GVFC's headline frame labels where the frames
  correspond (precision, recall and the rank AUC of the family rate).

Each function takes the frames (read them with the ``framing.datasets`` readers) and
returns a DataFrame; ``benchmarks/validity.py`` prints them all.
"""

from __future__ import annotations


import numpy as np
import pandas as pd
from scipy.stats import pearsonr, rankdata

from .._checks import require_columns
from ..cues import _scan, cue_counts
from ..model import load_news_model
from ..sentiment import sentiment_scores
from ..text import word_spans
from .models import cross_validate_news_model

__all__ = ["GVFC_FAMILY_MAP", "frame_validity", "loaded_language_validity", "rater_agreement", "sentiment_validity"]

#: GVFC frame -> the cue families that stand for it.
GVFC_FAMILY_MAP = {
    "Economic consequences": ("economic", "policy_economic"),
    "Politics": ("policy_political",),
    "Public opinion": ("policy_public_opinion",),
    "Mental health": ("policy_health",),
    "Gun/2nd Amendment rights": ("policy_legality",),
    "Gun control/regulation": ("policy_legality", "policy_prescription"),
    "School or public space safety": ("policy_health", "policy_security"),
    "Race/ethnicity": ("policy_cultural", "policy_fairness"),
    "Society/culture": ("policy_cultural",),
}


def rater_agreement(ratings: pd.Series, *, max_raters: int = 20) -> float:
    """Mean over rater positions k of r(rating k, mean of the other ratings) across items.

    The raw lists are anonymised per item, so "rater k" is the k-th rating of each item.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.validation.validity import rater_agreement
    >>> round(rater_agreement(pd.Series([[1, 1], [2, 2], [3, 4]]), max_raters=2), 3)
    0.982
    """
    lists = [np.asarray(r, dtype=float) for r in ratings]
    rs = []
    for k in range(max_raters):
        pairs = [(r[k], (r.sum() - r[k]) / (len(r) - 1)) for r in lists if len(r) > max(k, 1)]
        if len(pairs) > 2:
            a, b = np.array(pairs).T
            if a.std() > 0 and b.std() > 0:
                rs.append(pearsonr(a, b)[0])
    return float(np.mean(rs)) if rs else float("nan")


def sentiment_validity(ground_truth: pd.DataFrame, *, cross_validation: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pearson r with the mean human rating, per VADER ground-truth subset.

    Parameters
    ----------
    ground_truth : DataFrame
        :func:`framing.datasets.load_vader_groundtruth` (``subset, text, mean, ratings, group``).
    cross_validation : DataFrame, optional
        The result of :func:`framing.validation.models.cross_validate_news_model` on the same
        data, when you have it already (its ``pooled`` row gives the NYT model r); by default it
        is computed here with 5 folds.

    Returns
    -------
    DataFrame
        One row per subset: ``n``, ``r_textblob``, ``r_vader``, ``r_model``, ``model_r_kind``
        ("cross-validated" for NYT, "in-sample" where the model saw the items), and
        ``r_one_rater_vs_rest`` (human agreement).

    Examples
    --------
    >>> from framing.validation.validity import sentiment_validity
    >>> from framing.datasets import load_vader_groundtruth
    >>> sentiment_validity(load_vader_groundtruth())  # doctest: +SKIP
    """
    require_columns(ground_truth, ["subset", "text", "mean", "ratings", "group"], what="ground truth")
    data = ground_truth.reset_index(drop=True)
    sentiments = sentiment_scores(data["text"])
    model = load_news_model().predict(data["text"].tolist(), sentiments=sentiments)
    cv = None
    if (data["subset"] == "nyt").any():
        if cross_validation is None:
            cross_validation = cross_validate_news_model(data)
        require_columns(cross_validation, ["fold", "r_model"], what="cross_validation (cross_validate_news_model's table)")
        cv = cross_validation.set_index("fold").loc["pooled"]
    rows = []
    for subset, part in data.groupby("subset", sort=True):
        idx = part.index.to_numpy()
        y = part["mean"].to_numpy()
        nyt = subset == "nyt" and cv is not None
        rows.append({
            "subset": subset,
            "n": len(part),
            "r_textblob": pearsonr(sentiments["textblob_polarity"].to_numpy()[idx], y)[0],
            "r_vader": pearsonr(sentiments["vader_compound"].to_numpy()[idx], y)[0],
            "r_model": cv["r_model"] if nyt else pearsonr(model[idx], y)[0],
            "model_r_kind": "cross-validated (article folds)" if nyt else "in-sample",
            "r_one_rater_vs_rest": rater_agreement(part["ratings"]),
        })
    return pd.DataFrame(rows)


def _overlaps(a0, a1, spans) -> bool:
    return any(a0 < b1 and b0 < a1 for b0, b1 in spans)


def loaded_language_validity(articles: pd.DataFrame, annotations: pd.DataFrame, *,
                             families=("loaded",)) -> pd.DataFrame:
    """Phrase-level precision and recall of cue families against BASIL bias spans.

    A predicted phrase is a cue match in an article body; it is correct when it overlaps a gold
    span. Recall is the share of gold spans overlapped by at least one match. Rows compare the
    ``loaded`` family (and any others asked for) with lexical spans, with all bias spans, and
    with a baseline: every VADER-lexicon word (the obvious alternative).

    Examples
    --------
    >>> from framing.validation.validity import loaded_language_validity
    >>> from framing.datasets import load_basil, load_basil_annotations
    >>> loaded_language_validity(load_basil(), load_basil_annotations())  # doctest: +SKIP
    """
    require_columns(articles, ["doc_id", "text"], what="BASIL articles")
    require_columns(annotations, ["doc_id", "start", "end", "field", "bias"], what="BASIL annotations")
    gold = annotations[annotations["field"] == "text"]
    lexicon = _vader_words()
    predictions: dict[str, dict[str, list]] = {f: {} for f in families}
    predictions["vader_lexicon_words (baseline)"] = {}
    total_words = 0
    for doc_id, text in articles[["doc_id", "text"]].itertuples(index=False):
        matches, n = _scan(text, list(families))
        total_words += n
        for f in families:
            predictions[f][doc_id] = [(m["start"], m["end"]) for m in matches if m["family"] == f]
        predictions["vader_lexicon_words (baseline)"][doc_id] = [
            (s, e) for s, e in word_spans(text) if text[s:e].lower() in lexicon
        ]
    rows = []
    for bias_name, spans in (("lex", gold[gold["bias"] == "lex"]), ("lex+inf", gold)):
        by_doc = {d: list(zip(g["start"], g["end"])) for d, g in spans.groupby("doc_id")}
        for name, predicted in predictions.items():
            hits = sum(_overlaps(a, b, by_doc.get(d, ())) for d, ps in predicted.items() for a, b in ps)
            n_pred = sum(len(ps) for ps in predicted.values())
            found = sum(_overlaps(a, b, predicted.get(d, ())) for d, ss in by_doc.items() for a, b in ss)
            n_gold = sum(len(ss) for ss in by_doc.values())
            rows.append({
                "gold": bias_name, "predictor": name, "n_predicted": n_pred, "n_gold": n_gold,
                "precision": hits / n_pred if n_pred else float("nan"),
                "recall": found / n_gold if n_gold else float("nan"),
            })
    table = pd.DataFrame(rows)
    table["f1"] = 2 * table["precision"] * table["recall"] / (table["precision"] + table["recall"])
    table.attrs["words"] = total_words
    return table


def _vader_words() -> frozenset:
    from ..sentiment import _vader

    return frozenset(w for w in _vader()["lexicon"] if w.isalpha())


def _auc(score: np.ndarray, label: np.ndarray) -> float:
    pos, neg = label.sum(), (~label).sum()
    if not pos or not neg:
        return float("nan")
    ranks = rankdata(score)
    return float((ranks[label].sum() - pos * (pos + 1) / 2) / (pos * neg))


def frame_validity(gvfc: pd.DataFrame, *, mapping: dict | None = None) -> pd.DataFrame:
    """Cue families against GVFC headline frames (relevant headlines only).

    For each frame, a headline is predicted to carry it when any mapped family has a match.
    Reports ``n_frame`` (headlines labelled with it as first or second frame), precision,
    recall and the AUC of the summed family rate (0.5 = chance).

    Examples
    --------
    >>> from framing.validation.validity import frame_validity
    >>> from framing.datasets import load_gvfc
    >>> frame_validity(load_gvfc())  # doctest: +SKIP
    """
    require_columns(gvfc, ["text", "frame1", "frame2"], what="GVFC")
    data = gvfc[gvfc["relevant"].astype(bool)] if "relevant" in gvfc else gvfc
    mapping = GVFC_FAMILY_MAP if mapping is None else mapping
    families = sorted({f for fs in mapping.values() for f in fs})
    rates = cue_counts(data["text"].tolist(), families=families).fillna(0)
    rows = []
    for frame, fams in mapping.items():
        label = ((data["frame1"] == frame) | (data["frame2"] == frame)).to_numpy()
        rate = rates[[f"cue_{f}" for f in fams]].sum(axis=1).to_numpy()
        predicted = rate > 0
        tp = int((predicted & label).sum())
        rows.append({
            "frame": frame, "families": "+".join(fams), "n_headlines": len(data), "n_frame": int(label.sum()),
            "n_predicted": int(predicted.sum()),
            "precision": tp / predicted.sum() if predicted.any() else float("nan"),
            "recall": tp / label.sum() if label.any() else float("nan"),
            "base_rate": float(label.mean()),
            "auc": _auc(rate, label),
        })
    return pd.DataFrame(rows)
