"""The views through a real Oxigraph SPARQL server (the `oxigraph` package's binary): the same
graph as on the embedded store (bound IRIs and the VALUES blocks travel as query text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.remote import RemoteStore
from graph.serve import free_port, start
from graph.store import OxigraphStore
from viz.views import view_graph

pytestmark = pytest.mark.server


def _summary(g: Any) -> tuple[Any, ...]:
    """Nodes with their roles and quotes, links with their weight and quotes."""
    nodes = {n: (d["roles"], d["evidence"]) for n, d in g.nodes(data=True)}
    edges = {frozenset((a, b)): (d["weight"], d["evidence"]) for a, b, d in g.edges(data=True)}
    return nodes, edges


def test_co_attendance_through_a_server_equals_the_embedded_store(
    seed_store_path: Path,
) -> None:
    local = OxigraphStore(seed_store_path, read_only=True)
    expected, _ = view_graph(local, "co-attendance", actor="OSCE", include_planned=True)
    local.close()
    srv = start(seed_store_path, port=free_port())
    try:
        remote = RemoteStore(srv.query_url, timeout=10)
        got, _ = view_graph(remote, "co-attendance", actor="OSCE", include_planned=True)
    finally:
        srv.stop()
    assert got.number_of_nodes() > 30
    assert _summary(got) == _summary(expected)
    assert got.graph.get("roles_from_quoted_events")  # the shortcut path ran remotely too
