"""Store safety (issue 9): a build killed with SIGKILL leaves complete note graphs and a readable
store; a second writer gets "store is busy"; a foreign, plain-file or damaged store directory is
one line, not a crash; sparql is read-only unless --update; the local query timeout applies."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import notegraph
from graph.rdf import note_quads
from graph.store import OxigraphStore
from loaders.read import read_note
from ontology.errors import StoreError
from ontology.iris import ID

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "notes").glob("*.txt"))
CLI = [sys.executable, str(ROOT / "notegraph.py")]


def _err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln]


def test_sigkill_mid_build_leaves_complete_graphs(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(150):
        shutil.copy(SEEDS[i % len(SEEDS)], notes / f"n{i:03d}.txt")
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [*CLI, "--store", str(store), "-q", "build", "--time-limit", "30", str(notes)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    seen = 0
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            try:  # a read-only view while the build writes
                ro = OxigraphStore(store, read_only=True)
                seen = len(ro.named_graphs())
                ro.close()
            except StoreError:
                pass
            if seen:
                break
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    if not seen:
        pytest.fail("the build wrote nothing visible before it finished or 60 s passed")
    s = OxigraphStore(store)  # the lock died with the process
    graphs = [g for g in s.named_graphs() if g.startswith(ID + "graph/n")]
    assert graphs, "the killed build left no note graph"
    # a fresh build of a note gives the same count whatever its file name: one per seed (and
    # the build's record of the graph, graph/build.py BUILD_RECORD)
    expected = [len(note_quads(read_note(notes / f"n{i:03d}.txt"))) + 1 for i in range(len(SEEDS))]
    for g in graphs:
        stem = g.rsplit("/", 1)[1]
        assert len(s.quads(g)) == expected[int(stem[1:]) % len(SEEDS)], f"{stem} is half-written"
    s.close()
    assert notegraph.main(["--store", str(store), "stats", "--format", "json"]) == 0
    assert notegraph.main(["--store", str(store), "sparql", "SELECT * { ?s ?p ?o } LIMIT 3"]) == 0


def test_files_of_a_killed_bulk_load_are_removed_by_the_next_writer(tmp_path: Path) -> None:
    """A bulk load killed before RocksDB ingested its sorted files leaves them in the store
    directory (never part of the store); the next writer removes them, readers leave them."""
    store = tmp_path / "store"
    assert notegraph.main(["--store", str(store), "-q", "build", str(SEEDS[0])]) == 0
    before = _quads(store)
    left = store / "bulk-1234.sst"
    left.write_bytes(os.urandom(64))
    assert _quads(store) == before and left.exists()  # read-only: left alone
    OxigraphStore(store).close()
    assert not left.exists()
    assert _quads(store) == before


def test_second_writer_gets_store_is_busy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    assert notegraph.main(["--store", str(store), "build", str(SEEDS[0])]) == 0
    capsys.readouterr()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from graph.store import OxigraphStore; "
         f"s = OxigraphStore(Path({str(store)!r})); print('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        assert notegraph.main(["--store", str(store), "build", str(SEEDS[1])]) == 1
        assert _err_lines(capsys) == [
            f"notegraph: the store {store} is busy: another notegraph process is writing it; "
            "wait for it to finish"
        ]
        # readers still work while the writer holds it
        assert notegraph.main(["--store", str(store), "stats", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["graphs"] >= 1
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


def _damage(kind: str, path: Path) -> None:
    if kind == "foreign":
        path.mkdir()
        (path / "data.bin").write_bytes(os.urandom(100))
    elif kind == "plain-file":
        path.write_text("not a store\n")
    else:
        OxigraphStore(path).close()
        assert notegraph.main(["--store", str(path), "-q", "build", str(SEEDS[0])]) == 0
        target = {"current": "CURRENT", "manifest": "MANIFEST-*"}[kind]
        for f in path.glob(target):
            with open(f, "r+b") as fh:
                fh.truncate(10)


@pytest.mark.parametrize("kind", ["foreign", "plain-file", "current", "manifest"])
@pytest.mark.parametrize("command", [["stats"], ["build", str(SEEDS[0])], ["sparql", "ASK {}"]])
def test_bad_store_directory_is_one_line(
    kind: str, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "store"
    _damage(kind, path)
    capsys.readouterr()
    assert notegraph.main(["--store", str(path), *command]) == 1
    lines = _err_lines(capsys)
    assert len(lines) == 1, lines
    expected = {
        "foreign": f"notegraph: {path} is not a notegraph store (no notegraph-store marker)",
        "plain-file": f"notegraph: {path} is a file, not a store directory",
        "current": f"notegraph: the store {path} is damaged (Corruption: ",
        "manifest": f"notegraph: the store {path} is damaged (Corruption: ",
    }[kind]
    assert lines[0].startswith(expected), lines
    assert "unexpected error" not in lines[0]


def _quads(path: Path) -> int:
    s = OxigraphStore(path, read_only=True)
    n = s.quad_count()
    s.close()
    return n


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> 'c' } }",
        "PREFIX ng: <https://w3id.org/notegraph/ontology#>\nDELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://127.0.0.1:9/x.ttl>",
    ],
)
def test_sparql_is_read_only_without_update(
    update: str, store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _quads(store_copy)
    assert notegraph.main(["--store", str(store_copy), "sparql", update]) == 2
    lines = _err_lines(capsys)
    assert len(lines) == 1 and "this is an update" in lines[0], lines
    assert _quads(store_copy) == before


def test_sparql_update_changes_the_local_store(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _quads(store_copy)
    insert = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> 'c' } }"
    assert notegraph.main(["--store", str(store_copy), "sparql", "--update", insert]) == 0
    assert capsys.readouterr().out == (
        f"update done: {before} -> {before + 1} quads in {store_copy}\n"
    )
    assert _quads(store_copy) == before + 1
    args = ["--store", str(store_copy), "sparql", "--update", "--endpoint", "http://x/q", insert]
    assert notegraph.main(args) == 2
    assert _err_lines(capsys) == [
        "notegraph: --update works on the local store only (not with --endpoint)"
    ]


def test_local_query_timeout(seed_store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    t0 = time.monotonic()
    args = ["--store", str(seed_store_path), "sparql", "--timeout", "0.5", slow]
    assert notegraph.main(args) == 1
    assert time.monotonic() - t0 < 5
    assert _err_lines(capsys) == [
        "notegraph: query took longer than 0.5 s; narrow it (a LIMIT, a more specific pattern) "
        "or raise --timeout (the embedded store cannot cancel it: notegraph stops waiting)"
    ]
    fast = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c }"
    assert notegraph.main(["--store", str(seed_store_path), "sparql", "--timeout", "5", fast]) == 0


def test_doctor(
    seed_store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert notegraph.main(["--store", str(seed_store_path), "doctor"]) == 0
    out = capsys.readouterr().out.splitlines()
    v = sys.version_info
    assert out[0] == f"ok   python: {v.major}.{v.minor}.{v.micro} ({sys.executable})"
    assert any(ln.startswith("ok   package pyoxigraph: 0.") for ln in out)
    assert any(ln.startswith(f"ok   store: {seed_store_path} readable: ") for ln in out)
    assert out[-1].endswith("checks: ready")
    # a damaged store is a required failure; an unreachable endpoint too, with what to do
    bad = tmp_path / "bad"
    bad.write_text("x")
    monkeypatch.setenv("NOTEGRAPH_ENDPOINT", "http://127.0.0.1:9/query")
    assert notegraph.main(["--store", str(bad), "doctor", "--timeout", "2"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"FAIL store: {bad} is a file, not a store directory" in "\n".join(out)
    endpoint = [ln for ln in out if ln.startswith("FAIL endpoint: ")]
    assert endpoint and endpoint[0].endswith(
        "; fix: start the server, or check the URL and --timeout"
    )
    assert out[-1].endswith("checks: 2 failed")
    # a missing package is named with the fix
    import graph.doctor

    monkeypatch.setitem(graph.doctor.PACKAGES, "no-such-dist", "no_such_module")
    monkeypatch.delenv("NOTEGRAPH_ENDPOINT")
    assert notegraph.main(["--store", str(seed_store_path), "doctor"]) == 1
    text = capsys.readouterr().out
    assert "FAIL package no-such-dist: cannot import no_such_module (ModuleNotFoundError" in text
    assert "fix: pip install -e . (or pip install 'no-such-dist')" in text
