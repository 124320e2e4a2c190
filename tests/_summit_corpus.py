"""The summit study's corpus inputs, built once per test session (voices of 615 articles take
half a minute): shared by test_coverage, test_provenance, test_targets and test_events."""

from __future__ import annotations

import warnings
from functools import lru_cache

import pandas as pd

import framing
from framing.datasets import load_allsides, load_kcna, load_trump_tweets


@lru_cache(maxsize=1)
def articles(corpora) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the 60 undated articles: tested in test_datasets
        return load_allsides(corpora / "allsides_nk")


@lru_cache(maxsize=1)
def segments(corpora) -> pd.DataFrame:
    return framing.voices_frame(articles(corpora))


@lru_cache(maxsize=1)
def originals(corpora) -> pd.DataFrame:
    tweets = load_trump_tweets(corpora / "trump_tweets", include_retweets=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # null entries in a few daily files: tested in test_datasets
        kcna = load_kcna(corpora / "kcna", lang="en")
    columns = ["doc_id", "source", "outlet", "date", "title", "text"]
    return pd.concat([tweets[columns], kcna[columns]], ignore_index=True)


@lru_cache(maxsize=1)
def linked(corpora) -> pd.DataFrame:
    return framing.link_quotes(segments(corpora), originals(corpora), documents=articles(corpora))
