"""Krippendorff's alpha against the ``krippendorff`` package, and the coincidence table."""

import numpy as np
import pandas as pd
import pytest

krippendorff = pytest.importorskip("krippendorff")

from framing import krippendorff_alpha  # noqa: E402
from framing.errors import FramingError  # noqa: E402
from framing.validation import coincidences  # noqa: E402


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_matches_the_krippendorff_package_on_random_data(level):
    rng = np.random.default_rng(7)
    for _ in range(40):
        coders, units, k = rng.integers(2, 5), rng.integers(5, 60), rng.integers(2, 6)
        data = rng.integers(1, k + 1, size=(coders, units)).astype(float)
        data[rng.random(data.shape) < 0.2] = np.nan
        if (np.sum(~np.isnan(data), axis=0) >= 2).sum() < 2 or len(np.unique(data[~np.isnan(data)])) < 2:
            continue
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        got = krippendorff_alpha(data, level=level, n_boot=0).loc[0, "alpha"]
        # both sum the same products in a different order: rounding only
        assert got == pytest.approx(expected, abs=1e-12)


def test_krippendorff_worked_example():
    # Krippendorff (2011), section C: 4 coders, 12 units, nominal alpha 0.743, interval 0.849
    nan = np.nan
    data = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
            [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    result = krippendorff_alpha(data, level="nominal", n_boot=0)
    assert result.loc[0, "alpha"] == pytest.approx(0.743, abs=5e-4)  # published to 3 decimals
    assert result.loc[0, "n_units"] == 11 and result.loc[0, "n_values"] == 40
    assert krippendorff_alpha(data, level="interval", n_boot=0).loc[0, "alpha"] == pytest.approx(0.849, abs=5e-4)
    assert krippendorff_alpha(data, level="ordinal", n_boot=0).loc[0, "alpha"] == pytest.approx(0.815, abs=5e-4)


def test_long_table_gives_one_row_per_variable_and_category():
    rng = np.random.default_rng(3)
    truth = rng.integers(0, 3, 80)
    rows = []
    for coder in "ab":
        noisy = np.where(rng.random(80) < 0.2, rng.integers(0, 3, 80), truth)
        rows += [{"unit_id": u, "coder": coder, "variable": "tone", "value": v} for u, v in enumerate(noisy)]
        rows += [{"unit_id": u, "coder": coder, "variable": "flag", "value": v % 2} for u, v in enumerate(truth)]
    table = pd.DataFrame(rows)
    result = krippendorff_alpha(table, level={"tone": "ordinal", "flag": "nominal"}, per_category=True,
                                random_state=0)
    whole = result[result.category == ""].set_index("variable")
    assert whole.loc["flag", "alpha"] == 1.0 and whole.loc["flag", "percent_agreement"] == 1.0
    wide = table[table.variable == "tone"].pivot(index="coder", columns="unit_id", values="value").to_numpy(float)
    assert whole.loc["tone", "alpha"] == pytest.approx(krippendorff.alpha(wide, level_of_measurement="ordinal"))
    assert whole.loc["tone", "ci_low"] < whole.loc["tone", "alpha"] < whole.loc["tone", "ci_high"]
    assert sorted(result.loc[result.variable == "tone", "category"]) == ["", "0", "1", "2"]
    # seeded: same interval twice, and the interval does not depend on row order
    again = krippendorff_alpha(table.sample(frac=1, random_state=1), level={"tone": "ordinal", "flag": "nominal"},
                               per_category=True, random_state=0)
    assert again.set_index(["variable", "category"]).loc[("tone", ""), "ci_low"] == whole.loc["tone", "ci_low"]


def test_coincidence_table_counts_pairs():
    table = coincidences([["a", "a", "b", None], ["a", "b", "b", "b"]])
    assert table.loc["a", "a"] == 2 and table.loc["a", "b"] == 1 and table.loc["b", "b"] == 2
    assert table.to_numpy().sum() == 6  # 3 pairable units x 2 ordered pairs


def test_bad_input_says_how_to_fix():
    with pytest.raises(FramingError, match="level"):
        krippendorff_alpha([[1, 2], [1, 2]], level="fuzzy")
    with pytest.raises(FramingError, match="unit_id"):
        krippendorff_alpha(pd.DataFrame({"x": [1]}))
    with pytest.raises(FramingError, match="codes from coder"):
        krippendorff_alpha(pd.DataFrame({"unit_id": [1, 1], "coder": ["a", "a"], "value": [1, 2]}))
