"""Product space graph and node table on toy T9 (METHODS.md §5.4); tree worked by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools.indicators import IndicatorInputError, complexity, country_on_product_space, product_space_graph

T9 = pd.DataFrame([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0], [1, 1, 0, 0, 0], [1, 0, 1, 0, 0]],
                  index=["c1", "c2", "c3", "c4"], columns=["p1", "p2", "p3", "p4", "p5"])


@pytest.fixture(scope="module")
def result():
    return complexity(T9, presence="manual")


def test_maximum_spanning_tree_plus_strong_links(result):
    g = product_space_graph(result.proximity, strong_link_threshold=0.55)
    tree = {frozenset(e) for e, d in ((e[:2], e[2]) for e in g.edges(data=True)) if d["in_tree"]}
    # Kruskal by hand on the off-diagonal proximities: 0.75 (p1-p2), 0.75 (p1-p3), 2/3 (p2-p4 or
    # p3-p4, a tie), 0.5 (p4-p5; p1-p4 would close a cycle) -> total weight 8/3
    assert len(tree) == 4
    assert {frozenset({"p1", "p2"}), frozenset({"p1", "p3"}), frozenset({"p4", "p5"})} <= tree
    assert frozenset({"p2", "p4"}) in tree or frozenset({"p3", "p4"}) in tree
    weight = sum(g.edges[tuple(e)]["proximity"] for e in tree)
    assert weight == pytest.approx(0.75 + 0.75 + 2 / 3 + 0.5)
    # links >= 0.55: p1-p2, p1-p3, p2-p3, p2-p4, p3-p4; union with the tree -> 6 edges
    assert {frozenset(e) for e in g.edges()} == {frozenset(e) for e in
        [("p1", "p2"), ("p1", "p3"), ("p2", "p3"), ("p2", "p4"), ("p3", "p4"), ("p4", "p5")]}
    assert g.number_of_nodes() == 5


def test_threshold_and_tree_only(result):
    assert product_space_graph(result.proximity, strong_link_threshold=0.7).number_of_edges() == 4
    assert product_space_graph(result.proximity, strong_link_threshold=None).number_of_edges() == 4


def test_node_attributes_and_errors(result):
    g = product_space_graph(result.proximity, node_attributes={"pci": result.pci, "ubiquity": result.ubiquity})
    assert g.nodes["p5"]["ubiquity"] == 1
    assert g.nodes["p5"]["pci"] == pytest.approx(6.331738, abs=1e-6)
    with pytest.raises(IndicatorInputError, match="square"):
        product_space_graph(result.proximity.iloc[:, :3])
    bad = result.proximity.copy()
    bad.iloc[0, 1] = 0.1
    with pytest.raises(IndicatorInputError, match="symmetric"):
        product_space_graph(bad)


def test_country_on_product_space(result):
    t = country_on_product_space(result, "c3")
    assert t["present"].tolist() == [True, True, False, False, False]
    np.testing.assert_allclose(t["density"], [0.538462, 0.512195, 0.414634, 0.35, 0.241379], atol=1e-6)
    assert t["rca"].isna().all()  # M given by hand: no RCA
    layout = pd.DataFrame({"product": ["p1", "p5", "p9"], "x": [0.0, 1.0, 2.0], "y": [0.0, 1.0, 2.0]})
    merged = country_on_product_space(result, "c3", layout=layout)
    assert merged["product"].tolist() == ["p1", "p5", "p9"]
    assert merged["present"].iloc[0] == True and pd.isna(merged["present"].iloc[2])  # noqa: E712
    with pytest.raises(IndicatorInputError, match="not among"):
        country_on_product_space(result, "zz")
