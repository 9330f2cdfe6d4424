"""`notegraph doctor`: is this machine ready? Each check says what it found and, when it fails,
what to do. Required checks decide the exit code; optional ones (test tools) only advise."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["PACKAGES", "Check", "run_checks"]

# distribution name -> import name; the project's runtime dependencies
PACKAGES = {
    "rdflib": "rdflib",
    "pyoxigraph": "pyoxigraph",
    "oxrdflib": "oxrdflib",
    "networkx": "networkx",
    "pyvis": "pyvis",
    "SPARQLWrapper": "SPARQLWrapper",
    "pycountry": "pycountry",
    "rapidfuzz": "rapidfuzz",
    "rich": "rich",
    "pypdf": "pypdf",
    "python-docx": "docx",
    "pyshacl": "pyshacl",
}
CHROMIUM = "/usr/bin/chromium"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # what was found
    fix: str = ""  # what to do when not ok
    required: bool = True

    def line(self) -> str:
        mark = "ok  " if self.ok else ("FAIL" if self.required else "warn")
        text = f"{mark} {self.name}: {self.detail}"
        return text + (f"; fix: {self.fix}" if not self.ok and self.fix else "")


def _python() -> Check:
    v = sys.version_info
    found = f"{v.major}.{v.minor}.{v.micro} ({sys.executable})"
    return Check("python", v >= (3, 11), found, "install Python 3.11 or later")


def _package(dist: str, module: str) -> Check:
    try:
        importlib.import_module(module)
        version = metadata.version(dist)
    except Exception as e:  # a broken install fails in many ways; each is a failed check
        return Check(
            f"package {dist}",
            False,
            f"cannot import {module} ({type(e).__name__}: {e})",
            f"pip install -e . (or pip install '{dist}')",
        )
    return Check(f"package {dist}", True, version)


def _store(path: Path) -> Check:
    from graph.store import OxigraphStore
    from ontology.errors import NotegraphError

    if not path.exists():
        no_store = f"no store at {path}"
        return Check("store", False, no_store, "run 'notegraph build PATH'", required=False)
    try:
        store = OxigraphStore(path, read_only=True)
        quads, graphs = store.quad_count(), len(store.named_graphs())
        store.close()
    except NotegraphError as e:
        return Check("store", False, str(e), "see the message; --store DIR picks another store")
    return Check("store", True, f"{path} readable: {quads} quads in {graphs} graphs")


def _binary(name: str, path: str | None, fix: str) -> Check:
    return Check(name, path is not None, path or "not found", fix, required=False)


def _endpoint(url: str, timeout: float) -> Check:
    from graph.remote import RemoteStore
    from ontology.errors import NotegraphError

    try:
        RemoteStore(url, timeout=timeout).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    except NotegraphError as e:
        return Check("endpoint", False, str(e), "start the server, or check the URL and --timeout")
    return Check("endpoint", True, f"{url} answers SPARQL")


def run_checks(store: Path, *, endpoint: str | None = None, timeout: float = 10.0) -> list[Check]:
    """Every check, in order. The store and endpoint checks run only when relevant."""
    checks: list[Callable[[], Check]] = [_python]
    for dist, module in PACKAGES.items():
        checks.append(lambda d=dist, m=module: _package(d, m))  # type: ignore[misc]
    checks.append(lambda: _store(store))
    bin_dir = Path(sys.executable).parent
    server = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(bin_dir))
    checks.append(
        lambda: _binary("oxigraph server", server, "pip install oxigraph (for 'serve' and tests)")
    )
    chromium = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    checks.append(
        lambda: _binary("chromium", chromium, "apt-get install chromium (for browser tests)")
    )
    if endpoint:
        checks.append(lambda: _endpoint(endpoint, timeout))
    return [c() for c in checks]
