"""The salience weights and agreement tables of the pronoun resolver (``_resolve``).

The role weights are Lappin & Leass's (1994, "An algorithm for pronominal
anaphora resolution", Computational Linguistics 20(4)); the factors added on
top of them were set on the dev halves of MEANTIME and of the PolNeAR pronoun
speakers (``evaluation/meantime_pronouns.py``, ``evaluation/polnear_pronouns.py``),
never on the report halves. Each says what it changed there (on the first 120
dev pronouns, or on all 240 for the later ones). With all of them: PolNeAR dev
0.908, MEANTIME dev 0.833.
"""

from __future__ import annotations

__all__ = [
    "AGREES",
    "CATAPHORA_PENALTY",
    "MENTION_POOLING",
    "NEAREST_SPEAKER_BONUS",
    "NOT_ENTITIES",
    "PARALLEL_BONUS",
    "PERSON_NOM_FACTOR",
    "PERSON_NOM_ROLES",
    "QUOTED_FACTOR",
    "REFLEXIVE_BONUS",
    "ROLE_CLASS",
    "ROLE_WEIGHT",
    "SEX_WORD",
    "SOFT_MISMATCH_FACTOR",
    "SPEAKER_BONUS",
    "THING_FACTOR",
    "UNKNOWN_SEX_FACTOR",
    "WINDOW",
]

#: Lappin & Leass (1994) salience weights by role: recency 100 + subject 80 / object 50 /
#: oblique 40, + head-noun emphasis 80 unless embedded, + non-adverbial 50 unless oblique.
ROLE_WEIGHT = {"subj": 310, "esubj": 280, "obj": 280, "other": 230, "obl": 220, "mod": 150}
#: Parallel roles (Lappin & Leass's parallelism): any subject with any subject.
ROLE_CLASS = {"esubj": "subj"}
#: QUOTED_FACTOR, UNKNOWN_SEX_FACTOR and PERSON_NOM_ROLES together took the PolNeAR dev
#: pronoun speakers from 0.850 to 0.875 (MEANTIME dev unchanged); summing over mentions beat
#: taking the best one on both dev halves.
#: Salience of a mention inside a quotation the pronoun stands outside of (another paragraph's):
#: a name in someone's quoted words is rarely what the narrator's pronoun means.
QUOTED_FACTOR = 0.25
#: A person whose sex the article never shows competes at this share of their salience
#: against one whose sex agrees (an unknown sex agrees with he and she alike).
UNKNOWN_SEX_FACTOR = 0.5
#: A person whose sex rests on soft evidence (a rare given name, a surname ending) and
#: disagrees competes at this share: it loses to anyone who agrees, but can still be the only
#: one ("President Ilham Aliyev ... He said").
SOFT_MISMATCH_FACTOR = 0.1
#: How a referent's mentions add up: "sentence" as Lappin & Leass do (each salience factor
#: counts once per sentence for the whole class, sentences add up with the decay), "sum" over
#: every mention, or "max" (the best mention only).
MENTION_POOLING = "sentence"  # "max" lost 7 of 240 on PolNeAR dev; "sum" tied or lost
#: Roles in which a common noun for a person ("a spokesman said") competes for he/she; in an
#: oblique ("the first of an African-American president") it is no discourse referent.
PERSON_NOM_ROLES = frozenset({"subj", "esubj", "obj"})
#: A person named only by a common noun competes at this share against named people: news
#: names the people it quotes, and a role noun is more often an epithet for one of them.
PERSON_NOM_FACTOR = 0.5  # PolNeAR dev (240) 0.883 -> 0.896
#: Lappin & Leass's parallelism bonus and cataphora penalty.
PARALLEL_BONUS = 35
CATAPHORA_PENALTY = 175
#: A singular common noun competes for "it" at this share: an "it" in news more often
#: continues a named organisation or state than the last thing mentioned ("On the contrary,
#: it ...").
#: Not for the subject of a verb of evidence ("It shows ..."), where a thing is the usual subject
#: (PolNeAR dev 0.912 -> 0.917, MEANTIME dev unchanged; issue 11).
THING_FACTOR = 0.5  # MEANTIME dev 0.778 -> 0.833, PolNeAR dev 0.912 -> 0.908
#: Parallelism at the level of attribution: a pronoun that says something ("he said") most
#: often continues the last speaker (quote attribution: Elson & McKeown 2010, O'Keefe et al.
#: 2012 "A sequence labelling approach to quote attribution"). PolNeAR dev 0.908 -> 0.925.
SPEAKER_BONUS = 100
#: A pronoun that says something also takes the closest agreeing mention before it: news
#: introduces a new speaker by name just before quoting them ("... concerns Henry Crespo,
#: president of the caucus. '...,' he said"), the "nearest mention" baseline of quote
#: attribution (Elson & McKeown 2010). PolNeAR dev (240) 0.900 -> 0.912; 200 was worse.
NEAREST_SPEAKER_BONUS = 100
#: A reflexive is bound by its clause's subject (binding principle A): outweighs any salience.
REFLEXIVE_BONUS = 1000
#: Sentences searched back: a person stays the topic across a longer stretch than a thing
#: (set on the dev halves of MEANTIME and PolNeAR, see evaluation/).
WINDOW = {"m": 6, "f": 6, "n": 3, "pl": 3}
#: Labels each kind of pronoun agrees with.
AGREES = {
    "m": frozenset({"PERSON", "PERSON_NOM"}),
    "f": frozenset({"PERSON", "PERSON_NOM"}),
    "n": frozenset({"ORG", "GPE", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NAME", "THING"}),
    "pl": frozenset({"GROUP", "ORG", "NORP", "NAME"}),
}
#: Candidates that compete for a pronoun but are no article entity (see ``_mentions``): a
#: pronoun that finds one has no referent. A person named only by a role ("my mother", "a
#: spokesman") is a referent, with the phrase as its name.
NOT_ENTITIES = frozenset({"THING"})
SEX_WORD = {"m": "male", "f": "female"}
