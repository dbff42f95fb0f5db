"""read_trade_file: a coordinator's own CSV/Excel file -> the tidy shape of load_trade.

Fixtures (``byod``: tests/data/fixtures/byod/, rebuilt by make_fixtures.py) hold real rows of the shipped
2017 table (Chile, HS 0302-0307 and 0804-0806), so the expected values are those of load_trade(2017)
(``chl_2017``, see conftest.py).
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_tools.data import DataValidationError, products, read_trade_file


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(got.columns) == ["year", "country", "product", "export_value"]
    got = got.sort_values("product").reset_index(drop=True)
    assert got["country"].tolist() == expected["country"].tolist()
    assert got["product"].tolist() == expected["product"].tolist()
    np.testing.assert_allclose(got["export_value"].to_numpy(), expected["export_value"].to_numpy(), rtol=0, atol=0.05)


def test_plain_csv(chl_2017, byod):
    got = read_trade_file(byod / "chl_2017_ok.csv", year=2017)
    check_same(got, chl_2017)
    assert got["year"].tolist() == [2017] * 9
    assert got["export_value"].dtype == "float64"
    assert got["export_value"].sum() == pytest.approx(8_857_670_104.0)  # the nine real rows, added by hand


def test_no_year_gives_missing_year(byod):
    got = read_trade_file(byod / "chl_2017_ok.csv")
    assert got["year"].isna().all() and str(got["year"].dtype) == "Int64"


def test_latin1_semicolon_titles_decimal_comma(chl_2017, byod):
    path = byod / "chl_2017_titles_latin1.csv"
    before = sha(path)
    got = read_trade_file(path, country_col="País", product_col="Código SA", value_col="Valor FOB (USD)",
                          decimal=",", thousands=".", year=2017)
    check_same(got, chl_2017)
    assert sha(path) == before  # the user's file is never written to


def test_european_numbers_without_decimal_argument_explain_the_fix(byod):
    with pytest.raises(DataValidationError) as err:
        read_trade_file(byod / "chl_2017_titles_latin1.csv", country_col="País", product_col="Código SA",
                        value_col="Valor FOB (USD)")
    msg = str(err.value)
    assert "chl_2017_titles_latin1.csv" in msg and "'Valor FOB (USD)'" in msg
    assert "line 5: '737.762.092,0'" in msg  # first data line after 3 title lines and the header
    assert "and 4 more" in msg and 'decimal=","' in msg


def test_excel_title_rows_numeric_codes_and_year_column(chl_2017, byod):
    path = byod / "chl_2017.xlsx"
    before = sha(path)
    got = read_trade_file(path, country_col="pais", product_col="sa4", value_col="valor", year_col="anio")
    check_same(got, chl_2017)  # 302 typed as a number comes back as '0302'
    assert got["year"].tolist() == [2017] * 9 and got["year"].dtype == "int64"
    assert sha(path) == before


def test_excel_unknown_sheet_lists_sheets(byod):
    with pytest.raises(DataValidationError, match="exportaciones"):
        read_trade_file(byod / "chl_2017.xlsx", sheet="Hoja1", country_col="pais", product_col="sa4",
                        value_col="valor")


def test_excel_error_uses_excel_row_numbers(tmp_path, byod):
    import openpyxl

    path = tmp_path / "copy.xlsx"
    shutil.copy(byod / "chl_2017.xlsx", path)
    wb = openpyxl.load_workbook(path)
    wb.active["D6"] = "n.d."  # 3rd data row (title, blank, header above)
    wb.save(path)
    with pytest.raises(DataValidationError) as err:
        read_trade_file(path, country_col="pais", product_col="sa4", value_col="valor")
    assert "row 6: 'n.d.'" in str(err.value) and "sheet 'exportaciones'" in str(err.value)


def test_missing_column_lists_what_was_found(byod):
    with pytest.raises(DataValidationError) as err:
        read_trade_file(byod / "chl_2017_ok.csv", value_col="valor_fob")
    msg = str(err.value)
    assert "['valor_fob']" in msg and "['country', 'product', 'export_value']" in msg


def test_not_available_text(tmp_path, byod):
    with pytest.raises(DataValidationError) as err:
        read_trade_file(byod / "bad_nd.csv")
    msg = str(err.value)
    assert "bad_nd.csv" in msg and "'export_value'" in msg and "line 4: 'n.d.'" in msg and "na_values" in msg
    got = read_trade_file(byod / "bad_nd.csv", na_values=["n.d."])
    assert got["export_value"].isna().sum() == 1 and np.isnan(got.loc[2, "export_value"])
    assert (got["export_value"] == 0).sum() == 0  # missing is not zero


def test_negative_value(byod):
    with pytest.raises(DataValidationError, match=r"(?s)1 negative.*line 6: '-86929457\.0'"):
        read_trade_file(byod / "bad_negative.csv")


def test_duplicate_key_names_both_lines(byod):
    with pytest.raises(DataValidationError) as err:
        read_trade_file(byod / "bad_duplicate.csv")
    msg = str(err.value)
    assert "line 3: 'CHL / 0303'" in msg and "line 11: 'CHL / 0303'" in msg


def test_unknown_country_codes(byod):
    with pytest.raises(DataValidationError) as err:
        read_trade_file(byod / "bad_country.csv")
    msg = str(err.value)
    assert "2 unknown country code(s)" in msg and "line 3: 'Chile'" in msg and "line 8: 'CL'" in msg


def test_unknown_product_code(byod):
    assert "8524" not in set(products("hs07", 4)["code"])  # HS2022 heading, not in HS2007
    with pytest.raises(DataValidationError, match=r"(?s)'product'.*line 10: '8524'"):
        read_trade_file(byod / "bad_product.csv")
    got = read_trade_file(byod / "bad_product.csv", classification="hs22")
    assert "8524" in set(got["product"])


def test_subtotal_rows_are_refused(byod):
    with pytest.raises(DataValidationError, match=r"(?s)different lengths.*line 8: '03'"):
        read_trade_file(byod / "bad_subtotal.csv")


def test_empty_files(byod):
    with pytest.raises(DataValidationError, match="empty.csv: the file is empty"):
        read_trade_file(byod / "empty.csv")
    with pytest.raises(DataValidationError, match=r"header \(line 1\) is followed by no data"):
        read_trade_file(byod / "header_only.csv")


def test_one_country_file(tmp_path, chl_2017, byod):
    path = tmp_path / "mine.csv"
    lines = (byod / "chl_2017_ok.csv").read_text().splitlines()
    path.write_text("\n".join(",".join(line.split(",")[1:]) for line in lines) + "\n", encoding="utf-8")
    got = read_trade_file(path, country_col=None, country="chl", year=2017)
    check_same(got, chl_2017)


def test_all_fixture_files_unchanged_after_reading(byod):
    before = {p.name: sha(p) for p in byod.iterdir() if p.is_file()}
    for p in byod.glob("*.csv"):
        try:
            read_trade_file(p)
        except DataValidationError:
            pass
    assert {p.name: sha(p) for p in byod.iterdir() if p.is_file()} == before
