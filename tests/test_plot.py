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
    article_html,
    compare_sources,
    distinctive_terms,
    measure_label,
    new_figure,
    plot_confusion_matrix,
    plot_cue_profile,
    plot_distinctive_terms,
    plot_over_time,
    plot_reliability,
    plot_sources,
    voices,
)
from framing.figures import cut_off_artists  # noqa: E402
from framing.plot import OKABE_ITO  # noqa: E402


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
    ax = plot_sources(table, measure="polarity", corpus="Trump tweets vs KCNA",
                      period="2017-2018", unit="sentence")
    container = ax.containers[0]
    points = container.lines[0]
    assert points.get_xdata().tolist() == [-0.10, 0.25, 0.02]  # only the "polarity" rows
    segments = container.lines[2][0].get_segments()
    extents = np.array([(s[0][0], s[1][0]) for s in segments])
    np.testing.assert_allclose(extents, [(-0.14, -0.05), (0.15, 0.36), (-0.06, 0.10)])
    assert [s[0][1] for s in segments] == [0, 1, 2]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["KCNA\n30 docs, 120 segments", "Trump\n40 docs, 40 segments",
                      "Reuters\n3 docs, 9 segments"]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # first row on top
    assert ax.get_xlabel() == "polarity\nmean,\n95% cluster-bootstrap interval"
    # too long for one line at column width: one line per part
    assert ax.get_title(loc="left") == "Trump tweets vs KCNA,\n2017-2018\nunit: sentence"
    assert container.lines[0].get_color() == OKABE_ITO[0]


def test_plot_sources_marks_single_cluster_estimates_as_having_no_interval():
    fig, ax = plt.subplots()
    table = source_table()
    table.loc[2, ["ci_low", "ci_high", "n_clusters"]] = [np.nan, np.nan, 1]  # one document
    assert plot_sources(table, measure="polarity", ax=ax) is ax
    assert ax.containers[0].lines[0].get_xdata().tolist() == [-0.10, 0.25]  # with intervals
    hollow = [line for line in ax.lines if line.get_markerfacecolor() == "white"]
    assert len(hollow) == 1 and hollow[0].get_xdata().tolist() == [0.02]
    assert [t.get_text() for t in ax.texts] == ["no interval"]


def test_plot_sources_labels_the_measure_in_words_and_draws_zero_only_where_it_means_something():
    table = source_table().assign(measure="vader_compound", weight="word", method="bca")
    ax = plot_sources(table, measure="vader_compound")
    assert ax.get_xlabel() == "VADER compound, -1 to 1\nword-weighted mean,\n95% BCa cluster-bootstrap interval"
    assert any(list(line.get_xdata()) == [0, 0] for line in ax.lines)  # the zero line
    plt.close("all")
    ax = plot_sources(table.assign(measure="textblob_subjectivity"), measure="textblob_subjectivity")
    assert not any(list(line.get_xdata()) == [0, 0] for line in ax.lines)  # 0 is just the floor


def test_plot_sources_rejects_infinite_means_with_a_clear_message():
    table = source_table()
    table.loc[1, "mean"] = np.inf
    with pytest.raises(FramingError, match=r"infinite values \(rows \[1\]\).*replace it with NaN"):
        plot_sources(table, measure="polarity")


def test_measure_labels_come_from_the_metadata_table_and_the_codebook():
    assert measure_label("vader_compound") == "VADER compound, -1 to 1"
    assert measure_label("news_sentiment") == "news sentiment, ridge score"
    assert measure_label("cue_loaded") == "labels and loaded language cues per 100 words"
    assert measure_label("cue_allcaps") == "ALL-CAPS words cues per 100 words"
    assert measure_label("my_score") == "my_score"  # unknown: its own name, never an error


@pytest.mark.parametrize("width", ["column", "page"])
def test_charts_fit_inside_journal_sized_figures(width):
    """Every chart at 3.5 in and 7 in: nothing drawn outside the figure, fonts of 6 pt or more."""
    table = pd.concat([source_table().assign(measure=m, ci_low=-0.2, ci_high=0.3)
                       for m in ("cue_conflict", "cue_diplomacy", "cue_threat")])
    over = pd.DataFrame({"source": ["KCNA"] * 3, "period": pd.PeriodIndex(["2018-01", "2018-02", "2018-03"], freq="M"),
                         "measure": "vader_compound", "mean": [0.1, 0.2, 0.0], "ci_low": [0.0, 0.1, -0.1],
                         "ci_high": [0.2, 0.3, 0.1]})
    events = pd.DataFrame({"date": ["2018-02-09"], "end_date": ["2018-02-25"], "label": ["Olympics"]})
    cm = pd.DataFrame([[30, 4], [6, 60]], index=["conflict", "none"], columns=["conflict", "none"])
    reliability = pd.DataFrame({"confidence": [0.6, 0.8], "observed": [0.55, 0.82], "n": [50, 300],
                                "observed_low": [0.4, 0.77], "observed_high": [0.68, 0.86]})
    draws = [lambda ax: plot_sources(table, measure="cue_conflict", ax=ax, corpus="KCNA", unit="sentence"),
             lambda ax: plot_cue_profile(table, measures=["cue_conflict", "cue_diplomacy", "cue_threat"], ax=ax),
             lambda ax: plot_over_time(over, measure="vader_compound", events=events, ax=ax),
             lambda ax: plot_confusion_matrix(cm, ax=ax),
             lambda ax: plot_reliability(reliability, ax=ax)]
    for draw in draws:
        fig, ax = new_figure(width, height=2.8 if width == "column" else 3.0)
        draw(ax)
        assert cut_off_artists(fig) == []
        sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]
        assert min(sizes) >= 6
        plt.close(fig)
    assert new_figure("page")[0].get_size_inches()[0] == 7.0


def test_cut_off_check_finds_a_clipped_label():
    fig, ax = plt.subplots(figsize=(1.5, 1.5))  # no layout engine: labels fall off the edge
    ax.set_ylabel("a label")
    ax.set_yticks([0, 1], ["a very long tick label indeed", "b"])
    assert any("y axis" in part for part in cut_off_artists(fig))


def test_plot_sources_errors_name_the_measures_present():
    with pytest.raises(FramingError, match=r"measure 'tone' not in the table; measures present: \['polarity'\]"):
        plot_sources(source_table(), measure="tone")


def test_plot_over_time_marks_events():
    table = pd.DataFrame({"source": "A", "period": pd.PeriodIndex(["2018-01", "2018-03"], freq="M"),
                          "measure": "vader_compound", "mean": [0.1, 0.2], "ci_low": [0.0, 0.1],
                          "ci_high": [0.2, 0.3]})
    events = pd.DataFrame({"date": ["2018-02-09", "2018-06-12"], "end_date": ["2018-02-25", None],
                           "label": ["Winter Olympics", "Singapore summit"]})
    ax = plot_over_time(table, measure="vader_compound", events=events)
    # only events inside the drawn months are marked; the summit (June) would stretch the axis
    assert [t.get_text() for t in ax.texts] == ["Winter Olympics"]
    spans = [p for p in ax.patches]
    assert len(spans) == 1  # the Olympics span
    later = table.assign(period=pd.PeriodIndex(["2018-05", "2018-07"], freq="M"))
    ax = plot_over_time(later, measure="vader_compound", events=events)
    assert [t.get_text() for t in ax.texts] == ["Singapore summit"] and not ax.patches  # a dashed line
    assert ax.get_xlabel() == "month (start of each bin)"
    with pytest.raises(FramingError, match=r"events table lacks column\(s\) \['label'\]"):
        plot_over_time(table, measure="vader_compound", events=events.drop(columns="label"))


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
    bands = [c for c in ax.collections if type(c).__name__ != "PathCollection"]   # not the markers
    assert len(bands) == 2
    band = bands[0].get_paths()[0].vertices[:, 1]
    assert band.min() == pytest.approx(0.0) and band.max() == pytest.approx(0.3)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A", "B"]


def test_plot_over_time_marker_area_shows_documents_and_single_documents_are_hollow():
    table = pd.DataFrame({
        "source": ["A", "A", "A"],
        "period": pd.PeriodIndex(["2018-01", "2018-02", "2018-03"], freq="M"),
        "measure": "polarity", "n_clusters": [100, 25, 1],
        "mean": [0.1, 0.2, 0.3], "ci_low": [0.0, 0.1, np.nan], "ci_high": [0.2, 0.3, np.nan],
    })
    ax = plot_over_time(table, measure="polarity")
    filled, hollow = [c for c in ax.collections if type(c).__name__ == "PathCollection"]
    # area 4 + 36 * sqrt(n / largest) points^2: 40 for 100 documents, 22 for 25, 7.6 for 1
    assert filled.get_sizes().tolist() == pytest.approx([40.0, 22.0])
    assert hollow.get_sizes().tolist() == pytest.approx([7.6]) and len(hollow.get_facecolors()) == 0
    assert ax.get_xlabel().endswith("marker area: documents (largest 100; hollow: one, no interval)")


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
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Diplomacy and negotiation", "Conflict"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A (2 docs)", "B (2 docs)"]
    colorbar = ax.figure.axes[-1]
    assert colorbar.get_ylabel().startswith("cues per 100 words (mean)")
    with pytest.raises(FramingError, match=r"\['cue_morality'\] not in the table"):
        plot_cue_profile(table, measures=["cue_morality"])


def test_heat_map_hatches_uncertain_cells_and_is_not_dominated_by_one_cell():
    groups = [f"S{i}" for i in range(5)]
    table = pd.DataFrame({"source": groups, "measure": "cue_conflict", "n_clusters": 40,
                          "mean": [0.1, 0.2, 0.3, 0.4, 50.0],  # one extreme cell
                          "ci_low": [-0.1, 0.1, 0.2, 0.3, 40.0], "ci_high": [0.3, 0.3, 0.4, 0.5, 60.0]})
    ax = plot_cue_profile(table, measures=["cue_conflict"])
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert [(p.get_x(), p.get_y()) for p in hatched] == [(-0.5, -0.5)]  # only S0 includes 0
    low, high = ax.images[0].get_clim()
    assert low == 0.0 and high < 50.0  # the 95th percentile, not the extreme cell
    assert "hatched: interval includes 0" in ax.figure.axes[-1].get_ylabel()


def test_confusion_matrix_counts_and_row_shares():
    cm = pd.DataFrame([[8, 2], [1, 9]], index=["conflict", "other"], columns=["conflict", "other"])
    ax = plot_confusion_matrix(cm)
    assert ax.images[0].get_array().tolist() == [[0.8, 0.2], [0.1, 0.9]]
    assert [t.get_text() for t in ax.texts] == ["8\n80%", "2\n20%", "1\n10%", "9\n90%"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["conflict (n=10)", "other (n=10)"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted", "true (gold)")
    with pytest.raises(FramingError, match="non-negative counts"):
        plot_confusion_matrix(cm - 5)


def test_reliability_diagram_points_intervals_and_diagonal():
    table = pd.DataFrame({"confidence": [0.6, 0.9, 0.95], "observed": [0.5, 0.85, 1.0],
                          "n": [40, 200, 1], "observed_low": [0.35, 0.8, np.nan],
                          "observed_high": [0.65, 0.9, np.nan]})
    ax = plot_reliability(table)
    assert ax.lines[0].get_xydata().tolist() == [[0, 0], [1, 1]]
    points = ax.containers[0].lines[0]
    assert points.get_xdata().tolist() == [0.6, 0.9] and points.get_ydata().tolist() == [0.5, 0.85]
    bars = ax.containers[0].lines[2][0].get_segments()
    assert [tuple(s[:, 1]) for s in bars] == [(0.35, 0.65), (0.8, 0.9)]
    assert [t.get_text() for t in ax.texts] == ["n=40", "n=200", "n=1"]
    with pytest.raises(FramingError, match="lacks column"):
        plot_reliability(table.drop(columns="n"))


def test_article_html_colours_each_voice_and_puts_scores_on_hover():
    text = 'Talks resumed on Monday. "We are ready," Kim said.'
    segments = voices(text, doc_id="a1").assign(vader_compound=lambda d: np.linspace(-0.5, 0.5, len(d)))
    markup = article_html(segments, document=text)
    assert markup.count("<span") == len(segments) + segments["source"].replace("", np.nan).nunique()
    assert "VADER compound, -1 to 1: -0.500" in markup
    assert "speaker: Kim Jong Un" in markup
    assert markup._repr_html_() == str(markup)
    with pytest.raises(FramingError, match="pass doc_id"):
        article_html(pd.concat([segments, segments.assign(doc_id="b2")]))


def test_every_score_column_has_a_label_in_words():
    import framing

    for column in framing.score_columns(("textblob", "vader", "cues", "news")):
        assert measure_label(column) != column, column  # a row in measures.csv or the codebook
