"""Where an attack struck, as outlets word it: "the hospital", "Al-Ahli Arab Hospital", "the
Christian-run Ahli Arab hospital in Gaza City", "the concert hall", "Crocus City Hall".

An attack is known by its day and the place it hit; who carried it out is what outlets
dispute. Outlets name the site with different modifiers and spellings, so two wordings name one
site when their head nouns agree (hospital / Hospital, hall / Hall) and their proper words, if
both have any, share one ("Al-Ahli Hospital" and "Al Ahli Arab Hospital"; not "Baptist Hospital"
and "Nasser Hospital"). A bare description ("the hospital") fits any named site with its head:
within one story on one day that is how outlets refer back to the place the story is about.
Places (the "in X" of a report) name one area when their words overlap ("Krasnogorsk, Moscow
Region" / "Moscow Region"), and two sets of places that share no word keep two sites apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from presslens.extract.entities._gazetteer import resolve_place
from presslens.resources import word_class

__all__ = ["OCCURRENCE_TYPES", "Site", "same_area", "same_site", "site_of"]

#: Types whose reports of one day at one site tell of one occurrence, whoever each says did it
#: (an Israeli air strike on the hospital vs a misfired rocket that hit it; the kill and the attack
#: of one night): who did it is what the sources dispute (a contradiction), not another event.
OCCURRENCE_TYPES = frozenset({"ASSAULT"})

_WORD = re.compile(r"[^\W\d_]+")
_ARTICLES = frozenset({"the", "a", "an"})
#: Words that make a place name an administrative area ("Moscow Region"), not a site.
_AREA_WORDS = frozenset({"region", "oblast", "province", "district", "governorate", "county", "krai", "city"})
#: Words for the grounds around a site, named after what stands there ("the concert hall complex").
_CONTAINERS = frozenset({"complex", "building", "buildings", "premises", "grounds", "compound", "campus"})


#: Words that place what was hit by another site ("areas near the hospital"): it is not that site.
_NEAR = frozenset({"near", "around", "outside", "beside", "nearby", "close", "next", "opposite"})


@dataclass(frozen=True)
class Site:
    head: str
    proper: frozenset[str]


@lru_cache(maxsize=4096)
def site_of(text: str | None) -> Site | None:
    """The head noun and proper words of a site's wording; None for an empty text or a place the
    gazetteer knows (a city, region or country is where, not what was hit: "Gaza", "Haifa")."""
    if not text or resolve_place(text) is not None:
        return None
    words = _WORD.findall((text or "").replace("’s", "").replace("'s", ""))
    words = [w for w in words if w.lower() not in _ARTICLES]
    near = next((i for i, w in enumerate(words) if w.lower() in _NEAR), None)
    if near is not None:  # "areas near the hospital" were hit, not the hospital
        words = words[:near]
    if not words or len(words[-1]) < 3:
        return None
    if words[-1].lower() in _AREA_WORDS and len(words) > 1 and resolve_place(" ".join(words[:-1])):
        return None  # "Moscow Region", "Donetsk Oblast": an area named by its centre
    if len(words) > 1 and words[-1].lower() in _CONTAINERS and words[-2].lower() in word_class("site"):
        words = words[:-1]  # "a popular concert hall complex", "the hospital building": the hall
    head = words[-1].lower().removesuffix("s")
    # a capitalised word that is a place locates the site ("Gaza hospital"), it does not name it
    proper = frozenset(w.lower() for w in words[:-1] if w[:1].isupper() and resolve_place(w) is None)
    if words[-1][:1].isupper():  # "Crocus City Hall": the head is part of the name
        proper |= {head}
    return Site(head, proper - {head})


def same_site(a: Site, b: Site) -> bool:
    """One site: the same head noun, and proper words that overlap when both have them; or two
    proper names sharing two words whatever their heads ("Moscow's Crocus City Hall music venue")."""
    if len(a.proper & b.proper) >= 2:
        return True
    if a.head != b.head:
        return False
    return not (a.proper and b.proper) or bool(a.proper & b.proper)


def same_area(a: Iterable[str], b: Iterable[str]) -> bool:
    """Two sets of place names that may be one area: either empty, or some word shared. A
    facility named as the place ("at the Al-Ahli Hospital") is a site, not an area."""
    wa = {w.lower() for name in a if site_of(name) is None for w in _WORD.findall(name)}
    wb = {w.lower() for name in b if site_of(name) is None for w in _WORD.findall(name)}
    return not (wa and wb) or bool(wa & wb)
