"""framing.cache: voices and scores on disk, keyed by content, kit and parameters."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
import framing.cache
import framing.scoring
from framing.datasets import load_demo


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = framing.cache.enable(tmp_path / "cache")
    yield folder
    framing.cache.disable()
    monkeypatch.setattr(framing.cache, "_state", {"folder": None, "max_size": None, "explicit": False})


@pytest.fixture
def counted(monkeypatch):
    """Count the real scoring work (one ScoreOptions per score call that computes)."""
    calls = []
    real = framing.scoring.ScoreOptions
    monkeypatch.setattr(framing.scoring, "ScoreOptions", lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


FRAME = pd.DataFrame({"text": ["Talks collapsed.", "A welcome step!", ""]}, index=[5, 3, 5])


def test_off_by_default_writes_nothing(tmp_path, monkeypatch, counted):
    monkeypatch.delenv("FRAMING_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert framing.cache.folder() is None
    framing.score(FRAME)
    framing.score(FRAME)
    assert len(counted) == 2 and not any(tmp_path.iterdir())


def test_second_call_is_read_back_exactly(cache, counted):
    first = framing.score(FRAME)
    second = framing.score(FRAME)
    assert len(counted) == 1  # the second call did no scoring
    pd.testing.assert_frame_equal(first, second)
    assert framing.cache.info()["entries"] == 1
    second.loc[5, "text"] = "changed"  # a hit is a fresh copy: editing it changes nothing stored
    pd.testing.assert_frame_equal(framing.score(FRAME), first)


def test_content_parameters_and_kit_are_in_the_key(cache, counted, monkeypatch):
    framing.score(FRAME)
    framing.score(FRAME.assign(text=FRAME["text"].str.replace("Talks", "Meetings")))  # content
    framing.score(FRAME.set_axis([1, 2, 3]))  # index labels are content too
    framing.score(FRAME, measures=["vader"])  # parameters
    assert len(counted) == 4
    monkeypatch.setattr(framing.cache, "kit_fingerprint", lambda: "0.2.0-other")  # another kit
    framing.score(FRAME)
    assert len(counted) == 5


def test_voices_are_cached(cache):
    docs = load_demo()
    first = framing.voices_frame(docs)
    entries = framing.cache.info()["entries"]
    assert entries == 1
    pd.testing.assert_frame_equal(framing.voices_frame(docs), first)
    pd.testing.assert_frame_equal(framing.voices_frame(docs, progress=True), first)  # how, not what
    assert framing.cache.info()["entries"] == 1
    framing.voices_frame(docs, single_voice=False)
    assert framing.cache.info()["entries"] == 2


def test_size_limit_and_clear(cache, counted):
    framing.score(FRAME)
    one = framing.cache.info()["bytes"]
    framing.cache.enable(cache, max_size=int(one * 1.5))  # room for one result
    other = FRAME.assign(text=FRAME["text"].str.replace(".", "!"))  # a result of the same size
    framing.score(other)
    info = framing.cache.info()
    assert info["entries"] == 1 and info["bytes"] <= one * 1.5
    framing.score(other)
    assert len(counted) == 2  # the newest result was kept, the older one went
    assert framing.cache.clear() == info["bytes"] > 0
    assert framing.cache.info()["entries"] == 0


def test_environment_variable_turns_it_on(tmp_path, monkeypatch, counted):
    monkeypatch.setattr(framing.cache, "_state", {"folder": None, "max_size": None, "explicit": False})
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "env-cache"))
    framing.cache._memory.cache_clear()
    try:
        framing.score(FRAME)
        framing.score(FRAME)
        assert len(counted) == 1 and (tmp_path / "env-cache").is_dir()
    finally:
        framing.cache._memory.cache_clear()


def test_bad_size_names_the_fix():
    with pytest.raises(framing.FramingError, match="give bytes or a number with K, M or G"):
        framing.cache.enable("x", max_size="lots")
