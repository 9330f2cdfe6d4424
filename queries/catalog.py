"""The catalogue of named questions: one `.rq` file each, with a `#+` header.

Header lines (before the query):

    #+ title: States that co-attended events with an actor
    #+ description: One or more lines; repeat the key to continue.
    #+ param: actor string required -- Name or acronym of the actor (e.g. OSCE)
    #+ param: include_planned boolean default=false -- Also count planned events
    #+ list: evidence = event note
    #+ list: roles
    #+ explain: iso3
    #+ example: notegraph query co-attended --actor OSCE

A parameter NAME is bound to the SPARQL variable ?NAME (never pasted into the text); on the
command line it is --NAME with '_' written '-'. Every parameter variable must be projected by the
top-level SELECT (and grouped on when aggregating) and used only in the top-level group (its
triple patterns, FILTERs and BINDs), so that graph.bind's VALUES blocks (Oxigraph, embedded
or remote) and rdflib initBindings bind it the same way; the runner drops parameter columns from
the rows.
Types: string, boolean, integer, date (YYYY-MM-DD, bound as a string: compare with STR(?date)),
iso3, and actor/event: a name the runner resolves to an IRI first (see queries.resolve).
An optional parameter without a default stays unbound when not given: test it with
`FILTER (COALESCE(?x = ?param, true))`, never BOUND(?param) (it reads the same on every
backend; pyoxigraph's BOUND did not see the substitutions once used).
 `list: COL = a b` splits COL (GROUP_CONCAT with
newline separators, fields separated by spaces) into a sorted list of {a, b} objects; `list: COL`
alone makes COL a sorted list of strings. Our IRIs in lists are shortened like columns.
`explain: KEY` names the column that ties a row to its evidence: for --explain, NAME.explain.rq
runs with the parameters bound and KEY bound to the rows' values (all at once, in batches), and
must project KEY, by which its rows are handed back to the rows they explain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ontology.errors import QueryError, UsageError

__all__ = ["Param", "QuerySpec", "catalog", "get_query", "listing", "parse_query_file"]

TYPES = ("string", "boolean", "integer", "date", "iso3", "actor", "event")
_PARAM = re.compile(
    r"^(?P<name>[a-z][a-z0-9_]*)\s+(?P<type>\w+)"
    r"(?P<req>\s+required)?(?:\s+default=(?P<default>\S+))?\s*(?:--\s*(?P<desc>.*))?$"
)
_KEYS = ("title", "description", "param", "list", "explain", "example")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: str | None = None
    description: str = ""

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    def convert(self, raw: Any) -> Any:
        """Validate a user's value for this parameter; raise UsageError naming the option."""
        if self.type == "boolean":
            if isinstance(raw, bool):
                return raw
            s = str(raw).strip().lower()
            if s in ("true", "yes", "1", "on"):
                return True
            if s in ("false", "no", "0", "off"):
                return False
            raise UsageError(f"{self.option} takes true or false, not {raw!r}")
        if self.type == "integer":
            try:
                return int(raw)
            except (TypeError, ValueError):
                raise UsageError(f"{self.option} takes a whole number, not {raw!r}") from None
        if self.type == "date":
            s = str(raw)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
                raise UsageError(f"{self.option} takes a date as YYYY-MM-DD, not {raw!r}")
            return s
        if self.type == "iso3":
            s = str(raw).upper()
            if not re.fullmatch(r"[A-Z]{3}", s):
                raise UsageError(f"{self.option} takes an ISO 3166-1 alpha-3 code, not {raw!r}")
            return s
        return str(raw)


@dataclass(frozen=True)
class QuerySpec:
    name: str
    path: str
    title: str
    description: str
    sparql: str
    params: tuple[Param, ...] = ()
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    explain_key: str | None = None
    explain_sparql: str | None = None
    example: str = ""

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Check the user's parameters against the header: unknown ones, missing required ones,
        types; fill defaults. Returns the bindings (variable name -> Python value)."""
        known = {p.name: p for p in self.params}
        for k in given:
            if k not in known:
                opts = ", ".join(p.option for p in self.params) or "none"
                raise UsageError(
                    f"query '{self.name}' has no parameter --{k.replace('_', '-')} "
                    f"(its parameters: {opts})"
                )
        out: dict[str, Any] = {}
        for p in self.params:
            if given.get(p.name) is not None:
                out[p.name] = p.convert(given[p.name])
            elif p.default is not None:
                out[p.name] = p.convert(p.default)
            elif p.required:
                raise UsageError(f"query '{self.name}' needs {p.option} (e.g. {self.example})")
        return out


def parse_query_file(name: str, path: str, text: str) -> QuerySpec:
    """Parse one `.rq` file; a malformed header is a QueryError naming the file and line."""
    meta: dict[str, list[str]] = {k: [] for k in _KEYS}
    body_start = 0
    lines = text.splitlines()
    for i, line in enumerate(lines, 1):
        if line.startswith("#+"):
            key, sep, value = line[2:].strip().partition(":")
            key = key.strip()
            if not sep or key not in _KEYS:
                raise QueryError(
                    f"{path}:{i}: malformed header line {line!r} "
                    f"(expected '#+ KEY: value' with KEY one of {', '.join(_KEYS)})"
                )
            meta[key].append(value.strip())
            body_start = i
        elif line.strip() and not line.startswith("#"):
            break
    if not meta["title"]:
        raise QueryError(f"{path}: the header has no '#+ title:' line")
    params = []
    for raw in meta["param"]:
        m = _PARAM.match(raw)
        if not m or m["type"] not in TYPES:
            raise QueryError(
                f"{path}: malformed parameter {raw!r} "
                f"(expected 'NAME TYPE [required] [default=V] -- description', TYPE in {TYPES})"
            )
        params.append(
            Param(m["name"], m["type"], bool(m["req"]), m["default"], (m["desc"] or "").strip())
        )
    lists: dict[str, tuple[str, ...]] = {}
    for raw in meta["list"]:
        col, sep, fields = raw.partition("=")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", col.strip()) or (sep and not fields.split()):
            raise QueryError(
                f"{path}: malformed list {raw!r} (expected 'COLUMN' or 'COLUMN = field field')"
            )
        lists[col.strip()] = tuple(fields.split())
    sparql = "\n".join(lines[body_start:]).strip() + "\n"
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", sparql, re.I):
        raise QueryError(f"{path}: no SPARQL query after the header")
    return QuerySpec(
        name=name,
        path=path,
        title=meta["title"][0],
        description=" ".join(meta["description"]),
        sparql=sparql,
        params=tuple(params),
        lists=lists,
        explain_key=_explain_key(path, meta["explain"]),
        example=meta["example"][0] if meta["example"] else f"notegraph query {name}",
    )


def _explain_key(path: str, values: list[str]) -> str | None:
    words = " ".join(values).split()
    if len(words) > 1 or (words and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", words[0])):
        raise QueryError(f"{path}: 'explain' takes one column name, not {' '.join(words)!r}")
    return words[0] if words else None


@cache
def catalog() -> dict[str, QuerySpec]:
    """Every named query shipped in the `queries` package, by name."""
    files = resources.files("queries")
    specs: dict[str, QuerySpec] = {}
    for entry in sorted(files.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq") or entry.name.endswith(".explain.rq"):
            continue
        name = entry.name[: -len(".rq")]
        spec = parse_query_file(name, f"queries/{entry.name}", entry.read_text(encoding="utf-8"))
        explain = files.joinpath(f"{name}.explain.rq")
        if spec.explain_key:
            if not explain.is_file():
                raise QueryError(
                    f"queries/{entry.name} declares 'explain' but has no {explain.name}"
                )
            text = explain.read_text(encoding="utf-8")
            spec = QuerySpec(**{**spec.__dict__, "explain_sparql": text})
        specs[name] = spec
    return specs


def get_query(name: str) -> QuerySpec:
    specs = catalog()
    if name not in specs:
        raise UsageError(
            f"unknown query '{name}'; the catalogue has: {', '.join(sorted(specs))} "
            "(see 'notegraph query --list')"
        )
    return specs[name]


def listing() -> str:
    """The catalogue as text for `notegraph query --list`: each query, what it answers, its
    parameters (type, required or default) and an example."""
    import textwrap

    out: list[str] = []
    for spec in catalog().values():
        out.append(f"{spec.name}  {spec.title}")
        out.extend(
            textwrap.wrap(spec.description, 92, initial_indent="    ", subsequent_indent="    ")
        )
        for p in spec.params:
            need = "required" if p.required else f"default {p.default}" if p.default else "optional"
            out.append(f"    {p.option} {p.type.upper():<8} ({need}) {p.description}")
        if spec.explain_key:
            out.append("    --explain adds the evidence behind each row")
        out.append(f"    e.g. {spec.example}")
        out.append("")
    return "\n".join(out)
