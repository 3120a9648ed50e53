"""How badly the site was hit: damage facts and when two of them disagree."""

from __future__ import annotations

import pytest
from tests.helpers.facts import stated

from presslens.facts import Fact, facts_disagree


def _damage(text: str) -> list[Fact]:
    return stated(text, "extent")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("pictures showed widespread damage and bodies in the wreckage", "widespread"),
        ("there was only light structural damage at the school", "only light structural"),
        ("there was no observable damage to the main building", "no observable"),
        ("the school buildings mainly appeared to be intact", "intact"),
        ("the hall was completely destroyed", "destroyed"),
    ],
)
def test_statements_of_how_badly_the_site_was_hit(text: str, value: str) -> None:
    assert [f.value for f in _damage(text)] == [value]


def test_damage_with_no_word_for_how_much_states_nothing() -> None:
    assert _damage("the blast caused structural damage to the roof") == []


def test_only_heavy_damage_against_none_or_light_disagrees() -> None:
    (heavy,), (light,), (none,) = (_damage(t) for t in (
        "it caused extensive damage", "there was minor damage", "there was no significant damage"))
    assert facts_disagree(heavy, light) and facts_disagree(heavy, none)
    assert not facts_disagree(light, none)  # "no damage" to one building fits "light damage" nearby


def test_damage_to_relations_or_a_reputation_is_no_damage_to_a_site() -> None:
    assert _damage("the vote did serious damage to bilateral relations") == []
    assert _damage("it caused great damage to his reputation") == []


def test_damage_told_as_not_expected_is_not_stated() -> None:
    assert _damage("it doesn’t look like there will be any serious damage to the grid") == []
