"""Event coreference inside one article: one act, one event record.

    merge_clause_duplicates(events) -> events
    merge_anaphoric_mentions(events, ctx) -> events

Two rules, both over the dependency parse and the coded events of ``_coding.coded_events``:

1. *Clause-chain duplicates.* A writer often states one act twice in a clause chain: "it has
   labeled X as inappropriate, accusing it of interfering" (ACCUSE twice). Events of the same
   PLOVER type whose triggers are linked by an adverbial, open-complement or coordinated
   clause (``advcl``/``xcomp``/``conj``), with the same polarity and modality and a shared
   target (same entity, or a pronoun that can stand for it), are one event. The more specific
   CAMEO code is kept (a longer code is deeper in the CAMEO 1.1b3 tree) and both triggers are
   recorded in ``why``. Different targets stay apart: "raided the home to arrest him".
2. *Anaphoric mentions.* A definite or demonstrative event noun ("the arrest of these
   Russians") or an infinitive modifying a definite noun ("The operation to detain X") that
   follows a report of the same act refers back to it, as definite descriptions do (event
   coreference in the ACE/ECB+ sense: Bejan & Harabagiu 2010; Lee et al. 2012 use the same
   cues: event type, compatible arguments, a short distance). It is not a new event; it
   enriches the earlier one with a missing actor, place or date. Finite clauses are new
   assertions and never anaphors ("X was initially released ..." / "X was released later").
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from spacy.tokens import Token

from presslens.extract._shared import PLURAL_PRONOUNS, doc_sentences, doc_text
from presslens.extract.events._args import DEMONSTRATIVES, ArgContext
from presslens.extract.events._coded import CodedEvent
from presslens.models import Event, Mention, TextSpan

__all__ = ["merge_anaphoric_mentions", "merge_clause_duplicates", "same_participant"]

log = logging.getLogger(__name__)

#: Dependencies that link two clauses of one chain (participle, purpose/complement, conjunct).
CHAIN_DEPS = frozenset({"advcl", "xcomp", "conj"})
CHAIN_STEPS = 2
DEFINITE = DEMONSTRATIVES | {"the"}
NON_PERSON_PRONOUNS = frozenset({"it", "this", "that"})
#: Plural pronouns a target can be ("they", "them"): "their" is a determiner, never a target.
PLURAL_TARGET_PRONOUNS = PLURAL_PRONOUNS - {"their"}
#: How far back (in sentences) an anaphoric event mention may point. A definite description
#: of an event picks up a report from the same passage; on the seed article the farthest
#: true pair ("were detained" ... "the arrest of these Russians") is 6 sentences apart.
ANAPHORA_WINDOW = 8


def _key(m: Mention) -> str:
    text = (m.canonical or m.text).replace("’", "'").lower()
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"'s$", "", text)


def same_participant(a: Mention | None, b: Mention | None) -> bool:
    """Same entity: equal canonical/text, or a name and its shorter form ("Shikhlinsky")."""
    if a is None or b is None:
        return False
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    short, long_ = sorted((ka.split(), kb.split()), key=len)
    named = all(
        w[:1].isupper() for w in (a.canonical or a.text).split()[-1:] + (b.canonical or b.text).split()[-1:]
    )
    return bool(short) and named and short[-1] == long_[-1] and set(short) <= set(long_)


def _pronoun_fits(pron: Token | None, other: Token | None) -> bool:
    """A pronoun target can stand for the other target: "it" for a non-person, "they/them"
    for a plural noun (he/him/she/her are resolved to names upstream and compared by name)."""
    if pron is None or other is None:
        return False
    low = pron.lower_
    if low in NON_PERSON_PRONOUNS:
        return other.ent_type_ != "PERSON" and other.pos_ != "PRON"
    if low in PLURAL_TARGET_PRONOUNS:  # a target named by a modifier: "the Russian strikes" -> Russian
        named_by_modifier = other.dep_ in {"amod", "compound", "poss"} and other.head.tag_ in {"NNS", "NNPS"}
        return other.tag_ in {"NNS", "NNPS"} or named_by_modifier
    return False


def _targets_agree(a: CodedEvent, b: CodedEvent) -> bool:
    if same_participant(a.event.target, b.event.target):
        return True
    return _pronoun_fits(b.target_token, a.target_token) or _pronoun_fits(a.target_token, b.target_token)


def _actors_clash(a: Event, b: Event) -> bool:
    """Both name an actor, and not the same one (an inferred actor never clashes)."""
    if a.actor is None or b.actor is None or a.actor.inferred or b.actor.inferred:
        return False
    return not same_participant(a.actor, b.actor)


def _chained(head: Token, dep: Token) -> bool:
    """`dep` hangs off `head` through at most two clause-chain links."""
    tok = dep
    for _ in range(CHAIN_STEPS):
        if tok.dep_ not in CHAIN_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _specificity(c: CodedEvent) -> tuple[int, int]:
    cameo = c.entry.cameo if c.entry is not None else ""
    pronoun = c.target_token is not None and c.target_token.pos_ == "PRON"
    return len(cameo), 0 if pronoun else 1


def _fill(kept: Event, other: Event) -> dict[str, object]:
    return {
        name: getattr(other, name)
        for name in ("actor", "target", "place", "date")
        if getattr(kept, name) is None and getattr(other, name) is not None
    }


def _merge_pair(head: CodedEvent, dep: CodedEvent) -> CodedEvent:
    keep, drop = (dep, head) if _specificity(dep) > _specificity(head) else (head, dep)
    ev, other = keep.event, drop.event
    doc = head.trigger.doc
    start = min(ev.evidence.start, other.evidence.start)
    end = max(ev.evidence.end, other.evidence.end)
    why = (
        f"{ev.why}; same act as '{drop.trigger.text}' ({other.why}) in the "
        f"{dep.trigger.dep_} clause of '{head.trigger.text}': merged"
    )
    update = _fill(ev, other) | {
        "why": why,
        "evidence": TextSpan(text=doc_text(doc)[start:end], start=start, end=end),
    }
    return replace(keep, event=ev.model_copy(update=update))


def merge_clause_duplicates(events: list[CodedEvent]) -> list[CodedEvent]:
    """Rule 1 of the module docstring: one event per act stated in a clause chain."""
    out: list[CodedEvent] = []
    # each kept event's sentence start, read once (Token.sent builds a Span; this loop is quadratic).
    # A merge keeps the pair's sentence, so an entry never changes once appended.
    out_sents: list[int] = []
    for cur in events:
        cur_sent = cur.trigger.sent.start
        for k, prev in enumerate(out):
            a, b = prev.event, cur.event
            if (
                out_sents[k] != cur_sent
                or a.type != b.type
                or (a.negated, a.modality) != (b.negated, b.modality)
                or _actors_clash(a, b)
                or not _targets_agree(prev, cur)
            ):
                continue
            if _chained(prev.trigger, cur.trigger):
                out[k] = _merge_pair(prev, cur)
                break
            if _chained(cur.trigger, prev.trigger):
                out[k] = _merge_pair(cur, prev)
                break
        else:
            out.append(cur)
            out_sents.append(cur_sent)
    return out


def _definite_noun(c: CodedEvent) -> Token | None:
    """The definite noun of an anaphoric event mention, or None for a new assertion."""
    trig = c.trigger
    if c.kind == "nominal":
        return trig if any(d.dep_ == "det" and d.lower_ in DEFINITE for d in trig.children) else None
    if (
        trig.tag_ == "VB"
        and trig.dep_ == "acl"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in trig.children)
        and trig.head.pos_ == "NOUN"
        and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in trig.head.children)
    ):
        return trig.head  # "The operation to detain X"
    return None


def _corefers(ana: CodedEvent, ante: CodedEvent) -> bool:
    a, b = ana.event, ante.event
    if a.type != b.type or a.negated or b.negated or b.modality != "asserted":
        return False
    same_act = a.mode == b.mode or (
        ana.entry is not None and ante.entry is not None and ana.entry.cameo == ante.entry.cameo
    )
    if not same_act or _actors_clash(a, b):
        return False
    if a.target is None:
        return same_participant(a.actor, b.actor)
    demonstrative = ana.target_token is not None and any(
        d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in ana.target_token.children
    )
    return same_participant(a.target, b.target) or (demonstrative and b.target is not None)


def _enrich(ante: CodedEvent, ana: CodedEvent, noun: Token, ctx: ArgContext) -> CodedEvent:
    ev, other = ante.event, ana.event
    update: dict[str, object] = {}
    if (ev.actor is None or ev.actor.inferred) and other.actor is not None:
        update["actor"] = other.actor
    governor = noun.head if noun.head.i != noun.i else noun
    place = other.place or ctx.place_under([noun, governor])
    if ev.place is None and place is not None:
        update["place"] = place
    date = other.date or (ctx.date_for(governor, governor.sent) if governor.pos_ == "VERB" else None)
    if ev.date is None and date is not None:
        update["date"] = date
    added = ", ".join(f"{k} '{getattr(v, 'text', v)}'" for k, v in update.items())
    why = f"{ev.why}; mentioned again as '{other.evidence.text}' (event coreference: definite mention)"
    update["why"] = f"{why}, which adds {added}" if added else why
    return replace(ante, event=ev.model_copy(update=update))


def merge_anaphoric_mentions(events: list[CodedEvent], ctx: ArgContext) -> list[CodedEvent]:
    """Rule 2 of the module docstring: fold definite re-mentions into the event they name."""
    sent_index = {s.start: n for n, s in enumerate(doc_sentences(ctx.doc))}
    out: list[CodedEvent] = []
    for cur in events:
        noun = _definite_noun(cur)
        here = sent_index.get(cur.trigger.sent.start, 0)
        ante_at = None
        if noun is not None:
            for k in range(len(out) - 1, -1, -1):
                prev = out[k]
                if here - sent_index.get(prev.trigger.sent.start, 0) > ANAPHORA_WINDOW:
                    break
                if prev.trigger.sent.start != cur.trigger.sent.start and _corefers(cur, prev):
                    ante_at = k
                    break
        if ante_at is None:
            out.append(cur)
        else:
            log.debug(
                "event coreference: %r -> %r", cur.event.evidence.text, out[ante_at].event.evidence.text
            )
            out[ante_at] = _enrich(out[ante_at], cur, noun, ctx)
    return out
