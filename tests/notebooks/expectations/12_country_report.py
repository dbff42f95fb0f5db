"""Expected values of lesson L12, the country report (lessons/12_country_report.ipynb): MEX, PER (in Spanish), JAM.

Three kinds of country: a large diversified economy (Mexico), a mining economy (Peru, run with LANG="es") and a
small Caribbean one (Jamaica). Worked out WITHOUT course_tools by a throwaway script (pandas, numpy, scipy.stats
rankdata and py-ecomplexity, an independent implementation of density, PCI and COG) from the raw files
T17/T80 = datasets/trade_ots_economiccomplexity/world_trade_{2017,1980}_hs07_4d.csv (empty/NA = not reported),
G = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv (iso_o, iso_d, flow, distw; its old codes ROM,
ZAR, YUG read as ROU, COD, SRB), GROUPS = datasets/lac_country_groups/lac_country_groups.csv (eclac_member_state = 1:
33 countries), CC = datasets/country_codes_datahub/country-codes.csv (names). The script:

* export profile: the country's reported values of T17 (all positive): their sum, count, the five largest (ties by
  code), the largest / sum; primary share = the products of HS chapters 01-27 and 71 / sum; not reported = the
  country's rows of T17 with an empty value;
* the products of the analysis: the Growth Lab cleaning of T17 (reporters with total >= 1e9 and not an aggregate or
  uninhabited code; products 7108/9999 out, then on the kept table: the least traded (ascending cumulative share
  <= 0.00025), 1/HHI of exporter shares <= 2, ubiquity (RCA >= 1 count) <= 2): 1137 products;
* RCA = (X_cp/X_c.)/(X_.p/X_..) over every reporter of T17: n_rca = products of the analysis with RCA >= 1;
* ECI: py-ecomplexity on the cleaned table; ranks = 1 + number of countries (LAC ones) with a higher ECI;
* LAC share: G flows with iso_o = country, iso_d != country; the LAC ones / all; partners by flow;
* dynamics over ONE window, 1980-2017: g_p = 100 ((W17_p/W80_p)^(1/37) - 1) (W = world sums of T17/T80),
  world growth = the same on the totals (6.4041 % a year); dms_p = 100 (X17_cp/W17_p - X80_cp/W80_p), NaN where
  W80_p = 0; quadrants: dynamic = g_p > world growth, gain = dms_p > 0 (ECLAC TradeCAN);
* consolidate: RCA >= 1 and exports >= USD 1 million; score = mean of four rank normalisations over the 1137
  products, (average rank - 1)/(n - 1), missing = 0: untapped potential, g, dms, LAC demand share. Untapped
  potential: the ITC-style potential (F2) of the proportional-allocation proxy, every exporter's 2017 exports spread
  with its 2006 shares of G (exporters without flows: the import shares of the table), in matrix form: imports
  M = S'X, capacity min(1, X/M), supply = share x capacity, distance factor exp(-|mean log distance of the market's
  suppliers - log distance|), ease of trade = bilateral total / sum of supply x demand x distance factor, untapped
  = sum over markets of max(potential - actual, 0). LAC demand share (proxy) = sum_e s_e X_ep / sum_e X_ep with
  s_e = e's 2006 flows to LAC / e's flows;
* diversify: RCA < 1; score = 0.50 n(density) + 0.15 n(PCI) + 0.35 n(COG) with n = (clip(z, -3, 3) + 3) / 6, z over
  the 1137 products (sd with n - 1), density/PCI/COG from py-ecomplexity; the top five by score (ties by code).
Not asserted (no independent derivation of random draws): the number of robust niches of each list (checked by a
brute-force recount in tests/methods/test_niche_lists.py) and which choice moves each list most (one of the five).
"""
from __future__ import annotations

from pytest import approx

R = 1e-9

MEX = {
    "country_name": "Mexico",
    "total_exports_usd": 482_218_551_060.0, "n_products_exported": 1205,
    "top5_products": ["8703", "8708", "8471", "8704", "8517"], "top_product_share": 0.0992432542481042,
    "n_rows_not_reported": 14, "n_rca": 190, "primary_share": 0.15937212007307797,
    "eci": 1.0163378449026386, "eci_rank_lac": 1, "eci_rank_world": 28,
    "lac_share_of_exports": 0.048133426609663583, "top5_lac_partners": ["COL", "VEN", "BRA", "ARG", "GTM"],
    "quadrants": {"rising star": 277, "declining star": 493, "missed opportunity": 63, "retreat": 197,
                  "no data": 107},
    "n_consolidate": 190, "top5_consolidate": ["0804", "9018", "0810", "0802", "2608"],
    "n_diversify": 947, "top5_diversify": ["8483", "8466", "7318", "8412", "8707"],
    "io": "mrio",
}
PER = {
    "country_name": "Perú",
    "total_exports_usd": 49_143_009_903.0, "n_products_exported": 1157,
    "top5_products": ["2603", "7108", "2710", "2608", "7403"], "top_product_share": 0.25417697863145067,
    "n_rows_not_reported": 55, "n_rca": 143, "primary_share": 0.8239815465500833,
    "eci": -0.5942043485243456, "eci_rank_lac": 19, "eci_rank_world": 107,
    "lac_share_of_exports": 0.19961534007268406, "top5_lac_partners": ["CHL", "BRA", "COL", "MEX", "VEN"],
    "quadrants": {"rising star": 202, "declining star": 404, "missed opportunity": 138, "retreat": 286,
                  "no data": 107},
    "n_consolidate": 143, "top5_consolidate": ["2603", "0804", "2207", "0810", "3203"],
    "n_diversify": 994, "top5_diversify": ["4106", "3908", "8483", "6805", "4008"],
    "io": "mrio_proxy",
}
JAM = {
    "country_name": "Jamaica",
    "total_exports_usd": 1_699_596_755.0, "n_products_exported": 853,
    "top5_products": ["2818", "2710", "2606", "2208", "0714"], "top_product_share": 0.40842262139998026,
    "n_rows_not_reported": 302, "n_rca": 103, "primary_share": 0.4923883665569837,
    "eci": -0.3366239655488749, "eci_rank_lac": 13, "eci_rank_world": 91,
    "lac_share_of_exports": 0.045623964485188406, "top5_lac_partners": ["VEN", "TTO", "DOM", "MEX", "ATG"],
    "quadrants": {"rising star": 143, "declining star": 244, "missed opportunity": 197, "retreat": 446,
                  "no data": 107},
    "n_consolidate": 67, "top5_consolidate": ["2207", "0810", "8548", "9701", "0807"],
    "n_diversify": 1034, "top5_diversify": ["4911", "3921", "3209", "3214", "4415"],
    "io": "mrio_proxy",
}
FACTS = {"MEX": MEX, "PER": PER, "JAM": JAM}
LANGS = {"MEX": "en", "PER": "es", "JAM": "en"}
SPANISH_NAMES = {"MEX": "México", "PER": "Perú", "JAM": "Jamaica"}
DIMENSIONS = ("normalisation", "aggregation", "criteria", "thresholds", "weights")


class AnyCount:
    """Matches any whole number from 0 to k (the robust niches come from random draws: no independent value)."""

    def __init__(self, k: int = 10) -> None:
        self.k = k

    def __eq__(self, other: object) -> bool:
        return isinstance(other, int) and not isinstance(other, bool) and 0 <= other <= self.k

    def __repr__(self) -> str:
        return f"a whole number from 0 to {self.k}"


class OneOf:
    """Matches one of the given values (which choice moves a list most: computed, not derived independently)."""

    def __init__(self, values) -> None:
        self.values = tuple(values)

    def __eq__(self, other: object) -> bool:
        return other in self.values

    def __repr__(self) -> str:
        return f"one of {self.values}"


def expected(f: dict) -> dict:
    """Every value the report records for a country with full data on the shipped tables."""
    return {
        "country_name": f["country_name"], "thin": False, "year": 2017, "window": [1980, 2017],
        "total_exports_usd": approx(f["total_exports_usd"], rel=R),
        "n_products_exported": f["n_products_exported"], "top5_products": f["top5_products"],
        "top_product_share": approx(f["top_product_share"], rel=R),
        "n_rows_not_reported": f["n_rows_not_reported"], "n_sources": 7,
        "n_products": 1137, "n_rca": f["n_rca"], "primary_share": approx(f["primary_share"], rel=R),
        "eci": approx(f["eci"], rel=1e-6), "eci_rank_lac": f["eci_rank_lac"], "n_lac_ranked": 25,
        "eci_rank_world": f["eci_rank_world"],
        "lac_share_of_exports": approx(f["lac_share_of_exports"], rel=R), "top5_lac_partners": f["top5_lac_partners"],
        "quadrant_counts_analysis": f["quadrants"],
        "n_consolidate": f["n_consolidate"], "top5_consolidate": f["top5_consolidate"],
        "n_robust_consolidate": AnyCount(), "most_influential_consolidate": OneOf(DIMENSIONS),
        "n_diversify": f["n_diversify"], "top5_diversify": f["top5_diversify"],
        "n_robust_diversify": AnyCount(), "most_influential_diversify": OneOf(DIMENSIONS),
        "weights_used": {"consolidate": "default", "diversify": "default"},
        "sources": {"lac_demand": "proxy", "potential": "proxy", "linkages": f["io"], "dynamics": "window"},
    }


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/12_country_report.ipynb": {
        code: {"parameters": {"COUNTRY": code, "LANG": LANGS[code]}, "expected": expected(f),
               # the Spanish edition names the country in Spanish (CC, UNTERM Spanish Short)
               "expected_es": {"country_name": SPANISH_NAMES[code]}}
        for code, f in FACTS.items()
    },
}
