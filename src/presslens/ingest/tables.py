"""Tables of articles: JSON Lines and Parquet, streamed, with field mapping.

Other corpora name their columns differently (PolNeAR: ``publication_date``,
``publisher``; CC-NEWS exports: ``date_publish``, ``source_domain``). A field
map (``--field published=publication_date --field outlet=publisher``) copies a
source column into the record field presslens reads before the record is
turned into a Draft by ``records.draft_from_record`` — the same rules as a
plain JSON Lines file, so an article reads the same whatever table it came
from.

Unlike ``records.iter_jsonl_drafts`` (which takes the whole decoded text),
these readers stream: JSON Lines line by line from a binary file object,
Parquet row batch by row batch, so memory stays constant in the table's size.
Each line is decoded on its own, so one line of undecodable bytes is one bad
record (``file.jsonl:LINE``), not a lost file; Parquet rows are named
``file.parquet[ROW]``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from presslens.errors import DecodeError, IngestError, PresslensError
from presslens.ingest.build import Draft
from presslens.ingest.records import draft_from_record, parse_json_line

__all__ = ["RECORD_FIELDS", "iter_jsonl_table", "iter_parquet_table", "parse_field_map", "remap_record"]

logger = logging.getLogger(__name__)

RECORD_FIELDS = ("text", "html", "title", "published", "url", "outlet", "id", "section", "author")
_PARQUET_BATCH_ROWS = 64


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


def _draft(record: Any, *, where: str, fields: Mapping[str, str]) -> Draft | IngestError:
    try:
        return draft_from_record(remap_record(record, fields), source=where)
    except UnicodeDecodeError as exc:
        return DecodeError(where, f"binary 'text'/'html' is not UTF-8 at byte offset {exc.start}")
    except IngestError as exc:
        logger.info("skipped record: %s", exc)
        return exc
    except Exception as exc:  # HTML extraction failing on one record must not end the table
        return IngestError(where, f"record could not be extracted ({type(exc).__name__}: {exc})")


def iter_jsonl_table(
    fh: BinaryIO, *, source: str, fields: Mapping[str, str] | None = None
) -> Iterator[Draft | IngestError]:
    """Drafts (or per-line errors) from a JSON Lines stream, one per non-blank line."""
    fields = fields or {}
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
        record = parse_json_line(line, where)
        yield record if isinstance(record, IngestError) else _draft(record, where=where, fields=fields)


def iter_parquet_table(
    fh: BinaryIO, *, source: str, fields: Mapping[str, str] | None = None
) -> Iterator[Draft | IngestError]:
    """Drafts (or per-row errors) from a Parquet file, in row order.

    Raises DecodeError when the file is not readable Parquet (bad magic, broken footer).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = fields or {}
    try:
        table = pq.ParquetFile(fh)
    except (pa.ArrowException, OSError) as exc:
        raise DecodeError(source, f"not a readable Parquet file ({exc})") from None
    row = 0
    batches = table.iter_batches(batch_size=_PARQUET_BATCH_ROWS)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except (pa.ArrowException, OSError) as exc:  # a corrupt row group: the rest is unreadable
            yield DecodeError(f"{source}[{row}]", f"unreadable Parquet data from this row on ({exc})")
            return
        for record in batch.to_pylist():
            yield _draft(record, where=f"{source}[{row}]", fields=fields)
            row += 1
