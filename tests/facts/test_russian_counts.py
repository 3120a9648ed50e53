"""Counts in Russian claims read as the English ones are, so a toll or an arrest count in a Russian
report and one in an English report are compared on their values."""

from __future__ import annotations

import pytest

from presslens.facts import claim_facts, facts_disagree
from presslens.facts._slots import count_interval
from presslens.models import Claim, Mention, TextSpan


def _facts(text: str):  # type: ignore[no-untyped-def]
    span = TextSpan(text=text, start=0, end=len(text))
    return claim_facts(Claim(speaker=Mention(text="X"), cue=span, content=span, evidence=span), text)


@pytest.mark.parametrize(
    ("text", "attribute", "interval", "noun"),
    [
        ("по меньшей мере 137 человек погибли", "people killed", (137.0, float("inf")), "человек"),
        ("погибли 1 500 человек", "people killed", (1500.0, 1500.0), "человек"),
        ("число погибших выросло до 143", "people killed", (143.0, 143.0), ""),
        ("десятки человек погибли", "people killed", (24.0, 99.0), "человек"),
        ("около 50 человек были ранены", "people wounded", (45.0, 55.0), "человек"),
        ("ФСБ задержала пятерых подозреваемых", "people detained", (5.0, 5.0), "подозреваемых"),
        ("в Москве были задержаны трое", "people detained", (3.0, 3.0), ""),
    ],
)
def test_a_russian_count_and_its_interval(text, attribute, interval, noun) -> None:
    (fact,) = _facts(text)
    assert fact.attribute == attribute and fact.qualifier == noun
    low, high = count_interval(fact.value)
    assert low == pytest.approx(interval[0]) and high == pytest.approx(interval[1])


@pytest.mark.parametrize("text", ["задержаны 12 марта", "погибли 5 процентов", "задержали 3 часа назад"])
def test_a_date_or_a_unit_is_no_count(text) -> None:
    assert _facts(text) == []


def test_a_russian_and_an_english_count_disagree_only_when_their_intervals_do() -> None:
    (english,) = _facts("At least 133 people were killed")
    (five,) = _facts("погибли 5 человек")
    (more,) = _facts("погибли более 140 человек")
    assert facts_disagree(english, five) and not facts_disagree(english, more)
