"""`notegraph extract --report`: what was read, the errors and warnings, the curation queue."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .model import Note

__all__ = ["extraction_report"]


def extraction_report(notes: Iterable[Note]) -> dict[str, Any]:
    """A summary of an extraction run.

    Keys: files (count), read (count without error), errors [{path, error}],
    warnings [{path, warning}], unresolved [{name, count, files}] most frequent first (the
    curation queue), and per-note counts [{path, title, start_date, actors, unresolved, warnings}].
    """
    notes = list(notes)
    errors: list[dict[str, Any]] = []
    warns: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    per_note: list[dict[str, Any]] = []
    for n in notes:
        path = n.source.path
        if n.error:
            errors.append({"path": path, "error": n.error})
            continue
        for w in n.warnings:
            warns.append({"path": path, "warning": w})
        unresolved = [a for a in n.actors if a.kind == "unresolved"]
        for a in unresolved:
            counts[a.label] += 1
            where.setdefault(a.label, []).append(path)
        per_note.append(
            {
                "path": path,
                "title": n.title,
                "start_date": n.start_date,
                "actors": len(n.actors),
                "unresolved": len(unresolved),
                "warnings": len(n.warnings),
            }
        )
    queue = [
        {"name": name, "count": c, "files": sorted(set(where[name]))}
        for name, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return {
        "files": len(notes),
        "read": len(notes) - len(errors),
        "errors": errors,
        "warnings": warns,
        "unresolved": queue,
        "notes": per_note,
    }
