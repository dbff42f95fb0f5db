"""The criteria table of the niche model (lesson L11, *el modelo de nichos*), as a function of the tables it needs.

:func:`criteria_table` gathers, for one country, the indicators of lessons L05-L09 into one wide
table: one row per product of the cleaned complexity product set of the trade table it is given,
one float column per criterion. Every table comes in as an argument (nothing is loaded here):
:func:`course_tools.data.niche_inputs.niche_criteria` loads the shipped ones (HS 2007, 2017) and
calls it; a coordinator's own panel, a national input-output table (:func:`io_linkages` with its
own ``sector_of_class``) or extra criteria (``extra=``) go in the same way.
:func:`criteria_catalogue` says what each column is (group, English and Spanish label, whether
higher is better, unit, source). The model itself (normalisation, weights, thresholds,
sensitivity) is in :mod:`course_tools.methods.niches`.

Every number comes from an existing indicator function (nothing is re-implemented here):

=====================  ==========================================================================
criterion              computed with
=====================  ==========================================================================
rca, rsca,             :func:`course_tools.methods.specialisation.rca` (L05; world = every reporter)
export_value
density, distance,     :func:`course_tools.methods.complexity.complexity` on the table cleaned by
pci, cog               :func:`~course_tools.methods.complexity.filter_for_complexity` (L08; py-ecomplexity)
demand_growth          :func:`world_demand_cagr` (this module; world exports in the two years of ONE window)
share_change           :func:`course_tools.methods.dynamics.world_market_table` (L07; the same window)
lac_demand_share       :func:`lac_import_share` (bilateral flows by product) or, as a labelled proxy,
                       :func:`regional_demand_share` (bilateral totals + trade by product)
untapped_potential     :func:`course_tools.methods.export_potential.untapped_by_product`, passed in
backward_linkage,      :func:`io_linkages` (L09; Rasmussen backward, Ghosh forward) mapped to products
forward_linkage        through a concordance by :func:`sector_to_product`
=====================  ==========================================================================

**NaN means "not available for this product"** (never "zero"): e.g. a heading with no world trade in
the first year of the window has no ``demand_growth`` (growth from nothing) and no ``share_change``
(its base-year market share is 0/0). A true zero stays 0.0
(``cog`` is 0 for products the country already exports with RCA >= 1; ``share_change`` is 0 for a
product the country exported in neither year). The model in :mod:`course_tools.methods.niches`
decides what to do with NaN; ``df.attrs["nan_counts"]`` says how many there are per criterion.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from course_tools.errors import require_columns
from course_tools.i18n import check_lang, text
from course_tools.methods import dynamics as dyn
from course_tools.methods import input_output as iot
from course_tools.methods import specialisation as spec
from course_tools.methods._common import IndicatorInputError
from course_tools.methods.complexity import ComplexityResult, complexity, filter_for_complexity

__all__ = [
    "NicheCriteriaError", "CRITERIA", "GROUPS", "MRIO_SECTOR_OF_ISIC3", "criteria_catalogue", "criteria_table",
    "io_linkages", "competitiveness_quadrant", "regional_demand_share", "lac_import_share", "world_demand_cagr",
    "sector_to_product", "complexity_of_table",
]

#: Groups of criteria, in the order of the catalogue.
GROUPS: tuple[str, ...] = ("capacity", "feasibility", "value", "dynamism", "regional", "markets", "linkages",
                           "territory")

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

# criterion, group, label_en, label_es, higher_is_better, unit, source
_CATALOGUE: list[tuple[str, str, str, str, bool, str, str]] = [
    ("rca", "capacity", "revealed comparative advantage (Balassa RCA)",
     "ventaja comparativa revelada (VCR de Balassa)", True, "ratio (1 = world average)",
     "the trade panel's exports of the year of the criteria (panel.exports(year); by default the shipped 2017 "
     "table, data.load_trade); indicators.rca and indicators.rsca; world = every reporter of the table (L05)"),
    ("rsca", "capacity", "revealed symmetric comparative advantage (RSCA)",
     "ventaja comparativa revelada simétrica (VCRS)", True, "index from -1 to 1 (0 = neutral)",
     "as rca; indicators.rsca = (RCA - 1) / (RCA + 1)"),
    ("export_value", "capacity", "the country's exports of the product", "exportaciones del producto del país",
     True, "current USD, year of the criteria (not reported = 0)",
     "as rca: the values behind indicators.rca; useful as a size "
     "threshold (e.g. at least USD 1 million) rather than as a weighted criterion"),
    ("density", "feasibility", "density: closeness to the country's current exports",
     "densidad: cercanía a las exportaciones actuales del país", True, "share 0-1",
     "the same exports, cleaned by indicators.filter_for_complexity; indicators.complexity "
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
    ("demand_growth", "dynamism",
     "world demand growth: compound annual growth of the product's world exports over the window",
     "crecimiento de la demanda mundial: crecimiento anual compuesto de las exportaciones mundiales del producto en "
     "la ventana", True, "% a year over the window (CAGR; the window is printed with every figure)",
     "the world exports of the product in the first and last year of the window, from the same trade panel as "
     "every other criterion (panel.exports(y0), panel.exports(y1)); 100 [(W_y1 / W_y0)^(1 / (y1 - y0)) - 1]; "
     "NaN where the world did not export the product in y0 (growth from nothing is undefined)"),
    ("share_change", "dynamism", "change in the country's world market share over the window",
     "cambio de la cuota de mercado mundial del país en la ventana", True, "percentage points (Δms)",
     "the same panel, first and last year of the window; dynamics.world_market_table -> "
     "indicators.competitiveness_matrix (L07); NaN where the product had no world trade in the first year "
     "('no demand'); 0 where the country exported it in neither year"),
    ("lac_demand_share", "regional",
     "share of the product's world imports bought by Latin America and the Caribbean",
     "participación de América Latina y el Caribe en las compras mundiales del producto", True,
     "share 0-1",
     "from bilateral flows by product when the panel has importers (lac_import_share: imports of the LAC "
     "members from every other country / world imports, year of the criteria); otherwise a PROXY "
     "(regional_demand_share): each exporter's 2006 share of total exports going to LAC (gravity table) applied "
     "to its exports of the product, which assumes an exporter sends the same share of every product to LAC; "
     "LAC = data.group_members('lac')"),
    ("untapped_potential", "markets", "untapped export potential of the product, summed over markets (ITC-style EPI)",
     "potencial exportador no aprovechado del producto, sumado sobre los mercados (EPI al estilo del ITC)", True,
     "current USD (potential minus actual exports, 0 where the country sells above potential)",
     "methods.export_potential (supply x demand x distance x ease of trade, F2) on bilateral flows by product "
     "from the panel; on the shipped tables a PROXY (methods.potential_proxy: 2017 exports spread over "
     "markets with the 2006 bilateral shares); untapped_by_product over every market"),
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
#: The criteria columns of :func:`criteria_table`, in order.
CRITERIA: tuple[str, ...] = tuple(row[0] for row in _CATALOGUE)


class NicheCriteriaError(IndicatorInputError):
    """The criteria table cannot be built as asked (the message says what is wrong and how to fix it)."""


def criteria_catalogue() -> pd.DataFrame:
    """What each column of :func:`criteria_table` is: one row per criterion.

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
def regional_demand_share(trade: pd.DataFrame, flows: pd.DataFrame, members: Iterable[str], *,
                          country_col: str = "country", product: str = "product", value: str = "export_value",
                          exporter: str = "exporter", importer: str = "importer", flow: str = "flow") -> pd.Series:
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
        require_columns(table, cols, what, NicheCriteriaError,
                        hint=text("niche_msg.methods.criteria.hint_names"))
    members = {str(m).strip().upper() for m in ([members] if isinstance(members, str) else members)}
    f = flows[[exporter, importer, flow]].copy()
    f[flow] = pd.to_numeric(f[flow], errors="coerce")
    f = f[(f[exporter] != f[importer]) & f[flow].notna()]
    if (f[flow] < 0).any():
        raise NicheCriteriaError(text("niche_msg.methods.criteria.negative", name="flows"))
    total = f.groupby(exporter)[flow].sum()
    to_group = f[f[importer].isin(members)].groupby(exporter)[flow].sum().reindex(total.index, fill_value=0.0)
    total = total[total > 0]
    s = (to_group.reindex(total.index) / total).rename("share_to_group")
    x = trade[[country_col, product, value]]
    x = x[x[country_col].isin(s.index)]
    v = pd.to_numeric(x[value], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    if (v < 0).any():
        raise NicheCriteriaError(text("niche_msg.methods.criteria.negative", name="trade"))
    w = x[country_col].map(s).to_numpy(dtype=float)
    keys = x[product].astype(str)  # grouped by the column: an index of Python strings is ten times slower
    num = pd.Series(v * w, index=x.index).groupby(keys, observed=True).sum().rename(None)
    den = pd.Series(v, index=x.index).groupby(keys, observed=True).sum().rename(None)
    out = (num / den.where(den > 0)).rename("regional_demand_share")
    out.index.name = product
    return out


def lac_import_share(bilateral: pd.DataFrame, members: Iterable[str], *, exporter: str = "exporter",
                     importer: str = "importer", product: str = "product", value: str = "value") -> pd.Series:
    r"""Share of each product's world imports bought by a group of countries, from bilateral flows by product.

    .. math:: D_p = \frac{\sum_{e} \sum_{j \in G,\, j \ne e} v_{ejp}}{\sum_{e} \sum_{j \ne e} v_{ejp}}

    with :math:`v_{ejp}` the flows of product p from e to j (e.g. one year of a BACI panel,
    ``panel.bilateral(year)``). Flows from a country to itself are left out; NaN values count as no
    flow; products nobody imports get NaN. This is the measured form of the proxy
    :func:`regional_demand_share`. Returns a Series by product.
    """
    require_columns(bilateral, (exporter, importer, product, value), "bilateral", NicheCriteriaError,
                    hint=text("niche_msg.methods.criteria.hint_bilateral"))
    members = {str(m).strip().upper() for m in ([members] if isinstance(members, str) else members)}
    f = bilateral[[exporter, importer, product, value]]
    v = pd.to_numeric(f[value], errors="coerce").fillna(0.0).to_numpy(dtype=float)
    if (v < 0).any():
        raise NicheCriteriaError(text("niche_msg.methods.criteria.negative", name="bilateral"))
    # countries and products as integer codes, not one text per flow: a year of a BACI release has millions
    countries = pd.Index(sorted({str(c) for col in (exporter, importer) for c in f[col].dropna().unique()}))
    ex, im = _codes(f[exporter], countries), _codes(f[importer], countries)
    v = np.where(ex != im, v, 0.0)
    keys, labels = _codes(f[product])
    lac = np.isin(im, countries.get_indexer(sorted(members & set(countries))))
    den = np.bincount(keys, weights=v, minlength=len(labels))
    num = np.bincount(keys, weights=np.where(lac, v, 0.0), minlength=len(labels))
    seen = np.bincount(keys, minlength=len(labels)) > 0
    den = pd.Series(den[seen], index=labels[seen])
    out = (pd.Series(num[seen], index=labels[seen]) / den.where(den > 0)).sort_index().rename("lac_import_share")
    out.index.name = product
    return out


def _codes(col: pd.Series, categories: pd.Index | None = None):
    """Integer codes of a column of codes read as text (missing values are a code of their own, as the text 'nan').

    With ``categories``: the codes in them; without: (codes, the texts they stand for).
    """
    if isinstance(col.dtype, pd.CategoricalDtype) and not col.isna().any():
        col = col.cat.rename_categories(col.cat.categories.astype(str))
    else:
        col = col.astype(str).astype("category")
    if categories is not None:
        col = col.cat.set_categories(categories)
    return col.cat.codes.to_numpy(np.int64) if categories is not None else \
        (col.cat.codes.to_numpy(np.int64), pd.Index(col.cat.categories.astype(str)))


def world_demand_cagr(trade_base: pd.DataFrame, trade: pd.DataFrame, years: tuple[int, int], *,
                      product: str = "product", value: str = "export_value") -> pd.Series:
    r"""Growth of world demand for each product over one window, in % a year (compound annual growth rate).

    .. math:: g_p = 100\left[\left(\frac{W_{p,y_1}}{W_{p,y_0}}\right)^{1/(y_1 - y_0)} - 1\right]

    with :math:`W_{p,y}` the world exports of p in year y (the sum over every reporter of the
    table; NaN = not reported, left out). NaN where :math:`W_{p,y_0} = 0` or p is absent in
    :math:`y_0` (growth from nothing is undefined); -100 where the world stopped exporting it. A
    growth rate does not grow with the product's size, unlike a change in its share of world
    trade. ``years`` = (y0, y1), y1 > y0. Returns a Series by product.
    """
    y0, y1 = (int(years[0]), int(years[1]))
    if not y1 > y0:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.window", y0=y0, y1=y1))
    w = []
    for t, what in ((trade_base, "trade_base"), (trade, "trade")):
        require_columns(t, (product, value), what, NicheCriteriaError,
                        hint=text("niche_msg.methods.criteria.hint_exports"))
        w.append(pd.to_numeric(t[value], errors="coerce").groupby(t[product].astype(str)).sum(min_count=1))
    w0, w1 = w[0], w[1].reindex(w[0].index.union(w[1].index))
    w0 = w0.reindex(w1.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(w0 > 0, (w1.fillna(0.0) / w0.where(w0 > 0, 1.0)) ** (1.0 / (y1 - y0)) - 1.0, np.nan)
    out = pd.Series(100.0 * g, index=w1.index, name="demand_growth")
    out.index.name = product
    return out


def sector_to_product(sector_values: pd.Series, concordance: pd.DataFrame, sector_of_class: Mapping[str, str], *,
                      source: str = "hs07", target: str = "isic3", weight: str = "weight",
                      digits: int = 2) -> pd.Series:
    r"""A sector-level indicator as a product-level one, through a concordance with 1/n weights.

    .. math:: v_p = \frac{\sum_k w_{pk}\, v_{s(k)}}{\sum_{k:\, s(k)\ \text{known}} w_{pk}}

    ``concordance`` maps product p to classes k (e.g. ``data.concordance("hs07", "isic3")``,
    weights 1/n); ``sector_of_class`` maps the first ``digits`` digits of k (an ISIC division) to
    a sector of ``sector_values``. Classes with no sector are left out and the weights of the
    rest renormalised; a product with no class matched gets NaN. Returns a Series by product.
    """
    require_columns(concordance, (source, target, weight), "concordance", NicheCriteriaError,
                    hint=text("niche_msg.methods.criteria.hint_concordance"))
    c = concordance[[source, target, weight]].copy()
    c["sector"] = c[target].astype(str).str[:digits].map(dict(sector_of_class))
    c["value"] = c["sector"].map(sector_values)
    c = c[c["value"].notna()]
    c["wv"] = c[weight].astype(float) * c["value"].astype(float)
    g = c.groupby(source)
    out = (g["wv"].sum() / g[weight].sum()).astype(float)
    out.index.name = "product"
    return out


def competitiveness_quadrant(criteria: pd.DataFrame, *, demand: str = "demand_growth", share: str = "share_change",
                             tol: float = 0.0, demand_tol: float | None = None, lang: str = "en") -> pd.Series:
    """ECLAC competitiveness quadrant of each product from the two dynamism criteria of one window.

    g = ``criteria[demand]`` (world demand growth, % a year), Δms = ``criteria[share]`` (ECLAC & World
    Bank 1999, TradeCAN): a product is *dynamic* when its demand grows faster than world trade as a
    whole, i.e. g > ``demand_tol``, which defaults to ``criteria.attrs["world_demand_cagr"]`` (the growth
    of total world exports over the window, set by :func:`criteria_table`; else ``tol``): then its
    share of world trade rises, TradeCAN's ΔSH > 0. g > g_world and Δms > tol "rising star"; g <= g_world
    and Δms > tol "declining star"; g > g_world and Δms <= tol "missed opportunity"; both "retreat" (an
    exact tie goes with the negative side, as in :func:`course_tools.indicators.competitiveness_matrix`);
    either NaN: "no data". Spanish labels with ``lang="es"`` (estrella naciente, ..., "sin datos").
    """
    lang = check_lang(lang)
    require_columns(criteria, (demand, share), "criteria (the result of criteria_table)", NicheCriteriaError,
                    hint=text("niche_msg.methods.criteria.hint_quadrant"))
    if demand_tol is None:
        demand_tol = float(criteria.attrs.get("world_demand_cagr", tol)) if demand == "demand_growth" else tol
    dw = criteria[demand].to_numpy(dtype=float)
    dms = criteria[share].to_numpy(dtype=float)
    up, gain = dw > demand_tol, dms > tol
    labels = np.select([up & gain, ~up & gain, up & ~gain, ~up & ~gain],
                       ["rising star", "declining star", "missed opportunity", "retreat"], "no data")
    labels = np.where(np.isnan(dw) | np.isnan(dms), "no data", labels)
    out = pd.Series(labels, index=criteria.index, name="quadrant", dtype=object)
    if lang == "es":
        out = out.map({**dyn.QUADRANTS, "no data": text("common.no_data", lang)})
    return out.astype(str)


def io_linkages(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Backward (Rasmussen) and forward (Ghosh) linkages of one input-output table, by sector.

    A = Z x̂⁻¹, L = (I − A)⁻¹, B = x̂⁻¹ Z, G = (I − B)⁻¹, then
    :func:`course_tools.methods.input_output.linkages` ``(L, G, forward="ghosh")`` (Rasmussen 1956;
    Miller & Blair 2009 §12.2): columns ``backward``, ``forward`` (mean 1) and the raw sums. ``Z``:
    a national table or the domestic block of a region of a multi-regional one, ``x`` its total output.
    Warnings about negative flows (balancing adjustments of the published tables) are not repeated.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        A = iot.technical_coefficients(Z, x)
        G = iot.ghosh_inverse(iot.allocation_coefficients(Z, x))
        return iot.linkages(iot.leontief_inverse(A), G, forward="ghosh")


# --------------------------------------------------------------------------------------------
# the criteria table, one group of criteria at a time
# --------------------------------------------------------------------------------------------
_TRADE_COLUMNS = ("country", "product", "export_value")


def _country_code(country: object) -> str:
    if not isinstance(country, str) or not country.strip():
        raise NicheCriteriaError(text("niche_msg.methods.criteria.iso3", value=country))
    return country.strip().upper()


def _reports(trade: pd.DataFrame, code: str) -> bool:
    """Whether ``code`` has a reported (not NaN) export value in ``trade`` (vectorised: no set of 233k strings)."""
    return bool(((trade["country"] == code) & trade["export_value"].notna()).any())


def complexity_of_table(trade: pd.DataFrame) -> ComplexityResult:
    """:func:`complexity` of the reported rows of ``trade`` cleaned by :func:`filter_for_complexity`
    (its defaults): the complexity set that :func:`criteria_table` uses, the same for every country."""
    kept, _dropped = filter_for_complexity(trade.dropna(subset=["export_value"]))
    return complexity(kept)


def _complexity_of(trade_now: pd.DataFrame, code: str, year: object,
                   given: ComplexityResult | None = None) -> ComplexityResult:
    result = complexity_of_table(trade_now) if given is None else given
    if code not in result.M.index:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.not_in_set", code=code, year=year))
    return result


def _capacity(trade_now: pd.DataFrame, code: str, products: pd.Index) -> dict[str, pd.Series]:
    """rca, rsca = (RCA - 1) / (RCA + 1) and export_value of the country, world = every reporter."""
    t = trade_now[list(_TRADE_COLUMNS)].assign(product=lambda d: d["product"].astype(str))
    world = t.groupby("product", observed=True)["export_value"].sum()
    world = world[world > 0]  # products nobody exports: RCA 0/0, left out
    with warnings.catch_warnings():  # the products the country does not export: dropped here, RCA 0 below
        warnings.simplefilter("ignore", UserWarning)
        r = spec.rca(t[t["country"] == code], world=world)  # X.. over every product: as in the whole table
    r = r.set_index("product")
    rca = r["rca"].reindex(products).astype(float)
    rca = rca.where(rca.notna() | ~products.isin(world.index), 0.0)
    return {"rca": rca, "rsca": (rca - 1.0) / (rca + 1.0),
            "export_value": r["export_value"].reindex(products).fillna(0.0).astype(float)}


def _feasibility_and_value(result: ComplexityResult, code: str, products: pd.Index) -> dict[str, pd.Series]:
    return {"density": result.density.loc[code].reindex(products).astype(float),
            "distance": result.distance.loc[code].reindex(products).astype(float),
            "pci": result.pci.reindex(products).astype(float),
            "cog": result.cog.loc[code].reindex(products).astype(float)}


def _share_change(trade_base: pd.DataFrame | None, trade: pd.DataFrame, trade_now: pd.DataFrame, code: str,
                  products: pd.Index) -> pd.Series:
    """100 Δms of the country between the two trade tables; 0 where it exported the product in neither year."""
    if trade_base is None or not _reports(trade_base, code):
        return pd.Series(np.nan, index=products)
    matrix = dyn.world_market_table(trade_base, trade, code).set_index("product")
    world_0 = trade_base.groupby("product")["export_value"].sum()
    world_1 = trade_now.groupby("product")["export_value"].sum()
    # products the country exported in neither year (left out of the matrix): Δms = 0 - 0
    both = world_0.index[world_0 > 0].intersection(world_1.index[world_1 > 0]).astype(str)
    share = pd.Series(np.where(products.isin(both), 0.0, np.nan), index=products)
    share.update(100.0 * matrix["delta_share"])
    share[~products.isin(both)] = np.nan
    return share.astype(float)


def _by_product(values: pd.Series, products: pd.Index) -> pd.Series:
    if not isinstance(values, pd.Series):
        raise NicheCriteriaError(text("niche_msg.methods.criteria.not_series", kind=type(values).__name__))
    v = values.copy()
    v.index = v.index.astype(str)
    return pd.to_numeric(v, errors="coerce").reindex(products).astype(float)


def _world_growth(trade_base: pd.DataFrame | None, trade_end: pd.DataFrame, window: tuple[int, int] | None) -> float:
    """Growth of total world exports over the window, % a year (NaN without a base year)."""
    if trade_base is None:
        return float("nan")
    w0 = pd.to_numeric(trade_base["export_value"], errors="coerce").sum()
    w1 = pd.to_numeric(trade_end["export_value"], errors="coerce").sum()
    return float(100.0 * ((w1 / w0) ** (1.0 / (window[1] - window[0])) - 1.0)) if w0 > 0 else float("nan")


def _dynamics(trade_base: pd.DataFrame | None, trade_end: pd.DataFrame, window: tuple[int, int] | None, code: str,
              products: pd.Index) -> dict[str, pd.Series]:
    """demand_growth (world CAGR, % a year) and share_change (points) over one window of one panel."""
    if trade_base is None:
        return {"demand_growth": pd.Series(np.nan, index=products), "share_change": pd.Series(np.nan, index=products)}
    end = trade_end.dropna(subset=["export_value"])
    return {"demand_growth": world_demand_cagr(trade_base, end, window).reindex(products).astype(float),
            "share_change": _share_change(trade_base, end, end, code, products)}


def _linkage_columns(link: pd.DataFrame | None, concordance: pd.DataFrame | None,
                     sector_of_class: Mapping[str, str], products: pd.Index) -> dict[str, pd.Series]:
    if link is None:
        return {"backward_linkage": pd.Series(np.nan, index=products),
                "forward_linkage": pd.Series(np.nan, index=products)}
    if concordance is None:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.linkages",
                                      example="data.concordance('hs07', 'isic3')"))
    require_columns(link, ("backward", "forward"), "linkages", NicheCriteriaError,
                    hint=text("niche_msg.methods.criteria.hint_linkages"))
    # the class column (isic3 for the world table, isic4 for a national one) and the length of the
    # classes sector_of_class names (2-digit divisions, or 3-4 digits for a national table's mapping)
    target = "isic3" if "isic3" in concordance.columns else next(
        (c for c in concordance.columns if c not in ("hs07", "weight")), "isic3")
    digits = max((len(str(k)) for k in sector_of_class), default=2)
    return {f"{side}_linkage": sector_to_product(link[side], concordance, sector_of_class, target=target,
                                                 digits=digits).reindex(products)
            for side in ("backward", "forward")}


def _with_extra(out: pd.DataFrame, extra: pd.DataFrame | None) -> pd.DataFrame:
    """The criteria table with the columns of ``extra`` (by product; products it lacks get NaN)."""
    if extra is None:
        return out
    require_columns(extra, (), "extra", NicheCriteriaError)
    e = extra.set_index("product") if "product" in extra.columns else extra
    clash = [c for c in e.columns if c in out.columns]
    if clash:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.extra_names", names=clash))
    e = e.set_axis(pd.Index(e.index.astype(str), name="product"))
    if e.index.has_duplicates:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.extra_duplicated",
                                       dup=list(e.index[e.index.duplicated()][:5])))
    return out.join(e.reindex(out.index).astype("float64"))


def criteria_table(
    country: str,
    trade: pd.DataFrame,
    *,
    trade_base: pd.DataFrame | None = None,
    window: tuple[int, int] | None = None,
    flows: pd.DataFrame | None = None,
    lac_members: Iterable[str] | None = None,
    lac_demand: pd.Series | None = None,
    untapped: pd.Series | None = None,
    linkages: pd.DataFrame | None = None,
    concordance: pd.DataFrame | None = None,
    sector_of_class: Mapping[str, str] = MRIO_SECTOR_OF_ISIC3,
    io_region: str | None = None,
    year: int | None = None,
    trade_end: pd.DataFrame | None = None,
    extra: pd.DataFrame | None = None,
    extra_higher_is_better: Mapping[str, bool] | None = None,
    complexity_result: ComplexityResult | None = None,
) -> pd.DataFrame:
    """The criteria table of ``country`` from the tables given: one row per product, one float column per criterion.

    ``trade``: exports by country and product of one year (columns country, product,
    export_value; NaN = not reported, dropped), e.g. ``panel.exports(year)``. Rows: the products of its
    cleaned complexity set (:func:`filter_for_complexity` with its defaults, then :func:`complexity`);
    index ``product``. Columns :data:`CRITERIA` (described by :func:`criteria_catalogue`), then those
    of ``extra``. Each group comes from its own table; a table left out (None) gives a column of NaN:

    - dynamics over ONE ``window`` = (y0, y1) of one panel: ``trade_base`` the exports of y0 and
      ``trade_end`` those of y1 (default ``trade``, when y1 is the year of the criteria) give
      ``demand_growth`` (:func:`world_demand_cagr`, % a year) and ``share_change`` (points);
    - ``lac_demand``: the LAC share of world imports by product, measured (:func:`lac_import_share`);
      else ``flows`` bilateral totals (exporter, importer, flow) with ``lac_members`` give the proxy
      :func:`regional_demand_share`;
    - ``untapped``: untapped export potential by product (USD), e.g.
      :func:`course_tools.methods.export_potential.untapped_by_product`;
    - ``linkages`` (:func:`io_linkages` of a national table or of a region's block, by sector) with
      ``concordance`` (product -> class, weights) and ``sector_of_class`` (class -> sector) for the two
      linkages; ``io_region`` names that table's economy (``io_proxy`` is True when it is not ``country``);
    - ``extra``: more criteria by product (index or column ``product``), higher is better unless
      ``extra_higher_is_better`` says otherwise;
    - ``complexity_result``: :func:`complexity_of_table` ``(trade)``, when it is already computed (it is the
      same for every country of ``trade``: the report computes it once for many countries).

    ``year`` is a label kept in ``attrs``. ``attrs``: ``country``, ``year``, ``window``, ``io_region``,
    ``io_proxy``, ``nan_counts`` (per column), ``higher_is_better`` (criterion -> bool, read by
    :func:`course_tools.methods.niches.normalise`), ``n_complexity_countries`` /
    ``n_complexity_products`` (the cleaned set), ``eci`` (country -> ECI for every country of that set),
    ``world_demand_cagr`` (growth of total world exports over the window), ``base_year_reporter`` (whether
    the country reports in ``trade_base``). Provenance notes are added by the loader that knows the sources
    (:mod:`course_tools.data.niche_inputs`).
    """
    code = _country_code(country)
    require_columns(trade, _TRADE_COLUMNS, "trade", NicheCriteriaError,
                    hint=text("niche_msg.methods.criteria.hint_trade"))
    trade_now = trade.dropna(subset=["export_value"])
    if not (trade_now["country"] == code).any():
        raise NicheCriteriaError(text("niche_msg.methods.criteria.not_reporter", code=code))
    if flows is not None and lac_members is None and lac_demand is None:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.lac_members", example="data.group_members('lac')"))
    if trade_base is not None and window is None:
        raise NicheCriteriaError(text("niche_msg.methods.criteria.window_needed"))
    result = _complexity_of(trade_now, code, year, complexity_result)
    products = pd.Index(result.pci.index.astype(str), name="product")
    cols = {**_capacity(trade_now, code, products), **_feasibility_and_value(result, code, products)}
    cols.update(_dynamics(trade_base, trade if trade_end is None else trade_end, window, code, products))
    if lac_demand is not None:
        cols["lac_demand_share"] = _by_product(lac_demand, products)
    else:
        cols["lac_demand_share"] = (pd.Series(np.nan, index=products) if flows is None else
                                    regional_demand_share(trade_now, flows, list(lac_members)).reindex(products))
    cols["untapped_potential"] = (pd.Series(np.nan, index=products) if untapped is None
                                  else _by_product(untapped, products))
    cols.update(_linkage_columns(linkages, concordance, sector_of_class, products))
    out = pd.DataFrame(cols, index=products)[list(CRITERIA)].astype("float64")
    out = _with_extra(out, extra)
    hib = {row[0]: bool(row[4]) for row in _CATALOGUE}
    hib.update({c: bool((extra_higher_is_better or {}).get(c, True)) for c in out.columns if c not in hib})
    out.attrs = {
        "country": code, "year": year, "window": None if window is None else (int(window[0]), int(window[1])),
        "world_demand_cagr": _world_growth(trade_base, trade if trade_end is None else trade_end, window),
        "io_region": io_region, "io_proxy": bool(io_region is not None and io_region != code),
        "nan_counts": {c: int(out[c].isna().sum()) for c in out.columns}, "higher_is_better": hib,
        "n_complexity_countries": int(result.M.shape[0]), "n_complexity_products": int(result.M.shape[1]),
        "eci": {str(c): float(v) for c, v in result.eci.items()},
        "base_year_reporter": bool(trade_base is not None
                                   and _reports(trade_base, code)),
    }
    return out
