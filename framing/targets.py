"""Sentiment toward a target: score the clauses that mention Trump, Kim, the US, the Koreas, China.

Overall tone mixes what a voice says about everyone; "KCNA about the United States" and "Trump
about Kim" need the clauses that name the target. Rules:

* **Mentions** come from an editable alias table (``framing/data/targets.csv``, see
  ``targets.md``): case-sensitive whole words, longest alias first at each position; a row
  without a target is a blocker ("Kim Yo Jong" keeps "Kim" from meaning Kim Jong Un). Users add
  or replace aliases with ``targets=``.
* **Clauses** are the sentences of each row's text (``framing.text.sentence_spans``) cut at
  semicolons, colons and dashes (`` — ``, `` – ``, `` -- ``) and before a comma followed by a
  conjunction that opens a new clause ("but", "while", "whereas", "although", "though",
  "because", "yet").
* One output row per (input row, clause, target mentioned in it): the clause's scores belong
  to every target it names. Offsets are in the coordinates of the document when the input has
  a ``start`` column (``framing.voices`` segments), else of the row's text.
* :func:`target_sentiment` averages clause scores per voice and target with the cluster
  intervals of :func:`framing.compare.compare_sources` (clusters: documents);
  :func:`explain_targets` gives the receipt of a clause in document offsets.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from ._checks import require_columns
from ._data import data_table
from .compare import compare_sources
from .errors import FramingError
from .scoring import explain, score
from .text import sentence_spans

__all__ = ["TARGETS", "explain_targets", "load_targets", "target_clauses", "target_sentiment"]

#: the targets of the shipped table
TARGETS = ("Trump", "Kim Jong Un", "United States", "North Korea", "South Korea", "China")
_CLAUSE_BREAK = re.compile(r"\s*(?:;|:(?=\s)|\s[—–]\s|\s--\s)\s*|,\s+(?=(?:but|while|whereas|although|though|because|yet)\b)")
_KEY = "\x1f"


def load_targets(targets=None) -> pd.DataFrame:
    """Return the alias table (``alias, target, note``): the shipped one, updated by ``targets``.

    Parameters
    ----------
    targets : dict, DataFrame or path, optional
        Extra or replacing entries: a dict alias -> target ("" for a blocker) or a table with
        columns ``alias`` and ``target``. An alias already in the shipped table is replaced.

    Examples
    --------
    >>> from framing import load_targets
    >>> table = load_targets({"Moon Jae-in": "Moon"})
    >>> table.set_index("alias").loc[["Chairman Kim", "Moon Jae-in"], "target"].tolist()
    ['Kim Jong Un', 'Moon']
    """
    table = data_table("targets.csv")
    if targets is not None:
        if isinstance(targets, dict):
            extra = pd.DataFrame({"alias": list(targets), "target": list(targets.values())})
        else:
            extra = data_table("targets.csv", targets)
        require_columns(extra, ["alias", "target"], what="target table")
        extra = extra.fillna("").astype(str)
        table = pd.concat([table[~table["alias"].isin(extra["alias"])], extra], ignore_index=True)
    empty = table["alias"].str.strip() == ""
    if empty.any():
        raise FramingError(f"target table rows {list(table.index[empty][:5])} have an empty alias; give every row its words.")
    return table.fillna("").reset_index(drop=True)


@lru_cache(maxsize=8)
def _pattern(pairs: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict]:
    aliases = sorted({a for a, _ in pairs}, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in aliases)
    return re.compile(rf"(?<![\w@])(?:{body})(?!\w)"), dict(pairs)


def _clauses(text: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in sentence_spans(text):
        position = start
        for match in _CLAUSE_BREAK.finditer(text, start, end):
            if text[position:match.start()].strip():
                spans.append((position, match.start()))
            position = match.end()
        if text[position:end].strip():
            spans.append((position, end))
    return spans


def target_clauses(data: pd.DataFrame, *, text: str = "text", targets=None, measures=("vader", "textblob", "cues"),
                   families=None) -> pd.DataFrame:
    """Find the clauses that mention each target and score them (see the module rules).

    Parameters
    ----------
    data : DataFrame
        Segments from :func:`framing.voices_frame` (offsets kept in document coordinates) or
        any frame with a text column (documents, tweets).
    text : str
        The text column.
    targets : dict, DataFrame or path, optional
        Extra aliases (see :func:`load_targets`).
    measures, families
        Passed to :func:`framing.score` for the clause text.

    Returns
    -------
    DataFrame
        One row per (row, clause, target): the input's columns except ``text`` (``doc_id``,
        ``source``, ``kind`` ... ), then ``target``, ``aliases`` (the words that named it, "; "
        joined), ``mention_starts`` (their offsets, a list), ``clause_start``, ``clause_end``,
        ``clause`` and the score columns. Rows whose text names no target give no row.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import target_clauses
    >>> rows = pd.DataFrame({"doc_id": ["t1"], "source": ["Trump"],
    ...     "text": ["Chairman Kim was great; China must do more, but the U.S. is ready!"]})
    >>> out = target_clauses(rows, measures=["vader"])
    >>> out[["target", "aliases", "clause_start", "vader_compound"]].values.tolist()
    [['Kim Jong Un', 'Chairman Kim', 0, 0.6249], ['China', 'China', 24, 0.0], ['United States', 'U.S.', 44, 0.5487]]
    """
    require_columns(data, [text], what="data")
    table = load_targets(targets)
    pattern, target_of = _pattern(tuple(zip(table["alias"], table["target"])))
    offsets = data["start"].tolist() if "start" in data.columns else [0] * len(data)
    keep = [c for c in data.columns if c != text]
    records = []
    for position, (value, base) in enumerate(zip(data[text].tolist(), offsets)):
        if not isinstance(value, str) or not pattern.search(value):
            continue
        base = int(base) if isinstance(base, (int, float)) and base >= 0 else 0
        for start, end in _clauses(value):
            found: dict[str, list] = {}
            for match in pattern.finditer(value, start, end):
                target = target_of[match.group(0)]
                if target:
                    found.setdefault(target, []).append((match.group(0), base + match.start()))
            for target, mentions in found.items():
                records.append((position, target, "; ".join(dict.fromkeys(w for w, _ in mentions)),
                                [s for _, s in mentions], base + start, base + end, value[start:end]))
    columns = ["_row", "target", "aliases", "mention_starts", "clause_start", "clause_end", "clause"]
    found_rows = pd.DataFrame.from_records(records, columns=columns)
    carried = data[keep].iloc[found_rows["_row"].to_numpy()].reset_index(drop=True)
    out = pd.concat([carried, found_rows.drop(columns="_row")], axis=1)
    return score(out, text="clause", measures=measures, families=families, cue=False)


def target_sentiment(clauses: pd.DataFrame, *, by="source", measures="vader_compound", targets=None,
                     cluster="doc_id", confidence=0.95, n_resamples=2000, method="bootstrap",
                     random_state=0) -> pd.DataFrame:
    """Mean clause score per voice and target, with cluster intervals.

    Parameters
    ----------
    clauses : DataFrame
        Output of :func:`target_clauses`.
    by : str
        The voice column ("source", "voice_group", "outlet", ...).
    measures : str or list of str
        Score columns of the clauses.
    targets : list of str, optional
        Keep these targets only (default all).
    cluster, confidence, n_resamples, method, random_state
        As in :func:`framing.compare.compare_sources`.

    Returns
    -------
    DataFrame
        One row per (``by``, target, measure): ``<by>, target`` and the columns of
        ``compare_sources``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import target_clauses, target_sentiment
    >>> rows = pd.DataFrame({"doc_id": ["1", "2", "3"], "source": ["KCNA"] * 3,
    ...     "text": ["The U.S. is hostile.", "The U.S. must stop its threats.", "China is a friend."]})
    >>> table = target_sentiment(target_clauses(rows, measures=["vader"]), n_resamples=200)
    >>> table[["source", "target", "n"]].values.tolist()
    [['KCNA', 'China', 1], ['KCNA', 'United States', 2]]
    """
    require_columns(clauses, [by, "target"], what="clauses")
    data = clauses if targets is None else clauses[clauses["target"].isin(list(targets))]
    if data.empty:
        raise FramingError(f"no clauses for targets {targets}; targets present: {sorted(clauses['target'].unique())}.")
    labels = data[by].astype(str) + _KEY + data["target"]
    table = compare_sources(data.assign(_key=labels.to_numpy()), measures=measures, by="_key", cluster=cluster,
                            confidence=confidence, n_resamples=n_resamples, method=method, random_state=random_state)
    split = table["_key"].str.split(_KEY, n=1, expand=True)
    return pd.concat([split.set_axis([by, "target"], axis=1), table.drop(columns="_key")], axis=1)


def explain_targets(clauses: pd.DataFrame, *, row, measures=("vader", "cues")) -> pd.DataFrame:
    """The receipt of target clauses: the words behind each score, in document offsets.

    Parameters
    ----------
    clauses : DataFrame
        Output of :func:`target_clauses`.
    row : index label or list of labels
        The clauses to explain.
    measures : sequence of str
        As in :func:`framing.explain`.

    Returns
    -------
    DataFrame
        :func:`framing.explain` rows (``row, measure, field, token, start, end, weight ...``)
        with ``start``/``end`` shifted to the document's (or row's) coordinates, plus the
        clause's ``target`` and ``aliases``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import explain_targets, target_clauses
    >>> rows = pd.DataFrame({"doc_id": ["1"], "start": [100], "text": ["Talks stalled. The U.S. is hostile."]})
    >>> clauses = target_clauses(rows, measures=["vader"])
    >>> explain_targets(clauses, row=0, measures=["vader"])[["token", "start", "end", "target"]].values.tolist()
    [['hostile', 127, 134, 'United States']]
    """
    require_columns(clauses, ["clause", "clause_start", "target"], what="clauses")
    receipt = explain(clauses, row=row, text="clause", measures=measures, cue=False)
    shift = receipt["row"].map(clauses["clause_start"])
    spans = receipt["start"] >= 0
    receipt.loc[spans, "start"] = receipt.loc[spans, "start"] + shift[spans]
    receipt.loc[spans, "end"] = receipt.loc[spans, "end"] + shift[spans]
    receipt["target"] = receipt["row"].map(clauses["target"])
    receipt["aliases"] = receipt["row"].map(clauses["aliases"])
    return receipt
