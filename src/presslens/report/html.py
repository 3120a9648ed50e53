"""A standalone HTML report: the article with highlighted spans and side panels.

One self-contained file (inline CSS, no scripts, no network) that can be mailed
or archived. All article text goes through Jinja's autoescaping, so markup in a
scraped page is shown, never executed.
"""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from presslens import __version__
from presslens.models import Document
from presslens.report.highlight import adds_name, document_layers, entity_groups, segments

__all__ = ["html_report"]

_env = Environment(
    loader=PackageLoader("presslens.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["adds_name"] = adds_name


def _paragraphs(doc: Document) -> list[list]:
    """Segments grouped into paragraphs at line breaks (a break never sits inside a span)."""
    paras: list[list] = [[]]
    for seg in segments(doc.text, document_layers(doc)):
        parts = seg.text.split("\n")
        for i, part in enumerate(parts):
            if i > 0 and paras[-1]:
                paras.append([])
            if part.strip() or (part and paras[-1]):
                paras[-1].append((part, seg.layers))
    return [p for p in paras if p]


def html_report(documents: Sequence[Document]) -> str:
    """The HTML page for one or more analysed documents."""
    template = _env.get_template("report.html.j2")
    articles = [
        {"doc": d, "paragraphs": _paragraphs(d), "entity_groups": entity_groups(d)} for d in documents
    ]
    return template.render(articles=articles, version=__version__)
