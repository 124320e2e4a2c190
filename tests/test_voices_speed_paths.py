"""The fast paths of the voices engine (issue 7: speed) find exactly what the plain scans they
replace found; ``benchmarks/pin_voices.py --check`` proves the corpus output unchanged."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

# words and characters that test the edges: cue words in any case, runs glued to other letters,
# characters whose lower case grows ('İ') or becomes an ASCII letter (the Kelvin sign)
_CUE_PIECES = ["said", "Said", "SAYS", "told", "According", "xsaid", "saidx", "sa", "id", "report", "poll",
               " ", "-", "é", "’", ".", "\n", "İ", "\u212a", "ß", "ǅ", "1", "_", "Ω"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=30))
def test_document_scan_finds_the_cue_words_of_the_letter_runs(pieces):
    from framing.attribution._cues import _MEDIUM_NOUN, _cue_index, _scan_document

    text = "".join(pieces)
    index = _cue_index()[0]
    found = [(m.start(), m.end(), m.group()) for m in re.finditer("[A-Za-z]+", text) if m.group().lower() in index]
    assert _scan_document(text) == ([w[0] for w in found], found, _MEDIUM_NOUN.search(text) is not None)
