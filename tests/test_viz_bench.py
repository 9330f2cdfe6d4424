"""The viz benchmark script still runs (at a tiny size; the real sizes are for people, not CI)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("/usr/bin/chromium") is None, reason="needs Debian's chromium at /usr/bin/chromium"
)
def test_bench_viz_smoke() -> None:
    script = str(ROOT / "benchmarks" / "bench_viz.py")
    done = subprocess.run(
        [sys.executable, script, "--sizes", "40", "--timeout", "60"],
        capture_output=True, text=True, timeout=180, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    [row] = report["results"]
    assert row["nodes"] == row["nodes_shown"] == row["nodes_in_browser"] == 40
    assert row["requests_left"] == [] and row["console_errors"] == []
    assert row["generate_s"] > 0 and row["ready_s"] > 0


@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("/usr/bin/chromium") is None, reason="needs Debian's chromium at /usr/bin/chromium"
)
def test_bench_viz_store_smoke(seed_store_path: Path) -> None:
    """--store mode: `notegraph viz` on a real store, then Chromium until a search answers."""
    script = str(ROOT / "benchmarks" / "bench_viz.py")
    done = subprocess.run(
        [sys.executable, script, "--store", str(seed_store_path), "--view", "co-attendance",
         "--actor", "OSCE", "--repeat", "1", "--timeout", "60"],
        capture_output=True, text=True, timeout=180, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    [row] = report["runs"]
    assert row["nodes_shown"] == row["nodes_in_browser"] > 30
    assert row["requests_left"] == [] and row["console_errors"] == []
    assert 0 < row["ready_s"] <= row["usable_s"] and row["search_s"] > 0
    assert (
        report["median"]["total_s"] == row["total_s"] == round(row["write_s"] + row["usable_s"], 3)
    )
    assert set(row["stages"]) == {"open_store_s", "view_graph_s", "write_network_s"}
