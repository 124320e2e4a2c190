"""Check that ``framing.score`` gives the same numbers as another version of the kit, float for
float, on every segment of the whole archive (all KCNA articles + all Trump tweets).

Speed work on the measures must not move a number. Run the reference version once with
``--save`` (e.g. from a ``git worktree`` of the old commit on ``PYTHONPATH``), then the new one
with ``--against``: every column must be equal (``assert_frame_equal(check_exact=True)``) and
every float bit for bit (``-0.0`` vs ``0.0`` and NaN payloads included). ``--segments`` keeps
the ``voices_frame`` output in a pickle so that both runs score the same segments and the
second skips the voices.

    PYTHONPATH=/tmp/old python benchmarks/score_identity.py --segments /tmp/segments.pkl --save /tmp/scored.pkl
    python benchmarks/score_identity.py --segments /tmp/segments.pkl --against /tmp/scored.pkl
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings


def _segments(path: str | None):
    import pandas as pd

    import framing
    from framing.datasets import load_kcna, load_trump_tweets

    if path and os.path.exists(path):
        return pd.read_pickle(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the readers warn about the corpora's few null records
        docs = pd.concat([load_kcna(), load_trump_tweets()], ignore_index=True)
    segments = framing.voices_frame(docs)
    if path:
        segments.to_pickle(path)
    return segments


def _differences(reference, scored) -> list[tuple[str, int]]:
    """(column, rows) of float columns that differ bit for bit."""
    import numpy as np

    found = []
    for column in reference.columns:
        a, b = reference[column].to_numpy(), scored[column].to_numpy()
        if a.dtype.kind == "f":
            same = (b.dtype == a.dtype) and ((a.view(np.int64) == b.view(np.int64)) | (np.isnan(a) & np.isnan(b)))
            if same is False or not same.all():
                found.append((column, len(a) if same is False else int((~same).sum())))
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", help="pickle of the voices_frame output (written when missing)")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", help="write the scored frame here (the reference)")
    group.add_argument("--against", help="compare with the reference written by --save")
    args = parser.parse_args(argv)
    import pandas as pd

    import framing

    segments = _segments(args.segments)
    start = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the count of other-language texts
        scored = framing.score(segments)
    print(f"{framing.__file__}: scored {len(scored):,} segments in {time.process_time() - start:.1f} s CPU")
    if args.save:
        scored.to_pickle(args.save)
        return 0
    reference = pd.read_pickle(args.against)
    pd.testing.assert_frame_equal(reference, scored, check_exact=True)
    differences = _differences(reference, scored)
    if differences:
        print("floats that differ bit for bit (column, rows):", differences)
        return 1
    print(f"identical: {scored.shape[1]} columns x {len(scored):,} rows, every float bit for bit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
