"""Synthetic actor-event graphs in the shape `viz/views.py` produces, for tests and benchmarks.

Shaped like the real data (see docs/shared performance notes): States and organisations attend
events; the busiest organisation (the OSCE) is in about 60% of them. Deterministic for a seed.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["HOSTILE_LABELS", "OSCE_ID", "synthetic_graph"]

OSCE_ID = "org/osce-cpc"
HOSTILE_LABELS = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>")
_ROLES = ("organizer", "host", "supporter", "funder", "participant", "invited", "speaker")
_REGIONS = ("Europe", "Central Asia", "Africa", "Latin America", "Asia-Pacific")
_CITIES = ("minsk", "vienna", "astana", "tbilisi", "nairobi", "lima", "hanoi", "geneva", "kyiv")
_TYPES = ("workshop", "training", "consultation", "seminar")


def _quote(rnd: random.Random, who: str, what: str) -> dict[str, Any]:
    note = f"note-{rnd.randrange(1, 400):03d}"
    return {"note": note, "line": rnd.randrange(1, 120), "quote": f"{who} {what}."}


def synthetic_graph(nodes: int, *, seed: int = 1540, hostile: bool = False) -> nx.Graph[Any]:
    """About `nodes` nodes: a third actors, the rest events, each event linked to 3-8 actors.
    With `hostile`, two actors are named with markup and the first event's type is markup."""
    import networkx as nx

    rnd = random.Random(seed)
    G: nx.Graph[Any] = nx.Graph()
    n_actors = max(4, nodes // 3)
    n_events = max(1, nodes - n_actors - (len(HOSTILE_LABELS) if hostile else 0))
    actors: list[str] = []

    def actor(node_id: str, label: str, kind: str, region: str | None = None) -> None:
        G.add_node(node_id, label=label, kind=kind, evidence=[], roles=[], iri=None)
        if region:
            G.nodes[node_id]["region"] = region
        actors.append(node_id)

    actor(OSCE_ID, "Organization for Security and Co-operation in Europe (OSCE)", "organization")
    actor("org/unoda", "UN Office for Disarmament Affairs", "organization")
    G.nodes["org/unoda"]["aliases"] = ["UNODA"]
    actor("org/iaea", "International Atomic Energy Agency", "organization")
    actor("state/BLR", "Belarus", "state", "Europe")
    if hostile:
        for i, label in enumerate(HOSTILE_LABELS):
            actor(f"unresolved/hostile-{i}", label, "unresolved")
    for i in range(len(actors), n_actors):
        kind = rnd.choices(("state", "organization", "agency", "unresolved"), (6, 2, 1, 1))[0]
        prefix = {"state": "state", "organization": "org", "agency": "org"}.get(kind, "unresolved")
        actor(f"{prefix}/{kind[:3]}{i:05d}", f"{kind.title()} {i}", kind, rnd.choice(_REGIONS))
    popular = actors[:12]
    for j in range(n_events):
        year = 2005 + rnd.randrange(19)
        city = rnd.choice(_CITIES)
        event = f"event/{year}-{1 + j % 12:02d}-{1 + j % 28:02d}-{city}-{j}"
        G.add_node(
            event,
            label=f"{city.title()} workshop {j} ({year})",
            kind="event",
            year=year,
            # from j, not from rnd: the graphs of a seed stay what they were before types
            event_type=HOSTILE_LABELS[1] if hostile and j == 0 else _TYPES[j % len(_TYPES)],
            evidence=[_quote(rnd, f"Workshop {j}", f"took place in {city.title()}")],
        )
        guests = set(rnd.sample(popular, 2) + rnd.sample(actors, rnd.randrange(1, 7)))
        if rnd.random() < 0.6:
            guests.add(OSCE_ID)
        if hostile and j < 3:
            guests.update(a for a in actors if a.startswith("unresolved/hostile-"))
        for who in sorted(guests):
            role = rnd.choices(_ROLES, (2, 1, 1, 1, 8, 1, 1))[0]
            label = G.nodes[who]["label"]
            ev = _quote(rnd, label, f"acted as {role} at workshop {j}")
            G.add_edge(who, event, weight=1, roles=[role], years=[year], evidence=[ev])
            G.nodes[who]["evidence"].append(ev)
            if role not in G.nodes[who]["roles"]:
                G.nodes[who]["roles"].append(role)
            G.nodes[event].setdefault("roles", [])
    for node in actors:
        if G.nodes[node].get("iri") is None:
            G.nodes[node]["iri"] = f"https://w3id.org/notegraph/id/{node}"
    return G
