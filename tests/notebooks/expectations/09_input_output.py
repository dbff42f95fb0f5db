"""Expected values of lesson L09 (lessons/09_input_output.ipynb) and exercise ex09, for BRA and MEX.

Input-output data exist only for Brazil (national tables) and for the regions of the 2000 world table, so
the two cases are the world table's regions BRA (a large, mostly domestic exporter) and MEX (an exporter
inside a North American value chain); the Brazil 2020 and IBGE values are the same for both.
Worked out WITHOUT course_tools by a plain script (openpyxl/xlrd + numpy) from the raw files:

* datasets/io_brazil_2020_51s/iom_br_2020.xlsx: Z = D6:BB56, names B6:B56, x = row 79, jobs = row 80;
  L = inv(I - Z/x); output multipliers = column sums of L; simple employment multipliers = (jobs/x) @ L;
  G = inv(I - Z/x[:, None]); BL = colsums(L)/mean, FL = rowsums(G)/mean (Ghosh) or rowsums(L)/mean
  (Leontief); key = BL > 1 and FL > 1; a class change = the 4-quadrant class differs. The only Z < 0 cell.
* datasets/io_brazil_ibge_tru/nivel_12_2000_2021_xls/12_tab{1,2}_2021.xls: V = sheet producao (products ×
  activities), U = sheet CI; gap of product 01 = oferta "Oferta total a preço de consumidor" (1 263 550) - its
  output (1 075 584); Model D: D = V'/q, Z = D U, A = Z/g, multipliers = column sums of inv(I - A).
* datasets/io_world_mrio_2000_26r23s/miom_world_2000.xlsx: Z = E7:WD604, final demand WF7:AAE604 (4 columns
  per region, regions in row order), value added row 606, x row 612, regions in column C; exports e = sales to
  other regions' industries and final demand; closed value-added coefficients v = 1 - colsums(Z/x) (value added
  + closing rows), or row 606 / x ("value added only"); FVA of REGION = sum over foreign rows of
  v * solve(I - Z/x, E_REGION); vs1 = REGION's rows of v * solve(I - Z/x, E_r) summed over the other regions r.
"""
from __future__ import annotations

from pytest import approx

BRAZIL = {
    "n_sectors": 51,
    "negative_cell": ["Accommodation and food services", "Livestock and fishing", approx(-0.151564046928634, rel=1e-9)],
    "top_output_multiplier_sector": "Petroleum refining and coke",
    "top_output_multiplier": approx(2.54560885932932, rel=1e-9),
    "top_employment_multiplier_sector": "Domestic services",
    "top_employment_multiplier": approx(92.79427985338131, rel=1e-9),
    "employment_multiplier_food": approx(15.1199729316542, rel=1e-9),
    "n_key_ghosh": 20, "n_key_leontief": 8, "n_class_changes": 19,
    "ibge_gap_agro": approx(187_966.0),
    "ibge_top_multiplier_sector": "03",
    "ibge_top_multiplier": approx(3.3539978906401844, rel=1e-9),
}
REGIONS = {
    "BRA": {"gross_exports": approx(63102.42393720283, rel=1e-9), "fva_share": approx(0.12712028535896056, rel=1e-8),
            "fva_share_value_added_only": approx(0.1255921825416335, rel=1e-8),
            "vs1_share": approx(0.20316525948083883, rel=1e-8),
            "top_fva_source": "ROW", "top_fva_source_share": approx(0.036422182188066934, rel=1e-8)},
    "MEX": {"gross_exports": approx(158549.11598145336, rel=1e-9), "fva_share": approx(0.3132670198601142, rel=1e-8),
            "fva_share_value_added_only": approx(0.3093658354168037, rel=1e-8),
            "vs1_share": approx(0.09087702336328778, rel=1e-8),
            "top_fva_source": "USA", "top_fva_source_share": approx(0.20263249862641447, rel=1e-8)},
}


def _ex09(region: str) -> dict:
    r = REGIONS[region]
    return {"top_sector": BRAZIL["top_output_multiplier_sector"], "top_multiplier": BRAZIL["top_output_multiplier"],
            "n_key": BRAZIL["n_key_ghosh"], "food_jobs": BRAZIL["employment_multiplier_food"],
            "fva_share": r["fva_share"], "top_source": r["top_fva_source"]}


EXPECTATIONS = {
    "lessons/09_input_output.ipynb": {
        reg: {"parameters": {"REGION": reg, "YEAR": 2021}, "expected": {**BRAZIL, **REGIONS[reg]}} for reg in REGIONS
    },
    "solutions/ex09/ex09.ipynb": {
        reg: {"parameters": {"REGION": reg}, "expected": _ex09(reg)} for reg in REGIONS
    },
}
