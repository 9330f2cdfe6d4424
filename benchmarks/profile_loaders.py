"""Per-note CPU time of extraction (`loaders.read_note`), and where it goes.

    .venv/bin/python -m benchmarks.profile_loaders FOLDER [FOLDER ...] [--repeat 3] [--profile]
        [--top 25] [--dump out.json]

Reads every note under the folders with `loaders.read_note` and prints, per folder, the CPU time
per note (time.process_time: less disturbed than wall time by other processes on a busy machine)
as median, mean and p95 over notes (each note's time is the minimum over `--repeat` passes).
The first pass also warms the process-wide caches (gazetteer, tries), so that one-off cost is
printed apart (with the lazy import of rapidfuzz). Without folders: the bundled seeds (data/notes
and tests/notes). Use --repeat 1 for figures with process-wide caches warmed only by the notes
before (as in a build); more passes also let a note hit the caches it filled itself.

`--profile` runs one more pass under cProfile and prints the top functions by own and cumulative
time. `--dump FILE` writes every note's record (`Note.to_dict()`, paths relative to the folder)
as JSON, to compare the output of two versions byte for byte.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders import iter_note_paths, read_note  # noqa: E402
from loaders.names import resolve  # noqa: E402

__all__ = ["main", "time_folder"]

SEEDS = [ROOT / "data" / "notes", ROOT / "tests" / "notes"]


def _quantile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def time_folder(folder: Path, repeat: int) -> dict[str, Any]:
    """CPU seconds per note (minimum over `repeat` passes) for every note under `folder`."""
    paths = list(iter_note_paths(folder))
    best = [float("inf")] * len(paths)
    for _ in range(repeat):
        for i, p in enumerate(paths):
            t0 = time.process_time()
            read_note(p)
            best[i] = min(best[i], time.process_time() - t0)
    return {
        "folder": str(folder),
        "notes": len(paths),
        "median_ms": 1000 * statistics.median(best) if best else 0.0,
        "mean_ms": 1000 * statistics.fmean(best) if best else 0.0,
        "p95_ms": 1000 * _quantile(best, 0.95) if best else 0.0,
        "max_ms": 1000 * max(best) if best else 0.0,
    }


def dump(folders: list[Path], out: Path) -> int:
    records: dict[str, Any] = {}
    for folder in folders:
        for p in iter_note_paths(folder):
            d = read_note(p).to_dict()
            key = f"{folder.name}/{p.relative_to(folder)}"
            d["source"]["path"] = key
            d["error"] = d["error"].replace(str(p), key) if d["error"] else None
            records[key] = d
    out.write_text(
        json.dumps(records, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    return len(records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="passes per note; its minimum is kept")
    ap.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--dump", type=Path, help="write every record as JSON to this file")
    a = ap.parse_args(argv)
    folders = a.folders or SEEDS
    if a.dump:
        n = dump(folders, a.dump)
        print(f"wrote {n} records to {a.dump}")
        return 0
    t0 = time.process_time()
    for folder in SEEDS:  # the caches are built on the first note
        for p in list(iter_note_paths(folder))[:1]:
            read_note(p)
    # the fuzzy pass imports rapidfuzz on first use (~10 ms): not a cost of the note that needs it
    resolve("Warm-up Organisation for Nothing in Particular")
    print(f"warm-up (first note, caches, imports): {1000 * (time.process_time() - t0):.1f} ms CPU")
    print(f"{'folder':<40} {'notes':>6} {'median':>8} {'mean':>8} {'p95':>8} {'max':>8}  (ms CPU)")
    for folder in folders:
        r = time_folder(folder, a.repeat)
        print(
            f"{r['folder'][-40:]:<40} {r['notes']:>6} {r['median_ms']:>8.2f} {r['mean_ms']:>8.2f}"
            f" {r['p95_ms']:>8.2f} {r['max_ms']:>8.2f}"
        )
    if a.profile:
        prof = cProfile.Profile()
        prof.enable()
        for folder in folders:
            for p in iter_note_paths(folder):
                read_note(p)
        prof.disable()
        st = pstats.Stats(prof, stream=sys.stdout)
        st.sort_stats("tottime").print_stats(a.top)
        st.sort_stats("cumulative").print_stats(a.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
