"""Who carried out an act, as a fact: the countries and groups a party's phrase names, and
when two statements of it contradict each other (no spaCy).

A party is read as the countries it stands for (demonyms, country names and aliases, regions,
seats of government: ``facts._lexicon.places``) and the names it holds ("Hamas", "Islamic
Jihad"); a group counts for the country the story's articles tie it to (`affiliation`, built
by the story layer). Comparison has two levels so that generic vs specific is never a
contradiction: the side, then the group within a side.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from presslens.facts._fact import ABBREVIATION, POSSESSIVE, SENTENCE_OPENERS, Fact
from presslens.facts._lexicon import fact_lexicon
from presslens.models import Mention

__all__ = ["mention_countries", "parties_disagree", "party_sides", "places_disagree"]


@lru_cache(maxsize=4096)  # asked for both values of every pair of parties compared across a story
def party_sides(value: str) -> tuple[frozenset[str], frozenset[str]]:
    """(countries, names) a party's phrase holds: "a failed Palestinian Islamic Jihad (PIJ) rocket"
    -> ({"PS"}, {"islamic", "jihad", "pij"}); "the United States, Britain and Ukraine" ->
    ({"US", "GB", "UA"}, {}). Lower-case words, fillers ("failed", "rocket"), sentence openers and
    calendar words name no party."""
    lex = fact_lexicon()
    words = [POSSESSIVE.sub("", _bare(w)) for w in value.replace(",", " ").split()]
    words = [w for w in words if w[:1].isupper() and w not in SENTENCE_OPENERS]
    words = [w for w in words if w.lower() not in lex.party_fillers and w.lower() not in lex.calendar]
    countries: set[str] = set()
    names: set[str] = set()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            code = lex.places.get(" ".join(words[i : i + n]).lower()) if i + n <= len(words) else None
            if code:
                countries.add(code)
                i += n
                break
        else:
            names.add(words[i].lower())
            i += 1
    return frozenset(countries), frozenset(names)


def mention_countries(mention: Mention | None) -> frozenset[str]:
    """The countries a participant's words name, as written or as resolved ("the Israeli Air
    Force", "Israeli")."""
    if mention is None:
        return frozenset()
    written = party_sides(mention.text)[0]
    return written | party_sides(mention.canonical)[0] if mention.canonical else written


def _bare(word: str) -> str:
    """A word without the brackets, quotes and full stops around it; an abbreviation keeps its
    dots ("U.S.", "U.K."), which is how the gazetteer knows it."""
    word = word.strip("(),’'")
    return word if ABBREVIATION.fullmatch(word) else word.strip(".")


def parties_disagree(
    a: Fact,
    b: Fact,
    affiliation: dict[str, frozenset[str]] | None = None,
    level: Literal["side", "group"] = "group",
) -> bool:
    """Whether two statements of who carried out an act contradict each other.

    Two levels, so that generic vs specific is never a contradiction:

    - ``side``: the countries the parties stand for, a group counting for the country the
      story's articles tie it to (`affiliation`: "Islamic Jihad" -> Palestine from "Palestinian
      Islamic Jihad"). "An Israeli air raid" and "a rocket launched by the Islamic Jihad"
      disagree; "a Palestinian rocket" and "Islamic Jihad" do not. A group tied to no country
      is not any state ("Islamic State" vs "the US, Britain and Ukraine").
    - ``group``: two named groups with no name in common ("Hamas" vs "Islamic Jihad"); a
      party named only by its country takes no part. An acronym is not held against a
      spelled-out name (they may be one group).

    A denial disagrees with a statement that names the same party; two denials never do.
    """
    if a.denied and b.denied:
        return False
    (ca, na), (cb, nb) = party_sides(a.value), party_sides(b.value)
    affiliation = affiliation or {}
    wide_a = ca | frozenset(c for n in na for c in affiliation.get(n, ()))
    wide_b = cb | frozenset(c for n in nb for c in affiliation.get(n, ()))
    if a.denied or b.denied:
        return bool(na & nb) or bool(wide_a & wide_b)
    groups_differ = bool(na) and bool(nb) and not na & nb and _all_caps(a.value, na) == _all_caps(b.value, nb)
    if level == "group":
        return groups_differ
    if wide_a and wide_b:
        return not wide_a & wide_b
    if not wide_a and not wide_b:
        return groups_differ
    return bool(na or wide_a) and bool(nb or wide_b)  # a group tied to no country against states


def places_disagree(a: Fact, b: Fact) -> bool:
    """Whether two statements of where someone was heading contradict each other: by the
    countries they name only ("Ukraine" vs "Belarus"; "the Ukrainian border" is Ukraine). A
    place no country stands for ("Bryansk" unless the gazetteer knows it) disputes nothing:
    it may lie on the way to either. A denial disagrees with a statement of its country."""
    if a.denied and b.denied:
        return False
    ca, cb = party_sides(a.value)[0], party_sides(b.value)[0]
    if not ca or not cb:
        return False
    return bool(ca & cb) if a.denied or b.denied else not ca & cb


def _all_caps(value: str, names: frozenset[str]) -> bool:
    """Whether every name word is written as an acronym ("ISIS-K", "PIJ")."""
    written = {w.strip("(),.’'").lower(): w.strip("(),.’'") for w in value.split()}
    return all(written.get(n, n).isupper() for n in names)
