"""Who, to whom, where and when: the participants of an event trigger, over the dependency parse.

PLOVER codes a *source* actor, a *target* and a location for every event (PLOVER manual
0.8, "Event data fields"). The roles are read off spaCy's ClearNLP-style dependencies:
``nsubj``/``agent`` give the source, ``dobj``/``nsubjpass``/``dative`` and a few
prepositions the target, ``in``/``at`` phrases naming a GPE/LOC/FAC the place. Names are
resolved against ``doc._.entities`` (linked canonicals) when an earlier stage set them, else
against ``doc.ents``; a capital or seat of government acting as an actor is coded as the
government (CAMEO 1.1b3 actor rules), from ``metonyms.tsv`` (shared with the entity linker).
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc, Span, Token

from presslens.extract._dating import clause_date, dateline_tokens
from presslens.extract._shared import (
    NAME_PHRASE_DEPS,
    PERSONAL_PRONOUNS,
    PLACE_PREPOSITIONS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    EntityRef,
    doc_sentences,
    doc_text,
    document_entities,
    phrase_start,
)
from presslens.extract.events._lexicon import event_lexicon
from presslens.extract.reference import referent_of
from presslens.models import Mention

__all__ = ["ACTOR_SUBJECT_DEPS", "DEMONSTRATIVES", "PLACE_LABELS", "TARGET_PREPS", "ArgContext"]

DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
#: Labels of entities that can stand for a group of people (antecedents of they/them).
GROUP_LABELS = frozenset({"NORP", "ORG", "GPE", "PERSON"})
#: Sentences searched backwards for the antecedent of they/them (the current one included);
#: news prose re-names a group within a couple of sentences (checked on the seed article).
PLURAL_WINDOW = 3
#: The subjects that name an active clause's actor (a passive subject is its target).
ACTOR_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions whose object is the target of a verb or event noun ("a raid on X",
#: "sanctions against X", "talks with X", "accused X", "an attack into X").
TARGET_PREPS = frozenset({"on", "against", "with", "into", "upon", "to", "toward", "towards", "at", "over"})
NP_MAX_TOKENS = 14
#: Entity labels that are never a participant: a time is when, not who or to whom.
TIME_LABELS = frozenset({"DATE", "TIME"})


class ArgContext:
    """Per-Doc lookups for building Mentions: entities by token, metonyms, pronoun antecedents."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = event_lexicon()
        self.entities = document_entities(doc)

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

    # --- what can be a participant --------------------------------------------------------
    @cached_property
    def _time_tokens(self) -> frozenset[int]:
        """Tokens inside a time expression (``doc._.timexes``) or a DATE/TIME entity, and nouns
        that name a moment without a date (class ``moment``)."""
        out: set[int] = set()
        timexes = self.doc._.timexes if Doc.has_extension("timexes") else None
        spans = [(tx.start, tx.end) for tx in timexes or ()]
        spans += [(e.start_char, e.end_char) for e in self.doc.ents if e.label_ in TIME_LABELS]
        for start, end in spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
        out.update(self._moment_nouns())
        return frozenset(out)

    def _moment_nouns(self) -> list[int]:
        """Nouns naming a moment ("at some point", "on multiple occasions"), by one array read:
        a Token object per word of the article would cost more than the test."""
        strings = self.doc.vocab.strings
        hashes = [strings[w] for w in self.lex.word_class("moment") if w in strings]
        if not hashes or not len(self.doc):
            return []
        rows = self.doc.to_array([POS, LEMMA])
        hit = (rows[:, 0] == NOUN) & np.isin(rows[:, 1], np.array(hashes, dtype=rows.dtype))
        return np.flatnonzero(hit).tolist()

    @cached_property
    def _dateline_tokens(self) -> frozenset[int]:
        return dateline_tokens(self.doc)

    def can_participate(self, token: Token) -> bool:
        """Whether `token` can head an actor or target: never a time or a dateline."""
        return token.i not in self._time_tokens and token.i not in self._dateline_tokens

    # --- noun phrases -------------------------------------------------------------------
    def phrase_bounds(self, head: Token) -> tuple[int, int]:
        """Token range [start, end) of the noun phrase headed by `head`.

        Compounds, adjectives, numerals and possessives on the left; an of/from phrase on the
        right when the head is a common noun ("members of the diaspora"); coordinated heads
        ("Kartavikh and Belousov"). Determiners are dropped: the text is the name, not the
        article's grammar.
        """

        def detached(child: Token) -> bool:  # "Most disturbingly, X's phone": a sentence adverb
            return child.dep_ in {"advmod", "npadvmod"} and any(
                t.is_punct for t in self.doc[child.right_edge.i + 1 : head.i]
            )

        left, right = phrase_start(head, NAME_PHRASE_DEPS, skip=detached), head.i
        ent = self.entity_of(head)
        span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand") if ent is not None else None
        if span is not None:  # the whole name, even where the parse splits it
            left, right = min(left, span.start), max(right, span.end - 1)
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
                return self._nearest_name(token, clause.head)
            if clause.dep_ == "ccomp" and (focus := _cleft_focus(clause.head)) is not None:
                return focus  # "it was terrorists in Gaza that attacked the hospital"
        return token

    def _nearest_name(self, pronoun: Token, head: Token) -> Token:
        """The name just before a relative pronoun when the parse hangs the clause on a common
        noun further back ("pinned the blame on Islamic Jihad, which dismissed the claims": the
        group dismissed them, not the blame)."""
        if head.pos_ == "PROPN" or self.entity_of(head) is not None:
            return head
        before = pronoun.i - 1
        while before > head.i and self.doc[before].is_punct:
            before -= 1
        near = self.doc[before]
        ent = self.entity_of(near)
        if before > head.i and near.pos_ == "PROPN" and ent is not None and ent.label in GROUP_LABELS:
            return near
        return head

    def resolve(self, token: Token) -> Token:
        """The noun a pronoun-like head stands for, where the parse states it.

        A relative pronoun -> its antecedent; a demonstrative subject of a copula -> the
        predicate noun ("those being tortured ... are Russians"); a placeholder in apposition
        -> the noun before the dash or comma ("Khalilov's phone—something that ...—").
        """
        token = self.antecedent(token)
        low = token.lower_
        if low in DEMONSTRATIVES and token.dep_ in SUBJECT_DEPS and token.head.lemma_ == "be":
            be = token.head  # "those ... are Russians"; misparsed as "are [Russians] arrested"
            preds = [c for c in be.children if c.dep_ == "attr"]
            if not preds and be.dep_ in {"aux", "auxpass"}:
                preds = [
                    c for c in be.head.children if c.dep_ in {"attr", "nsubjpass", "nsubj"} and c.i > be.i
                ]
            preds = [c for c in preds if c.pos_ in {"NOUN", "PROPN"}]
            if preds:
                return preds[0]
        if low in self.lex.word_class("placeholder"):
            if token.dep_ == "appos" and token.head.pos_ in {"NOUN", "PROPN"}:
                return token.head
            left = [
                c
                for c in token.head.children
                if c.i < token.i and c.pos_ in {"NOUN", "PROPN"} and c.dep_ in {"dep", "appos", "npadvmod"}
            ]
            if left and any(t.is_punct for t in self.doc[left[-1].i + 1 : token.i]):
                return left[-1]
        return token

    def _is_group(self, cand: Token) -> bool:
        if cand.tag_ not in {"NNS", "NNPS"} or cand.dep_ == "compound":
            return False
        ent = self.entity_of(cand)
        return (
            cand.lemma_.lower() in self.lex.word_class("agent")
            or (ent is not None and ent.label in GROUP_LABELS)
            or any((e := self.entity_of(c)) is not None and e.label == "NORP" for c in cand.lefts)
        )

    def plural_antecedent(self, token: Token, depth: int = 0) -> Token | None:
        """The group of people a they/them/their stands for, searched backwards.

        Candidates are plural nouns (NNS/NNPS) that are group or agent nouns
        (``plover_classes.tsv`` class ``agent``), NORP/ORG/GPE/PERSON entities, or nouns
        modified by a nationality ("Russian citizens"). In the pronoun's own sentence the
        nearest preceding candidate wins; in earlier sentences the subject wins (centering
        theory's preference for the previous sentence's subject, Grosz, Joshi & Weinstein
        1995), and a plural pronoun subject hands on to its own antecedent ("X were detained.
        They are suspected ... they are accused"). Up to ``PLURAL_WINDOW`` sentences.
        """
        sents = [s for s in doc_sentences(self.doc) if s.start <= token.i][-PLURAL_WINDOW:]
        for n, sent in enumerate(reversed(sents)):
            if n == 0:
                before = [t for t in sent if t.i < token.i and t.head != token.head]
                found = next((t for t in reversed(before) if self._is_group(t)), None)
                if found is not None:
                    return found
                continue
            for subj in (t for t in sent if t.dep_ in SUBJECT_DEPS):
                if subj.lower_ in PLURAL_PRONOUNS and depth < 2:
                    return self.plural_antecedent(subj, depth + 1)
                if self._is_group(subj):
                    return subj
            found = next((t for t in reversed(list(sent)) if self._is_group(t)), None)
            if found is not None:
                return found
        return None

    def mention(self, token: Token, *, role: str) -> Mention | None:
        """A Mention for the phrase headed by `token`, with the canonical name when known."""
        token = self.resolve(token)
        ref = referent_of(self.doc, token)
        if ref is not None and token.pos_ == "PRON":  # "it struck", "they were detained", "his arrest"
            if self._in_sentence_before(ref.start, ref.end, token):
                text = doc_text(self.doc)[ref.start : ref.end]
                return Mention(
                    text=text, canonical=ref.canonical, start=ref.start, end=ref.end, inferred=True
                )
            end = token.idx + len(token.text)
            return Mention(text=token.text, canonical=ref.canonical, start=token.idx, end=end, inferred=True)
        if token.lower_ in PLURAL_PRONOUNS:
            ante = self.plural_antecedent(token)
            canonical = None
            if ante is not None:
                ent = self.entity_of(ante)
                start, end = self.phrase_bounds(ante)
                canonical = (
                    ent.canonical
                    if ent is not None and ent.start <= ante.idx < ent.end and end - start == 1
                    else self.doc[start:end].text
                )
                phrase = self.doc[start:end]
                if self._in_sentence_before(phrase.start_char, phrase.end_char, token):
                    return Mention(
                        text=phrase.text,
                        canonical=canonical,
                        start=phrase.start_char,
                        end=phrase.end_char,
                        inferred=True,
                    )
            end_char = token.idx + len(token.text)
            return Mention(
                text=token.text, canonical=canonical, start=token.idx, end=end_char, inferred=ante is not None
            )
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
        elif (named := self._appositive_name(token)) is not None:
            canonical = named  # "the group's leader, Ivan Petrov": the participant is the man named
        elif ref is not None:  # a definite description: "the ministry", "the two men"
            canonical = ref.canonical
        if role in {"actor", "target"}:
            canonical = self._metonym(span, ent) or canonical
        return Mention(text=span.text, canonical=canonical, start=span.start_char, end=span.end_char)

    def _appositive_name(self, token: Token) -> str | None:
        """The name a common noun is given in apposition ("another militant group, Islamic Jihad";
        "a local journalist, Maria Ivanova"): a person, organisation, place or group entity."""
        if token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ != "appos" or child.i < token.i:
                continue
            ent = self.entity_of(child)
            if ent is not None and ent.label in GROUP_LABELS and ent.start <= child.idx < ent.end:
                return ent.canonical
        return None

    @staticmethod
    def _in_sentence_before(start: int, end: int, pronoun: Token) -> bool:
        """Whether the antecedent span lies earlier in the pronoun's own sentence.

        Then the participant is named in the very sentence that states the event ("Uganda said
        it had paid ..."), and the mention points at that name, as PLOVER coders mark the
        named actor rather than the pronoun (PLOVER GSR markup); the pronoun stays the
        evidence, and ``inferred`` says the link was resolved. An antecedent in an earlier
        sentence leaves the pronoun as the mention: its offsets stay inside the event's text.
        """
        sent = pronoun.sent
        return sent.start_char <= start and end <= pronoun.idx

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

    # --- places ---------------------------------------------------------------------------
    def place_under(self, heads: list[Token]) -> Mention | None:
        """The first GPE/LOC/FAC inside an in/at/near phrase attached to any of `heads`; a
        facility the phrase names first by its name ("killed at the Al Ahli Arab Hospital in Gaza
        City") is where it happened, more precisely than its city ("at the airport in Baku" stays
        Baku: an unnamed facility says less than the city it is in)."""
        facilities = self.lex.word_class("site")
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in PLACE_PREPOSITIONS:
                    continue
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() in facilities and _named_facility(pobj):
                    return self.mention(pobj, role="place")
                for tok in child.subtree:
                    ent = self.entity_of(tok)
                    if ent is not None and ent.label in PLACE_LABELS:
                        return ent.mention()
        return None

    # --- dates ----------------------------------------------------------------------------
    def date_for(self, trigger: Token, scope: Span) -> str | None:
        """The event's own date: its clause's timex, else a clause's above it (``_dating``)."""
        return clause_date(self.doc, trigger, scope)


def _named_facility(noun: Token) -> bool:
    """A facility noun that is, or carries, a proper name ("Al Ahli Arab Hospital", "the Crocus
    City Hall"; not "the hospital", nor "the Gaza hospital", where the name is the city's)."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in {"FAC", "ORG"}:
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in {"GPE", "LOC"}
               for c in noun.lefts)


def _cleft_focus(be: Token) -> Token | None:
    """The focused noun of an it-cleft ("it was X that did it", "it is Y who ..."): the clause
    after it is relative to that noun, though the parser hangs it on the copula."""
    if be.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
        return None
    return next((c for c in be.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}), None)
