"""The author's own conclusions stated as fact (flag ``unattributed_assertion``).

News writing should attribute contested facts (Reuters Handbook of Journalism,
"attribution"; SPJ Code of Ethics, "identify sources clearly"). An opinion
piece often cites sources that *suggest* something and then states it as fact
itself: "... specialists found injuries on the bodies. In short, they were
beaten to death." This check flags such a sentence when all of these hold, to
keep precision high (a reader sees few, well-founded flags):

1. it opens with a conclusion marker ("In short", "Clearly", "This proves"),
   after the argument-mining indicator lists of Stab & Gurevych (2017);
2. it has no attribution cue of its own (no claim found in it);
3. it asserts an event or accusation (a verb such as kill, beat, torture,
   fabricate; PLOVER ASSAULT/COERCE/ACCUSE examples) that is not negated;
4. one of the three sentences before it holds an attributed claim — the
   conclusion follows sources, which is what makes it the author's step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from presslens.extract._shared import doc_sentences, doc_text
from presslens.extract.claims._lexicon import assertion_lexicon
from presslens.models import Claim, Flag, TextSpan

__all__ = ["unattributed_assertions"]

CONTEXT_SENTENCES = 3
_NEGATIVE = {"nobody", "none", "never", "neither", "nothing"}


@lru_cache(maxsize=8)
def _marker_patterns(markers: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each marker with its compiled pattern, built once (it was escaped and compiled per sentence)."""
    return tuple((marker, re.compile(re.escape(marker) + r"\b")) for marker in markers)


def _marker(sent: Span, markers: tuple[str, ...]) -> str | None:
    # the Doc's cached text sliced: Span.text joins the sentence's tokens anew
    head = doc_text(sent.doc)[sent.start_char : sent.end_char].lstrip(" \"“'").lower()
    for marker, pattern in _marker_patterns(markers):
        if pattern.match(head):
            return marker
    return None


def _accusation_verb(sent: Span, verbs: frozenset[str]) -> str | None:
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs:
            negated = any(c.dep_ == "neg" or c.lower_ in _NEGATIVE for c in tok.children)
            if not negated:
                return tok.text
    return None


def unattributed_assertions(doc: Doc, claims: Sequence[Claim]) -> list[Flag]:
    """Sentences in which the author concludes, as fact, what the cited sources only suggest."""
    lex = assertion_lexicon()
    sents = doc_sentences(doc)
    flags: list[Flag] = []
    for k, sent in enumerate(sents):
        marker = _marker(sent, lex.markers)
        if marker is None:
            continue
        if any(sent.start_char <= c.cue.start < sent.end_char for c in claims):
            continue
        verb = _accusation_verb(sent, lex.verbs)
        if verb is None:
            continue
        window_start = sents[max(0, k - CONTEXT_SENTENCES)].start_char
        prior = [c for c in claims if window_start <= c.cue.start < sent.start_char]
        if not prior:
            continue
        speakers = ", ".join(dict.fromkeys(c.speaker.text for c in prior))
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        flags.append(
            Flag(
                kind="unattributed_assertion",
                evidence=TextSpan(text=text, start=start, end=start + len(text)),
                why=(
                    f"conclusion marker '{marker}' and accusation verb "
                    f"'{verb}' (claim_assertions.tsv) with no "
                    f"attribution of its own, right after claims attributed to {speakers}: the author states "
                    "as fact what the sources only report"
                ),
            )
        )
    return flags
