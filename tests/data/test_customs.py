"""A national customs file: read_trade_file's partner column, totals, national codes, and read_customs' panel.

The Paraguay-like file is written in the tests by tests/data/customs_fixtures.py from real rows: Paraguay's
2017 exports of ten headings (load_trade(2017); 0103 and 0104 not reported: ``s/d``) spread over its five
largest 2006 partners with the gravity shares, as 8-digit tariff lines, in the layout of the issue.

Worked by hand: Paraguay's 2006 flows (USD million) to ARG 505.1830, URY 462.2670, BRA 360.7813,
RUS 250.5822, CHL 181.9230 add up to 1,760.7365; soybeans 1201 = USD 2,269,187,... in 2017, so the rows
to Brazil add up to 2,269,187,... x 360.7813 / 1,760.7365 (two national lines, half each, written to
the cent). The file's total is the sum of its rows, rounded to the cent.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest
from pytest import approx

from course_tools import data
from course_tools.data import DataValidationError, read_trade_file
from course_tools.data.panel import read_baci, read_customs, shipped_panel
from course_tools.i18n import set_language
from tests.data.baci_fixtures import spread_year, write_release
from tests.data.customs_fixtures import PRY_HEADINGS, customs_rows, paraguay_customs, pry_2017

COLS = dict(partner_col="País de destino", product_col="NCM", value_col="Valor FOB (US$)", year=2017,
            decimal=",", thousands=".")


@pytest.fixture()
def pry_file(tmp_path):
    return paraguay_customs(tmp_path / "aduana")


def _sha(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_read_trade_file_partner_totals_national_lines(pry_file):
    before = _sha(pry_file)
    got = read_trade_file(pry_file, country_col=None, country="PRY", na_values=["s/d"], national_codes=True,
                          **COLS)
    assert _sha(pry_file) == before  # only read
    assert list(got.columns) == ["year", "country", "partner", "product", "export_value"]
    assert set(got["partner"]) == {"ARG", "URY", "BRA", "RUS", "CHL"}  # Spanish names -> ISO3
    assert got["product"].str.len().eq(6).all() and "120100" in set(got["product"])
    soy_bra = got.query("partner == 'BRA' and product == '120100'")["export_value"].item()
    soy = pry_2017().set_index("product").loc["1201", "export_value"]
    assert soy_bra == approx(soy * 360.7813 / 1_760.7365, abs=0.02)
    assert got.query("product == '010310'")["export_value"].isna().all()  # s/d: not reported, never 0
    notes = [str(n) for n in got.attrs["notes"]]
    assert notes[0].startswith("line 61: 'TOTAL GENERAL' is a total row")
    total = round(customs_rows()["value"].sum(), 2)
    assert f"{total:,.2f}" in notes[0]
    assert any("'Fuente: Dirección Nacional de Aduanas" in n for n in notes)
    assert any("11 national tariff line(s) of 8 digits" in n and "10 subheading(s)" in n for n in notes)


def test_national_codes_and_not_available_cells_are_explained(pry_file):
    with pytest.raises(DataValidationError) as err:
        read_trade_file(pry_file, country_col=None, country="PRY", **COLS)
    msg = str(err.value)
    assert "exportaciones_2017.csv, column 'Valor FOB (US$)'" in msg and "na_values=['s/d']" in msg
    with pytest.raises(DataValidationError) as err:
        read_trade_file(pry_file, country_col=None, country="PRY", na_values=["s/d"], **COLS)
    msg = str(err.value)
    assert "column 'NCM'" in msg and "national tariff lines (NCM, NALADISA" in msg and "line 6: '0103.10.10'" in msg
    assert "national_codes=True" in msg
    set_language("es")
    try:
        with pytest.raises(DataValidationError, match=r"(?s)columna 'NCM'.*líneas arancelarias nacionales.*"
                                                      r"línea 6.*Cómo corregirlo"):
            read_trade_file(pry_file, country_col=None, country="PRY", na_values=["s/d"], **COLS)
    finally:
        set_language(None)


def test_repeated_rows_refused_or_added_up(tmp_path, pry_file):
    lines = pry_file.read_bytes().decode("latin-1").splitlines()
    f = tmp_path / "twice.csv"
    f.write_bytes("\r\n".join(lines[:20] + [lines[17]] + lines[20:]).encode("latin-1"))  # one shipment twice
    kw = dict(country_col=None, country="PRY", na_values=["s/d"], national_codes=True, **COLS)
    with pytest.raises(DataValidationError, match=r"(?s)repeat the same.*line 18.*line 21"):
        read_trade_file(f, **kw)
    got = read_trade_file(f, sum_duplicates=True, **kw)
    once = read_trade_file(pry_file, **kw)
    key = ["partner", "product"]
    diff = got.set_index(key)["export_value"] - once.set_index(key)["export_value"]
    assert (diff.fillna(0) != 0).sum() == 1  # the row written twice counts twice
    assert any("added up (sum_duplicates=True)" in str(n) for n in got.attrs["notes"])


def test_unknown_partner_names_the_rows(tmp_path, pry_file):
    text = pry_file.read_bytes().decode("latin-1").replace(";Rusia;", ";Zonas francas;", 1)
    f = tmp_path / "zf.csv"
    f.write_bytes(text.encode("latin-1"))
    with pytest.raises(DataValidationError, match=r"(?s)'País de destino'.*1 unknown.*'Zonas francas'.*not a "
                                                  r"country"):
        read_trade_file(f, country_col=None, country="PRY", na_values=["s/d"], national_codes=True, **COLS)


def test_read_customs_over_the_shipped_world(pry_file):
    world = shipped_panel()
    before = _sha(pry_file)
    p = read_customs(pry_file, "PRY", world=world, classification="hs07", **COLS)
    assert _sha(pry_file) == before
    assert p.years == [2017] and not p.has_importers  # the rest of the world has no partners
    e = p.exports(2017)
    mine = e[e["country"] == "PRY"].set_index("product")["export_value"]
    real = pry_2017().set_index("product")["export_value"]
    assert sorted(mine.index) == sorted(PRY_HEADINGS)
    np.testing.assert_allclose(mine[real.index].to_numpy(), real.to_numpy(), rtol=1e-9, atol=0.1)  # NaN == NaN
    # every other exporter is the shipped table
    others = e[e["country"] != "PRY"].sort_values(["country", "product"]).reset_index(drop=True)
    shipped = data.load_trade(2017).query("country != 'PRY'").sort_values(["country", "product"])
    shipped = shipped.reset_index(drop=True)
    pd.testing.assert_frame_equal(others, shipped)
    b = p.bilateral(2017, "PRY").set_index(["importer", "product"])["value"]
    assert b[("BRA", "1201")] == approx(real["1201"] * 360.7813 / 1_760.7365, abs=0.02)
    d = p.provenance.describe("es")
    assert d.startswith("Comercio: archivo nacional de aduanas, 2017") and "exportaciones_2017.csv" in d
    assert any("del panel mundial: Comercio: tablas incluidas" in n for n in p.provenance.note_texts("es"))


def test_mixing_years_is_refused_unless_asked(pry_file):
    world = shipped_panel([1980])
    with pytest.raises(DataValidationError, match=r"year\(s\) 2017 are not in the world panel.*allow_mixed_years"):
        read_customs(pry_file, "PRY", world=world, classification="hs07", **COLS)
    p = read_customs(pry_file, "PRY", world=world, classification="hs07", allow_mixed_years=True, **COLS)
    assert p.years == [2017]
    assert any("YEARS MIXED" in n and "1980" in n for n in p.provenance.notes)
    usa80 = data.load_trade(1980).query("country == 'USA'")["export_value"].sum()
    assert p.exports(2017).query("country == 'USA'")["export_value"].sum() == approx(usa80)


def test_read_customs_over_a_baci_world_has_every_importer(tmp_path, pry_file):
    exporters, importers = ["CHL", "ARG", "BRA"], ["ARG", "URY", "BRA", "RUS", "CHL"]
    rows, _ = spread_year(2017, exporters, importers, PRY_HEADINGS)
    world = read_baci(write_release(tmp_path / "baci", {2017: rows}))
    p = read_customs(pry_file, "PRY", world=world, classification="hs07", **COLS)
    assert p.has_importers
    b = p.bilateral(2017)
    assert set(b["exporter"]) == {"CHL", "ARG", "BRA", "PRY"}
    assert "CEPII BACI" in p.provenance.note_texts("en")[-len(world.provenance.notes) - 1]
