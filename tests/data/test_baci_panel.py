"""BACI releases as a trade panel (course_tools.data.baci.baci_panel, data.panel.read_baci), out of core with DuckDB.

Fixtures are written in the tests by tests/data/baci_fixtures.py from the shipped real tables:

- ``release17``: the real 2017 and 1980 values of CHL, ARG, USA and FRA for five HS 2007 headings
  (0806 grapes, 0810 other fruit, 2603 copper ores, 7403 refined copper, 8703 cars), spread over the
  importers USA, CHN, ARG, BRA, FRA with the real 2006 gravity shares;
- ``hs92``: the real Chile-Argentina HS6 flows of 2002 whose codes are HS 1992 codes.

Worked by hand (load_trade and load_gravity, rounded as shown):
Chile's 2017 exports of 0806 = USD 1,923,067,135 (load_trade); Chile's 2006 flows to the importers kept
(USD million): USA 10,291.0, CHN 5,688.9, FRA 2,652.782, BRA 3,198.77, ARG 845.7933, sum 22,677.2453: the
share to the USA is 10,291.0 / 22,677.2453 = 0.453803, so CHL -> USA 0806 = 1,923,067,135 x 0.453803
= USD 872,694,... (checked below to 1e-6).
HS92 300490 (CHL -> ARG 2002: USD 27,164) corresponds to HS 2007 3004 and 3006: 13,582 each;
850980 (USD 34,578) to 8508, 8509 and 8510: 11,526 each.
"""
from __future__ import annotations

import hashlib
import os
import zipfile

import pandas as pd
import pytest
from pytest import approx

from course_tools.data.baci import BaciFormatError, baci_panel
from course_tools.data.panel import read_baci
from tests.data.baci_fixtures import chl_arg_hs92, shares, spread_year, write_release

EXPORTERS = ["CHL", "ARG", "USA", "FRA"]
IMPORTERS = ["USA", "CHN", "ARG", "BRA", "FRA"]
HEADINGS = ["0806", "0810", "2603", "7403", "8703"]


@pytest.fixture(scope="module")
def years17():
    return {y: spread_year(y, EXPORTERS, IMPORTERS, HEADINGS) for y in (2017, 1980)}


@pytest.fixture()
def release17(tmp_path, years17):
    return write_release(tmp_path / "dl", {y: r for y, (r, _) in years17.items()})


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_zip_release_by_hand_and_cached_next_to_it(release17, years17):
    before = _digest(release17.parent)
    panel = read_baci(release17)
    assert panel.years == [1980, 2017] and panel.has_importers
    assert panel.provenance.source == "CEPII BACI" and panel.provenance.release == "V202401"
    assert panel.provenance.original_classification == "HS07"
    # every expected flow, in USD
    for year, (_, expected) in years17.items():
        got = panel.bilateral(year).astype({"exporter": str, "importer": str, "product": str})
        m = expected.merge(got, on=["exporter", "importer", "product"], suffixes=("_x", "_got"))
        assert len(m) == len(expected) == len(got)
        assert m["value_got"].to_numpy() == approx(m["value_x"].to_numpy(), rel=1e-6, abs=1.0)
    # by hand: Chile's grapes to the USA, 2017
    s = shares(EXPORTERS, IMPORTERS).set_index(["exporter", "importer"])["share"]
    assert s[("CHL", "USA")] == approx(10_291.0 / 22_677.2453)
    grapes = 1_923_067_135.0
    b = panel.bilateral(2017).set_index(["exporter", "importer", "product"])["value"]
    assert b[("CHL", "USA", "0806")] == approx(grapes * 10_291.0 / 22_677.2453, rel=1e-6)
    # exports summed over importers are the shipped values
    e = panel.exports(2017).set_index(["country", "product"])["export_value"]
    assert e[("CHL", "0806")] == approx(grapes, rel=1e-6)
    # cache next to the input, never inside it; the zip unchanged
    cached = list((release17.parent / f"{release17.name}.nichos").glob("*.parquet"))
    assert len(cached) == 2 and all("_hs07_4d_" in p.name for p in cached)
    assert {k: v for k, v in _digest(release17.parent).items() if not k.endswith(".parquet")} == before
    with zipfile.ZipFile(release17) as z:
        assert not [n for n in z.namelist() if "nichos" in n]


def test_the_cache_is_read_again_and_keyed_by_size_and_time(release17):
    first = read_baci(release17, years=[2017])
    folder = release17.parent / f"{release17.name}.nichos"
    (cached,) = folder.glob("*Y2017*.parquet")
    stamp = cached.stat().st_mtime_ns
    again = read_baci(release17, years=[2017])
    assert cached.stat().st_mtime_ns == stamp  # read, not rewritten
    pd.testing.assert_frame_equal(first.flows, again.flows)
    os.utime(release17, ns=(stamp + 10**9, stamp + 10**9))  # a new download: a new cache file
    read_baci(release17, years=[2017])
    assert len(list(folder.glob("*Y2017*.parquet"))) == 2


def test_folder_and_one_csv_and_release_country_codes(tmp_path, years17):
    rows17 = years17[2017][0]
    folder = write_release(tmp_path, {2017: rows17, 1980: years17[1980][0]}, layout="folder")
    p = baci_panel(folder, years=[2017])
    assert p.years == [2017] and (folder.parent / f"{folder.name}.nichos").is_dir()
    one = baci_panel(folder / "BACI_HS07_Y2017_V202401.csv", cache=False)
    pd.testing.assert_frame_equal(p.exports(2017), one.exports(2017))
    # 842 is the USA and 251 France in BACI (not M49 840 and 250): the release's file says so
    assert {"USA", "FRA"} <= set(one.flows["exporter"].astype(str))
    assert "USA" in one.provenance.note_texts("en")[2] or "country_codes" in one.provenance.note_texts("en")[2]


def test_hs92_release_is_converted_with_weights_that_keep_totals(tmp_path):
    rows = chl_arg_hs92(2002)
    z = write_release(tmp_path, {2002: rows}, hs="92", countries=["CHL", "ARG"])
    p = read_baci(z)
    assert p.provenance.original_classification == "HS92"
    total = rows["v"].round(3).sum() * 1000
    assert p.flows["value"].sum() == approx(total, rel=1e-9)  # nothing lost
    # the two real rows that split, alone in a year file: 27,164 -> 13,582 x 2; 34,578 -> 11,526 x 3
    two = rows[(rows["i"] == 152) & rows["k"].isin(["300490", "850980"])]
    assert sorted((two["v"] * 1000).round().tolist()) == [27_164, 34_578]
    q = read_baci(write_release(tmp_path / "two", {2002: two}, hs="92", countries=["CHL", "ARG"]))
    b = q.bilateral(2002).astype({"product": str}).set_index("product")["value"]
    assert b.to_dict() == approx({"3004": 13_582, "3006": 13_582, "8508": 11_526, "8509": 11_526, "8510": 11_526})
    assert any("1/n" in n for n in p.provenance.note_texts("en"))
    assert "HS92 converted to HS 2007" in p.provenance.describe("en")


@pytest.mark.parametrize("body, match", [
    ("t,i,j,k,v\n2017,152,32,80610,1.5\n", r"line 1: no column\(s\) \['q'\]"),
    ("t,i,j,k,v,q\n2017,152,32,80610,1.5,\n2017,152,32,80620,1.234.5,\n", r"column 'v'.*\n  line 3: '1.234.5'"),
    ("t,i,j,k,v,q\n2017,15x,32,80610,1.5,\n", r"column 'i'.*\n  line 2: '15x'"),
])
def test_bad_files_name_the_file_column_and_line(tmp_path, body, match):
    f = tmp_path / "BACI_HS07_Y2017_V202401.csv"
    f.write_text(body)
    (tmp_path / "country_codes_V202401.csv").write_text("country_code,country_iso3\n152,CHL\n32,ARG\n")
    with pytest.raises(BaciFormatError, match=match) as err:
        baci_panel(f)
    assert "BACI_HS07_Y2017_V202401.csv" in str(err.value) and "How to fix" in str(err.value)


def test_revisions_years_and_country_file_are_explained(tmp_path, years17):
    z = write_release(tmp_path / "a", {2017: years17[2017][0]}, hs="17")
    with pytest.raises(BaciFormatError, match="HS17 cannot be converted.*HS92"):
        baci_panel(z)
    z = write_release(tmp_path / "b", {2017: years17[2017][0]})
    with pytest.raises(BaciFormatError, match=r"no year\(s\) \[2023\].*\[2017\]"):
        baci_panel(z, years=[2023])
    f = tmp_path / "c" / "BACI_HS07_Y2017_V202401.csv"
    f.parent.mkdir()
    f.write_text("t,i,j,k,v,q\n2017,152,32,80610,1.5,\n")
    with pytest.raises(BaciFormatError, match="country_codes"):
        baci_panel(f)
    renamed = tmp_path / "c" / "exports.csv"
    renamed.write_text(f.read_text())
    with pytest.raises(BaciFormatError, match="pass hs="):
        baci_panel(renamed)
