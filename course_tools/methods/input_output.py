"""Input-output analysis: coefficients, Leontief and Ghosh inverses, multipliers, linkages, key sectors.

Each function is one formula of Miller & Blair (2009), *Input-Output Analysis: Foundations and
Extensions*, 2nd ed., Cambridge University Press (chapters 2, 6 and 12), written on labelled pandas
objects: a matrix is a ``DataFrame`` whose row and column labels are the sectors (or
``(region, sector)`` pairs in a multi-regional table), a vector is a ``Series`` with the same
labels. Results keep the labels, so ``leontief_inverse(A).loc["Agro", "Food"]`` reads as it should.
The style follows pymrio (``calc_A``, ``calc_L``, ``calc_B``, ``calc_G``): the formula *is* the
function.

Notation: ``Z`` intermediate transactions (row ``i`` sells to column ``j``), ``x`` total output,
``f`` final demand, ``A = Z x̂⁻¹`` technical coefficients, ``L = (I − A)⁻¹`` Leontief inverse,
``B = x̂⁻¹ Z`` allocation coefficients, ``G = (I − B)⁻¹`` Ghosh inverse.

Supply and use tables are turned into a symmetric table in :mod:`course_tools.methods.supply_use`;
value added in exports and GVC participation of a multi-regional table are in
:mod:`course_tools.methods.mrio`. The input checks at the top (:func:`square_matrix`,
:func:`sector_vector`, :func:`inverse_output`, :func:`check_productive`, :func:`identity_minus_inverse`)
serve both.
"""
from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, one_blas_thread

__all__ = [
    "technical_coefficients",
    "leontief_inverse",
    "leontief_output",
    "output_multipliers",
    "employment_multipliers",
    "income_multipliers",
    "allocation_coefficients",
    "ghosh_inverse",
    "chenery_watanabe",
    "linkages",
    "key_sectors",
]


# --------------------------------------------------------------------------------------------
# input checks and conversions
# --------------------------------------------------------------------------------------------
def square_matrix(m: pd.DataFrame | np.ndarray, what: str) -> pd.DataFrame:
    """``m`` as a float DataFrame with the same sectors on rows and columns, finite; a clear error otherwise."""
    if isinstance(m, np.ndarray):
        m = pd.DataFrame(m)
    if not isinstance(m, pd.DataFrame):
        raise IndicatorInputError(text("methods_msg_b.input_output.not_a_frame", what=what, type=type(m).__name__))
    if m.shape[0] != m.shape[1]:
        raise IndicatorInputError(text("methods_msg_b.input_output.not_square", what=what, rows=m.shape[0],
                                       cols=m.shape[1]))
    if not m.index.equals(m.columns):
        raise IndicatorInputError(text("methods_msg_b.input_output.labels_differ", what=what))
    a = m.to_numpy(dtype=float)
    if not np.isfinite(a).all():
        raise IndicatorInputError(text("methods_msg_b.input_output.matrix_nan", what=what,
                                       n=int((~np.isfinite(a)).sum())))
    return m.astype(float)


def sector_vector(v: pd.Series | np.ndarray | list, labels: pd.Index, what: str) -> pd.Series:
    """``v`` as a finite float Series on ``labels`` (a one-column DataFrame, array or list is accepted)."""
    if isinstance(v, pd.DataFrame):
        if v.shape[1] != 1:
            raise IndicatorInputError(text("methods_msg_b.input_output.one_column", what=what, n=v.shape[1]))
        v = v.iloc[:, 0]
    if not isinstance(v, pd.Series):
        arr = np.asarray(v, dtype=float).ravel()
        if arr.size != len(labels):
            raise IndicatorInputError(text("methods_msg_b.input_output.vector_length", what=what, n=arr.size,
                                           n_sectors=len(labels)))
        return pd.Series(arr, index=labels, name=what)
    missing = labels.difference(v.index)
    if len(missing):
        raise IndicatorInputError(text("methods_msg_b.input_output.vector_missing", what=what,
                                       missing=list(missing)[:5], more=" …" if len(missing) > 5 else ""))
    out = v.reindex(labels).astype(float)
    if not np.isfinite(out.to_numpy()).all():
        raise IndicatorInputError(text("methods_msg_b.input_output.vector_nan", what=what))
    return out


def inverse_output(x: pd.Series, Z: pd.DataFrame, axis: int, what: str) -> np.ndarray:
    """1/x, with 0 where x == 0 and the corresponding column (axis=0) or row (axis=1) of Z is empty."""
    xv = x.to_numpy(dtype=float)
    zero = xv == 0
    if zero.any():
        z = Z.to_numpy(dtype=float)
        flows = np.abs(z[:, zero]).sum(axis=0) if axis == 0 else np.abs(z[zero, :]).sum(axis=1)
        if (flows > 0).any():
            bad = x.index[zero][flows > 0][0]
            raise IndicatorInputError(text("methods_msg_b.input_output.zero_output_flows", what=what, sector=bad))
    if (xv < 0).any():
        raise IndicatorInputError(text("methods_msg_b.input_output.negative_output", what=what,
                                       sector=x.index[xv < 0][0]))
    with np.errstate(divide="ignore"):
        inv = np.where(zero, 0.0, 1.0 / np.where(zero, 1.0, xv))
    return inv


# --------------------------------------------------------------------------------------------
# demand-driven (Leontief) model
# --------------------------------------------------------------------------------------------
def technical_coefficients(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Technical (input) coefficients ``A = Z x̂⁻¹``, i.e. ``a_ij = z_ij / x_j``.

    ``a_ij`` is the value of input ``i`` bought per unit of output of sector ``j``. A sector with
    zero output and no flows gets a column of zeros (pymrio convention). Negative flows are kept
    with a warning (check them); NaN raises :class:`IndicatorInputError`.
    Reference: Leontief (1936), *Rev. Econ. Stat.* 18(3); Miller & Blair (2009) eq. 2.4.
    """
    Z = square_matrix(Z, "Z")
    x = sector_vector(x, Z.columns, "x")
    _warn_negative_flows(Z, "technical_coefficients")
    A = Z * inverse_output(x, Z, axis=0, what="technical_coefficients")[None, :]
    A.index.name, A.columns.name = Z.index.name, Z.columns.name
    return A


def _warn_negative_flows(Z: pd.DataFrame, what: str) -> None:
    neg = Z.to_numpy() < 0
    if neg.any():
        z = Z.to_numpy()
        r, c = np.argwhere(neg)[0]
        share = -z[neg].sum() / max(np.abs(z).sum(), np.finfo(float).tiny)
        warnings.warn(text("methods_msg_b.input_output.negative_flows", what=what, n=int(neg.sum()), row=Z.index[r],
                           col=Z.columns[c], value=z[r, c], share=share), UserWarning, stacklevel=3)


def check_productive(M: pd.DataFrame, axis: int, what: str) -> None:
    sums = M.sum(axis=axis)
    bad = sums[sums >= 1.0]
    if len(bad):
        side = text("methods_msg_b.input_output.side_column" if axis == 0 else "methods_msg_b.input_output.side_row")
        raise IndicatorInputError(text("methods_msg_b.input_output.not_productive", what=what, side=side,
                                       sector=bad.index[0], total=bad.iloc[0], n=len(bad)))


def identity_minus_inverse(M: pd.DataFrame, what: str) -> pd.DataFrame:
    n = M.shape[0]
    I_M = np.eye(n) - M.to_numpy()
    try:
        inv = np.linalg.inv(I_M)
        # condition number in the 1-norm, exact once the inverse is known (an SVD-based
        # np.linalg.cond would cost more than the inverse itself: 0.5 s for a 598-sector MRIO)
        cond = np.abs(I_M).sum(axis=0).max() * np.abs(inv).sum(axis=0).max()
        if not np.isfinite(cond) or cond > 1e12:
            raise np.linalg.LinAlgError
    except np.linalg.LinAlgError:
        raise IndicatorInputError(text("methods_msg_b.input_output.singular", what=what, letter=what[0])) from None
    out = pd.DataFrame(inv, index=M.index, columns=M.columns)
    return out


@one_blas_thread
def leontief_inverse(A: pd.DataFrame) -> pd.DataFrame:
    """Leontief inverse ``L = (I − A)⁻¹`` (total requirements matrix).

    ``l_ij`` = output of sector ``i`` needed, directly and indirectly, per unit of final demand
    for sector ``j``. Raises a clear error if a column of ``A`` sums to 1 or more (economy not
    productive, naming the sector) or if ``I − A`` is singular.
    Reference: Leontief (1936); Miller & Blair (2009) eq. 2.11.
    """
    A = square_matrix(A, "A")
    check_productive(A, axis=0, what="leontief_inverse")
    return identity_minus_inverse(A, "A (leontief_inverse)")


def leontief_output(L: pd.DataFrame, f: pd.Series) -> pd.Series:
    """Total output needed to deliver final demand ``f``: ``x = L f``.

    Reference: Miller & Blair (2009) eq. 2.11.
    """
    L = square_matrix(L, "L")
    f = sector_vector(f, L.columns, "f")
    return pd.Series(L.to_numpy() @ f.to_numpy(), index=L.index, name="x")


def output_multipliers(L: pd.DataFrame) -> pd.Series:
    """Simple output multipliers ``m_j = Σ_i l_ij`` (column sums of ``L``).

    Total output of the whole economy generated by one more unit of final demand for sector ``j``.
    Reference: Miller & Blair (2009) §6.2.1.
    """
    L = square_matrix(L, "L")
    return L.sum(axis=0).rename("output_multiplier")


def _factor_multipliers(L: pd.DataFrame, factor: pd.Series, x: pd.Series, what: str) -> pd.DataFrame:
    """Multipliers of ``factor`` (the argument named ``what``: ``"jobs"`` or ``"wages"``)."""
    L = square_matrix(L, "L")
    factor = sector_vector(factor, L.columns, what)
    x = sector_vector(x, L.columns, "x")
    if (x <= 0).any():
        raise IndicatorInputError(text("methods_msg_b.input_output.multipliers_output",
                                       factor=text("methods_msg_b.input_output.factor_" + what),
                                       sector=x.index[x <= 0][0]))
    if (factor < 0).any():
        raise IndicatorInputError(text("methods_msg_b.input_output.factor_negative", what=what,
                                       sector=factor.index[factor < 0][0], value=factor[factor < 0].iloc[0]))
    coef = factor / x
    simple = pd.Series(coef.to_numpy() @ L.to_numpy(), index=L.columns)
    with np.errstate(divide="ignore", invalid="ignore"):
        type1 = simple / coef.where(coef != 0)
    return pd.DataFrame({"coefficient": coef, "simple": simple, "type_I": type1})


def employment_multipliers(L: pd.DataFrame, jobs: pd.Series, x: pd.Series) -> pd.DataFrame:
    """Employment multipliers: ``ℓ_j = jobs_j / x_j``; simple ``(ℓ L)_j``; type I ``(ℓ L)_j / ℓ_j``.

    Columns: ``coefficient`` (jobs per unit of output), ``simple`` (jobs in the whole economy per
    unit of final demand for ``j``), ``type_I`` (total jobs per direct job in ``j``; NaN if ``j``
    has no jobs). Reference: Miller & Blair (2009) §6.2.3 (eqs. 6.13-6.15).
    """
    return _factor_multipliers(L, jobs, x, "jobs")


def income_multipliers(L: pd.DataFrame, wages: pd.Series, x: pd.Series) -> pd.DataFrame:
    """Household-income multipliers: ``h_j = wages_j / x_j``; simple ``(h L)_j``; type I ``(h L)_j / h_j``.

    Same columns as :func:`employment_multipliers`. Type II (households endogenous) is not computed.
    Reference: Miller & Blair (2009) §6.2.2 (eqs. 6.7-6.9).
    """
    return _factor_multipliers(L, wages, x, "wages")


# --------------------------------------------------------------------------------------------
# supply-driven (Ghosh) model
# --------------------------------------------------------------------------------------------
def allocation_coefficients(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Allocation (output) coefficients ``B = x̂⁻¹ Z``, i.e. ``b_ij = z_ij / x_i``.

    Share of the output of sector ``i`` sold as intermediate input to sector ``j``.
    Reference: Ghosh (1958), *Economica* 25(97); Miller & Blair (2009) eq. 12.1.
    """
    Z = square_matrix(Z, "Z")
    x = sector_vector(x, Z.index, "x")
    _warn_negative_flows(Z, "allocation_coefficients")
    B = Z * inverse_output(x, Z, axis=1, what="allocation_coefficients")[:, None]
    B.index.name, B.columns.name = Z.index.name, Z.columns.name
    return B


@one_blas_thread
def ghosh_inverse(B: pd.DataFrame) -> pd.DataFrame:
    """Ghosh inverse ``G = (I − B)⁻¹`` (equal to ``x̂⁻¹ L x̂``).

    ``g_ij`` = output of ``j`` made possible by one more unit of primary input in ``i``; its row
    sums are the forward linkages (and, in a closed economy, Antràs et al. 2012 upstreamness).
    Raises a clear error if a row of ``B`` sums to 1 or more or ``I − B`` is singular.
    Reference: Ghosh (1958); Miller & Blair (2009) eq. 12.6.
    """
    B = square_matrix(B, "B")
    check_productive(B, axis=1, what="ghosh_inverse")
    return identity_minus_inverse(B, "B (ghosh_inverse)")


def chenery_watanabe(Z: pd.DataFrame, x: pd.Series) -> pd.DataFrame:
    """Chenery-Watanabe (1958) direct linkages: ``u_j = Σ_i z_ij / x_j``, ``w_i = Σ_j z_ij / x_i``.

    ``u`` (backward) is the share of intermediate inputs in the output of ``j``; ``w`` (forward)
    the share of the output of ``i`` sold as intermediate input (``x_i = Σ_j z_ij + f_i``).
    Reference: Chenery & Watanabe (1958), *Econometrica* 26(4).
    """
    A = technical_coefficients(Z, x)
    B = allocation_coefficients(Z, x)
    return pd.DataFrame({"u_backward": A.sum(axis=0), "w_forward": B.sum(axis=1)})


def _dispersion(M: pd.DataFrame, axis: int) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(raw sums, normalised index, coefficient of variation) along columns (axis=0) or rows (axis=1)."""
    n = M.shape[0]
    raw = M.sum(axis=axis)
    norm = raw / raw.mean()
    a = M.to_numpy()
    vecs = a if axis == 0 else a.T  # vecs[:, k] is the k-th column (axis=0) or row (axis=1)
    mean = vecs.mean(axis=0)
    sd = vecs.std(axis=0, ddof=1) if n > 1 else np.zeros(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = pd.Series(np.where(mean != 0, sd / mean, np.nan), index=raw.index)
    return raw, norm, cv


def linkages(L: pd.DataFrame | None = None, G: pd.DataFrame | None = None, *,
             forward: Literal["ghosh", "leontief"] = "ghosh", kind: Literal["total", "direct"] = "total",
             A: pd.DataFrame | None = None, B: pd.DataFrame | None = None) -> pd.DataFrame:
    """Backward and forward linkage indices (Rasmussen 1956; Hirschman 1958), normalised to mean 1.

    Total (``kind="total"``):
      backward ``BL_j = (1/n Σ_i l_ij) / (1/n² Σ_ij l_ij)`` — Rasmussen's *power of dispersion*;
      forward, ``forward="ghosh"`` (default, recommended by Miller & Blair 2009 §12.2 and the
      supply-side literature): ``FL_i = (1/n Σ_j g_ij) / (1/n² Σ_ij g_ij)``;
      ``forward="leontief"``: the same on the rows of ``L`` — Rasmussen's *sensitivity of
      dispersion* (criticised because it measures a uniform rise of all final demands).
    Direct (``kind="direct"``): the same normalisation on the column sums of ``A`` (backward) and the
    row sums of ``B`` (forward, ``"ghosh"``) or of ``A`` (``"leontief"``).

    Returns a DataFrame indexed by sector with ``backward``, ``forward`` (normalised),
    ``backward_sum``, ``forward_sum`` (raw sums) and ``cv_backward``, ``cv_forward``: Rasmussen's
    coefficient of variation ``V_j = sd_i(m_ij) / mean_i(m_ij)`` (sample sd, n−1) of the column
    (row) used; a high V means the linkage rests on few sectors.
    References: Rasmussen (1956) *Studies in Inter-Sectoral Relations*; Hirschman (1958) *The
    Strategy of Economic Development*; Ghosh (1958); Miller & Blair (2009) §12.2.
    """
    if forward not in ("ghosh", "leontief"):
        raise IndicatorInputError(text("methods_msg_a.common.choice2", arg="forward", a="ghosh", b="leontief",
                                       value=forward))
    if kind not in ("total", "direct"):
        raise IndicatorInputError(text("methods_msg_a.common.choice2", arg="kind", a="total", b="direct", value=kind))
    given = {"L": L, "G": G, "A": A, "B": B}

    def needed(name: str) -> pd.DataFrame:
        if given[name] is None:
            raise IndicatorInputError(text(f"methods_msg_b.input_output.linkages_need_{name}"))
        return square_matrix(given[name], name)

    back_name, fwd_name = ("L", "G") if kind == "total" else ("A", "B")
    back_m = needed(back_name)
    fwd_m = needed(fwd_name) if forward == "ghosh" else back_m
    if not fwd_m.index.equals(back_m.index):
        raise IndicatorInputError(text("methods_msg_b.input_output.linkages_labels"))
    b_raw, b_norm, b_cv = _dispersion(back_m, axis=0)
    f_raw, f_norm, f_cv = _dispersion(fwd_m, axis=1)
    out = pd.DataFrame({
        "backward": b_norm, "forward": f_norm.reindex(b_norm.index),
        "backward_sum": b_raw, "forward_sum": f_raw.reindex(b_norm.index),
        "cv_backward": b_cv, "cv_forward": f_cv.reindex(b_norm.index),
    })
    out.index.name = back_m.columns.name or "sector"
    return out


_KEY_LABELS = {
    (True, True): ("key", "clave"),
    (True, False): ("backward-oriented", "impulsor"),
    (False, True): ("forward-oriented", "estratégico (base)"),
    (False, False): ("independent", "independiente"),
}


def key_sectors(linkages_df: pd.DataFrame, threshold: float = 1.0, *, backward: str = "backward",
                forward: str = "forward") -> pd.DataFrame:
    """Classify sectors in the four Rasmussen-Hirschman quadrants (strictly above ``threshold``).

    ============  ============  ==================  ==========================
    backward      forward       ``type``            ``tipo``
    ============  ============  ==================  ==========================
    > threshold   > threshold   key                 clave
    > threshold   <= threshold  backward-oriented   impulsor
    <= threshold  > threshold   forward-oriented    estratégico (base)
    <= threshold  <= threshold  independent         independiente
    ============  ============  ==================  ==========================

    Note the homonym: in LAC input-output studies "sectores estratégicos" (or "base") are those
    with a high *forward* linkage only, which is not the meaning of SELA's "sectores estratégicos"
    (sectors prioritised by policy). Say which one you mean. ``cran/ioanalysis`` numbers the same
    quadrants I (independent), II (forward), III (key), IV (backward).
    Reference: Rasmussen (1956); Hirschman (1958); Miller & Blair (2009) §12.2.
    """
    for c in (backward, forward):
        if c not in linkages_df.columns:
            raise IndicatorInputError(text("methods_msg_b.input_output.key_sectors_column", column=c,
                                           columns=list(linkages_df.columns)))
    out = linkages_df.copy()
    hb = out[backward].to_numpy() > threshold
    hf = out[forward].to_numpy() > threshold
    out["type"] = [_KEY_LABELS[(b, f)][0] for b, f in zip(hb, hf)]
    out["tipo"] = [_KEY_LABELS[(b, f)][1] for b, f in zip(hb, hf)]
    return out
