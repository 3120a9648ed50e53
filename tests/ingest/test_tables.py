"""JSON Lines and Parquet tables: streamed, field-mapped, one bad record at a time."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from tests.helpers.builders import article_text

from presslens.errors import DecodeError, IngestError, PresslensError
from presslens.ingest.build import Draft
from presslens.ingest.records import iter_jsonl_drafts, parse_field_map, remap_record
from presslens.ingest.tables import iter_parquet_table


@pytest.mark.parametrize(
    ("specs", "mapping"),
    [
        (None, {}),
        (["published=publication_date"], {"published": "publication_date"}),
        (["published = date", "outlet=publisher"], {"published": "date", "outlet": "publisher"}),
    ],
)
def test_parse_field_map(specs: list[str] | None, mapping: dict[str, str]) -> None:
    assert parse_field_map(specs) == mapping


@pytest.mark.parametrize(
    ("spec", "message"),
    [("published", "NAME=SOURCE"), ("=col", "NAME=SOURCE"), ("date=publication_date", "not a record field")],
)
def test_bad_field_maps_say_what_is_valid(spec: str, message: str) -> None:
    with pytest.raises(PresslensError, match=message):
        parse_field_map([spec])


def test_remap_copies_source_columns_into_record_fields() -> None:
    record = {"body": "x", "publication_date": "2016-09-12", "published": "ignored"}
    mapped = remap_record(record, {"text": "body", "published": "publication_date"})
    assert (mapped["text"], mapped["published"]) == ("x", "2016-09-12")
    assert record["published"] == "ignored"  # the input is not changed


def test_jsonl_stream_maps_fields_and_reports_bad_lines_by_number() -> None:
    lines = [
        b'{"text": "%s", "publication_date": "2016-09-12", "publisher": "breitbart"}'
        % article_text(0).replace("\n", "\\n").encode(),
        b"",
        b'{"text": "broken',
        b'{"text": "caf\xe9 in latin-1"}',
        b'{"title": "no body"}',
        b'{"text": "%s"}' % article_text(1).replace("\n", "\\n").encode(),
    ]
    fh = io.BytesIO(b"\n".join(lines) + b"\n")
    items = list(
        iter_jsonl_drafts(
            fh, source="t.jsonl", fields={"published": "publication_date", "outlet": "publisher"}
        )
    )
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Draft", "IngestError", "DecodeError", "EmptyInputError", "Draft"]
    first = items[0]
    assert isinstance(first, Draft)
    assert (first.metadata_date, first.outlet) == (dt.date(2016, 9, 12), "breitbart")
    assert [i.source for i in items if isinstance(i, IngestError)] == ["t.jsonl:3", "t.jsonl:4", "t.jsonl:5"]


def test_parquet_rows_are_read_with_field_mapping_and_native_dates(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    table = pa.table(
        {
            "body": [article_text(0), None, article_text(2)],
            "date_publish": [dt.date(2025, 7, 1), None, dt.date(2025, 7, 2)],
            "source_domain": ["a.example", "b.example", "c.example"],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    with path.open("rb") as fh:
        items = list(
            iter_parquet_table(
                fh,
                source=str(path),
                fields={"text": "body", "published": "date_publish", "outlet": "source_domain"},
            )
        )
    assert [type(i).__name__ for i in items] == ["Draft", "EmptyInputError", "Draft"]
    assert items[1].source == f"{path}[1]"
    assert isinstance(items[2], Draft) and items[2].metadata_date == dt.date(2025, 7, 2)
    assert items[2].outlet == "c.example"


def test_a_file_that_is_not_parquet_raises_a_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with path.open("rb") as fh, pytest.raises(DecodeError, match="not a readable Parquet file"):
        list(iter_parquet_table(fh, source=str(path)))
