"""JSON and JSON Lines records: one article per object.

A record holds ``text`` (plain or scraped page text) or ``html``, plus optional
``title``, ``published`` (ISO date or datetime), ``url``, ``outlet``, ``id``,
``section`` and ``author``. Unknown fields are ignored, so exports of other
tools can be read as they are. Other corpora name their columns differently
(PolNeAR: ``publication_date``, ``publisher``; CC-NEWS exports:
``date_publish``, ``source_domain``): a field map (``--field
published=publication_date``) copies a source column into the field presslens
reads before the record becomes a Draft, the same for JSON, JSON Lines and
Parquet, so an article reads the same whatever container it came in.

JSON Lines has exactly one reader, ``iter_jsonl_drafts``, used by every
command: it streams a binary file object line by line (memory stays constant
in the file's size) and decodes each line on its own, so one line of
undecodable bytes is one bad record, not a lost file.

A problem with one record (a line that is not JSON, an object without a body, a
body that cleans to nothing) is *yielded* as an ``IngestError`` naming
``file.jsonl:LINE`` (``file.json[INDEX]`` for an item of a JSON list) and the
other records still come out: a batch is never lost to one bad line. A date
that cannot be read is not worth losing the article for: it is dropped with a
``published_invalid`` flag.

A JSON string may spell half of a UTF-16 surrogate pair (``"\\ud800"``, what
a tool that cut a string between the halves of an emoji writes): Python
reads it as a lone surrogate, which is not a character, cannot be encoded
as UTF-8 and so can be neither hashed nor stored. Such a record is rejected
like a line of undecodable bytes: a ``DecodeError`` naming the field.
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from presslens.errors import DecodeError, EmptyInputError, IngestError, PresslensError, UnsupportedFormatError
from presslens.ingest.build import Draft
from presslens.ingest.dates import parse_date_value
from presslens.ingest.html import draft_from_html
from presslens.ingest.text_dump import draft_from_page_text
from presslens.models import Flag

__all__ = [
    "RECORD_FIELDS",
    "checked_draft",
    "draft_from_record",
    "iter_json_drafts",
    "iter_jsonl_drafts",
    "json_problem",
    "parse_field_map",
    "remap_record",
]

logger = logging.getLogger(__name__)

_FIELDS = "text or html, and optionally title, published, url, outlet, id, section, author"
RECORD_FIELDS = ("text", "html", "title", "published", "url", "outlet", "id", "section", "author")
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_field_map(specs: Iterable[str] | None) -> dict[str, str]:
    """``["published=publication_date"]`` -> ``{"published": "publication_date"}``.

    Raises PresslensError naming the bad spec and the valid target fields.
    """
    mapping: dict[str, str] = {}
    for spec in specs or ():
        target, sep, column = (part.strip() for part in spec.partition("="))
        if not sep or not target or not column:
            raise PresslensError(
                f"field mapping {spec!r} is not NAME=SOURCE (e.g. published=publication_date)"
            )
        if target not in RECORD_FIELDS:
            raise PresslensError(
                f"field mapping {spec!r}: {target!r} is not a record field; valid: {', '.join(RECORD_FIELDS)}"
            )
        mapping[target] = column
    return mapping


def remap_record(record: Any, fields: Mapping[str, str]) -> Any:
    """A copy of `record` with each mapped source column copied into its target field."""
    if not fields or not isinstance(record, dict):
        return record
    out = dict(record)
    for target, column in fields.items():
        if column in record:
            out[target] = record[column]
    for key in ("text", "html"):
        if isinstance(out.get(key), bytes):  # Parquet binary columns
            out[key] = out[key].decode("utf-8")
    return out


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _check_encodable(record: dict[str, Any], source: str) -> None:
    """Raise DecodeError (named `source`) when a field read as text holds a lone surrogate."""
    for key in RECORD_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            raise DecodeError(
                source,
                f"{key!r} holds a lone surrogate (\\u{ord(found.group()):04x}) at character {found.start()}, "
                "half of a UTF-16 pair and not valid Unicode; expected text that encodes as UTF-8",
            )


def draft_from_record(record: Any, *, source: str) -> Draft:
    """A Draft from one JSON object; raises IngestError (named `source`) when it has no usable body."""
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object with {_FIELDS}; got {type(record).__name__}")
    _check_encodable(record, source)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str | None) or not isinstance(html, str | None):
        raise IngestError(source, "'text' and 'html' must be strings")
    if not (text or "").strip() and not (html or "").strip():
        present = (
            "empty 'text'/'html'" if ("text" in record or "html" in record) else "no 'text' or 'html' field"
        )
        raise EmptyInputError(source, f"record has {present}; expected {_FIELDS}")
    title = _string(record, "title")
    flags: list[Flag] = []
    metadata_date = None
    if record.get("published") not in (None, ""):
        try:
            metadata_date = parse_date_value(record["published"])
        except ValueError as exc:
            flags.append(Flag(kind="published_invalid", why=f"record field 'published' ignored: {exc}"))
    url = _string(record, "url")
    if (text or "").strip():
        base = draft_from_page_text(text or "", source=source, known_title=title)
    else:
        base = draft_from_html(html or "", source=source, url=url)
    return dataclasses.replace(
        base,
        source=source,
        id=_string(record, "id"),
        title=title or base.title,
        url=url or base.url,
        outlet=_string(record, "outlet") or base.outlet,
        author=_string(record, "author") or base.author,
        section=_string(record, "section") or base.section,
        metadata_date=metadata_date or base.metadata_date,
        metadata_date_origin="record's published field" if metadata_date else base.metadata_date_origin,
        flags=tuple(flags) + base.flags,
    )


def checked_draft(record: Any, *, where: str, fields: Mapping[str, str] | None = None) -> Draft | IngestError:
    """The Draft of one record (mapped by `fields`), or the IngestError that names it (`where`)."""
    try:
        return draft_from_record(remap_record(record, fields or {}), source=where)
    except UnicodeDecodeError as exc:
        return DecodeError(where, f"binary 'text'/'html' is not UTF-8 at byte offset {exc.start}")
    except IngestError as exc:
        logger.info("skipped record: %s", exc)
        return exc
    except Exception as exc:  # HTML extraction failing on one record must not end the file
        return IngestError(where, f"record could not be extracted ({type(exc).__name__}: {exc})")


def iter_jsonl_drafts(
    fh: BinaryIO, *, source: str, fields: Mapping[str, str] | None = None
) -> Iterator[Draft | IngestError]:
    """Drafts (or per-line errors) from a JSON Lines stream, one per non-blank line.

    Lines end at "\\n" only (iterating a binary file): str.splitlines() would
    also break at U+2028, U+0085 and form feeds, which JSON strings may hold
    raw, and misnumber every line after.
    """
    for lineno, raw in enumerate(fh, start=1):
        where = f"{source}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield DecodeError(where, f"not valid UTF-8 at byte {exc.start} of the line ({exc.reason})")
            continue
        if not line.strip():
            continue
        if "\x00" in line:
            yield DecodeError(where, "binary content (NUL byte) in a JSON line")
            continue
        record = parse_json_line(line.rstrip("\r\n"), where)  # columns count on the line itself
        yield record if isinstance(record, IngestError) else checked_draft(record, where=where, fields=fields)


def json_problem(exc: json.JSONDecodeError, *, line: bool = False) -> str:
    """``Expecting value at column 5`` (``at line 2 column 5`` with `line`): the parser's message and where.

    Some of the json module's messages already end in "at" (``Unterminated string
    starting at``, ``Invalid control character at``): the position follows them
    directly, not after a second "at".
    """
    where = f"line {exc.lineno} column {exc.colno}" if line else f"column {exc.colno}"
    msg = exc.msg.rstrip()
    return f"{msg} {where}" if msg.endswith(" at") else f"{msg} at {where}"


def parse_json_line(line: str, where: str) -> Any:
    """The JSON value of one JSON Lines line, or an IngestError naming the line (`where`)."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(where, f"not valid JSON ({json_problem(exc)}); expected one object per line")


def _looks_like_jsonl(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
    except json.JSONDecodeError:
        return False
    return True


def iter_json_drafts(
    text: str, *, source: str, fields: Mapping[str, str] | None = None
) -> Iterator[Draft | IngestError]:
    """Drafts from a JSON document (an object or a list of objects).

    Whole-document problems raise: invalid JSON (DecodeError with the line and
    column), an empty list (EmptyInputError), a top level that is neither an
    object nor a list (UnsupportedFormatError). A ``.json`` file that is in
    fact JSON Lines is read as such.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _looks_like_jsonl(text):
            return iter_jsonl_drafts(io.BytesIO(text.encode("utf-8")), source=source, fields=fields)
        raise DecodeError(
            source,
            f"not valid JSON ({json_problem(exc, line=True)}); "
            "expected an object, a list of objects, or JSON Lines",
        ) from None
    if isinstance(data, dict):
        return iter([checked_draft(data, where=source, fields=fields)])
    if isinstance(data, list):
        if not data:
            raise EmptyInputError(source, "the JSON list is empty; expected article records")
        return (checked_draft(item, where=f"{source}[{i}]", fields=fields) for i, item in enumerate(data))
    raise UnsupportedFormatError(
        source, f"JSON top level is a {type(data).__name__}; expected an object or a list of objects"
    )
