"""The network views `notegraph viz` offers, built from the store's actor–event graph.

- full: actors and events (bipartite)
- co-attendance --actor X: actors linked by the events they shared with X, weighted
- ego --actor X [--depth N]: X's neighbourhood, N events away
- co-organizers: organisers linked by the events they organised together, weighted

The co-attendance view reads only X's events, through the derived shortcuts
(`graph.network.shared_events`), then the roles of everyone there and the quotes of a few
events: every link gets the quotes of at least one event it stands for, every actor those of its
first `NODE_QUOTED_EVENTS` events (see `viz.projection`; the page says "n of m"). With a
--role filter, or on a store built before the shortcuts existed, it reads every participation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology.errors import UsageError
from ontology.iris import ID
from viz.projection import (
    Attendance,
    attach_quotes,
    bip_quotes,
    from_bipartite,
    project,
    quoted_sample,
)

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store
    from viz.page import PageInfo

__all__ = [
    "MAX_QUOTED_EVENTS",
    "VIEWS",
    "Filters",
    "find_actor",
    "render_view",
    "view_graph",
]

VIEWS = ("full", "co-attendance", "ego", "co-organizers")
ORGANIZING = {"organizer", "host", "supporter"}
#: At most this many events have their quotes read for one view (a few hundred claims per 100).
MAX_QUOTED_EVENTS = 1000

_UNITS = """
PREFIX ng: <https://w3id.org/notegraph/ontology#>
SELECT ?unit ?target WHERE { ?unit ng:rollsUpTo ?target }
"""


def find_actor(store: Store, name: str) -> tuple[str, set[str]]:
    """The actor a user names (id, acronym, label or spelling from a note) and its units, as
    IRI tails: ('org/osce', {'org/osce', 'org/osce-cpc', ...}). UsageError when nothing
    matches (or, listing them, when several things match equally well)."""
    from graph.store import IRI
    from queries.resolve import resolve
    from queries.run import shorten

    iri = resolve("actor", "--actor", name, store)
    if iri is None:
        raise UsageError(f"no actor called {name!r} in the store (try its acronym, e.g. OSCE)")
    units = {shorten(r["unit"]) for r in store.select(_UNITS, {"target": IRI(iri)})}
    target = shorten(iri)
    return target, units | {target}


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

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.event_types or self.regions or self.roles)

    def keeps_event(self, d: dict[str, Any]) -> bool:
        start = d.get("start")
        if self.since and (not start or start < self.since):
            return False
        if self.until and (not start or start > self.until):
            return False
        return not (self.event_types and d.get("event_type") not in self.event_types)

    def keeps_actor(self, d: dict[str, Any]) -> bool:
        if not self.regions or d.get("kind") not in ("state", "agency"):
            return True
        return (d.get("region") or "").lower() in {r.lower() for r in self.regions}

    def apply(self, bip: nx.Graph) -> nx.Graph:
        """The graph without what the filters leave out (`bip` itself when they are empty)."""
        if not self:
            return bip
        keep = {
            n
            for n, d in bip.nodes(data=True)
            if (self.keeps_event(d) if d.get("kind") == "event" else self.keeps_actor(d))
        }
        g = bip.subgraph(keep).copy()
        if self.roles:
            drop = [(a, b) for a, b, d in g.edges(data=True) if not self.roles & set(d["roles"])]
            g.remove_edges_from(drop)
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
        return g


def _shared_attendance(
    store: Store, target: str, include_planned: bool, filters: Filters | None
) -> Attendance:
    """The attendance of the target's events, from the shortcuts (no roles yet), filtered."""
    from graph.network import shared_events

    found = shared_events(store, ID + target, include_planned=include_planned)
    f = filters or Filters()
    actors = {a: d for a, d in found.actors.items() if f.keeps_actor(d)}
    members: dict[str, dict[str, list[str]]] = {}
    for ev, who in found.members.items():
        if f.keeps_event(found.events[ev]):
            kept: dict[str, list[str]] = {a: [] for a in who if a in actors}
            if kept:
                members[ev] = kept
    return Attendance({ev: found.events[ev] for ev in members}, actors, members)


def _no_events(actor: str, filters: Filters | None) -> str:
    if filters:
        return (
            f"{actor!r} took part in no event that the filters keep; loosen them (--since, "
            "--until, --event-type, --region, --role)"
        )
    return f"{actor!r} took part in no event in the store"


def _co_attendance(
    store: Store, actor: str, include_planned: bool, filters: Filters | None
) -> nx.Graph:
    from graph.network import actor_event_graph, has_shortcuts, participation_details

    target, units = find_actor(store, actor)
    if (filters is not None and filters.roles) or not has_shortcuts(store):
        # per-link roles (or an old store): every participation
        bip = actor_event_graph(store, include_planned=include_planned)
        if filters is not None:
            bip = filters.apply(bip)
        shared = sorted({ev for u in units if u in bip for ev in bip.neighbors(u)})
        if not shared:
            raise UsageError(_no_events(actor, filters))
        g, info = project(from_bipartite(bip, shared), roll_up=True)
        attach_quotes(g, info, bip_quotes(bip), lambda ev: True)
        return g
    att = _shared_attendance(store, target, include_planned, filters)
    if not att.members:
        raise UsageError(_no_events(actor, filters))
    g, info = project(att, roll_up=True)
    sample = quoted_sample(g, info, MAX_QUOTED_EVENTS)
    details = participation_details(store, sample)
    attach_quotes(
        g, info, lambda ev, p: details[ev, p].evidence if (ev, p) in details else [],
        sample.__contains__,
    )  # fmt: skip
    # roles as read at the quoted events (every claim of every event would take seconds)
    for node, data in g.nodes(data=True):
        seen = {
            r
            for ev in info.events_of[node]
            if ev in sample
            for p in info.members[ev][node]
            for r in (details[ev, p].roles if (ev, p) in details else ())
        }
        data["roles"] = sorted(seen)
    g.graph["roles_from_quoted_events"] = True
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
    if view in ("co-attendance", "ego") and not actor:
        raise UsageError(f"the {view} view needs --actor (e.g. --actor OSCE)")
    if view == "co-attendance":
        assert actor is not None
        g = _co_attendance(store, actor, include_planned, filters)
        return g, f"Co-attendance with {actor}"
    bip = actor_event_graph(store, include_planned=include_planned)
    if filters is not None:
        bip = filters.apply(bip)
    events = [n for n, d in bip.nodes(data=True) if d.get("kind") == "event"]
    if view == "full":
        return bip, "Actors and events"
    if view == "co-organizers":
        g, info = project(from_bipartite(bip, events), roles=ORGANIZING)
        attach_quotes(g, info, bip_quotes(bip), lambda ev: True)
        return g, "Who organises with whom"
    assert actor is not None
    target, units = find_actor(store, actor)
    present = [u for u in sorted(units) if u in bip]
    if not present:
        raise UsageError(_no_events(actor, filters))
    radius = max(1, depth) * 2
    nodes: set[Any] = set()
    for u in present:
        nodes |= set(nx.ego_graph(bip, u, radius=radius))
    return bip.subgraph(nodes).copy(), f"{actor}: neighbourhood ({depth} event(s) away)"


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
