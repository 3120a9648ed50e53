"""JSON and JSON Lines records: fields mapped, bad records reported, the batch kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from presslens.errors import DecodeError, IngestError
from presslens.ingest import read_source
from presslens.models import Article

TODAY = dt.date(2025, 9, 1)
TEXT = "The foreign ministry summoned the ambassador and handed him a note of protest over the arrests."
HTML = f"<html><head><title>Envoy summoned</title></head><body><article><p>{TEXT}</p></article></body></html>"


def test_jsonl_bad_line_in_the_middle_keeps_the_rest(tmp_path: Path, settings) -> None:
    lines = [
        json.dumps({"id": "a", "text": TEXT, "title": "First", "published": "2025-07-02", "outlet": "Daily"}),
        "{not json",
        json.dumps({"id": "c", "title": "No body"}),
        "",
        json.dumps({"id": "e", "text": "   "}),
        json.dumps({"html": HTML, "url": "https://example.org/a", "published": "2025-07-03T08:00:00+02:00"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_source(path, settings=settings, today=TODAY))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "IngestError",
        "EmptyInputError",
        "EmptyInputError",
        "Article",
    ]
    first, bad, no_body, empty, html = items
    assert isinstance(first, Article) and first.id == "a" and first.title == "First"
    assert first.published == dt.date(2025, 7, 2) and first.outlet == "Daily"
    assert first.source == f"{path}:1" and first.text == TEXT
    assert str(bad).startswith(f"{path}:2: not valid JSON")
    assert no_body.source == f"{path}:3" and "'text' or 'html'" in str(no_body)
    assert empty.source == f"{path}:5"
    assert html.url == "https://example.org/a" and html.published == dt.date(2025, 7, 3)
    assert html.title == "Envoy summoned" and TEXT in html.text


def test_json_list_and_object(tmp_path: Path, settings) -> None:
    records = [{"text": TEXT, "section": "World", "author": "Jane Doe"}, "just a string"]
    listing = tmp_path / "batch.json"
    listing.write_text(json.dumps(records), encoding="utf-8")
    article, error = read_source(listing, settings=settings, today=TODAY)
    assert article.section == "World" and article.author == "Jane Doe"
    assert article.source == f"{listing}[0]"
    assert isinstance(error, IngestError) and error.source == f"{listing}[1]"
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    [one] = read_source(single, settings=settings, today=TODAY)
    assert one.source == str(single) and one.id == article.id  # content-derived id


def test_record_text_dump_is_cleaned_but_prose_is_not(tmp_path: Path, settings) -> None:
    dump = f"Envoy summoned\nShare\n−\n02 July 11190 8 minutes\n{TEXT}\nLive\nAll"
    path = tmp_path / "dumps.jsonl"
    path.write_text(
        json.dumps({"text": dump, "title": "Envoy summoned"})
        + "\n"
        + json.dumps({"text": f"Short lede line\n{TEXT}", "title": "Another title"})
        + "\n",
        encoding="utf-8",
    )
    dumped, prose = read_source(path, published=dt.date(2025, 7, 2), settings=settings, today=TODAY)
    assert dumped.text == TEXT and dumped.views == 11190 and dumped.published_as_printed == "02 July"
    assert prose.text == f"Short lede line\n\n{TEXT}"  # a line that is not the record's title stays
    assert prose.published == dt.date(2025, 7, 2)


@pytest.mark.parametrize("value", ["sometime", "2025-13-45"])
def test_bad_published_is_flagged_not_fatal(tmp_path: Path, settings, value: str) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"text": TEXT, "published": value}), encoding="utf-8")
    [article] = read_source(path, settings=settings, today=TODAY)
    assert article.published is None
    assert [f.kind for f in article.flags] == ["published_invalid"]


def test_json_file_holding_json_lines(tmp_path: Path, settings) -> None:
    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"text": TEXT}) + "\n" + json.dumps({"text": TEXT, "id": "2"}) + "\n", "utf-8")
    items = list(read_source(path, settings=settings, today=TODAY))
    assert [i.source for i in items] == [f"{path}:1", f"{path}:2"]


def test_jsonl_line_numbers_survive_unicode_line_separators(tmp_path) -> None:
    import json as _json

    from presslens.ingest import read_source

    path = tmp_path / "seps.jsonl"
    first = _json.dumps(
        {"id": "a", "text": "Police said\u2028two men\u0085were held in Kyiv."}, ensure_ascii=False
    )
    path.write_text(first + "\n{broken\n", encoding="utf-8")
    items = list(read_source(path))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError"]
    assert str(items[1]).startswith(f"{path}:2:")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # the json module's message already ends in "at": the position follows it once
        ("open.jsonl", '{"text": "unterminated\n', "Unterminated string starting at column 10)"),
        ("ctl.jsonl", '{"text": "a\tb"}\n', "Invalid control character at column 12)"),
        ("comma.jsonl", '{"text": "a" "b"}\n', "Expecting ',' delimiter at column 14)"),
        (
            "open.json",
            '{"title": "x",\n "text": "unterminated',
            "Unterminated string starting at line 2 column 10)",
        ),
    ],
)
def test_json_errors_say_at_once(tmp_path: Path, settings, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    try:
        items = list(read_source(path, settings=settings, today=TODAY))
    except IngestError as exc:  # a whole .json document that is not JSON raises
        items = [exc]
    (error,) = items
    assert isinstance(error, IngestError)
    assert f"not valid JSON ({message}" in str(error) and "at at" not in str(error)


@pytest.mark.parametrize("field", ["text", "title", "outlet", "published", "url"])
def test_lone_surrogate_rejects_its_record_and_keeps_the_rest(tmp_path: Path, settings, field: str) -> None:
    """``"\\ud800"`` in JSON is half a UTF-16 pair, not storable as UTF-8: one clear error for its record.

    A UnicodeEncodeError used to end the file there (text: hashing it) or the whole ingest, the good
    records of its analysis group unstored (another field: writing it to the store)."""
    bad = {"text": TEXT, "title": "Envoy summoned", "outlet": "Daily", "published": "2025-07-02"}
    bad[field] = bad.get(field, "https://example.org/a") + " \ud800 cut"
    path = tmp_path / "cut.jsonl"
    pair = "\ud83d\ude00 "  # both halves: JSON reads them back as one character, U+1F600
    lines = [json.dumps(bad), json.dumps({"id": "b", "text": TEXT}), json.dumps({"text": pair + TEXT})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")  # json.dumps writes the escapes, ASCII only
    error, kept, emoji = read_source(path, settings=settings, today=TODAY)
    assert isinstance(error, DecodeError) and error.source == f"{path}:1"
    assert f"{field!r} holds a lone surrogate (\\ud800)" in str(error)
    assert isinstance(kept, Article) and kept.id == "b"
    assert isinstance(emoji, Article) and emoji.text.startswith("\U0001f600")


def test_an_unforeseen_failure_costs_only_its_record(tmp_path: Path, settings, monkeypatch) -> None:
    from presslens.ingest import build

    finish = build.finish_article

    def fragile(draft, **kwargs):
        if "boom" in draft.text:
            raise RuntimeError("a value no step foresaw")
        return finish(draft, **kwargs)

    monkeypatch.setattr(build, "finish_article", fragile)
    path = tmp_path / "three.jsonl"
    words = ["one", "boom", "three"]
    lines = [json.dumps({"id": str(i), "text": f"{TEXT} {word}"}) for i, word in enumerate(words)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, bad, last = read_source(path, settings=settings, today=TODAY)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(bad, IngestError) and bad.source == f"{path}:2"
    assert "RuntimeError: a value no step foresaw" in str(bad)
