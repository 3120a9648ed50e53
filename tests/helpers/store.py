"""Documents built by hand (no NLP) for store and story tests."""

from __future__ import annotations

import datetime as dt

from presslens.models import Claim, Document, Entity, Event, Mention, TextSpan, Versions

VERSIONS = Versions(presslens="0.1.0", model="en_core_web_sm-3.8.0", lexicons="abc")


def make_document(
    text: str = "Police detained Rustam Mammadov in Saratov. The ministry said nine people were detained.",
    *,
    url: str | None = "https://example.org/a",
    outlet: str | None = "TASS",
    title: str = "Arrest in Saratov",
    published: dt.date | None = dt.date(2026, 3, 13),
    versions: Versions = VERSIONS,
    doc_id: str | None = None,
    name: str = "Rustam Mammadov",
) -> Document:
    import hashlib

    start = text.find(name)
    entities = (
        (Entity(text=name, label="PERSON", start=start, end=start + len(name), canonical=name),)
        if start >= 0
        else ()
    )
    sentence = text.split(". ")[0]
    evidence = TextSpan(text=sentence, start=0, end=len(sentence))
    events = (
        (
            Event(
                type="COERCE",
                mode="detain",
                actor=Mention(text="Police"),
                target=Mention(text=name, canonical=name),
                evidence=evidence,
            ),
        )
        if start >= 0
        else ()
    )
    claims = (Claim(speaker=Mention(text="The ministry"), cue=evidence, content=evidence, evidence=evidence),)
    return Document(
        id=doc_id or hashlib.sha256(text.encode()).hexdigest()[:16],
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        versions=versions,
        entities=entities,
        events=events,
        claims=claims,
    )
