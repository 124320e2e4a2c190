"""One name per publisher across the package tables.

The alias table (``framing/data/aliases.csv``) is the reference: its canonical names are the
``source`` values the voices engine gives narration credited to an outlet ("..., Reuters writes")
and are the names the PolNeAR reader uses. The AllSides outlet table (``framing/data/outlets.csv``)
maps AllSides' spellings onto those names, so an article's own outlet and a credit to that outlet
are one voice (``voice_groups`` counts narration as the outlet's own only when the names match).
"""

from __future__ import annotations

import re

import pytest

from framing.attribution._speakers import default_alias_frame
from framing.datasets import allsides_outlets
from framing.datasets.polnear import PUBLISHERS


def _key(name: str) -> str:
    """A loose key that finds the same publisher under two spellings ("The New York Times",
    "New York Times - News", "USA TODAY", "BBC News", "Breitbart News")."""
    name = re.sub(r" - (News|Opinion|Editorial)$| \(Web News\)$| Online News$", "", name.strip())
    name = re.sub(r"^the\s+|\s+news$|[^\w\s]", "", name.lower())
    return re.sub(r"\s+", " ", name).strip()


def _canonical_by_key() -> dict:
    aliases = default_alias_frame()
    outlets = aliases[aliases["type"].isin(["outlet", "agency"])]
    found = {}
    for alias, canonical in zip(outlets["alias"], outlets["canonical"]):
        for key in (_key(alias), _key(canonical)):
            assert found.setdefault(key, canonical) == canonical, (
                f"aliases.csv: {alias!r} and another alias share the key {key!r} but name "
                f"{found[key]!r} and {canonical!r}")
    return found


def test_the_key_matches_spellings_of_one_publisher():
    assert {_key(n) for n in ("The New York Times", "New York Times - Opinion", "New York Times")} == {
        "new york times"}
    assert _key("USA TODAY") == _key("USA Today") and _key("BBC News") == _key("BBC")
    assert _key("Fox Online News") == _key("Fox News") and _key("Associated Press") != _key("AP")


def test_allsides_outlets_use_the_alias_tables_canonical_names():
    canonical = _canonical_by_key()
    table = allsides_outlets()
    named = table[table["outlet"] != ""]
    checked, wrong = 0, []
    for name, site, outlet in zip(named["name"], named["site"], named["outlet"]):
        for spelling in filter(None, (name, outlet)):
            if _key(spelling) in canonical:
                checked += 1
                if canonical[_key(spelling)] != outlet:
                    wrong.append(f"{name or site!r} -> {outlet!r}, aliases.csv says {canonical[_key(spelling)]!r}")
    assert not wrong, "outlets.csv disagrees with aliases.csv: " + "; ".join(wrong)
    # the publishers both tables name (so the check is not empty): AP, BBC, Breitbart, NYT, WaPo, WSJ ...
    assert checked >= 30
    assert set(named.loc[named["name"].isin(["Associated Press", "USA TODAY", "New York Times - News"]),
                         "outlet"]) == {"AP", "USA Today", "The New York Times"}


def test_every_publisher_the_alias_table_knows_is_spelled_its_way_in_outlets_csv():
    # the other direction: an outlet of the alias table that AllSides names appears under its canonical name
    table = allsides_outlets()
    outlet_keys = {_key(n): o for n, o in zip(table["name"], table["outlet"]) if n and o}
    for key, canonical in _canonical_by_key().items():
        if key in outlet_keys:
            assert outlet_keys[key] == canonical, (key, canonical)


@pytest.mark.parametrize("slug, name", sorted(PUBLISHERS.items()))
def test_polnear_publishers_are_canonical_alias_names(slug, name):
    canonical = _canonical_by_key()
    assert canonical.get(_key(name), name) == name, f"PolNeAR {slug!r} is {name!r}, aliases.csv says {canonical[_key(name)]!r}"
