"""The filled examples of datasets/templates/, made from shipped tables (run from the repository root to rebuild).

    .venv/bin/python -m tests.data.template_examples

- ``io_table_example_brazil_2020.csv``: ``data.load_io_brazil_2020()`` (CECEG/UFES from IBGE, 51 sectors,
  R$ million, jobs) in the layout of ``io_table_template.csv``: Z, the seven final demand columns,
  output; rows imports, taxes, margins, value_added, employment;
- ``io_mapping_example_brazil_2020.csv``: each of the 51 sectors -> ISIC Rev.4 codes (:data:`BRAZIL_ISIC4`,
  written for the course from the sector names and the ISIC Rev.4 structure);
- ``criteria_example_inegi_tamaulipas.csv``: two criteria from ``data.load_census()`` (INEGI, census year
  2023, state totals): Tamaulipas' employment location quotient by SCIAN sector
  LQ_s = (E_s,Tamaulipas / E_Tamaulipas) / (E_s,Mexico / E_Mexico) (totals over the sectors published in
  both), and value added per person employed (MXN thousand), for the SCIAN sectors that produce goods,
  written as ISIC Rev.4 divisions (SCIAN 11 -> 01-03, 21 -> 05-09, 22 -> 35-36, 31-33 -> 10-33);
- ``weights_example.toml``: the weights of L11's default set, written by ``write_weights``.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

from course_tools import data

TEMPLATES = Path(__file__).resolve().parents[2] / "datasets" / "templates"

BRAZIL_ISIC4: dict[str, list[str]] = {
    "Agriculture, forestry, and logging": ["011", "012", "013", "015", "016", "02"],
    "Livestock and fishing": ["014", "017", "03"],
    "Oil and natural gas": ["06", "091"],
    "Iron ore": ["071"],
    "Other extractive industry": ["05", "072", "08", "099"],
    "Food and beverages": ["10", "11"],
    "Tobacco products": ["12"],
    "Textiles": ["13"],
    "Clothing and accessories": ["14"],
    "Leather goods and footwear": ["15"],
    "Wood products (excluding furniture)": ["16"],
    "Pulp and paper products": ["17"],
    "Newspapers, magazines, and records": ["18", "581"],
    "Petroleum refining and coke": ["19"],
    "Alcohol": ["2011"],
    "Chemicals": ["201"],
    "Resin and elastomer manufacturing": ["2013"],
    "Pharmaceuticals": ["21"],
    "Agricultural pesticides": ["2021"],
    "Perfumery, hygiene, and cleaning products": ["2023"],
    "Paints, varnishes, enamels, and lacquers": ["2022"],
    "Miscellaneous chemical products and preparations": ["2029", "203"],
    "Rubber and plastic products": ["22"],
    "Cement and other non-metallic mineral products": ["23"],
    "Steel and derivatives manufacturing": ["241", "2431"],
    "Non-ferrous metal metallurgy": ["242", "2432"],
    "Metal products (excluding machinery and equipment)": ["25"],
    "Machinery and equipment (including maintenance and repair)": ["28", "33"],
    "Household appliances and electronic material": ["27"],
    "Office machinery, equipment, and electronic material": ["26"],
    "Automobiles, vans, trucks, and buses": ["291", "292"],
    "Parts and accessories for motor vehicles": ["293"],
    "Other transport equipment": ["30"],
    "Furniture and miscellaneous manufactured products": ["31", "32"],
    "Production and distribution of electricity, gas, water, sewage, and urban cleaning": ["35", "36", "37", "38",
                                                                                          "39"],
    "Civil construction": ["41", "42", "43"],
    "Commerce": ["45", "46", "47"],
    "Transport, storage, and mail": ["49", "50", "51", "52", "53"],
    "Information services": ["58", "59", "60", "61", "62", "63"],
    "Financial intermediation, insurance, supplementary pension, and related services": ["64", "65", "66"],
    "Real estate and rental activities": ["68", "77"],
    "Maintenance and repair services": ["95"],
    "Accommodation and food services": ["55", "56"],
    "Business services": ["69", "70", "71", "72", "73", "74", "75", "78", "79", "80", "81", "82"],
    "Commercial education": ["85"],
    "Commercial health": ["86", "87", "88"],
    "Services provided to families and associations": ["90", "91", "92", "93", "94", "96"],
    "Domestic services": ["97", "98"],
    "Public education": ["85"],
    "Public health": ["86"],
    "Public administration and social security": ["84"],
}
#: SCIAN 2007 sectors that produce goods -> ISIC Rev.4 divisions.
SCIAN_ISIC4 = {"11": ["01", "02", "03"], "21": ["05", "06", "07", "08", "09"], "22": ["35", "36"],
               "31-33": [f"{d}" for d in range(10, 34)]}


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _num(v: float) -> str:
    return repr(float(v)) if np.isfinite(v) else ""


def io_table_csv() -> str:
    t = data.load_io_brazil_2020()
    sectors = list(t.Z.index)
    fd = list(t.final_demand.columns)
    rows = [["sector", *sectors, *fd, "output"]]
    for s in sectors:
        rows.append([s, *map(_num, t.Z.loc[s]), *map(_num, t.final_demand.loc[s]), _num(t.x[s])])
    for name, series in (("imports", t.imports), ("taxes", t.taxes), ("margins", t.margins),
                         ("value_added", t.value_added), ("employment", t.jobs)):
        rows.append([name, *map(_num, series[sectors])])
    return _csv(rows)


def io_mapping_csv() -> str:
    return _csv([["sector", "isic"]] + [[s, c] for s, codes in BRAZIL_ISIC4.items() for c in codes])


def census_criteria() -> dict[str, dict[str, float]]:
    """{criterion: {SCIAN sector: value}} from the 2023 state and national totals of the census."""
    c = data.load_census()
    c = c[c["municipality_code"].isna() & (c["census_year"] == 2023)]
    tam = c[c["state_code"] == "28"].set_index("sector_code")
    mex = c[c["state_code"] == "00"].set_index("sector_code")
    both = tam.index[tam["employment"].notna()].intersection(mex.index[mex["employment"].notna()])
    e_t, e_m = tam.loc[both, "employment"].sum(), mex.loc[both, "employment"].sum()
    lq = (tam["employment"] / e_t) / (mex["employment"] / e_m)
    va = 1000.0 * tam["value_added"] / tam["employment"]
    return {"emp_lq_tamaulipas": lq.to_dict(), "va_per_worker_tamaulipas": va.to_dict()}


def criteria_csv() -> str:
    meta = {
        "emp_lq_tamaulipas": ("employment location quotient, Tamaulipas", "cociente de localización del empleo, "
                              "Tamaulipas", "ratio (1 = national share)"),
        "va_per_worker_tamaulipas": ("value added per person employed, Tamaulipas", "valor agregado por persona "
                                     "ocupada, Tamaulipas", "MXN thousand per person"),
    }
    source = "INEGI, Censos Económicos 2024 (reference year 2023), state totals; course_tools.data.load_census()"
    rows = [["criterion", "label_en", "label_es", "unit", "source", "higher_is_better", "classification", "code",
             "value"]]
    for name, values in census_criteria().items():
        en, es, unit = meta[name]
        for scian, divisions in SCIAN_ISIC4.items():
            for d in divisions:
                rows.append([name, en, es, unit, source, "yes", "isic4", d, _num(values[scian])])
    return _csv(rows)


def weights_toml(folder: Path) -> Path:
    from course_tools.data.own_files.weights import write_weights

    return write_weights(folder / "weights_example.toml",
                         {"rca": 1.0, "density": 1.0, "pci": 1.0, "cog": 1.0, "demand_growth": 1.0,
                          "share_change": 1.0, "lac_demand_share": 1.0, "backward_linkage": 1.0,
                          "forward_linkage": 1.0},
                         {"density": (">=", 0.05)},
                         about={"country": "PRY", "note": "equal weights, products with density >= 0.05 "
                                "(an example: choose yours in L11)"})


def write_all(folder: Path = TEMPLATES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"io_table_example_brazil_2020.csv": io_table_csv(), "io_mapping_example_brazil_2020.csv": io_mapping_csv(),
             "criteria_example_inegi_tamaulipas.csv": criteria_csv()}
    for name, body in files.items():
        (folder / name).write_text(body, encoding="utf-8")
    return [folder / n for n in files] + [weights_toml(folder)]


if __name__ == "__main__":
    for p in write_all():
        print("wrote", p)
