"""Statistics of many rankings at once: ranks under screens, rank quantiles, variance shares.

Vectorised helpers of the niche model's uncertainty analyses (:mod:`course_tools.methods.sensitivity`,
:mod:`course_tools.methods.robustness`): thousands of rankings of about a thousand products are
computed as arrays (one row per variant), never product by product. Ranks follow the competition
rule (1 + the number of strictly better products: ties share the best rank, 1, 2, 2, 4); quantiles
use linear interpolation (numpy's default), so they equal ``np.nanquantile`` without its row loop.
"""
from __future__ import annotations

import numpy as np

__all__ = ["sorted_ranks", "ranks_by_row", "row_quantiles", "quantiles_from_counts", "eta_squared"]


def sorted_ranks(S: np.ndarray, masks: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Sort each variant (row of S) once; for each mask, the ranks in that sorted order.

    Returns ``order`` (variants x products: product indices, best first) and, per mask, ``r`` with
    r[v, i] the rank of product order[v, i] (1 = best, ties share the best rank, 0 = screened out or
    no score). The rank of a passing product is 1 + the number of passing products with a strictly
    higher score, so one sort serves every mask.
    """
    c, n = S.shape
    key = np.where(np.isfinite(S), -S, np.inf)
    order = np.argsort(key, axis=1)
    ks = np.take_along_axis(key, order, axis=1)
    new = np.ones((c, n), dtype=bool)
    new[:, 1:] = ks[:, 1:] != ks[:, :-1]
    ties = not new.all()
    if ties:
        start = np.maximum.accumulate(np.where(new, np.arange(n)[None, :], 0), axis=1)
    fin = np.isfinite(ks)
    out = []
    for mask in masks:
        ms = (mask[order] if mask.ndim == 1 else np.take_along_axis(mask, order, axis=1)) & fin
        before = np.cumsum(ms, axis=1, dtype=np.int32)
        before -= ms
        if ties:
            before = np.take_along_axis(before, start, axis=1)
        out.append(np.where(ms, before + 1, 0).astype(np.int32))
    return order, out


def ranks_by_row(S: np.ndarray, masks: list[np.ndarray]) -> list[np.ndarray]:
    """Ranks by product (variants x products; 0 = screened out) for each mask."""
    order, rs = sorted_ranks(S, masks)
    out = []
    for r in rs:
        R = np.empty_like(r)
        np.put_along_axis(R, order, r, axis=1)
        out.append(R)
    return out


def quantiles_from_counts(counts: np.ndarray, qs: tuple[float, ...]) -> list[np.ndarray]:
    """Quantiles (linear interpolation, numpy's default) of integer ranks 1..n given their counts per row."""
    cum = np.cumsum(counts, axis=1)
    m = cum[:, -1]
    out = []
    for q in qs:
        pos = q * np.maximum(m - 1, 0)
        lo = np.floor(pos).astype(np.int64)
        hi = np.minimum(lo + 1, np.maximum(m - 1, 0))
        v_lo = 1 + (cum <= lo[:, None]).sum(axis=1)
        v_hi = 1 + (cum <= hi[:, None]).sum(axis=1)
        out.append(np.where(m > 0, v_lo + (pos - lo) * (v_hi - v_lo), np.nan))
    return out


def eta_squared(y: np.ndarray, levels: np.ndarray) -> float:
    """First-order variance share of y explained by a discrete factor (SS between / SS total)."""
    tot = float(((y - y.mean()) ** 2).sum())
    if tot <= 0:
        return 0.0
    _, inv, cnt = np.unique(levels, return_inverse=True, return_counts=True)
    means = np.bincount(inv, weights=y) / cnt
    return float((cnt * (means - y.mean()) ** 2).sum() / tot)


def row_quantiles(a: np.ndarray, qs: tuple[float, ...]) -> list[np.ndarray]:
    """Quantiles of each row ignoring NaN (linear interpolation, as numpy's default); all-NaN -> NaN.

    Same numbers as ``np.nanquantile(a, q, axis=1)``, without its slow row-by-row loop.
    """
    srt = np.sort(a, axis=1)  # NaN go last
    m = (~np.isnan(a)).sum(axis=1)
    out = []
    for q in qs:
        pos = q * np.maximum(m - 1, 0)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, np.maximum(m - 1, 0))
        vlo = np.take_along_axis(srt, lo[:, None], axis=1)[:, 0]
        vhi = np.take_along_axis(srt, hi[:, None], axis=1)[:, 0]
        out.append(np.where(m > 0, vlo + (pos - lo) * (vhi - vlo), np.nan))
    return out
