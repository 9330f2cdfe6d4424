"""One query path for every target: the embedded store, rdflib memory, or a remote endpoint.

A target is anything with `select(query, bindings) -> list[dict]` (see graph.store.Store).
Parameters are always bound, never pasted into the text: the runner hands the target a mapping
{variable: value}; each backend binds it its own way (a VALUES block written by graph.bind for
Oxigraph, embedded or remote; rdflib initBindings, or graph.bind's VALUES when a parameter has
several values: graph.bind.AnyOf).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from graph.bind import AnyOf
from graph.store import IRI
from ontology.iris import ID, ONT
from queries.catalog import QuerySpec, get_query
from queries.resolve import resolve

__all__ = ["Target", "run_named", "run_query", "shorten"]


class Target(Protocol):
    def select(
        self, query: str, bindings: Mapping[str, object] | None = None
    ) -> list[dict[str, Any]]: ...


def shorten(value: Any) -> Any:
    """Our own IRIs as their tails ('state/BLR'), ontology terms as lower-case names
    ('participant'); anything else unchanged."""
    if isinstance(value, str):
        if value.startswith(ID):
            return value[len(ID) :]
        if value.startswith(ONT):
            return value[len(ONT) :].lower()
    return value


def _split_list(raw: Any, fields: tuple[str, ...]) -> list[Any]:
    """A GROUP_CONCAT column (newline-separated) as a sorted, de-duplicated list: of strings
    when the header names no fields, else of {field: value} objects (space-separated)."""
    if raw in (None, ""):
        return []
    if not fields:  # (event lists: 22k items per co-organizers run at 10k notes: one pass in C)
        text = ("\n" + str(raw)).replace("\n" + ID, "\n")[1:]  # our IRIs as their tails
        return sorted({shorten(x) if x.startswith(ONT) else x for x in text.split("\n")})
    lines = set(str(raw).split("\n"))
    items = []
    for line in sorted(lines):
        parts = line.split(" ", len(fields) - 1)
        items.append({f: shorten(p) for f, p in zip(fields, parts, strict=False)})
    return items


def _row(spec: QuerySpec, raw: dict[str, Any], hidden: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if k in hidden:
            continue
        out[k] = _split_list(v, spec.lists[k]) if k in spec.lists else shorten(v)
    return out


def _key_value(value: Any) -> Any:
    return IRI(value) if isinstance(value, str) and value.startswith(ID) else value


def run_query(
    spec: QuerySpec, params: Mapping[str, Any], target: Target, *, explain: bool = False
) -> list[dict[str, Any]]:
    """Run a catalogued query with validated, bound parameters. Rows are plain dicts (parameter
    columns dropped); with `explain`, each row gets an `explanation` list of the events and
    evidence (note, line, quote) behind it, from the query's `.explain.rq`."""
    bindings = spec.bind(dict(params))
    param_names = {p.name for p in spec.params}
    for p in spec.params:
        if p.type in ("actor", "event") and p.name in bindings:
            iri = resolve(p.type, p.option, str(bindings[p.name]), target)
            if iri is None:
                return []  # a name that matches nothing: no rows
            bindings[p.name] = IRI(iri)
    raws = target.select(spec.sparql, bindings)
    rows = [_row(spec, r, param_names) for r in raws]
    if explain and spec.explain_sparql and spec.explain_key:
        _explain(spec.explain_sparql, spec.explain_key, spec, bindings, rows, raws, target)
    return rows


_EXPLAIN_BATCH = 200  # rows explained per query (each row's key is one VALUES row)


def _explain(
    sparql: str,
    key_column: str,
    spec: QuerySpec,
    bindings: Mapping[str, Any],
    rows: list[dict[str, Any]],
    raws: list[dict[str, Any]],
    target: Target,
) -> None:
    """Give each row its `explanation`: the `.explain.rq` rows whose keys equal the row's. The
    keys of many rows are bound at once (graph.bind.AnyOf), and the answer is split by the key
    column, which every explain query projects (tests/test_queries_safety.py checks it): one
    query per batch, not one per row (co-attended at 1k notes: 40 queries, 5.7 s before)."""
    hidden = {p.name for p in spec.params} | {key_column}
    keys = [raw.get(key_column) for raw in raws]
    wanted = sorted({k for k in keys if k is not None}, key=repr)
    found: dict[Any, list[dict[str, Any]]] = {}
    for at in range(0, len(wanted), _EXPLAIN_BATCH):
        batch = AnyOf(tuple(_key_value(k) for k in wanted[at : at + _EXPLAIN_BATCH]))
        for r in target.select(sparql, {**bindings, key_column: batch}):
            found.setdefault(r.get(key_column), []).append(r)
    for row, key in zip(rows, keys, strict=True):
        row["explanation"] = [
            {k: shorten(v) for k, v in r.items() if k not in hidden} for r in found.get(key, [])
        ]


def run_named(
    name: str, params: Mapping[str, Any], target: Target, *, explain: bool = False
) -> list[dict[str, Any]]:
    return run_query(get_query(name), params, target, explain=explain)
