"""framing.io: article files (text/HTML) and tables (CSV/JSONL/Parquet), incl. malformed input."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from framing import BrokenRecordWarning, ColumnError, CorpusFormatError, read_articles, read_table

HTML = """<!doctype html><html><head><title>Talks &amp; Tests</title>
<style>p { color: red }</style><script>var s = "<p>hidden</p>";</script>
<meta property="article:published_time" content="2019-01-20T10:30:00Z"></head>
<body><nav>Home</nav><h1>Envoys meet</h1>
<p>The envoys met on Sunday &ldquo;in good faith,&rdquo;
   an official said.</p><div>Second<br>line</div><ul><li>Item &lt;one&gt;</li></ul>
<noscript>Enable JS</noscript></body></html>"""


# ---------------------------------------------------------------------------- read_articles


def test_read_text_article(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Summit set for June\r\n\r\nThe leaders will meet.\r\nMore soon.\r\n")
    docs = read_articles(tmp_path, source="Wire", outlet="Daily")
    row = docs.iloc[0]
    assert (row.doc_id, row.source, row.outlet, row.title) == ("a.txt", "Wire", "Daily", "Summit set for June")
    assert row.text == "Summit set for June\n\nThe leaders will meet.\nMore soon."
    assert pd.isna(row.date) and row.path.endswith("a.txt")


def test_read_html_article(tmp_path):
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    row = read_articles(tmp_path / "b.html").iloc[0]
    assert row.title == "Talks & Tests"
    assert row.date == pd.Timestamp("2019-01-20T10:30:00Z")
    paragraphs = row.text.split("\n\n")
    assert paragraphs == ["Home", "Envoys meet", "The envoys met on Sunday \u201cin good faith,\u201d an official said.",
                          "Second", "line", "Item <one>"]
    assert "hidden" not in row.text and "color" not in row.text and "Enable JS" not in row.text


def test_html_title_falls_back_to_h1(tmp_path):
    (tmp_path / "c.htm").write_text("<body><h1>Only &amp; heading</h1><p>Body.</p></body>", encoding="utf-8")
    row = read_articles(tmp_path).iloc[0]
    assert (row.title, row.text, pd.isna(row.date)) == ("Only & heading", "Only & heading\n\nBody.", True)


def test_folder_is_recursive_and_pattern_filters(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "2019-a.txt").write_text("A\nx", encoding="utf-8")
    (tmp_path / "2018-b.txt").write_text("B\ny", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    assert read_articles(tmp_path).doc_id.tolist() == ["2018-b.txt", "sub/2019-a.txt"]
    assert read_articles(tmp_path, pattern="2019-*").doc_id.tolist() == ["sub/2019-a.txt"]
    files = [tmp_path / "2018-b.txt", tmp_path / "sub" / "2019-a.txt"]
    assert read_articles(files).title.tolist() == ["B", "A"]


def test_empty_article_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(CorpusFormatError, match="empty.txt is empty"):
        read_articles(tmp_path / "empty.txt")
    (tmp_path / "ok.txt").write_text("Fine\ntext", encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match="empty.txt: empty file"):
        docs = read_articles(tmp_path)
    assert docs.set_index("doc_id").text.to_dict() == {"empty.txt": "", "ok.txt": "Fine\ntext"}


def test_article_wrong_encoding_falls_back_to_cp1252(tmp_path):
    (tmp_path / "old.txt").write_bytes("Caf\u00e9 talks \u2013 \u201cdone\u201d".encode("cp1252"))
    with pytest.warns(BrokenRecordWarning, match=r"old\.txt is not valid UTF-8.*cp1252"):
        docs = read_articles(tmp_path)
    assert docs.text[0] == "Caf\u00e9 talks \u2013 \u201cdone\u201d"


def test_utf8_bom_is_dropped_without_warning(tmp_path):
    (tmp_path / "bom.txt").write_bytes("Title\nBody".encode("utf-8-sig"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = read_articles(tmp_path)
    assert docs.title[0] == "Title"


def test_read_articles_rejects_other_files(tmp_path):
    (tmp_path / "x.csv").write_text("text\nhi\n", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="read_table"):
        read_articles(tmp_path / "x.csv")
    with pytest.raises(FileNotFoundError):
        read_articles(tmp_path / "missing")


# ---------------------------------------------------------------------------- read_table


def test_csv_with_column_mapping_and_defaults(tmp_path):
    path = tmp_path / "stories.csv"
    path.write_text('id,body,published\n007,"Talks, then a summit",2018-06-12\n008,Second,2018-06-13\n', encoding="utf-8")
    docs = read_table(path, columns={"doc_id": "id", "text": "body", "date": "published"}, source="Reuters")
    assert docs.doc_id.tolist() == ["007", "008"]  # read as strings: leading zeros kept
    assert docs.text[0] == "Talks, then a summit"
    assert docs.date[1] == pd.Timestamp("2018-06-13", tz="UTC")
    assert set(docs.source) == {"Reuters"}


def test_csv_broken_row_warns_and_loads_rest(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('text,n\nfirst,1\n"multi\nline",2,extra\nlast,3\n', encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match=r"line 3: 3 fields, expected 2"):
        docs = read_table(path)
    assert docs.text.tolist() == ["first", "last"]
    assert docs.n.tolist() == ["1", "3"]


def test_jsonl_broken_line_warns_naming_it(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "one &amp; two"}\n{"text": "broken"\n\n{"text": "three"}\n', encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match=r"t\.jsonl: skipped 1 broken line \(line 2: invalid JSON"):
        docs = read_table(path)
    assert docs.text.tolist() == ["one &amp; two", "three"]  # generic tables are not HTML


def test_jsonl_record_without_text_is_kept_and_named(tmp_path):
    path = tmp_path / "t.ndjson"
    path.write_text('{"body": "a", "id": "x"}\n{"id": "y"}\n', encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match=r"line 2: no 'body' field"):
        docs = read_table(path, columns={"text": "body", "doc_id": "id"})
    assert docs.set_index("doc_id").text.to_dict() == {"x": "a", "y": ""}


def test_parquet_and_explicit_format(tmp_path):
    frame = pd.DataFrame({"content": ["a", "b"], "score": [1.5, 2.5]})
    frame.to_parquet(tmp_path / "t.parquet")
    docs = read_table(tmp_path / "t.parquet", columns={"text": "content"}, outlet="X")
    assert docs.text.tolist() == ["a", "b"] and docs.score.tolist() == [1.5, 2.5]
    (tmp_path / "t.data").write_text("text\nz\n", encoding="utf-8")
    assert read_table(tmp_path / "t.data", format="csv").text.tolist() == ["z"]
    with pytest.raises(CorpusFormatError, match="format="):
        read_table(tmp_path / "t.data")


@pytest.mark.parametrize("name", ["e.csv", "e.jsonl", "e.parquet"])
def test_empty_table_names_the_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(CorpusFormatError, match=name.replace(".", r"\.")):
        read_table(tmp_path / name)


def test_missing_columns_are_named_with_those_present(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(ColumnError, match=r"lacks column\(s\) \['content'\].*present: \['id', 'body'\]"):
        read_table(path, columns={"text": "content"})
    with pytest.raises(ColumnError, match=r"no 'text' column.*\['id', 'body'\]"):
        read_table(path)


def test_table_wrong_encoding_warns_and_loads(tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes("text\nna\u00efve caf\u00e9\n".encode("cp1252"))
    with pytest.warns(BrokenRecordWarning, match=r"w\.csv is not valid UTF-8"):
        docs = read_table(path)
    assert docs.text[0] == "na\u00efve caf\u00e9"
