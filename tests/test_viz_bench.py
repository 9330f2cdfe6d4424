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
