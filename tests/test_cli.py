"""`framing demo`: the whole pipeline on the bundled demo corpus."""

from __future__ import annotations

import pandas as pd

from framing.cli import main
from framing.datasets import load_demo


def test_demo_runs_end_to_end_and_writes_chart_with_numbers(tmp_path, capsys):
    assert main(["demo", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    for heading in ("1. Documents per source", "2. The demo article split into voices",
                    "3. Per-source comparison"):
        assert heading in printed
    assert "boilerplate" in printed  # the page furniture at the end of the article
    table = pd.read_csv(tmp_path / "demo_sources.csv")
    assert (tmp_path / "demo_sources.png").stat().st_size > 10_000
    # every source of the single-voice documents is compared, on every measure
    assert {"Trump", "KCNA", "Reuters"} <= set(table["source"])
    assert set(table["measure"]) >= {"vader_compound", "textblob_polarity", "news_sentiment",
                                     "cue_conflict", "cue_loaded"}
    with_interval = table.dropna(subset=["ci_low", "ci_high"])
    assert ((with_interval["ci_low"] <= with_interval["mean"]) & (with_interval["mean"] <= with_interval["ci_high"])).all()
    # a source seen in one document only has no interval across documents
    assert table.loc[table["n_clusters"] == 1, "ci_low"].isna().all()
    # the five tweets are five clusters of Trump's voice (plus the article quoting him)
    trump = table[(table["source"] == "Trump") & (table["measure"] == "vader_compound")].iloc[0]
    assert trump["n_clusters"] >= 5


def test_demo_is_deterministic(tmp_path, capsys):
    main(["demo", "--out", str(tmp_path / "a")])
    main(["demo", "--out", str(tmp_path / "b")])
    capsys.readouterr()
    assert (tmp_path / "a" / "demo_sources.csv").read_bytes() == (tmp_path / "b" / "demo_sources.csv").read_bytes()
    assert (tmp_path / "a" / "demo_sources.png").read_bytes() == (tmp_path / "b" / "demo_sources.png").read_bytes()


def test_demo_corpus_is_labelled_and_typed():
    documents = load_demo()
    assert documents["doc_id"].is_unique
    assert documents["source"].value_counts().to_dict() == {"Trump": 5, "KCNA": 4, "Reuters": 2, "Demo Daily": 1}
    assert documents["single_voice"].tolist() == [False] + [True] * 11
    assert str(documents["date"].dt.tz) == "UTC"
