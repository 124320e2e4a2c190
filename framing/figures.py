"""Save a figure together with the table of numbers it draws (the one place figures are written).

A rerun writes the same bytes: fixed dpi, no software or date metadata in PNG, SVG or PDF, fixed
SVG ids, the table as plain CSV with ``\\n`` line ends. Compare two runs number by number
through the CSV. Before writing, every drawn text (titles, tick and axis labels, legends,
colour bars) is checked to lie inside the figure, so nothing is cut off in print.
"""

from __future__ import annotations

import logging
from pathlib import Path

import matplotlib as mpl
import pandas as pd

from ._plotstyle import STYLE
from .errors import FramingError

__all__ = ["FORMATS", "cut_off_artists", "save_figure"]

logger = logging.getLogger(__name__)

DPI = 300  # print resolution for the PNG; SVG and PDF are vector
FORMATS = ("png", "svg", "pdf")
# Metadata keys that would carry the matplotlib version or the time of the run.
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
             "pdf": {"CreationDate": None, "Creator": None, "Producer": None}}


def save_figure(fig, name, *, table, folder="figures", formats=FORMATS) -> tuple[Path, ...]:
    """Write ``<folder>/<name>.<format>`` for each format and the table as ``<name>.csv``.

    Parameters
    ----------
    fig : matplotlib Figure (or an Axes, whose figure is saved)
    name : str
        File stem: letters, digits, ``-``, ``_`` and ``.``; no folders and no extension.
    table : DataFrame or Series
        The numbers the figure shows. The index is written too unless it is a plain
        RangeIndex.
    folder : str or Path
        Output folder, created if needed.
    formats : tuple of str
        Any of ``"png"`` (300 dpi), ``"svg"``, ``"pdf"``; all three by default.

    Returns
    -------
    tuple of Path
        The figure files in the order of ``formats``, then the CSV.

    Raises
    ------
    FramingError
        When a text of the figure is drawn outside it (cut off); the message names it.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> from framing.plot import plot_sources
    >>> from framing.figures import save_figure
    >>> data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"),
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> table = compare_sources(data, measures="score", n_resamples=50)
    >>> ax = plot_sources(table, measure="score")
    >>> save_figure(ax.figure, "score_by_source", table=table, folder="figures")  # doctest: +SKIP
    (PosixPath('figures/score_by_source.png'), PosixPath('figures/score_by_source.svg'), ...)
    """
    figure = fig if hasattr(fig, "savefig") else getattr(fig, "figure", None)  # Axes -> Figure
    if not hasattr(figure, "savefig"):
        raise FramingError(f"fig must be a matplotlib Figure or Axes, got {type(fig).__name__}.")
    if not isinstance(name, str) or not name or name != Path(name).name or name.startswith("."):
        raise FramingError(
            f"name must be a plain file stem such as 'polarity_by_source', got {name!r}; "
            "put folders in folder=..."
        )
    if name.lower().endswith(tuple(f".{f}" for f in (*FORMATS, "csv"))):
        raise FramingError(f"name {name!r} should not carry an extension; "
                           f"the formats are chosen with formats=... (written: {FORMATS}).")
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    if not formats or any(f not in FORMATS for f in formats):
        raise FramingError(f"formats must be chosen from {FORMATS}, got {formats!r}.")
    if isinstance(table, pd.Series):
        table = table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise FramingError(
            f"table must be the DataFrame of numbers the figure shows, got {type(table).__name__}."
        )
    if outside := cut_off_artists(figure):
        raise FramingError(f"figure {name!r} would be cut off: {outside[:5]} lie outside the "
                           "figure. Enlarge the figure (framing.plot.new_figure(height=...)), "
                           "shorten the labels, or use layout='constrained'.")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with mpl.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"]}):
        for kind in formats:
            path = folder / f"{name}.{kind}"
            figure.savefig(path, format=kind, dpi=DPI, metadata=_METADATA[kind])
            paths.append(path)
    csv = folder / f"{name}.csv"
    table.to_csv(csv, index=not isinstance(table.index, pd.RangeIndex), lineterminator="\n")
    logger.info("saved %s and %s", [str(p) for p in paths], csv)
    return (*paths, csv)


def cut_off_artists(fig) -> list[str]:
    """Parts of ``fig`` drawn outside it: titles, axes (labels and tick labels), texts, legends.

    Uses the extents matplotlib computes when drawing (colour bars are axes too). Returns a
    description of each offending part; empty when everything fits (within one pixel).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from framing.figures import cut_off_artists
    >>> fig, ax = plt.subplots(figsize=(2, 2), layout="constrained")
    >>> cut_off_artists(fig)
    []
    >>> _ = ax.set_title("a title far too long to fit into a figure two inches wide")
    >>> cut_off_artists(fig)
    ["title of axes 0: 'a title far too long to fit into a figure two inches wide'"]
    """
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    box = fig.bbox
    parts = []
    for i, ax in enumerate(fig.axes):
        if not ax.get_visible():
            continue
        for title in (ax.title, ax._left_title, ax._right_title):
            parts.append((f"title of axes {i}: {title.get_text()!r}", title))
        parts.append((f"x axis of axes {i} ({ax.get_xlabel()!r} and its tick labels)", ax.xaxis))
        parts.append((f"y axis of axes {i} ({ax.get_ylabel()!r} and its tick labels)", ax.yaxis))
        parts += [(f"text of axes {i}: {t.get_text()!r}", t) for t in ax.texts]
        if ax.get_legend() is not None:
            parts.append((f"legend of axes {i}", ax.get_legend()))
    parts += [(f"figure text {t.get_text()!r}", t) for t in fig.texts]
    parts += [("figure legend", legend) for legend in fig.legends]
    outside = []
    for what, artist in parts:
        if not artist.get_visible() or (hasattr(artist, "get_text") and not artist.get_text()):
            continue
        extent = artist.get_tightbbox(renderer)
        if extent is None or extent.width == 0 and extent.height == 0:
            continue
        if (extent.x0 < box.x0 - 1 or extent.y0 < box.y0 - 1 or extent.x1 > box.x1 + 1
                or extent.y1 > box.y1 + 1):
            outside.append(what)
    return outside
