"""Label repairs read from the words around a name, not from the name itself.

The small model labels a name mostly from its own characters, so an unfamiliar name
gets a label by its shape: "Khurcha" PERSON, "Yendry Velasquez" ORG, "RTVE" PERSON.
News prose usually says what the name is in the next few words, and each rule below
reads one such cue; every cue word comes from ``entity_link_cues.tsv``:

- a settlement noun governs it ("the village of Khurcha", "the Syunik province"):
  GPE (OntoNotes v14 tags settlements and administrative divisions GPE);
- a type noun precedes it or stands in apposition ("rights group Foro Penal",
  "Vente Venezuela, the party led by ...", "activist X", "Orlov, a correspondent"):
  the lexico-syntactic patterns of Hearst (COLING 1992);
- it is coordinated with a PERSON name of the same shape ("Pavel Orlov and Dmitry
  Sokolov"): conjuncts share their class (Roark & Charniak, COLING 1998);
- an alias phrase ties it to the PERSON before it ("Dagalo, known as Hemedti");
- a place the document establishes (by a settlement noun, or a GPE label elsewhere)
  keeps that reading in a locative slot ("outside El Fasher" ORG -> GPE): one sense
  per document (Krishnan & Manning, ACL 2006), restricted to precise place evidence;
- an acronym is an organisation, not a person ("broadcaster RTVE" PERSON -> ORG);
- a place and a group word in one span are split ("Mississippi Republican");
- a PERSON name the tagger cut short takes the capitalised word after it ("Maria
  Corina" + "Machado").

Each rule was checked on CoNLL-2003 testb (``evaluation/conll.py``) as well as on
the unseen articles of ``tests/extract/entities/data/entity_articles``.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc

from presslens.extract._shared import LOCATIVE_PREPOSITIONS
from presslens.extract.entities._additions import RepairedSpan, mostly_upper, settlement_noun, span_text
from presslens.extract.entities._gazetteer import Gazetteer
from presslens.extract.entities._lexicon import EntityLexicon, fold

__all__ = ["SURNAME_CITY_MIN_POP", "context_rules", "person_shaped", "settlement_label"]

# A name word that is also a city at least this large is not evidence of a person: the
# tagger calls clubs PERSON ("Werder Bremen"). Smaller towns share their names with
# common surnames ("Sokolov", CZ, 22,000). Calibrated on CoNLL-2003 testb.
SURNAME_CITY_MIN_POP = 100_000
# Labels a settlement noun overrides ("the village of Khurcha" PERSON -> GPE).
_SETTLED = frozenset({"PERSON", "ORG", "NORP", "FAC", "LOC"})
_COORDINATORS = frozenset({"and", "or", ",", "&"})
_NAME_LIKE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_TYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_DETERMINERS = frozenset({"a", "an", "the"})
_NOUN_TAGS = frozenset({"", "NN", "NNS"})
# A PERSON span the tagger cut short is extended by at most this many words.
_MAX_NAME_EXTENSION = 2
# "X, a foreign policy adviser to ...": at most this many modifiers before the type noun.
_MAX_APPOSITIVE_MODIFIERS = 3


def _is_place(text: str, lex: EntityLexicon, gaz: Gazetteer) -> bool:
    return bool(
        gaz.country_code(text) or lex.is_demonym(text) or gaz.is_region(text) or gaz.city_population(text)
    )


def settlement_label(doc: Doc, cand: RepairedSpan, lex: EntityLexicon, gaz: Gazetteer) -> str | None:
    """The settlement noun that makes ``cand`` a GPE ("village of"), or None."""
    text = span_text(doc, cand)
    if cand.label not in _SETTLED or (gaz.is_region(text) and not gaz.region_country(text)):
        return None
    words = {t.text for t in doc[cand.start : cand.end]}
    if words & (lex.org_cues | lex.media_cues) or lex.is_demonym(text):
        return None
    return settlement_noun(doc, cand.start, cand.end, lex)


def person_shaped(doc: Doc, cand: RepairedSpan, lex: EntityLexicon, gaz: Gazetteer) -> bool:
    """Two or three capitalised words with no institution, title or place word ("Pavel Orlov").

    Not after "the" ("the United Nations, Karel Kovanda"), and neither a word nor the
    whole name a country, region or city of ``SURNAME_CITY_MIN_POP`` or more.
    """
    toks = doc[cand.start : cand.end]
    return (
        2 <= len(toks) <= 3
        and all(t.is_title and t.is_alpha and t.tag_ in {"", "NNP", "NNPS"} for t in toks)
        and not (cand.start > 0 and doc[cand.start - 1].lower_ == "the")
        and not {t.text for t in toks} & (lex.org_cues | lex.media_cues)
        and gaz.city_population(toks.text) < SURNAME_CITY_MIN_POP
        and not (gaz.country_code(toks.text) or gaz.is_region(toks.text))
        and not any(
            t.lower_ in lex.titles
            or gaz.country_code(t.text)
            or lex.is_demonym(t.text)
            or gaz.is_region(t.text)
            or gaz.city_population(t.text) >= SURNAME_CITY_MIN_POP
            for t in toks
        )
    )


def _coordinated_persons(doc: Doc, cands: list[RepairedSpan], lex: EntityLexicon, gaz: Gazetteer) -> None:
    """A name coordinated with a PERSON name of the same shape is a PERSON too.

    Adjacency is read from the tokens, not the parse, which often attaches the first
    name inside the second ("Orlov" nmod of "Sokolov"). Repeated so that a list
    "A, B and C" spreads from any PERSON in it.
    """
    ordered = sorted((c for c in cands if c.label in _NAME_LIKE), key=lambda c: c.start)
    changed = True
    while changed:
        changed = False
        for left, right in pairwise(ordered):
            between = doc[left.end : right.start]
            if not 1 <= len(between) <= 2 or not all(t.lower_ in _COORDINATORS for t in between):
                continue
            for person, other in ((left, right), (right, left)):
                if (
                    person.label == "PERSON"
                    and other.label != "PERSON"
                    and person_shaped(doc, person, lex, gaz)
                    and person_shaped(doc, other, lex, gaz)
                ):
                    other.change("PERSON", f"coordinated with the PERSON {span_text(doc, person)!r}")
                    changed = True


def _type_noun(doc: Doc, cand: RepairedSpan, lex: EntityLexicon) -> tuple[str, str] | None:
    """(label, cue) from a type noun right before the name or in apposition after it."""
    if cand.start > 0:
        prev = doc[cand.start - 1]
        if prev.is_lower and prev.tag_ in _NOUN_TAGS:
            if prev.lower_ in lex.org_nouns:
                return "ORG", prev.text
            if prev.lower_ in lex.person_nouns:
                return "PERSON", prev.text
    j = cand.end
    if j < len(doc) and doc[j].is_lower and doc[j].tag_ in _NOUN_TAGS and doc[j].lower_ not in lex.org_nouns:
        j += 1  # one noun modifier between: "the Turan news agency"
    if j < len(doc) and doc[j].is_lower and doc[j].lower_ in lex.org_nouns:
        return "ORG", doc[cand.end : j + 1].text
    i = cand.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in _DETERMINERS:
        for j in range(i + 2, min(i + 3 + _MAX_APPOSITIVE_MODIFIERS, len(doc))):
            tok = doc[j]
            if not tok.is_lower or not tok.is_alpha:
                break
            follows = doc[j + 1] if j + 1 < len(doc) else None
            if follows is not None and follows.pos_ in {"VERB", "AUX"} and follows.dep_ != "acl":
                continue  # "..., the group said": the noun is a subject, not an appositive
            if tok.lower_ in lex.org_nouns:
                return "ORG", f", {doc[i + 1 : j + 1].text}"
            if tok.lower_ in lex.person_nouns:
                return "PERSON", f", {doc[i + 1 : j + 1].text}"
    return None


def _typed_by_nouns(doc: Doc, cand: RepairedSpan, lex: EntityLexicon, gaz: Gazetteer) -> None:
    if cand.label not in _TYPED or _is_place(span_text(doc, cand), lex, gaz):
        return
    typed = _type_noun(doc, cand, lex)
    if typed and typed[0] != cand.label:
        cand.change(typed[0], f"type noun {typed[1]!r}")
        if doc[cand.start].lower_ == "the" and cand.end - cand.start > 1:  # kept for a WORK_OF_ART
            cand.why.append("trimmed 'the'")
            cand.start += 1


def _alias_of_person(
    doc: Doc, cand: RepairedSpan, by_end: dict[int, RepairedSpan], lex: EntityLexicon
) -> None:
    """ "Mohamed Hamdan Dagalo, known as Hemedti": the alias is the same PERSON."""
    i = cand.start - 1
    if i >= 0 and doc[i].lower_ == "as":
        i -= 1
    if i < 0 or doc[i].lower_ not in lex.alias_words:
        return
    i -= 1
    while i >= 0 and (doc[i].text == "," or doc[i].lower_ in {"also", "better", "widely"}):
        i -= 1
    owner = by_end.get(i + 1)
    if owner is not None and owner.label == "PERSON" and cand.label != "PERSON":
        cand.change("PERSON", f"alias of {span_text(doc, owner)!r}")


def _acronym_person(doc: Doc, cand: RepairedSpan) -> None:
    """An all-capitals word outside a headline is an acronym, not a person ("RTVE")."""
    tok = doc[cand.start]
    if (
        cand.label == "PERSON"
        and cand.end - cand.start == 1
        and tok.is_upper
        and tok.is_alpha
        and 2 <= len(tok) <= 6
        and not mostly_upper(tok)
    ):
        cand.change("ORG", "acronym")


def _extend_person(doc: Doc, cand: RepairedSpan, taken: set[int], lex: EntityLexicon, gaz: Gazetteer) -> None:
    """ "Maria Corina" PERSON + "Machado" untagged: the name continues (at most two words)."""
    for _ in range(_MAX_NAME_EXTENSION):
        if cand.label != "PERSON" or cand.end >= len(doc) or cand.end in taken:
            return
        last, nxt = doc[cand.end - 1], doc[cand.end]
        if not (
            last.is_title
            and last.is_alpha
            and last.whitespace_
            and nxt.is_title
            and nxt.is_alpha
            and len(nxt) > 2
            and nxt.tag_ == "NNP"
            and not nxt.is_sent_start
            and not (lex.is_demonym(nxt.text) or gaz.country_code(nxt.text) or gaz.capital_country(nxt.text))
            and nxt.lower_ not in lex.titles
        ):
            return
        cand.why.append(f"extended by {nxt.text!r}: PERSON")
        taken.add(cand.end)
        cand.end += 1


def _place_consistency(doc: Doc, cands: list[RepairedSpan], places: dict[str, str]) -> None:
    """A name the document shows to be a place stays one in a locative slot."""
    for cand in cands:
        if cand.label not in {"PERSON", "ORG", "NORP"}:
            continue
        key = fold(span_text(doc, cand))
        prev = doc[cand.start - 1].lower_ if cand.start > 0 else ""
        if key in places and (prev in LOCATIVE_PREPOSITIONS or places[key] == "settlement"):
            cand.change("GPE", f"a place elsewhere in the document ({places[key]})")


def _split_place_demonym(
    doc: Doc, cands: list[RepairedSpan], lex: EntityLexicon, gaz: Gazetteer
) -> None:
    """ "Mississippi Republican" NORP is a place and a group: GPE "Mississippi" + NORP."""
    for cand in list(cands):
        toks = doc[cand.start : cand.end]
        place = toks[:-1].text if len(toks) >= 2 else ""
        if (
            cand.label in {"NORP", "PERSON", "ORG"}
            and place
            and lex.is_demonym(toks[-1].text)
            and (gaz.country_code(place) or gaz.region_country(place))
        ):
            cands.append(RepairedSpan(cand.start, cand.end - 1, "GPE", ["split: place before a group word"]))
            cand.why.append(f"split off {place!r}")
            cand.start = cand.end - 1
            cand.change("NORP", "group word after a place")


def context_rules(doc: Doc, cands: list[RepairedSpan], lex: EntityLexicon, gaz: Gazetteer) -> None:
    """Apply the context rules of this module to ``cands`` in place (see the module doc)."""
    _split_place_demonym(doc, cands, lex, gaz)
    taken = {i for c in cands for i in range(c.start, c.end)}
    by_end = {c.end: c for c in cands}
    for cand in cands:
        _extend_person(doc, cand, taken, lex, gaz)
        _acronym_person(doc, cand)
        _typed_by_nouns(doc, cand, lex, gaz)
        _alias_of_person(doc, cand, by_end, lex)
    places: dict[str, str] = {}
    for cand in cands:
        noun = settlement_label(doc, cand, lex, gaz)
        if noun:
            cand.change("GPE", f"name governed by {noun!r}")
            places[fold(span_text(doc, cand))] = "settlement"
        elif cand.label == "GPE":
            places.setdefault(fold(span_text(doc, cand)), "GPE label")
    _place_consistency(doc, cands, places)
    _coordinated_persons(doc, cands, lex, gaz)
