"""Rows -> table (rich), CSV or JSON. Shared by `query` and `sparql`; and a summary (one
mapping: `extract --report`, `stats`) as JSON or `key: value` lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

__all__ = ["FORMATS", "write_rows", "write_summary"]

FORMATS = ("table", "csv", "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return ", ".join(value)  # a list of names shows in full
        return str(len(value))  # a list of objects (evidence) shows as its count
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols and k != "explanation":
                cols.append(k)
    return cols


def write_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    cols = _columns(rows, columns)
    if columns and rows:
        have = _columns(rows, None) + ["explanation"]
        unknown = [c for c in columns if c not in have]
        if unknown:
            from ontology.errors import UsageError

            raise UsageError(
                f"no column {', '.join(unknown)} in the result (columns: {', '.join(have[:-1])})"
            )
    if fmt == "json":
        data = [{c: r.get(c) for c in cols} for r in rows] if columns else list(rows)
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([_csv_cell(r.get(c)) for c in cols])
    else:
        _table(rows, cols, out, title)


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return "; ".join(value)
        return json.dumps(value, ensure_ascii=False)
    return _cell(value)


def _table(rows: Sequence[dict[str, Any]], cols: list[str], out: TextIO, title: str | None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    list_cols = {
        c for c in cols if any(isinstance(r.get(c), list) and not _strings(r[c]) for r in rows)
    }
    table = Table(title=escape(title) if title else None, show_lines=False)
    for c in cols:
        name = f"{c} (count)" if c in list_cols else c
        numeric = all(
            isinstance(r.get(c), int | float) or (c in list_cols)
            for r in rows
            if r.get(c) is not None
        )
        table.add_column(escape(name), justify="right" if numeric and rows else "left")
    for r in rows:
        table.add_row(*(escape(_cell(r.get(c))) for c in cols))
    buf = io.StringIO()
    width = 200 if not out.isatty() else None
    Console(file=buf, width=width, highlight=False, soft_wrap=False).print(table)
    out.write(buf.getvalue())
    for r in rows:
        if "explanation" not in r:
            continue
        head = " ".join(_cell(r.get(c)) for c in cols[:2])
        out.write(f"\n{head}\n")
        if not r["explanation"]:
            out.write("  (no evidence found)\n")
        for e in r["explanation"]:
            out.write("  " + _evidence_line(e) + "\n")
    out.write(f"{len(rows)} row{'s' if len(rows) != 1 else ''}\n")


def _strings(value: list[Any]) -> bool:
    return all(isinstance(v, str) for v in value)


def _evidence_line(e: dict[str, Any]) -> str:
    """One explanation row: its other fields, then note:line and the quote."""
    skip = ("note", "line", "quote")
    parts = [_cell(v) for k, v in e.items() if k not in skip and v is not None]
    if e.get("note"):
        parts.append(f"{e['note']}:{e['line']}" if e.get("line") is not None else str(e["note"]))
    if e.get("quote"):
        parts.append('"' + " ".join(str(e["quote"]).split()) + '"')
    return "  ".join(parts)


def write_summary(data: Mapping[str, Any], fmt: str, out: TextIO) -> None:
    """JSON, or one `key: value` line per key: a mapping value inline (`k v, k v`, sorted, or
    `none`), a list value as numbered lines under its key."""
    if fmt == "json":
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for key, value in data.items():
        if isinstance(value, Mapping):
            inner = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "none"
            out.write(f"{key}: {inner}\n")
        elif isinstance(value, list):
            out.write(f"{key}:\n")
            for i, item in enumerate(value, 1):
                out.write(f"  {i}: {item}\n")
        else:
            out.write(f"{key}: {value}\n")
