r"""How stable is the niche ranking when its weights and thresholds move? (lesson L11)

:func:`sensitivity` redraws the weights of :func:`course_tools.methods.niches.niche_scores`
(Dirichlet around the chosen ones) and the thresholds (± a relative amount) many times and reports
how stable the top k is (overlap, Spearman) and, product by product, the share of draws in which it
stays in the top k: the robust niches. :mod:`course_tools.methods.robustness` varies every modelling
choice at once (normalisation, aggregation, criteria, thresholds, weights).

References: OECD/JRC (2008) *Handbook on Constructing Composite Indicators: Methodology and User
Guide*, OECD Publishing, ch. 1.7 (uncertainty and sensitivity analysis); Saisana, Saltelli &
Tarantola (2005) "Uncertainty and sensitivity analysis techniques as tools for the quality
assessment of composite indicators", *J. R. Stat. Soc. A* 168(2).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from course_tools.i18n import text
from course_tools.methods._common import require_non_negative, require_positive_whole
from course_tools.methods.niches import (
    OPERATORS,
    HigherIsBetter,
    Labels,
    NicheModelError,
    Thresholds,
    check_table,
    niche_scores,
    normalise,
    numeric_columns,
    score_matrix,
)
from course_tools.methods.rank_statistics import row_quantiles

__all__ = ["SensitivityResult", "sensitivity", "draw_weights"]


@dataclass
class SensitivityResult:
    """What :func:`sensitivity` found.

    ``base``: the :func:`niche_scores` table with the chosen weights and thresholds.
    ``draws``: one row per draw: draw, overlap (share of the base top k still in the draw's top
    k), spearman (rank correlation with the base ranking over the products passing the base
    screen). ``products``: one row per product that passes the base screen or ever enters a top
    k: product, base_rank, share_top_k (share of draws in the top k), median_rank, rank_p05,
    rank_p95 (5th-95th percentile of its rank over the draws), robust (share_top_k >= ``robust``),
    sorted by share_top_k then base rank. ``weights``: the drawn weights (draws x criteria).
    """

    base: pd.DataFrame
    draws: pd.DataFrame
    products: pd.DataFrame
    weights: pd.DataFrame
    k: int
    n: int
    spread: float
    threshold_spread: float
    seed: int | None
    robust: float
    settings: dict = field(default_factory=dict, repr=False)

    def robust_niches(self) -> list[str]:
        """Products in the top k in at least a share ``robust`` of the draws, most robust first."""
        p = self.products
        return p.loc[p["robust"], "product"].tolist()


# --------------------------------------------------------------------------------------------
# small named pieces
# --------------------------------------------------------------------------------------------
def draw_weights(w: np.ndarray, n: int, spread: float, rng: np.random.Generator) -> np.ndarray:
    """n weight vectors (n x criteria) from a Dirichlet centred on w with concentration 1/spread^2.

    Zero weights stay 0; ``spread=0`` (or a single positive weight) repeats w.
    """
    out = np.tile(w, (n, 1))
    pos = w > 0
    if spread > 0 and pos.sum() > 1:
        out[:, pos] = rng.dirichlet(w[pos] / spread**2, size=n)
    return out


def _check_settings(n: object, k: object, spread: object, threshold_spread: object, robust: float) -> None:
    require_positive_whole(NicheModelError, n=n, k=k)
    require_non_negative(NicheModelError, "niche_msg.methods.sensitivity.spread", spread=spread,
                         threshold_spread=threshold_spread)
    if not 0 < robust <= 1:
        raise NicheModelError(text("niche_msg.methods.common.share", name="robust", value=robust))


def _screens(t: pd.DataFrame, thr: Mapping[str, tuple[str, float]], S: np.ndarray, avail: np.ndarray,
             wv: np.ndarray, missing: str, n: int, threshold_spread: float,
             rng: np.random.Generator) -> np.ndarray:
    """Products x draws: passes the draw's screen (thresholds t' = t + u·|t|, u ~ U(-spread, spread))."""
    P = np.ones_like(S, dtype=bool)
    if missing == "exclude":
        P &= ~(~avail & (wv > 0)[None, :]).any(axis=1)[:, None]
    P &= np.isfinite(S)
    for c, (op, v) in thr.items():
        x = numeric_columns(t, [c])[:, 0]
        if threshold_spread > 0:
            scale = abs(v) if v != 0 else float(np.nanstd(x))
            tv = v + rng.uniform(-threshold_spread, threshold_spread, size=n) * scale
        else:
            tv = np.full(n, v)
        with np.errstate(invalid="ignore"):
            P &= OPERATORS[op](x[:, None], tv[None, :]) & ~np.isnan(x)[:, None]
    return P


def _top_k(S_eff: np.ndarray, b_score: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(in the draw's top k: products x draws, overlap of each draw's top k with the base top k).

    Top k of each draw: sorted by score descending, ties by product code (rows are in code order).
    """
    n = S_eff.shape[1]
    idx = np.argsort(-S_eff, axis=0, kind="stable")[:k]  # k x n
    in_top = np.zeros_like(S_eff, dtype=bool)
    cols_i = np.broadcast_to(np.arange(n), idx.shape)
    in_top[idx, cols_i] = True
    in_top &= np.isfinite(S_eff)
    b_idx = np.argsort(-b_score, kind="stable")[:k]
    b_idx = b_idx[np.isfinite(b_score[b_idx])]
    base_top = np.zeros(len(b_score), dtype=bool)
    base_top[b_idx] = True
    overlap = (in_top & base_top[:, None]).sum(axis=0) / max(int(base_top.sum()), 1)
    return in_top, overlap


def _spearman(S_eff: np.ndarray, b_score: np.ndarray, b_pass: np.ndarray) -> np.ndarray:
    """Rank correlation of each draw with the base scores over the products passing the base screen."""
    sub = S_eff[b_pass]
    if sub.shape[0] < 2:
        return np.full(S_eff.shape[1], np.nan)
    r_draw = rankdata(sub, axis=0)  # -inf (screened out in the draw) rank last, tied
    r_base = rankdata(b_score[b_pass])
    rd = r_draw - r_draw.mean(axis=0)
    rb = r_base - r_base.mean()
    den = np.sqrt((rd**2).sum(axis=0) * (rb**2).sum())
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, (rd * rb[:, None]).sum(axis=0) / den, np.nan)


def _product_table(products: np.ndarray, base_rank: np.ndarray, S_eff: np.ndarray, in_top: np.ndarray,
                   b_pass: np.ndarray, robust: float) -> pd.DataFrame:
    """One row per product that passes the base screen or ever enters a top k, most robust first."""
    ranks = rankdata(-S_eff, axis=0, method="min").astype(float)  # 1 = best, ties share the best rank
    ranks[~np.isfinite(S_eff)] = np.nan
    share = in_top.mean(axis=1)
    keep = b_pass | (share > 0)
    q = row_quantiles(ranks[keep], (0.5, 0.05, 0.95))
    prod = pd.DataFrame({
        "product": products[keep],
        "base_rank": base_rank[keep],
        "share_top_k": share[keep],
        "median_rank": q[0],
        "rank_p05": q[1],
        "rank_p95": q[2],
    })
    prod["base_rank"] = prod["base_rank"].astype("Int64")
    prod["robust"] = prod["share_top_k"] >= robust - 1e-12
    prod["_b"] = prod["base_rank"].astype("float").fillna(np.inf)
    return prod.sort_values(["share_top_k", "_b", "product"], ascending=[False, True, True],
                            kind="stable").drop(columns="_b").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# the analysis
# --------------------------------------------------------------------------------------------
def sensitivity(
    criteria: pd.DataFrame,
    weights: Mapping[str, float] | pd.Series,
    *,
    thresholds: Thresholds | None = None,
    higher_is_better: HigherIsBetter = None,
    method: str | Mapping[str, str] = "rank",
    missing: str = "worst",
    n: int = 200,
    spread: float = 0.2,
    threshold_spread: float = 0.1,
    seed: int | None = 0,
    k: int = 10,
    robust: float = 0.8,
    labels: Labels = None,
    lang: str = "en",
) -> SensitivityResult:
    r"""How stable is the niche ranking when weights and thresholds move? (OECD/JRC 2008, ch. 1.7)

    Each of the ``n`` draws (numpy Generator seeded with ``seed``: same seed, same draws):

    - **weights** w' ~ Dirichlet(w / spread²) on the criteria with a positive weight (zero
      weights stay 0). The mean of w' is w and sd(w'_c) = sqrt(w_c (1 - w_c) / (1/spread² + 1)),
      about ``spread`` × w_c for two equal weights (spread = 0.2: a weight of 0.5 moves by ±0.1);
      ``spread=0`` keeps the weights fixed;
    - **thresholds** t' = t + u·|t| with u ~ Uniform(-threshold_spread, threshold_spread),
      independently per threshold (a threshold at 0 moves by u × the criterion's sd instead).

    Normalised values do not change (they do not depend on weights or thresholds), so all draws
    are scored with one matrix product. Per draw: the top k (passing products, best score, ties
    by product code), **overlap** = |top k of the draw ∩ base top k| / |base top k| and
    **spearman** = the rank correlation between the draw's and the base scores over the products
    passing the base screen (those screened out in the draw rank last, tied).
    Per product: **share_top_k**, the share of the draws in which it is in the top k: a product
    with share_top_k >= ``robust`` is a robust niche.
    """
    t = check_table(criteria)
    base = niche_scores(t, weights, thresholds=thresholds, higher_is_better=higher_is_better,
                        method=method, missing=missing, labels=labels, lang=lang)
    _check_settings(n, k, spread, threshold_spread, robust)
    w, thr, hib = base.attrs["weights"], base.attrs["thresholds"], base.attrs["higher_is_better"]
    cols = list(w)
    rng = np.random.default_rng(seed)

    # products in table order (sorted by code for stable tie-breaks)
    t = t.iloc[np.argsort(t.index.to_numpy().astype(str), kind="stable")]
    products = t.index.to_numpy()
    norm = normalise(t, method=method, higher_is_better=hib, columns=cols).to_numpy()
    avail = ~np.isnan(norm)
    wv = np.array([w[c] for c in cols])
    W = draw_weights(wv, n, float(spread), rng)  # n x m
    S, _ = score_matrix(np.where(avail, norm, 0.0), avail, W.T, missing)  # products x draws
    P = _screens(t, thr, S, avail, wv, missing, n, threshold_spread, rng)

    S_eff = np.where(P, np.round(S, 12), -np.inf)
    base_key = base.set_index("product").loc[products]
    b_pass = base_key["passes"].to_numpy(dtype=bool)
    b_score = np.where(b_pass, np.round(base_key["score"].to_numpy(dtype=float), 12), -np.inf)
    in_top, overlap = _top_k(S_eff, b_score, k)
    prod = _product_table(products, base_key["rank"].to_numpy(), S_eff, in_top, b_pass, robust)
    draws = pd.DataFrame({"draw": np.arange(n), "overlap": overlap, "spearman": _spearman(S_eff, b_score, b_pass)})
    return SensitivityResult(
        base=base, draws=draws, products=prod,
        weights=pd.DataFrame(W, columns=pd.Index(cols, name="criterion")),
        k=int(k), n=int(n), spread=float(spread), threshold_spread=float(threshold_spread),
        seed=seed, robust=float(robust),
        settings={"method": method, "missing": missing, "thresholds": thr, "weights": w},
    )
