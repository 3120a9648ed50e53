"""Facts stated by claims, and where sources contradict each other: plain text and records only.

    claim_facts(claim, text) -> list[Fact]
    facts_disagree(a, b) -> bool
    contradictions_within(claims, text, article_id) -> list[Contradiction]
    person_ages(text, names) -> list[Fact]     (in the outlet's voice or a source's)
    person_ranks(text, names) -> list[Fact]    ("Brig. Gen. Daniel Hagari")
    person_citizenships / person_birth_years   ("X, a citizen of Tajikistan", "X, born in 1978")

A claim (`presslens.models.Claim`) is reduced to (subject, attribute, value)
facts by the slot patterns of ``claim_slots.tsv``; two facts disagree when they
give incompatible values for the same attribute of a compatible subject. The
same functions serve one article (the pipeline's contradictions) and a story
across outlets (`presslens.stories.contradictions`). Nothing here imports
spaCy: the package depends on `presslens.models` and `presslens.resources` only.
"""

from presslens.facts._ages import person_ages
from presslens.facts._contradictions import contradictions_within, deceased_subject
from presslens.facts._fact import NAME_PATTERN, SENTENCE_OPENERS, Fact
from presslens.facts._lexicon import CYRILLIC, cause_category, fact_lexicon
from presslens.facts._origins import person_birth_years, person_citizenships
from presslens.facts._parties import mention_countries, parties_disagree, party_sides
from presslens.facts._ranks import person_ranks
from presslens.facts._slots import claim_facts, count_interval, facts_disagree, subjects_compatible

__all__ = [
    "CYRILLIC",
    "NAME_PATTERN",
    "SENTENCE_OPENERS",
    "Fact",
    "cause_category",
    "claim_facts",
    "contradictions_within",
    "count_interval",
    "deceased_subject",
    "fact_lexicon",
    "facts_disagree",
    "mention_countries",
    "parties_disagree",
    "party_sides",
    "person_ages",
    "person_birth_years",
    "person_citizenships",
    "person_ranks",
    "subjects_compatible",
]
