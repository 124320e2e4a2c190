"""framing.selection.quoted_vs_source: the four groups, the same-weeks rule and the differences,
on hand-made scored rows; and on the real corpora (Trump's North Korea tweets)."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import ColumnError, FramingError, quoted_vs_source

import _summit_corpus as summit

ORIGINALS = pd.DataFrame({
    "doc_id": ["t1", "t2", "t3", "t4", "t5", "k1"],
    "source": ["Trump"] * 5 + ["KCNA"],
    # weeks (Monday starts): t1 2018-06-04 week, t2..t4 the week of 2018-06-11, t5 four weeks later
    "date": ["2018-06-05", "2018-06-11", "2018-06-12", "2018-06-13", "2018-07-10", "2018-06-12"],
    "score": [0.2, 0.8, -0.4, 0.0, 0.9, -0.5],
})
DOCS = framing.make_documents([{"doc_id": d, "source": "Wire", "date": "2018-06-14", "text": "x"} for d in ("a", "b")])
LINKED = pd.DataFrame({
    "doc_id": ["a", "a", "b", "b"],
    "kind": ["direct", "indirect", "direct", "narration"],
    "source": ["Trump", "Trump", "Trump", "Wire"],
    "linked_doc_id": ["t2", "", "t2", "t3"],  # b's narration carries t3 unattributed
    "score": [0.6, -0.2, 0.7, -0.3],
})


def test_groups_and_same_weeks():
    result = quoted_vs_source(LINKED, ORIGINALS, documents=DOCS, source="Trump", measures="score",
                              n_resamples=200, n_permutations=200)
    groups = result.rows.groupby("group")["doc_id"].apply(sorted).to_dict()
    assert groups["at source, quoted"] == ["t2", "t3"]
    # t1 (the week before) and t4 count as the same weeks; t5 is a month later; k1 is KCNA's
    assert groups["at source, not quoted"] == ["t1", "t4"]
    assert groups["as quoted, linked"] == ["a", "b", "b"]
    assert groups["as quoted, all"] == ["a", "a", "b", "b"]
    est = result.estimates.set_index("group")
    assert est.loc["at source, quoted", "mean"] == pytest.approx(0.2)   # (0.8 - 0.4) / 2
    assert est.loc["at source, not quoted", "mean"] == pytest.approx(0.1)
    assert est.loc["as quoted, linked", "mean"] == pytest.approx((0.6 + 0.7 - 0.3) / 3)
    diffs = result.differences.set_index(["group_a", "group_b"])
    assert diffs.loc[("at source, quoted", "at source, not quoted"), "difference"] == pytest.approx(0.1)
    assert len(result.differences) == 3 and set(result.estimates["source"]) == {"Trump"}
    none_before = quoted_vs_source(LINKED, ORIGINALS, documents=DOCS, source="Trump", measures="score",
                                   weeks_before=0, n_resamples=100, n_permutations=100)
    assert sorted(none_before.rows.query("group == 'at source, not quoted'")["doc_id"]) == ["t4"]


def test_errors():
    with pytest.raises(FramingError, match=r"no originals of source 'Kim'"):
        quoted_vs_source(LINKED, ORIGINALS, documents=DOCS, source="Kim", measures="score")
    with pytest.raises(ColumnError, match=r"linked segments lacks column\(s\) \['vader_compound'\]"):
        quoted_vs_source(LINKED, ORIGINALS, documents=DOCS, source="Trump", measures="vader_compound")


def test_trump_selection_on_real_corpora(corpora):
    from framing.datasets import north_korea_filter

    linked = summit.linked(corpora)
    originals = summit.originals(corpora)
    tweets = originals[(originals.source == "Trump") & north_korea_filter(originals)]
    quoting = linked[(linked.linked_doc_id != "") | (linked.source == "Trump")]
    result = quoted_vs_source(framing.score(quoting, measures=["vader"]), framing.score(tweets, measures=["vader"]),
                              documents=summit.articles(corpora), source="Trump", measures="vader_compound",
                              n_resamples=300, n_permutations=300)
    est = result.estimates.set_index("group")
    # dozens of his North Korea tweets are quoted, more of the same weeks are not
    assert est.loc["at source, quoted", "n"] >= 40 and est.loc["at source, not quoted", "n"] >= 60
    assert est.loc["as quoted, all", "n_clusters"] >= 300  # articles quoting Trump
