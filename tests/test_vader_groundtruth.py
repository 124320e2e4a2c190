"""load_vader_groundtruth: the shared files' quirks, a broken record, and the real corpus."""

from __future__ import annotations

import warnings

import pytest

from framing import BrokenRecordWarning, FramingError
from framing.datasets import VADER_SUBSETS, load_vader_groundtruth


def _write(folder, stem, truth: bytes, ratings: bytes):
    (folder / f"{stem}_GroundTruth.txt").write_bytes(truth)
    (folder / f"{stem}_anonDataRatings.txt").write_bytes(ratings)


@pytest.fixture
def small_corpus(tmp_path):
    # CRLF line ends, a BOM on the ratings file, no newline after the last line.
    _write(
        tmp_path,
        "nytEditorialSnippets",
        b"7_1\t-0.5\tTalks stalled again.\r\n7_2\t1.25\tA welcome step, at last.\r\n9_1\t0\tNeutral words",
        b"\xef\xbb\xbf7_1\t-0.5\t0.5\t[0, -1, -1, 0]\r\n7_2\t1.25\t0.4\t[1, 1,  2, 1]\r\n9_1\t0\t0\t[0, 0, 0, 0]",
    )
    return tmp_path


def test_reads_crlf_bom_and_last_line(small_corpus):
    table = load_vader_groundtruth(small_corpus, subset="nyt")
    assert list(table.columns) == ["subset", "item_id", "group", "text", "mean", "std", "n_ratings", "ratings"]
    assert table["item_id"].tolist() == ["7_1", "7_2", "9_1"]  # BOM not glued to the first id
    assert table["group"].tolist() == ["7", "7", "9"]
    assert table["text"].tolist()[2] == "Neutral words"  # last line without newline kept
    assert not table["text"].str.contains("\r").any()
    assert table.loc[1, "ratings"] == [1, 1, 2, 1]
    assert table.loc[1, "mean"] == 1.25 and table.loc[0, "std"] == 0.5
    assert table["n_ratings"].tolist() == [4, 4, 4]


def test_broken_ratings_list_warns_and_keeps_the_item(small_corpus):
    _write(
        small_corpus,
        "tweets",
        b"2\t1.5\tgood one\r\n4\t-2\tawful\r\n",
        b"2\t1.5\t0.5\t[1, 2, -, 2]\r\n4\t-2\t0.1\t[-2, -2]\r\n",
    )
    with pytest.warns(BrokenRecordWarning, match=r"tweets_anonDataRatings\.txt.*line 1 \(item 2\)"):
        table = load_vader_groundtruth(small_corpus, subset="tweets")
    assert len(table) == 2  # nothing dropped
    assert table.loc[0, "ratings"] == [] and table.loc[0, "n_ratings"] == 0
    assert table.loc[0, "mean"] == 1.5
    assert table.loc[1, "ratings"] == [-2, -2]


def test_bad_subset_and_missing_files(small_corpus):
    with pytest.raises(FramingError, match="unknown VADER subset.*'nyt'"):
        load_vader_groundtruth(small_corpus, subset="news")
    with pytest.raises(FileNotFoundError, match="movieReviewSnippets_GroundTruth.txt"):
        load_vader_groundtruth(small_corpus, subset="movie")


def test_real_corpus(corpora):
    with warnings.catch_warnings():
        warnings.simplefilter("error", BrokenRecordWarning)  # the shared files are clean
        table = load_vader_groundtruth(corpora / "vader_groundtruth")
    assert table.groupby("subset").size().to_dict() == {"amazon": 3708, "movie": 10605, "nyt": 2622, "tweets": 2100}
    assert set(table["subset"]) == set(VADER_SUBSETS)
    nyt = table[table["subset"] == "nyt"].set_index("item_id")
    assert nyt.loc["2_1", "mean"] == -0.35
    assert nyt.loc["2_1", "std"] == 0.79215
    assert nyt.loc["2_1", "ratings"][:6] == [0, 0, 0, -2, 0, -3]
    assert nyt.loc["2_1", "text"].startswith("Government budget time")
    assert "500_9" in nyt.index  # the last line (no trailing newline)
    # NYT ids here are even article numbers only (the odd half is held out)
    assert (nyt["group"].astype(int) % 2 == 0).all()
    assert nyt["group"].nunique() == 249
    amazon = table[table["subset"] == "amazon"]
    assert amazon["item_id"].iloc[0] == "1_1"  # the BOM is not part of the id
    assert (table["n_ratings"] >= 15).all()
    assert table["mean"].between(-4, 4).all()
