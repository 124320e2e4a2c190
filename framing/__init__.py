"""framing: score sentiment and framing cues per voice, and compare sources.

Data flow: corpus files -> documents (``framing.io``, ``framing.datasets``) -> voices
(``framing.voices``) -> scores (``framing.score``) -> per-source tables (``framing.compare``)
-> charts (``framing.plot``). Importing the package downloads nothing and patches nothing.
"""

from ._config import corpora_dir
from .documents import DOCUMENT_COLUMNS, make_documents, validate_documents
from .errors import BrokenRecordWarning, ColumnError, CorpusFormatError, FramingError

from .text import paragraph_spans, sentence_spans, split_sentences, word_spans
# -- text (lead) --
# -- io / datasets (helper: datasets) --
# -- voices (helper: voices) --
# -- scores (helper: scores) --
# -- compare / plot (helper: compare) --

__version__ = "0.1.0"

__all__ = [
    "BrokenRecordWarning",
    "ColumnError",
    "CorpusFormatError",
    "DOCUMENT_COLUMNS",
    "FramingError",
    "corpora_dir",
    "make_documents",
    "validate_documents",
    "paragraph_spans",
    "sentence_spans",
    "split_sentences",
    "word_spans",
    # -- __all__ text (lead) --
    # -- __all__ io / datasets (helper: datasets) --
    # -- __all__ voices (helper: voices) --
    # -- __all__ scores (helper: scores) --
    # -- __all__ compare / plot (helper: compare) --
]
