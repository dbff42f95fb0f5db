"""Where a country can go next: density, distance, complexity outlook (COI) and outlook gain (COG).

density_cp = sum_p' M_cp' phi_pp' / sum_p' phi_pp' (Hidalgo et al. 2007), distance = 1 - density;
COI_c = sum_p density_cp (1 - M_cp) K_p, then z-scored;
COG_cp = (1 - M_cp) sum_p' (1 - M_cp') phi_p'p K_p' / sum_p'' phi_p'p'' / s (the Growth Lab software
form, with the raw eigenvector K_p and the ECI scale s); :func:`opportunity_gain` gives the form of
the Atlas book (Hausmann, Hidalgo et al. 2014, Technical Box 5.4).

Each indicator can be computed on its own from a binary M (:func:`presence_matrix`) and the
proximity (:func:`proximity`, presence="manual" on the same M), e.g. ``density(M, proximity(M,
presence="manual"))``; COI and COG also need K_p and s (:func:`eci_pci`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, one_blas_thread
from course_tools.methods.complexity.eci import sd_factor
from course_tools.methods.complexity.presence import check_binary, resolve_convention

if TYPE_CHECKING:  # pragma: no cover
    from course_tools.methods.complexity.result import ComplexityResult

__all__ = ["density", "distance", "coi", "cog", "opportunity_gain"]


# --------------------------------------------------------------------------------------------
# on numpy arrays (M binary, phi its proximity, kp the raw eigenvector)
# --------------------------------------------------------------------------------------------
def density_array(M: np.ndarray, phi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(density, row sums of phi): phi is symmetric, so sum_p' M_cp' phi_pp' / sum_p' phi_pp' = (M phi) / rowsum."""
    rowsum = phi.sum(axis=1)
    return (M @ phi) / rowsum[None, :], rowsum


def coi_array(density: np.ndarray, M: np.ndarray, kp: np.ndarray) -> np.ndarray:
    """Raw COI_c = sum_p density_cp (1 - M_cp) K_p (before the z-score)."""
    return ((density * (1.0 - M)) * kp[None, :]).sum(axis=1)


def cog_array(M: np.ndarray, phi: np.ndarray, kp: np.ndarray, rowsum: np.ndarray) -> np.ndarray:
    """Raw COG_cp = (1 - M_cp) sum_p' (1 - M_cp') phi_p'p K_p' / sum_p'' phi_p'p'' (before dividing by s)."""
    notM = 1.0 - M
    return notM * ((notM * (kp / rowsum)[None, :]) @ phi)


def zscore(values: np.ndarray, factor: float) -> np.ndarray:
    """(v - mean v) / (sd v x factor); all zeros when the sd is 0."""
    sd = values.std() * factor
    return (values - values.mean()) / sd if sd > 0 else np.zeros_like(values)


# --------------------------------------------------------------------------------------------
# labelled, each on its own
# --------------------------------------------------------------------------------------------
def _aligned(M: pd.DataFrame, proximity: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """M and phi as arrays over the products of M, in the same order; clear errors otherwise."""
    if not isinstance(M, pd.DataFrame) or not isinstance(proximity, pd.DataFrame):
        raise IndicatorInputError(text("methods_msg_c.complexity.m_phi_frames"))
    a = M.to_numpy(dtype=float)
    check_binary(a, "M")
    missing = M.columns.difference(proximity.index).union(M.columns.difference(proximity.columns))
    if len(missing):
        raise IndicatorInputError(text("methods_msg_c.complexity.phi_missing", n=len(missing), eg=list(missing[:5])))
    phi = proximity.loc[M.columns, M.columns].to_numpy(dtype=float)
    return a, phi


def _kp(kp: pd.Series, M: pd.DataFrame) -> np.ndarray:
    missing = M.columns.difference(kp.index)
    if len(missing):
        raise IndicatorInputError(text("methods_msg_c.complexity.kp_missing", n=len(missing), eg=list(missing[:5])))
    return kp.reindex(M.columns).to_numpy(dtype=float)


@one_blas_thread
def density(M: pd.DataFrame, proximity: pd.DataFrame) -> pd.DataFrame:
    """density_cp = sum_p' M_cp' phi_pp' / sum_p' phi_pp' (Hidalgo et al. 2007): countries x products."""
    a, phi = _aligned(M, proximity)
    return pd.DataFrame(density_array(a, phi)[0], index=M.index, columns=M.columns)


def distance(M: pd.DataFrame, proximity: pd.DataFrame) -> pd.DataFrame:
    """distance_cp = 1 - density_cp (Hausmann, Hidalgo et al. 2014, *Atlas*): countries x products."""
    return 1.0 - density(M, proximity)


@one_blas_thread
def coi(M: pd.DataFrame, proximity: pd.DataFrame, kp: pd.Series, *, convention: str = "py-ecomplexity") -> pd.Series:
    """Complexity outlook index COI_c = sum_p density_cp (1 - M_cp) K_p, z-scored (sd as ``convention``).

    ``kp``: the raw eigenvector K_p by product (:func:`eci_pci`\\ ``(M).kp``).
    """
    a, phi = _aligned(M, proximity)
    dens, _ = density_array(a, phi)
    factor = sd_factor(*a.shape, resolve_convention(convention)["panel_sd"])
    return pd.Series(zscore(coi_array(dens, a, _kp(kp, M)), factor), index=M.index, name="coi")


@one_blas_thread
def cog(M: pd.DataFrame, proximity: pd.DataFrame, kp: pd.Series, scale: float = 1.0) -> pd.DataFrame:
    """Complexity outlook gain COG_cp = (1 - M_cp) sum_p' (1 - M_cp') phi_p'p K_p' / sum_p'' phi_p'p'' / s.

    The Growth Lab software form (Stata ``ecomplexity``, py-ecomplexity). ``kp`` and ``scale`` (s):
    :func:`eci_pci`\\ ``(M).kp`` and ``.scale``. 0 where the country already has the product.
    """
    a, phi = _aligned(M, proximity)
    rowsum = phi.sum(axis=1)
    return pd.DataFrame(cog_array(a, phi, _kp(kp, M), rowsum) / scale, index=M.index, columns=M.columns)


@one_blas_thread
def opportunity_gain(result: ComplexityResult) -> pd.DataFrame:
    """Opportunity (complexity outlook) gain in the form of the Atlas book (Technical Box 5.4).

    OG_cp = [sum_p' phi_pp' / (sum_p'' phi_p''p') (1 - M_cp') PCI_p' - (1 - d_cp) PCI_p] (1 - M_cp)

    i.e. the change in COI when the country starts exporting p: the gain in density of the
    products it does not have, minus the product's own term. It differs from ``result.cog``
    (Stata / py-ecomplexity: no second term, raw PCI, divided by sd(ECI)). Uses the
    convention's proximity (diagonal) and the standardised PCI of ``result``.
    """
    phi = result.proximity.to_numpy()
    M = result.M.to_numpy()
    pci = result.pci.to_numpy()
    colsum = phi.sum(axis=0)
    notM = 1.0 - M
    first = (notM * (pci / colsum)[None, :]) @ phi.T
    og = notM * (first - result.density.to_numpy() * pci[None, :])
    return pd.DataFrame(og, index=result.M.index, columns=result.M.columns)
