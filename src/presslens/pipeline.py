"""`Pipeline`: models loaded once, articles analysed in groups with `nlp.pipe`.

A Pipeline holds the spaCy pipeline for the process (shared between Pipeline
objects with the same model, since loading costs ~0.3 s and ~100 MB) and turns
`Article` records into `Document` records. Articles in a language the NLP
stages are not built for keep their metadata and text and get a
`language_not_supported` flag instead of mangled entities. Russian articles
(when ``ru`` is among ``settings.supported_languages``, as shipped) go to the
natasha path of ``presslens.russian`` instead of spaCy; without natasha they are
flagged as not supported, with the reason.

Each `analyze_group` call is one ``nlp.pipe`` batch. Which articles share a
batch is decided in one place, ``presslens.analysis`` (groups of
``settings.batch_size`` consecutive records of one input), because spaCy's
numbers can depend on a text's batch neighbours; every command goes through it.

Each group is analysed inside spaCy's ``memory_zone``: the strings and lexemes
its texts add to the shared vocabulary are freed when the group's Documents
are built, so a worker or a server that analyses articles all day does not
grow with every new name and URL it has seen (the StringStore grew by ~10,000
entries per 500 news articles; inside zones it stays at the model's size, with
identical records). No spaCy object outlives its group.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from spacy.language import Language

from presslens import __version__
from presslens.extract._shared import keep_doc_text
from presslens.extract.persuasion import detector_kind
from presslens.models import Article, Document, Flag, Versions
from presslens.nlp.build import shared_nlp
from presslens.records import document_from_article, document_from_doc
from presslens.resources import lexicon_version
from presslens.russian import RussianAnalyser, RussianUnavailable
from presslens.settings import Settings, load_settings

__all__ = ["Pipeline"]

log = logging.getLogger(__name__)


class Pipeline:
    """Analyse articles with one spaCy pipeline loaded once per process."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = nlp or shared_nlp(self.settings.spacy_model)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_text_chars + 1)
        self._russian_analyser: RussianAnalyser | None = None
        self._russian_missing: str | None = None  # why natasha could not be loaded, once tried
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

    def _english(self, article: Article) -> bool:
        """Analysed by the spaCy pipeline: English, or too short to tell (assumed English)."""
        return self.supports(article) and article.language in (None, "en")

    def _russian(self) -> RussianAnalyser | None:
        """The Russian analyser, loaded on the first Russian article; None when natasha is missing."""
        if self._russian_analyser is None and self._russian_missing is None:
            try:
                self._russian_analyser = RussianAnalyser()
            except RussianUnavailable as exc:
                log.warning("Russian articles will be flagged, not analysed: %s", exc)
                self._russian_missing = str(exc)
        return self._russian_analyser

    def _unsupported(self, article: Article) -> Document:
        why = (
            f"the body was detected as {article.language!r}; entities, time and events are only "
            f"extracted for {', '.join(self.settings.supported_languages)}"
        )
        if article.language == "ru" and self._russian_missing:
            why = f"the body was detected as 'ru'; the Russian pipeline cannot run: {self._russian_missing}"
        flag = Flag(kind="language_not_supported", why=why)
        return document_from_article(article, self.versions, [flag])

    def analyze_article(self, article: Article) -> Document:
        return self.analyze_group([article])[0]

    def analyze_articles(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Documents in input order, streaming, in groups of ``batch_size`` consecutive articles.

        The groups are those ``presslens.analysis`` forms for one input, so the
        same articles come out the same as from `presslens analyze`. Raises on
        the first article the pipeline fails on; ``analysis.analyze_items``
        reports it and goes on instead.
        """
        size = max(1, self.settings.batch_size)
        it = iter(articles)
        while batch := list(islice(it, size)):
            yield from self.analyze_group(batch)

    def analyze_group(self, batch: Sequence[Article]) -> list[Document]:
        """The Documents of `batch`, analysed in one ``nlp.pipe`` call, in order."""
        supported = [a for a in batch if self._english(a)]
        russian = [a for a in batch if a.language == "ru" and self.supports(a)]
        analysed: dict[int, Document] = {}
        if russian and (analyser := self._russian()) is not None:
            analysed.update((id(a), d) for a, d in zip(russian, analyser.analyze(russian), strict=True))
        with self.nlp.memory_zone():  # the group's new strings and lexemes are freed after it
            docs = []
            for article in supported:
                doc = self.nlp.make_doc(article.text)
                keep_doc_text(doc, article.text)
                doc._.published = article.published
                doc._.article_id = article.id
                docs.append(doc)
            done = self.nlp.pipe(docs, batch_size=len(docs) or 1)
            analysed.update(
                (id(article), document_from_doc(doc, article, self.versions))
                for article, doc in zip(supported, done, strict=True)
            )
        return [analysed[id(a)] if id(a) in analysed else self._unsupported(a) for a in batch]
