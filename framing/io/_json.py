"""JSON and JSON Lines files, decoded by ``framing.io._files.read_text``.

* :func:`read_json` parses a whole JSON file; a syntax error (a truncated file) raises
  ``CorpusFormatError`` naming file, line and column.
* :func:`read_jsonl` parses JSON Lines. Records are split on "\\n" only: U+2028, U+2029 and
  U+0085, which ``json.dumps(ensure_ascii=False)`` writes raw inside strings, are characters of
  the record, not line ends. Broken lines are skipped and named, by their real line number, in
  one warning.
* Both replace lone UTF-16 surrogates (a ``"\\ud83d"`` escape without its pair) with U+FFFD and
  name the records that held them: no later encoder accepts them.
"""

from __future__ import annotations

import json
import re

from ..errors import CorpusFormatError
from ._decode import replace_surrogates
from ._files import PathLike, read_text, warn_broken

# a \uD800-\uDFFF escape (if the backslash before it is not itself escaped)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _lone_surrogate_escape(text: str) -> bool:
    """Whether JSON text holds a surrogate escape without its pair (fast: no parsing)."""
    paired_low = -1  # position of the low half that completes the last high half
    for match in _SURROGATE_ESCAPE.finditer(text):
        start = before = match.start()
        while before and text[before - 1] == "\\":
            before -= 1
        if (start - before) % 2:  # "\\ud83d": an escaped backslash, then letters
            continue
        if start == paired_low:
            continue
        if text[start + 3] in "89abAB":  # a high half: its low half must follow at once
            follower = _SURROGATE_ESCAPE.match(text, start + 6)
            if follower is None or text[start + 9] not in "cdefCDEF":
                return True
            paired_low = start + 6
        else:  # a low half not completing a high half
            return True
    return False


def read_json(path: PathLike):
    """Parse a JSON file (any encoding ``read_text`` accepts).

    Raises ``CorpusFormatError`` naming the file, line and column of a syntax error, or the
    file when it is empty. Lone surrogates are replaced with U+FFFD and the records holding
    them (index in a top-level list) named in a ``BrokenRecordWarning``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.io._json import read_json
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.json"
    >>> _ = p.write_text('[{"text": "a"}]')
    >>> read_json(p)
    [{'text': 'a'}]
    """
    text = read_text(path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusFormatError(
            f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}. "
            "Repair or re-download the file."
        ) from None
    if not _lone_surrogate_escape(text):
        return value
    if isinstance(value, list):
        problems = []
        for index, item in enumerate(value):
            value[index], changed = _without_surrogates(item)
            if changed:
                problems.append((index, _SURROGATE_REASON))
    else:
        value, changed = _without_surrogates(value)
        problems = [("(whole file)", _SURROGATE_REASON)] if changed else []
    warn_broken(path, problems, action="kept with U+FFFD for the lone surrogates", stacklevel=4)
    return value


def read_jsonl(path: PathLike) -> list[tuple[int, dict]]:
    """Parse a JSON Lines file into ``(line_number, object)`` pairs (1-based line numbers).

    Lines are split on "\\n" only (a trailing "\\r" is dropped). Blank lines are ignored.
    Lines that are not valid JSON, or not a JSON object, are skipped and reported in one
    ``BrokenRecordWarning`` naming each line. A file with no readable line raises
    ``CorpusFormatError``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.io._json import read_jsonl
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = p.write_text('{"text": "a\\u2028b"}\\n{"text": "c"}\\n', encoding="utf-8")
    >>> read_jsonl(p)
    [(1, {'text': 'a\\u2028b'}), (2, {'text': 'c'})]
    """
    records: list[tuple[int, dict]] = []
    problems: list[tuple[int, str]] = []
    replaced: list[tuple[int, str]] = []
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append((number, f"invalid JSON ({exc.msg}, column {exc.colno})"))
            continue
        if not isinstance(value, dict):
            problems.append((number, f"a JSON {type(value).__name__}, not an object"))
            continue
        if _lone_surrogate_escape(line):
            value, changed = _without_surrogates(value)
            if changed:
                replaced.append((number, _SURROGATE_REASON))
        records.append((number, value))
    if not records:
        raise CorpusFormatError(
            f"{path} holds no readable JSON object on any line ({len(problems)} broken). "
            "Expected one JSON object per line."
        )
    warn_broken(path, problems, unit="line", stacklevel=4)
    warn_broken(path, replaced, unit="line", action="kept with U+FFFD for the lone surrogates", stacklevel=4)
    return records


_SURROGATE_REASON = "a lone UTF-16 surrogate (half an emoji?) replaced with U+FFFD"


def _without_surrogates(value):
    """Return ``(value, changed)`` with lone surrogates in every string (and key) replaced."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        changed = False
        out = []
        for item in value:
            item, hit = _without_surrogates(item)
            out.append(item)
            changed |= hit
        return out, changed
    if isinstance(value, dict):
        changed = False
        out = {}
        for key, item in value.items():
            key, hit_key = replace_surrogates(key)
            out[key], hit = _without_surrogates(item)
            changed |= hit or hit_key
        return out, changed
    return value, False
