"""Store use cases that write: ingest, forget, re-analysis bookkeeping, Parquet export.

The rules (issue 7) and how they are kept:

- **same article, same text, same versions** -> nothing is written
  (``unchanged``): the version id is ``article_id:content_hash``, so a second
  ingest finds it;
- **same text, newer presslens / model / lexicons** -> its records are
  replaced in place (``reanalysed``);
- **edited text** (same identity, new content hash) -> a new version becomes
  current and the earlier one stays, with its records (``updated``): edits are
  evidence;
- every batch is one transaction, so an interrupted ingest (error, Ctrl-C,
  kill) leaves no half-written article; when a batch fails, its articles are
  retried one per transaction so one bad record costs only itself;
- ``forget`` deletes an article, every version and every record derived from
  it, then recomputes the cross-article layer.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from presslens.errors import StoreError
from presslens.models import (
    Article,
    Document,
    Flag,
    ReportAnchor,
    Story,
    StoryContradiction,
    TimelineCorrection,
    TimelineEvent,
    Versions,
)
from presslens.store.database import Database
from presslens.store.migrations import migrate
from presslens.store.reads import StoreReads
from presslens.store.rows import (
    RECORD_TABLES,
    VERSION_COLUMNS,
    article_identity,
    content_hash,
    flags_json,
    record_counts,
    version_rows,
)
from presslens.store.snapshot import QuerySnapshot
from presslens.store.story_rows import DERIVED_TABLES, STORY_TABLES, story_layer_rows

if TYPE_CHECKING:
    from presslens.stories.derivations import Derivation

__all__ = ["ForgetResult", "IngestResult", "StaleVersion", "Store"]

log = logging.getLogger(__name__)

Status = Literal["added", "unchanged", "updated", "reanalysed", "restored"]
EXPORT_TABLES = ("articles", "article_versions", *RECORD_TABLES, "outlets", *STORY_TABLES)
_IDS = "(SELECT unnest(?::VARCHAR[]))"


@dataclass(frozen=True, slots=True)
class IngestResult:
    article_id: str
    version_id: str
    status: Status
    title: str | None = None
    source: str | None = None
    #: Why the body was cut short (its ``text_truncated`` flag), so the command can say so.
    truncated: str | None = None


@dataclass(frozen=True, slots=True)
class ForgetResult:
    article_id: str
    versions: int
    records: int


@dataclass(frozen=True, slots=True)
class StaleVersion:
    """A current version analysed by other presslens/model/lexicon versions than asked."""

    article_id: str
    version_id: str
    analysed_with: Versions


@dataclass(frozen=True, slots=True)
class _Prepared:
    document: Document
    article_id: str
    version_id: str
    flags: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Store(StoreReads):
    """A presslens store file: open, write through the use cases, read through ``StoreReads``."""

    def __init__(self, db: Database, *, outlets_file: str | Path | None = None) -> None:
        self.db = db
        self.outlets_file = outlets_file

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        outlets_file: str | Path | None = None,
        threads: int = 0,
        memory_limit: str = "",
    ) -> Store:
        """Open the store (creating and migrating it when writable).

        `outlets_file` extends the shipped outlet register (see ``store.outlets``);
        `threads` and `memory_limit` bound DuckDB (``Database.open``).
        """
        db = Database.open(path, read_only=read_only, threads=threads, memory_limit=memory_limit)
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db, outlets_file=outlets_file)

    def reader(self) -> Store:
        """A read-only Store over this writable one, for another thread (``Database.reader``).

        It sees each committed state without waiting for a write, and runs
        users' SQL on a copy of the last one (``store.snapshot``). Close it
        before this Store.
        """
        reader = Store(self.db.reader(), outlets_file=self.outlets_file)
        reader.query_snapshot = QuerySnapshot(self.db)
        return reader

    def close(self) -> None:
        if self.query_snapshot is not None:
            self.query_snapshot.close()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest -----------------------------------------------------------------------------------

    def ingest(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int = 256,
        refresh_stories: bool = True,
    ) -> list[IngestResult]:
        """Store analysed documents; their ingest flags are kept with the text for re-analysis."""
        results: list[IngestResult] = []
        items = iter(documents)
        while batch := list(islice(items, max(1, batch_size))):
            results.extend(self._ingest_batch([self._prepare(item) for item in batch]))
        if refresh_stories and any(r.status != "unchanged" for r in results):
            self.refresh_stories()
        return results

    def _prepare(self, document: Document) -> _Prepared:
        flags = [f for f in document.flags if f.origin == "ingest"]
        article_id = article_identity(document)
        return _Prepared(document, article_id, f"{article_id}:{content_hash(document)}", flags_json(flags))

    def _ingest_batch(self, batch: list[_Prepared]) -> list[IngestResult]:
        seen: set[str] = set()
        chunks: list[list[_Prepared]] = [[]]
        for item in batch:  # one article twice in a batch: write the first before deciding the second
            if item.article_id in seen:
                chunks.append([])
                seen.clear()
            seen.add(item.article_id)
            chunks[-1].append(item)
        results = []
        for chunk in chunks:
            try:
                results.extend(self._write(chunk))
            except StoreError:
                if len(chunk) == 1:
                    raise
                log.warning("a batch of %d failed; retrying one article per transaction", len(chunk))
                for item in chunk:
                    results.extend(self._write([item]))
        return results

    def _write(self, chunk: list[_Prepared]) -> list[IngestResult]:
        if not chunk:
            return []
        current = dict(
            self.db.fetch_all(
                f"SELECT article_id, current_version FROM articles WHERE article_id IN {_IDS}",
                [[c.article_id for c in chunk]],
            )
        )
        known = {
            row[0]: Versions(presslens=row[1], model=row[2], lexicons=row[3])
            for row in self.db.fetch_all(
                "SELECT version_id, presslens_version, model_version, lexicon_version FROM article_versions "
                f"WHERE version_id IN {_IDS}",
                [[c.version_id for c in chunk]],
            )
        }
        now = _now()
        results, new_versions, reanalysed, new_articles, switch = [], [], [], [], []
        for item in chunk:
            doc = item.document
            status: Status
            if item.version_id in known:
                same = known[item.version_id] == doc.versions
                is_current = current.get(item.article_id) == item.version_id
                status = "unchanged" if same and is_current else "restored" if same else "reanalysed"
                if status == "reanalysed":
                    reanalysed.append(item)
            else:
                status = "updated" if item.article_id in current else "added"
                new_versions.append(item)
                if status == "added":
                    new_articles.append(item)
            if status in ("updated", "restored") or (
                status == "reanalysed"
                and item.article_id in current
                and current[item.article_id] != item.version_id
            ):
                switch.append(item)
            cut = next((f.why for f in doc.flags if f.kind == "text_truncated"), None)
            results.append(IngestResult(item.article_id, item.version_id, status, doc.title, doc.source, cut))
        if not (new_versions or reanalysed or switch):
            return results
        with self.db.transaction():
            if reanalysed:
                ids = [i.version_id for i in reanalysed]
                for table in RECORD_TABLES:
                    self.db.execute(f"DELETE FROM {table} WHERE version_id IN {_IDS}", [ids])
                for item in reanalysed:
                    v = item.document.versions
                    self.db.execute(
                        "UPDATE article_versions SET document = ?, presslens_version = ?, model_version = ?, "
                        "lexicon_version = ?, analysed_at = ?, n_entities = ?, n_events = ?, n_claims = ?, "
                        "n_persuasion = ?, n_flags = ? WHERE version_id = ?",
                        [
                            item.document.to_json(indent=None),
                            v.presslens,
                            v.model,
                            v.lexicons,
                            now,
                            *record_counts(item.document),
                            item.version_id,
                        ],
                    )
            self.db.insert_rows(
                "article_versions", VERSION_COLUMNS, [self._version_row(i, now) for i in new_versions]
            )
            self.db.insert_rows(
                "articles",
                ("article_id", "current_version", "url", "outlet", "first_ingested", "updated_at"),
                [
                    (i.article_id, i.version_id, i.document.url, i.document.outlet, now, now)
                    for i in new_articles
                ],
            )
            for item in switch:
                self.db.execute(
                    "UPDATE article_versions SET is_current = (version_id = ?) WHERE article_id = ?",
                    [item.version_id, item.article_id],
                )
                self.db.execute(
                    "UPDATE articles SET current_version = ?, url = ?, outlet = ?, updated_at = ? "
                    "WHERE article_id = ?",
                    [item.version_id, item.document.url, item.document.outlet, now, item.article_id],
                )
            rows: dict[str, list[tuple]] = {table: [] for table in RECORD_TABLES}
            for item in [*new_versions, *reanalysed]:
                for table, table_rows in version_rows(
                    item.document, item.version_id, item.article_id
                ).tables.items():
                    rows[table].extend(table_rows)
            for table, columns in RECORD_TABLES.items():
                self.db.insert_rows(table, columns, rows[table])
        return results

    def _version_row(self, item: _Prepared, now: dt.datetime) -> tuple:
        d = item.document
        return (
            item.version_id,
            item.article_id,
            d.id,
            item.version_id.rsplit(":", 1)[1],
            True,
            d.title,
            d.url,
            d.outlet,
            d.author,
            d.source,
            d.section,
            d.published,
            d.published_as_printed,
            d.language,
            d.views,
            d.reading_time_minutes,
            list(d.subheadings),
            d.text,
            item.flags,
            d.to_json(indent=None),
            *record_counts(d),
            d.versions.presslens,
            d.versions.model,
            d.versions.lexicons,
            now,
            now,
        )

    # -- forget, re-analysis, export --------------------------------------------------------------

    def resolve_article(self, ref: str) -> str:
        """An article id from its id, a version id, its Document id or its URL."""
        rows = self.db.fetch_all(
            "SELECT DISTINCT article_id FROM article_versions "
            "WHERE article_id = ? OR version_id = ? OR document_id = ? OR url = ? ORDER BY article_id",
            [ref, ref, ref, ref],
        )
        if not rows:
            raise StoreError(f"no article {ref!r} in {self.db.path} (give an article id, document id or URL)")
        if len(rows) > 1:
            ids = ", ".join(r[0] for r in rows)
            raise StoreError(f"{ref!r} matches several articles ({ids}); give one article id")
        return rows[0][0]

    def forget(self, ref: str, *, refresh_stories: bool = True) -> ForgetResult:
        """Delete an article, all its versions and everything derived from it."""
        article_id = self.resolve_article(ref)
        counts = 0
        with self.db.transaction():
            for table in RECORD_TABLES:
                row = self.db.fetch_one(f"SELECT count(*) FROM {table} WHERE article_id = ?", [article_id])
                counts += row[0] if row else 0
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
            versions = self.db.fetch_one(
                "SELECT count(*) FROM article_versions WHERE article_id = ?", [article_id]
            )
            self.db.execute("DELETE FROM article_versions WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM articles WHERE article_id = ?", [article_id])
            for table in ("story_articles", "timeline_sources", "contradiction_sources"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        if refresh_stories:
            self.refresh_stories()
        return ForgetResult(article_id, versions[0] if versions else 0, counts)

    def stale_versions(self, versions: Versions) -> list[StaleVersion]:
        """Current versions analysed by anything other than `versions` (what reanalyze redoes)."""
        rows = self.db.fetch_all(
            "SELECT article_id, version_id, presslens_version, model_version, lexicon_version "
            "FROM article_versions WHERE is_current AND "
            "(presslens_version <> ? OR model_version <> ? OR lexicon_version <> ?) ORDER BY article_id",
            [versions.presslens, versions.model, versions.lexicons],
        )
        return [StaleVersion(r[0], r[1], Versions(presslens=r[2], model=r[3], lexicons=r[4])) for r in rows]

    def stored_article(self, version_id: str) -> Article:
        """The Article a version was analysed from (to analyse it again without re-fetching)."""
        rows = self.db.fetch_dicts(
            "SELECT document_id, title, url, outlet, author, source, section, published, "
            "published_as_printed, "
            "views, reading_time_minutes, subheadings, language, text, ingest_flags "
            "FROM article_versions WHERE version_id = ?",
            [version_id],
        )
        if not rows:
            raise StoreError(f"no article version {version_id!r} in {self.db.path}")
        row = rows[0]
        flags = [Flag.model_validate(f).from_ingest() for f in json.loads(row.pop("ingest_flags") or "[]")]
        row["id"] = row.pop("document_id")
        row["subheadings"] = tuple(row["subheadings"] or ())
        row["source"] = row["source"] or f"store:{version_id}"
        return Article(**row, flags=tuple(flags))

    def export_parquet(self, directory: str | Path) -> dict[str, int]:
        """Write every table to ``DIRECTORY/<table>.parquet``; returns rows per table."""
        import pyarrow.parquet as pq

        out = Path(directory)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{out}: cannot create the export folder: {exc.strerror}") from exc
        written = {}
        for table in EXPORT_TABLES:
            data = self.db.arrow(f"SELECT * FROM {table}")
            pq.write_table(data, out / f"{table}.parquet")
            written[table] = data.num_rows
        return written

    # -- the cross-article layer ------------------------------------------------------------------

    def refresh_stories(self, options: object = None, *, rebuild: bool = False) -> int:
        """Bring actors, stories, timelines, graphs and contradictions up to date; the story count.

        Actors and story membership are computed over every article; a story's
        timeline, graph and contradictions only when something they derive from
        changed (see ``stories.derivations``), so adding an article re-derives the
        stories it touches. `rebuild` derives every story from scratch (the same
        rows). A story merged into another leaves a redirect from its id.
        """
        from presslens.stories.layer import build_story_layer

        previous: dict[str, set[str]] = {}
        for story_id, article_id in self.db.fetch_all("SELECT story_id, article_id FROM story_articles"):
            previous.setdefault(story_id, set()).add(article_id)
        layer = build_story_layer(
            self.story_inputs(parties_only=True),
            previous={k: frozenset(v) for k, v in previous.items()},
            options=options,  # type: ignore[arg-type]
            corrections=self.timeline_corrections(),
            known={} if rebuild else self._derivations(),
            whole=self.story_inputs,
        )
        now = _now()
        tables = story_layer_rows(layer, computed_at=now, outlets=self.outlet_register())
        kept = [s.id for s in layer.stories if s.id not in layer.derived]
        with self.db.transaction():
            for table, (columns, rows) in tables.items():
                if table in DERIVED_TABLES:  # the kept stories' rows stay
                    self.db.execute(f"DELETE FROM {table} WHERE NOT list_contains(?, story_id)", [kept])
                else:
                    self.db.execute(f"DELETE FROM {table}")
                self.db.insert_rows(table, columns, rows)
            self._redirect(previous, layer.stories, now)
        return len(layer.stories)

    def _derivations(self) -> dict[str, Derivation]:
        from presslens.stories.derivations import Derivation

        return {
            story_id: Derivation(inputs, tuple(names), resolved, texts, origins)
            for story_id, inputs, names, resolved, texts, origins in self.db.fetch_all(
                "SELECT story_id, inputs, names, resolved, n_texts, n_origins FROM story_derivations"
            )
        }

    def _redirect(self, previous: dict[str, set[str]], stories: list[Story], now: dt.datetime) -> None:
        """Point each story id that is gone at the story now holding most of its articles.

        Links to a story (bookmarks, notes, another analyst's message) outlive a merge:
        its id keeps resolving, and earlier redirects to it follow it to its new home.
        """
        current = {s.id for s in stories}
        home_of = {a: s.id for s in stories for a in s.articles}
        self.db.execute("DELETE FROM story_redirects WHERE list_contains(?, old_id)", [sorted(current)])
        for old_id in sorted(set(previous) - current):
            homes = Counter(home_of[a] for a in previous[old_id] if a in home_of)
            if not homes:
                continue  # every article forgotten: the story is gone, not moved
            new_id = sorted(homes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            self.db.execute("UPDATE story_redirects SET story_id = ? WHERE story_id = ?", [new_id, old_id])
            self.db.execute("INSERT INTO story_redirects VALUES (?, ?, ?)", [old_id, new_id, now])

    # -- an analyst's corrections ---------------------------------------------------------------

    def correct_timeline(
        self, action: str, event: str, other: str | None = None, *, report: int | None = None
    ) -> TimelineCorrection:
        """Merge `other` into `event`, split report number `report` (1-based) off `event`, or hide it.

        The correction is stored by the reports it names (see ``stories.corrections``), applied
        at once, and again after every rebuild of the stories.
        """
        from presslens.stories.corrections import anchor_of

        found = self._timeline_event(event)
        if action == "merge":
            if other is None:
                raise StoreError("merge needs two timeline events: EVENT and OTHER")
            target = self._timeline_event(other)
            if target.id == found.id:
                raise StoreError(f"{event!r} and {other!r} are the same timeline event")
            correction = TimelineCorrection(action="merge", anchor=anchor_of(found.reports[0]),
                                            other=anchor_of(target.reports[0]))
        elif action == "split":
            if report is None or not 1 <= report <= len(found.reports):
                raise StoreError(f"split needs --report N, N from 1 to {len(found.reports)} (the reports of "
                                 f"{found.id} in the order `timeline` lists them)")
            if len(found.reports) == 1:
                raise StoreError(f"{found.id} has one report; there is nothing to split off")
            correction = TimelineCorrection(action="split", anchor=anchor_of(found.reports[report - 1]))
        elif action == "hide":
            correction = TimelineCorrection(action="hide", anchor=anchor_of(found.reports[0]))
        else:
            raise StoreError(f"unknown correction {action!r}: merge, split or hide")
        row = self.db.fetch_one("SELECT coalesce(max(position), 0) FROM timeline_corrections")
        a, b = correction.anchor, correction.other
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO timeline_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(row[0] if row else 0) + 1, correction.action, a.article, a.kind, a.start, a.end,
                 b.article if b else None, b.kind if b else None, b.start if b else None,
                 b.end if b else None, _now()],
            )
        self.refresh_stories()
        return correction

    def judge_contradiction(self, verdict: str, ref: str) -> StoryContradiction:
        """Dismiss or confirm the contradiction `ref` (its id or a unique prefix); `verdict` "clear"
        takes a verdict back. Kept by what the contradiction says (``stories.verdicts``), so it
        holds after re-ingest, `reanalyze` and a rebuild of the stories."""
        from presslens.stories.verdicts import VERDICTS, verdict_key

        if verdict not in (*VERDICTS, "clear"):
            raise StoreError(f"unknown verdict {verdict!r}: dismissed, confirmed or clear")
        rows = self.db.fetch_all(
            "SELECT DISTINCT story_id, contradiction_id FROM story_contradictions "
            "WHERE starts_with(contradiction_id, ?)", [ref]
        )
        if not rows:
            raise StoreError(f"no contradiction {ref!r} in {self.db.path} (see `presslens contradictions`)")
        if len(rows) > 1:
            raise StoreError(f"{ref!r} matches several contradictions; give more of the id")
        story_id, contradiction_id = rows[0]
        found = [c for c in self.contradictions(story_id, dismissed=True) if c.id == contradiction_id]
        key = verdict_key(found[0])
        with self.db.transaction():
            self.db.execute("DELETE FROM contradiction_verdicts WHERE verdict_key = ?", [key])
            if verdict != "clear":
                self.db.execute("INSERT INTO contradiction_verdicts VALUES (?, ?, ?, ?)",
                                [key, verdict, found[0].id, _now()])
        return found[0].model_copy(update={"verdict": None if verdict == "clear" else verdict})

    def timeline_corrections(self) -> list[TimelineCorrection]:
        """Every stored correction, in the order they were made."""
        corrections = []
        for r in self.db.fetch_dicts("SELECT * FROM timeline_corrections ORDER BY position"):
            other = None
            if r["other_article_id"]:
                other = ReportAnchor(article=r["other_article_id"], kind=r["other_kind"],
                                     start=r["other_start"], end=r["other_end"])
            corrections.append(TimelineCorrection(
                action=r["action"], other=other,
                anchor=ReportAnchor(article=r["article_id"], kind=r["kind"], start=r["evidence_start"],
                                    end=r["evidence_end"]),
            ))
        return corrections

    def _timeline_event(self, ref: str) -> TimelineEvent:
        """A timeline event by its id (or a unique prefix), hidden ones included."""
        rows = self.db.fetch_all(
            "SELECT DISTINCT story_id, event_id FROM timeline_events WHERE starts_with(event_id, ?)", [ref]
        )
        if not rows:
            raise StoreError(f"no timeline event {ref!r} in {self.db.path} (see `presslens timeline STORY`)")
        if len(rows) > 1:
            raise StoreError(f"{ref!r} matches several timeline events; give more of the id")
        story_id, event_id = rows[0]
        return next(e for e in self.story_timeline(story_id, hidden=True) if e.id == event_id)
