r"""Export potential when bilateral flows by product are not observed: the proportional-allocation proxy.

:func:`course_tools.methods.export_potential.export_potential` needs flows by exporter x market x
product (a BACI panel). The shipped tables have exports by exporter x product (2017) and bilateral
*totals* (the 2006 gravity table) only. The proxy assumes that **each exporter sends the same share
of every product to each market** as of its total exports (the proportional allocation of mirror
estimates, the assumption of :func:`course_tools.methods.criteria.regional_demand_share`):

.. math:: \hat v_{ijk} = X_{ik}\, s_{ij}, \qquad s_{ij} = \frac{F_{ij}}{\sum_{j' \ne i} F_{ij'}}

with :math:`X_{ik}` the exports of k by i and :math:`F_{ij}` the bilateral totals. Every term of the
ITC-style potential then follows in matrix form, without building the flows table (tens of millions
of cells for the whole world): market j's imports :math:`v_{jk} = \sum_i s_{ij} X_{ik}` (S'X), the
bilateral totals :math:`v_{ij} = s_{ij} \sum_k X_{ik}`, the import-weighted mean log distance of j's
suppliers :math:`\overline{\ln D}_{jk} = \sum_i s_{ij} X_{ik} \ln D_{ij} / v_{jk}`; supply, distance
factor, ease of trade (F2 or F1), potential, untapped potential and realised share are then exactly
those of :func:`~course_tools.methods.export_potential.export_potential` run on the table
:math:`\hat v_{ijk}` (a test checks it on a small case).

What the proxy cannot see, and a report must say: the actual mix of products an exporter sells to
each market (here the same everywhere), so the untapped potential only reflects how a market's
(estimated) demand differs from the world's, and distance; the country's own imports of a product
(here estimated the same way) for the net-importer correction; re-exports. Use bilateral flows by
product (a BACI release) to measure them.

:func:`allocation_shares` builds :math:`s_{ij}` from a table of bilateral totals; exporters that are
not in it (e.g. several Gulf exporters in the 2006 gravity table) get the markets' shares of world
imports in that table instead (a stated fallback).
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from course_tools.errors import require_columns
from course_tools.i18n import text
from course_tools.methods.export_potential import (
    ExportPotentialError,
    _check_options,
    _distance_matrix,
    _potential_of,
    _supply,
    _table,
    _World,
)

__all__ = ["allocation_shares", "proxy_potential"]


def allocation_shares(totals: pd.DataFrame, exporters: Iterable[str], *, exporter: str = "exporter",
                      importer: str = "importer", flow: str = "flow") -> pd.DataFrame:
    r"""Share of each exporter's total exports going to each market, from bilateral totals.

    :math:`s_{ij} = F_{ij} / \sum_{j' \ne i} F_{ij'}` over the positive flows of ``totals`` (exporter,
    importer, flow; flows to itself and NaN left out). An exporter of ``exporters`` with no positive
    flow in ``totals`` gets the world import structure of the table instead:
    :math:`s_{ij} = F_{\cdot j} / \sum_{j' \ne i} F_{\cdot j'}` (``fallback`` True on its rows).
    Returns exporter, importer, share, fallback; each exporter's shares sum to 1.
    """
    require_columns(totals, (exporter, importer, flow), "totals", ExportPotentialError,
                    hint=text("niche_msg.methods.potential_proxy.hint_totals"))
    f = totals[[exporter, importer, flow]].copy()
    f.columns = ["exporter", "importer", "flow"]
    f["flow"] = pd.to_numeric(f["flow"], errors="coerce")
    f = f[(f["exporter"] != f["importer"]) & (f["flow"] > 0)]
    f = f.groupby(["exporter", "importer"], as_index=False)["flow"].sum()
    own = f.assign(share=f["flow"] / f.groupby("exporter")["flow"].transform("sum"), fallback=False)
    world = f.groupby("importer")["flow"].sum()
    missing = sorted({str(x) for x in exporters} - set(own["exporter"].unique().tolist()))
    fb = pd.DataFrame({"exporter": np.repeat(missing, len(world)),
                       "importer": np.tile(world.index.to_numpy(), len(missing)),
                       "flow": np.tile(world.to_numpy(dtype=float), len(missing))})
    fb = fb[fb["exporter"] != fb["importer"]]
    fb = fb.assign(share=fb["flow"] / fb.groupby("exporter")["flow"].transform("sum"), fallback=True)
    parts = [own[["exporter", "importer", "share", "fallback"]], fb[["exporter", "importer", "share", "fallback"]]]
    return pd.concat(parts, ignore_index=True)


def _dense(exports: pd.DataFrame, shares: pd.DataFrame) -> tuple[pd.Index, pd.Index, np.ndarray, np.ndarray, list]:
    """Countries, products, X (exports, C x K) and S (shares, C x C); exporters without shares are left out."""
    require_columns(exports, ("country", "product", "export_value"), "exports", ExportPotentialError,
                    hint=text("niche_msg.methods.potential_proxy.hint_exports"))
    require_columns(shares, ("exporter", "importer", "share"), "shares", ExportPotentialError,
                    hint=text("niche_msg.methods.potential_proxy.hint_shares"))
    x = exports.dropna(subset=["export_value"])
    x = x[pd.to_numeric(x["export_value"]) > 0]
    sh = shares[shares["exporter"].astype(str) != shares["importer"].astype(str)]
    xc_codes, xc_uni = pd.factorize(x["country"].astype(str))
    xp_codes, xp_uni = pd.factorize(x["product"].astype(str))
    se_codes, se_uni = pd.factorize(sh["exporter"].astype(str))
    si_codes, si_uni = pd.factorize(sh["importer"].astype(str))
    exporters, with_shares = set(map(str, xc_uni)), set(map(str, se_uni))
    dropped = sorted(exporters - with_shares)
    countries = pd.Index(sorted((exporters & with_shares) | set(map(str, si_uni))))
    products = pd.Index(sorted(map(str, xp_uni)))
    ci = countries.get_indexer(pd.Index(list(map(str, xc_uni))))[xc_codes]
    keep = ci >= 0
    X = np.zeros((len(countries), len(products)))
    np.add.at(X, (ci[keep], products.get_indexer(pd.Index(list(map(str, xp_uni))))[xp_codes][keep]),
              x["export_value"].to_numpy(dtype=float)[keep])
    S = np.zeros((len(countries), len(countries)))
    ie = countries.get_indexer(pd.Index(list(map(str, se_uni))))[se_codes]
    ij = countries.get_indexer(pd.Index(list(map(str, si_uni))))[si_codes]
    ok = (ie >= 0) & (ij >= 0)
    np.add.at(S, (ie[ok], ij[ok]), pd.to_numeric(sh["share"]).to_numpy(dtype=float)[ok])
    return countries, products, X, S, dropped


def _world(countries: pd.Index, products: pd.Index, X: np.ndarray, S: np.ndarray, exporters: list[int]) -> _World:
    """The arrays of export_potential for the proxy flows X_ik s_ij (the flows of ``exporters`` only are listed)."""
    M = S.T @ X
    vi = X.sum(axis=1)
    P = S * vi[:, None]
    vk, vtot = X.sum(axis=0), X.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        rca = (X / vi[:, None]) / (vk / vtot)[None, :]
        rca = np.where((vi[:, None] > 0) & (vk[None, :] > 0), rca, np.nan)
        share = np.where(vk[None, :] > 0, X / np.where(vk > 0, vk, 1.0)[None, :], 0.0)
    ii, jj, kk, vv = [], [], [], []
    for e in exporters:
        j, k = np.nonzero(np.outer(S[e], X[e]) > 0)
        ii.append(np.full(len(j), e))
        jj.append(j)
        kk.append(k)
        vv.append(S[e, j] * X[e, k])
    w = _World(countries, products, *(np.concatenate(a) if a else np.array([], dtype=int) for a in (ii, jj, kk)),
               np.concatenate(vv) if vv else np.array([]), X, M, P, vi, rca, share)
    w.growth = np.full(X.shape, np.nan)
    w.demand_used = M
    return w


def _proxy_distances(w: _World, S: np.ndarray, distances: pd.DataFrame | None, dist: str | None) -> None:
    """D_ij and the import-weighted mean log distance of j's suppliers, in matrix form."""
    C, K = w.X.shape
    if distances is None:
        w.D = np.full((C, C), np.nan)
        return
    w.D = _distance_matrix(distances, w.countries, "exporter", "importer", dist)
    with np.errstate(divide="ignore", invalid="ignore"):
        w.lnD = np.log(w.D)
    known = ~np.isnan(w.lnD)
    Sk = np.where(known, S, 0.0)
    num = (Sk * np.nan_to_num(w.lnD)).T @ w.X
    den = Sk.T @ w.X
    with np.errstate(divide="ignore", invalid="ignore"):
        w.lnd_bar = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def proxy_potential(exports: pd.DataFrame, shares: pd.DataFrame, *, exporters: Iterable[str],
                    distances: pd.DataFrame | None = None, variant: str = "F2", rca_threshold: float = 1.0,
                    dist: str | None = None) -> pd.DataFrame:
    r"""Export potential of ``exporters`` in every market, from exports by product and allocation shares.

    ``exports``: country, product, export_value of one year (NaN and 0 left out); ``shares``: exporter,
    importer, share (:func:`allocation_shares`); ``distances``: exporter, importer and ``dist``
    (``distance_km`` of ``data.load_gravity()`` is found by name). Exporters of ``exports`` without
    shares are left out of the world (``attrs["left_out"]``). ``variant`` and ``rca_threshold`` as in
    :func:`~course_tools.methods.export_potential.export_potential`, whose table this returns (same
    columns; ``demand_growth`` is NaN: one year) for the proxy flows :math:`X_{ik} s_{ij}` (module
    docstring). ``attrs``: ``proxy`` True, ``left_out``, ``variant``, ``rca_threshold``.
    """
    _check_options(variant, rca_threshold, 0.0, 0.0)
    countries, products, X, S, dropped = _dense(exports, shares)
    wanted = [str(e) for e in ([exporters] if isinstance(exporters, str) else exporters)]
    idx = countries.get_indexer(wanted)
    bad = [e for e, i in zip(wanted, idx) if i < 0 or X[i].sum() <= 0]
    if bad:
        raise ExportPotentialError(text("niche_lists.no_shares", None, bad=bad, examples=list(countries[:3])))
    w = _world(countries, products, X, S, list(idx))
    _supply(w, None, [0], 1, "year", "product", "export_value")
    _proxy_distances(w, S, distances, dist)
    parts = []
    for e in idx:
        rows = np.flatnonzero(w.ii == e)
        parts.append(_potential_of(w, int(e), rows, variant)[0])
    out = _table(w, parts, rca_threshold)
    out.attrs = {"proxy": True, "left_out": dropped, "variant": variant, "rca_threshold": float(rca_threshold),
                 "distance_used": distances is not None}
    return out
