"""Tables, figures and a widget for lesson L08 "Economic complexity and the product space".

Builders on top of :func:`course_tools.methods.complexity` (a :class:`ComplexityResult`) and the
Growth Lab product-space layout (:func:`course_tools.data.product_space_layout`). They do not compute
indicators themselves: ECI, PCI, density, COG and the Atlas opportunity gain come from
``course_tools.indicators``. Names, not codes, in every table and figure (``names``: a mapping
code -> name, e.g. from ``data.products(level=4)`` or ``data.countries()``); labels in English or
Spanish (``lang="en"|"es"``, by default the notebook's language), numbers in the reader's convention.

References: Hidalgo & Hausmann (2009) PNAS 106(26) (diversity, ubiquity, the method of
reflections); Hidalgo, Klinger, Barabási & Hausmann (2007) Science 317 (the product space);
Hausmann, Hidalgo et al. (2014) *The Atlas of Economic Complexity*, MIT Press.
"""
from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from course_tools.i18n import check_lang, current_language, text, texts
from course_tools.indicators import ComplexityResult, country_on_product_space
from course_tools.views import ViewInputError
from course_tools.views.format import fmt_number, fmt_usd

__all__ = [
    "ProductSpaceViewError",
    "eci_ranking",
    "diversity_ubiquity_table",
    "diversity_ubiquity_figure",
    "complexity_table",
    "product_space_nodes",
    "product_space_figure",
    "country_picker",
    "STAND_IN",
    "complexity_focus",
]

_ABSENT_COLOUR = "#d9d9d9"


class ProductSpaceViewError(ViewInputError):
    """Bad argument for a product-space table or figure (says what is wrong and how to fix it)."""


def _check_result(result: object) -> ComplexityResult:
    if not isinstance(result, ComplexityResult):
        raise ProductSpaceViewError(text("views_msg.complexity.not_a_result", type=type(result).__name__))
    return result


def _check_country(result: ComplexityResult, country: str) -> None:
    if country not in result.M.index:
        raise ProductSpaceViewError(text("views_msg.complexity.unknown_country", country=country,
                                         n=len(result.M.index)))


def _name_map(names: Mapping[str, str] | pd.Series | None) -> Callable[[object], str]:
    table = dict(names) if names is not None else {}
    return lambda code: str(table.get(code, code))


# --------------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------------
def eci_ranking(
    result: ComplexityResult,
    *,
    members: Iterable[str] | None = None,
    names: Mapping[str, str] | pd.Series | None = None,
) -> pd.DataFrame:
    """ECI ranking (1 = most complex) of the countries of ``result``, or of ``members`` only.

    ``members`` (e.g. ``data.group_members("lac")``): the group to rank within; members not in
    the result (dropped by the filter) are left out. Ties get the lowest rank ("min"). Columns
    country, name, eci, diversity, rank; sorted by rank.
    """
    result = _check_result(result)
    eci = result.eci
    if members is not None:
        keep = [c for c in dict.fromkeys(members) if c in eci.index]
        if not keep:
            raise ProductSpaceViewError(text("views_msg.complexity.no_members"))
        eci = eci.loc[keep]
    name = _name_map(names)
    out = pd.DataFrame({
        "country": eci.index.astype(str),
        "name": [name(c) for c in eci.index],
        "eci": eci.to_numpy(dtype=float),
        "diversity": result.diversity.loc[eci.index].to_numpy().astype(int),
        # rounded first so that equal ECIs (same basket) tie despite floating-point noise
        "rank": eci.round(10).rank(ascending=False, method="min").to_numpy().astype(int),
    })
    return out.sort_values(["rank", "country"], kind="stable").reset_index(drop=True)


def diversity_ubiquity_table(
    result: ComplexityResult, *, names: Mapping[str, str] | pd.Series | None = None
) -> pd.DataFrame:
    """Diversity k_c,0 and average ubiquity of the country's products k_c,1 = (1/k_c,0) sum_p M_cp k_p,0.

    The two axes of the classic figure of Hidalgo & Hausmann (2009, Fig. 2): diversified
    countries export products that few countries export. Columns country, name, diversity,
    avg_ubiquity, eci.
    """
    result = _check_result(result)
    M = result.M.to_numpy()
    d = result.diversity.to_numpy()
    avg = (M @ result.ubiquity.to_numpy()) / d
    name = _name_map(names)
    return pd.DataFrame({
        "country": result.M.index.astype(str),
        "name": [name(c) for c in result.M.index],
        "diversity": d.astype(int),
        "avg_ubiquity": avg,
        "eci": result.eci.to_numpy(dtype=float),
    })


def complexity_table(
    result: ComplexityResult,
    country: str,
    names: Mapping[str, str] | pd.Series | None = None,
    *,
    opportunity_gain: pd.DataFrame | None = None,
    absent_only: bool = False,
    sort_by: str = "density",
    n: int | None = None,
) -> pd.DataFrame:
    """One row per product for ``country``: rca, present, density, distance, pci, ubiquity, cog.

    ``opportunity_gain``: the country x product table of ``indicators.opportunity_gain(result)``
    (Atlas form), added as column ``opportunity_gain``. ``absent_only=True`` keeps the products the
    country does not export with RCA >= 1 (the candidates). Sorted by ``sort_by`` (descending,
    ties by product code); ``n`` keeps the first n rows.
    """
    result = _check_result(result)
    _check_country(result, country)
    t = country_on_product_space(result, country)
    t = t.drop(columns="country")
    name = _name_map(names)
    t.insert(1, "name", [name(p) for p in t["product"]])
    if opportunity_gain is not None:
        if country not in opportunity_gain.index or not opportunity_gain.columns.equals(result.M.columns):
            raise ProductSpaceViewError(text("views_msg.complexity.opportunity_gain"))
        t["opportunity_gain"] = opportunity_gain.loc[country].to_numpy()
    if absent_only:
        t = t[~t["present"]]
    if sort_by not in t.columns:
        raise ProductSpaceViewError(text("views_msg.complexity.sort_by", sort_by=sort_by, columns=list(t.columns)))
    t = t.sort_values([sort_by, "product"], ascending=[False, True], kind="stable")
    if n is not None:
        t = t.head(int(n))
    return t.reset_index(drop=True)


def product_space_nodes(
    layout_nodes: pd.DataFrame,
    result: ComplexityResult,
    country: str,
    *,
    world_trade: pd.Series | None = None,
    names: Mapping[str, str] | pd.Series | None = None,
) -> pd.DataFrame:
    """The layout's nodes with the country's values, joined on the 4-digit product code.

    ``layout_nodes``: the nodes of ``data.product_space_layout("hs")`` (HS 1992 codes, columns
    product, x, y, name, color). The course's trade table is HS 2007: a node is joined to the
    heading with the same 4-digit code (``matched``); headings that changed between vintages or
    were dropped by the filter get NaN and ``present = False``. ``world_trade``: Series product ->
    world exports (USD), for node sizes. ``names``: code -> name in the reader's language (e.g.
    ``data.products("hs07", level=4, lang=LANG)``) replacing the layout's short English labels in ``name``;
    codes without one keep the layout's. Columns: the layout's, then matched, rca, present, density, pci,
    world_trade.
    """
    result = _check_result(result)
    _check_country(result, country)
    need = {"product", "x", "y"}
    if not isinstance(layout_nodes, pd.DataFrame) or not need <= set(layout_nodes.columns):
        raise ProductSpaceViewError(text("views_msg.complexity.layout_nodes"))
    lay = layout_nodes.copy()
    lay["product"] = lay["product"].astype(str)
    if names is not None:
        own = lay["product"].map(dict(names))
        lay["name"] = own.where(own.notna(), lay["name"]) if "name" in lay.columns else own
    cols = result.M.columns.astype(str)
    row_m = pd.Series(result.M.loc[country].to_numpy().astype(bool), index=cols)
    out = lay
    out["matched"] = out["product"].isin(cols)
    rca = result.rca.loc[country].to_numpy() if result.rca is not None else np.full(len(cols), np.nan)
    out["rca"] = out["product"].map(pd.Series(rca, index=cols)).astype(float)
    out["present"] = out["product"].map(row_m).fillna(False).astype(bool)
    out["density"] = out["product"].map(pd.Series(result.density.loc[country].to_numpy(), index=cols)).astype(float)
    out["pci"] = out["product"].map(pd.Series(result.pci.to_numpy(), index=cols)).astype(float)
    if world_trade is not None:
        wt = pd.Series(world_trade.to_numpy(dtype=float), index=world_trade.index.astype(str))
        out["world_trade"] = out["product"].map(wt).fillna(0.0).astype(float)
    else:
        out["world_trade"] = np.nan
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# figures
# --------------------------------------------------------------------------------------------
def diversity_ubiquity_figure(
    table: pd.DataFrame,
    *,
    highlight: Iterable[str] = (),
    lang: str | None = None,
    title: str | None = None,
) -> go.Figure:
    """Scatter of diversity (x) vs average ubiquity (y), one point per country (names on hover).

    ``table``: :func:`diversity_ubiquity_table`. Countries in ``highlight`` are drawn in red and
    labelled with their names. Trace 0 = the other countries, trace 1 = highlighted ones.
    """
    tx = texts("complexity", lang)
    need = {"country", "name", "diversity", "avg_ubiquity"}
    if not need <= set(table.columns):
        raise ProductSpaceViewError(text("views_msg.complexity.du_table", lang, columns=sorted(need)))
    hl = set(highlight)
    mask = table["country"].isin(hl)
    fig = go.Figure()
    for part, colour, label, named in ((table[~mask], "#8c8c8c", tx["others"], False),
                                       (table[mask], "#d62728", ", ".join(sorted(table.loc[mask, "name"])), True)):
        fig.add_trace(go.Scatter(
            x=part["diversity"], y=part["avg_ubiquity"], mode="markers+text" if named else "markers",
            text=part["name"] if named else None, textposition="top center",
            hovertext=part["name"], hovertemplate=tx["du_hover"],
            marker={"color": colour, "size": 11 if named else 7, "opacity": 1 if named else 0.6},
            name=label or tx["others"],
        ))
    fig.update_layout(
        title=title or tx["du_title"], xaxis_title=tx["diversity"], yaxis_title=tx["avg_ubiquity"],
        height=480,
    )
    return fig


def product_space_figure(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    country_name: str = "",
    highlight: str | Iterable[str] | None = None,
    lang: str | None = None,
    title: str | None = None,
    max_size: float = 22.0,
    names: Mapping[str, str] | pd.Series | None = None,
) -> go.Figure:
    """The country on the product space: edges as grey lines, nodes sized by world trade.

    ``nodes``: :func:`product_space_nodes`; ``edges``: the edges of
    ``data.product_space_layout("hs")`` (source, target). Products the country exports with
    RCA >= 1 take their Atlas sector colour; the others are light grey. Node area is proportional
    to world exports (sqrt scale, largest = ``max_size`` px). ``highlight``: a product code
    drawn with a black ring, or several codes best first (e.g. the candidates by density): the
    first one that is a node of the layout gets the ring. The layout has 866 HS 1992 headings, so
    a product may have no node (e.g. 2609 tin ores, the nearest candidate of Paraguay): it is
    never an error; the figure says in a note (``annotations[0]``, in ``lang``) which product(s)
    before the ringed one are not on the map. ``names``: code -> name, to name those products in
    the note (by their code otherwise). Traces: 0 = links, 1 = absent products, 2 = present
    products, 3 = the highlighted product (only if one of ``highlight`` is a node).
    """
    tx = texts("complexity", lang)
    if not {"product", "x", "y", "present", "world_trade"} <= set(nodes.columns):
        raise ProductSpaceViewError(text("views_msg.complexity.nodes", lang))
    if not {"source", "target"} <= set(edges.columns):
        raise ProductSpaceViewError(text("views_msg.complexity.edges", lang))
    pos = nodes.set_index("product")[["x", "y"]]
    e = edges[edges["source"].isin(pos.index) & edges["target"].isin(pos.index)]
    xs = np.full(3 * len(e), np.nan)
    ys = np.full(3 * len(e), np.nan)
    xs[0::3], xs[1::3] = pos.loc[e["source"], "x"].to_numpy(), pos.loc[e["target"], "x"].to_numpy()
    ys[0::3], ys[1::3] = pos.loc[e["source"], "y"].to_numpy(), pos.loc[e["target"], "y"].to_numpy()
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#c8c8c8", "width": 0.6},
                             hoverinfo="skip", name=tx["links"]))
    wt = nodes["world_trade"].fillna(0.0).to_numpy(dtype=float)
    top = wt.max() if np.isfinite(wt).any() and wt.max() > 0 else 1.0
    size = np.where(np.isfinite(wt), 4.0 + (max_size - 4.0) * np.sqrt(np.clip(wt, 0, None) / top), 4.0)
    label = nodes["name"].astype(str) if "name" in nodes.columns else nodes["product"].astype(str)
    label = label.map(lambda x: x if len(x) <= 60 else x[:59].rstrip() + "…")  # official names can be long
    hover = (label + " (" + nodes["product"].astype(str) + ")<br>" + tx["rca"] + " "
             + nodes["rca"].map(lambda v: tx["na"] if pd.isna(v) else fmt_number(v, 2, lang=lang)) + "<br>"
             + tx["world"] + ": USD " + pd.Series(wt, index=nodes.index).map(lambda v: fmt_usd(v, lang)))
    present = nodes["present"].astype(bool).to_numpy()
    colours = nodes["color"].fillna("#1f77b4").astype(str).to_numpy() if "color" in nodes.columns \
        else np.full(len(nodes), "#1f77b4")
    for mask, colour, name in ((~present, np.full(len(nodes), _ABSENT_COLOUR), tx["absent"]),
                               (present, colours, tx["present"])):
        fig.add_trace(go.Scatter(
            x=nodes.loc[mask, "x"], y=nodes.loc[mask, "y"], mode="markers", name=name,
            marker={"size": size[mask], "color": list(colour[mask]), "line": {"width": 0.4, "color": "#555"}},
            hovertext=hover[mask], hoverinfo="text",
        ))
    wanted = ([] if highlight is None else [str(highlight)] if isinstance(highlight, str)
              else [str(p) for p in highlight])
    codes = nodes["product"].astype(str)
    on_map = set(codes)
    shown = next((p for p in wanted if p in on_map), None)
    missing = wanted if shown is None else wanted[:wanted.index(shown)]
    if missing:
        name = _name_map(names)
        labels = [p if name(p) == p else f"{p} {name(p)}" for p in missing]
        joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + f" {tx['and']} {labels[-1]}"
        note = tx["not_in_layout" if len(labels) == 1 else "not_in_layout_many"].format(missing=joined,
                                                                                       total=len(nodes))
        if shown is not None:
            note += tx["ring_instead"].format(shown=f"{shown} {label[codes == shown].iloc[0]}")
        fig.add_annotation(text="<br>".join(textwrap.wrap(note, 110)), showarrow=False, xref="paper",
                           yref="paper", x=0.0, y=1.0, xanchor="left", yanchor="top", align="left",
                           font={"size": 12}, bgcolor="rgba(255,255,255,0.85)")
    if shown is not None:
        h = nodes[codes == shown]
        fig.add_trace(go.Scatter(
            x=h["x"], y=h["y"], mode="markers+text", text=label[h.index], textposition="top center",
            marker={"size": 26, "color": "rgba(0,0,0,0)", "line": {"width": 3, "color": "black"}},
            name=tx["selected"], hoverinfo="skip",
        ))
    n_present, total = int(present.sum()), len(nodes)
    fig.update_layout(
        title=title or tx["ps_title"].format(name=country_name, n=n_present, total=total),
        xaxis={"visible": False}, yaxis={"visible": False, "scaleanchor": "x"},
        height=620, legend={"orientation": "h", "y": -0.02},
    )
    return fig


# --------------------------------------------------------------------------------------------
# widget
# --------------------------------------------------------------------------------------------
def country_picker(
    draw: Callable[[str, str | None], go.Figure],
    countries: Mapping[str, str] | Iterable[str],
    *,
    products: Mapping[str, str] | None = None,
    country: str | None = None,
    product: str | None = None,
    lang: str | None = None,
):
    """A small ipywidgets app: pick a country (and a product), the figure is re-drawn.

    ``draw(country, product)`` returns a plotly figure (e.g. a lambda calling
    :func:`product_space_nodes` and :func:`product_space_figure`). ``countries`` and
    ``products``: codes, or mappings code -> label shown in the drop-downs. Returns the widget
    (a ``VBox``); display it as the last line of a cell. It needs a live kernel: exported HTML
    shows it empty, so keep a static figure next to it. Labels in ``lang`` (the notebook's language by default).
    """
    import ipywidgets as widgets

    from course_tools.views.widgets import show_in

    copts = [(v, k) for k, v in countries.items()] if isinstance(countries, Mapping) else [(c, c) for c in countries]
    if not copts:
        raise ProductSpaceViewError(text("views_msg.complexity.no_countries"))
    pick_c = widgets.Dropdown(options=copts, value=country if country is not None else copts[0][1],
                              description=text("complexity.picker_country", lang))
    controls = [pick_c]
    pick_p = None
    if products is not None:
        popts = [("—", None)] + [(f"{k} {v}", k) for k, v in products.items()]
        pick_p = widgets.Dropdown(options=popts, value=product, description=text("complexity.picker_product", lang))
        controls.append(pick_p)
    out = widgets.Output()

    def redraw(_change=None) -> None:
        show_in(out, draw(pick_c.value, pick_p.value if pick_p is not None else None))

    for w in controls:
        w.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox(controls), out])


# --------------------------------------------------------------------------------------------
# a country outside the complexity set
# --------------------------------------------------------------------------------------------
#: The country the complexity and niche steps show instead of one outside the cleaned complexity
#: set (in 2017: ATG, BLZ, BRB, DMA, GRD, KNA, LCA, VCT, all small Caribbean economies): Jamaica,
#: the course's Caribbean example.
STAND_IN = "JAM"


def complexity_focus(country: str, kept: pd.DataFrame | None = None, dropped: pd.DataFrame | None = None, *,
                     year: int = 2017, lang: str | None = None, stand_in: str = STAND_IN) -> tuple[str, str]:
    """The country whose complexity and niche steps a lesson or exercise shows, and the sentence saying why.

    ``(country, "")`` if ``country`` (an ISO3 code; an unknown code raises
    :class:`ProductSpaceViewError`) is in ``kept`` (the first table returned by
    :func:`~course_tools.indicators.filter_for_complexity`; computed from ``data.load_trade(year)``
    if not given); else ``(stand_in, sentence)``: the country-level steps show Jamaica and the
    sentence (Markdown, ``lang`` = ``"en"`` or ``"es"``, ``None`` = the notebook's language; ``"both"``
    = ``"en / es"``, for the bilingual exercises) says so, with the reason from ``dropped`` when it is given.
    """
    from course_tools import data
    from course_tools.indicators import filter_for_complexity

    if lang != "both":
        lang = check_lang(current_language() if lang is None else lang)
    code = str(country).strip().upper()
    try:
        data.country_name(code)
    except ValueError as err:
        raise ProductSpaceViewError(*err.args) from None  # the message of data (catalogue)
    if kept is None:
        kept, dropped = filter_for_complexity(data.load_trade(year).dropna(subset=["export_value"]))
    present = set(kept["country"].unique())
    if code in present:
        return code, ""
    if stand_in not in present:
        raise ProductSpaceViewError(text("complexity.focus_no_stand_in", None if lang == "both" else lang,
                                         stand_in=stand_in))

    def sentence(lg: str) -> str:
        why = text("complexity.focus_why_none", lg)
        if dropped is not None and {"unit", "code", "reason"} <= set(dropped.columns):
            row = dropped[(dropped["unit"] == "country") & (dropped["code"] == code)]
            if len(row):
                value = row["value"].iloc[0] if "value" in row.columns else np.nan
                why = (
                    text("complexity.focus_why_exports", lg, value=float(value) / 1e6)
                    if pd.notna(value)
                    else text("complexity.focus_why_other", lg, reason=row["reason"].iloc[0])
                )
        return text(
            "complexity.focus",
            lg,
            name=data.country_name(code, lg),
            code=code,
            year=year,
            why=why,
            stand_name=data.country_name(stand_in, lg),
            stand_in=stand_in,
        )

    return stand_in, (sentence(lang) if lang != "both" else sentence("en") + " / " + sentence("es"))
