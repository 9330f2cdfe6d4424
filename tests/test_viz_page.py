"""The offline page writer and the analysis behind it (no browser: see test_viz_browser.py)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from viz.analysis import annotate, top_n
from viz.layout import community_layout
from viz.page import PageInfo, script_json, write_network
from viz.synthetic import HOSTILE_LABELS, OSCE_ID, synthetic_graph


class _Page(HTMLParser):
    """Collects what the browser could fetch, the scripts and the graph data."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetch_urls: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: tuple[str, dict[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        for name in ("src", "href", "srcset", "data", "poster", "action", "formaction"):
            if a.get(name):
                self.fetch_urls.append(str(a[name]))
        if tag in ("script", "style"):
            self._in = (tag, a)

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in and self._in[0] == "style":
            self.styles.append(data)
        elif self._in and self._in[0] == "script":
            self.scripts.append((self._in[1], data))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _data(page: _Page) -> dict[str, Any]:
    [(_, text)] = [(a, t) for a, t in page.scripts if a.get("id") == "graph-data"]
    result: dict[str, Any] = json.loads(text)
    return result


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.Graph[Any], PageInfo]:
    G = synthetic_graph(90, hostile=True)
    out = tmp_path_factory.mktemp("viz") / "small.html"
    return G, write_network(G, out, title="Test <b>page</b> & co", subtitle='from "notes"')


def test_page_fetches_nothing(small: tuple[nx.Graph[Any], PageInfo]) -> None:
    page = _parse(small[1].path)
    remote = [u for u in page.fetch_urls if not u.startswith(("data:", "#"))]
    assert remote == []
    css = "\n".join(page.styles)
    assert re.findall(r"@import", css) == []
    assert [
        u for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", css) if not u.startswith("data:")
    ] == []
    code = "\n".join(t for a, t in page.scripts if a.get("type") != "application/json")
    # no script loads anything: no fetch/XHR/import/src assignment to a URL
    assert re.findall(r"""(?:src|href)\s*=\s*["']https?://""", code) == []
    assert re.findall(r"""(?:fetch|import)\(\s*["']https?://""", code) == []
    assert [a for a, _ in page.scripts if a.get("src")] == []
    assert [a for t, a in page.tags if t == "link" and a.get("rel") == "stylesheet"] == []


def test_page_forbids_fetches_by_policy(small: tuple[nx.Graph[Any], PageInfo]) -> None:
    page = _parse(small[1].path)
    [policy] = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert policy is not None
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_data_round_trips(small: tuple[nx.Graph[Any], PageInfo]) -> None:
    G, info = small
    data = _data(_parse(info.path))
    assert info.nodes_total == info.nodes_shown == G.number_of_nodes() == len(data["nodes"])
    assert info.edges_shown == G.number_of_edges() == len(data["edges"])
    assert not info.truncated
    by_id = {n["id"]: n for n in data["nodes"]}
    for node, attrs in G.nodes(data=True):
        assert by_id[node]["label"] == attrs["label"]
        assert by_id[node]["kind"] == attrs["kind"]
        assert by_id[node]["evidence"] == attrs["evidence"]
    pairs = {frozenset((e["from"], e["to"])) for e in data["edges"]}
    assert pairs == {frozenset(e) for e in G.edges}
    edge = next(e for e in data["edges"] if OSCE_ID in (e["from"], e["to"]))
    assert edge["evidence"] == G.edges[edge["from"], edge["to"]]["evidence"]
    assert data["meta"]["physics"] is True


def test_hostile_text_is_escaped(small: tuple[nx.Graph[Any], PageInfo]) -> None:
    html = small[1].path.read_text(encoding="utf-8")
    for label in HOSTILE_LABELS:
        assert label not in html
    page = _parse(small[1].path)
    assert [t for t, _ in page.tags if t == "img"] == []  # the label made no element
    assert [t for t, _ in page.tags if t == "script"] == ["script"] * 3  # data, vis, app
    assert "<b>page</b>" not in html and "Test &lt;b&gt;page&lt;/b&gt; &amp; co" in html
    data = _data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert set(HOSTILE_LABELS) <= labels  # the names survive, as data


def test_script_json_cannot_break_out() -> None:
    nasty = {"s": "</script><script>alert(1)</script><!-- & \u2028\u2029"}
    text = script_json(nasty)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == nasty


def test_truncation_says_so(tmp_path: Path) -> None:
    G = synthetic_graph(400)
    info = write_network(G, tmp_path / "big.html", title="big", max_nodes=50)
    assert info.truncated and info.nodes_shown == 50 and info.nodes_total == G.number_of_nodes()
    page = _parse(info.path)
    [truncated] = [a for t, a in page.tags if a.get("id") == "truncated"]
    assert "hidden" not in truncated
    text = info.path.read_text(encoding="utf-8")
    assert f"Showing the top 50 of {G.number_of_nodes()} nodes by centrality." in text
    data = _data(page)
    ids = {n["id"] for n in data["nodes"]}
    assert OSCE_ID in ids  # the busiest actor survives the cut
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert data["meta"]["truncated"] is True and data["meta"]["nodes_total"] == G.number_of_nodes()


def test_untruncated_page_hides_the_message(small: tuple[nx.Graph[Any], PageInfo]) -> None:
    page = _parse(small[1].path)
    [truncated] = [a for t, a in page.tags if a.get("id") == "truncated"]
    assert "hidden" in truncated


def test_large_pages_turn_physics_off(tmp_path: Path) -> None:
    info = write_network(synthetic_graph(500), tmp_path / "p.html", title="t")
    data = _data(_parse(info.path))
    assert data["meta"]["physics"] is False
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])  # no two stacked


def test_dense_pages_turn_physics_off(tmp_path: Path) -> None:
    G = nx.complete_graph([f"state/S{i:02d}" for i in range(60)])  # 60 nodes, 1,770 links
    nx.set_node_attributes(G, "state", "kind")
    data = _data(_parse(write_network(G, tmp_path / "dense.html", title="t").path))
    assert data["meta"]["physics"] is False
    G.remove_edges_from(list(G.edges)[1500:])
    data = _data(_parse(write_network(G, tmp_path / "sparser.html", title="t").path))
    assert data["meta"]["physics"] is True


def test_input_graph_is_not_changed(tmp_path: Path) -> None:
    G = synthetic_graph(60)
    before = {n: dict(a) for n, a in G.nodes(data=True)}
    write_network(G, tmp_path / "p.html", title="t", max_nodes=10)
    assert {n: dict(a) for n, a in G.nodes(data=True)} == before


def test_annotate_is_reproducible() -> None:
    a = annotate(synthetic_graph(300, seed=7))
    b = annotate(synthetic_graph(300, seed=7))
    assert dict(a.nodes(data="community")) == dict(b.nodes(data="community"))
    assert dict(a.nodes(data="centrality")) == dict(b.nodes(data="centrality"))
    assert community_layout(a) == community_layout(b)
    assert max(a.nodes(data="centrality"), key=lambda x: x[1])[0] == OSCE_ID
    assert all(0 <= c <= 1 for _, c in a.nodes(data="centrality"))


def test_annotate_samples_betweenness_for_big_graphs() -> None:
    G = annotate(synthetic_graph(1200))
    assert G.number_of_nodes() > 600
    assert max(G.nodes(data="centrality"), key=lambda x: x[1])[0] == OSCE_ID


def test_top_n() -> None:
    G = synthetic_graph(120)
    sub = top_n(G, 10)
    assert sub.number_of_nodes() == 10 and sub.graph["nodes_total"] == G.number_of_nodes()
    ranked = sorted(G.nodes(data="centrality"), key=lambda x: (-x[1], x[0]))
    assert set(sub) == {n for n, _ in ranked[:10]}
    assert top_n(G, 0).number_of_nodes() == 0
    with pytest.raises(ValueError, match="n >= 0"):
        top_n(G, -1)


def test_empty_graph(tmp_path: Path) -> None:
    info = write_network(nx.Graph(), tmp_path / "empty.html", title="empty")
    assert (info.nodes_total, info.nodes_shown, info.edges_shown, info.truncated) == (
        0,
        0,
        0,
        False,
    )
    assert _data(_parse(info.path))["nodes"] == []


def test_views_shaped_attributes(tmp_path: Path) -> None:
    """What viz/views.py hands over: store literals as text, event facts, shared-event names."""
    G: nx.Graph[Any] = nx.Graph()
    quote = {"note": "note/2013-minsk", "line": "12", "quote": "Belarus hosted the workshop."}
    G.add_node("state/BLR", label="Belarus", kind="state", region=None, evidence=[quote])
    G.add_node(
        "event/2013-01-15-minsk", label="Minsk workshop", kind="event", year=2013,
        start="2013-01-15", status="held", event_type="workshop", evidence=[],
    )  # fmt: skip
    G.add_edge(
        "state/BLR", "event/2013-01-15-minsk", weight=2, roles=["host"],
        events=["Minsk workshop", "Astana seminar"], evidence=[quote],
    )  # fmt: skip
    info = write_network(G, tmp_path / "v.html", title="views")
    data = _data(_parse(info.path))
    blr, event = sorted(data["nodes"], key=lambda n: n["kind"] != "state")
    assert blr["evidence"][0]["line"] == 12 and blr["region"] is None
    assert (event["start"], event["status"], event["event_type"]) == (
        "2013-01-15", "held", "workshop",
    )  # fmt: skip
    [edge] = data["edges"]
    assert [data["event_names"][i] for i in edge["events"]] == ["Minsk workshop", "Astana seminar"]
    assert edge["colour"] == "#ff7f0e" and edge["weight"] == 2


def test_big_evidence_is_capped_and_counted(tmp_path: Path) -> None:
    """A hub of a 10k-note graph has thousands of quotes: the page takes a bounded number and
    says how many there are."""
    from viz.data import EDGE_EVENTS, EDGE_QUOTES, NODE_QUOTES

    quotes = [{"note": f"note/n{i:04d}", "line": i, "quote": f"q{i}"} for i in range(300)]
    G: nx.Graph[Any] = nx.Graph()
    G.add_node("org/osce", label="OSCE", kind="organization", evidence=quotes, quoted_events=10,
               events_total=250)  # fmt: skip
    G.add_node("state/BLR", label="Belarus", kind="state", region="Europe", evidence=quotes[:3])
    events = [f"Workshop {i}" for i in range(250)]
    G.add_edge("org/osce", "state/BLR", weight=250, events=events, evidence=quotes,
               quoted_events=3)  # fmt: skip
    data = _data(_parse(write_network(G, tmp_path / "cap.html", title="cap").path))
    osce = next(n for n in data["nodes"] if n["id"] == "org/osce")
    assert osce["evidence"] == quotes[:NODE_QUOTES] and osce["evidence_total"] == 300
    assert (osce["quoted_events"], osce["events_total"]) == (10, 250)
    blr = next(n for n in data["nodes"] if n["id"] == "state/BLR")
    assert blr["evidence"] == quotes[:3] and blr["evidence_total"] == 3
    assert blr["quoted_events"] is None
    [edge] = data["edges"]
    assert edge["evidence"] == quotes[:EDGE_QUOTES] and edge["evidence_total"] == 300
    assert [data["event_names"][i] for i in edge["events"]] == events[:EDGE_EVENTS]
    assert edge["events_total"] == 250


def test_region_and_event_type_choices(tmp_path: Path) -> None:
    """The page offers the regions of its States and agencies and the types of its events (the
    links of a projection: through their facets), with None for 'not known'."""
    G: nx.Graph[Any] = nx.Graph()
    G.add_node("state/BLR", label="Belarus", kind="state", region="Europe")
    G.add_node("state/KAZ", label="Kazakhstan", kind="state", region="Asia")
    G.add_node("state/XXX", label="Nowhere", kind="state")
    G.add_node("org/osce", label="OSCE", kind="organization", region="Oceania")  # not offered
    G.add_edge("state/BLR", "state/KAZ", weight=2, facets=[[2013, "workshop"], [2014, None]])
    G.add_edge("state/BLR", "org/osce", weight=1, facets=[[2013, "workshop"]])
    G.add_edge("state/XXX", "org/osce", weight=1, facets=[[2012, "<b>training</b>"]])
    meta_and_edges = _data(_parse(write_network(G, tmp_path / "f.html", title="f").path))
    meta = meta_and_edges["meta"]
    assert meta["regions"] == ["Asia", "Europe", None]
    assert meta["event_types"] == ["<b>training</b>", "workshop", None]
    facets = {tuple(f) for f in meta["facets"]}
    assert facets == {(2013, "workshop"), (2014, None), (2012, "<b>training</b>")}
    by_pair = {(e["from"], e["to"]): e for e in meta_and_edges["edges"]}
    assert [tuple(meta["facets"][i]) for i in by_pair["state/BLR", "state/KAZ"]["facets"]] == [
        (2013, "workshop"),
        (2014, None),
    ]
    # one region and one type: nothing to choose, no filter
    H: nx.Graph[Any] = nx.Graph()
    H.add_node("state/BLR", label="Belarus", kind="state", region="Europe")
    H.add_node("event/e", label="E", kind="event", event_type="workshop")
    H.add_edge("state/BLR", "event/e")
    meta = _data(_parse(write_network(H, tmp_path / "g.html", title="g").path))["meta"]
    assert meta["regions"] == [] and meta["event_types"] == []
