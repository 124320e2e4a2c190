"""framing.io: article files (text/HTML) and tables (CSV/JSONL/Parquet), incl. malformed input."""

from __future__ import annotations

import json
import os
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


# ---------------------------------------------------------------------------- issue 12: nothing lost or garbled


def _warnings(call, *args, **kwargs):
    """Run a reader; return (result, list of BrokenRecordWarning instances)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call(*args, **kwargs)
    return result, [w.message for w in caught if issubclass(w.category, BrokenRecordWarning)]


def test_jsonl_line_separators_inside_strings_are_text(tmp_path):
    # json.dumps(ensure_ascii=False) writes U+2028/U+2029/U+0085 raw; they are not line ends
    texts = ["one\u2028two", "three\u2029four", "five\x85six", "seven"]
    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    lines.insert(3, '{"id": "broken"')  # line 4
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, caught = _warnings(read_table, path, columns={"doc_id": "id"})
    assert docs.text.tolist() == texts
    assert [w.records for w in caught] == [(4,)]  # the broken line, by its real number
    assert "line 4: invalid JSON" in str(caught[0])


def test_jsonl_lone_surrogate_is_replaced_and_named(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "ok \\ud83d\\ude00"}\n{"text": "half \\ud83d emoji"}\n', encoding="utf-8")
    docs, caught = _warnings(read_table, path)
    assert docs.text.tolist() == ["ok \U0001F600", "half \ufffd emoji"]
    assert [w.records for w in caught] == [(2,)] and "surrogate" in str(caught[0])
    docs.to_csv(tmp_path / "out.csv")  # encodable downstream


def test_html_unclosed_head_keeps_the_body(tmp_path):
    (tmp_path / "a.html").write_text("<html><head><title>Talks</title><meta charset=utf-8>"
                                     "<p>The envoys met.</p><p>Second.</p></html>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<head><title>Loose</title>Text straight after the head", encoding="utf-8")
    docs, caught = _warnings(read_articles, tmp_path)
    assert docs.text.tolist() == ["The envoys met.\n\nSecond.", "Text straight after the head"]
    assert docs.title.tolist() == ["Talks", "Loose"] and not caught



def test_html_escaped_markup_is_text_and_entities_decode(tmp_path):
    """'&lt;?' is the text '<?', not a tag the parser could not read (a hypothesis example);
    an ampersand before an unknown name stays as written ('AT&T')."""
    (tmp_path / "a.html").write_text("<p>&lt;? &lt;p&gt; AT&T Q&A &amp; &copy; &#x41;&#66;</p><!-- open",
                                     encoding="utf-8")
    docs, caught = _warnings(read_articles, tmp_path)
    assert docs.text.tolist() == ["<? <p> AT&T Q&A & © AB"]
    assert [str(w).count("never closed") for w in caught] == [1]

def test_html_without_text_is_named(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><title>Only a title</title></head><body> </body></html>",
                                         encoding="utf-8")
    (tmp_path / "ok.html").write_text("<p>Text</p>", encoding="utf-8")
    docs, caught = _warnings(read_articles, tmp_path)
    assert docs.text.tolist() == ["", "Text"]
    assert len(caught) == 1 and caught[0].records == (str(tmp_path / "blank.html"),)
    assert "no visible text" in str(caught[0])


@pytest.mark.parametrize("markup, text", [
    ("<p>Before</p><!-- unclosed comment <p>hidden</p>", "Before"),  # as a browser: comment to the end
    ('<p>Before</p><a href="x>link</a><p>After para</p>', "Before\n\nlink\n\nAfter para"),
    ('<p>Before</p><a href="x>link</a> <p>After "quoted" para</p>', "Before\n\nlink\n\nAfter"),
    ("<p>One</p><div class=x", "One"),
])
def test_html_broken_markup_never_leaks_and_is_named(tmp_path, markup, text):
    (tmp_path / "p.html").write_text(markup, encoding="utf-8")
    (tmp_path / "q.html").write_text("<p>Fine</p>", encoding="utf-8")
    docs, caught = _warnings(read_articles, tmp_path)
    assert docs.text[0] == text
    assert "<" not in docs.text[0] and '"' not in docs.text[0].replace("quoted", "")
    assert [w.records for w in caught] == [(str(tmp_path / "p.html"),)]


def test_csv_unclosed_quote_costs_one_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('id,text\n1,first\n2,"unclosed\n3,third\n4,fourth\n5,"fifth, quoted"\n', encoding="utf-8")
    docs, caught = _warnings(read_table, path, columns={"doc_id": "id"})
    assert docs.set_index("doc_id").text.to_dict() == {"1": "first", "3": "third", "4": "fourth", "5": "fifth, quoted"}
    assert [w.records for w in caught] == [(3,)]
    # at the end of the file: the rows after it are not merged into one text
    path.write_text('id,text\n1,first\n2,"unclosed\n3,third\n4,fourth\n', encoding="utf-8")
    docs, caught = _warnings(read_table, path, columns={"doc_id": "id"})
    assert docs.text.tolist() == ["first", "third", "fourth"] and [w.records for w in caught] == [(3,)]


def test_csv_multiline_fields_and_long_fields_load(tmp_path):
    long_text = "word " * 40_000  # 200,000 characters: over the csv module's default field limit
    frame = pd.DataFrame({"id": ["a", "b"], "text": ['Para one, "quoted".\n\nPara two.', long_text]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    docs, caught = _warnings(read_table, tmp_path / "t.csv", columns={"doc_id": "id"})
    assert docs.text.tolist() == frame.text.tolist() and not caught
    import csv
    assert csv.field_size_limit() == 131_072  # restored


def test_one_bad_byte_garbles_nothing_else(tmp_path):
    path = tmp_path / "t.csv"
    rows = ["id,text", "1,Kim\u2019s summit", "2,caf\u00e9 talks", "3,plain", "4,na\u00efve \u201cdeal\u201d"]
    data = "\n".join(rows).encode("utf-8") + b"\n5,\xe9t\xe9 latin-1\n"
    path.write_bytes(data)
    docs, caught = _warnings(read_table, path, columns={"doc_id": "id"})
    assert docs.text.tolist() == ["Kim\u2019s summit", "caf\u00e9 talks", "plain", "na\u00efve \u201cdeal\u201d",
                                  "\u00e9t\u00e9 latin-1"]
    assert [w.records for w in caught] == [(6,)] and "not valid UTF-8 on line 6" in str(caught[0])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_decode(tmp_path, encoding):
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "t.csv").write_bytes(bom + "id,text\n1,Kim\u2019s caf\u00e9\n".encode(encoding))
    (tmp_path / "t.jsonl").write_bytes(bom + '{"text": "Kim\u2019s caf\u00e9"}\n'.encode(encoding))
    (tmp_path / "t.txt").write_bytes(bom + "Kim\u2019s caf\u00e9".encode(encoding))
    for name in ("t.csv", "t.jsonl"):
        docs, caught = _warnings(read_table, tmp_path / name)
        assert docs.text.tolist() == ["Kim\u2019s caf\u00e9"] and not caught, name
    docs, caught = _warnings(read_articles, tmp_path / "t.txt")
    assert docs.text.tolist() == ["Kim\u2019s caf\u00e9"] and not caught


def test_wrong_typed_fields_are_skipped_and_named_by_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join([
        '{"id": "a", "text": "fine", "date": "2018-06-12"}',
        "",  # blank line: line numbers are not row numbers
        '{"id": "b", "text": ["a", "list"], "date": "2018-06-12"}',
        '{"id": null, "text": "no id"}',
        '{"id": "c", "text": "bad date", "date": "the 32nd"}',
        '{"id": 7, "text": 42, "date": null}',
    ]) + "\n", encoding="utf-8")
    docs, caught = _warnings(read_table, path, columns={"doc_id": "id"})
    assert docs[["doc_id", "text"]].values.tolist() == [["a", "fine"], ["7", "42"]]
    assert len(caught) == 1 and caught[0].records == (3, 4, 5)
    message = str(caught[0])
    assert "line 3: 'text' holds a list" in message and "line 4: no doc_id" in message
    assert "line 5: date 'the 32nd' is not a date" in message
    frame = pd.DataFrame({"text": ["x", "y"], "date": ["2019-01-01", "someday"]})
    frame.to_parquet(tmp_path / "t.parquet")
    docs, caught = _warnings(read_table, tmp_path / "t.parquet")
    assert docs.text.tolist() == ["x"] and caught[0].records == (2,) and "row 2" in str(caught[0])


def test_hidden_folders_and_files_are_skipped(tmp_path):
    for folder in (".ipynb_checkpoints", ".git", "sub/.cache"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "copy.txt").write_text("Not an article", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Article", encoding="utf-8")
    assert read_articles(tmp_path).doc_id.tolist() == ["sub/a.txt"]


def test_file_name_that_is_not_utf8_gets_a_printable_id(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # a lone surrogate in Python's view of the name
    try:
        (tmp_path / name).write_text("Talks", encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system does not take names that are not UTF-8")
    docs, caught = _warnings(read_articles, tmp_path)
    assert docs.doc_id.tolist() == ["caf\\xe9.txt"] and docs.text.tolist() == ["Talks"]
    assert caught[0].records == ("caf\\xe9.txt",)
    docs.to_csv(tmp_path / "out.csv")  # encodable downstream
