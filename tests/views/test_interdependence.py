"""Tests of course_tools.views.interdependence (tables and figures of lesson L06).

Toy values are worked by hand (the bilateral toy is METHODS.md § 3.2: exporter rows A, B, C ->
importer columns, F = [[0, 60, 40], [30, 0, 70], [50, 50, 0]]; X = 100, 100, 100; M = 80, 110, 110;
M_w = 300). Real-data values were computed from the raw CSV files with the csv module only
(see tests/notebooks/expectations/06_interdependence.py for the steps).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from course_tools.i18n import UnknownLanguageError
from course_tools.views import interdependence as regional
from course_tools.views.interdependence import RegionalInputError

F = [[0, 60, 40], [30, 0, 70], [50, 50, 0]]
CODES = ["A", "B", "C"]


def toy_flows() -> pd.DataFrame:
    rows = [{"exporter": e, "importer": i, "flow": float(F[a][b])}
            for a, e in enumerate(CODES) for b, i in enumerate(CODES)]
    return pd.DataFrame(rows)


# --- bilateral_flows ---------------------------------------------------------------------------

def test_bilateral_flows_drops_self_and_missing_and_sums_duplicates():
    t = pd.DataFrame({"o": ["A", "A", "A", "B", "B"], "d": ["A", "B", "B", "A", "C"],
                      "v": [5.0, 1.0, 2.0, np.nan, 4.0]})
    out = regional.bilateral_flows(t, exporter="o", importer="d", value="v")
    assert out.to_dict("list") == {"o": ["A", "B"], "d": ["B", "C"], "v": [3.0, 4.0]}


def test_bilateral_flows_rejects_negative_values_and_wrong_columns():
    with pytest.raises(RegionalInputError, match="negative"):
        regional.bilateral_flows(pd.DataFrame({"exporter": ["A"], "importer": ["B"], "flow": [-1.0]}))
    with pytest.raises(RegionalInputError, match="not in the table"):
        regional.bilateral_flows(pd.DataFrame({"iso_o": ["A"], "iso_d": ["B"], "flow": [1.0]}))


# --- partner_intensities, intensity_matrix --------------------------------------------------------

def test_partner_intensities_worked_by_hand():
    out = regional.partner_intensities(toy_flows(), "A")
    assert list(out.columns) == ["partner", "flow", "share_of_exports", "partner_share_of_world_imports",
                                 "trade_intensity", "trade_intensity_escap"]
    assert out["partner"].tolist() == ["B", "C"]  # 1.636 > 1.091
    # TII(A->B) = (60/100)/(110/300) = 1.636364; ESCAP: (60/100)/(110/(300-80)) = 1.2
    assert out["trade_intensity"].tolist() == pytest.approx([1.6363636, 1.0909091], rel=1e-6)
    assert out["trade_intensity_escap"].tolist() == pytest.approx([1.2, 0.8], rel=1e-12)
    assert out["share_of_exports"].tolist() == pytest.approx([0.6, 0.4])
    assert out["partner_share_of_world_imports"].tolist() == pytest.approx([110 / 300, 110 / 300])


def test_partner_intensities_filters_partners_but_keeps_the_world():
    out = regional.partner_intensities(toy_flows(), "B", ["A", "B", "Z"])
    # B itself and the absent Z are left out; TII(B->A) = 0.3/(80/300) = 1.125 (world still A, B, C)
    assert out["partner"].tolist() == ["A"]
    assert out["trade_intensity"].iloc[0] == pytest.approx(1.125)
    assert out["share_of_exports"].iloc[0] == pytest.approx(0.3)


def test_partner_intensities_unknown_country():
    with pytest.raises(RegionalInputError, match="ISO3"):
        regional.partner_intensities(toy_flows(), "mex")


def test_intensity_matrix_order_and_values():
    m = regional.intensity_matrix(toy_flows(), ["C", "A", "Z"])
    assert list(m.index) == ["C", "A"] and list(m.columns) == ["C", "A"]
    assert math.isnan(m.loc["C", "C"])
    assert m.loc["C", "A"] == pytest.approx(1.875)     # (50/100)/(80/300)
    assert m.loc["A", "C"] == pytest.approx(1.0909091, rel=1e-6)
    with pytest.raises(RegionalInputError, match="fewer than two"):
        regional.intensity_matrix(toy_flows(), ["A", "Z"])


# --- bloc_order, bloc_table --------------------------------------------------------------------

def test_bloc_order_first_bloc_wins_and_others_last():
    out = regional.bloc_order(["D", "B", "A", "C"], {"X": ["C", "A"], "Y": ["A", "B"]})
    assert out.to_dict("list") == {"country": ["A", "C", "B", "D"], "bloc": ["X", "X", "Y", "other"]}
    with pytest.raises(RegionalInputError, match="list of codes"):
        regional.bloc_order(["A"], {"X": "A"})


def test_bloc_table_worked_by_hand_and_reports_missing_members():
    out = regional.bloc_table(toy_flows(), {"AB": ["A", "B"], "AZ": ["A", "Z"]})
    assert list(out.columns) == ["group", "n_members", "n_members_found", "missing_members", "intra_share",
                                 "intensity", "extra_intensity", "introversion"]
    ab = out.iloc[0]
    # s = 90/200 = 0.45; M_R/M_w = 190/300; I = 0.710526; E = 0.55/(110/300) = 1.5; RTI = -0.357143
    assert (ab["group"], ab["n_members"], ab["n_members_found"], ab["missing_members"]) == ("AB", 2, 2, "")
    assert [ab["intra_share"], ab["intensity"], ab["extra_intensity"], ab["introversion"]] == pytest.approx(
        [0.45, 0.7105263, 1.5, -0.3571429], rel=1e-6)
    az = out.iloc[1]
    assert (az["n_members"], az["n_members_found"], az["missing_members"]) == (2, 1, "Z")
    # A alone: no exports to itself -> share 0, introversion -1
    assert az["intra_share"] == 0 and az["introversion"] == pytest.approx(-1.0)


# --- export shares, similarity, complementarity --------------------------------------------------

def toy_trade() -> pd.DataFrame:
    return pd.DataFrame({
        "country": ["A", "A", "A", "B", "B", "B", "C"],
        "product": ["p1", "p2", "p3", "p1", "p2", "p3", "p1"],
        "export_value": [50.0, 30.0, 20.0, 10.0, 60.0, 30.0, np.nan],
    })


def test_export_shares_drops_not_reported():
    s = regional.export_shares(toy_trade(), "A")
    assert s.to_dict() == {"p1": 50.0, "p2": 30.0, "p3": 20.0}
    with pytest.raises(RegionalInputError, match="no reported exports"):
        regional.export_shares(toy_trade(), "C")


def test_similarity_with_partners_worked_by_hand():
    # shares A = .5 .3 .2, B = .1 .6 .3 -> 100 * (.1 + .3 + .2) = 60; C has nothing reported: left out
    out = regional.similarity_with_partners(toy_trade(), "A", ["A", "B", "C"])
    assert out["partner"].tolist() == ["B"]
    assert out["export_similarity"].iloc[0] == pytest.approx(60.0)


def test_world_market_complementarity_worked_by_hand():
    trade = pd.DataFrame({"country": ["A"] * 3 + ["B"] * 3, "product": ["p1", "p2", "p3"] * 2,
                          "export_value": [50.0, 30.0, 20.0, 0.0, 40.0, 160.0]})
    # world = 50, 70, 180 of 300; A: |.5-1/6| + |.3-7/30| + |.2-.6| = .8 -> 60; B: 1/6 + 1/30 + .2 = .4 -> 80
    out = regional.world_market_complementarity(trade, ["A", "B", "Z"])
    assert out["country"].tolist() == ["B", "A"]
    assert out["complementarity_world"].tolist() == pytest.approx([80.0, 60.0])


# --- Grubel-Lloyd ---------------------------------------------------------------------------------

def toy_bilateral() -> pd.DataFrame:
    return pd.DataFrame({"product": ["010101", "010102", "020101", "030303"],
                         "export_value": [50.0, 30.0, 20.0, 0.0], "import_value": [20.0, 40.0, 40.0, np.nan]})


def test_grubel_lloyd_table_by_product_and_aggregated():
    t = regional.grubel_lloyd_table(toy_bilateral())
    # total trade 70, 70 (tie: by code), 60; the no-trade row is gone
    assert t["product"].tolist() == ["010101", "010102", "020101"]
    assert t.set_index("product")["grubel_lloyd"].to_dict() == pytest.approx(
        {"010101": 0.5714286, "010102": 0.8571429, "020101": 0.6666667}, rel=1e-6
    )
    t4 = regional.grubel_lloyd_table(toy_bilateral(), digits=4)
    # heading 0101: X = 80, M = 60 -> 1 - 20/140
    assert t4.set_index("product")["grubel_lloyd"].to_dict() == pytest.approx({"0101": 1 - 20 / 140, "0201": 2 / 3})
    with pytest.raises(RegionalInputError, match="digits"):
        regional.grubel_lloyd_table(toy_bilateral(), digits=3)


def test_grubel_lloyd_by_level_worked_by_hand():
    out = regional.grubel_lloyd_by_level(toy_bilateral())
    assert out["digits"].tolist() == [6, 4, 2] and out["n_products"].tolist() == [3, 2, 2]
    # HS6: (200 - 60)/200 = 0.7 (balanced, adjusted = 0.7); HS4 and HS2: (200 - 40)/200 = 0.8
    assert out["grubel_lloyd"].tolist() == pytest.approx([0.7, 0.8, 0.8])
    assert out["grubel_lloyd_adjusted"].tolist() == pytest.approx([0.7, 0.8, 0.8])
    unbalanced = pd.DataFrame(
        {
            "product": ["100000", "200000", "300000"],
            "export_value": [50.0, 30.0, 20.0],
            "import_value": [10.0, 40.0, 10.0],
        }
    )
    row = regional.grubel_lloyd_by_level(unbalanced, levels=(6,)).iloc[0]
    assert (row["grubel_lloyd"], row["grubel_lloyd_adjusted"]) == pytest.approx((0.625, 0.8333333), rel=1e-6)


# --- figures: structure AND values ---------------------------------------------------------------


def test_intensity_heatmap_structure_and_values():
    flows = toy_flows()
    flows.loc[(flows["exporter"] == "C") & (flows["importer"] == "B"), "flow"] = 0.0
    m = regional.intensity_matrix(flows, CODES)
    order = regional.bloc_order(CODES, {"North": ["B"], "South": ["A", "C"]})
    fig = regional.intensity_heatmap(m, order, names={"A": "Aland", "B": "Bland", "C": "Cland"}, lang="es")
    assert isinstance(fig, go.Figure) and len(fig.data) == 1 and fig.data[0].type == "heatmap"
    h = fig.data[0]
    assert list(h.y) == ["Bland · North", "Aland · South", "Cland · South"] and list(h.x) == list(h.y)
    custom = np.array(h.customdata, dtype=float)
    z = np.array(h.z, dtype=float)
    # C -> B set to 0, so M_w = 250: B row, A column: TII(B->A) = (30/100)/(80/250) = 0.9375 (below 1: log < 0)
    assert custom[0, 1] == pytest.approx(0.9375) and z[0, 1] == pytest.approx(math.log10(0.9375))
    assert math.isnan(z[2, 0])  # C -> B has no flow: blank cell, not -inf
    assert math.isnan(z[0, 0])
    assert fig.layout.title.text.startswith("Intensidad comercial")
    assert len(fig.layout.shapes) == 2  # one vertical and one horizontal line between the two blocs
    with pytest.raises(UnknownLanguageError, match="use one of 'en', 'es'"):
        regional.intensity_heatmap(m, order, lang="fr")


def test_partner_intensity_bar_structure_and_values():
    table = regional.partner_intensities(toy_flows(), "A")
    fig = regional.partner_intensity_bar(table, "A", names={"A": "Aland", "B": "Bland", "C": "Cland"})
    bar = fig.data[0]
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.y) == ["Cland", "Bland"]  # ascending, so the largest is on top
    assert list(bar.x) == pytest.approx([1.0909091, 1.6363636], rel=1e-6)
    assert fig.layout.xaxis.type == "log" and "Aland" in fig.layout.title.text


def test_bloc_bar_structure_and_values():
    table = regional.bloc_table(toy_flows(), {"AB": ["A", "B"], "BC": ["B", "C"]})
    fig = regional.bloc_bar(table, "intra_share", lang="en", year=2006)
    # BC: X_R = 200, X_RR = 70 + 50 = 120 -> 0.6 ; AB: 0.45
    assert list(fig.data[0].y) == ["AB", "BC"] and list(fig.data[0].x) == pytest.approx([0.45, 0.6])
    assert "2006" in fig.layout.title.text
    assert tuple(regional.bloc_bar(table).layout.xaxis.range) == (-1, 1)
    with pytest.raises(RegionalInputError, match="measure"):
        regional.bloc_bar(table, "share")


# --- real data (values from the raw CSV files with the csv module) ------------------------------


def test_real_data_mexico_and_blocs():
    from course_tools import data

    flows = regional.bilateral_flows(data.load_gravity())
    p = regional.partner_intensities(flows, "MEX", data.group_members("lac"))
    assert len(p) == 29 and p["partner"].head(3).tolist() == ["NIC", "BLZ", "GTM"]
    assert p["trade_intensity"].iloc[0] == pytest.approx(6.50356204780276, rel=1e-9)
    blocs = regional.bloc_table(
        flows, {"MERCOSUR 2006": ["ARG", "BRA", "PRY", "URY"], "CARICOM": data.group_members("caricom")}
    )
    assert blocs["introversion"].tolist() == pytest.approx([0.8535355895861476, 0.9710467634473233], rel=1e-9)
    assert blocs["missing_members"].tolist() == ["", "BHS, BRB, MSR"]


def test_real_data_grubel_lloyd_chile_argentina():
    from course_tools import data

    out = regional.grubel_lloyd_by_level(data.load_bilateral_hs6(2004))
    assert out["n_products"].tolist() == [3070, 1009, 97]
    assert out["grubel_lloyd"].tolist() == pytest.approx(
        [0.0609196804417411, 0.08368178975338433, 0.14922991181880257], rel=1e-9
    )
    assert out["grubel_lloyd_adjusted"].iloc[0] == pytest.approx(0.3100731703746597, rel=1e-9)


# --- a country that is not in the bilateral table ---------------------------------------------


def test_missing_from_flows_says_so_in_the_learners_language():
    f = regional.bilateral_flows(
        pd.DataFrame({"exporter": ["CHL", "PER"], "importer": ["PER", "JAM"], "flow": [5.0, 1.0]})
    )
    assert regional.missing_from_flows(f, "CHL") == ""
    # JAM only imports here: it has no exports by partner to show
    assert regional.missing_from_flows(f, "JAM", year=2006) == (
        "**Jamaica (JAM) is not in the bilateral trade table of 2006** (CEPII gravity data, 3 countries): its "
        "exports by partner and its trade intensities cannot be computed from it. The other sections still run."
    )
    assert regional.missing_from_flows(f, "cub", lang="es").startswith(
        "**Cuba (CUB) no está en la tabla de comercio bilateral de 2006**"
    )
    with pytest.raises(UnknownLanguageError, match="lang"):
        regional.missing_from_flows(f, "CUB", lang="pt")


def test_flows_country_stands_in_jamaica_for_a_missing_country():
    f = regional.bilateral_flows(
        pd.DataFrame({"exporter": ["CHL", "JAM"], "importer": ["JAM", "CHL"], "flow": [5.0, 1.0]})
    )
    assert regional.flows_country(f, "CHL") == ("CHL", "")
    code, note = regional.flows_country(f, "CUB")
    assert code == "JAM" == regional.STAND_IN
    assert note == (
        "CUB is not in the bilateral table of 2006: the questions on that table use JAM instead. / "
        "CUB no está en la tabla bilateral de 2006: las preguntas sobre esa tabla usan JAM en su lugar."
    )
    with pytest.raises(RegionalInputError, match="stand-in"):
        regional.flows_country(f, "CUB", stand_in="BRB")
