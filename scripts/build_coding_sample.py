"""Build the validation sample of the kit's own sources and write the blank coding sheets.

About 300 units, 100 per source, stratified by kind and period within each source:

* KCNA: paragraphs (60-1,200 characters) of English KCNA articles (2017-01 .. 2018-04) that
  mention the US, Trump, talks, dialogue or a summit;
* Trump: his own tweets (no retweets) about North Korea (``north_korea_filter``), 2017-2019;
* Reuters: narration segments (``framing.voices``, source Reuters, at least 40 characters) of
  the Reuters articles in allsides_nk, 2018-2019.

Periods: ``2017``, ``2018 to Singapore`` (to 2018-06-12), ``Singapore to Hanoi`` (to
2019-02-28), ``after Hanoi``.

Writes ``coder_a.csv/.xlsx`` and ``coder_b.csv/.xlsx`` (WITH texts: never commit them) to
``--out`` and ``data/coding_sample.csv`` (ids, strata, document offsets and the tuning /
reporting half; no text) to the repository. Run:

    FRAMING_CORPORA=/work/shared/corpora python scripts/build_coding_sample.py --out /work/coord/coding
"""

from __future__ import annotations

import argparse
import re
import warnings
from pathlib import Path

import pandas as pd

import framing
from framing.datasets import load_kcna, load_trump_tweets, north_korea_filter
from framing.validation import coding_sheet, split_halves, write_coding_sheets

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
    loader = getattr(framing.datasets, "load_allsides", None)
    if loader is not None:
        docs = loader()
        return docs[docs["outlet"].eq("Reuters") | docs["source"].eq("Reuters")]
    import json  # until the allsides reader is merged: read the corpus JSON directly

    records = []
    for file in sorted((framing.corpora_dir() / "allsides_nk" / "jsons").glob("*.json")):
        item = json.loads(file.read_text(encoding="utf-8"))
        if item["source"] == "Reuters":
            records.append({"doc_id": f"allsides:{item['ID']}", "source": "Reuters", "outlet": "Reuters",
                            "date": pd.to_datetime(item["date"] or None), "title": item["title"],
                            "text": item["content_original"]})
    return framing.make_documents(records)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for the coder sheets (outside the repository)")
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        units = pd.concat([kcna_units(), trump_units(), reuters_units()], ignore_index=True)
    units["period"] = units["date"].map(period)
    print(units.groupby(["source", "period"]).size().to_string())
    sheet = coding_sheet(units, n={s: PER_SOURCE for s in ("KCNA", "Trump", "Reuters")}, random_state=SEED)
    sheet["half"] = split_halves(sheet, random_state=SEED)
    blank = sheet.drop(columns=["half"])
    for path in write_coding_sheets(blank, args.out):
        print("wrote", path)
    meta = units.set_index("unit_id").loc[sheet["unit_id"], ["doc_id", "start", "end", "date"]].reset_index()
    record = sheet[["unit_id", "source", "kind", "period", "half"]].merge(meta, on="unit_id")
    record["date"] = pd.to_datetime(record["date"], utc=True).dt.strftime("%Y-%m-%d")
    record.insert(0, "row", range(2, len(record) + 2))  # the row in the coder sheets (header = 1)
    out = REPO / "data" / "coding_sample.csv"
    record.to_csv(out, index=False)
    print("wrote", out, len(record), "units;", record.groupby(["source", "half"]).size().to_dict())


if __name__ == "__main__":
    main()
