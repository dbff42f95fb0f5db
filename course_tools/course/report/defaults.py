"""The report's fixed choices: its notebook and the year of the shipped world trade table.

The niche lists' default weights and screens are those of :mod:`course_tools.methods.niche_lists`
(``CONSOLIDATE``, ``DIVERSIFY``); a coordinator's own come from the weights file saved in lesson L11
(``course report --weights``).
"""
from __future__ import annotations

from pathlib import Path

from course_tools.paths import LESSONS

__all__ = ["REPORT_NOTEBOOK", "TRADE_YEAR"]

#: The report notebook (lesson L12).
REPORT_NOTEBOOK: Path = LESSONS / "12_country_report.ipynb"
#: Year of the shipped world trade table (the report's default year).
TRADE_YEAR = 2017
