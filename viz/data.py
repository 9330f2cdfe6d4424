"""What the network page reads: the JSON of its nodes, links and filters (`build_data`).

Every value is checked and given a plain JSON type here; long lists are cut to what the page
shows, with their totals, so a hub of a 10k-note graph does not make a page of tens of MB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "COMMUNITY_COLOURS",
    "EDGE_EVENTS",
    "EDGE_QUOTES",
    "KIND_SHAPES",
    "NODE_QUOTES",
    "PHYSICS_EDGE_LIMIT",
    "PHYSICS_LIMIT",
    "REGION_KINDS",
    "ROLE_COLOURS",
    "build_data",
]

#: Up to this many shown nodes the browser runs physics until stable, then stops it; above it the
#: precomputed positions are used with physics off...
PHYSICS_LIMIT = 300
#: ... and up to this many links: a denser graph settles into the same disc the precomputed
#: layout draws, only later (the 10k-note co-attendance view, 60 nodes and 1,770 links, every
#: actor linked to every other: usable 0.4 s later, median, more on a busy machine).
PHYSICS_EDGE_LIMIT = 1500
#: At most this many quotes per node / per link, and shared-event names per link, go into the page
#: (the totals go too, and the page says what it left out): a hub of a 10k-note graph has
#: thousands, which made a 73 MB page.
NODE_QUOTES = 100
EDGE_QUOTES = 50
EDGE_EVENTS = 20

#: The kinds a region filter applies to (organisations have no region and always stay).
REGION_KINDS = ("state", "agency")
KIND_SHAPES: dict[str, str] = {
    "state": "dot",
    "organization": "diamond",
    "agency": "triangle",
    "unresolved": "square",
    "event": "star",
}
#: Strongest first: an edge with several roles is drawn in the colour of its strongest one.
ROLE_COLOURS: dict[str, str] = {
    "organizer": "#d62728",
    "host": "#ff7f0e",
    "funder": "#8c564b",
    "supporter": "#9467bd",
    "speaker": "#17becf",
    "participant": "#5b6b7b",
    "invited": "#b0b8c0",
}
NO_ROLE_COLOUR = "#9aa5b1"
COMMUNITY_COLOURS = [
    "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#17becf",
    "#bcbd22", "#e377c2", "#8c564b", "#393b79", "#637939", "#7b4173",
]  # fmt: skip
OTHER_COMMUNITY_COLOUR = "#a8b0b8"


def _str_list(value: Any, *, keep_order: bool = False) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple) and keep_order:
        return [str(v) for v in value]
    if isinstance(value, list | tuple | set | frozenset):
        return sorted({str(v) for v in value})
    return []


def _opt_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _int_list(value: Any) -> list[int]:
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list | tuple | set | frozenset):
        return sorted({v for v in value if isinstance(v, int) and not isinstance(v, bool)})
    return []


def _evidence(value: Any, limit: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not isinstance(value, list | tuple):
        return rows
    for item in value[:limit]:
        if not isinstance(item, dict):
            continue
        line = item.get("line")
        if isinstance(line, str) and line.strip().isdigit():
            line = int(line)  # a literal read back from the store as text
        rows.append(
            {
                "note": str(item.get("note", "")),
                "line": line if isinstance(line, int) and not isinstance(line, bool) else None,
                "quote": str(item.get("quote", "")),
            }
        )
    return rows


def _strongest(roles: list[str]) -> str | None:
    for role in ROLE_COLOURS:
        if role in roles:
            return role
    return roles[0] if roles else None


def _count(value: Any) -> int:
    return len(value) if isinstance(value, list | tuple) else 0


def _opt_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _colour(community: Any) -> str:
    if isinstance(community, int) and 0 <= community < len(COMMUNITY_COLOURS):
        return COMMUNITY_COLOURS[community]
    return OTHER_COMMUNITY_COLOUR


def build_data(
    G: nx.Graph[Any],
    positions: dict[str, tuple[float, float]],
    *,
    title: str,
    subtitle: str,
    nodes_total: int,
) -> dict[str, Any]:
    """The JSON the page reads: `meta`, `nodes`, `edges` (G must be annotated), and
    `event_names`: a link's `events` are indices into it (a name shared by many links is
    written once; the page turns them back into names)."""
    nodes: list[dict[str, Any]] = []
    kinds: set[str] = set()
    roles: set[str] = set()
    years: set[int] = set()
    regions: set[str | None] = set()  # of States and agencies (None: not known)
    event_types: set[str | None] = set()  # None: an event of no known type
    facet_index: dict[tuple[int | None, str | None], int] = {}
    raw_facets: dict[tuple[Any, Any], int] = {}  # as given -> index (checked once per value)
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        key = str(node)
        kind = str(data.get("kind", "unresolved"))
        node_roles = _str_list(data.get("roles"))
        year = _opt_int(data.get("year"))
        x, y = positions.get(key, (0.0, 0.0))
        kinds.add(kind)
        roles.update(node_roles)
        if year is not None:
            years.add(year)
        region = str(data["region"]) if data.get("region") else None
        if kind in REGION_KINDS:
            regions.add(region)
        event_type = _opt_str(data.get("event_type"))
        if kind == "event":
            event_types.add(event_type)
        nodes.append(
            {
                "id": key,
                "label": str(data.get("label", key)),
                "kind": kind,
                "shape": KIND_SHAPES.get(kind, "dot"),
                "roles": node_roles,
                "year": year,
                "region": region,
                "iri": str(data["iri"]) if data.get("iri") else None,
                "aliases": _str_list(data.get("aliases"), keep_order=True),
                "start": _opt_str(data.get("start")),
                "status": _opt_str(data.get("status")),
                "event_type": event_type,
                "evidence": _evidence(data.get("evidence"), NODE_QUOTES),
                "evidence_total": _count(data.get("evidence")),
                "quoted_events": _opt_int(data.get("quoted_events")),
                "events_total": _opt_int(data.get("events_total")),
                "x": x,
                "y": y,
                "value": round(1 + 20 * float(data.get("centrality", 0.0)), 3),
                "centrality": data.get("centrality", 0.0),
                "degree": data.get("degree", 0),
                "community": data.get("community"),
                "colour": _colour(data.get("community")),
            }
        )
    edges: list[dict[str, Any]] = []
    event_names: dict[str, int] = {}  # the names of shared events, each once (links: indices)
    rows = sorted(G.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
    for i, (u, v, data) in enumerate(rows):
        edge_roles = _str_list(data.get("roles"))
        edge_years = _int_list(data.get("years"))
        roles.update(edge_roles)
        years.update(edge_years)
        weight = data.get("weight", 1)
        strongest = _strongest(edge_roles)
        facets = set()
        for facet in data.get("facets") or []:
            raw = (facet[0], facet[1])
            index = raw_facets.get(raw)
            if index is None:
                f_year, f_type = _opt_int(facet[0]), _opt_str(facet[1])
                index = raw_facets[raw] = facet_index.setdefault((f_year, f_type), len(facet_index))
                event_types.add(f_type)
            facets.add(index)
        events = _str_list(data.get("events"), keep_order=True)
        edges.append(
            {
                "id": f"e{i}",
                "from": str(u),
                "to": str(v),
                "weight": weight if isinstance(weight, int | float) else 1,
                "roles": edge_roles,
                "years": edge_years,
                "events": [
                    event_names.setdefault(name, len(event_names)) for name in events[:EDGE_EVENTS]
                ],
                "events_total": len(events),
                "event_types": _str_list(data.get("event_types")),
                "facets": sorted(facets),
                "evidence": _evidence(data.get("evidence"), EDGE_QUOTES),
                "evidence_total": _count(data.get("evidence")),
                "quoted_events": _opt_int(data.get("quoted_events")),
                "colour": ROLE_COLOURS.get(strongest, NO_ROLE_COLOUR)
                if strongest
                else NO_ROLE_COLOUR,
            }
        )
    sizes: dict[int, int] = {}
    leaders: dict[int, tuple[float, str]] = {}
    for n in nodes:
        c = n["community"]
        if isinstance(c, int):
            sizes[c] = sizes.get(c, 0) + 1
            score = (-float(n["centrality"]), n["label"])
            if c not in leaders or score < leaders[c]:
                leaders[c] = score
    communities = [
        {"id": c, "size": sizes[c], "colour": _colour(c), "leader": leaders[c][1]}
        for c in sorted(sizes, key=lambda c: (-sizes[c], c))
    ]
    kind_order = list(KIND_SHAPES) + sorted(kinds - set(KIND_SHAPES))
    role_order = list(ROLE_COLOURS) + sorted(roles - set(ROLE_COLOURS))
    meta = {
        "title": title,
        "subtitle": subtitle,
        "nodes_total": nodes_total,
        "nodes_shown": len(nodes),
        "edges_shown": len(edges),
        "truncated": nodes_total > len(nodes),
        "physics": len(nodes) <= PHYSICS_LIMIT and len(edges) <= PHYSICS_EDGE_LIMIT,
        "kinds": [
            {"kind": k, "shape": KIND_SHAPES.get(k, "dot")} for k in kind_order if k in kinds
        ],
        "roles": [
            {"role": r, "colour": ROLE_COLOURS.get(r, NO_ROLE_COLOUR)}
            for r in role_order
            if r in roles
        ],
        "years": [min(years), max(years)] if years else None,
        # a filter is offered only when it has a choice to make
        "regions": sorted(regions, key=lambda r: (r is None, r or "")) if len(regions) > 1 else [],
        "event_types": sorted(event_types, key=lambda t: (t is None, t or ""))
        if len(event_types) > 1
        else [],
        "facets": [list(f) for f in facet_index],
        "roles_from_quoted_events": bool(G.graph.get("roles_from_quoted_events")),
        "communities": communities,
        "other_colour": OTHER_COMMUNITY_COLOUR,
        "no_role_colour": NO_ROLE_COLOUR,
    }
    return {"meta": meta, "nodes": nodes, "edges": edges, "event_names": list(event_names)}
