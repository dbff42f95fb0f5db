"""Input-output indicators against values worked by hand or published.

Miller & Blair (2009) ch. 2, Tables 2.3-2.4 (also pymrio tests/test_math.py, fixture
``td_IO_Data_Miller``): Z = [[150, 500], [200, 100]], f = [350, 1700], x = [1000, 2000].
Expected values from METHODS.md §6.2 (recomputed independently). Real data: Brazil 2020 (51 sectors).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools.indicators import IndicatorInputError
from course_tools.indicators import input_output as io
from course_tools.indicators import mrio as mr
from course_tools.indicators import supply_use as su

S = ["s1", "s2"]
TOL = 1e-6


@pytest.fixture
def mb():
    Z = pd.DataFrame([[150.0, 500.0], [200.0, 100.0]], index=S, columns=S)
    x = pd.Series([1000.0, 2000.0], index=S)
    f = pd.Series([350.0, 1700.0], index=S)
    return Z, x, f


def close(got, expected, tol=TOL):
    np.testing.assert_allclose(np.asarray(got, dtype=float), np.asarray(expected, dtype=float), atol=tol, rtol=0)


def test_miller_blair_A_L_multipliers(mb):
    Z, x, f = mb
    A = io.technical_coefficients(Z, x)
    close(A, [[0.15, 0.25], [0.20, 0.05]])
    assert list(A.index) == S and list(A.columns) == S  # labels preserved
    L = io.leontief_inverse(A)
    close(L, [[1.254125, 0.330033], [0.264026, 1.122112]])
    close(io.output_multipliers(L), [1.518152, 1.452145])
    close(io.leontief_output(L, pd.Series([600.0, 1500.0], index=S)), [1247.524752, 1841.584158])
    close(io.leontief_output(L, f), x, tol=1e-9)  # x = L f reproduces the table


def test_miller_blair_labour(mb):
    Z, x, f = mb
    L = io.leontief_inverse(io.technical_coefficients(Z, x))
    ell = pd.Series([0.3, 0.25], index=S)
    jobs = ell * x  # labour coefficients 0.3 and 0.25 per unit of output
    em = io.employment_multipliers(L, jobs, x)
    close(em["coefficient"], [0.3, 0.25])
    close(em["simple"], [0.442244, 0.379538])
    close(em["type_I"], [1.474147, 1.518152])
    x_new = io.leontief_output(L, pd.Series([600.0, 1500.0], index=S))
    close(ell * x_new, [374.257426, 460.396040])
    inc = io.income_multipliers(L, jobs, x)  # same algebra, other factor
    close(inc["simple"], em["simple"], tol=1e-12)


def test_miller_blair_ghosh_and_convention(mb):
    Z, x, f = mb
    B = io.allocation_coefficients(Z, x)
    close(B, [[0.15, 0.5], [0.1, 0.05]])
    G = io.ghosh_inverse(B)
    # G = x̂⁻¹ L x̂: g_12 = 0.330033 * 2000 / 1000. The reverse order (x̂ L x̂⁻¹) would give 0.165017.
    close(G, [[1.254125, 0.660066], [0.132013, 1.122112]])
    close(G.sum(axis=1), [1.914191, 1.254125])


def test_rasmussen_linkages_ghosh_vs_leontief(mb):
    Z, x, f = mb
    A, B = io.technical_coefficients(Z, x), io.allocation_coefficients(Z, x)
    L, G = io.leontief_inverse(A), io.ghosh_inverse(B)
    lk = io.linkages(L, G)
    close(lk["backward"], [1.022222, 0.977778])
    close(lk["forward"], [1.208333, 0.791667])  # default: Ghosh rows
    lk_l = io.linkages(L, forward="leontief")
    close(lk_l["forward"], [1.066667, 0.933333])  # Rasmussen sensitivity of dispersion
    # the two conventions must give different forward linkages here (a wrong default fails)
    assert abs(lk["forward"].iloc[0] - lk_l["forward"].iloc[0]) > 0.1
    # coefficient of variation of column 1 of L, by hand: mean (1.254125+0.264026)/2 = 0.759076,
    # sample sd |1.254125-0.264026|/sqrt(2) = 0.700105 -> V = 0.922313
    assert lk["cv_backward"].iloc[0] == pytest.approx(0.922313, abs=2e-6)


def test_direct_linkages_and_chenery_watanabe(mb):
    Z, x, f = mb
    A, B = io.technical_coefficients(Z, x), io.allocation_coefficients(Z, x)
    d = io.linkages(kind="direct", A=A, B=B)
    close(d["backward"], [1.076923, 0.923077])
    close(d["forward"], [1.625, 0.375])
    cw = io.chenery_watanabe(Z, x)
    close(cw["u_backward"], [0.35, 0.30])
    close(cw["w_forward"], [0.65, 0.15])


def test_key_sector_classification(mb):
    Z, x, f = mb
    L = io.leontief_inverse(io.technical_coefficients(Z, x))
    G = io.ghosh_inverse(io.allocation_coefficients(Z, x))
    ks = io.key_sectors(io.linkages(L, G))
    assert list(ks["type"]) == ["key", "independent"]
    assert list(ks["tipo"]) == ["clave", "independiente"]
    # the other two quadrants, on a hand-made table of indices
    df = pd.DataFrame({"backward": [1.2, 0.8, 1.0], "forward": [0.9, 1.1, 1.0]}, index=list("abc"))
    ks2 = io.key_sectors(df)
    assert list(ks2["type"]) == ["backward-oriented", "forward-oriented", "independent"]
    assert list(ks2["tipo"]) == ["impulsor", "estratégico (base)", "independiente"]


def test_errors_non_productive_and_singular():
    A = pd.DataFrame([[0.6, 0.1], [0.5, 0.2]], index=S, columns=S)  # column s1 sums to 1.1
    with pytest.raises(IndicatorInputError, match="'s1'.*not productive"):
        io.leontief_inverse(A)
    # columns sum below 1 but I - A = [[0.5, 1], [0.25, 0.5]] has determinant 0
    A_sing = pd.DataFrame([[0.5, -1.0], [-0.25, 0.5]], index=S, columns=S)
    with pytest.raises(IndicatorInputError, match="singular"):
        io.leontief_inverse(A_sing)
    with pytest.raises(IndicatorInputError, match="square"):
        io.leontief_inverse(pd.DataFrame([[0.1, 0.2]]))
    with pytest.raises(IndicatorInputError, match="needs G"):
        io.linkages(io.leontief_inverse(A * 0.5))
    Z = pd.DataFrame([[1.0, 2.0], [3.0, 4.0]], index=S, columns=S)
    with pytest.raises(IndicatorInputError, match="x = 0"):
        io.technical_coefficients(Z, pd.Series([0.0, 10.0], index=S))


# --- supply and use -> symmetric table, worked by hand ---------------------------------------
# supply (products × industries): p1 = [90, 10], p2 = [0, 100]  -> q = [100, 100], g = [90, 110]
# use: p1 = [20, 30], p2 = [10, 20]; final demand p1 = 50, p2 = 70; value added = [60, 60]
@pytest.fixture
def sut():
    P, IND = ["p1", "p2"], ["i1", "i2"]
    supply = pd.DataFrame([[90.0, 10.0], [0.0, 100.0]], index=P, columns=IND)
    use = pd.DataFrame([[20.0, 30.0], [10.0, 20.0]], index=P, columns=IND)
    fd = pd.DataFrame({"final": [50.0, 70.0]}, index=P)
    va = pd.DataFrame([[60.0, 60.0]], index=["va"], columns=IND)
    return supply, use, fd, va


def test_model_d_industry_by_industry(sut):
    supply, use, fd, va = sut
    t = su.supply_use_to_symmetric(supply, use, fd, va, assumption="fixed-product-sales")
    # D = [[0.9, 0], [0.1, 1]]; Z = D U; F = D f
    close(t.Z, [[18.0, 27.0], [12.0, 23.0]], tol=1e-12)
    close(t.final_demand["final"], [45.0, 75.0], tol=1e-12)
    close(t.x, [90.0, 110.0], tol=1e-12)
    close(t.Z.sum(axis=1) + t.final_demand.sum(axis=1), t.x, tol=1e-9)  # rows
    close(t.Z.sum(axis=0) + t.value_added.sum(axis=0), t.x, tol=1e-9)  # columns
    assert list(t.Z.index) == ["i1", "i2"]


def test_model_b_product_by_product(sut):
    supply, use, fd, va = sut
    t = su.supply_use_to_symmetric(supply, use, fd, va)  # industry technology
    # ĝ⁻¹V = [[1, 0], [1/11, 10/11]]; Z = U ĝ⁻¹ V; VA = [60, 60] ĝ⁻¹ V
    close(t.Z, [[20 + 30 / 11, 300 / 11], [10 + 20 / 11, 200 / 11]], tol=1e-12)
    close(t.value_added.loc["va"], [60 + 60 / 11, 600 / 11], tol=1e-12)
    close(t.x, [100.0, 100.0], tol=1e-12)
    close(t.Z.sum(axis=1) + t.final_demand.sum(axis=1), t.x, tol=1e-9)
    close(t.Z.sum(axis=0) + t.value_added.sum(axis=0), t.x, tol=1e-9)
    assert t.x.sum() == pytest.approx(supply.to_numpy().sum())  # total output preserved


def test_sut_unbalanced_gives_clear_error(sut):
    supply, use, fd, va = sut
    with pytest.raises(IndicatorInputError, match="product balance fails for 'p1'"):
        su.supply_use_to_symmetric(supply, use, fd + 5, va)


# --- 2-region MRIO toy worked by hand ---------------------------------------------------------
# Z = [[10, 20], [30, 40]] (A->A, A->B; B->A, B->B); final demand A row [50, 20], B row [10, 120]
# x = [100, 200]; v = [0.6, 0.7]; exports e_A = 20 + 20 = 40, e_B = 30 + 10 = 40
# A = [[0.1, 0.1], [0.3, 0.2]], det(I - A) = 0.69, L = [[0.8, 0.1], [0.3, 0.9]] / 0.69
@pytest.fixture
def mrio():
    idx = pd.MultiIndex.from_tuples([("A", "ind"), ("B", "ind")], names=["region", "sector"])
    Z = pd.DataFrame([[10.0, 20.0], [30.0, 40.0]], index=idx, columns=idx)
    Y = pd.DataFrame([[50.0, 20.0], [10.0, 120.0]], index=idx, columns=["A", "B"])
    x = Z.sum(axis=1) + Y.sum(axis=1)
    va = x - Z.sum(axis=0)
    return Z, Y, x, va


def test_mrio_value_added_in_exports(mrio):
    Z, Y, x, va = mrio
    close(x, [100.0, 200.0], tol=1e-12)
    e = mr.mrio_gross_exports(Z, Y)
    close(e, [40.0, 40.0], tol=1e-12)
    d = mr.value_added_in_exports(Z, x, va, e).set_index(["exporter", "source"])
    close(d.loc[("A", "A"), "value_added"], 19.2 / 0.69)  # 40 * 0.8/0.69 * 0.6 = 27.826087
    close(d.loc[("A", "B"), "value_added"], 8.4 / 0.69)  # 40 * 0.3/0.69 * 0.7 = 12.173913
    close(d.loc[("B", "A"), "value_added"], 2.4 / 0.69)
    close(d.loc[("B", "B"), "value_added"], 25.2 / 0.69)
    g = mr.gvc_participation(mr.value_added_in_exports(Z, x, va, e))
    close(g["dva"] + g["fva"], g["gross_exports"], tol=1e-9)  # DVA + FVA = gross exports
    close(g.loc["A", "fva_share"], 0.21 / 0.69)
    close(g.loc["A", "vs1"], 2.4 / 0.69)
    close(g.loc["B", "vs1_share"], (8.4 / 0.69) / 40)


# --- real data: Brazil 2020, 51 sectors -------------------------------------------------------
def test_brazil_2020_multipliers_sane():
    from course_tools.data.io_tables import load_io_brazil_2020

    t = load_io_brazil_2020()
    A = io.technical_coefficients(t.Z, t.x)
    L = io.leontief_inverse(A)
    m = io.output_multipliers(L)
    assert len(m) == 51
    assert (m >= 1 - 1e-12).all() and (m < 3).all(), m.sort_values()  # = 1: no intermediate inputs
    em = io.employment_multipliers(L, t.jobs, t.x)
    assert (em["simple"] > 0).all()
    assert (em["type_I"].dropna() >= 1).all()
    lk = io.key_sectors(io.linkages(L, io.ghosh_inverse(io.allocation_coefficients(t.Z, t.x))))
    assert lk["backward"].mean() == pytest.approx(1.0)
    assert set(lk["type"]) <= {"key", "backward-oriented", "forward-oriented", "independent"}
