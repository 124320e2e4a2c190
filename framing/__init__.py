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
from .io import read_articles, read_table
# -- voices (helper: voices) --
from .voices import SEGMENT_COLUMNS, voices, voices_frame
# -- scores (helper: scores) --
from .cues import CUE_FAMILIES, load_codebook
from .embedding_model import news_embedding_sentiment
from .model import news_sentiment
from .scoring import explain, highlight_html, score, score_columns
# -- compare / plot (helper: compare) --
from .compare import (
    DifferenceResult,
    cliffs_delta,
    compare_over_time,
    compare_sources,
    hedges_g,
    pairwise_differences,
    test_difference,
)
from .figures import save_figure
from .terms import distinctive_terms
from .plot import plot_cue_profile, plot_distinctive_terms, plot_over_time, plot_sources

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
    "read_articles",
    "read_table",
    # -- __all__ voices (helper: voices) --
    "SEGMENT_COLUMNS",
    "voices",
    "voices_frame",
    # -- __all__ scores (helper: scores) --
    "CUE_FAMILIES",
    "explain",
    "highlight_html",
    "load_codebook",
    "news_embedding_sentiment",
    "news_sentiment",
    "score",
    "score_columns",
    # -- __all__ compare / plot (helper: compare) --
    "DifferenceResult",
    "cliffs_delta",
    "compare_over_time",
    "compare_sources",
    "distinctive_terms",
    "hedges_g",
    "pairwise_differences",
    "test_difference",
    "save_figure",
    "plot_cue_profile",
    "plot_distinctive_terms",
    "plot_over_time",
    "plot_sources",
]
