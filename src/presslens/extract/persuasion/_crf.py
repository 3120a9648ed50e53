"""The trained persuasion model: a CRF span tagger plus the technique classifier.

Files in a model directory (written by `presslens.training.persuasion`):

- ``spans.crfsuite``: a linear-chain CRF (CRFsuite, Okazaki 2007) tagging B/I/O
  over the token features of ``_features``;
- ``techniques.json``: the linear technique classifier (``_techniques``);
- ``config.json``: version, the decoding threshold calibrated on held-out data,
  the feature version the model was trained with, and the measured scores;
- ``lexicon.json`` (optional): how often each lexicon term's hits overlap an annotated
  span in the training split, so a term's hits are reported with what the data says of
  it, not with its hand weight (`PersuasionModel.report_weight`);
- ``MODEL_CARD.md``: data, licence, scores.

Decoding uses the CRF's token marginals rather than the Viterbi path: a token
is inside a span when P(B) + P(I) reaches the threshold. Propaganda covers only
~13% of PTC characters, so Viterbi is conservative; a threshold picked on the
held-out split trades precision for recall where the SI metric of SemEval-2020
Task 11 (Da San Martino et al. 2020) is best. Only ``python-crfsuite`` is needed
at run time (no scikit-learn).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from presslens.extract.persuasion._features import SentenceItems, doc_sentence_items
from presslens.extract.persuasion._lexicon import LexiconEntry, LexiconHit
from presslens.extract.persuasion._techniques import TechniqueModel

__all__ = ["FEATURE_VERSION", "LEXICON_PRIOR", "CrfSpan", "PersuasionModel", "decode_marginals", "load_model"]

log = logging.getLogger(__name__)

FEATURE_VERSION = "3"  # 2: no neighbour copies at +-2, no shape; 3: sides' names masked by table (_features)
_TRIM = frozenset({".", ",", ":", ";"})  # PTC v2 spans never start or end with these
LEXICON_PRIOR = 5.0  # hits' worth of trust in a term's hand weight (PersuasionModel.report_weight)


@dataclass(frozen=True)
class CrfSpan:
    """A tagged span: token bounds [start, end) and the mean marginal P(inside)."""

    start: int
    end: int
    score: float


def decode_marginals(sent: SentenceItems, inside: list[float], threshold: float) -> list[CrfSpan]:
    """Maximal runs of tokens whose P(inside) >= threshold, trimmed of edge punctuation."""
    spans = []
    doc, index = sent.doc, sent.indices
    k, n = 0, len(inside)
    while k < n:
        if inside[k] < threshold:
            k += 1
            continue
        j = k
        while j < n and inside[j] >= threshold:
            j += 1
        a, b = k, j
        while a < b and doc[index[a]].text in _TRIM:
            a += 1
        while b > a and doc[index[b - 1]].text in _TRIM:
            b -= 1
        if b > a:
            score = sum(inside[a:b]) / (b - a)
            spans.append(CrfSpan(index[a], index[b - 1] + 1, score))
        k = j
    return spans


@dataclass
class PersuasionModel:
    """A loaded model directory; one CRFsuite tagger per thread (taggers are not thread-safe)."""

    directory: Path
    config: dict[str, Any]
    techniques: TechniqueModel
    lexicon_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # term -> (inside, hits)
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def report_weight(self, entry: LexiconEntry) -> float:
        """The weight a lexicon hit is reported with: its hand weight shrunk towards its training precision.

        (inside + k * weight) / (hits + k) with k = `LEXICON_PRIOR` hits: a term seen
        often in PTC and seldom annotated there ("regime" 20 of 155, "terrorist" 13 of
        66: words news uses to describe) falls below the report threshold, one seen
        rarely keeps about its hand weight. Never above the hand weight: the lexicons'
        context-dependent tier stays a feature only, whatever the counts.
        """
        inside, hits = self.lexicon_counts.get(entry.term, (0, 0))
        return min(entry.weight, (inside + LEXICON_PRIOR * entry.weight) / (hits + LEXICON_PRIOR))

    @property
    def version(self) -> str:
        return str(self.config.get("version", "unknown"))

    @property
    def threshold(self) -> float:
        return float(self.config.get("threshold", 0.5))

    def _tagger(self) -> Any:
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.directory / "spans.crfsuite"))
            self._local.tagger = tagger
        return tagger

    def inside_marginals(self, sentences: list[SentenceItems], floor: float = 0.0) -> list[list[float]]:
        """P(B) + P(I) for every token of every sentence; 0.0 throughout a sentence that cannot reach `floor`.

        No token's P(inside) exceeds 1 - P(all O), so where the all-O reading alone
        holds more than 1 - `floor` of the mass no token reaches `floor`: one
        probability call then stands for a marginal per token (most sentences of
        straight news). Elsewhere P(inside) = 1 - P(O), one call per token.
        """
        tagger = self._tagger()
        labels = set(tagger.labels())
        marginal = tagger.marginal
        out = []
        for sent in sentences:
            tagger.set(sent.items)  # a sequence of tuples of strings needs no conversion
            steps = range(len(sent.items))
            if labels == {"B", "I", "O"}:
                if floor > 0.0 and tagger.probability(["O"] * len(steps)) > 1.0 - floor:
                    out.append([0.0] * len(steps))
                else:
                    out.append([1.0 - marginal("O", k) for k in steps])
            else:  # a model trained on data without some label
                out.append([sum(marginal(y, k) for y in ("B", "I") if y in labels) for k in steps])
        return out

    def tag(self, doc: Doc, hits: list[LexiconHit], threshold: float | None = None) -> list[CrfSpan]:
        """Spans of the Doc the CRF marks as persuasive."""
        cut = self.threshold if threshold is None else threshold
        sentences = doc_sentence_items(doc, hits)
        spans: list[CrfSpan] = []
        for sent, inside in zip(sentences, self.inside_marginals(sentences, cut), strict=True):
            spans.extend(decode_marginals(sent, inside, cut))
        return spans


def load_model(directory: Path) -> PersuasionModel | None:
    """The model in `directory`, or None (with the reason logged) when it cannot be used."""
    needed = [directory / name for name in ("spans.crfsuite", "techniques.json", "config.json")]
    missing = [p.name for p in needed if not p.is_file()]
    if missing:
        log.warning(
            "no trained persuasion model in %s (missing %s); using the lexicon-only detector",
            directory,
            ", ".join(missing),
        )
        return None
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        log.warning("python-crfsuite is not installed; using the lexicon-only persuasion detector")
        return None
    config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    if str(config.get("feature_version")) != FEATURE_VERSION:
        log.warning(
            "persuasion model in %s was trained with features v%s, this code builds v%s; "
            "using the lexicon-only detector (retrain with `presslens train persuasion`)",
            directory,
            config.get("feature_version"),
            FEATURE_VERSION,
        )
        return None
    counts_file = directory / "lexicon.json"
    counts = json.loads(counts_file.read_text(encoding="utf-8")) if counts_file.is_file() else {}
    model = PersuasionModel(
        directory, config, TechniqueModel.load(directory / "techniques.json"),
        {term: (int(n[0]), int(n[1])) for term, n in counts.get("terms", {}).items()},
    )
    model._tagger()  # fail here, not on the first article, if the file is corrupt
    log.info("loaded persuasion model %s from %s", model.version, directory)
    return model
