"""Timing of the full robustness analysis of the niche ranking on a real-size table (run by hand, not a test).

    .venv/bin/python benchmarks/bench_robustness.py                 # Peru, 100 weight draws
    .venv/bin/python benchmarks/bench_robustness.py --country MEX --n-weights 200
    .venv/bin/python benchmarks/bench_robustness.py --naive-sample 200   # variants timed in the naive loop

Input: ``data.niche_inputs.niche_criteria(country)`` from the shipped tables (1,137 HS 2007 products), ten
criteria (every criterion of the catalogue except ``rsca`` and ``distance``, which repeat ``rca`` and
``density``) at equal weights, the report's screen (``report.NICHE_THRESHOLDS``) and k = 10. The
design is the default full factorial: 3 normalisations x 2 aggregations x 11 criteria sets (all and
each left out) x 4 threshold levels x ``--n-weights`` Dirichlet draws (26,400 variants for 100).

Compared in the same run, with one BLAS thread (one core):

* ``methods.robustness.robustness`` (vectorised over variants): best of ``--repeat`` runs;
* the same analysis as a naive loop over the variants, each one normalised with
  ``niches.normalise``, scored and ranked with pandas: ``--naive-sample`` variants drawn at random
  from the design are timed and the total is extrapolated to the whole design; the loop's top-k
  overlaps of those variants are checked against the vectorised ones before any ratio is printed;
* ``niches.sensitivity`` with 200 draws (the weights/thresholds analysis the lessons use today).

Loading and building the criteria table are not timed.
"""
from __future__ import annotations

import argparse
import os
import time

import numpy as np
import pandas as pd

from course_tools.methods import niches
from course_tools.methods.robustness import robustness

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover
    threadpool_limits = None

CRITERIA = ["rca", "export_value", "density", "pci", "cog", "demand_growth", "share_change", "lac_demand_share",
            "backward_linkage", "forward_linkage"]


def _naive_ranks(t, cols, hib, method, aggregation, w, thresholds, level, spread):
    """One variant the plain way: normalise, score, screen and rank with pandas."""
    N = niches.normalise(t, method=method, higher_is_better=hib, columns=cols)
    avail = N.notna()
    n0 = N.fillna(0.0)
    if aggregation == "geometric":
        m = avail.sum()
        a = {"rank": 1.0, "minmax": 1.0, "zscore": 4.0}[method]
        b = (m - 1).astype(float) if method == "rank" else {"minmax": 99.0, "zscore": 12.0}[method]
        score = np.exp((np.log(a + n0 * b) * w).sum(axis=1))
    else:
        score = (n0 * w).sum(axis=1)
    ok = pd.Series(True, index=t.index)
    if level != "none":
        for c, (op, v) in thresholds.items():
            sign = -1 if op in (">=", ">") else 1
            tv = v + {"nominal": 0, "looser": sign, "stricter": -sign}[level] * spread * abs(v)
            x = t[c]
            ok &= {">=": x >= tv, ">": x > tv, "<=": x <= tv, "<": x < tv}[op] & x.notna()
    return score.round(9)[ok].rank(method="min", ascending=False).reindex(t.index)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--country", default="PER")
    ap.add_argument("--n-weights", type=int, default=100)
    ap.add_argument("--naive-sample", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from course_tools.course.report import NICHE_THRESHOLDS
    from course_tools.data.niche_inputs import niche_criteria
    t = niche_criteria(args.country)
    weights = {c: 1.0 for c in CRITERIA}
    hib = t.attrs["higher_is_better"]
    thr = dict(NICHE_THRESHOLDS)
    ctx = threadpool_limits(limits=1, user_api="blas") if threadpool_limits else None

    def run():
        return robustness(t, weights, thresholds=thr, k=10, n_weights=args.n_weights, seed=0)

    if ctx is not None:
        ctx.__enter__()
    try:
        res = run()                                   # warm-up
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            res = run()
            times.append(time.perf_counter() - t0)
        fast = min(times)

        rng = np.random.default_rng(0)
        sample = rng.choice(res.n_variants, size=min(args.naive_sample, res.n_variants), replace=False)
        cols = list(res.weights.columns)
        wnom = pd.Series(res.settings["weights"])[cols]
        nom = _naive_ranks(t, cols, hib, "rank", "arithmetic", wnom, thr, "nominal", 0.1)
        nom_top = nom <= 10
        t0 = time.perf_counter()
        naive_overlap = []
        for i in sample:
            v = res.variants.iloc[i]
            w = res.weights.iloc[int(v["weights_id"])].copy()
            if v["criteria"] != "all":
                w[v["criteria"][1:]] = 0.0
            w = w / w.sum()
            r = _naive_ranks(t, cols, hib, v["normalisation"], v["aggregation"], w, thr, v["thresholds"], 0.1)
            naive_overlap.append(((r <= 10) & nom_top).sum() / nom_top.sum())
        naive_per = (time.perf_counter() - t0) / len(sample)
        np.testing.assert_allclose(naive_overlap, res.variants["overlap"].to_numpy()[sample], atol=1e-12)

        t0 = time.perf_counter()
        niches.sensitivity(t, weights, thresholds=thr, k=10, n=200, seed=0)
        sens = time.perf_counter() - t0
    finally:
        if ctx is not None:
            ctx.__exit__(None, None, None)

    naive_total = naive_per * res.n_variants
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.country}: {t.shape[0]} products x {len(CRITERIA)} criteria, k = 10, "
          f"{res.n_variants:,} variants; load average {load:.1f}; one BLAS thread")
    print()
    print("| | time |")
    print("|---|---|")
    print(f"| `robustness` (vectorised, best of {args.repeat}) | {fast:.2f} s |")
    print(f"| naive loop over the variants ({len(sample)} timed, {naive_per * 1000:.1f} ms each), extrapolated "
          f"| {naive_total:.0f} s |")
    print(f"| ratio | **{naive_total / fast:.0f}x faster** |")
    print(f"| `niches.sensitivity(n=200)` (weights and thresholds only) | {sens:.2f} s |")
    print(f"| `robustness` per variant vs `sensitivity` per draw | {fast / res.n_variants * 1e6:.0f} us vs "
          f"{sens / 200 * 1e6:.0f} us |")
    print()
    print(f"Same top-k overlaps as the loop for all {len(sample)} sampled variants. Goal: full analysis < 5 s.")
    d = res.dimensions
    print("Choice that moves the ranking most:", d.iloc[0]["dimension"],
          f"(first-order variance share of the top-10 overlap {d.iloc[0]['main_effect']:.2f})")


if __name__ == "__main__":
    main()
