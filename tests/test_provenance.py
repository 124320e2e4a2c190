"""framing.provenance: linking quotes to the tweets and dispatches they quote (routes, windows,
ties, thresholds), the exact verbatim search, and the targets on the real corpora: recall of
verbatim-quoted tweets and precision on the hand-checked sample in data/provenance_check/."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing import ColumnError, FramingError, link_quotes, verbatim_quotes

import _summit_corpus as summit

CHECKED = Path(__file__).resolve().parent.parent / "data" / "provenance_check" / "checked_links.csv"

TWEETS = framing.make_documents([
    {"doc_id": "t_old", "source": "Trump", "date": "2017-03-01 12:00",
     "text": "The summit talks will bring peace and prosperity to the whole region, believe me!"},
    {"doc_id": "t1", "source": "Trump", "date": "2018-06-10 14:00",
     "text": "Heading to the summit now. Great things will happen for everyone! https://t.co/abc"},
    {"doc_id": "t2", "source": "Trump", "date": "2018-06-11 09:00",
     "text": "Great things will happen for everyone!"},
    {"doc_id": "t3", "source": "Trump", "date": "2018-06-12 03:00",
     "text": "Met the Chairman today. The relationship is very good and the talks were long and productive."},
    {"doc_id": "k1", "source": "KCNA", "date": "2018-06-11",
     "text": "Pyongyang, June 11 (KCNA) -- The spokesman said the new era of relations opened with the talks in "
             "Singapore and the sides must build trust step by step."},
])


def _segments(rows):
    return pd.DataFrame(rows, columns=["doc_id", "kind", "speaker", "source", "text"])


def _docs(dates):
    return framing.make_documents([{"doc_id": d, "source": "Wire", "date": day, "text": "x"} for d, day in dates.items()])


def test_routes_windows_and_ties():
    docs = _docs({"a": "2018-06-12", "b": "2019-01-20", "c": None})
    segs = _segments([
        ("a", "direct", "Trump", "Trump", "“Great things will happen for everyone!”"),        # tie t1/t2
        ("a", "indirect", "Trump", "Trump", 'he said "the talks were long and productive" today'),
        ("a", "indirect", "Kim Jong Un", "KCNA", 'the sides "must build trust step by step," it said'),
        ("a", "narration", "", "Wire", "Met the Chairman today. The relationship is very good and the talks were long"),
        ("a", "direct", "Trump", "Trump", "“peace and prosperity”"),                          # too short
        ("b", "direct", "Trump", "Trump", "“bring peace and prosperity to the whole region”"),  # 8 words, old tweet
        ("b", "direct", "he", "unknown", "“The summit talks will bring peace and prosperity to the whole region, believe me”"),
        ("c", "narration", "", "Wire",
         "Great things will happen for everyone! — Donald J. Trump (@realDonaldTrump) June 10, 2018"),
    ])
    out = link_quotes(segs, TWEETS, documents=docs)
    assert out["linked_doc_id"].tolist() == ["t2", "t3", "k1", "t3", "", "", "t_old", "t1"]
    assert out["link_route"].tolist() == ["voice", "voice", "voice", "text", "", "voice", "text", "embed"]
    # the tie goes to the latest original up to a day after the article; the embed's own date wins
    assert out.loc[0, "link_score"] == 100 and out.loc[7, "link_score"] == 100
    # a short quote of an old tweet is not linked: outside the 7-day window and under text_min_words
    assert out.loc[5, "link_candidates"] == 0 and np.isnan(out.loc[5, "link_score"])
    assert np.isnan(out.loc[4, "link_score"])
    assert list(out.columns[:5]) == list(segs.columns) and "linked_doc_id" not in segs.columns


def test_threshold_window_and_sources_mapping():
    docs = _docs({"a": "2018-06-12"})
    segs = _segments([("a", "direct", "Trump", "Trump", "“Great things will happen for almost everybody!”")])
    scored = link_quotes(segs, TWEETS, documents=docs)
    assert scored.loc[0, "linked_doc_id"] == "" and 60 < scored.loc[0, "link_score"] < 90
    assert link_quotes(segs, TWEETS, documents=docs, threshold=60).loc[0, "linked_doc_id"] in {"t1", "t2"}
    late = _docs({"a": "2018-06-30"})  # t1..t3 fall outside a 7-day window, quote under 10 words
    assert link_quotes(segs, TWEETS, documents=late, threshold=60).loc[0, "linked_doc_id"] == ""
    assert link_quotes(segs, TWEETS, documents=late, threshold=60, window_days=30).loc[0, "linked_doc_id"] == "t2"
    other = segs.assign(speaker="The President", source="The President")
    assert link_quotes(other, TWEETS, documents=docs, text_min_words=None).loc[0, "link_route"] == ""
    mapped = link_quotes(other, TWEETS, documents=docs, sources={"The President": "Trump"}, threshold=60)
    assert mapped.loc[0, "link_route"] == "voice"


def test_errors_name_the_problem():
    docs = _docs({"a": "2018-06-12"})
    segs = _segments([("a", "direct", "Trump", "Trump", "“Great things will happen for everyone!”")])
    with pytest.raises(ColumnError, match=r"originals lacks column\(s\) \['date'\]"):
        link_quotes(segs, TWEETS.drop(columns="date"), documents=docs)
    with pytest.raises(FramingError, match=r"documents \['zz'\] are not in documents"):
        link_quotes(segs.assign(doc_id="zz"), TWEETS, documents=docs)
    with pytest.raises(FramingError, match="threshold is a partial_ratio"):
        link_quotes(segs, TWEETS, documents=docs, threshold=0)


def test_verbatim_quotes_rules():
    docs = framing.make_documents([
        {"doc_id": "a", "date": "2018-06-12", "text": "He wrote: “Heading to the summit now. Great things will "
                                                       "happen for everyone!” Then RT @x: Heading to the summit now."},
        {"doc_id": "b", "date": "2018-06-08", "text": "Heading to the summit now. Great things will happen for everyone!"},
        {"doc_id": "c", "date": None, "text": "“great things will happen for everyone!”"},
    ])
    tweets = pd.concat([TWEETS, framing.make_documents([{"doc_id": "rt", "source": "Trump", "date": "2018-06-10",
                                                         "text": "RT @x: Heading to the summit now."}])])
    found = verbatim_quotes(docs, tweets, min_words=5)
    # a: t1 in full (URL dropped) and t2 inside it; b predates t1 by more than a day; c has the
    # wrong case; the retweet is not Trump's words
    assert found[["doc_id", "linked_doc_id", "lag_days"]].values.tolist() == [["a", "t1", 2.0], ["a", "t2", 1.0]]
    with pytest.raises(FramingError, match="min_words must be at least 2"):
        verbatim_quotes(docs, tweets, min_words=1)


def test_links_on_real_corpora_meet_targets(corpora):
    articles, links = summit.articles(corpora), summit.linked(corpora)
    assert set(links.doc_id) == set(articles.doc_id)
    verbatim = verbatim_quotes(articles, summit.originals(corpora))
    pairs = set(zip(verbatim.doc_id, verbatim.linked_doc_id))
    assert len(pairs) >= 100  # 142 verbatim (article, tweet) pairs when measured
    found = set(zip(links.doc_id, links.linked_doc_id)) & pairs
    assert len(found) / len(pairs) >= 0.90  # the target (0.98 when measured)
    checked = pd.read_csv(CHECKED, dtype={"doc_id": str})
    test = checked[checked["sample"] == "test"]
    assert len(test) >= 60 and set(test.verdict) <= {"correct", "wrong"}
    verdict = {(d, o): v for d, o, v in zip(test.doc_id, test.linked_doc_id, test.verdict)}
    current = links[links.linked_doc_id != ""]
    judged = [verdict[(d, o)] for d, o in zip(current.doc_id, current.linked_doc_id) if (d, o) in verdict]
    assert len(judged) >= 60  # the engine still makes the checked links
    assert judged.count("correct") / len(judged) >= 0.95
    dev_wrong = checked[(checked["sample"] == "dev") & (checked.verdict == "wrong")]
    made = set(zip(current.doc_id, current.start, current.linked_doc_id))
    assert not any((d, s, o) in made for d, s, o in zip(dev_wrong.doc_id, dev_wrong.start, dev_wrong.linked_doc_id))
