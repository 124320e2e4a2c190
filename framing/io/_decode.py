"""Bytes to text, one bad byte at a time: the decoding every reader goes through.

* UTF-8 is the default; a UTF-8 byte-order mark is dropped. A UTF-16 or UTF-32 byte-order mark
  selects that encoding.
* A byte that is not valid UTF-8 is decoded on its own as cp1252 (Latin-1 for the five bytes
  cp1252 leaves undefined) and its line is reported. Every other byte keeps its UTF-8 meaning,
  so one stray Latin-1 byte never garbles the rest of the file ("Kim’s" stays "Kim’s").
  A file saved wholly as cp1252 decodes exactly as before (each of its non-ASCII bytes is
  invalid UTF-8), with every affected line named.
* :func:`replace_surrogates` replaces lone UTF-16 surrogates (which a JSON ``"\\ud83d"`` escape
  produces, and which no encoder accepts later) with U+FFFD.
"""

from __future__ import annotations

import bisect
import codecs
import re

_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8d 0x8f 0x90 0x9d
        return chr(byte)


# surrogateescape turns an undecodable byte b into chr(0xDC00 + b): map those back to cp1252
_ESCAPED = {chr(0xDC00 + b): _cp1252_byte(b) for b in range(128, 256)}


def decode(data: bytes) -> tuple[str, str, list[int]]:
    """Decode bytes; return ``(text, encoding, bad_lines)``.

    ``bad_lines`` are the 1-based line numbers holding bytes that were not valid in
    ``encoding`` (UTF-8: each such byte decoded on its own as cp1252; UTF-16/32: U+FFFD);
    empty for a clean file.

    Examples
    --------
    >>> from framing.io._decode import decode
    >>> decode("Kim\\u2019s caf\\u00e9".encode() + b"\\n\\xe9t\\xe9\\n")
    ('Kim’s café\\nété\\n', 'utf-8', [2])
    >>> decode("talks".encode("utf-16"))[:2]
    ('talks', 'utf-16')
    """
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            break
    try:
        return data.decode(encoding), encoding, []
    except UnicodeDecodeError:
        pass
    if encoding in ("utf-16", "utf-32"):
        text = data.decode(encoding, errors="replace")  # e.g. an odd trailing byte -> U+FFFD
        return text, encoding, [i for i, line in enumerate(text.split("\n"), 1) if "\ufffd" in line]
    # valid UTF-8 never decodes to a surrogate: every one here is an escaped bad byte
    text = data.decode(encoding, errors="surrogateescape")
    offsets = [m.start() for m in _SURROGATE.finditer(text)]
    text = _SURROGATE.sub(lambda m: _ESCAPED[m.group()], text)
    return text, "utf-8", _lines_of(text, offsets)


def _lines_of(text: str, offsets: list[int]) -> list[int]:
    newlines = [m.start() for m in re.finditer("\n", text)]
    return sorted({bisect.bisect_left(newlines, offset) + 1 for offset in offsets})


def describe_bad_lines(name: str, encoding: str, lines: list[int], *, shown: int = 10) -> str:
    """The warning text for :func:`decode`'s bad lines (names the file and each line)."""
    listed = ", ".join(map(str, lines[:shown])) + (f" and {len(lines) - shown} more" if len(lines) > shown else "")
    plural = "s" if len(lines) > 1 else ""
    if encoding in ("utf-16", "utf-32"):
        return (f"{name} is not valid {encoding.upper()} on line{plural} {listed}; the bytes that do not decode "
                "became U+FFFD. Re-save the file to silence this warning.")
    return (f"{name} is not valid UTF-8 on line{plural} {listed}; decoded only those bytes as cp1252 "
            "(the rest of the file is UTF-8). Re-save the file as UTF-8 to silence this warning.")


def replace_surrogates(text: str) -> tuple[str, bool]:
    """Replace lone UTF-16 surrogates with U+FFFD; return the text and whether any were found.

    Examples
    --------
    >>> from framing.io._decode import replace_surrogates
    >>> replace_surrogates("ok \\ud83d")
    ('ok \\ufffd', True)
    """
    if _SURROGATE.search(text) is None:
        return text, False
    return _SURROGATE.sub("\ufffd", text), True
