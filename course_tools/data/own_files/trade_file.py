"""read_trade_file: a coordinator's own trade table (CSV or Excel) in the tidy shape of ``load_trade``."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data._common import DataValidationError, as_text
from course_tools.data.own_files import validation
from course_tools.data.own_files.cells import code_text, number
from course_tools.data.own_files.grid import DataRows, data_rows, read_grids
from course_tools.data.own_files.totals import Skipped, split_totals
from course_tools.data.panel import Note
from course_tools.i18n import text

__all__ = ["read_trade_file"]


def _year_values(rows: DataRows, year_col: str | None, year: int | None) -> pd.api.extensions.ExtensionArray:
    """The year column, else ``year`` on every row, else a missing year (<NA>)."""
    if year_col is not None:
        return validation.years(rows, year_col)
    if year is not None:
        return pd.array([int(year)] * len(rows), dtype="int64")
    return pd.array([pd.NA] * len(rows), dtype="Int64")


def _skipped_notes(skipped: list[Skipped], rows: DataRows, total: float, decimal: str,
                   thousands: str | None) -> list[Note]:
    """One note per total or footer row left out; a total's value is set beside the sum of the data rows."""
    notes = []
    for s in skipped:
        if s.kind == "total":
            v = number(s.value, decimal, thousands, set())
            if v is not None and v == v:
                notes.append(Note("home.own_files.note_skipped_total", unit=rows.place.unit, number=s.number,
                                  label=s.label, value=float(v), sum=float(total)))
            else:
                notes.append(Note("home.own_files.note_skipped_total_text", unit=rows.place.unit, number=s.number,
                                  label=s.label, value=repr(s.value), sum=float(total)))
        else:
            notes.append(Note("own_data.note_skipped_footer", unit=rows.place.unit, number=s.number, label=s.label))
    return notes


def _added_up(out: pd.DataFrame, keys: list[str], rows: DataRows, *, sum_duplicates: bool, national: list[str],
              value_name: str) -> tuple[pd.DataFrame, list[Note]]:
    """Rows of one key added up: national lines of one HS6 always (the stated rule), repeated rows on request."""
    notes: list[Note] = []
    as_written = out.assign(product=national) if national else out
    if not sum_duplicates:  # a repeated row is a mistake unless asked: checked on the codes as written
        validation.unique_rows(as_written, keys, rows)
    repeated = int(as_written.duplicated(keys).sum())
    if national:
        cut = [c for c, p in zip(national, out["product"]) if c != p]
        if cut:
            lengths = "/".join(str(n) for n in sorted({len(c) for c in cut}))
            notes.append(Note("own_data.note_national", n=len(set(cut)), digits=lengths, example=cut[0],
                              n6=out.loc[[c != p for c, p in zip(national, out["product"])], "product"].nunique()))
    if out.duplicated(keys).any():
        by = keys + [c for c in out.columns if c not in keys and c != value_name]  # the year given by year=
        out = out.groupby(by, sort=False, as_index=False, dropna=False)[value_name].sum(min_count=1)
        out = out[[c for c in ("year", "country", "partner", "product", value_name) if c in out.columns]]
    if repeated:
        notes.append(Note("own_data.note_summed", n=repeated, keys=", ".join(keys), rows=len(rows), kept=len(out)))
    return out, notes


def read_trade_file(
    path: str | Path,
    *,
    country_col: str | None = "country",
    product_col: str = "product",
    value_col: str = "export_value",
    year_col: str | None = None,
    partner_col: str | None = None,
    country: str | None = None,
    year: int | None = None,
    sheet: str | int | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str = ".",
    thousands: str | None = None,
    na_values: Sequence[str] = (),
    classification: str | None = "hs07",
    national_codes: bool = False,
    sum_duplicates: bool = False,
    value_name: str = "export_value",
) -> pd.DataFrame:
    """Read your own trade file (CSV or Excel) into the tidy shape of :func:`~course_tools.data.load_trade`.

    Returns columns year, country (ISO3 upper case), [partner (ISO3) when ``partner_col`` is given],
    product (code as text, zero-padded), ``value_name`` (float; empty cells are NaN = not reported,
    never 0). The file is only read.

    - CSV/TXT in UTF-8 or Latin-1/Windows-1252 (detected; or pass ``encoding``), separated by
      ``,`` ``;`` tab or ``|`` (detected; or pass ``delimiter``); Excel ``.xlsx``/``.xls``
      (``sheet`` = name or 0-based position, default the first sheet).
    - Title lines above the table are fine: the header is the first row (of the first 50) that
      contains all the column names you pass. Total rows ("TOTAL GENERAL", "Subtotal ...") and
      footer lines ("Fuente: ...") are left out and reported in ``attrs["notes"]`` (not errors).
    - ``decimal=","`` and ``thousands="."`` read numbers such as ``1.234,5``; ``na_values`` lists
      texts meaning "not available" (e.g. ``["s/d"]``, read as NaN).
    - No country column (a file of your own country's exports)? pass ``country_col=None,
      country="CHL"``. No year column? pass ``year=2022`` (else year is missing, <NA>); a year
      column may hold several years.
    - ``partner_col``: the destination of each row, as ISO3 codes or country names in English or
      Spanish ("Brasil", "Estados Unidos").
    - Product codes: dots and spaces are removed ('0101.10' -> '010110'); for HS, a code with an
      odd number of digits gets its leading zero back (Excel drops it: 101 -> '0101'). Codes are
      checked against :func:`~course_tools.data.products` of ``classification`` (None: not checked).
      National tariff lines of 8 or 10 digits (NCM, NALADISA, '1201.90.00'): ``national_codes=True``
      cuts each to its first 6 digits, the HS subheading, and adds up the lines of one subheading.
    - One row per (country, [partner,] product[, year]); ``sum_duplicates=True`` adds repeated rows up
      (e.g. one row per shipment or per customs office) instead of refusing them.

    Raises :class:`~course_tools.data.DataValidationError` naming the file, the column and the first
    offending rows (line numbers as in a text editor, row numbers as in Excel) for: an empty file, a
    missing column, a non-numeric or negative value, an unknown country, partner or product code,
    national tariff lines without ``national_codes=True``, codes of mixed lengths (subtotal rows), a
    bad year, a repeated (country, [partner,] product[, year]) without ``sum_duplicates``.

    The steps, one module each in :mod:`course_tools.data.own_files`: decoding (encoding, delimiter),
    the grid (header row among title rows, data rows under it), totals (total and footer rows out),
    validation (one rule per column).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(text("home.own_files.not_found", path=path))
    required = [c for c in (country_col, partner_col, product_col, value_col, year_col) if c is not None]
    if country_col is None and not country:
        raise DataValidationError(text("home.own_files.no_country"))
    grids, place = read_grids(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    rows = data_rows(grids, required, place, optional=[c for c in (partner_col, year_col) if c is not None])
    rows, skipped = split_totals(rows, [c for c in (product_col, partner_col, country_col, year_col) if c], product_col,
                                 value_col, year_col)
    values = validation.trade_values(rows, value_col, decimal=decimal, thousands=thousands, na_values=na_values)
    cols = {"year": _year_values(rows, year_col, year), "country": validation.country_codes(rows, country_col, country)}
    if partner_col is not None:
        cols["partner"] = validation.country_codes(rows, partner_col, names=True)
    cols["product"] = validation.product_codes(rows, product_col, classification, national=national_codes)
    cols[value_name] = values
    out = pd.DataFrame(cols)
    keys = ["country"] + (["partner"] if partner_col else []) + ["product"] + (["year"] if year_col else [])
    written = [code_text(c) for _, c in rows.column(product_col)] if national_codes else []
    out, notes = _added_up(out, keys, rows, sum_duplicates=sum_duplicates, national=written, value_name=value_name)
    for c in ("country", "product") + (("partner",) if partner_col else ()):
        out[c] = as_text(out[c])
    out.attrs["source_file"] = str(path)
    out.attrs["notes"] = _skipped_notes(skipped, rows, float(np.nansum(values)), decimal, thousands) + notes
    return out
