"""The validation sample of the kit's own sources: build the coding sheets, then report on the codes.

``build`` draws the sample and writes the blank coding sheets; ``report`` reads the coded
sheets (or the shipped ``data/coded_sample.csv``), writes the codes without text to
``data/coded_sample.csv``, inter-coder reliability to ``data/coding_reliability.csv``, each
measure's validity per source on the reporting half to ``data/coding_validity.csv`` and the units
where measures and coders disagree most to ``data/coding_disagreements.csv``.

About 300 units, 100 per source, stratified by kind and period within each source:

* KCNA: paragraphs (60-1,200 characters) of English KCNA articles (2017-01 .. 2018-04) that
  mention the US, Trump, talks, dialogue or a summit;
* Trump: his own tweets (no retweets) about North Korea (``north_korea_filter``), 2017-2019;
* Reuters: narration segments (``framing.voices``, source Reuters, at least 40 characters) of
  the Reuters articles in allsides_nk (``load_allsides``), 2018-2019.

Periods: ``2017``, ``2018 to Singapore`` (to 2018-06-12), ``Singapore to Hanoi`` (to
2019-02-28), ``after Hanoi``.

Writes ``coder_a.csv/.xlsx`` and ``coder_b.csv/.xlsx`` (WITH texts: never commit them) to
``--out`` and ``data/coding_sample.csv`` (ids, strata, document offsets and the tuning /
reporting half; no text) to the repository. Run:

    FRAMING_CORPORA=/work/shared/corpora python scripts/coding_sample.py build --out /work/coord/coding
    FRAMING_CORPORA=/work/shared/corpora python scripts/coding_sample.py report \
        --coded a=/work/coord/coding/coded_a.csv b=/work/coord/coding/coded_b.csv
"""

from __future__ import annotations

import argparse
import re
import warnings
from pathlib import Path

import pandas as pd

import framing
from framing.datasets import load_kcna, load_trump_tweets, north_korea_filter
from framing.validation import (coding_sheet, coding_variables, disagreements, krippendorff_alpha, measure_validity,
                                read_coding_sheets, split_halves, write_coding_sheets)

SEED = 20181
PER_SOURCE = 100
_KCNA_TOPIC = re.compile(r"\bU\.?S\.?\b|United States|\bAmerica|\bTrump|\bsummit|\btalks\b|\bdialogue|negotiat",
                         re.IGNORECASE)
_PERIODS = [("2017-12-31", "2017"), ("2018-06-12", "2018 to Singapore"), ("2019-02-28", "Singapore to Hanoi")]
_CONTEXT_CHARS = 300
REPO = Path(__file__).resolve().parents[1]


def period(date) -> str:
    if pd.isna(date):
        return "undated"
    day = pd.Timestamp(date).strftime("%Y-%m-%d")
    for last, name in _PERIODS:
        if day <= last:
            return name
    return "after Hanoi"


def _clip(text: str, *, tail: bool = False) -> str:
    text = " ".join(str(text).split())
    if len(text) <= _CONTEXT_CHARS:
        return text
    return "..." + text[-_CONTEXT_CHARS:] if tail else text[:_CONTEXT_CHARS] + "..."


def kcna_units() -> pd.DataFrame:
    rows = []
    for doc in load_kcna(lang="en").itertuples(index=False):
        paragraphs = framing.paragraph_spans(doc.text)
        for i, (start, end) in enumerate(paragraphs):
            body = doc.text[start:end]
            if not (60 <= len(body) <= 1200) or not _KCNA_TOPIC.search(body):
                continue
            before = doc.text[slice(*paragraphs[i - 1])] if i else ""
            rows.append({"unit_id": f"{doc.doc_id}#p{i}", "doc_id": doc.doc_id, "start": start, "end": end,
                         "source": "KCNA", "kind": "paragraph", "date": doc.date, "text": body,
                         "context": f"HEADLINE: {_clip(doc.title)}\nBEFORE: {_clip(before, tail=True)}"})
    return pd.DataFrame(rows)


def trump_units() -> pd.DataFrame:
    tweets = load_trump_tweets(include_retweets=False)
    tweets = tweets[north_korea_filter(tweets)]
    return pd.DataFrame({
        "unit_id": tweets["doc_id"], "doc_id": tweets["doc_id"], "start": 0, "end": tweets["text"].str.len(),
        "source": "Trump", "kind": "tweet", "date": tweets["date"], "text": tweets["text"],
        "context": "Tweet by @realDonaldTrump, " + tweets["date"].dt.strftime("%Y-%m-%d %H:%M UTC"),
    }).reset_index(drop=True)


def _allsides_reuters() -> pd.DataFrame:
    """The Reuters articles of allsides_nk; the sample names them ``allsides:<ID>``."""
    docs = framing.datasets.load_allsides()
    # sorted by id: the order that drew the sample
    docs = docs[docs["outlet"].eq("Reuters")].sort_values("doc_id", kind="stable")
    return docs.assign(doc_id="allsides:" + docs["doc_id"].astype(str)).reset_index(drop=True)


def reuters_units() -> pd.DataFrame:
    docs = _allsides_reuters()
    segments = framing.voices_frame(docs)
    dates = docs.set_index("doc_id")["date"]
    titles = docs.set_index("doc_id")["title"]
    rows = []
    for doc_id, group in segments.groupby("doc_id", sort=False):
        texts = group["text"].tolist()
        for j, seg in enumerate(group.itertuples(index=False)):
            if seg.kind != "narration" or seg.source != "Reuters" or len(seg.text.strip()) < 40:
                continue
            before = texts[j - 1] if j else ""
            after = texts[j + 1] if j + 1 < len(texts) else ""
            rows.append({"unit_id": f"{doc_id}#s{seg.seg_id}", "doc_id": doc_id, "start": seg.start,
                         "end": seg.end, "source": "Reuters", "kind": "narration", "date": dates[doc_id],
                         "text": seg.text, "context": f"HEADLINE: {_clip(titles[doc_id])}\n"
                         f"BEFORE: {_clip(before, tail=True)}\nAFTER: {_clip(after)}"})
    return pd.DataFrame(rows)


def all_units() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        units = pd.concat([kcna_units(), trump_units(), reuters_units()], ignore_index=True)
    units["period"] = units["date"].map(period)
    return units


def sample_units(sample: pd.DataFrame) -> pd.DataFrame:
    """The sampled units' texts, cut from the readers' documents at the recorded offsets.

    The offsets in ``data/coding_sample.csv`` are the record of what the coders read: rebuilding the
    units with ``all_units()`` would depend on today's voices engine, whose segment ids move.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        docs = pd.concat([load_kcna(lang="en")[["doc_id", "text"]],
                          load_trump_tweets(include_retweets=False)[["doc_id", "text"]],
                          _allsides_reuters()[["doc_id", "text"]]], ignore_index=True)
    texts = docs.drop_duplicates("doc_id").set_index("doc_id")["text"]
    missing = sorted(set(sample["doc_id"]) - set(texts.index))
    if missing:
        raise SystemExit(f"{len(missing)} sampled documents are not in the corpora (e.g. {missing[0]}); "
                         "check FRAMING_CORPORA")
    cut = [texts[d][int(a):int(b)] for d, a, b in zip(sample["doc_id"], sample["start"], sample["end"])]
    return sample[["unit_id", "source", "kind", "period", "doc_id", "start", "end"]].assign(text=cut)


def build(out: str) -> None:
    units = all_units()
    print(units.groupby(["source", "period"]).size().to_string())
    sheet = coding_sheet(units, n={s: PER_SOURCE for s in ("KCNA", "Trump", "Reuters")}, random_state=SEED)
    sheet["half"] = split_halves(sheet, random_state=SEED)
    blank = sheet.drop(columns=["half"])
    for path in write_coding_sheets(blank, out):
        print("wrote", path)
    meta = units.set_index("unit_id").loc[sheet["unit_id"], ["doc_id", "start", "end", "date"]].reset_index()
    record = sheet[["unit_id", "source", "kind", "period", "half"]].merge(meta, on="unit_id")
    record["date"] = pd.to_datetime(record["date"], utc=True).dt.strftime("%Y-%m-%d")
    record.insert(0, "row", range(2, len(record) + 2))  # the row in the coder sheets (header = 1)
    path = REPO / "data" / "coding_sample.csv"
    record.to_csv(path, index=False)
    print("wrote", path, len(record), "units;", record.groupby(["source", "half"]).size().to_dict())


def _reliability(codes: pd.DataFrame, sample: pd.DataFrame) -> pd.DataFrame:
    levels = dict(zip(coding_variables()["variable"], coding_variables()["level"]))
    source = sample.set_index("unit_id")["source"]
    # "is the actor there at all": na (not mentioned) vs any value, as its own nominal variable
    mentioned = codes[codes["variable"].str.startswith("sentiment_")].assign(
        variable=lambda d: d["variable"] + "_mentioned", value=lambda d: (d["code"] != "na").astype(float))
    table = pd.concat([codes, mentioned], ignore_index=True)
    levels.update({v: "nominal" for v in mentioned["variable"].unique()})
    parts = []
    for group in ["all", *sorted(source.unique())]:
        part = table if group == "all" else table[table["unit_id"].map(source) == group]
        alpha = krippendorff_alpha(part, level=levels, per_category=group == "all", random_state=SEED)
        parts.append(alpha.assign(group=group))
    result = pd.concat(parts, ignore_index=True)
    return result[["variable", "category", "group", *[c for c in result.columns if c not in
                                                        ("variable", "category", "group")]]]


def report(coded: dict[str, str] | None) -> None:
    sample = pd.read_csv(REPO / "data" / "coding_sample.csv", dtype={"unit_id": str, "doc_id": str})
    shipped = REPO / "data" / "coded_sample.csv"
    if coded:
        codes = read_coding_sheets(coded)
        sheets = {c: pd.read_csv(p, dtype=str, keep_default_na=False) for c, p in coded.items()}
        codes[["unit_id", "coder", "variable", "code"]].to_csv(shipped, index=False)
        print("wrote", shipped)
    else:
        sheets = {}
        codes = pd.read_csv(shipped, dtype=str, keep_default_na=False)
        codes["value"] = pd.to_numeric(codes["code"].where(~codes["code"].isin(["", "na"])), errors="coerce")
    reliability = _reliability(codes, sample)
    reliability.round(4).to_csv(REPO / "data" / "coding_reliability.csv", index=False)
    print(reliability[(reliability.category == "") & (reliability.group == "all")].round(3).to_string(index=False))

    units = sample_units(sample)
    for coder, sheet in sheets.items():  # the rebuilt texts are the texts the coders read
        mismatch = (sheet.set_index("unit_id").loc[units["unit_id"], "text"].to_numpy() != units["text"].to_numpy())
        if mismatch.any():
            raise SystemExit(f"{mismatch.sum()} rebuilt texts differ from coder {coder}'s sheet")
    measures = ["textblob", "vader", "cues", "news"]
    try:
        import sentence_transformers  # noqa: F401

        measures.append("news_embedding")
    except ImportError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scored = framing.score(units[["unit_id", "source", "text"]], measures=measures)
    scored = scored.merge(sample[["unit_id", "half"]], on="unit_id")
    reporting = scored[scored["half"] == "reporting"]
    validity = measure_validity(reporting, codes, random_state=SEED)
    validity.round(4).to_csv(REPO / "data" / "coding_validity.csv", index=False)
    print(validity[validity.group == "all"].round(3).to_string(index=False))
    worst = []
    for variable, measure in validity[["variable", "measure"]].drop_duplicates().itertuples(index=False):
        rows = disagreements(reporting, codes, variable=variable, measure=measure, n=3)
        for row in rows.itertuples(index=False):
            receipt = framing.explain(row.text, measures=[_measure_of(measure)])
            receipt = receipt[receipt["field"] == measure.split("_", 1)[1]] if measure.startswith("cue_") else receipt
            receipt = receipt[receipt["token"].astype(str).str.fullmatch(r"[\w'’-]{1,25}")]  # single words only
            top = receipt.reindex(receipt["weight"].abs().sort_values(ascending=False).index)["token"].head(3)
            worst.append({"variable": variable, "measure": measure, "unit_id": row.unit_id, "source": row.source,
                          "gold": row.gold, "score": getattr(row, measure), "gap": round(row.gap, 3),
                          "receipt_top_tokens": " | ".join(map(str, top))})
    pd.DataFrame(worst).round(4).to_csv(REPO / "data" / "coding_disagreements.csv", index=False)
    print("wrote data/coding_reliability.csv, data/coding_validity.csv, data/coding_disagreements.csv")


def _measure_of(column: str) -> str:
    for name in ("news_embedding", "news", "textblob", "vader"):
        if column.startswith(name):
            return name
    return "cues"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build").add_argument("--out", required=True, help="folder for the coder sheets (outside the repo)")
    rep = sub.add_parser("report")
    rep.add_argument("--coded", nargs="*", default=[], help="coder=path of each coded sheet (default: the shipped codes)")
    args = parser.parse_args()
    if args.command == "build":
        build(args.out)
    else:
        report(dict(item.split("=", 1) for item in args.coded) or None)


if __name__ == "__main__":
    main()
