"""The store as a networkx graph: actors and events, with roles and evidence on every edge.

Used by the HTML views (viz/) and by `notegraph export --format graphml|gexf`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ontology.iris import ID, ONT

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store

__all__ = ["actor_event_graph"]

_PREFIXES = """
PREFIX ng:   <https://w3id.org/notegraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""

# Separate, flat queries joined in Python: one query with every OPTIONAL multiplies rows when
# several notes describe the same event (each label x each date x each quote).
_PARTICIPATIONS = _PREFIXES + """
SELECT DISTINCT ?p ?event ?agent ?role ?note WHERE {
  ?p a ng:Participation ; ng:event ?event ; ng:agent ?agent ; ng:role ?role ;
     prov:wasDerivedFrom ?note .
}"""
_EVIDENCE = _PREFIXES + """
SELECT DISTINCT ?p ?line ?quote WHERE {
  ?p a ng:Participation ; ng:evidence ?e . ?e ng:line ?line ; ng:quote ?quote .
}"""
_EVENTS = _PREFIXES + """
SELECT ?event (MIN(?s) AS ?status) (SAMPLE(?t) AS ?title) (MIN(?d) AS ?start)
       (SAMPLE(?ty) AS ?etype) WHERE {
  ?event a ng:Event ; ng:reportedStatus ?s .
  OPTIONAL { ?event rdfs:label ?t }
  OPTIONAL { ?event schema:startDate ?d }
  OPTIONAL { ?event ng:eventType ?ty }
} GROUP BY ?event"""
_ACTORS = _PREFIXES + """
SELECT ?agent (SAMPLE(?l) AS ?alabel) (SAMPLE(?k) AS ?kind) (SAMPLE(?r) AS ?region)
       (SAMPLE(?a) AS ?acronym) (SAMPLE(?st) AS ?state) (SAMPLE(?sl) AS ?slabel)
       (SAMPLE(?sr) AS ?sregion) WHERE {
  ?x ng:agent ?agent .
  OPTIONAL { ?agent skos:prefLabel ?l }
  OPTIONAL { ?agent ng:actorKind ?k }
  OPTIONAL { ?agent ng:region ?r }
  OPTIONAL { ?agent ng:acronym ?a }
  OPTIONAL {
    ?agent ng:agencyOf ?st .
    OPTIONAL { ?st skos:prefLabel ?sl }
    OPTIONAL { ?st ng:region ?sr }
  }
} GROUP BY ?agent"""


def _tail(iri: str) -> str:
    return iri[len(ID) :] if iri.startswith(ID) else iri


def actor_event_graph(store: Store, *, include_planned: bool = True) -> nx.Graph:
    """A bipartite graph: actor nodes (kind state|organization|agency|unresolved) and event
    nodes (kind event), an edge per actor–event pair with its roles and evidence quotes.
    Agencies carry `state` (the tail of their State's IRI) and `state_label`."""
    import networkx as nx

    g = nx.Graph()
    events = {r["event"]: r for r in store.select(_EVENTS)}
    actors = {r["agent"]: r for r in store.select(_ACTORS)}
    quotes: dict[str, list[tuple[int, str]]] = {}
    for r in store.select(_EVIDENCE):
        quotes.setdefault(r["p"], []).append((int(r["line"]), r["quote"]))
    rows = store.select(_PARTICIPATIONS)
    rows.sort(key=lambda r: (r["event"], r["agent"], r["role"], r["note"], r["p"]))
    held_iri = ONT + "Held"
    for r in rows:
        e = events.get(r["event"], {})
        held = e.get("status") == held_iri
        if not held and not include_planned:
            continue
        ev, ag = _tail(r["event"]), _tail(r["agent"])
        note = _tail(r["note"])
        if ev not in g:
            start = e.get("start")
            g.add_node(
                ev,
                label=e.get("title") or ev,
                kind="event",
                year=int(start[:4]) if start else None,
                start=start,
                status="held" if held else "planned",
                event_type=e.get("etype"),
                iri=r["event"],
                evidence=[],
            )
        if ag not in g:
            a = actors.get(r["agent"], {})
            kind = a.get("kind") or ag.split("/", 1)[0].replace("org", "organization")
            g.add_node(
                ag,
                label=a.get("alabel") or ag,
                kind=kind,
                region=a.get("region") or a.get("sregion"),
                iri=r["agent"],
                aliases=[a["acronym"]] if a.get("acronym") else [],
                state=_tail(a["state"]) if a.get("state") else None,
                state_label=a.get("slabel"),
                evidence=[],
            )
        role = r["role"][len(ONT) :].lower() if r["role"].startswith(ONT) else r["role"]
        if not g.has_edge(ag, ev):
            g.add_edge(ag, ev, roles=[], evidence=[], weight=1)
        edge: dict[str, Any] = g.edges[ag, ev]
        if role not in edge["roles"]:
            edge["roles"].append(role)
        for line, quote in sorted(quotes.get(r["p"], [])):
            evidence = {"note": note, "line": line, "quote": quote}
            if evidence not in edge["evidence"]:
                edge["evidence"].append(evidence)
                g.nodes[ag]["evidence"].append(evidence)
        roles = g.nodes[ag].setdefault("roles", [])
        if role not in roles:
            roles.append(role)
    return g
