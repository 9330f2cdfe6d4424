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

_PARTICIPATIONS = """
PREFIX ng:   <https://w3id.org/notegraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>

SELECT ?event ?title ?start ?status ?etype ?agent ?alabel ?kind ?region ?acronym
       ?state ?slabel ?sregion
       ?role ?note ?line ?quote
WHERE {
  ?p a ng:Participation ; ng:event ?event ; ng:agent ?agent ; ng:role ?role ;
     prov:wasDerivedFrom ?note .
  ?event ng:reportedStatus ?status .
  OPTIONAL { ?event rdfs:label ?title }
  OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event ng:eventType ?etype }
  OPTIONAL { ?agent skos:prefLabel ?alabel }
  OPTIONAL { ?agent ng:actorKind ?kind }
  OPTIONAL { ?agent ng:region ?region }
  OPTIONAL { ?agent ng:acronym ?acronym }
  OPTIONAL {
    ?agent ng:agencyOf ?state .
    OPTIONAL { ?state skos:prefLabel ?slabel }
    OPTIONAL { ?state ng:region ?sregion }
  }
  OPTIONAL { ?p ng:evidence ?e . ?e ng:line ?line ; ng:quote ?quote }
}
"""


def _tail(iri: str) -> str:
    return iri[len(ID) :] if iri.startswith(ID) else iri


def actor_event_graph(store: Store, *, include_planned: bool = True) -> nx.Graph:
    """A bipartite graph: actor nodes (kind state|organization|agency|unresolved) and event
    nodes (kind event), an edge per actor–event pair with its roles and evidence quotes.
    Agencies carry `state` (the tail of their State's IRI) and `state_label`."""
    import networkx as nx

    g = nx.Graph()
    rows = store.select(_PARTICIPATIONS)
    rows.sort(
        key=lambda r: (r["event"], r["agent"], r["role"], r.get("note") or "", r.get("line") or 0)
    )
    for r in rows:
        held = r["status"] == ONT + "Held"
        if not held and not include_planned:
            continue
        ev, ag = _tail(r["event"]), _tail(r["agent"])
        note = _tail(r["note"])
        evidence = (
            {"note": note, "line": r["line"], "quote": r["quote"]} if r.get("quote") else None
        )
        if ev not in g:
            start = r.get("start")
            g.add_node(
                ev,
                label=r.get("title") or ev,
                kind="event",
                year=int(start[:4]) if start else None,
                start=start,
                status="held" if held else "planned",
                event_type=r.get("etype"),
                iri=r["event"],
                evidence=[],
            )
        if ag not in g:
            kind = r.get("kind") or ag.split("/", 1)[0].replace("org", "organization")
            g.add_node(
                ag,
                label=r.get("alabel") or ag,
                kind=kind,
                region=r.get("region") or r.get("sregion"),
                iri=r["agent"],
                aliases=[r["acronym"]] if r.get("acronym") else [],
                state=_tail(r["state"]) if r.get("state") else None,
                state_label=r.get("slabel"),
                evidence=[],
            )
        role = r["role"][len(ONT) :].lower() if r["role"].startswith(ONT) else r["role"]
        if not g.has_edge(ag, ev):
            g.add_edge(ag, ev, roles=[], evidence=[], weight=1)
        edge: dict[str, Any] = g.edges[ag, ev]
        if role not in edge["roles"]:
            edge["roles"].append(role)
        if evidence and evidence not in edge["evidence"]:
            edge["evidence"].append(evidence)
            g.nodes[ag]["evidence"].append(evidence)
        roles = g.nodes[ag].setdefault("roles", [])
        if role not in roles:
            roles.append(role)
    return g
