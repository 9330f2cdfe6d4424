"""`notegraph query` and `notegraph sparql` through main(): formats, --list, --explain."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from goldens import NOTES
from seed_records import build_store, extracted_notes

import notegraph
from graph.store import OxigraphStore


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    build_store(extracted_notes(NOTES), OxigraphStore(path)).close()
    return path


def _run(store: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = notegraph.main(["--store", str(store), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_rows_carry_the_contract_fields(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        store_dir, capsys, "query", "co-attended", "--actor", "OSCE", "--format", "json"
    )
    rows = json.loads(out)
    assert code == 0 and len(rows) == 41
    assert {"iso3", "label", "events", "evidence"} <= set(rows[0])
    assert "actor" not in rows[0] and "include_planned" not in rows[0]


def test_csv_and_table_count_the_same_rows(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(
        store_dir, capsys, "query", "events-in", "--place", "Croatia", "--format", "csv"
    )
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:3] == ["start", "end", "event"] and len(table) == 3
    _, out, _ = _run(store_dir, capsys, "query", "events-in", "--place", "Croatia")
    assert out.rstrip().endswith("2 rows") and "2010-06-14" in out


def test_explain_adds_note_line_and_quote(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        store_dir,
        capsys,
        "query",
        "co-attended",
        "--actor",
        "OSCE",
        "--explain",
        "--format",
        "json",
    )
    rows = json.loads(out)
    ltu = next(r for r in rows if r["iso3"] == "LTU")
    assert ltu["explanation"][0]["who"] == "org/ltu-customs"
    assert ltu["explanation"][0]["note"] == "note/000_ac2b936748c06b5a"
    assert "Lithuanian" in ltu["explanation"][0]["quote"]


def test_list_shows_every_query_with_parameters(capsys: pytest.CaptureFixture[str]) -> None:
    assert notegraph.main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for name in ("co-attended", "events-of", "path", "unresolved", "events-in"):
        assert f"\n{name}  " in "\n" + out
    assert "--include-planned BOOLEAN" in out and "--since DATE" in out


def test_ambiguous_and_unknown_are_usage_errors(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(store_dir, capsys, "query", "no-such-query")
    assert code == 2 and "unknown query 'no-such-query'" in err
    code, _, err = _run(store_dir, capsys, "query", "participants-of", "--event", "Workshop")
    assert code == 2 and "--event 'Workshop' matches" in err


def test_sparql_reads_from_a_file(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    q = tmp_path / "q.rq"
    q.write_text(
        "PREFIX ng: <https://w3id.org/notegraph/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ng:Event }"
    )
    code, out, _ = _run(store_dir, capsys, "sparql", str(q), "--format", "json")
    assert code == 0 and json.loads(out) == [{"n": 9}]
