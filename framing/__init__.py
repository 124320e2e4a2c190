"""framing: score sentiment and framing cues per voice, and compare sources.

Data flow: corpus files -> documents (``framing.io``, ``framing.datasets``) -> voices
(``framing.voices``) -> scores (``framing.score``) -> per-source tables (``framing.compare``)
-> charts (``framing.plot``). Importing the package downloads nothing and patches nothing.
"""

from ._config import corpora_dir
from .attribution import SEGMENT_COLUMNS, unresolved_speakers, voices, voices_frame
from .compare import (
    DifferenceResult,
    adjust_p_values,
    cliffs_delta,
    compare_over_time,
    compare_sources,
    estimate_difference,
    hedges_g,
    pairwise_differences,
)
from .coverage import VOICE_GROUPS, load_voice_groups, voice_groups, voice_shares
from .cues import CUE_FAMILIES, kwic, load_codebook
from .documents import DOCUMENT_COLUMNS, make_documents, validate_documents
from .embedding_model import news_embedding_sentiment
from .errors import BrokenRecordWarning, ColumnError, CorpusFormatError, FramingError
from .events import event_timeline, event_windows, load_events
from .figures import save_figure
from .frames import FrameClassifier
from .io import read_articles, read_table
from .model import news_sentiment
from .plot import (
    article_html,
    measure_label,
    new_figure,
    plot_confusion_matrix,
    plot_cue_profile,
    plot_distinctive_terms,
    plot_over_time,
    plot_reliability,
    plot_sources,
)
from .provenance import link_quotes, verbatim_quotes
from .regression import model_sources
from .scoring import explain, highlight_html, score, score_columns
from .selection import SELECTION_GROUPS, SelectionResult, quoted_vs_source
from .targets import TARGETS, explain_targets, load_targets, target_clauses, target_sentiment
from .terms import distinctive_terms
from .text import paragraph_spans, sentence_spans, split_sentences, word_spans
from .validation import coding_sheet, cross_validate_frames, krippendorff_alpha, read_coding_sheets

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
    "unresolved_speakers",
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
    "kwic",
    "load_codebook",
    "news_embedding_sentiment",
    "news_sentiment",
    "score",
    "score_columns",
    # compare
    "DifferenceResult",
    "adjust_p_values",
    "cliffs_delta",
    "compare_over_time",
    "compare_sources",
    "distinctive_terms",
    "estimate_difference",
    "hedges_g",
    "pairwise_differences",
    "model_sources",
    # plot and save
    "article_html",
    "measure_label",
    "new_figure",
    "plot_confusion_matrix",
    "plot_cue_profile",
    "plot_distinctive_terms",
    "plot_over_time",
    "plot_reliability",
    "plot_sources",
    "save_figure",
    # validation: manual coding, reliability, frames you can trust
    "FrameClassifier",
    "coding_sheet",
    "cross_validate_frames",
    "krippendorff_alpha",
    "read_coding_sheets",
]
