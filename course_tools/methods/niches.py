"""The niche model of lesson L11: a transparent multi-criteria ranking of products for one country.

Input: a CRITERIA TABLE, one row per product (index ``product``, e.g. HS4 codes) and one numeric
column per criterion (RCA, density, PCI, demand growth, LAC demand share, linkages...; NaN = not
available), such as :func:`course_tools.methods.criteria.criteria_table` returns. Column names are
data: any criterion works. The model, in four explicit steps:

1. **Screen** (:data:`Thresholds`): a product must meet every threshold on the *raw* values, e.g.
   ``{"rca": ("<", 1.0), "density": (">=", 0.2)}``; the others stay in the table with
   ``passes=False`` and the reason in ``failed``.
2. **Normalise** (:func:`normalise`) each criterion to [0, 1] with 1 = best (``rank``, ``minmax``
   or ``zscore``), reversing criteria where lower is better (e.g. distance).
3. **Weight**: score = sum_c w_c n_pc with the weights rescaled to sum 1.
4. **Rank** the products that pass; each keeps its contributions w_c n_pc and a sentence ``why``.

:func:`~course_tools.methods.sensitivity.sensitivity` (module :mod:`course_tools.methods.sensitivity`,
also reachable as ``niches.sensitivity``) redraws the weights (Dirichlet around the chosen ones) and
the thresholds (± a relative amount) many times and reports how stable the top k is (overlap,
Spearman) and, product by product, the share of draws in which it stays in the top k: the robust
niches. The checks below (:func:`check_table`, :func:`check_weights`, :func:`numeric_columns`,
:func:`score_matrix`, ...) are shared with the sensitivity, robustness and diversification modules.

References: OECD/JRC (2008) *Handbook on Constructing Composite Indicators: Methodology and User
Guide*, OECD Publishing (normalisation, weighting, uncertainty and sensitivity analysis, ch. 1.5-1.7);
Saisana, Saltelli & Tarantola (2005) "Uncertainty and sensitivity analysis techniques as tools for
the quality assessment of composite indicators", *J. R. Stat. Soc. A* 168(2).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from course_tools.i18n import check_lang, text, texts
from course_tools.methods._common import IndicatorInputError

__all__ = [
    "NicheModelError",
    "Thresholds",
    "METHODS",
    "MISSING_POLICIES",
    "coverage",
    "normalise",
    "screen",
    "niche_scores",
    "explain",
    "OPERATORS",
    "check_table",
    "check_weights",
    "check_thresholds",
    "higher_is_better_map",
    "numeric_columns",
    "score_matrix",
]

#: {criterion: (operator, value)}, operator one of ">=", ">", "<=", "<", on the raw values.
Thresholds = Mapping[str, tuple[str, float]]
#: Normalisation methods understood by :func:`normalise`.
METHODS = ("rank", "minmax", "zscore")
#: What :func:`niche_scores` does with a product that has no value (NaN) for a weighted criterion.
MISSING_POLICIES = ("worst", "skip", "exclude")

#: The operators of a threshold, as numpy functions.
OPERATORS = {">=": np.greater_equal, ">": np.greater, "<=": np.less_equal, "<": np.less}
_RESERVED = {"product", "rank", "score", "passes", "failed", "n_missing", "why"}

HigherIsBetter = Mapping[str, bool] | pd.Series | pd.DataFrame | None
Labels = Mapping[str, str] | pd.Series | pd.DataFrame | None


class NicheModelError(IndicatorInputError):
    """Bad input for the niche model (the message says what is wrong and how to fix it)."""


# --------------------------------------------------------------------------------------------
# input checks
# --------------------------------------------------------------------------------------------
def check_table(criteria: pd.DataFrame) -> pd.DataFrame:
    """The criteria table with a unique string index named 'product'."""
    if not isinstance(criteria, pd.DataFrame):
        raise NicheModelError(text("niche_msg.methods.niches.not_frame", kind=type(criteria).__name__))
    t = criteria
    if "product" in t.columns:
        t = t.set_index("product")
    if t.empty or t.shape[1] == 0:
        raise NicheModelError(text("niche_msg.methods.niches.empty"))
    idx = pd.Index(t.index.astype(str), name="product")
    if idx.has_duplicates:
        dup = idx[idx.duplicated()].unique()[:5].tolist()
        raise NicheModelError(text("niche_msg.methods.niches.duplicated", dup=dup))
    t = t.copy()
    t.index = idx
    clash = _RESERVED.intersection(map(str, t.columns)) - {"product"}
    if clash:
        raise NicheModelError(text("niche_msg.methods.niches.reserved", names=sorted(clash),
                                   example="criteria.rename(columns={'score': 'score_input'})"))
    return t


def numeric_columns(t: pd.DataFrame, cols: Iterable[str]) -> np.ndarray:
    """Columns ``cols`` as a float matrix (NaN kept); non-numeric or infinite values are errors."""
    out = []
    for c in cols:
        col = t[c]
        if not (pd.api.types.is_numeric_dtype(col) or col.isna().all()):
            raise NicheModelError(text("niche_msg.methods.niches.not_numeric", name=c, dtype=str(col.dtype),
                                       fix=f"pd.to_numeric(criteria[{c!r}], errors='coerce')"))
        a = col.to_numpy(dtype=float, na_value=np.nan)
        if np.isinf(a).any():
            first = t.index[np.isinf(a)][0]
            raise NicheModelError(text("niche_msg.methods.niches.infinite",
                                       name=c, n=int(np.isinf(a).sum()), first=first))
        out.append(a)
    return np.column_stack(out) if out else np.empty((len(t), 0))


def _require(t: pd.DataFrame, names: Iterable[str], what: str) -> None:
    bad = [c for c in names if c not in t.columns]
    if bad:
        raise NicheModelError(text("niche_msg.methods.niches.not_columns", what=what, bad=bad,
                                   columns=list(map(str, t.columns))))


def higher_is_better_map(t: pd.DataFrame, higher_is_better: HigherIsBetter, cols: list[str]) -> dict[str, bool]:
    """criterion -> higher is better, from a mapping, a Series, the catalogue, or the table's attrs."""
    hib = higher_is_better
    if hib is None:
        hib = t.attrs.get("higher_is_better")
    if hib is None:
        return {c: True for c in cols}
    if isinstance(hib, pd.DataFrame):
        if not {"criterion", "higher_is_better"} <= set(hib.columns):
            raise NicheModelError(text("niche_msg.methods.niches.hib_table", example="{'distance': False}"))
        hib = dict(zip(hib["criterion"].astype(str), hib["higher_is_better"]))
    hib = dict(hib)
    out = {}
    for c in cols:
        v = hib.get(c, True)
        if not isinstance(v, (bool, np.bool_)):
            raise NicheModelError(text("niche_msg.methods.niches.hib_value", name=c, value=v))
        out[c] = bool(v)
    return out


def _label_map(labels: Labels, lang: str, cols: Iterable[str]) -> dict[str, str]:
    if isinstance(labels, pd.DataFrame):
        col = f"label_{lang}"
        if not {"criterion", col} <= set(labels.columns):
            raise NicheModelError(text("niche_msg.methods.niches.labels_table", lang, col=col))
        labels = dict(zip(labels["criterion"].astype(str), labels[col].astype(str)))
    table = dict(labels) if labels is not None else {}
    return {c: str(table.get(c, c)) for c in cols}


def check_weights(t: pd.DataFrame, weights: Mapping[str, float] | pd.Series) -> dict[str, float]:
    """Weights as {criterion: w / sum(w)}: names must be columns, values finite and >= 0, sum > 0."""
    if isinstance(weights, pd.Series):
        weights = weights.to_dict()
    if not isinstance(weights, Mapping) or not weights:
        raise NicheModelError(text("niche_msg.methods.niches.weights_mapping", example="{'rca': 2, 'density': 1}"))
    w = {str(k): v for k, v in weights.items()}
    _require(t, w, "weights")
    for c, v in w.items():
        try:
            f = float(v)
        except (TypeError, ValueError):
            raise NicheModelError(text("niche_msg.methods.niches.weight_not_number", name=c, value=v)) from None
        if not math.isfinite(f):
            raise NicheModelError(text("niche_msg.methods.niches.weight_not_finite", name=c, value=v))
        if f < 0:
            raise NicheModelError(text("niche_msg.methods.niches.weight_negative", name=c, value=f,
                                       fix=f"higher_is_better={{{c!r}: False}}"))
        w[c] = f
    total = sum(w.values())
    if total <= 0:
        raise NicheModelError(text("niche_msg.methods.niches.weights_zero", weights=w))
    return {c: v / total for c, v in w.items()}


def check_thresholds(t: pd.DataFrame, thresholds: Thresholds | None) -> dict[str, tuple[str, float]]:
    if thresholds is None:
        return {}
    if not isinstance(thresholds, Mapping):
        raise NicheModelError(text("niche_msg.methods.niches.thresholds_mapping", example="{'rca': ('>=', 1.0)}"))
    out = {}
    _require(t, [str(c) for c in thresholds], "thresholds")
    for c, rule in thresholds.items():
        if not (isinstance(rule, (tuple, list)) and len(rule) == 2 and rule[0] in OPERATORS):
            raise NicheModelError(text("niche_msg.methods.niches.threshold_rule", name=c, rule=rule,
                                       operators=list(OPERATORS), example="('>=', 1.0)"))
        try:
            v = float(rule[1])
        except (TypeError, ValueError):
            raise NicheModelError(text("niche_msg.methods.niches.threshold_not_number",
                                       name=c, value=rule[1])) from None
        if not math.isfinite(v):
            raise NicheModelError(text("niche_msg.methods.niches.threshold_not_finite", name=c, value=rule[1]))
        out[str(c)] = (rule[0], v)
    return out


def _texts(lang: str) -> Mapping[str, str]:
    """The niche model's sentences in ``lang`` (catalogue ``niche_model.*``; an unknown language is an error)."""
    return texts("niche_model", check_lang(lang))


# --------------------------------------------------------------------------------------------
# normalisation
# --------------------------------------------------------------------------------------------
def _norm_column(x: np.ndarray, method: str) -> np.ndarray:
    """Normalise one 'goodness' column (higher = better) to [0, 1]; NaN stays NaN."""
    out = np.full(x.shape, np.nan)
    ok = ~np.isnan(x)
    g = x[ok]
    m = g.size
    if m == 0:
        return out
    if method == "rank":
        out[ok] = (rankdata(g, method="average") - 1.0) / (m - 1) if m > 1 else 0.5
    elif method == "minmax":
        lo, hi = g.min(), g.max()
        out[ok] = (g - lo) / (hi - lo) if hi > lo else 0.5
    else:  # zscore
        sd = g.std(ddof=1) if m > 1 else 0.0
        z = (g - g.mean()) / sd if sd > 0 else np.zeros_like(g)
        out[ok] = (np.clip(z, -3.0, 3.0) + 3.0) / 6.0
    return out


def _methods(method: str | Mapping[str, str], cols: list[str]) -> dict[str, str]:
    if isinstance(method, str):
        method = {c: method for c in cols}
    out = {}
    for c in cols:
        m = dict(method).get(c, "rank")
        if m not in METHODS:
            raise NicheModelError(text("niche_msg.methods.niches.bad_method", method=m, name=c, methods=list(METHODS)))
        out[c] = m
    return out


def normalise(criteria: pd.DataFrame, *, method: str | Mapping[str, str] = "rank",
              higher_is_better: HigherIsBetter = None, columns: Iterable[str] | None = None) -> pd.DataFrame:
    r"""Each criterion to [0, 1], 1 = best product, over all products of the table.

    Let g = x if higher is better, g = -x if lower is better (e.g. distance). Over the m products
    with a value:

    - ``"rank"`` (default, robust to outliers such as RCA = 300): n = (rank(g) - 1) / (m - 1),
      ties get the average rank (the percentile position: 0 = worst, 1 = best);
    - ``"minmax"``: n = (g - min g) / (max g - min g);
    - ``"zscore"``: z = (g - mean g) / sd g (sd with m - 1, as Excel STDEV.S and Stata),
      n = (clip(z, -3, 3) + 3) / 6, so the mean maps to 0.5 and ±3 sd to 0 and 1.

    A criterion with the same value for every product (or only one value) carries no
    information: every product gets 0.5. ``method`` may be a mapping criterion -> method.
    **NaN stays NaN** (no data is not 0): :func:`niche_scores` applies its explicit ``missing``
    policy. ``higher_is_better``: mapping criterion -> bool (missing criteria: True), a Series,
    the criteria catalogue (columns criterion, higher_is_better), or None to use
    ``criteria.attrs["higher_is_better"]`` if the table carries it (else all True).
    The result's ``attrs["n_missing"]`` counts the NaN of each criterion.
    """
    t = check_table(criteria)
    cols = [str(c) for c in (columns if columns is not None else t.columns)]
    _require(t, cols, "columns")
    hib = higher_is_better_map(t, higher_is_better, cols)
    meth = _methods(method, cols)
    x = numeric_columns(t, cols)
    out = np.column_stack(
        [_norm_column(x[:, j] if hib[c] else -x[:, j], meth[c]) for j, c in enumerate(cols)]
    ) if cols else np.empty((len(t), 0))
    res = pd.DataFrame(out, index=t.index, columns=pd.Index(cols, name="criterion"))
    res.attrs["n_missing"] = {c: int(np.isnan(x[:, j]).sum()) for j, c in enumerate(cols)}
    return res


def coverage(criteria: pd.DataFrame) -> pd.DataFrame:
    """How many products have a value for each criterion: criterion, n_products, n_missing, share_missing."""
    t = check_table(criteria)
    cols = [str(c) for c in t.columns]
    x = numeric_columns(t, cols)
    miss = np.isnan(x).sum(axis=0)
    return pd.DataFrame({
        "criterion": cols,
        "n_products": len(t) - miss,
        "n_missing": miss,
        "share_missing": miss / len(t),
    })


# --------------------------------------------------------------------------------------------
# screening
# --------------------------------------------------------------------------------------------
def _fmt(v: float) -> str:
    return f"{v:.3g}"


def screen(criteria: pd.DataFrame, thresholds: Thresholds | None, *, lang: str = "en") -> pd.DataFrame:
    """Which products meet every threshold on the raw values: columns product, passes, failed.

    ``thresholds``: {criterion: (op, value)} with op in ``>=``, ``>``, ``<=``, ``<``, e.g.
    ``{"rca": ("<", 1), "density": (">=", 0.2)}``. A product fails a threshold if its value does
    not satisfy it **or is missing** (NaN: it cannot be shown to meet it). ``failed`` lists the
    failed conditions with the product's values ('' when it passes).
    """
    t = check_table(criteria)
    tx = _texts(lang)
    thr = check_thresholds(t, thresholds)
    passes, failed = _screen(t, thr, tx)
    return pd.DataFrame({"product": t.index.to_numpy(), "passes": passes, "failed": failed})


def _screen(t: pd.DataFrame, thr: dict[str, tuple[str, float]], tx: dict[str, str]) -> tuple[np.ndarray, list[str]]:
    n = len(t)
    passes = np.ones(n, dtype=bool)
    reasons: list[list[str]] = [[] for _ in range(n)]
    for c, (op, v) in thr.items():
        x = numeric_columns(t, [c])[:, 0]
        with np.errstate(invalid="ignore"):
            ok = OPERATORS[op](x, v) & ~np.isnan(x)
        passes &= ok
        for i in np.flatnonzero(~ok):
            key = "nodata_thr" if np.isnan(x[i]) else "needs"
            reasons[i].append(tx[key].format(c=c, v=_fmt(x[i]), op=op, t=_fmt(v)))
    return passes, ["; ".join(r) for r in reasons]


# --------------------------------------------------------------------------------------------
# scores
# --------------------------------------------------------------------------------------------
def _top_pct(x: np.ndarray, hib: bool) -> np.ndarray:
    """Share (in %, rounded, at least 1) of the products with a value that are at least as good as each one."""
    out = np.full(x.shape, np.nan)
    ok = ~np.isnan(x)
    if ok.any():
        g = x[ok] if hib else -x[ok]
        as_good = len(g) + 1 - rankdata(g, method="min")  # products with g' >= g, itself included
        out[ok] = np.maximum(np.floor(100.0 * as_good / len(g) + 0.5), 1.0)
    return out


def _why(contrib: np.ndarray, raw: np.ndarray, pct: np.ndarray, cols: list[str], labels: dict[str, str],
         tx: dict[str, str], n_why: int) -> list[str]:
    order = np.argsort(-contrib, axis=1, kind="stable")[:, :n_why]
    out = []
    for i in range(contrib.shape[0]):
        parts = []
        for j in order[i]:
            if not contrib[i, j] > 0:
                continue
            parts.append(f"{labels[cols[j]]} {_fmt(raw[i, j])} ({tx['top'].format(p=int(pct[i, j]))})")
        out.append(", ".join(parts))
    return out


def niche_scores(criteria: pd.DataFrame, weights: Mapping[str, float] | pd.Series, *,
                 thresholds: Thresholds | None = None, higher_is_better: HigherIsBetter = None,
                 method: str | Mapping[str, str] = "rank", missing: str = "worst", labels: Labels = None,
                 lang: str = "en", n_why: int = 3) -> pd.DataFrame:
    r"""Score, screen and rank every product: the niche ranking with the reasons for each place.

    .. math:: \text{score}_p = \sum_c w_c \, n_{pc}, \qquad w_c = W_c / \textstyle\sum_{c'} W_{c'}

    W = ``weights`` (any positive scale: {'rca': 2, 'density': 1} = 2/3 and 1/3; a weight of 0
    keeps the criterion in the table with no influence; negative weights are errors: use
    ``higher_is_better`` for "lower is better"); n = :func:`normalise` (``method``,
    ``higher_is_better``) over ALL products of the table, so screening never changes another
    product's values. The score lies in [0, 1].

    ``missing``, for a product with no value (NaN) for a weighted criterion:
    ``"worst"`` (default) n = 0, the worst possible value; ``"skip"`` the score is the weighted
    mean over the criteria it has (weights rescaled per product); ``"exclude"`` the product is
    screened out ("no data for ...").

    ``thresholds`` (see :func:`screen`) screen on raw values. Products that pass are ranked
    1, 2, ... by score (ties, scores equal to 12 decimals, share the best rank: 1, 2, 2, 4); the
    others have rank <NA>. Rows are sorted passing first, then by score (descending) and
    product code.

    Columns: product, rank, score, passes, failed, n_missing (weighted criteria without a
    value), why (the ``n_why`` criteria contributing most, with the raw value and the product's
    position "top x%" among products with data), then the raw value of every criterion used
    (weights and thresholds) under its own name, ``norm_<c>`` (normalised value) and
    ``contrib_<c>`` (= w_c n_pc, summing to the score) for every weighted criterion.
    ``labels``: display names for ``why`` (mapping, or the catalogue with columns label_en/es).
    The settings are kept in ``attrs`` (weights, thresholds, higher_is_better, method, missing,
    labels, lang) for :func:`explain` and the figures.
    """
    t = check_table(criteria)
    tx = _texts(lang)
    if missing not in MISSING_POLICIES:
        raise NicheModelError(text("niche_msg.methods.niches.bad_missing", lang, missing=missing,
                                   policies=list(MISSING_POLICIES)))
    w = check_weights(t, weights)
    thr = check_thresholds(t, thresholds)
    cols = list(w)
    used = cols + [c for c in thr if c not in w]
    hib = higher_is_better_map(t, higher_is_better, used)
    lab = _label_map(labels, lang, used)
    raw = numeric_columns(t, cols)
    norm = normalise(t, method=method, higher_is_better=hib, columns=cols).to_numpy()
    wv = np.array([w[c] for c in cols])
    avail = ~np.isnan(norm)
    n0 = np.where(avail, norm, 0.0)
    score, contrib = score_matrix(n0, avail, wv[:, None], missing)
    score = score[:, 0]  # one weight vector
    passes, failed = _screen(t, thr, tx)
    n_missing = (~avail & (wv > 0)[None, :]).sum(axis=1)
    if missing == "exclude" or missing == "skip":
        for i in np.flatnonzero(n_missing > 0 if missing == "exclude" else ~np.isfinite(score)):
            gone = [c for j, c in enumerate(cols) if wv[j] > 0 and not avail[i, j]]
            passes[i] = False
            failed[i] = "; ".join(filter(None, [failed[i]] + [tx["nodata"].format(c=c) for c in gone]))
    pct = np.column_stack([_top_pct(raw[:, j], hib[c]) for j, c in enumerate(cols)])
    why = _why(np.nan_to_num(contrib, nan=0.0), raw, pct, cols, lab, tx, n_why)

    ok = passes & np.isfinite(score)
    key = np.round(np.where(ok, score, -np.inf), 12)
    rank = pd.array([pd.NA] * len(t), dtype="Int64")
    rank[ok] = rankdata(-key[ok], method="min").astype("int64")
    cols_out: dict[str, object] = {
        "product": t.index.to_numpy(), "rank": rank, "score": score, "passes": passes,
        "failed": failed, "n_missing": n_missing, "why": why,
    }
    raw_used = numeric_columns(t, used)
    cols_out.update({c: raw_used[:, j] for j, c in enumerate(used)})
    cols_out.update({f"norm_{c}": norm[:, j] for j, c in enumerate(cols)})
    cols_out.update({f"contrib_{c}": contrib[:, j] for j, c in enumerate(cols)})
    cols_out["_key"] = key
    out = pd.DataFrame(cols_out)
    out = out.sort_values(["_key", "product"], ascending=[False, True], kind="stable").drop(columns="_key")
    out = out.reset_index(drop=True)
    out.attrs.update({
        "weights": dict(w), "thresholds": dict(thr), "higher_is_better": hib, "method": method,
        "missing": missing, "labels": lab, "lang": lang,
    })
    return out


def score_matrix(n0: np.ndarray, avail: np.ndarray, W: np.ndarray, missing: str) -> tuple[np.ndarray, np.ndarray]:
    """Scores for every weight vector (columns of W, criteria x draws); contributions of the first.

    worst/exclude: S = N0 W (N0 = normalised values with NaN -> 0); skip: S = (N0 W) / (A W),
    A = 1 where the product has a value.
    """
    num = n0 @ W
    contrib = n0 * W[:, 0][None, :]
    if missing == "skip":
        den = avail.astype(float) @ W
        with np.errstate(invalid="ignore", divide="ignore"):
            num = np.where(den > 0, num / den, np.nan)
            contrib = np.where(den[:, :1] > 0, contrib / den[:, :1], np.nan)
    return num, contrib


def explain(scores: pd.DataFrame, product: str) -> pd.DataFrame:
    """Why a product is where it is: one row per weighted criterion, largest contribution first.

    Columns: criterion, label, value (raw), top_pct (the product is in the top x % of products
    with data), normalised, weight (w_c, summing to 1), contribution (w_c n_pc; the column sums to
    the score), share (contribution / score). ``scores``: the table of :func:`niche_scores`.
    """
    contrib_cols = [c for c in scores.columns if str(c).startswith("contrib_")]
    if not contrib_cols or "product" not in scores.columns:
        raise NicheModelError(text("niche_msg.methods.niches.not_scores"))
    row = scores.loc[scores["product"].astype(str) == str(product)]
    if row.empty:
        raise NicheModelError(text("niche_msg.methods.niches.no_product", product=product))
    attrs = scores.attrs
    hib = attrs.get("higher_is_better", {})
    w = attrs.get("weights", {})
    lab = attrs.get("labels", {})
    i = row.index[0]
    rows = []
    for cc in contrib_cols:
        c = cc[len("contrib_"):]
        pct = _top_pct(scores[c].to_numpy(dtype=float), hib.get(c, True)) if c in scores.columns else None
        rows.append({
            "criterion": c,
            "label": lab.get(c, c),
            "value": float(scores.at[i, c]) if c in scores.columns else np.nan,
            "top_pct": float(pct[i]) if pct is not None else np.nan,
            "normalised": float(scores.at[i, f"norm_{c}"]),
            "weight": float(w.get(c, np.nan)),
            "contribution": float(scores.at[i, cc]),
        })
    out = pd.DataFrame(rows)
    total = float(scores.at[i, "score"])
    out["share"] = out["contribution"] / total if total > 0 else np.nan
    return out.sort_values("contribution", ascending=False, kind="stable").reset_index(drop=True)


def __getattr__(name: str):
    """``niches.sensitivity`` and ``niches.SensitivityResult`` (used by the lessons) live in their own module."""
    if name in ("sensitivity", "SensitivityResult"):
        from course_tools.methods import sensitivity as _sensitivity_module
        return getattr(_sensitivity_module, name)
    raise AttributeError(text("course_msg.paths.no_attribute", module=__name__, name=name))
