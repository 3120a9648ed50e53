"""What several extraction capabilities use, defined once.

- **Entity references.** The event coder (an actor or target) and the claim
  extractor (a speaker) both turn a head token into a `Mention` whose
  ``canonical`` comes from the document's entities: `EntityRef` and
  `document_entities` give them the same view of those entities.
- **Noun-phrase bounds.** Which left dependents belong to a noun phrase
  (`NOUN_MODIFIER_DEPS` and the three phrase kinds built on it), where a
  phrase starts (`phrase_start`) and the token range of a subtree
  (`subtree_bounds`). The three phrase kinds differ on purpose: each follows
  the annotation guideline of its task (see each constant).
- **Closed-class words.** Pronouns, prepositions of place, quotation marks,
  subject dependency labels. Grammar stays in code; content vocabularies
  live in ``presslens/resources``.
- **The evidence limit** `MAX_EVIDENCE_CHARS` shared by events and claims.
- **The text of a Doc** `doc_text`: spaCy rebuilds ``Doc.text`` from every
  token on each access, so a stage that reads it per sentence or per
  candidate turns linear work quadratic; every stage reads it once per Doc.
- **The tokens and sentences of a Doc** `doc_tokens`, `doc_sentences`: ``doc[i]``
  builds a new Token object on every call and ``doc.sents`` a new list of
  Spans, and the stages' scans asked for ~60 Tokens per token of text (a
  quarter of presslens's own analysis time on PTC news); the hot scans index
  one list built once per Doc instead.

Sets that look alike but differ are kept apart under names that say how;
each says why. Merging them would change what the stages find.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.models import Mention

__all__ = [
    "DEFINITE_DETERMINERS",
    "LABEL_PHRASE_DEPS",
    "LOCATIVE_PREPOSITIONS",
    "MAX_EVIDENCE_CHARS",
    "NAME_PHRASE_DEPS",
    "NOUN_MODIFIER_DEPS",
    "PERSONAL_PRONOUNS",
    "PLACE_PREPOSITIONS",
    "PLURAL_PRONOUNS",
    "PRONOUN_FEATURES",
    "QUOTATION_MARKS",
    "REFLEXIVE_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "SOURCE_PHRASE_DEPS",
    "SPATIAL_PREPOSITIONS",
    "SUBJECT_DEPS",
    "EntityRef",
    "doc_sentences",
    "doc_text",
    "doc_tokens",
    "document_entities",
    "keep_doc_text",
    "own_subjects",
    "phrase_start",
    "sentence_of",
    "span_text",
    "subtree_bounds",
    "tokens_text",
]

#: The most characters an evidence span may hold: about two lines of a news column,
#: enough for any single clause in the seed article and the PLOVER example sentences.
#: Events cut a longer clause back to the trigger's subtree, claims to the attribution.
MAX_EVIDENCE_CHARS = 300

_TEXT_KEY = "presslens.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and kept in ``doc.user_data`` (the Doc's text never changes)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def keep_doc_text(doc: Doc, text: str) -> None:
    """Record `text`, the string `doc` was tokenised from, as what `doc_text` returns.

    spaCy's tokenizer keeps every character, so ``doc.text == text``; joining it
    back builds one Token per word, which the caller that made the Doc can spare.
    A `text` whose length does not end where the Doc's last token does is ignored.
    """
    if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text):
        doc.user_data[_TEXT_KEY] = text


_TOKENS_KEY = "presslens.tokens"
_SENTENCES_KEY = "presslens.sentences"


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, built once per Doc and kept in ``doc.user_data``.

    Keyed on the Doc's length: a retokenised Doc (merged or split tokens) gets a
    fresh list, since the old Tokens point into the replaced token array.
    """
    cached = doc.user_data.get(_TOKENS_KEY)
    if cached is None or len(cached) != len(doc):
        cached = doc.user_data[_TOKENS_KEY] = list(doc)
    return cached


def doc_sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)`` built once per Doc (sentence boundaries are set before presslens runs).

    A Doc without sentence boundaries counts as one sentence (``doc.sents`` would raise).
    """
    return _sentence_table(doc)[1]


def sentence_of(doc: Doc, i: int) -> Span:
    """``doc[i].sent`` by bisection over the cached sentences (Token.sent walks to both ends)."""
    _, sents, starts = _sentence_table(doc)
    return sents[bisect_right(starts, i) - 1]


def _sentence_table(doc: Doc) -> tuple[int, list[Span], list[int]]:
    cached = doc.user_data.get(_SENTENCES_KEY)
    if cached is None or cached[0] != len(doc):
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        cached = doc.user_data[_SENTENCES_KEY] = (len(doc), sents, [s.start for s in sents])
    return cached


def span_text(span: Span) -> str:
    """``span.text`` cut from the Doc's cached text: Span.text joins a new Token per word on each call."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def tokens_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (``end`` > ``start``) without building the Span."""
    tokens = doc_tokens(doc)
    last = tokens[end - 1]
    return doc_text(doc)[tokens[start].idx : last.idx + len(last)]


# --- entity references -----------------------------------------------------------------------


@dataclass(frozen=True)
class EntityRef:
    """A named entity as plain character offsets, with its within-document identity."""

    text: str
    label: str
    start: int
    end: int
    canonical: str

    def mention(self) -> Mention:
        """The entity as a participant or a party: its text, canonical name and offsets."""
        return Mention(text=self.text, canonical=self.canonical, start=self.start, end=self.end)


def document_entities(doc: Doc, *, require_proper_person: bool = False) -> list[EntityRef]:
    """Linked entities when the presslens entity stage ran (``doc._.entities``), else ``doc.ents``.

    Without the entity stage the canonical name is the text itself. With
    ``require_proper_person`` a tagger PERSON holding no proper noun is left out:
    the small English model tags nationality adjectives ("Azerbaijani") as PERSON,
    and a claim's speaker must not resolve to one. The event coder takes the
    tagger's spans as they are.
    """
    linked = getattr(doc._, "entities", None) if Doc.has_extension("entities") else None
    if linked:
        return [
            EntityRef(text=e.text, label=e.label, start=e.start, end=e.end, canonical=e.canonical)
            for e in linked
        ]
    return [
        EntityRef(text=e.text, label=e.label_, start=e.start_char, end=e.end_char, canonical=e.text)
        for e in doc.ents
        if not require_proper_person or e.label_ != "PERSON" or any(t.pos_ == "PROPN" for t in e)
    ]


# --- noun-phrase bounds ----------------------------------------------------------------------

#: Left dependents every noun phrase keeps: compounds, adjectives, numbers and quantifiers,
#: possessors, nominal modifiers, adverbs ("nearly 40 soldiers").
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "poss", "nmod", "quantmod", "advmod"})
#: An event participant's phrase (``events``): plus bare-noun adverbials ("Moscow-based"),
#: without determiners: the text is the name, not the article's grammar.
NAME_PHRASE_DEPS = NOUN_MODIFIER_DEPS | {"npadvmod"}
#: A claim's source (``claims``): the whole noun phrase with determiners and case markers,
#: as the PolNeAR guidelines (Newell et al. 2018, section 3.1) annotate a source.
SOURCE_PHRASE_DEPS = NAME_PHRASE_DEPS | {"det", "case"}
#: A persuasive label (``persuasion``): the noun phrase with its determiner, as the
#: Propaganda Techniques Corpus annotates "the former occupier" (no bare-noun adverbials).
LABEL_PHRASE_DEPS = NOUN_MODIFIER_DEPS | {"det"}


def phrase_start(head: Token, deps: frozenset[str], *, skip: Callable[[Token], bool] | None = None) -> int:
    """Index of the first token of `head`'s phrase: the left edge of its leftmost dependent in `deps`.

    ``skip`` leaves out a dependent that has the label but not the role (a sentence
    adverb before a subject, for example).
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in deps and not (skip is not None and skip(child)):
            start = min(start, child.left_edge.i)
    return start


def subtree_bounds(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of `tok`'s subtree."""
    return tok.left_edge.i, tok.right_edge.i + 1


def own_subjects(clause: Token, deps: frozenset[str]) -> list[Token]:
    """The clause's subjects (children with a dep in `deps`), less a complementizer the parser
    took for one when the clause has a subject of its own: "told a briefing that, at the time,
    the army was not conducting air operations" is parsed as a relative clause on "briefing"
    with two subjects, "that" and "army"."""
    found = [c for c in clause.children if c.dep_ in deps]
    return found[1:] if len(found) > 1 and found[0].lower_ == "that" else found


# --- closed-class words ----------------------------------------------------------------------

#: Nominal subjects, active or passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Singular personal pronouns that stand for a person (resolved to the nearest PERSON).
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
#: Plural personal pronouns that stand for a group (resolved to a plural noun or subject).
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: Pronouns that open a relative clause and stand for its antecedent.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
#: Every third-person personal, possessive and reflexive pronoun with its agreement
#: features (``reference``): "m"/"f" a person of that sex, "n" a thing or an organisation,
#: "pl" a group. Singular "they" for one person is read as a group, which news style
#: (AP Stylebook 2017) allows only when the person asks for it.
PRONOUN_FEATURES: dict[str, str] = (
    dict.fromkeys(("he", "him", "his", "himself"), "m")
    | dict.fromkeys(("she", "her", "hers", "herself"), "f")
    | dict.fromkeys(("it", "its", "itself"), "n")
    | dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "pl")
)
#: Reflexive pronouns: bound by the subject of their own clause (binding principle A).
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "itself", "themselves"})
#: Determiners that make a noun phrase definite or demonstrative ("the ministry", "these men").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})

#: Prepositions of place that every list below holds.
_PLACE_CORE = frozenset({"in", "near", "outside", "inside", "across", "throughout", "into"})
#: Prepositions whose object is where an event took place (``events``: "raided the home
#: in Baku", "a protest at the embassy").
PLACE_PREPOSITIONS = _PLACE_CORE | {"at"}
#: Prepositions before a name that keep it a place in that slot (``entities``: "outside
#: El Fasher" ORG -> GPE). It has "around" where `PLACE_PREPOSITIONS` has "at": the entity
#: rule was checked on CoNLL-2003 and the event rule on the PLOVER examples, each with its
#: own list; one list for both would change what each stage finds.
LOCATIVE_PREPOSITIONS = _PLACE_CORE | {"around"}
#: Prepositions of place or direction (``entities``): a capital after one of these is a
#: location or a destination ("flew to Moscow", "from Baku"), not the government acting.
SPATIAL_PREPOSITIONS = _PLACE_CORE | {
    "at",
    "around",
    "within",
    "from",
    "to",
    "via",
    "through",
    "toward",
    "towards",
}

#: Double quotation marks as single tokens; each stage adds the marks its task needs
#: (``entities``: a straight single quote around a name; ``persuasion``: the low „).
QUOTATION_MARKS = frozenset({'"', "“", "”", "«", "»"})
