"""The ``framing`` command line: ``framing demo`` runs the whole pipeline on the demo corpus."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from .datasets import load_demo
from .text import word_spans


def _document_summary(documents: pd.DataFrame) -> pd.DataFrame:
    words = documents["text"].map(lambda text: len(word_spans(text)))
    summary = documents.assign(words=words).groupby("source", sort=True).agg(
        documents=("doc_id", "size"),
        words=("words", "sum"),
        first=("date", "min"),
        last=("date", "max"),
    )
    summary["first"] = summary["first"].dt.date
    summary["last"] = summary["last"].dt.date
    return summary


def run_demo(args: argparse.Namespace) -> int:
    documents = load_demo()
    out = sys.stdout
    out.write("framing demo: a corpus constructed for demonstration (framing/data/demo/SOURCE.md)\n\n")
    out.write("Documents per source\n")
    out.write(_document_summary(documents).to_string() + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="run the pipeline on the bundled demo corpus")
    demo.set_defaults(run=run_demo)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
