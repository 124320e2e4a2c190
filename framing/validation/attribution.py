"""Score voice segments against gold attribution spans (PolNeAR's Source / Cue / Content).

Matching, precisely
-------------------
* **Tokens.** Texts are cut into words with ``framing.text.word_spans`` (punctuation and
  quotation marks are not tokens, so "“Wrong!”" and "Wrong" are the same content).
* **Predicted content spans.** Segments of kind ``direct`` or ``indirect``. Segments of one
  document that share one cue (same ``cue_start``/``cue_end``, ``cue_start >= 0``) and the same
  kind form one predicted span, so ``“X,” he said, “Y.”`` is one span, like the gold's
  discontinuous content ``X ... Y``. A span is its set of tokens.
* **Gold content spans.** One per relation (discontinuous BRAT pieces united).
* **Match.** A predicted span ``p`` and a gold span ``g`` overlap enough when
  ``|p ∩ g| >= threshold * |p|`` (precision side) or ``|p ∩ g| >= threshold * |g|`` (recall
  side), with ``threshold = 0.5``: more than half of the span is right.
  Precision = predicted spans with at least half their tokens inside *one* gold span / all
  predicted spans. Recall = gold spans with at least half their tokens covered by *one*
  predicted span / all gold spans. F1 is their harmonic mean.
* **Direct quotes only.** Gold direct spans are gold content spans whose text starts with a
  double quotation mark (" “ ” „ «, after white space); predicted direct spans are ``direct``
  segments. Direct precision: predicted direct spans matched by any gold span; direct recall:
  gold direct spans found by a predicted direct span.
* **Speaker accuracy.** For each recalled gold span that has a Source span, the predicted span
  overlapping it most: correct when its mention offsets (``mention_start``/``mention_end``)
  overlap the gold Source span by at least one character (``speaker_accuracy``, strict).
* **Nested reports.** In "X said Y thinks Z" PolNeAR annotates the content Z with either
  source, X or Y, depending on the annotator's reading; the segments keep Y as ``speaker`` and
  X as ``outer_speaker`` (offsets ``outer_mention_start``/``outer_mention_end``).
  ``speaker_accuracy_nested`` counts a gold span's speaker as found when the predicted
  ``speaker`` mention *or* the ``outer_speaker`` mention overlaps the gold Source span (the
  partition and every other number are unchanged; segments without the outer columns score
  the same on both). As in PolNeAR, the nested words are also the outer report's words: a
  predicted span whose ``outer_mention_start``/``outer_mention_end`` equal the mention of a
  predicted span that starts before it adds its tokens to that outer span (X's content is
  "Y thinks Z"), and the speaker of a gold span comes from the predicted span that overlaps
  it most, the one with fewer tokens on ties (for the gold "Z", the inner report).
* **Phrase gold** (:func:`score_phrase_gold`). A hand-made table locates passages by a few
  words (``phrase``, its ``occurrence``-th appearance in the text) and states the expected
  ``kind``, ``speaker``, ``source`` and optionally ``cue`` of the segment holding the phrase's
  first character. Names compare case-insensitively; ``a|b`` accepts either (names and
  kinds); ``A & B`` is a
  joint voice (order free); ``*`` is not checked; ``@outlet`` is the document's own voice
  (its ``source``); a gold ``cue`` is right when it occurs inside the predicted cue.
* **Several annotators.** Each annotator's relations for an article are one gold set; counts
  are pooled over (article, annotator) pairs (micro-average). Annotation files without any
  relation are unfinished work and are left out (counted in ``n_empty_gold``).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .._checks import require_columns
from ..text import word_spans

__all__ = ["score_attributions", "evaluate_polnear", "segment_outcomes", "reliability_table", "score_phrase_gold"]

logger = logging.getLogger(__name__)

_DIRECT_START = re.compile(r"^\s*(?:''|[\"“”„«])")
_GOLD_COLUMNS = ("doc_id", "annotator", "content_spans", "source_spans", "content_text")
_SEGMENT_COLUMNS = ("doc_id", "start", "end", "kind", "cue_start", "cue_end", "mention_start", "mention_end")


def _token_index(text: str) -> tuple[np.ndarray, np.ndarray]:
    spans = word_spans(text)
    starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))
    ends = np.fromiter((e for _, e in spans), dtype=np.int64, count=len(spans))
    return starts, ends


def _tokens(index, pieces) -> frozenset:
    starts, ends = index
    out: set[int] = set()
    for a, b in pieces:
        lo = np.searchsorted(ends, a, side="right")   # first token ending after a
        hi = np.searchsorted(starts, b, side="left")  # tokens starting before b
        out.update(range(lo, hi))
    return frozenset(out)


def _predicted(segments: pd.DataFrame, index) -> list[dict]:
    groups: dict = {}
    order = []
    for row in segments.itertuples(index=False):
        if row.kind not in ("direct", "indirect"):
            continue
        key = (row.kind, row.cue_start, row.cue_end) if row.cue_start >= 0 else (row.kind, "seg", row.start)
        if key not in groups:
            groups[key] = {"kind": row.kind, "pieces": [], "mention": (row.mention_start, row.mention_end),
                           "outer": (getattr(row, "outer_mention_start", -1), getattr(row, "outer_mention_end", -1)),
                           "seg_ids": []}
            order.append(key)
        groups[key]["seg_ids"].append(getattr(row, "seg_id", -1))
        groups[key]["pieces"].append((row.start, row.end))
    spans = []
    for key in order:
        g = groups[key]
        g["tokens"] = _tokens(index, g["pieces"])
        g["extent"] = (min(a for a, _ in g["pieces"]), max(b for _, b in g["pieces"]))
        if g["tokens"]:
            spans.append(g)
    # a nested report's words are also its outer report's words ('X said Y thinks Z': X's content
    # is 'Y thinks Z'), as PolNeAR annotates them
    by_mention = {}
    for g in spans:
        by_mention.setdefault(g["mention"], []).append(g)
    for g in spans:
        if g["outer"][0] < 0:
            continue
        for outer in by_mention.get(g["outer"], ()):
            if outer is not g and outer["extent"][0] <= g["extent"][0]:
                outer["tokens"] = outer["tokens"] | g["tokens"]
    return spans


def _overlaps(mention, sources) -> bool:
    start, end = mention
    return start >= 0 and any(start < b and a < end for a, b in sources)


def score_attributions(segments: pd.DataFrame, gold: pd.DataFrame, documents: pd.DataFrame, *,
                       text: str = "text", threshold: float = 0.5) -> pd.DataFrame:
    """Content-span precision, recall, F1 (overall and direct quotes) and speaker accuracy.

    Parameters
    ----------
    segments : DataFrame
        Output of :func:`framing.voices_frame` (``doc_id, start, end, kind, cue_start, cue_end,
        mention_start, mention_end``).
    gold : DataFrame
        One row per gold relation, as from :func:`framing.datasets.load_polnear_attributions`
        (``doc_id, annotator, content_spans, source_spans, content_text``).
    documents : DataFrame
        The documents, for their texts (``doc_id`` and ``text``).
    text : str
        Name of the text column of ``documents``.
    threshold : float
        Share of a span's tokens that must overlap for a match (module docstring).

    Returns
    -------
    DataFrame
        Rows ``overall`` and ``direct`` with ``n_pred, n_gold, tp_pred, tp_gold, precision,
        recall, f1``, plus ``speaker_n``, ``speaker_accuracy``, ``speaker_accuracy_nested``
        (overall row) and the number of (article, annotator) gold sets scored and left out as
        empty.

    Examples
    --------
    >>> import framing
    >>> from framing.validation.attribution import score_attributions
    >>> docs = framing.make_documents([{"doc_id": "d", "text": 'Kim said talks went well.'}])
    >>> gold = pd.DataFrame({"doc_id": ["d"], "annotator": ["a"], "content_spans": [((9, 24),)],
    ...                      "source_spans": [((0, 3),)], "content_text": ["talks went well"]})
    >>> float(score_attributions(framing.voices_frame(docs), gold, docs).loc["overall", "f1"])
    1.0
    """
    require_columns(segments, _SEGMENT_COLUMNS, what="segments")
    require_columns(gold, _GOLD_COLUMNS, what="gold attributions")
    require_columns(documents, ["doc_id", text], what="documents")
    texts = dict(zip(documents["doc_id"], documents[text]))
    by_doc = {doc: frame for doc, frame in segments.groupby("doc_id", sort=False)}
    counts = defaultdict(int)
    scored_sets = 0
    for (doc_id, _annotator), rows in gold.groupby(["doc_id", "annotator"], sort=False):
        if doc_id not in texts:
            raise KeyError(f"gold doc_id {doc_id!r} is not in documents; pass the documents the gold refers to.")
        index = _token_index(texts[doc_id])
        scored_sets += 1
        preds = _predicted(by_doc.get(doc_id, segments.iloc[:0]), index)
        golds = []
        for content, source, content_text in zip(rows["content_spans"], rows["source_spans"], rows["content_text"]):
            tokens = _tokens(index, content)
            if tokens:
                golds.append({"tokens": tokens, "source": source, "direct": bool(_DIRECT_START.match(content_text))})
        for p in preds:
            hit = any(len(p["tokens"] & g["tokens"]) >= threshold * len(p["tokens"]) for g in golds)
            counts["n_pred"] += 1
            counts["tp_pred"] += hit
            if p["kind"] == "direct":
                counts["d_n_pred"] += 1
                counts["d_tp_pred"] += hit
        for g in golds:
            overlaps = [(len(p["tokens"] & g["tokens"]), p) for p in preds]
            found = [(o, p) for o, p in overlaps if o >= threshold * len(g["tokens"])]
            counts["n_gold"] += 1
            counts["tp_gold"] += bool(found)
            if g["direct"]:
                counts["d_n_gold"] += 1
                counts["d_tp_gold"] += any(p["kind"] == "direct" for _, p in found)
            if found and g["source"]:
                best = max(found, key=lambda op: (op[0], -len(op[1]["tokens"])))[1]   # the tightest on ties
                counts["speaker_n"] += 1
                strict = _overlaps(best["mention"], g["source"])
                counts["speaker_ok"] += strict
                counts["speaker_nested_ok"] += strict or _overlaps(best["outer"], g["source"])
    rows = {}
    for name, prefix in (("overall", ""), ("direct", "d_")):
        n_pred, n_gold = counts[prefix + "n_pred"], counts[prefix + "n_gold"]
        precision = counts[prefix + "tp_pred"] / n_pred if n_pred else float("nan")
        recall = counts[prefix + "tp_gold"] / n_gold if n_gold else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
        rows[name] = {"n_pred": n_pred, "n_gold": n_gold, "tp_pred": counts[prefix + "tp_pred"],
                      "tp_gold": counts[prefix + "tp_gold"], "precision": precision, "recall": recall, "f1": f1}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["speaker_n"] = [counts["speaker_n"], np.nan]
    table["speaker_accuracy"] = [counts["speaker_ok"] / counts["speaker_n"] if counts["speaker_n"] else np.nan, np.nan]
    table["speaker_accuracy_nested"] = [
        counts["speaker_nested_ok"] / counts["speaker_n"] if counts["speaker_n"] else np.nan, np.nan]
    table["gold_sets"] = scored_sets
    return table


def _gold_sets(gold: pd.DataFrame, texts: dict):
    """(doc_id, annotator, token index, gold spans) per scored gold set."""
    for (doc_id, annotator), rows in gold.groupby(["doc_id", "annotator"], sort=False):
        if doc_id not in texts:
            raise KeyError(f"gold doc_id {doc_id!r} is not in documents; pass the documents the gold refers to.")
        index = _token_index(texts[doc_id])
        golds = []
        for content, source in zip(rows["content_spans"], rows["source_spans"]):
            tokens = _tokens(index, content)
            if tokens:
                golds.append({"tokens": tokens, "source": source})
        yield doc_id, annotator, index, golds


def segment_outcomes(segments: pd.DataFrame, gold: pd.DataFrame, documents: pd.DataFrame, *,
                     text: str = "text", threshold: float = 0.5) -> pd.DataFrame:
    """Whether each segment was right, per (article, annotator) gold set: what ``confidence`` promises.

    An attributed segment (``direct``/``indirect``; pieces sharing a cue count together) is
    right when at least ``threshold`` of its span's tokens lie in one gold content span and,
    if that span has a Source, the segment's speaker mention overlaps it. Any other segment
    (narration, headline, boilerplate) is right when less than ``threshold`` of its tokens lie
    in any one gold content span. Segments without word tokens are left out.

    Returns
    -------
    DataFrame
        ``doc_id, annotator, seg_id, kind, confidence, correct`` (one row per segment and gold set).

    Examples
    --------
    >>> import framing
    >>> docs = framing.make_documents([{"doc_id": "d", "text": 'Kim said talks went well. Rain fell.'}])
    >>> gold = pd.DataFrame({"doc_id": ["d"], "annotator": ["a"], "content_spans": [((9, 24),)],
    ...                      "source_spans": [((0, 3),)], "content_text": ["talks went well"]})
    >>> segment_outcomes(framing.voices_frame(docs), gold, docs)[["kind", "correct"]].values.tolist()
    [['narration', True], ['indirect', True], ['narration', True]]
    """
    require_columns(segments, _SEGMENT_COLUMNS + ("seg_id", "confidence"), what="segments")
    require_columns(gold, _GOLD_COLUMNS, what="gold attributions")
    require_columns(documents, ["doc_id", text], what="documents")
    texts = dict(zip(documents["doc_id"], documents[text]))
    by_doc = {doc: frame for doc, frame in segments.groupby("doc_id", sort=False)}
    rows = []
    for doc_id, annotator, index, golds in _gold_sets(gold, texts):
        frame = by_doc.get(doc_id, segments.iloc[:0])
        outcome = {}
        for p in _predicted(frame, index):
            right = any(len(p["tokens"] & g["tokens"]) >= threshold * len(p["tokens"])
                        and (not g["source"] or _overlaps(p["mention"], g["source"])) for g in golds)
            outcome.update((seg_id, right) for seg_id in p["seg_ids"])
        for row in frame.itertuples(index=False):
            if row.kind in ("direct", "indirect"):
                right = outcome.get(row.seg_id)
            else:
                tokens = _tokens(index, [(row.start, row.end)])
                right = None if not tokens else not any(
                    len(tokens & g["tokens"]) >= threshold * len(tokens) for g in golds)
            if right is not None:
                rows.append((doc_id, annotator, row.seg_id, row.kind, float(row.confidence), bool(right)))
    return pd.DataFrame(rows, columns=["doc_id", "annotator", "seg_id", "kind", "confidence", "correct"])


def reliability_table(outcomes: pd.DataFrame, *, bins: int = 10) -> pd.DataFrame:
    """Calibration check: per confidence bin, mean confidence, share correct and its 95% interval.

    Parameters
    ----------
    outcomes : DataFrame
        ``confidence`` and ``correct`` columns (as from :func:`segment_outcomes`).
    bins : int
        Equal-width bins over [0, 1]; empty bins are left out.

    Returns
    -------
    DataFrame
        ``confidence`` (mean predicted in the bin), ``observed`` (share correct), ``n``,
        ``observed_low``, ``observed_high`` (Wilson score interval, 95%).

    Examples
    --------
    >>> table = reliability_table(pd.DataFrame({"confidence": [0.9] * 10, "correct": [True] * 9 + [False]}))
    >>> table[["confidence", "observed", "n"]].values.tolist()
    [[0.9, 0.9, 10.0]]
    """
    require_columns(outcomes, ["confidence", "correct"], what="outcomes")
    if not isinstance(bins, int) or bins < 1:
        raise ValueError(f"bins must be a positive integer, got {bins!r}.")
    conf = outcomes["confidence"].to_numpy(dtype=float)
    correct = outcomes["correct"].to_numpy(dtype=float)
    which = np.minimum((conf * bins).astype(int), bins - 1)
    rows = []
    z = 1.959964
    for b in range(bins):
        mask = which == b
        n = int(mask.sum())
        if not n:
            continue
        p = correct[mask].mean()
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        rows.append((round(float(conf[mask].mean()), 6), round(float(p), 6), n,
                     round(max(0.0, float(centre - half)), 6), round(min(1.0, float(centre + half)), 6)))
    return pd.DataFrame(rows, columns=["confidence", "observed", "n", "observed_low", "observed_high"])


def evaluate_polnear(path=None, *, split: str = "dev", aliases=None, threshold: float = 0.5) -> pd.DataFrame:
    """Run :func:`framing.voices_frame` on a PolNeAR split and score it against the gold.

    Examples
    --------
    >>> from framing.validation.attribution import evaluate_polnear
    >>> evaluate_polnear(split="dev")[["precision", "recall", "f1"]]  # doctest: +SKIP
    """
    from ..datasets.polnear import load_polnear, load_polnear_attributions
    from ..attribution import voices_frame

    documents = load_polnear(path, split=split)
    gold = load_polnear_attributions(path, split=split)
    segments = voices_frame(documents, aliases=aliases)
    table = score_attributions(segments, gold, documents, threshold=threshold)
    table["n_empty_gold"] = sum(
        1 for doc, annotators in zip(documents["doc_id"], documents["annotators"]) for a in annotators.split("|")
        if a and not ((gold["doc_id"] == doc) & (gold["annotator"] == a)).any()
    )
    table["articles"] = len(documents)
    return table


_GOLD_PHRASE_COLUMNS = ("doc_id", "phrase", "kind", "speaker", "source")


def _names(value: str) -> frozenset:
    """One voice name as a set of casefolded members (a joint voice "A & B" has two)."""
    return frozenset(part.strip().casefold() for part in str(value).split(" & ") if part.strip())


def _name_ok(expected: str, predicted: str, outlet: str):
    expected = str(expected).strip()
    if expected == "*":
        return np.nan
    options = [outlet if option.strip() == "@outlet" else option for option in expected.split("|")]
    return any(_names(option) == _names(predicted) for option in options)


def score_phrase_gold(segments: pd.DataFrame, gold: pd.DataFrame, documents: pd.DataFrame, *,
                      text: str = "text") -> pd.DataFrame:
    """Check segments against a hand-made gold table that locates passages by a short phrase.

    Parameters
    ----------
    segments : DataFrame
        Output of :func:`framing.voices_frame` for (at least) the gold's documents.
    gold : DataFrame
        Columns ``doc_id, phrase, kind, speaker, source`` and optionally ``occurrence``
        (1-based, default 1) and ``cue``; name conventions in the module docstring.
    documents : DataFrame
        The documents (``doc_id``, the ``text`` column and ``source``, the voice that
        ``@outlet`` stands for).
    text : str
        Name of the text column of ``documents``.

    Returns
    -------
    DataFrame
        The gold rows with ``pred_kind, pred_speaker, pred_source, pred_cue`` and booleans
        ``kind_ok, speaker_ok, source_ok, cue_ok`` (NaN where the gold does not check it).

    Raises
    ------
    FramingError
        When a phrase does not occur (often enough) in its document: fix the gold row.

    Examples
    --------
    >>> import framing
    >>> docs = framing.make_documents([{"doc_id": "d", "text": 'Kim said talks went well.', "source": "Wire"}])
    >>> gold = pd.DataFrame({"doc_id": ["d"], "phrase": ["talks went"], "kind": ["indirect"],
    ...                      "speaker": ["Kim Jong Un"], "source": ["KCNA"]})
    >>> score_phrase_gold(framing.voices_frame(docs), gold, docs)[["kind_ok", "speaker_ok"]].values.tolist()
    [[True, True]]
    """
    from ..errors import FramingError

    require_columns(segments, ("doc_id", "start", "end", "kind", "speaker", "source", "cue"), what="segments")
    require_columns(gold, _GOLD_PHRASE_COLUMNS, what="phrase gold")
    require_columns(documents, ["doc_id", text], what="documents")
    texts = dict(zip(documents["doc_id"], documents[text]))
    voices = dict(zip(documents["doc_id"], documents["source"] if "source" in documents.columns
                      else [""] * len(documents)))
    by_doc = {doc: frame for doc, frame in segments.groupby("doc_id", sort=False)}
    records = []
    for row in gold.fillna("").astype(str).to_dict("records"):
        doc_id, phrase = row["doc_id"], row["phrase"]
        if doc_id not in texts:
            raise FramingError(f"gold doc_id {doc_id!r} is not in documents; pass the documents the gold refers to.")
        body, occurrence, pos = texts[doc_id], int(row.get("occurrence") or 1), -1
        for _ in range(occurrence):
            pos = body.find(phrase, pos + 1)
            if pos < 0:
                raise FramingError(f"gold phrase {phrase!r} (occurrence {occurrence}) is not in document {doc_id!r}; "
                                   "copy the phrase exactly from the text or lower its occurrence.")
        segs = by_doc.get(doc_id, segments.iloc[:0])
        hit = segs[(segs["start"] <= pos) & (segs["end"] > pos)]
        pred = hit.iloc[0] if len(hit) else None
        got = {k: ("" if pred is None else str(pred[k])) for k in ("kind", "speaker", "source", "cue")}
        outlet = str(voices.get(doc_id) or "")
        cue = row.get("cue", "")
        records.append({**row, **{"pred_" + k: v for k, v in got.items()},
                        "kind_ok": got["kind"] in {option.strip() for option in row["kind"].split("|")},
                        "speaker_ok": _name_ok(row["speaker"], got["speaker"], outlet),
                        "source_ok": _name_ok(row["source"], got["source"], outlet),
                        "cue_ok": (cue.casefold() in got["cue"].casefold()) if cue else np.nan})
    return pd.DataFrame.from_records(records)
