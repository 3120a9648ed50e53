"""Token features for the persuasion span tagger (shared by training and inference).

The span tagger is a linear-chain CRF over spaCy tokens, one sequence per
sentence, in the spirit of the feature-based systems of SemEval-2020 Task 11
(Da San Martino et al. 2020, "SemEval-2020 Task 11: Detection of Propaganda
Techniques in News Articles"). Each token gets its word, lemma, tags, head,
affixes, lexicon hits with their weight tier, where it sits in the sentence,
whether it is quoted, whether the sentence is a question or an exclamation, how
often its lemma recurs in the article (the "Repetition" technique), the word
bigrams it forms with its neighbours, and the word, coarse tag and lexicon hits
of its neighbours at +-1: about 19.5 feature strings per PTC token.

Feature version 2 (this one) is version 1 without the copies of the neighbour
features at +-2 and without the word shape (24.3 strings per token). The CRF's
label transitions already carry context along the sentence, and the word,
affixes, casing and entity type say what the shape said. Measured with the
training recipe (threshold picked on the held-out split, dev SI F1 of the
detector): version 1 0.357; without the +-2 copies 0.353 at version 1's elastic
net (c1 0.1, c2 0.05) and 0.365 at c1 0.05, c2 0.1; without the shape too
0.358 (held-out 0.340 vs 0.336), the set shipped. Not worth their saving:
dropping the word bigrams (-0.024), the affixes (-0.007) or the head dependency
(-0.014).

Names are masked: a token inside a NORP/GPE/PERSON/ORG/LOC/FAC entity is seen as
its entity label only. The tagger therefore cannot learn that one nation's or
one politician's name signals propaganda, and the same construction is tagged
the same way whichever side it targets. Feature version 3 closes what NER
leaves open: spaCy tags one side's name and not the other's, or with another
label ("Islam" ORG, "Christianity" nothing; "Trump" sometimes ORG), so a name of
a side (``party_names``: countries, nationalities, peoples, religious and
political groups, leaders, from the place tables and
``persuasion_party_names.tsv``) is masked as its class from the table, whatever
NER says. On 300 PTC sentences with such a name swapped for its counterpart
(Russia/Ukraine, Israeli/Palestinian, Muslims/Christians, Democrats/
Republicans, Trump/Obama, ...), version 2 marked 13 differently.

Tried on top of version 3 and not kept, each trained on the 80% split with the threshold
picked on the held-out 20% (held-out SI F1 / dev SI F1; version 3: 0.338 / 0.365): k-means
clusters (64/256/1024) of the model's token vectors, alone 0.335 / 0.365, with the
neighbours' 0.338 / 0.355; the token vectors as 96 real-valued features 0.333 / 0.368; a
cross-fitted sentence classifier's probability, bucketed (its AUC on dev 0.78) 0.334 / 0.358;
VADER valence and TextBlob subjectivity tiers 0.343 / 0.356; title and sentence position 0.334
/ 0.357; article lexicon density 0.336 / 0.354; technique-group labels (short lexical vs
clausal) instead of one span label 0.330 / 0.366; IO instead of BIO 0.328 / 0.345; hysteresis
decoding or gap filling 0.338 / 0.361 at best; c1/c2 from 0.01 to 0.2 and 0.05 to 0.5 and 400
iterations 0.328-0.344 / 0.338-0.364; c1 0.1, c2 0.3 on all of train 0.369 on dev. All sit within
the noise of 75 dev articles: the feature CRF is saturated near 0.36, and the issue's 0.38
needs a stronger model of context than this budget's linear one.

Features are tuples of strings (pycrfsuite's cheapest item form), built column
by column for the whole Doc: one ``Doc.to_array`` read per attribute kind, each
distinct hash turned into a string once, one list comprehension per feature
family, then one tuple per token. Reading ``Token`` attributes and joining
strings token by token took about 1.5 times as long for the same features.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LENGTH,
    LOWER,
    ORTH,
    POS,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from presslens.extract._shared import QUOTATION_MARKS, doc_sentences
from presslens.extract.persuasion._lexicon import LexiconHit
from presslens.resources import read_tsv

__all__ = [
    "MASKED_ENTITIES",
    "SentenceItems",
    "bucket",
    "doc_sentence_items",
    "hash_strings",
    "lexicon_marks",
    "mask_of",
    "masked_lemma",
    "party_names",
]

MASKED_ENTITIES = frozenset({"NORP", "GPE", "PERSON", "ORG", "LOC", "FAC"})


@lru_cache(maxsize=1)
def party_names() -> dict[str, str]:
    """Single words that name a side, as written (case matters) -> the class they are masked as."""
    names: dict[str, str] = {}

    def add(form: str, kind: str) -> None:
        form = form.strip()
        if form and " " not in form:
            names.setdefault(form, kind)

    for name, kind in read_tsv("persuasion_party_names.tsv"):
        add(name, kind)
    for row in read_tsv("entity_demonyms.tsv"):
        add(row[1], "GPE" if row[0] != "-" else "NORP")
        for form in ",".join(row[2:4]).split(","):
            add(form, "NORP")
    for alias, _code in read_tsv("gazetteer_country_aliases.tsv"):
        add(alias, "GPE")
    for form, *_ in read_tsv("metonyms.tsv"):
        add(form, "GPE")
    for surname, full, *_ in read_tsv("entity_leaders.tsv"):
        add(surname, "PERSON")
        for part in full.split():
            if part[:1].isupper() and len(part) > 2:
                add(part, "PERSON")
    return names
_QUOTES = QUOTATION_MARKS | {"„"}
_TOGGLING_QUOTES = frozenset({'"', "„"})  # the same mark opens and closes
_OPENING_QUOTES = frozenset({"“", "«"})


@dataclass(frozen=True)
class SentenceItems:
    """One CRF sequence: the sentence's non-space tokens (Doc indices) and their feature tuples."""

    doc: Doc
    indices: tuple[int, ...]
    items: tuple[tuple[str, ...], ...]

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens themselves (built on demand: inference needs only the indices)."""
        return tuple(self.doc[i] for i in self.indices)


def mask_of(text: str, ent: str) -> str | None:
    """The class a token is seen as, or None for a word seen as itself: a side's name by its
    class in ``party_names`` (whatever NER says), another name by its entity label."""
    party = party_names().get(text)
    if party is not None:
        return party
    return ent if ent in MASKED_ENTITIES else None


def masked_lemma(tok: Token) -> str:
    """The lemma, or the class of a name (see the module docstring)."""
    mask = mask_of(tok.text, tok.ent_type_)
    return "<" + mask + ">" if mask else tok.lemma_.lower()


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
_POSITION = tuple("pos=" + bucket(k, (0, 2, 5, 10, 20)) for k in range(22))  # the last is "more"
_HASHED = [ORTH, LOWER, LEMMA, TAG, DEP, POS, ENT_TYPE]
_NUMERIC = [HEAD, IS_TITLE, IS_UPPER, LENGTH, IS_SPACE]


def hash_strings(hashes: np.ndarray, strings: StringStore) -> list[str]:
    """The strings of a column of ``Doc.to_array`` hashes, each distinct hash looked up once.

    Turning every 64-bit hash into a Python int (``tolist``) or every token into a
    ``Token`` costs more than sorting the column once in numpy.
    """
    distinct, inverse = np.unique(hashes, return_inverse=True)
    values = np.empty(len(distinct), dtype=object)
    values[:] = [strings[h] for h in distinct.tolist()]
    return values[inverse].tolist()


class _Columns:
    """The token attributes the features read, for the Doc's non-space tokens, read once per Doc.

    spaCy builds a new Python object for every ``Token``, ``tok.head`` and
    ``tok.tag_``; two ``Doc.to_array`` calls and one string lookup per distinct
    value replace them. Heads are resolved before the space tokens are dropped
    (a head may be a space token).
    """

    __slots__ = ("dep", "ent", "head_dep", "head_lemma", "index", "lemma", "masked", "pos", "tag", "text",
                 "title", "upper", "word")

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        hashed = doc.to_array(_HASHED)
        numeric = doc.to_array(_NUMERIC).astype(np.int64)  # HEAD is a signed offset
        text, lower, lemma, tag, dep, pos, ent = (hash_strings(hashed[:, k], strings) for k in range(7))
        masks = [mask_of(t, e) for t, e in zip(text, ent, strict=True)]
        masked = [m is not None for m in masks]
        ent = [m or e for m, e in zip(masks, ent, strict=True)]  # a side's name: its class, not NER's
        lemma = ["<" + m + ">" if m else le.lower() for le, m in zip(lemma, masks, strict=True)]
        heads = (numeric[:, 0] + np.arange(len(doc))).tolist()
        head_lemma = [lemma[h] for h in heads]
        head_dep = [dep[h] for h in heads]
        lengths = numeric[:, 3].tolist()
        upper = [u == 1 and n > 1 for u, n in zip(numeric[:, 2].tolist(), lengths, strict=True)]
        title = [t == 1 for t in numeric[:, 1].tolist()]
        self.index = np.flatnonzero(numeric[:, 4] == 0).tolist()
        columns = [text, lower, lemma, tag, dep, pos, ent, masked, title, upper, head_lemma, head_dep]
        if len(self.index) < len(doc):
            columns = [[col[i] for i in self.index] for col in columns]
        (self.text, lower, self.lemma, self.tag, self.dep, self.pos, self.ent, self.masked, self.title,
         self.upper, self.head_lemma, self.head_dep) = columns
        self.word = [le if m else w for le, w, m in zip(self.lemma, lower, self.masked, strict=True)]


_NEIGHBOURS = (-1, 1)


def _token_columns(
    c: _Columns, marks: dict[int, tuple[str, str]], lemma_counts: Counter[str]
) -> tuple[list[list[str]], list[list[str]], list[str]]:
    """(own feature families, neighbour-visible families, the lexicon column), one string per token.

    A token without a feature of some family has "" in that column; the
    neighbour-visible families are the word, the coarse tag and the lexicon hit.
    """
    word = ["w=" + w for w in c.word]
    pos = ["u=" + p for p in c.pos]
    lex, tier, tier_lex = [""] * len(word), [""] * len(word), [""] * len(word)
    for k, i in enumerate(c.index):
        mark = marks.get(i)
        if mark:
            technique, weight = mark
            lex[k], tier[k] = "lex=" + technique, "lexw=" + weight
            tier_lex[k] = "lexwt=" + weight + "|" + technique
    repeated = []
    for lemma, p in zip(c.lemma, c.pos, strict=True):
        n = lemma_counts[lemma] if p in _CONTENT_POS else 0
        repeated.append("rep=" + bucket(n, (2, 4, 8)) if n > 1 else "")
    own = [
        word,
        ["l=" + x for x in c.lemma],
        ["t=" + x for x in c.tag],
        ["d=" + x for x in c.dep],
        ["hl=" + x for x in c.head_lemma],
        ["hd=" + h + "|" + d for h, d in zip(c.head_dep, c.dep, strict=True)],
        # names are seen as their entity label only: no affixes of a name
        ["" if m else "p3=" + x[:3] for x, m in zip(c.word, c.masked, strict=True)],
        ["" if m else "s3=" + x[-3:] for x, m in zip(c.word, c.masked, strict=True)],
        # a name's casing says which name it is ("USA", "Russia"): its class says enough
        ["title" if x and not m else "" for x, m in zip(c.title, c.masked, strict=True)],
        ["upper" if x and not m else "" for x, m in zip(c.upper, c.masked, strict=True)],
        ["ent=" + x if x else "" for x in c.ent],
        repeated,
        lex,
        tier,
        tier_lex,
        pos,
    ]
    return own, [word, pos, lex, tier], lex


def _shifted(column: list[str], a: int, b: int, offset: int, pad: str) -> list[str]:
    """column[k + offset] for k in [a, b), `pad` where that falls outside the sentence."""
    n = b - a
    if offset < 0:
        return [pad] * min(-offset, n) + column[a : max(a, b + offset)]
    return column[a + offset : b] + [pad] * min(offset, n)


def _quoted(text: list[str], a: int, b: int) -> list[str]:
    """"inq" for the tokens of [a, b) inside quotation marks (an opening mark is inside)."""
    out, quoted = [""] * (b - a), False
    for k in range(a, b):
        word = text[k]
        if word in _QUOTES:
            quoted = not quoted if word in _TOGGLING_QUOTES else word in _OPENING_QUOTES
        if quoted:
            out[k - a] = "inq"
    return out


def doc_sentence_items(doc: Doc, hits: Sequence[LexiconHit]) -> list[SentenceItems]:
    """The CRF input for a Doc: one item sequence per sentence (sentences of space tokens left out)."""
    c = _Columns(doc)
    if not c.index:
        return []
    lemma_counts = Counter(lemma for lemma, pos in zip(c.lemma, c.pos, strict=True) if pos in _CONTENT_POS)
    own, visible, lex = _token_columns(c, lexicon_marks(doc, hits), lemma_counts)
    # what the neighbour at each offset shows: its visible families under the offset's prefix
    neighbour = {}
    for off in _NEIGHBOURS:
        prefix = f"{off}:"
        neighbour[off] = [[prefix + f if f else "" for f in column] for column in visible]
    word = own[0]
    after = ["bi+=" + w + "|" + x for w, x in pairwise(word)] + [""]
    before = ["", *("bi-=" + w + "|" + x for w, x in pairwise(word))]
    quote_at = [k for k, t in enumerate(c.text) if t in _QUOTES]
    out = []
    for sent in doc_sentences(doc):
        a, b = bisect_left(c.index, sent.start), bisect_left(c.index, sent.end)
        if a == b:
            continue
        n = b - a
        sentence = ["bias", "slen=" + bucket(n, (5, 10, 20, 40)),
                    "slex=" + bucket(sum(1 for x in lex[a:b] if x), (0, 1, 2))]
        if c.text[b - 1].endswith("?"):  # the sentence text, right-stripped, ends with "?"
            sentence.append("squestion")
        if any("!" in t for t in c.text[a:b]):
            sentence.append("sexclaim")
        columns = [column[a:b] for column in own]
        has_quote = bisect_left(quote_at, a) < bisect_left(quote_at, b)
        columns.append(_quoted(c.text, a, b) if has_quote else [""] * n)
        columns.append(list(_POSITION[:n]) + [_POSITION[-1]] * (n - len(_POSITION)))
        columns.append([""] * (n - 1) + ["last"])
        for off, shown in neighbour.items():
            columns.append(_shifted(shown[0], a, b, off, f"{off}:pad"))
            columns += [_shifted(column, a, b, off, "") for column in shown[1:]]
        bigrams_before, bigrams_after = before[a:b], after[a:b]
        bigrams_before[0] = "bi-=w=<s>|" + word[a]
        bigrams_after[-1] = "bi+=" + word[b - 1] + "|w=</s>"
        columns += [bigrams_before, bigrams_after]
        items = tuple((*sentence, *filter(None, row)) for row in zip(*columns, strict=True))
        out.append(SentenceItems(doc, tuple(c.index[a:b]), items))
    return out
