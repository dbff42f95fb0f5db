"""read_trade_file: a coordinator's own trade table (CSV or Excel) in the tidy shape of ``load_trade``."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from course_tools.data._common import DataValidationError, as_text
from course_tools.data.own_files import validation
from course_tools.data.own_files.grid import DataRows, data_rows, read_grids

__all__ = ["read_trade_file"]


def _year_values(rows: DataRows, year_col: str | None, year: int | None) -> pd.api.extensions.ExtensionArray:
    """The year column, else ``year`` on every row, else a missing year (<NA>)."""
    if year_col is not None:
        return validation.years(rows, year_col)
    if year is not None:
        return pd.array([int(year)] * len(rows), dtype="int64")
    return pd.array([pd.NA] * len(rows), dtype="Int64")


def read_trade_file(
    path: str | Path,
    *,
    country_col: str | None = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    year_col: str | None = None,
    country: str | None = None,
    year: int | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str = ".",
    thousands: str | None = None,
    na_values: Sequence[str] = (),
    classification: str | None = "hs07",
    value_name: str = "export_value",
) -> pd.DataFrame:
    """Read your own trade file (CSV or Excel) into the tidy shape of :func:`~course_tools.data.load_trade`.

    Returns columns year, country (ISO3 upper case), product (code as text, zero-padded),
    ``value_name`` (float; empty cells are NaN = not reported, never 0). The file is only read.

    - CSV/TXT in UTF-8 or Latin-1/Windows-1252 (detected; or pass ``encoding``), separated by
      ``,`` ``;`` tab or ``|`` (detected; or pass ``delimiter``); Excel ``.xlsx``/``.xls``
      (``sheet`` = name or 0-based position, default the first sheet).
    - Title lines above the table are fine: the header is the first row (of the first 50) that
      contains all the column names you pass.
    - ``decimal=","`` and ``thousands="."`` read numbers such as ``1.234,5``; ``na_values`` lists
      texts meaning "not available" (read as NaN).
    - No country column (a file of your own country's exports)? pass ``country_col=None,
      country="CHL"``. No year column? pass ``year=2022`` (else year is missing, <NA>).
    - Product codes: dots and spaces are removed ('0101.10' -> '010110'); for HS, a code with an
      odd number of digits gets its leading zero back (Excel drops it: 101 -> '0101'). Codes are
      checked against :func:`~course_tools.data.products` of ``classification`` (None: not checked).

    Raises :class:`~course_tools.data.DataValidationError` naming the file, the column and the first
    offending rows (line numbers as in a text editor, row numbers as in Excel) for: an empty file, a
    missing column, a non-numeric or negative value, an unknown country or product code, codes of
    mixed lengths (subtotal rows), a bad year, a duplicated (country, product[, year]).

    The steps, one module each in :mod:`course_tools.data.own_files`: decoding (encoding, delimiter),
    the grid (header row among title rows, data rows under it), validation (one rule per column).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found (check the folder and the name, with its extension)")
    required = [c for c in (country_col, product_col, value_col, year_col) if c is not None]
    if country_col is None and not country:
        raise DataValidationError("pass country_col= (the column with ISO3 codes) or country='XXX' for a "
                                  "one-country file")
    grids, place = read_grids(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    rows = data_rows(grids, required, place)
    values = validation.trade_values(rows, value_col, decimal=decimal, thousands=thousands, na_values=na_values)
    codes = validation.country_codes(rows, country_col, country)
    prods = validation.product_codes(rows, product_col, classification)
    out = pd.DataFrame({"year": _year_values(rows, year_col, year), "country": codes, "product": prods,
                        value_name: values})
    validation.unique_rows(out, ["country", "product"] + (["year"] if year_col is not None else []), rows)
    for c in ("country", "product"):
        out[c] = as_text(out[c])
    out.attrs["source_file"] = str(path)
    return out
