"""framing._notebooks (used by the root conftest.py): which corpora a notebook needs (it skips without them, fails under CI)."""

from __future__ import annotations

import json
from pathlib import Path

from framing._notebooks import notebook_corpora

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _notebook(*cells, metadata=None):
    return {"cells": [{"cell_type": "code", "source": c} for c in cells], "metadata": metadata or {}}


def test_needs_read_from_readers_and_folder_names():
    needs = notebook_corpora
    assert needs(_notebook("from framing.datasets import load_demo\ndocs = load_demo()")) == []
    assert needs(_notebook("CORPORA = framing.corpora_dir()\nA = CORPORA / 'seed' / 'x.txt'")) == ["seed"]
    assert needs(_notebook("kcna = load_kcna(lang='en')", "t = load_trump_tweets()")) == ["kcna", "trump_tweets"]
    # reads the corpora folder but we cannot tell which corpus: all of them
    assert len(needs(_notebook("print(framing.corpora_dir())"))) == 9
    assert needs(_notebook("framing.corpora_dir(required=False)")) == []
    # a notebook can say so itself
    assert needs(_notebook("load_kcna()", metadata={"framing": {"corpora": []}})) == []
    # markdown cells do not count
    markdown = {"cells": [{"cell_type": "markdown", "source": "load_kcna()"}], "metadata": {}}
    assert needs(markdown) == []


def test_the_shipped_notebooks():
    needs = notebook_corpora
    found = {p.name[:2]: needs(json.loads(p.read_text(encoding="utf-8"))) for p in NOTEBOOKS.glob("0*.ipynb")}
    assert found["01"] == ["seed"]
    assert found["02"] == ["allsides_nk", "kcna", "news_headlines", "trump_tweets"]
    assert found["03"] == ["basil", "gvfc", "vader_groundtruth"]
    assert found["04"] == ["polnear"]
    assert found["05"] == ["allsides_nk", "kcna", "trump_tweets"]
    assert found["06"] == []  # the bring-your-own-corpus template runs on the bundled demo
