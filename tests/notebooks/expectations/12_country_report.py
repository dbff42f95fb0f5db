"""Expected values of lesson L12, the country report (lessons/12_country_report.ipynb): MEX, PER (in Spanish), JAM.

Three kinds of country: a large diversified economy (Mexico), a mining economy (Peru, run with LANG="es") and a
small Caribbean one (Jamaica). Worked out WITHOUT course_tools and without pandas by a throwaway script (csv module,
math.fsum, numpy, scipy.stats.rankdata) from the raw files
T17/T80 = datasets/trade_ots_economiccomplexity/world_trade_{2017,1980}_hs07_4d.csv (empty/NA = not reported),
G = datasets/lac_country_groups/lac_country_groups.csv (eclac_member_state = 1: 33 countries),
GR = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv (iso_o, iso_d, flow),
PY = datasets/trade_atlas_derived_panels_monicact/product_year_indicators.csv,
CC = datasets/country_codes_datahub/country-codes.csv (UNTERM English/Spanish Short, article "(el)" dropped).
The script:

* export profile: the country's reported values of T17 by product_code (all positive): their sum, count, the five
  largest (ties by code) and the largest / sum; n_rows_not_reported = rows of the country with an empty value;
* RCA = (X_cp/X_c.)/(X_.p/X_..) over all 224 reporters (products with world exports > 0); against LAC the same with
  the sums over the 33 LAC countries; top RCA products: exported, share >= 0.001, by RCA (ties: larger exports);
* LAC partners: GR flows with iso_o = country, iso_d != country, summed by iso_d; the LAC ones by flow (ties by
  code); share = their sum / all the country's flows;
* competitiveness matrix 1980-2017 (METHODS.md 4.1): world = all reporters, products with X80 + X17 > 0,
  "no demand" if the world value is 0 in a year, else dw = M1_p/M1 - M0_p/M0, dms = X1_p/M1_p - X0_p/M0_p,
  positive = > 0;
* complexity (Growth Lab cleaning, py-ecomplexity conventions): reporters with total >= 1e9 and not in the
  non-country list (ATA BVT HMD ATF IOT SGS UMI ...); products 7108/9999 dropped, then least traded (ascending
  cumulative share <= 0.00025), 1/HHI of exporter shares <= 2, ubiquity (RCA >= 1 count) <= 2: 153 x 1137;
  M = RCA >= 1; ECI = standardised (ddof 0) eigenvector of the 2nd largest eigenvalue of (M/d)(M/u)', sign so that
  corr(ECI, d) > 0; ranks = 1 + number of countries (LAC ones for the LAC rank) with a higher ECI (10 decimals);
  phi = M'M / max(u_p, u_p') (diagonal 1), density = M phi / column sums of phi; opportunities = products with
  M = 0 by density (ties by code). The ECI and ranks of MEX and JAM equal those of tests/notebooks/expectations/08_complexity.py;
* niches with the report's defaults (weight 0.2 on rca, density, pci, demand_growth, lac_demand_share; screen
  RCA >= 0.5) over the 1137 products: each criterion to (average rank - 1)/(n - 1) over the products that have it
  (missing = 0); rca as above; pci ranks = ranks of (M/u)' ECI (PCI is a positive affine map of it);
  demand_growth = 100 (V23_p/V23 - V95_p/V95) from PY (missing for codes not in PY);
  lac_demand_share = sum_e s_e X_ep / sum_e X_ep over the exporters e of GR with flows, s_e = e's flows to LAC /
  e's flows; score = sum of 0.2 x normalised values; the top five passing products by score (ties by code).
Not asserted (no independent derivation): the robust niches of the sensitivity analysis (random draws).
"""
from __future__ import annotations

from pytest import approx

R = 1e-9
ORDER = ("rising star", "declining star", "missed opportunity", "retreat", "no demand")

MEX = {
    "country_name": "Mexico",
    "total_exports_usd": 482_218_551_060.0, "n_products_exported": 1205,
    "top5_products": ["8703", "8708", "8471", "8704", "8517"], "top_product_share": 0.0992432542481042,
    "n_rca_world": 196, "n_rca_lac": 486, "top5_rca_products": ["8606", "2203", "0804", "0702", "2607"],
    "top5_lac_partners": ["COL", "VEN", "BRA", "ARG", "GTM"], "lac_share_of_exports": 0.048133426609663583,
    "quadrants": (284, 525, 66, 220, 116),
    "eci": 1.0163378449026392, "eci_rank_lac": 1, "eci_rank_world": 28,
    "top5_opportunities": ["0809", "7404", "4105", "1211", "0711"],
    "n_niche_passing": 357, "top5_niches": ["9018", "8481", "9026", "8526", "9021"],
    "n_rows_not_reported": 14,
}
PER = {
    "country_name": "Perú",
    "total_exports_usd": 49_143_009_903.0, "n_products_exported": 1157,
    "top5_products": ["2603", "7108", "2710", "2608", "7403"], "top_product_share": 0.25417697863145067,
    "n_rca_world": 155, "n_rca_lac": 239, "top5_rca_products": ["2301", "2603", "1504", "2608", "2607"],
    "top5_lac_partners": ["CHL", "BRA", "COL", "MEX", "VEN"], "lac_share_of_exports": 0.19961534007268406,
    "quadrants": (206, 428, 136, 298, 111),
    "eci": -0.594204348524345, "eci_rank_lac": 19, "eci_rank_world": 107,
    "top5_opportunities": ["2709", "6305", "5201", "1701", "1301"],
    "n_niche_passing": 210, "top5_niches": ["2603", "2616", "2607", "2613", "0804"],
    "n_rows_not_reported": 55,
}
JAM = {
    "country_name": "Jamaica",
    "total_exports_usd": 1_699_596_755.0, "n_products_exported": 853,
    "top5_products": ["2818", "2710", "2606", "2208", "0714"], "top_product_share": 0.40842262139998026,
    "n_rca_world": 110, "n_rca_lac": 158, "top5_rca_products": ["2818", "2606", "2205", "0714", "2521"],
    "top5_lac_partners": ["VEN", "TTO", "DOM", "MEX", "ATG"], "lac_share_of_exports": 0.04562396448518841,
    "quadrants": (148, 256, 156, 282, 85),
    "eci": -0.33662396554887514, "eci_rank_lac": 13, "eci_rank_world": 91,
    "top5_opportunities": ["0804", "1207", "0803", "0303", "0708"],
    "n_niche_passing": 124, "top5_niches": ["2106", "8805", "9701", "7506", "7112"],
    "n_rows_not_reported": 302,
}
FACTS = {"MEX": MEX, "PER": PER, "JAM": JAM}
LANGS = {"MEX": "en", "PER": "es", "JAM": "en"}
SPANISH_NAMES = {"MEX": "México", "PER": "Perú", "JAM": "Jamaica"}


def expected(f: dict) -> dict:
    """Every value the report records for a country with full data (n_robust_niches is matched as any int)."""
    return {
        "country_name": f["country_name"],
        "thin": False,
        "total_exports_usd": approx(f["total_exports_usd"], rel=R),
        "n_products_exported": f["n_products_exported"],
        "top5_products": f["top5_products"],
        "top_product_share": approx(f["top_product_share"], rel=R),
        "n_rca_world": f["n_rca_world"],
        "n_rca_lac": f["n_rca_lac"],
        "top5_rca_products": f["top5_rca_products"],
        "top5_lac_partners": f["top5_lac_partners"],
        "lac_share_of_exports": approx(f["lac_share_of_exports"], rel=R),
        "quadrant_counts": dict(zip(ORDER, f["quadrants"])),
        "eci": approx(f["eci"], rel=1e-6),
        "eci_rank_lac": f["eci_rank_lac"],
        "n_lac_ranked": 25,
        "eci_rank_world": f["eci_rank_world"],
        "top5_opportunities": f["top5_opportunities"],
        "n_niche_products": 1137,
        "n_niche_passing": f["n_niche_passing"],
        "top5_niches": f["top5_niches"],
        "n_robust_niches": AnyCount(),
        "n_rows_not_reported": f["n_rows_not_reported"],
        "n_sources": 8,
    }


class AnyCount:
    """Matches any whole number >= 0 (the robust niches come from random draws: no independent value)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, int) and not isinstance(other, bool) and other >= 0

    def __repr__(self) -> str:
        return "a whole number >= 0"


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/12_country_report.ipynb": {
        code: {"parameters": {"COUNTRY": code, "LANG": LANGS[code]}, "expected": expected(f),
               # the Spanish edition names the country in Spanish (CC, UNTERM Spanish Short)
               "expected_es": {"country_name": SPANISH_NAMES[code]}}
        for code, f in FACTS.items()
    },
}
