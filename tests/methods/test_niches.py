"""The niche model of lesson L11 (course_tools.methods.niches), on tables small enough to work by hand.

Toy table T (4 products, 3 criteria; 'distance' is lower-is-better, 'pci' has one NaN)::

    product  rca  distance  pci
    a        4.0  0.9       NaN
    b        2.0  0.5       1.0
    c        1.0  0.7      -1.0
    d        0.5  0.6       0.0

Rank normalisation n = (rank - 1) / (m - 1) over the m products with a value:
  rca       a 1, b 2/3, c 1/3, d 0
  distance  (reversed: g = -distance) a 0, b 1, c 1/3, d 2/3
  pci       (m = 3) a NaN, b 1, c 0, d 1/2
Weights {rca: 2, distance: 1, pci: 1} -> 1/2, 1/4, 1/4. missing="worst" (NaN -> 0):
  a = 1/2                          = 0.5
  b = 1/3 + 1/4 + 1/4              = 0.833333
  c = 1/6 + 1/12 + 0               = 0.25
  d = 0 + 1/6 + 1/8                = 0.291667
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from pytest import approx
from scipy.stats import spearmanr

from course_tools.methods import niches as nm
from course_tools.methods import rank_statistics

T = pd.DataFrame(
    {"rca": [4.0, 2.0, 1.0, 0.5], "distance": [0.9, 0.5, 0.7, 0.6], "pci": [np.nan, 1.0, -1.0, 0.0]},
    index=pd.Index(["a", "b", "c", "d"], name="product"),
)
W = {"rca": 2, "distance": 1, "pci": 1}
HIB = {"distance": False}


def by_product(scores: pd.DataFrame, col: str) -> dict:
    return dict(zip(scores["product"], scores[col]))


# --------------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------------
def test_rank_normalisation_hand_values_and_nan_kept():
    n = nm.normalise(T, higher_is_better=HIB)
    assert n["rca"].tolist() == approx([1, 2 / 3, 1 / 3, 0])
    assert n["distance"].tolist() == approx([0, 1, 1 / 3, 2 / 3])  # lower distance is better
    assert math.isnan(n.loc["a", "pci"])  # no data stays no data
    assert n.loc[["b", "c", "d"], "pci"].tolist() == approx([1, 0, 0.5])
    assert n.attrs["n_missing"] == {"rca": 0, "distance": 0, "pci": 1}


def test_minmax_and_zscore_hand_values():
    n = nm.normalise(T, method="minmax", higher_is_better=HIB)
    # rca (x - 0.5) / 3.5; distance (0.9 - x) / 0.4; pci (x + 1) / 2
    assert n["rca"].tolist() == approx([1, 3 / 7, 1 / 7, 0])
    assert n["distance"].tolist() == approx([0, 1, 0.5, 0.75])
    assert n.loc[["b", "c", "d"], "pci"].tolist() == approx([1, 0, 0.5])
    z = nm.normalise(pd.DataFrame({"x": [1.0, 2.0, 3.0]}), method="zscore")
    # mean 2, sd (n-1) 1: z = -1, 0, 1 -> (z + 3) / 6
    assert z["x"].tolist() == approx([2 / 6, 3 / 6, 4 / 6])
    # ten 0s and one 10: z(0) = -1/sqrt(11); z(10) = 10/sqrt(11) = 3.015 > 3 is clipped to 1
    z = nm.normalise(pd.DataFrame({"x": [0.0] * 10 + [10.0]}), method="zscore")
    assert z["x"].iloc[0] == approx((3 - 1 / math.sqrt(11)) / 6)
    assert z["x"].iloc[-1] == 1.0
    # one method per criterion
    mixed = nm.normalise(T, method={"rca": "minmax"}, higher_is_better=HIB)
    assert mixed["rca"].tolist() == approx([1, 3 / 7, 1 / 7, 0])
    assert mixed["distance"].tolist() == approx([0, 1, 1 / 3, 2 / 3])  # default rank


def test_ties_and_constant_criterion():
    t = pd.DataFrame({"x": [1.0, 1.0, 2.0], "k": [5.0, 5.0, 5.0]}, index=["p", "q", "r"])
    n = nm.normalise(t)
    assert n["x"].tolist() == approx([0.25, 0.25, 1.0])  # average ranks 1.5, 1.5, 3
    assert n["k"].tolist() == [0.5, 0.5, 0.5]  # no information: every product 0.5
    assert nm.normalise(t, method="minmax")["k"].tolist() == [0.5, 0.5, 0.5]


def test_higher_is_better_from_catalogue_and_table_attrs():
    cat = pd.DataFrame({"criterion": ["rca", "distance"], "higher_is_better": [True, False]})
    assert nm.normalise(T, higher_is_better=cat)["distance"].tolist() == approx([0, 1, 1 / 3, 2 / 3])
    t = T.copy()
    t.attrs["higher_is_better"] = {"distance": False}
    assert nm.normalise(t)["distance"].tolist() == approx([0, 1, 1 / 3, 2 / 3])


def test_coverage_counts():
    c = nm.coverage(T).set_index("criterion")
    assert c.loc["pci", "n_missing"] == 1 and c.loc["pci", "n_products"] == 3
    assert c.loc["rca", "share_missing"] == 0


# --------------------------------------------------------------------------------------------
# scores, screening, ranks, contributions
# --------------------------------------------------------------------------------------------
def test_scores_ranks_and_contributions_hand_values():
    s = nm.niche_scores(T, W, higher_is_better=HIB)
    assert s["product"].tolist() == ["b", "a", "d", "c"]
    assert s["score"].tolist() == approx([0.833333, 0.5, 0.291667, 0.25], abs=1e-6)
    assert s["rank"].tolist() == [1, 2, 3, 4]
    assert s["passes"].all()
    b = s.set_index("product").loc["b"]
    assert [b["contrib_rca"], b["contrib_distance"], b["contrib_pci"]] == approx([1 / 3, 1 / 4, 1 / 4])
    contrib = s[["contrib_rca", "contrib_distance", "contrib_pci"]].sum(axis=1)
    assert contrib.tolist() == approx(s["score"].tolist())
    assert by_product(s, "n_missing") == {"a": 1, "b": 0, "c": 0, "d": 0}
    assert s.attrs["weights"] == approx({"rca": 0.5, "distance": 0.25, "pci": 0.25})
    # raw values are kept under their own names
    assert by_product(s, "rca") == {"b": 2.0, "a": 4.0, "d": 0.5, "c": 1.0}


def test_weights_are_rescaled_so_only_ratios_matter():
    s1 = nm.niche_scores(T, W, higher_is_better=HIB)
    s2 = nm.niche_scores(T, {"rca": 0.5, "distance": 0.25, "pci": 0.25}, higher_is_better=HIB)
    s3 = nm.niche_scores(T, pd.Series({"rca": 20.0, "distance": 10.0, "pci": 10.0}), higher_is_better=HIB)
    for s in (s2, s3):
        assert s["score"].tolist() == approx(s1["score"].tolist())
        assert s["product"].tolist() == s1["product"].tolist()


def test_threshold_screens_out_a_product_with_the_reason():
    s = nm.niche_scores(T, W, higher_is_better=HIB, thresholds={"rca": (">=", 1)})
    assert s["product"].tolist() == ["b", "a", "c", "d"]  # screened products go last
    assert s["rank"].tolist()[:3] == [1, 2, 3] and pd.isna(s["rank"].iloc[3])
    assert by_product(s, "passes") == {"b": True, "a": True, "c": True, "d": False}
    assert by_product(s, "failed")["d"] == "rca = 0.5, needs >= 1"
    assert by_product(s, "failed")["b"] == ""
    # screening does not change anyone's normalised values or score (normalised over all products)
    assert by_product(s, "score")["d"] == approx(0.291667, abs=1e-6)
    es = nm.niche_scores(T, W, higher_is_better=HIB, thresholds={"rca": (">=", 1)}, lang="es")
    assert by_product(es, "failed")["d"] == "rca = 0.5, se exige >= 1"


def test_threshold_on_a_criterion_with_no_weight_and_nan_fails():
    s = nm.niche_scores(T, {"rca": 1}, thresholds={"pci": (">", -0.5), "distance": ("<", 0.8)})
    # a: pci missing; c: pci -1 not > -0.5; b, d pass; a also fails distance 0.9
    assert by_product(s, "passes") == {"a": False, "b": True, "c": False, "d": True}
    assert by_product(s, "failed")["a"] == "pci: no data, needs > -0.5; distance = 0.9, needs < 0.8"
    assert "pci" in s.columns and "distance" in s.columns and "contrib_pci" not in s.columns


def test_missing_policies():
    skip = nm.niche_scores(T, W, higher_is_better=HIB, missing="skip")
    # a: (1/2 * 1 + 1/4 * 0) / (1/2 + 1/4) = 2/3; contributions rescaled the same way
    assert by_product(skip, "score")["a"] == approx(2 / 3)
    assert by_product(skip, "contrib_rca")["a"] == approx(2 / 3)
    assert by_product(skip, "score")["b"] == approx(0.833333, abs=1e-6)
    excl = nm.niche_scores(T, W, higher_is_better=HIB, missing="exclude")
    assert not by_product(excl, "passes")["a"]
    assert by_product(excl, "failed")["a"] == "no data for pci"
    assert excl["product"].tolist()[:3] == ["b", "d", "c"]
    with pytest.raises(nm.NicheModelError, match="missing='zero'"):
        nm.niche_scores(T, W, missing="zero")


def test_tied_scores_share_the_best_rank():
    t = pd.DataFrame({"x": [1.0, 0.0, 0.5, 0.0], "y": [0.0, 1.0, 0.5, 0.0]},
                     index=pd.Index(["p3", "p1", "p2", "p4"], name="product"))
    s = nm.niche_scores(t, {"x": 1, "y": 1}, method="minmax")
    # p1, p2, p3 all 0.5 (tie broken in the listing by code), p4 0
    assert s["product"].tolist() == ["p1", "p2", "p3", "p4"]
    assert s["score"].tolist() == approx([0.5, 0.5, 0.5, 0.0])
    assert s["rank"].tolist() == [1, 1, 1, 4]


def test_why_text_and_explain():
    s = nm.niche_scores(T, W, higher_is_better=HIB)
    # b: contributions rca 1/3, distance 1/4, pci 1/4; rca 2 is 2nd of 4 (top 50%), distance 0.5
    # is the best of 4 (top 25%), pci 1 the best of 3 (top 33%)
    assert by_product(s, "why")["b"] == "rca 2 (top 50%), distance 0.5 (top 25%), pci 1 (top 33%)"
    assert by_product(s, "why")["a"] == "rca 4 (top 25%)"  # only criteria that add something
    es = nm.niche_scores(T, W, higher_is_better=HIB, lang="es", labels={"rca": "VCR"}, n_why=1)
    assert by_product(es, "why")["b"] == "VCR 2 (50% mejor)"
    e = nm.explain(s, "b")
    assert e["criterion"].tolist() == ["rca", "distance", "pci"]
    assert e["contribution"].tolist() == approx([1 / 3, 1 / 4, 1 / 4])
    assert e["weight"].tolist() == approx([0.5, 0.25, 0.25])
    assert e["top_pct"].tolist() == [50, 25, 33]
    assert e["share"].sum() == approx(1.0)
    with pytest.raises(nm.NicheModelError, match="'zz' is not in the scores"):
        nm.explain(s, "zz")


def test_labels_from_catalogue():
    cat = pd.DataFrame({"criterion": ["rca"], "label_en": ["RCA"], "label_es": ["VCR"]})
    s = nm.niche_scores(T, {"rca": 1}, labels=cat, lang="es")
    assert by_product(s, "why")["a"] == "VCR 4 (25% mejor)"


# --------------------------------------------------------------------------------------------
# errors that say what is wrong
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("weights, pattern", [
    ({"rca": -1, "pci": 1}, r"weight of 'rca' is negative"),
    ({"rca": 0, "pci": 0}, r"all weights are zero"),
    ({"rca": 1, "densty": 1}, r"\['densty'\].*not columns"),
    ({"rca": float("nan")}, r"weight of 'rca' is nan"),
    ({"rca": "high"}, r"weight of 'rca' is 'high'"),
    ({}, r"non-empty mapping"),
])
def test_bad_weights_are_named(weights, pattern):
    with pytest.raises(nm.NicheModelError, match=pattern):
        nm.niche_scores(T, weights)


def test_bad_tables_and_thresholds_are_named():
    with pytest.raises(nm.NicheModelError, match=r"operator one of"):
        nm.niche_scores(T, W, thresholds={"rca": ("=>", 1)})
    with pytest.raises(nm.NicheModelError, match=r"\['rcaa'\]"):
        nm.niche_scores(T, W, thresholds={"rcaa": (">=", 1)})
    with pytest.raises(nm.NicheModelError, match=r"duplicated products \['a'\]"):
        nm.niche_scores(pd.concat([T, T.iloc[:1]]), W)
    bad = T.assign(pci=["x", "1", "2", "3"])
    with pytest.raises(nm.NicheModelError, match=r"criterion 'pci' is not numeric"):
        nm.niche_scores(bad, W)
    with pytest.raises(nm.NicheModelError, match=r"'rca' has 1 infinite value"):
        nm.niche_scores(T.assign(rca=[np.inf, 1, 1, 1]), W)
    with pytest.raises(nm.NicheModelError, match=r"reserved"):
        nm.niche_scores(T.rename(columns={"pci": "score"}), {"rca": 1})
    with pytest.raises(nm.NicheModelError, match=r"method 'log'"):
        nm.niche_scores(T, W, method="log")
    with pytest.raises(nm.NicheModelError, match=r"higher_is_better\['distance'\]"):
        nm.niche_scores(T, W, higher_is_better={"distance": "no"})


def test_product_column_is_accepted_as_index():
    s = nm.niche_scores(T.reset_index(), W, higher_is_better=HIB)
    assert s["product"].tolist() == ["b", "a", "d", "c"]


# --------------------------------------------------------------------------------------------
# sensitivity
# --------------------------------------------------------------------------------------------
def test_sensitivity_without_perturbation_is_perfectly_stable():
    r = nm.sensitivity(T, W, higher_is_better=HIB, n=20, spread=0, threshold_spread=0, k=2,
                       thresholds={"rca": (">=", 1)})
    assert (r.draws["overlap"] == 1).all()
    assert r.draws["spearman"].to_numpy() == approx(np.ones(20))
    shares = dict(zip(r.products["product"], r.products["share_top_k"]))
    assert shares == {"b": 1.0, "a": 1.0, "c": 0.0}  # d never passes: not listed
    assert r.robust_niches() == ["b", "a"]


def test_symmetric_pair_swaps_about_half_the_time():
    # p and q are mirror images: with equal weights they tie; a Dirichlet centred on (1/2, 1/2)
    # puts more weight on x in half of the draws (symmetry), and then p is first, else q.
    # r (0.2, 0.2 after minmax) is never first. With n = 2,000 the share has sd
    # sqrt(0.25 / 2000) = 0.011: a tolerance of 0.05 is 4.5 sd.
    t = pd.DataFrame({"x": [1.0, 0.0, 0.2, 0.0], "y": [0.0, 1.0, 0.2, 0.0]},
                     index=pd.Index(["p", "q", "r", "s"], name="product"))
    r = nm.sensitivity(t, {"x": 1, "y": 1}, method="minmax", n=2000, spread=0.3, k=1, seed=1)
    sh = dict(zip(r.products["product"], r.products["share_top_k"]))
    assert sh["p"] == approx(0.5, abs=0.05)
    assert sh["p"] + sh["q"] == approx(1.0)
    assert "r" not in sh or sh["r"] == 0
    # base top 1 is p (tie broken by code): overlap of a draw is 1 exactly when p wins
    assert r.draws["overlap"].mean() == approx(sh["p"])
    assert r.robust_niches() == []


def test_dirichlet_concentration_matches_the_beta_law():
    # weights (3/4, 1/4), spread 0.5 -> alpha = w / 0.25 = (3, 1): w_x ~ Beta(3, 1), P(w_x > 1/2)
    # = 1 - 0.5^3 = 0.875; sd(w_x) = sqrt(0.75 * 0.25 / (1 / 0.25 + 1)) = 0.1936.
    # n = 4,000: sd of the share sqrt(0.875 * 0.125 / 4000) = 0.005, tolerance 0.02 = 4 sd.
    t = pd.DataFrame({"x": [1.0, 0.0], "y": [0.0, 1.0]}, index=pd.Index(["p", "q"], name="product"))
    r = nm.sensitivity(t, {"x": 3, "y": 1}, method="minmax", n=4000, spread=0.5, k=1, seed=3)
    sh = dict(zip(r.products["product"], r.products["share_top_k"]))
    assert sh["p"] == approx(0.875, abs=0.02)
    assert r.weights["x"].mean() == approx(0.75, abs=0.01)
    assert r.weights["x"].std() == approx(0.1936, abs=0.01)
    assert (r.weights.sum(axis=1).to_numpy() == approx(np.ones(4000)))


def test_threshold_perturbation_hand_probabilities():
    # threshold rca >= 1 moved to U(0.9, 1.1): 0.95 passes when t' <= 0.95 (P = 0.25), 1.05 when
    # t' <= 1.05 (P = 0.75), 2 always. With k = 3 every passing product is in the top k, so the
    # share in the top k is the probability of passing. n = 4,000: sd <= 0.007, tolerance 0.03.
    t = pd.DataFrame({"rca": [0.95, 1.05, 2.0]}, index=pd.Index(["lo", "hi", "top"], name="product"))
    r = nm.sensitivity(t, {"rca": 1}, thresholds={"rca": (">=", 1.0)}, n=4000, threshold_spread=0.1,
                       k=3, seed=5)
    sh = dict(zip(r.products["product"], r.products["share_top_k"]))
    assert sh["lo"] == approx(0.25, abs=0.03)
    assert sh["hi"] == approx(0.75, abs=0.03)
    assert sh["top"] == 1.0


def test_sensitivity_is_reproducible_and_spearman_matches_scipy():
    rng = np.random.default_rng(11)
    t = pd.DataFrame(rng.normal(size=(40, 3)), columns=["u", "v", "w"],
                     index=pd.Index([f"{i:04d}" for i in range(40)], name="product"))
    kw = dict(n=30, spread=0.4, k=5, thresholds={"u": (">", -1.0)})
    r1 = nm.sensitivity(t, {"u": 1, "v": 2, "w": 1}, seed=7, **kw)
    r2 = nm.sensitivity(t, {"u": 1, "v": 2, "w": 1}, seed=7, **kw)
    r3 = nm.sensitivity(t, {"u": 1, "v": 2, "w": 1}, seed=8, **kw)
    pd.testing.assert_frame_equal(r1.draws, r2.draws)
    pd.testing.assert_frame_equal(r1.products, r2.products)
    assert not r1.weights.equals(r3.weights)
    assert (r1.draws["spearman"] < 1).any()  # the ranking does move
    # draw 0 again, independently (thresholds fixed, so the drawn weights are the whole draw):
    # niche_scores with those weights, then scipy's spearmanr and the top-5 overlap by hand
    r = nm.sensitivity(t, {"u": 1, "v": 2, "w": 1}, seed=7, n=30, spread=0.4, k=5,
                       thresholds={"u": (">", -1.0)}, threshold_spread=0)
    base = nm.niche_scores(t, {"u": 1, "v": 2, "w": 1}, thresholds={"u": (">", -1.0)})
    d0 = nm.niche_scores(t, r.weights.iloc[0].to_dict(), thresholds={"u": (">", -1.0)})
    keep = base.loc[base["passes"], "product"]
    # scores equal to 12 decimals are ties (rank-normalised sums such as 1/39 + 2/39 and 2/39 + 1/39)
    rho = spearmanr(base.set_index("product").loc[keep, "score"].round(12),
                    d0.set_index("product").loc[keep, "score"].round(12))[0]
    assert r.draws["spearman"].iloc[0] == approx(rho)
    top_base = set(base["product"].head(5))
    top_d0 = set(d0.loc[d0["passes"], "product"].head(5))
    assert r.draws["overlap"].iloc[0] == approx(len(top_base & top_d0) / 5)


def test_rank_quantiles_per_product():
    # without perturbation every draw repeats the base ranking: median = 5th = 95th pct = base rank
    r = nm.sensitivity(T, W, higher_is_better=HIB, n=10, spread=0, threshold_spread=0, k=2)
    p = r.products.set_index("product")
    assert p["median_rank"].to_dict() == {"b": 1, "a": 2, "d": 3, "c": 4}
    assert (p["rank_p05"] == p["median_rank"]).all() and (p["rank_p95"] == p["median_rank"]).all()
    # the fast row quantile ignoring NaN gives numpy's nanquantile (linear interpolation)
    a = np.array([[1.0, np.nan, 3.0, 2.0, 10.0], [np.nan] * 5, [4.0, np.nan, np.nan, np.nan, np.nan]])
    got = rank_statistics.row_quantiles(a, (0.5, 0.05, 0.95))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for g, q in zip(got, (0.5, 0.05, 0.95)):
            np.testing.assert_allclose(g, np.nanquantile(a, q, axis=1))
    assert got[0][0] == 2.5  # median of 1, 2, 3, 10 by hand


def test_sensitivity_bad_arguments():
    for kw, pat in ((dict(n=0), "n must be"), (dict(k=2.5), "k must be"), (dict(spread=-0.1), "spread"),
                    (dict(robust=0), "robust")):
        with pytest.raises(nm.NicheModelError, match=pat):
            nm.sensitivity(T, W, **kw)


# --------------------------------------------------------------------------------------------
# real data: Chile 2017
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chile():
    """Criteria of Chile 2017 from the course's indicators, and its RCA recomputed by hand."""
    from course_tools import data
    from course_tools import indicators as ind

    trade = data.load_trade(2017).dropna(subset=["export_value"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rca = ind.rca(trade)
        kept, _ = ind.filter_for_complexity(trade)
        cx = ind.complexity(kept)
    crit = pd.DataFrame({"rca": rca[rca["country"] == "CHL"].set_index("product")["rca"]})
    crit["pci"] = cx.pci.reindex(crit.index)
    crit["distance"] = cx.distance.loc["CHL"].reindex(crit.index)
    crit.index.name = "product"
    # Balassa RCA by hand: (X_cp / X_c) / (X_p / X), world = every reporter in the table
    x_p = trade.groupby("product")["export_value"].sum()
    chl = trade[trade["country"] == "CHL"].groupby("product")["export_value"].sum()
    hand = (chl.reindex(x_p.index, fill_value=0) / chl.sum()) / (x_p / x_p.sum())
    return crit, hand


def test_real_chile_weight_on_rca_only_ranks_by_rca(chile):
    crit, hand = chile
    assert len(crit) > 1000
    s = nm.niche_scores(crit, {"rca": 1, "pci": 0}, thresholds={"rca": (">=", 1)})
    passing = s[s["passes"]]
    # the products passing are those with RCA >= 1 by hand, in decreasing order of RCA
    hand_ok = hand[hand >= 1].sort_values(ascending=False)
    assert len(passing) == len(hand_ok)
    assert passing["product"].iloc[0] == hand_ok.index[0]
    assert passing["rca"].is_monotonic_decreasing
    assert passing["rca"].to_numpy() == approx(hand_ok.to_numpy(), rel=1e-9)
    # the PCI of products dropped before complexity is missing: counted, not invented
    assert s["pci"].isna().sum() == crit["pci"].isna().sum() > 0


def test_real_chile_distance_lower_is_better_and_sensitivity(chile):
    crit, _ = chile
    s = nm.niche_scores(crit, {"distance": 1}, higher_is_better={"distance": False},
                        thresholds={"rca": ("<", 1)}, missing="exclude")
    ok = s[s["passes"]]
    assert ok["product"].iloc[0] == crit.loc[crit["rca"] < 1, "distance"].idxmin()
    assert ok["distance"].is_monotonic_increasing
    r = nm.sensitivity(crit, {"rca": 1, "pci": 1, "distance": 1}, higher_is_better={"distance": False},
                       n=50, spread=0, threshold_spread=0, k=10)
    assert (r.draws["overlap"] == 1).all() and r.draws["spearman"].to_numpy() == approx(np.ones(50))
    r = nm.sensitivity(crit, {"rca": 1, "pci": 1, "distance": 1}, higher_is_better={"distance": False},
                       n=50, spread=0.3, k=10)
    assert 0 < r.draws["overlap"].mean() <= 1
    assert r.products["share_top_k"].iloc[0] >= r.products["share_top_k"].iloc[-1]


def test_an_unknown_language_is_the_catalogue_error():
    from course_tools.i18n import UnknownLanguageError
    with pytest.raises(UnknownLanguageError, match="lang='pt'"):
        nm.niche_scores(T, W, higher_is_better=HIB, lang="pt")
    with pytest.raises(UnknownLanguageError):
        nm.screen(T, {"rca": (">=", 1)}, lang="pt")


def test_sensitivity_is_also_reachable_from_the_niches_module():
    from course_tools.methods import sensitivity as sensitivity_module
    assert nm.sensitivity is sensitivity_module.sensitivity
    assert nm.SensitivityResult is sensitivity_module.SensitivityResult
