"""Tests for framing.plot: inspect the artists, so every drawn number is checked against the table."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from framing import (  # noqa: E402
    FramingError,
    compare_sources,
    distinctive_terms,
    plot_cue_profile,
    plot_distinctive_terms,
    plot_over_time,
    plot_sources,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def source_table():
    return pd.DataFrame({
        "source": ["KCNA", "Trump", "Reuters"],
        "measure": "polarity",
        "n": [120, 40, 9],
        "n_clusters": [30, 40, 3],
        "n_missing": [0, 2, 0],
        "mean": [-0.10, 0.25, 0.02],
        "se": [0.02, 0.05, 0.04],
        "ci_low": [-0.14, 0.15, -0.06],
        "ci_high": [-0.05, 0.36, 0.10],
        "confidence": 0.95,
        "method": "bootstrap",
    })


def test_plot_sources_draws_the_table_values():
    table = pd.concat([source_table(), source_table().assign(measure="other", mean=9.0)])
    ax = plot_sources(table, measure="polarity")
    container = ax.containers[0]
    points = container.lines[0]
    assert points.get_xdata().tolist() == [-0.10, 0.25, 0.02]  # only the "polarity" rows
    segments = container.lines[2][0].get_segments()
    extents = np.array([(s[0][0], s[1][0]) for s in segments])
    np.testing.assert_allclose(extents, [(-0.14, -0.05), (0.15, 0.36), (-0.06, 0.10)])
    assert [s[0][1] for s in segments] == [0, 1, 2]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["KCNA (n=120, 30 docs)", "Trump (n=40, 40 docs)", "Reuters (n=9, 3 docs)"]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # first row on top
    assert "95%" in ax.get_xlabel() and "polarity" in ax.get_xlabel()
    assert ax.get_title() == "cluster bootstrap (percentile)"


def test_plot_sources_uses_the_given_axes_and_survives_missing_intervals():
    fig, ax = plt.subplots()
    table = source_table()
    table.loc[2, ["ci_low", "ci_high"]] = np.nan  # one cluster: no interval
    assert plot_sources(table, measure="polarity", ax=ax) is ax
    assert len(ax.containers[0].lines[0].get_xdata()) == 3


def test_plot_sources_errors_name_the_measures_present():
    with pytest.raises(FramingError, match=r"measure 'tone' not in the table; measures present: \['polarity'\]"):
        plot_sources(source_table(), measure="tone")


def test_plot_over_time_one_line_and_band_per_group():
    table = pd.DataFrame({
        "source": ["A", "A", "A", "B", "B"],
        "period": pd.PeriodIndex(["2018-02", "2018-01", None, "2018-01", "2018-03"], freq="M"),
        "measure": "polarity",
        "mean": [0.2, 0.1, 0.9, -0.1, 0.0],
        "ci_low": [0.1, 0.0, 0.5, -0.2, -0.1],
        "ci_high": [0.3, 0.2, 1.0, 0.0, 0.1],
    })
    ax = plot_over_time(table, measure="polarity")
    assert [line.get_label() for line in ax.lines] == ["A", "B"]
    assert ax.lines[0].get_ydata().tolist() == [0.1, 0.2]  # sorted by period, NaT left out
    assert ax.lines[1].get_ydata().tolist() == [-0.1, 0.0]
    assert len(ax.collections) == 2
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(0.0) and band.max() == pytest.approx(0.3)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]


def test_plot_distinctive_terms_bars_equal_z_scores():
    data = pd.DataFrame({"source": ["A", "A", "B"],
                         "text": ["peace talks peace summit", "talks resume", "missile test missile"]})
    table = distinctive_terms(data, top=3)
    ax = plot_distinctive_terms(table, group="A")
    rows = table[table["source"] == "A"].sort_values("rank")
    assert [p.get_width() for p in ax.patches] == pytest.approx(rows["z"].tolist())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [f"{t} ({c})" for t, c in zip(rows["term"], rows["count"])]
    assert labels[0] == "peace (2)"
    with pytest.raises(FramingError, match="group 'C' not in the table"):
        plot_distinctive_terms(table, group="C")


def test_plot_cue_profile_heat_map_cells_equal_means():
    data = pd.DataFrame({"source": ["A", "A", "B", "B"], "doc_id": list("1234"),
                         "cue_conflict": [1.0, 3.0, 0.0, 1.0], "cue_diplomacy": [0.0, 1.0, 4.0, 2.0]})
    table = compare_sources(data, measures=["cue_conflict", "cue_diplomacy"], n_resamples=50)
    ax = plot_cue_profile(table, measures=["cue_diplomacy", "cue_conflict"])
    assert ax.images[0].get_array().tolist() == [[0.5, 2.0], [3.0, 0.5]]
    assert [t.get_text() for t in ax.texts] == ["0.50", "2.00", "3.00", "0.50"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["diplomacy", "conflict"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    with pytest.raises(FramingError, match=r"\['cue_morality'\] not in the table"):
        plot_cue_profile(table, measures=["cue_morality"])
