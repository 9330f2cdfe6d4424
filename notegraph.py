"""notegraph: a knowledge graph of WMD non-proliferation outreach events, from their notes.

The command line is thin: each command declares its options and calls library functions in
loaders/, graph/, queries/, viz/. Errors become one line on stderr and an exit code (1 failure,
2 usage); --debug shows tracebacks. Heavy libraries are imported inside the commands that need
them, so start-up stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from queries.output import FORMATS
from viz.views import VIEWS

__all__ = ["main"]

PROG = "notegraph"
Args = argparse.Namespace
Handler = Callable[[Args], int]
Option = tuple[tuple[str, ...], dict[str, Any]]


def opt(spec: str, help: str, **kw: Any) -> Option:
    """An argument, spelt as --help shows it: "--jobs N" is the option --jobs with the metavar
    N, "-q --quiet" one option spelt two ways, "name" a positional argument."""
    *flags, last = spec.split()
    if flags and not last.startswith("-"):
        kw["metavar"] = last
    else:
        flags.append(last)
    return tuple(flags), {"help": help, **kw}


def flag(spec: str, help: str) -> Option:
    """An option that takes no value: true when given."""
    return opt(spec, help, action="store_true")


def many(spec: str, help: str) -> Option:
    """A repeatable option: the list of its values."""
    return opt(spec, help, action="append", default=[])


class Command(NamedTuple):
    summary: str
    options: tuple[Option, ...]
    run: Handler
    params: bool  # takes a named query's own options (--NAME VALUE), as args.params


COMMANDS: dict[str, Command] = {}


def command(summary: str, *options: Option, params: bool = False) -> Callable[[Handler], Handler]:
    """Register `cmd_NAME` as `notegraph NAME` (listed in the order of definition)."""

    def register(run: Handler) -> Handler:
        COMMANDS[run.__name__.removeprefix("cmd_")] = Command(summary, options, run, params)
        return run

    return register


def _iso_date(value: str) -> str:
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {value!r}") from None


# ---------------------------------------------------------------- options shared by commands
GLOBAL = (  # accepted before the command and after it (see _parser)
    opt("--store DIR", "store directory (default: $NOTEGRAPH_STORE or ./.notegraph)"),
    flag("--debug", "show tracebacks for errors"),
    flag("-q --quiet", "no progress bars or status lines"),
)
GLOBAL_TITLE = "global options (before or after COMMAND)"


def _timeout(default: float, help: str) -> Option:
    return opt("--timeout S", help, type=float, default=default)


AUTH = (
    opt("--user NAME", "HTTP basic auth user (or $NOTEGRAPH_ENDPOINT_USER)"),
    opt(
        "--password PW", "HTTP basic auth password (prefer $NOTEGRAPH_ENDPOINT_PASSWORD: not in ps)"
    ),
    opt("--ca-bundle FILE", "PEM file of CA certificates to trust for https"),
)
SOURCE = (  # where query, sparql and viz read: the store, or a remote endpoint
    opt("--endpoint URL", "query a remote SPARQL 1.1 endpoint instead of the store"),
    _timeout(30.0, "give up on a query after S seconds, local store or remote (default 30)"),
    *AUTH,
)
OUTPUT = (
    opt("--format", "output format (default table)", choices=FORMATS, default="table"),
    opt("--columns A,B", "only these columns, in this order (table and csv)"),
    *SOURCE,
)
LIMITS = (
    opt(
        "--max-file-size SIZE",
        "skip larger files unread (e.g. 20MB, 500KB; default $NOTEGRAPH_MAX_FILE_SIZE, 20MB)",
    ),
    opt(
        "--time-limit S",
        "stop extracting a file after S seconds (default $NOTEGRAPH_TIME_LIMIT or 60)",
        type=float,
    ),
)


# ---------------------------------------------------------------- helpers of the edge
def _err(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr)


def _file_errors(failed: Iterable[tuple[str, str]]) -> None:
    """One line per file that failed, naming it once (loader errors start with the path)."""
    for path, error in failed:
        _err(error if error.startswith(f"{path}: ") else f"{path}: {error}")


def _check_paths(paths: Sequence[str]) -> None:
    from ontology.errors import UsageError

    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")


def _words(*values: str | None) -> list[str]:
    """Comma-separated option values as one list: ("a, b", "c") -> ["a", "b", "c"]."""
    return [w.strip() for v in values if v for w in v.split(",") if w.strip()]


def _store_path(args: Args) -> Path:
    from graph.store import default_store_path

    return Path(args.store) if args.store else default_store_path()


def _open_store(args: Args, *, read_only: bool = False) -> Any:
    from graph.store import open_store

    return open_store(_store_path(args), read_only=read_only)


def _pick(args: Args, *names: str) -> dict[str, Any]:
    """These options, passed on as they are."""
    return {name: getattr(args, name) for name in names}


REMOTE = ("timeout", "user", "password", "ca_bundle")  # credentials: else $NOTEGRAPH_ENDPOINT_...


def _target(args: Args) -> Any:
    from graph.target import open_target

    return open_target(_store_path(args), args.endpoint, **_pick(args, *REMOTE))


def _limits(args: Args) -> dict[str, Any]:
    """--max-file-size / --time-limit, else NOTEGRAPH_MAX_FILE_SIZE / NOTEGRAPH_TIME_LIMIT."""
    from loaders.limits import env_max_file_size, env_time_limit, parse_size

    size = parse_size(args.max_file_size) if args.max_file_size else env_max_file_size()
    return {"max_bytes": size, "time_limit": args.time_limit or env_time_limit()}


def _progress(total: int, label: str, *, quiet: bool) -> Callable[[object], None]:
    """A progress bar on stderr for long work (only on a terminal): call with each item done,
    with a str to name the step after the items, with None to finish."""
    if quiet or total < 20 or not sys.stderr.isatty():
        return lambda item: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    bar.start()
    task = bar.add_task(label, total=total)

    def step(item: object) -> None:
        if item is None:
            bar.stop()
        elif isinstance(item, str):
            bar.update(task, description=item)
        else:
            bar.advance(task)

    return step


def _status(message: str, *, quiet: bool) -> Any:
    """A spinner with a message on stderr while slow work runs (only on a terminal)."""
    if quiet or not sys.stderr.isatty():
        from contextlib import nullcontext

        return nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(message)


# ---------------------------------------------------------------- the commands
@command(
    "read notes and print what was extracted, without touching the store",
    opt("paths", "note files or folders (.txt .md .html .pdf .docx)", nargs="+", metavar="PATH"),
    opt("--format", "output format (default json)", choices=("json", "table"), default="json"),
    flag("--report", "summarise: files read, warnings, unresolved names"),
    *LIMITS,
)
def cmd_extract(args: Args) -> int:
    _check_paths(args.paths)
    from loaders import extraction_report, read_notes
    from queries.output import write_rows, write_summary

    notes = list(read_notes(args.paths, **_limits(args)))
    failed = [(n.source.path, n.error) for n in notes if n.error]
    _file_errors(failed)
    if args.report:
        write_summary(extraction_report(notes), args.format, sys.stdout)
    else:
        write_rows([n.to_dict() for n in notes], "json", sys.stdout)
    return 1 if failed else 0


@command(
    "extract notes and load them into the store, one named graph per note",
    opt("paths", "note files or folders", nargs="*", metavar="PATH"),
    many("--remove PATH", "drop this note's graph (repeatable)"),
    opt("--jobs N", "extract notes in N processes (default: the number of cores)", type=int),
    flag(
        "--force",
        "re-read and re-map every note; by default a note whose file (SHA-256) and "
        "extractor are unchanged since the last build is skipped without being read",
    ),
    flag(
        "--no-compact",
        "do not compact the store after a build that rewrote a quarter of it or more: "
        "a faster build (100k notes: 364 s, not 447), slower queries (10k notes: up to "
        "1.5x the time) and a bigger store",
    ),
    *LIMITS,
)
def cmd_build(args: Args) -> int:
    if args.paths:
        _check_paths(args.paths)
    from graph.build import build_files, remove_notes
    from loaders import iter_note_paths

    store = _open_store(args)
    if args.remove:
        removed = remove_notes(store, args.remove)
        for p in args.remove:
            if not any(g.endswith("/" + Path(p).stem) for g in removed):
                _err(f"{p}: no such note in the store (nothing removed)")
        print(f"removed {len(removed)} note graph(s)")
        if not args.paths:
            return 0 if len(removed) == len(args.remove) else 1
    paths = list(iter_note_paths(args.paths))
    progress = _progress(len(paths), "building", quiet=args.quiet)
    limits = _limits(args)
    s = build_files(
        store,
        paths,
        jobs=args.jobs,
        force=args.force,
        read_options=limits,
        on_note=progress,
        on_stage=progress,
        compact=not args.no_compact,
    )
    progress(None)
    # flushes what was written: unflushed, every read-only open (query, viz) replays the
    # write-ahead log (~45 s at 10k notes)
    store.close()
    _file_errors(s.failed)
    print(
        f"{s.notes} notes ({s.added} added, {s.updated} updated, {s.unchanged} unchanged, "
        f"{len(s.failed)} failed); {s.events} events, {s.actors} actors, "
        f"{sum(s.unresolved.values())} unresolved names, {s.warnings} warnings; "
        f"{s.quads} quads in {_store_path(args)}" + (" (compacted)" if s.compacted else "")
    )
    return 1 if s.failed else 0


@command(
    "run a named question from the catalogue (see --list)",
    opt("name", "query name, e.g. co-attended", nargs="?", metavar="NAME"),
    flag("--list", "list the named queries and their parameters"),
    opt("--actor X", "actor name or acronym, e.g. OSCE"),
    flag("--include-planned", "also count planned events"),
    flag("--explain", "add the events and evidence (note, line, quote) behind each row"),
    *OUTPUT,
    params=True,
)
def cmd_query(args: Args) -> int:
    from ontology.errors import UsageError
    from queries.catalog import get_query, listing
    from queries.output import write_rows
    from queries.params import parse_params
    from queries.run import run_query

    if args.list:
        print(listing())
        return 0
    if not args.name:
        raise UsageError("name a query (see 'notegraph query --list')")
    spec = get_query(args.name)
    params: dict[str, Any] = {} if args.actor is None else {"actor": args.actor}
    if args.include_planned:
        params["include_planned"] = True
    params.update(parse_params(args.params))
    spec.bind(params)  # a wrong parameter is a usage error before any store is opened
    target = _target(args)
    if args.explain:  # seconds to minutes on a big store: every claim behind every row
        with _status(f"{spec.name}: finding the evidence behind each row", quiet=args.quiet):
            rows = run_query(spec, params, target, explain=True)
    else:
        rows = run_query(spec, params, target)
    write_rows(rows, args.format, sys.stdout, title=spec.title, columns=_words(args.columns))
    return 0


@command(
    "run any SPARQL SELECT query on the store or an endpoint",
    opt("query", "the query text, a .rq file, or - for stdin", metavar="QUERY"),
    flag("--short", "show notegraph IRIs as short ids (state/BLR)"),
    flag("--update", "allow a SPARQL update (INSERT, DELETE, DROP...) on the local store"),
    *OUTPUT,
)
def cmd_sparql(args: Args) -> int:
    from ontology.errors import UsageError
    from queries.adhoc import read_query, run_select, run_update
    from queries.output import write_rows

    text = read_query(args.query, update=args.update)
    if not args.update:
        rows = run_select(_target(args), text, short=args.short)
        write_rows(rows, args.format, sys.stdout, columns=_words(args.columns))
        return 0
    if args.endpoint:
        raise UsageError("--update works on the local store only (not with --endpoint)")
    before, after = run_update(_open_store(args), text)
    print(f"update done: {before} -> {after} quads in {_store_path(args)}")
    return 0


@command(
    "write the interactive network as one offline HTML file",
    opt("--out FILE", "output file (default out/network.html)", default="out/network.html"),
    opt("--view", "which network (default full)", choices=VIEWS, default="full"),
    opt("--actor X", "the actor for co-attendance and ego views, e.g. OSCE"),
    flag("--include-planned", "also include planned events"),
    opt("--depth N", "ego view: N events away (default 1)", type=int, default=1),
    opt("--since YYYY-MM-DD", "only events from then", type=_iso_date),
    opt("--until YYYY-MM-DD", "only events until then", type=_iso_date),
    many(
        "--event-type TYPE",
        "only these event types (workshop, training, consultation, ...; repeatable)",
    ),
    many(
        "--region REGION",
        "only States of this UN region (Africa, Americas, Asia, Europe, Oceania; repeatable)",
    ),
    many(
        "--role ROLE",
        "only links with this role (organizer, host, supporter, participant, ...; repeatable)",
    ),
    opt("--max-nodes N", "beyond N nodes show the top N by centrality", type=int, default=1500),
    *SOURCE,
)
def cmd_viz(args: Args) -> int:
    from viz.views import Filters, render_view

    filters = Filters(
        since=args.since,
        until=args.until,
        event_types=frozenset(_words(*args.event_type)),
        regions=frozenset(_words(*args.region)),
        roles=frozenset(_words(*args.role)),
    )
    passed = _pick(args, "view", "actor", "depth", "include_planned", "max_nodes")
    info = render_view(_target(args), out=Path(args.out), filters=filters, **passed)
    print(info.line())
    return 0


@command(
    "upload the store's named graphs to a SPARQL 1.1 server (only changed ones)",
    opt(
        "--update-endpoint URL",
        "SPARQL Update URL (Oxigraph .../update, Fuseki .../DATASET/update)",
        required=True,
    ),
    opt(
        "--gsp-endpoint URL",
        "also use the Graph Store Protocol (Oxigraph .../store, Fuseki .../DATASET/data)",
    ),
    opt(
        "--endpoint URL",
        "the query URL (default: the update URL ending in /query instead of /update)",
    ),
    flag(
        "--prune",
        "also drop graphs notegraph pushed before that the local store no longer has "
        "(notes removed locally); other graphs on the server are never touched",
    ),
    _timeout(60.0, "per-request timeout (default 60)"),
    *AUTH,
)
def cmd_push(args: Args) -> int:
    from graph.push import push
    from graph.target import open_remote

    urls = _pick(args, "endpoint", "gsp_endpoint")
    remote = open_remote(args.update_endpoint, **urls, **_pick(args, *REMOTE))
    store = _open_store(args, read_only=True)
    progress = _progress(len(store.named_graphs()), "pushing", quiet=args.quiet)
    s = push(store, remote, use_gsp=bool(args.gsp_endpoint), on_graph=progress, prune=args.prune)
    progress(None)
    print(s.line(prune=args.prune))
    return 0


@command(
    "a local SPARQL endpoint with a query page over the store (Ctrl-C stops)",
    opt("--port N", "port (default 7878)", type=int, default=7878),
    opt("--bind ADDR", "address (default 127.0.0.1)", default="127.0.0.1"),
    flag("--writable", "serve the store itself and accept updates (default: a read-only snapshot)"),
)
def cmd_serve(args: Args) -> int:
    from graph.serve import Server, serve

    def announce(server: Server) -> None:
        print(server.banner(_store_path(args), writable=args.writable), flush=True)

    path = _store_path(args)
    serve(path, port=args.port, bind=args.bind, writable=args.writable, announce=announce)
    return 0


@command(
    "check the store against the SHACL shapes (exit 1 on any violation)",
    many("--graph NOTE", "only this note's graph (file name, stem or IRI; repeatable)"),
    flag("--warnings", "also list warnings"),
)
def cmd_validate(args: Args) -> int:
    from graph.export import resolve_graph
    from graph.validate import validate_store

    store = _open_store(args, read_only=True)
    report = validate_store(store, [resolve_graph(store, g) for g in args.graph] or None)
    print(report.text(warnings=args.warnings))
    return 0 if report.conforms else 1


@command(
    "write the store as RDF (trig, nquads, turtle, jsonld) or a network",
    opt(
        "--format",
        "trig|nquads|turtle|jsonld, or graphml|gexf for the actor-event network (default trig)",
        choices=("trig", "nquads", "turtle", "jsonld", "graphml", "gexf"),
        default="trig",
    ),
    opt("--out FILE", "output file (default: standard output)"),
    opt("--graph NOTE", "only this note's graph (RDF formats)"),
)
def cmd_export(args: Args) -> int:
    from graph.export import export

    store = _open_store(args, read_only=True)
    if not args.out:
        export(store, args.format, sys.stdout.buffer, graph=args.graph)
        sys.stdout.flush()
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        export(store, args.format, fh, graph=args.graph)
    print(f"wrote {out} ({args.format})", file=sys.stderr)
    return 0


@command(
    "check Python, packages, the store, chromium, the endpoint; say what to fix",
    opt("--endpoint URL", "also check this SPARQL endpoint (or $NOTEGRAPH_ENDPOINT)"),
    _timeout(10.0, "endpoint timeout (default 10)"),
)
def cmd_doctor(args: Args) -> int:
    from graph.doctor import run_checks

    endpoint = args.endpoint or os.environ.get("NOTEGRAPH_ENDPOINT")
    checks = run_checks(_store_path(args), endpoint=endpoint, timeout=args.timeout)
    for c in checks:
        print(c.line())
    failed = [c for c in checks if c.required and not c.ok]
    print(f"{len(checks)} checks: " + (f"{len(failed)} failed" if failed else "ready"))
    return 1 if failed else 0


@command(
    "count quads, graphs, notes, events by status, actors by kind",
    opt("--format", "output format", choices=("table", "json"), default="table"),
)
def cmd_stats(args: Args) -> int:
    from graph.export import stats
    from queries.output import write_summary

    write_summary(stats(_open_store(args, read_only=True)), args.format, sys.stdout)
    return 0


# ---------------------------------------------------------------- the edge
class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2, and takes options only
    as written in full: a prefix that fits an option today may fit two after the next release."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    p = _Parser(
        prog=PROG,
        description=__doc__.splitlines()[0] if __doc__ else PROG,
        epilog="Run 'notegraph COMMAND --help' for a command's options. "
        "Exit codes: 0 ok, 1 some input failed, 2 usage error.",
    )
    top = p.add_argument_group(GLOBAL_TITLE)
    for flags, kw in GLOBAL:
        top.add_argument(*flags, **kw)
    # The same options after the command too (`notegraph build data/notes --store X`). With no
    # default there, an option left out after the command keeps the value before it (or the
    # default), and one given after it wins.
    shared = _Parser(add_help=False)
    after = shared.add_argument_group(GLOBAL_TITLE)
    for flags, kw in GLOBAL:
        after.add_argument(*flags, **{**kw, "default": argparse.SUPPRESS})
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subs: dict[str, argparse.ArgumentParser] = {}
    for name, c in COMMANDS.items():
        subs[name] = sub.add_parser(name, help=c.summary, description=c.summary, parents=[shared])
        for flags, kw in c.options:
            subs[name].add_argument(*flags, **kw)
    return p, subs


def main(argv: Sequence[str] | None = None) -> int:
    parser, subs = _parser()
    args, extra = parser.parse_known_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    cmd = COMMANDS[args.command]
    if extra and not cmd.params:
        subs[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    args.params = extra
    from ontology.errors import NotegraphError

    try:
        return cmd.run(args)
    except NotegraphError as e:
        if args.debug:
            raise
        _err(str(e))
        return e.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # the edge: anything unexpected is still one line, unless --debug
        if args.debug:
            raise
        _err(f"unexpected error: {type(e).__name__}: {e} (run with --debug for details)")
        return 1


if __name__ == "__main__":
    sys.exit(main())
