"""The two lists of the niche model (course_tools.methods.niche_lists): consolidate and diversify.

A toy of 8 products worked by hand (ranks within each list, the split by RCA), a brute-force recount of each
list's robustness (every variant recomputed with plain pandas, the list's RCA rule as a fixed screen), and the
lists of Mexico, Peru and Jamaica on the shipped criteria tables: disjoint, ranked exactly as the nominal
ranking of their robustness analysis, reproducible with a seed, labels under the stated bar, under 5 s.
"""
from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from course_tools.methods import niche_lists as nl
from course_tools.methods.niches import NicheModelError
from tests.methods.niche_toys import criteria_of
from tests.methods.test_robustness import _norm01, _positive

# 8 products: RCA splits them 4 / 4 (p8 has no RCA: in neither list)
TOY = pd.DataFrame({
    "rca": [3.0, 1.0, 0.2, 1.5, 0.99, 0.5, 2.0, np.nan],
    "export_value": [5e6, 2e6, 1e5, 8e5, 3e5, 0.0, 9e6, 0.0],
    "untapped_potential": [10.0, 40.0, 0.0, 20.0, 5.0, 0.0, 30.0, 0.0],
    "demand_growth": [5.0, 2.0, 7.0, 9.0, 1.0, 3.0, 4.0, 6.0],
    "density": [0.5, 0.4, 0.3, 0.6, 0.35, 0.25, 0.45, 0.1],
    "pci": [0.1, -0.5, 1.2, 0.3, 0.8, 2.0, -1.0, 0.0],
}, index=pd.Index([f"p{i}" for i in range(1, 9)], name="product"))
CONS = nl.ListSpec("consolidate", {"untapped_potential": 1.0, "demand_growth": 1.0}, {"export_value": (">=", 1e6)})
DIV = nl.ListSpec("diversify", {"density": 2.0, "pci": 1.0}, {}, "zscore")


def test_the_rule_splits_the_products():
    c, d = nl.eligible(TOY, CONS), nl.eligible(TOY, DIV)
    assert list(TOY.index[c]) == ["p1", "p2", "p4", "p7"]          # RCA >= 1 (p2 exactly 1)
    assert list(TOY.index[d]) == ["p3", "p5", "p6"]                # RCA < 1 (p5 at 0.99); p8 no RCA: neither
    assert not (c & d).any()


def test_consolidate_ranking_by_hand():
    # rank normalisation over ALL 8 products, n = (rank - 1) / 7; untapped 0, 0, 0 (p3, p6, p8) share ranks 1-3
    # p7: untapped 30 -> rank 7 -> 6/7; growth 4 -> rank 4 -> 3/7; score = (6/7 + 3/7) / 2 = 9/14
    # p1: 10 -> 5 -> 4/7; 5 -> 5 -> 4/7: 8/14;  p2: 40 -> 8 -> 7/7; 2 -> 2 -> 1/7: 8/14;  p4 (exports < 1 M) fails
    r = nl.rank_list(TOY, CONS)
    assert list(r["product"]) == ["p7", "p1", "p2", "p4"]
    assert r["score"].iloc[:3].tolist() == pytest.approx([9 / 14, 8 / 14, 8 / 14])
    assert r["rank"].iloc[:3].tolist() == [1, 2, 2]                 # a tie shares the best rank
    assert not bool(r.set_index("product").loc["p4", "passes"]) and pd.isna(r.set_index("product").loc["p4", "rank"])
    assert set(r["list"]) == {"consolidate"} and r.attrs["rule"] == (">=", 1.0)


def test_diversify_ranking_by_hand():
    # z-scores over all 8 products (ddof 1), clipped at ±3, n = (z + 3) / 6; score = (2 n_density + n_pci) / 3
    z = {c: (TOY[c] - TOY[c].mean()) / TOY[c].std(ddof=1) for c in ("density", "pci")}
    n = {c: (z[c].clip(-3, 3) + 3) / 6 for c in z}
    score = (2 * n["density"] + n["pci"]) / 3
    want = score[["p3", "p5", "p6"]].sort_values(ascending=False)
    r = nl.rank_list(TOY, DIV)
    assert list(r["product"]) == list(want.index)
    assert r["score"].tolist() == pytest.approx(want.tolist())
    assert r["rank"].tolist() == [1, 2, 3]


def test_bad_lists():
    # RCA may be weighted (the strength of the advantage) or screened again on top of the list's rule
    strong = nl.rank_list(TOY, nl.ListSpec("consolidate", {"rca": 1.0}, {"rca": (">=", 1.8)}))
    assert strong.loc[strong["passes"].astype(bool), "product"].tolist() == ["p1", "p7"]
    assert strong["rank"].dropna().tolist() == [1, 2]
    with pytest.raises(NicheModelError, match="ListSpec"):
        nl.rank_list(TOY, nl.ListSpec("favourites", {"pci": 1.0}))
    with pytest.raises(NicheModelError, match="same RCA"):
        nl.two_niche_lists(TOY, CONS, nl.ListSpec("diversify", {"pci": 1.0}, rca_threshold=0.8))


def _brute_list_ranks(X, spec, elig, how, agg, w, level, spread):
    """Ranks of one variant, plain pandas: normalise over all products, screen, keep the list's products."""
    num = pd.Series(0.0, index=X.index)
    for c in w.index:
        n = _norm01(X[c], how)
        y = n.fillna(0.0) if agg == "arithmetic" else np.log(_positive(n.fillna(0.0), how, int(n.notna().sum())))
        num += w[c] * y
    score = np.exp(num) if agg == "geometric" else num
    ok = elig.copy()
    if level != "none":
        for c, (_op, v) in spec.thresholds.items():
            shift = {"nominal": 0, "looser": -1, "stricter": 1}[level] * spread * abs(v)   # ">=" screens only here
            ok &= X[c] >= v + shift
    return score.round(9)[ok].rank(method="min", ascending=False).reindex(X.index)


@pytest.mark.parametrize("spec", [CONS, DIV], ids=["consolidate", "diversify"])
def test_robustness_of_a_list_agrees_with_a_brute_force_recount(spec):
    res = nl.list_robustness(TOY, spec, k=2, n_weights=4, seed=5, threshold_spread=0.5)
    elig = nl.eligible(TOY, spec)
    ranks = []
    for v in res.variants.itertuples():
        w = res.weights.iloc[v.weights_id].copy()
        if v.criteria != "all":
            w[v.criteria[1:]] = 0.0
        ranks.append(_brute_list_ranks(TOY, spec, elig, v.normalisation, v.aggregation, w / w.sum(), v.thresholds,
                                       0.5))
    R = pd.concat(ranks, axis=1)
    p = res.products.set_index("product").loc[TOY.index]
    np.testing.assert_allclose(p["share_top_k"], (R <= 2).mean(axis=1), atol=1e-12)
    assert (p.loc[~elig, "share_top_k"] == 0).all()                 # outside the list: never in its top k
    nominal = _brute_list_ranks(TOY, spec, elig, spec.method, "arithmetic", pd.Series(spec.weights) /
                                sum(spec.weights.values()), "nominal", 0.5)
    assert list(p["nominal_rank"].astype(float).fillna(-1)) == list(nominal.fillna(-1))


# --------------------------------------------------------------------------------------------
# the shipped criteria of three countries of different kinds
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["MEX", "PER", "JAM"])
def lists(request):
    crit = criteria_of(request.param)
    start = time.perf_counter()
    out = nl.two_niche_lists(crit)
    return request.param, crit, out, time.perf_counter() - start


def test_shipped_lists_are_disjoint_and_follow_their_rule(lists):
    _, crit, out, _ = lists
    cons, div = out["consolidate"].ranking, out["diversify"].ranking
    assert not set(cons["product"]) & set(div["product"])
    assert (crit.loc[cons["product"], "rca"] >= 1).all() and (crit.loc[div["product"], "rca"] < 1).all()
    assert len(cons) + len(div) == int(crit["rca"].notna().sum())
    # each list's ranks run 1, 2, ... among its passing products
    for lst in (cons, div):
        ranks = lst.loc[lst["passes"].astype(bool), "rank"].astype(int)
        assert ranks.iloc[0] == 1 and ranks.is_monotonic_increasing


def test_shipped_list_is_the_nominal_ranking_of_its_robustness(lists):
    _, _, out, _ = lists
    for lst in out.values():
        r = lst.ranking.dropna(subset=["rank"]).set_index("product")["rank"].astype(int)
        nom = lst.robustness.nominal.dropna(subset=["rank"]).set_index("product")["rank"].astype(int)
        pd.testing.assert_series_equal(r.sort_index(), nom.sort_index(), check_names=False)
        p = lst.robustness.products
        rob = p["label"] == "robust"
        assert ((p.loc[rob, "share_top_k"] >= 0.75) & (p.loc[rob, "rank_p95"] <= 20)).all()
        assert (p.loc[p["label"] == "plausible", "share_top_k"] >= 0.5).all()


def test_shipped_robustness_is_reproducible_with_a_seed(lists):
    """Same seed, same result (its speed is measured by benchmarks/bench_robustness.py, not here)."""
    country, crit, out, _ = lists
    again = nl.list_robustness(crit, nl.CONSOLIDATE, seed=0)
    pd.testing.assert_frame_equal(again.products, out["consolidate"].robustness.products)
    other = nl.list_robustness(crit, nl.CONSOLIDATE, seed=1)
    assert not other.weights.equals(again.weights)


def test_shipped_drivers_name_the_weighted_criteria(lists):
    _, _, out, _ = lists
    assert set(out["consolidate"].drivers["criterion"]) == set(nl.CONSOLIDATE.weights)
    assert set(out["diversify"].drivers["criterion"]) == {"density", "pci", "cog"}
    assert out["diversify"].drivers["share"].sum() == pytest.approx(1.0)
