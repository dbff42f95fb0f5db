"""Expected values of lesson L11 (lessons/11_niches.ipynb) and exercise ex11, for Mexico and Jamaica.

Two countries of different kinds: Mexico (large, diversified, one of the 26 regions of the world input-output table)
and Jamaica (small, concentrated, its linkages taken from Brazil's structure as a declared proxy).

How the numbers were worked out:

* the criteria table is ``niche_criteria(country)`` on the shipped tables: one trade panel, criteria of 2017 and
  the dynamics window 1980-2017. Its cells (RCA, RSCA, exports, world demand growth, market-share change, LAC
  demand share with the 2006 gravity table's current codes, linkages) are checked against the raw files of
  datasets/ in tests/data/test_niche_inputs.py (pandas/csv/python-calamine on the raw CSV and Excel files;
  density/PCI/COG against py-ecomplexity); ``untapped_potential`` (USD, the labelled proxy of
  course_tools.methods.potential_proxy: 2017 exports spread over markets with the 2006 bilateral shares) is
  checked on cases worked by hand in tests/methods/test_potential_proxy.py and is not weighted in L11 or ex11;
* the ranking values were re-worked from that criteria table by a plain pandas/numpy script that does NOT use
  course_tools.methods.niches (tests/notebooks/niche_reworking.py, ``python -m tests.notebooks.niche_reworking``;
  tests/notebooks/test_niche_reworking.py keeps these values equal to its results): rank normalisation
  n = (rank - 1) / (m - 1) with average ranks over the products with a value, NaN -> 0 (the model's "worst"
  policy), weights rescaled to sum 1, score = sum w n, screening on raw values (RCA >= 1 and exports >= USD 1
  million), ties by product code;
* the sensitivity shares with 200 draws: weights ~ Dirichlet(w / 0.2**2) then, per threshold in order,
  t (1 + u) with u ~ Uniform(-0.1, 0.1), all from numpy's default_rng(0); a product's share = the draws in which it
  is among the 10 best passing products / 200. The same re-working runs in the hidden tests of ex11;
* the quadrant of the top niche: its world demand grew faster than total world trade 1980-2017 (6.4041 % a year,
  totals of the raw files) and the country's market share rose;
* the two lists of section 8 (the report's default lists): re-worked by the same script (rank normalisation for
  consolidate, z-scores clipped at 3 sd for diversify, the RCA rule splitting them); the same values as the
  report's expectations (tests/notebooks/expectations/12_country_report.py), and the country matrix checks that
  L11 and the report agree for every country (course_tools/course/matrix_checks.py);
* counts of NaN: 107 HS 2007 headings with no world trade in the 1980 table have neither a demand growth nor a
  market-share change (growth from nothing is undefined; the set is checked from the raw files in the unit
  tests); 36 headings whose ISIC Rev.3 classes (hs3_isic3.csv) are none of the goods divisions of the 23-sector
  input-output table (waste and scrap, works of art, films...) have no linkages; the untapped potential is
  defined for every product (0 where the proxy finds no market left to win).
"""
from __future__ import annotations

from pytest import approx

_CRITERIA = ["rca", "rsca", "export_value", "density", "distance", "pci", "cog", "demand_growth", "share_change",
             "lac_demand_share", "untapped_potential", "backward_linkage", "forward_linkage"]
_NAN = {"rca": 0, "rsca": 0, "export_value": 0, "density": 0, "distance": 0, "pci": 0, "cog": 0,
        "demand_growth": 107, "share_change": 107, "lac_demand_share": 0, "untapped_potential": 0,
        "backward_linkage": 36, "forward_linkage": 36}

LESSON = {
    "MEX": {
        "n_products": 1137, "criteria": _CRITERIA, "nan_counts": _NAN, "io_region": "MEX",
        # 8703 cars, Mexico's largest export: PCI normalised = (rank - 1) / (1137 - 1)
        "norm_demo_product": "8703", "norm_demo_pci": approx(0.8529929577464789, rel=1e-9),
        "n_pass": 190, "top_niche": "7508", "top_score": approx(0.8423033547605981, rel=1e-9),
        "top10": ["7508", "6909", "3206", "7320", "7609", "3926", "9018", "4016", "4009", "5502"],
        "top_niche_quadrant": "rising star",
        "robust_niches": ["7508", "6909", "3206", "7320"], "top_niche_share_top10": approx(0.995),
        "top_new_niche": "8483",
        "n_consolidate": 190, "top5_consolidate": ["0804", "9018", "0810", "0802", "2608"],
        "n_diversify": 947, "top5_diversify": ["8483", "8466", "7318", "8412", "8707"],
        # the markets table: 5 niches x 3 markets (each of the five best has at least three markets with potential)
        "n_markets_shown": 15,
    },
    "JAM": {
        "n_products": 1137, "criteria": _CRITERIA, "nan_counts": _NAN, "io_region": "BRA",
        # 2818 aluminium oxide (alumina), Jamaica's largest export
        "norm_demo_product": "2818", "norm_demo_pci": approx(0.29225352112676056, rel=1e-9),
        "n_pass": 67, "top_niche": "2207", "top_score": approx(0.7546261847522985, rel=1e-9),
        "top10": ["2207", "4011", "0207", "7020", "2309", "9701", "1702", "8548", "2202", "7310"],
        "top_niche_quadrant": "rising star",
        "robust_niches": ["4011", "0207", "2207", "2309"], "top_niche_share_top10": approx(0.96),
        "top_new_niche": "4911",
        "n_consolidate": 67, "top5_consolidate": ["2207", "0810", "8548", "9701", "0807"],
        "n_diversify": 1034, "top5_diversify": ["4911", "3921", "3209", "3214", "4415"],
        # the markets table: 5 niches x 3 markets (each of the five best has at least three markets with potential)
        "n_markets_shown": 15,
    },
}

EXERCISE = {
    "MEX": {"top_niche": "7017", "top_score": approx(0.9119718309859155, rel=1e-9), "n_dynamic": 83,
            "tenth": "8704", "share_top10": approx(0.57)},
    "JAM": {"top_niche": "7506", "top_score": approx(0.948650234741784, rel=1e-9), "n_dynamic": 35,
            "tenth": "2104", "share_top10": approx(0.655)},
}

EXPECTATIONS = {
    "lessons/11_niches.ipynb": {
        # focus: the country the model runs on (Jamaica for a country outside the complexity set)
        c: {"parameters": {"COUNTRY": c}, "expected": {**LESSON[c], "focus": c},
            # the Spanish edition labels the quadrant in Spanish (ECLAC's TradeCAN terms)
            "expected_es": {"top_niche_quadrant": "estrella naciente"}} for c in LESSON
    },
    "solutions/ex11/ex11.ipynb": {
        c: {"parameters": {"COUNTRY": c}, "expected": EXERCISE[c]} for c in EXERCISE
    },
}
