"""The expected answers of ex05, from the raw files (csv module): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import math
from functools import cache

from course_tools.course.raw_tables import table, trade_by_reporter


@cache
def raw_exports():
    """{COUNTRY: {product: reported 2017 exports}} of every reporter (ISO3 in capitals). Do not change it."""
    out = {}
    for reporter, rows in trade_by_reporter(2017).items():
        for p, v in rows:
            if v not in ("", "NA"):
                c = out.setdefault(reporter.upper(), {})
                c[p] = c.get(p, 0.0) + float(v)
    return out


def raw_rca(x, country, reference):
    """{product: Balassa RCA of ``country``} against the total of the ``reference`` countries of ``x``."""
    tot_p = {}
    for c in reference:
        for p, v in x.get(c, {}).items():
            tot_p[p] = tot_p.get(p, 0.0) + v
    tot = math.fsum(tot_p.values())
    xc = x[country]
    tc = math.fsum(xc.values())
    return {p: (xc.get(p, 0.0) / tc) / (w / tot) for p, w in tot_p.items() if w > 0}


def rca_world(country):
    """:func:`raw_rca` of ``country`` against every reporter."""
    x = raw_exports()
    return raw_rca(x, country, list(x))


def names_es():
    """{HS heading: Spanish name} of the Growth Lab classification (headings that have one)."""
    return {q["code"]: q["name_es"] for q in table("classif_growthlab/hs92_atlas.csv", "utf-8-sig")
            if q["level"] == "4digit" and q["name_es"]}


def lac_members():
    """The ISO3 codes of the ECLAC member states."""
    return {q["iso3"].strip().upper() for q in table("lac_country_groups/lac_country_groups.csv")
            if q["eclac_member_state"].strip() in ("1", "1.0", "True", "true")}
