"""The country report (lesson L12, the capstone): run it for one country or for all of Latin America.

``lessons/12_country_report.ipynb`` is one notebook parameterised by ``COUNTRY`` (ISO3) and
``LANG`` (``"en"``/``"es"``); ``course report`` runs it (:mod:`course_tools.cli.report`). The
notebook uses ``from course_tools.course import report`` and finds here:

- ``defaults``   :data:`REPORT_NOTEBOOK`, :data:`TRADE_YEAR` (of the shipped tables)
- ``sources``    :func:`open_sources` (the trade panel: shipped, a BACI release or a customs file; a national
  input-output table, extra criteria, the weights of the two lists) and :func:`first_screen` (every source,
  release, year and proxy, in the report's language)
- ``model``      :func:`country_model`: the niche model for one country (criteria, the consolidate and
  diversify lists with their robustness, the markets of each niche) and the report's facts, computed once
- ``tables``     :func:`report_tables`, :func:`write_xlsx` (one workbook, a sheet per table) and
  :func:`write_dta` (Stata files)
- ``coverage``   :func:`data_coverage` (which data the report has for a country, and why some are missing)
  and :func:`thin_reasons`, the rule that makes a country's data **too thin** for the full report
- ``datasheet``  :func:`dataset_facts`: producer, licence, attribution and caveats of the datasets used,
  read from the datasheet ``datasets/README.md`` (never typed again in the report)
- ``batch``      :func:`run_report`, :func:`run_reports`, :func:`index_page`, :func:`error_page`
- from :mod:`course_tools.views.report` and :mod:`course_tools.views.format`: :func:`text` /
  :func:`heading` (section titles and short texts in English or Spanish, the ``report.*`` entries of the
  catalogue), :func:`table` and :func:`fmt_usd`

**Too thin (rule).** The full report needs the complexity position and the niche ranking, which
need the country in the complexity sample: :func:`course_tools.indicators.filter_for_complexity`
drops reporters whose 2017 exports in the table are below USD 1 billion (the Atlas ranking rule,
Hausmann, Hidalgo et al. 2011, ch. 7). A country outside that sample, or with no reported 2017
exports, gets a short report: its export profile, what is missing and why, caveats and sources.
In the shipped data 8 of the 33 LAC countries are thin (ATG, BLZ, BRB, DMA, GRD, KNA, LCA, VCT).
"""
from __future__ import annotations

from course_tools.course.report.batch import (
    ReportResult,
    error_page,
    index_page,
    report_name,
    run_report,
    run_reports,
)
from course_tools.course.report.coverage import country_code, data_coverage, thin_reasons
from course_tools.course.report.datasheet import dataset_facts
from course_tools.course.report.defaults import REPORT_NOTEBOOK, TRADE_YEAR
from course_tools.course.report.model import CountryModel, country_model, regional_facts
from course_tools.course.report.sources import ReportSources, first_screen, open_sources, parse_window
from course_tools.course.report.tables import report_tables, write_dta, write_xlsx
from course_tools.i18n import LANGS
from course_tools.views.format import fmt_usd
from course_tools.views.report import frame, heading, table, text

__all__ = [
    "LANGS", "REPORT_NOTEBOOK", "TRADE_YEAR", "ReportResult", "text", "heading", "fmt_usd", "table", "frame",
    "country_code", "CountryModel", "country_model", "regional_facts", "ReportSources", "open_sources",
    "first_screen", "parse_window",
    "report_tables", "write_xlsx", "write_dta",
    "data_coverage", "thin_reasons", "dataset_facts", "run_report", "run_reports", "index_page",
    "error_page", "report_name",
]
