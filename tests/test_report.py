"""Reports: highlighting splits text correctly and HTML never executes article markup."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
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


@pytest.mark.parametrize(
    ("raw", "visible"),
    [
        ("clear \x1b[2J screen", "clear \\x1b[2J screen"),
        ("over\rwrite", "over\\x0dwrite"),
        ("csi \x9b31m del \x7f", "csi \\x9b31m del \\x7f"),
        ("flip \u202eit\u202c, isolate \u2066x\u2069", "flip \\u202eit\\u202c, isolate \\u2066x\\u2069"),
        ("lines\nand\ttabs, Ünïcode — «ёлочки», [/b]", "lines\nand\ttabs, Ünïcode — «ёлочки», [/b]"),
    ],
)
def test_terminal_text_is_shown_not_obeyed(raw: str, visible: str) -> None:
    from presslens.report.terminal import cell, json_safe, shown

    assert shown(raw) == visible
    assert cell(raw).plain == visible  # a Text: "[/b]" is never parsed as markup
    dumped = json_safe(json.dumps({"t": raw}, ensure_ascii=False))
    assert json.loads(dumped) == {"t": raw}  # the same data
    assert not any(c in dumped for c in "\x1b\r\x9b\x7f\u202e\u2066")


@pytest.mark.model
def test_text_report_of_an_article_with_markup_and_escapes(tmp_path) -> None:
    from typer.testing import CliRunner

    from presslens.cli import app

    path = tmp_path / "hostile.txt"
    path.write_text('Police said the raid [/b] was lawful, the ministry said "a [video] provocation".\n'
                    "\x1b]0;pwned\x07 Officials said the \x1b[2Jstrike was lawful.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "the raid [/b] was lawful" in result.stdout and "[video]" in result.stdout
    assert "\x1b]" not in result.stdout and "\x1b[2J" not in result.stdout
