"""Time, CPU and memory of `notegraph build`, extraction workers included.

    .venv/bin/python -m benchmarks.bench_build NOTES STORE [--jobs N] [--no-compact]

Runs `notegraph build` in this process (into STORE: a rebuild is measured if it exists; the
harness removes it first) and prints one JSON line: wall seconds, CPU seconds and peak memory of
this process and of the processes under it. Extraction runs in forkserver workers, children of
the forkserver, not of this process: getrusage(RUSAGE_CHILDREN) never sees them. So a thread
samples /proc every 0.2 s: each descendant's peak RSS (VmHWM, the kernel's high-water mark,
exact while the process lives) and CPU time, and the sum of the current RSS of the whole tree
(the concurrent peak, sampled). RSS counts pages that processes share (the forkserver's
preloaded modules) in each of them, so the sum of the peaks is an upper bound.
`benchmarks.harness` runs this in a subprocess per size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

__all__ = ["ProcessTree", "bench_build", "child_build", "main"]

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children(pid: int | str) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{tid}/children").read_text()
        except OSError:
            continue
        out += [int(c) for c in text.split()]
    return out


def _status_kb(pid: int | str) -> tuple[int, int]:
    """(current RSS, peak RSS) in kB; (0, 0) when the process is gone."""
    rss = hwm = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    except OSError:
        pass
    return rss, hwm


def _cpu_s(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


class ProcessTree:
    """Samples this process's descendants in a thread (start/stop), keeping for each the
    largest peak RSS and CPU time seen, and the largest sum of current RSS over the tree."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_kb: dict[int, int] = {}
        self.cpu_s: dict[int, float] = {}
        self.peak_total_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> ProcessTree:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        total = _status_kb("self")[0]
        todo = _children("self")
        while todo:
            pid = todo.pop()
            rss, hwm = _status_kb(pid)
            if not hwm:
                continue
            total += rss
            self.peak_kb[pid] = max(self.peak_kb.get(pid, 0), hwm)
            self.cpu_s[pid] = max(self.cpu_s.get(pid, 0.0), _cpu_s(pid))
            todo += _children(pid)
        self.peak_total_kb = max(self.peak_total_kb, total)


def child_build(
    notes: str, store: str, jobs: int | None, *, compact: bool = True
) -> dict[str, Any]:
    """Run `notegraph build` in this process; time, CPU and peak memory of it and its workers."""
    import contextlib
    import io

    import notegraph

    argv = ["--store", store, "-q", "build", notes]
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    if not compact:
        argv.append("--no-compact")
    out = io.StringIO()
    tree = ProcessTree().start()
    cpu = time.process_time()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        rc = notegraph.main(argv)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    tree.stop()
    return {
        "rc": rc,
        "seconds": elapsed,
        "main_cpu_s": cpu,
        "workers_cpu_s": sum(tree.cpu_s.values()),
        "main_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "workers_kb": sum(tree.peak_kb.values()),
        "worker_max_kb": max(tree.peak_kb.values(), default=0),
        "processes": len(tree.peak_kb),
        "total_kb": tree.peak_total_kb,
        "summary": out.getvalue().strip(),
    }


def bench_build(
    notes: Path, store: Path, n: int, jobs: int | None, *, fresh: bool = True
) -> dict[str, Any]:
    """`child_build` in a new interpreter (imports and caches as a user's build has them), of
    a fresh store (else into the store as it is: a rebuild)."""
    if fresh:
        shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-m", "benchmarks.bench_build", str(notes), str(store)]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    wall = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - wall
    if proc.returncode != 0:
        raise RuntimeError(f"build of {n} notes failed: {proc.stderr[-2000:]}")
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    return {
        "notes": n,
        "jobs": jobs,
        "seconds": round(res["seconds"], 2),
        "wall_seconds_with_startup": round(wall, 2),
        "notes_per_s": round(n / res["seconds"], 1),
        "main_cpu_ms_per_note": round(res["main_cpu_s"] * 1000 / max(n, 1), 2),
        "workers_cpu_ms_per_note": round(res["workers_cpu_s"] * 1000 / max(n, 1), 2),
        "peak_main_mb": round(res["main_kb"] / 1024),
        "peak_worker_mb": round(res["workers_kb"] / 1024),
        "peak_one_worker_mb": round(res["worker_max_kb"] / 1024),
        "worker_processes": res["processes"],
        # an upper bound (the peaks need not coincide); the sampled concurrent peak below it
        "peak_main_plus_workers_mb": round((res["main_kb"] + res["workers_kb"]) / 1024),
        "peak_total_sampled_mb": round(res["total_kb"] / 1024),
        "ok": res["rc"] == 0,
        "summary": res["summary"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("notes", help="folder of notes (benchmarks.corpus writes one)")
    ap.add_argument("store", help="store directory (removed first)")
    ap.add_argument("--jobs", type=int, default=None, help="notegraph build --jobs")
    ap.add_argument("--no-compact", action="store_true", help="notegraph build --no-compact")
    a = ap.parse_args(argv)
    print(json.dumps(child_build(a.notes, a.store, a.jobs, compact=not a.no_compact)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
