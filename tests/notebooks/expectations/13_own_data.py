"""Expected values of lesson L13, your own data (lessons/13_own_data.ipynb): Paraguay and Jamaica.

The lesson writes PRACTICE files from the shipped tables (course_tools/data/practice.py) and reads them back, so
every value below follows from the raw files, worked out WITHOUT course_tools with the ``csv`` module:
T17 = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv (reporter_iso, product_code,
export_value_usd; empty/NA = not reported) and G = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv
(iso_o, iso_d, flow)::

    vals = {product: value for the country's rows of T17 with a value > 0}
    exports = sum(vals.values()); lines = 3 * len(vals)          # one customs line per heading and partner
    top = the 3 rows of G with iso_o == country, iso_d != country, flow > 0, sorted by (-flow, iso_d)
    partners = their iso_d; top_partner_share = top[0].flow / sum(top flows)

(three partners: practice.PARTNERS, which keeps the lesson's kernel well under 1 GB.)
Paraguay: 869 headings, USD 9,235,282,663, largest 1201 (soybeans); partners ARG URY BRA (the fourth would be RUS),
Argentina 38.034 %. Jamaica: 853 headings, USD 1,699,596,755, largest 2818 (alumina); partners USA CAN CHN (the
fourth would be DEU), the United States 46.324 %. Tolerances: the release writes v in thousands of USD with three
decimals (half a dollar per flow: at most 1.5 USD a heading over three partners, 0.5 x lines in all); the customs
file writes cents.
The criteria table has the 1,137 products of the cleaned 2017 complexity set (worked out in expectations/11_niches.py
and 12_country_report.py); both countries are in it (FOCUS is the country itself). With a BACI release the panel has
importers, so the LAC demand share and the untapped potential are measured ("bilateral"); neither country is a region
of the world input-output table 2000, so the linkages are Brazil's ("mrio_proxy"). The broken copy of the 2017 year
file has no column v: BACI's header check raises BaciFormatError.
"""
from __future__ import annotations

from pytest import approx

FACTS = {
    "PRY": {"headings": 869, "exports": 9_235_282_663.0, "top": "1201",
            "partners": ["ARG", "URY", "BRA"], "top_share": 0.3803426406229095},
    "JAM": {"headings": 853, "exports": 1_699_596_755.0, "top": "2818",
            "partners": ["USA", "CAN", "CHN"], "top_share": 0.4632440926577186},
}


def command(code: str, lang: str) -> str:
    return (f"course report --country {code} --trade BACI_HS07_VPRACTICE.zip --year 2017 --window 1980:2017 "
            f"--lang {lang} --xlsx")


def expected(code: str, f: dict) -> dict:
    lines = 3 * f["headings"]
    return {
        "customs_file": f"exportaciones_{code}_2017_PRACTICE.csv",
        "n_customs_lines": lines,
        "release": "VPRACTICE",
        "years": [1980, 2017],
        "exports_usd": approx(f["exports"], abs=0.5 * lines),
        "max_gap_usd": approx(0.75, abs=0.75),   # between 0 and 1.5 USD: three flows rounded to the dollar
        "partners": f["partners"],
        "top_partner_share": approx(f["top_share"], rel=1e-6),
        "customs_exports_usd": approx(f["exports"], abs=0.005 * lines),
        "broken_error": "BaciFormatError",
        "focus": code,
        "n_criteria_products": 1137,
        "sources": {"lac_demand": "bilateral", "potential": "bilateral", "linkages": "mrio_proxy",
                    "dynamics": "window"},
        "top_product": f["top"],
        "command": command(code, "en"),
    }


EXPECTATIONS: dict[str, dict[str, dict]] = {
    "lessons/13_own_data.ipynb": {
        code: {"parameters": {"COUNTRY": code}, "expected": expected(code, f),
               # the Spanish edition prints the command with --lang es
               "expected_es": {"command": command(code, "es")}}
        for code, f in FACTS.items()
    },
}
