"""Speed of framing.voices (default path): PolNeAR train, all KCNA articles, AllSides if present.

Target (issue 7): >= 300 PolNeAR-length articles per second on one core. Prints the
measurements (CPU seconds of this process; best of ``--repeat`` runs).
Run: python benchmarks/bench_voices.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import warnings

from framing import BrokenRecordWarning, voices_frame
from framing.datasets import load_kcna, load_polnear

from _record import add_out_option, record


def _quiet(loader):
    """A corpus whose reader warns about known broken records (expected here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)
        return loader()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    add_out_option(parser)
    args = parser.parse_args(argv)
    rows = []
    corpora = {"PolNeAR train": load_polnear(split="train"), "KCNA": _quiet(load_kcna)}
    try:   # the AllSides reader arrives with another branch; measured when present
        from framing.datasets import load_allsides
        corpora["AllSides NK"] = _quiet(load_allsides)
    except (ImportError, FileNotFoundError) as error:
        print(f"AllSides NK skipped: {error}")
    voices_frame(corpora["PolNeAR train"].head(20))  # warm the caches (alias table, word lists)
    for name, frame in corpora.items():
        frame = frame[["doc_id", "text"] + [c for c in ("source", "single_voice") if c in frame.columns]]
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            segments = voices_frame(frame)
            best = min(best, time.process_time() - start)
        chars = frame["text"].str.len().sum()
        print(f"{name:14s} {len(frame):6d} articles {chars / len(frame):7.0f} chars/article {len(segments):7d} "
              f"segments {best:6.1f} s CPU  {len(frame) / best:6.0f} articles/s")
        rows.append({"corpus": name, "articles": len(frame), "chars_per_article": round(chars / len(frame)),
                     "segments": len(segments), "cpu_seconds": round(best, 2),
                     "articles_per_s": round(len(frame) / best, 1), "repeat": args.repeat})
    if args.out:
        record(args.out, "voices", rows)


if __name__ == "__main__":
    main()
