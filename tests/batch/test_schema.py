"""The shared Parquet schema: derived from the Document model, lossless for every field."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq

from presslens.batch.schema import KEY_COLUMNS, document_from_row, document_row, document_schema, rows_table
from presslens.models import (
    Claim,
    Contradiction,
    ContradictionSide,
    Document,
    Entity,
    Event,
    Flag,
    Mention,
    PersuasionSpan,
    PersuasionSummary,
    Place,
    TextSpan,
    Timex,
    Versions,
)

TEXT = "Russia accused Baku of a raid, the ministry said."


def _full_document() -> Document:
    """A Document with every optional field and every nested record filled in."""
    span = TextSpan(text="the ministry said", start=32, end=49)
    side = ContradictionSide(kind="claim", index=0, article="a1", evidence=span)
    return Document(
        id="a1",
        title="T",
        url="https://x.example",
        outlet="X",
        author="A",
        source="in.jsonl:1",
        section="World",
        published=dt.date(2025, 7, 2),
        published_as_printed="02 July",
        views=11190,
        reading_time_minutes=8,
        subheadings=("One", "Two"),
        language="en",
        text=TEXT,
        versions=Versions(presslens="0.1.0", model="en_core_web_sm-3.8.0", lexicons="abc"),
        entities=(
            Entity(
                text="Russia",
                label="GPE",
                start=0,
                end=6,
                canonical="Russia",
                place=Place(
                    name="Russia", country="RU", lat=60.0, lon=100.0, geonameid=2017370, feature="country"
                ),
            ),
            Entity(text="Baku", label="GPE", start=15, end=19, canonical="Baku"),
        ),
        timexes=(Timex(text="02 July", start=0, end=7, type="DATE", value="2025-07-02", mod="APPROX"),),
        events=(
            Event(
                type="ACCUSE",
                actor=Mention(text="Russia", start=0, end=6),
                target=Mention(text="Baku", canonical="Azerbaijan", inferred=True),
                evidence=span,
                negated=True,
                modality="intended",
            ),
        ),
        claims=(
            Claim(speaker=Mention(text="the ministry"), cue=span, content=span, evidence=span, direct=True),
        ),
        persuasion=(PersuasionSpan(text="raid", start=25, end=29, technique="Loaded_Language", score=0.5),),
        persuasion_summary=PersuasionSummary(by_technique={"Loaded_Language": 1}, per_1000_words=12.5),
        flags=(Flag(kind="date_year_assumed", why="no year"), Flag(kind="x", evidence=span, why="y")),
        contradictions=(Contradiction(topic="cause of death", a=side, b=side),),
    )


def test_the_schema_has_the_key_columns_then_every_document_field() -> None:
    names = document_schema().names
    assert tuple(names[:2]) == KEY_COLUMNS
    assert names[2:] == list(Document.model_fields)
    assert (
        document_schema().field("entities").type.value_type.field("place").type.field("lat").type
        == pa.float64()
    )
    assert document_schema().field("published").type == pa.date32()


def test_a_full_document_round_trips_through_parquet_unchanged(tmp_path) -> None:
    document = _full_document()
    pq.write_table(rows_table([document_row(document, input="in.jsonl", record=0)]), tmp_path / "d.parquet")
    table = pq.read_table(tmp_path / "d.parquet")
    assert table.schema.remove_metadata().equals(document_schema())
    (row,) = table.to_pylist()
    assert (row["input"], row["record"]) == ("in.jsonl", 0)
    assert document_from_row(row) == document
