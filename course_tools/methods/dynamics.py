"""Competitiveness dynamics: the ECLAC competitiveness matrix and constant-market-share analysis.

Inputs are product profiles for two periods: Series indexed by product, or tidy tables with a
``product`` and a ``value`` column (and optionally a ``year`` column: several years in one period
are averaged first, the usual ECLAC smoothing, e.g. 2015-17 vs 2022-24). Products missing from
a table count as 0 in that period. NaN and negative values raise :class:`IndicatorInputError`.
"""
from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from course_tools.errors import require_columns
from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, _check_value_column, _is_tidy

__all__ = ["competitiveness_matrix", "constant_market_share", "QUADRANTS", "CompetitivenessInputError",
           "world_market_table", "demand_growth", "cms_world"]

#: English label -> Spanish label of the competitiveness-matrix quadrants and special cases.
QUADRANTS: dict[str, str] = {
    "rising star": "estrella naciente",
    "declining star": "estrella menguante",
    "missed opportunity": "oportunidad perdida",
    "retreat": "retirada",
    "no demand": "sin demanda",
}


def _profile(data: pd.Series | pd.DataFrame, *, product: str, value: str, year: str, years: Sequence | None,
             what: str) -> pd.Series:
    """One period's values by product (average over the years of the period if several)."""
    if isinstance(data, pd.Series):
        if years is not None:
            raise IndicatorInputError(text("methods_msg_b.dynamics.years_need_tidy", what=what, year=year))
        s = data
        if not pd.api.types.is_numeric_dtype(s):
            raise IndicatorInputError(text("methods_msg_b.dynamics.series_not_numeric", what=what, dtype=s.dtype))
        if s.isna().any():
            raise IndicatorInputError(text("methods_msg_b.dynamics.series_nan", what=what, n=int(s.isna().sum()),
                                           eg=list(s.index[s.isna()][:5])))
        if (s < 0).any():
            raise IndicatorInputError(text("methods_msg_b.dynamics.series_negative", what=what,
                                           eg=list(s.index[s < 0][:5])))
        if s.index.has_duplicates:
            s = s.groupby(level=0).sum()
        s = s.astype(float)
        s.index.name = product
        return s
    if not _is_tidy(data, (product, value)):
        raise IndicatorInputError(text("methods_msg_b.dynamics.profile_shape", what=what, product=product, value=value,
                                       columns=list(getattr(data, "columns", []))[:8]))
    _check_value_column(data, value, what)
    d = data
    n_years = 1
    if year in d.columns:
        if years is not None:
            years = list(years)
            found = set(d[year].unique())
            missing = [y for y in years if y not in found]
            if missing:
                raise IndicatorInputError(text("methods_msg_b.dynamics.years_missing", what=what, missing=missing,
                                               year=year, found=sorted(found)[:10]))
            d = d[d[year].isin(years)]
            n_years = len(years)
        else:
            n_years = d[year].nunique()
    elif years is not None:
        raise IndicatorInputError(text("methods_msg_b.dynamics.years_no_column", what=what, year=year))
    # average = sum over the period's years / number of years (a product absent in a year = 0)
    s = d.groupby(product, observed=True)[value].sum().astype(float) / max(n_years, 1)
    s.index.name = product
    return s


def competitiveness_matrix(
    country_exports_t0: pd.Series | pd.DataFrame,
    country_exports_t1: pd.Series | pd.DataFrame,
    market_imports_t0: pd.Series | pd.DataFrame,
    market_imports_t1: pd.Series | pd.DataFrame,
    *,
    product: str = "product",
    value: str = "export_value",
    import_value: str | None = None,
    year: str = "year",
    average_years: tuple[Sequence, Sequence] | None = None,
    tol: float = 0.0,
    keep_not_exported: bool = False,
) -> pd.DataFrame:
    r"""ECLAC competitiveness matrix ("matriz de competitividad"; ECLAC & World Bank, *TradeCAN
    User Guide*, 1999; Mortimore, Bonifaz & Duarte de Oliveira 1997, CEPAL Serie Desarrollo
    Productivo 40; ECLAC 2003, MAGIC).

    For a market (world, a partner, a region) with imports :math:`M_p` of product p from all
    origins and the country's exports :math:`X_p` to it, periods 0 and 1:

    * demand dynamism  :math:`\Delta w_p = M^1_p/M^1 - M^0_p/M^0` (``delta_weight``);
    * competitiveness  :math:`\Delta ms_p = X^1_p/M^1_p - X^0_p/M^0_p` (``delta_share``);
    * contribution     :math:`X_p/X` (``contribution_t0``, ``contribution_t1``: weight of p in the
      country's exports to the market).

    Quadrants (column ``quadrant``, Spanish in ``cuadrante``): Δw > 0 and Δms > 0 "rising star"
    (estrella naciente); Δw <= 0 and Δms > 0 "declining star" (estrella menguante); Δw > 0 and
    Δms <= 0 "missed opportunity" (oportunidad perdida); Δw <= 0 and Δms <= 0 "retreat" (retirada).

    Tie rule: a change counts as positive only if it is > ``tol`` (default 0, i.e. strictly
    positive); an exact 0 goes with the negative side, so a product needs a real gain to be
    called a star. Special cases, handled explicitly:

    * market demand zero in either period (:math:`M^0_p = 0` or :math:`M^1_p = 0`): the market
      share is undefined, ``delta_share`` = NaN and quadrant "no demand" (sin demanda);
    * entry from zero (:math:`X^0_p = 0 < X^1_p`): classified by the same rule and flagged in
      column ``status`` = "entry"; also "exit" (:math:`X^1_p = 0 < X^0_p`) and "continuing";
    * products the country never exported (both periods 0) are left out unless
      ``keep_not_exported=True`` (status "not exported"; Δms = 0, so they fall in
      "missed opportunity" or "retreat").

    Each argument is a Series by product or a tidy table (``product``, ``value`` columns; the
    imports' value column is ``import_value`` if given, else ``value``). A table with a ``year``
    column holding several years is averaged over them; ``average_years=((2015, 2016, 2017),
    (2022, 2023, 2024))`` selects the years of period 0 and 1, so the same panel can be passed
    for t0 and t1. Returns one row per product.
    """
    iv = import_value or value
    y0, y1 = (None, None) if average_years is None else average_years
    if average_years is not None and len(average_years) != 2:
        raise IndicatorInputError(text("methods_msg_b.dynamics.average_years_pair"))
    kw = dict(product=product, year=year)
    X0 = _profile(country_exports_t0, value=value, years=y0, what="country_exports_t0", **kw)
    X1 = _profile(country_exports_t1, value=value, years=y1, what="country_exports_t1", **kw)
    M0 = _profile(market_imports_t0, value=iv, years=y0, what="market_imports_t0", **kw)
    M1 = _profile(market_imports_t1, value=iv, years=y1, what="market_imports_t1", **kw)
    idx = X0.index.union(X1.index).union(M0.index).union(M1.index)
    X0, X1, M0, M1 = (s.reindex(idx, fill_value=0.0).to_numpy() for s in (X0, X1, M0, M1))
    if M0.sum() <= 0 or M1.sum() <= 0:
        raise IndicatorInputError(text("methods_msg_b.dynamics.market_no_imports"))
    if X0.sum() <= 0 and X1.sum() <= 0:
        raise IndicatorInputError(text("methods_msg_b.dynamics.country_no_exports"))
    over = ((X0 > M0 * (1 + 1e-9)) & (M0 > 0)) | ((X1 > M1 * (1 + 1e-9)) & (M1 > 0))
    if over.any():
        warnings.warn(text("methods_msg_b.dynamics.exports_exceed_imports", n=int(over.sum()), eg=list(idx[over][:5])),
                      UserWarning, stacklevel=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        w0, w1 = M0 / M0.sum(), M1 / M1.sum()
        ms0 = np.where(M0 > 0, X0 / np.where(M0 > 0, M0, 1), np.nan)
        ms1 = np.where(M1 > 0, X1 / np.where(M1 > 0, M1, 1), np.nan)
        c0 = X0 / X0.sum() if X0.sum() > 0 else np.zeros_like(X0)
        c1 = X1 / X1.sum() if X1.sum() > 0 else np.zeros_like(X1)
    dw, dms = w1 - w0, ms1 - ms0
    up_w, up_ms = dw > tol, dms > tol
    no_demand = (M0 <= 0) | (M1 <= 0)
    quad = np.where(up_w, np.where(up_ms, "rising star", "missed opportunity"),
                    np.where(up_ms, "declining star", "retreat")).astype(object)
    quad[no_demand] = "no demand"
    status = np.where((X0 == 0) & (X1 > 0), "entry",
                      np.where((X0 > 0) & (X1 == 0), "exit",
                               np.where((X0 == 0) & (X1 == 0), "not exported", "continuing")))
    out = pd.DataFrame({
        product: idx.to_numpy(),
        "export_t0": X0, "export_t1": X1, "import_t0": M0, "import_t1": M1,
        "weight_t0": w0, "weight_t1": w1, "delta_weight": dw,
        "share_t0": ms0, "share_t1": ms1, "delta_share": dms,
        "contribution_t0": c0, "contribution_t1": c1,
        "status": status,
        "quadrant": quad,
    })
    out["cuadrante"] = out["quadrant"].map(QUADRANTS)
    if not keep_not_exported:
        out = out[out["status"] != "not exported"].reset_index(drop=True)
    return out


def _growth_times_base(base_ref0: np.ndarray, ref1: np.ndarray, x0: np.ndarray, unit: str) -> np.ndarray:
    """r * X0 with r = ref1/ref0 - 1; cells with X0 = 0 contribute 0 whatever r is.

    ``unit`` names the cells in messages: ``"products"`` or ``"cells"`` (product-market cells).
    """
    bad = (base_ref0 <= 0) & (x0 > 0)
    if bad.any():
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_reference_zero", n=int(bad.sum()),
                                       unit=text("methods_msg_b.dynamics.unit_" + unit)))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(base_ref0 > 0, ref1 / np.where(base_ref0 > 0, base_ref0, 1) - 1.0, 0.0)
    return r * x0


def _cms_input(d, product, market, value, what) -> pd.Series:
    if isinstance(d, pd.Series):
        s = d
    elif isinstance(d, pd.DataFrame) and _is_tidy(d, (product, value)):
        _check_value_column(d, value, what)
        keys = [product] + ([market] if market is not None and market in d.columns else [])
        s = d.groupby(keys, observed=True)[value].sum()
    elif isinstance(d, pd.DataFrame) and all(pd.api.types.is_numeric_dtype(t) for t in d.dtypes):
        # matrix product x market -> Series with a (product, market) index
        s = pd.Series(d.to_numpy(dtype=float).ravel(),
                      index=pd.MultiIndex.from_product([d.index, d.columns]))
    else:
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_input_shape", what=what, product=product,
                                       market=market, value=value))
    if not pd.api.types.is_numeric_dtype(s):
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_not_numeric", what=what, dtype=s.dtype))
    if s.isna().any():
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_nan", what=what, n=int(s.isna().sum()),
                                       eg=list(s.index[s.isna()][:3])))
    if (s < 0).any():
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_negative", what=what, n=int((s < 0).sum()),
                                       eg=list(s.index[s < 0][:3])))
    return s.astype(float)


def constant_market_share(X0: pd.Series | pd.DataFrame, X1: pd.Series | pd.DataFrame, W0: pd.Series | pd.DataFrame,
                          W1: pd.Series | pd.DataFrame, *, product: str = "product", market: str | None = None,
                          value: str = "export_value", by_product: bool = False) -> pd.Series | pd.DataFrame:
    r"""Constant market share decomposition of a country's export growth (Leamer & Stern 1970,
    *Quantitative International Economics*, ch. 7; Tyszynski 1951).

    :math:`r`, :math:`r_i`, :math:`r_{ij}` = growth of the reference exports (the world, ideally
    without the country) in total, of commodity i, and of i to market j. Commodity level
    (two-level, Series by product):

    .. math:: \Delta X = rX^0 + \sum_i (r_i - r)X_i^0 + \sum_i (X_i^1 - X_i^0 - r_i X_i^0)

    = ``world_growth`` + ``commodity_composition`` + ``competitiveness`` (residual).
    With markets (three-level, inputs by product and market: Series with a 2-level index, a
    product x market matrix, or tidy tables with ``product`` and ``market`` columns):

    .. math:: \Delta X = rX^0 + \sum_i (r_i - r)X_i^0 + \sum_{i,j}(r_{ij} - r_i)X_{ij}^0
              + \sum_{i,j}(X^1_{ij} - X^0_{ij} - r_{ij}X^0_{ij})

    adding ``market_distribution``. The components sum to ``total_change`` = :math:`X^1 - X^0`
    exactly. Results depend on the base period (index-number problem; symmetric variants:
    Fagerberg & Sollie 1987, Milana 1988). Use constant prices for real-growth readings.
    Returns a Series of components (``by_product=True``: a table by product).
    """
    three = market is not None
    if isinstance(X0, pd.Series) and X0.index.nlevels == 2:
        three = True
    if isinstance(X0, pd.DataFrame) and not _is_tidy(X0, (product, value)):
        three = True
    s = {k: _cms_input(d, product, market, value, k) for k, d in
         (("X0", X0), ("X1", X1), ("W0", W0), ("W1", W1))}
    nlev = {v.index.nlevels for v in s.values()}
    if nlev != {2 if three else 1}:
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_levels"))
    idx = s["X0"].index
    for v in s.values():
        idx = idx.union(v.index)
    x0, x1, w0, w1 = (s[k].reindex(idx, fill_value=0.0) for k in ("X0", "X1", "W0", "W1"))
    prod_level = idx.get_level_values(0) if three else idx
    # commodity totals
    X0i = x0.groupby(prod_level).sum()
    X1i = x1.groupby(prod_level).sum()
    W0i = w0.groupby(prod_level).sum()
    W1i = w1.groupby(prod_level).sum()
    if W0i.sum() <= 0:
        raise IndicatorInputError(text("methods_msg_b.dynamics.cms_reference_total_zero"))
    r = W1i.sum() / W0i.sum() - 1.0
    world = r * X0i.to_numpy()
    ri_x0 = _growth_times_base(W0i.to_numpy(), W1i.to_numpy(), X0i.to_numpy(), "products")
    comp = ri_x0 - r * X0i.to_numpy()
    res = pd.DataFrame({"world_growth": world, "commodity_composition": comp}, index=X0i.index)
    if three:
        rij_x0 = _growth_times_base(w0.to_numpy(), w1.to_numpy(), x0.to_numpy(), "cells")
        rij_x0_i = pd.Series(rij_x0, index=idx).groupby(prod_level).sum().reindex(X0i.index).to_numpy()
        res["market_distribution"] = rij_x0_i - ri_x0
        res["competitiveness"] = X1i.to_numpy() - X0i.to_numpy() - rij_x0_i
    else:
        res["competitiveness"] = X1i.to_numpy() - X0i.to_numpy() - ri_x0
    res["total_change"] = X1i.to_numpy() - X0i.to_numpy()
    res.index.name = product
    if by_product:
        return res.reset_index()
    return res.sum(axis=0).rename("constant_market_share")


# --------------------------------------------------------------------------------------------
# the world market of one country between two trade tables (lesson L07)
# --------------------------------------------------------------------------------------------
class CompetitivenessInputError(IndicatorInputError):
    """The tables given cannot produce the dynamics table asked for (the message says how to fix it)."""


def _country_and_world(trade: pd.DataFrame, country: str, *, country_col: str, product: str,
                       value: str, what: str, exclude_country: bool = False) -> tuple[pd.Series, pd.Series]:
    """(country exports by product, world exports by product) of one year; NaN counts as 0."""
    require_columns(trade, (country_col, product, value), what, CompetitivenessInputError,
                    hint=text("methods_msg_b.dynamics.hint_trade"))
    coerced = pd.to_numeric(trade[value], errors="coerce")
    not_numeric = coerced.isna() & trade[value].notna()
    if not_numeric.any():
        raise CompetitivenessInputError(text("methods_msg_a.common.not_numeric_values", column=value,
                                             n=int(not_numeric.sum()), example=trade.loc[not_numeric, value].iloc[0]))
    values = coerced.fillna(0.0)
    if (values < 0).any():
        raise CompetitivenessInputError(text("methods_msg_b.dynamics.negative_exports", what=what,
                                             n=int((values < 0).sum())))
    is_country = (trade[country_col] == country).to_numpy()
    if not is_country.any():
        raise CompetitivenessInputError(text("methods_msg_b.dynamics.not_a_reporter", country=country, what=what))
    # grouped by the column itself: an object array of 233k Python strings (to_numpy) is ten times slower
    keys = trade[product].astype(str)
    x = values[is_country].groupby(keys[is_country], observed=True).sum()
    w = (values[~is_country].groupby(keys[~is_country], observed=True) if exclude_country
         else values.groupby(keys, observed=True)).sum()
    x.index.name = w.index.name = product
    return x.rename(None), w.rename(None)


def _add_names(table: pd.DataFrame, names: pd.DataFrame | None, product: str) -> pd.DataFrame:
    if names is None:
        return table
    require_columns(names, ("code", "name"), "names", CompetitivenessInputError,
                    hint=text("methods_msg_b.dynamics.hint_names"))
    lookup = names.drop_duplicates("code").set_index("code")["name"]
    out = table.copy()
    out.insert(1, "name", out[product].map(lookup).fillna(out[product]))
    return out


def world_market_table(trade_t0: pd.DataFrame, trade_t1: pd.DataFrame, country: str, *,
                       country_col: str = "country", product: str = "product", value: str = "export_value",
                       tol: float = 0.0, names: pd.DataFrame | None = None) -> pd.DataFrame:
    """ECLAC competitiveness matrix of ``country`` in the world market between two trade tables.

    The market's imports of product p are proxied by the world's exports of p (sum over all
    reporters of the table, the country included); the country's exports are its rows. Both go
    to :func:`competitiveness_matrix` (Δw = M¹_p/M¹ − M⁰_p/M⁰,
    Δms = X¹_p/M¹_p − X⁰_p/M⁰_p; ECLAC & World Bank 1999, TradeCAN), with its tie rule (a change
    counts as positive only if > ``tol``). Products the country never exported are left out.
    ``names`` (``data.products(...)``: columns code, name) adds a ``name`` column.
    Returns one row per product, largest exports in period 1 first.
    """
    x0, m0 = _country_and_world(trade_t0, country, country_col=country_col, product=product,
                                value=value, what="trade_t0")
    x1, m1 = _country_and_world(trade_t1, country, country_col=country_col, product=product,
                                value=value, what="trade_t1")
    table = competitiveness_matrix(x0, x1, m0, m1, product=product, tol=tol)
    table = table.sort_values(["export_t1", product], ascending=[False, True]).reset_index(drop=True)
    return _add_names(table, names, product)


def demand_growth(product_year: pd.DataFrame, *, year0: int = 1995, year1: int = 2023, product: str = "product",
                  year: str = "year", value: str = "world_export_value") -> pd.DataFrame:
    """World demand dynamism by product between two years of a product × year panel.

    weight_t = V_p,t / Σ_p V_p,t (the product's share of world trade), ``delta_weight`` =
    weight_t1 − weight_t0 (the Δw axis of the ECLAC matrix) and ``growth`` = V_p,t1 / V_p,t0 − 1
    (NaN when V_p,t0 = 0). A product absent in a year counts as 0. ``dynamic`` = Δw > 0.
    Returns one row per product, the largest Δw first.
    """
    require_columns(product_year, (product, year, value), "product_year", CompetitivenessInputError,
                    hint=text("methods_msg_b.dynamics.hint_product_year"))
    years = set(product_year[year].unique())
    missing = [y for y in (year0, year1) if y not in years]
    if missing:
        raise CompetitivenessInputError(text("methods_msg_b.dynamics.panel_years", missing=missing, first=min(years),
                                             last=max(years)))
    d = product_year[product_year[year].isin([year0, year1])]
    wide = d.pivot_table(index=product, columns=year, values=value, aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=[year0, year1], fill_value=0.0).astype(float)
    v0, v1 = wide[year0].to_numpy(), wide[year1].to_numpy()
    w0, w1 = v0 / v0.sum(), v1 / v1.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(v0 > 0, v1 / np.where(v0 > 0, v0, 1) - 1.0, np.nan)
    out = pd.DataFrame({product: wide.index.astype(str), "value_t0": v0, "value_t1": v1,
                        "weight_t0": w0, "weight_t1": w1, "delta_weight": w1 - w0,
                        "growth": growth, "dynamic": (w1 - w0) > 0})
    return out.sort_values(["delta_weight", product], ascending=[False, True]).reset_index(drop=True)


def cms_world(trade_t0: pd.DataFrame, trade_t1: pd.DataFrame, country: str, *, country_col: str = "country",
              product: str = "product", value: str = "export_value", exclude_country: bool = True,
              by_product: bool = False) -> pd.Series | pd.DataFrame:
    """Two-level (commodity) constant-market-share decomposition of ``country``'s export growth.

    ΔX = rX⁰ + Σ_i (r_i − r) X_i⁰ + Σ_i (X_i¹ − X_i⁰ − r_i X_i⁰) = world growth + commodity
    composition + competitiveness (Leamer & Stern 1970), computed by
    :func:`constant_market_share`. The reference growth r, r_i is that of
    the exports of all OTHER reporters (the world without the country, the course's choice, so
    the country's own growth is not part of the benchmark); ``exclude_country=False`` uses the
    whole world, as many spreadsheets do. Current USD.
    """
    x0, _ = _country_and_world(trade_t0, country, country_col=country_col, product=product,
                               value=value, what="trade_t0")
    x1, _ = _country_and_world(trade_t1, country, country_col=country_col, product=product,
                               value=value, what="trade_t1")
    _, w0 = _country_and_world(trade_t0, country, country_col=country_col, product=product,
                               value=value, what="trade_t0", exclude_country=exclude_country)
    _, w1 = _country_and_world(trade_t1, country, country_col=country_col, product=product,
                               value=value, what="trade_t1", exclude_country=exclude_country)
    return constant_market_share(x0, x1, w0, w1, product=product, by_product=by_product)
