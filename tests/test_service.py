"""The Python API: analyze() takes text, a path or a URL; analyze_sources() never loses a batch."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import presslens
from presslens.errors import IngestError, PresslensError
from presslens.service import parse_published

REPO = Path(__file__).resolve().parents[1]
TEXT = "Ukrainian police detained two men in Odesa yesterday, the Interior Ministry said.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2025-07-02", dt.date(2025, 7, 2)),
        ("2025-07-02T10:00:00Z", dt.date(2025, 7, 2)),
        (dt.datetime(2025, 7, 2, 9), dt.date(2025, 7, 2)),
        (dt.date(2025, 7, 2), dt.date(2025, 7, 2)),
    ],
)
def test_published_accepts_dates_and_iso_strings(value, expected) -> None:
    assert parse_published(value) == expected


def test_published_rejects_other_strings() -> None:
    with pytest.raises(PresslensError, match="ISO date"):
        parse_published("last Tuesday")


@pytest.mark.model
def test_analyze_text_and_path_give_the_same_record(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    from_text = presslens.analyze(TEXT, published="2025-07-02")
    from_path = presslens.analyze(path, published="2025-07-02")
    assert from_text.text == from_path.text
    assert from_text.entities == from_path.entities
    assert [t.value for t in from_path.timexes] == ["2025-07-01"]
    assert from_path.source == str(path)


@pytest.mark.model
@pytest.mark.parametrize("text", [TEXT.strip() * 30, TEXT.strip() + "\x00 and more."])
def test_analyze_takes_one_line_texts_no_file_system_could_name(text: str) -> None:
    """A 2,500-character line is too long for a file name (ENAMETOOLONG) and a NUL is no path: text."""
    document = presslens.analyze(text, published="2025-07-02")
    assert document.text.startswith("Ukrainian police") and document.events


@pytest.mark.model
def test_analyze_refuses_a_source_with_several_articles(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps({"text": TEXT, "id": str(i)}) for i in range(2)), encoding="utf-8")
    with pytest.raises(PresslensError, match="holds 2 articles"):
        presslens.analyze(path)


@pytest.mark.model
def test_analyze_sources_reports_bad_records_in_place(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": "a", "text": TEXT}), "{not json", json.dumps({"id": "c", "text": TEXT})]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(presslens.analyze_sources([path, tmp_path / "missing.txt"]))
    kinds = [type(r).__name__ for r in results]
    assert kinds[0] == "Document" and kinds[2] == "Document"
    assert isinstance(results[1], IngestError) and "mixed.jsonl:2" in str(results[1])
    assert isinstance(results[3], IngestError) and "missing.txt" in str(results[3])


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    assert committed == presslens.document_json_schema(), "run: presslens schema -o docs/document.schema.json"
