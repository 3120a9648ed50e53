"""Page shaping without a server or a model: paragraphs and anchors, links, filters, the graph's geometry."""

from __future__ import annotations

import pytest

from presslens.models import ActorEdge, ActorGraph, ActorNode, Document, Event, TextSpan, Versions
from presslens.web.graph import graph_picture
from presslens.web.views import ListQuery, paragraphs, safe_href

V = Versions(presslens="t", model="t", lexicons="t")


def test_paragraphs_carry_anchors_and_split_at_line_breaks() -> None:
    text = "Police detained him.\n\nHe <b>died</b> later."
    doc = Document(
        id="d", text=text, versions=V,
        events=(Event(type="COERCE", evidence=TextSpan(text="Police detained him", start=0, end=19)),),
    )
    paras = paragraphs(doc)
    assert len(paras) == 2
    assert paras[0][0].anchors == ("event-0",) and "event" in paras[0][0].css
    assert "".join(p.text for p in paras[1]) == "He <b>died</b> later."  # escaped by the template


@pytest.mark.parametrize(
    ("url", "href"),
    [("https://tass.com/x", "https://tass.com/x"), ("javascript:alert(1)", None), (" JAVASCRIPT:x", None),
     ("data:text/html,x", None), ("tass.com/x", None), (None, None)],
)
def test_only_http_urls_become_links(url, href) -> None:
    assert safe_href(url) == href


def test_list_query_reports_bad_input_and_keeps_filters_in_links() -> None:
    query = ListQuery(q="raid", date_from="13/03", type="explode", offset=50)
    filters = query.filters()
    assert filters.search == "raid" and filters.published_from is None and filters.event_type is None
    assert len(query.errors) == 2
    assert query.params(offset=100) == "q=raid&from=13%2F03&type=explode&offset=100"
    assert ListQuery(type="assault").filters().event_type == "assault"


def _edge(s: str, t: str, kind: str, n: int, h: float) -> ActorEdge:
    return ActorEdge(source=s, source_name=s.upper(), target=t, target_name=t.upper(), type=kind,
                     count=n, hostility=h, articles=("a",))


def test_graph_picture_draws_directed_coloured_edges() -> None:
    graph = ActorGraph(
        story="s",
        nodes=(ActorNode(key="p", name="Police", events=3), ActorNode(key="m", name="Mammadov", events=2),
               ActorNode(key="b", name="Baku", events=1), ActorNode(key="x", name="Lonely", events=1)),
        edges=(_edge("p", "m", "COERCE", 2, 0.7), _edge("p", "m", "ASSAULT", 1, 0.9),
               _edge("b", "p", "COOPERATE", 1, -0.6), _edge("m", "p", "ACCUSE", 1, 0.2)),
    )
    pic = graph_picture(graph)
    assert {n.key for n in pic.nodes} == {"p", "m", "b"} and pic.hidden == 1
    by_pair = {(e.source, e.target): e for e in pic.edges}
    assert by_pair[("p", "m")].count == 3 and by_pair[("p", "m")].band == "very-hostile"
    assert by_pair[("b", "p")].band == "cooperative"
    assert by_pair[("p", "m")].path != by_pair[("m", "p")].path  # both directions visible
    assert "COERCE×2" in by_pair[("p", "m")].title


def test_graph_picture_of_an_empty_graph() -> None:
    pic = graph_picture(ActorGraph(story="s", nodes=(), edges=()))
    assert pic.nodes == () and pic.edges == ()
