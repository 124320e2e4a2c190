"""The fast paths of the voices engine (issue 7: speed) find exactly what the plain scans they
replace found; ``benchmarks/pin_voices.py --check`` proves the corpus output unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

# words and characters that test the edges: cue words in any case, runs glued to other letters,
# characters whose lower case grows ('İ') or becomes an ASCII letter (the Kelvin sign)
_CUE_PIECES = ["said", "Said", "SAYS", "told", "According", "xsaid", "saidx", "sa", "id", "report", "poll",
               " ", "-", "é", "’", ".", "\n", "İ", "\u212a", "ß", "ǅ", "1", "_", "Ω", "Σ",
               "is", "IS", "concerned", "conc", "that", "made", "it", "clear", "would", "like"]


def _form_loop(text, start, candidates):
    """The plain lookup of a cue word's form: each form (longest first), lower-cased in place."""
    for form, verb in candidates:
        end = start + len(form)
        if text[start:end].lower() == form and (end >= len(text) or not text[end].isalnum()):
            return form, verb
    return None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=30))
def test_document_scan_finds_the_cue_words_of_the_letter_runs(pieces):
    from framing.attribution._cues import _POLL_NOUN, _cue_index, _scan_document

    text = "".join(pieces)
    index = _cue_index()[0]
    # the cue words whose form stands whole there (the others find_cues skips)
    found = [(m.start(), m.end(), m.group()) for m in re.finditer("[A-Za-z]+", text) if m.group().lower() in index
             and _form_loop(text, m.start(), index[m.group().lower()]) is not None]
    assert _scan_document(text) == ([w[0] for w in found], found, _POLL_NOUN.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=30))
def test_form_lookup_finds_what_the_form_by_form_loop_finds(pieces):
    from framing.attribution._cues import _cue_index, _form_at

    text = "".join(pieces)
    index = _cue_index()[0]
    for m in re.finditer("[A-Za-z]+", text):
        if m.group().lower() in index:
            candidates = index[m.group().lower()]
            assert _form_at(text, m.start(), candidates) == _form_loop(text, m.start(), candidates)


_REGEX_PIECES = ["ab", "(?:cd|e)", "x*", "(?:fg)?", "(?:h|ij)+", ".", r"\S", "(?i:k)", "[ab]", "b{2,3}", "(?:a|)"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_REGEX_PIECES), min_size=1, max_size=6),
       st.lists(st.sampled_from(list("abcdefghijkK x")), max_size=25))
def test_every_match_holds_one_of_the_required_literals(pieces, chars):
    from framing.attribution._vocab import required_literals

    pattern, text = "".join(pieces), "".join(chars)
    literals = required_literals(pattern)
    for match in re.finditer(pattern, text):
        assert literals is None or any(literal in match.group() for literal in literals)


def test_required_literals_of_credits():
    from framing.attribution._vocab import furniture, furniture_end_literals, required_literals

    assert required_literals(r"\(?AP Photo/.{1,80}") == {"AP Photo/"}
    assert required_literals(r"(?:abc)?de") == {"de"}
    assert required_literals(r"(?i:via)") is None and required_literals("x*") is None
    end_of = furniture()[2]
    for credit in ("REUTERS/Jonathan Ernst", "Andrew Harnik/Pool via Reuters", "(AP Photo/Evan Vucci)"):
        assert end_of.fullmatch(credit) and any(literal in credit for literal in furniture_end_literals())


_VOICES = [None, ("Donald Trump", "person", ""), ("Melania Trump", "person", ""), ("Kim Jong Un", "person", "KCNA"),
           ("KCNA", "agency", ""), ("a new poll", "document", ""), ("Trump", "person", "")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(-2, 8), st.sampled_from(range(len(_VOICES)))),
                max_size=25))
def test_entities_built_at_once_are_the_entities_appended_one_by_one(spec):
    from framing.attribution._entities import Entities
    from framing.attribution._speakers import Mention, Voice

    mentions = [Mention(s, s + n, _VOICES[v] and Voice(*_VOICES[v]), "x") for s, n, v in spec]
    at_once, one_by_one = Entities(mentions), Entities()
    for mention in mentions:
        one_by_one.append(mention)
    assert list(at_once) == list(one_by_one)
    assert vars(at_once) == vars(one_by_one)


def test_titles_are_found_in_alias_and_words_before_joined_by_a_line_break():
    from framing.attribution._speakers import PERSONAL_TITLES, default_alias_table

    assert not any("\n" in title for title in PERSONAL_TITLES)   # no title spans the join
    found = default_alias_table().find("The Supreme Leader Kim Jong Un met President Trump.")
    assert [sorted(m.titles) for m in found] == [["leader"], ["president"]]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["'", "''", '"', "“", "”", "„", "«", "»", "’", "a", " ", "\n"]), max_size=30),
       st.integers(0, 40), st.integers(0, 40))
def test_quote_marks_are_the_marks_of_the_plain_alternation(pieces, lo, width):
    from framing.attribution._quotes import _MARKS

    text = "".join(pieces)
    lo = min(lo, len(text))
    hi = min(lo + width, len(text))
    plain = re.compile(r"''|[\"“”„«»]")
    assert [m.span() for m in _MARKS.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Talks", " ", "  ", "\t", ".", "!", "?", "…", "”", '"', ")", "U.S.", "Mr.", "a",
                                 "He", "said", "5"]), max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_sentences_are_the_trimmed_stretches_between_sentence_ends(pieces, lo, width):
    from framing.text import _SENTENCE_END, _ends_sentence, _line_sentences, _trimmed

    text = "".join(pieces)
    start = min(lo, len(text))
    end = min(start + width, len(text))
    a, b = start, end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    spans, position = [], a
    for match in _SENTENCE_END.finditer(text, a, b):
        if _ends_sentence(text, match.start(), match.end(), b, start):
            spans.extend(_trimmed(text, position, match.end()))
            position = match.end()
    spans.extend(_trimmed(text, position, b))
    assert _line_sentences(text, start, end, start) == spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Paul", "Ryan:", "FBI", "not", "to", "iPhone", "2nd", "a", "A", "’s", "-", " ",
                                 "Decision", "x_y"]), max_size=40))
def test_title_like_counts_the_capitalised_words(pieces):
    from framing.attribution._layout import _title_like

    line = " ".join(pieces)
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    assert _title_like(line) == (3 <= len(words) <= 30 and sum(w[0].isupper() for w in words) >= 0.7 * len(words))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "é", "“", "\ud83d", "\ude00", "\udfff", "\ud800", "\ue000", "😀",
                                         "\ud7ff"]), max_size=20))
def test_surrogates_are_found_by_the_encoder_as_by_the_search(text):
    from framing.attribution._frame import _SURROGATE, _has_surrogates

    assert _has_surrogates(text) == (_SURROGATE.search(text) is not None)


# words a time or a verbal tail ends with, near misses, and blanks that '$' or a split treats apart
_TAIL_PIECES = ["Monday", "monday", "March", "mid-", "early ", "2017", "last ", "on ", "week", "night", "morning",
                "had", "hadn’t", "doesn't", "voiced", "refusing", "to", "also", "quickly", "Quickly", "long", "ly",
                "ing", "who", "which", "that", "X", ",", " ", "  ", "\n", "\u00a0", "(", "-"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=12))
def test_word_tests_before_a_subject_pass_every_window_the_patterns_match(pieces):
    from framing.attribution._name_words import TIME_BEFORE, may_end_time
    from framing.attribution._subjects import _LY_OPENER, _RELATIVE, _VERBAL_TAIL, _may_end_verbal

    window = "".join(pieces)
    assert may_end_time(window) or not TIME_BEFORE.search(window)
    assert _may_end_verbal(window) or not _VERBAL_TAIL.search(window)
    assert window.rstrip().endswith(("who", "which", "that")) or not _RELATIVE.search(window)
    adverb = _LY_OPENER.match(window)
    assert window.endswith("ly") or not (adverb and adverb.end() == len(window))


def _stance_words():
    from framing.attribution._vocab import STANCE_PHRASES
    return sorted({w for p in STANCE_PHRASES for w in p.split()})


# every word of the stance phrases (so that any phrase can be built) and near misses
_STANCE_PIECES = _stance_words() + [" ", "\n", "s", "x", "supports"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STANCE_PIECES), max_size=20))
def test_stance_cue_tree_finds_the_spans_of_the_stance_alternation(pieces):
    from framing.attribution._stance_nouns import _STANCE_CUE
    from framing.attribution._vocab import STANCE_PHRASES

    text = "".join(pieces)
    # the phrases as one plain alternation, as the rule was first written
    plain = re.compile(r"\s(?:" + "|".join(map(re.escape, STANCE_PHRASES)) + r")\s")
    assert [m.span() for m in _STANCE_CUE.finditer(text)] == [m.span() for m in plain.finditer(text)]


_DESCRIBED_PIECES = ["a", "A", "an", "An", "xa", "_", "é", " ", "\n", "White", "House", "senior", "official",
                     "officials", "-", ".", "’"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DESCRIBED_PIECES), max_size=20), st.integers(0, 4), st.integers(0, 40))
def test_described_pattern_matches_as_the_plain_word_boundary_pattern(pieces, lo, hi):
    from framing.attribution._canonical import _described_pattern

    text = "".join(pieces)
    plain = re.compile(r"\b[Aa]n?\s+((?:[A-Z][\w.’'-]*\s+|[a-z][\w-]*\s+){1,4}official)\b")
    assert [m.span() for m in _described_pattern("official").finditer(text, lo, hi)] == \
        [m.span() for m in plain.finditer(text, lo, hi)]


_CELLS = st.one_of(st.text(max_size=4), st.integers(-3, 3), st.none(), st.floats(allow_nan=True), st.booleans())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_CELLS, st.integers(-1, 50), st.text(max_size=6), st.sampled_from(["direct", "narration"]),
                          st.floats(0, 1)), max_size=8))
def test_segments_frame_built_by_column_is_the_frame_from_records(rows):
    from framing.attribution._frame import _frame, _frame_from_records

    # doc_id takes any value (its dtype is inferred); the other columns hold what the engine gives
    records = [(doc, k, k, k + 1, text, kind, text, text, "", -1, -1, pos, pos, conf, "", -1, -1)
               for k, (doc, pos, text, kind, conf) in enumerate(rows)]
    plain, fast = _frame_from_records(records), _frame(records)
    assert fast.equals(plain) and list(fast.dtypes) == list(plain.dtypes)
    assert fast.columns.equals(plain.columns) and fast.index.equals(plain.index)


_LABEL_PIECES = ["Q", "FALLIN", "Marco", "Rubio", "Says", "said", "told", "I", "think", "the", " ", "  ", "\t", ".",
                 "(R)", "(a:b)", "@jack", ",", "—", "Ortiz", "Bridge", "Will", "Reopen", "a", ":", "https://t.co/x", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=20), st.booleans())
def test_a_paragraph_without_colon_and_blank_has_a_label_only_as_a_headline(pieces, headline):
    from framing.attribution._labels import label_attribution
    from framing.attribution._segments import _COLON_BLANK
    from framing.attribution._speakers import default_alias_table

    text = "".join(pieces)   # (_analyse_text asks only titled paragraphs and those with ': ')
    found = label_attribution(text, 0, len(text), default_alias_table(), headline=headline)
    assert found is None or headline or _COLON_BLANK.search(text)


_PAGE_PIECES = ["Donald", "John", "Trump", "TrumpTrump", "predicts", "MORE", "More", " ", "\n", "(@", "@jack", "(",
                ")", "— ", "Jack", "June", "12,", "2018", "SEE ALSO:", "POMPEO", "DISMISSES"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_PIECES), max_size=25))
def test_page_rules_skipped_without_their_literal_find_nothing(pieces):
    from framing.attribution import _page
    from framing.attribution._speakers import default_alias_table
    from framing.text import paragraph_spans

    text = "".join(pieces)
    if "MORE" not in text:   # related_cards returns at once: no card pattern match either
        assert _page._CARD.search(text) is None
    if "(@" not in text:     # embedded_tweets returns at once: no signature either
        assert all(_page._TWEET_SIGNATURE.search(text, a, b) is None for a, b in paragraph_spans(text))
    page = _page.read_page(text, default_alias_table())
    assert all(row[1] <= len(text) for row in page.rows)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["One.", "Two", " ", "\t", "\n", "\r", "\r\n", "\n\n", "\u2028", "\x0b", "\x85", "\xa0",
                                 "\u3000", "é", "x"]), max_size=30))
def test_paragraphs_are_the_trimmed_stretches_between_line_breaks(pieces):
    from framing.text import paragraph_spans

    text = "".join(pieces)
    spans, position = [], 0
    for match in list(re.finditer(r"[\r\n]\s*", text)) + [None]:   # the plain scan: break by break
        a, b = position, (match.start() if match else len(text))
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
        position = match.end() if match else len(text)
    assert paragraph_spans(text) == spans


_UNIT_PIECES = _CUE_PIECES + ["Citing", "according to", "In a new poll", "analysis", "his criticism of", "Trump’s",
                              "support for", "Kim", "He", "“", "”", ". ", "! ", ": ", "\n\n", "x."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=30), st.integers(0, 40), st.integers(0, 40))
def test_no_cue_in_a_stretch_that_may_hold_none(pieces, lo, width):
    from framing.attribution._cues import find_cues, may_hold_cue
    from framing.attribution._cues import cuts_word

    text = "".join(pieces)
    lo = min(lo, len(text))
    hi = min(len(text), lo + width)
    if not may_hold_cue(text, lo, hi):
        for a in range(lo, hi + 1):
            for b in range(a, hi + 1):
                if not (cuts_word(text, a) or cuts_word(text, b)):
                    assert find_cues(text, a, b) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=40))
def test_quiet_paragraphs_split_as_every_unit_read(pieces):
    import framing.attribution._segments as segments
    from framing.attribution._speakers import default_alias_table

    text = "".join(pieces)
    fast = segments.analyse(text, default_alias_table(), "")
    quiet = segments._quiet_stretch
    segments._quiet_stretch = lambda text, lo, hi: False   # the plain path: every unit through analyse_unit
    try:
        plain = segments.analyse(text, default_alias_table(), "")
    finally:
        segments._quiet_stretch = quiet
    assert fast == plain


_BOTH_PIECES = ["both", "Both", "the", "The", "two", "pair", "leaders", "men", "have", "also", " ", "  ", "\n", ",", ".", "’",
                "x", "said", "1", "é"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BOTH_PIECES), max_size=25), st.integers(0, 30), st.integers(0, 60))
def test_both_before_searches_as_the_plain_search(pieces, lo, cue):
    from types import SimpleNamespace

    from framing.attribution._coverage import _BOTH, _both_before

    text = "".join(pieces)
    lo, cue = min(lo, len(text)), min(cue, len(text))
    unit = SimpleNamespace(start=lo, end=len(text))
    fast, plain = _both_before(text, unit, cue), _BOTH.search(text, lo, cue)
    assert (fast and fast.span()) == (plain and plain.span())


_FIELD_VALUES = {"speaker": st.text(max_size=5), "source": st.text(max_size=5), "cue": st.text(max_size=5),
                 "cue_start": st.integers(-1, 99), "mention_end": st.integers(-1, 99),
                 "confidence": st.floats(0, 1), "speaker_type": st.sampled_from(["", "person", "group"]),
                 "outer_speaker": st.text(max_size=5), "outer_end": st.integers(-1, 99)}


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional=_FIELD_VALUES), st.fixed_dictionaries({}, optional=_FIELD_VALUES))
def test_with_changes_makes_the_record_dataclasses_replace_makes(fields, changes):
    from dataclasses import asdict, replace

    from framing.attribution._model import Attribution, with_changes

    attr = Attribution(**{"speaker": "x", "source": "y", **fields})
    fast, plain = with_changes(attr, **changes), replace(attr, **changes)
    assert type(fast) is Attribution and fast == plain and asdict(fast) == asdict(plain)
    assert fast is not attr and attr == Attribution(**{"speaker": "x", "source": "y", **fields})   # the old one untouched


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=25), st.integers(-20, 80),
       st.integers(0, 90))
def test_latest_first_yields_near_sorted_by_start_descending(spans, lo, hi):
    from framing.attribution._carried import _latest_first
    from framing.attribution._entities import Entities, near
    from framing.attribution._speakers import Mention, Voice

    mentions = [Mention(start, start + length, Voice(f"v{i}")) for i, (start, length) in enumerate(spans)]
    entities = Entities(mentions[:len(mentions) // 2])
    for m in mentions[len(mentions) // 2:]:
        entities.append(m)   # (out of order too: the index the rules grow)
    plain = sorted(near(entities, lo, hi), key=lambda m: -m.start)
    assert [id(m) for m in _latest_first(entities, lo, hi)] == [id(m) for m in plain]
    listed = list(entities)   # (a plain list: near's own superset, sorted)
    assert [id(m) for m in _latest_first(listed, lo, hi)] == \
        [id(m) for m in sorted(near(listed, lo, hi), key=lambda m: -m.start)]


_RUN_PIECES = ["Acosta", "acosta", "ACOSTA", "Jim", "jim", "JIM", "-", "’", "'", " ", ".", "\n", "é", "_", "1", "Ω",
               "ß", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=20), st.sampled_from(["acosta", "ACOSTA", "jim", "JIM", "x"]))
def test_written_as_word_is_membership_in_the_runs_of_the_text(pieces, word):
    from framing.attribution._surnames import _written_as_word

    text = "".join(pieces)
    assert _written_as_word(text, word) == (word in set(re.findall(r"[\w’'-]+", text)))


def test_only_four_characters_not_ascii_match_an_ascii_character_case_insensitively():
    from framing.attribution._vocab import _ASCII_CASE_FOLDS

    ascii_class = re.compile(r"(?i)[\x00-\x7f]")
    assert {chr(c) for c in range(128, 0x110000) if ascii_class.fullmatch(chr(c))} == set(_ASCII_CASE_FOLDS)
    for a in map(chr, range(128)):   # an ASCII character matches the ASCII characters of its lower case
        assert {b for b in map(chr, range(128)) if re.fullmatch("(?i)" + re.escape(a), b)} == \
            {b for b in map(chr, range(128)) if b.lower() == a.lower()}


_FURNITURE_PIECES = ["click", "CLİCK", "clıck", "Clic\u212a", "or ", "here", "HERE", "Here.", "“expand.”", "To see ",
                     "this report was updated", "UPDATED", "contributed to this report", " ", ". ", "x", "AD",
                     "Reuters", "with wires", "Related: ", "ſ", "é", "?", "\n"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_FURNITURE_PIECES), max_size=12))
def test_whole_furniture_is_the_fullmatch_of_the_whole_pattern(pieces):
    from framing.attribution._vocab import furniture, whole_furniture

    para = "".join(pieces)
    assert whole_furniture(para) == (furniture()[0].fullmatch(para) is not None)


def test_whole_furniture_guards_click_rows_with_case_folds():
    from framing.attribution._vocab import furniture, whole_furniture

    for para in ("Click here", "CLİCK HERE to read", "To see more, clıck here.", "Or clic\u212a here", "Please sign in"):
        assert whole_furniture(para) == (furniture()[0].fullmatch(para) is not None)
    assert whole_furniture("CLİCK HERE to read") and whole_furniture("Or clic\u212a here")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_REGEX_PIECES + ["(?i:cd)", "(?i:xK)"]), min_size=1, max_size=6),
       st.lists(st.sampled_from(list("abcdefghijkKxCD\u212a\u0130 ")), max_size=25))
def test_every_match_holds_a_required_literal_case_insensitively(pieces, chars):
    from framing.attribution._vocab import required_literals

    pattern, text = "".join(pieces), "".join(chars)
    literals = required_literals(pattern, ignore_case=True)
    for match in re.finditer(pattern, text):
        assert literals is None or any(re.search("(?i:" + re.escape(literal) + ")", match.group())
                                       for literal in literals)
