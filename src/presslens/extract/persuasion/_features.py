"""Token features for the persuasion span tagger (shared by training and inference).

The span tagger is a linear-chain CRF over spaCy tokens, one sequence per
sentence, in the spirit of the feature-based systems of SemEval-2020 Task 11
(Da San Martino et al. 2020, "SemEval-2020 Task 11: Detection of Propaganda
Techniques in News Articles"). Each token gets its word, lemma, tags, shape,
affixes, lexicon hits with their weight tier, where it sits in the sentence,
whether it is quoted, whether the sentence is a question or an exclamation, how
often its lemma recurs in the article (the "Repetition" technique), and the same
for its neighbours at +-1 and +-2.

Names are masked: a token inside a NORP/GPE/PERSON/ORG/LOC/FAC entity is seen as
its entity label only. The tagger therefore cannot learn that one nation's or
one politician's name signals propaganda, and the same construction is tagged
the same way whichever side it targets.

Features are lists of strings (pycrfsuite's cheapest item form); the feature
builder runs once per token, and neighbours reuse the built strings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.extract._shared import QUOTATION_MARKS
from presslens.extract.persuasion._lexicon import LexiconHit

__all__ = [
    "MASKED_ENTITIES",
    "SentenceItems",
    "bucket",
    "doc_sentence_items",
    "lexicon_marks",
    "masked_lemma",
]

MASKED_ENTITIES = frozenset({"NORP", "GPE", "PERSON", "ORG", "LOC", "FAC"})
_QUOTES = QUOTATION_MARKS | {"„"}
_NEIGHBOURS = (-2, -1, 1, 2)


@dataclass(frozen=True)
class SentenceItems:
    """One CRF sequence: the sentence's non-space tokens and their feature lists."""

    tokens: tuple[Token, ...]
    items: tuple[tuple[str, ...], ...]


def masked_lemma(tok: Token) -> str:
    """The lemma, or the entity label for a name (see the module docstring)."""
    if tok.ent_type_ in MASKED_ENTITIES:
        return "<" + tok.ent_type_ + ">"
    return tok.lemma_.lower()


def lexicon_marks(doc: Doc, hits: Sequence[LexiconHit]) -> dict[int, tuple[str, str]]:
    """token index -> (technique, weight tier) for every token a lexicon hit covers."""
    marks: dict[int, tuple[str, str]] = {}
    for hit in hits:
        tier = "hi" if hit.entry.weight >= 0.8 else "mid" if hit.entry.weight >= 0.5 else "lo"
        for i in range(hit.start, hit.end):
            marks[i] = (hit.entry.technique, tier)
    return marks


def bucket(n: float, edges: Sequence[float]) -> str:
    """The first edge `n` does not exceed, as a feature value ("more" past the last)."""
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


def _shape(tok: Token) -> str:
    shape = tok.shape_
    return shape if len(shape) <= 4 else shape[:4]


def _own_features(
    tok: Token, lemma: str, mark: tuple[str, str] | None, rep: int, quoted: bool
) -> tuple[list[str], list[str]]:
    """(features of the token itself, the subset its neighbours see)."""
    masked = lemma.startswith("<")
    word = lemma if masked else tok.lower_
    own = [
        "w=" + word,
        "l=" + lemma,
        "t=" + tok.tag_,
        "d=" + tok.dep_,
        "hl=" + masked_lemma(tok.head),
        "hd=" + tok.head.dep_ + "|" + tok.dep_,
    ]
    if not masked:
        own += ["sh=" + _shape(tok), "p3=" + word[:3], "s3=" + word[-3:]]
    if tok.is_title:
        own.append("title")
    if tok.is_upper and len(tok) > 1:
        own.append("upper")
    if tok.ent_type_:
        own.append("ent=" + tok.ent_type_)
    if rep:
        own.append("rep=" + bucket(rep, (2, 4, 8)))
    if quoted:
        own.append("inq")
    neighbour = ["w=" + word, "u=" + tok.pos_]
    if mark:
        own += ["lex=" + mark[0], "lexw=" + mark[1], "lexwt=" + mark[1] + "|" + mark[0]]
        neighbour += ["lex=" + mark[0], "lexw=" + mark[1]]
    own.append("u=" + tok.pos_)
    return own, neighbour


def _sentence_items(
    sent: Span, marks: dict[int, tuple[str, str]], lemma_counts: Counter[str]
) -> SentenceItems | None:
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return None
    text = sent.text
    sentence_level = [
        "slen=" + bucket(len(tokens), (5, 10, 20, 40)),
        "slex=" + bucket(sum(1 for t in tokens if t.i in marks), (0, 1, 2)),
    ]
    if text.rstrip().endswith("?"):
        sentence_level.append("squestion")
    if "!" in text:
        sentence_level.append("sexclaim")
    own_lists, neighbour_lists = [], []
    quoted = False
    for tok in tokens:
        if tok.text in _QUOTES:
            quoted = not quoted if tok.text in {'"', "„"} else tok.text in {"“", "«"}
        lemma = masked_lemma(tok)
        rep = lemma_counts[lemma] if tok.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} else 0
        own, neighbour = _own_features(tok, lemma, marks.get(tok.i), rep if rep > 1 else 0, quoted)
        own_lists.append(own)
        neighbour_lists.append(neighbour)
    n = len(tokens)
    items = []
    for k in range(n):
        feats = ["bias", *own_lists[k], *sentence_level, "pos=" + bucket(k, (0, 2, 5, 10, 20))]
        if k == n - 1:
            feats.append("last")
        for off in _NEIGHBOURS:
            j = k + off
            if 0 <= j < n:
                feats.extend(f"{off}:{f}" for f in neighbour_lists[j])
            else:
                feats.append(f"{off}:pad")
        prev_word = own_lists[k - 1][0] if k else "w=<s>"
        next_word = own_lists[k + 1][0] if k + 1 < n else "w=</s>"
        feats.append("bi-=" + prev_word + "|" + own_lists[k][0])
        feats.append("bi+=" + own_lists[k][0] + "|" + next_word)
        items.append(tuple(feats))
    return SentenceItems(tuple(tokens), tuple(items))


def doc_sentence_items(doc: Doc, hits: Sequence[LexiconHit]) -> list[SentenceItems]:
    """The CRF input for a Doc: one item sequence per sentence."""
    marks = lexicon_marks(doc, hits)
    lemma_counts: Counter[str] = Counter(
        masked_lemma(t) for t in doc if t.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}
    )
    out = []
    for sent in doc.sents:
        items = _sentence_items(sent, marks, lemma_counts)
        if items is not None:
            out.append(items)
    return out
