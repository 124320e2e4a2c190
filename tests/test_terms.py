"""Tests for framing.terms: log-odds with a Dirichlet prior against hand calculations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing import FramingError, distinctive_terms


def test_log_odds_against_hand_calculation():
    data = pd.DataFrame({"source": ["A", "B"], "text": ["War war, PEACE.", "peace peace talks"]})
    table = distinctive_terms(data, top=None, prior={"war": 1, "peace": 1, "talks": 1})
    war = table[(table["source"] == "A") & (table["term"] == "war")].iloc[0]
    # y_A = 2, n_A = 3, y_B = 0, n_B = 3, a_w = 1, a0 = 3:
    # log((2+1)/(3+3-2-1)) - log((0+1)/(3+3-0-1)) = log 5; var = 1/3 + 1/1
    assert (war["count"], war["count_rest"]) == (2, 0)
    assert war["log_odds"] == pytest.approx(math.log(5))
    assert war["z"] == pytest.approx(math.log(5) / math.sqrt(4 / 3))
    assert war["rank"] == 1
    peace_b = table[(table["source"] == "B") & (table["term"] == "peace")].iloc[0]
    # B vs A: log(3/(6-3)) - log(2/(6-2)) = log 2; var = 1/3 + 1/2
    assert peace_b["z"] == pytest.approx(math.log(2) / math.sqrt(5 / 6))


def test_informative_prior_from_pooled_counts_and_stop_words():
    data = pd.DataFrame({"source": ["A", "A", "B"],
                         "text": ["the missile and the test", "the missile", "the talks and the summit"]})
    table = distinctive_terms(data, top=None, stop_words="english")
    assert "the" not in set(table["term"]) and "and" not in set(table["term"])
    a = table[table["source"] == "A"].set_index("term")
    # pooled prior: a_w = pooled count (missile 2, test 1, talks 1, summit 1), a0 = 5
    expected = math.log((2 + 2) / (3 + 5 - 2 - 2)) - math.log((0 + 2) / (2 + 5 - 0 - 2))
    assert a.loc["missile", "log_odds"] == pytest.approx(expected)
    assert a.index[0] == "missile"
    scaled = distinctive_terms(data, top=None, prior=10.0).set_index(["source", "term"])
    assert scaled.loc[("A", "missile"), "count"] == 2
    assert distinctive_terms(data, top=1).groupby("source").size().tolist() == [1, 1]


def test_distinctive_terms_errors():
    with pytest.raises(FramingError, match="at least two groups"):
        distinctive_terms(pd.DataFrame({"source": ["A"], "text": ["one group"]}))
    with pytest.raises(FramingError, match="prior must be"):
        distinctive_terms(pd.DataFrame({"source": ["A", "B"], "text": ["x", "y"]}), prior=-1)
