"""The store commands of ``presslens``: ingest, reanalyze, forget, export, stories, timeline,
contradictions, query. A thin layer over ``presslens.service_store`` and the store's read API.

Each command prints a readable table by default and the same data with
``--format json``; every command takes ``--store PATH`` (default
``./presslens.duckdb``). Errors, tables and exit statuses go through
``presslens.cli._edge``: a bad input never stops the others, and the exit
status is 1 when any input failed.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from presslens.cli._edge import (
    FieldOption,
    edge,
    exit_if_failed,
    fail,
    note,
    parse_field_option,
    parse_published_option,
    plural,
    say,
    stdout_console,
    table,
)
from presslens.errors import PresslensError
from presslens.report.terminal import json_safe

if TYPE_CHECKING:  # the store (DuckDB) is imported when a command runs, so `presslens --help` is fast
    from presslens.models import StoryContradiction, TimelineEvent
    from presslens.store import Store, StorySummary
    from presslens.store.outlets import OutletRegister

__all__ = ["Format", "register"]


class Format(enum.StrEnum):
    table = "table"
    json = "json"


StoreOption = Annotated[
    Path, typer.Option("--store", help="The store file (DuckDB).", envvar="PRESSLENS_STORE")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table (readable) or json.")]
RESULT_COLUMNS = ["status", "article", "title"]
STORY_COLUMNS = [
    "story", "dates", "articles", "outlets", "texts/origins", "events", "contradictions", "title", "actors"
]
TIMELINE_COLUMNS = ["date", "event", "actor", "target", "reported by", "evidence"]
CONTRADICTION_COLUMNS = ["topic", "value", "outlet", "article", "evidence"]
T = TypeVar("T")


def _read(store: Path, read: Callable[[Store], T], *, read_only: bool = True) -> T:
    """`read` over the store at `store`, opened for this call and closed before anything is printed."""
    from presslens.service_store import open_store

    with open_store(store, read_only=read_only) as st:
        return read(st)


def _json(data: Any) -> None:
    def plain(value: Any) -> Any:
        if hasattr(value, "model_dump"):
            return value.model_dump(mode="json")
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    typer.echo(json_safe(json.dumps(plain(data), ensure_ascii=False, indent=1, default=str)))


def _show(fmt: Format, data: Any, title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """`data` as JSON on stdout, or the table of `rows` (the same records, readable)."""
    if fmt is Format.json:
        _json(data)
    else:
        stdout_console().print(table(title, columns, rows))


def _short(text: str | None, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _result_rows(results: Sequence[Any]) -> list[list[Any]]:
    """One row per stored or re-analysed article (``ingest``, ``reanalyze``)."""
    return [[r.status, r.article_id, _short(r.title, 70)] for r in results]


def _story_row(s: StorySummary) -> list[Any]:
    story = s.story
    dates = f"{story.first_published} – {story.last_published}"
    return [
        story.id,
        dates,
        len(story.articles),
        len(story.outlets),
        _independent(story.texts, story.origins),
        s.events,
        s.contradictions,
        _short(story.title, 60),
        ", ".join(story.actors[:4]),
    ]


def _independent(texts: int | None, origins: int | None) -> str:
    """ "11/10": distinct texts and origins, when copies and one agency's stories count once."""
    if texts is None:
        return "?"  # a story written before migration 3 (presslens reanalyze recounts)
    return f"{texts}/{origins}"


def _timeline_row(e: TimelineEvent, register: OutletRegister | None = None) -> list[Any]:
    from presslens.store.outlets import one_side_state_media

    outlets = len(e.outlets)
    sources = ", ".join(o for o in e.outlets)
    notes = [f"{plural(outlets, 'outlet')}, {e.origins} independent"] if outlets > 1 else []
    if register is not None and (state := one_side_state_media(register.lookup(o) for o in e.outlets)):
        notes.append(state)
    if notes:
        sources += f" ({'; '.join(notes)})"
    return [
        f"{e.date}{' (published)' if e.date_source == 'published' else ''}",
        f"{e.type}/{e.mode}" if e.mode else e.type,
        e.actor,
        e.target,
        sources,
        _short(e.reports[0].evidence.text, 70),
    ]


def _contradiction_rows(items: Sequence[StoryContradiction]) -> Iterator[list[Any]]:
    """One row per source, the topic on the first row of each contradiction."""
    for c in items:
        for n, side in enumerate(c.sides):
            for s in side.sources:
                topic = (c.topic + (f" ({c.verdict})" if c.verdict else "")
                         if n == 0 and s is side.sources[0] else "")
                yield [topic, side.value, s.outlet, s.article, _short(s.evidence.text, 80)]


def _report_failure(item: object) -> None:
    """One line on stderr for an input, record or article that failed (the others go on), and a
    note for one whose body was cut short (its record says so too)."""
    if isinstance(item, PresslensError):
        fail(str(item))
    elif getattr(item, "truncated", None):
        note(f"{item.source or item.article_id}: {item.truncated}")


def ingest(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories or URLs.")],
    store: StoreOption = Path("presslens.duckdb"),
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    fmt: FormatOption = Format.table,
    field: FieldOption = None,
    server: Annotated[
        str | None,
        typer.Option(help="Send the articles to a `presslens serve --ingest` at this address, which "
                          "owns its store, instead of writing --store.", envvar="PRESSLENS_SERVER"),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(help="The server's token (bound beyond localhost).", envvar="PRESSLENS_TOKEN"),
    ] = None,
) -> None:
    """Analyse articles and store them (unchanged articles are skipped, edits kept as versions)."""
    from presslens.service_store import ingest_paths

    when = parse_published_option(published)
    fields = parse_field_option(field)

    with edge():
        if server:
            from presslens.remote_ingest import send_to_server

            summary = send_to_server(
                paths, server, token=token, published=when, fields=fields, on_item=_report_failure
            )
        else:
            summary = _read(
                store,
                lambda st: ingest_paths(paths, st, published=when, fields=fields, on_item=_report_failure),
                read_only=False,
            )
        data = {
            "results": [dataclasses.asdict(r) for r in summary.results],
            "errors": [str(e) for e in summary.errors],
            "stories": summary.stories,
        }
        stories = plural(summary.stories, "story", "stories")
        title = f"{server or store}: {len(summary.results)} stored, {len(summary.errors)} failed, {stories}"
        _show(fmt, data, title, RESULT_COLUMNS, _result_rows(summary.results))
    exit_if_failed(len(summary.errors))


def reanalyze(
    store: StoreOption = Path("presslens.duckdb"),
    limit: Annotated[int | None, typer.Option(help="At most this many articles.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Analyse again the articles older presslens, model or lexicon versions produced."""
    from presslens.service_store import reanalyze as run

    with edge():
        summary = _read(store, lambda st: run(st, limit=limit, on_item=_report_failure), read_only=False)
        data = {
            "results": [dataclasses.asdict(r) for r in summary.results],
            "errors": [str(e) for e in summary.errors],
            "stories": summary.stories,
        }
        title = f"{store}: {len(summary.results)} re-analysed, {len(summary.errors)} failed"
        _show(fmt, data, title, RESULT_COLUMNS, _result_rows(summary.results))
    exit_if_failed(len(summary.errors))


def forget(
    article: Annotated[str, typer.Argument(help="Article id, document id or URL.")],
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
) -> None:
    """Delete an article, all its versions and everything derived from it."""
    with edge():
        result = _read(store, lambda st: st.forget(article), read_only=False)
        if fmt is Format.json:
            _json(dataclasses.asdict(result))
            return
        versions, records = plural(result.versions, "version"), plural(result.records, "record")
        typer.echo(f"forgot {result.article_id}: {versions}, {records}")


def export(
    parquet: Annotated[Path, typer.Option("--parquet", help="Folder to write one .parquet per table.")],
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
) -> None:
    """Export every table of the store to Parquet."""
    with edge():
        written = _read(store, lambda st: st.export_parquet(parquet), read_only=False)
        _show(fmt, written, f"{parquet}", ["table", "rows"], written.items())


def stories(
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="First derive every story again from scratch (each ingest "
                                             "updates only the stories it touches); corrections are kept.")
    ] = False,
) -> None:
    """List the stories: articles grouped by shared actors and terms in a time window."""
    with edge():
        if rebuild:
            n = _read(store, lambda st: st.refresh_stories(rebuild=True), read_only=False)
            note(f"rebuilt {plural(n, 'story', 'stories')} from scratch")
        items = _read(store, lambda st: st.list_stories())
        _show(fmt, items, "stories", STORY_COLUMNS, map(_story_row, items))


def timeline(
    story: Annotated[str, typer.Argument(help="Story id (or a unique prefix).")],
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
    show_hidden: Annotated[
        bool, typer.Option("--all", help="Also the events hidden with `presslens correct hide` and the "
                                          "low-confidence events only one article tells.")
    ] = False,
) -> None:
    """The story's de-duplicated event timeline, each event with every outlet reporting it."""
    with edge():
        events, register = _read(store, lambda st: (st.story_timeline(story, hidden=show_hidden),
                                                    st.outlet_register()))
        rows = (_timeline_row(e, register) for e in events)
        _show(fmt, events, f"timeline of {story}", TIMELINE_COLUMNS, rows)


class Correction(enum.StrEnum):
    merge = "merge"
    split = "split"
    hide = "hide"


def correct(
    action: Annotated[Correction, typer.Argument(help="merge two events, split a report off, or hide one.")],
    event: Annotated[str, typer.Argument(help="Timeline event id (or a unique prefix), from `timeline`.")],
    other: Annotated[str | None, typer.Argument(help="merge: the event merged into EVENT.")] = None,
    report: Annotated[
        int | None, typer.Option(help="split: which report of EVENT (1 = first, as `timeline` lists them).")
    ] = None,
    store: StoreOption = Path("presslens.duckdb"),
) -> None:
    """Correct a story timeline; the correction is kept and applied again after every rebuild."""
    with edge():
        _read(store, lambda st: st.correct_timeline(action.value, event, other, report=report),
              read_only=False)
        done = {"merge": f"merged {other} into {event}", "split": f"split report {report} off {event}",
                "hide": f"hid {event} (shown with `timeline --all`)"}[action.value]
        say(f"presslens: {done}")


def contradictions(
    story: Annotated[
        str | None, typer.Argument(help="Story id (or prefix); all stories when omitted.")
    ] = None,
    store: StoreOption = Path("presslens.duckdb"),
    fmt: FormatOption = Format.table,
    show_dismissed: Annotated[
        bool, typer.Option("--all", help="Also the contradictions dismissed with `presslens judge dismiss`.")
    ] = False,
) -> None:
    """Where outlets disagree: cause of death, counts, who acted, dates — side by side with sources."""
    with edge():
        items = _read(store, lambda st: st.contradictions(story, dismissed=show_dismissed))
        _show(fmt, items, "contradictions", CONTRADICTION_COLUMNS, _contradiction_rows(items))


class Verdict(enum.StrEnum):
    dismiss = "dismiss"
    confirm = "confirm"
    clear = "clear"


def judge(
    verdict: Annotated[
        Verdict, typer.Argument(help="dismiss a contradiction, confirm it, or clear the verdict.")
    ],
    contradiction: Annotated[str, typer.Argument(help="Contradiction id (or a unique prefix), from "
                                                      "`contradictions --format json`.")],
    store: StoreOption = Path("presslens.duckdb"),
) -> None:
    """Record an analyst's verdict on a contradiction; it holds after re-ingest and rebuilds."""
    from presslens.stories.verdicts import JUDGEMENTS

    stored = JUDGEMENTS[verdict.value]
    with edge():
        found = _read(store, lambda st: st.judge_contradiction(stored, contradiction), read_only=False)
        done = {"dismiss": "dismissed (listed with `contradictions --all`)", "confirm": "confirmed",
                "clear": "no longer judged"}[verdict.value]
        say(f"presslens: {found.id} ({found.topic}) {done}")


def query(
    sql: Annotated[str, typer.Argument(help="One SELECT statement (read-only; no file access).")],
    store: StoreOption = Path("presslens.duckdb"),
    max_rows: Annotated[int, typer.Option(min=1, help="Print at most this many rows.")] = 1000,
    timeout: Annotated[
        float | None,
        typer.Option(min=0.1, help="Stop the query after this many seconds (setting query_timeout)."),
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Run a read-only SQL query on the store (in its own process, with time, size and memory limits)."""
    from presslens.settings import load_settings
    from presslens.store import QueryLimits

    with edge():
        settings = load_settings()
        limits = QueryLimits.from_settings(settings, max_rows=max_rows)
        if timeout is not None:
            limits = dataclasses.replace(limits, seconds=timeout)
        result = _read(store, lambda st: st.query(sql, limits=limits))
        if result.cut == "rows":
            note(f"output cut at {plural(max_rows, 'row')} (--max-rows)")
        elif result.cut == "bytes":
            note(f"output cut at {plural(len(result.rows), 'row')}: the result passed "
                 f"{limits.max_bytes:,} bytes (setting query_max_bytes)")
        title = f"{plural(len(result.rows), 'row')}{' (cut short)' if result.truncated else ''}"
        _show(fmt, result.as_dicts(), title, list(result.columns), result.rows)


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``presslens`` app."""
    commands = (ingest, reanalyze, forget, export, stories, timeline, correct, contradictions, judge, query)
    for command in commands:
        app.command()(command)
