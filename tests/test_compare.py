"""Tests for framing.compare: hand-checked statistics, determinism, errors, real corpora."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import framing
import framing.compare as fc
from framing import (
    BrokenRecordWarning,
    ColumnError,
    FramingError,
    cliffs_delta,
    compare_over_time,
    compare_sources,
    distinctive_terms,
    hedges_g,
    pairwise_differences,
)
from framing.datasets import load_kcna, load_trump_tweets

COLUMNS = ["source", "measure", "n", "n_clusters", "n_missing", "mean", "se", "ci_low",
           "ci_high", "confidence", "method", "weight"]


def clustered(rng, *, clusters=12, per_cluster=10, spread=1.0, noise=0.05, source="A"):
    """Rows whose values are nearly constant within a cluster: strong within-cluster correlation."""
    centres = rng.normal(0.0, spread, clusters)
    values = np.repeat(centres, per_cluster) + rng.normal(0.0, noise, clusters * per_cluster)
    ids = np.repeat([f"{source}{i}" for i in range(clusters)], per_cluster)
    return pd.DataFrame({"source": source, "doc_id": ids, "score": values})


def width(row):
    return row["ci_high"] - row["ci_low"]


# -- compare_sources -------------------------------------------------------------------------


def test_cluster_bootstrap_is_wider_than_naive_when_rows_within_clusters_agree(rng):
    data = clustered(rng)
    by_cluster = compare_sources(data, measures="score").iloc[0]
    naive = compare_sources(data, measures="score", cluster=None).iloc[0]
    assert by_cluster["mean"] == pytest.approx(data["score"].mean())
    assert by_cluster["n"] == naive["n"] == 120
    assert by_cluster["n_clusters"] == 12 and naive["n_clusters"] == 120
    # 10 near-copies per cluster: the honest interval is about sqrt(10) ~ 3 times wider
    assert width(by_cluster) > 2 * width(naive)
    assert by_cluster["ci_low"] < by_cluster["mean"] < by_cluster["ci_high"]


def test_output_columns_order_and_types():
    data = pd.DataFrame({"source": ["B", "A", "A", "B"], "doc_id": list("1234"),
                         "x": [1.0, 2.0, 3.0, 4.0], "y": [0.0, 1.0, 0.0, 1.0]})
    table = compare_sources(data, measures=["x", "y"], n_resamples=100)
    assert list(table.columns) == COLUMNS
    assert table[["source", "measure"]].values.tolist() == [["A", "x"], ["A", "y"], ["B", "x"], ["B", "y"]]
    assert table["mean"].tolist() == [2.5, 0.5, 2.5, 0.5]
    # two clusters per group: below 30 the default interval is BCa, and the table says so
    assert (table["method"] == "bca").all() and (table["confidence"] == 0.95).all()
    assert (table["weight"] == "segment").all()


def test_cr1_matches_hand_calculation():
    # clusters {1, 2}, {3}, {4, 6}: mean 16/5 = 3.2; residual sums -3.4, -0.2, 3.6
    data = pd.DataFrame({"source": "A", "doc_id": ["a", "a", "b", "c", "c"],
                         "score": [1.0, 2.0, 3.0, 4.0, 6.0]})
    row = compare_sources(data, measures="score", method="cr1").iloc[0]
    se = math.sqrt(3 / 2 * (3.4**2 + 0.2**2 + 3.6**2)) / 5  # = 1.21392...
    assert row["mean"] == pytest.approx(3.2)
    assert row["se"] == pytest.approx(se) and se == pytest.approx(1.213920)
    assert row["ci_high"] - row["mean"] == pytest.approx(4.302653 * se, rel=1e-6)  # t(2, 0.975)
    assert row["n_clusters"] == 3


def test_cr1_with_one_row_per_cluster_is_the_classical_t_interval(rng):
    values = rng.normal(size=25)
    data = pd.DataFrame({"source": "A", "doc_id": [str(i) for i in range(25)], "score": values})
    row = compare_sources(data, measures="score", method="cr1", confidence=0.9).iloc[0]
    low, high = stats.t.interval(0.9, 24, loc=values.mean(), scale=stats.sem(values))
    assert row["se"] == pytest.approx(stats.sem(values))
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))


def test_one_row_per_cluster_reduces_to_the_ordinary_bootstrap(rng):
    values = rng.normal(size=60)
    data = pd.DataFrame({"source": "A", "doc_id": [f"{i:02d}" for i in range(60)], "score": values})
    with_ids = compare_sources(data, measures="score", n_resamples=4000)
    without = compare_sources(data, measures="score", cluster=None, n_resamples=4000)
    assert with_ids.loc[0, "method"] == "bootstrap"  # 60 clusters: percentile by default
    pd.testing.assert_frame_equal(with_ids, without)
    # the bootstrap standard error of a mean is sd / sqrt(n) with the 1/n variance
    plug_in = values.std(ddof=0) / math.sqrt(60)
    assert with_ids.loc[0, "se"] == pytest.approx(plug_in, rel=0.06)


def test_bca_agrees_with_scipy_on_independent_rows(rng):
    values = rng.exponential(size=40)  # skewed, so BCa and percentile differ
    data = pd.DataFrame({"source": "A", "doc_id": [str(i) for i in range(40)], "score": values})
    ours = compare_sources(data, measures="score", method="bca", n_resamples=20000).iloc[0]
    theirs = stats.bootstrap((values,), np.mean, method="BCa", n_resamples=20000,
                             random_state=np.random.default_rng(1)).confidence_interval
    assert ours["ci_low"] == pytest.approx(theirs.low, abs=0.02)
    assert ours["ci_high"] == pytest.approx(theirs.high, abs=0.03)
    percentile = compare_sources(data, measures="score", method="bootstrap", n_resamples=20000).iloc[0]
    assert ours["ci_high"] > percentile["ci_high"]  # right skew shifts the BCa interval up


def test_missing_scores_are_excluded_but_counted():
    data = pd.DataFrame({"source": ["A"] * 5, "doc_id": ["1", "1", "2", "3", "3"],
                         "score": [1.0, np.nan, 3.0, np.nan, np.nan]})
    row = compare_sources(data, measures="score", n_resamples=100).iloc[0]
    assert (row["n"], row["n_missing"], row["n_clusters"]) == (2, 3, 2)
    assert row["mean"] == 2.0


def test_single_cluster_gets_no_interval():
    data = pd.DataFrame({"source": "A", "doc_id": "1", "score": [0.1, 0.5, 0.9]})
    for method in ("bootstrap", "bca", "cr1"):
        row = compare_sources(data, measures="score", method=method).iloc[0]
        assert row["mean"] == pytest.approx(0.5)
        assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])


def test_same_seed_same_numbers_and_groups_do_not_disturb_each_other(rng):
    data = pd.concat([clustered(rng, source="A"), clustered(rng, source="B")], ignore_index=True)
    first = compare_sources(data, measures="score", random_state=7)
    again = compare_sources(data, measures="score", random_state=7)
    other = compare_sources(data, measures="score", random_state=8)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    alone = compare_sources(data[data["source"] == "B"], measures="score", random_state=7)
    pd.testing.assert_frame_equal(alone.reset_index(drop=True), first.iloc[[1]].reset_index(drop=True))


def test_inputs_are_not_mutated(rng):
    data = clustered(rng)
    before = data.copy()
    compare_sources(data, measures="score", n_resamples=50)
    pd.testing.assert_frame_equal(data, before)


def test_bad_input_errors_name_the_problem():
    data = pd.DataFrame({"source": ["A", None], "doc_id": ["1", "2"], "score": [1.0, 2.0],
                         "label": ["x", "y"]})
    with pytest.raises(ColumnError, match=r"lacks column\(s\) \['polarity'\].*columns present"):
        compare_sources(data, measures="polarity")
    with pytest.raises(FramingError, match="1 rows have no 'source'"):
        compare_sources(data, measures="score")
    data["source"] = "A"
    with pytest.raises(ColumnError, match="'label' has dtype"):
        compare_sources(data, measures="label")
    with pytest.raises(FramingError, match="method must be one of"):
        compare_sources(data, measures="score", method="jackknife")
    with pytest.raises(FramingError, match="no rows"):
        compare_sources(data.iloc[:0], measures="score")
    with pytest.raises(FramingError, match="pass cluster=None"):
        compare_sources(data.assign(doc_id=[None, "2"]), measures="score")


def test_compare_over_time_bins_by_period_and_keeps_undated_rows():
    data = pd.DataFrame({
        "source": ["A", "A", "A", "B", "B"],
        "doc_id": ["1", "2", "3", "4", "5"],
        "date": pd.to_datetime(["2018-01-31 23:30", "2018-02-01", None, "2018-01-05", "2018-01-06"],
                               utc=True, format="mixed"),
        "score": [1.0, 3.0, 5.0, 0.0, 2.0],
    })
    table = compare_over_time(data, measures="score", n_resamples=100)
    assert table.columns[:3].tolist() == ["source", "period", "measure"]
    assert table["period"].isna().tolist() == [False, False, True, False]
    assert [str(p) for p in table["period"].dropna()] == ["2018-01", "2018-02", "2018-01"]
    assert table["mean"].tolist() == [1.0, 3.0, 5.0, 1.0]
    assert table["n"].sum() == len(data)
    weekly = compare_over_time(data.dropna(subset=["date"]), measures="score", freq="W", n_resamples=50)
    # Wed 31 Jan + Thu 1 Feb share a week (ending Sunday), so do Fri 5 + Sat 6 Jan
    assert weekly["n"].tolist() == [2, 2] and weekly["mean"].tolist() == [2.0, 1.0]


def test_weights_segment_word_document_by_hand():
    # doc 1: two rows (values 1, 3; 1 and 3 words), doc 2: one row (value 6, 2 words)
    data = pd.DataFrame({"source": "A", "doc_id": ["1", "1", "2"], "score": [1.0, 3.0, 6.0],
                         "cue_n_words": [1, 3, 2], "text": ["a", "b c d", "e f"]})
    means = {w: compare_sources(data, measures="score", weight=w, n_resamples=50).iloc[0]
             for w in ("segment", "word", "document")}
    assert means["segment"]["mean"] == pytest.approx(10 / 3)
    assert means["word"]["mean"] == pytest.approx((1 + 9 + 12) / 6)
    assert means["document"]["mean"] == pytest.approx((2 + 6) / 2)
    assert [means[w]["weight"] for w in means] == ["segment", "word", "document"]
    # without a word-count column the words of the text are counted (same counts here)
    counted = compare_sources(data.drop(columns="cue_n_words"), measures="score", weight="word",
                              n_resamples=50).iloc[0]
    assert counted["mean"] == means["word"]["mean"]
    cr1 = compare_sources(data, measures="score", weight="document", method="cr1").iloc[0]
    # two documents with means 2 and 6: classical se of their mean = 2 (factor G/(G-1) = 2)
    assert cr1["se"] == pytest.approx(2.0)
    with pytest.raises(FramingError, match="weight must be one of"):
        compare_sources(data, measures="score", weight="token")
    with pytest.raises(ColumnError, match="word-count column"):
        compare_sources(data.drop(columns=["cue_n_words", "text"]), measures="score", weight="word")


def test_results_do_not_depend_on_row_order(rng):
    data = pd.concat([clustered(rng, clusters=8, per_cluster=4, source="A"),
                      clustered(rng, clusters=40, per_cluster=3, source="B")], ignore_index=True)
    data["other"] = rng.normal(size=len(data))
    shuffled = data.sample(frac=1.0, random_state=3)
    for weight in ("segment", "document"):
        first = compare_sources(data, measures=["score", "other"], weight=weight, n_resamples=300)
        again = compare_sources(shuffled, measures=["score", "other"], weight=weight, n_resamples=300)
        pd.testing.assert_frame_equal(first, again, check_exact=True)
    first = fc.estimate_difference(data, measure="score", groups=("A", "B"), n_resamples=300,
                                   n_permutations=300)
    again = fc.estimate_difference(shuffled, measure="score", groups=("A", "B"), n_resamples=300,
                                   n_permutations=300)
    assert first == again


@pytest.mark.parametrize("options, message", [
    ({"n_permutations": -5}, "n_permutations must be at least 1"),
    ({"n_permutations": 0}, "n_permutations must be at least 1"),
    ({"n_permutations": 99.5}, "n_permutations must be a whole number"),
    ({"random_state": -1}, "random_state must be a non-negative integer, got -1"),
    ({"random_state": "abc"}, "random_state must be a non-negative integer.*'abc'"),
    ({"random_state": 1.7}, "random_state must be a non-negative integer.*1.7"),
    ({"random_state": True}, "random_state must be"),
    ({"n_resamples": 2.5}, "n_resamples must be a whole number"),
    ({"n_resamples": 1}, "n_resamples must be at least 2"),
    ({"confidence": 95}, "confidence must lie between 0 and 1"),
])
def test_resampling_options_are_validated_with_the_fix(options, message):
    data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"), "score": [0.1, 0.2, 0.4, 0.3]})
    with pytest.raises(FramingError, match=message):
        fc.estimate_difference(data, measure="score", groups=("A", "B"), **options)
    if "n_permutations" not in options:
        with pytest.raises(FramingError, match=message):
            compare_sources(data, measures="score", **options)


def test_adjust_p_values_holm_and_bh_by_hand():
    p = [0.01, 0.04, 0.03, np.nan]
    # Holm: sorted 0.01, 0.03, 0.04 times 3, 2, 1 -> 0.03, 0.06, 0.04 -> monotone 0.03, 0.06, 0.06
    np.testing.assert_allclose(fc.adjust_p_values(p, method="holm"), [0.03, 0.06, 0.06, np.nan])
    # BH: 0.04 * 3/3 = 0.04, 0.03 * 3/2 = 0.045 -> min with later 0.04, 0.01 * 3 = 0.03
    np.testing.assert_allclose(fc.adjust_p_values(p, method="bh"), [0.03, 0.04, 0.04, np.nan])
    with pytest.raises(FramingError, match="'holm' or 'bh'"):
        fc.adjust_p_values(p, method="bonferroni")


def test_pairwise_differences_adjusts_over_measures_and_pairs(rng):
    frames = [clustered(rng, clusters=6, per_cluster=2, source=s) for s in "AB"]
    data = pd.concat(frames, ignore_index=True).assign(other=lambda d: d["score"] * 2)
    table = pairwise_differences(data, measure=["score", "other"], adjust="bh",
                                 n_resamples=100, n_permutations=99)
    assert table["measure"].tolist() == ["score", "other"]
    np.testing.assert_allclose(table["p_adjusted"], fc.adjust_p_values(table["p_value"], method="bh"))
    assert (table["adjust"] == "bh").all()


# -- differences -----------------------------------------------------------------------------


def test_hedges_g_and_cliffs_delta_by_hand():
    x, y = [1, 2, 3, 4], [3, 5, 7]
    # means 2.5 and 5; variances 5/3 and 4; pooled sd sqrt((5 + 8) / 5); J = 1 - 3/19
    assert hedges_g(x, y) == pytest.approx((1 - 3 / 19) * -2.5 / math.sqrt(2.6))
    assert hedges_g(x, y) == pytest.approx(-1.305628, abs=1e-6)
    # pairs x > y: (4, 3) = 1; x < y: 3 + 3 + 2 + 2 = 10; ties (3, 3) = 1 -> (1 - 10) / 12
    assert cliffs_delta(x, y) == pytest.approx(-0.75)
    assert cliffs_delta(y, x) == pytest.approx(0.75)
    assert cliffs_delta([1, 2, np.nan], [1, 2]) == 0.0
    assert np.isnan(hedges_g([1.0], [2.0, 3.0]))


def test_identical_groups_give_p_value_one():
    values = [0.2, 0.4, -0.1, 0.3, 0.0, 0.5]
    data = pd.DataFrame({"source": ["A"] * 6 + ["B"] * 6,
                         "doc_id": [f"a{i // 2}" for i in range(6)] + [f"b{i // 2}" for i in range(6)],
                         "score": values + values})
    result = fc.estimate_difference(data, measure="score", groups=("A", "B"), n_permutations=999)
    assert result.difference == 0.0
    assert result.p_value == 1.0
    assert result.ci_low < 0 < result.ci_high
    assert result.hedges_g == 0.0 and result.cliffs_delta == 0.0


def test_separated_groups_give_the_smallest_p_value_and_effects_at_cluster_level(rng):
    a = clustered(rng, clusters=10, per_cluster=3, spread=0.1, source="A")
    b = clustered(rng, clusters=10, per_cluster=3, spread=0.1, source="B")
    b["score"] -= 5.0
    data = pd.concat([a, b], ignore_index=True)
    result = fc.estimate_difference(data, measure="score", groups=("A", "B"), n_permutations=999)
    assert result.p_value == pytest.approx(1 / 1000)  # 1 of C(20, 10) labelings is as extreme
    assert result.difference == pytest.approx(a["score"].mean() - b["score"].mean())
    assert result.ci_low < result.difference < result.ci_high
    assert (result.n_a, result.n_clusters_a, result.n_b, result.n_clusters_b) == (30, 10, 30, 10)
    means_a = a.groupby("doc_id")["score"].mean()
    means_b = b.groupby("doc_id")["score"].mean()
    assert result.hedges_g == pytest.approx(hedges_g(means_a, means_b))
    assert result.cliffs_delta == 1.0
    by_row = fc.estimate_difference(data, measure="score", groups=("A", "B"), effect_level="row",
                                n_permutations=99)
    assert by_row.hedges_g == pytest.approx(hedges_g(a["score"], b["score"]))
    assert by_row.difference == result.difference


def test_null_p_values_are_not_too_small_when_rows_share_clusters():
    # each cluster holds both groups; the cluster effect is shared, no group effect
    rejections = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        shared = np.repeat(rng.normal(size=15), 6)
        data = pd.DataFrame({"source": np.tile(list("ABABAB"), 15),
                             "doc_id": np.repeat([str(i) for i in range(15)], 6),
                             "score": shared + rng.normal(size=90)})
        result = fc.estimate_difference(data, measure="score", groups=("A", "B"), n_resamples=200,
                                    n_permutations=200, random_state=seed)
        rejections += result.p_value < 0.05
        assert result.n_clusters_a == result.n_clusters_b == 15
    assert rejections <= 6  # expected 2 of 40 at the 5 % level


def test_difference_reports_missing_and_rejects_bad_groups():
    data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"),
                         "score": [0.1, np.nan, 0.3, 0.5]})
    result = fc.estimate_difference(data, measure="score", groups=("A", "B"), n_permutations=9)
    assert (result.n_a, result.n_missing_a, result.n_b, result.n_missing_b) == (1, 1, 2, 0)
    assert result.difference == pytest.approx(-0.3)
    assert np.isnan(result.ci_low) and np.isnan(result.ci_high)  # A has one article left
    with pytest.raises(FramingError, match=r"\['C'\] not found"):
        fc.estimate_difference(data, measure="score", groups=("A", "C"))
    with pytest.raises(FramingError, match="two different groups"):
        fc.estimate_difference(data, measure="score", groups=("A", "A"))
    with pytest.raises(FramingError, match="no non-missing"):
        fc.estimate_difference(data.assign(score=[np.nan, np.nan, 1.0, 2.0]), measure="score", groups=("A", "B"))


def test_pairwise_differences_holm_and_consistency(rng):
    frames = [clustered(rng, clusters=8, per_cluster=2, source=s) for s in "ABC"]
    frames[2]["score"] += 2.0
    data = pd.concat(frames, ignore_index=True)
    table = pairwise_differences(data, measure="score", n_resamples=300, n_permutations=300)
    assert table[["group_a", "group_b"]].values.tolist() == [["A", "B"], ["A", "C"], ["B", "C"]]
    p = table["p_value"].to_numpy()
    order = np.argsort(p)
    holm = np.minimum(np.maximum.accumulate(p[order] * np.array([3, 2, 1])), 1)
    assert table["p_adjusted"].to_numpy()[order] == pytest.approx(holm)
    single = fc.estimate_difference(data, measure="score", groups=("A", "C"), n_resamples=300,
                                n_permutations=300)
    assert table.iloc[1].to_dict() == {**single.to_dict(), "p_adjusted": table.iloc[1]["p_adjusted"], "adjust": "holm"}


# -- real corpora ----------------------------------------------------------------------------


def _real_documents(corpora, n=300, seed=0):
    """300 Trump tweets (no retweets) and 300 English KCNA articles from the shared corpora."""
    with warnings.catch_warnings():  # the KCNA files hold a few null entries, reported elsewhere
        warnings.simplefilter("ignore", BrokenRecordWarning)
        tweets = load_trump_tweets(corpora / "trump_tweets", include_retweets=False)
        kcna = load_kcna(corpora / "kcna")
    kcna = kcna[kcna["lang"] == "en"]
    columns = ["doc_id", "source", "text"]
    return pd.concat([tweets[columns].sample(n, random_state=seed),
                      kcna[columns].sample(n, random_state=seed)], ignore_index=True)


@pytest.mark.corpus
def test_real_trump_tweets_vs_kcna(corpora):
    from textblob import TextBlob

    docs = _real_documents(corpora)
    docs["textblob_polarity"] = [TextBlob(t).sentiment.polarity for t in docs["text"]]
    table = compare_sources(docs, measures="textblob_polarity")
    assert table["source"].tolist() == ["KCNA", "Trump"]
    assert (table["n"] == 300).all() and (table["n_clusters"] == 300).all()
    means = docs.groupby("source")["textblob_polarity"].mean()
    assert table["mean"].to_numpy() == pytest.approx(means[["KCNA", "Trump"]].to_numpy())
    assert ((table["ci_low"] < table["mean"]) & (table["mean"] < table["ci_high"])).all()

    result = fc.estimate_difference(docs, measure="textblob_polarity", groups=("Trump", "KCNA"))
    assert result.difference == pytest.approx(means["Trump"] - means["KCNA"])
    assert result.ci_low < result.difference < result.ci_high
    assert 0 < result.p_value <= 1 and -1 <= result.cliffs_delta <= 1

    # sentences of one article are correlated: the cluster interval must be the wider one
    spans = [(d, s, t[a:b]) for d, s, t in docs[["doc_id", "source", "text"]].itertuples(index=False)
             for a, b in framing.sentence_spans(t)]
    segments = pd.DataFrame(spans, columns=["doc_id", "source", "text"])
    segments["textblob_polarity"] = [TextBlob(t).sentiment.polarity for t in segments["text"]]
    honest = compare_sources(segments, measures="textblob_polarity").set_index("source")
    naive = compare_sources(segments, measures="textblob_polarity", cluster=None).set_index("source")
    assert honest.loc["KCNA", "n"] > 1000 and honest.loc["KCNA", "n_clusters"] == 300
    assert width(honest.loc["KCNA"]) > 1.2 * width(naive.loc["KCNA"])

    terms = distinctive_terms(docs, stop_words="english")
    kcna_terms = terms[terms["source"] == "KCNA"]["term"].tolist()
    trump_terms = terms[terms["source"] == "Trump"]["term"].tolist()
    assert "dprk" in kcna_terms[:10]
    assert "fake" in trump_terms
    assert (terms["z"] > 0).all()
