"""Expected values of lesson L07 (lessons/07_dynamics.ipynb) and exercise ex07, for MEX and JAM.

A large diversified economy (Mexico) and a small Caribbean one (Jamaica). Worked out WITHOUT course_tools
(and without pandas) by a plain-Python script with the csv module, from the raw files
T62/T80/T17 = datasets/trade_ots_economiccomplexity/world_trade_{1962,1980,2017}_hs07_4d.csv,
PY = datasets/trade_atlas_derived_panels_monicact/product_year_indicators.csv,
CY = datasets/trade_atlas_derived_panels_monicact/country_year_indicators.csv,
H = datasets/concordances_kim/hs3_desc.csv, G = datasets/lac_country_groups/lac_country_groups.csv.
The script:

* reads every row of a trade file (reporter upper-cased, 1962 'rom' -> 'ROU'; empty/NA = 0);
* world market of product p = sum over all reporters; X = the country's rows; M = sum of the world;
* keeps the products with X0 + X1 > 0; "no demand" if M0_p = 0 or M1_p = 0; else
  dw = M1_p/M1 - M0_p/M0, dms = X1_p/M1_p - X0_p/M0_p, positive means > tol (tol = 0, or 1e-5 for
  the "|change| > 0.001 pp" column); quadrants as in METHODS.md section 4.1;
* top-5 lists: products of the quadrant sorted by 2017 exports (descending);
* CMS: reference W = all reporters except the country (whole world for the "whole_world" value);
  r = sum W1 / sum W0 - 1; composition = sum_i r_i X0_i - r X0; competitiveness = X1 - X0 - sum_i r_i X0_i;
* demand 1995-2023: weight of each PY product in the sum of world_export_value of the year; count dw > 0
  and the top 5 by dw; HS92 codes of PY that are not 4-digit codes of H;
* LAC = rows of G with eclac_member_state = 1; missing in 1962 = not a reporter of T62
  (ATG, GRD, KNA, LCA, VCT);
* ECI and diversity: the eci/diversity fields of CY for 1995 and 2023.
"""
from __future__ import annotations

from pytest import approx

ORDER = ("rising star", "declining star", "missed opportunity", "retreat", "no demand")


#: The quadrants as the Spanish edition names them (ECLAC's terms); the counts are the same.
ORDER_ES = ("estrella naciente", "estrella menguante", "oportunidad perdida", "retirada", "sin demanda")


def _counts(*n: int) -> dict:
    return dict(zip(ORDER, n))


def _in_spanish(counts: dict) -> dict:
    return dict(zip(ORDER_ES, counts.values()))


MEX = {
    "n_products_matrix": 1211, "counts": _counts(284, 525, 66, 220, 116),
    "rising_star_share_2017": 0.4994789851977952,
    "top_rising_stars": ["8708", "8471", "8528", "8544", "9018"],
    "top_missed_opportunities": ["8517", "2603", "8507", "8541", "8473"],
    "largest_missed_value": 21_650_352_440.0,
    "cms": {"world_growth": 171_740_925_441.6659, "commodity_composition": -54_566_579_661.32942,
            "competitiveness": 345_523_007_372.6635, "total_change": 462_697_353_153.0},
    "cms_competitiveness_whole_world": 346_470_997_375.3462,
    "eci_1995": 0.830200591817211, "eci_2023": 0.93951504614728, "diversity_1995": 262, "diversity_2023": 177,
    "counts_1962": _counts(271, 506, 41, 166, 230), "counts_tol": _counts(257, 532, 63, 243, 116),
}
JAM = {
    "n_products_matrix": 927, "counts": _counts(148, 256, 156, 282, 85),
    "rising_star_share_2017": 0.0812559765095574,
    "top_rising_stars": ["2203", "1905", "2202", "2309", "2207"],
    "top_missed_opportunities": ["9999", "2103", "2008", "8517", "2009"],
    "largest_missed_value": 29_494_010.0,
    "cms": {"world_growth": 13_589_475_843.620306, "commodity_composition": -7_315_678_103.417553,
            "competitiveness": -6_092_858_027.202753, "total_change": 180_939_713.0},
    "cms_competitiveness_whole_world": -5_259_531_294.091422,
    "eci_1995": -0.813664210889101, "eci_2023": -0.31170701531367, "diversity_1995": 88, "diversity_2023": 103,
    "counts_1962": _counts(211, 275, 46, 190, 179), "counts_tol": _counts(41, 89, 242, 470, 85),
}
FACTS = {"MEX": MEX, "JAM": JAM}


def _lesson(f: dict) -> dict:
    return {
        "n_headings_without_1980_trade": 116,
        "n_products_matrix": f["n_products_matrix"],
        "quadrant_counts": f["counts"],
        "rising_star_share_2017": approx(f["rising_star_share_2017"], rel=1e-9),
        "top_rising_stars": f["top_rising_stars"],
        "top_missed_opportunities": f["top_missed_opportunities"],
        "cms": approx(f["cms"], rel=1e-9),
        "cms_competitiveness_whole_world": approx(f["cms_competitiveness_whole_world"], rel=1e-9),
        "n_dynamic_products_1995_2023": 393,
        "top_dynamic_products_1995_2023": ["8525", "2709", "7108", "2710", "2711"],
        "n_hs92_codes_not_in_hs07": 35,
        "eci_1995": approx(f["eci_1995"], rel=1e-12),
        "eci_2023": approx(f["eci_2023"], rel=1e-12),
        "diversity_1995": f["diversity_1995"],
        "diversity_2023": f["diversity_2023"],
        "n_lac_missing_1962": 5,
        "window_counts": {"1980–2017": f["counts"], "1962–2017": f["counts_1962"],
                          "1980–2017, |change| > 0.001 pp": f["counts_tol"]},
    }


def _lesson_es(f: dict) -> dict:
    """The values of the Spanish edition that are names in Spanish (quadrants and the third window)."""
    return {
        "quadrant_counts": _in_spanish(f["counts"]),
        "window_counts": {"1980–2017": _in_spanish(f["counts"]), "1962–2017": _in_spanish(f["counts_1962"]),
                          "1980–2017, |cambio| > 0.001 p.p.": _in_spanish(f["counts_tol"])},
    }


def _ex07(f: dict) -> dict:
    return {
        "n_products_matrix": f["n_products_matrix"],
        "n_rising_stars": f["counts"]["rising star"],
        "largest_missed": f["top_missed_opportunities"][0],
        "largest_missed_value": approx(f["largest_missed_value"], rel=1e-12),
        "competitiveness_effect": approx(f["cms"]["competitiveness"], rel=1e-9),
        "eci_change": approx(f["eci_2023"] - f["eci_1995"], rel=1e-9),
    }


EXPECTATIONS = {
    "lessons/07_dynamics.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _lesson(f), "expected_es": _lesson_es(f)}
        for code, f in FACTS.items()
    },
    "solutions/ex07/ex07.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _ex07(f)} for code, f in FACTS.items()
    },
}
