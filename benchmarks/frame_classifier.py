"""Frame classifier on GVFC: 5-fold stratified cross-validation, regenerates data/frame_classifier_cv.csv.

The 1,300 framed headlines of the GVFC extension (``load_gvfc(extension=True)``), gold =
``frame1`` (nine frames). For each backbone of ``framing.FrameClassifier``: pooled accuracy and
macro-F1 over the five held-out folds, ``any_accuracy`` (predicted frame is frame1 or frame2),
the expected calibration error of the predicted frame's probability (10 equal-width bins), the
seconds of the whole cross-validation (embedding included) and of one fit on all 1,300
headlines. ``C`` (and the embedding weight) are tuned by an inner 3-fold grid search inside each
outer training part (nested CV), so no reported fold was seen by the tuning.

Also writes the pooled per-class table and confusion matrix of the best backbone to
``data/frame_classifier_per_class.csv`` and ``data/frame_classifier_confusion.csv``.

Run: ``FRAMING_CORPORA=... python benchmarks/frame_classifier.py [--backbones tfidf minilm minilm+tfidf]``
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "data"
GRIDS = {
    "tfidf": {"C": [3.0, 10.0, 30.0]},
    "minilm": {"C": [1.0, 3.0, 10.0]},
    "minilm+tfidf": {"C": [3.0, 10.0], "embedding_weight": [1.0, 2.0]},
}


def expected_calibration_error(probability, correct, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(probability, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            total += inside.mean() * abs(probability[inside].mean() - correct[inside].mean())
    return float(total)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backbones", nargs="+", default=list(GRIDS))
    args = parser.parse_args(argv)

    from framing import FrameClassifier, cross_validate_frames
    from framing.datasets import load_gvfc

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gvfc = load_gvfc(extension=True)
    rows, best = [], None
    for backbone in args.backbones:
        from framing import frames

        frames._EMBEDDINGS.clear()  # time the embedding inside each run
        start = time.perf_counter()
        report = cross_validate_frames(gvfc, label="frame1", also=["frame2"],
                                       classifier=FrameClassifier(backbone, random_state=0),
                                       param_grid=GRIDS[backbone], n_splits=5, random_state=0)
        cv_seconds = time.perf_counter() - start
        start = time.perf_counter()
        FrameClassifier(backbone, random_state=0).fit(gvfc["text"].tolist(), gvfc["frame1"].to_numpy())
        fit_seconds = time.perf_counter() - start
        pooled = report.summary.set_index("fold").loc["pooled"]
        predictions = report.predictions
        ece = expected_calibration_error(predictions["probability"].to_numpy(),
                                         (predictions["true"] == predictions["predicted"]).to_numpy(float))
        chosen = report.summary.filter(like="best_").iloc[:-1]
        rows.append({
            "backbone": backbone, "n": int(pooled["n"]), "folds": 5, "accuracy": round(pooled["accuracy"], 4),
            "macro_f1": round(pooled["macro_f1"], 4), "any_accuracy": round(pooled["any_accuracy"], 4),
            "fold_accuracy_min": round(report.summary["accuracy"].iloc[:-1].min(), 4),
            "fold_accuracy_max": round(report.summary["accuracy"].iloc[:-1].max(), 4),
            "ece": round(ece, 4), "cv_seconds": round(cv_seconds, 1), "fit_seconds_all": round(fit_seconds, 1),
            "tuned": "; ".join(f"{c[5:]}={'/'.join(map(str, chosen[c].tolist()))}" for c in chosen),
            "cpus": os.cpu_count(),
        })
        print(pd.DataFrame(rows[-1:]).to_string(index=False), flush=True)
        if best is None or pooled["macro_f1"] > best[0]:
            best = (pooled["macro_f1"], backbone, report)
    table = pd.DataFrame(rows)
    table.to_csv(DATA / "frame_classifier_cv.csv", index=False)
    _, backbone, report = best
    report.per_class.round(4).assign(backbone=backbone).to_csv(DATA / "frame_classifier_per_class.csv")
    report.confusion.to_csv(DATA / "frame_classifier_confusion.csv")
    print(table.to_string(index=False))
    print(f"best: {backbone}\n", report.per_class.round(3).to_string())


if __name__ == "__main__":
    main()
