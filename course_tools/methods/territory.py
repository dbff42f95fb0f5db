"""Territorial indicators on region x industry data (employment, establishments, value added).

Tidy tables have one row per region x industry with columns ``region``, ``industry`` and
``value`` (names as keyword arguments; default value column ``"employment"``), or give a
matrix (rows = regions, columns = industries). The reference economy ("nation") is the sum over
the regions in the table unless you pass ``reference=`` (e.g. municipalities of a state
compared with the whole country): a Series by industry or a tidy table with ``industry`` and
``value`` columns. Missing cells count as 0; NaN (e.g. values suppressed for confidentiality)
and negative values raise :class:`IndicatorInputError` -- decide explicitly what to do with them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import (
    IndicatorInputError,
    _as_matrix,
    _drop_zero,
    _to_tidy,
    balassa_frame,
    reference_totals,
)

__all__ = ["location_quotient", "shift_share", "krugman_specialisation", "cluster_candidates"]


def _reference(reference, industry: str, value: str, columns: pd.Index, what: str) -> pd.Series:
    """The reference economy's totals by industry (``reference=``), checked against the data's industries."""
    return reference_totals(reference, industry, value, columns, what, "reference")


def _lq_matrix(m: pd.DataFrame, ref: pd.Series | None) -> pd.DataFrame:
    """LQ = Balassa ratio; the reference total counts every industry of ``ref``."""
    if ref is None:
        return balassa_frame(m)
    return balassa_frame(m, ref.reindex(m.columns).to_numpy(dtype=float), float(ref.sum()))


def location_quotient(data: pd.DataFrame, *, region: str = "region", industry: str = "industry",
                      value: str = "employment", reference: pd.Series | pd.DataFrame | None = None) -> pd.DataFrame:
    r"""Location quotient (Florence 1939; Isard 1960, *Methods of Regional Analysis*).

    .. math:: LQ_{ij} = \frac{e_{ij}/e_j}{e_i/e}

    :math:`e_{ij}` employment of industry i in region j, :math:`e_j` region total, :math:`e_i`
    and :math:`e` the reference economy's industry and total employment: the sum over the regions
    of the table, or ``reference`` (Series by industry or tidy table), e.g. municipalities of
    Tamaulipas vs the national total. Same algebra as Balassa's RCA. LQ > 1: the region is
    relatively specialised in i. Regions with zero total and industries absent everywhere are
    dropped with a warning. Tidy in -> tidy out (column ``"lq"``); matrix in -> matrix out.
    """
    m, kind = _as_matrix(data, region, industry, value, "location_quotient")
    m = _drop_zero(m, "location_quotient", region, industry)
    ref = None if reference is None else _reference(reference, industry, value, m.columns, "location_quotient")
    if ref is not None and (ref.reindex(m.columns) <= 0).any():
        zero = list(m.columns[(ref.reindex(m.columns) <= 0).to_numpy()][:5])
        raise IndicatorInputError(text("methods_msg_a.territory.lq_reference_zero", zero=zero))
    lq = _lq_matrix(m, ref)
    if kind == "tidy":
        return _to_tidy({value: m, "lq": lq}, region, industry)
    return lq


def _two_periods(data_t0, data_t1, region, industry, value, year, years):
    """Return (m0, m1, kind) aligned region x industry matrices of the two periods."""
    if data_t1 is None:
        if not isinstance(data_t0, pd.DataFrame) or year not in data_t0.columns:
            raise IndicatorInputError(text("methods_msg_a.territory.ss_two_tables", year=year))
        ys = sorted(data_t0[year].unique()) if years is None else list(years)
        if len(ys) != 2:
            raise IndicatorInputError(text("methods_msg_a.territory.ss_two_periods", year=year, n=len(ys), ys=ys[:6]))
        for y in ys:
            if not (data_t0[year] == y).any():
                raise IndicatorInputError(text("methods_msg_a.territory.ss_no_rows", year=year, y=y))
        data_t1 = data_t0[data_t0[year] == ys[1]]
        data_t0 = data_t0[data_t0[year] == ys[0]]
    m0, k0 = _as_matrix(data_t0, region, industry, value, "shift_share (t0)")
    m1, k1 = _as_matrix(data_t1, region, industry, value, "shift_share (t1)")
    if k0 == "series" or k1 == "series":
        raise IndicatorInputError(text("methods_msg_a.territory.ss_not_series"))
    rows, cols = m0.index.union(m1.index), m0.columns.union(m1.columns)
    m0 = m0.reindex(index=rows, columns=cols, fill_value=0.0)
    m1 = m1.reindex(index=rows, columns=cols, fill_value=0.0)
    return m0, m1, k0


def shift_share(
    data_t0: pd.DataFrame,
    data_t1: pd.DataFrame | None = None,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    year: str = "year",
    years: tuple | None = None,
    method: str = "dunn",
    by_industry: bool = False,
    reference_t0: pd.Series | pd.DataFrame | None = None,
    reference_t1: pd.Series | pd.DataFrame | None = None,
) -> pd.DataFrame:
    r"""Shift-share decomposition of regional employment change (Dunn 1960, "A statistical and
    analytical technique for regional analysis", *Papers of the Regional Science Association* 6;
    Esteban-Marquillas 1972, *Regional and Urban Economics* 2(3); terms as in R ``REAT::shift``).

    With :math:`r_{1i}, r_{2i}` regional and :math:`n_{1i}, n_{2i}` national employment in
    industry i at the start and end, :math:`R, N` the totals, :math:`G = N_2/N_1` and
    :math:`g_i = n_{2i}/n_{1i}` (``method="dunn"``), per industry i:

    * ``national_share``  :math:`r_{1i}(G - 1)`           (growth had the region grown like the nation)
    * ``industrial_mix``  :math:`r_{1i}(g_i - G)`         (its industries grow faster/slower nationally)
    * ``regional_shift``  :math:`r_{2i} - r_{1i} g_i`     (competitive / differential shift)

    and ``change`` :math:`= r_{2i} - r_{1i}` = national_share + industrial_mix + regional_shift
    exactly. Region rows are the sums over industries.

    ``method="esteban-marquillas"`` splits the regional shift with homothetic employment
    :math:`\hat r_{1i} = R_1 n_{1i}/N_1` and growth rates :math:`g^r_i = r_{2i}/r_{1i} - 1`,
    :math:`g^n_i = g_i - 1`: ``competitive_effect`` :math:`\hat r_{1i}(g^r_i - g^n_i)` and
    ``allocation_effect`` :math:`(r_{1i} - \hat r_{1i})(g^r_i - g^n_i)`. An industry absent
    from the region at the start (:math:`r_{1i}=0`) has no regional growth rate; its whole
    regional shift :math:`r_{2i}` goes to ``new_industry_effect``, so the components still sum
    to ``change`` exactly.

    The nation is the sum over the regions unless ``reference_t0``/``reference_t1`` (Series by
    industry or tidy tables) are given, e.g. national totals when the regions are the
    municipalities of one state. Input: two tidy tables, two matrices, or one tidy table with a
    ``year`` column holding two periods (``years=(start, end)`` to choose). Output: tidy, one
    row per region (``by_industry=True``: per region and industry), with ``value_t0``,
    ``value_t1``, ``change`` and the components.
    """
    method_key = method.lower().replace("_", "-").replace(" ", "-")
    if method_key not in ("dunn", "esteban-marquillas", "em"):
        raise IndicatorInputError(text("methods_msg_a.territory.ss_method", method=method))
    m0, m1, _ = _two_periods(data_t0, data_t1, region, industry, value, year, years)
    if (reference_t0 is None) != (reference_t1 is None):
        raise IndicatorInputError(text("methods_msg_a.territory.ss_both_references"))
    if reference_t0 is None:
        n0, n1 = m0.sum(axis=0).to_numpy(), m1.sum(axis=0).to_numpy()
    else:
        ref0 = _reference(reference_t0, industry, value, m0.columns, "shift_share")
        ref1 = _reference(reference_t1, industry, value, m0.columns, "shift_share")
        n0, n1 = ref0.reindex(m0.columns).to_numpy(), ref1.reindex(m0.columns).to_numpy()
    r0, r1 = m0.to_numpy(), m1.to_numpy()
    # national totals: every industry of the reference, also those absent from the regions
    N0, N1 = (n0.sum(), n1.sum()) if reference_t0 is None else (ref0.sum(), ref1.sum())
    if N0 <= 0:
        raise IndicatorInputError(text("methods_msg_a.territory.ss_national_zero"))
    bad = (n0[None, :] <= 0) & (r0 > 0)
    if bad.any():
        i = np.argwhere(bad)[0]
        raise IndicatorInputError(text("methods_msg_a.territory.ss_reference_misses_region", industry=m0.columns[i[1]],
                                       region=m0.index[i[0]]))
    G = N1 / N0
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(n0 > 0, n1 / np.where(n0 > 0, n0, 1), 0.0)   # r0 = 0 wherever n0 = 0
    ns = r0 * (G - 1.0)
    mix = r0 * (g[None, :] - G)
    rs = r1 - r0 * g[None, :]
    comps: dict[str, np.ndarray] = {"value_t0": r0, "value_t1": r1, "change": r1 - r0,
                                    "national_share": ns, "industrial_mix": mix}
    if method_key == "dunn":
        comps["regional_shift"] = rs
    else:
        R0 = r0.sum(axis=1, keepdims=True)
        hat = R0 * n0[None, :] / N0
        with np.errstate(divide="ignore", invalid="ignore"):
            gr = np.where(r0 > 0, r1 / np.where(r0 > 0, r0, 1), 1.0) - 1.0
        diff = np.where(r0 > 0, gr - (g[None, :] - 1.0), 0.0)
        comps["competitive_effect"] = hat * diff
        comps["allocation_effect"] = (r0 - hat) * diff
        comps["new_industry_effect"] = np.where(r0 > 0, 0.0, rs)
    mats = {k: pd.DataFrame(v, index=m0.index, columns=m0.columns) for k, v in comps.items()}
    if by_industry:
        return _to_tidy(mats, region, industry)
    out = pd.DataFrame({k: v.sum(axis=1) for k, v in mats.items()})
    out.index.name = region
    return out.reset_index()


def krugman_specialisation(data: pd.DataFrame, *, region: str = "region", industry: str = "industry",
                           value: str = "employment",
                           reference: pd.Series | pd.DataFrame | None = None) -> pd.Series:
    r"""Krugman specialisation index (Krugman 1991, *Geography and Trade*, MIT Press;
    ``REAT::krugman.spec``).

    .. math:: K_r = \sum_i |s^r_i - s^n_i|, \qquad s^r_i = e_{ri}/e_r,\; s^n_i = e_i/e

    0 = the region has the same industry structure as the reference; the maximum is 2 (no
    industry in common). Reference = sum over the regions of the table (so each region is
    compared with an aggregate that includes itself) unless ``reference`` is given. Returns a
    Series by region. Regions with zero total are dropped with a warning.
    """
    m, _ = _as_matrix(data, region, industry, value, "krugman_specialisation")
    m = _drop_zero(m, "krugman_specialisation", region, industry)
    if reference is None:
        sn = m.sum(axis=0).to_numpy()
    else:
        sn = _reference(reference, industry, value, m.columns, "krugman_specialisation")
        extra = sn.index.difference(m.columns)
        m = m.reindex(columns=m.columns.union(extra), fill_value=0.0)
        sn = sn.reindex(m.columns).to_numpy()
    sn = sn / sn.sum()
    a = m.to_numpy()
    sr = a / a.sum(axis=1, keepdims=True)
    return pd.Series(np.abs(sr - sn[None, :]).sum(axis=1), index=m.index, name="krugman_specialisation")


def cluster_candidates(
    data: pd.DataFrame,
    *,
    region: str = "region",
    industry: str = "industry",
    value: str = "employment",
    lq_min: float = 1.25,
    min_share: float = 0.0,
    min_size: float = 0.0,
    data_t0: pd.DataFrame | None = None,
    growth: float | None = None,
    positive_shift: bool = False,
    reference: pd.Series | pd.DataFrame | None = None,
    reference_t0: pd.Series | pd.DataFrame | None = None,
    all_pairs: bool = False,
) -> pd.DataFrame:
    r"""Screen region x industry pairs for cluster candidates (first stage of the usual pipeline:
    LQ screen + size + growth; e.g. Delgado, Porter & Stern 2016; thresholds are conventions --
    declare them).

    A pair (region j, industry i) is a candidate when all criteria in use hold:

    * ``lq >= lq_min`` (location quotient, see :func:`location_quotient`; reference as there);
    * ``share >= min_share``: :math:`e_{ij}/e_j`, the industry's share of the region's total;
    * ``value >= min_size``: absolute size (e.g. employees);
    * if ``data_t0`` (an earlier period) is given: ``growth`` = :math:`e^1_{ij}/e^0_{ij} - 1`
      must be >= ``growth`` (when set; a pair absent at t0 has growth +inf), and with
      ``positive_shift=True`` the Dunn regional shift of the pair (see :func:`shift_share`)
      must be > 0.

    ``reference`` (and ``reference_t0`` for the shift) as in :func:`location_quotient` and
    :func:`shift_share`. Returns the candidates (``all_pairs=True``: every pair, with boolean ``pass_*`` columns and
    ``candidate``), sorted by LQ, with the measured values and a ``criteria`` text giving each
    measured value next to the threshold it was screened against (criteria not in use --
    ``min_share=0``, ``min_size=0``, ``growth=None`` -- are not listed).
    """
    if (growth is not None or positive_shift) and data_t0 is None:
        raise IndicatorInputError(text("methods_msg_a.territory.cc_need_t0"))
    lq = location_quotient(data, region=region, industry=industry, value=value, reference=reference)
    if not (isinstance(lq, pd.DataFrame) and "lq" in lq.columns):
        raise IndicatorInputError(text("methods_msg_a.territory.cc_tidy"))
    t = lq.copy()
    t["share"] = t[value] / t.groupby(region, observed=True)[value].transform("sum")
    t["pass_lq"] = t["lq"] >= lq_min
    t["pass_share"] = t["share"] >= min_share
    t["pass_size"] = t[value] >= min_size
    passes = t["pass_lq"] & t["pass_share"] & t["pass_size"]
    if data_t0 is not None:
        ss = shift_share(data_t0, data, region=region, industry=industry, value=value, by_industry=True,
                         reference_t0=reference_t0, reference_t1=reference if reference_t0 is not None else None)
        ss = ss[[region, industry, "value_t0", "regional_shift"]]
        t = t.merge(ss, on=[region, industry], how="left")
        t["value_t0"] = t["value_t0"].fillna(0.0)
        t["regional_shift"] = t["regional_shift"].fillna(0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            t["growth"] = np.where(t["value_t0"] > 0, t[value] / t["value_t0"].where(t["value_t0"] > 0, 1) - 1.0,
                                   np.where(t[value] > 0, np.inf, np.nan))
        passes = t["pass_lq"] & t["pass_share"] & t["pass_size"]
        if growth is not None:
            t["pass_growth"] = t["growth"] >= growth
            passes &= t["pass_growth"]
        if positive_shift:
            t["pass_shift"] = t["regional_shift"] > 0
            passes &= t["pass_shift"]
    t["candidate"] = passes.to_numpy()
    texts = [f"LQ {q:.2f} >= {lq_min:g}" for q in t["lq"]]
    if min_share > 0:
        texts = [a + f"; share {s:.1%} >= {min_share:.1%}" for a, s in zip(texts, t["share"])]
    if min_size > 0:
        texts = [a + f"; size {v:,.0f} >= {min_size:,.0f}" for a, v in zip(texts, t[value])]
    if growth is not None:
        texts = [a + f"; growth {x:.1%} >= {growth:.1%}" for a, x in zip(texts, t["growth"])]
    if positive_shift:
        texts = [a + f"; regional shift {x:+,.0f} > 0" for a, x in zip(texts, t["regional_shift"])]
    t["criteria"] = texts
    t = t.sort_values("lq", ascending=False, kind="stable").reset_index(drop=True)
    if all_pairs:
        return t
    return t[t["candidate"]].drop(columns="candidate").reset_index(drop=True)
