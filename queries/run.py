"""One query path for every target: the embedded store, rdflib memory, or a remote endpoint.

A target is anything with `select(query, bindings) -> list[dict]` (see graph.store.Store).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from ontology.iris import ID, ONT
from queries.catalog import QuerySpec, get_query

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


def _split_lists(spec: QuerySpec, row: dict[str, Any]) -> dict[str, Any]:
    params = {p.name for p in spec.params}
    out = {k: shorten(v) for k, v in row.items() if k not in params}
    for col, fields in spec.lists.items():
        raw = row.get(col)
        items = []
        for line in sorted(str(raw).split("\n")) if raw else []:
            parts = line.split(" ", len(fields) - 1)
            items.append({f: shorten(p) for f, p in zip(fields, parts, strict=False)})
        out[col] = items
    return out


def run_query(
    spec: QuerySpec, params: Mapping[str, Any], target: Target, *, explain: bool = False
) -> list[dict[str, Any]]:
    """Run a catalogued query with validated, bound parameters. Rows are plain dicts; with
    `explain`, each row gets an `explanation` list (event, note, line, quote)."""
    bindings = spec.bind(dict(params))
    rows = [_split_lists(spec, r) for r in target.select(spec.sparql, bindings)]
    if explain and spec.explain_sparql:
        for row, raw in zip(rows, target.select(spec.sparql, bindings), strict=True):
            keys = {k: raw[k] for k in spec.explain_keys}
            from graph.store import IRI

            b = {
                k: (IRI(v) if isinstance(v, str) and v.startswith(ID) else v)
                for k, v in keys.items()
            }
            hidden = {p.name for p in spec.params} | set(spec.explain_keys)
            row["explanation"] = [
                {k: shorten(v) for k, v in r.items() if k not in hidden}
                for r in target.select(spec.explain_sparql, {**bindings, **b})
            ]
    return rows


def run_named(
    name: str, params: Mapping[str, Any], target: Target, *, explain: bool = False
) -> list[dict[str, Any]]:
    return run_query(get_query(name), params, target, explain=explain)
