"""framing.score / explain / highlight_html on frames, voices segments and the real corpora."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing import CUE_FAMILIES, ColumnError, FramingError, explain, highlight_html, score, score_columns, voices
from framing.sentiment import textblob_sentiment, vader_sentiment


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "text": ["Talks collapsed again.", "", None, "We made great progress!", "   ", "!!!", 42,
                     "Talks collapsed again."],
            "source": list("abcdefgh"),
        },
        index=[10, 11, 12, 13, 14, 15, 16, 17],
    )


def test_columns_reasons_and_no_dropped_rows(frame):
    before = frame.copy()
    scored = score(frame)
    pd.testing.assert_frame_equal(frame, before)  # input untouched
    assert list(scored.index) == list(frame.index)
    assert list(scored.columns) == ["text", "source", *score_columns(), "score_reason"]
    assert scored["score_reason"].tolist() == [
        "", "empty text", "missing text", "", "empty text", "no words", "not a string (int)", "",
    ]
    unusable = scored["score_reason"] != ""
    assert scored.loc[unusable, score_columns()].drop(columns="cue_n_words").isna().all().all()
    assert scored.loc[~unusable, score_columns()].notna().all().all()
    # duplicates get the same numbers
    assert scored.loc[10, score_columns()].tolist() == scored.loc[17, score_columns()].tolist()


def test_repeated_index_labels_and_string_dtype():
    data = pd.DataFrame({"text": pd.array(["Good news.", None, "Bad news."], dtype="string")}, index=[1, 1, 2])
    scored = score(data, measures=["vader"])
    assert scored["score_reason"].tolist() == ["", "missing text", ""]
    assert scored["vader_compound"].iloc[0] > 0 > scored["vader_compound"].iloc[2]


def test_sentiment_columns_equal_the_libraries(frame):
    scored = score(frame, measures=["textblob", "vader"])
    text = "We made great progress!"
    row = scored.loc[13]
    assert (row["textblob_polarity"], row["textblob_subjectivity"]) == textblob_sentiment(text, engine="library")
    v = vader_sentiment(text, engine="library")
    assert [row[f"vader_{k}"] for k in ("compound", "pos", "neg", "neu")] == [v[k] for k in ("compound", "pos", "neg", "neu")]


def test_cue_rates_and_custom_text_column():
    data = pd.DataFrame({"body": ["Sanctions and more sanctions.", "Peace talks."]})
    scored = score(data, text="body", measures=["cues"], families=["sanctions", "diplomacy"])
    assert list(scored.columns) == ["body", "cue_sanctions", "cue_diplomacy", "cue_n_words", "score_reason"]
    assert scored["cue_sanctions"].tolist() == [pytest.approx(50.0), 0.0]
    assert scored["cue_n_words"].tolist() == [4, 2]


def test_input_errors_name_the_fix(frame):
    with pytest.raises(ColumnError, match=r"lacks column\(s\) \['body'\].*'text', 'source'"):
        score(frame, text="body")
    with pytest.raises(FramingError, match="unknown measure"):
        score(frame, measures=["liwc"])
    with pytest.raises(FramingError, match="must be a pandas DataFrame"):
        score(["a text"])
    with pytest.raises(ColumnError, match="cue"):
        score(frame, cue="attribution")


def test_voices_segments_score_attribution_on_their_cue():
    text = 'The minister claimed the plan "will fail badly," and reporters said it was over.'
    segments = voices(text, doc_id="d1")
    scored = score(segments)
    assert len(scored) == len(segments)
    has_cue = segments["cue"].fillna("").str.strip() != ""
    assert scored.loc[~has_cue, "cue_attribution_loaded"].isna().all()
    loaded = scored.loc[segments["cue"] == "claimed", "cue_attribution_loaded"]
    assert (loaded == 1).all() and len(loaded) > 0
    # cue=False scores attribution verbs in the text instead
    plain = score(segments, measures=["cues"], cue=False)
    assert plain["cue_attribution_loaded"].notna().all()


def test_explain_text_offsets_and_measures():
    text = "The talks were not good, and the regime claimed victory!"
    receipt = explain(text)
    assert list(receipt.columns) == ["measure", "field", "token", "start", "end", "weight", "share", "modifier"]
    assert set(receipt["measure"]) == {"textblob", "vader", "cues", "news"}
    spans = receipt[receipt["start"] >= 0]
    assert all(text[s:e] == tok for s, e, tok in spans[["start", "end", "token"]].itertuples(index=False))
    vader = receipt[receipt["measure"] == "vader"].set_index("token")
    assert vader.loc["good", "weight"] == pytest.approx(-1.406) and vader.loc["good", "modifier"] == "negation"
    cues = receipt[receipt["measure"] == "cues"]
    assert {"loaded", "attribution_loaded", "exclamation"} <= set(cues["field"])
    news = receipt[receipt["measure"] == "news"]
    assert news["share"].sum() == pytest.approx(score(pd.DataFrame({"text": [text]}))["news_sentiment"][0])


def test_explain_frame_rows(frame):
    receipt = explain(frame, row=[13, 11], measures=["vader", "cues"])
    assert set(receipt["row"]) == {13}  # the empty text has no receipt
    assert receipt.columns[0] == "row"
    with pytest.raises(ColumnError, match="not in the frame's index"):
        explain(frame, row=99)


def test_highlight_html():
    markup = highlight_html("A brutal attack, and great progress!", measures=["vader", "cues"])
    assert markup._repr_html_() == str(markup)
    assert markup.count("<mark") >= 3
    assert "background:#fcbba1" in markup and "background:#c7e9c0" in markup  # red and green
    assert "&lt;" in highlight_html("x < y is a threat", measures=["cues"])  # text is escaped
    data = pd.DataFrame({"text": ["Fake News!"], "cue": [""]})
    markup = highlight_html(data, row=0)
    assert "Fake</mark>" in markup and "loaded" in markup


@pytest.mark.corpus
def test_score_documents_of_a_real_corpus(corpora):
    import warnings

    from framing.datasets import load_trump_tweets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tweets = load_trump_tweets(corpora / "trump_tweets").head(2000)
    scored = score(tweets)
    assert len(scored) == 2000 and scored.index.equals(tweets.index)
    reasons = scored["score_reason"].value_counts().to_dict()
    assert reasons.get("", 0) > 1900
    ok = scored[scored["score_reason"] == ""]
    assert ok["vader_compound"].between(-1, 1).all()
    assert ok[[f"cue_{f}" for f in CUE_FAMILIES]].ge(0).all().all()
    # the model and VADER agree in direction on most tweets
    assert np.corrcoef(ok["news_sentiment"], ok["vader_compound"])[0, 1] > 0.6
