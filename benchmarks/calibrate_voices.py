"""Calibrate the ``confidence`` of ``framing.voices`` on PolNeAR train; check it on dev.

    python benchmarks/calibrate_voices.py [--out data]

1. Splits PolNeAR train with the raw rule confidence and judges every segment against each
   annotator's gold (``framing.validation.attribution.segment_outcomes``).
2. Fits an isotonic regression of "right" on raw confidence (scikit-learn), one curve for
   attributed segments (direct, indirect) and one for the rest, and writes the fitted points to
   ``framing/data/voices/calibration.csv`` (package data: ``framing.voices`` maps raw to
   calibrated confidence with it).
3. Prints the reliability table (``framing.validation.attribution.reliability_table``) of the calibrated
   confidence on train (fitted) and dev (held out), and with ``--out`` writes it to
   ``<out>/voices_calibration.csv`` (columns confidence, observed, n, observed_low,
   observed_high, split). Dev is never used for fitting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.isotonic import IsotonicRegression

from framing import voices_frame
from framing.attribution import _calibration
from framing.datasets import load_polnear, load_polnear_attributions
from framing.validation.attribution import reliability_table, segment_outcomes

CURVES = Path(__file__).resolve().parents[1] / "framing" / "data" / "voices" / "calibration.csv"


def outcomes(split: str) -> pd.DataFrame:
    documents = load_polnear(split=split)
    gold = load_polnear_attributions(split=split)
    return segment_outcomes(voices_frame(documents), gold, documents)


def fit(train: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for group, frame in train.groupby(train["kind"].map(_calibration.group_of)):
        model = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
        model.fit(frame["confidence"].to_numpy(), frame["correct"].to_numpy(dtype=float))
        for raw, calibrated in zip(model.X_thresholds_, model.y_thresholds_):
            rows.append((group, round(float(raw), 4), round(float(calibrated), 4)))
    return pd.DataFrame(rows, columns=["group", "raw", "calibrated"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for voices_calibration.csv (e.g. data)")
    args = parser.parse_args(argv)
    with _calibration.raw_confidence():
        raw_train = outcomes("train")
    curves = fit(raw_train)
    curves.to_csv(CURVES, index=False, lineterminator="\n")
    _calibration._curves.cache_clear()
    _calibration._mapped.cache_clear()
    print(f"wrote {len(curves)} points to {CURVES}")
    tables = []
    for split in ("train", "dev"):
        table = reliability_table(outcomes(split))
        table["split"] = split
        tables.append(table)
        kept = table["n"].sum()
        gap = float(np.average((table["observed"] - table["confidence"]).abs(), weights=table["n"]))
        print(f"== {split}: {kept} segment judgements, expected calibration error {gap:.3f}")
        print(table.to_string(index=False), end="\n\n")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        pd.concat(tables, ignore_index=True).to_csv(args.out / "voices_calibration.csv", index=False,
                                                    lineterminator="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
