"""Readers for the shared research corpora, one module per corpus.

Every reader takes ``path=None`` (default: the corpus folder under ``framing.corpora_dir()``)
and returns a documents frame (see ``framing.documents``), plus annotation frames where the
corpus has gold annotations.
"""

from .demo import load_demo

# -- readers (helper: datasets) --
# -- polnear (helper: voices) --
# -- vader ground truth (helper: scores) --
from .vader import VADER_SUBSETS, load_vader_groundtruth

__all__ = [
    "load_demo",
    # -- __all__ readers (helper: datasets) --
    # -- __all__ polnear (helper: voices) --
    # -- __all__ vader ground truth (helper: scores) --
    "VADER_SUBSETS",
    "load_vader_groundtruth",
]
