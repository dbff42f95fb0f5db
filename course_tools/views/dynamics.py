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

from course_tools.indicators import QUADRANTS, competitiveness_matrix, constant_market_share

__all__ = [
    "CompetitivenessInputError", "QUADRANT_ORDER", "QUADRANT_COLOURS", "world_market_table",
    "quadrant_counts", "compare_windows", "demand_growth", "cms_world", "competitiveness_scatter",
    "path_figure", "cms_figure",
]

#: The order in which the quadrants are listed in tables and legends.
QUADRANT_ORDER: tuple[str, ...] = ("rising star", "declining star", "missed opportunity", "retreat", "no demand")
#: Traffic-light colours of the quadrants (colour-blind safe palette, Okabe & Ito 2008).
QUADRANT_COLOURS: dict[str, str] = {
    "rising star": "#009E73", "declining star": "#E69F00", "missed opportunity": "#56B4E9",
    "retreat": "#D55E00", "no demand": "#999999",
}

_TEXT = {
    "en": {
        "scatter_title": "Competitiveness matrix of {name}, {y0}–{y1} (world market)",
        "dw": "change in the product's weight in world trade, Δw (percentage points)",
        "dms": "change in {name}'s world market share, Δms (percentage points)",
        "path_title": "{name} 1995–2023: {what}",
        "eci": "Economic Complexity Index (Atlas ECI)", "diversity": "diversity (products with RCA ≥ 1)",
        "year": "year", "cms_title": "Why the exports of {name} changed, {y0}–{y1} (constant market share)",
        "usd": "billion USD (current)", "product": "product", "export_t1": "exports {y1} (USD)",
        "world_growth": "world growth", "commodity_composition": "product composition",
        "market_distribution": "market distribution", "competitiveness": "competitiveness",
        "total_change": "total change",
    },
    "es": {
        "scatter_title": "Matriz de competitividad de {name}, {y0}–{y1} (mercado mundial)",
        "dw": "cambio del peso del producto en el comercio mundial, Δw (puntos porcentuales)",
        "dms": "cambio de la cuota de mercado mundial de {name}, Δms (puntos porcentuales)",
        "path_title": "{name} 1995–2023: {what}",
        "eci": "Índice de Complejidad Económica (ICE del Atlas)",
        "diversity": "diversidad (productos con VCR ≥ 1)",
        "year": "año", "cms_title": "Por qué cambiaron las exportaciones de {name}, {y0}–{y1} (cuota de mercado constante)",
        "usd": "miles de millones de USD (corrientes)", "product": "producto", "export_t1": "exportaciones {y1} (USD)",
        "world_growth": "crecimiento mundial", "commodity_composition": "composición de productos",
        "market_distribution": "distribución de mercados", "competitiveness": "competitividad",
        "total_change": "cambio total",
    },
}


class CompetitivenessInputError(ValueError):
    """The tables given cannot produce the table or figure asked for (the message says how to fix it)."""


def _text(lang: str) -> dict[str, str]:
    if lang not in _TEXT:
        raise ValueError(f"lang must be 'en' or 'es', not {lang!r}")
    return _TEXT[lang]


def _label(quadrant: str, lang: str) -> str:
    return quadrant if lang == "en" else QUADRANTS.get(quadrant, quadrant)


def _columns(table: pd.DataFrame, needed: Sequence[str], what: str, fix: str = "") -> None:
    if not isinstance(table, pd.DataFrame):
        raise CompetitivenessInputError(f"{what} must be a pandas DataFrame, not {type(table).__name__}")
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise CompetitivenessInputError(
            f"{what} has no column(s) {missing}; it has {list(table.columns)[:10]}. {fix}".strip())


def _country_and_world(trade: pd.DataFrame, country: str, *, country_col: str, product: str,
                       value: str, what: str, exclude_country: bool = False) -> tuple[pd.Series, pd.Series]:
    """(country exports by product, world exports by product) of one year; NaN counts as 0."""
    _columns(trade, (country_col, product, value), what,
             "Pass a table like data.load_trade(2017), or name its columns with country_col=, product=, value=.")
    values = pd.to_numeric(trade[value], errors="raise").fillna(0.0)
    if (values < 0).any():
        raise CompetitivenessInputError(f"{what}: {int((values < 0).sum())} negative export value(s)")
    is_country = (trade[country_col] == country).to_numpy()
    if not is_country.any():
        raise CompetitivenessInputError(
            f"{country!r} is not a reporter of {what}; check the ISO3 code (capitals, e.g. 'MEX'). "
            f"Countries missing from a year (e.g. 1962) cannot be compared in that window.")
    keys = trade[product].astype(str).to_numpy()
    x = pd.Series(values.to_numpy()[is_country], index=keys[is_country]).groupby(level=0).sum()
    keep = ~is_country if exclude_country else np.ones(len(trade), dtype=bool)
    w = pd.Series(values.to_numpy()[keep], index=keys[keep]).groupby(level=0).sum()
    x.index.name = w.index.name = product
    return x, w


def _add_names(table: pd.DataFrame, names: pd.DataFrame | None, product: str) -> pd.DataFrame:
    if names is None:
        return table
    _columns(names, ("code", "name"), "names", "Pass data.products('hs07', level=4, lang=...).")
    lookup = names.drop_duplicates("code").set_index("code")["name"]
    out = table.copy()
    out.insert(1, "name", out[product].map(lookup).fillna(out[product]))
    return out


def world_market_table(
    trade_t0: pd.DataFrame,
    trade_t1: pd.DataFrame,
    country: str,
    *,
    country_col: str = "country",
    product: str = "product",
    value: str = "export_value",
    tol: float = 0.0,
    names: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """ECLAC competitiveness matrix of ``country`` in the world market between two trade tables.

    The market's imports of product p are proxied by the world's exports of p (sum over all
    reporters of the table, the country included); the country's exports are its rows. Both go
    to :func:`course_tools.indicators.competitiveness_matrix` (Δw = M¹_p/M¹ − M⁰_p/M⁰,
    Δms = X¹_p/M¹_p − X⁰_p/M⁰_p; ECLAC & World Bank 1999, TradeCAN), with its tie rule (a change
    counts as positive only if > ``tol``). Products the country never exported are left out.
    ``names`` (``data.products(...)``: columns code, name) adds a ``name`` column.
    Returns one row per product, largest exports in period 1 first.
    """
    x0, m0 = _country_and_world(trade_t0, country, country_col=country_col, product=product,
                                value=value, what="trade_t0")
    x1, m1 = _country_and_world(trade_t1, country, country_col=country_col, product=product,
                                value=value, what="trade_t1")
    table = competitiveness_matrix(x0, x1, m0, m1, product=product, tol=tol)
    table = table.sort_values(["export_t1", product], ascending=[False, True]).reset_index(drop=True)
    return _add_names(table, names, product)


def quadrant_counts(table: pd.DataFrame, *, quadrant: str = "quadrant", value: str = "export_t1",
                    lang: str = "en") -> pd.DataFrame:
    """Products and export value per quadrant of a competitiveness matrix, in a fixed order.

    Columns: ``quadrant`` (label in ``lang``), ``n_products``, ``export_value`` (sum of ``value``)
    and ``share`` (fraction of the country's total ``value``). Quadrants with no product show 0;
    "no demand" is listed only if some product has it.
    """
    _text(lang)
    _columns(table, (quadrant, value), "table", "Pass the result of world_market_table().")
    unknown = sorted(set(table[quadrant]) - set(QUADRANT_ORDER))
    if unknown:
        raise CompetitivenessInputError(f"unknown quadrant label(s) {unknown}; expected {list(QUADRANT_ORDER)}")
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
                    lang: str = "en") -> pd.DataFrame:
    """Number of products per quadrant for several matrices (windows, thresholds...), side by side.

    ``tables`` maps a label (e.g. ``"1980–2017"``) to a competitiveness matrix. Returns one row per
    quadrant (index, label in ``lang``) and one column per label.
    """
    if not tables:
        raise CompetitivenessInputError("compare_windows: give at least one table, e.g. {'1980–2017': table}")
    cols = {label: quadrant_counts(t, quadrant=quadrant, lang=lang).set_index("quadrant")["n_products"]
            for label, t in tables.items()}
    out = pd.DataFrame(cols).fillna(0).astype(int)
    out.index.name = "quadrant"
    return out


def demand_growth(
    product_year: pd.DataFrame,
    *,
    year0: int = 1995,
    year1: int = 2023,
    product: str = "product",
    year: str = "year",
    value: str = "world_export_value",
) -> pd.DataFrame:
    """World demand dynamism by product between two years of a product × year panel.

    weight_t = V_p,t / Σ_p V_p,t (the product's share of world trade), ``delta_weight`` =
    weight_t1 − weight_t0 (the Δw axis of the ECLAC matrix) and ``growth`` = V_p,t1 / V_p,t0 − 1
    (NaN when V_p,t0 = 0). A product absent in a year counts as 0. ``dynamic`` = Δw > 0.
    Returns one row per product, the largest Δw first.
    """
    _columns(product_year, (product, year, value), "product_year", "Pass data.load_product_year().")
    years = set(product_year[year].unique())
    missing = [y for y in (year0, year1) if y not in years]
    if missing:
        raise CompetitivenessInputError(f"year(s) {missing} not in the panel; it has {min(years)}–{max(years)}")
    d = product_year[product_year[year].isin([year0, year1])]
    wide = d.pivot_table(index=product, columns=year, values=value, aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=[year0, year1], fill_value=0.0).astype(float)
    v0, v1 = wide[year0].to_numpy(), wide[year1].to_numpy()
    w0, w1 = v0 / v0.sum(), v1 / v1.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.where(v0 > 0, v1 / np.where(v0 > 0, v0, 1) - 1.0, np.nan)
    out = pd.DataFrame({product: wide.index.astype(str), "value_t0": v0, "value_t1": v1,
                        "weight_t0": w0, "weight_t1": w1, "delta_weight": w1 - w0,
                        "growth": growth, "dynamic": (w1 - w0) > 0})
    return out.sort_values(["delta_weight", product], ascending=[False, True]).reset_index(drop=True)


def cms_world(
    trade_t0: pd.DataFrame,
    trade_t1: pd.DataFrame,
    country: str,
    *,
    country_col: str = "country",
    product: str = "product",
    value: str = "export_value",
    exclude_country: bool = True,
    by_product: bool = False,
) -> pd.Series | pd.DataFrame:
    """Two-level (commodity) constant-market-share decomposition of ``country``'s export growth.

    ΔX = rX⁰ + Σ_i (r_i − r) X_i⁰ + Σ_i (X_i¹ − X_i⁰ − r_i X_i⁰) = world growth + commodity
    composition + competitiveness (Leamer & Stern 1970), computed by
    :func:`course_tools.indicators.constant_market_share`. The reference growth r, r_i is that of
    the exports of all OTHER reporters (the world without the country, the course's choice, so
    the country's own growth is not part of the benchmark); ``exclude_country=False`` uses the
    whole world, as many spreadsheets do. Current USD.
    """
    x0, _ = _country_and_world(trade_t0, country, country_col=country_col, product=product,
                               value=value, what="trade_t0")
    x1, _ = _country_and_world(trade_t1, country, country_col=country_col, product=product,
                               value=value, what="trade_t1")
    _, w0 = _country_and_world(trade_t0, country, country_col=country_col, product=product,
                               value=value, what="trade_t0", exclude_country=exclude_country)
    _, w1 = _country_and_world(trade_t1, country, country_col=country_col, product=product,
                               value=value, what="trade_t1", exclude_country=exclude_country)
    return constant_market_share(x0, x1, w0, w1, product=product, by_product=by_product)


def competitiveness_scatter(
    table: pd.DataFrame,
    *,
    country_name: str,
    years: tuple[int, int],
    lang: str = "en",
    label: str = "name",
    product: str = "product",
) -> go.Figure:
    """Scatter of the ECLAC matrix: Δw (x) against Δms (y) in percentage points, one dot per product.

    Colours are the quadrants (legend in ``lang``), dot size grows with exports in period 1, the
    hover shows the product's name (column ``label``, else its code) and exports. Products with
    "no demand" (Δms undefined) are not drawn.
    """
    t = _text(lang)
    _columns(table, (product, "delta_weight", "delta_share", "quadrant", "export_t1"), "table",
             "Pass the result of world_market_table().")
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
            hovertemplate="%{text}<br>Δw %{x:.3f} pp · Δms %{y:.3f} pp<br>USD %{customdata:,.0f}<extra></extra>",
        ))
    fig.add_hline(y=0, line_color="black", line_width=1)
    fig.add_vline(x=0, line_color="black", line_width=1)
    fig.update_layout(
        title=t["scatter_title"].format(name=country_name, y0=years[0], y1=years[1]),
        xaxis_title=t["dw"], yaxis_title=t["dms"].format(name=country_name),
        legend_title_text="", template="plotly_white", height=550)
    return fig


def path_figure(
    country_year: pd.DataFrame,
    countries: Sequence[str],
    *,
    names: Mapping[str, str] | None = None,
    columns: Sequence[str] = ("eci", "diversity"),
    country_col: str = "country",
    year: str = "year",
    lang: str = "en",
) -> go.Figure:
    """Line charts of country paths over the years, one panel per column (default ECI and diversity).

    ``countries``: ISO3 codes (the first is the country of the lesson, drawn thicker);
    ``names`` maps codes to names for the legend.
    """
    t = _text(lang)
    _columns(country_year, (country_col, year, *columns), "country_year", "Pass data.load_country_year().")
    countries = list(countries)
    absent = [c for c in countries if not (country_year[country_col] == c).any()]
    if absent:
        raise CompetitivenessInputError(f"country code(s) {absent} not in country_year; check the ISO3 codes")
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
                      template="plotly_white", height=300 * len(columns) + 100)
    return fig


def cms_figure(components: pd.Series, *, country_name: str, years: tuple[int, int],
               lang: str = "en") -> go.Figure:
    """Waterfall of a constant-market-share decomposition (billion USD): effects, then the total change."""
    t = _text(lang)
    if not isinstance(components, pd.Series) or "total_change" not in components.index:
        raise CompetitivenessInputError("components must be the Series returned by cms_world() "
                                        "(with a 'total_change' entry)")
    parts = [k for k in components.index if k != "total_change"]
    fig = go.Figure(go.Waterfall(
        x=[t.get(k, k) for k in parts] + [t["total_change"]],
        y=[components[k] / 1e9 for k in parts] + [components["total_change"] / 1e9],
        measure=["relative"] * len(parts) + ["total"],
        texttemplate="%{y:,.2f}", connector={"line": {"color": "#999999"}},
        increasing={"marker": {"color": "#009E73"}}, decreasing={"marker": {"color": "#D55E00"}},
        totals={"marker": {"color": "#0072B2"}}))
    fig.update_layout(title=t["cms_title"].format(name=country_name, y0=years[0], y1=years[1]),
                      yaxis_title=t["usd"], template="plotly_white", height=450, showlegend=False)
    return fig
