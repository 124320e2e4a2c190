"""framing.targets: mentions (aliases, blockers, user entries), clauses, offsets, scores per
voice, receipts; and on real KCNA dispatches."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import ColumnError, FramingError, explain_targets, load_targets, target_clauses, target_sentiment

TEXT = ("Kim Yo Jong met Moon; Kim praised the talks. The U.S. must end its hostile policy, "
        "but China is a friend. Duyeon Kim doubts it.")


def test_mentions_blockers_and_clauses():
    rows = pd.DataFrame({"doc_id": ["k1"], "source": ["KCNA"], "text": [TEXT]})
    out = target_clauses(rows, measures=["vader"])
    assert out[["target", "aliases"]].values.tolist() == [
        ["Kim Jong Un", "Kim"], ["United States", "U.S."], ["China", "China"]]
    # clause offsets index the text: "Kim praised the talks." after the semicolon
    first = out.iloc[0]
    assert TEXT[first.clause_start:first.clause_end] == first.clause == "Kim praised the talks."
    assert first.mention_starts == [TEXT.index("Kim praised")]
    # ", but" opens a new clause: the US clause is negative, the China clause positive
    assert out.iloc[1].clause.endswith("hostile policy") and out.iloc[1].vader_compound < 0
    assert out.iloc[2].clause == "but China is a friend." and out.iloc[2].vader_compound > 0
    assert list(out.columns[:2]) == ["doc_id", "source"] and "text" not in out.columns


def test_segment_offsets_user_aliases_and_several_targets_per_clause():
    segs = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 40], "source": ["Wire", "Trump"],
                         "text": ["Talks resumed.", "Rocket Man and South Korea agree with Pyongyang."]})
    out = target_clauses(segs, measures=["vader"])
    assert sorted(out["target"]) == ["Kim Jong Un", "North Korea", "South Korea"]
    assert set(out["clause_start"]) == {40} and set(out["source"]) == {"Trump"}
    nk = out.set_index("target").loc["North Korea"]
    assert nk.mention_starts == [40 + segs.text[1].index("Pyongyang")]
    mine = target_clauses(segs, targets={"Talks": "Diplomacy", "Pyongyang": ""}, measures=["vader"])
    assert sorted(mine["target"]) == ["Diplomacy", "Kim Jong Un", "South Korea"]  # "" blocks Pyongyang
    assert load_targets({"Talks": "Diplomacy"}).set_index("alias").loc["Talks", "target"] == "Diplomacy"
    with pytest.raises(ColumnError, match=r"target table lacks column\(s\) \['target'\]"):
        load_targets(pd.DataFrame({"alias": ["x"]}))
    with pytest.raises(FramingError, match="empty alias"):
        load_targets({"": "X"})


def test_target_sentiment_and_receipts():
    rows = pd.DataFrame({"doc_id": ["1", "2", "3", "4"], "source": ["KCNA", "KCNA", "Trump", "Trump"],
                         "start": [0, 0, 10, 0],
                         "text": ["The U.S. is hostile and evil.", "The U.S. spreads a terrible war threat.",
                                  "Chairman Kim is a great, wonderful leader.", "Kim was very good to me."]})
    clauses = target_clauses(rows, measures=["vader"])
    table = target_sentiment(clauses, n_resamples=300).set_index(["source", "target"])
    assert table.loc[("KCNA", "United States"), "mean"] < 0 < table.loc[("Trump", "Kim Jong Un"), "mean"]
    assert table.loc[("KCNA", "United States"), "n_clusters"] == 2
    only = target_sentiment(clauses, targets=["Kim Jong Un"], n_resamples=100)
    assert set(only["target"]) == {"Kim Jong Un"}
    with pytest.raises(FramingError, match="no clauses for targets"):
        target_sentiment(clauses, targets=["China"])
    receipt = explain_targets(clauses, row=clauses.index[clauses.doc_id == "3"][0], measures=["vader"])
    words = dict(zip(receipt.token, receipt.start))
    assert words["great"] == 10 + rows.text[2].index("great") and set(receipt.target) == {"Kim Jong Un"}


def test_kcna_about_the_us_is_negative(corpora):
    from framing.datasets import load_kcna
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kcna = load_kcna(corpora / "kcna", lang="en")
    spring = kcna[(kcna.date >= "2018-03-01") & (kcna.date < "2018-04-01")]
    clauses = target_clauses(spring, measures=["vader"])
    table = target_sentiment(clauses, n_resamples=300).set_index("target")
    # KCNA in March 2018: the US in hostile clauses, Kim Jong Un in praise (interval bounds)
    assert table.loc["United States", "ci_high"] < 0 < table.loc["Kim Jong Un", "ci_low"]
    assert table.loc["Kim Jong Un", "n_clusters"] >= 50
