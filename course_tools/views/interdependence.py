"""Tables and figures of lesson L06, *Interdependence of national and regional markets*.

The formulas live in :mod:`course_tools.methods.interdependence` (trade intensity, export
similarity, trade complementarity, Grubel-Lloyd, regional share / intensity / introversion);
the functions here only prepare the data, call them and arrange the results the way a ministry
would put them in a slide: one row per partner or bloc, names next to codes, plotly figures with
clear titles in English (``lang="en"``) or Spanish (``"es"``), by default the notebook's language.

Conventions (say them when you publish a number):

* "World" = the countries present in the table you pass (166 in the 2006 gravity data; 224 in
  the 2017 trade table), not the world total reported by UN Comtrade.
* Flows from a country to itself are dropped before computing anything.
* Missing cells count as zero flows; ``NaN`` values are dropped with the row (not reported).
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from course_tools.i18n import LANGS, check_lang, current_language, text, texts
from course_tools.indicators import (
    export_similarity,
    grubel_lloyd,
    grubel_lloyd_aggregate,
    regional_trade_indicators_by_group,
    trade_complementarity,
    trade_intensity,
)
from course_tools.views import ViewInputError
from course_tools.views.format import fmt_plain

__all__ = [
    "RegionalInputError", "LANGS", "bilateral_flows", "partner_intensities", "intensity_matrix",
    "bloc_order", "intensity_heatmap", "partner_intensity_bar", "bloc_table", "bloc_bar",
    "export_shares", "similarity_with_partners", "world_market_complementarity",
    "grubel_lloyd_table", "grubel_lloyd_by_level", "STAND_IN", "missing_from_flows", "flows_country",
]

#: The columns of :func:`bloc_table` that :func:`bloc_bar` can draw.
_MEASURES = ("intra_share", "intensity", "introversion")


class RegionalInputError(ViewInputError):
    """A table given to a function of :mod:`course_tools.views.interdependence` cannot be used (the message says
    why)."""


#: The country used instead of one that is not in the 2006 bilateral table (the Bahamas, Barbados
#: and Cuba, all Caribbean): Jamaica, the course's Caribbean example.
STAND_IN = "JAM"


def _need(table: pd.DataFrame, columns: Iterable[str], what: str, lang: str | None = None) -> None:
    if not isinstance(table, pd.DataFrame):
        raise RegionalInputError(text("views_msg.interdependence.not_a_frame", lang, what=what,
                                      type=type(table).__name__))
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise RegionalInputError(text("views_msg.interdependence.missing_columns", lang, what=what, missing=missing,
                                      columns=list(table.columns)))


def _name(names: Mapping[str, str] | None, code: str) -> str:
    if names is None:
        return str(code)
    return str(names.get(code, code))


def _year_text(year: int | str | None) -> str:
    return "" if year is None else str(year)


# --------------------------------------------------------------------------------------------
# bilateral flows and trade intensity
# --------------------------------------------------------------------------------------------

def bilateral_flows(
    table: pd.DataFrame,
    *,
    exporter: str = "exporter",
    importer: str = "importer",
    value: str = "flow",
) -> pd.DataFrame:
    """The tidy flow table the interdependence indicators need: ``exporter, importer, value``.

    Drops flows from a country to itself and rows whose value is ``NaN`` (not reported), sums
    duplicated pairs. Negative values raise :class:`RegionalInputError`. Use it on
    ``data.load_gravity()`` (``value="flow"``, million USD).
    """
    _need(table, [exporter, importer, value], "bilateral_flows")
    v = pd.to_numeric(table[value], errors="coerce")
    if (v < 0).any():
        raise RegionalInputError(text("views_msg.interdependence.negative_flows", n=int((v < 0).sum()),
                                      column=value))
    out = pd.DataFrame({exporter: table[exporter].astype(str).to_numpy(),
                        importer: table[importer].astype(str).to_numpy(), value: v.to_numpy(dtype=float)})
    out = out[(out[exporter] != out[importer]) & out[value].notna()]
    return out.groupby([exporter, importer], as_index=False, sort=True)[value].sum()


def partner_intensities(
    flows: pd.DataFrame,
    country: str,
    partners: Iterable[str] | None = None,
    *,
    exporter: str = "exporter",
    importer: str = "importer",
    value: str = "flow",
) -> pd.DataFrame:
    r"""Trade intensity of ``country`` (as exporter) with each partner, largest first.

    :math:`TII_{ij} = (x_{ij}/X_i)/(M_j/M_w)` (Brown 1949; Kojima 1964; Drysdale & Garnaut 1982; WITS),
    computed on the whole table (world = every country in ``flows``) and then restricted to
    ``partners`` (all partners if ``None``). Also the ESCAP variant that removes the exporter's own
    imports from the world total, :math:`M_j/(M_w - M_i)`, which is always smaller.
    Returns columns ``partner, flow, share_of_exports, partner_share_of_world_imports,
    trade_intensity, trade_intensity_escap``. Partners absent from the table are left out
    (compare the length with your list).
    """
    _need(flows, [exporter, importer, value], "partner_intensities")
    f = bilateral_flows(flows, exporter=exporter, importer=importer, value=value)
    if not (f[exporter] == country).any():
        raise RegionalInputError(text("views_msg.interdependence.no_exports_in_table", country=country,
                                      codes=sorted(set(f[exporter]))[:5]))
    std = trade_intensity(f, exporter=exporter, importer=importer, value=value)
    esc = trade_intensity(f, exporter=exporter, importer=importer, value=value, exclude_own_imports=True)
    mine = std[std[exporter] == country].set_index(importer)
    mine_e = esc[esc[exporter] == country].set_index(importer)["trade_intensity"]
    imports = f.groupby(importer)[value].sum()
    out = pd.DataFrame({
        "partner": mine.index.astype(str),
        "flow": mine[value].to_numpy(dtype=float),
        "trade_intensity": mine["trade_intensity"].to_numpy(dtype=float),
        "trade_intensity_escap": mine_e.reindex(mine.index).to_numpy(dtype=float),
    })
    out["share_of_exports"] = out["flow"] / out["flow"].sum()
    out["partner_share_of_world_imports"] = out["partner"].map(imports).fillna(0.0).to_numpy() / f[value].sum()
    if partners is not None:
        wanted = [p for p in dict.fromkeys(partners) if p != country]
        out = out[out["partner"].isin(wanted)]
    out = out.sort_values(["trade_intensity", "partner"], ascending=[False, True]).reset_index(drop=True)
    return out[["partner", "flow", "share_of_exports", "partner_share_of_world_imports",
                "trade_intensity", "trade_intensity_escap"]]


def intensity_matrix(
    flows: pd.DataFrame,
    countries: Iterable[str],
    *,
    exporter: str = "exporter",
    importer: str = "importer",
    value: str = "flow",
) -> pd.DataFrame:
    """Square matrix of trade intensities among ``countries`` (rows exporters, columns importers).

    Intensities are computed against the whole table (world = every country in ``flows``), then
    restricted to ``countries`` in the order given; codes not in the table are dropped. Diagonal NaN.
    """
    _need(flows, [exporter, importer, value], "intensity_matrix")
    f = bilateral_flows(flows, exporter=exporter, importer=importer, value=value)
    m = trade_intensity(f.pivot(index=exporter, columns=importer, values=value).fillna(0.0))
    present = [c for c in dict.fromkeys(countries) if c in m.index and c in m.columns]
    if len(present) < 2:
        raise RegionalInputError(text("views_msg.interdependence.fewer_than_two"))
    out = m.loc[present, present]
    out.index.name, out.columns.name = exporter, importer
    return out


def bloc_order(countries: Iterable[str], blocs: Mapping[str, Iterable[str]], other: str | None = None,
               *, lang: str | None = None) -> pd.DataFrame:
    """Assign each country to the FIRST bloc of ``blocs`` (in dict order) that lists it.

    Returns columns ``country, bloc`` ordered by bloc (dict order, ``other`` last) and then by
    code, the order used for the rows and columns of :func:`intensity_heatmap`. A country in two
    blocs (Belize: CARICOM and SICA) goes to the one listed first: say which in the text. ``other``
    defaults to "other" / "otros" in ``lang`` (the notebook's language by default).
    """
    other = text("interdependence.other", lang) if other is None else other
    codes = list(dict.fromkeys(str(c) for c in countries))
    rank = {}
    for i, (name, members) in enumerate(blocs.items()):
        if isinstance(members, str):
            raise RegionalInputError(text("views_msg.interdependence.members_string", function="bloc_order",
                                          name=name))
        for c in members:
            rank.setdefault(str(c), (i, name))
    rows = [{"country": c, "bloc": rank.get(c, (len(blocs), other))[1], "_r": rank.get(c, (len(blocs), other))[0]}
            for c in codes]
    out = pd.DataFrame(rows, columns=["country", "bloc", "_r"]).sort_values(["_r", "country"])
    return out.drop(columns="_r").reset_index(drop=True)


def intensity_heatmap(
    matrix: pd.DataFrame,
    order: pd.DataFrame | None = None,
    *,
    names: Mapping[str, str] | None = None,
    lang: str | None = None,
    year: int | str | None = 2006,
) -> go.Figure:
    """Heatmap of a trade-intensity matrix (rows exporters, columns importers), log colour scale.

    ``order``: the table of :func:`bloc_order` (columns ``country, bloc``); the countries are drawn
    in that order and the bloc is added to each label ("Brazil · MERCOSUR"), with lines between blocs.
    Colours: log10 of the intensity, white at 1 (neutral), blue above, red below; zero flows are
    left blank. Hover shows the intensity itself.
    """
    t = texts("interdependence", lang)
    if not isinstance(matrix, pd.DataFrame) or matrix.shape[0] != matrix.shape[1]:
        raise RegionalInputError(text("views_msg.interdependence.not_square", lang))
    if order is not None:
        _need(order, ["country", "bloc"], "intensity_heatmap (order)", lang)
        codes = [c for c in order["country"] if c in matrix.index]
        bloc = dict(zip(order["country"], order["bloc"]))
    else:
        codes, bloc = list(matrix.index), {}
    m = matrix.loc[codes, codes].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(m > 0, np.log10(m), np.nan)
    labels = [f"{_name(names, c)} · {bloc[c]}" if c in bloc else _name(names, c) for c in codes]
    lim = float(np.nanmax(np.abs(z))) if np.isfinite(z).any() else 1.0
    fig = go.Figure(go.Heatmap(
        z=z, x=labels, y=labels, customdata=m, hovertemplate=t["hover"], zmid=0, zmin=-lim, zmax=lim,
        colorscale="RdBu", colorbar={"title": {"text": t["colorbar"]}, "tickvals": [-2, -1, 0, 1, 2],
                                     "ticktext": [fmt_plain(v, lang=lang) for v in (0.01, 0.1, 1, 10, 100)]},
        hoverongaps=False,
    ))
    # thin lines between blocs
    if bloc:
        blocs_in_order = [bloc[c] for c in codes]
        for i in range(1, len(codes)):
            if blocs_in_order[i] != blocs_in_order[i - 1]:
                for axis in ("x", "y"):
                    fig.add_shape(type="line", xref="x" if axis == "x" else "paper",
                                  yref="paper" if axis == "x" else "y",
                                  x0=i - 0.5 if axis == "x" else 0, x1=i - 0.5 if axis == "x" else 1,
                                  y0=0 if axis == "x" else i - 0.5, y1=1 if axis == "x" else i - 0.5,
                                  line={"color": "grey", "width": 1})
    fig.update_layout(title=t["heatmap_title"].format(year=_year_text(year)), height=760, width=900,
                      xaxis={"title": t["importer"], "tickangle": -60},
                      yaxis={"title": t["exporter"], "autorange": "reversed"})
    return fig


def partner_intensity_bar(
    table: pd.DataFrame,
    country: str,
    *,
    names: Mapping[str, str] | None = None,
    lang: str | None = None,
    year: int | str | None = 2006,
) -> go.Figure:
    """Horizontal bars of :func:`partner_intensities` (log scale), with the neutral line at 1."""
    t = texts("interdependence", lang)
    _need(table, ["partner", "trade_intensity", "flow"], "partner_intensity_bar", lang)
    d = table[table["trade_intensity"] > 0].sort_values("trade_intensity")
    fig = go.Figure(go.Bar(
        x=d["trade_intensity"], y=[_name(names, p) for p in d["partner"]], orientation="h",
        customdata=d["flow"], hovertemplate=t["partner_hover"]))
    fig.add_vline(x=1, line_dash="dash", line_color="grey", annotation_text=t["neutral"])
    fig.update_layout(title=t["partner_title"].format(name=_name(names, country), year=_year_text(year)),
                      xaxis={"title": t["partner_x"], "type": "log"}, yaxis={"title": t["partner_y"]},
                      height=max(350, 22 * len(d) + 150))
    return fig


def missing_from_flows(flows: pd.DataFrame, country: str, *, year: int | str | None = 2006, lang: str | None = None,
                       exporter: str = "exporter", importer: str = "importer") -> str:
    """``""`` if ``country`` exports something in ``flows``; else a Markdown sentence (in ``lang``)
    saying that its partners cannot be computed from this table and that the rest still runs.

    In the 2006 gravity data the Bahamas, Barbados and Cuba are missing: lessons show this
    sentence instead of stopping in :func:`partner_intensities`.
    """
    lang = check_lang(current_language() if lang is None else lang)
    t = texts("interdependence", lang)
    _need(flows, [exporter, importer], "missing_from_flows", lang)
    code = str(country).strip().upper()
    if (flows[exporter].astype(str) == code).any():
        return ""
    from course_tools.data import country_name

    try:
        name = country_name(code, lang)
    except ValueError:
        name = code
    n = len(set(flows[exporter].astype(str)) | set(flows[importer].astype(str)))
    return t["not_in_flows"].format(name=name, code=code, year=_year_text(year), n=n)


def flows_country(flows: pd.DataFrame, country: str, *, stand_in: str = STAND_IN, year: int | str | None = 2006,
                  exporter: str = "exporter") -> tuple[str, str]:
    """The country an exercise question on ``flows`` uses: ``(country, "")`` if it exports in the
    table, else ``(stand_in, sentence)`` with the sentence in English and Spanish ("en / es"), so
    that a learner whose country is missing (the Bahamas, Barbados, Cuba in 2006) still has a
    question to answer and is told which country it is about."""
    code = str(country).strip().upper()
    have = set(flows[exporter].astype(str))
    if code in have:
        return code, ""
    if stand_in not in have:
        raise RegionalInputError(text("interdependence.no_stand_in", code=code, stand_in=stand_in))
    y = _year_text(year)
    return stand_in, (text("interdependence.stand_in", "en", code=code, year=y, stand_in=stand_in) + " / "
                      + text("interdependence.stand_in", "es", code=code, year=y, stand_in=stand_in))


# --------------------------------------------------------------------------------------------
# regional blocs
# --------------------------------------------------------------------------------------------

def bloc_table(
    flows: pd.DataFrame,
    groups: Mapping[str, Iterable[str]],
    *,
    exporter: str = "exporter",
    importer: str = "importer",
    value: str = "flow",
) -> pd.DataFrame:
    """Intra-bloc share, intensity, extra-bloc intensity and introversion of each bloc (export version).

    Calls :func:`course_tools.indicators.regional_trade_indicators_by_group` (ESCAP handbook;
    Iapadre 2006) on the whole flow table (world = every country in it) and adds, per bloc, the
    members listed (``n_members``) and those absent from the table (``missing_members``, text),
    so that nothing is silently ignored. One row per bloc, in the order of ``groups``.
    """
    _need(flows, [exporter, importer, value], "bloc_table")
    f = bilateral_flows(flows, exporter=exporter, importer=importer, value=value)
    present = set(f[exporter]) | set(f[importer])
    clean = {}
    for name, members in groups.items():
        if isinstance(members, str):
            raise RegionalInputError(text("views_msg.interdependence.members_string", function="bloc_table",
                                          name=name))
        clean[name] = list(dict.fromkeys(members))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # reported in the column missing_members instead
        out = regional_trade_indicators_by_group(f, clean, exporter=exporter, importer=importer, value=value)
    out.insert(1, "n_members", [len(m) for m in clean.values()])
    out["missing_members"] = [", ".join(c for c in m if c not in present) for m in clean.values()]
    return out[["group", "n_members", "n_members_found", "missing_members", "intra_share", "intensity",
                "extra_intensity", "introversion"]]


def bloc_bar(table: pd.DataFrame, measure: str = "introversion", *, lang: str | None = None,
             year: int | str | None = 2006) -> go.Figure:
    """Bars of one column of :func:`bloc_table` (``intra_share``, ``intensity`` or ``introversion``)."""
    t = texts("interdependence", lang)
    if measure not in _MEASURES:
        raise RegionalInputError(text("views_msg.interdependence.measure", lang, measures=list(_MEASURES),
                                      measure=measure))
    _need(table, ["group", measure], "bloc_bar", lang)
    d = table.sort_values(measure)
    fig = go.Figure(go.Bar(x=d[measure], y=d["group"], orientation="h",
                           hovertemplate="%{y}: %{x:.3f}<extra></extra>"))
    fig.update_layout(title=t["bloc_title"].format(measure=t[f"measures.{measure}"], year=_year_text(year)),
                      xaxis={"title": t[f"measures.{measure}"]}, yaxis={"title": t["bloc_y"]}, height=380)
    if measure == "introversion":
        fig.update_xaxes(range=[-1, 1])
    return fig


# --------------------------------------------------------------------------------------------
# product structure: export similarity, complementarity (proxy), intra-industry trade
# --------------------------------------------------------------------------------------------

def export_shares(
    trade: pd.DataFrame,
    country: str,
    *,
    country_col: str = "country",
    product: str = "product",
    value: str = "export_value",
) -> pd.Series:
    """Exports of ``country`` by product as a Series (``NaN`` = not reported, dropped), largest first."""
    _need(trade, [country_col, product, value], "export_shares")
    mine = trade[trade[country_col] == country]
    s = pd.to_numeric(mine[value], errors="coerce").astype(float)
    keys = mine[product].astype(str)
    # grouped by the column itself: an index of Python strings (to_numpy) is ten times slower
    s = s[s.notna()].groupby(keys[s.notna()], observed=True).sum().rename(None)
    s.index.name = None
    if s.sum() <= 0:
        raise RegionalInputError(text("views_msg.interdependence.no_reported_exports", country=country))
    return s.sort_values(ascending=False)


def similarity_with_partners(
    trade: pd.DataFrame,
    country: str,
    partners: Iterable[str],
    *,
    country_col: str = "country",
    product: str = "product",
    value: str = "export_value",
) -> pd.DataFrame:
    r"""Export similarity (Finger & Kreinin 1979) of ``country`` with each partner, largest first.

    :math:`S = 100\sum_k \min(s_{ak}, s_{bk})` on the shares of each country's exports to the
    world (by product of ``trade``). Partners without reported exports are left out.
    Columns ``partner, export_similarity`` (0 = no product in common, 100 = same basket).
    """
    _need(trade, [country_col, product, value], "similarity_with_partners")
    partners = list(dict.fromkeys(partners))
    trade = trade[trade[country_col].isin(set(partners) | {country})]  # smaller table, faster look-ups
    cols = {"country_col": country_col, "product": product, "value": value}
    mine = export_shares(trade, country, **cols)
    return _score_each(trade, [p for p in partners if p != country], "partner", "export_similarity",
                       lambda theirs: export_similarity(mine, theirs), cols)


def _score_each(trade: pd.DataFrame, countries: list[str], id_col: str, score_col: str,
                score: Callable[[pd.Series], float], cols: dict[str, str]) -> pd.DataFrame:
    """``score(export shares)`` of each country that has exports in ``trade`` (the others are left out),
    largest first, ties by code: columns ``id_col, score_col``."""
    rows = []
    for c in countries:
        try:
            shares = export_shares(trade, c, **cols)
        except RegionalInputError:
            continue
        rows.append({id_col: c, score_col: score(shares)})
    out = pd.DataFrame(rows, columns=[id_col, score_col])
    return out.sort_values([score_col, id_col], ascending=[False, True]).reset_index(drop=True)


def world_market_complementarity(
    trade: pd.DataFrame,
    countries: Iterable[str],
    *,
    country_col: str = "country",
    product: str = "product",
    value: str = "export_value",
) -> pd.DataFrame:
    r"""Trade complementarity (Michaely 1996) of each country's exports with WORLD demand, proxied.

    :math:`TC = 100(1 - \tfrac12\sum_k|m_k - x_{ik}|)` with :math:`m_k` the share of product k in
    world imports. The 2017 trade table has exports only, so world imports by product are
    **proxied by world exports by product** (the sum over every country of ``trade``): at the world
    level one country's exports are another's imports, up to freight (CIF/FOB) and reporting
    differences. Columns ``country, complementarity_world`` (largest first).
    """
    _need(trade, [country_col, product, value], "world_market_complementarity")
    v = pd.to_numeric(trade[value], errors="coerce").astype(float)
    keys = trade[product].astype(str)
    world = v[v.notna()].groupby(keys[v.notna()], observed=True).sum().rename(None)
    world.index.name = None
    countries = list(dict.fromkeys(countries))
    trade = trade[trade[country_col].isin(set(countries))]  # smaller table, faster look-ups
    return _score_each(trade, countries, "country", "complementarity_world",
                       lambda x: trade_complementarity(x, world),
                       {"country_col": country_col, "product": product, "value": value})


def grubel_lloyd_table(
    bilateral: pd.DataFrame,
    *,
    product: str = "product",
    exports: str = "export_value",
    imports: str = "import_value",
    digits: int = 6,
) -> pd.DataFrame:
    r"""Grubel-Lloyd index by product, :math:`GL_k = 1 - |X_k - M_k|/(X_k + M_k)` (Grubel & Lloyd 1975).

    ``bilateral``: one reporter's exports to and imports from one partner by product (e.g.
    ``data.load_bilateral_hs6(2004)``). ``digits`` < 6 first adds up the HS6 flows to that many
    digits (4 = heading, 2 = chapter). ``NaN`` values count as 0. Products with no trade are
    dropped. Columns ``product, exports, imports, total_trade, grubel_lloyd``, largest trade first.
    """
    _need(bilateral, [product, exports, imports], "grubel_lloyd_table")
    if digits not in (2, 4, 6):
        raise RegionalInputError(text("views_msg.interdependence.digits", digits=digits))
    codes = bilateral[product].astype(str).str.slice(0, digits).to_numpy()
    d = pd.DataFrame({"product": codes,
                      "exports": pd.to_numeric(bilateral[exports], errors="coerce").fillna(0.0).to_numpy(dtype=float),
                      "imports": pd.to_numeric(bilateral[imports], errors="coerce").fillna(0.0).to_numpy(dtype=float)})
    if (d[["exports", "imports"]] < 0).any().any():
        raise RegionalInputError(text("views_msg.interdependence.negative_trade"))
    d = d.groupby("product", as_index=True, sort=True)[["exports", "imports"]].sum()
    d = d[(d["exports"] + d["imports"]) > 0]
    if d.empty:
        raise RegionalInputError(text("views_msg.interdependence.no_trade"))
    gl = grubel_lloyd(d["exports"], d["imports"])
    out = d.reset_index()
    out["total_trade"] = out["exports"] + out["imports"]
    out["grubel_lloyd"] = gl.reindex(d.index).to_numpy(dtype=float)
    return out.sort_values(["total_trade", "product"], ascending=[False, True]).reset_index(drop=True)


def grubel_lloyd_by_level(
    bilateral: pd.DataFrame,
    levels: Iterable[int] = (6, 4, 2),
    *,
    product: str = "product",
    exports: str = "export_value",
    imports: str = "import_value",
) -> pd.DataFrame:
    """Aggregate Grubel-Lloyd index, plain and imbalance-adjusted, at several HS levels.

    One row per level: ``digits, n_products, exports, imports, grubel_lloyd,
    grubel_lloyd_adjusted`` (see :func:`course_tools.indicators.grubel_lloyd_aggregate`).
    The index rises when products are aggregated (two-way trade *between* HS6 lines of one
    chapter counts as intra-industry at 2 digits): compare levels only with that in mind.
    """
    rows = []
    for k in levels:
        t = grubel_lloyd_table(bilateral, product=product, exports=exports, imports=imports, digits=k)
        x = pd.Series(t["exports"].to_numpy(), index=t["product"])
        m = pd.Series(t["imports"].to_numpy(), index=t["product"])
        rows.append({"digits": int(k), "n_products": int(len(t)), "exports": float(x.sum()),
                     "imports": float(m.sum()), "grubel_lloyd": grubel_lloyd_aggregate(x, m),
                     "grubel_lloyd_adjusted": grubel_lloyd_aggregate(x, m, adjusted=True)})
    out = pd.DataFrame(rows)
    if out.empty or not all(math.isfinite(v) for v in out["grubel_lloyd"]):
        raise RegionalInputError(text("views_msg.interdependence.nothing_to_measure"))
    return out
