"""Documents to table rows: the store's side of the output contract.

Each record table gets one flat row per record, so analysts can query it with
plain SQL (``SELECT type, count(*) FROM events``); the whole Document is also
kept as JSON on its version row, so reading an article back returns exactly
what the pipeline produced. Identity and change detection live here too,
because both are decided from the Document alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from presslens.models import Document, Flag, Mention, TextSpan

__all__ = [
    "RECORD_TABLES",
    "VersionRows",
    "article_identity",
    "content_hash",
    "flags_json",
    "record_counts",
    "version_rows",
]

_VERSIONS = ("presslens_version", "model_version", "lexicon_version")
_KEY = ("version_id", "article_id", "idx")

RECORD_TABLES: dict[str, tuple[str, ...]] = {
    "entities": (
        *_KEY,
        "text",
        "label",
        "text_start",
        "text_end",
        "canonical",
        "place_name",
        "country",
        "lat",
        "lon",
        "geonameid",
        "why",
        *_VERSIONS,
    ),
    "timexes": (*_KEY, "text", "text_start", "text_end", "type", "value", "anchored", "mod", *_VERSIONS),
    "events": (
        *_KEY,
        "type",
        "mode",
        "actor_text",
        "actor_canonical",
        "target_text",
        "target_canonical",
        "place_text",
        "place_canonical",
        "date",
        "negated",
        "hedged",
        "modality",
        "why",
        "evidence_text",
        "evidence_start",
        "evidence_end",
        *_VERSIONS,
        "date_bound",
        "confidence",
        "reported_by_text",
        "reported_by_canonical",
    ),
    "claims": (
        *_KEY,
        "speaker_text",
        "speaker_canonical",
        "cue_text",
        "content_text",
        "content_start",
        "content_end",
        "via_text",
        "via_canonical",
        "hedged",
        "direct",
        "why",
        "evidence_text",
        "evidence_start",
        "evidence_end",
        *_VERSIONS,
        "date",
        "date_bound",
        "act",
        "act_target_text",
        "act_target_canonical",
        "about_text",
        "about_canonical",
        "negated",
    ),
    "persuasion": (
        *_KEY, "text", "text_start", "text_end", "technique", "score", "voice", "speaker", "claim_idx",
        *_VERSIONS,
    ),
    "flags": (*_KEY, "kind", "why", "evidence_text", "evidence_start", "evidence_end", *_VERSIONS),
    "contradictions": (
        *_KEY,
        "topic",
        "a_kind",
        "a_index",
        "a_text",
        "a_start",
        "a_end",
        "b_kind",
        "b_index",
        "b_text",
        "b_start",
        "b_end",
        *_VERSIONS,
    ),
}

VERSION_COLUMNS: tuple[str, ...] = (
    "version_id",
    "article_id",
    "document_id",
    "content_hash",
    "is_current",
    "title",
    "url",
    "outlet",
    "author",
    "source",
    "section",
    "published",
    "published_as_printed",
    "language",
    "views",
    "reading_time_minutes",
    "subheadings",
    "text",
    "ingest_flags",
    "document",
    "n_entities",
    "n_events",
    "n_claims",
    "n_persuasion",
    "n_flags",
    *_VERSIONS,
    "ingested_at",
    "analysed_at",
)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(document: Document) -> str:
    """What makes two ingests "the same article text": body and the metadata it states."""
    payload = [
        document.title,
        document.text,
        document.published.isoformat() if document.published else None,
        document.url,
        document.outlet,
        document.section,
        document.author,
    ]
    return _sha(json.dumps(payload, ensure_ascii=False))[:16]


def article_identity(document: Document) -> str:
    """The id an article keeps across edits.

    An id given by the source record wins; else the URL (an edited page keeps
    its address); else the content-derived Document.id (text-only inputs have
    no other identity, so an edit there is a new article). Two outlets running
    the same wire copy have the same text, hence the same Document.id, but
    different URLs, so they stay two articles.
    """
    derived = _sha(document.text)[:16] == document.id
    if not derived:
        return document.id
    if document.url:
        url = document.url.strip().split("#", 1)[0].rstrip("/").lower()
        return _sha(url)[:16]
    return document.id


@dataclass(frozen=True, slots=True)
class VersionRows:
    """Rows for every record table of one analysed version."""

    tables: dict[str, list[tuple]]


def _mention(m: Mention | None) -> tuple[str | None, str | None]:
    return (m.text, m.canonical) if m else (None, None)


def _span(s: TextSpan | None) -> tuple[str | None, int | None, int | None]:
    return (s.text, s.start, s.end) if s else (None, None, None)


def version_rows(document: Document, version_id: str, article_id: str) -> VersionRows:
    """The record rows of `document`, each stamped with the versions that produced it."""
    v = (document.versions.presslens, document.versions.model, document.versions.lexicons)
    key = (version_id, article_id)
    tables: dict[str, list[tuple]] = {}
    tables["entities"] = [
        (
            *key,
            i,
            e.text,
            e.label,
            e.start,
            e.end,
            e.canonical,
            e.place.name if e.place else None,
            e.place.country if e.place else None,
            e.place.lat if e.place else None,
            e.place.lon if e.place else None,
            e.place.geonameid if e.place else None,
            e.why,
            *v,
        )
        for i, e in enumerate(document.entities)
    ]
    tables["timexes"] = [
        (*key, i, t.text, t.start, t.end, t.type, t.value, t.anchored, t.mod, *v)
        for i, t in enumerate(document.timexes)
    ]
    tables["events"] = [
        (
            *key,
            i,
            e.type,
            e.mode,
            *_mention(e.actor),
            *_mention(e.target),
            *_mention(e.place),
            e.date,
            e.negated,
            e.hedged,
            e.modality,
            e.why,
            *_span(e.evidence),
            *v,
            e.date_bound,
            e.confidence,
            *_mention(e.reported_by),
        )
        for i, e in enumerate(document.events)
    ]
    tables["claims"] = [
        (
            *key,
            i,
            c.speaker.text,
            c.speaker.canonical,
            c.cue.text,
            *_span(c.content),
            *_mention(c.via),
            c.hedged,
            c.direct,
            c.why,
            *_span(c.evidence),
            *v,
            c.date,
            c.date_bound,
            c.act,
            c.act_target.text if c.act_target else None,
            c.act_target.canonical if c.act_target else None,
            *_mention(c.about),
            c.negated,
        )
        for i, c in enumerate(document.claims)
    ]
    tables["persuasion"] = [
        (*key, i, p.text, p.start, p.end, p.technique, p.score, p.voice, p.speaker, p.claim, *v)
        for i, p in enumerate(document.persuasion)
    ]
    tables["flags"] = [(*key, i, f.kind, f.why, *_span(f.evidence), *v) for i, f in enumerate(document.flags)]
    tables["contradictions"] = [
        (
            *key,
            i,
            c.topic,
            c.a.kind,
            c.a.index,
            *_span(c.a.evidence),
            c.b.kind,
            c.b.index,
            *_span(c.b.evidence),
            *v,
        )
        for i, c in enumerate(document.contradictions)
    ]
    return VersionRows(tables)


def record_counts(document: Document) -> tuple[int, int, int, int, int]:
    """Per-article counts kept on the version row, so article lists need no joins."""
    d = document
    return len(d.entities), len(d.events), len(d.claims), len(d.persuasion), len(d.flags)


def flags_json(flags: Iterable[Flag]) -> str:
    return json.dumps([f.model_dump(mode="json") for f in flags], ensure_ascii=False)
