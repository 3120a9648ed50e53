"""Syntactic tests resolution needs, over spaCy's ClearNLP-style dependencies.

- `relative_clause`: the clause a relative pronoun opens ("Boeing, which ...");
- `pleonastic`: an "it" that stands for nothing ("it is clear that ...");
- `contains`: a noun phrase holding the pronoun cannot be its antecedent
  (the i-within-i condition: "a media event held at its headquarters");
- `coargument_subject`: binding principle B / A (Chomsky 1981): a plain object
  pronoun never means its own verb's subject, a reflexive does.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.extract._shared import SUBJECT_DEPS

__all__ = ["coargument_subject", "contains", "phrase_text", "pleonastic", "relative_clause"]

#: Verbs whose "it" subject is a placeholder for a following clause ("it seems that").
_PLEONASTIC_HEADS = frozenset({"be", "seem", "appear", "remain", "become", "take", "make"})


def phrase_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i : tok.i + 1].text


def relative_clause(tok: Token) -> Token | None:
    """The relative clause verb a relative pronoun opens ("X, who said ..."), else None."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ in ("mark", "det") or verb.i == tok.i:
        return None
    return verb if verb.dep_ == "relcl" else None


def pleonastic(tok: Token) -> bool:
    """'It is clear that ...', 'it was reported that ...', 'it seems to ...': no referent."""
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    head = tok.head
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > tok.i for c in head.children)
    passive = any(c.dep_ == "auxpass" for c in head.children)
    return clause and (head.lemma_ in _PLEONASTIC_HEADS or passive)


def contains(noun: Token, tok: Token) -> bool:
    """`tok` lies inside the noun phrase of `noun`, not inside a relative clause of it (i-within-i).

    Nor inside a conjunct: the parser hangs "and his wife" on the first conjunct, but
    "Obama and his wife" is two phrases, and "his" is Obama's.
    """
    if noun.pos_ not in ("NOUN", "PROPN") or not noun.is_ancestor(tok):
        return False
    step = tok
    while step.i != noun.i:
        if step.dep_ in ("relcl", "conj"):
            return False
        step = step.head
    return True


def coargument_subject(tok: Token, subject_i: int, doc: Doc) -> bool:
    """`cand` is the subject of the verb `tok` is an argument of ("Trump praised him")."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subject = doc[subject_i]
    return subject.dep_ in SUBJECT_DEPS and subject.head.i == verb.i and subject.i != tok.i
