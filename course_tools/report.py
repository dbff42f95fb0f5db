"""The country report (lesson L12, the capstone): run it for one country or for all of Latin America.

``lessons/12_country_report.ipynb`` is one notebook parameterised by ``COUNTRY`` (ISO3) and
``LANG`` (``"en"``/``"es"``). This module holds what the notebook and the ``course report``
command need besides the lesson modules it calls:

* :func:`data_coverage` — which data the report has for a country, and why some are missing;
  :func:`thin_reasons` — the rule that makes a country's data **too thin** for the full report;
* :func:`dataset_facts` — producer, licence, attribution and caveats of the datasets used,
  read from the datasheet ``datasets/README.md`` (never typed again in the report);
* :func:`text` / :func:`heading` — section titles and short texts in English or Spanish;
* :func:`run_report`, :func:`run_reports`, :func:`index_page` and the CLI ``course report``.

**Too thin (rule).** The full report needs the complexity position and the niche ranking, which
need the country in the complexity sample: :func:`course_tools.indicators.filter_for_complexity`
drops reporters whose 2017 exports in the table are below USD 1 billion (the Atlas ranking rule,
Hausmann, Hidalgo et al. 2011, ch. 7). A country outside that sample, or with no reported 2017
exports, gets a short report: its export profile, what is missing and why, caveats and sources.
In the shipped data 8 of the 33 LAC countries are thin (ATG, BLZ, BRB, DMA, GRD, KNA, LCA, VCT).
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import pandas as pd

from .paths import LESSONS, ROOT, datasets_dir

__all__ = [
    "LANGS", "REPORT_NOTEBOOK", "TRADE_YEAR", "NICHE_WEIGHTS", "NICHE_THRESHOLDS", "ReportResult", "text",
    "heading", "fmt_usd", "table",
    "data_coverage", "thin_reasons", "dataset_facts", "run_report", "run_reports", "index_page",
    "error_page", "report_name", "register",
]

LANGS = ("en", "es")
#: The report notebook (lesson L12).
REPORT_NOTEBOOK: Path = LESSONS / "12_country_report.ipynb"
#: Year of the world trade table the report is built on.
TRADE_YEAR = 2017

#: Default weights of the niche ranking in the report: one criterion per group of the catalogue
#: (capacity, feasibility, value, dynamism, regional market), equal weights, the neutral choice
#: when there is no agreed basis for others (OECD/JRC 2008, *Handbook on Constructing Composite
#: Indicators*, ch. 1.6). The linkages are left out by default: the only input-output table
#: for most LAC countries is a proxy (Brazil 2000). Edit them in the notebook for your country.
NICHE_WEIGHTS: dict[str, float] = {"rca": 0.2, "density": 0.2, "pci": 0.2, "demand_growth": 0.2,
                                   "lac_demand_share": 0.2}
#: Default screen: the country already exports the product at least at half the world's intensity
#: (RCA >= 0.5: a revealed or emerging capacity that SMEs can build on).
NICHE_THRESHOLDS: dict[str, tuple[str, float]] = {"rca": (">=", 0.5)}

# --------------------------------------------------------------------------------------------
# texts in English and Spanish
# --------------------------------------------------------------------------------------------
_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Country report: {name}",
        "subtitle": "Productive niches for the SME programme · data year {year} · Nichos course",
        "thin_title": "This report is short: the data for {name} are too thin",
        "thin_body": ("The full report (complexity position, opportunities and the niche ranking) needs the "
                      "country in the complexity sample. Below: what is available, what is missing and why."),
        "coverage": "Data available for this report",
        "export_profile": "1. Export profile",
        "capacities": "2. Revealed capacities (RCA)",
        "regional": "3. Regional interdependence",
        "dynamics": "4. Dynamics",
        "complexity": "5. Complexity position and opportunities",
        "niches": "6. Niche ranking and its sensitivity",
        "caveats": "7. Data caveats",
        "sources": "8. Sources and licences",
        "skipped": "Section not available for {name}: {why}",
        "total": "Total exports {year}: USD {value} ({n} products with reported exports).",
        "top_products": "Top 10 products by export value",
        "top_rca": "Top products by revealed comparative advantage (share of exports ≥ {share})",
        "rca_counts": ("Products with RCA ≥ 1: {world} against the world, {lac} against Latin America "
                       "and the Caribbean."),
        "partners": "Latin American and Caribbean destinations ({year}, million USD)",
        "lac_share": "Share of exports going to the LAC partners in the data ({year}): {share}.",
        "quadrants": "Competitiveness matrix {y0}–{y1} (world market)",
        "eci_line": ("ECI {year} (course computation): {eci}; rank {rank} of {n} LAC countries and {wrank} of "
                     "{wn} in the world."),
        "eci_line_world": ("ECI {year} (course computation): {eci}; rank {wrank} of {wn} in the world ({name} is not "
                           "a Latin American and Caribbean country: the table ranks the {n} LAC countries)."),
        "opportunities": "Opportunities: products not yet exported with RCA ≥ 1, closest to current capacities",
        "niche_table": "Top niches (weights: {weights}; screen: {screen})",
        "niche_count": "{passing} of {n} products pass the screen and are ranked.",
        "why": "why (criteria that put it there)",
        "robust": ("Robust niches (in the top {k} in at least {share} of {n} rankings with perturbed weights and "
                   "thresholds): {list}"),
        "none_robust": ("No niche stays in the top {k} in {share} of the {n} perturbed rankings: present the "
                        "ranking as tentative."),
        "not_reported": ("In the {year} table {country} has {rows} product rows, {reported} with a reported value "
                         "and {empty} left empty: empty means no flow was reported (not reported), which is not "
                         "the same as zero; the course counts it as no exports for shares and RCA."),
        "dataset": "dataset", "producer": "producer", "licence": "licence", "attribution": "attribution",
        "item": "data", "available": "available", "detail": "detail", "yes": "yes", "no": "no",
        "product": "product", "name": "name", "export_value": "exports (USD)", "share": "share",
        "rca": "RCA", "rca_lac": "RCA vs LAC", "partner": "partner", "flow": "exports (million USD)",
        "intensity": "trade intensity", "quadrant": "quadrant", "n_products": "products",
        "density": "density", "pci": "PCI", "cog": "opportunity gain", "rank": "rank", "score": "score",
        "country": "country", "eci": "ECI", "diversity": "diversity",
        "cov_trade": "World trade table {year} (exports by product)",
        "cov_complexity": "Complexity sample {year} (ECI, density, niche ranking)",
        "cov_trade0": "World trade table {year} (dynamics)",
        "cov_gravity": "Bilateral flows {year} (regional partners)",
        "cov_atlas": "Atlas country panel 1995–2023 (ECI path)",
        "cov_trade_ok": "{n} products, USD {value}",
        "cov_trade_none": "no reported exports",
        "cov_complexity_out": "outside the sample: {reason}",
        "cov_gravity_none": "not in the gravity dataset",
        "cov_atlas_none": "no ECI in the panel",
        "cov_atlas_ok": "ECI for {n} years",
        "reason_exports": "exports of USD {value} in {year}, below the USD {minimum} minimum of the Atlas rankings",
        "reason_excluded": "not a country for complexity (territory or non-country code)",
        "reason_none": "no reported exports in {year}",
        "index_title": "Country reports: Latin America and the Caribbean",
        "status": "status", "ok": "full report", "thin": "short report (thin data)", "failed": "failed",
        "report": "report", "seconds": "seconds", "top_partner": "top LAC partner",
        "n_rca": "products with RCA ≥ 1", "eci_rank_lac": "ECI rank in LAC",
        "error_title": "The report for {name} could not be produced",
        "error_body": "The notebook stopped with the error below. Open the executed notebook to see the cell.",
        "generated": "Generated with the Nichos course (course report).",
        "non_commercial": ("The trade data ({datasets}) are licensed CC BY-NC 4.0: you may share and present this "
                           "report, with the attributions below, but not sell it or use it commercially."),
    },
    "es": {
        "title": "Informe de país: {name}",
        "subtitle": "Nichos productivos para el programa de pymes · datos de {year} · curso Nichos",
        "thin_title": "Este informe es breve: los datos de {name} son insuficientes",
        "thin_body": ("El informe completo (posición en complejidad, oportunidades y ranking de nichos) requiere que "
                      "el país esté en la muestra de complejidad. A continuación: qué datos hay, cuáles faltan y "
                      "por qué."),
        "coverage": "Datos disponibles para este informe",
        "export_profile": "1. Perfil exportador",
        "capacities": "2. Capacidades reveladas (VCR)",
        "regional": "3. Interdependencia regional",
        "dynamics": "4. Dinámica",
        "complexity": "5. Posición en complejidad y oportunidades",
        "niches": "6. Ranking de nichos y su sensibilidad",
        "caveats": "7. Advertencias sobre los datos",
        "sources": "8. Fuentes y licencias",
        "skipped": "Sección no disponible para {name}: {why}",
        "total": "Exportaciones totales {year}: USD {value} ({n} productos con exportaciones declaradas).",
        "top_products": "Los 10 principales productos por valor exportado",
        "top_rca": ("Principales productos por ventaja comparativa revelada (participación en exportaciones "
                    "≥ {share})"),
        "rca_counts": ("Productos con VCR ≥ 1: {world} frente al mundo, {lac} frente a América Latina y el "
                       "Caribe."),
        "partners": "Destinos en América Latina y el Caribe ({year}, millones de USD)",
        "lac_share": ("Participación de las exportaciones destinada a los socios de ALC en los datos ({year}): "
                      "{share}."),
        "quadrants": "Matriz de competitividad {y0}–{y1} (mercado mundial)",
        "eci_line": ("ICE {year} (cálculo del curso): {eci}; puesto {rank} de {n} países de ALC y {wrank} de {wn} "
                     "en el mundo."),
        "eci_line_world": ("ICE {year} (cálculo del curso): {eci}; puesto {wrank} de {wn} en el mundo ({name} no es "
                           "un país de América Latina y el Caribe: la tabla ordena los {n} países de ALC)."),
        "opportunities": ("Oportunidades: productos aún no exportados con VCR ≥ 1, más cercanos a las capacidades "
                          "actuales"),
        "niche_table": "Principales nichos (ponderaciones: {weights}; filtro: {screen})",
        "niche_count": "{passing} de {n} productos pasan el filtro y se ordenan.",
        "why": "por qué (criterios que lo ubican ahí)",
        "robust": ("Nichos robustos (en el top {k} en al menos {share} de {n} rankings con ponderaciones y "
                   "umbrales perturbados): {list}"),
        "none_robust": ("Ningún nicho se mantiene en el top {k} en el {share} de los {n} rankings perturbados: "
                        "presente el ranking como tentativo."),
        "not_reported": ("En la tabla de {year}, {country} tiene {rows} filas de productos, {reported} con valor "
                         "declarado y {empty} vacías: vacío significa que no se declaró flujo (no declarado), lo "
                         "que no es lo mismo que cero; el curso lo cuenta como sin exportaciones para "
                         "participaciones y VCR."),
        "dataset": "conjunto de datos", "producer": "productor", "licence": "licencia", "attribution": "atribución",
        "item": "datos", "available": "disponible", "detail": "detalle", "yes": "sí", "no": "no",
        "product": "producto", "name": "nombre", "export_value": "exportaciones (USD)", "share": "participación",
        "rca": "VCR", "rca_lac": "VCR frente a ALC", "partner": "socio", "flow": "exportaciones (millones de USD)",
        "intensity": "intensidad comercial", "quadrant": "cuadrante", "n_products": "productos",
        "density": "densidad", "pci": "ICP", "cog": "ganancia de oportunidad", "rank": "puesto",
        "score": "puntaje", "country": "país", "eci": "ICE", "diversity": "diversidad",
        "cov_trade": "Tabla mundial de comercio {year} (exportaciones por producto)",
        "cov_complexity": "Muestra de complejidad {year} (ICE, densidad, ranking de nichos)",
        "cov_trade0": "Tabla mundial de comercio {year} (dinámica)",
        "cov_gravity": "Flujos bilaterales {year} (socios regionales)",
        "cov_atlas": "Panel de países del Atlas 1995–2023 (trayectoria del ICE)",
        "cov_trade_ok": "{n} productos, USD {value}",
        "cov_trade_none": "sin exportaciones declaradas",
        "cov_complexity_out": "fuera de la muestra: {reason}",
        "cov_gravity_none": "no está en los datos de gravedad",
        "cov_atlas_none": "sin ICE en el panel",
        "cov_atlas_ok": "ICE de {n} años",
        "reason_exports": ("exportaciones de USD {value} en {year}, por debajo del mínimo de USD {minimum} de los "
                           "rankings del Atlas"),
        "reason_excluded": "no es un país para la complejidad (territorio o código que no es país)",
        "reason_none": "sin exportaciones declaradas en {year}",
        "index_title": "Informes de país: América Latina y el Caribe",
        "status": "estado", "ok": "informe completo", "thin": "informe breve (datos insuficientes)",
        "failed": "falló", "report": "informe", "seconds": "segundos", "top_partner": "principal socio en ALC",
        "n_rca": "productos con VCR ≥ 1", "eci_rank_lac": "puesto ICE en ALC",
        "error_title": "No se pudo producir el informe de {name}",
        "error_body": "El cuaderno se detuvo con el error de abajo. Abra el cuaderno ejecutado para ver la celda.",
        "generated": "Generado con el curso Nichos (course report).",
        "non_commercial": ("Los datos de comercio ({datasets}) tienen licencia CC BY-NC 4.0: puede compartir y "
                           "presentar este informe, con las atribuciones de abajo, pero no venderlo ni usarlo con "
                           "fines comerciales."),
    },
}


def _lang(lang: str) -> dict[str, str]:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'en' (English) or 'es' (español), not {lang!r}")
    return _TEXT[lang]


def text(key: str, lang: str = "en", **values: Any) -> str:
    """A report text in ``lang`` with its ``{placeholders}`` filled: ``text("title", "es", name="Perú")``."""
    t = _lang(lang)
    if key not in t:
        raise KeyError(f"no report text {key!r}; available keys: {sorted(t)}")
    return t[key].format(**values) if values else t[key]


def heading(key: str, lang: str = "en", level: int = 2, **values: Any):
    """A section title in ``lang`` as a displayable Markdown object (``level`` = number of ``#``)."""
    from IPython.display import Markdown

    return Markdown(f"{'#' * int(level)} {text(key, lang, **values)}")


def fmt_usd(value: float) -> str:
    """Money for a sentence: ``482.2 billion`` / ``624.5 million`` / ``41,000`` (English number style)."""
    v = float(value)
    if abs(v) >= 1e9:
        return f"{v / 1e9:,.1f} bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:,.1f} M"
    return f"{v:,.0f}"


def table(df: pd.DataFrame, columns: dict[str, str], lang: str = "en", *,
          formats: dict[str, str] | None = None):
    """A table for the report: the ``columns`` of ``df`` (name -> text key) with headers in ``lang``,
    no index, numbers formatted with ``formats`` (column -> format such as ``"{:,.0f}"`` or ``"{:.1%}"``).

    Returns a pandas ``Styler`` (it displays as an HTML table in the notebook and the exported page).
    """
    t = _lang(lang)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"table: no column(s) {missing} in the table; its columns are {list(df.columns)}")
    out = df[list(columns)].rename(columns={c: t.get(k, k) for c, k in columns.items()})
    fmt = {t.get(columns[c], columns[c]): f for c, f in (formats or {}).items() if c in columns}
    text_cols = [c for c in out.columns if not pd.api.types.is_numeric_dtype(out[c])]
    return (out.style.hide(axis="index").format(fmt, na_rep="–")
            .set_properties(subset=text_cols, **{"text-align": "left"})
            .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}]))


# --------------------------------------------------------------------------------------------
# what data a country has: the "too thin" rule
# --------------------------------------------------------------------------------------------
def _complexity_exclusion(trade: pd.DataFrame, code: str, *, year: int, min_exports: float, lang: str,
                          country_col: str, value_col: str) -> str | None:
    """Why ``code`` is outside the complexity sample (None: it is in), from filter_for_complexity's report."""
    from .indicators import filter_for_complexity

    exports = float(trade.loc[trade[country_col] == code, value_col].sum())
    if exports <= 0:
        return text("reason_none", lang, year=year)
    mine = trade[[country_col, "product", value_col]].dropna(subset=[value_col])
    # the country rules only: products rules are switched off (they do not decide which countries stay)
    _, report = filter_for_complexity(mine, country=country_col, value=value_col, min_exports=min_exports,
                                      exclude_products=None, min_cumulative_share=None,
                                      max_effective_exporters=None, max_ubiquity=None)
    rows = report[(report["unit"] == "country") & (report["code"].astype(str).str.upper() == code)]
    if rows.empty:
        return None
    reason = str(rows["reason"].iloc[0])
    if "export" in reason:
        return text("reason_exports", lang, value=fmt_usd(exports), year=year, minimum=fmt_usd(min_exports))
    return text("reason_excluded", lang)


def data_coverage(
    country: str,
    *,
    trade: pd.DataFrame | None = None,
    trade_t0: pd.DataFrame | None = None,
    gravity: pd.DataFrame | None = None,
    country_year: pd.DataFrame | None = None,
    year: int = TRADE_YEAR,
    year_t0: int = 1980,
    min_exports: float = 1e9,
    lang: str = "en",
    country_col: str = "country",
    value_col: str = "export_value",
) -> pd.DataFrame:
    """Which data the report has for ``country``: one row per input, with why it is missing.

    Inputs (loaded with :mod:`course_tools.data` when not given): the world trade table of ``year``
    (reported exports > 0), the complexity sample of that year (:func:`filter_for_complexity`
    country rules: exports >= ``min_exports`` and a country code), the trade table of ``year_t0``
    (dynamics), the 2006 gravity flows (regional partners) and the Atlas country panel (ECI path).
    Returns columns ``item`` (trade, complexity, trade_t0, gravity, atlas), ``label`` and
    ``detail`` (texts in ``lang``) and ``available`` (bool). ``attrs["thin"]`` is True when the
    report cannot be complete (see :func:`thin_reasons`), ``attrs["reasons"]`` the reasons.
    """
    from . import data

    _lang(lang)
    code = str(country).strip().upper()
    known = set(data.countries()["iso3"])
    if code not in known:
        raise ValueError(f"unknown country code {country!r}: use an ISO 3166 alpha-3 code in capitals such as "
                         f"'PER' (course_tools.data.countries() lists them)")
    trade = data.load_trade(year) if trade is None else trade
    trade_t0 = data.load_trade(year_t0) if trade_t0 is None else trade_t0
    gravity = data.load_gravity() if gravity is None else gravity
    country_year = data.load_country_year() if country_year is None else country_year

    rows = []
    mine = trade[(trade[country_col] == code) & (trade[value_col] > 0)]
    total = float(mine[value_col].sum())
    rows.append(("trade", text("cov_trade", lang, year=year), len(mine) > 0,
                 text("cov_trade_ok", lang, n=len(mine), value=fmt_usd(total)) if len(mine)
                 else text("cov_trade_none", lang)))
    why = _complexity_exclusion(trade, code, year=year, min_exports=min_exports, lang=lang,
                                country_col=country_col, value_col=value_col)
    rows.append(("complexity", text("cov_complexity", lang, year=year), why is None,
                 text("yes", lang) if why is None else text("cov_complexity_out", lang, reason=why)))
    old = trade_t0[(trade_t0[country_col] == code) & (trade_t0[value_col] > 0)]
    rows.append(("trade_t0", text("cov_trade0", lang, year=year_t0), len(old) > 0,
                 text("cov_trade_ok", lang, n=len(old), value=fmt_usd(float(old[value_col].sum()))) if len(old)
                 else text("cov_trade_none", lang)))
    in_gravity = code in set(gravity["exporter"])
    gyear = int(gravity["year"].iloc[0]) if "year" in gravity.columns and len(gravity) else 2006
    rows.append(("gravity", text("cov_gravity", lang, year=gyear), in_gravity,
                 text("yes", lang) if in_gravity else text("cov_gravity_none", lang)))
    eci = country_year.loc[(country_year["country"] == code), "eci"].dropna()
    rows.append(("atlas", text("cov_atlas", lang), len(eci) > 0,
                 text("cov_atlas_ok", lang, n=len(eci)) if len(eci) else text("cov_atlas_none", lang)))
    out = pd.DataFrame(rows, columns=["item", "label", "available", "detail"])
    out["item"] = out["item"].astype(str)
    out["available"] = out["available"].astype(bool)
    reasons = [f"{r.label}: {r.detail}" for r in out.itertuples() if r.item in ("trade", "complexity")
               and not r.available]
    out.attrs = {"country": code, "thin": bool(reasons), "reasons": reasons}
    return out


def thin_reasons(country: str, **kwargs: Any) -> list[str]:
    """Why the data of ``country`` are too thin for the full report (empty list: they are not).

    Thin = no reported exports in the trade year, or outside the complexity sample (exports below
    USD 1 billion, the Atlas ranking rule; see the module docstring). Keyword arguments go to
    :func:`data_coverage`.
    """
    return list(data_coverage(country, **kwargs).attrs["reasons"])


# --------------------------------------------------------------------------------------------
# sources, licences and caveats from the datasheet
# --------------------------------------------------------------------------------------------
_FIELD = re.compile(r"^\*\*(?P<name>[^*:]+?)(?: \([^)]*\))?:?\*\*:?\s*(?P<rest>.*)$")


def _plain(md: str) -> str:
    """Markdown inline text to plain text: no ``**``, no backticks, ``<url>`` -> url."""
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", md)
    s = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"\1", s)  # *italics*
    s = s.replace("`", "")
    s = re.sub(r"<(https?://[^>]+)>", r"\1", s)
    return " ".join(s.split())


def _sections(readme: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in readme.splitlines():
        m = re.match(r"^### `([^`]+)`", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        if line.startswith("## ") or line.startswith("### "):
            current = None
            continue
        if current is not None:
            out[current].append(line)
    return out


def _parse_section(lines: list[str]) -> dict[str, Any]:
    fields: dict[str, str] = {}
    caveats: list[str] = []
    name = None
    in_caveats = False
    for line in lines + [""]:
        m = _FIELD.match(line)
        if m:
            name = m.group("name").strip().lower()
            in_caveats = name == "caveats"
            if in_caveats:
                if m.group("rest").strip():
                    caveats.append(m.group("rest").strip())
                name = "caveats-inline" if m.group("rest").strip() else None
                continue
            fields[name] = m.group("rest").strip()
            continue
        stripped = line.strip()
        if stripped.startswith("---"):
            in_caveats, name = False, None
            continue
        if in_caveats:
            if stripped.startswith("- "):
                caveats.append(stripped[2:])
                name = "caveats-item"
            elif stripped and name in ("caveats-item", "caveats-inline") and not stripped.startswith("|"):
                caveats[-1] += " " + stripped
            elif not stripped:
                name = None if name == "caveats-inline" else name
            continue
        if name and stripped and not stripped.startswith(("|", "-", "#", ">")):
            fields[name] += " " + stripped
        else:
            name = None
    attribution = _plain(fields.get("attribution", ""))
    quoted = re.match(r'^"([^"]+)"', attribution)  # the text to copy is the quoted part
    return {
        "producer": _plain(fields.get("producer", "")),
        "licence": _plain(fields.get("licence", "")),
        "attribution": quoted.group(1) if quoted else attribution.strip('" '),
        "caveats": [_plain(c) for c in caveats],
    }


def dataset_facts(folders: Iterable[str] | None = None, *, readme: str | Path | None = None) -> pd.DataFrame:
    """Producer, licence, attribution and caveats of each dataset, read from ``datasets/README.md``.

    ``folders``: dataset folder names (e.g. ``"trade_ots_economiccomplexity"``); ``None`` = all.
    Returns columns ``dataset``, ``producer``, ``licence``, ``attribution`` (the text to copy) and
    ``caveats`` (a list of plain-text sentences), one row per folder in the order given.
    The datasheet is the single source of these facts, so the report never retypes them.
    """
    path = Path(readme) if readme is not None else datasets_dir() / "README.md"
    if not path.is_file():
        raise FileNotFoundError(f"dataset_facts: the datasheet {path} is missing (it ships with the course)")
    sections = _sections(path.read_text(encoding="utf-8"))
    wanted = list(sections) if folders is None else [str(f) for f in folders]
    unknown = [f for f in wanted if f not in sections]
    if unknown:
        raise ValueError(f"dataset_facts: no section for {unknown} in {path.name}; known datasets: {sorted(sections)}")
    rows = [{"dataset": f, **_parse_section(sections[f])} for f in wanted]
    return pd.DataFrame(rows, columns=["dataset", "producer", "licence", "attribution", "caveats"])


# --------------------------------------------------------------------------------------------
# running the report
# --------------------------------------------------------------------------------------------
@dataclass
class ReportResult:
    """What :func:`run_report` produced for one country.

    ``status`` is ``"ok"`` (full report), ``"thin"`` (short report: thin data) or ``"failed"``
    (an error page was written instead; ``error`` says why). ``html`` is the page written,
    ``notebook`` the executed notebook, ``records`` the values the notebook recorded.
    """

    country: str
    status: str
    html: Path | None
    seconds: float
    records: dict[str, Any] = field(default_factory=dict)
    notebook: Path | None = None
    error: str = ""
    size: int = 0


#: how each language is named on the index page's links, in its own language
_LANG_NAMES = {"en": "English", "es": "español"}


def report_name(country: str, lang: str) -> str:
    """File name of a country's report page: ``PRY.en.html``, ``PRY.es.html`` (one per language,
    so a run in one language never overwrites the other)."""
    return f"{str(country).strip().upper()}.{lang}.html"


def _country_label(code: str, lang: str) -> str:
    from . import data

    try:
        return data.country_name(code, lang)
    except ValueError:
        return code


def error_page(country: str, error: str, output: str | Path, *, lang: str = "en",
               notebook: str | Path | None = None) -> Path:
    """Write a small offline HTML page saying that the report of ``country`` failed, and why."""
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    name = _country_label(country, lang)
    where = f"<p><code>{html.escape(str(notebook))}</code></p>" if notebook else ""
    body = (f"<h1>{html.escape(text('error_title', lang, name=name))}</h1>"
            f"<p>{html.escape(text('error_body', lang))}</p>{where}"
            f"<pre>{html.escape(error)}</pre>")
    out.write_text(_page(text("error_title", lang, name=name), body, lang), encoding="utf-8")
    return out


_CSS = """body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2rem auto;max-width:72rem;
color:#222;padding:0 1rem}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid #ddd;
padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right}
tr.failed td{background:#fde8e8}tr.thin td{background:#fff7e0}pre{background:#f6f6f6;padding:1rem;overflow:auto;
white-space:pre-wrap}footer{margin-top:2rem;color:#666;font-size:.85rem}"""


def _page(title: str, body: str, lang: str) -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>{body}"
            f"<footer>{html.escape(text('generated', lang))}</footer></body></html>\n")


def run_report(
    country: str,
    *,
    lang: str = "en",
    output_dir: str | Path = "reports",
    notebook: str | Path | None = None,
    timeout: float = 600,
    hide_code: bool = True,
) -> ReportResult:
    """Run the report notebook for ``country`` and write ``<output_dir>/<ISO3>.<lang>.html``.

    The notebook runs offline with papermill (:func:`course_tools.runner.run_notebook`, parameters
    ``COUNTRY`` and ``LANG``); the executed notebook is kept in ``<output_dir>/notebooks/``
    (``<ISO3>.<lang>.ipynb``) and
    exported with :func:`course_tools.export.export_html` to one standalone HTML file (plotly
    embedded, code hidden). A failure does not raise: an error page is written and the result has
    ``status="failed"`` and the error. An unknown country code raises ``ValueError``.
    """
    from .runner import NotebookRunError, run_notebook

    _lang(lang)
    code = str(country).strip().upper()
    from . import data

    if code not in set(data.countries()["iso3"]):
        raise ValueError(f"unknown country code {country!r}: use an ISO 3166 alpha-3 code in capitals such as "
                         f"'PER' (course_tools.data.countries() lists them)")
    out_dir = Path(output_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    html_path = out_dir / report_name(code, lang)
    nb_path = out_dir / "notebooks" / f"{code}.{lang}.ipynb"
    source = Path(notebook) if notebook is not None else REPORT_NOTEBOOK
    start = time.perf_counter()
    try:
        nb, records = run_notebook(source, {"COUNTRY": code, "LANG": lang}, output_path=nb_path, timeout=timeout)
        from .export import export_html

        export_html(nb, html_path, hide_code=hide_code, title=text("title", lang, name=_country_label(code, lang)),
                    language=lang)
    except NotebookRunError as err:
        error_page(code, str(err), html_path, lang=lang, notebook=nb_path)
        return ReportResult(code, "failed", html_path, time.perf_counter() - start, dict(err.records),
                            nb_path if nb_path.exists() else None, error=str(err), size=html_path.stat().st_size)
    except Exception as err:  # an export problem: still one page per country, and the run goes on
        msg = f"{type(err).__name__}: {err}"
        error_page(code, msg, html_path, lang=lang, notebook=nb_path if nb_path.exists() else None)
        return ReportResult(code, "failed", html_path, time.perf_counter() - start, {},
                            nb_path if nb_path.exists() else None, error=msg, size=html_path.stat().st_size)
    status = "thin" if records.get("thin") else "ok"
    return ReportResult(code, status, html_path, time.perf_counter() - start, records, nb_path,
                        size=html_path.stat().st_size)


def run_reports(
    countries: Sequence[str],
    *,
    lang: str = "en",
    output_dir: str | Path = "reports",
    notebook: str | Path | None = None,
    timeout: float = 600,
    progress: bool = True,
    stream: Any = None,
) -> list[ReportResult]:
    """Run :func:`run_report` for each country (a tqdm progress bar on ``stream``, default stderr),
    going on after failures, then write ``<output_dir>/index.html`` (:func:`index_page`)."""
    from tqdm import tqdm

    results = []
    bar = tqdm(list(countries), desc="country reports", unit="country", file=stream or sys.stderr,
               disable=not progress, ascii=True, dynamic_ncols=False)
    for code in bar:
        bar.set_postfix_str(str(code))
        results.append(run_report(code, lang=lang, output_dir=output_dir, notebook=notebook, timeout=timeout))
    bar.close()
    index_page(results, Path(output_dir) / "index.html", lang=lang)
    return results


def _language_pages(r: ReportResult, folder: Path, lang: str) -> list[tuple[str, Path]]:
    """(language, page) of ``r``'s country: this run's page, then those of the other languages in ``folder``."""
    pages = [(lang, r.html)] if r.html else []
    for other in LANGS:
        page = folder / report_name(r.country, other)
        if other != lang and page.is_file():
            pages.append((other, page))
    return pages


def index_page(results: Sequence[ReportResult], output: str | Path, *, lang: str = "en") -> Path:
    """Write an offline HTML index: one row per country with its status, headline numbers and links.

    The report column links the page of this run and the country's page in the other language
    when it is in the same folder (``PRY.en.html`` · ``PRY.es.html``), current language first.
    """
    t = _lang(lang)
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    head = [t["country"], t["status"], t["export_value"], t["n_products"], t["n_rca"], t["eci_rank_lac"],
            t["top_partner"], t["report"], t["seconds"]]
    rows = []
    for r in results:
        rec = r.records
        total = rec.get("total_exports_usd")
        partners = rec.get("top5_lac_partners") or []
        rank = rec.get("eci_rank_lac")
        n_lac = rec.get("n_lac_ranked")
        link = " · ".join(
            f"<a href=\"{html.escape(p.name)}\" hreflang=\"{code}\">{html.escape(_LANG_NAMES[code])}</a>"
            for code, p in _language_pages(r, out.parent, lang))
        cells = [
            f"{html.escape(_country_label(r.country, lang))} ({r.country})",
            html.escape(t.get(r.status, r.status)) + (f"<br><small>{html.escape(r.error.splitlines()[0][:200])}"
                                                      f"</small>" if r.error else ""),
            f"<td class=\"num\">{'' if total is None else f'{total:,.0f}'}</td>",
            f"<td class=\"num\">{rec.get('n_products_exported', '')}</td>",
            f"<td class=\"num\">{rec.get('n_rca_world', '')}</td>",
            f"<td class=\"num\">{'' if rank is None else f'{rank} / {n_lac}'}</td>",
            html.escape(_country_label(partners[0], lang)) if partners else "",
            link,
            f"<td class=\"num\">{r.seconds:.1f}</td>",
        ]
        tds = "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells)
        rows.append(f"<tr class=\"{r.status}\" data-country=\"{r.country}\">{tds}</tr>")
    counts = {s: sum(r.status == s for r in results) for s in ("ok", "thin", "failed")}
    summary = " · ".join(f"{t[s]}: {n}" for s, n in counts.items())
    body = (f"<h1>{html.escape(t['index_title'])}</h1><p>{html.escape(summary)}</p>"
            f"<table><thead><tr>{''.join(f'<th>{html.escape(h)}</th>' for h in head)}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
    out.write_text(_page(t["index_title"], body, lang), encoding="utf-8")
    return out


# --------------------------------------------------------------------------------------------
# the `course report` command
# --------------------------------------------------------------------------------------------
_HELP = """Run the country report (lesson L12) and write one standalone HTML page per country.

The page opens offline in any browser (figures embedded, code hidden): present it as it is.
Examples:
  course report --country PER               reports/PER.en.html, names in English
  course report --country PER --lang es     reports/PER.es.html, names and titles in Spanish
  course report --all-lac                   the 33 Latin American and Caribbean countries + reports/index.html
                                            (the index links each country's pages in both languages)

A country whose data are too thin (not in the 2017 complexity sample: exports below USD 1 billion)
gets a short report that says which data are missing and why. With --all-lac a country that fails
gets an error page; the command goes on, lists the failures and exits with status 1.
"""


def _cmd_report(args: argparse.Namespace) -> int:
    from . import data

    out_dir = Path(args.output)
    if args.country:
        codes = [args.country.strip().upper()]
    else:
        codes = data.group_members("lac")
        if args.only:
            wanted = [c.strip().upper() for c in args.only.split(",") if c.strip()]
            unknown = sorted(set(wanted) - set(codes))
            if unknown:
                print(f"course report: {unknown} are not Latin American and Caribbean countries "
                      f"(the 33 ECLAC members: {', '.join(codes)})", file=sys.stderr)
                return 2
            codes = [c for c in codes if c in wanted]
    known = set(data.countries()["iso3"])
    bad = [c for c in codes if c not in known]
    if bad:
        print(f"course report: unknown country code {bad[0]!r}; use an ISO 3166 alpha-3 code in capitals "
              f"such as PER (python -c \"from course_tools import data; print(data.countries())\" lists them)",
              file=sys.stderr)
        return 2
    if args.country:
        r = run_report(codes[0], lang=args.lang, output_dir=out_dir, timeout=args.timeout)
        results = [r]
    else:
        results = run_reports(codes, lang=args.lang, output_dir=out_dir, timeout=args.timeout,
                              progress=not args.quiet)
    for r in results:
        if r.status != "failed":
            note = " (short report: the data are too thin)" if r.status == "thin" else ""
            print(f"{r.html}  {r.size / 1e6:.1f} MB, {r.seconds:.1f} s{note}")
    if not args.country:
        print(f"{out_dir / 'index.html'}  index of {len(results)} countries")
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(f"✗ {r.country}: {r.error.splitlines()[0] if r.error else 'failed'} (error page: {r.html})",
              file=sys.stderr)
    if failed:
        print(f"course report: {len(failed)} of {len(results)} report(s) failed: "
              f"{', '.join(r.country for r in failed)}", file=sys.stderr)
        return 1
    return 0


def register(subparsers: Any) -> None:
    """Add ``course report`` to the ``course`` command (called by :mod:`course_tools.cli`)."""
    p = subparsers.add_parser("report", help="country report (lesson L12) as a standalone HTML page",
                              description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--country", metavar="ISO3", help="the country, as an ISO3 code (e.g. PER, MEX, JAM)")
    who.add_argument("--all-lac", action="store_true",
                     help="every Latin American and Caribbean country (33), with an index page")
    p.add_argument("--only", help=argparse.SUPPRESS)  # --all-lac on a subset (tests): --only MEX,JAM
    p.add_argument("--lang", choices=LANGS, default="en", help="language of titles and names: en or es (default en)")
    p.add_argument("-o", "--output", default=str(ROOT / "reports"), metavar="DIR",
                   help="folder for the HTML pages (default: reports/ in the course folder)")
    p.add_argument("--timeout", type=float, default=600, help=argparse.SUPPRESS)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)
