"""`notegraph serve`: the `oxigraph` server (PyPI package `oxigraph`) over the store, on 127.0.0.1.

Read-only by default, and then over a *snapshot*: Oxigraph documents that opening a store
read-only while another process writes it is undefined behaviour (checked with 0.5.13: the server
silently keeps serving stale data), so we take a RocksDB checkpoint (`Store.backup`, hard links,
milliseconds) next to the store and serve that; a `notegraph build` can run meanwhile, and a
restart of `serve` shows its result. `--writable` serves the store itself with `oxigraph serve`,
which takes the store's write lock: it cannot start while a build runs, and builds fail while it
serves.

The query page (YASGUI) is bundled in oxigraph 0.5's binary: the page works offline.
Queries see the union of the named graphs (`--union-default-graph`), like the embedded store.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO

from ontology.errors import StoreBusyError, StoreError, UsageError

__all__ = ["Server", "oxigraph_binary", "running_server", "serve"]

START_TIMEOUT = 15.0


def oxigraph_binary() -> str:
    """The `oxigraph` CLI installed beside this Python (a venv), else on PATH."""
    exe = Path(sys.executable).parent / ("oxigraph.exe" if sys.platform == "win32" else "oxigraph")
    if exe.is_file():
        return str(exe)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError(
        "the oxigraph server is not installed: run 'pip install \"oxigraph>=0.5,<0.6\"' "
        "in notegraph's environment"
    )


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    bind: str
    port: int
    location: Path
    snapshot: Path | None = None
    log: IO[bytes] | None = None

    def stderr_text(self) -> str:
        if self.log is None:
            return ""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    @property
    def base_url(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base_url + "/query"

    @property
    def update_url(self) -> str:
        return self.base_url + "/update"

    @property
    def store_url(self) -> str:
        return self.base_url + "/store"

    def banner(self, store: Path, *, writable: bool = False) -> str:
        """What `notegraph serve` prints once the server is up: what it serves, and its URLs."""
        mode = "read-write" if writable else "read-only snapshot of"
        lines = [
            f"serving a {mode} {store} (Ctrl-C to stop)",
            f"  query page:      {self.base_url}/",
            f"  SPARQL endpoint: {self.query_url}",
        ]
        if writable:
            lines += [
                f"  update endpoint: {self.update_url}",
                f"  graph store:     {self.store_url}",
            ]
        return "\n".join(lines)

    def stop(self, grace: float = 5.0) -> None:
        """Terminate the server and wait for it; remove the snapshot."""
        p = self.process
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(grace)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if self.log is not None:
            self.log.close()
            self.log = None
        if self.snapshot is not None:
            shutil.rmtree(self.snapshot, ignore_errors=True)
            self.snapshot = None


def free_port(bind: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in bind else socket.AF_INET) as s:
        s.bind((bind, 0))
        return int(s.getsockname()[1])


def _check_store(path: Path) -> None:
    from graph.store import MARKER

    if not (path / MARKER).exists():
        raise StoreError(f"no store at {path}: run 'notegraph build PATH' first")


def _snapshot(path: Path) -> Path:
    import pyoxigraph as ox

    snap = Path(tempfile.mkdtemp(prefix=".notegraph-serve-", dir=path.parent))
    target = snap / "store"
    try:
        ox.Store.read_only(str(path)).backup(str(target))
    except OSError as e:
        shutil.rmtree(snap, ignore_errors=True)
        raise StoreError(f"cannot snapshot the store {path}: {str(e).splitlines()[0]}") from e
    return snap


def start(
    store: Path,
    *,
    port: int = 7878,
    bind: str = "127.0.0.1",
    writable: bool = False,
    location: Path | None = None,
    timeout_s: float | None = None,
) -> Server:
    """Start the server and wait until it accepts connections. `location` (tests) serves that
    directory as it is, read-write, without a notegraph marker check."""
    exe = oxigraph_binary()
    snapshot = None
    if location is not None:
        args = [exe, "serve", "--location", str(location)]
    else:
        _check_store(store)
        if writable:
            location = store
            args = [exe, "serve", "--location", str(store)]
        else:
            snapshot = _snapshot(store)
            location = snapshot / "store"
            args = [exe, "serve-read-only", "--location", str(location)]
    host = f"[{bind}]" if ":" in bind else bind
    args += ["--bind", f"{host}:{port}", "--union-default-graph"]
    if timeout_s:
        args += ["--timeout-s", str(int(timeout_s))]
    log = tempfile.TemporaryFile()  # not a pipe: a chatty server must never block on it
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log)
    server = Server(proc, bind, port, location, snapshot, log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = server.stderr_text()
            server.stop()
            raise _start_error(err, store, bind, port)
        try:
            with socket.create_connection((bind, port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise StoreError(f"the oxigraph server did not start within {START_TIMEOUT:g} s")


def _start_error(stderr: str, store: Path, bind: str, port: int) -> StoreError:
    low = stderr.lower()
    if "lock" in low:
        return StoreBusyError(
            f"the store {store} is busy: another process (a build, or another "
            "'notegraph serve --writable') is writing it; wait for it, or serve read-only"
        )
    if "address" in low and ("in use" in low or "already" in low):
        return StoreError(f"port {port} on {bind} is already in use: pass --port N")
    last = " ".join(stderr.strip().splitlines()[-1:]) or "no message"
    return StoreError(f"the oxigraph server stopped at start: {last}")


@contextmanager
def running_server(store: Path, **kwargs: object) -> Iterator[Server]:
    server = start(store, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()


def serve(
    store: Path,
    *,
    port: int = 7878,
    bind: str = "127.0.0.1",
    writable: bool = False,
    announce: Callable[[Server], None] | None = None,
) -> int:
    """Run the server until Ctrl-C or SIGTERM; stop it cleanly. Returns the server's exit code."""
    if port < 0 or port > 65535:
        raise UsageError(f"--port takes 0..65535, not {port}")
    server = start(store, port=port or free_port(bind), bind=bind, writable=writable)

    def _term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGTERM, _term)
    try:
        if announce:
            announce(server)
        code = server.process.wait()
        if code != 0:
            raise _start_error(server.stderr_text(), store, bind, port)
        return code
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, old)
        server.stop()
