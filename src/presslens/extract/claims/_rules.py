"""Dependency rules that find one attribution (source, cue, content) around a cue word.

Each rule follows the attribution model of Pareti (2016, PARC 3.0) as used by
PolNeAR (Newell et al. 2018): a *cue* links a *source* to a *content*. The
rules read spaCy's ClearNLP-style dependencies:

- reporting verb: source = nsubj (or the agent of a passive, or the subject a
  coordinated / participial / relative verb inherits); content = the ccomp
  clause, else for verbs that take one the object phrase ("announced the
  dismantling", "labeled X as Y"), else the clause the cue interrupts
  ("X, he said, is ..."), else an adjacent quotation;
- evidential verb ("reports indicate"): as above, but only with a source noun
  as subject, so the author's own "this indicates" is not an attribution;
- "according to X": source = the object of "to"; content = the clause the
  phrase modifies, minus the phrase;
- noun cue ("in a statement"): source = subject of the verb it modifies;
  content = that verb's clause minus the phrase;
- prepositional cue ("called for", "pointed to"; kind ``verb-prep``): the cue
  is the verb and its preposition, the content the preposition's object;
- predicate adjective of belief ("she was sure that ..."): the copula's
  subject is the source, the adjective's clause the content.

Any cue verb also takes a to-infinitive as content ("vowed to block it",
"urged them to leave"). A cue under "must"/"should", or a belief verb under
"may"/"might"/"could" ("Russia may now realize that ..."), is the author's
view and yields nothing; so does an extraposed "it" or a generic "you".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import RELATIVE_PRONOUNS, SUBJECT_DEPS, phrase_start, subtree_bounds
from presslens.extract.claims._lexicon import ClaimLexicon

__all__ = [
    "Draft",
    "according_to_draft",
    "adjective_draft",
    "noun_cue_draft",
    "punctuation_drafts",
    "verb_draft",
]

_INHERIT_DEPS = {"conj", "xcomp", "advcl", "acl", "relcl", "pcomp"}
# A relative pronoun as the subject of a relative clause: "whose" is a determiner, never nsubj.
_SUBJECT_RELATIVES = RELATIVE_PRONOUNS - {"whose"}
# Left dependents that start a source phrase where a quotation must end right before it
# ("'...,' Ms. Moore said"): narrower than SOURCE_PHRASE_DEPS, which spans the whole phrase.
_SOURCE_START_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod"})
_NP_PREPS = {"as", "for", "on", "of", "about"}
_PLACEHOLDERS = {"it", "this", "that", "there", "which", "what", "you"}
_DEONTIC = {"must", "should", "ought"}
_SPECULATIVE = {"may", "might", "could"}


@dataclass
class Draft:
    """An attribution found in one sentence, as token spans (turned into a Claim by ``_attribution``)."""

    source: Token
    cue: Span
    content: tuple[int, int]  # token start, end (exclusive)
    kind: str
    rule: str


def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop edge punctuation (not quotation marks) and conjunctions; None when nothing is left."""
    while start < end and ((doc[start].is_punct and not doc[start].is_quote) or doc[start].dep_ == "cc"):
        start += 1
    while end > start and doc[end - 1].is_punct and not doc[end - 1].is_quote:
        end -= 1
    return (start, end) if end > start else None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The source token of `verb`: its nsubj, a passive agent, or what a dependent verb inherits."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in _SUBJECT_RELATIVES and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    if depth < 3 and verb.dep_ in _INHERIT_DEPS and verb.head is not verb:
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if (verb.dep_ in ("advcl", "pcomp") and verb.tag_ != "VBG") or verb.head.pos_ not in (
            "VERB",
            "AUX",
            "NOUN",
            "PROPN",
        ):
            return None
        return subject_of(verb.head, depth + 1)
    return None


def _np_content(verb: Token) -> tuple[int, int] | None:
    parts = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "attr")]
    parts += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in _NP_PREPS and parts == []]
    if not parts:
        return None
    extra = [
        c for c in verb.rights if c.dep_ in ("oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ in _NP_PREPS)
    ]
    spans = [subtree_bounds(c) for c in parts + extra]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _interrupted_clause(verb: Token) -> tuple[int, int] | None:
    """Content of a parenthetical cue: "The plan, he said, is bad" -> "The plan ... is bad"."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head is verb or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ != "parataxis" and verb.i < head.i:
        return None
    start, end = subtree_bounds(head)
    if verb.right_edge.i + 1 >= end:  # cue at the end: content is what precedes it
        end = verb.left_edge.i
    return (start, end) if end > start else None


def adjacent_quote(verb: Token, source: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token span of a quotation right before the source/cue ('"...," she said') or right after the cue.

    Needed when the parser splits the quotation from its cue ('"You winning?" she said.').
    """
    doc = verb.doc
    text = doc.text
    left = min(verb.idx, _source_start(source))
    right_tok = max(verb.i, *(c.i for c in verb.rights if c.dep_ in ("dobj", "prt", "dative")), 0)
    right = doc[right_tok].idx + len(doc[right_tok])
    for start, end in quotes:
        if (end <= left and not text[end:left].strip(" ,\n—–-")) or (
            start >= right and not text[right:start].strip(" ,:")
        ):
            pass
        else:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return span.start, span.end
    return None


def _source_start(source: Token) -> int:
    """Where the source phrase starts: its left modifiers ("Ms. Moore", "Tulsa police Chief X") included."""
    return source.doc[phrase_start(source, _SOURCE_START_DEPS)].idx


def _clause_complement(verb: Token) -> tuple[int, int] | None:
    """A finite clause the parser attached as advcl: "said after the convention he would not ..."."""
    for child in verb.rights:
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in child.children)
        has_marker = any(c.dep_ in ("mark", "advmod") and c.i < child.i for c in child.children)
        finite = child.tag_ in ("VB", "VBD", "VBZ", "VBP")
        if child.dep_ == "advcl" and finite and has_subject and not has_marker:
            start = min(c.left_edge.i for c in child.children if c.dep_ in SUBJECT_DEPS)
            return start, child.right_edge.i + 1
    return None


def _prepositional_object(verb: Token, preps: frozenset[str]) -> tuple[int, int, int] | None:
    """Content and cue end of a prepositional cue ("called for X", "pointed to X"): (start, end, cue_end)."""
    for child in verb.rights:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps and child.i <= verb.i + 2:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return (*subtree_bounds(objs[0]), child.i + 1)
    return None


def adjective_draft(adjective: Token, lex: ClaimLexicon) -> Draft | None:
    """A predicate adjective of belief with a clause: "X is sure that ...", "X was confident Y would ...".

    PolNeAR counts beliefs as attributions (guidelines section 3, "cues of
    belief"); with an adjective the cue is the copula and the adjective
    ("is sure"). The adjectives are the ``adjective`` kind of claim_cues.tsv.
    """
    if adjective.lemma_.lower() not in lex.adjectives or adjective.dep_ != "acomp":
        return None
    clause = next((c for c in adjective.rights if c.dep_ == "ccomp"), None)
    copula = adjective.head
    source = subject_of(copula) if clause is not None else None
    if clause is None or source is None or source.lower_ in _PLACEHOLDERS or _is_source_side(clause, source):
        return None
    trimmed = _trim(adjective.doc, *subtree_bounds(clause))
    if trimmed is None:
        return None
    cue = adjective.doc[min(copula.i, adjective.i) : adjective.i + 1]
    return Draft(source, cue, trimmed, "adjective", "subject + clause")


def verb_draft(
    verb: Token, lex: ClaimLexicon, *, evidential: bool, quotes: list[tuple[int, int]] = ()
) -> Draft | None:
    """An attribution around reporting verb `verb`, or None when it has no source or content."""
    if verb.dep_ in ("amod", "compound") or verb.pos_ not in ("VERB", "AUX"):
        return None
    source = subject_of(verb)
    expletive = source is not None and source.lower_ == "it" and source.dep_ == "expl"
    if source is None or source.lower_ in ("there", "you") or expletive:
        return None
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if modals & _DEONTIC or (modals & _SPECULATIVE and verb.lemma_ in lex.beliefs):
        return None  # "Russia must / may now realize that ...": the author's view, not the subject's
    infinitive = verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.lefts)
    if source.lower_ == "it" and infinitive and source.head is not verb:
        return None  # "it would not be surprising to think that ...": an extraposed 'it' is no source
    if evidential and (source.lemma_.lower() not in lex.source_nouns or source.pos_ == "PRON"):
        return None
    doc = verb.doc
    takes = lex.takes.get(verb.lemma_, "clause")
    content = None
    cue_end = verb.i + 1
    rule = "ccomp"
    for child in verb.children:
        if child.dep_ == "ccomp" and not _is_source_side(child, source):
            content = subtree_bounds(child)
            break
    if content is None:
        to_clause = [c for c in verb.rights if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)]
        if to_clause:
            # the object belongs to the content: "urged Moscow to release them", "expects them to ..."
            objects = [
                c.left_edge.i for c in verb.rights if c.dep_ in ("dobj", "dative") and c.i < to_clause[0].i
            ]
            start = min([to_clause[0].left_edge.i, *objects])
            content, rule = (start, to_clause[0].right_edge.i + 1), "to-clause"
    prepositional_only = not evidential and verb.lemma_ not in lex.verbs  # "spoke of", "railed against"
    if prepositional_only:
        content = None
    if content is None and verb.lemma_ in lex.verb_preps:
        found = _prepositional_object(verb, lex.verb_preps[verb.lemma_])
        if found is not None:
            content, cue_end, rule = found[:2], found[2], "prepositional object"
    if content is None and prepositional_only:
        return None
    if content is None and takes in ("np", "both"):
        content, rule = _np_content(verb), "object"
    if content is None and takes != "np":
        content, rule = _clause_complement(verb), "clause attached as advcl"
    if content is None:
        content, rule = _interrupted_clause(verb), "interrupted clause"
    if content is None:
        content, rule = adjacent_quote(verb, source, list(quotes)), "adjacent quotation"
    if content is None:
        return None
    trimmed = _trim(doc, *content)
    if trimmed is None:
        return None
    particle = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    cue = doc[verb.i : max(cue_end, verb.i + 1 + len(particle))]
    return Draft(source, cue, trimmed, "evidential" if evidential else "verb", rule)


def _is_source_side(clause: Token, source: Token) -> bool:
    return clause.left_edge.i <= source.i <= clause.right_edge.i


def according_to_draft(according: Token) -> Draft | None:
    """'according to X, ...': X is the source, the modified clause the content."""
    doc = according.doc
    to = [c for c in according.children if c.lower_ == "to"]
    objs = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
    if not objs:
        return None
    head = according.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head is not head:
        head = head.head
    start, end = subtree_bounds(head)
    cue_start, cue_end = subtree_bounds(according)
    if cue_start <= start:
        start = cue_end
    elif cue_end >= end:
        end = cue_start
    trimmed = _trim(doc, start, end)
    if trimmed is None:
        return None
    return Draft(objs[0], doc[according.i : to[0].i + 1], trimmed, "according-to", "pobj speaker")


def noun_cue_draft(noun: Token, lex: ClaimLexicon) -> Draft | None:
    """'The ministry, in a statement, condemned ...': the verb's subject speaks, its clause is the content."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or verb.pos_ != "VERB" or verb.lemma_ in lex.verbs:
        return None
    source = subject_of(verb)
    if source is None:
        return None
    doc = noun.doc
    start, end = subtree_bounds(verb)
    p_start, p_end = subtree_bounds(prep)
    start = max(start, verb.i if p_start < verb.i else start)
    if p_start > verb.i:
        end = min(end, p_start) if p_end >= end else end
    trimmed = _trim(doc, start, end)
    if trimmed is None:
        return None
    return Draft(source, doc[p_start:p_end], trimmed, "noun-cue", "subject of the modified verb")


_NAME = r"(?:[A-Z][\w.'’-]*\s){0,4}[A-Z][\w.'’-]*"
_COLON_LINE = re.compile(rf"^[\"“”]?(?P<name>{_NAME}):[ \t]+(?P<content>\S[^\n]*)$", re.MULTILINE)
_DASH_LINE = re.compile(rf"(?P<quote>[“”\"][^\n]+?[“”\"])[ \t]*[―—][ \t]*(?P<name>{_NAME})")


def punctuation_drafts(doc: Doc) -> list[Draft]:
    """Attributions whose cue is punctuation, as PolNeAR annotates them.

    - "NAME: words" at the start of a line (transcripts, headlines) when NAME is a
      PERSON or ORG entity or written in capitals ("PENCE: ...");
    - '"quote" ― NAME' (a quotation signed with a dash).
    """
    drafts: list[Draft] = []
    people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG")}
    text = doc.text  # Doc.text joins every token: read it once
    for match in _COLON_LINE.finditer(text):
        n_start, n_end = match.span("name")
        named = any(s < n_end and n_start < e for s, e in people) or match.group("name").isupper()
        draft = (
            _char_draft(doc, (n_start, n_end), (n_end, n_end + 1), match.span("content")) if named else None
        )
        if draft is not None:
            drafts.append(draft)
    for match in _DASH_LINE.finditer(text):
        dash = match.start("name") - 1
        while text[dash] not in "―—":
            dash -= 1
        draft = _char_draft(doc, match.span("name"), (dash, dash + 1), match.span("quote"))
        if draft is not None:
            drafts.append(draft)
    return drafts


def _char_draft(
    doc: Doc, name: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]
) -> Draft | None:
    name_span = doc.char_span(*name, alignment_mode="expand")
    cue_span = doc.char_span(*cue, alignment_mode="expand")
    content_span = doc.char_span(*content, alignment_mode="expand")
    if name_span is None or cue_span is None or content_span is None or not len(content_span):
        return None
    return Draft(
        name_span.root, cue_span, (content_span.start, content_span.end), "punctuation", "line pattern"
    )
