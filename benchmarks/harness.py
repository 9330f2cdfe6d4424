"""notegraph's benchmark harness: build, queries, viz and start-up, with answers checked.

    .venv/bin/python -m benchmarks.harness --sizes 1000,10000 [--big] [--out results.json]
        [--markdown benchmarks/RESULTS.md] [--jobs N] [--rdflib-sizes 1000,10000]
        [--build-only] [--rebuild]

For each size: a synthetic corpus (benchmarks.corpus, with its truth) is built by `notegraph
build` in a subprocess of its own (benchmarks.bench_build: notes/s, CPU per note and peak RSS of
the build process and of its extraction workers, sampled from /proc). Then every named query
runs on the store the build wrote and on rdflib memory, side by side, its answer checked
(benchmarks.bench_queries).
Viz: `write_network` on synthetic graphs (benchmarks/bench_viz.py; `--browser` also times the
page in headless Chromium). Start-up: wall time of `notegraph --help`.

Prints one JSON document, then a Markdown table. Not a test: numbers vary with the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_build import bench_build  # noqa: E402
from benchmarks.bench_queries import bench_queries, markdown_queries  # noqa: E402
from benchmarks.corpus import load_truth, write_corpus  # noqa: E402

__all__ = ["machine", "main", "run"]

PACKAGES = ("pyoxigraph", "rdflib", "networkx", "pyvis", "rapidfuzz", "pycountry")


# ------------------------------------------------------------------ machine
def machine() -> dict[str, Any]:
    mem_kb = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    versions: dict[str, str | None] = {}
    for p in PACKAGES:
        try:
            versions[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            versions[p] = None
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


# ------------------------------------------------------------------ viz, start-up
def bench_viz(sizes: list[int], *, browser: bool) -> list[dict[str, Any]]:
    if browser:
        from benchmarks.bench_viz import run as run_browser

        return list(run_browser(sizes, max_nodes=max(sizes), timeout_s=120.0)["results"])
    from viz.page import write_network
    from viz.synthetic import synthetic_graph

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            G = synthetic_graph(size)
            start = time.perf_counter()
            info = write_network(G, Path(tmp) / f"v{size}.html", title=str(size), max_nodes=size)
            out.append(
                {
                    "nodes": G.number_of_nodes(),
                    "edges": G.number_of_edges(),
                    "generate_s": round(time.perf_counter() - start, 3),
                    "html_bytes": info.path.stat().st_size,
                }
            )
    return out


def bench_startup(runs: int) -> dict[str, Any]:
    exe = Path(sys.executable).parent / "notegraph"
    cmd = (
        [str(exe), "--help"]
        if exe.exists()
        else [sys.executable, str(ROOT / "notegraph.py"), "--help"]
    )
    times = []
    for _ in range(runs + 1):  # the first run warms the file cache
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return {
        "command": "notegraph --help",
        "median_s": round(statistics.median(times[1:]), 3),
        "runs": runs,
    }


# ------------------------------------------------------------------ driver
def run(
    sizes: list[int],
    *,
    rdflib_sizes: list[int],
    workdir: Path,
    jobs: int | None,
    repeat: int = 5,
    cap: float = 60.0,
    viz_sizes: list[int] | None = None,
    browser: bool = False,
    startup_runs: int = 5,
    seed: int = 1540,
    partial: Path | None = None,
    queries: bool = True,
    rebuild: bool = False,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "machine": machine(),
        "build": [],
        "rebuild": [],
        "queries": [],
        "viz": [],
        "startup": None,
    }
    for n in sizes:
        if partial is not None:  # what is measured so far survives an interrupted run
            partial.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        notes = workdir / f"corpus-{n}-{seed}"
        if not (notes / "truth.json").exists():
            write_corpus(notes, n, seed)
        truth = load_truth(notes)
        store = workdir / f"store-{n}"
        result["build"].append(bench_build(notes, store, n, jobs))
        print(f"# build {n}: {result['build'][-1]['notes_per_s']} notes/s", file=sys.stderr)
        if rebuild:  # the same notes again: every graph unchanged, nothing written
            result["rebuild"].append(bench_build(notes, store, n, jobs, fresh=False))
        if queries and n <= max([*rdflib_sizes, 10_000]):
            result["queries"].append(
                bench_queries(store, truth, rdflib=n in rdflib_sizes, repeat=repeat, cap=cap)
            )
            print(f"# queries {n} done", file=sys.stderr)
        shutil.rmtree(store, ignore_errors=True)
    if viz_sizes:
        result["viz"] = bench_viz(viz_sizes, browser=browser)
    if startup_runs:
        result["startup"] = bench_startup(startup_runs)
    return result


def markdown(res: dict[str, Any]) -> str:
    m = res["machine"]
    pk = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    lines = [
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}, "
        f"{m['platform']}; {pk}.",
        "",
        "| notes | jobs | build s | notes/s | main CPU ms/note | workers CPU ms/note "
        "| peak main MB | peak workers MB (sum) | main + workers MB | ok |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--:|",
    ]
    for kind in ("build", "rebuild"):
        for b in res.get(kind, []):
            lines.append(
                f"| {b['notes']:,}{' (rebuild)' if kind == 'rebuild' else ''}"
                f" | {b['jobs'] or '-'} | {b['seconds']} | {b['notes_per_s']:,}"
                f" | {b['main_cpu_ms_per_note']} | {b['workers_cpu_ms_per_note']}"
                f" | {b['peak_main_mb']} | {b['peak_worker_mb']} | {b['peak_main_plus_workers_mb']}"
                f" | {'yes' if b['ok'] else 'NO'} |"
            )
    for q in res["queries"]:
        lines += markdown_queries(q)
    if res["viz"]:
        lines += [
            "",
            "| viz nodes | edges | generate s | ready s (Chromium) |",
            "|---:|---:|---:|---:|",
        ]
        for v in res["viz"]:
            lines.append(
                f"| {v['nodes']:,} | {v['edges']:,} | {v['generate_s']} | {v.get('ready_s', '—')} |"
            )
    if res["startup"]:
        lines += [
            "",
            f"`notegraph --help`: {res['startup']['median_s']} s (median of "
            f"{res['startup']['runs']})",
        ]
    return "\n".join(lines) + "\n"


def _ints(s: str) -> list[int]:
    return [int(x) for x in s.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument(
        "--sizes", type=_ints, default=[1000, 10_000], help="corpus sizes, e.g. 1000,10000"
    )
    ap.add_argument("--big", action="store_true", help="also build 100,000 notes (minutes)")
    ap.add_argument(
        "--rdflib-sizes",
        type=_ints,
        default=None,
        help="sizes also queried on rdflib memory (default: those <= 10000)",
    )
    ap.add_argument(
        "--jobs", type=int, default=None, help="notegraph build --jobs (default: its own)"
    )
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds per rdflib query at most")
    ap.add_argument("--viz-sizes", type=_ints, default=[500, 2000, 5000])
    ap.add_argument("--browser", action="store_true", help="also time the page in Chromium")
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=None, help="corpora and stores (default: temp)")
    ap.add_argument("--out", type=Path, help="also write the JSON here")
    ap.add_argument("--markdown", type=Path, help="also write the Markdown table here")
    ap.add_argument(
        "--build-only", action="store_true", help="only the builds (no queries, viz, start-up)"
    )
    ap.add_argument(
        "--rebuild", action="store_true", help="also time a second build of the same notes"
    )
    a = ap.parse_args(argv)
    sizes = [*a.sizes, *([100_000] if a.big and 100_000 not in a.sizes else [])]
    rdflib_sizes = (
        a.rdflib_sizes if a.rdflib_sizes is not None else [n for n in a.sizes if n <= 10_000]
    )
    tmp = None
    if a.workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="notegraph-bench-")
        workdir = Path(tmp.name)
    else:
        workdir = a.workdir
        workdir.mkdir(parents=True, exist_ok=True)
    try:
        res = run(
            sizes,
            rdflib_sizes=rdflib_sizes,
            workdir=workdir,
            jobs=a.jobs,
            repeat=a.repeat,
            cap=a.cap,
            viz_sizes=[] if a.build_only else a.viz_sizes,
            browser=a.browser,
            startup_runs=0 if a.build_only else a.startup_runs,
            partial=a.out,
            queries=not a.build_only,
            rebuild=a.rebuild,
        )
    finally:
        if tmp is not None:
            tmp.cleanup()
    text = json.dumps(res, indent=2)
    print(text)
    md = markdown(res)
    print(md)
    if a.out:
        a.out.write_text(text + "\n", encoding="utf-8")
    if a.markdown:
        a.markdown.write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
