"""Where a query runs: the embedded store (under a time limit) or a remote SPARQL 1.1 endpoint.

`query`, `sparql` and `viz` read from `open_target(...)`; `push` writes to `open_remote(...)`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology.errors import UsageError

if TYPE_CHECKING:
    from graph.remote import RemoteStore

__all__ = ["open_remote", "open_target", "query_url_for"]


def open_target(
    store: Path,
    endpoint: str | None = None,
    *,
    timeout: float | None = None,
    user: str | None = None,
    password: str | None = None,
    ca_bundle: str | None = None,
) -> Any:
    """A remote store for `endpoint` (credentials: these, else $NOTEGRAPH_ENDPOINT_USER and
    _PASSWORD), else the embedded store at `store`, read-only, its queries given up after
    `timeout` seconds."""
    if endpoint:
        from graph.remote import RemoteStore

        return RemoteStore(
            endpoint,
            timeout=30.0 if timeout is None else timeout,
            user=user,
            password=password,
            ca_bundle=ca_bundle,
        )
    from graph.store import open_store

    local = open_store(store, read_only=True)
    if timeout:
        from graph.timeout import TimedStore

        return TimedStore(local, timeout)
    return local


def open_remote(
    update_endpoint: str,
    *,
    endpoint: str | None = None,
    gsp_endpoint: str | None = None,
    **options: Any,
) -> RemoteStore:
    """The server `push` writes to: its SPARQL Update URL, its query URL (default: derived
    from the update URL), the Graph Store Protocol URL if any; `options` as RemoteStore takes
    them (timeout, user, password, ca_bundle)."""
    from graph.remote import RemoteStore

    return RemoteStore(
        endpoint or query_url_for(update_endpoint),
        update_endpoint=update_endpoint,
        gsp_endpoint=gsp_endpoint,
        **options,
    )


def query_url_for(update_url: str) -> str:
    """Oxigraph /update -> /query; Fuseki /DATASET/update -> /DATASET/query."""
    base, sep, last = update_url.rstrip("/").rpartition("/")
    if not sep or last != "update":
        raise UsageError("pass --endpoint URL: the query endpoint (push reads the server's hashes)")
    return base + "/query"
