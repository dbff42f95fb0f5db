"""Robustness of the niche ranking over every modelling choice: METHODS-niches E.2 by hand, a brute-force
recount of the vectorised analysis, reproducibility, and the report's defaults on shipped data."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course_tools.methods import niches
from course_tools.methods.robustness import RobustnessError, robustness, simplex_grid
from tests.methods.niche_toys import E2_GEOM_SCORES, E2_P1_FIRST, E2_RANKS, E2_SUMMARY, criteria_of, e2_criteria

#: The single-list defaults of the country report before the two lists (the model the issue measured): equal
#: weights on five criteria, screen RCA >= 0.5.
NICHE_WEIGHTS = {"rca": 0.2, "density": 0.2, "pci": 0.2, "demand_growth": 0.2, "lac_demand_share": 0.2}
NICHE_THRESHOLDS = {"rca": (">=", 0.5)}

TOL = 1e-4
EQUAL = {"untapped_usd_m": 1, "density": 1, "demand_growth": 1}
#: a screen of the form the niche model documents ("density": (">=", 0.2)); P1 sits exactly on it
DENSITY_SCREEN = {"density": (">=", 0.2)}


def _e2(**kw):
    kw.setdefault("k", 2)
    kw.setdefault("nominal_method", "minmax")
    kw.setdefault("weight_design", "grid")
    kw.setdefault("leave_one_out", False)
    return robustness(e2_criteria(), EQUAL, **kw)


# --------------------------------------------------------------------------------------------
# E.2 worked by hand
# --------------------------------------------------------------------------------------------
def test_simplex_grid():
    g = simplex_grid(3, 0.1, 0.1)
    assert g.shape == (36, 3)
    np.testing.assert_allclose(g.sum(axis=1), 1.0)
    assert g.min() == pytest.approx(0.1)
    assert len({tuple(np.round(r, 9)) for r in g}) == 36
    assert simplex_grid(4, 0.05, 0.05).shape[0] == math.comb(19, 3)
    with pytest.raises(RobustnessError):
        simplex_grid(3, 0.3, 0.1)


def test_e2_uncertainty_analysis_over_216_scenarios():
    r = _e2()
    assert r.n_variants == 216
    p = r.products.set_index("product").loc[E2_SUMMARY.index]
    assert list(p["nominal_rank"]) == list(E2_SUMMARY["nominal_rank"])
    for c in ("median_rank", "rank_p05", "rank_p95", "share_top_k", "mean_abs_shift"):
        np.testing.assert_allclose(p[c], E2_SUMMARY[c], atol=TOL, err_msg=c)
    # only P2 is robust (share 0.7546, p95 3 <= 2k); P3, the nominal winner, only plausible
    assert r.robust() == ["P2"]
    assert dict(zip(p.index, p["label"])) == {"P1": "fragile", "P2": "robust", "P3": "plausible",
                                              "P4": "fragile", "P5": "fragile"}
    # average absolute rank shift over all products and scenarios R_S = 1.4231
    assert p["mean_abs_shift"].mean() == pytest.approx(1.4231, abs=TOL)


@pytest.mark.parametrize("method,aggregation", list(E2_RANKS))
def test_e2_ranks_and_geometric_scores_with_equal_weights(method, aggregation):
    r = _e2(nominal_method=method, nominal_aggregation=aggregation)
    nom = r.nominal.set_index("product").loc[["P1", "P2", "P3", "P4", "P5"]]
    assert list(nom["rank"]) == E2_RANKS[(method, aggregation)]
    if aggregation == "geometric":
        np.testing.assert_allclose(nom["score"], E2_GEOM_SCORES[method], atol=TOL)


def test_e2_p1_first_in_33_scenarios():
    assert _e2(k=1).products.set_index("product").loc["P1", "share_top_k"] * 216 == pytest.approx(33)
    for (m, a), count in E2_P1_FIRST.items():
        r = _e2(k=1, normalisations=[m], aggregations=[a])
        assert r.n_variants == 36
        assert r.products.set_index("product").loc["P1", "share_top_k"] * 36 == pytest.approx(count), (m, a)


def test_e2_which_choice_moves_the_ranking():
    r = _e2()
    d = r.dimensions.set_index("dimension")
    # the factorial variance shares, recomputed from the variants table
    v = r.variants
    for dim, col in (("normalisation", "normalisation"), ("aggregation", "aggregation"), ("weights", "weights_id")):
        y = v["overlap"]
        means = v.groupby(col)["overlap"].transform("mean")
        assert d.loc[dim, "main_effect"] == pytest.approx(((means - y.mean()) ** 2).sum() / ((y - y.mean()) ** 2).sum())
    assert r.most_influential() == "weights"
    # one at a time from minmax/arithmetic, equal weights: nominal top 2 = {P3, P4}
    c = r.choices.set_index(["dimension", "level"])["oat_overlap"]
    assert c[("normalisation", "rank")] == 0.5          # rank/arith top 2 {P2, P3}
    assert c[("normalisation", "zscore")] == 1.0        # {P3, P4}
    assert c[("aggregation", "geometric")] == 0.0       # minmax/geom {P2, P5}


# --------------------------------------------------------------------------------------------
# brute force: every variant recomputed one by one with plain pandas
# --------------------------------------------------------------------------------------------
def _norm01(x: pd.Series, how: str) -> pd.Series:
    g = x.dropna()
    m = len(g)
    if how == "rank":
        n = (g.rank(method="average") - 1) / (m - 1) if m > 1 else g * 0 + 0.5
    elif how == "minmax":
        n = (g - g.min()) / (g.max() - g.min()) if g.max() > g.min() else g * 0 + 0.5
    else:
        sd = g.std(ddof=1) if m > 1 else 0.0
        n = ((((g - g.mean()) / sd).clip(-3, 3) + 3) / 6) if sd > 0 else g * 0 + 0.5
    return n.reindex(x.index)


def _positive(n: pd.Series, how: str, m: int) -> pd.Series:
    return {"rank": 1 + (m - 1) * n, "minmax": 1 + 99 * n, "zscore": 4 + 12 * n}[how]


def _brute_ranks(X, hib, thresholds, missing, how, agg, w, level, spread):
    cols = list(w.index)
    score_num = pd.Series(0.0, index=X.index)
    score_den = pd.Series(0.0, index=X.index)
    has_missing = pd.Series(False, index=X.index)
    for c in cols:
        g = X[c] if hib.get(c, True) else -X[c]
        n = _norm01(g, how)
        avail = n.notna()
        if w[c] > 0:
            has_missing |= ~avail
        if agg == "arithmetic":
            y = n.fillna(0.0)
        else:
            y = np.log(_positive(n.fillna(0.0), how, int(avail.sum())))
        if missing == "skip":
            y = y.where(avail, 0.0)
            score_den += w[c] * avail
        score_num += w[c] * y
    score = score_num / score_den if missing == "skip" else score_num
    if agg == "geometric":
        score = np.exp(score)
    ok = np.isfinite(score)
    if missing == "exclude":
        ok &= ~has_missing
    if level != "none":
        for c, (op, v) in thresholds.items():
            sign = -1 if op in (">=", ">") else 1
            shift = {"nominal": 0, "looser": sign, "stricter": -sign}[level] * spread * abs(v)
            t = v + shift
            x = X[c]
            cond = {">=": x >= t, ">": x > t, "<=": x <= t, "<": x < t}[op]
            ok &= cond & x.notna()
    s = score.round(9)[ok]
    return s.rank(method="min", ascending=False).reindex(X.index)


def _brute(X, res, thresholds, missing, hib, spread=0.1):
    k = res.k
    cols = list(res.weights.columns)
    w_nom = pd.Series(res.settings["weights"])[cols]
    nom = _brute_ranks(X, hib, thresholds, missing, res.settings["nominal_method"],
                       res.settings["nominal_aggregation"], w_nom, "nominal", spread)
    nom_top = nom <= k
    ranks, overlaps = [], []
    for v in res.variants.itertuples():
        w = res.weights.iloc[v.weights_id].copy()
        if v.criteria != "all":
            w[v.criteria[1:]] = 0.0
        w = w / w.sum()
        r = _brute_ranks(X, hib, thresholds, missing, v.normalisation, v.aggregation, w, v.thresholds, spread)
        ranks.append(r)
        overlaps.append(((r <= k) & nom_top).sum() / nom_top.sum())
    R = pd.concat(ranks, axis=1)
    return nom, R, np.array(overlaps)


@pytest.mark.parametrize("missing", ["worst", "skip", "exclude"])
def test_brute_force_recount_agrees_with_the_vectorised_analysis(missing):
    X = e2_criteria()
    X.loc["P5", "density"] = np.nan            # a product without data on one criterion
    hib = {"demand_growth": True}
    res = robustness(X, EQUAL, thresholds=DENSITY_SCREEN, missing=missing, k=2, n_weights=6, seed=3,
                     higher_is_better=hib)
    assert res.n_variants == 3 * 2 * 4 * 4 * 6   # norms x aggs x (all + 3 left out) x threshold levels x draws
    nom, R, ov = _brute(X, res, DENSITY_SCREEN, missing, hib)
    np.testing.assert_allclose(res.variants["overlap"], ov, atol=1e-12)
    p = res.products.set_index("product").loc[X.index]
    np.testing.assert_allclose(p["share_top_k"], (R <= 2).mean(axis=1), atol=1e-12)
    np.testing.assert_allclose(p["share_ranked"], R.notna().mean(axis=1), atol=1e-12)
    for prod in X.index:
        got = R.loc[prod].dropna().to_numpy()
        if got.size:
            for col, q in (("median_rank", 0.5), ("rank_p05", 0.05), ("rank_p95", 0.95)):
                assert p.loc[prod, col] == pytest.approx(np.quantile(got, q)), (prod, col)
            if pd.notna(nom[prod]):
                assert p.loc[prod, "mean_abs_shift"] == pytest.approx(np.abs(got - nom[prod]).mean())
    assert list(p["nominal_rank"].astype("float").fillna(-1)) == list(nom.fillna(-1))


def test_brute_force_on_real_criteria(per_criteria):
    """60 products of Peru's criteria table (shipped data), the report's weights and screen."""
    X = per_criteria.iloc[::19].copy()
    res = robustness(X, NICHE_WEIGHTS, thresholds=NICHE_THRESHOLDS, k=5, n_weights=2, seed=11)
    nom, R, ov = _brute(X, res, NICHE_THRESHOLDS, "worst", X.attrs["higher_is_better"])
    np.testing.assert_allclose(res.variants["overlap"], ov, atol=1e-12)
    p = res.products.set_index("product").loc[X.index]
    np.testing.assert_allclose(p["share_top_k"], (R <= 5).mean(axis=1), atol=1e-12)


# --------------------------------------------------------------------------------------------
# reproducibility, settings, errors
# --------------------------------------------------------------------------------------------
def test_same_seed_same_result_other_seed_other_draws():
    a = robustness(e2_criteria(), EQUAL, k=2, n_weights=20, seed=7)
    b = robustness(e2_criteria(), EQUAL, k=2, n_weights=20, seed=7)
    pd.testing.assert_frame_equal(a.products, b.products)
    pd.testing.assert_frame_equal(a.variants, b.variants)
    pd.testing.assert_frame_equal(a.weights, b.weights)
    c = robustness(e2_criteria(), EQUAL, k=2, n_weights=20, seed=8)
    assert not np.allclose(a.weights.to_numpy(), c.weights.to_numpy())


def test_design_size_and_zero_weights():
    r = robustness(e2_criteria(), {"untapped_usd_m": 1, "density": 1, "demand_growth": 0}, k=2, n_weights=5)
    assert (r.weights["demand_growth"] == 0).all()
    assert r.settings["criteria_sets"] == ["all", "-untapped_usd_m", "-density"]
    assert r.n_variants == 3 * 2 * 3 * 1 * 5       # no thresholds: one threshold level
    one = robustness(e2_criteria(), {"density": 1}, k=2, n_weights=5)
    assert one.settings["criteria_sets"] == ["all"]
    given = pd.DataFrame([[0.6, 0.2, 0.2], [0.2, 0.6, 0.2]], columns=list(EQUAL))  # weight sets as a table
    assert robustness(e2_criteria(), EQUAL, k=2, weight_design=given).weights.shape == (2, 3)


def test_fixed_eligibility_is_never_varied():
    X = e2_criteria()
    r = robustness(X, EQUAL, k=2, thresholds=DENSITY_SCREEN, eligible=["P1", "P2", "P3"], n_weights=10)
    p = r.products.set_index("product")
    assert p.loc[["P4", "P5"], "share_top_k"].eq(0).all()
    assert p.loc[["P4", "P5"], "share_ranked"].eq(0).all()


def test_bad_inputs():
    X = e2_criteria()
    with pytest.raises(RobustnessError, match="normalisation"):
        robustness(X, EQUAL, normalisations=["rank", "log"])
    with pytest.raises(RobustnessError, match="aggregation"):
        robustness(X, EQUAL, aggregations=["median"])
    with pytest.raises(RobustnessError, match="k must"):
        robustness(X, EQUAL, k=0)
    with pytest.raises(RobustnessError, match="nothing to rank"):
        robustness(X, EQUAL, thresholds={"density": (">", 1.0)})
    with pytest.raises(niches.NicheModelError):
        robustness(X, {"nope": 1})


# --------------------------------------------------------------------------------------------
# shipped data: the report's defaults
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def per_criteria(criteria_table_of):
    return criteria_table_of("PER")


def test_real_nominal_is_the_niche_model_and_labels_follow_the_bars(per_criteria):
    r = robustness(per_criteria, NICHE_WEIGHTS, thresholds=NICHE_THRESHOLDS, k=10, n_weights=50, seed=0)
    assert r.n_variants == 3 * 2 * 6 * 4 * 50
    base = niches.niche_scores(per_criteria, NICHE_WEIGHTS, thresholds=NICHE_THRESHOLDS)
    b = base.dropna(subset=["rank"]).set_index("product")["rank"].astype(int)
    nom = r.nominal.dropna(subset=["rank"]).set_index("product")["rank"].astype(int)
    pd.testing.assert_series_equal(nom.sort_index(), b.sort_index(), check_names=False)
    # the one-at-a-time overlaps are what the niche model gives directly
    top = set(b[b <= 10].index)
    mm = niches.niche_scores(per_criteria, NICHE_WEIGHTS, thresholds=NICHE_THRESHOLDS, method="minmax")
    mm_top = set(mm.dropna(subset=["rank"]).query("rank <= 10")["product"])
    c = r.choices.set_index(["dimension", "level"])["oat_overlap"]
    assert c[("normalisation", "minmax")] == pytest.approx(len(top & mm_top) / len(top))
    # labels follow the stated bars
    p = r.products
    rob = p["label"] == "robust"
    assert ((p.loc[rob, "share_top_k"] >= 0.75) & (p.loc[rob, "rank_p95"] <= 20)).all()
    assert (p.loc[p["label"] == "plausible", "share_top_k"] >= 0.5).all()
    assert (p.loc[p["label"] == "out", "share_top_k"] == 0).all()
    assert set(r.dimensions["dimension"]) == {"normalisation", "aggregation", "criteria", "thresholds", "weights"}
    assert r.dimensions["main_effect"].between(0, 1).all()


def test_real_consolidate_screen_keeps_rca_below_one_out(per_criteria):
    rca_ok = per_criteria["rca"] >= 1
    r = robustness(per_criteria, NICHE_WEIGHTS, eligible=rca_ok, k=10, n_weights=20, seed=1)
    p = r.products.set_index("product")
    assert p.loc[~rca_ok.reindex(p.index).fillna(False), "share_top_k"].eq(0).all()


def test_real_measurements_of_the_issue_are_reproduced():
    """With the report's former defaults (weights, screen RCA >= 0.5, k = 10, world demand as the change of the
    product's share of world trade 1995-2023 in points, from the Atlas panel): switching the normalisation from
    ranks to min-max keeps 0 of Mexico's top 10; a geometric mean keeps 2 of Peru's; removing the screen leaves
    both top 10 unchanged (the measurements that motivated the analysis)."""
    from course_tools import data
    from course_tools.methods import dynamics
    dw = dynamics.demand_growth(data.load_product_year(), year0=1995, year1=2023).set_index("product")
    oat = {}
    for c in ("MEX", "PER"):
        crit = criteria_of(c)
        crit["demand_growth"] = (100 * dw["delta_weight"]).reindex(crit.index)
        r = robustness(crit, NICHE_WEIGHTS, thresholds=NICHE_THRESHOLDS, k=10, n_weights=10, seed=0)
        oat[c] = r.choices.set_index(["dimension", "level"])["oat_overlap"]
    assert oat["MEX"][("normalisation", "minmax")] == 0.0
    assert oat["PER"][("aggregation", "geometric")] == 0.2
    assert oat["MEX"][("thresholds", "none")] == 1.0 and oat["PER"][("thresholds", "none")] == 1.0
