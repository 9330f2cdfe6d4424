"""The seed notes as a store, for goldens and tests.

Two sources of the same five events:

- `extracted_notes(folder)`: what the loaders read from `data/notes/` (the real pipeline; its
  answers change while extraction improves).
- `gold_notes(gold_file, folder)`: the records `tests/seeds-gold.json` says the loaders should
  produce (required items only), so the queries can be checked against the expected answer
  independently of extraction. Evidence is the first line of the note that names the actor.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loaders.model import Actor, Evidence, NapStatement, Note, RelatedEvent, Source, Venue
from ontology.iris import slug

if TYPE_CHECKING:
    from graph.store import Store

__all__ = ["build_store", "extracted_notes", "gold_notes"]

# What the five seed notes say about National Action Plans (the gold file lists only the States).
_NAP_STATUS = {
    "002_f5c2ad54f9612543.txt": "adopted",
    "003_b66c03fd2d266bed.txt": "adopted",
    "004_3c317464b7704df3.txt": "draft",
}
# An earlier event the Belgrade note mentions (the gold file has no related events).
_RELATED = {
    "002_f5c2ad54f9612543.txt": RelatedEvent(
        "Workshop on Implementing Security Council Resolution 1540 (2004) for Southeast "
        "European States",
        "2010-06-14",
        "2010-06-17",
        "Split",
        "HRV",
    )
}


def extracted_notes(folder: str | Path) -> list[Note]:
    """The notes as the loaders read them (sorted by file name)."""
    from loaders import read_notes

    notes: list[Note] = list(read_notes([str(folder)]))
    return sorted(notes, key=lambda n: n.source.path)


def build_store(notes: Iterable[Note], store: Store) -> Store:
    from graph.build import build

    build(store, notes)
    return store


def _orgs() -> dict[str, tuple[str, str, str | None]]:
    """Every spelling of a curated organisation (folded) -> (id, kind, iso3)."""
    from graph.reference import org_entries

    out: dict[str, tuple[str, str, str | None]] = {}
    for e in org_entries():
        for name in (e.label, e.acronym, *e.aliases):
            if name:
                out.setdefault(name.casefold(), (e.id, e.kind, e.iso3))
    return out


class _Actors:
    """The actors of one gold note, each with its roles and first mention."""

    def __init__(self, text: str, orgs: dict[str, tuple[str, str, str | None]]) -> None:
        self.text = text
        self.orgs = orgs
        self.found: dict[str, dict[str, Any]] = {}

    def _add(
        self, aid: str, kind: str, label: str, iso3: str | None, role: str, names: list[str]
    ) -> None:
        a = self.found.setdefault(
            aid,
            {
                "id": aid,
                "kind": kind,
                "label": label,
                "iso3": iso3,
                "roles": [],
                "evidence": _evidence(self.text, names),
            },
        )
        if role not in a["roles"]:
            a["roles"].append(role)

    def org(self, names: list[str], role: str) -> None:
        hit = next((self.orgs[n.casefold()] for n in names if n.casefold() in self.orgs), None)
        aid, kind, iso3 = hit or (f"unresolved/{slug(names[0])}", "unresolved", None)
        self._add(aid, kind, names[0], iso3, role, names)

    def state(self, iso3: str, role: str) -> None:
        label = _state_label(iso3)
        self._add(f"state/{iso3}", "state", label, iso3, role, [label])

    def actors(self) -> tuple[Actor, ...]:
        return tuple(
            Actor(
                a["label"],
                a["id"],
                a["kind"],
                a["label"],
                iso3=a["iso3"],
                roles=tuple(a["roles"]),
                evidence=a["evidence"],
            )
            for a in self.found.values()
        )


def _evidence(text: str, names: Iterable[str]) -> tuple[Evidence, ...]:
    for name in names:
        m = re.search(r"\b" + re.escape(name) + r"\b", text, re.I)
        if m:
            line = text.count("\n", 0, m.start()) + 1
            return (Evidence(line, m.group(0), m.start(), m.end()),)
    return ()


def _state_label(iso3: str) -> str:
    from ontology.states import state_records

    labels = {s["iso3"]: s["label"] for s in state_records()}
    return str(labels.get(iso3, iso3))


def gold_notes(gold_file: str | Path, folder: str | Path) -> list[Note]:
    """The seed notes as `seeds-gold.json` describes them (required actors only)."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    orgs = _orgs()
    notes = []
    for g in gold["notes"]:
        path = Path(folder) / g["file"]
        text = path.read_text(encoding="utf-8")
        acc = _Actors(text, orgs)
        for iso3 in g["organizer_states"]:
            acc.state(iso3, "organizer")
        for names in g["organizer_orgs"]["required"]:
            acc.org(names, "organizer")
        for iso3 in g["participant_states"]["required"]:
            acc.state(iso3, "participant")
        for names in g["participant_orgs"]["required"]:
            acc.org(names, "participant")
        for _iso3, name in sorted(g["agencies"].items()):
            acc.org([name], "participant")
        naps = tuple(
            NapStatement(
                iso3,
                _NAP_STATUS.get(g["file"], "draft"),
                None,
                _evidence(text, [_state_label(iso3)]),
            )
            for iso3 in g["nap_states"]["required"]
        )
        notes.append(
            Note(
                source=Source(str(path), hashlib.sha256(path.read_bytes()).hexdigest()),
                title=g["title"],
                event_type=g["event_type"],
                status=g["status"],
                doc_type="information_note",
                start_date=g["start_date"],
                end_date=g["end_date"],
                date_precision="day",
                venue=Venue(None, g["city"], g["country"]),
                actors=acc.actors(),
                resolutions=tuple(g["resolutions"]),
                naps=naps,
                related_events=tuple([_RELATED[g["file"]]] if g["file"] in _RELATED else []),
            )
        )
    return notes
