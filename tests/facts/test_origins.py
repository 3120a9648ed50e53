"""Citizenship and birth year of a person as the text states them (facts._origins)."""

from __future__ import annotations

from presslens.facts import person_birth_years, person_citizenships

NAMES = [("Dalerdzhon Mirzoyev", "Dalerdzhon Mirzoyev"), ("Mirzoyev", "Dalerdzhon Mirzoyev")]


def test_a_citizenship_after_or_before_the_name_is_read_as_a_country() -> None:
    text = ("Dalerdzhon Mirzoyev, a 33-year-old citizen of the Republic of Tajikistan, was charged. "
            "Later, Tajik national Mirzoyev spoke. Russian citizen Mirzoyev was named too.")
    facts = person_citizenships(text, NAMES)
    assert [(f.subject, f.value) for f in facts] == [
        ("Dalerdzhon Mirzoyev", "TJ"), ("Dalerdzhon Mirzoyev", "TJ"), ("Dalerdzhon Mirzoyev", "RU")]
    assert text[facts[0].start : facts[0].end].endswith("citizen of the Republic of Tajikistan")


def test_no_citizenship_from_a_place_that_is_no_country_or_without_the_word() -> None:
    text = "Mirzoyev, a resident of Krasnogorsk, was charged. Mirzoyev of Tajikistan spoke."
    assert person_citizenships(text, NAMES) == []


def test_a_birth_year_after_the_name() -> None:
    text = ("Dalerdzhon Mirzoyev, born in 1991, was charged. Mirzoyev (1990) denied it. "
            "Mirzoyev in 2024 spoke.")
    assert [f.value for f in person_birth_years(text, NAMES)] == ["1991", "1990"]
