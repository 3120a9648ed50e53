"""Attributed claims: who says what, on whose authority (``attributed_claims``).

An attribution relation has a source, a cue and a content (Pareti 2016,
"PARC 3.0: A Corpus of Attribution Relations", LREC; Newell, Margolin & Ruths
2018, "An Attribution Relations Corpus for Political News" — PolNeAR — whose
guidelines define the spans scored in ``evaluation/polnear.py``). The cue
rules live in ``_rules.py`` and ``_nouns.py``; a claim whose cue lies
inside another claim's content is dropped (``outermost_claims``). This module
adds what a reader needs on top:

- the source as a resolved Mention (linked entity, group noun phrase, unnamed
  source such as "Reports", or a pronoun or description with its referent in
  ``canonical``, resolved by `presslens.extract.reference`, which the ``why``
  quotes);
- the source chain: "X, citing Y, reported ..." -> speaker X, ``via`` Y;
- ``hedged``: a hedging adverb or modal on the cue or in the content
  ("reportedly", "could"), or a cue that only suggests ("reports indicate");
- ``direct``: the content lies in quotation marks (straight or curly). Quotation
  marks are paired by ``extract/_quotes.py``, which never fails on unbalanced marks;
- ``evidence``: the sentence, cut to the attribution's own extent when the
  sentence is longer than ``MAX_EVIDENCE_CHARS`` (one clause, never a paragraph).
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from presslens.extract._quotes import QuoteSpan, quotation_spans
from presslens.extract._shared import (
    MAX_EVIDENCE_CHARS,
    EntityRef,
    doc_sentences,
    doc_text,
    doc_tokens,
    document_entities,
)
from presslens.extract.claims._headlines import headline_draft
from presslens.extract.claims._lexicon import ClaimLexicon, claim_lexicon
from presslens.extract.claims._nouns import possessed_noun_draft
from presslens.extract.claims._punctuation import punctuation_drafts
from presslens.extract.claims._rules import (
    Draft,
    according_to_draft,
    adjective_draft,
    mistagged_verb,
    noun_cue_draft,
    stands_for,
    verb_draft,
)
from presslens.extract.claims._speakers import resolution_why, resolved_mention, speaker_span
from presslens.models import Claim, Mention, TextSpan

__all__ = ["attributed_claims", "outermost_claims"]

log = logging.getLogger(__name__)


def attributed_claims(doc: Doc) -> list[Claim]:
    """Every attribution in `doc` with a source, in text order.

    Attributions without any source ("it is suspected that ...") are not
    claims: the reader cannot check them against anyone. They are left to the
    unattributed-assertion check.
    """
    lex = claim_lexicon()
    quotes = quotation_spans(doc_text(doc))
    entities = document_entities(doc, require_proper_person=True)
    claims: list[Claim] = []
    quote_chars = [(q.start, q.end) for q in quotes]
    found: list[tuple[Draft, list[Token]]] = []
    tokens = doc_tokens(doc)
    for sent in doc_sentences(doc):
        drafts, vias = _sentence_drafts(sent, tokens[sent.start : sent.end], lex, quote_chars)
        found.extend((draft, vias) for draft in drafts)
    taken = {draft.content for draft, _ in found}
    punctuated = punctuation_drafts(doc, frozenset(lex.source_nouns))
    found.extend((d, []) for d in punctuated if d.content not in taken)
    headline = headline_draft(doc, lex)
    if headline is not None and not any(d.cue.sent.start == headline.cue.sent.start for d, _ in found):
        found.append((headline, []))
    found.sort(key=lambda item: item[0].cue.start)
    for draft, vias in found:
        claims.append(_to_claim(draft, vias, quotes, entities, lex))
    claims = outermost_claims(claims)
    log.debug("%d claims in %d characters", len(claims), len(doc_text(doc)))
    return claims


def outermost_claims(claims: list[Claim]) -> list[Claim]:
    """Drop a claim whose cue lies inside another claim's content, keeping text order.

    "Trump said he wants a wall" is one attribution: what Trump wants is part of
    what he said. PolNeAR annotates attributions univocally (a token of a
    content takes no other role; Newell et al. 2018, section 3), as the quoted
    case above already assumes. Longer contents are kept first, so of two
    claims nested in each other the wider survives. A claim told as not made
    ("did not mention that IS claimed responsibility") holds no one's words, so
    the attribution inside it stands on its own.
    """
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: c.content.start - c.content.end):
        if not any(k.content.start <= claim.cue.start < k.content.end and not k.negated for k in kept):
            kept.append(claim)
    return sorted(kept, key=lambda c: c.cue.start)


def _in_quote(tok: Token, quotes: list[tuple[int, int]]) -> bool:
    return any(start < tok.idx < end for start, end in quotes)


def _sentence_drafts(
    sent: Span, toks: list[Token], lex: ClaimLexicon, quotes: list[tuple[int, int]]
) -> tuple[list[Draft], list[Token]]:
    """Attribution drafts of one sentence, and its 'citing X' phrases.

    A cue inside quotation marks belongs to the quoted speaker's own words
    ("I think ...") and is not a separate attribution (PolNeAR annotates
    attributions univocally: a token of a content is no other role).
    """
    drafts: list[Draft] = []
    # each lemma read once: Token.lemma_ builds a new string on every access
    lemmas = [t.lemma_ for t in toks]
    vias = [
        t
        for t, lemma in zip(toks, lemmas, strict=True)
        if lemma in lex.citing and t.tag_ == "VBG" and _objects(t) and _names_source(t, lex)
    ]
    via_ids = {t.i for t in vias}
    # the quotations this sentence touches: the per-token test looks at these, not at all of them
    local_quotes = [(s, e) for s, e in quotes if s < sent.end_char and sent.start_char < e]
    for tok, lemma in zip(toks, lemmas, strict=True):
        draft = None
        pos = tok.pos_
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            draft = according_to_draft(tok)
        elif tok.i in via_ids or (local_quotes and _in_quote(tok, local_quotes)):
            continue
        elif lemma in lex.evidential and pos == "VERB":
            draft = verb_draft(tok, lex, evidential=True, quotes=quotes)
            if draft is None and lemma in lex.verbs:
                draft = verb_draft(tok, lex, evidential=False, quotes=quotes)
        elif pos == "NOUN" and lemma in lex.verbs and mistagged_verb(tok):
            draft = verb_draft(tok, lex, evidential=False, quotes=quotes)
        elif pos == "NOUN":  # "in a statement", "Trump's claim that ..."
            if lemma in lex.noun_cues:
                draft = noun_cue_draft(tok, lex)
            if draft is None:
                draft = possessed_noun_draft(tok, lex)
        elif pos == "ADJ":
            draft = adjective_draft(tok, lex)
        elif lemma in lex.verbs or lemma in lex.verb_preps:
            draft = verb_draft(tok, lex, evidential=False, quotes=quotes)
        if draft is not None and not any(d.cue.start == draft.cue.start for d in drafts):
            drafts.append(draft)
    # "X expelled the envoy, citing espionage": a 'citing' no claim takes as its chain is a cue itself
    for via in vias:
        if not any(_via_for(d, [via]) is not None for d in drafts):
            draft = verb_draft(via, lex, evidential=False, quotes=quotes)
            if draft is not None:
                drafts.append(draft)
    _share_sources(drafts, lex, quotes)
    return _relayed(drafts, lex), vias


def _relayed(drafts: list[Draft], lex: ClaimLexicon) -> list[Draft]:
    """'"...," the spokesman said, TASS reported': the words are the spokesman's, relayed by the
    agency. The parser makes "said" a parataxis of "reported", which then takes the quotation as
    its complement, while "said" is left with the whole sentence. The inner speaker gets the
    quotation and the relaying cue is no claim of its own (PolNeAR: a token has one role)."""
    by_cue = {d.cue.root.i: d for d in drafts}
    dropped: set[int] = set()
    for outer in drafts:
        verb = outer.cue.root
        for inner_verb in (c for c in verb.children if c.dep_ == "parataxis" and c.i < verb.i):
            inner = by_cue.get(inner_verb.i)
            if inner is None or inner_verb.lemma_ not in lex.verbs:
                continue
            if outer.content[1] > inner.source.left_edge.i:
                continue  # the outer cue's own content runs past the inner speaker: not a relay
            inner.content = outer.content
            inner.rule = f"{inner.rule}; relayed by '{verb.text}'"
            dropped.add(id(outer))
    return [d for d in drafts if id(d) not in dropped]


def _share_sources(drafts: list[Draft], lex: ClaimLexicon, quotes: list[tuple[int, int]]) -> None:
    """Give a cue cut off a content ("X said A, arguing B", "X said A and warned B") its source.

    An adjunct participle's understood subject is the subject of the clause it
    follows (Quirk et al. 1985, 15.58), and so is a coordinated verb's without a
    subject of its own, whatever verb the parser hung it on.
    """
    by_cue = {d.cue.root.i: d for d in drafts}
    for draft in list(drafts):
        trailing = draft.trailing
        if trailing is None:
            continue
        own = by_cue.get(trailing.i)
        if own is None:
            own = verb_draft(trailing, lex, evidential=False, quotes=quotes)
            if own is None:
                continue
            drafts.append(own)
            by_cue[trailing.i] = own
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in trailing.children):
            own.source = draft.source


def _names_source(citing: Token, lex: ClaimLexicon) -> bool:
    """Whether 'citing X' names a source (a person, body or document), not a reason ("citing the cost")."""
    obj = _objects(citing)[0]
    return (
        obj.pos_ == "PROPN"
        or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.lemma_.lower() in lex.source_nouns
    )


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "pobj")]


def _via_for(draft: Draft, vias: list[Token]) -> Token | None:
    """The 'citing' phrase of the same sentence that sits between the source and the content."""
    for via in vias:
        obj = _objects(via)[0]
        if draft.source.i < via.i < draft.content[0] or via.head == draft.cue.root:
            return obj
    return None


def _covering_quote(quotes: list[QuoteSpan], start: int, end: int) -> QuoteSpan | None:
    for q in quotes:
        inner_start, inner_end = q.inner
        overlap = min(end, inner_end) - max(start, inner_start)
        if overlap > 0 and overlap >= 0.5 * (end - start):
            return q
    return None


def _hedge_reason(draft: Draft, lex: ClaimLexicon) -> str | None:
    doc = draft.cue.doc
    cue = draft.cue.root
    if cue.lemma_ in lex.hedge_cues:
        return f"cue '{cue.text}'"
    for child in cue.children:
        if child.lower_ in lex.hedge_words and child.dep_ in ("advmod", "aux"):
            return f"'{child.text}' on the cue"
    for tok in doc[draft.content[0] : draft.content[1]]:
        if tok.lower_ in lex.hedge_words and (tok.tag_ in ("MD", "RB")):
            return f"'{tok.text}' in the content"
        if (
            tok.lemma_ in lex.hedge_passives
            and tok.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in tok.children)
        ):
            return f"'is {tok.text}' in the content"
    return None


def _evidence(sent: Span, lo: int, hi: int) -> TextSpan:
    """The sentence of the cue, or, for a quotation opened sentences before it, the quotation up to
    the cue's sentence end; within ``MAX_EVIDENCE_CHARS`` (the cue's end kept)."""
    doc = sent.doc
    start, end = sent.start_char, sent.end_char
    if lo < start:  # '"A. B. C," the spokesman said': the quotation is the evidence
        start = max(lo, end - MAX_EVIDENCE_CHARS)
        cut = doc.char_span(start, end, alignment_mode="contract")
        start = cut.start_char if cut is not None else start
    elif end - start > MAX_EVIDENCE_CHARS:
        start, end = max(start, lo), min(end, hi)
        if end - start > MAX_EVIDENCE_CHARS:
            cut = doc.char_span(start, start + MAX_EVIDENCE_CHARS, alignment_mode="contract")
            end = cut.end_char if cut is not None else start + MAX_EVIDENCE_CHARS
    text = doc_text(doc)[start:end]
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return TextSpan(text=stripped.lstrip(), start=start + lead, end=start + len(stripped))


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start_char != start or span.end_char != end:
        return TextSpan(text=doc_text(doc)[start:end], start=start, end=end)
    return TextSpan(text=span.text, start=start, end=end)


def _to_claim(
    draft: Draft, vias: list[Token], quotes: list[QuoteSpan], entities: list[EntityRef], lex: ClaimLexicon
) -> Claim:
    doc = draft.cue.doc
    speaker_np = speaker_span(draft.source)
    speaker = resolved_mention(speaker_np, entities)
    via_tok = _via_for(draft, vias)
    via: Mention | None = resolved_mention(speaker_span(via_tok), entities) if via_tok is not None else None
    c_start = doc[draft.content[0]].idx
    c_end = doc[draft.content[1] - 1].idx + len(doc[draft.content[1] - 1])
    quote = _covering_quote(quotes, c_start, c_end)
    if quote is not None and not (speaker.start is not None and quote.start <= speaker.start < quote.end):
        q_start, q_end = quote.inner
        c_start, c_end = min(c_start, q_start), max(c_end, q_end)
    hedge = _hedge_reason(draft, lex)
    cue_span = _span(doc, draft.cue.start_char, draft.cue.end_char)
    kind_file = "claim_cues.tsv"
    why = f"cue '{draft.cue.text}' ({draft.kind}, {kind_file}) + {draft.rule}"
    named = stands_for(draft.source)
    if lex.source_nouns.get(named.lemma_.lower()):
        why += f"; unnamed source '{named.lemma_}' (claim_sources.tsv)"
    resolution = resolution_why(speaker_np) if speaker.canonical is not None else None
    if resolution is not None and speaker.canonical != speaker.text:
        why += f"; speaker {resolution}"
    if via is not None:
        why += f"; chain via 'citing {via.text}'"
    if hedge:
        why += f"; hedged by {hedge} (claim_hedges.tsv)"
    if draft.negated:
        why += "; the cue is negated: the source is told as not saying it"
    lo = min(speaker.start or c_start, cue_span.start, c_start)
    hi = max(speaker.end or c_end, cue_span.end, c_end)
    return Claim(
        speaker=speaker,
        cue=cue_span,
        content=_span(doc, c_start, c_end),
        via=via,
        hedged=hedge is not None,
        direct=quote is not None,
        negated=draft.negated,
        why=why,
        evidence=_evidence(draft.cue.sent, lo, hi),
    )
