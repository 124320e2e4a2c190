"""Every number the README quotes with a check marker equals the table it comes from.

Marker syntax (invisible in rendered Markdown), written right after the number it checks:

    0.76<!-- check data/polnear_attribution.csv split=dev; part=content -> f1 -->

``<path>`` is relative to the repository root (a table that a script or notebook regenerates);
``key=value`` pairs separated by ``;`` select exactly one row; ``-> column`` names the value.
The quoted number must equal the table value rounded to the decimals shown (thousands
separators allowed); a number may carry ``**`` bold marks or a trailing ``%`` (then the table
holds a share and is compared times 100). Any README section can use it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(
    r"(?P<number>-?\d[\d,]*(?:\.\d+)?)(?P<percent>%?)\**\s*"
    r"<!--\s*check\s+(?P<table>\S+)\s+(?P<where>[^>]*?)\s*->\s*(?P<column>[\w.]+)\s*-->"
)


def markers(text):
    """(line, number text, percent, table, {key: value}, column) for every marker in ``text``."""
    found = []
    for match in MARKER.finditer(text):
        where = {}
        for pair in filter(None, (p.strip() for p in match["where"].split(";"))):
            key, _, value = pair.partition("=")
            where[key.strip()] = value.strip()
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, match["number"], bool(match["percent"]), match["table"], where,
                      match["column"]))
    return found


def check(number, percent, table, where, column, root=ROOT):
    """None when the number matches its table, else a message saying what differs."""
    path = root / table
    if not path.exists():
        return f"table {table} does not exist"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    rows = frame
    for key, value in where.items():
        if key not in frame:
            return f"{table} has no column {key!r}"
        rows = rows[rows[key] == value]
    if len(rows) != 1 or column not in frame:
        return f"{table} {where} -> {column}: {len(rows)} rows match (need exactly 1)"
    value = float(rows.iloc[0][column]) * (100 if percent else 1)
    decimals = len(number.split(".")[1]) if "." in number else 0
    quoted = float(number.replace(",", ""))
    if round(value, decimals) != quoted and f"{value:.{decimals}f}" != number.replace(",", ""):
        return f"README says {number}, {table} {where} -> {column} is {value:.{decimals + 2}f}"
    return None


def test_the_marker_parser_and_checker_catch_a_wrong_number(tmp_path):
    (tmp_path / "t.csv").write_text("split,f1,share\ndev,0.7594,0.123\ntrain,0.7391,0.5\n")
    text = ("F1 **0.759**<!-- check t.csv split=dev -> f1 --> and 12.3%<!-- check t.csv "
            "split=dev -> share --> but 0.75<!-- check t.csv split=train -> f1 -->\n"
            "and 1,000<!-- check t.csv split=test -> f1 -->")
    found = markers(text)
    assert [(n, p, w, c) for _, n, p, _, w, c in found] == [
        ("0.759", False, {"split": "dev"}, "f1"), ("12.3", True, {"split": "dev"}, "share"),
        ("0.75", False, {"split": "train"}, "f1"), ("1,000", False, {"split": "test"}, "f1")]
    results = [check(n, p, t, w, c, root=tmp_path) for _, n, p, t, w, c in found]
    assert results[:2] == [None, None]
    assert results[2] == "README says 0.75, t.csv {'split': 'train'} -> f1 is 0.7391"
    assert "0 rows match" in results[3]


README_MARKERS = markers((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_quotes_numbers_with_their_tables():
    assert len(README_MARKERS) >= 5


@pytest.mark.parametrize("line, number, percent, table, where, column", README_MARKERS,
                         ids=[f"line{m[0]}-{m[1]}" for m in README_MARKERS])
def test_readme_number_matches_its_table(line, number, percent, table, where, column):
    assert check(number, percent, table, where, column) is None
