"""The README's checked numbers: find them, check them against their tables, and rewrite them.

Marker syntax (invisible in rendered Markdown), written right after the number it checks:

    0.76<!-- check data/polnear_attribution.csv split=dev; part=content -> f1 -->

``<path>`` is relative to the repository root (a table that a script or notebook regenerates);
``key=value`` pairs separated by ``;`` select exactly one row; ``-> column`` names the value.
The quoted number must equal the table value rounded to the decimals shown (thousands
separators allowed); a number may carry ``**`` bold marks or a trailing ``%`` (then the table
holds a share and is compared times 100). Any README section can use it.

    python scripts/readme_numbers.py            # list the numbers that differ from their tables
    python scripts/readme_numbers.py --write    # rewrite them (same decimals and separators)

``--write`` changes only the marked numbers: prose around them ("short of 300", "faster than")
is the writer's to reread. ``tests/test_readme.py`` runs the check.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(
    r"(?P<number>-?\d[\d,]*(?:\.\d+)?)(?P<percent>%?)\**\s*"
    r"<!--\s*check\s+(?P<table>\S+)\s+(?P<where>[^>]*?)\s*->\s*(?P<column>[\w.]+)\s*-->"
)


def _where(text: str) -> dict:
    where = {}
    for pair in filter(None, (p.strip() for p in text.split(";"))):
        key, _, value = pair.partition("=")
        where[key.strip()] = value.strip()
    return where


def markers(text):
    """(line, number text, percent, table, {key: value}, column) for every marker in ``text``."""
    return [(text.count("\n", 0, match.start()) + 1, match["number"], bool(match["percent"]), match["table"],
             _where(match["where"]), match["column"]) for match in MARKER.finditer(text)]


def table_value(table, where, column, percent=False, root=ROOT):
    """The table's value for a marker (times 100 for a percentage), or a message saying why not."""
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
    return float(rows.iloc[0][column]) * (100 if percent else 1)


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def check(number, percent, table, where, column, root=ROOT):
    """None when the number matches its table, else a message saying what differs."""
    value = table_value(table, where, column, percent, root)
    if isinstance(value, str):
        return value
    decimals = _decimals(number)
    quoted = float(number.replace(",", ""))
    if round(value, decimals) != quoted and f"{value:.{decimals}f}" != number.replace(",", ""):
        return f"README says {number}, {table} {where} -> {column} is {value:.{decimals + 2}f}"
    return None


def rewrite(text: str, root=ROOT) -> tuple[str, list[str]]:
    """``text`` with every marked number that differs from its table replaced by the table's value
    (same decimals, thousands separators kept when the old number had them), and the changes."""
    changes = []

    def replace(match):
        number, percent = match["number"], bool(match["percent"])
        where = _where(match["where"])
        if check(number, percent, match["table"], where, match["column"], root) is None:
            return match[0]
        value = table_value(match["table"], where, match["column"], percent, root)
        if isinstance(value, str):
            raise ValueError(f"README marker {match[0]!r}: {value}")
        new = f"{value:,.{_decimals(number)}f}" if "," in number or abs(value) >= 10_000 else \
            f"{value:.{_decimals(number)}f}"
        changes.append(f"line {text.count(chr(10), 0, match.start()) + 1}: {number} -> {new} "
                       f"({match['table']} {where} -> {match['column']})")
        return new + match[0][len(number):]

    return MARKER.sub(replace, text), changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the numbers that differ")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    new, changes = rewrite(text, args.readme.parent)
    print("\n".join(changes) or "every checked number matches its table")
    if args.write and changes:
        args.readme.write_text(new, encoding="utf-8")
        print(f"rewrote {len(changes)} number(s) in {args.readme}: reread the prose around them")
    return 1 if changes and not args.write else 0


if __name__ == "__main__":
    raise SystemExit(main())
