"""A read-only copy of a store the server is writing, for users' SQL to run on in their own process.

A user's SQL runs in a child process (``user_query``) that opens the store
file read-only. DuckDB lets no other process open a file while one writes it,
so when the server owns the store (``presslens serve --ingest``) the child
gets a copy instead: the file and its write-ahead log, copied while no write
transaction is open, so the copy is one committed state. The copy is made
again only after the store changed (``Database.generation``) and lives in a
private temporary folder deleted at close.

Why a copy rather than running the SQL in the server on a reader connection:
in-process DuckDB cannot cap the memory of a vector being built (see
``_query_child``), and one ``repeat()`` would take the server down. The
price is disk: one copy of the store while the query endpoint is used.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path

from presslens.errors import StoreError
from presslens.store.database import Database

__all__ = ["QuerySnapshot"]

log = logging.getLogger(__name__)


class QuerySnapshot:
    """The latest committed state of `writer`'s file, copied on demand."""

    def __init__(self, writer: Database) -> None:
        self.writer = writer
        self._lock = threading.Lock()
        self._folder: Path | None = None
        self._generation = -1

    def path(self) -> Path:
        """The copy's file, made again when the store changed since the last copy."""
        with self._lock:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="presslens-query-"))
            target = self._folder / self.writer.path.name
            with self.writer.paused():  # no transaction open: the file and its log are one state
                if self._generation == self.writer.generation and target.is_file():
                    return target
                try:
                    self.writer.execute("CHECKPOINT")  # best effort: a smaller log to copy
                except StoreError as exc:
                    log.debug("no checkpoint before the query copy: %s", exc)
                wal = self.writer.path.with_name(self.writer.path.name + ".wal")
                target_wal = target.with_name(target.name + ".wal")
                try:
                    shutil.copyfile(self.writer.path, target)
                    if wal.is_file():
                        shutil.copyfile(wal, target_wal)
                    else:
                        target_wal.unlink(missing_ok=True)
                except OSError as exc:
                    problem = f"cannot copy the store for the query: {exc}"
                    raise StoreError(f"{self.writer.path}: {problem}") from exc
                self._generation = self.writer.generation
            log.info("query copy of %s refreshed", self.writer.path)
            return target

    def close(self) -> None:
        with self._lock:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None
