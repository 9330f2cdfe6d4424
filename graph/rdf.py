"""Records -> RDF: one named graph per note, every claim with its evidence.

Quads are pyoxigraph terms (fast to build, bulk-loadable); `graph.store` hands them to Oxigraph
or, serialised as N-Quads, to rdflib's memory store.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING

from loaders.model import Evidence, Note
from ontology.errors import OntologyError
from ontology.iris import ID, ONT, event_key, slug
from ontology.namespace import TERMS

if TYPE_CHECKING:
    from pyoxigraph import NamedNode, Quad

__all__ = [
    "DERIVED_GRAPH",
    "EXTRACTOR_VERSION",
    "REFERENCE_GRAPH",
    "SUMMARY_GRAPH",
    "graph_hash",
    "graph_iri",
    "map_note",
    "ng",
    "note_quads",
    "note_stem",
    "rollups",
]

EXTRACTOR_VERSION = "0.3.0"
REFERENCE_GRAPH = ID + "graph/reference"
# Descriptions of things many notes mention (resolutions, places, NAPs, actors the reference
# graph lacks), one copy each: a triple repeated in thousands of note graphs is returned once per
# graph by Oxigraph's union default graph, which multiplies every join on it.
DERIVED_GRAPH = ID + "graph/derived"
# Counts computed once per build from every note graph (graph.summary).
SUMMARY_GRAPH = ID + "graph/summary"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
XSD = "http://www.w3.org/2001/XMLSchema#"

ROLE_CONCEPT = {
    "organizer": "Organizer",
    "host": "Host",
    "supporter": "Supporter",
    "funder": "Funder",
    "participant": "Participant",
    "speaker": "Speaker",
    "invited": "Participant",  # an invited participant: role Participant, status Invited
}
EVENT_STATUS = {"held": "Held", "planned": "Planned", "cancelled": "Cancelled"}
KIND_CLASS = {
    "state": "State",
    "organization": "Organization",
    "agency": "GovernmentAgency",
    "unresolved": "UnresolvedActor",
}


def ng(name: str) -> str:
    """The IRI of an ontology term, checked: a misspelt name is an error, never a new IRI."""
    if name not in TERMS:
        raise OntologyError(
            f"ng:{name} is not a term of ontology/notegraph.ttl; "
            "add it there and run 'python -m ontology.generate'"
        )
    return ONT + name


def note_stem(note: Note) -> str:
    """The note's stable id: its file name without suffix, made IRI-safe."""
    name = PurePath(note.source.path).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return slug(stem, 80) if stem != slug(stem, 80) and not _iri_safe(stem) else stem


def _iri_safe(s: str) -> bool:
    return all(c.isalnum() or c in "-_." for c in s) and s.isascii()


def graph_iri(note: Note) -> str:
    return ID + "graph/" + note_stem(note)


class _Writer:
    """Collects quads for one graph with terse helpers."""

    def __init__(self, graph: str) -> None:
        from pyoxigraph import Literal, NamedNode, Quad

        self._named, self._literal, self._quad = NamedNode, Literal, Quad  # looked up once
        self.g = NamedNode(graph)
        self.quads: list[Quad] = []
        self.shared: list[Quad] = []  # descriptions for DERIVED_GRAPH
        self._d = NamedNode(DERIVED_GRAPH)
        self._nn: dict[str, NamedNode] = {}

    def node(self, iri: str) -> NamedNode:
        n = self._nn.get(iri)
        if n is None:
            n = self._nn[iri] = self._named(iri)
        return n

    def add(self, s: str, p: str, o: str, *, shared: bool = False) -> None:
        q = self._quad(self.node(s), self.node(p), self.node(o), self._d if shared else self.g)
        (self.shared if shared else self.quads).append(q)

    def lit(
        self, s: str, p: str, value: object, datatype: str | None = None, *, shared: bool = False
    ) -> None:
        if datatype:
            lit = self._literal(str(value), datatype=self.node(XSD + datatype))
        else:
            lit = self._literal(str(value))
        q = self._quad(self.node(s), self.node(p), lit, self._d if shared else self.g)
        (self.shared if shared else self.quads).append(q)


def _evidence(w: _Writer, note_iri: str, stem: str, ev: Evidence) -> str:
    iri = f"{ID}evidence/{stem}/{ev.start}-{ev.end}"
    w.add(iri, RDF_TYPE, ng("Evidence"))
    w.add(iri, ng("inNote"), note_iri)
    w.lit(iri, ng("line"), ev.line, "integer")
    w.lit(iri, ng("charStart"), ev.start, "integer")
    w.lit(iri, ng("charEnd"), ev.end, "integer")
    w.lit(iri, ng("quote"), ev.text)
    return iri


def note_quads(note: Note) -> list[Quad]:
    """All quads of one note's named graph. A note with an error yields only its metadata."""
    return map_note(note)[0]


def map_note(note: Note) -> tuple[list[Quad], list[Quad]]:
    """The note's named graph (its claims, with evidence), and the descriptions it contributes
    to DERIVED_GRAPH (resolutions, places, NAPs, actors missing from the reference graph)."""
    stem = note_stem(note)
    w = _Writer(graph_iri(note))
    note_iri = f"{ID}note/{stem}"
    w.add(note_iri, RDF_TYPE, ng("SourceNote"))
    w.lit(note_iri, ONT + "sha256", note.source.sha256)
    w.lit(note_iri, ng("fileName"), PurePath(note.source.path).name)
    w.lit(note_iri, ng("extractorVersion"), EXTRACTOR_VERSION)
    if note.doc_type:
        w.lit(note_iri, ng("documentType"), note.doc_type)
    if note.title:
        w.lit(note_iri, DCTERMS + "title", note.title)
    if not note.ok:
        return _sealed(w, note_iri), []

    key = event_key(note.start_date, note.venue.city, note.title)
    event = f"{ID}event/{key}"
    w.add(event, RDF_TYPE, ng("Event"))
    w.add(event, PROV + "wasDerivedFrom", note_iri)
    if note.title:
        w.lit(event, RDFS_LABEL, note.title)
    if note.event_type:
        w.lit(event, ng("eventType"), note.event_type)
    held = note.status not in ("planned", "cancelled")
    w.add(event, ng("reportedStatus"), ng(EVENT_STATUS.get(note.status or "held", "Held")))
    if note.start_date:
        w.lit(event, SCHEMA + "startDate", note.start_date, "date")
    if note.end_date:
        w.lit(event, SCHEMA + "endDate", note.end_date, "date")
    if note.date_precision:
        w.lit(event, ng("datePrecision"), note.date_precision)
    _place(w, event, note.venue.city, note.venue.country, note.venue.name)
    for e in (*note.title_evidence, *note.date_evidence, *note.venue_evidence):
        w.add(event, ng("evidence"), _evidence(w, note_iri, stem, e))

    involved: dict[str, None] = {}
    for actor in note.actors:
        actor_iri = ID + actor.id
        _actor(w, actor_iri, actor.kind, actor.label, actor.name, actor.iso3)
        for role in actor.roles:
            concept = ROLE_CONCEPT.get(role)
            if concept is None:
                continue
            if role == "invited" or not held:
                status = "Invited" if role == "invited" else "Expected"
            else:
                status = "Attended"
            part = f"{ID}participation/{stem}/{key}/{slug(actor.id, 80)}/{role}"
            w.add(part, RDF_TYPE, ng("Participation"))
            w.add(part, ng("event"), event)
            w.add(part, ng("agent"), actor_iri)
            w.add(part, ng("role"), ng(concept))
            w.add(part, ng("participationStatus"), ng(status))
            w.add(part, PROV + "wasDerivedFrom", note_iri)
            w.lit(part, ng("surfaceForm"), actor.name)
            if actor.listed_under:
                w.lit(part, ng("listedUnder"), actor.listed_under)
            if actor.mode:
                w.lit(part, ng("mode"), actor.mode)
            for e in actor.evidence_for(role):  # the spans that gave this role
                w.add(part, ng("evidence"), _evidence(w, note_iri, stem, e))
            # derived shortcuts, so one-hop questions need no claim node
            if role in ("organizer", "host", "supporter"):
                w.add(event, ng("organizedBy"), actor_iri)
            if status == "Attended" and role != "funder":
                w.add(event, ng("attendedBy"), actor_iri)
            elif status != "Attended" and role != "funder":
                w.add(event, ng("invited"), actor_iri)
            if role != "funder" and (status == "Attended" or not held):
                involved.update(dict.fromkeys(rollups(actor.id, actor.kind, actor.iso3)))
    for iri in involved:
        w.add(event, ng("involves"), iri)

    cited: dict[str, list[Evidence]] = {}
    for res, ev in note.resolution_evidence:
        cited.setdefault(res, []).append(ev)
    for res in dict.fromkeys([*note.resolutions, *cited]):
        number, _, year = res.partition(" ")
        res_iri = f"{ID}resolution/{number}"
        cit = f"{ID}citation/{stem}/{number}"
        _resolution(w, res_iri, number, year.strip("()"))
        w.add(event, ng("concerns"), res_iri)
        w.add(cit, RDF_TYPE, ng("Citation"))
        w.add(cit, ng("event"), event)
        w.add(cit, ng("resolution"), res_iri)
        w.add(cit, PROV + "wasDerivedFrom", note_iri)
        for ev in cited.get(res, []):
            w.add(cit, ng("evidence"), _evidence(w, note_iri, stem, ev))

    for nap in note.naps:
        plan = f"{ID}nap/{nap.state}"
        st = f"{ID}napstatement/{stem}/{nap.state}/{nap.status}"
        w.add(plan, RDF_TYPE, ng("NationalActionPlan"), shared=True)
        w.add(plan, ng("ofState"), f"{ID}state/{nap.state}", shared=True)
        w.add(st, RDF_TYPE, ng("NapStatement"))
        w.add(st, ng("aboutPlan"), plan)
        w.lit(st, ng("napStatus"), nap.status)
        when = nap.date or note.start_date
        if when:
            w.lit(st, ng("statusDate"), when, "date")
        w.add(st, PROV + "wasDerivedFrom", note_iri)
        for e in nap.evidence:
            w.add(st, ng("evidence"), _evidence(w, note_iri, stem, e))

    for rel in note.related_events:
        rkey = event_key(rel.start_date, rel.city, rel.title)
        rel_iri = f"{ID}event/{rkey}"
        w.add(event, ng("relatedEvent"), rel_iri)
        w.add(rel_iri, RDF_TYPE, ng("Event"))
        w.add(rel_iri, PROV + "wasDerivedFrom", note_iri)
        if rel.title:
            w.lit(rel_iri, RDFS_LABEL, rel.title)
        if rel.start_date:
            w.lit(rel_iri, SCHEMA + "startDate", rel.start_date, "date")
        if rel.end_date:
            w.lit(rel_iri, SCHEMA + "endDate", rel.end_date, "date")
        _place(w, rel_iri, rel.city, rel.country, None)
        for e in rel.evidence:
            w.add(rel_iri, ng("evidence"), _evidence(w, note_iri, stem, e))
    return _sealed(w, note_iri), _dedupe(w.shared)


def graph_hash(quads: Iterable[Quad]) -> str:
    """SHA-256 of the quads as sorted N-Quads lines (order- and duplicate-insensitive)."""
    import hashlib

    lines = sorted({f"{q.subject} {q.predicate} {q.object} ." for q in quads})
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _sealed(w: _Writer, note_iri: str) -> list[Quad]:
    """The graph's quads, deduplicated, plus the note's ng:graphHash over all the others."""
    quads = _dedupe(w.quads)
    w.quads = quads
    w.lit(note_iri, ng("graphHash"), graph_hash(quads))
    return w.quads


def _actor(w: _Writer, iri: str, kind: str, label: str, name: str, iso3: str | None) -> None:
    """States and gazetteer organisations are described in the reference graph; anything else
    (unresolved names, an agency or organisation the gazetteer lacks) is described in the
    derived graph, with its roll-up, so queries still find it. How the note named the actor
    is on its participations (ng:surfaceForm)."""
    kind = kind if kind in KIND_CLASS else "unresolved"
    if kind == "state" or (kind != "unresolved" and iri[len(ID) :] in _reference_org_ids()):
        return
    w.add(iri, RDF_TYPE, ng(KIND_CLASS[kind]), shared=True)
    w.lit(iri, SKOS + "prefLabel", label or name, shared=True)
    w.lit(iri, ng("actorKind"), kind, shared=True)
    w.add(iri, ng("rollsUpTo"), iri, shared=True)
    if kind == "agency" and iso3:
        state = f"{ID}state/{iso3}"
        w.add(iri, ng("agencyOf"), state, shared=True)
        w.add(iri, ORG + "subOrganizationOf", state, shared=True)
        w.add(iri, ng("rollsUpTo"), state, shared=True)


def rollups(actor_id: str, kind: str, iso3: str | None) -> list[str]:
    """What an actor counts for (its ng:rollsUpTo targets): itself, a gazetteer organisation's
    parents and the State of any agency on the way, an agency's State."""
    from graph.reference import rollup_targets

    if actor_id in _reference_org_ids():
        return rollup_targets(actor_id)
    own = [ID + actor_id]
    if kind == "agency" and iso3:
        own.append(f"{ID}state/{iso3}")
    return own


def _reference_org_ids() -> frozenset[str]:
    from graph.reference import org_ids

    return org_ids()


def _place(w: _Writer, event: str, city: str | None, country: str | None, name: str | None) -> None:
    if country:
        w.add(event, ng("country"), f"{ID}state/{country}")
    if city:
        place = f"{ID}place/{(country or 'xxx').lower()}-{slug(city)}"
        w.add(event, SCHEMA + "location", place)
        w.add(place, RDF_TYPE, ng("Place"), shared=True)
        w.lit(place, RDFS_LABEL, city, shared=True)
        if country:
            w.add(place, ng("country"), f"{ID}state/{country}", shared=True)
    if name:
        w.lit(event, ng("venueName"), name)


def _resolution(w: _Writer, iri: str, number: str, year: str) -> None:
    w.add(iri, RDF_TYPE, ng("Resolution"), shared=True)
    if number.isdigit():
        w.lit(iri, ng("resolutionNumber"), int(number), "integer", shared=True)
    if year.isdigit():
        w.lit(iri, ng("adoptedYear"), year, "gYear", shared=True)
    w.lit(iri, RDFS_LABEL, f"{number} ({year})" if year.isdigit() else number, shared=True)


def _dedupe(quads: Iterable[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))
