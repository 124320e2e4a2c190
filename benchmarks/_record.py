"""Write a benchmark's measurements to a CSV, with the conditions they were taken under.

Every benchmark script prints its numbers; with ``--out DIR`` it also calls :func:`record`, which
writes ``DIR/bench_<name>.csv``: one row per measurement (the script's own columns) plus the
same run columns on every row, so a README number can point at its table and a reader can see
how busy the machine was:

``date`` (UTC, to the second), ``load_1m``, ``load_5m``, ``load_15m`` (``os.getloadavg()`` when
the row was written: on a shared machine a slow number with a high load is the load, not the
code), ``cpus`` (``os.cpu_count()``), ``cpu_model`` (``/proc/cpuinfo``'s model name, where
there is one), ``reference_seconds`` (CPU seconds of a fixed pure-Python task, best of 3: machines
of one kind can differ by 2-3x in speed, and a number is comparable across runs only together
with this one), ``python`` (version), ``platform``, ``framing`` (the kit's version).

A rerun overwrites the file (the table is the latest measurement; git keeps the history).

Usage in a script::

    from _record import add_out_option, record   # benchmarks/ is the script's folder

    parser = argparse.ArgumentParser()
    add_out_option(parser)
    ...
    if args.out:
        record(args.out, "load", rows)            # rows: list of dicts or a DataFrame
"""

from __future__ import annotations

import csv
import datetime
import os
import platform
import time
from pathlib import Path

RUN_COLUMNS = ("date", "load_1m", "load_5m", "load_15m", "cpus", "cpu_model", "reference_seconds", "python",
               "platform", "framing")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def reference_seconds(repeat: int = 3) -> float:
    """CPU seconds of a fixed pure-Python task (dict, string and integer work), best of ``repeat``.

    The kit's hot paths are pure Python of the same mix, so the ratio of two machines' reference
    times predicts the ratio of their benchmark times better than a CPU model name does.
    """
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        counts: dict[str, int] = {}
        for i in range(1_000_000):
            word = f"w{i % 977}"
            counts[word] = counts.get(word, 0) + (i * 7) % 13
        " ".join(sorted(counts)).split()
        best = min(best, time.process_time() - start)
    return round(best, 3)


def run_conditions() -> dict:
    """The run columns (see the module docstring) as they are now."""
    import framing

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "load_1m": round(load[0], 2), "load_5m": round(load[1], 2), "load_15m": round(load[2], 2),
        "cpus": os.cpu_count(), "cpu_model": _cpu_model(), "reference_seconds": reference_seconds(),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}", "framing": framing.__version__,
    }


def record(out_dir, name: str, rows) -> Path:
    """Write ``out_dir/bench_<name>.csv`` (measurement columns, then :data:`RUN_COLUMNS`).

    ``rows`` is a list of dicts (keys: measurement columns, the same on every row) or a
    DataFrame. A measurement column may not be named like a run column. Returns the path.
    """
    records = rows.to_dict("records") if hasattr(rows, "to_dict") else [dict(row) for row in rows]
    if not records:
        raise ValueError(f"benchmark {name!r}: no rows to record; pass at least one measurement")
    columns = list(records[0])
    clash = sorted(set(columns) & set(RUN_COLUMNS))
    if clash:
        raise ValueError(f"benchmark {name!r}: measurement columns {clash} clash with the run columns "
                         f"{list(RUN_COLUMNS)}; rename them")
    for i, row in enumerate(records):
        if list(row) != columns:
            raise ValueError(f"benchmark {name!r}: row {i} has columns {list(row)}, row 0 has {columns}; "
                             "give every row the same columns")
    conditions = run_conditions()
    path = Path(out_dir) / f"bench_{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*columns, *RUN_COLUMNS], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**row, **conditions} for row in records)
    print(f"wrote {path}")
    return path


def add_out_option(parser) -> None:
    """Add the shared ``--out DIR`` option (write ``DIR/bench_<name>.csv``) to an argparse parser."""
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="also write the measurements to DIR/bench_<name>.csv (with date, load, cpus, "
                             "python), e.g. --out data/benchmarks")
