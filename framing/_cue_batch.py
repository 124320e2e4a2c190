"""Cue-family counts of many texts at once (what :func:`framing.cues.cue_counts` and
``framing.score`` need), with the same numbers as scanning each text on its own.

The texts' words come from the shared whitespace split (:func:`framing._batch.tokens`), with a
mark wherever a clause break (``. , ; : ! ?``) stands between two words. Most words of a corpus
start no cue, or only one-word cues: such a word counts for each family of its cues (once per
family), or, when a negator comes among the three words before it with no clause break in
between, for the ``negated_as`` family where its cue names one; plus the ``!`` marks and the
all-caps words. That needs no offsets, so it runs on word ids for all texts of a batch together
(numpy). Only the words under a multi-word cue whose words all follow are counted in order as
the reference rules do (a match hides later matches of its family within its span), from word
ids. A text with a letter whose lower case depends on its neighbours (final sigma, "İ") is
scanned on its own by :func:`framing.cues._scan_tuples`, the reference rules.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

from ._batch import in_batches, ragged_take, tokens

# Lower-casing is per character except for the Greek capital sigma (final form at the end of a
# word) and "İ" (the one character whose lower case is longer): texts with them are scanned alone.
_CONTEXT_CASE = ("\u03a3", "\u0130")
_BREAKS = frozenset(".,;:!?")  # the clause-break marks among the pieces of a text (cues._CLAUSE_BREAK)


def batch_rates(texts: list[str], *args) -> tuple[np.ndarray, np.ndarray]:
    """Matches per 100 words (texts x families; NaN rows for texts without words) and the word
    counts of ``texts``, as ``scan_tuples(text, wanted)`` gives them text by text; columns of
    families outside ``wanted`` stay 0. ``args``: those of :func:`_rates`."""
    table = in_batches(_rates, texts, *args)
    return table[:, :-1], table[:, -1].astype(np.int64)


def _rates(texts: list[str], families, wanted, matcher, pieces_of_token, norm, negator, rest_matches, scan_tuples) -> np.ndarray:
    """``batch_rates`` of one batch, the word counts as the last column."""
    n_texts, n_families = len(texts), len(families)
    column = {f: k for k, f in enumerate(families) if f in wanted}
    counts = np.zeros((n_texts, n_families))
    # words and clause-break marks: those of each distinct whitespace token (none spans whitespace)
    ids, n_pieces, vocabulary = tokens(texts, pieces_of_token)
    is_word = ~np.fromiter(map(_BREAKS.__contains__, vocabulary), dtype=bool, count=len(vocabulary))[ids]
    breaks = np.cumsum(~is_word)[is_word]  # marks up to each word: none between two words if equal
    ids = ids[is_word]
    n_words = np.bincount(np.repeat(np.arange(n_texts), n_pieces)[is_word], minlength=n_texts).astype(np.int64)
    text_of = np.repeat(np.arange(n_texts), n_words)
    alone = np.zeros(n_texts, dtype=bool)  # texts the reference scan takes
    joined = "\n".join(texts)
    for char in _CONTEXT_CASE:
        if char in joined:
            alone |= np.fromiter(map(str.__contains__, texts, repeat(char)), dtype=bool, count=n_texts)
    del joined

    # per distinct word: the families its one-word cues count for, and whether it may be more
    starts, pairs = matcher._starts, matcher._pairs
    lowered = list(map(norm, vocabulary))
    n_vocabulary = len(vocabulary)
    entries_of = list(map(starts.__getitem__, lowered))
    has_cue = np.fromiter(map(bool, entries_of), dtype=bool, count=n_vocabulary)
    fam_counts = np.zeros(n_vocabulary, dtype=np.intp)
    negated_counts = np.zeros(n_vocabulary, dtype=np.intp)
    fam_columns, negated_columns = [], []  # (the negated ones: the families where a negator comes before)
    multi = np.zeros(n_vocabulary, dtype=bool)
    negatable = np.zeros(n_vocabulary, dtype=bool)
    caps = np.zeros(n_vocabulary, dtype=bool)
    for k in np.flatnonzero(has_cue).tolist():  # (most words start no cue: only those with one, in order)
        raw = vocabulary[k]
        best: dict[str, str] = {}  # family -> negated_as of its first one-word cue here
        for pattern, family, negated_as, _cue, _spans in entries_of[k]:
            if len(pattern) > 1:
                multi[k] = True
            elif family not in best and not (family == "we" and raw == "US"):  # "US": the country
                best[family] = negated_as
        plain = [column[f] for f in best if f in column]
        fam_columns.extend(plain)
        fam_counts[k] = len(plain)
        if any(best.values()):  # negated: counted for negated_as, once per family counted
            negatable[k] = True
            plain = [column[f] for f in dict.fromkeys(na or f for f, na in best.items()) if f in column]
        negated_columns.extend(plain)
        negated_counts[k] = len(plain)
    if "allcaps" in column:  # (only a word with an upper-case letter and no lower-case one can be)
        for k in np.flatnonzero(np.fromiter(map(str.isupper, vocabulary), dtype=bool, count=n_vocabulary)).tolist():
            raw, word = vocabulary[k], lowered[k]
            if raw != word and sum(ch.isalpha() for ch in raw) >= 3 and word.replace(".", "") not in matcher.allcaps_exclude:
                caps[k] = True
    count_caps = "allcaps" in column
    fam_pointers = np.concatenate([[0], np.cumsum(fam_counts)]).astype(np.intp)
    negated_pointers = np.concatenate([[0], np.cumsum(negated_counts)]).astype(np.intp)
    us = vocabulary.index("US") if "US" in vocabulary else -1
    fam_columns = np.asarray(fam_columns, dtype=np.intp)
    negated_columns = np.asarray(negated_columns, dtype=np.intp)

    # a cue is negated by the nearest negator among the 3 words before it, with no clause break
    # between them (cues._negated)
    first = np.repeat(np.cumsum(n_words) - n_words, n_words)  # each word's text start
    is_negator = np.fromiter(map(negator, lowered), dtype=bool, count=len(lowered))
    last_negator = np.maximum.accumulate(np.where(is_negator[ids], np.arange(len(ids)), -1)) if len(ids) else ids
    nearest = np.concatenate([[-1], last_negator[:-1]]) if len(ids) else ids  # before each word
    negated = (nearest >= np.maximum(np.arange(len(ids)) - 3, first)) & (breaks == breaks[np.maximum(nearest, 0)])
    # a multi-word cue matters only where the words after it (same text) are the cue's: texts
    # with one have their cues counted in order (a match hides the next ones of its family)
    in_order = np.zeros(n_texts, dtype=bool)
    spans = np.zeros(len(ids) + 1, dtype=np.intp)  # +1 where a match starts, -1 past its end
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
            longest = max((len(pattern) for pattern, *_entry in pairs[words[0], words[1]]
                           if len(pattern) > 1 and len(pattern) <= len(words) and rest_matches(words, 0, pattern)), default=0)
            if longest:
                in_order[text_of[p]] = True
                spans[p] += 1
                spans[p + longest] -= 1
    in_order &= ~alone
    # only words under a multi-word match can be hidden by one: the others count as usual
    in_span = (np.cumsum(spans[:-1]) > 0) & in_order[text_of]

    simple = ~(alone[text_of] | in_span)
    for pointers, columns, where in ((fam_pointers, fam_columns, ~negated), (negated_pointers, negated_columns, negated)):
        at = np.flatnonzero(simple & where & (pointers[ids + 1] > pointers[ids]))
        fam, owner = ragged_take(pointers, columns, ids[at])
        np.add.at(counts, (text_of[at][owner], fam), 1.0)
    if in_order.any():
        chosen = np.flatnonzero(in_order[text_of])  # the words of those texts, in order
        ends = np.cumsum(np.where(in_order, n_words, 0))[text_of[chosen]]  # past each one's text
        _count_in_order(counts, text_of[chosen].tolist(), ends.tolist(), list(map(lowered.__getitem__, ids[chosen].tolist())),
                        np.flatnonzero(in_span[chosen] & has_cue[ids[chosen]]).tolist(), breaks[chosen].tolist(), negated[chosen].tolist(),
                        (ids[chosen] == us).tolist(), column, pairs, rest_matches)
    if count_caps:
        np.add.at(counts[:, column["allcaps"]], text_of[~alone[text_of] & caps[ids]], 1.0)
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


def _count_in_order(counts: np.ndarray, text_of: list[int], ends: list[int], words: list[str], cue_at: list[int],
                    breaks: list[int], negated: list[bool], is_us: list[bool], column: dict, pairs, rest_matches) -> None:
    """Add the cue matches at the words ``cue_at`` of texts to ``counts`` as the loop of
    :func:`framing.cues._scan_tuples` finds them. Per word of the texts, one after the other: its
    text, the end of its text, its lower case, the clause breaks up to it, whether a negator
    comes before it, whether it is "US"."""
    text, next_free, row = -1, {}, None
    for i in cue_at:
        if text_of[i] != text:
            text, next_free, row = text_of[i], {}, counts[text_of[i]]
        end = ends[i]
        best: dict[str, tuple] = {}
        for entry in pairs[words[i], words[i + 1] if i + 1 < end else None]:
            pattern, family = entry[0], entry[1]
            n = len(pattern)
            if n > 1 and (i + n > end or not rest_matches(words, i, pattern)
                          or not entry[4] and breaks[i + n - 1] != breaks[i]):
                continue
            if family == "we" and is_us[i]:
                continue  # the country, not "us"
            if family not in best or n > len(best[family][0]):
                best[family] = entry
        for family, (pattern, _family, negated_as, _cue, _spans) in best.items():
            counted = negated_as if (negated[i] and negated_as) else family
            if i < next_free.get(counted, 0):
                continue
            next_free[counted] = i + len(pattern)
            if counted in column:
                row[column[counted]] += 1
