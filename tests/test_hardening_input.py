"""Hostile input (issue 9): a corpus of bad files beside good notes. extract, build and viz keep
every good note, name every bad file once on stderr with its reason, exit 1, and never show a
traceback; the size and time limits protect the machine; injected names are text in the browser."""

from __future__ import annotations

import json
import os
import shutil
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import notegraph
from loaders.read import read_note
from ontology.iris import ID

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "notes").glob("*.txt"))
BIG = 25 * 1024 * 1024
HOSTILE = {
    "hostile_script.txt": "<script>alert(1)</script>",
    "hostile_img.txt": "<img src=x onerror=alert(1)>",
    "hostile_quotes.txt": "\"';-- }]>",
    "hostile_open.txt": "<script Studies",
    "hostile_attr.txt": '"><img src=x onerror=alert(1)> Studies',
    "hostile_comment.txt": "'\"--> Studies",
}
HOSTILE_NOTE = """**Event** Workshop on resolution 1540 (2004)

Date and Venue 15-17 January {year}, Minsk, Belarus

Organizers Organization for Security and Co-operation in Europe (OSCE)

Participants States: Armenia, Azerbaijan

Other: Agency {name}, Customs Service
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Good notes (seeds, UTF-16, Latin-1, hostile names) and bad files; each bad file's reason."""
    d = tmp_path_factory.mktemp("hostile") / "corpus"
    d.mkdir()
    good: list[Path] = []
    for i, seed in enumerate(SEEDS[:2]):
        good.append(d / f"good{i}.txt")
        shutil.copy(seed, good[-1])
    text = SEEDS[2].read_text(encoding="utf-8")
    (d / "utf16.txt").write_bytes(text.encode("utf-16"))
    latin1 = SEEDS[3].read_text(encoding="utf-8").encode("latin-1", "replace")
    (d / "latin1.txt").write_bytes(latin1)
    good += [d / "utf16.txt", d / "latin1.txt"]
    for year, (fn, name) in enumerate(HOSTILE.items(), 2014):  # one event each
        (d / fn).write_text(HOSTILE_NOTE.format(name=name, year=year), encoding="utf-8")
        good.append(d / fn)
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_bytes(b"  \n\t\n")
    (d / "fake.pdf").write_bytes(b"%PDF-1.4\nthis is no PDF at all\n")
    (d / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with open(d / "huge.txt", "wb") as fh:  # 25 MB, written once per module
        fh.write((b"Participants: Belarus, Armenia. " * 32768) * 25)
    loop = d / "sub"
    loop.mkdir()
    (loop / "back").symlink_to(d, target_is_directory=True)  # a directory symlink loop
    bad = {
        d / "binary.txt": "binary file, not a text note",
        d / "empty.txt": "empty file",
        d / "blank.md": "empty file",
        d / "fake.pdf": "damaged PDF file (cannot read its text layer: PdfStreamError)",
        d / "fake.docx": "not a DOCX file (not a zip archive)",
        d / "huge.txt": "skipped: the file is 25.0 MB (26214400 bytes), over the 20.0 MB limit "
        "(raise it with --max-file-size or NOTEGRAPH_MAX_FILE_SIZE)",
    }
    return {"dir": d, "good": good, "bad": bad}


def _lines(err: str) -> list[str]:
    return [ln for ln in err.splitlines() if ln]


def _assert_bad_files_named(err: str, bad: dict[Path, str]) -> None:
    assert "Traceback" not in err
    lines = _lines(err)
    for path, reason in bad.items():
        expected = f"notegraph: {path}: {reason}"
        assert lines.count(expected) == 1, (expected, lines)
    assert len(lines) == len(bad), lines


def test_extract_keeps_good_notes_and_names_each_bad_file(
    corpus: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert notegraph.main(["extract", str(corpus["dir"])]) == 1
    out, err = capsys.readouterr()
    _assert_bad_files_named(err, corpus["bad"])
    records = {r["source"]["path"]: r for r in json.loads(out)}
    for p in corpus["good"]:
        r = records[str(p)]
        assert not r.get("error"), r
        assert r["actors"], p  # the note was read, not just listed
    assert len(records) == len(corpus["good"]) + len(corpus["bad"])  # the loop adds nothing


def test_build_keeps_good_notes(
    corpus: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.store import OxigraphStore

    store = tmp_path / "store"
    assert notegraph.main(["--store", str(store), "build", str(corpus["dir"])]) == 1
    out, err = capsys.readouterr()
    _assert_bad_files_named(err, corpus["bad"])
    assert f"{len(corpus['good']) + len(corpus['bad'])} notes ({len(corpus['good'])} added" in out
    s = OxigraphStore(store, read_only=True)
    graphs = set(s.named_graphs())
    s.close()
    assert {ID + "graph/" + p.stem for p in corpus["good"]} <= graphs
    assert not any(p.stem in g for g in graphs for p in corpus["bad"])


def test_size_limit_is_checked_before_reading(corpus: dict[str, Any]) -> None:
    huge = corpus["dir"] / "huge.txt"
    tracemalloc.start()
    try:
        note = read_note(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert note.error == f"{huge}: {corpus['bad'][huge]}"
    assert peak < 1024 * 1024, peak  # the 25 MB were never read into memory


def test_size_limit_option_and_environment(
    corpus: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = corpus["good"][0]
    size = good.stat().st_size
    reason = (
        f"notegraph: {good}: skipped: the file is {size / 1024:.1f} KB ({size} bytes), over the "
        "1.0 KB limit (raise it with --max-file-size or NOTEGRAPH_MAX_FILE_SIZE)"
    )
    assert notegraph.main(["extract", "--max-file-size", "1KB", str(good)]) == 1
    assert _lines(capsys.readouterr().err) == [reason]
    monkeypatch.setenv("NOTEGRAPH_MAX_FILE_SIZE", "1k")
    assert notegraph.main(["extract", str(good)]) == 1
    assert _lines(capsys.readouterr().err) == [reason]
    assert notegraph.main(["extract", "--max-file-size", "1MB", str(good)]) == 0  # option wins
    assert notegraph.main(["extract", "--max-file-size", "lots", str(good)]) == 2
    assert _lines(capsys.readouterr().err) == [
        "notegraph: not a file size: 'lots' (use e.g. 20MB, 500KB or a number of bytes)"
    ]


def test_time_limit_stops_a_pathological_note(
    corpus: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import loaders.read

    real_parse = loaders.read.parse_note

    def pathological(text: str, **kwargs: Any) -> Any:
        """Stands in for a text that sends some pattern into endless backtracking."""
        if text.startswith("PATHOLOGICAL"):
            while True:
                time.sleep(0.01)
        return real_parse(text, **kwargs)

    monkeypatch.setattr(loaders.read, "parse_note", pathological)
    slow = tmp_path / "slow.txt"
    slow.write_text("PATHOLOGICAL\nParticipants: Belarus\n", encoding="utf-8")
    good = corpus["good"][0]
    t0 = time.monotonic()
    assert notegraph.main(["extract", "--time-limit", "1", str(slow), str(good)]) == 1
    assert time.monotonic() - t0 < 15
    out, err = capsys.readouterr()
    assert _lines(err) == [
        f"notegraph: {slow}: skipped: extraction took longer than 1 s (a pathological text?); "
        "raise the limit with --time-limit or NOTEGRAPH_TIME_LIMIT"
    ]
    assert [r["source"]["path"] for r in json.loads(out) if not r.get("error")] == [str(good)]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root reading (see the simulated case)",
)
def test_unreadable_file_real_permissions(
    corpus: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.txt"
    shutil.copy(corpus["good"][0], locked)
    locked.chmod(0)
    try:
        assert notegraph.main(["extract", str(locked)]) == 1
    finally:
        locked.chmod(0o600)
    assert _lines(capsys.readouterr().err) == [
        f"notegraph: {locked}: cannot read file (Permission denied)"
    ]


def test_unreadable_file_simulated(
    corpus: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import loaders.read

    locked = tmp_path / "locked.txt"
    shutil.copy(corpus["good"][0], locked)
    real = loaders.read._read_bytes

    def deny(p: Path, limit: int | None) -> bytes:
        if p == locked:
            raise PermissionError(13, "Permission denied", str(p))
        return real(p, limit)

    monkeypatch.setattr(loaders.read, "_read_bytes", deny)
    good = corpus["good"][1]
    assert notegraph.main(["extract", str(locked), str(good)]) == 1
    out, err = capsys.readouterr()
    assert _lines(err) == [f"notegraph: {locked}: cannot read file (Permission denied)"]
    assert [r["source"]["path"] for r in json.loads(out) if not r.get("error")] == [str(good)]


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Debian's chromium at {CHROMIUM}")
def test_viz_shows_injected_names_as_text(
    corpus: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from playwright.sync_api import sync_playwright

    store, page_path = tmp_path / "store", tmp_path / "net.html"
    hostile = [corpus["dir"] / fn for fn in HOSTILE]
    notegraph.main(["extract", *map(str, hostile)])
    records = json.loads(capsys.readouterr().out)
    names = {a["id"]: a["name"] for r in records for a in r["actors"] if a["kind"] == "unresolved"}
    injected = {i: n for i, n in names.items() if set(n) & set("<>\"'")}
    assert "Agency <script Studies" in injected.values(), names  # markup reaches the graph
    assert len(injected) >= 2, names
    assert notegraph.main(["--store", str(store), "build", str(corpus["dir"])]) == 1
    assert notegraph.main(["--store", str(store), "viz", "--out", str(page_path)]) == 0
    capsys.readouterr()
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page()

            def dialog(d: Any) -> None:
                dialogs.append(d.message)
                d.dismiss()

            page.on("dialog", dialog)
            page.goto(page_path.resolve().as_uri())
            page.wait_for_function("() => window.notegraph && window.notegraph.ready")
            for node, name in injected.items():
                assert page.evaluate("(id) => window.notegraph.select(id)", node), node
                assert page.inner_text("#evidence h2") == name
            assert page.evaluate("() => document.querySelectorAll('img').length") == 0
            assert page.evaluate("() => document.querySelectorAll('script').length") == 3
        finally:
            browser.close()
    assert dialogs == []
