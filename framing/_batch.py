"""Helpers of the measures that score many texts at once: words as integer ids, so that what a
word means is looked up once per distinct word and the rest is numpy."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from itertools import chain, count, repeat

import numpy as np

#: Texts per batch: the word-level arrays of a batch take ~0.4 kB per text, so batches keep the
#: memory flat whatever the corpus size (issue 11: the whole archive in under 1 GB).
BATCH = 20_000


def ascii_translation(keep: str, *, lower: bool) -> bytes:
    """A ``bytes.translate`` table that keeps the ASCII characters in ``keep`` (lower-cased with
    ``lower``) and makes every other byte a space: ``text.encode().translate(table).split()``
    gives an ASCII text's runs of those characters, in C."""
    kept = {ord(c) for c in keep}
    return bytes((ord(chr(c).lower()) if lower else c) if c in kept else 32 for c in range(256))


def in_batches(function, texts: list[str], *args) -> np.ndarray:
    """``function(batch, *args)`` on consecutive batches of ``texts``, rows concatenated."""
    if len(texts) <= BATCH:
        return function(texts, *args)
    first = function(texts[:BATCH], *args)
    out = np.empty((len(texts), *first.shape[1:]), dtype=first.dtype)  # filled in place: no list of parts
    out[:BATCH] = first
    del first
    for i in range(BATCH, len(texts), BATCH):
        out[i:i + BATCH] = function(texts[i:i + BATCH], *args)
    return out


def token_ids(tokens: list[str]) -> tuple[np.ndarray, list[str]]:
    """Ids of ``tokens`` (0 .. distinct - 1, in order of first sight) and the distinct tokens."""
    first_seen: dict[str, int] = {}
    # one hash lookup per token: each token gets the running count at its first sight
    sparse = np.fromiter(map(first_seen.setdefault, tokens, count()), dtype=np.intp, count=len(tokens))
    dense = np.zeros(len(tokens), dtype=np.intp)
    dense[np.fromiter(first_seen.values(), dtype=np.intp, count=len(first_seen))] = np.arange(len(first_seen))
    return dense[sparse], list(first_seen)


def ragged_take(pointers: np.ndarray, values: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each entry of ``rows``, the slice ``values[pointers[r]:pointers[r + 1]]``, all
    concatenated, and the index into ``rows`` each value comes from."""
    lengths = pointers[rows + 1] - pointers[rows]
    owner = np.repeat(np.arange(len(rows)), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return values[pointers[rows][owner] + offsets], owner


def groups(keys: np.ndarray, items: np.ndarray):
    """(key, items with that key) for each run of equal keys (``keys`` ascending)."""
    if not len(keys):
        return
    cuts = np.flatnonzero(np.diff(keys)) + 1
    for a, b in zip(np.concatenate([[0], cuts]), np.concatenate([cuts, [len(keys)]])):
        yield int(keys[a]), items[a:b]


def ordered_sums(columns: list[np.ndarray], owner: np.ndarray, n: int) -> list[np.ndarray]:
    """Per owner, ``0.0 + v1 + v2 + ...`` left to right (``owner`` ascending, values in order)
    for each array of values: the floats of Python's ``sum`` over each owner's values."""
    counts = np.bincount(owner, minlength=n)
    rank = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    order = np.argsort(rank, kind="stable")
    bounds = np.searchsorted(rank[order], np.arange(counts.max(initial=0) + 1))
    totals = [np.zeros(n) for _ in columns]
    for a, b in zip(bounds[:-1], bounds[1:]):  # the r-th value of every owner that has one
        chosen = order[a:b]
        for total, values in zip(totals, columns):
            total[owner[chosen]] += values[chosen]
    return totals


class Tokens:
    """The whitespace-separated tokens (``str.split()``) of many texts, as ids into one
    vocabulary, split in batches so that only the distinct tokens stay in memory.

    Every measure of ``framing.score`` starts from these tokens: VADER's words are them, and
    TextBlob's, the cue codebook's, the news model's and the language guesser's words never span
    whitespace, so each measure splits each distinct token once (:meth:`Tokens.take`) instead
    of tokenising every text."""

    def __init__(self, texts: list[str]):
        seen: dict[str, int] = {}
        sparse, lengths = [], []
        for i in range(0, len(texts), BATCH):
            token_lists = list(map(str.split, texts[i:i + BATCH]))
            lengths.append(np.fromiter(map(len, token_lists), dtype=np.intp, count=len(token_lists)))
            flat = list(chain.from_iterable(token_lists))
            del token_lists
            # each new token gets the running count at its first sight (made dense below)
            sparse.append(np.fromiter(map(seen.setdefault, flat, count(sum(map(len, sparse)))), dtype=np.int32,
                                      count=len(flat)))
        sparse = np.concatenate(sparse) if sparse else np.zeros(0, dtype=np.int32)
        dense = np.zeros(len(sparse), dtype=np.int32)  # int32: 4 bytes a token of the corpus
        dense[np.fromiter(seen.values(), dtype=np.intp, count=len(seen))] = np.arange(len(seen))
        self.ids = dense[sparse]
        del sparse, dense
        self.vocabulary = list(seen)
        self.lengths = np.concatenate(lengths) if lengths else np.zeros(0, dtype=np.intp)
        self.pointers = np.concatenate([[0], np.cumsum(self.lengths)])
        self.index = {text: k for k, text in enumerate(texts)}
        self._splits: dict = {}

    def take(self, texts: list[str], split=None) -> tuple[np.ndarray, np.ndarray, list[str]] | None:
        """``(ids, pieces per text, distinct pieces)`` of ``texts`` (all of them held here; else
        None): the texts' tokens, or with ``split`` each token's ``split(token)`` pieces, in order,
        as ids into the distinct pieces they use."""
        rows = self.rows(texts)
        if rows is None:
            return None
        ids, owner = ragged_take(self.pointers, self.ids, rows)
        counts, vocabulary = self.lengths[rows], self.vocabulary
        if split is not None:
            pointers, piece_ids, vocabulary = self._pieces(split)
            ids, of_token = ragged_take(pointers, piece_ids, ids)
            counts = np.bincount(owner[of_token], minlength=len(rows)).astype(np.intp)
        used = np.zeros(len(vocabulary), dtype=bool)
        used[ids] = True
        kept = np.flatnonzero(used)
        local = np.cumsum(used, dtype=np.intp) - 1
        return local[ids], counts, list(map(vocabulary.__getitem__, kept.tolist()))

    def rows(self, texts: list[str]) -> np.ndarray | None:
        """The row of each text here (None unless all are held)."""
        rows = np.fromiter(map(self.index.get, texts, repeat(-1)), dtype=np.intp, count=len(texts))
        return None if (rows < 0).any() else rows

    def _pieces(self, split) -> tuple[np.ndarray, np.ndarray, list]:
        """Per token, ``split(token)`` as ids into the distinct pieces (pointers, ids, pieces):
        computed once per distinct token and split function."""
        if split not in self._splits:
            piece_lists = list(map(split, self.vocabulary))
            piece_ids, pieces = token_ids(list(chain.from_iterable(piece_lists)))
            lengths = np.fromiter(map(len, piece_lists), dtype=np.intp, count=len(piece_lists))
            self._splits[split] = (np.concatenate([[0], np.cumsum(lengths)]), piece_ids, pieces)
        return self._splits[split]


# the tokens of the texts of the running ``score`` call, per thread (Dask's threaded scheduler
# scores partitions at the same time)
_THREAD = threading.local()


def _shared() -> list[Tokens]:
    if not hasattr(_THREAD, "stack"):
        _THREAD.stack = []
    return _THREAD.stack


@contextmanager
def shared_tokens(texts: list[str]):
    """Within the block, :func:`tokens` of any list of ``texts``'s texts reads them from one
    :class:`Tokens` (``framing.score`` hands every measure the same texts)."""
    stack = _shared()
    stack.append(Tokens(texts))
    try:
        yield
    finally:
        stack.pop()


def tokens(texts: list[str], split=None) -> tuple[np.ndarray, np.ndarray, list]:
    """``(ids, pieces per text, distinct pieces)``: every text's ``str.split()`` tokens in order,
    or with ``split`` their pieces ``split(token)`` (a sequence; the pieces of a text must be
    those of its tokens in turn), as ids into the distinct pieces; one :class:`Tokens` shared by
    the calls within :func:`shared_tokens`."""
    stack = _shared()
    if stack:
        taken = stack[-1].take(texts, split)
        if taken is not None:
            return taken
    return Tokens(texts).take(texts, split)


def token_counts(texts: list[str]) -> np.ndarray:
    """``len(text.split())`` of each text (read from the shared split when it holds them)."""
    stack = _shared()
    rows = stack[-1].rows(texts) if stack else None
    if rows is not None:
        return stack[-1].lengths[rows]
    return np.fromiter(map(len, map(str.split, texts)), dtype=np.intp, count=len(texts))
