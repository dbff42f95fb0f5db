"""The expected answers of ex07, from the raw files (csv module): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import math
from functools import cache

from course_tools.course.raw_tables import table, trade_rows


@cache
def _by_product(year, country):
    x, w = {}, {}
    for c, p, v in trade_rows(year):
        v = 0.0 if v in ("", "NA") else float(v)
        w[p] = w.get(p, 0.0) + v
        if c.upper() == country:
            x[p] = x.get(p, 0.0) + v
    return x, w


def by_product(year, country):
    """(``country``'s exports, all reporters' exports) by HS 2007 heading in ``year``; not reported = 0."""
    x, w = _by_product(year, country)
    return dict(x), dict(w)


def _quadrants(country):
    """{product: (world share grew, country's market share grew, country's 2017 exports)} for the
    products the country exported in 1980 or 2017 and the world in both years."""
    x0, w0 = _by_product(1980, country)
    x1, w1 = _by_product(2017, country)
    m0, m1 = math.fsum(w0.values()), math.fsum(w1.values())
    out = {}
    for p in set(x0) | set(x1):
        a0, a1, b0, b1 = x0.get(p, 0.0), x1.get(p, 0.0), w0.get(p, 0.0), w1.get(p, 0.0)
        if (a0 > 0 or a1 > 0) and b0 > 0 and b1 > 0:
            out[p] = (b1 / m1 - b0 / m0 > 0, a1 / b1 - a0 / b0 > 0, a1)
    return out


def rising_stars(country):
    """How many products gained world share while ``country`` gained market share (1980-2017)."""
    return sum(grew and gained for grew, gained, _ in _quadrants(country).values())


def missed_opportunities(country):
    """{product: ``country``'s 2017 exports} of the products that gained world share while it lost share."""
    return {p: a1 for p, (grew, gained, a1) in _quadrants(country).items() if grew and not gained}


def competitiveness_effect(country):
    """Constant-market-share competitiveness effect of ``country``, 1980-2017 (reference: the rest of the world)."""
    x0, w0 = _by_product(1980, country)
    x1, w1 = _by_product(2017, country)
    r0 = {p: w0[p] - x0.get(p, 0.0) for p in w0}
    r1 = {p: w1.get(p, 0.0) - x1.get(p, 0.0) for p in set(w1) | set(w0)}
    grown = math.fsum((r1.get(p, 0.0) / r0[p] - 1.0) * v for p, v in x0.items() if v > 0)
    return math.fsum(x1.values()) - math.fsum(x0.values()) - grown


def eci(country):
    """{year: Atlas ECI of ``country``} from the country-year indicators."""
    return {r["year"]: float(r["eci"]) for r in table("trade_atlas_derived_panels_monicact/country_year_indicators.csv")
            if r["country_code"] == country}
