"""Competitiveness matrix (METHODS T7) and constant market share (T8 and a three-level example
worked by hand), edge cases, and a real-data check (Chile in world copper ores 1980 -> 2017)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools.data import manifest
from course_tools.indicators import IndicatorInputError, competitiveness_matrix, constant_market_share

P = ["a", "b", "c", "d"]
M0 = pd.Series([100.0, 200, 300, 400], index=P)
M1 = pd.Series([180.0, 220, 270, 330], index=P)
X0 = pd.Series([10.0, 40, 30, 20], index=P)
X1 = pd.Series([27.0, 33, 54, 13], index=P)


def test_competitiveness_matrix_t7():
    cm = competitiveness_matrix(X0, X1, M0, M1).set_index("product")
    np.testing.assert_allclose(cm["delta_weight"], [0.08, 0.02, -0.03, -0.07], atol=1e-12)
    np.testing.assert_allclose(cm["delta_share"], [0.05, -0.05, 0.10, -0.010606], atol=1e-6)
    assert cm["quadrant"].tolist() == ["rising star", "missed opportunity", "declining star", "retreat"]
    assert cm["cuadrante"].tolist() == ["estrella naciente", "oportunidad perdida",
                                        "estrella menguante", "retirada"]
    # contribution: X1_a / X1 = 27/127
    assert cm.loc["a", "contribution_t1"] == pytest.approx(27 / 127)


def test_competitiveness_matrix_tie_goes_to_the_non_gaining_side():
    # product b: share 40/200 -> 44/220, exactly 0.2 -> 0.2: delta_share == 0, demand grows
    x1 = X1.copy()
    x1["b"] = 44.0
    cm = competitiveness_matrix(X0, x1, M0, M1).set_index("product")
    assert cm.loc["b", "delta_share"] == 0
    assert cm.loc["b", "quadrant"] == "missed opportunity"      # not a "rising star"
    # a tolerance widens the tie band: a's +0.05 gain is no longer a gain with tol=0.06
    cm2 = competitiveness_matrix(X0, X1, M0, M1, tol=0.06).set_index("product")
    assert cm2.loc["a", "quadrant"] == "missed opportunity"


def test_competitiveness_matrix_entry_and_no_demand():
    x0 = pd.Series([0.0, 40, 30, 20, 5], index=P + ["e"])
    x1 = pd.Series([27.0, 33, 54, 13, 0], index=P + ["e"])
    m0 = pd.Series([100.0, 200, 300, 400, 50], index=P + ["e"])
    m1 = pd.Series([180.0, 220, 270, 330, 0], index=P + ["e"])   # e: no demand at t1
    cm = competitiveness_matrix(x0, x1, m0, m1).set_index("product")
    assert cm.loc["a", "status"] == "entry"
    assert cm.loc["a", "quadrant"] == "rising star"              # 0 -> 27/180 = 0.15
    assert cm.loc["e", "quadrant"] == "no demand" and cm.loc["e", "cuadrante"] == "sin demanda"
    assert np.isnan(cm.loc["e", "delta_share"])
    assert cm.loc["e", "status"] == "exit"


def test_competitiveness_matrix_multi_year_average_from_panels():
    # period 0 = years 1 and 2 (mean of 10 and 30 = 20 for a); period 1 = year 3
    ex = pd.DataFrame({"year": [1, 2, 3, 1, 2, 3], "product": ["a"] * 3 + ["b"] * 3,
                       "export_value": [10.0, 30, 40, 5, 5, 5]})
    im = pd.DataFrame({"year": [1, 2, 3, 1, 2, 3], "product": ["a"] * 3 + ["b"] * 3,
                       "import_value": [100.0, 100, 100, 100, 300, 100]})
    cm = competitiveness_matrix(ex, ex, im, im, import_value="import_value",
                                average_years=((1, 2), (3,))).set_index("product")
    # a: share 20/100 -> 40/100 = +0.2; weights 100/300 -> 100/200
    assert cm.loc["a", "delta_share"] == pytest.approx(0.2)
    assert cm.loc["a", "delta_weight"] == pytest.approx(0.5 - 1 / 3)
    # b: share 5/200 -> 5/100
    assert cm.loc["b", "delta_share"] == pytest.approx(0.025)
    with pytest.raises(IndicatorInputError, match="not in column"):
        competitiveness_matrix(ex, ex, im, im, import_value="import_value", average_years=((1, 9), (3,)))


def test_competitiveness_matrix_bad_input():
    with pytest.raises(IndicatorInputError, match="NaN"):
        competitiveness_matrix(X0.where(X0 > 10), X1, M0, M1)


def test_cms_two_level_t8():
    c = constant_market_share(pd.Series([50.0, 30, 20]), pd.Series([70.0, 30, 30]),
                              pd.Series([1000.0, 1000, 1000]), pd.Series([1200.0, 1500, 900]))
    assert c["world_growth"] == pytest.approx(20)
    assert c["commodity_composition"] == pytest.approx(3)
    assert c["competitiveness"] == pytest.approx(7)
    assert c["total_change"] == pytest.approx(30)
    assert "market_distribution" not in c.index


# three-level example worked by hand (commodities i1, i2 x markets j1, j2)
#   X0: i1j1 10, i1j2 10, i2j1 30, i2j2 0   (X0 = 50)   X1: 22, 5, 30, 5 (X1 = 62, dX = 12)
#   W0: 100 each (400)                                   W1: 200, 100, 100, 300 (700)
#   r = 700/400 - 1 = .75 -> world growth .75*50 = 37.5
#   r_i1 = 300/200 - 1 = .5, r_i2 = 400/200 - 1 = 1 -> composition (.5-.75)*20 + (1-.75)*30 = 2.5
#   r_ij = 1, 0, 0, 2 -> market (1-.5)*10 + (0-.5)*10 + (0-1)*30 + (2-1)*0 = -30
#   competitiveness (22-10-10) + (5-10-0) + (30-30-0) + (5-0-0) = 2;  37.5+2.5-30+2 = 12
IDX = pd.MultiIndex.from_product([["i1", "i2"], ["j1", "j2"]], names=["product", "market"])
X0_3 = pd.Series([10.0, 10, 30, 0], index=IDX)
X1_3 = pd.Series([22.0, 5, 30, 5], index=IDX)
W0_3 = pd.Series([100.0, 100, 100, 100], index=IDX)
W1_3 = pd.Series([200.0, 100, 100, 300], index=IDX)


def test_cms_three_level_by_hand():
    c = constant_market_share(X0_3, X1_3, W0_3, W1_3)
    assert c["world_growth"] == pytest.approx(37.5)
    assert c["commodity_composition"] == pytest.approx(2.5)
    assert c["market_distribution"] == pytest.approx(-30)
    assert c["competitiveness"] == pytest.approx(2)
    assert c.drop("total_change").sum() == pytest.approx(c["total_change"]) == pytest.approx(12)


def test_cms_three_level_tidy_and_two_level_aggregation():
    tidy = lambda s: s.rename("export_value").reset_index()   # noqa: E731
    c = constant_market_share(tidy(X0_3), tidy(X1_3), tidy(W0_3), tidy(W1_3), market="market")
    assert c["market_distribution"] == pytest.approx(-30)
    # ignoring markets: the market term falls into competitiveness (-30 + 2 = -28)
    c2 = constant_market_share(tidy(X0_3), tidy(X1_3), tidy(W0_3), tidy(W1_3))
    assert c2["competitiveness"] == pytest.approx(-28)
    bp = constant_market_share(X0_3, X1_3, W0_3, W1_3, by_product=True).set_index("product")
    assert bp.loc["i2", "market_distribution"] == pytest.approx(-30)
    assert bp.loc["i1", "commodity_composition"] == pytest.approx(-5)


def test_cms_reference_zero_where_country_exports_is_an_error():
    with pytest.raises(IndicatorInputError, match="reference"):
        constant_market_share(pd.Series([5.0, 1]), pd.Series([6.0, 1]), pd.Series([0.0, 10]), pd.Series([3.0, 10]))


# --- real data: Chile's exports vs world exports (as the market), 1980 -> 2017 -------------
def _load(year: int) -> pd.DataFrame:
    d = pd.read_csv(manifest.verify(f"trade_ots_economiccomplexity/world_trade_{year}_hs07_4d.csv"),
                    dtype={"product_code": str})
    return d.dropna(subset=["export_value_usd"])


def test_real_chile_world_copper_ores():
    d0, d1 = _load(1980), _load(2017)
    chl = lambda d: d[d.reporter_iso == "chl"].rename(columns={"product_code": "product"})  # noqa: E731
    wld = lambda d: d.rename(columns={"product_code": "product"})                            # noqa: E731
    cm = competitiveness_matrix(chl(d0), chl(d1), wld(d0), wld(d1), value="export_value_usd").set_index("product")
    # independent: Chile's share of world 2603 in each year
    share = lambda d: d.loc[(d.reporter_iso == "chl") & (d.product_code == "2603"), "export_value_usd"].sum() \
        / d.loc[d.product_code == "2603", "export_value_usd"].sum()                        # noqa: E731
    assert cm.loc["2603", "delta_share"] == pytest.approx(share(d1) - share(d0), rel=1e-12)
    assert cm.loc["2603", "share_t1"] > 0.2            # Chile: a large part of world copper ore exports
    assert set(cm["quadrant"]) <= {"rising star", "declining star", "missed opportunity", "retreat", "no demand"}


def test_cms_three_level_matrix_input():
    m = lambda s: s.unstack("market")   # noqa: E731  product x market matrices
    c = constant_market_share(m(X0_3), m(X1_3), m(W0_3), m(W1_3))
    assert c["market_distribution"] == pytest.approx(-30)
    assert c["competitiveness"] == pytest.approx(2)
