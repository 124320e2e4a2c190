"""Events and time: per-source estimates before and after events, and timelines with events.

Rules:

* Events come from an editable table (``framing/data/events.csv``: ``date, end_date, label,
  citation``; see ``events.md``) or the caller's own frame with those columns.
* Windows are whole UTC days: **before** is the ``before`` days ending the day before the
  event starts; **after** runs from the event's first day through ``after`` days past its last
  day (the event days count as after: reactions start the same day). Rows without a date fall
  in no window (their number is logged).
* Estimates per (group, event, window) come from :func:`framing.compare.compare_sources`, the
  after-minus-before difference from the difference estimator of ``framing.compare`` (cluster
  bootstrap interval, cluster permutation p-value), clusters being articles (``doc_id``).
* :func:`event_timeline` is :func:`framing.compare.compare_over_time` plus the events that fall
  in each period: the table :func:`framing.plot.plot_over_time` draws (``events=`` marks the events).
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from ._checks import require_columns
from ._data import data_table
from .compare import compare_over_time, compare_sources
from .errors import FramingError
from .compare import estimate_difference

__all__ = ["event_timeline", "event_windows", "load_events"]

logger = logging.getLogger(__name__)
_WINDOWS = ("before", "after")


def load_events(events=None) -> pd.DataFrame:
    """Return an events table with ``date`` and ``end_date`` as UTC days, checked.

    Parameters
    ----------
    events : DataFrame or path, optional
        Your own table (columns ``date``, ``label``; ``end_date`` and ``citation`` optional).
        Default: the shipped ``framing/data/events.csv``.

    Examples
    --------
    >>> from framing import load_events
    >>> events = load_events()
    >>> events.set_index("label").loc["Hanoi summit", ["date", "end_date"]].dt.strftime("%Y-%m-%d").tolist()
    ['2019-02-27', '2019-02-28']
    """
    table = data_table("events.csv", events)
    require_columns(table, ["date", "label"], what="events")
    for column in ("end_date", "citation"):
        if column not in table.columns:
            table[column] = ""
    start = pd.to_datetime(table["date"], utc=True, errors="coerce", format="mixed")
    if start.isna().any():
        bad = table.loc[start.isna(), "label"].tolist()[:5]
        raise FramingError(f"events {bad} have no readable date; write dates as YYYY-MM-DD.")
    end_text = table["end_date"].where(table["end_date"].astype(str).str.strip() != "", None)
    end = pd.to_datetime(end_text, utc=True, errors="coerce", format="mixed").fillna(start)
    if (end < start).any():
        bad = table.loc[end < start, "label"].tolist()[:5]
        raise FramingError(f"events {bad} end before they start; check end_date.")
    if table["label"].duplicated().any():
        raise FramingError(f"event labels repeat: {sorted(set(table.loc[table['label'].duplicated(), 'label']))}; make them unique.")
    out = table.assign(date=start.dt.floor("D"), end_date=end.dt.floor("D"))
    return out[["date", "end_date", "label", "citation"]].reset_index(drop=True)


def event_windows(data: pd.DataFrame, *, measures, events=None, by="source", date="date", before: int = 14,
                  after: int = 14, cluster="doc_id", weight="segment", confidence=0.95, n_resamples=2000,
                  n_permutations=2000, random_state=0) -> pd.DataFrame:
    """Per-group estimates in windows before and after each event, and their difference.

    Parameters
    ----------
    data : DataFrame
        Scored rows with a date (documents, or segments with their article's date).
    measures : str or list of str
        Score columns.
    events : DataFrame or path, optional
        Events (see :func:`load_events`); default the shipped table.
    by, date, cluster : str
        Group, date and cluster columns.
    before, after : int
        Window lengths in days (see the module rules).
    weight, confidence, n_resamples, n_permutations, random_state
        As in :func:`framing.compare.compare_sources` and
        :func:`framing.compare.estimate_difference` (``weight``: "segment" by default, every row
        counts once; "word" or "document").

    Returns
    -------
    DataFrame
        One row per (``by``, event, measure): ``event``, ``event_date``, ``measure``, then for
        each window ``n_before, n_clusters_before, mean_before, ci_low_before,
        ci_high_before, method_before`` (and ``_after``; ``method``: the interval used, BCa
        below 30 clusters), and ``difference`` (after minus before), ``diff_ci_low``,
        ``diff_ci_high``, ``p_value``, ``weight`` (what is averaged): NaN when a window is
        empty, interval NaN when a window has one cluster. Groups with no row in either window
        are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import event_windows
    >>> data = pd.DataFrame({"source": ["A"] * 6, "doc_id": list("abcdef"),
    ...     "date": ["2018-06-01", "2018-06-05", "2018-06-10", "2018-06-12", "2018-06-14", "2018-06-20"],
    ...     "score": [0.0, 0.2, 0.1, 0.5, 0.7, 0.6]})
    >>> events = pd.DataFrame({"date": ["2018-06-12"], "label": ["Singapore summit"]})
    >>> table = event_windows(data, measures="score", events=events, n_resamples=200, n_permutations=200)
    >>> table[["event", "n_before", "n_after", "difference"]].round(2).values.tolist()
    [['Singapore summit', 3, 3, 0.5]]
    """
    measures = [measures] if isinstance(measures, str) else list(measures)
    require_columns(data, [by, date, *measures, *([cluster] if cluster else [])], what="data")
    if before < 1 or after < 0:
        raise FramingError(f"before must be at least 1 day and after at least 0, got before={before}, after={after}.")
    table = load_events(events)
    days = pd.to_datetime(data[date], utc=True, errors="coerce", format="mixed").dt.floor("D")
    if (undated := int(days.isna().sum())):
        logger.info("event_windows: %d rows without a date fall in no window", undated)
    rows = []
    for event in table.itertuples(index=False):
        in_before = (days >= event.date - pd.Timedelta(days=before)) & (days < event.date)
        in_after = (days >= event.date) & (days <= event.end_date + pd.Timedelta(days=after))
        window = np.where(in_before, "before", np.where(in_after, "after", ""))
        framed = data.assign(_window=window)[window != ""]
        for group, part in framed.groupby(by, sort=True):
            estimates = compare_sources(part, measures=measures, by="_window", cluster=cluster, weight=weight,
                                        confidence=confidence, n_resamples=n_resamples, random_state=random_state)
            for measure in measures:
                record = {by: group, "event": event.label, "event_date": event.date, "measure": measure}
                for name in _WINDOWS:
                    found = estimates[(estimates["_window"] == name) & (estimates["measure"] == measure)]
                    first = found.iloc[0] if len(found) else None
                    for field in _WINDOW_FIELDS:
                        default = 0 if field.startswith("n") else "" if field == "method" else np.nan
                        record[f"{field}_{name}"] = first[field] if first is not None else default
                record.update(_after_minus_before(part, measure, cluster, record, weight=weight, confidence=confidence,
                                                  n_resamples=n_resamples, n_permutations=n_permutations,
                                                  random_state=random_state))
                record["weight"] = weight
                rows.append(record)
    columns = [by, "event", "event_date", "measure"] + [f"{f}_{w}" for w in _WINDOWS for f in _WINDOW_FIELDS]
    columns += ["difference", "diff_ci_low", "diff_ci_high", "p_value", "weight"]
    return pd.DataFrame(rows, columns=columns)


_WINDOW_FIELDS = ("n", "n_clusters", "mean", "ci_low", "ci_high", "method")


def _after_minus_before(part, measure, cluster, record, **options) -> dict:
    empty = {"difference": np.nan, "diff_ci_low": np.nan, "diff_ci_high": np.nan, "p_value": np.nan}
    if not record["n_before"] or not record["n_after"]:
        return empty
    result = estimate_difference(part, measure=measure, groups=("after", "before"), by="_window", cluster=cluster, **options)
    return {"difference": result.difference, "diff_ci_low": result.ci_low, "diff_ci_high": result.ci_high,
            "p_value": result.p_value}


def event_timeline(data: pd.DataFrame, *, measures, events=None, by="source", date="date", freq="W",
                   cluster="doc_id", weight="segment", confidence=0.95, n_resamples=2000,
                   random_state=0) -> pd.DataFrame:
    """Estimates per group and period, with the events that fall in each period.

    Parameters
    ----------
    data, measures, by, date, cluster, weight, confidence, n_resamples, random_state
        As in :func:`framing.compare.compare_over_time` (the ``weight`` column says what is averaged).
    events : DataFrame or path, optional
        Events (see :func:`load_events`); default the shipped table.
    freq : str
        pandas period alias ("W", "M", ...).

    Returns
    -------
    DataFrame
        The :func:`framing.compare.compare_over_time` table plus ``period_start`` (timestamp)
        and ``events`` (labels of the events starting in that period, "; " joined, "" if none).

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import event_timeline
    >>> data = pd.DataFrame({"source": ["A"] * 4, "doc_id": list("abcd"), "score": [0.1, 0.3, 0.5, 0.4],
    ...     "date": ["2018-06-01", "2018-06-04", "2018-06-12", "2018-06-13"]})
    >>> table = event_timeline(data, measures="score", n_resamples=100)
    >>> table[["period_start", "events"]].astype(str).values.tolist()
    [['2018-05-28', ''], ['2018-06-04', ''], ['2018-06-11', 'Singapore summit']]
    """
    table = compare_over_time(data, measures=measures, by=by, date=date, freq=freq, cluster=cluster, weight=weight,
                              confidence=confidence, n_resamples=n_resamples, random_state=random_state)
    known = table["period"].notna()
    starts = pd.Series(pd.NaT, index=table.index, dtype="datetime64[ns]")
    starts[known] = pd.PeriodIndex(table.loc[known, "period"]).to_timestamp()
    labels = {}
    for event in load_events(events).itertuples(index=False):
        period = pd.Period(event.date.tz_convert(None), freq=table.loc[known, "period"].iloc[0].freq) if known.any() else None
        labels.setdefault(period, []).append(event.label)
    table.insert(table.columns.get_loc("period") + 1, "period_start", starts.dt.date.astype(object))
    table["events"] = ["; ".join(labels.get(p, [])) if isinstance(p, pd.Period) else "" for p in table["period"]]
    return table
