"""Revealed-capacity profiles of a country (lesson L05): tables and slide-ready figures.

The formulas live in :mod:`course_tools.methods.specialisation` (``rca``, ``rsca``, ``lafay``,
``trade_balance_index``, ``hhi``, ``diversification``); this module arranges them into the tables a
programme coordinator reads (one row per product, with names) and draws them.

Conventions (say them when you report the numbers):

* **Not reported = no exports.** ``NaN`` export values count as 0 for shares and RCA (the convention
  of every complexity tool: py-ecomplexity, the Stata and R ``ecomplexity`` packages).
* **"World" = the countries in the table** (or the ``reference`` group you pass, plus the country
  itself), not a separately reported world total (WITS/UNCTAD). Products that nobody in the
  reference exports have no RCA (0/0) and are left out.
* **Revealed advantage = RCA >= 1** (py-ecomplexity, R, Datawheel); Stata ``ecomplexity`` uses
  ``> 1``. :func:`threshold_counts` shows how many products the choice changes.

Tidy long tables in and out; column names are keyword arguments with the course's defaults
(``country``, ``product``, ``export_value`` of :func:`course_tools.data.load_trade`).
Figure texts come in English (``lang="en"``) or Spanish (``"es"``), by default the notebook's language;
numbers in the reader's convention (:mod:`course_tools.views.format`).
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from course_tools.errors import require_columns
from course_tools.i18n import LANGS, text, texts
from course_tools.indicators import specialisation as spec
from course_tools.views import ViewInputError
from course_tools.views.format import fmt_number

__all__ = [
    "ProfileInputError",
    "rca_profile",
    "rca_two_references",
    "threshold_counts",
    "specialisation_summary",
    "net_trade_profile",
    "top_rca_bar",
    "rca_world_vs_region_scatter",
    "diversification_concentration_scatter",
    "lafay_bar",
    "LANGS",
]

GROUPS = ("both", "world only", "region only", "neither")


class ProfileInputError(ViewInputError):
    """A table given to a profile helper cannot be used as asked (the message says why and how to fix it)."""


# --------------------------------------------------------------------------------------------
# small checks
# --------------------------------------------------------------------------------------------
def _need(table: object, columns: Iterable[str], what: str) -> None:
    require_columns(table, columns, what, ProfileInputError, "value_col='export_value'")


def _names(products: pd.DataFrame | None, code_col: str, name_col: str) -> pd.Series | None:
    if products is None:
        return None
    _need(products, [code_col, name_col], "products")
    return products.drop_duplicates(subset=[code_col]).set_index(code_col)[name_col]


def _clean_values(trade: pd.DataFrame, country_col: str, product_col: str, value_col: str,
                  what: str) -> pd.DataFrame:
    """Three columns, codes as text, NaN (not reported) -> 0; negative values rejected."""
    _need(trade, [country_col, product_col, value_col], what)
    t = trade[[country_col, product_col, value_col]].copy()
    t[country_col] = t[country_col].astype(str).str.strip().str.upper()
    t[product_col] = t[product_col].astype(str)
    v = pd.to_numeric(t[value_col], errors="coerce")
    bad = v.isna() & trade[value_col].notna()
    if bad.any():
        raise ProfileInputError(text("views_msg.specialisation.not_numbers", what=what, n=int(bad.sum()),
                                     column=value_col, example=trade.loc[bad, value_col].iloc[0]))
    t[value_col] = v.fillna(0.0).astype("float64")
    if (t[value_col] < 0).any():
        raise ProfileInputError(text("views_msg.specialisation.negative", what=what, column=value_col))
    return t


def _short(label: object, width: int) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------------
def rca_profile(
    trade: pd.DataFrame,
    country: str,
    *,
    reference: Iterable[str] | None = None,
    products: pd.DataFrame | None = None,
    threshold: float = 1.0,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    code_col: str = "code",
    name_col: str = "name",
) -> pd.DataFrame:
    r"""One country's revealed comparative advantage in every product, with names, largest RCA first.

    .. math:: RCA_{cp} = \frac{X_{cp}/X_{c\cdot}}{X_{\cdot p}/X_{\cdot\cdot}}, \qquad
              RSCA_{cp} = \frac{RCA_{cp}-1}{RCA_{cp}+1}

    (Balassa 1965; Laursen 1998), computed with :func:`course_tools.indicators.rca` and
    :func:`~course_tools.indicators.rsca`. The "world" (:math:`X_{\cdot p}`, :math:`X_{\cdot\cdot}`)
    is every country of ``trade`` (``reference=None``) or the ``reference`` countries (ISO3 codes,
    e.g. ``data.group_members("lac")``) **plus the country itself**. Not-reported values (NaN) count
    as 0; products nobody in the reference exports are left out (their RCA is 0/0).

    Returns columns ``product``, ``name`` (if ``products`` = a code/name table is given),
    ``export_value`` (USD), ``share`` (:math:`X_{cp}/X_{c\cdot}`), ``reference_share``
    (:math:`X_{\cdot p}/X_{\cdot\cdot}`), ``rca``, ``rsca`` and ``has_rca`` (``rca >= threshold``),
    one row per product of the reference (the country's non-exported products have RCA 0), sorted by
    RCA (ties: larger exports first, then code). ``attrs`` keeps ``country``, ``n_reference``
    (countries in the world used) and ``missing_reference`` (codes of ``reference`` not in ``trade``).
    """
    t = _clean_values(trade, country_col, product_col, value_col, "trade")
    code = str(country).strip().upper()
    present = set(t[country_col].unique())  # unique() first: a set of 233k pyarrow strings costs a second
    if code not in present:
        raise ProfileInputError(text("views_msg.specialisation.unknown_country", code=code, column=country_col))
    missing: list[str] = []
    if reference is not None:
        if isinstance(reference, str):
            raise ProfileInputError(text("views_msg.specialisation.codes_not_string", argument="reference"))
        ref = {str(c).strip().upper() for c in reference}
        missing = sorted(ref - present)
        ref = (ref & present) | {code}
        t = t[t[country_col].isin(ref)]
    mine = t[t[country_col] == code]
    if float(mine[value_col].sum()) <= 0:
        raise ProfileInputError(text("views_msg.specialisation.no_exports", code=code))
    world = t.groupby(product_col, observed=True)[value_col].sum()
    world = world[world > 0]  # products nobody in the reference exports: RCA 0/0, left out
    out = _one_country_rca(mine, world, country_col, product_col, value_col)
    out["share"] = out[value_col] / out[value_col].sum()
    out["reference_share"] = out[product_col].map(world / world.sum()).astype("float64")
    out["has_rca"] = out["rca"] >= threshold
    names = _names(products, code_col, name_col)
    cols = [product_col] + (["name"] if names is not None else []) + [
        value_col, "share", "reference_share", "rca", "rsca", "has_rca"]
    if names is not None:
        out["name"] = out[product_col].map(names)
    out = out.sort_values(["rca", value_col, product_col], ascending=[False, False, True], kind="mergesort")
    out = out[cols].reset_index(drop=True)
    out.attrs = {"country": code, "n_reference": int(t[country_col].nunique()), "missing_reference": missing}
    return out


def _one_country_rca(mine: pd.DataFrame, world: pd.Series, country_col: str, product_col: str,
                     value_col: str) -> pd.DataFrame:
    """RCA and RSCA of one country's rows against ``world`` (exports by product, every product > 0).

    :func:`course_tools.indicators.rca` and :func:`~course_tools.indicators.rsca` with ``world=``
    (X.. over every product of ``world``): the same numbers as the whole table, without computing
    every other country's row. Products of ``world`` the country does not export get RCA 0, RSCA -1.
    """
    kw = dict(country=country_col, product=product_col, value=value_col, world=world)
    with warnings.catch_warnings():  # the products it does not export: dropped by rca, put back below
        warnings.simplefilter("ignore", UserWarning)
        r = spec.rca(mine, **kw).set_index(product_col)["rca"]
        s = spec.rsca(mine, **kw).set_index(product_col)["rsca"]
    values = mine.groupby(product_col, observed=True)[value_col].sum()
    out = pd.DataFrame({product_col: world.index.astype(str)})
    out[value_col] = out[product_col].map(values).fillna(0.0).astype("float64")
    out["rca"] = out[product_col].map(r).fillna(0.0).astype("float64")
    out["rsca"] = out[product_col].map(s).fillna(-1.0).astype("float64")
    return out


def rca_two_references(
    trade: pd.DataFrame,
    country: str,
    region: Iterable[str],
    *,
    products: pd.DataFrame | None = None,
    threshold: float = 1.0,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    code_col: str = "code",
    name_col: str = "name",
) -> pd.DataFrame:
    """RCA of one country against the whole table ("world") and against a ``region`` group, side by side.

    Both columns come from :func:`rca_profile` (``reference=None`` and ``reference=region``).
    Returns ``product``, (``name``), ``export_value``, ``share``, ``rca_world``, ``rca_region``,
    ``has_rca_world``, ``has_rca_region`` and ``group``: ``"both"``, ``"world only"``,
    ``"region only"`` or ``"neither"`` (advantage = RCA >= ``threshold``). Products that nobody in
    the region exports have ``rca_region`` NaN (and ``has_rca_region`` False). Sorted by ``rca_world``.
    """
    kw = dict(products=products, threshold=threshold, country_col=country_col, product_col=product_col,
              value_col=value_col, code_col=code_col, name_col=name_col)
    w = rca_profile(trade, country, **kw)
    g = rca_profile(trade, country, reference=region, **kw)
    keep = [c for c in (product_col, "name", value_col, "share") if c in w.columns]
    out = w[keep + ["rca"]].rename(columns={"rca": "rca_world"}).merge(
        g[[product_col, "rca"]].rename(columns={"rca": "rca_region"}), on=product_col, how="left")
    out["has_rca_world"] = out["rca_world"] >= threshold
    out["has_rca_region"] = (out["rca_region"] >= threshold).fillna(False).astype(bool)
    out["group"] = np.select(
        [out["has_rca_world"] & out["has_rca_region"], out["has_rca_world"], out["has_rca_region"]],
        ["both", "world only", "region only"], default="neither")
    out["group"] = out["group"].astype(str)
    out.attrs = {"country": w.attrs["country"], "n_world": w.attrs["n_reference"],
                 "n_region": g.attrs["n_reference"], "missing_region": g.attrs["missing_reference"]}
    return out


def threshold_counts(rca: pd.Series | Iterable[float], threshold: float = 1.0, band: float = 0.1) -> dict[str, int]:
    """How much the presence rule matters: counts of products around the RCA threshold.

    ``n_ge`` = #{RCA >= t} (py-ecomplexity, R), ``n_gt`` = #{RCA > t} (Stata ``ecomplexity``),
    ``n_equal`` = #{RCA = t} (= ``n_ge - n_gt``: the only products the two rules disagree on),
    ``n_band`` = #{t(1-band) <= RCA <= t(1+band)} (products so close to the line that a small
    revision of the data could move them across). NaN values are ignored.
    """
    a = pd.to_numeric(pd.Series(list(rca) if not isinstance(rca, pd.Series) else rca), errors="coerce")
    a = a.dropna().to_numpy(dtype=float)
    if not (band >= 0):
        raise ProfileInputError(text("views_msg.specialisation.band", band=band))
    return {
        "n_ge": int((a >= threshold).sum()),
        "n_gt": int((a > threshold).sum()),
        "n_equal": int((a == threshold).sum()),
        "n_band": int(((a >= threshold * (1 - band)) & (a <= threshold * (1 + band))).sum()),
    }


def specialisation_summary(
    trade: pd.DataFrame,
    countries: Iterable[str] | None = None,
    *,
    names: pd.DataFrame | None = None,
    threshold: float = 1.0,
    n_products: int | None = None,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    code_col: str = "iso3",
    name_col: str = "name",
) -> pd.DataFrame:
    r"""Diversification and concentration of each country's exports, one row per country.

    From :func:`course_tools.indicators.diversification` (RCA against every country of ``trade``)
    and :func:`~course_tools.indicators.hhi`: ``export_value`` (total), ``n_products_exported``,
    ``n_rca`` (#{RCA >= threshold}), ``entropy`` (:math:`-\sum s\ln s`), ``hhi``
    (:math:`\sum s^2`, WITS), ``hhi_unctad`` (:math:`(\sqrt{HH}-\sqrt{1/n})/(1-\sqrt{1/n})`, UNCTAD),
    ``equivalent_number`` (:math:`1/HH`). ``n`` = products in the table unless ``n_products``.
    ``countries`` (ISO3 codes) keeps only those rows (the "world" is still the whole table);
    ``names`` (e.g. ``data.countries(lang)``) adds a ``name`` column. Sorted by ``n_rca``, largest first.
    """
    t = _clean_values(trade, country_col, product_col, value_col, "trade")
    kw = dict(country=country_col, product=product_col, value=value_col)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        d = spec.diversification(t, threshold=threshold, **kw)
        h = spec.hhi(t, normalised="unctad", n_products=n_products, **kw)
    d = d.merge(h.rename("hhi_unctad").reset_index(), on=country_col, how="left")
    d = d.merge(t.groupby(country_col, as_index=False)[value_col].sum(), on=country_col, how="left")
    if countries is not None:
        keep = {str(c).strip().upper() for c in countries}
        d = d[d[country_col].isin(keep)]
        if d.empty:
            raise ProfileInputError(text("views_msg.specialisation.no_country_exports", codes=sorted(keep)[:5]))
    cols = [country_col, value_col, "n_products_exported", "n_rca", "entropy", "hhi", "hhi_unctad",
            "equivalent_number"]
    if names is not None:
        lookup = _names(names, code_col, name_col)
        d["name"] = d[country_col].map(lookup).fillna(d[country_col])
        cols.insert(1, "name")
    d = d.sort_values(["n_rca", country_col], ascending=[False, True], kind="mergesort")
    return d[cols].reset_index(drop=True)


def net_trade_profile(
    trade: pd.DataFrame,
    *,
    level: int | None = 2,
    products: pd.DataFrame | None = None,
    country_col: str = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    import_col: str = "import_value",
    code_col: str = "code",
    name_col: str = "name",
) -> pd.DataFrame:
    r"""Net-trade specialisation of ONE country: trade balance index and Lafay index by product group.

    .. math:: TBI_p = \frac{x_p-m_p}{x_p+m_p}, \qquad
              LFI_p = 100\left[\frac{x_p-m_p}{x_p+m_p}-\frac{\sum_k(x_k-m_k)}{\sum_k(x_k+m_k)}\right]
                      \frac{x_p+m_p}{\sum_k(x_k+m_k)}

    (UNCTAD/WITS; Lafay 1992, trade-normalised form) from
    :func:`course_tools.indicators.trade_balance_index` and :func:`~course_tools.indicators.lafay`.
    ``trade``: one country's exports and imports by product (e.g. ``data.load_hs6_totals("CHL")``,
    with ``country_col="reporter"``); NaN counts as 0. The Lafay index is computed on the detailed
    products and **summed** to the first ``level`` digits (it is linear in x and m, so the sum is the
    Lafay index of the group, and all groups add up to 0); the TBI is computed on the group totals
    (it is a ratio: not additive). ``level=None`` keeps the detailed codes.
    Returns ``code``, (``name``), ``export_value``, ``import_value``, ``tbi``, ``lafay``, largest Lafay first.
    """
    _need(trade, [country_col, product_col, value_col, import_col], "trade")
    if trade[country_col].nunique() != 1:
        raise ProfileInputError(text("views_msg.specialisation.one_country", n=trade[country_col].nunique(),
                                     column=country_col))
    t = trade[[country_col, product_col, value_col, import_col]].copy()
    for c in (value_col, import_col):
        t[c] = pd.to_numeric(t[c], errors="coerce").fillna(0.0).astype("float64")
    t[product_col] = t[product_col].astype(str)
    kw = dict(country=country_col, product=product_col, value=value_col, import_value=import_col)
    lfi = spec.lafay(t, t, **kw)
    if level is None:
        t["code"] = t[product_col]
    else:
        if not isinstance(level, int) or level < 1:
            raise ProfileInputError(text("views_msg.specialisation.level", level=level))
        t["code"] = t[product_col].str[:level]
    lfi = lfi.merge(t[[product_col, "code"]].drop_duplicates(), on=product_col, how="left")
    g = t.groupby("code", as_index=False)[[value_col, import_col]].sum()
    g[country_col] = t[country_col].iloc[0]
    tbi = spec.trade_balance_index(g, g, country=country_col, product="code", value=value_col,
                                   import_value=import_col)
    out = g[["code", value_col, import_col]].merge(tbi[["code", "tbi"]], on="code", how="left")
    out = out.merge(lfi.groupby("code", as_index=False)["lafay"].sum(), on="code", how="left")
    names = _names(products, code_col, name_col)
    cols = ["code"] + (["name"] if names is not None else []) + [value_col, import_col, "tbi", "lafay"]
    if names is not None:
        out["name"] = out["code"].map(names)
    out = out.sort_values(["lafay", "code"], ascending=[False, True], kind="mergesort")
    return out[cols].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# figures
# --------------------------------------------------------------------------------------------
_COLOURS = {"both": "#1b7837", "world only": "#5aae61", "region only": "#9970ab", "neither": "#bababa"}


def _label(code: str, name: object, width: int) -> str:
    return f"{code} {_short(name, width)}" if isinstance(name, str) and name.strip() else str(code)


def product_labels(rows: pd.DataFrame, code_col: str, width: int) -> tuple[list[str], list[str]]:
    """Each row's axis label (code and name cut to ``width`` characters) and its full label (for the
    hover); a row without a ``name`` column or with a blank name is labelled by its code alone."""
    names = rows["name"] if "name" in rows.columns else pd.Series([None] * len(rows), index=rows.index)
    codes = rows[code_col].astype(str).tolist()
    return ([_label(c, n, width) for c, n in zip(codes, names)],
            [_label(c, n, 500) for c, n in zip(codes, names)])


def top_rca_bar(
    profile: pd.DataFrame,
    top_n: int = 15,
    lang: str | None = None,
    *,
    country_name: str | None = None,
    reference_name: str | None = None,
    year: int | None = None,
    min_share: float = 0.0,
    product_col: str = "product",
    value_col: str = "export_value",
    label_width: int = 45,
) -> go.Figure:
    """Horizontal bars of the ``top_n`` products with the highest RCA (log scale), largest on top.

    ``profile`` is the table of :func:`rca_profile`. Only products the country exports and whose
    ``share`` of its exports is at least ``min_share`` are drawn (a tiny product can have a huge RCA).
    A dashed line marks RCA = 1. Labels: code and shortened name; hover: full name, RCA, RSCA, share.
    """
    tx = texts("specialisation", lang)
    _need(profile, [product_col, value_col, "share", "rca", "rsca"], "profile")
    if not isinstance(top_n, (int, np.integer)) or top_n < 1:
        raise ProfileInputError(text("views_msg.specialisation.top_n", lang, top_n=top_n))
    rows = profile[(profile[value_col] > 0) & (profile["share"] >= min_share)]
    rows = rows.sort_values(["rca", value_col], ascending=[False, False], kind="mergesort").head(int(top_n))
    if rows.empty:
        raise ProfileInputError(text("views_msg.specialisation.nothing_left", lang))
    labels, full = product_labels(rows, product_col, label_width)
    name = country_name or profile.attrs.get("country", "")
    ref = tx["vs"].format(ref=reference_name or tx["world"])
    fig = go.Figure(go.Bar(
        x=rows["rca"].astype(float).tolist(), y=labels, orientation="h",
        marker_color="#1b7837",
        text=[fmt_number(v, 1, lang=lang) for v in rows["rca"]], textposition="outside",
        customdata=list(zip(full, rows["rsca"].astype(float), rows["share"].astype(float),
                            rows[value_col].astype(float))),
        hovertemplate=("<b>%{customdata[0]}</b><br>" + tx["rca"] + " %{x:,.2f} · " + tx["rsca"]
                       + " %{customdata[1]:.3f}<br>"
                       + tx["share"] + ": %{customdata[2]:.2%}<br>" + tx["value"]
                       + ": USD %{customdata[3]:,.0f}<extra></extra>"),
    ))
    fig.add_vline(x=1, line_dash="dash", line_color="grey")
    fig.update_layout(
        title=tx["bar_title"].format(name=name, n=len(rows), ref=ref, year=f", {year}" if year else ""),
        xaxis={"type": "log", "title": tx["rca_log"]}, yaxis_title=tx["product"],
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1]},
        height=140 + 32 * len(rows), margin={"l": 10, "r": 40},
    )
    return fig


def rca_world_vs_region_scatter(
    two: pd.DataFrame,
    lang: str | None = None,
    *,
    country_name: str | None = None,
    region_name: str | None = None,
    year: int | None = None,
    product_col: str = "product",
    value_col: str = "export_value",
    label_width: int = 60,
) -> go.Figure:
    """Scatter of each exported product: RCA against the world (x) and against a region (y), log-log.

    ``two`` is the table of :func:`rca_two_references`. One trace per ``group`` (both / world only /
    region only / neither), marker area proportional to the product's share of the country's
    exports; dashed lines at RCA = 1 split the four quadrants. Products not exported are not drawn.
    ``region_name`` defaults to "LAC" / "ALC" (Latin America and the Caribbean) in ``lang``.
    """
    tx = texts("specialisation", lang)
    region_name = tx["lac"] if region_name is None else region_name
    _need(two, [product_col, value_col, "share", "rca_world", "rca_region", "group"], "two")
    rows = two[(two[value_col] > 0) & (two["rca_region"] > 0)]
    if rows.empty:
        raise ProfileInputError(text("views_msg.specialisation.no_common_rca", lang))
    fig = go.Figure()
    biggest = float(rows["share"].max())
    for g in GROUPS:
        part = rows[rows["group"] == g]
        if part.empty:
            continue
        full, _ = product_labels(part, product_col, label_width)
        fig.add_trace(go.Scatter(
            x=part["rca_world"].astype(float).tolist(), y=part["rca_region"].astype(float).tolist(),
            mode="markers", name=tx[g],
            marker={"color": _COLOURS[g], "size": (6 + 34 * np.sqrt(part["share"] / biggest)).tolist(),
                    "line": {"width": 0.5, "color": "white"}, "opacity": 0.75},
            customdata=list(zip(full, part["share"].astype(float))),
            hovertemplate=("<b>%{customdata[0]}</b><br>" + tx["rca_world_short"] + " %{x:,.2f}<br>"
                           + tx["rca_region_short"].format(region=region_name) + " %{y:,.2f}<br>"
                           + tx["share"] + ": %{customdata[1]:.2%}<extra></extra>"),
        ))
    fig.add_vline(x=1, line_dash="dash", line_color="grey")
    fig.add_hline(y=1, line_dash="dash", line_color="grey")
    name = country_name or two.attrs.get("country", "")
    fig.update_layout(
        title=tx["scatter_title"].format(name=name, region=region_name, year=f", {year}" if year else ""),
        # powers of ten, not plotly's SI prefixes ("1µ" for an RCA of 0.000001)
        xaxis={"type": "log", "title": tx["rca_world"], "exponentformat": "power"},
        yaxis={"type": "log", "title": tx["rca_region"].format(region=region_name), "exponentformat": "power"},
        height=600, legend={"orientation": "h", "y": -0.15},
    )
    return fig


def diversification_concentration_scatter(
    summary: pd.DataFrame,
    highlight: str | None = None,
    lang: str | None = None,
    *,
    year: int | None = None,
    x: str = "n_rca",
    y: str = "hhi_unctad",
    country_col: str = "country",
) -> go.Figure:
    """One point per country: diversification (``x``, default products with RCA >= 1) against
    concentration (``y``, default UNCTAD-normalised HHI), labelled with the country names.

    ``summary`` is the table of :func:`specialisation_summary`; ``highlight`` (ISO3) is drawn in a
    second, coloured trace. Hover shows the name, both values and the total exports.
    """
    tx = texts("specialisation", lang)
    _need(summary, [country_col, x, y], "summary")
    labels = summary["name"] if "name" in summary.columns else summary[country_col]
    code = str(highlight).strip().upper() if highlight else None
    mark = summary[country_col].eq(code)
    fig = go.Figure()
    for is_it, colour, size in ((False, "#4d4d4d", 9), (True, "#d6604d", 15)):
        part = summary[mark == is_it]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=part[x].astype(float).tolist(), y=part[y].astype(float).tolist(), mode="markers+text",
            text=labels[mark == is_it].astype(str).tolist(), textposition="top center",
            textfont={"size": 10 if not is_it else 13},
            marker={"color": colour, "size": size}, showlegend=False,
            name=code if is_it else "",
            hovertemplate="<b>%{text}</b><br>%{x}<br>%{y:.3f}<extra></extra>",
        ))
    titles = {x: tx.get(x, x), y: tx.get(y, y)}
    fig.update_layout(title=tx["div_title"].format(year=f", {year}" if year else ""),
                      xaxis_title=titles[x], yaxis_title=titles[y], height=600)
    return fig


def lafay_bar(
    net: pd.DataFrame,
    top_n: int = 10,
    lang: str | None = None,
    *,
    country_name: str = "",
    year: int | None = None,
    label_width: int = 45,
) -> go.Figure:
    """Bars of the ``top_n`` most positive and ``top_n`` most negative Lafay groups of :func:`net_trade_profile`.

    Green = the group adds to the trade balance more than its weight in trade (net-trade
    specialisation); red = it takes away. Hover shows exports, imports and the trade balance index.
    """
    tx = texts("specialisation", lang)
    _need(net, ["code", "export_value", "import_value", "tbi", "lafay"], "net")
    pos = net[net["lafay"] > 0].nlargest(top_n, "lafay")
    neg = net[net["lafay"] < 0].nsmallest(top_n, "lafay")
    rows = pd.concat([pos, neg.iloc[::-1]])
    if rows.empty:
        raise ProfileInputError(text("views_msg.specialisation.lafay_zero", lang))
    labels, full = product_labels(rows, "code", label_width)
    fig = go.Figure(go.Bar(
        x=rows["lafay"].astype(float).tolist(), y=labels, orientation="h",
        marker_color=["#1b7837" if v > 0 else "#b2182b" for v in rows["lafay"]],
        customdata=list(zip(full, rows["export_value"].astype(float), rows["import_value"].astype(float),
                            rows["tbi"].astype(float))),
        hovertemplate=("<b>%{customdata[0]}</b><br>Lafay %{x:.2f}<br>" + tx["value"] + ": USD %{customdata[1]:,.0f}<br>"
                       + tx["imports"] + ": USD %{customdata[2]:,.0f}<br>" + tx["tbi"]
                       + ": %{customdata[3]:.3f}<extra></extra>"),
    ))
    fig.update_layout(
        title=tx["lafay_title"].format(name=country_name, year=f", {year}" if year else ""),
        xaxis_title=tx["lafay"], yaxis_title=tx["group"],
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1]},
        height=140 + 30 * len(rows), margin={"l": 10, "r": 40},
    )
    return fig

