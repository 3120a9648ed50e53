"""Who an escape is said of when the parser hangs the control verb on the perpetrators' noun."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from presslens.extract.events._implicated import _done_by

_PERPETRATORS = frozenset({"gunman", "terrorist"})


def _doc(words: list[str], lemmas: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(Vocab(), words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos)


def test_an_escape_under_a_control_verb_parsed_as_a_clause_on_the_noun_is_the_nouns() -> None:
    # "The gunmen planned to flee, ...": "planned" an acl on "gunmen", "flee" its xcomp
    words = ["The", "gunmen", "planned", "to", "flee"]
    doc = _doc(words, ["the", "gunman", "plan", "to", "flee"], [1, 1, 1, 4, 2],
               ["det", "ROOT", "acl", "aux", "xcomp"], ["DET", "NOUN", "VERB", "PART", "VERB"])
    assert _done_by(doc[4], _PERPETRATORS)
    # the same shape over fugitives who are no perpetrators says nothing of the gunmen
    other = _doc(["The", "refugees", "planned", "to", "flee"], ["the", "refugee", "plan", "to", "flee"],
                 [1, 1, 1, 4, 2], ["det", "ROOT", "acl", "aux", "xcomp"],
                 ["DET", "NOUN", "VERB", "PART", "VERB"])
    assert not _done_by(other[4], _PERPETRATORS)


def test_a_participle_on_the_noun_without_a_controlled_verb_is_not_its_subject() -> None:
    # "the gunmen fled ..." misparsed as an acl: no control verb between, so no claim about who fled
    doc = _doc(["The", "gunmen", "fled"], ["the", "gunman", "flee"], [1, 1, 1], ["det", "ROOT", "acl"],
               ["DET", "NOUN", "VERB"])
    assert not _done_by(doc[2], _PERPETRATORS)
