"""The one Arrow schema of analysed documents in Parquet, derived from ``models.Document``.

Both batch engines (and any later Parquet export) write this schema, so a
directory written by the local engine and one written by Spark read the same in
DuckDB, pandas or Spark.

Choice: **nested Arrow types, not JSON-string columns.** Article metadata are
flat columns; entities, timexes, events, claims, persuasion spans, flags and
contradictions are ``list<struct<...>>`` columns mirroring the pydantic models
field for field; ``persuasion_summary.by_technique`` is a ``map<string,
int64>``. Why: the Parquet output exists for other tools, and nested columns
let them query without a JSON parser (DuckDB ``UNNEST(entities)``, Spark
``explode(events)``, column pruning that reads only ``events.type``), with
types checked at write time. Deriving the schema from the models (rather than
writing it out by hand) means a field added to ``Document`` appears in the
Parquet output without a second edit; ``test_schema`` checks that a document
round-trips through it unchanged.

Two key columns come first: ``input`` (the input file as given) and
``record`` (the item's index within that file, counting bad records), the
(source, record index) key a resumed or distributed run is checked by.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from presslens.models import Document

__all__ = ["KEY_COLUMNS", "document_from_row", "document_row", "document_schema", "rows_table"]

KEY_COLUMNS = ("input", "record")

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


def _arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of one pydantic field annotation (see the module docstring)."""
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"cannot map a union of {inner} to one Arrow type")
        return _arrow_type(inner[0])
    if origin is Literal:
        kinds = {type(a) for a in args}
        if kinds != {str}:
            raise TypeError(f"only string literals map to Arrow; got {args}")
        return pa.string()
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return pa.list_(pa.field("element", _arrow_type(args[0])))
    if origin is dict and args and args[0] is str:
        return pa.map_(pa.string(), _arrow_type(args[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_model_fields(annotation))
    raise TypeError(f"no Arrow type for annotation {annotation!r}")


def _model_fields(model: type[BaseModel]) -> list[pa.Field]:
    return [pa.field(name, _arrow_type(field.annotation)) for name, field in model.model_fields.items()]


@typing.no_type_check
def document_schema() -> pa.Schema:
    """The Arrow schema of the Parquet output: key columns, then every Document field."""
    keys = [pa.field("input", pa.string()), pa.field("record", pa.int64())]
    return pa.schema(keys + _model_fields(Document))


def document_row(document: Document, *, input: str, record: int) -> dict[str, Any]:
    """One output row: the key columns plus the document as plain Python values (dates kept)."""
    row: dict[str, Any] = {"input": input, "record": record}
    row.update(_plain(document.model_dump()))
    return row


def _plain(value: Any) -> Any:
    """Tuples as lists (Arrow and Spark both take lists for list columns)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def rows_table(rows: list[dict[str, Any]]) -> pa.Table:
    """An Arrow table of output rows in the shared schema (types checked here, at write time)."""
    return pa.Table.from_pylist(rows, schema=document_schema())


def _from_arrow_value(value: Any, dtype: pa.DataType) -> Any:
    """Undo Arrow's read-back forms: maps come back as (key, value) pairs."""
    if value is None:
        return None
    if pa.types.is_map(dtype):
        return {k: _from_arrow_value(v, dtype.item_type) for k, v in value}
    if pa.types.is_list(dtype):
        return [_from_arrow_value(v, dtype.value_type) for v in value]
    if pa.types.is_struct(dtype):
        return {f.name: _from_arrow_value(value.get(f.name), f.type) for f in dtype}
    return value


def document_from_row(row: dict[str, Any]) -> Document:
    """The Document stored in one Parquet row (as read by ``pyarrow``'s ``to_pylist``)."""
    schema = document_schema()
    data = {f.name: _from_arrow_value(row.get(f.name), f.type) for f in schema if f.name not in KEY_COLUMNS}
    return Document.model_validate(data)
