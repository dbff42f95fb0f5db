"""The country report's words: the executive summary, the lists with their markets, the robustness, the caveats.

Every sentence is generated from the report's facts (the numbers computed once by
:func:`course_tools.course.report.model.country_model`) with the texts of the catalogue (``report.*``) and
the number formats of :mod:`course_tools.views.format`, in English or Spanish; no number is written
twice in two ways. Functions take plain tables and dicts (the model's), so they can be tested alone.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from course_tools.i18n import check_lang, text
from course_tools.views.format import fmt_number, fmt_percent, fmt_signed, fmt_usd

__all__ = ["source_line", "summary_sentences", "bullets", "lac_sentence", "partners_table", "quadrant_names",
           "lac_source", "data_sentence", "list_title", "list_top_table", "short_labels", "criterion_value", "why_text",
           "list_rule_sentence", "markets_table", "robustness_sentences", "caveats", "label_text", "print_style"]

LIST_NAMES = ("consolidate", "diversify")
_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


def _name(names: Mapping[str, str], code: str) -> str:
    return str(names.get(str(code), "") or code).rstrip(". ")


def summary_sentences(facts: Mapping[str, Any], *, name: str, product_names: Mapping[str, str],
                      country_names: Mapping[str, str], lang: str) -> dict[str, str]:
    """The country's position in a few sentences, by topic (exports, primary, rca, eci, lac, dynamics).

    The report prints each sentence in the summary AND in its section, so a number reads the same
    everywhere. Topics without data are left out.
    """
    lang = check_lang(lang)
    f = facts
    out = {"exports": text("report.sum_exports", lang, year=f["year"], name=name,
                           total=fmt_usd(f["total_exports"], lang), n=fmt_number(f["n_exported"], 0, lang),
                           top=_name(product_names, f["top_product"]), code=f["top_product"],
                           share=fmt_percent(f["top_share"], 1, lang), share5=fmt_percent(f["top5_share"], 1, lang))}
    if f.get("primary_share") is not None:
        out["primary"] = text("report.sum_primary", lang, share=fmt_percent(f["primary_share"], 1, lang))
    out["rca"] = text("report.sum_rca", lang, n_rca=fmt_number(f["n_rca"], 0, lang),
                      n_products=fmt_number(f["n_products"], 0, lang),
                      n_div=fmt_number(f["n_products"] - f["n_rca"], 0, lang))
    out["eci"] = text("report.sum_eci" if f.get("in_lac", True) else "report.sum_eci_outside", lang,
                      year=f["year"], eci=fmt_number(f["eci"], 3, lang), name=name,
                      rank=f["eci_rank_lac"], n_lac=f["n_lac_ranked"], wrank=f["eci_rank_world"],
                      wn=f["n_world_ranked"])
    if f.get("lac_share") is not None:
        out["lac"] = lac_sentence(f, country_names=country_names, lang=lang)
    if f.get("quadrants"):
        y0, y1 = f["window"]
        out["dynamics"] = text("report.sum_dynamics", lang, y0=y0, y1=y1,
                               g=fmt_percent(f["world_growth"] / 100, 1, lang),
                               share=fmt_percent(f["quadrants"]["rising star"][1], 1, lang), year=f["year"])
    return out


def bullets(sentences: Mapping[str, str] | Sequence[str]) -> str:
    """Sentences as a Markdown bullet list (the summary reads faster that way)."""
    items = sentences.values() if isinstance(sentences, Mapping) else sentences
    return "\n".join(f"* {s}" for s in items)


def lac_sentence(facts: Mapping[str, Any], *, country_names: Mapping[str, str], lang: str) -> str:
    """The share of exports going to Latin America and the Caribbean, its source and the main partners."""
    return text("report.sum_lac", lang, share=fmt_percent(facts["lac_share"], 1, lang), source=_lac_source(facts, lang),
                partners=", ".join(_name(country_names, c) for c in facts["top_lac_partners"][:3]))


def partners_table(facts: Mapping[str, Any], *, country_names: Mapping[str, str], lac: Sequence[str], lang: str,
                   n: int = 10) -> pd.DataFrame:
    """The country's main destinations (share of its exports), flagged when in Latin America and the Caribbean."""
    p = facts["partners"].head(n)
    return pd.DataFrame({text("report.partner", lang): [_name(country_names, c) for c in p.index],
                         text("report.share_exports", lang): [fmt_percent(x, 1, lang) for x in p],
                         text("report.lac_flag", lang): [text("report.yes", lang) if c in set(lac) else ""
                                                         for c in p.index]})


def quadrant_names(lang: str) -> dict[str, str]:
    """The competitiveness quadrants (and "no data") in ``lang``: ECLAC TradeCAN's names."""
    from course_tools.methods.dynamics import QUADRANTS

    keys = ("rising star", "declining star", "missed opportunity", "retreat")
    out = {k: (QUADRANTS[k] if lang == "es" else k) for k in keys}
    out["no data"] = text("common.no_data", lang)
    return out


def lac_source(facts: Mapping[str, Any], lang: str) -> str:
    """Where the LAC share of exports comes from, in words."""
    return _lac_source(facts, lang)


def _lac_source(f: Mapping[str, Any], lang: str) -> str:
    return text(f"report.src_{f['lac_source']}", lang, year=f["lac_year"]) if f["lac_source"] != "gravity" \
        else text("report.src_gravity", lang)


def data_sentence(provenance: str, window: tuple[int, int] | None, weights_used: Mapping[str, str], lang: str) -> str:
    """Where the data come from, the window and which weights each list used."""
    files = {p for p in weights_used.values() if p != "default"}
    if not files:
        weights = text("report.weights_default", lang)
    else:
        lists = ", ".join(text(f"report.list_{n}", lang).lower() for n in LIST_NAMES if weights_used[n] != "default")
        weights = text("report.weights_file", lang, lists=lists, path=", ".join(sorted(files)))
    w = "–" if window is None else f"{window[0]}–{window[1]}"
    return text("report.sum_data", lang, provenance=provenance, window=w, weights=weights)


def source_line(provenance: Any, years: int | Sequence[int], lang: str) -> str:
    """One line under a section's title: the trade source of its numbers, its release and the year(s) used.

    ``provenance``: the panel's :class:`~course_tools.data.panel.Provenance`; ``years``: the year of the
    criteria, or the window ``(y0, y1)`` of the dynamics.
    """
    span = f"{years[0]}–{years[1]}" if isinstance(years, (tuple, list)) else str(int(years))
    key = "home.report_summary.source_line_release" if provenance.release else "home.report_summary.source_line"
    return text(key, lang, source=provenance.name(lang), release=provenance.release, years=span)


def list_title(name: str, lang: str) -> str:
    return text(f"report.list_{name}", lang)


def label_text(label: str, lang: str) -> str:
    return text(f"report.label_{label}", lang)


def _markets_text(markets: pd.DataFrame, product: str, country_names: Mapping[str, str], lang: str,
                  usd: bool) -> str:
    m = markets[(markets["product"].astype(str) == str(product)) & (markets["scope"] == "world")]
    parts = []
    for r in m.itertuples():
        who = _name(country_names, r.importer)
        parts.append(f"{who} ({fmt_usd(r.untapped, lang)})" if usd and pd.notna(r.untapped) else who)
    lac = markets[(markets["product"].astype(str) == str(product)) & (markets["scope"] == "lac")]
    if len(lac) and str(lac["importer"].iloc[0]) not in set(m["importer"].astype(str)):
        r = lac.iloc[0]
        who = _name(country_names, r["importer"])
        parts.append(f"{who} ({fmt_usd(r['untapped'], lang)})" if usd and pd.notna(r["untapped"]) else who)
    return "; ".join(parts)


def short_labels(lang: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Short names of the criteria for tables and figures (``report.short_<criterion>``), plus ``extra`` ones."""
    from course_tools.i18n import CATALOGUE

    out = {k[len("report.short_"):]: text(k, lang) for k in CATALOGUE if k.startswith("report.short_")}
    out.update(dict(extra or {}))
    return out


def criterion_value(criterion: str, value: float, lang: str) -> str:
    """A criterion's raw value as a reader reads it: USD, % a year, points, a share or a plain number."""
    if value is None or pd.isna(value):
        return "–"
    if criterion in ("untapped_potential", "export_value"):
        return f"USD {fmt_usd(value, lang)}"
    if criterion == "demand_growth":
        return text("report.unit_growth", lang, value=fmt_number(value, 1, lang))
    if criterion == "share_change":
        return text("report.unit_points", lang, value=fmt_signed(value, 2, lang))
    if criterion == "lac_demand_share":
        return fmt_percent(value, 1, lang)
    return fmt_number(value, 2, lang)


def why_text(row: pd.Series, criteria: Sequence[str], labels: Mapping[str, str], lang: str, n: int = 3) -> str:
    """The ``n`` criteria that contribute most to a niche's score, each with its raw value (largest first)."""
    contrib = {c: float(row.get(f"contrib_{c}", float("nan"))) for c in criteria}
    best = sorted((c for c in contrib if contrib[c] > 0), key=lambda c: -contrib[c])[:n]
    return "; ".join(f"{labels.get(c, c)} {criterion_value(c, row.get(c), lang)}" for c in best)


def list_top_table(top: pd.DataFrame, markets: pd.DataFrame, *, name: str, product_names: Mapping[str, str],
                   country_names: Mapping[str, str], lang: str, k: int, n: int | None = None,
                   why: bool = True, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The top niches of one list for a reader: rank, product, name, robustness, in top k, [why], best markets.

    ``top``: ``NicheList.top(k)`` (ranking rows with share_top_k and label); ``markets``: the model's
    markets table. Headers are in ``lang``; numbers formatted as text.
    """
    t = top if n is None else top.head(int(n))
    m = markets[markets["list"] == name]
    usd = name == "consolidate"
    out = pd.DataFrame({
        text("report.rank", lang): t["rank"].astype(int).to_numpy(),
        text("report.product", lang): t["product"].astype(str).to_numpy(),
        text("report.name", lang): [_name(product_names, p) for p in t["product"]],
        text("report.robustness_col", lang): [label_text(x, lang) for x in t["label"]],
        text("report.share_top", lang, k=k): [fmt_percent(x, 0, lang) for x in t["share_top_k"]],
    })
    if why:
        crit = [c[len("contrib_"):] for c in t.columns if str(c).startswith("contrib_")]
        lab = short_labels(lang, labels)
        out[text("report.why2", lang)] = [why_text(r, crit, lab, lang) for _, r in t.iterrows()]
    col = text("report.markets_col" if usd else "report.markets_col_div", lang)
    out[col] = [_markets_text(m, p, country_names, lang, usd) for p in t["product"]]
    return out


def list_rule_sentence(ranking: pd.DataFrame, drivers: pd.DataFrame, *, labels: Mapping[str, str], lang: str,
                       k: int) -> str:
    """How a list is defined and ranked, and which criteria drive its top k."""
    a = ranking.attrs
    op, v = a["rule"]
    weights = a.get("weights", {})
    total = sum(weights.values()) or 1.0
    wtxt = ", ".join(f"{labels.get(c, c)} {fmt_number(w / total, 2, lang)}" for c, w in weights.items())
    thr = a.get("thresholds", {})
    screens = ", ".join(f"{labels.get(c, c)} {_OPS.get(o, o)} {criterion_value(c, x, lang)}"
                        for c, (o, x) in thr.items()) or text("report.no_screens", lang)
    method = a.get("method", "rank")
    drv = ", ".join(f"{labels.get(r.criterion, r.criterion)} {fmt_percent(r.share, 0, lang)}"
                    for r in drivers.itertuples()) if len(drivers) else "–"
    return text("report.list_rule", lang, n=fmt_number(int(ranking["passes"].astype(bool).sum()), 0, lang),
                rule=f"{text('report.rca', lang)} {_OPS.get(op, op)} {fmt_number(v, 0, lang)}", screens=screens,
                weights=wtxt, method=text(f"report.method_{method}", lang), k=k, drivers=drv)


def markets_table(markets: pd.DataFrame, name: str, *, product_names: Mapping[str, str],
                  country_names: Mapping[str, str], lang: str, n_niches: int = 5) -> pd.DataFrame:
    """The markets of the first ``n_niches`` niches of one list, one row per market, headers in ``lang``."""
    m = markets[(markets["list"] == name) & (markets["niche_rank"] <= n_niches)]
    world = set(zip(m.loc[m["scope"] == "world", "product"], m.loc[m["scope"] == "world", "importer"]))
    m = m[(m["scope"] == "world") | ~pd.Series([(p, c) in world for p, c in zip(m["product"], m["importer"])],
                                                index=m.index)]
    usd = name == "consolidate"
    out = pd.DataFrame({
        text("report.niche_rank", lang): m["niche_rank"].astype(int).to_numpy(),
        text("report.product", lang): [f"{_name(product_names, p)} ({p})" for p in m["product"]],
        text("report.scope", lang): [text(f"report.scope_{s}", lang) for s in m["scope"]],
        text("report.market", lang): [_name(country_names, c) for c in m["importer"]],
        text("report.demand", lang): [fmt_usd(x, lang) for x in m["demand"]],
    })
    if usd:
        out[text("report.untapped", lang)] = [fmt_usd(x, lang) for x in m["untapped"]]
        out[text("report.actual", lang)] = [fmt_usd(x, lang) for x in m["actual"]]
    return out


def robustness_sentences(results: Mapping[str, Any], *, lang: str, k: int) -> list[str]:
    """The stated bar and design (variants per list), then the choice that moves each list most."""
    first = next(iter(results.values()))
    s = first.settings
    counts = "; ".join(f"{list_title(n, lang).lower()} {fmt_number(r.n_variants, 0, lang)}" for n, r in results.items())
    out = [text("report.robust_bar", lang, n=counts, w=s["n_weights"], seed=s["seed"], k=k,
                share=fmt_percent(s["robust_share"], 0, lang), p95=int(s["p95_factor"] * k),
                plausible=fmt_percent(s["plausible_share"], 0, lang))]
    for name, r in results.items():
        d = r.dimensions.iloc[0]
        out.append(text("report.robust_most", lang, title=list_title(name, lang).lower(),
                        dimension=text(f"report.dim_{d['dimension']}", lang),
                        effect=fmt_percent(float(d["main_effect"]), 0, lang), k=k))
    return out


def caveats(facts: Mapping[str, Any], *, name: str, notes: Sequence[Any], lists: Mapping[str, Any],
            potential: pd.DataFrame, sources: Mapping[str, str], product_names: Mapping[str, str], lang: str,
            k: int) -> list[str]:
    """What limits THIS country's results, most important first, then the proxies and the data's notes."""
    f = facts
    out = [text("report.cav_age", lang, year=f["year"])]
    if (f.get("primary_share") or 0) >= 0.5:
        out.append(text("report.cav_primary", lang, share=fmt_percent(f["primary_share"], 0, lang), name=name))
    if (f.get("top_share") or 0) >= 0.3:
        out.append(text("report.cav_concentration", lang, top=_name(product_names, f["top_product"]),
                        share=fmt_percent(f["top_share"], 0, lang)))
    out += _list_caveats(lists, potential, name=name, sources=sources, product_names=product_names, lang=lang, k=k)
    if f.get("atlas_eci") is not None:
        out.append(text("report.atlas_line", lang, name=name, atlas=fmt_number(f["atlas_eci"], 3, lang),
                        year=f["year"]))
    out += [n.in_lang(lang) if hasattr(n, "in_lang") else str(n) for n in notes]
    return out


def _list_caveats(lists: Mapping[str, Any], potential: pd.DataFrame, *, name: str, sources: Mapping[str, str],
                  product_names: Mapping[str, str], lang: str, k: int) -> list[str]:
    out = []
    for lname, lst in lists.items():
        top = lst.top(k)
        if len(top) and not (top["label"] == "robust").any():
            out.append(text("report.cav_none_robust", lang, title=list_title(lname, lang).lower()))
    cons = lists["consolidate"].top(k)
    if len(cons):
        cap = potential.groupby("product")["supply_capacity"].min()
        net = [p for p in cons["product"].astype(str) if cap.get(p, 1.0) < 1.0]
        if net:
            how = text("report.how_measured" if sources.get("potential") == "bilateral" else "report.how_estimated",
                       lang)
            out.append(text("report.cav_reexports", lang, name=name, how=how,
                            products=", ".join(f"{_name(product_names, p)} ({p})" for p in net)))
        small = cons[cons["export_value"] < 1e7]["product"].astype(str).tolist() if "export_value" in cons else []
        if small:
            out.append(text("report.cav_small_niches", lang, n=len(small),
                            products=", ".join(f"{_name(product_names, p)} ({p})" for p in small)))
    return out


_PRINT_CSS = """
<style>
.jp-OutputArea-output table, .jp-RenderedHTMLCommon table {font-size: 0.9rem; table-layout: auto;}
.jp-RenderedHTMLCommon td {white-space: normal !important; word-break: normal; overflow-wrap: break-word;
  max-width: 30rem; vertical-align: top;}
.jp-RenderedHTMLCommon th {white-space: normal !important; word-break: keep-all; overflow-wrap: normal;
  hyphens: none; vertical-align: bottom;}
@media print {
  @page {size: A4 landscape; margin: 12mm;}
  body, .jp-Notebook, .jp-Cell, .jp-OutputArea, .jp-OutputArea-output {margin: 0 !important; padding: 0 !important;
    width: auto !important; max-width: none !important; overflow: visible !important;}
  .jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser, footer, .modebar-container
    {display: none !important;}
  h1 {font-size: 20pt;} h2 {font-size: 15pt; break-after: avoid; page-break-after: avoid; margin-top: 10pt;}
  h2.nichos-new-page {break-before: page; page-break-before: always;}
  table, .plotly-graph-div, .js-plotly-plot, img, svg {break-inside: avoid; page-break-inside: avoid;}
  tr {break-inside: avoid; page-break-inside: avoid;}
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {font-size: 8.5pt; padding: 2pt 4pt;}
  a {color: inherit; text-decoration: none;}
}
</style>
"""


def print_style():
    """A print style sheet for the report page (A4 landscape, no code or prompts, nothing cut across pages,
    table cells wrap instead of being cut) as a displayable HTML object."""
    from IPython.display import HTML

    return HTML(_PRINT_CSS)
