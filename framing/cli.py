"""The ``framing`` command line: voices, scores and comparisons for your own files.

Inputs: CSV, JSON Lines or Parquet tables, or .txt/.html files and folders of them. Outputs:
.csv, .jsonl or .parquet, chosen by the output file's suffix. Exit codes (``EXIT_*``): 0 done,
1 some work failed (a notebook of ``figures``), 2 wrong command line, 3 bad input (the message
says how to fix it), 4 an optional dependency is missing (the message gives the install
command), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

import pandas as pd

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INPUT, EXIT_MISSING, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
_TABLES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
_ARTICLES = {".txt", ".text", ".html", ".htm"}
_CHUNK = 2000  # rows per score call: the progress bar's step (scores are per row: same numbers)

DESCRIPTION = """\
Score sentiment and framing cues per voice in news text, and compare sources.

  framing voices articles/ -o segments.parquet      split documents into voices
  framing score segments.parquet -o scored.csv      score every row's text
  framing compare scored.csv --by source -o table.csv
  framing fetch kcna --to corpora/                  download a research corpus
  framing figures | validate | demo | cache clear

Tables: .csv, .jsonl, .parquet; documents also as .txt/.html files or folders.
Exit codes: 0 done, 1 some work failed, 2 usage, 3 bad input, 4 missing extra, 130 interrupted."""


def main(argv: list[str] | None = None) -> int:
    from . import __version__

    parser = argparse.ArgumentParser(prog="framing", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="the whole pipeline on the bundled demo corpus")
    demo.add_argument("--out", default="framing-demo", help="folder for the chart and its table "
                      "(default: %(default)s)")
    demo.add_argument("--seed", type=int, default=0, help="seed of the cluster bootstrap")
    demo.set_defaults(run=run_demo)

    voices = commands.add_parser("voices", help="split documents into voice segments")
    voices.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a table with doc_id/text columns, or .txt/.html files and folders")
    voices.add_argument("-o", "--output", required=True, help="segments file (.csv, .jsonl, .parquet)")
    voices.add_argument("--text", default="text", help="text column of a table (default: %(default)s)")
    voices.add_argument("--source", help="source of every document (files only)")
    voices.add_argument("--outlet", help="outlet of every document (files only)")
    _common(voices)
    voices.set_defaults(run=_run_voices)

    score = commands.add_parser("score", help="add score columns to a table of texts")
    score.add_argument("inputs", nargs="+", metavar="INPUT",
                       help="a table with a text column, or .txt/.html files and folders")
    score.add_argument("-o", "--output", required=True, help="scored file (.csv, .jsonl, .parquet)")
    score.add_argument("--text", default="text", help="text column (default: %(default)s)")
    score.add_argument("--measures", nargs="+", default=None, metavar="MEASURE",
                       help="textblob vader cues news news_embedding (default: the first four)")
    _common(score)
    score.set_defaults(run=_run_score)

    compare = commands.add_parser("compare", help="per-source means with cluster-bootstrap intervals")
    compare.add_argument("input", help="a scored table (from `framing score`)")
    compare.add_argument("-o", "--output", required=True, help="table file (.csv, .jsonl, .parquet)")
    compare.add_argument("--by", default="source", help="group column (default: %(default)s)")
    compare.add_argument("--measures", nargs="+", required=True, metavar="MEASURE",
                         help="score columns, e.g. vader_compound cue_conflict")
    compare.add_argument("--cluster", default="doc_id",
                         help="cluster column, or 'none' (default: %(default)s)")
    compare.add_argument("--resamples", type=int, default=2000, help="bootstrap resamples")
    compare.add_argument("--seed", type=int, default=0, help="seed of the bootstrap")
    compare.set_defaults(run=_run_compare)

    figures = commands.add_parser("figures", help="regenerate figures/ by running every notebook")
    figures.add_argument("--notebooks", default=None, help="notebooks folder (default: ./notebooks, "
                         "else the one beside the package)")
    figures.add_argument("--timeout", type=int, default=3600, help="seconds per cell")
    figures.set_defaults(run=_run_figures)

    validate = commands.add_parser("validate", help="print the validation tables in data/")
    validate.add_argument("--data", default=None, help="folder of the tables (default: ./data, else "
                          "the one beside the package)")
    validate.set_defaults(run=_run_validate)

    fetch = commands.add_parser("fetch", help="download research corpora (pinned, verified)")
    fetch.add_argument("names", nargs="*", metavar="NAME", help="corpora to download (see --list)")
    fetch.add_argument("--to", default="corpora", help="corpora folder (default: %(default)s)")
    fetch.add_argument("--list", action="store_true", help="list the corpora and where they come from")
    fetch.add_argument("--no-progress", action="store_true", help="no progress bar")
    fetch.set_defaults(run=_run_fetch)

    cache = commands.add_parser("cache", help="show or clear the on-disk cache")
    cache.add_argument("action", choices=["info", "clear"])
    cache.set_defaults(run=_run_cache)

    args = parser.parse_args(argv)
    return _guarded(args)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--no-cache", action="store_true",
                        help="do not read or write the cache (framing cache info)")


def _guarded(args: argparse.Namespace) -> int:
    from .errors import FramingError

    try:
        return args.run(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except ImportError as error:
        _error(str(error))
        return EXIT_MISSING
    except (FramingError, FileNotFoundError, IsADirectoryError, UnicodeDecodeError) as error:
        _error(str(error))
        return EXIT_INPUT


def _error(message: str) -> None:
    sys.stderr.write(f"framing: error: {message}\n")


# ---------------------------------------------------------------------------------- input/output


def _read_documents(inputs: list[str], *, text: str, source=None, outlet=None) -> pd.DataFrame:
    """One table (documents), or article files and folders."""
    from .errors import FramingError
    from .io import read_articles, read_table

    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            raise FramingError(f"{path} does not exist. Give existing files or folders.")
    tables = [p for p in paths if p.suffix.lower() in _TABLES]
    if tables:
        if len(paths) > 1:
            raise FramingError(f"give one table, or article files and folders, not both ({inputs}). "
                               "Concatenate tables first.")
        defaults = {k: v for k, v in (("source", source), ("outlet", outlet)) if v}
        return read_table(tables[0], columns={"text": text} if text != "text" else None, **defaults)
    odd = [p for p in paths if p.is_file() and p.suffix.lower() not in _ARTICLES]
    if odd:
        raise FramingError(f"cannot read {[str(p) for p in odd]}: give a table (.csv, .jsonl, .parquet) "
                           "or article files (.txt, .html) and folders of them.")
    return read_articles(paths if len(paths) > 1 else paths[0], source=source, outlet=outlet)


def _read_any_table(path: Path) -> pd.DataFrame:
    """Any table (segments, scored rows): all columns kept as the file has them."""
    from .errors import FramingError

    kind = _TABLES.get(path.suffix.lower())
    if kind is None:
        raise FramingError(f"{path}: unknown table format {path.suffix!r}; use .csv, .jsonl or .parquet.")
    if not path.is_file():
        raise FramingError(f"{path} does not exist or is not a file.")
    try:
        if kind == "csv":
            return pd.read_csv(path, encoding="utf-8-sig")
        if kind == "jsonl":
            return pd.read_json(path, lines=True, dtype=False)
        return pd.read_parquet(path)
    except (ValueError, pd.errors.ParserError, OSError) as error:
        raise FramingError(f"{path}: cannot read it as {kind} ({error}). Check the file's format and "
                           "encoding (UTF-8).") from None


def _write(frame: pd.DataFrame, output: str) -> Path:
    from .errors import FramingError

    path = Path(output)
    kind = _TABLES.get(path.suffix.lower())
    if kind is None:
        raise FramingError(f"output {output!r}: unknown format {path.suffix or '(no suffix)'!r}; "
                           "end the name in .csv, .jsonl or .parquet.")
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        frame.to_csv(path, index=False)
    elif kind == "jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False, date_format="iso")
    else:
        frame.to_parquet(path, index=False)
    return path


def _use_cache(args) -> None:
    import framing.cache

    if args.no_cache:
        framing.cache.disable()
    elif framing.cache.folder() is None:
        framing.cache.enable()


def _done(out, what: str, path: Path) -> None:
    out.write(f"{what} -> {path}\n")


# -------------------------------------------------------------------------------------- commands


def _run_voices(args) -> int:
    from .attribution import voices_frame

    _use_cache(args)
    documents = _read_documents(args.inputs, text=args.text, source=args.source, outlet=args.outlet)
    segments = voices_frame(documents, text="text", progress=not args.no_progress)
    _done(sys.stdout, f"{len(documents):,} documents, {len(segments):,} segments", _write(segments, args.output))
    return EXIT_OK


def _run_score(args) -> int:
    from ._checks import require_columns
    from .scoring import MEASURES, score

    _use_cache(args)
    paths = [Path(p) for p in args.inputs]
    if len(paths) == 1 and paths[0].suffix.lower() in _TABLES:
        data = _read_any_table(paths[0])
        require_columns(data, [args.text], what=str(paths[0]))
    else:
        data = _read_documents(args.inputs, text=args.text)
    measures = args.measures or list(MEASURES)
    chunks = [data.iloc[i:i + _CHUNK] for i in range(0, max(len(data), 1), _CHUNK)]
    from tqdm.auto import tqdm

    with tqdm(total=len(data), unit="rows", desc="score", disable=args.no_progress) as bar:
        parts = []
        for chunk in chunks:
            parts.append(score(chunk, text=args.text if args.text in chunk else "text", measures=measures))
            bar.update(len(chunk))
    scored = pd.concat(parts) if len(parts) > 1 else parts[0]
    unusable = int((scored["score_reason"] != "").sum())
    note = f" ({unusable:,} without usable text: see score_reason)" if unusable else ""
    _done(sys.stdout, f"{len(scored):,} rows scored{note}", _write(scored, args.output))
    return EXIT_OK


def _run_compare(args) -> int:
    from ._checks import require_columns
    from .compare import compare_sources

    data = _read_any_table(Path(args.input))
    cluster = None if args.cluster.lower() == "none" else args.cluster
    require_columns(data, [args.by, *args.measures, *([cluster] if cluster else [])], what=args.input)
    table = compare_sources(data, measures=args.measures, by=args.by, cluster=cluster,
                            n_resamples=args.resamples, random_state=args.seed)
    _done(sys.stdout, f"{table[args.by].nunique()} groups x {len(args.measures)} measures",
          _write(table, args.output))
    return EXIT_OK


def _package_side(folder: str | None, name: str) -> Path:
    """``folder``, else ``./<name>``, else ``<name>`` beside the installed package (a checkout)."""
    from .errors import FramingError

    candidates = [Path(folder)] if folder else [Path.cwd() / name, Path(__file__).resolve().parent.parent / name]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FramingError(f"no {name}/ folder found (looked in {[str(c) for c in candidates]}); run the "
                       f"command in a checkout of the repository or pass --{name} FOLDER.")


def _run_figures(args) -> int:
    import json

    from ._config import corpora_skip_reason
    from ._notebooks import notebook_corpora

    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        raise ImportError('framing figures runs the notebooks: pip install "framing[notebooks]"') from None
    folder = _package_side(args.notebooks, "notebooks")
    notebooks = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    failed = skipped = 0
    from tqdm.auto import tqdm

    for path in tqdm(notebooks, desc="notebooks", unit="nb", disable=len(notebooks) < 2):
        reason = corpora_skip_reason(notebook_corpora(json.loads(path.read_text(encoding="utf-8"))) or ())
        if reason:
            sys.stdout.write(f"skipped {path.name}: {reason}\n")
            skipped += 1
            continue
        notebook = nbformat.read(path, as_version=4)
        try:
            NotebookClient(notebook, timeout=args.timeout, resources={"metadata": {"path": str(folder)}}).execute()
        except Exception as error:  # a failing cell: report it, run the other notebooks
            sys.stdout.write(f"FAILED {path.name}: {str(error).strip().splitlines()[-1][:300]}\n")
            failed += 1
            continue
        sys.stdout.write(f"ran {path.name}\n")
    sys.stdout.write(f"{len(notebooks) - failed - skipped} ran, {skipped} skipped, {failed} failed; figures in "
                     f"{folder.parent / 'figures'}\n")
    return EXIT_FAILED if failed else EXIT_OK


def _run_validate(args) -> int:
    from .errors import FramingError

    folder = _package_side(args.data, "data")
    tables = sorted(folder.glob("*.csv"))
    if not tables:
        raise FramingError(f"no validation tables (*.csv) in {folder}; write them with "
                           "`python benchmarks/validity.py --out data`.")
    with pd.option_context("display.width", 160, "display.max_columns", 30, "display.precision", 3):
        for path in tables:
            title = path.stem.replace("_", " ")
            sys.stdout.write(f"\n{title}\n{'-' * len(title)}\n{pd.read_csv(path).to_string(index=False)}\n")
    readme = folder / "README.md"
    if readme.is_file():
        sys.stdout.write(f"\nHow these were measured: {readme}\n")
    return EXIT_OK


def _run_fetch(args) -> int:
    from .datasets import corpus_registry, fetch
    from .errors import FramingError

    if args.list or not args.names:
        table = corpus_registry()[["name", "files", "megabytes", "repository", "commit", "licence"]]
        with pd.option_context("display.width", 200, "display.max_colwidth", 60):
            sys.stdout.write(table.to_string(index=False) + "\n")
        if not args.list:
            raise FramingError("name the corpora to download, e.g. `framing fetch kcna trump_tweets --to corpora`.")
        return EXIT_OK
    for name in args.names:
        path = fetch(name, args.to, progress=not args.no_progress)
        sys.stdout.write(f"{name}: verified -> {path}\n")
    sys.stdout.write(f"Use them: export FRAMING_CORPORA={Path(args.to).resolve()}\n")
    return EXIT_OK


def _run_cache(args) -> int:
    import framing.cache

    if args.action == "clear":
        freed = framing.cache.clear()
        sys.stdout.write(f"cleared {freed / 1e6:.1f} MB from {framing.cache.info()['folder']}\n")
    else:
        info = framing.cache.info()
        sys.stdout.write(f"{info['folder']}: {info['entries']} results, {info['bytes'] / 1e6:.1f} MB of "
                         f"{info['max_bytes'] / 1e6:.0f} MB (the command line caches; in Python: "
                         "framing.cache.enable())\n")
    return EXIT_OK


# ------------------------------------------------------------------------------------------ demo

SENTIMENT = ["vader_compound", "textblob_polarity", "news_sentiment"]
CUE_FAMILIES = ["cue_conflict", "cue_diplomacy", "cue_threat", "cue_trust", "cue_loaded"]


def run_demo(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")  # a console command: never open a window
    import matplotlib.pyplot as plt

    from .plot import new_figure, plot_cue_profile, plot_sources

    from .compare import compare_sources
    from .datasets import load_demo
    from .figures import save_figure
    from .scoring import score
    from .attribution import voices_frame

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
    from .text import word_spans

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
