"""The report's tables for the ministries that work in Excel or Stata: ``--xlsx`` and ``--dta``.

:func:`report_tables` gives the tables behind the report, with readable headers in the report's
language: the criteria table, each list's ranking with the contribution of every criterion, the
robustness (sensitivity) of both lists and which choice moves them, the markets of each niche, and the
sources and settings. :func:`write_xlsx` writes them to ONE workbook, a sheet each (openpyxl: bold
headers, column widths, the first row frozen); :func:`write_dta` writes one Stata file per table
(``pandas.DataFrame.to_stata``, version 118: Unicode), with short variable names and the readable
headers as variable labels.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd

from course_tools.i18n import text

__all__ = ["report_tables", "write_xlsx", "write_dta", "SHEETS"]

#: The tables, in the order of the workbook's sheets.
SHEETS = ("criteria", "consolidate", "diversify", "sensitivity", "choices", "markets", "sources")


def _labels(model: Any, lang: str) -> dict[str, str]:
    from course_tools.methods.criteria import criteria_catalogue

    cat = criteria_catalogue()
    out = dict(zip(cat["criterion"], cat[f"label_{lang}"]))
    if model.sources.extra is not None:
        extra = model.sources.extra.catalogue
        out.update(dict(zip(extra["criterion"], extra[f"label_{lang}"])))
    return out


def _ranking(model: Any, name: str, lang: str, names: pd.Series, labels: dict[str, str]) -> pd.DataFrame:
    lst = model.lists[name]
    r = lst.ranking
    rob = lst.robustness.products.set_index("product")
    crit = [c[len("contrib_"):] for c in r.columns if str(c).startswith("contrib_")]
    used = [c for c in r.attrs.get("weights", {})] + [c for c in r.attrs.get("thresholds", {})
                                                      if c not in r.attrs.get("weights", {})]
    out = pd.DataFrame({
        text("report.rank", lang): r["rank"].astype("Int64"),
        text("report.product", lang): r["product"].astype(str),
        text("report.name", lang): r["product"].astype(str).map(names).fillna(""),
        text("report.score", lang): r["score"].astype(float),
        text("report.xl_passes", lang): r["passes"].map({True: text("report.yes", lang),
                                                         False: text("report.no", lang)}),
        text("report.robustness_col", lang): r["product"].map(rob["label"]).map(
            lambda x: text(f"report.label_{x}", lang) if isinstance(x, str) else ""),
        text("report.share_top", lang, k=lst.robustness.k): r["product"].map(rob["share_top_k"]).astype(float),
        text("report.xl_p95", lang): r["product"].map(rob["rank_p95"]).astype(float),
    })
    for c in used:
        if c in r.columns:
            out[labels.get(c, c)] = r[c].astype(float)
    for c in crit:
        out[text("report.xl_contribution", lang, criterion=labels.get(c, c))] = r[f"contrib_{c}"].astype(float)
    out[text("report.why2", lang)] = r["why"].astype(str)
    return out


def _sensitivity(model: Any, lang: str, names: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, dims = [], []
    for name, lst in model.lists.items():
        p = lst.robustness.products
        p = p[p["share_top_k"] > 0]
        rows.append(pd.DataFrame({
            text("report.xl_list", lang): text(f"report.list_{name}", lang),
            text("report.product", lang): p["product"].astype(str),
            text("report.name", lang): p["product"].astype(str).map(names).fillna(""),
            text("report.xl_nominal", lang): p["nominal_rank"].astype("Int64"),
            text("report.share_top", lang, k=lst.robustness.k): p["share_top_k"].astype(float),
            text("report.xl_median", lang): p["median_rank"].astype(float),
            text("report.xl_p05", lang): p["rank_p05"].astype(float),
            text("report.xl_p95", lang): p["rank_p95"].astype(float),
            text("report.robustness_col", lang): [text(f"report.label_{x}", lang) for x in p["label"]],
        }))
        d = lst.robustness.dimensions
        dims.append(pd.DataFrame({
            text("report.xl_list", lang): text(f"report.list_{name}", lang),
            text("report.xl_choice", lang): [text(f"report.dim_{x}", lang) for x in d["dimension"]],
            text("report.xl_main_effect", lang): d["main_effect"].astype(float),
            text("report.xl_oat", lang): d["oat_mean_overlap"].astype(float),
            text("report.xl_variants", lang): lst.robustness.n_variants,
        }))
    return pd.concat(rows, ignore_index=True), pd.concat(dims, ignore_index=True)


def _markets(model: Any, lang: str, names: pd.Series, countries: pd.Series) -> pd.DataFrame:
    m = model.markets
    return pd.DataFrame({
        text("report.xl_list", lang): [text(f"report.list_{x}", lang) for x in m["list"]],
        text("report.niche_rank", lang): m["niche_rank"].astype(int),
        text("report.product", lang): m["product"].astype(str),
        text("report.name", lang): m["product"].astype(str).map(names).fillna(""),
        text("report.scope", lang): [text(f"report.scope_{x}", lang) for x in m["scope"]],
        text("report.rank", lang): m["rank"].astype(int),
        text("report.market", lang): m["importer"].astype(str),
        text("report.xl_market_name", lang): m["importer"].astype(str).map(countries).fillna(""),
        text("report.untapped", lang): m["untapped"].astype(float),
        text("report.potential", lang): m["potential"].astype(float),
        text("report.actual", lang): m["actual"].astype(float),
        text("report.demand", lang): m["demand"].astype(float),
    })


def report_tables(model: Any, lang: str = "en") -> dict[str, pd.DataFrame]:
    """The report's tables (keys :data:`SHEETS`), headers in ``lang``, numbers as numbers (not text)."""
    from course_tools import data
    from course_tools.course.report.sources import first_screen

    names = data.products("hs07", level=4, lang=lang).drop_duplicates("code").set_index("code")["name"]
    countries = data.countries(lang).set_index("iso3")["name"]
    labels = _labels(model, lang)
    crit = model.criteria
    criteria = pd.concat([pd.DataFrame({text("report.product", lang): crit.index.astype(str),
                                        text("report.name", lang): crit.index.astype(str).map(names).fillna("")}),
                          crit.reset_index(drop=True).rename(columns=labels)], axis=1)
    sens, choices = _sensitivity(model, lang, names)
    settings = first_screen(model.sources, model.year, model.window, lang) + model.inputs.note_texts(lang)
    sources = pd.DataFrame({text("report.xl_source", lang): settings})
    return {"criteria": criteria, "consolidate": _ranking(model, "consolidate", lang, names, labels),
            "diversify": _ranking(model, "diversify", lang, names, labels), "sensitivity": sens, "choices": choices,
            "markets": _markets(model, lang, names, countries), "sources": sources}


def write_xlsx(tables: dict[str, pd.DataFrame], path: str | Path, lang: str = "en") -> Path:
    """One workbook, one sheet per table (sheet names in ``lang``), bold headers, widths to fit, first row frozen."""
    from openpyxl.styles import Alignment, Font

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for key in SHEETS:
            df = tables[key]
            sheet = text(f"report.sheet_{key}", lang)[:31]
            df.to_excel(xl, sheet_name=sheet, index=False)
            ws = xl.sheets[sheet]
            ws.freeze_panes = "A2"
            for j, col in enumerate(df.columns, start=1):
                cell = ws.cell(row=1, column=j)
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                longest = max([len(str(col)) // 2] + [len(str(v)) for v in df[col].head(200)])
                ws.column_dimensions[cell.column_letter].width = max(8, min(60, longest + 2))
    return path


def _stata_name(header: str, used: set[str]) -> str:
    s = unicodedata.normalize("NFKD", str(header)).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9_]+", "_", s).strip("_").lower() or "v"
    if s[0].isdigit():
        s = "v_" + s
    s, base, i = s[:32], s[:29], 2
    while s in used:
        s, i = f"{base}_{i}", i + 1
    used.add(s)
    return s


def write_dta(tables: dict[str, pd.DataFrame], folder: str | Path, stem: str, lang: str = "en") -> list[Path]:
    """One Stata file per table, ``<folder>/<stem>.<table>.dta``: short variable names, headers as labels."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for key in SHEETS:
        df = tables[key].copy()
        used: set[str] = set()
        names = {c: _stata_name(c, used) for c in df.columns}
        for c in df.columns:
            if df[c].dtype == "Int64":
                df[c] = df[c].astype("float64")
            elif not pd.api.types.is_numeric_dtype(df[c]):
                df[c] = df[c].astype(str).fillna("")
        df = df.rename(columns=names)
        path = folder / f"{stem}.{key}.dta"
        df.to_stata(path, write_index=False, version=118, variable_labels={v: str(k)[:80] for k, v in names.items()},
                    data_label=text(f"report.sheet_{key}", lang)[:80])
        out.append(path)
    return out
