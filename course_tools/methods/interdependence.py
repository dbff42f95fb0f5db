"""Trade and interdependence of national and regional markets.

Bilateral indicators read a flow table: tidy (columns ``exporter``, ``importer``, ``value``: what
the exporter sells to the importer) or a matrix (rows = exporters, columns = importers). Product
indicators read two product profiles (Series by product) or tidy/matrix country x product tables.

"World" = the sum over the countries present in the table (state it: with a sample of countries
the totals are not the world's). Missing cells count as 0; NaN and negative values raise
:class:`IndicatorInputError`.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

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
    of_exports,
    of_imports,
)

__all__ = [
    "trade_intensity",
    "trade_complementarity",
    "trade_complementarity_table",
    "export_similarity",
    "grubel_lloyd",
    "grubel_lloyd_aggregate",
    "regional_trade_indicators",
    "regional_trade_indicators_by_group",
]


def _flows_matrix(flows, exporter, importer, value, what) -> tuple[pd.DataFrame, str]:
    f, kind = _as_matrix(flows, exporter, importer, value, what)
    if kind == "series":
        raise IndicatorInputError(text("methods_msg_a.interdependence.not_bilateral", what=what))
    labels = f.index.union(f.columns)
    f = f.reindex(index=labels, columns=labels, fill_value=0.0)
    diag = np.diag(f.to_numpy())
    if (diag > 0).any():
        who = list(labels[diag > 0][:5])
        raise IndicatorInputError(text("methods_msg_a.interdependence.self_flows", what=what, who=who,
                                       exporter=exporter, importer=importer))
    return f, kind


def trade_intensity(flows: pd.DataFrame, *, exporter: str = "exporter", importer: str = "importer",
                    value: str = "export_value", exclude_own_imports: bool = False) -> pd.DataFrame:
    r"""Trade intensity index (Brown 1949; Kojima 1964; Drysdale & Garnaut 1982, *Hitotsubashi
    Journal of Economics* 22(2); WITS and ESCAP/APTIAD).

    .. math:: TII_{ij} = \frac{x_{ij}/X_i}{M_j/M_w}

    :math:`x_{ij}` exports of i to j, :math:`X_i` total exports of i, :math:`M_j` total imports
    of j, :math:`M_w` world imports (= sum over the table). > 1: i sells to j more than j's
    weight in world imports would predict. ``exclude_own_imports=True`` uses the ESCAP variant
    :math:`M_j/(M_w - M_i)` (i cannot export to itself, so its own imports leave the
    denominator). The diagonal (i = j) is NaN, and so is the row of an exporter with no
    exports in the table and the column of an importer with no imports (0/0). Flows from a
    country to itself, a table with fewer than 2 countries or with no flows at all raise an error.

    Tidy in (``exporter``, ``importer``, ``value``) -> tidy out with column
    ``"trade_intensity"`` (every ordered pair i != j); matrix in -> matrix out.
    """
    f, kind = _flows_matrix(flows, exporter, importer, value, "trade_intensity")
    a = f.to_numpy()
    if len(f.index) < 2:
        raise IndicatorInputError(text("methods_msg_a.interdependence.intensity_two_countries",
                                       countries=list(f.index)))
    if a.sum() <= 0:
        raise IndicatorInputError(text("methods_msg_a.interdependence.intensity_all_zero"))
    X = a.sum(axis=1)          # exports of each exporter
    M = a.sum(axis=0)          # imports of each importer
    Mw = a.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = a / X[:, None]
        if exclude_own_imports:
            denom = M[None, :] / (Mw - M[:, None])
        else:
            denom = (M / Mw)[None, :]
        tii = share / denom
    np.fill_diagonal(tii, np.nan)
    res = pd.DataFrame(tii, index=f.index, columns=f.columns)
    res.index.name, res.columns.name = exporter, importer
    if kind == "matrix":
        return res
    out = _to_tidy({value: f, "trade_intensity": res}, exporter, importer)
    return out[out[exporter] != out[importer]].reset_index(drop=True)


def _shares(s: pd.Series, what: str) -> pd.Series:
    if not isinstance(s, pd.Series):
        raise IndicatorInputError(text("methods_msg_a.interdependence.not_a_series", what=what, type=type(s).__name__))
    m, _ = _as_matrix(s, "row", "product", "value", what)
    tot = m.to_numpy().sum()
    if tot <= 0:
        raise IndicatorInputError(text("methods_msg_a.common.sum_zero", what=what))
    return m.iloc[0] / tot


def trade_complementarity(exports_i: pd.Series, imports_j: pd.Series) -> float:
    r"""Trade complementarity index (Michaely 1996, "Trade preferential agreements in Latin
    America: an ex-ante assessment", World Bank PRWP 1583; WITS).

    .. math:: TC_{ij} = 100\left(1 - \tfrac12 \sum_k |m_{jk} - x_{ik}|\right)

    :math:`x_{ik}` share of product k in i's exports, :math:`m_{jk}` share of k in j's imports.
    0 = nothing i exports is imported by j; 100 = identical profiles. Both arguments are Series
    by product (values or shares: shares are recomputed); products missing in one count as 0.
    """
    x = _shares(exports_i, of_exports("trade_complementarity"))
    m = _shares(imports_j, of_imports("trade_complementarity"))
    idx = x.index.union(m.index)
    x, m = x.reindex(idx, fill_value=0.0), m.reindex(idx, fill_value=0.0)
    return float(100.0 * (1.0 - 0.5 * np.abs(m.to_numpy() - x.to_numpy()).sum()))


def _pairwise_l1(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """sum_k |A[i,k] - B[j,k]| for all i, j (row by row, memory-safe)."""
    out = np.empty((A.shape[0], B.shape[0]))
    for i in range(A.shape[0]):
        out[i] = np.abs(B - A[i][None, :]).sum(axis=1)
    return out


def trade_complementarity_table(exports: pd.DataFrame, imports: pd.DataFrame, *, country: str = "country",
                                product: str = "product", value: str = "export_value",
                                import_value: str = "import_value") -> pd.DataFrame:
    r"""Trade complementarity :math:`TC_{ij}` (see :func:`trade_complementarity`) for every
    exporter i of ``exports`` and importer j of ``imports`` (country x product tables, tidy or
    matrices). Tidy result: columns ``exporter, importer, "trade_complementarity"`` (pairs
    i = j included: a country's exports can complement its own imports). Countries with no
    trade are dropped with a warning.
    """
    what_x, what_m = of_exports("trade_complementarity_table"), of_imports("trade_complementarity_table")
    x, kx = _as_matrix(exports, country, product, value, what_x)
    m, km = _as_matrix(imports, country, product, import_value, what_m)
    cols = x.columns.union(m.columns)
    x, m = x.reindex(columns=cols, fill_value=0.0), m.reindex(columns=cols, fill_value=0.0)
    x = _drop_zero(x, what_x, country, None)
    m = _drop_zero(m, what_m, country, None)
    xs = x.to_numpy() / x.to_numpy().sum(axis=1, keepdims=True)
    ms = m.to_numpy() / m.to_numpy().sum(axis=1, keepdims=True)
    tc = 100.0 * (1.0 - 0.5 * _pairwise_l1(xs, ms))
    res = pd.DataFrame(tc, index=pd.Index(x.index, name="exporter"), columns=pd.Index(m.index, name="importer"))
    if kx == "matrix" and km == "matrix":
        return res
    return _to_tidy({"trade_complementarity": res}, "exporter", "importer")


def export_similarity(a: pd.Series | pd.DataFrame, b: pd.Series | None = None, *, country: str = "country",
                      product: str = "product", value: str = "export_value") -> float | pd.DataFrame:
    r"""Export similarity index (Finger & Kreinin 1979, "A measure of 'export similarity' and its
    possible uses", *Economic Journal* 89(356)).

    .. math:: S(a,b) = 100\sum_k \min(s_{ak}, s_{bk}) = 100\left(1 - \tfrac12\sum_k|s_{ak}-s_{bk}|\right)

    :math:`s_{ak}` share of product k in a's exports (to the world or to one given market).
    0 = no product in common, 100 = identical structure. Two Series (by product) -> float.
    One country x product table (tidy or matrix) and ``b=None`` -> every pair of countries:
    tidy columns ``country_a, country_b, "export_similarity"`` (or a square matrix).
    Very sensitive to the product level: compare at HS6 when you can.
    """
    if b is not None:
        sa, sb = _shares(a, "export_similarity (a)"), _shares(b, "export_similarity (b)")
        idx = sa.index.union(sb.index)
        sa, sb = sa.reindex(idx, fill_value=0.0), sb.reindex(idx, fill_value=0.0)
        return float(100.0 * np.minimum(sa.to_numpy(), sb.to_numpy()).sum())
    m, kind = _as_matrix(a, country, product, value, "export_similarity")
    m = _drop_zero(m, "export_similarity", country, None)
    s = m.to_numpy() / m.to_numpy().sum(axis=1, keepdims=True)
    es = 100.0 * (1.0 - 0.5 * _pairwise_l1(s, s))
    res = pd.DataFrame(es, index=pd.Index(m.index, name=f"{country}_a"),
                       columns=pd.Index(m.index, name=f"{country}_b"))
    if kind == "matrix":
        return res
    return _to_tidy({"export_similarity": res}, f"{country}_a", f"{country}_b")


def grubel_lloyd(exports: pd.DataFrame | pd.Series, imports: pd.DataFrame | pd.Series, *, country: str = "country",
                 product: str = "product", value: str = "export_value",
                 import_value: str = "import_value") -> pd.DataFrame | pd.Series:
    r"""Grubel-Lloyd intra-industry trade index by product (Grubel & Lloyd 1975,
    *Intra-Industry Trade*, Macmillan).

    .. math:: GL_k = 1 - \frac{|X_k - M_k|}{X_k + M_k} \in [0, 1]

    1 = exports equal imports (all trade intra-industry), 0 = one-way trade. Products with
    X + M = 0 give NaN. Two Series by product -> Series; matrices -> matrix; tidy tables
    (``value`` and ``import_value`` columns) -> tidy with column ``"grubel_lloyd"``.
    """
    x, m, kind = _pair(exports, imports, country, product, value, import_value, "grubel_lloyd")
    with np.errstate(divide="ignore", invalid="ignore"):
        gl = 1.0 - (x - m).abs() / (x + m)
    return _shape_back(gl, kind, "grubel_lloyd", country, product, {value: x, import_value: m})


def grubel_lloyd_aggregate(exports: pd.DataFrame | pd.Series, imports: pd.DataFrame | pd.Series, *,
                           adjusted: bool = False, country: str = "country", product: str = "product",
                           value: str = "export_value", import_value: str = "import_value") -> float | pd.Series:
    r"""Aggregate Grubel-Lloyd index over products (Grubel & Lloyd 1975).

    .. math:: GL = \frac{\sum_k [(X_k + M_k) - |X_k - M_k|]}{\sum_k (X_k + M_k)}

    ``adjusted=True``: Grubel & Lloyd's correction for the overall trade imbalance,

    .. math:: GL^{adj} = \frac{\sum_k (X_k+M_k) - \sum_k |X_k-M_k|}{\sum_k (X_k+M_k) - |\sum_k X_k - \sum_k M_k|}

    (equal to GL when total exports = total imports). Two Series -> float; matrices or tidy
    tables -> Series by country.
    """
    x, m, kind = _pair(exports, imports, country, product, value, import_value, "grubel_lloyd_aggregate")
    xa, ma = x.to_numpy(), m.to_numpy()
    tot = (xa + ma).sum(axis=1)
    absdiff = np.abs(xa - ma).sum(axis=1)
    if (tot <= 0).any():
        raise IndicatorInputError(text("methods_msg_a.interdependence.gl_no_trade", bad=list(x.index[tot <= 0][:5])))
    denom = tot - np.abs(xa.sum(axis=1) - ma.sum(axis=1)) if adjusted else tot
    with np.errstate(divide="ignore", invalid="ignore"):
        gl = (tot - absdiff) / denom
    if kind == "series":
        return float(gl[0])
    return pd.Series(gl, index=x.index, name="grubel_lloyd_adjusted" if adjusted else "grubel_lloyd")


def regional_trade_indicators(flows: pd.DataFrame, members: Iterable[str], *, exporter: str = "exporter",
                              importer: str = "importer", value: str = "export_value") -> pd.Series:
    r"""Intra-regional trade share, intensity, extra-regional intensity and introversion of a group
    of countries (ESCAP/ARTNeT *A Practical Guide to Trade Policy Analysis* / trade indicators
    handbook, ch. "Direction of trade"; Iapadre 2006, "Regional integration agreements and the
    geography of world trade", in De Lombaerde (ed.), *Assessment and Measurement of Regional
    Integration*, Routledge).

    Export version, region R, world w = all countries in the table:

    * ``intra_share``       :math:`s_R = X_{RR}/X_R` (exports of members to members / members' exports);
    * ``intensity``         :math:`I_R = s_R / (M_R/M_w)` (size-adjusted: the region's share of world imports);
    * ``extra_intensity``   :math:`E_R = (1 - s_R)/(1 - M_R/M_w)`;
    * ``introversion``      :math:`RTI_R = (I_R - E_R)/(I_R + E_R) \in [-1, 1]`
      (> 0: the region trades relatively more inside than outside).

    Iapadre's original uses total trade (exports + imports); this is the export variant.
    Members absent from the table are ignored with a warning. Returns a Series with those four
    entries plus ``n_members_found``.
    """
    f, _ = _flows_matrix(flows, exporter, importer, value, "regional_trade_indicators")
    if isinstance(members, str):
        raise IndicatorInputError(text("methods_msg_a.interdependence.members_string"))
    members = list(dict.fromkeys(members))
    present = [c for c in members if c in f.index]
    absent = [c for c in members if c not in f.index]
    if not present:
        raise IndicatorInputError(text("methods_msg_a.interdependence.members_none", members=members[:8],
                                       codes=list(f.index[:5])))
    if absent:
        warnings.warn(text("methods_msg_a.interdependence.members_absent", n=len(absent),
                           absent=absent[:10]), UserWarning, stacklevel=2)
    if len(present) == len(f.index):
        raise IndicatorInputError(text("methods_msg_a.interdependence.members_all"))
    a = f.to_numpy()
    inr = f.index.isin(present)
    X_R = a[inr].sum()
    if X_R <= 0:
        raise IndicatorInputError(text("methods_msg_a.interdependence.members_no_exports"))
    X_RR = a[np.ix_(inr, inr)].sum()
    M_R, M_w = a[:, inr].sum(), a.sum()
    s = X_RR / X_R
    w = M_R / M_w
    I_R = s / w if w > 0 else np.nan
    E_R = (1 - s) / (1 - w)
    rti = (I_R - E_R) / (I_R + E_R)
    return pd.Series({"intra_share": s, "intensity": I_R, "extra_intensity": E_R,
                      "introversion": rti, "n_members_found": float(len(present))})


def regional_trade_indicators_by_group(flows: pd.DataFrame, groups: Mapping[str, Iterable[str]], *,
                                       exporter: str = "exporter", importer: str = "importer",
                                       value: str = "export_value") -> pd.DataFrame:
    """:func:`regional_trade_indicators` for several named groups (``{"MERCOSUR": [...], ...}``).

    Returns a tidy table, one row per group: ``group, intra_share, intensity, extra_intensity,
    introversion, n_members_found``.
    """
    if not isinstance(groups, Mapping) or not groups:
        raise IndicatorInputError(text("methods_msg_a.interdependence.groups_dict",
                                       what="regional_trade_indicators_by_group"))
    rows = []
    for name, mem in groups.items():
        try:
            r = regional_trade_indicators(flows, mem, exporter=exporter, importer=importer, value=value)
        except IndicatorInputError as err:
            raise IndicatorInputError(text("methods_msg_a.interdependence.group_error", name=name, err=err)) from None
        rows.append({"group": name, **r.to_dict()})
    out = pd.DataFrame(rows)
    out["n_members_found"] = out["n_members_found"].astype(int)
    return out
