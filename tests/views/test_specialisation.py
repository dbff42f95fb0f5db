"""Tests of course_tools.views.specialisation (lesson L05): tables and figures, structure AND values.

Toy values: METHODS.md §2.2, toy T1 (exports of A, B, C in p1..p3 = [[50,30,20],[10,60,30],[40,10,50]], imports
of A = [20,40,40]), recomputed by hand: RCA(A) = [1.5, 0.9, 0.6], RSCA(A) = [0.2, -0.0526316, -0.25],
HH(A) = 0.38, UNCTAD H(A) = 0.0924906, H(B) = 0.2386911, 1/HH(A) = 2.631579, entropy(A) = 1.0296530,
TBI(A) = [0.428571, -0.142857, -0.333333], Lafay(A) = [15, -5, -10].
With A and C as the only "world" (sums p1..p3 = 90, 40, 70 of 200): RCA(A) = 0.5/0.45, 0.3/0.2, 0.2/0.35
= [1.111111, 1.5, 0.5714286].
Real values (Jamaica, Mexico 2017): from the raw CSV with the csv module, see
tests/notebooks/expectations/05_revealed_comparative_advantage.py.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from course_tools import data
from course_tools.i18n import UnknownLanguageError
from course_tools.views import specialisation as profiles
from course_tools.views.specialisation import ProfileInputError

CODES = ["0101", "0102", "0201"]  # p1, p2 (chapter 01), p3 (chapter 02)
NAMES = pd.DataFrame({"code": CODES, "name": ["Horses", "Bovine animals", "Meat of bovine animals"]})


def _t1() -> pd.DataFrame:
    x = [[50, 30, 20], [10, 60, 30], [40, 10, 50]]
    rows = [(c, p, float(v)) for c, vals in zip("ABC", x) for p, v in zip(CODES, vals)]
    return pd.DataFrame(rows, columns=["country", "product", "export_value"])


# --- rca_profile ---------------------------------------------------------------------------------

def test_rca_profile_t1_against_the_world():
    p = profiles.rca_profile(_t1(), "A", products=NAMES)
    assert list(p.columns) == ["product", "name", "export_value", "share", "reference_share", "rca", "rsca",
                               "has_rca"]
    assert p["product"].tolist() == ["0101", "0102", "0201"]  # sorted by RCA
    assert p["rca"].tolist() == pytest.approx([1.5, 0.9, 0.6])
    assert p["rsca"].tolist() == pytest.approx([0.2, -0.0526316, -0.25], abs=1e-7)
    assert p["share"].tolist() == pytest.approx([0.5, 0.3, 0.2])
    assert p["reference_share"].tolist() == pytest.approx([1 / 3] * 3)
    assert p["has_rca"].tolist() == [True, False, False]
    assert p["name"].iloc[0] == "Horses"
    assert p.attrs["country"] == "A" and p.attrs["n_reference"] == 3


def test_rca_profile_reference_group_includes_the_country():
    with_a = profiles.rca_profile(_t1(), "A", reference=["A", "C"])
    without_a = profiles.rca_profile(_t1(), "a", reference=["C", "ZZZ"])
    for p in (with_a, without_a):
        got = dict(zip(p["product"], p["rca"]))
        assert [got[c] for c in CODES] == pytest.approx([1.1111111, 1.5, 0.5714286], rel=1e-6)
        assert p.attrs["n_reference"] == 2
    assert without_a.attrs["missing_reference"] == ["ZZZ"]
    assert "name" not in with_a.columns


def test_rca_profile_not_reported_is_zero_and_unexported_products_are_dropped():
    t = pd.concat([_t1(), pd.DataFrame({"country": ["B", "A"], "product": ["9999", "0301"],
                                        "export_value": [np.nan, np.nan]})], ignore_index=True)
    p = profiles.rca_profile(t, "A")
    assert sorted(p["product"]) == CODES  # nobody exports 9999 or 0301: no RCA
    assert dict(zip(p["product"], p["rca"]))["0101"] == pytest.approx(1.5)
    # a product B exports but A does not: RCA 0, RSCA -1
    t2 = pd.concat([_t1(), pd.DataFrame({"country": ["B"], "product": ["0301"], "export_value": [100.0]})])
    row = profiles.rca_profile(t2, "A").set_index("product").loc["0301"]
    assert row["rca"] == 0 and row["rsca"] == -1 and not row["has_rca"]


def test_rca_profile_errors_say_what_to_do():
    with pytest.raises(ProfileInputError, match="not in the 'country' column"):
        profiles.rca_profile(_t1(), "XYZ")
    with pytest.raises(ProfileInputError, match="list of ISO3 codes"):
        profiles.rca_profile(_t1(), "A", reference="lac")
    with pytest.raises(ProfileInputError, match="no column"):
        profiles.rca_profile(_t1().rename(columns={"export_value": "v"}), "A")
    with pytest.raises(ProfileInputError, match="negative"):
        profiles.rca_profile(_t1().assign(export_value=-1.0), "A")
    with pytest.raises(ProfileInputError, match="no reported exports"):
        profiles.rca_profile(_t1().assign(export_value=np.where(_t1()["country"] == "A", 0.0, 5.0)), "A")


# --- two references, threshold ---------------------------------------------------------------

def test_rca_two_references_groups_t1():
    two = profiles.rca_two_references(_t1(), "A", ["A", "C"], products=NAMES)
    got = two.set_index("product")
    assert got.loc[CODES, "rca_world"].tolist() == pytest.approx([1.5, 0.9, 0.6])
    assert got.loc[CODES, "rca_region"].tolist() == pytest.approx([1.1111111, 1.5, 0.5714286], rel=1e-6)
    assert got.loc[CODES, "group"].tolist() == ["both", "region only", "neither"]
    assert two.attrs["n_world"] == 3 and two.attrs["n_region"] == 2


def test_rca_two_references_product_the_region_does_not_export():
    t = pd.concat([_t1(), pd.DataFrame({"country": ["B"], "product": ["0301"], "export_value": [100.0]})])
    got = profiles.rca_two_references(t, "A", ["C"]).set_index("product")
    assert np.isnan(got.loc["0301", "rca_region"]) and not got.loc["0301", "has_rca_region"]
    assert got.loc["0301", "group"] == "neither"


def test_threshold_counts_by_hand():
    c = profiles.threshold_counts(pd.Series([0.5, 1.0, 1.05, 2.0, np.nan, 0.89]))
    assert c == {"n_ge": 3, "n_gt": 2, "n_equal": 1, "n_band": 2}
    assert profiles.threshold_counts([0.95, 1.2], band=0.25) == {"n_ge": 1, "n_gt": 1, "n_equal": 0, "n_band": 2}
    with pytest.raises(ProfileInputError, match="band"):
        profiles.threshold_counts([1.0], band=-1)


# --- summary, net trade ----------------------------------------------------------------------

def test_specialisation_summary_t1():
    s = profiles.specialisation_summary(_t1(), names=pd.DataFrame({"iso3": ["A"], "name": ["Atlantis"]}))
    assert s["country"].tolist() == ["C", "A", "B"]  # n_rca 2, 1, 1 (ties by code)
    a = s.set_index("country").loc["A"]
    assert a["name"] == "Atlantis" and s.set_index("country").loc["B", "name"] == "B"
    assert a["n_rca"] == 1 and a["n_products_exported"] == 3 and a["export_value"] == 100
    assert a["hhi"] == pytest.approx(0.38)
    assert a["hhi_unctad"] == pytest.approx(0.0924906, abs=1e-7)
    assert a["equivalent_number"] == pytest.approx(2.631579, abs=1e-6)
    assert a["entropy"] == pytest.approx(1.0296530, abs=1e-7)
    assert s.set_index("country").loc["B", "hhi_unctad"] == pytest.approx(0.2386911, abs=1e-7)
    only_b = profiles.specialisation_summary(_t1(), ["b"])
    assert only_b["country"].tolist() == ["B"] and only_b["n_rca"].iloc[0] == 1  # world is still A, B, C


def test_net_trade_profile_t1_by_chapter_and_by_product():
    t = pd.DataFrame({"reporter": "A", "product": CODES, "export_value": [50.0, 30.0, 20.0],
                      "import_value": [20.0, 40.0, 40.0]})
    detail = profiles.net_trade_profile(t, level=None, country_col="reporter").set_index("code")
    assert detail.loc[CODES, "lafay"].tolist() == pytest.approx([15, -5, -10])
    assert detail.loc[CODES, "tbi"].tolist() == pytest.approx([0.428571, -0.142857, -0.333333], abs=1e-6)
    ch = profiles.net_trade_profile(t, country_col="reporter",
                                    products=pd.DataFrame({"code": ["01", "02"], "name": ["Animals", "Meat"]}))
    assert ch["code"].tolist() == ["01", "02"] and ch["name"].tolist() == ["Animals", "Meat"]
    assert ch["lafay"].tolist() == pytest.approx([10, -10])  # 15 - 5 and -10: the Lafay index adds up
    assert ch["tbi"].tolist() == pytest.approx([20 / 140, -20 / 60])  # a ratio of the chapter totals
    assert ch[["export_value", "import_value"]].to_numpy().tolist() == [[80, 60], [20, 40]]
    with pytest.raises(ProfileInputError, match="ONE country"):
        profiles.net_trade_profile(pd.concat([t, t.assign(reporter="B")]), country_col="reporter")


# --- real data ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def trade17() -> pd.DataFrame:
    return data.load_trade(2017)


def test_rca_profile_jamaica_2017_matches_the_raw_file(trade17):
    p = profiles.rca_profile(trade17, "JAM", products=data.products("hs07", level=4, lang="es"))
    assert len(p) == 1222 and int(p["has_rca"].sum()) == 110 and int((p["export_value"] > 0).sum()) == 853
    top = p.iloc[0]
    assert top["product"] == "2818" and top["rca"] == pytest.approx(527.7051515689689, rel=1e-9)
    assert top["name"].startswith("Corindón artificial")
    coffee = p.set_index("product").loc["0901", "rsca"]
    assert coffee == pytest.approx(0.7982561299173203, rel=1e-9)
    assert profiles.threshold_counts(p["rca"]) == {"n_ge": 110, "n_gt": 110, "n_equal": 0, "n_band": 9}


def test_mexico_against_lac_2017(trade17):
    two = profiles.rca_two_references(trade17, "MEX", data.group_members("lac"))
    assert int(two["has_rca_world"].sum()) == 196 and int(two["has_rca_region"].sum()) == 486
    assert two["group"].value_counts().to_dict() == {"neither": 709, "region only": 317, "both": 169,
                                                    "world only": 27}


def test_chile_2002_lafay_sums_to_zero():
    net = profiles.net_trade_profile(data.load_hs6_totals("CHL"), country_col="reporter")
    assert len(net) == 97 and net["code"].head(3).tolist() == ["74", "26", "03"] and net["code"].iloc[-1] == "84"
    assert net["lafay"].sum() == pytest.approx(0, abs=1e-9)
    assert net.set_index("code").loc["74", "lafay"] == pytest.approx(13.332743590623203, rel=1e-9)


# --- figures -----------------------------------------------------------------------------------

def test_top_rca_bar_draws_the_profile():
    t = pd.concat([_t1(), pd.DataFrame({"country": ["B"], "product": ["0301"], "export_value": [100.0]})])
    p = profiles.rca_profile(t, "A", products=NAMES)
    fig = profiles.top_rca_bar(p, 2, country_name="Atlantis", year=2017)
    bar = fig.data[0]
    assert isinstance(fig, go.Figure) and bar.type == "bar" and bar.orientation == "h"
    assert list(bar.x) == pytest.approx([2.0, 1.2])  # world total 400: RCA(A) = 0.5/0.25, 0.3/0.25
    assert list(bar.y) == ["0101 Horses", "0102 Bovine animals"]
    assert fig.layout.title.text == ("Atlantis: the 2 products with the highest revealed comparative advantage "
                                     "against the world, 2017")
    assert fig.layout.xaxis.type == "log" and fig.layout.shapes[0].x0 == 1
    all_bars = profiles.top_rca_bar(p, 10, "es", country_name="Atlántida", reference_name="ALC")
    assert len(all_bars.data[0].x) == 3  # 0301 is not exported by A: not drawn
    assert all_bars.layout.title.text.startswith("Atlántida: los 3 productos con mayor ventaja comparativa "
                                                 "revelada frente a ALC")
    assert all_bars.layout.xaxis.title.text.startswith("VCR")
    big = profiles.top_rca_bar(p, 10, min_share=0.25)
    assert list(big.data[0].y) == ["0101 Horses", "0102 Bovine animals"]  # 0201 has 20 % of A's exports
    with pytest.raises(UnknownLanguageError, match="use one of \'en\', \'es\'"):
        profiles.top_rca_bar(p, 5, "fr")
    with pytest.raises(ProfileInputError, match="top_n"):
        profiles.top_rca_bar(p, 0)


def test_top_rca_bar_values():
    t = pd.concat([_t1(), pd.DataFrame({"country": ["B"], "product": ["0301"], "export_value": [100.0]})])
    p = profiles.rca_profile(t, "A")
    bar = profiles.top_rca_bar(p, 3).data[0]
    # with 0301 in the world: world total 400, shares p1..p3 = 100/400 each -> RCA(A) = 0.5/0.25 ...
    assert list(bar.x) == pytest.approx([2.0, 1.2, 0.8])
    assert list(bar.y) == ["0101", "0102", "0201"]  # no names table: codes


def test_world_vs_region_scatter():
    two = profiles.rca_two_references(_t1(), "A", ["A", "C"], products=NAMES)
    fig = profiles.rca_world_vs_region_scatter(two, country_name="Atlantis", region_name="LAC", year=2017)
    by_name = {tr.name: tr for tr in fig.data}
    assert set(by_name) == {"advantage in both", "advantage against the region only", "no advantage"}
    both = by_name["advantage in both"]
    assert list(both.x) == pytest.approx([1.5]) and list(both.y) == pytest.approx([1.1111111], rel=1e-6)
    assert both.customdata[0][0] == "0101 Horses"
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "log"
    assert fig.layout.title.text == "Atlantis: RCA against the world and against LAC, 2017"
    assert fig.layout.yaxis.title.text == "RCA against LAC (log scale)"
    es = profiles.rca_world_vs_region_scatter(two, "es", region_name="ALC")
    assert {tr.name for tr in es.data} >= {"ventaja en ambos", "sin ventaja"}


def test_diversification_concentration_scatter():
    s = profiles.specialisation_summary(_t1(), names=pd.DataFrame({"iso3": ["A", "B", "C"],
                                                                   "name": ["Atlantis", "Borduria", "Carpania"]}))
    fig = profiles.diversification_concentration_scatter(s, "B", year=2017)
    rest, mine = fig.data
    assert list(mine.text) == ["Borduria"] and list(mine.x) == [1]
    assert list(mine.y) == pytest.approx([0.2386911], abs=1e-7)
    assert sorted(rest.text) == ["Atlantis", "Carpania"]
    assert fig.layout.xaxis.title.text.startswith("diversification") and "UNCTAD" in fig.layout.yaxis.title.text
    assert fig.layout.title.text == "Diversification and concentration of exports, 2017"


def test_lafay_bar():
    t = pd.DataFrame({"reporter": "A", "product": CODES, "export_value": [50.0, 30.0, 20.0],
                      "import_value": [20.0, 40.0, 40.0]})
    net = profiles.net_trade_profile(t, level=None, country_col="reporter", products=NAMES)
    fig = profiles.lafay_bar(net, 5, "es", country_name="Atlántida", year=2002)
    bar = fig.data[0]
    assert list(bar.x) == pytest.approx([15, -5, -10])
    assert list(bar.marker.color) == ["#1b7837", "#b2182b", "#b2182b"]
    assert list(bar.y)[0] == "0101 Horses"
    assert fig.layout.title.text == "Atlántida: contribución al saldo comercial (índice de Lafay), 2002"
