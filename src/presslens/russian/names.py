"""The nominative form of a Russian person's name, with one gender across its words.

natasha's ``normalize`` inflects each word of a name by the gender its tagger
gave that word, and the tagger often gives a woman's surname the masculine
("Ольгу Смирнову" -> "Ольга Смирнову"). A name has one gender: it is read from
the given name (pymorphy2's dictionary knows given names, patronymics and
surnames by their ``Name`` / ``Patr`` / ``Surn`` grammemes), else from the
tagger's gender of the first word, and every word is put in the nominative of
that gender and its own case; a surname that declines like an adjective
("Юлии Навальной") takes the adjective's nominative of that gender. A word the
dictionary knows as neither ("Волк") is inflected as natasha would; a word that does not inflect
stays as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from natasha.norm import inflect_word

__all__ = ["person_normal"]

_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_GENDERS = {"Masc": "masc", "Fem": "femn"}
_NAME_PARTS = frozenset({"Name", "Surn", "Patr"})


def _name_parses(
    vocab: Any, token: Any, gender: str | None, *, adjectival: bool = False, any_case: bool = False
) -> list[Any]:
    """pymorphy2's readings of the token as a name part in the tagger's case (and `gender`, if given).

    `adjectival`: its readings as an adjective instead, for the surnames that
    decline like one and that the dictionary does not list ("Навальной").
    `any_case`: in whatever case, where the tagger's case fits no reading.
    """
    case = None if any_case else _CASES.get(token.feats.get("Case", ""))
    if adjectival:
        parses = [p for p in vocab.parse(token.text) if p.tag.POS == "ADJF"]
    else:
        parses = [p for p in vocab.parse(token.text) if _NAME_PARTS & set(p.tag.grammemes)]
    if case:
        parses = [p for p in parses if p.tag.case == case]
    if gender:
        parses = [p for p in parses if p.tag.gender == gender]
    # a declining reading first: "Анне" is Анна in the dative before it is the indeclinable Anne
    return sorted(parses, key=lambda p: "Fixd" in p.tag.grammemes)


def _gender(vocab: Any, tokens: Sequence[Any]) -> str | None:
    for token in tokens:  # the given name decides, where the dictionary knows it
        genders = {p.tag.gender for p in _name_parses(vocab, token, None) if "Name" in p.tag.grammemes}
        if len(genders) == 1:
            return genders.pop()
    return _GENDERS.get(tokens[0].feats.get("Gender", "")) if tokens else None


def _shaped(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def person_normal(vocab: Any, tokens: Sequence[Any]) -> str:
    """The name of `tokens` (natasha tokens of one PER span, morph-tagged) in the nominative."""
    gender = _gender(vocab, tokens)
    words = []
    for token in tokens:
        parses = (
            _name_parses(vocab, token, gender)
            or _name_parses(vocab, token, gender, adjectival=True)
            or _name_parses(vocab, token, gender, any_case=True)
        )
        inflected = parses[0].inflect({"Nom"}) if parses else None  # natasha forms take UD grammemes
        word = inflected.word if inflected is not None else inflect_word(vocab, token)
        words.append(_shaped(word, token.text))
    return " ".join(words)


def name_gender(vocab: Any, name: str) -> str | None:
    """"masc" or "femn" for a person's name in the nominative, from the dictionary's given names and
    surnames ("Мария Захарова" -> femn); None when neither word tells."""
    words = name.split()
    for word, parts in ((words[0], ("Name",)), (words[-1], ("Surn", "Name"))) if words else ():
        genders = {
            p.tag.gender for p in vocab.parse(word)
            if p.tag.case == "nomn" and any(part in p.tag.grammemes for part in parts)
        }
        genders.discard(None)
        if len(genders) == 1:
            return genders.pop()
    return None
