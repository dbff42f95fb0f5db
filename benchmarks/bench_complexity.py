"""Benchmark of course_tools.methods.complexity (run by hand, not a test).

    .venv/bin/python benchmarks/bench_complexity.py            # both parts
    .venv/bin/python benchmarks/bench_complexity.py --real     # only the py-ecomplexity comparison
    .venv/bin/python benchmarks/bench_complexity.py --scaling  # only the HS6-sized panel

1. Real 2017 HS4 table (224 countries x 1,222 products): complexity() (ECI/PCI, proximity,
   density, COI/COG) vs py-ecomplexity 0.5.3 ecomplexity() + proximity() in the same run; prints
   both times, the ratio and the largest absolute difference in ECI/PCI/density/COG.
2. Scaling: an HS6-sized panel, 230 countries x up to 5,000 products x 25 years, generated from
   the real table (see ``synthetic_year``), one complexity() per year; prints time per year
   against the number of products, the total time and the peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import warnings

import numpy as np
import pandas as pd

from course_tools.data.manifest import verify
from course_tools.indicators import complexity
from course_tools.paths import datasets_dir

FILE = "trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv"
KW = dict(country="reporter_iso", product="product_code", value="export_value_usd")


def load_2017() -> pd.DataFrame:
    d = pd.read_csv(verify(datasets_dir() / FILE), dtype={"reporter_iso": str, "product_code": str})
    return d.dropna(subset=["export_value_usd"]).reset_index(drop=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def bench_real(repeat: int = 3) -> None:
    import ecomplexity as ec

    trade = load_2017()
    cols = {"time": "year", "loc": "reporter_iso", "prod": "product_code", "val": "export_value_usd"}
    ours_t = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = complexity(trade, **KW)
        ours_t.append(time.perf_counter() - t0)
    d = trade.assign(year=2017)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = ec.ecomplexity(d, cols, verbose=False, check_logsupermodularity=False)
        ec.proximity(d, cols)
    ref_t = time.perf_counter() - t0
    ref = ref.set_index(["reporter_iso", "product_code"])
    long = r.to_long().set_index(["reporter_iso", "product_code"])
    ref = ref.loc[long.index]
    diff = {c: float(np.max(np.abs(long[c].to_numpy() - ref[c].to_numpy(dtype=float))))
            for c in ("eci", "pci", "density", "coi", "cog")}
    best = min(ours_t)
    print(f"real 2017 table {r.M.shape[0]} x {r.M.shape[1]}")
    print(f"  course_tools complexity(): best of {repeat} {best:.3f} s")
    print(f"  py-ecomplexity ecomplexity() + proximity(): {ref_t:.3f} s")
    print(f"  ratio: {ref_t / best:.1f}x faster")
    print("  max |difference|: " + ", ".join(f"{k} {v:.1e}" for k, v in diff.items()))


def synthetic_year(base: np.ndarray, n_countries: int, n_products: int, rng: np.random.Generator) -> np.ndarray:
    """One synthetic year shaped like an HS6 table, drawn from the real HS4 distribution.

    Columns: each synthetic product copies the country export vector of a real 2017 HS4
    product drawn at random (with replacement) and multiplies every non-zero cell by
    lognormal(0, 1) noise, so products keep realistic sparsity (share of zero cells) and
    heavy-tailed values while differing from each other. Rows: the 224 real reporters, plus
    extra rows (to reach ``n_countries``) copied from random reporters with the same noise.
    """
    rows = rng.integers(0, base.shape[0], n_countries - base.shape[0]) if n_countries > base.shape[0] else []
    b = np.vstack([base, base[rows]]) if len(rows) else base[:n_countries]
    x = b[:, rng.integers(0, base.shape[1], n_products)]
    x = x * rng.lognormal(0.0, 1.0, size=x.shape)
    return x


def to_tidy(x: np.ndarray) -> pd.DataFrame:
    c, p = np.nonzero(x)
    return pd.DataFrame({"reporter_iso": pd.Index([f"c{i:03d}" for i in range(x.shape[0])])[c],
                         "product_code": pd.Index([f"{j:06d}" for j in range(x.shape[1])])[p],
                         "export_value_usd": x[c, p]})


def bench_scaling(n_countries: int = 230, n_products: int = 5000, years: int = 25) -> None:
    trade = load_2017()
    base = trade.pivot_table(index="reporter_iso", columns="product_code", values="export_value_usd",
                             aggfunc="sum", fill_value=0).to_numpy()
    rng = np.random.default_rng(2017)
    print(f"scaling curve: one year, {n_countries} countries (tidy table in, all indicators out)")
    for n_p in (500, 1000, 2000, 3000, 4000, n_products):
        tidy = to_tidy(synthetic_year(base, n_countries, n_p, rng))
        t0 = time.perf_counter()
        complexity(tidy, **KW)
        print(f"  {n_p:>5} products: {time.perf_counter() - t0:6.2f} s  (peak RSS so far {peak_rss_mb():.0f} MB)")
    print(f"panel: {n_countries} countries x {n_products} products x {years} years")
    total_gen, total = 0.0, 0.0
    for _ in range(years):
        t0 = time.perf_counter()
        tidy = to_tidy(synthetic_year(base, n_countries, n_products, rng))
        total_gen += time.perf_counter() - t0
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # synthetic years may drop an empty product
            complexity(tidy, **KW)
        total += time.perf_counter() - t0
        del tidy
    print(f"  complexity() total {total:.1f} s for {years} years ({total / years:.2f} s per year); "
          f"data generation {total_gen:.1f} s (not counted)")
    print(f"  peak resident memory of the process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--scaling", action="store_true")
    a = ap.parse_args()
    both = not (a.real or a.scaling)
    if a.real or both:
        bench_real()
    if a.scaling or both:
        bench_scaling()
    sys.exit(0)
