"""Every complexity indicator of one period in one call: :func:`complexity` and its :class:`ComplexityResult`.

:func:`complexity` runs the named steps in order (presence, ECI/PCI, proximity, density and
outlook) with one convention; each step is a function of its own module that can also be called
alone (see :mod:`course_tools.methods.complexity`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, one_blas_thread
from course_tools.methods.complexity.eci import check_size, sd_factor, signed_eigenvectors, standardise
from course_tools.methods.complexity.opportunities import cog_array, coi_array, density_array, zscore
from course_tools.methods.complexity.presence import check_threshold, presence, resolve_convention, trade_matrix
from course_tools.methods.complexity.proximities import proximity_array

__all__ = ["ComplexityResult", "complexity"]


@dataclass(frozen=True, eq=False)
class ComplexityResult:
    """Everything :func:`complexity` computes for one period (labelled pandas objects).

    Country x product DataFrames: ``rca`` (None if M was given), ``M``, ``density``,
    ``distance`` (= 1 - density), ``cog``. Product x product: ``proximity``. Series: ``eci``,
    ``diversity``, ``coi`` (by country); ``pci``, ``ubiquity`` (by product); ``eigenvalues`` of
    M~P in descending order. ``dropped`` lists countries/products removed (zero exports or zero
    diversity/ubiquity). Use :meth:`to_long` for one tidy table.
    """

    eci: pd.Series
    pci: pd.Series
    diversity: pd.Series
    ubiquity: pd.Series
    rca: pd.DataFrame | None
    M: pd.DataFrame
    proximity: pd.DataFrame
    density: pd.DataFrame
    distance: pd.DataFrame
    coi: pd.Series
    cog: pd.DataFrame
    eigenvalues: pd.Series
    convention: str
    threshold: float
    eci_scale: float = field(repr=False)  # s used for ECI, PCI and COG
    dropped: dict[str, list] = field(default_factory=dict, repr=False)

    def to_long(self) -> pd.DataFrame:
        """Tidy table: one row per (country, product) with every indicator as a column."""
        c, p = self.M.index, self.M.columns
        out = pd.DataFrame(
            {
                c.name or "country": np.repeat(c.to_numpy(), len(p)),
                p.name or "product": np.tile(p.to_numpy(), len(c)),
            }
        )
        if self.rca is not None:
            out["rca"] = self.rca.to_numpy().ravel()
        out["M"] = self.M.to_numpy().ravel().astype(int)
        for name in ("density", "distance", "cog"):
            out[name] = getattr(self, name).to_numpy().ravel()
        out["eci"] = np.repeat(self.eci.to_numpy(), len(p))
        out["diversity"] = np.repeat(self.diversity.to_numpy(), len(p))
        out["coi"] = np.repeat(self.coi.to_numpy(), len(p))
        out["pci"] = np.tile(self.pci.to_numpy(), len(c))
        out["ubiquity"] = np.tile(self.ubiquity.to_numpy(), len(c))
        return out


@one_blas_thread
def complexity(trade: pd.DataFrame, *, country: str = "country", product: str = "product",
               value: str = "export_value", convention: str = "py-ecomplexity", threshold: float = 1.0,
               presence: str = "rca") -> ComplexityResult:
    """ECI, PCI, proximity, density, distance, COI and COG for one period.

    ``trade``: tidy table (one row per country and product; columns named by ``country``,
    ``product``, ``value``) or a country x product matrix. ``presence="rca"``: M from Balassa
    RCA vs ``threshold``; ``presence="manual"``: the values are the binary M itself.

    Formulas (Hidalgo & Hausmann 2009; Atlas 2014, Technical Box 2.1):
    k_c0 = sum_p M_cp, k_p0 = sum_c M_cp; M~P_pp' = sum_c M_cp M_cp' / (k_c0 k_p0);
    K_p = eigenvector of the 2nd largest eigenvalue of M~P, K_c = (M / k_c0) K_p, signs so that
    corr(K_c, k_c0) > 0; ECI = (K_c - mean K_c) / s, PCI = (K_p - mean K_c) / s.
    phi_pp' = sum_c M_cp M_cp' / max(k_p0, k_p'0) (Hidalgo et al. 2007);
    density_cp = sum_p' M_cp' phi_pp' / sum_p' phi_pp', distance = 1 - density;
    COI_c = sum_p density_cp (1 - M_cp) K_p, then z-scored;
    COG_cp = (1 - M_cp) sum_p' (1 - M_cp') phi_p'p K_p' / sum_p'' phi_p'p'' / s
    (the Growth Lab software form; see :func:`opportunity_gain` for the Atlas book form).
    The convention sets >= vs >, the proximity diagonal and s (see module docstring).
    Steps: :func:`~.presence.presence`, :func:`~.eci.signed_eigenvectors`,
    :func:`~.proximities.proximity_array`, :func:`~.opportunities.density_array`, ``coi_array``, ``cog_array``.
    """
    conv = resolve_convention(convention)
    if presence not in ("rca", "manual"):
        raise IndicatorInputError(text("methods_msg_a.common.choice2", arg="presence", a="rca", b="manual",
                                       value=presence))
    check_threshold(threshold)
    step = _presence_step(trade, country, product, value, presence, threshold, conv["strict"])
    M = step.M
    check_size(*M.shape)
    d, u = M.sum(axis=1), M.sum(axis=0)
    lam, kc, kp = signed_eigenvectors(M, d, u)
    phi = proximity_array(M, conv["diagonal"])
    dens, rowsum = density_array(M, phi)
    coi = coi_array(dens, M, kp)
    cog = cog_array(M, phi, kp, rowsum)
    factor = sd_factor(*M.shape, conv["panel_sd"])
    eci, pci, s = standardise(kc, kp, factor)
    cidx, pidx = step.x.index, step.x.columns

    def cp(a: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(a, index=cidx, columns=pidx, copy=False)

    return ComplexityResult(
        eci=pd.Series(eci, index=cidx, name="eci"),
        pci=pd.Series(pci, index=pidx, name="pci"),
        diversity=pd.Series(d, index=cidx, name="diversity"),
        ubiquity=pd.Series(u, index=pidx, name="ubiquity"),
        rca=step.rca,
        M=cp(M),
        proximity=pd.DataFrame(phi, index=pidx, columns=pidx.rename(None), copy=False),
        density=cp(dens),
        distance=cp(1.0 - dens),
        coi=pd.Series(zscore(coi, factor), index=cidx, name="coi"),
        cog=cp(cog / s),
        eigenvalues=pd.Series(lam, name="eigenvalue"),
        convention=convention,
        threshold=float(threshold),
        eci_scale=s,
        dropped=step.dropped,
    )


def _presence_step(trade, country, product, value, method, threshold, strict):
    """The trade table as a matrix, then its presence (the ``presence`` argument shadows the step's name)."""
    return presence(trade_matrix(trade, country, product, value), method=method, threshold=threshold, strict=strict)
