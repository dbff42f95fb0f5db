"""Tables and figures for lesson L10 "SMEs and territory" (INEGI economic census, Tamaulipas).

Builders on top of :func:`course_tools.data.load_census` and :mod:`course_tools.methods.territory`.
Convention of the course: suppressed census cells (INEGI's *principio de confidencialidad*) are
**missing**, never 0: they are left out of the municipal tables and counted separately
(:func:`suppression_table`), and the published state / national totals (which do include them)
are the reference economies. Sector names in English or Spanish (``lang="en"|"es"``, by default the
notebook's language): the official SCIAN titles in Spanish tables (:func:`sector_names`), short names in
figures (:func:`sector_labels`).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from course_tools import indicators as ind
from course_tools.i18n import check_lang, current_language, text, texts
from course_tools.views import ViewInputError, reader_lang
from course_tools.views.format import fmt_plain

__all__ = ["SECTOR_EN", "sector_names", "sector_labels", "municipal_table", "reference_totals", "lq_table",
           "suppression_table", "productivity_table", "shift_share_table", "specialisation_table", "cluster_table",
           "lq_heatmap", "shift_share_figure", "suppression_map", "CENSUS_COUNTRIES", "census_note"]

def sector_labels(lang: str | None = None) -> dict[str, str]:
    """SCIAN 2-digit sector code -> short name for figures, in ``lang`` (English: NAICS titles; Spanish:
    shortened SCIAN titles), from the catalogue (``territory.sectors.*``)."""
    return dict(texts("territory.sectors", reader_lang(lang)))


#: SCIAN 2-digit sector code -> short English name (NAICS titles).
SECTOR_EN: dict[str, str] = sector_labels("en")
_STATE, _NATION = "28", "00"
_LEVELS = ("state", "nation")


class TerritoryInputError(ViewInputError):
    """Bad argument for a territory table (says what is wrong and how to fix it)."""


def _check(census: pd.DataFrame, year: int, value: str, lang: str | None = None) -> None:
    need = {"census_year", "state_code", "municipality", "sector_code", "suppressed", value}
    missing = need.difference(census.columns)
    if missing:
        raise TerritoryInputError(text("views_msg.territory.census_columns", lang, missing=sorted(missing)))
    years = sorted(census["census_year"].unique())
    if year not in years:
        raise TerritoryInputError(text("views_msg.territory.census_year", lang, year=year, years=years))


def sector_names(census: pd.DataFrame, lang: str | None = None) -> dict[str, str]:
    """Sector code -> name: English (:data:`SECTOR_EN`) or the census's Spanish SCIAN names (default: the
    notebook's language)."""
    if reader_lang(lang) == "en":
        return dict(SECTOR_EN)
    pairs = census[["sector_code", "sector"]].drop_duplicates("sector_code")
    return dict(zip(pairs["sector_code"].astype(str), pairs["sector"].astype(str)))


def municipal_table(census: pd.DataFrame, *, year: int, value: str = "employment",
                    keep_suppressed: bool = False) -> pd.DataFrame:
    """Tidy municipality x sector table of one census year for Tamaulipas.

    Columns ``region`` (municipality name), ``industry`` (SCIAN code), ``value`` column,
    ``suppressed``. Suppressed cells are dropped (missing) unless ``keep_suppressed=True``
    (then they stay with NaN values). Cells with a published 0 are kept.
    """
    _check(census, year, value)
    t = census[(census["census_year"] == year) & (census["state_code"] == _STATE) & census["municipality"].notna()]
    out = pd.DataFrame({"region": t["municipality"].astype(str).to_numpy(),
                        "industry": t["sector_code"].astype(str).to_numpy(),
                        value: t[value].astype(float).to_numpy(),
                        "suppressed": t["suppressed"].astype(bool).to_numpy()})
    if not keep_suppressed:
        out = out[~out["suppressed"] & out[value].notna()]
    return out.reset_index(drop=True)


def reference_totals(census: pd.DataFrame, *, year: int, level: str = "state",
                     value: str = "employment") -> pd.Series:
    """Published totals by sector (Series indexed by SCIAN code) of Tamaulipas (``level="state"``)
    or Mexico (``level="nation"``). A suppressed state total (e.g. mining from 2013) is NaN: the
    caller decides (see :func:`lq_table`)."""
    _check(census, year, value)
    if level not in _LEVELS:
        raise TerritoryInputError(text("views_msg.territory.level", level=level, state=text("territory.state"),
                                       nation=text("territory.nation")))
    code = _STATE if level == "state" else _NATION
    t = census[(census["census_year"] == year) & (census["state_code"] == code) & census["municipality"].isna()]
    s = pd.Series(t[value].astype(float).to_numpy(), index=t["sector_code"].astype(str).to_numpy(), name=value)
    s.index.name = "industry"
    return s


def lq_table(census: pd.DataFrame, *, year: int, against: str = "state", value: str = "employment") -> pd.DataFrame:
    r"""Location quotients of the municipalities, :math:`LQ_{ij}=(e_{ij}/e_j)/(e_i/e)`
    (:func:`course_tools.indicators.location_quotient`), against the published totals of the state
    or the nation (``against``). Suppressed municipal cells are missing (no LQ, and not in
    :math:`e_j`); sectors whose reference total is suppressed are left out. Tidy: region,
    industry, value, lq.
    """
    ref = reference_totals(census, year=year, level=against, value=value)
    ref = ref[ref.notna() & (ref > 0)]
    mun = municipal_table(census, year=year, value=value)
    mun = mun[mun["industry"].isin(ref.index)].drop(columns="suppressed")
    return ind.location_quotient(mun, value=value, reference=ref)


def suppression_table(census: pd.DataFrame, *, year: int) -> pd.DataFrame:
    """Per municipality: ``cells`` (sector rows published or suppressed), ``suppressed`` (their
    number), ``share_suppressed`` and ``employment_published`` (sum over the published cells),
    sorted by published employment (largest first)."""
    t = municipal_table(census, year=year, keep_suppressed=True)
    g = t.groupby("region", sort=False)
    out = pd.DataFrame({"cells": g.size(), "suppressed": g["suppressed"].sum().astype("int64"),
                        "employment_published": g["employment"].sum(min_count=0)})
    out["share_suppressed"] = out["suppressed"] / out["cells"]
    out.index.name = "municipality"
    return out.sort_values("employment_published", ascending=False, kind="stable").reset_index()


def productivity_table(census: pd.DataFrame, *, year: int, municipality: str, lang: str | None = None) -> pd.DataFrame:
    """Labour productivity = census value added / persons employed, in thousand MXN per person
    (value added is in millions of current MXN), by sector, for ``municipality``, Tamaulipas and
    Mexico; ``ratio_to_state`` = municipal / state productivity. Suppressed cells are NaN."""
    _check(census, year, "value_added", lang)
    names = sector_names(census, lang)
    mun = census[(census["census_year"] == year) & (census["state_code"] == _STATE)
                 & (census["municipality"] == municipality)]
    if mun.empty:
        known = sorted(census.loc[census["state_code"] == _STATE, "municipality"].dropna().unique())
        raise TerritoryInputError(text("views_msg.territory.municipality_not_found", lang,
                                       municipality=municipality, known=known[:8]))
    rows = {}
    for label, t in (("municipality", mun),
                     ("state", census[(census["census_year"] == year) & (census["state_code"] == _STATE)
                                      & census["municipality"].isna()]),
                     ("nation", census[(census["census_year"] == year) & (census["state_code"] == _NATION)])):
        va = pd.Series(t["value_added"].astype(float).to_numpy(), index=t["sector_code"].astype(str).to_numpy())
        emp = pd.Series(t["employment"].astype(float).to_numpy(), index=t["sector_code"].astype(str).to_numpy())
        rows[label] = (va * 1000.0 / emp.where(emp > 0)).rename(label)
        if label == "municipality":
            rows["employment"] = emp.rename("employment")
    out = pd.DataFrame(rows)
    out = out[["employment", "municipality", "state", "nation"]]
    out["ratio_to_state"] = out["municipality"] / out["state"]
    out.index.name = "sector_code"
    out = out.reset_index()
    out.insert(1, "sector", out["sector_code"].map(names))
    return out


def _paired(census, start, end):
    """Like-for-like municipal tables of two years + the state references (see shift_share_table)."""
    r0 = reference_totals(census, year=start)
    r1 = reference_totals(census, year=end)
    keep = r0.index[r0.notna() & r1.reindex(r0.index).notna() & (r0 > 0)]
    m0 = municipal_table(census, year=start, keep_suppressed=True)
    m1 = municipal_table(census, year=end, keep_suppressed=True)
    both = m0.merge(m1, on=["region", "industry"], how="outer", suffixes=("_0", "_1"))
    bad = both["suppressed_0"].fillna(False).astype(bool) | both["suppressed_1"].fillna(False).astype(bool)
    both = both[~bad & both["industry"].isin(keep)]
    d0 = both[["region", "industry"]].assign(employment=both["employment_0"].fillna(0.0).to_numpy())
    d1 = both[["region", "industry"]].assign(employment=both["employment_1"].fillna(0.0).to_numpy())
    return d0.reset_index(drop=True), d1.reset_index(drop=True), r0[keep], r1[keep]


def shift_share_table(census: pd.DataFrame, *, start: int = 2003, end: int = 2023,
                      method: str = "dunn", by_industry: bool = True) -> pd.DataFrame:
    """Shift-share of municipal employment ``start`` -> ``end`` against Tamaulipas
    (:func:`course_tools.indicators.shift_share`, reference = published state totals). Pairs
    suppressed in either year are left out of both years (a like-for-like comparison); sectors
    with a suppressed state total in either year are left out."""
    d0, d1, r0, r1 = _paired(census, start, end)
    return ind.shift_share(d0, d1, method=method, by_industry=by_industry, reference_t0=r0, reference_t1=r1)


def specialisation_table(census: pd.DataFrame, *, year: int) -> pd.DataFrame:
    """Krugman specialisation :math:`K_r=\\sum_i|s^r_i-s^n_i|` of each municipality against the
    published Tamaulipas totals (:func:`course_tools.indicators.krugman_specialisation`), on the
    published cells only, with published employment; sorted from most to least specialised."""
    ref = reference_totals(census, year=year)
    ref = ref[ref.notna()]
    mun = municipal_table(census, year=year)
    mun = mun[mun["industry"].isin(ref.index)].drop(columns="suppressed")
    k = ind.krugman_specialisation(mun, reference=ref)
    out = k.rename("krugman").to_frame()
    out["employment_published"] = mun.groupby("region")["employment"].sum()
    out.index.name = "municipality"
    return out.sort_values("krugman", ascending=False, kind="stable").reset_index()


def cluster_table(census: pd.DataFrame, *, start: int = 2003, end: int = 2023, lq_min: float = 1.25,
                  min_size: float = 0.0, growth: float | None = None, positive_shift: bool = True,
                  all_pairs: bool = False, lang: str | None = None) -> pd.DataFrame:
    """Cluster candidates municipality x sector (:func:`course_tools.indicators.cluster_candidates`)
    in ``end`` against the state: LQ >= ``lq_min`` (the LQ of :func:`lq_table`), employment >=
    ``min_size``, and growth since ``start`` (``growth`` and/or a positive Dunn regional shift).
    A pair suppressed in ``start`` has no measurable growth: it is never a candidate
    (``suppressed_t0`` column with ``all_pairs=True``). Column ``sector``: :func:`sector_names` in ``lang``."""
    r0 = reference_totals(census, year=start)
    r1 = reference_totals(census, year=end)
    keep = r0.index[r0.notna() & r1.reindex(r0.index).notna() & (r0 > 0)]
    d1 = municipal_table(census, year=end)
    d1 = d1[d1["industry"].isin(keep)]
    m0 = municipal_table(census, year=start, keep_suppressed=True)
    m0 = m0[m0["industry"].isin(keep)]
    hidden = set(zip(m0.loc[m0["suppressed"], "region"], m0.loc[m0["suppressed"], "industry"]))
    d0 = m0[~m0["suppressed"]].drop(columns="suppressed")
    out = ind.cluster_candidates(d1.drop(columns="suppressed"), data_t0=d0, lq_min=lq_min, min_size=min_size,
                                 growth=growth, positive_shift=positive_shift, reference=r1[keep],
                                 reference_t0=r0[keep], all_pairs=True)
    out["suppressed_t0"] = [(r, i) in hidden for r, i in zip(out["region"], out["industry"])]
    out["candidate"] = out["candidate"] & ~out["suppressed_t0"]
    out = out.assign(sector=out["industry"].map(sector_names(census, lang)))
    if all_pairs:
        return out
    return out[out["candidate"]].drop(columns=[c for c in out.columns if c.startswith("pass_")]
                                      + ["candidate", "suppressed_t0"]).reset_index(drop=True)


def lq_heatmap(lq: pd.DataFrame, *, year: int, against: str = "state", top: int = 12,
               lang: str | None = None) -> go.Figure:
    """Heatmap municipality x sector of the LQs of :func:`lq_table` for the ``top`` municipalities
    by employment; diverging colours centred on LQ = 1 (log scale), blank = suppressed/absent."""
    t = texts("territory", lang)
    need = {"region", "industry", "lq"}
    if not need.issubset(lq.columns):
        raise TerritoryInputError(text("views_msg.territory.lq_table", lang, columns=sorted(need)))
    value = [c for c in lq.columns if c not in ("region", "industry", "lq")][0]
    size = lq.groupby("region")[value].sum().sort_values(ascending=False)
    regions = list(size.index[:top])
    m = lq[lq["region"].isin(regions)].pivot(index="region", columns="industry", values="lq").reindex(regions)
    names = sector_labels(lang)
    cols = [names.get(c, c) for c in m.columns]
    vals = m.to_numpy(dtype=float)
    z = np.log10(np.where(vals > 0, vals, np.nan))  # LQ 0 (a published zero) has no log: left blank
    fig = go.Figure(go.Heatmap(z=z, x=cols, y=regions, customdata=m.to_numpy(dtype=float), zmid=0,
                               colorscale="RdBu",
                               hovertemplate="%{y} · %{x}<br>" + t["lq"] + " %{customdata:.2f}<extra></extra>",
                               colorbar=dict(title=t["lq"], tickvals=[-1, 0, 1],
                                             ticktext=[fmt_plain(v, lang=lang) for v in (0.1, 1, 10)])))
    fig.update_layout(title=t["lq_title"].format(n=len(regions), year=year, ref=t[against]),
                      xaxis_title=t["sector"], yaxis_title=t["mun"], yaxis_autorange="reversed", height=520)
    return fig


def shift_share_figure(ss: pd.DataFrame, *, municipality: str, start: int = 2003, end: int = 2023,
                       lang: str | None = None) -> go.Figure:
    """Stacked horizontal bars of the Dunn components (national share, industry mix, regional
    shift) by sector for one municipality, from :func:`shift_share_table` (``by_industry=True``)."""
    t = texts("territory", lang)
    if "industry" not in ss.columns:
        raise TerritoryInputError(text("views_msg.territory.by_industry", lang))
    s = ss[ss["region"] == municipality]
    if s.empty:
        raise TerritoryInputError(text("views_msg.territory.not_in_shift_share", lang, municipality=municipality))
    names = sector_labels(lang)
    s = s.assign(label=[names.get(c, c) for c in s["industry"]]).sort_values("change")
    fig = go.Figure()
    for comp in ("national_share", "industrial_mix", "regional_shift"):
        fig.add_bar(y=s["label"], x=s[comp], name=t[comp], orientation="h")
    fig.update_layout(barmode="relative", title=t["ss_title"].format(mun=municipality, a=start, b=end),
                      xaxis_title=t["persons"], yaxis_title=t["sector"], height=560)
    return fig


def suppression_map(census: pd.DataFrame, *, year: int, lang: str | None = None) -> go.Figure:
    """Grid municipality x sector: published (1), suppressed (2) or no row (0), municipalities
    ordered by published employment. Shows where the census cannot be read."""
    t = texts("territory", lang)
    cells = municipal_table(census, year=year, keep_suppressed=True)
    order = suppression_table(census, year=year)["municipality"].tolist()
    m = (cells.assign(code=np.where(cells["suppressed"], 2, 1))
         .pivot(index="region", columns="industry", values="code").reindex(order).fillna(0))
    names = sector_labels(lang)
    fig = go.Figure(go.Heatmap(z=m.to_numpy(dtype=float), x=[names.get(c, c) for c in m.columns], y=order,
                               zmin=0, zmax=2, showscale=False,
                               colorscale=[[0, "#ffffff"], [0.33, "#ffffff"], [0.34, "#9ecae1"], [0.66, "#9ecae1"],
                                           [0.67, "#d62728"], [1, "#d62728"]],
                               hovertemplate="%{y} · %{x}<extra></extra>"))
    k, n = int(cells["suppressed"].sum()), len(cells)
    fig.update_layout(title=t["sup_title"].format(year=year, k=k, n=n) + " "
                      + t["sup_legend"].format(sup=t["sup"], pub=t["pub"]),
                      xaxis_title=t["sector"], yaxis_title=t["mun"], yaxis_autorange="reversed", height=800)
    return fig


# --------------------------------------------------------------------------------------------
# which data the lesson can show for a country
# --------------------------------------------------------------------------------------------
#: Countries with a municipal economic census in the course's data (INEGI, Tamaulipas).
CENSUS_COUNTRIES = ("MEX",)

def census_note(country: str, *, lang: str | None = None) -> str:
    """Markdown sentence for the top of lesson L10 when ``country`` (any ISO3 code) has no census
    in the course's data (every country but Mexico): the lesson runs on Tamaulipas and says so.
    ``""`` for Mexico. An unknown code raises :class:`TerritoryInputError`."""
    from course_tools.data import country_name

    lang = check_lang(current_language() if lang is None else lang)
    code = str(country).strip().upper()
    try:
        name = country_name(code, lang)
    except ValueError as err:
        raise TerritoryInputError(*err.args) from None  # the message of data (catalogue)
    return "" if code in CENSUS_COUNTRIES else text("territory.census_note", lang, name=name, code=code)
