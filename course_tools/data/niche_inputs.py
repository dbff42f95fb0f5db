"""The tables the niche model needs, loaded from the shipped datasets: :func:`niche_criteria`.

The criteria table itself is a pure function of tables passed in
(:func:`course_tools.methods.criteria.criteria_table`); this module loads the shipped ones and
says where each number comes from:

=====================  ==========================================================================
criteria               shipped table
=====================  ==========================================================================
rca, rsca, export      ``data.load_trade(2017)`` (trade_ots_economiccomplexity, HS 2007 4-digit)
density ... cog        the same table, cleaned by ``filter_for_complexity``
demand_growth          ``data.load_product_year()`` (Atlas panels, HS 1992), 1995-2023
share_change           ``data.load_trade(1980)`` -> ``load_trade(2017)``
lac_demand_share       ``data.load_gravity()`` (2006 totals) and ``data.group_members("lac")``
linkages               ``data.load_mrio_2000()`` (26 regions x 23 sectors), the country's domestic
                       block or a declared proxy, to HS 2007 by ``data.concordance("hs07", "isic3")``
=====================  ==========================================================================

The notes in ``attrs["notes"]`` state these sources, their proxies and their caveats, to print in a
lesson or the country report.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from course_tools import data
from course_tools.data._cache import built_once
from course_tools.methods.criteria import NicheCriteriaError, criteria_table, io_linkages

__all__ = ["YEARS", "BASE_YEAR", "DEMAND_YEARS", "MRIO_REGIONS", "IO_PROXY_REGION", "niche_criteria"]

#: Years for which :func:`niche_criteria` can build the table from the shipped data.
YEARS: tuple[int, ...] = (2017,)
#: The comparison year of the market share change (the other recent trade table shipped).
BASE_YEAR = 1980
#: The window of world demand growth in the Atlas product panel.
DEMAND_YEARS: tuple[int, int] = (1995, 2023)
#: The regions of the world input-output table 2000 (their own codes: NDL = Netherlands, ROW = rest of the world).
MRIO_REGIONS: tuple[str, ...] = ("AUS", "AUT", "BEL", "BRA", "CAN", "CHN", "DEU", "DNK", "ESP", "FIN", "FRA", "GBR",
                                 "GRC", "HKG", "IND", "IRL", "ITA", "JPN", "KOR", "MEX", "NDL", "PRT", "ROW", "SWE",
                                 "TWN", "USA")
#: Region of the MRIO 2000 used for countries that are not in it (a declared proxy).
IO_PROXY_REGION = "BRA"


def _checked(country: object, year: object, io_region: str | None) -> tuple[str, str]:
    """(country code, input-output region), or a clear error for the country, the year or the region."""
    if not isinstance(country, str) or not country.strip():
        raise NicheCriteriaError(f"country must be an ISO3 code such as 'MEX', not {country!r}")
    code = country.strip().upper()
    if year not in YEARS:
        raise NicheCriteriaError(
            f"the criteria table is built for year(s) {list(YEARS)} only (got {year!r}): the world "
            f"trade table of 2017 is the only recent one shipped (data.TRADE_YEARS = {list(data.TRADE_YEARS)}), "
            f"and {BASE_YEAR} is its comparison year for the market share change")
    region = (code if code in MRIO_REGIONS else IO_PROXY_REGION) if io_region is None else str(io_region).upper()
    if region not in MRIO_REGIONS:
        raise NicheCriteriaError(f"io_region must be one of the regions of the world input-output table "
                                 f"{list(MRIO_REGIONS)} (their own codes: NDL = Netherlands, ROW = rest of the "
                                 f"world), not {io_region!r}")
    return code, region


def _check_reporter(trade: pd.DataFrame, code: str, year: int) -> None:
    if not ((trade["country"] == code) & trade["export_value"].notna()).any():
        known = data.countries("en").set_index("iso3")["name"]
        hint = f" ({known[code]} does not report trade in {year})" if code in known.index else \
            " (not an ISO3 code: see data.countries())"
        raise NicheCriteriaError(f"{code!r} is not a reporter of the {year} trade table{hint}; use an ISO3 "
                                 f"code in capitals of a reporting country, e.g. 'MEX' or 'JAM'")


def mrio_linkages(region: str) -> pd.DataFrame:
    """Backward and forward linkages of the domestic block of one region of the world input-output table 2000."""
    mrio = data.load_mrio_2000()
    Z = mrio.Z.loc[region, region]
    x = mrio.x.loc[region] if isinstance(mrio.x.index, pd.MultiIndex) else mrio.x.loc[Z.index]
    return io_linkages(Z, pd.Series(np.asarray(x, dtype=float), index=Z.index))


def _notes(out: pd.DataFrame, code: str, year: int, region: str) -> list[str]:
    """Provenance and caveats of each group of criteria, for the shipped tables."""
    a = out.attrs
    n_c, n_p = a["n_complexity_countries"], a["n_complexity_products"]
    y0, y1 = DEMAND_YEARS
    notes = [
        f"rca/rsca: Balassa RCA in {year} against every reporter of the table (L05); presence in "
        f"density/PCI/COG uses the {n_c} countries of the cleaned set, so RCA near 1 "
        f"can differ slightly from the presence used there.",
        f"density, distance, PCI, COG: indicators.complexity, py-ecomplexity convention, on "
        f"{n_c} countries x {n_p} products after filter_for_complexity "
        f"(L08); COG is the Growth Lab software form (0 where the country already has RCA >= 1).",
        f"demand_growth: change in the product's weight in world trade {y0}-{y1} (Atlas, HS 1992), "
        f"joined on the same code; {a['nan_counts']['demand_growth']} HS 2007 headings without a "
        f"HS 1992 twin are NaN.",
    ]
    if a["base_year_reporter"]:
        notes.append(f"share_change: change of {code}'s world market share {BASE_YEAR}-{year} (L07, world = all "
                     f"reporters); NaN for {a['nan_counts']['share_change']} headings with no world trade "
                     f"in {BASE_YEAR} (HS 2007 codes not mapped from SITC by the source). The quadrant combines it with "
                     f"demand {y0}-{y1}: two different windows.")
    else:
        notes.append(f"share_change: {code} is not a reporter of the {BASE_YEAR} table, so its market share change "
                     f"cannot be computed (all NaN).")
    notes.append("lac_demand_share is a PROXY: product-level imports of LAC are not shipped; each exporter's "
                 "2006 share of exports going to LAC (gravity table, total trade) is applied to its 2017 exports "
                 "of the product. Bias: products exported mainly by LAC countries score high because LAC exporters "
                 "sell much of their total exports in the region, even where that product goes elsewhere (e.g. "
                 "soybean cake 2304). Partner trade intensity is left out: the only bilateral data by product "
                 "(Chile-Argentina HS6 2002/2004) cannot make it product-level for other countries.")
    notes.append(f"backward/forward linkages: {region} domestic block of the world input-output table 2000 "
                 f"(23 sectors; Rasmussen backward, Ghosh forward, L09), to HS 2007 by the hs07->isic3 "
                 f"concordance (1/n weights; ISIC division 20 wood put in 'Dnec')"
                 + (f"; {code} is not in the table, so {region} is a PROXY of its structure." if a["io_proxy"]
                    else "."))
    notes.append("territory/SME: no criterion. The only SME census shipped (INEGI, Tamaulipas) covers one "
                 "state at SCIAN 2-digit level, where every manufactured product is in sector 31-33: it cannot "
                 "tell products apart nor speak for the whole country (see L10).")
    return notes


def niche_criteria(
    country: str,
    *,
    year: int = 2017,
    io_region: str | None = None,
    lac: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The criteria table of ``country`` from the shipped tables: one row per HS 2007 4-digit product.

    Rows: every product of the cleaned complexity set of ``data.load_trade(year)`` (NaN exports
    dropped, then :func:`~course_tools.indicators.filter_for_complexity` with its defaults:
    1,137 products in 2017); index named ``product`` (code strings). Columns:
    :data:`course_tools.methods.criteria.CRITERIA`, described by
    :func:`~course_tools.methods.criteria.criteria_catalogue`; computed by
    :func:`~course_tools.methods.criteria.criteria_table` from the tables in the module docstring.
    NaN = not available for that product; the quadrant label is
    :func:`~course_tools.methods.criteria.competitiveness_quadrant` of the table.

    ``io_region``: region of the world input-output table 2000 used for the linkages; default the
    country itself if it is one of the 26 regions (e.g. MEX, BRA), else :data:`IO_PROXY_REGION`
    (a declared proxy). ``lac``: the group for ``lac_demand_share`` (default
    ``data.group_members("lac")``).

    ``attrs``: ``country``, ``year``, ``io_region``, ``io_proxy`` (bool), ``nan_counts`` (per
    criterion), ``higher_is_better`` (criterion -> bool, read by
    :func:`course_tools.methods.niches.normalise`), ``notes`` (list of sentences on provenance and
    caveats, to print in a lesson or report), and the facts of ``criteria_table``. Computes in
    about 2-3 s, once per country and version of the shipped files (then a copy of the table).
    """
    code, region = _checked(country, year, io_region)
    members = tuple(data.group_members("lac") if lac is None else [str(c).strip().upper() for c in lac])
    return _criteria_of(code, int(year), region, members)


@built_once("trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv",
            "trade_ots_economiccomplexity/world_trade_1980_hs07_4d.csv",
            "trade_atlas_derived_panels_monicact/product_year_indicators.csv",
            "trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv", "lac_country_groups/lac_country_groups.csv",
            "io_world_mrio_2000_26r23s/miom_world_2000.xlsx", "concordances_kim/hs3_isic3.csv", maxsize=16)
def _criteria_of(code: str, year: int, region: str, lac: tuple[str, ...]) -> pd.DataFrame:
    """:func:`niche_criteria`, computed once per country, year, region, group and version of the files."""
    trade = data.load_trade(year)
    _check_reporter(trade, code, year)
    out = criteria_table(
        code, trade, trade_base=data.load_trade(BASE_YEAR), product_year=data.load_product_year(),
        flows=data.load_gravity(), lac_members=list(lac),
        linkages=mrio_linkages(region), concordance=data.concordance("hs07", "isic3"),
        io_region=region, year=year, demand_years=DEMAND_YEARS,
    )
    out.attrs["notes"] = _notes(out, code, year, region)
    return out
