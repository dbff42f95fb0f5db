"""Economic complexity: ECI, PCI, proximity, density, distance, COI and COG.

One function, :func:`complexity`, computes everything for one period from a tidy trade table
(one row per country and product) or a country x product matrix, under one of two named
conventions that reproduce the two reference implementations of the Growth Lab:

==========================  ==============================  ==================================
item                        ``"py-ecomplexity"`` (default)  ``"stata"``
==========================  ==============================  ==================================
presence M_cp               RCA >= threshold                RCA > threshold (strict)
proximity diagonal          kept (phi_pp = 1)               set to 0
ECI scale s                 sd over countries, ddof 0       sd over the long Nc*Np panel, n-1
==========================  ==============================  ==================================

In both, PCI is standardised with ECI's mean and sd (so ECI = mean PCI of the country's
products), COG is computed from the raw eigenvector and divided by s, and COI is z-scored with
the same kind of sd. With the same M, ``ECI_stata = ECI_py * sqrt((Nc*Np - 1) / (Nc*Np))``
(ranks identical); the same factor links PCI and, with the diagonal kept equal, COG.

References: Hidalgo & Hausmann (2009) PNAS 106(26); Hausmann, Hidalgo et al. (2014) *The Atlas
of Economic Complexity*, MIT Press (Technical Boxes 2.1, 5.4); Hidalgo, Klinger, Barabási &
Hausmann (2007) Science 317; Growth Lab software: Stata ``ecomplexity`` (cid-harvard/ecomplexity)
and Python ``ecomplexity`` 0.5.3 (py-ecomplexity).

Filtering (which reporters and products enter the calculation) is a separate, explicit step:
:func:`filter_for_complexity`.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, NamedTuple

import numpy as np
import pandas as pd

from course_tools.methods._common import IndicatorInputError, _balassa, check_finite_nonnegative, one_blas_thread, to_matrix

__all__ = [
    "CONVENTIONS",
    "NON_COUNTRY_CODES",
    "ATLAS_NOISY_PRODUCTS_HS",
    "ComplexityResult",
    "Reflections",
    "complexity",
    "presence_matrix",
    "proximity",
    "reflections",
    "opportunity_gain",
    "filter_for_complexity",
]

#: The two conventions of the Growth Lab software (see the module docstring and METHODS §0).
CONVENTIONS: dict[str, dict[str, Any]] = {
    "py-ecomplexity": {"strict": False, "diagonal": 1, "panel_sd": False},
    "stata": {"strict": True, "diagonal": 0, "panel_sd": True},
}

#: Reporter codes (ISO3; matched in any case: the OTS files write them in lower case,
#: course_tools.data in upper case) that are not
#: economies with a resident population: aggregates and uninhabited territories. Their "exports"
#: are re-exports or mirror data and distort RCA. Uninhabited: Antarctica (ata), Bouvet Island
#: (bvt), Heard and McDonald Islands (hmd), French Southern Territories (atf), British Indian
#: Ocean Territory (iot, military base), South Georgia and the South Sandwich Islands (sgs),
#: United States Minor Outlying Islands (umi). Aggregates used by UN Comtrade-derived tables:
#: world (wld), "all", areas not elsewhere specified. Small inhabited territories are not listed:
#: the exports rule of :func:`filter_for_complexity` removes them.
NON_COUNTRY_CODES: frozenset[str] = frozenset(
    {"ata", "bvt", "hmd", "atf", "iot", "sgs", "umi", "wld", "all", "xxa", "xxb", "e-490", "0-unspecified"}
)

#: HS 4-digit codes the Growth Lab removes before computing complexity ("noisy trade"):
#: non-monetary gold (7108) and unspecified commodities (9999, XXXX).
#: Source: harvard-growth-lab/comtrade-mirroring, src/clean/table_objects/complexity.py
#: (``Complexity.NOISY_TRADE`` for H0/H4/H5).
ATLAS_NOISY_PRODUCTS_HS: tuple[str, ...] = ("7108", "9999", "XXXX")


# --------------------------------------------------------------------------------------------
# input handling
# --------------------------------------------------------------------------------------------
def _as_matrix(data: pd.DataFrame, country: str, product: str, value: str) -> pd.DataFrame:
    """Tidy table (country, product, value columns) or country x product matrix -> matrix."""
    if not isinstance(data, pd.DataFrame):
        raise IndicatorInputError(
            f"expected a pandas DataFrame (tidy table or country x product matrix), got {type(data).__name__}"
        )
    if {country, product, value} <= set(data.columns):
        vals = pd.to_numeric(data[value], errors="coerce")
        bad = vals.isna() & data[value].notna()
        if bad.any():
            raise IndicatorInputError(
                f"column {value!r} has {int(bad.sum())} non-numeric value(s), e.g. {data.loc[bad, value].iloc[0]!r}"
            )
        if vals.isna().any():
            raise IndicatorInputError(
                f"column {value!r} has {int(vals.isna().sum())} missing value(s). If a missing value means "
                f"'no exports', drop those rows (trade.dropna(subset=[{value!r}])) or fill them with 0 first."
            )
        if (vals < 0).any():
            first = data.loc[vals < 0].iloc[0]
            raise IndicatorInputError(
                f"column {value!r} has {int((vals < 0).sum())} negative value(s) (first: {first[country]!r}, "
                f"{first[product]!r}); exports cannot be negative: check the data"
            )
        dup = data.duplicated([country, product])
        if dup.any():
            first = data.loc[dup].iloc[0]
            raise IndicatorInputError(
                f"{int(dup.sum())} duplicated ({country}, {product}) pair(s), e.g. ({first[country]!r}, "
                f"{first[product]!r}). Complexity is computed for one period: keep one year "
                f"(trade[trade.year == 2017]) or aggregate explicitly (groupby(...).sum()) first."
            )
        # direct scatter into a zero matrix (no duplicates, so no aggregation needed); labels
        # sorted like _common.to_matrix; cells not reported are 0
        ci, cu = pd.factorize(data[country], sort=True)
        pi, pu = pd.factorize(data[product], sort=True)
        if (ci < 0).any() or (pi < 0).any():
            raise IndicatorInputError(f"columns {country!r}/{product!r} have missing codes; drop those rows first")
        arr = np.zeros((len(cu), len(pu)))
        arr[ci, pi] = vals.to_numpy(dtype=float)
        return pd.DataFrame(arr, index=pd.Index(cu, name=country), columns=pd.Index(pu, name=product), copy=False)
    numeric = all(pd.api.types.is_numeric_dtype(t) for t in data.dtypes)
    if not numeric or data.shape[1] == 0:
        raise IndicatorInputError(
            f"the table has neither the columns {country!r}, {product!r}, {value!r} of a tidy table "
            f"(it has {list(data.columns)[:8]}) nor only numeric columns of a country x product matrix. "
            f"Pass the column names: complexity(trade, country=..., product=..., value=...)"
        )
    m = data.astype(float)
    check_finite_nonnegative(m, "the country x product matrix")
    return m


def _drop_empty(m: pd.DataFrame, what: str, dropped: dict[str, list]) -> pd.DataFrame:
    """Drop rows/columns summing to 0 (as py-ecomplexity and Stata do), with a warning."""
    rows = m.index[m.sum(axis=1).to_numpy() == 0]
    cols = m.columns[m.sum(axis=0).to_numpy() == 0]
    if len(rows) or len(cols):
        warnings.warn(
            f"dropped {len(rows)} countr(y/ies) and {len(cols)} product(s) with zero {what} "
            f"(listed in result.dropped): they carry no information for complexity",
            stacklevel=3,
        )
        dropped["countries"] += list(rows)
        dropped["products"] += list(cols)
        m = m.loc[m.index.difference(rows, sort=False), m.columns.difference(cols, sort=False)]
    return m


def _rca(x: np.ndarray) -> np.ndarray:
    """Balassa RCA = (X_cp / X_c.) / (X_.p / X_..); world = the countries in the table."""
    return _balassa(x)


def _resolve(convention: str) -> dict[str, Any]:
    if convention not in CONVENTIONS:
        raise IndicatorInputError(f"convention must be one of {list(CONVENTIONS)}, got {convention!r}")
    return CONVENTIONS[convention]


def presence_matrix(
    trade: pd.DataFrame,
    *,
    country: str = "country",
    product: str = "product",
    value: str = "export_value",
    threshold: float = 1.0,
    strict: bool = False,
) -> pd.DataFrame:
    """Binary presence M_cp = 1 if RCA_cp >= threshold (``strict=True``: RCA > threshold).

    py-ecomplexity uses ``>=``; the Stata ``ecomplexity`` command uses ``>``.
    """
    x = _as_matrix(trade, country, product, value)
    x = _drop_empty(x, "exports", {"countries": [], "products": []})
    if x.empty:
        raise IndicatorInputError("presence_matrix: every export value is 0; check the value column")
    r = _rca(x.to_numpy())
    m = (r > threshold) if strict else (r >= threshold)
    return pd.DataFrame(m.astype(float), index=x.index, columns=x.columns)


# --------------------------------------------------------------------------------------------
# building blocks on numpy arrays (M binary, no empty rows/columns)
# --------------------------------------------------------------------------------------------
def _proximity_array(M: np.ndarray, diagonal: int) -> np.ndarray:
    """phi_pp' = sum_c M_cp M_cp' / max(k_p0, k_p'0), in place to keep one Np x Np array."""
    u = M.sum(axis=0)
    phi = M.T @ M  # co-occurrences
    phi /= u[None, :]  # P(p | p') ... column-wise conditional
    np.minimum(phi, phi.T, out=phi)  # = C / max(u_p, u_p'); numpy buffers the overlapping view
    if diagonal == 0:
        np.fill_diagonal(phi, 0.0)
    elif diagonal == 1:
        np.fill_diagonal(phi, 1.0)
    else:
        raise IndicatorInputError(f"diagonal must be 1 (py-ecomplexity) or 0 (Stata), got {diagonal!r}")
    return phi


def _eigen(M: np.ndarray, d: np.ndarray, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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
def complexity(
    trade: pd.DataFrame,
    *,
    country: str = "country",
    product: str = "product",
    value: str = "export_value",
    convention: str = "py-ecomplexity",
    threshold: float = 1.0,
    presence: str = "rca",
) -> ComplexityResult:
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
    """
    conv = _resolve(convention)
    if presence not in ("rca", "manual"):
        raise IndicatorInputError(f"presence must be 'rca' or 'manual', got {presence!r}")
    if not (isinstance(threshold, (int, float)) and math.isfinite(threshold) and threshold > 0):
        raise IndicatorInputError(f"threshold must be a positive number, got {threshold!r}")
    x = _as_matrix(trade, country, product, value)
    dropped: dict[str, list] = {"countries": [], "products": []}
    if presence == "manual":
        vals = np.unique(x.to_numpy())
        if not np.isin(vals, [0.0, 1.0]).all():
            raise IndicatorInputError(
                f"presence='manual' needs a binary M (0/1 only); found values such as "
                f"{[v for v in vals if v not in (0, 1)][:3]}. Use presence='rca' for export values."
            )
        x = _drop_empty(x, "diversity/ubiquity", dropped)
        rca_df = None
        M = x.to_numpy().copy()
    else:
        x = _drop_empty(x, "exports", dropped)
        r = _rca(x.to_numpy())
        M = ((r > threshold) if conv["strict"] else (r >= threshold)).astype(float)
        rca_df = pd.DataFrame(r, index=x.index, columns=x.columns, copy=False)
        # with threshold > 1 (or strict >) a country or product can end up with no presence
        keep_c, keep_p = M.sum(axis=1) > 0, M.sum(axis=0) > 0
        if not (keep_c.all() and keep_p.all()):
            warnings.warn(
                f"dropped {int((~keep_c).sum())} countr(y/ies) and {int((~keep_p).sum())} product(s) with "
                f"zero diversity/ubiquity at threshold {threshold} (listed in result.dropped)",
                stacklevel=2,
            )
            dropped["countries"] += list(x.index[~keep_c])
            dropped["products"] += list(x.columns[~keep_p])
            M = M[keep_c][:, keep_p]
            x = x.loc[keep_c, keep_p]
            rca_df = rca_df.loc[keep_c, keep_p]
    nc, n_p = M.shape
    if nc < 2 or n_p < 2:
        raise IndicatorInputError(
            f"complexity needs at least 2 countries and 2 products with exports; got {nc} x {n_p} "
            f"after dropping empty rows/columns. A single country cannot be compared with the world."
        )
    cidx, pidx = x.index, x.columns
    d, u = M.sum(axis=1), M.sum(axis=0)

    lam, kp = _eigen(M, d, u)
    if lam[1] > 1 - 1e-9:
        warnings.warn(
            "the second eigenvalue of M~P equals 1: the country-product network is disconnected "
            "(groups of countries share no products), so ECI/PCI are not defined uniquely. Check M.",
            stacklevel=2,
        )
    elif len(lam) > 2 and lam[1] - lam[2] < 1e-9:
        warnings.warn(
            f"the 2nd and 3rd eigenvalues of M~P are equal ({lam[1]:.6g}): the ECI eigenvector is "
            f"not unique and the ranking is arbitrary. Use more countries/products.",
            stacklevel=2,
        )
    kc = (M / d[:, None]) @ kp
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(d, kc)[0, 1]
    if np.isfinite(corr) and corr < 0:
        kp, kc = -kp, -kc

    phi = _proximity_array(M, conv["diagonal"])
    rowsum = phi.sum(axis=1)
    density = (M @ phi) / rowsum[None, :]  # phi symmetric: sum_p' M_cp' phi_pp' / sum_p' phi_pp'
    notM = 1.0 - M
    coi = ((density * notM) * kp[None, :]).sum(axis=1)
    cog = notM * ((notM * (kp / rowsum)[None, :]) @ phi)

    n_panel = nc * n_p
    factor = math.sqrt(n_panel / (n_panel - 1)) if conv["panel_sd"] else 1.0
    s = kc.std() * factor
    mu = kc.mean()
    eci = (kc - mu) / s
    pci = (kp - mu) / s
    cog = cog / s
    coi_sd = coi.std() * factor
    coi = (coi - coi.mean()) / coi_sd if coi_sd > 0 else np.zeros_like(coi)

    def cp(a: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(a, index=cidx, columns=pidx, copy=False)

    return ComplexityResult(
        eci=pd.Series(eci, index=cidx, name="eci"),
        pci=pd.Series(pci, index=pidx, name="pci"),
        diversity=pd.Series(d, index=cidx, name="diversity"),
        ubiquity=pd.Series(u, index=pidx, name="ubiquity"),
        rca=rca_df,
        M=cp(M),
        proximity=pd.DataFrame(phi, index=pidx, columns=pidx.rename(None), copy=False),
        density=cp(density),
        distance=cp(1.0 - density),
        coi=pd.Series(coi, index=cidx, name="coi"),
        cog=cp(cog),
        eigenvalues=pd.Series(lam, name="eigenvalue"),
        convention=convention,
        threshold=float(threshold),
        eci_scale=float(s),
        dropped=dropped,
    )


@one_blas_thread
def proximity(
    data: pd.DataFrame,
    *,
    country: str = "country",
    product: str = "product",
    value: str = "export_value",
    presence: str = "rca",
    threshold: float = 1.0,
    strict: bool = False,
    diagonal: int = 1,
) -> pd.DataFrame:
    """Product proximity phi_pp' = min{P(p|p'), P(p'|p)} = sum_c M_cp M_cp' / max(k_p0, k_p'0).

    Hidalgo, Klinger, Barabási & Hausmann (2007), Science 317. ``data``: a trade table/matrix
    (``presence="rca"``, M from RCA vs ``threshold``, ``strict`` for Stata's ``>``) or a binary
    country x product M (``presence="manual"``). ``diagonal=1`` as py-ecomplexity, 0 as Stata.
    Products nobody has (ubiquity 0) are dropped; fewer than 2 countries raise an error.
    """
    if presence == "manual":
        m = _as_matrix(data, country, product, value)
        if not np.isin(np.unique(m.to_numpy()), [0.0, 1.0]).all():
            raise IndicatorInputError("presence='manual' needs a binary M (0/1 only)")
    elif presence == "rca":
        m = presence_matrix(data, country=country, product=product, value=value, threshold=threshold, strict=strict)
    else:
        raise IndicatorInputError(f"presence must be 'rca' or 'manual', got {presence!r}")
    m = m.loc[:, m.sum(axis=0).to_numpy() > 0]
    if m.shape[0] < 2 or m.shape[1] < 1:
        raise IndicatorInputError(
            f"proximity needs at least 2 countries with exports (got {m.shape[0]}): with one country "
            f"every pair of its products has proximity 1. Use the whole world table"
        )
    phi = _proximity_array(m.to_numpy(dtype=float), diagonal)
    return pd.DataFrame(phi, index=m.columns, columns=m.columns.rename(None), copy=False)


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
        raise IndicatorInputError("reflections needs a binary presence matrix M (0/1); see presence_matrix()")
    if not (isinstance(iterations, int) and iterations >= 1):
        raise IndicatorInputError(f"iterations must be a positive integer, got {iterations!r}")
    d, u = a.sum(axis=1), a.sum(axis=0)
    if (d == 0).any() or (u == 0).any():
        raise IndicatorInputError("M has countries with diversity 0 or products with ubiquity 0: drop them first")
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


# --------------------------------------------------------------------------------------------
# filtering
# --------------------------------------------------------------------------------------------
def filter_for_complexity(
    trade: pd.DataFrame,
    *,
    country: str = "country",
    product: str = "product",
    value: str = "export_value",
    exclude: Iterable[str] = NON_COUNTRY_CODES,
    population: Mapping[str, float] | pd.Series | None = None,
    min_population: float = 1e6,
    min_exports: float = 1e9,
    exclude_products: Iterable[str] = ATLAS_NOISY_PRODUCTS_HS,
    min_cumulative_share: float = 0.00025,
    max_effective_exporters: float = 2.0,
    max_ubiquity: int = 2,
    min_product_exports: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Keep the reporters and products the Growth Lab keeps before computing complexity.

    Returns ``(filtered_trade, report)``; ``report`` has one row per dropped country or product
    with columns ``unit`` ('country'/'product'), ``code``, ``reason``, ``value``.

    Country rules (Atlas rankings: population >= 1 million and average exports >= USD 1 billion;
    Hausmann, Hidalgo et al. 2011, *Atlas* ch. 7, used 1.2 million and 2006-08 averages):
    codes in ``exclude`` (default :data:`NON_COUNTRY_CODES`); population < ``min_population``
    (only if ``population``, a mapping country -> inhabitants, is given: the trade table has
    no population); total exports in the table < ``min_exports`` (for a multi-year average,
    pass a table of averages).

    Product rules (Growth Lab pipeline, harvard-growth-lab/comtrade-mirroring,
    ``Complexity.filter_least_traded_products``), computed on the kept countries:
    codes in ``exclude_products`` (gold 7108, unspecified 9999/XXXX); the least traded products
    whose cumulative share of world trade (ascending) is <= ``min_cumulative_share``
    (0.025 %); effective number of exporters 1/HHI <= ``max_effective_exporters``;
    ubiquity (countries with RCA >= 1) <= ``max_ubiquity``; optionally total exports
    < ``min_product_exports`` (USD). Set a rule to None to switch it off.
    """
    for col in (country, product, value):
        if col not in trade.columns:
            raise IndicatorInputError(
                f"column {col!r} not in the table ({list(trade.columns)}); pass country=..., product=..., value=..."
            )
    t = trade.copy()
    vals = pd.to_numeric(t[value], errors="coerce")
    if vals.isna().any():
        raise IndicatorInputError(
            f"column {value!r} has {int(vals.isna().sum())} missing/non-numeric value(s); drop them "
            f"(trade.dropna(subset=[{value!r}])) or fill with 0 first"
        )
    if (vals < 0).any():
        raise IndicatorInputError(f"column {value!r} has negative values; exports cannot be negative")
    t[value] = vals.astype(float)
    rows: list[dict[str, Any]] = []

    def drop(unit: str, codes: Iterable, reason: str, values: Mapping | None = None) -> None:
        for c in codes:
            rows.append({"unit": unit, "code": c, "reason": reason,
                         "value": float(values[c]) if values is not None and c in values else np.nan})

    # countries ------------------------------------------------------------------------------
    if exclude is not None:
        excl = {str(c).upper() for c in exclude}  # ISO3 codes match in any case ("bvt" = "BVT")
        hit = sorted(c for c in t[country].unique() if str(c).upper() in excl)
        drop("country", hit, "not a country (aggregate or uninhabited territory)")
        t = t[~t[country].isin(hit)]
    if population is not None and min_population is not None:
        pop = pd.Series(population, dtype=float)
        codes = t[country].unique()
        missing = [c for c in codes if c not in pop.index or not np.isfinite(pop.get(c, np.nan))]
        if missing:
            raise IndicatorInputError(
                f"population is missing for {len(missing)} reporter(s), e.g. {missing[:5]}; give all or "
                f"drop them first"
            )
        small = [c for c in codes if pop[c] < min_population]
        drop("country", sorted(small), f"population < {min_population:,.0f}", pop)
        t = t[~t[country].isin(small)]
    if min_exports is not None:
        tot = t.groupby(country, observed=True)[value].sum()
        small = tot.index[tot < min_exports]
        drop("country", sorted(small), f"total exports < {min_exports:,.0f}", tot)
        t = t[~t[country].isin(small)]

    # products -------------------------------------------------------------------------------
    if exclude_products is not None:
        ex = {str(p) for p in exclude_products}
        codes = pd.Index(pd.unique(t[product]))        # unique codes first: 1,222, not 177,000 rows
        as_text = codes.astype(str)
        hit = sorted(set(as_text) & ex)
        drop("product", hit, "noisy trade code (Growth Lab list)")
        t = t[~t[product].isin(codes[as_text.isin(ex)])]
    if len(t) == 0:
        raise IndicatorInputError("no rows left after the country filters; relax the thresholds")
    ptot = t.groupby(product, observed=True)[value].sum()
    bad: dict[Any, str] = {}
    zero = ptot.index[ptot <= 0]
    for p in zero:
        bad[p] = "no exports"
    if min_cumulative_share is not None:
        share = (ptot / ptot.sum()).sort_values(kind="stable")
        cum = share.cumsum()
        for p in cum.index[cum <= min_cumulative_share]:
            bad.setdefault(p, f"least traded: cumulative world share <= {min_cumulative_share:.4%}")
    if max_effective_exporters is not None:
        sh = t[value] / t.groupby(product, observed=True)[value].transform("sum")
        hhi = (sh**2).groupby(t[product], observed=True).sum()
        with np.errstate(divide="ignore"):
            eff = 1.0 / hhi
        for p in eff.index[eff <= max_effective_exporters]:
            bad.setdefault(p, f"effective exporters (1/HHI) <= {max_effective_exporters:g}")
    if max_ubiquity is not None:
        x = to_matrix(t, index=country, columns=product, values=value)
        x = x.loc[x.sum(axis=1) > 0, x.sum(axis=0) > 0]
        ubi = pd.Series((_rca(x.to_numpy()) >= 1).sum(axis=0), index=x.columns)
        for p in ubi.index[ubi <= max_ubiquity]:
            bad.setdefault(p, f"ubiquity (countries with RCA >= 1) <= {max_ubiquity}")
    if min_product_exports is not None:
        for p in ptot.index[ptot < min_product_exports]:
            bad.setdefault(p, f"world exports < {min_product_exports:,.0f}")
    for p, reason in sorted(bad.items(), key=lambda kv: str(kv[0])):
        drop("product", [p], reason, ptot)
    t = t[~t[product].isin(list(bad))]
    report = pd.DataFrame(rows, columns=["unit", "code", "reason", "value"])
    return t.reset_index(drop=True), report
