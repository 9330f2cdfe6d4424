"""A remote SPARQL 1.1 endpoint as a query target: the same `select` as the embedded store.

How the request is made, and why:
- SPARQLWrapper builds the query request (the SPARQL protocol's parameter names, Accept header,
  URL-encoded POST). It cannot take an `ssl.SSLContext` or CA bundle (RDFLib/sparqlwrapper#168,
  #217), only limits the socket (#243), and raises a raw HTTPError on 429 with no Retry-After
  handling. So we do not let it *send*: `Transport` sends every request (queries, and push's bulk
  data, where SPARQLWrapper is 8.6x slower than a plain POST) with urllib and our own SSLContext,
  socket timeout, overall deadline, bounded retries and one error line per failure.
- Queries always go as URL-encoded POST: no 414 on long queries, nothing in server access logs.
- Parameters are bound as `VALUES` blocks by `graph.bind`, as on the embedded store; each term
  is serialised by pyoxigraph, never by string formatting.
- Results become the same plain Python values as the embedded store (`graph.store.python_value`),
  so rows compare equal.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.bind import bind_values
from ontology.errors import EndpointError, QueryError, UsageError

__all__ = ["RemoteStore", "Transport", "user_agent"]

Row = dict[str, Any]
ENV_USER = "NOTEGRAPH_ENDPOINT_USER"
ENV_PASSWORD = "NOTEGRAPH_ENDPOINT_PASSWORD"
MAX_RETRY_AFTER = 30.0  # never wait longer than this for one Retry-After
_CHUNK = 65536


def user_agent() -> str:
    try:
        from importlib.metadata import version

        v = version("notegraph")
    except Exception:  # not installed (running from a checkout)
        v = "0.1.0"
    return f"notegraph/{v} (https://w3id.org/notegraph/; SPARQL client)"


def display_url(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _one_line(text: str, limit: int = 300) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


@dataclass
class Transport:
    """Sends HTTP requests to one server with a deadline, retries and one-line errors."""

    timeout: float = 30.0
    user: str | None = None
    password: str | None = None
    ca_bundle: str | None = None
    retries: int = 3
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise UsageError("--timeout must be a positive number of seconds")
        self.user = self.user or os.environ.get(ENV_USER) or None
        self.password = self.password or os.environ.get(ENV_PASSWORD) or None
        if self.ca_bundle and not os.path.isfile(self.ca_bundle):
            raise UsageError(f"no such CA bundle file: {self.ca_bundle}")
        self._context: ssl.SSLContext | None = None

    def context(self) -> ssl.SSLContext:
        if self._context is None:
            try:
                self._context = ssl.create_default_context(cafile=self.ca_bundle)
            except (OSError, ssl.SSLError) as e:
                raise UsageError(f"cannot read the CA bundle {self.ca_bundle}: {e}") from None
        return self._context

    def auth_header(self) -> str | None:
        if not self.user:
            return None
        import base64

        token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode("ascii")
        return "Basic " + token

    def send(self, request: urllib.request.Request, *, what: str = "request") -> bytes:
        """Send; return the body of a 2xx answer. Retries 429/503 (honouring Retry-After) within
        the overall deadline; every failure is one EndpointError line without credentials."""
        url = display_url(request.full_url)
        request.add_header("User-Agent", user_agent())
        auth = self.auth_header()
        if auth and not request.has_header("Authorization"):
            request.add_header("Authorization", auth)
        deadline = time.monotonic() + self.timeout
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise self._timeout(url)
            try:
                return self._once(request, url, remaining, deadline)
            except urllib.error.HTTPError as e:
                body = _read_error(e)
                if e.code in (429, 503) and attempt <= self.retries:
                    wait = _retry_after(e.headers.get("Retry-After"), attempt)
                    if wait < deadline - time.monotonic():
                        self.sleep(wait)
                        continue
                raise self._http_error(url, e.code, body, attempt, what) from None
            except EndpointError:
                raise
            except TimeoutError:
                raise self._timeout(url) from None
            except urllib.error.URLError as e:
                raise self._connection_error(url, e.reason) from None
            except (ConnectionError, OSError) as e:
                raise self._connection_error(url, e) from None
            except http.client.HTTPException as e:
                raise EndpointError(
                    f"{url} sent a broken HTTP answer ({type(e).__name__}); "
                    "check the URL and the server"
                ) from None

    def _once(
        self, request: urllib.request.Request, url: str, remaining: float, deadline: float
    ) -> bytes:
        https = request.full_url.lower().startswith("https:")
        ctx = self.context() if https else None
        with urllib.request.urlopen(request, timeout=remaining, context=ctx) as resp:
            chunks = []
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise self._timeout(url)
                sock = getattr(getattr(resp.fp, "raw", None), "_sock", None)
                if sock is not None:  # best effort: each read bounded by the deadline too
                    sock.settimeout(left)
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)

    def _scrub(self, text: str) -> str:
        for secret in (self.password, self.auth_header()):
            if secret:
                text = text.replace(secret, "***")
        return text

    def _timeout(self, url: str) -> EndpointError:
        return EndpointError(
            f"{url} did not answer within {self.timeout:g} s "
            "(raise --timeout, or check that the server is up)"
        )

    def _connection_error(self, url: str, reason: object) -> EndpointError:
        host = urllib.parse.urlsplit(url).hostname or url
        if isinstance(reason, TimeoutError):
            return self._timeout(url)
        if isinstance(reason, socket.gaierror):
            return EndpointError(f"cannot resolve the host '{host}' of {url} (check the URL)")
        if isinstance(reason, ConnectionRefusedError):
            return EndpointError(
                f"cannot connect to {url}: connection refused (is the server running?)"
            )
        if isinstance(reason, ssl.SSLCertVerificationError):
            return EndpointError(
                f"the TLS certificate of {host} is not trusted: {reason.verify_message} "
                "(pass --ca-bundle FILE with your organisation's CA)"
            )
        if isinstance(reason, ConnectionResetError | BrokenPipeError):
            return EndpointError(f"{url} closed the connection before answering")
        if type(reason).__name__ == "RemoteDisconnected":
            return EndpointError(f"{url} closed the connection before answering")
        detail = _one_line(self._scrub(str(reason))) or type(reason).__name__
        return EndpointError(f"cannot reach {url}: {detail}")

    def _http_error(
        self, url: str, code: int, body: str, attempts: int, what: str
    ) -> EndpointError:
        msg = _one_line(self._scrub(body))
        tail = f": {msg}" if msg else ""
        if code == 401:
            how = (
                "check --user/--password"
                if self.user
                else f"pass --user and --password, or set {ENV_USER} and {ENV_PASSWORD}"
            )
            return EndpointError(f"{url} needs valid credentials (HTTP 401): {how}")
        if code == 403:
            return EndpointError(
                f"{url} refused access (HTTP 403): this account may not run this {what}"
            )
        if code == 404:
            return EndpointError(
                f"no SPARQL service at {url} (HTTP 404): check the URL "
                "(Oxigraph: /query /update /store; Fuseki: /DATASET/sparql /update /data)"
            )
        if code in (429, 503):
            return EndpointError(
                f"{url} is busy (HTTP {code}) after {attempts} attempt(s); try again later{tail}"
            )
        if 400 <= code < 500:
            return EndpointError(f"{url} rejected the {what} (HTTP {code}){tail}")
        return EndpointError(f"{url} failed with a server error (HTTP {code}){tail}")


def _read_error(e: urllib.error.HTTPError) -> str:
    try:
        data = e.read(4096)
    except Exception:
        data = b""
    finally:
        e.close()
    return data.decode("utf-8", "replace")


def _retry_after(header: str | None, attempt: int) -> float:
    """Seconds to wait: the server's Retry-After (seconds or HTTP date), else 0.5, 1, 2 ...;
    bounded by MAX_RETRY_AFTER."""
    wait = 0.5 * 2.0 ** (attempt - 1)
    if header:
        header = header.strip()
        if header.isdigit():
            wait = float(header)
        else:
            from email.utils import parsedate_to_datetime

            try:
                wait = float(parsedate_to_datetime(header).timestamp()) - time.time()
            except (TypeError, ValueError):
                pass
    return max(0.0, min(wait, MAX_RETRY_AFTER))


# ---------------------------------------------------------------- results
def _term_value(term: Mapping[str, Any]) -> Any:
    """A SPARQL JSON results term as the embedded store's plain Python value."""
    import pyoxigraph as ox

    from graph.store import python_value

    kind = term.get("type")
    value = term["value"]
    if not isinstance(value, str):
        raise ValueError("a term value is not a string")
    if kind == "uri":
        return python_value(ox.NamedNode(value))
    if kind == "bnode":
        return "_:" + value
    if kind in ("literal", "typed-literal"):
        if "datatype" in term:
            return python_value(ox.Literal(value, datatype=ox.NamedNode(term["datatype"])))
        if "xml:lang" in term:
            return python_value(ox.Literal(value, language=term["xml:lang"]))
        return value
    if kind == "triple":
        return str(term["value"])
    raise ValueError(f"unknown term type {kind!r}")


def parse_results(body: bytes, url: str) -> list[Row]:
    try:
        data = json.loads(body.decode("utf-8"))
        if "boolean" in data and "results" not in data:
            raise QueryError("only SELECT queries return rows here")
        names = list(data["head"].get("vars", []))
        rows = []
        for b in data["results"]["bindings"]:
            rows.append({n: (_term_value(b[n]) if n in b else None) for n in names})
        return rows
    except QueryError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as e:
        head = _one_line(body[:80].decode("utf-8", "replace"), 80)
        raise EndpointError(
            f"{url} returned malformed SPARQL results ({type(e).__name__}: "
            f"{_one_line(str(e), 120)}); the body starts {head!r}"
        ) from None


# ---------------------------------------------------------------- the store
class RemoteStore:
    """A SPARQL 1.1 endpoint as a read target for `queries.run.run_query`, `viz`, `push`.

    The server must answer queries over the union of its named graphs (Oxigraph:
    `--union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`), like the embedded store."""

    def __init__(
        self,
        endpoint: str,
        *,
        update_endpoint: str | None = None,
        gsp_endpoint: str | None = None,
        timeout: float = 30.0,
        user: str | None = None,
        password: str | None = None,
        ca_bundle: str | None = None,
        retries: int = 3,
    ) -> None:
        for u in (endpoint, update_endpoint, gsp_endpoint):
            if u is not None and urllib.parse.urlsplit(u).scheme not in ("http", "https"):
                raise UsageError(f"an endpoint must be an http:// or https:// URL, not {u!r}")
        parts = urllib.parse.urlsplit(endpoint)
        if parts.username and not user:  # http://user:pass@host/ works, but is never shown
            user, password = urllib.parse.unquote(parts.username), parts.password
            password = urllib.parse.unquote(password) if password else None
        self.endpoint = _without_userinfo(endpoint)
        self.update_endpoint = update_endpoint and _without_userinfo(update_endpoint)
        self.gsp_endpoint = gsp_endpoint and _without_userinfo(gsp_endpoint)
        self.transport = Transport(
            timeout=timeout, user=user, password=password, ca_bundle=ca_bundle, retries=retries
        )

    def _query_request(self, query: str) -> urllib.request.Request:
        from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper

        sw = SPARQLWrapper(self.endpoint, agent=user_agent())
        sw.setOnlyConneg(True)  # no format=/output= parameters: some servers reject them
        sw.setMethod(POST)
        sw.setRequestMethod(URLENCODED)
        sw.setReturnFormat(JSON)
        sw.setQuery(query)
        request: urllib.request.Request = sw._createRequest()  # sent by Transport, see above
        return request

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> list[Row]:
        text = bind_values(query, bindings)
        body = self.transport.send(self._query_request(text), what="query")
        return parse_results(body, self.endpoint)

    def update(self, update: str) -> None:
        """Run one SPARQL Update request (one transaction on the server)."""
        if not self.update_endpoint:
            raise UsageError("no update endpoint: pass --update-endpoint URL")
        req = urllib.request.Request(
            self.update_endpoint,
            data=update.encode("utf-8"),
            method="POST",
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )
        self.transport.send(req, what="update")

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one graph with a Graph Store Protocol PUT (atomic on the server)."""
        if not self.gsp_endpoint:
            raise UsageError("no graph store endpoint: pass --gsp-endpoint URL")
        sep = "&" if "?" in self.gsp_endpoint else "?"
        url = self.gsp_endpoint + sep + urllib.parse.urlencode({"graph": graph})
        req = urllib.request.Request(
            url, data=ntriples, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        self.transport.send(req, what="graph upload")

    def quad_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in rows)

    def close(self) -> None:
        pass


def _without_userinfo(url: str) -> str:
    return display_url(url)
