"""Visible text, title and date of an HTML page, with the standard library's tolerant parser.

Rules (checked against what a browser shows, see ``tests/test_io.py``):

* ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, ``<svg>`` and the ``<head>`` are
  not text. A ``<head>`` that is never closed (legal HTML) ends, as in a browser, at the first
  element that cannot be in a head (``<p>``, ``<div>``, ``<body>`` ...) or at the first text.
* Block elements (``p``, ``div``, ``h1``-``h6``, ``li``, ``br`` ...) become paragraph breaks;
  inside a block, source line breaks are spaces. Entities are decoded.
* Broken markup never reaches the text, and each case is reported with its line, so the
  caller can name the file. A tag the parser cannot read is left out up to its first ``>``
  and the text after it is kept; a tag cut off by the end of the file is left out; a comment
  never closed runs to the end of the file (as in a browser). An unclosed attribute quote
  (``<a href="x>link</a> ... "``) swallows the markup up to the next quote into the
  attribute, as in a browser; that markup is read as content again (``link ...``).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd

from ..text import normalize_space

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})
# what a <head> may hold; any other element (or text) starts the body
_HEAD_TAGS = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
_DATE_META = ("article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date")
_MARKUP = re.compile(r"<[A-Za-z/!?]")


class _TextExtractor(HTMLParser):
    """Collects visible text, paragraph breaks at block tags, the title, a date and problems."""

    def __init__(self) -> None:
        # entities decoded here, not by the parser: then text that decodes to '<p' ('&lt;p') is
        # never mistaken for markup the parser could not read (which it hands over raw)
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_head = False
        self.title = ""
        self.h1 = ""
        self.date = ""
        self.problems: list[str] = []
        self._in_title = self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self._runaway_quote(tag, attrs)
        attrs = {k: (v or "") for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body" or (self.in_head and tag not in _HEAD_TAGS):
            self.in_head = False
        if tag == "meta" and not self.date:
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in _DATE_META and attrs.get("content"):
                self.date = attrs["content"]
        elif tag == "time" and not self.date and attrs.get("datetime"):
            self.date = attrs["datetime"]
        if tag == "title":
            self._in_title = True
        elif tag == "h1" and not self.h1:
            self._in_h1 = True
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TAGS:  # <script/> has no end tag
            self.skip_depth -= 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        elif tag == "head":
            self.in_head = False
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if _MARKUP.match(data):  # the parser hands over a tag it could not read as text
            line = self.getpos()[0]
            self.problems.append(f"unreadable tag {data[:40]!r} at line {line} (an unclosed quote?) left out")
            return
        self._text(data)

    def handle_entityref(self, name):
        decoded = html.unescape(f"&{name};")
        self._text(decoded if decoded != f"&{name};" else f"&{name}")   # an unknown name stays as written

    def handle_charref(self, name):
        self._text(html.unescape(f"&#{name};"))

    def _text(self, data):
        if self._in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_head:
            if not data.strip():
                return
            self.in_head = False  # text cannot be in a head: the body has started
        if self._in_h1:
            self.h1 += data
        self.parts.append(data)

    def close(self):
        while _MARKUP.match(self.rawdata):  # the parser stopped at a construct it could not finish
            rest, line = self.rawdata, self.getpos()[0]
            self.rawdata = ""
            if rest.startswith("<!--"):  # a comment never closed runs to the end of the file
                self.problems.append(f"comment opened at line {line} is never closed; "
                                     "the rest of the page was read as a comment")
                break
            end = rest.find(">")
            if end < 0:  # a tag cut off by the end of the file
                self.problems.append(f"unfinished tag {rest[:40]!r} at the end of the file left out")
                break
            # an attribute quote never closed: the tag ends at its first '>', the rest is read again
            self.problems.append(f"unreadable tag {rest[:end + 1][:40]!r} at line {line} (an unclosed quote?) left out")
            self.feed(rest[end + 1:])
        super().close()

    def _runaway_quote(self, tag, attrs) -> None:
        """An attribute value holding '>' and then an end tag ran past its tag (an unclosed
        quote): read the markup inside it as page content, and report it."""
        for _, value in attrs:
            end = value.find(">") if value else -1
            if end < 0 or "<" in value[:end] or "</" not in value[end:]:
                continue
            self.problems.append(f"unclosed quote in <{tag}> at line {self.getpos()[0]}: read the markup "
                                 "it ran over; words between the next quote and '>' may be missing")
            inner = _TextExtractor()
            inner.feed(value[end + 1:])
            inner.close()
            if not self.skip_depth and not self.in_head:
                self.parts.extend(inner.parts)
            self.problems.extend(inner.problems)
            return


def html_to_document(markup: str) -> tuple[dict, list[str]]:
    """Return ``({"title", "text", "date"}, problems)`` for an HTML page.

    Examples
    --------
    >>> from framing.io._html import html_to_document
    >>> html_to_document("<html><head><title>T</title><p>Body &amp; soul")
    ({'title': 'T', 'text': 'Body & soul', 'date': NaT}, [])
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    # inside a block, source newlines are just spaces; paragraph breaks come from the tags
    pieces = "".join(p if p == "\n\n" else re.sub(r"\s+", " ", p) for p in parser.parts)
    text = normalize_space(pieces)  # the parser already decoded entities (convert_charrefs)
    title = " ".join((parser.title or parser.h1).split())
    date = pd.to_datetime(parser.date, utc=True, errors="coerce") if parser.date else pd.NaT
    return {"title": title, "text": text, "date": date}, parser.problems
