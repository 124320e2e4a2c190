"""The ``framing`` command line: ``framing demo`` runs the whole pipeline on the demo corpus."""

from __future__ import annotations

import argparse
import sys
import textwrap

import pandas as pd

from .compare import compare_sources
from .datasets import load_demo
from .figures import save_figure
from .scoring import score
from .text import word_spans
from .attribution import voices_frame

SENTIMENT = ["vader_compound", "textblob_polarity", "news_sentiment"]
CUE_FAMILIES = ["cue_conflict", "cue_diplomacy", "cue_threat", "cue_trust", "cue_loaded"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser(
        "demo", help="run documents -> voices -> scores -> comparison -> chart on the demo corpus")
    demo.add_argument("--out", default="framing-demo", help="folder for the chart and its table "
                      "(default: %(default)s)")
    demo.add_argument("--seed", type=int, default=0, help="seed of the cluster bootstrap")
    demo.set_defaults(run=run_demo)
    args = parser.parse_args(argv)
    return args.run(args)


def run_demo(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")  # a console command: never open a window
    import matplotlib.pyplot as plt

    from .plot import new_figure, plot_cue_profile, plot_sources

    out = sys.stdout
    documents = load_demo()
    out.write("framing demo: a corpus constructed for demonstration (framing/data/demo/SOURCE.md)\n")

    _section(out, "1. Documents per source")
    out.write(_document_summary(documents).to_string() + "\n")

    segments = voices_frame(documents)  # the demo marks its single-voice documents
    article = segments[segments["doc_id"] == "demo-article"]
    _section(out, "2. The demo article split into voices")
    out.write(_voices_table(article).to_string(index=False) + "\n")

    scored = score(segments)
    voiced = scored[scored["kind"] != "boilerplate"]
    table = compare_sources(voiced, measures=SENTIMENT + CUE_FAMILIES, random_state=args.seed)
    _section(out, "3. Per-source comparison (segments; 95% cluster-bootstrap intervals, "
                  "documents as clusters)")
    out.write(_comparison_text(table) + "\n")

    fig, axes = new_figure("page", 3.4, ncols=2, width_ratios=[1, 1.6])
    plot_sources(table, measure="vader_compound", ax=axes[0], corpus="demo corpus")
    plot_cue_profile(table, measures=CUE_FAMILIES, ax=axes[1])
    png, *_, csv = save_figure(fig, "demo_sources", table=table, folder=args.out)
    plt.close(fig)
    out.write(f"\nChart: {png}\nNumbers behind it: {csv}\n")
    return 0


def _section(out, title: str) -> None:
    out.write(f"\n{title}\n{'-' * len(title)}\n")


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


def _voices_table(segments: pd.DataFrame) -> pd.DataFrame:
    first_words = segments["text"].map(
        lambda text: textwrap.shorten(" ".join(text.split()), width=58, placeholder=" ..."))
    return pd.DataFrame({
        "kind": segments["kind"],
        "source": segments["source"].replace("", "-"),
        "speaker": segments["speaker"].replace("", "-"),
        "text": first_words,
    })


def _estimate_text(mean: float, low: float, high: float) -> str:
    if pd.isna(low) or pd.isna(high):  # one document: no interval across documents
        return f"{mean:+.2f} [n/a]"
    return f"{mean:+.2f} [{low:+.2f}, {high:+.2f}]"


def _comparison_text(table: pd.DataFrame) -> str:
    cells = table.assign(value=[_estimate_text(*row) for row in
                                zip(table["mean"], table["ci_low"], table["ci_high"])])
    wide = cells.pivot(index="source", columns="measure", values="value")
    counts = table.drop_duplicates("source").set_index("source")[["n", "n_clusters"]]
    wide = counts.rename(columns={"n": "segments", "n_clusters": "docs"}).join(wide)
    sentiment = wide[["segments", "docs", *SENTIMENT]]
    cues = wide[CUE_FAMILIES].rename(columns=lambda c: c.removeprefix("cue_"))
    return (sentiment.to_string() + "\n\nFraming cues per 100 words (mean per segment)\n"
            + cues.to_string())


if __name__ == "__main__":
    raise SystemExit(main())
