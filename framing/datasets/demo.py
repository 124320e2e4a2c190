"""The demo corpus shipped with the package (texts written by the framing developers)."""

from __future__ import annotations

import pandas as pd

from .._data import data_file, read_data_text
from ..documents import make_documents

DEMO_OUTLET = "Demo Daily"


def load_demo() -> pd.DataFrame:
    """Load the constructed demo corpus as a documents frame.

    One multi-voice article from the fictional outlet "Demo Daily" (``doc_id`` "demo-article",
    ``source`` = ``outlet`` = "Demo Daily") followed by tweet-style, state-media-style and
    wire-style single-voice documents (``single_voice`` True: every segment of them counts for
    the document's source, see ``framing.voices_frame``). All texts are invented for demonstration; see
    ``framing/data/demo/SOURCE.md``.

    Examples
    --------
    >>> from framing.datasets import load_demo
    >>> load_demo().source.value_counts().to_dict()
    {'Trump': 5, 'KCNA': 4, 'Reuters': 2, 'Demo Daily': 1}
    """
    article_text = read_data_text("demo", "article.txt")
    article = {
        "doc_id": "demo-article",
        "source": DEMO_OUTLET,
        "outlet": DEMO_OUTLET,
        "date": "2019-10-06T18:00:00Z",
        "title": article_text.split("\n", 1)[0].strip(),
        "text": article_text,
        "single_voice": False,
    }
    with data_file("demo", "documents.csv").open(encoding="utf-8") as handle:
        others = pd.read_csv(handle, dtype=str, keep_default_na=False)
    others["single_voice"] = others["single_voice"].eq("True")
    return make_documents(pd.concat([pd.DataFrame([article]), others], ignore_index=True))
