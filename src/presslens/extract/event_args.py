"""Who, to whom, where and when: the participants of an event trigger, over the dependency parse.

PLOVER codes a *source* actor, a *target* and a location for every event (PLOVER manual
0.8, "Event data fields"). The roles are read off spaCy's ClearNLP-style dependencies:
``nsubj``/``agent`` give the source, ``dobj``/``nsubjpass``/``dative`` and a few
prepositions the target, ``in``/``at`` phrases naming a GPE/LOC/FAC the place. Names are
resolved against ``doc._.entities`` (linked canonicals) when an earlier stage set them, else
against ``doc.ents``; a capital or seat of government acting as an actor is coded as the
government (CAMEO 1.1b3 actor rules), from ``plover_metonyms.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from presslens.extract.event_lexicon import event_lexicon
from presslens.models import Mention

__all__ = ["ArgContext", "EntityRef"]

RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "into", "throughout"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions whose object is the target of a verb or event noun ("a raid on X",
#: "sanctions against X", "talks with X", "accused X", "an attack into X").
TARGET_PREPS = frozenset({"on", "against", "with", "into", "upon", "to", "toward", "towards", "at", "over"})
#: Modifiers kept when a head noun is expanded to its noun phrase (not determiners).
NP_LEFT_DEPS = frozenset({"compound", "amod", "nummod", "poss", "nmod", "quantmod", "npadvmod", "advmod"})
NP_MAX_TOKENS = 14


@dataclass(frozen=True)
class EntityRef:
    """An entity mention with its within-document identity (from presslens or spaCy)."""

    start: int
    end: int
    label: str
    canonical: str
    text: str


class ArgContext:
    """Per-Doc lookups for building Mentions: entities by token, metonyms, pronoun antecedents."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = event_lexicon()
        self.entities = self._entities(doc)

    @staticmethod
    def _entities(doc: Doc) -> list[EntityRef]:
        linked = doc._.entities if Doc.has_extension("entities") else None
        if linked:
            return [EntityRef(e.start, e.end, e.label, e.canonical, e.text) for e in linked]
        return [EntityRef(e.start_char, e.end_char, e.label_, e.text, e.text) for e in doc.ents]

    @cached_property
    def _by_token(self) -> dict[int, EntityRef]:
        out: dict[int, EntityRef] = {}
        for ent in self.entities:
            span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                out.setdefault(tok.i, ent)
        return out

    def entity_of(self, token: Token) -> EntityRef | None:
        return self._by_token.get(token.i)

    # --- noun phrases -------------------------------------------------------------------
    def phrase_bounds(self, head: Token) -> tuple[int, int]:
        """Token range [start, end) of the noun phrase headed by `head`.

        Compounds, adjectives, numerals and possessives on the left; an of/from phrase on the
        right when the head is a common noun ("members of the diaspora"); coordinated heads
        ("Kartavikh and Belousov"). Determiners are dropped: the text is the name, not the
        article's grammar.
        """
        left = head.i
        for child in head.lefts:
            if child.dep_ in NP_LEFT_DEPS:
                left = min(left, child.left_edge.i)
        ent = self.entity_of(head)
        if ent is not None:
            span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is not None:
                left = min(left, span.start)
        right = head.i
        if ent is not None:
            span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is not None:
                right = max(right, span.end - 1)
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in {"of", "from"} and head.pos_ == "NOUN":
                right = max(right, child.right_edge.i)
            elif child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN"}:
                right = max(right, child.i)
                for grand in child.rights:
                    if grand.dep_ == "prep" and grand.lower_ in {"of", "from"}:
                        right = max(right, grand.right_edge.i)
        while left < head.i and self.doc[left].dep_ in {"det", "punct", "cc"}:
            left += 1
        while right > head.i and (self.doc[right].is_punct or self.doc[right].dep_ == "cc"):
            right -= 1
        if right - left + 1 > NP_MAX_TOKENS:
            right = max(head.i, left + NP_MAX_TOKENS - 1)
        return left, right + 1

    def antecedent(self, token: Token) -> Token:
        """The noun a relative pronoun stands for ("the brothers, who ..." -> brothers)."""
        if token.lower_ in RELATIVE_PRONOUNS:
            clause = token.head
            while (
                clause.dep_ not in {"relcl", "acl"}
                and clause.head.i != clause.i
                and clause.head.pos_ == "VERB"
            ):
                clause = clause.head
            if clause.dep_ in {"relcl", "acl"}:
                return clause.head
        return token

    def mention(self, token: Token, *, role: str) -> Mention | None:
        """A Mention for the phrase headed by `token`, with the canonical name when known."""
        token = self.antecedent(token)
        if token.pos_ in {"PRON", "DET"} and token.lower_ not in PERSONAL_PRONOUNS:
            if token.lower_ in RELATIVE_PRONOUNS:
                return None
            return Mention(text=token.text, start=token.idx, end=token.idx + len(token.text))
        start, end = self.phrase_bounds(token)
        span: Span = self.doc[start:end]
        canonical: str | None = None
        ent = self.entity_of(token)
        if ent is not None:
            canonical = ent.canonical
        elif token.lower_ in PERSONAL_PRONOUNS:
            canonical = self._pronoun_antecedent(token)
        if role in {"actor", "target"}:
            canonical = self._metonym(span, ent) or canonical
        return Mention(text=span.text, canonical=canonical, start=span.start_char, end=span.end_char)

    def _metonym(self, span: Span, ent: EntityRef | None) -> str | None:
        """'Government of <country>' for a capital or seat acting as an actor ("Official Baku").

        Applied only when the entity linker gave no canonical of its own (its canonical is
        just the surface text), so a linked "Government of ..." is never overridden.
        """
        if ent is not None and ent.canonical.lower() != ent.text.lower():
            return None
        if ent is not None and ent.label not in {"GPE", "FAC", "ORG", "LOC", "PERSON"}:
            return None
        words = [t for t in span if t.lower_ not in {"official", "the"}]
        if not words:
            return None
        key = self.doc[words[0].i : words[-1].i + 1].text.lower()
        country = self.lex.metonyms.get(key)
        return f"Government of {country}" if country else None

    def _pronoun_antecedent(self, token: Token) -> str | None:
        """The nearest preceding PERSON entity within two sentences: he/him/she/her."""
        sent_start = token.sent.start
        prev_sents = [s for s in self.doc.sents if s.end <= sent_start][-2:]
        floor = prev_sents[0].start_char if prev_sents else token.sent.start_char
        best: EntityRef | None = None
        for ent in self.entities:
            if (
                ent.label == "PERSON"
                and floor <= ent.start < token.idx
                and (best is None or ent.start > best.start)
            ):
                best = ent
        return best.canonical if best else None

    # --- places ---------------------------------------------------------------------------
    def place_under(self, heads: list[Token]) -> Mention | None:
        """The first GPE/LOC/FAC inside an in/at/near phrase attached to any of `heads`."""
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
                    continue
                for tok in child.subtree:
                    ent = self.entity_of(tok)
                    if ent is not None and ent.label in PLACE_LABELS:
                        return Mention(text=ent.text, canonical=ent.canonical, start=ent.start, end=ent.end)
        return None

    # --- dates ----------------------------------------------------------------------------
    def date_for(self, trigger: Token, scope: Span) -> str | None:
        """The value of a DATE/TIME timex attached to `trigger`'s clause (never the dateline)."""
        timexes = self.doc._.timexes if Doc.has_extension("timexes") else None
        if not timexes:
            return None
        for tx in timexes:
            if tx.type not in {"DATE", "TIME"} or not (scope.start_char <= tx.start < scope.end_char):
                continue
            span = self.doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None:
                continue
            tok = span.root
            while tok.i != trigger.i and tok.head.i != tok.i:
                tok = tok.head
                if tok.i != trigger.i and tok.pos_ in {"VERB"} and tok.dep_ not in {"aux", "auxpass"}:
                    break
            if tok.i == trigger.i:
                return tx.value
        return None
