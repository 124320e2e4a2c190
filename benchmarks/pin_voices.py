"""Fingerprint of everything ``framing.voices`` produces, to prove a refactor changes nothing.

    python benchmarks/pin_voices.py            # print the fingerprints
    python benchmarks/pin_voices.py --check    # compare with tests/data/voices_pin.json

The fingerprint is a SHA-256 of the full segments table (every column, every row) of
``voices_frame`` over PolNeAR train and dev, the reference (seed) article, the demo article and
all KCNA articles, one hash per corpus, plus the PolNeAR scores of ``framing.validation.attribution``. A
rule change that is meant to change output updates the pin file (``--write``) in the same
commit, so the diff says which corpora changed and how the scores moved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from pathlib import Path

import pandas as pd

from framing import BrokenRecordWarning, corpora_dir, voices_frame
from framing.datasets import load_demo, load_kcna, load_polnear
from framing.validation.attribution import evaluate_polnear

PIN = Path(__file__).resolve().parents[1] / "tests" / "data" / "voices_pin.json"


def fingerprint(segments: pd.DataFrame) -> str:
    """SHA-256 of a segments table: its columns and every value, row by row."""
    digest = hashlib.sha256("\t".join(segments.columns).encode())
    for row in segments.itertuples(index=False):
        digest.update(("\n" + "\t".join(map(repr, row))).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def corpora() -> dict[str, pd.DataFrame]:
    seed = (corpora_dir() / "seed" / "trump_kim_summit_article.txt").read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)
        kcna = load_kcna()
    return {
        "polnear_train": load_polnear(split="train"),
        "polnear_dev": load_polnear(split="dev"),
        "seed": pd.DataFrame({"doc_id": ["ref"], "text": [seed]}),
        "demo": load_demo(),
        "kcna": kcna,
    }


def measure() -> dict:
    out = {"segments": {name: fingerprint(voices_frame(docs)) for name, docs in corpora().items()}}
    for split in ("train", "dev"):
        table = evaluate_polnear(split=split)
        out[f"polnear_{split}"] = {
            "precision": round(float(table.loc["overall", "precision"]), 6),
            "recall": round(float(table.loc["overall", "recall"]), 6),
            "f1": round(float(table.loc["overall", "f1"]), 6),
            "direct_precision": round(float(table.loc["direct", "precision"]), 6),
            "direct_recall": round(float(table.loc["direct", "recall"]), 6),
            "direct_f1": round(float(table.loc["direct", "f1"]), 6),
            "speaker_accuracy": round(float(table.loc["overall", "speaker_accuracy"]), 6),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the pin file")
    parser.add_argument("--write", action="store_true", help="write the pin file")
    args = parser.parse_args(argv)
    found = measure()
    print(json.dumps(found, indent=2))
    if args.write:
        PIN.parent.mkdir(parents=True, exist_ok=True)
        PIN.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    if args.check:
        pinned = json.loads(PIN.read_text(encoding="utf-8"))
        if pinned != found:
            for key in sorted(set(pinned) | set(found)):
                if pinned.get(key) != found.get(key):
                    print(f"CHANGED {key}: {pinned.get(key)} -> {found.get(key)}")
            return 1
        print("identical to", PIN)
    return 0


if __name__ == "__main__":
    sys.exit(main())
