"""framing.voices on real multi-outlet coverage: the allsides_nk gold tables and the whole corpus.

Scores the segments of the hand-annotated articles (``tests/data/allsides_voices_gold.csv``:
``dev`` to ``dev4`` developed on, ``heldout`` never tuned on; see ``tests/test_voices_allsides.py``
for how they were made and drawn) with :func:`framing.validation.attribution.score_phrase_gold`, per split: kind, speaker,
source and cue accuracy. Then splits all 615 articles and reports speed (CPU seconds, one
process) and how many segments of each kind came out. Prints the tables and, with ``--out``,
writes ``allsides_voices_gold.csv`` (numbers only) and the speed as ``bench_allsides_voices.csv``
(with the run conditions: date, load, cpus; see ``benchmarks/_record.py``).

How reliable the gold is: a second annotator labelled a seeded sample of its rows blind
(``tests/data/allsides_voices_gold_second.csv``); :func:`annotation_agreement` compares the two
per column (observed agreement and Krippendorff's nominal alpha, :func:`framing.krippendorff_alpha`),
written with ``--out`` as ``allsides_gold_agreement.csv``. Labels compare as the scorer compares
a gold label with the engine's: ``a|b`` agrees with either option, ``A & B`` is order-free,
``@outlet`` is the article's outlet, ``*`` is not compared; names are matched case-insensitively
after a whole-name lookup in the engine's alias table (:func:`framing.attribution.default_alias_frame`;
the engine's own resolution of titles and descriptions in running text is not public, so
"President Trump" and "Trump" agree only because the table lists the former as an alias).

Run: python benchmarks/allsides_voices.py [--out data]
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import pandas as pd

from framing import BrokenRecordWarning, krippendorff_alpha, voices_frame
from framing.attribution import default_alias_frame
from framing.datasets import load_allsides
from framing.errors import FramingError
from framing.validation.attribution import score_phrase_gold

from _record import record

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "allsides_voices_gold.csv"
SECOND = GOLD.with_name("allsides_voices_gold_second.csv")
SPLITS = ("dev", "dev2", "dev3", "dev4", "heldout")   # the gold splits, in the order of the table
KEYS = ["split", "doc_id", "phrase", "occurrence"]   # what locates a gold row
REPORTED = {"direct", "indirect"}


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    """The phrase gold table (strings; empty cells stay empty)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def gold_table(segments: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """One row per gold split: articles, rows and the four accuracies (NaN rows not checked)."""
    scored = score_phrase_gold(segments, gold, documents)
    rows = []
    order = {split: i for i, split in enumerate(SPLITS)}   # (a split not listed comes last)
    for split, part in sorted(scored.groupby("split", sort=False), key=lambda item: order.get(item[0], len(order))):
        row = {"split": split, "articles": part["doc_id"].nunique(), "rows": len(part)}
        for measure in ("kind", "speaker", "source", "cue"):
            checked = part[measure + "_ok"].dropna().astype(bool)
            row[f"{measure}_n"] = len(checked)
            row[f"{measure}_accuracy"] = round(float(checked.mean()), 3) if len(checked) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def align_annotations(gold: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """The second annotation's rows beside the gold rows they relabel (``<column>_first`` and
    ``<column>_second`` for kind, speaker, source, cue), in the second table's order."""
    columns = ["kind", "speaker", "source", "cue"]
    first = gold[KEYS + columns].drop_duplicates(KEYS)
    merged = second[KEYS + columns].merge(first, on=KEYS, how="left", suffixes=("_second", "_first"),
                                          indicator=True)
    missing = merged[merged["_merge"] != "both"]
    if len(missing):
        raise FramingError(f"{len(missing)} second-annotation rows locate no gold row (split, doc_id, phrase, "
                           f"occurrence), e.g. {missing[KEYS].iloc[0].tolist()}")
    return merged.drop(columns="_merge")


def _canonical_names(aliases: pd.DataFrame) -> dict:
    """casefolded alias -> casefolded canonical name (the alias table, whole names only)."""
    table = dict(zip(aliases["alias"].str.casefold(), aliases["canonical"].str.casefold()))
    table.update({c: c for c in aliases["canonical"].str.casefold()})
    return table


def _options(label: str, outlet: str, canonical: dict) -> list[frozenset]:
    """A label's readings: each ``a|b`` option as its set of canonical member names."""
    readings = []
    for option in str(label).split("|"):
        option = outlet if option.strip() == "@outlet" else option
        members = (part.strip().casefold() for part in option.split(" & "))
        readings.append(frozenset(canonical.get(m, m) for m in members if m))
    return readings


def _paired_codes(first: str, second: str, outlet: str, canonical: dict):
    """The two labels as one code each (None, None when either is ``*``): the shared reading
    when the options meet, else each label's first option."""
    if "*" in (str(first).strip(), str(second).strip()):
        return None, None
    a, b = _options(first, outlet, canonical), _options(second, outlet, canonical)
    shared = [option for option in a if option in b]
    if shared:
        code = " & ".join(sorted(shared[0]))
        return code, code
    return " & ".join(sorted(a[0])), " & ".join(sorted(b[0]))


def annotation_agreement(aligned: pd.DataFrame, outlets: dict | None = None,
                         aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Agreement of two annotations per split (and ``all``) and column: rows compared, observed
    agreement and Krippendorff's nominal alpha. ``speaker_reported`` is the speaker on the rows
    that both annotators call reported speech (direct or indirect), where a speaker is named.

    ``aligned`` is :func:`align_annotations`' output; ``outlets`` maps doc_id to the outlet
    that ``@outlet`` stands for; ``aliases`` defaults to the engine's alias table."""
    canonical = _canonical_names(default_alias_frame() if aliases is None else aliases)
    outlets = outlets or {}
    long = []
    for row in aligned.fillna("").astype(str).to_dict("records"):
        outlet = outlets.get(row["doc_id"], "@outlet")
        unit = "\x1f".join(row[k] for k in KEYS)
        reported = set((row["kind_first"] + "|" + row["kind_second"]).split("|")) <= REPORTED
        for column in ("kind", "speaker", "source"):
            codes = _paired_codes(row[column + "_first"], row[column + "_second"], outlet, canonical)
            if codes[0] is None:
                continue
            names = [column] + (["speaker_reported"] if column == "speaker" and reported else [])
            for name in names:
                for coder, code in zip(("first", "second"), codes):
                    long.append({"split": row["split"], "variable": name, "unit_id": unit, "coder": coder,
                                 "value": code})
    long = pd.DataFrame(long, columns=["split", "variable", "unit_id", "coder", "value"])
    rows = []
    order = {split: i for i, split in enumerate(SPLITS)}
    parts = [("all", long)] + sorted(long.groupby("split", sort=False), key=lambda kv: order.get(kv[0], len(order)))
    for split, part in parts:
        for variable in ("kind", "speaker", "source", "speaker_reported"):
            codes = part[part["variable"] == variable]
            if codes.empty:
                continue
            wide = codes.pivot(index="unit_id", columns="coder", values="value")
            alpha = krippendorff_alpha(codes, n_boot=0).loc[0, "alpha"]
            rows.append({"split": split, "column": variable, "rows": len(wide),
                         "observed_agreement": round(float((wide["first"] == wide["second"]).mean()), 3),
                         "alpha": round(float(alpha), 3)})
    return pd.DataFrame(rows, columns=["split", "column", "rows", "observed_agreement", "alpha"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write allsides_voices_gold.csv into")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)  # the 60 undated articles, counted by the reader
        documents = load_allsides()
    voices_frame(documents.head(5))  # warm the caches (alias table, word lists)
    start = time.process_time()
    segments = voices_frame(documents)
    seconds = time.process_time() - start
    gold = read_gold()
    table = gold_table(segments[segments["doc_id"].isin(gold["doc_id"])], documents, gold)
    table["corpus_articles"] = len(documents)
    table["corpus_articles_per_s"] = round(len(documents) / seconds, 1)
    pd.set_option("display.width", 200)
    print(table.to_string(index=False))
    print(f"\nall {len(documents)} articles: {documents['text'].str.len().sum() / 1e6:.1f} M chars, "
          f"{len(segments)} segments, {seconds:.1f} s CPU, {len(documents) / seconds:.0f} articles/s")
    print(segments["kind"].value_counts().to_string())
    agreement = annotation_agreement(align_annotations(gold, read_gold(SECOND)),
                                     dict(zip(documents["doc_id"], documents["source"])))
    print("\nagreement of the gold with a blind second annotation (" + SECOND.name + "):")
    print(agreement.to_string(index=False))
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        table.to_csv(args.out / "allsides_voices_gold.csv", index=False)
        agreement.to_csv(args.out / "allsides_gold_agreement.csv", index=False)
        record(args.out / "benchmarks", "allsides_voices", [{   # speed beside the other benchmark tables
            "articles": len(documents), "characters": int(documents["text"].str.len().sum()),
            "segments": len(segments), "cpu_seconds": round(seconds, 2),
            "articles_per_s": round(len(documents) / seconds, 1)}])


if __name__ == "__main__":
    main()
