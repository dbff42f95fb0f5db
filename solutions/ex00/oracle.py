"""The expected answers of ex00, from the raw 2017 file (csv module): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import math

from course_tools.course.raw_tables import trade_by_reporter


def rows(country):
    """((product_code, value text), ...) of every row of ``country`` in the 2017 file, reported or not."""
    return trade_by_reporter(2017).get(country.lower(), ())


def flows(country):
    """{product_code: value} of the reported rows of ``country`` in 2017."""
    return {p: float(v) for p, v in rows(country) if v not in ("", "NA")}


def total(country):
    """The sum of ``country``'s reported 2017 export values."""
    return math.fsum(float(v) for _, v in rows(country) if v not in ("", "NA"))


def top_product(country):
    """(the largest product of ``country`` in 2017, its share of the total)."""
    f = flows(country)
    top = max(f, key=f.get)
    return top, f[top] / math.fsum(f.values())


def product_names(code):
    """The English and Spanish names of HS product ``code`` in course_tools.data.products."""
    from course_tools import data

    names = set()
    for lang in ("en", "es"):
        try:
            p = data.products(level=4, lang=lang)
        except Exception:
            continue
        names |= set(p.loc[p["code"] == code, "name"])
    return names
