"""Parameters are data, never SPARQL: an injection attempt matches nothing and changes nothing;
`notegraph sparql` refuses updates; a malformed header is an error naming the file."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from goldens import NOTES
from seed_records import build_store, extracted_notes

import notegraph
from graph.memory import MemoryStore
from graph.store import OxigraphStore
from ontology.errors import QueryError, UsageError
from queries.catalog import catalog, parse_query_file
from queries.run import run_named

EVIL = 'OSCE" } ; DROP ALL ; #'


def _fingerprint(store: OxigraphStore) -> tuple[int, str]:
    lines = sorted(str(q) for q in store.quads())
    return store.quad_count(), hashlib.sha256("\n".join(lines).encode()).hexdigest()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("inject") / "store"
    build_store(extracted_notes(NOTES), OxigraphStore(path)).close()
    return path


@pytest.mark.parametrize("value", [EVIL, "x' . } DELETE WHERE { ?s ?p ?o } #", "<bad>"])
def test_injection_through_the_library_matches_nothing(store_dir: Path, value: str) -> None:
    store = OxigraphStore(store_dir)
    before = _fingerprint(store)
    assert before[0] > 1000
    for name, spec in catalog().items():
        for p in spec.params:
            if p.type in ("actor", "string", "event"):
                params: dict[str, Any] = {q.name: "OSCE" for q in spec.params if q.required}
                params[p.name] = value
                try:
                    rows = run_named(name, params, store)
                except UsageError as e:  # an ambiguous *other* parameter is fine to refuse
                    pytest.fail(f"{name} --{p.name}: {e}")
                assert rows == [], f"{name} --{p.name} {value!r} matched something"
    assert _fingerprint(store) == before
    store.close()


def test_injection_through_the_command_line(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = OxigraphStore(store_dir)
    before = _fingerprint(store)
    store.close()
    code = notegraph.main(
        ["--store", str(store_dir), "query", "co-attended", "--actor", EVIL, "--format", "json"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.strip() == "[]"
    store = OxigraphStore(store_dir)
    assert _fingerprint(store) == before
    store.close()


def test_injection_on_rdflib_matches_nothing() -> None:
    mem = build_store(extracted_notes(NOTES), MemoryStore())
    before = mem.quad_count()
    assert run_named("co-attended", {"actor": EVIL}, mem) == []
    assert run_named("events-in", {"place": EVIL}, mem) == []
    assert mem.quad_count() == before


@pytest.mark.parametrize(
    "update", ["DROP ALL", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR DEFAULT"]
)
def test_sparql_command_refuses_updates(
    store_dir: Path, update: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = OxigraphStore(store_dir)
    before = _fingerprint(store)
    store.close()
    assert notegraph.main(["--store", str(store_dir), "sparql", update]) == 2
    err = capsys.readouterr().err
    assert "runs read-only queries" in err and "this is an update" in err
    store = OxigraphStore(store_dir)
    assert _fingerprint(store) == before
    store.close()


GOOD = (
    "#+ title: T\n#+ param: actor actor required -- who\nSELECT ?x ?actor WHERE { ?x ?p ?actor }\n"
)


def test_parse_query_file_reads_a_good_header() -> None:
    spec = parse_query_file("t", "queries/t.rq", GOOD)
    assert spec.title == "T"
    assert [(p.name, p.type, p.required) for p in spec.params] == [("actor", "actor", True)]
    assert spec.sparql.startswith("SELECT")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("#+ titel: T\nSELECT * WHERE {}\n", "queries/bad.rq:1: malformed header line"),
        ("#+ description: no title\nSELECT * WHERE {}\n", "queries/bad.rq: the header has no"),
        (
            "#+ title: T\n#+ param: actor strange\nSELECT * WHERE {}\n",
            "queries/bad.rq: malformed parameter 'actor strange'",
        ),
        (
            "#+ title: T\n#+ param: 9actor string\nSELECT * WHERE {}\n",
            "queries/bad.rq: malformed parameter",
        ),
        (
            "#+ title: T\n#+ list: evidence =\nSELECT * WHERE {}\n",
            "queries/bad.rq: malformed list 'evidence ='",
        ),
        ("#+ title: T\n#+ title T\nSELECT * WHERE {}\n", "queries/bad.rq:2: malformed header"),
        (
            "#+ title: T\n#+ explain: iso3 who\nSELECT * WHERE {}\n",
            "queries/bad.rq: 'explain' takes one column name",
        ),
        ("#+ title: T\n", "queries/bad.rq: no SPARQL query after the header"),
    ],
)
def test_malformed_header_is_an_error_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(QueryError) as e:
        parse_query_file("bad", "queries/bad.rq", text)
    assert str(e.value).startswith(message)


def test_every_parameter_is_projected_and_every_query_documented() -> None:
    """The binding rule: a parameter variable must be in the top-level SELECT projection."""
    for name, spec in catalog().items():
        assert spec.description and spec.example.startswith(f"notegraph query {name}")
        head = spec.sparql[spec.sparql.index("SELECT") : spec.sparql.index("WHERE")]
        for p in spec.params:
            assert f"?{p.name}" in head.split(")")[-1] or f" ?{p.name}" in head, (name, p.name)
        if spec.explain_sparql:
            ehead = spec.explain_sparql[: spec.explain_sparql.index("WHERE")]
            for var in [p.name for p in spec.params] + [spec.explain_key]:
                assert f"?{var}" in ehead, (name, var)


def test_unknown_and_bad_parameters_are_usage_errors(store_dir: Path) -> None:
    store = OxigraphStore(store_dir)
    with pytest.raises(UsageError, match="has no parameter --colour"):
        run_named("timeline", {"colour": "red"}, store)
    with pytest.raises(UsageError, match="needs --actor"):
        run_named("co-attended", {}, store)
    with pytest.raises(UsageError, match="--since takes a date"):
        run_named("events-in", {"since": "last year"}, store)
    store.close()
