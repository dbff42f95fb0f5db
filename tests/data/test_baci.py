"""Tests of course_tools.data.baci on a small file in BACI's published layout built from shipped real data.

Fixtures ``baci_csv``, ``baci_zip`` (conftest.py): tests/data/fixtures/baci/ rebuilt by
tests/data/fixtures/baci/make_fixture.py from
datasets/trade_ots_bilateral_chl_arg/bilateral_chl_arg_hs6_2002.csv. Expected values worked with awk on that raw file
(first rows until 40 positive flows; value columns 5 = CHL exports to ARG, 6 = CHL imports from ARG)::

    awk -F, 'NR>1 { if(n>=40) exit; if($5+0>0){n++;e+=$5; if($5+0>mx){mx=$5+0;k=$4}} if($6+0>0){n++;m+=$6} }
        END{printf "%d %.0f %.0f %s %d\\n", n,e,m,k,mx}' bilateral_chl_arg_hs6_2002.csv
    # -> 41 3001035 910667 030213 1350251
"""
from __future__ import annotations

import zipfile

import pandas as pd
import pytest
from pytest import approx

from course_tools.data.baci import BaciFormatError, baci_to_parquet, baci_url, download_baci, read_baci


def test_url_pattern_of_cepii_releases():
    assert baci_url("202401", "92") == "https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS92_V202401.zip"
    assert baci_url("202501", 2).endswith("BACI_HS02_V202501.zip")
    with pytest.raises(ValueError, match="YYYYMM"):
        baci_url("2024", "92")
    with pytest.raises(ValueError, match="HS revision"):
        baci_url("202401", "88")


def test_read_baci_csv_values_from_the_raw_file(baci_csv):
    d = read_baci(baci_csv)
    assert list(d.columns) == ["year", "exporter", "importer", "product", "value", "quantity"]
    assert len(d) == 41
    assert set(d["year"]) == {2002}
    exp = d[(d["exporter"] == "152") & (d["importer"] == "032")]
    imp = d[(d["exporter"] == "032") & (d["importer"] == "152")]
    assert exp["value"].sum() == approx(3_001_035)
    assert imp["value"].sum() == approx(910_667)
    top = exp.loc[exp["value"].idxmax()]
    assert top["product"] == "030213" and top["value"] == approx(1_350_251)
    assert d["quantity"].isna().all()
    # published thousands of USD when usd=False
    assert read_baci(baci_csv, usd=False)["value"].sum() == approx(3_911.702)


def test_read_baci_zip_and_iso3_codes(baci_zip):
    codes = pd.DataFrame({"m49": ["032", "152"], "iso3": ["ARG", "CHL"]})
    d = read_baci(baci_zip, codes=codes)
    assert len(d) == 41
    assert set(d["exporter"]) == {"CHL", "ARG"}
    assert d.loc[d["exporter"] == "CHL", "value"].sum() == approx(3_001_035)
    with pytest.raises(BaciFormatError, match="no BACI year file"):
        read_baci(baci_zip, years=[2017])


def test_product_codes_keep_leading_zeros_even_if_written_as_numbers(tmp_path):
    f = tmp_path / "BACI_HS92_Y2017_V1.csv"
    f.write_text("t,i,j,k,v,q\n2017,152,32,10121,96.185,1.5\n")
    d = read_baci(f)
    assert d.loc[0, "product"] == "010121" and d.loc[0, "value"] == approx(96_185)
    assert d.loc[0, "quantity"] == approx(1.5)


def test_wrong_layout_is_explained(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("year,exporter,value\n2017,152,1\n")
    with pytest.raises(BaciFormatError, match=r"no column\(s\) \['t', 'i', 'j', 'k', 'v', 'q'\]|no column"):
        read_baci(f)
    with pytest.raises(FileNotFoundError, match="download_baci"):
        read_baci(tmp_path / "missing.csv")


def test_baci_to_parquet_roundtrip(tmp_path, baci_zip):
    paths = baci_to_parquet(baci_zip, tmp_path / "pq")
    assert [p.name for p in paths] == ["baci_2002.parquet"]
    back = pd.read_parquet(paths[0])
    assert len(back) == 41 and back["value"].sum() == approx(3_911_702)


def test_download_baci_from_a_local_file_url(tmp_path, baci_zip):
    url = baci_zip.resolve().as_uri()
    out = download_baci("000000", tmp_path / "dl", hs="02", url=url)
    assert out.name == "BACI_HS02_V000000.zip" and zipfile.is_zipfile(out)
    assert out.read_bytes() == baci_zip.read_bytes()
    assert not list((tmp_path / "dl").glob("*.part"))
    calls = []
    again = download_baci("000000", tmp_path / "dl", url=url, opener=lambda u: calls.append(u))
    assert again == out and calls == []  # kept, not downloaded again


def test_download_baci_default_url_uses_the_opener(tmp_path, baci_zip):
    seen = []

    def opener(u):
        seen.append(u)
        return open(baci_zip, "rb")

    out = download_baci("202401", tmp_path, opener=opener)
    assert seen == ["https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS92_V202401.zip"]
    assert out.name == "BACI_HS92_V202401.zip"


def test_download_baci_rejects_non_zip_and_network_errors(tmp_path):
    bad = tmp_path / "page.html"
    bad.write_text("<html>not found</html>")
    with pytest.raises(BaciFormatError, match="did not return a zip"):
        download_baci("202401", tmp_path / "a", url=bad.as_uri())
    assert not list((tmp_path / "a").iterdir())

    def offline(u):
        raise OSError("no network")

    with pytest.raises(OSError, match="internet connection"):
        download_baci("202401", tmp_path / "b", opener=offline)


def test_estimate_table_size_by_hand():
    from course_tools.data.baci import estimate_table_size
    # 200 x 200 x 5000 = 200,000,000 possible rows; x 25 years x 5 % = 250,000,000; x 40 bytes = 10 GB
    e = estimate_table_size(200, 200, 5000, 25, density=0.05, bytes_per_row=40)
    assert e["rows"] == approx(250_000_000) and e["gb"] == approx(10.0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        estimate_table_size(200, 200, 5000, density=5)
