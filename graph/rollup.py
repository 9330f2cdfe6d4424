"""Roll-ups of actors the reference graph lacks: what each is part of and counts for.

A gazetteer organisation's roll-up comes from the reference (graph/reference.py). An agency
the gazetteer lacks counts for its State; an unresolved name for the known organisation it is
a unit of ("OSCE Office in Tajikistan": the OSCE, not Tajikistan), or else for the State of a
public body named with one ("Ministry of Foreign Affairs of Belarus"), so that State counts as
present (co-attended) through it.
"""

from __future__ import annotations

import functools

from ontology.iris import ID

__all__ = ["parent_of", "rollups"]


@functools.lru_cache(maxsize=1 << 14)  # actors recur across notes
def rollups(actor_id: str, kind: str, iso3: str | None, unit_of: str | None) -> tuple[str, ...]:
    """What an actor counts for (its ng:rollsUpTo targets): itself, and what it is part of
    (`parent_of`) with that one's targets; a gazetteer organisation's come from the reference."""
    from graph.reference import rollup_targets

    if actor_id in _reference_org_ids():
        return tuple(rollup_targets(actor_id))
    own = [ID + actor_id]
    up = parent_of(actor_id, kind, iso3, unit_of)
    if up is not None:
        rest = [up] if up.startswith(ID + "state/") else rollup_targets(up[len(ID) :])
        own += [t for t in rest if t not in own]
    return tuple(own)


def parent_of(actor_id: str, kind: str, iso3: str | None, unit_of: str | None) -> str | None:
    """The IRI of what an actor the reference lacks is part of: an agency's State; for a name
    the gazetteer lacks, the known organisation it is a unit of ("OSCE Office in Tajikistan":
    the OSCE, not Tajikistan), or else the State of a public body named with one ("Ministry of
    Foreign Affairs of Belarus"). `unit_of`: the acronym or label a unit was named with."""
    if kind == "unresolved":
        parent = _known_org(unit_of)
        if parent is not None:
            return ID + parent
    if iso3 and (kind == "agency" or kind == "unresolved" and _government(actor_id)):
        return f"{ID}state/{iso3}"
    return None


def _known_org(name: str | None) -> str | None:
    """The id of the gazetteer organisation `name` (an acronym or label) names."""
    from loaders.names import resolve

    ent = resolve(name) if name else None
    return ent.id if ent is not None and ent.id in _reference_org_ids() else None


def _government(actor_id: str) -> bool:
    """Whether an unresolved name (its id's slug) reads as a State's public body."""
    words = set(actor_id.rsplit("/", 1)[-1].split("-"))
    return bool(words & _GOVERNMENT_WORDS) and not words & _NOT_GOVERNMENT_WORDS


# head words of a State's public bodies, and of bodies that are not the State's
_GOVERNMENT_WORDS = frozenset(
    "ministry ministries department agency customs police gendarmerie embassy mission government "
    "authority authorities directorate service services parliament presidency inspectorate "
    "prosecutor army navy guard forces secretariat commission committee council cabinet board "
    "bureau office administration".split()
)
_NOT_GOVERNMENT_WORDS = frozenset(
    "university universities college school institute academy foundation association society "
    "company corporation chamber union federation bank ngo network forum press media red "
    "crescent".split()
)


def _reference_org_ids() -> frozenset[str]:
    from graph.reference import org_ids

    return org_ids()
