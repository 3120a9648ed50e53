"""The entity lexicons, read once from the package's ``entity_*.tsv`` and ``metonyms.tsv`` files.

Every rule in ``_repair``, ``_context``, ``_additions`` and ``_linking`` reads its
words from here, so a new demonym, outlet or leader is a one-line data change.
Where each list comes from is written in the header of its file. Nothing here
imports spaCy: the story layer reads these lexicons too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from presslens.resources import read_tsv

__all__ = ["GIVEN_NAME_MIN_BIRTHS", "EntityLexicon", "entity_lexicon", "fold"]

#: A first name counts as one (for "Alexey Navalny" tagged ORG) when at least this many US babies
#: were given it: rarer entries of the baby-name list are as often surnames or words.
GIVEN_NAME_MIN_BIRTHS = 100


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-folded text with typographic apostrophes and hyphens unified (cached: names recur)."""
    return " ".join(text.replace("’", "'").replace("‐", "-").split()).casefold()


@dataclass(frozen=True)
class EntityLexicon:
    """All word lists of the entity stage, keyed by `fold`ed text."""

    demonyms: dict[str, str]  # form -> ISO code or "" (peoples, regions, groups)
    org_cues: frozenset[str]  # institution words (case-sensitive)
    media_cues: frozenset[str]  # outlet / agency words (case-sensitive)
    law_cues: frozenset[str]  # words that make a WORK_OF_ART a LAW
    titles: frozenset[str]
    kin_nouns: frozenset[str]
    actor_nouns: frozenset[str]
    function_words: frozenset[str]  # prepositions beyond spaCy's stop words
    settlement_nouns: frozenset[str]  # "village", "region": the name they govern is a GPE
    backer_suffixes: frozenset[str]  # "Kremlin-backed": the place is an actor
    located_suffixes: frozenset[str]  # "Moscow-based": the place is a location
    particles: frozenset[str]  # "al", "von": lower-case words inside a personal name
    org_nouns: frozenset[str]  # "group", "broadcaster": type an adjacent name as ORG
    person_nouns: frozenset[str]  # "activist", "correspondent": type it as PERSON
    actor_verbs: frozenset[str]  # lemmas whose object is an actor ("accuse")
    alias_words: frozenset[str]  # "known (as)", "nicknamed": another name of a person
    compass_words: frozenset[str]  # "north", "central": may open a region's name ("North Darfur")
    family_nouns: frozenset[str]  # "family", "brothers": a surname before one names a family
    seats: dict[str, str]  # seat of government or capital -> the country it stands for
    org_synonyms: dict[str, str]  # office variant -> office key
    leaders: dict[str, str]  # surname form -> full name
    given_names: frozenset[str] = frozenset()  # folded first names given to many babies of one sex

    def demonym_country(self, text: str) -> str | None:
        """ISO code ("" for a people/region) when `text` is a demonym, else None."""
        return self.demonyms.get(fold(text))

    def is_demonym(self, text: str) -> bool:
        return fold(text) in self.demonyms


@cache
def entity_lexicon() -> EntityLexicon:
    """The lexicons, loaded on first use."""
    demonyms: dict[str, str] = {}
    for row in read_tsv("entity_demonyms.tsv"):
        code = "" if row[0] == "-" else row[0]
        for column in row[2:4]:
            for form in filter(None, (f.strip() for f in column.split(","))):
                demonyms.setdefault(fold(form), code)
    cues: dict[str, set[str]] = {"org": set(), "media": set(), "law": set()}
    for word, kind in read_tsv("entity_org_cues.tsv"):
        cues[kind].add(word)
    links: dict[str, set[str]] = {
        kind: set()
        for kind in (
            "title",
            "kin",
            "actor",
            "function",
            "settlement",
            "backer",
            "located",
            "particle",
            "org_noun",
            "person_noun",
            "actor_verb",
            "alias",
            "compass",
            "family",
        )
    }
    for kind, word in read_tsv("entity_link_cues.tsv"):
        links[kind].add(fold(word))
    return EntityLexicon(
        demonyms=demonyms,
        org_cues=frozenset(cues["org"]),
        media_cues=frozenset(cues["media"]),
        law_cues=frozenset(cues["law"]),
        titles=frozenset(links["title"]),
        kin_nouns=frozenset(links["kin"]),
        actor_nouns=frozenset(links["actor"]),
        function_words=frozenset(links["function"]),
        settlement_nouns=frozenset(links["settlement"]),
        backer_suffixes=frozenset(links["backer"]),
        located_suffixes=frozenset(links["located"]),
        particles=frozenset(links["particle"]),
        org_nouns=frozenset(links["org_noun"]),
        person_nouns=frozenset(links["person_noun"] | links["title"]),
        actor_verbs=frozenset(links["actor_verb"]),
        alias_words=frozenset(links["alias"]),
        compass_words=frozenset(links["compass"]),
        family_nouns=frozenset(links["family"]),
        # a ministry stays an organisation of its own for the linker (see the file's header)
        seats={
            fold(form): country
            for form, _code, country, kind in read_tsv("metonyms.tsv")
            if kind != "ministry"
        },
        org_synonyms={fold(variant): key for variant, key in read_tsv("entity_org_synonyms.tsv")},
        leaders={fold(surname): full for surname, full, _ in read_tsv("entity_leaders.tsv")},
        given_names=frozenset(
            name for name, _sex, births, _share in read_tsv("reference_given_names.tsv")
            if int(births) >= GIVEN_NAME_MIN_BIRTHS
        ),
    )
