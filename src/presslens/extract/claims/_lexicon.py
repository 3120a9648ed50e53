"""The attribution lexicons (``resources/claim_*.tsv``), loaded once per process.

Keeping cue words, hedges, source nouns and assertion markers in data files
lets a reviewer see and extend the inventory without reading code; each file's
header says where its entries come from (PolNeAR guidelines, Pareti's PARC 3.0
verb classes, ...). The slot patterns of ``claim_slots.tsv`` are read by
`presslens.facts`, which compares what claims state.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from presslens.resources import read_tsv

__all__ = ["AssertionLexicon", "ClaimLexicon", "assertion_lexicon", "claim_lexicon"]


@dataclass(frozen=True)
class ClaimLexicon:
    """Cue lemmas by kind, what content each verb takes, hedges and source nouns."""

    verbs: dict[str, str]  # lemma -> takes (clause | np | both)
    takes: dict[str, str]  # every verb-like cue (verb, evidential, citing) -> takes
    beliefs: frozenset[str]  # verbs of belief and knowledge, skipped under a modal
    speech: frozenset[str]  # verbs of saying: negated ("did not mention that"), no statement is made
    evidential: frozenset[str]
    according: frozenset[str]  # multiword prepositions, e.g. "according to"
    citing: frozenset[str]
    noun_cues: frozenset[str]
    adjectives: frozenset[str]  # "is sure that", "was confident"
    possessed_nouns: frozenset[str]  # "Trump's claim that ...", "her plan to ..."
    verb_preps: dict[str, frozenset[str]]  # "call for", "point to": lemma -> prepositions
    hedge_words: frozenset[str]  # adverbs and modals
    hedge_cues: frozenset[str]  # cue lemmas that hedge by themselves
    hedge_passives: frozenset[str]  # "is suspected", "is believed"
    source_nouns: dict[str, str]  # lemma -> unnamed | document


@dataclass(frozen=True)
class AssertionLexicon:
    markers: tuple[str, ...]
    verbs: frozenset[str]


@cache
def claim_lexicon() -> ClaimLexicon:
    """The cue, hedge and source lexicons (cached: read once per process)."""
    verbs: dict[str, str] = {}
    takes_by_lemma: dict[str, str] = {}
    verb_preps: dict[str, set[str]] = {}
    by_kind: dict[str, set[str]] = {}
    for row in read_tsv("claim_cues.tsv"):
        cue, kind, takes = (*row, "clause")[:3]
        if kind in ("verb", "belief", "stance"):
            verbs[cue] = takes
        if kind in ("verb", "belief", "stance", "evidential", "citing"):
            takes_by_lemma.setdefault(cue, takes)
        if kind == "verb-prep":
            lemma, prep = cue.split(" ", 1)
            verb_preps.setdefault(lemma, set()).add(prep)
        by_kind.setdefault(kind, set()).add(cue)
    hedges: dict[str, set[str]] = {}
    for word, kind in read_tsv("claim_hedges.tsv"):
        hedges.setdefault(kind, set()).add(word)
    return ClaimLexicon(
        verbs=verbs,
        takes=takes_by_lemma,
        beliefs=frozenset(by_kind.get("belief", ())),
        speech=frozenset(by_kind.get("verb", ())),
        evidential=frozenset(by_kind.get("evidential", ())),
        according=frozenset(by_kind.get("according-to", ())),
        citing=frozenset(by_kind.get("citing", ())),
        noun_cues=frozenset(by_kind.get("noun-cue", ())),
        adjectives=frozenset(by_kind.get("adjective", ())),
        possessed_nouns=frozenset(by_kind.get("noun-possessed", ())),
        verb_preps={lemma: frozenset(preps) for lemma, preps in verb_preps.items()},
        hedge_words=frozenset(hedges.get("adverb", set()) | hedges.get("modal", set())),
        hedge_cues=frozenset(hedges.get("cue", ())),
        hedge_passives=frozenset(hedges.get("passive", ())),
        source_nouns={noun: kind for noun, kind in read_tsv("claim_sources.tsv")},
    )


@cache
def assertion_lexicon() -> AssertionLexicon:
    """Conclusion markers (longest first) and accusation verb lemmas."""
    rows = read_tsv("claim_assertions.tsv")
    markers = sorted((p for p, k in rows if k == "marker"), key=len, reverse=True)
    return AssertionLexicon(tuple(markers), frozenset(p for p, k in rows if k == "verb"))
