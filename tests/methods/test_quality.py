"""Unit tests of course_tools.methods.quality against small tables made of real rows, worked by hand.

Rows: Jamaica, HS 28xx, 2017 (datasets/trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv,
``awk -F, '$1=="jam" && substr($2,1,2)=="28"'``) and gravity flows of 2006
(datasets/trade_bilateral_gravity_hmr2006/gravity_zeros_2006.csv, columns iso_o, iso_d, flow).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pytest import approx

from course_tools.methods.quality import QualityInputError, coverage, mirror_comparison, quality_report, robust_outliers

JAM28 = [("2801", 2438.0), ("2802", np.nan), ("2804", 28154.0), ("2807", 35712.0), ("2815", 5980.0),
         ("2817", 633.0), ("2818", 694153762.0), ("2821", 1598.0), ("2826", 301.0), ("2832", 120.0),
         ("2833", 488569.0)]


def _jam(extra=()):
    rows = list(JAM28) + list(extra)
    return pd.DataFrame({"country": "JAM", "product": [p for p, _ in rows], "export_value": [v for _, v in rows]})


def test_robust_outliers_flags_alumina_only():
    # log10 of the 10 reported values: median 3.581865, MAD 0.91931;
    # 2818 (alumina): z = 0.6745 * (8.84145 - 3.581865) / 0.91931 = 3.859 > 3.5; next 2833: z = 1.546
    d = _jam()
    flags = robust_outliers(d["export_value"])
    assert list(d.loc[flags, "product"]) == ["2818"]
    assert not flags[d["export_value"].isna()].any()
    # stricter threshold k = 3.9 keeps it
    assert robust_outliers(d["export_value"], k=3.9).sum() == 0


def test_quality_report_counts():
    # one duplicated key (2804 twice) and one reported zero added; 1 NaN (2802)
    d = _jam(extra=[("2804", 28154.0), ("2803", 0.0)])
    r = quality_report(d, key=["country", "product"], value="export_value")
    row = r.iloc[0]
    assert row["rows"] == 13
    assert row["missing"] == 1
    assert row["zeros"] == 1
    assert row["negatives"] == 0
    assert row["duplicated_keys"] == 2
    # 11 positive values, median log10 = 3.77670 (5980), MAD 0.77610, z(2818) = 4.402; z(2833) = 1.662
    assert row["outliers"] == 1
    assert row["missing_share"] == approx(1 / 13)
    assert row["coverage"] == "country=1; product=12"


def test_quality_report_bad_input():
    with pytest.raises(QualityInputError, match="not in the table"):
        quality_report(_jam(), key=["reporter"], value="export_value")
    d = _jam().assign(export_value="x")
    with pytest.raises(QualityInputError, match="not numeric"):
        quality_report(d)


def test_coverage_ratio():
    d = _jam()
    # sum of reported values: 2438+28154+35712+5980+633+694153762+1598+301+120+488569 = 694717267
    ref = pd.DataFrame({"country": ["JAM", "CHL"], "export_value": [600_000_000.0, 1.0]})
    c = coverage(d, ref, on="country").set_index("country")
    assert c.loc["JAM", "total"] == 694_717_267.0
    assert c.loc["JAM", "ratio"] == approx(694_717_267 / 600_000_000)
    assert not c.loc["CHL", "in_data"] and c.loc["CHL", "in_reference"]
    assert math.isnan(c.loc["CHL", "ratio"])


GRAV = pd.DataFrame([("AFG", "JAM", 0.0), ("ARG", "CHL", 4843.9710000000005), ("CHL", "ARG", 845.7933),
                     ("CHL", "JAM", 12.606110000000001), ("JAM", "AFG", 0.0), ("JAM", "CHL", 1.5428270000000002),
                     ("JAM", "TTO", 19.8988), ("TTO", "JAM", 767.1356000000001)],
                    columns=["exporter", "importer", "flow"])


def test_mirror_comparison_pairs():
    m = mirror_comparison(GRAV).set_index(["exporter", "importer"])
    assert len(m) == 4
    # ARG->CHL 4843.971 vs CHL->ARG 845.7933: 3998.1777 / 5689.7643 = 0.70270
    assert m.loc[("ARG", "CHL"), "flow_ji"] == approx(845.7933)
    assert m.loc[("ARG", "CHL"), "asymmetry"] == approx(0.7026966, abs=1e-6)
    assert m.loc[("CHL", "JAM"), "asymmetry"] == approx(0.7819162, abs=1e-6)
    assert m.loc[("JAM", "TTO"), "asymmetry"] == approx(0.9494335, abs=1e-6)
    assert math.isnan(m.loc[("AFG", "JAM"), "asymmetry"])  # both directions 0


def test_mirror_comparison_missing_reverse_and_duplicates():
    m = mirror_comparison(GRAV.iloc[[3]])  # CHL->JAM only
    assert m["flow_ij"].tolist() == approx([12.60611]) and math.isnan(m["flow_ji"].iloc[0])
    with pytest.raises(QualityInputError, match="share an"):
        mirror_comparison(pd.concat([GRAV, GRAV.iloc[[0]]]))
