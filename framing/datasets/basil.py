"""BASIL (Fan et al. 2019): Fox / NYT / HuffPost article triplets with bias-span annotations."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pandas as pd

from .._config import corpus_path
from ..documents import make_documents
from ..errors import BrokenRecordWarning, CorpusFormatError
from ..io._files import each_readable, find_files, warn_broken
from ..io._json import read_json

logger = logging.getLogger(__name__)

#: BASIL source codes -> outlet names
BASIL_OUTLETS = {"fox": "Fox", "nyt": "NYT", "hpo": "HuffPost"}


def load_basil(path=None) -> pd.DataFrame:
    """Load the BASIL articles as a documents frame (one row per article).

    Parameters
    ----------
    path : path, optional
        The BASIL folder (holding ``articles/``), or a folder of article JSON files. Default:
        the ``basil`` corpus folder.

    Returns
    -------
    DataFrame
        ``doc_id`` = the article's file name without ``.json`` (``<triplet-uuid>_<n>``; the
        ``uuid`` field is not unique: four articles carry "empty"), ``source`` = ``outlet`` =
        "Fox" / "NYT" / "HuffPost" (from the ``source`` codes fox/nyt/hpo in any case),
        ``date`` the publication day, ``title``, ``text`` = paragraphs joined by blank lines,
        sentences within a paragraph by single spaces. Extra columns: ``uuid``,
        ``triplet_uuid``, ``main_event``, ``main_entities`` (";"-joined), ``keywords``
        (";"-joined), ``url``, ``word_count`` (nullable integer), ``n_sentences``.

    Notes
    -----
    Articles that cannot be read (empty, truncated), are not JSON objects or lack
    ``body-paragraphs`` are skipped with a ``BrokenRecordWarning`` naming the file; the
    other articles load.

    Examples
    --------
    >>> from framing.datasets import load_basil
    >>> basil = load_basil()  # doctest: +SKIP
    >>> basil.outlet.value_counts().to_dict()  # doctest: +SKIP
    {'Fox': 100, 'HuffPost': 100, 'NYT': 100}
    """
    articles = _read_articles(path)
    rows = []
    for doc_id, (article, text, _) in articles.items():
        code = str(article.get("source", "")).strip().lower()
        rows.append({
            "doc_id": doc_id,
            "source": BASIL_OUTLETS.get(code, code),
            "outlet": BASIL_OUTLETS.get(code, code),
            "date": article.get("date") or pd.NaT,
            "title": " ".join(str(article.get("title") or "").split()),
            "text": text,
            "uuid": str(article.get("uuid") or ""),
            "triplet_uuid": str(article.get("triplet-uuid") or ""),
            "main_event": str(article.get("main-event") or ""),
            "main_entities": ";".join(map(str, article.get("main-entities") or [])),
            "keywords": ";".join(map(str, article.get("keywords") or [])),
            "url": str(article.get("url") or ""),
            "word_count": article.get("word-count"),
            "n_sentences": sum(len(p) for p in article["body-paragraphs"]),
        })
    frame = pd.DataFrame(rows)
    frame["word_count"] = pd.to_numeric(frame["word_count"], errors="coerce").astype("Int64")
    return make_documents(frame.sort_values(["date", "triplet_uuid", "doc_id"], kind="stable"))


def load_basil_annotations(path=None) -> pd.DataFrame:
    """Load BASIL's phrase-level bias annotations with offsets into the article text.

    BASIL's ``start``/``end`` count within one sentence, and the annotation does not say
    which. This reader finds the sentence of the article whose ``[start:end]`` slice equals
    ``txt`` (the first such sentence when several do), and maps the offsets to the article
    ``text`` of :func:`load_basil`. Three spans lie in the headline: those get offsets into
    ``title`` and ``field`` "title". Spans found nowhere keep ``start`` = ``end`` = -1 and
    ``field`` "", and are counted in a ``BrokenRecordWarning``.

    Parameters
    ----------
    path : path, optional
        The BASIL folder (holding ``articles/`` and ``annotations/``). Default: the ``basil``
        corpus folder.

    Returns
    -------
    DataFrame
        One row per span: ``doc_id`` (as in :func:`load_basil`), ``span_id`` (BASIL's ``id``),
        ``start``, ``end`` (article offsets: ``text[start:end] == txt``), ``field``
        ("text", "title" or ""), ``sentence`` (0-based index of the sentence in the article,
        -1 outside the body), ``local_start``, ``local_end`` (BASIL's offsets), ``bias``
        ("lex"/"inf"), ``polarity``, ``target``, ``aim``, ``quote`` (bool), ``speaker``,
        ``txt``, ``indirect_target``, ``indirect_sentiment``, ``notes``.

    Examples
    --------
    >>> from framing.datasets import load_basil, load_basil_annotations
    >>> spans = load_basil_annotations()  # doctest: +SKIP
    >>> text = load_basil().set_index("doc_id").text  # doctest: +SKIP
    >>> row = spans.iloc[0]  # doctest: +SKIP
    >>> text[row.doc_id][row.start:row.end] == row.txt  # doctest: +SKIP
    True
    """
    root = corpus_path("basil", path)
    articles = _read_articles(root)
    folder = root / "annotations" if (root / "annotations").is_dir() else root
    files = find_files(folder, patterns=("*_ann.json",))
    rows, unmatched, problems = [], [], []
    for file in files:
        doc_id = file.name[: -len("_ann.json")]
        if doc_id not in articles:
            problems.append((file.name, f"no article {doc_id}.json"))
            continue
        article, text, sentences = articles[doc_id]
        try:
            data = read_json(file)
        except CorpusFormatError as exc:
            problems.append((file.name, str(exc)))
            continue
        spans = data.get("phrase-level-annotations") if isinstance(data, dict) else None
        if not isinstance(spans, list):
            problems.append((file.name, "no 'phrase-level-annotations' list"))
            continue
        for index, span in enumerate(spans):
            try:
                local_start, local_end, txt = int(span["start"]), int(span["end"]), str(span["txt"])
            except (KeyError, TypeError, ValueError) as exc:
                problems.append((f"{file.name}#{index}", f"no usable start/end/txt ({exc!r})"))
                continue
            field, sentence, start = _locate(txt, local_start, local_end, sentences, article)
            if not field:
                unmatched.append(f"{doc_id}:{span.get('id', index)}")
            rows.append(_span_row(doc_id, span, field, sentence, start, len(txt), local_start, local_end, txt))
    warn_broken(folder, problems, unit="annotation")
    if unmatched:
        warnings.warn(
            f"BASIL: {len(unmatched)} of {len(rows)} spans could not be located in their article "
            f"(start/end set to -1): {unmatched[:10]}",
            BrokenRecordWarning,
            stacklevel=2,
        )
    located = len(rows) - len(unmatched)
    logger.info("BASIL: located %d of %d spans", located, len(rows))
    frame = pd.DataFrame(rows)
    if frame.empty:
        raise CorpusFormatError(f"no BASIL annotations found under {folder}.")
    return frame


def _read_articles(path) -> dict[str, tuple[dict, str, list[tuple[int, int]]]]:
    """doc_id -> (article JSON, text, [(start, end) of each sentence in text])."""
    root = corpus_path("basil", path)
    folder = root / "articles" if root.is_dir() and (root / "articles").is_dir() else root
    files = [f for f in find_files(folder, patterns=("*.json",)) if not f.name.endswith("_ann.json")]
    articles, problems = {}, []
    for file, article in each_readable(files, read_json, where=folder):
        paragraphs = article.get("body-paragraphs") if isinstance(article, dict) else None
        if not isinstance(paragraphs, list) or not all(isinstance(p, list) for p in paragraphs):
            problems.append((file.name, "no 'body-paragraphs' list of sentence lists"))
            continue
        text, spans = _join(paragraphs)
        articles[Path(file).stem] = (article, text, spans)
    warn_broken(folder, problems, unit="article")
    if not articles:
        raise CorpusFormatError(f"no readable BASIL article under {folder}.")
    return articles


def _join(paragraphs: list[list]) -> tuple[str, list[tuple[int, int, str]]]:
    """Join sentences (space) and paragraphs (blank line), keeping each sentence's span."""
    parts, spans, position = [], [], 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index and parts:
            parts.append("\n\n")
            position += 2
        for s_index, sentence in enumerate(paragraph):
            sentence = str(sentence)
            if s_index:
                parts.append(" ")
                position += 1
            parts.append(sentence)
            spans.append((position, position + len(sentence), sentence))
            position += len(sentence)
    return "".join(parts), spans


def _locate(txt, local_start, local_end, sentences, article) -> tuple[str, int, int]:
    """Return (field, sentence index, article start) of a span, or ("", -1, -1)."""
    for index, (start, _end, sentence) in enumerate(sentences):
        if sentence[local_start:local_end] == txt:
            return "text", index, start + local_start
    title = str(article.get("title") or "")
    if " ".join(title.split())[local_start:local_end] == txt:
        return "title", -1, local_start
    return "", -1, -1


def _span_row(doc_id, span, field, sentence, start, length, local_start, local_end, txt) -> dict:
    return {
        "doc_id": doc_id,
        "span_id": str(span.get("id", "")),
        "start": start,
        "end": start + length if field else -1,
        "field": field,
        "sentence": sentence,
        "local_start": local_start,
        "local_end": local_end,
        "bias": str(span.get("bias") or ""),
        "polarity": str(span.get("polarity") or ""),
        "target": str(span.get("target") or ""),
        "aim": str(span.get("aim") or ""),
        "quote": str(span.get("quote") or "").strip().lower() == "yes",
        "speaker": str(span.get("speaker") or ""),
        "txt": txt,
        "indirect_target": str(span.get("indirect-target-name") or ""),
        "indirect_sentiment": str(span.get("indirect-ally-opponent-sentiment") or ""),
        "notes": str(span.get("notes") or ""),
    }
