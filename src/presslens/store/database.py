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
  web app reads through, or, when the server owns the store and writes it,
  a reader (``Database.reader()``: a second connection to the same DuckDB
  instance, which sees each committed state and never waits for a write);
  the read-only configuration (``READ_ONLY_CONFIG``) is
  what a user's SQL runs under (``store.user_query``, in a process of its
  own): the file read-only, ``enable_external_access`` off and the
  configuration locked, so ``read_text('/etc/passwd')``, ``COPY ... TO``,
  ``ATTACH``, ``INSTALL`` and ``SET`` all fail, and Python replacement scans
  are off, so SQL cannot read the caller's Python variables.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from presslens.errors import StoreError
from presslens.store.served import server_of

__all__ = ["READ_ONLY_CONFIG", "Database"]

log = logging.getLogger(__name__)

#: The configuration of every read-only connection, the user query's child process's included.
READ_ONLY_CONFIG: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "python_enable_replacements": False,
    "lock_configuration": True,
}
#: DuckDB's message when another process holds the file (a server, an ingest).
_LOCKED = "Could not set lock"
# ... and when this process holds it with another configuration (threads, memory_limit).
_OTHER_CONFIG = "different configuration"


class Database:
    """A DuckDB connection with parameterised helpers and explicit transactions."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        path: Path,
        *,
        read_only: bool,
        writer: Database | None = None,
    ) -> None:
        self._con = connection
        self.path = path
        self.read_only = read_only
        #: The writable Database this one is a reader of (``reader()``), else None.
        self.writer = writer
        #: Moves on every write through this handle: a reader's query snapshot is stale when it moved.
        self.generation = 0
        self._lock = threading.RLock()  # one DuckDB connection is not safe across threads
        self._in_transaction = False

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, threads: int = 0, memory_limit: str = ""
    ) -> Database:
        """Open (or, writable, create) the store file at `path`.

        `threads` and `memory_limit` bound DuckDB's own pool and buffers
        (0 and "" leave DuckDB's defaults: every core, 80 % of RAM).
        """
        path = Path(path)
        if read_only and not path.is_file():
            raise StoreError(f"{path}: no store here; create one with `presslens ingest PATH --store {path}`")
        if not read_only and path.parent and not path.parent.is_dir():
            raise StoreError(f"{path}: the folder {path.parent} does not exist")
        config: dict[str, Any] = (
            dict(READ_ONLY_CONFIG) if read_only else {"autoinstall_known_extensions": False}
        )
        if threads:
            config["threads"] = threads
        if memory_limit:
            config["memory_limit"] = memory_limit
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            if _LOCKED in str(exc) and (server := server_of(path)) is not None:
                fix = "" if server.ingest else " after restarting it with --ingest"
                raise StoreError(
                    f"{path}: in use by `presslens serve` at {server.url}; add articles through it "
                    f"with `presslens ingest PATH --server {server.url}`{fix}, or stop it first"
                ) from exc
            if _LOCKED in str(exc):
                raise StoreError(
                    f"{path}: the store is in use by another process (a `presslens serve` or an ingest): "
                    "stop it and try again, or work on a copy of the file"
                ) from exc
            if _OTHER_CONFIG in str(exc):
                raise StoreError(
                    f"{path}: already open in this process with other DuckDB settings "
                    "(open every handle through presslens.service_store.open_store)"
                ) from exc
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        log.debug("opened %s (%s)", path, "read-only" if read_only else "read-write")
        return cls(con, path, read_only=read_only)

    def reader(self) -> Database:
        """A second connection to this writable store, for reading only, from another thread.

        It sees the last committed state and never waits for this handle's
        lock, so a page is served while an ingest transaction is open; its
        ``transaction()`` refuses to write. Close it before this one.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: a reader is made of a writable store (open it read-only instead)")
        with self._lock:
            return Database(self._con.cursor(), self.path, read_only=True, writer=self)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No transaction runs through this handle inside (it waits for the open one to end)."""
        with self._lock:
            yield

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- statements ---------------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._lock:
            try:
                self._con.execute(sql, list(params))
                self.generation += not self.read_only
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
                    self.generation += 1
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
