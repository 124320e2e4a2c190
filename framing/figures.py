"""Save a figure together with the table of numbers it draws (the one place figures are written).

A rerun writes the same bytes: fixed dpi, no software/date metadata in the PNG, the table as
plain CSV with ``\\n`` line ends. Compare two runs number by number through the CSV.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from .errors import FramingError

__all__ = ["save_figure"]

logger = logging.getLogger(__name__)

DPI = 150


def save_figure(fig, name, *, table, folder="figures") -> tuple[Path, Path]:
    """Write ``<folder>/<name>.png`` and the table behind it as ``<folder>/<name>.csv``.

    Parameters
    ----------
    fig : matplotlib Figure (or an Axes, whose figure is saved)
    name : str
        File stem: letters, digits, ``-``, ``_`` and ``.``; no folders and no extension.
    table : DataFrame or Series
        The numbers the figure shows. The index is written too unless it is a plain
        RangeIndex.
    folder : str or Path
        Output folder, created if needed.

    Returns
    -------
    (Path, Path)
        Paths of the PNG and the CSV.

    Examples
    --------
    >>> import pandas as pd
    >>> from framing.compare import compare_sources
    >>> from framing.plot import plot_sources
    >>> from framing.figures import save_figure
    >>> data = pd.DataFrame({"source": list("AABB"), "doc_id": list("1234"),
    ...                      "score": [0.1, 0.3, -0.2, 0.0]})
    >>> table = compare_sources(data, measures="score", n_resamples=50)
    >>> ax = plot_sources(table, measure="score")
    >>> save_figure(ax.figure, "score_by_source", table=table, folder="figures")  # doctest: +SKIP
    (PosixPath('figures/score_by_source.png'), PosixPath('figures/score_by_source.csv'))
    """
    figure = fig if hasattr(fig, "savefig") else getattr(fig, "figure", None)  # Axes -> Figure
    if not hasattr(figure, "savefig"):
        raise FramingError(f"fig must be a matplotlib Figure or Axes, got {type(fig).__name__}.")
    if not isinstance(name, str) or not name or name != Path(name).name or name.startswith("."):
        raise FramingError(
            f"name must be a plain file stem such as 'polarity_by_source', got {name!r}; "
            "put folders in folder=..."
        )
    if name.lower().endswith((".png", ".csv")):
        raise FramingError(f"name {name!r} should not carry an extension; "
                           "both .png and .csv are written.")
    if isinstance(table, pd.Series):
        table = table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise FramingError(
            f"table must be the DataFrame of numbers the figure shows, got {type(table).__name__}."
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png, csv = folder / f"{name}.png", folder / f"{name}.csv"
    # No "Software" text chunk: it names the matplotlib version, which would change the bytes.
    figure.savefig(png, format="png", dpi=DPI, metadata={"Software": None})
    table.to_csv(csv, index=not isinstance(table.index, pd.RangeIndex), lineterminator="\n")
    logger.info("saved %s and %s", png, csv)
    return png, csv
