"""Tables and figures of lesson L07 Dynamics (*dinámica de la competitividad*).

Small pure functions that prepare the inputs of the dynamics indicators of
:mod:`course_tools.methods.dynamics` (ECLAC competitiveness matrix, constant market share)
from the course's world trade tables, summarise their results and draw them as figures a ministry
could put in a slide (titles, labelled axes, product and country names, English or Spanish).
The formulas themselves live in :mod:`course_tools.indicators`; nothing is re-implemented here.

Conventions (said again in the lesson):

* the world market of a product = the sum of the exports of ALL reporters of the table (world
  exports as a proxy for world imports; ``NaN`` = not reported counts as 0);
* the country's exports of a product not reported = 0;
* constant market share: the reference is the world WITHOUT the country (Leamer & Stern 1970),
  so the country's own growth does not count twice.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from course_tools.errors import require_columns
from course_tools.i18n import text, texts
from course_tools.methods.dynamics import QUADRANTS, CompetitivenessInputError
from course_tools.views import ViewInputError, reader_lang
from course_tools.views.format import plotly_separators

__all__ = [
    "CompetitivenessInputError", "DynamicsViewError", "QUADRANT_ORDER", "QUADRANT_COLOURS",
    "quadrant_counts", "compare_windows", "competitiveness_scatter",
    "path_figure", "cms_figure",
]

#: The order in which the quadrants are listed in tables and legends.
QUADRANT_ORDER: tuple[str, ...] = ("rising star", "declining star", "missed opportunity", "retreat", "no demand")
#: Traffic-light colours of the quadrants (colour-blind safe palette, Okabe & Ito 2008).
QUADRANT_COLOURS: dict[str, str] = {
    "rising star": "#009E73", "declining star": "#E69F00", "missed opportunity": "#56B4E9",
    "retreat": "#D55E00", "no demand": "#999999",
}


class DynamicsViewError(ViewInputError, CompetitivenessInputError):
    """A table given to a dynamics table or figure cannot be used (also a :class:`CompetitivenessInputError`)."""


def _label(quadrant: str, lang: str | None) -> str:
    return quadrant if reader_lang(lang) == "en" else QUADRANTS.get(quadrant, quadrant)


def quadrant_counts(table: pd.DataFrame, *, quadrant: str = "quadrant", value: str = "export_t1",
                    lang: str | None = None) -> pd.DataFrame:
    """Products and export value per quadrant of a competitiveness matrix, in a fixed order.

    Columns: ``quadrant`` (label in ``lang``), ``n_products``, ``export_value`` (sum of ``value``)
    and ``share`` (fraction of the country's total ``value``). Quadrants with no product show 0;
    "no demand" is listed only if some product has it. ``lang`` defaults to the notebook's language.
    """
    lang = reader_lang(lang)
    require_columns(table, (quadrant, value), "table", DynamicsViewError,
                    hint=text("views_msg.dynamics.pass_world_market_table", lang))
    unknown = sorted(set(table[quadrant]) - set(QUADRANT_ORDER))
    if unknown:
        raise DynamicsViewError(text("views_msg.dynamics.unknown_quadrant", lang, unknown=unknown,
                                     expected=list(QUADRANT_ORDER)))
    order = [q for q in QUADRANT_ORDER if q != "no demand" or (table[quadrant] == q).any()]
    grouped = table.groupby(quadrant)[value]
    n = grouped.size().reindex(order, fill_value=0)
    v = grouped.sum().reindex(order, fill_value=0.0).astype(float)
    total = float(table[value].sum())
    return pd.DataFrame({
        "quadrant": [_label(q, lang) for q in order],
        "n_products": n.to_numpy().astype(int),
        "export_value": v.to_numpy(),
        "share": v.to_numpy() / total if total > 0 else np.zeros(len(order)),
    })


def compare_windows(tables: Mapping[str, pd.DataFrame], *, quadrant: str = "quadrant",
                    lang: str | None = None) -> pd.DataFrame:
    """Number of products per quadrant for several matrices (windows, thresholds...), side by side.

    ``tables`` maps a label (e.g. ``"1980–2017"``) to a competitiveness matrix. Returns one row per
    quadrant (index, label in ``lang``) and one column per label.
    """
    lang = reader_lang(lang)
    if not tables:
        raise DynamicsViewError(text("views_msg.dynamics.no_tables", lang, example="{'1980–2017': table}"))
    cols = {label: quadrant_counts(t, quadrant=quadrant, lang=lang).set_index("quadrant")["n_products"]
            for label, t in tables.items()}
    out = pd.DataFrame(cols).fillna(0).astype(int)
    out.index.name = "quadrant"
    return out


def competitiveness_scatter(
    table: pd.DataFrame,
    *,
    country_name: str,
    years: tuple[int, int],
    lang: str | None = None,
    label: str = "name",
    product: str = "product",
) -> go.Figure:
    """Scatter of the ECLAC matrix: Δw (x) against Δms (y) in percentage points, one dot per product.

    Colours are the quadrants (legend in ``lang``), dot size grows with exports in period 1, the
    hover shows the product's name (column ``label``, else its code) and exports. Products with
    "no demand" (Δms undefined) are not drawn.
    """
    t = texts("dynamics", lang)
    require_columns(table, (product, "delta_weight", "delta_share", "quadrant", "export_t1"), "table",
                    DynamicsViewError, hint=text("views_msg.dynamics.pass_world_market_table", lang))
    names = table[label] if label in table.columns else table[product]
    fig = go.Figure()
    size_ref = float(table["export_t1"].max()) or 1.0
    for q in QUADRANT_ORDER[:4]:
        part = table[table["quadrant"] == q]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=100 * part["delta_weight"], y=100 * part["delta_share"], mode="markers",
            name=f"{_label(q, lang)} ({len(part)})",
            marker={"color": QUADRANT_COLOURS[q], "opacity": 0.7,
                    "size": 5 + 25 * np.sqrt(part["export_t1"].to_numpy() / size_ref)},
            text=[f"{c} {str(n)[:60]}" for c, n in zip(part[product], names[part.index])],
            customdata=part["export_t1"].to_numpy(),
            hovertemplate="%{text}<br>" + t["scatter_hover"],
        ))
    fig.add_hline(y=0, line_color="black", line_width=1)
    fig.add_vline(x=0, line_color="black", line_width=1)
    fig.update_layout(
        title=t["scatter_title"].format(name=country_name, y0=years[0], y1=years[1]),
        xaxis_title=t["dw"], yaxis_title=t["dms"].format(name=country_name),
        legend_title_text="", template="plotly_white", separators=plotly_separators(lang), height=550)
    return fig


def path_figure(
    country_year: pd.DataFrame,
    countries: Sequence[str],
    *,
    names: Mapping[str, str] | None = None,
    columns: Sequence[str] = ("eci", "diversity"),
    country_col: str = "country",
    year: str = "year",
    lang: str | None = None,
) -> go.Figure:
    """Line charts of country paths over the years, one panel per column (default ECI and diversity).

    ``countries``: ISO3 codes (the first is the country of the lesson, drawn thicker);
    ``names`` maps codes to names for the legend.
    """
    t = texts("dynamics", lang)
    require_columns(country_year, (country_col, year, *columns), "country_year", DynamicsViewError,
                    hint=text("views_msg.dynamics.pass_country_year", lang))
    countries = list(countries)
    absent = [c for c in countries if not (country_year[country_col] == c).any()]
    if absent:
        raise DynamicsViewError(text("views_msg.dynamics.absent_countries", lang, codes=absent))
    names = dict(names or {})
    fig = make_subplots(rows=len(columns), cols=1, shared_xaxes=True, vertical_spacing=0.08,
                        subplot_titles=[t.get(c, c) for c in columns])
    palette = ["#0072B2", "#999999", "#CC79A7", "#E69F00", "#009E73"]
    for i, c in enumerate(countries):
        d = country_year[country_year[country_col] == c].sort_values(year)
        for r, col in enumerate(columns, start=1):
            fig.add_trace(go.Scatter(
                x=d[year], y=d[col], mode="lines", name=names.get(c, c), legendgroup=c,
                showlegend=(r == 1), line={"width": 3 if i == 0 else 1.5, "color": palette[i % len(palette)]},
                hovertemplate=f"{names.get(c, c)} %{{x}}: %{{y:.3f}}<extra></extra>"), row=r, col=1)
            fig.update_yaxes(title_text=t.get(col, col).split(" (")[0], row=r, col=1)
    fig.update_xaxes(title_text=t["year"], row=len(columns), col=1)
    what = " · ".join(t.get(c, c).split(" (")[0] for c in columns)
    fig.update_layout(title=t["path_title"].format(name=names.get(countries[0], countries[0]), what=what),
                      template="plotly_white", separators=plotly_separators(lang), height=300 * len(columns) + 100)
    return fig


def cms_figure(components: pd.Series, *, country_name: str, years: tuple[int, int],
               lang: str | None = None) -> go.Figure:
    """Waterfall of a constant-market-share decomposition (billion USD): effects, then the total change."""
    t = texts("dynamics", lang)
    if not isinstance(components, pd.Series) or "total_change" not in components.index:
        raise DynamicsViewError(text("views_msg.dynamics.components", lang))
    parts = [k for k in components.index if k != "total_change"]
    fig = go.Figure(go.Waterfall(
        x=[t.get(k, k) for k in parts] + [t["total_change"]],
        y=[components[k] / 1e9 for k in parts] + [components["total_change"] / 1e9],
        measure=["relative"] * len(parts) + ["total"],
        texttemplate="%{y:,.2f}", connector={"line": {"color": "#999999"}},
        increasing={"marker": {"color": "#009E73"}}, decreasing={"marker": {"color": "#D55E00"}},
        totals={"marker": {"color": "#0072B2"}}))
    fig.update_layout(title=t["cms_title"].format(name=country_name, y0=years[0], y1=years[1]),
                      yaxis_title=t["usd"], template="plotly_white", separators=plotly_separators(lang), height=450,
                      showlegend=False)
    return fig
