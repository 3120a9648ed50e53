"""The output contract: round trip, immutability and the published schema."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pydantic
import pytest

from presslens.models import Document, Entity, Flag, Place, TextSpan, Timex, Versions, document_json_schema


def _document() -> Document:
    text = "Police detained two reporters in Tbilisi yesterday."
    return Document(
        id="abc123",
        title="Reporters detained",
        published=dt.date(2025, 3, 14),
        published_as_printed="14 March",
        views=4512,
        subheadings=("Moscow protests",),
        language="en",
        text=text,
        versions=Versions(presslens="0.1.0", model="en_core_web_sm-3.8.0", lexicons="x"),
        entities=(
            Entity(
                text="Tbilisi",
                label="GPE",
                start=33,
                end=40,
                canonical="Tbilisi",
                place=Place(
                    name="Tbilisi", country="GE", lat=41.69, lon=44.83, geonameid=611717, feature="city"
                ),
            ),
        ),
        timexes=(Timex(text="yesterday", start=41, end=50, type="DATE", value="2025-03-13"),),
        flags=(
            Flag(kind="date_year_assumed", why="the page printed no year"),
            Flag(
                kind="temporal_inconsistency", evidence=TextSpan(text="yesterday", start=41, end=50), why="x"
            ),
        ),
    )


def test_json_round_trip_is_lossless() -> None:
    doc = _document()
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_dict()["published"] == "2025-03-14"


def test_offsets_point_into_the_text() -> None:
    doc = _document()
    for item in (*doc.entities, *doc.timexes):
        assert doc.text[item.start : item.end] == item.text


def test_records_are_frozen() -> None:
    doc = _document()
    with pytest.raises(pydantic.ValidationError):
        doc.title = "changed"  # type: ignore[misc]


def test_unknown_fields_are_rejected() -> None:
    data = _document().to_dict()
    data["entitiez"] = []
    with pytest.raises(pydantic.ValidationError, match="entitiez"):
        Document.from_dict(data)


def test_output_validates_against_the_published_schema() -> None:
    schema = document_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_document().to_dict(), schema)
    bad = _document().to_dict()
    bad["timexes"][0]["type"] = "WEEKDAY"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


@pytest.mark.parametrize(
    "field",
    [
        "id",
        "title",
        "url",
        "outlet",
        "section",
        "published",
        "published_as_printed",
        "views",
        "reading_time_minutes",
        "subheadings",
        "language",
        "text",
        "versions",
        "entities",
        "timexes",
        "events",
        "claims",
        "persuasion",
        "persuasion_summary",
        "flags",
        "contradictions",
    ],
)
def test_every_contract_field_is_in_the_json(field: str) -> None:
    assert field in _document().to_dict()
