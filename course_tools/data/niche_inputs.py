"""The tables the niche model needs, from a trade panel (the shipped tables by default): :func:`niche_inputs`.

The criteria table is a pure function of tables passed in
(:func:`course_tools.methods.criteria.criteria_table`); this module takes them from ONE
:class:`~course_tools.data.panel.TradePanel`, for one year and ONE dynamics window, and says where
each number comes from:

=====================  ==========================================================================
criteria               source
=====================  ==========================================================================
rca, rsca, export      ``panel.exports(year)`` (shipped: trade_ots_economiccomplexity, 2017)
density ... cog        the same table, cleaned by ``filter_for_complexity``
demand_growth,         ``panel.exports(y0)`` and ``panel.exports(y1)`` of the window (shipped: 1980-2017):
share_change           world demand CAGR and the country's market-share change
lac_demand_share       ``panel.bilateral(year)`` when the panel has importers; else the labelled proxy
                       from the 2006 gravity table (``data.load_gravity()``)
untapped_potential     ``methods.export_potential`` on the panel's bilateral flows; else the labelled
                       proxy ``methods.potential_proxy`` (2006 bilateral shares); CEPII distances
linkages               a national table (``read_io_table``) or the world input-output table 2000,
                       the country's domestic block or a declared proxy (``data.load_mrio_2000()``)
extra criteria         ``read_criteria`` (e.g. an SME census)
=====================  ==========================================================================

:func:`niche_inputs` returns the criteria table with the country's potential in every market (for
the markets of each niche), the panel's provenance, which source each group of criteria used, and
notes in English and Spanish (:class:`~course_tools.data.panel.Note`) to print in a lesson or report.
:func:`niche_criteria` keeps the shorter call of lesson L11 on the shipped tables.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from course_tools import data
from course_tools.data._cache import built_once
from course_tools.data._common import DataValidationError
from course_tools.data.panel import Note, Provenance, TradePanel, shipped_panel, year_span
from course_tools.i18n import text
from course_tools.methods.complexity import ComplexityResult
from course_tools.methods.criteria import (
    NicheCriteriaError,
    complexity_of_table,
    criteria_table,
    io_linkages,
    lac_import_share,
)
from course_tools.methods.export_potential import export_potential, untapped_by_product
from course_tools.methods.potential_proxy import allocation_shares, proxy_potential

__all__ = ["MRIO_REGIONS", "IO_PROXY_REGION", "POTENTIAL_YEARS", "NicheInputs", "default_window", "year_and_window",
           "niche_inputs",
           "niche_criteria", "mrio_linkages"]

#: The regions of the world input-output table 2000 (their own codes: NDL = Netherlands, ROW = rest of the world).
MRIO_REGIONS: tuple[str, ...] = ("AUS", "AUT", "BEL", "BRA", "CAN", "CHN", "DEU", "DNK", "ESP", "FIN", "FRA", "GBR",
                                 "GRC", "HKG", "IND", "IRL", "ITA", "JPN", "KOR", "MEX", "NDL", "PRT", "ROW", "SWE",
                                 "TWN", "USA")
#: Region of the MRIO 2000 used for countries that are not in it (a declared proxy).
IO_PROXY_REGION = "BRA"
#: Years averaged for the export potential: the year of the criteria and up to this many before it (ITC: 5;
#: METHODS-niches S2: 3), those the panel holds.
POTENTIAL_YEARS = 3


@dataclass
class NicheInputs:
    """Everything the niche model takes from the data for one country, year and window.

    ``criteria``: the criteria table (``attrs["notes"]`` are the notes below, as text in English);
    ``potential``: the country's export potential in every market (:func:`export_potential` columns);
    ``provenance``: the panel's; ``sources``: which source each group used (``lac_demand``: "bilateral"
    or "proxy"; ``potential``: "bilateral", "proxy" or "proxy_own_partners"; ``linkages``:
    "national", "mrio" or "mrio_proxy"; ``dynamics``: "window" or "none"); ``notes``: one
    :class:`Note` per group (``note.in_lang("es")``).
    """

    country: str
    year: int
    window: tuple[int, int] | None
    criteria: pd.DataFrame
    potential: pd.DataFrame
    provenance: Provenance
    sources: dict[str, str]
    notes: list[Any] = field(default_factory=list)

    def note_texts(self, lang: str | None = None) -> list[str]:
        """The notes in ``lang`` (provenance notes of the panel first)."""
        return self.provenance.note_texts(lang) + [n.in_lang(lang) if isinstance(n, Note) else str(n)
                                                   for n in self.notes]


def default_window(panel: TradePanel, year: int) -> tuple[int, int] | None:
    """The dynamics window ending at ``year``: from the panel year nearest to ``year - 10`` (earlier years only)."""
    before = [y for y in panel.years if y < year]
    if not before:
        return None
    return min(before, key=lambda y: (abs(y - (year - 10)), -y)), int(year)


def year_and_window(panel: TradePanel, year: int | None, window: tuple[int, int] | None
                    ) -> tuple[int, tuple[int, int] | None]:
    """The year of the criteria (default the panel's last) and the window (default :func:`default_window`),
    checked against the panel: a year or window it lacks is a :class:`DataValidationError`."""
    y = panel.years[-1] if year is None else year
    if not isinstance(y, (int, np.integer)) or isinstance(y, bool) or int(y) not in panel.years:
        raise DataValidationError(text("niche_data.year_not_in_panel", None, year=repr(year),
                                       years=year_span(panel.years)))
    y = int(y)
    if window is None:
        return y, default_window(panel, y)
    w = panel.window(int(window[0]), int(window[1]))
    if w[1] > y:
        raise DataValidationError(text("niche_data.window_end", None, y0=w[0], y1=w[1], year=y))
    return y, w


def mrio_linkages(region: str) -> pd.DataFrame:
    """Backward and forward linkages of the domestic block of one region of the world input-output table 2000."""
    mrio = data.load_mrio_2000()
    Z = mrio.Z.loc[region, region]
    x = mrio.x.loc[region] if isinstance(mrio.x.index, pd.MultiIndex) else mrio.x.loc[Z.index]
    return io_linkages(Z, pd.Series(np.asarray(x, dtype=float), index=Z.index))


def _linkage_inputs(code: str, io: Any, io_region: str | None) -> tuple[dict, str, Note]:
    """criteria_table's linkage arguments, the source label and its note."""
    if io is not None:
        inputs = io.criteria_inputs()
        return inputs, "national", Note("niche_data.linkages_national", source=str(io.source), n=int(len(io.x)))
    region = (code if code in MRIO_REGIONS else IO_PROXY_REGION) if io_region is None else str(io_region).upper()
    if region not in MRIO_REGIONS:
        raise NicheCriteriaError(text("home.niche_inputs.bad_io_region", regions=list(MRIO_REGIONS),
                                      io_region=repr(io_region)))
    inputs = {"linkages": mrio_linkages(region), "concordance": data.concordance("hs07", "isic3"),
              "io_region": region}
    if region != code:
        return inputs, "mrio_proxy", Note("niche_data.linkages_proxy", country=code, region=region)
    return inputs, "mrio", Note("niche_data.linkages_mrio", region=region)


def _distances() -> pd.DataFrame:
    g = data.load_gravity(current_codes=True)
    return g[["exporter", "importer", "distance_km"]].rename(columns={"distance_km": "dist"})


def _potential(panel: TradePanel, code: str, year: int, trade: pd.DataFrame) -> tuple[pd.DataFrame, str, list[Note]]:
    """The country's export potential in every market: measured (bilateral panel) or the labelled proxy."""
    if panel.has_importers:
        years = [y for y in panel.years if year - POTENTIAL_YEARS < y <= year]
        flows = panel.flows[panel.flows["year"].isin(years)]
        pot = export_potential(flows, years=years, distances=_distances(), exporters=[code])
        return pot, "bilateral", [Note("niche_data.potential_bilateral", years=year_span(years))]
    gravity = data.load_gravity(current_codes=True)
    exporters = trade.dropna(subset=["export_value"])["country"].unique()
    shares = allocation_shares(gravity, exporters)
    source, notes = "proxy", [Note("niche_data.potential_proxy", year=year, country=code)]
    own = panel.flows[(panel.flows["year"] == year) & (panel.flows["exporter"] == code)]
    if len(own) and not (own["importer"] == "WLD").any():   # a customs file with partners: the country's own shares
        by = own.groupby("importer", observed=True)["value"].sum()
        by = by[(by > 0) & (by.index != code)]
        shares = pd.concat([shares[shares["exporter"] != code],
                            pd.DataFrame({"exporter": code, "importer": by.index.astype(str),
                                          "share": (by / by.sum()).to_numpy(), "fallback": False})])
        source, notes = "proxy_own_partners", [Note("niche_data.potential_own_partners", country=code)]
    fb = sorted(shares.loc[shares["fallback"].astype(bool), "exporter"].unique())
    if fb:
        notes.append(Note("niche_data.potential_fallback", n=len(fb), examples=", ".join(fb[:5])))
    pot = proxy_potential(trade, shares, exporters=[code], distances=_distances())
    return pot, source, notes


def _lac_inputs(panel: TradePanel, year: int, members: list[str]) -> tuple[dict, str, Note]:
    if panel.has_importers:
        lac = lac_import_share(panel.bilateral(year), members)
        return {"lac_demand": lac}, "bilateral", Note("niche_data.lac_bilateral", n_lac=len(members), year=year)
    return ({"flows": data.load_gravity(current_codes=True), "lac_members": members}, "proxy",
            Note("niche_data.lac_proxy", year=year))


def _dynamics_notes(out: pd.DataFrame, code: str, window: tuple[int, int] | None, year: int) -> list[Note]:
    if window is None:
        return [Note("niche_data.no_dynamics", year=year)]
    y0, y1 = window
    notes = [Note("niche_data.dynamics", y0=y0, y1=y1, n_nan=int(out["demand_growth"].isna().sum()))]
    if y0 < 1988:   # the Harmonized System starts in 1988
        notes.append(Note("niche_data.dynamics_sitc", y0=y0))
    if not out.attrs["base_year_reporter"]:
        notes.append(Note("niche_data.not_base_reporter", country=code, y0=y0))
    return notes


def _check_reporter(trade: pd.DataFrame, code: str, year: int) -> None:
    if not ((trade["country"] == code) & trade["export_value"].notna()).any():
        known = data.countries("en").set_index("iso3")["name"]
        hint = text("home.niche_inputs.not_reporting", name=data.country_name(code), year=year) \
            if code in known.index else text("home.niche_inputs.not_iso3")
        raise NicheCriteriaError(text("home.niche_inputs.not_reporter", code=repr(code), year=year, hint=hint))


def _country_code(country: str) -> str:
    """``country`` as an ISO3 code in capitals; anything else is a :class:`NicheCriteriaError`."""
    if not isinstance(country, str) or not country.strip():
        raise NicheCriteriaError(text("home.niche_inputs.bad_country", country=repr(country)))
    return country.strip().upper()


def niche_inputs(
    country: str,
    panel: TradePanel | None = None,
    *,
    year: int | None = None,
    window: tuple[int, int] | None = None,
    io: Any = None,
    extra: Any = None,
    io_region: str | None = None,
    lac: Iterable[str] | None = None,
) -> NicheInputs:
    """The criteria table of ``country`` and the country's export potential, from one trade panel.

    ``panel``: a :class:`TradePanel` (default :func:`~course_tools.data.panel.shipped_panel`, offline);
    ``year``: the year of the criteria (default the panel's last); ``window`` = (y0, y1): the dynamics
    window, two years of the panel ending at or before ``year`` (default :func:`default_window`; for the
    shipped tables 1980-2017); a year or window the panel lacks raises :class:`DataValidationError`.
    ``io``: a national table (:func:`~course_tools.data.read_io_table`) for the linkages, else the
    world table 2000 (``io_region`` or the country's own block or :data:`IO_PROXY_REGION`). ``extra``:
    extra criteria (:func:`~course_tools.data.read_criteria`). ``lac``: the group of the regional
    criterion (default ``data.group_members("lac")``). The sources used and their caveats are in the
    result (:class:`NicheInputs`).
    """
    code = _country_code(country)
    panel = shipped_panel() if panel is None else panel
    year, window = year_and_window(panel, year, window)
    trade = panel.exports(year)
    _check_reporter(trade, code, year)
    members = data.group_members("lac") if lac is None else [str(m).upper() for m in lac]
    link, link_source, link_note = _linkage_inputs(code, io, io_region)
    lac_in, lac_source, lac_note = _lac_inputs(panel, year, members)
    potential, pot_source, pot_notes = _potential(panel, code, year, trade)
    untapped = untapped_by_product(potential, code).set_index("product")["untapped"]
    dyn = {} if window is None else {"trade_base": panel.exports(window[0]), "window": window,
                                     "trade_end": panel.exports(window[1])}
    out = criteria_table(code, trade, **dyn, **lac_in, untapped=untapped, **link, year=year,
                         complexity_result=complexity_of_trade(trade),
                         **({} if extra is None else extra.criteria_inputs()))
    notes = [Note("niche_data.rca", year=year, n_countries=out.attrs["n_complexity_countries"]),
             Note("niche_data.complexity", year=year, n_countries=out.attrs["n_complexity_countries"],
                  n_products=out.attrs["n_complexity_products"]),
             *_dynamics_notes(out, code, window, year), lac_note, *pot_notes, link_note]
    if extra is not None:
        notes.append(Note("niche_data.extra", source=str(extra.source), names=", ".join(extra.catalogue["criterion"])))
    notes.append(Note("niche_data.territory"))
    out.attrs["notes"] = notes
    out.attrs["provenance"] = panel.provenance
    sources = {"lac_demand": lac_source, "potential": pot_source, "linkages": link_source,
               "dynamics": "none" if window is None else "window"}
    out.attrs["sources"] = sources
    return NicheInputs(code, year, window, out, potential, panel.provenance, sources, notes)


_COMPLEXITY: dict[tuple[int, int], ComplexityResult] = {}


def complexity_of_trade(trade: pd.DataFrame) -> ComplexityResult:
    """:func:`~course_tools.methods.criteria.complexity_of_table` of ``trade``, computed once per content.

    The complexity set is the same for every country of one year's table, so the report (and the
    country matrix) computes it once for many countries: the result is kept for the last four tables
    seen, recognised by a hash of their country, product and export_value (a changed table is a new
    table; criteria_table only reads the result).
    """
    cols = trade[["country", "product", "export_value"]]
    key = (len(cols), int(pd.util.hash_pandas_object(cols, index=False).sum()))
    if key not in _COMPLEXITY:
        if len(_COMPLEXITY) >= 4:
            _COMPLEXITY.pop(next(iter(_COMPLEXITY)))
        _COMPLEXITY[key] = complexity_of_table(trade)
    return _COMPLEXITY[key]


def niche_criteria(country: str, *, year: int = 2017, window: tuple[int, int] | None = None,
                   io_region: str | None = None, lac: Iterable[str] | None = None,
                   panel: TradePanel | None = None) -> pd.DataFrame:
    """The criteria table of ``country``: :func:`niche_inputs` ``(...).criteria``, on the shipped tables by default.

    One row per HS 2007 4-digit product of the cleaned complexity set of the year (1,137 in 2017);
    columns :data:`course_tools.methods.criteria.CRITERIA`, described by
    :func:`~course_tools.methods.criteria.criteria_catalogue`. With the shipped tables the year is 2017 and
    the dynamics window 1980-2017 (the only two recent years shipped). ``attrs``: ``country``, ``year``,
    ``window``, ``io_region``, ``io_proxy``, ``nan_counts``, ``higher_is_better``, ``notes`` (sentences on
    provenance and caveats, :class:`~course_tools.data.panel.Note`: English text, ``.in_lang("es")``),
    ``provenance``, ``sources`` and the facts of ``criteria_table``.
    """
    if panel is not None:
        return niche_inputs(country, panel, year=year, window=window, io_region=io_region, lac=lac).criteria
    members = None if lac is None else tuple(str(m).strip().upper() for m in lac)
    return _shipped_criteria(_country_code(country), year, None if window is None else tuple(window),
                             io_region, members)


@built_once("trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv",
            "trade_ots_economiccomplexity/world_trade_1980_hs07_4d.csv",
            "trade_atlas_derived_panels_monicact/product_year_indicators.csv",
            "trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv", "lac_country_groups/lac_country_groups.csv",
            "io_world_mrio_2000_26r23s/miom_world_2000.xlsx", "concordances_kim/hs3_isic3.csv", maxsize=16)
def _shipped_criteria(code: str, year: int | str, window: tuple[int, int] | None, io_region: str | None,
                      lac: tuple[str, ...] | None) -> pd.DataFrame:
    """:func:`niche_criteria` on the shipped tables, computed once per arguments and version of the files
    (a lesson, its exercise and the report ask for the same country's table several times)."""
    return niche_inputs(code, None, year=year, window=window, io_region=io_region, lac=lac).criteria
