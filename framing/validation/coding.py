"""The manual-coding loop: draw a stratified sample, write coding sheets, read the coded sheets.

Rules:

* The variables coders fill in are data (``framing/data/coding/variables.csv``): name, level
  (nominal, ordinal, interval), the allowed values (``-2|-1|0|1|2|na``: ``na`` means "does not
  apply" and counts as missing in reliability and validity), a label, the kit measures the
  variable validates, and a definition. The coding guide ``framing/data/coding/GUIDE.md`` spells
  out each value with examples.
* :func:`coding_sheet` draws a stratified random sample (strata: ``source``, ``kind``, ``period``
  by default) with a seeded generator: each stratum's share of ``n`` is proportional to its
  size (leftover units go to the strata with the most units left), or ``n`` names a count
  per value of the first stratum. The sheet lists units in random order (coders do not work
  source by source) with the text, its context and one empty column per variable.
* :func:`split_halves` splits the sample into a ``tuning`` and a ``reporting`` half within each
  source, so measures can be tuned on one half and reported on the other.
* :func:`write_coding_sheets` writes one blank sheet per coder as CSV and XLSX;
  :func:`read_coding_sheets` reads the coded sheets back into a long table
  (``unit_id, coder, variable, code, value``), checking every cell against the codebook and
  naming the sheet, row and value of each bad cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._checks import require_columns, require_frame
from .._data import read_data_text
from ..compare import _rng
from ..errors import ColumnError, FramingError

__all__ = ["coding_sheet", "coding_variables", "read_coding_sheets", "split_halves", "write_coding_sheets"]

_NA = "na"
_NA_SPELLINGS = frozenset({"na", "n/a", "n.a.", "not applicable"})
LONG_COLUMNS = ("unit_id", "coder", "variable", "code", "value")


def coding_variables() -> pd.DataFrame:
    """The coding variables: ``variable, level, values, label, measures, description``.

    ``values`` and ``measures`` are tuples (the CSV separates them with ``|``).

    Examples
    --------
    >>> from framing.validation import coding_variables
    >>> book = coding_variables().set_index("variable")
    >>> book.loc["tone", "values"]
    ('-2', '-1', '0', '1', '2')
    >>> book.loc["frame_threat", "level"]
    'nominal'
    """
    rows = list(csv.DictReader(io.StringIO(read_data_text("coding", "variables.csv"))))
    frame = pd.DataFrame(rows)
    for column in ("values", "measures"):
        frame[column] = frame[column].map(lambda cell: tuple(filter(None, cell.split("|"))))
    return frame


def _variables(variables) -> pd.DataFrame:
    book = coding_variables()
    if variables is None:
        return book
    if isinstance(variables, pd.DataFrame):
        require_columns(variables, ["variable", "level", "values"], what="variables")
        return variables
    names = [variables] if isinstance(variables, str) else list(variables)
    unknown = [v for v in names if v not in set(book["variable"])]
    if unknown:
        raise FramingError(f"unknown coding variable(s) {unknown}; choose from {book['variable'].tolist()}.")
    return book.set_index("variable").loc[names].reset_index()


def _allocate(sizes: pd.Series, total: int) -> pd.Series:
    """Share ``total`` among strata in proportion to size, capped at each stratum's size.

    Each round gives every stratum the whole part of its proportional share of what is left
    (in proportion to its remaining units); when no share is whole, the leftover units go one
    each to the strata with the largest fractional shares, i.e. the strata with the most units
    left (ties: stratum order). This is the rule that drew the shipped validation sample.
    """
    total = min(int(total), int(sizes.sum()))
    take = pd.Series(0, index=sizes.index, dtype=int)
    remaining = total
    open_ = sizes > 0
    while remaining > 0 and open_.any():
        room = (sizes - take)[open_]
        quota = room / room.sum() * remaining
        whole = np.minimum(np.floor(quota).astype(int), room)
        if whole.sum() == 0:  # hand out single units by largest remainder (ties: stratum order)
            order = (quota - np.floor(quota)).sort_values(ascending=False, kind="stable").index
            for key in order[:remaining]:
                take[key] += 1
            remaining = total - int(take.sum())
        else:
            take[whole.index] += whole
            remaining = total - int(take.sum())
        open_ = take < sizes
    return take


def coding_sheet(segments: pd.DataFrame, *, n, strata: Sequence[str] = ("source", "kind", "period"),
                 variables=None, unit: str = "unit_id", text: str = "text", context: str | None = "context",
                 random_state=None) -> pd.DataFrame:
    """A stratified random sample of segments as a blank coding sheet.

    Parameters
    ----------
    segments : DataFrame
        One row per codable unit, with a unique id column ``unit``, the ``text``, the
        ``strata`` columns and (optionally) a ``context`` column (e.g. the headline and the
        text before and after).
    n : int or mapping
        Sample size, shared among strata in proportion to their size; or a mapping from each
        value of the first stratum to its sample size (e.g. ``{"KCNA": 100, "Trump": 100}``),
        shared in proportion among the other strata within it. A stratum smaller than its
        share is taken whole.
    strata : sequence of str
        Columns that define the strata.
    variables : sequence of str or DataFrame, optional
        Coding variables (default all of :func:`coding_variables`).
    unit, text, context : str
        Column names; ``context=None`` for none.
    random_state : int, optional
        Seed; the same seed gives the same sample.

    Returns
    -------
    DataFrame
        ``unit_id, <strata>, text, context`` then one empty column per variable, in random
        order (index 0..n-1).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.validation import coding_sheet
    >>> units = pd.DataFrame({"unit_id": [f"u{i}" for i in range(10)], "text": ["Talks."] * 10,
    ...                       "source": ["A"] * 6 + ["B"] * 4})
    >>> sheet = coding_sheet(units, n=5, strata=["source"], variables=["tone"], context=None, random_state=0)
    >>> sheet["source"].value_counts().sort_index().tolist(), list(sheet.columns)
    ([3, 2], ['unit_id', 'source', 'text', 'tone'])
    """
    require_frame(segments, what="segments")
    strata = [strata] if isinstance(strata, str) else list(strata)
    needed = [unit, text, *strata] + ([context] if context else [])
    require_columns(segments, needed, what="segments")
    ids = segments[unit]
    if ids.isna().any() or ids.duplicated().any():
        bad = ids[ids.isna() | ids.duplicated(keep=False)].astype(str).unique()[:5].tolist()
        raise FramingError(f"column {unit!r} must hold unique, non-missing ids; repeated or missing: {bad}.")
    missing = segments[strata].isna().any(axis=1)
    if missing.any():
        raise FramingError(
            f"{int(missing.sum())} segment(s) have no stratum value in {strata} (first: "
            f"{ids[missing].head(5).tolist()}); fill them (e.g. with 'unknown') before sampling."
        )
    book = _variables(variables)
    keys = segments[strata].astype(str).agg("\x1f".join, axis=1) if strata else pd.Series("", index=segments.index)
    sizes = keys.value_counts().sort_index()
    if isinstance(n, Mapping):
        first = segments[strata[0]].astype(str)
        unknown = [k for k in n if k not in set(first)]
        if unknown:
            raise FramingError(f"n names {strata[0]} value(s) {unknown} that no segment has; present: {sorted(set(first))}.")
        take = pd.Series(0, index=sizes.index, dtype=int)
        for value, count in n.items():
            inside = sizes[[k.split("\x1f")[0] == str(value) for k in sizes.index]]
            take[inside.index] = _allocate(inside, count)
    else:
        if not isinstance(n, (int, np.integer)) or n < 1:
            raise FramingError(f"n must be a positive integer or a mapping of stratum -> size, got {n!r}.")
        take = _allocate(sizes, n)
    picked = []
    for key, count in take.items():
        if count:
            rows = np.flatnonzero((keys == key).to_numpy())
            picked.extend(_rng(random_state, "coding_sheet", key).choice(rows, size=int(count), replace=False))
    order = _rng(random_state, "coding_sheet order").permutation(np.sort(np.asarray(picked, dtype=int)))
    columns = [unit, *strata, text] + ([context] if context else [])
    sheet = segments.iloc[order][columns].reset_index(drop=True).rename(columns={unit: "unit_id"})
    for variable in book["variable"]:
        sheet[variable] = ""
    return sheet


def split_halves(sheet: pd.DataFrame, *, by: str = "source", unit: str = "unit_id", random_state=None) -> pd.Series:
    """Split coded units into a ``tuning`` and a ``reporting`` half within each group.

    Measures may be tuned (cue families revised, thresholds chosen) on the tuning half only;
    validity is reported on the reporting half. Odd groups give the extra unit to ``reporting``.

    Returns
    -------
    Series
        ``"tuning"`` or ``"reporting"`` per row of ``sheet`` (same index), named ``half``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.validation import split_halves
    >>> sheet = pd.DataFrame({"unit_id": list("abcde"), "source": ["A", "A", "A", "B", "B"]})
    >>> split_halves(sheet, random_state=0).value_counts().to_dict()
    {'reporting': 3, 'tuning': 2}
    """
    require_columns(sheet, [by, unit], what="sheet")
    half = pd.Series("reporting", index=sheet.index, name="half", dtype=object)
    for value, group in sheet.groupby(by, sort=True):
        # order by unit id first so the split does not depend on row order
        ordered = group.sort_values(unit, kind="stable").index.to_numpy()
        chosen = _rng(random_state, "split_halves", str(value)).permutation(ordered)[: len(ordered) // 2]
        half.loc[chosen] = "tuning"
    return half


def write_coding_sheets(sheet: pd.DataFrame, folder, *, coders: Sequence[str] = ("a", "b"),
                        formats: Sequence[str] = ("csv", "xlsx")) -> list[Path]:
    """Write one blank copy of the sheet per coder: ``coder_<name>.csv`` and ``.xlsx``.

    Every coder gets the same rows in the same order and fills the variable columns in
    their own file, blind to the others.

    Returns
    -------
    list of Path
        The files written.
    """
    require_columns(sheet, ["unit_id"], what="sheet")
    unknown = [f for f in formats if f not in ("csv", "xlsx")]
    if unknown:
        raise FramingError(f"unknown sheet format(s) {unknown}; choose from ['csv', 'xlsx'].")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for coder in coders:
        for fmt in formats:
            path = folder / f"coder_{coder}.{fmt}"
            if fmt == "csv":
                sheet.to_csv(path, index=False, encoding="utf-8")
            else:
                sheet.to_excel(path, index=False, sheet_name="coding")
            written.append(path)
    return written


def _read_sheet(source, name: str) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        return source.astype(object).where(source.notna(), "").astype(str)
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"coding sheet of coder {name!r} not found: {path}.")
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        return pd.read_excel(path, dtype=str, keep_default_na=False).fillna("")
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _normalise(code: str) -> str:
    code = code.strip()
    if code.lower() in _NA_SPELLINGS:
        return _NA
    try:
        number = float(code.replace("\u2212", "-"))
    except ValueError:
        return code
    return str(int(number)) if number.is_integer() else code


def read_coding_sheets(sheets: Mapping[str, object], *, variables=None, allow_missing: bool = True) -> pd.DataFrame:
    """Read coded sheets into a long table, checking every value against the codebook.

    Parameters
    ----------
    sheets : mapping
        Coder name -> path of a coded sheet (CSV or XLSX, as written by
        :func:`write_coding_sheets`) or a DataFrame of it.
    variables : sequence of str or DataFrame, optional
        Variables to read (default every codebook variable present in the sheets).
    allow_missing : bool
        Empty cells are missing codes (allowed in reliability). ``False``: raise on them.

    Returns
    -------
    DataFrame
        ``unit_id, coder, variable, code, value``: one row per unit, coder and variable;
        ``code`` as written ("" when empty, "na" for not applicable), ``value`` the number
        (NaN for empty and "na").

    Raises
    ------
    FramingError
        Naming the coder, the sheet row (as the spreadsheet numbers it: header = row 1), the
        unit, the variable and the value of every cell outside the codebook (first 20), or
        units that differ between sheets.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.validation import read_coding_sheets
    >>> a = pd.DataFrame({"unit_id": ["u1", "u2"], "tone": ["1", "-2"]})
    >>> b = pd.DataFrame({"unit_id": ["u1", "u2"], "tone": ["1.0", ""]})
    >>> read_coding_sheets({"a": a, "b": b})["value"].tolist()
    [1.0, -2.0, 1.0, nan]
    """
    if not isinstance(sheets, Mapping) or not sheets:
        raise FramingError("sheets must be a mapping coder -> path or DataFrame, e.g. {'a': 'coded_a.csv'}.")
    book = _variables(variables).set_index("variable")
    frames, problems, unit_sets = [], [], {}
    for coder, source in sheets.items():
        table = _read_sheet(source, coder)
        if "unit_id" not in table.columns:
            raise ColumnError(f"sheet of coder {coder!r} lacks the 'unit_id' column; columns: {list(table.columns)}.")
        present = [v for v in book.index if v in table.columns]
        if variables is not None and len(present) < len(book):
            missing = [v for v in book.index if v not in table.columns]
            raise ColumnError(f"sheet of coder {coder!r} lacks variable column(s) {missing}.")
        if not present:
            raise ColumnError(
                f"sheet of coder {coder!r} has no coding variable column; expected some of {book.index.tolist()}."
            )
        ids = table["unit_id"].str.strip()
        repeated = ids[ids.duplicated()].unique().tolist()
        if repeated or (ids == "").any():
            raise FramingError(f"sheet of coder {coder!r}: unit ids must be unique and filled; repeated: {repeated[:5]}.")
        unit_sets[coder] = set(ids)
        for variable in present:
            allowed = book.loc[variable, "values"]
            codes = table[variable].map(_normalise)
            for row, (unit, code) in enumerate(zip(ids, codes), start=2):
                if code == "" and not allow_missing:
                    problems.append(f"coder {coder!r} row {row} (unit {unit}): {variable} is empty")
                elif code != "" and code not in allowed:
                    problems.append(f"coder {coder!r} row {row} (unit {unit}): {variable} = "
                                    f"{table[variable].iloc[row - 2]!r} not in {list(allowed)}")
            frames.append(pd.DataFrame({"unit_id": ids, "coder": coder, "variable": variable, "code": codes}))
    if problems:
        raise FramingError(
            f"{len(problems)} coded value(s) outside the codebook (see framing/data/coding/GUIDE.md):\n  "
            + "\n  ".join(problems[:20]) + ("\n  ..." if len(problems) > 20 else "")
        )
    first, *others = unit_sets.items()
    for coder, units in others:
        if units != first[1]:
            raise FramingError(
                f"coders {first[0]!r} and {coder!r} coded different units: only {first[0]!r}: "
                f"{sorted(first[1] - units)[:5]}, only {coder!r}: {sorted(units - first[1])[:5]}."
            )
    long = pd.concat(frames, ignore_index=True)
    long["value"] = pd.to_numeric(long["code"].where(~long["code"].isin(["", _NA])), errors="coerce")
    return long[list(LONG_COLUMNS)]
