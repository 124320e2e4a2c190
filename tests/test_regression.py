"""Tests for framing.regression.model_sources: hand-checked coefficients and sandwich SEs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from framing import FramingError, model_sources


def data_with_genre(rng, clusters=40):
    """Two sources, each in two genres; genre shifts the score by 0.5, source B by -0.3."""
    rows = []
    for c in range(clusters):
        source, genre = "AB"[c % 2], ["own", "quoted"][(c // 2) % 2]
        level = rng.normal(0, 0.2)  # shared by the rows of one document
        for _ in range(3):
            score = 0.5 * (genre == "quoted") - 0.3 * (source == "B") + level + rng.normal(0, 0.1)
            rows.append({"source": source, "genre": genre, "doc_id": f"d{c}", "score": score,
                         "words": int(rng.integers(5, 40))})
    return pd.DataFrame(rows)


def test_ols_estimates_and_cr1_standard_errors_by_hand(rng):
    data = data_with_genre(rng)
    table = model_sources(data, measure="score", covariates=["genre"]).set_index("term")
    assert table.index.tolist() == ["intercept", "source: B", "genre: quoted"]
    x = np.column_stack([np.ones(len(data)), data["source"] == "B", data["genre"] == "quoted"]).astype(float)
    y = data["score"].to_numpy()
    beta = np.linalg.lstsq(x, y, rcond=None)[0]
    np.testing.assert_allclose(table["estimate"], beta, rtol=1e-10)
    # sandwich with clusters summed, factor G/(G-1) * (N-1)/(N-K)
    bread = np.linalg.inv(x.T @ x)
    residual = y - x @ beta
    meat = sum(np.outer(s, s) for s in
               (x[data["doc_id"] == d].T @ residual[data["doc_id"] == d] for d in data["doc_id"].unique()))
    n, k, g = len(y), 3, data["doc_id"].nunique()
    se = np.sqrt(np.diag(bread @ meat @ bread) * g / (g - 1) * (n - 1) / (n - k))
    np.testing.assert_allclose(table["se"], se, rtol=1e-8)
    half = stats.t.ppf(0.975, g - 1) * se  # t on G-1 degrees of freedom
    np.testing.assert_allclose(table["ci_high"] - table["estimate"], half, rtol=1e-8)
    assert table.loc["source: B", "estimate"] == pytest.approx(-0.3, abs=0.15)
    assert set(table["model"]) == {"OLS, cluster-robust (CR1) SE by document"}
    assert set(table["reference"]) == {"A"} and set(table["covariates"]) == {"genre"}
    assert set(table["n"]) == {120} and set(table["n_clusters"]) == {40}


def test_mixed_model_recovers_the_effects_and_says_what_it_is(rng):
    data = data_with_genre(rng, clusters=60)
    table = model_sources(data, measure="score", covariates=["genre", "words"], kind="mixed")
    table = table.set_index("term")
    assert table.loc["source: B", "ci_low"] < -0.3 < table.loc["source: B", "ci_high"]
    assert table.loc["genre: quoted", "ci_low"] < 0.5 < table.loc["genre: quoted", "ci_high"]
    assert set(table["model"]) == {"mixed model, random intercept per document (REML)"}


def test_mixed_model_equals_statsmodels_mixedlm(rng):
    import statsmodels.api as sm

    data = data_with_genre(rng, clusters=30)
    data = data.iloc[rng.permutation(len(data))[:80]]  # unequal documents sizes
    ours = model_sources(data, measure="score", covariates=["genre", "words"], kind="mixed")
    x = np.column_stack([np.ones(len(data)), data["source"] == "B", data["genre"] == "quoted",
                         data["words"]]).astype(float)
    theirs = sm.MixedLM(data["score"].to_numpy(), x, groups=data["doc_id"].to_numpy()).fit(reml=True)
    np.testing.assert_allclose(ours["estimate"], theirs.fe_params, rtol=1e-4, atol=1e-6)
    # SEs: ours are the GLS (X' V^-1 X)^-1 at the estimate, statsmodels reads them off its
    # numerical Hessian of the joint likelihood; the two agree within 1 %
    np.testing.assert_allclose(ours["se"], theirs.bse_fe, rtol=0.01)


def test_missing_rows_are_counted_and_bad_input_explained(rng):
    data = data_with_genre(rng)
    data.loc[[0, 5], "score"] = np.nan
    table = model_sources(data, measure="score", reference="B")
    assert set(table["n_missing"]) == {2} and set(table["n"]) == {118}
    assert table["term"].tolist() == ["intercept", "source: A"]
    own = data.assign(genre=data["source"].map({"A": "tweet", "B": "article"}))
    with pytest.raises(FramingError, match="collinear"):
        model_sources(own, measure="score", covariates=["genre"])
    with pytest.raises(FramingError, match="kind must be"):
        model_sources(data, measure="score", kind="glm")
    with pytest.raises(FramingError, match="reference 'C'"):
        model_sources(data, measure="score", reference="C")
    with pytest.raises(FramingError, match="lacks column"):
        model_sources(data, measure="score", covariates=["topic"])
