"""Expected values of lesson L10 (lessons/10_territory.ipynb) and exercise ex10, for Reynosa and Jaumave.

The census extract is Mexico's (Tamaulipas), so the two cases are two municipalities of very different size:
Reynosa (a large, industrial border city: 258 386 persons employed in published cells in 2023) and Jaumave (a
small rural municipality: 1 473). Worked out WITHOUT course_tools by a plain script (csv module + arithmetic) from
datasets/subnational_mexico_inegi_ce_tamaulipas/SAIC_Exporta_clean.csv (blank cell = suppressed):

* cells: Tamaulipas municipality rows of 2023 (554), blank 'H001A Personal ocupado total' = suppressed (170);
* LQ = (e_ij / e_j) / (E_i / E): e over the municipality's published cells in sectors whose state (or national)
  total is published and > 0; E = the sum of those published totals ('28 Tamaulipas' / '00 Total Nacional' rows
  with an empty 'Municipio');
* Dunn 2003-2023: sectors with a published state total in both years; cells suppressed in either year dropped;
  absent cells = 0; regional shift = sum(r1 - r0 * n1/n0); Esteban-Marquillas with hat r0 = R0 n0 / N0,
  competitive = sum hat r0 (r1/r0 - n1/n0), allocation = sum (r0 - hat r0)(r1/r0 - n1/n0) over r0 > 0;
* productivity = 'A131A Valor agregado' * 1000 / employment (thousand MXN per person), sector 31-33;
* Krugman = sum over the published state sectors of |e_i/e - E_i/E| (municipality's published cells);
* candidates: LQ (state) >= 1.25, employment >= 100, r1 - r0 n1/n0 > 0, cell not suppressed in 2003; 80 pairs in
  Tamaulipas, 73 with LQ >= 1.5.
"""
from __future__ import annotations

from pytest import approx

STATE = {"n_municipalities": 43, "n_cells": 554, "n_suppressed": 170, "n_candidates_state": 80,
         "n_candidates_lq15": 73}
MUNICIPALITIES = {
    "Reynosa": {
        "municipality_suppressed": 3, "municipality_employment_published": approx(258_386.0),
        "top_lq_state_sector": "31-33", "top_lq_state": approx(1.5429064851962513, rel=1e-9),
        "top_lq_nation_sector": "31-33", "top_lq_nation": approx(2.355641313717297, rel=1e-9),
        "change": approx(120_507.0), "regional_shift": approx(44157.988366797894, rel=1e-9),
        "competitive_effect": approx(42271.15761147634, rel=1e-9),
        "allocation_effect": approx(1886.8307553215514, rel=1e-8),
        "productivity_manufacturing": approx(455.3700158470504, rel=1e-9),
        "krugman": approx(0.43335104115409223, rel=1e-9),
        "candidates": ["31-33", "51"],
    },
    "Jaumave": {
        "municipality_suppressed": 4, "municipality_employment_published": approx(1_473.0),
        "top_lq_state_sector": "72", "top_lq_state": approx(2.1349178576466015, rel=1e-9),
        "top_lq_nation_sector": "31-33", "top_lq_nation": approx(1.708348353841109, rel=1e-9),
        "change": approx(736.0), "regional_shift": approx(329.0356175731886, rel=1e-9),
        "competitive_effect": approx(343.9297583929033, rel=1e-9),
        "allocation_effect": approx(-14.894140819714773, rel=1e-8),
        "productivity_manufacturing": approx(155.30757341576506, rel=1e-9),
        "krugman": approx(0.45289902685363986, rel=1e-9),
        "candidates": ["46", "72"],
    },
}


def _ex10(m: str) -> dict:
    r = MUNICIPALITIES[m]
    return {"top_sector": r["top_lq_state_sector"], "top_lq": r["top_lq_state"],
            "n_suppressed": r["municipality_suppressed"], "regional_shift": r["regional_shift"],
            "candidates": r["candidates"]}


EXPECTATIONS = {
    "lessons/10_territory.ipynb": {
        m: {"parameters": {"COUNTRY": "MEX", "MUNICIPALITY": m, "CENSUS_YEAR": 2023},
            "expected": {**STATE, **MUNICIPALITIES[m]}} for m in MUNICIPALITIES
    },
    "solutions/ex10/ex10.ipynb": {
        m: {"parameters": {"COUNTRY": "MEX", "MUNICIPALITY": m}, "expected": _ex10(m)} for m in MUNICIPALITIES
    },
}
