"""notegraph: a knowledge graph of WMD non-proliferation outreach events, from their notes.

The command line is thin: every command calls library functions in loaders/, graph/, queries/, viz/.
Errors become one line on stderr and an exit code (1 failure, 2 usage); --debug shows tracebacks.
Heavy libraries are imported inside the commands that need them, so start-up stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

__all__ = ["main"]

PROG = "notegraph"
FORMATS = ("table", "csv", "json")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


class Failed(Exception):
    """Some input failed but the rest was processed: exit 1 after printing the output."""


def _store_path(args: argparse.Namespace) -> Path:
    return Path(args.store or os.environ.get("NOTEGRAPH_STORE") or ".notegraph")


def _open_store(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    from graph.store import open_store

    return open_store(_store_path(args), read_only=read_only)


def _err(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr)


def _check_paths(paths: Sequence[str]) -> None:
    from ontology.errors import UsageError

    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")


# ---------------------------------------------------------------- extract
def cmd_extract(args: argparse.Namespace) -> int:
    import json

    _check_paths(args.paths)
    from loaders import extraction_report, read_notes

    notes = list(read_notes(args.paths, **_limits(args)))
    for n in notes:
        if n.error:
            _err(_file_error(n.source.path, n.error))
    if args.report:
        report = extraction_report(notes)
        if args.format == "json":
            json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
            print()
        else:
            _print_report(report)
    else:
        json.dump([n.to_dict() for n in notes], sys.stdout, indent=2, ensure_ascii=False)
        print()
    return 1 if any(n.error for n in notes) else 0


def _limits(args: argparse.Namespace) -> dict[str, Any]:
    """--max-file-size / --time-limit, else NOTEGRAPH_MAX_FILE_SIZE / NOTEGRAPH_TIME_LIMIT."""
    from loaders.limits import env_max_file_size, env_time_limit, parse_size

    size = parse_size(args.max_file_size) if args.max_file_size else env_max_file_size()
    return {"max_bytes": size, "time_limit": args.time_limit or env_time_limit()}


def _file_error(path: str, error: str) -> str:
    """One line naming the file once (loader errors already start with the path)."""
    return error if error.startswith(f"{path}: ") else f"{path}: {error}"


def _print_report(report: dict[str, Any]) -> None:
    for key, value in report.items():
        if isinstance(value, list | dict):
            print(f"{key}:")
            items = value.items() if isinstance(value, dict) else enumerate(value, 1)
            for k, v in items:
                print(f"  {k}: {v}")
        else:
            print(f"{key}: {value}")


# ---------------------------------------------------------------- build
def cmd_build(args: argparse.Namespace) -> int:
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
    summary = build_files(
        store,
        paths,
        jobs=args.jobs,
        read_options=limits,
        on_note=lambda n: progress(n.source.path),
        force=args.force,
    )
    progress(None)
    # flushes what was written: unflushed, every read-only open (query, viz) replays the
    # write-ahead log (~45 s at 10k notes)
    store.close()
    for path, error in summary.failed:
        _err(_file_error(path, error))
    s = summary
    print(
        f"{s.notes} notes ({s.added} added, {s.updated} updated, {s.unchanged} unchanged, "
        f"{len(s.failed)} failed); {s.events} events, {s.actors} actors, "
        f"{sum(s.unresolved.values())} unresolved names, {s.warnings} warnings; "
        f"{s.quads} quads in {_store_path(args)}"
    )
    return 1 if s.failed else 0


def _progress(total: int, label: str, *, quiet: bool) -> Any:
    """A progress bar on stderr for long work (only on a terminal); call with None to finish."""
    if quiet or total < 20 or not sys.stderr.isatty():
        return lambda item: None
    from rich.progress import Progress

    bar = Progress(transient=True)
    bar.start()
    task = bar.add_task(label, total=total)

    def step(item: object) -> None:
        if item is None:
            bar.stop()
        else:
            bar.advance(task)

    return step


# ---------------------------------------------------------------- validate / export / stats
def cmd_validate(args: argparse.Namespace) -> int:
    from graph.export import _graph_iri
    from graph.validate import validate_store

    store = _open_store(args, read_only=True)
    graphs = [_graph_iri(store, g) for g in args.graph] or None
    report = validate_store(store, graphs)
    shown = report.findings if args.warnings else report.violations
    for f in sorted(shown):
        print(f.line())
    print(
        f"{report.graphs} graphs checked: {len(report.violations)} violations, "
        f"{len(report.warnings)} warnings" + ("" if args.warnings else " (--warnings shows them)")
    )
    return 0 if report.conforms else 1


def cmd_export(args: argparse.Namespace) -> int:
    from graph.export import export

    store = _open_store(args, read_only=True)
    if args.out:
        out_path = Path(args.out)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("wb") as fh:
            export(store, args.format, fh, graph=args.graph)
        print(f"wrote {out_path} ({args.format})", file=sys.stderr)
    else:
        export(store, args.format, sys.stdout.buffer, graph=args.graph)
        sys.stdout.flush()
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    import json

    from graph.export import stats

    s = stats(_open_store(args, read_only=True))
    if args.format == "json":
        print(json.dumps(s, indent=2))
        return 0
    for key, value in s.items():
        if isinstance(value, dict):
            inner = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "none"
            print(f"{key}: {inner}")
        else:
            print(f"{key}: {value}")
    return 0


# ---------------------------------------------------------------- query / sparql
def cmd_query(args: argparse.Namespace, extra: list[str]) -> int:
    from ontology.errors import UsageError
    from queries.catalog import get_query, listing
    from queries.output import write_rows
    from queries.run import run_query

    if args.list:
        print(listing())
        return 0
    if not args.name:
        raise UsageError("name a query (see 'notegraph query --list')")
    spec = get_query(args.name)
    params: dict[str, Any] = {}
    if args.actor is not None:
        params["actor"] = args.actor
    if args.include_planned:
        params["include_planned"] = True
    params.update(_extra_params(extra))
    spec.bind(params)  # a wrong parameter is a usage error before any store is opened
    target = _target(args)
    rows = run_query(spec, params, target, explain=args.explain)
    write_rows(rows, args.format, sys.stdout, title=spec.title, columns=_columns(args))
    return 0


def _extra_params(extra: list[str]) -> dict[str, Any]:
    """Query parameters beyond the common ones: --name VALUE or --name=VALUE (flags: true)."""
    from ontology.errors import UsageError

    out: dict[str, Any] = {}
    i = 0
    while i < len(extra):
        tok = extra[i]
        if not tok.startswith("--") or len(tok) < 3:
            raise UsageError(f"unexpected argument {tok!r}")
        key, eq, value = tok[2:].partition("=")
        if not eq:
            if i + 1 < len(extra) and not extra[i + 1].startswith("--"):
                value = extra[i + 1]
                i += 1
            else:
                value = "true"
        out[key.replace("-", "_")] = value
        i += 1
    return out


def _target(args: argparse.Namespace) -> Any:
    if getattr(args, "endpoint", None):
        from graph.remote import RemoteStore

        return RemoteStore(args.endpoint, **_remote_kwargs(args))
    store = _open_store(args, read_only=True)
    if getattr(args, "timeout", None):
        from graph.timeout import TimedStore

        return TimedStore(store, args.timeout)
    return store


def _remote_kwargs(args: argparse.Namespace) -> dict[str, Any]:
    """Timeout, credentials (options, else NOTEGRAPH_ENDPOINT_USER/_PASSWORD) and CA bundle."""
    return {
        "timeout": args.timeout,
        "user": getattr(args, "user", None),
        "password": getattr(args, "password", None),
        "ca_bundle": getattr(args, "ca_bundle", None),
    }


def cmd_sparql(args: argparse.Namespace) -> int:
    from ontology.errors import UsageError
    from queries.output import write_rows
    from queries.run import shorten

    src = args.query
    if src == "-":
        text = sys.stdin.read()
    elif os.path.isfile(src):
        text = Path(src).read_text(encoding="utf-8")
    elif src.endswith((".rq", ".sparql")):
        raise UsageError(f"no such query file: {src}")
    else:
        text = src
    if args.update:
        return _sparql_update(args, text)
    from queries.readonly import check_read_only

    check_read_only(text)
    rows = _target(args).select(text)
    rows = [{k: shorten(v) for k, v in r.items()} for r in rows] if args.short else rows
    write_rows(rows, args.format, sys.stdout, columns=_columns(args))
    return 0


def _sparql_update(args: argparse.Namespace, text: str) -> int:
    """`sparql --update`: a SPARQL update on the embedded store (one transaction)."""
    from ontology.errors import UsageError

    if args.endpoint:
        raise UsageError("--update works on the local store only (not with --endpoint)")
    store = _open_store(args)
    before = store.quad_count()
    store.update(text)
    after = store.quad_count()
    store.close()
    print(f"update done: {before} -> {after} quads in {_store_path(args)}")
    return 0


# ---------------------------------------------------------------- viz
def cmd_viz(args: argparse.Namespace) -> int:
    from viz.views import Filters, render_view

    def _set(values: list[str]) -> frozenset[str]:
        return frozenset(v.strip() for raw in values for v in raw.split(",") if v.strip())

    filters = Filters(
        since=args.since,
        until=args.until,
        event_types=_set(args.event_type),
        regions=_set(args.region),
        roles=_set(args.role),
    )
    info = render_view(
        _target(args),
        view=args.view,
        actor=args.actor,
        depth=args.depth,
        out=Path(args.out),
        include_planned=args.include_planned,
        max_nodes=args.max_nodes,
        filters=filters,
    )
    note = (
        f" (showing the top {info.nodes_shown} of {info.nodes_total} nodes)"
        if info.truncated
        else ""
    )
    print(
        f"wrote {Path(info.path).resolve()} ({info.nodes_shown} nodes, {info.edges_shown} edges)"
        f"{note}; open it in a browser (it works offline)"
    )
    return 0


# ---------------------------------------------------------------- push / serve
def cmd_push(args: argparse.Namespace) -> int:
    from graph.push import push
    from graph.remote import RemoteStore

    query_url = args.endpoint or _query_url_for(args.update_endpoint)
    remote = RemoteStore(
        query_url,
        update_endpoint=args.update_endpoint,
        gsp_endpoint=args.gsp_endpoint,
        **_remote_kwargs(args),
    )
    store = _open_store(args, read_only=True)
    progress = _progress(len(store.named_graphs()), "pushing", quiet=args.quiet)
    summary = push(
        store, remote, use_gsp=bool(args.gsp_endpoint), on_graph=progress, prune=args.prune
    )
    progress(None)
    pruned = f", {len(summary.pruned)} removed from the server" if args.prune else ""
    print(
        f"{summary.graphs} graphs: {len(summary.sent)} sent ({summary.triples_sent} triples "
        f"in {summary.requests} requests), {summary.unchanged} unchanged{pruned}"
    )
    return 0


def _query_url_for(update_url: str) -> str:
    """Oxigraph /update -> /query; Fuseki /DATASET/update -> /DATASET/query."""
    from ontology.errors import UsageError

    base, sep, last = update_url.rstrip("/").rpartition("/")
    if not sep or last != "update":
        raise UsageError("pass --endpoint URL: the query endpoint (push reads the server's hashes)")
    return base + "/query"


def cmd_serve(args: argparse.Namespace) -> int:
    from graph.serve import serve

    def announce(server: Any) -> None:
        mode = "read-write" if args.writable else "read-only snapshot of"
        print(f"serving a {mode} {_store_path(args)} (Ctrl-C to stop)")
        print(f"  query page:      {server.base_url}/")
        print(f"  SPARQL endpoint: {server.query_url}")
        if args.writable:
            print(f"  update endpoint: {server.update_url}")
            print(f"  graph store:     {server.store_url}")
        sys.stdout.flush()

    serve(
        _store_path(args), port=args.port, bind=args.bind, writable=args.writable, announce=announce
    )
    return 0


# ---------------------------------------------------------------- doctor
def cmd_doctor(args: argparse.Namespace) -> int:
    from graph.doctor import run_checks

    endpoint = args.endpoint or os.environ.get("NOTEGRAPH_ENDPOINT")
    checks = run_checks(_store_path(args), endpoint=endpoint, timeout=args.timeout)
    for c in checks:
        print(c.line())
    failed = [c for c in checks if c.required and not c.ok]
    print(f"{len(checks)} checks: " + (f"{len(failed)} failed" if failed else "ready"))
    return 1 if failed else 0


# ---------------------------------------------------------------- parser
def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    p = _Parser(
        prog=PROG,
        description=__doc__.splitlines()[0] if __doc__ else PROG,
        epilog="Run 'notegraph COMMAND --help' for a command's options. "
        "Exit codes: 0 ok, 1 some input failed, 2 usage error.",
    )
    p.add_argument(
        "--store",
        metavar="DIR",
        help="store directory (default: $NOTEGRAPH_STORE or ./.notegraph)",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subs: dict[str, argparse.ArgumentParser] = {}

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        subs[name] = sp
        return sp

    e = add("extract", "read notes and print what was extracted, without touching the store")
    e.add_argument(
        "paths", nargs="+", metavar="PATH", help="note files or folders (.txt .md .html .pdf .docx)"
    )
    e.add_argument(
        "--format", choices=("json", "table"), default="json", help="output format (default json)"
    )
    e.add_argument(
        "--report", action="store_true", help="summarise: files read, warnings, unresolved names"
    )
    _limit_options(e)

    b = add("build", "extract notes and load them into the store, one named graph per note")
    b.add_argument("paths", nargs="*", metavar="PATH", help="note files or folders")
    b.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="PATH",
        help="drop this note's graph (repeatable)",
    )
    b.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="extract notes in N processes (default: the number of cores)",
    )
    b.add_argument(
        "--force",
        action="store_true",
        help="re-read and re-map every note; by default a note whose file (SHA-256) and "
        "extractor are unchanged since the last build is skipped without being read",
    )
    _limit_options(b)

    q = add("query", "run a named question from the catalogue (see --list)")
    q.add_argument("name", nargs="?", metavar="NAME", help="query name, e.g. co-attended")
    q.add_argument(
        "--list", action="store_true", help="list the named queries and their parameters"
    )
    q.add_argument("--actor", metavar="X", help="actor name or acronym, e.g. OSCE")
    q.add_argument("--include-planned", action="store_true", help="also count planned events")
    q.add_argument(
        "--explain",
        action="store_true",
        help="add the events and evidence (note, line, quote) behind each row",
    )
    _output_options(q)

    s = add("sparql", "run any SPARQL SELECT query on the store or an endpoint")
    s.add_argument("query", metavar="QUERY", help="the query text, a .rq file, or - for stdin")
    s.add_argument(
        "--short", action="store_true", help="show notegraph IRIs as short ids (state/BLR)"
    )
    s.add_argument(
        "--update",
        action="store_true",
        help="allow a SPARQL update (INSERT, DELETE, DROP...) on the local store",
    )
    _output_options(s)

    v = add("viz", "write the interactive network as one offline HTML file")
    v.add_argument(
        "--out",
        default="out/network.html",
        metavar="FILE",
        help="output file (default out/network.html)",
    )
    v.add_argument(
        "--view",
        choices=("full", "co-attendance", "ego", "co-organizers"),
        default="full",
        help="which network (default full)",
    )
    v.add_argument(
        "--actor", metavar="X", help="the actor for co-attendance and ego views, e.g. OSCE"
    )
    v.add_argument("--include-planned", action="store_true", help="also include planned events")
    v.add_argument(
        "--depth", type=int, default=1, metavar="N", help="ego view: N events away (default 1)"
    )
    v.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD", help="only events from then")
    v.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD", help="only events until then")
    v.add_argument(
        "--event-type",
        action="append",
        default=[],
        metavar="TYPE",
        help="only these event types (workshop, training, consultation, ...; repeatable)",
    )
    v.add_argument(
        "--region",
        action="append",
        default=[],
        metavar="REGION",
        help="only States of this UN region (Africa, Americas, Asia, Europe, Oceania; repeatable)",
    )
    v.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="ROLE",
        help="only links with this role (organizer, host, supporter, participant, ...; repeatable)",
    )
    v.add_argument(
        "--max-nodes",
        type=int,
        default=1500,
        metavar="N",
        help="beyond N nodes show the top N by centrality",
    )
    v.add_argument(
        "--endpoint", metavar="URL", help="read from a remote SPARQL endpoint instead of the store"
    )
    v.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="remote timeout in seconds"
    )
    _remote_auth_options(v)

    pu = add("push", "upload the store's named graphs to a SPARQL 1.1 server (only changed ones)")
    pu.add_argument(
        "--update-endpoint",
        required=True,
        metavar="URL",
        help="SPARQL Update URL (Oxigraph .../update, Fuseki .../DATASET/update)",
    )
    pu.add_argument(
        "--gsp-endpoint",
        metavar="URL",
        help="also use the Graph Store Protocol (Oxigraph .../store, Fuseki .../DATASET/data)",
    )
    pu.add_argument(
        "--endpoint",
        metavar="URL",
        help="the query URL (default: the update URL ending in /query instead of /update)",
    )
    pu.add_argument(
        "--prune",
        action="store_true",
        help="also drop graphs notegraph pushed before that the local store no longer has "
        "(notes removed locally); other graphs on the server are never touched",
    )
    pu.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="per-request timeout (default 60)"
    )
    _remote_auth_options(pu)

    se = add("serve", "a local SPARQL endpoint with a query page over the store (Ctrl-C stops)")
    se.add_argument("--port", type=int, default=7878, metavar="N", help="port (default 7878)")
    se.add_argument(
        "--bind", default="127.0.0.1", metavar="ADDR", help="address (default 127.0.0.1)"
    )
    se.add_argument(
        "--writable",
        action="store_true",
        help="serve the store itself and accept updates (default: a read-only snapshot)",
    )

    va = add("validate", "check the store against the SHACL shapes (exit 1 on any violation)")
    va.add_argument(
        "--graph",
        action="append",
        default=[],
        metavar="NOTE",
        help="only this note's graph (file name, stem or IRI; repeatable)",
    )
    va.add_argument("--warnings", action="store_true", help="also list warnings")

    ex = add("export", "write the store as RDF (trig, nquads, turtle, jsonld) or a network")
    ex.add_argument(
        "--format",
        choices=("trig", "nquads", "turtle", "jsonld", "graphml", "gexf"),
        default="trig",
        help="trig|nquads|turtle|jsonld, or graphml|gexf for the actor-event "
        "network (default trig)",
    )
    ex.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    ex.add_argument("--graph", metavar="NOTE", help="only this note's graph (RDF formats)")

    do = add("doctor", "check Python, packages, the store, chromium, the endpoint; say what to fix")
    do.add_argument(
        "--endpoint", metavar="URL", help="also check this SPARQL endpoint (or $NOTEGRAPH_ENDPOINT)"
    )
    do.add_argument(
        "--timeout", type=float, default=10.0, metavar="S", help="endpoint timeout (default 10)"
    )

    st = add("stats", "count quads, graphs, notes, events by status, actors by kind")
    st.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    return p, subs


def _limit_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--max-file-size",
        metavar="SIZE",
        help="skip larger files unread (e.g. 20MB, 500KB; default $NOTEGRAPH_MAX_FILE_SIZE, 20MB)",
    )
    sp.add_argument(
        "--time-limit",
        type=float,
        metavar="S",
        help="stop extracting a file after S seconds (default $NOTEGRAPH_TIME_LIMIT or 60)",
    )


def _remote_auth_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--user", metavar="NAME", help="HTTP basic auth user (or $NOTEGRAPH_ENDPOINT_USER)"
    )
    sp.add_argument(
        "--password",
        metavar="PW",
        help="HTTP basic auth password (prefer $NOTEGRAPH_ENDPOINT_PASSWORD: not in ps)",
    )
    sp.add_argument(
        "--ca-bundle", metavar="FILE", help="PEM file of CA certificates to trust for https"
    )


def _columns(args: argparse.Namespace) -> list[str] | None:
    return [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None


def _iso_date(value: str) -> str:
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {value!r}") from None


def _output_options(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default table)"
    )
    sp.add_argument(
        "--columns", metavar="A,B", help="only these columns, in this order (table and csv)"
    )
    sp.add_argument(
        "--endpoint", metavar="URL", help="query a remote SPARQL 1.1 endpoint instead of the store"
    )
    sp.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="give up on a query after S seconds, local store or remote (default 30)",
    )
    _remote_auth_options(sp)


COMMANDS = {
    "extract": cmd_extract,
    "build": cmd_build,
    "sparql": cmd_sparql,
    "viz": cmd_viz,
    "push": cmd_push,
    "serve": cmd_serve,
    "validate": cmd_validate,
    "export": cmd_export,
    "stats": cmd_stats,
    "doctor": cmd_doctor,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser, subs = _parser()
    args, extra = parser.parse_known_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    if extra and args.command != "query":
        subs[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    from ontology.errors import NotegraphError

    try:
        if args.command == "query":
            return cmd_query(args, extra)
        return COMMANDS[args.command](args)
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
