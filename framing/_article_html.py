"""Annotated-article view for notebooks: each voice coloured by its source, scores on hover."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd

from ._checks import require_columns
from ._measures import measure_label
from ._plotstyle import colors
from .errors import FramingError
from .scoring import HighlightHTML


def article_html(segments, *, document=None, doc_id=None, scores=None) -> HighlightHTML:
    """HTML of one article with every voice segment coloured by source, its scores on hover.

    Parameters
    ----------
    segments : DataFrame
        Output of :func:`framing.voices_frame` (columns ``doc_id, start, end, text, kind,
        speaker, source``), optionally with score columns from :func:`framing.score`.
    document : str, optional
        The article's full text; without it the text is rebuilt from the segments (the
        whitespace between them becomes single spaces).
    doc_id : label, optional
        Which document to show when ``segments`` holds several (default: the only one).
    scores : list of str, optional
        Score columns to show on hover (default: every ``textblob_``/``vader_compound``/
        ``news_sentiment`` column present).

    Returns
    -------
    HighlightHTML
        A ``str`` of HTML that notebooks render, with a legend of the sources.

    Examples
    --------
    >>> from framing import voices
    >>> from framing.plot import article_html
    >>> segments = voices('Talks resumed. "We are ready," Kim said.', doc_id="a1")
    >>> markup = article_html(segments)
    >>> "Kim" in markup and "<span" in markup
    True
    """
    require_columns(segments, ["doc_id", "start", "end", "text", "source"], what="segments")
    ids = pd.unique(segments["doc_id"])
    if doc_id is None:
        if len(ids) != 1:
            raise FramingError(f"segments hold {len(ids)} documents; pass doc_id=... (first: "
                               f"{list(map(str, ids[:5]))}).")
        doc_id = ids[0]
    rows = segments[segments["doc_id"] == doc_id].sort_values("start")
    if rows.empty:
        raise FramingError(f"doc_id {doc_id!r} not in segments; present: {list(map(str, ids[:5]))}.")
    if scores is None:
        scores = [c for c in rows.columns if c.startswith("textblob_")
                  or c in ("vader_compound", "news_sentiment")]
    sources = sorted({str(s) for s in rows["source"] if isinstance(s, str) and s})
    palette = dict(zip(sources, colors(len(sources))))
    pieces, cursor = [], 0
    for row in rows.itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if document is not None:
            gap = document[cursor:start]
        else:
            gap = " " if cursor else ""
        pieces.append(html.escape(gap).replace("\n", "<br>"))
        body = html.escape(row.text).replace("\n", "<br>")
        source = row.source if isinstance(row.source, str) else ""
        tip = [f"source: {source or '(none)'}"]
        for field in ("kind", "speaker", "cue"):
            value = getattr(row, field, "")
            if isinstance(value, str) and value:
                tip.append(f"{field}: {value}")
        for column in scores:
            value = getattr(row, column)
            if isinstance(value, (int, float, np.floating)) and np.isfinite(value):
                tip.append(f"{measure_label(column)}: {value:.3f}")
        if source in palette:
            style = (f"background:{palette[source]}33;border-bottom:2px solid "
                     f"{palette[source]};padding:0 1px")
            pieces.append(f'<span style="{style}" title="{html.escape(chr(10).join(tip))}">'
                          f"{body}</span>")
        else:
            pieces.append(f'<span style="color:#777" title="{html.escape(chr(10).join(tip))}">'
                          f"{body}</span>")
        cursor = end
    if document is not None:
        pieces.append(html.escape(document[cursor:]).replace("\n", "<br>"))
    legend = " ".join(f'<span style="background:{c}33;border-bottom:2px solid {c};'
                      f'padding:0 4px">{html.escape(s)}</span>' for s, c in palette.items())
    return HighlightHTML(f'<div style="line-height:1.7;font-family:serif;max-width:48em">'
                         f'<p style="font-family:sans-serif;font-size:90%">Voices: {legend} '
                         f'(hover a segment for its speaker and scores)</p>'
                         f'<p>{"".join(pieces)}</p></div>')
