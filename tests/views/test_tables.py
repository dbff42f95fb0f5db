"""Tests of course_tools.views.tables against values worked by hand and from the raw CSV files with awk.

Raw numbers (T = datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv,
G = datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv)::

    awk -F, -v c=chl '$1==c && $3!="" {s[substr($2,1,2)]+=$3; t+=$3}
        END {for (k in s) printf "%s %.1f %.10f\\n", k, s[k], s[k]/t}' T | sort -k2,2 -g -r | head
    awk -F, -v c=chl '$1==c && $3!="" {s[substr($2,1,2)]++} END {print length(s)}' T
    awk -F, -v c=CHL '$1==c {n++; s+=$8} END {printf "%d %.6f\\n", n, s}' G
    awk -F, -v c=CHL '$1==c' G | sort -t, -k8,8 -g -r | head -10 | cut -d, -f2,8
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course_tools import data
from course_tools.views.tables import TableInputError, add_names, export_basket, top_partners

# --- hand-worked examples --------------------------------------------------------------------

def _toy_trade() -> pd.DataFrame:
    return pd.DataFrame({
        "year": 2017,
        "country": ["AAA", "AAA", "AAA", "AAA", "BBB"],
        "product": ["0101", "0102", "2603", "2701", "0101"],
        "export_value": [10.0, 30.0, 60.0, np.nan, 5.0],
    })


def test_export_basket_by_hand():
    # chapter 01 = 10 + 30 = 40, chapter 26 = 60, chapter 27 not reported (NaN) -> left out; total 100
    out = export_basket(_toy_trade(), "AAA", level=2)
    assert out["code"].tolist() == ["26", "01"]
    assert out["export_value"].tolist() == [60.0, 40.0]
    assert out["share"].tolist() == pytest.approx([0.6, 0.4])
    heads = export_basket(_toy_trade(), "aaa", level=4)  # lower case accepted
    assert heads["code"].tolist() == ["2603", "0102", "0101"]
    assert heads["share"].sum() == pytest.approx(1.0)


def test_export_basket_custom_column_names():
    toy = _toy_trade().rename(columns={"country": "iso", "product": "hs", "export_value": "usd"})
    out = export_basket(toy, "AAA", country_col="iso", product_col="hs", value_col="usd")
    assert out["export_value"].tolist() == [60.0, 40.0]


def test_export_basket_bad_input():
    with pytest.raises(TableInputError, match="level must be 2"):
        export_basket(_toy_trade(), "AAA", level=6)
    with pytest.raises(TableInputError, match="no rows for country 'ZZZ'"):
        export_basket(_toy_trade(), "ZZZ")
    with pytest.raises(TableInputError, match=r"no column\(s\) \['export_value'\]"):
        export_basket(_toy_trade().drop(columns="export_value"), "AAA")
    numeric = _toy_trade().assign(product=[101, 102, 2603, 2701, 101])
    with pytest.raises(TableInputError, match="not an HS code"):
        export_basket(numeric, "AAA")


def _toy_flows() -> pd.DataFrame:
    return pd.DataFrame({
        "exporter": ["AAA", "AAA", "AAA", "AAA", "AAA", "BBB"],
        "importer": ["BBB", "CCC", "DDD", "EEE", "AAA", "AAA"],
        "flow": [50.0, 30.0, 0.0, np.nan, 99.0, 7.0],
    })


def test_top_partners_by_hand():
    # AAA exports 50 + 30 + 0 = 80 (NaN skipped, the flow to itself ignored)
    out = top_partners(_toy_flows(), "AAA", n=2)
    assert out["partner"].tolist() == ["BBB", "CCC"]
    assert out["rank"].tolist() == [1, 2]
    assert out["share"].tolist() == pytest.approx([50 / 80, 30 / 80])
    assert out["cumulative_share"].tolist() == pytest.approx([50 / 80, 1.0])
    assert len(top_partners(_toy_flows(), "AAA", n=10)) == 3  # fewer partners than n


def test_top_partners_bad_input():
    with pytest.raises(TableInputError, match="positive whole number"):
        top_partners(_toy_flows(), "AAA", n=0)
    with pytest.raises(TableInputError, match="has no exports"):
        top_partners(_toy_flows(), "CCC")
    with pytest.raises(TableInputError, match=r"no column\(s\) \['flow'\]"):
        top_partners(_toy_flows().rename(columns={"flow": "value"}), "AAA")


def test_add_names_keeps_rows_and_order():
    names = pd.DataFrame({"code": ["01", "26", "26"], "name": ["Animals", "Ores", "dup"]})
    out = add_names(pd.DataFrame({"code": ["26", "99", "01"]}), names)
    assert out["name"].tolist()[0] == "Ores" and out["name"].tolist()[2] == "Animals"
    assert pd.isna(out["name"].iloc[1]) and len(out) == 3


# --- real data (numbers from the awk commands in the module docstring) ------------------------

@pytest.mark.parametrize("country, n_chapters, top, top_value, top_share, second", [
    ("CHL", 97, "26", 20_265_766_074.0, 0.2669507461, "74"),
    ("JAM", 95, "28", 694_850_387.0, 0.4088324980, "27"),
])
def test_export_basket_real(country, n_chapters, top, top_value, top_share, second):
    out = export_basket(data.load_trade(2017), country, level=2)
    assert len(out) == n_chapters
    assert out["code"].iloc[0] == top and out["code"].iloc[1] == second
    assert out["export_value"].iloc[0] == pytest.approx(top_value, rel=1e-12)
    assert out["share"].iloc[0] == pytest.approx(top_share, abs=1e-10)


def test_export_basket_headings_real():
    out = export_basket(data.load_trade(2017), "CHL", level=4)
    assert len(out) == 1154  # awk: 1154 reported rows of chl
    assert out["code"].iloc[0] == "2603" and out["export_value"].iloc[0] == 17_476_916_089.0
    assert math.isclose(out["export_value"].sum(), 75_915_749_884.0, rel_tol=1e-12)


@pytest.mark.parametrize("country, total, top10", [
    ("CHL", 62780.916514, [("USA", 10291.0), ("JPN", 6703.49), ("CHN", 5688.9), ("NLD", 4196.082),
                           ("KOR", 3745.753), ("BRA", 3198.77), ("ITA", 3093.629), ("MEX", 2716.74),
                           ("FRA", 2652.782), ("DEU", 2179.66)]),
    ("JAM", 2588.775332, [("USA", 659.9846), ("CAN", 405.95), ("CHN", 358.767), ("DEU", 253.253),
                          ("GBR", 239.906), ("NLD", 152.7339), ("NOR", 139.332), ("FRA", 77.0908),
                          ("VEN", 43.692), ("TJK", 39.9451)]),
])
def test_top_partners_real(country, total, top10):
    out = top_partners(data.load_gravity(), country, n=10)
    assert out["partner"].tolist() == [p for p, _ in top10]
    assert out["value"].tolist() == pytest.approx([v for _, v in top10], rel=1e-12)
    assert out["share"].tolist() == pytest.approx([v / total for _, v in top10], rel=1e-9)
