"""The measure registry of framing.score, language coverage, and a frame classifier as a measure."""

import warnings

import numpy as np
import pandas as pd
import pytest

from framing import ColumnError, FrameClassifier, explain, score, score_columns
from framing.errors import FramingError
from framing.frames import frame_measure
from framing.measures import Measure, get_measure, measure_names, register_measure, unregister_measure


@pytest.fixture
def own_measure():
    def count_exclamations(texts, options):
        return pd.DataFrame({"bang_count": [t.count("!") for t in texts]})

    def receipt(text, options):
        return [{"measure": "bang", "field": "count", "token": "!", "start": i, "end": i + 1, "weight": 1.0,
                 "share": 1.0, "modifier": ""} for i, c in enumerate(text) if c == "!"]

    measure = register_measure(Measure("bang", ["bang_count"], count_exclamations, receipt, languages=None))
    yield measure
    unregister_measure("bang")


def test_a_measure_is_one_object(own_measure):
    assert "bang" in measure_names() and get_measure("bang") is own_measure
    data = pd.DataFrame({"text": ["Wow! Great!", "", "Calm."]})
    scored = score(data, measures=["vader", "bang"])
    assert list(scored.columns) == ["text", *score_columns(["vader", "bang"]), "score_reason"]
    assert scored["bang_count"].tolist()[::2] == [2.0, 0.0] and np.isnan(scored["bang_count"].iloc[1])
    receipt = explain("Wow! Great!", measures=["bang"])
    assert receipt["start"].tolist() == [3, 10]
    with pytest.raises(FramingError, match="replace=True"):
        register_measure(own_measure)
    with pytest.raises(FramingError, match="built-in"):
        unregister_measure("vader")


def test_builtin_measures_keep_their_columns():
    assert score_columns(["textblob", "vader", "news"]) == [
        "textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos", "vader_neg", "vader_neu",
        "news_sentiment"]
    assert score_columns(["cues"], families=["threat"]) == ["cue_threat", "cue_n_words"]


def test_other_languages_get_nan_and_a_reason(own_measure):
    # our own sentences; "die" is negative in VADER's English lexicon
    data = pd.DataFrame({"text": ["Die Gespräche mit dem Norden sind nicht gescheitert und werden fortgesetzt.",
                                  "Las conversaciones con el Norte no han fracasado y se reanudan.",
                                  "The talks with the North have not failed and will resume!"]})
    with pytest.warns(UserWarning, match="2 text"):
        scored = score(data, measures=["vader", "bang"])
    assert scored["score_reason"].tolist()[:2] == ["language 'de' not covered by vader",
                                                   "language 'es' not covered by vader"]
    assert scored["vader_compound"].iloc[:2].isna().all() and scored["vader_compound"].iloc[2] > 0
    assert scored["bang_count"].tolist() == [0.0, 0.0, 1.0]  # a measure for any language still scores
    assert explain(data["text"].iloc[0], measures=["vader"]).empty


def test_short_english_text_is_not_taken_for_another_language():
    data = pd.DataFrame({"text": ["Die, traitors!", "Kim Jong Un", "Rocket Man", "El Paso rally tonight"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scored = score(data, measures=["vader"])
    assert (scored["score_reason"] == "").all()


def test_two_text_columns_raise_a_clear_error():
    data = pd.DataFrame([["a", "b"]], columns=["text", "text"])
    with pytest.raises(ColumnError, match="2 columns named 'text'"):
        score(data)
    with pytest.raises(ColumnError, match="2 columns named 'text'"):
        explain(data)


def test_frame_classifier_as_a_measure():
    texts = ["Summit talks resume", "Envoys hold talks", "Leaders plan a summit",
             "Missile test fired", "Army fires missiles", "Nuclear test shakes region"]
    model = FrameClassifier("tfidf", calibrate=False).fit(texts, ["Diplomacy"] * 3 + ["Threat/military"] * 3)
    register_measure(frame_measure(model, name="frames"))
    try:
        scored = score(pd.DataFrame({"text": ["New summit talks", "", "Missiles fired"]}), measures=["frames"])
        assert score_columns(["frames"]) == ["frames_diplomacy", "frames_threat_military"]
        probabilities = scored[["frames_diplomacy", "frames_threat_military"]].to_numpy()
        np.testing.assert_allclose(probabilities[[0, 2]].sum(axis=1), 1.0, rtol=1e-12)  # rounding only
        assert probabilities[0, 0] > 0.5 > probabilities[2, 0] and np.isnan(probabilities[1]).all()
        receipt = explain("New summit talks", measures=["frames"])
        assert set(receipt["field"]) == {"diplomacy"} and set(receipt["modifier"]) == {"occlusion"}
        assert receipt.sort_values("weight").iloc[-1]["token"] in ("summit", "talks")
    finally:
        unregister_measure("frames")


@pytest.mark.corpus
def test_no_english_tweet_about_north_korea_is_taken_for_another_language(corpora):
    from framing.datasets import load_trump_tweets, north_korea_filter

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader names the archive's few broken records
        tweets = load_trump_tweets()
    nk = tweets[north_korea_filter(tweets)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a language warning would fail here
        scored = score(nk, measures=["vader"])
    assert (scored["score_reason"] == "").all() and len(scored) > 200
