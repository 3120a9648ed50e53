"""Reports: highlighting splits text correctly and HTML never executes article markup."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from presslens.models import Document, Entity, Flag, TextSpan, Timex, Versions
from presslens.report.highlight import Layer, document_layers, segments
from presslens.report.html import html_report
from presslens.report.text import print_text_report

VERSIONS = Versions(presslens="0", model="m", lexicons="l")


def test_segments_cover_the_text_and_carry_overlapping_layers() -> None:
    text = "yesterday, June 1 it rained"
    layers = [
        Layer(0, 9, "timex", "timex", "DATE"),
        Layer(11, 17, "timex", "timex", "DATE"),
        Layer(0, 17, "flag", "flag", "temporal_inconsistency"),
    ]
    segs = segments(text, layers)
    assert "".join(s.text for s in segs) == text
    first = segs[0]
    assert first.text == "yesterday" and {layer.kind for layer in first.layers} == {"timex", "flag"}
    assert segs[-1].text == " it rained" and segs[-1].layers == ()


def _doc(text: str) -> Document:
    start = text.index("Baku")
    return Document(
        id="x",
        title="<b>Title</b>",
        url="javascript:alert(1)",
        text=text,
        versions=VERSIONS,
        published=dt.date(2025, 7, 2),
        entities=(Entity(text="Baku", label="GPE", start=start, end=start + 4, canonical="Baku"),),
        timexes=(Timex(text="yesterday", start=0, end=9, type="DATE", value="2025-07-01"),),
        flags=(
            Flag(kind="temporal_inconsistency", evidence=TextSpan(text="yesterday", start=0, end=9), why="w"),
        ),
    )


def test_html_escapes_article_markup() -> None:
    text = 'yesterday <script>alert("x")</script> in Baku <img src=x onerror=alert(2)>'
    page = html_report([_doc(text)])
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page
    assert "<b>Title</b>" not in page
    assert 'href="javascript:' not in page
    assert '<mark class="ent ent-GPE"' in page


def test_every_layer_is_highlighted() -> None:
    doc = _doc("yesterday in Baku")
    kinds = {layer.kind for layer in document_layers(doc)}
    assert kinds == {"entity", "timex", "flag"}


def test_text_report_lists_entities_times_and_flags() -> None:
    buf = io.StringIO()
    print_text_report(_doc("yesterday in Baku"), Console(file=buf, width=100, no_color=True))
    out = buf.getvalue()
    assert "Baku" in out and "2025-07-01" in out and "temporal_inconsistency" in out
