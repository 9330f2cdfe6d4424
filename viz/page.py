"""Write a networkx graph as ONE self-contained, offline HTML page (vis-network inlined).

Why not pyvis's own writer: every `cdn_resources` mode of pyvis 0.3.2 still fetches something from a
CDN (vis-network or Bootstrap), and `Network.add_node` is quadratic. We take vis-network 9.1.2 from
the files pyvis ships (a PyPI-sourced copy, no network at run time), and write the page with our own
template (`template.html`, `app.js`, `app.css` beside this module).

Untrusted text (labels, quotes, note names) only ever reaches the page as JSON inside
`<script type="application/json">`, escaped so it cannot close the element, and `app.js` renders it
with `textContent` (vis-network renders string tooltips as text).
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "COMMUNITY_COLOURS",
    "EDGE_EVENTS",
    "EDGE_QUOTES",
    "KIND_SHAPES",
    "NODE_QUOTES",
    "PHYSICS_LIMIT",
    "ROLE_COLOURS",
    "PageInfo",
    "build_data",
    "script_json",
    "write_network",
]

#: Up to this many shown nodes the browser runs physics until stable, then stops it; above it the
#: precomputed positions are used with physics off.
PHYSICS_LIMIT = 300
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
VIS_VERSION = "9.1.2"

_HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class PageInfo:
    """What `write_network` wrote."""

    path: Path
    nodes_total: int
    nodes_shown: int
    edges_shown: int
    truncated: bool


def script_json(data: Any) -> str:
    """JSON that is safe inside a `<script>` element: it cannot close the element or open a comment.

    `<`, `>`, `&` and the two JavaScript line terminators only occur inside JSON strings, where the
    `\\uXXXX` form means the same thing.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def _inline_script(code: str, name: str) -> str:
    """Code that can sit inside `<script>`: `</script` is split, an HTML comment opener refused."""
    if "<!--" in code:
        raise ValueError(f"{name} contains '<!--', which cannot be inlined in a <script> element")
    return code.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def _inline_style(css: str, name: str) -> str:
    if "</style" in css.lower():
        raise ValueError(f"{name} contains '</style', which cannot be inlined in a <style> element")
    return css


def _vis_dir() -> Path:
    spec = importlib.util.find_spec("pyvis")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; notegraph takes vis-network from its package")
    base = Path(next(iter(spec.submodule_search_locations)))
    return base / "templates" / "lib" / f"vis-{VIS_VERSION}"


@cache
def _assets() -> dict[str, str]:
    vis = _vis_dir()
    return {
        "vis_js": _inline_script(
            (vis / "vis-network.min.js").read_text(encoding="utf-8"), "vis-network.min.js"
        ),
        "vis_css": _inline_style((vis / "vis-network.css").read_text(encoding="utf-8"), "vis css"),
        "app_js": _inline_script((_HERE / "app.js").read_text(encoding="utf-8"), "app.js"),
        "app_css": _inline_style((_HERE / "app.css").read_text(encoding="utf-8"), "app.css"),
        "template": (_HERE / "template.html").read_text(encoding="utf-8"),
    }


def _csp(assets: dict[str, str]) -> str:
    """A Content-Security-Policy that forbids every fetch and runs only our two scripts.

    Scripts are allowed by hash (the exact text between the tags), so an injected inline script or
    event handler attribute would not run even if escaping failed somewhere.
    """
    hashes = " ".join(
        "'sha256-"
        + base64.b64encode(hashlib.sha256(f"\n{assets[k]}\n".encode()).digest()).decode()
        + "'"
        for k in ("vis_js", "app_js")
    )
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )


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
        "physics": len(nodes) <= PHYSICS_LIMIT,
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
        "regions": sorted(regions, key=lambda r: (r is None, r or ""))
        if len(regions) > 1
        else [],
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


def write_network(
    G: nx.Graph[Any], out: Path, *, title: str, subtitle: str = "", max_nodes: int = 1500
) -> PageInfo:
    """Write G as one offline HTML page at `out` and say what it holds.

    G is not changed. Beyond `max_nodes` only the most central nodes are kept, and the page says so.
    """
    from .analysis import annotate, top_n
    from .layout import community_layout

    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    H = G.to_undirected() if G.is_directed() else G.copy()
    total = H.number_of_nodes()
    annotate(H)
    if total > max_nodes:
        H = top_n(H, max_nodes)
    positions = community_layout(H)
    data = build_data(H, positions, title=title, subtitle=subtitle, nodes_total=total)
    meta = data["meta"]
    truncated = (
        f"Showing the top {meta['nodes_shown']:,} of {total:,} nodes by centrality."
        if meta["truncated"]
        else ""
    )
    assets = _assets()
    page = string.Template(assets["template"]).substitute(
        csp=_csp(assets),
        vis_version=VIS_VERSION,
        title=html.escape(title),
        subtitle=html.escape(subtitle),
        truncated=html.escape(truncated),
        truncated_hidden="" if truncated else " hidden",
        vis_css=assets["vis_css"],
        app_css=assets["app_css"],
        vis_js=assets["vis_js"],
        app_js=assets["app_js"],
        data=script_json(data),
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return PageInfo(
        path=out,
        nodes_total=total,
        nodes_shown=meta["nodes_shown"],
        edges_shown=meta["edges_shown"],
        truncated=meta["truncated"],
    )
