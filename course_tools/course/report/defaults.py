"""The report's fixed choices: its notebook, the trade year, and the default niche weights and screen."""
from __future__ import annotations

from pathlib import Path

from course_tools.paths import LESSONS

__all__ = ["REPORT_NOTEBOOK", "TRADE_YEAR", "NICHE_WEIGHTS", "NICHE_THRESHOLDS"]

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
