"""Records -> RDF: one named graph per note, every claim with its evidence.

Quads are pyoxigraph terms (fast to build, bulk-loadable); `graph.store` hands them to Oxigraph
or, serialised as N-Quads, to rdflib's memory store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from loaders.model import Evidence, Note
from ontology.iris import ID, ONT, event_key, slug

if TYPE_CHECKING:
    from pyoxigraph import Literal, NamedNode, Quad

__all__ = ["EXTRACTOR_VERSION", "REFERENCE_GRAPH", "graph_iri", "note_quads", "note_stem"]

EXTRACTOR_VERSION = "0.1.0"
REFERENCE_GRAPH = ID + "graph/reference"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
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
KIND_CLASS = {
    "state": "State",
    "organization": "Organization",
    "agency": "GovernmentAgency",
    "unresolved": "UnresolvedActor",
}


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
        from pyoxigraph import NamedNode

        self.g = NamedNode(graph)
        self.quads: list[Quad] = []
        self._nn: dict[str, NamedNode] = {}

    def node(self, iri: str) -> NamedNode:
        from pyoxigraph import NamedNode

        n = self._nn.get(iri)
        if n is None:
            n = self._nn[iri] = NamedNode(iri)
        return n

    def add(self, s: str, p: str, o: str) -> None:
        from pyoxigraph import Quad

        self.quads.append(Quad(self.node(s), self.node(p), self.node(o), self.g))

    def lit(self, s: str, p: str, value: object, datatype: str | None = None) -> None:
        from pyoxigraph import Literal, Quad

        lit: Literal
        if datatype:
            lit = Literal(str(value), datatype=self.node(XSD + datatype))
        else:
            lit = Literal(str(value))
        self.quads.append(Quad(self.node(s), self.node(p), lit, self.g))


def _evidence(w: _Writer, note_iri: str, stem: str, ev: Evidence) -> str:
    iri = f"{ID}evidence/{stem}/{ev.start}-{ev.end}"
    w.add(iri, RDF_TYPE, ONT + "Evidence")
    w.add(iri, ONT + "inNote", note_iri)
    w.lit(iri, ONT + "line", ev.line, "positiveInteger")
    w.lit(iri, ONT + "charStart", ev.start, "nonNegativeInteger")
    w.lit(iri, ONT + "charEnd", ev.end, "nonNegativeInteger")
    w.lit(iri, ONT + "quote", ev.text)
    return iri


def note_quads(note: Note) -> list[Quad]:
    """All quads of one note's named graph. A note with an error yields only its metadata."""
    stem = note_stem(note)
    w = _Writer(graph_iri(note))
    note_iri = f"{ID}note/{stem}"
    w.add(note_iri, RDF_TYPE, ONT + "SourceNote")
    w.lit(note_iri, ONT + "sha256", note.source.sha256)
    w.lit(note_iri, ONT + "fileName", PurePath(note.source.path).name)
    w.lit(note_iri, ONT + "extractorVersion", EXTRACTOR_VERSION)
    if note.doc_type:
        w.lit(note_iri, ONT + "documentType", note.doc_type)
    if note.title:
        w.lit(note_iri, DCTERMS + "title", note.title)
    if not note.ok:
        return w.quads

    key = event_key(note.start_date, note.venue.city, note.title)
    event = f"{ID}event/{key}"
    w.add(event, RDF_TYPE, ONT + "Event")
    w.add(event, PROV + "wasDerivedFrom", note_iri)
    if note.title:
        w.lit(event, RDFS_LABEL, note.title)
    if note.event_type:
        w.lit(event, ONT + "eventType", note.event_type)
    held = note.status != "planned"
    w.add(event, ONT + "reportedStatus", ONT + ("Held" if held else "Planned"))
    if note.start_date:
        w.lit(event, SCHEMA + "startDate", note.start_date, "date")
    if note.end_date:
        w.lit(event, SCHEMA + "endDate", note.end_date, "date")
    if note.date_precision:
        w.lit(event, ONT + "datePrecision", note.date_precision)
    _place(w, event, note.venue.city, note.venue.country, note.venue.name)

    for actor in note.actors:
        actor_iri = ID + actor.id
        _actor(w, actor_iri, actor.kind, actor.label, actor.name, actor.iso3)
        evs = [_evidence(w, note_iri, stem, e) for e in actor.evidence]
        for role in actor.roles:
            concept = ROLE_CONCEPT.get(role)
            if concept is None:
                continue
            if role == "invited" or not held:
                status = "Invited" if role == "invited" else "Expected"
            else:
                status = "Attended"
            part = f"{ID}participation/{stem}/{key}/{slug(actor.id, 80)}/{role}"
            w.add(part, RDF_TYPE, ONT + "Participation")
            w.add(part, ONT + "event", event)
            w.add(part, ONT + "agent", actor_iri)
            w.add(part, ONT + "role", ONT + concept)
            w.add(part, ONT + "participationStatus", ONT + status)
            w.add(part, PROV + "wasDerivedFrom", note_iri)
            if actor.listed_under:
                w.lit(part, ONT + "listedUnder", actor.listed_under)
            if actor.mode:
                w.lit(part, ONT + "mode", actor.mode)
            for e in evs:
                w.add(part, ONT + "evidence", e)
            # derived shortcuts, so one-hop questions need no claim node
            if role in ("organizer", "host", "supporter"):
                w.add(event, ONT + "organizedBy", actor_iri)
            if status == "Attended" and role != "funder":
                w.add(event, ONT + "attendedBy", actor_iri)
            elif status != "Attended":
                w.add(event, ONT + "invited", actor_iri)

    cited: dict[str, list[Evidence]] = {}
    for res, ev in note.resolution_evidence:
        cited.setdefault(res, []).append(ev)
    for res in dict.fromkeys([*note.resolutions, *cited]):
        number, _, year = res.partition(" ")
        res_iri = f"{ID}resolution/{number}"
        cit = f"{ID}citation/{stem}/{number}"
        _resolution(w, res_iri, number, year.strip("()"))
        w.add(event, ONT + "concerns", res_iri)
        w.add(cit, RDF_TYPE, ONT + "Citation")
        w.add(cit, ONT + "event", event)
        w.add(cit, ONT + "resolution", res_iri)
        w.add(cit, PROV + "wasDerivedFrom", note_iri)
        for ev in cited.get(res, []):
            w.add(cit, ONT + "evidence", _evidence(w, note_iri, stem, ev))

    for nap in note.naps:
        plan = f"{ID}nap/{nap.state}"
        st = f"{ID}napstatement/{stem}/{nap.state}/{nap.status}"
        w.add(plan, RDF_TYPE, ONT + "NationalActionPlan")
        w.add(plan, ONT + "ofState", f"{ID}state/{nap.state}")
        w.add(st, RDF_TYPE, ONT + "NapStatement")
        w.add(st, ONT + "aboutPlan", plan)
        w.lit(st, ONT + "napStatus", nap.status)
        when = nap.date or note.start_date
        if when:
            w.lit(st, ONT + "statusDate", when, "date")
        w.add(st, PROV + "wasDerivedFrom", note_iri)
        for e in nap.evidence:
            w.add(st, ONT + "evidence", _evidence(w, note_iri, stem, e))

    for rel in note.related_events:
        rkey = event_key(rel.start_date, rel.city, rel.title)
        rel_iri = f"{ID}event/{rkey}"
        w.add(event, ONT + "relatedEvent", rel_iri)
        w.add(rel_iri, RDF_TYPE, ONT + "Event")
        w.add(rel_iri, PROV + "wasDerivedFrom", note_iri)
        if rel.title:
            w.lit(rel_iri, RDFS_LABEL, rel.title)
        if rel.start_date:
            w.lit(rel_iri, SCHEMA + "startDate", rel.start_date, "date")
        if rel.end_date:
            w.lit(rel_iri, SCHEMA + "endDate", rel.end_date, "date")
        _place(w, rel_iri, rel.city, rel.country, None)
        for e in rel.evidence:
            w.add(rel_iri, ONT + "evidence", _evidence(w, note_iri, stem, e))
    return _dedupe(w.quads)


def _actor(w: _Writer, iri: str, kind: str, label: str, name: str, iso3: str | None) -> None:
    w.add(iri, RDF_TYPE, ONT + KIND_CLASS.get(kind, "UnresolvedActor"))
    w.lit(iri, ONT + "surfaceForm", name)
    if kind == "unresolved":
        w.lit(iri, SKOS + "prefLabel", label)
        w.lit(iri, ONT + "actorKind", "unresolved")
        w.add(iri, ONT + "rollsUpTo", iri)


def _place(w: _Writer, event: str, city: str | None, country: str | None, name: str | None) -> None:
    if country:
        w.add(event, ONT + "country", f"{ID}state/{country}")
    if city:
        place = f"{ID}place/{(country or 'xxx').lower()}-{slug(city)}"
        w.add(event, SCHEMA + "location", place)
        w.add(place, RDF_TYPE, ONT + "Place")
        w.lit(place, RDFS_LABEL, city)
        if country:
            w.add(place, ONT + "country", f"{ID}state/{country}")
    if name:
        w.lit(event, SCHEMA + "location", name)


def _resolution(w: _Writer, iri: str, number: str, year: str) -> None:
    w.add(iri, RDF_TYPE, ONT + "Resolution")
    if number.isdigit():
        w.lit(iri, ONT + "resolutionNumber", int(number), "integer")
    if year.isdigit():
        w.lit(iri, ONT + "adoptedYear", year, "gYear")
    w.lit(iri, RDFS_LABEL, f"{number} ({year})" if year.isdigit() else number)


def _dedupe(quads: Iterable[Quad]) -> list[Quad]:
    return list(dict.fromkeys(quads))


def iter_note_quads(notes: Iterable[Note]) -> Iterator[tuple[Note, list[Quad]]]:
    for note in notes:
        yield note, note_quads(note)
