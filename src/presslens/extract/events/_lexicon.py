"""The PLOVER event coder's lexicons, read once per process from package data.

Why data files: PLOVER is a living ontology (PLOVER manual draft 0.8, 2021) and every desk
has its own verbs; users extend ``plover_*.tsv`` without touching code. The verb and noun
maps come from the CAMEO 1.1b3 dictionaries re-coded with ``CAMEO2PLOVER-2021.txt``; the
cue lists from NegEx/negspacy and the PLOVER manual (see each file's header).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import cache

from presslens.resources import read_tsv

__all__ = [
    "COOPERATIVE",
    "HOSTILE",
    "NOT_AN_EVENT",
    "PLOVER_TYPES",
    "ArgRule",
    "EventLexicon",
    "LexEntry",
    "event_lexicon",
]

log = logging.getLogger(__name__)

VERBS_FILE = "plover_verbs.tsv"
NOUNS_FILE = "plover_nouns.tsv"
CUES_FILE = "plover_cues.tsv"
METONYMS_FILE = "metonyms.tsv"  # shared with the entity linker
CLASSES_FILE = "plover_classes.tsv"
ARG_ROLES = frozenset({"actor", "obj"})

#: The 16 PLOVER event types (PLOVER manual 0.8; INVESTIGATE folded into ACCUSE, DEMAND into
#: REQUEST, DISAPPROVE into ACCUSE, FIGHT into ASSAULT as in CAMEO2PLOVER-2021.txt).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: Types whose intended/future form PLOVER codes as AGREE ("All cooperative actions reported
#: in future tense are also taken to imply intentions", plover_reference.html, AGREE).
COOPERATIVE: frozenset[str] = frozenset(
    {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "AGREE"}
)
#: Material hostile types whose announced/conditional form is a THREATEN (CAMEO 13x rows).
HOSTILE: frozenset[str] = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})

#: The type of a verb pattern that is an idiom, not the act its verb names ("asked a question",
#: "sought office"): it wins over the bare verb and codes nothing.
NOT_AN_EVENT = "NONE"

CUE_KINDS = frozenset(
    {
        "negation",
        "hedge",
        "hedge_head",
        "intent",
        "intent_head",
        "request_head",
        "ruling_head",
        "conditional",
        "possibility",
        "deontic",
        "light",
        "report",
        "not_event",
        "responsibility",
        "comparison",
        "denial",
    }
)


@dataclass(frozen=True)
class ArgRule:
    """What an argument of a general verb may be: lemmas, or entities with given labels."""

    words: frozenset[str]
    labels: frozenset[str] = frozenset()

    def admits(self, lemma: str, lower: str, label: str | None) -> bool:
        return lemma in self.words or lower in self.words or (label is not None and label in self.labels)


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: the PLOVER coding of a verb pattern or an event noun."""

    pattern: str
    type: str
    mode: str
    cameo: str
    needs_object: bool
    source: str
    of_actor: bool = False
    subject_is_target: bool = False
    to_actor: bool = False
    place_object: bool = False
    stative: bool = False
    #: Only with a nominal object ("sought aid"); with a clause it is an attempt ("sought to blame
    #: Ukraine"), coded by the clause's own act.
    nominal_object: bool = False
    #: A passive form only with its by-agent: without one it is an idiom or a state ("were met
    #: with gunfire", "was armed with a rifle"), not the act.
    active_only: bool = False
    #: Only without an object or complement clause ("protesters demonstrated", not "demonstrated
    #: that he is unfit": shown, not protested).
    intransitive: bool = False
    #: A demand only with a mandative complement ("insisted that Israel withdraw", "... must
    #: withdraw"); with a statement of fact ("insisted it had not fired") it asserts, not demands.
    mandative: bool = False
    actor_rule: ArgRule | None = field(default=None, repr=False)
    object_rule: ArgRule | None = field(default=None, repr=False)
    #: Later rows with the same pattern, tried in file order when this row's rules fail.
    alternatives: tuple[LexEntry, ...] = ()

    def variants(self) -> tuple[LexEntry, ...]:
        return (self, *self.alternatives)

    def why(self, kind: str) -> str:
        """The human-readable rule that fired, kept in ``Event.why``."""
        return f"{kind} '{self.pattern}' → {self.type}/{self.mode} ({self.source}, CAMEO {self.cameo})"


@dataclass(frozen=True)
class EventLexicon:
    """All event lexicons: verb patterns, event nouns, cue words and government metonyms."""

    verbs: dict[str, LexEntry]
    nouns: dict[str, LexEntry]
    cues: dict[str, frozenset[str]]
    metonyms: dict[str, str] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    _lemmas: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def cue(self, kind: str) -> frozenset[str]:
        return self.cues.get(kind, frozenset())

    def word_class(self, name: str) -> frozenset[str]:
        """The lemmas of a class in ``plover_classes.tsv`` (without its ``=LABEL`` rows).

        Built once per class: the coder asks for a class for every candidate trigger.
        """
        found = self._lemmas.get(name)
        if found is None:
            found = self._lemmas[name] = frozenset(
                w for w in self.classes.get(name, frozenset()) if not w.startswith("=")
            )
        return found


def _classes() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in read_tsv(CLASSES_FILE):
        if len(row) < 2:
            log.warning("%s: skipping row %r (need class, lemma)", CLASSES_FILE, row)
            continue
        groups.setdefault(row[0], set()).add(row[1] if row[1].startswith("=") else row[1].lower())
    return {name: frozenset(words) for name, words in groups.items()}


def _arg_rules(spec: str, classes: dict[str, frozenset[str]], where: str) -> dict[str, ArgRule]:
    """Parse an ``args`` cell: ``actor=@agent obj=@offerable|talks``."""
    rules: dict[str, ArgRule] = {}
    for part in spec.split():
        role, _, values = part.partition("=")
        if role not in ARG_ROLES or not values:
            log.warning("%s: ignoring constraint %r (use actor=... or obj=...)", where, part)
            continue
        words: set[str] = set()
        for value in values.split("|"):
            if value.startswith("@"):
                if value[1:] not in classes:
                    log.warning("%s: unknown class %r; known: %s", where, value, sorted(classes))
                words |= classes.get(value[1:], frozenset())
            else:
                words.add(value.lower())
        labels = frozenset(w[1:] for w in words if w.startswith("="))
        rules[role] = ArgRule(frozenset(w for w in words if not w.startswith("=")), labels)
    return rules


def _entries(name: str, classes: dict[str, frozenset[str]]) -> dict[str, LexEntry]:
    rows: dict[str, list[LexEntry]] = {}
    for row in read_tsv(name):
        if len(row) < 4:
            log.warning("%s: skipping malformed row %r (need pattern, type, mode, cameo)", name, row)
            continue
        pattern, etype, mode, cameo = row[:4]
        if etype not in PLOVER_TYPES and etype != NOT_AN_EVENT:
            log.warning("%s: unknown PLOVER type %r for %r; valid: %s", name, etype, pattern, PLOVER_TYPES)
            continue
        flags = set(row[4].split(",")) if len(row) > 4 else set()
        rules = _arg_rules(row[5], classes, f"{name}: {pattern}") if len(row) > 5 else {}
        rows.setdefault(pattern.lower(), []).append(
            LexEntry(
                pattern.lower(),
                etype,
                mode,
                cameo,
                "obj" in flags,
                name,
                of_actor="of_actor" in flags,
                subject_is_target="subj_target" in flags,
                to_actor="to_actor" in flags,
                place_object="place_obj" in flags,
                stative="stative" in flags,
                nominal_object="nominal_obj" in flags,
                active_only="active" in flags,
                mandative="mandative" in flags,
                intransitive="intransitive" in flags,
                actor_rule=rules.get("actor"),
                object_rule=rules.get("obj"),
            )
        )
    out: dict[str, LexEntry] = {}
    for pattern, entries in rows.items():
        first, *rest = entries
        out[pattern] = replace(first, alternatives=tuple(rest)) if rest else first
    return out


def _cues() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in read_tsv(CUES_FILE):
        if len(row) < 2 or row[1] not in CUE_KINDS:
            log.warning("%s: skipping row %r (kinds: %s)", CUES_FILE, row, sorted(CUE_KINDS))
            continue
        groups.setdefault(row[1], set()).add(row[0].lower())
    return {kind: frozenset(words) for kind, words in groups.items()}


@cache
def event_lexicon() -> EventLexicon:
    """The process-wide lexicons (read once; the TSVs are package data)."""
    metonyms = {form.lower(): country for form, _code, country, _kind in read_tsv(METONYMS_FILE)}
    classes = _classes()
    lex = EventLexicon(
        verbs=_entries(VERBS_FILE, classes),
        nouns=_entries(NOUNS_FILE, classes),
        cues=_cues(),
        metonyms=metonyms,
        classes=classes,
    )
    log.debug(
        "event lexicon: %d verb patterns, %d nouns, %d metonyms",
        len(lex.verbs),
        len(lex.nouns),
        len(metonyms),
    )
    return lex
