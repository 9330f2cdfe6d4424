"""A remote endpoint that fails gives one readable line on stderr, exit 1, no traceback, and
returns within the timeout plus a second. The failing servers are tiny `http.server` threads on
127.0.0.1; nothing leaves the machine."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import notegraph

TIMEOUT = 1.0
Behaviour = Callable[[BaseHTTPRequestHandler], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True

    def __init__(self, behaviour: Behaviour) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.behaviour = behaviour
        self.release = threading.Event()  # set at teardown: a stalled handler stops waiting
        self.requests: list[dict[str, str]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/query"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.server.requests.append(dict(self.headers.items()))
        self.server.behaviour(self)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _reply(code: int, body: bytes, ctype: str = "text/plain", **headers: str) -> Behaviour:
    def behave(h: BaseHTTPRequestHandler) -> None:
        h.send_response(code)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        h.end_headers()
        h.wfile.write(body)

    return behave


def _stall(h: BaseHTTPRequestHandler) -> None:
    h.server.release.wait(10)  # type: ignore[attr-defined]


@pytest.fixture
def fake() -> Iterator[Callable[[Behaviour], _Server]]:
    servers: list[tuple[_Server, threading.Thread]] = []

    def start(behaviour: Behaviour) -> _Server:
        srv = _Server(behaviour)
        t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
        t.start()
        servers.append((srv, t))
        return srv

    yield start
    for srv, t in servers:
        srv.release.set()
        srv.shutdown()
        srv.server_close()
        t.join(5)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(capsys: pytest.CaptureFixture[str], url: str, *extra: str) -> tuple[int, str, float]:
    t0 = time.monotonic()
    code = notegraph.main(
        ["sparql", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", url, "--timeout", str(TIMEOUT)]
        + list(extra)
    )
    elapsed = time.monotonic() - t0
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err
    return code, err.strip(), elapsed


def test_closed_port(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/query"
    code, err, elapsed = _run(capsys, url)
    assert code == 1
    assert err == f"notegraph: cannot connect to {url}: connection refused (is the server running?)"
    assert elapsed < TIMEOUT + 1


def test_stalled_server_times_out(fake: Callable[[Behaviour], _Server], capsys) -> None:  # type: ignore[no-untyped-def]
    srv = fake(_stall)
    code, err, elapsed = _run(capsys, srv.url)
    assert code == 1
    assert err == (
        f"notegraph: {srv.url} did not answer within 1 s "
        "(raise --timeout, or check that the server is up)"
    )
    assert TIMEOUT - 0.1 < elapsed < TIMEOUT + 1


def test_named_query_on_stalled_server(fake, capsys) -> None:  # type: ignore[no-untyped-def]
    srv = fake(_stall)
    t0 = time.monotonic()
    code = notegraph.main(
        ["query", "co-attended", "--actor", "OSCE", "--endpoint", srv.url, "--timeout", "1"]
    )
    elapsed = time.monotonic() - t0
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "did not answer within 1 s" in err
    assert elapsed < TIMEOUT + 1


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (
            _reply(401, b"Unauthorized", WWW_Authenticate='Basic realm="x"'),
            "needs valid credentials (HTTP 401): pass --user and --password, "
            "or set NOTEGRAPH_ENDPOINT_USER and NOTEGRAPH_ENDPOINT_PASSWORD",
        ),
        (
            _reply(403, b"Forbidden"),
            "refused access (HTTP 403): this account may not run this query",
        ),
        (
            _reply(500, b"Internal error:\n  the disk\n is full"),
            "failed with a server error (HTTP 500): Internal error: the disk is full",
        ),
        (
            _reply(400, b"Parser error at line 1: unexpected '}'"),
            "rejected the query (HTTP 400): Parser error at line 1: unexpected '}'",
        ),
    ],
    ids=["401-without-credentials", "403", "500-with-server-message", "400-with-server-message"],
)
def test_http_error_is_one_line_naming_the_server(
    fake: Callable[[Behaviour], _Server],
    capsys: pytest.CaptureFixture[str],
    reply: Behaviour,
    message: str,
) -> None:
    srv = fake(reply)
    code, err, elapsed = _run(capsys, srv.url)
    assert code == 1
    assert err == f"notegraph: {srv.url} {message}"
    assert elapsed < TIMEOUT + 1


def test_401_never_shows_the_password(fake, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NOTEGRAPH_ENDPOINT_USER", "alice")
    monkeypatch.setenv("NOTEGRAPH_ENDPOINT_PASSWORD", "s3cret-pw")
    srv = fake(_reply(401, b"bad password s3cret-pw for alice"))
    code, err, _ = _run(capsys, srv.url)
    assert code == 1
    assert (
        err == f"notegraph: {srv.url} needs valid credentials (HTTP 401): check --user/--password"
    )
    assert "s3cret" not in err
    assert srv.requests[0]["Authorization"] == "Basic YWxpY2U6czNjcmV0LXB3"  # alice:s3cret-pw


def test_password_in_url_is_used_but_never_shown(fake, capsys) -> None:  # type: ignore[no-untyped-def]
    srv = fake(_reply(500, b"boom"))
    url = srv.url.replace("http://", "http://bob:hunter2@")
    code, err, _ = _run(capsys, url)
    assert code == 1 and "hunter2" not in err and "bob" not in err
    assert srv.requests[0]["Authorization"] == "Basic Ym9iOmh1bnRlcjI="


def test_malformed_results(fake, capsys) -> None:  # type: ignore[no-untyped-def]
    srv = fake(_reply(200, b"<html>login page</html>", "text/html"))
    code, err, _ = _run(capsys, srv.url)
    assert code == 1
    assert err.startswith(f"notegraph: {srv.url} returned malformed SPARQL results (")
    assert err.endswith("the body starts '<html>login page</html>'")


def test_dns_failure(capsys: pytest.CaptureFixture[str]) -> None:
    url = "http://no-such-host.invalid/query"
    code, err, elapsed = _run(capsys, url)
    assert code == 1
    assert (
        err == f"notegraph: cannot resolve the host 'no-such-host.invalid' of {url} (check the URL)"
    )


def test_503_is_retried_honouring_retry_after(fake, capsys) -> None:  # type: ignore[no-untyped-def]
    ok = json.dumps(
        {
            "head": {"vars": ["n"]},
            "results": {
                "bindings": [
                    {
                        "n": {
                            "type": "literal",
                            "value": "7",
                            "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                        }
                    }
                ]
            },
        }
    ).encode()
    answers = [
        _reply(503, b"busy", Retry_After="0"),
        _reply(429, b"slow down"),
        _reply(200, ok, "application/sparql-results+json"),
    ]

    def behave(h: BaseHTTPRequestHandler) -> None:
        answers.pop(0)(h)

    srv = fake(behave)
    code = notegraph.main(["sparql", "SELECT ?n {}", "--endpoint", srv.url, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out) == [{"n": 7}]
    assert len(srv.requests) == 3
    ua = srv.requests[0]["User-Agent"]
    assert ua.startswith("notegraph/")


def test_503_beyond_the_deadline_fails_at_once(fake, capsys) -> None:  # type: ignore[no-untyped-def]
    srv = fake(_reply(503, b"maintenance", Retry_After="120"))
    code, err, elapsed = _run(capsys, srv.url)
    assert code == 1
    assert err == (
        f"notegraph: {srv.url} is busy (HTTP 503) after 1 attempt(s); try again later: maintenance"
    )
    assert elapsed < 0.5
