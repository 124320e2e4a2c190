"""framing.datasets.polnear: documents, gold relations with discontinuous spans, broken files."""

from __future__ import annotations

import re
import shutil
import warnings

import pytest

from framing.datasets import load_polnear, load_polnear_attributions
from framing.datasets.polnear import parse_brat_spans
from framing.errors import BrokenRecordWarning, FramingError


def test_parse_brat_spans():
    assert parse_brat_spans("0 5;10 20") == ((0, 5), (10, 20))
    assert parse_brat_spans("7 9") == ((7, 9),)


def test_dev_documents_and_metadata(corpora):
    docs = load_polnear(split="dev")
    assert len(docs) == 84 and docs.doc_id.is_unique
    assert set(docs.outlet) == {"Breitbart", "HuffPost", "The New York Times", "Politico", "USA Today",
                                "The Washington Post", "Western Journalism"}
    assert (docs.source == docs.outlet).all() and docs.date.notna().all()
    assert docs.date.min().year == 2016
    multi = docs[docs.annotators.str.contains("|", regex=False)]
    assert len(multi) == 2  # two dev articles have six annotators each
    assert multi.annotators.str.split("|").map(len).tolist() == [6, 6]


def test_train_relations_counts_and_offsets(corpora):
    gold = load_polnear_attributions(split="train")
    docs = load_polnear(split="train")
    assert len(docs) == 840 and len(gold) == 22501  # SOURCE.md: 22,501 train relations
    assert gold.relation.value_counts()["Attribution-no-source"] == 1654
    texts = dict(zip(docs.doc_id, docs.text))
    first = gold.iloc[0]
    assert texts[first.doc_id][first.source_start:first.source_end] == first.source_text == "we"
    discontinuous = gold[gold.content_spans.map(len) > 1]
    assert len(discontinuous) > 100
    row = discontinuous.iloc[0]
    assert row.content_text == " ".join(texts[row.doc_id][a:b] for a, b in row.content_spans)
    assert row.content_start == row.content_spans[0][0] and row.content_end == row.content_spans[-1][1]
    no_source = gold[gold.relation == "Attribution-no-source"]
    assert (no_source.source_start == -1).mean() > 0.99


def test_bad_split_and_missing_test_split(corpora):
    with pytest.raises(FramingError, match="split must be one of"):
        load_polnear(split="validation")
    with pytest.raises(FileNotFoundError, match="held back"):
        load_polnear(split="test")


def _dev_copy(corpora, tmp_path):
    src = corpora / "polnear"
    root = tmp_path / "polnear"
    (root / "dev").mkdir(parents=True)
    shutil.copy(src / "metadata.tsv", root / "metadata.tsv")
    shutil.copytree(src / "dev" / "text", root / "dev" / "text")
    shutil.copytree(src / "dev" / "attributions", root / "dev" / "attributions")
    return root


def test_broken_annotation_file_warns_and_keeps_the_rest(corpora, tmp_path):
    root = _dev_copy(corpora, tmp_path)
    victim = sorted((root / "dev" / "attributions").glob("*.ann"))[0]
    lines = victim.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].split("\t")[0] + "\tSource 10 999999999\tbroken"
    victim.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(BrokenRecordWarning) as caught:
        gold = load_polnear_attributions(root, split="dev")
    messages = [str(w.message) for w in caught]
    # the broken span is named, and so is the event that pointed at it
    assert any("outside the text" in m for m in messages)
    assert any("refers to missing span T1" in m for m in messages)
    assert len(gold) == 2320  # every relation kept; the broken span's role is left empty


def test_latin1_byte_and_empty_text_cost_only_themselves(corpora, tmp_path):
    # issue 12: one attribution file with a latin-1 byte refused the whole split (2,320 relations)
    root = _dev_copy(corpora, tmp_path)
    victim = sorted((root / "dev" / "attributions").glob("*.ann"))[1]
    lines = victim.read_bytes().split(b"\n")
    lines.append(b"#99\tAnnotatorNotes T1\tcaf\xe9")  # a note with a latin-1 byte
    victim.write_bytes(b"\n".join(lines))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gold = load_polnear_attributions(root, split="dev")
    assert len(gold) == 2320
    broken = [w.message for w in caught if issubclass(w.category, BrokenRecordWarning)]
    assert [(m.path, m.records) for m in broken] == [(str(victim), (len(lines),))]
    # an empty article text: that article is skipped and named, the other 83 load
    empty = sorted((root / "dev" / "text").glob("*.txt"))[0]
    empty.write_bytes(b"")
    with pytest.warns(BrokenRecordWarning, match=rf"skipped 1 broken file \(file {re.escape(empty.name)}"):
        docs = load_polnear(root, split="dev")
    assert len(docs) == 83 and empty.stem not in set(docs.doc_id)
