"""Dependency rules that find one attribution (source, cue, content) around a cue word.

Each rule follows the attribution model of Pareti (2016, PARC 3.0) as used by
PolNeAR (Newell et al. 2018): a *cue* links a *source* to a *content*. The
rules read spaCy's ClearNLP-style dependencies:

- reporting verb: source = nsubj (a relative clause's "who"/"which" itself;
  the agent of a passive; the subject a coordinated, participial, purpose or
  relative verb inherits; never a dateline "WASHINGTON --", a label before a
  colon, or a word inside the quotation the cue attributes); content = the
  ccomp clause, else the contents of ``_contents`` (a that-clause under an
  adverbial, a passive subject), a to-infinitive, for verbs that take one the
  object phrase ("announced the dismantling", "labeled X as Y"), a gerund, a
  relativised object or a pro-form ("said as much"), else the clause the cue
  interrupts ("X, he said, is ..." or "as X noted, ..."), else an adjacent
  quotation or the paragraph after "X said:". A second cue that closes the
  content ("said A, arguing B") is cut off it and made its own attribution;
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

Punctuation cues are in ``_punctuation``, headline cues in ``_headlines``.
Any cue verb also takes a to-infinitive as content ("vowed to block it",
"urged them to leave"), except those that take only a quotation ("continued
to rise"). A cue under "must"/"should", or a belief verb under
"may"/"might"/"could" ("Russia may now realize that ..."), is the author's
view and yields nothing; so does an extraposed "it" or a generic "you".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import RELATIVE_PRONOUNS, SUBJECT_DEPS, doc_text, phrase_start, subtree_bounds
from presslens.extract.claims._contents import (
    adjunct_that_clause,
    as_clause_host,
    gerund_complement,
    introduced_paragraph,
    passive_subject,
    pro_form,
    relative_gap,
)
from presslens.extract.claims._lexicon import ClaimLexicon
from presslens.resources import read_tsv, word_class

__all__ = [
    "Draft",
    "according_to_draft",
    "adjective_draft",
    "mistagged_verb",
    "noun_cue_draft",
    "stands_for",
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
# Verb forms of a cue that can follow the content as a second attribution ("..., adding", "and warned").
_CUE_FORMS = frozenset({"VBG", "VBD", "VBZ", "VBP"})


@dataclass
class Draft:
    """An attribution found in one sentence, as token spans (turned into a Claim by ``_attribution``)."""

    source: Token
    cue: Span
    content: tuple[int, int]  # token start, end (exclusive)
    kind: str
    rule: str
    trailing: Token | None = None  # a participle cue cut off the content's end ("..., arguing that")
    negated: bool = False  # a verb of saying under negation: "did not mention that ..." states nothing


def _trim(doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop edge punctuation (not quotation marks) and conjunctions; None when nothing is left."""
    while start < end and ((doc[start].is_punct and not doc[start].is_quote) or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and not doc[end - 1].is_quote) or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return (start, end) if end > start else None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The source token of `verb`: its nsubj, a passive agent, or what a dependent verb inherits.

    The subject of a relative clause is its relative pronoun ("Mr. Kamin, who
    emphasized that ..."): PolNeAR marks that pronoun as the source span
    (guidelines section 3.1, the source is the phrase in the attribution's own
    clause), and ``_speakers`` resolves it to the noun it stands for. Relative
    "that" is a subordinator, not a pronoun (Huddleston & Pullum 2002, "The
    Cambridge Grammar of the English Language", 12.3.4), so "rules that promise
    ..." has the noun it modifies as source.
    """
    if (doubled := _doubled_subject(verb)) is not None:
        return doubled[1]
    for child in verb.children:
        if child.dep_ == "nsubj" and dateline(child):
            # "WASHINGTON -- President Obama ... said": where the report was filed, never who speaks
            named = [c for c in child.children if c.dep_ == "appos" and c.text.istitle()]
            others = [c for c in verb.children if c.dep_ == "nsubj" and c.i != child.i]
            if named or others:
                return (named or others)[0]
        elif child.dep_ == "nsubj":
            if child.lower_ == "that" and verb.dep_ == "relcl":
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
            # "a stream called Miracle Run", "laws proposed in 1970": a past participle's noun is its object
            return None if verb.dep_ == "acl" and verb.tag_ == "VBN" else verb.head
        if _controlled_gerund(verb):  # "began by saying", "After saying ..., she was": the clause's subject
            return subject_of(verb.head.head, depth + 1)
        # a purpose infinitive ("met the envoy to discuss ...") is controlled by the subject too
        purpose = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
        finite_adjunct = verb.dep_ in ("advcl", "pcomp") and verb.tag_ != "VBG" and not purpose
        if finite_adjunct or verb.head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            return None
        return subject_of(verb.head, depth + 1)
    return None


def _doubled_subject(verb: Token) -> tuple[Token, Token] | None:
    """(content subject, source) of a closing cue the parser gave two subjects: in "The men who
    attacked the hall planned to flee, the service said" it makes "men" a subject of "said" and
    "planned" a clause on "men". The subject right after the comma is who speaks; everything
    from the first subject to that comma is what was said."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) != 2:
        return None
    first, second = subjects
    comma = second.left_edge.i - 1
    if comma <= first.right_edge.i - 1 or verb.doc[comma].text != "," or first.right_edge.i != comma - 1:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in first.subtree):
        return None  # "The minister, the spokesman said": no statement before the comma
    return first, second


def dateline(tok: Token) -> bool:
    """`tok` is the place of a dateline ("WASHINGTON --", "BERLIN (AP) —"): capitals opening the sentence."""
    if len(tok.text) < 2 or not tok.text.isupper():  # cheap tests first: `tok.sent` walks the parse
        return False
    sent = tok.sent
    if tok.i - sent.start > 2:
        return False
    after = tok.doc[tok.i + 1 : min(tok.i + 6, sent.end)]
    return any(t.text in ("--", "—", "–", "(") for t in after)


def _controlled_gerund(verb: Token) -> bool:
    """A gerund object of a preposition on a verb ("responded by saying", "after noting"): subject control.

    The understood subject of an adjunct gerund is the subject of the clause it
    modifies (Quirk et al. 1985, "A Comprehensive Grammar of the English
    Language", 15.58, the attachment rule for non-finite clauses).
    """
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.head.pos_ in ("VERB", "AUX")
    )


def _np_content(verb: Token) -> tuple[int, int] | None:
    parts = [c for c in verb.rights if c.dep_ in ("dobj", "oprd", "attr")]
    if verb.lemma_.lower() in _assault_verbs() and any(c.dep_ == "dobj" and _place(c) for c in parts):
        return None  # "attacked Crocus City Hall", "hit the hospital": an act on a place, no words
    parts += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in _NP_PREPS and parts == []]
    if not parts:
        return None
    extra = [
        c
        for c in verb.rights
        if c.dep_ in ("oprd", "ccomp") or (c.dep_ == "prep" and (c.lower_ in _NP_PREPS or _valuation(c)))
    ]
    spans = [subtree_bounds(c) for c in parts + extra]
    return min(s for s, _ in spans), max(e for _, e in spans)


def _place(noun: Token) -> bool:
    """A building or a site: what a verb acts on physically, never the content of words (a city or
    a country may be its government: "attacked Washington" over a policy is criticism)."""
    return noun.ent_type_ in {"LOC", "FAC"} or noun.lemma_.lower() in word_class("site")


@cache
def _assault_verbs() -> frozenset[str]:
    """Verbs that also code a physical attack (plover_verbs.tsv rows of type ASSAULT): "attacked"
    criticises a policy but strikes a building."""
    return frozenset(row[0] for row in read_tsv("plover_verbs.tsv") if len(row) > 1 and row[1] == "ASSAULT"
                     and " " not in row[0])


def _valuation(prep: Token) -> bool:
    """An "at" phrase holding a number: the figure an object is estimated at ("estimated the
    death toll at 100-300 people"), without which the content states no figure. A clock time
    ("announced the plan at 5 pm") is when it was said, not a figure."""
    return prep.lower_ == "at" and any(
        t.like_num and t.ent_type_ not in ("TIME", "DATE") for t in prep.subtree
    )


def _interrupted_clause(verb: Token) -> tuple[int, int] | None:
    """Content of a parenthetical cue: "The plan, he said, is bad" -> "The plan ... is bad"."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head is verb or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ != "parataxis" and verb.i < head.i:
        return None
    if verb.dep_ != "parataxis" and verb.left_edge.i > 0 and not verb.doc[verb.left_edge.i - 1].is_punct:
        return None  # "said he could not answer": a complement clause, not a parenthetical "X, he said, is"
    start, end = subtree_bounds(head)
    if verb.right_edge.i + 1 >= end:  # cue at the end: content is what precedes it
        end = verb.left_edge.i
    return (start, end) if end > start else None


_CLOSING_CUE = "closing cue the parser coordinated"
_DOUBLED_SUBJECT = "closing cue the parser gave two subjects"


def _closing_cue_content(verb: Token) -> tuple[int, int] | None:
    """"A was not B, but likely C, the directorate said on Friday": a closing ", X said" the parser
    coordinated with the main verb; the content is all before the comma that opens "X said"."""
    head = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or head is verb or head.i > subject.i or head.pos_ not in ("VERB", "AUX"):
        return None
    before = subject.left_edge.i - 1
    if before <= head.i or verb.doc[before].text != ",":
        return None  # "... and the court said nothing": a coordinated statement of its own
    if any(t.dep_ not in ("punct", "prep", "pobj", "npadvmod", "advmod") for t in verb.rights):
        return None  # after the cue only when or where it was said, or it has a clause of its own
    start = subtree_bounds(head)[0]
    return (start, before) if before > start else None


def adjacent_quote(verb: Token, source: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Token span of a quotation right before the source/cue ('"...," she said') or right after the cue.

    Needed when the parser splits the quotation from its cue ('"You winning?" she said.').
    """
    doc = verb.doc
    text = doc_text(doc)
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
    if clause is None or source is None or _is_source_side(clause, source):
        return None
    if stands_for(source).lower_ in _PLACEHOLDERS:
        return None
    trimmed = _trim(adjective.doc, *subtree_bounds(clause))
    if trimmed is None:
        return None
    cue = adjective.doc[min(copula.i, adjective.i) : adjective.i + 1]
    return Draft(source, cue, trimmed, "adjective", "subject + clause")


#: Characters that open or close a quotation.
_QUOTE_MARKS = frozenset('"“”„«»‘’\'')


def _told_as_words(doc: Doc, content: tuple[int, int]) -> bool:
    """A complement that tells words: a that-clause or a quotation (the only contents a verb like
    "continue" takes: "she continued that ...", '"...," he continued'), not a bare clause beside it."""
    start, end = content
    if start >= end:
        return False
    edges = doc[max(0, start - 1) : min(len(doc), end + 2)]  # a quotation's marks sit just outside
    return doc[start].lower_ == "that" or any(t.text in _QUOTE_MARKS for t in edges)


def verb_draft(
    verb: Token, lex: ClaimLexicon, *, evidential: bool, quotes: list[tuple[int, int]] = ()
) -> Draft | None:
    """An attribution around reporting verb `verb`, or None when it has no source or content."""
    if verb.dep_ in ("amod", "compound") or (verb.pos_ not in ("VERB", "AUX") and not mistagged_verb(verb)):
        return None
    source = subject_of(verb)
    quoted = _quote_before(verb, quotes)
    after_quote = None
    if quoted is not None and (source is None or quoted[0] <= source.idx < quoted[1]):
        after_quote = _source_after_quote(verb, quoted[1])
        source = after_quote or source
    colon = _colon_between(source, verb) if source is not None and after_quote is None else None
    if colon is not None:  # "The Latest: Trump urges ...": a label before a colon is no source
        source = _source_after_quote(verb, colon.idx + 1) or source
    expletive = source is not None and source.lower_ == "it" and source.dep_ == "expl"
    # the impersonal "one could learn / one learns that ..." is the writer generalising; "one of the
    # guards" speaks, and so does the anaphoric "Two witnesses spoke. One said ..." (past, no modal)
    impersonal = (
        source is not None
        and source.lower_ == "one"
        and not any(c.dep_ == "prep" for c in source.children)
        and (verb.tag_ == "VBZ" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children))
    )
    if source is None or source.lower_ in ("there", "you") or expletive or impersonal:
        return None
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if modals & _DEONTIC or (modals & _SPECULATIVE and verb.lemma_ in lex.beliefs):
        return None  # "Russia must / may now realize that ...": the author's view, not the subject's
    infinitive = verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.lefts)
    if source.lower_ == "it" and infinitive and source.head is not verb:
        return None  # "it would not be surprising to think that ...": an extraposed 'it' is no source
    named = stands_for(source)
    if evidential and (named.lemma_.lower() not in lex.source_nouns or named.pos_ == "PRON"):
        return None
    doc = verb.doc
    takes = lex.takes.get(verb.lemma_, "clause")
    content = None
    cue_end = verb.i + 1
    rule = "ccomp"
    if after_quote is not None and quoted is not None:  # '"...," Police Chief X said': the quotation
        span = doc.char_span(*quoted, alignment_mode="expand")
        content, rule = ((span.start, span.end), "adjacent quotation") if span is not None else (None, rule)
    for child in verb.children:
        if content is None and child.dep_ == "ccomp" and not _is_source_side(child, source):
            content = subtree_bounds(child)
            split = any(t.lower_ == "that" and t.dep_ == "nsubj" for t in verb.doc[verb.i + 1 : content[0]])
            before = adjunct_that_clause(verb) if split else None
            if before is not None and before[1] == content[0]:
                # "told a briefing that [the army was not conducting air operations] and [the
                # rockets ... did not match theirs]": the parser hung the first conjunct on the
                # object as a relative clause and took the second for the complement
                content = (before[0], content[1])
            break
    if takes == "quote" and rule == "ccomp" and content is not None and not _told_as_words(doc, content):
        content = None  # "aid began, resuscitation attempts continued for 30 minutes": no telling
    if content is None:
        content, rule = adjunct_that_clause(verb), "that-clause under an adverbial"
    if content is None:
        content, rule = passive_subject(verb, lex.possessed_nouns), "passive subject"
    if content is None and verb.dep_ == "conj":
        content, rule = _closing_cue_content(verb), _CLOSING_CUE
    if content is None and (doubled := _doubled_subject(verb)) is not None:
        content, rule = (doubled[0].left_edge.i, doubled[1].left_edge.i - 1), _DOUBLED_SUBJECT
    if takes == "as" and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.rights):
        return None  # "sees the deal as a threat" reports a view; "saw the video" does not
    if content is None and takes != "quote":  # "continued to rise" is no attribution
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
    if content is None and takes in ("np", "both", "as"):
        content, rule = _np_content(verb), "object"
    if content is None and takes in ("np", "both"):
        content, rule = gerund_complement(verb), "gerund complement"
    if content is None and takes in ("np", "both"):  # a relativised object is an object: "the claims he made"
        content, rule = relative_gap(verb), "relativised object"
    if content is None:
        content, rule = pro_form(verb), "pro-form"
    if content is None and takes in ("clause", "both"):
        content, rule = _clause_complement(verb), "clause attached as advcl"
    if content is None:
        content, rule = as_clause_host(verb), "clause of an 'as' comment clause"
    if content is None:
        content, rule = _interrupted_clause(verb), "interrupted clause"
    if content is None:
        content, rule = adjacent_quote(verb, source, list(quotes)), "adjacent quotation"
    if content is None:
        content, rule = introduced_paragraph(verb), "paragraph after a colon"
    if content is None:
        return None
    # a participle before a closing cue is the content's ("..., but likely caused by a rocket, X said")
    closing = rule in (_CLOSING_CUE, _DOUBLED_SUBJECT)
    trailing = None if closing else _trailing_participle(verb, content, lex)
    if trailing is not None:
        content = (content[0], trailing.left_edge.i)
    trimmed = _trim(doc, *content)
    if trimmed is None:
        return None
    particle = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    cue = doc[verb.i : max(cue_end, verb.i + 1 + len(particle))]
    negated = verb.lemma_ in lex.speech and (any(c.dep_ == "neg" for c in verb.children) or _nobody(verb))
    return Draft(source, cue, trimmed, "evidential" if evidential else "verb", rule, trailing, negated)


# Subjects that say no one spoke: "nobody", "none of them", "no official", "neither X nor Y".
_NO_ONE = frozenset({"nobody", "none", "neither", "noone"})


def _nobody(verb: Token) -> bool:
    """Whether the verb's subject denies there is a speaker ("Neither Islamic Jihad nor Israel has
    claimed ...", "No official said ..."): like a negated cue, no one is told as saying it."""
    return any(
        subj.lower_ in _NO_ONE
        or any(c.dep_ in ("preconj", "det") and c.lower_ in ("neither", "no") for c in subj.children)
        for subj in verb.children
        if subj.dep_ in ("nsubj", "nsubjpass")
    )


def mistagged_verb(tok: Token) -> bool:
    """A present-tense cue verb the tagger took for a plural noun: "Trump claims that ...", "X plans to ...".

    The small model tags a third-person "-s" verb as NNS when its subject is a
    bare name; the parse still gives it a subject and a clause, which no noun has.
    """
    if tok.tag_ != "NNS" or tok.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"ccomp", "xcomp"})


def _trailing_participle(verb: Token, content: tuple[int, int], lex: ClaimLexicon) -> Token | None:
    """A second cue that closes the content: "said he would win, arguing that ...", "said A and warned B".

    A participle or a coordinated cue verb after a comma or a conjunction is a
    second attribution, not part of what the first one says (PolNeAR annotates
    "X said A, adding/arguing/citing B" and "X said A and warned B" as two
    attributions). The parser often hangs it on the content's verb; without a
    subject of its own, its subject is the reporting clause's (``_attribution``
    gives it that source).
    """
    doc = verb.doc
    start, end = content
    for tok in doc[start + 1 : end]:
        if tok.i <= verb.i or tok.dep_ not in ("advcl", "xcomp", "conj") or tok.tag_ not in _CUE_FORMS:
            continue
        if tok.lemma_ not in lex.verbs and tok.lemma_ not in lex.citing:
            continue
        left = tok.left_edge.i
        joined = doc[left - 1].text in (",", ";") or doc[left - 1].pos_ == "CCONJ"
        if tok.tag_ != "VBG" and tok.dep_ != "conj":
            continue  # a finite adverbial clause ("because she feared ...") belongs to the content
        if left > start and joined and tok.right_edge.i + 1 >= end:
            return tok
    return None


def stands_for(source: Token) -> Token:
    """The noun a relative-pronoun source stands for ("the study, which notes" -> study), else `source`."""
    if source.lower_ in _SUBJECT_RELATIVES and source.head.dep_ == "relcl":
        return source.head.head
    return source


def _colon_between(source: Token, verb: Token) -> Token | None:
    """A colon between a source before its cue and the cue, in the cue's sentence."""
    if source.i >= verb.i or source.sent.start != verb.sent.start:
        return None
    return next((t for t in source.doc[source.i + 1 : verb.i] if t.text == ":"), None)


def _quote_before(verb: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation that ends in the cue's sentence before the cue ('"...," Ms. X said'), if any."""
    k = bisect_right(quotes, (verb.idx, verb.idx)) - 1  # quotes are in text order and do not overlap
    while k >= 0 and quotes[k][1] > verb.idx:  # the quotation the cue itself stands in
        k -= 1
    if k < 0 or quotes[k][1] < verb.sent.start_char:
        return None
    return quotes[k]


def _source_after_quote(verb: Token, quote_end: int) -> Token | None:
    """The head of the noun phrase between a quotation and its cue ('"...," Tulsa police Chief X said').

    A speaker never lies inside the words quoted (PolNeAR guidelines section 3:
    source, cue and content do not overlap); when the parser took a word of the
    quotation as the cue's subject, or left the cue without one, the source is
    the phrase that stands between the closing mark and the cue.
    """
    doc = verb.doc
    nouns = [
        t for t in doc[verb.sent.start : verb.i] if t.idx >= quote_end and t.pos_ in ("NOUN", "PROPN", "PRON")
    ]
    if not nouns:
        return None
    head = nouns[0]
    while head.head.i < verb.i and head.head.idx >= quote_end and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    # a mis-tagged word broke the phrase ("Tulsa police Chief X"): its last noun outside brackets is the head
    depth, last = 0, nouns[-1]
    for tok in doc[nouns[0].i : verb.i]:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif depth == 0 and tok.pos_ in ("NOUN", "PROPN"):
            last = tok
    return last


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
    return Draft(_author(objs[0]), doc[according.i : to[0].i + 1], trimmed, "according-to", "pobj speaker")


#: Nouns of a report's contents whose by-phrase names who gave it ("the latest updates by the
#: authorities", "data from the ministry"): that party is the source, not the word "updates".
_CONTENT_NOUNS = frozenset({"update", "data", "figure", "information", "estimate", "count", "tally", "toll"})


def _author(source: Token) -> Token:
    """The party behind a report-content noun, else the noun itself."""
    if source.lemma_.lower() not in _CONTENT_NOUNS:
        return source
    for prep in source.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            party = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if party is not None and (party.ent_type_ or party.pos_ == "PROPN" or any(
                    c.ent_type_ in ("NORP", "GPE", "ORG") for c in party.lefts)):
                return party
    return source


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
