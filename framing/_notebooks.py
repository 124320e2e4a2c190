"""Which shared corpora a notebook reads (used by the root ``conftest.py`` and ``framing figures``).

A notebook needs the corpora when its code calls ``framing.corpora_dir()`` or a corpus reader
(``load_kcna``, ``load_polnear``, ...); which corpora it needs is read from the reader names and
the ``"<corpus>"`` folder names in its code. A notebook can say so itself in its metadata:
``{"framing": {"corpora": ["kcna", ...]}}`` (an empty list: needs none).
"""

from __future__ import annotations

import re

from ._config import CORPUS_NAMES

# Reader -> the corpus folder it reads.
_READERS = {
    "load_trump_tweets": "trump_tweets",
    "load_kcna": "kcna",
    "load_allsides": "allsides_nk",
    "load_headlines": "news_headlines",
    "load_polnear": "polnear",
    "load_polnear_attributions": "polnear",
    "load_basil": "basil",
    "load_basil_annotations": "basil",
    "load_gvfc": "gvfc",
    "load_vader_groundtruth": "vader_groundtruth",
    "cross_validate_news_model": "vader_groundtruth",  # reads the ground truth by default
    "frame_validity": "gvfc",
    "loaded_language_validity": "basil",
    "sentiment_validity": "vader_groundtruth",
}
_CALLS_CORPORA_DIR = re.compile(r"corpora_dir\(\s*(?:required\s*=\s*True\s*)?\)")
_NAMED = re.compile(r"""["'](%s)["']""" % "|".join(CORPUS_NAMES))
_CALLED = re.compile(r"\b(%s)\s*\(" % "|".join(_READERS))


def notebook_corpora(notebook: dict) -> list[str]:
    """The corpora a notebook (parsed .ipynb JSON) reads; [] when it needs none."""
    declared = notebook.get("metadata", {}).get("framing", {}).get("corpora")
    if declared is not None:
        return sorted(declared)
    code = "\n".join("".join(cell.get("source", "")) for cell in notebook.get("cells", [])
                     if cell.get("cell_type") == "code")
    needed = set(_NAMED.findall(code)) | {_READERS[name] for name in _CALLED.findall(code)}
    if _CALLS_CORPORA_DIR.search(code) and not needed:
        needed = set(CORPUS_NAMES)  # reads the corpora folder, we cannot tell which: all
    return sorted(needed)
