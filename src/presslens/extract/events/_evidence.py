"""The evidence span of an event: the clause that states it, within one sentence.

Evidence is what a reader checks the event against: the clause or sentence that states
it, not the trigger word alone and never a paragraph. The clause is the trigger's
dependency subtree without coordinated clauses that state something else; a relative or
participial clause is shown with its antecedent ("the brothers, who were killed by ..."),
a subject-less complement or conjunct with the subject it borrows, and an event noun with
the word that governs it ("Following the arrest of ...", "announced the dismantling of
..."). Spans longer than ``MAX_EVIDENCE_CHARS`` (see ``extract._shared``) are cut back to
the trigger's own subtree and then to a window around the trigger.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import MAX_EVIDENCE_CHARS, SUBJECT_DEPS, own_subjects
from presslens.models import TextSpan

__all__ = ["evidence_span"]

#: Children whose subtrees state another clause and are left out of the evidence.
SEPARATE_DEPS = frozenset({"conj", "cc", "parataxis"})
EDGE_DEPS = frozenset({"cc", "mark", "punct"})
#: Subordinators of a clause that sets another assertion beside its main clause ("X blamed Y,
#: while Z said ..."; "the blast rocked the hospital as militants fired rockets at Israel").
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst", "as"})


def _own_subject(tok: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in tok.children)


def _contrast(clause: Token) -> bool:
    """A contrastive clause with its own subject ("while Israel said the blast was caused by a
    rocket"): another assertion set against the first, not part of it ("killed while sleeping"
    is)."""
    return clause.dep_ == "advcl" and _own_subject(clause) and any(
        c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)


def _clause_bounds(anchor: Token) -> tuple[int, int]:
    """[start, end] token indices of `anchor`'s subtree without its coordinated or contrasted
    clauses."""
    start, end = anchor.i, anchor.i
    stop = None  # where the first contrasted clause after the anchor begins: the clause ends before it
    for child in anchor.children:  # in text order
        if child.dep_ in SEPARATE_DEPS and (child.pos_ in {"VERB", "AUX"} or child.dep_ != "conj"):
            continue
        if _contrast(child):
            if child.i > anchor.i and stop is None:
                stop = child.left_edge.i
            continue
        start = min(start, child.left_edge.i)
        end = max(end, child.right_edge.i)
    if stop is not None:
        end = min(end, stop - 1)
    return start, end


def _extended_bounds(trigger: Token, noun: Token | None, kind: str) -> tuple[int, int]:
    if kind in {"nominal"} and noun is not None:
        start, end = noun.left_edge.i, noun.right_edge.i
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            start = min(start, head.i)
            if head.head.pos_ in {"NOUN", "PROPN"}:
                start = min(start, head.head.left_edge.i)
        elif noun.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
            start = min(start, head.i)
        elif noun.dep_ in SUBJECT_DEPS:
            start, end = _clause_bounds(head)
        return start, end
    start, end = _clause_bounds(trigger)
    if trigger.dep_ in {"relcl", "acl"} and trigger.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        # a that-clause the parser hung on the noun as a relative clause ("told a briefing that
        # the army was not ..."; `own_subjects` drops its "that") is a clause of its own
        subjects = [c for c in trigger.children if c.dep_ in SUBJECT_DEPS]
        if own_subjects(trigger, SUBJECT_DEPS) == subjects:
            start = min(start, trigger.head.left_edge.i)
    elif trigger.dep_ in {"xcomp", "advcl", "conj"} and not _own_subject(trigger):
        head = trigger.head
        while head.dep_ == "conj" and not _own_subject(head) and head.head.i != head.i:
            head = head.head  # "X was found, laid down and interrogated": back to X
        subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            start = min(start, subjects[0].left_edge.i)
        start = min(start, head.i)
    return start, end


def _trim(doc: Doc, start: int, end: int, floor: Token) -> tuple[int, int]:
    while start < end and start < floor.i and (doc[start].is_punct or doc[start].dep_ in EDGE_DEPS):
        start += 1
    while end > start and end > floor.i and (doc[end].is_punct or doc[end].dep_ in {"cc"}):
        end -= 1
    return start, end


def _window(sent: Span, trigger: Token, max_chars: int) -> tuple[int, int]:
    start = end = trigger.i
    while True:
        grew = False
        if (
            start > sent.start
            and sent.doc[end].idx + len(sent.doc[end]) - sent.doc[start - 1].idx <= max_chars
        ):
            start -= 1
            grew = True
        if (
            end < sent.end - 1
            and sent.doc[end + 1].idx + len(sent.doc[end + 1]) - sent.doc[start].idx <= max_chars
        ):
            end += 1
            grew = True
        if not grew:
            return start, end


def _line(trigger: Token) -> Span:
    """The trigger's sentence, cut at line breaks (headings and paragraphs never join)."""
    sent = trigger.sent
    start, end = sent.start, sent.end
    for tok in sent:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            if tok.i < trigger.i:
                start = tok.i + 1
            elif tok.i >= trigger.i:
                end = tok.i + 1 if not tok.is_space else tok.i
                break
    return trigger.doc[start:end]


def evidence_span(trigger: Token, *, noun: Token | None = None, kind: str = "verb") -> TextSpan:
    """The clause stating the event anchored at `trigger` (character offsets into the Doc)."""
    doc = trigger.doc
    sent = _line(noun if kind == "nominal" and noun is not None else trigger)
    anchor = noun if kind == "nominal" and noun is not None else trigger
    start, end = _extended_bounds(trigger, noun, kind)
    start, end = max(start, sent.start), min(end, sent.end - 1)
    start, end = _trim(doc, start, end, anchor)
    if doc[end].idx + len(doc[end]) - doc[start].idx > MAX_EVIDENCE_CHARS:
        start, end = _clause_bounds(anchor)
        start, end = _trim(doc, max(start, sent.start), min(end, sent.end - 1), anchor)
    if doc[end].idx + len(doc[end]) - doc[start].idx > MAX_EVIDENCE_CHARS:
        start, end = _window(sent, anchor, MAX_EVIDENCE_CHARS)
    span = doc[start : end + 1]
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)
