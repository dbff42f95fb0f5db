"""Expected values of lesson L06 (lessons/06_interdependence.ipynb) and exercise ex06, for MEX and JAM.

Two countries of different kinds: a large diversified economy (Mexico) and a small Caribbean one (Jamaica).
Worked out from the raw files with Python's ``csv`` module and ``math.fsum`` only (no pandas, no course_tools):
G = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv (columns iso_o, iso_d, flow),
L = datasets/lac_country_groups/lac_country_groups.csv (0/1 membership columns),
T = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv,
B = datasets/trade_ots_bilateral_chl_arg/bilateral_chl_arg_hs6_{2002,2004}.csv.

* Flows: sum ``flow`` by (iso_o, iso_d) for iso_o != iso_d. X_i = row sums, M_j = column sums, M_w = total
  (166 countries; the LAC states of L absent from G are BHS, BRB, CUB).
* TII(i, j) = (x_ij / X_i) / (M_j / M_w) for the 29 LAC partners j in G; ESCAP: M_j / (M_w - M_i).
  Ranked by TII descending; "intense" = TII > 1; LAC share = sum_j x_ij / X_i.
* Blocs (export version): s = X_RR / X_R, I = s / (M_R / M_w), E = (1 - s) / (1 - M_R / M_w),
  introversion = (I - E) / (I + E); members from L (columns mercosur_state_party, andean_community_can,
  caricom_member, sica_member, pacific_alliance), members absent from G skipped; Mercosur 2006 = ARG BRA PRY URY.
* Export similarity: shares of each reporter's reported 2017 exports by product_code in T,
  100 * sum_k min(s_ak, s_bk), for every ECLAC member other than the country (all 33 report in 2017).
* Complementarity with world demand (proxy): m_k = share of product k in the sum of all reported exports of T;
  100 * (1 - 0.5 * sum_k |m_k - x_k|).
* Grubel-Lloyd: per commodity_code (first 6/4/2 digits) X = sum trade_value_usd_exp, M = sum trade_value_usd_imp,
  products with X + M > 0; GL = (sum(X+M) - sum|X-M|) / sum(X+M); adjusted divides by sum(X+M) - |sum X - sum M|.
  Two-way products 2004: HS6 with X + M >= 1e6 and GL_k >= 0.5 (29 of 347), top three by GL_k.
A throwaway script following exactly these steps printed the numbers below.
"""
from __future__ import annotations

from pytest import approx

R = 1e-9

# Country-independent values (2006 flows; Chile-Argentina HS6).
BLOC_INTROVERSION = {
    "MERCOSUR (2006 members)": 0.8535355895861476,
    "MERCOSUR (today's members)": 0.8226707085796944,
    "CAN": 0.9022580422425293,
    "CARICOM": 0.9710467634473233,
    "SICA": 0.9250796902529752,
    "Pacific Alliance": 0.05385326780893918,
}
BLOC_INTRA_SHARE = {
    "MERCOSUR (2006 members)": 0.13793364349446716,
    "MERCOSUR (today's members)": 0.13969765378890941,
    "CAN": 0.08482798002564879,
    "CARICOM": 0.0961664967568414,
    "SICA": 0.14752518670026551,
    "Pacific Alliance": 0.03264655838224505,
}
#: The blocs as the Spanish edition names them (lessons.l06.* in the catalogue); the numbers are the same.
SPANISH_BLOCS = {"MERCOSUR (2006 members)": "MERCOSUR (miembros en 2006)",
                 "MERCOSUR (today's members)": "MERCOSUR (miembros actuales)",
                 "Pacific Alliance": "Alianza del Pacífico"}


def _in_spanish(by_bloc: dict) -> dict:
    return {SPANISH_BLOCS.get(k, k): v for k, v in by_bloc.items()}


GL = {"2002": 0.042100262382250335, "2004": 0.0609196804417411}
GL_ADJ = {"2002": 0.29550959865315574, "2004": 0.3100731703746597}
GL_2004_LEVELS = {"6": 0.0609196804417411, "4": 0.08368178975338433, "2": 0.14922991181880257}

FACTS = {
    "MEX": {
        "top5": ["NIC", "BLZ", "GTM", "COL", "SLV"], "top_tii": 6.50356204780276, "top_escap": 6.355433056942861,
        "n_intense": 13, "lac_share": 0.04813342660966358,
        "sim_top": "BRA", "sim_top_value": 28.987591402257205, "tc_world": 54.785203059681585,
        "partner": "BRA", "sim_partner": 28.987591402257205,
    },
    "JAM": {
        "top5": ["DMA", "KNA", "BLZ", "GRD", "LCA"], "top_tii": 43.09172443271818, "top_escap": 43.07146036365839,
        "n_intense": 13, "lac_share": 0.045623964485188434,
        "sim_top": "LCA", "sim_top_value": 29.84873125564565, "tc_world": 16.125061377782202,
        "partner": "TTO", "sim_partner": 19.80534610886079,
    },
}


def _lesson(f: dict) -> dict:
    return {
        "n_countries_gravity": 166,
        "lac_missing": ["BHS", "BRB", "CUB"],
        "top5_lac_partners": f["top5"],
        "top_lac_intensity": approx(f["top_tii"], rel=R),
        "top_lac_intensity_escap": approx(f["top_escap"], rel=R),
        "n_intense_lac_partners": f["n_intense"],
        "lac_share_of_exports": approx(f["lac_share"], rel=R),
        "heatmap_shape": [30, 30],
        "bloc_introversion": approx(BLOC_INTROVERSION, rel=R),
        "bloc_intra_share": approx(BLOC_INTRA_SHARE, rel=R),
        "caricom_missing": "BHS, BRB, MSR",
        "most_similar_partner": f["sim_top"],
        "most_similar_value": approx(f["sim_top_value"], rel=R),
        "complementarity_world": approx(f["tc_world"], rel=R),
        "gl_hs6": approx(GL, rel=R),
        "gl_hs6_adjusted": approx(GL_ADJ, rel=R),
        "gl_2004_by_level": approx(GL_2004_LEVELS, rel=R),
        "n_two_way_products_2004": 29,
        "top_two_way_products_2004": ["420222", "481810", "480524"],
    }


def _ex06(f: dict) -> dict:
    return {
        "top_partner": f["top5"][0],
        "top_tii": approx(f["top_tii"], rel=R),
        "gl_2004": approx(GL["2004"], rel=R),
        "gl_2004_adj": approx(GL_ADJ["2004"], rel=R),
        "mercosur_introversion": approx(BLOC_INTROVERSION["MERCOSUR (2006 members)"], rel=R),
        "similarity": approx(f["sim_partner"], rel=R),
    }


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/06_interdependence.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": _lesson(f),
               "expected_es": {"bloc_introversion": approx(_in_spanish(BLOC_INTROVERSION), rel=R),
                               "bloc_intra_share": approx(_in_spanish(BLOC_INTRA_SHARE), rel=R)}}
        for code, f in FACTS.items()
    },
    "solutions/ex06/ex06.ipynb": {
        code: {"parameters": {"COUNTRY": code, "PARTNER": f["partner"]}, "expected": _ex06(f)}
        for code, f in FACTS.items()
    },
}
