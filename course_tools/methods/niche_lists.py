r"""The two lists of the niche model, each with its own criteria, weights and robustness: *consolidate* and *diversify*.

Practitioners present strengths and strategic bets separately (the Growth Lab's country pages and
reports; ITC's Export Potential Indicator for products already exported and its Product
Diversification Indicator for new ones). The same criteria table gives both lists; the products are
split by ONE rule on the Balassa RCA, so no product is in both:

- **consolidate** (*consolidar*): :math:`RCA_{ck} \ge 1`, where to grow and in which markets. Default
  criteria (:data:`CONSOLIDATE`): untapped export potential (ITC-style EPI summed over markets), world
  demand growth (CAGR over the window), the change in the country's world market share over the same
  window (ECLAC TradeCAN's competitiveness axis) and the LAC share of world imports (regional pull),
  equal weights, rank normalisation (robust to the heavy tail of dollar potentials), products exported
  for at least USD 1 million. A **course convention**: ITC ranks these products by untapped potential
  alone and publishes no composite.
- **diversify** (*diversificar*): :math:`RCA_{ck} < 1`, strategic bets near the country's capabilities.
  Default (:data:`DIVERSIFY`): the Growth Lab's product-selection score on density (nearness; the
  Atlas weights distance with its sign inverted, and the z-score of -distance is the z-score of
  density), PCI and COG with the Atlas "explore" weights 0.50 / 0.15 / 0.35 (METHODS-niches B.3, a
  secondary source), z-scores over all products. Difference: the niche model clips z at ±3 sd
  (:func:`course_tools.methods.niches.normalise`); the Atlas does not.

Each list is ranked by :func:`course_tools.methods.niches.niche_scores` (so every niche keeps its
contributions and its ``why``) among the products its rule admits, and tested by
:func:`course_tools.methods.robustness.robustness` with the same nominal settings, so the nominal
ranking of the robustness analysis IS the list. A niche is called **robust** only above a stated bar
(:data:`ROBUST_BAR`: in the top k in at least 75 % of all variants and 95th-percentile rank <= 2k;
METHODS-niches D.3, a teaching convention, not a JRC rule).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from course_tools.i18n import text
from course_tools.methods.diversification import drivers
from course_tools.methods.niches import METHODS, NicheModelError, check_table, niche_scores
from course_tools.methods.robustness import RobustnessResult, robustness

__all__ = ["ListSpec", "CONSOLIDATE", "DIVERSIFY", "LISTS", "ROBUST_BAR", "NicheList", "eligible", "rank_list",
           "list_robustness", "niche_list", "two_niche_lists"]

#: The bar a niche must clear to be called robust, and the next ones (METHODS-niches D.3).
ROBUST_BAR: dict[str, float] = {"robust_share": 0.75, "p95_factor": 2.0, "plausible_share": 0.5}


@dataclass(frozen=True)
class ListSpec:
    """One list: its name, the RCA rule that defines it, its weights, extra screens and normalisation."""

    name: str
    weights: Mapping[str, float]
    thresholds: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    method: str = "rank"
    rca_threshold: float = 1.0

    @property
    def rule(self) -> tuple[str, float]:
        """The RCA rule of the list: (">=", 1.0) for consolidate, ("<", 1.0) for diversify."""
        return (">=", float(self.rca_threshold)) if self.name == "consolidate" else ("<", float(self.rca_threshold))

    def with_settings(self, weights: Mapping[str, float] | None = None,
                      thresholds: Mapping[str, tuple[str, float]] | None = None) -> ListSpec:
        """The same list with other weights and/or thresholds (e.g. read from the coordinator's file)."""
        return replace(self, weights=dict(self.weights if weights is None else weights),
                       thresholds=dict(self.thresholds if thresholds is None else thresholds))


#: Default consolidate list (course convention; see the module docstring).
CONSOLIDATE = ListSpec("consolidate", {"untapped_potential": 1.0, "demand_growth": 1.0, "share_change": 1.0,
                                       "lac_demand_share": 1.0},
                       {"export_value": (">=", 1e6)}, "rank")
#: Default diversify list: the Growth Lab's "explore" weights on density, PCI and COG, z-scores.
DIVERSIFY = ListSpec("diversify", {"density": 0.50, "pci": 0.15, "cog": 0.35}, {}, "zscore")
#: Both, by name.
LISTS: dict[str, ListSpec] = {"consolidate": CONSOLIDATE, "diversify": DIVERSIFY}


def _check_spec(spec: object) -> ListSpec:
    if not isinstance(spec, ListSpec) or spec.name not in LISTS:
        raise NicheModelError(text("niche_lists.bad_spec", None, spec=repr(spec)))
    if spec.method not in METHODS:
        raise NicheModelError(text("niche_lists.bad_method", None, method=spec.method, name=spec.name,
                                   methods=list(METHODS)))
    return spec


def eligible(criteria: pd.DataFrame, spec: ListSpec) -> pd.Series:
    """Which products the list's RCA rule admits (boolean Series by product; NaN RCA: neither list)."""
    t = check_table(criteria)
    if "rca" not in t.columns:
        raise NicheModelError(text("niche_lists.no_rca"))
    r = pd.to_numeric(t["rca"], errors="coerce").to_numpy(dtype=float)
    op, v = _check_spec(spec).rule
    with np.errstate(invalid="ignore"):
        ok = (r >= v) if op == ">=" else (r < v)
    return pd.Series(ok & ~np.isnan(r), index=t.index, name=spec.name)


def rank_list(criteria: pd.DataFrame, spec: ListSpec, *, labels=None, lang: str = "en",
              missing: str = "worst", n_why: int = 3) -> pd.DataFrame:
    """The list: :func:`niche_scores` with the list's weights, screens and normalisation, rows of its products only.

    Normalisation is over every product of the table (so a product's normalised values do not depend
    on the list it falls in); the list keeps the products its RCA rule admits and ranks those that
    pass its screens 1, 2, ... by score (ties, scores equal to 12 decimals, share the best rank), best
    first. Columns of :func:`niche_scores` plus ``list``; ``attrs`` of niche_scores plus ``list`` and
    ``rule``.
    """
    spec = _check_spec(spec)
    t = check_table(criteria)
    hib = t.attrs.get("higher_is_better") or criteria.attrs.get("higher_is_better")
    s = niche_scores(t, dict(spec.weights), thresholds=dict(spec.thresholds) or None, higher_is_better=hib,
                     method=spec.method, missing=missing, labels=labels, lang=lang, n_why=n_why)
    keep = eligible(t, spec).reindex(s["product"].astype(str)).to_numpy(dtype=bool)
    out = s[keep].reset_index(drop=True)
    ok = out["passes"].to_numpy(dtype=bool) & np.isfinite(out["score"].to_numpy(dtype=float))
    key = np.round(np.where(ok, out["score"].to_numpy(dtype=float), -np.inf), 12)
    rank = pd.array([pd.NA] * len(out), dtype="Int64")
    if ok.any():
        rank[ok] = rankdata(-key[ok], method="min").astype("int64")
    out["rank"] = rank
    out.insert(1, "list", spec.name)
    out.attrs = {**s.attrs, "list": spec.name, "rule": spec.rule}
    return out


def list_robustness(criteria: pd.DataFrame, spec: ListSpec, *, k: int = 10, n_weights: int = 100, seed: int = 0,
                    threshold_spread: float = 0.5, spread: float = 0.2, missing: str = "worst") -> RobustnessResult:
    """:func:`robustness` of the list: its products (fixed RCA rule), its nominal settings, the stated bar.

    The design: normalisation (rank, min-max, z-score) x aggregation (arithmetic, geometric) x criteria
    (all, each weighted one left out) x thresholds (nominal, looser, stricter by ``threshold_spread``,
    none; only nominal when the list has none) x ``n_weights`` Dirichlet weight vectors around the
    list's weights (``spread``), numpy seeded with ``seed``. Labels with :data:`ROBUST_BAR`.
    """
    spec = _check_spec(spec)
    t = check_table(criteria)
    hib = t.attrs.get("higher_is_better") or criteria.attrs.get("higher_is_better")
    return robustness(t, dict(spec.weights), thresholds=dict(spec.thresholds) or None, eligible=eligible(t, spec),
                      higher_is_better=hib, missing=missing, k=k, nominal_method=spec.method,
                      threshold_spread=threshold_spread, n_weights=n_weights, spread=spread, seed=seed, **ROBUST_BAR)


@dataclass
class NicheList:
    """One list of one country: the ranking, its robustness and the criteria that drive it."""

    spec: ListSpec
    ranking: pd.DataFrame
    robustness: RobustnessResult
    drivers: pd.DataFrame

    def top(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` best passing products with their robustness share and label."""
        r = self.ranking[self.ranking["passes"].astype(bool)].head(int(n))
        rob = self.robustness.products.set_index("product")[["share_top_k", "rank_p95", "label"]]
        return r.join(rob, on="product")


def niche_list(criteria: pd.DataFrame, spec: ListSpec, *, labels=None, lang: str = "en", k: int = 10,
               n_weights: int = 100, seed: int = 0, threshold_spread: float = 0.5) -> NicheList:
    """:func:`rank_list`, :func:`list_robustness` and the drivers (mean contribution over the top k) of one list."""
    ranking = rank_list(criteria, spec, labels=labels, lang=lang)
    rob = list_robustness(criteria, spec, k=k, n_weights=n_weights, seed=seed, threshold_spread=threshold_spread)
    passing = ranking[ranking["passes"].astype(bool)]
    return NicheList(spec, ranking, rob, drivers(passing, top=k) if len(passing) else pd.DataFrame())


def two_niche_lists(criteria: pd.DataFrame, consolidate: ListSpec = CONSOLIDATE, diversify: ListSpec = DIVERSIFY,
                    **options) -> dict[str, NicheList]:
    """Both lists (:func:`niche_list`): ``{"consolidate": ..., "diversify": ...}``; disjoint by their RCA rules.

    The two specs must use the same RCA threshold (else a product could fall in both or neither).
    """
    if float(consolidate.rca_threshold) != float(diversify.rca_threshold):
        raise NicheModelError(text("niche_lists.same_rca", None, a=consolidate.rca_threshold,
                                   b=diversify.rca_threshold))
    return {s.name: niche_list(criteria, s, **options) for s in (consolidate, diversify)}
