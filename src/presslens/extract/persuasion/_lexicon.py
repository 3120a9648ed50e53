"""The loaded-language and labelling lexicons, and the lexicon-only persuasion detector.

The lexicons (``resources/persuasion_labels.tsv``, ``resources/persuasion_loaded.tsv``)
list words that judge rather than describe -- derogatory and favourable alike, and
naming no side, so that "the Russian occupiers" and "the Ukrainian occupiers" are
marked the same way. They serve twice: as features of the CRF span tagger (a hit
and its weight tier on every token it covers) and, on their own, as the fallback
detector when no trained model is available.

A bare word is a poor span: the Propaganda Techniques Corpus (Da San Martino et
al., EMNLP 2019) annotates "the former occupier" and "an aggressor state", the
whole labelling phrase. So a hit is expanded along the parse: a noun to its noun
phrase (plus a relative clause that characterises it), an adjective to the noun it
modifies, an adverb to the verb it modifies.

Users extend the inventory by adding rows to the TSV files (term, technique,
weight, polarity); multiword and hyphenated terms match on lemmas or surface forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import LABEL_PHRASE_DEPS, doc_tokens, phrase_start
from presslens.resources import read_tsv

__all__ = [
    "LEXICON_FILES",
    "REPORT_THRESHOLD",
    "LexiconEntry",
    "LexiconHit",
    "expand_hit",
    "lexicon_entries",
    "lexicon_hits",
]

LEXICON_FILES: tuple[str, ...] = ("persuasion_labels.tsv", "persuasion_loaded.tsv")
# Hits below this weight are CRF features only: the lexicons' "context-dependent" tier (0.3).
REPORT_THRESHOLD = 0.5
_MAX_TERM_TOKENS = 5  # "enemy of the people" is 4 tokens; hyphens count as tokens
_MAX_SPAN_TOKENS = 20  # a relative clause longer than this is a sentence, not a label
_NOUNS = {"NOUN", "PROPN", "PRON"}


@dataclass(frozen=True)
class LexiconEntry:
    """One row of a persuasion lexicon."""

    term: str
    technique: str
    weight: float
    polarity: str


@dataclass(frozen=True)
class LexiconHit:
    """A lexicon term found in a Doc: token offsets [start, end) and its entry."""

    start: int
    end: int
    entry: LexiconEntry


@cache
def lexicon_entries() -> dict[str, LexiconEntry]:
    """Every lexicon term (lower-case, space-separated) -> its entry; later files win."""
    entries: dict[str, LexiconEntry] = {}
    for name in LEXICON_FILES:
        for row in read_tsv(name):
            term, technique, weight, polarity = (*row, "", "", "")[:4]
            entries[term.lower()] = LexiconEntry(term.lower(), technique, float(weight or 0.5), polarity)
    return entries


@cache
def _first_words() -> frozenset[str]:
    """The first word of every term (up to a space or hyphen): cheap pre-filter per token."""
    return frozenset(term.replace("-", " ").split()[0] for term in lexicon_entries())


def _window_keys(doc: Doc, start: int, end: int) -> tuple[str, str]:
    """Surface and lemma forms of doc[start:end], hyphens kept tight, spaces single."""
    surface, lemma = [], []
    for tok in doc_tokens(doc)[start:end]:
        surface.append(tok.lower_)
        lemma.append(tok.lemma_.lower())
        sep = " " if tok.whitespace_ else ""
        surface.append(sep)
        lemma.append(sep)
    return "".join(surface).strip(), "".join(lemma).strip()


def _singular(word: str) -> str:
    """A crude plural strip for surface forms the lemmatizer left alone ("neo-Nazis")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def lexicon_hits(doc: Doc) -> list[LexiconHit]:
    """Non-overlapping lexicon hits, longest match first at each token."""
    entries = lexicon_entries()
    firsts = _first_words()
    hits: list[LexiconHit] = []
    tokens = doc_tokens(doc)
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.lower_ not in firsts and tok.lemma_.lower() not in firsts:
            i += 1
            continue
        found = None
        for j in range(min(n, i + _MAX_TERM_TOKENS), i, -1):
            surface, lemma = _window_keys(doc, i, j)
            entry = entries.get(surface) or entries.get(lemma) or entries.get(_singular(surface))
            if entry is not None:
                found = LexiconHit(i, j, entry)
                break
        if found is None:
            i += 1
            continue
        hits.append(found)
        i = found.end
    return hits


def _noun_phrase(root: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by `root`, with a characterising relative clause."""
    start = phrase_start(root, LABEL_PHRASE_DEPS)
    end = root.i + 1
    for child in root.rights:
        restrictive = child.left_edge.i > 0 and root.doc[child.left_edge.i - 1].text != ","
        if (
            child.dep_ in {"relcl", "acl"}
            and restrictive
            and child.left_edge.lower_ != "where"
            and child.right_edge.i + 1 - start <= _MAX_SPAN_TOKENS
        ) or (child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - root.i <= 4):
            end = max(end, child.right_edge.i + 1)
    return start, end


def _modified_noun(doc: Doc, adj: Token, start: int, end: int) -> tuple[int, int]:
    """An attributive adjective with the noun it modifies, read off the token sequence.

    Reading the sequence (adjectives, nouns, names up to the last noun) rather than
    the parse keeps "heroic X defenders" the same span for every X: the parser
    attaches such adjectives differently depending on the nationality word.
    """
    first = adj
    if adj.dep_ == "conj" and adj.head.pos_ == "ADJ" and adj.head.i < adj.i:
        first = adj.head  # "cold and dismissive stance"
    for child in first.lefts:
        if child.dep_ in {"advmod", "npadvmod"}:
            start = min(start, child.i)
    start = min(start, first.i)
    k, last_noun = adj.i + 1, None
    while k < len(doc) and k - adj.i <= 4:
        tok = doc[k]
        if tok.pos_ in {"NOUN", "PROPN"}:
            last_noun = k
        elif not (tok.pos_ in {"ADJ", "NUM"} or tok.text == "-"):
            break
        k += 1
    if last_noun is not None:
        end = max(end, last_noun + 1)
    return start, end


def expand_hit(doc: Doc, hit: LexiconHit) -> Span:
    """The phrase a hit characterises: its noun phrase, modified noun or modified verb."""
    span = doc[hit.start : hit.end]
    root = span.root
    start, end = hit.start, hit.end
    if root.pos_ in _NOUNS:
        # a compound label ("aggressor state") lives inside its head noun's phrase
        head = root
        while head.dep_ == "compound" and head.head.pos_ in _NOUNS and head.head.i > head.i:
            head = head.head
        s, e = _noun_phrase(head)
        start, end = min(start, s), max(end, e)
    elif root.pos_ == "ADJ":
        start, end = _modified_noun(doc, root, start, end)
    elif root.pos_ == "ADV" and root.dep_ == "advmod" and root.head.pos_ in {"VERB", "ADJ", "AUX"}:
        head = root.head
        start = min(start, head.i, root.left_edge.i)
        end = max(end, head.i + 1, root.right_edge.i + 1)
    elif root.pos_ == "VERB":
        for child in root.rights:
            if child.dep_ == "prt":
                end = max(end, child.i + 1)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]
