"""ECI and PCI: the method of reflections and its limit, the eigenvector of M~P.

k_c0 = sum_p M_cp (diversity), k_p0 = sum_c M_cp (ubiquity); M~P_pp' = sum_c M_cp M_cp' / (k_c0 k_p0);
K_p = eigenvector of the 2nd largest eigenvalue of M~P, K_c = (M / k_c0) K_p, signs so that
corr(K_c, k_c0) > 0; ECI = (K_c - mean K_c) / s, PCI = (K_p - mean K_c) / s, with s the sd of K_c
over countries (py-ecomplexity) or over the long Nc x Np panel with n - 1 (Stata).
References: Hidalgo & Hausmann (2009) PNAS 106(26); Hausmann, Hidalgo et al. (2014) *The Atlas of
Economic Complexity*, Technical Box 2.1.
"""
from __future__ import annotations

import math
import warnings
from typing import NamedTuple

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, check_finite_nonnegative, one_blas_thread
from course_tools.methods.complexity.presence import presence, resolve_convention

__all__ = ["ComplexityIndices", "eci_pci", "Reflections", "reflections"]


# --------------------------------------------------------------------------------------------
# the eigenvector (numpy arrays: M binary, no empty rows/columns)
# --------------------------------------------------------------------------------------------
def eigen(M: np.ndarray, d: np.ndarray, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues of M~P (descending, length Np) and the eigenvector K_p of the 2nd one.

    M~P = U^-1 M' D^-1 M is similar to S = A'A with A = D^-1/2 M U^-1/2 (symmetric, real
    spectrum). The non-zero eigenvalues of A'A and AA' coincide, so we diagonalise the smaller
    of the two with ``numpy.linalg.eigh`` and map back: v = A'w / sqrt(lambda), K_p = U^-1/2 v.
    """
    A = M / np.sqrt(d)[:, None] / np.sqrt(u)[None, :]
    nc, n_p = A.shape
    if n_p <= nc:
        lam, V = np.linalg.eigh(A.T @ A)
        order = np.argsort(lam)[::-1]
        lam, v2 = lam[order], V[:, order[1]]
    else:
        lam, W = np.linalg.eigh(A @ A.T)
        order = np.argsort(lam)[::-1]
        lam = lam[order]
        v2 = A.T @ W[:, order[1]]
        v2 /= np.linalg.norm(v2)
        lam = np.concatenate([lam, np.zeros(n_p - nc)])
    lam = np.clip(lam, 0.0, None)
    return lam, v2 / np.sqrt(u)


def _warn_if_not_unique(lam: np.ndarray) -> None:
    """Warn when the ECI eigenvector is not defined uniquely (disconnected network, equal eigenvalues)."""
    if lam[1] > 1 - 1e-9:
        warnings.warn(text("methods_msg_c.complexity.disconnected"), stacklevel=4)
    elif len(lam) > 2 and lam[1] - lam[2] < 1e-9:
        warnings.warn(text("methods_msg_c.complexity.equal_eigenvalues", value=lam[1]), stacklevel=4)


def signed_eigenvectors(M: np.ndarray, d: np.ndarray, u: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(eigenvalues, K_c, K_p) with the sign that makes K_c correlate positively with diversity."""
    lam, kp = eigen(M, d, u)
    _warn_if_not_unique(lam)
    kc = (M / d[:, None]) @ kp
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(d, kc)[0, 1]
    if np.isfinite(corr) and corr < 0:
        kp, kc = -kp, -kc
    return lam, kc, kp


def sd_factor(n_countries: int, n_products: int, panel_sd: bool) -> float:
    """sqrt(N / (N - 1)) with N = Nc x Np for Stata's sd over the long panel; 1 for py-ecomplexity."""
    n_panel = n_countries * n_products
    return math.sqrt(n_panel / (n_panel - 1)) if panel_sd else 1.0


def standardise(kc: np.ndarray, kp: np.ndarray, factor: float) -> tuple[np.ndarray, np.ndarray, float]:
    """(ECI, PCI, s): both standardised with the mean and sd (times ``factor``) of K_c over countries."""
    s = kc.std() * factor
    mu = kc.mean()
    return (kc - mu) / s, (kp - mu) / s, float(s)


def check_size(n_countries: int, n_products: int) -> None:
    """Complexity compares countries: at least 2 countries and 2 products are needed."""
    if n_countries < 2 or n_products < 2:
        raise IndicatorInputError(text("methods_msg_c.complexity.size", n_countries=n_countries, n_products=n_products))


# --------------------------------------------------------------------------------------------
# ECI and PCI on their own
# --------------------------------------------------------------------------------------------
class ComplexityIndices(NamedTuple):
    """Output of :func:`eci_pci`: standardised ECI and PCI, the raw eigenvectors K_c and K_p, eigenvalues, s."""

    eci: pd.Series
    pci: pd.Series
    kc: pd.Series
    kp: pd.Series
    eigenvalues: pd.Series
    scale: float


@one_blas_thread
def eci_pci(M: pd.DataFrame, *, convention: str = "py-ecomplexity") -> ComplexityIndices:
    """ECI and PCI of a binary presence matrix M (countries x products), e.g. :func:`presence_matrix`.

    Same numbers as :func:`~course_tools.methods.complexity.complexity` for the same M (formulas in
    the module docstring); ``convention`` sets s. Countries and products with no presence are
    dropped with a warning. ``kp`` (the raw eigenvector, before standardisation) and ``scale`` (s)
    are what :func:`~course_tools.methods.complexity.cog` and :func:`~course_tools.methods.complexity.coi` need.
    """
    conv = resolve_convention(convention)
    if not isinstance(M, pd.DataFrame):
        raise IndicatorInputError(text("methods_msg_c.complexity.m_not_a_frame", type=type(M).__name__))
    p = presence(M.astype(float), method="manual")
    a = p.M
    check_size(*a.shape)
    d, u = a.sum(axis=1), a.sum(axis=0)
    lam, kc, kp = signed_eigenvectors(a, d, u)
    eci, pci, s = standardise(kc, kp, sd_factor(*a.shape, conv["panel_sd"]))
    cidx, pidx = p.x.index, p.x.columns
    return ComplexityIndices(
        eci=pd.Series(eci, index=cidx, name="eci"), pci=pd.Series(pci, index=pidx, name="pci"),
        kc=pd.Series(kc, index=cidx, name="kc"), kp=pd.Series(kp, index=pidx, name="kp"),
        eigenvalues=pd.Series(lam, name="eigenvalue"), scale=s,
    )


# --------------------------------------------------------------------------------------------
# the method of reflections
# --------------------------------------------------------------------------------------------
class Reflections(NamedTuple):
    """Output of :func:`reflections`: one column per order n = 0..iterations."""

    kc: pd.DataFrame  # k_{c,n}, countries x n
    kp: pd.DataFrame  # k_{p,n}, products x n


def reflections(M: pd.DataFrame, iterations: int = 20) -> Reflections:
    """Method of reflections (Hidalgo & Hausmann 2009), for teaching.

    k_c0 = diversity, k_p0 = ubiquity; k_cN = (1/k_c0) sum_p M_cp k_p,N-1 and
    k_pN = (1/k_p0) sum_c M_cp k_c,N-1. Even k_c,2n and odd k_p,2n+1 increase with complexity;
    the raw values converge to a constant, their standardised values to the ECI/PCI eigenvectors
    (slowly when the 2nd and 3rd eigenvalues are close): use :func:`complexity` for results.
    """
    if not isinstance(M, pd.DataFrame):
        M = pd.DataFrame(np.asarray(M, dtype=float))
    a = M.to_numpy(dtype=float)
    check_finite_nonnegative(a, "M")
    if not np.isin(np.unique(a), [0.0, 1.0]).all():
        raise IndicatorInputError(text("methods_msg_c.complexity.reflections_binary"))
    if not (isinstance(iterations, int) and iterations >= 1):
        raise IndicatorInputError(text("methods_msg_c.complexity.iterations", iterations=iterations))
    d, u = a.sum(axis=1), a.sum(axis=0)
    if (d == 0).any() or (u == 0).any():
        raise IndicatorInputError(text("methods_msg_c.complexity.reflections_empty"))
    kc = np.empty((a.shape[0], iterations + 1))
    kp = np.empty((a.shape[1], iterations + 1))
    kc[:, 0], kp[:, 0] = d, u
    for n in range(1, iterations + 1):
        kc[:, n] = (a @ kp[:, n - 1]) / d
        kp[:, n] = (a.T @ kc[:, n - 1]) / u
    cols = pd.RangeIndex(iterations + 1, name="n")
    return Reflections(
        pd.DataFrame(kc, index=M.index, columns=cols), pd.DataFrame(kp, index=M.columns, columns=cols)
    )
