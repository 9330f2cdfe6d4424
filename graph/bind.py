"""Parameters bound into SPARQL text as VALUES blocks, for the embedded store and for servers.

One binding path, so a named query gives the same rows on both. (The embedded store used
pyoxigraph's substitutions before; Oxigraph did not use them to pick an index: a flat pattern on a
substituted ?actor took 10x longer than with a VALUES block.) The blocks keep the scoping those
substitutions had: at the start of the top-level WHERE group and of each group inside it that
names a parameter, not inside a sub-select that does not project it (there the name is another
variable). Terms are serialised by pyoxigraph (N-Triples syntax, escaped), never by
string formatting.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product

from ontology.errors import QueryError, UsageError

__all__ = ["AnyOf", "bind_values"]


@dataclass(frozen=True)
class AnyOf:
    """A parameter bound to several values at once: the VALUES block gets one row per value (the
    product with the other parameters), so one query answers for all of them (e.g. the evidence
    behind every row of a result, instead of one query per row)."""

    values: tuple[object, ...]


_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _mask(query: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), so keywords and
    braces can be found with plain searches."""
    out = list(query)
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        j = i
        if c == "#":
            j = query.find("\n", i)
            j = n if j < 0 else j
        elif c in "\"'":
            quote = c * 3 if query.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            j = min(n, j + len(quote))
        elif c == "<" and (m := _IRIREF.match(query, i)):
            j = m.end()
        if j > i:
            out[i:j] = " " * (j - i)
            i = j
        else:
            i += 1
    return "".join(out)


def _group_start(masked: str, start: int = 0) -> int:
    """Index just after the first '{' at parenthesis depth 0 from `start`."""
    parens = 0
    for i in range(start, len(masked)):
        c = masked[i]
        if c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == "{" and parens == 0:
            return i + 1
    raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")


def _top_group_start(query: str) -> int:
    """Index just after the '{' that opens the query's top-level WHERE group (skipping comments,
    strings and IRIs; a bare group without the WHERE keyword counts too)."""
    return _group_start(_mask(query))


_SELECT = re.compile(r"\bselect\b", re.I)
_VALUES_DATA = re.compile(r"\bvalues\s*(?:[?$]\w+|\([^()]*\))\s*$", re.I)


def _groups(masked: str, top: int) -> list[tuple[int, int]]:
    """(open, close) of every { } group from the top-level WHERE group on, inner data blocks of
    VALUES left out."""
    stack: list[int] = []
    out = []
    for i in range(top - 1, len(masked)):
        if masked[i] == "{":
            stack.append(i)
        elif masked[i] == "}" and stack:
            o = stack.pop()
            if not _VALUES_DATA.search(masked, 0, o):
                out.append((o, i))
    return out


def bind_values(query: str, bindings: Mapping[str, object] | None) -> str:
    """The query with parameters bound the way pyoxigraph's substitutions bind them (the value
    stands for the variable everywhere in its scope): `VALUES (?a ?b) { (t1 t2) }` at the start of
    the top-level WHERE group and of every group inside it that names one of them, except inside a
    sub-select that does not project it (there the name is another variable). So a FILTER in a
    UNION branch sees the value, and a sub-select that projects a parameter is computed for that
    value only. Terms are serialised by pyoxigraph (`str(NamedNode)`, `str(Literal)`: N-Triples,
    escaped)."""
    if not bindings:
        return query
    from graph.store import _ox_term

    values: dict[str, list[str]] = {}
    for name, value in bindings.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise UsageError(f"not a SPARQL variable name: {name!r}")
        try:
            terms = value.values if isinstance(value, AnyOf) else (value,)
            values[name] = [str(_ox_term(v)) for v in terms]
        except ValueError as e:
            raise UsageError(f"parameter {name}: not a valid IRI or value ({e})") from None

    def block(names: list[str]) -> str:
        cols = " ".join("?" + n for n in names)
        rows = " ".join(f"({' '.join(row)})" for row in product(*(values[n] for n in names)))
        return f"\n  VALUES ({cols}) {{ {rows} }}\n"

    masked = _mask(query)
    top = _group_start(masked)
    # sub-selects: their group, and the parameters they project
    scopes = []
    for m in _SELECT.finditer(masked, top):
        at = _group_start(masked, m.end())
        projection = masked[m.end() : at]
        scopes.append((at - 1, {n for n in values if re.search(rf"[?$]{n}\b", projection)}))
    groups = _groups(masked, top)
    close_of = dict(groups)
    inserts = []
    for open_, close in groups:
        allowed = set(values)
        for scope_open, projected in scopes:  # every sub-select enclosing this group
            if scope_open <= open_ and close <= close_of[scope_open]:
                allowed &= projected
        text = masked[open_:close]
        if re.match(r"\{\s*select\b", text, re.I):
            continue  # `{ SELECT ... }` holds nothing else: the sub-select's own group binds
        names = [n for n in values if n in allowed and re.search(rf"[?$]{n}\b", text)]
        if open_ == top - 1:
            names = list(values)  # the top-level group binds them all (their columns)
        if names:
            inserts.append((open_ + 1, block(names)))
    for at, text in sorted(inserts, reverse=True):
        query = query[:at] + text + query[at:]
    return query
