"""Export potential (ITC EPI in the course's form): METHODS-niches E.1 by hand, edge cases, shipped data."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_tools import data
from course_tools.methods.export_potential import (
    ExportPotentialError,
    export_potential,
    top_markets,
    untapped_by_product,
)
from tests.methods.niche_toys import (
    e1_distances,
    e1_expected,
    e1_flows,
    e1_imports,
    proxy_bilateral_flows,
    top_export_products,
)

TOL = 1e-4
KEY = ["exporter", "importer", "product"]


def _run(**kw) -> pd.DataFrame:
    kw.setdefault("distances", e1_distances())
    kw.setdefault("imports", e1_imports())
    return export_potential(kw.pop("flows", e1_flows()), **kw)


# --------------------------------------------------------------------------------------------
# E.1 worked by hand
# --------------------------------------------------------------------------------------------
def _assert_e1(variant: str, columns: dict[str, str]) -> None:
    """Each column of the potential table (key) equals the hand-worked column of E.1 (value), to TOL."""
    exp = e1_expected()
    got = _run(variant=variant).set_index(KEY).loc[list(map(tuple, exp[KEY].to_numpy()))]
    for col, want in columns.items():
        np.testing.assert_allclose(got[col], exp[want], atol=TOL, err_msg=col)


def test_e1_f1_potentials():
    _assert_e1("F1", {"rca": "rca", "supply": "supply", "demand": "demand", "distance_factor": "distance_factor",
                      "ease_of_trade": "e1", "potential": "ep1", "untapped": "up1", "realised": "realised1"})


def test_e1_f2_calibrated_potentials():
    _assert_e1("F2", {"ease_of_trade": "e2", "potential": "ep2", "untapped": "up2", "realised": "realised2"})


def test_e1_supply_terms():
    """A's supply of p3 falls from 0.3333 to 0.2222 (exports 10, imports 15)."""
    got = _run().set_index(KEY)
    row = got.loc[("A", "M1", "p3")]
    assert row["market_share"] == pytest.approx(0.3333, abs=TOL)
    assert row["supply_capacity"] == pytest.approx(0.6667, abs=TOL)
    assert row["supply"] == pytest.approx(0.2222, abs=TOL)
    # B is M3's only supplier of p1: delta(B, M3, p1) = 1 and delta(A, M3, p1) = 1500 / 8000
    assert got.loc[("B", "M3", "p1"), "distance_factor"] == pytest.approx(1.0)
    assert got.loc[("A", "M3", "p1"), "distance_factor"] == pytest.approx(1500 / 8000)


def test_e1_identities_sum_of_potentials_is_bilateral_trade():
    v_ij = {("A", "M1"): 45, ("A", "M2"): 32, ("A", "M3"): 14, ("B", "M1"): 45, ("B", "M2"): 48, ("B", "M3"): 57}
    # F2 keeps the identity with every correction
    f2 = _run(variant="F2").groupby(["exporter", "importer"])["potential"].sum()
    for pair, v in v_ij.items():
        assert f2[pair] == pytest.approx(v, abs=1e-9)
    # F1 without distance and without the net-importer correction (the toy's "Identity" block)
    f1 = export_potential(e1_flows(), variant="F1").groupby(["exporter", "importer"])["potential"].sum()
    for pair, v in v_ij.items():
        assert f1[pair] == pytest.approx(v, abs=1e-9)


def test_e1_counts_and_totals():
    f1, f2 = _run(variant="F1"), _run(variant="F2")
    assert int((f1["realised"] > 1).sum()) == 13
    assert int((f2["realised"] > 1).sum()) == 8
    assert f1["untapped"].sum() == pytest.approx(7.5205, abs=TOL)
    assert f2["untapped"].sum() == pytest.approx(22.2874, abs=TOL)
    # ease of trade A-M1 = 1.3210 (F1): A sells 32 % more to M1 than its product mix predicts
    assert f1.set_index(KEY).loc[("A", "M1", "p1"), "ease_of_trade"] == pytest.approx(1.3210, abs=TOL)


def test_e1_epi_shortlist_and_hard_cut():
    f2 = _run(variant="F2")
    short = f2[f2["eligible"] & (f2["untapped"] > 0)].sort_values("untapped", ascending=False)
    assert [tuple(r) for r in short[KEY].to_numpy()] == [
        ("A", "M2", "p1"), ("A", "M3", "p1"), ("B", "M1", "p3"), ("A", "M1", "p2"), ("B", "M3", "p3"),
        ("A", "M3", "p2")]
    np.testing.assert_allclose(short["untapped"], [5.8009, 4.4352, 1.6563, 0.9633, 0.9247, 0.3054], atol=TOL)
    # B-M2-p2 (untapped 5.9528) is excluded by RCA 0.9918 < 1, included with the 0.8 scenario
    row = f2.set_index(KEY).loc[("B", "M2", "p2")]
    assert not row["eligible"] and row["untapped"] == pytest.approx(5.9528, abs=TOL)
    assert _run(rca_threshold=0.8).set_index(KEY).loc[("B", "M2", "p2"), "eligible"]


def test_top_markets_ranks_by_untapped_then_market_factor():
    tm = top_markets(_run(), "A", ["p1", "p2", "p3"])
    p1 = tm[tm["product"] == "p1"]
    assert list(p1["importer"]) == ["M2", "M3", "M1"]            # 5.8009, 4.4352, then above potential
    assert list(p1["basis"].unique()) == ["untapped"]
    assert p1["untapped"].iloc[0] == pytest.approx(5.8009, abs=TOL)
    # p3: RCA 0.8828 < 1 -> ranked by the market factor, no dollar figure
    p3 = tm[tm["product"] == "p3"]
    assert list(p3["basis"].unique()) == ["market_factor"]
    assert p3["potential"].isna().all() and p3["untapped"].isna().all()
    assert list(p3["importer"]) == ["M3", "M2", "M1"]             # EP2 3.2595 > 2.2365 > 1.1062
    assert list(top_markets(_run(), "A", ["p1"], n=1)["importer"]) == ["M2"]
    assert list(top_markets(_run(), "A", ["p1"], markets=["M1", "M3"])["importer"]) == ["M3", "M1"]


def test_untapped_by_product_sums_clipped_untapped_over_markets():
    pot = _run()
    u = untapped_by_product(pot, "A").set_index("product")
    assert u.loc["p1", "untapped"] == pytest.approx(5.8009 + 4.4352 + 0.0, abs=2 * TOL)
    assert u.loc["p1", "actual"] == pytest.approx(50.0)
    assert bool(u.loc["p1", "eligible"]) and not bool(u.loc["p3", "eligible"])


# --------------------------------------------------------------------------------------------
# edge cases
# --------------------------------------------------------------------------------------------
def test_nan_flow_counts_as_no_flow():
    f = e1_flows()
    f.loc[f["value"] == 0, "value"] = np.nan          # the two zero flows of the toy, now 'not reported'
    got = _run(flows=f)
    ref = _run()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), ref.reset_index(drop=True))
    assert got.attrs["n_nan_flows"] == 2


def test_a_product_nobody_imports_gets_no_market():
    f = e1_flows()
    f = pd.concat([f, f.head(3).assign(product="p4", value=0.0)], ignore_index=True)
    got = _run(flows=f)
    assert "p4" not in set(got["product"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), _run().reset_index(drop=True))
    tm = top_markets(got, "A", ["p1", "p4"])
    assert tm.attrs["no_market"] == ["p4"]


def test_zero_distance_between_countries_is_an_error_but_not_to_itself():
    d = e1_distances()
    bad = d.copy()
    bad.loc[0, "dist"] = 0.0
    with pytest.raises(ExportPotentialError, match="must be positive"):
        _run(distances=bad)
    own = pd.concat([d, pd.DataFrame({"exporter": ["A"], "importer": ["A"], "dist": [0.0]})], ignore_index=True)
    pd.testing.assert_frame_equal(_run(distances=own), _run())


def test_missing_distance_gives_nan_for_that_pair_only():
    d = e1_distances()
    got = _run(distances=d[~((d["exporter"] == "B") & (d["importer"] == "M3"))])
    bm3 = got[(got["exporter"] == "B") & (got["importer"] == "M3")]
    assert bm3["potential"].isna().all() and bm3["untapped"].isna().all()
    assert got.attrs["pairs_without_distance"] == 1
    sums = got.dropna(subset=["potential"]).groupby(["exporter", "importer"])["potential"].sum()
    assert sums[("A", "M3")] == pytest.approx(14.0) and sums[("B", "M2")] == pytest.approx(48.0)
    assert "M3" not in set(top_markets(got, "B", ["p3"])["importer"])


def test_flows_to_itself_are_dropped():
    f = e1_flows()
    own = f.head(1).assign(importer="A")        # a copy of A -> M1 (p1) relabelled A -> A
    got = _run(flows=pd.concat([f, own], ignore_index=True))
    assert got.attrs["n_self_flows"] == 1
    pd.testing.assert_frame_equal(got.reset_index(drop=True), _run().reset_index(drop=True))


def test_window_mean_and_growth():
    f = pd.concat([e1_flows(2016), e1_flows(2017)], ignore_index=True)  # the same flows two years running
    got = _run(flows=f, years=[2016, 2017])
    pd.testing.assert_series_equal(got["potential"], _run()["potential"])
    assert (got["demand_growth"] == 0).all()
    assert got.attrs["years"] == [2016, 2017] and got.attrs["growth_years"] == (2016, 2017)
    proj = _run(flows=f, years=[2016, 2017], horizon=5)   # zero growth: projection changes nothing
    np.testing.assert_allclose(proj["potential"], got["potential"])
    only_2017 = _run(flows=f, years=[2017])
    np.testing.assert_allclose(only_2017["potential"], got["potential"])
    assert only_2017["demand_growth"].isna().all()


def test_bad_inputs_say_what_to_do():
    with pytest.raises(ExportPotentialError, match="no column"):
        export_potential(e1_flows().drop(columns="year"))
    with pytest.raises(ExportPotentialError, match="negative"):
        export_potential(e1_flows().assign(value=-1.0))
    with pytest.raises(ExportPotentialError, match="not in flows"):
        export_potential(e1_flows(), years=[2015])
    with pytest.raises(ExportPotentialError, match="variant"):
        export_potential(e1_flows(), variant="F3")
    with pytest.raises(ExportPotentialError, match="export nothing"):
        export_potential(e1_flows(), exporters=["M1"])
    with pytest.raises(ExportPotentialError, match="horizon"):
        export_potential(e1_flows(), horizon=5)
    with pytest.raises(ExportPotentialError, match="not an exporter"):
        top_markets(_run(), "M1")


# --------------------------------------------------------------------------------------------
# shipped data
# --------------------------------------------------------------------------------------------
def test_real_chile_argentina_window_and_growth():
    """Chile-Argentina HS6 trade 2002 and 2004 (as reported by Chile): window mean and import CAGR."""
    rows = []
    for y in (2002, 2004):
        d = data.load_bilateral_hs6(y)
        rows.append(pd.DataFrame({"year": y, "exporter": "CHL", "importer": "ARG", "product": d["product"],
                                  "value": d["export_value"]}))
        rows.append(pd.DataFrame({"year": y, "exporter": "ARG", "importer": "CHL", "product": d["product"],
                                  "value": d["import_value"]}))
    flows = pd.concat(rows, ignore_index=True)
    got = export_potential(flows, years=[2002, 2004]).set_index(KEY)
    both = flows.dropna(subset=["value"])
    both = both[(both["exporter"] == "ARG") & (both["value"] > 0)].pivot_table(
        index="product", columns="year", values="value", aggfunc="sum").dropna()
    k = both.index[0]
    v02, v04 = both.loc[k, 2002], both.loc[k, 2004]
    row = got.loc[("ARG", "CHL", k)]
    assert row["actual"] == pytest.approx((v02 + v04) / 2)
    assert row["demand"] == pytest.approx((v02 + v04) / 2)       # Argentina is Chile's only supplier here
    assert row["demand_growth"] == pytest.approx((v04 / v02) ** 0.5 - 1)
    sums = got.groupby(level=["exporter", "importer"])["potential"].sum()
    tot = got.groupby(level=["exporter", "importer"])["actual"].sum()
    np.testing.assert_allclose(sums, tot, rtol=1e-9)             # F2: potentials add up to actual trade


@pytest.fixture(scope="module")
def shipped():
    trade = data.load_trade(2017)
    gravity = data.load_gravity()
    products = top_export_products(trade, ["MEX", "PER", "JAM"], 5)
    flows = proxy_bilateral_flows(trade, gravity, products)
    dist = gravity[["exporter", "importer", "distance_km"]]
    pot = export_potential(flows, distances=dist, exporters=["MEX", "PER", "JAM"])
    return trade, gravity, products, flows, dist, pot


@pytest.mark.parametrize("country", ["MEX", "PER", "JAM"])
def test_real_markets_are_real_importers_of_the_product(shipped, country):
    """Markets come from the shipped tables: some exporter (not the market itself) sold the product in
    2017 and had positive flows to the market in 2006 -- never the country itself, never a non-importer."""
    trade, gravity, products, _, _, pot = shipped
    tm = top_markets(pot, country, products, n=5)
    assert len(tm) > 0
    exporters_of = trade.dropna(subset=["export_value"])
    exporters_of = exporters_of[exporters_of["export_value"] > 0].groupby("product")["country"].apply(set)
    g = gravity[gravity["flow"] > 0]
    suppliers_of = g.groupby("importer")["exporter"].apply(set)
    for _, r in tm.iterrows():
        assert r["importer"] != country
        assert r["demand"] > 0
        assert (exporters_of[r["product"]] & suppliers_of[r["importer"]]) - {r["importer"]}
    ranks = tm.groupby("product")["rank"].apply(list)
    assert all(x == list(range(1, len(x) + 1)) for x in ranks)


def test_real_vectorised_equals_the_pandas_skeleton(shipped):
    """The F2 potentials of PER equal the METHODS-niches A.6 pandas skeleton on the full grid."""
    _, _, _, flows, dist, pot = shipped
    v = flows.rename(columns={"exporter": "i", "importer": "j", "product": "k", "value": "v"})[["i", "j", "k", "v"]]
    d = dist.rename(columns={"exporter": "i", "importer": "j", "distance_km": "dist"})
    v_ik = v.groupby(["i", "k"]).v.sum()
    v_k = v.groupby("k").v.sum()
    v_jk = v.groupby(["j", "k"]).v.sum()
    m_ik = v_jk.rename_axis(["i", "k"])
    s_ik = ((v_ik / v_k.reindex(v_ik.index, level="k")) *
            (v_ik / m_ik.reindex(v_ik.index)).clip(upper=1).fillna(1)).rename("s")
    g = v.merge(d, on=["i", "j"]).assign(lnd=lambda x: np.log(x.dist))
    lnd_bar = (g.assign(w=g.v * g.lnd).groupby(["j", "k"]).w.sum() / g.groupby(["j", "k"]).v.sum()).rename("lnd_bar")
    markets = sorted(set(v["j"]) - {"PER"})
    grid = pd.MultiIndex.from_product([["PER"], markets, sorted(set(v["k"]))], names=["i", "j", "k"]).to_frame(
        index=False)
    grid = (grid.merge(v, on=["i", "j", "k"], how="left").fillna({"v": 0.0})
            .merge(s_ik.reset_index(), on=["i", "k"]).merge(v_jk.rename("d").reset_index(), on=["j", "k"])
            .merge(lnd_bar.reset_index(), on=["j", "k"]).merge(d, on=["i", "j"]))
    grid["delta"] = np.exp(-(grid.lnd_bar - np.log(grid.dist)).abs())
    grid["h"] = grid.s * grid.d * grid.delta
    grid["e"] = grid.groupby(["i", "j"]).v.transform("sum") / grid.groupby(["i", "j"]).h.transform("sum")
    grid["EP"] = grid.h * grid.e
    grid["UP"] = (grid.EP - grid.v).clip(lower=0)
    mine = pot[pot["exporter"] == "PER"].set_index(["importer", "product"])
    ref = grid.set_index(["j", "k"])
    common = ref.index.intersection(mine.index)
    assert len(common) > 0.9 * len(ref)
    np.testing.assert_allclose(mine.loc[common, "potential"], ref.loc[common, "EP"], rtol=1e-9, atol=1e-3)
    np.testing.assert_allclose(mine.loc[common, "untapped"], ref.loc[common, "UP"], rtol=1e-9, atol=1e-3)
