"""Golden answers of every named query on the seed notes.

    python tests/goldens.py            # compare: exit 1 and name the queries whose rows changed
    python tests/goldens.py --write    # rewrite tests/golden/queries/NAME.json

Each golden file holds the cases of one query: its parameters and the exact rows (with --explain
where the query can explain its rows). Read every file you write against data/notes/ before
committing it: a golden is a claim about the notes, not a snapshot.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["CASES", "GOLDEN_DIR", "compute", "main"]

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = ROOT / "tests" / "golden" / "queries"
NOTES = ROOT / "data" / "notes"

# name -> list of (params, explain)
CASES: dict[str, list[tuple[dict[str, Any], bool]]] = {
    "co-attended": [
        ({"actor": "OSCE"}, True),
        ({"actor": "OSCE", "include_planned": True}, False),
        ({"actor": "UNODA"}, False),
    ],
    "events-of": [({"actor": "OSCE"}, False), ({"actor": "Belarus"}, False)],
    "participants-of": [({"event": "2013-05-09"}, True), ({"event": "Rakitje"}, False)],
    "co-organizers": [({}, False), ({"rollup": False}, False)],
    "actor-profile": [({"actor": "OSCE"}, False), ({"actor": "UNODA"}, False)],
    "naps": [({}, True)],
    "resolutions": [({}, True)],
    "timeline": [({}, False)],
    "regions-reached": [
        ({"actor": "OSCE", "region": "Europe"}, False),
        ({"actor": "OSCE", "region": "europe", "include_planned": True}, False),
        ({"actor": "UNODA", "region": "Asia"}, False),
    ],
    "shared-events": [
        ({"actor": "OSCE", "other": "Belarus"}, False),
        ({"actor": "OSCE", "other": "Croatia", "include_planned": True}, False),
    ],
    "path": [
        ({"actor": "VERTIC", "other": "Mongolia"}, False),
        ({"actor": "OSCE", "other": "UNODA"}, False),
    ],
    "unresolved": [({}, True)],
    "events-in": [
        ({"place": "Croatia"}, False),
        ({"place": "srb"}, False),
        ({"place": "Zagreb", "since": "2010-01-01"}, False),
        ({"since": "2013-01-01", "until": "2013-12-31"}, False),
        ({}, False),
    ],
}


def seed_store(path: Path) -> Any:
    """An Oxigraph store at `path` holding the seed notes as the loaders read them."""
    from seed_records import build_store, extracted_notes

    from graph.store import OxigraphStore

    return build_store(extracted_notes(NOTES), OxigraphStore(path))


def compute(name: str, target: Any) -> list[dict[str, Any]]:
    from queries.run import run_named

    return [
        {
            "params": params,
            "explain": explain,
            "rows": run_named(name, params, target, explain=explain),
        }
        for params, explain in CASES[name]
    ]


def golden_path(name: str) -> Path:
    return GOLDEN_DIR / f"{name}.json"


def load(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(golden_path(name).read_text(encoding="utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python tests/goldens.py", description=__doc__)
    ap.add_argument("--write", action="store_true", help="rewrite the golden files")
    args = ap.parse_args(argv)
    from queries.catalog import catalog

    missing = sorted(set(catalog()) - set(CASES))
    if missing:
        print(f"no golden cases for: {', '.join(missing)}", file=sys.stderr)
        return 1
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        store = seed_store(Path(tmp) / "store")
        for name in sorted(CASES):
            got = compute(name, store)
            if args.write:
                GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
                text = json.dumps(got, indent=1, ensure_ascii=False) + "\n"
                golden_path(name).write_text(text, encoding="utf-8")
            elif not golden_path(name).exists() or load(name) != got:
                changed.append(name)
        store.close()
    for name in changed:
        print(f"{name}: rows differ from {golden_path(name).relative_to(ROOT)}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
