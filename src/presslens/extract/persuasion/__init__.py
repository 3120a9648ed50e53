"""Persuasion: loaded language and propaganda techniques (SemEval-2020 Task 11), per span and per article.

    persuasion_spans(doc) -> list[PersuasionSpan]
    with_voices(spans, claims, text) -> the spans, each in the outlet's or a source's voice
    persuasion_summary(spans, text, sentences, claim_ranges) -> PersuasionSummary (the outlet's
        voice scored, with a genre guess: ``_genre``)

The detector is a cascade (``_detector``): the shipped CRF span tagger and
technique classifier (``_crf``, ``_features``, ``_techniques``) merged with the
loaded-language lexicons (``_lexicon``), or the lexicons alone when no model can
be loaded; `detector_kind()` says which ran. The model-building names below
(`doc_sentence_items`, `span_features`, `TechniqueModel`, ...) are what
`presslens.training.persuasion` trains with, so training and inference build
the very same features.
"""

from presslens.extract.persuasion._crf import (
    FEATURE_VERSION,
    LEXICON_PRIOR,
    PersuasionModel,
    decode_marginals,
)
from presslens.extract.persuasion._detector import (
    MODEL_DIR,
    detected_spans,
    detector_kind,
    lexicon_only_spans,
    persuasion_spans,
    shipped_model,
)
from presslens.extract.persuasion._features import SentenceItems, doc_sentence_items
from presslens.extract.persuasion._genre import GenreGuess, genre_features, guess_genre
from presslens.extract.persuasion._lexicon import LexiconHit, expand_hit, lexicon_hits
from presslens.extract.persuasion._summary import persuasion_summary
from presslens.extract.persuasion._techniques import TECHNIQUES, TechniqueModel, phrase_counts, span_features
from presslens.extract.persuasion._voice import QUOTED, with_voices

__all__ = [
    "FEATURE_VERSION",
    "LEXICON_PRIOR",
    "MODEL_DIR",
    "QUOTED",
    "TECHNIQUES",
    "GenreGuess",
    "LexiconHit",
    "PersuasionModel",
    "SentenceItems",
    "TechniqueModel",
    "decode_marginals",
    "detected_spans",
    "detector_kind",
    "doc_sentence_items",
    "expand_hit",
    "genre_features",
    "guess_genre",
    "lexicon_hits",
    "lexicon_only_spans",
    "persuasion_spans",
    "persuasion_summary",
    "phrase_counts",
    "shipped_model",
    "span_features",
    "with_voices",
]
