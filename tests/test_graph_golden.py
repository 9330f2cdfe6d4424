"""Golden graphs: hand-written Note records -> the exact named graph, compared as graphs.

Regenerate after an intended change with
`NOTEGRAPH_REGEN_GOLDEN=1 pytest tests/test_graph_golden.py`
and review the diff of tests/golden/*.trig.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from graph_notes import held_note, planned_note

from graph.rdf import DERIVED_GRAPH, graph_iri, map_note

GOLDEN = Path(__file__).parent / "golden"
CASES = {"held-minsk": held_note, "planned-zagreb": planned_note}


def _trig(note_quads_: list) -> bytes:  # type: ignore[type-arg]
    import pyoxigraph as ox

    return ox.serialize(
        sorted(note_quads_, key=str),
        format=ox.RdfFormat.TRIG,
        prefixes={"ng": "https://w3id.org/notegraph/ontology#"},
    )


def _graph(data: bytes, graph: str):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox
    from rdflib import URIRef

    from graph.memory import to_rdflib_dataset

    return to_rdflib_dataset(ox.parse(data, format=ox.RdfFormat.TRIG)).graph(URIRef(graph))


@pytest.mark.parametrize("name", sorted(CASES))
def test_note_graph_matches_golden(name: str) -> None:
    note = CASES[name]()
    quads, shared = map_note(note)
    path = GOLDEN / f"{name}.trig"
    if os.environ.get("NOTEGRAPH_REGEN_GOLDEN"):
        path.write_bytes(_trig(quads + shared))
    for g in (graph_iri(note), DERIVED_GRAPH):
        got, want = _graph(_trig(quads + shared), g), _graph(path.read_bytes(), g)
        assert len(want) >= 3
        _same(got, want)


def _same(got: Any, want: Any) -> None:
    from rdflib.compare import graph_diff, isomorphic, to_isomorphic

    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail(
            "graph differs from golden\n--- only in the built graph:\n"
            + "\n".join(sorted(" ".join(x.n3() for x in t) for t in only_got))
            + "\n--- only in the golden graph:\n"
            + "\n".join(sorted(" ".join(x.n3() for x in t) for t in only_want))
        )
