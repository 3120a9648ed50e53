"""Ranks before a person's name (facts.person_ranks)."""

from __future__ import annotations

from presslens.facts import person_ranks

NAMES = [("Daniel Hagari", "Daniel Hagari"), ("Hagari", "Daniel Hagari")]


def test_the_longest_rank_form_before_the_name_is_the_rank() -> None:
    text = "IDF Spokesperson Brig. Gen. Daniel Hagari said. Later Rear Adm. Daniel Hagari added."
    facts = person_ranks(text, NAMES)
    assert [(f.subject, f.value) for f in facts] == [
        ("Daniel Hagari", "brigadier general"), ("Daniel Hagari", "rear admiral")]
    assert text[facts[1].start : facts[1].end] == "Rear Adm. Daniel Hagari"


def test_no_rank_without_a_rank_word_right_before_the_name() -> None:
    assert person_ranks("The general said Daniel Hagari spoke. Major events followed Hagari.", NAMES) == []
