"""Benchmark of course_tools.data.baci.baci_panel on a BACI-sized year (run by hand, not a test).

    .venv/bin/python benchmarks/bench_baci.py                 # 10 million rows, the year CSV in a folder
    .venv/bin/python benchmarks/bench_baci.py --rows 2000000  # a smaller year
    .venv/bin/python benchmarks/bench_baci.py --zip           # the year inside a release zip

The year is generated at BACI's size from real shares (never invented numbers): the real 2017 exports of
each exporter by HS 2007 heading (``load_trade(2017)``) are split equally over the heading's HS 2007
6-digit codes and over the exporter's largest 2006 partners in the gravity table (shares renormalised
over the partners kept; their number is chosen to reach ``--rows``), written in BACI's layout
``t,i,j,k,v,q`` (v in thousands of USD) with a country file, in ``benchmarks/_output/``.

Measured, each step in its own process (peak resident memory of that process, wall time):

1. ``baci_panel(folder, cache=False)``: DuckDB aggregation to exporter x importer x HS4 + reading the panel;
2. ``baci_panel(folder)`` again: from the Parquet cache;
3. reference in the same run: ``pandas.read_csv`` of the first 1 million rows of the same file (the old
   way, all in memory), and the ratios against it (time per row and memory).

Goal (issue "Take the method home"): under 1 GB and under 2 minutes per year on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "_output" / "baci"
BACI_CODES = {"USA": 842, "FRA": 251, "CHE": 757, "IND": 699, "NOR": 579}


def _partners(exporters: list[str]) -> pd.DataFrame:
    """Each exporter's 2006 partners with a positive flow, largest first: exporter, importer, flow, rank."""
    from course_tools import data

    g = data.load_gravity()
    g = g[g["exporter"].isin(exporters) & (g["flow"] > 0) & (g["exporter"] != g["importer"])]
    g = g.sort_values(["exporter", "flow"], ascending=[True, False])
    return g.assign(rank=g.groupby("exporter").cumcount())[["exporter", "importer", "flow", "rank"]]


def generate(rows: int, folder: Path) -> Path:
    """Write ``BACI_HS07_Y2017_V999999.csv`` (about ``rows`` rows) and its country file into ``folder``."""
    from course_tools import data

    c = data.countries().dropna(subset=["m49"])
    code = {iso: BACI_CODES.get(iso, int(m)) for iso, m in zip(c["iso3"], c["m49"])}
    t = data.load_trade(2017).dropna(subset=["export_value"])
    t = t[(t["export_value"] > 0) & t["country"].isin(set(data.load_gravity()["exporter"]) & set(code))]
    hs6 = data.products("hs07", 6)[["code", "parent"]].rename(columns={"parent": "product"})
    x = t.merge(hs6, on="product")
    x["value"] = x["export_value"] / x.groupby(["country", "product"])["code"].transform("size")
    partners = _partners(sorted(x["country"].unique()))
    partners = partners[partners["importer"].isin(code)]
    m = 1
    while m < 200 and len(x) * partners[partners["rank"] < m].groupby("exporter").size().reindex(
            x["country"].unique()).fillna(0).mean() < rows:
        m += 1
    p = partners[partners["rank"] < m]
    p = p.assign(share=p["flow"] / p.groupby("exporter")["flow"].transform("sum"))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "BACI_HS07_Y2017_V999999.csv"
    with pacsv.CSVWriter(target, pa.schema([("t", pa.int16()), ("i", pa.int16()), ("j", pa.int16()),
                                            ("k", pa.int32()), ("v", pa.float64()), ("q", pa.string())]),
                         write_options=pacsv.WriteOptions(quoting_style="none")) as w:
        for exporter, part in x.groupby("country"):
            pe = p[p["exporter"] == exporter]
            f = part[["code", "value"]].merge(pe[["importer", "share"]], how="cross")
            w.write_table(pa.table({
                "t": np.full(len(f), 2017, dtype="int16"), "i": np.full(len(f), code[exporter], dtype="int16"),
                "j": f["importer"].map(code).to_numpy(dtype="int16"), "k": f["code"].astype("int32").to_numpy(),
                "v": np.round(f["value"].to_numpy() * f["share"].to_numpy() / 1000.0, 3),
                "q": pa.array([""] * len(f))}))
    keep = c[c["iso3"].isin(set(x["country"]) | set(p["importer"]))]
    pd.DataFrame({"country_code": keep["iso3"].map(code), "country_name": keep["name"],
                  "country_iso2": keep["iso2"], "country_iso3": keep["iso3"]}).to_csv(
        folder / "country_codes_V999999.csv", index=False)
    return target


_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
{body}
print(json.dumps({{"seconds": time.perf_counter() - t0,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **info}}))
"""


def measure(body: str) -> dict:
    """Run ``body`` in a fresh Python process; its wall time and peak resident memory."""
    out = subprocess.run([sys.executable, "-c", _CHILD.format(body=body)], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--zip", action="store_true", help="put the year in a release zip (extracted to the cache)")
    ap.add_argument("--keep", action="store_true", help="keep the generated file")
    args = ap.parse_args()
    folder = OUT / f"BACI_HS07_V999999_{args.rows}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(folder.parent / f"{folder.name}.nichos", ignore_errors=True)
    t0 = time.perf_counter()
    year = generate(args.rows, folder)
    target = folder
    if args.zip:
        import zipfile
        target = folder.parent / f"BACI_HS07_V999999_{args.rows}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for f in folder.iterdir():
                z.write(f, f.name)
    n = sum(1 for _ in open(year)) - 1
    print(f"generated {n:,} rows ({year.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - t0:.0f} s: {year}")
    panel = ("from course_tools.data.baci import baci_panel\n"
             "p = baci_panel(r'{}', cache={})\n"
             "info = {{'flows': len(p.flows), 'total': float(p.flows['value'].sum())}}")
    agg = measure(panel.format(target, False))
    cached = measure(panel.format(target, True))
    ref = measure(f"import pandas as pd\nd = pd.read_csv(r'{year}', nrows=1_000_000, dtype={{'k': str}})\n"
                  f"info = {{'rows': len(d)}}")
    per_row = (agg["seconds"] / n) / (ref["seconds"] / ref["rows"])
    print(f"aggregate {n:,} rows -> {agg['flows']:,} flows: {agg['seconds']:.1f} s, peak {agg['peak_mb']:.0f} MB")
    print(f"from the Parquet cache: {cached['seconds']:.1f} s, peak {cached['peak_mb']:.0f} MB")
    print(f"reference pandas.read_csv of 1,000,000 rows: {ref['seconds']:.1f} s, peak {ref['peak_mb']:.0f} MB")
    print(f"ratios: time per row {per_row:.2f} x pandas; peak memory {agg['peak_mb'] / ref['peak_mb']:.2f} x "
          f"pandas for {n / ref['rows']:.0f} x the rows")
    goal = agg["peak_mb"] < 1024 and agg["seconds"] < 120
    print(f"goal (< 1 GB, < 2 min per year): {'met' if goal else 'NOT met'}")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(folder.parent / f"{target.name}.nichos", ignore_errors=True)
        if args.zip:
            target.unlink()


if __name__ == "__main__":
    main()
