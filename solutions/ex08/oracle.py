"""The expected answers of ex08 (course_tools' complexity on the 2017 table): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""
import json
from functools import cache

from course_tools.paths import datasets_dir

#: Values worked out once for two countries: diversity, ECI rank in LAC, top-density product, nodes present.
REFERENCE = {"MEX": {"d": 186, "r": 1, "p": "0809", "n": 156}, "JAM": {"d": 99, "r": 13, "p": "0804", "n": 76}}


@cache
def complexity_2017():
    """course_tools' complexity of the 2017 world table (reported flows, the Atlas filter). Do not change it."""
    from course_tools import data, indicators

    kept, _ = indicators.filter_for_complexity(data.load_trade(2017).dropna(subset=["export_value"]))
    return indicators.complexity(kept)


def lac_members():
    """The LAC countries of ``data.group_members("lac")``."""
    from course_tools import data

    return data.group_members("lac")


def product_space_nodes():
    """The HS headings (4 digits) of the Growth Lab product space layout."""
    with open(datasets_dir() / "product_space_growthlab" / "layout_HS.json", encoding="utf-8") as f:
        return [str(n["id"]).zfill(4) for n in json.load(f)["nodes"]]
