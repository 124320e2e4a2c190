"""Split news text into voices: headline, narration, direct and reported speech, page furniture.

Every segment names who said it (``speaker``) and the voice it counts for in comparisons
(``source``): the channel that carried the words. The rules, in the order they apply:

1. **Paragraphs and sentences** come from ``framing.text``; a sentence boundary inside a quote
   does not split it.
2. **Headline**: the first paragraph when more follow and it has no sentence-final
   punctuation (or is short and in title case). **Boilerplate**: a short paragraph matching a
   pattern in ``framing/data/voices/boilerplate.csv`` ("Leave a Reply", ...), with empty source.
3. **Direct quotes** (``framing.voices._quotes``): a quote is its own ``direct`` segment when a
   cue stands right after it (``”, he said``, ``”, said Kim``), right before it (``said:``,
   ``said, “``, ``told reporters that “``), after a colon (the sentence's subject speaks),
   when it continues a quote over paragraphs or across an inside cue (``“X,” he said, “Y.”``),
   or when it stands alone as a sentence (then the previous speaking voice goes on, confidence
   x0.7: the last quote's or sure speech verb's voice, not a weak verb's such as "Fields showed").
   A quote that opens its sentence and is followed by more words and ``..., said X`` is X's
   (the words after it are X's reported speech); a quote paragraph followed by a signature
   paragraph ("- Sanders.") is the signer's. Other quotes (scare quotes, partial quotes such as
   *sees “much potential”*, *said “it gets me mad” every time ...*, a sentence ending in a
   partial quote before ``, said X``) stay inside the surrounding (reported) segment. A quote's
   closing period followed by a capitalised new sentence ("... “false.” He said ...") ends the
   sentence even where the splitter keeps both together.
4. **Reported speech** (``indirect``): ``X said (that) ...`` (content: the rest of the sentence,
   up to a trailing attribution), ``..., X said.`` and ``..., said X.`` (content: the clause
   before the comma), ``According to X, ...`` and ``..., according to X.``. Cue verbs come from
   ``framing/data/voices/cues.csv``; belief, stance and evidence verbs ("thinks", "endorsed",
   "shows") need "that" or a named subject; "In a new poll, ..." and "... in a new poll."
   credit a poll, survey or study. "X seems/appears to ..." and "it seems likely that ..."
   in a sentence's main clause are reported impressions with no speaker. A new clause
   ("..., but he gave ...") ends the reported words. The subject of a participle or a second verb ("...,
   adding that", "... and said") is the clause's subject; when nothing names the speaker
   right before a sure speech verb, the short stretch opening the clause does ("many
   workers say"). Passives: "X was quoted as saying" (X speaks), "When asked by a reporter
   whether ..." (the question, voiced by the asker), "X is expected to ..." (no speaker).
   "Asked (on Fox News) whether ..." opening a sentence reports the question.
   "..., citing Z" reports Z (up to the next comma) for the clause's subject. A document or
   evidence noun (``evidence.csv``: "poll", "results", "records") heading the subject of
   "show", "find", "reveal", "indicate" or "suggest" speaks ("The results show that ...",
   "..., campaign records show."). "Nonetheless, he sought to ..." is no trailing
   "..., he said" cue: an infinitive after the verb is its content. A report made in a
   relative clause ("X, who has called Y “toxic,” portrayed ...") ends where the main
   clause goes on; "who" and "which" subjects count as named for weaker verbs ("The union,
   which endorsed X"). A lone one-word report is dropped (mostly a misread cue).
   A cue word after an article or inside a name is a noun ("a tweet", "think tank").
   A new clause ("..., while B backed Y") ends the words reported before it.
4b. **Speaker labels**: a paragraph that opens with a short name and a colon ("FALLIN: I
   think ...", "Q: ...") or a headline "Name: ..." / "Name Says ..." attributes the words
   after the label; the label itself stays narration (or headline); a first line in title case
   counts as a headline here even with a final period. Attributions inside the paragraph keep
   their own voices (also the speaker's own "I think ...", as PolNeAR annotates it).
5. **Speakers**: the words before the cue, past auxiliaries and adverbs ("has also said",
   "is asking", "he's said", "falsely claimed", "went on to say") (alias table, pronoun, description, capitalised
   name, or a short noun phrase such as "officials"; after the cue also a titled name such as
   "said former Obama adviser David Axelrod"); pronouns and descriptions resolve to the last
   compatible named voice outside quotes (``framing.voices._speakers``). A description with a
   head noun ("the official", "the spokesman") resolves only to a voice named with that noun
   ("a South Korean official", "according to a campaign spokesman"), else it stays a generic
   voice ("official"); the mention stays on the description.
6. **Speaker vs source**: ``source`` is the speaker's channel from the alias table (Kim Jong
   Un -> KCNA), else the speaker; words reported inside another report take the outer
   report's source. An outer and an inner report combine into one voice: in "Kim said X,
   KCNA said" the words "Kim said X" are one segment with speaker Kim Jong Un and source KCNA,
   and in "Kim spoke highly of Trump, state media said" a media voice reporting a speech act
   ("spoke", "expressed", any cue verb) of a person makes that person the speaker (source
   KCNA). A weaker cue inside reported words ("Walsh noted that Ohio boasted ...") stays part
   of them; only a sure speech verb ("said") opens a nested report. Unresolved speakers get
   source ``unknown``.
7. **Outlet credits and their reach**: a sentence that ends ``..., Reuters writes.`` or
   ``..., Politico informs.``, or carries the credit mid-sentence (``..., Reuters writes, as
   ...``) (a news outlet or agency from the alias table, a present-tense credit verb flagged
   in cues.csv; a credit wins over the "is expected to" rule in its sentence) credits **all
   narration of its paragraph** to that outlet
   (confidence 0.8), and that credit **carries forward to the narration of the following
   paragraphs** (confidence 0.6) until another paragraph carries its own credit. Narration
   before the first credit counts for ``outlet`` (else ``narrator``). A credit covers
   **narration only**: quotes and reported speech inside credited sentences keep their own
   speakers and channels ("Kim himself spoke highly of Trump, state media said ..., Reuters
   writes": source KCNA, not Reuters). Past-tense reports ("DongA Ilbo reported", "KCNA
   said") are ordinary attributions, not credits.
"""

from __future__ import annotations

import logging
import warnings

import pandas as pd

from .._checks import require_columns
from .._dispatch import route
from ..errors import FramingError
from ._segments import NARRATOR, Attribution, analyse
from ._speakers import AliasTable, default_alias_frame, default_alias_table

__all__ = ["SEGMENT_COLUMNS", "voices", "voices_frame", "default_alias_frame"]

logger = logging.getLogger(__name__)

SEGMENT_COLUMNS = ("doc_id", "seg_id", "start", "end", "text", "kind", "speaker", "source", "cue",
                   "cue_start", "cue_end", "mention_start", "mention_end", "confidence")


def _table(aliases) -> AliasTable:
    if aliases is None:
        return default_alias_table()
    if isinstance(aliases, AliasTable):
        return aliases
    return AliasTable(aliases)


def voices(text: str, *, doc_id=None, aliases=None, outlet=None) -> pd.DataFrame:
    """Split one text into attributed voice segments.

    Parameters
    ----------
    text : str
        The article, tweet or statement (paragraphs on separate lines).
    doc_id : str, optional
        Copied into the ``doc_id`` column.
    aliases : None, dict, DataFrame or path, optional
        Extra alias entries (columns ``alias, canonical`` and optionally ``type, gender,
        channel``, or a dict alias -> canonical name) on top of the shipped table
        ``framing/data/aliases.csv``; an entry with the same alias replaces the shipped one.
    outlet : str, optional
        The voice of uncredited narration and of the headline (the article's outlet, or the
        source of a single-voice document); default ``"narrator"``.

    Returns
    -------
    DataFrame
        One row per segment with the columns in ``SEGMENT_COLUMNS``. Segments are sorted,
        do not overlap and hold every non-white-space character of ``text``;
        ``text[start:end]`` equals the segment's ``text``. ``kind`` is one of ``headline``,
        ``narration``, ``direct``, ``indirect``, ``boilerplate``. Missing offsets are -1.

    Examples
    --------
    >>> from framing import voices
    >>> segs = voices('Talks resumed. "We are hopeful," Lee said.', outlet="Wire")
    >>> segs[["kind", "source", "cue"]].values.tolist()
    [['narration', 'Wire', ''], ['direct', 'Lee', 'said'], ['narration', 'Wire', '']]
    """
    if not isinstance(text, str):
        if text is None or (isinstance(text, float) and text != text):
            text = ""
        else:
            raise FramingError(f"voices() needs a string, got {type(text).__name__}. Pass the article text.")
    return _frame(_records(text, doc_id, _table(aliases), outlet))


def _records(text: str, doc_id, table: AliasTable, outlet, single_source: str = "") -> list[tuple]:
    rows = _fill_gaps(text, analyse(text, table, outlet or ""), outlet or NARRATOR)
    records = []
    for seg_id, (start, end, kind, attr) in enumerate(rows):
        attr = attr or Attribution("", "", confidence=0.9)
        source = single_source if single_source and kind != "boilerplate" else attr.source
        records.append((doc_id, seg_id, start, end, text[start:end], kind, attr.speaker, source,
                        attr.cue, attr.cue_start, attr.cue_end, attr.mention_start, attr.mention_end,
                        float(attr.confidence)))
    return records


def _frame(records: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(SEGMENT_COLUMNS))
    for column in ("seg_id", "start", "end", "cue_start", "cue_end", "mention_start", "mention_end"):
        frame[column] = frame[column].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame


def _fill_gaps(text: str, rows: list[tuple], outlet: str) -> list[tuple]:
    """Guarantee the partition: any non-space text between segments becomes narration."""
    out, pos = [], 0
    for row in sorted(rows, key=lambda r: r[0]):
        start = max(row[0], pos)
        if text[pos:start].strip():
            a, b = pos, start
            while text[a].isspace():
                a += 1
            while text[b - 1].isspace():
                b -= 1
            out.append((a, b, "narration", Attribution("", outlet, confidence=0.5)))
        if row[1] > start:
            out.append((start,) + tuple(row[1:]))
            pos = row[1]
    if text[pos:].strip():
        a, b = pos, len(text)
        while text[a].isspace():
            a += 1
        while text[b - 1].isspace():
            b -= 1
        out.append((a, b, "narration", Attribution("", outlet, confidence=0.5)))
    return out


def voices_frame(documents: pd.DataFrame, *, text: str = "text", aliases=None, progress: bool = False,
                 single_voice="single_voice") -> pd.DataFrame:
    """Split every document of a documents frame into voice segments.

    Uncredited narration and headlines count for the document's ``source`` (falling back to
    ``outlet``, then ``narrator``): a Politico article's narration counts for Politico, a tweet
    for Trump, a KCNA article for KCNA. Quotes and reported speech keep their own speakers and
    sources, except in single-voice documents.

    Parameters
    ----------
    documents : DataFrame
        A documents frame (``doc_id`` and the ``text`` column are required; ``source`` and
        ``outlet`` are used when present).
    text : str
        Name of the text column.
    aliases : optional
        Extra aliases, as for :func:`voices`.
    progress : bool
        Show a tqdm progress bar.
    single_voice : bool or str
        Single-voice documents (tweets, KCNA articles, headlines) relay everything through their
        own channel: every segment's ``source`` becomes the document's source, while ``speaker``
        still says who is quoted. A string names a boolean column that says which documents are
        single-voice; the default ``"single_voice"`` is the column the tweet, KCNA and headline
        readers set, and documents without that column are multi-voice articles. ``True`` or
        ``False`` treats all documents alike.

    Returns
    -------
    DataFrame
        The segments of all documents (columns ``SEGMENT_COLUMNS``), in document order. A
        document with no visible text has no segments; a warning names such documents.

    Examples
    --------
    >>> import framing
    >>> docs = framing.make_documents([{"text": "Talks resumed.", "source": "Reuters"}])
    >>> framing.voices_frame(docs)[["doc_id", "kind", "source"]].values.tolist()
    [['0', 'narration', 'Reuters']]
    """
    if (routed := route(voices_frame, locals())) is not NotImplemented:  # Dask frame or cache: framing._dispatch
        return routed
    require_columns(documents, ["doc_id", text], what="documents")
    if isinstance(single_voice, str) and single_voice not in documents.columns:
        if single_voice != "single_voice":  # a column the caller named must exist
            require_columns(documents, [single_voice], what="documents")
        single_voice = False
    table = _table(aliases)
    n = len(documents)
    sources = documents["source"] if "source" in documents.columns else pd.Series([""] * n, index=documents.index)
    outlets = documents["outlet"] if "outlet" in documents.columns else pd.Series([""] * n, index=documents.index)
    flags = (documents[single_voice] if isinstance(single_voice, str)
             else pd.Series([bool(single_voice)] * n, index=documents.index))
    iterator = zip(documents["doc_id"], documents[text], sources, outlets, flags)
    if progress:
        from tqdm.auto import tqdm
        iterator = tqdm(iterator, total=n, desc="voices")
    records: list[tuple] = []
    without_text = []
    for doc_id, body, source, outlet, single in iterator:
        voice = (source if isinstance(source, str) and source else "") or (
            outlet if isinstance(outlet, str) else "")
        if not isinstance(body, str) or not body.strip():
            without_text.append(doc_id)  # nothing to split: said below, not dropped silently
            continue
        records.extend(_records(body, doc_id, table, voice or None, voice if single else ""))
    if without_text:
        warnings.warn(
            f"{len(without_text)} document(s) have no text and give no segments: "
            f"{without_text[:10]}{' ...' if len(without_text) > 10 else ''}. "
            "Check the text column, or drop them before splitting.", UserWarning, stacklevel=2)
    return _frame(records)
