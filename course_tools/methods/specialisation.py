"""Revealed capacities: specialisation and concentration of a country's (or region's) exports.

Every function takes either a tidy long table (one row per country x product, column names as
keyword arguments) or a labelled matrix (rows = countries, columns = products) and returns the
same shape it was given: tidy in -> tidy out, matrix in -> matrix out, Series in -> Series out.

"World" is the sum over the countries present in the table (the convention of py-ecomplexity,
the Stata and R ``ecomplexity`` packages), unless you pass an explicit world total (``world=``),
e.g. the reported world exports of each product from WITS/UNCTAD. Results differ when the table
is not the whole world: say which one you use.

Cells not reported in a tidy table count as 0 (no exports). Missing values (NaN) and negative
values raise :class:`IndicatorInputError`: decide first whether a missing value means "no trade"
(``fillna(0)``) or "unknown" (``dropna``).
"""
from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import (
    IndicatorInputError,
    _as_matrix,
    _drop_zero,
    _pair,
    _shape_back,
    _to_tidy,
    balassa_frame,
    reference_totals,
)

__all__ = [
    "rca",
    "rsca",
    "lafay",
    "trade_balance_index",
    "hhi",
    "diversification",
]


# --------------------------------------------------------------------------------------------
# RCA
# --------------------------------------------------------------------------------------------
def _world_series(world: pd.Series | pd.DataFrame | None, product: str, value: str, columns: pd.Index,
                  what: str) -> tuple[pd.Series, float] | None:
    """(world exports of the table's products, world total over EVERY product of ``world=``), or None.

    None means "the table is the world". The total is X.. of the formula: products the table does
    not have (a one-country file, a subset of rows) still count in the world's exports.
    """
    if world is None:
        return None
    ref = reference_totals(world, product, value, columns, what, "world")
    total = float(ref.sum())
    if total <= 0:
        raise IndicatorInputError(text("methods_msg_a.specialisation.world_zero", what=what))
    return ref.reindex(columns), total


def _rca_matrix(m: pd.DataFrame, world: tuple[pd.Series, float] | None) -> pd.DataFrame:
    """Balassa RCA of ``m``; with ``world`` = (X.p of m's products, X.. over all of the world's products)."""
    if world is None:
        return balassa_frame(m)
    col, total = world
    return balassa_frame(m, col.to_numpy(dtype=float), total)


def _rca_of(data, country: str, product: str, value: str, world, what: str):
    """(matrix of values, RCA matrix, kind) after the checks; ``what`` names the caller in errors."""
    m, kind = _as_matrix(data, country, product, value, what)
    m = _drop_zero(m, what, country, product)
    w = _world_series(world, product, value, m.columns, what)
    return m, _rca_matrix(m, w), kind


def rca(data: pd.DataFrame, *, country: str = "country", product: str = "product", value: str = "export_value",
        world: pd.Series | pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Balassa's revealed comparative advantage (Balassa 1965, "Trade liberalisation and
    'revealed' comparative advantage", *The Manchester School* 33(2); WITS trade indicators).

    .. math:: RCA_{cp} = \frac{X_{cp} / X_{c\cdot}}{X_{\cdot p} / X_{\cdot\cdot}}

    (share of product p in country c's exports) / (share of p in world exports).
    World = sum over the countries in the table, or ``world`` (product -> world exports, a
    Series or a tidy table with columns ``product`` and ``value``) if given: then
    :math:`X_{\cdot p}` comes from ``world`` and :math:`X_{\cdot\cdot}` is the sum of ``world``
    over ALL its products, also those the table does not have (a one-country file gives the same
    RCA as the full world table).

    Tidy input (columns ``country``, ``product``, ``value``) gives a tidy table with columns
    ``country, product, value, "rca"`` for every country x product cell (unreported cells = 0);
    a matrix (countries x products) gives a matrix. Countries with zero total exports and
    products nobody exports are dropped with a warning (their RCA is 0/0), as py-ecomplexity does.
    RCA >= 1 (py-ecomplexity, R) or > 1 (Stata ecomplexity) is "revealed advantage".
    With a single country and no ``world=``, the country is its own world: every RCA is 1.
    """
    m, r, kind = _rca_of(data, country, product, value, world, "rca")
    if kind == "tidy":
        return _to_tidy({value: m, "rca": r}, country, product)
    return r


def rsca(data: pd.DataFrame, *, country: str = "country", product: str = "product", value: str = "export_value",
         world: pd.Series | pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Revealed symmetric comparative advantage (Laursen 1998, DRUID WP 98-30; Laursen 2015,
    *Eurasian Business Review* 5(1)).

    .. math:: RSCA_{cp} = \frac{RCA_{cp} - 1}{RCA_{cp} + 1} \in [-1, 1)

    RCA as in :func:`rca` (same world convention). 0 is the neutral point (RCA = 1);
    the symmetric range makes averages and regressions behave. Tidy in -> tidy out with column
    ``"rsca"``; matrix in -> matrix out.
    """
    m, r, kind = _rca_of(data, country, product, value, world, "rsca")
    rs = (r - 1.0) / (r + 1.0)
    if kind == "tidy":
        return _to_tidy({value: m, "rsca": rs}, country, product)
    return rs


# --------------------------------------------------------------------------------------------
# exports vs imports of the same country
# --------------------------------------------------------------------------------------------
def trade_balance_index(exports: pd.DataFrame | pd.Series, imports: pd.DataFrame | pd.Series, *,
                        country: str = "country", product: str = "product", value: str = "export_value",
                        import_value: str = "import_value") -> pd.DataFrame | pd.Series:
    r"""Normalised trade balance (trade balance index; UNCTAD/WITS; Lafay 1992 building block).

    .. math:: TBI_{cp} = \frac{x_{cp} - m_{cp}}{x_{cp} + m_{cp}} \in [-1, 1]

    +1 = only exported, -1 = only imported. Products with x + m = 0 give NaN (undefined).
    ``exports`` and ``imports``: two Series by product (one country), two matrices
    (countries x products) or two tidy tables (``value`` and ``import_value`` columns);
    the result has the same form (tidy column ``"tbi"``).
    """
    x, m, kind = _pair(exports, imports, country, product, value, import_value, "trade_balance_index")
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (x - m) / (x + m)
    return _shape_back(t, kind, "tbi", country, product, {value: x, import_value: m})


def lafay(exports: pd.DataFrame | pd.Series, imports: pd.DataFrame | pd.Series, *, country: str = "country",
          product: str = "product", value: str = "export_value",
          import_value: str = "import_value") -> pd.DataFrame | pd.Series:
    r"""Lafay index of international specialisation, trade-normalised form (Lafay 1992, "The
    measurement of revealed comparative advantages", in Dagenais & Muet (eds), *International
    Trade Modelling*; form used by Zaghini 2005).

    .. math::
        LFI_{cp} = 100\left[\frac{x_{cp}-m_{cp}}{x_{cp}+m_{cp}}
                   - \frac{\sum_k (x_{ck}-m_{ck})}{\sum_k (x_{ck}+m_{ck})}\right]
                   \frac{x_{cp}+m_{cp}}{\sum_k (x_{ck}+m_{ck})}, \qquad \sum_p LFI_{cp} = 0

    Positive = product contributes more than its weight to the country's trade balance.
    This is the trade-normalised variant (the CEPII "contribution to the trade balance"
    divides by GDP instead). Products with x + m = 0 get 0. Same input/output forms as
    :func:`trade_balance_index` (tidy column ``"lafay"``).
    """
    x, m, kind = _pair(exports, imports, country, product, value, import_value, "lafay")
    xa, ma = x.to_numpy(), m.to_numpy()
    tot = (xa + ma).sum(axis=1, keepdims=True)
    if (tot <= 0).any():
        bad = list(x.index[(tot[:, 0] <= 0)])
        raise IndicatorInputError(text("methods_msg_a.specialisation.lafay_no_trade", bad=bad))
    bal = (xa - ma).sum(axis=1, keepdims=True)
    # 100 * [(x-m) - (x+m) * B/T] / T  (algebraically the formula above, no 0/0 for x+m=0)
    lfi = 100.0 * ((xa - ma) - (xa + ma) * bal / tot) / tot
    res = pd.DataFrame(lfi, index=x.index, columns=x.columns)
    return _shape_back(res, kind, "lafay", country, product, {value: x, import_value: m})


# --------------------------------------------------------------------------------------------
# concentration / diversification
# --------------------------------------------------------------------------------------------
HHIVariant = Literal[False, "unctad", "minmax"]


def _hhi_array(s: np.ndarray, n: np.ndarray | int, normalised: HHIVariant) -> np.ndarray:
    hh = (s ** 2).sum(axis=1)
    if normalised is False or normalised is None:
        return hh
    n = np.asarray(n, dtype=float)
    if np.any(n <= 1):
        raise IndicatorInputError(text("methods_msg_a.specialisation.hhi_two_products"))
    if normalised == "unctad":
        return (np.sqrt(hh) - np.sqrt(1.0 / n)) / (1.0 - np.sqrt(1.0 / n))
    if normalised == "minmax":
        return (hh - 1.0 / n) / (1.0 - 1.0 / n)
    raise IndicatorInputError(text("methods_msg_a.specialisation.hhi_variant", normalised=normalised))


def hhi(data: pd.DataFrame | pd.Series, *, normalised: HHIVariant = False, n_products: int | None = None,
        country: str = "country", product: str = "product", value: str = "export_value") -> float | pd.Series:
    r"""Herfindahl-Hirschman concentration of exports across products (or partners).

    With shares :math:`s_{cp} = X_{cp}/X_{c\cdot}` and :math:`n` products:

    * ``normalised=False`` (WITS; Hirschman 1945, Herfindahl 1950): :math:`HH_c = \sum_p s_{cp}^2`
      in [1/n, 1];
    * ``normalised="unctad"`` (UNCTAD concentration index, UNCTAD/STAT/IE/2019/2):
      :math:`H_c = (\sqrt{HH_c} - \sqrt{1/n}) / (1 - \sqrt{1/n})` in [0, 1];
    * ``normalised="minmax"``: :math:`(HH_c - 1/n)/(1 - 1/n)` in [0, 1] (a different, common
      normalisation -- NOT the UNCTAD one).

    ``n`` = number of products in the table (columns of the matrix, length of the Series,
    zeros included; for a tidy table, the distinct products of the whole table) unless
    ``n_products`` is given (e.g. 261 SITC 3-digit groups for UNCTAD). Values or shares both work
    (shares are recomputed). A Series gives a float; a matrix or tidy table a Series by country.
    Countries with zero total exports are dropped with a warning (an error if none is left).
    """
    m, kind = _as_matrix(data, country, product, value, "hhi")
    tot = m.sum(axis=1)
    if (tot <= 0).any():
        if kind == "series":
            raise IndicatorInputError(text("methods_msg_a.common.sum_zero", what="hhi"))
        warnings.warn(text("methods_msg_a.specialisation.hhi_dropped", n=int((tot <= 0).sum()), country=country,
                           eg=list(m.index[(tot <= 0).to_numpy()][:5])), UserWarning, stacklevel=2)
        m = m.loc[(tot > 0).to_numpy()]
        if m.empty:
            raise IndicatorInputError(text("methods_msg_a.specialisation.hhi_all_zero", country=country))
    n = n_products if n_products is not None else m.shape[1]
    if n_products is not None and n_products < (m.to_numpy() > 0).sum(axis=1).max():
        raise IndicatorInputError(text("methods_msg_a.specialisation.hhi_n_products", n_products=n_products,
                                       n_max=int((m.to_numpy() > 0).sum(axis=1).max())))
    a = m.to_numpy()
    out = _hhi_array(a / a.sum(axis=1, keepdims=True), n, normalised)
    if kind == "series":
        return float(out[0])
    name = "hhi" if normalised is False or normalised is None else f"hhi_{normalised}"
    return pd.Series(out, index=m.index, name=name)


def diversification(data: pd.DataFrame, *, country: str = "country", product: str = "product",
                    value: str = "export_value", threshold: float = 1.0, strict: bool = False,
                    world: pd.Series | pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Diversification profile of each country's export basket.

    Columns of the result (one row per country, column ``country`` first):

    * ``n_products_exported``: number of products with :math:`X_{cp} > 0`;
    * ``n_rca``: number of products with :math:`RCA_{cp} \ge` ``threshold`` (``strict=True``:
      :math:`>`). With threshold 1 and ``strict=False`` this is the complexity "diversity"
      :math:`k_{c,0}` of py-ecomplexity; Stata ``ecomplexity`` uses ``strict=True``;
    * ``entropy``: :math:`-\sum_p s_{cp}\ln s_{cp}` (Theil/Shannon; 0 ln 0 = 0);
    * ``hhi``: :math:`\sum_p s_{cp}^2`; ``equivalent_number``: :math:`1/HH` (Adelman 1969:
      number of equal-sized products giving the same concentration);
    * ``unctad_dx``: UNCTAD diversification index (modified Finger & Kreinin 1979)
      :math:`DX_c = \tfrac12\sum_p |s_{cp} - h_p|`, :math:`h_p` = share of p in world exports
      (world = sum over the countries in the table, or ``world=`` by product). 0 = same
      structure as the world, 1 = totally different.

    Countries with zero exports and products nobody exports are dropped with a warning.
    """
    m, _ = _as_matrix(data, country, product, value, "diversification")
    m = _drop_zero(m, "diversification", country, product)
    w = _world_series(world, product, value, m.columns, "diversification")
    a = m.to_numpy()
    s = a / a.sum(axis=1, keepdims=True)
    r = _rca_matrix(m, w).to_numpy()
    n_rca = (r > threshold).sum(axis=1) if strict else (r >= threshold).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ent = -np.where(s > 0, s * np.log(np.where(s > 0, s, 1.0)), 0.0).sum(axis=1)
    hh = (s ** 2).sum(axis=1)
    if w is None:
        h = a.sum(axis=0) / a.sum()
        outside = 0.0
    else:
        # world shares over every product of world=; products the table lacks have s = 0
        h = w[0].to_numpy(dtype=float) / w[1]
        outside = max(1.0 - float(h.sum()), 0.0)
    dx = 0.5 * (np.abs(s - h[None, :]).sum(axis=1) + outside)
    return pd.DataFrame({
        country: m.index.to_numpy(),
        "n_products_exported": (a > 0).sum(axis=1),
        "n_rca": n_rca,
        "entropy": ent,
        "hhi": hh,
        "equivalent_number": 1.0 / hh,
        "unctad_dx": dx,
    })
