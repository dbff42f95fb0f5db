"""The country report (lesson L12, the capstone): run it for one country or for all of Latin America.

``lessons/12_country_report.ipynb`` is one notebook parameterised by ``COUNTRY`` (ISO3) and
``LANG`` (``"en"``/``"es"``); ``course report`` runs it (:mod:`course_tools.cli.report`). The
notebook uses ``from course_tools.course import report`` and finds here:

- ``defaults``   :data:`REPORT_NOTEBOOK`, :data:`TRADE_YEAR`, the default niche :data:`NICHE_WEIGHTS` and
  :data:`NICHE_THRESHOLDS`
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
from course_tools.course.report.defaults import NICHE_THRESHOLDS, NICHE_WEIGHTS, REPORT_NOTEBOOK, TRADE_YEAR
from course_tools.i18n import LANGS
from course_tools.views.format import fmt_usd
from course_tools.views.report import heading, table, text

__all__ = [
    "LANGS", "REPORT_NOTEBOOK", "TRADE_YEAR", "NICHE_WEIGHTS", "NICHE_THRESHOLDS", "ReportResult", "text",
    "heading", "fmt_usd", "table", "country_code",
    "data_coverage", "thin_reasons", "dataset_facts", "run_report", "run_reports", "index_page",
    "error_page", "report_name",
]
