"""Run ``voices_frame`` and ``score`` on the partitions of a Dask DataFrame.

``framing.voices_frame(ddf)`` and ``framing.score(ddf)`` return a Dask DataFrame: each partition
is processed by the in-process function (``map_partitions``), so results are the same row for
row. Partitions must hold whole documents (``voices_frame`` splits documents, not partitions;
``dd.from_pandas`` and the readers' one-row-per-document frames do). The output's index restarts
in every partition for ``voices_frame`` (as each call's does) and is the input's for ``score``.

Runs on whatever Dask scheduler is active: threads by default, or a cluster once you have made a
client (``distributed.Client("tcp://scheduler:8786")``).
"""

from __future__ import annotations

import pandas as pd


def _partition(frame: pd.DataFrame, func, arguments: dict) -> pd.DataFrame:
    return func(frame, **arguments)


def map_frames(func, ddf, arguments: dict):
    """``func`` on every partition of ``ddf``, with the output schema computed on an empty frame."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the empty frame has no text: not the caller's concern
        meta = func(ddf._meta, **arguments)
    return ddf.map_partitions(_partition, func, arguments, meta=meta, align_dataframes=False)
