"""Territorial indicators: location quotient, shift-share (Dunn and Esteban-Marquillas, worked
by hand), Krugman specialisation, cluster candidates; real data: Tamaulipas (INEGI censuses)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools.data import manifest
from course_tools.indicators import (
    IndicatorInputError,
    cluster_candidates,
    krugman_specialisation,
    location_quotient,
    shift_share,
)


def tidy(m: pd.DataFrame) -> pd.DataFrame:
    return m.stack().rename("employment").rename_axis(["region", "industry"]).reset_index()


IND = ["a", "b", "c"]
# Worked by hand: 2 regions x 3 industries, nation = R1 + R2
#   t0: R1 [10, 20, 30] (60)   R2 [40, 20, 10] (70)   nation [50, 40, 40] (130)
#   t1: R1 [15, 20, 45] (80)   R2 [45, 30,  5] (80)   nation [60, 50, 50] (160)
#   G = 160/130 = 16/13; g = [1.2, 1.25, 1.25]
# R1: national share 60*(3/13) = 180/13 = 13.846154
#     industrial mix 10*(1.2-16/13) + 50*(1.25-16/13) = -4/13 + 25/26 = 17/26 = 0.653846
#     regional shift (15-12) + (20-25) + (45-37.5) = 5.5;   sum = 520/26 = 20 = 80 - 60
# R2: national share 210/13 = 16.153846; mix 40*(-2/65) + 30*(1/52) = -17/26; shift -3+5-7.5 = -5.5
# Esteban-Marquillas, R1: homothetic r^ = 60*[50,40,40]/130 = [300,240,240]/13,
#     g^r - g^n = [.5-.2, 0-.25, .5-.25] = [.3, -.25, .25]
#     competitive 300/13*.3 + 240/13*(-.25) + 240/13*.25 = 90/13 = 6.923077
#     allocation (10-300/13)*.3 + (20-240/13)*(-.25) + (30-240/13)*.25 = -18.5/13 = -1.423077
T0 = pd.DataFrame([[10, 20, 30], [40, 20, 10]], index=["R1", "R2"], columns=IND, dtype=float)
T1 = pd.DataFrame([[15, 20, 45], [45, 30, 5]], index=["R1", "R2"], columns=IND, dtype=float)


def test_shift_share_dunn_by_hand():
    ss = shift_share(tidy(T0), tidy(T1)).set_index("region")
    assert ss.loc["R1", "national_share"] == pytest.approx(180 / 13, abs=1e-9)
    assert ss.loc["R1", "industrial_mix"] == pytest.approx(17 / 26, abs=1e-9)
    assert ss.loc["R1", "regional_shift"] == pytest.approx(5.5, abs=1e-9)
    assert ss.loc["R2", "national_share"] == pytest.approx(210 / 13, abs=1e-9)
    assert ss.loc["R2", "industrial_mix"] == pytest.approx(-17 / 26, abs=1e-9)
    assert ss.loc["R2", "regional_shift"] == pytest.approx(-5.5, abs=1e-9)
    comps = ss[["national_share", "industrial_mix", "regional_shift"]].sum(axis=1)
    np.testing.assert_allclose(comps, ss["change"], atol=1e-12)
    assert ss["change"].tolist() == [20.0, 10.0]


def test_shift_share_by_industry_and_year_column():
    both = pd.concat([tidy(T0).assign(year=2003), tidy(T1).assign(year=2023)])
    ss = shift_share(both, by_industry=True).set_index(["region", "industry"])
    # R1, c: national 30*3/13, mix 30*(1.25-16/13), shift 45 - 30*1.25 = 7.5
    assert ss.loc[("R1", "c"), "regional_shift"] == pytest.approx(7.5)
    assert ss.loc[("R1", "c"), "industrial_mix"] == pytest.approx(30 * (1.25 - 16 / 13))
    with pytest.raises(IndicatorInputError, match="periods"):
        shift_share(pd.concat([both, tidy(T1).assign(year=2030)]))


def test_shift_share_esteban_marquillas_by_hand():
    em = shift_share(T0, T1, method="esteban-marquillas").set_index("region")
    assert em.loc["R1", "competitive_effect"] == pytest.approx(90 / 13, abs=1e-9)
    assert em.loc["R1", "allocation_effect"] == pytest.approx(-18.5 / 13, abs=1e-9)
    parts = ["national_share", "industrial_mix", "competitive_effect", "allocation_effect", "new_industry_effect"]
    np.testing.assert_allclose(em[parts].sum(axis=1), em["change"], atol=1e-12)
    assert "regional_shift" not in em.columns


def test_shift_share_new_industry_and_explicit_nation():
    t0 = T0.copy()
    t0.loc["R2", "c"] = 0.0                      # c is new in R2 at t1
    em = shift_share(t0, T1, method="esteban-marquillas", by_industry=True).set_index(["region", "industry"])
    assert em.loc[("R2", "c"), "new_industry_effect"] == pytest.approx(5.0)
    assert em.loc[("R2", "c"), "competitive_effect"] == 0
    parts = ["national_share", "industrial_mix", "competitive_effect", "allocation_effect", "new_industry_effect"]
    np.testing.assert_allclose(em[parts].sum(axis=1), em["change"], atol=1e-12)
    # explicit nation twice as large, same growth rates: national share of R1 unchanged
    nat0, nat1 = T0.sum() * 2, T1.sum() * 2
    d = shift_share(T0, T1, reference_t0=nat0, reference_t1=nat1).set_index("region")
    assert d.loc["R1", "national_share"] == pytest.approx(180 / 13)
    with pytest.raises(IndicatorInputError, match="method"):
        shift_share(T0, T1, method="arcelus")


def test_location_quotient_vs_whole_table_and_reference():
    lq = location_quotient(tidy(T0)).set_index(["region", "industry"])["lq"]
    # R1, c: (30/60) / (40/130) = 1.625
    assert lq[("R1", "c")] == pytest.approx(1.625)
    # against a reference nation [100, 100, 200] (400): (30/60)/(200/400) = 1.0
    ref = pd.Series([100.0, 100, 200], index=IND)
    lq2 = location_quotient(T0, reference=ref)
    assert lq2.loc["R1", "c"] == pytest.approx(1.0)
    with pytest.raises(IndicatorInputError, match="no value"):
        location_quotient(T0, reference=ref.drop("c"))


def test_location_quotient_nan_is_an_error():
    t = tidy(T0)
    t.loc[1, "employment"] = np.nan               # e.g. suppressed for confidentiality
    with pytest.raises(IndicatorInputError, match="missing"):
        location_quotient(t)


def test_krugman_specialisation():
    k = krugman_specialisation(T0)
    # R1 shares [1/6, 1/3, 1/2] vs nation [5/13, 4/13, 4/13]
    exp = abs(1 / 6 - 5 / 13) + abs(1 / 3 - 4 / 13) + abs(1 / 2 - 4 / 13)
    assert k["R1"] == pytest.approx(exp)
    same = pd.DataFrame([[1, 2], [2, 4]], index=["x", "y"], columns=["p", "q"], dtype=float)
    np.testing.assert_allclose(krugman_specialisation(same), 0.0, atol=1e-15)
    apart = pd.DataFrame([[1, 0], [0, 1]], index=["x", "y"], columns=["p", "q"], dtype=float)
    # against an outside reference with none of x's industry -> maximum 2
    assert krugman_specialisation(apart, reference=pd.Series({"p": 0.0, "q": 5.0}))["x"] == pytest.approx(2)


def test_cluster_candidates_thresholds():
    # LQ at t1: R1 c = (45/80)/(50/160) = 1.8; R2 a = (45/80)/(60/160) = 1.5; R2 b = 1.2
    c = cluster_candidates(tidy(T1))
    assert set(zip(c.region, c.industry)) == {("R1", "c"), ("R2", "a")}
    assert c.loc[0, "criteria"].startswith("LQ 1.80 >= 1.25")
    # size screen drops R1 c (45 >= 45 passes, 46 does not)
    assert len(cluster_candidates(tidy(T1), min_size=46)) == 0
    # growth: R1 c grew 50 %, R2 a 12.5 %
    g = cluster_candidates(tidy(T1), data_t0=tidy(T0), growth=0.2)
    assert list(zip(g.region, g.industry)) == [("R1", "c")]
    assert "growth 50.0% >= 20.0%" in g.loc[0, "criteria"]
    allp = cluster_candidates(tidy(T1), data_t0=tidy(T0), positive_shift=True, all_pairs=True)
    assert len(allp) == 6 and allp["candidate"].sum() == 1      # R2 a: shift 45 - 40*1.2 = -3 < 0
    with pytest.raises(IndicatorInputError, match="data_t0"):
        cluster_candidates(tidy(T1), growth=0.1)


# --- real data: Tamaulipas vs Mexico, INEGI economic censuses --------------------------------
@pytest.fixture(scope="module")
def censuses() -> pd.DataFrame:
    d = pd.read_csv(manifest.verify("subnational_mexico_inegi_ce_tamaulipas/SAIC_Exporta_clean.csv"))
    d = d.iloc[:, :5]
    d.columns = ["year", "entity", "municipality", "industry", "employment"]
    return d[d["municipality"].isna()].drop(columns="municipality")


def test_real_tamaulipas_lq_and_clusters(censuses):
    d = censuses[censuses.year == 2023]
    nat = d[d.entity.str.startswith("00")]
    tam = d[d.entity.str.startswith("28")].dropna(subset=["employment"])   # 2 sectors suppressed
    lq = location_quotient(tam, region="entity", reference=nat).set_index("industry")["lq"]
    manuf = "Sector 31-33 Industrias manufactureras"
    e = tam.set_index("industry")["employment"]
    n = nat.set_index("industry")["employment"]
    assert lq[manuf] == pytest.approx((e[manuf] / e.sum()) / (n[manuf] / n.sum()), rel=1e-12)
    assert lq[manuf] > 1.25                  # export manufacturing on the US border
    c = cluster_candidates(tam, region="entity", reference=nat)
    assert manuf in set(c.industry)
    assert (c.lq >= 1.25).all()


def test_real_tamaulipas_shift_share_sums(censuses):
    d = censuses.dropna(subset=["employment"])
    tam = d[d.entity.str.startswith("28") & d.year.isin([2003, 2023])]
    nat = d[d.entity.str.startswith("00")]
    ref0 = nat[nat.year == 2003].set_index("industry")["employment"]
    ref1 = nat[nat.year == 2023].set_index("industry")["employment"]
    ss = shift_share(tam, region="entity", reference_t0=ref0, reference_t1=ref1)
    row = ss.iloc[0]
    assert row["change"] == pytest.approx(row[["national_share", "industrial_mix", "regional_shift"]].sum())
    R0 = tam.loc[tam.year == 2003, "employment"].sum()
    assert row["national_share"] == pytest.approx(R0 * (ref1.sum() / ref0.sum() - 1), rel=1e-12)


def test_shift_share_reference_with_industries_absent_from_regions():
    # nation has an extra industry d (t0 100, t1 100): N0 = 230, N1 = 260, G = 26/23;
    # national share of R1 = 60*(26/23 - 1) = 180/23 (not 180/13)
    nat0 = pd.concat([T0.sum(), pd.Series({"d": 100.0})])
    nat1 = pd.concat([T1.sum(), pd.Series({"d": 100.0})])
    ss = shift_share(T0, T1, reference_t0=nat0, reference_t1=nat1).set_index("region")
    assert ss.loc["R1", "national_share"] == pytest.approx(180 / 23)
    parts = ["national_share", "industrial_mix", "regional_shift"]
    np.testing.assert_allclose(ss[parts].sum(axis=1), ss["change"], atol=1e-12)
