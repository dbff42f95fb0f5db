"""Unit tests of course_tools.methods.concordances, on small tables worked by hand with real codes.

Real pairs taken from datasets/concordances_kim with awk:
  awk -F, 'NR>1 && substr($1,1,4)=="0101"{print $2","$4}' hs_isic4.csv | sort -u   # 0101 -> 0141, 0142, 0144
  awk -F, 'NR>1 && substr($1,1,4)=="2603"{print $2","$4}' hs_isic4.csv | sort -u   # 2603 -> 0729, 0990
  HS2007 2905 -> HS1992 1520 and 2905 (hs3_hs0.csv, 4-digit columns 2 and 5).
"""
from __future__ import annotations

import pandas as pd
import pytest
from pytest import approx

from course_tools.methods.concordances import ConcordanceError, check_totals, convert, split_counts, unmatched

CONC = pd.DataFrame({
    "hs07": ["0101", "0101", "0101", "2603", "2603", "0901"],
    "isic4": ["0141", "0142", "0144", "0729", "0990", "0127"],
    "weight": [1 / 3, 1 / 3, 1 / 3, 0.5, 0.5, 1.0],
})
DATA = pd.DataFrame({
    "country": ["CHL", "CHL", "CHL", "JAM"],
    "product": ["0101", "2603", "0901", "0101"],
    "export_value": [300.0, 1000.0, 50.0, 90.0],
})


def test_convert_applies_weights_by_hand():
    out = convert(DATA, CONC)
    assert list(out.columns) == ["country", "isic4", "export_value"]
    got = {(r.country, r.isic4): r.export_value for r in out.itertuples()}
    # 300/3 = 100 for each of 0141, 0142, 0144; 1000/2 = 500 for 0729 and 0990; 0901 -> 0127 whole; JAM 90/3 = 30
    assert got == approx({("CHL", "0127"): 50.0, ("CHL", "0141"): 100.0, ("CHL", "0142"): 100.0,
                          ("CHL", "0144"): 100.0, ("CHL", "0729"): 500.0, ("CHL", "0990"): 500.0,
                          ("JAM", "0141"): 30.0, ("JAM", "0142"): 30.0, ("JAM", "0144"): 30.0})
    assert out.attrs["unmatched_value"] == 0.0


def test_totals_preserved_and_naive_merge_double_counts():
    out = convert(DATA, CONC)
    tot = check_totals(DATA, out, by=["country"])
    assert tot["before"].tolist() == approx([1350.0, 90.0])
    assert tot["after"].tolist() == approx([1350.0, 90.0])
    assert tot["preserved"].all()
    naive = DATA.merge(CONC, left_on="product", right_on="hs07")  # no weights
    bad = check_totals(DATA, naive, by=["country"])
    # CHL: 300*3 + 1000*2 + 50 = 2950 instead of 1350; JAM 90*3 = 270
    assert bad["after"].tolist() == approx([2950.0, 270.0])
    assert not bad["preserved"].any()
    with pytest.raises(ConcordanceError, match="double counts"):
        check_totals(DATA, naive, by=["country"], strict=True)


def test_check_totals_overall():
    t = check_totals(DATA, DATA.assign(export_value=DATA["export_value"] * 2))
    assert t.loc[0, "before"] == approx(1440.0) and t.loc[0, "difference"] == approx(1440.0)
    assert not bool(t.loc[0, "preserved"])


def test_unmatched_raise_drop_keep():
    data = pd.concat([DATA, pd.DataFrame({"country": ["CHL"], "product": ["7204"],
                                          "export_value": [25.0]})], ignore_index=True)
    with pytest.raises(ConcordanceError, match=r"7204.*|worth 25"):
        convert(data, CONC)
    dropped = convert(data, CONC, unmatched_codes="drop")
    assert dropped.attrs["unmatched_value"] == 25.0 and dropped.attrs["unmatched_codes"] == ["7204"]
    assert dropped["export_value"].sum() == approx(1440.0)
    kept = convert(data, CONC, unmatched_codes="keep")
    assert kept["export_value"].sum() == approx(1465.0)
    row = kept[kept["isic4"] == "unmatched"]
    assert row["country"].tolist() == ["CHL"] and row["export_value"].tolist() == [25.0]
    assert unmatched(data, CONC)["product"].tolist() == ["7204"]


def test_missing_values_are_left_out():
    data = DATA.assign(export_value=[300.0, float("nan"), 50.0, 90.0])
    out = convert(data, CONC)
    assert not out["isic4"].isin(["0729", "0990"]).any()
    assert out["export_value"].sum() == approx(440.0)


def test_bad_weights_and_columns_raise():
    with pytest.raises(ConcordanceError, match="do not sum to 1"):
        convert(DATA, CONC.assign(weight=1.0))
    with pytest.raises(ConcordanceError, match="no column"):
        convert(DATA, CONC, code="hs6")
    with pytest.raises(ConcordanceError, match="unmatched_codes"):
        convert(DATA, CONC, unmatched_codes="ignore")
    with pytest.raises(ConcordanceError, match="numeric"):
        convert(DATA.assign(export_value=["1"] * 4), CONC)


def test_split_counts():
    s = split_counts(CONC)
    assert dict(zip(s["hs07"], s["n_targets"])) == {"0101": 3, "0901": 1, "2603": 2}


def test_real_concordance_hs07_hs92_split():
    from course_tools import data
    c = data.concordance("hs07", "hs92")
    row = c[c["hs07"] == "2905"]
    assert row["hs92"].tolist() == ["1520", "2905"] and row["weight"].tolist() == approx([0.5, 0.5])
    out = convert(pd.DataFrame({"product": ["2905"], "export_value": [10.0]}), c, by=[])
    assert out["export_value"].tolist() == approx([5.0, 5.0])
