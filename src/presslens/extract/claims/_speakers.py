"""Who a claim comes from: the source noun phrase and the name it resolves to.

The source span follows the PolNeAR guidelines (Newell et al. 2018, section
3.1): the whole noun phrase naming the source, with determiners and modifiers
("Azerbaijani experts", "the Azerbaijani Ministry of Internal Affairs"), but
without appositions or relative clauses. Pronouns keep their surface text and
get a ``canonical`` name from a deliberately simple salience rule (the most
recent compatible mention, as in Lappin & Leass 1994 reduced to recency and
number): *he/she* -> the nearest preceding PERSON entity; *it/they* -> the
subject of a recent sentence with the same grammatical number. A possessed
relation ("his son") resolves to a name the article gives that relation in an
apposition ("His son, X Y, was ..."), else to "son of <possessor>".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import (
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    SOURCE_PHRASE_DEPS,
    SUBJECT_DEPS,
    EntityRef,
    phrase_start,
)
from presslens.models import Mention

__all__ = ["resolved_mention", "speaker_span"]

# group pronouns -> plural? ("it" for a ministry, "they" for protesters)
_GROUP = {"it": False, "its": False} | dict.fromkeys(PLURAL_PRONOUNS, True)
_WINDOW_SENTS = 4


def speaker_span(head: Token) -> Span:
    """The noun phrase headed by `head`: left modifiers, "of"-phrases and coordinated names."""
    doc = head.doc
    start, end = phrase_start(head, SOURCE_PHRASE_DEPS), head.i
    for child in head.rights:
        if (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ in ("conj", "cc", "compound"):
            end = max(end, child.right_edge.i)
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("while", "but")):
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def _entity_at(entities: list[EntityRef], start: int, end: int) -> EntityRef | None:
    best = None
    for ent in entities:
        if (
            ent.start < end
            and start < ent.end
            and (best is None or ent.end - ent.start > best.end - best.start)
        ):
            best = ent
    return best


def _is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _recent_subject(tok: Token, plural: bool) -> Span | None:
    """The subject noun phrase of the latest sentence (this one first) with the wanted number."""
    doc = tok.doc
    sent = tok.sent
    for _ in range(_WINDOW_SENTS):
        for cand in reversed([t for t in sent if t.i < tok.i]):
            subject = cand.dep_ in SUBJECT_DEPS and cand.pos_ in ("NOUN", "PROPN")
            if subject and _is_plural(cand) == plural:
                return speaker_span(cand)
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


def _recent_person(entities: list[EntityRef], before: int, doc: Doc) -> EntityRef | None:
    floor_sent = doc.char_span(before, before + 1, alignment_mode="expand")
    floor = 0
    if floor_sent is not None:
        sent = floor_sent[0].sent
        for _ in range(_WINDOW_SENTS):
            if sent.start == 0:
                break
            sent = doc[sent.start - 1].sent
        floor = sent.start_char
    people = [e for e in entities if e.label == "PERSON" and floor <= e.start and e.end <= before]
    return people[-1] if people else None


def _named_relation(head: Token, entities: list[EntityRef]) -> str | None:
    """A name the article gives the relation `head` ("his son"): "His son, X," or "X, his son,"."""
    doc = head.doc
    candidates = []
    for tok in doc:
        if tok.lemma_ == head.lemma_ and tok.i != head.i:
            for child in tok.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    candidates.append(child)
        if tok.dep_ == "appos" and tok.lemma_ == head.lemma_ and tok.head.pos_ == "PROPN":
            candidates.append(tok.head)
    if not candidates:
        return None
    best = min(candidates, key=lambda t: (t.i > head.i, abs(t.i - head.i)))
    ent = _entity_at(entities, best.idx, best.idx + len(best))
    return ent.canonical if ent else speaker_span(best).text


def resolved_mention(span: Span, entities: list[EntityRef]) -> Mention:
    """A Mention for the source `span`, with ``canonical`` set when a name can be found."""
    head = span.root
    canonical: str | None = None
    ent = _entity_at(entities, head.idx, head.idx + len(head))
    if (ent is not None and head.pos_ == "PROPN") or (ent is not None and ent.label in ("ORG", "PERSON")):
        canonical = ent.canonical
    elif head.lower_ in PERSONAL_PRONOUNS:
        person = _recent_person(entities, span.start_char, span.doc)
        canonical = person.canonical if person else None
    elif head.lower_ in _GROUP:
        subject = _recent_subject(head, _GROUP[head.lower_])
        if subject is not None:
            sub_ent = _entity_at(entities, subject.root.idx, subject.root.idx + len(subject.root))
            canonical = sub_ent.canonical if sub_ent and subject.root.pos_ == "PROPN" else subject.text
    else:
        poss = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
        if poss:
            canonical = _named_relation(head, entities)
            if canonical is None:
                owner = resolved_mention(poss[0].doc[poss[0].i : poss[0].i + 1], entities)
                if owner.canonical:
                    canonical = f"{head.lemma_} of {owner.canonical}"
    return Mention(text=span.text, canonical=canonical, start=span.start_char, end=span.end_char)
