"""World trade tables shipped with the course: country x product, Atlas panels, HS 6-digit extracts.

- :func:`load_trade`           world exports by country x HS2007 4-digit product, 1962, 1980, 2017
                               (Open Trade Statistics via R economiccomplexity)
- :func:`load_country_year`, :func:`load_product_year`, :func:`load_trade_sample`
                               Atlas-derived panels 1995-2023 (HS92, Growth Lab data via M. Cueto Tapia)
- :func:`load_bilateral_hs6`, :func:`load_hs6_totals`
                               Chile, Argentina and the world by HS 6-digit product, 2002/2004 (OTS)

Each docstring gives the source, units, coverage and caveats; every file is checked against its
checksum and parsed once per session (:mod:`course_tools.data._cache`).
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data._cache import shipped_table
from course_tools.data._common import DataValidationError, blank_to_nan, code_column
from course_tools.data.country_codes import group_members
from course_tools.i18n import text

__all__ = ["TRADE_YEARS", "load_trade", "load_country_year", "load_product_year", "load_trade_sample",
           "load_bilateral_hs6", "load_hs6_totals"]


# --------------------------------------------------------------------------------------------
# world trade by country x product (Open Trade Statistics, via R economiccomplexity)
# --------------------------------------------------------------------------------------------

_OTS = "trade_ots_economiccomplexity"
_TRADE_FILES = {
    2017: f"{_OTS}/world_trade_2017_hs07_4d.csv",
    1980: f"{_OTS}/world_trade_1980_hs07_4d.csv",
    1962: f"{_OTS}/world_trade_1962_hs07_4d.csv",
}
#: Years available in :func:`load_trade`.
TRADE_YEARS: tuple[int, ...] = tuple(sorted(_TRADE_FILES))
#: Obsolete codes in the source files replaced by today's ISO3 code.
_OLD_ISO3 = {"ROM": "ROU"}


def _parse_trade(path: Path) -> pd.DataFrame:
    year = int(re.search(r"_(\d{4})_", path.name).group(1))
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    raw.columns = ["country", "product", "export_value"]  # 1962 uses country,product,value
    value = blank_to_nan(raw["export_value"])
    out = pd.DataFrame({
        "year": np.full(len(raw), year, dtype="int64"),
        "country": raw["country"].str.strip().str.upper().replace(_OLD_ISO3),
        "product": code_column(raw["product"], 4),
        "export_value": pd.to_numeric(value).astype("float64"),
    })
    return out


def load_trade(year: int) -> pd.DataFrame:
    """World exports by country x HS2007 4-digit product for 1962, 1980 or 2017.

    Source: UN Comtrade processed by Open Trade Statistics (M. Vargas), distributed in the R
    package economiccomplexity; CC BY-NC 4.0 (non-commercial use only).
    Columns: year (int), country (ISO3), product (HS2007 4-digit string), export_value
    (current USD, float; NaN = no flow reported, kept distinct from 0).
    Coverage: 2017 233,432 rows (176,971 with a value), 224 reporters x 1,222 products;
    1980 165,977 rows (91,820 with a value), 193 reporters x 1,106 products (SITC converted to
    HS2007 by OTS); 1962 44,435 rows (all with a value), 158 reporters x 991 products.
    Caveats: reporters include territories and former countries (``SUN``, ``YUG``, ``CSK``,
    ``DDR``...; filter with ``countries()['is_country']``); the 1962 code ``ROM`` (Romania before
    2002) is given as ``ROU``. Country totals are 10-30 % above official goods exports: good for
    shares and RCA, not for official totals.
    """
    try:
        rel = _TRADE_FILES[int(year)]
    except (KeyError, TypeError, ValueError):
        raise DataValidationError(text("data_msg.trade.no_year", year=year, available=list(TRADE_YEARS))) from None
    return shipped_table(rel, _parse_trade)


# --------------------------------------------------------------------------------------------
# Atlas-derived panels (MonicaCT)
# --------------------------------------------------------------------------------------------

_ATLAS = "trade_atlas_derived_panels_monicact"


def _parse_country_year(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"country_code": str, "region": str})
    d = d.rename(columns={"country_code": "country"})
    for c in d.columns:
        if c not in ("country", "year", "region"):
            d[c] = d[c].astype("float64")
    d["year"] = d["year"].astype("int64")
    return d


def load_country_year() -> pd.DataFrame:
    """Country x year trade and complexity indicators, 1995-2023 (Atlas HS92 data).

    Source: derived by M. Cueto Tapia from the Growth Lab Atlas of Economic Complexity,
    International Trade Data (HS92), doi:10.7910/DVN/T4CHWJ (licence of the Atlas data not stated:
    cite the Growth Lab). 6,665 rows, 242 countries.
    Columns: country (ISO3), year, region (as in the file: 'Latin America and Caribbean',
    'Comparator', 'Rest of world'), export_value, import_value (current USD), diversity
    (products with RCA >= 1), diversity_075 (RCA >= 0.75), hhi (Herfindahl of export shares),
    entropy (Shannon entropy of export shares), primary_share, manufacturing_share (shares of
    exports), eci (Atlas ECI), diversity_complexity (diversity of the complexity sample), and
    is_lac (True for the 33 ECLAC Latin American and Caribbean member states).
    Caveat: the file tags ATG, DMA, GRD, KNA, LCA and VCT as 'Rest of world'; use ``is_lac``,
    not ``region``, to select Latin America and the Caribbean. 5 rows have NaN shares/ECI
    (country-years outside the complexity sample).
    """
    d = shipped_table(f"{_ATLAS}/country_year_indicators.csv", _parse_country_year)
    d["is_lac"] = d["country"].isin(group_members("lac"))
    return d


def _parse_product_year(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"product_code": str, "product_chapter": str, "product_section": str})
    d = d.rename(columns={
        "product_code": "product", "product_section": "section", "product_chapter": "chapter",
        "source_pci": "pci_atlas", "pci": "pci_recomputed",
    })
    d["product"] = code_column(d["product"], 4)
    d["chapter"] = code_column(d["chapter"], 2)
    d["year"] = d["year"].astype("int64")
    d["world_export_value"] = d["world_export_value"].astype("float64")
    d["ubiquity"] = d["ubiquity"].astype("int64")
    # identical copies of ubiquity and pci_recomputed in every row of the shipped file
    d = d.drop(columns=["ubiquity_complexity", "pci_final"])
    return d[["product", "year", "section", "chapter", "world_export_value", "ubiquity",
              "pci_atlas", "pci_recomputed"]]


def load_product_year() -> pd.DataFrame:
    """Product x year indicators, 1,243 HS92 4-digit products x 1995-2023 (35,897 rows).

    Source: as :func:`load_country_year` (Growth Lab Atlas HS92 data, processed by M. Cueto Tapia).
    Columns: product (HS1992 4-digit), year, section (Atlas sector name, e.g. 'Animal products';
    NaN for 29 rows of products without a sector), chapter (HS 2-digit), world_export_value
    (current USD), ubiquity (number of countries with RCA >= 1), pci_atlas (the PCI published by
    the Atlas, rounded to 3 decimals), pci_recomputed (PCI recomputed by the panel's author from
    the same trade data). The file's columns ubiquity_complexity and pci_final are identical to
    ubiquity and pci_recomputed in every row and are dropped.
    """
    return shipped_table(f"{_ATLAS}/product_year_indicators.csv", _parse_product_year)


def _parse_trade_sample(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"country_code": str, "product_code": str, "product_chapter": str})
    d = d.drop(columns=["country_id", "product_id"]).rename(columns={
        "country_code": "country", "product_code": "product", "source_export_rca": "rca_atlas",
        "source_pci": "pci_atlas", "rca": "rca_recomputed", "product_chapter": "chapter",
        "product_section": "section",
    })
    d["product"] = code_column(d["product"], 4)
    for c in ("export_value", "import_value", "total_country_exports", "total_world_exports_product",
              "total_world_exports"):
        d[c] = d[c].astype("float64")
    return d


def load_trade_sample() -> pd.DataFrame:
    """Country x HS92 4-digit x year sample: Bolivia and Brazil in 1995, 2009 and 2023 (5,000 rows).

    Source: as :func:`load_country_year`. Columns: country, product (HS1992 4-digit), year,
    export_value, import_value (current USD), rca_atlas (Atlas RCA; NaN in 2 rows), pci_atlas,
    total_country_exports, total_world_exports_product, total_world_exports (USD),
    export_share_country, export_share_world_product, rca_recomputed (RCA recomputed from the
    columns above), mcp (1 if rca_recomputed >= 1), mcp_075 (1 if >= 0.75), chapter, section, region.
    The Atlas internal ids (country_id, product_id) are dropped. A teaching sample, not a full panel.
    """
    return shipped_table(f"{_ATLAS}/trade_sample.csv", _parse_trade_sample)


# --------------------------------------------------------------------------------------------
# Open Trade Statistics HS6 extracts (Chile, Argentina, world)
# --------------------------------------------------------------------------------------------

_OTS6 = "trade_ots_bilateral_chl_arg"


def _parse_ots6(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    out = pd.DataFrame({"year": d["year"].astype("int64")})
    if "reporter_iso" in d:
        out["reporter"] = d["reporter_iso"].str.upper()
    else:
        out["reporter"] = "WLD"
    if "partner_iso" in d:
        out["partner"] = d["partner_iso"].str.upper()
    out["product"] = code_column(d["commodity_code"], 6)
    for src, dst in (("trade_value_usd_exp", "export_value"), ("trade_value_usd_imp", "import_value")):
        out[dst] = pd.to_numeric(blank_to_nan(d[src])).astype("float64")
    return out


def load_bilateral_hs6(year: int) -> pd.DataFrame:
    """Chile's trade with Argentina by HS 6-digit product, 2002 or 2004.

    Source: Open Trade Statistics API (UN Comtrade), recorded 2022-03-14 in the rOpenSci
    tradestatistics test fixtures; CC BY-NC 4.0. Columns: year, reporter ('CHL'), partner ('ARG'),
    product (HS6 string, OTS harmonised), export_value (CHL -> ARG), import_value (ARG -> CHL),
    current USD. 2002: 2,823 rows (exports 0.233 bn, imports 3.036 bn); 2004: 3,070 rows.
    Caveat: Chile's imports from Argentina look right; its exports to Argentina look low
    (check them against official figures before drawing conclusions).
    """
    files = {2002: "bilateral_chl_arg_hs6_2002.csv", 2004: "bilateral_chl_arg_hs6_2004.csv"}
    if year not in files:
        raise DataValidationError(text("data_msg.trade.no_bilateral_year", year=year, available=sorted(files)))
    return shipped_table(f"{_OTS6}/{files[year]}", _parse_ots6)


def load_hs6_totals(who: str = "CHL", year: int = 2002) -> pd.DataFrame:
    """Trade with the whole world by HS 6-digit product, 2002: Chile (``who="CHL"``) or the world (``"WORLD"``).

    Source: Open Trade Statistics API (endpoints yrc and yc), as :func:`load_bilateral_hs6`.
    Columns: year, reporter ('CHL', or 'WLD' for the world), product (HS6), export_value,
    import_value (current USD). Chile: 4,440 rows, exports 17.4 bn and imports 15.4 bn USD;
    world: 4,781 rows.
    """
    files = {("CHL", 2002): "chl_by_product_hs6_2002.csv", ("WORLD", 2002): "world_by_product_hs6_2002.csv"}
    key = (str(who).upper().replace("WLD", "WORLD"), year)
    if key not in files:
        raise DataValidationError(text("data_msg.trade.no_hs6_totals", who=who, year=year,
                                       available=[f"who={w!r}, year={y}" for w, y in files]))
    return shipped_table(f"{_OTS6}/{files[key]}", _parse_ots6)
