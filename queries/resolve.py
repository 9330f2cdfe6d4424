"""Names to IRIs, before a named query runs.

A parameter of type `actor` or `event` is what a user types: "OSCE", "osce-cpc", "Government of
Belarus", "2013-01-15", "event/2013-01-15-minsk". The runner resolves it here with a small bound
lookup query (case-insensitive), then binds the IRI to the query's variable, so every query joins
on one indexed IRI (fast on rdflib too, where a FILTER on names is evaluated after the joins).

Matches are ranked (id > name/acronym/ISO code > alternative label > spelling read in a note; for
events: id > start date > title > city); the best rank must be one thing, else the name is
ambiguous and the error lists the candidates. A name that matches nothing resolves to None: the
query then has no rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol

from ontology.errors import UsageError
from ontology.iris import ID

__all__ = ["resolve"]

_PREFIXES = """PREFIX ng:   <https://w3id.org/notegraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""

_ACTOR = (
    _PREFIXES
    + """SELECT DISTINCT ?it ?rank ?label ?name WHERE {
  { ?it ng:acronym|skos:prefLabel|skos:notation ?l BIND (2 AS ?rank) }
  UNION { ?it skos:altLabel ?l BIND (3 AS ?rank) }
  FILTER (LCASE(STR(?l)) = LCASE(STR(?name)))
  OPTIONAL { ?it skos:prefLabel ?label }
}"""
)
# a spelling read in a note: on the participations (one per claim, so many), looked up only when
# no label matched, first as typed (an index lookup), then ignoring case (a scan)
_SPELLING = (
    _PREFIXES
    + """SELECT DISTINCT ?it (4 AS ?rank) ?label ?name WHERE {
  ?p ng:surfaceForm ?name ; ng:agent ?it .
  OPTIONAL { ?it skos:prefLabel ?label }
}"""
)
_SPELLING_ANY_CASE = (
    _PREFIXES
    + """SELECT DISTINCT ?it (4 AS ?rank) ?label ?name WHERE {
  ?p ng:surfaceForm ?l ; ng:agent ?it .
  FILTER (LCASE(STR(?l)) = LCASE(STR(?name)))
  OPTIONAL { ?it skos:prefLabel ?label }
}"""
)
_EVENT = (
    _PREFIXES
    + """SELECT DISTINCT ?it ?rank ?label ?name WHERE {
  ?it a ng:Event .
  OPTIONAL { ?it rdfs:label ?label }
  OPTIONAL { ?it schema:startDate ?start }
  OPTIONAL { ?it schema:location ?place . ?place rdfs:label ?city }
  BIND (IF(STR(?start) = STR(?name), 2,
        IF(LCASE(STR(?label)) = LCASE(STR(?name)), 3,
        IF(CONTAINS(LCASE(STR(?label)), LCASE(STR(?name))), 4,
        IF(LCASE(STR(?city)) = LCASE(STR(?name)), 5, 0)))) AS ?rank)
  FILTER (?rank > 0)
}"""
)
# an id the user typed: does it name something in the store?
_ID = (
    _PREFIXES
    + """SELECT DISTINCT ?it ?label WHERE {
  ?it a ?class .
  OPTIONAL { ?it skos:prefLabel|rdfs:label ?label }
}"""
)


class _Target(Protocol):
    def select(
        self, query: str, bindings: Mapping[str, object] | None = None
    ) -> list[dict[str, Any]]: ...


def resolve(kind: str, option: str, name: str, target: _Target) -> str | None:
    """The IRI `name` stands for (kind 'actor' or 'event'), None when nothing matches;
    UsageError naming `option` and the candidates when several things match equally well."""
    from graph.store import IRI

    name = name.strip()
    if not name:
        return None
    tail = name if name.startswith(("org/", "state/", "unresolved/", "event/")) else None
    if kind == "event" and tail is None and not name.startswith(ID):
        tail = "event/" + name
    iri = name if name.startswith(ID) else ID + (tail or "")
    if (tail or name.startswith(ID)) and re.fullmatch(r"[A-Za-z0-9._~:/%-]+", iri):
        if target.select(_ID, {"it": IRI(iri)}):
            return iri
    if kind == "actor":
        rows = target.select(_ACTOR, {"name": name})
        rows = rows or target.select(_SPELLING, {"name": name})
        rows = rows or target.select(_SPELLING_ANY_CASE, {"name": name})
    else:
        rows = target.select(_EVENT, {"name": name})
    if not rows:
        return None
    best = min(int(r["rank"]) for r in rows)
    found = sorted({(r["it"], r.get("label") or "") for r in rows if int(r["rank"]) == best})
    iris = sorted({iri for iri, _ in found})
    if len(iris) == 1:
        return str(iris[0])
    shown = "; ".join(
        f"{iri[len(ID) :]} ({label})" if label else iri[len(ID) :] for iri, label in found[:8]
    )
    more = f" and {len(iris) - 8} more" if len(iris) > 8 else ""
    raise UsageError(
        f"{option} {name!r} matches {len(iris)} {kind}s: {shown}{more}; "
        f"give one of these ids instead (e.g. {option} {iris[0][len(ID) :]})"
    )
