"""Deterministic node positions computed before the page is written.

networkx's own layouts need numpy (and scipy beyond 500 nodes), which notegraph does not depend on,
so this is a small pure-Python layout that scales linearly with the number of nodes:

1. every Louvain community (see `analysis.annotate`) is a disc whose area grows with its size;
2. the discs are placed by a few hundred steps of Fruchterman-Reingold on the *community* graph
   (a few dozen points, so cheap), then pushed apart until none overlap;
3. inside a disc, members sit on a sunflower spiral, the most central in the middle.

The same graph always gives the same positions (no randomness; ties broken by id).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SPACING", "community_layout"]

SPACING = 34.0  # pixels between neighbouring nodes inside a community
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_MAX_PLACED = 80  # communities placed by force; smaller ones go on an outer spiral


def _sunflower(i: int, step: float) -> tuple[float, float]:
    r = step * math.sqrt(i + 0.5)
    a = i * _GOLDEN_ANGLE
    return r * math.cos(a), r * math.sin(a)


def _place_communities(
    sizes: list[int], links: dict[tuple[int, int], float]
) -> list[tuple[float, float]]:
    """Centres for communities 0..len(sizes)-1 (0 is the largest)."""
    count = len(sizes)
    radius = [SPACING * math.sqrt(s + 1) for s in sizes]
    pos = [_sunflower(i, 2.2 * radius[0] / max(1.0, math.sqrt(count))) for i in range(count)]
    forced = min(count, _MAX_PLACED)
    if forced > 1:
        k = 2.5 * sum(radius[:forced]) / forced
        temperature = 4.0 * k
        for _ in range(300):
            disp = [[0.0, 0.0] for _ in range(forced)]
            for i in range(forced):
                xi, yi = pos[i]
                for j in range(i + 1, forced):
                    dx, dy = xi - pos[j][0], yi - pos[j][1]
                    dist = math.hypot(dx, dy) or 0.01
                    push = k * k / dist
                    disp[i][0] += dx / dist * push
                    disp[i][1] += dy / dist * push
                    disp[j][0] -= dx / dist * push
                    disp[j][1] -= dy / dist * push
            for (i, j), w in links.items():
                if i >= forced or j >= forced:
                    continue
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                dist = math.hypot(dx, dy) or 0.01
                pull = dist * dist / k * min(3.0, 1.0 + math.log1p(w))
                disp[i][0] -= dx / dist * pull
                disp[i][1] -= dy / dist * pull
                disp[j][0] += dx / dist * pull
                disp[j][1] += dy / dist * pull
            for i in range(forced):
                dx, dy = disp[i]
                d = math.hypot(dx, dy) or 0.01
                step = min(d, temperature)
                # a weak pull to the centre keeps unconnected communities from drifting away
                x = pos[i][0] + dx / d * step - pos[i][0] * 0.01
                y = pos[i][1] + dy / d * step - pos[i][1] * 0.01
                pos[i] = (x, y)
            temperature = max(temperature * 0.985, k * 0.01)
    # the small leftovers: an outer sunflower around what the forces placed
    if count > forced:
        outer = max((math.hypot(x, y) + radius[i] for i, (x, y) in enumerate(pos[:forced])))
        ring = max(radius[forced:]) * 2.4
        for n, i in enumerate(range(forced, count)):
            angle = n * _GOLDEN_ANGLE
            r = outer + ring * (1 + math.sqrt(n + 1) / 2)
            pos[i] = (r * math.cos(angle), r * math.sin(angle))
    return _separate(pos, radius)


def _separate(pos: list[tuple[float, float]], radius: list[float]) -> list[tuple[float, float]]:
    """Push overlapping discs apart (a few sweeps; fine for the hundreds of discs we have)."""
    pts = [list(p) for p in pos]
    gap = SPACING
    for _ in range(60):
        moved = False
        for i in range(len(pts)):
            for j in range(i + 1, len(pts)):
                dx, dy = pts[j][0] - pts[i][0], pts[j][1] - pts[i][1]
                dist = math.hypot(dx, dy)
                need = radius[i] + radius[j] + gap
                if dist >= need:
                    continue
                if dist < 1e-6:
                    dx, dy, dist = 1.0, 0.0, 1.0
                shift = (need - dist) / 2
                pts[i][0] -= dx / dist * shift
                pts[i][1] -= dy / dist * shift
                pts[j][0] += dx / dist * shift
                pts[j][1] += dy / dist * shift
                moved = True
        if not moved:
            break
    return [(p[0], p[1]) for p in pts]


def community_layout(G: nx.Graph[Any]) -> dict[str, tuple[float, float]]:
    """Positions (pixels, centred on 0,0) for every node of an annotated graph.

    Nodes need `community` and `centrality` (from `analysis.annotate`); missing values count as
    community 0 and centrality 0.
    """
    members: dict[int, list[tuple[float, str]]] = {}
    community_of: dict[str, int] = {}
    for node, data in G.nodes(data=True):
        c = data.get("community", 0)
        c = c if isinstance(c, int) and c >= 0 else 0
        score = data.get("centrality", 0.0)
        score = float(score) if isinstance(score, int | float) else 0.0
        members.setdefault(c, []).append((-score, str(node)))
        community_of[str(node)] = c
    if not members:
        return {}
    order = sorted(members, key=lambda c: (-len(members[c]), c))
    index = {c: i for i, c in enumerate(order)}
    links: dict[tuple[int, int], float] = {}
    for u, v, data in G.edges(data=True):
        a, b = index[community_of[str(u)]], index[community_of[str(v)]]
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        w = data.get("weight", 1)
        links[key] = links.get(key, 0.0) + (float(w) if isinstance(w, int | float) else 1.0)
    centres = _place_communities([len(members[c]) for c in order], links)
    positions: dict[str, tuple[float, float]] = {}
    for c in order:
        cx, cy = centres[index[c]]
        for i, (_, node) in enumerate(sorted(members[c])):
            dx, dy = _sunflower(i, SPACING)
            positions[node] = (round(cx + dx, 1), round(cy + dy, 1))
    return positions
