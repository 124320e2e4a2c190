"""The position index of the voices engine answers exactly what the scans it replaced answered
(issue 12: ``framing.voices`` in linear time; ``benchmarks/bench_voices_scaling.py`` measures it,
``benchmarks/pin_voices.py --check`` proves the corpus output unchanged)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution._entities import Entities
from framing.attribution._model import Attribution, Interval
from framing.attribution._relay import _smallest_enclosing
from framing.attribution._speakers import Mention, Voice, resolve, voice_for_name
from test_voices_speed_paths import _form_loop   # the plain form lookup, not the function under test

_VOICES = [Voice("Donald Trump"), Voice("Melania Trump", gender="female"), Voice("Kim Jong Un", channel="KCNA"),
           Voice("KCNA", "agency"), Voice("a new poll", "document"), Voice("Reuters", "outlet"), None]

mentions = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8), st.sampled_from(range(len(_VOICES))),
                              st.booleans()), max_size=25)


def _mentions(spec):
    return [Mention(s, s + n, _VOICES[v], "x", salient=sal) for s, n, v, sal in spec]


@settings(max_examples=200, deadline=None)
@given(mentions, mentions, st.integers(-5, 75), st.integers(0, 20))
def test_entities_match_the_scans(first, appended, lo, width):
    prefix = sorted(_mentions(first), key=lambda m: m.start)
    plain = list(prefix)
    index = Entities(prefix)
    for m in _mentions(appended):
        plain.append(m)
        index.append(m)
    assert list(index) == plain
    assert index.between(lo, lo + width) == [m for m in plain if lo <= m.start < lo + width]
    before = sorted((m for m in plain if m.start < lo), key=lambda m: m.start, reverse=True)
    assert [id(m) for m in index.before(lo)] == [id(m) for m in before]
    for word in ("he", "she", "it", "the agency", "the official", "him"):
        assert resolve(word, lo, index) == resolve(word, lo, plain)
    for name in ("Trump", "Un", "KCNA", "Sen. Trump"):
        assert voice_for_name(name, index) == voice_for_name(name, plain)
    assert index.canonical == {m.voice.canonical for m in plain if m.voice is not None
                               and m.voice.type != "document"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=20))
def test_smallest_enclosing_matches_the_scan(spans):
    intervals = [Interval(s, s + n, "indirect", Attribution("", "")) for s, n in spans]
    enclosing = _smallest_enclosing(intervals)
    for inner in intervals:
        outers = [o for o in intervals if o is not inner and o.start <= inner.start and inner.end <= o.end
                  and (o.end - o.start) > (inner.end - inner.start)]
        expected = min(outers, key=lambda o: o.end - o.start) if outers else None
        assert enclosing(inner) is expected


_PIECES = [", ", ",’ ", ",''  ", " according to", " citing", "citingly", " but", " while", " he ", " It ",
           " Kim ", " said", "x", "\n", "“", "to"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 120), st.integers(0, 120))
def test_comma_matches_match_the_search(pieces, start, end):
    import re

    from framing.attribution._grammar import _content_end, first_comma_match
    from framing.attribution._report_stages import _TURN

    text = "".join(pieces)
    start, end = min(start, len(text)), min(end, len(text))   # the engine's bounds lie in the text
    old = re.search(r",((?:''|[\"”’])?)\s+(?:according to|citing)\b", text[start:end])
    expected = start + old.end(1) if old else end
    while expected > start and (text[expected - 1].isspace() or text[expected - 1] in ",;:—–"):
        expected -= 1
    assert _content_end(text, start, end) == expected
    turn, new = _TURN.search(text, start, end), first_comma_match(_TURN, text, start, end)
    assert (turn and turn.span()) == (new and new.span())


# --- the faster searches of issue 7 find what the slower ones found ---

_WORDS = ["Kim", "Kim Jong Un", "Kimberly", "said", "say", "says", "Trump", "Trump's", "the", "@realDonaldTrump"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
       st.lists(st.sampled_from(_WORDS + [" ", "x", ".", "@", "’", "\n"]), max_size=30))
def test_trie_matches_the_longest_first_alternation(words, pieces):
    import re

    from framing.attribution._vocab import alternation, trie

    text = "".join(pieces)
    slow = re.compile(r"(?<![\w@])(?:" + alternation(words) + r")(?![\w])")
    fast = re.compile(r"(?<![\w@])" + trie(words) + r"(?![\w])")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "Said", "SAYS", "told", "according", "xsaid", "saidx", "sa", "id",
                                 " ", "-", "é", "’", "."]), max_size=25), st.integers(0, 40), st.integers(0, 40))
def test_cue_words_are_the_words_the_scan_finds(pieces, lo, width):
    import re

    from framing.attribution._cues import _cue_index, _cue_words, cuts_word

    text = "".join(pieces)
    lo = min(lo, len(text))
    hi = min(lo + width, len(text))
    index = _cue_index()[0]
    # a whole word of the text counts only where one of its forms stands whole (find_cues skips
    # the others); a run cut by the bounds is scanned on its own (and, cut by hi, the whole stretch)
    scan = [m.span() for m in re.finditer("[A-Za-z]+", text[lo:hi]) if m.group().lower() in index
            and (cuts_word(text, hi) or m.start() == 0 and cuts_word(text, lo)
                 or _form_loop(text, lo + m.start(), index[m.group().lower()]) is not None)]
    assert [(start - lo, end - lo) for start, end, _ in _cue_words(text, lo, hi)] == scan


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
       st.lists(st.sampled_from(_WORDS + [" ", "x", ".", "@", "’", "\n", "é"]), max_size=30))
def test_matches_after_are_the_lookbehind_matches(words, pieces):
    import re

    from framing.attribution._vocab import matches_after, trie

    text = "".join(pieces)
    behind = re.compile(r"(?<![\w@])" + trie(words) + r"(?![\w])")
    bare = re.compile(trie(words) + r"(?![\w])")
    assert [m.span() for m in matches_after(bare, text, re.compile(r"[\w@]"))] == \
        [m.span() for m in behind.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["and", "but", "yet", "then", "to", "went on", "as", "was", "quoted", "by", "on",
                                 "said", ",", " ", "  ", "\n", "x", "sand", "toe", "while", "whereas", "now"]), max_size=25),
       st.integers(0, 60), st.integers(0, 60))
def test_searches_before_a_cue_find_what_the_patterns_find(pieces, lo, hi):
    from framing.attribution import _grammar as g

    text = " ".join(pieces)
    lo, hi = min(lo, len(text)), min(hi, len(text))
    def next_report(text, lo, hi):
        return g.coordinated_before(text, lo, hi, g.NEXT_REPORT)
    for fast, pattern in ((g.coordinated_before, g._COORDINATED[0]), (next_report, g.NEXT_REPORT[0]),
                          (g.quoted_as_before, g._QUOTED_AS),
                          (g._participle_lead, g._PARTICIPLE_LEAD), (g._infinitive_lead, g._INFINITIVE_LEAD)):
        found, expected = fast(text, lo, hi), pattern.search(text, lo, hi)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["he", "He", "the official", "Mr.", "Sen.", "Kim", "Jong", "Un", "officials", "(",
                                 ",", " ", "  ", "\n", "x", "O’Brien", "-", "said"]), max_size=20))
def test_searches_at_the_end_find_what_the_patterns_find(pieces):
    from framing.attribution._subjects import _NAME_BEFORE, _NP_BEFORE
    from framing.attribution._vocab import description_before, description_pattern, search_last_runs

    window = "".join(pieces)
    for found, expected in ((search_last_runs(_NAME_BEFORE, window, 5), _NAME_BEFORE.search(window)),
                            (search_last_runs(_NP_BEFORE, window, 6), _NP_BEFORE.search(window)),
                            (description_before(window), description_pattern().search(window))):
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "a", "An", "new", "poll", "polls", "report", "airport", "study", "-",
                                 " ", "  ", "\n", "x", "survey", "analysis", "2", "think tank"]), max_size=25))
def test_document_phrases_are_the_pattern_matches(pieces):
    from framing.attribution._segments import _DOCUMENT_NP, _document_phrases

    text = "".join(pieces)
    assert [m.span() for m in _document_phrases(text)] == [m.span() for m in _DOCUMENT_NP.finditer(text)]



def test_whole_text_scans_are_remembered_per_thread():
    """``_layout.per_text`` (the cue-word and pattern scans of a whole text, which its units ask
    for in turn) keeps one last text per thread: a thread splitting another document (Dask's
    threaded scheduler) neither overwrites nor reuses this thread's scan."""
    import threading

    from framing.attribution._layout import per_text

    calls = []

    def scan(text):
        calls.append(text)
        return len(text)

    first, second = "Kim said talks went on.", "Moon said the plan was fair."
    assert per_text("test scan", first, scan) == len(first)
    other = threading.Thread(target=per_text, args=("test scan", second, scan))
    other.start()
    other.join()
    assert per_text("test scan", first, scan) == len(first)   # still this thread's: not scanned again
    assert calls == [first, second]
