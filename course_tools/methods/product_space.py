"""The product space: the network of products linked by proximity (Hidalgo et al. 2007).

Data functions only (graph and node tables); the figures are drawn in ``course_tools.views.complexity``.

Reference: Hidalgo, C. A., Klinger, B., Barabási, A.-L. & Hausmann, R. (2007). The product
space conditions the development of nations. Science 317(5837), 482-487. Their visualisation is
the maximum spanning tree of the proximity network plus every link with proximity >= 0.55.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError
from course_tools.methods.complexity import ComplexityResult

__all__ = ["product_space_graph", "country_on_product_space"]


def product_space_graph(proximity: pd.DataFrame, *, strong_link_threshold: float | None = 0.55,
                        node_attributes: pd.DataFrame | Mapping[str, pd.Series] | None = None) -> nx.Graph:
    """Product space graph = maximum spanning tree of phi + all links with phi >= threshold.

    ``proximity``: square product x product DataFrame (e.g. ``complexity(...).proximity``);
    the diagonal is ignored. Each edge has ``proximity`` and ``in_tree`` (True for the
    spanning-tree backbone). ``node_attributes``: a DataFrame indexed by product (or a dict of
    Series, e.g. ``{"pci": result.pci}``) whose columns become node attributes.
    ``strong_link_threshold=None`` gives the tree only.

    The tree is computed with Prim's algorithm on the dense proximity matrix (O(n^2), about
    0.02 s for the 1,222 HS4 products; it always spans, also through pairs with phi = 0). When
    several trees have the same total proximity (ties), the link found first is kept (lowest
    product position in ``proximity``).
    """
    if not isinstance(proximity, pd.DataFrame) or proximity.shape[0] != proximity.shape[1]:
        raise IndicatorInputError(text("methods_msg_c.product_space.not_square"))
    if not proximity.index.equals(proximity.columns):
        raise IndicatorInputError(text("methods_msg_c.product_space.labels_differ"))
    phi = proximity.to_numpy(dtype=float)
    if not np.isfinite(phi).all() or (phi < 0).any() or (phi > 1 + 1e-12).any():
        raise IndicatorInputError(text("methods_msg_c.product_space.range"))
    if not np.allclose(phi, phi.T):
        raise IndicatorInputError(text("methods_msg_c.product_space.not_symmetric", what="proximity"))
    n = phi.shape[0]
    labels = list(proximity.index)
    g = nx.Graph()
    g.add_nodes_from(labels)
    if n >= 2:
        for i, j in _maximum_spanning_tree(phi):
            g.add_edge(labels[i], labels[j], proximity=float(phi[i, j]), in_tree=True)
        if strong_link_threshold is not None:
            iu, ju = np.nonzero(np.triu(phi >= strong_link_threshold, k=1))
            for i, j in zip(iu, ju):
                a, b = labels[i], labels[j]
                if not g.has_edge(a, b):
                    g.add_edge(a, b, proximity=float(phi[i, j]), in_tree=False)
    if node_attributes is not None:
        attrs = pd.DataFrame(node_attributes) if not isinstance(node_attributes, pd.DataFrame) else node_attributes
        unknown = attrs.index.difference(pd.Index(labels))
        if len(unknown) == len(attrs.index) and len(attrs.index):
            raise IndicatorInputError(text("methods_msg_c.product_space.node_attributes"))
        for col in attrs.columns:
            nx.set_node_attributes(
                g, {p: _py(v) for p, v in attrs[col].items() if p in g}, name=str(col)
            )
    g.graph["strong_link_threshold"] = strong_link_threshold
    return g


def _maximum_spanning_tree(phi: np.ndarray) -> list[tuple[int, int]]:
    """Edges (i, j) of a maximum spanning tree of the complete graph with weights ``phi``.

    Prim (1957): grow the tree from node 0, each step adding the outside node with the largest
    link to the tree (first one on ties); vectorised over a dense matrix, n - 1 steps of O(n).
    """
    n = phi.shape[0]
    in_tree = np.zeros(n, dtype=bool)
    in_tree[0] = True
    best = phi[0].astype(float)          # largest link of each node to the tree so far
    best[0] = -np.inf
    parent = np.zeros(n, dtype=int)
    edges: list[tuple[int, int]] = []
    for _ in range(n - 1):
        j = int(np.argmax(best))
        edges.append((int(parent[j]), j))
        in_tree[j] = True
        best[j] = -np.inf
        better = (phi[j] > best) & ~in_tree
        best[better] = phi[j, better]
        parent[better] = j
    return edges


def _py(v: Any) -> Any:
    return v.item() if isinstance(v, np.generic) else v


def country_on_product_space(result: ComplexityResult, country: str, *, layout: pd.DataFrame | None = None,
                             product: str = "product") -> pd.DataFrame:
    """Node table of the product space for one country, ready for plotting.

    One row per product with ``rca`` (NaN if M was given), ``present`` (M_cp, bool),
    ``density``, ``distance``, ``cog``, ``pci`` and ``ubiquity``. If ``layout`` (a table with a
    product column or index and x/y columns, e.g. the Growth Lab layout) is given, it is
    merged in (left join on the layout's products, so products missing from the result get
    NaN).
    """
    if country not in result.M.index:
        raise IndicatorInputError(text("methods_msg_c.product_space.country_missing", country=country,
                                       n=len(result.M.index),
                                       dropped=result.dropped.get("countries", [])[:5]))
    idx = result.M.columns
    out = pd.DataFrame(
        {
            product: idx.to_numpy(),
            "rca": result.rca.loc[country].to_numpy() if result.rca is not None else np.nan,
            "present": result.M.loc[country].to_numpy().astype(bool),
            "density": result.density.loc[country].to_numpy(),
            "distance": result.distance.loc[country].to_numpy(),
            "cog": result.cog.loc[country].to_numpy(),
            "pci": result.pci.to_numpy(),
            "ubiquity": result.ubiquity.to_numpy(),
        }
    )
    out.insert(0, "country", country)
    if layout is not None:
        lay = layout.reset_index() if product not in layout.columns else layout
        if product not in lay.columns:
            raise IndicatorInputError(text("methods_msg_c.product_space.layout_column", product=product))
        lay = lay.copy()
        lay[product] = lay[product].astype(str)
        out[product] = out[product].astype(str)
        out = lay.merge(out, on=product, how="left")
    return out
