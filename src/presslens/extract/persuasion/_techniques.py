"""Technique classification of a persuasion span: features and a JSON-stored linear model.

Task TC of SemEval-2020 Task 11 (Da San Martino et al. 2020): given a span
known to be propaganda, name its technique among the 14 classes of the
Propaganda Techniques Corpus (Da San Martino et al., EMNLP 2019). The features
follow what separates the classes in the corpus paper's analysis: the span's
words (Loaded_Language, Name_Calling, Flag-Waving), its length (Doubt, Causal
Oversimplification and Appeal_to_Authority spans are clause-long, Loaded_Language
a word or two), how often the same words recur in the article (Repetition),
whether the sentence is a question (Doubt), quotes (Appeal_to_Authority,
Slogans), and lexicon hits. Names are masked as in the span tagger.

The model is multinomial logistic regression trained with scikit-learn
(`presslens.training.persuasion`) and stored as plain JSON (feature -> one
weight per class), so inference needs only Python and numpy.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER
from spacy.tokens import Doc, Span

from presslens.extract.persuasion._features import bucket, hash_strings, mask_of, masked_lemma
from presslens.extract.persuasion._lexicon import LexiconHit

__all__ = ["TECHNIQUES", "PhraseCounts", "TechniqueModel", "phrase_counts", "span_features"]

TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_fear-prejudice",
    "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy",
    "Causal_Oversimplification",
    "Doubt",
    "Exaggeration,Minimisation",
    "Flag-Waving",
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Slogans",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
)


def span_features(
    doc: Doc, span: Span, *, text_counts: PhraseCounts, lemma_counts: Counter[str], hits: list[LexiconHit]
) -> list[str]:
    """Sparse binary features of one span in its article (see the module docstring)."""
    toks = [t for t in span if not t.is_space]
    if not toks:
        return ["bias"]
    lemmas = [masked_lemma(t) for t in toks]
    feats = ["bias", "len=" + bucket(len(toks), (1, 2, 3, 5, 8, 13, 20, 30))]
    feats += ["l=" + lem for lem in set(lemmas)]
    feats += ["bg=" + a + "|" + b for a, b in pairwise(lemmas)]
    feats += ["first=" + lemmas[0], "last=" + lemmas[-1], "root=" + masked_lemma(span.root)]
    feats.append("rootpos=" + span.root.pos_ + "|" + span.root.dep_)
    if len(toks) <= 4:
        feats.append("pos=" + "_".join(t.pos_ for t in toks))
    sent = span.sent if doc.has_annotation("SENT_START") else span
    sent_toks = [t for t in sent if not t.is_space]
    feats.append("cover=" + bucket(len(toks) / max(1, len(sent_toks)), (0.2, 0.5, 0.8)))
    # each text joined once: Span.text rebuilds it from the tokens on every access
    sent_text = sent.text
    span_text = span.text
    if sent_text.rstrip().endswith("?"):
        feats.append("squestion")
    if span_text.rstrip().endswith("?"):
        feats.append("question")
    if "!" in sent_text:
        feats.append("sexclaim")
    if any(q in span_text for q in '"“”'):
        feats.append("quote")
    before = doc[max(0, span.start - 1)] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None:
        feats.append("prev=" + masked_lemma(before))
    if after is not None:
        feats.append("next=" + masked_lemma(after))
    key = " ".join(span_text.lower().split())
    feats.append("rep=" + bucket(text_counts.get(key, 0), (1, 2, 4)))
    content = [masked_lemma(t) for t in toks if t.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"}]
    if content:
        feats.append("lrep=" + bucket(max(lemma_counts[c] for c in content), (1, 2, 4, 8)))
    for hit in hits:
        if hit.start < span.end and span.start < hit.end:
            feats.append("lex=" + hit.entry.technique)
    if any(mask_of(t.text, t.ent_type_) in {"NORP", "GPE"} for t in toks):
        feats.append("nation")
    if any(t.lower_ in {"we", "our", "us"} for t in toks):
        feats.append("we")
    return feats


class PhraseCounts:
    """How often each lower-cased token n-gram (n <= max_len) occurs: the Repetition signal.

    Counted on demand from an index of word positions: a document asks for a
    few dozen phrases, and counting every n-gram up front joined six strings
    per word of the article.
    """

    def __init__(self, words: list[str], max_len: int) -> None:
        self._words = words
        self._max_len = max_len
        self._at: dict[str, list[int]] = defaultdict(list)
        for i, word in enumerate(words):
            self._at[word].append(i)

    def get(self, key: str, default: int = 0) -> int:
        parts = key.split(" ")
        n = len(parts)
        if n > self._max_len:
            return default
        count = sum(1 for i in self._at.get(parts[0], ()) if self._words[i : i + n] == parts)
        return count or default

    def __getitem__(self, key: str) -> int:
        return self.get(key)


def phrase_counts(doc: Doc, max_len: int = 6) -> PhraseCounts:
    """How often each lower-cased token n-gram (n <= max_len) of `doc` occurs (punctuation left out).

    The words come from one array read (see ``hash_strings``), not a ``Token`` per word.
    """
    columns = doc.to_array([LOWER, IS_SPACE, IS_PUNCT])
    words = columns[(columns[:, 1] == 0) & (columns[:, 2] == 0), 0]
    return PhraseCounts(hash_strings(words, doc.vocab.strings), max_len)


@dataclass(frozen=True)
class TechniqueModel:
    """A linear multi-class model: feature -> weight vector, plus per-class bias."""

    classes: tuple[str, ...]
    weights: dict[str, np.ndarray]
    bias: np.ndarray

    @classmethod
    def load(cls, path: Path) -> TechniqueModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {name: np.asarray(w, dtype=np.float32) for name, w in data["weights"].items()}
        return cls(tuple(data["classes"]), weights, np.asarray(data["bias"], dtype=np.float32))

    def save(self, path: Path) -> None:
        data = {
            "classes": list(self.classes),
            "bias": [round(float(b), 4) for b in self.bias],
            "weights": {k: [round(float(x), 4) for x in v] for k, v in sorted(self.weights.items())},
        }
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    def predict(self, features: list[str]) -> tuple[str, float]:
        """The most probable technique and its softmax probability.

        Features are summed in sorted order: float addition is not associative, and a set's
        order follows the per-process hash seed, so scores would differ between processes.
        """
        scores = self.bias.copy()
        for name in sorted(set(features)):
            w = self.weights.get(name)
            if w is not None:
                scores += w
        scores -= scores.max()
        probs = np.exp(scores)
        probs /= probs.sum()
        best = int(np.argmax(probs))
        return self.classes[best], float(probs[best])
