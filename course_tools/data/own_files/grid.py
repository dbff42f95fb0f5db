"""Finding the table in a coordinator's file: the grid of cells, the header row, the data rows under it.

1. :func:`read_grids` gives the cells of a CSV file (one grid per candidate delimiter, see
   :mod:`~course_tools.data.own_files.decoding`) or of one Excel sheet (``.xlsx``/``.xlsm`` with
   openpyxl, ``.xls`` with xlrd), each row with its number as the user sees it; an empty file stops here.
2. :func:`data_rows` finds the header: the first row, among the first :data:`HEADER_SEARCH`, that
   holds every column name asked for (title rows above it are skipped; case, spaces and a BOM do not
   matter). Without one, the message names the fullest row's columns and the closest names. It then
   collects the rows under the header, skipping rows whose asked cells are all blank.
"""
from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from course_tools.data._common import DataValidationError
from course_tools.data.own_files.cells import header_name, is_blank
from course_tools.data.own_files.decoding import Grid, csv_grids, decode_text
from course_tools.data.own_files.messages import Place
from course_tools.i18n import text

__all__ = ["HEADER_SEARCH", "EXCEL_SUFFIXES", "DataRows", "read_grids", "data_rows"]

#: The header must be in the first 50 rows.
HEADER_SEARCH = 50
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
_SAVED = "home.own_files.fix_saved"


@dataclass(frozen=True)
class DataRows:
    """The data rows under the header: their numbers in the file and the cells of each column asked for."""

    place: Place
    header_number: int
    numbers: list[int]
    cells: dict[str, list[object]]

    def column(self, name: str) -> list[tuple[int, object]]:
        """(row number, cell) of every data row in column ``name``."""
        return list(zip(self.numbers, self.cells[name]))

    def __len__(self) -> int:
        return len(self.numbers)


def _no_sheet(path: Path, sheet: str | int | None, names: list[str]) -> NoReturn:
    raise DataValidationError(text("home.own_files.no_sheet", file=path.name, sheet=repr(sheet), names=names))


def _xls_grid(path: Path, sheet: str | int | None) -> tuple[Grid, str]:
    import xlrd

    book = xlrd.open_workbook(str(path), on_demand=True)
    names = book.sheet_names()
    try:
        sh = book.sheet_by_name(sheet) if isinstance(sheet, str) else book.sheet_by_index(sheet or 0)
    except (xlrd.biffh.XLRDError, IndexError):
        sh = None
    if sh is None:
        _no_sheet(path, sheet, names)
    rows = [(i + 1, sh.row_values(i)) for i in range(sh.nrows)]
    book.release_resources()
    return rows, sh.name


def _xlsx_grid(path: Path, sheet: str | int | None) -> tuple[Grid, str]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    try:
        try:
            ws = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet or 0]
        except (KeyError, IndexError):
            ws = None
        if ws is None:
            _no_sheet(path, sheet, book.sheetnames)
        rows = [(i, list(r)) for i, r in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1)]
        return rows, ws.title
    finally:
        book.close()


def excel_grid(path: Path, sheet: str | int | None) -> tuple[Grid, str]:
    """Cells of one sheet (name, or 0-based position; default the first) with Excel's row numbers, and its name."""
    return _xls_grid(path, sheet) if path.suffix.lower() == ".xls" else _xlsx_grid(path, sheet)


def read_grids(path: Path, *, sheet: str | int | None = None, encoding: str | None = None,
               delimiter: str | None = None) -> tuple[list[Grid], Place]:
    """The candidate grids of ``path`` (one for Excel, one per delimiter for text) and its :class:`Place`.

    Raises :class:`~course_tools.data.DataValidationError` for an empty file (0 bytes, blank lines
    only, or no cell with content).
    """
    if path.stat().st_size == 0:
        Place(path.name).fail(None, text("home.own_files.empty_bytes"), [], text(_SAVED))
    if path.suffix.lower() in EXCEL_SUFFIXES:
        rows, sheet_name = excel_grid(path, sheet)
        grids, place = [rows], Place(f"{path.name} (sheet {sheet_name!r})", "row")
    else:
        place = Place(path.name, "line")
        content = decode_text(path.read_bytes(), encoding, place.where)
        if not content.strip():
            place.fail(None, text("home.own_files.empty_blank"), [], text(_SAVED))
        grids = csv_grids(content, delimiter)
    if not any(any(not is_blank(c) for c in cells) for grid in grids for _, cells in grid):
        place.fail(None, text("home.own_files.empty_cells"), [], text("home.own_files.fix_file_sheet"))
    return grids, place


def find_header(rows: Grid, wanted: list[str]) -> int | None:
    """Position in ``rows`` of the first row (of :data:`HEADER_SEARCH`) holding every name of ``wanted``."""
    want = [header_name(w) for w in wanted]
    for k, (_, cells) in enumerate(rows[:HEADER_SEARCH]):
        names = [header_name(c) for c in cells]
        if all(w in names for w in want):
            return k
    return None


def _filled(cells: list) -> int:
    return sum(not is_blank(c) for c in cells)


def _no_header(grids: list[Grid], required: list[str], place: Place, optional: Sequence[str] = ()) -> NoReturn:
    """Say which columns are missing, what the row most like a header holds, and the closest names.

    The row shown is the one (of any delimiter) that holds the most of the ``required`` names, then the most
    cells: the header the user meant, not a data row split by a comma. ``optional``: the required columns the
    user could leave out (a partner or year column), named in the fix when they are missing.
    """
    unit = place.unit
    want = [header_name(c) for c in required]

    def likeness(r: tuple[int, list]) -> tuple[int, int]:
        names = [header_name(c) for c in r[1]]
        return sum(w in names for w in want), _filled(r[1])

    best = max((r for g in grids for r in g[:HEADER_SEARCH]), key=likeness)
    have = [str(c).strip() for c in best[1] if not is_blank(c)]
    missing = [c for c in required if header_name(c) not in [header_name(h) for h in have]]
    close = {m: difflib.get_close_matches(m, have, n=1, cutoff=0.5) for m in missing}
    hint = "; ".join(text("home.own_files.did_you_mean", missing=repr(m), close=repr(v[0]))
                     for m, v in close.items() if v)
    left_out = [c for c in missing if c in set(optional)]
    if left_out:
        hint = " ".join(x for x in (hint, text("home.own_files.hint_optional", columns=left_out)) if x)
    place.fail(None, text("home.own_files.no_header", missing=missing, n=HEADER_SEARCH,
                          units=text(f"home.own_files.units_{unit}"), unit=text(f"own_data.unit_{unit}"),
                          number=best[0], have=have), [],
               text("home.own_files.fix_columns", hint=hint).strip())


def _width(header: list) -> int:
    """Cells of the header up to its last named column."""
    return max((i + 1 for i, c in enumerate(header) if not is_blank(c)), default=0)


def _ragged(grid: Grid, h: int) -> list[tuple[int, str]]:
    """(row number, the row as read) of the data rows with cells filled beyond the header's last column."""
    width = _width(grid[h][1])
    return [(number, " | ".join(str(c) for c in row)) for number, row in grid[h + 1:]
            if any(not is_blank(c) for c in row[width:])]


def data_rows(grids: list[Grid], required: list[str], place: Place, optional: Sequence[str] = ()) -> DataRows:
    """The rows under the header of the first grid that has one; only the ``required`` columns are kept.

    ``optional``: those of ``required`` the user could leave out (named in the message when missing).
    """
    found = [(g, h) for g in grids if (h := find_header(g, required)) is not None]
    if not found:
        _no_header(grids, required, place, optional)
    # a separator that also stands inside values (a decimal comma in a comma-separated file, a comma in a
    # description) splits rows into more cells than the header has: the columns would shift silently
    ragged = [_ragged(g, h) for g, h in found]
    if all(ragged):
        width = _width(found[0][0][found[0][1]][1])
        place.fail(None, text("home.own_files.ragged", n=len(ragged[0]),
                              units=text(f"home.own_files.units_{place.unit}"),
                              width=width), ragged[0], text("home.own_files.fix_ragged"))
    grid, h = next(f for f, r in zip(found, ragged) if not r)
    header = [header_name(c) for c in grid[h][1]]
    idx = {c: header.index(header_name(c)) for c in required}
    numbers: list[int] = []
    cells: dict[str, list[object]] = {c: [] for c in required}
    for number, row in grid[h + 1:]:
        got = {c: (row[i] if i < len(row) else None) for c, i in idx.items()}
        if all(is_blank(v) for v in got.values()):
            continue
        numbers.append(number)
        for c, v in got.items():
            cells[c].append(v)
    if not numbers:
        place.fail(None, text("home.own_files.no_data_rows", unit=text(f"own_data.unit_{place.unit}"),
                              number=grid[h][0],
                              units=text(f"home.own_files.units_{place.unit}")), [], text("home.own_files.fix_no_data"))
    return DataRows(place, grid[h][0], numbers, cells)
