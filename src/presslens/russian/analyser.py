"""Russian articles into `Document` records: natasha's segmentation, morphology, syntax and entities.

What a Russian Document holds today: the metadata and text as for any
article, the entities (``entities``), the time expressions valued against the
publication date (``timexes``), the attributed claims (``claims``), the
PLOVER-coded events (``events``), and a `partial_analysis` flag that names
what is not analysed for Russian yet (persuasion), so a reader never takes an
empty list for "none in the text".
The persuasion summary says its detector is not trained for Russian instead
of showing a silent "low".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from presslens import __version__
from presslens.models import Article, Document, Flag, PersuasionSummary, Versions
from presslens.records import document_from_article
from presslens.resources import lexicon_version
from presslens.russian.claims import ClaimCues, claim_cues, is_cue_sentence, russian_claims
from presslens.russian.entities import russian_entities
from presslens.russian.events import EventVerbs, event_verbs, is_trigger, russian_events
from presslens.russian.models import russian_models
from presslens.russian.timexes import russian_timexes

__all__ = ["NOT_YET", "RussianAnalyser"]

#: The parts of the record the Russian path does not fill yet.
NOT_YET = ("persuasion",)
_NO_PERSUASION = "none: persuasion is not trained for Russian"


_LINE_BREAKS = re.compile(r"\s*\n\s*")


def _segment(doc: Any, segmenter: Any) -> None:
    """natasha's tokens and sentences, no sentence running across a line break.

    razdel splits sentences at end punctuation only, so a headline without a full stop and the
    lede under it were one sentence: "В Москве задержаны журналисты\n\nПолиция задержала ...,
    сообщила Ирина Волк" then attributed the headline to the spokeswoman. Each line is split on
    its own (offsets into the whole text), as `presslens.nlp` does for English paragraphs.
    """
    from natasha.doc import DocSent, DocToken

    text = doc.text
    doc.tokens = [DocToken(t.start, t.stop, t.text) for t in segmenter.tokenize(text)]
    sents, start = [], 0
    for brk in [*_LINE_BREAKS.finditer(text), None]:
        stop = brk.start() if brk else len(text)
        line = text[start:stop]
        if line.strip():
            sents.extend(DocSent(start + s.start, start + s.stop, s.text) for s in segmenter.sentenize(line))
        start = brk.end() if brk else stop
    doc.sents = sents
    doc.envelop_sent_tokens()


def _parse_sentences(doc: Any, parser: Any, cues: ClaimCues, verbs: EventVerbs) -> None:
    """The syntax parse of the sentences that need it: those naming an organisation (its name
    declines in its head and the head's adjectives only: "Министерства иностранных дел" ->
    "Министерство иностранных дел") and those with a cue word, a quotation or an event verb
    (claims and events are read from the parse). The parse costs as much as the morphology, so
    the other sentences are left unparsed. (natasha's ``Doc.parse_syntax`` does the same for every
    sentence, with the same helpers.)
    """
    from natasha.doc import inject_syntax, offset_syntax, sent_words

    chosen = [
        (k, sent) for k, sent in enumerate(doc.sents, 1)
        if any(sp.type == "ORG" for sp in sent.spans) or is_cue_sentence(sent, cues)
        or any(is_trigger(t, verbs) for t in sent.tokens)
    ]
    if not chosen:
        return
    markups = parser.map([sent_words(sent) for _, sent in chosen])
    for (sent_id, sent), markup in zip(chosen, markups, strict=True):
        inject_syntax(sent.tokens, markup.tokens)
        offset_syntax(sent_id, sent.tokens)


class RussianAnalyser:
    """Analyse Russian articles; the natasha models are loaded once per process (`russian_models`)."""

    def __init__(self) -> None:
        self.models = russian_models()
        self.versions = Versions(
            presslens=__version__, model=f"ru_{self.models.version}", lexicons=lexicon_version()
        )

    def analyze(self, articles: Sequence[Article]) -> list[Document]:
        return [self._one(article) for article in articles]

    def _one(self, article: Article) -> Document:
        from natasha import Doc  # imported with the models; see `russian_models`

        m = self.models
        doc = Doc(article.text)
        _segment(doc, m.segmenter)
        doc.tag_morph(m.morph_tagger)
        doc.tag_ner(m.ner_tagger)
        _parse_sentences(doc, m.syntax_parser, claim_cues(m.morph_vocab), event_verbs(m.morph_vocab))
        flag = Flag(
            kind="partial_analysis",
            why=(
                "Russian is analysed with natasha for entities, time expressions, claims and events; "
                f"{', '.join(NOT_YET)} is not analysed for Russian yet"
            ),
        )
        document = document_from_article(article, self.versions, [flag])
        entities = russian_entities(doc.spans, m.morph_vocab, article.text)
        timexes = russian_timexes(doc, article.text, m.morph_vocab, article.published)
        claims = russian_claims(doc, article.text, entities, m.morph_vocab)
        return document.model_copy(
            update={
                "entities": tuple(entities),
                "claims": tuple(claims),
                "timexes": tuple(timexes),
                "events": tuple(
                    russian_events(
                        doc, article.text, entities, timexes, m.morph_vocab, article.published, claims
                    )
                ),
                "persuasion_summary": PersuasionSummary(detector=_NO_PERSUASION),
            }
        )
