"""Write a networkx graph as ONE self-contained, offline HTML page (vis-network inlined).

Why not pyvis's own writer: every `cdn_resources` mode of pyvis 0.3.2 still fetches something from a
CDN (vis-network or Bootstrap), and `Network.add_node` is quadratic. We take vis-network 9.1.2 from
the files pyvis ships (a PyPI-sourced copy, no network at run time), and write the page with our own
template (`template.html`, `app.js`, `app.css` beside this module).

Untrusted text (labels, quotes, note names) only ever reaches the page as JSON inside
`<script type="application/json">`, escaped so it cannot close the element, and `app.js` renders it
with `textContent` (vis-network renders string tooltips as text). That JSON is `viz.data`'s.
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

__all__ = ["VIS_VERSION", "PageInfo", "script_json", "write_network"]

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

    def line(self) -> str:
        """What was written and where, in one line."""
        top = ""
        if self.truncated:
            top = f" (showing the top {self.nodes_shown} of {self.nodes_total} nodes)"
        size = f"{self.nodes_shown} nodes, {self.edges_shown} edges"
        where = Path(self.path).resolve()
        return f"wrote {where} ({size}){top}; open it in a browser (it works offline)"


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


def write_network(
    G: nx.Graph[Any], out: Path, *, title: str, subtitle: str = "", max_nodes: int = 1500
) -> PageInfo:
    """Write G as one offline HTML page at `out` and say what it holds.

    G is not changed. Beyond `max_nodes` only the most central nodes are kept, and the page says so.
    """
    from .analysis import annotate, top_n
    from .data import build_data
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
