"""Finding event triggers: verbs, verb+object/particle patterns, light verbs and event nouns.

A trigger is coded from the lexicons in ``plover_verbs.tsv`` and ``plover_nouns.tsv``
(CAMEO 1.1b3 dictionaries re-coded to PLOVER). The longest pattern wins, as in CAMEO's
TABARI/PETRARCH verb phrases: "open fire" (ASSAULT) before "open", "lift curfew" (CONCEDE)
before "curfew" (COERCE). A light verb ("stage", "launch", "announce") takes its type from
its object noun ("staged demonstrations" -> PROTEST). Reporting verbs are never triggers by
themselves; they are only triggers when their complement is a demand ("said that X must
withdraw" -> REQUEST), following the PLOVER manual's DEMAND examples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from presslens.extract._shared import SUBJECT_DEPS
from presslens.extract.events._lexicon import NOT_AN_EVENT, EventLexicon, LexEntry, event_lexicon

__all__ = ["Trigger", "causative_theme", "find_triggers", "noun_entry", "verb_object"]

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "ccomp", "xcomp", "dative", "attr"})
#: The object deps of a noun phrase, not a clause (the `nominal_obj` flag of the verb lexicon).
_NOMINAL_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
#: How a pattern's second word hangs off the verb when it is no object of it ("warn [about] attack").
_LINK_DEPS = frozenset({"pobj", "prep", "prt"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
#: How a that-clause hangs off a noun ("a warning that X must leave").
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "ccomp"})


@dataclass(frozen=True)
class Trigger:
    """Where an event is stated and which lexicon row coded it.

    `token` anchors the event in the tree (a verb, or an event noun); `noun` is the event
    noun for light-verb and nominal triggers; `kind` says which rule fired.
    """

    token: Token
    entry: LexEntry
    kind: str  # verb | light | nominal | demand
    noun: Token | None = None
    pattern_word: Token | None = None


#: Prepositions that head a date as often as a pattern's object ("on Monday"; not "for": "pushed
#: for 35 years in prison" asks for a sentence, whatever NER calls "35 years").
_DATE_PREPS = frozenset({"on", "in", "at", "during", "since", "until", "after", "before", "by"})


def _pattern_words(verb: Token) -> list[Token]:
    """Words that can complete a two-word verb pattern: particle, preposition, object, pobj."""
    objects: list[Token] = []
    links: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _DATE_PREPS and any(
                g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children):
            continue  # "On September 6, the officer called ...": a date, not "call on"
        if child.dep_ in {"dobj", "nsubjpass", "attr", "dative"}:
            objects.append(child)
            objects.extend(g for g in child.children if g.dep_ == "conj")  # "photographs and intelligence"
        elif child.dep_ in {"prt", "prep", "acomp"}:
            links.append(child)
        if child.dep_ == "prep":
            objects.extend(g for g in child.children if g.dep_ == "pobj")
    return objects + links  # the object decides first: "call for sanctions" before "call for"


#: Entity labels of time expressions: no word of one is an event noun.
_TIME_LABELS = frozenset({"DATE", "TIME"})


def noun_entry(noun: Token, lex: EventLexicon) -> LexEntry | None:
    """The noun lexicon row for `noun`, preferring "modifier noun" entries ("hunger strike") and
    "preposition noun" entries for a bare noun after its preposition ("on strike"). A word of a
    date is none ("declared March 24 a day of mourning": no protest march)."""
    if noun.ent_type_ in _TIME_LABELS:
        return None
    lemma = noun.lemma_.lower()
    for child in noun.lefts:
        if child.dep_ in {"compound", "amod"}:
            entry = lex.nouns.get(f"{child.lemma_.lower()} {lemma}") or lex.nouns.get(
                f"{child.lower_} {lemma}"
            )
            if entry:
                return entry
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and not any(c.dep_ in {"det", "poss"} for c in noun.lefts):
        entry = lex.nouns.get(f"{head.lower_} {lemma}")  # "went on strike": a labour strike, not a raid
        if entry:
            return entry
    for child in noun.rights:  # "state of emergency"
        if child.dep_ == "prep":
            for grand in child.children:
                entry = lex.nouns.get(f"{lemma} {child.lower_} {grand.lemma_.lower()}")
                if entry:
                    return entry
    return lex.nouns.get(lemma) or lex.nouns.get(noun.lower_)


def _light_object(obj: Token, lex: EventLexicon) -> Token | None:
    """The event noun a light verb's object names: itself, its compound modifier ("a
    mediation mission") or its of-phrase ("5 million dollars of aid", "a round of talks") -- not
    the of-phrase of words about it ("made mention of the invasion": class ``discourse``)."""
    if noun_entry(obj, lex):
        return obj
    about = obj.lemma_.lower() in lex.word_class("discourse")
    for child in obj.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and noun_entry(child, lex):
            return child
        if child.dep_ == "prep" and child.lower_ == "of" and not about:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and noun_entry(pobj, lex):
                return pobj
    return None


def _has_object(verb: Token) -> bool:
    """An object of its own, or the noun a participle or relative clause modifies, unless the
    relative's own subject is its relativizer ("those who don't recall": the noun is the subject)."""
    if any(c.dep_ in OBJECT_DEPS for c in verb.children) or verb.dep_ == "acl":
        return True
    return verb.dep_ == "relcl" and not any(
        c.dep_ in SUBJECT_DEPS and c.tag_ in _WH_TAGS for c in verb.children)


def _is_verb(tok: Token) -> bool:
    return (
        tok.tag_ in VERB_TAGS
        and tok.pos_ in {"VERB", "ADJ", "NOUN"}
        and tok.dep_ not in {"amod", "aux", "auxpass"}
    )


def _deontic_complement(
    verb: Token, lex: EventLexicon, deps: frozenset[str] = frozenset({"ccomp"})
) -> Token | None:
    """The complement clause of a reporting verb (or noun) that states a demand ("X must return ...")."""
    for child in verb.children:
        if (
            child.dep_ in deps
            and any(a.dep_ == "aux" and a.lower_ in lex.cue("deontic") for a in child.children)
            and any(s.dep_ in SUBJECT_DEPS for s in child.children)
            # "should not have made that claim" blames a past act; it asks for nothing
            and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in child.children)
        ):
            return child
    return None


def _agentless_passive(verb: Token) -> bool:
    """A passive form without a by-agent ("was armed with a rifle", "a woman armed with a camera";
    not "was armed by Iran")."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _mandative_complement(verb: Token, lex: EventLexicon) -> Token | None:
    """The complement clause that states what must be done: a bare subjunctive ("insisted that
    Israel withdraw") or a deontic one ("insisted that Israel must withdraw")."""
    for child in verb.children:
        if child.dep_ != "ccomp" or not any(s.dep_ in SUBJECT_DEPS for s in child.children):
            continue
        if child.tag_ == "VB" and not any(a.dep_ in {"aux", "auxpass"} for a in child.children):
            return child
    return _deontic_complement(verb, lex)


_KNOWN: dict[int, frozenset[str]] = {}


def _known_verbs(lex: EventLexicon) -> frozenset[str]:
    """Every verb lemma the lexicons know (computed once per lexicon object)."""
    if id(lex) not in _KNOWN:
        _KNOWN[id(lex)] = frozenset(lex.cue("light") | lex.cue("report") | {p.split()[0] for p in lex.verbs})
    return _KNOWN[id(lex)]


def _verb_lemma(verb: Token, lex: EventLexicon) -> str:
    """spaCy's lemma, or a regular de-inflection when the lemmatizer slips ("staged" -> "stag")."""
    lemma = verb.lemma_.lower()
    known = _known_verbs(lex)
    if lemma in known:
        return lemma
    low = verb.lower_
    for cut, add in ((1, ""), (2, ""), (3, ""), (3, "e"), (1, "e")):
        if low.endswith(("d", "s", "ing")) and low[:-cut] + add in known:
            return low[:-cut] + add
    return lemma


#: Verbs of the causative or experiencer passive: "had his ear cut off", "got their car seized".
_CAUSATIVES = frozenset({"have", "get"})


def causative_theme(verb: Token) -> Token | None:
    """The theme of a participle under "have"/"get" ("one suspect had his ear cut off", "they had
    their passports confiscated"): the parser makes it the participle's subject, but it is what
    was acted on, and whoever did it is unnamed or in a by-phrase. None for other verbs."""
    if verb.dep_ not in {"ccomp", "xcomp"} or verb.head.lemma_.lower() not in _CAUSATIVES:
        return None
    if verb.tag_ not in {"VBN", "VBD", "VB"} or any(c.dep_ in {"dobj", "aux"} for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


#: Relativizers: a relative clause with one says itself what its noun is to it ("the home where").
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def verb_object(verb: Token) -> Token | None:
    """The verb's theme: direct object, passive subject, the theme of a causative passive ("had
    his ear cut off"), or the noun a reduced passive participle modifies ("the prisoners handed
    over to Egypt")."""
    for dep in ("dobj", "nsubjpass"):
        obj = next((c for c in verb.children if c.dep_ == dep), None)
        if obj is not None:
            return obj
    theme = causative_theme(verb)
    if theme is not None:
        return theme
    # a reduced relative is a participle even when tagged as a past ("images shared on social media")
    if verb.dep_ in {"acl", "relcl"} and (verb.tag_ == "VBN" or (verb.dep_ == "acl" and verb.tag_ == "VBD")):
        return verb.head
    # an object relative without a relativizer: "the warrant they executed" (the noun is the theme)
    if (verb.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in verb.children)
            and not any(c.tag_ in _WH_TAGS for c in verb.subtree)):
        return verb.head
    return None


#: Types whose object act took place ("condemned the attack", "blamed Israel for the strike"): the
#: object is coded too, unlike "demanded their release" or "threatened an attack".
_PRESUPPOSING = frozenset({"ACCUSE"})


def _pattern_object(verb: Token, word: Token) -> list[int]:
    """What a particle or preposition pattern acts on: the verb's object ("called off the talks"),
    the preposition's ("called for talks")."""
    if word.dep_ == "prt":
        return [c.i for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if word.dep_ == "prep":
        return [c.i for c in word.children if c.dep_ == "pobj"]
    return []


def _fitting(entry: LexEntry, verb: Token) -> LexEntry | None:
    """The first row for this pattern whose object constraint (``args`` column) fits; with no
    object to test, the first row without a constraint ("was attacked" is not criticism)."""
    obj = verb_object(verb)
    if obj is None:
        return next((v for v in entry.variants() if v.object_rule is None), entry)
    return next((v for v in entry.variants() if _object_fits(v, obj)), None)


def _object_fits(row: LexEntry, obj: Token | None) -> bool:
    """The row's object constraint admits `obj` (no constraint, or no object to test, admits)."""
    rule = row.object_rule
    return rule is None or obj is None or rule.admits(obj.lemma_.lower(), obj.lower_, obj.ent_type_ or None)


def refit_for_actor(trig: Trigger, fits: Callable[[LexEntry], bool]) -> Trigger | None:
    """The trigger coded by the next row of its pattern whose actor rule `fits` and whose object
    rule admits the verb's object, when the row that coded it does not fit its actor ("police
    stormed the building": not the gunmen's assault row, the raid row after it); None if none."""
    base = event_lexicon().verbs.get(trig.entry.pattern) if trig.kind != "nominal" else None
    rows = base.variants() if base is not None else ()
    if trig.entry not in rows:
        return None
    obj = verb_object(trig.token)
    for row in rows[rows.index(trig.entry) + 1:]:
        if _object_fits(row, obj) and fits(row):
            return replace(trig, entry=row)
    return None


def _verb_trigger(verb: Token, lex: EventLexicon, claimed: set[int]) -> Trigger | None:
    lemma = _verb_lemma(verb, lex)
    for word in _pattern_words(verb):
        # the lemma first, then the form as written: a set's order would change with the hash seed
        for form in dict.fromkeys((word.lemma_.lower(), word.lower_)):
            entry = lex.verbs.get(f"{lemma} {form}")
            if entry and entry.needs_object and word.dep_ in _LINK_DEPS and not _has_object(verb):
                entry = None  # "warned of an attack": the pattern asks for whom it was addressed to
            if entry:
                entry = _fitting(entry, verb)
            if entry and entry.type == NOT_AN_EVENT:
                return None  # "asked a question", "sought office": an idiom, not the verb's act
            if entry:
                claimed.add(word.i)
                if entry.type not in _PRESUPPOSING:  # "called off the talks", "called for talks":
                    claimed.update(_pattern_object(verb, word))  # no talks took place
                return Trigger(verb, entry, "verb", pattern_word=word)
    if lemma in lex.cue("light"):
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
                noun = _light_object(child, lex)
                if noun is not None:
                    claimed.add(noun.i)
                    return Trigger(verb, noun_entry(noun, lex), "light", noun=noun)
    entry = lex.verbs.get(lemma)
    if entry and entry.nominal_object and not any(c.dep_ in _NOMINAL_OBJECT_DEPS for c in verb.children):
        entry = None  # "sought to blame Ukraine": an attempt; the blame is the event
    if entry and entry.active_only and _agentless_passive(verb):
        entry = None  # "the officers were met with gunfire": they met no one
    if entry and entry.intransitive and any(c.dep_ in {"dobj", "ccomp", "nsubjpass"} for c in verb.children):
        entry = None  # "he is demonstrating he is unfit": showing, not protesting
    if entry and entry.mandative and _mandative_complement(verb, lex) is None:
        entry = None  # "the army insisted it had not fired": a statement, which the claims carry
    if entry and (not entry.needs_object or _has_object(verb)):
        entry = _fitting(entry, verb)
    if entry and (not entry.needs_object or _has_object(verb)):
        for child in verb.children:  # "demanded their release": the object is not coded again
            if child.dep_ in {"dobj", "nsubjpass"} and entry.type not in _PRESUPPOSING:
                claimed.add(child.i)
        return Trigger(verb, entry, "verb")
    if lemma in lex.cue("report"):
        comp = _deontic_complement(verb, lex)
        if comp is not None:
            return Trigger(verb, lex.verbs["demand"], "demand", pattern_word=comp)
    if lemma in lex.cue("light") or lemma in lex.cue("report"):
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            comp = _deontic_complement(obj, lex, NOUN_COMPLEMENT_DEPS)
            if comp is not None:  # "issued a reminder to Iraq that it must cooperate"
                return Trigger(verb, lex.verbs["demand"], "demand", pattern_word=comp)
    return None


def find_triggers(tokens: list[Token], lex: EventLexicon) -> list[Trigger]:
    """Every event trigger among `tokens` (one sentence), verbs first, then free event nouns."""
    claimed: set[int] = set()
    found: list[Trigger] = []
    for tok in tokens:
        if _is_verb(tok):
            trig = _verb_trigger(tok, lex, claimed)
            if trig:
                found.append(trig)
    for tok in tokens:
        if tok.pos_ != "NOUN" or tok.i in claimed or tok.dep_ in {"compound"}:
            continue
        entry = noun_entry(tok, lex)
        if entry and not _stance(tok, lex):
            found.append(Trigger(tok, entry, "nominal", noun=tok))
    return sorted(found, key=lambda t: t.token.i)


def _stance(noun: Token, lex: EventLexicon) -> bool:
    """"in protest at X", "in defiance of X": the stance of the clause's act, not a protest of its
    own (the act it qualifies is the protest, directed at X: ``_roles._protested``)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == noun.i:
        return False
    return noun.lemma_.lower() in lex.word_class("stance") and not any(c.dep_ == "det" for c in noun.children)
