"""The remote path against a real Oxigraph server (the `oxigraph` package's binary) on 127.0.0.1:
push is idempotent and sends only changed graphs; every named query gives the same rows remotely
as on the embedded store; an interrupted push leaves every graph old or new; `serve` works."""

from __future__ import annotations

import shlex
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.push import STAGING, push
from graph.remote import RemoteStore
from graph.serve import Server, free_port, start
from graph.store import IRI, OxigraphStore
from ontology.errors import EndpointError
from ontology.iris import BUILD_RECORD
from queries.catalog import catalog
from queries.params import parse_params
from queries.run import run_query

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """A fresh read-write Oxigraph server (RocksDB in tmp) on a free loopback port."""
    srv = start(tmp_path / "unused", port=free_port(), location=tmp_path / "server-db")
    try:
        yield srv
    finally:
        srv.stop()


def _remote(srv: Server, **kw: Any) -> RemoteStore:
    return RemoteStore(
        srv.query_url, update_endpoint=srv.update_url, gsp_endpoint=srv.store_url, timeout=10, **kw
    )


def _example_params(example: str) -> dict[str, Any]:
    """`notegraph query NAME --a X --flag` -> {"a": "X", "flag": "true"}."""
    tokens = shlex.split(example)
    assert tokens[:2] == ["notegraph", "query"], example
    return parse_params(tokens[3:])


def _graph_rows(target: Any, graph: str) -> set[tuple[Any, ...]]:
    rows = target.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": IRI(graph)})
    return {(r["s"], r["p"], r["o"]) for r in rows}


def test_push_twice_and_every_named_query_matches(seed_store_path: Path, server: Server) -> None:
    local = OxigraphStore(seed_store_path, read_only=True)
    remote = _remote(server)
    first = push(local, remote)
    graphs = local.named_graphs()
    assert sorted(first.sent) == graphs and first.unchanged == 0
    count = remote.quad_count()
    records = sum(q.predicate.value == BUILD_RECORD for q in local.quads())
    assert records == 5  # one per note graph (the five seeds), which push leaves out
    assert count == local.quad_count() - records + len(graphs)  # plus one hash triple per graph
    second = push(local, remote)
    assert second.sent == [] and second.unchanged == len(graphs) and second.requests == 0
    assert remote.quad_count() == count
    assert remote.named_graphs() == graphs
    for graph in graphs:  # the server holds exactly the local triples (plus the hash)
        extra = _graph_rows(remote, graph) - _graph_rows(local, graph)
        assert [t[1] for t in extra] == ["https://schema.org/sha256"]
        missing = _graph_rows(local, graph) - _graph_rows(remote, graph)
        assert {t[1] for t in missing} <= {BUILD_RECORD}

    specs = catalog()
    assert specs, "the catalogue is empty"
    for spec in specs.values():
        params = _example_params(spec.example)
        embedded = run_query(spec, params, local, explain=bool(spec.explain_sparql))
        remote_rows = run_query(spec, params, remote, explain=bool(spec.explain_sparql))
        assert remote_rows == embedded, spec.name
    assert run_query(specs["co-attended"], {"actor": "OSCE"}, remote), "no rows for OSCE"


def test_push_sends_only_changed_graphs_and_gsp(seed_store_path: Path, server: Server) -> None:
    local = OxigraphStore(seed_store_path, read_only=True)
    remote = _remote(server)
    push(local, remote, use_gsp=True)
    victim = local.named_graphs()[0]
    remote.update(
        f"DELETE WHERE {{ GRAPH <{victim}> {{ ?s <{'https://schema.org/sha256'}> ?h }} }}"
    )
    again = push(local, remote, use_gsp=True)
    assert again.sent == [victim]
    records = sum(q.predicate.value == BUILD_RECORD for q in local.quads())
    assert remote.quad_count() == local.quad_count() - records + len(local.named_graphs())


def test_large_graph_goes_through_staging(seed_store_path: Path, server: Server) -> None:
    local = OxigraphStore(seed_store_path, read_only=True)
    remote = _remote(server)
    summary = push(local, remote, max_request_bytes=20_000)
    assert summary.requests > len(local.named_graphs())  # some graph was split
    assert not [g for g in remote.named_graphs() if g.startswith(STAGING)]
    records = sum(q.predicate.value == BUILD_RECORD for q in local.quads())
    assert remote.quad_count() == local.quad_count() - records + len(local.named_graphs())


class _DroppingProxy:
    """Forwards TCP connections to the server; the Nth connection is cut after reading part of
    the request, as a crash or network failure half-way through a push would."""

    def __init__(self, port: int, drop_at: int) -> None:
        self.upstream = port
        self.drop_at = drop_at
        self.count = 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.stop = threading.Event()
        self.threads: list[threading.Thread] = []
        self.thread = threading.Thread(target=self._accept)
        self.thread.start()

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.count += 1
            t = threading.Thread(target=self._handle, args=(conn, self.count == self.drop_at))
            t.start()
            self.threads.append(t)

    def _handle(self, conn: socket.socket, drop: bool) -> None:
        with conn:
            conn.settimeout(10)
            if drop:
                conn.recv(1024)
                return
            with socket.create_connection(("127.0.0.1", self.upstream), timeout=10) as up:
                t = threading.Thread(target=self._pipe, args=(conn, up))
                t.start()
                self._pipe(up, conn)
                t.join(10)

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for t in self.threads:
            t.join(5)
        self.sock.close()


def test_interrupted_push_leaves_each_graph_old_or_new(
    seed_store_path: Path, server: Server
) -> None:
    local = OxigraphStore(seed_store_path, read_only=True)
    graphs = local.named_graphs()
    direct = _remote(server)
    # what a push writes: each graph's triples but the build's record
    new = {g: {t for t in _graph_rows(local, g) if t[1] != BUILD_RECORD} for g in graphs}
    old_mark = ("urn:x:old", "urn:x:state", "old")

    def reset_to_old() -> None:  # the old state: one marker triple per graph
        direct.update("DROP SILENT ALL")
        direct.update(
            " ;\n".join(
                f'INSERT DATA {{ GRAPH <{g}> {{ <urn:x:old> <urn:x:state> "old" }} }}'
                for g in graphs
            )
        )

    def push_via_proxy(drop_at: int) -> tuple[bool, int]:
        proxy = _DroppingProxy(int(server.port), drop_at)
        try:
            url = f"http://127.0.0.1:{proxy.port}"
            via = RemoteStore(url + "/query", update_endpoint=url + "/update", timeout=10)
            try:
                push(local, via, max_request_bytes=20_000)
                return True, proxy.count
            except EndpointError:
                return False, proxy.count
        finally:
            proxy.close()

    reset_to_old()
    finished, total = push_via_proxy(0)  # no drop: how many requests a whole push makes
    assert finished and total > len(graphs) + 2  # the reference graph went in several chunks
    outcomes: set[str] = set()
    # connections 1-2 are the staging and hash queries; cut some update requests, spread out
    drops = sorted({3, 4, total // 3, total // 2, total - 2, total - 1, total})
    for drop_at in drops:
        reset_to_old()
        finished, _ = push_via_proxy(drop_at)
        assert not finished
        for g in graphs:
            on_server = _graph_rows(direct, g)
            if on_server == {old_mark}:
                outcomes.add("old")
            else:
                hashes = {t for t in on_server - new[g] if t[1] == "https://schema.org/sha256"}
                assert on_server - hashes == new[g], f"{g} half-written (drop at {drop_at})"
                assert len(hashes) == 1
                outcomes.add("new")
        # the next push repairs everything, including a leftover staging graph
        push(local, direct, max_request_bytes=20_000)
        assert not [g for g in direct.named_graphs() if g.startswith(STAGING)]
        assert all(_graph_rows(direct, g) - new[g] == {(g, HASH, _hash(direct, g))} for g in graphs)
    assert outcomes == {"old", "new"}


def _hash(remote: RemoteStore, graph: str) -> str:
    from graph.push import remote_hashes

    return remote_hashes(remote)[graph]


HASH = "https://schema.org/sha256"


def test_serve_command_serves_the_store_and_stops_on_sigterm(
    seed_store_path: Path, tmp_path: Path
) -> None:
    port = free_port()
    cmd = [sys.executable, str(ROOT / "notegraph.py"), "--store", str(seed_store_path)]
    proc = subprocess.Popen(
        [*cmd, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        assert lines[1].split() == ["query", "page:", f"http://127.0.0.1:{port}/"]
        assert lines[2].split() == ["SPARQL", "endpoint:", f"http://127.0.0.1:{port}/query"]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
            html = page.read().decode()
        assert "yasgui.min.js" in html and "unpkg" not in html and "cdn" not in html.lower()
        remote = RemoteStore(f"http://127.0.0.1:{port}/query", timeout=5)
        local = OxigraphStore(seed_store_path, read_only=True)
        spec = catalog()["co-attended"]
        assert run_query(spec, {"actor": "OSCE"}, remote) == run_query(
            spec, {"actor": "OSCE"}, local
        )
        with pytest.raises(EndpointError, match="HTTP 4"):  # read-only: updates are refused
            RemoteStore(remote.endpoint, update_endpoint=f"http://127.0.0.1:{port}/update").update(
                "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
            )
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(10) == 0
        snapshots = list(seed_store_path.parent.glob(".notegraph-serve-*"))
        assert snapshots == []
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_prune_drops_only_graphs_notegraph_pushed_that_are_gone_locally(
    store_copy: Path, server: Server
) -> None:
    from graph.build import remove_notes

    local = OxigraphStore(store_copy)
    remote = _remote(server)
    push(local, remote)
    foreign = "https://example.org/someone-elses-graph"
    remote.update(f"INSERT DATA {{ GRAPH <{foreign}> {{ <urn:a> <urn:b> <urn:c> }} }}")
    gone = local.named_graphs()[0]
    assert remove_notes(local, [gone.rsplit("/", 1)[-1] + ".txt"]) == [gone]
    kept = push(local, remote)  # without --prune nothing is deleted
    assert kept.pruned == [] and gone in remote.named_graphs()
    pruned = push(local, remote, prune=True)
    assert pruned.pruned == [gone]
    assert sorted(remote.named_graphs()) == sorted([*local.named_graphs(), foreign])
    local.close()
