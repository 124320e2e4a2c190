"""Rebuild framing/data/models/news_sentiment.json from the VADER ground truth (offline).

    python scripts/build_news_model.py [--corpora PATH] [--out FILE] [--check]

Same data and settings give a byte-identical file. ``--check`` rebuilds in memory and exits 1
if the shipped file differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from framing.datasets import load_vader_groundtruth
from framing.model import build_news_model

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "framing" / "data" / "models" / "news_sentiment.json"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", help="the vader_groundtruth folder (default: from FRAMING_CORPORA)")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args(argv)
    model = build_news_model(load_vader_groundtruth(args.corpora))
    return write_model_file(model.to_dict(), args.out, check=args.check, note=f"{len(model.vocabulary)} terms")


def write_model_file(params: dict, out, *, check: bool = False, note: str = "") -> int:
    """Write ``params`` as canonical JSON (sorted keys), or with ``check`` compare; the exit code."""
    text = json.dumps(params, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    out = Path(out)
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'identical' if same else 'DIFFERS'}")
        return 0 if same else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.3f} MB{', ' + note if note else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
