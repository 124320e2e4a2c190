"""Lookup tables of the cue matcher (:mod:`framing.cues`), filled on first sight of a word.

Both are dicts whose misses are computed by ``__missing__``, so the hot loop of ``cues._scan``
looks words up with ``map(table.__getitem__, words)`` in C.
"""

from __future__ import annotations


class _Starts(dict):
    """word -> the cues that can start there, computed on first sight (lookups run in C)."""

    def __init__(self, matcher):
        super().__init__()
        self.matcher = matcher

    def __missing__(self, word: str) -> tuple:
        found = self[word] = self.matcher._find_starts(word)
        return found


class _Pairs(dict):
    """(word, next word or None) -> the cues starting at the word whose second word can match
    the next one (single-word cues always), in codebook order: "in" starts many cues ("in a
    statement", "in fact" ...) but few fit the word after it."""

    def __init__(self, matcher):
        super().__init__()
        self.matcher = matcher

    def __missing__(self, pair: tuple) -> tuple:
        word, following = pair
        if len(self) > 1_000_000:
            self.clear()
        found = self[pair] = tuple(
            entry for entry in self.matcher._starts[word]
            if len(entry[0]) == 1 or following is not None and (
                following.startswith(entry[0][1][0]) if entry[0][1][1] else following == entry[0][1][0])
        )
        return found
