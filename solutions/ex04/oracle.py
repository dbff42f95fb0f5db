"""The expected answers of ex04, from the raw 2017 file (csv module): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import os

from course_tools.course.raw_tables import TRADE, trade_by_reporter
from course_tools.paths import datasets_dir


def rows(country):
    """((product_code, value text), ...) of every row of ``country`` in the 2017 file, reported or not."""
    return trade_by_reporter(2017).get(country.lower(), ())


def largest(country):
    """(product, value) of ``country``'s largest reported 2017 export."""
    best = max((r for r in rows(country) if r[1] != ""), key=lambda r: float(r[1]))
    return best[0], float(best[1])


def csv_bytes():
    """The size of the 2017 CSV file, in bytes."""
    return os.path.getsize(datasets_dir() / TRADE.format(year=2017))
