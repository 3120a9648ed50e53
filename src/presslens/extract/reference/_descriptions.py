"""Definite descriptions: "the ministry", "the president", "the country", "the two men".

A definite noun phrase whose head is listed in ``reference_descriptions.tsv``
and that adds nothing that would make it a new referent (no "of" phrase, no
relative clause, no name inside it, no possessor) is taken as anaphoric and
resolved to the most recent compatible mention, as in Vieira & Poesio (2000):

1. an earlier entity whose own head is the same noun ("the Azerbaijani
   Interior Ministry" ... "the ministry");
2. else by the head's class: an ORG whose name holds one of the cue words
   (any ORG for "the company"), a GPE for "the country", the PERSON the
   article introduced with that title for "the president" (of the same sex
   for "the spokeswoman"), coordinated names or an earlier plural phrase with
   the same head for "the brothers" ("the two men" wants two people);
3. a person title nobody was introduced with, as a subject, is an epithet for
   the subject of one of the last sentences, news style's way of varying a
   name ("Gary Johnson ... The former New Mexico governor is a triathlete").

A description never reaches back past ``DESCRIPTION_WINDOW`` sentences, and
never into the words of a quotation it stands outside of.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.extract._shared import DEFINITE_DETERMINERS, SUBJECT_DEPS
from presslens.extract.reference._layout import Layout
from presslens.extract.reference._lexicon import Description, ReferenceLexicon
from presslens.extract.reference._mentions import Candidate
from presslens.extract.reference._people import PersonFeatures
from presslens.extract.reference._syntax import coargument_subject

__all__ = ["description_of", "resolve_description"]

#: Sentences a description may reach back (news re-names an actor with a description
#: within a few paragraphs; set on the MEANTIME and PolNeAR dev halves, see evaluation/).
DESCRIPTION_WINDOW = 8
#: Dependents that make a definite noun phrase a new referent rather than a re-mention.
_NEW_REFERENT_DEPS = frozenset({"relcl", "acl", "poss", "appos"})
_PLACE_LABELS = frozenset({"GPE"})
_PEOPLE_LABELS = frozenset({"GROUP", "NORP"})
#: Name types that may modify a description without making it a new referent.
_PLACE_TYPES = frozenset({"GPE", "NORP", "LOC"})
#: How many sentences back an epithet ("the former New Mexico governor") may take the
#: subject when no person was introduced with that title.
EPITHET_REACH = 2


def description_of(tok: Token, lex: ReferenceLexicon) -> Description | None:
    """The lexicon entry when `tok` heads an anaphoric definite description, else None."""
    if tok.pos_ != "NOUN" or tok.dep_ in ("compound", "amod"):  # a possessor may be one: "the president's"
        return None
    entry = lex.descriptions.get(tok.lower_) or lex.descriptions.get(tok.lemma_.lower())
    if entry is None or (entry.plural != (tok.tag_ == "NNS")):
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in tok.children):
        return None
    if entry.kind == "org" and any(
        c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP") for c in tok.children
    ):
        return None  # "the Russian side", "the US government": named by the place (``_mentions``)
    for child in tok.children:
        if child.dep_ in _NEW_REFERENT_DEPS:
            return None
        if child.dep_ == "prep" and child.lower_ == "of":
            return None
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.ent_type_ not in _PLACE_TYPES:
            return None  # "the Trump campaign" is another referent; "the New Mexico governor" is not
    return entry


def _count(tok: Token, lex: ReferenceLexicon) -> int | None:
    """The number in "the two men" (digits or a cardinal word), if any."""
    for child in tok.children:
        if child.dep_ == "nummod":
            return int(child.text) if child.text.isdecimal() else lex.cardinals.get(child.lower_)
    return None


def _fits(
    cand: Candidate, entry: Description, tok: Token, people: dict[str, PersonFeatures], lex: ReferenceLexicon
) -> tuple[bool, str]:
    if entry.kind == "org":
        if cand.label != "ORG":
            return False, ""
        if not entry.cues:
            return True, "most recent ORG"
        name = cand.canonical.lower()
        cue = next((c for c in entry.cues if c in name), None)
        return cue is not None, f"most recent ORG named '{cue}'"
    if entry.kind == "place":
        return cand.label in _PLACE_LABELS, "most recent GPE"
    if entry.kind == "person":
        if cand.label != "PERSON":
            return False, ""
        feats = people.get(cand.key)
        sex = feats.sex if feats is not None and feats.firm else None
        if entry.gender is not None and sex not in (None, entry.gender):
            return False, ""
        if entry.cues:
            titled = feats is not None and any(entry.head in t for t in feats.titles)
            return titled, f"most recent PERSON titled '{entry.head}'"
        return entry.gender is None or sex == entry.gender, "most recent PERSON of that sex"
    wanted = _count(tok, lex)
    if cand.label in _PEOPLE_LABELS and cand.plural:
        if cand.label == "GROUP" and cand.size > 1:
            return wanted in (None, cand.size), "most recent coordinated names"
        return cand.head == tok.lemma_.lower(), f"earlier '{cand.canonical}'"
    return False, ""


def resolve_description(
    tok: Token,
    active: list[Candidate],
    people: dict[str, PersonFeatures],
    layout: Layout,
    lex: ReferenceLexicon,
) -> tuple[Candidate, str] | None:
    """The mention a definite description refers back to, with the reason, or None."""
    entry = description_of(tok, lex)
    if entry is None:
        return None
    here = layout.sent(tok.i)
    quote = layout.quote(tok.idx)
    paragraph = layout.paragraph(tok.idx)
    head = tok.lemma_.lower()
    # binding: an object never means its own verb's subject ("Putin met the envoy": not Putin)
    bound = (
        {c.key for c in active if coargument_subject(tok, c.token, tok.doc)}
        if tok.dep_ not in SUBJECT_DEPS else set()
    )
    window = [
        c
        for c in reversed(active)
        if here - c.sent <= DESCRIPTION_WINDOW
        and c.named
        and c.key not in bound
        and not (c.quote != -1 and c.quote != quote and quote == -1 and c.paragraph == paragraph)
    ]
    for cand in window:  # 1. the same head noun: "the Interior Ministry" ... "the ministry"
        if cand.label not in ("THING", "PERSON_NOM", "GROUP") and cand.head == head:
            return cand, f"earlier {cand.label} with the same head noun"
    for cand in window:  # 2. the head's class
        ok, reason = _fits(cand, entry, tok, people, lex)
        if ok:
            return cand, reason
    if entry.kind == "person" and entry.cues:  # 3. an epithet for the person just named
        for cand in window:
            if here - cand.sent > EPITHET_REACH:
                break
            feats = people.get(cand.key)
            sex = feats.sex if feats is not None else None
            if (
                cand.label == "PERSON"
                and cand.role == "subj"
                and (entry.gender is None or sex in (None, entry.gender))
            ):
                return cand, "an epithet for the subject just named"
    return None
