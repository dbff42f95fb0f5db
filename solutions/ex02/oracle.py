"""The expected answers of ex02, from the raw files (csv module): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import csv

from course_tools.course.raw_tables import table, trade_by_reporter
from course_tools.paths import datasets_dir


def rows(country):
    """((product_code, value text), ...) of every row of ``country`` in the 2017 file, reported or not."""
    return trade_by_reporter(2017).get(country.lower(), ())


def saic_suppressed_share():
    """The share of Tamaulipas's 2023 SAIC rows of municipality 027 with a suppressed (blank) value."""
    path = datasets_dir() / "subnational_mexico_inegi_ce_tamaulipas" / "SAIC_Exporta_clean.csv"
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = [x for x in list(csv.reader(f))[1:] if x and x[0] == "2023" and x[2].startswith("027")]
    return sum(any(c.strip() == "" for c in x[4:11]) for x in r) / len(r)


def coverage_ratio(country):
    """``country``'s reported 2017 exports in the OTS table over its Atlas 2017 exports."""
    ots = sum(float(v) for _, v in rows(country) if v != "")
    atlas = [float(r["export_value"]) for r in table("trade_atlas_derived_panels_monicact/country_year_indicators.csv")
             if r["country_code"] == country and r["year"] == "2017"][0]
    return ots / atlas
