"""Readers for the shared research corpora, one module per corpus.

Every reader takes ``path=None`` (default: the corpus folder under ``framing.corpora_dir()``)
and returns a documents frame (see ``framing.documents``), plus annotation frames where the
corpus has gold annotations.
"""

from .demo import load_demo

# -- readers (helper: datasets) --
from .basil import BASIL_OUTLETS, load_basil, load_basil_annotations
from .gvfc import GVFC_FRAMES, load_gvfc
from .headlines import HEADLINE_OUTLETS, load_headlines
from .kcna import load_kcna
from .trump import load_trump_tweets, north_korea_filter, north_korea_keywords
# -- polnear (helper: voices) --
from .polnear import load_polnear, load_polnear_attributions
# -- vader ground truth (helper: scores) --
from .vader import VADER_SUBSETS, load_vader_groundtruth

__all__ = [
    "load_demo",
    # -- __all__ readers (helper: datasets) --
    "BASIL_OUTLETS",
    "GVFC_FRAMES",
    "HEADLINE_OUTLETS",
    "load_basil",
    "load_basil_annotations",
    "load_gvfc",
    "load_headlines",
    "load_kcna",
    "load_trump_tweets",
    "north_korea_filter",
    "north_korea_keywords",
    # -- __all__ polnear (helper: voices) --
    "load_polnear",
    "load_polnear_attributions",
    # -- __all__ vader ground truth (helper: scores) --
    "VADER_SUBSETS",
    "load_vader_groundtruth",
]
