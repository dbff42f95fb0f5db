"""Timing of every public indicator on the course's shipped data (run by hand, not a test).

    .venv/bin/python benchmarks/bench_indicators.py            # the whole table
    .venv/bin/python benchmarks/bench_indicators.py --only rca  # rows whose name contains 'rca'
    .venv/bin/python benchmarks/bench_indicators.py --blas-threads 1   # one BLAS thread per process

Each indicator runs once as a warm-up, then 3 times; the table shows the best of the 3 in seconds
and its ratio to the budget of 1 second per call (the lessons must stay interactive on a shared
hub). Verdict: "ok" below 0.25 s (well under the budget), "slow" from 0.25 s to 1 s, "OVER" above.
Data come through the course loaders (``course_tools.data``), so the checksum manifest is verified
and the loading time is NOT part of the timings. Inputs:

* world exports 2017 and 1980 (``load_trade``; NaN rows dropped where NaN is refused);
* Chile's bilateral HS6 trade 2002 and 2004 (``load_bilateral_hs6``: exports and imports);
* gravity flows 2006 (``load_gravity``) for bilateral indicators; LAC groups (``country_groups``);
* Mexican economic census, Tamaulipas municipalities (``load_census``) for territory;
* Brazil 2020 input-output table, IBGE 2021 supply-use tables, Brazil-Mexico MRIO 2000.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections.abc import Callable

# the number of BLAS threads must be set before numpy is imported
if "--blas-threads" in sys.argv[1:-1]:
    _n = sys.argv[sys.argv.index("--blas-threads") + 1]
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[_var] = _n

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from course_tools import data as D  # noqa: E402
from course_tools import indicators as ind  # noqa: E402
from course_tools.indicators import input_output as io  # noqa: E402

BUDGET = 1.0    # seconds per call
WELL_UNDER = 0.25


def best_of(f: Callable[[], object], repeat: int = 3) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # dropped rows/columns are reported by the functions
        f()                                 # warm-up (caches, first-call imports)
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            f()
            times.append(time.perf_counter() - t0)
    return min(times)


def cases() -> list[tuple[str, str, Callable[[], object]]]:
    """(function, input size, call) for every public indicator, on the shipped data."""
    t17 = D.load_trade(2017)
    t80 = D.load_trade(1980)
    x17 = t17.dropna(subset=["export_value"])
    x80 = t80.dropna(subset=["export_value"])
    n17 = f"{len(x17):,} rows ({x17.country.nunique()} x {x17['product'].nunique()})"
    chl17 = x17[x17.country == "CHL"].groupby("product")["export_value"].sum()
    arg17 = x17[x17.country == "ARG"].groupby("product")["export_value"].sum()
    wld17 = x17.groupby("product")["export_value"].sum()
    h02, h04 = D.load_bilateral_hs6(2002), D.load_bilateral_hs6(2004)
    hkw = dict(country="reporter", product="product")
    nh = f"{len(h02):,} rows (CHL, HS6)"
    grav = D.load_gravity()
    gkw = dict(value="flow")
    ng = f"{len(grav):,} pairs ({grav.exporter.nunique()} countries)"
    groups = D.country_groups()
    in_gravity = set(grav.exporter) | set(grav.importer)
    gdict = {g: list(d.iso3) for g, d in groups.groupby("group")
             if 0 < d.iso3.isin(in_gravity).sum() < len(in_gravity)}   # groups present in the table
    merc = gdict.get("mercosur", ["ARG", "BRA", "PRY", "URY"])

    # territory: municipalities of Tamaulipas (state 28) against the national total (state 00)
    cen = D.load_census().dropna(subset=["employment"])
    mun = cen[(cen.state_code == "28") & cen.municipality_code.notna()]
    nat = cen[(cen.state_code == "00") & cen.municipality_code.isna()]
    tkw = dict(region="municipality_code", industry="sector_code")
    m23, m03 = mun[mun.census_year == 2023], mun[mun.census_year == 2003]
    ref23 = nat[nat.census_year == 2023].groupby("sector_code")["employment"].sum()
    ref03 = nat[nat.census_year == 2003].groupby("sector_code")["employment"].sum()
    nt = f"{len(m23):,} rows ({m23.municipality_code.nunique()} x {m23.sector_code.nunique()})"

    # complexity (2017, the course's HS4 world table)
    res = ind.complexity(x17)
    cmpl_rows = f"{res.M.shape[0]} x {res.M.shape[1]}"

    # input-output
    br = D.load_io_brazil_2020()
    A = io.technical_coefficients(br.Z, br.x)
    L = io.leontief_inverse(A)
    B = io.allocation_coefficients(br.Z, br.x)
    G = io.ghosh_inverse(B)
    lk = io.linkages(L, G)
    nb = f"{br.Z.shape[0]} x {br.Z.shape[1]}"
    sut = D.load_ibge_sut()
    # use and final demand are at purchasers' prices and include imports: one balancing column
    # (minus imports, margins and taxes) makes use + final demand = domestic output (timing only)
    comp = sut.supply_components
    fd_dom = sut.final_demand.assign(
        balancing=-(comp["Oferta total a preço de consumidor"] - sut.product_output))
    ns = f"{sut.supply.shape[0]} x {sut.supply.shape[1]}"
    mr = D.load_mrio_2000()
    va_all = mr.va + mr.other_inputs.sum(axis=0)
    e = ind.mrio_gross_exports(mr.Z, mr.final_demand)
    vae = ind.value_added_in_exports(mr.Z, mr.x, va_all, e)
    nm = f"{mr.Z.shape[0]} x {mr.Z.shape[1]}"

    return [
        # specialisation
        ("rca", n17, lambda: ind.rca(x17)),
        ("rsca", n17, lambda: ind.rsca(x17)),
        ("hhi", n17, lambda: ind.hhi(x17)),
        ("hhi(normalised='unctad')", n17, lambda: ind.hhi(x17, normalised="unctad")),
        ("diversification", n17, lambda: ind.diversification(x17)),
        ("trade_balance_index", nh, lambda: ind.trade_balance_index(h02, h02, **hkw)),
        ("lafay", nh, lambda: ind.lafay(h02, h02, **hkw)),
        # interdependence
        ("trade_intensity", ng, lambda: ind.trade_intensity(grav, **gkw)),
        ("trade_complementarity", "2 Series (CHL, world 2017)", lambda: ind.trade_complementarity(chl17, wld17)),
        ("trade_complementarity_table", f"{x17.country.nunique()}^2 pairs (2017 table both sides)",
         lambda: ind.trade_complementarity_table(x17, x17.rename(columns={"export_value": "import_value"}))),
        ("export_similarity (2 Series)", "CHL vs ARG 2017", lambda: ind.export_similarity(chl17, arg17)),
        ("export_similarity (all pairs)", n17, lambda: ind.export_similarity(x17)),
        ("grubel_lloyd", nh, lambda: ind.grubel_lloyd(h02, h02, **hkw)),
        ("grubel_lloyd_aggregate(adjusted)", nh, lambda: ind.grubel_lloyd_aggregate(h02, h02, adjusted=True, **hkw)),
        ("regional_trade_indicators", ng + ", MERCOSUR", lambda: ind.regional_trade_indicators(grav, merc, **gkw)),
        ("regional_trade_indicators_by_group", ng + f", {len(gdict)} groups",
         lambda: ind.regional_trade_indicators_by_group(grav, gdict, **gkw)),
        # dynamics
        ("competitiveness_matrix", "CHL vs world, 1980 -> 2017",
         lambda: ind.competitiveness_matrix(x80[x80.country == "CHL"], x17[x17.country == "CHL"], x80, x17)),
        ("competitiveness_matrix(average_years)", "CHL vs world, panel 1980+2017",
         lambda: ind.competitiveness_matrix(
             pd.concat([x80[x80.country == "CHL"], x17[x17.country == "CHL"]]),
             pd.concat([x80[x80.country == "CHL"], x17[x17.country == "CHL"]]),
             pd.concat([x80, x17]), pd.concat([x80, x17]), average_years=((1980,), (2017,)))),
        ("constant_market_share", "CHL vs world, 1980 -> 2017",
         lambda: ind.constant_market_share(x80[x80.country == "CHL"], x17[x17.country == "CHL"], x80, x17)),
        ("constant_market_share(3-level)", "CHL HS6 x partner, 2002 -> 2004 (imports as reference)",
         lambda: ind.constant_market_share(h02, h04, h02.assign(export_value=h02.import_value + h02.export_value),
                                           h04.assign(export_value=h04.import_value + h04.export_value),
                                           market="partner")),
        # complexity
        ("complexity", n17, lambda: ind.complexity(x17)),
        ("complexity(convention='stata')", n17, lambda: ind.complexity(x17, convention="stata")),
        ("presence_matrix", n17, lambda: ind.presence_matrix(x17)),
        ("proximity", n17, lambda: ind.proximity(x17)),
        ("reflections(20)", cmpl_rows, lambda: ind.reflections(res.M)),
        ("opportunity_gain", cmpl_rows, lambda: ind.opportunity_gain(res)),
        ("filter_for_complexity", n17, lambda: ind.filter_for_complexity(x17)),
        ("product_space_graph", f"{res.proximity.shape[0]} products",
         lambda: ind.product_space_graph(res.proximity)),
        ("country_on_product_space", "CHL, " + cmpl_rows, lambda: ind.country_on_product_space(res, "CHL")),
        # input-output, Brazil 2020
        ("technical_coefficients", nb, lambda: io.technical_coefficients(br.Z, br.x)),
        ("leontief_inverse", nb, lambda: io.leontief_inverse(A)),
        ("leontief_output", nb, lambda: io.leontief_output(L, br.final_demand.sum(axis=1))),
        ("output_multipliers", nb, lambda: io.output_multipliers(L)),
        ("employment_multipliers", nb, lambda: io.employment_multipliers(L, br.jobs, br.x)),
        ("income_multipliers", nb, lambda: io.income_multipliers(L, br.wages, br.x)),
        ("allocation_coefficients", nb, lambda: io.allocation_coefficients(br.Z, br.x)),
        ("ghosh_inverse", nb, lambda: io.ghosh_inverse(B)),
        ("chenery_watanabe", nb, lambda: io.chenery_watanabe(br.Z, br.x)),
        ("linkages", nb, lambda: io.linkages(L, G)),
        ("key_sectors", nb, lambda: io.key_sectors(lk)),
        ("supply_use_to_symmetric (Model B)", ns + " (IBGE 2021)",
         lambda: ind.supply_use_to_symmetric(sut.supply, sut.use, fd_dom)),
        ("supply_use_to_symmetric (Model D)", ns + " (IBGE 2021)",
         lambda: ind.supply_use_to_symmetric(sut.supply, sut.use, fd_dom, assumption="fixed-product-sales")),
        # multi-regional, Brazil-Mexico 2000
        ("leontief_inverse (MRIO)", nm, lambda: io.leontief_inverse(io.technical_coefficients(mr.Z, mr.x))),
        ("mrio_gross_exports", nm, lambda: ind.mrio_gross_exports(mr.Z, mr.final_demand)),
        ("value_added_in_exports", nm, lambda: ind.value_added_in_exports(mr.Z, mr.x, va_all, e)),
        ("gvc_participation", nm, lambda: ind.gvc_participation(vae)),
        # territory
        ("location_quotient", nt, lambda: ind.location_quotient(m23, reference=ref23, **tkw)),
        ("shift_share (Dunn)", nt + ", 2003 -> 2023",
         lambda: ind.shift_share(m03, m23, reference_t0=ref03, reference_t1=ref23, **tkw)),
        ("shift_share (Esteban-Marquillas)", nt + ", 2003 -> 2023",
         lambda: ind.shift_share(m03, m23, method="esteban-marquillas", by_industry=True, **tkw)),
        ("krugman_specialisation", nt, lambda: ind.krugman_specialisation(m23, reference=ref23, **tkw)),
        ("cluster_candidates", nt + ", growth from 2003",
         lambda: ind.cluster_candidates(m23, data_t0=m03, growth=0.0, positive_shift=True, **tkw)),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="run only the rows whose function name contains this text")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--blas-threads", default=None,
                    help="threads of the linear-algebra library (set before numpy is imported)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    rows = [c for c in cases() if args.only in c[0]]
    print(f"data loaded and reference objects built in {time.perf_counter() - t0:.1f} s "
          f"(pandas {pd.__version__}, numpy {np.__version__}, BLAS threads: "
          f"{os.environ.get('OPENBLAS_NUM_THREADS', 'library default')}, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)\n")
    w = max(len(r[0]) for r in rows)
    wi = max(len(r[1]) for r in rows)
    print(f"| {'function':<{w}} | {'input':<{wi}} | seconds | ratio to 1 s | verdict |")
    print(f"|{'-' * (w + 2)}|{'-' * (wi + 2)}|---------|--------------|---------|")
    worst = 0.0
    for name, size, f in rows:
        s = best_of(f, args.repeat)
        worst = max(worst, s)
        verdict = "ok" if s < WELL_UNDER else ("slow" if s < BUDGET else "OVER")
        print(f"| {name:<{w}} | {size:<{wi}} | {s:7.4f} | {s / BUDGET:12.3f} | {verdict:<7} |", flush=True)
    print(f"\n{len(rows)} calls; slowest {worst:.3f} s = {worst / BUDGET:.2f} of the budget")
    return 0 if worst < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
