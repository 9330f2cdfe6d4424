"""The command line: every command explains itself; a mistake gives one line and an exit code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import notegraph

ROOT = Path(__file__).resolve().parent.parent


def _commands() -> dict[str, object]:
    _, subs = notegraph._parser()
    return subs


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        notegraph.main(["--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    for name in _commands():
        assert re.search(rf"^\s+{re.escape(name)}\s", out, re.M), f"{name} missing from --help"


@pytest.mark.parametrize("command", sorted(_commands()))
def test_every_command_help_explains_every_option(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as e:
        notegraph.main([command, "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    parser = _commands()[command]
    for action in parser._actions:  # type: ignore[attr-defined]
        if action.help == "==SUPPRESS==":
            continue
        assert action.help, f"{command}: option {action.option_strings or action.dest} has no help"
        for opt in action.option_strings:
            assert opt in out


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "notegraph.py"), "--store", str(tmp_path / "s"), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["build", "--no-such-option"], 2, "unrecognized arguments: --no-such-option"),
        (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
        (["extract", "does/not/exist.txt"], 2, "no such file or folder: does/not/exist.txt"),
        (["build", "does/not/exist"], 2, "no such file or folder: does/not/exist"),
        (["query", "no-such-query"], 2, "unknown query 'no-such-query'"),
        (["query", "co-attended"], 2, "needs --actor"),
        (["query", "co-attended", "--actor", "OSCE", "--colour", "red"], 2, "no parameter"),
        (["query", "co-attended", "--actor", "OSCE"], 1, "no store at"),
        # options only in full: "--de" was --depth until --debug came to every command
        (["viz", "--de", "2"], 2, "unrecognized arguments: --de 2"),
        (["build", "data/notes", "--no-comp"], 2, "unrecognized arguments: --no-comp"),
        (["query", "co-attended", "--act", "OSCE"], 2, "no parameter --act"),
    ],
)
def test_mistakes_give_one_line_and_an_exit_code(
    args: list[str], code: int, message: str, tmp_path: Path
) -> None:
    r = _run(args, tmp_path)
    assert r.returncode == code, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert message in lines[0]
    assert "Traceback" not in r.stderr


def test_store_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTEGRAPH_STORE", str(tmp_path / "envstore"))
    assert notegraph._store_path(notegraph._parser()[0].parse_args(["build"])) == (
        tmp_path / "envstore"
    )


def test_help_imports_no_heavy_library() -> None:
    """Start-up stays fast: `notegraph --help` loads none of the heavy libraries."""
    heavy = ("rdflib", "pyoxigraph", "networkx", "pyvis", "pypdf", "docx", "pycountry", "rich")
    code = (
        "import contextlib, io, sys, notegraph\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    notegraph.main(['--help'])\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("tokens", "params"),
    [
        (["--min-weight", "2"], {"min_weight": "2"}),
        (["--since=2010-01-01", "--flag"], {"since": "2010-01-01", "flag": "true"}),
        (["--flag", "--other", "x"], {"flag": "true", "other": "x"}),
    ],
)
def test_query_options_beyond_the_common_ones(tokens: list[str], params: dict[str, str]) -> None:
    from queries.params import parse_params

    assert parse_params(tokens) == params


def test_a_stray_word_after_a_query_is_a_usage_error(tmp_path: Path) -> None:
    r = _run(["query", "naps", "--min-weight", "2", "oops"], tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip() == "notegraph: unexpected argument 'oops'"


def test_summaries_print_as_key_value_lines() -> None:
    import io

    from queries.output import write_summary

    out = io.StringIO()
    write_summary({"files": 2, "actors": {"state": 3, "agency": 1}, "none": {}, "errors": ["a"]},
                  "table", out)  # fmt: skip
    assert out.getvalue() == "files: 2\nactors: agency 1, state 3\nnone: none\nerrors:\n  1: a\n"


def test_build_compacts_a_new_store_unless_told_not_to(tmp_path: Path) -> None:
    notes = ROOT / "data" / "notes"
    first = _run(["build", str(notes)], tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.rstrip().endswith("(compacted)")  # every graph was new
    same = _run(["build", str(notes), "--force"], tmp_path)  # re-read, rewritten: none
    assert same.returncode == 0 and not same.stdout.rstrip().endswith("(compacted)")
    other = tmp_path / "other"
    other.mkdir()
    r = subprocess.run(
        [sys.executable, str(ROOT / "notegraph.py"), "--store", str(other / "s"), "build"]
        + [str(notes), "--no-compact"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "quads in" in r.stdout and not r.stdout.rstrip().endswith("(compacted)")


# ---------------------------------------------------------------- global options after the command
# the fewest arguments each command parses with
MINIMAL = {
    "extract": ["x.txt"],
    "sparql": ["SELECT * {}"],
    "push": ["--update-endpoint", "http://127.0.0.1:1/update"],
    "query": ["co-attended"],
}


def _parse(argv: list[str]) -> notegraph.Args:
    args, extra = notegraph._parser()[0].parse_known_args(argv)
    assert extra == [], extra
    return args


@pytest.mark.parametrize("command", sorted(_commands()))
def test_global_options_work_after_every_command(command: str) -> None:
    tail = MINIMAL.get(command, [])
    before = _parse(["--store", "A", "--debug", "-q", command, *tail])
    after = _parse([command, *tail, "--store", "A", "--debug", "--quiet"])
    assert (after.store, after.debug, after.quiet) == ("A", True, True)
    assert vars(after) == vars(before)
    # left out after the command: the value before it, else the top-level default
    assert _parse(["--store", "A", command, *tail]).store == "A"
    plain = _parse([command, *tail])
    assert (plain.store, plain.debug, plain.quiet) == (None, False, False)
    # given on both sides: the one after the command wins
    both = _parse(["--store", "A", command, "--store", "B", *tail])
    assert both.store == "B"


@pytest.mark.parametrize("command", sorted(_commands()))
def test_command_help_shows_the_global_options_apart(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        notegraph.main([command, "--help"])
    out = capsys.readouterr().out
    assert out.count("global options") == 1
    own, shared = out.split("global options")
    assert "--store DIR" in shared and "--store DIR" not in own.split("\n\n", 1)[1]


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "notegraph.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_store_after_the_command_builds_and_queries_the_same_store(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    built = _cli(["build", str(ROOT / "data" / "notes"), "--store", store, "-q"], tmp_path)
    assert built.returncode == 0, built.stderr
    assert f"quads in {store}" in built.stdout
    assert not (tmp_path / ".notegraph").exists()  # not the default store
    csv = ["--format", "csv"]
    queries = [
        ["--store", store, "query", "co-attended", "--actor", "OSCE", *csv],
        ["query", "co-attended", "--actor", "OSCE", "--store", store, *csv],
        ["query", "co-attended", "--store", store, "--actor", "OSCE", *csv],
        ["--store", "nowhere", "query", "co-attended", "--actor", "OSCE", "--store", store, *csv],
    ]
    outs = []
    for args in queries:
        r = _cli(args, tmp_path)
        assert r.returncode == 0, (args, r.stderr)
        outs.append(r.stdout)
    assert outs[0].startswith("iso3,label,events") and outs[0].count("\n") > 2
    assert outs[1:] == outs[:1] * 3
    # a query's own parameters around a global option: still its parameters
    pairs = [
        ["--store", store, "query", "co-organizers", "--min-weight", "2", *csv],
        ["query", "co-organizers", "--min-weight", "2", "--store", store, *csv],
        ["query", "co-organizers", "--store", store, "--min-weight", "2", *csv],
    ]
    rows = [_cli(args, tmp_path) for args in pairs]
    assert all(r.returncode == 0 for r in rows), [r.stderr for r in rows]
    assert rows[0].stdout == rows[1].stdout == rows[2].stdout
    every = _cli(["query", "co-organizers", "--store", store, *csv], tmp_path)
    assert every.stdout != rows[0].stdout  # --min-weight 2 was applied, not dropped
    for command in (["stats"], ["validate"], ["export", "--format", "nquads"]):
        r = _cli([*command, "--store", store], tmp_path)
        assert r.returncode == 0, (command, r.stderr)
        assert r.stdout == _cli(["--store", store, *command], tmp_path).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["query", "co-attended", "--actor", "OSCE", "--store", "S", "--colour", "red"],
        ["query", "co-attended", "--store", "S", "--actor", "OSCE", "--colour", "red"],
        ["query", "co-attended", "--colour", "red", "--actor", "OSCE", "--store", "S"],
    ],
)
def test_an_unknown_query_parameter_beside_a_global_option_is_still_named(
    args: list[str], tmp_path: Path
) -> None:
    r = _cli(args, tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "notegraph: query 'co-attended' has no parameter --colour "
        "(its parameters: --actor, --include-planned)"
    )


def test_an_unknown_option_after_a_global_one_is_still_a_usage_error(tmp_path: Path) -> None:
    r = _cli(["build", "--store", "S", "--no-such-option"], tmp_path)
    assert r.returncode == 2
    assert "unrecognized arguments: --no-such-option" in r.stderr
    assert not (tmp_path / "S").exists()


class _Terminal:
    """A stand-in stderr that says it is a terminal."""

    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize(
    ("tty", "quiet", "spinner"), [(True, False, True), (True, True, False), (False, False, False)]
)
def test_status_spinner_only_on_a_terminal_and_not_quiet(
    monkeypatch: pytest.MonkeyPatch, tty: bool, quiet: bool, spinner: bool
) -> None:
    from rich.status import Status

    monkeypatch.setattr(sys, "stderr", _Terminal(tty))
    status = notegraph._status("working", quiet=quiet)
    assert isinstance(status, Status) is spinner
