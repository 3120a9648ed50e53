"""Who a claim comes from: the source noun phrase and the name it resolves to.

The source span follows the PolNeAR guidelines (Newell et al. 2018, section
3.1): the whole noun phrase naming the source, with determiners and modifiers
("Azerbaijani experts", "the Azerbaijani Ministry of Internal Affairs"), but
without appositions or relative clauses. A name gets its linked ``canonical``;
a pronoun ("she said") or a definite description ("the ministry said") keeps
its surface text and gets the name `presslens.extract.reference` resolves it
to (the step events and facts share: agreement, salience, never into the
quotation the pronoun speaks). A possessed relation ("his son") resolves to a
name the article gives that relation in an apposition ("His son, X Y, was
...") or as a title before the name ("Navalny spokesperson Kira Yarmysh"),
else to "son of <possessor>"; the possessor may be a pronoun or a name.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Span, Token

from presslens.extract._shared import SOURCE_PHRASE_DEPS, EntityRef, phrase_start
from presslens.extract.reference import referent_of
from presslens.extract.reference._lexicon import reference_lexicon
from presslens.models import Mention

__all__ = ["resolution_why", "resolved_mention", "speaker_span"]


#: Tokens that end a speaker's noun phrase however the parse attaches what follows.
_PHRASE_BREAKS = frozenset({"--", "—", "–", "(", ";"})


def speaker_span(head: Token) -> Span:
    """The noun phrase headed by `head`: left modifiers, "of"-phrases and coordinated names."""
    doc = head.doc
    start, end = phrase_start(head, SOURCE_PHRASE_DEPS), head.i
    for child in head.rights:
        if (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ in ("conj", "cc", "compound"):
            end = max(end, child.right_edge.i)
    # a dash ends the name: "a document seen by AFP -- far fewer than the 500 deaths ..." is an aside
    end = next((t.i - 1 for t in doc[head.i + 1 : end + 1] if t.text in _PHRASE_BREAKS), end)
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


def _named_relation(head: Token, entities: list[EntityRef]) -> str | None:
    """A name the article gives the relation `head` ("his son"): "His son, X," or "X, his son,"."""
    doc = head.doc
    candidates = []
    # only the tokens sharing the head's lemma, found in one array read (no Token per token)
    for i in np.flatnonzero(doc.to_array(LEMMA) == head.lemma).tolist():
        tok = doc[i]
        if tok.i != head.i:
            for child in tok.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    candidates.append(child)
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            candidates.append(tok.head)
        if tok.i != head.i and tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            candidates.append(tok.head)  # a title before the name: "Navalny spokesperson Kira Yarmysh"
    if not candidates:
        return None
    best = min(candidates, key=lambda t: (t.i > head.i, abs(t.i - head.i)))
    ent = _entity_at(entities, best.idx, best.idx + len(best))
    return ent.canonical if ent else speaker_span(best).text


def _owner(name: Token, entities: list[EntityRef]) -> str | None:
    """The person a possessor name stands for: the article's person of that surname ("Navalny's
    team" is Alexei Navalny's, whatever label the tagger gave this one mention), else its entity."""
    people = [e for e in entities if e.label == "PERSON" and e.canonical.split()[-1:] == [name.text]]
    if people:
        return people[0].canonical
    ent = _entity_at(entities, name.idx, name.idx + len(name))
    return ent.canonical if ent is not None else None


def _appositive_name(head: Token, entities: list[EntityRef]) -> str | None:
    """The name in apposition to a described source: "One official, Mykhailo Podolyak, said",
    "the news network Al Jazeera has disputed" — the name, not the description, is who speaks."""
    named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if head.dep_ == "nsubj" and head.pos_ == "NOUN":  # "One official, Mykhailo Podolyak said": the
        # closing comma missing, the parser gives the verb two subjects, the name after a comma
        after = head.doc[head.right_edge.i + 1]
        named += [c for c in head.head.children
                  if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i > head.i and after.text == ","]
    for child in named:
        ent = _entity_at(entities, child.idx, child.idx + len(child))
        if ent is not None and ent.label in ("PERSON", "ORG", "NORP", "GPE"):
            return ent.canonical
    return None


def resolved_mention(span: Span, entities: list[EntityRef]) -> Mention:
    """A Mention for the source `span`, with ``canonical`` set when a name can be found."""
    head = span.root
    doc = span.doc
    canonical: str | None = None
    ent = _entity_at(entities, head.idx, head.idx + len(head))
    if (ent is not None and head.pos_ == "PROPN") or (ent is not None and ent.label in ("ORG", "PERSON")):
        canonical = ent.canonical
    elif (named := _appositive_name(head, entities)) is not None:
        canonical = named
    elif (referent := referent_of(doc, head)) is not None:
        canonical = referent.canonical
    else:
        poss = [c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN")]
        if poss:
            canonical = _named_relation(head, entities)
            if canonical is None and poss[0].pos_ == "PROPN":  # "Navalny's lawyer": the name's own
                owner_name = _owner(poss[0], entities)
                canonical = f"{head.lemma_} of {owner_name}" if owner_name is not None else None
            elif canonical is None and (owner := referent_of(doc, poss[0])) is not None:
                canonical = f"{head.lemma_} of {owner.canonical}"
        else:
            canonical = _named_after(head, entities)
    return Mention(text=span.text, canonical=canonical, start=span.start_char, end=span.end_char)


#: How far after a title with no antecedent the speaker it stands for may be named (two short paragraphs).
_CATAPHORA_CHARS = 600


def _named_after(head: Token, entities: list[EntityRef]) -> str | None:
    """The person a title stands for when the text names nobody before it: an excerpt that opens
    mid-story ("..., the spokesman said, TASS reported. ... Peskov said: ...") names him only later.
    The first person named after it, within `_CATAPHORA_CHARS`, when that person speaks there
    (the subject of a verb of saying); a person named before it leaves the title unresolved."""
    lex = reference_lexicon()
    doc = head.doc
    if head.pos_ != "NOUN" or head.lemma_.lower() not in lex.person_words:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(e.label == "PERSON" and e.start < head.idx for e in entities):
        return None
    ent = min((e for e in entities if e.label == "PERSON" and e.start > head.idx), key=lambda e: e.start,
              default=None)
    if ent is None or ent.start - head.idx > _CATAPHORA_CHARS:
        return None
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is not None and root.dep_ == "nsubj" and root.head.lemma_.lower() in lex.speech_verbs:
        return ent.canonical
    return None  # the first person named after it is not speaking: no guess


def resolution_why(span: Span) -> str | None:
    """How the source's head was resolved ("she -> Maria Zakharova (...)"), for the claim's ``why``."""
    referent = referent_of(span.doc, span.root)
    return referent.why if referent is not None else None
