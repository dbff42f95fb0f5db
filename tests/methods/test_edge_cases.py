"""Edge cases of every indicator family: NaN, negative values, all-zero rows/columns, a single
country, products nobody exports, a singular (I - A). Each case gives either a clear
IndicatorInputError (message checked for what is wrong and what to do) or a documented result
(values worked by hand in the comments)."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from course_tools import indicators as ind
from course_tools.indicators import IndicatorInputError
from course_tools.indicators import input_output as io

# toy: A exports only p1, B only p2, C both; nobody exports p3
X = pd.DataFrame({"p1": [10.0, 0, 5], "p2": [0.0, 20, 5], "p3": [0.0, 0, 0]}, index=list("ABC"))
S = pd.Series({"p1": 10.0, "p2": 5.0, "p3": 0.0})


def with_cell(m, value, row=0, col=0):
    out = m.copy()
    out.iloc[row, col] = value
    return out


def s_with(value, key="p1"):
    out = S.copy()
    out[key] = value
    return out


# --- the package -------------------------------------------------------------------------
def test_all_lists_every_public_name_once():
    assert len(ind.__all__) == len(set(ind.__all__))
    for name in ("rca", "lafay", "trade_intensity", "grubel_lloyd_aggregate", "competitiveness_matrix",
                 "complexity", "product_space_graph", "leontief_inverse", "key_sectors",
                 "location_quotient", "shift_share", "IndicatorInputError"):
        assert name in ind.__all__
    assert all(hasattr(ind, n) for n in ind.__all__)
    assert not [n for n in ind.__all__ if n.startswith("_")]


# --- NaN and negative values: one clear error per family, saying what to do -------------------
MATRIX_FUNCS = [ind.rca, ind.rsca, ind.hhi, ind.diversification, ind.export_similarity,
                ind.location_quotient, ind.krugman_specialisation, ind.complexity, ind.presence_matrix,
                ind.proximity]


@pytest.mark.parametrize("f", MATRIX_FUNCS, ids=lambda f: f.__name__)
def test_matrix_nan_says_where_and_what_to_do(f):
    with pytest.raises(IndicatorInputError, match=r"NaN.*row 'A', column 'p1'.*fillna\(0\)"):
        f(with_cell(X, np.nan))


@pytest.mark.parametrize("f", MATRIX_FUNCS, ids=lambda f: f.__name__)
def test_matrix_negative_says_where_and_what_to_do(f):
    with pytest.raises(IndicatorInputError, match=r"negative.*row 'A', column 'p1'.*check the source"):
        f(with_cell(X, -1.0))


@pytest.mark.parametrize("f", [ind.trade_balance_index, ind.lafay, ind.grubel_lloyd,
                               ind.grubel_lloyd_aggregate], ids=lambda f: f.__name__)
def test_pair_of_series_nan_and_negative(f):
    with pytest.raises(IndicatorInputError, match=r"\(exports\) has 1 NaN.*first at 'p1'"):
        f(s_with(np.nan), S)
    with pytest.raises(IndicatorInputError, match=r"\(imports\) has 1 negative.*first at 'p1'"):
        f(S, s_with(-1.0))


def test_tidy_nan_message_offers_both_choices():
    t = X.stack().rename("export_value").rename_axis(["country", "product"]).reset_index()
    t.loc[0, "export_value"] = np.nan
    with pytest.raises(IndicatorInputError, match=r"fillna.*dropna"):
        ind.rca(t)


def test_bilateral_and_series_indicators_nan_negative():
    F = pd.DataFrame([[0, 10, 5], [3, 0, 7], [2, 2, 0.0]], index=list("ABC"), columns=list("ABC"))
    with pytest.raises(IndicatorInputError, match="NaN"):
        ind.trade_intensity(with_cell(F, np.nan, 0, 1))
    with pytest.raises(IndicatorInputError, match="negative"):
        ind.regional_trade_indicators(with_cell(F, -1.0, 0, 1), ["A", "B"])
    with pytest.raises(IndicatorInputError, match="NaN"):
        ind.trade_complementarity(s_with(np.nan), S)
    with pytest.raises(IndicatorInputError, match="negative"):
        ind.export_similarity(S, s_with(-2.0))


def test_dynamics_nan_negative():
    m = pd.Series({"p1": 100.0, "p2": 100.0, "p3": 100.0})
    with pytest.raises(IndicatorInputError, match=r"country_exports_t0: 1 NaN.*\['p1'\].*fillna\(0\)"):
        ind.competitiveness_matrix(s_with(np.nan), S, m, m)
    with pytest.raises(IndicatorInputError, match=r"market_imports_t1: negative.*\['p2'\]"):
        ind.competitiveness_matrix(S, S, m, s_with(-1.0, "p2"))
    with pytest.raises(IndicatorInputError, match=r"X1 has 1 NaN.*fillna\(0\)"):
        ind.constant_market_share(S, s_with(np.nan), m, m)
    with pytest.raises(IndicatorInputError, match=r"W0 has 1 negative.*\['p1'\]"):
        ind.constant_market_share(S, S, s_with(-5.0), m)


def test_territory_and_complexity_filters_nan_negative():
    with pytest.raises(IndicatorInputError, match=r"shift_share \(t1\) has 1 NaN"):
        ind.shift_share(X, with_cell(X, np.nan))
    with pytest.raises(IndicatorInputError, match="negative"):
        ind.shift_share(with_cell(X, -3.0), X)
    t = pd.DataFrame({"country": ["a", "b"], "product": ["x", "x"], "export_value": [1e10, np.nan]})
    with pytest.raises(IndicatorInputError, match="dropna"):
        ind.filter_for_complexity(t)


def test_input_output_nan_and_negative():
    Z = pd.DataFrame([[150.0, 500], [200, 100]], index=["s1", "s2"], columns=["s1", "s2"])
    x = pd.Series({"s1": 1000.0, "s2": 2000.0})
    with pytest.raises(IndicatorInputError, match="Z has 1 NaN"):
        io.technical_coefficients(with_cell(Z, np.nan), x)
    with pytest.raises(IndicatorInputError, match="x has NaN"):
        io.technical_coefficients(Z, x.where(x < 1500))
    with pytest.raises(IndicatorInputError, match="negative total output for sector 's1'"):
        io.technical_coefficients(Z, -x)
    L = io.leontief_inverse(io.technical_coefficients(Z, x))
    with pytest.raises(IndicatorInputError, match=r"jobs cannot be negative; sector 's2'"):
        io.employment_multipliers(L, pd.Series({"s1": 5.0, "s2": -1.0}), x)
    with pytest.raises(IndicatorInputError, match=r"wages cannot be negative"):
        io.income_multipliers(L, pd.Series({"s1": -5.0, "s2": 1.0}), x)
    # a negative intermediate flow is kept (documented) but flagged: a_12 = -50/2000 = -0.025
    with pytest.warns(UserWarning, match=r"1 negative intermediate flow.*'s1' -> 's2'"):
        A = io.technical_coefficients(with_cell(Z, -50.0, 0, 1), x)
    assert A.loc["s1", "s2"] == pytest.approx(-0.025)
    with pytest.warns(UserWarning, match="negative intermediate flow"):
        io.allocation_coefficients(with_cell(Z, -50.0, 0, 1), x)


# --- all-zero rows / columns and products nobody exports ---------------------------------
def test_products_nobody_exports_dropped_with_warning_everywhere():
    # without p3: RCA_A,p1 = (10/10) / (15/40) = 8/3; LQ is the same algebra
    with pytest.warns(UserWarning, match=r"1 product\(s\) nobody has.*'p3'"):
        r = ind.rca(X)
    assert list(r.columns) == ["p1", "p2"] and r.loc["A", "p1"] == pytest.approx(8 / 3)
    with pytest.warns(UserWarning, match=r"industry\(s\) nobody has"):
        lq = ind.location_quotient(X)
    assert lq.loc["A", "p1"] == pytest.approx(8 / 3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = ind.complexity(X.assign(p4=[1.0, 1.0, 30.0]))
    assert any("1 product(s) with zero exports" in str(w.message) for w in caught)
    assert res.dropped["products"] == ["p3"]
    # hhi keeps zero columns in n (documented): shares of C = (.5, .5, 0) -> HH 0.5
    assert ind.hhi(X)["C"] == pytest.approx(0.5)
    # TBI and GL: x + m = 0 is NaN (undefined), Lafay gives 0
    assert np.isnan(ind.trade_balance_index(S, S * 2)["p3"])
    assert np.isnan(ind.grubel_lloyd(S, S * 2)["p3"])
    assert ind.lafay(S, S * 2)["p3"] == 0.0


def test_countries_with_zero_total():
    Xz = X.copy()
    Xz.loc["B"] = 0.0
    with pytest.warns(UserWarning, match=r"1 country\(s\) with zero total.*'B'"):
        d = ind.diversification(Xz)
    assert list(d["country"]) == ["A", "C"]
    with pytest.warns(UserWarning, match="zero total"):
        assert list(ind.hhi(Xz).index) == ["A", "C"]
    with pytest.warns(UserWarning, match="zero total"):
        es = ind.export_similarity(Xz)
    # A = (1, 0), C = (.5, .5): 100 * (min(1,.5) + min(0,.5)) = 50
    assert es.loc["A", "C"] == pytest.approx(50.0)
    with pytest.raises(IndicatorInputError, match="no trade at all"):
        ind.lafay(Xz, Xz)
    with pytest.raises(IndicatorInputError, match="no trade at all"):
        ind.grubel_lloyd_aggregate(Xz, Xz)


@pytest.mark.parametrize("f", [ind.rca, ind.rsca, ind.diversification, ind.hhi, ind.location_quotient,
                               ind.krugman_specialisation, ind.export_similarity],
                         ids=lambda f: f.__name__)
def test_all_zero_table_is_an_error(f):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with pytest.raises(IndicatorInputError, match="zero|sums to 0"):
            f(X * 0)


def test_all_zero_other_families():
    F = pd.DataFrame([[0, 10, 5], [3, 0, 7], [2, 2, 0.0]], index=list("ABC"), columns=list("ABC"))
    with pytest.raises(IndicatorInputError, match="every flow in the table is 0"):
        ind.trade_intensity(F * 0)
    with pytest.raises(IndicatorInputError, match="export nothing"):
        ind.regional_trade_indicators(F * 0, ["A"])
    with pytest.raises(IndicatorInputError, match="sum to 0"):
        ind.trade_complementarity(S * 0, S)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with pytest.raises(IndicatorInputError, match="at least 2 countries"):
            ind.complexity(X * 0)
        with pytest.raises(IndicatorInputError, match="every export value is 0"):
            ind.presence_matrix(X * 0)
    m = pd.Series({"p1": 100.0, "p2": 100.0})
    with pytest.raises(IndicatorInputError, match="imports nothing"):
        ind.competitiveness_matrix(S, S, m * 0, m)
    with pytest.raises(IndicatorInputError, match="exports nothing"):
        ind.competitiveness_matrix(S * 0, S * 0, m, m)
    with pytest.raises(IndicatorInputError, match="reference exports are 0"):
        ind.constant_market_share(S, S, S * 0, S)
    with pytest.raises(IndicatorInputError, match="national total is 0"):
        ind.shift_share(X * 0, X)
    with pytest.raises(IndicatorInputError, match="diversity 0"):
        ind.reflections((X > 0).astype(float))  # p3: ubiquity 0


def test_trade_intensity_importer_without_imports_is_nan():
    # C neither exports nor imports: row and column of C are NaN (0/0), the rest is defined.
    # A -> B: (10/10) / (10/13) = 1.3; B -> A: (3/3) / (3/13) = 13/3
    F = pd.DataFrame([[0, 10, 0], [3, 0, 0], [0, 0, 0.0]], index=list("ABC"), columns=list("ABC"))
    t = ind.trade_intensity(F)
    assert t.loc["A", "B"] == pytest.approx(1.3) and t.loc["B", "A"] == pytest.approx(13 / 3)
    assert t.loc["C"].isna().all() and t["C"].isna().all()


# --- a single country --------------------------------------------------------------------
def test_single_country_documented_results_and_errors():
    one = pd.DataFrame({"p1": [30.0], "p2": [10.0]}, index=["A"])
    # the country is its own world: RCA = LQ = 1, RSCA = 0, Krugman = 0, DX = 0
    assert (ind.rca(one).to_numpy() == 1.0).all()
    assert (ind.rsca(one).to_numpy() == 0.0).all()
    assert (ind.location_quotient(one).to_numpy() == 1.0).all()
    assert ind.krugman_specialisation(one)["A"] == 0.0
    assert ind.diversification(one)["unctad_dx"].iloc[0] == 0.0
    # HHI = .75^2 + .25^2 = 0.625 needs no other country
    assert ind.hhi(one)["A"] == pytest.approx(0.625)
    # shift-share: the region is the nation, so the whole change is the national share
    ss = ind.shift_share(one, one * 2)
    assert ss["national_share"].iloc[0] == pytest.approx(40.0)
    assert ss["industrial_mix"].iloc[0] == pytest.approx(0.0)
    assert ss["regional_shift"].iloc[0] == pytest.approx(0.0)
    with pytest.raises(IndicatorInputError, match="at least 2 countries"):
        ind.complexity(one)
    with pytest.raises(IndicatorInputError, match="at least 2 countries"):
        ind.proximity(one)
    with pytest.raises(IndicatorInputError, match="at least 2 countries"):
        ind.trade_intensity(pd.DataFrame([[0.0]], index=["A"], columns=["A"]))
    with pytest.raises(IndicatorInputError, match="no outside world"):
        F = pd.DataFrame([[0, 1.0], [2.0, 0]], index=["A", "B"], columns=["A", "B"])
        ind.regional_trade_indicators(F, ["A", "B"])


# --- input-output: singular, non-productive, zero sectors ---------------------------------
def test_io_singular_and_zero_output_sector():
    S2 = ["a", "b"]
    with pytest.raises(IndicatorInputError, match=r"'a'.*not productive.*total output"):
        io.leontief_inverse(pd.DataFrame([[0.5, 0.5], [0.5, 0.5]], index=S2, columns=S2))
    with pytest.raises(IndicatorInputError, match=r"row sum of sector 'a'.*not productive"):
        io.ghosh_inverse(pd.DataFrame([[0.5, 0.5], [0.2, 0.2]], index=S2, columns=S2))
    # I - B = [[0.5, 1], [0.25, 0.5]]: det 0 although row sums < 1
    with pytest.raises(IndicatorInputError, match="singular"):
        io.ghosh_inverse(pd.DataFrame([[0.5, -1.0], [-0.25, 0.5]], index=S2, columns=S2))
    # a sector with no output and no flows: column of zeros in A, L_bb = 1 (documented)
    Z = pd.DataFrame([[150.0, 0], [0, 0]], index=S2, columns=S2)
    A = io.technical_coefficients(Z, pd.Series({"a": 1000.0, "b": 0.0}))
    L = io.leontief_inverse(A)
    assert L.loc["a", "a"] == pytest.approx(1 / 0.85) and L.loc["b", "b"] == 1.0
    # a sector without jobs: type I multiplier undefined (NaN), simple multiplier defined.
    # l = (10/1000, 0); simple_a = 0.01 * L_aa = 0.01/0.85; type I_a = L_aa = 1/0.85
    em = io.employment_multipliers(L, pd.Series({"a": 10.0, "b": 0.0}), pd.Series({"a": 1000.0, "b": 1.0}))
    assert np.isnan(em.loc["b", "type_I"]) and em.loc["b", "simple"] == 0.0
    assert em.loc["a", "simple"] == pytest.approx(0.01 / 0.85)
    assert em.loc["a", "type_I"] == pytest.approx(1 / 0.85)


@pytest.mark.parametrize("f", [ind.rca, ind.rsca, ind.hhi, ind.diversification, ind.location_quotient,
                               ind.krugman_specialisation, ind.export_similarity],
                         ids=lambda f: f.__name__)
def test_error_names_the_function_called(f):
    with pytest.raises(IndicatorInputError, match=rf"^{f.__name__} has 1 NaN"):
        f(with_cell(X, np.nan))
