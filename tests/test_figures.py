"""Tests for framing.figures.save_figure: both files written, reruns byte-identical."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from framing import FramingError, plot_sources, save_figure  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


TABLE = pd.DataFrame({"source": ["A", "B"], "measure": "score", "n": [3, 4], "n_clusters": [2, 4],
                      "mean": [0.125, -0.5], "ci_low": [0.0, -0.75], "ci_high": [0.25, -0.25]})


def draw():
    return plot_sources(TABLE, measure="score").figure


def test_save_figure_writes_png_svg_pdf_and_csv_and_reruns_are_identical(tmp_path):
    png, svg, pdf, csv = save_figure(draw(), "score_by_source", table=TABLE, folder=tmp_path / "out")
    assert png == tmp_path / "out" / "score_by_source.png"
    assert (svg.suffix, pdf.suffix) == (".svg", ".pdf")
    assert csv == tmp_path / "out" / "score_by_source.csv"
    first = {path: path.read_bytes() for path in (png, svg, pdf)}
    assert first[png].startswith(b"\x89PNG") and first[pdf].startswith(b"%PDF")
    assert b"<svg" in first[svg]
    assert b"matplotlib" not in first[png] and b"Software" not in first[png]
    assert b"<dc:date>" not in first[svg] and b"CreationDate" not in first[pdf]
    assert b"Matplotlib" not in first[pdf]  # no Producer/Creator naming a version
    pd.testing.assert_frame_equal(pd.read_csv(csv), TABLE)
    assert csv.read_text().splitlines()[0] == "source,measure,n,n_clusters,mean,ci_low,ci_high"
    save_figure(draw(), "score_by_source", table=TABLE, folder=tmp_path / "out")
    assert {path: path.read_bytes() for path in (png, svg, pdf)} == first


def test_save_figure_refuses_a_figure_that_is_cut_off(tmp_path):
    fig, ax = plt.subplots(figsize=(1.5, 1.5))
    ax.set_yticks([0, 1], ["a very long tick label indeed", "b"])
    with pytest.raises(FramingError, match="would be cut off: .*y axis"):
        save_figure(fig, "clipped", table=TABLE, folder=tmp_path)
    assert not any(tmp_path.iterdir())


def test_save_figure_writes_only_the_formats_asked_for(tmp_path):
    paths = save_figure(draw(), "only_svg", table=TABLE, folder=tmp_path, formats="svg")
    assert [p.name for p in paths] == ["only_svg.svg", "only_svg.csv"]
    with pytest.raises(FramingError, match="formats must be chosen"):
        save_figure(draw(), "x", table=TABLE, folder=tmp_path, formats=("jpg",))


def test_save_figure_accepts_axes_series_and_keeps_a_meaningful_index(tmp_path):
    ax = plot_sources(TABLE, measure="score")
    series = TABLE.set_index("source")["mean"]
    *_, csv = save_figure(ax, "means", table=series, folder=tmp_path)
    assert csv.read_text().splitlines() == ["source,mean", "A,0.125", "B,-0.5"]


@pytest.mark.parametrize("name", ["", "sub/plot", "../plot", "plot.png", ".hidden"])
def test_save_figure_rejects_names_that_are_not_plain_stems(tmp_path, name):
    with pytest.raises(FramingError):
        save_figure(draw(), name, table=TABLE, folder=tmp_path)
    assert not any(tmp_path.iterdir())


def test_save_figure_requires_a_table_and_a_figure(tmp_path):
    with pytest.raises(FramingError, match="table must be the DataFrame"):
        save_figure(draw(), "plot", table=[1, 2], folder=tmp_path)
    with pytest.raises(FramingError, match="matplotlib Figure or Axes"):
        save_figure("not a figure", "plot", table=TABLE, folder=tmp_path)
