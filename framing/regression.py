"""Regression of a score on source plus covariates: the comparison with other things held equal.

A difference between sources can be a difference of genre (tweets against articles), length or
topic. :func:`model_sources` estimates the source contrasts with such covariates in the model,
with standard errors that respect articles as clusters, in one of two ways:

* ``kind="ols"``: least squares with cluster-robust (CR1) standard errors, clusters = documents
  (statsmodels' ``cov_type="cluster"``, small-sample factor G/(G-1) (N-1)/(N-K), t on G-1 df);
* ``kind="mixed"``: a linear mixed model with a random intercept per document (REML), so rows
  of one article share its level. It is fitted here in closed form per variance ratio (the
  rows of each document quasi-demeaned, the ratio found by a 1-D search of the profiled REML
  likelihood): the same estimates as statsmodels' ``MixedLM`` (tested to 1e-4), but in
  seconds rather than minutes on 10,000 rows in 3,000 documents.

Covariates that are numbers enter linearly; text, category or boolean covariates enter as
indicators against their first level in sorted order. Rows missing the score or a covariate
are left out and counted in ``n_missing`` (and logged), never dropped silently.
"""

from __future__ import annotations

import logging
import warnings

import numpy as np
import pandas as pd
from scipy import stats

from ._checks import require_columns
from ._resampling import cluster_codes
from .errors import FramingError

__all__ = ["model_sources"]

logger = logging.getLogger(__name__)

_KINDS = {"ols": "OLS, cluster-robust (CR1) SE by document",
          "mixed": "mixed model, random intercept per document (REML)"}


def model_sources(data, *, measure, source="source", covariates=(), cluster="doc_id",
                  kind="ols", reference=None, confidence=0.95) -> pd.DataFrame:
    """Regress one score on source (and covariates); a tidy table of the coefficients.

    Parameters
    ----------
    data : DataFrame
        Scored rows (segments, sentences or documents).
    measure : str
        Numeric score column (the outcome).
    source : str
        Column of the groups compared; each non-reference group gets a coefficient: its
        difference from ``reference`` with the covariates held equal.
    covariates : sequence of str
        Further columns (genre, length, topic, period ...).
    cluster : str
        Document column: clusters of the robust SE, or the random-intercept groups.
    kind : {"ols", "mixed"}
        Model, see the module docstring.
    reference : label, optional
        Reference group (default: the first in sorted order).
    confidence : float
        Coverage of the intervals.

    Returns
    -------
    DataFrame
        One row per coefficient: ``term`` (``"source: KCNA"``, ``"genre: tweet"``,
        ``"length"``, ``"intercept"``), ``estimate, se, ci_low, ci_high, p_value``, and the
        model in words: ``measure, kind, model`` (how the SE is computed), ``reference``,
        ``covariates`` (comma-separated or "none"), ``n``, ``n_clusters``, ``n_missing``.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing import model_sources
    >>> data = pd.DataFrame({"source": ["A", "A", "B", "B", "A", "B"],
    ...                      "doc_id": ["1", "1", "2", "3", "4", "5"],
    ...                      "words": [10, 20, 10, 30, 15, 25],
    ...                      "score": [0.1, 0.3, -0.2, 0.0, 0.2, -0.1]})
    >>> table = model_sources(data, measure="score", covariates=["words"])
    >>> table["term"].tolist()
    ['intercept', 'source: B', 'words']
    >>> round(float(table.loc[1, "estimate"]), 3)
    -0.375
    """
    import statsmodels.api as sm

    covariates = [covariates] if isinstance(covariates, str) else list(covariates)
    require_columns(data, [measure, source, cluster, *covariates], what="data")
    if kind not in _KINDS:
        raise FramingError(f"kind must be 'ols' or 'mixed', got {kind!r}.")
    if not 0 < confidence < 1:
        raise FramingError(f"confidence must lie between 0 and 1, got {confidence!r}.")
    if source in covariates or measure in covariates:
        raise FramingError("covariates must not repeat the measure or the source column.")
    y = pd.to_numeric(data[measure], errors="coerce")
    if not pd.api.types.is_numeric_dtype(data[measure]):
        raise FramingError(f"measure {measure!r} has dtype {data[measure].dtype}, expected numbers.")
    keep = y.notna() & np.isfinite(y) & data[source].notna() & data[cluster].notna()
    for column in covariates:
        keep &= data[column].notna()
    n_missing = int((~keep).sum())
    if n_missing:
        logger.info("model_sources: %d rows without %s, source, cluster or a covariate left out",
                    n_missing, measure)
    rows = data[keep]
    groups = sorted(pd.unique(rows[source]), key=str)
    if len(groups) < 2:
        raise FramingError(f"column {source!r} needs at least two groups with scores, found "
                           f"{list(map(str, groups))}.")
    reference = groups[0] if reference is None else reference
    if reference not in groups:
        raise FramingError(f"reference {reference!r} not among the groups {list(map(str, groups))}.")
    design = _design(rows, source, [reference, *[g for g in groups if g != reference]],
                     covariates)
    if np.linalg.matrix_rank(design.to_numpy(float)) < design.shape[1]:
        raise FramingError(
            f"the covariates {covariates} are collinear with {source!r} (or with each other): "
            "a covariate that is constant within every source (genre when each source has one "
            "genre) cannot be separated from the source. Add rows where it varies (for example "
            "a source quoted in news articles as well as in its own channel) or drop it."
        )
    codes = cluster_codes(rows[cluster])
    target = y[keep].to_numpy(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; the table reports the fit
        if kind == "ols":
            fit = sm.OLS(target, design.astype(float)).fit(
                cov_type="cluster", cov_kwds={"groups": codes}, use_t=True)
            params, se = fit.params, fit.bse
            df = len(np.unique(codes)) - 1
            names = list(design.columns)
        else:
            params, se = _random_intercept(target, design.to_numpy(float), codes)
            names = list(design.columns)
            df = None
    params, se = np.asarray(params, float)[:len(names)], np.asarray(se, float)[:len(names)]
    alpha = 1 - confidence
    if df is None:
        quantile, p = stats.norm.ppf(1 - alpha / 2), 2 * stats.norm.sf(np.abs(params / se))
    else:
        quantile, p = stats.t.ppf(1 - alpha / 2, df), 2 * stats.t.sf(np.abs(params / se), df)
    return pd.DataFrame({
        "term": names, "estimate": params, "se": se, "ci_low": params - quantile * se,
        "ci_high": params + quantile * se, "p_value": p, "measure": measure, "kind": kind,
        "model": _KINDS[kind], "reference": str(reference),
        "covariates": ", ".join(covariates) or "none", "confidence": confidence,
        "n": len(rows), "n_clusters": int(len(np.unique(codes))), "n_missing": n_missing,
    })


def _design(rows, source, levels, covariates) -> pd.DataFrame:
    """Intercept, source indicators (reference left out) and covariates."""
    columns = {"intercept": np.ones(len(rows))}
    labels = rows[source].to_numpy()
    for level in levels[1:]:
        columns[f"{source}: {level}"] = (labels == level).astype(float)
    for column in covariates:
        values = rows[column]
        if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
            found = sorted(pd.unique(values.astype(str)))
            for level in found[1:]:
                columns[f"{column}: {level}"] = (values.astype(str) == level).to_numpy(float)
        else:
            columns[column] = values.to_numpy(float)
    return pd.DataFrame(columns, index=rows.index)


def _random_intercept(y, x, codes):
    """REML fit of ``y = x b + u_doc + e``; returns the fixed effects and their standard errors.

    For a variance ratio ``lam = var(u) / var(e)`` the GLS fit is OLS on quasi-demeaned data
    ``z - theta_j mean_j(z)`` with ``theta_j = 1 - 1 / sqrt(1 + n_j lam)``; the profiled REML
    criterion ``(N - p) log(RSS / (N - p)) + sum_j log(1 + n_j lam) + log det(X*'X*)`` is
    minimised over ``log lam`` (and compared with ``lam = 0``).
    """
    from scipy.optimize import minimize_scalar

    _, dense = np.unique(codes, return_inverse=True)
    sizes = np.bincount(dense).astype(float)
    n, p = x.shape
    mean_y = np.bincount(dense, weights=y) / sizes
    mean_x = np.column_stack([np.bincount(dense, weights=x[:, k]) / sizes for k in range(p)])

    def fit(lam):
        theta = (1 - 1 / np.sqrt(1 + sizes * lam))[dense]
        ys, xs = y - theta * mean_y[dense], x - theta[:, None] * mean_x[dense]
        gram = xs.T @ xs
        beta = np.linalg.solve(gram, xs.T @ ys)
        rss = float(np.sum((ys - xs @ beta) ** 2))
        criterion = ((n - p) * np.log(rss / (n - p)) + np.sum(np.log1p(sizes * lam))
                     + np.linalg.slogdet(gram)[1])
        return criterion, beta, rss / (n - p) * np.linalg.inv(gram)

    best = minimize_scalar(lambda t: fit(np.exp(t))[0], bounds=(-15.0, 8.0), method="bounded",
                           options={"xatol": 1e-7})
    lam = np.exp(best.x) if best.fun < fit(0.0)[0] else 0.0
    _, beta, cov = fit(lam)
    return beta, np.sqrt(np.diag(cov))
