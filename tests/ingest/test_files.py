"""Paths: dispatch by extension, sniffing, decoding, and every kind of bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from presslens.errors import (
    DecodeError,
    EmptyInputError,
    IngestError,
    InputNotFoundError,
    UnsupportedFormatError,
)
from presslens.ingest import read_source
from presslens.models import Article

TODAY = dt.date(2025, 9, 1)
PROSE = "Police in Baku detained seven people after a raid on a news agency, the interior ministry said.\n"


@pytest.mark.parametrize(
    ("name", "content", "error", "says"),
    [
        ("missing.txt", None, InputNotFoundError, "not found"),
        ("binary.txt", b"abc\x00\x01\x02def", DecodeError, "byte offset 3"),
        ("controls.txt", bytes(range(1, 9)) * 20, DecodeError, "byte offset 0"),
        ("latin1.txt", "Café in Baku".encode("latin-1"), DecodeError, "byte offset 3"),
        ("empty.txt", b"", EmptyInputError, "empty"),
        ("blank.md", b"  \n\t\n ", EmptyInputError, "empty"),
        ("paper.pdf", b"%PDF-1.4 text", UnsupportedFormatError, ".txt"),
        ("letter.docx", b"PK\x03\x04", UnsupportedFormatError, "supported"),
        ("photo.png", b"\x89PNG", UnsupportedFormatError, "supported"),
        ("blob.dat", b"\x00\x00\x10binary", UnsupportedFormatError, "byte offset 0"),
        ("broken.json", b'{"text": "x",', DecodeError, "line 1"),
        ("empty.json", b"[]", EmptyInputError, "empty"),
        ("number.json", b"42", UnsupportedFormatError, "object or a list"),
    ],
)
def test_bad_inputs_raise_with_file_name(tmp_path: Path, settings, name, content, error, says) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error) as excinfo:
        read_source(path, settings=settings, today=TODAY)
    message = str(excinfo.value)
    assert name in message and says in message
    assert "\n" not in message


def test_utf8_bom_is_accepted(tmp_path: Path, settings) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + PROSE.encode())
    [article] = read_source(path, settings=settings, today=TODAY)
    assert article.text == PROSE.strip()
    assert article.source == str(path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page", "<!DOCTYPE html><html><body><article><p>{}</p></article></body></html>"),
        ("record.data", '{{"text": "{}", "id": "r1"}}'),
        ("notes", "{}"),
    ],
)
def test_sniffing_without_known_extension(tmp_path: Path, settings, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content.format(PROSE.strip()), encoding="utf-8")
    [article] = read_source(path, settings=settings, today=TODAY)
    assert isinstance(article, Article)
    assert "seven people" in article.text


def test_html_with_declared_charset(tmp_path: Path, settings) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head>'
        f"<body><p>Café. {PROSE}</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    [article] = read_source(path, settings=settings, today=TODAY)
    assert "Café" in article.text


def test_directory_source_reads_supported_files_sorted(tmp_path: Path, settings) -> None:
    (tmp_path / "b.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    record = json.dumps({"text": PROSE.strip(), "id": "c1"})
    (tmp_path / "sub" / "c.jsonl").write_text(f"{record}\nnot json\n", "utf-8")
    (tmp_path / "a.txt").write_bytes(b"\x00\x01")  # bad file: reported, the rest still read
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text(PROSE, encoding="utf-8")
    items = list(read_source(tmp_path, settings=settings, today=TODAY))
    assert [type(i).__name__ for i in items] == ["DecodeError", "Article", "Article", "IngestError"]
    assert items[0].source.endswith("a.txt")
    assert items[2].id == "c1"
    assert items[3].source.endswith("c.jsonl:2")


def test_empty_directory_raises(tmp_path: Path, settings) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(EmptyInputError, match="supported extension"):
        read_source(tmp_path, settings=settings)


def test_truncation_at_paragraph_boundary(tmp_path: Path, settings) -> None:
    paragraphs = [f"Paragraph {i} says that the talks went on for another day in Geneva." for i in range(50)]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    [article] = read_source(path, settings=settings.replace(max_text_chars=500), today=TODAY)
    assert len(article.text) <= 500
    assert article.text.endswith("Geneva.")
    assert [f.kind for f in article.flags] == ["text_truncated"]


def test_errors_are_ingest_errors() -> None:
    for cls in (DecodeError, EmptyInputError, InputNotFoundError, UnsupportedFormatError):
        assert issubclass(cls, IngestError)
