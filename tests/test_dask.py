"""voices_frame and score on Dask DataFrames: the same rows as in process, on a LocalCluster."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import framing
from framing.datasets import load_demo

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


def _documents() -> pd.DataFrame:
    demo = load_demo()
    extra = framing.make_documents([
        {"doc_id": f"made-up-{i}", "source": "Example Wire", "single_voice": i % 2 == 0,
         "text": f"Talks resumed on day {i}. \u201cWe made real progress,\u201d the envoy said, but "
                 "critics warned of a hostile turn.\nThe agency called the sanctions a provocation."}
        for i in range(9)
    ])
    return pd.concat([demo, extra[demo.columns]], ignore_index=True)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def test_same_rows_as_in_process_on_two_worker_processes(client):
    docs = _documents()
    expected = framing.score(framing.voices_frame(docs))
    ddf = dd.from_pandas(docs, npartitions=4)
    segments = framing.voices_frame(ddf)
    scored = framing.score(segments)
    assert isinstance(segments, dd.DataFrame) and isinstance(scored, dd.DataFrame)
    assert list(scored.columns) == list(expected.columns)
    got = scored.compute()
    assert got["doc_id"].nunique() == len(docs) - 0  # every document has segments
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    assert len(client.scheduler_info()["workers"]) == 2


def test_score_keeps_the_index_and_keywords(client):
    frame = pd.DataFrame({"body": ["Talks collapsed.", "", "A welcome step!"] * 4}, index=range(100, 112))
    import dask

    with dask.config.set({"dataframe.convert-string": False}):  # keep pandas' object strings
        ddf = dd.from_pandas(frame, npartitions=3)
    got = framing.score(ddf, text="body", measures=["vader"]).compute()
    pd.testing.assert_frame_equal(got, framing.score(frame, text="body", measures=["vader"]))


def test_framing_never_imports_dask_itself():
    code = ("import sys, pandas as pd, framing; framing.score(pd.DataFrame({'text': ['ok']})); "
            "print('dask' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
