"""Persuasion spans: loaded language and propaganda techniques, with a per-article summary.

The inventory is that of SemEval-2020 Task 11 (Da San Martino et al. 2020,
"SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles"),
built on the Propaganda Techniques Corpus (PTC; Da San Martino et al., EMNLP
2019, "Fine-Grained Analysis of Propaganda in News Articles"): 14 techniques
from Loaded_Language and Name_Calling,Labeling to Whataboutism.

A cascade, so the stage never fails an analysis:

1. the trained model (`persuasion_crf`): a CRF tags span boundaries (task SI)
   and a linear classifier names each span's technique (task TC), trained on
   PTC by `presslens.persuasion_training` and shipped in
   ``resources/persuasion_model``;
2. the lexicon detector (`persuasion_lexicon`), always run: hits of the
   loaded-language and labelling lexicons, expanded to the phrase they
   characterise, merged with the CRF's spans;
3. when the model directory or python-crfsuite is missing, the lexicon detector
   alone -- `detector_kind()` says which one ran, and a warning is logged once.

Both detectors see names only as their entity type, so the same construction is
marked the same way whichever side it targets.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from presslens.extract.persuasion_crf import CrfSpan, PersuasionModel, load_model
from presslens.extract.persuasion_lexicon import REPORT_THRESHOLD, LexiconHit, expand_hit, lexicon_hits
from presslens.extract.persuasion_techniques import phrase_counts, span_features
from presslens.models import PersuasionSpan, PersuasionSummary
from presslens.resources_io import read_tsv

__all__ = [
    "MODEL_DIR",
    "detected_spans",
    "detector_kind",
    "lexicon_only_spans",
    "persuasion_spans",
    "persuasion_summary",
]

log = logging.getLogger(__name__)

MODEL_DIR: Path = Path(str(resources.files("presslens.resources").joinpath("persuasion_model")))
# word-level techniques: a lexicon hit inside such a CRF span describes the same thing
_WORD_LEVEL = frozenset({"Loaded_Language", "Name_Calling,Labeling"})
_LABEL = "Name_Calling,Labeling"
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

_models: dict[Path, PersuasionModel | None] = {}
_lock = threading.Lock()


def _model() -> PersuasionModel | None:
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
    model = _model()
    if model is None:
        return "lexicon-only (no trained model found)"
    return f"crf+lexicon (model {model.version})"


def _lexicon_spans(doc: Doc, hits: Sequence[LexiconHit]) -> list[PersuasionSpan]:
    """Reportable lexicon hits expanded to their phrases; overlapping phrases are joined."""
    spans: list[PersuasionSpan] = []
    for hit in hits:
        if hit.entry.weight < REPORT_THRESHOLD:
            continue
        span = expand_hit(doc, hit)
        start, end = span.start_char, span.end_char
        technique, score = hit.entry.technique, round(hit.entry.weight, 3)
        if spans and spans[-1].end > start:
            prev = spans.pop()
            if prev.score > score or (prev.score == score and prev.technique == _LABEL):
                technique = prev.technique
            start, end, score = min(start, prev.start), max(end, prev.end), max(score, prev.score)
        spans.append(PersuasionSpan(text=doc.text[start:end], start=start, end=end,
                                    technique=technique, score=score))
    return spans


def _model_spans(doc: Doc, hits: list[LexiconHit], model: PersuasionModel) -> list[PersuasionSpan]:
    crf_spans: list[CrfSpan] = model.tag(doc, hits)
    if not crf_spans:
        return []
    text_counts = phrase_counts(doc)
    lemma_counts: Counter[str] = Counter(t.lemma_.lower() for t in doc if not t.is_space)
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
    lexicon = _lexicon_spans(doc, hits)
    if model is None:
        spans = sorted(lexicon, key=lambda s: (s.start, s.end))
    else:
        spans = _merge(_model_spans(doc, hits, model), lexicon, doc.text)
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
    model = _model()
    if min_score is None:
        min_score = float(model.config.get("report_min_score", 0.0)) if model is not None else 0.0
    return detected_spans(doc, model, min_score=min_score)


def lexicon_only_spans(doc: Doc) -> list[PersuasionSpan]:
    """What the lexicon detector alone marks (the fallback; also a baseline in evaluation)."""
    return _lexicon_spans(doc, lexicon_hits(doc))


def persuasion_summary(spans: Sequence[PersuasionSpan], text: str) -> PersuasionSummary:
    """Counts by technique, spans per 1,000 words, the densest paragraphs and a plain sentence.

    Density rather than a raw count lets a short wire story and a long opinion
    piece be compared; words are counted as runs of letters/digits. Paragraphs
    are the body's lines; the densest are those with the most spans per word
    (at most two, and only paragraphs holding at least two spans).
    """
    counts = Counter(s.technique for s in spans)
    words = len(_WORD.findall(text))
    density = 1000.0 * len(spans) / words if words else 0.0
    densest = _densest_paragraphs(spans, text)
    by_technique = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return PersuasionSummary(
        by_technique=by_technique,
        per_1000_words=round(density, 2),
        densest_paragraphs=densest,
        text=_summary_text(by_technique, density, densest),
        detector=detector_kind(),
    )


def _densest_paragraphs(spans: Sequence[PersuasionSpan], text: str) -> tuple[int, ...]:
    starts, number = [], 0
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            number += 1
            starts.append((offset, offset + len(line), number, max(1, len(_WORD.findall(line)))))
        offset += len(line) + 1
    hits: Counter[int] = Counter()
    for span in spans:
        for lo, hi, n, _ in starts:
            if lo <= span.start < hi:
                hits[n] += 1
                break
    words = {n: w for _, _, n, w in starts}
    ranked = sorted((n for n, k in hits.items() if k >= 2), key=lambda n: (-hits[n] / words[n], n))
    return tuple(sorted(ranked[:2]))


def _summary_text(by_technique: dict[str, int], density: float, densest: tuple[int, ...]) -> str:
    if not by_technique:
        return "No persuasion techniques found."
    names = {row[0]: (row[1], row[2]) for row in read_tsv("persuasion_techniques.tsv")}
    parts = []
    for technique, n in by_technique.items():
        singular, plural = names.get(technique, (technique, technique))
        parts.append(f"{n} {singular if n == 1 else plural}")
    total = sum(by_technique.values())
    where = ""
    if densest:
        label = "paragraphs" if len(densest) > 1 else "paragraph"
        where = f"; densest in {label} " + " and ".join(map(str, densest))
    noun = "span" if total == 1 else "spans"
    return f"{total} persuasive {noun} ({density:.1f} per 1,000 words): {', '.join(parts)}{where}."
