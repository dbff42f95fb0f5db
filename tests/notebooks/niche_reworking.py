"""The niche ranking of lesson L11 and exercise ex11, re-worked with plain pandas/numpy from a criteria table.

Independent of ``course_tools.methods.niches`` and ``course_tools.methods.sensitivity``: the expected values of
``tests/notebooks/expectations/11_niches.py`` are this module's results on ``niche_criteria("MEX")`` and
``niche_criteria("JAM")`` (whose cells ``tests/data/test_niche_inputs.py`` checks against the raw files), and
``tests/notebooks/test_niche_reworking.py`` keeps them in step. The rules, as the lesson states them:

* normalisation: n = (rank - 1) / (m - 1) with average ranks over the m products with a value (order reversed
  where lower is better: ``distance``), NaN -> 0 (the "worst" policy);
* weights rescaled to sum 1; score = sum w n; screening on raw values (a NaN never passes); ties by product code
  (scores rounded to 12 decimals before sorting);
* sensitivity: ``numpy.random.default_rng(seed)``; weights ~ Dirichlet(w / spread**2) (200 draws), then per
  threshold, in the order written, t + u |t| with u ~ Uniform(-0.1, 0.1); a product's share = the draws in
  which it is among the 10 best passing products / 200; robust = share >= 0.8, most robust first (ties by
  the base rank);
* ECLAC quadrant: dynamic when world demand grows faster than total world trade over the window (the CAGR
  of the totals of the raw files), gaining when the market share rises; "no data" when either is NaN;
* the two lists of section 8 (the report's defaults, ``course_tools.methods.niche_lists``): consolidate = the
  products with RCA >= 1 and exports >= USD 1 million, equal weights on untapped potential, demand growth, share
  change and LAC demand share, rank normalisation; diversify = the products with RCA < 1, weights 0.50 / 0.15 /
  0.35 on density, PCI and COG, z-score normalisation z = (x - mean) / sd (sd with m - 1) over the products with a
  value, n = (clip(z, -3, 3) + 3) / 6, NaN -> 0. Both normalise over ALL products, then keep the list's own.

Run ``python -m tests.notebooks.niche_reworking`` to print the values for Mexico and Jamaica.
"""
from __future__ import annotations

import operator
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[2] / "datasets"
LOWER_IS_BETTER = {"distance"}
OPS = {">=": operator.ge, ">": operator.gt, "<": operator.lt, "<=": operator.le}

# the lesson's choices (lessons/11_niches.ipynb) and the exercise's (solutions/ex11/ex11.ipynb), copied as written
L11_WEIGHTS = {"rsca": 1.0, "pci": 1.0, "demand_growth": 1.0, "share_change": 1.0, "lac_demand_share": 1.0,
               "backward_linkage": 0.5, "forward_linkage": 0.5}
L11_THRESHOLDS = {"rca": (">=", 1.0), "export_value": (">=", 1e6)}
# the two lists of L11 section 8 and of the report (methods/niche_lists.py CONSOLIDATE and DIVERSIFY), as written
CONSOLIDATE = {"weights": {"untapped_potential": 1.0, "demand_growth": 1.0, "share_change": 1.0,
                           "lac_demand_share": 1.0},
               "thresholds": {"rca": (">=", 1.0), "export_value": (">=", 1e6)}, "method": "rank"}
DIVERSIFY = {"weights": {"density": 0.50, "pci": 0.15, "cog": 0.35}, "thresholds": {"rca": ("<", 1.0)},
             "method": "zscore"}
EX11_WEIGHTS = {"rsca": 1.0, "pci": 1.0, "lac_demand_share": 1.0}
EX11_THRESHOLDS = {"rca": (">=", 1.0), "export_value": (">=", 1e6)}


def ex11_q2(g_world: float) -> dict:
    """Q2's screen: RCA >= 1 and world demand growing faster than world trade (``g_world``, % a year)."""
    return {"rca": (">=", 1.0), "demand_growth": (">", g_world)}


def normalised(x: pd.Series, lower_is_better: bool = False) -> pd.Series:
    r = (-x if lower_is_better else x).rank(method="average")
    return ((r - 1) / (x.notna().sum() - 1)).fillna(0.0)


def passes(c: pd.DataFrame, thresholds: dict, values: dict | None = None) -> pd.Series:
    ok = pd.Series(True, index=c.index)
    for k, (op, t) in thresholds.items():
        v = t if values is None else values[k]
        ok &= OPS[op](c[k], v) & c[k].notna()
    return ok


def ordered(score: pd.Series, ok: pd.Series) -> list[str]:
    """Codes of the passing products, best first, ties by product code."""
    d = pd.DataFrame({"s": score.round(12), "p": score.index})[ok.to_numpy()]
    return d.sort_values(["s", "p"], ascending=[False, True])["p"].tolist()


def zscored(x: pd.Series) -> pd.Series:
    z = (x - x.mean()) / x.std(ddof=1)
    return ((z.clip(-3, 3) + 3) / 6).fillna(0.0)


def ranking(c: pd.DataFrame, weights: dict, thresholds: dict,
            method: str = "rank") -> tuple[pd.Series, list[str], pd.DataFrame]:
    w = pd.Series(weights, dtype=float)
    w = w / w.sum()
    N = pd.DataFrame({k: normalised(c[k], k in LOWER_IS_BETTER) if method == "rank" else zscored(c[k])
                      for k in w.index})
    score = (N * w).sum(axis=1)
    return score, ordered(score, passes(c, thresholds)), N


def sensitivity_shares(c: pd.DataFrame, weights: dict, thresholds: dict, *, n: int = 200, spread: float = 0.2,
                       threshold_spread: float = 0.1, seed: int = 0, k: int = 10) -> pd.Series:
    """Share of the n draws in which each product is among the k best passing products."""
    w = pd.Series(weights, dtype=float)
    w = w / w.sum()
    g = np.random.default_rng(seed)
    D = g.dirichlet(w.to_numpy() / spread**2, size=n)
    T = {key: t + g.uniform(-threshold_spread, threshold_spread, size=n) * abs(t)
         for key, (_, t) in thresholds.items()}
    N = pd.DataFrame({key: normalised(c[key], key in LOWER_IS_BETTER) for key in w.index})
    S = N.to_numpy() @ D.T
    hits = pd.Series(0, index=c.index)
    for d in range(n):
        ok = passes(c, thresholds, {key: T[key][d] for key in T})
        hits[ordered(pd.Series(S[:, d], index=c.index), ok)[:k]] += 1
    return hits / n


def world_demand_cagr(y0: int = 1980, y1: int = 2017) -> float:
    """% a year, from the totals of the raw trade files."""
    tot = {y: pd.read_csv(DATA / f"trade_ots_economiccomplexity/world_trade_{y}_hs07_4d.csv",
                          usecols=["export_value_usd"])["export_value_usd"].sum() for y in (y0, y1)}
    return 100 * ((tot[y1] / tot[y0]) ** (1 / (y1 - y0)) - 1)


def quadrant(c: pd.DataFrame, product: str, g_world: float) -> str:
    g, dms = c.loc[product, "demand_growth"], c.loc[product, "share_change"]
    if np.isnan(g) or np.isnan(dms):
        return "no data"
    return {(True, True): "rising star", (False, True): "declining star", (True, False): "missed opportunity",
            (False, False): "retreat"}[(bool(g > g_world), bool(dms > 0))]


def lesson_values(c: pd.DataFrame, g_world: float) -> dict:
    by_value = c.assign(p=c.index).sort_values(["export_value", "rca"], ascending=False)
    demo = str(by_value.index[0])
    score, order, _ = ranking(c, L11_WEIGHTS, L11_THRESHOLDS)
    shares = sensitivity_shares(c, L11_WEIGHTS, L11_THRESHOLDS)
    base_rank = {p: i for i, p in enumerate(order)}
    robust = sorted((p for p in shares.index if shares[p] >= 0.8),
                    key=lambda p: (-shares[p], base_rank.get(p, len(order)), p))
    lists = {name: ranking(c, spec["weights"], spec["thresholds"], spec["method"])[1]
             for name, spec in (("consolidate", CONSOLIDATE), ("diversify", DIVERSIFY))}
    return {"n_products": len(c), "nan_counts": {k: int(v) for k, v in c.isna().sum().items()},
            "norm_demo_product": demo, "norm_demo_pci": float(normalised(c["pci"])[demo]),
            "n_pass": len(order), "top_niche": order[0], "top_score": float(score[order[0]]), "top10": order[:10],
            "top_niche_quadrant": quadrant(c, order[0], g_world), "robust_niches": robust,
            "top_niche_share_top10": float(shares[order[0]]), "top_new_niche": lists["diversify"][0],
            "n_consolidate": len(lists["consolidate"]), "top5_consolidate": lists["consolidate"][:5],
            "n_diversify": len(lists["diversify"]), "top5_diversify": lists["diversify"][:5]}


def exercise_values(c: pd.DataFrame, g_world: float) -> dict:
    score, order, _ = ranking(c, EX11_WEIGHTS, EX11_THRESHOLDS)
    shares = sensitivity_shares(c, EX11_WEIGHTS, EX11_THRESHOLDS)
    return {"top_niche": order[0], "top_score": float(score[order[0]]),
            "n_dynamic": int(passes(c, ex11_q2(g_world)).sum()), "tenth": order[9],
            "share_top10": float(shares[order[9]])}


if __name__ == "__main__":
    from course_tools.data.niche_inputs import niche_criteria

    gw = world_demand_cagr()
    print(f"world demand CAGR 1980-2017: {gw!r} % a year")
    for code in ("MEX", "JAM"):
        crit = niche_criteria(code)
        print(code, "criteria:", list(crit.columns))
        print(code, "lesson:", lesson_values(crit, gw))
        print(code, "exercise:", exercise_values(crit, gw))
