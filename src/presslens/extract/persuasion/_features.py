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


_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_PADS = tuple(f"{off}:pad" for off in _NEIGHBOURS)
_PREFIXES = tuple(f"{off}:" for off in _NEIGHBOURS)
_POSITION = tuple("pos=" + bucket(k, (0, 2, 5, 10, 20)) for k in range(22))


class _Columns:
    """Each token attribute the features read, read once per Doc.

    spaCy builds a new Python object for every ``tok.head`` and string for every
    ``tok.tag_``; reading them per token and per neighbour was most of the
    tagger's time, so the builder reads each once into lists indexed by token.
    """

    __slots__ = (
        "dep", "ent", "head", "lemma", "lower", "pos", "shape", "space", "tag", "text", "title", "upper"
    )

    def __init__(self, doc: Doc) -> None:
        toks = list(doc)
        self.text = [t.text for t in toks]
        self.lower = [t.lower_ for t in toks]
        self.tag = [t.tag_ for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.pos = [t.pos_ for t in toks]
        self.ent = [t.ent_type_ for t in toks]
        self.head = [t.head.i for t in toks]
        self.shape = [t.shape_[:4] for t in toks]
        self.title = [t.is_title for t in toks]
        self.upper = [t.is_upper and len(t) > 1 for t in toks]
        self.space = [t.is_space for t in toks]
        self.lemma = [
            "<" + ent + ">" if ent in MASKED_ENTITIES else t.lemma_.lower()
            for t, ent in zip(toks, self.ent, strict=True)
        ]


def _own_features(
    c: _Columns, i: int, mark: tuple[str, str] | None, rep: int, quoted: bool
) -> tuple[list[str], list[str]]:
    """(features of token `i` itself, the subset its neighbours see)."""
    lemma = c.lemma[i]
    masked = lemma.startswith("<")
    word = lemma if masked else c.lower[i]
    head = c.head[i]
    dep = c.dep[i]
    own = [
        "w=" + word,
        "l=" + lemma,
        "t=" + c.tag[i],
        "d=" + dep,
        "hl=" + c.lemma[head],
        "hd=" + c.dep[head] + "|" + dep,
    ]
    if not masked:
        own += ["sh=" + c.shape[i], "p3=" + word[:3], "s3=" + word[-3:]]
    if c.title[i]:
        own.append("title")
    if c.upper[i]:
        own.append("upper")
    if c.ent[i]:
        own.append("ent=" + c.ent[i])
    if rep:
        own.append("rep=" + bucket(rep, (2, 4, 8)))
    if quoted:
        own.append("inq")
    pos = "u=" + c.pos[i]
    neighbour = ["w=" + word, pos]
    if mark:
        own += ["lex=" + mark[0], "lexw=" + mark[1], "lexwt=" + mark[1] + "|" + mark[0]]
        neighbour += ["lex=" + mark[0], "lexw=" + mark[1]]
    own.append(pos)
    return own, neighbour


def _sentence_items(
    sent: Span, c: _Columns, marks: dict[int, tuple[str, str]], lemma_counts: Counter[str]
) -> SentenceItems | None:
    indices = [i for i in range(sent.start, sent.end) if not c.space[i]]
    if not indices:
        return None
    text = sent.text
    sentence_level = [
        "slen=" + bucket(len(indices), (5, 10, 20, 40)),
        "slex=" + bucket(sum(1 for i in indices if i in marks), (0, 1, 2)),
    ]
    if text.rstrip().endswith("?"):
        sentence_level.append("squestion")
    if "!" in text:
        sentence_level.append("sexclaim")
    own_lists, neighbour_lists = [], []
    quoted = False
    for i in indices:
        word = c.text[i]
        if word in _QUOTES:
            quoted = not quoted if word in {'"', "„"} else word in {"“", "«"}
        rep = lemma_counts[c.lemma[i]] if c.pos[i] in _CONTENT_POS else 0
        own, neighbour = _own_features(c, i, marks.get(i), rep if rep > 1 else 0, quoted)
        own_lists.append(own)
        neighbour_lists.append(neighbour)
    n = len(indices)
    items = []
    for k in range(n):
        feats = ["bias", *own_lists[k], *sentence_level, _POSITION[min(k, 21)]]
        if k == n - 1:
            feats.append("last")
        for off, prefix, pad in zip(_NEIGHBOURS, _PREFIXES, _PADS, strict=True):
            j = k + off
            if 0 <= j < n:
                feats += [prefix + f for f in neighbour_lists[j]]
            else:
                feats.append(pad)
        word = own_lists[k][0]
        prev_word = own_lists[k - 1][0] if k else "w=<s>"
        next_word = own_lists[k + 1][0] if k + 1 < n else "w=</s>"
        feats.append("bi-=" + prev_word + "|" + word)
        feats.append("bi+=" + word + "|" + next_word)
        items.append(tuple(feats))
    return SentenceItems(tuple(sent.doc[i] for i in indices), tuple(items))


def doc_sentence_items(doc: Doc, hits: Sequence[LexiconHit]) -> list[SentenceItems]:
    """The CRF input for a Doc: one item sequence per sentence."""
    marks = lexicon_marks(doc, hits)
    columns = _Columns(doc)
    lemma_counts: Counter[str] = Counter(
        lemma for lemma, pos in zip(columns.lemma, columns.pos, strict=True) if pos in _CONTENT_POS
    )
    out = []
    for sent in doc.sents:
        items = _sentence_items(sent, columns, marks, lemma_counts)
        if items is not None:
            out.append(items)
    return out
