"""Sentence, paragraph and word offsets on hand-made news text and on the real corpora."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import paragraph_spans, sentence_spans, split_sentences, word_spans


@pytest.mark.parametrize(
    "text, expected",
    [
        # titles, initials, dates and numbered items do not end sentences
        ("Mr. Kim met Gen. Brooks. They talked.", ["Mr. Kim met Gen. Brooks.", "They talked."]),
        ("Donald J. Trump spoke. Aides listened.", ["Donald J. Trump spoke.", "Aides listened."]),
        ("It was No. 5 on the list. Next came six.", ["It was No. 5 on the list.", "Next came six."]),
        ("Talks on Jan. 5 failed. Both sides left.", ["Talks on Jan. 5 failed.", "Both sides left."]),
        # dotted abbreviations end a sentence only before a common opener
        ("He flew to the U.S. Senate hearing.", ["He flew to the U.S. Senate hearing."]),
        ("He flew to the U.S. The hearing began.", ["He flew to the U.S.", "The hearing began."]),
        ("It starts at 9 a.m. Monday.", ["It starts at 9 a.m. Monday."]),
        # quotations that end sentences, and ones that do not
        ('He said "we are done." Then he left.', ['He said "we are done."', "Then he left."]),
        ("\u201cNo way!\u201d he wrote. Aides agreed.", ["\u201cNo way!\u201d he wrote.", "Aides agreed."]),
        ("It said: \u201cPeace is near.\u201d \u201cWar is far.\u201d", ["It said: \u201cPeace is near.\u201d", "\u201cWar is far.\u201d"]),
        # datelines stay with their sentence
        ("Seoul, May 2 (Wire) -- Officials met. Nothing was agreed.", ["Seoul, May 2 (Wire) -- Officials met.", "Nothing was agreed."]),
        # line breaks always end sentences (headlines have no final stop)
        ("Summit Set for June\n\nThe two leaders will meet.", ["Summit Set for June", "The two leaders will meet."]),
        # an attribution after a closing quote stays with the quote
        ("\u201cWe are done.\u201d Trump said. Aides agreed.", ["\u201cWe are done.\u201d Trump said.", "Aides agreed."]),
        ("\u201cA deal!\u201d President Trump wrote on Twitter. Talks go on.",
         ["\u201cA deal!\u201d President Trump wrote on Twitter.", "Talks go on."]),
        ("It was \u201cfalse.\u201d He said the talks failed.", ["It was \u201cfalse.\u201d", "He said the talks failed."]),
        ("\u201cNo.\u201d He said on Monday that talks failed.", ["\u201cNo.\u201d", "He said on Monday that talks failed."]),
        ("Is it over? Yes! Maybe... Later.", ["Is it over?", "Yes!", "Maybe...", "Later."]),
        ("Prices rose 3.5 percent. Markets fell.", ["Prices rose 3.5 percent.", "Markets fell."]),
    ],
)
def test_split_sentences_handles_news_text(text, expected):
    assert split_sentences(text) == expected


def test_paragraphs_follow_line_breaks_and_keep_offsets():
    text = "  Headline here\r\n\r\nFirst para.\n\t\tSecond para.  \n"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["Headline here", "First para.", "Second para."]
    assert spans[0] == (2, 15)


def test_word_spans_keep_inner_apostrophes_and_hyphens():
    text = "Kim Jong-un's \u201cnew path\u201d\u2014it's 2019, isn\u2019t it?"
    assert [text[s:e] for s, e in word_spans(text)] == [
        "Kim", "Jong-un's", "new", "path", "it's", "2019", "isn\u2019t", "it"]


def test_empty_and_blank_text():
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t ") == []
    assert word_spans("... !!") == []


@given(st.text(alphabet=st.sampled_from(list("ab C.!?\u201c\u201d\"' \n\tU.S")), max_size=200))
def test_sentences_are_ordered_trimmed_and_cover_every_visible_character(text):
    spans = sentence_spans(text)
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


def test_reference_article_sentences(corpora):
    text = (corpora / "seed" / "trump_kim_summit_article.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    # Hand count: headline, 21 body sentences over 16 paragraphs (the first tweet quote holds two
    # sentences), 3 lines of page furniture and a closing asterisk.
    assert len(sentences) == 26
    assert sentences[0].startswith("Trump Defends North Korea")
    assert any(s.startswith("Trump credited his first summit") and s.endswith("Korean War veterans.") for s in sentences)


def test_kcna_datelines_do_not_split(corpora):
    path = sorted((corpora / "kcna" / "juche").glob("2017-04-11*.json"))[0]
    article = next(a for a in json.loads(path.read_text(encoding="utf-8"))["articles"] if a)
    first_body_sentence = split_sentences(article["content"])[1]
    assert first_body_sentence.startswith("Pyongyang, April 11 (KCNA) --")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", " ", "Kim", "U.S.", "said.", "“Wrong!”", " he", " The", "Trump", " wrote",
                                 "a.m.", "?", "J.", "Jan.", " 5.", "...", "\t"]), max_size=25),
       st.integers(0, 60), st.integers(0, 60))
def test_line_sentences_equal_the_sentences_of_the_slice(pieces, a, width):
    from framing.text import _line_sentences

    text = "".join(pieces)
    a = min(a, len(text))
    b = min(a + width, len(text))
    assert _line_sentences(text, a, b, a) == [(a + s, a + e) for s, e in sentence_spans(text[a:b])]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kim", " ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u2028", "\f", "said."]), max_size=30))
def test_paragraphs_equal_those_of_the_blank_eating_break_pattern(pieces):
    import re

    text = "".join(pieces)
    spans, position = [], 0
    for match in re.finditer(r"[ \t\f\v]*(?:\r\n|\r|\n)\s*", text):   # the pattern before issue 7
        a, b = position, match.start()
        spans.append((a + len(text[a:b]) - len(text[a:b].lstrip()), b - len(text[a:b]) + len(text[a:b].rstrip())))
        position = match.end()
    a, b = position, len(text)
    spans.append((a + len(text[a:b]) - len(text[a:b].lstrip()), b - len(text[a:b]) + len(text[a:b].rstrip())))
    assert paragraph_spans(text) == [(a, b) for a, b in spans if a < b]


@pytest.mark.parametrize("settings_", [{}, {"languages": ("en", "es", "fr", "de", "pt"), "min_hits": 3, "min_margin": 2},
                                       {"languages": ("de",)}])
def test_guess_languages_equals_guess_language_text_by_text(settings_):
    from framing.text import _guess_languages, guess_language

    texts = ["The delegation left for the talks in the capital.", "La delegacion salio para las conversaciones en la capital.",
             "Die Gespr\u00e4che sind nicht gescheitert und wir sind da.", "Le d\u00e9l\u00e9gu\u00e9 est dans la salle avec les autres.",
             "Donald Trump", "", "\u0425\u043e\u0440\u043e\u0448\u043e \u0441\u043a\u0430\u0437\u0430\u043b", "\u6211\u4eec\u8c08\u5224",
             "the the el el", "THE OF AND to in", "of the " * 200, "\u0130stanbul is the city of the talks", "a1the b_of", "x" * 1500 + " the of and"]
    assert _guess_languages(texts, **settings_) == [guess_language(t, **settings_) for t in texts]
