r"""How robust is a composite ranking to every modelling choice? (uncertainty and sensitivity analysis)

References: OECD/JRC (2008), *Handbook on Constructing Composite Indicators: Methodology and User Guide*
(Nardo, Saisana, Saltelli, Tarantola, Hoffmann & Giovannini), steps "uncertainty and sensitivity
analysis" (chapter text not read for the course); Saisana, Saltelli & Tarantola (2005), "Uncertainty and
sensitivity analysis techniques as tools for the quality assessment of composite indicators", *JRSS A*
168(2): 307-323; the JRC's implementation ``COINr`` (W. Becker; vignette "Sensitivity Analysis",
``R/sensitivity.R``). Course recipe: ``METHODS-niches.md`` section D.3.

The ranking is the niche model of :mod:`course_tools.methods.niches`: criteria normalised by
:func:`~course_tools.methods.niches.normalise` (1 = best), a weighted aggregate, products screened by
thresholds on raw values. :func:`robustness` recomputes it for **every combination** (a full factorial
design) of

- normalisation: ``rank``, ``minmax``, ``zscore`` (as :func:`niches.normalise`: z clipped at ±3 sd);
- aggregation: arithmetic :math:`\sum_q w_q y_q` (exactly :func:`niches.niche_scores` on [0, 1]) or
  geometric :math:`\prod_q y_q^{w_q}` on a strictly positive scale that is an affine map of the
  normalised value n: rank -> 1 + (m - 1) n (the average rank 1..m), minmax -> 1 + 99 n ([1, 100]),
  zscore -> 4 + 12 n (= 10 + 2z for |z| <= 3), as in METHODS-niches E.2;
- the set of criteria: all, or all but one (leave-one-out, weights renormalised);
- thresholds: nominal, looser, stricter (each moved by ``threshold_spread`` x |t|, or x the
  criterion's sd when t = 0, in the direction that admits more or fewer products), or none;
- weights: Dirichlet draws centred on the nominal weights (:func:`niches` convention, concentration
  1/spread²), the points of a simplex grid (:func:`simplex_grid`), or given weight sets (e.g. the
  Atlas strategy weights).

In each variant the products passing its screen are ranked (1 = best; scores rounded to 9 decimals,
exact ties share the best rank) and the top k is every product with rank <= k. Reported per product:
**share_top_k** (share of all variants in which it is in the top k), median and 5th-95th percentile
rank over the variants in which it passes the screen, mean absolute rank shift against the nominal
ranking, and a label (course convention, METHODS-niches D.3, not a JRC rule): **robust** if
share_top_k >= 0.75 and its 95th percentile rank <= 2k; **plausible** if share_top_k >= 0.5;
**fragile** if > 0; **out** otherwise. Which choice moves the ranking most: for each choice dimension,
the mean overlap of the top k with the nominal top k when only that choice varies (one at a time),
the mean overlap by level over the whole design, and the first-order variance share of the overlap
(:math:`\eta^2 = \sum_l n_l(\bar y_l - \bar y)^2 / \sum_v (y_v - \bar y)^2`; in a full factorial with
equally likely levels it is the first-order Sobol index of that choice).

Differences from the published practice: COINr samples the inputs at random (Monte Carlo, weights
perturbed by uniform noise "NoiseFactor = 0.25") and estimates Sobol indices with Saltelli's
estimators on the mean absolute rank shift; here the design is a full factorial over the discrete
choices times a set of weight vectors (every variant computed, no sampling error except the
Dirichlet draws), and the sensitivity measure is the variance share of the top-k overlap. The
z-score is clipped at ±3 sd (the niche model's convention; METHODS-niches D.3 shifts it instead).
All thresholds move together (one level per variant), whereas :func:`niches.sensitivity` draws
each one independently; leaving a criterion out is a level of the design rather than a random
drop with probability 0.2 (D.3). With exact ties the top k can hold more than k products (E.2's
rule); :func:`niches.sensitivity` breaks ties by product code instead.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import require_non_negative, require_positive_whole
from course_tools.methods.niches import (
    METHODS,
    MISSING_POLICIES,
    OPERATORS,
    HigherIsBetter,
    NicheModelError,
    Thresholds,
    check_table,
    check_thresholds,
    check_weights,
    higher_is_better_map,
    normalise,
    numeric_columns,
    score_matrix,
)
from course_tools.methods.rank_statistics import eta_squared, quantiles_from_counts, ranks_by_row, sorted_ranks
from course_tools.methods.sensitivity import draw_weights

__all__ = ["RobustnessError", "AGGREGATIONS", "THRESHOLD_LEVELS", "LABELS", "RobustnessResult",
           "simplex_grid", "robustness"]

#: Aggregations understood by :func:`robustness`.
AGGREGATIONS = ("arithmetic", "geometric")
#: Threshold settings: as given, all moved to admit more products, to admit fewer, no screen.
THRESHOLD_LEVELS = ("nominal", "looser", "stricter", "none")
#: Labels, best first.
LABELS = ("robust", "plausible", "fragile", "out")
_DIMENSIONS = ("normalisation", "aggregation", "criteria", "thresholds", "weights")
#: Positive scale for the geometric mean: y = a + b n (rank: b = m - 1, set per criterion).
_POSITIVE = {"minmax": (1.0, 99.0), "zscore": (4.0, 12.0), "rank": (1.0, None)}
_ROUND = 9


class RobustnessError(NicheModelError):
    """Bad input for the robustness analysis (the message says what is wrong and how to fix it)."""


# --------------------------------------------------------------------------------------------
# results
# --------------------------------------------------------------------------------------------
@dataclass
class RobustnessResult:
    """What :func:`robustness` found.

    ``products``: one row per product: product, nominal_rank, share_top_k, median_rank, rank_p05,
    rank_p95, mean_abs_shift, share_ranked (share of variants in which it passes the screen), label;
    sorted by share_top_k then nominal rank. ``dimensions``: one row per choice dimension:
    dimension, n_levels, oat_mean_overlap (mean top-k overlap with the nominal top k when only this
    choice varies), oat_min_overlap, main_effect (first-order variance share of the overlap over the
    design), level_range (max - min of the mean overlap by level); sorted by main_effect, the choice
    that moves the ranking most first. ``choices``: one row per dimension x level (weights: one row
    for the whole weight design): n_variants, mean_overlap (over the design), oat_overlap.
    ``variants``: one row per variant: normalisation, aggregation, criteria ("all" or "-name"),
    thresholds, weights_id (row of ``weights``), overlap. ``weights``: the weight design
    (vectors x criteria). ``nominal``: product, rank, score of the nominal ranking.
    """

    products: pd.DataFrame
    dimensions: pd.DataFrame
    choices: pd.DataFrame
    variants: pd.DataFrame
    weights: pd.DataFrame
    nominal: pd.DataFrame
    k: int
    n_variants: int
    settings: dict = field(default_factory=dict, repr=False)

    def robust(self) -> list[str]:
        """Products labelled robust, most robust first."""
        p = self.products
        return p.loc[p["label"] == "robust", "product"].tolist()

    def most_influential(self) -> str:
        """The choice dimension with the largest first-order variance share of the top-k overlap."""
        return str(self.dimensions.iloc[0]["dimension"])


# --------------------------------------------------------------------------------------------
# designs
# --------------------------------------------------------------------------------------------
def simplex_grid(d: int, step: float = 0.1, minimum: float = 0.1) -> np.ndarray:
    """Every weight vector of d criteria on a grid of ``step`` with each weight >= ``minimum``, summing to 1.

    Rows of the returned array (n x d). Example (METHODS-niches E.2): d = 3, step 0.1, minimum 0.1 gives
    36 vectors. The count is C(u - d·m + d - 1, d - 1) with u = 1/step, m = minimum/step.
    """
    require_positive_whole(RobustnessError, d=d)
    units = round(1.0 / step)
    if not math.isclose(units * step, 1.0, rel_tol=1e-9) or units < 1:
        raise RobustnessError(text("niche_msg.methods.robustness.step", value=step))
    mu = round(minimum / step)
    if not math.isclose(mu * step, minimum, abs_tol=1e-12) or mu < 0:
        raise RobustnessError(text("niche_msg.methods.robustness.minimum", step=step, value=minimum))
    free = units - d * mu
    if free < 0:
        raise RobustnessError(text("niche_msg.methods.robustness.no_sum", d=d, minimum=minimum))
    count = math.comb(free + d - 1, d - 1)
    if count > 200_000:
        raise RobustnessError(text("niche_msg.methods.robustness.grid_size", count=f"{count:,}"))
    rows = []
    for bars in itertools.combinations(range(free + d - 1), d - 1):
        parts, prev = [], -1
        for b in bars:
            parts.append(b - prev - 1)
            prev = b
        parts.append(free + d - 2 - prev)
        rows.append(parts)
    return (np.array(rows, dtype=float).reshape(-1, d) + mu) * step


def _weight_design(design: str | pd.DataFrame | np.ndarray, cols: list[str], w_nom: np.ndarray,
                   n: int, spread: float, step: float, minimum: float,
                   rng: np.random.Generator) -> np.ndarray:
    pos = w_nom > 0
    if isinstance(design, str):
        if design == "dirichlet":
            return draw_weights(w_nom, n, spread, rng)
        if design == "grid":
            g = simplex_grid(int(pos.sum()), step, minimum)
            out = np.zeros((len(g), len(cols)))
            out[:, pos] = g
            return out
        raise RobustnessError(text("niche_msg.methods.robustness.design", value=design))
    if isinstance(design, pd.DataFrame):
        extra = [c for c in design.columns if str(c) not in cols]
        if extra:
            raise RobustnessError(text("niche_msg.methods.robustness.design_extra", extra=extra, cols=cols))
        W = design.reindex(columns=cols).fillna(0.0).to_numpy(dtype=float)
    else:
        W = np.asarray(design, dtype=float)
        if W.ndim != 2 or W.shape[1] != len(cols):
            raise RobustnessError(text("niche_msg.methods.robustness.design_columns", cols=cols))
    if not np.isfinite(W).all() or (W < 0).any() or (W.sum(axis=1) <= 0).any():
        raise RobustnessError(text("niche_msg.methods.robustness.design_values"))
    return W / W.sum(axis=1, keepdims=True)


def _threshold_masks(t: pd.DataFrame, thr: Mapping[str, tuple[str, float]], levels: list[str],
                     spread: float) -> dict[str, np.ndarray]:
    n = len(t)
    out = {}
    for level in levels:
        mask = np.ones(n, dtype=bool)
        if level != "none":
            for c, (op, v) in thr.items():
                x = numeric_columns(t, [c])[:, 0]
                scale = abs(v) if v != 0 else float(np.nanstd(x))
                admit_more = -1.0 if op in (">=", ">") else 1.0
                shift = {"nominal": 0.0, "looser": admit_more, "stricter": -admit_more}[level]
                with np.errstate(invalid="ignore"):
                    mask &= OPERATORS[op](x, v + shift * spread * scale) & ~np.isnan(x)
        out[level] = mask
    return out


# --------------------------------------------------------------------------------------------
# scoring and ranking, vectorised over variants
# --------------------------------------------------------------------------------------------
def _scale(norm: np.ndarray, avail: np.ndarray, method: str, aggregation: str, missing: str) -> np.ndarray:
    """The matrix to multiply by the weights: n0 ([0,1], NaN -> 0) or log of the positive scale."""
    n0 = np.where(avail, norm, 0.0)
    if aggregation == "arithmetic":
        return n0
    a, b = _POSITIVE[method]
    if b is None:  # rank: 1 + (m - 1) n = the average rank 1..m
        b = np.maximum(avail.sum(axis=0) - 1, 0).astype(float)[None, :]
    L = np.log(a + b * n0)
    return np.where(avail, L, 0.0) if missing == "skip" else L


def _scores(Y: np.ndarray, avail: np.ndarray, W: np.ndarray, aggregation: str, missing: str) -> np.ndarray:
    """Scores, one row per weight vector (columns of W, criteria x variants), one column per product."""
    S, _ = score_matrix(Y, avail, W, missing)
    S = np.ascontiguousarray(S.T)
    if aggregation == "geometric":
        S = np.exp(S)
    return np.round(S, _ROUND)


# --------------------------------------------------------------------------------------------
# the design, evaluated
# --------------------------------------------------------------------------------------------
def _check_arguments(missing, k, normalisations, aggregations, nominal_method, nominal_aggregation,
                     threshold_spread, spread, n_weights, plausible_share, robust_share) -> tuple[list[str], list[str]]:
    """The normalisations and aggregations of the design (duplicates dropped), or a clear error for any argument."""
    if missing not in MISSING_POLICIES:
        raise RobustnessError(text("niche_msg.methods.niches.bad_missing",
                                   missing=missing, policies=list(MISSING_POLICIES)))
    require_positive_whole(RobustnessError, k=k)
    norms = list(dict.fromkeys(normalisations))
    aggs = list(dict.fromkeys(aggregations))
    for m in norms + [nominal_method]:
        if m not in METHODS:
            raise RobustnessError(text("niche_msg.methods.robustness.normalisation", value=m, methods=list(METHODS)))
    for a in aggs + [nominal_aggregation]:
        if a not in AGGREGATIONS:
            raise RobustnessError(text("niche_msg.methods.robustness.aggregation",
                                       value=a, aggregations=list(AGGREGATIONS)))
    if not norms or not aggs:
        raise RobustnessError(text("niche_msg.methods.robustness.none"))
    require_non_negative(RobustnessError, threshold_spread=threshold_spread, spread=spread)
    require_positive_whole(RobustnessError, n_weights=n_weights)
    if not 0 < plausible_share <= robust_share <= 1:
        raise RobustnessError(text("niche_msg.methods.robustness.bars"))
    return norms, aggs


def _threshold_levels(thr: Mapping[str, tuple[str, float]], threshold_levels: Iterable[str]) -> list[str]:
    levels = list(dict.fromkeys(threshold_levels)) if thr else ["nominal"]
    for lv in levels:
        if lv not in THRESHOLD_LEVELS:
            raise RobustnessError(text("niche_msg.methods.robustness.level", value=lv, levels=list(THRESHOLD_LEVELS)))
    return levels


def _fixed_screen(t: pd.DataFrame, eligible: Iterable[str] | pd.Series | None) -> np.ndarray | None:
    """The products that may be ranked in every variant (a list of codes or a boolean Series), None for all."""
    if eligible is None:
        return None
    if isinstance(eligible, pd.Series) and eligible.dtype == bool:
        e = pd.Series(eligible.to_numpy(), index=eligible.index.astype(str))
        return e.reindex(t.index).fillna(False).to_numpy(dtype=bool)
    codes = {str(x) for x in ([eligible] if isinstance(eligible, str) else eligible)}
    return t.index.isin(list(codes))


def _without(W: np.ndarray, q: int | None) -> np.ndarray:
    """The weight vectors (rows) with criterion q left out and the others renormalised (q None: unchanged)."""
    if q is None:
        return W
    W = W.copy()
    W[:, q] = 0.0
    s = W.sum(axis=1, keepdims=True)
    return np.divide(W, s, out=np.zeros_like(W), where=s > 0)


@dataclass
class _Design:
    """What every variant shares: normalised values per method, the screens by level, the missing-data rule."""

    norm: dict[str, np.ndarray]
    avail: np.ndarray
    masks: dict[str, np.ndarray]
    missing: str
    k: int

    def masks_for(self, W: np.ndarray, lvls: list[str]) -> list[np.ndarray]:
        if self.missing != "exclude":
            return [self.masks[lv] for lv in lvls]
        miss = (~self.avail).astype(float)
        ok = ~(((W > 0).astype(float).T @ miss.T) > 0)       # variants x products
        return [self.masks[lv][None, :] & ok for lv in lvls]

    def ranks(self, method: str, aggregation: str, W: np.ndarray, lvls: list[str]) -> list[np.ndarray]:
        """Ranks by product (variants x products) for the weight vectors W (criteria x variants)."""
        Y = _scale(self.norm[method], self.avail, method, aggregation, self.missing)
        return ranks_by_row(_scores(Y, self.avail, W, aggregation, self.missing), self.masks_for(W, lvls))

    def overlap(self, R: np.ndarray, nom_top: np.ndarray) -> np.ndarray:
        """Share of the nominal top k in each variant's top k (R: variants x products)."""
        return ((R >= 1) & (R <= self.k) & nom_top[None, :]).sum(axis=1) / int(nom_top.sum())


def _nominal(design: _Design, method: str, aggregation: str, w_nom: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rank, score) of every product in the nominal ranking (rank 0 = screened out)."""
    r_nom = design.ranks(method, aggregation, w_nom[:, None], ["nominal"])[0][0]
    if not ((r_nom >= 1) & (r_nom <= design.k)).any():
        raise RobustnessError(text("niche_msg.methods.robustness.nothing"))
    Y0 = _scale(design.norm[method], design.avail, method, aggregation, design.missing)
    s_nom = score_matrix(Y0, design.avail, w_nom[:, None], design.missing)[0][:, 0]
    return r_nom, (np.exp(s_nom) if aggregation == "geometric" else s_nom)


def _factorial(design: _Design, norms: list[str], aggs: list[str], W_all: np.ndarray, levels: list[str],
               set_names: list[str], N: int, nom_top: np.ndarray) -> tuple[np.ndarray, pd.DataFrame]:
    """Every variant, one (normalisation, aggregation) block at a time, in sorted order.

    Returns the histogram of each product's ranks (products x (n + 1), column 0 = screened out), from
    which every per-product statistic comes, and one row per variant with its top-k overlap.
    """
    n = len(nom_top)
    hist = np.zeros((n, n + 1), dtype=np.int64)
    meta: dict[str, list] = {d: [] for d in ("normalisation", "aggregation", "criteria", "thresholds", "weights_id")}
    overlaps = []
    names = np.repeat(set_names, N)
    w_ids = np.tile(np.arange(N), len(set_names))
    for m, a in itertools.product(norms, aggs):
        Y = _scale(design.norm[m], design.avail, m, a, design.missing)
        order, rs = sorted_ranks(_scores(Y, design.avail, W_all, a, design.missing), design.masks_for(W_all, levels))
        nom_sorted = nom_top[order]
        flat = order * (n + 1)
        for lv, r in zip(levels, rs):
            hist += np.bincount((flat + r).ravel(), minlength=n * (n + 1)).reshape(n, n + 1)
            overlaps.append(((r >= 1) & (r <= design.k) & nom_sorted).sum(axis=1) / int(nom_top.sum()))
            c = r.shape[0]
            meta["normalisation"] += [m] * c
            meta["aggregation"] += [a] * c
            meta["criteria"] += list(names)
            meta["thresholds"] += [lv] * c
            meta["weights_id"] += list(w_ids)
    variants = pd.DataFrame(meta)
    variants["overlap"] = np.concatenate(overlaps)
    return hist, variants


def _product_table(products: np.ndarray, hist: np.ndarray, r_nom: np.ndarray, V: int, k: int,
                   robust_share: float, plausible_share: float, p95_factor: float) -> pd.DataFrame:
    """share_top_k, rank quantiles, mean shift and the label of every product, most robust first."""
    n = len(products)
    counts = hist[:, 1:]
    cnt_ranked = counts.sum(axis=1)
    dist_to_nom = np.abs(np.arange(1, n + 1)[None, :] - r_nom[:, None]).astype(float)
    shift_sum = (counts * dist_to_nom).sum(axis=1)
    q50, q05, q95 = quantiles_from_counts(counts, (0.5, 0.05, 0.95))
    share = counts[:, :k].sum(axis=1) / V
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_shift = np.where((r_nom >= 1) & (cnt_ranked > 0), shift_sum / np.maximum(cnt_ranked, 1), np.nan)
    label = np.select(
        [(share >= robust_share - 1e-12) & (q95 <= p95_factor * k), share >= plausible_share - 1e-12, share > 0],
        ["robust", "plausible", "fragile"], default="out")
    prod = pd.DataFrame({
        "product": products,
        "nominal_rank": pd.array(np.where(r_nom >= 1, r_nom, 0), dtype="Int64"),
        "share_top_k": share, "median_rank": q50, "rank_p05": q05, "rank_p95": q95,
        "mean_abs_shift": mean_shift, "share_ranked": cnt_ranked / V, "label": label,
    })
    prod.loc[r_nom < 1, "nominal_rank"] = pd.NA
    prod["_b"] = np.where(r_nom >= 1, r_nom, np.inf)
    return prod.sort_values(["share_top_k", "_b", "product"], ascending=[False, True, True],
                            kind="stable").drop(columns="_b").reset_index(drop=True)


def _one_at_a_time(design: _Design, norms: list[str], aggs: list[str], sets: list[tuple[str, int | None]],
                   levels: list[str], w_nom: np.ndarray, Wd: np.ndarray, nominal: tuple[str, str],
                   nom_top: np.ndarray) -> tuple[dict[str, dict[str, float]], np.ndarray]:
    """Top-k overlap with the nominal ranking when one dimension moves from the nominal, the others fixed."""
    m0, a0 = nominal
    w0 = w_nom[:, None]

    def first(R: np.ndarray) -> float:
        return float(design.overlap(R, nom_top)[0])

    oat: dict[str, dict[str, float]] = {
        "normalisation": {m: first(design.ranks(m, a0, w0, ["nominal"])[0]) for m in norms if m != m0},
        "aggregation": {a: first(design.ranks(m0, a, w0, ["nominal"])[0]) for a in aggs if a != a0},
        "criteria": {name: first(design.ranks(m0, a0, _without(w_nom[None, :], q)[0][:, None], ["nominal"])[0])
                     for name, q in sets[1:]},
        "thresholds": {},
    }
    other = [lv for lv in levels if lv != "nominal"]
    if other:
        for lv, R in zip(other, design.ranks(m0, a0, w0, other)):
            oat["thresholds"][lv] = float(design.overlap(R, nom_top)[0])
    ow = design.overlap(design.ranks(m0, a0, Wd.T, ["nominal"])[0], nom_top)
    oat["weights"] = {"design": float(ow.mean())} if Wd.shape[0] else {}
    return oat, ow


def _dimensions(variants: pd.DataFrame, oat: dict[str, dict[str, float]], ow: np.ndarray,
                dim_levels: dict[str, list[str]], nominal_levels: dict[str, str],
                N: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(choices: one row per dimension x level, dimensions: one row per dimension, most influential first)."""
    y = variants["overlap"].to_numpy()
    V = len(variants)
    rows, drows = [], []
    for dim in _DIMENSIONS:
        col = "weights_id" if dim == "weights" else dim
        eta = eta_squared(y, variants[col].to_numpy())
        if dim == "weights":
            means = variants.groupby("weights_id")["overlap"].mean()
            rows.append({"dimension": dim, "level": f"design ({N} vectors)", "n_variants": V,
                         "mean_overlap": float(y.mean()), "oat_overlap": oat["weights"].get("design", np.nan)})
            n_lv, oat_vals = N, list(ow)
        else:
            means = variants.groupby(col, sort=False)["overlap"].mean().reindex(dim_levels[dim])
            counts = variants.groupby(col, sort=False)["overlap"].size().reindex(dim_levels[dim])
            for lv in dim_levels[dim]:
                rows.append({"dimension": dim, "level": lv, "n_variants": int(counts[lv]),
                             "mean_overlap": float(means[lv]),
                             "oat_overlap": 1.0 if lv == nominal_levels[dim] else oat[dim].get(lv, np.nan)})
            n_lv, oat_vals = len(dim_levels[dim]), list(oat[dim].values())
        drows.append({
            "dimension": dim, "n_levels": n_lv,
            "oat_mean_overlap": float(np.mean(oat_vals)) if oat_vals else np.nan,
            "oat_min_overlap": float(np.min(oat_vals)) if oat_vals else np.nan,
            "main_effect": eta,
            "level_range": float(means.max() - means.min()) if len(means) else 0.0,
        })
    dims = pd.DataFrame(drows)
    dims["_o"] = dims["oat_mean_overlap"].fillna(1.0)
    dims = dims.sort_values(["main_effect", "_o"], ascending=[False, True], kind="stable").drop(columns="_o")
    return pd.DataFrame(rows), dims.reset_index(drop=True)


def _nominal_table(products: np.ndarray, r_nom: np.ndarray, s_nom: np.ndarray) -> pd.DataFrame:
    nominal = pd.DataFrame({"product": products, "rank": pd.array(np.where(r_nom >= 1, r_nom, 0), dtype="Int64"),
                            "score": np.where(r_nom >= 1, s_nom, np.nan)})
    nominal.loc[r_nom < 1, "rank"] = pd.NA
    return nominal.sort_values(["rank", "product"], na_position="last", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# the analysis
# --------------------------------------------------------------------------------------------
def robustness(
    criteria: pd.DataFrame,
    weights: Mapping[str, float] | pd.Series,
    *,
    thresholds: Thresholds | None = None,
    eligible: Iterable[str] | pd.Series | None = None,
    higher_is_better: HigherIsBetter = None,
    missing: str = "worst",
    k: int = 10,
    nominal_method: str = "rank",
    nominal_aggregation: str = "arithmetic",
    normalisations: Iterable[str] = METHODS,
    aggregations: Iterable[str] = AGGREGATIONS,
    leave_one_out: bool = True,
    threshold_levels: Iterable[str] = THRESHOLD_LEVELS,
    threshold_spread: float = 0.1,
    weight_design: str | pd.DataFrame | np.ndarray = "dirichlet",
    n_weights: int = 100,
    spread: float = 0.2,
    grid_step: float = 0.1,
    grid_min: float = 0.1,
    seed: int | None = 0,
    robust_share: float = 0.75,
    plausible_share: float = 0.5,
    p95_factor: float = 2.0,
) -> RobustnessResult:
    """Robustness of the niche ranking over every modelling choice (method in the module docstring).

    ``criteria``, ``weights``, ``thresholds``, ``higher_is_better``, ``missing`` as in
    :func:`course_tools.methods.niches.niche_scores`; the nominal ranking is ``nominal_method`` with
    ``nominal_aggregation``, the nominal weights, all criteria and the nominal thresholds (with the
    arithmetic mean it is exactly the ranking of ``niche_scores``). ``eligible``: a fixed screen that
    no variant changes (the products that may be ranked, as a list of codes or a boolean Series by
    product), for the rule that *defines* a list, e.g. RCA >= 1 for products to consolidate: the
    criteria are still normalised over the whole table, as ``niche_scores`` does. The design is the
    full factorial ``normalisations`` x ``aggregations`` x criteria sets (all, plus each weighted criterion left
    out if ``leave_one_out``) x ``threshold_levels`` (only "nominal" when there are no thresholds)
    x the weight design: ``"dirichlet"`` (``n_weights`` draws, ``spread`` as in
    :func:`niches.sensitivity`, numpy Generator seeded with ``seed``: same seed, same result),
    ``"grid"`` (:func:`simplex_grid` with ``grid_step`` and ``grid_min``) or a table of weight
    vectors (columns = criteria). Labels use ``robust_share``, ``plausible_share`` and
    ``p95_factor`` x k. About 1 s for 1,137 products x 10 criteria x 26,400 variants.
    """
    t = check_table(criteria)
    norms, aggs = _check_arguments(missing, k, normalisations, aggregations, nominal_method, nominal_aggregation,
                                   threshold_spread, spread, n_weights, plausible_share, robust_share)
    w = check_weights(t, weights)
    thr = check_thresholds(t, thresholds)
    cols = list(w)
    hib = higher_is_better_map(t, higher_is_better, cols)
    w_nom = np.array([w[c] for c in cols])
    levels = _threshold_levels(thr, threshold_levels)
    masks = _threshold_masks(t, thr, sorted(set(levels) | {"nominal"}, key=THRESHOLD_LEVELS.index),
                             float(threshold_spread))
    fixed = _fixed_screen(t, eligible)
    if fixed is not None:
        masks = {lv: m & fixed for lv, m in masks.items()}

    rng = np.random.default_rng(seed)
    Wd = _weight_design(weight_design, cols, w_nom, int(n_weights), float(spread), grid_step, grid_min, rng)
    pos = np.flatnonzero(w_nom > 0)
    sets = [("all", None)] + ([(f"-{cols[q]}", q) for q in pos] if leave_one_out and len(pos) > 1 else [])
    W_all = np.vstack([_without(Wd, q) for _, q in sets]).T      # d x (S N)
    N = Wd.shape[0]
    # normalised values, once per method (niches.normalise)
    norm = {m: normalise(t, method=m, higher_is_better=hib, columns=cols).to_numpy()
            for m in set(norms) | {nominal_method}}
    design = _Design(norm, ~np.isnan(norm[nominal_method]), masks, missing, int(k))

    r_nom, s_nom = _nominal(design, nominal_method, nominal_aggregation, w_nom)
    nom_top = (r_nom >= 1) & (r_nom <= k)
    set_names = [s for s, _ in sets]
    hist, variants = _factorial(design, norms, aggs, W_all, levels, set_names, N, nom_top)
    V = len(variants)
    products = t.index.to_numpy()
    prod = _product_table(products, hist, r_nom, V, int(k), robust_share, plausible_share, p95_factor)
    oat, ow = _one_at_a_time(design, norms, aggs, sets, levels, w_nom, Wd, (nominal_method, nominal_aggregation),
                             nom_top)
    choices, dims = _dimensions(
        variants, oat, ow, {"normalisation": norms, "aggregation": aggs, "criteria": set_names, "thresholds": levels},
        {"normalisation": nominal_method, "aggregation": nominal_aggregation, "criteria": "all",
         "thresholds": "nominal"}, N)
    return RobustnessResult(
        products=prod, dimensions=dims, choices=choices,
        variants=variants, weights=pd.DataFrame(Wd, columns=pd.Index(cols, name="criterion")),
        nominal=_nominal_table(products, r_nom, s_nom), k=int(k), n_variants=V,
        settings={
            "weights": dict(w), "thresholds": dict(thr), "higher_is_better": hib, "missing": missing,
            "nominal_method": nominal_method, "nominal_aggregation": nominal_aggregation,
            "normalisations": norms, "aggregations": aggs, "criteria_sets": set_names,
            "threshold_levels": levels, "threshold_spread": float(threshold_spread),
            "weight_design": weight_design if isinstance(weight_design, str) else "given",
            "n_weights": N, "spread": float(spread), "seed": seed, "robust_share": robust_share,
            "plausible_share": plausible_share, "p95_factor": p95_factor,
        },
    )
