"""framing.coverage: voice groups per segment and voice shares per article, on hand-made
segments (independent of the voices engine) and on the real AllSides corpus."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import ColumnError, FramingError, load_voice_groups, voice_groups, voice_shares

import _summit_corpus as summit


def _segments(rows):
    return pd.DataFrame(rows, columns=["doc_id", "kind", "source", "text"])


DOCS = framing.make_documents([
    {"doc_id": "a", "source": "Wire", "outlet": "Wire", "bias": "center", "text": "x"},
    {"doc_id": "b", "source": "Daily", "outlet": "Daily", "bias": "left", "text": "x"},
])
SEGS = _segments([
    ("a", "headline", "Wire", "Summit set for June"),                       # 4 words, narration
    ("a", "narration", "Wire", "The talks went on"),                        # 4, narration
    ("a", "direct", "Trump", "We will see what happens next week"),         # 7, Trump
    ("a", "indirect", "KCNA", "the meeting was a success"),                 # 5, North Korea
    ("a", "narration", "Reuters", "Reuters writes that aides met"),         # 5, credited narration: others
    ("a", "boilerplate", "", "Leave a Reply"),                              # left out
    ("b", "narration", "narrator", "Seoul is wary"),                        # 3, narration
    ("b", "direct", "Mike Pompeo", "Progress was made"),                    # 3, US officials
    ("b", "indirect", "Moon Jae-in", "peace is near"),                      # 3, South Korea
    ("b", "direct", "Trump critics", "This is a show"),                     # 4, others (before Trump)
    ("b", "indirect", "Trump administration", "sanctions stay"),            # 2, US officials
])


def test_voice_groups_rules():
    out = voice_groups(SEGS, DOCS)
    assert out["voice_group"].tolist() == [
        "narration", "narration", "Trump", "North Korea", "others", "boilerplate",
        "narration", "US officials", "South Korea", "others", "US officials"]
    assert out["words"].tolist() == [4, 4, 7, 5, 5, 3, 3, 3, 3, 4, 2]
    assert "voice_group" not in SEGS.columns  # input untouched


def test_voice_shares_by_hand():
    table = voice_shares(SEGS, DOCS, by="bias", n_resamples=200).set_index(["bias", "voice_group"])
    # article a: 25 counted words (boilerplate left out): narration 8, Trump 7, NK 5, others 5
    assert table.loc[("center", "narration"), "mean"] == pytest.approx(8 / 25)
    assert table.loc[("center", "Trump"), "mean"] == pytest.approx(7 / 25)
    assert table.loc[("center", "North Korea"), "mean"] == pytest.approx(5 / 25)
    # article b: 15 words: narration 3, US officials 5, South Korea 3, others 4
    assert table.loc[("left", "US officials"), "mean"] == pytest.approx(5 / 15)
    assert table.loc[("left", "Trump"), "mean"] == 0
    assert list(table.loc["left"].index) == list(framing.VOICE_GROUPS)
    assert (table["n"] == 1).all() and table["ci_low"].isna().all()  # one article: no interval


def test_voice_shares_average_articles_with_intervals():
    docs = framing.make_documents([{"doc_id": str(i), "source": "W", "outlet": "W", "text": "x"} for i in range(4)])
    segs = _segments([(str(i), "narration", "W", "one two three") for i in range(4)]
                     + [("0", "direct", "Trump", "four"), ("1", "direct", "Trump", "four five six")])
    table = voice_shares(segs, docs, n_resamples=500).set_index("voice_group")
    # per-article Trump shares 1/4, 1/2, 0, 0: every article weighs the same
    assert table.loc["Trump", "mean"] == pytest.approx((0.25 + 0.5) / 4)
    assert 0 <= table.loc["Trump", "ci_low"] < table.loc["Trump", "mean"] < table.loc["Trump", "ci_high"] <= 0.5
    assert table.loc["narration", "mean"] == pytest.approx((0.75 + 0.5 + 1 + 1) / 4)


def test_voice_group_table_is_user_editable(tmp_path):
    mine = pd.DataFrame({"pattern": ["^Reuters$"], "group": ["wire"]})
    out = voice_groups(SEGS, DOCS, groups=mine)
    assert out.loc[4, "voice_group"] == "wire" and out.loc[2, "voice_group"] == "others"
    table = voice_shares(SEGS, DOCS, groups=mine, n_resamples=100)
    assert "wire" in set(table["voice_group"])
    path = tmp_path / "groups.csv"
    mine.to_csv(path, index=False)
    assert load_voice_groups(path).equals(mine)
    with pytest.raises(FramingError, match="not a regular expression"):
        load_voice_groups(pd.DataFrame({"pattern": ["(unclosed"], "group": ["x"]}))
    with pytest.raises(ColumnError, match=r"voice-group table lacks column\(s\) \['group'\]"):
        load_voice_groups(pd.DataFrame({"pattern": ["x"]}))
    with pytest.raises(FramingError, match=r"documents \['zz'\] are not in documents"):
        voice_groups(_segments([("zz", "narration", "W", "text")]), DOCS)


def test_voice_shares_on_allsides(corpora):
    articles, segments = summit.articles(corpora), summit.segments(corpora)
    assert set(segments.doc_id) == set(articles.doc_id)  # every one of the 615 articles processed
    table = voice_shares(segments, articles, by="bias", n_resamples=300)
    assert set(table["bias"]) == {"left", "center", "right"}
    assert (table.groupby("bias")["n"].first().to_dict() == {"center": 220, "left": 188, "right": 207})
    sums = table.groupby("bias")["mean"].sum()
    assert ((sums - 1).abs() < 1e-9).all()  # the six groups partition each article's words
    narration = table[table.voice_group == "narration"].set_index("bias")["mean"]
    assert (narration > 0.4).all() and (narration < 0.8).all()  # outlets mostly narrate
    reuters = voice_shares(segments, articles, by="outlet", n_resamples=300).query("outlet == 'Reuters'")
    assert int(reuters["n"].iloc[0]) == 44
