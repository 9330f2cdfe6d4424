"""Projections of an actor–event graph: actors linked by the events they share.

`project` turns who-took-part-in-what (`Attendance`, from an actor–event graph or from the
store's shortcuts) into a weighted actor graph; `attach_quotes` then puts on each node and link
the quotes of a few of its events (`quoted_events` says how many), read from the actor–event
graph (`bip_quotes`) or from the store for the events `quoted_sample` picks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations, islice
from typing import TYPE_CHECKING, Any

from ontology.iris import ID

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EDGE_QUOTED_EVENTS",
    "NODE_QUOTED_EVENTS",
    "Attendance",
    "Projection",
    "Quotes",
    "attach_quotes",
    "bip_quotes",
    "from_bipartite",
    "project",
    "quoted_sample",
]

#: Quotes on a projected actor come from its first this many events; on a link, from this many.
NODE_QUOTED_EVENTS = 10
EDGE_QUOTED_EVENTS = 3

Quotes = Callable[[str, str], list[dict[str, Any]]]  # (event, participant) -> its quotes


@dataclass
class Attendance:
    """Who took part in which events, the input of a projection (IRI tails)."""

    events: dict[str, dict[str, Any]]  # event -> its attributes (label, year, event_type...)
    actors: dict[str, dict[str, Any]]  # participant -> its attributes
    members: dict[str, dict[str, list[str]]]  # event -> participant -> its roles there


def from_bipartite(bip: nx.Graph, events: list[str]) -> Attendance:
    """The attendance of the given events in an actor–event graph."""
    members = {ev: {p: edge["roles"] for p, edge in bip[ev].items()} for ev in events}
    actors = {p: bip.nodes[p] for who in members.values() for p in who}
    return Attendance({ev: bip.nodes[ev] for ev in events}, actors, members)


@dataclass
class Projection:
    """What `project` learnt besides the graph: who stands for each node at each event."""

    members: dict[str, dict[str, list[str]]]  # event -> node -> the participants it stands for
    events_of: dict[str, list[str]]  # node -> its events, in order


def project(
    att: Attendance,
    *,
    roles: set[str] | None = None,
    roll_up: bool = False,
) -> tuple[nx.Graph, Projection]:
    """Actors linked when they share events (optionally only through the given roles). With
    `roll_up`, a government agency counts as its State (the node is the State's). Edges carry
    `weight` (shared events), `events` (their labels), `event_ids`, `years`, `event_types` and
    `facets` ([year, type] of each shared event, distinct); nodes their `roles` there. No quotes
    yet (see `attach_quotes`)."""
    import networkx as nx

    node_of: dict[str, str] = {}  # participant -> node
    node_data: dict[str, dict[str, Any]] = {}
    node_roles: dict[str, set[str]] = {}
    node_years: dict[str, set[int]] = {}
    pairs: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    info = Projection(members={}, events_of={})
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


def _node_for(att: Attendance, participant: str, roll_up: bool, nodes: dict[str, Any]) -> str:
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


def attach_quotes(
    g: nx.Graph, info: Projection, quotes: Quotes, quoted: Callable[[str], bool]
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


def bip_quotes(bip: nx.Graph) -> Quotes:
    def quotes(ev: str, participant: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = bip.edges[participant, ev]["evidence"]
        return found

    return quotes


def quoted_sample(g: nx.Graph, info: Projection, limit: int) -> set[str]:
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
