"""The natasha models, loaded once per process.

Loading the embedding and the taggers takes about 1.5 s and 100 MB, so they are
built on first use and shared by every `RussianAnalyser` of the process.
natasha is imported here only: the English path and the stories layer never
pay for it.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["RussianModels", "RussianUnavailable", "russian_models"]


class RussianUnavailable(RuntimeError):
    """natasha is not installed (or its models cannot be read): Russian is reported, not analysed."""


@dataclass(frozen=True)
class RussianModels:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    version: str


@cache
def russian_models() -> RussianModels:
    """natasha's segmenter, morphology vocabulary, morphology tagger, syntax parser and NER tagger."""
    try:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as exc:
        raise RussianUnavailable(
            f"natasha is not installed ({exc}); install presslens with its dependencies to analyse Russian"
        ) from exc
    try:
        embedding = NewsEmbedding()
        return RussianModels(
            segmenter=Segmenter(),
            morph_vocab=MorphVocab(),
            morph_tagger=NewsMorphTagger(embedding),
            syntax_parser=NewsSyntaxParser(embedding),
            ner_tagger=NewsNERTagger(embedding),
            version=f"natasha-{importlib.metadata.version('natasha')}",
        )
    except (OSError, ValueError) as exc:
        raise RussianUnavailable(f"natasha's models cannot be loaded: {exc}") from exc
