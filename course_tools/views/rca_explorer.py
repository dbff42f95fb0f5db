"""An RCA explorer for lesson L05 "Revealed comparative advantage": which products pass the line?

A small ipywidgets app (:func:`rca_explorer`): choose the reference ("world" = every country of the
trade table, or Latin America and the Caribbean), move the RCA threshold and the number of products,
and a bar chart shows the country's **largest exports among the products with RCA ≥ threshold**.
It answers the coordinator's question "which of our big exports have a revealed advantage, and how
many survive a stricter line (RCA ≥ 2, ≥ 4)?".

The RCA values come from :func:`course_tools.views.specialisation.rca_profile`, which calls the indicator engine
(:func:`course_tools.indicators.rca`, Balassa 1965, "Trade liberalisation and 'revealed' comparative
advantage", *The Manchester School* 33(2)):

.. math:: RCA_{cp} = \\frac{X_{cp}/X_{c\\cdot}}{X_{\\cdot p}/X_{\\cdot\\cdot}}

where the "world" (:math:`X_{\\cdot p}`, :math:`X_{\\cdot\\cdot}`) is the reference group plus the
country itself. Both profiles are computed once; moving a control only filters them.

The pure pieces (:func:`reference_profiles`, :func:`products_above`, :func:`products_above_bar`) can be
used without widgets, e.g. in a report.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from course_tools.i18n import text, texts
from course_tools.views import ViewInputError, reader_lang
from course_tools.views import specialisation as profiles
from course_tools.views.format import fmt_percent

__all__ = [
    "RcaViewError",
    "REFERENCES",
    "reference_profiles",
    "products_above",
    "products_above_bar",
    "RcaExplorer",
    "rca_explorer_app",
    "rca_explorer",
]

#: The two references of the explorer: the key used in the tables and the label of the drop-down.
REFERENCES = ("world", "region")


class RcaViewError(ViewInputError):
    """Bad argument for the RCA explorer (the message says what is wrong and how to fix it)."""


def _check_reference(reference: str, lang: str | None = None) -> None:
    if reference not in REFERENCES:
        raise RcaViewError(text("views_msg.rca_explorer.reference", lang, reference=reference,
                                region=text("rca_explorer.region", lang)))


# --------------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------------
def reference_profiles(
    trade: pd.DataFrame,
    country: str,
    *,
    region: Iterable[str],
    products: pd.DataFrame | None = None,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    code_col: str = "code",
    name_col: str = "name",
) -> pd.DataFrame:
    """The country's RCA profile against the world and against ``region``, stacked in one tidy table.

    Two calls of :func:`course_tools.views.specialisation.rca_profile` (``reference=None`` and
    ``reference=region``; RCA by :func:`course_tools.indicators.rca`). ``region``: ISO3 codes, e.g.
    ``data.group_members("lac")``. Returns column ``reference`` (``"world"`` or ``"region"``)
    followed by the columns of ``rca_profile`` (``product``, ``name`` if ``products`` is given,
    ``export_value``, ``share``, ``reference_share``, ``rca``, ``rsca``, ``has_rca``).
    ``attrs["country"]`` is the ISO3 code.
    """
    if isinstance(region, str):
        raise RcaViewError(text("views_msg.specialisation.codes_not_string", argument="region"))
    kw = dict(products=products, country_col=country_col, product_col=product_col, value_col=value_col,
              code_col=code_col, name_col=name_col)
    try:
        world = profiles.rca_profile(trade, country, **kw)
        reg = profiles.rca_profile(trade, country, reference=list(region), **kw)
    except profiles.ProfileInputError as err:
        message = str(err)  # the profile's own message, kept as it is
        raise RcaViewError(message) from err
    out = pd.concat([world.assign(reference="world"), reg.assign(reference="region")], ignore_index=True)
    out = out[["reference"] + list(world.columns)]
    out["reference"] = out["reference"].astype(str)
    out.attrs = {"country": world.attrs["country"]}
    return out


def products_above(
    table: pd.DataFrame,
    *,
    reference: str = "world",
    threshold: float = 1.0,
    n: int | None = 15,
    product_col: str = "product",
    value_col: str = "export_value",
) -> pd.DataFrame:
    """The country's exported products with RCA ≥ ``threshold`` against ``reference``, largest exports first.

    ``table``: :func:`reference_profiles`. Keeps rows with ``export_value > 0`` and
    ``rca >= threshold`` (the py-ecomplexity / R rule; Stata's ``ecomplexity`` uses ``>``), sorted by
    export value (ties by product code), the first ``n`` (all with ``n=None``).
    ``attrs``: ``n_above`` (products passing the threshold, before ``n``), ``n_exported``
    (products with exports > 0), ``threshold``, ``reference``.
    """
    _check_reference(reference)
    need = ["reference", product_col, value_col, "rca"]
    if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in need):
        raise RcaViewError(text("views_msg.rca_explorer.table_columns", columns=need))
    t = float(threshold)
    if not np.isfinite(t) or t < 0:
        raise RcaViewError(text("views_msg.rca_explorer.threshold", threshold=threshold))
    if n is not None and (not isinstance(n, (int, np.integer)) or n < 1):
        raise RcaViewError(text("views_msg.rca_explorer.n", n=n))
    rows = table[(table["reference"] == reference) & (table[value_col] > 0)]
    n_exported = int(len(rows))
    rows = rows[rows["rca"] >= t]
    rows = rows.sort_values([value_col, product_col], ascending=[False, True], kind="mergesort")
    n_above = int(len(rows))
    if n is not None:
        rows = rows.head(int(n))
    out = rows.drop(columns="reference").reset_index(drop=True)
    out.attrs = {"n_above": n_above, "n_exported": n_exported, "threshold": t, "reference": reference,
                 "country": table.attrs.get("country", "")}
    return out


# --------------------------------------------------------------------------------------------
# figure
# --------------------------------------------------------------------------------------------
def products_above_bar(
    above: pd.DataFrame,
    *,
    lang: str | None = None,
    country_name: str | None = None,
    reference_label: str | None = None,
    product_col: str = "product",
    value_col: str = "export_value",
    label_width: int = 45,
) -> go.Figure:
    """Horizontal bars of :func:`products_above`: RCA (log scale) of each product, largest export on top.

    The bar's text is the product's share of the country's exports; a dashed line marks the
    threshold. With no product above the threshold, an empty figure that says so (one trace-less
    annotation). Labels: code and shortened name. ``reference_label``: the words naming the
    reference in the title, e.g. ``"against the Andean Community"`` (default: against the world /
    against Latin America and the Caribbean, in ``lang``).
    """
    tx = texts("rca_explorer", lang)
    need = [product_col, value_col, "rca", "share"]
    if not isinstance(above, pd.DataFrame) or any(c not in above.columns for c in need):
        raise RcaViewError(text("views_msg.rca_explorer.above_columns", lang, columns=need))
    attrs = above.attrs
    t = float(attrs.get("threshold", 1.0))
    ref = reference_label or tx["vs_" + attrs.get("reference", "world")]
    name = country_name or attrs.get("country", "")
    fig = go.Figure()
    if above.empty:
        fig.add_annotation(text=tx["none"].format(t=t, ref=ref), showarrow=False, x=0.5, y=0.5,
                           xref="paper", yref="paper", font={"size": 15})
        fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=220,
                          title=tx["title"].format(name=name, t=t, ref=ref, n_shown=0, n_above=0))
        return fig
    labels, full = profiles.product_labels(above, product_col, label_width)
    fig.add_trace(go.Bar(
        x=above["rca"].astype(float).tolist(), y=labels, orientation="h", marker_color="#1b7837",
        text=[fmt_percent(s, 1, lang=lang) for s in above["share"].astype(float)], textposition="outside",
        customdata=list(zip(full, above["share"].astype(float), above[value_col].astype(float))),
        hovertemplate=("<b>%{customdata[0]}</b><br>" + tx["rca_short"] + " %{x:,.2f}<br>" + tx["share"]
                       + ": %{customdata[1]:.2%}<br>" + tx["value"] + ": USD %{customdata[2]:,.0f}<extra></extra>"),
        name=tx["rca_short"],
    ))
    if t > 0:
        fig.add_vline(x=t, line_dash="dash", line_color="grey")
    fig.update_layout(
        title=tx["title"].format(name=name, t=t, ref=ref, n_shown=len(above), n_above=attrs.get("n_above", len(above))),
        xaxis={"type": "log", "title": tx["rca"]},
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1]},
        height=160 + 28 * len(above), margin={"l": 10, "r": 40},
    )
    return fig


# --------------------------------------------------------------------------------------------
# the widget
# --------------------------------------------------------------------------------------------
@dataclass
class RcaExplorer:
    """The explorer's parts: ``widget`` (what is displayed) and its controls, plus the state helpers.

    ``reference`` (Dropdown: ``"world"``/``"region"``), ``threshold`` (FloatSlider), ``top_n``
    (IntSlider), ``summary`` (HTML line), ``out`` (Output with the figure). Setting a control's
    ``value`` from code re-draws, as moving it does.
    """

    table: pd.DataFrame
    widget: Any
    reference: Any
    threshold: Any
    top_n: Any
    summary: Any
    out: Any
    lang: str | None = None
    country_name: str = ""
    figure: go.Figure | None = field(default=None, repr=False)

    def current(self) -> pd.DataFrame:
        """:func:`products_above` for the controls' current values."""
        return products_above(self.table, reference=self.reference.value, threshold=self.threshold.value,
                              n=int(self.top_n.value))


def rca_explorer_app(
    table: pd.DataFrame,
    *,
    country_name: str | None = None,
    lang: str | None = None,
    reference: str = "world",
    threshold: float = 1.0,
    top_n: int = 15,
    max_threshold: float = 10.0,
) -> RcaExplorer:
    """Build the explorer on a :func:`reference_profiles` table (no recomputation when controls move).

    Controls: reference drop-down (world / Latin America and the Caribbean), RCA threshold slider
    (0.5 to ``max_threshold`` by 0.5) and how many products to draw (5 to 40). Returns an
    :class:`RcaExplorer`; its ``widget`` is the VBox to display. It needs a live kernel. ``lang``: the
    notebook's language by default.
    """
    import ipywidgets as widgets

    from course_tools.views.widgets import show_in

    lang = reader_lang(lang)
    tx = texts("rca_explorer", lang)
    _check_reference(reference, lang)
    if not isinstance(table, pd.DataFrame) or "reference" not in table.columns:
        raise RcaViewError(text("views_msg.rca_explorer.not_profiles", lang))
    name = country_name or table.attrs.get("country", "")
    pick = widgets.Dropdown(options=[(tx["world"], "world"), (tx["region"], "region")], value=reference,
                            description=tx["reference"], style={"description_width": "initial"},
                            layout={"width": "max-content"})
    slide = widgets.FloatSlider(value=float(threshold), min=0.5, max=float(max_threshold), step=0.5,
                                description=tx["threshold"], readout_format=".1f", continuous_update=False)
    count = widgets.IntSlider(value=int(top_n), min=5, max=40, step=1, description=tx["top_n"],
                              continuous_update=False)
    summary = widgets.HTML()
    out = widgets.Output()
    app = RcaExplorer(table=table, widget=None, reference=pick, threshold=slide, top_n=count,
                      summary=summary, out=out, lang=lang, country_name=name)

    def redraw(_change=None) -> None:
        above = app.current()
        a = above.attrs
        ref = tx["vs_" + a["reference"]]
        summary.value = tx["summary"].format(name=name, n_above=a["n_above"], n_exported=a["n_exported"],
                                             t=a["threshold"], ref=ref, n_shown=len(above))
        app.figure = products_above_bar(above, lang=lang, country_name=name)
        show_in(out, app.figure)  # not append_display_data: see course_tools.views.widgets.show_in

    for w in (pick, slide, count):
        w.observe(redraw, names="value")
    redraw()
    app.widget = widgets.VBox([widgets.HBox([pick, slide, count]), summary, out])
    return app


def rca_explorer(
    trade: pd.DataFrame,
    country: str,
    *,
    region: Iterable[str] | None = None,
    names: pd.DataFrame | None = None,
    country_name: str | None = None,
    lang: str | None = None,
    threshold: float = 1.0,
    top_n: int = 15,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
):
    """The RCA explorer of lesson L05, ready to display as the last line of a cell.

    ``trade``: tidy exports (``data.load_trade(year)``); ``country``: ISO3 code; ``region``: the
    second reference (default ``data.group_members("lac")``, the 33 ECLAC member states);
    ``names``: product code/name table (``data.products("hs07", level=4, lang=...)``).
    In JupyterLab it shows the live widget; in exported HTML (no kernel) the figure for the
    starting values (``course_tools.views.widgets.with_fallback``).
    """
    from course_tools.views.widgets import with_fallback

    if region is None:
        from course_tools.data import group_members

        region = group_members("lac")
    table = reference_profiles(trade, country, region=region, products=names, country_col=country_col,
                               product_col=product_col, value_col=value_col)
    app = rca_explorer_app(table, country_name=country_name, lang=lang, threshold=threshold, top_n=top_n)
    return with_fallback(app.widget, app.figure)
