"""Expected values of lesson L02 (lessons/02_data_quality.ipynb) and exercise ex02, for CHL and JAM.

Worked out from the raw files with awk and the csv module, not with course_tools
(T17 = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv,
G = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv,
A = datasets/trade_atlas_derived_panels_monicact/country_year_indicators.csv,
S = datasets/subnational_mexico_inegi_ce_tamaulipas/SAIC_Exporta_clean.csv)::

    awk -F, -v c=chl '$1==c {n++; if($3=="") m++; else if ($3+0==0) z++; else s+=$3}
        END {printf "%d %d %d %.1f\\n", n,m,z,s}' T17        # chl 1216 62 0 75915749884; jam 1155 302 0 1699596755
    awk -F, 'NR>1{n++; if($8+0==0) z++} END{print n, z}' G      # 22588 5500
    awk -F, '$2==2017 && ($1=="CHL"||$1=="JAM") {print $1,$4}' A  # CHL 64316396917, JAM 1173613871
    awk -F, -v c=jam '$1==c && substr($2,1,2)=="28" && $3!=""' T17 | head -3   # first 3 reported ch. 28 rows

S with the csv module (suppressed = any of the 7 variables blank): 939 of 2,979 rows; Reynosa (032) 2023: 3 of 18;
Nuevo Laredo (027) 2023: 2 of 17. The ECI rank of BVT comes from the indicator engine (tested in tests/methods);
it is printed, not asserted here. Robust outliers and median asymmetry were recomputed with plain Python (csv, math,
statistics.median): log10 of the reported values, |0.6745 (x - median) / MAD| > 3.5 -> CHL 10 products, JAM none;
median of |f_ij - f_ji| / (f_ij + f_ji) over the partners of the country with f_ij + f_ji > 0 (G): CHL 0.817484
(137 pairs), JAM 0.950822 (102 pairs).
"""
from __future__ import annotations

from pytest import approx

_COMMON = {"n_zero": 0, "gravity_share_zero": approx(5500 / 22588), "census_suppressed_total": 939,
           "reynosa_2023_suppressed": 3, "n_duplicated_keys": 0}

EXPECTATIONS = {
    "lessons/02_data_quality.ipynb": {
        "CHL": {"parameters": {"COUNTRY": "CHL"},
                "expected": {**_COMMON, "n_rows": 1216, "n_not_reported": 62, "country_kept": True,
                             "coverage_ratio": approx(75_915_749_884 / 64_316_396_917),
                             "n_outliers": 10, "median_asymmetry": approx(0.8174838457714977),
                             "outlier_products": ["0905", "1903", "2853", "2911", "5201", "5405", "6701", "6803",
                                                  "8605", "8710"]}},
        "JAM": {"parameters": {"COUNTRY": "JAM"},
                "expected": {**_COMMON, "n_rows": 1155, "n_not_reported": 302, "country_kept": True,
                             "coverage_ratio": approx(1_699_596_755 / 1_173_613_871),
                             "n_outliers": 0, "outlier_products": [], "median_asymmetry": approx(0.9508218661708432)}},
    },
    "solutions/ex02/ex02.ipynb": {
        "CHL": {"parameters": {"COUNTRY": "CHL"},
                "expected": {"n_not_reported": 62, "n_zero": 0, "suppressed_share": approx(2 / 17),
                             "dup_products": ["2801", "2802", "2803"],
                             "coverage_ratio": approx(75_915_749_884 / 64_316_396_917)}},
        "JAM": {"parameters": {"COUNTRY": "JAM"},
                "expected": {"n_not_reported": 302, "n_zero": 0, "suppressed_share": approx(2 / 17),
                             "dup_products": ["2801", "2804", "2807"],
                             "coverage_ratio": approx(1_699_596_755 / 1_173_613_871)}},
    },
}
