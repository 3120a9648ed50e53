"""Persuasion spans: loaded language and propaganda techniques, found by a cascade of detectors.

The inventory is that of SemEval-2020 Task 11 (Da San Martino et al. 2020,
"SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles"),
built on the Propaganda Techniques Corpus (PTC; Da San Martino et al., EMNLP
2019, "Fine-Grained Analysis of Propaganda in News Articles"): 14 techniques
from Loaded_Language and Name_Calling,Labeling to Whataboutism.

A cascade, so the stage never fails an analysis:

1. the trained model (`_crf`): a CRF tags span boundaries (task SI)
   and a linear classifier names each span's technique (task TC), trained on
   PTC by `presslens.training.persuasion` and shipped in
   ``resources/persuasion_model``;
2. the lexicon detector (`_lexicon`), always run: hits of the
   loaded-language and labelling lexicons, expanded to the phrase they
   characterise, merged with the CRF's spans;
3. when the model directory or python-crfsuite is missing, the lexicon detector
   alone -- `detector_kind()` says which one ran, and a warning is logged once.

`shipped_model()` is the model under `MODEL_DIR`, loaded once per process.

Both detectors see names only as their entity type, so the same construction is
marked the same way whichever side it targets.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import IS_SPACE, LEMMA
from spacy.tokens import Doc

from presslens.extract._shared import doc_text
from presslens.extract.persuasion._crf import CrfSpan, PersuasionModel, load_model
from presslens.extract.persuasion._lexicon import REPORT_THRESHOLD, LexiconHit, expand_hit, lexicon_hits
from presslens.extract.persuasion._techniques import phrase_counts, span_features
from presslens.models import PersuasionSpan

__all__ = [
    "MODEL_DIR",
    "detected_spans",
    "detector_kind",
    "lexicon_only_spans",
    "persuasion_spans",
    "shipped_model",
]

log = logging.getLogger(__name__)

MODEL_DIR: Path = Path(str(resources.files("presslens.resources").joinpath("persuasion_model")))
# word-level techniques: a lexicon hit inside such a CRF span describes the same thing
_WORD_LEVEL = frozenset({"Loaded_Language", "Name_Calling,Labeling"})
_LABEL = "Name_Calling,Labeling"

_models: dict[Path, PersuasionModel | None] = {}
_lock = threading.Lock()


def shipped_model() -> PersuasionModel | None:
    """The model under `MODEL_DIR`, loaded once per process (None: lexicon-only)."""
    directory = Path(MODEL_DIR)
    with _lock:
        if directory not in _models:
            try:
                _models[directory] = load_model(directory)
            except Exception as exc:  # a corrupt model must not stop the analysis
                log.warning("cannot load the persuasion model in %s (%s); lexicon-only", directory, exc)
                _models[directory] = None
        return _models[directory]


def detector_kind() -> str:
    """Which detector `persuasion_spans` runs, for reports and the Document's versions."""
    model = shipped_model()
    if model is None:
        return "lexicon-only (no trained model found)"
    return f"crf+lexicon (model {model.version})"


#: Entity labels of proper names a lexicon word can be part of: "the Savior" in "the Cathedral of
#: Christ the Savior", "Crusaders" in a team's name, "Terror" in "the Topography of Terror".
_NAME_LABELS = frozenset({"FAC", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _inside_name(hit: LexiconHit, names: Sequence[tuple[int, int]]) -> bool:
    """The hit is a word of a longer proper name: the name's, not the writer's choice of word."""
    return any(s <= hit.start and hit.end <= e and e - s > hit.end - hit.start for s, e in names)


def _lexicon_spans(
    doc: Doc, hits: Sequence[LexiconHit], model: PersuasionModel | None = None
) -> list[PersuasionSpan]:
    """Reportable lexicon hits expanded to their phrases; overlapping phrases are joined.

    A hit is reportable when its weight reaches `REPORT_THRESHOLD`: the model's
    calibrated weight when a model is loaded (`PersuasionModel.report_weight`), else
    the lexicon's hand weight; and when it is not a word of a longer proper name.
    """
    spans: list[PersuasionSpan] = []
    names = [(e.start, e.end) for e in doc.ents if e.label_ in _NAME_LABELS]
    for hit in hits:
        weight = model.report_weight(hit.entry) if model is not None else hit.entry.weight
        if weight < REPORT_THRESHOLD or _inside_name(hit, names):
            continue
        span = expand_hit(doc, hit)
        start, end = span.start_char, span.end_char
        technique, score = hit.entry.technique, round(weight, 3)
        if spans and spans[-1].end > start:
            prev = spans.pop()
            if prev.score > score or (prev.score == score and prev.technique == _LABEL):
                technique = prev.technique
            start, end, score = min(start, prev.start), max(end, prev.end), max(score, prev.score)
        spans.append(PersuasionSpan(text=doc_text(doc)[start:end], start=start, end=end,
                                    technique=technique, score=score))
    return spans


def _lemma_counts(doc: Doc) -> Counter[str]:
    """How often each lower-cased lemma occurs (whitespace left out).

    Counted over the lemma hashes of one array read, each distinct lemma turned into
    a string once: ``Token.lemma_`` builds a Token and a string per token, and
    turning every 64-bit hash into a Python int costs more than counting them in numpy.
    """
    strings = doc.vocab.strings
    columns = doc.to_array([LEMMA, IS_SPACE])
    lemmas, counts = np.unique(columns[columns[:, 1] == 0, 0], return_counts=True)
    out: Counter[str] = Counter()
    for lemma, n in zip(lemmas.tolist(), counts.tolist(), strict=True):
        out[strings[lemma].lower()] += n
    return out


def _model_spans(doc: Doc, hits: list[LexiconHit], model: PersuasionModel) -> list[PersuasionSpan]:
    crf_spans: list[CrfSpan] = model.tag(doc, hits)
    if not crf_spans:
        return []
    text_counts = phrase_counts(doc)
    lemma_counts = _lemma_counts(doc)
    out = []
    for cs in crf_spans:
        span = doc[cs.start : cs.end]
        feats = span_features(doc, span, text_counts=text_counts, lemma_counts=lemma_counts, hits=hits)
        technique, prob = model.techniques.predict(feats)
        out.append(
            PersuasionSpan(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                technique=technique,
                score=round(cs.score * prob, 3),
            )
        )
    return out


def _merge(
    model_spans: list[PersuasionSpan], lexicon: list[PersuasionSpan], text: str
) -> list[PersuasionSpan]:
    """Model spans plus lexicon spans; a lexicon span overlapping a word-level model span joins it.

    The lexicon's technique wins the joined span: a listed label ("occupier") is
    Name_Calling even where the classifier, seeing a short span, says Loaded_Language.
    """
    merged = list(model_spans)
    for lex in lexicon:
        for k, ms in enumerate(merged):
            if ms.start < lex.end and lex.start < ms.end and ms.technique in _WORD_LEVEL:
                start, end = min(ms.start, lex.start), max(ms.end, lex.end)
                merged[k] = PersuasionSpan(
                    text=text[start:end],
                    start=start,
                    end=end,
                    technique=lex.technique,
                    score=max(ms.score, lex.score),
                )
                break
        else:
            merged.append(lex)
    return sorted(merged, key=lambda s: (s.start, s.end))


def detected_spans(
    doc: Doc, model: PersuasionModel | None, *, min_score: float = 0.0
) -> list[PersuasionSpan]:
    """The cascade with an explicit model (None: lexicon only), keeping spans scored >= `min_score`."""
    hits = lexicon_hits(doc)
    lexicon = _lexicon_spans(doc, hits, model)
    if model is None:
        spans = sorted(lexicon, key=lambda s: (s.start, s.end))
    else:
        spans = _merge(_model_spans(doc, hits, model), lexicon, doc_text(doc))
    return [s for s in spans if s.score >= min_score]


def persuasion_spans(doc: Doc, *, min_score: float | None = None) -> list[PersuasionSpan]:
    """Persuasive spans of `doc`: character offsets into ``doc.text``, technique and score.

    Scores are in (0, 1]: for model spans the mean CRF marginal times the technique
    probability, for lexicon spans the term's lexicon weight. By default spans
    scored below the model's ``report_min_score`` are dropped: the lowest score at
    which, on the held-out PTC split, at least half the reported spans overlap an
    annotated one (so a reader is not shown mostly noise). ``min_score=0.0`` gives
    the SemEval-2020 Task 11 operating point, tuned for the task's SI F1 instead.
    """
    model = shipped_model()
    if min_score is None:
        min_score = float(model.config.get("report_min_score", 0.0)) if model is not None else 0.0
    return detected_spans(doc, model, min_score=min_score)


def lexicon_only_spans(doc: Doc) -> list[PersuasionSpan]:
    """What the lexicon detector alone marks (the fallback; also a baseline in evaluation)."""
    return _lexicon_spans(doc, lexicon_hits(doc))
