"""Multi-regional input-output tables: gross exports, value added in exports, GVC participation.

A multi-regional table (MRIO) has (region, sector) pairs on its rows and columns (a ``MultiIndex``).
From it, the Leontief method traces the value added of every source region embodied in each region's
gross exports (Hummels, Ishii & Yi 2001; Koopman, Wang & Wei 2014), the backward (foreign value added)
and forward (VS1) participation in global value chains. Coefficients, inverses and checks come from
:mod:`course_tools.methods.input_output`.
References: Miller & Blair (2009), *Input-Output Analysis*, 2nd ed., ch. 3 and §12.3.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, one_blas_thread
from course_tools.methods.input_output import (
    check_productive,
    identity_minus_inverse,
    inverse_output,
    sector_vector,
    square_matrix,
    technical_coefficients,
)

__all__ = ["mrio_gross_exports", "value_added_in_exports", "gvc_participation"]


def _region_codes(index: pd.Index, level: int | str) -> np.ndarray:
    if not isinstance(index, pd.MultiIndex):
        raise IndicatorInputError(text("methods_msg_b.mrio.multiindex"))
    return np.asarray(index.get_level_values(level))


def mrio_gross_exports(Z: pd.DataFrame, final_demand: pd.DataFrame, *, region_level: int | str = 0) -> pd.Series:
    """Gross exports of every (region, sector): sales to other regions' industries and final demand.

    ``e_(r,i) = Σ_{s≠r} Σ_j z_(r,i),(s,j) + Σ_{s≠r} y_(r,i),s``. ``final_demand`` has the rows of
    ``Z`` and columns whose first level (or the only level) is the buying region.
    Reference: Miller & Blair (2009) ch. 3 and §12.3 (multi-regional model).
    """
    Z = square_matrix(Z, "Z")
    rows = _region_codes(Z.index, region_level)
    cols = _region_codes(Z.columns, region_level)
    fd_cols = final_demand.columns
    fd_reg = np.asarray(fd_cols.get_level_values(0) if isinstance(fd_cols, pd.MultiIndex) else fd_cols)
    if not final_demand.index.equals(Z.index):
        raise IndicatorInputError(text("methods_msg_b.mrio.final_demand_rows"))
    z = Z.to_numpy()
    y = final_demand.to_numpy(dtype=float)
    foreign_z = rows[:, None] != cols[None, :]
    foreign_y = rows[:, None] != fd_reg[None, :]
    e = (z * foreign_z).sum(axis=1) + (y * foreign_y).sum(axis=1)
    return pd.Series(e, index=Z.index, name="gross_exports")


@one_blas_thread
def value_added_in_exports(Z: pd.DataFrame, x: pd.Series, va: pd.Series, exports: pd.Series, *,
                           region_level: int | str = 0) -> pd.DataFrame:
    """Value added of each source region embodied in each region's gross exports (Leontief method).

    With ``v = va / x`` (value-added coefficients), ``L`` the multi-regional Leontief inverse and
    ``E_r`` the gross exports of region ``r`` (zero outside its rows), the value added of
    (region, sector) ``k`` in those exports is ``(v̂ L E_r)_k``. Summed over the sectors of ``r``
    it is the **domestic value added (DVA)**, over another region ``s`` the **foreign value added
    (FVA)** from ``s``; ``FVA / gross exports`` is the backward GVC participation (the vertical
    specialisation share of Hummels, Ishii & Yi 2001). DVA here counts all domestic value added,
    also the part that returns home; Koopman, Wang & Wei (2014) split it further.
    ``DVA + FVA = gross exports`` exactly when ``v + 1'A = 1'`` (every non-intermediate input is in
    ``va``); the ``gross_exports`` column lets you check it.

    Returns a tidy DataFrame: ``exporter``, ``source``, ``value_added``, ``share`` (of the exporter's
    gross exports), ``origin`` ("domestic"/"foreign"), ``gross_exports``.
    References: Leontief (1936); Hummels, Ishii & Yi (2001) *J. Int. Econ.* 54(1);
    Koopman, Wang & Wei (2014) *Am. Econ. Rev.* 104(2); Miller & Blair (2009) ch. 3.
    """
    A = technical_coefficients(Z, x)
    check_productive(A, axis=0, what="value_added_in_exports")
    labels = A.index
    xv = sector_vector(x, labels, "x")
    vav = sector_vector(va, labels, "va")
    ev = sector_vector(exports, labels, "exports")
    v = vav.to_numpy() * inverse_output(xv, Z, axis=0, what="value_added_in_exports")
    regions = _region_codes(labels, region_level)
    order = list(dict.fromkeys(regions))
    E = np.zeros((len(labels), len(order)))
    for k, r in enumerate(order):
        mask = regions == r
        E[mask, k] = ev.to_numpy()[mask]
    # L E = (I - A)^-1 E by one LU solve (cheaper than forming L for a 598-sector MRIO)
    try:
        LE = np.linalg.solve(np.eye(len(labels)) - A.to_numpy(), E)
    except np.linalg.LinAlgError:
        LE = np.full_like(E, np.nan)
    if not np.isfinite(LE).all():
        identity_minus_inverse(A, "A (value_added_in_exports)")   # raises the explanation of a singular I - A
    VA = v[:, None] * LE  # (region, sector) sources × exporting regions
    by_source = pd.DataFrame(VA, index=regions).groupby(level=0, sort=False).sum().reindex(order)
    by = by_source.to_numpy()                      # sources × exporters
    gross = E.sum(axis=0)
    R = len(order)
    exporter = np.repeat(np.array(order, dtype=object), R)
    source = np.tile(np.array(order, dtype=object), R)
    val = by.T.ravel()                             # exporter-major: (r, s) -> by[s, r]
    g = np.repeat(gross, R)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(g != 0, val / np.where(g != 0, g, 1.0), np.nan)
    return pd.DataFrame({
        "exporter": exporter, "source": source, "value_added": val, "share": share,
        "origin": np.where(exporter == source, "domestic", "foreign"), "gross_exports": g,
    })


def gvc_participation(va_in_exports: pd.DataFrame) -> pd.DataFrame:
    """Summary by exporting region of :func:`value_added_in_exports`.

    Columns: ``gross_exports``, ``dva``, ``fva`` (sum over foreign sources), ``fva_share``
    (= backward participation, Hummels-Ishii-Yi VS share), ``vs1`` (the region's value added
    embodied in *other* regions' exports), ``vs1_share`` (= forward participation, VS1 of Hummels,
    Ishii & Yi 2001, over the region's own gross exports) and ``participation`` = sum of the two
    shares (in the spirit of Koopman et al. 2010/2014, whose forward term counts only value added
    re-exported to third countries).
    """
    need = {"exporter", "source", "value_added", "gross_exports"}
    if not need.issubset(va_in_exports.columns):
        raise IndicatorInputError(text("methods_msg_b.mrio.gvc_columns",
                                       missing=sorted(need - set(va_in_exports.columns))))
    d = va_in_exports
    own = d["exporter"] == d["source"]
    out = pd.DataFrame({
        "gross_exports": d.groupby("exporter", sort=False)["gross_exports"].first(),
        "dva": d[own].groupby("exporter", sort=False)["value_added"].sum(),
        "fva": d[~own].groupby("exporter", sort=False)["value_added"].sum(),
        "vs1": d[~own].groupby("source", sort=False)["value_added"].sum(),
    })
    out.index.name = "region"
    out["fva_share"] = out["fva"] / out["gross_exports"]
    out["vs1_share"] = out["vs1"] / out["gross_exports"]
    out["participation"] = out["fva_share"] + out["vs1_share"]
    return out[["gross_exports", "dva", "fva", "fva_share", "vs1", "vs1_share", "participation"]]
