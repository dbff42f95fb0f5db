"""Tests of course_tools.views.dynamics (lesson L07), against values worked by hand (METHODS.md T7, T8)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from course_tools.i18n import UnknownLanguageError
from course_tools.methods import dynamics as dyn
from course_tools.views import dynamics as cp


def _trade(year: int, rows: dict[str, list[float]], products=("p1", "p2", "p3", "p4")) -> pd.DataFrame:
    out = []
    for country, values in rows.items():
        for p, v in zip(products, values):
            out.append({"year": year, "country": country, "product": p, "export_value": v})
    return pd.DataFrame(out)


# METHODS.md T7: market M0=[100,200,300,400], M1=[180,220,270,330]; country X0=[10,40,30,20],
# X1=[27,33,54,13]. The market is the sum of all reporters, so the rest of the world B is M - X.
T0 = _trade(1980, {"AAA": [10, 40, 30, 20], "BBB": [90, 160, 270, 380]})
T1 = _trade(2017, {"AAA": [27, 33, 54, 13], "BBB": [153, 187, 216, 317]})


def test_world_market_table_reproduces_t7():
    t = dyn.world_market_table(T0, T1, "AAA").set_index("product").loc[["p1", "p2", "p3", "p4"]]
    assert t["delta_weight"].tolist() == pytest.approx([0.08, 0.02, -0.03, -0.07])
    assert t["delta_share"].tolist() == pytest.approx([0.05, -0.05, 0.10, 13 / 330 - 0.05])
    assert t["quadrant"].tolist() == ["rising star", "missed opportunity", "declining star", "retreat"]
    assert t["import_t1"].tolist() == [180, 220, 270, 330]


def test_world_market_table_sorts_names_and_treats_nan_as_zero():
    t1 = T1.copy()
    t1.loc[(t1["country"] == "BBB") & (t1["product"] == "p4"), "export_value"] = np.nan  # not reported
    names = pd.DataFrame({"code": ["p1", "p3"], "name": ["Beer", "Coffee"]})
    t = dyn.world_market_table(T0, t1, "AAA", names=names)
    assert t["product"].tolist() == ["p3", "p2", "p1", "p4"]  # largest exports in 2017 first
    assert t["name"].tolist() == ["Coffee", "p2", "Beer", "p4"]  # code when no name
    p4 = t.set_index("product").loc["p4"]
    assert p4["import_t1"] == 13 and p4["share_t1"] == 1.0  # world = the country alone


def test_world_market_table_errors_are_clear():
    with pytest.raises(cp.CompetitivenessInputError, match="not a reporter"):
        dyn.world_market_table(T0, T1, "ZZZ")
    with pytest.raises(cp.CompetitivenessInputError, match="no column"):
        dyn.world_market_table(T0.rename(columns={"country": "iso"}), T1, "AAA")


def test_quadrant_counts_by_hand():
    t = dyn.world_market_table(T0, T1, "AAA")
    q = cp.quadrant_counts(t)
    assert q["quadrant"].tolist() == ["rising star", "declining star", "missed opportunity", "retreat"]
    assert q["n_products"].tolist() == [1, 1, 1, 1]
    assert q["export_value"].tolist() == [27, 54, 33, 13]
    assert q["share"].tolist() == pytest.approx([27 / 127, 54 / 127, 33 / 127, 13 / 127])
    es = cp.quadrant_counts(t, lang="es")
    assert es["quadrant"].tolist() == ["estrella naciente", "estrella menguante", "oportunidad perdida", "retirada"]
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        cp.quadrant_counts(t, lang="fr")


def test_tolerance_moves_small_changes_to_the_negative_side():
    # tol = 0.06: only |changes| > 0.06 count as positive: Δw 0.08 (p1) stays, Δms 0.05 (p1) does not
    t = dyn.world_market_table(T0, T1, "AAA", tol=0.06).set_index("product")
    assert t.loc["p1", "quadrant"] == "missed opportunity"
    assert t.loc["p3", "quadrant"] == "declining star"  # Δms 0.10 > 0.06
    both = cp.compare_windows({"tol 0": dyn.world_market_table(T0, T1, "AAA"), "tol 0.06": t.reset_index()})
    assert both["tol 0"].tolist() == [1, 1, 1, 1]
    assert both["tol 0.06"].tolist() == [0, 1, 1, 2]


def test_no_demand_is_listed_when_present():
    t0 = _trade(1980, {"AAA": [10, 0], "BBB": [90, 0]}, products=("p1", "p2"))
    t1 = _trade(2017, {"AAA": [10, 5], "BBB": [90, 5]}, products=("p1", "p2"))
    q = cp.quadrant_counts(dyn.world_market_table(t0, t1, "AAA"))
    assert q.set_index("quadrant").loc["no demand", "n_products"] == 1


def test_cms_world_reproduces_t8():
    # METHODS.md T8: X0=[50,30,20], X1=[70,30,30], world (without the country) W0=[1000]*3, W1=[1200,1500,900]
    p = ("a", "b", "c")
    t0 = _trade(1980, {"AAA": [50, 30, 20], "BBB": [1000, 1000, 1000]}, products=p)
    t1 = _trade(2017, {"AAA": [70, 30, 30], "BBB": [1200, 1500, 900]}, products=p)
    s = dyn.cms_world(t0, t1, "AAA")
    assert s["world_growth"] == pytest.approx(20)
    assert s["commodity_composition"] == pytest.approx(3)
    assert s["competitiveness"] == pytest.approx(7)
    assert s["total_change"] == pytest.approx(30)
    by = dyn.cms_world(t0, t1, "AAA", by_product=True).set_index("product")
    # product a: r_a = 0.2, r = 0.2: composition 0, competitiveness 70 - 50 - 10 = 10
    assert by.loc["a", "commodity_composition"] == pytest.approx(0)
    assert by.loc["a", "competitiveness"] == pytest.approx(10)


def test_demand_growth_by_hand():
    panel = pd.DataFrame({"product": ["a", "b", "a", "b", "a"], "year": [1995, 1995, 2023, 2023, 2000],
                          "world_export_value": [100.0, 100.0, 300.0, 100.0, 7.0]})
    d = dyn.demand_growth(panel).set_index("product")
    assert d.loc["a", "delta_weight"] == pytest.approx(0.25) and d.loc["b", "delta_weight"] == pytest.approx(-0.25)
    assert d.loc["a", "growth"] == pytest.approx(2.0) and d.loc["b", "growth"] == pytest.approx(0.0)
    assert d["dynamic"].tolist() == [True, False]
    with pytest.raises(cp.CompetitivenessInputError, match="1990"):
        dyn.demand_growth(panel, year0=1990)


def test_scatter_structure_and_values():
    t = dyn.world_market_table(T0, T1, "AAA", names=pd.DataFrame({"code": ["p1"], "name": ["Beer"]}))
    fig = cp.competitiveness_scatter(t, country_name="Aland", years=(1980, 2017), lang="es")
    assert isinstance(fig, go.Figure) and len(fig.data) == 4
    assert fig.data[0].name == "estrella naciente (1)"
    assert list(fig.data[0].x) == pytest.approx([8.0]) and list(fig.data[0].y) == pytest.approx([5.0])
    assert "Beer" in fig.data[0].text[0]
    assert "Aland" in fig.layout.title.text and "1980" in fig.layout.title.text
    assert "Δw" in fig.layout.xaxis.title.text and "Δms" in fig.layout.yaxis.title.text


def test_path_figure_structure():
    cy = pd.DataFrame({"country": ["AAA"] * 2 + ["BBB"] * 2, "year": [1995, 2023] * 2,
                       "eci": [0.1, 0.3, -1.0, -0.5], "diversity": [10, 12, 3, 4]})
    fig = cp.path_figure(cy, ["AAA", "BBB"], names={"AAA": "Aland"})
    assert len(fig.data) == 4 and fig.data[0].name == "Aland"
    assert list(fig.data[0].y) == [0.1, 0.3] and list(fig.data[1].y) == [10, 12]
    assert fig.data[0].line.width == 3
    with pytest.raises(cp.CompetitivenessInputError, match="ZZZ"):
        cp.path_figure(cy, ["ZZZ"])


def test_cms_figure_values():
    s = pd.Series({"world_growth": 2e9, "commodity_composition": -1e9, "competitiveness": 0.5e9,
                   "total_change": 1.5e9})
    fig = cp.cms_figure(s, country_name="Aland", years=(1980, 2017))
    assert list(fig.data[0].y) == pytest.approx([2, -1, 0.5, 1.5])
    assert list(fig.data[0].measure) == ["relative", "relative", "relative", "total"]
    assert math.isclose(sum(fig.data[0].y[:3]), fig.data[0].y[3])


def test_cms_world_with_the_whole_world_as_reference():
    # reference = AAA + BBB: W0 = [1050, 1030, 1020] (3100), W1 = [1270, 1530, 930] (3730);
    # r = 3730/3100 - 1; world growth = r * 100
    p = ("a", "b", "c")
    t0 = _trade(1980, {"AAA": [50, 30, 20], "BBB": [1000, 1000, 1000]}, products=p)
    t1 = _trade(2017, {"AAA": [70, 30, 30], "BBB": [1200, 1500, 900]}, products=p)
    s = dyn.cms_world(t0, t1, "AAA", exclude_country=False)
    assert s["world_growth"] == pytest.approx((3730 / 3100 - 1) * 100)
    comp = 50 * (1270 / 1050 - 1) + 30 * (1530 / 1030 - 1) + 20 * (930 / 1020 - 1)
    assert s["commodity_composition"] == pytest.approx(comp - (3730 / 3100 - 1) * 100)
    assert s["competitiveness"] == pytest.approx(30 - comp)
