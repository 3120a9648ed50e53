"""`Pipeline`: models loaded once, articles analysed in batches with `nlp.pipe`.

A Pipeline holds the spaCy pipeline for the process (shared between Pipeline
objects with the same model, since loading costs ~0.3 s and ~100 MB) and turns
`Article` records into `Document` records. Articles in a language the NLP
stages are not built for keep their metadata and text and get a
`language_not_supported` flag instead of mangled entities.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from presslens import __version__
from presslens.extract.contradictions import contradictions_within
from presslens.extract.persuasion import detector_kind
from presslens.models import Article, Document, Flag, Versions
from presslens.nlp.build import shared_nlp
from presslens.records import document_from_article, document_from_doc
from presslens.resources_io import lexicon_version
from presslens.settings import Settings, load_settings

__all__ = ["Pipeline"]

log = logging.getLogger(__name__)


class Pipeline:
    """Analyse articles with one spaCy pipeline loaded once per process."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = nlp or shared_nlp(self.settings.spacy_model)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_text_chars + 1)
        meta = self.nlp.meta
        self.versions = Versions(
            presslens=__version__,
            model=(
                f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}; "
                f"persuasion {detector_kind()}"
            ),
            lexicons=lexicon_version(),
        )

    def supports(self, article: Article) -> bool:
        return article.language is None or article.language in self.settings.supported_languages

    def _unsupported(self, article: Article) -> Document:
        flag = Flag(
            kind="language_not_supported",
            why=(
                f"the body was detected as {article.language!r}; entities, time and events are only "
                f"extracted for {', '.join(self.settings.supported_languages)}"
            ),
        )
        return document_from_article(article, self.versions, [flag])

    def analyze_article(self, article: Article) -> Document:
        return next(iter(self.analyze_articles([article])))

    def analyze_articles(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Documents in input order, streaming: memory stays bounded by the batch size."""
        size = max(1, self.settings.batch_size)
        it = iter(articles)
        while batch := list(islice(it, size)):
            yield from self._analyze_batch(batch)

    def _analyze_batch(self, batch: list[Article]) -> list[Document]:
        supported = [a for a in batch if self.supports(a)]
        docs = []
        for article in supported:
            doc = self.nlp.make_doc(article.text)
            doc._.published = article.published
            docs.append(doc)
        analysed = {
            id(article): _with_contradictions(document_from_doc(doc, article, self.versions))
            for article, doc in zip(supported, self.nlp.pipe(docs, batch_size=len(docs) or 1), strict=True)
        }
        return [analysed[id(a)] if id(a) in analysed else self._unsupported(a) for a in batch]


def _with_contradictions(document: Document) -> Document:
    """Pair the article's own claims that disagree (same subject and attribute, other value)."""
    pairs = contradictions_within(document.claims, document.text, document.id)
    return document.model_copy(update={"contradictions": tuple(pairs)}) if pairs else document
