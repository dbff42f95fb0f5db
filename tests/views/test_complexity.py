"""Tables and figures of lesson L08 (course_tools.views.complexity).

Values on the toy T9 of METHODS.md §5.4 (binary M, 4 countries x 5 products), worked by hand:
diversity [5, 4, 2, 2], ubiquity [4, 3, 3, 2, 1]; average ubiquity of c1 = (4+3+3+2+1)/5 = 2.6,
c2 = (4+3+3+2)/4 = 3, c3 = (4+3)/2 = c4 = (4+3)/2 = 3.5 (= k_c,1 of the method of reflections);
py-ecomplexity ECI [1.507557, 0.301511, -0.904534, -0.904534], density of c3
[0.538462, 0.512195, 0.414634, 0.35, 0.241379] and Atlas opportunity gain of c3
[0, 0, 1.508723, 1.134623, 1.549216] (METHODS table, recomputed independently there).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pytest import approx

from course_tools import indicators as ind
from course_tools.i18n import UnknownLanguageError
from course_tools.views import complexity as v

T9 = pd.DataFrame([[1, 1, 1, 1, 1], [1, 1, 1, 1, 0], [1, 1, 0, 0, 0], [1, 0, 1, 0, 0]],
                  index=pd.Index(["c1", "c2", "c3", "c4"], name="country"),
                  columns=pd.Index(["p1", "p2", "p3", "p4", "p5"], name="product"), dtype=float)


@pytest.fixture(scope="module")
def res():
    return ind.complexity(T9, presence="manual")


def test_eci_ranking_world_and_group(res):
    r = v.eci_ranking(res, names={"c1": "One"})
    assert r["country"].tolist() == ["c1", "c2", "c3", "c4"]
    assert r["rank"].tolist() == [1, 2, 3, 3]  # c3 and c4 have the same basket: a tie
    assert r["name"].tolist()[:2] == ["One", "c2"]
    assert r["eci"].tolist() == approx([1.507557, 0.301511, -0.904534, -0.904534], abs=1e-6)
    assert r["diversity"].tolist() == [5, 4, 2, 2]
    g = v.eci_ranking(res, members=["c4", "c3", "c2", "not-there"])
    assert g.set_index("country")["rank"].to_dict() == {"c2": 1, "c3": 2, "c4": 2}
    with pytest.raises(v.ProductSpaceViewError, match="none of the `members`"):
        v.eci_ranking(res, members=["zzz"])


def test_diversity_ubiquity_table_hand_values(res):
    t = v.diversity_ubiquity_table(res)
    assert t["diversity"].tolist() == [5, 4, 2, 2]
    assert t["avg_ubiquity"].tolist() == approx([2.6, 3.0, 3.5, 3.5])
    # same as the first reflection k_c,1 of METHODS
    assert t["avg_ubiquity"].tolist() == approx(ind.reflections(T9, 1).kc[1].tolist())


def test_complexity_table_candidates_sorted_by_density(res):
    og = ind.opportunity_gain(res)
    t = v.complexity_table(res, "c3", {"p3": "three"}, opportunity_gain=og, absent_only=True)
    assert t["product"].tolist() == ["p3", "p4", "p5"]
    assert t["name"].tolist() == ["three", "p4", "p5"]
    assert t["density"].tolist() == approx([0.414634, 0.35, 0.241379], abs=1e-6)
    assert t["opportunity_gain"].tolist() == approx([1.508723, 1.134623, 1.549216], abs=1e-6)
    assert not t["present"].any()
    by_og = v.complexity_table(res, "c3", opportunity_gain=og, absent_only=True, sort_by="opportunity_gain", n=1)
    assert by_og["product"].tolist() == ["p5"]
    full = v.complexity_table(res, "c3")
    assert len(full) == 5 and full["present"].sum() == 2
    with pytest.raises(v.ProductSpaceViewError, match="not among the 4 countries"):
        v.complexity_table(res, "C3")
    with pytest.raises(v.ProductSpaceViewError, match="sort_by"):
        v.complexity_table(res, "c3", sort_by="nope")


def _layout():
    nodes = pd.DataFrame({"product": ["p1", "p2", "p3", "p9"], "x": [0.0, 1.0, 2.0, 3.0],
                          "y": [0.0, 1.0, 0.0, 1.0], "name": ["one", "two", "three", "nine"],
                          "color": ["#111111"] * 4})
    edges = pd.DataFrame({"source": ["p1", "p2", "p3", "p9"], "target": ["p2", "p3", "p9", "pX"]})
    return nodes, edges


def test_product_space_nodes_join(res):
    nodes, _ = _layout()
    n = v.product_space_nodes(nodes, res, "c3", world_trade=pd.Series([100.0, 25.0], index=["p1", "p2"]))
    assert n["matched"].tolist() == [True, True, True, False]
    assert n["present"].tolist() == [True, True, False, False]  # p9 is not in the result
    assert n["density"].iloc[:3].tolist() == approx([0.538462, 0.512195, 0.414634], abs=1e-6)
    assert math.isnan(n["density"].iloc[3])
    assert n["world_trade"].tolist() == [100.0, 25.0, 0.0, 0.0]
    with pytest.raises(v.ProductSpaceViewError, match="layout_nodes"):
        v.product_space_nodes(nodes.drop(columns="x"), res, "c3")
    # names in the reader's language replace the layout's labels; codes without one keep theirs
    named = v.product_space_nodes(nodes, res, "c3", names={"p1": "Uno", "p9": "Nueve"})
    assert named["name"].tolist()[0] == "Uno" and named["name"].tolist()[3] == "Nueve"
    assert named["name"].tolist()[1:3] == n["name"].tolist()[1:3]


def test_product_space_figure_structure_and_sizes(res):
    nodes, edges = _layout()
    n = v.product_space_nodes(nodes, res, "c3", world_trade=pd.Series([100.0, 25.0], index=["p1", "p2"]))
    fig = v.product_space_figure(n, edges, country_name="Cthree", highlight="p2", lang="es")
    assert [t.name for t in fig.data] == ["enlaces de proximidad", "todavía no (VCR < 1)",
                                          "exporta con VCR ≥ 1", "producto elegido"]
    # 3 edges inside the layout (p9-pX dropped), each drawn as x0, x1, gap
    assert len(fig.data[0].x) == 9 and np.isnan(fig.data[0].x[2])
    assert list(fig.data[0].x[:2]) == [0.0, 1.0]
    # sqrt sizes: largest 22 px, 25/100 -> 4 + 18 * 0.5 = 13 px
    assert list(fig.data[2].marker.size) == approx([22.0, 13.0])
    assert list(fig.data[2].marker.color) == ["#111111", "#111111"]
    assert fig.data[3].text[0] == "two"
    assert fig.layout.title.text == "Cthree en el espacio de productos (2 de 4 productos con VCR ≥ 1)"
    assert fig.layout.xaxis.visible is False
    assert fig.layout.annotations == ()  # p2 is on the map: no note


def test_product_space_figure_highlight_outside_the_layout_is_said_not_an_error(res):
    # the layout has 866 headings: a product without a node (PRY's nearest candidate 2609, tin ores)
    # must be named in the figure, never raise
    nodes, edges = _layout()
    n = v.product_space_nodes(nodes, res, "c3")
    fig = v.product_space_figure(n, edges, highlight="p7", names={"p7": "seven"})
    assert [t.name for t in fig.data] == ["proximity links", "not yet (RCA < 1)", "exports with RCA ≥ 1"]
    (note,) = fig.layout.annotations
    assert note.text == "p7 seven: not a node of the product-space map (4 HS 1992 headings), so it is not drawn"
    # candidates best first: the first on the map gets the ring, the better ones before it are named
    fig = v.product_space_figure(n, edges, highlight=["p7", "p5", "p3", "p1"], lang="es")
    assert fig.data[3].name == "producto elegido" and fig.data[3].text[0] == "three"
    assert list(fig.data[3].x) == [2.0]
    (note,) = fig.layout.annotations
    assert note.text.replace("<br>", " ") == (
        "p7 y p5: no son nodos del mapa del espacio de productos (4 partidas del SA 1992), no se "
        "dibujan; el anillo marca p3 three, el siguiente que está en el mapa")
    # the widget draws a product that is not on the map without failing
    assert len(v.product_space_figure(n, edges, highlight=None).layout.annotations) == 0


def test_diversity_ubiquity_figure(res):
    t = v.diversity_ubiquity_table(res, names={"c1": "Country one"})
    fig = v.diversity_ubiquity_figure(t, highlight=["c1"])
    assert len(fig.data) == 2
    assert list(fig.data[1].x) == [5] and list(fig.data[1].y) == approx([2.6])
    assert list(fig.data[1].text) == ["Country one"]
    assert "Diversity" in fig.layout.xaxis.title.text and "ubiquity" in fig.layout.yaxis.title.text
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        v.diversity_ubiquity_figure(t, lang="pt")


def test_country_picker_redraws(res):
    nodes, edges = _layout()
    calls = []

    def draw(c, p):
        calls.append((c, p))
        return v.product_space_figure(v.product_space_nodes(nodes, res, c), edges, highlight=p)

    w = v.country_picker(draw, {"c1": "One", "c3": "Three"}, products={"p1": "one"})
    assert calls == [("c1", None)]
    w.children[0].children[0].value = "c3"
    w.children[0].children[1].value = "p1"
    assert calls[-2:] == [("c3", None), ("c3", "p1")]
    # the Output holds the figure drawn last (its plotly JSON), not an empty box
    (item,) = w.children[1].outputs
    fig = item["data"]["application/vnd.plotly.v1+json"]
    assert any(t.get("marker", {}).get("color") for t in fig["data"])
    assert len(fig["data"]) == len(draw("c3", "p1").data)


def test_complexity_focus_stands_in_jamaica_outside_the_set_and_says_why():
    # Belize reports 2017 exports below USD 1 billion (raw file): the country-level steps show Jamaica
    from course_tools.paths import datasets_dir

    raw17 = pd.read_csv(datasets_dir() / "trade_ots_economiccomplexity" / "world_trade_2017_hs07_4d.csv",
                        dtype={"reporter_iso": str, "product_code": str})
    raw17["reporter_iso"] = raw17["reporter_iso"].str.upper()
    total = raw17.loc[raw17.reporter_iso == "BLZ", "export_value_usd"].sum()
    assert 0 < total < 1e9
    kept, dropped = ind.filter_for_complexity(raw17.dropna(subset=["export_value_usd"]).rename(
        columns={"reporter_iso": "country", "product_code": "product", "export_value_usd": "export_value"}))
    assert v.complexity_focus("MEX", kept, dropped) == ("MEX", "")
    assert v.complexity_focus(" mex ", kept, dropped) == ("MEX", "")
    focus, note = v.complexity_focus("BLZ", kept, dropped)
    assert focus == "JAM" == v.STAND_IN
    assert note.startswith(f"**Belize (BLZ) is outside the 2017 complexity set** (its exports in the table, USD "
                           f"{total / 1e6:,.0f} million, are below the USD 1 billion minimum)")
    assert "show Jamaica (JAM)" in note
    _, es = v.complexity_focus("BLZ", kept, dropped, lang="es")
    assert es.startswith("**Belice (BLZ) está fuera de la muestra de complejidad de 2017**")
    _, both = v.complexity_focus("BLZ", kept, dropped, lang="both")
    assert both == note + " / " + es
    with pytest.raises(v.ProductSpaceViewError, match="unknown country code"):
        v.complexity_focus("XYZ", kept, dropped)
    with pytest.raises(UnknownLanguageError, match="lang"):
        v.complexity_focus("BLZ", kept, dropped, lang="pt")
