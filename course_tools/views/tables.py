"""Small table helpers used by the lessons: a country's export basket and its top partners.

Tidy long tables in, tidy long tables out; column names are keyword arguments with the course's
defaults (``country``, ``product``, ``export_value`` for :func:`course_tools.data.load_trade`;
``exporter``, ``importer``, ``flow`` for :func:`course_tools.data.load_gravity`).
``NaN`` means *not reported*: it is skipped in sums, never counted as zero.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from course_tools.errors import require_columns
from course_tools.i18n import text
from course_tools.views import ViewInputError

__all__ = ["TableInputError", "export_basket", "top_partners", "add_names"]

#: HS levels: number of digits of a chapter (*capítulo*) and a heading (*partida*).
HS_LEVELS = (2, 4)


class TableInputError(ViewInputError):
    """The table given to a helper cannot be used as asked (the message says why and how to fix it)."""


def _need(table: pd.DataFrame, columns: list[str], what: str) -> None:
    require_columns(table, columns, what, TableInputError, "value_col='export_value'")


def export_basket(
    trade: pd.DataFrame,
    country: str,
    level: int = 2,
    *,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
) -> pd.DataFrame:
    """Exports of one country by HS chapter (``level=2``) or heading (``level=4``), largest first.

    ``value(c) = sum of value_col over the products whose code starts with c`` (the first
    ``level`` digits of the HS code; an Excel pivot table by chapter, Stata's
    ``collapse (sum) export_value, by(chapter)``), and ``share(c) = value(c) / sum_c value(c)``.
    Not-reported flows (NaN) are skipped; a code whose flows are all NaN is left out.

    Returns columns ``code`` (text, ``level`` digits), ``export_value`` and ``share`` (fraction
    of the country's reported total), sorted by value (ties by code).
    Reference: World Customs Organization, *Harmonized System Nomenclature* (chapters = 2 digits,
    headings = 4 digits).
    """
    _need(trade, [country_col, product_col, value_col], "trade")
    if level not in HS_LEVELS:
        raise TableInputError(text("views_msg.tables.level", level=level))
    code = str(country).strip().upper()
    mine = trade.loc[trade[country_col] == code, [product_col, value_col]]
    if mine.empty:
        raise TableInputError(text("views_msg.tables.no_rows", country=country, column=country_col,
                                   codes=sorted(trade[country_col].unique())[:5]))
    products = mine[product_col].astype(str)
    if not products.str.fullmatch(r"\d{4,}").all():
        bad = products[~products.str.fullmatch(r"\d{4,}")].iloc[0]
        raise TableInputError(text("views_msg.tables.not_hs", code=bad))
    values = pd.to_numeric(mine[value_col]).astype("float64")
    out = (
        pd.DataFrame({"code": products.str[:level].to_numpy(), "export_value": values.to_numpy()})
        .dropna(subset=["export_value"])
        .groupby("code", as_index=False, sort=True)["export_value"].sum()
    )
    total = out["export_value"].sum()
    out["share"] = out["export_value"] / total if total > 0 else np.nan
    out = out.sort_values(["export_value", "code"], ascending=[False, True], kind="mergesort")
    out["code"] = out["code"].astype(str)
    return out.reset_index(drop=True)


def top_partners(
    flows: pd.DataFrame,
    country: str,
    n: int = 10,
    *,
    exporter: str = "exporter",
    importer: str = "importer",
    value: str = "flow",
) -> pd.DataFrame:
    """The ``n`` largest destinations of ``country``'s exports, with their shares.

    ``share(p) = flow(country -> p) / sum_q flow(country -> q)``: the denominator is the
    country's exports to ALL partners in the table (not only the top ``n``), so the shares of the
    top ``n`` add up to less than 1. NaN flows are skipped; flows to itself are ignored.
    Returns columns ``rank`` (1 = largest), ``partner``, ``value`` (the flow, in the units of the
    table), ``share`` and ``cumulative_share``; ties are ordered by partner code.
    """
    _need(flows, [exporter, importer, value], "flows")
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 1:
        raise TableInputError(text("views_msg.tables.n", n=n))
    code = str(country).strip().upper()
    mine = flows.loc[(flows[exporter] == code) & (flows[importer] != code), [importer, value]]
    mine = mine.dropna(subset=[value])
    if mine.empty:
        raise TableInputError(text("views_msg.tables.no_exports", country=country, column=exporter,
                                   codes=sorted(flows[exporter].unique())[:5]))
    by_partner = mine.groupby(importer, sort=True)[value].sum()
    total = by_partner.sum()
    if not total > 0:
        raise TableInputError(text("views_msg.tables.zero_total", code=code, total=total))
    ranked = by_partner.reset_index().sort_values([value, importer], ascending=[False, True], kind="mergesort")
    top = ranked.head(int(n)).reset_index(drop=True)
    out = pd.DataFrame({
        "rank": np.arange(1, len(top) + 1, dtype="int64"),
        "partner": top[importer].astype(str).to_numpy(),
        "value": top[value].astype("float64").to_numpy(),
    })
    out["share"] = out["value"] / total
    out["cumulative_share"] = out["share"].cumsum()
    return out


def add_names(
    table: pd.DataFrame,
    names: pd.DataFrame,
    *,
    on: str = "code",
    names_code: str | None = None,
    name_col: str = "name",
) -> pd.DataFrame:
    """``table`` with a ``name`` column looked up in ``names`` (a left merge, like Excel's VLOOKUP).

    ``names`` is a code/name table such as ``data.products("hs07", level=2, lang="es")``
    (``names_code`` defaults to ``"code"``) or ``data.countries("es")`` (``names_code="iso3"``).
    Codes without a name get NaN; the row order and the number of rows of ``table`` are kept.
    """
    names_code = names_code or "code"
    _need(table, [on], "table")
    _need(names, [names_code, name_col], "names")
    lookup = names.drop_duplicates(subset=[names_code]).set_index(names_code)[name_col]
    out = table.copy()
    out[name_col] = out[on].map(lookup)
    return out
