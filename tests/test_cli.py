"""`framing demo`: the whole pipeline on the bundled demo corpus."""

from __future__ import annotations

import numpy as np
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


# ------------------------------------------------------------------ the console script, as users run it

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import framing
import framing.sentiment

REPO = Path(__file__).resolve().parent.parent


def _framing(*args, cwd=None, env=None, tmp_path=None):
    """Run the installed ``framing`` console script (``python -m framing.cli`` if it is not on disk)."""
    script = Path(sys.executable).parent / "framing"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "framing.cli"]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FRAMING_CACHE")}
    environment.update({"MPLBACKEND": "Agg", **(env or {})})
    if tmp_path is not None:  # the command line caches by default: keep it in the test's folder
        environment["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=600)


_ARTICLE = ("Talks resume in Hanoi\n\nThe envoys met again on Monday. \u201cWe made real progress,\u201d "
            "the envoy said.\nCritics warned the deal could collapse, Example Wire writes.\n")
_PAGE = ("<html><head><title>Summit ends early</title></head><body><h1>Summit ends early</h1>"
         "<p>The leaders left without a deal.</p><p>\u201cIt was a hostile act,\u201d the agency said."
         "</p></body></html>")


def test_version_and_plain_description():
    done = _framing("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"framing {framing.__version__}"
    helped = _framing("--help")
    assert helped.returncode == 0 and "``" not in helped.stdout and "framing voices" in helped.stdout


def test_voices_score_compare_on_a_folder_of_articles(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "hanoi.txt").write_text(_ARTICLE, encoding="utf-8")
    (folder / "sub" / "summit.html").write_text(_PAGE, encoding="utf-8")
    done = _framing("voices", folder, "-o", tmp_path / "segments.parquet", "--outlet", "Daily Example",
                    tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "2 documents" in done.stdout
    segments = pd.read_parquet(tmp_path / "segments.parquet")
    expected = framing.voices_frame(framing.read_articles(folder, outlet="Daily Example"))
    pd.testing.assert_frame_equal(segments, expected.reset_index(drop=True), check_dtype=False)
    assert set(segments["doc_id"]) == {"hanoi.txt", "sub/summit.html"}

    done = _framing("score", tmp_path / "segments.parquet", "-o", tmp_path / "scored.csv", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    scored = pd.read_csv(tmp_path / "scored.csv", keep_default_na=False, na_values=[""])
    direct = framing.score(expected)
    assert len(scored) == len(direct)
    np.testing.assert_allclose(scored["vader_compound"], direct["vader_compound"], rtol=0, atol=0)
    np.testing.assert_allclose(scored["news_sentiment"], direct["news_sentiment"], rtol=1e-15)  # CSV round trip

    done = _framing("compare", tmp_path / "scored.csv", "--by", "source", "--measures", "vader_compound",
                    "cue_conflict", "--resamples", "200", "-o", tmp_path / "table.jsonl")
    assert done.returncode == 0, done.stderr
    table = pd.read_json(tmp_path / "table.jsonl", lines=True)
    assert set(table["measure"]) == {"vader_compound", "cue_conflict"}
    assert set(table["source"]) == set(direct.loc[direct["source"] != "", "source"]) | (
        {""} if (direct["source"] == "").any() else set())


def test_score_a_csv_with_a_text_column_into_jsonl(tmp_path):
    pd.DataFrame({"id": [1, 2, 3], "body": ["Talks collapsed.", "", "A welcome step!"]}).to_csv(
        tmp_path / "in.csv", index=False)
    done = _framing("score", tmp_path / "in.csv", "--text", "body", "--measures", "vader", "-o",
                    tmp_path / "out.jsonl", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "1 without usable text" in done.stdout
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, 2, 3]
    library = framing.sentiment.vader_sentiment  # engine="library": vaderSentiment itself
    assert [r["vader_compound"] for r in rows] == [
        library("Talks collapsed.", engine="library")["compound"], None,
        library("A welcome step!", engine="library")["compound"]]
    assert [r["score_reason"] for r in rows] == ["", "missing text", ""]  # an empty CSV cell is missing


def test_second_score_run_reads_the_cache(tmp_path):
    pd.DataFrame({"text": ["Talks collapsed."] * 3}).to_csv(tmp_path / "in.csv", index=False)
    for _ in range(2):
        assert _framing("score", tmp_path / "in.csv", "-o", tmp_path / "out.csv", tmp_path=tmp_path).returncode == 0
    info = _framing("cache", "info", tmp_path=tmp_path)
    assert info.returncode == 0 and "1 results" in info.stdout and str(tmp_path / "xdg") in info.stdout
    cleared = _framing("cache", "clear", tmp_path=tmp_path)
    assert cleared.returncode == 0 and "cleared" in cleared.stdout
    assert "0 results" in _framing("cache", "info", tmp_path=tmp_path).stdout


def test_bad_input_exit_codes_and_fixes(tmp_path):
    missing = _framing("score", tmp_path / "nope.csv", "-o", tmp_path / "x.csv", tmp_path=tmp_path)
    assert missing.returncode == 3 and "does not exist" in missing.stderr
    pd.DataFrame({"body": ["x"]}).to_csv(tmp_path / "in.csv", index=False)
    no_text = _framing("score", tmp_path / "in.csv", "-o", tmp_path / "x.csv", tmp_path=tmp_path)
    assert no_text.returncode == 3 and "lacks column(s) ['text']; columns present: ['body']" in no_text.stderr
    suffix = _framing("score", tmp_path / "in.csv", "--text", "body", "-o", tmp_path / "x.xlsx", tmp_path=tmp_path)
    assert suffix.returncode == 3 and "end the name in .csv, .jsonl or .parquet" in suffix.stderr
    measure = _framing("score", tmp_path / "in.csv", "--text", "body", "--measures", "vibes", "-o",
                       tmp_path / "x.csv", tmp_path=tmp_path)
    assert measure.returncode == 3 and "unknown measure(s) ['vibes']" in measure.stderr
    (tmp_path / "notes.docx").write_bytes(b"PK")
    odd = _framing("voices", tmp_path / "notes.docx", "-o", tmp_path / "s.csv", tmp_path=tmp_path)
    assert odd.returncode == 3 and "give a table (.csv, .jsonl, .parquet) or article files" in odd.stderr
    compare = _framing("compare", tmp_path / "in.csv", "--measures", "vader_compound", "-o", tmp_path / "t.csv")
    assert compare.returncode == 3 and "lacks column(s) ['source', 'vader_compound', 'doc_id']" in compare.stderr
    assert _framing("frobnicate").returncode == 2


def test_validate_prints_the_tables_in_data():
    done = _framing("validate", cwd=REPO)
    assert done.returncode == 0, done.stderr
    for table in sorted((REPO / "data").glob("*.csv")):
        assert table.stem.replace("_", " ") in done.stdout


def test_fetch_lists_the_registry_and_needs_names(tmp_path):
    listed = _framing("fetch", "--list")
    assert listed.returncode == 0 and "codebykyle/kcna_scraper" in listed.stdout and "4611b3ac33f7" in listed.stdout
    bare = _framing("fetch")
    assert bare.returncode == 3 and "name the corpora to download" in bare.stderr
    seed = _framing("fetch", "seed", "--to", tmp_path)
    assert seed.returncode == 3 and "cannot be downloaded" in seed.stderr


def test_figures_runs_notebooks_and_skips_those_without_corpora(tmp_path):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()

    def notebook(name, code):
        cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": code}]
        (notebooks / name).write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                                  "nbformat_minor": 5}), encoding="utf-8")

    notebook("01_writes.ipynb", "open('../figures.txt', 'w').write('drawn')")
    notebook("02_needs_kcna.ipynb", "from framing.datasets import load_kcna\nload_kcna()")
    empty = tmp_path / "empty"
    empty.mkdir()
    done = _framing("figures", "--notebooks", notebooks, env={"FRAMING_CORPORA": str(empty)})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ran 01_writes.ipynb" in done.stdout and "skipped 02_needs_kcna.ipynb" in done.stdout
    assert (tmp_path / "figures.txt").read_text() == "drawn"
    notebook("03_fails.ipynb", "raise ValueError('broken cell')")
    failed = _framing("figures", "--notebooks", notebooks, env={"FRAMING_CORPORA": str(empty)})
    assert failed.returncode == 1 and "FAILED 03_fails.ipynb" in failed.stdout
