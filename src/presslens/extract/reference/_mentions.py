"""What a pronoun or a description can point back to: the article's mentions, with their features.

Resolution compares an anaphor with the mentions before it, so each mention
carries what agreement and salience need (Lappin & Leass 1994, "An algorithm
for pronominal anaphora resolution", Computational Linguistics 20(4)):

- *who*: a referent ``key`` (the entity's canonical name; for a group or a
  thing, its phrase), the named mention that stands for it, and its class:
  an entity label, ``GROUP`` (a plural phrase or coordinated names), ``NAME``
  (a proper noun the tagger left untyped), ``THING`` (a singular common
  noun) or ``PERSON_NOM`` (a common noun for a person,
  "a spokesman"). The last two compete for a pronoun but are no article
  entity, so a pronoun resolved to one gets no referent;
- *where*: token, sentence, the quotation holding it (or -1), paragraph;
- *how salient*: its grammatical role (subject, object, oblique, modifier).

`person_features` gathers, per person, the sex the article gives them (a
title or role word next to any mention, then the name) and the title words
a description such as "the president" can match.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.extract._shared import (
    NAME_PHRASE_DEPS,
    SUBJECT_DEPS,
    EntityRef,
    doc_text,
    doc_tokens,
    phrase_start,
)
from presslens.extract.reference._layout import Layout
from presslens.extract.reference._lexicon import ReferenceLexicon
from presslens.extract.reference._people import REFERABLE_LABELS, PersonFeatures, person_spans, title_words

__all__ = [
    "Candidate",
    "entity_candidates",
    "is_speaker",
    "nominal_candidates",
    "role_of",
]

#: Dependents that place a noun inside another noun phrase (a possessor, a premodifier).
_EMBEDDED_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
#: Clauses inside another clause: their subject is less salient than the main clause's
#: (centering ranks the matrix subject first; Kameyama 1998, "Intrasentential centering").
_EMBEDDED_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "csubj", "pcomp"})


@dataclass
class Candidate:
    """One mention of a possible referent (see the module docstring)."""

    key: str
    canonical: str
    start: int  # char offsets of the named mention that stands for the referent
    end: int
    token: int
    sent: int
    label: str
    plural: bool
    role: str  # "subj" | "esubj" (of an embedded clause) | "obj" | "obl" | "mod" | "other"
    quote: int
    paragraph: int
    named: bool = True
    size: int = 1  # how many people a GROUP of coordinated names holds
    head: str = ""  # the head noun's lemma, for descriptions that repeat it
    speaker: bool = False  # the subject of a reporting verb ("X said")


def role_of(tok: Token) -> str:
    """The grammatical role that Lappin & Leass weigh: subject, object, oblique or modifier."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    if dep in SUBJECT_DEPS:
        return "esubj" if tok.head.dep_ in _EMBEDDED_CLAUSE_DEPS else "subj"
    if dep in ("dobj", "attr", "dative", "oprd"):
        return "obj"
    if dep == "pobj":
        return "obl"
    if dep in _EMBEDDED_DEPS:
        return "mod"
    return "other"


def is_speaker(tok: Token, lex: ReferenceLexicon) -> bool:
    """`tok` is the subject of a reporting verb: "Fowler said", "he told reporters"."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_ in lex.speech_verbs


def _candidate(
    layout: Layout,
    head: Token,
    key: str,
    canonical: str,
    start: int,
    end: int,
    label: str,
    plural: bool,
    lex: ReferenceLexicon,
) -> Candidate:
    return Candidate(
        key=key,
        canonical=canonical,
        start=start,
        end=end,
        token=head.i,
        sent=layout.sent(head.i),
        label=label,
        plural=plural,
        role=role_of(head),
        quote=layout.quote(start),
        paragraph=layout.paragraph(start),
        head=head.lemma_.lower(),
        speaker=is_speaker(head, lex),
    )


def entity_candidates(
    doc: Doc, layout: Layout, entities: list[EntityRef], lex: ReferenceLexicon
) -> tuple[list[Candidate], dict[str, PersonFeatures], dict[int, str]]:
    """Candidates for the article's entities and their coordinations; person features; token -> key.

    Without the entity stage a canonical name is the surface text, so a lone
    surname is given the key of the latest full name that ends with it
    ("Hillary Clinton" ... "Clinton"), as the entity linker would; that holds
    too for a surname the tagger took for an organisation or a place
    ("Ava DuVernay" ... "DuVernay" ORG).
    """
    out: list[Candidate] = []
    people: dict[str, PersonFeatures] = {}
    key_at: dict[int, str] = {}
    by_surname: dict[str, str] = {}
    heads: dict[int, Candidate] = {}
    for ent in person_spans(doc, entities, lex):
        if ent.label not in REFERABLE_LABELS:
            continue
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if ent.label == "NORP" and (head.pos_ == "ADJ" or head.dep_ == "amod"):
            continue  # "Russian officials": a nationality adjective is no referent
        key = ent.canonical
        label = ent.label
        if label != "PERSON" and key == ent.text and key in by_surname:
            label = "PERSON"
        if label == "PERSON":
            words = key.split()
            if len(words) == 1 and key == ent.text and words[0] in by_surname:
                key = by_surname[words[0]]
            elif len(words) > 1:
                by_surname[words[-1]] = key
            feats = people.setdefault(key, PersonFeatures())
            for word in title_words(span, lex):
                feats.titles.add(word)
                sex = lex.person_words.get(word)
                if sex is not None and feats.reason[:5] != "title":
                    feats.sex, feats.reason, feats.firm = sex, f"title '{word}'", True
            if not feats.firm:
                named = lex.sex_of_name(key) or lex.sex_of_name(ent.text)
                if named is not None and (feats.sex is None or named[2]):
                    feats.sex, feats.reason, feats.firm = named
        plural = label == "NORP" and head.tag_ in ("NNS", "NNPS")
        cand = _candidate(layout, head, key, key, ent.start, ent.end, label, plural, lex)
        out.append(cand)
        heads[head.i] = cand
        for tok in span:
            key_at[tok.i] = key
    for cand in list(heads.values()):  # "Grassley and Leahy", "Obama and Clinton"
        conjuncts = [heads[c.i] for c in _conjuncts(doc[cand.token]) if c.i in heads]
        if conjuncts:
            members = [cand, *conjuncts]
            key = " and ".join(m.canonical for m in members)
            group = _candidate(
                layout, doc[cand.token], key, key, cand.start, members[-1].end, "GROUP", True, lex
            )
            group.size = len(members)
            out.append(group)
    out.sort(key=lambda c: (c.token, c.label == "GROUP"))
    return out, people, key_at


def _conjuncts(tok: Token) -> list[Token]:
    found = []
    for child in tok.children:
        if child.dep_ == "conj":
            found.append(child)
            found.extend(_conjuncts(child))
    return found


def _state_body(tok: Token, lex: ReferenceLexicon) -> bool:
    """An organisation noun made specific by a place: "the US government", "Russia's ministry"."""
    entry = lex.descriptions.get(tok.lemma_.lower())
    if entry is None or entry.kind != "org" or tok.tag_ != "NN":
        return False
    return any(
        c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP") for c in tok.children
    )


def nominal_candidates(
    doc: Doc, layout: Layout, key_at: dict[int, str], lex: ReferenceLexicon, skip: set[int]
) -> list[Candidate]:
    """Common-noun mentions that compete with names: plural groups, things and people by role.

    A plural noun phrase ("top black lawmakers") can be what "they" stands for;
    a singular common noun ("the plan", "a spokesman") can be what "it" or "he"
    stands for, and then the pronoun has no entity referent. Tokens in `skip`
    (definite descriptions) are added by the resolver once resolved.
    """
    out = []
    tokens, text = doc_tokens(doc), doc_text(doc)
    for tok in tokens:
        if tok.i in key_at or tok.i in skip or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.ent_type_ and tok.ent_type_ not in REFERABLE_LABELS:
            continue  # "April", "Thursday", "1.16%": a date or a number, never a referent
        if tok.dep_ in _EMBEDDED_DEPS or tok.dep_ in ("conj", "attr"):
            continue  # a modifier, a second conjunct, or a predicate ("X is a spokesman")
        if (tok.dep_ == "appos" and tok.head.i in key_at) or any(
            c.i in key_at and c.dep_ == "appos" for c in tok.rights  # an apposition follows its noun
        ):
            continue  # "Mark Papermaster, an Apple executive": the same person as the name
        start_char = tokens[phrase_start(tok, NAME_PHRASE_DEPS)].idx
        end_char = tok.idx + len(tok)
        phrase = text[start_char:end_char]  # the Span's text, without building the Span
        if tok.tag_ in ("NNS", "NNPS"):
            label, plural = "GROUP", True
        elif tok.tag_ == "NNP":  # a name the tagger did not type ("the Dow Jones Industrial Average")
            label, plural = "NAME", False
        elif _state_body(tok, lex):  # "the United States government", "the Russian ministry"
            label, plural = "ORG", False
        elif tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.is_alpha:
            label, plural = ("PERSON_NOM" if tok.lemma_.lower() in lex.person_words else "THING"), False
        else:
            continue
        cand = _candidate(
            layout,
            tok,
            phrase.lower(),
            phrase,
            start_char,
            end_char,
            label,
            plural,
            lex,
        )
        cand.named = label in ("GROUP", "NAME", "ORG")
        out.append(cand)
    return out
