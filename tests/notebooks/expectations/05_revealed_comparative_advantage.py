"""Expected values of lesson L05 (lessons/05_revealed_comparative_advantage.ipynb) and exercise ex05, MEX and JAM.

Mexico (a large, diversified economy) and Jamaica (a small Caribbean one). Worked out from the raw files with the
``csv`` and ``math`` modules only (no pandas, no course_tools), by a throwaway script that:

* reads T17 = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv, keeps the reported values
  (``export_value_usd`` not empty/NA), sums them by (upper-cased reporter, product);
* world = all reporters; RCA_cp = (X_cp / X_c.) / (X_.p / X_..) for every product with X_.p > 0 (1222 products);
  LAC = rows of datasets/lac_country_groups/lac_country_groups.csv with eclac_member_state = 1 (33 countries);
  RCA against LAC = the same formula with the sums over those 33 countries only;
* threshold counts: #{RCA >= 1}, #{RCA > 1}, #{RCA == 1}, #{0.9 <= RCA <= 1.1}; groups: both / world only /
  region only / neither over the 1222 products (RCA against LAC of a product nobody in LAC exports = no advantage);
* shares s_p = X_cp / X_c.; HH = sum s^2; UNCTAD (sqrt(HH) - sqrt(1/n)) / (1 - sqrt(1/n)) and min-max
  (HH - 1/n) / (1 - 1/n) with n = 1222 distinct products of T17; entropy -sum s ln s; equivalent number 1/HH;
* Atlas values: columns diversity and hhi of datasets/trade_atlas_derived_panels_monicact/country_year_indicators.csv,
  year 2017 (``awk -F, '$1=="MEX" && $2==2017' ...``);
* Chile 2002: datasets/trade_ots_bilateral_chl_arg/chl_by_product_hs6_2002.csv summed by the first two digits of
  commodity_code; Lafay_k = 100 [(x_k - m_k)/(x_k + m_k) - B/T] (x_k + m_k)/T with B, T the totals of x - m and
  x + m; TBI_k = (x_k - m_k)/(x_k + m_k). (The Lafay index is linear, so chapter sums equal sums of HS6 indices.)

Cross-checks: n_exported (1205 MEX, 853 JAM) = ``awk -F, '$1=="mex" && $3!="" && $3!="NA"' T17 | wc -l``; the
top RCA product's Spanish name is the name_es of the 4digit row of datasets/classif_growthlab/hs92_atlas.csv.
BRA has the most products with RCA >= 1 among the 33 LAC countries (203; MEX 196).
"""
from __future__ import annotations

from pytest import approx

MEX = {
    "n_exported": 1205, "n_rca_world": 196, "n_band": 37,
    "top_rca_product": "8606", "top_rca": 18.693128703691485,
    "top_rca_name_es": "Vagones para transporte de mercancías sobre carriles (rieles).",
    "top_export": "8703", "top_export_rsca": 0.4199240318051734, "rsca_0901": -0.2774458317083014,
    "n_rca_lac": 486, "groups": {"both": 169, "world only": 27, "region only": 317, "neither": 709},
    "hhi": 0.029433642111257603, "hhi_unctad": 0.147165772438799, "hhi_minmax": 0.02863874746925208,
    "entropy": 4.570174362419987, "equivalent": 33.97472851711837,
    "atlas_diversity": 187, "atlas_hhi": 0.0309396339987704,
}
JAM = {
    "n_exported": 853, "n_rca_world": 110, "n_band": 9,
    "top_rca_product": "2818", "top_rca": 527.7051515689689,
    "top_rca_name_es": ("Corindón artificial, aunque no sea de constitución química definida; óxido de aluminio; "
                        "hidróxido de aluminio."),
    "top_export": "2818", "top_export_rsca": 0.996217173231498, "rsca_0901": 0.7982561299173203,
    "n_rca_lac": 158, "groups": {"both": 91, "world only": 19, "region only": 67, "neither": 1045},
    "hhi": 0.19602786652705387, "hhi_unctad": 0.4263399495047217, "hhi_minmax": 0.1953694126912857,
    "entropy": 2.7939107729212878, "equivalent": 5.10131553088137,
    "atlas_diversity": 105, "atlas_hhi": 0.212074388699809,
}
FACTS = {"MEX": MEX, "JAM": JAM}

# Chile 2002, the same for every COUNTRY (the only shipped basket with exports AND imports by product)
CHL2002 = {"top3": ["74", "26", "03"], "bottom": "84", "lafay74": 13.332743590623203, "tbi74": 0.9936659687772235}


def _lesson(f: dict) -> dict:
    return {
        "n_products_exported": f["n_exported"],
        "n_rca_world": f["n_rca_world"],
        "top_rca_product": f["top_rca_product"],
        "top_rca": approx(f["top_rca"], rel=1e-9),
        "top_export_product": f["top_export"],
        "top_export_rsca": approx(f["top_export_rsca"], rel=1e-9),
        # no product has RCA exactly 1: the >= and > rules count the same products
        "threshold_counts": {"n_ge": f["n_rca_world"], "n_gt": f["n_rca_world"], "n_equal": 0, "n_band": f["n_band"]},
        "n_rca_lac": f["n_rca_lac"],
        "rca_groups": f["groups"],
        "hhi": approx(f["hhi"], rel=1e-9),
        "hhi_unctad": approx(f["hhi_unctad"], rel=1e-9),
        "hhi_minmax": approx(f["hhi_minmax"], rel=1e-9),
        "entropy": approx(f["entropy"], rel=1e-9),
        "equivalent_number": approx(f["equivalent"], rel=1e-9),
        "atlas_diversity": f["atlas_diversity"],
        "atlas_hhi": approx(f["atlas_hhi"], rel=1e-12),
        "lac_most_diversified": "BRA",
        "n_lac_countries": 33,
        "chl2002_lafay_top": CHL2002["top3"],
        "chl2002_lafay_74": approx(CHL2002["lafay74"], rel=1e-9),
        "chl2002_tbi_74": approx(CHL2002["tbi74"], rel=1e-9),
        "chl2002_lafay_bottom": CHL2002["bottom"],
        "chl2002_lafay_sum": approx(0.0, abs=1e-9),
    }


def _ex05(f: dict) -> dict:
    return {
        "n_rca": f["n_rca_world"],
        "top_rca_product": f["top_rca_product"],
        "top_rca_name_es": f["top_rca_name_es"],
        "rsca_coffee": approx(f["rsca_0901"], rel=1e-9),
        "hhi_plain": approx(f["hhi"], rel=1e-9),
        "hhi_unctad": approx(f["hhi_unctad"], rel=1e-9),
        "n_rca_lac": f["n_rca_lac"],
    }


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/05_revealed_comparative_advantage.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _lesson(f)} for code, f in FACTS.items()
    },
    "solutions/ex05/ex05.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _ex05(f)} for code, f in FACTS.items()
    },
}
