"""What the per-build summary (graph/summary.py) is counted from, gathered in the build's main
process: every note graph's facts (graph/notefacts.py, kept in its build record), then the
reference-level facts read once from the reference and derived graphs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from graph.notefacts import NoteFacts, iri_full

if TYPE_CHECKING:
    from graph.store import Store

__all__ = ["SummaryFacts"]

_PREFIXES = """PREFIX ng: <https://w3id.org/notegraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


class SummaryFacts:
    """What the summaries are counted from: each note graph's facts (`add_note`, from the facts
    its build record keeps: graph/notefacts.py), then the reference-level ones (`read_reference`:
    States, sub-units, roll-ups, regions; a few small queries on the reference and derived
    graphs). Everything is a set, so the order in which notes are added does not matter."""

    def __init__(self) -> None:
        self.involves: dict[str, dict[str, set[str]]] = {}  # event -> actor -> graphs
        self.status: defaultdict[str, set[str]] = defaultdict(set)
        self.organizers: defaultdict[str, set[str]] = defaultdict(set)
        self.others: defaultdict[str, set[str]] = defaultdict(set)  # attended|invited|organised
        self.roles: defaultdict[str, set[tuple[str, str]]] = defaultdict(set)  # (unit, role)
        self.starts: defaultdict[str, set[str]] = defaultdict(set)
        self.countries: defaultdict[str, set[str]] = defaultdict(set)
        self.events: set[str] = set()
        self.citations: defaultdict[str, set[str]] = defaultdict(set)  # resolution -> events
        self.states: set[str] = set()
        self.nested: set[str] = set()  # actors with a parent (not top level)
        self.rollups: defaultdict[str, set[str]] = defaultdict(set)
        self.regions: defaultdict[str, set[str]] = defaultdict(set)  # country -> region names
        self._iris = _Iris()  # short -> full, one string per IRI

    def add_note(self, graph: str, facts: NoteFacts) -> None:
        """One note graph's facts (graph/notefacts.py's format)."""
        full = self._iris.__getitem__
        for s, v in facts.items():
            e = full(s)
            if "E" in v:
                self.events.add(e)
            if "i" in v:
                inv = self.involves.setdefault(e, {})
                for x in v["i"]:
                    inv.setdefault(full(x), set()).add(graph)
            if "s" in v:
                self.status[e].update(map(full, v["s"]))
            if "o" in v:
                organizers = list(map(full, v["o"]))
                self.organizers[e].update(organizers)
                self.others[e].update(organizers)
            if "a" in v:
                self.others[e].update(map(full, v["a"]))
            if "d" in v:
                self.starts[e].update(v["d"])
            if "c" in v:
                self.countries[e].update(map(full, v["c"]))
            if "r" in v:
                r = v["r"]
                self.roles[e].update(zip(map(full, r[::2]), map(full, r[1::2]), strict=True))
            for res in v.get("x", ()):
                self.citations[full(res)].add(e)

    def read_reference(self, store: Store) -> None:
        """States, sub-units, roll-ups and regions, from the reference and derived graphs (the
        union default graph: as the live queries read them)."""

        def rows(query: str) -> Iterable[tuple[str, ...]]:
            result = store.select(_PREFIXES + query)
            names = list(result[0]) if result else []
            return (tuple(str(r[n]) for n in names) for r in result)

        self.states = {x for (x,) in rows("SELECT DISTINCT ?x WHERE { ?x a ng:State }")}
        self.nested = {
            x for (x,) in rows("SELECT DISTINCT ?x WHERE { ?x org:subOrganizationOf ?up }")
        }
        for x, y in rows("SELECT DISTINCT ?x ?y WHERE { ?x ng:rollsUpTo ?y }"):
            self.rollups[x].add(y)
        for c, r in rows("SELECT DISTINCT ?c ?r WHERE { ?c ng:region ?r }"):
            self.regions[c].add(r)

    def regions_of(self, event: str) -> set[str]:
        """`?event ng:country ?c . ?c ng:region ?r`."""
        return {r for c in self.countries.get(event, ()) for r in self.regions.get(c, ())}


class _Iris(dict[str, str]):
    """Short IRI -> IRI (`iri_full`), made once each: lookups stay in C."""

    def __missing__(self, short: str) -> str:
        iri = self[short] = iri_full(short)
        return iri
