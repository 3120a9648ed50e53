"""Statements that implicate a party in an attack without naming it as the doer.

Officials often accuse by placing the perpetrators with another state rather than by saying it
acted: "the terrorists planned to flee to Ukraine", "the suspects were trying to escape towards
Ukraine", "the assailants had contacts on the Ukrainian side". PLOVER codes such a statement as
an accusation (ACCUSE) of that party, and analysts read it as one; coded as a plain statement,
the charge would be missing from the timeline and the actor graph.

A statement implicates party X when, in its content, the perpetrators (class ``assailant`` or
``perpetrator`` of plover_classes.tsv) are the subject of a verb of going or fleeing (class
``escape`` and ``travel``) headed to X, or have contacts (class ``contact``) on X's side or with
X, or X did an act of help (class ``complicity``) for them ("the Ukrainian side had been
preparing a gap in the border for the terrorists to cross"). The verb must not be negated
("they could not travel to Belarus") nor sit in an allegation the speaker reports ("the version
that they fled toward Ukraine does not stand"), a border is no party's, and X must not be the
speaker's own side: a Belarusian official saying the gunmen meant to reach Belarus accuses no
one (the caller passes `own`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Span, Token

from presslens.extract._shared import EntityRef
from presslens.extract.events._lexicon import event_lexicon

__all__ = ["implicated_party"]

#: Prepositions of direction after a verb of going ("fled to", "heading towards", "into").
_TOWARDS = frozenset({"to", "towards", "toward", "into", "for"})
#: Prepositions placing contacts with a party ("contacts on the Ukrainian side", "links with Kyiv").
_CONTACT_PREPS = frozenset({"on", "with", "in"})
#: Where two sides meet: going there places the perpetrators with neither.
_BOUNDARIES = frozenset({"border", "frontier", "boundary", "crossing"})
#: Verbs whose complement's subject is theirs ("planned to flee", "were trying to escape").
_CONTROL_DEPS = frozenset({"xcomp"})


def implicated_party(
    content: Span, parties: Sequence[EntityRef], own: Callable[[str], bool]
) -> EntityRef | None:
    """The party `content` implicates (see the module docstring), or None."""
    lex = event_lexicon()
    perpetrators = lex.word_class("assailant") | lex.word_class("perpetrator")
    going = lex.word_class("escape") | lex.word_class("travel")
    contacts = lex.word_class("contact")
    helping = lex.word_class("complicity")
    if not any(_perpetrator(t, perpetrators) for t in content):
        return None
    allegations = lex.word_class("allegation")
    for tok in content:
        lemma = tok.lemma_.lower()
        verb = tok.pos_ in {"VERB", "AUX"}
        if lemma in going and verb and _done_by(tok, perpetrators) and not _negated(tok):
            candidates = _objects(tok, _TOWARDS)
        elif lemma in contacts and tok.pos_ == "NOUN" and not _negated(tok.head):
            candidates = _objects(tok, _CONTACT_PREPS)
        elif lemma in helping and verb and _serves(tok, perpetrators) and not _negated(tok):
            candidates = _helpers(tok)
        else:
            continue
        if any(a.lemma_.lower() in allegations and a.pos_ == "NOUN" for a in tok.ancestors):
            continue  # "the version that they were fleeing toward Ukraine does not stand": reported, not said
        found = _party_under(candidates, parties, own)
        if found is not None:
            return found
    return None


def _done_by(verb: Token, perpetrators: frozenset[str]) -> bool:
    """The verb's subject, or that of the verb it complements, is a perpetrator noun."""
    controlled = False
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return _perpetrator(subject, perpetrators)
        if controlled and verb.dep_ == "acl":
            # "the terrorists who attacked the hall planned to flee, X said", parsed with "planned"
            # on "terrorists"; "the men ordered to flee": whoever "to flee" is said of, the noun is;
            # "the perpetrators of the shooting planned to flee", parsed with "planned" on "shooting":
            # the noun the of-phrase hangs on
            noun = verb.head
            while (noun.lemma_.lower() not in perpetrators and noun.dep_ == "pobj"
                   and noun.head.dep_ == "prep"):
                noun = noun.head.head
            return noun.lemma_.lower() in perpetrators
        if verb.dep_ not in _CONTROL_DEPS and verb.dep_ != "conj":
            return False
        controlled = verb.dep_ in _CONTROL_DEPS
        verb = verb.head
    return False


#: Plural pronouns that may stand for the perpetrators named just before ("They tried to escape").
_THEY = frozenset({"they", "them"})
#: How many tokens back "they" looks for the plural subject it stands for (about two sentences).
_THEY_REACH = 60


def _perpetrator(tok: Token, perpetrators: frozenset[str]) -> bool:
    """A perpetrator noun, or "they"/"them" whose nearest plural subject before it is one: "Gunmen
    opened fire ... . 'They tried to escape ... towards Ukraine,' Putin claimed" (the subject is the
    likeliest antecedent, as in centering; "according to the authorities" in between is not)."""
    if tok.lemma_.lower() in perpetrators:
        return True
    if tok.lower_ not in _THEY:
        return False
    doc = tok.doc
    for k in range(tok.i - 1, max(-1, tok.i - _THEY_REACH), -1):
        if doc[k].tag_ == "NNS" and doc[k].dep_ in {"nsubj", "nsubjpass"}:
            return doc[k].lemma_.lower() in perpetrators
    return False


def _serves(verb: Token, perpetrators: frozenset[str]) -> bool:
    """The perpetrators are whom the verb's act is for: its object, a for/to phrase, or the subject
    of a for-to clause on its object ("preparing a gap in the border for the terrorists to cross")."""
    for tok in verb.subtree:
        if not _perpetrator(tok, perpetrators) or tok.i == verb.i:
            continue
        if tok.dep_ in {"dobj", "dative"} and tok.head.i == verb.i:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in {"for", "to"}:
            return True
        if tok.dep_ == "nsubj" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.head.children):
            return True
    return False


def _helpers(verb: Token) -> Iterator[Token]:
    """Who did the helping act: the active subject, a passive's agent, or the side it was done on
    ("was prepared on the Ukrainian side")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            yield child
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "on"):
            yield from (g for g in child.children if g.dep_ == "pobj")


def _negated(verb: Token) -> bool:
    """The verb, or a verb governing it, is negated ("could not travel", "did not try to flee")."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ not in _CONTROL_DEPS or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _objects(head: Token, preps: frozenset[str]) -> Iterator[Token]:
    """The objects of `head`'s prepositions in `preps` ("to Ukraine", "on the Ukrainian side")."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            yield from (g for g in prep.children if g.dep_ == "pobj")


def _party_under(
    objects: Iterator[Token], parties: Sequence[EntityRef], own: Callable[[str], bool]
) -> EntityRef | None:
    """The first named party inside one of `objects`' phrases that is not the speaker's side."""
    for obj in objects:
        if obj.lemma_.lower() in _BOUNDARIES:
            continue  # "went to the Ukrainian-Russian border": where two sides meet implicates neither
        lo, hi = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        for party in parties:
            if lo <= party.start and party.end <= hi and not own(party.canonical or party.text):
                return party
    return None
