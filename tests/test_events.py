"""framing.events: the events table, windows before/after events with differences, the
timeline table and its plot (artists inspected)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

from framing import FramingError, event_timeline, event_windows, load_events, plot_over_time

import _summit_corpus as summit


def test_shipped_events_table():
    events = load_events()
    assert len(events) == 11 and events["label"].is_unique
    days = dict(zip(events.label, events.date.dt.strftime("%Y-%m-%d")))
    assert days["Singapore summit"] == "2018-06-12" and days["Fire and fury"] == "2017-08-08"
    assert days["Stockholm talks"] == "2019-10-05" and (events.citation != "").all()
    assert (events.end_date >= events.date).all() and str(events.date.dt.tz) == "UTC"


def test_user_events_and_errors(tmp_path):
    path = tmp_path / "mine.csv"
    pd.DataFrame({"date": ["2019-01-01"], "label": ["New year"]}).to_csv(path, index=False)
    mine = load_events(path)
    assert mine.end_date.iloc[0] == mine.date.iloc[0] and mine.citation.iloc[0] == ""
    with pytest.raises(FramingError, match=r"events \['x'\] have no readable date"):
        load_events(pd.DataFrame({"date": ["soon"], "label": ["x"]}))
    with pytest.raises(FramingError, match="end before they start"):
        load_events(pd.DataFrame({"date": ["2019-01-02"], "end_date": ["2019-01-01"], "label": ["x"]}))


def _data():
    # A: two articles 10 and 3 days before a two-day event, then on its days and after
    return pd.DataFrame({
        "source": ["A", "A", "A", "A", "A", "B"],
        "doc_id": ["a1", "a2", "a3", "a4", "a5", "b1"],
        "date": ["2019-02-17", "2019-02-24", "2019-02-27", "2019-02-28", "2019-03-14", "2019-02-20"],
        "score": [0.0, 0.2, 0.6, 0.8, 0.4, 1.0]})


def test_event_windows_by_hand():
    events = pd.DataFrame({"date": ["2019-02-27"], "end_date": ["2019-02-28"], "label": ["Hanoi"]})
    table = event_windows(_data(), measures="score", events=events, n_resamples=300, n_permutations=300)
    a = table.set_index("source").loc["A"]
    # before: Feb 13..26 (a1, a2); after: Feb 27 .. Mar 14 (a3, a4, a5: the event days count as after)
    assert (a.n_before, a.n_after) == (2, 3)
    assert a.mean_before == pytest.approx(0.1) and a.mean_after == pytest.approx(0.6)
    assert a.difference == pytest.approx(0.5) and a.diff_ci_low <= 0.5 <= a.diff_ci_high
    b = table.set_index("source").loc["B"]  # only a before window: no difference
    assert (b.n_before, b.n_after) == (1, 0) and np.isnan(b.difference) and np.isnan(b.mean_after)
    short = event_windows(_data(), measures="score", events=events, before=3, after=0, n_resamples=100,
                          n_permutations=100).set_index("source").loc["A"]
    assert (short.n_before, short.n_after) == (1, 2)  # Feb 24..26; Feb 27..28
    with pytest.raises(FramingError, match="before must be at least 1 day"):
        event_windows(_data(), measures="score", events=events, before=0)


def test_event_windows_say_what_is_averaged_and_which_interval():
    events = pd.DataFrame({"date": ["2019-02-27"], "end_date": ["2019-02-28"], "label": ["Hanoi"]})
    # a3 gets two more rows: per segment the after mean is pulled to a3's 0.6 rows, per document not
    data = pd.concat([_data(), _data().iloc[[2, 2]].assign(score=[0.6, 0.6])], ignore_index=True)
    rows = event_windows(data, measures="score", events=events, n_resamples=200, n_permutations=200)
    docs = event_windows(data, measures="score", events=events, weight="document", n_resamples=200,
                         n_permutations=200)
    a, a_docs = rows.set_index("source").loc["A"], docs.set_index("source").loc["A"]
    assert a.weight == "segment" and a_docs.weight == "document"
    assert a.mean_after == pytest.approx((0.6 * 3 + 0.8 + 0.4) / 5) and a_docs.mean_after == pytest.approx(0.6)
    assert a.method_before == a.method_after == "bca"  # 2 and 3 clusters: below 30, BCa
    assert docs.set_index("source").loc["B"].method_after == ""  # an empty window has no interval


def test_timeline_table_and_plot():
    table = event_timeline(_data(), measures="score", freq="W", n_resamples=100)
    marked = table[table.events != ""]
    assert marked.events.tolist() == ["Hanoi summit"] and str(marked.period_start.iloc[0]) == "2019-02-25"
    ax = plot_over_time(table[table.source == "A"], measure="score", events=load_events())
    assert [t.get_text() for t in ax.texts] == ["Hanoi summit"]
    assert len(ax.patches) >= 1  # the two-day summit is a band, not a line


def test_trump_tweets_around_singapore(corpora):
    from framing.datasets import north_korea_filter
    import framing

    tweets = summit.originals(corpora)
    tweets = tweets[(tweets.source == "Trump") & north_korea_filter(tweets)]
    # the issue: 216 North Korea tweets (no retweets), 128 of them after the KCNA corpus ends
    # (from 2018-04-27, the Panmunjom summit, on)
    assert len(tweets) == 216 and int((tweets.date >= "2018-04-27").sum()) == 128
    scored = framing.score(tweets, measures=["vader"])
    events = load_events().query("label == 'Singapore summit'")
    row = event_windows(scored, measures="vader_compound", events=events, before=30, after=30,
                        n_resamples=500, n_permutations=500).iloc[0]
    assert row.n_before + row.n_after >= 20 and -1 <= row.mean_after <= 1
