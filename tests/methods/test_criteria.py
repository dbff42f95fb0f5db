"""Tests of course_tools.methods.criteria (lesson L11): the criteria table as a function of the tables it needs.

The small pieces are checked on toy cases worked by hand; :func:`criteria_table` on the shipped
tables passed in (the same numbers as ``data.niche_inputs.niche_criteria``, whose cells
tests/data/test_niche_inputs.py checks against the raw files) and on what it does with a table left
out or extra criteria.
"""
from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_tools import data
from course_tools.data import niche_inputs as ni
from course_tools.methods import criteria as nc


# --------------------------------------------------------------------------------------------
# helpers on toy cases worked by hand
# --------------------------------------------------------------------------------------------
def test_regional_demand_share_by_hand():
    # flows: A sends 30 of its 100 to the group member G; B sends 10 of 40 to G; G sends 50 to A
    flows = pd.DataFrame({"exporter": ["A", "A", "B", "B", "G", "G"],
                          "importer": ["G", "B", "G", "A", "A", "G"],   # G -> G (self) is ignored
                          "flow": [30.0, 70.0, 10.0, 30.0, 50.0, 99.0]})
    # shares to the group: s_A = 0.3, s_B = 0.25, s_G = 0 (no flow to another member)
    trade = pd.DataFrame({"country": ["A", "B", "G", "A", "Z"], "product": ["p", "p", "p", "q", "q"],
                          "export_value": [10.0, 20.0, 30.0, 5.0, 1000.0]})   # Z is not in the flows: left out
    out = nc.regional_demand_share(trade, flows, ["G"])
    assert out["p"] == pytest.approx((0.3 * 10 + 0.25 * 20 + 0 * 30) / 60)   # 8/60
    assert out["q"] == pytest.approx(0.3)
    assert out.index.name == "product"


def test_regional_demand_share_errors():
    with pytest.raises(nc.NicheCriteriaError, match=r"no column\(s\) \['flow'\]"):
        nc.regional_demand_share(pd.DataFrame({"country": [], "product": [], "export_value": []}),
                                 pd.DataFrame({"exporter": [], "importer": [], "value": []}), ["G"])


def test_lac_import_share_by_hand():
    # product p: A -> G 30, B -> G 10, A -> B 60, G -> G 99 (self, left out): LAC (G) buys 40 of 100
    # product q: B -> A 5 only (no member buys it): 0; product r: only a self flow: nobody imports it (NaN)
    flows = pd.DataFrame({"exporter": ["A", "B", "A", "G", "B", "G"], "importer": ["G", "G", "B", "G", "A", "G"],
                          "product": ["p", "p", "p", "p", "q", "r"], "value": [30.0, 10.0, 60.0, 99.0, 5.0, 7.0]})
    out = nc.lac_import_share(flows, ["G"])
    assert out["p"] == pytest.approx(0.4)
    assert out["q"] == 0.0
    assert np.isnan(out["r"])
    with pytest.raises(nc.NicheCriteriaError, match="negative"):
        nc.lac_import_share(flows.assign(value=-flows["value"]), ["G"])


def test_world_demand_cagr_by_hand():
    # world exports of p: 100 (two exporters, one NaN = not reported) -> 121 in two years: 10 % a year;
    # q: 0 -> 5 (growth from nothing: NaN); r: 50 -> 0 (-100 %); s: absent in the base year (NaN)
    base = pd.DataFrame({"country": ["A", "B", "C", "A", "A"], "product": ["p", "p", "p", "q", "r"],
                         "export_value": [60.0, 40.0, np.nan, 0.0, 50.0]})
    end = pd.DataFrame({"country": ["A", "B", "A", "A", "A"], "product": ["p", "p", "q", "r", "s"],
                        "export_value": [100.0, 21.0, 5.0, 0.0, 3.0]})
    g = nc.world_demand_cagr(base, end, (2015, 2017))
    assert g["p"] == pytest.approx(10.0)
    assert np.isnan(g["q"]) and np.isnan(g["s"])
    assert g["r"] == pytest.approx(-100.0)
    with pytest.raises(nc.NicheCriteriaError, match="run forward"):
        nc.world_demand_cagr(base, end, (2017, 2015))


def test_quadrant_against_world_growth():
    # world trade grew 5 % a year: a product growing 4 % a year loses weight in world trade (not dynamic)
    crit = pd.DataFrame({"demand_growth": [6.0, 4.0, 6.0, 4.0], "share_change": [0.5, 0.5, -0.5, -0.5]},
                        index=pd.Index(list("abcd"), name="product"))
    crit.attrs["world_demand_cagr"] = 5.0
    assert nc.competitiveness_quadrant(crit).tolist() == ["rising star", "declining star", "missed opportunity",
                                                          "retreat"]
    assert nc.competitiveness_quadrant(crit, demand_tol=0.0).tolist()[1] == "rising star"


def test_sector_to_product_by_hand():
    conc = pd.DataFrame({"hs07": ["a", "a", "b", "c", "d", "d"],
                         "isic3": ["0113", "1549", "3410", "9214", "2710", "9999"],
                         "weight": [0.5, 0.5, 1.0, 1.0, 0.5, 0.5]})
    sectors = pd.Series({"AtB": 1.2, "D15t16": 0.8, "D34t35": 1.5, "D27t28": 0.9})
    out = nc.sector_to_product(sectors, conc, nc.MRIO_SECTOR_OF_ISIC3)
    assert out["a"] == pytest.approx(1.0)           # (0.5 * 1.2 + 0.5 * 0.8) / 1
    assert out["b"] == pytest.approx(1.5)
    assert "c" not in out.index                     # division 92 (services) has no sector: not available
    assert out["d"] == pytest.approx(0.9)           # 9999 unmatched: the weight of 2710 renormalised to 1


def test_competitiveness_quadrant_by_hand():
    crit = pd.DataFrame({"demand_growth": [0.1, -0.1, 0.1, -0.1, 0.0, np.nan],
                         "share_change": [0.2, 0.2, -0.2, -0.2, 0.3, 0.1]},
                        index=pd.Index(list("abcdef"), name="product"))
    q = nc.competitiveness_quadrant(crit)
    assert q.tolist() == ["rising star", "declining star", "missed opportunity", "retreat",
                          "declining star",   # Δw exactly 0 goes with the negative side
                          "no data"]
    assert nc.competitiveness_quadrant(crit, lang="es").tolist()[:2] == ["estrella naciente", "estrella menguante"]
    with pytest.raises(nc.NicheCriteriaError, match="no column"):
        nc.competitiveness_quadrant(crit.drop(columns="share_change"))


# --------------------------------------------------------------------------------------------
# the pure function: tables passed in, nothing loaded
# --------------------------------------------------------------------------------------------
def test_the_criteria_module_loads_nothing_and_shows_nothing():
    tree = ast.parse((Path(nc.__file__)).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | \
        {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [m for m in imported if m and (m.startswith("course_tools.data") or m.startswith("course_tools.views")
                                             or m == "course_tools.indicators")]
    assert not {"course_tools"} & imported   # no "from course_tools import data"


@pytest.fixture(scope="module")
def jam_inputs():
    """The shipped tables niche_criteria('JAM') loads, passed by hand."""
    return dict(trade=data.load_trade(2017), trade_base=data.load_trade(1980), window=(1980, 2017),
                flows=data.load_gravity(current_codes=True), lac_members=data.group_members("lac"),
                linkages=ni.mrio_linkages("BRA"), concordance=data.concordance("hs07", "isic3"))


def test_criteria_table_of_passed_tables_is_the_loaded_one(jam_inputs, criteria_table_of):
    want = criteria_table_of("JAM")
    got = nc.criteria_table("JAM", **jam_inputs, untapped=want["untapped_potential"], io_region="BRA", year=2017)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    for key in ("country", "year", "io_region", "io_proxy", "nan_counts", "higher_is_better"):
        assert got.attrs[key] == want.attrs[key]


def test_a_table_left_out_gives_a_column_of_nan(jam_inputs, criteria_table_of):
    full = criteria_table_of("JAM")
    t = nc.criteria_table("JAM", jam_inputs["trade"])
    assert list(t.columns) == list(nc.CRITERIA)
    gone = ["demand_growth", "share_change", "lac_demand_share", "untapped_potential", "backward_linkage",
            "forward_linkage"]
    assert t[gone].isna().all().all()
    kept = [c for c in nc.CRITERIA if c not in gone]
    pd.testing.assert_frame_equal(t[kept], full[kept], check_exact=True)
    assert (t.attrs["io_region"], t.attrs["io_proxy"], t.attrs["base_year_reporter"]) == (None, False, False)
    assert t.attrs["nan_counts"]["share_change"] == len(t)


def test_extra_criteria_join_by_product(jam_inputs):
    extra = pd.DataFrame({"product": ["2818", "0901", "9999"], "sme_jobs": [120.0, 35.0, 1.0]})
    t = nc.criteria_table("JAM", jam_inputs["trade"], extra=extra, extra_higher_is_better={"sme_jobs": False})
    assert list(t.columns) == [*nc.CRITERIA, "sme_jobs"]
    assert t.loc["2818", "sme_jobs"] == 120.0 and t.loc["0901", "sme_jobs"] == 35.0
    assert t["sme_jobs"].notna().sum() == 2          # 9999 is not a product of the table: left out
    assert t.attrs["higher_is_better"]["sme_jobs"] is False
    with pytest.raises(nc.NicheCriteriaError, match="names of built-in criteria"):
        nc.criteria_table("JAM", jam_inputs["trade"], extra=extra.rename(columns={"sme_jobs": "rca"}))


def test_criteria_table_errors(jam_inputs):
    trade = jam_inputs["trade"]
    with pytest.raises(nc.NicheCriteriaError, match="not a reporter of the trade table"):
        nc.criteria_table("XYZ", trade)
    with pytest.raises(nc.NicheCriteriaError, match=r"no column\(s\) \['export_value'\]"):
        nc.criteria_table("JAM", trade.rename(columns={"export_value": "value"}))
    with pytest.raises(nc.NicheCriteriaError, match="needs lac_members"):
        nc.criteria_table("JAM", trade, flows=jam_inputs["flows"])
    with pytest.raises(nc.NicheCriteriaError, match="pass concordance"):
        nc.criteria_table("JAM", trade, linkages=jam_inputs["linkages"])
    with pytest.raises(nc.NicheCriteriaError, match="needs window"):
        nc.criteria_table("JAM", trade, trade_base=jam_inputs["trade_base"])


def test_io_linkages_of_a_small_table_by_hand():
    # two sectors; A = [[.1, .2], [.3, .1]]: L = inv(I - A), B = x^-1 Z
    Z = pd.DataFrame([[10.0, 40.0], [30.0, 20.0]], index=["a", "b"], columns=["a", "b"])
    x = pd.Series([100.0, 200.0], index=["a", "b"])
    L = np.linalg.inv(np.eye(2) - Z.to_numpy() / x.to_numpy()[None, :])
    G = np.linalg.inv(np.eye(2) - Z.to_numpy() / x.to_numpy()[:, None])
    out = nc.io_linkages(Z, x)
    np.testing.assert_allclose(out["backward"], L.sum(axis=0) / L.sum(axis=0).mean(), rtol=1e-12)
    np.testing.assert_allclose(out["forward"], G.sum(axis=1) / G.sum(axis=1).mean(), rtol=1e-12)
