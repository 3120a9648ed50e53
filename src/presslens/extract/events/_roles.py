"""Who did it and to whom: the actor and target of an event trigger, over the dependency parse.

    event_roles(trigger, ctx, lex) -> (actor token, target token)
    usable_participant(token, ctx, lex, role) -> token | None

PLOVER codes a source actor and a target for every event (PLOVER manual 0.8, "Event data
fields"); the target is the party an act is directed at, never the thing handed over or the
act named by the object ("agreed a ceasefire", "staged a strike"): then the party inside
that act, the recipient in a to/for/from phrase, a reciprocal partner, or (in ``_coding``)
the event's place. Actors come from subjects, by-agents and the names on event nouns;
a subject borrowed through complement chains ("X is willing to send", "X expressed
readiness to negotiate"). Kept apart from ``_coding``, which assembles the Event records.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.extract._shared import SUBJECT_DEPS, own_subjects
from presslens.extract.events._args import ACTOR_SUBJECT_DEPS, PLACE_LABELS, TARGET_PREPS, ArgContext
from presslens.extract.events._lexicon import HOSTILE, EventLexicon
from presslens.extract.events._triggers import Trigger, causative_theme, noun_entry
from presslens.models import Mention

__all__ = [
    "ERRAND_PREPS",
    "event_roles",
    "is_party",
    "is_passive",
    "modifier_place",
    "same_party",
    "subject_child",
    "usable_participant",
]

INHERIT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp"})
#: Suffixes of abstract nominals ("explosion", "involvement", "awareness"): such a noun names a
#: happening or a quality, which does not act. Agent nouns (``agent`` class: government,
#: administration, commission) and named entities are exempt.
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
#: Suffixes of a noun naming an act ("refusal", "removal", "withdrawal", "denial", "closure").
ACT_SUFFIXES = (*ABSTRACT_SUFFIXES, "sal", "val", "wal", "nial", "sure")
#: Types of a verbal reaction to another act: their target is that act's doer.
REACTIONS = frozenset({"ACCUSE", "REJECT"})
#: Types whose target, when it is an act, is whoever did it: reactions and protests.
AIMED_AT_DOERS = REACTIONS | {"PROTEST"}
#: Entity labels of a party an act can be directed at.
PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
#: Prepositions whose object is the participant of an event noun: the verbs' target prepositions,
#: "of" ("the arrest of two editors") and "between" ("talks between X and Y", "a mediation
#: mission between X and Y": CAMEO 04x codes the mediated parties as targets).
NOUN_TARGET_PREPS = TARGET_PREPS | {"of", "between"}
#: Labels of a noun modifier that names who acted in an event noun ("an Israeli strike", "Hamas
#: rocket"); a place-name modifier names where ("the Moscow attack", "the Gaza hospital blast").
ACTOR_MODIFIER_LABELS = frozenset({"NORP", "ORG", "PERSON"})
#: Types of an event noun that is something said or offered ("a U.S. request", "an offer from
#: Afghanistan", "Washington's demand"): a country modifying it, or "from" it, is who made it, not
#: where (a meeting's place name is where: "the Moscow talks").
SAID_ACTS = frozenset({"REQUEST", "AGREE", "SUPPORT", "ACCUSE", "THREATEN", "REJECT", "CONCEDE", "AID"})


#: Prepositions naming who is asked to act ("called on Y to", "appealed to Y to", "pressed upon Y").
_CALLED_ON = frozenset({"on", "upon", "to"})


def _subject(verb: Token, ctx: ArgContext, depth: int = 0) -> Token | None:
    """The verb's subject, or the one it borrows through a complement/purpose/conjunct link.
    A dateline parsed as a subject is passed over ("LVIV (AP) — Gunmen attacked")."""
    for child in own_subjects(verb, ACTOR_SUBJECT_DEPS):
        if child.pos_ != "SPACE" and ctx.can_participate(child):
            return child
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "xcomp":  # "urged Y to support" -> Y; "agreed to visit" -> subject
            for child in head.children:
                if child.dep_ == "dobj":
                    return child
            asking = head.lemma_.lower() in ctx.lex.cue("request_head")  # not "went to Paris to meet"
            for prep in (c for c in head.children if asking and c.dep_ == "prep" and c.lower_ in _CALLED_ON):
                called = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if called is not None and prep.i < verb.i:
                    return called  # "called on Arabs to attack" -> Arabs
        if head.pos_ in {"VERB", "AUX"}:
            return _subject(head, ctx, depth + 1)
        if head.dep_ == "acomp" and head.head.pos_ in {"VERB", "AUX"}:
            return _subject(head.head, ctx, depth + 1)  # "X is willing / ready to send"
    if depth < 3 and verb.dep_ == "acl" and verb.head.lemma_.lower() in ctx.lex.cue("intent_head"):
        noun = verb.head  # "X expressed readiness to negotiate": X is who would negotiate
        if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            return _subject(noun.head, ctx, depth + 1)
    return None


def _first_conjunct(verb: Token) -> Token:
    """The first verb of a coordination ("found" in "was found, laid ... and interrogated")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and subject_child(verb) is None:
        verb = verb.head
    return verb


def subject_child(verb: Token) -> Token | None:
    return next(iter(own_subjects(verb, ACTOR_SUBJECT_DEPS)), None)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return _by_hands_of(next((g for g in child.children if g.dep_ == "pobj"), None))
    return None


def _by_hands_of(agent: Token | None) -> Token | None:
    """"carried out by the hands of X" (an idiom of officials' statements): X is the agent."""
    if agent is None or agent.lemma_.lower() != "hand":
        return agent
    of = next((c for c in agent.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return owner or agent


def is_passive(verb: Token) -> bool:
    """A passive clause, or a reduced passive participle ("Russians arrested on charges")."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or causative_theme(verb) is not None:
        return True
    if (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    ):
        return is_passive(_first_conjunct(verb))  # "X was found ..., and interrogated"
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
        if child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPS:
            if child.lower_ == "of" and entry is not None and entry.of_actor:
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is None or f"{noun.lemma_.lower()} {child.lower_} {pobj.lemma_.lower()}" in lex.nouns:
                continue  # "state of emergency": the of-phrase is part of the event's name
            if ctx.can_participate(pobj):
                return pobj
    for child in noun.children:  # "its demand that Israel ease ...": who is to act, or is accused
        if child.dep_ in {"acl", "ccomp"} and child.pos_ in {"VERB", "AUX"}:
            subj = next((g for g in child.children if g.dep_ in SUBJECT_DEPS), None)
            if subj is not None and subj.pos_ in {"PROPN", "NOUN"} and ctx.can_participate(subj):
                return subj
    poss = _possessor(noun, ctx)
    if poss is not None or entry is None or entry.type not in HOSTILE:
        return poss
    # "the hospital attack", "the Moscow concert hall attack": the site modifying the act is what it hit
    return next(
        (c for c in noun.lefts if c.dep_ == "compound" and c.lemma_.lower() in lex.word_class("site")), None
    )


def _possessor(noun: Token, ctx: ArgContext) -> Token | None:
    """The possessive of an event noun when it can be a participant: "Israel's strike", "the
    editors' arrest"; not a time ("Friday's attack" says when, not who)."""
    return next((c for c in noun.children if c.dep_ == "poss" and ctx.can_participate(c)), None)


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
    return subject_child(gov)


#: Prepositions by which a verb of going names the act it goes to do ("on a visit", "for talks").
ERRAND_PREPS = frozenset({"on", "for"})


def _traveller(noun: Token, ctx: ArgContext) -> Token | None:
    """The subject of a verb of going whose on/for phrase is this event noun: "X arrived in Amman
    on a visit", "the envoy left for talks" (class ``travel`` of plover_classes.tsv). Only an
    active subject: "was killed in an attack" names a victim, and "in" is not an errand."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ERRAND_PREPS or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.lex.word_class("travel"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and ctx.can_participate(c)), None)


def _noun_actor(noun: Token, ctx: ArgContext, entry_of_actor: bool) -> Token | None:
    responsible = _responsible_party(noun, ctx.lex) or _traveller(noun, ctx)
    if responsible is not None:
        return responsible
    possessor = _possessor(noun, ctx)
    if possessor is not None:
        return possessor
    entry = noun_entry(noun, ctx.lex)
    said = entry is not None and entry.type in SAID_ACTS  # "a U.S. request", "an offer from Kabul"
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ == "by" or (child.lower_ == "of" and entry_of_actor)
                                     or (child.lower_ == "from" and said)):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    labels = ACTOR_MODIFIER_LABELS | ({"GPE"} if said else set())
    # "the Crocus City Hall attack": a site named before a hostile act is what it hit, whatever NER calls it
    hit = ctx.lex.word_class("site") if entry is not None and entry.type in HOSTILE else frozenset()
    for child in noun.lefts:
        ent = ctx.entity_of(child)
        if (child.dep_ in {"compound", "amod"} and ent is not None and ent.label in labels
                and child.lemma_.lower() not in hit):
            return child
    return None


def modifier_place(noun: Token, ctx: ArgContext) -> Mention | None:
    """A place-name modifier of an event noun: "the Moscow concert hall attack" -> Moscow."""
    for child in noun.lefts:
        ent = ctx.entity_of(child)
        if child.dep_ in {"compound", "amod", "nmod"} and ent is not None and ent.label in PLACE_LABELS:
            return ent.mention()
        if child.dep_ == "compound":  # "the Gaza hospital attack": Gaza modifies "hospital"
            inner = modifier_place(child, ctx)
            if inner is not None:
                return inner
    return None


def usable_participant(tok: Token | None, ctx: ArgContext, lex: EventLexicon, role: str) -> Token | None:
    """`tok` if it can be an actor/target, else None.

    Participants are decided by what they are, not by a list of words: never a time
    expression or a dateline; an actor is never an event noun ("the attack that killed 139":
    the attack did not act, its unnamed perpetrators did), a happening or a weapon ("the blast
    killed 20", "a rocket hit the hospital") nor another abstract nominal; an act or a weapon
    that names its own actor ("Israeli strikes killed 20", "a Hamas rocket") stands for that actor.
    """
    if tok is None:
        return None
    head = ctx.resolve(tok)
    if not (ctx.can_participate(tok) and ctx.can_participate(head)):
        return None
    if role == "actor" and head is not tok and (act := _act_around(head, ctx, lex)) is not None:
        head = tok = act  # "the attack on the venue that killed 137": the attack killed, not the venue
    if role == "actor" and head.lemma_.lower() in lex.word_class("ailment"):
        return None  # "the flu killed 50 million", "Cholera killed 200": no one did it (any tag NER gives)
    if role != "actor" or head.pos_ != "NOUN" or ctx.entity_of(head) is not None:
        return tok
    lemma = head.lemma_.lower()
    if lemma in lex.word_class("agent"):
        return tok
    if lemma in lex.word_class("allegation"):  # "Russia's claims that seek to accuse Ukraine": Russia
        by = _noun_actor(head, ctx, True)
        return by if by is not None and by != head and ctx.can_participate(by) else None
    if lemma in lex.word_class("occurrence") or lemma in lex.word_class("projectile"):
        # "the blast killed 20", "a rocket hit the hospital": a happening or a weapon is no one;
        # the party it names is ("an Israeli missile", "a Hamas rocket")
        by = _noun_actor(head, ctx, False)
        return by if by is not None and by != head and ctx.can_participate(by) else None
    entry = noun_entry(head, lex)
    if entry is not None:  # "US drone strikes killed eight": who struck is named on the act
        by = _noun_actor(head, ctx, entry.of_actor)
        return by if by is not None and by != head and ctx.can_participate(by) else None
    if lemma.endswith(ABSTRACT_SUFFIXES):
        return None
    return tok


def _act_around(antecedent: Token, ctx: ArgContext, lex: EventLexicon) -> Token | None:
    """The act noun whose prepositional phrase holds a relative clause's antecedent, if that is no party.

    The parser attaches "that killed 137" in "the attack on the venue that killed 137" to the
    nearest noun; a place or a thing does not act, so the clause tells of the act around it
    (the classic prepositional-attachment ambiguity, resolved by who can be an agent).
    """
    if antecedent.dep_ != "pobj" or is_party(antecedent, ctx):
        return None
    prep = antecedent.head
    noun = prep.head
    if prep.dep_ != "prep" or noun.pos_ != "NOUN":
        return None
    if noun_entry(noun, lex) is None and noun.lemma_.lower() not in lex.word_class("occurrence"):
        return None
    return noun


def same_party(actor: Mention | None, target: Mention | None) -> bool:
    """Actor and target name one party ("Putin ... Putin"); a reflexive target is exempt."""
    if actor is None or target is None or target.text.lower().endswith("self"):
        return False
    a = (actor.canonical or actor.text).casefold()
    t = (target.canonical or target.text).casefold()
    return a == t


def _act_party(theme: Token, trig: Trigger, lex: EventLexicon, ctx: ArgContext) -> tuple[bool, Token | None]:
    """Whether `theme` names an act rather than a party, and the party inside it.

    PLOVER's target is an actor; an object or passive subject that is itself an event noun
    ("agreed a ceasefire", "staged a strike", "sanctions were imposed on Iran") is no target,
    but the party in its phrase is ("rejected calls by Annan", "demanded the withdrawal of
    Serbian forces", "a mediation mission between X and Y"). A verbal reaction to an act
    (ACCUSE, REJECT: "condemned Israel's strike on Gaza", "rejected the proposal by Annan")
    is directed at whoever did the act, so the act's actor comes first there.
    """
    names_act = noun_entry(theme, lex) is not None or (trig.noun is not None and trig.noun.head == theme)
    if not names_act or theme.pos_ != "NOUN" or ctx.entity_of(theme) is not None:
        return False, theme
    entry = noun_entry(theme, lex)
    doer = _noun_actor(theme, ctx, entry is not None and entry.of_actor)
    if trig.entry.type in REACTIONS and doer is not None:
        return True, doer
    return True, _noun_target(theme, lex, ctx) or doer


def _verb_target(
    verb: Token, trig: Trigger, lex: EventLexicon, ctx: ArgContext, passive: bool
) -> Token | None:
    if passive:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c != trig.pattern_word), None)
        subj = subj or causative_theme(verb)
        if subj is None and verb.dep_ in {"acl", "relcl"}:
            subj = verb.head  # "the curfew imposed in Sudan", "the prisoners handed over"
        if subj is not None:
            is_act, party = _act_party(subj, trig, lex, ctx)
            if party is not None or not is_act:
                return party
        elif verb.dep_ == "conj" and subject_child(verb) is None:  # "X was found ... and interrogated"
            first = _first_conjunct(verb)
            shared = next((c for c in first.children if c.dep_ == "nsubjpass"), None)
            if shared is not None:
                return shared
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"} and child != trig.pattern_word:
            if child.pos_ == "ADP":  # "provided weapons to Estonia": a "to" the parser calls dative
                child = next((g for g in child.children if g.dep_ == "pobj"), None)
                if child is None:
                    continue
            is_act, party = _act_party(child, trig, lex, ctx)
            if party is not None or not is_act:
                return party
    if trig.noun is not None:
        inner = _noun_target(trig.noun, lex, ctx)
        if inner is not None:
            return inner
    pw = trig.pattern_word
    if pw is not None and pw.pos_ == "NOUN" and pw.dep_ == "pobj":  # "called for sanctions against X"
        inner = _noun_target(pw, lex, ctx)
        if inner is not None:
            return inner
    if pw is not None and pw.pos_ == "NOUN" and pw.dep_ == "dobj":
        # "issued an ultimatum to Ecuador": a party the pattern's noun is addressed to; not its
        # possessor ("opened its borders": the actor's own) nor a thing ("an investigation into crimes")
        inner = _noun_target(pw, lex, ctx)
        if inner is not None and inner.dep_ == "pobj" and is_party(inner, ctx):
            return inner
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


def event_roles(trig: Trigger, ctx: ArgContext, lex: EventLexicon) -> tuple[Token | None, Token | None]:
    tok = trig.token
    if trig.kind == "nominal":
        target = _noun_target(tok, lex, ctx)
        if trig.entry.type in AIMED_AT_DOERS:
            target = _doer(_protested(tok, target, ctx, lex), ctx, lex)
        actor = _noun_actor(tok, ctx, trig.entry.of_actor)
        if actor is not None and target is not None and actor.i == target.i:
            target = None  # "the government's refusal": the possessor is who refused, not whom
        return actor, target
    if trig.kind == "demand" and trig.pattern_word is not None:
        comp = trig.pattern_word
        target = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
        return _subject(tok, ctx), target
    passive = is_passive(tok)
    actor = _agent(tok) if passive else _subject(tok, ctx)
    if trig.entry.subject_is_target and not passive:  # "X will remain in custody"
        return None, actor
    if passive and actor is None and trig.entry.to_actor:  # "was summoned to the Ministry"
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        actor = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if passive and actor is None and trig.entry.stative:  # "Israel is opposed to the plan"
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        holder = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if to is not None and holder is not None:
            obj = next((g for g in to.children if g.dep_ == "pobj"), None)
            _, party = _act_party(obj, trig, lex, ctx) if obj is not None else (False, None)
            return holder, party
    target = _verb_target(tok, trig, lex, ctx, passive)
    target = _aimed_at(tok, target, lex) or _recipient(tok, target, ctx, lex) or target
    if target is not None and target.lemma_.lower() in lex.word_class("projectile"):
        target = None  # "a rocket launched by X", "missiles were fired": the weapon, not who it hit
    if target is None and actor is not None and not passive:  # "launched by Hamas and PIJ": co-agents
        target = _reciprocal_partner(actor, ctx)
    if trig.entry.type in AIMED_AT_DOERS:
        target = _doer(_protested(tok, target, ctx, lex), ctx, lex)
    if actor is not None and target is not None and actor.i == target.i:
        target = None
    return actor, target


#: Prepositions after a stance noun that lead to what is protested ("in protest at", "in defiance of").
STANCE_PREPS = frozenset({"of", "at", "against", "over", "to"})


def _protested(verb: Token, target: Token | None, ctx: ArgContext, lex: EventLexicon) -> Token | None:
    """What a protest or a reaction is against when an "in protest at / in defiance of" phrase names
    it (on the verb or its object: "continued a hunger strike in protest at X"), else `target`.
    Whoever did an act so named is found by ``_doer``."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
            stance = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if stance is None or stance.lemma_.lower() not in lex.word_class("stance"):
                continue
            for inner in (c for c in stance.children if c.dep_ == "prep" and c.lower_ in STANCE_PREPS):
                obj = next((g for g in inner.children if g.dep_ == "pobj"), None)
                if obj is not None and ctx.can_participate(obj):
                    return obj
    return target


def _doer(target: Token | None, ctx: ArgContext, lex: EventLexicon) -> Token | None:
    """Who did the act a reaction or a protest is aimed at ("protested against the government's
    refusal", "demonstrations against the violations by the army"): PLOVER's target is an actor.
    A target that is no act, or an act whose doer is not named, stays."""
    if target is None or target.pos_ != "NOUN" or ctx.entity_of(target) is not None:
        return target
    by = next((g for c in target.children if c.dep_ == "prep" and c.lower_ == "by"
               for g in c.children if g.dep_ == "pobj"), None)
    if by is not None and ctx.can_participate(by):  # "the closure of the port by the navy"
        return by
    entry = noun_entry(target, lex)
    lemma = target.lemma_.lower()
    if entry is None and (not lemma.endswith(ACT_SUFFIXES) or lemma in lex.word_class("agent")):
        return target  # not an act; "government", "commission" are bodies that act
    return _noun_actor(target, ctx, entry is not None and entry.of_actor) or target


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
    if theme is not None and theme.lemma_.lower() in lex.word_class("agent") and not _own(theme):
        return None
    heads = [verb] + ([theme, *(c for c in theme.children if c.dep_ == "conj")] if theme is not None else [])
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):  # "threatened to cut off X to Y"
        objects = [c for c in comp.children if c.dep_ in {"dobj", "dative"}]
        named = next((o for o in objects if is_party(o, ctx)), None)
        if named is not None and theme is None:
            return named  # "refused to meet Jordan's King"
        heads += [comp, *objects]
    for head in heads:
        for child in head.children:
            # the parser may label "to" after a verb of giving "dative" ("providing X to Macedonia")
            if child.dep_ not in {"prep", "dative"} or child.lower_ not in RECIPIENT_PREPS:
                continue
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and is_party(pobj, ctx):
                return pobj
    return None


def _own(theme: Token) -> bool:
    """A group the actor disposes of ("its troops", "their forces"): a possessive pronoun on
    the theme points back at the actor, so the group is what is sent or withdrawn, and the
    party it is sent to or withdrawn from is the target (CAMEO 0872, 074)."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in theme.children)


def is_party(tok: Token, ctx: ArgContext) -> bool:
    """A named party, a common noun a nationality or a state names ("Cambodian refugee camp",
    "Iraqi towns"): CAMEO codes such a phrase by its country; or an office or body of a named
    party ("the president of Armenia")."""
    ent = ctx.entity_of(tok)
    if ent is not None:
        return ent.label in PARTY_LABELS
    if tok.pos_ != "NOUN":
        return False
    if any(c.dep_ in {"amod", "compound"} and _labelled(c, ctx, {"NORP", "GPE"}) for c in tok.lefts):
        return True
    # "the president of Armenia", "the government of Sudan": an office or body of a named party
    return tok.lemma_.lower() in ctx.lex.word_class("agent") and any(
        _labelled(g, ctx, PARTY_LABELS)
        for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"
    )


def _labelled(tok: Token, ctx: ArgContext, labels: frozenset[str] | set[str]) -> bool:
    ent = ctx.entity_of(tok)
    return ent is not None and ent.label in labels


def _reciprocal_partner(actor: Token, ctx: ArgContext) -> Token | None:
    """ "Jordan and Britain agreed to ...": each named party is the other's target (PLOVER codes
    a joint act between coordinated actors as SRC and TAR)."""
    if ctx.entity_of(actor) is None:
        return None
    return next((c for c in actor.children if c.dep_ == "conj" and ctx.entity_of(c) is not None), None)
