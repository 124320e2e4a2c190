"""The manual-coding loop: stratified sheets out, coded sheets in (validated), validity per source."""

import pandas as pd
import pytest

from framing import coding_sheet, read_coding_sheets
from framing.errors import ColumnError, FramingError
from framing.validation import coded_gold, coding_variables, disagreements, measure_validity, split_halves
from framing.validation import write_coding_sheets


@pytest.fixture
def units():
    rows = []
    for source, n in (("KCNA", 60), ("Trump", 30), ("Reuters", 10)):
        for i in range(n):
            rows.append({"unit_id": f"{source}:{i}", "source": source, "kind": "narration",
                         "period": "2017" if i % 3 else "2018", "text": f"Text {i}.", "context": "ctx"})
    return pd.DataFrame(rows)


def test_sheet_is_stratified_seeded_and_blank(units):
    sheet = coding_sheet(units, n={"KCNA": 12, "Trump": 12, "Reuters": 12}, random_state=3)
    assert sheet["source"].value_counts().to_dict() == {"KCNA": 12, "Trump": 12, "Reuters": 10}  # Reuters whole
    # within a source, periods keep their shares (1/3 of each source is 2018): largest remainders
    assert (sheet[sheet.source == "KCNA"]["period"] == "2018").sum() == 4
    assert sheet["unit_id"].is_unique and set(sheet["unit_id"]) <= set(units["unit_id"])
    variables = coding_variables()["variable"].tolist()
    assert list(sheet.columns) == ["unit_id", "source", "kind", "period", "text", "context", *variables]
    assert (sheet[variables] == "").all().all()
    again = coding_sheet(units, n={"KCNA": 12, "Trump": 12, "Reuters": 12}, random_state=3)
    pd.testing.assert_frame_equal(sheet, again)
    # shares 4, 2, 2, 1, 0.6, 0.4 (KCNA 2017, KCNA 2018, Trump 2017, Trump 2018, Reuters 2017, 2018):
    # the leftover unit goes to the stratum with the most units left (KCNA 2017)
    assert coding_sheet(units, n=10, random_state=3)["source"].value_counts().to_dict() == {"KCNA": 7, "Trump": 3}
    # sources are not in blocks: coders do not code source by source
    assert sheet["source"].iloc[:12].nunique() > 1


def test_halves_split_each_source(units):
    sheet = coding_sheet(units, n=20, strata=["source"], random_state=0)
    half = split_halves(sheet, random_state=0)
    counts = pd.crosstab(sheet["source"], half)
    assert (counts["tuning"] <= counts["reporting"]).all() and (counts["reporting"] - counts["tuning"]).max() <= 1
    shuffled = sheet.sample(frac=1, random_state=1)
    assert split_halves(shuffled, random_state=0).loc[sheet.index].equals(half)  # row order does not matter


def test_sheets_round_trip_through_csv_and_xlsx(units, tmp_path):
    sheet = coding_sheet(units, n=6, strata=["source"], variables=["tone", "frame_threat"], random_state=0)
    written = write_coding_sheets(sheet, tmp_path, coders=("a", "b"))
    assert sorted(p.name for p in written) == ["coder_a.csv", "coder_a.xlsx", "coder_b.csv", "coder_b.xlsx"]
    a = pd.read_csv(tmp_path / "coder_a.csv", dtype=str, keep_default_na=False)
    a["tone"], a["frame_threat"] = ["-2", "1", "0", "2", "1.0", "-1"], ["1", "0", "0", "1", "0", ""]
    a.to_csv(tmp_path / "coded_a.csv", index=False)
    b = pd.read_excel(tmp_path / "coder_b.xlsx", dtype=str).fillna("")
    b["tone"], b["frame_threat"] = ["-2", "0", "0", "2", "1", "-1"], ["1", "0", "1", "1", "0", "0"]
    b.to_excel(tmp_path / "coded_b.xlsx", index=False)
    codes = read_coding_sheets({"a": tmp_path / "coded_a.csv", "b": tmp_path / "coded_b.xlsx"},
                               variables=["tone", "frame_threat"])
    assert len(codes) == 6 * 2 * 2
    tone_a = codes[(codes.coder == "a") & (codes.variable == "tone")]["value"].tolist()
    assert tone_a == [-2.0, 1.0, 0.0, 2.0, 1.0, -1.0]
    assert codes["value"].isna().sum() == 1  # the one empty cell


def test_bad_codes_are_named_by_coder_row_unit_and_value():
    a = pd.DataFrame({"unit_id": ["u1", "u2", "u3"], "tone": ["1", "positive", "3"], "sentiment_us": ["na", "N/A", "x"]})
    with pytest.raises(FramingError) as error:
        read_coding_sheets({"a": a}, variables=["tone", "sentiment_us"])
    message = str(error.value)
    assert "3 coded value(s)" in message
    assert "coder 'a' row 3 (unit u2): tone = 'positive'" in message and "row 4 (unit u3): tone = '3'" in message
    assert "sentiment_us = 'x'" in message
    with pytest.raises(FramingError, match="different units"):
        read_coding_sheets({"a": a.assign(tone="1", sentiment_us="na"), "b": a.head(2).assign(tone="1", sentiment_us="na")},
                           variables=["tone", "sentiment_us"])
    with pytest.raises(ColumnError, match="unit_id"):
        read_coding_sheets({"a": a.drop(columns="unit_id")})
    with pytest.raises(FramingError, match="unique"):
        coding_sheet(pd.DataFrame({"unit_id": ["x", "x"], "text": ["a", "b"], "source": ["s", "s"]}), n=1,
                     strata=["source"], context=None)


def test_validity_per_source_against_hand_checked_codes():
    # 8 units: tone follows the measure exactly in source A, inversely in B; frame present in 4
    scored = pd.DataFrame({"unit_id": [f"u{i}" for i in range(8)], "source": list("AAAABBBB"),
                           "vader_compound": [-0.8, -0.2, 0.3, 0.9, -0.8, -0.2, 0.3, 0.9],
                           "cue_threat": [0, 0, 2.0, 5.0, 0, 1.0, 3.0, 0]})
    tone = [-2, -1, 1, 2, 2, 1, -1, -2]
    threat = [0, 0, 1, 1, 0, 1, 1, 1]
    rows = [{"unit_id": f"u{i}", "coder": c, "variable": v, "value": float(x)}
            for i in range(8) for c in "ab" for v, x in (("tone", tone[i]), ("frame_threat", threat[i]))]
    rows[-1]["value"] = 0.0  # coders split on u7's threat: left out of the AUC
    codes = pd.DataFrame(rows)
    assert coded_gold(codes).loc["u7", "frame_threat"] == 0.5
    table = measure_validity(scored, codes, pairs={"tone": ["vader_compound"], "frame_threat": ["cue_threat"]},
                             n_boot=200, random_state=0).set_index(["variable", "group"])
    assert table.loc[("tone", "A"), "estimate"] == pytest.approx(1.0)
    assert table.loc[("tone", "B"), "estimate"] == pytest.approx(-1.0)
    threat_b = table.loc[("frame_threat", "B")]
    assert (threat_b["n"], threat_b["n_positive"], threat_b["n_split"]) == (3, 2, 1)
    assert threat_b["estimate"] == 1.0  # cue rates 1.0 and 3.0 (present) above 0 (absent)
    assert table.loc[("frame_threat", "all"), "estimate"] == pytest.approx(1.0)
    worst = disagreements(scored, codes, variable="tone", measure="vader_compound", n=2)
    assert worst["source"].iloc[0] == "B" and worst["gap"].abs().iloc[0] > 0.5
