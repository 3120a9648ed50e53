"""The readable terminal report (`presslens analyze --format text`), drawn with rich.

Every string from the article reaches Rich as ``report.terminal.cell`` text: never markup, its
control characters shown, not obeyed.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from presslens.models import Document
from presslens.report.highlight import adds_name, entity_groups
from presslens.report.terminal import cell

__all__ = ["print_text_report"]

_LABEL_STYLE = {
    "PERSON": "cyan",
    "ORG": "yellow",
    "GPE": "green",
    "LOC": "green",
    "FAC": "green",
    "NORP": "magenta",
}


def _row(table: Table, *cells: object) -> None:
    """A row of data: every cell plain text, shown, never markup (``report.terminal``)."""
    table.add_row(*(cell(c) for c in cells))


def _header(doc: Document) -> Text:
    title = cell(doc.title or "(untitled)", style="bold")
    bits = [
        doc.outlet,
        doc.section,
        f"published {doc.published}"
        + (f' (printed "{doc.published_as_printed}")' if doc.published_as_printed else "")
        if doc.published or doc.published_as_printed
        else None,
        f"{doc.views:,} views" if doc.views is not None else None,
        f"{doc.reading_time_minutes} min read" if doc.reading_time_minutes else None,
        f"language {doc.language}" if doc.language else None,
        f"{len(doc.text.split()):,} words",
    ]
    meta = cell(" · ".join(b for b in bits if b), style="dim")
    src = cell(f"source {doc.source or '-'}  id {doc.id}", style="dim")
    return Text.assemble(title, "\n", meta, "\n", src)


def _entities(doc: Document) -> Table:
    table = Table(title=cell(f"Entities ({len(doc.entities)} mentions)"), title_justify="left", expand=False)
    for col in ("name", "type", "mentions", "also written", "place"):
        table.add_column(col, overflow="fold")
    for group in entity_groups(doc):
        place = group["place"]
        where = ""
        if place:
            where = place.country_name or place.country or ""
            if place.lat is not None and place.lon is not None:
                where += f" ({place.lat:.2f}, {place.lon:.2f})"
        name = cell(group["canonical"], style=_LABEL_STYLE.get(group["label"], ""))
        _row(table, name, group["label"], str(group["count"]), ", ".join(group["aliases"]), where)
    return table


def _timexes(doc: Document) -> Table:
    table = Table(title=cell(f"Time expressions ({len(doc.timexes)})"), title_justify="left")
    for col in ("text", "type", "value"):
        table.add_column(col)
    for t in doc.timexes:
        _row(table, t.text, t.type, t.value)
    return table


def _flags(doc: Document) -> Table:
    table = Table(title=cell(f"Flags ({len(doc.flags)})"), title_justify="left", show_lines=False)
    for col in ("kind", "where", "why"):
        table.add_column(col, overflow="fold")
    for f in doc.flags:
        _row(table, cell(f.kind, style="bold red"), f.evidence.text if f.evidence else "(metadata)", f.why)
    return table


def _who(m) -> str:
    if m is None:
        return "?"
    name = m.canonical if adds_name(m.text, m.canonical) else None
    label = f"{m.text} ({name})" if name else m.text
    return f"{label}*" if m.inferred else label


def _qualifiers(negated: bool, hedged: bool, extra: str | None = None) -> str:
    bits = [b for b, on in (("NOT", negated), ("hedged", hedged)) if on]
    if extra and extra != "asserted":
        bits.append(extra)
    return ", ".join(bits)


def _events(doc: Document) -> Table:
    table = Table(title=cell(f"Events ({len(doc.events)}; * = inferred)"), title_justify="left", expand=True)
    table.add_column("PLOVER", no_wrap=True)
    for col in ("actor", "target", "where / when", "note"):
        table.add_column(col, overflow="fold", ratio=1)
    table.add_column("evidence", overflow="fold", ratio=3)
    for e in doc.events:
        where = " / ".join(x for x in ((e.place.canonical or e.place.text) if e.place else None, e.date) if x)
        _row(table,
            cell(f"{e.type}\n{e.mode or ''}", style="bold"),
            _who(e.actor),
            _who(e.target),
            where,
            "\n".join(
                x
                for x in (
                    _qualifiers(e.negated, e.hedged, e.modality),
                    f"per {_who(e.reported_by)}" if e.reported_by else "",
                )
                if x
            ),
            e.evidence.text,
        )
    return table


def _claims(doc: Document) -> Table:
    table = Table(title=cell(f"Claims ({len(doc.claims)})"), title_justify="left", expand=True)
    table.add_column("speaker", overflow="fold", ratio=1)
    table.add_column("cue", overflow="fold", max_width=14)
    table.add_column("content", overflow="fold", ratio=3)
    table.add_column("note", overflow="fold", max_width=12)
    for c in doc.claims:
        speaker = _who(c.speaker) + (f"\nciting {_who(c.via)}" if c.via else "")
        note = _qualifiers(False, c.hedged, "direct quote" if c.direct else None)
        _row(table, cell(speaker, style="cyan"), c.cue.text, c.content.text, note)
    return table


def _contradictions(doc: Document) -> Table:
    title = f"Contradictions ({len(doc.contradictions)})"
    table = Table(title=cell(title), title_justify="left", show_lines=True, expand=True)
    table.add_column("topic", overflow="fold", ratio=1)
    table.add_column("one side", overflow="fold", ratio=2)
    table.add_column("the other side", overflow="fold", ratio=2)
    for c in doc.contradictions:
        _row(table, cell(c.topic, style="bold red"), c.a.evidence.text, c.b.evidence.text)
    return table


def _persuasion(doc: Document) -> Table:
    summary = doc.persuasion_summary
    table = Table(title=cell(f"Persuasion: {summary.text}"), title_justify="left", expand=True)
    table.add_column("technique", no_wrap=True)
    table.add_column("span", overflow="fold", ratio=3)
    table.add_column("whose words", overflow="fold", ratio=1)
    table.add_column("score", justify="right")
    for p in doc.persuasion:
        _row(table, p.technique, p.text, p.whose_words, f"{p.score:.2f}")
    lines = []
    if summary.dominant:
        lines.append("mostly: " + ", ".join(summary.dominant))
    lines += [f"steers: {s.text}" for s in summary.steering]
    if summary.detector:
        lines.append(f"detector: {summary.detector}")
    table.caption = cell("\n".join(lines)) if lines else None
    table.caption_justify = "left"
    return table


def print_text_report(doc: Document, console: Console) -> None:
    """Print one document's report; the caller's Console decides colour and width."""
    parts: list = [_header(doc)]
    if doc.subheadings:
        parts.append(cell("Sub-headings: " + " | ".join(doc.subheadings), style="italic"))
    console.print(Panel(Group(*parts), border_style="blue"))
    if doc.flags:
        console.print(_flags(doc))
    if doc.contradictions:
        console.print(_contradictions(doc))
    console.print(_entities(doc))
    console.print(_timexes(doc))
    if doc.events:
        console.print(_events(doc))
    if doc.claims:
        console.print(_claims(doc))
    if doc.persuasion or doc.persuasion_summary.genre:
        console.print(_persuasion(doc))
    console.print()
