"""The shared whitespace split of ``framing.score`` (``framing._batch.tokens``): each measure's
words read from the distinct tokens equal its words of the whole text, and the batch paths built
on it equal the per-text paths."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing._batch import _shared, shared_tokens, tokens
from framing._sentiment_textblob import (_fast_tokens, _one_text_means, _textblob_means, _token_pieces,
                                         _tokenizer_constants)
from framing.model import _WORD_PATTERN, _words_of_token
from framing.sentiment import textblob_sentiment
from framing.cues import _pieces_of_token as _cue_pieces
from framing.text import _ANY_STOPWORD, _WORD, _WORD_RE, _function_words

# Whitespace of every kind str.split() knows, letters whose lower case depends on their
# neighbours or is longer, apostrophes, quotes and the punctuation the tokenizers split off.
_PIECES = ["Talks", "good", "the", "La", "und", "de", "Die", "very", "not", "n't", "don't", "Kim's", "U.S.", "ΣΑΣ", "İstanbul", "café", "x", "D",
           ":", ")", "(", "!", "?", ".", "...", ",", "'", "\u2019", "\u201c", "\u201d", '"', "-", "_", "42",
           "END-OF-SENTENCE", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00a0", "\u2028", "\x1c", "\u3000"]
_TEXTS = st.lists(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join), min_size=1, max_size=8)


def _per_text(ids, counts, distinct) -> list[list[str]]:
    bounds = np.concatenate([[0], np.cumsum(counts)])
    return [[distinct[i] for i in ids[a:b]] for a, b in zip(bounds[:-1], bounds[1:])]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_pieces_of_the_tokens_equal_the_words_of_each_text(texts):
    import re

    news = re.compile(_WORD_PATTERN)
    assert _per_text(*tokens(texts)) == [t.split() for t in texts]
    assert _per_text(*tokens(texts, _WORD.findall)) == [_WORD.findall(t) for t in texts]
    assert _per_text(*tokens(texts, _cue_pieces)) == [re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*|[.,;:!?]", t) for t in texts]
    assert _per_text(*tokens(texts, _function_words)) == [
        [w for w in _WORD_RE.findall(t.lower()) if w in _ANY_STOPWORD] for t in texts]
    assert _per_text(*tokens(texts, _words_of_token)) == [news.findall(t.lower()) for t in texts]
    # TextBlob's words where pattern rewrites nothing (no paragraph, sarcasm mark or emoticon)
    constants = _tokenizer_constants()
    for text, words in zip(texts, _per_text(*tokens(texts, _token_pieces))):
        joined = " ".join(words)
        if "\n" not in text and not constants["sarcasm"].search(joined) and not constants["emoticons"].search(joined):
            assert words == _fast_tokens(text), text


@settings(max_examples=100, deadline=None)
@given(_TEXTS, st.data())
def test_shared_tokens_give_any_subset_what_it_gives_alone(texts, data):
    subset = data.draw(st.lists(st.sampled_from(texts), max_size=6))
    alone = tokens(subset, _WORD.findall)
    with shared_tokens(list(dict.fromkeys(texts))):
        shared = tokens(subset, _WORD.findall)
        also = tokens(subset + ["a text the shared split does not hold"], _WORD.findall)
    assert _per_text(*shared) == _per_text(*alone) == [_WORD.findall(t) for t in subset]
    assert _per_text(*also)[-1] == ["a", "text", "the", "shared", "split", "does", "not", "hold"]


# TextBlob's rules, each next to the text that stops the batch shortcut (adverbs, negations, "!",
# emoticons spaced or not, sarcasm, paragraphs, the END-OF-SENTENCE marker)
TEXTBLOB = [
    "A good deal.", "A very good deal.", "Not good.", "It wasn't good at all", "Good!", "good!!! bad", "Good :)",
    "Good : )", "Max Dillon was good", "great x D", "great (!) news", "great ( ! ) news", "Good.\n\nBad.",
    "Good END-OF-SENTENCE bad", "", "nothing here", "He said \u201cwonderful\u201d and 'terrible'", "never good",
    "Really, truly awful", "<3 good", "good <3", "\u2665 good", "happy o_O", "happy o . O", "bad bad bad good",
]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(TEXTBLOB + _PIECES), min_size=1, max_size=12).map(" ".join))
def test_textblob_batch_equals_the_port_per_text(text):
    texts = [text, *TEXTBLOB]
    expected = [_one_text_means(_fast_tokens(t)) for t in texts]
    assert _textblob_means(texts).tolist() == [list(row) for row in expected]


def test_textblob_batch_equals_the_library():
    table = _textblob_means(TEXTBLOB)
    assert table.tolist() == [list(textblob_sentiment(t, engine="library")) for t in TEXTBLOB]
    assert table[TEXTBLOB.index("A very good deal.")].tolist() != table[TEXTBLOB.index("A good deal.")].tolist()


# Words of multi-word cues (overlapping ones: "nuclear forces" / "military forces", "failed to"
# / "failed"), negators, clause breaks, "US", capitals and letters lower-cased by context
_CUE_WORDS = ["in", "a", "statement", "bid", "to", "blame", "nuclear", "forces", "force", "military", "war", "of",
              "words", "failed", "failure", "moving", "forward", "progress", "no", "not", "never", "don't", "US", "us",
              "we", "NATO", "ALLIANCE", "U.N.", "u.n", "sanctions", "human", "rights", "abuses", "\u0130stanbul",
              "\u03a3IGMA", ",", ".", "!", ";", " ", "  ", "\n", "-", "'", "not,", "forces.", "in,", "no-progress", "(US)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CUE_WORDS), max_size=30).map(" ".join), min_size=1, max_size=6))
def test_cue_batch_equals_the_scan_of_each_text(texts):
    import math

    from framing.cues import CUE_FAMILIES, _scan_tuples, cue_counts

    families = tuple(CUE_FAMILIES)
    table = cue_counts(texts).to_numpy()
    for k, text in enumerate(texts):
        found, n = _scan_tuples(text, families)
        assert table[k, -1] == n, text
        for f, family in enumerate(families):
            count = sum(match[1] == family for match in found)
            value = table[k, f]
            assert (math.isnan(value) if n == 0 else value == (count * (100.0 / n) if count else 0.0)), (text, family)


def test_shared_tokens_are_per_thread():
    # Dask's threaded scheduler scores partitions at once: each thread reads its own split
    import threading

    seen = {}

    def score_in_thread(name, texts):
        with shared_tokens(texts):
            barrier.wait()
            seen[name] = (list(_shared()[-1].index), _per_text(*tokens(texts, _WORD.findall)))
            barrier.wait()

    barrier = threading.Barrier(2)
    threads = [threading.Thread(target=score_in_thread, args=(name, texts))
               for name, texts in (("a", ["Talks resumed today."]), ("b", ["No deal, no talks."]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"a": (["Talks resumed today."], [["Talks", "resumed", "today"]]),
                    "b": (["No deal, no talks."], [["No", "deal", "no", "talks"]])}
