"""Fixtures of the niche methods' tests: the worked toys of METHODS-niches.md section E and tables
built from the shipped datasets (no other numbers).

E.1 (export potential, 2 exporters x 3 products x 3 markets, USD million) and E.2 (composite of
5 products x 3 criteria) are copied from ``../shared/METHODS-niches.md`` with the values printed
there, which were computed independently (Python 3.11.7, pandas 3.1.1) and are compared at 1e-4.
"""
from __future__ import annotations

import functools

import pandas as pd

# --------------------------------------------------------------------------------------------
# E.1: export potential toy
# --------------------------------------------------------------------------------------------
E1_ROWS = [  # exporter, market, product, value (USD m, 3-year average)
    ("A", "M1", "p1", 40), ("A", "M2", "p1", 10), ("A", "M3", "p1", 0),
    ("A", "M1", "p2", 5), ("A", "M2", "p2", 20), ("A", "M3", "p2", 6),
    ("A", "M1", "p3", 0), ("A", "M2", "p3", 2), ("A", "M3", "p3", 8),
    ("B", "M1", "p1", 20), ("B", "M2", "p1", 30), ("B", "M3", "p1", 30),
    ("B", "M1", "p2", 15), ("B", "M2", "p2", 10), ("B", "M3", "p2", 25),
    ("B", "M1", "p3", 10), ("B", "M2", "p3", 8), ("B", "M3", "p3", 2),
]
#: exporters' own imports (A imports 15 of p3, B imports 20 of p2)
E1_IMPORTS = [("A", "p1", 0), ("A", "p2", 0), ("A", "p3", 15), ("B", "p1", 0), ("B", "p2", 20), ("B", "p3", 0)]
E1_DIST = [("A", "M1", 1000), ("A", "M2", 3000), ("A", "M3", 8000),
           ("B", "M1", 6000), ("B", "M2", 2000), ("B", "M3", 1500)]

#: METHODS-niches E.1 output table: i j k v RCA s_ik v_jk delta e_ij EP UP realised e2_ij EP2 UP2 realised2
E1_EXPECTED = """
A M1 p1 40 1.0186 0.3846    60 0.5503 1.3210 16.7766 0.0000    2.3843 2.9867 37.9305 0.0000     1.0546
A M2 p1 10 1.0186 0.3846    40 0.7378 1.0596 12.0273 2.0273    0.8314 1.3921 15.8009 5.8009     0.6329
A M3 p1  0 1.0186 0.3846    30 0.1875 0.5236  1.1329 1.1329    0.0000 2.0500  4.4352 4.4352     0.0000
A M1 p2  5 1.0136 0.3827    20 0.2608 1.3210  2.6376 0.0000    1.8957 2.9867  5.9633 0.9633     0.8385
A M2 p2 20 1.0136 0.3827    30 0.8736 1.0596 10.6280 0.0000    1.8818 1.3921 13.9625 0.0000     1.4324
A M3 p2  6 1.0136 0.3827    31 0.2592 0.5236  1.6106 0.0000    3.7254 2.0500  6.3054 0.3054     0.9516
A M1 p3  0 0.8828 0.2222    10 0.1667 1.3210  0.4893 0.4893    0.0000 2.9867  1.1062 1.1062     0.0000
A M2 p3  2 0.8828 0.2222    10 0.7230 1.0596  1.7024 0.0000    1.1748 1.3921  2.2365 0.2365     0.8942
A M3 p3  8 0.8828 0.2222    10 0.7155 0.5236  0.8326 0.0000    9.6088 2.0500  3.2595 0.0000     2.4544
B M1 p1 20 0.9887 0.6154    60 0.3029 0.8045  8.9961 0.0000    2.2232 1.7484 19.5516 0.0000     1.0229
B M2 p1 30 0.9887 0.6154    40 0.9036 0.9638 21.4383 0.0000    1.3994 1.1288 25.1079 0.0000     1.1948
B M3 p1 30 0.9887 0.6154    30 1.0000 1.2877 23.7734 0.0000    1.2619 1.6741 30.9060 0.9060     0.9707
B M1 p2 15 0.9918 0.6173    20 0.6389 0.8045  6.3460 0.0000    2.3637 1.7484 13.7921 0.0000     1.0876
B M2 p2 10 0.9918 0.6173    30 0.7631 0.9638 13.6213 3.6213    0.7341 1.1288 15.9528 5.9528     0.6268
B M3 p2 25 0.9918 0.6173    31 0.7233 1.2877 17.8222 0.0000    1.4027 1.6741 23.1693 0.0000     1.0790
B M1 p3 10 1.0711 0.6667    10 1.0000 0.8045  5.3633 0.0000    1.8645 1.7484 11.6563 1.6563     0.8579
B M2 p3  8 1.0711 0.6667    10 0.9221 0.9638  5.9251 0.0000    1.3502 1.1288  6.9393 0.0000     1.1529
B M3 p3  2 1.0711 0.6667    10 0.2621 1.2877  2.2497 0.2497    0.8890 1.6741  2.9247 0.9247     0.6838
"""
E1_COLUMNS = ["exporter", "importer", "product", "v", "rca", "supply", "demand", "distance_factor", "e1", "ep1",
              "up1", "realised1", "e2", "ep2", "up2", "realised2"]


def e1_flows(year: int = 2017) -> pd.DataFrame:
    """E.1 flows as a tidy bilateral table (year, exporter, importer, product, value)."""
    d = pd.DataFrame(E1_ROWS, columns=["exporter", "importer", "product", "value"])
    d.insert(0, "year", year)
    d["value"] = d["value"].astype(float)
    return d


def e1_imports() -> pd.DataFrame:
    return pd.DataFrame(E1_IMPORTS, columns=["country", "product", "value"]).astype({"value": float})


def e1_distances() -> pd.DataFrame:
    return pd.DataFrame(E1_DIST, columns=["exporter", "importer", "dist"]).astype({"dist": float})


def e1_expected() -> pd.DataFrame:
    rows = [line.split() for line in E1_EXPECTED.strip().splitlines()]
    d = pd.DataFrame(rows, columns=E1_COLUMNS)
    for c in E1_COLUMNS[3:]:
        d[c] = d[c].astype(float)
    return d


# --------------------------------------------------------------------------------------------
# E.2: composite toy
# --------------------------------------------------------------------------------------------
def e2_criteria() -> pd.DataFrame:
    """5 products x 3 criteria, every criterion 'higher = better' (METHODS-niches E.2)."""
    return pd.DataFrame({
        "untapped_usd_m": [120, 30, 15, 10, 25],
        "density": [0.20, 0.55, 0.80, 0.35, 0.60],
        "demand_growth": [1.0, 6.0, 4.0, 12.0, 3.0],
    }, index=pd.Index(["P1", "P2", "P3", "P4", "P5"], name="product")).astype(float)


#: E.2 "Composite scores (equal weights)" for the geometric mean, on the positive scales of the toy.
E2_GEOM_SCORES = {
    "rank": [1.7100, 3.6342, 3.1072, 2.1544, 2.8845],
    "minmax": [4.6416, 37.1683, 24.8794, 13.7065, 26.4281],
    "zscore": [9.2917, 10.1157, 10.1843, 9.9994, 9.6849],
}
#: E.2 "Ranks (1 = best)" with equal weights, products P1..P5.
E2_RANKS = {
    ("rank", "arithmetic"): [5, 1, 2, 4, 3], ("rank", "geometric"): [5, 1, 2, 4, 3],
    ("minmax", "arithmetic"): [4, 3, 1, 2, 5], ("minmax", "geometric"): [5, 1, 3, 4, 2],
    ("zscore", "arithmetic"): [5, 3, 1, 2, 4], ("zscore", "geometric"): [5, 2, 1, 3, 4],
}
#: E.2 uncertainty analysis over 216 scenarios (nominal minmax/arithmetic, k = 2).
E2_SUMMARY = pd.DataFrame({
    "nominal_rank": [4, 3, 1, 2, 5],
    "median_rank": [5.0, 2.0, 2.0, 4.0, 3.0],
    "rank_p05": [1.0, 1.0, 1.0, 1.0, 2.0],
    "rank_p95": [5.0, 3.0, 4.0, 5.0, 5.0],
    "share_top_k": [0.2315, 0.7546, 0.5139, 0.3056, 0.2083],
    "mean_abs_shift": [1.2500, 1.1250, 1.3796, 1.7407, 1.6204],
}, index=pd.Index(["P1", "P2", "P3", "P4", "P5"], name="product"))
#: P1 ranked first: 33 of 216 scenarios, by normalisation/aggregation.
E2_P1_FIRST = {("minmax", "arithmetic"): 11, ("zscore", "arithmetic"): 10, ("zscore", "geometric"): 9,
               ("rank", "arithmetic"): 2, ("minmax", "geometric"): 1, ("rank", "geometric"): 0}


# --------------------------------------------------------------------------------------------
# shipped data: bilateral flows by product from the gravity table and the 2017 trade table
# --------------------------------------------------------------------------------------------
def proxy_bilateral_flows(trade: pd.DataFrame, gravity: pd.DataFrame, products: list[str]) -> pd.DataFrame:
    """Bilateral flows by product for ``products``, by proportional allocation of shipped tables.

    v_ijk = X_ik (exports of k by i, 2017 trade table) x F_ij / sum_j' F_ij' (i's 2006 bilateral
    flows, gravity table): each exporter sends the same share of every product to each partner as
    of its total exports (the assumption of ``methods.criteria.regional_demand_share``). Only the
    exporters present in both tables with positive total flows. Not observed data: a table with the
    shape of BACI, built from real totals, to test the methods on real magnitudes.
    """
    g = gravity[(gravity["exporter"] != gravity["importer"]) & (gravity["flow"] > 0)]
    tot = g.groupby("exporter")["flow"].sum()
    g = g.assign(w=g["flow"] / g["exporter"].map(tot))[["exporter", "importer", "w"]]
    x = trade[trade["product"].isin(products) & trade["country"].isin(tot.index)]
    x = x.dropna(subset=["export_value"])
    x = x[x["export_value"] > 0].rename(columns={"country": "exporter"})
    f = x.merge(g, on="exporter")
    return pd.DataFrame({"year": 2017, "exporter": f["exporter"], "importer": f["importer"],
                         "product": f["product"], "value": f["export_value"] * f["w"]})


def top_export_products(trade: pd.DataFrame, countries: list[str], n: int) -> list[str]:
    """The ``n`` largest export products of each country in the trade table (union, sorted)."""
    t = trade.dropna(subset=["export_value"])
    out: set[str] = set()
    for c in countries:
        out |= set(t[t["country"] == c].nlargest(n, "export_value")["product"])
    return sorted(out)



@functools.cache
def _criteria(country: str) -> pd.DataFrame:
    from course_tools.data.niche_inputs import niche_criteria
    return niche_criteria(country)


def criteria_of(country: str) -> pd.DataFrame:
    """``niche_criteria(country)`` from the shipped tables, built once per test process (a copy)."""
    t = _criteria(country)
    out = t.copy()
    out.attrs = dict(t.attrs)
    return out
