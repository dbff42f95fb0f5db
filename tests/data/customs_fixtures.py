"""Customs files as statistics offices publish them, built from the shipped real tables (no invented numbers).

:func:`paraguay_customs` writes the layout of the issue "Take the method home": Latin-1, ``;``, four
title rows, 8-digit tariff lines written ``1201.00.10``, one row per destination (Spanish names),
numbers as ``1.843.256.712,45``, ``s/d`` cells, a ``TOTAL GENERAL`` row and footer lines. The numbers:

- Paraguay's real 2017 exports of its :data:`PRY_HEADINGS` (``load_trade(2017)``), two of which are
  not reported in the table (NaN): they are written ``s/d``;
- spread over its five largest 2006 partners of the gravity table (ARG, URY, BRA, RUS, CHL), with the
  real 2006 shares renormalised over those five (flow / 1,760.7365 USD million);
- each heading written as its first HS 2007 6-digit subheading followed by ``.10`` (8 digits); soybeans
  (1201, HS 2007 subheading 120100) as two national lines ``1201.00.10`` and ``1201.00.90``, half each.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from course_tools import data
from course_tools.data.practice import es_number as _es
from course_tools.data.practice import first_hs6
from tests.data.baci_fixtures import shares

#: Paraguay's eight largest 2017 headings and two it did not report (NaN in the shipped table).
PRY_HEADINGS = ["1201", "2716", "2304", "0201", "0202", "1507", "1005", "8544", "0103", "0104"]
PARTNERS = ["ARG", "URY", "BRA", "RUS", "CHL"]
#: How the statistics office writes the partners (Spanish names, as in data.countries("es") or common use).
NAMES = {"ARG": "Argentina", "URY": "Uruguay", "BRA": "Brasil", "RUS": "Rusia", "CHL": "Chile"}


def pry_2017() -> pd.DataFrame:
    """The real rows: product, export_value (NaN = not reported) of Paraguay's :data:`PRY_HEADINGS`, 2017."""
    t = data.load_trade(2017)
    t = t[(t["country"] == "PRY") & t["product"].isin(PRY_HEADINGS)]
    return t[["product", "export_value"]].reset_index(drop=True)


def customs_rows() -> pd.DataFrame:
    """The data rows of the file: ncm (as written), heading, partner (ISO3), value (USD, NaN = s/d)."""
    t = pry_2017()
    s = shares(["PRY"], PARTNERS)
    k6 = first_hs6(PRY_HEADINGS)
    rows = []
    for product, value in zip(t["product"], t["export_value"]):
        six = k6[product]
        lines = [(f"{six[:4]}.{six[4:]}.10", 0.5), (f"{six[:4]}.{six[4:]}.90", 0.5)] if product == "1201" \
            else [(f"{six[:4]}.{six[4:]}.10", 1.0)]
        for ncm, part in lines:
            for iso, share in zip(s["importer"], s["share"]):
                rows.append({"ncm": ncm, "heading": product, "partner": iso, "value": value * share * part})
    return pd.DataFrame(rows)


def paraguay_customs(folder: Path) -> Path:
    """Write ``exportaciones_2017.csv`` (Latin-1, ``;``) and return its path."""
    rows = customs_rows()
    names = data.products("hs07", 4, lang="es").set_index("code")["name"]
    lines = ["Dirección Nacional de Aduanas - Paraguay", "Exportaciones por NCM y país de destino",
             "Año 2017 - Valores FOB en dólares americanos", "(cifras provisorias)",
             "NCM;Descripción;País de destino;Valor FOB (US$);Peso neto (kg)"]
    for r in rows.itertuples():
        value = "s/d" if pd.isna(r.value) else _es(r.value)
        desc = str(names.get(r.heading, "")).replace(";", ",")[:40]
        lines.append(f"{r.ncm};{desc};{NAMES[r.partner]};{value};s/d")
    lines.append(f"TOTAL GENERAL;;;{_es(rows['value'].sum())};")
    lines += ["", "Fuente: Dirección Nacional de Aduanas, sistema Sofía.", "s/d: sin dato."]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "exportaciones_2017.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
    return path
