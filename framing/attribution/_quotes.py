"""Pair quotation marks into quote spans, paragraph by paragraph, recovering from bad marks.

Rules (double quotation marks only; single marks ‘ ’ ' are apostrophes too often to pair at the
top level and are kept inside the quote that holds them):

* Curly marks say which way they face (“ opens, ” closes) unless the context contradicts it
  (a ” at a word's start after a space opens: scraped text mixes them up). A straight mark "
  opens after a space or an opening bracket and closes before a space or punctuation.
* A paragraph that ends inside a quote continues it when the next paragraph opens with a
  quotation mark (news style for quotes over several paragraphs); the quote then has one piece
  per paragraph and one ``group``.
* Unbalanced marks never stop the document: an opening mark still open at the end of its
  paragraph (and not continued) closes there; an opening mark while a quote is open closes the
  open quote just before it; a stray closing mark is ignored. Each recovery flags the quote (or
  the paragraph) as ``balanced=False`` so the segments get a lower confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# a double mark, or '' (two apostrophes stand for a quotation mark: NYT). As ``''|["“”„«»]``, written
# to open with one character class, so the engine skips to where a match can start (twice as fast)
_MARKS = re.compile(r"[\"'“”„«»](?:(?<=')'|(?<!'))")
_OPENERS = "“„«"
_CLOSERS = "”»"


@dataclass
class Quote:
    """One piece of a quote: ``start``/``end`` include the marks; ``group`` joins the pieces
    of a quote running over several paragraphs."""

    start: int
    end: int
    group: int
    balanced: bool = True
    first: bool = True   # the first piece of its group
    last: bool = True    # the last piece of its group


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at ``text[i]``."""
    mark = text[i]
    width = 2 if text.startswith("''", i) else 1
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    space_before = before.isspace() or before in "([{—–-/:"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if mark in _OPENERS:
        return "close" if (not space_before and space_after) else "open"
    if mark in _CLOSERS:
        return "open" if (space_before and not space_after) else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quote], set[int]]:
    """Return quote pieces (sorted) and the indexes of paragraphs with a stray closing mark."""
    quotes: list[Quote] = []
    stray: set[int] = set()
    group = 0
    carried = None  # start of a quote continued from the previous paragraph
    spans = [m.span() for m in _MARKS.finditer(text)]   # the marks of the whole text, found once
    if not spans:
        return quotes, stray   # no mark: no quote, no stray mark
    starts = [a for a, _ in spans]
    for p, (p_start, p_end) in enumerate(paragraphs):
        open_at = None
        first, last = bisect_left(starts, p_start), bisect_left(starts, p_end)
        found = spans[first:last]
        if first and spans[first - 1][1] > p_start or found and found[-1][1] > p_end:
            found = [m.span() for m in _MARKS.finditer(text, p_start, p_end)]   # a '' across the bounds
        if not found and carried is None:
            continue   # no mark, no quote going on: nothing opens, closes or goes on here
        marks = [a for a, _ in found]
        width = {a: b - a for a, b in found}
        if carried is not None:
            # the continuation paragraph opens with a mark: that mark starts the piece
            open_at = marks.pop(0) if marks and marks[0] == p_start else p_start
        for i in marks:
            role = _role(text, i)
            if open_at is None:
                if role == "close":
                    stray.add(p)
                    continue
                open_at = i
                continue
            if role == "open" and text[i] in _OPENERS and i > open_at + 1:
                # a new opening mark while one is open: close the open quote before it
                quotes.append(_cut(text, open_at, i, group, carried))
                group += 1
                carried = None
                open_at = i
                continue
            if role == "open" and text[i] in "\"'" and i > open_at + 1 and text[i - 1].isspace():
                # straight mark after a space while open: a missing closing mark before it
                quotes.append(_cut(text, open_at, i - 1, group, carried))
                group += 1
                carried = None
                open_at = i
                continue
            quotes.append(Quote(open_at, i + width[i], group, first=carried is None))
            group += 1
            carried = None
            open_at = None
        if open_at is not None:
            nxt = paragraphs[p + 1][0] if p + 1 < len(paragraphs) else None
            piece = Quote(open_at, p_end, group, first=carried is None, last=False)
            if nxt is not None and (text[nxt] in '"“„«' or text.startswith("''", nxt)) and \
                    _role(text, nxt) != "close":
                quotes.append(piece)
                carried = open_at
            else:
                piece.balanced = False
                piece.last = True
                quotes.append(piece)
                group += 1
                carried = None
        elif carried is not None:
            carried = None
    return quotes, stray


def _cut(text: str, open_at: int, end: int, group: int, carried) -> Quote:
    """An unbalanced quote closed just before ``end`` (trailing white space left out)."""
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return Quote(open_at, end, group, balanced=False, first=carried is None)
