"""Validity helpers: hand-checked on small frames, and the headline numbers on the corpora."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from framing import FramingError
from framing.validation.validity import (frame_validity, loaded_language_validity, rater_agreement,
                                         sentiment_validity)


def test_rater_agreement_hand_checked():
    # rater 0 vs the other: items (1 vs 1), (2 vs 2), (3 vs 4) -> r = 0.982; rater 1 the same
    assert rater_agreement(pd.Series([[1, 1], [2, 2], [3, 4]]), max_raters=2) == pytest.approx(0.98198, abs=1e-4)


def test_sentiment_validity_takes_a_cross_validation_already_computed():
    # notebook 03 shows the folds and the table: one cross-validation feeds both (it is the slow part)
    texts = ["A welcome and hopeful agreement.", "A brutal, reckless attack.", "The budget was adopted.",
             "Hopeful talks resumed.", "I love this phone", "Worst movie ever", "It is fine"]
    truth = pd.DataFrame({"subset": ["nyt"] * 4 + ["amazon"] * 3, "text": texts,
                          "mean": [1.8, -2.5, 0.0, 1.2, 2.5, -3.0, 0.4],
                          "ratings": [[2, 1, 2], [-3, -2, -2], [0, 0, 1], [1, 1, 2], [3, 2, 2], [-3, -3, -2], [0, 1, 0]],
                          "group": ["a", "b", "c", "d", "e", "f", "g"]})
    folds = pd.DataFrame({"fold": [0, "pooled"], "n": [4, 4], "r_model": [0.5, 0.4242]})
    table = sentiment_validity(truth, cross_validation=folds).set_index("subset")
    assert table.loc["nyt", "r_model"] == 0.4242 and table.loc["nyt", "model_r_kind"].startswith("cross-validated")
    assert table.loc["amazon", "model_r_kind"] == "in-sample" and table.loc["nyt", "n"] == 4
    with pytest.raises(FramingError, match="r_model"):
        sentiment_validity(truth, cross_validation=folds.drop(columns="r_model"))


def test_loaded_language_precision_recall_by_hand():
    text = "The regime lied. A calm and careful report. The puppet spoke."
    articles = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    regime = text.index("regime")
    calm = text.index("calm")
    annotations = pd.DataFrame({
        "doc_id": ["a", "a"], "field": ["text", "text"], "bias": ["lex", "lex"],
        "start": [regime - 4, calm], "end": [regime + 6, calm + 4],   # "The regime", "calm"
    })
    table = loaded_language_validity(articles, annotations).set_index(["gold", "predictor"])
    row = table.loc[("lex", "loaded")]
    assert row["n_predicted"] == 2 and row["n_gold"] == 2  # regime, puppet / two spans
    assert row["precision"] == 0.5 and row["recall"] == 0.5


def test_frame_validity_by_hand():
    gvfc = pd.DataFrame({
        "text": ["Tax costs rise", "Senate vote on guns", "Budget talks", "A sunny day"],
        "frame1": ["Economic consequences", "Politics", "Politics", ""],
        "frame2": ["", "", "Economic consequences", ""],
        "relevant": [True, True, True, True],
    })
    table = frame_validity(gvfc, mapping={"Economic consequences": ("economic",)}).iloc[0]
    # predicted: rows 0 (tax, costs) and 2 (budget); both carry the frame
    assert (table["n_frame"], table["n_predicted"], table["precision"], table["recall"]) == (2, 2, 1.0, 1.0)
    assert table["auc"] == 1.0


@pytest.mark.corpus
def test_basil_and_gvfc_numbers(corpora):
    from framing.datasets import load_basil, load_basil_annotations, load_gvfc

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the readers name the corpora's few broken records
        articles, spans, gvfc = load_basil(), load_basil_annotations(), load_gvfc()
    basil = loaded_language_validity(articles, spans).set_index(["gold", "predictor"])
    loaded, baseline = basil.loc[("lex", "loaded")], basil.loc[("lex", "vader_lexicon_words (baseline)")]
    assert loaded["n_gold"] == 478
    assert loaded["precision"] > 5 * baseline["precision"]  # measured 0.143 vs 0.016
    assert 0.05 < loaded["recall"] < 0.2  # measured 0.079: narrow by design
    frames = frame_validity(gvfc).set_index("frame")
    assert frames["n_headlines"].iloc[0] == 2609
    for frame in ("Politics", "Economic consequences", "Gun control/regulation"):
        assert frames.loc[frame, "auc"] > 0.65
        assert frames.loc[frame, "precision"] > 2 * frames.loc[frame, "base_rate"]
