"""framing.datasets readers: the real shared corpora (counts checked against each SOURCE.md)
and malformed input for every reader (broken record, empty file, missing column, wrong
encoding), written into tmp_path.

Each real corpus is loaded once per session (fixtures below) to keep the file fast.
"""

from __future__ import annotations

import json
import shutil
import warnings

import pandas as pd
import pytest

from framing import DOCUMENT_COLUMNS, BrokenRecordWarning, ColumnError, CorpusFormatError
from framing.datasets import (
    GVFC_FRAMES,
    allsides_outlets,
    load_allsides,
    load_basil,
    load_basil_annotations,
    load_gvfc,
    load_headlines,
    load_kcna,
    load_trump_tweets,
    north_korea_filter,
    north_korea_keywords,
)
from framing.datasets.gvfc import date_from_url, outlet_from_url
from framing.datasets.headlines import detokenize

UTC = "UTC"


def _load(loader, *args, **kwargs):
    """Run a loader, returning (frame, list of warning messages)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = loader(*args, **kwargs)
    return frame, [str(w.message) for w in caught if issubclass(w.category, BrokenRecordWarning)]


def _check_documents(frame):
    assert list(frame.columns[:6]) == list(DOCUMENT_COLUMNS)
    assert frame.doc_id.is_unique and (frame.doc_id != "").all()
    assert str(frame.date.dt.tz) == UTC
    for column in ("doc_id", "source", "outlet", "title", "text"):
        assert frame[column].map(type).eq(str).all(), column


def _day(date, *articles):
    return {"date": date, "url": f"http://kcna.co.jp/item/{date}ee.html", "articles": list(articles)}


def _article(url, title, body):
    return {"title": title, "url": f"http://kcna.co.jp/item/{url}.html", "content": body}


# ============================================================================ Trump tweets


@pytest.fixture(scope="session")
def trump(corpora):
    return load_trump_tweets(corpora / "trump_tweets")


def test_trump_counts_match_source_md(trump):
    _check_documents(trump)
    # SOURCE.md: union of both mirrors deduplicated on id_str = 12,408 tweets, 2,898 retweets
    assert len(trump) == 12_408
    assert int(trump.is_retweet.sum()) == 2_898
    assert trump.date.min() >= pd.Timestamp("2017-01-01", tz=UTC)
    assert trump.date.max().date() == pd.Timestamp("2019-11-13").date()  # "No tweets after 2019-11-13"
    assert trump.date.is_monotonic_increasing
    assert set(trump.source) == {"Trump"} and set(trump.outlet) == {"Twitter"}
    assert str(trump.retweet_count.dtype) == "Int64" and trump.retweet_count.notna().all()
    assert trump.client.str.startswith("Twitter for").mean() > 0.9


def test_trump_text_is_decoded_and_retweets_flagged(trump):
    assert not trump.text.str.contains("&amp;|&gt;").any()
    assert trump.text.str.contains("&", regex=False).sum() >= 202  # 202 raw tweets carried "&amp;"
    assert (trump.is_retweet == trump.text.str.startswith("RT @")).all()  # the flag is missing on 55


def test_trump_without_retweets(corpora, trump):
    originals = load_trump_tweets(corpora / "trump_tweets", include_retweets=False)
    assert len(originals) == 12_408 - 2_898 and not originals.is_retweet.any()


def test_trump_one_mirror_and_explicit_files(corpora):
    files = sorted((corpora / "trump_tweets" / "flexlev").glob("*.json"))
    tweets = load_trump_tweets(files)
    # SOURCE.md: flexlev holds 2,605 + 3,510 + 6,238 records; its 2017 file also holds the first
    # days of 2018, which its 2018 file (starting 2018-01-09) does not repeat
    assert len(tweets) == 2_605 + 3_510 + 6_238
    assert tweets.date.max() == pd.Timestamp("2019-11-13 21:04:14", tz=UTC)


def test_north_korea_filter_counts(trump):
    on_topic = north_korea_filter(trump)
    # SOURCE.md: "about 220 clearly on-topic tweets (about 207 not retweets)" for its shorter
    # list; our list adds both-Koreas, Korean War, DMZ, #NorthKorea and a typo (see the .md)
    assert int(on_topic.sum()) == 230
    assert int((on_topic & ~trump.is_retweet).sum()) == 216
    assert on_topic.index.equals(trump.index) and on_topic.dtype == bool


def test_north_korea_filter_rules():
    docs = pd.DataFrame({"body": [
        "Met Chairman Kim in Singapore.", "Little Rocket Man again!", "Talks with the DPRK",
        "Kim Reynolds of Iowa", "Great trade deal with South Korea", "N. Korea missile", None,
        "#NorthKorea summit", "Pyongyangs", "denuclearization talks",
    ]})
    assert north_korea_filter(docs, text="body").tolist() == [
        True, True, True, False, False, True, False, True, False, True]
    table = north_korea_keywords()
    assert {"pattern", "example", "why"} <= set(table.columns) and len(table) >= 10
    with pytest.raises(ColumnError, match=r"\['text'\].*\['body'\]"):
        north_korea_filter(docs)


def test_trump_mirrors_are_merged(tmp_path):
    first = [{"id_str": "1", "text": "A &amp; B", "created_at": "Sun Dec 31 23:43:04 +0000 2017",
              "retweet_count": 5, "favorite_count": 10, "is_retweet": False, "source": "Twitter for iPhone"}]
    second = [{"id_str": "1", "text": "A &amp; B", "created_at": "Sun Dec 31 23:43:04 +0000 2017",
               "retweet_count": 7, "favorite_count": 9},
              {"id_str": "2", "text": "RT @x: hi", "created_at": "Mon Jan 01 00:00:01 +0000 2018"}]
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.json").write_text(json.dumps(first), encoding="utf-8")
    (tmp_path / "two.json").write_text(json.dumps(second), encoding="utf-8")
    tweets = load_trump_tweets(tmp_path).set_index("id_str")
    assert tweets.loc["1", "text"] == "A & B"
    assert (tweets.loc["1", "retweet_count"], tweets.loc["1", "favorite_count"]) == (7, 10)  # largest seen
    assert tweets.loc["2", "is_retweet"] and not tweets.loc["1", "is_retweet"]
    assert tweets.loc["1", "date"] == pd.Timestamp("2017-12-31 23:43:04", tz=UTC)


def test_trump_broken_records_and_missing_fields(tmp_path):
    good = {"id_str": "1", "text": "ok", "created_at": "Sun Dec 31 23:43:04 +0000 2017"}
    data = [good, "junk", {"id_str": "2", "created_at": good["created_at"]},
            {"id_str": "3", "text": "bad date", "created_at": "yesterday"}]
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    tweets, messages = _load(load_trump_tweets, tmp_path / "t.json")
    assert tweets.id_str.tolist() == ["1"]
    assert any("record 1: a JSON str" in m and "record 2: missing ['text']" in m for m in messages)
    assert any("tweet id 3: created_at 'yesterday'" in m for m in messages)


def test_trump_empty_invalid_and_cp1252_files(tmp_path):
    (tmp_path / "empty.json").write_bytes(b"")
    with pytest.raises(CorpusFormatError, match="empty.json is empty"):
        load_trump_tweets(tmp_path / "empty.json")
    (tmp_path / "bad.json").write_text('[{"id_str": "1",', encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=r"bad\.json is not valid JSON.*line 1"):
        load_trump_tweets(tmp_path / "bad.json")
    record = '[{"id_str": "1", "text": "Caf\u00e9", "created_at": "Sun Dec 31 23:43:04 +0000 2017"}]'
    (tmp_path / "old.json").write_bytes(record.encode("cp1252"))
    with pytest.warns(BrokenRecordWarning, match=r"old\.json is not valid UTF-8"):
        tweets = load_trump_tweets(tmp_path / "old.json")
    assert tweets.text.tolist() == ["Caf\u00e9"]


# ============================================================================ KCNA


@pytest.fixture(scope="session")
def kcna_and_warnings(corpora):
    return _load(load_kcna, corpora / "kcna")


@pytest.fixture(scope="session")
def kcna(kcna_and_warnings):
    return kcna_and_warnings[0]


def test_kcna_counts_match_source_md(kcna, kcna_and_warnings):
    _check_documents(kcna)
    # SOURCE.md: 480 daily files, 6 null entries, 36 articles twice (same URL); our count of
    # entries is 10,766, so 10,766 - 6 - 36 = 10,724 unique ("about 10,700")
    assert len(kcna) == 10_724
    assert int(kcna.duplicates.sum()) == 36
    nulls = [m for m in kcna_and_warnings[1] if "null entry" in m]
    assert sum(m.count("null entry") for m in nulls) == 6 and any("2017-02-06_juche.json" in m for m in nulls)
    assert kcna.date.min() == pd.Timestamp("2017-01-01", tz=UTC)
    assert kcna.date.max() == pd.Timestamp("2018-04-26", tz=UTC)
    assert set(kcna.source) == set(kcna.outlet) == {"KCNA"}
    assert kcna.url.is_unique


def test_kcna_language_from_text(kcna):
    # SOURCE.md: about 8,770 English and 1,950 Spanish; about 1,260 Spanish under ee.html URLs
    assert kcna.lang.value_counts().to_dict() == {"en": 8_771, "es": 1_953}
    assert int(((kcna.lang == "es") & kcna.url.str.endswith("ee.html")).sum()) == 1_264
    assert (kcna.loc[kcna.url.str.endswith("ss.html"), "lang"] == "es").all()
    english = kcna[kcna.lang == "en"]
    # SOURCE.md: "about 610 name Trump" (English)
    assert int(english.text.str.contains(r"\bTrump\b").sum()) == 604


def test_kcna_dateline_and_headline(kcna):
    assert int((kcna.dateline_place == "").sum()) == 1  # one commentary has no dateline
    assert kcna.dateline_place.value_counts().index[0] == "Pyongyang"
    assert {"KCNA", "ACNC", "KNS-KCNA"} <= set(kcna.dateline_agency)
    lag = (pd.to_datetime(kcna.file_date, utc=True) - kcna.date).dt.days
    assert lag.between(-2, 10).all() and (lag == 0).mean() > 0.99  # measured: 0 for 10,677; 10 once (a July 4 story filed July 14)
    # the repeated headline line is gone: the text starts at the dateline (or a subtitle)
    starts = kcna.apply(lambda r: r.text.startswith(r.dateline_place), axis=1)
    assert starts.mean() > 0.99
    assert not kcna.apply(lambda r: r.text.startswith(r.title), axis=1).any()
    assert not kcna.text.str.contains(r"\(KCNA\) \?", regex=True).any()
    assert int((kcna.title != kcna.index_title).sum()) == 134  # the scrape's index titles are off


def test_kcna_filter_by_language(corpora, kcna):
    spanish = load_kcna(sorted((corpora / "kcna" / "juche").glob("2017-01-0*.json")), lang="es")
    assert len(spanish) > 0 and set(spanish.lang) == {"es"}
    with pytest.raises(ValueError, match="lang"):
        load_kcna(corpora / "kcna", lang="fr")


def test_kcna_quirks_on_small_files(tmp_path, caplog):
    day1 = _day(
        "2018-01-01",
        _article("a1", "Leader Visits Farm", "Leader Visits Farm\r\n Pyongyang, December 31 (KCNA) -- The leader"
                 " visited a farm.\n\t\t\t\t\t \n\t\t\t\t\t He praised the workers."),
        None,
        _article("a2", "Wrong Title From Index", "Delegacion llega\r\nPyongyang, primero de enero (ACNC) ? La"
                 " delegacion de la Republica llego a la capital con sus miembros."),
        _article("a2", "Delegacion llega", "Delegacion llega\r\nPyongyang, primero de enero (ACNC) ? La"
                 " delegacion de la Republica llego a la capital con sus miembros."),
        _article("a3", "Commentary", "The article has no dateline and it is in English."),
    )
    (tmp_path / "2018-01-01_juche.json").write_text(json.dumps(day1), encoding="utf-8")
    (tmp_path / "2018-01-02_juche.json").write_text(json.dumps(_day("2018-01-02")), encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match=r"2018-01-01_juche\.json: skipped 1 broken article \(article 1: null entry"):
        with caplog.at_level("INFO", logger="framing.datasets.kcna"):
            docs = load_kcna(tmp_path)
    assert "1 day(s) without articles: 2018-01-02_juche.json" in caplog.text
    assert "dropped 1 repeated copies of 1 URLs" in caplog.text
    docs = docs.set_index("doc_id")
    farm = docs.loc["kcna:a1"]
    assert farm.title == "Leader Visits Farm" and farm.dateline_place == "Pyongyang"
    assert farm.date == pd.Timestamp("2017-12-31", tz=UTC)  # December dateline in a January file
    assert farm.text == "Pyongyang, December 31 (KCNA) -- The leader visited a farm.\n\nHe praised the workers."
    assert farm.lang == "en" and farm.duplicates == 0
    spanish = docs.loc["kcna:a2"]
    assert (spanish.lang, spanish.duplicates, spanish.title) == ("es", 1, "Delegacion llega")
    assert spanish.date == pd.Timestamp("2018-01-01", tz=UTC)
    assert spanish.text.startswith("Pyongyang, primero de enero (ACNC) -- La")
    assert docs.loc["kcna:a3", "date"] == pd.Timestamp("2018-01-01", tz=UTC)  # file date
    assert docs.loc["kcna:a3", "dateline_place"] == ""


def test_kcna_malformed_files(tmp_path):
    (tmp_path / "2018-01-01_juche.json").write_bytes(b"\n")
    with pytest.raises(CorpusFormatError, match="2018-01-01_juche.json is empty"):
        load_kcna(tmp_path / "2018-01-01_juche.json")
    (tmp_path / "list.json").write_text("[]", encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=r"list\.json is not a KCNA daily file"):
        load_kcna(tmp_path / "list.json")
    no_content = _day("2018-01-03", {"title": "T", "url": "http://x/b1.html"},
                      _article("b2", "T2", "T2\nPyongyang, January 3 (KCNA) -- Caf\u00e9 and the rest of it."))
    (tmp_path / "2018-01-03_juche.json").write_bytes(json.dumps(no_content, ensure_ascii=False).encode("cp1252"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_kcna(tmp_path / "2018-01-03_juche.json")
    messages = [str(w.message) for w in caught]
    assert any("is not valid UTF-8" in m for m in messages)
    assert any("article 0: no content" in m for m in messages)
    assert docs.doc_id.tolist() == ["kcna:b2"] and "Caf\u00e9" in docs.text[0]
    (tmp_path / "2018-01-04_juche.json").write_text(json.dumps(_day("2018-01-04", None)), encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match="null entry"), pytest.raises(CorpusFormatError, match="no readable KCNA"):
        load_kcna(tmp_path / "2018-01-04_juche.json")


# ============================================================================ headlines


@pytest.fixture(scope="session")
def headlines(corpora):
    return load_headlines(corpora / "news_headlines")


def test_headline_counts_match_source_md(headlines):
    _check_documents(headlines)
    # SOURCE.md table: rows per file and date ranges
    expected = {"Reuters": (32_770, "2018-03-20", "2020-07-18"),
                "Guardian": (17_760, "2017-12-17", "2020-07-18"),
                "CNBC": (2_800, "2017-12-22", "2020-07-17")}
    for outlet, (rows, first, last) in expected.items():
        part = headlines[headlines.outlet == outlet]
        assert len(part) == rows, outlet
        assert (part.date.min(), part.date.max()) == (pd.Timestamp(first, tz=UTC), pd.Timestamp(last, tz=UTC))
    assert (headlines.source == headlines.outlet).all() and (headlines.title == headlines.text).all()
    assert headlines.duplicate.sum() == 79 + 9  # repeated (date, headline) pairs: kept, flagged


def test_headline_spacing_is_undone(headlines):
    assert headlines.raw.str.contains(" : ").sum() > 10_000
    assert not headlines.text.str.contains(r" [:;,?!%]|\b[A-Z] \. [A-Z] \.|\d [.,] \d", regex=True).any()
    assert headlines.text.str.contains("U.S.", regex=False).sum() > 6_000
    # SOURCE.md: "about 26 headlines concern North Korea (22 Reuters, 4 Guardian)"
    on_topic = headlines[north_korea_filter(headlines)]
    assert on_topic.outlet.value_counts().to_dict() == {"Reuters": 21, "Guardian": 4}


def test_single_voice_corpora_are_flagged(trump, kcna, headlines):
    # tweets, KCNA dispatches and headlines count wholly for their source in voices_frame
    for frame in (trump, kcna, headlines):
        assert frame["single_voice"].dtype == bool and frame["single_voice"].all()


@pytest.mark.parametrize("raw, clean", [
    ("U . S . Republicans seek aid", "U.S. Republicans seek aid"),
    ("Korea : official", "Korea: official"),
    ("They do n't know , he says", "They don't know, he says"),
    ("U . S . 's trade gap narrows 3 . 6 %", "U.S.'s trade gap narrows 3.6%"),
    ("sending 25 , 000 notices ?", "sending 25,000 notices?"),
    ("economy 'not out of the woods , ' dangers lurk", "economy 'not out of the woods,' dangers lurk"),
    ("Motors (guess who wins ? )", "Motors (guess who wins?)"),
    ("( Reuters ) said \" thick fog \" is \"here\"", '(Reuters) said "thick fog" is "here"'),
    ("coming . . . this Wednesday", "coming... this Wednesday"),
    ("Wall St . opens ; U . S . -China talks", "Wall St. opens; U.S.-China talks"),
    ("Explainer - How deposits work", "Explainer - How deposits work"),
])
def test_detokenize(raw, clean):
    assert detokenize(raw) == clean


def test_headlines_outlet_filter(corpora):
    cnbc = load_headlines(corpora / "news_headlines", outlet="cnbc")
    assert set(cnbc.outlet) == {"CNBC"} and len(cnbc) == 2_800
    assert cnbc.doc_id.iloc[0] == "cnbc:2"  # line 1 is the header
    with pytest.raises(FileNotFoundError, match="known outlets"):
        load_headlines(corpora / "news_headlines", outlet="BBC")


def test_headlines_malformed(tmp_path):
    path = tmp_path / "reuters_headlines.csv"
    path.write_text('2020-07-18,"A , b"\n2020-07-18,x,y\nnot-a-date,c\n2020-07-17,\n2020-02-30,d\n2020-07-16,"U . S . e"\n',
                    encoding="utf-8")
    feed, messages = _load(load_headlines, path)
    assert feed.text.tolist() == ["A, b", "U.S. e"] and feed.doc_id.tolist() == ["reuters:1", "reuters:6"]
    joined = " ".join(messages)
    assert "line 2: 3 fields" in joined and "line 3: date 'not-a-date'" in joined
    assert "line 4: empty headline" in joined and "reuters:5: impossible date" in joined
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(CorpusFormatError, match="empty.csv is empty"):
        load_headlines(tmp_path / "empty.csv", outlet="Reuters")
    (tmp_path / "feed.csv").write_text("date\n2020-01-01\n", encoding="utf-8")  # headline column missing
    with pytest.raises(CorpusFormatError, match=r"no readable 'date,headline' record.*line 2: 1 fields"):
        load_headlines(tmp_path / "feed.csv", outlet="X")
    with pytest.raises(CorpusFormatError, match="pass outlet="):
        load_headlines(tmp_path / "feed.csv")
    (tmp_path / "guardian_headlines.csv").write_bytes("2020-01-01,Caf\u00e9 owners : survey\n".encode("cp1252"))
    with pytest.warns(BrokenRecordWarning, match="not valid UTF-8"):
        guardian = load_headlines(tmp_path / "guardian_headlines.csv")
    assert guardian.text.tolist() == ["Caf\u00e9 owners: survey"] and guardian.outlet[0] == "Guardian"


# ============================================================================ BASIL


@pytest.fixture(scope="session")
def basil(corpora):
    return load_basil(corpora / "basil")


@pytest.fixture(scope="session")
def basil_spans_and_warnings(corpora):
    return _load(load_basil_annotations, corpora / "basil")


def test_basil_counts_match_source_md(basil):
    _check_documents(basil)
    # SOURCE.md: 300 articles = 100 events x 3 outlets, 30 a year for 2010-2019
    assert len(basil) == 300
    assert basil.outlet.value_counts().to_dict() == {"Fox": 100, "NYT": 100, "HuffPost": 100}
    assert (basil.source == basil.outlet).all()
    assert set(basil.date.dt.year.value_counts()) == {30}
    assert basil.date.min() >= pd.Timestamp("2010-01-01", tz=UTC) and basil.date.max() < pd.Timestamp("2020-01-01", tz=UTC)
    assert (basil.groupby("triplet_uuid").outlet.nunique() == 3).all()
    assert (basil.uuid == "empty").sum() == 4  # why doc_id is the file name, not the uuid
    assert (basil.text.str.len() > 500).all() and basil.text.str.contains("\n\n").all()


def test_basil_annotations_match_source_md(basil, basil_spans_and_warnings):
    spans, messages = basil_spans_and_warnings
    # SOURCE.md: 1,726 spans; bias lex 480 / inf 1,246; polarity neg 1,415 / pos 311; 722 quotes
    assert len(spans) == 1_726
    assert spans.bias.value_counts().to_dict() == {"inf": 1_246, "lex": 480}
    assert spans.polarity.value_counts().to_dict() == {"neg": 1_415, "pos": 311}
    assert int(spans.quote.sum()) == 722 and int((spans.speaker != "").sum()) == 722
    # SOURCE.md: 1,723 spans match sentence[start:end] == txt; the other 3 lie in the headline
    assert spans.field.value_counts().to_dict() == {"text": 1_723, "title": 3}
    assert not messages  # everything located: no warning
    assert set(spans.doc_id) <= set(basil.doc_id)


def test_basil_article_offsets(basil, basil_spans_and_warnings):
    spans = basil_spans_and_warnings[0]
    docs = basil.set_index("doc_id")
    for row in spans.itertuples():
        field = docs.at[row.doc_id, row.field]
        assert field[row.start:row.end] == row.txt, (row.doc_id, row.span_id)


def _basil_folder(tmp_path, article, spans):
    (tmp_path / "articles" / "2018").mkdir(parents=True)
    (tmp_path / "annotations" / "2018").mkdir(parents=True)
    (tmp_path / "articles" / "2018" / "t1_1.json").write_text(json.dumps(article), encoding="utf-8")
    ann = {"uuid": "u1", "triplet-uuid": "t1", "article-level-annotations": {},
           "phrase-level-annotations": spans}
    (tmp_path / "annotations" / "2018" / "t1_1_ann.json").write_text(json.dumps(ann), encoding="utf-8")


def test_basil_offsets_on_a_small_article(tmp_path):
    article = {"uuid": "u1", "triplet-uuid": "t1", "source": "FOX", "title": "Big  Win", "date": "2018-05-01",
               "body-paragraphs": [["First one.", "Second one here."], ["Third para."]]}
    span = {"bias": "lex", "polarity": "pos", "target": "X", "aim": "dir", "quote": "no", "speaker": ""}
    _basil_folder(tmp_path, article, [
        {**span, "id": "p1", "start": 7, "end": 10, "txt": "one"},     # sentence 2 ("one here")
        {**span, "id": "p2", "start": 0, "end": 5, "txt": "Third"},
        {**span, "id": "p3", "start": 4, "end": 7, "txt": "Win"},       # in the title
        {**span, "id": "p4", "start": 0, "end": 4, "txt": "Nope"},
    ])
    docs = load_basil(tmp_path)
    assert docs.text[0] == "First one. Second one here.\n\nThird para."
    assert (docs.outlet[0], docs.title[0], docs.doc_id[0]) == ("Fox", "Big Win", "t1_1")
    with pytest.warns(BrokenRecordWarning, match=r"1 of 4 spans could not be located.*t1_1:p4"):
        spans = load_basil_annotations(tmp_path)
    got = spans.set_index("span_id")[["start", "end", "field", "sentence"]].to_dict("index")
    assert got["p1"] == {"start": 18, "end": 21, "field": "text", "sentence": 1}
    assert got["p2"] == {"start": 29, "end": 34, "field": "text", "sentence": 2}
    assert got["p3"] == {"start": 4, "end": 7, "field": "title", "sentence": -1}
    assert got["p4"] == {"start": -1, "end": -1, "field": "", "sentence": -1}


def test_basil_malformed(tmp_path):
    good = {"uuid": "u1", "source": "nyt", "title": "T\u00e9", "date": "2018-05-01", "body-paragraphs": [["A b."]]}
    _basil_folder(tmp_path, good, [{"id": "p1", "start": 0, "end": 1, "txt": "A", "bias": "inf"},
                                   {"id": "p2", "txt": "no offsets"}])
    (tmp_path / "articles" / "2018" / "t2_1.json").write_text(json.dumps({"uuid": "u2", "title": "x"}), encoding="utf-8")
    with pytest.warns(BrokenRecordWarning, match=r"article t2_1\.json: no 'body-paragraphs'"):
        docs = load_basil(tmp_path)
    assert docs.doc_id.tolist() == ["t1_1"] and docs.outlet[0] == "NYT"
    spans, messages = _load(load_basil_annotations, tmp_path)
    assert any("t1_1_ann.json#1: no usable start/end/txt" in m for m in messages)
    assert spans.span_id.tolist() == ["p1"]
    # wrong encoding: still loads, with a warning naming the file
    (tmp_path / "articles" / "2018" / "t2_1.json").write_bytes(json.dumps(good, ensure_ascii=False).encode("cp1252"))
    with pytest.warns(BrokenRecordWarning, match=r"t2_1\.json is not valid UTF-8"):
        assert load_basil(tmp_path).set_index("doc_id").title["t2_1"] == "T\u00e9"
    # an empty (or truncated) article is skipped and named; the others load
    (tmp_path / "articles" / "2018" / "t2_1.json").write_bytes(b"")
    with pytest.warns(BrokenRecordWarning, match=r"skipped 1 broken file \(file t2_1\.json: .*t2_1\.json is empty"):
        assert load_basil(tmp_path).doc_id.tolist() == ["t1_1"]
    (tmp_path / "articles" / "2018" / "t1_1.json").write_bytes(b"")
    with pytest.raises(CorpusFormatError, match=r"none of the 2 files .* is readable"):
        load_basil(tmp_path)


# ============================================================================ GVFC


@pytest.fixture(scope="session")
def gvfc(corpora):
    return load_gvfc(corpora / "gvfc")


@pytest.fixture(scope="session")
def gvfc_extension(corpora):
    return load_gvfc(corpora / "gvfc", extension=True)


def test_gvfc_counts_match_source_md(gvfc):
    _check_documents(gvfc)
    # SOURCE.md: 2,990 headlines; Q1 1 = relevant 2,609; Q2 1,269 / 1,339 / 99 = 382
    assert len(gvfc) == 2_990 and (gvfc.title == gvfc.text).all()
    assert int(gvfc.relevant.sum()) == 2_609
    assert gvfc.focus.value_counts(dropna=False).to_dict() == {2: 1_339, 1: 1_269, pd.NA: 382}
    # SOURCE.md Theme1 counts; 99 (no frame) 1,689 -> ""; 1,301 headlines with a frame
    counts = gvfc.frame1_code.value_counts().to_dict()
    assert counts == {1: 38, 2: 215, 3: 380, 4: 65, 5: 130, 6: 114, 7: 237, 8: 41, 9: 81, 99: 1_689}
    assert (gvfc.frame1 == gvfc.frame1_code.map(GVFC_FRAMES)).all()
    assert int((gvfc.frame1 != "").sum()) == 1_301 and gvfc.frame1.value_counts()["Politics"] == 380
    assert gvfc.date.isna().all() and (gvfc.outlet == "").all()  # no outlet or date columns


def test_gvfc_extension(gvfc_extension):
    ext = gvfc_extension
    _check_documents(ext)
    assert len(ext) == 1_300 and (ext.frame1 != "").all()  # SOURCE.md: 1,300, every one framed
    counts = ext.outlet.value_counts()
    # SOURCE.md outlet counts (single-host outlets; yahoo/cnn/latimes span several sub-domains)
    for outlet, n in {"thehill": 137, "chicagotribune": 102, "abcnews": 79, "nytimes": 68, "nbcnews": 54,
                      "theblaze": 49, "foxnews": 40}.items():
        assert counts[outlet] == n, outlet
    assert counts["cnn"] == 112 + 6  # "about 112 across its sub-domains" + money.cnn.com
    dated = ext.date.dropna()
    assert len(dated) == 461 and dated.between(pd.Timestamp("2016-01-01", tz=UTC), pd.Timestamp("2019-01-01", tz=UTC)).all()
    assert ext.doc_id.str.startswith("gvfc-ext:").all()


@pytest.mark.parametrize("url, outlet, day", [
    ("https://www.vox.com/2018/8/23/17773554/betsy-devos", "vox", "2018-08-23"),
    ("http://beta.latimes.com/nation/la-na-paddock-cremated-20180118-story.html", "latimes", "2018-01-18"),
    ("http://www.chicagotribune.com/lifestyles/ct-life-teen-03222018-story.html", "chicagotribune", "2018-03-22"),
    ("http://abcnews.go.com/US/story?id=53274457", "abcnews", None),
    ("https://news.bbc.co.uk/2018-02-15/x", "bbc", "2018-02-15"),
])
def test_gvfc_url_parsing(url, outlet, day):
    assert outlet_from_url(url) == outlet
    parsed = date_from_url(url)
    assert (pd.isna(parsed) if day is None else parsed == pd.Timestamp(day, tz=UTC))


def test_gvfc_malformed(tmp_path):
    header = "id,article_url,headline,Q1 Relevant,Q2 Focus,Q3 Theme1,Q3 Theme2\n"
    path = tmp_path / "ext.csv"
    path.write_text(header + "0,https://www.cnn.com/2018/02/15/a,Caf\u00e9 shooting,1,2,3,99\n"
                    "1,https://x.com/b,too,many,fields,1,1,1,1\n2,https://thehill.com/c,,1,1,1,99\n"
                    "3,https://thehill.com/d,Bad code,1,1,42,99\n4,https://thehill.com/e,Fine,2,99,99,99\n",
                    encoding="utf-8")
    docs, messages = _load(load_gvfc, path)
    assert docs.doc_id.tolist() == ["gvfc-ext:0", "gvfc-ext:4"]
    joined = " ".join(messages)
    assert "line 3: 9 fields" in joined and "row 4: empty headline" in joined and "row 5: a code" in joined
    assert docs.frame1.tolist() == ["Politics", ""] and docs.relevant.tolist() == [True, False]
    assert docs.focus.isna().tolist() == [False, True] and docs.outlet.tolist() == ["cnn", "thehill"]
    (tmp_path / "cp.csv").write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    docs, messages = _load(load_gvfc, tmp_path / "cp.csv")
    assert any("cp.csv is not valid UTF-8" in m for m in messages)
    assert docs.text[0] == "Caf\u00e9 shooting"
    (tmp_path / "missing.csv").write_text("id,headline,Q1 Relevant\n0,x,1\n", encoding="utf-8")
    with pytest.raises(ColumnError, match=r"lacks column\(s\) \['Q2 Focus'.*present: \['id', 'headline'"):
        load_gvfc(tmp_path / "missing.csv")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    with pytest.raises(CorpusFormatError, match=r"empty\.xlsx is empty"):
        load_gvfc(tmp_path / "empty.xlsx")
    (tmp_path / "junk.xlsx").write_bytes(b"not a zip file")
    with pytest.raises(CorpusFormatError, match=r"junk\.xlsx is not a readable Excel workbook"):
        load_gvfc(tmp_path / "junk.xlsx")
    frame = pd.DataFrame({"news_title": ["A", "B"], "Q1 Relevant": [1, 2], "Q2 Focus": [1, 99],
                          "Q3 Theme1": [2, "x"], "Q3 Theme2": [99, 99]})
    frame.to_excel(tmp_path / "small.xlsx", index=False)
    with pytest.warns(BrokenRecordWarning, match=r"row 3: a code is missing"):
        small = load_gvfc(tmp_path / "small.xlsx")
    assert small.doc_id.tolist() == ["gvfc:2"] and small.frame1.tolist() == ["Gun control/regulation"]



# ============================================================================ issue 12: one broken file or record


def _broken_warnings(loader, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = loader(*args, **kwargs)
    return frame, [w.message for w in caught if issubclass(w.category, BrokenRecordWarning)]


def _truncate(source, target):
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])


def test_kcna_truncated_day_is_skipped_and_named(corpora, tmp_path):
    days = sorted((corpora / "kcna" / "juche").glob("2017-01-0*.json"))[:4]
    for day in days[:3]:
        shutil.copy(day, tmp_path / day.name)
    _truncate(days[3], tmp_path / days[3].name)
    docs, caught = _broken_warnings(load_kcna, tmp_path)
    expected = load_kcna(days[:3])
    assert docs.doc_id.tolist() == expected.doc_id.tolist() and len(docs) > 30
    assert [w.records for w in caught] == [(days[3].name,)]
    assert "is not valid JSON" in str(caught[0])


def test_trump_truncated_mirror_file_is_skipped_and_named(corpora, tmp_path):
    first = corpora / "trump_tweets" / "flexlev" / "condensed_2017.json"
    shutil.copy(first, tmp_path / "a.json")
    _truncate(corpora / "trump_tweets" / "flexlev" / "condensed_2018.json", tmp_path / "b.json")
    tweets, caught = _broken_warnings(load_trump_tweets, tmp_path)
    assert len(tweets) == 2_605  # SOURCE.md: flexlev 2017 holds 2,605 records
    assert [w.records for w in caught] == [("b.json",)]


def test_trump_counts_as_strings(tmp_path):
    created = "Sun Dec 31 23:43:04 +0000 2017"
    data = [{"id_str": "1", "text": "a", "created_at": created, "retweet_count": "12", "favorite_count": 3},
            {"id_str": "2", "text": "b", "created_at": created, "retweet_count": "many", "is_retweet": "false"}]
    (tmp_path / "t.json").write_text(json.dumps(data), encoding="utf-8")
    tweets, caught = _broken_warnings(load_trump_tweets, tmp_path / "t.json")
    assert tweets.retweet_count.tolist() == [12, pd.NA] and tweets.favorite_count.tolist() == [3, pd.NA]
    assert not tweets.is_retweet.any()  # the string "false" is not a retweet flag
    assert [w.records for w in caught] == [("2",)] and "retweet_count 'many' is not a count" in str(caught[0])


def test_basil_truncated_article_is_skipped_and_named(corpora, tmp_path):
    files = sorted((corpora / "basil" / "articles" / "2010").glob("*.json"))
    (tmp_path / "articles").mkdir()
    for file in files[1:]:
        shutil.copy(file, tmp_path / "articles" / file.name)
    _truncate(files[0], tmp_path / "articles" / files[0].name)
    docs, caught = _broken_warnings(load_basil, tmp_path)
    assert sorted(docs.doc_id) == sorted(f.stem for f in files[1:]) and len(docs) == 29
    assert [w.records for w in caught] == [(files[0].name,)]


def test_reuters_bad_quote_and_latin1_row_cost_only_themselves(corpora, tmp_path, headlines):
    lines = (corpora / "news_headlines" / "reuters_headlines.csv").read_bytes().split(b"\n")
    index = next(i for i in range(99, 200) if not lines[i].split(b",", 1)[1].startswith(b'"'))
    lines[index] = lines[index].replace(b",", b',"', 1)  # a stray quote before the headline
    lines.insert(len(lines) - 1, b"2020-01-01,caf\xe9 owners survey\r")  # a latin-1 row at the end
    bad = f"reuters:{index + 1}"
    path = tmp_path / "reuters_headlines.csv"
    path.write_bytes(b"\n".join(lines))
    feed, caught = _broken_warnings(load_headlines, path)
    original = headlines[headlines.outlet == "Reuters"].set_index("doc_id").text
    kept = feed.set_index("doc_id").text
    latin1 = f"reuters:{len(lines) - 1}"
    assert kept[latin1] == "caf\u00e9 owners survey"
    assert bad not in kept.index and len(kept) == 32_770 - 1 + 1
    assert kept.drop(latin1).equals(original.drop(bad))  # no other headline lost or changed
    named = sorted(record for w in caught for record in w.records)
    assert named == [index + 1, len(lines) - 1]  # the stray quote's line and the latin-1 line, nothing else
    assert any(f"line {len(lines) - 1}" in str(w) and "not valid UTF-8" in str(w) for w in caught)


def test_vader_snippet_with_line_separator_is_one_record(tmp_path):
    from framing.datasets import load_vader_groundtruth
    (tmp_path / "tweets_GroundTruth.txt").write_bytes("1\t0.5\tone\u2028two\x85three\r\n2\t-1\tfour\r\n".encode())
    (tmp_path / "tweets_anonDataRatings.txt").write_bytes(b"1\t0.5\t0.5\t[0, 1]\r\n2\t-1\t0\t[-1, -1]\r\n")
    table, caught = _broken_warnings(load_vader_groundtruth, tmp_path, subset="tweets")
    assert table.text.tolist() == ["one\u2028two\x85three", "four"] and not caught


def test_trump_lone_surrogate_is_replaced_and_named(tmp_path):
    created = "Sun Dec 31 23:43:04 +0000 2017"
    raw = ('[{"id_str": "1", "text": "fine \\ud83d\\ude00", "created_at": "%s"},'
           ' {"id_str": "2", "text": "half \\ud83d", "created_at": "%s"}]') % (created, created)
    (tmp_path / "t.json").write_text(raw, encoding="utf-8")
    tweets, caught = _broken_warnings(load_trump_tweets, tmp_path / "t.json")
    assert tweets.text.tolist() == ["fine \U0001F600", "half \ufffd"]
    assert [w.records for w in caught] == [(1,)] and "surrogate" in str(caught[0])


# ============================================================================ AllSides (Article-Bias-Prediction)


@pytest.fixture(scope="session")
def allsides(corpora):
    return _load(load_allsides, corpora / "allsides_nk")


def test_allsides_counts_match_source_md(allsides):
    articles, messages = allsides
    _check_documents(articles)
    # SOURCE.md: 615 files; left 188, center 220, right 207; 60 undated, the rest 2018-01-01..2019-12-27
    assert len(articles) == 615
    assert articles.bias.value_counts().to_dict() == {"center": 220, "right": 207, "left": 188}
    assert int(articles.date.isna().sum()) == 60
    assert any("60 broken articles kept with date NaT" in m for m in messages)
    dated = articles.date.dropna()
    assert (dated.min().date().isoformat(), dated.max().date().isoformat()) == ("2018-01-01", "2019-12-27")
    day = articles.date.dt.strftime("%Y-%m-%d")
    # SOURCE.md windows: Singapore 32, Hanoi 39, DMZ 10, January..2018-04-26 (KCNA's last day) 135
    for low, high, expected in [("2018-06-05", "2018-06-19", 32), ("2019-02-20", "2019-03-06", 39),
                                ("2019-06-27", "2019-07-05", 10), ("2018-01-01", "2018-04-26", 135)]:
        assert int(((day >= low) & (day <= high)).sum()) == expected, (low, high)
    original = articles.outlet_original.value_counts()
    for name, count in {"The Hill": 53, "USA TODAY": 45, "Reuters": 44, "Washington Times": 40, "Vox": 37,
                        "Fox Online News": 32, "Guest Writer - Left": 18, "Victor Hanson": 16,
                        "Fox News": 8, "CNN - Editorial": 8}.items():
        assert original[name] == count, name
    # SOURCE.md says "66 names in all"; the 615 files hold 65 distinct `source` values
    assert articles.outlet_original.nunique() == 65
    assert set(articles.loc[articles.outlet == "Reuters", "bias"]) == {"center"}


def test_allsides_outlets_are_normalised(allsides):
    articles, _ = allsides
    fox = articles[articles.outlet == "Fox News"]
    # 32 Fox Online News + 8 Fox News + 3 Fox News Opinion + Newt Gingrich's column on foxnews.com
    assert len(fox) == 44 and fox.groupby("genre").size().to_dict() == {"news": 40, "opinion": 4}
    assert (articles.outlet == "Reuters").sum() == 44 and set(articles.source) == set(articles.outlet)
    hanson = articles[articles.outlet_original == "Victor Hanson"]
    assert set(hanson.outlet) == {"National Review"} and set(hanson.genre) == {"opinion"}
    guests = articles[articles.outlet_original.str.startswith("Guest Writer")]
    assert len(guests) == 30 and set(guests.genre) == {"opinion"} and "CNN" in set(guests.outlet)
    assert int((articles.genre == "opinion").sum()) == 68
    # the text is content_original (never the masked copy) and is kept unchanged
    assert not articles.text.str.contains("\u2588").any() and not articles.single_voice.any()
    reuters = articles[articles.outlet == "Reuters"]
    assert reuters.text.str.contains(r"\(Reuters\) -").mean() > 0.8  # wire datelines open most texts


def _allsides_record(ID, date="2018-06-12", source="Reuters", **extra):
    record = {"ID": ID, "topic": "north_korea", "source": source, "url": f"https://example.com/{ID}",
              "source_url": "www.example.com", "date": date, "authors": "A. Writer, B. Writer",
              "title": "Summit ends", "content_original": "SEOUL (Reuters) - The summit ended.",
              "content": "SEOUL ( ███ ) - The summit ended .", "bias_text": "center", "bias": 1}
    record.update(extra)
    return record


def test_allsides_formats_and_broken_records(tmp_path):
    records = [_allsides_record("a1"), _allsides_record("a2", date="3/5/19", source="Fox News Opinion",
                                                            bias_text="right", bias=2),
               _allsides_record("a3", date=""), _allsides_record("a4", date="sometime"),
               _allsides_record("a5", source="Guest Writer - Left", source_url="www.cnn.com", bias_text="left",
                                bias=0),
               _allsides_record("a6", source="Daily Planet - Opinion"), {"ID": "a7"}, "junk"]
    for record in records[:5]:
        (tmp_path / f"{record['ID']}.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "more.json").write_text(json.dumps(records[5:]), encoding="utf-8")  # a list file
    articles, messages = _load(load_allsides, tmp_path)
    joined = " ".join(messages)
    assert "more.json: skipped 2 broken articles (article 1: no content_original; article 2: a JSON str" in joined
    assert "2 broken articles kept with date NaT" in joined and "date 'sometime' is neither" in joined
    rows = articles.set_index("doc_id")
    assert articles.doc_id.tolist() == ["a1", "a5", "a6", "a2", "a3", "a4"]  # by date, undated last
    assert rows.loc["a2", "date"] == pd.Timestamp("2019-03-05", tz=UTC)
    assert (rows.loc["a2", "outlet"], rows.loc["a2", "genre"], rows.loc["a2", "bias"]) == ("Fox News", "opinion", "right")
    assert pd.isna(rows.loc["a3", "date"]) and pd.isna(rows.loc["a4", "date"])
    assert (rows.loc["a5", "outlet"], rows.loc["a5", "genre"]) == ("CNN", "opinion")
    assert (rows.loc["a6", "outlet"], rows.loc["a6", "genre"]) == ("Daily Planet", "opinion")  # rule, not table
    assert rows.loc["a1", "text"] == "SEOUL (Reuters) - The summit ended."
    assert rows.loc["a1", "authors"] == "A. Writer, B. Writer" and rows.loc["a1", "topic"] == "north_korea"


def test_allsides_outlet_table_and_errors(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_allsides_record("a1")), encoding="utf-8")
    mine = pd.DataFrame({"name": ["Reuters"], "site": [""], "outlet": ["Thomson Reuters"], "genre": ["news"]})
    assert load_allsides(tmp_path, outlets=mine).outlet.tolist() == ["Thomson Reuters"]
    with pytest.raises(ColumnError, match=r"outlet table.*\['genre'\]"):
        load_allsides(tmp_path, outlets=mine.drop(columns="genre"))
    with pytest.raises(CorpusFormatError, match=r"genre must be 'news' or 'opinion'"):
        allsides_outlets(mine.assign(genre="wire"))
    (tmp_path / "a.json").write_text(json.dumps(_allsides_record("a1", bias=0)), encoding="utf-8")
    with pytest.raises(CorpusFormatError, match=r"bias 0 \(left\) but bias_text 'center'"):
        load_allsides(tmp_path)
    (tmp_path / "a.json").write_text(json.dumps({"ID": "x"}), encoding="utf-8")
    with pytest.raises(CorpusFormatError, match="no readable article"):
        _load(load_allsides, tmp_path)
