"""What a batch run wrote, read back for comparing engines: documents by key, error rows in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["error_rows", "parquet_records"]


def parquet_records(out: Path) -> dict[tuple[str, int], dict[str, Any]]:
    """``OUT/documents`` as Documents (dicts) keyed by ``(input, record)``."""
    import pyarrow.parquet as pq

    from presslens.batch.schema import document_from_row

    table = pq.read_table(out / "documents")
    return {(r["input"], r["record"]): document_from_row(r).to_dict() for r in table.to_pylist()}


def error_rows(out: Path) -> list[dict[str, Any]]:
    """``OUT/errors.jsonl`` as dicts, in file order."""
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]
