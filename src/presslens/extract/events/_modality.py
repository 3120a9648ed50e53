"""Is the event asserted, negated, hedged, intended or hypothetical?

Cue words come from ``plover_cues.tsv`` (NegEx / negspacy triggers, PLOVER's intent rule).
Scope follows the dependency tree, as NegEx's window does over words: a cue counts when it
modifies the trigger itself or a governing verb/noun reached by walking up through
complement, purpose and prepositional links ("plans *to* visit", "preparations *for* the
visit", "is suspected *of* being involved"), stopping at a clause boundary that starts a new
assertion (a relative clause's antecedent, the root).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from presslens.extract.events._lexicon import EventLexicon

__all__ = ["Qualifiers", "event_qualifiers", "governors"]

#: Dependencies through which a governing word's modality reaches its complement.
CHAIN_DEPS = frozenset(
    {"xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl", "acomp", "conj", "dobj", "acl", "nsubj", "attr"}
)


#: How what a denial denies hangs on it: its object or complement clause.
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "pcomp"})


#: The perfect auxiliary: a modal with it hedges a past act ("may have fired") instead.
_PERFECT = frozenset({"have"})
#: What a verb of intent or request does not scope over: its subject ("the terrorists who fled
#: after the attack intended to enter Belarus": the attack happened) and a time adjunct ("following
#: the attack, the court decided to detain four": it did not decide an attack).
_OUTSIDE_INTENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_TIME_PREPOSITIONS = frozenset({"after", "following", "before", "since", "during", "amid", "until"})


@dataclass(frozen=True)
class Qualifiers:
    negated: bool
    hedged: bool
    modality: str  # asserted | intended | hypothetical
    deontic: bool
    imagined: bool = False  # under "think/imagine/assume that": a belief, not an event report


def governors(trigger: Token, limit: int = 6) -> list[Token]:
    """Words above `trigger` whose cues scope over it (nearest first, within the sentence)."""
    out: list[Token] = []
    tok = trigger
    while tok.dep_ in CHAIN_DEPS and tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def _has(tok: Token, words: frozenset[str], deps: set[str]) -> bool:
    return any(c.dep_ in deps and (c.lower_ in words or c.lemma_.lower() in words) for c in tok.children)


def _no_longer(tok: Token) -> bool:
    return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children)


def _judged_infinitive(trigger: Token, lex: EventLexicon) -> bool:
    """An infinitive extraposed from "it is ADJ": "it is not acceptable to hit a hospital", "it is
    wrong to bomb a school" judge an act in the abstract. Not "X is ready to strike", whose
    subject is a party and which PLOVER reads as an intention."""
    if trigger.tag_ != "VB" or trigger.dep_ not in {"xcomp", "ccomp"}:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    be = trigger.head
    if be.pos_ == "ADJ" and be.dep_ == "acomp":  # "it is so much easier to jail X": under the adjective
        if be.lemma_.lower() in lex.cue("intent_head"):
            return False  # "it is willing to withdraw": "it" is a party, and it intends to
        be = be.head
    return (
        be.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children)
        and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in be.children)
    )


def _ruling(gov: Token, lemma: str, lex: EventLexicon) -> bool:
    """The decision of a body of the word class "judicial" (courts, prosecutors, investigators,
    police) to act is the act ("the Basmanny District Court has decided to detain four suspects"):
    what such a body decides within its powers takes effect as it is decided."""
    judicial = lex.word_class("judicial")
    return lemma in lex.cue("ruling_head") and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in judicial for c in gov.children
    )


#: Links of a clause to the verb whose complement it is (or is coordinated into).
_COMPLEMENT_LINKS = frozenset({"xcomp", "ccomp", "conj"})


def event_qualifiers(trigger: Token, lex: EventLexicon) -> Qualifiers:
    """Negation, hedging and modality of the event whose trigger is `trigger`."""
    neg = lex.cue("negation")
    hedge = lex.cue("hedge")
    modal_deps = {"aux", "auxpass", "advmod", "neg", "preconj", "det", "mark"}
    negated = _has(trigger, neg, {"neg", "advmod", "preconj", "det"}) or _no_longer(trigger)
    hedged = _has(trigger, hedge, modal_deps)
    intended = _has(trigger, lex.cue("intent"), {"aux"})
    conditional = _has(trigger, lex.cue("conditional"), {"aux", "mark"})
    deontic = _has(trigger, lex.cue("deontic"), {"aux"})
    if _has(trigger, lex.cue("possibility"), {"aux"}) and not _has(trigger, _PERFECT, {"aux"}):
        conditional = True  # "could strike next week": what may happen ("may have struck": hedged)
    # a class compared with ("the deadliest attack since 2004") or what is judged in the abstract
    # ("it is not acceptable to hit a hospital") reports no event. A habit does ("soldiers routinely
    # beat detainees" is an ASSAULT in the PLOVER gold records), so it stays.
    imagined = (
        _has(trigger, lex.cue("comparison"), {"amod"})
        or _judged_infinitive(trigger, lex)
    )
    if trigger.dep_ == "advcl" and _has(trigger, lex.cue("conditional"), {"mark"}):
        conditional = True
    if any(c.dep_ == "advcl" and _has(c, lex.cue("conditional"), {"mark"}) for c in trigger.children):
        conditional = True  # "may halt mediation if cooperation founders"
    chain = governors(trigger)
    wanted = True  # still inside what an intent or request above would scope over
    # a verb of failing or refusing negates the clause it takes, and what that clause takes as its
    # complement ("refused to let them go"), not an act told further down through a noun ("refused
    # to comment on reports that the US warned Moscow": the warning stands; "failed to stop the
    # attack": the attack happened)
    in_complement = True
    for below, gov in zip([trigger, *chain], chain, strict=False):
        lemma = gov.lemma_.lower()
        time_adjunct = below.dep_ == "prep" and below.lower_ in _TIME_PREPOSITIONS
        if below.dep_ in _OUTSIDE_INTENT_DEPS or time_adjunct:
            wanted = False
        # a cue verb scopes over what it governs ("failed to arrest", "plans to visit"), not over a
        # verb coordinated with it ("the launch failed and hit the hospital": it hit) or a participle
        # telling what its own act did ("set the building ablaze, killing 137": they killed)
        heads = below.dep_ != "conj" and not (below.dep_ == "advcl" and below.tag_ in {"VBG", "VBN"})
        if (heads and lemma in lex.cue("hedge_head")) or _has(gov, hedge, modal_deps):
            hedged = True
        if wanted and ((heads and lemma in lex.cue("intent_head")) or _has(gov, lex.cue("intent"), {"aux"})) \
                and not _ruling(gov, lemma, lex):
            intended = True
        if wanted and below.dep_ in {"xcomp", "ccomp"} and lemma in lex.cue("request_head"):
            intended = True  # "urged Arabs to attack Israeli forces": asked for, not done
        if in_complement and heads and lemma in lex.cue("negation") and (
                gov.pos_ == "VERB" or (gov.pos_ == "NOUN" and below.dep_ in {"acl", "xcomp"})):
            negated = True  # "failed to arrest", "the authorities' failure to release the body"
        if below.dep_ not in _COMPLEMENT_LINKS:
            in_complement = False
        if lemma in lex.cue("denial") and gov.pos_ == "VERB" and below.dep_ in _COMPLEMENT_DEPS \
                and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in gov.children):
            # "denied carrying out strikes", "denies that its forces struck"; a passive denial is a
            # refusal of something ("their motions were denied"), which negates nothing it governs
            negated = True
        if lemma in lex.word_class("evidence") and _has(gov, neg | {"no"}, {"det", "neg"}):
            negated = True  # "there was no indication that Ukraine was behind the attack"
        if lemma in lex.word_class("origin") and gov.dep_ == "attr" and _has(gov.head, neg, {"neg"}):
            negated = True  # "the blast was not the result of an Israeli strike"
        if lemma in lex.cue("not_event"):
            imagined = True
        if _has(gov, lex.cue("conditional"), {"aux", "mark"}):
            conditional = True
        if gov.dep_ == "advcl" and _has(gov, lex.cue("conditional"), {"mark"}):
            conditional = True
    if conditional or _imperative(trigger):
        modality = "hypothetical"
    elif intended:
        modality = "intended"
    else:
        modality = "asserted"
    return Qualifiers(negated=negated, hedged=hedged, modality=modality, deontic=deontic, imagined=imagined)


def _imperative(trigger: Token) -> bool:
    """A command, not a report: the sentence opens with a bare verb that has no subject ("Kill them
    all", a call quoted as a heading; "Release the hostages now!"; "Arrest them," he said)."""
    if trigger.dep_ not in {"ROOT", "ccomp"} or trigger.tag_ != "VB":  # "Arrest them, he said."
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux", "auxpass"} for c in trigger.children):
        return False
    before = trigger.doc[trigger.sent.start : trigger.i]
    return all(t.is_punct or t.is_space or t.lower_ in {"please", "now", "just"} for t in before)

