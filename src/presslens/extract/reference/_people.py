"""What the article says about its people: who is a person, their sex and their titles.

The tagger's labels are noisy on names (the small English model calls "Elena
Sokolova" and "Lavrov" organisations and "Mr. McKinley" a place), and
agreement needs a person's sex, which news text gives by a title ("Mrs.",
"Queen"), a role word ("spokeswoman", "actress"), the given name, a surname
ending, or later by the pronouns that could only mean them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from presslens.extract._shared import EntityRef, doc_text, doc_tokens
from presslens.extract.entities._lexicon import entity_lexicon
from presslens.extract.reference._lexicon import ReferenceLexicon

__all__ = ["PersonFeatures", "person_spans", "title_words"]

#: Entity labels that can be the antecedent of a pronoun or a description (OntoNotes labels);
#: numbers, dates, money and languages never are.
REFERABLE_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
#: How far left of a name a title is looked for ("Secretary of State John Kerry": 3 tokens).
TITLE_REACH = 4


@dataclass
class PersonFeatures:
    """What the article says about one person: sex (with the reason) and title words.

    ``firm`` sex (a title, a role word, a common given name, an earlier pronoun)
    rules the other pronoun out; a soft one (a rare given name, a surname
    ending) only makes it less likely.
    """

    sex: str | None = None
    reason: str = ""
    firm: bool = False
    titles: set[str] = field(default_factory=set)


def title_words(span: Span, lex: ReferenceLexicon) -> list[str]:
    """Title and role words around a name: before it ("Sen. Elizabeth Warren", "House Speaker
    Paul Ryan"), as its compound, or in apposition ("X, the actress" / "the actress, X")."""
    doc = span.doc
    found = []
    for tok in reversed(doc[max(0, span.start - TITLE_REACH) : span.start]):
        if tok.is_punct or tok.pos_ in ("VERB", "AUX", "PRON", "CCONJ", "SCONJ"):
            break
        if tok.lower_ in lex.person_words:
            found.append(lex.title_forms.get(tok.lower_, tok.lower_))
    root = span.root
    for other in (*root.children, root.head):
        related = other.dep_ == "appos" or (other is root.head and root.dep_ == "appos")
        if related and other.pos_ == "NOUN" and other.lemma_.lower() in lex.person_words:
            found.append(other.lemma_.lower())
    return found


def _given_name_person(
    doc: Doc, ent: EntityRef, lex: ReferenceLexicon, org_words: frozenset[str], lone: set[str]
) -> EntityRef:
    """`ent` as a PERSON when it is a given name and a surname the tagger typed otherwise.

    The small English model tags "Elena Sokolova met Pavel Orlov" as two ORGs, and
    "Lavrov" too. Two or three proper nouns opening with a given name of the lexicon
    and ending in a word, none of them an institution or media word ("Washington
    Post", "Apple Inc."), name a person, unless the first word is a name of its own
    in the article (`lone`: "Apple" ... "Apple Corps"); so does a lone surname with
    an ending that marks sex (``reference_surname_endings.tsv``). A name the entity
    stage linked to a known organisation or place keeps its type: "White House" is
    the US government, though "White" is a (rare) given name.
    """
    if ent.label == "PERSON" or ent.label not in REFERABLE_LABELS:
        return ent
    if ent.canonical != ent.text:  # linked to a known organisation or place ("White House" -> US government)
        return ent
    words = [w.strip(".,") for w in ent.text.split()]
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None or any(t.pos_ != "PROPN" for t in span) or any(w in org_words for w in words):
        return ent
    if len(words) == 1 and lex.surname_sex(words[0]) is not None:  # "Lavrov", "Zakharova"
        return EntityRef(ent.text, "PERSON", ent.start, ent.end, ent.canonical)
    if not 2 <= len(words) <= 3:
        return ent
    if words[0].lower() not in lex.given_names or words[0] in lone or not words[-1].isalpha():
        return ent
    return EntityRef(ent.text, "PERSON", ent.start, ent.end, ent.canonical)


def person_spans(doc: Doc, entities: list[EntityRef], lex: ReferenceLexicon) -> list[EntityRef]:
    """The entities, with names that follow a capitalised title made PERSON.

    The small English model tags "Mr. McKinley" as a GPE and misses "Mr. Clarke"
    altogether; an honorific or title right before a proper noun says it is a
    person (OntoNotes v14: titles precede PERSON names). So does a given name
    (`_given_name_person`).
    """
    org_words = entity_lexicon().org_cues | entity_lexicon().media_cues
    lone = {e.text for e in entities if " " not in e.text}
    entities = [_given_name_person(doc, e, lex, org_words, lone) for e in entities]
    by_start = {}
    for ent in entities:
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if span is not None:
            by_start[span.start] = ent
    out = list(entities)
    tokens = doc_tokens(doc)
    for tok in tokens[:-1]:
        # the set lookup first: most tokens are no title
        if tok.lower_ not in lex.person_words or not tok.text[:1].isupper():
            continue
        nxt = tokens[tok.i + 1]
        if nxt.pos_ != "PROPN":
            continue
        end = nxt.i
        while end + 1 < len(tokens) and tokens[end + 1].pos_ == "PROPN" and tokens[end + 1].tag_ == "NNP":
            end += 1
        start_char, end_char = nxt.idx, tokens[end].idx + len(tokens[end])
        ent = by_start.get(nxt.i)
        if ent is not None and ent.label != "PERSON":
            out[out.index(ent)] = EntityRef(ent.text, "PERSON", ent.start, ent.end, ent.canonical)
        elif ent is None and not any(e.start < end_char and start_char < e.end for e in entities):
            text = doc_text(doc)[start_char:end_char]
            out.append(EntityRef(text, "PERSON", start_char, end_char, text))
    return sorted(out, key=lambda e: e.start)
