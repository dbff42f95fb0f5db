"""Load the course's datasets, and your own files, into tidy tables.

Every loader checks the file against ``datasets/MANIFEST.sha256`` first
(:func:`course_tools.data.manifest.verify`), parses it once per session (cached) and returns a fresh
copy, so changing the table you got never changes what the next call returns.

Conventions of every table returned here:

- column names are English ``snake_case``; country codes are ISO 3166 alpha-3 in UPPER case
  (``"CHL"``); product and industry codes are zero-padded strings (``"0101"``, never ``101``);
- money is ``float``; **NaN means "not reported / not published" and 0.0 means "reported as
  zero"**: the two are never mixed;
- each docstring gives the source, the units, the coverage and the caveats. The full citation and
  licence of each dataset are in ``datasets/<folder>/SOURCE.md``.

Your own national file: :func:`read_trade_file` reads CSV (UTF-8 or Latin-1) or Excel into the
same shape as :func:`load_trade`, and explains any problem it finds (row numbers as you see them).
"""
from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

from course_tools.data.census import load_census, read_saic_export  # noqa: F401  (public API of this module)
from course_tools.data.io_tables import load_ibge_sut, load_io_brazil_2020, load_mrio_2000  # noqa: F401
from course_tools.data.manifest import DatasetIntegrityError, verify  # noqa: F401
from course_tools.paths import datasets_dir

__all__ = [
    "load_trade", "load_country_year", "load_product_year", "load_trade_sample",
    "load_bilateral_hs6", "load_hs6_totals", "load_gravity", "load_census", "read_saic_export",
    "countries", "country_name", "products", "concordance", "country_groups", "group_members",
    "product_space_layout", "read_trade_file", "DataValidationError", "TRADE_YEARS",
    "load_ibge_sut", "load_io_brazil_2020", "load_mrio_2000",
]


class DataValidationError(ValueError):
    """A user's data file cannot be read as asked: the message names the file, the column, the rows."""


# --------------------------------------------------------------------------------------------
# plumbing: checksum, cache, copy
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _parse_cached(parser: Callable[[Path], pd.DataFrame], path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    return parser(Path(path))


def _frame(rel: str, parser: Callable[[Path], pd.DataFrame]) -> pd.DataFrame:
    """Verify ``datasets/<rel>``, parse it (cached per file version) and return a copy."""
    p = verify(rel, datasets_dir())
    st = p.stat()
    return _parse_cached(parser, str(p), st.st_mtime_ns, st.st_size).copy()


_PANDAS3 = int(pd.__version__.split(".")[0]) >= 3


def _blank_to_nan(s: pd.Series) -> pd.Series:
    """Empty strings (blank cells) as missing values, without pandas' dtype downcasting."""
    return s.where(s != "", np.nan)


def _text(s: pd.Series) -> pd.Series:
    """Text column with NaN kept as missing (pandas 3 'str' dtype; object on pandas 2)."""
    s = s.astype(object).where(s.notna(), np.nan)
    return s.astype("str") if _PANDAS3 else s


def _str_codes(s: pd.Series, width: int | None = None) -> pd.Series:
    out = s.astype(str).str.strip()
    return out.str.zfill(width) if width else out


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
    value = _blank_to_nan(raw["export_value"])
    out = pd.DataFrame({
        "year": np.full(len(raw), year, dtype="int64"),
        "country": raw["country"].str.strip().str.upper().replace(_OLD_ISO3),
        "product": _str_codes(raw["product"], 4),
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
        raise ValueError(
            f"no world trade table for year {year!r}; available years: {list(TRADE_YEARS)}. "
            f"For other years read your own file with read_trade_file()."
        ) from None
    return _frame(rel, _parse_trade)


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
    d = _frame(f"{_ATLAS}/country_year_indicators.csv", _parse_country_year)
    d["is_lac"] = d["country"].isin(group_members("lac"))
    return d


def _parse_product_year(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"product_code": str, "product_chapter": str, "product_section": str})
    d = d.rename(columns={
        "product_code": "product", "product_section": "section", "product_chapter": "chapter",
        "source_pci": "pci_atlas", "pci": "pci_recomputed",
    })
    d["product"] = _str_codes(d["product"], 4)
    d["chapter"] = _str_codes(d["chapter"], 2)
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
    return _frame(f"{_ATLAS}/product_year_indicators.csv", _parse_product_year)


def _parse_trade_sample(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"country_code": str, "product_code": str, "product_chapter": str})
    d = d.drop(columns=["country_id", "product_id"]).rename(columns={
        "country_code": "country", "product_code": "product", "source_export_rca": "rca_atlas",
        "source_pci": "pci_atlas", "rca": "rca_recomputed", "product_chapter": "chapter",
        "product_section": "section",
    })
    d["product"] = _str_codes(d["product"], 4)
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
    return _frame(f"{_ATLAS}/trade_sample.csv", _parse_trade_sample)


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
    out["product"] = _str_codes(d["commodity_code"], 6)
    for src, dst in (("trade_value_usd_exp", "export_value"), ("trade_value_usd_imp", "import_value")):
        out[dst] = pd.to_numeric(_blank_to_nan(d[src])).astype("float64")
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
        raise ValueError(f"no Chile-Argentina table for year {year!r}; available years: {sorted(files)}")
    return _frame(f"{_OTS6}/{files[year]}", _parse_ots6)


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
        raise ValueError(f"no HS6 totals for who={who!r}, year={year!r}; available: "
                         f"{[f'who={w!r}, year={y}' for w, y in files]}")
    return _frame(f"{_OTS6}/{files[key]}", _parse_ots6)


# --------------------------------------------------------------------------------------------
# gravity
# --------------------------------------------------------------------------------------------

def _parse_gravity(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype={"iso_o": str, "iso_d": str})
    d = d.rename(columns={
        "iso_o": "exporter", "iso_d": "importer", "distw": "distance_km", "gdp_o": "gdp_exporter",
        "gdp_d": "gdp_importer", "contig": "contiguous", "comlang_off": "common_language",
        "comcur": "common_currency",
    })
    d["year"] = d["year"].astype("int64")
    for c in ("rta", "contiguous", "common_language", "common_currency"):
        d[c] = d[c].astype("int64")
    for c in ("flow", "distance_km", "gdp_exporter", "gdp_importer"):
        d[c] = d[c].astype("float64")
    return d[["exporter", "importer", "year", "flow", "distance_km", "gdp_exporter", "gdp_importer",
              "rta", "contiguous", "common_language", "common_currency"]]


def load_gravity() -> pd.DataFrame:
    """Bilateral trade flows with gravity covariates, 2006, 'square' (zeros included): 22,588 pairs.

    Source: Head, Mayer & Ries (2010) CEPII gravity data, edited in the R package gravity
    (``gravity_zeros``); the year 2006 was inferred from the GDP values.
    Columns: exporter, importer (ISO3), year, flow (million current USD), distance_km
    (population-weighted distance), gdp_exporter, gdp_importer (million current USD), rta
    (1 = regional trade agreement in force), contiguous, common_language (official), common_currency
    (0/1 dummies). 166 countries.
    Caveats: 24 % of flows are exactly 0 (true zeros of a square dataset, important for PPML);
    30 of the 33 ECLAC countries are present: the Bahamas (BHS), Barbados (BRB) and Cuba (CUB) are missing.
    """
    return _frame("trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv", _parse_gravity)


# --------------------------------------------------------------------------------------------
# countries and groups
# --------------------------------------------------------------------------------------------

#: Former sovereign states that appear as reporters in the 1962/1980 trade tables.
_FORMER_COUNTRIES = {"CSK", "DDR", "SUN", "YUG", "YMD", "VDR", "SCG"}
#: Separate customs territories with their own WTO membership, kept as economies.
_CUSTOMS_TERRITORIES = {"HKG", "MAC"}
_ARTICLE = re.compile(r"\s*\((the|el|la|los|las|l')\)\s*$", re.I)


def _clean_name(name: object) -> object:
    if not isinstance(name, str) or not name.strip():
        return np.nan
    name = name.replace("*", "").strip()
    return _ARTICLE.sub("", name).strip()


def _parse_lac_groups(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    d["iso3"] = d["iso3"].str.strip().str.upper()
    return d


_GROUP_COLUMNS = {
    "lac": "eclac_member_state", "aladi": "aladi", "mercosur": "mercosur_state_party",
    "mercosur_associated": "mercosur_associated", "can": "andean_community_can",
    "caricom": "caricom_member", "caricom_associate": "caricom_associate", "oecs": "oecs_member",
    "oecs_associate": "oecs_associate", "sica": "sica_member",
    "sieca": "central_american_common_market_sieca", "pacific_alliance": "pacific_alliance",
    "eclac_associate": "eclac_associate_member",
}


def country_groups(long: bool = True) -> pd.DataFrame:
    """Latin American and Caribbean regional groups (compiled list, see SOURCE.md).

    ``long=True``: one row per (group, iso3) membership, sorted. ``long=False``: one row per
    country or territory of the M49 region (52), one boolean column per group.
    Groups: lac (the 33 ECLAC member states in the region), aladi, mercosur (states parties,
    incl. Venezuela, suspended, and Bolivia, acceded 2024), mercosur_associated, can (Andean
    Community), caricom (full members), caricom_associate, oecs, oecs_associate, sica, sieca
    (Central American Common Market), pacific_alliance, eclac_associate (ECLAC associate members).
    Source: datasets/lac_country_groups: each group's list was checked against its published
    member list on the date in the file's ``as_of`` column (sources in membership_sources.csv).
    """
    d = _frame("lac_country_groups/lac_country_groups.csv", _parse_lac_groups)
    wide = pd.DataFrame({"iso3": d["iso3"]})
    for group, col in _GROUP_COLUMNS.items():
        wide[group] = d[col].astype(str).str.strip().isin(["1", "1.0", "True", "true"])
    if not long:
        return wide.sort_values("iso3").reset_index(drop=True)
    parts = [pd.DataFrame({"group": g, "iso3": wide.loc[wide[g], "iso3"]}) for g in _GROUP_COLUMNS]
    out = pd.concat(parts, ignore_index=True).sort_values(["group", "iso3"]).reset_index(drop=True)
    out["group"] = out["group"].astype(str)
    return out


def group_members(group: str) -> list[str]:
    """ISO3 codes of the members of a group (see :func:`country_groups`), sorted: ``group_members("mercosur")``."""
    key = str(group).strip().lower()
    if key not in _GROUP_COLUMNS:
        raise ValueError(f"unknown group {group!r}; available groups: {list(_GROUP_COLUMNS)}")
    g = country_groups(long=False)
    return sorted(g.loc[g[key], "iso3"].tolist())


def _parse_country_codes(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _parse_gl_locations(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    return d[d["level"] == "country"].drop(columns=d.columns[0])


def countries(lang: str = "en") -> pd.DataFrame:
    """Country and territory codes and names, one row per ISO3 code (260 rows).

    Columns: iso3, iso2, m49 (3-digit string, e.g. '032'), name, region, subregion,
    intermediate_region (UN M49: e.g. 'Americas' / 'Latin America and the Caribbean' /
    'South America'), is_lac, is_country, sids.
    Names (``lang="en"`` or ``"es"``): UNTERM short names without the article ('Argentina',
    not 'Argentina (la)'); where UNTERM has none (territories, CIV, TUR, TWN) the official
    name, then the Growth Lab Atlas name (former countries such as SUN, YUG, CSK).
    is_lac: one of the 33 ECLAC member states of Latin America and the Caribbean (see
    :func:`country_groups`); territories of the region (PRI, ABW, CUW...) are False; use
    ``subregion`` for the geographic M49 region.
    is_country (the rule the course uses before computing complexity): sovereign states
    (``is_independent == 'Yes'`` in the ISO/UN list), former sovereign states (CSK, DDR, SUN, YUG,
    YMD, VDR, SCG) and Hong Kong and Macao (separate customs territories and WTO members).
    Dependent territories (e.g. BVT Bouvet Island, VGB, PRI, GRL), uninhabited islands, the
    Netherlands Antilles (ANT), the Panama Canal Zone (PCZ), former Pacific Islands (PCI) and the
    'undeclared' code ANS are False.
    sids: UN list of Small Island Developing States.
    Sources: datahub.io country-codes (UN M49, UNTERM), Growth Lab classifications.
    """
    if lang not in ("en", "es"):
        raise ValueError(f"lang must be 'en' or 'es', not {lang!r}")
    cc = _frame("country_codes_datahub/country-codes.csv", _parse_country_codes)
    gl = _frame("classif_growthlab/locations_international_atlas.csv", _parse_gl_locations)
    short, official = (("UNTERM English Short", "official_name_en") if lang == "en"
                       else ("UNTERM Spanish Short", "official_name_es"))
    name = cc[short].map(_clean_name)
    name = name.fillna(cc[official].map(_clean_name))
    if lang == "en":
        name = name.fillna(cc["CLDR display name"].map(_clean_name))
    out = pd.DataFrame({
        "iso3": cc["ISO3166-1-Alpha-3"].str.strip().str.upper(),
        "iso2": _blank_to_nan(cc["ISO3166-1-Alpha-2"]),
        "m49": cc["M49"].str.strip().str.zfill(3),
        "name": name,
        "region": _blank_to_nan(cc["Region Name"]),
        "subregion": _blank_to_nan(cc["Sub-region Name"]),
        "intermediate_region": _blank_to_nan(cc["Intermediate Region Name"]),
        "is_country": cc["is_independent"].eq("Yes").to_numpy(),
        "sids": cc["Small Island Developing States (SIDS)"].str.strip().str.lower().eq("x").to_numpy(),
    })
    glname = _blank_to_nan(gl.set_index("code")["name_es" if lang == "es" else "name_en"])
    glname = glname.fillna(gl.set_index("code")["name_en"])
    extra = gl.loc[~gl["code"].isin(out["iso3"])]
    extra = pd.DataFrame({
        "iso3": extra["code"].to_numpy(),
        "iso2": _blank_to_nan(extra["iso2"]).to_numpy(),
        "m49": np.nan,
        "name": glname.reindex(extra["code"]).map(_clean_name).to_numpy(),
        "region": np.nan, "subregion": np.nan, "intermediate_region": np.nan,
        "is_country": False, "sids": False,
    })
    out = pd.concat([out, extra], ignore_index=True)
    out["name"] = out["name"].fillna(out["iso3"].map(glname).map(_clean_name))
    out["is_country"] = out["is_country"].astype(bool) | out["iso3"].isin(_FORMER_COUNTRIES | _CUSTOMS_TERRITORIES)
    out["is_lac"] = out["iso3"].isin(group_members("lac"))
    for c in ("iso3", "iso2", "m49", "region", "subregion", "intermediate_region", "name"):
        out[c] = _text(out[c])
    out = out[["iso3", "iso2", "m49", "name", "region", "subregion", "intermediate_region",
               "is_lac", "is_country", "sids"]]
    return out.sort_values("iso3").reset_index(drop=True)


def country_name(iso3: str, lang: str = "en") -> str:
    """Name of a country from its ISO3 code: ``country_name("CHL", "es") -> 'Chile'``."""
    table = countries(lang).set_index("iso3")["name"]
    key = str(iso3).strip().upper()
    if key not in table.index:
        raise ValueError(f"unknown country code {iso3!r}: use an ISO 3166 alpha-3 code such as 'CHL' "
                         f"(see course_tools.data.countries())")
    return str(table[key])


# --------------------------------------------------------------------------------------------
# product and industry classifications
# --------------------------------------------------------------------------------------------

_KIM = "concordances_kim"


def _parse_desc(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    d["code"] = d["code"].str.strip()
    return d


def _parse_plain(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _hs92_table(lang: str) -> pd.DataFrame:
    d = _frame("classif_growthlab/hs92_atlas.csv", _parse_plain)
    code_by_row = pd.Series(d["code"].to_numpy(), index=pd.to_numeric(d[d.columns[0]]).astype("int64"))
    names = d["name_es"].where((lang == "es") & (d["name_es"] != ""), d["name_en"])
    out = pd.DataFrame({
        "code": d["code"], "level": d["level"].map({"section": 0, "2digit": 2, "4digit": 4, "6digit": 6}),
        "name": names.str.strip(),
        "parent": pd.to_numeric(_blank_to_nan(d["parent_id"])).map(code_by_row),
        "section": pd.to_numeric(_blank_to_nan(d["top_parent_id"])).map(code_by_row),
    })
    out["section_name"] = out["section"].map(out[out["level"] == 0].set_index("code")["name"])
    return out


def _hs_sections() -> tuple[pd.Series, pd.Series]:
    """HS chapter -> section (Roman numeral) and section -> English name (from the HS2022 table).

    Chapter 99 (not specified according to kind) belongs to no HS section: the HS2022 file's
    placeholder "TOTAL" becomes a missing value, so there are 21 sections.
    """
    hs = _frame("classif_hs2022_datahub/harmonized-system.csv", _parse_plain)
    ch = hs[hs["level"] == "2"].set_index("hscode")["section"]
    ch = ch.where(ch != "TOTAL", np.nan)
    names = _frame("classif_hs2022_datahub/sections.csv", _parse_plain)
    names.columns = [c.strip().lstrip("\ufeff") for c in names.columns]
    return ch, names.set_index("section")["name"].str.strip()


def _kim_hs_table(file: str) -> pd.DataFrame:
    d = _frame(f"{_KIM}/{file}", _parse_desc)
    d = d[d["code"].str.fullmatch(r"\d+")]
    lvl = d["code"].str.len()
    out = pd.DataFrame({"code": d["code"], "level": lvl, "name": d["desc"].str.strip()})
    out["parent"] = np.where(lvl > 2, d["code"].str[:-2], np.nan)
    ch, names = _hs_sections()
    out["section"] = d["code"].str[:2].map(ch)
    out["section_name"] = out["section"].map(names)
    return out


def _hs07_spanish(table: pd.DataFrame) -> pd.DataFrame:
    """Spanish names for HS2007 codes: the HS92 (Growth Lab) name of the same code where it exists."""
    es = _hs92_table("es")
    es = es[es["level"].isin([2, 4]) & es["code"].str.fullmatch(r"\d+")].set_index("code")["name"]
    table = table.copy()
    table["name"] = table["code"].map(es).fillna(table["name"])
    return table


def _kim_hier_table(file: str, letters: bool) -> pd.DataFrame:
    """ISIC / SITC / BEC description tables: parents from the code (ISIC: section letter by file order)."""
    d = _frame(f"{_KIM}/{file}", _parse_desc)
    codes = d["code"].tolist()
    section, sections = None, []
    for c in codes:
        if letters and c.isalpha():
            section = c
        sections.append(section if letters else c[:1])
    out = pd.DataFrame({"code": d["code"], "name": d["desc"].str.strip()})
    out["level"] = np.where(out["code"].str.isalpha(), 1, out["code"].str.len())
    out["section"] = sections
    if letters:
        out["parent"] = np.where(out["level"] == 2, out["section"],
                                 np.where(out["level"] > 2, out["code"].str[:-1], np.nan))
    else:
        out["parent"] = np.where(out["level"] > 1, out["code"].str[:-1], np.nan)
    sec_names = out[out["level"] == 1].set_index("code")["name"]
    out["section_name"] = out["section"].map(sec_names)
    return out


_CLASSIFICATIONS = ("hs07", "hs92", "hs22", "sitc2", "isic4", "isic3", "bec4")


def products(classification: str = "hs07", level: int = 4, lang: str = "en") -> pd.DataFrame:
    """Codes and names of a product or industry classification at one level.

    Columns: code (zero-padded string), name, parent (code one level up), section,
    section_name. Classifications and levels:

    - ``"hs07"`` HS 2007 (the world trade tables), levels 2/4/6, English names from the UN
      (concordance package ``hs3_desc``). ``lang="es"``: the Spanish (Atlas HS92) name of the same
      code; 6-digit codes and the 4-digit codes that do not exist in HS92 keep the English name
      (the count is in ``products.attrs['english_fallback']``).
    - ``"hs92"`` HS 1992 as used by the Atlas (Growth Lab), levels 2/4/6, English and Spanish
      (6-digit: English only). Its sections are the Atlas's 11 sectors ('0'...'10').
    - ``"hs22"`` HS 2022 (WCO via UN Comtrade), levels 2/4/6, English only.
    - ``"sitc2"`` SITC Rev. 2, levels 1-5; ``"isic4"``, ``"isic3"`` ISIC Rev. 4 / Rev. 3, levels
      1 (section letter) to 4; ``"bec4"`` BEC Rev. 4, levels 1-3. English only.

    HS tables (hs07, hs22) use the 21 HS sections (Roman numerals, English names).
    """
    classification = str(classification).lower()
    if classification not in _CLASSIFICATIONS:
        raise ValueError(f"unknown classification {classification!r}; available: {list(_CLASSIFICATIONS)}")
    if lang not in ("en", "es"):
        raise ValueError(f"lang must be 'en' or 'es', not {lang!r}")
    fallback = 0
    if classification == "hs92":
        t = _hs92_table(lang)
        if lang == "es":
            gl = _frame("classif_growthlab/hs92_atlas.csv", _parse_plain)
            fallback = int(((gl["name_es"] == "") & (gl["level"] == {2: "2digit", 4: "4digit", 6: "6digit"}.get(level, ""))).sum())
    elif classification == "hs07":
        t = _kim_hs_table("hs3_desc.csv")
        if lang == "es":
            before = t["name"].copy()
            t = _hs07_spanish(t)
            fallback = int(((t["name"] == before) & (t["level"] == level)).sum())
    elif classification == "hs22":
        hs = _frame("classif_hs2022_datahub/harmonized-system.csv", _parse_plain)
        hs = hs[hs["level"].isin(["2", "4", "6"])]
        _, names = _hs_sections()
        t = pd.DataFrame({"code": hs["hscode"], "level": hs["level"].astype(int),
                          "name": hs["description"].str.strip(),
                          "parent": hs["parent"].where(hs["parent"] != "TOTAL", np.nan),
                          "section": hs["section"], "section_name": hs["section"].map(names)})
        fallback = int((t["level"] == level).sum()) if lang == "es" else 0
    elif classification == "sitc2":
        t = _kim_hier_table("sitc2_desc.csv", letters=False)
    elif classification == "bec4":
        t = _kim_hier_table("bec4_desc.csv", letters=False)
    else:
        t = _kim_hier_table(f"{classification}_desc.csv", letters=True)
    if classification not in ("hs07", "hs92", "hs22") and lang == "es":
        fallback = int((t["level"] == level).sum())
    t = t.copy()
    t["parent"] = t["parent"].where(~((t["level"] == 2) & t["parent"].isna()), t["section"])
    available = sorted(int(x) for x in t["level"].dropna().unique() if int(x) > 0)
    if level not in available:
        raise ValueError(f"{classification} has no level {level!r}; available levels: {available}")
    out = t[t["level"] == level][["code", "name", "parent", "section", "section_name"]]
    out = out.reset_index(drop=True)
    for c in out.columns:
        out[c] = _text(out[c])
    out.attrs["english_fallback"] = fallback
    return out


# --------------------------------------------------------------------------------------------
# concordances
# --------------------------------------------------------------------------------------------

# (source, target) -> (file, source column prefix, target column prefix, restrict-to desc file)
_CONCORDANCES: dict[tuple[str, str], tuple[str, str, str, str | None]] = {
    ("hs07", "isic4"): ("hs_isic4.csv", "HS", "ISIC4", "hs3_desc.csv"),
    ("hs92", "isic4"): ("hs_isic4.csv", "HS", "ISIC4", "hs0_desc.csv"),
    ("hs22", "isic4"): ("hs_isic4.csv", "HS", "ISIC4", "hs6_desc.csv"),
    ("hs07", "isic3"): ("hs3_isic3.csv", "HS3", "ISIC3", None),
    ("hs92", "isic3"): ("hs0_isic3.csv", "HS0", "ISIC3", None),
    ("hs07", "sitc2"): ("hs3_sitc2.csv", "HS3", "SITC2", None),
    ("hs92", "sitc2"): ("hs0_sitc2.csv", "HS0", "SITC2", None),
    ("hs22", "sitc2"): ("hs6_sitc2.csv", "HS6", "SITC2", None),
    ("hs07", "hs92"): ("hs3_hs0.csv", "HS3", "HS0", None),
    ("hs22", "hs07"): ("hs6_hs3.csv", "HS6", "HS3", None),
    ("hs22", "hs92"): ("hs6_hs0.csv", "HS6", "HS0", None),
    ("hs07", "bec4"): ("hs3_bec4.csv", "HS3", "BEC4", None),
    ("hs92", "bec4"): ("hs0_bec4.csv", "HS0", "BEC4", None),
    ("isic4", "isic3"): ("isic4_isic3.csv", "ISIC4", "ISIC3", None),
    ("sitc2", "isic2"): ("sitc2_isic2.csv", "SITC2", "ISIC2", None),
}
_DEFAULT_LEVEL = {"hs07": 4, "hs92": 4, "hs22": 4, "isic4": 4, "isic3": 4, "isic2": 4, "sitc2": 4, "bec4": 3}


def concordance(source: str, target: str, *, source_level: int | None = None,
                target_level: int | None = None) -> pd.DataFrame:
    """Correspondence table from one classification to another, with equal-split weights.

    Returns columns ``<source>``, ``<target>`` (named after the classifications, e.g. ``hs07``,
    ``isic4``) and ``weight``. Built from the 6-digit UN/WITS correspondences of the R
    package concordance (Liao, Kim, Miyano & Zhang 2020), aggregated to the requested levels
    (defaults: HS, ISIC and SITC at 4 digits, BEC at 3): each distinct (source, target) pair is one
    row and a source code that maps to n target codes gets weight 1/n on each (equal split, no
    trade weights). The weights of every source code sum to 1, so
    ``(value * weight).groupby(target).sum()`` keeps the total. Reverse pairs (e.g. hs92 -> hs07)
    are the same table read the other way, again with 1/n weights.
    Caveats: ``hs_isic4`` pools all HS vintages; for hs07 -> isic4 only HS2007 6-digit codes are
    kept, but a code reused across vintages may carry mappings of another vintage. Source codes
    without any target (e.g. HS 0502 in hs_isic4) are left out.
    """
    source, target = str(source).lower(), str(target).lower()
    pairs = list(_CONCORDANCES) + [(t, s) for s, t in _CONCORDANCES]
    if (source, target) not in pairs:
        raise ValueError(f"no concordance {source!r} -> {target!r}; available pairs: "
                         f"{[f'{s}->{t}' for s, t in pairs]}")
    reverse = (source, target) not in _CONCORDANCES
    key = (target, source) if reverse else (source, target)
    file, sp, tp, restrict = _CONCORDANCES[key]
    d = _frame(f"{_KIM}/{file}", _parse_plain)
    if restrict:
        desc = _frame(f"{_KIM}/{restrict}", _parse_desc)
        d = d[d[f"{sp}_6d"].isin(desc.loc[desc["code"].str.len() == 6, "code"])]
    s_level = source_level if source_level is not None else _DEFAULT_LEVEL.get(source, 4)
    t_level = target_level if target_level is not None else _DEFAULT_LEVEL.get(target, 4)
    prefix = {source: tp if reverse else sp, target: sp if reverse else tp}

    def column(cls: str, level: int) -> str:
        name = f"{prefix[cls]}_{level}d"
        if name not in d.columns:
            have = sorted(int(c.split("_")[1][:-1]) for c in d.columns if c.startswith(prefix[cls] + "_"))
            raise ValueError(f"{cls} has no level {level} in this concordance; available levels: {have}")
        return name

    sc, tc = column(source, s_level), column(target, t_level)
    out = d[[sc, tc]].rename(columns={sc: source, tc: target})
    out = out[(out[source].str.strip() != "") & (out[target].str.strip() != "")]
    out = out.drop_duplicates().sort_values([source, target]).reset_index(drop=True)
    out["weight"] = 1.0 / out.groupby(source)[target].transform("size").astype("float64")
    return out


# --------------------------------------------------------------------------------------------
# product space layout
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _json_cached(path: str, mtime_ns: int) -> str:
    return Path(path).read_text(encoding="utf-8")


def _json(rel: str):
    p = verify(rel, datasets_dir())
    return json.loads(_json_cached(str(p), p.stat().st_mtime_ns))


def product_space_layout(classification: str = "hs") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Atlas product space: node positions and the backbone edges (Hidalgo et al. 2007).

    ``classification``: ``"hs"`` (HS92 4-digit: 866 nodes, 2,532 edges) or ``"sitc"`` (SITC
    Rev. 2 4-digit: 774 nodes, 1,779 edges). Returns ``(nodes, edges)``: nodes has product, x, y
    (layout coordinates, no units), name (short English label), long_name, color (the Atlas
    sector colour, e.g. '#F5CF23'); edges has source, target (product codes). Products without a
    position in the layout are not in ``nodes``.
    Source: Growth Lab, github.com/cid-harvard/product-space (MIT).
    """
    key = str(classification).lower()
    files = {"hs": ("layout_HS.json", "HS_Metadata.json"), "sitc": ("layout_SITC.json", "SITC_Metadata.json")}
    if key not in files:
        raise ValueError(f"unknown classification {classification!r}; available: {list(files)}")
    layout = _json(f"product_space_growthlab/{files[key][0]}")
    meta = pd.DataFrame(_json(f"product_space_growthlab/{files[key][1]}"))
    nodes = pd.DataFrame(layout["nodes"]).rename(columns={"id": "product"})
    nodes["product"] = _str_codes(nodes["product"], 4)
    nodes["x"] = nodes["x"].astype("float64")
    nodes["y"] = nodes["y"].astype("float64")
    meta = meta.rename(columns={"id": "product", "shortLabel": "name", "longLabel": "long_name"})
    meta["product"] = _str_codes(meta["product"], 4)
    nodes = nodes.merge(meta[["product", "name", "long_name", "color"]], on="product", how="left")
    edges = pd.DataFrame(layout["edges"])[["source", "target"]]
    edges["source"] = _str_codes(edges["source"], 4)
    edges["target"] = _str_codes(edges["target"], 4)
    return nodes, edges


# --------------------------------------------------------------------------------------------
# your own file
# --------------------------------------------------------------------------------------------

_SHOW = 5  # offending rows quoted in an error message
_HEADER_SEARCH = 50  # header must be in the first 50 rows
_HS = ("hs07", "hs92", "hs22")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _norm_header(cell: object) -> str:
    return " ".join(str(cell).replace("\ufeff", "").split()).lower() if cell is not None else ""


def _fail(where: str, column: str | None, problem: str, bad: Sequence[tuple[int, object]], unit: str,
          fix: str) -> None:
    lines = [f"{where}, column {column!r}: {problem}" if column else f"{where}: {problem}"]
    for number, value in list(bad)[:_SHOW]:
        lines.append(f"  {unit} {number}: {value!r}")
    if len(bad) > _SHOW:
        lines.append(f"  ... and {len(bad) - _SHOW} more")
    lines.append(f"How to fix: {fix}")
    raise DataValidationError("\n".join(lines))


def _decode_text(data: bytes, encoding: str | None, where: str) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise DataValidationError(
                f"{where}: cannot be read as {encoding!r} ({err}). How to fix: leave encoding=None "
                f"to detect UTF-8 or Latin-1, or save the file as 'CSV UTF-8' in Excel."
            ) from None
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte")  # pragma: no cover


def _csv_grids(text: str, delimiter: str | None) -> list[list[tuple[int, list]]]:
    """The text parsed with each candidate delimiter; rows carry their line number in the file."""
    grids = []
    for delim in ([delimiter] if delimiter else [",", ";", "\t", "|"]):
        reader = csv.reader(io.StringIO(text), delimiter=delim)
        rows, start = [], 1
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
        grids.append(rows)
    return grids


def _excel_grid(path: Path, sheet: str | int | None) -> tuple[list[tuple[int, list]], str]:
    """Cells of one sheet with Excel's row numbers; returns (rows, sheet name)."""
    if path.suffix.lower() == ".xls":
        import xlrd

        book = xlrd.open_workbook(str(path), on_demand=True)
        names = book.sheet_names()
        try:
            sh = book.sheet_by_name(sheet) if isinstance(sheet, str) else book.sheet_by_index(sheet or 0)
        except (xlrd.biffh.XLRDError, IndexError):
            raise DataValidationError(f"{path.name}: no sheet {sheet!r}; the sheets are {names}. "
                                      f"How to fix: pass sheet= one of these names.") from None
        rows = [(i + 1, sh.row_values(i)) for i in range(sh.nrows)]
        book.release_resources()
        return rows, sh.name
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    try:
        names = book.sheetnames
        try:
            ws = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet or 0]
        except (KeyError, IndexError):
            raise DataValidationError(f"{path.name}: no sheet {sheet!r}; the sheets are {names}. "
                                      f"How to fix: pass sheet= one of these names.") from None
        rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1)]
        return rows, ws.title
    finally:
        book.close()


def _find_header(rows: list[tuple[int, list]], wanted: list[str]) -> int | None:
    want = [_norm_header(w) for w in wanted]
    for k, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        names = [_norm_header(c) for c in cells]
        if all(w in names for w in want):
            return k
    return None


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, float) and np.isnan(cell)) or (isinstance(cell, str) and not cell.strip())


def _number(cell: object, decimal: str, thousands: str | None, na_values: set[str]) -> float | None:
    """float, NaN (missing) or None (not a number)."""
    if _blank(cell):
        return np.nan
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float, np.integer, np.floating)):
        return float(cell)
    text = str(cell).strip()
    if text in na_values:
        return np.nan
    text = text.replace("\u00a0", " ")
    if thousands:
        text = text.replace(thousands, "")
    if decimal != ".":
        if "." in text:
            return None
        text = text.replace(decimal, ".")
    text = text.strip()
    return float(text) if _NUMBER.fullmatch(text) else None


def _number_hint(bad: Iterable[object], decimal: str, thousands: str | None) -> str:
    texts = [str(v) for v in bad]
    if any(re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+,\d+", t.strip()) for t in texts) and decimal == ".":
        return ("the numbers use a decimal comma (e.g. 1.234,5): pass decimal=\",\" and thousands=\".\" "
                "(or format the column as Number in Excel before saving).")
    if any(re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", t.strip()) for t in texts):
        return "the numbers use a thousands comma (e.g. 1,234.5): pass thousands=\",\"."
    if any(re.fullmatch(r"-?\d{1,3}([ \u00a0]\d{3})+([.,]\d+)?", t.strip()) for t in texts):
        return "the numbers use spaces between thousands: pass thousands=\" \" (and decimal=\",\" if needed)."
    return ("write values as plain numbers (e.g. 1234.5) and leave not-reported cells empty; or pass "
            "na_values=[...] with the text your file uses for 'not available' (e.g. na_values=['n.d.']) "
            "so those cells are read as missing (NaN), which is not the same as zero.")


def _code(cell: object) -> str:
    if _blank(cell):
        return ""
    if isinstance(cell, (float, np.floating)) and float(cell).is_integer():
        cell = int(cell)
    return re.sub(r"[.\s]", "", str(cell).strip())


def read_trade_file(
    path: str | Path,
    *,
    country_col: str | None = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    year_col: str | None = None,
    country: str | None = None,
    year: int | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str = ".",
    thousands: str | None = None,
    na_values: Sequence[str] = (),
    classification: str | None = "hs07",
    value_name: str = "export_value",
) -> pd.DataFrame:
    """Read your own trade file (CSV or Excel) into the tidy shape of :func:`load_trade`.

    Returns columns year, country (ISO3 upper case), product (code as text, zero-padded),
    ``value_name`` (float; empty cells are NaN = not reported, never 0). The file is only read.

    - CSV/TXT in UTF-8 or Latin-1/Windows-1252 (detected; or pass ``encoding``), separated by
      ``,`` ``;`` tab or ``|`` (detected; or pass ``delimiter``); Excel ``.xlsx``/``.xls``
      (``sheet`` = name or 0-based position, default the first sheet).
    - Title lines above the table are fine: the header is the first row (of the first 50) that
      contains all the column names you pass.
    - ``decimal=","`` and ``thousands="."`` read numbers such as ``1.234,5``; ``na_values`` lists
      texts meaning "not available" (read as NaN).
    - No country column (a file of your own country's exports)? pass ``country_col=None,
      country="CHL"``. No year column? pass ``year=2022`` (else year is missing, <NA>).
    - Product codes: dots and spaces are removed ('0101.10' -> '010110'); for HS, a code with an
      odd number of digits gets its leading zero back (Excel drops it: 101 -> '0101'). Codes are
      checked against :func:`products` of ``classification`` (None: not checked).

    Raises :class:`DataValidationError` naming the file, the column and the first offending rows
    (line numbers as in a text editor, row numbers as in Excel) for: an empty file, a missing
    column, a non-numeric or negative value, an unknown country or product code, codes of mixed
    lengths (subtotal rows), a bad year, a duplicated (country, product[, year]).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found (check the folder and the name, with its extension)")
    where = path.name
    required = [c for c in (country_col, product_col, value_col, year_col) if c is not None]
    if country_col is None and not country:
        raise ValueError("pass country_col= (the column with ISO3 codes) or country='XXX' for a one-country file")
    if path.stat().st_size == 0:
        _fail(where, None, "the file is empty (0 bytes)", [], "line",
              "check that you saved the file before reading it, or choose the right file.")
    excel = path.suffix.lower() in (".xlsx", ".xlsm", ".xls")
    if excel:
        rows, sheet_name = _excel_grid(path, sheet)
        where = f"{path.name} (sheet {sheet_name!r})"
        grids, unit = [rows], "row"
    else:
        text = _decode_text(path.read_bytes(), encoding, where)
        if not text.strip():
            _fail(where, None, "the file is empty (only blank lines)", [], "line",
                  "check that you saved the file before reading it, or choose the right file.")
        grids, unit = _csv_grids(text, delimiter), "line"
    if not any(any(not _blank(c) for c in cells) for grid in grids for _, cells in grid):
        _fail(where, None, "the file is empty (no cells with content)", [], unit,
              "check that you chose the right file and sheet.")
    found = [(g, _find_header(g, required)) for g in grids]
    found = [(g, h) for g, h in found if h is not None]
    if not found:
        grid = max(grids, key=lambda g: max((sum(not _blank(c) for c in cells) for _, cells in g[:_HEADER_SEARCH]),
                                            default=0))
        best = max(grid[:_HEADER_SEARCH], key=lambda r: sum(not _blank(c) for c in r[1]))
        have = [str(c).strip() for c in best[1] if not _blank(c)]
        missing = [c for c in required if _norm_header(c) not in [_norm_header(h) for h in have]]
        import difflib

        close = {m: difflib.get_close_matches(m, have, n=1, cutoff=0.5) for m in missing}
        hint = "; ".join(f"{m!r} -> did you mean {v[0]!r}?" for m, v in close.items() if v)
        _fail(where, None, f"required column(s) {missing} not found in the first {_HEADER_SEARCH} {unit}s; "
              f"the fullest {unit} ({unit} {best[0]}) has the columns {have}", [], unit,
              "pass the names of your columns, e.g. read_trade_file(path, country_col=..., product_col=..., "
              f"value_col=...). {hint}".strip())
    grid, h = found[0]
    header = [_norm_header(c) for c in grid[h][1]]
    idx = {c: header.index(_norm_header(c)) for c in required}
    records = []
    for number, cells in grid[h + 1:]:
        get = {c: (cells[i] if i < len(cells) else None) for c, i in idx.items()}
        if all(_blank(v) for v in get.values()):
            continue
        records.append((number, get))
    if not records:
        _fail(where, None, f"the header ({unit} {grid[h][0]}) is followed by no data {unit}s", [], unit,
              "add the data below the header, or check that you chose the right file and sheet.")
    numbers = [n for n, _ in records]

    # values
    na = {str(v).strip() for v in na_values}
    values, bad = [], []
    for n, get in records:
        v = _number(get[value_col], decimal, thousands, na)
        if v is None:
            bad.append((n, get[value_col]))
        values.append(v)
    if bad:
        _fail(where, value_col, f"{len(bad)} value(s) are not numbers", bad, unit,
              _number_hint([b for _, b in bad], decimal, thousands))
    values = np.asarray(values, dtype="float64")
    neg = [(n, get[value_col]) for (n, get), v in zip(records, values) if v < 0]
    if neg:
        _fail(where, value_col, f"{len(neg)} negative value(s); trade values cannot be negative", neg, unit,
              "correct these rows in your file (a minus sign often marks a correction or a re-export): "
              "remove them or replace them by the right value.")

    # countries
    if country_col is None:
        codes = [str(country).strip().upper()] * len(records)
        cells = [(n, country) for n in numbers]
    else:
        cells = [(n, get[country_col]) for n, get in records]
        codes = ["" if _blank(c) else str(c).strip().upper() for _, c in cells]
    known = set(countries()["iso3"])
    bad = [(n, raw) for (n, raw), c in zip(cells, codes) if c not in known]
    if bad:
        _fail(where, country_col or "country=", f"{len(bad)} unknown country code(s)", bad, unit,
              "use ISO 3166 alpha-3 codes such as 'CHL', 'MEX', 'BRA' (course_tools.data.countries() lists "
              "them with their names); map names or national codes to ISO3 first.")

    # products
    products_raw = [(n, get[product_col]) for n, get in records]
    prods = [_code(c) for _, c in products_raw]
    if classification in _HS:
        prods = [p.zfill(len(p) + 1) if p.isdigit() and len(p) % 2 == 1 else p for p in prods]
    if classification is not None:
        levels = (2, 4, 6) if classification in _HS else (1, 2, 3, 4, 5)
        valid: set[str] = set()
        for lv in levels:
            try:
                valid |= set(products(classification, lv)["code"])
            except ValueError:
                continue
        bad = [(n, raw) for (n, raw), p in zip(products_raw, prods) if p not in valid]
        if bad:
            _fail(where, product_col, f"{len(bad)} code(s) are not {classification} product codes", bad, unit,
                  f"check the classification (classification='hs07', 'hs92' or 'hs22'; None skips the check) "
                  f"and write codes as text with their leading zeros ('0101', not 101); "
                  f"course_tools.data.products({classification!r}) lists the valid codes.")
    lengths = pd.Series([len(p) for p in prods])
    if lengths.nunique() > 1:
        common = lengths.mode().iloc[0]
        bad = [(n, raw) for (n, raw), ln in zip(products_raw, lengths) if ln != common]
        _fail(where, product_col, f"codes of different lengths {sorted(lengths.unique().tolist())} "
              f"(most have {common} digits); totals or subtotals would be counted twice", bad, unit,
              "keep one level of detail: delete subtotal/total rows, or aggregate the file to one level first.")

    # years
    if year_col is not None:
        yrs, bad = [], []
        for n, get in records:
            c = get[year_col]
            t = _code(c)
            if t.isdigit() and len(t) == 4:
                yrs.append(int(t))
            else:
                bad.append((n, c))
        if bad:
            _fail(where, year_col, f"{len(bad)} year(s) are not 4-digit years", bad, unit,
                  "write years as numbers such as 2022.")
        year_values = pd.array(yrs, dtype="int64")
    elif year is not None:
        year_values = pd.array([int(year)] * len(records), dtype="int64")
    else:
        year_values = pd.array([pd.NA] * len(records), dtype="Int64")

    out = pd.DataFrame({"year": year_values, "country": codes, "product": prods, value_name: values})
    keys = ["country", "product"] + (["year"] if year_col is not None else [])
    dup = out.duplicated(keys, keep=False).to_numpy()
    if dup.any():
        bad = [(n, " / ".join(str(out.iloc[i][k]) for k in keys)) for i, n in enumerate(numbers) if dup[i]]
        _fail(where, None, f"{dup.sum()} {unit}s repeat the same ({', '.join(keys)})", bad, unit,
              "each product must appear once per country (and year): add the repeated rows up in your file, "
              "or keep only one of them.")
    for c in ("country", "product"):
        out[c] = _text(out[c])
    out.attrs["source_file"] = str(path)
    return out
