"""The news-sentiment model: shipped as JSON, rebuilt identically, explainable, validated."""

from __future__ import annotations

import json
import math
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from framing import FramingError, news_sentiment
from framing.model import build_news_model, load_news_model
from framing.validation.models import cross_validate_news_model


def _toy():
    nyt = ["A welcome and hopeful agreement.", "A brutal, reckless attack.", "The budget was adopted.",
           "Hopeful talks resumed.", "Reckless threats again.", "The committee met on Tuesday."]
    other = ["I love this phone", "Worst movie ever", "It is fine"]
    return pd.DataFrame({
        "subset": ["nyt"] * 6 + ["amazon", "movie", "tweets"],
        "text": nyt + other,
        "mean": [1.8, -2.5, 0.0, 1.2, -1.9, 0.1, 2.5, -3.0, 0.4],
    })


def test_shipped_file_is_json_with_provenance():
    raw = resources.files("framing").joinpath("data", "models", "news_sentiment.json").read_text(encoding="utf-8")
    params = json.loads(raw)
    assert params["format"] == "framing.news_sentiment/1"
    assert params["settings"]["random_state"] == 0
    assert params["training"]["by_subset"]["nyt"] == 2622
    assert len(params["idf"]) == len(params["coef_words"]) == len(params["terms"]) == len(set(params["terms"]))


def test_same_data_and_seed_same_model():
    a = build_news_model(_toy(), min_df=1, random_state=3).to_dict()
    b = build_news_model(_toy(), min_df=1, random_state=3).to_dict()
    assert a == b
    assert a["training"] == {"items": 9, "by_subset": {"amazon": 1, "movie": 1, "nyt": 6, "tweets": 1}}
    only_nyt = build_news_model(_toy(), min_df=1, other_weight=0).to_dict()
    assert only_nyt["training"]["items"] == 6


def test_word_features_follow_the_tfidf_formula():
    model = build_news_model(_toy(), min_df=1)
    text = "Reckless reckless talks"
    matrix = model._word_matrix([text])
    v = model.vocabulary
    assert "reckless reckless" not in v and "reckless talks" not in v  # unseen bigrams count for nothing
    raw = {v["reckless"]: (1 + math.log(2)) * model.idf[v["reckless"]], v["talks"]: model.idf[v["talks"]]}
    norm = math.sqrt(sum(w * w for w in raw.values()))
    for col, w in raw.items():
        assert matrix[0, col] == pytest.approx(w / norm)


@pytest.mark.parametrize("text", [
    "Reckless reckless talks", "", "a", "Kim's U.S.-backed deal, 2019: 'no'\u2014\u201cyes\u201d", "\u0130stanbul ISTANBUL",
    "caf\u00e9 na\u00efve \u00dcber stra\u00dfe", "x_y __init__ 42 4.5", "Talks\n\ncollapsed\tagain!!",
])
def test_fast_terms_equal_the_vectorizer_analyzer(text):
    model = load_news_model()
    assert model._terms(text) == model._analyzer(text)


def test_explain_adds_up_to_the_prediction():
    model = load_news_model()
    text = "The summit was a historic success, but the threats continue."
    table = model.explain(text)
    assert set(table["kind"]) == {"word", "lexicon", "intercept"}
    assert table["contribution"].sum() == pytest.approx(float(model.predict([text])[0]))
    assert "success" in set(table["feature"])
    assert table["contribution"].abs().is_monotonic_decreasing


def test_prediction_direction_and_empty():
    good, bad = news_sentiment(["The agreement is a welcome, hopeful step.", "A brutal, deadly and reckless attack."])
    assert good > 0.5 and bad < -0.5
    assert load_news_model().predict([]).shape == (0,)


def test_needs_nyt_rows():
    with pytest.raises(FramingError, match="no 'nyt' rows"):
        build_news_model(_toy().assign(subset="movie"))


@pytest.mark.corpus
def test_rebuild_from_corpus_matches_shipped_file(corpora):
    from framing.datasets import load_vader_groundtruth

    rebuilt = build_news_model(load_vader_groundtruth(corpora / "vader_groundtruth")).to_dict()
    shipped = load_news_model().to_dict()
    numbers = ("idf", "coef_words", "coef_dense", "dense_mean", "dense_scale", "intercept")
    assert {k: v for k, v in rebuilt.items() if k not in numbers} == {k: v for k, v in shipped.items() if k not in numbers}
    # sparse_cg stops at a relative residual of 1e-8 and the file keeps 8 decimals, so another
    # BLAS (summation order) can move a coefficient in its last decimals; 1e-6 is 100x that and
    # far below anything visible in a score (3 decimals).
    for key in numbers:
        np.testing.assert_allclose(rebuilt[key], shipped[key], rtol=0, atol=1e-6, err_msg=key)


@pytest.mark.corpus
def test_cross_validated_r_on_nyt(corpora):
    from framing.datasets import load_vader_groundtruth

    table = cross_validate_news_model(load_vader_groundtruth(corpora / "vader_groundtruth")).set_index("fold")
    pooled = table.loc["pooled"]
    assert pooled["n"] == 2622 and table.drop("pooled")["n"].sum() == 2622
    # same held-out sentences for all three; measured: model 0.561, VADER 0.509, TextBlob 0.287
    assert pooled["r_textblob"] == pytest.approx(0.287, abs=0.005)
    assert pooled["r_vader"] == pytest.approx(0.509, abs=0.005)
    assert pooled["r_model"] > pooled["r_vader"] + 0.04
    assert (table.drop("pooled")["r_model"] > table.drop("pooled")["r_vader"]).all()
    assert np.isfinite(table[["r_model", "r_textblob", "r_vader"]].to_numpy()).all()


def test_counts_by_id_equal_the_counter_per_text():
    # the batch path of _word_matrix: same columns, counts and order as Counter over _terms
    from collections import Counter

    model = load_news_model()
    texts = ["Reckless reckless talks", "", "a", "Kim's U.S.-backed deal, 2019: 'no'\u2014\u201cyes\u201d",
             "\u0130stanbul ISTANBUL", "caf\u00e9 na\u00efve \u00dcber stra\u00dfe", "x_y __init__ 42 4.5",
             "Talks\n\ncollapsed\tagain!!", "the talks the talks of the talks", "human rights human rights"]
    cols, tfs, lengths = model._counts_by_id(texts)
    expected = [Counter(t for t in model._terms(text) if t in model.vocabulary) for text in texts]
    assert lengths.tolist() == [len(c) for c in expected]
    assert cols.tolist() == [model.vocabulary[t] for c in expected for t in c]
    assert tfs.tolist() == [n for c in expected for n in c.values()]


def test_row_norms_equal_the_dot_of_each_row():
    from framing.model import _row_norms

    rng = np.random.default_rng(0)
    lengths = rng.integers(0, 60, size=500)
    weights = rng.random(lengths.sum()) * np.repeat(rng.choice([1e-3, 1.0, 1e3], size=500), lengths)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    expected = [math.sqrt(float(weights[a:b] @ weights[a:b])) if b > a else 1.0 for a, b in zip(bounds[:-1], bounds[1:])]
    assert _row_norms(weights, bounds).tolist() == expected
