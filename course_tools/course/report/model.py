"""The country report's model: from the sources to every table and number the report shows, in one call.

:func:`country_model` runs the niche model for one country, year and window
(:func:`course_tools.data.niche_inputs.niche_inputs`, then the two lists with their robustness,
:func:`course_tools.methods.niche_lists.two_niche_lists`, and the markets of each niche,
:func:`course_tools.methods.export_potential.top_markets`), and computes the report's headline facts
ONCE, so that every section and the executive summary print the same number for the same concept
(a test checks it):

- exports: total, number of products, largest product and its share, the five largest products'
  share, the share of primary products (HS chapters 01-27 and 71);
- revealed capacity: ONE count of products with RCA >= 1 (Balassa RCA against every reporter of the
  year's table, among the products of the analysis, the cleaned complexity set); it is also the size
  of the consolidate list;
- complexity: ONE ECI (the course's computation on the cleaned table of the year) with its rank in Latin
  America and the Caribbean and in the world; the Atlas's ECI of the same year only as a labelled comparison;
- regional: the share of exports going to Latin America and the Caribbean, from the panel's flows by
  partner when it has them, else from the 2006 gravity table (labelled);
- dynamics: the window, world trade growth over it, and the competitiveness quadrant of each product.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from course_tools.course.report.sources import ReportSources, open_sources
from course_tools.methods.niche_lists import CONSOLIDATE, DIVERSIFY, NicheList, two_niche_lists

__all__ = ["PRIMARY_CHAPTERS", "CountryModel", "country_model", "list_specs", "markets_of", "regional_facts"]

#: HS chapters counted as primary products and their first processing (commodity dependence): animal and
#: vegetable products, food, mineral products and fuels (01-27) and precious metals and stones (71).
PRIMARY_CHAPTERS: tuple[str, ...] = tuple(f"{c:02d}" for c in range(1, 28)) + ("71",)
#: Markets shown per niche (world), plus the best market in Latin America and the Caribbean.
N_MARKETS = 3


@dataclass
class CountryModel:
    """Every table and number of one country report (see the module docstring)."""

    country: str
    year: int
    window: tuple[int, int] | None
    inputs: Any                      # NicheInputs
    lists: dict[str, NicheList]
    markets: pd.DataFrame
    facts: dict[str, Any]
    weights_used: dict[str, str]     # list -> "default" or the file's path
    sources: ReportSources
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def criteria(self) -> pd.DataFrame:
        return self.inputs.criteria


def list_specs(weights: dict | None) -> tuple[Any, Any, dict[str, str]]:
    """The two list specs with the coordinator's weights when a file gives them, and which set each list uses."""
    specs, used = {}, {}
    for spec in (CONSOLIDATE, DIVERSIFY):
        given = (weights or {}).get(spec.name)
        if given:
            specs[spec.name] = spec.with_settings(given["weights"], given["thresholds"])
            used[spec.name] = str(weights["path"])
        else:
            specs[spec.name] = spec
            used[spec.name] = "default"
    return specs["consolidate"], specs["diversify"], used


def markets_of(potential: pd.DataFrame, country: str, lists: dict[str, NicheList], lac: list[str],
               top: int = 10) -> pd.DataFrame:
    """The best markets of the ``top`` niches of each list: N_MARKETS in the world and the best LAC market.

    Consolidate niches (RCA >= 1) rank markets by untapped potential in USD; diversify niches by the
    market factor (demand x distance x ease of trade, ITC's PDI logic: a rank, no dollar figure).
    Columns: list, niche_rank, product, scope ("world" or "lac"), rank, importer, basis, untapped,
    potential, actual, demand.
    """
    from course_tools.methods.export_potential import top_markets

    parts = []
    for name, lst in lists.items():
        best = lst.ranking[lst.ranking["passes"].astype(bool)].head(top)
        if best.empty:
            continue
        order = dict(zip(best["product"].astype(str), best["rank"].astype(int)))
        for scope, markets, n in (("world", None, N_MARKETS), ("lac", lac, 1)):
            m = top_markets(potential, country, list(order), n=n, markets=markets)
            parts.append(m.assign(list=name, scope=scope, niche_rank=m["product"].astype(str).map(order)))
    cols = ["list", "niche_rank", "product", "scope", "rank", "importer", "basis", "untapped", "potential", "actual",
            "demand"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)[cols]
    return out.sort_values(["list", "niche_rank", "scope", "rank"], ascending=[True, True, False, True],
                           kind="stable").reset_index(drop=True)


def _export_facts(trade: pd.DataFrame, code: str) -> dict[str, Any]:
    mine = trade[(trade["country"] == code) & (trade["export_value"] > 0)].sort_values(
        ["export_value", "product"], ascending=[False, True])
    total = float(mine["export_value"].sum())
    rows = trade[trade["country"] == code]
    primary = mine["product"].astype(str).str[:2].isin(PRIMARY_CHAPTERS)
    return {"total_exports": total, "n_exported": int(len(mine)),
            "top_product": str(mine["product"].iloc[0]) if len(mine) else None,
            "top_share": float(mine["export_value"].iloc[0] / total) if total > 0 else None,
            "top5_share": float(mine["export_value"].head(5).sum() / total) if total > 0 else None,
            "primary_share": float(mine.loc[primary, "export_value"].sum() / total) if total > 0 else None,
            "n_not_reported": int(rows["export_value"].isna().sum())}


def _eci_facts(criteria: pd.DataFrame, code: str, lac: list[str], year: int) -> dict[str, Any]:
    from course_tools import data

    eci = pd.Series(criteria.attrs["eci"], dtype=float)
    mine = float(eci[code])
    lac_eci = eci[eci.index.isin(lac)]
    atlas = data.load_country_year()
    atlas = atlas[(atlas["country"] == code) & (atlas["year"] == year)]["eci"].dropna()
    # a country outside the region is ranked among the LAC countries and itself (as in L06 and ex08), and says so
    return {"eci": mine, "in_lac": code in set(lac),
            "eci_rank_lac": int((lac_eci.round(10) > round(mine, 10)).sum() + 1),
            "n_lac_ranked": int(len(lac_eci)), "eci_rank_world": int((eci.round(10) > round(mine, 10)).sum() + 1),
            "n_world_ranked": int(len(eci)), "atlas_eci": float(atlas.iloc[0]) if len(atlas) else None}


def regional_facts(sources: ReportSources, code: str, year: int, lac: list[str]) -> dict[str, Any]:
    """Share of the country's exports going to LAC: the panel's partners when it has them, else gravity 2006."""
    from course_tools import data

    f = sources.panel.flows
    own = f[(f["year"] == year) & (f["exporter"] == code)]
    if len(own) and not (own["importer"] == "WLD").any():
        by = own.groupby(own["importer"].astype(str))["value"].sum()
        source, src_year = ("bilateral" if sources.panel.has_importers else "customs"), year
    else:
        g = data.load_gravity(current_codes=True)
        g = g[(g["exporter"] == code) & (g["importer"] != code)]
        by = g.groupby("importer")["flow"].sum()
        source, src_year = "gravity", 2006
    by = by[by.index != code]
    total = float(by.sum())
    partners = by[by.index.isin(lac)].sort_values(ascending=False)
    return {"lac_share": float(partners.sum() / total) if total > 0 else None, "lac_source": source,
            "lac_year": src_year, "top_lac_partners": [str(p) for p in partners.index[:5]],
            "partners": (by / total).sort_values(ascending=False) if total > 0 else by}


def _dynamics_facts(criteria: pd.DataFrame, window: tuple[int, int] | None) -> dict[str, Any]:
    from course_tools.methods.criteria import competitiveness_quadrant

    if window is None:
        return {"world_growth": None, "quadrants": None}
    q = competitiveness_quadrant(criteria)
    exports = criteria["export_value"]
    counts = {k: (int((q == k).sum()), float(exports[q == k].sum() / exports.sum()) if exports.sum() > 0 else 0.0)
              for k in ("rising star", "declining star", "missed opportunity", "retreat", "no data")}
    return {"world_growth": float(criteria.attrs["world_demand_cagr"]), "quadrants": counts, "quadrant": q}


def country_model(country: str, sources: ReportSources | None = None, *, year: int | None = None,
                  window: tuple[int, int] | None = None, k: int = 10, seed: int = 0, n_weights: int = 100,
                  lang: str = "en") -> CountryModel:
    """Everything the report shows for ``country`` (ISO3): criteria, both lists with robustness, markets, facts.

    ``sources``: :func:`~course_tools.course.report.sources.open_sources` (default: the shipped tables,
    the course's weights); ``year`` and ``window`` as in :func:`course_tools.data.niche_inputs.niche_inputs`;
    ``k``, ``seed``, ``n_weights``: the robustness analysis (top k, numpy seed, Dirichlet weight draws).
    ``seconds`` says how long each step took.
    """
    from course_tools import data
    from course_tools.data.niche_inputs import niche_inputs
    from course_tools.methods.criteria import criteria_catalogue

    clock = {"start": time.perf_counter()}
    sources = open_sources(country) if sources is None else sources
    code = str(country).strip().upper()
    inputs = niche_inputs(code, sources.panel, year=year, window=window, io=sources.io, extra=sources.extra)
    clock["criteria"] = time.perf_counter()
    cons, div, used = list_specs(sources.weights)
    labels = criteria_catalogue()
    if sources.extra is not None:
        labels = pd.concat([labels, sources.extra.catalogue], ignore_index=True)
    lists = two_niche_lists(inputs.criteria, cons, div, labels=labels, lang=lang, k=k, seed=seed, n_weights=n_weights)
    clock["lists"] = time.perf_counter()
    lac = data.group_members("lac")
    markets = markets_of(inputs.potential, code, lists, lac, top=k)
    facts = {"year": inputs.year, "window": inputs.window, "n_products": int(len(inputs.criteria)),
             "n_rca": int((inputs.criteria["rca"] >= 1).sum()),
             **_export_facts(sources.panel.exports(inputs.year), code),
             **_eci_facts(inputs.criteria, code, lac, inputs.year),
             **regional_facts(sources, code, inputs.year, lac),
             **_dynamics_facts(inputs.criteria, inputs.window)}
    for name, lst in lists.items():
        top = lst.top(k)
        facts[f"n_{name}"] = int(lst.ranking["passes"].astype(bool).sum())
        facts[f"n_robust_{name}"] = int((top["label"] == "robust").sum())
    clock["end"] = time.perf_counter()
    seconds = {"criteria": clock["criteria"] - clock["start"], "lists": clock["lists"] - clock["criteria"],
               "facts": clock["end"] - clock["lists"], "total": clock["end"] - clock["start"]}
    return CountryModel(code, inputs.year, inputs.window, inputs, lists, markets, facts, used, sources, seconds)
