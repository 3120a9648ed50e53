"""Where an attack struck, however outlets word it."""

from __future__ import annotations

import pytest

from presslens.stories.sites import same_area, same_site, site_of


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Al Ahli Arab Hospital", "Al-Ahli Hospital", True),
        ("the hospital", "Al Ahli Arab Hospital", True),
        ("Gaza hospital", "Al-Ahli Hospital", True),  # "Gaza" locates the hospital, it does not name it
        ("Baptist Hospital", "Nasser Hospital", False),
        ("Crocus City Hall", "Moscow's Crocus City Hall music venue", True),
        ("concert hall", "Crocus City Hall", True),
        ("concert hall", "hospital", False),
        ("a popular concert hall complex", "Crocus City Hall", True),  # the grounds named after the hall
        ("the hospital building", "school building", False),
        ("areas near the hospital", "Al-Ahli Hospital", False),  # what was hit lies near the site
        ("targets close to the concert hall", "Crocus City Hall", False),
    ],
)
def test_two_wordings_of_one_site(a: str, b: str, same: bool) -> None:
    sa, sb = site_of(a), site_of(b)
    assert sa is not None and sb is not None and same_site(sa, sb) is same


@pytest.mark.parametrize("place", ["Gaza", "Haifa", "Israel", "Moscow Region", ""])
def test_a_city_region_or_country_is_no_site(place: str) -> None:
    assert site_of(place) is None


def test_areas_apart_only_when_no_word_is_shared() -> None:
    assert same_area(["Krasnogorsk", "Moscow Region"], ["Moscow Region"])
    assert not same_area(["Kharkiv"], ["Odesa"])
    assert same_area([], ["Odesa"])
    assert same_area(["Al-Ahli Hospital"], ["Gaza City"])  # a facility is a site, not an area
