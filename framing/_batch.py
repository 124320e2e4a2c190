"""Helpers of the measures that score many texts at once: words as integer ids, so that what a
word means is looked up once per distinct word and the rest is numpy."""

from __future__ import annotations

from itertools import count

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
    return np.concatenate([function(texts[i:i + BATCH], *args) for i in range(0, len(texts), BATCH)])


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
