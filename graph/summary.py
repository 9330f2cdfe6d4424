"""Per-build summaries (graph id/graph/summary): the counts the aggregating queries read.

At 10k notes "which States met the OSCE" groups some 10^5 (event, actor) rows; every question
of that kind re-did it. The build computes those counts once, from the claims in the note graphs
(ng:involves, ng:organizedBy, participations, citations), and writes them as a few thousand
ng:Summary nodes; co-attended, path, co-organizers, actor-profile, timeline and resolutions then
read tens or hundreds of rows. The facts and their evidence stay in the note graphs: a summary
is only a count of them, recomputed whole by every build that changes the store.

The claims are not read back from the store for this (3.5 s at 10k notes): each note's share
of them is taken from its quads when it is mapped and kept in its build record
(graph/notefacts.py), and graph/summary_facts.py gathers them with the reference-level facts.

Each function below mirrors the SPARQL it replaces (kept in its docstring), so that the
summaries and the live claims agree (tests compare the two).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.rdf import RDF_TYPE, SUMMARY_GRAPH, _Writer, ng
from graph.summary_facts import SummaryFacts
from ontology.iris import ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from graph.store import Store

__all__ = ["EVIDENCE_CAP", "SUMMARY_GRAPH", "SummaryFacts", "refresh_summary", "summary_quads"]

_VERSION_NODE = ID + "summary"
EVIDENCE_CAP = 20  # 'event note' lines kept per tie with a State (the count is always exact)

_HELD, _PLANNED = ng("Held"), ng("Planned")


def refresh_summary(store: Store, *, changed: bool, facts: Callable[[], SummaryFacts]) -> bool:
    """Recompute the summary graph when a graph it is computed from `changed`, or when the
    stored one is missing or was computed by other code. `facts` gives every note graph's
    facts (called only when the summary is recomputed). Returns whether it was rewritten."""
    version = ng("summaryVersion")
    stored = store.select(
        f"SELECT ?v WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{_VERSION_NODE}> <{version}> ?v }} }}"
    )
    if not changed and [r["v"] for r in stored] == [_version()]:
        return False
    every = facts()
    every.read_reference(store)
    quads = summary_quads(every)
    add_graphs = getattr(store, "add_graphs", None)
    if add_graphs is None:
        store.replace_graph(SUMMARY_GRAPH, quads)
        return True
    # Oxigraph: dropped, then bulk-loaded (4x cheaper than a transaction at 10k notes). Not
    # atomic, and need not be: a summary lost to a crash in between is missing, so the next
    # build recomputes it.
    import pyoxigraph as ox

    store.remove_graph(SUMMARY_GRAPH)
    add_graphs(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
    return True


def _version() -> str:
    """A hash of the code that computes the summary (this module and the per-note facts it
    counts): summaries computed by other code are recomputed."""
    from pathlib import Path

    here = Path(__file__)
    h = hashlib.sha256()
    for name in (here.name, "summary_facts.py", "notefacts.py"):
        h.update(here.with_name(name).read_bytes())
    return h.hexdigest()[:16]


def summary_quads(facts: SummaryFacts) -> list[Quad]:
    """The summary graph of these facts (every note graph's, and the reference's)."""
    w = _Writer(SUMMARY_GRAPH)
    w.lit(_VERSION_NODE, ng("summaryVersion"), _version())
    _ties(w, facts)
    _organizer_pairs(w, facts)
    _activity(w, facts)
    _timeline(w, facts)
    _resolutions(w, facts)
    return w.quads


def _iri(kind: str, *key: str) -> str:
    digest = hashlib.blake2b("\x1f".join(key).encode("utf-8"), digest_size=10).hexdigest()
    return f"{ID}summary/{kind}/{digest}"


def _note(graph: str) -> str:
    return graph.replace("/id/graph/", "/id/note/", 1)


@dataclass
class _Tie:
    held: int = 0
    taking_part: int = 0
    first_held: str | None = None
    held_evidence: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def _ties(w: _Writer, f: SummaryFacts) -> None:
    """Per (actor, top-level actor), as co-attended and path read them:
    ?event ng:involves ?actor ; ng:reportedStatus ?status .      # held, or planned
    GRAPH ?g { ?event ng:involves ?state }                        # evidence: event + note
    counted per distinct event; the evidence (ties with a State only) capped at EVIDENCE_CAP
    lines, taken from the greatest event IRIs down (dated IRIs: the latest first)."""
    ties: defaultdict[tuple[str, str], _Tie] = defaultdict(_Tie)
    for e in sorted(f.involves, reverse=True):
        status = f.status.get(e, set())
        held = _HELD in status
        if not (held or _PLANNED in status):
            continue
        inv = f.involves[e]
        for y, graphs in inv.items():
            if y in f.nested:
                continue
            lines = [f"{e} {_note(g)}" for g in sorted(graphs)] if y in f.states else []
            for a in inv:
                if a == y:
                    continue
                t = ties[(a, y)]
                t.taking_part += 1
                if lines and len(t.evidence) < EVIDENCE_CAP:
                    t.evidence.extend(lines[: EVIDENCE_CAP - len(t.evidence)])
                if held:
                    t.held += 1
                    t.first_held = e  # events go from the greatest IRI down: the last is MIN
                    if lines and len(t.held_evidence) < EVIDENCE_CAP:
                        t.held_evidence.extend(lines[: EVIDENCE_CAP - len(t.held_evidence)])
    for (a, y), t in ties.items():
        iri = _iri("tie", a, y)
        w.add(iri, RDF_TYPE, ng("Tie"))
        w.add(iri, ng("ofActor"), a)
        w.add(iri, ng("withActor"), y)
        w.lit(iri, ng("heldEvents"), t.held, "integer")
        w.lit(iri, ng("takingPartEvents"), t.taking_part, "integer")
        if t.first_held is not None:
            w.lit(iri, ng("firstHeldEvent"), t.first_held)
        if t.held_evidence:
            w.lit(iri, ng("heldEvidence"), "\n".join(t.held_evidence))
        if t.evidence:
            w.lit(iri, ng("takingPartEvidence"), "\n".join(t.evidence))


def _organizer_pairs(w: _Writer, f: SummaryFacts) -> None:
    """Per pair of organisers, as named or rolled up (co-organizers):
    ?event ng:organizedBy ?a0 . ?a0 ng:rollsUpTo ?a .
    FILTER (IF(?rollup, NOT EXISTS { ?a org:subOrganizationOf ?pa }, ?a = ?a0))
    counted per distinct event, for each ordered pair STR(?a) < STR(?b)."""
    for rolled in (True, False):
        pairs: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        for e, orgs in f.organizers.items():
            if rolled:
                actors = {a for o in orgs for a in f.rollups.get(o, ()) if a not in f.nested}
            else:
                actors = {o for o in orgs if o in f.rollups.get(o, ())}
            ordered = sorted(actors)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    pairs[(a, b)].add(e)
        for (a, b), events in pairs.items():
            iri = _iri("organizers", a, b, str(rolled))
            w.add(iri, RDF_TYPE, ng("OrganizerPair"))
            w.add(iri, ng("ofActor"), a)
            w.add(iri, ng("withActor"), b)
            w.lit(iri, ng("rolledUp"), "true" if rolled else "false", "boolean")
            w.lit(iri, ng("eventCount"), len(events), "integer")
            w.lit(iri, ng("eventList"), "\n".join(sorted(events)))


@dataclass
class _Activity:
    events: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    partners: set[str] = field(default_factory=set)


def _activity(w: _Writer, f: SummaryFacts) -> None:
    """Per (actor, year, role) (actor-profile):
    ?unit ng:rollsUpTo ?actor . ?p ng:agent ?unit ; ng:event ?event ; ng:role ?role .
    ?event schema:startDate ?start .  BIND (YEAR(?start) AS ?year)
    partners: ?event ng:attendedBy|ng:invited|ng:organizedBy ?other . ?other ng:rollsUpTo
    ?partner, ?partner top level, ?other not rolling up to ?actor."""
    groups: defaultdict[tuple[str, int, str], _Activity] = defaultdict(_Activity)
    partners_of: dict[tuple[str, str], set[str]] = {}

    def partners(actor: str, e: str) -> set[str]:
        key = (actor, e)
        found = partners_of.get(key)
        if found is None:
            found = set()
            for o in f.others.get(e, ()):
                ups = f.rollups.get(o, set())
                if actor not in ups:
                    found.update(p for p in ups if p not in f.nested)
            partners_of[key] = found
        return found

    for unit, e, role in f.roles:
        starts = f.starts.get(e)
        if not starts:
            continue
        for actor in f.rollups.get(unit, ()):
            found = partners(actor, e)
            for start in starts:
                g = groups[(actor, int(start[:4]), role)]
                g.events.add(e)
                g.dates.add(start)
                g.partners.update(found)
    for (actor, year, role), g in groups.items():
        iri = _iri("activity", actor, str(year), role)
        w.add(iri, RDF_TYPE, ng("ActivityCount"))
        w.add(iri, ng("ofActor"), actor)
        w.lit(iri, ng("year"), year, "integer")
        w.add(iri, ng("inRole"), role)
        w.lit(iri, ng("eventCount"), len(g.events), "integer")
        w.lit(iri, ng("firstDate"), min(g.dates), "date")
        w.lit(iri, ng("lastDate"), max(g.dates), "date")
        w.lit(iri, ng("partnerCount"), len(g.partners), "integer")


def _timeline(w: _Writer, f: SummaryFacts) -> None:
    """Per (year, region) (timeline): ?event a ng:Event, each of its start years (none if
    undated) and host-country regions ('(unknown)' if none), counted per distinct event:
    all, reported held, reported planned, and with no reported status (mentioned only)."""
    counts: defaultdict[tuple[int | None, str], list[set[str]]] = defaultdict(
        lambda: [set(), set(), set(), set()]
    )
    for e in f.events:
        years: set[int | None] = {int(s[:4]) for s in f.starts.get(e, ())} or {None}
        regions = f.regions_of(e) or {"(unknown)"}
        status = f.status.get(e, set())
        for year in years:
            for region in regions:
                c = counts[(year, region)]
                c[0].add(e)
                if _HELD in status:
                    c[1].add(e)
                if _PLANNED in status:
                    c[2].add(e)
                if not status:
                    c[3].add(e)
    for (year, region), (every, held, planned, mentioned) in counts.items():
        iri = _iri("timeline", str(year), region)
        w.add(iri, RDF_TYPE, ng("TimelineCount"))
        if year is not None:
            w.lit(iri, ng("year"), year, "integer")
        w.lit(iri, ng("regionName"), region)
        w.lit(iri, ng("eventCount"), len(every), "integer")
        w.lit(iri, ng("heldCount"), len(held), "integer")
        w.lit(iri, ng("plannedCount"), len(planned), "integer")
        w.lit(iri, ng("mentionedCount"), len(mentioned), "integer")


def _resolutions(w: _Writer, f: SummaryFacts) -> None:
    """Per cited resolution (resolutions): ?c a ng:Citation ; ng:resolution ?res ;
    ng:event ?event, counted per distinct event, with the events' start dates and organisers
    (ng:organizedBy, as named)."""
    for res, events in f.citations.items():
        dates = {d for e in events for d in f.starts.get(e, ())}
        organizers = {o for e in events for o in f.organizers.get(e, ())}
        iri = _iri("resolution", res)
        w.add(iri, RDF_TYPE, ng("ResolutionUse"))
        w.add(iri, ng("aboutResolution"), res)
        w.lit(iri, ng("eventCount"), len(events), "integer")
        if dates:
            w.lit(iri, ng("firstDate"), min(dates), "date")
            w.lit(iri, ng("lastDate"), max(dates), "date")
        w.lit(iri, ng("organizerList"), "\n".join(sorted(organizers)))
