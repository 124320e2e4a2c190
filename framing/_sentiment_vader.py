"""Port of VADER's ``SentimentIntensityAnalyzer.polarity_scores``, reading the library's own
lexicon and constants. Private: use :mod:`framing.sentiment`.

Statement by statement the same float operations as vaderSentiment 3.3.2 (its quirks kept),
without the per-call overhead; ``tests/test_sentiment.py`` checks identical output on every
sentence of the shared corpora.
"""

from __future__ import annotations

import heapq
import math
import string
from functools import lru_cache
from itertools import compress, repeat

import numpy as np

from ._batch import groups, in_batches, ordered_sums, token_ids, tokens


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment import vaderSentiment as vs

    analyzer = vs.SentimentIntensityAnalyzer()
    return {
        "module": vs,
        "analyzer": analyzer,
        "lexicon": analyzer.lexicon,
        "emoji_chars": frozenset(analyzer.emojis),
        "booster": vs.BOOSTER_DICT,
        "special": vs.SPECIAL_CASES,
        "negate": frozenset(vs.NEGATE),
        # every word of the special cases and multi-word boosters that _special_idioms looks up
        "idiom_words": frozenset(w for key in (*vs.SPECIAL_CASES, *vs.BOOSTER_DICT) if " " in key for w in key.split()),
    }


def _vader_prepare(text: str) -> tuple[str, list[str]]:
    """VADER's text after emoji replacement, and its words_and_emoticons."""
    vd = _vader()
    if not vd["emoji_chars"].isdisjoint(text):
        emojis = vd["analyzer"].emojis
        out, prev_space = [], True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        text = "".join(out)
    text = text.strip()
    return text, list(map(_vader_word, text.split()))


@lru_cache(maxsize=1 << 18)
def _vader_word(token: str) -> str:
    """VADER's ``_strip_punc_if_word`` (cached: far fewer distinct tokens than tokens)."""
    stripped = token.strip(string.punctuation)
    return token if len(stripped) <= 2 else stripped


def _negated(word: str, negate) -> bool:
    return word in negate or "n't" in word


def _vader_valences(words: list[str], at=None) -> list[float]:
    """Port of VADER's per-word valence loop and but-check (same float operations).

    ``at``: only these positions (lexicon words) are scored and the but-check is left to the
    caller (the batch scores the other words itself)."""
    vd = _vader()
    lexicon, booster, special, negate = vd["lexicon"], vd["booster"], vd["special"], vd["negate"]
    idiom_words = vd["idiom_words"]
    n_scalar, c_incr = -0.74, 0.733
    lower = list(map(str.lower, words))
    count = len(words)
    allcaps = sum(map(str.isupper, words))
    is_cap_diff = 0 < count - allcaps < count
    # Words outside the lexicon (and boosters, and "kind" before "of") score 0: only the
    # lexicon words run the rules below (same statements, same order as the library's loop).
    sentiments: list[float] = [0] * count
    for i in compress(range(count), map(lexicon.__contains__, lower)) if at is None else at:
        item, low = words[i], lower[i]
        if low in booster or (i < count - 1 and low == "kind" and lower[i + 1] == "of"):
            continue
        valence = lexicon[low]
        if low == "no" and i != count - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[low] * n_scalar
        if item.isupper() and is_cap_diff:
            if valence > 0:
                valence += c_incr
            else:
                valence -= c_incr
        for start_i in range(3):
            j = i - (start_i + 1)
            if i > start_i and lower[j] not in lexicon:
                # scalar_inc_dec
                s = 0.0
                if lower[j] in booster:
                    s = booster[lower[j]]
                    if valence < 0:
                        s *= -1
                    if words[j].isupper() and is_cap_diff:
                        if valence > 0:
                            s += c_incr
                        else:
                            s -= c_incr
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                # _negation_check
                if start_i == 0:
                    if _negated(lower[i - 1], negate):
                        valence = valence * n_scalar
                elif start_i == 1:
                    if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                        valence = valence * 1.25
                    elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                        pass
                    elif _negated(lower[i - 2], negate):
                        valence = valence * n_scalar
                else:
                    if (
                        lower[i - 3] == "never"
                        and (lower[i - 2] == "so" or lower[i - 2] == "this")
                        or (lower[i - 1] == "so" or lower[i - 1] == "this")
                    ):
                        valence = valence * 1.25
                    elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                        pass
                    elif _negated(lower[i - 3], negate):
                        valence = valence * n_scalar
                    if not idiom_words.isdisjoint(lower[i - 3:i + 3]):  # else no idiom can match
                        valence = _special_idioms(valence, lower, i, special, booster)
        # _least_check
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * n_scalar
        sentiments[i] = valence
    if at is None and "but" in lower:
        _but_check(sentiments, lower.index("but"))
    return sentiments


def _but_check(sentiments: list[float], bi: int) -> None:
    """VADER's but-check, in place, with its quirk kept and linear cost.

    vaderSentiment iterates the list it edits and finds each score with ``list.index``::

        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi: sentiments[si] = sentiment * 0.5   (as pop + insert)
            elif si > bi: sentiments[si] = sentiment * 1.5

    so step ``k`` reads the current ``sentiments[k]`` and scales the *first* position holding an
    equal value (equal scores share it). That is O(n^2) on long texts. Here a min-heap of
    positions per value finds the same first position (stale entries are dropped when met), so
    every step makes the same edit in O(log n).
    """
    positions: dict[float, list[int]] = {}
    for k, value in enumerate(sentiments):
        positions.setdefault(value, []).append(k)  # ascending: already a heap
    for k in range(len(sentiments)):
        value = sentiments[k]
        heap = positions[value]
        while sentiments[heap[0]] != value:  # stale: that position changed since it was pushed
            heapq.heappop(heap)
        si = heap[0]
        if si < bi:
            new = value * 0.5
        elif si > bi:
            new = value * 1.5
        else:
            continue
        sentiments[si] = new
        heapq.heappush(positions.setdefault(new, []), si)


def _special_idioms(valence, lower, i, special, booster):
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in booster:
            valence = valence + booster[n_gram]
    return valence


def _punctuation_amplifier(text: str) -> float:
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_count * 0.292 + qm


def _vader_score(sentiments: list[float], text: str) -> dict[str, float]:
    """Port of ``SentimentIntensityAnalyzer.score_valence`` (same rounding)."""
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    amplifier = _punctuation_amplifier(text)
    if sum_s > 0:
        sum_s += amplifier
    elif sum_s < 0:
        sum_s -= amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
    compound = -1.0 if compound < -1.0 else (min(compound, 1.0))
    pos_sum, neg_sum = 0.0, 0.0
    neu_count = sentiments.count(0)  # == 0: also 0.0 and -0.0
    for score in filter(None, sentiments):  # zeros add to neither sum
        if score > 0:
            pos_sum += float(score) + 1
        if score < 0:
            neg_sum += float(score) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


# ----------------------------------------------------------------------------------- batch

#: Python's ``sum`` of floats adds left to right (before 3.12; later versions compensate, and the
#: batch below, which adds left to right in numpy, then leaves the sums to the per-text loop).
_PLAIN_SUM = sum([1e100, 1.0, -1e100]) == 0.0
_FIELDS = ("compound", "pos", "neg", "neu")


@lru_cache(maxsize=1)
def _batch_constants():
    vd = _vader()
    # words that change the valence of a lexicon word up to three words after them (or of
    # themselves): boosters, negations, "no", "least", "kind" (of), "but"
    risky = frozenset(vd["booster"]) | vd["negate"] | {"no", "least", "kind", "but"}
    idioms = [key.split() for key in (*vd["special"], *vd["booster"]) if " " in key]
    pairs = frozenset(tuple(key[:2]) for key in idioms)
    return {"risky": risky, "idiom_pairs": pairs, "idiom_starts": frozenset(a for a, _b in pairs)}


def _vader_batch(texts: list[str]) -> np.ndarray:
    """``_vader_score`` fields (compound, pos, neg, neu) of each text, as rows."""
    return in_batches(_vader_rows, texts)


def _vader_rows(texts: list[str]) -> np.ndarray:
    """``_vader_batch`` of one batch of texts.

    Words are looked up once per distinct word; a lexicon word with no booster, negation, "no",
    "least" or "kind" among the three words before it has the valence of its lexicon entry
    (capitals and a "so"/"this" two words before change it as in VADER), computed for all texts
    in numpy. The other lexicon words go through the port word by word, and texts with an emoji,
    a "but" or an idiom ("kind of", "the bomb") through the port entirely."""
    vd = _vader()
    k = _batch_constants()
    lexicon, risky = vd["lexicon"], k["risky"]
    n = len(texts)
    out = np.zeros((n, 4))
    ids, n_tokens, distinct = tokens(texts)
    words = list(map(_vader_word, distinct))  # per distinct token
    lower = list(map(str.lower, words))
    in_lexicon = np.fromiter(map(lexicon.__contains__, lower), dtype=bool, count=len(words))
    valence = np.array([lexicon.get(w, 0.0) for w in lower], dtype=float)
    upper = np.fromiter(map(str.isupper, words), dtype=bool, count=len(words))
    is_risky = np.array([w in risky or "n't" in w for w in lower], dtype=bool)
    so_this = np.array([w in ("so", "this") for w in lower], dtype=bool)
    text_of = np.repeat(np.arange(n), n_tokens)
    first = np.repeat(np.cumsum(n_tokens) - n_tokens, n_tokens)  # each token's text start
    local = np.arange(len(ids)) - first

    alone = np.zeros(n, dtype=bool)  # emojis are not ASCII: look for them in the other texts
    for t in compress(range(n), map(_not_ascii, texts)):
        alone[t] = not vd["emoji_chars"].isdisjoint(texts[t])
    alone[text_of[np.array([w == "but" for w in lower], dtype=bool)[ids]]] = True
    starts_pair = np.fromiter(map(k["idiom_starts"].__contains__, lower), dtype=bool, count=len(words))[ids]
    starts_pair[np.cumsum(n_tokens)[n_tokens > 0] - 1] = False  # a text's last token starts no pair
    # a pair of words that starts an idiom: their lower cases as ids, the pair as one number
    lower_ids, lowers = token_ids(lower)
    position = {w: i for i, w in enumerate(lowers)}
    idioms = [position[a] * len(lowers) + position[b] for a, b in k["idiom_pairs"] if a in position and b in position]
    at = np.flatnonzero(starts_pair)
    alone[text_of[at[np.isin(lower_ids[ids[at]] * len(lowers) + lower_ids[ids[at + 1]], idioms)]]] = True
    if not _PLAIN_SUM:
        alone[:] = True

    caps = np.bincount(text_of, weights=upper[ids], minlength=n)
    cap_diff = (caps > 0) & (caps < n_tokens)  # 0 < count - allcaps < count
    at = np.flatnonzero(in_lexicon[ids] & ~alone[text_of])
    risky_at = np.where(is_risky[ids], np.arange(len(ids)), -1)
    last_risky = np.maximum.accumulate(risky_at) if len(ids) else risky_at
    hard = last_risky[at] >= np.maximum(at - 3, first[at])
    simple, hard = at[~hard], at[hard]
    values = np.zeros(len(ids))
    v = valence[ids[simple]]
    bump = upper[ids[simple]] & cap_diff[text_of[simple]]
    v = np.where(bump & (v > 0), v + 0.733, np.where(bump, v - 0.733, v))
    before = simple - 3
    scaled = (local[simple] > 2) & so_this[ids[simple - 1]] & ~in_lexicon[ids[np.maximum(before, 0)]]
    v = np.where(scaled, v * 1.25, v)
    values[simple] = v
    for t, group in groups(text_of[hard], hard):
        a = first[group[0]]
        sentiments = _vader_valences(list(map(words.__getitem__, ids[a:a + n_tokens[t]].tolist())), at=(group - a).tolist())
        values[group] = [sentiments[i] for i in (group - a).tolist()]

    # zeros change no sum (a sum from 0.0 of non-zero floats is never -0.0): add the others
    keep = np.flatnonzero(values)
    owner, scores = text_of[keep], values[keep]
    sum_s, pos_sum, neg_sum = ordered_sums(
        [scores, np.where(scores > 0, scores + 1, 0.0), np.where(scores < 0, scores - 1, 0.0)], owner, n)
    neu_count = n_tokens - np.bincount(owner, minlength=n)
    bangs = np.minimum(np.fromiter(map(str.count, texts, repeat("!")), dtype=np.intp, count=n), 4)
    questions = np.fromiter(map(str.count, texts, repeat("?")), dtype=np.intp, count=n)
    question = np.where(questions > 3, 0.96, np.where(questions > 1, questions * 0.18, 0.0))
    amplifier = bangs * 0.292 + question
    sum_s = np.where(sum_s > 0, sum_s + amplifier, np.where(sum_s < 0, sum_s - amplifier, sum_s))
    compound = np.clip(sum_s / np.sqrt(sum_s * sum_s + 15), -1.0, 1.0)
    more_pos, more_neg = pos_sum > np.fabs(neg_sum), pos_sum < np.fabs(neg_sum)
    pos_sum = np.where(more_pos, pos_sum + amplifier, pos_sum)
    neg_sum = np.where(more_neg, neg_sum - amplifier, neg_sum)
    total = pos_sum + np.fabs(neg_sum) + neu_count
    with np.errstate(divide="ignore", invalid="ignore"):
        fields = (compound, np.fabs(pos_sum / total), np.fabs(neg_sum / total), np.fabs(neu_count / total))
    scored = ~alone & (n_tokens > 0)
    for column, (values_, places) in enumerate(zip(fields, (4, 3, 3, 3))):
        out[scored, column] = _rounded(values_[scored], places)
    for t in np.flatnonzero(alone).tolist():
        prepared, words_ = _vader_prepare(texts[t])
        scores_ = _vader_score(_vader_valences(words_), prepared)
        out[t] = [scores_[f] for f in _FIELDS]
    return out


def _not_ascii(text: str) -> bool:
    return not text.isascii()


def _rounded(values: np.ndarray, places: int) -> np.ndarray:
    """Python's ``round(value, places)`` of each value (the double nearest to the decimal that
    the exact value rounds to, half to even). ``rint(value * 10**places) / 10**places`` is that
    double whenever the product's rounding error cannot cross a half: values within 1e-6 of a
    half are rounded by Python."""
    scale = 10.0 ** places
    scaled = values * scale
    out = np.rint(scaled) / scale
    near = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    out[near] = list(map(round, values[near].tolist(), repeat(places)))
    return out
