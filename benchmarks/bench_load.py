"""Time loading every shared corpus through ``framing.datasets`` and print the numbers.

For each reader: wall-clock seconds (best of ``--repeat`` runs), rows returned and the peak
memory Python allocated while loading (``tracemalloc``, measured in a separate run because
tracing slows the code down). Readers that are not in ``framing.datasets`` yet are skipped.

Usage::

    python benchmarks/bench_load.py            # corpora from FRAMING_CORPORA or ../shared/corpora
    python benchmarks/bench_load.py --repeat 3
"""

from __future__ import annotations

import argparse
import gc
import time
import tracemalloc
import warnings

import framing.datasets as datasets
from framing import corpora_dir

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per reader (best is kept)")
    args = parser.parse_args()
    print(f"corpora: {corpora_dir()}")
    print(f"{'corpus':<28}{'seconds':>9}{'rows':>9}{'peak MiB':>10}")
    total = 0.0
    for label, name, kwargs in READERS:
        reader = getattr(datasets, name, None)
        if reader is None:
            print(f"{label:<28}{'(no reader yet)':>28}")
            continue
        seconds, rows, peak = measure(reader, kwargs, args.repeat)
        total += seconds
        print(f"{label:<28}{seconds:>9.2f}{rows:>9,}{peak:>10.1f}")
    print(f"{'total':<28}{total:>9.2f}")


if __name__ == "__main__":
    main()
