"""Cue-family counts of many texts at once (what :func:`framing.cues.cue_counts` and
``framing.score`` need), with the same numbers as scanning each text on its own.

Most words of a corpus start no cue, or only one-word cues: a text whose every cue is of that
kind counts, per family, the words that start one (a family once per word), plus its ``!`` marks
and its all-caps words. That needs no offsets, so it runs on word ids for all texts of a batch
together (numpy). A text where that could be wrong is scanned on its own by
:func:`framing.cues._scan_tuples`, the reference rules: a multi-word cue whose words all follow,
a cue with a ``negated_as`` family that has a negator among the three words before it, a letter
whose lower case depends on its neighbours (final sigma, "İ").
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

from ._batch import in_batches, ragged_take, tokens

# Lower-casing is per character except for the Greek capital sigma (final form at the end of a
# word) and "İ" (the one character whose lower case is longer): texts with them are scanned alone.
_CONTEXT_CASE = ("\u03a3", "\u0130")


def batch_rates(texts: list[str], *args) -> tuple[np.ndarray, np.ndarray]:
    """Matches per 100 words (texts x families; NaN rows for texts without words) and the word
    counts of ``texts``, as ``scan_tuples(text, wanted)`` gives them text by text; columns of
    families outside ``wanted`` stay 0. ``args``: those of :func:`_rates`."""
    table = in_batches(_rates, texts, *args)
    return table[:, :-1], table[:, -1].astype(np.int64)


def _rates(texts: list[str], families, wanted, matcher, word_pattern, norm, negator, rest_matches, scan_tuples) -> np.ndarray:
    """``batch_rates`` of one batch, the word counts as the last column."""
    n_texts, n_families = len(texts), len(families)
    column = {f: k for k, f in enumerate(families) if f in wanted}
    counts = np.zeros((n_texts, n_families))
    # words: those of each distinct whitespace token (no word spans whitespace)
    ids, n_words, vocabulary = tokens(texts, word_pattern.findall)
    text_of = np.repeat(np.arange(n_texts), n_words)
    n_words = n_words.astype(np.int64)
    alone = np.zeros(n_texts, dtype=bool)  # texts the reference scan takes
    joined = "\n".join(texts)
    for char in _CONTEXT_CASE:
        if char in joined:
            alone |= np.fromiter(map(str.__contains__, texts, repeat(char)), dtype=bool, count=n_texts)
    del joined

    # per distinct word: the families its one-word cues count for, and whether it may be more
    starts, pairs = matcher._starts, matcher._pairs
    lowered = list(map(norm, vocabulary))
    fam_pointers, fam_columns = [0], []
    multi = np.zeros(len(vocabulary), dtype=bool)
    negatable = np.zeros(len(vocabulary), dtype=bool)
    caps = np.zeros(len(vocabulary), dtype=bool)
    count_caps = "allcaps" in column
    for k, (raw, word) in enumerate(zip(vocabulary, lowered)):
        entries = starts[word]
        if entries:
            seen = []
            for pattern, family, negated_as, _cue, _spans in entries:
                if len(pattern) > 1:
                    multi[k] = True
                    continue
                if negated_as:
                    negatable[k] = True  # its own family unless a negator comes before it
                if family in column and family not in seen and not (family == "we" and raw == "US"):
                    seen.append(family)
            fam_columns.extend(column[f] for f in seen)
        fam_pointers.append(len(fam_columns))
        if count_caps and raw != word and raw.isupper() and sum(ch.isalpha() for ch in raw) >= 3 \
                and word.replace(".", "") not in matcher.allcaps_exclude:
            caps[k] = True
    fam_pointers = np.asarray(fam_pointers, dtype=np.intp)
    fam_columns = np.asarray(fam_columns, dtype=np.intp)

    # a cue with a negated_as family is negated only with a negator among the 3 words before it
    first = np.repeat(np.cumsum(n_words) - n_words, n_words)  # each word's text start
    is_negator = np.fromiter(map(negator, lowered), dtype=bool, count=len(lowered))
    last_negator = np.maximum.accumulate(np.where(is_negator[ids], np.arange(len(ids)), -1)) if len(ids) else ids
    at = np.flatnonzero(negatable[ids])
    at = at[at > 0]
    alone[text_of[at[last_negator[at - 1] >= np.maximum(at - 3, first[at])]]] = True
    # a multi-word cue matters only where the words after it (same text) are the cue's
    at = np.flatnonzero(multi[ids])
    if len(at):
        end = np.cumsum(n_words)[text_of[at]]  # past the last word of the text
        following = np.where(at + 1 == end, -1, ids[np.minimum(at + 1, len(ids) - 1)])
        keys = ids[at] * (len(vocabulary) + 1) + (following + 1)
        distinct, inverse = np.unique(keys, return_inverse=True)
        fits = np.array([
            any(len(entry[0]) > 1 for entry in pairs[lowered[key // (len(vocabulary) + 1)],
                                                     None if key % (len(vocabulary) + 1) == 0
                                                     else lowered[key % (len(vocabulary) + 1) - 1]])
            for key in distinct.tolist()
        ], dtype=bool)
        for p, stop in zip(at[fits[inverse]].tolist(), end[fits[inverse]].tolist()):
            words = [lowered[i] for i in ids[p:min(p + matcher.longest, stop)].tolist()]
            if any(len(pattern) > 1 and len(pattern) <= len(words) and rest_matches(words, 0, pattern)
                   for pattern, *_entry in pairs[words[0], words[1]]):
                alone[text_of[p]] = True

    simple = ~alone[text_of]
    at = np.flatnonzero(simple & (fam_pointers[ids + 1] > fam_pointers[ids]))
    fam, owner = ragged_take(fam_pointers, fam_columns, ids[at])
    np.add.at(counts, (text_of[at][owner], fam), 1.0)
    if count_caps:
        np.add.at(counts[:, column["allcaps"]], text_of[simple & caps[ids]], 1.0)
    if "exclamation" in column:
        counts[:, column["exclamation"]] = np.fromiter(map(str.count, texts, repeat("!")), dtype=float, count=n_texts)

    for t in np.flatnonzero(alone).tolist():
        counts[t] = 0.0
        found, _n = scan_tuples(texts[t], wanted)
        for match in found:
            counts[t, column[match[1]]] += 1
    with np.errstate(divide="ignore", invalid="ignore"):
        values = counts * (100.0 / n_words)[:, None]
    values[n_words == 0] = np.nan
    return np.column_stack([values, n_words])
