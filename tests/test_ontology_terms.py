"""The vocabulary: generated files in sync, every term in use declared, reference data sound."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_namespace_and_docs_are_regenerated_identically() -> None:
    from ontology.generate import (
        DOCS_MD,
        NAMESPACE_PY,
        TERMS_PY,
        namespace_source,
        ontology_markdown,
        terms,
        terms_source,
    )

    ts = terms()
    assert NAMESPACE_PY.read_text("utf-8") == namespace_source(ts), (
        "ontology/namespace.py is stale: run 'python -m ontology.generate'"
    )
    assert TERMS_PY.read_text("utf-8") == terms_source(ts), (
        "ontology/terms.py is stale: run 'python -m ontology.generate'"
    )
    assert DOCS_MD.read_text("utf-8") == ontology_markdown(ts), (
        "docs/ontology.md is stale: run 'python -m ontology.generate'"
    )
    assert "### `ng:Participation` — Participation" in DOCS_MD.read_text("utf-8")


def test_checked_namespace_fails_on_a_misspelt_term() -> None:
    from graph.rdf import ng
    from ontology.errors import OntologyError
    from ontology.namespace import NG

    assert str(NG.Participation) == "https://w3id.org/notegraph/ontology#Participation"
    with pytest.raises(AttributeError):
        NG.Participaton  # noqa: B018
    with pytest.raises(OntologyError, match="ng:Participaton is not a term"):
        ng("Participaton")


def test_every_ng_term_used_in_code_and_queries_is_declared() -> None:
    from ontology.namespace import TERMS

    used: set[tuple[str, str]] = set()
    for path in [*ROOT.glob("queries/*.rq"), *ROOT.glob("graph/*.py"), *ROOT.glob("viz/*.py")]:
        text = path.read_text("utf-8")
        used |= {(path.name, m) for m in re.findall(r"\bng:([A-Za-z]+)", text)}
        used |= {(path.name, m) for m in re.findall(r'\bng\("([A-Za-z]+)"\)', text)}
        used |= {(path.name, m) for m in re.findall(r"ontology#([A-Za-z]+)", text)}
    unknown = sorted((f, t) for f, t in used if t not in TERMS)
    assert len(used) > 30
    assert unknown == [], f"terms used but not in ontology/notegraph.ttl: {unknown}"


def test_shapes_and_ontology_parse_and_shapes_use_declared_terms() -> None:
    from rdflib import Graph

    from ontology.namespace import TERMS

    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    ont = "https://w3id.org/notegraph/ontology#"
    used = {str(t)[len(ont) :] for triple in shapes for t in triple if str(t).startswith(ont)}
    assert used - TERMS - {""} == set()
    assert len(used) > 40


def test_state_records_cover_every_state_with_an_m49_region() -> None:
    import pycountry

    from ontology.states import state_records

    recs = {r["iso3"]: r for r in state_records()}
    assert {c.alpha_3 for c in pycountry.countries} <= set(recs)
    regions = {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    assert [i for i, r in recs.items() if r["region"] not in regions] == ["ATA"]
    assert recs["BLR"]["region"] == "Europe" and recs["BLR"]["qid"] == "Q184"
    assert recs["MKD"]["qid"] == "Q221" and recs["PSE"]["qid"] == "Q219060"
    assert recs["XKX"]["label"] == "Kosovo"
    qids = [r["qid"] for r in recs.values() if r["qid"]]
    assert len(qids) == len(set(qids)) and len(qids) > 190
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)


def test_gazetteer_parents_and_states_exist() -> None:
    from graph.reference import org_entries
    from ontology.states import state_records

    entries = org_entries()
    ids = {e.id for e in entries}
    isos = {r["iso3"] for r in state_records()}
    assert [e.id for e in entries if e.parent and e.parent not in ids] == []
    assert [e.id for e in entries if e.iso3 and e.iso3 not in isos] == []
    assert [e.id for e in entries if e.kind == "agency" and not e.iso3] == []


def test_reference_graph_rolls_units_up_to_parents_and_states() -> None:
    from graph.reference import reference_quads

    up: dict[str, set[str]] = {}
    for q in reference_quads():
        if q.predicate.value.endswith("#rollsUpTo"):
            up.setdefault(q.subject.value.rsplit("/id/", 1)[1], set()).add(
                q.object.value.rsplit("/id/", 1)[1]
            )
    assert {"org/osce-cpc", "org/osce-secretariat", "org/osce"} <= up["org/osce-cpc"]
    assert {"org/usa-dos", "state/USA"} <= up["org/usa-dos"]
    assert up["state/BLR"] == {"state/BLR"}


def test_state_records_file_is_a_list_of_records() -> None:
    data = json.loads((ROOT / "ontology" / "reference" / "state-records.json").read_text("utf-8"))
    assert isinstance(data, list)
    assert all(set(r) <= {"iso3", "label", "region", "subregion", "qid"} for r in data)
