"""Unit tests of the remote client's pure parts: VALUES binding, result conversion, Retry-After."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from graph.bind import AnyOf, bind_values
from graph.remote import _retry_after, display_url, parse_results
from graph.store import IRI, python_value
from ontology.errors import EndpointError, QueryError, UsageError

HOSTILE = 'a"b\\c\n} ; DROP ALL # <x>'


def _eval(query: str) -> list[dict[str, object]]:
    """Run the bound query on an empty in-memory Oxigraph: the text must parse and bind."""
    res = ox.Store().query(query)
    assert isinstance(res, ox.QuerySolutions)
    names = [v.value for v in res.variables]
    return [{n: python_value(s[n]) for n in names} for s in res]


def test_values_block_binds_hostile_strings_exactly() -> None:
    q = bind_values(
        "SELECT ?x ?n ?b ?i WHERE { }", {"x": HOSTILE, "n": 3, "b": True, "i": IRI("urn:a")}
    )
    assert q.count("VALUES") == 1
    assert _eval(q) == [{"x": HOSTILE, "n": 3, "b": True, "i": "urn:a"}]


def test_values_go_into_the_top_level_group_not_into_strings_or_comments() -> None:
    query = (
        "# a comment with { braces\n"
        'PREFIX ex: <http://example.org/a#b> SELECT ?x (CONCAT("{", ?x) AS ?y) WHERE {\n'
        '  BIND ("}" AS ?z)\n'
        "}"
    )
    q = bind_values(query, {"x": "v"})
    assert _eval(q) == [{"x": "v", "y": "{v"}]
    assert q.index("VALUES") > q.index("WHERE {")


def test_values_bind_like_substitutions_in_union_branches_and_projecting_sub_selects() -> None:
    """A FILTER inside a UNION branch sees the value; a sub-select that projects the parameter is
    computed for it; one that does not keeps its own variable; VALUES data blocks stay intact."""
    query = """SELECT ?p ?n ?k WHERE {
      { BIND (1 AS ?n) FILTER (COALESCE(?p = "given", false)) }
      UNION
      { BIND (2 AS ?n) FILTER (COALESCE(STR(?p) = "", true)) }
      { SELECT ?p (COUNT(?v) AS ?k) WHERE { VALUES ?v { 1 2 } FILTER (?p = "given") } GROUP BY ?p }
      FILTER EXISTS { SELECT ?q WHERE { VALUES ?p { "other" } BIND (?p AS ?q) } }
    }"""
    assert _eval(bind_values(query, {"p": "given"})) == [{"p": "given", "n": 1, "k": 2}]


def test_any_of_binds_one_row_per_value_with_the_other_parameters() -> None:
    q = bind_values("SELECT ?a ?k WHERE { }", {"a": 1, "k": AnyOf((HOSTILE, IRI("urn:b")))})
    assert sorted(map(str, _eval(q))) == sorted(
        map(str, [{"a": 1, "k": HOSTILE}, {"a": 1, "k": "urn:b"}])
    )
    assert _eval(bind_values("SELECT ?k WHERE { }", {"k": AnyOf(())})) == []


def test_a_query_without_where_keyword_is_bound_too() -> None:
    assert _eval(bind_values("SELECT ?x { }", {"x": 1})) == [{"x": 1}]


def test_invalid_iri_and_variable_names_are_refused() -> None:
    with pytest.raises(UsageError):
        bind_values("SELECT ?x {}", {"x": IRI("not an iri>")})
    with pytest.raises(UsageError):
        bind_values("SELECT ?x {}", {"x y": 1})
    with pytest.raises(QueryError):
        bind_values("SELECT ?x", {"x": 1})


def test_results_become_the_embedded_stores_values() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    body = json.dumps(
        {
            "head": {"vars": ["i", "d", "b", "date", "iri", "lang", "bn", "missing"]},
            "results": {
                "bindings": [
                    {
                        "i": {"type": "literal", "value": "42", "datatype": xsd + "integer"},
                        "d": {"type": "literal", "value": "1.5", "datatype": xsd + "decimal"},
                        "b": {"type": "literal", "value": "true", "datatype": xsd + "boolean"},
                        "date": {
                            "type": "literal",
                            "value": "2013-01-15",
                            "datatype": xsd + "date",
                        },
                        "iri": {"type": "uri", "value": "https://w3id.org/notegraph/id/state/BLR"},
                        "lang": {"type": "literal", "value": "Bélarus", "xml:lang": "fr"},
                        "bn": {"type": "bnode", "value": "b0"},
                    }
                ]
            },
        }
    ).encode()
    assert parse_results(body, "u") == [
        {
            "i": 42,
            "d": 1.5,
            "b": True,
            "date": "2013-01-15",
            "iri": "https://w3id.org/notegraph/id/state/BLR",
            "lang": "Bélarus",
            "bn": "_:b0",
            "missing": None,
        }
    ]


@pytest.mark.parametrize(
    "body", [b"", b"{}", b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": 1}]}}', b"\xff"]
)
def test_malformed_results_are_one_endpoint_error(body: bytes) -> None:
    with pytest.raises(EndpointError, match=r"^u returned malformed SPARQL results \("):
        parse_results(body, "u")


def test_ask_results_are_refused_like_the_embedded_store() -> None:
    with pytest.raises(QueryError, match="only SELECT"):
        parse_results(b'{"head": {}, "boolean": true}', "u")


def test_retry_after_is_bounded() -> None:
    assert _retry_after("2", 1) == 2.0
    assert _retry_after("100000", 1) == 30.0
    assert _retry_after(None, 1) == 0.5 and _retry_after(None, 3) == 2.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1) == 0.0  # a date in the past
    assert _retry_after("soon", 2) == 1.0


def test_display_url_drops_credentials() -> None:
    assert display_url("https://u:p@host:8443/ds/sparql?x=1") == "https://host:8443/ds/sparql?x=1"
    assert display_url("http://host/q") == "http://host/q"
