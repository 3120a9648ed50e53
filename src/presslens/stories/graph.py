"""The actor graph of a story: who acts on whom, by PLOVER type, how often, how hostile.

Nodes are cross-article actor identities (``stories.actors``), so "Police"
and "police" or "Mamedov" and "Mammadov" are one node; participants that do
not resolve to an identity are kept by their wording. An edge is (actor,
target, PLOVER type) over the de-duplicated timeline, so a raid reported by
five outlets counts once; `count` is the number of distinct events and
`articles` lists every article reporting any of them.

Hostility scale: PLOVER has no intensity scale of its own; we use the
Goldstein (1992) conflict–cooperation scale (−10 … +10) of the CAMEO root
codes each PLOVER category descends from (PLOVER manual, Table 1, "CAMEO
equivalents"), negated and divided by 10, so **−1 is most cooperative, 0
neutral and +1 most hostile**:

=========  ============  =====  =========
PLOVER     CAMEO root    GS     hostility
=========  ============  =====  =========
AID        07            +7.0   −0.70
COOPERATE  06            +6.0   −0.60
RETREAT    08 (yield)    +5.0   −0.50
AGREE      03/05         +4.0   −0.40
SUPPORT    05            +3.5   −0.35
REQUEST    02 (appeal)   +3.0   −0.30
CONCEDE    08            +5.0   −0.50
CONSULT    04            +1.0   −0.10
ACCUSE     11            −2.0   +0.20
REJECT     12            −4.0   +0.40
SANCTION   16            −4.0   +0.40
THREATEN   13            −6.0   +0.60
PROTEST    14            −6.5   +0.65
COERCE     17            −7.0   +0.70
MOBILIZE   15            −7.2   +0.72
ASSAULT    18/19/20      −9.0   +0.90
=========  ============  =====  =========

An edge's `hostility` is that of its type; a node pair's overall hostility
(``pair_hostility``) is the count-weighted mean over its edges.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from presslens.stories.actors import ActorIndex, fold_name
from presslens.stories.records import ActorEdge, ActorGraph, ActorNode, TimelineEvent

__all__ = ["GOLDSTEIN", "actor_graph", "hostility", "pair_hostility"]

GOLDSTEIN: dict[str, float] = {
    "AID": 7.0,
    "COOPERATE": 6.0,
    "RETREAT": 5.0,
    "CONCEDE": 5.0,
    "AGREE": 4.0,
    "SUPPORT": 3.5,
    "REQUEST": 3.0,
    "CONSULT": 1.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "SANCTION": -4.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "COERCE": -7.0,
    "MOBILIZE": -7.2,
    "ASSAULT": -9.0,
}


def hostility(plover_type: str) -> float:
    """Hostility in [-1, 1] of one PLOVER type (0 for a type the table does not know)."""
    return round(-GOLDSTEIN.get(plover_type.upper(), 0.0) / 10, 3)


def _node(name: str | None, actors: ActorIndex) -> tuple[str, str] | None:
    if not name:
        return None
    identity = actors.resolve(name)
    if identity:
        return identity.key, identity.name
    folded = fold_name(name)
    return (("t:" + folded), name) if folded else None


def actor_graph(story_id: str, timeline: Sequence[TimelineEvent], actors: ActorIndex) -> ActorGraph:
    """Edges between named participants of the story's timeline events."""
    counts: Counter[tuple[str, str, str]] = Counter()
    names: dict[str, str] = {}
    edge_articles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    involvement: Counter[str] = Counter()
    for event in timeline:
        source, target = _node(event.actor, actors), _node(event.target, actors)
        for node in (source, target):
            if node:
                names.setdefault(node[0], node[1])
                involvement[node[0]] += 1
        if not source or not target or source[0] == target[0]:
            continue
        key = (source[0], target[0], event.type)
        counts[key] += 1
        edge_articles[key].update(event.articles)
    edges = [
        ActorEdge(
            source=s,
            source_name=names[s],
            target=t,
            target_name=names[t],
            type=kind,
            count=n,
            hostility=hostility(kind),
            articles=tuple(sorted(edge_articles[(s, t, kind)])),
        )
        for (s, t, kind), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    nodes = [
        ActorNode(key=k, name=names[k], events=n)
        for k, n in sorted(involvement.items(), key=lambda kv: (-kv[1], names[kv[0]]))
    ]
    return ActorGraph(story=story_id, nodes=tuple(nodes), edges=tuple(edges))


def pair_hostility(graph: ActorGraph, a: str, b: str) -> float | None:
    """Count-weighted hostility of everything `a` and `b` did to each other (None: no events)."""
    edges = [e for e in graph.edges if {e.source, e.target} == {a, b}]
    total = sum(e.count for e in edges)
    return round(sum(e.hostility * e.count for e in edges) / total, 3) if total else None
