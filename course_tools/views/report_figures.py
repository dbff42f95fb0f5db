"""Figures of the country report, readable in print and on a projector.

- :func:`list_figure`: the top niches of one list as stacked bars of their criteria's contributions,
  full product names wrapped over lines (never cut), each bar labelled with its robustness;
- :func:`robustness_figure`: which modelling choice moves each list most (first-order share of the
  variance of the top-k overlap, by choice);
- :func:`dynamics_scatter`: world demand growth (CAGR over the window) against the change of the
  country's market share, one dot per product; the axes cover the 1st-99th percentiles and the few
  products beyond are drawn on the frame's edge as triangles and named, instead of squeezing the rest.

Every figure is 960 px wide (:data:`WIDTH`: it fits an A4 landscape page and a projector; :func:`fit` gives
any other figure of the report the same width and fonts), with large fonts (14 px and more), heights from the
number of rows and a white background.
"""
from __future__ import annotations

import textwrap
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from course_tools.i18n import check_lang, text
from course_tools.views.format import fmt_percent

__all__ = ["wrap", "fit", "chapters_bar", "list_figure", "robustness_figure", "dynamics_scatter", "FONT", "WIDTH"]

#: Base font of the report's figures (readable on a projector and in print).
FONT = {"size": 14}
#: Width of every figure of the report, in px: the printable width of an A4 landscape page at 96 dpi is ~1,030.
WIDTH = 960
_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
            "#17becf"]
_LABEL_COLOURS = {"robust": "#08519c", "plausible": "#6baed6", "fragile": "#bdbdbd", "out": "#eeeeee"}
_QUADRANT_COLOURS = {"rising star": "#2ca02c", "declining star": "#1f77b4", "missed opportunity": "#ff7f0e",
                     "retreat": "#d62728"}


def wrap(label: str, width: int = 30) -> str:
    """A long name over several lines (``<br>``), never cut: every word is kept."""
    return "<br>".join(textwrap.wrap(str(label), width=width, break_long_words=False) or [""])


def fit(fig: go.Figure, height: int | None = None) -> go.Figure:
    """Any figure at the report's width and fonts (e.g. the export treemap), for print and projector."""
    fig.update_layout(width=WIDTH, autosize=False, font=FONT, **({"height": height} if height else {}))
    return fig


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 17}}, font=FONT,
                      template="plotly_white", height=height, width=WIDTH, autosize=False,
                      margin={"l": 10, "r": 30, "t": 70, "b": 60})
    return fig


def list_figure(top: pd.DataFrame, *, names: Mapping[str, str], labels: Mapping[str, str], lang: str,
                title: str, k: int) -> go.Figure:
    """Stacked bars of the top niches of one list (best at the top): each segment is a criterion's
    contribution (weight x normalised value, summing to the score); the text after each bar is its
    robustness label and share of variants in the top k. ``top``: ``NicheList.top(k)``."""
    lang = check_lang(lang)
    crit = [c[len("contrib_"):] for c in top.columns if str(c).startswith("contrib_")]
    w = top.attrs.get("weights", {})
    crit = sorted(crit, key=lambda c: -float(w.get(c, 0.0)))
    ylab = [wrap(f"{str(names.get(str(p), p)).rstrip('. ')} ({p})", 30) for p in top["product"]]
    fig = go.Figure()
    for j, c in enumerate(crit):
        fig.add_trace(go.Bar(x=top[f"contrib_{c}"].to_numpy(dtype=float), y=ylab, orientation="h",
                             name=labels.get(c, c), marker={"color": _PALETTE[j % len(_PALETTE)]},
                             hovertemplate="%{y}<br>" + labels.get(c, c) + ": %{x:.3f}<extra></extra>"))
    ends = top[[f"contrib_{c}" for c in crit]].sum(axis=1).to_numpy(dtype=float)
    for y, x, lab, share in zip(ylab, ends, top["label"], top["share_top_k"]):
        fig.add_annotation(x=x, y=y, xanchor="left", showarrow=False, xshift=6, font={"size": 13},
                           text=f"{text('report.label_' + str(lab), lang)} · {fmt_percent(share, 0, lang)}")
    fig.update_xaxes(title_text=text("report.score", lang), range=[0, max(1.0, float(np.nanmax(ends)) * 1.3)
                                                                   if len(ends) else 1.0])
    fig.update_yaxes(autorange="reversed", automargin=True)
    lines = sum(y.count("<br>") + 1 for y in ylab)
    fig = _layout(fig, title, min(640, max(420, 18 * lines + 20 * len(ylab) + 200)))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
                      margin={"l": 10, "r": 30, "t": 110, "b": 50})
    return fig


def chapters_bar(trade: pd.DataFrame, country: str, *, chapter_names: Mapping[str, str], name: str, year: int,
                 lang: str, n: int = 12) -> go.Figure:
    """The country's exports by HS chapter (2 digits), the ``n`` largest and the rest together, as horizontal
    bars with the full chapter names (wrapped, never cut) and the share of the total at the end of each bar."""
    lang = check_lang(lang)
    mine = trade[(trade["country"] == country) & (trade["export_value"] > 0)]
    by = mine.groupby(mine["product"].astype(str).str[:2])["export_value"].sum().sort_values(ascending=False)
    share = by / by.sum()
    top = share.head(n)
    labels = [wrap(f"{c} {str(chapter_names.get(c, '')).rstrip('. ')}", 42) for c in top.index]
    values = list(top.to_numpy())
    if len(share) > n:
        labels.append(text("report.other_chapters", lang, n=len(share) - n))
        values.append(float(share.iloc[n:].sum()))
    fig = go.Figure(go.Bar(x=values, y=labels, orientation="h", marker={"color": "#08519c"},
                           text=[fmt_percent(v, 1, lang) for v in values], textposition="outside",
                           hovertemplate="%{y}: %{x:.1%}<extra></extra>"))
    fig.update_xaxes(tickformat=".0%", range=[0, max(values) * 1.2 if values else 1])
    fig.update_yaxes(autorange="reversed", automargin=True)
    lines = sum(y.count("<br>") + 1 for y in labels)
    return _layout(fig, text("report.chapters_title", lang, name=name, year=year),
                   min(680, max(360, 16 * lines + 22 * len(labels) + 130)))


def robustness_figure(results: Mapping[str, object], *, lang: str, k: int, titles: Mapping[str, str]) -> go.Figure:
    """Which choice moves each list most: the first-order share of the variance of the top-k overlap with the
    nominal list explained by each modelling choice (normalisation, aggregation, criteria left out, screens,
    weights), one bar group per list."""
    lang = check_lang(lang)
    dims = ["normalisation", "aggregation", "criteria", "thresholds", "weights"]
    fig = go.Figure()
    for j, (name, r) in enumerate(results.items()):
        d = r.dimensions.set_index("dimension").reindex(dims)
        fig.add_trace(go.Bar(x=[wrap(text(f"report.dim_{x}", lang), 14) for x in dims],
                             y=d["main_effect"].fillna(0.0).to_numpy(), name=titles.get(name, name),
                             marker={"color": ["#08519c", "#e6550d"][j % 2]},
                             text=[fmt_percent(v, 0, lang) if n > 1 else "–"
                                   for v, n in zip(d["main_effect"].fillna(0.0), d["n_levels"].fillna(1))],
                             textposition="outside", hovertemplate="%{x}: %{y:.0%}<extra></extra>"))
    top = max([float(r.dimensions["main_effect"].max()) for r in results.values()] + [0.1])
    fig.update_yaxes(tickformat=".0%", range=[0, min(1.0, top) * 1.25], title_text=text("report.robust_axis", lang))
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.22, "x": 0})
    return _layout(fig, text("report.robust_fig_title", lang, k=k), 440)


def _clip_range(x: np.ndarray) -> tuple[float, float]:
    lo, hi = np.nanpercentile(x, [1, 99])
    pad = 0.08 * (hi - lo if hi > lo else 1.0)
    return float(lo - pad), float(hi + pad)


def dynamics_scatter(criteria: pd.DataFrame, quadrant: pd.Series, *, names: Mapping[str, str],
                     window: tuple[int, int], world_growth: float, country_name: str, lang: str) -> go.Figure:
    """World demand growth (x, % a year over the window) against the change of the country's world market share
    (y, points), one dot per product, coloured by competitiveness quadrant, size by the country's exports.
    Dashed lines at world trade growth (x) and 0 (y). Products beyond the 1st-99th percentiles sit on the
    frame's edge as triangles, named in a note under the figure."""
    lang = check_lang(lang)
    d = pd.DataFrame({"x": criteria["demand_growth"], "y": criteria["share_change"],
                      "v": criteria["export_value"], "q": quadrant.reindex(criteria.index)}).dropna(subset=["x", "y"])
    xr, yr = _clip_range(d["x"].to_numpy()), _clip_range(d["y"].to_numpy())
    out = (d["x"] < xr[0]) | (d["x"] > xr[1]) | (d["y"] < yr[0]) | (d["y"] > yr[1])
    d = d.assign(xc=d["x"].clip(*xr), yc=d["y"].clip(*yr), out=out)
    ref = float(d["v"].max()) or 1.0
    fig = go.Figure()
    for q, colour in _QUADRANT_COLOURS.items():
        part = d[d["q"] == q]
        for outside, symbol in ((False, "circle"), (True, "triangle-up")):
            p = part[part["out"] == outside]
            if p.empty:
                continue
            fig.add_trace(go.Scatter(
                x=p["xc"], y=p["yc"], mode="markers", name=f"{_quadrant(q, lang)} ({len(part)})",
                showlegend=not outside, legendgroup=q,
                marker={"color": colour, "symbol": symbol, "opacity": 0.75, "line": {"width": 0.5, "color": "white"},
                        "size": 6 + 24 * np.sqrt(p["v"].to_numpy(dtype=float) / ref)},
                text=[f"{names.get(str(i), i)} ({i})" for i in p.index],
                customdata=np.column_stack([p["x"], p["y"]]),
                hovertemplate="%{text}<br>%{customdata[0]:.2f} % · %{customdata[1]:.2f} pp<extra></extra>"))
    fig.add_vline(x=world_growth, line_dash="dash", line_color="#555")
    fig.add_hline(y=0, line_color="#555")
    fig.update_traces(cliponaxis=False)
    fig.update_xaxes(range=list(xr), title_text=text("report.dyn_x", lang, y0=window[0], y1=window[1]))
    fig.update_yaxes(range=list(yr), title_text=wrap(text("report.dyn_y", lang, name=country_name), 40))
    fig = _layout(fig, text("report.dyn_title", lang, name=country_name, y0=window[0], y1=window[1]), 620)
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
                      margin={"l": 10, "r": 30, "t": 60, "b": 180})
    beyond = d[d["out"]].sort_values("v", ascending=False)
    if len(beyond):
        listed = ", ".join(f"{str(names.get(str(i), i)).rstrip('. ')} ({i})" for i in beyond.index[:6])
        fig.add_annotation(text=wrap(text("report.dyn_beyond", lang, n=len(beyond), list=listed), 120),
                           xref="paper", yref="paper", x=0, y=-0.31, showarrow=False, align="left",
                           xanchor="left", yanchor="top", font={"size": 13})
    return fig


def _quadrant(q: str, lang: str) -> str:
    from course_tools.methods.dynamics import QUADRANTS

    return QUADRANTS.get(q, q) if lang == "es" else q
