"""Attributions whose cue is a possessed noun: "Trump's claim that ...", "her plan to ...".

PolNeAR annotates nominal cues as attributions when the noun reports a
statement, belief or intention and both a source and a content are present
(Newell, Margolin & Ruths 2018, guidelines section 3, "nominal cues"; the
same class is Pareti's (2016, PARC 3.0) noun cues). The source is the
possessor (``poss``), the content the noun's that-clause, to-infinitive, or
"about"/"on" phrase. Without a possessor the noun names no one ("the claim
that ...") and is left alone: a claim needs a source. The noun list is the
``noun-possessed`` kind of ``claim_cues.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.extract._shared import subtree_bounds
from presslens.extract.claims._lexicon import ClaimLexicon
from presslens.extract.claims._rules import Draft

__all__ = ["possessed_noun_draft"]

_TOPIC_PREPS = {"about", "on", "over"}


def _content(noun: Token) -> tuple[int, int, str] | None:
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
            that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.lefts)
            if that or to:
                start = child.left_edge.i + (1 if that and child.left_edge.lower_ == "that" else 0)
                return start, child.right_edge.i + 1, "that-clause" if that else "to-clause"
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return (*subtree_bounds(objs[0]), f"'{child.text}' phrase")
    return None


def possessed_noun_draft(noun: Token, lex: ClaimLexicon) -> Draft | None:
    """'X's claim that ...': the possessor is the source, the clause the content."""
    if noun.pos_ != "NOUN" or noun.lemma_ not in lex.possessed_nouns:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in ("its",)]
    if not owners:
        return None
    found = _content(noun)
    if found is None:
        return None
    start, end, how = found
    doc = noun.doc
    while end > start and doc[end - 1].is_punct and not doc[end - 1].is_quote:
        end -= 1
    if end <= start:
        return None
    return Draft(owners[0], doc[noun.i : noun.i + 1], (start, end), "noun-possessed", f"possessor + {how}")
