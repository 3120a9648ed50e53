"""Versioned schema: migrations applied in order, the version kept in the store.

A store written by an older presslens is upgraded in place the next time it
is opened for writing; every migration runs in its own transaction and records
itself in ``schema_migrations``, so a failure leaves the store at the last
complete version. A store newer than this presslens is refused rather than
half-understood. Migration 1 is the baseline ``schema.sql``; later ones are
SQL files or functions appended to ``MIGRATIONS`` — never edited once shipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from presslens.errors import StoreError
from presslens.store.database import Database

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "migrate", "schema_version"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    """One step of the schema: SQL shipped as package data, or a function over the Database."""

    version: int
    description: str
    sql_file: str | None = None
    apply: Callable[[Database], None] | None = None

    def run(self, db: Database) -> None:
        if self.sql_file:
            script = resources.files("presslens.store").joinpath(self.sql_file).read_text(encoding="utf-8")
            for statement in _statements(script):
                db.execute(statement)
        if self.apply:
            self.apply(db)


def _statements(script: str) -> list[str]:
    """Split a schema script on `;` at line ends (our scripts hold no literal semicolons)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", sql_file="schema.sql"),
    Migration(2, "dated statements and their acts; timeline reports of claims", sql_file="migration_002.sql"),
    Migration(3, "independent sources: copy groups and origins", sql_file="migration_003.sql"),
    Migration(4, "an analyst's timeline corrections", sql_file="migration_004.sql"),
    Migration(5, "who reported an event told in a source's words", sql_file="migration_005.sql"),
    Migration(6, "an analyst's verdicts on contradictions", sql_file="migration_006.sql"),
    Migration(7, "whose words a persuasion span is in", sql_file="migration_007.sql"),
    Migration(8, "the party a statement is about", sql_file="migration_008.sql"),
    Migration(9, "incremental stories: derivation records and redirects", sql_file="migration_009.sql"),
    Migration(10, "claims told as not said", sql_file="migration_010.sql"),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(db: Database) -> int:
    """The version the store is at (0 for an empty file)."""
    exists = db.fetch_one(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", ["schema_migrations"]
    )
    if not exists or not exists[0]:
        return 0
    row = db.fetch_one("SELECT max(version) FROM schema_migrations")
    return int(row[0]) if row and row[0] is not None else 0


def migrate(db: Database, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Bring the store to the latest version; returns the version reached."""
    current = schema_version(db)
    latest = migrations[-1].version
    if current > latest:
        raise StoreError(
            f"{db.path}: the store is at schema version {current}, newer than this presslens "
            f"understands ({latest}); upgrade presslens"
        )
    if current == latest:
        return current
    if db.read_only:
        raise StoreError(
            f"{db.path}: the store is at schema version {current}, this presslens needs {latest}; "
            "open it once for writing (e.g. `presslens reanalyze --store ...`) to upgrade it"
        )
    with db.transaction():
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER NOT NULL, description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
    for migration in migrations:
        if migration.version <= current:
            continue
        with db.transaction():
            migration.run(db)
            db.execute(
                "INSERT INTO schema_migrations (version, description) VALUES (?, ?)",
                [migration.version, migration.description],
            )
        log.info("%s: applied migration %d (%s)", db.path, migration.version, migration.description)
    return latest
