"""The expected answers of ex01, from the raw files (csv module): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
from course_tools.course.raw_tables import table, trade_by_reporter


def chapter_totals(year, country):
    """{HS chapter (2 digits): reported exports of ``country`` in ``year``}, chapters in file order."""
    out = {}
    for p, v in trade_by_reporter(year).get(country.lower(), ()):
        if v not in ("", "NA"):
            out[p[:2]] = out.get(p[:2], 0.0) + float(v)
    return out


def chapter_names_es():
    """{HS chapter: Spanish name} of the Growth Lab classification."""
    return {r["code"]: r["name_es"] for r in table("classif_growthlab/hs92_atlas.csv", "utf-8-sig")
            if r["level"] == "2digit"}


def partner_flows(country):
    """{destination: 2006 flow from ``country``} of the gravity table (reported flows, not to itself); a country
    not in the 2006 table gets Jamaica's, as the exercise does."""
    if country != "JAM" and not any(r["iso_o"] == country for r in table("trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv")):
        country = "JAM"
    to = {}
    for r in table("trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv"):
        if r["iso_o"] == country and r["iso_d"] != country and r["flow"] not in ("", "NA"):
            to[r["iso_d"]] = to.get(r["iso_d"], 0.0) + float(r["flow"])
    return to
