"""Named queries timed on the store a benchmark build wrote, with their answers checked.

Every named query runs with parameters that exist in the synthetic corpus, on the embedded
Oxigraph store (in a spawned child that opens it read-only) and on rdflib memory
(graph.memory.MemoryStore) loaded with the same quads: the median of several runs, side by side,
with the ratio. rdflib queries run in a forked child with a time cap ("> cap" when it is hit);
an Oxigraph query still running after the cap is recorded as capped and its child replaced.
The co-attended answer for the busiest organisation is compared with the one the truth gives.
`benchmarks.harness` runs `bench_queries` after each build.
"""

from __future__ import annotations

import json
import multiprocessing
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import BUSIEST, NoteTruth, co_attended

__all__ = ["bench_queries", "markdown_queries", "query_params"]


def query_params(truth: list[NoteTruth]) -> dict[str, dict[str, Any]]:
    """Parameters per named query that exist in the synthetic corpus (else the query's example)."""
    from ontology.iris import event_key
    from queries.catalog import catalog
    from queries.params import example_params

    first = truth[0]
    override: dict[str, Any] = {
        "actor": "OSCE",
        "other": "Belarus",
        "event": "event/" + event_key(first.start, first.city, first.title),
        "region": "Europe",
        "place": "Serbia",
        "since": "2010-01-01",
    }
    out: dict[str, dict[str, Any]] = {}
    for name, spec in catalog().items():
        params = example_params(spec.example)
        for p in spec.params:
            if p.name in override and (p.required or p.name in params):
                params[p.name] = override[p.name]
        out[name] = params
    return out


def _time_query(target: Any, name: str, params: dict[str, Any], repeat: int, cap: float) -> Any:
    """(median seconds, rows, runs) for one named query; repeats only while another run, as long
    as the last one, still ends within `cap` seconds (the caller kills it at `cap`: a query of
    2.1 s repeated 5 times under a 10 s cap was reported as over the cap)."""
    from queries.run import run_named

    times: list[float] = []
    rows: list[dict[str, Any]] = []
    total = 0.0
    while len(times) < repeat and (not times or total + times[-1] < cap):
        start = time.perf_counter()
        rows = run_named(name, params, target)
        times.append(time.perf_counter() - start)
        total += times[-1]
    return statistics.median(times), rows, len(times)


def _in_fork(target: Any, name: str, params: dict[str, Any], repeat: int, cap: float) -> Any:
    """_time_query in a forked child, killed after `cap` seconds: None when it was."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def work() -> None:
        try:
            child.send(("ok", _time_query(target, name, params, repeat, cap)))
        except Exception as e:  # reported to the parent, which records it
            child.send(("error", f"{type(e).__name__}: {e}"))

    proc = ctx.Process(target=work)
    proc.start()
    got = parent.poll(cap)
    result = parent.recv() if got else None
    if proc.is_alive():
        proc.kill()
    proc.join()
    if result is None:
        return None
    if result[0] == "error":
        raise RuntimeError(result[1])
    return result[1]


def _row_key(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)


def _ox_worker(
    store_dir: str, todo: list[tuple[str, dict[str, Any]]], repeat: int, cap: float, conn: Any
) -> None:
    """In a spawned child: open the store read-only, time each query, send (name, result)."""
    from graph.store import OxigraphStore

    store = OxigraphStore(Path(store_dir), read_only=True)
    for name, params in todo:
        try:
            conn.send((name, "ok", _time_query(store, name, params, repeat, cap)))
        except Exception as e:  # reported to the parent, which records it
            conn.send((name, "error", f"{type(e).__name__}: {e}"))
    store.close()


def _ox_queries(
    store_dir: Path, params: dict[str, dict[str, Any]], repeat: int, cap: float
) -> dict[str, Any]:
    """name -> (median s, rows, runs), or None for a query still running after `cap` s (its
    child is killed and a new one takes the remaining queries)."""
    ctx = multiprocessing.get_context("spawn")
    todo = [(n, params[n]) for n in sorted(params)]
    out: dict[str, Any] = {}
    while todo:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_ox_worker, args=(str(store_dir), todo, repeat, cap, child))
        proc.start()
        first = True
        while todo:
            # the first answer also waits for the child's start-up (imports, opening the store)
            if not parent.poll(cap + (30 if first else 0)):
                out[todo.pop(0)[0]] = None
                break
            first = False
            name, status, res = parent.recv()
            todo.pop(0)
            if status == "error":
                raise RuntimeError(f"{name}: {res}")
            out[name] = res
        proc.kill()
        proc.join()
    return out


def bench_queries(
    store_dir: Path, truth: list[NoteTruth], *, rdflib: bool, repeat: int, cap: float
) -> dict[str, Any]:
    from graph.memory import MemoryStore
    from graph.store import OxigraphStore

    params = query_params(truth)
    ox_res = _ox_queries(store_dir, params, repeat, cap)
    mem = None
    load_s = None
    if rdflib:
        start = time.perf_counter()
        ox = OxigraphStore(store_dir, read_only=True)
        mem = MemoryStore()
        for g in ox.named_graphs():
            mem.replace_graph(g, ox.quads(g))
        ox.close()
        load_s = round(time.perf_counter() - start, 2)
    rows_out = []
    for name in sorted(params):
        row: dict[str, Any] = {"query": name, "params": params[name]}
        if ox_res[name] is None:
            row.update(rows=None, oxigraph_ms=None, oxigraph_capped=True)
            ox_s, ox_rows = None, None
        else:
            ox_s, ox_rows, runs = ox_res[name]
            row.update(
                rows=len(ox_rows),
                oxigraph_ms=round(ox_s * 1000, 2),
                oxigraph_runs=runs,
                oxigraph_capped=False,
            )
        if mem is not None:
            res = _in_fork(mem, name, params[name], repeat, cap)
            if res is None:
                row.update(rdflib_ms=None, rdflib_capped=True, ratio=None, same_rows=None)
                row["ratio_at_least"] = round(cap / ox_s) if ox_s else None
            else:
                mem_s, mem_rows, mruns = res
                row.update(rdflib_ms=round(mem_s * 1000, 2), rdflib_runs=mruns, rdflib_capped=False)
                if ox_s is not None and ox_rows is not None:
                    row.update(
                        ratio=round(mem_s / max(ox_s, 1e-6), 1),
                        same_rows=_row_key(mem_rows) == _row_key(ox_rows),
                    )
                else:
                    row.update(ratio=None, same_rows=None)
        if name == "co-attended" and ox_rows is not None:
            want = co_attended(truth, f"org/{BUSIEST}")
            got = {r["iso3"]: r["events"] for r in ox_rows}
            row["matches_truth"] = got == want
            if got != want:
                diff = {
                    k: (got.get(k), want.get(k))
                    for k in set(got) | set(want)
                    if got.get(k) != want.get(k)
                }
                row["truth_diff"] = dict(list(diff.items())[:10])
        rows_out.append(row)
    return {"notes": len(truth), "rdflib_load_s": load_s, "cap_s": cap, "queries": rows_out}


def _ms(v: Any) -> str:
    return "—" if v is None else f"{v:,.1f}"


def markdown_queries(q: dict[str, Any]) -> list[str]:
    """The Markdown table of one `bench_queries` result, with a line that introduces it."""
    cap = q["cap_s"]
    lines = [
        "",
        f"Queries at {q['notes']:,} notes (median ms; rdflib loaded in "
        f"{q['rdflib_load_s']} s, cap {cap} s per query):",
        "",
        "| query | rows | Oxigraph ms | rdflib ms | rdflib/Oxigraph | same rows | truth |",
        "|---|---:|---:|---:|---:|:--:|:--:|",
    ]
    for r in q["queries"]:
        if r.get("rdflib_capped"):
            least = r.get("ratio_at_least")
            rd, ratio = f"> {cap * 1000:,.0f}", f"> {least:,}" if least else "—"
        else:
            rd, ratio = _ms(r.get("rdflib_ms")), _ms(r.get("ratio"))
        same = {True: "yes", False: "NO", None: "—"}[r.get("same_rows")]
        truth = {True: "yes", False: "NO", None: ""}[r.get("matches_truth")]
        oxms = f"> {cap * 1000:,.0f}" if r.get("oxigraph_capped") else _ms(r["oxigraph_ms"])
        lines.append(f"| {r['query']} | {r['rows']} | {oxms} | {rd} | {ratio} | {same} | {truth} |")
    return lines
