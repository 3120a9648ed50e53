"""A user's SQL, run where it cannot hurt: its own process, read-only, with limits on time, memory and size.

`presslens query` and the web's query endpoint take SQL from whoever types
or sends it. Three things keep one statement from taking the tool down:

- **Only reading**: one SELECT or EXPLAIN (checked here before anything
  runs), on a read-only connection with external access off and the
  configuration locked (``Database.READ_ONLY_CONFIG``): no files, URLs,
  ``ATTACH``, ``COPY``, ``INSTALL`` or ``SET``.
- **Its own process** (``_query_child``), on one thread (the server's other
  core keeps serving) and under an address-space cap: DuckDB
  cannot bound the strings of a vector it is building, so in-process a
  ``repeat()`` over a range took the server to 24 GB; in the child it is a
  clean "needs more memory" error. A page read by the server never waits
  for a query either: they share no connection and no lock.
- **Time and size**: the child is killed at the time limit, or as soon as
  `cancelled()` says the client went away; rows stop at `max_rows` or when
  their JSON would pass `max_bytes`, and the result says which (``cut``).

Starting the child costs about 0.1 s per query, small beside an analyst's
query and the price of a server no query can freeze.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from presslens.errors import StoreError

__all__ = ["QueryLimits", "QueryResult", "check_statement", "run_user_query"]

_CHILD = Path(__file__).with_name("_query_child.py")
_POLL = 0.05  # seconds between looks at the clock and the client
# Statement types a user query may run (everything else is refused before DuckDB sees it).
_READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})


@dataclass(frozen=True, slots=True)
class QueryLimits:
    """How far one user query may go; the CLI and the server build it from Settings."""

    max_rows: int = 1000
    max_bytes: int = 20_000_000
    seconds: float = 30.0
    memory_mb: int = 2048

    @classmethod
    def from_settings(cls, settings: Any, *, max_rows: int = 1000) -> QueryLimits:
        return cls(
            max_rows=max_rows,
            max_bytes=settings.query_max_bytes,
            seconds=settings.query_timeout,
            memory_mb=settings.query_memory_mb,
        )


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a user query as JSON values (dates ISO, blobs base64), and why they stopped early, if so.

    `cut` is ``"rows"`` when `max_rows` stopped them, ``"bytes"`` when the
    size limit did, ``None`` when every row is here.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    cut: str | None = None

    @property
    def truncated(self) -> bool:
        return self.cut is not None

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class QueryCancelled(StoreError):
    """The client went away before the query finished; the query was stopped."""


def check_statement(sql: str) -> None:
    """Refuse anything but one SELECT or EXPLAIN, before any connection sees it."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise StoreError(f"query: {exc}") from exc
    if len(statements) != 1:
        raise StoreError(f"query: expected exactly one SQL statement, got {len(statements)}")
    kind = statements[0].type.name
    if kind not in _READ_STATEMENTS:
        raise StoreError(f"query: only SELECT statements may run here, not {kind}")


def run_user_query(
    path: Path,
    sql: str,
    params: Sequence[Any] = (),
    limits: QueryLimits = QueryLimits(),
    *,
    config: dict[str, Any],
    cancelled: Callable[[], bool] | None = None,
) -> QueryResult:
    """Run `sql` on the store file at `path` in a child process under `limits`.

    `config` is the read-only DuckDB configuration; `cancelled` is polled
    while the query runs (a web client that disconnected) and stops it.
    Raises StoreError with a message for the user on a refused statement,
    a DuckDB error, the time limit or the memory cap.
    """
    check_statement(sql)
    request = json.dumps({
        "path": str(path), "sql": sql, "params": list(params), "config": config,
        "max_rows": limits.max_rows, "max_bytes": limits.max_bytes,
        "memory_bytes": limits.memory_mb * 2**20,
    }, default=str).encode("utf-8")  # a date parameter goes as its ISO text, which DuckDB casts
    deadline = time.monotonic() + limits.seconds
    child = subprocess.Popen(
        [sys.executable, "-I", str(_CHILD)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    pending: bytes | None = request  # sent once: a retried communicate() refuses input
    try:
        while True:
            try:
                out, err = child.communicate(pending, timeout=_POLL)
                break
            except subprocess.TimeoutExpired:
                pending = None
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"query: stopped at the time limit of {limits.seconds:g} s (setting query_timeout)"
                    ) from None
                if cancelled is not None and cancelled():
                    raise QueryCancelled("query: stopped; the client went away") from None
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    return _answer(out, err, child.returncode, limits)


def _answer(out: bytes, err: bytes, status: int, limits: QueryLimits) -> QueryResult:
    memory = (
        f"query: needs more memory than the {limits.memory_mb} MB a query may use (setting query_memory_mb)"
    )
    try:
        answer = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit status {status}"]
        if "MemoryError" in last[0]:
            raise StoreError(memory) from None
        raise StoreError(f"query: the query process ended without an answer ({last[0][:200]})") from None
    if answer.get("error") == "memory":
        raise StoreError(memory)
    if "error" in answer:
        raise StoreError(f"query: {' '.join(str(answer.get('message', 'failed')).split())}")
    return QueryResult(
        tuple(answer["columns"]), tuple(tuple(row) for row in answer["rows"]), cut=answer["cut"]
    )
