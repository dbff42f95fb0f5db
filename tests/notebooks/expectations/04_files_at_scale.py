"""Expected values of lesson L04 (lessons/04_files_at_scale.ipynb) and exercise ex04, for CHL and JAM.

Worked out from the raw files with awk/wc/ls, not with course_tools or DuckDB
(T17 = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv, columns reporter_iso,product_code,
export_value_usd; B = datasets/trade_ots_bilateral_chl_arg/)::

    ls -l T17                                                                   # 3681329 bytes
    awk 'END{print NR-1}' T17                                                   # 233432 rows
    awk -F, -v c=chl '$1==c {r++} $1==c && $3!="" {n++; t+=$3; if($3+0>mx){mx=$3+0;k=$2}}
        END {printf "%d %d %.1f %s %.1f\\n", r, n, t, k, mx}' T17
    # chl: 1216 rows, 1154 reported, 75915749884.0, top 2603 17476916089.0
    # jam: 1155 rows,  853 reported,  1699596755.0, top 2818   694153762.0
    awk 'END{print NR-1}' B/world_by_product_hs6_2002.csv                       # 4781 HS6 products
    awk -F, 'NR>1 && $5+0>0 {n++; s+=$5} END {print n, s}' B/bilateral_chl_arg_hs6_2002.csv   # 1346 232852460
    wc -l B/*_hs6_*.csv                                                          # 15118 lines - 4 headers = 15114
    estimated rows, 25 years: 200 x 200 x 4781 x 25 x (1346 / 4781) = 200 x 200 x 25 x 1346 = 1,346,000,000

The Parquet size depends on the pyarrow version, so only "smaller than the CSV" is asserted.
"""
from __future__ import annotations

from pytest import approx

FACTS = {
    "CHL": {"rows": 1216, "n": 1154, "total": 75_915_749_884.0, "top": "2603", "top_value": 17_476_916_089.0},
    "JAM": {"rows": 1155, "n": 853, "total": 1_699_596_755.0, "top": "2818", "top_value": 694_153_762.0},
}


def _lesson(f: dict) -> dict:
    return {
        "csv_bytes": 3_681_329,
        "rows_2017": 233_432,
        "parquet_smaller_than_csv": True,
        "n_products_exported": f["n"],
        "total_exports_usd": approx(f["total"], rel=1e-12),
        "top_product": f["top"],
        "top_product_value": approx(f["top_value"], rel=1e-12),
        "n_hs6_products": 4781,
        "chl_arg_positive_flows": 1346,
        "estimated_rows_25y": approx(1_346_000_000, rel=1e-12),
        "hs6_rows_all_files": 15_114,
        "baci_sample_total_usd": approx(232_852_460.0, rel=1e-12),
    }


def _ex04(f: dict) -> dict:
    return {
        "top_product": f["top"],
        "top_value": approx(f["top_value"], rel=1e-12),
        "csv_bytes": 3_681_329,
        "ratio_below_one": True,
        "n_rows_mine": f["rows"],
    }


EXPECTATIONS = {
    "lessons/04_files_at_scale.ipynb": {
        c.lower(): {"parameters": {"COUNTRY": c}, "expected": _lesson(f)} for c, f in FACTS.items()
    },
    "solutions/ex04/ex04.ipynb": {
        c.lower(): {"parameters": {"COUNTRY": c}, "expected": _ex04(f)} for c, f in FACTS.items()
    },
}
