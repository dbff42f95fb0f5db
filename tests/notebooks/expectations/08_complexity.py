"""Expected values of lesson L08 (lessons/08_complexity.ipynb) and exercise ex08, for MEX and JAM.

A large diversified economy (Mexico) and a small Caribbean one (Jamaica). Worked out WITHOUT course_tools and
without pandas by a plain script (csv module + numpy) from the raw files
T17 = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv,
G = datasets/lac_country_groups/lac_country_groups.csv (eclac_member_state = 1),
L = datasets/product_space_growthlab/layout_HS.json. The script:

* reads T17 (reporter upper-cased, empty/NA rows skipped), builds the country x product matrix X;
* naive run: RCA = (X/X_c.)/(X_.p/X_..), M = RCA >= 1, eigenvector of the 2nd largest eigenvalue of
  M~P = (M/d)' M / u (numpy.linalg.eig), K_c = (M/d) K_p, sign so that corr(K_c, d) > 0: ranks of K_c;
* cleaning (Growth Lab rules): reporters with total exports < 1e9 dropped; products 7108/9999 dropped; then on
  the rest: products whose ascending cumulative share of world trade is <= 0.00025, products with 1/HHI of
  exporter shares <= 2, products with <= 2 countries with RCA >= 1;
* on the cleaned matrix: ECI = (K_c - mean)/sd (ddof 0); diversity; average ubiquity = M u / d; LAC rank =
  1 + number of LAC countries with a higher ECI; proximity phi = min(C/u_p, C/u_p') with diagonal 1; density
  = M phi / rowsum(phi); top-density product = argmax of density over products with M = 0;
  Stata variant: M = RCA > 1, diagonal 0 (density gap = max |density_py - density_stata| over products);
  COG = (1-M) [(1-M) (K_p/rowsum) phi] / sd and Atlas OG = (1-M) [(1-M)(PCI/colsum) phi' - density PCI];
  their Spearman correlation over the products with M = 0 with scipy.stats.spearmanr;
* nodes of L (ids zero-padded to 4) whose code is a column of the cleaned matrix (matched) and has M = 1;
* ECI ratio py/Stata = sqrt(N/(N-1)), N = 153 x 1137 cells; toy reflection: k_c,2 of METHODS.md §5.4
  [4.016667, 3.770833, 3.458333, 3.458333] standardised (ddof 0), c1.
"""
from __future__ import annotations

from pytest import approx

COMMON = {
    "naive_top5": ["JPN", "CHE", "DEU", "BVT", "KOR"], "naive_rank_bvt": 4,
    "n_countries_dropped": 71, "n_products_dropped": 85, "country_kept": True,
    "n_countries": 153, "n_products": 1137, "n_lac_ranked": 25, "cells_differ": 0,
    "eci_ratio_py_stata": approx(1.000002874219829, rel=1e-12),
    "toy_reflection_c1_n2": approx(1.4530756636021385, abs=1e-5),  # k_c,2 given to 6 decimals in METHODS
    "n_layout_nodes": 866, "n_nodes_matched": 848,
}
MEX = {
    "gold_share": approx(0.012493983632019916, rel=1e-9),
    "diversity": 186, "avg_ubiquity": approx(24.876344086021504, rel=1e-9),
    "eci": approx(1.0163378449026386, rel=1e-6), "eci_rank_world": 28, "eci_rank_lac": 1,
    "density_gap_max": approx(0.008324486344989362, rel=1e-6),
    "top_export": "8703", "top_density_product": "0809", "top_density": approx(0.19652597250965043, rel=1e-9),
    "cog_top5": ["8514", "3908", "7318", "8427", "8479"], "og_top5": ["3908", "2920", "7220", "8514", "7318"],
    "n_nodes_present": 156, "cog_og_spearman": approx(0.8898415318310622, rel=1e-9),
}
JAM = {
    "gold_share": approx(6.165521303316445e-05, rel=1e-9),
    "diversity": 99, "avg_ubiquity": approx(33.74747474747475, rel=1e-9),
    "eci": approx(-0.3366239655488751, rel=1e-6), "eci_rank_world": 91, "eci_rank_lac": 13,
    "density_gap_max": approx(0.00960307579371053, rel=1e-6),
    "top_export": "2818", "top_density_product": "0804", "top_density": approx(0.15866923949832065, rel=1e-9),
    "cog_top5": ["8514", "7318", "3908", "8479", "2920"], "og_top5": ["8514", "7318", "3908", "8483", "2920"],
    "n_nodes_present": 76, "cog_og_spearman": approx(0.9774609913379859, rel=1e-9),
}
_EX = ("diversity", "eci_rank_lac", "top_density_product", "n_nodes_present")

EXPECTATIONS = {
    "lessons/08_complexity.ipynb": {
        # focus: the country of the country-level steps (Jamaica for a country outside the complexity set)
        c: {"parameters": {"COUNTRY": c}, "expected": {**COMMON, **v, "focus": c}}
        for c, v in (("MEX", MEX), ("JAM", JAM))
    },
    "solutions/ex08/ex08.ipynb": {
        c: {"parameters": {"COUNTRY": c}, "expected": {k: v[k] for k in _EX}} for c, v in (("MEX", MEX), ("JAM", JAM))
    },
}
