"""Calibrated confidence: raw rule confidence -> share of segments that were right on PolNeAR.

The rules give each segment a raw confidence (the cue verb's, times factors for unbalanced
quotes, inherited voices, ...). ``framing/data/voices/calibration.csv`` maps it to the precision
observed on PolNeAR's train split (isotonic regression, written by
``benchmarks/calibrate_voices.py``; provenance in ``framing/data/voices/README.md``), one curve
for attributed segments (``direct``, ``indirect``: right when the content span matches a gold
span and the speaker mention overlaps its source) and one for the rest (narration, headline,
boilerplate: right when the words are not a gold attribution's content). Between the fitted
points the map is linear; outside them it is flat.
"""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from functools import lru_cache

import numpy as np

from .._data import data_file

_STATE = {"enabled": True}


def group_of(kind: str) -> str:
    return "attributed" if kind in ("direct", "indirect") else "unattributed"


@lru_cache(maxsize=1)
def _curves() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    file = data_file("voices", "calibration.csv")
    if not file.is_file():
        return {}
    points: dict[str, list[tuple[float, float]]] = {}
    for row in csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))):
        points.setdefault(row["group"], []).append((float(row["raw"]), float(row["calibrated"])))
    return {g: (np.array([x for x, _ in p]), np.array([y for _, y in p])) for g, p in points.items()}


def calibrate(kind: str, raw: float) -> float:
    """The calibrated confidence of a segment of ``kind`` with raw confidence ``raw``."""
    if not _STATE["enabled"]:
        return float(raw)
    return _mapped(group_of(kind), float(raw))


@lru_cache(maxsize=4096)   # raw confidences take few distinct values
def _mapped(group: str, raw: float) -> float:
    curve = _curves().get(group)
    if curve is None:
        return raw
    return round(float(np.interp(raw, curve[0], curve[1])), 4)


@contextmanager
def raw_confidence():
    """Within the block, segments carry the raw rule confidence (for fitting the calibration)."""
    before = _STATE["enabled"]
    _STATE["enabled"] = False
    try:
        yield
    finally:
        _STATE["enabled"] = before
