"""Countries, their codes and names, and the regional groups of Latin America and the Caribbean.

- :func:`countries`       one row per ISO3 code: ISO2, M49, names in English or Spanish, UN regions,
                          ``is_lac``, ``is_country``, ``sids``
- :func:`country_name`    the name of one code
- :func:`country_groups`, :func:`group_members`   ECLAC, ALADI, MERCOSUR, CAN, CARICOM, OECS, SICA...

Sources: datahub.io country-codes (UN M49, UNTERM), Growth Lab classifications, and the course's
compiled list of regional groups (``datasets/lac_country_groups``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data._cache import file_versions, shipped_table
from course_tools.data._common import DataValidationError, as_text, blank_to_nan
from course_tools.i18n import check_lang, text

__all__ = ["countries", "country_name", "country_groups", "group_members", "main_language"]

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


_SOURCES = ("country_codes_datahub/country-codes.csv", "classif_growthlab/locations_international_atlas.csv",
            "lac_country_groups/lac_country_groups.csv")


def _versions() -> tuple:
    """(path, modification time, size) of the files the tables of this module are built from (checked)."""
    return file_versions(_SOURCES)


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
    return _country_groups(bool(long), _versions()).copy()


@lru_cache(maxsize=8)
def _country_groups(long: bool, versions: tuple) -> pd.DataFrame:
    """:func:`country_groups`, built once per version of the files (the caller gets a copy)."""
    d = shipped_table("lac_country_groups/lac_country_groups.csv", _parse_lac_groups)
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
        raise DataValidationError(text("data_msg.country_codes.unknown_group", group=group,
                                       available=list(_GROUP_COLUMNS)))
    g = _country_groups(False, _versions())
    return sorted(g.loc[g[key], "iso3"].tolist())


def _parse_country_codes(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _parse_gl_locations(path: Path) -> pd.DataFrame:
    d = pd.read_csv(path, dtype=str, keep_default_na=False)
    return d[d["level"] == "country"].drop(columns=d.columns[0])


def _un_countries(cc: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows of the ISO/UN list: UNTERM short name, else the official name, else (English) CLDR's."""
    short, official = (("UNTERM English Short", "official_name_en") if lang == "en"
                       else ("UNTERM Spanish Short", "official_name_es"))
    name = cc[short].map(_clean_name)
    name = name.fillna(cc[official].map(_clean_name))
    if lang == "en":
        name = name.fillna(cc["CLDR display name"].map(_clean_name))
    return pd.DataFrame({
        "iso3": cc["ISO3166-1-Alpha-3"].str.strip().str.upper(),
        "iso2": blank_to_nan(cc["ISO3166-1-Alpha-2"]),
        "m49": cc["M49"].str.strip().str.zfill(3),
        "name": name,
        "region": blank_to_nan(cc["Region Name"]),
        "subregion": blank_to_nan(cc["Sub-region Name"]),
        "intermediate_region": blank_to_nan(cc["Intermediate Region Name"]),
        "is_country": cc["is_independent"].eq("Yes").to_numpy(),
        "sids": cc["Small Island Developing States (SIDS)"].str.strip().str.lower().eq("x").to_numpy(),
    })


def _atlas_names(gl: pd.DataFrame, lang: str) -> pd.Series:
    """Growth Lab name of each code in ``lang``, the English one where the Spanish is missing."""
    glname = blank_to_nan(gl.set_index("code")["name_es" if lang == "es" else "name_en"])
    return glname.fillna(gl.set_index("code")["name_en"])


def _atlas_only(gl: pd.DataFrame, glname: pd.Series, known: pd.Series) -> pd.DataFrame:
    """Rows for the Growth Lab codes missing from the ISO/UN list (former countries such as SUN, YUG)."""
    extra = gl.loc[~gl["code"].isin(known)]
    return pd.DataFrame({
        "iso3": extra["code"].to_numpy(),
        "iso2": blank_to_nan(extra["iso2"]).to_numpy(),
        "m49": np.nan,
        "name": glname.reindex(extra["code"]).map(_clean_name).to_numpy(),
        "region": np.nan, "subregion": np.nan, "intermediate_region": np.nan,
        "is_country": False, "sids": False,
    })


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
    return _countries(check_lang(lang), _versions()).copy()


@lru_cache(maxsize=8)
def _countries(lang: str, versions: tuple) -> pd.DataFrame:
    """:func:`countries`, built once per language and version of the files (the caller gets a copy)."""
    cc = shipped_table("country_codes_datahub/country-codes.csv", _parse_country_codes)
    gl = shipped_table("classif_growthlab/locations_international_atlas.csv", _parse_gl_locations)
    un = _un_countries(cc, lang)
    glname = _atlas_names(gl, lang)
    out = pd.concat([un, _atlas_only(gl, glname, un["iso3"])], ignore_index=True)
    out["name"] = out["name"].fillna(out["iso3"].map(glname).map(_clean_name))
    out["is_country"] = out["is_country"].astype(bool) | out["iso3"].isin(_FORMER_COUNTRIES | _CUSTOMS_TERRITORIES)
    out["is_lac"] = out["iso3"].isin(group_members("lac"))
    for c in ("iso3", "iso2", "m49", "region", "subregion", "intermediate_region", "name"):
        out[c] = as_text(out[c])
    out = out[["iso3", "iso2", "m49", "name", "region", "subregion", "intermediate_region",
               "is_lac", "is_country", "sids"]]
    return out.sort_values("iso3").reset_index(drop=True)


def country_name(iso3: str, lang: str = "en") -> str:
    """Name of a country from its ISO3 code: ``country_name("CHL", "es") -> 'Chile'``."""
    table = _names(check_lang(lang), _versions())
    key = str(iso3).strip().upper()
    if key not in table:
        raise DataValidationError(text("data_msg.country_codes.unknown_country", lang, code=iso3))
    return table[key]


def main_language(iso3: str) -> str:
    """The first official language of a country, as a two-letter code: ``main_language("PRY") -> 'es'``.

    From the ``Languages`` column of the ISO/UN list (datahub country-codes, e.g. ``'es-PY,gn'``);
    ``""`` for a code without languages there. An unknown code raises :class:`DataValidationError`.
    """
    table = _languages(_versions())
    key = str(iso3).strip().upper()
    if key not in table:
        raise DataValidationError(text("data_msg.country_codes.unknown_country", code=iso3))
    return table[key]


@lru_cache(maxsize=2)
def _languages(versions: tuple) -> dict[str, str]:
    cc = shipped_table("country_codes_datahub/country-codes.csv", _parse_country_codes)
    first = cc["Languages"].str.split(",").str[0].str.split("-").str[0].str.strip().str.lower()
    out = dict(zip(cc["ISO3166-1-Alpha-3"].str.strip().str.upper(), first.fillna("")))
    return {k: v for k, v in out.items() if k}


@lru_cache(maxsize=8)
def _names(lang: str, versions: tuple) -> dict[str, str]:
    return {str(k): str(v) for k, v in _countries(lang, versions).set_index("iso3")["name"].items()}
