"""How long the network page takes to write and to become usable in headless Chromium.

    .venv/bin/python benchmarks/bench_viz.py                 # synthetic: 500, 2,000, 5,000 nodes
    .venv/bin/python benchmarks/bench_viz.py --sizes 200 --max-nodes 5000
    .venv/bin/python benchmarks/bench_viz.py --store /tmp/ng10k --view co-attendance \\
        --actor OSCE --repeat 5                              # a real store, end to end

Synthetic mode, for each size: a synthetic actor-event graph (viz.synthetic), `write_network`
(analysis, layout, HTML) timed as `generate_s`; then the file is opened in Chromium.

Store mode, for each repeat: `notegraph viz` run as a user runs it (a fresh process: start-up,
queries, networkx, layout, writing) timed as `write_s`; the same steps in-process, timed one by
one (`stages`: `view_graph` = queries + networkx, `write_network` = analysis + layout + HTML);
then the page is opened in Chromium. `total_s` = `write_s` + `usable_s`; medians are printed
with every run's figures.

In Chromium every request that would leave the file is aborted (and reported). From navigation:
`load_s` until the load event, `ready_s` until `window.notegraph.ready` (physics stabilised and
stopped, or the first frame drawn with precomputed positions), `usable_s` until a search typed
into the search box (then Enter) has selected its node and filled the evidence panel; `search_s`
is that search alone. The browser is started once (its launch is not timed). Prints one JSON
document. Not a test: numbers vary with the machine and its load (see benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

# Types a query into the search box and waits until the node is selected and its evidence shown.
_SEARCHED = """(id) => window.notegraph.network.getSelectedNodes()[0] === id
    && document.querySelector('#evidence h2') !== null"""


def _open(
    browser: Any, path: Path, timeout_s: float, search: tuple[str, str] | None = None
) -> dict[str, Any]:
    """Open the page offline; `search` is (text to type, node id it must select)."""
    url = path.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    left: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        if r.request.url == url:
            r.continue_()
        else:
            left.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    row: dict[str, Any] = {}
    try:
        start = time.perf_counter()
        page.goto(url, timeout=timeout_s * 1000)
        row["load_s"] = round(time.perf_counter() - start, 3)
        page.wait_for_function(
            "() => window.notegraph && window.notegraph.ready", timeout=timeout_s * 1000
        )
        row["ready_s"] = round(time.perf_counter() - start, 3)
        if search is not None:
            text, node = search
            asked = time.perf_counter()
            page.fill("#search", text)
            page.press("#search", "Enter")
            page.wait_for_function(_SEARCHED, arg=node, timeout=timeout_s * 1000)
            done = time.perf_counter()
            row["usable_s"] = round(done - start, 3)
            row["search_s"] = round(done - asked, 3)
        else:
            row["usable_s"] = row["ready_s"]
        row["nodes_in_browser"] = page.evaluate(
            "() => Object.keys(window.notegraph.network.getPositions()).length"
        )
        row["physics_used"] = page.evaluate("() => window.notegraph.data.meta.physics")
    finally:
        context.close()
    row["requests_left"] = left
    row["console_errors"] = errors
    return row


def _launch(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def run(sizes: list[int], *, max_nodes: int, timeout_s: float) -> dict[str, Any]:
    """Synthetic graphs of the given sizes (used by benchmarks/harness.py too)."""
    from playwright.sync_api import sync_playwright

    from viz.page import write_network
    from viz.synthetic import synthetic_graph

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = _launch(p)
        try:
            for size in sizes:
                G = synthetic_graph(size)
                start = time.perf_counter()
                info = write_network(
                    G, Path(tmp) / f"bench-{size}.html", title=f"{size}", max_nodes=max_nodes
                )
                generate = time.perf_counter() - start
                row = {
                    "nodes": G.number_of_nodes(),
                    "edges": G.number_of_edges(),
                    "nodes_shown": info.nodes_shown,
                    "edges_shown": info.edges_shown,
                    "truncated": info.truncated,
                    "html_bytes": info.path.stat().st_size,
                    "generate_s": round(generate, 3),
                }
                row.update(_open(browser, info.path, timeout_s))
                results.append(row)
        finally:
            browser.close()
    return {
        "benchmark": "viz.write_network + headless Chromium page-ready",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "max_nodes": max_nodes,
        "results": results,
    }


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "notegraph"
    return [str(script)] if script.exists() else [sys.executable, str(ROOT / "notegraph.py")]


def _stages(store_dir: Path, view: str, actor: str | None, out: Path, max_nodes: int) -> Any:
    """The steps of `notegraph viz`, in-process, timed one by one."""
    from graph.store import OxigraphStore
    from viz.page import write_network
    from viz.views import view_graph

    start = time.perf_counter()
    store = OxigraphStore(store_dir, read_only=True)
    try:
        opened = time.perf_counter()
        G, title = view_graph(store, view, actor=actor)
        viewed = time.perf_counter()
    finally:
        store.close()
    info = write_network(G, out, title=title, max_nodes=max_nodes)
    written = time.perf_counter()
    stages = {
        "open_store_s": round(opened - start, 3),
        "view_graph_s": round(viewed - opened, 3),
        "write_network_s": round(written - viewed, 3),
    }
    return stages, G, info


def run_store(
    store_dir: Path,
    *,
    view: str,
    actor: str | None,
    repeat: int,
    max_nodes: int | None,
    timeout_s: float,
) -> dict[str, Any]:
    """`notegraph viz` on a real store, end to end: write, then open in Chromium, `repeat` times."""
    from playwright.sync_api import sync_playwright

    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = _launch(p)
        try:
            for i in range(repeat):
                out = Path(tmp) / f"view-{i}.html"
                cmd = [*_cli(), "--store", str(store_dir), "viz", "--view", view, "--out", str(out)]
                if actor:
                    cmd += ["--actor", actor]
                if max_nodes is not None:
                    cmd += ["--max-nodes", str(max_nodes)]
                start = time.perf_counter()
                done = subprocess.run(cmd, capture_output=True, text=True, check=False)
                write = time.perf_counter() - start
                if done.returncode != 0:
                    raise SystemExit(f"notegraph viz failed ({done.returncode}): {done.stderr}")
                data = _page_data(out)
                search = _search_target(data, actor)
                row: dict[str, Any] = {
                    "write_s": round(write, 3),
                    "html_bytes": out.stat().st_size,
                    "nodes_total": data["meta"]["nodes_total"],
                    "nodes_shown": data["meta"]["nodes_shown"],
                    "edges_shown": data["meta"]["edges_shown"],
                }
                row.update(_open(browser, out, timeout_s, search))
                row["total_s"] = round(row["write_s"] + row["usable_s"], 3)
                stages, _, _ = _stages(
                    store_dir, view, actor, Path(tmp) / f"stages-{i}.html", max_nodes or 1500
                )
                row["stages"] = stages
                runs.append(row)
                print(f"run {i + 1}/{repeat}: {json.dumps(row)}", file=sys.stderr)
        finally:
            browser.close()
    keys = ["write_s", "load_s", "ready_s", "search_s", "usable_s", "total_s"]
    median = {k: round(statistics.median(r[k] for r in runs), 3) for k in keys if k in runs[0]}
    for k in runs[0]["stages"]:
        median[k] = round(statistics.median(r["stages"][k] for r in runs), 3)
    return {
        "benchmark": "notegraph viz on a store + headless Chromium until usable",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "store": str(store_dir),
        "view": view,
        "actor": actor,
        "repeat": repeat,
        "median": median,
        "runs": runs,
    }


def _page_data(path: Path) -> dict[str, Any]:
    """The JSON a written page carries (the `graph-data` script element)."""
    text = path.read_text(encoding="utf-8")
    start = text.index('<script type="application/json" id="graph-data">')
    start = text.index(">", start) + 1
    end = text.index("</script>", start)
    data: dict[str, Any] = json.loads(text[start:end])
    return data


def _search_target(data: dict[str, Any], actor: str | None) -> tuple[str, str] | None:
    """What to type into the search box and the node it must select: the actor if shown, else
    the most central node."""
    nodes = data["nodes"]
    if not nodes:
        return None
    if actor:
        wanted = actor.lower()
        for n in sorted(nodes, key=lambda n: -n["centrality"]):
            names = [n["label"], *n.get("aliases", [])]
            if any(name.lower() == wanted for name in names):
                return actor, str(n["id"])
    best = max(nodes, key=lambda n: (n["centrality"], n["id"]))
    return str(best["label"]), str(best["id"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument(
        "--max-nodes", type=int, default=None, help="write_network's limit (synthetic: 5000)"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page")
    parser.add_argument("--store", type=Path, help="time `notegraph viz` on this store")
    parser.add_argument("--view", default="co-attendance", help="store mode: the view")
    parser.add_argument(
        "--actor", default="OSCE", help="store mode: the actor (co-attendance, ego)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="store mode: runs (median printed)")
    args = parser.parse_args(argv)
    if args.store is not None:
        actor = args.actor if args.view in ("co-attendance", "ego") else None
        report = run_store(
            args.store,
            view=args.view,
            actor=actor,
            repeat=args.repeat,
            max_nodes=args.max_nodes,
            timeout_s=args.timeout,
        )
    else:
        report = run(args.sizes, max_nodes=args.max_nodes or 5000, timeout_s=args.timeout)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
