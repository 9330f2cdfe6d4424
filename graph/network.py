"""The store as a networkx graph: actors and events, with roles and evidence on every edge.

Used by the HTML views (viz/) and by `notegraph export --format graphml|gexf`.

- `actor_event_graph`: every event and actor, each actor–event edge with its roles and quotes
  (reads every participation: seconds at 10k notes).
- `shared_events`: only the events one actor took part in, from the derived one-hop shortcuts
  (`ng:involves`, `ng:attendedBy`, `ng:invited`): who took part, without roles or quotes, fast
  enough for an interactive view at 10k notes. `participation_details` then reads
  the roles and quotes of a chosen few events (every participation of 6,000 events would take
  seconds: one index lookup per claim and property).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ontology.iris import ID, ONT

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store

__all__ = [
    "Detail",
    "actor_event_graph",
    "SharedEvents",
    "has_shortcuts",
    "participation_details",
    "shared_events",
]

_PREFIXES = """
PREFIX ng:   <https://w3id.org/notegraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""

# Separate, flat queries joined in Python: one query with every OPTIONAL multiplies rows when
# several notes describe the same event (each label x each date x each quote).
_PARTICIPATIONS = (
    _PREFIXES
    + """
SELECT ?p ?event ?agent ?role ?note WHERE {
  ?p ng:event ?event ; ng:agent ?agent ; ng:role ?role ; prov:wasDerivedFrom ?note .
}"""
)
_EVIDENCE = (
    _PREFIXES
    + """
SELECT ?p ?line ?quote WHERE {
  ?p ng:agent ?agent ; ng:evidence ?e . ?e ng:line ?line ; ng:quote ?quote .
}"""
)
_EVENTS = (
    _PREFIXES
    + """
SELECT ?event (MIN(?s) AS ?status) (SAMPLE(?t) AS ?title) (MIN(?d) AS ?start)
       (SAMPLE(?ty) AS ?etype) WHERE {
  ?event a ng:Event ; ng:reportedStatus ?s .
  OPTIONAL { ?event rdfs:label ?t }
  OPTIONAL { ?event schema:startDate ?d }
  OPTIONAL { ?event ng:eventType ?ty }
} GROUP BY ?event"""
)
# every actor the store describes (reference and derived graphs: hundreds, not one per claim)
_ACTORS = (
    _PREFIXES
    + """
SELECT ?agent (SAMPLE(?l) AS ?alabel) (SAMPLE(?k) AS ?kind) (SAMPLE(?r) AS ?region)
       (SAMPLE(?a) AS ?acronym) (SAMPLE(?st) AS ?state) (SAMPLE(?sl) AS ?slabel)
       (SAMPLE(?sr) AS ?sregion) WHERE {
  ?agent ng:actorKind ?k .
  OPTIONAL { ?agent skos:prefLabel ?l }
  OPTIONAL { ?agent ng:region ?r }
  OPTIONAL { ?agent ng:acronym ?a }
  OPTIONAL {
    ?agent ng:agencyOf ?st .
    OPTIONAL { ?st skos:prefLabel ?sl }
    OPTIONAL { ?st ng:region ?sr }
  }
} GROUP BY ?agent"""
)

# ---- one actor's events, through the derived shortcuts (one index lookup per event)
_HAS_SHORTCUTS = _PREFIXES + "SELECT ?e WHERE { ?e ng:involves ?x } LIMIT 1"
_SHARED_EVENTS = (
    _PREFIXES
    + """
SELECT ?event ?status ?title ?start ?etype ?target WHERE {
  ?event ng:involves ?target ; ng:reportedStatus ?status .
  OPTIONAL { ?event rdfs:label ?title }
  OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event ng:eventType ?etype }
}"""
)
# one row per actor with its events: 60 rows instead of 60,000 (a row costs more than a string);
# ?link is bound to ng:attendedBy, or to it and ng:invited (planned events too)
_SHARED_MEMBERS = (
    _PREFIXES
    + """
SELECT ?agent (GROUP_CONCAT(STR(?event); separator=" ") AS ?events) ?target WHERE {
  ?event ng:involves ?target ; ?link ?agent .
} GROUP BY ?agent ?target"""
)
# (an OPTIONAL for the quotes would make Oxigraph read every quote in the store: two inner joins)
_DETAIL_ROLES = (
    _PREFIXES
    + """
SELECT ?event ?agent ?role WHERE {
  ?p ng:event ?event ; ng:agent ?agent ; ng:role ?role .
}"""
)
_DETAIL_QUOTES = (
    _PREFIXES
    + """
SELECT ?event ?agent ?note ?line ?quote WHERE {
  ?p ng:event ?event ; ng:agent ?agent ; prov:wasDerivedFrom ?note ; ng:evidence ?e .
  ?e ng:line ?line ; ng:quote ?quote .
}"""
)
# events per query, bound to ?event together (graph.bind.AnyOf: one VALUES row each)
_DETAILS_CHUNK = 200


def _tail(iri: str) -> str:
    return iri[len(ID) :] if iri.startswith(ID) else iri


def _role(iri: str) -> str:
    return iri[len(ONT) :].lower() if iri.startswith(ONT) else iri


def _actor_node(tail: str, a: dict[str, Any]) -> dict[str, Any]:
    """The attributes of an actor node, from a row of `_ACTORS` (or none)."""
    kind = a.get("kind") or tail.split("/", 1)[0].replace("org", "organization")
    return {
        "label": a.get("alabel") or tail,
        "kind": kind,
        "region": a.get("region") or a.get("sregion"),
        "iri": a.get("agent") or ID + tail,
        "aliases": [a["acronym"]] if a.get("acronym") else [],
        "state": _tail(a["state"]) if a.get("state") else None,
        "state_label": a.get("slabel"),
        "evidence": [],
    }


def _event_node(tail: str, iri: str, e: dict[str, Any], held: bool) -> dict[str, Any]:
    start = e.get("start")
    return {
        "label": e.get("title") or tail,
        "kind": "event",
        "year": int(start[:4]) if start and start[:4].isdigit() else None,
        "start": start,
        "status": "held" if held else "planned",
        "event_type": e.get("etype"),
        "iri": iri,
        "evidence": [],
    }


def _actors(store: Store, present: set[str]) -> dict[str, dict[str, Any]]:
    """Descriptions of the agents (IRIs) in `present`; an agent the store does not describe
    gets an empty one (its kind is then read from its IRI)."""
    actors = {r["agent"]: r for r in store.select(_ACTORS)}
    return {iri: actors.get(iri, {}) for iri in present}


def actor_event_graph(store: Store, *, include_planned: bool = True) -> nx.Graph:
    """A bipartite graph: actor nodes (kind state|organization|agency|unresolved) and event
    nodes (kind event), an edge per actor–event pair with its roles and evidence quotes.
    Agencies carry `state` (the tail of their State's IRI) and `state_label`."""
    import networkx as nx

    g = nx.Graph()
    events = {r["event"]: r for r in store.select(_EVENTS)}
    quotes: dict[str, set[tuple[int, str]]] = {}
    for r in store.select(_EVIDENCE):
        quotes.setdefault(r["p"], set()).add((int(r["line"]), r["quote"]))
    rows = store.select(_PARTICIPATIONS)
    rows.sort(key=lambda r: (r["event"], r["agent"], r["role"], r["note"], r["p"]))
    actors = _actors(store, {r["agent"] for r in rows})
    held_iri = ONT + "Held"
    seen: dict[tuple[str, str], set[tuple[str, int, str]]] = {}  # edge -> its quotes
    node_seen: dict[str, set[tuple[str, int, str]]] = {}
    last: tuple[str, str, str, str] | None = None
    for r in rows:
        key = (r["p"], r["event"], r["agent"], r["role"])
        if key == last:  # the same claim twice (a store that repeats triples per graph)
            continue
        last = key
        e = events.get(r["event"], {})
        held = e.get("status") == held_iri
        if not held and not include_planned:
            continue
        ev, ag = _tail(r["event"]), _tail(r["agent"])
        note = _tail(r["note"])
        if ev not in g:
            g.add_node(ev, **_event_node(ev, r["event"], e, held))
        if ag not in g:
            g.add_node(ag, **_actor_node(ag, actors.get(r["agent"], {})))
            g.nodes[ag]["iri"] = r["agent"]
            node_seen[ag] = set()
        role = _role(r["role"])
        if not g.has_edge(ag, ev):
            g.add_edge(ag, ev, roles=[], evidence=[], weight=1)
            seen[ag, ev] = set()
        edge: dict[str, Any] = g.edges[ag, ev]
        if role not in edge["roles"]:
            edge["roles"].append(role)
        for line, quote in sorted(quotes.get(r["p"], ())):
            item = (note, line, quote)
            if item in seen[ag, ev]:
                continue
            seen[ag, ev].add(item)
            evidence = {"note": note, "line": line, "quote": quote}
            edge["evidence"].append(evidence)
            if item not in node_seen[ag]:
                node_seen[ag].add(item)
                g.nodes[ag]["evidence"].append(evidence)
        roles = g.nodes[ag].setdefault("roles", [])
        if role not in roles:
            roles.append(role)
    return g


def has_shortcuts(store: Store) -> bool:
    """Whether the store has the derived `ng:involves` shortcuts (stores built before they
    existed do not: rebuild, or use `actor_event_graph`)."""
    return bool(store.select(_HAS_SHORTCUTS))


@dataclass
class SharedEvents:
    """The events one actor took part in and who took part in them (IRI tails throughout)."""

    events: dict[str, dict[str, Any]]  # event -> its node attributes (as actor_event_graph's)
    actors: dict[str, dict[str, Any]]  # actor -> its node attributes
    members: dict[str, list[str]]  # event -> the actors that took part in it, sorted


def shared_events(store: Store, target: str, *, include_planned: bool = False) -> SharedEvents:
    """The events `target` (an actor's IRI) took part in (`ng:involves`: itself or a sub-unit,
    any role but funder; with `include_planned`, events not held too) and everyone who took
    part in them (`ng:attendedBy`; with `include_planned`, `ng:invited` as well).

    Read from the one-hop shortcuts, so without roles or quotes (see `participation_details`):
    three small queries at 10k notes where every claim of the actor's events would take seconds."""
    from pyoxigraph import NamedNode

    from graph.bind import AnyOf

    bound: dict[str, object] = {"target": _IRI(NamedNode(target).value)}
    held_iri = ONT + "Held"
    found: dict[str, dict[str, set[str]]] = {}
    for r in store.select(_SHARED_EVENTS, bound):
        e = found.setdefault(r["event"], {"status": set(), "title": set(), "start": set(),
                                          "etype": set()})  # fmt: skip
        for col, values in e.items():
            if r.get(col) is not None:
                values.add(r[col])
    events: dict[str, dict[str, Any]] = {}
    for iri, e in found.items():
        held = held_iri in e["status"]
        if held or include_planned:
            row = {col: min(e[col]) if e[col] else None for col in ("title", "start", "etype")}
            events[_tail(iri)] = _event_node(_tail(iri), iri, row, held)
    members: dict[str, set[str]] = {}
    links = (ONT + "attendedBy", ONT + "invited") if include_planned else (ONT + "attendedBy",)
    agents: set[str] = set()
    for r in store.select(_SHARED_MEMBERS, {**bound, "link": AnyOf(tuple(map(_IRI, links)))}):
        # the IRIs as tails, in one pass over the string (an IRI holds no space)
        tails = (" " + r["events"]).replace(" " + ID, " ").split()
        agent = _tail(r["agent"])
        shared = events.keys() & set(tails)
        for ev in shared:
            members.setdefault(ev, set()).add(agent)
        if shared:
            agents.add(r["agent"])
    described = _actors(store, agents)
    return SharedEvents(
        events={ev: events[ev] for ev in sorted(members)},
        actors={
            _tail(iri): {**_actor_node(_tail(iri), described[iri]), "iri": iri}
            for iri in sorted(agents)
        },
        members={ev: sorted(who) for ev, who in sorted(members.items())},
    )


class Detail:
    """What the notes say about one actor at one event: its roles and the quotes."""

    __slots__ = ("evidence", "roles")

    def __init__(self) -> None:
        self.roles: list[str] = []
        self.evidence: list[dict[str, Any]] = []


def participation_details(store: Store, events: Iterable[str]) -> dict[tuple[str, str], Detail]:
    """(event tail, actor tail) -> roles and quotes, for the given events (IRI tails). Two
    queries per ~200 events, the events bound as parameters (graph.bind.AnyOf)."""
    from graph.bind import AnyOf

    wanted = sorted(set(events))
    out: dict[tuple[str, str], Detail] = {}
    for i in range(0, len(wanted), _DETAILS_CHUNK):
        chunk = {"event": AnyOf(tuple(_IRI(ID + ev) for ev in wanted[i : i + _DETAILS_CHUNK]))}
        for r in sorted(store.select(_DETAIL_ROLES, chunk),
                        key=lambda r: (r["event"], r["agent"], r["role"])):  # fmt: skip
            d = out.setdefault((_tail(r["event"]), _tail(r["agent"])), Detail())
            role = _role(r["role"])
            if role not in d.roles:
                d.roles.append(role)
        quotes = {
            (_tail(r["event"]), _tail(r["agent"]), _tail(r["note"]), int(r["line"]), r["quote"])
            for r in store.select(_DETAIL_QUOTES, chunk)
        }
        for ev, ag, note, line, quote in sorted(quotes):
            d = out.setdefault((ev, ag), Detail())
            d.evidence.append({"note": note, "line": line, "quote": quote})
    return out


def _IRI(value: str) -> Any:
    from graph.store import IRI

    return IRI(value)
