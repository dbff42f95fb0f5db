"""Figures used by the lessons, each a small pure function returning a plotly ``Figure``.

Titles, axis labels and hover texts come in English (``lang="en"``) or Spanish (``"es"``), by default the
notebook's language; numbers in the reader's convention (:mod:`course_tools.views.format`).
The figures only draw: the numbers come from :mod:`course_tools.views.tables` (or the table you give),
so what you see is what the tables say. Show a figure with ``fig.show()`` after
:func:`course_tools.views.notebook.setup_notebook` (it then works offline and in exported HTML).
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from course_tools.i18n import LANGS, text, texts
from course_tools.views.format import fmt_percent
from course_tools.views.tables import TableInputError, export_basket

__all__ = ["export_treemap", "top_partners_bar", "LANGS"]


def _short(label: str, width: int) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _name_lookup(products: pd.DataFrame, code: str, name: str, lang: str | None = None) -> pd.Series:
    if not isinstance(products, pd.DataFrame) or code not in products or name not in products:
        raise TableInputError(text("views_msg.figures.products", lang, code=code, name=name))
    return products.drop_duplicates(subset=[code]).set_index(code)[name]


def export_treemap(
    trade: pd.DataFrame,
    country: str,
    products: pd.DataFrame,
    lang: str | None = None,
    *,
    country_name: str | None = None,
    year: int | None = None,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    code_col: str = "code",
    name_col: str = "name",
    label_width: int = 40,
) -> go.Figure:
    """Treemap of a country's exports: one box per HS chapter (2 digits), split into headings (4 digits).

    Box areas are export values (``branchvalues="total"``): a heading's box is its value, a
    chapter's box is the sum of its headings (:func:`course_tools.views.tables.export_basket` at level 4),
    the outer box the country's reported total. Not-reported flows (NaN) are left out.
    ``products``: code/name table with the chapters and the headings
    (``pd.concat([data.products("hs07", level=2, lang=lang), data.products("hs07", level=4, lang=lang)])``).
    Labels show the code and a shortened name; hovering shows the full name, the value and the share.
    ``year`` defaults to the single year of ``trade`` (if it has a ``year`` column).
    """
    tx = texts("figures", lang)
    names = _name_lookup(products, code_col, name_col, lang)
    headings = export_basket(trade, country, level=4, country_col=country_col, product_col=product_col,
                             value_col=value_col)
    headings = headings[headings["export_value"] > 0]
    if headings.empty:
        raise TableInputError(text("views_msg.figures.nothing_exported", lang, country=country))
    chapters = (headings.assign(code=headings["code"].str[:2])
                .groupby("code", as_index=False, sort=True)["export_value"].sum())
    total = float(headings["export_value"].sum())
    code = str(country).strip().upper()
    name = country_name or code
    if year is None and "year" in trade.columns:
        years = trade.loc[trade[country_col] == code, "year"].unique()
        year = int(years[0]) if len(years) == 1 else None
    year_text = f", {year}" if year is not None else ""

    def full(c: str) -> str:
        n = names.get(c)
        return f"{c} {' '.join(str(n).split())}" if isinstance(n, str) else c

    ids = [code] + [f"{code}/{c}" for c in chapters["code"]] + [f"{code}/{c[:2]}/{c}" for c in headings["code"]]
    parents = [""] + [code] * len(chapters) + [f"{code}/{c[:2]}" for c in headings["code"]]
    values = [total] + chapters["export_value"].tolist() + headings["export_value"].tolist()
    full_names = [f"{name} ({tx['total']})"] + [full(c) for c in chapters["code"]] + [full(c) for c in headings["code"]]
    labels = [name] + [_short(f, label_width) for f in full_names[1:]]
    levels = [""] + [tx["hs_chapter"]] * len(chapters) + [tx["hs_heading"]] * len(headings)
    shares = [v / total for v in values]
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
        customdata=list(zip(full_names, levels, shares)),
        hovertemplate=("%{customdata[1]}<br><b>%{customdata[0]}</b><br>"
                       "USD %{value:,.0f}<br>%{customdata[2]:.1%}<extra></extra>"),
        maxdepth=2, textinfo="label+percent root",
    ))
    fig.update_layout(title=tx["treemap_title"].format(name=name, year=year_text),
                      margin={"t": 50, "l": 10, "r": 10, "b": 10}, height=550)
    return fig


def top_partners_bar(
    partners: pd.DataFrame,
    country: str,
    lang: str | None = None,
    *,
    country_name: str | None = None,
    partner_names: Mapping[str, str] | pd.Series | None = None,
    year: int | None = None,
    unit: str | None = None,
    partner_col: str = "partner",
    value_col: str = "value",
    share_col: str = "share",
) -> go.Figure:
    """Horizontal bars of a country's top export destinations, as a share (%) of its exports.

    ``partners`` is the table of :func:`course_tools.views.tables.top_partners` (columns ``partner``,
    ``value``, ``share``). Bar length = ``100 * share``; the largest partner is drawn on top;
    hovering shows the flow in ``unit`` (default "million USD" in ``lang``). ``partner_names`` maps ISO3
    codes to names (e.g. ``data.countries(lang).set_index("iso3")["name"]``); codes without a name are
    shown as codes.
    """
    tx = texts("figures", lang)
    missing = [c for c in (partner_col, value_col, share_col) if c not in getattr(partners, "columns", [])]
    if missing:
        raise TableInputError(text("views_msg.figures.partners_columns", lang, missing=missing))
    if len(partners) == 0:
        raise TableInputError(text("views_msg.figures.no_partners", lang))
    unit = tx["million_usd"] if unit is None else unit
    lookup = dict(partner_names) if partner_names is not None else {}
    codes = partners[partner_col].astype(str).tolist()
    labels = [f"{lookup[c]} ({c})" if isinstance(lookup.get(c), str) else c for c in codes]
    pct = (100 * partners[share_col].astype("float64")).tolist()
    vals = partners[value_col].astype("float64").tolist()
    name = country_name or str(country).strip().upper()
    year_text = f", {year}" if year is not None else ""
    fig = go.Figure(go.Bar(
        x=pct, y=labels, orientation="h",
        text=[fmt_percent(p / 100, 1, lang=lang) for p in pct], textposition="outside",
        customdata=vals,
        hovertemplate="%{y}<br>%{x:.1f}%<br>" + f"{tx['value']}: " + "%{customdata:,.1f} " + unit
                      + "<extra></extra>",
    ))
    fig.update_layout(
        title=tx["partners_title"].format(n=len(partners), name=name, year=year_text),
        xaxis_title=tx["share"], yaxis_title=tx["partner"],
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1]},
        height=120 + 35 * len(partners), margin={"l": 10, "r": 40},
    )
    return fig
