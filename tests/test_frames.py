"""FrameClassifier: a scikit-learn classifier on raw text, with calibrated probabilities and receipts."""

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils import estimator_checks as checks

from framing import FrameClassifier, cross_validate_frames
from framing.errors import FramingError

# our own snippets: three frames, each with its own vocabulary and some shared words
_TEMPLATES = {
    "Politics": ["Senate votes on the {} bill", "Lawmakers clash over {} law", "Governor signs {} measure"],
    "Public opinion": ["Poll finds voters back {} rules", "Survey shows support for {} checks",
                       "Most Americans want {} limits, poll says"],
    "Mental health": ["Shooter had history of {} illness", "Counselors help students after {} trauma",
                      "Therapists warn of {} anxiety"],
}
_FILL = ["gun", "rifle", "firearm", "weapon", "school", "state"]


def _corpus():
    texts, labels = [], []
    for frame, templates in _TEMPLATES.items():
        for template in templates:
            for word in _FILL:
                texts.append(template.format(word))
                labels.append(frame)
    return texts, np.array(labels)


TEXTS, LABELS = _corpus()


def test_fit_predict_proba_and_score():
    model = FrameClassifier("tfidf", random_state=0).fit(TEXTS, LABELS)
    assert list(model.classes_) == sorted(_TEMPLATES)
    proba = model.predict_proba(["A new poll of voters on rifles", "Senate bill on rifles"])
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-12)  # softmax rows: rounding only
    assert model.predict(["A new poll of voters on rifles"]).tolist() == ["Public opinion"]
    assert model.score(TEXTS, LABELS) == 1.0
    assert 0 < model.temperature_ < 20


def test_calibration_changes_confidence_not_the_ranking():
    raw = FrameClassifier("tfidf", calibrate=False).fit(TEXTS, LABELS)
    calibrated = FrameClassifier("tfidf", random_state=0).fit(TEXTS, LABELS)
    probe = ["Voters and lawmakers argue over gun trauma", "Survey on the school bill"]
    assert (raw.predict(probe) == calibrated.predict(probe)).all()
    assert not np.allclose(raw.predict_proba(probe), calibrated.predict_proba(probe))


def test_works_in_pipeline_grid_search_and_cross_val_predict():
    pipeline = make_pipeline(FunctionTransformer(lambda x: [t.lower() for t in x]), FrameClassifier("tfidf"))
    cv = StratifiedKFold(3, shuffle=True, random_state=0)
    predicted = cross_val_predict(pipeline, TEXTS, LABELS, cv=cv)
    assert (predicted == LABELS).mean() > 0.9
    search = GridSearchCV(FrameClassifier("tfidf", calibrate=False), {"C": [0.1, 10.0]}, cv=cv).fit(TEXTS, LABELS)
    assert search.best_params_["C"] in (0.1, 10.0)
    assert pickle.loads(pickle.dumps(search.best_estimator_)).predict(TEXTS[:2]).tolist() == LABELS[:2].tolist()


@pytest.mark.parametrize("check", [
    checks.check_parameters_default_constructible, checks.check_no_attributes_set_in_init,
    checks.check_get_params_invariance, checks.check_set_params, checks.check_estimator_cloneable,
    checks.check_estimator_repr, checks.check_do_not_raise_errors_in_init_or_set_params,
])
def test_sklearn_checks_that_apply_to_text_input(check):
    # the other checks feed numeric matrices, which a raw-text estimator refuses by design
    check("FrameClassifier", FrameClassifier())


def test_fit_does_not_change_params_and_unfitted_raises():
    from sklearn.exceptions import NotFittedError

    model = FrameClassifier("tfidf", C=3.0)
    before = clone(model).get_params()
    model.fit(TEXTS, LABELS)
    assert model.get_params() == before
    with pytest.raises(NotFittedError):
        FrameClassifier().predict(["text"])


def test_multilabel_from_label_sets_and_indicator():
    sets = [(label,) if i % 4 else (label, "Politics") for i, label in enumerate(LABELS)]
    sets = [tuple(dict.fromkeys(s)) for s in sets]
    model = FrameClassifier("tfidf", random_state=0).fit(TEXTS, sets)
    assert model.multilabel_ and list(model.classes_) == sorted(_TEMPLATES)
    predicted = model.predict(["Survey shows support for gun checks"])
    assert predicted.shape == (1, 3) and predicted[0, list(model.classes_).index("Public opinion")] == 1
    proba = model.predict_proba(TEXTS)
    assert ((proba >= 0) & (proba <= 1)).all()
    indicator = pd.DataFrame(model.predict(TEXTS), columns=model.classes_)
    from_indicator = FrameClassifier("tfidf", random_state=0).fit(TEXTS, indicator)
    assert list(from_indicator.classes_) == sorted(_TEMPLATES)


def test_explain_gives_occlusion_receipts_with_offsets():
    model = FrameClassifier("tfidf", random_state=0).fit(TEXTS, LABELS)
    text = "New poll of voters on guns"
    receipt = model.explain(text)
    assert set(receipt["frame"]) == {"Public opinion"}
    assert all(text[s:e] == t for t, s, e in receipt[["token", "start", "end"]].itertuples(index=False))
    assert receipt.iloc[0]["token"] in ("poll", "voters")  # the frame's own vocabulary pushes hardest
    assert len(model.explain(text, top=2)) == 2
    top = model.top_features(3)
    assert set(top.loc[top.frame == "Mental health", "term"]) & {"shooter", "counselors", "therapists", "illness",
                                                                "trauma", "anxiety"}


def test_bad_input_says_how_to_fix():
    with pytest.raises(FramingError, match="raw text"):
        FrameClassifier("tfidf").fit(np.zeros((4, 3)), [0, 1, 0, 1])
    with pytest.raises(FramingError, match="one column"):
        FrameClassifier("tfidf").fit(pd.DataFrame({"a": ["x"], "b": ["y"]}), ["p"])
    with pytest.raises(FramingError, match="strings"):
        FrameClassifier("tfidf").fit(["a", None], ["p", "q"])
    with pytest.raises(FramingError, match="single frame"):
        FrameClassifier("tfidf").fit(["a", "b"], ["p", "p"])
    with pytest.raises(FramingError, match="backbone"):
        FrameClassifier("bert").fit(TEXTS, LABELS)
    with pytest.raises(FramingError, match="one label per text"):
        FrameClassifier("tfidf").fit(TEXTS, LABELS[:-1])


def test_cross_validate_frames_report():
    data = pd.DataFrame({"text": TEXTS, "frame": LABELS, "frame2": ["Politics"] * len(LABELS)})
    report = cross_validate_frames(data, classifier=FrameClassifier("tfidf", random_state=0), n_splits=3,
                                   param_grid={"C": [1.0, 10.0]}, also=["frame2"], random_state=0)
    assert list(report.summary["fold"]) == ["0", "1", "2", "pooled"]
    assert report.summary["n"].iloc[-1] == len(TEXTS) and "best_C" in report.summary
    assert list(report.confusion.index) == list(report.confusion.columns) == sorted(_TEMPLATES)
    assert report.confusion.to_numpy().sum() == len(TEXTS)
    correct = np.trace(report.confusion.to_numpy()) / len(TEXTS)
    assert report.accuracy == pytest.approx(correct)
    assert report.summary["any_accuracy"].iloc[-1] >= report.accuracy
    assert report.per_class["support"].sum() == len(TEXTS)
    with pytest.raises(FramingError, match="fewer than n_splits"):
        cross_validate_frames(data.head(20), n_splits=5)


@pytest.mark.corpus
def test_gvfc_tfidf_cross_validation(corpora):
    from framing.datasets import load_gvfc

    gvfc = load_gvfc(extension=True)
    report = cross_validate_frames(gvfc, label="frame1", classifier=FrameClassifier("tfidf", calibrate=False),
                                   n_splits=5, random_state=0)
    # the published TF-IDF + LR anchor on this data is 0.70 / 0.62 (issue 9); same folds, same numbers
    assert 0.66 < report.accuracy < 0.74 and 0.58 < report.macro_f1 < 0.68
    assert report.confusion.to_numpy().sum() == 1300


def test_minilm_backbones_embed_each_text_once():
    pytest.importorskip("sentence_transformers")
    from framing import frames

    model = FrameClassifier("minilm+tfidf", random_state=0).fit(TEXTS, LABELS)
    assert all(text in frames._EMBEDDINGS for text in TEXTS)  # cached: CV and grid search reuse them
    assert model.predict(["A survey of voters on firearm checks"]).tolist() == ["Public opinion"]
    assert FrameClassifier("minilm", calibrate=False).fit(TEXTS, LABELS).score(TEXTS, LABELS) > 0.9
