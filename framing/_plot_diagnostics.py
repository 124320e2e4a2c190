"""Diagnostic charts for classifiers and attributions: confusion matrix, reliability diagram.

Both draw tables made elsewhere (the frames and voices evaluations) and follow the house style
of :mod:`framing.plot`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._checks import require_columns, require_frame
from ._plotstyle import OKABE_ITO, axes, check_finite, styled
from .errors import FramingError


@styled
def plot_confusion_matrix(cm, ax=None):
    """Counts of true (rows) against predicted (columns) labels, shaded by share of each row.

    Parameters
    ----------
    cm : DataFrame
        Index: true labels; columns: predicted labels; values: counts (non-negative).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        One image of row shares (the diagonal is each class's recall) with ``count`` and the
        row share printed in each cell; row labels carry the number of true items.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.plot import plot_confusion_matrix
    >>> cm = pd.DataFrame([[8, 2], [1, 9]], index=["conflict", "other"],
    ...                   columns=["conflict", "other"])
    >>> ax = plot_confusion_matrix(cm)
    >>> ax.texts[0].get_text()
    '8\\n80%'
    """
    require_frame(cm, what="confusion matrix")
    counts = check_finite(cm.to_numpy(dtype=float), "the confusion matrix")
    if counts.size == 0 or np.isnan(counts).any() or (counts < 0).any():
        raise FramingError("the confusion matrix must hold non-negative counts, no NaN; build "
                           "it with pandas.crosstab(true, predicted).")
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(totals > 0, counts / totals, 0.0)
    ax = axes(ax)
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for (i, j), count in np.ndenumerate(counts):
        ax.text(j, i, f"{count:,.0f}\n{shares[i, j]:.0%}", ha="center", va="center", fontsize=6,
                color="white" if shares[i, j] > 0.6 else "black")
    ax.set_xticks(np.arange(counts.shape[1]), [str(c) for c in cm.columns], rotation=40,
                  ha="right", rotation_mode="anchor")
    ax.set_yticks(np.arange(counts.shape[0]),
                  [f"{r} (n={t:,.0f})" for r, t in zip(cm.index, totals.ravel())])
    ax.set_xlabel("predicted")
    ax.set_ylabel("true (gold)")
    ax.spines[:].set_visible(False)
    ax.figure.colorbar(image, ax=ax, shrink=0.9, label="share of the true class")
    return ax


@styled
def plot_reliability(table, ax=None):
    """Reliability diagram: stated confidence against the observed share correct, per bin.

    Parameters
    ----------
    table : DataFrame
        Columns ``confidence`` (mean stated confidence of a bin), ``observed`` (share correct),
        ``n`` (items in the bin), ``observed_low`` and ``observed_high`` (interval of the
        share; NaN draws a hollow point without interval).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
        The diagonal (perfect calibration), one point with its interval per bin, n beside it.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.plot import plot_reliability
    >>> table = pd.DataFrame({"confidence": [0.6, 0.9], "observed": [0.5, 0.85], "n": [40, 200],
    ...                       "observed_low": [0.35, 0.8], "observed_high": [0.65, 0.9]})
    >>> ax = plot_reliability(table)
    >>> [t.get_text() for t in ax.texts]
    ['n=40', 'n=200']
    """
    require_columns(table, ["confidence", "observed", "n", "observed_low", "observed_high"],
                    what="reliability table")
    table = table.reset_index(drop=True)
    x = check_finite(table["confidence"], "confidence")
    y = check_finite(table["observed"], "observed")
    low = check_finite(table["observed_low"], "observed_low")
    high = check_finite(table["observed_high"], "observed_high")
    ax = axes(ax)
    ax.plot([0, 1], [0, 1], linestyle="--", color="0.6", linewidth=0.8,
            label="perfect calibration")
    has = np.isfinite(low) & np.isfinite(high)
    ax.errorbar(x[has], y[has], yerr=np.vstack([y - low, high - y])[:, has], fmt="o",
                color=OKABE_ITO[0], capsize=2, label="observed share correct")
    if (~has).any():
        ax.plot(x[~has], y[~has], "o", markerfacecolor="white", markeredgecolor=OKABE_ITO[0],
                label="no interval")
    for xi, yi, n in zip(x, y, pd.to_numeric(table["n"])):
        ax.annotate(f"n={n:,.0f}", (xi, yi), xytext=(4, -8), textcoords="offset points",
                    fontsize=6, color="0.3")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("stated confidence (bin mean)")
    ax.set_ylabel("observed share correct")
    ax.legend(frameon=False, loc="upper left")
    return ax
