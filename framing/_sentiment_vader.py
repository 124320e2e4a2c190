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
from itertools import compress


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


def _vader_valences(words: list[str]) -> list[float]:
    """Port of VADER's per-word valence loop and but-check (same float operations)."""
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
    for i in compress(range(count), map(lexicon.__contains__, lower)):
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
    if "but" in lower:
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
