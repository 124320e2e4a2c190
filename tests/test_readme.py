"""Every number the README quotes with a check marker equals the table it comes from.

The marker syntax, the checker and a rewriter live in ``scripts/readme_numbers.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("readme_numbers", ROOT / "scripts" / "readme_numbers.py")
readme_numbers = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(readme_numbers)
markers, check = readme_numbers.markers, readme_numbers.check


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
    # the rewriter mends the wrong numbers only, keeping decimals and thousands separators
    (tmp_path / "u.csv").write_text("split,n\ndev,12345\n")
    text = ("F1 **0.759**<!-- check t.csv split=dev -> f1 --> but 0.75<!-- check t.csv split=train -> f1 -->\n"
            "and 1,000<!-- check u.csv split=dev -> n -->")
    new, changes = readme_numbers.rewrite(text, root=tmp_path)
    assert [c.split(" (")[0] for c in changes] == ["line 1: 0.75 -> 0.74", "line 2: 1,000 -> 12,345"]
    assert new.startswith("F1 **0.759**<!--") and all(
        check(n, p, t, w, c, root=tmp_path) is None for _, n, p, t, w, c in markers(new))


README_MARKERS = markers((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_quotes_numbers_with_their_tables():
    assert len(README_MARKERS) >= 5


@pytest.mark.parametrize("line, number, percent, table, where, column", README_MARKERS,
                         ids=[f"line{m[0]}-{m[1]}" for m in README_MARKERS])
def test_readme_number_matches_its_table(line, number, percent, table, where, column):
    assert check(number, percent, table, where, column) is None
