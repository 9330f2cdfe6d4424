"""What the per-build summary (graph/summary.py) is counted from, gathered in the build's main
process: every note graph's facts (graph/notefacts.py, kept in its build record), then the
reference-level facts read once from the reference and derived graphs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from graph.notefacts import NoteFacts, iri_full

if TYPE_CHECKING:
    from graph.store import Store

__all__ = ["SummaryFacts"]

T = TypeVar("T")

_PREFIXES = """PREFIX ng: <https://w3id.org/notegraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


class SummaryFacts:
    """What the summaries are counted from: each note graph's facts (`add_note`, from the facts
    its build record keeps: graph/notefacts.py), then the reference-level ones (`read_reference`:
    States, sub-units, roll-ups, regions; a few small queries on the reference and derived
    graphs). Each value holds an item once and is read as a set, so the order in which notes
    are added does not matter."""

    def __init__(self) -> None:
        # Per event, as tuples without repeats, not sets: at 100k notes a set per event and
        # field was most of the build's memory (a 1-item set takes 216 bytes, a tuple 48).
        self.involves: dict[str, dict[str, tuple[str, ...]]] = {}  # event -> actor -> graphs
        self.status: dict[str, tuple[str, ...]] = {}
        self.organizers: dict[str, tuple[str, ...]] = {}
        self.others: dict[str, tuple[str, ...]] = {}  # attended|invited|organised
        self.roles: dict[str, tuple[tuple[str, str], ...]] = {}  # (unit, role)
        self.starts: dict[str, tuple[str, ...]] = {}
        self.countries: dict[str, tuple[str, ...]] = {}
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
        one = (graph,)  # shared by every actor this note alone says an event involves
        for s, v in facts.items():
            e = full(s)
            if "E" in v:
                self.events.add(e)
            if "i" in v:
                inv = self.involves.setdefault(e, {})
                for x in v["i"]:
                    a = full(x)
                    had = inv.get(a)
                    if had is None:
                        inv[a] = one
                    elif graph not in had:
                        inv[a] = (*had, graph)
            if "s" in v:
                _add(self.status, e, map(full, v["s"]))
            if "o" in v:
                _add(self.organizers, e, map(full, v["o"]))
            if "o" in v or "a" in v:  # an organiser may be listed as attending too
                _add(self.others, e, dict.fromkeys(map(full, (*v.get("o", ()), *v.get("a", ())))))
            if "d" in v:
                _add(self.starts, e, v["d"])
            if "c" in v:
                _add(self.countries, e, map(full, v["c"]))
            if "r" in v:
                r = v["r"]
                _add(self.roles, e, zip(map(full, r[::2]), map(full, r[1::2]), strict=True))
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


def _add(table: dict[str, tuple[T, ...]], key: str, new: Iterable[T]) -> None:
    """Add `new` (items without repeats: a note's facts) to the key's tuple, each item once."""
    old = table.get(key)
    table[key] = tuple(new) if old is None else tuple(dict.fromkeys((*old, *new)))


class _Iris(dict[str, str]):
    """Short IRI -> IRI (`iri_full`), made once each: lookups stay in C."""

    def __missing__(self, short: str) -> str:
        iri = self[short] = iri_full(short)
        return iri
