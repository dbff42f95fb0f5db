"""The two lists (consolidate / diversify), the Growth Lab score and demand growth as a CAGR, on shipped data."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools import data
from course_tools.methods import niches
from course_tools.methods.diversification import (
    APPROACHES,
    ATLAS_WEIGHTS,
    CONSOLIDATE_WEIGHTS,
    DiversificationError,
    cagr,
    consolidate_list,
    demand_cagr,
    diversify_list,
    drivers,
    growth_lab_score,
    strategic_approach,
    two_lists,
)
from tests.methods.niche_toys import criteria_of

COUNTRIES = ["MEX", "PER", "JAM"]
#: consolidate weights on criteria the shipped tables provide (the default also needs untapped potential)
SHIPPED_CONSOLIDATE = {"demand_cagr": 1, "share_change": 1, "lac_demand_share": 1}


@pytest.fixture(scope="module")
def product_year():
    return data.load_product_year()


@pytest.fixture(scope="module")
def criteria(product_year):
    """niche_criteria of three countries of different kinds, plus world demand CAGR 2012-2022 (3-year ends)."""
    g = demand_cagr(product_year, 2012, 2022, average=3, value="world_export_value").set_index("product")["cagr"]
    out = {}
    for c in COUNTRIES:
        t = criteria_of(c)
        t["demand_cagr"] = g.reindex(t.index)
        out[c] = t
    return out


# --------------------------------------------------------------------------------------------
# published weights and the country approach
# --------------------------------------------------------------------------------------------
def test_atlas_weights_as_documented():
    assert ATLAS_WEIGHTS["low-hanging fruit"] == {"distance": 0.60, "pci": 0.15, "cog": 0.25}
    assert ATLAS_WEIGHTS["light touch"] == {"distance": 0.60, "pci": 0.20, "cog": 0.20}
    assert ATLAS_WEIGHTS["parsimonious industrial policy"] == {"distance": 0.55, "pci": 0.20, "cog": 0.25}
    assert ATLAS_WEIGHTS["strategic bets"] == {"distance": 0.50, "pci": 0.15, "cog": 0.35}
    assert ATLAS_WEIGHTS["long jumps"] == {"distance": 0.45, "pci": 0.20, "cog": 0.35}
    assert ATLAS_WEIGHTS["explore"] == {"distance": 0.50, "pci": 0.15, "cog": 0.35}
    for w in ATLAS_WEIGHTS.values():
        assert sum(w.values()) == pytest.approx(1.0)
    assert sum(CONSOLIDATE_WEIGHTS.values()) == pytest.approx(1.0)


def test_strategic_approach_quadrants():
    assert strategic_approach(-0.1) == "strategic bets"
    assert strategic_approach(0.0, 0.0) == "light touch"
    assert strategic_approach(0.2, -0.3) == "parsimonious industrial policy"
    assert strategic_approach(0.2) == "undetermined"
    assert strategic_approach(-1.0, country="deu") == "technological frontier"
    for a in ("technological frontier", "light touch", "parsimonious industrial policy", "strategic bets"):
        assert a in APPROACHES


# --------------------------------------------------------------------------------------------
# demand growth as a CAGR over one window
# --------------------------------------------------------------------------------------------
def test_cagr_edge_cases():
    assert np.isnan(cagr(0.0, 5.0, 3))                 # growth from nothing is undefined
    assert cagr(4.0, 0.0, 2) == pytest.approx(-1.0)     # the market disappeared
    assert np.isnan(cagr(np.nan, 5.0, 3))
    s = cagr(pd.Series([4.0, 9.0], index=["a", "b"]), pd.Series([9.0, 4.0], index=["a", "b"]), 2)
    assert list(s.index) == ["a", "b"] and s["a"] == pytest.approx(0.5)
    with pytest.raises(DiversificationError):
        cagr(1.0, 2.0, 0)


def test_demand_cagr_on_the_shipped_panel(product_year):
    raw = product_year.set_index(["product", "year"])["world_export_value"]
    got = demand_cagr(product_year, 2012, 2022, average=3, value="world_export_value").set_index("product")
    assert got.attrs["span"] == 8 and got["window"].iloc[0] == "2012-2022 (3-year averages)"
    for k in ("0101", "2603", "8703"):
        v0 = raw.loc[[(k, y) for y in (2012, 2013, 2014)]].mean()
        v1 = raw.loc[[(k, y) for y in (2020, 2021, 2022)]].mean()
        assert got.loc[k, "value_start"] == pytest.approx(v0)
        assert got.loc[k, "cagr"] == pytest.approx((v1 / v0) ** (1 / 8) - 1)
    one = demand_cagr(product_year, 1995, 2023, value="world_export_value").set_index("product")
    assert one.loc["0101", "cagr"] == pytest.approx((raw[("0101", 2023)] / raw[("0101", 1995)]) ** (1 / 28) - 1)
    assert one["window"].iloc[0] == "1995-2023"
    with pytest.raises(DiversificationError, match="not in the table"):
        demand_cagr(product_year, 1990, 2023, value="world_export_value")
    with pytest.raises(DiversificationError, match="too short"):
        demand_cagr(product_year, 2020, 2022, average=3, value="world_export_value")


# --------------------------------------------------------------------------------------------
# diversify: the Growth Lab score
# --------------------------------------------------------------------------------------------
def test_growth_lab_score_is_a_weighted_sum_of_z_scores(criteria):
    t = criteria["PER"]
    w = ATLAS_WEIGHTS["strategic bets"]
    g = growth_lab_score(t, w)
    z = {c: (t[c] - t[c].mean()) / t[c].std(ddof=0) for c in w}
    manual = -w["distance"] * z["distance"] + w["pci"] * z["pci"] + w["cog"] * z["cog"]
    np.testing.assert_allclose(g["score"], manual, atol=1e-12)
    # distance = 1 - density: weighting density (higher = better) gives the same score
    alt = growth_lab_score(t, {"density": 0.50, "pci": 0.15, "cog": 0.35})
    np.testing.assert_allclose(alt["score"], g["score"], atol=1e-9)


def test_diversify_list_ranks_rca_below_one_by_score(criteria):
    t = criteria["PER"]
    d = diversify_list(t, strategy="strategic bets")
    assert set(d["product"]) == set(t.index[t["rca"] < 1])
    assert (d["rca"] < 1).all()
    ranked = d.dropna(subset=["rank"])
    assert list(ranked["rank"]) == sorted(ranked["rank"])
    assert (np.diff(ranked["score"].to_numpy()) <= 1e-12).all()
    assert d.attrs["weights"] == ATLAS_WEIGHTS["strategic bets"]
    assert set(d["driver"]) <= {"distance", "pci", "cog"}
    # z-scores over the candidates only: a scenario, another ranking
    assert not diversify_list(t, zscore_over="candidates")["product"].head(20).equals(d["product"].head(20))


def test_pci_ceiling(criteria):
    t = criteria["PER"]
    cy = data.load_country_year()
    eci = float(cy[(cy["country"] == "PER") & (cy["year"] == 2017)]["eci"].iloc[0])  # Atlas ECI, shipped
    d = diversify_list(t, eci=eci, pci_ceiling=2.0)
    ok = d[d["passes"]]
    assert (ok["pci"] < eci + 2.0).all()
    assert d.loc[~d["passes"], "rank"].isna().all()
    assert (~d["passes"]).sum() == int((t.loc[t["rca"] < 1, "pci"] >= eci + 2.0).sum())


# --------------------------------------------------------------------------------------------
# both lists, three countries
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("country", COUNTRIES)
def test_two_lists_are_disjoint_and_cover_every_product_with_rca(criteria, country):
    t = criteria[country]
    tl = two_lists(t, consolidate_weights=SHIPPED_CONSOLIDATE)
    assert tl.overlap() == []
    assert set(tl.consolidate["product"]) | set(tl.diversify["product"]) == set(t.index[t["rca"].notna()])
    assert (t.loc[tl.consolidate["product"], "rca"] >= 1).all()
    assert (t.loc[tl.diversify["product"], "rca"] < 1).all()
    for lst in (tl.consolidate, tl.diversify):
        r = lst["rank"].dropna().astype(int)
        assert sorted(r) == list(r) and r.iloc[0] == 1
    dc = drivers(tl.diversify, top=10)
    assert dc["share"].sum() == pytest.approx(1.0)
    assert list(dc["share"]) == sorted(dc["share"], reverse=True)


def test_consolidate_list_is_the_niche_model_on_rca_at_least_one(criteria):
    t = criteria["MEX"]
    c = consolidate_list(t, SHIPPED_CONSOLIDATE)
    base = niches.niche_scores(t, SHIPPED_CONSOLIDATE, thresholds={"rca": (">=", 1.0)})
    b = base.dropna(subset=["rank"]).set_index("product")["rank"]
    pd.testing.assert_series_equal(c.dropna(subset=["rank"]).set_index("product")["rank"], b)
    assert c.attrs["list"] == "consolidate"
    assert "untapped_potential" in t   # niche_criteria measures it (a labelled proxy on the shipped tables)
    with pytest.raises(niches.NicheModelError, match="untapped_potential"):
        consolidate_list(t.drop(columns="untapped_potential"))   # the default weights need the untapped potential
