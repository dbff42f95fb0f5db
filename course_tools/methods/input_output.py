"""Input-output analysis: coefficients, Leontief and Ghosh inverses, multipliers, linkages, MRIO.

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
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

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
    "SymmetricTable",
    "supply_use_to_symmetric",
    "mrio_gross_exports",
    "value_added_in_exports",
    "gvc_participation",
]


# --------------------------------------------------------------------------------------------
# input checks and conversions
# --------------------------------------------------------------------------------------------
def _as_square(m: pd.DataFrame | np.ndarray, what: str) -> pd.DataFrame:
    if isinstance(m, np.ndarray):
        m = pd.DataFrame(m)
    if not isinstance(m, pd.DataFrame):
        raise IndicatorInputError(f"{what} must be a pandas DataFrame (sectors × sectors), got {type(m).__name__}")
    if m.shape[0] != m.shape[1]:
        raise IndicatorInputError(
            f"{what} must be square (sectors × sectors); it is {m.shape[0]} × {m.shape[1]}. "
            f"Keep only the intermediate block (no totals, final demand or value-added rows)."
        )
    if not m.index.equals(m.columns):
        raise IndicatorInputError(
            f"{what}: row and column labels differ (same sectors in the same order are needed). "
            f"Fix with {what}.loc[sectors, sectors] for one list of sectors."
        )
    a = m.to_numpy(dtype=float)
    if not np.isfinite(a).all():
        raise IndicatorInputError(f"{what} has {int((~np.isfinite(a)).sum())} NaN/inf value(s); fill them with 0 first")
    return m.astype(float)


def _as_vector(v: pd.Series | np.ndarray | list, labels: pd.Index, what: str) -> pd.Series:
    if isinstance(v, pd.DataFrame):
        if v.shape[1] != 1:
            raise IndicatorInputError(f"{what} must be one column (a Series); it has {v.shape[1]} columns")
        v = v.iloc[:, 0]
    if not isinstance(v, pd.Series):
        arr = np.asarray(v, dtype=float).ravel()
        if arr.size != len(labels):
            raise IndicatorInputError(f"{what} has {arr.size} values but there are {len(labels)} sectors")
        return pd.Series(arr, index=labels, name=what)
    missing = labels.difference(v.index)
    if len(missing):
        raise IndicatorInputError(
            f"{what} has no value for sector(s) {list(missing)[:5]}{' …' if len(missing) > 5 else ''}; "
            f"its labels must match the matrix labels"
        )
    out = v.reindex(labels).astype(float)
    if not np.isfinite(out.to_numpy()).all():
        raise IndicatorInputError(f"{what} has NaN/inf values; fill or drop those sectors first")
    return out


def _safe_inverse_diag(x: pd.Series, Z: pd.DataFrame, axis: int, what: str) -> np.ndarray:
    """1/x, with 0 where x == 0 and the corresponding column (axis=0) or row (axis=1) of Z is empty."""
    xv = x.to_numpy(dtype=float)
    zero = xv == 0
    if zero.any():
        z = Z.to_numpy(dtype=float)
        flows = np.abs(z[:, zero]).sum(axis=0) if axis == 0 else np.abs(z[zero, :]).sum(axis=1)
        if (flows > 0).any():
            bad = x.index[zero][flows > 0][0]
            raise IndicatorInputError(
                f"{what}: sector {bad!r} has output x = 0 but non-zero intermediate flows; "
                f"check the output vector (it should be the 'total output' row/column of the table)"
            )
    if (xv < 0).any():
        raise IndicatorInputError(f"{what}: negative total output for sector {x.index[xv < 0][0]!r}")
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
    Z = _as_square(Z, "Z")
    x = _as_vector(x, Z.columns, "x")
    _warn_negative_flows(Z, "technical_coefficients")
    A = Z * _safe_inverse_diag(x, Z, axis=0, what="technical_coefficients")[None, :]
    A.index.name, A.columns.name = Z.index.name, Z.columns.name
    return A


def _warn_negative_flows(Z: pd.DataFrame, what: str) -> None:
    neg = Z.to_numpy() < 0
    if neg.any():
        z = Z.to_numpy()
        r, c = np.argwhere(neg)[0]
        share = -z[neg].sum() / max(np.abs(z).sum(), np.finfo(float).tiny)
        warnings.warn(
            f"{what}: Z has {int(neg.sum())} negative intermediate flow(s) (first: {Z.index[r]!r} -> "
            f"{Z.columns[c]!r} = {z[r, c]:.4g}; all negatives = {share:.4%} of the absolute flows). "
            f"They are kept; a tiny one is usually a balancing adjustment of the statistical office, "
            f"a large one a sign error to fix before reading the multipliers",
            UserWarning, stacklevel=3,
        )


def _productivity_check(M: pd.DataFrame, axis: int, what: str) -> None:
    sums = M.sum(axis=axis)
    bad = sums[sums >= 1.0]
    if len(bad):
        side = "column" if axis == 0 else "row"
        raise IndicatorInputError(
            f"{what}: the {side} sum of sector {bad.index[0]!r} is {bad.iloc[0]:.4f} >= 1, so this sector "
            f"uses at least one unit of intermediate inputs per unit of output and the economy is not "
            f"productive (Hawkins-Simon). Usually a units or total-output error: x must be total output "
            f"(intermediate + final demand), in the same units as Z. {len(bad)} sector(s) affected."
        )


def _inverse(M: pd.DataFrame, what: str) -> pd.DataFrame:
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
        raise IndicatorInputError(
            f"{what}: I − {what[0]} is singular (or nearly so), so the inverse does not exist. A sector "
            f"buys (or sells) everything from itself and the rest of the system with nothing left for "
            f"primary inputs/final demand; check for a sector whose coefficients sum to 1 or a "
            f"duplicated sector."
        ) from None
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
    A = _as_square(A, "A")
    _productivity_check(A, axis=0, what="leontief_inverse")
    return _inverse(A, "A (leontief_inverse)")


def leontief_output(L: pd.DataFrame, f: pd.Series) -> pd.Series:
    """Total output needed to deliver final demand ``f``: ``x = L f``.

    Reference: Miller & Blair (2009) eq. 2.11.
    """
    L = _as_square(L, "L")
    f = _as_vector(f, L.columns, "f")
    return pd.Series(L.to_numpy() @ f.to_numpy(), index=L.index, name="x")


def output_multipliers(L: pd.DataFrame) -> pd.Series:
    """Simple output multipliers ``m_j = Σ_i l_ij`` (column sums of ``L``).

    Total output of the whole economy generated by one more unit of final demand for sector ``j``.
    Reference: Miller & Blair (2009) §6.2.1.
    """
    L = _as_square(L, "L")
    return L.sum(axis=0).rename("output_multiplier")


def _factor_multipliers(L: pd.DataFrame, factor: pd.Series, x: pd.Series, what: str) -> pd.DataFrame:
    L = _as_square(L, "L")
    factor = _as_vector(factor, L.columns, what)
    x = _as_vector(x, L.columns, "x")
    if (x <= 0).any():
        raise IndicatorInputError(f"{what} multipliers need positive output x; sector {x.index[x <= 0][0]!r} has x <= 0")
    if (factor < 0).any():
        raise IndicatorInputError(
            f"{what} cannot be negative; sector {factor.index[factor < 0][0]!r} has {factor[factor < 0].iloc[0]:g}. "
            f"Check the satellite account (jobs or compensation of employees by sector)"
        )
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
    Z = _as_square(Z, "Z")
    x = _as_vector(x, Z.index, "x")
    _warn_negative_flows(Z, "allocation_coefficients")
    B = Z * _safe_inverse_diag(x, Z, axis=1, what="allocation_coefficients")[:, None]
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
    B = _as_square(B, "B")
    _productivity_check(B, axis=1, what="ghosh_inverse")
    return _inverse(B, "B (ghosh_inverse)")


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


def linkages(
    L: pd.DataFrame | None = None,
    G: pd.DataFrame | None = None,
    *,
    forward: Literal["ghosh", "leontief"] = "ghosh",
    kind: Literal["total", "direct"] = "total",
    A: pd.DataFrame | None = None,
    B: pd.DataFrame | None = None,
) -> pd.DataFrame:
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
        raise IndicatorInputError(f"forward must be 'ghosh' or 'leontief', got {forward!r}")
    if kind not in ("total", "direct"):
        raise IndicatorInputError(f"kind must be 'total' or 'direct', got {kind!r}")
    if kind == "total":
        if L is None:
            raise IndicatorInputError("linkages(kind='total') needs L = leontief_inverse(A)")
        back_m = _as_square(L, "L")
        if forward == "ghosh":
            if G is None:
                raise IndicatorInputError(
                    "linkages(forward='ghosh') needs G = ghosh_inverse(allocation_coefficients(Z, x)); "
                    "or pass forward='leontief' to use the rows of L (Rasmussen's sensitivity of dispersion)"
                )
            fwd_m = _as_square(G, "G")
        else:
            fwd_m = back_m
    else:
        if A is None:
            raise IndicatorInputError("linkages(kind='direct') needs A = technical_coefficients(Z, x)")
        back_m = _as_square(A, "A")
        if forward == "ghosh":
            if B is None:
                raise IndicatorInputError("linkages(kind='direct', forward='ghosh') needs B = allocation_coefficients(Z, x)")
            fwd_m = _as_square(B, "B")
        else:
            fwd_m = back_m
    if not fwd_m.index.equals(back_m.index):
        raise IndicatorInputError("the backward and forward matrices have different sector labels")
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


def key_sectors(
    linkages_df: pd.DataFrame,
    threshold: float = 1.0,
    *,
    backward: str = "backward",
    forward: str = "forward",
) -> pd.DataFrame:
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
            raise IndicatorInputError(
                f"column {c!r} not in the table (it has {list(linkages_df.columns)}); pass the output "
                f"of linkages() or name the columns with backward=..., forward=..."
            )
    out = linkages_df.copy()
    hb = out[backward].to_numpy() > threshold
    hf = out[forward].to_numpy() > threshold
    out["type"] = [_KEY_LABELS[(b, f)][0] for b, f in zip(hb, hf)]
    out["tipo"] = [_KEY_LABELS[(b, f)][1] for b, f in zip(hb, hf)]
    return out


# --------------------------------------------------------------------------------------------
# supply and use tables -> symmetric input-output table
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SymmetricTable:
    """A symmetric input-output table built from supply and use tables.

    ``Z`` (square), ``final_demand`` (rows as ``Z``), ``value_added`` (components × columns of
    ``Z``; empty if none was given), ``x`` total output, ``model`` a one-line description.
    """

    Z: pd.DataFrame
    final_demand: pd.DataFrame
    value_added: pd.DataFrame
    x: pd.Series
    model: str


def supply_use_to_symmetric(
    supply: pd.DataFrame,
    use: pd.DataFrame,
    final_demand: pd.DataFrame,
    value_added: pd.DataFrame | None = None,
    *,
    assumption: Literal["industry-technology", "fixed-product-sales"] = "industry-technology",
    rtol: float = 1e-6,
) -> SymmetricTable:
    """Symmetric input-output table from supply and use tables, Eurostat Manual (2008) ch. 11.

    Inputs (all at basic prices, domestic flows): ``supply`` products × industries (the make
    matrix transposed, ``V'``: what each industry produces of each product), ``use`` products ×
    industries (intermediate use), ``final_demand`` products × categories, ``value_added``
    components × industries (optional). With ``q = supply·1`` (product output) and ``g = 1'·supply``
    (industry output), the product balance ``use·1 + final_demand·1 = q`` must hold: if your use
    table includes imports, either use the domestic use table or add a final-demand column with
    minus the imports of each product.

    ``assumption="industry-technology"`` — Eurostat **Model B**, product × product: each industry
    uses the same input structure for all the products it makes. With ``V = supply'``,
    ``Z = U ĝ⁻¹ V``, final demand unchanged, ``VA = W ĝ⁻¹ V``, output ``q``.
    ``assumption="fixed-product-sales"`` — Eurostat **Model D**, industry × industry: each product
    has the same sales structure whichever industry makes it (market shares ``D = V q̂⁻¹``).
    ``Z = D U``, final demand ``D F``, value added unchanged, output ``g``.
    Both models never give negative coefficients, preserve total output and give balanced rows
    (``Z·1 + F·1 = x``) and columns (``1'Z + 1'VA = x'``). Model D is the usual choice of
    statistical offices that publish industry × industry tables (and keeps the industry value added
    and employment of the national accounts); Model B keeps products (useful to link with trade data).
    References: Eurostat (2008) *Manual of Supply, Use and Input-Output Tables*, ch. 11 (models A-D)
    and ch. 15; Miller & Blair (2009) ch. 5.
    """
    if assumption not in ("industry-technology", "fixed-product-sales"):
        raise IndicatorInputError(
            f"assumption must be 'industry-technology' (Model B, product × product) or "
            f"'fixed-product-sales' (Model D, industry × industry), got {assumption!r}"
        )
    for name, m in (("supply", supply), ("use", use), ("final_demand", final_demand)):
        if not isinstance(m, pd.DataFrame):
            raise IndicatorInputError(f"{name} must be a DataFrame with products as rows, got {type(m).__name__}")
    products, industries = supply.index, supply.columns
    if not use.index.equals(products) or not use.columns.equals(industries):
        raise IndicatorInputError(
            "use must have the same products (rows) and industries (columns), in the same order, as supply; "
            "fix with use = use.loc[supply.index, supply.columns]"
        )
    if not final_demand.index.equals(products):
        raise IndicatorInputError("final_demand rows must be the products of supply, in the same order")
    if value_added is None:
        value_added = pd.DataFrame(index=pd.Index([], name="component"), columns=industries, dtype=float)
    elif not value_added.columns.equals(industries):
        raise IndicatorInputError("value_added columns must be the industries of supply, in the same order")
    V = supply.to_numpy(dtype=float).T  # industries × products (make matrix)
    U, F, W = (m.to_numpy(dtype=float) for m in (use, final_demand, value_added))
    q, g = V.sum(axis=0), V.sum(axis=1)
    balance = U.sum(axis=1) + F.sum(axis=1)
    gap = np.abs(balance - q)
    scale = max(np.abs(q).max(), 1.0)
    if (gap > rtol * scale).any():
        k = int(np.argmax(gap))
        raise IndicatorInputError(
            f"product balance fails for {products[k]!r}: use + final demand = {balance[k]:.6g} but supply "
            f"(domestic output) = {q[k]:.6g}. Use the domestic use table at basic prices, or add a final-demand "
            f"column equal to minus the imports of each product."
        )
    if (q <= 0).any() and assumption == "fixed-product-sales":
        raise IndicatorInputError(f"product {products[int(np.argmin(q))]!r} has no output; drop it before Model D")
    if (g <= 0).any() and assumption == "industry-technology":
        raise IndicatorInputError(f"industry {industries[int(np.argmin(g))]!r} has no output; drop it before Model B")
    if assumption == "industry-technology":
        T = V / g[:, None]  # ĝ⁻¹ V: product mix of each industry
        Z = pd.DataFrame(U @ T, index=products, columns=products)
        fd = final_demand.astype(float).copy()
        va = pd.DataFrame(W @ T, index=value_added.index, columns=products)
        x = pd.Series(q, index=products, name="x")
        model = "Eurostat Model B: product × product, industry technology assumption"
    else:
        D = V / q[None, :]  # market shares: industries × products
        Z = pd.DataFrame(D @ U, index=industries, columns=industries)
        fd = pd.DataFrame(D @ F, index=industries, columns=final_demand.columns)
        va = value_added.astype(float).copy()
        x = pd.Series(g, index=industries, name="x")
        model = "Eurostat Model D: industry × industry, fixed product sales structure assumption"
    return SymmetricTable(Z=Z, final_demand=fd, value_added=va, x=x, model=model)


# --------------------------------------------------------------------------------------------
# multi-regional tables: value added in exports, GVC participation
# --------------------------------------------------------------------------------------------
def _region_codes(index: pd.Index, level: int | str) -> np.ndarray:
    if not isinstance(index, pd.MultiIndex):
        raise IndicatorInputError(
            "a multi-regional table needs a (region, sector) MultiIndex on rows and columns; "
            "build it with pd.MultiIndex.from_tuples([(region, sector), ...], names=['region', 'sector'])"
        )
    return np.asarray(index.get_level_values(level))


def mrio_gross_exports(
    Z: pd.DataFrame,
    final_demand: pd.DataFrame,
    *,
    region_level: int | str = 0,
) -> pd.Series:
    """Gross exports of every (region, sector): sales to other regions' industries and final demand.

    ``e_(r,i) = Σ_{s≠r} Σ_j z_(r,i),(s,j) + Σ_{s≠r} y_(r,i),s``. ``final_demand`` has the rows of
    ``Z`` and columns whose first level (or the only level) is the buying region.
    Reference: Miller & Blair (2009) ch. 3 and §12.3 (multi-regional model).
    """
    Z = _as_square(Z, "Z")
    rows = _region_codes(Z.index, region_level)
    cols = _region_codes(Z.columns, region_level)
    fd_cols = final_demand.columns
    fd_reg = np.asarray(fd_cols.get_level_values(0) if isinstance(fd_cols, pd.MultiIndex) else fd_cols)
    if not final_demand.index.equals(Z.index):
        raise IndicatorInputError("final_demand must have the same rows (region, sector) as Z, in the same order")
    z = Z.to_numpy()
    y = final_demand.to_numpy(dtype=float)
    foreign_z = rows[:, None] != cols[None, :]
    foreign_y = rows[:, None] != fd_reg[None, :]
    e = (z * foreign_z).sum(axis=1) + (y * foreign_y).sum(axis=1)
    return pd.Series(e, index=Z.index, name="gross_exports")


@one_blas_thread
def value_added_in_exports(
    Z: pd.DataFrame,
    x: pd.Series,
    va: pd.Series,
    exports: pd.Series,
    *,
    region_level: int | str = 0,
) -> pd.DataFrame:
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
    _productivity_check(A, axis=0, what="value_added_in_exports")
    labels = A.index
    xv = _as_vector(x, labels, "x")
    vav = _as_vector(va, labels, "va")
    ev = _as_vector(exports, labels, "exports")
    v = vav.to_numpy() * _safe_inverse_diag(xv, Z, axis=0, what="value_added_in_exports")
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
        _inverse(A, "A (value_added_in_exports)")   # raises the explanation of a singular I - A
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
        raise IndicatorInputError(f"pass the output of value_added_in_exports(); missing columns {sorted(need - set(va_in_exports.columns))}")
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
