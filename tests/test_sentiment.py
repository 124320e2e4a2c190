"""TextBlob and VADER measures: hand-checked values, receipts, and the fast engine's identity
with the libraries on every sentence of the shared corpora."""

from __future__ import annotations

import math
import warnings

import pytest

from framing import FramingError
from framing.sentiment import (
    sentiment_scores,
    textblob_receipt,
    textblob_sentiment,
    vader_receipt,
    vader_sentiment,
)
from framing.text import sentence_spans

# Our own snippets, chosen to hit each rule of both libraries.
TRICKY = [
    "Not good.",
    "The talks were not very good.",
    "The talks were NOT good!",
    "It was kind of good, but the deal is terrible!!",
    "No progress, no trust, no deal.",
    "The summit was the least bad option.",
    "Never so happy :) about a handshake (!)",
    "Without doubt a GREAT success!!! Really very bad though?? Hmm???",
    "He didn't say it wasn't awful; it's not a good sign...",
    "Sort of fine. \u201cWonderful,\u201d he wrote. \u2018Sad\u2019 news \U0001F600 today",
    "good but good but bad",
    "Great, great, great but bad bad",
    "Mr. Kim met Pres. Moon at 5 p.m. in the D.M.Z. -- a historic, U.S.-backed step.",
    "",
    "   ",
    "!!!",
]


def test_hand_checked_values():
    # pattern lexicon: good = (0.7, 0.6); a preceding negation gives polarity * -0.5
    assert textblob_sentiment("Not good.") == (-0.35, 0.6000000000000001)
    # VADER: good = 1.9, "not" multiplies by -0.74: -1.406 / sqrt(1.406**2 + 15)
    expected = round(-1.406 / math.sqrt(1.406**2 + 15), 4)
    assert vader_sentiment("not good")["compound"] == expected == -0.3412
    assert vader_sentiment("") == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


@pytest.mark.parametrize("text", TRICKY)
def test_fast_engine_equals_library_on_tricky_text(text):
    assert textblob_sentiment(text) == textblob_sentiment(text, engine="library")
    assert vader_sentiment(text) == vader_sentiment(text, engine="library")


def test_engine_is_checked():
    with pytest.raises(FramingError, match="engine must be one of"):
        textblob_sentiment("x", engine="turbo")
    with pytest.raises(FramingError, match="unknown sentiment measure"):
        sentiment_scores(["x"], measures=["afinn"])


def test_sentiment_scores_columns_and_duplicates():
    table = sentiment_scores(["A fine deal.", "A terrible threat.", "A fine deal."])
    assert list(table.columns) == [
        "textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos", "vader_neg", "vader_neu",
    ]
    assert table.iloc[0].tolist() == table.iloc[2].tolist()
    assert table.loc[1, "vader_compound"] == vader_sentiment("A terrible threat.", engine="library")["compound"]


def test_textblob_receipt_offsets_and_shares():
    text = "The talks were not very good. Really awful!"
    rows = textblob_receipt(text)
    polarity = [r for r in rows if r["field"] == "polarity"]
    assert [(r["token"], r["modifier"]) for r in polarity] == [
        ("not very good", "negation+intensifier"),
        ("Really awful!", "intensifier+exclamation"),
    ]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["token"]
    assert sum(r["share"] for r in polarity) == pytest.approx(textblob_sentiment(text)[0])


def test_vader_receipt_weights_rebuild_compound():
    text = "The talks were not GOOD, but the summit was a great success"
    rows = vader_receipt(text)
    by_token = {r["token"]: r for r in rows}
    assert by_token["GOOD"]["modifier"] == "negation+caps+but"
    assert by_token["great"]["modifier"] == "but"
    for r in rows:
        assert text[r["start"]:r["end"]] == r["token"]
    total = sum(r["weight"] for r in rows)
    assert round(total / math.sqrt(total**2 + 15), 4) == vader_sentiment(text)["compound"]


def test_vader_receipt_punctuation_row():
    rows = vader_receipt("What a disaster!!")
    assert rows[-1]["modifier"] == "punctuation" and rows[-1]["weight"] == pytest.approx(-0.584)


@pytest.mark.corpus
def test_fast_engine_identical_on_full_corpora(corpora):
    """Every distinct sentence of KCNA + Trump tweets, and every VADER ground-truth item."""
    from framing.datasets import load_kcna, load_trump_tweets, load_vader_groundtruth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = load_kcna(corpora / "kcna")["text"].tolist() + load_trump_tweets(corpora / "trump_tweets")["text"].tolist()
        items = load_vader_groundtruth(corpora / "vader_groundtruth")["text"].tolist()
    sentences = list(dict.fromkeys([t[a:b] for t in texts for a, b in sentence_spans(t)] + items))
    assert len(sentences) > 110_000
    fast = sentiment_scores(sentences, engine="fast")
    library = sentiment_scores(sentences, engine="library")
    differ = (fast != library).any(axis=1)
    assert not differ.any(), [sentences[i] for i in differ[differ].index[:3]]


# Snippets for the VADER batch: each of its shortcuts next to the rule that stops it.
BATCH = TRICKY + [
    "This great deal.", "So great a deal.", "A truly this great day", "at least good", "very least bad",
    "no good news", "The deal is GREAT and the talks are good", "GREAT GOOD", "kind of awful", "The bomb was good",
    "the bomb", "yeah right great", "nothing good", "isn't good", "not the good, the bad and the ugly",
    "A good day \U0001F600 and a bad one", "Good? Bad?? Awful???? Fine!!!!!", "good " * 40 + "but bad",
]


def test_vader_batch_equals_one_text_at_a_time():
    from framing._sentiment_vader import _vader_batch

    table = _vader_batch(BATCH)
    for text, row in zip(BATCH, table.tolist()):
        expected = vader_sentiment(text, engine="library")
        assert row == [expected["compound"], expected["pos"], expected["neg"], expected["neu"]], text
