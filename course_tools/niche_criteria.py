"""The criteria table of the niche model (lesson L11, *el modelo de nichos*).

:func:`niche_criteria` gathers, for one country, the indicators of lessons L05-L09 into one wide
table: one row per HS 2007 4-digit product of the cleaned complexity product set of 2017, one
float column per criterion. :func:`criteria_catalogue` says what each column is (group, English
and Spanish label, whether higher is better, unit, source). The model itself (normalisation,
weights, thresholds, sensitivity) is in :mod:`course_tools.niches`.

Every number comes from an existing indicator function (nothing is re-implemented here):

=====================  ==========================================================================
criterion              computed with
=====================  ==========================================================================
rca, rsca,             :func:`course_tools.profiles.rca_profile` (L05; world = every reporter)
export_value
density, distance,     :func:`course_tools.indicators.complexity` on the table cleaned by
pci, cog               :func:`~course_tools.indicators.filter_for_complexity` (L08; py-ecomplexity)
demand_growth          :func:`course_tools.competitiveness.demand_growth` (L07; Atlas HS92 panel)
share_change           :func:`course_tools.competitiveness.world_market_table` (L07; 1980-2017)
lac_demand_share       :func:`regional_demand_share` (this module; gravity 2006 + trade 2017)
backward_linkage,      :func:`course_tools.indicators.linkages` (L09; world MRIO 2000, domestic
forward_linkage        block) mapped to HS through :func:`course_tools.data.concordance` hs07->isic3
=====================  ==========================================================================

**NaN means "not available for this product"** (never "zero"): e.g. a HS 2007 heading with no
HS 1992 heading of the same code has no ``demand_growth``; a heading with no world trade in 1980
has no ``share_change`` (its 1980 market share is 0/0). A true zero stays 0.0 (``cog`` is 0 for
products the country already exports with RCA >= 1; ``share_change`` is 0 for a product the
country exported in neither year). The model in :mod:`course_tools.niches` decides what to do
with NaN; ``df.attrs["nan_counts"]`` says how many there are per criterion.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from . import competitiveness as cp
from . import data
from . import indicators as ind
from . import profiles

__all__ = [
    "NicheCriteriaError", "CRITERIA", "GROUPS", "MRIO_SECTOR_OF_ISIC3", "criteria_catalogue",
    "niche_criteria", "competitiveness_quadrant", "regional_demand_share", "sector_to_product", "YEARS",
    "IO_PROXY_REGION", "STAND_IN", "complexity_focus",
]

#: Years for which :func:`niche_criteria` can build the table.
YEARS: tuple[int, ...] = (2017,)
#: Groups of criteria, in the order of the catalogue.
GROUPS: tuple[str, ...] = ("capacity", "feasibility", "value", "dynamism", "regional", "linkages", "territory")

#: ISIC Rev.3 division (2 digits) -> sector code of the world MRIO 2000 (WIOD-style aggregation).
#: Division 20 (wood) has no sector of its own in the 23-sector table: it is put in "Dnec"
#: (manufacturing n.e.c., recycling), a declared assumption.
MRIO_SECTOR_OF_ISIC3: dict[str, str] = {
    **{d: "AtB" for d in ("01", "02", "05")},
    **{d: "C" for d in ("10", "11", "12", "13", "14")},
    "15": "D15t16", "16": "D15t16", "17": "D17t19", "18": "D17t19", "19": "D17t19",
    "20": "Dnec", "21": "D21t22", "22": "D21t22", "23": "D23", "24": "D24", "25": "D25", "26": "D26",
    "27": "D27t28", "28": "D27t28", "29": "D29", "30": "D30t33", "31": "D30t33", "32": "D30t33",
    "33": "D30t33", "34": "D34t35", "35": "D34t35", "36": "Dnec", "37": "Dnec", "40": "E", "41": "E",
}

_MRIO_REGIONS = ("AUS", "AUT", "BEL", "BRA", "CAN", "CHN", "DEU", "DNK", "ESP", "FIN", "FRA", "GBR", "GRC",
                 "HKG", "IND", "IRL", "ITA", "JPN", "KOR", "MEX", "NDL", "PRT", "ROW", "SWE", "TWN", "USA")
#: Region of the MRIO 2000 used for countries that are not in it (a declared proxy).
IO_PROXY_REGION = "BRA"

# criterion, group, label_en, label_es, higher_is_better, unit, source
_CATALOGUE: list[tuple[str, str, str, str, bool, str, str]] = [
    ("rca", "capacity", "revealed comparative advantage (Balassa RCA)",
     "ventaja comparativa revelada (VCR de Balassa)", True, "ratio (1 = world average)",
     "trade_ots_economiccomplexity 2017 (data.load_trade); profiles.rca_profile -> indicators.rca; "
     "world = every reporter of the table (L05)"),
    ("rsca", "capacity", "revealed symmetric comparative advantage (RSCA)",
     "ventaja comparativa revelada simétrica (VCRS)", True, "index from -1 to 1 (0 = neutral)",
     "as rca; indicators.rsca = (RCA - 1) / (RCA + 1)"),
    ("export_value", "capacity", "the country's exports of the product", "exportaciones del producto del país",
     True, "current USD, 2017 (not reported = 0)",
     "trade_ots_economiccomplexity 2017 (data.load_trade); profiles.rca_profile; useful as a size "
     "threshold (e.g. at least USD 1 million) rather than as a weighted criterion"),
    ("density", "feasibility", "density: closeness to the country's current exports",
     "densidad: cercanía a las exportaciones actuales del país", True, "share 0-1",
     "load_trade(2017) cleaned by indicators.filter_for_complexity; indicators.complexity "
     "(py-ecomplexity convention, L08)"),
    ("distance", "feasibility", "distance to the country's current exports (1 - density)",
     "distancia a las exportaciones actuales del país (1 - densidad)", False, "share 0-1",
     "as density (distance = 1 - density: do not weight both, it counts feasibility twice)"),
    ("pci", "value", "product complexity index (PCI)", "índice de complejidad del producto (ICP)", True,
     "standardised (ECI mean and sd)", "as density; indicators.complexity(...).pci"),
    ("cog", "value", "complexity outlook gain (COG, Growth Lab software form)",
     "ganancia de perspectiva de complejidad (COG, forma del software del Growth Lab)", True,
     "standardised (divided by sd of ECI); 0 if the country already has RCA >= 1",
     "as density; indicators.complexity(...).cog, the py-ecomplexity/Stata form without the Atlas "
     "second term (indicators.opportunity_gain gives the Atlas book form, L08)"),
    ("demand_growth", "dynamism", "world demand dynamism: change in the product's share of world trade, 1995-2023",
     "dinamismo de la demanda mundial: cambio del peso del producto en el comercio mundial, 1995-2023", True,
     "percentage points of world trade (Δw)",
     "trade_atlas_derived_panels_monicact product_year_indicators (data.load_product_year, HS 1992); "
     "competitiveness.demand_growth(year0=1995, year1=2023).delta_weight; joined on the same 4-digit "
     "code (HS 2007 headings without a HS 1992 twin: NaN)"),
    ("share_change", "dynamism", "change in the country's world market share, 1980-2017",
     "cambio de la cuota de mercado mundial del país, 1980-2017", True, "percentage points (Δms)",
     "load_trade(1980) and load_trade(2017); competitiveness.world_market_table -> "
     "indicators.competitiveness_matrix (L07); NaN where the product had no world trade in 1980 "
     "('no demand'); 0 where the country exported it in neither year"),
    ("lac_demand_share", "regional",
     "estimated share of the product's world exports bought by Latin America and the Caribbean",
     "participación estimada de América Latina y el Caribe en las compras mundiales del producto", True,
     "share 0-1",
     "PROXY: no product-level imports of LAC are shipped. regional_demand_share: each exporter's "
     "share of its total exports that goes to LAC (trade_bilateral_gravity_hmr2006, 2006, data.load_gravity) "
     "applied to its 2017 exports of the product (load_trade(2017)); assumes an exporter sends the same "
     "share of every product to LAC; LAC = data.group_members('lac')"),
    ("backward_linkage", "linkages", "backward linkage of the product's sector (Rasmussen, mean = 1)",
     "encadenamiento hacia atrás del sector del producto (Rasmussen, media = 1)", True,
     "index (1 = average sector)",
     "io_world_mrio_2000_26r23s (data.load_mrio_2000), domestic block of the country's region or of a "
     "declared proxy (attrs['io_region']); indicators.linkages(L, G, forward='ghosh'); sectors to HS 2007 "
     "by data.concordance('hs07', 'isic3') with its 1/n weights (sector_to_product)"),
    ("forward_linkage", "linkages", "forward linkage of the product's sector (Ghosh, mean = 1)",
     "encadenamiento hacia adelante del sector del producto (Ghosh, media = 1)", True,
     "index (1 = average sector)", "as backward_linkage"),
]
#: The criteria columns of :func:`niche_criteria`, in order.
CRITERIA: tuple[str, ...] = tuple(row[0] for row in _CATALOGUE)


class NicheCriteriaError(ValueError):
    """The criteria table cannot be built as asked (the message says what is wrong and how to fix it)."""


def criteria_catalogue() -> pd.DataFrame:
    """What each column of :func:`niche_criteria` is: one row per criterion.

    Columns ``criterion``, ``group`` (one of :data:`GROUPS`), ``label_en``, ``label_es``,
    ``higher_is_better`` (bool: False only for ``distance``), ``unit`` and ``source`` (dataset
    folder, loader and indicator function, with the caveat of a proxy).
    The "territory" group has no criterion: the only shipped SME census (INEGI, Tamaulipas) is one
    state at SCIAN 2-digit level, where every manufactured product falls in the same sector 31-33,
    so a product-level criterion could not be defended (``niche_criteria(...).attrs["notes"]``).
    """
    out = pd.DataFrame(_CATALOGUE, columns=["criterion", "group", "label_en", "label_es",
                                            "higher_is_better", "unit", "source"])
    out["higher_is_better"] = out["higher_is_better"].astype(bool)
    return out


# --------------------------------------------------------------------------------------------
# small named pieces (tested on hand-worked cases)
# --------------------------------------------------------------------------------------------
def regional_demand_share(
    trade: pd.DataFrame,
    flows: pd.DataFrame,
    members: Iterable[str],
    *,
    country_col: str = "country",
    product: str = "product",
    value: str = "export_value",
    exporter: str = "exporter",
    importer: str = "importer",
    flow: str = "flow",
) -> pd.Series:
    r"""Estimated share of each product's world exports that goes to a group of importers.

    .. math:: s_e = \frac{\sum_{j \in G, j \ne e} F_{ej}}{\sum_{j \ne e} F_{ej}}, \qquad
              D_p = \frac{\sum_e s_e X_{ep}}{\sum_e X_{ep}}

    with :math:`F_{ej}` the total bilateral flows (e.g. the 2006 gravity table) and :math:`X_{ep}`
    the exports by product (e.g. 2017). It is the proportional-allocation assumption of
    mirror estimates: **each exporter is assumed to send the same share of every product to the
    group** as of its total exports. Sums run over the exporters present in both tables with
    positive total flows (the others are left out of numerator and denominator); NaN exports
    count as 0. Products nobody of them exports get NaN. Returns a Series by product.
    """
    for table, cols, what in ((trade, (country_col, product, value), "trade"),
                              (flows, (exporter, importer, flow), "flows")):
        if not isinstance(table, pd.DataFrame):
            raise NicheCriteriaError(f"{what} must be a pandas DataFrame, not {type(table).__name__}")
        missing = [c for c in cols if c not in table.columns]
        if missing:
            raise NicheCriteriaError(f"{what} has no column(s) {missing}; it has {list(table.columns)}. "
                                     f"Name them with keyword arguments (e.g. value=..., flow=...)")
    members = {str(m).strip().upper() for m in ([members] if isinstance(members, str) else members)}
    f = flows[[exporter, importer, flow]].copy()
    f[flow] = pd.to_numeric(f[flow], errors="coerce")
    f = f[(f[exporter] != f[importer]) & f[flow].notna()]
    if (f[flow] < 0).any():
        raise NicheCriteriaError("flows: negative bilateral flows; trade flows cannot be negative")
    total = f.groupby(exporter)[flow].sum()
    to_group = f[f[importer].isin(members)].groupby(exporter)[flow].sum().reindex(total.index, fill_value=0.0)
    total = total[total > 0]
    s = (to_group.reindex(total.index) / total).rename("share_to_group")
    x = trade[[country_col, product, value]]
    x = x[x[country_col].isin(s.index)]
    v = pd.to_numeric(x[value], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    if (v < 0).any():
        raise NicheCriteriaError("trade: negative export values; exports cannot be negative")
    w = x[country_col].map(s).to_numpy(dtype=float)
    keys = x[product].astype(str).to_numpy()
    num = pd.Series(v * w, index=keys).groupby(level=0).sum()
    den = pd.Series(v, index=keys).groupby(level=0).sum()
    out = (num / den.where(den > 0)).rename("regional_demand_share")
    out.index.name = product
    return out


def sector_to_product(
    sector_values: pd.Series,
    concordance: pd.DataFrame,
    sector_of_class: Mapping[str, str],
    *,
    source: str = "hs07",
    target: str = "isic3",
    weight: str = "weight",
    digits: int = 2,
) -> pd.Series:
    r"""A sector-level indicator as a product-level one, through a concordance with 1/n weights.

    .. math:: v_p = \frac{\sum_k w_{pk}\, v_{s(k)}}{\sum_{k:\, s(k)\ \text{known}} w_{pk}}

    ``concordance`` maps product p to classes k (e.g. ``data.concordance("hs07", "isic3")``,
    weights 1/n); ``sector_of_class`` maps the first ``digits`` digits of k (an ISIC division) to
    a sector of ``sector_values``. Classes with no sector are left out and the weights of the
    rest renormalised; a product with no class matched gets NaN. Returns a Series by product.
    """
    missing = [c for c in (source, target, weight) if c not in concordance.columns]
    if missing:
        raise NicheCriteriaError(f"concordance has no column(s) {missing}; it has {list(concordance.columns)}; "
                                 f"pass data.concordance('hs07', 'isic3') or name the columns")
    c = concordance[[source, target, weight]].copy()
    c["sector"] = c[target].astype(str).str[:digits].map(dict(sector_of_class))
    c["value"] = c["sector"].map(sector_values)
    c = c[c["value"].notna()]
    c["wv"] = c[weight].astype(float) * c["value"].astype(float)
    g = c.groupby(source)
    out = (g["wv"].sum() / g[weight].sum()).astype(float)
    out.index.name = "product"
    return out


def competitiveness_quadrant(
    criteria: pd.DataFrame,
    *,
    demand: str = "demand_growth",
    share: str = "share_change",
    tol: float = 0.0,
    lang: str = "en",
) -> pd.Series:
    """ECLAC competitiveness quadrant of each product from the two dynamism criteria.

    Δw = ``criteria[demand]``, Δms = ``criteria[share]`` (ECLAC & World Bank 1999, TradeCAN):
    Δw > tol and Δms > tol "rising star"; Δw <= tol and Δms > tol "declining star"; Δw > tol and
    Δms <= tol "missed opportunity"; both <= tol "retreat" (an exact 0 goes with the negative
    side, as in :func:`course_tools.indicators.competitiveness_matrix`); either NaN: "no data".
    Spanish labels with ``lang="es"`` (estrella naciente, ..., "sin datos"). Caveat: in
    :func:`niche_criteria` the two axes come from different windows (world demand 1995-2023,
    the country's share 1980-2017), so a quadrant can differ from the 1980-2017 matrix of L07.
    """
    if lang not in ("en", "es"):
        raise NicheCriteriaError(f"lang must be 'en' or 'es', not {lang!r}")
    if not isinstance(criteria, pd.DataFrame):
        raise NicheCriteriaError(f"criteria must be a DataFrame (the result of niche_criteria), "
                                 f"not {type(criteria).__name__}")
    missing = [c for c in (demand, share) if c not in criteria.columns]
    if missing:
        raise NicheCriteriaError(f"criteria has no column(s) {missing}; pass demand=..., share=... "
                                 f"naming the Δw and Δms columns")
    dw = criteria[demand].to_numpy(dtype=float)
    dms = criteria[share].to_numpy(dtype=float)
    labels = np.select([(dw > tol) & (dms > tol), (dw <= tol) & (dms > tol),
                        (dw > tol) & (dms <= tol), (dw <= tol) & (dms <= tol)],
                       ["rising star", "declining star", "missed opportunity", "retreat"], "no data")
    out = pd.Series(labels, index=criteria.index, name="quadrant", dtype=object)
    if lang == "es":
        out = out.map({**ind.QUADRANTS, "no data": "sin datos"})
    return out.astype(str)


# --------------------------------------------------------------------------------------------
# the criteria table
# --------------------------------------------------------------------------------------------
def _io_linkages(region: str) -> pd.DataFrame:
    """Backward (Rasmussen) and forward (Ghosh) linkages of the domestic block of one MRIO region."""
    mrio = data.load_mrio_2000()
    Z = mrio.Z.loc[region, region]
    x = mrio.x.loc[region] if isinstance(mrio.x.index, pd.MultiIndex) else mrio.x.loc[Z.index]
    x = pd.Series(np.asarray(x, dtype=float), index=Z.index)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        A = ind.technical_coefficients(Z, x)
        G = ind.ghosh_inverse(ind.allocation_coefficients(Z, x))
        return ind.linkages(ind.leontief_inverse(A), G, forward="ghosh")


def niche_criteria(
    country: str,
    *,
    year: int = 2017,
    io_region: str | None = None,
    lac: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The criteria table of ``country``: one row per HS 2007 4-digit product, one float column per criterion.

    Rows: every product of the cleaned complexity set of ``data.load_trade(year)`` (NaN exports
    dropped, then :func:`~course_tools.indicators.filter_for_complexity` with its defaults:
    1,137 products in 2017); index named ``product`` (code strings). Columns: :data:`CRITERIA`,
    described by :func:`criteria_catalogue` (formulas in the functions it names). NaN = not
    available for that product (see the module docstring); the quadrant label is
    :func:`competitiveness_quadrant` of the table.

    ``io_region``: region of the world input-output table 2000 used for the linkages; default the
    country itself if it is one of the 26 regions (e.g. MEX, BRA), else :data:`IO_PROXY_REGION`
    (a declared proxy). ``lac``: the group for ``lac_demand_share`` (default
    ``data.group_members("lac")``).

    ``attrs``: ``country``, ``year``, ``io_region``, ``io_proxy`` (bool), ``nan_counts`` (per
    criterion), ``higher_is_better`` (criterion -> bool, read by :func:`course_tools.niches.normalise`), ``notes`` (list of sentences on provenance and caveats, to print in a lesson or
    report). Computes in about 2-3 s (the loaders are cached).
    """
    if not isinstance(country, str) or not country.strip():
        raise NicheCriteriaError(f"country must be an ISO3 code such as 'MEX', not {country!r}")
    code = country.strip().upper()
    if year not in YEARS:
        raise NicheCriteriaError(
            f"the criteria table is built for year(s) {list(YEARS)} only (got {year!r}): the world "
            f"trade table of 2017 is the only recent one shipped (data.TRADE_YEARS = {list(data.TRADE_YEARS)}), "
            f"and 1980 is its comparison year for the market share change")
    region = (code if code in _MRIO_REGIONS else IO_PROXY_REGION) if io_region is None else str(io_region).upper()
    if region not in _MRIO_REGIONS:
        raise NicheCriteriaError(f"io_region must be one of the regions of the world input-output table "
                                 f"{list(_MRIO_REGIONS)} (their own codes: NDL = Netherlands, ROW = rest of the "
                                 f"world), not {io_region!r}")
    trade = data.load_trade(year).dropna(subset=["export_value"])
    reporters = set(trade["country"])
    if code not in reporters:
        known = data.countries("en").set_index("iso3")["name"]
        hint = f" ({known[code]} does not report trade in {year})" if code in known.index else \
            " (not an ISO3 code: see data.countries())"
        raise NicheCriteriaError(f"{code!r} is not a reporter of the {year} trade table{hint}; use an ISO3 "
                                 f"code in capitals of a reporting country, e.g. 'MEX' or 'JAM'")
    kept, _dropped = ind.filter_for_complexity(trade)
    if code not in set(kept["country"]):
        raise NicheCriteriaError(
            f"{code} is not in the cleaned complexity set of {year} (total exports below USD 1 billion "
            f"or not a country, see indicators.filter_for_complexity): density, PCI and COG are not "
            f"defined for it, so the niche model cannot rank its products")
    notes: list[str] = []
    result = ind.complexity(kept)
    products = pd.Index(result.pci.index.astype(str), name="product")
    out = pd.DataFrame(index=products)

    # capacity -------------------------------------------------------------------------------
    prof = profiles.rca_profile(trade, code).set_index("product")
    out["rca"] = prof["rca"].reindex(products).astype(float)
    out["rsca"] = prof["rsca"].reindex(products).astype(float)
    out["export_value"] = prof["export_value"].reindex(products).fillna(0.0).astype(float)
    notes.append(f"rca/rsca: Balassa RCA in {year} against every reporter of the table (L05); presence in "
                 f"density/PCI/COG uses the {result.M.shape[0]} countries of the cleaned set, so RCA near 1 "
                 f"can differ slightly from the presence used there.")

    # feasibility and value --------------------------------------------------------------------
    out["density"] = result.density.loc[code].reindex(products).astype(float)
    out["distance"] = result.distance.loc[code].reindex(products).astype(float)
    out["pci"] = result.pci.reindex(products).astype(float)
    out["cog"] = result.cog.loc[code].reindex(products).astype(float)
    notes.append(f"density, distance, PCI, COG: indicators.complexity, py-ecomplexity convention, on "
                 f"{result.M.shape[0]} countries x {result.M.shape[1]} products after filter_for_complexity "
                 f"(L08); COG is the Growth Lab software form (0 where the country already has RCA >= 1).")

    # dynamism -------------------------------------------------------------------------------
    demand = cp.demand_growth(data.load_product_year(), year0=1995, year1=2023).set_index("product")
    out["demand_growth"] = (100.0 * demand["delta_weight"]).reindex(products).astype(float)
    notes.append(f"demand_growth: change in the product's weight in world trade 1995-2023 (Atlas, HS 1992), "
                 f"joined on the same code; {int(out['demand_growth'].isna().sum())} HS 2007 headings without a "
                 f"HS 1992 twin are NaN.")
    trade_0 = data.load_trade(1980)
    if code in set(trade_0.dropna(subset=["export_value"])["country"]):
        matrix = cp.world_market_table(trade_0, data.load_trade(year), code).set_index("product")
        world_0 = trade_0.groupby("product")["export_value"].sum()
        world_1 = trade.groupby("product")["export_value"].sum()
        # products the country exported in neither year (left out of the matrix): Δms = 0 - 0
        both = world_0.index[world_0 > 0].intersection(world_1.index[world_1 > 0]).astype(str)
        share = pd.Series(np.where(products.isin(both), 0.0, np.nan), index=products)
        share.update(100.0 * matrix["delta_share"])
        share[~products.isin(both)] = np.nan
        out["share_change"] = share.astype(float)
        notes.append(f"share_change: change of {code}'s world market share 1980-2017 (L07, world = all "
                     f"reporters); NaN for {int(out['share_change'].isna().sum())} headings with no world trade "
                     f"in 1980 (HS 2007 codes not mapped from SITC by the source). The quadrant combines it with "
                     f"demand 1995-2023: two different windows.")
    else:
        out["share_change"] = np.nan
        notes.append(f"share_change: {code} is not a reporter of the 1980 table, so its market share change "
                     f"cannot be computed (all NaN).")

    # regional -------------------------------------------------------------------------------
    members = data.group_members("lac") if lac is None else list(lac)
    gravity = data.load_gravity()
    lds = regional_demand_share(trade, gravity, members)
    out["lac_demand_share"] = lds.reindex(products).astype(float)
    notes.append("lac_demand_share is a PROXY: product-level imports of LAC are not shipped; each exporter's "
                 "2006 share of exports going to LAC (gravity table, total trade) is applied to its 2017 exports "
                 "of the product. Bias: products exported mainly by LAC countries score high because LAC exporters sell much of "
                 "their total exports in the region, even where that product goes elsewhere (e.g. soybean cake 2304). "
                 "Partner trade intensity is left out: the only bilateral data by product "
                 "(Chile-Argentina HS6 2002/2004) cannot make it product-level for other countries.")

    # linkages -------------------------------------------------------------------------------
    link = _io_linkages(region)
    conc = data.concordance("hs07", "isic3")
    out["backward_linkage"] = sector_to_product(link["backward"], conc, MRIO_SECTOR_OF_ISIC3).reindex(products)
    out["forward_linkage"] = sector_to_product(link["forward"], conc, MRIO_SECTOR_OF_ISIC3).reindex(products)
    proxy = region != code
    notes.append(f"backward/forward linkages: {region} domestic block of the world input-output table 2000 "
                 f"(23 sectors; Rasmussen backward, Ghosh forward, L09), to HS 2007 by the hs07->isic3 "
                 f"concordance (1/n weights; ISIC division 20 wood put in 'Dnec')"
                 + (f"; {code} is not in the table, so {region} is a PROXY of its structure." if proxy else "."))
    notes.append("territory/SME: no criterion. The only SME census shipped (INEGI, Tamaulipas) covers one "
                 "state at SCIAN 2-digit level, where every manufactured product is in sector 31-33: it cannot "
                 "tell products apart nor speak for the whole country (see L10).")

    out = out[list(CRITERIA)].astype("float64")
    out.attrs = {
        "country": code, "year": int(year), "io_region": region, "io_proxy": bool(proxy),
        "nan_counts": {c: int(out[c].isna().sum()) for c in CRITERIA}, "notes": notes,
        "higher_is_better": {row[0]: bool(row[4]) for row in _CATALOGUE},
    }
    return out


# --------------------------------------------------------------------------------------------
# a country outside the complexity set
# --------------------------------------------------------------------------------------------
#: The country the complexity and niche steps show instead of one outside the cleaned complexity
#: set (in 2017: ATG, BLZ, BRB, DMA, GRD, KNA, LCA, VCT, all small Caribbean economies): Jamaica,
#: the course's Caribbean example.
STAND_IN = "JAM"

_FOCUS = {
    "en": ("**{name} ({code}) is outside the {year} complexity set**{why}: ECI, density, opportunity gain and "
           "the niche model are not defined for it. The steps about one country show {stand_name} "
           "({stand_in}), the course's Caribbean example, instead; the export profile and RCA of {name} "
           "(L01, L05, course report) do not need the complexity set."),
    "es": ("**{name} ({code}) está fuera de la muestra de complejidad de {year}**{why}: el ICE, la densidad, "
           "la ganancia de oportunidad y el modelo de nichos no están definidos para este país. Los pasos sobre "
           "un país muestran {stand_name} ({stand_in}), el ejemplo caribeño del curso, en su lugar; el perfil "
           "exportador y la VCR de {name} (L01, L05, informe de país) no necesitan esa muestra."),
}
_WHY = {
    "en": {"exports": " (its exports in the table, USD {value:,.0f} million, are below the USD 1 billion minimum)",
           "none": " (no reported exports)", "other": " ({reason})"},
    "es": {"exports": " (sus exportaciones en la tabla, USD {value:,.0f} millones, están por debajo del mínimo "
                      "de USD 1.000 millones)",
           "none": " (sin exportaciones reportadas)", "other": " ({reason})"},
}


def complexity_focus(country: str, kept: pd.DataFrame | None = None, dropped: pd.DataFrame | None = None, *,
                     year: int = 2017, lang: str | None = "en", stand_in: str = STAND_IN) -> tuple[str, str]:
    """The country whose complexity and niche steps a lesson or exercise shows, and the sentence saying why.

    ``(country, "")`` if ``country`` (an ISO3 code; an unknown code raises
    :class:`NicheCriteriaError`) is in ``kept`` (the first table returned by
    :func:`~course_tools.indicators.filter_for_complexity`; computed from ``data.load_trade(year)``
    if not given); else ``(stand_in, sentence)``: the country-level steps show Jamaica and the
    sentence (Markdown, ``lang`` = ``"en"`` or ``"es"``; ``None`` = both, ``"en / es"``, for the
    bilingual exercises) says so, with the reason from ``dropped`` when it is given.
    """
    if lang not in ("en", "es", None):
        raise NicheCriteriaError(f"lang must be 'en', 'es' or None (both), not {lang!r}")
    code = str(country).strip().upper()
    try:
        data.country_name(code)
    except ValueError as err:
        raise NicheCriteriaError(str(err)) from None
    if kept is None:
        kept, dropped = ind.filter_for_complexity(data.load_trade(year).dropna(subset=["export_value"]))
    if code in set(kept["country"]):
        return code, ""
    if stand_in not in set(kept["country"]):
        raise NicheCriteriaError(f"complexity_focus: the stand-in {stand_in!r} is not in the complexity set either")

    def sentence(lg: str) -> str:
        why = _WHY[lg]["none"]
        if dropped is not None and {"unit", "code", "reason"} <= set(dropped.columns):
            row = dropped[(dropped["unit"] == "country") & (dropped["code"] == code)]
            if len(row):
                value = row["value"].iloc[0] if "value" in row.columns else np.nan
                why = (_WHY[lg]["exports"].format(value=float(value) / 1e6) if pd.notna(value)
                       else _WHY[lg]["other"].format(reason=row["reason"].iloc[0]))
        name, stand_name = data.country_name(code, lg), data.country_name(stand_in, lg)
        return _FOCUS[lg].format(name=name, code=code, year=year, why=why, stand_name=stand_name, stand_in=stand_in)

    return stand_in, (sentence(lang) if lang is not None else sentence("en") + " / " + sentence("es"))
