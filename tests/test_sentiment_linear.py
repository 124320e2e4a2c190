"""VADER's but-check at linear cost gives the library's numbers, quirks included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing._sentiment_vader import _but_check
from framing.sentiment import vader_sentiment


def _library_but_check(sentiments: list[float], bi: int) -> list[float]:
    """vaderSentiment 3.3.2's loop, verbatim (it edits the list it iterates)."""
    sentiments = list(sentiments)
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    return sentiments


# Few distinct values, so equal scores (the quirk) and values that become other values under
# x0.5 / x1.5 (2.0 -> 1.0 -> 1.5 ...) are common.
_values = st.sampled_from([0, 0.0, 1.0, 2.0, 1.5, 0.75, 3.0, -1.0, -2.0, -0.5, 2.25, 4.5])


@settings(max_examples=500, deadline=None)
@given(st.lists(_values, min_size=1, max_size=40), st.data())
def test_same_edits_as_the_library_loop(sentiments, data):
    bi = data.draw(st.integers(0, len(sentiments) - 1))
    ours = list(sentiments)
    _but_check(ours, bi)
    assert ours == _library_but_check(sentiments, bi)
    assert [type(v) for v in ours] == [type(v) for v in _library_but_check(sentiments, bi)]


def test_hand_checked_quirk():
    # "but" at position 2. Step 0 halves 2.0 to 1.0, which now equals the 1.0 at position 1, so
    # step 1 finds position 0 and halves it again (0.5); step 3 reads the 1.0 after "but" but
    # finds position 1 first and halves that one: the score after "but" is never amplified.
    scores = [2.0, 1.0, 0, 1.0]
    _but_check(scores, 2)
    assert scores == _library_but_check([2.0, 1.0, 0, 1.0], 2) == [0.5, 0.5, 0, 1.0]


def test_long_text_with_but_matches_the_library():
    text = " ".join(["good", "bad", "fine", "awful", "but", "great", "okay"] * 300)
    assert vader_sentiment(text) == vader_sentiment(text, engine="library")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.floats(-2, 2), st.integers(-2000, 2000).map(lambda k: (k + 0.5) / 1000),
                          st.integers(-20000, 20000).map(lambda k: (k + 0.5) / 10000), st.just(-0.0),
                          st.integers(-2000, 2000).map(lambda k: k / 1000 + 5e-17)), max_size=30),
       st.sampled_from([3, 4]))
def test_batch_rounding_is_pythons_round(values, places):
    import numpy as np

    from framing._sentiment_vader import _rounded

    got = _rounded(np.array(values, dtype=float), places)
    expected = np.array([round(v, places) for v in values], dtype=float)
    assert got.view(np.int64).tolist() == expected.view(np.int64).tolist()
