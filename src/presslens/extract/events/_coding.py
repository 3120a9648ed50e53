"""PLOVER event coding: who did what to whom, where and when.

    event_mentions(doc) -> list[Event]

Every event trigger (``_triggers``) becomes an ``Event`` coded in PLOVER (PLOVER manual
draft 0.8; CAMEO 1.1b3 verb dictionaries mapped with CAMEO2PLOVER-2021.txt) with its actor
and target (``_roles``), mentions, place and date (``_args``), negation/hedging/modality
(``_modality``) and the clause that states it (``_evidence``). Constructions covered, all over the
dependency parse: active and passive clauses (with or without a by-agent), relative and
participial clauses (the antecedent is the participant), complement/purpose chains
("raided the home to arrest him"), light verbs with event nouns ("staged a protest"), free
event nouns ("the arrest of two editors", "a raid on X"), demands reported with *must*.

With no party to direct it at, an act done somewhere by a named actor takes its place as the
target ("imposed a curfew in Cizre"), as the PLOVER GSR coders do.

A passive without an agent borrows, marked ``inferred=True``, the actor of the nearest
preceding event of the same PLOVER type in the same paragraph: news reports name the
arresting authority once and then write "X was also detained".
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from presslens.confidence import is_named, report_confidence
from presslens.extract._dating import event_date
from presslens.extract._shared import doc_sentences, doc_text, doc_tokens
from presslens.extract.events._args import ArgContext
from presslens.extract.events._coded import CodedEvent
from presslens.extract.events._coref import merge_anaphoric_mentions, merge_clause_duplicates
from presslens.extract.events._evidence import evidence_span
from presslens.extract.events._lexicon import COOPERATIVE, HOSTILE, EventLexicon, event_lexicon
from presslens.extract.events._modality import event_qualifiers
from presslens.extract.events._roles import (
    ERRAND_PREPS,
    event_roles,
    is_party,
    is_passive,
    modifier_place,
    same_party,
    subject_child,
    usable_participant,
)
from presslens.extract.events._triggers import Trigger, find_triggers, refit_for_actor
from presslens.facts import cause_category
from presslens.models import Event, Mention

__all__ = ["coded_events", "event_mentions", "plover_code"]

log = logging.getLogger(__name__)


def event_mentions(doc: Doc) -> list[Event]:
    """Every PLOVER event stated in `doc`, in text order."""
    return [c.event for c in coded_events(doc)]


def plover_code(event: Event) -> str:
    """The PLOVER type a GSR coder would give, applying PLOVER's intent conventions.

    PLOVER codes a cooperative act reported as intended or conditional as AGREE
    ("All cooperative actions reported in future tense are also taken to imply
    intentions", plover_reference.html); a negated cooperative act, intended or done, as
    REJECT ("refuse to meet", "did not allow observers in": REJECT covers "all rejections
    and refusals"); an announced or conditional material hostile act as THREATEN (CAMEO
    13x). ``Event.type`` itself keeps the act that is spoken of.
    """
    if event.negated and event.type in COOPERATIVE:
        return "REJECT"
    if event.modality == "asserted":
        return event.type
    if event.type in COOPERATIVE:
        return "AGREE"
    if event.type in HOSTILE:
        return "THREATEN"
    return event.type


#: Modes whose place is only the venue, never who was acted on ("met in Geneva", "held talks in
#: Geneva"); a visit's place is its host ("arrived in Amman on a visit"), as PLOVER codes it.
_VENUE_MODES = frozenset({"meet", "negotiate", "mediate", "consult"})


def coded_events(doc: Doc) -> list[CodedEvent]:
    """Events with their trigger tokens (see ``event_mentions``)."""
    lex = event_lexicon()
    ctx = ArgContext(doc)
    out: list[CodedEvent] = []
    tokens = doc_tokens(doc)
    for sent in doc_sentences(doc):
        words = tokens[sent.start : sent.end]
        if _is_heading(words):
            continue
        for trig in _without_hostile_promises(find_triggers(words, lex)):
            actor_tok, target_tok = event_roles(trig, ctx, lex)
            event = _event(trig, ctx, lex, actor_tok, target_tok)
            if event is not None:
                out.append(CodedEvent(event, trig.token, trig.entry, trig.kind, actor_tok, target_tok))
    out = merge_anaphoric_mentions(merge_clause_duplicates(out), ctx)
    return _infer_agentless_actors(doc, _purpose_targets(out, ctx))


#: Dependencies by which an act's purpose hangs on it: "demonstrated ..., calling for X", "began a
#: hunger strike to demand X", "opened fire to disperse demonstrators".
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl"})


def _purpose_targets(events: list[CodedEvent], ctx: ArgContext) -> list[CodedEvent]:
    """An act with no target of its own (or only its place) is directed at whom its purpose is: a
    protest at whom its demand is addressed to ("demonstrated in Kirkuk calling for independence
    from Iraq" protests against Iraq), a hostile act at whom the hostile act it serves is aimed
    ("opened fire to disperse demonstrators"), as PLOVER codes targets. A place is only where."""
    out = []
    for coded in events:
        ev = coded.event
        if ev.target is None or ev.target == ev.place:
            purpose = next((p for p in events if _serves(p, coded, ctx)), None)
            if purpose is not None:
                why = f"{ev.why}; target: that of the {purpose.event.type} it is done for"
                ev = ev.model_copy(update={"target": purpose.event.target, "why": why})
                coded = replace(coded, event=ev)
        out.append(coded)
    return out


def _party_or_agent(tok: Token, ctx: ArgContext) -> bool:
    """A named party or a person or body noun ("the prime minister", "the government")."""
    return is_party(tok, ctx) or tok.lemma_.lower() in ctx.lex.word_class("agent")


def _serves(purpose: CodedEvent, act: CodedEvent, ctx: ArgContext) -> bool:
    """`purpose` is a clause on `act` (or on its object noun: "began a hunger strike to demand")
    telling what it was done for: a demand made of a party for a protest ("to demand reforms" names
    what is wanted, not of whom), a hostile act for a hostile act."""
    if purpose.event.target is None or purpose.trigger.dep_ not in PURPOSE_DEPS:
        return False
    aim, act_type = purpose.event.type, act.event.type
    demand = aim == "REQUEST" and act_type == "PROTEST" and purpose.target_token is not None \
        and _party_or_agent(ctx.resolve(purpose.target_token), ctx)
    if not demand and not (aim in HOSTILE and act_type in HOSTILE):
        return False
    heads = {act.trigger.i} | {c.i for c in act.trigger.children if c.dep_ == "dobj"}
    return purpose.trigger.head.i in heads


def _without_hostile_promises(triggers: list[Trigger]) -> list[Trigger]:
    """Drop a promise verb ("vowed", "pledged", "promised" -> AGREE) whose infinitive is a hostile
    act: "vowed to attack X" is no commitment to cooperate (PLOVER AGREE) but a threat, which the
    complement carries by the intent convention (``plover_code``: intended ASSAULT -> THREATEN,
    as CAMEO 13x codes "vow to retaliate")."""
    hostile_heads = {
        t.token.head.i
        for t in triggers
        if t.kind == "verb" and t.token.dep_ == "xcomp" and t.entry.type in HOSTILE
    }
    return [
        t
        for t in triggers
        if not (t.kind == "verb" and t.entry.type == "AGREE" and t.token.i in hostile_heads)
    ]


#: A heading is a short line; a longer unpunctuated line is a sentence whose full stop was lost.
HEADING_MAX_TOKENS = 5
#: What ends a sentence; a line without it ("Moscow protests") is a heading, not a report.
SENTENCE_END = frozenset({".", "!", "?", "\"", "”", "’", "'", ":", ";", "…", ")"})


def _is_heading(sent: list[Token]) -> bool:
    """A line of its own, short and without sentence punctuation: a sub-heading or a label."""
    words = [t for t in sent if not t.is_space]
    if not words or len(words) > HEADING_MAX_TOKENS or words[-1].text in SENTENCE_END:
        return False
    text = doc_text(words[0].doc)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    line_start = max(text.rfind("\n", 0, start), -1) + 1  # no slice of the text before: it is quadratic
    line_end = text.find("\n", end)
    after = text[end:line_end] if line_end >= 0 else text[end:]
    return not text[line_start:start].strip(" \t") and not after.strip(" \t")


def _timed(noun: Token, ctx: ArgContext) -> bool:
    """An event noun whose possessive is a time ("Friday's attack", "Tuesday's blast"): one act
    the reader is meant to know, not the generic kind ("at the time of arrest")."""
    return any(c.dep_ == "poss" and not ctx.can_participate(c) for c in noun.children)


# --- assembly --------------------------------------------------------------------------------
def _event(
    trig: Trigger, ctx: ArgContext, lex: EventLexicon, actor_tok: Token | None, target_tok: Token | None
) -> Event | None:
    if not _actor_fits(trig, actor_tok, ctx):
        refit = refit_for_actor(trig, lambda row: _actor_fits(replace(trig, entry=row), actor_tok, ctx))
        if refit is None:
            return None
        trig = refit
    if _vague_nominal(trig, actor_tok, target_tok, lex):
        return None
    if trig.entry.type == "ASSAULT" and actor_tok is not None and _natural_cause(actor_tok):
        return None
    said_actor = actor_tok  # "the attack, which ..., killing 137": a gerund with a subject, if no actor
    actor_tok = usable_participant(actor_tok, ctx, lex, "actor")
    target_tok = usable_participant(target_tok, ctx, lex, "target")
    actor = ctx.mention(actor_tok, role="actor") if actor_tok is not None else None
    target = ctx.mention(target_tok, role="target") if target_tok is not None else None
    if same_party(actor, target):
        target = None
    anchor = trig.noun if trig.kind == "nominal" and trig.noun is not None else trig.token
    place_heads = [anchor] + ([trig.noun] if trig.noun is not None and trig.noun != anchor else [])
    if trig.pattern_word is not None and trig.pattern_word.pos_ == "NOUN":
        place_heads.append(trig.pattern_word)  # "imposed a curfew in Lagos"
    if anchor.dep_ in {"xcomp", "advcl", "conj"}:
        place_heads.append(anchor.head)
    if trig.kind == "nominal" and anchor.dep_ == "pobj" and anchor.head.lower_ in ERRAND_PREPS:
        place_heads.append(anchor.head.head)  # "arrived in Amman on a visit"
    place = ctx.place_under(place_heads)
    if place is None and trig.noun is not None:
        place = modifier_place(trig.noun, ctx)
    if trig.kind == "nominal" and actor is None and target is None and not _timed(trig.token, ctx):
        return None  # "at the time of arrest": no participant, nothing to code
    if target is None and place is not None and actor is not None and trig.entry.mode not in _VENUE_MODES:
        target = place  # "imposed a curfew in Cizre": the place's people are acted on
    if _generic(trig, said_actor, ctx):
        return None
    if trig.entry.place_object and not (target_tok is not None and _is_place(target_tok, ctx)):
        return None
    qual = event_qualifiers(trig.token, lex)
    if qual.imagined:
        return None  # "to think that X were tortured": the writer's supposition, not a report
    modality = qual.modality
    if qual.deontic and trig.kind != "demand":
        modality = "hypothetical"  # "X must return ...": demanded, not done
    evidence = evidence_span(trig.token, noun=trig.noun, kind=trig.kind)
    kind = {"verb": "verb", "light": "verb+noun", "nominal": "noun", "demand": "demand with must/should"}[
        trig.kind
    ]
    date, date_from = event_date(ctx.doc, anchor, anchor.sent, trig.noun)
    published = ctx.doc._.published if Doc.has_extension("published") else None
    date_bound = published.isoformat() if date is None and published is not None else None
    why = trig.entry.why(kind)
    confidence = report_confidence(
        named_actor=is_named(actor), own_date=date_from == "clause", hedged=qual.hedged
    )
    if date_from in {"sentence", "passage"}:
        why += f"; dated by its {date_from}"
    elif date_from == "lede":
        why += "; dated by the article's news day (its lede's date)"
    return Event(
        type=trig.entry.type,
        mode=trig.entry.mode,
        actor=actor,
        target=target,
        place=place,
        date=date,
        date_bound=date_bound,
        negated=qual.negated,
        hedged=qual.hedged,
        modality=modality,
        why=why,
        evidence=evidence,
        confidence=confidence,
    )


def _actor_fits(trig: Trigger, actor_tok: Token | None, ctx: ArgContext) -> bool:
    """A general verb ("offer", "meet", "hand over") codes only with a person/group actor
    (``args`` column of plover_verbs.tsv); an absent actor (agentless passive) does not block."""
    rule = trig.entry.actor_rule
    if rule is None or actor_tok is None:
        return True
    tok = ctx.resolve(actor_tok)
    ent = ctx.entity_of(tok)
    return rule.admits(tok.lemma_.lower(), tok.lower_, ent.label if ent is not None else None)


def _vague_nominal(
    trig: Trigger, actor_tok: Token | None, target_tok: Token | None, lex: EventLexicon
) -> bool:
    """An event noun with no actor whose only participant is a bare "the case"/"the matter"
    ("The investigation into the case is ongoing") describes a state of affairs, not a
    reported act by anyone; PLOVER codes events with a source or a concrete target."""
    if trig.kind != "nominal" or actor_tok is not None or target_tok is None:
        return False
    if target_tok.lemma_.lower() not in lex.word_class("vague"):
        return False
    return not any(c.dep_ in {"poss", "compound", "prep", "amod", "nmod"} for c in target_tok.children)


def _natural_cause(actor_tok: Token) -> bool:
    """The doer is a natural cause of death ("a blood clot killed him", "heart failure killed the
    inmate"; ``fact_causes.tsv``): a death told by its cause, which the claim of it is, not an
    attack. PLOVER's ASSAULT needs someone who attacks."""
    words = [t for t in actor_tok.subtree if t.dep_ in {"compound", "amod"} or t == actor_tok]
    found = cause_category(" ".join(t.lower_ for t in words))
    return found is not None and found[0] == "natural"


def _is_place(tok: Token, ctx: ArgContext) -> bool:
    ent = ctx.entity_of(tok)
    return ent is not None and ent.label in {"GPE", "LOC", "FAC"}


def _generic(trig: Trigger, actor_tok: Token | None, ctx: ArgContext) -> bool:
    """Not a report of an event: a subject-less gerund naming an activity in general
    ("the importance of refusing to allow ...", "conducting online sales"), or a clause whose
    "actor" is a stretch of time ("the past few days have offered lessons")."""
    tok = trig.token
    while tok.dep_ in {"xcomp", "conj"} and not is_passive(tok) and subject_child(tok) is None:
        tok = tok.head  # "refusing to allow X": the chain's head decides
    if trig.kind != "nominal" and tok.tag_ == "VBG" and actor_tok is None and not is_passive(tok):
        return True
    if (
        trig.kind != "nominal"
        and tok.tag_ == "VBG"
        and subject_child(tok) is None
        and tok.dep_ in {"pcomp", "pobj", "csubj", "nsubj"}
    ):
        return True
    if actor_tok is not None:
        ent = ctx.entity_of(actor_tok)
        if ent is not None and ent.label in {"DATE", "TIME"}:
            return True
    return _habitual(trig, tok, ctx)


def _habitual(trig: Trigger, tok: Token, ctx: ArgContext) -> bool:
    """A present-simple verb after the lead with no auxiliary and no time of its own tells a habit.

    "Hamas fires rockets from residential areas" is a charge about what a party does, not one
    dated act; a headline-style lead ("Police arrest three men") is the exception.
    """
    return (trig.kind == "verb" and tok.tag_ in {"VBZ", "VBP"} and tok.sent.start > 0
            and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children) and not _has_time(tok, ctx))


def _has_time(verb: Token, ctx: ArgContext) -> bool:
    """Whether the clause carries a time or dateline token (what no participant may be)."""
    return any(not ctx.can_participate(t) for t in verb.subtree if t.i != verb.i)


def _paragraph_starts(doc: Doc) -> list[int]:
    text = doc_text(doc)  # Doc.text joins every token: read it once per Doc
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _infer_agentless_actors(doc: Doc, events: list[CodedEvent]) -> list[CodedEvent]:
    """Fill the actor of an agentless passive from the last same-type event in the paragraph."""
    starts = _paragraph_starts(doc)

    def paragraph(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    out: list[CodedEvent] = []
    for i, coded in enumerate(events):
        ev = coded.event
        if ev.actor is None and is_passive(coded.trigger):
            para = paragraph(ev.evidence.start)
            for prev in reversed(events[:i]):
                p = prev.event
                if paragraph(p.evidence.start) != para:
                    break
                if p.type == ev.type and p.actor is not None:
                    actor = Mention(
                        text=p.actor.text, canonical=p.actor.canonical or p.actor.text, inferred=True
                    )
                    why = f"{ev.why}; actor inferred from the preceding {p.type} event"
                    ev = ev.model_copy(update={"actor": actor, "why": why})
                    break
        out.append(replace(coded, event=ev))
    return out
