"""Which data the report has for a country, and the rule that makes its data **too thin** for the full report.

**Too thin (rule).** The full report needs the complexity position and the niche ranking, which
need the country in the complexity sample: :func:`course_tools.indicators.filter_for_complexity`
drops reporters whose 2017 exports in the table are below USD 1 billion (the Atlas ranking rule,
Hausmann, Hidalgo et al. 2011, ch. 7). A country outside that sample, or with no reported 2017
exports, gets a short report: its export profile, what is missing and why, caveats and sources.
In the shipped data 8 of the 33 LAC countries are thin (ATG, BLZ, BRB, DMA, GRD, KNA, LCA, VCT).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from course_tools import i18n
from course_tools.course import CourseInputError
from course_tools.course.report.defaults import TRADE_YEAR
from course_tools.i18n import check_lang
from course_tools.views.format import fmt_usd
from course_tools.views.report import text

__all__ = ["country_code", "data_coverage", "thin_reasons"]


def country_code(country: str) -> str:
    """``country`` as an ISO3 code in capitals, if the course knows it; else :class:`CourseInputError`."""
    from course_tools import data

    code = str(country).strip().upper()
    if code not in set(data.countries()["iso3"]):
        raise CourseInputError(i18n.text("home.coverage.unknown_country", country=repr(country)))
    return code


def _complexity_exclusion(trade: pd.DataFrame, code: str, *, year: int, min_exports: float, lang: str,
                          country_col: str, value_col: str) -> str | None:
    """Why ``code`` is outside the complexity sample (None: it is in), from filter_for_complexity's report."""
    from course_tools.indicators import filter_for_complexity

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
        return text("reason_exports", lang, value=fmt_usd(exports, lang), year=year, minimum=fmt_usd(min_exports, lang))
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
    from course_tools import data

    check_lang(lang)
    code = country_code(country)
    trade = data.load_trade(year) if trade is None else trade
    trade_t0 = data.load_trade(year_t0) if trade_t0 is None else trade_t0
    gravity = data.load_gravity() if gravity is None else gravity
    country_year = data.load_country_year() if country_year is None else country_year

    rows = []
    mine = trade[(trade[country_col] == code) & (trade[value_col] > 0)]
    total = float(mine[value_col].sum())
    rows.append(("trade", text("cov_trade", lang, year=year), len(mine) > 0,
                 text("cov_trade_ok", lang, n=len(mine), value=fmt_usd(total, lang)) if len(mine)
                 else text("cov_trade_none", lang)))
    why = _complexity_exclusion(trade, code, year=year, min_exports=min_exports, lang=lang,
                                country_col=country_col, value_col=value_col)
    rows.append(("complexity", text("cov_complexity", lang, year=year), why is None,
                 text("yes", lang) if why is None else text("cov_complexity_out", lang, reason=why)))
    old = trade_t0[(trade_t0[country_col] == code) & (trade_t0[value_col] > 0)]
    rows.append(("trade_t0", text("cov_trade0", lang, year=year_t0), len(old) > 0,
                 text("cov_trade_ok", lang, n=len(old), value=fmt_usd(float(old[value_col].sum()), lang)) if len(old)
                 else text("cov_trade_none", lang)))
    in_gravity = bool((gravity["exporter"] == code).any())
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
