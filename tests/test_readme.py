"""The README stays true: its Quick start holds the two commands CI relies on, and every
`$ notegraph ...` example runs on the bundled notes and prints exactly what the README shows."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, str]]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, re.S):
        lines = block.splitlines()
        assert lines[0].startswith("$ notegraph "), block
        out.append((lines[0][2:], "\n".join(lines[1:]).strip()))
    return out


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one() -> None:
    m = re.search(r"^## Quick start.*?```\w*\n(.*?)```", README, re.S | re.M)
    assert m, "README has no Quick start code block"
    commands = [c for c in m.group(1).splitlines() if c.strip() and not c.startswith("#")]
    assert len(commands) == 2, commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_readme_has_examples() -> None:
    assert len(_examples()) >= 2


@pytest.mark.parametrize(("command", "expected"), _examples(), ids=lambda v: v[:60])
def test_readme_example_output_is_real(command: str, expected: str, seed_store_path: Path) -> None:
    args = shlex.split(command)[1:]
    r = subprocess.run(
        [sys.executable, str(ROOT / "notegraph.py"), "--store", str(seed_store_path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    if expected:
        assert r.stdout.strip() == expected
