"""The one gateway to DuckDB: every statement presslens runs goes through here.

Why one module (after datasette's ``database.py``): the rules that keep the
store safe live in one place and can be read in one sitting:

- every value reaches SQL as a bound parameter (``?``), never by string
  formatting; table and column names come only from the schema constants of
  this package, never from input;
- bulk rows go in as an Arrow table registered for one ``INSERT ... SELECT``
  (DuckDB's ``executemany`` manages ~5,000 rows/s; Arrow ~millions);
- writes happen inside ``transaction()``: an exception, Ctrl-C or a killed
  process leaves the last committed state (DuckDB discards an uncommitted
  transaction from its write-ahead log);
- a read-only handle (``Database.open(path, read_only=True)``) is what the
  ``query`` command and the web app use: DuckDB opens the file read-only, with
  ``enable_external_access`` off and the configuration locked, so
  ``read_text('/etc/passwd')``, ``COPY ... TO``, ``ATTACH``, ``INSTALL`` and
  ``SET`` all fail, and Python replacement scans are off, so SQL cannot read
  the caller's Python variables.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from presslens.errors import StoreError

__all__ = ["Database", "QueryResult"]

log = logging.getLogger(__name__)

_READ_ONLY_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "python_enable_replacements": False,
    "lock_configuration": True,
}
# Statement types a user query may run on the read-only handle (everything else
# is refused before DuckDB sees it, as a second line behind read_only=True).
_READ_STATEMENTS = frozenset({"SELECT", "EXPLAIN"})


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a user query, with a note when `max_rows` cut them short."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    truncated: bool = False

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class Database:
    """A DuckDB connection with parameterised helpers and explicit transactions."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
        self._con = connection
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()  # one DuckDB connection is not safe across threads
        self._in_transaction = False

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Database:
        """Open (or, writable, create) the store file at `path`."""
        path = Path(path)
        if read_only and not path.is_file():
            raise StoreError(f"{path}: no store here; create one with `presslens ingest PATH --store {path}`")
        if not read_only and path.parent and not path.parent.is_dir():
            raise StoreError(f"{path}: the folder {path.parent} does not exist")
        try:
            if read_only:
                con = duckdb.connect(str(path), read_only=True, config=dict(_READ_ONLY_CONFIG))
            else:
                con = duckdb.connect(str(path), config={"autoinstall_known_extensions": False})
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        log.debug("opened %s (%s)", path, "read-only" if read_only else "read-write")
        return cls(con, path, read_only=read_only)

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- statements ---------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._lock:
            try:
                self._con.execute(sql, list(params))
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    def fetch_all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._con.execute(sql, list(params)).fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    def fetch_dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                cursor = self._con.execute(sql, list(params))
                names = [d[0] for d in cursor.description or ()]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    def fetch_one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.fetch_all(sql, params)
        return rows[0] if rows else None

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
        """Bulk-insert `rows` (tuples in `columns` order) through one Arrow table."""
        if not rows:
            return 0
        import pyarrow as pa

        data = {name: [row[i] for row in rows] for i, name in enumerate(columns)}
        arrow = pa.table(data)
        names = ", ".join(columns)
        with self._lock:
            try:
                self._con.register("_presslens_rows", arrow)
                try:
                    self._con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _presslens_rows")
                finally:
                    self._con.unregister("_presslens_rows")
            except (duckdb.Error, pa.ArrowException) as exc:
                raise StoreError(f"{self.path}: cannot write {table}: {exc}") from exc
        return len(rows)

    def arrow(self, sql: str) -> Any:
        """A (constant) query's result as a pyarrow Table, for Parquet export."""
        with self._lock:
            try:
                return self._con.sql(sql).to_arrow_table()
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (also on KeyboardInterrupt)."""
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        with self._lock:
            if self._in_transaction:  # nested: the outer transaction decides
                yield
                return
            self._con.execute("BEGIN TRANSACTION")
            self._in_transaction = True
            try:
                yield
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            else:
                self._con.execute("COMMIT")
            finally:
                self._in_transaction = False

    # -- user queries --------------------------------------------------------------------------

    def user_query(self, sql: str, params: Sequence[Any] = (), *, max_rows: int = 1000) -> QueryResult:
        """Run one SELECT written by a user; only on a read-only handle."""
        if not self.read_only:
            raise StoreError(
                "user SQL runs only on a read-only store handle (Database.open(..., read_only=True))"
            )
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as exc:
            raise StoreError(f"query: {exc}") from exc
        if len(statements) != 1:
            raise StoreError(f"query: expected exactly one SQL statement, got {len(statements)}")
        kind = statements[0].type.name
        if kind not in _READ_STATEMENTS:
            raise StoreError(f"query: only SELECT statements may run here, not {kind}")
        with self._lock:
            try:
                cursor = self._con.execute(sql, list(params))
                columns = tuple(d[0] for d in cursor.description or ())
                rows = cursor.fetchmany(max_rows + 1)
            except duckdb.Error as exc:
                raise StoreError(f"query: {exc}") from exc
        return QueryResult(columns, tuple(rows[:max_rows]), truncated=len(rows) > max_rows)
