"""Total and footer rows of a published table: recognised, left out of the data, and reported.

Statistics offices print a ``TOTAL GENERAL`` row, subtotals, and footer lines (``Fuente: ...``,
``s/d: sin dato``) under the table. Between :func:`~course_tools.data.own_files.grid.data_rows` and the
checks of :mod:`~course_tools.data.own_files.validation`, :func:`split_totals` takes them out:

- a **total row**: a code cell (product, partner, country or year) whose text starts with "total" or
  "subtotal" (any case, accents ignored: "TOTAL GENERAL", "Sub-total capítulo 12", "Total país");
- a **footer row**: a product cell with words and no code, and no value (``Fuente: Aduanas``); or, when the
  product cell is blank, the same words in the year column (a file whose first column is the year).

They are not errors: each is returned as a :class:`Skipped` (row number, kind, text, value), so the
reader can say which rows it left out; a total's value is compared with the sum of the data rows.
Numeric subtotals (a 2-digit chapter among 4-digit headings) are not recognised here: the check of
code lengths in validation refuses them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from course_tools.data.own_files.cells import is_blank
from course_tools.data.own_files.grid import DataRows
from course_tools.i18n import text

__all__ = ["Skipped", "split_totals", "plain_words"]

_TOTAL = re.compile(r"^(sub[\s-]?)?totale?s?\b")


@dataclass(frozen=True)
class Skipped:
    """A row left out of the data: its number as the user sees it, kind ("total"/"footer"), its text, value cell."""

    number: int
    kind: str
    label: str
    value: object


def plain_words(cell: object) -> str:
    """Text without accents, lower case, single spaces: ``'TOTAL  GENERAL'`` -> ``'total general'``."""
    s = unicodedata.normalize("NFKD", str(cell)).encode("ascii", "ignore").decode()
    return " ".join(s.lower().split())


def _kind(cells: dict[str, object], code_cols: list[str], product_col: str, value_col: str,
          year_col: str | None = None) -> str | None:
    for c in code_cols:
        v = cells.get(c)
        if not is_blank(v) and isinstance(v, str) and _TOTAL.match(plain_words(v)):
            return "total"
    if not is_blank(cells.get(value_col)):
        return None
    p = cells.get(product_col)
    # the words of a footer stand in the product column, or in the year column when the file starts with it
    # ("Año;NCM;..."), the product cell then blank; a partner name beside a blank product is no footer
    words = [p] if not is_blank(p) else [cells.get(year_col)] if year_col else []
    if any(isinstance(w, str) and re.search(r"[A-Za-z]", w) and not re.match(r"^\s*\d{2}", w) for w in words):
        return "footer"
    return None


def split_totals(rows: DataRows, code_cols: list[str], product_col: str, value_col: str,
                 year_col: str | None = None) -> tuple[DataRows, list[Skipped]]:
    """``rows`` without their total and footer rows, and those rows as :class:`Skipped`, in file order.

    ``code_cols``: the columns where a total's label may stand (the year column too); ``year_col``: a year
    column, where a footer's words stand when the product cell is blank.
    """
    keep: list[int] = []
    skipped: list[Skipped] = []
    for k, number in enumerate(rows.numbers):
        cells = {c: rows.cells[c][k] for c in rows.cells}
        kind = _kind(cells, [c for c in code_cols if c in cells], product_col, value_col, year_col)
        if kind is None:
            keep.append(k)
            continue
        label = next((str(cells[c]).strip() for c in code_cols + [product_col]
                      if c in cells and isinstance(cells[c], str) and cells[c].strip()), "")
        skipped.append(Skipped(number, kind, label, cells.get(value_col)))
    if not skipped:
        return rows, []
    out = replace(rows, numbers=[rows.numbers[k] for k in keep],
                  cells={c: [v[k] for k in keep] for c, v in rows.cells.items()})
    if not out.numbers:
        rows.place.fail(None, text("home.own_files.only_totals", unit=text(f"own_data.unit_{rows.place.unit}")), [],
                        text("home.own_files.fix_file_sheet"))
    return out, skipped
