"""Contents a reporting verb does not take as its own complement in the parse.

``_rules.verb_draft`` first reads the cue's complements (a ccomp, a
to-infinitive, an object). These functions find the content where the
construction puts it elsewhere, each after a pattern of news prose that the
PolNeAR guidelines (Newell, Margolin & Ruths 2018, section 3) annotate as an
attribution:

- ``introduced_paragraph``: "He said:" closing its paragraph introduces the
  next paragraph (block quotations of speeches and tweets);
- ``as_clause_host``: "as X pointed out, Y is free to ..." — the comment clause
  ("as" + reporting verb; Quirk et al. 1985, 15.53-15.55) reports the clause it
  is attached to;
- ``passive_subject``: "the issue was first reported by the Post" — with the
  source in the by-phrase, the passive subject is what was reported;
- ``adjunct_that_clause``: "reported at the time that ..." — the that-clause
  the parser hung on an adverbial noun after the cue is still the cue's
  complement;
- ``gerund_complement``: "proposed dropping the tax" — a gerund-participle
  complement is the cue's object (Huddleston & Pullum 2002, 14.1, catenative
  complements);
- ``relative_gap``: "the strategy, which the bank detailed in filings" — in a
  relative clause the cue's object is the relativised noun (its relative
  pronoun, or the noun itself when the pronoun is omitted: "numbers any
  taxpayer can understand");
- ``pro_form``: "said as much", "does not think so" — the pro-form stands for a
  content given before (Quirk et al. 1985, 12.26-12.31, "so" and "as much" as
  substitutes for a clause).

Each returns a token range [start, end) or None.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.extract._shared import RELATIVE_PRONOUNS, SUBJECT_DEPS, doc_text, subtree_bounds

__all__ = [
    "adjunct_that_clause",
    "as_clause_host",
    "gerund_complement",
    "introduced_paragraph",
    "passive_subject",
    "pro_form",
    "relative_gap",
]

# Dependents that may stand between a cue and the that-clause it governs ("reported at the time that").
_ADJUNCT_DEPS = frozenset({"prep", "pobj", "npadvmod", "advmod", "dobj", "dative"})
# Relative words that can be the object of a relative clause ("which the bank detailed").
_OBJECT_RELATIVES = frozenset({"which", "that", "whom", "what"})


def introduced_paragraph(verb: Token) -> tuple[int, int] | None:
    """The next paragraph, when the cue's sentence ends with a colon at the end of its paragraph."""
    doc = verb.doc
    text = doc_text(doc)
    sent = verb.sent
    last = sent.end - 1
    while last > verb.i and doc[last].is_space:
        last -= 1
    if doc[last].text != ":" or last == verb.i:
        return None
    after = doc[last].idx + 1
    line_end = text.find("\n", after)
    if line_end < 0 or text[after:line_end].strip():
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def as_clause_host(verb: Token) -> tuple[int, int] | None:
    """The clause an "as X said" comment clause is attached to, without the comment clause."""
    head = verb.head
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked or verb.dep_ != "advcl" or head.pos_ not in ("VERB", "AUX"):
        return None
    start, end = subtree_bounds(head)
    c_start, c_end = subtree_bounds(verb)
    doc = verb.doc
    if c_end >= end:
        end = c_start
    else:  # before or inside the clause: keep what follows it, where the predicate is
        start = c_end
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return (start, end) if end > start else None


def passive_subject(verb: Token, cue_nouns: frozenset[str]) -> tuple[int, int] | None:
    """The passive subject of a cue whose agent is given ("was reported by X" -> what was reported).

    Not when the subject is itself an attribution ("the mayor's claim that ...
    was disputed by ..."): that one names who first said it, and the two would
    nest (``outermost_claims`` keeps one).
    """
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects or subjects[0].lemma_ in cue_nouns:
        return None
    return subtree_bounds(subjects[0])


def adjunct_that_clause(verb: Token) -> tuple[int, int] | None:
    """A that-clause attached below an adverbial of the cue ("told a meeting on Friday that ...")."""
    for tok in verb.subtree:
        # "that" opens the clause (the parser may label it a marker or, after a noun, an adverb,
        # or take it for the subject of a relative clause that has a subject of its own: "told a
        # press briefing that at the time the army was not ...")
        if tok.i <= verb.i or tok.lower_ != "that" or tok.dep_ not in ("mark", "advmod", "nsubj"):
            continue
        clause = tok.head
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i != tok.i]
        if tok.dep_ == "nsubj" and clause.dep_ != "relcl":
            continue
        if tok.i != clause.left_edge.i or not subjects:
            continue
        path = clause.head
        while path.i != verb.i and path.dep_ in _ADJUNCT_DEPS and path.head.i != path.i:
            path = path.head
        if path.i == verb.i:
            return tok.i, clause.right_edge.i + 1
    return None


def gerund_complement(verb: Token) -> tuple[int, int] | None:
    """A gerund-participle clause after the cue ("proposed dropping carried interest")."""
    for child in verb.rights:
        if child.dep_ in ("xcomp", "ccomp") and child.tag_ == "VBG":
            return subtree_bounds(child)
    return None


def relative_gap(verb: Token) -> tuple[int, int] | None:
    """The relativised object of a cue in a relative clause: its relative pronoun, else the noun."""
    complement = any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    if verb.dep_ != "relcl" or complement:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in RELATIVE_PRONOUNS:
        return None  # "a plan that promises ...", "no way to tell": the noun is no object of the cue
    for child in verb.lefts:
        if child.dep_ in ("dobj", "pobj") and child.lower_ in _OBJECT_RELATIVES:
            return child.i, child.i + 1
    noun = verb.head
    start = min((c.left_edge.i for c in noun.lefts), default=noun.i)
    return start, noun.i + 1


def pro_form(verb: Token) -> tuple[int, int] | None:
    """ "so" or "as much" standing for the content: "He does not think so", "said as much"."""
    doc = verb.doc
    for child in verb.rights:
        if child.lower_ == "so" and child.dep_ in ("advmod", "dobj") and child.i == verb.i + 1:
            return child.i, child.i + 1
        if child.lower_ == "much" and child.dep_ in ("advmod", "dobj") and doc[child.i - 1].lower_ == "as":
            return child.i - 1, child.i + 1
        if child.lower_ == "as" and child.i + 1 < len(doc) and doc[child.i + 1].lower_ == "much":
            return child.i, child.i + 2
    return None
