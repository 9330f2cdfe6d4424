"""Records -> RDF: one named graph per note, every claim with its evidence.

Quads are pyoxigraph terms (fast to build, bulk-loadable); `graph.store` hands them to Oxigraph
or, serialised as N-Quads, to rdflib's memory store.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING

from loaders.model import Actor, Evidence, Note
from ontology.errors import OntologyError
from ontology.iris import ID, ONT, event_key, slug
from ontology.terms import TERMS

from .rollup import parent_of, rollups

if TYPE_CHECKING:
    from pyoxigraph import Literal, NamedNode, Quad

__all__ = [
    "DERIVED_GRAPH", "EXTRACTOR_VERSION", "REFERENCE_GRAPH", "SUMMARY_GRAPH", "graph_hash",
    "graph_iri", "map_note", "ng", "note_quads", "note_stem",
]  # fmt: skip

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
    "organizer": "Organizer", "host": "Host", "supporter": "Supporter", "funder": "Funder",
    "participant": "Participant", "speaker": "Speaker",
    "invited": "Participant",  # an invited participant: role Participant, status Invited
}  # fmt: skip
EVENT_STATUS = {"held": "Held", "planned": "Planned", "cancelled": "Cancelled"}
KIND_CLASS = {
    "state": "State", "organization": "Organization", "agency": "GovernmentAgency",
    "unresolved": "UnresolvedActor",
}  # fmt: skip


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
    return _stem(note.source.path)


@functools.lru_cache(maxsize=256)  # a note's stem is asked for several times while it is mapped
def _stem(path: str) -> str:
    name = PurePath(path).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return slug(stem, 80) if stem != slug(stem, 80) and not _iri_safe(stem) else stem


def _iri_safe(s: str) -> bool:
    return all(c.isalnum() or c in "-_." for c in s) and s.isascii()


def graph_iri(note: Note) -> str:
    return ID + "graph/" + note_stem(note)


class _Nodes(dict[str, "NamedNode"]):
    """IRI -> its pyoxigraph NamedNode, made on first use: making one checks the IRI, which
    cost more than the rest of a quad when every `add` made three."""

    _make: Callable[[str], NamedNode] | None = None  # pyoxigraph.NamedNode, imported once

    def __missing__(self, iri: str) -> NamedNode:
        make = _Nodes._make
        if make is None:
            from pyoxigraph import NamedNode

            make = _Nodes._make = NamedNode
        node = self[iri] = make(iri)
        return node


class _Terms(_Nodes):
    """ng: term name -> its NamedNode, checked by `ng` (a misspelt name is an error)."""

    def __missing__(self, name: str) -> NamedNode:
        node = self[name] = _VOCAB[ng(name)]
        return node


# The vocabulary (predicates, classes, concepts, datatypes, DERIVED_GRAPH), made once per
# process; a graph's own IRIs are made once per writer (`_Writer.nodes`).
_VOCAB = _Nodes()
_NG = _Terms()


class _Writer:
    """Collects quads for one graph with terse helpers: `add`/`lit` take IRIs as strings,
    `put` takes terms already made (`node`, `literal`, `_VOCAB`, `_NG`)."""

    def __init__(self, graph: str) -> None:
        from pyoxigraph import Literal, Quad

        self._literal, self._quad = Literal, Quad  # looked up once
        self.nodes = _Nodes()
        self.g = self.nodes[graph]
        self.quads: list[Quad] = []
        self.shared: list[Quad] = []  # descriptions for DERIVED_GRAPH
        self._d = _VOCAB[DERIVED_GRAPH]

    def node(self, iri: str) -> NamedNode:
        return self.nodes[iri]

    def literal(self, value: object, datatype: str | None = None) -> Literal:
        if datatype:
            return self._literal(str(value), datatype=_VOCAB[XSD + datatype])
        return self._literal(str(value))

    def put(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(self._quad(s, p, o, self.g))

    def share(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.shared.append(self._quad(s, p, o, self._d))

    def add(self, s: str, p: str, o: str, *, shared: bool = False) -> None:
        (self.share if shared else self.put)(self.nodes[s], _VOCAB[p], self.nodes[o])

    def lit(
        self, s: str, p: str, value: object, datatype: str | None = None, *, shared: bool = False
    ) -> None:
        o = self.literal(value, datatype)
        (self.share if shared else self.put)(self.nodes[s], _VOCAB[p], o)


def note_quads(note: Note) -> list[Quad]:
    """All quads of one note's named graph. A note with an error yields only its metadata."""
    return map_note(note)[0]


class _NoteWriter(_Writer):
    """The writer of one note's graph (`map_note`), with its evidence nodes."""

    def __init__(self, note: Note) -> None:
        self.stem = note_stem(note)
        super().__init__(ID + "graph/" + self.stem)
        self.note = self.nodes[f"{ID}note/{self.stem}"]
        self._evidence: dict[Evidence, NamedNode] = {}

    def evidence(self, ev: Evidence) -> NamedNode:
        """The node of one span, its quads written the first time only: a span often backs
        several claims (an actor's roles), and its quads would be deduplicated anyway."""
        node = self._evidence.get(ev)
        if node is None:
            node = self._evidence[ev] = self.nodes[f"{ID}evidence/{self.stem}/{ev.start}-{ev.end}"]
            put, lit, t = self.put, self.literal, _NG
            put(node, _VOCAB[RDF_TYPE], t["Evidence"])
            put(node, t["inNote"], self.note)
            put(node, t["line"], lit(ev.line, "integer"))
            put(node, t["charStart"], lit(ev.start, "integer"))
            put(node, t["charEnd"], lit(ev.end, "integer"))
            put(node, t["quote"], lit(ev.text))
        return node


def map_note(note: Note) -> tuple[list[Quad], list[Quad]]:
    """The note's named graph (its claims, with evidence), and the descriptions it contributes
    to DERIVED_GRAPH (resolutions, places, NAPs, actors missing from the reference graph)."""
    # Quads are made from terms made once (`_VOCAB`, `_NG`, the writer's nodes): see _Nodes.
    w = _NoteWriter(note)
    stem, note_node = w.stem, w.note
    put, lit, node, evidence, t = w.put, w.literal, w.node, w.evidence, _NG
    a, derived_from = _VOCAB[RDF_TYPE], _VOCAB[PROV + "wasDerivedFrom"]
    put(note_node, a, t["SourceNote"])
    put(note_node, _VOCAB[ONT + "sha256"], lit(note.source.sha256))
    put(note_node, t["fileName"], lit(PurePath(note.source.path).name))
    put(note_node, t["extractorVersion"], lit(EXTRACTOR_VERSION))
    if note.doc_type:
        put(note_node, t["documentType"], lit(note.doc_type))
    if note.title:
        put(note_node, _VOCAB[DCTERMS + "title"], lit(note.title))
    if not note.ok:
        return _sealed(w), []

    key = event_key(note.start_date, note.venue.city, note.title)
    event_iri = f"{ID}event/{key}"
    event = node(event_iri)
    put(event, a, t["Event"])
    put(event, derived_from, note_node)
    if note.title:
        put(event, _VOCAB[RDFS_LABEL], lit(note.title))
    if note.event_type:
        put(event, t["eventType"], lit(note.event_type))
    held = note.status not in ("planned", "cancelled")
    put(event, t["reportedStatus"], t[EVENT_STATUS.get(note.status or "held", "Held")])
    if note.start_date:
        put(event, _VOCAB[SCHEMA + "startDate"], lit(note.start_date, "date"))
    if note.end_date:
        put(event, _VOCAB[SCHEMA + "endDate"], lit(note.end_date, "date"))
    if note.date_precision:
        put(event, t["datePrecision"], lit(note.date_precision))
    _place(w, event_iri, note.venue.city, note.venue.country, note.venue.name)
    for e in (*note.title_evidence, *note.date_evidence, *note.venue_evidence):
        put(event, t["evidence"], evidence(e))

    involved: dict[str, None] = {}
    for actor in note.actors:
        actor_iri = ID + actor.id
        agent = node(actor_iri)
        _actor(w, actor_iri, actor)
        for role in actor.roles:
            concept = ROLE_CONCEPT.get(role)
            if concept is None:
                continue
            if role == "invited" or not held:
                status = "Invited" if role == "invited" else "Expected"
            else:
                status = "Attended"
            part = node(f"{ID}participation/{stem}/{key}/{_id_slug(actor.id)}/{role}")
            put(part, a, t["Participation"])
            put(part, t["event"], event)
            put(part, t["agent"], agent)
            put(part, t["role"], t[concept])
            put(part, t["participationStatus"], t[status])
            put(part, derived_from, note_node)
            put(part, t["surfaceForm"], lit(actor.name))
            if actor.listed_under:
                put(part, t["listedUnder"], lit(actor.listed_under))
            if actor.mode:
                put(part, t["mode"], lit(actor.mode))
            for e in actor.evidence_for(role):  # the spans that gave this role
                put(part, t["evidence"], evidence(e))
            # derived shortcuts, so one-hop questions need no claim node
            if role in ("organizer", "host", "supporter"):
                put(event, t["organizedBy"], agent)
            if status == "Attended" and role != "funder":
                put(event, t["attendedBy"], agent)
            elif status != "Attended" and role != "funder":
                put(event, t["invited"], agent)
            if role != "funder" and (status == "Attended" or not held):
                involved.update(
                    dict.fromkeys(rollups(actor.id, actor.kind, actor.iso3, actor.part_of))
                )
    for iri in involved:
        put(event, t["involves"], node(iri))

    cited: dict[str, list[Evidence]] = {}
    for res, ev in note.resolution_evidence:
        cited.setdefault(res, []).append(ev)
    for res in dict.fromkeys([*note.resolutions, *cited]):
        number, _, year = res.partition(" ")
        res_iri = f"{ID}resolution/{number}"
        _resolution(w, res_iri, number, year.strip("()"))
        resolution = node(res_iri)
        cit = node(f"{ID}citation/{stem}/{number}")
        put(event, t["concerns"], resolution)
        put(cit, a, t["Citation"])
        put(cit, t["event"], event)
        put(cit, t["resolution"], resolution)
        put(cit, derived_from, note_node)
        for ev in cited.get(res, []):
            put(cit, t["evidence"], evidence(ev))

    for nap in note.naps:
        plan = node(f"{ID}nap/{nap.state}")
        st = node(f"{ID}napstatement/{stem}/{nap.state}/{nap.status}")
        w.share(plan, a, t["NationalActionPlan"])
        w.share(plan, t["ofState"], node(f"{ID}state/{nap.state}"))
        put(st, a, t["NapStatement"])
        put(st, t["aboutPlan"], plan)
        put(st, t["napStatus"], lit(nap.status))
        when = nap.date or note.start_date
        if when:
            put(st, t["statusDate"], lit(when, "date"))
        put(st, derived_from, note_node)
        for e in nap.evidence:
            put(st, t["evidence"], evidence(e))

    for rel in note.related_events:
        rkey = event_key(rel.start_date, rel.city, rel.title)
        rel_iri = f"{ID}event/{rkey}"
        related = node(rel_iri)
        put(event, t["relatedEvent"], related)
        put(related, a, t["Event"])
        put(related, derived_from, note_node)
        if rel.title:
            put(related, _VOCAB[RDFS_LABEL], lit(rel.title))
        if rel.start_date:
            put(related, _VOCAB[SCHEMA + "startDate"], lit(rel.start_date, "date"))
        if rel.end_date:
            put(related, _VOCAB[SCHEMA + "endDate"], lit(rel.end_date, "date"))
        _place(w, rel_iri, rel.city, rel.country, None)
        for e in rel.evidence:
            put(related, t["evidence"], evidence(e))
    return _sealed(w), _dedupe(w.shared)


@functools.lru_cache(maxsize=1 << 14)
def _id_slug(actor_id: str) -> str:
    """An actor id as a participation IRI segment (ids recur across notes: cached)."""
    return slug(actor_id, 80)


def graph_hash(quads: Iterable[Quad]) -> str:
    """SHA-256 of the quads as sorted N-Triples lines (order- and duplicate-insensitive)."""
    import hashlib

    import pyoxigraph as ox

    # pyoxigraph's N-Triples serialiser writes each triple as "{s} {p} {o} ." with str() of
    # each term (tests/test_rdf_writer.py): one call in Rust instead of formatting every quad in
    # Python, 3x cheaper. Sorting the UTF-8 lines orders them as sorting the strings does.
    text = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
    # sorted, then duplicates dropped: sorting a set would lose the runs the quads come in
    lines = dict.fromkeys(sorted(text.split(b"\n")[:-1]))
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def _sealed(w: _NoteWriter) -> list[Quad]:
    """The graph's quads, deduplicated, plus the note's ng:graphHash over all the others."""
    w.quads = quads = _dedupe(w.quads)
    w.put(w.note, _NG["graphHash"], w.literal(graph_hash(quads)))
    return w.quads


def _actor(w: _Writer, iri: str, actor: Actor) -> None:
    """States and gazetteer organisations are described in the reference graph; anything else
    (unresolved names, an agency or organisation the gazetteer lacks) is described in the
    derived graph, with its roll-up, so queries still find it. How the note named the actor
    is on its participations (ng:surfaceForm)."""
    kind = actor.kind if actor.kind in KIND_CLASS else "unresolved"
    if kind == "state" or (kind != "unresolved" and iri[len(ID) :] in _reference_org_ids()):
        return
    w.add(iri, RDF_TYPE, ng(KIND_CLASS[kind]), shared=True)
    w.lit(iri, SKOS + "prefLabel", actor.label or actor.name, shared=True)
    w.lit(iri, ng("actorKind"), kind, shared=True)
    up = parent_of(actor.id, kind, actor.iso3, actor.part_of)
    if up is not None:
        if kind == "agency":
            w.add(iri, ng("agencyOf"), up, shared=True)
        w.add(iri, ORG + "subOrganizationOf", up, shared=True)
    for target in rollups(actor.id, kind, actor.iso3, actor.part_of):
        w.add(iri, ng("rollsUpTo"), target, shared=True)


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
