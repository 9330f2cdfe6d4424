"""SHACL validation of the store: pySHACL, one note graph at a time, the ontology as ont_graph.

Each note graph is checked together with the reference triples about the IRIs it uses (so a
State it names must be a known State), with `inference='none'`: RDFS inference would make any
IRI in `ng:agent` an `ng:Actor` (rdfs:range) and hide a misspelt one. One note at a time,
because in the union an event first Planned and later Held legitimately has two statuses.
The reference graph is checked once, on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from graph.rdf import DERIVED_GRAPH, REFERENCE_GRAPH, SUMMARY_GRAPH
from ontology.errors import OntologyError
from ontology.iris import ID, ONT

if TYPE_CHECKING:
    from pyoxigraph import Quad
    from rdflib import Graph

    from graph.store import Store

__all__ = ["Finding", "ValidationReport", "validate_graph", "validate_quads", "validate_store"]

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, order=True)
class Finding:
    graph: str  # IRI tail of the graph checked: 'graph/000_ac2b…', 'graph/reference'
    severity: str  # Violation|Warning|Info
    focus: str  # IRI tail of the focus node
    path: str  # the property (ng:agent), or '' for a node constraint
    message: str
    value: str = ""

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.graph}: {self.focus}{where}: {self.message}{value}"


@dataclass
class ValidationReport:
    graphs: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self, *, warnings: bool = True) -> str:
        """A line per finding (without `warnings`, per violation), then the counts."""
        lines = [f.line() for f in sorted(self.findings if warnings else self.violations)]
        lines.append(
            f"{self.graphs} graphs checked: {len(self.violations)} violations, "
            f"{len(self.warnings)} warnings" + ("" if warnings else " (--warnings shows them)")
        )
        return "\n".join(lines)


def _short(term: object) -> str:
    s = str(term)
    for prefix, short in (
        (ID, ""),
        (ONT, "ng:"),
        ("http://www.w3.org/2004/02/skos/core#", "skos:"),
        ("https://schema.org/", "schema:"),
        ("http://www.w3.org/ns/prov#", "prov:"),
        ("http://www.w3.org/ns/org#", "org:"),
        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
    ):
        if s.startswith(prefix):
            return short + s[len(prefix) :]
    return s


def _read_turtle(name: str) -> Graph:
    from rdflib import Graph

    g = Graph()
    try:
        g.parse(data=resources.files("ontology").joinpath(name).read_text("utf-8"), format="turtle")
    except Exception as e:  # rdflib raises several parser exception types
        raise OntologyError(f"ontology/{name} cannot be parsed: {e}") from e
    return g


@cache
def _shapes_and_ontology() -> tuple[Graph, Graph]:
    return _read_turtle("shapes.ttl"), _read_turtle("notegraph.ttl")


def validate_graph(data: Graph, *, graph: str = "") -> list[Finding]:
    """pySHACL on one rdflib graph with notegraph's shapes and ontology; the findings."""
    from pyshacl import validate
    from rdflib import Namespace

    shapes, ont = _shapes_and_ontology()
    _, results, _ = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ont,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    sh = Namespace(SH)
    out = []
    for r in results.subjects(predicate=None, object=sh.ValidationResult):
        sev = results.value(r, sh.resultSeverity)
        path = results.value(r, sh.resultPath)
        value = results.value(r, sh.value)
        out.append(
            Finding(
                graph=_short(graph),
                severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
                focus=_short(results.value(r, sh.focusNode)),
                path=_short(path) if path is not None and not _is_bnode(path) else "",
                message=str(results.value(r, sh.resultMessage) or "constraint not met"),
                value=_short(value) if value is not None else "",
            )
        )
    return sorted(set(out))


def _is_bnode(term: object) -> bool:
    from rdflib import BNode

    return isinstance(term, BNode)


def _to_rdflib(quads: Iterable[Quad]) -> Graph:
    import pyoxigraph as ox
    from rdflib import Graph

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    g = Graph()
    if triples:
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        g.parse(data=body.decode("utf-8"), format="nt")
    return g


def validate_quads(
    note_graphs: dict[str, list[Quad]], reference: list[Quad], derived: Iterable[Quad] = ()
) -> ValidationReport:
    """Validate each note graph (with the reference and derived triples about the IRIs it
    uses), then the derived graph (with the reference triples it uses), then the reference
    graph itself."""
    from rdflib import URIRef

    ref = _to_rdflib(reference)
    shared = _to_rdflib([*reference, *derived])
    report = ValidationReport()
    derived_graph = _to_rdflib(derived)
    graphs = [(name, _to_rdflib(quads), shared) for name, quads in sorted(note_graphs.items())]
    if len(derived_graph):
        graphs.append((DERIVED_GRAPH, derived_graph, ref))
    for name, data, context in graphs:
        used = {t for triple in data for t in triple if isinstance(t, URIRef)}
        linked: set[URIRef] = set()
        for s in used:
            for triple in context.triples((s, None, None)):
                data.add(triple)
                if isinstance(triple[2], URIRef):
                    linked.add(triple[2])
        for o in linked - used:  # what those point to: parents, an agency's State
            for triple in context.triples((o, None, None)):
                data.add(triple)
        report.findings += validate_graph(data, graph=name)
        report.graphs += 1
    if reference:
        report.findings += validate_graph(ref, graph=REFERENCE_GRAPH)
        report.graphs += 1
    return report


_BUILD_WIDE = (REFERENCE_GRAPH, DERIVED_GRAPH, SUMMARY_GRAPH)  # graphs that are not notes


def validate_store(store: Store, graphs: Iterable[str] | None = None) -> ValidationReport:
    """Validate the named note graphs of a store (all by default) and its reference graph."""
    from ontology.errors import UsageError

    quads_of = getattr(store, "quads", None)
    if quads_of is None:
        raise UsageError("this store cannot list its quads: validate an embedded store")
    present = [g for g in store.named_graphs() if g not in _BUILD_WIDE]
    wanted = list(graphs) if graphs is not None else present
    missing = [g for g in wanted if g not in present]
    if missing:
        raise UsageError(f"no such note graph in the store: {', '.join(map(_short, missing))}")
    notes = {g: list(quads_of(g)) for g in wanted}
    return validate_quads(notes, list(quads_of(REFERENCE_GRAPH)), list(quads_of(DERIVED_GRAPH)))
