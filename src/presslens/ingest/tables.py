"""Parquet tables of articles, streamed row batch by row batch, with field mapping.

Each row is a record read by the same rules as a JSON record
(``records.checked_draft``, field map included), so an article reads the same
whatever container it came in; memory stays constant in the table's size. Rows
are named ``file.parquet[ROW]``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from presslens.errors import DecodeError, IngestError
from presslens.ingest.build import Draft
from presslens.ingest.records import checked_draft

__all__ = ["iter_parquet_table"]

logger = logging.getLogger(__name__)

_PARQUET_BATCH_ROWS = 64


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
            yield checked_draft(record, where=f"{source}[{row}]", fields=fields)
            row += 1
