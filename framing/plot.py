"""Charts of the tables made by :mod:`framing.compare`: draw only, never compute or save.

Each function takes ``ax=None`` (a new column-width figure when None), draws on it and returns
the Axes. Statistics come from the table as they are, so a chart shows exactly the numbers of the
table saved beside it by :func:`framing.figures.save_figure`. Every chart follows one house
style (:func:`new_figure`: journal widths, print-size fonts, the Okabe-Ito palette), names its
measure and scale in words from one metadata table (:func:`measure_label`), shows n (documents
and rows) per point, marks estimates that have no interval, and draws a zero line where the
scale has a meaningful zero. Titles are built from ``corpus``, ``period`` and ``unit``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._article_html import article_html
from ._checks import require_columns
from ._measures import measure_info, measure_label
from ._plot_diagnostics import plot_confusion_matrix, plot_reliability
from ._plotstyle import (
    OKABE_ITO,
    STYLE,
    check_finite,
    colors,
    interval_words,
    new_figure,
    set_title,
    styled,
    zero_line,
)
from ._plotstyle import axes as _axes
from .errors import FramingError

__all__ = ["OKABE_ITO", "STYLE", "article_html", "measure_label", "new_figure", "plot_confusion_matrix",
           "plot_cue_profile", "plot_distinctive_terms", "plot_over_time", "plot_reliability",
           "plot_sources"]

_INTERVAL = ("mean", "ci_low", "ci_high")
_FREQ_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "A": "year"}


@styled
def plot_sources(table, *, measure, by="source", ax=None, corpus=None, period=None,
                 unit=None, rows="segments"):
    """Mean of one measure per group with its interval; the first group is drawn on top.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.compare.compare_sources`.
    measure : str
        Which measure to draw (a value of the ``measure`` column).
    by : str
        Group column of the table.
    ax : matplotlib Axes, optional
    corpus, period, unit : str, optional
        Parts of the title: which corpus, which period, the unit of analysis.
    rows : str
        What a row of the compared data is, for the n labels ("segments", "sentences").

    Returns
    -------
    matplotlib Axes
        One error bar per group; tick labels read ``"<group>\\n<docs> docs, <n> <rows>"``. A
        group with fewer than two documents is drawn hollow and labelled as having no interval.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> from framing.plot import plot_sources
    >>> data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"),
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> ax = plot_sources(compare_sources(data, measures="score", n_resamples=50), measure="score")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A\\n2 docs, 2 segments', 'B\\n2 docs, 2 segments']
    """
    table = _rows_for(table, measure, [by, *_INTERVAL, "n", "n_clusters"])
    ax = _axes(ax)
    positions = np.arange(len(table))
    mean = check_finite(table["mean"], f"the mean of {measure!r}")
    low = check_finite(table["ci_low"], f"ci_low of {measure!r}")
    high = check_finite(table["ci_high"], f"ci_high of {measure!r}")
    has = np.isfinite(low) & np.isfinite(high) & (table["n_clusters"].to_numpy() >= 2)
    ax.errorbar(mean[has], positions[has], xerr=np.vstack([mean - low, high - mean])[:, has],
                fmt="o", capsize=2.5, color=OKABE_ITO[0], ecolor=OKABE_ITO[0], elinewidth=1)
    if (~has).any():
        ax.plot(mean[~has], positions[~has], "o", markerfacecolor="white",
                markeredgecolor=OKABE_ITO[0], label="no interval (fewer than 2 documents)")
        for x, y in zip(mean[~has] if has.any() else [], positions[~has]):  # mixed: say which
            if np.isfinite(x):
                ax.annotate("no interval", (x, y), xytext=(4, 3), textcoords="offset points",
                            fontsize=6, color="0.3")
    rows_word = [rows if n != 1 else rows.removesuffix("s") for n in table["n"]]
    ax.set_yticks(positions, [f"{g}\n{_docs(k)}, {n:,} {word}" for g, n, k, word in
                              zip(table[by], table["n"], table["n_clusters"], rows_word)])
    ax.set_ylim(len(table) - 0.5, -0.5)  # first group on top
    zero_line(ax, measure)
    ax.set_xlabel(f"{measure_label(measure)}\n{interval_words(table)}")
    set_title(ax, corpus=corpus, period=period, unit=unit)
    return ax


@styled
def plot_over_time(table, *, measure, by="source", ax=None, events=None, corpus=None,
                   period=None, unit=None):
    """Mean of one measure per period, one line and interval band per group, events marked.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.compare.compare_over_time`; rows whose period is NaT are not
        drawn.
    events : DataFrame, optional
        Columns ``date``, ``label`` and optionally ``end_date``: a dashed line per one-day
        event, a shaded span per event with an end date, each labelled at the top.
    measure, by, ax, corpus, period, unit
        As in :func:`plot_sources`.

    Returns
    -------
    matplotlib Axes
        One line and one shaded band per group, with a legend; a marker at each period start
        whose area grows with the period's documents (``n_clusters``), hollow where a period has
        a single document (no interval).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_over_time
    >>> from framing.plot import plot_over_time
    >>> data = pd.DataFrame({"source": ["A"] * 4, "doc_id": list("1234"),
    ...                      "date": ["2018-01-02", "2018-01-09", "2018-02-01", "2018-02-05"],
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> table = compare_over_time(data, measures="score", n_resamples=50)
    >>> events = pd.DataFrame({"date": ["2018-01-20"], "label": ["talks"]})
    >>> ax = plot_over_time(table, measure="score", events=events)
    >>> len(ax.lines), ax.texts[0].get_text()
    (2, 'talks')
    """
    table = _rows_for(table, measure, [by, "period", *_INTERVAL])
    table = table[table["period"].notna()]
    check_finite(table["mean"], f"the mean of {measure!r}")
    ax = _axes(ax)
    groups = list(pd.unique(table[by]))
    # n per point: marker area grows with the period's documents (clusters); a period with one
    # document has no interval and is drawn hollow
    counts = table["n_clusters"].to_numpy(float) if "n_clusters" in table else None
    largest = float(np.nanmax(counts)) if counts is not None and len(counts) else 0.0
    for color, group in zip(colors(len(groups)), groups):
        part = table[table[by] == group].sort_values("period")
        x = pd.PeriodIndex(part["period"]).to_timestamp()
        y = part["mean"].to_numpy(float)
        ax.plot(x, y, color=color, linewidth=1.0, label=str(group))
        ax.fill_between(x, part["ci_low"].to_numpy(float), part["ci_high"].to_numpy(float),
                        color=color, alpha=0.2, linewidth=0)
        n = part["n_clusters"].to_numpy(float) if counts is not None else np.full(len(part), largest or 1.0)
        area = 4.0 + 36.0 * np.sqrt(np.nan_to_num(n) / (largest or 1.0))
        single = n < 2
        ax.scatter(x[~single], y[~single], s=area[~single], color=color, zorder=3, linewidths=0)
        ax.scatter(x[single], y[single], s=area[single], facecolors="none", edgecolors=color, zorder=3,
                   linewidths=0.8)
    if events is not None:
        _draw_events(ax, events)
    zero_line(ax, measure, axis="y")
    ax.set_ylabel(f"{measure_label(measure)}\n{interval_words(table)}")
    freq = getattr(table["period"].dtype, "freq", None)
    code = getattr(freq, "rule_code", "") or ""
    sizes = f"; marker area: documents (largest {largest:,.0f}; hollow: one, no interval)" if counts is not None else ""
    ax.set_xlabel(_FREQ_WORDS.get(code[:1], "period") + " (start of each bin)" + sizes)
    if len(table):
        ax.legend(title=by, frameon=False, loc="best")
    set_title(ax, corpus=corpus, period=period, unit=unit)
    return ax


def _draw_events(ax, events) -> None:
    require_columns(events, ["date", "label"], what="events table")
    start = pd.to_datetime(events["date"], utc=True, format="mixed").dt.tz_convert(None)
    end = (pd.to_datetime(events["end_date"], utc=True, format="mixed").dt.tz_convert(None)
           if "end_date" in events else pd.Series(pd.NaT, index=events.index))
    import matplotlib.dates as mdates

    low, high = ax.get_xlim()  # mark only the events inside the drawn periods; keep the range
    for first, last, label in zip(start, end, events["label"]):
        if pd.isna(first):
            raise FramingError(f"event {label!r} has no readable date; give dates as ISO strings.")
        if mdates.date2num(last if pd.notna(last) else first) < low or mdates.date2num(first) > high:
            continue
        if pd.notna(last) and last > first:
            ax.axvspan(first, last, color="0.85", alpha=0.6, linewidth=0, zorder=0)
        else:
            ax.axvline(first, color="0.45", linestyle="--", linewidth=0.7, zorder=0)
        ax.text(first, 1.0, str(label), transform=ax.get_xaxis_transform(), rotation=90,
                ha="right", va="top", fontsize=6, color="0.3")
    ax.set_xlim(low, high)


@styled
def plot_distinctive_terms(table, *, group, by="source", ax=None):
    """Horizontal bars of the z-scores of one group's distinctive terms, rank 1 on top.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.terms.distinctive_terms`.
    group : label
        Which group's terms to draw.
    by, ax
        As in :func:`plot_sources`.

    Returns
    -------
    matplotlib Axes
        One bar per term; tick labels read ``"<term> (<count>)"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.terms import distinctive_terms
    >>> from framing.plot import plot_distinctive_terms
    >>> data = pd.DataFrame({"source": ["A", "B"], "text": ["peace talks", "missile test"]})
    >>> ax = plot_distinctive_terms(distinctive_terms(data, top=2), group="B")
    >>> len(ax.patches)
    2
    """
    require_columns(table, [by, "term", "z", "count", "rank"], what="distinctive-terms table")
    rows = table[table[by] == group].sort_values("rank")
    if rows.empty:
        present = sorted(map(str, table[by].unique()))
        raise FramingError(f"group {group!r} not in the table; groups present: {present}.")
    ax = _axes(ax)
    positions = np.arange(len(rows))
    ax.barh(positions, check_finite(rows["z"], "z"), color=OKABE_ITO[0], height=0.7)
    ax.set_yticks(positions, [f"{t} ({c})" for t, c in zip(rows["term"], rows["count"])])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel("z of weighted log-odds\nvs the other groups\n(count in brackets)")
    ax.set_title(str(group), loc="left")
    return ax


@styled
def plot_cue_profile(table, *, measures, by="source", ax=None, corpus=None, period=None,
                     unit=None):
    """Heat map of the means of several measures (e.g. cue families) per group, with uncertainty.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.compare.compare_sources` holding every measure in ``measures``.
    measures : list of str
        Columns of the heat map, in this order, labelled from the measure metadata.
    by, ax, corpus, period, unit
        As in :func:`plot_sources`.

    Returns
    -------
    matplotlib Axes
        One image (groups x measures) with the value printed in each cell. Cells whose
        interval includes zero (or that have none while others do) are hatched; when no cell
        has an interval the colour bar says so. The colour scale runs
        from the 5th to the 95th percentile of the cells (from 0 when no cell is negative), so
        one extreme cell does not wash out the rest; the colour bar names the unit.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> from framing.plot import plot_cue_profile
    >>> data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"),
    ...                      "cue_conflict": [1.0, 2.0, 0.0, 1.0],
    ...                      "cue_diplomacy": [0.0, 1.0, 3.0, 2.0]})
    >>> cues = ["cue_conflict", "cue_diplomacy"]
    >>> table = compare_sources(data, measures=cues, n_resamples=50)
    >>> plot_cue_profile(table, measures=cues).images[0].get_array().shape
    (2, 2)
    """
    from matplotlib.patches import Rectangle

    measures = [measures] if isinstance(measures, str) else list(measures)
    require_columns(table, [by, "measure", "mean"], what="comparison table")
    absent = [m for m in measures if m not in set(table["measure"])]
    if absent:
        raise FramingError(f"measure(s) {absent} not in the table; measures present: "
                           f"{sorted(table['measure'].unique())}.")
    groups = list(pd.unique(table[by]))
    rows = table[table["measure"].isin(measures)]

    def grid(column):
        return (rows.pivot(index=by, columns="measure", values=column)
                .reindex(index=groups, columns=measures).to_numpy(float))

    values = check_finite(grid("mean"), "the means")
    unsure, any_interval = np.zeros_like(values, dtype=bool), False
    if {"ci_low", "ci_high"} <= set(rows):
        low, high = grid("ci_low"), grid("ci_high")
        any_interval = bool(np.isfinite(low).any())
        unsure = ~((low > 0) | (high < 0)) & any_interval  # NaN intervals count as unsure
    finite = values[np.isfinite(values)]
    vmin, vmax = (np.percentile(finite, [5, 95]) if finite.size else (0.0, 1.0))
    if finite.size and finite.min() >= 0:
        vmin = 0.0
    vmax = max(vmax, vmin + 1e-9)
    ax = _axes(ax)
    image = ax.imshow(values, cmap="cividis", aspect="auto", vmin=vmin, vmax=vmax)
    for (i, j), value in np.ndenumerate(values):
        if unsure[i, j]:
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="////",
                                   edgecolor="0.55", linewidth=0))
        shade = image.cmap(image.norm(value)) if np.isfinite(value) else (1, 1, 1, 1)
        light = 0.299 * shade[0] + 0.587 * shade[1] + 0.114 * shade[2] > 0.5
        ax.text(j, i, "" if np.isnan(value) else f"{value:.2f}", ha="center", va="center",
                color="black" if light else "white", fontsize=6)
    ax.set_xticks(np.arange(len(measures)),
                  [measure_info(m).get("short", measure_info(m)["label"]) for m in measures],
                  rotation=40, ha="right", rotation_mode="anchor")
    docs = (rows.groupby(by)["n_clusters"].max().reindex(groups)
            if "n_clusters" in rows else pd.Series(np.nan, index=groups))
    ax.set_yticks(np.arange(len(groups)), [f"{g} ({_docs(k)})" if np.isfinite(k) else str(g)
                                           for g, k in zip(groups, docs)])
    units = {measure_info(m)["unit"] for m in measures}
    extend = ("both" if finite.size and finite.min() < vmin and finite.max() > vmax else
              "max" if finite.size and finite.max() > vmax else
              "min" if finite.size and finite.min() < vmin else "neither")
    bar = ax.figure.colorbar(image, ax=ax, extend=extend, shrink=0.9)
    bar.set_label(f"{units.pop() if len(units) == 1 else 'value'} (mean)\n"
                  + ("hatched: interval includes 0" if any_interval
                     else "no intervals (single documents)"))
    ax.spines[:].set_visible(False)
    set_title(ax, corpus=corpus, period=period, unit=unit)
    return ax


def _docs(k) -> str:
    return f"{k:,.0f} doc" if k == 1 else f"{k:,.0f} docs"


def _rows_for(table, measure, columns) -> pd.DataFrame:
    """The rows of ``table`` for ``measure``, with a clear error when it is absent."""
    require_columns(table, ["measure", *columns], what="comparison table")
    rows = table[table["measure"] == measure]
    if rows.empty:
        raise FramingError(f"measure {measure!r} not in the table; measures present: "
                           f"{sorted(table['measure'].unique())}.")
    return rows.reset_index(drop=True)
