"""Dask scale-out: voices + scores of the whole archive on a LocalCluster of 1 and 2 workers.

All KCNA articles + all Trump tweets as a Dask DataFrame (``--partitions`` partitions), then
``framing.score(framing.voices_frame(ddf))`` computed on a ``distributed.LocalCluster`` with
one, then two single-threaded worker processes. Prints seconds, segments and the speed-up. The
speed-up cannot exceed the number of free cores (the reference machine has 2, shared).

To use an existing cluster instead: ``distributed.Client("tcp://scheduler-host:8786")`` before
calling ``voices_frame``/``score`` (every worker needs ``pip install framing``).

``--out DIR`` also writes ``DIR/bench_dask.csv`` (one row per worker count, with the load
average before and after the run: the machine is shared).

    python benchmarks/bench_dask.py [--workers 1 2] [--limit N] [--partitions 16] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

from _record import add_out_option, record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=0, help="a seeded sample of N documents")
    parser.add_argument("--partitions", type=int, default=16)
    add_out_option(parser)
    args = parser.parse_args()

    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    import framing
    from framing.datasets import load_kcna, load_trump_tweets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the readers warn about the corpora's few null records
        docs = pd.concat([load_kcna(), load_trump_tweets()], ignore_index=True)
    if args.limit:
        docs = docs.sample(n=args.limit, random_state=0).sort_index()  # both corpora, in order
    ddf = dd.from_pandas(docs, npartitions=args.partitions)
    times, rows = {}, []
    for n in args.workers:
        load_before = os.getloadavg()[0]
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.run(lambda: framing.score(pd.DataFrame({"text": ["warm up the lexicons."]})))
            start = time.perf_counter()
            segments = len(framing.score(framing.voices_frame(ddf)).compute())
            times[n] = time.perf_counter() - start
            print(f"{n} worker(s): {times[n]:.1f} s for {len(docs):,} documents, {segments:,} segments "
                  f"(load average {load_before:.2f} -> {os.getloadavg()[0]:.2f})", flush=True)
            rows.append({"workers": n, "documents": len(docs), "segments": segments, "partitions": args.partitions,
                         "seconds": round(times[n], 2), "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)})
    first = min(times)
    for row in rows:
        row["speedup"] = round(times[first] / times[row["workers"]], 2)
        if len(times) > 1:
            print(f"speed-up with {row['workers']} workers: {times[first] / times[row['workers']]:.2f}x")
    if args.out:
        record(args.out, "dask", rows)


if __name__ == "__main__":
    main()
