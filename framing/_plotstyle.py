"""House style of every chart: journal sizes, readable fonts, the Okabe-Ito palette, titles.

Sizes follow common journal layouts: one column is 3.5 in wide, a full page 7 in. Fonts are
set for print at that size (7-8 pt), so a figure is drawn at the size it will be printed and
nothing is scaled down afterwards. Colours come from Okabe & Ito (2008), distinguishable with
the common colour-vision deficiencies and in greyscale by lightness order.
"""

from __future__ import annotations

import functools
import textwrap

import matplotlib as mpl
import numpy as np

from ._measures import measure_info
from .errors import FramingError

# Okabe & Ito (2008), "Color Universal Design": black first for one-series charts.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
             "#000000")
WIDTHS = {"column": 3.5, "page": 7.0}  # inches
STYLE = {
    "font.size": 7.5,
    "axes.titlesize": 8,
    "axes.labelsize": 7.5,
    "xtick.labelsize": 7,
    "ytick.labelsize": 7,
    "legend.fontsize": 7,
    "legend.title_fontsize": 7,
    "figure.titlesize": 8.5,
    "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.2,
    "lines.markersize": 4,
    "image.cmap": "cividis",
    "svg.hashsalt": "framing",  # fixed ids in SVG output: reruns write the same bytes
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "hatch.linewidth": 0.6,
}


def styled(function):
    """Run a plot function under the house style (fonts are fixed when text is created)."""
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(STYLE):
            return function(*args, **kwargs)
    return wrapper


def new_figure(width="column", height=None, *, nrows=1, ncols=1, **subplots):
    """A constrained-layout figure at journal width with the house style.

    Parameters
    ----------
    width : {"column", "page"} or float
        3.5 in (one journal column), 7 in (full page) or inches.
    height : float, optional
        Inches; default 0.62 of the width per row, at most 9 in.
    nrows, ncols, **subplots
        Passed to :func:`matplotlib.pyplot.subplots`.

    Returns
    -------
    (Figure, Axes or array of Axes)

    Examples
    --------
    >>> from framing.plot import new_figure
    >>> fig, ax = new_figure("column")
    >>> fig.get_size_inches().tolist()
    [3.5, 2.17]
    """
    import matplotlib.pyplot as plt  # pyplot so notebooks display the figure; never shown here

    inches = WIDTHS.get(width, width)
    if not isinstance(inches, (int, float)) or isinstance(inches, bool) or inches <= 0:
        raise FramingError(f"width must be 'column', 'page' or inches, got {width!r}.")
    if height is None:
        height = min(9.0, round(0.62 * min(inches, 3.5 * ncols) * nrows, 2))
    with mpl.rc_context(STYLE):
        return plt.subplots(nrows, ncols, figsize=(inches, height), layout="constrained",
                            **subplots)


def axes(ax):
    """``ax``, or the axes of a new column-width figure."""
    return ax if ax is not None else new_figure("column")[1]


def colors(n) -> list:
    """``n`` Okabe-Ito colours, cycling."""
    return [OKABE_ITO[i % len(OKABE_ITO)] for i in range(n)]


def title(*, corpus=None, period=None, unit=None, extra=None) -> str:
    """``"corpus, period; unit: ..."``: what the chart shows, from the notebook's parameters."""
    head = ", ".join(str(p) for p in (corpus, period) if p)
    tail = f"unit: {unit}" if unit else ""
    return "; ".join(p for p in (head, tail, extra) if p)


def set_title(ax, **parts) -> None:
    """A left-aligned title, wrapped to the width of the axes' figure column."""
    if text := title(**parts):
        figure_width = ax.figure.get_size_inches()[0]
        columns = max(1, ax.get_subplotspec().get_gridspec().ncols) if ax.get_subplotspec() else 1
        chars = max(24, int(8.5 * figure_width / columns))  # 13 characters per inch at 8 pt, ~65% of the width
        if len(text) > chars:  # one line per part (what; unit), each wrapped
            text = "\n".join(line for part in text.split("; ")
                              for line in textwrap.wrap(part, chars))
        ax.set_title(text, loc="left")


def zero_line(ax, measure, *, axis="x") -> None:
    """A thin reference line at zero when the measure's scale has a meaningful zero."""
    if measure_info(measure)["has_zero"]:
        line = ax.axvline if axis == "x" else ax.axhline
        line(0, color="0.6", linewidth=0.6, zorder=0)


def interval_words(rows) -> str:
    """``"segment-weighted mean, 95% BCa interval"`` from the table's columns."""
    weight = rows["weight"].iloc[0] if "weight" in rows and rows["weight"].nunique() == 1 else None
    mean = f"{weight}-weighted mean" if weight else "mean"
    level = (f"{rows['confidence'].iloc[0]:.0%}"
             if "confidence" in rows and rows["confidence"].nunique() == 1 else "")
    methods = sorted(set(rows["method"].dropna())) if "method" in rows else []
    names = {"bootstrap": "cluster-bootstrap", "bca": "BCa cluster-bootstrap",
             "cr1": "cluster-robust (CR1)"}
    if set(methods) == {"bca", "bootstrap"}:
        kind = "cluster-bootstrap (BCa under 30 docs)"
    else:
        kind = " / ".join(names.get(m, m) for m in methods)
    interval = " ".join(p for p in (level, kind, "interval") if p)
    joined = f"{mean}, {interval}"
    if len(joined) <= 34:
        return joined
    return "\n".join([f"{mean},", *textwrap.wrap(interval, 34)])  # fits a narrow panel


def check_finite(values, what) -> np.ndarray:
    """Raise a clear error for infinite values (matplotlib would fail obscurely)."""
    values = np.asarray(values, dtype=float)
    if np.isinf(values).any():
        where = np.flatnonzero(np.isinf(values))[:5].tolist()
        raise FramingError(
            f"{what} holds infinite values (rows {where}); a mean cannot be drawn at infinity. "
            "Check the score column for inf (e.g. a division by zero) and replace it with NaN "
            "or a finite value before comparing."
        )
    return values
