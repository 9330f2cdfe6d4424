"""The network views `notegraph viz` offers, built from the store's actor–event graph.

- full: actors and events (bipartite)
- co-attendance --actor X: actors linked by the events they shared with X, weighted
- ego --actor X [--depth N]: X's neighbourhood, N events away
- co-organizers: organisers linked by the events they organised together, weighted
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology.errors import UsageError
from ontology.iris import ID

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store
    from viz.page import PageInfo

__all__ = ["VIEWS", "Filters", "find_actor", "render_view", "view_graph"]

VIEWS = ("full", "co-attendance", "ego", "co-organizers")
ORGANIZING = {"organizer", "host", "supporter"}

_FIND = """
PREFIX ng:   <https://w3id.org/notegraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?unit ?target ?name WHERE {
  ?target ng:acronym|skos:prefLabel|skos:altLabel|^ng:agent/ng:surfaceForm ?label .
  FILTER (LCASE(STR(?label)) = LCASE(STR(?name)))
  ?unit ng:rollsUpTo ?target .
}
"""


def find_actor(store: Store, name: str) -> tuple[str, set[str]]:
    """The actor a user names (acronym, label or spelling from a note) and its units, as IRI
    tails: ('org/osce', {'org/osce', 'org/osce-cpc', ...}). UsageError when nothing matches."""
    from queries.run import shorten

    rows = store.select(_FIND, {"name": name})
    if not rows:
        raise UsageError(f"no actor called {name!r} in the store (try its acronym, e.g. OSCE)")
    targets = sorted({shorten(r["target"]) for r in rows})
    return targets[0], {shorten(r["unit"]) for r in rows}


def _projection(
    bip: nx.Graph,
    events: list[str],
    *,
    roles: set[str] | None = None,
    roll_up: bool = False,
) -> nx.Graph:
    """Actors linked when they share events (optionally only through the given roles). With
    `roll_up`, a government agency counts as its State (the node is the State's)."""
    import networkx as nx

    g = nx.Graph()
    for ev in sorted(events):
        members: dict[str, list[str]] = {}  # actor node -> the participants it stands for
        for participant in sorted(bip.neighbors(ev)):
            edge = bip.edges[participant, ev]
            if roles is not None and not roles & set(edge["roles"]):
                continue
            if "funder" in edge["roles"] and len(edge["roles"]) == 1:
                continue  # money alone is not attendance
            data = bip.nodes[participant]
            actor = participant
            if roll_up and data.get("kind") == "agency" and data.get("state"):
                actor = data["state"]
                data = {
                    "label": data.get("state_label") or actor,
                    "kind": "state",
                    "region": data.get("region"),
                    "iri": ID + actor,
                    "aliases": [],
                }
                data = {**data, **bip.nodes[actor]} if actor in bip else data
            members.setdefault(actor, []).append(participant)
            if actor not in g:
                g.add_node(actor, **{**data, "evidence": []})
            node = g.nodes[actor]
            node["evidence"].extend(e for e in edge["evidence"] if e not in node["evidence"])
            year = bip.nodes[ev].get("year")
            if year is not None:
                node.setdefault("years", set()).add(year)
        year = bip.nodes[ev].get("year")
        label = bip.nodes[ev].get("label", ev)
        for a, b in combinations(sorted(members), 2):
            if not g.has_edge(a, b):
                g.add_edge(a, b, weight=0, events=[], years=[], evidence=[])
            e = g.edges[a, b]
            e["weight"] += 1
            e["events"].append(label)
            if year is not None and year not in e["years"]:
                e["years"].append(year)
            for end in (*members[a], *members[b]):  # the quotes that put both at this event
                for q in bip.edges[end, ev]["evidence"]:
                    if q not in e["evidence"]:
                        e["evidence"].append(q)
    for _, data in g.nodes(data=True):
        years = data.pop("years", set())
        data["year"] = min(years) if years else None
    return g


@dataclass(frozen=True)
class Filters:
    """What to keep before a view is drawn. Dates are ISO strings compared with event starts;
    `regions` keep States of those UN regions (organisations have none and stay); `roles` keep
    only actor–event links with one of those roles."""

    since: str | None = None
    until: str | None = None
    event_types: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()

    def apply(self, bip: nx.Graph) -> nx.Graph:
        keep = set()
        for n, d in bip.nodes(data=True):
            if d.get("kind") == "event":
                start = d.get("start")
                if self.since and (not start or start < self.since):
                    continue
                if self.until and (not start or start > self.until):
                    continue
                if self.event_types and d.get("event_type") not in self.event_types:
                    continue
            elif self.regions and d.get("kind") in ("state", "agency"):
                if (d.get("region") or "").lower() not in {r.lower() for r in self.regions}:
                    continue
            keep.add(n)
        g = bip.subgraph(keep).copy()
        if self.roles:
            drop = [(a, b) for a, b, d in g.edges(data=True) if not self.roles & set(d["roles"])]
            g.remove_edges_from(drop)
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
        return g


def view_graph(
    store: Store,
    view: str,
    *,
    actor: str | None = None,
    depth: int = 1,
    include_planned: bool = False,
    filters: Filters | None = None,
) -> tuple[nx.Graph, str]:
    """The networkx graph of a view and its title."""
    import networkx as nx

    from graph.network import actor_event_graph

    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    bip = actor_event_graph(store, include_planned=include_planned)
    if filters is not None:
        bip = filters.apply(bip)
    events = [n for n, d in bip.nodes(data=True) if d.get("kind") == "event"]
    if view == "full":
        return bip, "Actors and events"
    if view == "co-organizers":
        return _projection(bip, events, roles=ORGANIZING), "Who organises with whom"
    if not actor:
        raise UsageError(f"the {view} view needs --actor (e.g. --actor OSCE)")
    target, units = find_actor(store, actor)
    present = [u for u in sorted(units) if u in bip]
    if not present:
        raise UsageError(f"{actor!r} took part in no event in the store")
    if view == "ego":
        radius = max(1, depth) * 2
        nodes: set[Any] = set()
        for u in present:
            nodes |= set(nx.ego_graph(bip, u, radius=radius))
        return bip.subgraph(nodes).copy(), f"{actor}: neighbourhood ({depth} event(s) away)"
    shared = sorted({ev for u in present for ev in bip.neighbors(u)})
    g = _projection(bip, shared, roll_up=True)
    return g, f"Co-attendance with {actor}"


def render_view(
    store: Store,
    *,
    view: str,
    out: Path,
    actor: str | None = None,
    depth: int = 1,
    include_planned: bool = False,
    max_nodes: int = 1500,
    filters: Filters | None = None,
) -> PageInfo:
    from viz.page import write_network

    g, title = view_graph(
        store, view, actor=actor, depth=depth, include_planned=include_planned, filters=filters
    )
    scope = "held and planned events" if include_planned else "held events"
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_network(g, out, title=title, subtitle=f"notegraph · {scope}", max_nodes=max_nodes)
