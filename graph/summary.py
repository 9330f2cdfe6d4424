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
from typing import TYPE_CHECKING, NamedTuple

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
    _write(store, summary_quads(every))
    return True


def _write(store: Store, quads: list[Quad]) -> None:
    """Store the summary graph. When the stored one differs in a few rows (a rebuild where some
    notes changed: a few hundred of 65k quads at 10k notes), only those are deleted and inserted,
    in one transaction; dropping 65k quads and bulk-loading them again cost ~2-3 s. Otherwise
    (none stored, or most rows changed) it is dropped, then bulk-loaded (4x cheaper than a
    transaction at 10k notes). Not atomic, and need not be: a summary lost to a crash in
    between is missing, so the next build recomputes it."""
    add_graphs = getattr(store, "add_graphs", None)
    update = getattr(store, "update", None)
    stored = getattr(store, "quads", None)
    if add_graphs is None or update is None or stored is None:
        store.replace_graph(SUMMARY_GRAPH, quads)
        return
    import pyoxigraph as ox

    old, new = set(stored(SUMMARY_GRAPH)), set(quads)
    gone, added = old - new, new - old
    if old and len(gone) + len(added) <= len(new) // 4:
        if gone or added:
            update(_diff_update(gone, added))
        return
    store.remove_graph(SUMMARY_GRAPH)
    add_graphs(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


def _diff_update(gone: set[Quad], added: set[Quad]) -> str:
    """One SPARQL update (one transaction) deleting and inserting these summary quads."""
    import pyoxigraph as ox

    def block(quads: set[Quad]) -> str:
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        return f"GRAPH <{SUMMARY_GRAPH}> {{\n{body}}}"

    return f"DELETE DATA {{ {block(gone)} }} ;\nINSERT DATA {{ {block(added)} }}"


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
    # State -> the actors whose evidence with it is full (and the State itself: no tie)
    full: dict[str, set[str]] = {y: {y} for y in f.states}
    held_full: dict[str, set[str]] = {y: {y} for y in f.states}
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
            done = full.get(y)
            if done is None:  # not a State
                continue
            done_held = held_full[y]
            if done.issuperset(actors) and (not is_held or done_held.issuperset(actors)):
                continue
            lines = [f"{e} {_note(g)}" for g in sorted(inv[y])]
            for a in actors - done:
                _extend(evidence[y].setdefault(a, []), lines, done, a)
            if is_held:
                for a in actors - done_held:
                    _extend(held_evidence[y].setdefault(a, []), lines, done_held, a)
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
    partners = _Partners(f)
    groups: dict[tuple[str, int, str], _Group] = {}
    for e, units in f.roles.items():
        if e not in starts:
            continue
        years = [(int(start[:4]), start) for start in starts[e]]
        roles: dict[str, set[str]] = {}  # actor (rolled up) -> its roles at e
        for unit, role in units:
            for actor in rollups.get(unit, ()):
                rs = roles.get(actor)
                if rs is None:
                    roles[actor] = {role}
                else:
                    rs.add(role)
        event = partners.event(e)
        for actor, rs in roles.items():
            mask = partners.of(actor, event)
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

    def mask(self, other: str) -> int:
        m = self.masks.get(other)
        if m is None:
            m = 0
            for up in self.f.rollups.get(other, ()):
                if up not in self.f.nested:
                    m |= self.bits.setdefault(up, 1 << len(self.bits))
            self.masks[other] = m
        return m

    def event(self, e: str) -> _Event:
        """The event's others: their roll-ups and masks, the ORs of the masks before and after
        each."""
        others = sorted(self.f.others.get(e, ()))
        masks = [self.mask(o) for o in others]
        before, after = [0], [0]
        for m in masks:
            before.append(before[-1] | m)
        for m in reversed(masks):
            after.append(after[-1] | m)
        after.reverse()
        return _Event([self.f.rollups.get(o, set()) for o in others], masks, before, after)

    def of(self, actor: str, e: _Event) -> int:
        """The mask of the event's others that do not roll up to `actor`."""
        skip = [i for i, ups in enumerate(e.ups) if actor in ups]
        if not skip:
            return e.after[0]
        if len(skip) == 1:
            return e.before[skip[0]] | e.after[skip[0] + 1]
        mask = 0
        for i, m in enumerate(e.masks):
            if i not in skip:
                mask |= m
        return mask


class _Event(NamedTuple):
    ups: list[set[str]]  # each other's roll-ups
    masks: list[int]  # each other's top-level roll-ups, as a mask
    before: list[int]  # before[i]: the OR of masks[:i]
    after: list[int]  # after[i]: the OR of masks[i:]


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
        status = f.status.get(e, ())
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
