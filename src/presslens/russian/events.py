"""Russian events: who did what to whom, PLOVER-coded from a verb lexicon over natasha's parse.

The triggers are verbs (``resources/russian_event_verbs.tsv``; a verb with its
object's lemma, such as "вызвать посла", wins over the bare verb). From the parse:

- actor: the verb's subject; in a passive ("задержаны полицией") the agent in
  the instrumental; none for the indefinite-personal third person plural
  ("задержали двоих": someone unnamed did);
- target: the direct object; in a passive, the passive subject;
- place: a state, city or place entity in a "в"-phrase of the verb;
- negated: "не" on the verb;
- modality: "intended" for a future or an infinitive under a word of intention
  (``resources/russian_event_cues.tsv``: "намерены ввести санкции"), as PLOVER
  codes announced acts (an intended attack is a THREATEN by ``plover_code``);
- date: a time expression (a day, or the date part of a time) on the verb's own
  clause, else on a clause above it, never one of another clause; else null with
  the publication date as ``date_bound``;
- reported_by: the speaker of the claim whose content holds the verb (hedged
  with the claim);
- the participants take the canonical name of the entity their words hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from presslens.confidence import is_named, report_confidence
from presslens.extract.events import reporting_claim
from presslens.models import Claim, Entity, Event, Mention, TextSpan, Timex
from presslens.resources import read_tsv
from presslens.russian.mentions import party_mention
from presslens.russian.tree import Tree

__all__ = ["EventVerbs", "event_verbs", "is_trigger", "russian_events"]

_PLACE_LABELS = ("GPE", "LOC")


@dataclass(frozen=True)
class _Code:
    type: str
    mode: str
    pattern: str
    act_noun: bool = False  # the object names the act ("нанести удар"), not its target


@dataclass(frozen=True)
class EventVerbs:
    bare: dict[str, _Code]  # verb lemma -> code
    with_noun: dict[tuple[str, str], _Code]  # (verb lemma, object or phrase noun lemma) -> code
    surface: frozenset[str]  # every form of every verb, for choosing sentences to parse


@cache
def event_verbs(vocab: Any) -> EventVerbs:
    bare: dict[str, _Code] = {}
    with_noun: dict[tuple[str, str], _Code] = {}
    for row in read_tsv("russian_event_verbs.tsv"):
        pattern, kind, mode = row[:3]
        words = pattern.split()
        code = _Code(kind, mode, pattern, act_noun=len(row) > 4 and row[4] == "act")
        if len(words) == 1:
            bare[words[0]] = code
        else:
            with_noun[(words[0], words[-1])] = code
    forms: set[str] = set()
    for verb in set(bare) | {v for v, _ in with_noun}:
        forms.add(verb)
        for parse in vocab.parse(verb)[:1]:
            forms.update(form.word for form in parse.lexeme)
    return EventVerbs(bare, with_noun, frozenset(forms))


def is_trigger(token: Any, verbs: EventVerbs) -> bool:
    """A form of a lexicon verb that tells an act: finite ("задержала"), a short passive
    ("задержаны") or an infinitive (coded only under a word of intention: "намерены задержать");
    not a participle naming people ("задержанных") or a gerund. The analyser parses a sentence
    for events by this too."""
    feats = token.feats
    return (
        token.pos == "VERB"
        and token.text.lower() in verbs.surface
        and (feats.get("VerbForm") in ("Fin", "Inf") or feats.get("Variant") == "Short")
    )


@cache
def _intent_heads() -> frozenset[str]:
    return frozenset(row[1] for row in read_tsv("russian_event_cues.tsv") if row[0] == "intent")


def _modality(tree: Tree, verb: Any, vocab: Any) -> str | None:
    """ "intended" for a future ("введут санкции") or an infinitive under a word of intention
    ("намерены ввести", "пригрозил нанести удар"); "asserted" for an act told as done; None for
    an infinitive under anything else ("призвал задержать": someone else's request, no act)."""
    if verb.feats.get("VerbForm") != "Inf":
        return "intended" if verb.feats.get("Tense") == "Fut" else "asserted"
    head = tree.head(verb)
    if head is None:
        return None
    if head.lemma is None:
        head.lemmatize(vocab)
    return "intended" if head.lemma in _intent_heads() else None


def _code(tree: Tree, verb: Any, verbs: EventVerbs, vocab: Any) -> tuple[_Code, Any | None] | None:
    """The verb's code and the noun that completed its pattern (None for a bare verb)."""
    for child in tree.kids(verb, "obj", "obl"):
        if child.lemma is None:
            child.lemmatize(vocab)
        code = verbs.with_noun.get((verb.lemma, child.lemma))
        if code is not None:
            return code, child
    code = verbs.bare.get(verb.lemma)
    return (code, None) if code is not None else None


_AIMED = frozenset({"по", "против", "на", "к", "с"})


def _aimed_at(tree: Tree, verb: Any, noun: Any) -> set[int]:
    """What an act named by a noun is aimed at: the dative of the verb ("обвинение Иванову"), or a
    phrase of the verb or the noun with "по", "против", "на", "к", "с" or "в отношении"."""
    for head in (verb, noun):
        for child in tree.kids(head, "iobj", "obl", "nmod"):
            if child is noun:
                continue
            markers = [
                " ".join([c.text.lower(), *(f.text.lower() for f in tree.kids(c, "fixed"))])
                for c in tree.kids(child, "case")
            ]
            if child.rel == "iobj" or any(m in _AIMED or m == "в отношении" for m in markers):
                return tree.subtree(child)
    return set()


#: Dependents that open a clause of their own: a time inside one dates that clause's act, not its head's.
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "conj"})


def _day(t: Timex) -> str | None:
    value = t.value
    dated = len(value) >= 10 and value[:4].isdecimal() and value[4] == "-" and value[5:7].isdecimal()
    return value[:10] if t.type in ("DATE", "TIME") and dated else None


def _own_clause(tree: Tree, head: Any, skip: Any | None = None) -> set[int]:
    """The tokens of `head`'s clause: its subtree without the clauses below it at any depth (a
    relative clause on its object too) and without the branch `skip`, the clause a walk up came
    from."""
    out, todo = set(), [head]
    while todo:
        tok = todo.pop()
        k = tree.index[tok.id]
        if k not in out:  # the parser can leave a cycle
            out.add(k)
            todo.extend(c for c in tree.kids(tok) if c is not skip and c.rel not in _CLAUSES)
    return out


def _date(tree: Tree, verb: Any, timexes: Sequence[Timex]) -> str | None:
    """The day of a time expression on the verb's own clause, else on a clause above it
    ("сообщили в пятницу, что накануне задержали ..." dates the arrest by the report when the
    arrest's clause has none); never one from another clause of the sentence ("задержали троих,
    которые в 2019 году ...")."""
    days = [(t.start, day) for t in timexes if (day := _day(t)) is not None]
    if not days:
        return None
    child, head, seen = None, verb, set()
    while head is not None and head.id not in seen:  # the parser can leave a cycle
        seen.add(head.id)
        tokens = [tree.tokens[k] for k in _own_clause(tree, head, child)]
        for start, day in days:
            if any(tok.start <= start < tok.stop for tok in tokens):
                return day
        child, head = head, tree.head(head)
    return None


def _place(tree: Tree, head: Any, text: str, entities: Sequence[Entity]) -> Mention | None:
    """A "в"-phrase of `head` that holds a state, city or place entity."""
    for phrase in tree.kids(head, "obl", "nmod"):
        if not any(c.text.lower() in ("в", "во") for c in tree.kids(phrase, "case")):
            continue
        mention = party_mention(tree, tree.subtree(phrase), text, entities)
        if mention is None or mention.start is None or mention.end is None:
            continue
        start, end = mention.start, mention.end
        if any(e.label in _PLACE_LABELS and start <= e.start and e.end <= end for e in entities):
            return mention
    return None


def russian_events(
    doc: Any, text: str, entities: Sequence[Entity], timexes: Sequence[Timex], vocab: Any,
    published: dt.date | None, claims: Sequence[Claim] = (),
) -> list[Event]:
    """The events of a natasha Doc whose trigger sentences are parsed; one told inside a claim's
    content is that speaker's account (`reported_by`, and hedged when the claim is)."""
    verbs = event_verbs(vocab)
    events: list[Event] = []
    for sent in doc.sents:
        if not sent.tokens or sent.tokens[0].head_id is None:
            continue  # not parsed: no trigger in it
        tree = Tree(sent.tokens)
        for tok in tree.tokens:
            if not is_trigger(tok, verbs):
                continue
            if tok.lemma is None:
                tok.lemmatize(vocab)
            modality = _modality(tree, tok, vocab)
            found = _code(tree, tok, verbs, vocab) if modality is not None else None
            if found is None:
                continue
            code, noun = found
            passive = tok.feats.get("Voice") == "Pass" or bool(tree.kids(tok, "nsubj:pass"))
            # an infinitive's subject is its head's ("МИД намерен выслать дипломатов")
            clause = tree.head(tok) if tok.feats.get("VerbForm") == "Inf" and tree.head(tok) else tok
            subjects = tree.kids(clause, "nsubj:pass" if passive else "nsubj") or tree.kids(
                tok, "nsubj:pass" if passive else "nsubj")
            if not subjects and tok.rel == "conj" and (first := tree.head(tok)) is not None:
                # "МИД вызвал посла и выразил протест": a coordinated verb shares the first one's subject
                subjects = tree.kids(first, "nsubj")
            objects = tree.kids(tok, "obj")
            agents = [c for c in tree.kids(tok, "obl:agent", "obl") if c.feats.get("Case") == "Ins"
                      and not tree.kids(c, "case")] if passive else []
            actor_ks = tree.subtree(agents[0]) if agents else (set() if passive or not subjects
                                                                else tree.subtree(subjects[0]))
            if code.act_noun and noun is not None:
                target_ks = _aimed_at(tree, tok, noun)
            elif passive and subjects:
                target_ks = tree.subtree(subjects[0])
            else:
                target_ks = tree.subtree(objects[0]) if objects else set()
            actor = party_mention(tree, actor_ks, text, entities) if actor_ks else None
            target = party_mention(tree, target_ks, text, entities) if target_ks else None
            negated = any(c.text.lower() == "не" for head in {tok.id: tok, clause.id: clause}.values()
                          for c in tree.kids(head, "advmod"))  # "не намерены вводить": not intended
            date = _date(tree, tok, timexes)
            reporter = reporting_claim(tok.start, claims)
            hedged = reporter is not None and reporter.hedged
            events.append(
                Event(
                    type=code.type,
                    mode=code.mode,
                    actor=actor,
                    target=target,
                    place=_place(tree, tok, text, entities) or (
                        _place(tree, noun, text, entities) if noun is not None else None),
                    date=date,
                    date_bound=None if date or published is None else published.isoformat(),
                    negated=negated,
                    hedged=hedged,
                    modality=modality,
                    reported_by=reporter.speaker if reporter is not None else None,
                    why=f"verb '{tok.text}' -> {code.type}/{code.mode} (russian_event_verbs.tsv: "
                    f"{code.pattern})",
                    evidence=TextSpan(text=text[sent.start : sent.stop], start=sent.start, end=sent.stop),
                    confidence=report_confidence(named_actor=is_named(actor), own_date=date is not None,
                                                 hedged=hedged),
                )
            )
    return events
