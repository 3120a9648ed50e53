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


def detention_and_protest() -> list[Document]:
    """Two outlets on one detention, plus a protest (dated, a second event) both report."""
    docs = []
    for n, (host, outlet) in enumerate([("tass.com", "TASS"), ("ria.ru", "RIA Novosti")]):
        text = "Police detained Rustam Mammadov in Saratov. Hundreds protested in Baku on Monday."
        day = dt.date(2026, 3, 13 + n)
        doc = make_document(text, url=f"https://{host}/{n}", outlet=outlet, published=day)
        start = text.index("Hundreds")
        protest = Event(type="PROTEST", mode="demonstrate", date="2026-03-09",
                        evidence=TextSpan(text=text[start:], start=start, end=len(text)))
        docs.append(doc.model_copy(update={"events": (*doc.events, protest)}))
    return docs


def disputed_detention(first: dict, second: dict) -> list[Document]:
    """Two reports of one detention (`make_document` arguments each) disagreeing on who detained:
    the second names the Federal Security Service."""
    ria = make_document(**second)
    (event,) = ria.events
    acted = event.model_copy(update={"actor": Mention(text="Federal Security Service")})
    return [make_document(**first), ria.model_copy(update={"events": (acted,)})]
