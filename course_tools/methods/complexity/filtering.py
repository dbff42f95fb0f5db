"""Which reporters and products enter the complexity calculation: the Growth Lab's cleaning rules.

A separate, explicit step before :func:`~course_tools.methods.complexity.complexity`:
:func:`filter_for_complexity` returns the kept table and a report of every dropped country or
product with the reason. Country rules: the Atlas rankings (population >= 1 million, exports >=
USD 1 billion; Hausmann, Hidalgo et al. 2011, *Atlas* ch. 7). Product rules: the Growth Lab
pipeline (harvard-growth-lab/comtrade-mirroring, ``Complexity.filter_least_traded_products``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError, to_matrix
from course_tools.methods.complexity.presence import rca_array

__all__ = ["NON_COUNTRY_CODES", "ATLAS_NOISY_PRODUCTS_HS", "filter_for_complexity"]

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


class _Report:
    """The rows of the report: one per dropped country or product (unit, code, reason, value)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def drop(self, unit: str, codes: Iterable, reason: str, values: Mapping | None = None) -> None:
        for c in codes:
            self.rows.append({"unit": unit, "code": c, "reason": reason,
                              "value": float(values[c]) if values is not None and c in values else np.nan})

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=["unit", "code", "reason", "value"])


def _checked_copy(trade: pd.DataFrame, country: str, product: str, value: str) -> pd.DataFrame:
    """A copy of ``trade`` with a float value column; missing columns, NaN and negatives are errors."""
    for col in (country, product, value):
        if col not in trade.columns:
            raise IndicatorInputError(text("methods_msg_c.complexity.filter_no_column", col=col,
                                           columns=list(trade.columns)))
    t = trade.copy()
    vals = pd.to_numeric(t[value], errors="coerce")
    if vals.isna().any():
        raise IndicatorInputError(text("methods_msg_c.complexity.filter_nan", value=value, n=int(vals.isna().sum())))
    if (vals < 0).any():
        raise IndicatorInputError(text("methods_msg_c.complexity.filter_negative", value=value))
    t[value] = vals.astype(float)
    return t


def _drop_countries(t: pd.DataFrame, report: _Report, country: str, value: str, exclude, population,
                    min_population, min_exports) -> pd.DataFrame:
    """The country rules: not a country, population below the bar, total exports below the bar."""
    if exclude is not None:
        excl = {str(c).upper() for c in exclude}  # ISO3 codes match in any case ("bvt" = "BVT")
        hit = sorted(c for c in t[country].unique() if str(c).upper() in excl)
        report.drop("country", hit, "not a country (aggregate or uninhabited territory)")
        t = t[~t[country].isin(hit)]
    if population is not None and min_population is not None:
        pop = pd.Series(population, dtype=float)
        codes = t[country].unique()
        missing = [c for c in codes if c not in pop.index or not np.isfinite(pop.get(c, np.nan))]
        if missing:
            raise IndicatorInputError(text("methods_msg_c.complexity.filter_population", n=len(missing),
                                           eg=missing[:5]))
        small = [c for c in codes if pop[c] < min_population]
        report.drop("country", sorted(small), f"population < {min_population:,.0f}", pop)
        t = t[~t[country].isin(small)]
    if min_exports is not None:
        tot = t.groupby(country, observed=True)[value].sum()
        small = tot.index[tot < min_exports]
        report.drop("country", sorted(small), f"total exports < {min_exports:,.0f}", tot)
        t = t[~t[country].isin(small)]
    return t


def _noisy_codes_dropped(t: pd.DataFrame, report: _Report, product: str, exclude_products) -> pd.DataFrame:
    """Drop the listed product codes (gold, unspecified), compared as text."""
    if exclude_products is None:
        return t
    ex = {str(p) for p in exclude_products}
    codes = pd.Index(pd.unique(t[product]))        # unique codes first: 1,222, not 177,000 rows
    as_text = codes.astype(str)
    hit = sorted(set(as_text) & ex)
    report.drop("product", hit, "noisy trade code (Growth Lab list)")
    return t[~t[product].isin(codes[as_text.isin(ex)])]


def _thin_products(t: pd.DataFrame, ptot: pd.Series, country: str, product: str, value: str,
                   min_cumulative_share, max_effective_exporters, max_ubiquity,
                   min_product_exports) -> dict[Any, str]:
    """product -> reason for every product that fails a product rule (the first rule failed is given)."""
    bad: dict[Any, str] = {p: "no exports" for p in ptot.index[ptot <= 0]}
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
        ubi = pd.Series((rca_array(x.to_numpy()) >= 1).sum(axis=0), index=x.columns)
        for p in ubi.index[ubi <= max_ubiquity]:
            bad.setdefault(p, f"ubiquity (countries with RCA >= 1) <= {max_ubiquity}")
    if min_product_exports is not None:
        for p in ptot.index[ptot < min_product_exports]:
            bad.setdefault(p, f"world exports < {min_product_exports:,.0f}")
    return bad


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
    t = _checked_copy(trade, country, product, value)
    report = _Report()
    t = _drop_countries(t, report, country, value, exclude, population, min_population, min_exports)
    t = _noisy_codes_dropped(t, report, product, exclude_products)
    if len(t) == 0:
        raise IndicatorInputError(text("methods_msg_c.complexity.filter_nothing_left"))
    ptot = t.groupby(product, observed=True)[value].sum()
    bad = _thin_products(t, ptot, country, product, value, min_cumulative_share, max_effective_exporters,
                         max_ubiquity, min_product_exports)
    for p, reason in sorted(bad.items(), key=lambda kv: str(kv[0])):
        report.drop("product", [p], reason, ptot)
    t = t[~t[product].isin(list(bad))]
    return t.reset_index(drop=True), report.table()
