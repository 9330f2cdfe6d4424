"""How long the network page takes to write and to become usable in headless Chromium.

    .venv/bin/python benchmarks/bench_viz.py                 # 500, 2,000 and 5,000 nodes
    .venv/bin/python benchmarks/bench_viz.py --sizes 200 --max-nodes 5000

For each size: a synthetic actor-event graph (viz.synthetic), `write_network` (analysis, layout,
HTML) timed as `generate_s`; then the file is opened in Chromium with every request that would
leave the file aborted, and `ready_s` is the time from navigation until `window.notegraph.ready`
(physics stabilised and stopped, or the first frame drawn with precomputed positions). Prints one
JSON document. Not a test: numbers vary with the machine (see docs for recorded figures).
"""

from __future__ import annotations

import argparse
import json
import platform
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


def _open(browser: Any, path: Path, timeout_s: float) -> dict[str, Any]:
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
    try:
        start = time.perf_counter()
        page.goto(url)
        loaded = time.perf_counter() - start
        page.wait_for_function(
            "() => window.notegraph && window.notegraph.ready", timeout=timeout_s * 1000
        )
        ready = time.perf_counter() - start
        shown = page.evaluate("() => Object.keys(window.notegraph.network.getPositions()).length")
        physics = page.evaluate("() => window.notegraph.data.meta.physics")
    finally:
        context.close()
    return {
        "load_s": round(loaded, 3),
        "ready_s": round(ready, 3),
        "nodes_in_browser": shown,
        "physics_used": physics,
        "requests_left": left,
        "console_errors": errors,
    }


def run(sizes: list[int], *, max_nodes: int, timeout_s: float) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from viz.page import write_network
    from viz.synthetic import synthetic_graph

    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument(
        "--max-nodes", type=int, default=5000, help="write_network's limit (default: show all)"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.sizes, max_nodes=args.max_nodes, timeout_s=args.timeout), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
