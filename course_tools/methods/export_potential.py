r"""Export potential per exporter x product x market, in the spirit of ITC's Export Potential Indicator.

Reference: Decreux, Y. & Spies, J. (2016), *Export Potential Assessments: A methodology to identify
export opportunities for developing countries*, ITC Geneva, and the ITC Export Potential Map (EPM)
methodology. The paper itself could not be read for the course; the form below follows ITC's lectures
in the University of Geneva MOOC *Global Statistics - Composite Indices* (module 5), the EPM glossary
wording and a transcription of the EPM equation by government analysts (GitHub
``michael-reda/export_potential_indicator``). Course documentation: ``METHODS-niches.md`` section A.

For exporter i, market j, product k, with v_ijk the exports of k from i to j (mean over a window of
years) and sums written by dropping an index (v_ik = sum_j v_ijk, v_jk = sum_i v_ijk, v_k, v):

.. math::

    EP_{ijk} = s_{ik}\, d_{jk}\, \delta_{ijk}\, e_{ij}

- supply (market share and capacity): :math:`s_{ik} = \frac{v_{ik}}{v_k}\min(1, v_{ik}/m_{ik})`,
  with :math:`m_{ik}` the imports of k by i (a net importer's share is scaled down);
- demand: :math:`d_{jk} = v_{jk}(1 + g_{jk})^h`, market j's imports of k, optionally projected
  ``horizon`` = h years at its import CAGR :math:`g_{jk}` (h = 0 by default: current market size);
- distance: :math:`\delta_{ijk} = \exp(-|\overline{\ln D}_{jk} - \ln D_{ij}|)`, where
  :math:`\overline{\ln D}_{jk} = \sum_i v_{ijk}\ln D_{ij} / \sum_i v_{ijk}` is the import-weighted
  mean log distance of j's suppliers of k (1 when i is as far as j's usual suppliers);
- ease of trade: actual over hypothetical bilateral trade. **F2** (calibrated, default):
  :math:`e_{ij} = v_{ij} / \sum_k s_{ik} d_{jk} \delta_{ijk}`, so that
  :math:`\sum_k EP_{ijk} = v_{ij}` exactly; **F1** (ITC's ratio as transcribed):
  :math:`e_{ij} = v_{ij} / \sum_k (v_{ik}/v_k) v_{jk}`;
- untapped potential :math:`UP_{ijk} = \max(EP_{ijk} - v_{ijk}, 0)` (EPM: "export potential minus
  the actual exports"; the clip at 0 is a course convention) and realised share
  :math:`\rho_{ijk} = v_{ijk}/EP_{ijk}` (> 1: "above potential"; the potential is a benchmark, not
  a ceiling).

Simplifications against the published method (numbers as in METHODS-niches.md A.6):

- S1 products at the level of the table (the course uses HS 4-digit; ITC uses HS 6-digit);
- S2 v_ijk is the plain mean of the table's flows over the window (ITC: 5-year average of direct
  and mirror data of reliable reporters);
- S3 no GDP or population projections and no income elasticities (all set to 1): a static
  potential at current market size; ``horizon`` > 0 is a scenario with historical import growth,
  not a forecast (under F2 it changes the mix across products, not the pair total v_ij);
- S4 no tariffs: neither the global tariff disadvantage of the supply term nor the bilateral tariff
  advantage of the demand term, and no Armington elasticity; preferential access enters only
  through the pair-level ease of trade;
- S5 the relative-distance factor is kept in its transcribed form; S6 contiguity, language and
  trade agreements are not used, and no gravity model predicts e_ij where i sells nothing to j:
  there the potential is 0;
- S7 the net-importer correction is kept; re-exports cannot be separated;
- S8 eligibility: the USD potential is meant for products with RCA_ik >= ``rca_threshold`` (1 by
  default; ITC's own rule was not read). For the others (ITC's Product Diversification Indicator
  domain) :func:`top_markets` ranks markets without a dollar figure;
- S9 EP = 0 where j does not import k; flows from a country to itself are dropped; flows below
  ``min_flow`` count as 0 (METHODS-niches suggests USD 10,000);
- S10 F2 calibration by default (F1 is biased downward once projections are removed).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from course_tools.errors import require_columns
from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, require_non_negative, require_positive_whole

__all__ = ["ExportPotentialError", "VARIANTS", "export_potential", "top_markets", "untapped_by_product"]

#: Ease-of-trade variants: "F2" calibrated on every retained factor (default), "F1" as transcribed.
VARIANTS = ("F2", "F1")
#: Above this many exporter x market x product cells, :func:`export_potential` asks for ``exporters=``.
MAX_CELLS = 50_000_000


class ExportPotentialError(IndicatorInputError):
    """Bad input for the export potential (the message says what is wrong and how to fix it)."""


# --------------------------------------------------------------------------------------------
# input checks
# --------------------------------------------------------------------------------------------
def _require(table: object, cols: Iterable[str], what: str) -> pd.DataFrame:
    require_columns(table, cols, what, ExportPotentialError, hint=text("niche_msg.methods.export_potential.hint_names"))
    return table


def _values(col: pd.Series, what: str) -> tuple[np.ndarray, int]:
    """Float values of a flow column; NaN -> 0 (not reported = no flow), counted; errors otherwise."""
    v = pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(v) & col.notna().to_numpy()
    if bad.any():
        raise ExportPotentialError(text("niche_msg.methods.export_potential.not_numbers", what=what, n=int(bad.sum()),
                                       first=col[bad].iloc[0], fix="pd.to_numeric(..., errors='coerce')"))
    if np.isinf(v).any():
        raise ExportPotentialError(text("niche_msg.methods.export_potential.infinite",
                                        what=what, n=int(np.isinf(v).sum())))
    if (v < 0).any():
        raise ExportPotentialError(text("niche_msg.methods.export_potential.negative", what=what, n=int((v < 0).sum())))
    n_nan = int(np.isnan(v).sum())
    return np.nan_to_num(v, nan=0.0), n_nan


def _distance_matrix(distances: pd.DataFrame, countries: pd.Index, exporter: str, importer: str,
                     dist: str | None) -> np.ndarray:
    """C x C distances (NaN unknown); a missing direction is filled from the other one."""
    if dist is None:
        for cand in ("dist", "distance_km", "distw"):
            if isinstance(distances, pd.DataFrame) and cand in distances.columns:
                dist = cand
                break
        else:
            dist = "dist"
    _require(distances, [exporter, importer, dist], "distances")
    d = distances[[exporter, importer, dist]]
    vals = pd.to_numeric(d[dist], errors="coerce").to_numpy(dtype=float)
    ia = countries.get_indexer(d[exporter].astype(str))
    ja = countries.get_indexer(d[importer].astype(str))
    keep = (ia >= 0) & (ja >= 0) & (ia != ja) & ~np.isnan(vals)
    ia, ja, vals = ia[keep], ja[keep], vals[keep]
    if np.isinf(vals).any() or (vals <= 0).any():
        b = np.flatnonzero(np.isinf(vals) | (vals <= 0))[0]
        raise ExportPotentialError(text("niche_msg.methods.export_potential.bad_distance", a=countries[ia[b]],
                                       b=countries[ja[b]], value=vals[b]))
    C = len(countries)
    D = np.full((C, C), np.nan)
    key = ia * C + ja
    if len(np.unique(key)) < len(key):
        s = pd.Series(vals).groupby(key).agg(["min", "max"])
        clash = s[s["min"] != s["max"]]
        if len(clash):
            k0 = int(clash.index[0])
            raise ExportPotentialError(text("niche_msg.methods.export_potential.two_distances", a=countries[k0 // C],
                                           b=countries[k0 % C], low=clash.iloc[0]["min"],
                                           high=clash.iloc[0]["max"]))
    D[ia, ja] = vals
    return np.where(np.isnan(D), D.T, D)


def _bincount2(r: np.ndarray, c: np.ndarray, w: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    return np.bincount(r * shape[1] + c, weights=w, minlength=shape[0] * shape[1]).reshape(shape)


# --------------------------------------------------------------------------------------------
# the steps of export_potential
# --------------------------------------------------------------------------------------------
def _check_options(variant: str, rca_threshold: float, horizon: float, min_flow: float) -> None:
    if variant not in VARIANTS:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.variant", variant=variant,
                                        variants=list(VARIANTS)))
    require_non_negative(ExportPotentialError, rca_threshold=rca_threshold, horizon=horizon, min_flow=min_flow)


def _window(fy: np.ndarray, years: Iterable[int] | None, growth_years: tuple[int, int] | None,
            horizon: float) -> tuple[list[int], tuple[int, int] | None]:
    """(years averaged, years of the import CAGR), checked against the years of the table."""
    avail_years = [int(y) for y in np.unique(fy[~np.isnan(fy)])]
    window = avail_years if years is None else sorted({int(y) for y in years})
    if not window:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.empty"))
    absent = [y for y in window if y not in avail_years]
    if absent:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.absent_years",
                                        absent=absent, years=avail_years))
    if growth_years is None and len(window) >= 2:
        growth_years = (window[0], window[-1])
    if growth_years is not None:
        y0, y1 = (int(growth_years[0]), int(growth_years[1]))
        if not y1 > y0 or y0 not in avail_years or y1 not in avail_years:
            raise ExportPotentialError(text("niche_msg.methods.export_potential.growth_years", value=growth_years,
                                           years=avail_years))
        growth_years = (y0, y1)
    if horizon > 0 and growth_years is None:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.horizon"))
    return window, growth_years


@dataclass
class _World:
    """The table as arrays over countries (C) and products (K): flows of the window and the factors of EP."""

    countries: pd.Index
    products: pd.Index
    ii: np.ndarray      # exporter, importer, product and value (mean over the window) of the flows kept
    jj: np.ndarray
    kk: np.ndarray
    vv: np.ndarray
    X: np.ndarray       # v_ik, exports by exporter
    M: np.ndarray       # v_jk, imports by market
    P: np.ndarray       # v_ij, bilateral totals
    vi: np.ndarray      # v_i, total exports
    rca: np.ndarray
    share: np.ndarray   # v_ik / v_k
    capacity: np.ndarray | None = None      # min(1, v_ik / m_ik), set by _supply
    supply: np.ndarray | None = None        # s_ik, set by _supply
    growth: np.ndarray | None = None        # g_jk, set by _demand
    demand_used: np.ndarray | None = None   # d_jk, set by _demand
    D: np.ndarray | None = None             # D_ij, set by _distances
    lnD: np.ndarray | None = None
    lnd_bar: np.ndarray | None = None


def _codes(f: pd.DataFrame, exporter: str, importer: str, product: str):
    """Countries and products (sorted labels), and the row indices of each flow into them."""
    # factorize the (long) columns once, then work on the (short) lists of labels
    e_codes, e_uni = pd.factorize(f[exporter])
    i_codes, i_uni = pd.factorize(f[importer])
    p_codes, p_uni = pd.factorize(f[product])
    if (e_codes < 0).any() or (i_codes < 0).any() or (p_codes < 0).any():
        raise ExportPotentialError(text("niche_msg.methods.export_potential.no_codes"))
    e_lab, i_lab, p_lab = (np.asarray(u).astype(str) for u in (e_uni, i_uni, p_uni))
    countries = pd.Index(sorted(set(e_lab) | set(i_lab)))
    products = pd.Index(sorted(set(p_lab)))
    return (countries, products, countries.get_indexer(e_lab)[e_codes], countries.get_indexer(i_lab)[i_codes],
            products.get_indexer(p_lab)[p_codes])


def _levels(countries: pd.Index, products: pd.Index, ii, jj, kk, vv) -> _World:
    """v_ik, v_jk, v_ij; RCA (world = the table) and market shares v_ik / v_k."""
    C, K = len(countries), len(products)
    X = _bincount2(ii, kk, vv, (C, K))       # v_ik, exports by exporter
    M = _bincount2(jj, kk, vv, (C, K))       # v_jk, imports by market
    P = _bincount2(ii, jj, vv, (C, C))       # v_ij, bilateral totals
    vk, vi, vtot = X.sum(axis=0), X.sum(axis=1), X.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        rca = (X / vi[:, None]) / (vk / vtot)[None, :]
        rca = np.where((vi[:, None] > 0) & (vk[None, :] > 0), rca, np.nan)
        share = np.where(vk[None, :] > 0, X / np.where(vk > 0, vk, 1.0)[None, :], 0.0)
    return _World(countries, products, ii, jj, kk, vv, X, M, P, vi, rca, share)


def _supply(w: _World, imports: pd.DataFrame | None, window: list[int], ny: int, year: str, product: str,
            value: str) -> None:
    """s_ik = (v_ik / v_k) min(1, v_ik / m_ik), with m_ik the own imports (default: the imports in the table)."""
    C, K = len(w.countries), len(w.products)
    if imports is None:
        m_own = w.M
    else:
        imp = _require(imports, ["country", product, value], "imports")
        iv, _ = _values(imp[value], "imports")
        if year in imp.columns:
            in_w = np.isin(pd.to_numeric(imp[year], errors="coerce").to_numpy(), window)
            imp, iv = imp[in_w], iv[in_w] / ny
        ci = w.countries.get_indexer(imp["country"].astype(str))
        pi = w.products.get_indexer(imp[product].astype(str))
        ok = (ci >= 0) & (pi >= 0)
        m_own = _bincount2(ci[ok], pi[ok], iv[ok], (C, K))
    with np.errstate(divide="ignore", invalid="ignore"):
        w.capacity = np.where(m_own > 0, np.minimum(1.0, w.X / np.where(m_own > 0, m_own, 1.0)), 1.0)
    w.supply = w.share * w.capacity


def _demand(w: _World, growth_years: tuple[int, int] | None, horizon: float, keep: np.ndarray, fy: np.ndarray,
            jj_all: np.ndarray, kk_all: np.ndarray, vals: np.ndarray) -> None:
    """g_jk, the import CAGR between growth_years, and d_jk = v_jk (1 + g_jk)^horizon."""
    C, K = len(w.countries), len(w.products)
    if growth_years is not None:
        g_rows = keep & (fy == growth_years[0])
        M0 = _bincount2(jj_all[g_rows], kk_all[g_rows], vals[g_rows], (C, K))
        g_rows = keep & (fy == growth_years[1])
        M1 = _bincount2(jj_all[g_rows], kk_all[g_rows], vals[g_rows], (C, K))
        with np.errstate(divide="ignore", invalid="ignore"):
            w.growth = np.where(M0 > 0, (M1 / np.where(M0 > 0, M0, 1.0)) ** (1.0 / (growth_years[1] - growth_years[0]))
                                - 1.0, np.nan)
    else:
        w.growth = np.full((C, K), np.nan)
    w.demand_used = w.M * (1.0 + np.nan_to_num(w.growth, nan=0.0)) ** horizon if horizon > 0 else w.M


def _distances(w: _World, distances: pd.DataFrame | None, exporter: str, importer: str,
               dist: str | None) -> None:
    """D_ij and the import-weighted mean log distance of j's suppliers of k (NaN D without distances)."""
    C, K = len(w.countries), len(w.products)
    if distances is None:
        w.D = np.full((C, C), np.nan)
        return
    w.D = _distance_matrix(distances, w.countries, exporter, importer, dist)
    with np.errstate(divide="ignore", invalid="ignore"):
        w.lnD = np.log(w.D)
    lnd = w.lnD[w.ii, w.jj]
    known = ~np.isnan(lnd)
    num = _bincount2(w.jj[known], w.kk[known], w.vv[known] * lnd[known], (C, K))
    den = _bincount2(w.jj[known], w.kk[known], w.vv[known], (C, K))
    with np.errstate(divide="ignore", invalid="ignore"):
        w.lnd_bar = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def _exporters(w: _World, exporters: Iterable[str] | None, window: list[int]) -> np.ndarray:
    """Indices of the exporters to compute (all with exports by default); a clear error if too many cells."""
    if exporters is None:
        ex_idx = np.flatnonzero(w.vi > 0)
    else:
        ex_list = [str(e) for e in ([exporters] if isinstance(exporters, str) else exporters)]
        ex_idx = w.countries.get_indexer(ex_list)
        bad = [e for e, i in zip(ex_list, ex_idx) if i < 0 or w.vi[i] <= 0]
        if bad:
            raise ExportPotentialError(text("niche_msg.methods.export_potential.no_exports", bad=bad, window=window,
                                           examples=list(w.countries[:3])))
    n_markets = int((w.M.sum(axis=1) > 0).sum())
    n_cells = len(ex_idx) * n_markets * len(w.products)
    if n_cells > MAX_CELLS:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.too_large", exporters=len(ex_idx),
                                       markets=n_markets, products=len(w.products), cells=f"{n_cells:,}"))
    return ex_idx


def _potential_of(w: _World, e: int, rows: np.ndarray, variant: str) -> tuple[dict[str, np.ndarray], int]:
    """Every factor and EP of exporter e in every market that imports something; pairs without a distance."""
    C, K = len(w.countries), len(w.products)
    J = np.flatnonzero((w.M.sum(axis=1) > 0) & (np.arange(C) != e))
    A = np.zeros((C, K))
    np.add.at(A, (w.jj[rows], w.kk[rows]), w.vv[rows])
    A = A[J]
    dJ = w.demand_used[J]
    mJ = w.M[J]
    no_dist = 0
    if w.lnD is not None:
        lnd_e = w.lnD[e, J]
        no_dist = int(np.isnan(lnd_e).sum())
        with np.errstate(invalid="ignore"):
            delta = np.exp(-np.abs(w.lnd_bar[J] - lnd_e[:, None]))
    else:
        lnd_e = np.zeros(len(J))
        delta = np.ones((len(J), K))
    pos = mJ > 0
    supply = w.supply[e]
    cell = np.where(pos & (dJ > 0), supply[None, :] * dJ * delta, 0.0)
    if variant == "F2":
        H = np.nansum(cell, axis=1)
        H = np.where(np.isnan(lnd_e), np.nan, H)
    else:
        H = (w.share[e][None, :] * mJ).sum(axis=1)
    vij = w.P[e, J]
    with np.errstate(divide="ignore", invalid="ignore"):
        ease = np.where(H > 0, vij / np.where(H > 0, H, 1.0), np.where(np.isnan(H), np.nan, 0.0))
        mfac = dJ * delta * ease[:, None]
        ep = np.where(dJ > 0, supply[None, :] * mfac, 0.0)
        ep = np.where(np.isnan(mfac) & (dJ > 0), np.nan, ep)
        up = np.where(np.isnan(ep), np.nan, np.maximum(ep - A, 0.0))
        realised = np.where(ep > 0, A / np.where(ep > 0, ep, 1.0), np.nan)
    r, c = np.nonzero(pos)
    return {
        "exporter": np.full(len(r), e), "importer": J[r], "product": c,
        "actual": A[r, c], "rca": w.rca[e][c],
        "market_share": w.share[e][c], "supply_capacity": w.capacity[e][c], "supply": supply[c],
        "demand": mJ[r, c], "demand_growth": w.growth[J][r, c], "demand_used": dJ[r, c],
        "distance": w.D[e, J][r], "distance_factor": delta[r, c], "ease_of_trade": ease[r],
        "market_factor": mfac[r, c], "potential": ep[r, c], "untapped": up[r, c], "realised": realised[r, c],
    }, no_dist


_COLUMNS = ("exporter", "importer", "product", "actual", "rca", "market_share", "supply_capacity", "supply",
            "demand", "demand_growth", "demand_used", "distance", "distance_factor", "ease_of_trade",
            "market_factor", "potential", "untapped", "realised")


def _table(w: _World, parts: list[dict[str, np.ndarray]], rca_threshold: float) -> pd.DataFrame:
    cols = {k: np.concatenate([p[k] for p in parts]) if parts else np.array([]) for k in _COLUMNS}
    out = pd.DataFrame({
        "exporter": w.countries.to_numpy()[cols["exporter"].astype(int)],
        "importer": w.countries.to_numpy()[cols["importer"].astype(int)],
        "product": w.products.to_numpy()[cols["product"].astype(int)],
        **{k: cols[k].astype(float) for k in cols if k not in ("exporter", "importer", "product")},
    })
    out.insert(5, "eligible", (out["rca"] >= rca_threshold).to_numpy())
    return out


def _notes(window: list[int], growth_years, horizon: float, variant: str, rca_threshold: float, use_dist: bool,
           pairs_no_dist: int) -> list[str]:
    notes = [
        f"v_ijk = mean of the flows over {window[0]}-{window[-1]} ({len(window)} year(s)); world = the table.",
        "No tariffs, GDP/population projections or income elasticities (ITC uses MAcMap tariffs and IMF "
        "projections): a static potential at current market size" + (
            f"; demand projected {horizon:g} years at the {growth_years[0]}-{growth_years[1]} import CAGR "
            f"(scenario)" if horizon > 0 else "") + ".",
        f"Ease of trade {variant}: " + ("calibrated so that the potentials of a pair sum to its actual trade."
                                        if variant == "F2" else "ITC's actual / hypothetical bilateral trade."),
        "Where the exporter sells nothing to a market, its ease of trade and potential there are 0 "
        "(no gravity prediction).",
        f"USD potential for products with RCA >= {rca_threshold:g} (eligible); others: market ranking only.",
    ]
    if not use_dist:
        notes.append("No distances given: the distance factor is 1.")
    elif pairs_no_dist:
        notes.append(f"{pairs_no_dist} exporter-market pair(s) have no distance: their potential is NaN.")
    return notes


# --------------------------------------------------------------------------------------------
# export potential
# --------------------------------------------------------------------------------------------
def export_potential(
    flows: pd.DataFrame,
    *,
    years: Iterable[int] | None = None,
    distances: pd.DataFrame | None = None,
    imports: pd.DataFrame | None = None,
    exporters: Iterable[str] | None = None,
    variant: str = "F2",
    rca_threshold: float = 1.0,
    growth_years: tuple[int, int] | None = None,
    horizon: float = 0.0,
    min_flow: float = 0.0,
    year: str = "year",
    exporter: str = "exporter",
    importer: str = "importer",
    product: str = "product",
    value: str = "value",
    dist: str | None = None,
) -> pd.DataFrame:
    r"""Export potential EP_ijk, untapped potential and their factors (formula in the module docstring).

    ``flows``: tidy bilateral table (``year``, ``exporter``, ``importer``, ``product``, ``value``), e.g.
    BACI read by :func:`course_tools.data.baci.read_baci`; missing cells and NaN values count as no flow;
    the "world" is the table. ``years``: the window averaged for every level (default: all years of
    the table); v_ijk = sum over the window / number of window years. ``distances``: optional table
    (``exporter``, ``importer``, ``dist``; the column may also be ``distance_km`` as in
    ``data.load_gravity()`` or ``distw``); without it the distance factor is 1; a pair with no distance
    gets NaN potential; a zero or negative distance between two countries is an error. ``imports``:
    optional table (``country``, ``product``, ``value`` [, ``year``]) of each exporter's own imports
    m_ik for the supply-capacity correction; default: its imports in ``flows``. ``exporters``: the
    exporters to compute (default all; the world aggregates always use the whole table).
    ``variant``: "F2" (calibrated, default) or "F1". ``rca_threshold``: Balassa RCA (world = the table)
    from which a product is EPI-eligible (METHODS-niches S8: 1.0, and 0.8 as a scenario).
    ``growth_years`` = (y0, y1): the window of the import CAGR g_jk = (v_jk,y1 / v_jk,y0)^(1/(y1-y0)) - 1
    (default: first and last window year; NaN where v_jk,y0 = 0); ``horizon``: years of projected
    demand growth (0: none).

    Returns one row per exporter x market x product where the market imports the product in the
    window: exporter, importer, product, actual (v_ijk), rca, eligible, market_share (v_ik/v_k),
    supply_capacity (min(1, v_ik/m_ik)), supply (s_ik), demand (v_jk), demand_growth (g_jk),
    demand_used (d_jk), distance (D_ij), distance_factor (delta), ease_of_trade (e_ij), market_factor
    (d_jk delta e_ij: ranks markets for a given exporter and product), potential (EP), untapped (UP),
    realised (v_ijk / EP). ``attrs``: years, growth_years, variant, rca_threshold, horizon, counts of
    NaN and self flows, pairs without distance, and ``notes`` (the simplifications in force).
    """
    _check_options(variant, rca_threshold, horizon, min_flow)
    f = _require(flows, [year, exporter, importer, product, value], "flows")
    vals, n_nan = _values(f[value], "flows")
    fy = pd.to_numeric(f[year], errors="coerce").to_numpy()
    window, growth_years = _window(fy, years, growth_years, horizon)
    countries, products, ii_all, jj_all, kk_all = _codes(f, exporter, importer, product)
    self_flow = ii_all == jj_all
    vals = np.where(vals < min_flow, 0.0, vals)
    keep = ~self_flow & (vals > 0)
    ny = len(window)
    wmask = keep & np.isin(fy, window)
    w = _levels(countries, products, ii_all[wmask], jj_all[wmask], kk_all[wmask], vals[wmask] / ny)
    _supply(w, imports, window, ny, year, product, value)
    _demand(w, growth_years, horizon, keep, fy, jj_all, kk_all, vals)
    _distances(w, distances, exporter, importer, dist)

    order = np.argsort(w.ii, kind="stable")
    starts = np.searchsorted(w.ii[order], np.arange(len(countries) + 1))
    parts, pairs_no_dist = [], 0
    for e in _exporters(w, exporters, window):
        part, no_dist = _potential_of(w, e, order[starts[e]:starts[e + 1]], variant)
        parts.append(part)
        pairs_no_dist += no_dist
    out = _table(w, parts, rca_threshold)
    use_dist = distances is not None
    out.attrs = {
        "years": list(window), "growth_years": growth_years, "variant": variant,
        "rca_threshold": float(rca_threshold), "horizon": float(horizon), "min_flow": float(min_flow),
        "n_nan_flows": n_nan, "n_self_flows": int(self_flow.sum()), "pairs_without_distance": pairs_no_dist,
        "distance_used": use_dist,
        "notes": _notes(window, growth_years, horizon, variant, rca_threshold, use_dist, pairs_no_dist),
    }
    return out


# --------------------------------------------------------------------------------------------
# markets of a country's products
# --------------------------------------------------------------------------------------------
def top_markets(potential: pd.DataFrame, country: str, products: Iterable[str] | None = None, *, n: int = 5,
                markets: Iterable[str] | None = None) -> pd.DataFrame:
    """For one exporter and a list of products, the target markets ranked (1 = best), ``n`` per product.

    ``potential``: the table of :func:`export_potential`. Eligible products (RCA >= threshold, the EPI
    domain) rank markets by untapped potential UP (USD, then by potential EP); markets where the
    country is already above potential come after, ordered by EP. Non-eligible products (the PDI
    domain, products the country does not yet export competitively) rank markets by the market factor
    d_jk delta_ijk e_ij, which orders the markets of a given exporter and product exactly as EP does
    (supply is the same for every market), without a dollar figure: ``potential``, ``untapped`` and
    ``realised`` are NaN there (ITC: "a rank ... not a US dollar value"). Only markets that import the product
    and where the factor is positive are listed; cells without a distance (NaN) are left out.
    ``markets``: restrict to these importers (e.g. the LAC group). Columns: exporter, product, rank,
    importer, basis ("untapped" or "market_factor"), untapped, potential, actual, realised, demand,
    demand_growth, distance, distance_factor, ease_of_trade, market_factor, rca, eligible.
    ``attrs["no_market"]``: requested products with no market left.
    """
    need = ["exporter", "importer", "product", "potential", "untapped", "market_factor", "eligible"]
    _require(potential, need, "potential (the table of export_potential)")
    require_positive_whole(ExportPotentialError, n=n)
    p = potential[potential["exporter"].astype(str) == str(country)]
    if p.empty:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.not_exporter", country=country))
    wanted = None if products is None else [str(x) for x in ([products] if isinstance(products, str) else products)]
    if wanted is not None:
        p = p[p["product"].astype(str).isin(wanted)]
    if markets is not None:
        p = p[p["importer"].astype(str).isin({str(m) for m in markets})]
    p = p.copy()
    elig = p["eligible"].to_numpy(dtype=bool)
    p["basis"] = np.where(elig, "untapped", "market_factor")
    p = p[np.where(elig, p["potential"] > 0, p["market_factor"] > 0)]
    p = p[p["market_factor"].notna()]
    p["_k1"] = np.where(p["eligible"], p["untapped"], p["market_factor"])
    p["_k2"] = np.where(p["eligible"], p["potential"], p["market_factor"])
    p = p.sort_values(["product", "_k1", "_k2", "importer"], ascending=[True, False, False, True], kind="stable")
    p["rank"] = p.groupby("product").cumcount() + 1
    p = p[p["rank"] <= n]
    p.loc[~p["eligible"].astype(bool), ["potential", "untapped", "realised"]] = np.nan
    cols = ["exporter", "product", "rank", "importer", "basis", "untapped", "potential", "actual", "realised",
            "demand", "demand_growth", "distance", "distance_factor", "ease_of_trade", "market_factor", "rca",
            "eligible"]
    out = p[[c for c in cols if c in p.columns]].reset_index(drop=True)
    got = set(out["product"].astype(str))
    out.attrs = {**potential.attrs, "country": str(country),
                 "no_market": [x for x in (wanted or []) if x not in got]}
    return out


def untapped_by_product(potential: pd.DataFrame, country: str, *,
                        markets: Iterable[str] | None = None) -> pd.DataFrame:
    """One exporter's potential summed over its markets, by product: a criterion for the consolidate list.

    untapped_k = sum_j max(EP_ijk - v_ijk, 0) over ``markets`` (default every market of the table; the
    clip before summing is a course convention, METHODS-niches A.4: a market where the country is above
    potential does not offset one where it is below), potential_k = sum_j EP_ijk, actual_k = sum_j
    v_ijk. Cells without a distance (NaN) are left out and counted in n_markets_missing. Returns
    product, untapped, potential, actual, n_markets (with positive potential), n_markets_missing,
    eligible (RCA >= threshold: the dollar figures are meant for these only).
    """
    _require(potential, ["exporter", "importer", "product", "potential", "untapped", "actual", "eligible"],
             "potential (the table of export_potential)")
    p = potential[potential["exporter"].astype(str) == str(country)]
    if p.empty:
        raise ExportPotentialError(text("niche_msg.methods.export_potential.not_exporter", country=country))
    if markets is not None:
        p = p[p["importer"].astype(str).isin({str(m) for m in markets})]
    g = p.assign(_pos=p["potential"] > 0, _nan=p["potential"].isna()).groupby("product", sort=True)
    out = pd.DataFrame({
        "untapped": g["untapped"].sum(min_count=0),
        "potential": g["potential"].sum(min_count=0),
        "actual": g["actual"].sum(),
        "n_markets": g["_pos"].sum().astype(int),
        "n_markets_missing": g["_nan"].sum().astype(int),
        "eligible": g["eligible"].first().astype(bool),
    }).reset_index()
    out.attrs = {**potential.attrs, "country": str(country)}
    return out
