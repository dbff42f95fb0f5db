"""BACI releases in the published layout, built from the shipped real tables (no invented numbers).

The codes, the country file and the first 6-digit code of a heading are those of the practice files
(:mod:`course_tools.data.practice`, lesson L13); these fixtures write small, targeted releases:

- :func:`spread_year`: the real exporter x HS 2007 4-digit values of ``load_trade(year)`` (2017 or 1980)
  spread over importers with the real 2006 bilateral shares of the gravity table
  (share of exporter e to importer m = flow(e, m) / sum of flow(e, m') over the importers m' kept),
  each heading written as its first HS 2007 6-digit code, v in thousands of USD as BACI writes it;
- :func:`chl_arg_hs92`: the real Chile-Argentina HS6 flows of 2002 or 2004 (OTS) whose codes are HS 1992
  codes, both directions, as a BACI HS92 year;
- :func:`write_release`: a zip, a folder or loose CSVs named as CEPII names them, with a country file.

Numeric codes are those of BACI (UN Comtrade's): the UN M49 code, except the countries listed in
``course_tools.data.practice.BACI_CODES`` (Comtrade reports France with Monaco as 251, the USA with
Puerto Rico as 842...).
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools import data
from course_tools.data.practice import BACI_CODES, _m49, baci_code, first_hs6
from course_tools.data.practice import baci_country_file as country_file

__all__ = ["BACI_CODES", "baci_code", "country_file", "first_hs6", "shares", "spread_year", "chl_arg_hs92",
           "csv_text", "write_release"]


def shares(exporters, importers) -> pd.DataFrame:
    """2006 gravity shares of each exporter over ``importers`` (itself left out): exporter, importer, share."""
    g = data.load_gravity()
    g = g[g["exporter"].isin(exporters) & g["importer"].isin(importers) & (g["exporter"] != g["importer"])]
    g = g[g["flow"] > 0]
    g = g.assign(share=g["flow"] / g.groupby("exporter")["flow"].transform("sum"))
    return g[["exporter", "importer", "share"]].reset_index(drop=True)


def spread_year(year: int, exporters, importers, headings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(BACI rows t,i,j,k,v,q; the expected flows exporter, importer, product, value in USD)."""
    t = data.load_trade(year)
    t = t[t["country"].isin(exporters) & t["product"].isin(headings)].dropna(subset=["export_value"])
    t = t[t["export_value"] > 0]
    flows = t.merge(shares(exporters, importers), left_on="country", right_on="exporter")
    flows = flows.assign(value=flows["export_value"] * flows["share"])
    k6 = first_hs6(headings)
    rows = pd.DataFrame({"t": year, "i": flows["exporter"].map(baci_code), "j": flows["importer"].map(baci_code),
                         "k": flows["product"].map(k6), "v": flows["value"] / 1000.0, "q": ""})
    expected = flows[["exporter", "importer", "product", "value"]].reset_index(drop=True)
    return rows, expected


def chl_arg_hs92(year: int = 2002) -> pd.DataFrame:
    """BACI rows of the real Chile-Argentina flows of ``year`` whose codes are HS 1992 codes (positive only)."""
    b = data.load_bilateral_hs6(year)
    b = b[b["product"].isin(set(data.products("hs92", 6)["code"]))]
    out = []
    for col, i, j in (("export_value", "CHL", "ARG"), ("import_value", "ARG", "CHL")):
        x = b[b[col] > 0]
        out.append(pd.DataFrame({"t": year, "i": baci_code(i), "j": baci_code(j), "k": x["product"],
                                 "v": x[col] / 1000.0, "q": ""}))
    return pd.concat(out, ignore_index=True)


def csv_text(rows: pd.DataFrame) -> str:
    """BACI's CSV: t,i,j,k,v,q with k written as a number (leading zero dropped, as recent releases do)."""
    r = rows.assign(k=rows["k"].astype(str).str.lstrip("0"), v=rows["v"].map(lambda x: f"{x:.3f}"))
    return r.to_csv(index=False, lineterminator="\n")


def write_release(folder: Path, years: dict[int, pd.DataFrame], *, hs: str = "07", release: str = "202401",
                  layout: str = "zip", countries=None) -> Path:
    """Write a release: ``layout`` "zip" (the zip), "folder" (the unzipped folder) or "csv" (loose year files)."""
    folder.mkdir(parents=True, exist_ok=True)
    codes = countries or sorted({c for d in years.values() for c in _iso3s(d)})
    files = {f"BACI_HS{hs}_Y{y}_V{release}.csv": csv_text(d) for y, d in years.items()}
    files[f"country_codes_V{release}.csv"] = country_file(codes)
    if layout == "zip":
        target = folder / f"BACI_HS{hs}_V{release}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for name, body in files.items():
                z.writestr(name, body)
        return target
    target = folder / f"BACI_HS{hs}_V{release}" if layout == "folder" else folder
    target.mkdir(exist_ok=True)
    for name, body in files.items():
        (target / name).write_text(body)
    return target


def _iso3s(rows: pd.DataFrame) -> list[str]:
    back = {v: k for k, v in BACI_CODES.items()}
    by_m49 = {v: k for k, v in _m49().items()}
    return [back.get(int(c), by_m49.get(int(c))) for c in np.unique(rows[["i", "j"]].to_numpy())]
