"""The story layer's rough sentence and clause cut (plain text, no parser)."""

from __future__ import annotations

from presslens.stories.sentences import clause_around, sentences


def _clause(text: str, phrase: str) -> str:
    (sentence,) = sentences(text)
    start = text.index(phrase)
    begin, stop = clause_around(text, sentence, start, start + len(phrase))
    return text[begin:stop]


def test_a_clause_ends_at_a_comma_and_drops_its_opening_conjunction() -> None:
    text = "The agency put the toll at 40, and a local official put it at 52."
    assert _clause(text, "52") == "a local official put it at 52."


def test_a_but_without_a_comma_opens_a_second_statement() -> None:
    text = "The minister says rebels were behind the raid but suggests the army was also involved."
    assert _clause(text, "army") == "suggests the army was also involved."
    assert _clause(text, "rebels") == "The minister says rebels were behind the raid"


def test_but_inside_a_word_is_no_break() -> None:
    text = "The butcher and the baker were detained in Tver."
    assert _clause(text, "baker") == text
