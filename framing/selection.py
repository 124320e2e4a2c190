"""As quoted vs at source: what outlets chose to quote, against what the source published.

The selection side of framing. For one source (Trump, KCNA) :func:`quoted_vs_source` builds
four groups of scored rows over the same weeks and compares them:

* ``at source, quoted``: the source's originals (tweets, dispatches) that some article quotes
  (a segment's ``linked_doc_id``, see :func:`framing.link_quotes`);
* ``at source, not quoted``: its other originals of the same weeks;
* ``as quoted, linked``: the article segments linked to one of its originals (the words the
  outlets took, in their cut);
* ``as quoted, all``: every direct or indirect segment of the source's voice (``source``
  column), linked or not, plus the linked segments of other voices (a tweet the engine did not
  credit to Trump is still his).

"The same weeks" are the weeks (Monday..Sunday, UTC) in which articles quoted the source, and
the ``weeks_before`` weeks before each (quotes lag their originals). Originals are their own
clusters; segments cluster by article. Estimates come from
:func:`framing.compare.compare_sources`, differences (quoted minus not quoted; as quoted minus
at source, for linked words and for all) from the difference estimator of ``framing.compare``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import compare as _compare
from ._checks import require_columns
from .errors import FramingError

__all__ = ["SELECTION_GROUPS", "SelectionResult", "quoted_vs_source"]

#: the four groups of :func:`quoted_vs_source`, in reporting order
SELECTION_GROUPS = ("at source, quoted", "at source, not quoted", "as quoted, linked", "as quoted, all")
#: the differences reported (group a minus group b)
_PAIRS = (("at source, quoted", "at source, not quoted"),
          ("as quoted, linked", "at source, quoted"),
          ("as quoted, all", "at source, not quoted"))
_QUOTE_KINDS = ("direct", "indirect")


def _difference(data, **options):
    """The two-group difference of ``framing.compare`` (``test_difference``, being renamed
    ``estimate_difference``): one place to update when the name changes."""
    estimate = getattr(_compare, "estimate_difference", None) or getattr(_compare, "test_difference")
    return estimate(data, **options)


@dataclass(frozen=True)
class SelectionResult:
    """Result of :func:`quoted_vs_source`: ``rows`` (the scored rows with ``group`` and
    ``cluster``), ``estimates`` (one row per group and measure, the columns of
    ``compare_sources``) and ``differences`` (one row per pair and measure, the fields of
    :class:`framing.DifferenceResult`)."""

    rows: pd.DataFrame
    estimates: pd.DataFrame
    differences: pd.DataFrame


def quoted_vs_source(linked: pd.DataFrame, originals: pd.DataFrame, *, documents: pd.DataFrame, source: str,
                     measures, weeks_before: int = 1, confidence: float = 0.95, n_resamples: int = 2000,
                     n_permutations: int = 2000, random_state=0) -> SelectionResult:
    """Compare a source's words as quoted in articles with the same source's own output.

    Parameters
    ----------
    linked : DataFrame
        Scored segments with links: :func:`framing.link_quotes` output passed through
        :func:`framing.score` (``doc_id, kind, source, linked_doc_id`` and the measures).
    originals : DataFrame
        Scored originals (``doc_id, source, date`` and the measures), e.g. the Trump archive
        and KCNA dispatches; rows of other sources are ignored.
    documents : DataFrame
        The articles (``doc_id, date``).
    source : str
        The source compared ("Trump", "KCNA"): its value in ``originals.source`` and the
        segments' ``source``.
    measures : str or list of str
        Score columns present in both frames, e.g. ``["vader_compound", "cue_conflict"]``.
    weeks_before : int
        Weeks before each quoting week whose originals count as "the same weeks".
    confidence, n_resamples, n_permutations, random_state
        As in :func:`framing.compare.compare_sources` and the difference estimator.

    Returns
    -------
    SelectionResult
        ``rows``, ``estimates`` and ``differences`` (see the module docstring for the groups).
        A group without rows is absent from ``estimates``; a difference needing it is skipped.

    Examples
    --------
    >>> import pandas as pd, framing
    >>> tweets = framing.make_documents([
    ...     {"doc_id": f"t{i}", "source": "Trump", "date": "2018-06-11", "text": text}
    ...     for i, text in enumerate(["Great talks, wonderful progress!", "Bad deal, total disaster.",
    ...                                "Terrible fake news.", "A great day for peace!"])])
    >>> docs = framing.make_documents([{"doc_id": f"a{i}", "source": "Wire", "date": "2018-06-12",
    ...     "text": "x"} for i in range(2)])
    >>> linked = pd.DataFrame({"doc_id": ["a0", "a1"], "kind": ["direct", "direct"],
    ...     "source": ["Trump", "Trump"], "linked_doc_id": ["t0", "t3"],
    ...     "text": ["Great talks, wonderful progress!", "a great day for peace"]})
    >>> result = framing.quoted_vs_source(framing.score(linked, measures=["vader"]),
    ...     framing.score(tweets, measures=["vader"]), documents=docs, source="Trump",
    ...     measures="vader_compound", n_resamples=200, n_permutations=200)
    >>> result.estimates.set_index("group")["n"].to_dict()
    {'at source, quoted': 2, 'at source, not quoted': 2, 'as quoted, linked': 2, 'as quoted, all': 2}
    """
    measures = [measures] if isinstance(measures, str) else list(measures)
    require_columns(linked, ["doc_id", "kind", "source", "linked_doc_id", *measures], what="linked segments")
    require_columns(originals, ["doc_id", "source", "date", *measures], what="originals")
    require_columns(documents, ["doc_id", "date"], what="documents")
    own = originals[originals["source"] == source]
    if own.empty:
        raise FramingError(f"no originals of source {source!r}; sources present: {sorted(originals['source'].unique())[:10]}.")
    own_ids = set(own["doc_id"])
    week = dict(zip(documents["doc_id"], _weeks(documents["date"])))
    is_linked = linked["linked_doc_id"].isin(own_ids)
    voiced = (linked["source"] == source) & linked["kind"].isin(_QUOTE_KINDS)
    quoting = linked[is_linked | voiced]
    quoting_weeks = {w for w in quoting["doc_id"].map(week) if w is not None and not pd.isna(w)}
    wanted = {w - k for w in quoting_weeks for k in range(weeks_before + 1)}
    own_weeks = _weeks(own["date"])
    in_period = own[[w in wanted for w in own_weeks]]
    quoted_ids = set(linked.loc[is_linked, "linked_doc_id"])
    columns = ["doc_id", *measures]
    parts = [
        in_period.loc[in_period["doc_id"].isin(quoted_ids), columns].assign(
            group=SELECTION_GROUPS[0], cluster=lambda t: t["doc_id"]),
        in_period.loc[~in_period["doc_id"].isin(quoted_ids), columns].assign(
            group=SELECTION_GROUPS[1], cluster=lambda t: t["doc_id"]),
        linked.loc[is_linked, columns].assign(group=SELECTION_GROUPS[2], cluster=lambda t: t["doc_id"]),
        quoting[columns].assign(group=SELECTION_GROUPS[3], cluster=lambda t: t["doc_id"]),
    ]
    rows = pd.concat([p for p in parts if len(p)], ignore_index=True)
    if rows.empty:
        raise FramingError(f"no rows to compare for {source!r}: no segment quotes it and no original falls in a quoting week.")
    estimates = _compare.compare_sources(rows, measures=measures, by="group", cluster="cluster", confidence=confidence,
                                         n_resamples=n_resamples, random_state=random_state)
    order = {g: i for i, g in enumerate(SELECTION_GROUPS)}
    estimates = estimates.sort_values(["group", "measure"], key=lambda c: c.map(order) if c.name == "group" else c,
                                      kind="stable").reset_index(drop=True)
    present = set(rows["group"])
    differences = pd.DataFrame([
        _difference(rows, measure=m, groups=pair, by="group", cluster="cluster", confidence=confidence,
                   n_resamples=n_resamples, n_permutations=n_permutations, random_state=random_state).to_dict()
        for pair in _PAIRS if set(pair) <= present for m in measures])
    estimates.insert(0, "source", source)
    if len(differences):
        differences.insert(0, "source", source)
    return SelectionResult(rows=rows.assign(source=source), estimates=estimates, differences=differences)


def _weeks(dates) -> list:
    """Week number (weeks since 1970-01-05, a Monday) of each date, None when undated."""
    stamps = pd.to_datetime(pd.Series(list(dates), dtype=object), utc=True, errors="coerce", format="mixed")
    days = (stamps - pd.Timestamp("1970-01-05", tz="UTC")) // pd.Timedelta(days=7)
    return [None if missing else int(d) for d, missing in zip(days.fillna(0), stamps.isna())]
