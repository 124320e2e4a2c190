"""framing: score sentiment and framing cues per voice, and compare sources.

Data flow: corpus files -> documents (``framing.io``, ``framing.datasets``) -> voices
(``framing.voices``) -> scores (``framing.score``) -> per-source tables (``framing.compare``)
-> charts (``framing.plot``). Importing the package downloads nothing and patches nothing.
"""

from ._config import corpora_dir
from .compare import (
    DifferenceResult,
    cliffs_delta,
    compare_over_time,
    compare_sources,
    hedges_g,
    pairwise_differences,
    test_difference,
)
from .coverage import VOICE_GROUPS, load_voice_groups, voice_groups, voice_shares
from .cues import CUE_FAMILIES, load_codebook
from .documents import DOCUMENT_COLUMNS, make_documents, validate_documents
from .embedding_model import news_embedding_sentiment
from .errors import BrokenRecordWarning, ColumnError, CorpusFormatError, FramingError
from .events import event_timeline, event_windows, load_events
from .figures import save_figure
from .io import read_articles, read_table
from .model import news_sentiment
from .plot import plot_cue_profile, plot_distinctive_terms, plot_over_time, plot_sources
from .plot import plot_timeline_events
from .provenance import link_quotes, verbatim_quotes
from .scoring import explain, highlight_html, score, score_columns
from .selection import SELECTION_GROUPS, SelectionResult, quoted_vs_source
from .targets import TARGETS, explain_targets, load_targets, target_clauses, target_sentiment
from .terms import distinctive_terms
from .text import paragraph_spans, sentence_spans, split_sentences, word_spans
from .voices import SEGMENT_COLUMNS, voices, voices_frame

__version__ = "0.1.0"

__all__ = [
    # documents and errors
    "DOCUMENT_COLUMNS",
    "BrokenRecordWarning",
    "ColumnError",
    "CorpusFormatError",
    "FramingError",
    "corpora_dir",
    "make_documents",
    "validate_documents",
    # read
    "read_articles",
    "read_table",
    # text units
    "paragraph_spans",
    "sentence_spans",
    "split_sentences",
    "word_spans",
    # voices
    "SEGMENT_COLUMNS",
    "voices",
    "voices_frame",
    # voices in coverage (summit study)
    "VOICE_GROUPS",
    "load_voice_groups",
    "voice_groups",
    "voice_shares",
    "link_quotes",
    "verbatim_quotes",
    "SELECTION_GROUPS",
    "SelectionResult",
    "quoted_vs_source",
    "TARGETS",
    "explain_targets",
    "load_targets",
    "target_clauses",
    "target_sentiment",
    "event_timeline",
    "event_windows",
    "load_events",
    # scores
    "CUE_FAMILIES",
    "explain",
    "highlight_html",
    "load_codebook",
    "news_embedding_sentiment",
    "news_sentiment",
    "score",
    "score_columns",
    # compare
    "DifferenceResult",
    "cliffs_delta",
    "compare_over_time",
    "compare_sources",
    "distinctive_terms",
    "hedges_g",
    "pairwise_differences",
    "test_difference",
    # plot and save
    "plot_cue_profile",
    "plot_distinctive_terms",
    "plot_over_time",
    "plot_sources",
    "plot_timeline_events",
    "save_figure",
]
