"""The network views `notegraph viz` offers, built from the store's actor–event graph.

- full: actors and events (bipartite)
- co-attendance --actor X: actors linked by the events they shared with X, weighted
- ego --actor X [--depth N]: X's neighbourhood, N events away
- co-organizers: organisers linked by the events they organised together, weighted

The co-attendance view reads only X's events, through the derived shortcuts
(`graph.network.shared_events`), then the roles of everyone there and the quotes of a few
events: every link gets the quotes of at least one event it stands for, every actor those of its
first `NODE_QUOTED_EVENTS` events (`quoted_events` says how many; the page says "n of m"). With a
--role filter, or on a store built before the shortcuts existed, it reads every participation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology.errors import UsageError
from ontology.iris import ID

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store
    from viz.page import PageInfo

__all__ = [
    "EDGE_QUOTED_EVENTS",
    "MAX_QUOTED_EVENTS",
    "NODE_QUOTED_EVENTS",
    "VIEWS",
    "Filters",
    "find_actor",
    "render_view",
    "view_graph",
]

VIEWS = ("full", "co-attendance", "ego", "co-organizers")
ORGANIZING = {"organizer", "host", "supporter"}
#: Quotes on a projected actor come from its first this many events; on a link, from this many.
NODE_QUOTED_EVENTS = 10
EDGE_QUOTED_EVENTS = 3
#: At most this many events have their quotes read for one view (a few hundred claims per 100).
MAX_QUOTED_EVENTS = 1000

_UNITS = """
PREFIX ng: <https://w3id.org/notegraph/ontology#>
SELECT ?unit ?target WHERE { ?unit ng:rollsUpTo ?target }
"""

Quotes = Callable[[str, str], list[dict[str, Any]]]  # (event, participant) -> its quotes


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


@dataclass
class _Attendance:
    """Who took part in which events, the input of a projection (IRI tails)."""

    events: dict[str, dict[str, Any]]  # event -> its attributes (label, year, event_type...)
    actors: dict[str, dict[str, Any]]  # participant -> its attributes
    members: dict[str, dict[str, list[str]]]  # event -> participant -> its roles there


def _from_bipartite(bip: nx.Graph, events: list[str]) -> _Attendance:
    """The attendance of the given events in an actor–event graph."""
    members = {ev: {p: edge["roles"] for p, edge in bip[ev].items()} for ev in events}
    actors = {p: bip.nodes[p] for who in members.values() for p in who}
    return _Attendance({ev: bip.nodes[ev] for ev in events}, actors, members)


@dataclass
class _Projection:
    """What `_projection` learnt besides the graph: who stands for each node at each event."""

    members: dict[str, dict[str, list[str]]]  # event -> node -> the participants it stands for
    events_of: dict[str, list[str]]  # node -> its events, in order


def _projection(
    att: _Attendance,
    *,
    roles: set[str] | None = None,
    roll_up: bool = False,
) -> tuple[nx.Graph, _Projection]:
    """Actors linked when they share events (optionally only through the given roles). With
    `roll_up`, a government agency counts as its State (the node is the State's). Edges carry
    `weight` (shared events), `events` (their labels), `event_ids`, `years`, `event_types` and
    `facets` ([year, type] of each shared event, distinct); nodes their `roles` there. No quotes
    yet (see `_attach_quotes`)."""
    import networkx as nx

    node_of: dict[str, str] = {}  # participant -> node
    node_data: dict[str, dict[str, Any]] = {}
    node_roles: dict[str, set[str]] = {}
    node_years: dict[str, set[int]] = {}
    pairs: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    info = _Projection(members={}, events_of={})
    for ev in sorted(att.members):
        members: dict[str, list[str]] = {}
        for participant, edge_roles in sorted(att.members[ev].items()):
            if roles is not None and not roles.intersection(edge_roles):
                continue
            if edge_roles == ["funder"]:
                continue  # money alone is not attendance
            actor = node_of.get(participant)
            if actor is None:
                actor = node_of[participant] = _node_for(att, participant, roll_up, node_data)
            members.setdefault(actor, []).append(participant)
            node_roles.setdefault(actor, set()).update(edge_roles)
        if not members:
            continue
        info.members[ev] = members
        year = att.events[ev].get("year")
        for actor in members:
            info.events_of.setdefault(actor, []).append(ev)
            if year is not None:
                node_years.setdefault(actor, set()).add(year)
        for pair in combinations(sorted(members), 2):
            pairs[pair].append(ev)
    g = nx.Graph()
    for actor in sorted(info.events_of):
        data = node_data[actor]
        years = node_years.get(actor)
        g.add_node(
            actor,
            **{
                **data,
                "roles": sorted(node_roles.get(actor, ())) or data.get("roles", []),
                "evidence": [],
                "year": min(years) if years else None,
                "events_total": len(info.events_of[actor]),
            },
        )
    label_of = {ev: att.events[ev].get("label", ev) for ev in info.members}
    facet_of = {ev: (d.get("year"), d.get("event_type")) for ev, d in att.events.items()}
    rows = []
    for (a, b), evs in pairs.items():
        facets = dict.fromkeys(map(facet_of.__getitem__, evs))
        rows.append((a, b, {
            "weight": len(evs),
            "events": list(map(label_of.__getitem__, evs)),
            "event_ids": evs,
            "years": sorted({y for y, _ in facets if y is not None}),
            "event_types": sorted({t for _, t in facets if t is not None}),
            "facets": [list(f) for f in facets],
            "evidence": [],
        }))  # fmt: skip
    g.add_edges_from(rows)
    return g, info


def _node_for(att: _Attendance, participant: str, roll_up: bool, nodes: dict[str, Any]) -> str:
    """The projected node a participant counts as (its State if an agency and `roll_up`);
    records the node's attributes in `nodes`."""
    data = att.actors[participant]
    actor = participant
    if roll_up and data.get("kind") == "agency" and data.get("state"):
        actor = data["state"]
        if actor not in nodes:
            nodes[actor] = dict(att.actors[actor]) if actor in att.actors else {
                "label": data.get("state_label") or actor,
                "kind": "state",
                "region": data.get("region"),
                "iri": ID + actor,
                "aliases": [],
            }  # fmt: skip
    elif actor not in nodes:
        nodes[actor] = dict(data)
    return actor


def _attach_quotes(
    g: nx.Graph, info: _Projection, quotes: Quotes, quoted: Callable[[str], bool]
) -> None:
    """Quotes on the projected nodes and links: those of the participants a node stands for,
    at its first NODE_QUOTED_EVENTS events (`quoted` ones: those whose quotes were read), and
    at a link's first EDGE_QUOTED_EVENTS events. `quoted_events` counts the events they are from."""

    def collect(ev: str, nodes: tuple[str, ...], out: list[dict[str, Any]], seen: set[Any]) -> None:
        for node in nodes:
            for participant in info.members[ev].get(node, ()):
                for q in quotes(ev, participant):
                    key = (q["note"], q["line"], q["quote"])
                    if key not in seen:
                        seen.add(key)
                        out.append(q)

    for node, data in g.nodes(data=True):
        chosen = list(islice(filter(quoted, info.events_of.get(node, ())), NODE_QUOTED_EVENTS))
        seen: set[Any] = set()
        for ev in chosen:
            collect(ev, (node,), data["evidence"], seen)
        data["quoted_events"] = len(chosen)
    for a, b, data in g.edges(data=True):
        chosen = list(islice(filter(quoted, data["event_ids"]), EDGE_QUOTED_EVENTS))
        seen = set()
        for ev in chosen:
            collect(ev, (a, b), data["evidence"], seen)
        data["quoted_events"] = len(chosen)


def _bip_quotes(bip: nx.Graph) -> Quotes:
    def quotes(ev: str, participant: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = bip.edges[participant, ev]["evidence"]
        return found

    return quotes


def _sample(g: nx.Graph, info: _Projection, limit: int) -> set[str]:
    """The events whose quotes a projected view reads: each node's first NODE_QUOTED_EVENTS,
    then, heaviest links first, the first event of each link that has none yet; at most
    `limit` events (a link left without is quoted from none, and the page says so)."""
    chosen: set[str] = set()
    for node in sorted(g, key=lambda n: (-len(info.events_of[n]), n)):
        for ev in info.events_of[node][:NODE_QUOTED_EVENTS]:
            if len(chosen) < limit:
                chosen.add(ev)
    links = sorted(g.edges(data="event_ids"), key=lambda e: (-len(e[2]), e[0], e[1]))
    for _, _, evs in links:
        if len(chosen) >= limit:
            break
        if chosen.isdisjoint(evs):
            chosen.add(evs[0])
    return chosen


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
) -> _Attendance:
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
    return _Attendance({ev: found.events[ev] for ev in members}, actors, members)


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
        g, info = _projection(_from_bipartite(bip, shared), roll_up=True)
        _attach_quotes(g, info, _bip_quotes(bip), lambda ev: True)
        return g
    att = _shared_attendance(store, target, include_planned, filters)
    if not att.members:
        raise UsageError(_no_events(actor, filters))
    g, info = _projection(att, roll_up=True)
    sample = _sample(g, info, MAX_QUOTED_EVENTS)
    details = participation_details(store, sample)
    _attach_quotes(
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
        g, info = _projection(_from_bipartite(bip, events), roles=ORGANIZING)
        _attach_quotes(g, info, _bip_quotes(bip), lambda ev: True)
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
