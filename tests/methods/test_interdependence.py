"""Trade and interdependence: METHODS toys T2-T6 (worked by hand), conventions, edge cases and a
real-data check on the 2006 bilateral gravity table (Head, Mayer & Ries)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools.data import manifest
from course_tools.indicators import (
    IndicatorInputError,
    export_similarity,
    grubel_lloyd,
    grubel_lloyd_aggregate,
    regional_trade_indicators,
    regional_trade_indicators_by_group,
    trade_complementarity,
    trade_complementarity_table,
    trade_intensity,
)

# T2: bilateral flows, exporter rows -> importer columns. Exports: A 100, B 100, C 100;
# imports: A 80, B 110, C 110; world 300.
F = pd.DataFrame([[0, 60, 40], [30, 0, 70], [50, 50, 0]], index=list("ABC"), columns=list("ABC"), dtype=float)


def tidy_flows(m: pd.DataFrame) -> pd.DataFrame:
    t = m.stack().rename("export_value").rename_axis(["exporter", "importer"]).reset_index()
    return t[t.exporter != t.importer]


def test_tii_t2_standard_matrix():
    t = trade_intensity(F)
    # A->B: (60/100) / (110/300) = 1.636364
    expected = {("A", "B"): 1.636364, ("A", "C"): 1.090909, ("B", "A"): 1.125,
                ("B", "C"): 1.909091, ("C", "A"): 1.875, ("C", "B"): 1.363636}
    for (i, j), v in expected.items():
        assert t.loc[i, j] == pytest.approx(v, abs=1e-6)
    assert np.isnan(np.diag(t.to_numpy())).all()


def test_tii_excluding_own_imports_differs():
    # A->B: (60/100) / (110/(300-80)) = 0.6/0.5 = 1.2 (not 1.636364)
    t = trade_intensity(tidy_flows(F), exclude_own_imports=True).set_index(["exporter", "importer"])
    assert t.loc[("A", "B"), "trade_intensity"] == pytest.approx(1.2)
    assert t.loc[("A", "B"), "trade_intensity"] != pytest.approx(1.6363636, abs=1e-3)
    assert len(t) == 6


def test_tii_self_flows_rejected():
    t = tidy_flows(F)
    t = pd.concat([t, pd.DataFrame({"exporter": ["A"], "importer": ["A"], "export_value": [5.0]})])
    with pytest.raises(IndicatorInputError, match="to itself"):
        trade_intensity(t)


def test_trade_complementarity_t3():
    # 100*(1 - 0.5*(|.2-.5|+|.4-.3|+|.4-.2|)) = 100*(1-0.3) = 70
    assert trade_complementarity(pd.Series([.5, .3, .2]), pd.Series([.2, .4, .4])) == pytest.approx(70)
    # values instead of shares give the same; argument order matters only through the roles
    assert trade_complementarity(pd.Series([50., 30, 20]), pd.Series([2., 4, 4])) == pytest.approx(70)


def test_trade_complementarity_table_matches_pairwise():
    X = pd.DataFrame([[50, 30, 20], [10, 60, 30]], index=["A", "B"], columns=["p", "q", "r"], dtype=float)
    Mi = pd.DataFrame([[20, 40, 40]], index=["C"], columns=["p", "q", "r"], dtype=float)
    tc = trade_complementarity_table(X, Mi)
    assert tc.loc["A", "C"] == pytest.approx(70)
    # B: shares .1 .6 .3 vs .2 .4 .4: 100*(1 - .5*(.1+.2+.1)) = 80
    assert tc.loc["B", "C"] == pytest.approx(80)


def test_export_similarity_t4():
    # 100*(min(.5,.1)+min(.3,.6)+min(.2,.3)) = 100*(.1+.3+.2) = 60
    assert export_similarity(pd.Series([.5, .3, .2]), pd.Series([.1, .6, .3])) == pytest.approx(60)
    X = pd.DataFrame([[50, 30, 20], [10, 60, 30]], index=["A", "B"], columns=["p", "q", "r"], dtype=float)
    t = export_similarity(X.stack().rename("export_value").rename_axis(["country", "product"]).reset_index())
    t = t.set_index(["country_a", "country_b"])["export_similarity"]
    assert t[("A", "B")] == pytest.approx(60) and t[("A", "A")] == pytest.approx(100)


def test_grubel_lloyd_t5():
    x, m = pd.Series([50., 30, 20]), pd.Series([20., 40, 40])
    np.testing.assert_allclose(grubel_lloyd(x, m).to_numpy(), [0.571429, 0.857143, 0.666667], atol=1e-6)
    assert grubel_lloyd_aggregate(x, m) == pytest.approx(0.7)
    assert grubel_lloyd_aggregate(x, m, adjusted=True) == pytest.approx(0.7)   # balanced trade


def test_grubel_lloyd_adjusted_differs_when_unbalanced():
    # sum(X+M) = 160, sum|X-M| = 60, |sum X - sum M| = 40: GL = 100/160, GL_adj = 100/120
    x, m = pd.Series([50., 30, 20]), pd.Series([10., 40, 10])
    assert grubel_lloyd_aggregate(x, m) == pytest.approx(0.625)
    assert grubel_lloyd_aggregate(x, m, adjusted=True) == pytest.approx(0.833333, abs=1e-6)


def test_grubel_lloyd_no_trade_product_is_nan():
    gl = grubel_lloyd(pd.Series([5., 0]), pd.Series([5., 0]))
    assert gl.iloc[0] == 1.0 and np.isnan(gl.iloc[1])


def test_regional_indicators_t6():
    r = regional_trade_indicators(tidy_flows(F), ["A", "B"])
    # X_RR = 60+30 = 90, X_R = 200: s = .45; M_R/M_w = 190/300
    assert r["intra_share"] == pytest.approx(0.45)
    assert r["intensity"] == pytest.approx(0.710526, abs=1e-6)
    assert r["extra_intensity"] == pytest.approx(1.5)
    assert r["introversion"] == pytest.approx(-0.357143, abs=1e-6)


def test_regional_indicators_groups_and_errors():
    t = tidy_flows(F)
    out = regional_trade_indicators_by_group(t, {"AB": ["A", "B"], "solo C": ["C"]})
    assert out["group"].tolist() == ["AB", "solo C"]
    assert out.loc[1, "intra_share"] == 0.0 and out.loc[1, "introversion"] == pytest.approx(-1.0)
    with pytest.warns(UserWarning, match="not in the table"):
        regional_trade_indicators(t, ["A", "B", "ZZZ"])
    with pytest.raises(IndicatorInputError, match="upper/lower case"):
        regional_trade_indicators(t, ["a", "b"])
    with pytest.raises(IndicatorInputError, match="not one string"):
        regional_trade_indicators(t, "AB")


# --- real data: 2006 bilateral flows -------------------------------------------------------
@pytest.fixture(scope="module")
def gravity() -> pd.DataFrame:
    return pd.read_csv(manifest.verify("trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv"))


def test_real_tii_and_mercosur(gravity):
    g = gravity
    kw = dict(exporter="iso_o", importer="iso_d", value="flow")
    t = trade_intensity(g, **kw).set_index(["iso_o", "iso_d"])["trade_intensity"]
    # independent: (x_ARG,BRA / X_ARG) / (M_BRA / M_w)
    x = g.set_index(["iso_o", "iso_d"])["flow"]
    X_arg = g.loc[g.iso_o == "ARG", "flow"].sum()
    M_bra = g.loc[g.iso_d == "BRA", "flow"].sum()
    expected = (x[("ARG", "BRA")] / X_arg) / (M_bra / g.flow.sum())
    assert t[("ARG", "BRA")] == pytest.approx(expected, rel=1e-12)
    assert t[("ARG", "BRA")] > 5          # neighbours in a customs union trade far above size
    merc = ["ARG", "BRA", "PRY", "URY"]
    r = regional_trade_indicators(g, merc, **kw)
    inside = g.iso_o.isin(merc) & g.iso_d.isin(merc)
    s = g.loc[inside, "flow"].sum() / g.loc[g.iso_o.isin(merc), "flow"].sum()
    assert r["intra_share"] == pytest.approx(s, rel=1e-12)
    assert r["introversion"] > 0
