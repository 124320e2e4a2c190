"""Time loading every shared corpus through ``framing.datasets`` and print the numbers.

For each reader: wall-clock seconds (best of ``--repeat`` runs), rows returned and the peak
memory Python allocated while loading (``tracemalloc``, measured in a separate run because
tracing slows the code down). Readers that are not in ``framing.datasets`` yet are skipped.

Then ``read_table`` on generated tables (our own words, no corpus text), clean and damaged, to
show that recovering from broken records costs time in proportion to the file: 100,000-row
CSV and JSONL files, the CSV again with a stray quote on 1% of its rows and with one
non-UTF-8 byte on 1% of its rows.

Usage::

    python benchmarks/bench_load.py            # corpora from FRAMING_CORPORA or ../shared/corpora
    python benchmarks/bench_load.py --repeat 3
    python benchmarks/bench_load.py --out data/benchmarks   # also writes bench_load.csv
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

import framing.datasets as datasets
from framing import corpora_dir, read_table

from _record import add_out_option, record

# (label, reader name in framing.datasets, keyword arguments)
READERS = [
    ("trump_tweets", "load_trump_tweets", {}),
    ("kcna", "load_kcna", {}),
    ("news_headlines", "load_headlines", {}),
    ("basil articles", "load_basil", {}),
    ("basil annotations", "load_basil_annotations", {}),
    ("gvfc", "load_gvfc", {}),
    ("gvfc extension", "load_gvfc", {"extension": True}),
    ("polnear (dev)", "load_polnear", {}),
    ("polnear attributions (dev)", "load_polnear_attributions", {}),
    ("vader ground truth", "load_vader_groundtruth", {}),
]


def _run(reader, kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # known broken records (KCNA nulls) are reported by the tests
        return reader(**kwargs)


def measure(reader, kwargs, repeat: int) -> tuple[float, int, float]:
    """Return (best seconds, rows, peak MiB) for one reader."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        frame = _run(reader, kwargs)
        best = min(best, time.perf_counter() - start)
    rows = len(frame)
    del frame
    gc.collect()
    tracemalloc.start()
    _run(reader, kwargs)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, rows, peak / 2**20


def _tables(folder: Path, rows: int = 100_000) -> list[tuple[str, Path]]:
    """Write the generated tables; return (label, path) pairs."""
    texts = [f'Row {i}: talks resumed, "officials said", on day {i % 365} \u2014 caf\u00e9 \u2028 end.'
             for i in range(rows)]
    clean = folder / "clean.csv"
    with clean.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows([f"d{i}", text] for i, text in enumerate(texts))
    lines = clean.read_bytes().split(b"\n")
    quoted, latin1 = list(lines), list(lines)
    for i in range(1, len(lines) - 1, 100):
        quoted[i] = quoted[i].replace(b",", b',"', 1)  # an opening quote never closed
        latin1[i] = latin1[i].replace("caf\u00e9".encode(), b"caf\xe9")  # one latin-1 byte
    (folder / "quotes.csv").write_bytes(b"\n".join(quoted))
    (folder / "latin1.csv").write_bytes(b"\n".join(latin1))
    with (folder / "clean.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    return [("table csv 100k", clean), ("table csv 1% stray quotes", folder / "quotes.csv"),
            ("table csv 1% latin-1 bytes", folder / "latin1.csv"), ("table jsonl 100k", folder / "clean.jsonl")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per reader (best is kept)")
    add_out_option(parser)
    args = parser.parse_args()
    print(f"corpora: {corpora_dir()}")
    print(f"{'corpus':<28}{'seconds':>9}{'rows':>9}{'peak MiB':>10}")
    results = []

    def show(label, seconds, rows, peak):
        results.append({"what": label, "seconds": round(seconds, 3), "rows": rows, "peak_mib": round(peak, 1),
                        "repeat": args.repeat})
        print(f"{label:<28}{seconds:>9.2f}{rows:>9,}{peak:>10.1f}")

    for label, name, kwargs in READERS:
        reader = getattr(datasets, name, None)
        if reader is None:
            print(f"{label:<28}{'(no reader yet)':>28}")
            continue
        show(label, *measure(reader, kwargs, args.repeat))
    total = sum(r["seconds"] for r in results)
    print(f"{'total':<28}{total:>9.2f}")
    results.append({"what": "total (corpora)", "seconds": round(total, 3), "rows": sum(r["rows"] for r in results),
                    "peak_mib": max((r["peak_mib"] for r in results), default=0.0), "repeat": args.repeat})
    with tempfile.TemporaryDirectory() as folder:
        for label, path in _tables(Path(folder)):
            show(label, *measure(read_table, {"path": path, "columns": {"doc_id": "id"}}, args.repeat))
    if args.out:
        record(args.out, "load", results)


if __name__ == "__main__":
    main()
