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
from collections import Counter, defaultdict
from collections.abc import Callable
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


def _ties(w: _Writer, f: SummaryFacts) -> None:
    """Per (actor, top-level actor), as co-attended and path read them:
    ?event ng:involves ?actor ; ng:reportedStatus ?status .      # held, or planned
    GRAPH ?g { ?event ng:involves ?state }                        # evidence: event + note
    counted per distinct event; the evidence (ties with a State only) capped at EVIDENCE_CAP
    lines, taken from the greatest event IRIs down (dated IRIs: the latest first).
    Per top-level actor, each event's actors are appended to a list (one C call per event and
    top-level actor, not one Python step per pair) and counted once at the end; evidence lines
    are made only for the actors whose evidence with a State is not full yet."""
    taking: defaultdict[str, list[str]] = defaultdict(list)  # top-level -> actors, per event
    held: defaultdict[str, list[str]] = defaultdict(list)
    first_held: defaultdict[str, dict[str, str]] = defaultdict(dict)
    evidence: defaultdict[str, dict[str, list[str]]] = defaultdict(dict)
    held_evidence: defaultdict[str, dict[str, list[str]]] = defaultdict(dict)
    full: defaultdict[str, set[str]] = defaultdict(set)  # State -> actors with full evidence
    held_full: defaultdict[str, set[str]] = defaultdict(set)
    for e in sorted(f.involves, reverse=True):
        status = f.status.get(e, ())
        is_held = _HELD in status
        if not (is_held or _PLANNED in status):
            continue
        inv = f.involves[e]
        actors = inv.keys()
        ys = [y for y in actors if y not in f.nested]
        for y in ys:
            taking[y].extend(actors)  # y itself included: skipped below
        if is_held:
            at_e = dict.fromkeys(actors, e)
            for y in ys:
                held[y].extend(actors)
                first_held[y].update(at_e)  # from the greatest IRI down: the last is MIN
        for y in ys:
            if y not in f.states:
                continue
            todo = actors - full[y]
            todo_held = actors - held_full[y] if is_held else set()
            todo.discard(y)
            todo_held.discard(y)
            if not (todo or todo_held):
                continue
            lines = [f"{e} {_note(g)}" for g in sorted(inv[y])]
            for a in todo:
                _extend(evidence[y].setdefault(a, []), lines, full[y], a)
            for a in todo_held:
                _extend(held_evidence[y].setdefault(a, []), lines, held_full[y], a)
    for y, every in taking.items():
        held_counts = Counter(held[y])
        for a, n in Counter(every).items():
            if a != y:
                _tie(w, a, y, n, held_counts[a], first_held[y].get(a))
                if evidence[y].get(a):
                    w.lit(_iri("tie", a, y), ng("takingPartEvidence"), "\n".join(evidence[y][a]))
                if held_evidence[y].get(a):
                    w.lit(_iri("tie", a, y), ng("heldEvidence"), "\n".join(held_evidence[y][a]))


def _tie(w: _Writer, a: str, y: str, taking: int, held: int, first_held: str | None) -> None:
    iri = _iri("tie", a, y)
    w.add(iri, RDF_TYPE, ng("Tie"))
    w.add(iri, ng("ofActor"), a)
    w.add(iri, ng("withActor"), y)
    w.lit(iri, ng("heldEvents"), held, "integer")
    w.lit(iri, ng("takingPartEvents"), taking, "integer")
    if first_held is not None:
        w.lit(iri, ng("firstHeldEvent"), first_held)


def _extend(kept: list[str], lines: list[str], full: set[str], actor: str) -> None:
    """Up to EVIDENCE_CAP lines in all; `actor` joins `full` when there are."""
    kept.extend(lines[: EVIDENCE_CAP - len(kept)])
    if len(kept) >= EVIDENCE_CAP:
        full.add(actor)


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


def _activity(w: _Writer, f: SummaryFacts) -> None:
    """Per (actor, year, role) (actor-profile):
    ?unit ng:rollsUpTo ?actor . ?p ng:agent ?unit ; ng:event ?event ; ng:role ?role .
    ?event schema:startDate ?start .  BIND (YEAR(?start) AS ?year)
    partners: ?event ng:attendedBy|ng:invited|ng:organizedBy ?other . ?other ng:rollsUpTo
    ?partner, ?partner top level, ?other not rolling up to ?actor.
    Partners are only counted: sets of them are bit masks (one bit per top-level actor), and
    an event's partners without one participant are two precomputed ORs."""
    starts, rollups = f.starts, f.rollups
    roles: dict[tuple[str, str], set[str]] = {}  # (actor, event) -> roles
    for unit, e, role in f.roles:
        if e in starts:
            for actor in rollups.get(unit, ()):
                rs = roles.get((actor, e))
                if rs is None:
                    roles[(actor, e)] = {role}
                else:
                    rs.add(role)
    partners = _Partners(f)
    dated: dict[str, list[tuple[int, str]]] = {}  # event -> (year, start) of each start
    groups: dict[tuple[str, int, str], _Group] = {}
    for (actor, e), rs in roles.items():
        mask = partners.of(actor, e)
        years = dated.get(e)
        if years is None:
            years = dated[e] = [(int(start[:4]), start) for start in starts[e]]
        for year, start in years:
            for role in rs:
                g = groups.get((actor, year, role))
                if g is None:
                    g = groups[(actor, year, role)] = _Group()
                g.events.add(e)
                g.dates.add(start)
                g.partners |= mask
    for (actor, year, role), g in groups.items():
        iri = _iri("activity", actor, str(year), role)
        w.add(iri, RDF_TYPE, ng("ActivityCount"))
        w.add(iri, ng("ofActor"), actor)
        w.lit(iri, ng("year"), year, "integer")
        w.add(iri, ng("inRole"), role)
        w.lit(iri, ng("eventCount"), len(g.events), "integer")
        w.lit(iri, ng("firstDate"), min(g.dates), "date")
        w.lit(iri, ng("lastDate"), max(g.dates), "date")
        w.lit(iri, ng("partnerCount"), g.partners.bit_count(), "integer")


class _Group:
    """One (actor, year, role): its events, their start dates, its partners (a bit mask)."""

    __slots__ = ("dates", "events", "partners")

    def __init__(self) -> None:
        self.events: set[str] = set()
        self.dates: set[str] = set()
        self.partners = 0


class _Partners:
    """The top-level actors each event's others roll up to, as bit masks, for one actor: those
    of the others that do not roll up to it."""

    def __init__(self, f: SummaryFacts) -> None:
        self.f = f
        self.bits: dict[str, int] = {}
        self.masks: dict[str, int] = {}  # other -> the mask of its top-level roll-ups
        self.below: defaultdict[str, set[str]] = defaultdict(set)  # actor -> who rolls up to it
        for o, ups in f.rollups.items():
            for up in ups:
                self.below[up].add(o)
        # event -> (its others' masks, the others' index, ORs before i, ORs from i on)
        self.events: dict[str, tuple[list[int], dict[str, int], list[int], list[int]]] = {}

    def mask(self, other: str) -> int:
        m = self.masks.get(other)
        if m is None:
            m = 0
            for up in self.f.rollups.get(other, ()):
                if up not in self.f.nested:
                    m |= self.bits.setdefault(up, 1 << len(self.bits))
            self.masks[other] = m
        return m

    def of(self, actor: str, e: str) -> int:
        found = self.events.get(e)
        if found is None:
            others = sorted(self.f.others.get(e, ()))
            masks = [self.mask(o) for o in others]
            before, after = [0], [0]
            for m in masks:
                before.append(before[-1] | m)
            for m in reversed(masks):
                after.append(after[-1] | m)
            after.reverse()
            found = self.events[e] = (masks, {o: i for i, o in enumerate(others)}, before, after)
        masks, index, before, after = found
        skip = [index[o] for o in self.below.get(actor, ()) if o in index]
        if not skip:
            return after[0]
        if len(skip) == 1:
            return before[skip[0]] | after[skip[0] + 1]
        mask = 0
        for i, m in enumerate(masks):
            if i not in skip:
                mask |= m
        return mask


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
