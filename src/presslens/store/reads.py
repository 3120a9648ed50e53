"""The read API of the store: what the CLI and the web UI show.

Every method returns typed records (pydantic, so FastAPI serialises them as
they are) and runs a bounded number of parameterised queries; the article
list reads only version rows (record counts are kept there at ingest), so
list, article and story pages stay fast on a store of 10,000 articles (see
``benchmarks/store.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from presslens.errors import StoreError
from presslens.models import Document, Versions
from presslens.store.database import READ_ONLY_CONFIG, Database
from presslens.store.outlets import OutletInfo, OutletRegister, load_outlets
from presslens.store.snapshot import QuerySnapshot
from presslens.store.story_inputs import story_inputs
from presslens.store.story_rows import (
    contradictions_from_rows,
    graph_from_rows,
    story_from_row,
    timeline_from_rows,
)
from presslens.store.user_query import QueryLimits, QueryResult, run_user_query
from presslens.stories.actors import fold_name, latin_name
from presslens.stories.records import (
    ActorGraph,
    Story,
    StoryContradiction,
    StoryInput,
    TimelineEvent,
)
from presslens.stories.timeline import SHOWN_CONFIDENCE
from presslens.stories.verdicts import apply_verdicts

__all__ = [
    "ArticleFilter",
    "ArticlePage",
    "ArticleSummary",
    "ArticleVersion",
    "StoreReads",
    "StoredArticle",
    "StorySummary",
    "StoryView",
]


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class ArticleSummary(_View):
    """One row of the article list."""

    id: str
    version_id: str
    title: str | None
    outlet: str | None
    outlet_info: OutletInfo | None = None
    url: str | None
    published: dt.date | None
    language: str | None
    story: str | None
    entities: int = 0
    events: int = 0
    claims: int = 0
    persuasion: int = 0
    flags: int = 0
    versions: int = 1
    genre: str | None = None  # the persuasion summary's guess: straight_news, analysis, opinion
    persuasion_density: float | None = None  # persuasive spans per 1,000 words in the outlet's voice


class ArticlePage(_View):
    total: int
    limit: int
    offset: int
    items: tuple[ArticleSummary, ...]


class ArticleVersion(_View):
    """One stored version of an article's text (edits are kept as evidence)."""

    version_id: str
    content_hash: str
    is_current: bool
    title: str | None
    ingested_at: dt.datetime
    analysed_at: dt.datetime
    versions: Versions


class StoredArticle(_View):
    """An article with all its records, its outlet, its story and its version history."""

    id: str
    version_id: str
    is_current: bool
    document: Document
    outlet_info: OutletInfo | None = None
    story: str | None = None
    history: tuple[ArticleVersion, ...] = ()


class StorySummary(_View):
    story: Story
    events: int
    contradictions: int


class StoryView(_View):
    """A story page: the story, its articles, timeline, actor graph and contradictions."""

    story: Story
    articles: tuple[ArticleSummary, ...]
    timeline: tuple[TimelineEvent, ...]
    graph: ActorGraph
    contradictions: tuple[StoryContradiction, ...]


@dataclass(frozen=True)
class ArticleFilter:
    """Article list filters; None means "any". `search` matches title or text, case-insensitively."""

    search: str | None = None
    outlet: str | None = None
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    actor: str | None = None
    event_type: str | None = None
    story: str | None = None


#: Spellings a search looks for: the query, its romanisation, and the spellings of what it names.
_MAX_SEARCH_TERMS = 12
#: The shortest surname searched for on its own.
_MIN_SURNAME_TERM = 5

_SUMMARY_SELECT = (
    "SELECT v.article_id, v.version_id, v.title, v.outlet, v.url, v.published, v.language, sa.story_id, "
    "v.n_entities, v.n_events, v.n_claims, v.n_persuasion, v.n_flags, "
    "(SELECT count(*) FROM article_versions x WHERE x.article_id = v.article_id) AS n_versions, "
    "json_extract_string(v.document, '$.persuasion_summary.genre'), "
    "TRY_CAST(json_extract_string(v.document, '$.persuasion_summary.per_1000_words') AS DOUBLE) "
    "FROM article_versions v LEFT JOIN story_articles sa ON sa.article_id = v.article_id "
)


class StoreReads:
    """Read use cases; mixed into ``Store`` (needs ``self.db`` and ``self.outlets_file``)."""

    db: Database
    outlets_file: Any = None
    #: Where a reader of a store this process writes runs users' SQL (``Store.reader``).
    query_snapshot: QuerySnapshot | None = None
    _register: OutletRegister | None = None

    # -- outlets ----------------------------------------------------------------------------------

    def outlet_register(self) -> OutletRegister:
        if self._register is None:
            self._register = load_outlets(self.outlets_file)
        return self._register

    def outlet_info(self, outlet: str | None, url: str | None = None) -> OutletInfo | None:
        return self.outlet_register().lookup(outlet, url)

    # -- articles ---------------------------------------------------------------------------------

    def _summaries(self, where: str, params: list[Any], tail: str = "", tail_params: Sequence[Any] = ()):
        rows = self.db.fetch_all(_SUMMARY_SELECT + where + tail, [*params, *tail_params])
        return tuple(
            ArticleSummary(
                id=r[0],
                version_id=r[1],
                title=r[2],
                outlet=r[3],
                outlet_info=self.outlet_info(r[3], r[4]),
                url=r[4],
                published=r[5],
                language=r[6],
                story=r[7],
                entities=r[8] or 0,
                events=r[9] or 0,
                claims=r[10] or 0,
                persuasion=r[11] or 0,
                flags=r[12] or 0,
                versions=r[13],
                genre=r[14],
                persuasion_density=r[15],
            )
            for r in rows
        )

    def _actor_names(self, actor: str) -> list[str]:
        row = self.db.fetch_one(
            "SELECT a.variants FROM actor_names n JOIN actors a ON a.actor_key = n.actor_key "
            "WHERE n.name = ?",
            [fold_name(actor)],
        )
        return list(row[0]) if row and row[0] else [actor]

    def _search_terms(self, query: str) -> list[str]:
        """The query, lower case, with its romanisation and the other spellings of the person or
        body it names in the store's actors, so a search in either script finds both ("Мамедов"
        finds "Mammadov", "Mammadov" finds "Мамедова": the actors link the names across scripts).
        At most `_MAX_SEARCH_TERMS`, the query first."""
        terms = [query.lower(), latin_name(query).lower()]
        folded = fold_name(query)
        if folded:  # lower-case Latin letters, digits and spaces: safe inside LIKE
            rows = self.db.fetch_all(
                "SELECT DISTINCT unnest(a.variants) FROM actor_names n JOIN actors a "
                "ON a.actor_key = n.actor_key WHERE n.name LIKE ? OR n.name LIKE ?",
                [f"{folded}%", f"% {folded}%"],  # at a word's start: "mamedov" finds "mamedova"
            )
            variants = sorted(str(row[0]).lower() for row in rows if row[0])
            # and each spelling's last word, which a Russian text declines by its ending only
            # ("Ильхама Мамедова"); long enough not to find every "Volkov" for "Volk"
            terms += variants + [v.split()[-1] for v in variants if len(v.split()) > 1
                                 and len(v.split()[-1]) >= _MIN_SURNAME_TERM]
        return list(dict.fromkeys(t for t in terms if t.strip()))[:_MAX_SEARCH_TERMS]

    def _where(self, f: ArticleFilter) -> tuple[str, list[Any]]:
        clauses, params = ["v.is_current"], []
        if f.search:
            terms = self._search_terms(f.search)
            either = "contains(lower(v.title), ?) OR contains(lower(v.text), ?)"
            clauses.append("(" + " OR ".join([either] * len(terms)) + ")")
            params += [t for term in terms for t in (term, term)]
        if f.outlet:
            clauses.append("lower(v.outlet) = ?")
            params.append(f.outlet.lower())
        if f.published_from:
            clauses.append("v.published >= ?")
            params.append(f.published_from)
        if f.published_to:
            clauses.append("v.published <= ?")
            params.append(f.published_to)
        if f.actor:
            clauses.append(
                "v.version_id IN (SELECT version_id FROM entities "
                "WHERE canonical IN (SELECT unnest(?::VARCHAR[])))"
            )
            params.append(self._actor_names(f.actor))
        if f.event_type:
            clauses.append("v.version_id IN (SELECT version_id FROM events WHERE type = ?)")
            params.append(f.event_type.upper())
        if f.story:
            clauses.append("sa.story_id = ?")
            params.append(self.resolve_story(f.story))
        return "WHERE " + " AND ".join(clauses), params

    def list_articles(
        self, filters: ArticleFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> ArticlePage:
        """A page of current articles, newest first, matching `filters`."""
        limit, offset = max(1, min(limit, 500)), max(0, offset)
        where, params = self._where(filters or ArticleFilter())
        total = self.db.fetch_one(
            "SELECT count(*) FROM article_versions v "
            "LEFT JOIN story_articles sa ON sa.article_id = v.article_id " + where,
            params,
        )
        items = self._summaries(
            where,
            params,
            " ORDER BY v.published DESC NULLS LAST, v.article_id LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return ArticlePage(total=total[0] if total else 0, limit=limit, offset=offset, items=items)

    def article_history(self, article_id: str) -> tuple[ArticleVersion, ...]:
        rows = self.db.fetch_all(
            "SELECT version_id, content_hash, is_current, title, ingested_at, analysed_at, "
            "presslens_version, "
            "model_version, lexicon_version FROM article_versions WHERE article_id = ? "
            "ORDER BY ingested_at, version_id",
            [article_id],
        )
        return tuple(
            ArticleVersion(
                version_id=r[0],
                content_hash=r[1],
                is_current=r[2],
                title=r[3],
                ingested_at=r[4],
                analysed_at=r[5],
                versions=Versions(presslens=r[6], model=r[7], lexicons=r[8]),
            )
            for r in rows
        )

    def get_article(self, article_id: str, *, version_id: str | None = None) -> StoredArticle:
        """The current (or the given) version of an article, with every record."""
        row = self.db.fetch_one(
            "SELECT v.version_id, v.is_current, v.document, v.outlet, v.url, sa.story_id "
            "FROM article_versions v "
            "LEFT JOIN story_articles sa ON sa.article_id = v.article_id "
            "WHERE v.article_id = ? AND (v.version_id = ? OR (? IS NULL AND v.is_current))",
            [article_id, version_id, version_id],
        )
        if row is None:
            raise StoreError(
                f"no article {article_id!r}" + (f" version {version_id!r}" if version_id else "")
            )
        return StoredArticle(
            id=article_id,
            version_id=row[0],
            is_current=row[1],
            document=Document.from_json(row[2]),
            outlet_info=self.outlet_info(row[3], row[4]),
            story=row[5],
            history=self.article_history(article_id),
        )

    # -- stories ----------------------------------------------------------------------------------

    def resolve_story(self, ref: str) -> str:
        """A story id from its id or a unique prefix of it."""
        rows = self.db.fetch_all(
            "SELECT story_id FROM stories WHERE story_id = ? OR starts_with(story_id, ?) ORDER BY story_id",
            [ref, ref],
        )
        exact = [r[0] for r in rows if r[0] == ref]
        if exact:
            return exact[0]
        if len(rows) == 1:
            return rows[0][0]
        if not rows:
            if (moved := self.redirected_story(ref)) is not None:
                return moved
            raise StoreError(f"no story {ref!r} (see `presslens stories`)")
        raise StoreError(f"{ref!r} matches {len(rows)} stories; give more of the id")

    def redirected_story(self, ref: str) -> str | None:
        """The story that a story id no longer shown was merged into (its id or a unique prefix)."""
        rows = self.db.fetch_all(
            "SELECT old_id, story_id FROM story_redirects WHERE old_id = ? OR starts_with(old_id, ?)",
            [ref, ref],
        )
        exact = [new for old, new in rows if old == ref]
        if exact:
            return exact[0]
        return rows[0][1] if len(rows) == 1 and ref else None

    def _stories(self, where: str = "", params: Sequence[Any] = ()) -> list[Story]:
        rows = self.db.fetch_dicts(f"SELECT * FROM stories {where}", params)
        members: dict[str, list[tuple]] = {}
        for story_id, article_id, outlet, _published in self.db.fetch_all(
            "SELECT sa.story_id, sa.article_id, v.outlet, v.published FROM story_articles sa "
            "JOIN article_versions v ON v.article_id = sa.article_id AND v.is_current "
            + ("WHERE sa.story_id = ? " if params else "")
            + "ORDER BY v.published NULLS LAST, sa.article_id",
            list(params),
        ):
            members.setdefault(story_id, []).append((article_id, outlet))
        return [
            story_from_row(
                r,
                [a for a, _ in members.get(r["story_id"], [])],
                dict.fromkeys(o for _, o in members.get(r["story_id"], []) if o),
            )
            for r in rows
        ]

    def list_stories(self) -> list[StorySummary]:
        """Stories, most recent first, with their timeline and contradiction counts."""
        events = dict(self.db.fetch_all("SELECT story_id, count(*) FROM timeline_events GROUP BY story_id"))
        contra = dict(
            self.db.fetch_all("SELECT story_id, count(*) FROM story_contradictions GROUP BY story_id")
        )
        stories = sorted(
            self._stories(),
            key=lambda s: (s.last_published or dt.date.min, len(s.articles), s.id),
            reverse=True,
        )
        return [
            StorySummary(story=s, events=events.get(s.id, 0), contradictions=contra.get(s.id, 0))
            for s in stories
        ]

    def story_timeline(self, ref: str, *, hidden: bool = False) -> list[TimelineEvent]:
        """A story's timeline. Only with `hidden`: the events an analyst hid, and the events a single
        article tells at low confidence (``stories.timeline.SHOWN_CONFIDENCE``)."""
        story_id = self.resolve_story(ref)
        shown = "" if hidden else (
            " AND NOT coalesce(hidden, false) AND (coalesce(confidence, 1.0) >= ? OR n_articles >= 2)"
        )
        params: list[object] = [story_id] if hidden else [story_id, SHOWN_CONFIDENCE]
        events = self.db.fetch_dicts(
            f"SELECT * FROM timeline_events WHERE story_id = ?{shown} ORDER BY position", params
        )
        sources = self.db.fetch_dicts(
            "SELECT * FROM timeline_sources WHERE story_id = ? ORDER BY event_id, article_id, event_index",
            [story_id],
        )
        return timeline_from_rows(events, sources)

    def story_graph(self, ref: str) -> ActorGraph:
        story_id = self.resolve_story(ref)
        edges = self.db.fetch_dicts(
            "SELECT * FROM actor_edges WHERE story_id = ? ORDER BY count DESC, source_key, target_key, type",
            [story_id],
        )
        return graph_from_rows(story_id, edges)

    def contradictions(
        self, story: str | None = None, *, dismissed: bool = False
    ) -> list[StoryContradiction]:
        """Cross-source contradictions of one story, or of every story, with the analysts'
        verdicts; the dismissed ones only when `dismissed` (see ``stories.verdicts``)."""
        where, params = ("WHERE story_id = ?", [self.resolve_story(story)]) if story else ("", [])
        headers = self.db.fetch_dicts(
            f"SELECT * FROM story_contradictions {where} ORDER BY story_id, topic", params
        )
        sources = self.db.fetch_dicts(
            f"SELECT * FROM contradiction_sources {where} "
            "ORDER BY contradiction_id, side, article_id, item_index",
            params,
        )
        verdicts = dict(self.db.fetch_all("SELECT verdict_key, verdict FROM contradiction_verdicts"))
        return apply_verdicts(contradictions_from_rows(headers, sources), verdicts, dismissed=dismissed)

    def get_story(self, ref: str) -> StoryView:
        """Everything the story page shows, in one call."""
        story_id = self.resolve_story(ref)
        stories = self._stories("WHERE story_id = ?", [story_id])
        articles = self._summaries(
            "WHERE v.is_current AND sa.story_id = ?",
            [story_id],
            " ORDER BY v.published NULLS LAST, v.article_id",
        )
        return StoryView(
            story=stories[0],
            articles=articles,
            timeline=tuple(self.story_timeline(story_id)),
            graph=self.story_graph(story_id),
            contradictions=tuple(self.contradictions(story_id)),
        )

    # -- SQL --------------------------------------------------------------------------------------

    def query(
        self,
        sql: str,
        params: Sequence[Any] = (),
        *,
        limits: QueryLimits | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> QueryResult:
        """A user's SELECT, in a child process under `limits` (``store.user_query``).

        Only on a read-only store: a writer holds DuckDB's lock on the file. A
        reader of a store this process writes (``Store.reader``) runs it on
        a copy of the last committed state (``store.snapshot``).
        """
        if not self.db.read_only:
            raise StoreError(
                f"{self.db.path}: user SQL runs only on a store opened read-only "
                "(Store.open(..., read_only=True))"
            )
        path = self.query_snapshot.path() if self.query_snapshot is not None else self.db.path
        return run_user_query(
            path, sql, params, limits or QueryLimits(), config=READ_ONLY_CONFIG, cancelled=cancelled
        )

    def story_inputs(
        self, article_ids: Sequence[str] | None = None, *, parties_only: bool = False
    ) -> list[StoryInput]:
        """The current version of every article (or of `article_ids`), as the story functions read
        it; see ``store.story_inputs``."""
        return story_inputs(self.db, article_ids, parties_only=parties_only)
