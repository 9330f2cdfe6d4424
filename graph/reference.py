"""The reference graph: every State and every curated organisation, with the roll-up closure.

`ng:rollsUpTo` is materialised here once per build (actor itself, its parents, an agency's State),
so queries join on one indexed triple instead of a property path.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from graph.rdf import ORG, RDF_TYPE, REFERENCE_GRAPH, SKOS, _dedupe, _Writer, ng
from ontology.iris import ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = ["OrgEntry", "org_entries", "org_ids", "reference_quads", "rollup_targets"]

WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class OrgEntry:
    id: str  # "org/osce-cpc"
    label: str
    acronym: str | None
    kind: str  # organization|agency
    parent: str | None  # "org/osce-secretariat"
    iso3: str | None  # State of an agency
    qid: str | None
    aliases: tuple[str, ...] = ()


@cache
def org_ids() -> frozenset[str]:
    """The IRI tails ('org/osce-cpc') of every gazetteer organisation."""
    return frozenset(e.id for e in org_entries())


@cache
def _rollup_table() -> dict[str, list[str]]:
    entries = org_entries()
    by_id = {e.id: e for e in entries}
    return {e.id: list(dict.fromkeys(_ancestors(e, by_id))) for e in entries}


def rollup_targets(org_id: str) -> list[str]:
    """The ng:rollsUpTo targets of a gazetteer organisation ('org/osce-cpc'), as IRIs."""
    return _rollup_table()[org_id]


@cache
def org_entries() -> list[OrgEntry]:
    """The curated organisations of `ontology/reference/organizations.json` (the loaders'
    gazetteer): the same file names them when reading and describes them here."""
    import json
    from importlib import resources

    ref = resources.files("ontology").joinpath("reference/organizations.json")
    data = json.loads(ref.read_text(encoding="utf-8"))
    out = []
    for e in data["organizations"]:
        acronyms = e.get("acronyms") or []
        out.append(
            OrgEntry(
                id="org/" + e["slug"],
                label=e["name"],
                acronym=acronyms[0] if acronyms else None,
                kind=e.get("kind") or "organization",
                parent="org/" + e["parent"] if e.get("parent") else None,
                iso3=e.get("iso3"),
                qid=e.get("qid"),
                aliases=tuple(dict.fromkeys([*acronyms[1:], *(e.get("aliases") or [])])),
            )
        )
    return out


def reference_quads() -> list[Quad]:
    """The reference graph's quads: every State, every gazetteer organisation, the closure."""
    from ontology.states import state_records

    w = _Writer(REFERENCE_GRAPH)
    for rec in state_records():
        iso3 = rec["iso3"]
        s = f"{ID}state/{iso3}"
        w.add(s, RDF_TYPE, ng("State"))
        w.lit(s, SKOS + "prefLabel", rec["label"])
        w.lit(s, SKOS + "notation", iso3)
        w.lit(s, ng("actorKind"), "state")
        w.add(s, ng("rollsUpTo"), s)
        if rec.get("region"):
            w.lit(s, ng("region"), rec["region"])
        if rec.get("subregion"):
            w.lit(s, ng("subregion"), rec["subregion"])
        if rec.get("qid"):
            w.add(s, SKOS + "exactMatch", WIKIDATA + rec["qid"])
    entries = org_entries()
    by_id = {e.id: e for e in entries}
    for e in entries:
        o = ID + e.id
        w.add(o, RDF_TYPE, ng("GovernmentAgency" if e.kind == "agency" else "Organization"))
        w.lit(o, SKOS + "prefLabel", e.label)
        w.lit(o, ng("actorKind"), e.kind)
        if e.acronym:
            w.lit(o, ng("acronym"), e.acronym)
        for alias in e.aliases:
            w.lit(o, SKOS + "altLabel", alias)
        if e.qid:
            w.add(o, SKOS + "exactMatch", WIKIDATA + e.qid)
        if e.parent and e.parent in by_id:
            w.add(o, ORG + "subOrganizationOf", ID + e.parent)
        if e.iso3:
            w.add(o, ng("agencyOf"), f"{ID}state/{e.iso3}")
            w.add(o, ORG + "subOrganizationOf", f"{ID}state/{e.iso3}")
        for up in _ancestors(e, by_id):
            w.add(o, ng("rollsUpTo"), up)
    return _dedupe(w.quads)


def _ancestors(e: OrgEntry, by_id: dict[str, OrgEntry]) -> Iterator[str]:
    """The entry itself, each parent up the chain, and the State of any agency on the way."""
    seen: set[str] = set()
    cur: OrgEntry | None = e
    while cur is not None and cur.id not in seen:
        seen.add(cur.id)
        yield ID + cur.id
        if cur.iso3:
            yield f"{ID}state/{cur.iso3}"
        cur = by_id.get(cur.parent) if cur.parent else None
