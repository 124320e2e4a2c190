"""Readers for the shared research corpora, one module per corpus.

Every reader takes ``path=None`` (default: the corpus folder under ``framing.corpora_dir()``)
and returns a documents frame (see ``framing.documents``), plus annotation frames where the
corpus has gold annotations.
"""

from .allsides import ALLSIDES_BIAS, allsides_outlets, load_allsides
from .basil import BASIL_OUTLETS, load_basil, load_basil_annotations
from .demo import load_demo
from ._fetch import corpus_registry, fetch
from .gvfc import GVFC_FRAMES, load_gvfc
from .headlines import HEADLINE_OUTLETS, load_headlines
from .kcna import load_kcna
from .polnear import load_polnear, load_polnear_attributions
from .trump import load_trump_tweets, north_korea_filter, north_korea_keywords
from .vader import VADER_SUBSETS, load_vader_groundtruth

__all__ = [
    "ALLSIDES_BIAS",
    "allsides_outlets",
    "load_allsides",
    "BASIL_OUTLETS",
    "GVFC_FRAMES",
    "HEADLINE_OUTLETS",
    "VADER_SUBSETS",
    "corpus_registry",
    "fetch",
    "load_basil",
    "load_basil_annotations",
    "load_demo",
    "load_gvfc",
    "load_headlines",
    "load_kcna",
    "load_polnear",
    "load_polnear_attributions",
    "load_trump_tweets",
    "load_vader_groundtruth",
    "north_korea_filter",
    "north_korea_keywords",
]
