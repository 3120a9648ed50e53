"""Causes of death by manner-of-death category: natural vs violence disagree, a generic cause
agrees with a specific one of its category, and "he died of" is about the article's dead."""

from __future__ import annotations

import pytest

from presslens.facts import Fact, claim_facts, facts_disagree
from presslens.models import Claim, Mention, TextSpan


def _facts(text: str, default: str | None = "Omar Haddad") -> list[Fact]:
    span = TextSpan(text=text, start=0, end=len(text))
    claim = Claim(speaker=Mention(text="officials"), cue=TextSpan(text="said", start=0, end=4),
                  content=span, evidence=span)
    return claim_facts(claim, text, default_subject=default)


def _cause(value: str) -> Fact:
    return Fact("Omar Haddad", "cause of death", "cause", value, 0, 1)


@pytest.mark.parametrize(
    ("a", "b", "disagree"),
    [
        ("natural causes", "state-sponsored murder", True),
        ("not yet been established", "heart failure", True),
        ("natural causes", "a blood clot", False),
        ("a blood clot", "sudden death syndrome", True),
        ("killed", "traumatic shock", False),
        ("heart failure", "acute heart failure", False),
        ("suicide", "a gunshot wound to the head", False),  # a weapon is the means, suicide the manner
        ("natural causes", "a gunshot wound", True),
    ],
)
def test_cause_categories(a: str, b: str, disagree: bool) -> None:
    assert facts_disagree(_cause(a), _cause(b)) is disagree


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("His team says it was state-sponsored murder.", "state-sponsored murder"),
        ("His widow said he was killed by the authorities.", "killed"),
        ("Investigators said his death was “not of criminal nature”.", "not of criminal nature"),
        ("The cause of his death has not yet been established.", "not yet been established"),
        ("He was \"murdered,\" his spokesperson said.", "murdered"),
        ("Omar Haddad had died of a “detached blood clot.”", "detached blood clot"),
        ("The cause of Omar Haddad’s death was a heart attack.", "a heart attack"),
        ("The cause of his sudden death, a colony official said, is still unknown.", "still unknown"),
    ],
)
def test_manner_statements_are_causes(text: str, value: str) -> None:
    (fact,) = _facts(text)
    assert (fact.attribute, fact.value, fact.subject) == ("cause of death", value, "Omar Haddad")


def test_he_died_of_is_the_dead_man_not_the_last_name() -> None:
    (fact,) = _facts("A report handed to Ms Salma Haddad stated he died of natural causes.")
    assert (fact.subject, fact.value) == ("Omar Haddad", "natural causes")


def test_who_reported_a_cause_is_no_cause() -> None:
    assert _facts("He questioned the cause of death reported by state media.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Officials believe 100-300 people were killed at the hospital.", "100-300"),
        ("Analysts estimated there were likely 100 to 300 people killed.", "100 to 300"),
        ("A European official put the toll at 50 or less.", "50 or less"),
    ],
)
def test_count_ranges(text: str, value: str) -> None:
    (fact,) = _facts(text, None)
    assert (fact.attribute, fact.value) == ("people killed", value)


def test_ranges_are_intervals() -> None:
    def count(value: str) -> Fact:
        return Fact(None, "people killed", "count", value, 0, 1)

    assert facts_disagree(count("100-300"), count("471"))
    assert facts_disagree(count("50 or less"), count("100 to 300"))
    assert not facts_disagree(count("100-300"), count("about 250"))
