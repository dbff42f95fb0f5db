"""Specialisation and concentration: METHODS toy T1 (values worked by hand), conventions, edge
cases, and a smoke check on the real 2017 world trade table."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course_tools.indicators import (
    IndicatorInputError,
    diversification,
    hhi,
    lafay,
    rca,
    rsca,
    trade_balance_index,
)

P = ["p1", "p2", "p3"]
# toy T1: exports of A, B, C in p1..p3 (row sums 100, column sums 100, total 300)
X = pd.DataFrame([[50, 30, 20], [10, 60, 30], [40, 10, 50]], index=list("ABC"), columns=P, dtype=float)
M_A = pd.Series([20.0, 40.0, 40.0], index=P)


def tidy(m: pd.DataFrame, value: str = "export_value") -> pd.DataFrame:
    return m.stack().rename(value).rename_axis(["country", "product"]).reset_index()


# --- RCA ---------------------------------------------------------------------------------
def test_rca_t1_matrix():
    # RCA_A,p1 = (50/100) / (100/300) = 1.5, etc.
    expected = np.array([[1.5, 0.9, 0.6], [0.3, 1.8, 0.9], [1.2, 0.3, 1.5]])
    np.testing.assert_allclose(rca(X).to_numpy(), expected, atol=1e-12)


def test_rca_t1_tidy_in_tidy_out():
    out = rca(tidy(X))
    assert list(out.columns) == ["country", "product", "export_value", "rca"]
    got = out.set_index(["country", "product"])["rca"]
    assert got[("B", "p2")] == pytest.approx(1.8)
    assert got[("C", "p1")] == pytest.approx(1.2)


def test_rca_custom_column_names_and_unreported_cells_are_zero():
    t = tidy(X).rename(columns={"country": "iso", "product": "hs", "export_value": "usd"})
    t = t[~((t.iso == "A") & (t.hs == "p1"))]      # A does not report p1 -> 0
    out = rca(t, country="iso", product="hs", value="usd").set_index(["iso", "hs"])
    assert out.loc[("A", "p1"), "usd"] == 0 and out.loc[("A", "p1"), "rca"] == 0
    # A's total is now 50: RCA_A,p2 = (30/50)/(100/250) = 1.5
    assert out.loc[("A", "p2"), "rca"] == pytest.approx(1.5)


def test_rca_explicit_world_total():
    # world exports of p1..p3 = 400, 100, 500 (total 1000): RCA_A,p1 = 0.5 / 0.4 = 1.25
    w = pd.Series([400.0, 100.0, 500.0], index=P)
    r = rca(X, world=w)
    assert r.loc["A", "p1"] == pytest.approx(1.25)
    assert r.loc["A", "p2"] == pytest.approx(3.0)


def test_rca_world_total_counts_products_the_table_lacks():
    # world exports of p1..p4 = 400, 100, 500, 1000: X.. = 2000 even though the table has no p4.
    # RCA_A,p1 = (50/100) / (400/2000) = 2.5; RCA_A,p2 = 0.3 / 0.05 = 6; RCA_B,p3 = 0.3 / 0.25 = 1.2
    w = pd.Series([400.0, 100.0, 500.0, 1000.0], index=P + ["p4"])
    r = rca(X, world=w)
    assert list(r.columns) == P
    assert r.loc["A", "p1"] == pytest.approx(2.5)
    assert r.loc["A", "p2"] == pytest.approx(6.0)
    assert r.loc["B", "p3"] == pytest.approx(1.2)
    # the same world as a tidy table, and for RSCA: (2.5 - 1) / (2.5 + 1) = 3/7
    wt = w.rename("export_value").rename_axis("product").reset_index()
    assert rca(tidy(X), world=wt).set_index(["country", "product"]).loc[("A", "p1"), "rca"] == pytest.approx(2.5)
    assert rsca(X, world=w).loc["A", "p1"] == pytest.approx(3 / 7)
    # one country alone with the world totals: the same numbers as with the others present
    assert rca(X.loc[["A"]], world=w).loc["A", "p1"] == pytest.approx(2.5)


def test_diversification_world_counts_products_the_table_lacks():
    # world shares h = (400, 100, 500, 1000) / 2000 = (.2, .05, .25, .5); A's shares (.5, .3, .2, 0):
    # DX_A = 0.5 (|.5-.2| + |.3-.05| + |.2-.25| + |0-.5|) = 0.5 * 1.1 = 0.55; RCA_A = 2.5, 6, 0.8
    w = pd.Series([400.0, 100.0, 500.0, 1000.0], index=P + ["p4"])
    d = diversification(X, world=w).set_index("country")
    assert d.loc["A", "unctad_dx"] == pytest.approx(0.55)
    assert d.loc["A", "n_rca"] == 2
    # a world with exactly the table's products gives the same as no world=
    same = diversification(X, world=X.sum()).set_index("country")
    pd.testing.assert_frame_equal(same, diversification(X).set_index("country"))


def test_world_with_missing_totals_is_a_clear_error():
    w = pd.Series([400.0, 100.0, 500.0, np.nan], index=P + ["p4"])
    with pytest.raises(IndicatorInputError, match="NaN or negative"):
        rca(X, world=w)
    with pytest.raises(IndicatorInputError, match="has no value for"):
        rca(X, world=w.iloc[:2])


def test_rca_drops_products_nobody_exports_with_warning():
    m = X.assign(p4=0.0)
    with pytest.warns(UserWarning, match="nobody"):
        r = rca(m)
    assert list(r.columns) == P


def test_rca_nan_and_negative_are_clear_errors():
    t = tidy(X)
    t.loc[0, "export_value"] = np.nan
    with pytest.raises(IndicatorInputError, match="fillna"):
        rca(t)
    t.loc[0, "export_value"] = -5
    with pytest.raises(IndicatorInputError, match="negative"):
        rca(t)
    with pytest.raises(IndicatorInputError, match="no column"):
        rca(tidy(X).rename(columns={"export_value": "v"}))


def test_rca_single_country_is_all_ones():
    # one country = the world: every RCA is exactly 1 (a warning sign for the learner)
    r = rca(X.loc[["A"]])
    np.testing.assert_allclose(r.to_numpy(), 1.0)


def test_rsca_t1():
    np.testing.assert_allclose(rsca(X).loc["A"].to_numpy(), [0.2, -0.0526316, -0.25], atol=1e-6)
    assert "rsca" in rsca(tidy(X)).columns


# --- exports vs imports ------------------------------------------------------------------
def test_trade_balance_index_t1():
    np.testing.assert_allclose(trade_balance_index(X.loc["A"], M_A).to_numpy(),
                               [0.428571, -0.142857, -0.333333], atol=1e-6)


def test_lafay_t1_and_sums_to_zero():
    lf = lafay(X.loc["A"], M_A)
    np.testing.assert_allclose(lf.to_numpy(), [15.0, -5.0, -10.0], atol=1e-9)
    # unbalanced trade still sums to 0: x = [50,30,20], m = [10,40,10]
    # x+m = [60,70,30], T = 160; x-m = [40,-10,10], B = 40;
    # p1: 100*[(40/60) - 40/160]*(60/160) = 100*(5/12)*(3/8) = 15.625
    lf2 = lafay(X.loc["A"], pd.Series([10.0, 40.0, 10.0], index=P))
    assert lf2.sum() == pytest.approx(0.0, abs=1e-9)
    assert lf2["p1"] == pytest.approx(15.625)
    # p2: 100*[(-10/70) - 1/4]*(70/160) = 100*(-10 - 17.5)/160 = -17.1875
    assert lf2["p2"] == pytest.approx(-17.1875)


def test_lafay_tidy_form():
    ex = tidy(X.loc[["A"]])
    im = tidy(M_A.to_frame("A").T, value="import_value")
    out = lafay(ex, im)
    assert list(out.columns) == ["country", "product", "export_value", "import_value", "lafay"]
    np.testing.assert_allclose(out["lafay"].to_numpy(), [15.0, -5.0, -10.0])


# --- concentration -----------------------------------------------------------------------
def test_hhi_variants_t1():
    a = X.loc["A"]
    # shares .5 .3 .2: HH = .25+.09+.04 = .38; (HH-1/3)/(1-1/3) = .07
    assert hhi(a) == pytest.approx(0.38)
    assert hhi(a, normalised="minmax") == pytest.approx(0.07)
    assert hhi(a, normalised="unctad") == pytest.approx(0.0924906, abs=1e-6)
    assert hhi(X, normalised="unctad")["B"] == pytest.approx(0.2386911, abs=1e-6)
    # the variants are NOT interchangeable
    assert hhi(a, normalised="unctad") != pytest.approx(hhi(a, normalised="minmax"), abs=1e-3)


def test_hhi_n_products_override_and_bad_variant():
    # with n = 4 (a fourth product in the classification, not exported): minmax = (.38-.25)/.75
    assert hhi(X.loc["A"], normalised="minmax", n_products=4) == pytest.approx(0.13 / 0.75)
    with pytest.raises(IndicatorInputError, match="unctad"):
        hhi(X.loc["A"], normalised="UNCTAD-ish")
    with pytest.raises(IndicatorInputError, match="2 products"):
        hhi(pd.Series([5.0]), normalised="unctad")


def test_diversification_t1():
    d = diversification(X).set_index("country")
    assert d.loc["A", "hhi"] == pytest.approx(0.38)
    assert d.loc["A", "equivalent_number"] == pytest.approx(2.631579, abs=1e-6)
    assert d.loc["A", "unctad_dx"] == pytest.approx(0.1666667, abs=1e-6)
    assert d.loc["B", "unctad_dx"] == pytest.approx(0.2666667, abs=1e-6)
    assert d.loc["A", "entropy"] == pytest.approx(1.0296530, abs=1e-6)
    assert d["n_products_exported"].tolist() == [3, 3, 3]
    assert d["n_rca"].tolist() == [1, 1, 2]


def test_diversification_rca_threshold_ge_vs_gt():
    # identical baskets: every RCA is exactly 1
    m = pd.DataFrame([[10, 10], [10, 10]], index=["A", "B"], columns=["p", "q"], dtype=float)
    assert diversification(m)["n_rca"].tolist() == [2, 2]            # RCA = 1 counts (>=)
    assert diversification(m, strict=True)["n_rca"].tolist() == [0, 0]  # Stata convention (>)


# --- real data ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def trade2017(raw_trade_2017) -> pd.DataFrame:
    return raw_trade_2017  # conftest: the 2017 CSV read with pandas, NaN (not reported) dropped


def test_real_2017_rca_chile_copper_ores(trade2017):
    d = trade2017
    kw = dict(country="reporter_iso", product="product_code", value="export_value_usd")
    r = rca(d, **kw).set_index(["reporter_iso", "product_code"])["rca"]
    # independent computation with plain pandas
    v = d.set_index(["reporter_iso", "product_code"])["export_value_usd"]
    chl = v.loc["chl"]
    expected = (chl.loc["2603"] / chl.sum()) / (v.xs("2603", level="product_code").sum() / v.sum())
    assert r[("chl", "2603")] == pytest.approx(expected, rel=1e-12)
    assert r[("chl", "2603")] > 10                        # copper ores: Chile's hallmark
    assert r.shape[0] == d.reporter_iso.nunique() * d.product_code.nunique()
    # export-weighted mean of RCA is 1 for each product: sum_c X_c. RCA_cp / X.. = 1
    tot = v.groupby(level="reporter_iso").sum()
    wmean = (r.mul(tot, level="reporter_iso")).groupby(level="product_code").sum() / v.sum()
    np.testing.assert_allclose(wmean.to_numpy(), 1.0, rtol=1e-9)
    div = diversification(d, **kw).set_index("reporter_iso")
    assert div.loc["chl", "n_rca"] == int((r.loc["chl"] >= 1).sum())
    assert div.loc["usa", "unctad_dx"] < div.loc["chl", "unctad_dx"]
    assert math.isclose(div.loc["chl", "hhi"], ((chl / chl.sum()) ** 2).sum(), rel_tol=1e-12)


def test_real_2017_via_course_loader(trade2017):
    data = pytest.importorskip("course_tools.data")
    d = data.load_trade(2017)
    with pytest.raises(IndicatorInputError, match="fillna"):     # NaN = not reported: decide first
        rca(d)
    r = rca(d.dropna(subset=["export_value"])).set_index(["country", "product"])["rca"]
    # expected from the raw CSV with plain pandas (lower-case codes there)
    v = trade2017.set_index(["reporter_iso", "product_code"])["export_value_usd"]
    expected = (v[("chl", "2603")] / v.loc["chl"].sum()) / (v.xs("2603", level="product_code").sum() / v.sum())
    assert r[("CHL", "2603")] == pytest.approx(expected, rel=1e-12)
    assert r[("CHL", "2603")] > 10


def test_real_2017_one_country_with_world_totals_equals_full_table():
    # Paraguay's 2017 rows alone + world totals by product (every product of the shipped table)
    # must give the RCA of the full table: soy beans (1201) = 81.55, not 77.48 (the value of a
    # world total X.. summed over Paraguay's products only).
    data = pytest.importorskip("course_tools.data")
    d = data.load_trade(2017).dropna(subset=["export_value"])
    full = rca(d).set_index(["country", "product"])["rca"].loc["PRY"]
    world = d.groupby("product")["export_value"].sum()
    pry = d[d["country"] == "PRY"]
    one = rca(pry, world=world).set_index("product")["rca"]
    assert one["1201"] == pytest.approx(81.547, abs=5e-3)
    pd.testing.assert_series_equal(one, full.reindex(one.index), rtol=1e-10, check_names=False)
    sym = rsca(pry, world=world).set_index("product")["rsca"]
    assert sym["1201"] == pytest.approx((81.547 - 1) / (81.547 + 1), abs=1e-4)
    div_one = diversification(pry, world=world).set_index("country").loc["PRY"]
    div_full = diversification(d).set_index("country").loc["PRY"]
    assert div_one["n_rca"] == div_full["n_rca"]
    assert div_one["unctad_dx"] == pytest.approx(div_full["unctad_dx"], rel=1e-10)
