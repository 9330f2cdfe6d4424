"""Network analysis for the view: centrality sizes nodes, communities colour them.

Everything here is deterministic: inputs are sorted before they reach an algorithm whose result
depends on iteration order (Louvain), and sampled algorithms get a fixed seed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "BETWEENNESS_EXACT_LIMIT",
    "BETWEENNESS_SAMPLES",
    "BETWEENNESS_WORK",
    "SEED",
    "annotate",
    "top_n",
]

SEED = 1540
#: Up to this many nodes betweenness is exact; above it, it is estimated from k sampled sources.
BETWEENNESS_EXACT_LIMIT = 600
BETWEENNESS_SAMPLES = 200
BETWEENNESS_WORK = 2_000_000  # samples x edges we are willing to traverse


def _sorted_undirected(G: nx.Graph[Any]) -> nx.Graph[Any]:
    """A plain undirected copy whose nodes and edges were inserted in sorted order."""
    import networkx as nx

    H: nx.Graph[Any] = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    rows = []
    for u, v, data in G.edges(data=True):
        a, b = sorted((str(u), str(v)))
        w = data.get("weight", 1)
        rows.append((a, b, float(w) if isinstance(w, int | float) and w > 0 else 1.0))
    rows.sort()
    for a, b, w in rows:
        if H.has_edge(a, b):  # multigraph or both directions: strengths add up
            H[a][b]["weight"] += w
        else:
            H.add_edge(a, b, weight=w)
    return H


def annotate(G: nx.Graph[Any]) -> nx.Graph[Any]:
    """Add `degree`, `degree_centrality`, `betweenness`, `centrality` and `community` to every node.

    `centrality` (in [0, 1]) is the mean of degree and betweenness centrality, each scaled by its
    maximum; it sizes the nodes and ranks them for `top_n`. `community` is a small integer, 0 for
    the largest Louvain community. The graph is changed in place and returned.
    """
    import networkx as nx

    if G.number_of_nodes() == 0:
        return G
    H = _sorted_undirected(G)
    n = H.number_of_nodes()
    degree_c = nx.degree_centrality(H) if n > 1 else dict.fromkeys(H, 0.0)
    if n <= BETWEENNESS_EXACT_LIMIT:
        between = nx.betweenness_centrality(H)
    else:
        # k sampled sources, fewer on big graphs: each costs a traversal of every edge
        k = max(50, min(BETWEENNESS_SAMPLES, BETWEENNESS_WORK // max(1, H.number_of_edges())))
        between = nx.betweenness_centrality(H, k=k, seed=SEED)
    max_d = max(degree_c.values()) or 1.0
    max_b = max(between.values()) or 1.0
    communities = nx.community.louvain_communities(H, weight="weight", seed=SEED)
    ranked = sorted(communities, key=lambda c: (-len(c), min(c)))
    community_of = {node: i for i, members in enumerate(ranked) for node in members}
    for node, data in G.nodes(data=True):
        key = str(node)
        data["degree"] = H.degree(key)
        data["degree_centrality"] = round(degree_c[key], 6)
        data["betweenness"] = round(between[key], 6)
        data["centrality"] = round((degree_c[key] / max_d + between[key] / max_b) / 2, 6)
        data["community"] = community_of[key]
    G.graph["communities"] = len(ranked)
    return G


def _score(data: dict[str, Any]) -> float:
    value = data.get("centrality", 0.0)
    return float(value) if isinstance(value, int | float) else 0.0


def top_n(G: nx.Graph[Any], n: int) -> nx.Graph[Any]:
    """The subgraph of the `n` most central nodes (ties broken by id), as a new graph.

    Nodes without a `centrality` attribute are annotated first. The result keeps the original
    graph's attributes and records `nodes_total` (the size before truncation).
    """
    if n < 0:
        raise ValueError(f"top_n needs n >= 0, got {n}")
    if any("centrality" not in data for _, data in G.nodes(data=True)):
        annotate(G)
    ranked = sorted(G.nodes(data=True), key=lambda item: (-_score(item[1]), str(item[0])))
    keep = [node for node, _ in ranked[:n]]
    sub: nx.Graph[Any] = G.subgraph(keep).copy()
    sub.graph["nodes_total"] = G.graph.get("nodes_total", G.number_of_nodes())
    return sub
