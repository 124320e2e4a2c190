"""Charts of the tables made by :mod:`framing.compare`: draw only, never compute or save.

Each function takes ``ax=None`` (a new figure when None), draws on it and returns the Axes.
Statistics come from the table as they are, so a chart shows exactly the numbers of the table
saved beside it by :func:`framing.figures.save_figure`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import require_columns
from .errors import FramingError

__all__ = ["plot_cue_profile", "plot_distinctive_terms", "plot_over_time", "plot_sources", "plot_timeline_events"]

_INTERVAL = ("mean", "ci_low", "ci_high")


def plot_sources(table, *, measure, by="source", ax=None):
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

    Returns
    -------
    matplotlib Axes
        One error bar per group; tick labels read ``"<group> (n=<rows>, <clusters> docs)"``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> from framing.plot import plot_sources
    >>> data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"),
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> ax = plot_sources(compare_sources(data, measures="score", n_resamples=50), measure="score")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A (n=2, 2 docs)', 'B (n=2, 2 docs)']
    """
    rows = _rows_for(table, measure, [by, *_INTERVAL, "n", "n_clusters"])
    ax = _axes(ax)
    positions = np.arange(len(rows))
    mean = rows["mean"].to_numpy(float)
    low, high = rows["ci_low"].to_numpy(float), rows["ci_high"].to_numpy(float)
    errors = np.vstack([mean - low, high - mean])
    ax.errorbar(mean, positions, xerr=errors, fmt="o", capsize=4, color="C0", ecolor="C0")
    ax.set_yticks(positions, [f"{g} (n={n}, {k} docs)" for g, n, k in
                              zip(rows[by], rows["n"], rows["n_clusters"])])
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first group on top
    if np.nanmin(low, initial=np.inf) < 0 < np.nanmax(high, initial=-np.inf):
        ax.axvline(0, color="0.75", linewidth=0.8, zorder=0)
    ax.set_xlabel(f"{measure}: mean and {_confidence(rows)} interval")
    ax.set_title(_method_note(rows))
    return ax


def plot_over_time(table, *, measure, by="source", ax=None):
    """Mean of one measure per period, one line and interval band per group.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.compare.compare_over_time`; rows whose period is NaT are not
        drawn.
    measure, by, ax
        As in :func:`plot_sources`.

    Returns
    -------
    matplotlib Axes
        One line (markers at the period starts) and one shaded band per group, with a legend.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_over_time
    >>> from framing.plot import plot_over_time
    >>> data = pd.DataFrame({"source": ["A"] * 4, "doc_id": list("1234"),
    ...                      "date": ["2018-01-02", "2018-01-09", "2018-02-01", "2018-02-05"],
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> table = compare_over_time(data, measures="score", n_resamples=50)
    >>> len(plot_over_time(table, measure="score").lines)
    1
    """
    rows = _rows_for(table, measure, [by, "period", *_INTERVAL])
    rows = rows[rows["period"].notna()]
    ax = _axes(ax)
    for index, (group, part) in enumerate(rows.groupby(by, sort=False)):
        part = part.sort_values("period")
        x = pd.PeriodIndex(part["period"]).to_timestamp()
        color = f"C{index % 10}"
        ax.plot(x, part["mean"].to_numpy(float), marker="o", markersize=3, color=color,
                label=str(group))
        ax.fill_between(x, part["ci_low"].to_numpy(float), part["ci_high"].to_numpy(float),
                        color=color, alpha=0.2, linewidth=0)
    ax.set_ylabel(f"{measure} (mean, {_confidence(rows)} interval)")
    ax.set_xlabel("period")
    if len(rows):
        ax.legend(title=by, frameon=False)
    return ax


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
    ax.barh(positions, rows["z"].to_numpy(float), color="C0")
    ax.set_yticks(positions, [f"{t} ({c})" for t, c in zip(rows["term"], rows["count"])])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlabel("z of weighted log-odds vs the rest")
    ax.set_title(str(group))
    return ax


def plot_cue_profile(table, *, measures, by="source", ax=None):
    """Heat map of the mean of several measures (e.g. cue families) per group, values printed.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.compare.compare_sources` holding every measure in ``measures``.
    measures : list of str
        Columns of the heat map, in this order; a ``cue_`` prefix is dropped from the labels.
    by, ax
        As in :func:`plot_sources`.

    Returns
    -------
    matplotlib Axes
        One image (groups x measures) with one text label per cell and a colour bar.

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
    measures = [measures] if isinstance(measures, str) else list(measures)
    require_columns(table, [by, "measure", "mean"], what="comparison table")
    absent = [m for m in measures if m not in set(table["measure"])]
    if absent:
        raise FramingError(f"measure(s) {absent} not in the table; measures present: "
                           f"{sorted(table['measure'].unique())}.")
    groups = list(pd.unique(table[by]))
    grid = (table[table["measure"].isin(measures)]
            .pivot(index=by, columns="measure", values="mean")
            .reindex(index=groups, columns=measures))
    values = grid.to_numpy(float)
    ax = _axes(ax)
    image = ax.imshow(values, cmap="viridis", aspect="auto")
    finite = values[np.isfinite(values)]
    middle = (finite.min() + finite.max()) / 2 if finite.size else 0.0
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, "" if np.isnan(value) else f"{value:.2f}", ha="center", va="center",
                color="black" if value > middle else "white", fontsize=8)
    ax.set_xticks(np.arange(len(measures)), [m.removeprefix("cue_") for m in measures],
                  rotation=45, ha="right")
    ax.set_yticks(np.arange(len(groups)), [str(g) for g in groups])
    ax.figure.colorbar(image, ax=ax, label="mean")
    return ax


def _rows_for(table, measure, columns) -> pd.DataFrame:
    """The rows of ``table`` for ``measure``, with a clear error when it is absent."""
    require_columns(table, ["measure", *columns], what="comparison table")
    rows = table[table["measure"] == measure]
    if rows.empty:
        raise FramingError(f"measure {measure!r} not in the table; measures present: "
                           f"{sorted(table['measure'].unique())}.")
    return rows.reset_index(drop=True)


def _axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # a pyplot figure so notebooks display it; never shown here

    return plt.subplots(figsize=(6.4, 4.0), layout="constrained")[1]


def _confidence(rows) -> str:
    if "confidence" in rows and rows["confidence"].nunique() == 1:
        return f"{rows['confidence'].iloc[0]:.0%}"
    return "confidence"


def _method_note(rows) -> str:
    if "method" in rows and rows["method"].nunique() == 1:
        return {"bootstrap": "cluster bootstrap (percentile)", "bca": "cluster bootstrap (BCa)",
                "cr1": "cluster-robust (CR1) t interval"}.get(rows["method"].iloc[0], "")
    return ""


def plot_timeline_events(table, *, measure, by="source", events=None, ax=None):
    """:func:`plot_over_time` with the events marked: a dashed line per event (a band for
    events that span days), labelled at the top.

    Parameters
    ----------
    table : DataFrame
        Output of :func:`framing.events.event_timeline` (or ``compare_over_time``).
    measure, by, ax
        As in :func:`plot_over_time`.
    events : DataFrame, optional
        Output of :func:`framing.events.load_events`; default: the shipped events. Only events
        inside the drawn dates are marked.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.events import event_timeline
    >>> from framing.plot import plot_timeline_events
    >>> data = pd.DataFrame({"source": ["A"] * 4, "doc_id": list("abcd"), "score": [0.1, 0.3, 0.5, 0.4],
    ...     "date": ["2018-06-01", "2018-06-04", "2018-06-12", "2018-06-20"]})
    >>> ax = plot_timeline_events(event_timeline(data, measures="score", n_resamples=50), measure="score")
    >>> [t.get_text() for t in ax.texts]
    ['Singapore summit']
    """
    from .events import load_events

    ax = plot_over_time(table, measure=measure, by=by, ax=ax)
    events = load_events(events)
    low, high = ax.get_xlim()
    import matplotlib.dates as mdates

    for event in events.itertuples(index=False):
        start, end = (mdates.date2num(d.tz_convert(None)) for d in (event.date, event.end_date))
        if end < low or start > high:
            continue
        if end > start:
            ax.axvspan(start, end + 1, color="0.5", alpha=0.2, linewidth=0)
        else:
            ax.axvline(start, color="0.4", linestyle="--", linewidth=0.8)
        ax.text(start, 1.0, event.label, transform=ax.get_xaxis_transform(), rotation=90, va="top", ha="right",
                fontsize="x-small", color="0.3")
    ax.set_xlim(low, high)
    return ax
