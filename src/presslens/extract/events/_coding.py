"""PLOVER event coding: who did what to whom, where and when.

    event_mentions(doc) -> list[Event]

Every event trigger (``_triggers``) becomes an ``Event`` coded in PLOVER (PLOVER manual
draft 0.8; CAMEO 1.1b3 verb dictionaries mapped with CAMEO2PLOVER-2021.txt) with its actor,
target, place and date (``_args``), negation/hedging/modality (``_modality``) and
the clause that states it (``_evidence``). Constructions covered, all over the
dependency parse: active and passive clauses (with or without a by-agent), relative and
participial clauses (the antecedent is the participant), complement/purpose chains
("raided the home to arrest him"), light verbs with event nouns ("staged a protest"), free
event nouns ("the arrest of two editors", "a raid on X"), demands reported with *must*.

A passive without an agent borrows, marked ``inferred=True``, the actor of the nearest
preceding event of the same PLOVER type in the same paragraph: news reports name the
arresting authority once and then write "X was also detained".
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from presslens.confidence import is_named, report_confidence
from presslens.extract._dating import event_date
from presslens.extract._shared import SUBJECT_DEPS
from presslens.extract.events._args import ACTOR_SUBJECT_DEPS, PLACE_LABELS, TARGET_PREPS, ArgContext
from presslens.extract.events._coded import CodedEvent
from presslens.extract.events._coref import merge_anaphoric_mentions, merge_clause_duplicates
from presslens.extract.events._evidence import evidence_span
from presslens.extract.events._lexicon import COOPERATIVE, HOSTILE, EventLexicon, event_lexicon
from presslens.extract.events._modality import event_qualifiers
from presslens.extract.events._triggers import Trigger, find_triggers, noun_entry
from presslens.models import Event, Mention

__all__ = ["coded_events", "event_mentions", "plover_code"]

log = logging.getLogger(__name__)

INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp"})
#: Suffixes of abstract nominals ("explosion", "involvement", "awareness"): such a noun names a
#: happening or a quality, which does not act. Agent nouns (``agent`` class: government,
#: administration, commission) and named entities are exempt.
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
#: Labels of a noun modifier that names who acted in an event noun ("an Israeli strike", "Hamas
#: rocket"); a place-name modifier names where ("the Moscow attack", "the Gaza hospital blast").
ACTOR_MODIFIER_LABELS = frozenset({"NORP", "ORG", "PERSON"})


def event_mentions(doc: Doc) -> list[Event]:
    """Every PLOVER event stated in `doc`, in text order."""
    return [c.event for c in coded_events(doc)]


def plover_code(event: Event) -> str:
    """The PLOVER type a GSR coder would give, applying PLOVER's intent conventions.

    PLOVER codes a cooperative act reported as intended or conditional as AGREE
    ("All cooperative actions reported in future tense are also taken to imply
    intentions", plover_reference.html) and its negated intention as REJECT ("refuse to
    meet"); an announced or conditional material hostile act as THREATEN (CAMEO 13x).
    ``Event.type`` itself keeps the act that is spoken of.
    """
    if event.modality == "asserted":
        return event.type
    if event.type in COOPERATIVE:
        return "REJECT" if event.negated else "AGREE"
    if event.type in HOSTILE:
        return "THREATEN"
    return event.type


def coded_events(doc: Doc) -> list[CodedEvent]:
    """Events with their trigger tokens (see ``event_mentions``)."""
    lex = event_lexicon()
    ctx = ArgContext(doc)
    out: list[CodedEvent] = []
    for sent in doc.sents:
        if _is_heading(sent):
            continue
        for trig in find_triggers(list(sent), lex):
            actor_tok, target_tok = _roles(trig, ctx, lex)
            event = _event(trig, ctx, lex, actor_tok, target_tok)
            if event is not None:
                out.append(CodedEvent(event, trig.token, trig.entry, trig.kind, actor_tok, target_tok))
    out = merge_anaphoric_mentions(merge_clause_duplicates(out), ctx)
    return _infer_agentless_actors(doc, out)


#: A heading is a short line; a longer unpunctuated line is a sentence whose full stop was lost.
HEADING_MAX_TOKENS = 5
#: What ends a sentence; a line without it ("Moscow protests") is a heading, not a report.
SENTENCE_END = frozenset({".", "!", "?", "\"", "”", "’", "'", ":", ";", "…", ")"})


def _is_heading(sent: Span) -> bool:
    """A line of its own, short and without sentence punctuation: a sub-heading or a label."""
    words = [t for t in sent if not t.is_space]
    if not words or len(words) > HEADING_MAX_TOKENS or words[-1].text in SENTENCE_END:
        return False
    text = sent.doc.text
    before = text[: words[0].idx].rstrip(" \t")
    after = text[words[-1].idx + len(words[-1]) :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


# --- participants ----------------------------------------------------------------------------
def _subject(verb: Token, ctx: ArgContext, depth: int = 0) -> Token | None:
    """The verb's subject, or the one it borrows through a complement/purpose/conjunct link.
    A dateline parsed as a subject is passed over ("LVIV (AP) — Gunmen attacked")."""
    for child in verb.children:
        if child.dep_ in ACTOR_SUBJECT_DEPS and child.pos_ != "SPACE" and ctx.can_participate(child):
            return child
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "xcomp":  # "urged Y to support" -> Y; "agreed to visit" -> subject
            for child in head.children:
                if child.dep_ == "dobj":
                    return child
        if head.pos_ in {"VERB", "AUX"}:
            return _subject(head, ctx, depth + 1)
    return None


def _first_conjunct(verb: Token) -> Token:
    """The first verb of a coordination ("found" in "was found, laid ... and interrogated")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and _subject_child(verb) is None:
        verb = verb.head
    return verb


def _subject_child(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ACTOR_SUBJECT_DEPS), None)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    """A passive clause, or a reduced passive participle ("Russians arrested on charges")."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    ):
        return _is_passive(_first_conjunct(verb))  # "X was found ..., and interrogated"
    return (
        verb.dep_ in {"acl", "relcl"}
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    )


def _noun_target(noun: Token, lex: EventLexicon, ctx: ArgContext) -> Token | None:
    """The participant inside an event noun phrase: of/on/against object, else possessive.
    A time is skipped ("a visit on Wednesday")."""
    entry = noun_entry(noun, lex)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS | {"of"}:
            if child.lower_ == "of" and entry is not None and entry.of_actor:
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and ctx.can_participate(pobj):
                return pobj
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _responsible_party(noun: Token, lex: EventLexicon) -> Token | None:
    """Who is named as behind an event noun: "X was behind the attack", "the men behind the
    attack", "X is responsible for the blast", "X masterminded the bombing"."""
    cues = lex.cue("responsibility")
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in cues:
        gov: Token | None = head
    elif noun.dep_ == "pobj" and head.lower_ in cues:
        gov = head.head
    elif noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ in cues:
        gov = head.head.head if head.head.dep_ == "acomp" else None
    else:
        gov = None
    if gov is None:
        return None
    if gov.pos_ in {"NOUN", "PROPN"}:
        return gov
    return next((c for c in gov.children if c.dep_ in ACTOR_SUBJECT_DEPS), None)


def _noun_actor(noun: Token, ctx: ArgContext, entry_of_actor: bool) -> Token | None:
    responsible = _responsible_party(noun, ctx.lex)
    if responsible is not None:
        return responsible
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and (child.lower_ == "by" or (child.lower_ == "of" and entry_of_actor)):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in noun.lefts:
        ent = ctx.entity_of(child)
        if child.dep_ in {"compound", "amod"} and ent is not None and ent.label in ACTOR_MODIFIER_LABELS:
            return child
    return None


def _modifier_place(noun: Token, ctx: ArgContext) -> Mention | None:
    """A place-name modifier of an event noun: "the Moscow concert hall attack" -> Moscow."""
    for child in noun.lefts:
        ent = ctx.entity_of(child)
        if child.dep_ in {"compound", "amod", "nmod"} and ent is not None and ent.label in PLACE_LABELS:
            return Mention(text=ent.text, canonical=ent.canonical, start=ent.start, end=ent.end)
        if child.dep_ == "compound":  # "the Gaza hospital attack": Gaza modifies "hospital"
            inner = _modifier_place(child, ctx)
            if inner is not None:
                return inner
    return None


def _participant(tok: Token | None, ctx: ArgContext, lex: EventLexicon, role: str) -> Token | None:
    """`tok` if it can be an actor/target, else None.

    Participants are decided by what they are, not by a list of words: never a time
    expression or a dateline; an actor is never an event noun ("the attack that killed 139":
    the attack did not act, its unnamed perpetrators did) nor another abstract nominal.
    """
    if tok is None:
        return None
    head = ctx.resolve(tok)
    if not (ctx.can_participate(tok) and ctx.can_participate(head)):
        return None
    if role != "actor" or head.pos_ != "NOUN" or ctx.entity_of(head) is not None:
        return tok
    lemma = head.lemma_.lower()
    if lemma in lex.word_class("agent"):
        return tok
    if noun_entry(head, lex) is not None or lemma.endswith(ABSTRACT_SUFFIXES):
        return None
    return tok


def _same_party(actor: Mention | None, target: Mention | None) -> bool:
    """Actor and target name one party ("Putin ... Putin"); a reflexive target is exempt."""
    if actor is None or target is None or target.text.lower().endswith("self"):
        return False
    a = (actor.canonical or actor.text).casefold()
    t = (target.canonical or target.text).casefold()
    return a == t


def _verb_target(
    verb: Token, trig: Trigger, lex: EventLexicon, ctx: ArgContext, passive: bool
) -> Token | None:
    if passive:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c != trig.pattern_word), None)
        if subj is not None:
            return subj
        if verb.dep_ in {"acl", "relcl"}:
            return verb.head
        if verb.dep_ == "conj" and _subject_child(verb) is None:  # "X was found ... and interrogated"
            first = _first_conjunct(verb)
            shared = next((c for c in first.children if c.dep_ == "nsubjpass"), None)
            if shared is not None:
                return shared
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and child != trig.pattern_word:
            if noun_entry(child, lex) is not None and child.pos_ == "NOUN":
                return _noun_target(child, lex, ctx) or child
            return child
    if trig.noun is not None:
        inner = _noun_target(trig.noun, lex, ctx)
        if inner is not None:
            return inner
    pw = trig.pattern_word
    if pw is not None and pw.dep_ == "prep":
        pobj = next((g for g in pw.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            return _noun_target(pobj, lex, ctx) if noun_entry(pobj, lex) else pobj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS and child != pw:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj != pw and ctx.can_participate(pobj):
                return pobj
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            subj = next((g for g in child.children if g.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                return subj
    return None


def _roles(trig: Trigger, ctx: ArgContext, lex: EventLexicon) -> tuple[Token | None, Token | None]:
    tok = trig.token
    if trig.kind == "nominal":
        entry_of_actor = trig.entry.of_actor
        return _noun_actor(tok, ctx, entry_of_actor), _noun_target(tok, lex, ctx)
    if trig.kind == "demand" and trig.pattern_word is not None:
        comp = trig.pattern_word
        target = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        return _subject(tok, ctx), target
    passive = _is_passive(tok)
    actor = _agent(tok) if passive else _subject(tok, ctx)
    if trig.entry.subject_is_target and not passive:  # "X will remain in custody"
        return None, actor
    if passive and actor is None and trig.entry.to_actor:  # "was summoned to the Ministry"
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        actor = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    target = _verb_target(tok, trig, lex, ctx, passive)
    target = _aimed_at(tok, target, lex) or _recipient(tok, target, ctx, lex) or target
    if target is None and actor is not None:
        target = _reciprocal_partner(actor, ctx)
    if actor is not None and target is not None and actor.i == target.i:
        target = None
    return actor, target


#: Prepositions that name what a shot is aimed at ("fired rockets at the village").
AIM_PREPS = frozenset({"at", "on", "into", "toward", "towards", "against"})


def _aimed_at(verb: Token, theme: Token | None, lex: EventLexicon) -> Token | None:
    """The target of a shot: a fired projectile is the instrument, what it is aimed at the target."""
    if theme is None or theme.lemma_.lower() not in lex.word_class("projectile"):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in AIM_PREPS:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


#: Prepositions whose entity object is the party an act is directed at ("offered troops to
#: Lebanon", "aid for Romania", "talks with Syria", "sanctions against Iran").
RECIPIENT_PREPS = frozenset({"to", "for", "with", "against", "from", "toward", "towards", "on"})


def _recipient(verb: Token, theme: Token | None, ctx: ArgContext, lex: EventLexicon) -> Token | None:
    """The political target when the object is only the thing handed over or acted with.

    PLOVER's target is the actor an event is directed at, not the theme: "Syria offered its
    troops to Lebanon" targets Lebanon, "provides intelligence to Macedonia" Macedonia. A theme
    that is itself a named party, a person or group noun keeps its place.
    """
    if theme is not None and (ctx.entity_of(theme) is not None or theme.pos_ != "NOUN"):
        return None
    if theme is not None and theme.lemma_.lower() in lex.word_class("agent"):
        return None
    heads = [verb] + ([theme] if theme is not None else [])
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):  # "threatened to cut off X to Y"
        objects = [c for c in comp.children if c.dep_ in {"dobj", "dative"}]
        named = next((o for o in objects if _is_party(o, ctx)), None)
        if named is not None and theme is None:
            return named  # "refused to meet Jordan's King"
        heads += [comp, *objects]
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in RECIPIENT_PREPS:
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and _is_party(pobj, ctx):
                return pobj
    return None


def _is_party(tok: Token, ctx: ArgContext) -> bool:
    ent = ctx.entity_of(tok)
    return ent is not None and ent.label in {"GPE", "ORG", "NORP", "PERSON"}


def _reciprocal_partner(actor: Token, ctx: ArgContext) -> Token | None:
    """ "Jordan and Britain agreed to ...": each named party is the other's target (PLOVER codes
    a joint act between coordinated actors as SRC and TAR)."""
    if ctx.entity_of(actor) is None:
        return None
    return next((c for c in actor.children if c.dep_ == "conj" and ctx.entity_of(c) is not None), None)


# --- assembly --------------------------------------------------------------------------------
def _event(
    trig: Trigger, ctx: ArgContext, lex: EventLexicon, actor_tok: Token | None, target_tok: Token | None
) -> Event | None:
    if not _actor_fits(trig, actor_tok, ctx) or _vague_nominal(trig, actor_tok, target_tok, lex):
        return None
    actor_tok = _participant(actor_tok, ctx, lex, "actor")
    target_tok = _participant(target_tok, ctx, lex, "target")
    actor = ctx.mention(actor_tok, role="actor") if actor_tok is not None else None
    target = ctx.mention(target_tok, role="target") if target_tok is not None else None
    if _same_party(actor, target):
        target = None
    anchor = trig.noun if trig.kind == "nominal" and trig.noun is not None else trig.token
    place_heads = [anchor] + ([trig.noun] if trig.noun is not None and trig.noun != anchor else [])
    if anchor.dep_ in {"xcomp", "advcl", "conj"}:
        place_heads.append(anchor.head)
    place = ctx.place_under(place_heads)
    if place is None and trig.noun is not None:
        place = _modifier_place(trig.noun, ctx)
    if trig.kind == "nominal" and actor is None and target is None:
        return None  # "at the time of arrest": no participant, nothing to code
    if _generic(trig, actor_tok, ctx):
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
    date, date_from = event_date(ctx.doc, anchor, anchor.sent)
    published = ctx.doc._.published if Doc.has_extension("published") else None
    date_bound = published.isoformat() if date is None and published is not None else None
    why = trig.entry.why(kind)
    confidence = report_confidence(
        named_actor=is_named(actor), own_date=date_from == "clause", hedged=qual.hedged
    )
    if date_from in {"sentence", "passage"}:
        why += f"; dated by its {date_from}"
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


def _is_place(tok: Token, ctx: ArgContext) -> bool:
    ent = ctx.entity_of(tok)
    return ent is not None and ent.label in {"GPE", "LOC", "FAC"}


def _generic(trig: Trigger, actor_tok: Token | None, ctx: ArgContext) -> bool:
    """Not a report of an event: a subject-less gerund naming an activity in general
    ("the importance of refusing to allow ...", "conducting online sales"), or a clause whose
    "actor" is a stretch of time ("the past few days have offered lessons")."""
    tok = trig.token
    while tok.dep_ in {"xcomp", "conj"} and not _is_passive(tok) and _subject_child(tok) is None:
        tok = tok.head  # "refusing to allow X": the chain's head decides
    if trig.kind != "nominal" and tok.tag_ == "VBG" and actor_tok is None and not _is_passive(tok):
        return True
    if (
        trig.kind != "nominal"
        and tok.tag_ == "VBG"
        and _subject_child(tok) is None
        and tok.dep_ in {"pcomp", "pobj", "csubj", "nsubj"}
    ):
        return True
    if actor_tok is not None:
        ent = ctx.entity_of(actor_tok)
        if ent is not None and ent.label in {"DATE", "TIME"}:
            return True
    return False


def _paragraph_starts(doc: Doc) -> list[int]:
    text = doc.text  # Doc.text joins every token: read it once, not per line
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
        if ev.actor is None and _is_passive(coded.trigger):
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
