"""The cue codebook: data integrity, matching rules, negation, attribution on the cue, and
rates on the real corpora."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from framing import CUE_FAMILIES, FramingError, load_codebook
from framing.cues import codebook_version, cue_counts, cue_matches, load_cue_families
from framing.text import sentence_spans


def _found(text, families=None):
    return [(m["family"], m["token"], m["modifier"]) for m in cue_matches(text, families=families)]


def test_codebook_is_consistent():
    families = load_cue_families()
    book = load_codebook()
    assert codebook_version().count(".") == 2
    assert tuple(families["family"]) == CUE_FAMILIES
    assert families["source"].str.len().gt(0).all()
    known = set(CUE_FAMILIES) | {"allcaps_exclude"}
    assert set(book["family"]) <= known
    assert not book.duplicated(["family", "cue"]).any()
    flips = book.loc[book["negated_as"] != "", "negated_as"]
    assert set(flips) <= set(CUE_FAMILIES)
    # every family but the rule-based ones has cues
    assert set(CUE_FAMILIES) - set(book["family"]) == {"exclamation", "allcaps"}
    groups = families.groupby("group")["family"].count().to_dict()
    assert groups["generic"] == 5 and groups["policy"] == 14


def test_family_status_follows_the_reporting_half():
    # status is a claim about data/coding_validity.csv (reporting half of the coded sample): a family
    # is validated when some coded frame's AUC interval lies above 0.5, failed when it was compared
    # and never did; human_interest (3 coded units on that half) is untested by decision
    from pathlib import Path

    families = load_cue_families().set_index("family")
    assert set(families["status"]) <= {"validated", "failed", "untested"}
    validity = pd.read_csv(Path(__file__).resolve().parents[1] / "data" / "coding_validity.csv")
    cues = validity[(validity["group"] == "all") & validity["measure"].str.startswith("cue_")]
    above = cues.assign(family=cues["measure"].str[4:], ok=cues["ci_low"] > 0.5).groupby("family")["ok"].any()
    expected = above.map({True: "validated", False: "failed"}).drop("human_interest")
    assert families.loc[expected.index, "status"].to_dict() == expected.to_dict()
    assert families.loc[["strategy_game", "morality", "responsibility"], "status"].eq("failed").all()
    untested = families.index.difference(expected.index)
    assert families.loc[untested, "status"].eq("untested").all()


def test_prefix_phrase_and_longest_match():
    assert _found("Negotiators resumed negotiations.", ["diplomacy"]) == [
        ("diplomacy", "Negotiators", ""),
        ("diplomacy", "negotiations", ""),
    ]
    # the longer cue wins and a word counts once per family
    assert _found("They made tremendous progress.", ["progress"]) == [("progress", "tremendous progress", "")]
    assert _found("Fake News and the fake media", ["loaded"]) == [("loaded", "Fake News", ""), ("loaded", "fake", "")]


def test_negation_flips_some_families_only():
    assert _found("There was no progress at all.", ["progress", "stalemate"]) == [("stalemate", "no progress", "")]
    assert _found("The talks did not make real progress", ["progress", "stalemate"]) == [
        ("stalemate", "progress", "negation")
    ]
    assert _found("The talks have not stalled.", ["progress", "stalemate"]) == [("progress", "stalled", "negation")]
    assert _found("They are not trustworthy.", ["trust", "distrust"]) == [("distrust", "trustworthy", "negation")]
    # a clause break stops negation
    assert _found("No. Progress came fast.", ["progress", "stalemate"]) == [("progress", "Progress", "")]
    # negated sanctions are still about sanctions
    assert _found("We never lifted the sanctions.", ["sanctions"]) == [("sanctions", "sanctions", "negation")]


def test_style_rules():
    text = "WE will WIN, the U.S. and the DPRK agree! US troops stay!!"
    found = _found(text, ["we", "allcaps", "exclamation"])
    assert ("allcaps", "WIN", "") in found and ("we", "WE", "") in found
    assert not any(tok in ("DPRK", "U", "US") for fam, tok, _ in found if fam == "allcaps")
    assert [tok for fam, tok, _ in found if fam == "we"] == ["WE"]  # "US" is the country
    assert sum(fam == "exclamation" for fam, _, _ in found) == 3


def test_offsets_point_into_the_text():
    text = "Kim Jong Un\u2019s regime claimed the puppet forces were reckless."
    for m in cue_matches(text):
        assert text[m["start"]:m["end"]] == m["token"]


def test_rates_per_100_words_and_empty_text():
    table = cue_counts(["Sanctions, sanctions and talks.", "", "!!!"], families=["sanctions", "diplomacy", "exclamation"])
    assert table.loc[0, "cue_sanctions"] == pytest.approx(50.0)  # 2 of 4 words
    assert table.loc[0, "cue_diplomacy"] == pytest.approx(25.0)
    assert table.loc[0, "cue_n_words"] == 4
    assert table.loc[1].drop("cue_n_words").isna().all() and table.loc[1, "cue_n_words"] == 0
    assert table.loc[2, "cue_exclamation"] != table.loc[2, "cue_exclamation"]  # no words: NaN


def test_attribution_scored_on_the_cue():
    texts = ["The deal is good.", "The deal is good.", "He claimed it was good."]
    table = cue_counts(texts, cues=["boasted", "said", None], families=["attribution_loaded", "attribution_neutral"])
    assert table["cue_attribution_loaded"].tolist()[:2] == [1.0, 0.0]
    assert table["cue_attribution_neutral"].tolist()[:2] == [0.0, 1.0]
    assert math.isnan(table.loc[2, "cue_attribution_loaded"])  # no cue: not scored from the text
    plain = cue_counts(texts[2:], families=["attribution_loaded"])
    assert plain.loc[0, "cue_attribution_loaded"] == pytest.approx(20.0)


def test_bad_arguments():
    with pytest.raises(FramingError, match="unknown cue families"):
        cue_counts(["x"], families=["framing"])
    with pytest.raises(FramingError, match="cues has 1 items but texts has 2"):
        cue_counts(["a", "b"], cues=["said"])


@pytest.mark.corpus
def test_real_corpora_profiles(corpora):
    from framing.datasets import load_kcna, load_trump_tweets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kcna = load_kcna(corpora / "kcna", lang="en")["text"].head(800).tolist()
        tweets = load_trump_tweets(corpora / "trump_tweets", include_retweets=False)["text"].head(3000).tolist()

    def profile(texts):
        sentences = [t[a:b] for t in texts for a, b in sentence_spans(t)]
        return cue_counts(sentences).mean()

    k, t = profile(kcna), profile(tweets)
    # Trump's style: exclamations, capitals, superlatives; KCNA's: labels and threat talk.
    assert t["cue_exclamation"] > 5 * k["cue_exclamation"]
    assert t["cue_allcaps"] > 3 * k["cue_allcaps"]
    assert t["cue_superlative"] > k["cue_superlative"]
    assert k["cue_loaded"] > 0.3 and t["cue_loaded"] > 0.3
    assert k["cue_threat"] > t["cue_threat"]
    assert k["cue_sovereignty"] > 2 * t["cue_sovereignty"]
    assert np.isfinite(k.to_numpy()).all()


def test_no_undeclared_overlap_within_a_dimension():
    from framing.cues import codebook_overlaps

    overlaps = codebook_overlaps()
    assert overlaps["declared"].all(), overlaps[~overlaps["declared"]]
    assert load_cue_families()["dimension"].ne("").all()


def test_kcna_labels_count_as_labels_not_military_threat():
    # codebook 1.1.0: bare "forces" left threat; KCNA's labels are labels ("puppet forces")
    text = "The puppet forces and hegemonic forces staged a provocation."
    assert _found(text, ["threat"]) == []
    assert [token for _, token, _ in _found(text, ["loaded"])] == ["puppet forces", "hegemonic forces", "provocation"]
    assert _found("US forces in South Korea held drills.", ["threat"])[0][1] == "forces in South Korea"


def test_new_seed_families_match():
    found = _found("Because of the crisis, both sides should seek common ground; Trump wants a big win.")
    families = {family for family, _, _ in found}
    assert {"entman_cause", "entman_problem", "entman_remedy", "peace_journalism", "strategy_game"} <= families


def test_kwic_shows_what_a_family_counts():
    from framing.cues import kwic

    data = pd.DataFrame({"text": ["Talks stalled. No progress at all today.", "Great progress!"]}, index=["a", "b"])
    table = kwic(data, "stalemate", window=2)
    assert table[["row", "match", "left", "right"]].values.tolist() == [
        ["a", "stalled", "Talks", ". No progress"], ["a", "No progress", "Talks stalled.", "at all"]]
    assert all(data.loc[r, "text"][s:e] == m for r, m, s, e in table[["row", "match", "start", "end"]].itertuples(index=False))
    assert kwic(data, "progress*", window=0)[["row", "left", "right"]].values.tolist() == [["a", "", ""], ["b", "", ""]]
    with pytest.raises(FramingError, match="window"):
        kwic(data, "progress", window=-1)


def test_batch_counts_equal_the_scan_of_each_text():
    # cue_counts scores most texts from word ids at once and scans the others alone: both ways
    # must give what the per-text scan gives (negation, multi-word cues, capitals, odd letters)
    from framing.cues import _scan_tuples

    texts = [
        "There was no progress.", "No, progress was made.", "It is not clear that it is certain.",
        "In a statement in a bid to talk", "They said it is", "US troops and us", "The DPRK and the NATO ALLIANCE!",
        "NEGOTIATIONS resumed; negotiators met!!", "\u0130stanbul talks \u03a3IGMA progress", "caf\u00e9 talks were successful",
        "We won't accept sanctions", "never successful", "not, successful", "don't-stop progress", "", "!!", "a",
        "human rights human rights", "puppet forces' provocation", "x_y 42 4.5 rock-solid", "Talks\n\ncollapsed\tagain",
    ]
    families = tuple(CUE_FAMILIES)
    table = cue_counts(texts)
    for k, text in enumerate(texts):
        found, n = _scan_tuples(text, families)
        assert table.loc[k, "cue_n_words"] == n, text
        for family in families:
            count = sum(match[1] == family for match in found)
            value = table.loc[k, f"cue_{family}"]
            assert (math.isnan(value) if n == 0 else value == (count * (100.0 / n) if count else 0.0)), (text, family)
