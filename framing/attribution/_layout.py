"""Text layout for the splitter: sentence units, headline tests, span geometry, pieces of a unit."""

from __future__ import annotations

import heapq
import re
import threading
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..text import _line_sentences

WORD = re.compile(r"\w+")
# where a sentence ends and the next begins (a capital or a quote after it), or a line break
SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"])|\n")
_TITLE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# '... was “false.” He said ...': a quote's period ends the sentence when a new one starts after it
_QUOTE_PERIOD = re.compile(r"[^.]\.(?:''|[\"”])\s+(?=(?:He|She|They|It|We|I|The|But|And|This|That|In|On|At)\s)")


def _units(text: str, p_start: int, p_end: int, quotes) -> list[tuple[int, int]]:
    """Sentences of a paragraph, merged where a quote runs across a sentence boundary.

    ``quotes`` are sorted by start (as ``find_quotes`` gives them)."""
    if not quotes:   # nothing to cut or merge (the loops below give the sentences)
        return _line_sentences(text, p_start, p_end, p_start)
    starts = [q.start for q in quotes]
    reach = list(accumulate((q.end for q in quotes), max))   # the furthest end of the quotes so far
    units = []
    for start, end in _line_sentences(text, p_start, p_end, p_start):   # sentence_spans(text[p_start:p_end])
        for q in quotes[bisect_right(starts, start):bisect_left(starts, end)]:
            # '... was “false.” He said ...': a sentence ends with the quote's period
            mark = 2 if text.endswith("''", 0, q.end) else 1
            if start < q.start and q.end < end and _QUOTE_PERIOD.match(text, q.end - mark - 2):
                units.append((start, q.end))
                start = q.end
        units.append((start, end))
    if not units:
        return []
    merged = [list(units[0])]
    for start, end in units[1:]:
        before = bisect_left(starts, merged[-1][1]) - 1   # quotes opening before the unit's end ...
        if before >= 0 and reach[before] > start:         # ... and one closing after the next start
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return [tuple(u) for u in merged]


# per thread (voices_frame may run in threads, e.g. Dask's threaded scheduler): key -> (the
# last text read under that key, what was computed of it)
_LAST_TEXT = threading.local()


def per_text(key, text: str, compute):
    """``compute(text)``, remembered for the last text this thread read under ``key``: the
    units of one text ask for the same whole-text scan in turn."""
    cache = _LAST_TEXT.__dict__
    hit = cache.get(key)
    if hit is None or hit[0] is not text:
        hit = cache[key] = (text, compute(text))
    return hit[1]


def _match_bounds(pattern: re.Pattern, text: str) -> tuple[list[int], list[int]]:
    spans = [m.span() for m in pattern.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def may_match(pattern: re.Pattern, text: str, lo: int, hi: int) -> bool:
    """False when ``pattern.search(text, lo, hi)`` surely finds nothing: no match over the whole
    text (found once per text) overlaps ``text[lo:hi]``.

    Only for a pattern whose matches are never empty and that looks no further right than a
    match's end (no lookahead, ``\\b`` or ``$`` there): a match inside the bounds is then one
    the whole-text scan finds too, or lies inside one it found,
    so one of those overlaps the bounds.
    """
    cache = _LAST_TEXT.__dict__   # (per_text inlined: a call per unit)
    hit = cache.get(pattern)
    if hit is None or hit[0] is not text:
        hit = cache[pattern] = (text, _match_bounds(pattern, text))
    starts, ends = hit[1]
    i = bisect_right(ends, lo)   # the first match ending after lo (matches do not overlap: ends are sorted)
    return i < len(starts) and starts[i] < hi


def _looks_like_headline(text: str, paragraphs) -> bool:
    if len(paragraphs) < 2:
        return False
    start, end = paragraphs[0]
    line = text[start:end].rstrip()
    words = len(WORD.findall(line))
    # (no sentence-final punctuation before the closing marks: a test of the line's end, no search)
    return 0 < words <= 30 and not line.rstrip("\"”’)").endswith((".", "!", "?")) or (words <= 14 and line.istitle())


def _title_like(line: str) -> bool:
    """'Paul Ryan: FBI Decision Not to Indict Hillary.': most words capitalised (a headline with a period)."""
    words = _TITLE_WORD.findall(line)
    # (a word starts with an ASCII letter: it is capitalised when it sorts before "a")
    return 3 <= len(words) <= 30 and bisect_left(sorted(words), "a") >= 0.7 * len(words)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _inside(pos: int, spans) -> bool:
    return any(s <= pos < e for s, e in spans)


def _covered(start, end, spans) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _pieces(text, u_start, u_end, intervals) -> list[tuple]:
    """Partition a unit: each stretch goes to the smallest interval holding it, else narration."""
    if not intervals:   # all narration (the sweep below gives the same)
        a, b = u_start, u_end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return [(a, b, "narration", None)] if a < b else []
    cuts = {u_start, u_end}
    for iv in intervals:
        cuts.update((max(u_start, iv.start), min(u_end, iv.end)))
    cuts = sorted(c for c in cuts if u_start <= c <= u_end)
    # sweep: the intervals holding the stretch after each cut (every end point is a cut)
    opening: dict[int, list[int]] = {}
    for k, iv in enumerate(intervals):
        if iv.end > iv.start:
            opening.setdefault(max(u_start, iv.start), []).append(k)
    active: list[tuple[int, int]] = []   # heap of (length, index); ended intervals leave when on top
    out: list[list] = []
    for a, b in zip(cuts, cuts[1:]):
        for k in opening.get(a, ()):
            heapq.heappush(active, (intervals[k].end - intervals[k].start, k))
        while active and intervals[active[0][1]].end < b:
            heapq.heappop(active)
        iv = intervals[active[0][1]] if active else None   # the smallest holder (the first on ties)
        kind = iv.kind if iv else "narration"
        attr = iv.attr if iv else None
        piece = text[a:b]
        if not piece.strip():
            continue
        if out and (out[-1][3] is attr and out[-1][2] == kind or not WORD.search(piece)):
            out[-1][1] = b  # same voice goes on, or punctuation only: extend the previous piece
            continue
        if out and not WORD.search(text[out[-1][0]:out[-1][1]]):
            out[-1][1:] = [b, kind, attr]
            continue
        out.append([a, b, kind, attr])
    rows = []
    for a, b, kind, attr in out:
        while text[a].isspace():
            a += 1
        while text[b - 1].isspace():
            b -= 1
        rows.append((a, b, kind, attr))
    return rows
