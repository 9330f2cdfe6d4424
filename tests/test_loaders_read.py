"""Files, formats and encodings: bad input never raises, folders are walked once, hashes are of raw bytes."""

# ruff: noqa: E501  (test data reads better unwrapped)
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from loaders import extraction_report, iter_note_paths, parse_note, read_note, read_notes

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "notes"
GOOD = "Information Note\n\nEvent: Workshop on resolution 1540\nDate and Venue: 1-2 March 2015, Minsk, Belarus\n"


def test_bad_files_give_an_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "fake.pdf").write_text("this is not a PDF at all", encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    notes = {Path(n.source.path).name: n for n in read_notes([tmp_path])}
    assert set(notes) == {
        "binary.txt",
        "fake.pdf",
        "empty.md",
        "fake.docx",
        "broken.pdf",
        "good.txt",
    }
    for name, n in notes.items():
        if name == "good.txt":
            assert n.error is None and n.start_date == "2015-03-01"
            continue
        assert n.error is not None and name in n.error and "\n" not in n.error, name
    assert "binary file, not a text note" in (notes["binary.txt"].error or "")
    assert "not a PDF file" in (notes["fake.pdf"].error or "")
    assert "empty file" in (notes["empty.md"].error or "")
    report = extraction_report(notes.values())
    assert report["files"] == 6 and report["read"] == 1 and len(report["errors"]) == 5


def test_missing_file_is_an_error_not_an_exception(tmp_path: Path) -> None:
    n = read_note(tmp_path / "nope.txt")
    assert n.error and "nope.txt" in n.error


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = GOOD.replace("Workshop", "Workshop “Côte d’Ivoire” –")
    f = tmp_path / "note.txt"
    f.write_bytes(text.encode(encoding))
    n = read_note(f)
    assert n.error is None
    assert n.title == 'Workshop "Côte d\'Ivoire" – on resolution 1540'
    assert n.source.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()


def test_latin1_fallback(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_bytes(GOOD.replace("Minsk", "Mïnsk").encode("latin-1") + b"\x81")
    n = read_note(f)
    assert n.error is None and n.venue.city == "Mïnsk"


def test_iter_note_paths_sorted_unique_and_loop_safe(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "2.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a" / "1.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a" / "skip.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / "3.HTML").write_text("<p>" + GOOD + "</p>", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    os.symlink(tmp_path / "b" / "2.txt", tmp_path / "a" / "same.txt")
    paths = list(iter_note_paths([tmp_path, tmp_path / "b" / "2.txt"]))
    real = sorted(os.path.basename(os.path.realpath(p)) for p in paths)
    # the symlinked copy counts once, the loop is ignored
    assert real == ["1.md", "2.txt", "3.HTML"]
    assert paths == sorted(paths)


def test_seed_folder_reads_every_seed() -> None:
    notes = list(read_notes([SEEDS]))
    assert len(notes) == 5 and all(n.error is None for n in notes)
    report = extraction_report(notes)
    assert report["read"] == 5
    assert report["unresolved"][0]["count"] >= 1
    assert any("'Serbia Slovenia' read as two States" in w["warning"] for w in report["warnings"])


def test_parse_note_is_pure_and_tolerant() -> None:
    assert parse_note("").error is None
    n = parse_note("\x00\x01 garbage <<<>>> **", path="x")
    assert n.source.path == "x"
    n = parse_note(GOOD, sha256="abc")
    assert n.source.sha256 == "abc" and n.venue.country == "BLR"


@pytest.mark.parametrize("size", [0, 1, 99, 100, 101, 5000])
@pytest.mark.parametrize("limit", [None, 0, 1, 99, 100, 101, 20 * 1024 * 1024])
def test_read_bytes_stops_one_byte_past_the_limit(
    tmp_path: Path, size: int, limit: int | None
) -> None:
    from loaders.read import _read_bytes

    p = tmp_path / "f.txt"
    data = bytes(range(256)) * (size // 256 + 1)
    p.write_bytes(data[:size])
    assert _read_bytes(p, limit) == (data[:size] if limit is None else data[: min(size, limit + 1)])


def test_read_bytes_reads_past_a_stale_size() -> None:
    from loaders.read import _read_bytes

    status = Path("/proc/self/status")  # stat says 0 bytes; reading gives more
    if not status.exists():
        pytest.skip("no /proc")
    assert len(_read_bytes(status, 10)) == 11
    assert len(_read_bytes(status, 1 << 20)) > 11
