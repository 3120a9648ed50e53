"""Lay out a story's actor graph as inline SVG: no JavaScript, no build step, prints as it shows.

Why a circle: a story's graph is small (tens of actors) and mostly a star
around two or three central actors; a circular layout ordered by activity
keeps every label readable and needs no iterative solver (a force layout
would need JavaScript or many Python iterations per request). Edges are
drawn per ordered pair of actors, summing the PLOVER types between them;
each edge is a slight curve, so A→B and B→A bend to opposite sides and never
overlap. Colour encodes hostility (``stories.graph``: −1 cooperative … +1
hostile, count-weighted over the pair's types), width the number of distinct
events. Only the `max_nodes` most active actors are drawn; the page's edge
table lists everything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from presslens.models import ActorGraph

__all__ = ["HOSTILITY_BANDS", "GraphPicture", "PictureEdge", "PictureNode", "graph_picture"]

#: (upper bound of hostility, band name, colour): cooperative green … hostile red.
HOSTILITY_BANDS: tuple[tuple[float, str, str], ...] = (
    (-0.45, "cooperative", "#008a20"),
    (-0.05, "friendly", "#5fb56f"),
    (0.15, "neutral", "#8c8f94"),
    (0.55, "hostile", "#dba617"),
    (1.01, "very-hostile", "#d63638"),
)


def _band(hostility: float) -> tuple[str, str]:
    for upper, name, colour in HOSTILITY_BANDS:
        if hostility < upper:
            return name, colour
    return HOSTILITY_BANDS[-1][1], HOSTILITY_BANDS[-1][2]


@dataclass(frozen=True, slots=True)
class PictureNode:
    key: str
    name: str
    label: str
    events: int
    x: float
    y: float
    r: float
    anchor: str  # text-anchor of the label: start on the right half, end on the left
    lx: float
    ly: float


@dataclass(frozen=True, slots=True)
class PictureEdge:
    source: str
    target: str
    path: str
    colour: str
    band: str
    width: float
    count: int
    hostility: float
    title: str


@dataclass(frozen=True, slots=True)
class GraphPicture:
    width: int
    height: int
    nodes: tuple[PictureNode, ...]
    edges: tuple[PictureEdge, ...]
    hidden: int  # actors not drawn


def _short(name: str, n: int = 26) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def graph_picture(
    graph: ActorGraph, *, max_nodes: int = 24, width: int = 760, height: int = 540
) -> GraphPicture:
    """Positions, paths and colours for the SVG template (all numbers rounded for small markup)."""
    degree: dict[str, int] = {}
    for e in graph.edges:
        degree[e.source] = degree.get(e.source, 0) + e.count
        degree[e.target] = degree.get(e.target, 0) + e.count
    names = {n.key: n.name for n in graph.nodes}
    events = {n.key: n.events for n in graph.nodes}
    for e in graph.edges:
        names.setdefault(e.source, e.source_name)
        names.setdefault(e.target, e.target_name)
    ranked = sorted(names, key=lambda k: (-degree.get(k, 0), -events.get(k, 0), names[k]))
    shown = [k for k in ranked if degree.get(k, 0) > 0][:max_nodes]
    cx, cy = width / 2, height / 2
    radius = min(width * 0.5 - 170, height * 0.5 - 40)
    top = max((events.get(k, 1) for k in shown), default=1) or 1
    nodes: dict[str, PictureNode] = {}
    for i, key in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(shown))
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 5 + 9 * math.sqrt(max(1, events.get(key, 1)) / top)
        right = math.cos(angle) >= -1e-9
        lx = x + (r + 5) * math.cos(angle)
        ly = y + (r + 5) * math.sin(angle) + 4
        nodes[key] = PictureNode(
            key, names[key], _short(names[key]), events.get(key, 0), round(x, 1), round(y, 1),
            round(r, 1), "start" if right else "end", round(lx, 1), round(ly, 1),
        )

    pairs: dict[tuple[str, str], list] = {}
    for e in graph.edges:
        if e.source in nodes and e.target in nodes and e.source != e.target:
            pairs.setdefault((e.source, e.target), []).append(e)
    edges = []
    for (s, t), group in sorted(pairs.items(), key=lambda kv: sum(e.count for e in kv[1])):
        count = sum(e.count for e in group)
        hostility = sum(e.hostility * e.count for e in group) / count
        band, colour = _band(hostility)
        a, b = nodes[s], nodes[t]
        dx, dy = b.x - a.x, b.y - a.y
        # control point: offset to the left of the direction of travel, 15% of the length
        mx, my = (a.x + b.x) / 2 - dy * 0.15, (a.y + b.y) / 2 + dx * 0.15
        sx, sy = _towards(a.x, a.y, mx, my, a.r + 1)
        ex, ey = _towards(b.x, b.y, mx, my, b.r + 4)
        types = ", ".join(f"{e.type}×{e.count}" for e in sorted(group, key=lambda e: -e.count))
        edges.append(
            PictureEdge(
                s, t, f"M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}", colour, band,
                round(min(7.0, 1.2 + 1.6 * math.log2(1 + count)), 1), count, round(hostility, 2),
                f"{a.name} → {b.name}: {types} (hostility {hostility:+.2f})",
            )
        )
    hidden = len([k for k in names if k not in nodes])
    return GraphPicture(width, height, tuple(nodes.values()), tuple(edges), hidden)


def _towards(x: float, y: float, tx: float, ty: float, by: float) -> tuple[float, float]:
    """The point `by` pixels from (x, y) in the direction of (tx, ty): where an edge leaves a node."""
    dx, dy = tx - x, ty - y
    dist = math.hypot(dx, dy) or 1.0
    return x + dx / dist * by, y + dy / dist * by
