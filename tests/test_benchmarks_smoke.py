"""The benchmark harness still runs end to end at a tiny size (real sizes are for people)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_is_deterministic_and_resolvable(tmp_path: Path) -> None:
    from benchmarks.corpus import co_attended, generate, write_corpus

    a = [(f, text) for f, text, _ in generate(8, seed=7)]
    b = [(f, text) for f, text, _ in generate(8, seed=7)]
    assert a == b and len({f for f, _ in a}) == 8
    truth = write_corpus(tmp_path, 8, seed=7)
    assert {t.layout for t in truth} == {"bold", "bullets", "tabs", "prose"}
    assert sorted(p.name for p in tmp_path.glob("*.txt")) == sorted(t.file for t in truth)
    assert all(any(a.startswith("org/") for a in t.actors) for t in truth)
    assert sum(co_attended(truth).values()) > 0


def test_harness_smoke(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.harness", "--sizes", "8", "--rdflib-sizes", "8",
         "--repeat", "1", "--cap", "1.5", "--viz-sizes", "30", "--startup-runs", "1",
         "--workdir", str(tmp_path), "--out", str(tmp_path / "r.json")],
        capture_output=True, text=True, timeout=120, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    res = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    [build] = res["build"]
    assert build["ok"] and build["notes"] == 8 and build["notes_per_s"] > 0
    assert build["peak_main_mb"] > 0
    [q] = res["queries"]
    by_name = {r["query"]: r for r in q["queries"]}
    assert "co-attended" in by_name and by_name["co-attended"]["matches_truth"] is True
    assert by_name["co-attended"]["rows"] > 0
    for r in q["queries"]:
        assert r["oxigraph_ms"] > 0
        assert r["rdflib_capped"] or r["same_rows"] is True, r
    assert res["viz"][0]["nodes"] == 30 and res["viz"][0]["generate_s"] > 0
    assert 0 < res["startup"]["median_s"] < 5
    assert "| notes | jobs |" in done.stdout


def test_process_tree_sees_grandchildren() -> None:
    """Forkserver workers are grandchildren of the build: the sampler must see their memory."""
    from benchmarks.bench_build import ProcessTree

    grandchild = "x = bytearray(60_000_000); import time; time.sleep(1.5)"
    child = (
        "import subprocess, sys; "
        f"subprocess.run([sys.executable, '-c', {grandchild!r}], check=True)"
    )
    tree = ProcessTree(interval=0.05).start()
    subprocess.run([sys.executable, "-c", child], check=True, timeout=60)
    tree.stop()
    assert len(tree.peak_kb) >= 2  # the child and the grandchild
    assert max(tree.peak_kb.values()) >= 60_000  # kB: the grandchild's 60 MB
    assert tree.peak_total_kb >= 60_000


def test_query_repeats_stop_before_the_cap(monkeypatch: Any) -> None:
    """A 2.1 s query, 5 runs wanted, 10 s cap: 4 runs (8.4 s), not a 5th the parent would kill
    at 10 s and report as over the cap."""
    import benchmarks.bench_queries as bq
    import queries.run

    clock = [0.0]

    class FakeTime:
        @staticmethod
        def perf_counter() -> float:
            return clock[0]

    def run_named(*args: Any) -> list[dict[str, Any]]:
        clock[0] += 2.1
        return [{"n": 1}]

    monkeypatch.setattr(bq, "time", FakeTime)
    monkeypatch.setattr(queries.run, "run_named", run_named)
    median, rows, runs = bq._time_query(None, "q", {}, repeat=5, cap=10.0)
    assert (runs, rows) == (4, [{"n": 1}]) and abs(median - 2.1) < 1e-9
    assert bq._time_query(None, "q", {}, repeat=5, cap=60.0)[2] == 5
    assert bq._time_query(None, "q", {}, repeat=5, cap=1.0)[2] == 1  # one run, however long
