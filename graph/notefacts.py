"""One note graph's share of the per-build summary, computed once when the note is mapped.

The summary (graph/summary.py) counts claims across every note graph. Reading them back from
the store after each build cost ~3.5 s at 10k notes (the participations' 3-way join alone 2.2 s)
and had to be redone whenever any note changed. Instead the worker that maps a note extracts
from the graph's own quads the few facts the summary counts, and the build record keeps them
(JSON), so a note that is not read again still brings them. They are taken from the quads, not
from the `Note`, so that they are what the store holds by construction (the same function reads
them back from a stored graph whose record predates them).

Per subject (in practice: the note's events), short keys, lists sorted, empty ones left out:
  E  1 if `?s a ng:Event`            i  ng:involves        s  ng:reportedStatus
  o  ng:organizedBy                  a  ng:attendedBy | ng:invited
  d  schema:startDate (lexical)      c  ng:country
  r  [unit, role, unit, role, ...]   of the participations whose ng:event is ?s
  x  [resolution, ...]               of the ng:Citation nodes whose ng:event is ?s
IRIs are written short (`iri_short`): without the instance base, or `ng:` for ontology terms.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from graph.rdf import RDF_TYPE, SCHEMA, ng
from ontology.iris import ID, ONT

if TYPE_CHECKING:
    from pyoxigraph import NamedNode, Quad

__all__ = ["NoteFacts", "iri_full", "iri_short", "note_facts", "quad_facts"]

NoteFacts = dict[str, dict[str, Any]]  # short subject IRI -> key -> values (see above)

# predicate -> the key its (subject, object) goes to; "" for those the joins below need
_KEYS = {
    ng("involves"): "i",
    ng("reportedStatus"): "s",
    ng("organizedBy"): "o",
    ng("attendedBy"): "a",
    ng("invited"): "a",
    SCHEMA + "startDate": "d",
    ng("country"): "c",
    RDF_TYPE: "",
    ng("event"): "",
    ng("agent"): "",
    ng("role"): "",
    ng("resolution"): "",
}
_EVENT, _CITATION = ng("Event"), ng("Citation")
_LITERAL_KEYS = frozenset("d")


def iri_short(iri: str) -> str:
    """An IRI as the record writes it: `state/BLR` for an instance, `ng:Held` for an ontology
    term, `<` + the IRI for anything else (and for the rare instance tail that would read as
    one of the other two forms)."""
    if iri.startswith(ONT):
        return "ng:" + iri[len(ONT) :]
    if iri.startswith(ID) and not iri.startswith(("<", "ng:"), len(ID)):
        return iri[len(ID) :]
    return "<" + iri


def iri_full(short: str) -> str:
    """The IRI `iri_short` wrote."""
    if short.startswith("<"):
        return short[1:]
    if short.startswith("ng:"):
        return ONT + short[3:]
    return ID + short


def quad_facts(quads: Iterable[Quad]) -> NoteFacts:
    """`note_facts` of a graph's pyoxigraph quads (the worker's, before they are written).
    Predicates are matched as terms (no string made for the ~60% of quads that do not count)."""
    keys = _predicate_nodes()
    found = []
    for q in quads:
        p = keys.get(q.predicate)
        if p is not None:
            found.append((q.subject.value, p, q.object.value))  # type: ignore[union-attr]
    return note_facts(found)


@cache
def _predicate_nodes() -> dict[NamedNode, str]:
    from pyoxigraph import NamedNode

    return {NamedNode(p): p for p in _KEYS}


def note_facts(triples: Iterable[tuple[str, str, str]]) -> NoteFacts:
    """The summary's facts of one note graph, from its (subject, predicate, object) triples
    (IRIs and literals' lexical forms as strings); triples of other predicates are ignored."""
    facts: dict[str, dict[str, set[str]]] = {}
    types: dict[str, set[str]] = {}
    links: dict[str, dict[str, set[str]]] = {}  # participation/citation -> predicate -> values
    for s, p, o in triples:
        key = _KEYS.get(p)
        if key is None:
            continue
        if key:
            facts.setdefault(s, {}).setdefault(key, set()).add(o)
        elif p == RDF_TYPE:
            types.setdefault(s, set()).add(o)
        else:
            links.setdefault(s, {}).setdefault(p, set()).add(o)
    for s, classes in types.items():
        if _EVENT in classes:
            facts.setdefault(s, {})["E"] = set()
    event, agent, role, resolution = ng("event"), ng("agent"), ng("role"), ng("resolution")
    for node, values in links.items():
        events = values.get(event, set())
        for u in values.get(agent, ()):
            for r in values.get(role, ()):
                for e in events:  # as `?p ng:event ?e ; ng:agent ?u ; ng:role ?r` in one graph
                    facts.setdefault(e, {}).setdefault("r", set()).add(f"{u} {r}")
        if _CITATION in types.get(node, ()):
            for res in values.get(resolution, ()):
                for e in events:
                    facts.setdefault(e, {}).setdefault("x", set()).add(res)
    return {iri_short(s): _compact(v) for s, v in sorted(facts.items())}


def _compact(values: dict[str, set[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in sorted(values):
        if key == "E":
            out[key] = 1
        elif key == "r":
            pairs = sorted(tuple(x.split(" ")) for x in values[key])
            out[key] = [iri_short(t) for pair in pairs for t in pair]
        elif key in _LITERAL_KEYS:
            out[key] = sorted(values[key])
        else:
            out[key] = sorted(iri_short(x) for x in values[key])
    return out
