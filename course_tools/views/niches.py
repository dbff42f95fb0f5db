"""Figures and the weights app of lesson L11 "The niche model" (on top of :mod:`course_tools.methods.niches`).

- :func:`ranking_figure`: the best-ranked niches as horizontal stacked bars, one segment per
  criterion = its contribution w_c n_pc, so the bar length is the score and the colours say which
  criteria put the product there.
- :func:`sensitivity_figure`: the share of draws in which each product stays in the top k (the
  robust niches) and the distribution of the top-k overlap and Spearman correlation.
- :func:`weights_app`: one slider per criterion weight (and per threshold); the ranking is
  recomputed and redrawn when a slider is released.
- :func:`diversify_figure`: the diversify list as the Growth Lab draws it, feasibility (density)
  against attractiveness (PCI), coloured by opportunity gain (COG); :func:`markets_table`: the
  target markets of the consolidate niches with their untapped potential in USD.

Names, not codes (``names``: mapping code -> name, e.g. from ``data.products(level=4)``); titles
and axes in English or Spanish (``lang="en"|"es"``). No computation happens here: the numbers come
from :func:`course_tools.methods.niches.niche_scores` and :func:`course_tools.methods.niches.sensitivity`.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from course_tools.i18n import text, texts
from course_tools.methods import niches as nm
from course_tools.views import ViewInputError
from course_tools.views.format import fmt_percent, fmt_usd

__all__ = ["NicheViewError", "ranking_figure", "sensitivity_figure", "ranking_table", "NicheApp", "weights_app",
           "diversify_figure", "markets_table"]

_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#8c6d31"]


class NicheViewError(ViewInputError):
    """Bad argument for a niche figure or the weights app (says what is wrong and how to fix it)."""


def _names(names: Mapping[str, str] | pd.Series | pd.DataFrame | None) -> dict[str, str]:
    """code -> name from a mapping, a Series, or a table with columns code and name (data.products)."""
    if names is None:
        return {}
    if isinstance(names, pd.DataFrame):
        if not {"code", "name"} <= set(names.columns):
            raise NicheViewError(text("niche_msg.views.niches.names_table"))
        return dict(zip(names["code"].astype(str), names["name"].astype(str)))
    return {str(k): str(v) for k, v in dict(names).items()}


def _label(code: str, names: dict[str, str], width: int = 42) -> str:
    name = names.get(code)
    if not name:
        return code
    if len(name) > width:
        name = name[: width - 1].rstrip() + "…"
    return f"{name} ({code})"


def _check_scores(scores: object) -> pd.DataFrame:
    if not isinstance(scores, pd.DataFrame) or not {"product", "rank", "score", "passes"} <= set(scores.columns):
        raise NicheViewError(text("niche_msg.views.niches.not_scores"))
    return scores


def _criteria_of(scores: pd.DataFrame) -> list[str]:
    return [str(c)[len("contrib_"):] for c in scores.columns if str(c).startswith("contrib_")]


def ranking_table(scores: pd.DataFrame, names=None, *, top: int | None = 15, lang: str = "en") -> pd.DataFrame:
    """The passing products in rank order with their names: rank, product, name, score, why."""
    tx = texts("niches", lang)
    s = _check_scores(scores)
    nm_ = _names(names)
    s = s[s["passes"].astype(bool)]
    if top is not None:
        s = s.head(int(top))
    out = pd.DataFrame({
        "rank": s["rank"].to_numpy(),
        "product": s["product"].astype(str).to_numpy(),
        tx["name"]: [nm_.get(str(p), "") for p in s["product"]],
        "score": s["score"].round(3).to_numpy(),
        "why": s["why"].to_numpy(),
    })
    return out


def ranking_figure(
    scores: pd.DataFrame,
    names=None,
    *,
    top: int = 15,
    lang: str = "en",
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Horizontal stacked bars of the ``top`` passing products (best at the top).

    One trace per weighted criterion (largest weight first); the segment of product p is
    ``contrib_<c>`` = w_c n_pc, so the bar length is the score. ``names``: code -> name (mapping,
    Series or ``data.products(level=4)``); ``labels``: criterion -> display name (default: the
    labels kept by niche_scores). Hover shows the raw value of the criterion.
    """
    tx = texts("niches", lang)
    s = _check_scores(scores)
    crit = _criteria_of(s)
    if not crit:
        raise NicheViewError(text("niche_msg.views.niches.no_contrib", lang))
    if not (isinstance(top, (int, np.integer)) and top >= 1):
        raise NicheViewError(text("niche_msg.views.niches.bad_top", lang, top=top))
    lab = dict(s.attrs.get("labels", {}))
    lab.update(labels or {})
    w = s.attrs.get("weights", {})
    crit = sorted(crit, key=lambda c: -float(w.get(c, 0.0)))
    nm_ = _names(names)
    best = s[s["passes"].astype(bool)].head(int(top))
    ylab = [_label(str(p), nm_) for p in best["product"]]
    fig = go.Figure()
    for j, c in enumerate(crit):
        raw = best[c].to_numpy(dtype=float) if c in best.columns else np.full(len(best), np.nan)
        fig.add_trace(go.Bar(
            x=best[f"contrib_{c}"].to_numpy(dtype=float), y=ylab, orientation="h",
            name=lab.get(c, c), marker={"color": _PALETTE[j % len(_PALETTE)]},
            customdata=np.column_stack([raw]),
            hovertemplate=(f"%{{y}}<br>{lab.get(c, c)}: {tx['value']} %{{customdata[0]:.3g}}, "
                           f"{tx['contribution']} %{{x:.3f}}<extra></extra>"),
        ))
    fig.update_layout(
        barmode="stack",
        title=title or tx["rank_title"].format(n=len(best)),
        xaxis_title=tx["score"],
        yaxis={"autorange": "reversed", "automargin": True},
        height=max(320, 28 * len(best) + 160),
        legend={"orientation": "h", "y": -0.15},
    )
    if best.empty:
        fig.add_annotation(text=tx["none_pass"], showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return fig


def sensitivity_figure(
    result: nm.SensitivityResult,
    names=None,
    *,
    top: int = 20,
    lang: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Left: share of draws in the top k for the ``top`` most robust products (robust ones dark).
    Right: box plots of the per-draw top-k overlap and Spearman correlation with the base ranking.

    Traces: 0 = robust products, 1 = less robust products (bars, x = share_top_k),
    2 = overlap, 3 = Spearman (boxes).
    """
    tx = texts("niches", lang)
    if not isinstance(result, nm.SensitivityResult):
        raise NicheViewError(text("niche_msg.views.niches.not_sensitivity", lang, kind=type(result).__name__))
    nm_ = _names(names)
    p = result.products.head(int(top))
    ylab = [_label(str(c), nm_, width=36) for c in p["product"]]
    fig = make_subplots(rows=1, cols=2, column_widths=[0.65, 0.35], horizontal_spacing=0.12,
                        subplot_titles=(tx["share"].format(k=result.k), tx["stability"].format(k=result.k)))
    rob = p["robust"].to_numpy(dtype=bool)
    for mask, colour, name in ((rob, "#08519c", tx["robust"].format(r=result.robust)),
                               (~rob, "#9ecae1", tx["not_robust"])):
        fig.add_trace(go.Bar(
            x=p.loc[mask, "share_top_k"].to_numpy(dtype=float), y=[y for y, m in zip(ylab, mask) if m],
            orientation="h", marker={"color": colour}, name=name,
            hovertemplate="%{y}: %{x:.0%}<extra></extra>",
        ), row=1, col=1)
    fig.add_trace(go.Box(y=result.draws["overlap"], name=tx["overlap"].format(k=result.k),
                         marker={"color": "#31a354"}, boxpoints="outliers"), row=1, col=2)
    fig.add_trace(go.Box(y=result.draws["spearman"], name=tx["spearman"], marker={"color": "#756bb1"},
                         boxpoints="outliers"), row=1, col=2)
    fig.update_yaxes(categoryorder="array", categoryarray=ylab, autorange="reversed", automargin=True,
                     row=1, col=1)
    fig.update_xaxes(range=[0, 1.02], tickformat=".0%", row=1, col=1)
    fig.update_yaxes(range=[min(0.0, float(np.nanmin(result.draws[["overlap", "spearman"]].to_numpy())) - 0.05)
                            if result.draws[["overlap", "spearman"]].notna().any().any() else 0, 1.05],
                     row=1, col=2)
    fig.update_layout(
        title=title or tx["sens_title"].format(n=result.n, spread=result.spread, tspread=result.threshold_spread),
        height=max(380, 24 * len(p) + 180), legend={"orientation": "h", "y": -0.12}, showlegend=True,
    )
    return fig


def diversify_figure(ranking: pd.DataFrame, names=None, *, top: int = 10, lang: str = "en",
                     title: str | None = None) -> go.Figure:
    """The diversify list as the Growth Lab shows it: feasibility against attractiveness.

    ``ranking``: :func:`course_tools.methods.niche_lists.rank_list` of the diversify list (any table of
    niche_scores with the columns density and pci, and cog if it has it). x = density (feasibility:
    the share of the product's proximities that lead to products the country already exports with
    RCA >= 1), y = PCI (attractiveness: complexity), colour = COG (opportunity gain: how much nearby
    complexity the product would open). Every candidate that passes is a grey point; the ``top`` best
    ranked are coloured by COG and labelled with their rank. Traces: 0 = the other candidates, 1 = the top.
    """
    tx = texts("niche_msg.views.niches", lang)
    s = _check_scores(ranking)
    if not {"density", "pci"} <= set(s.columns):
        raise NicheViewError(text("niche_msg.views.niches.no_density_pci", lang))
    if not (isinstance(top, (int, np.integer)) and top >= 1):
        raise NicheViewError(text("niche_msg.views.niches.bad_top", lang, top=top))
    nm_ = _names(names)
    cand = s[s["passes"].astype(bool)]
    best, rest = cand.head(int(top)), cand.iloc[int(top):]
    has_cog = "cog" in s.columns
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=rest["density"], y=rest["pci"], mode="markers", name=tx["others"].format(n=len(rest)),
        marker={"color": "#c7c7c7", "size": 5}, text=[_label(str(p), nm_) for p in rest["product"]],
        hovertemplate="%{text}<br>" + tx["density"] + " %{x:.3f}<br>PCI %{y:.2f}<extra></extra>"))
    cog = best["cog"].to_numpy(dtype=float) if has_cog else np.zeros(len(best))
    fig.add_trace(go.Scatter(
        x=best["density"], y=best["pci"], mode="markers+text", name=tx["top"].format(k=len(best)),
        text=[str(r) for r in best["rank"]], textposition="top center",
        customdata=np.column_stack([[_label(str(p), nm_) for p in best["product"]], cog]),
        marker={"size": 12, "color": cog, "colorscale": "Viridis", "showscale": has_cog,
                "colorbar": {"title": tx["cog"]}, "line": {"color": "black", "width": 1}},
        hovertemplate=("%{customdata[0]}<br>" + tx["density"] + " %{x:.3f}<br>PCI %{y:.2f}<br>COG "
                       "%{customdata[1]:.2f}<extra></extra>")))
    fig.update_layout(title=title or tx["div_title"].format(n=len(cand)), xaxis_title=tx["density_axis"],
                      yaxis_title=tx["pci_axis"], height=520, legend={"orientation": "h", "y": -0.18})
    return fig


def markets_table(markets: pd.DataFrame, names=None, countries=None, *, lang: str = "en") -> pd.DataFrame:
    """The markets of some niches with names and dollars as text.

    ``markets``: the table of :func:`~course_tools.methods.export_potential.top_markets`.

    One row per niche and market (in the order of ``markets``): product, its name, the market's rank for
    that product, the market's name, the untapped potential, the potential and the actual exports (USD,
    words as :func:`~course_tools.views.format.fmt_usd`) and the realised share (actual / potential).
    ``countries``: ISO3 -> name (e.g. ``data.countries(lang).set_index("iso3")["name"]``).
    """
    tx = texts("niche_msg.views.niches", lang)
    need = {"product", "rank", "importer", "untapped", "potential", "actual"}
    if not isinstance(markets, pd.DataFrame) or not need <= set(markets.columns):
        raise NicheViewError(text("niche_msg.views.niches.not_markets", lang, need=sorted(need)))
    nm_, cn = _names(names), _names(countries)

    def usd(v: float) -> str:
        return fmt_usd(v, lang) if pd.notna(v) else "–"

    share = markets["actual"] / markets["potential"].where(markets["potential"] > 0)
    return pd.DataFrame({
        tx["col_product"]: markets["product"].astype(str).to_numpy(),
        tx["col_name"]: [str(nm_.get(str(p), ""))[:45] for p in markets["product"]],
        tx["col_rank"]: markets["rank"].to_numpy(),
        tx["col_market"]: [cn.get(str(c), str(c)) for c in markets["importer"]],
        tx["col_untapped"]: [usd(v) for v in markets["untapped"]],
        tx["col_potential"]: [usd(v) for v in markets["potential"]],
        tx["col_actual"]: [usd(v) for v in markets["actual"]],
        tx["col_realised"]: [fmt_percent(v, 0, lang) if pd.notna(v) else "–" for v in share],
    })


class NicheApp:
    """The live weights app returned by :func:`weights_app`.

    State, for notebooks and tests: ``sliders`` (criterion -> FloatSlider of its weight),
    ``threshold_sliders`` (criterion -> FloatSlider of its threshold value), ``scores`` (the
    current niche_scores table), ``figure`` (the current ranking figure), ``error`` (the message
    when the current sliders are invalid, e.g. all weights 0), ``widget`` (the ipywidgets VBox).
    Displaying the app shows the live widget (in exported HTML, the static ranking figure at the
    initial weights when course_tools.views.widgets.with_fallback is available).
    """

    def __init__(self, criteria, weights, *, thresholds, names, higher_is_better, method, missing,
                 labels, lang, top, step):
        import ipywidgets as widgets

        self._tx = texts("niches", lang)
        self.criteria = criteria
        self.names = names
        self.lang = lang
        self.top = top
        self._kw = {"higher_is_better": higher_is_better, "method": method, "missing": missing,
                    "labels": labels, "lang": lang}
        # validate once (clear errors before any widget exists)
        self.scores = nm.niche_scores(criteria, weights, thresholds=thresholds, **self._kw)
        w = self.scores.attrs["weights"]
        thr = self.scores.attrs["thresholds"]
        lab = self.scores.attrs["labels"]
        self._ops = {c: op for c, (op, _) in thr.items()}
        style = {"description_width": "initial"}
        layout = widgets.Layout(width="360px")
        self.sliders = {
            c: widgets.FloatSlider(value=round(v, 4), min=0.0, max=1.0, step=step, description=lab.get(c, c),
                                   continuous_update=False, readout_format=".2f", style=style, layout=layout)
            for c, v in w.items()
        }
        tab = nm.check_table(criteria)
        self.threshold_sliders = {}
        for c, (op, v) in thr.items():
            x = pd.to_numeric(tab[c], errors="coerce").to_numpy(dtype=float)
            x = x[np.isfinite(x)]
            lo = float(min(x.min(), v)) if x.size else v - 1
            hi = float(max(x.max(), v)) if x.size else v + 1
            if hi <= lo:
                hi = lo + 1.0
            self.threshold_sliders[c] = widgets.FloatSlider(
                value=v, min=lo, max=hi, step=(hi - lo) / 200, description=f"{lab.get(c, c)} {op}",
                continuous_update=False, readout_format=".3g", style=style, layout=layout)
        self.error: str | None = None
        self.output = widgets.Output()
        for s in (*self.sliders.values(), *self.threshold_sliders.values()):
            s.observe(self.update, names="value")
        boxes = [widgets.VBox([widgets.HTML(f"<b>{self._tx['weights']}</b>"), *self.sliders.values()])]
        if self.threshold_sliders:
            boxes.append(widgets.VBox([widgets.HTML(f"<b>{self._tx['thresholds']}</b>"),
                                       *self.threshold_sliders.values()]))
        self.widget = widgets.VBox([widgets.HBox(boxes), self.output])
        self.figure = ranking_figure(self.scores, names, top=top, lang=lang)
        self.fallback = self.figure
        self._draw()

    @property
    def weights(self) -> dict[str, float]:
        """The current slider weights (as set, before rescaling to sum 1)."""
        return {c: float(s.value) for c, s in self.sliders.items()}

    @property
    def thresholds(self) -> dict[str, tuple[str, float]]:
        """The current thresholds {criterion: (op, value)}."""
        return {c: (self._ops[c], float(s.value)) for c, s in self.threshold_sliders.items()}

    def update(self, _change=None) -> None:
        """Recompute the ranking from the sliders and redraw (called when a slider moves)."""
        try:
            self.scores = nm.niche_scores(self.criteria, self.weights, thresholds=self.thresholds or None,
                                          **self._kw)
        except nm.NicheModelError as err:
            self.error = str(err)
            self.output.outputs = ()
            self.output.append_stdout(f"⚠ {err}\n")
            return
        self.error = None
        self.figure = ranking_figure(self.scores, self.names, top=self.top, lang=self.lang)
        self._draw()

    def _draw(self) -> None:
        from course_tools.views.widgets import show_in

        show_in(self.output, self.figure, ranking_table(self.scores, self.names, top=self.top, lang=self.lang))

    @property
    def display_object(self):
        """What the notebook shows: ``widgets.with_fallback(widget, ranking figure at the start)``.

        The live widget in JupyterLab, the static figure in exported HTML (plain widget if
        course_tools.views.widgets is not installed).
        """
        try:
            from course_tools.views.widgets import with_fallback
        except ImportError:
            return self.widget
        return with_fallback(self.widget, self.fallback)

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        return self.display_object._repr_mimebundle_(include=include, exclude=exclude, **kwargs)


def weights_app(
    criteria: pd.DataFrame,
    weights: Mapping[str, float] | pd.Series,
    *,
    thresholds: nm.Thresholds | None = None,
    names=None,
    higher_is_better: nm.HigherIsBetter = None,
    method: str | Mapping[str, str] = "rank",
    missing: str = "worst",
    labels: nm.Labels = None,
    lang: str = "en",
    top: int = 15,
    step: float = 0.01,
) -> NicheApp:
    """An ipywidgets app: one slider per criterion weight (+ one per threshold); the ranking re-ranks live.

    Arguments as :func:`course_tools.methods.niches.niche_scores`. Weight sliders start at the chosen
    weights rescaled to sum 1 and go from 0 to 1 (the model rescales them again, so only their
    ratios matter); threshold sliders span the criterion's observed range. Sliders act when
    released. Display the app as the last line of a cell; ``app.scores`` is the current ranking.
    """
    return NicheApp(criteria, weights, thresholds=thresholds, names=names, higher_is_better=higher_is_better,
                    method=method, missing=missing, labels=labels, lang=lang, top=top, step=step)
