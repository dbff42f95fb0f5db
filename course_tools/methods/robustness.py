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
from typing import Optional, Union

import numpy as np
import pandas as pd

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
    if not (isinstance(d, (int, np.integer)) and d >= 1):
        raise RobustnessError(f"d must be a positive whole number, got {d!r}")
    units = round(1.0 / step)
    if not math.isclose(units * step, 1.0, rel_tol=1e-9) or units < 1:
        raise RobustnessError(f"step must divide 1 (e.g. 0.1, 0.05, 0.25), got {step!r}")
    mu = round(minimum / step)
    if not math.isclose(mu * step, minimum, abs_tol=1e-12) or mu < 0:
        raise RobustnessError(f"minimum must be a multiple of step ({step}), got {minimum!r}")
    free = units - d * mu
    if free < 0:
        raise RobustnessError(f"{d} criteria with weights >= {minimum} cannot sum to 1")
    count = math.comb(free + d - 1, d - 1)
    if count > 200_000:
        raise RobustnessError(f"the grid would have {count:,} weight vectors; use a larger step or Dirichlet draws")
    rows = []
    for bars in itertools.combinations(range(free + d - 1), d - 1):
        parts, prev = [], -1
        for b in bars:
            parts.append(b - prev - 1)
            prev = b
        parts.append(free + d - 2 - prev)
        rows.append(parts)
    return (np.array(rows, dtype=float).reshape(-1, d) + mu) * step


def _weight_design(design: Union[str, pd.DataFrame, np.ndarray], cols: list[str], w_nom: np.ndarray,
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
        raise RobustnessError(f"weight_design={design!r}; use 'dirichlet', 'grid' or a table of weight vectors")
    if isinstance(design, pd.DataFrame):
        extra = [c for c in design.columns if str(c) not in cols]
        if extra:
            raise RobustnessError(f"weight_design has column(s) {extra} that are not weighted criteria {cols}")
        W = design.reindex(columns=cols).fillna(0.0).to_numpy(dtype=float)
    else:
        W = np.asarray(design, dtype=float)
        if W.ndim != 2 or W.shape[1] != len(cols):
            raise RobustnessError(f"weight_design must have one column per weighted criterion {cols}")
    if not np.isfinite(W).all() or (W < 0).any() or (W.sum(axis=1) <= 0).any():
        raise RobustnessError("weight_design: weights must be finite, >= 0, with a positive sum in every row")
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


def _sorted_ranks(S: np.ndarray, masks: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
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


def _ranks(S: np.ndarray, masks: list[np.ndarray]) -> list[np.ndarray]:
    """Ranks by product (variants x products; 0 = screened out) for each mask."""
    order, rs = _sorted_ranks(S, masks)
    out = []
    for r in rs:
        R = np.empty_like(r)
        np.put_along_axis(R, order, r, axis=1)
        out.append(R)
    return out


def _quantiles_from_counts(counts: np.ndarray, qs: tuple[float, ...]) -> list[np.ndarray]:
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


def _eta2(y: np.ndarray, levels: np.ndarray) -> float:
    """First-order variance share of y explained by a discrete factor (SS between / SS total)."""
    tot = float(((y - y.mean()) ** 2).sum())
    if tot <= 0:
        return 0.0
    _, inv, cnt = np.unique(levels, return_inverse=True, return_counts=True)
    means = np.bincount(inv, weights=y) / cnt
    return float((cnt * (means - y.mean()) ** 2).sum() / tot)


# --------------------------------------------------------------------------------------------
# the analysis
# --------------------------------------------------------------------------------------------
def robustness(
    criteria: pd.DataFrame,
    weights: Union[Mapping[str, float], pd.Series],
    *,
    thresholds: Optional[Thresholds] = None,
    eligible: Optional[Union[Iterable[str], pd.Series]] = None,
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
    weight_design: Union[str, pd.DataFrame, np.ndarray] = "dirichlet",
    n_weights: int = 100,
    spread: float = 0.2,
    grid_step: float = 0.1,
    grid_min: float = 0.1,
    seed: Optional[int] = 0,
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
    if missing not in MISSING_POLICIES:
        raise RobustnessError(f"missing={missing!r}; use one of {list(MISSING_POLICIES)}")
    if not (isinstance(k, (int, np.integer)) and k >= 1):
        raise RobustnessError(f"k must be a positive whole number, got {k!r}")
    norms = list(dict.fromkeys(normalisations))
    aggs = list(dict.fromkeys(aggregations))
    for m in norms + [nominal_method]:
        if m not in METHODS:
            raise RobustnessError(f"normalisation {m!r} is unknown; use one of {list(METHODS)}")
    for a in aggs + [nominal_aggregation]:
        if a not in AGGREGATIONS:
            raise RobustnessError(f"aggregation {a!r} is unknown; use one of {list(AGGREGATIONS)}")
    if not norms or not aggs:
        raise RobustnessError("give at least one normalisation and one aggregation")
    for name, v in (("threshold_spread", threshold_spread), ("spread", spread)):
        if not (isinstance(v, (int, float)) and math.isfinite(v) and v >= 0):
            raise RobustnessError(f"{name} must be a number >= 0, got {v!r}")
    if not (isinstance(n_weights, (int, np.integer)) and n_weights >= 1):
        raise RobustnessError(f"n_weights must be a positive whole number, got {n_weights!r}")
    if not 0 < plausible_share <= robust_share <= 1:
        raise RobustnessError("the bars must satisfy 0 < plausible_share <= robust_share <= 1")
    w = check_weights(t, weights)
    thr = check_thresholds(t, thresholds)
    cols = list(w)
    hib = higher_is_better_map(t, higher_is_better, cols)
    w_nom = np.array([w[c] for c in cols])
    levels = list(dict.fromkeys(threshold_levels)) if thr else ["nominal"]
    for lv in levels:
        if lv not in THRESHOLD_LEVELS:
            raise RobustnessError(f"threshold level {lv!r} is unknown; use some of {list(THRESHOLD_LEVELS)}")
    masks = _threshold_masks(t, thr, sorted(set(levels) | {"nominal"}, key=THRESHOLD_LEVELS.index),
                             float(threshold_spread))
    if eligible is not None:
        if isinstance(eligible, pd.Series) and eligible.dtype == bool:
            e = pd.Series(eligible.to_numpy(), index=eligible.index.astype(str))
            fixed = e.reindex(t.index).fillna(False).to_numpy(dtype=bool)
        else:
            codes = {str(x) for x in ([eligible] if isinstance(eligible, str) else eligible)}
            fixed = t.index.isin(list(codes))
        masks = {lv: m & fixed for lv, m in masks.items()}

    rng = np.random.default_rng(seed)
    Wd = _weight_design(weight_design, cols, w_nom, int(n_weights), float(spread), grid_step, grid_min, rng)
    pos = np.flatnonzero(w_nom > 0)
    sets = [("all", None)]
    if leave_one_out and len(pos) > 1:
        sets += [(f"-{cols[q]}", q) for q in pos]

    def set_weights(W: np.ndarray, q: Optional[int]) -> np.ndarray:
        if q is None:
            return W
        W = W.copy()
        W[:, q] = 0.0
        s = W.sum(axis=1, keepdims=True)
        return np.divide(W, s, out=np.zeros_like(W), where=s > 0)

    W_sets = [set_weights(Wd, q) for _, q in sets]          # each N x d
    W_all = np.vstack(W_sets).T                              # d x (S N)
    N = Wd.shape[0]

    # normalised values, once per method (niches.normalise)
    norm_cache = {}
    for m in set(norms) | {nominal_method}:
        nm = normalise(t, method=m, higher_is_better=hib, columns=cols).to_numpy()
        norm_cache[m] = nm
    avail = ~np.isnan(norm_cache[nominal_method])
    miss = (~avail).astype(float)
    products = t.index.to_numpy()
    n = len(t)

    def masks_for(W: np.ndarray, lvls: list[str]) -> list[np.ndarray]:
        if missing != "exclude":
            return [masks[lv] for lv in lvls]
        ok = ~(((W > 0).astype(float).T @ miss.T) > 0)       # variants x products
        return [masks[lv][None, :] & ok for lv in lvls]

    def evaluate(method: str, aggregation: str, W: np.ndarray, lvls: list[str]) -> list[np.ndarray]:
        """Ranks by product (variants x products) for the weight vectors W (criteria x variants)."""
        Y = _scale(norm_cache[method], avail, method, aggregation, missing)
        return _ranks(_scores(Y, avail, W, aggregation, missing), masks_for(W, lvls))

    # nominal
    r_nom = evaluate(nominal_method, nominal_aggregation, w_nom[:, None], ["nominal"])[0][0]
    nom_top = (r_nom >= 1) & (r_nom <= k)
    n_top = int(nom_top.sum())
    if n_top == 0:
        raise RobustnessError("no product passes the nominal screen: nothing to rank (check the thresholds)")
    Y0 = _scale(norm_cache[nominal_method], avail, nominal_method, nominal_aggregation, missing)
    s_nom = score_matrix(Y0, avail, w_nom[:, None], missing)[0][:, 0]
    if nominal_aggregation == "geometric":
        s_nom = np.exp(s_nom)

    def overlap(R: np.ndarray) -> np.ndarray:
        """Share of the nominal top k in each variant's top k (R: variants x products)."""
        return ((R >= 1) & (R <= k) & nom_top[None, :]).sum(axis=1) / n_top

    # full factorial, one (normalisation, aggregation) block at a time, in sorted order: every
    # per-product statistic comes from the histogram of its ranks (column 0 = screened out)
    hist = np.zeros((n, n + 1), dtype=np.int64)
    meta: dict[str, list] = {d: [] for d in ("normalisation", "aggregation", "criteria", "thresholds",
                                             "weights_id")}
    overlaps = []
    set_names = np.repeat([s for s, _ in sets], N)
    w_ids = np.tile(np.arange(N), len(sets))
    for m, a in itertools.product(norms, aggs):
        Y = _scale(norm_cache[m], avail, m, a, missing)
        order, rs = _sorted_ranks(_scores(Y, avail, W_all, a, missing), masks_for(W_all, levels))
        nom_sorted = nom_top[order]
        flat = order * (n + 1)
        for lv, r in zip(levels, rs):
            hist += np.bincount((flat + r).ravel(), minlength=n * (n + 1)).reshape(n, n + 1)
            overlaps.append(((r >= 1) & (r <= k) & nom_sorted).sum(axis=1) / n_top)
            c = r.shape[0]
            meta["normalisation"] += [m] * c
            meta["aggregation"] += [a] * c
            meta["criteria"] += list(set_names)
            meta["thresholds"] += [lv] * c
            meta["weights_id"] += list(w_ids)
    V = int(len(meta["weights_id"]))
    y = np.concatenate(overlaps)
    variants = pd.DataFrame(meta)
    variants["overlap"] = y
    counts = hist[:, 1:]
    cnt_ranked = counts.sum(axis=1)
    cnt_top = counts[:, :k].sum(axis=1)
    dist_to_nom = np.abs(np.arange(1, n + 1)[None, :] - r_nom[:, None]).astype(float)
    shift_sum = (counts * dist_to_nom).sum(axis=1)

    # per product
    q50, q05, q95 = _quantiles_from_counts(counts, (0.5, 0.05, 0.95))
    share = cnt_top / V
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
    prod = prod.sort_values(["share_top_k", "_b", "product"], ascending=[False, True, True],
                            kind="stable").drop(columns="_b").reset_index(drop=True)

    # one at a time: vary one dimension from the nominal
    oat: dict[str, dict[str, float]] = {}
    oat["normalisation"] = {m: float(overlap(evaluate(m, nominal_aggregation, w_nom[:, None], ["nominal"])[0])[0])
                            for m in norms if m != nominal_method}
    oat["aggregation"] = {a: float(overlap(evaluate(nominal_method, a, w_nom[:, None], ["nominal"])[0])[0])
                          for a in aggs if a != nominal_aggregation}
    oat["criteria"] = {}
    for name, q in sets[1:]:
        wq = set_weights(w_nom[None, :], q)[0]
        oat["criteria"][name] = float(overlap(evaluate(nominal_method, nominal_aggregation, wq[:, None],
                                                       ["nominal"])[0])[0])
    oat["thresholds"] = {}
    other = [lv for lv in levels if lv != "nominal"]
    if other:
        for lv, R in zip(other, evaluate(nominal_method, nominal_aggregation, w_nom[:, None], other)):
            oat["thresholds"][lv] = float(overlap(R)[0])
    ow = overlap(evaluate(nominal_method, nominal_aggregation, Wd.T, ["nominal"])[0])
    oat["weights"] = {"design": float(ow.mean())} if N else {}

    # by level over the design, and first-order variance shares
    dim_levels = {"normalisation": norms, "aggregation": aggs, "criteria": [s for s, _ in sets],
                  "thresholds": levels}
    rows, drows = [], []
    for dim in _DIMENSIONS:
        col = "weights_id" if dim == "weights" else dim
        lv_arr = variants[col].to_numpy()
        eta = _eta2(y, lv_arr)
        if dim == "weights":
            means = variants.groupby("weights_id")["overlap"].mean()
            rows.append({"dimension": dim, "level": f"design ({N} vectors)", "n_variants": V,
                         "mean_overlap": float(y.mean()), "oat_overlap": oat["weights"].get("design", np.nan)})
            n_lv = N
            oat_vals = list(ow)
        else:
            means = variants.groupby(col, sort=False)["overlap"].mean().reindex(dim_levels[dim])
            counts = variants.groupby(col, sort=False)["overlap"].size().reindex(dim_levels[dim])
            for lv in dim_levels[dim]:
                nominal_level = {"normalisation": nominal_method, "aggregation": nominal_aggregation,
                                 "criteria": "all", "thresholds": "nominal"}[dim]
                rows.append({"dimension": dim, "level": lv, "n_variants": int(counts[lv]),
                             "mean_overlap": float(means[lv]),
                             "oat_overlap": 1.0 if lv == nominal_level else oat[dim].get(lv, np.nan)})
            n_lv = len(dim_levels[dim])
            oat_vals = list(oat[dim].values())
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
    nominal = pd.DataFrame({"product": products, "rank": pd.array(np.where(r_nom >= 1, r_nom, 0), dtype="Int64"),
                            "score": np.where(r_nom >= 1, s_nom, np.nan)})
    nominal.loc[r_nom < 1, "rank"] = pd.NA
    nominal = nominal.sort_values(["rank", "product"], na_position="last", kind="stable").reset_index(drop=True)
    return RobustnessResult(
        products=prod, dimensions=dims.reset_index(drop=True), choices=pd.DataFrame(rows),
        variants=variants, weights=pd.DataFrame(Wd, columns=pd.Index(cols, name="criterion")),
        nominal=nominal, k=int(k), n_variants=V,
        settings={
            "weights": dict(w), "thresholds": dict(thr), "higher_is_better": hib, "missing": missing,
            "nominal_method": nominal_method, "nominal_aggregation": nominal_aggregation,
            "normalisations": norms, "aggregations": aggs, "criteria_sets": [s for s, _ in sets],
            "threshold_levels": levels, "threshold_spread": float(threshold_spread),
            "weight_design": weight_design if isinstance(weight_design, str) else "given",
            "n_weights": N, "spread": float(spread), "seed": seed, "robust_share": robust_share,
            "plausible_share": plausible_share, "p95_factor": p95_factor,
        },
    )
