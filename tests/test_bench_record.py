"""benchmarks/_record.py: the shared writer of benchmark tables (bench_<name>.csv)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

_SPEC = importlib.util.spec_from_file_location(
    "_record", Path(__file__).resolve().parents[1] / "benchmarks" / "_record.py")
_record = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_record)


def test_record_writes_the_measurements_with_the_run_conditions(tmp_path):
    path = _record.record(tmp_path / "bench", "demo", [{"what": "load", "seconds": 1.25},
                                                       {"what": "total", "seconds": 3.5}])
    assert path == tmp_path / "bench" / "bench_demo.csv"
    table = pd.read_csv(path)
    assert table.columns.tolist() == ["what", "seconds", *_record.RUN_COLUMNS]
    assert table["what"].tolist() == ["load", "total"] and table["seconds"].tolist() == [1.25, 3.5]
    assert table["cpus"].nunique() == 1 and table["cpus"].iloc[0] >= 1
    assert table["date"].str.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$").all()
    assert (table["load_1m"] >= 0).all() and table["python"].iloc[0].count(".") == 2
    assert table["reference_seconds"].iloc[0] > 0 and isinstance(table["cpu_model"].iloc[0], str)
    # a DataFrame works too, and a rerun overwrites
    _record.record(tmp_path / "bench", "demo", pd.DataFrame({"what": ["x"], "seconds": [2.0]}))
    assert pd.read_csv(path)["what"].tolist() == ["x"]


def test_record_refuses_clashing_ragged_or_empty_rows(tmp_path):
    with pytest.raises(ValueError, match="clash with the run columns"):
        _record.record(tmp_path, "x", [{"date": "today", "seconds": 1}])
    with pytest.raises(ValueError, match="row 1 has columns"):
        _record.record(tmp_path, "x", [{"a": 1}, {"b": 2}])
    with pytest.raises(ValueError, match="no rows"):
        _record.record(tmp_path, "x", [])
