"""The store commands of ``presslens``: ingest, reanalyze, forget, export, stories, timeline,
contradictions, query. A thin layer over ``presslens.service_store`` and the store's read API.

Each command prints a readable table by default and the same data with
``--format json``; every command takes ``--store PATH`` (default
``./presslens.duckdb``). Errors are one line on stderr; a bad input never
stops the others, and the exit status is 1 when any input failed.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from presslens.errors import IngestError, PresslensError

__all__ = ["register"]

err_console = Console(stderr=True, highlight=False)


class Format(enum.StrEnum):
    table = "table"
    json = "json"


StoreOption = Annotated[
    Path, typer.Option("--store", help="The store file (DuckDB).", envvar="PRESSLENS_STORE")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table (readable) or json.")]


def _fail(message: str) -> None:
    err_console.print(f"[bold red]presslens: error:[/] {message}", markup=True, soft_wrap=True)


@contextmanager
def _edge() -> Iterator[None]:
    """Library errors become one line and exit status 1."""
    try:
        yield
    except PresslensError as exc:
        _fail(str(exc))
        raise typer.Exit(1) from None
    except typer.Exit:
        raise
    except Exception as exc:
        if os.environ.get("PRESSLENS_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set PRESSLENS_DEBUG=1 for the traceback)")
        raise typer.Exit(1) from None


def _open(store: Path, *, read_only: bool):
    from presslens.service_store import open_store

    return open_store(store, read_only=read_only)


def _json(data: Any) -> None:
    def plain(value: Any) -> Any:
        if hasattr(value, "model_dump"):
            return value.model_dump(mode="json")
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    typer.echo(json.dumps(plain(data), ensure_ascii=False, indent=1, default=str))


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    Console(width=None if Console().is_terminal else 160).print(table)


def _short(text: str | None, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def ingest(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories or URLs.")],
    store: StoreOption = Path("presslens.duckdb"),
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Analyse articles and store them (unchanged articles are skipped, edits kept as versions)."""
    from presslens.service import parse_published
    from presslens.service_store import ingest_paths

    try:
        when = parse_published(published)
    except PresslensError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from exc

    def report(item: object) -> None:
        if isinstance(item, IngestError):
            _fail(str(item))

    with _edge(), _open(store, read_only=False) as st:
        summary = ingest_paths(paths, st, published=when, on_item=report)
    if fmt is Format.json:
        _json(
            {
                "results": [dataclasses.asdict(r) for r in summary.results],
                "errors": [str(e) for e in summary.errors],
                "stories": summary.stories,
            }
        )
    else:
        _table(
            f"{store}: {len(summary.results)} stored, {len(summary.errors)} failed, "
            f"{summary.stories} stories",
            ["status", "article", "title"],
            [[r.status, r.article_id, _short(r.title, 70)] for r in summary.results],
        )
    if summary.errors:
        raise typer.Exit(1)


def reanalyze(
    store: StoreOption = Path("presslens.duckdb"),
    limit: Annotated[int | None, typer.Option(help="At most this many articles.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Analyse again the articles older presslens, model or lexicon versions produced."""
    from presslens.service_store import reanalyze as run

    with _edge(), _open(store, read_only=False) as st:
        summary = run(st, limit=limit)
    if fmt is Format.json:
        _json({"results": [dataclasses.asdict(r) for r in summary.results], "stories": summary.stories})
    else:
        _table(
            f"{store}: {len(summary.results)} re-analysed",
            ["status", "article", "title"],
            [[r.status, r.article_id, _short(r.title, 70)] for r in summary.results],
        )


def forget(
    article: Annotated[str, typer.Argument(help="Article id, document id or URL.")],
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
) -> None:
    """Delete an article, all its versions and everything derived from it."""
    with _edge(), _open(store, read_only=False) as st:
        result = st.forget(article)
    if fmt is Format.json:
        _json(dataclasses.asdict(result))
    else:
        typer.echo(f"forgot {result.article_id}: {result.versions} version(s), {result.records} record(s)")


def export(
    parquet: Annotated[Path, typer.Option("--parquet", help="Folder to write one .parquet per table.")],
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
) -> None:
    """Export every table of the store to Parquet."""
    with _edge(), _open(store, read_only=False) as st:
        written = st.export_parquet(parquet)
    if fmt is Format.json:
        _json(written)
    else:
        _table(f"{parquet}", ["table", "rows"], [[t, n] for t, n in written.items()])


def stories(store: StoreOption = Path("presslens.duckdb"), fmt: FormatOption = Format.table) -> None:
    """List the stories: articles grouped by shared actors and terms in a time window."""
    with _edge(), _open(store, read_only=True) as st:
        items = st.list_stories()
    if fmt is Format.json:
        _json(items)
        return
    _table(
        "stories",
        ["story", "dates", "articles", "outlets", "events", "contradictions", "title", "actors"],
        [
            [
                s.story.id,
                f"{s.story.first_published} – {s.story.last_published}",
                len(s.story.articles),
                len(s.story.outlets),
                s.events,
                s.contradictions,
                _short(s.story.title, 60),
                ", ".join(s.story.actors[:4]),
            ]
            for s in items
        ],
    )


def timeline(
    story: Annotated[str, typer.Argument(help="Story id (or a unique prefix).")],
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
) -> None:
    """The story's de-duplicated event timeline, each event with every outlet reporting it."""
    with _edge(), _open(store, read_only=True) as st:
        events = st.story_timeline(story)
    if fmt is Format.json:
        _json(events)
        return
    _table(
        f"timeline of {story}",
        ["date", "event", "actor", "target", "reported by", "evidence"],
        [
            [
                f"{e.date}{' (published)' if e.date_source == 'published' else ''}",
                f"{e.type}/{e.mode}" if e.mode else e.type,
                e.actor,
                e.target,
                ", ".join(o for o in e.outlets),
                _short(e.reports[0].evidence.text, 70),
            ]
            for e in events
        ],
    )


def contradictions(
    story: Annotated[
        str | None, typer.Argument(help="Story id (or prefix); all stories when omitted.")
    ] = None,
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
) -> None:
    """Where outlets disagree: cause of death, counts, who acted, dates — side by side with sources."""
    with _edge(), _open(store, read_only=True) as st:
        items = st.contradictions(story)
    if fmt is Format.json:
        _json(items)
        return
    rows = []
    for c in items:
        for n, side in enumerate(c.sides):
            for s in side.sources:
                rows.append(
                    [
                        c.topic if n == 0 and s is side.sources[0] else "",
                        side.value,
                        s.outlet,
                        s.article,
                        _short(s.evidence.text, 80),
                    ]
                )
    _table("contradictions", ["topic", "value", "outlet", "article", "evidence"], rows)


def query(
    sql: Annotated[str, typer.Argument(help="One SELECT statement (read-only; no file access).")],
    store: StoreOption = Path("presslens.duckdb"),
    max_rows: Annotated[int, typer.Option(help="Print at most this many rows.")] = 1000,
    fmt: FormatOption = Format.table,
) -> None:
    """Run a read-only SQL query on the store."""
    with _edge(), _open(store, read_only=True) as st:
        result = st.query(sql, max_rows=max_rows)
    if fmt is Format.json:
        _json(result.as_dicts())
    else:
        _table(
            f"{len(result.rows)} row(s){' (truncated)' if result.truncated else ''}",
            list(result.columns),
            [list(r) for r in result.rows],
        )


def register(app: typer.Typer) -> None:
    """Add the store commands to the `presslens` app."""
    for command in (ingest, reanalyze, forget, export, stories, timeline, contradictions, query):
        app.command()(command)
