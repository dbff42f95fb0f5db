"""Presence M_cp: which country has a revealed comparative advantage in which product.

The first step of every complexity indicator: a country x product matrix of exports (from a tidy
table or given as a matrix) becomes the binary M_cp = 1 if RCA_cp >= threshold (py-ecomplexity)
or > threshold (Stata ``ecomplexity``), with Balassa's RCA on the countries of the table as the
world (Balassa 1965; Hausmann, Hidalgo et al. 2014, *Atlas*, Technical Box 2.1). Rows and columns
that carry no information (zero exports, zero diversity or ubiquity) are dropped with a warning.
"""
from __future__ import annotations

import math
import warnings
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, _balassa, check_finite_nonnegative

__all__ = ["CONVENTIONS", "Presence", "presence_matrix", "presence"]

#: The two conventions of the Growth Lab software (see :mod:`course_tools.methods.complexity` and METHODS §0).
CONVENTIONS: dict[str, dict[str, Any]] = {
    "py-ecomplexity": {"strict": False, "diagonal": 1, "panel_sd": False},
    "stata": {"strict": True, "diagonal": 0, "panel_sd": True},
}


def resolve_convention(convention: str) -> dict[str, Any]:
    """The settings of a named convention (``strict``, ``diagonal``, ``panel_sd``), or a clear error."""
    if convention not in CONVENTIONS:
        raise IndicatorInputError(text("methods_msg_c.complexity.convention", options=list(CONVENTIONS),
                                       convention=convention))
    return CONVENTIONS[convention]


# --------------------------------------------------------------------------------------------
# input handling
# --------------------------------------------------------------------------------------------
def _check_tidy_values(data: pd.DataFrame, country: str, product: str, value: str) -> pd.Series:
    """The value column as numbers; non-numeric, missing, negative values and duplicated pairs are errors."""
    vals = pd.to_numeric(data[value], errors="coerce")
    bad = vals.isna() & data[value].notna()
    if bad.any():
        raise IndicatorInputError(text("methods_msg_c.complexity.non_numeric", value=value, n=int(bad.sum()),
                                       example=data.loc[bad, value].iloc[0]))
    if vals.isna().any():
        raise IndicatorInputError(text("methods_msg_c.complexity.missing", value=value, n=int(vals.isna().sum())))
    if (vals < 0).any():
        first = data.loc[vals < 0].iloc[0]
        raise IndicatorInputError(text("methods_msg_c.complexity.negative", value=value, n=int((vals < 0).sum()),
                                       c=first[country],
                                       p=first[product]))
    dup = data.duplicated([country, product])
    if dup.any():
        first = data.loc[dup].iloc[0]
        raise IndicatorInputError(text("methods_msg_c.complexity.duplicated", n=int(dup.sum()), country=country,
                                       product=product,
                                       c=first[country], p=first[product]))
    return vals


def trade_matrix(data: pd.DataFrame, country: str, product: str, value: str) -> pd.DataFrame:
    """Tidy table (country, product, value columns) or country x product matrix -> matrix."""
    if not isinstance(data, pd.DataFrame):
        raise IndicatorInputError(text("methods_msg_c.complexity.not_a_frame", type=type(data).__name__))
    if {country, product, value} <= set(data.columns):
        vals = _check_tidy_values(data, country, product, value)
        # direct scatter into a zero matrix (no duplicates, so no aggregation needed); labels
        # sorted like _common.to_matrix; cells not reported are 0
        ci, cu = pd.factorize(data[country], sort=True)
        pi, pu = pd.factorize(data[product], sort=True)
        if (ci < 0).any() or (pi < 0).any():
            raise IndicatorInputError(text("methods_msg_c.complexity.missing_codes", country=country, product=product))
        arr = np.zeros((len(cu), len(pu)))
        arr[ci, pi] = vals.to_numpy(dtype=float)
        return pd.DataFrame(arr, index=pd.Index(cu, name=country), columns=pd.Index(pu, name=product), copy=False)
    numeric = all(pd.api.types.is_numeric_dtype(t) for t in data.dtypes)
    if not numeric or data.shape[1] == 0:
        raise IndicatorInputError(text("methods_msg_c.complexity.neither", country=country, product=product,
                                       value=value,
                                       columns=list(data.columns)[:8]))
    m = data.astype(float)
    check_finite_nonnegative(m, text("methods_msg_c.complexity.the_matrix"))
    return m


def drop_empty(m: pd.DataFrame, what: str, dropped: dict[str, list]) -> pd.DataFrame:
    """Drop rows/columns summing to 0 (as py-ecomplexity and Stata do), with a warning; listed in ``dropped``.

    ``what`` says what is zero: ``"exports"`` or ``"presence"`` (diversity/ubiquity), in the messages.
    """
    rows = m.index[m.sum(axis=1).to_numpy() == 0]
    cols = m.columns[m.sum(axis=0).to_numpy() == 0]
    if len(rows) or len(cols):
        warnings.warn(text("methods_msg_c.complexity.dropped_empty", n_rows=len(rows), n_cols=len(cols),
                           what=text("methods_msg_c.complexity.zero_" + what)),
                      stacklevel=3)
        dropped["countries"] += list(rows)
        dropped["products"] += list(cols)
        m = m.loc[m.index.difference(rows, sort=False), m.columns.difference(cols, sort=False)]
    return m


def rca_array(x: np.ndarray) -> np.ndarray:
    """Balassa RCA = (X_cp / X_c.) / (X_.p / X_..); world = the countries in the table."""
    return _balassa(x)


def check_binary(values: np.ndarray, what: str) -> None:
    """Raise unless every value is 0 or 1 (a presence matrix given by hand)."""
    vals = np.unique(values)
    if not np.isin(vals, [0.0, 1.0]).all():
        raise IndicatorInputError(text("methods_msg_c.complexity.not_binary", what=what,
                                       values=[v for v in vals if v not in (0, 1)][:3]))


def check_threshold(threshold: object) -> None:
    """Raise unless ``threshold`` is a positive finite number."""
    if not (isinstance(threshold, (int, float)) and math.isfinite(threshold) and threshold > 0):
        raise IndicatorInputError(text("methods_msg_c.complexity.threshold", threshold=threshold))


# --------------------------------------------------------------------------------------------
# presence
# --------------------------------------------------------------------------------------------
def presence_matrix(trade: pd.DataFrame, *, country: str = "country", product: str = "product",
                    value: str = "export_value", threshold: float = 1.0, strict: bool = False) -> pd.DataFrame:
    """Binary presence M_cp = 1 if RCA_cp >= threshold (``strict=True``: RCA > threshold).

    py-ecomplexity uses ``>=``; the Stata ``ecomplexity`` command uses ``>``.
    """
    x = trade_matrix(trade, country, product, value)
    x = drop_empty(x, "exports", {"countries": [], "products": []})
    if x.empty:
        raise IndicatorInputError(text("methods_msg_c.complexity.presence_all_zero"))
    r = rca_array(x.to_numpy())
    m = (r > threshold) if strict else (r >= threshold)
    return pd.DataFrame(m.astype(float), index=x.index, columns=x.columns)


class Presence(NamedTuple):
    """Output of :func:`presence`: the values kept, the binary M (numpy), the RCA (None if M was given), the drops."""

    x: pd.DataFrame
    M: np.ndarray
    rca: pd.DataFrame | None
    dropped: dict[str, list]


def _drop_without_presence(p: Presence, threshold: float) -> Presence:
    """With threshold > 1 (or strict >) a country or product can end up with no presence: drop it, warn."""
    M, x, rca_df, dropped = p.M, p.x, p.rca, p.dropped
    keep_c, keep_p = M.sum(axis=1) > 0, M.sum(axis=0) > 0
    if keep_c.all() and keep_p.all():
        return p
    warnings.warn(text("methods_msg_c.complexity.dropped_no_presence", n_rows=int((~keep_c).sum()),
                       n_cols=int((~keep_p).sum()),
                       threshold=threshold), stacklevel=4)
    dropped["countries"] += list(x.index[~keep_c])
    dropped["products"] += list(x.columns[~keep_p])
    return Presence(x.loc[keep_c, keep_p], M[keep_c][:, keep_p], rca_df.loc[keep_c, keep_p], dropped)


def presence(x: pd.DataFrame, *, method: str = "rca", threshold: float = 1.0, strict: bool = False) -> Presence:
    """The presence step of :func:`~course_tools.methods.complexity.complexity` on a country x product matrix.

    ``method="rca"``: M_cp = 1 if RCA_cp >= ``threshold`` (``strict``: >), after dropping
    countries and products with zero exports, then those left with no presence at all;
    ``method="manual"``: ``x`` is already the binary M (empty rows and columns dropped).
    Every drop is listed in ``dropped`` and said in a warning.
    """
    dropped: dict[str, list] = {"countries": [], "products": []}
    if method == "manual":
        check_binary(x.to_numpy(), "presence='manual'")
        x = drop_empty(x, "presence", dropped)
        return Presence(x, x.to_numpy().copy(), None, dropped)
    x = drop_empty(x, "exports", dropped)
    r = rca_array(x.to_numpy())
    M = ((r > threshold) if strict else (r >= threshold)).astype(float)
    rca_df = pd.DataFrame(r, index=x.index, columns=x.columns, copy=False)
    return _drop_without_presence(Presence(x, M, rca_df, dropped), threshold)
