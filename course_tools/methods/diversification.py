r"""The two lists practitioners present: products to *consolidate* and products to *diversify* into.

- **Consolidate** (where to grow): products the country already exports with revealed comparative
  advantage, :math:`RCA_{ck} \ge 1`. They are ranked on market criteria: by default untapped export
  potential (ITC's Export Potential Indicator, :mod:`.export_potential`), the growth of world demand
  (a CAGR over one window, :func:`demand_cagr`) and the change in the country's market share (ECLAC
  TradeCAN's competitiveness axis), with equal weights. This list and its weights are a **course
  convention**: ITC ranks such products by untapped potential alone and publishes no composite.
- **Diversify** (strategic bets): products with :math:`RCA_{ck} < 1`, ranked by the Growth Lab's
  "strategic approach" (Atlas of Economic Complexity, product recommendations; Hausmann, Hidalgo et
  al. 2011/2014, Technical Box 5.4 for distance, PCI and COG):

  .. math:: \text{score}_{ck} = w_d\,\tilde d_{ck} + w_{pci}\,\widetilde{PCI}_k + w_{cog}\,\widetilde{COG}_{ck}

  with :math:`\tilde x` the z-score of x over all products of the country (distance with its sign
  inverted, so higher = nearer) and the weights of :data:`ATLAS_WEIGHTS`, read from the Atlas front
  end as documented by S. Gadgin Matha (``shreyasgm/ask-atlas``, ``strategic_approaches.md``;
  METHODS-niches.md B.3, a secondary source: the weights can change between Atlas releases).

The lists are **disjoint by construction**: the same RCA threshold splits the products (a product
without RCA is in neither). Differences from the published methods: the Atlas computes everything on
its cleaned HS92 data with a continuous presence from 2026, applies a PCI ceiling for countries with
GDP per capita <= USD 6,000 (here only if ``eci`` and ``pci_ceiling`` are given: GDP is not an input)
and removes some products with an undocumented ``show_feasibility`` flag (not reproduced); the
country's strategic approach needs the Atlas's ECI controlled for natural resources and income
(:func:`strategic_approach` takes it as an argument; without it the course uses a fixed weight set).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from course_tools.i18n import text
from course_tools.methods.niches import HigherIsBetter, Labels, NicheModelError, Thresholds, niche_scores

__all__ = [
    "DiversificationError", "ATLAS_WEIGHTS", "FRONTIER_ECONOMIES", "CONSOLIDATE_WEIGHTS", "APPROACHES",
    "strategic_approach", "cagr", "demand_cagr", "growth_lab_score", "diversify_list", "consolidate_list",
    "drivers", "TwoLists", "two_lists",
]

#: Growth Lab product-selection weights (distance, PCI, COG) by strategy [secondary source, METHODS-niches B.3].
ATLAS_WEIGHTS: dict[str, dict[str, float]] = {
    "low-hanging fruit": {"distance": 0.60, "pci": 0.15, "cog": 0.25},
    "light touch": {"distance": 0.60, "pci": 0.20, "cog": 0.20},
    "parsimonious industrial policy": {"distance": 0.55, "pci": 0.20, "cog": 0.25},
    "strategic bets": {"distance": 0.50, "pci": 0.15, "cog": 0.35},
    "long jumps": {"distance": 0.45, "pci": 0.20, "cog": 0.35},
    "explore": {"distance": 0.50, "pci": 0.15, "cog": 0.35},
}
#: The Atlas's hard-coded Technological Frontier economies (no product recommendations).
FRONTIER_ECONOMIES: tuple[str, ...] = ("AUT", "CAN", "CHN", "CZE", "FIN", "FRA", "DEU", "ITA", "JPN", "NLD",
                                       "SGP", "KOR", "SWE", "CHE", "GBR", "USA")
#: Country strategic approaches of the Atlas (B.4), with the policy logic in the Atlas's words.
APPROACHES: dict[str, str] = {
    "technological frontier": "Having exploited virtually all, major existing products, gains come from "
                              "developing new products.",
    "light touch": "Ample space to diversify calls for leveraging existing successes to enter more complex "
                   "production.",
    "parsimonious industrial policy": "Limited opportunities requires addressing bottlenecks, to help jump "
                                      "short distances, into related products.",
    "strategic bets": "Few nearby opportunities call for coordinated long jumps into strategic areas with "
                      "future diversification potential.",
}
#: Course default for the consolidate list: equal weights on market potential, demand growth and
#: market-share change (a course convention; no published composite exists for this list).
CONSOLIDATE_WEIGHTS: dict[str, float] = {"untapped_potential": 1 / 3, "demand_cagr": 1 / 3, "share_change": 1 / 3}


class DiversificationError(NicheModelError):
    """Bad input for the two lists (the message says what is wrong and how to fix it)."""


# --------------------------------------------------------------------------------------------
# country strategic approach
# --------------------------------------------------------------------------------------------
def strategic_approach(coi: float, eci_controlled: float | None = None, country: str | None = None) -> str:
    """The Atlas's strategic approach of a country (METHODS-niches B.4, secondary source).

    Technological frontier if ``country`` is in :data:`FRONTIER_ECONOMIES`; else "strategic bets" if
    COI < 0; else "light touch" if ECI* >= 0 and "parsimonious industrial policy" if ECI* < 0, with
    ECI* = ``eci_controlled``, the Atlas's ECI controlled for natural-resource rents and GDP per capita
    (not computable from trade data). With COI >= 0 and no ECI*: "undetermined" (use the balanced
    weight sets as scenarios of the robustness analysis). Each key's policy logic: :data:`APPROACHES`.
    The weight set of the product ranking is ``ATLAS_WEIGHTS[approach]``.
    """
    if country is not None and str(country).upper() in FRONTIER_ECONOMIES:
        return "technological frontier"
    c = float(coi)
    if not np.isfinite(c):
        raise DiversificationError(text("niche_msg.methods.common.finite", name="coi", value=coi))
    if c < 0:
        return "strategic bets"
    if eci_controlled is None or not np.isfinite(float(eci_controlled)):
        return "undetermined"
    return "light touch" if float(eci_controlled) >= 0 else "parsimonious industrial policy"


# --------------------------------------------------------------------------------------------
# demand growth over one window
# --------------------------------------------------------------------------------------------
def cagr(start: float | np.ndarray | pd.Series, end: float | np.ndarray | pd.Series,
         years: float) -> float | np.ndarray | pd.Series:
    """Compound annual growth rate (end / start)^(1 / years) - 1; NaN where start <= 0 or a value is NaN.

    A growth rate, comparable across products of any size (unlike a change in the share of world
    trade, which grows with the product's size). End = 0 gives -1 (-100 %).
    """
    if not (isinstance(years, (int, float, np.integer, np.floating)) and years > 0):
        raise DiversificationError(text("niche_msg.methods.common.positive", name="years", value=years))
    s = np.asarray(start, dtype=float)
    e = np.asarray(end, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where((s > 0) & (e >= 0), (e / np.where(s > 0, s, 1.0)) ** (1.0 / years) - 1.0, np.nan)
    if isinstance(start, pd.Series):
        return pd.Series(out, index=start.index, name="cagr")
    return float(out) if out.ndim == 0 else out


def demand_cagr(table: pd.DataFrame, start: int, end: int, *, average: int = 1, product: str = "product",
                year: str = "year", value: str = "value") -> pd.DataFrame:
    """Growth of demand for each product over one window, as a CAGR.

    ``table``: tidy (``product``, ``year``, ``value``), e.g. world trade by product and year
    (``data.load_product_year()`` with ``value="world_export_value"``) or one market's imports.
    Levels at the two ends are means over ``average`` years: [start, start + average - 1] and
    [end - average + 1, end] (a missing year makes the level NaN); the growth rate spans the
    distance between the centres of the two blocks, end - start - (average - 1) years:
    cagr = (V_end / V_start)^(1 / span) - 1 (NaN if V_start = 0: growth from nothing is undefined).
    Returns product, value_start, value_end, cagr, window (e.g. "1995-2023", to print with every
    figure); ``attrs``: start, end, average, span.
    """
    if not isinstance(table, pd.DataFrame):
        raise DiversificationError(text("niche_msg.methods.common.not_frame", name="table", kind=type(table).__name__))
    miss = [c for c in (product, year, value) if c not in table.columns]
    if miss:
        raise DiversificationError(text("niche_msg.methods.diversification.no_columns", missing=miss,
                                        columns=list(table.columns)))
    start, end, average = int(start), int(end), int(average)
    if average < 1:
        raise DiversificationError(text("niche_msg.methods.diversification.average", value=average))
    span = end - start - (average - 1)
    if span <= 0:
        raise DiversificationError(text("niche_msg.methods.diversification.short_window", start=start, end=end,
                                        average=average))
    y0 = list(range(start, start + average))
    y1 = list(range(end - average + 1, end + 1))
    have = set(pd.to_numeric(table[year], errors="coerce").dropna().astype(int))
    absent = sorted(set(y0 + y1) - have)
    if absent:
        raise DiversificationError(text("niche_msg.methods.diversification.absent_years",
                                        absent=absent, first=min(have),
                                        last=max(have)) if have else text("niche_msg.methods.diversification.no_years"))
    v = pd.to_numeric(table[value], errors="coerce")
    if (v < 0).any():
        raise DiversificationError(text("niche_msg.methods.diversification.negative", name=value))
    d = pd.DataFrame({"p": table[product].astype(str), "y": pd.to_numeric(table[year]).astype(int), "v": v})
    wide = d[d["y"].isin(y0 + y1)].pivot_table(index="p", columns="y", values="v", aggfunc="sum", dropna=False)
    wide = wide.reindex(columns=y0 + y1)
    v0 = wide[y0].mean(axis=1, skipna=False)
    v1 = wide[y1].mean(axis=1, skipna=False)
    label = f"{start}-{end}" if average == 1 else f"{start}-{end} ({average}-year averages)"
    out = pd.DataFrame({product: wide.index.to_numpy(), "value_start": v0.to_numpy(), "value_end": v1.to_numpy()})
    out["cagr"] = cagr(out["value_start"].to_numpy(), out["value_end"].to_numpy(), span)
    out["window"] = label
    out.attrs = {"start": start, "end": end, "average": average, "span": span, "window": label}
    return out.sort_values(product, kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# diversify: the Growth Lab score
# --------------------------------------------------------------------------------------------
def _table(criteria: object) -> pd.DataFrame:
    if not isinstance(criteria, pd.DataFrame):
        raise DiversificationError(text("niche_msg.methods.niches.not_frame", kind=type(criteria).__name__))
    t = criteria.set_index("product") if "product" in criteria.columns else criteria
    t = t.copy()
    t.index = pd.Index(t.index.astype(str), name="product")
    if t.index.has_duplicates:
        raise DiversificationError(text("niche_msg.methods.niches.duplicated",
                                            dup=t.index[t.index.duplicated()][:5].tolist()))
    return t


def _need(t: pd.DataFrame, cols: Iterable[str], what: str) -> None:
    bad = [c for c in cols if c not in t.columns]
    if bad:
        raise DiversificationError(text("niche_msg.methods.niches.not_columns",
                                        what=what, bad=bad, columns=list(t.columns)))


def growth_lab_score(criteria: pd.DataFrame, weights: Mapping[str, float], *,
                     higher_is_better: Mapping[str, bool] | None = None,
                     over: pd.Series | np.ndarray | None = None) -> pd.DataFrame:
    r"""Weighted sum of z-scores: score = sum_c w_c z_c, z_c = ±(x_c - mean) / sd (Atlas product ranking).

    ``weights``: e.g. ``ATLAS_WEIGHTS["strategic bets"]`` (rescaled to sum 1); ``higher_is_better``:
    mapping criterion -> bool, default False for names containing "distance" (the Atlas inverts the
    sign of distance), True otherwise. Means and sds (ddof 0; the ddof does not change the ranking)
    are taken over the products where ``over`` is True (default: every product of the table with a
    value, as the Atlas's ``normalized*`` fields over all products; the RCA < 1 subset is a course
    scenario). A constant criterion gets z = 0. A product with NaN in a weighted criterion gets a
    NaN score. Returns, by product: ``z_<c>`` (oriented), ``contrib_<c>`` = w_c z_c and ``score``.
    """
    t = _table(criteria)
    w = {str(c): float(v) for c, v in dict(weights).items()}
    _need(t, w, "weights")
    if any((not np.isfinite(v)) or v < 0 for v in w.values()) or sum(w.values()) <= 0:
        raise DiversificationError(text("niche_msg.methods.diversification.weights", weights=w))
    total = sum(w.values())
    w = {c: v / total for c, v in w.items()}
    hib = {c: ("distance" not in c) for c in w}
    if higher_is_better is not None:
        hib.update({str(c): bool(v) for c, v in dict(higher_is_better).items() if str(c) in w})
    pop = np.ones(len(t), dtype=bool) if over is None else np.asarray(
        over.reindex(t.index).fillna(False) if isinstance(over, pd.Series) else over, dtype=bool)
    out = pd.DataFrame(index=t.index)
    score = np.zeros(len(t))
    for c, wc in w.items():
        x = pd.to_numeric(t[c], errors="coerce").to_numpy(dtype=float)
        ref = x[pop & ~np.isnan(x)]
        mu, sd = (ref.mean(), ref.std()) if ref.size else (np.nan, np.nan)
        z = (x - mu) / sd if sd > 0 else np.where(np.isnan(x), np.nan, 0.0)
        z = z if hib[c] else -z
        out[f"z_{c}"] = z
        out[f"contrib_{c}"] = wc * z
        score = score + wc * z
    out["score"] = score
    out.attrs = {"weights": w, "higher_is_better": hib}
    return out


def _rank_desc(score: np.ndarray, ok: np.ndarray) -> pd.array:
    r = pd.array([pd.NA] * len(score), dtype="Int64")
    if ok.any():
        r[ok] = rankdata(-np.round(score[ok], 12), method="min").astype("int64")
    return r


def diversify_list(
    criteria: pd.DataFrame,
    *,
    strategy: str = "explore",
    weights: Mapping[str, float] | None = None,
    extra_weights: Mapping[str, float] | None = None,
    higher_is_better: Mapping[str, bool] | None = None,
    rca: str = "rca",
    rca_threshold: float = 1.0,
    zscore_over: str = "all",
    eci: float | None = None,
    pci_ceiling: float | None = None,
    pci: str = "pci",
) -> pd.DataFrame:
    """Diversification opportunities: products with RCA < ``rca_threshold`` ranked by the Growth Lab score.

    Weights: ``weights`` if given, else ``ATLAS_WEIGHTS[strategy]`` (default "explore": distance 0.50,
    PCI 0.15, COG 0.35, the Atlas's fixed Explore set). ``extra_weights``: course additions to
    attractiveness (e.g. ``{"demand_cagr": 0.1}``) merged with them and all rescaled to sum 1 (the
    Atlas proportions among its three criteria are kept). ``zscore_over``: "all" products (Atlas) or
    "candidates" (RCA < threshold; a scenario that changes the effective weights). PCI ceiling (Atlas,
    for GDP per capita <= USD 6,000): with ``eci`` and ``pci_ceiling`` (2.0 on Country Pages, 2.5 for
    long jumps) only products with PCI < ECI + ceiling are ranked. Products with NaN RCA or a NaN
    weighted criterion are not ranked. Returns the candidates (RCA < threshold), best first: product,
    rank, score, rca, the raw weighted criteria, z_<c>, contrib_<c>, driver (the criterion with the
    largest contribution), passes (False for those above the PCI ceiling or without data).
    """
    t = _table(criteria)
    if weights is None:
        if strategy not in ATLAS_WEIGHTS:
            raise DiversificationError(text("niche_msg.methods.diversification.strategy", strategy=strategy,
                                        strategies=list(ATLAS_WEIGHTS)))
        w = dict(ATLAS_WEIGHTS[strategy])
    else:
        w = {str(c): float(v) for c, v in dict(weights).items()}
    if extra_weights:
        w.update({str(c): float(v) for c, v in dict(extra_weights).items()})
    if zscore_over not in ("all", "candidates"):
        raise DiversificationError(text("niche_msg.methods.diversification.zscore_over", value=zscore_over))
    _need(t, [rca], "rca")
    r = pd.to_numeric(t[rca], errors="coerce")
    cand = (r < rca_threshold).to_numpy()
    over = None if zscore_over == "all" else pd.Series(cand, index=t.index)
    g = growth_lab_score(t, w, higher_is_better=higher_is_better, over=over)
    ok = cand & np.isfinite(g["score"].to_numpy())
    if eci is not None and pci_ceiling is not None:
        _need(t, [pci], "pci")
        ok &= (pd.to_numeric(t[pci], errors="coerce") < float(eci) + float(pci_ceiling)).to_numpy()
    ww = g.attrs["weights"]
    contrib = g[[f"contrib_{c}" for c in ww]].to_numpy()
    driver = np.array(list(ww))[np.nanargmax(np.where(np.isnan(contrib), -np.inf, contrib), axis=1)]
    out = pd.DataFrame({"product": t.index.to_numpy(), "rank": _rank_desc(g["score"].to_numpy(), ok),
                        "score": g["score"].to_numpy(), rca: r.to_numpy()})
    for c in ww:
        if c != rca:
            out[c] = pd.to_numeric(t[c], errors="coerce").to_numpy()
    for c in ww:
        out[f"z_{c}"] = g[f"z_{c}"].to_numpy()
    for c in ww:
        out[f"contrib_{c}"] = g[f"contrib_{c}"].to_numpy()
    out["driver"] = driver
    out["passes"] = ok
    out = out[cand]
    out["_k"] = np.where(out["passes"], -np.round(out["score"].to_numpy(), 12), np.inf)
    out = out.sort_values(["_k", "product"], kind="stable").drop(columns="_k").reset_index(drop=True)
    out.attrs = {"list": "diversify", "weights": ww, "higher_is_better": g.attrs["higher_is_better"],
                 "strategy": strategy if weights is None else "given", "rca_threshold": float(rca_threshold),
                 "zscore_over": zscore_over, "pci_ceiling": (None if eci is None or pci_ceiling is None
                                                             else float(eci) + float(pci_ceiling))}
    return out


# --------------------------------------------------------------------------------------------
# consolidate
# --------------------------------------------------------------------------------------------
def consolidate_list(
    criteria: pd.DataFrame,
    weights: Mapping[str, float] | None = None,
    *,
    rca: str = "rca",
    rca_threshold: float = 1.0,
    thresholds: Thresholds | None = None,
    method: str = "rank",
    higher_is_better: HigherIsBetter = None,
    missing: str = "worst",
    labels: Labels = None,
    lang: str = "en",
) -> pd.DataFrame:
    """Products to consolidate: RCA >= ``rca_threshold``, ranked by :func:`course_tools.methods.niches.niche_scores`.

    ``weights`` default :data:`CONSOLIDATE_WEIGHTS` (untapped potential, demand CAGR, market-share
    change, equal weights; a course convention). The RCA rule is the list's definition; ``thresholds``
    adds other screens. Normalisation (``method``, default ranks, robust to the heavy tail of USD
    potentials) is over every product of the table, as in the niche model. Returns the
    ``niche_scores`` rows of the products with RCA >= threshold (columns product, rank, score,
    passes, failed, why, raw values, norm_<c>, contrib_<c>), best first.
    """
    t = _table(criteria)
    _need(t, [rca], "rca")
    w = dict(CONSOLIDATE_WEIGHTS if weights is None else weights)
    thr = {rca: (">=", float(rca_threshold)), **dict(thresholds or {})}
    s = niche_scores(t, w, thresholds=thr, higher_is_better=higher_is_better, method=method,
                     missing=missing, labels=labels, lang=lang)
    r = pd.to_numeric(t[rca], errors="coerce").reindex(s["product"].astype(str)).to_numpy()
    out = s[r >= rca_threshold].reset_index(drop=True)
    out.attrs = {**s.attrs, "list": "consolidate", "rca_threshold": float(rca_threshold)}
    return out


def drivers(table: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """Which criteria drive a list: mean contribution of each criterion over its ``top`` ranked products.

    ``table``: :func:`consolidate_list` or :func:`diversify_list`. Returns criterion, weight,
    mean_contribution (mean of contrib_<c> over the top products) and share (its absolute value over
    the sum of absolute values), largest share first.
    """
    cols = [c for c in table.columns if str(c).startswith("contrib_")]
    if not cols or "rank" not in table.columns:
        raise DiversificationError(text("niche_msg.methods.diversification.not_list"))
    r = pd.to_numeric(table["rank"], errors="coerce")
    sub = table[r.notna() & (r <= top)]
    w = table.attrs.get("weights", {})
    mc = {c[len("contrib_"):]: float(sub[c].mean()) if len(sub) else np.nan for c in cols}
    tot = sum(abs(v) for v in mc.values() if np.isfinite(v))
    out = pd.DataFrame({"criterion": list(mc), "weight": [w.get(c, np.nan) for c in mc],
                        "mean_contribution": list(mc.values())})
    out["share"] = out["mean_contribution"].abs() / tot if tot > 0 else np.nan
    return out.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# both lists
# --------------------------------------------------------------------------------------------
@dataclass
class TwoLists:
    """The consolidate and diversify lists of one country (disjoint: split by the same RCA threshold)."""

    consolidate: pd.DataFrame
    diversify: pd.DataFrame
    rca_threshold: float
    settings: dict = field(default_factory=dict, repr=False)

    def overlap(self) -> list[str]:
        """Products in both lists (always empty: the RCA threshold splits them)."""
        return sorted(set(self.consolidate["product"]) & set(self.diversify["product"]))


def two_lists(
    criteria: pd.DataFrame,
    *,
    consolidate_weights: Mapping[str, float] | None = None,
    diversify_strategy: str = "explore",
    diversify_weights: Mapping[str, float] | None = None,
    diversify_extra: Mapping[str, float] | None = None,
    rca: str = "rca",
    rca_threshold: float = 1.0,
    consolidate_thresholds: Thresholds | None = None,
    higher_is_better: HigherIsBetter = None,
    eci: float | None = None,
    pci_ceiling: float | None = None,
    lang: str = "en",
) -> TwoLists:
    """Both lists from one criteria table (one row per product): :func:`consolidate_list` and
    :func:`diversify_list` with the same ``rca_threshold``, so no product is in both."""
    t = _table(criteria)
    hib = higher_is_better if higher_is_better is not None else t.attrs.get("higher_is_better")
    cons = consolidate_list(t, consolidate_weights, rca=rca, rca_threshold=rca_threshold,
                            thresholds=consolidate_thresholds, higher_is_better=hib, lang=lang)
    div_hib = None if hib is None or isinstance(hib, (pd.Series, pd.DataFrame)) else dict(hib)
    div = diversify_list(t, strategy=diversify_strategy, weights=diversify_weights, extra_weights=diversify_extra,
                         higher_is_better=div_hib, rca=rca, rca_threshold=rca_threshold, eci=eci,
                         pci_ceiling=pci_ceiling)
    return TwoLists(consolidate=cons, diversify=div, rca_threshold=float(rca_threshold),
                    settings={"consolidate_weights": cons.attrs.get("weights"),
                              "diversify_weights": div.attrs.get("weights"),
                              "diversify_strategy": div.attrs.get("strategy")})
