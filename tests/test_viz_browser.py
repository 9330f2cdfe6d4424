"""The written page in a real headless Chromium (Debian's package), with the network blocked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from viz.page import write_network
from viz.synthetic import HOSTILE_LABELS, OSCE_ID, synthetic_graph

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshot.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None, reason=f"needs Debian's chromium package at {CHROMIUM}"
    ),
]


@dataclass
class Opened:
    page: Any
    left: list[str] = field(default_factory=list)  # requests that tried to leave the file
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(path: Path, width: int = 1400, height: int = 860) -> Opened:
        url = path.resolve().as_uri()
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(r: Any) -> None:
            if r.request.url == url:
                r.continue_()
            else:
                opened.left.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        # a function, not an expression string: the page's CSP forbids eval
        page.wait_for_function("() => window.notegraph && window.notegraph.ready", timeout=60_000)
        return opened

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def small_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    G = synthetic_graph(120, hostile=True)
    out = tmp_path_factory.mktemp("browser") / "small.html"
    write_network(G, out, title="Outreach events (synthetic)", subtitle="120 nodes, seed 1540")
    return G, out


def test_page_is_offline_and_complete(open_page: Any, small_page: tuple[Any, Path]) -> None:
    G, path = small_page
    opened = open_page(path)
    page = opened.page
    count = page.evaluate("() => Object.keys(window.notegraph.network.getPositions()).length")
    assert count == G.number_of_nodes()
    assert page.evaluate("() => window.notegraph.edgeView.length") == G.number_of_edges()
    assert opened.left == [] and opened.errors == [] and opened.dialogs == []
    assert page.evaluate("() => window.notegraph.network.physics.options.enabled") is False


def test_search_focuses_the_osce(open_page: Any, small_page: tuple[Any, Path]) -> None:
    opened = open_page(small_page[1])
    page = opened.page
    page.fill("#search", "OSCE")
    page.press("#search", "Enter")
    assert page.evaluate("() => window.notegraph.network.getSelectedNodes()") == [OSCE_ID]
    assert "Organization for Security and Co-operation in Europe (OSCE)" in page.inner_text(
        "#evidence h2"
    )
    page.fill("#search", "osce-cpc")  # the IRI tail finds it too
    page.press("#search", "Enter")
    assert page.evaluate("() => window.notegraph.network.getSelectedNodes()") == [OSCE_ID]
    assert page.evaluate("() => window.notegraph.focus('UNODA')") == "org/unoda"  # an alias
    page.fill("#search", "no such actor")
    page.press("#search", "Enter")
    assert "No node matches" in page.inner_text("#search-status")
    assert opened.errors == []


def test_clicking_a_state_shows_its_quotes(open_page: Any, small_page: tuple[Any, Path]) -> None:
    G, path = small_page
    page = open_page(path).page
    state = "state/BLR"
    xy = page.evaluate(
        """(id) => { const n = window.notegraph.network;
                     n.moveTo({position: n.getPositions([id])[id], scale: 1.5, animation: false});
                     const p = n.canvasToDOM(n.getPositions([id])[id]);
                     const r = document.querySelector('#network canvas').getBoundingClientRect();
                     return [r.left + p.x, r.top + p.y]; }""",
        state,
    )
    page.mouse.click(xy[0], xy[1])  # a real click on the canvas
    page.wait_for_function("() => window.notegraph.network.getSelectedNodes().length === 1")
    assert page.evaluate("() => window.notegraph.network.getSelectedNodes()") == [state]
    text = page.inner_text("#evidence")
    quotes = [e["quote"] for e in G.nodes[state]["evidence"]]
    assert quotes and all(q in text for q in quotes[:20])
    assert G.nodes[state]["evidence"][0]["note"] in text
    # and an edge: its evidence too
    edge = page.evaluate(
        "(id) => window.notegraph.data.edges.find(e => e.from === id || e.to === id)", state
    )
    assert page.evaluate("(id) => window.notegraph.select(id)", edge["id"]) is True
    assert edge["evidence"][0]["quote"] in page.inner_text("#evidence")


def test_hostile_names_show_as_text(open_page: Any, small_page: tuple[Any, Path]) -> None:
    opened = open_page(small_page[1])
    page = opened.page
    for i, label in enumerate(HOSTILE_LABELS):
        assert page.evaluate("(id) => window.notegraph.select(id)", f"unresolved/hostile-{i}")
        assert page.inner_text("#evidence h2") == label
        page.hover("#network", position={"x": 5, "y": 5})
    page.fill("#search", "<img")
    page.press("#search", "Enter")
    assert page.inner_text("#evidence h2") == HOSTILE_LABELS[0]
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert page.evaluate("() => document.querySelectorAll('script').length") == 3
    assert opened.dialogs == [] and opened.errors == []


def test_filters_hide_and_restore(open_page: Any, small_page: tuple[Any, Path]) -> None:
    G, path = small_page
    page = open_page(path).page
    events = sum(1 for _, k in G.nodes(data="kind") if k == "event")
    page.uncheck("#kind-event")
    assert page.evaluate("() => window.notegraph.nodeView.length") == G.number_of_nodes() - events
    assert page.evaluate("() => window.notegraph.edgeView.length") == 0
    page.check("#kind-event")
    assert page.evaluate("() => window.notegraph.nodeView.length") == G.number_of_nodes()
    page.uncheck("#role-participant")
    with_participant_only = sum(1 for *_, r in G.edges(data="roles") if r == ["participant"])
    assert page.evaluate("() => window.notegraph.edgeView.length") == (
        G.number_of_edges() - with_participant_only
    )
    page.check("#role-participant")
    years = sorted({y for _, y in G.nodes(data="year") if y is not None})
    page.eval_on_selector(
        "#year-to",
        "(el, y) => { el.value = y; el.dispatchEvent(new Event('input')); }",
        years[0],
    )
    shown_events = sum(1 for _, y in G.nodes(data="year") if y == years[0])
    assert (
        page.evaluate(
            "() => window.notegraph.nodeView.get().filter(n => n.id.startsWith('event/')).length"
        )
        == shown_events
    )


_VISIBLE_NODES = "() => window.notegraph.nodeView.get().map(n => n.id)"


def _choose(page: Any, fieldset: str, keep: set[str | None]) -> None:
    """Untick every value of a filter but those in `keep` (None: the "not known" box)."""
    boxes = page.locator(f"{fieldset} input[type=checkbox]")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        value = box.get_attribute("data-value")
        if (value or None) not in keep:
            box.uncheck()


def test_region_filter_hides_states_of_other_regions(
    open_page: Any, small_page: tuple[Any, Path]
) -> None:
    G, path = small_page
    opened = open_page(path)
    page = opened.page
    regions = sorted(
        {d.get("region") for _, d in G.nodes(data=True) if d["kind"] in ("state", "agency")}
    )
    offered = page.eval_on_selector_all(
        "#filter-regions input", "(boxes) => boxes.map(b => b.dataset.value)"
    )
    assert offered == regions and len(regions) > 2
    _choose(page, "#filter-regions", {"Europe"})
    shown = set(page.evaluate(_VISIBLE_NODES))
    expected = {
        n
        for n, d in G.nodes(data=True)
        if d["kind"] not in ("state", "agency") or d.get("region") == "Europe"
    }
    assert shown == expected
    assert any(
        G.nodes[n]["kind"] == "organization" and G.nodes[n].get("region") != "Europe" for n in shown
    )  # organisations have no region filter: they stay
    links = page.evaluate("() => window.notegraph.edgeView.get().map(e => [e.from, e.to])")
    assert links and all(a in expected and b in expected for a, b in links)
    assert len(links) == sum(1 for a, b in G.edges if a in expected and b in expected)
    page.check("#filter-regions input[data-value='Asia-Pacific']")
    shown = set(page.evaluate(_VISIBLE_NODES))
    assert any(
        G.nodes[n].get("region") == "Asia-Pacific" and G.nodes[n]["kind"] == "state" for n in shown
    )
    assert not any(
        G.nodes[n].get("region") == "Africa" and G.nodes[n]["kind"] == "state" for n in shown
    )
    assert opened.errors == []


def test_event_type_filter_hides_events_of_other_types(
    open_page: Any, small_page: tuple[Any, Path]
) -> None:
    G, path = small_page
    opened = open_page(path)
    page = opened.page
    labels = page.eval_on_selector_all("#filter-types label", "(ls) => ls.map(l => l.textContent)")
    assert HOSTILE_LABELS[1] in labels  # an event type made of markup is a label's text
    assert page.evaluate("() => document.querySelectorAll('#filter-types script, img').length") == 0
    _choose(page, "#filter-types", {"training"})
    shown = set(page.evaluate(_VISIBLE_NODES))
    events = {n for n, d in G.nodes(data=True) if d["kind"] == "event"}
    trainings = {n for n in events if G.nodes[n]["event_type"] == "training"}
    assert trainings and shown & events == trainings
    assert page.evaluate("() => window.notegraph.edgeView.length") == sum(
        1 for a, b in G.edges if (a in trainings) != (b in trainings)
    )
    page.click("#reset")  # does not touch the filters
    assert set(page.evaluate(_VISIBLE_NODES)) & events == trainings
    page.check("#filter-types input[data-value='workshop']")
    workshops = {n for n in events if G.nodes[n]["event_type"] == "workshop"}
    assert set(page.evaluate(_VISIBLE_NODES)) & events == trainings | workshops
    assert opened.errors == [] and opened.dialogs == []


def test_large_graph_and_screenshot(open_page: Any, tmp_path: Path) -> None:
    G = synthetic_graph(2400)
    info = write_network(G, tmp_path / "big.html", title="Outreach network", max_nodes=1500)
    opened = open_page(info.path)
    page = opened.page
    positions = page.evaluate("() => window.notegraph.network.getPositions()")
    assert len(positions) == info.nodes_shown == 1500
    assert page.evaluate("() => window.notegraph.network.physics.options.enabled") is False
    assert "Showing the top 1,500 of" in page.inner_text("#truncated")
    assert opened.left == [] and opened.errors == []


def test_seed_notes_end_to_end_and_readme_screenshot(
    open_page: Any, seed_store_path: Path, tmp_path: Path
) -> None:
    """The real pipeline: the seeds' co-attendance view of the OSCE written by `notegraph viz`,
    opened offline; the node count is the view graph's, the OSCE is found, a State's quotes show."""
    import notegraph
    from graph.store import OxigraphStore
    from viz.views import view_graph

    out = tmp_path / "osce.html"
    code = notegraph.main(
        ["--store", str(seed_store_path), "viz", "--view", "co-attendance", "--actor", "OSCE",
         "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    store = OxigraphStore(seed_store_path, read_only=True)
    G, _ = view_graph(store, "co-attendance", actor="OSCE")
    store.close()
    opened = open_page(out, width=1400, height=820)
    page = opened.page
    count = page.evaluate("() => Object.keys(window.notegraph.network.getPositions()).length")
    assert count == G.number_of_nodes()
    page.fill("#search", "OSCE")
    page.press("#search", "Enter")
    assert page.evaluate("() => window.notegraph.network.getSelectedNodes()") == ["org/osce"]
    assert page.evaluate("() => window.notegraph.select('state/POL')")
    evidence = page.inner_text("#evidence")
    assert "Poland Border" in evidence and "000_ac2b936748c06b5a" in evidence
    link = page.evaluate(
        """() => window.notegraph.data.edges.find(e =>
             [e.from, e.to].sort().join(' ') === 'org/osce state/BLR')"""
    )
    assert page.evaluate("(id) => window.notegraph.select(id)", link["id"])
    panel = page.inner_text("#evidence")
    shared = G.edges["org/osce", "state/BLR"]["events"]
    assert link["events"] == shared and all(name in panel for name in shared)
    # the links are shared events: ticking off a type keeps those shared through another one
    consultation = {
        frozenset((a, b))
        for a, b, d in G.edges(data=True)
        if any(t == "consultation" for _, t in d["facets"])
    }
    assert 0 < len(consultation) < G.number_of_edges()
    page.uncheck("#filter-types input[data-value='workshop']")
    links = page.evaluate("() => window.notegraph.edgeView.get().map(e => [e.from, e.to])")
    assert {frozenset(link) for link in links} == consultation
    page.check("#filter-types input[data-value='workshop']")
    _choose(page, "#filter-regions", {"Europe"})
    states = page.evaluate(
        "() => window.notegraph.nodeView.get().map(n => n.id).filter(id => id.startsWith('state/'))"
    )
    assert states and {G.nodes[s]["region"] for s in states} == {"Europe"}
    assert "org/osce" in page.evaluate(_VISIBLE_NODES)
    for box in page.locator("#filter-regions input").all():
        box.check()
    assert page.evaluate("() => window.notegraph.select('org/osce')")
    page.evaluate("() => window.notegraph.network.fit({animation: false})")
    page.wait_for_timeout(300)
    assert opened.left == [] and opened.errors == [] and opened.dialogs == []
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
