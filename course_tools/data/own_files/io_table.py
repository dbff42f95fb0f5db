"""A national symmetric input-output table and its sector -> ISIC mapping (layouts in datasets/templates/).

Table (CSV or Excel; title rows above the header are fine)::

    sector      ; <sector 1> ; ... ; <sector n> ; <final demand columns ...> ; output
    <sector 1>  ; z11        ; ... ; z1n        ; f1 ...                    ; x1
    ...
    value_added ; v1         ; ... ; vn
    employment  ; e1         ; ... ; en          (optional: jobs or persons)
    <other rows>; ...                            (optional: imports, taxes... any other label)

The first column is named ``sector``; the sector columns come next, the row sectors in any order (the
table is square); the columns after them, but ``output``, are final demand. Mapping (CSV or Excel)::

    sector ; isic
    Food and beverages ; 10
    Alcohol ; 2011

ISIC Rev.4 (``isic="isic4"``) or Rev.3 codes of 2, 3 or 4 digits; a sector may have several rows. For
products, each 4-digit class goes to the sector named with its most specific code; a class named by
two sectors goes to the first one in the file (reported in ``notes``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data.own_files.cells import header_name, is_blank, number
from course_tools.data.own_files.grid import DataRows, data_rows, read_grids

__all__ = ["NationalIO", "read_io_table", "read_sector_mapping"]

_SPECIAL_ROWS = ("value_added", "employment")


@dataclass
class NationalIO:
    """A national table read by :func:`read_io_table`: Z, x, final demand, value added, employment, mapping."""

    Z: pd.DataFrame
    x: pd.Series
    final_demand: pd.DataFrame
    value_added: pd.Series
    employment: pd.Series | None
    sector_of_class: dict[str, str]
    isic: str
    source: str
    notes: list[str] = field(default_factory=list)

    def linkages(self) -> pd.DataFrame:
        """Backward (Rasmussen) and forward (Ghosh) linkages by sector: :func:`methods.criteria.io_linkages`."""
        from course_tools.methods.criteria import io_linkages

        return io_linkages(self.Z, self.x)

    def criteria_inputs(self) -> dict:
        """Keyword arguments of :func:`methods.criteria.criteria_table` for the two linkage criteria."""
        from course_tools.data.concordances import concordance

        return {"linkages": self.linkages(), "concordance": concordance("hs07", self.isic),
                "sector_of_class": self.sector_of_class, "io_region": self.source}


def _grid(path: Path, first: str, **options) -> DataRows:
    """Every column of the table under its header (the first row whose first asked name is ``first``)."""
    grids, place = read_grids(path, sheet=options.get("sheet"), encoding=options.get("encoding"),
                              delimiter=options.get("delimiter"))
    rows = data_rows(grids, [first], place)
    grid = next(g for g in grids if any(n == rows.header_number for n, _ in g))
    header_at = next(k for k, (n, _) in enumerate(grid) if n == rows.header_number)
    names = [str(c).strip() if not is_blank(c) else "" for c in grid[header_at][1]]
    while names and not names[-1]:
        names.pop()
    body = [(n, list(cells) + [None] * (len(names) - len(cells))) for n, cells in grid[header_at + 1:]
            if any(not is_blank(c) for c in cells)]
    return DataRows(place, rows.header_number, [n for n, _ in body],
                    {name: [cells[k] for _, cells in body] for k, name in enumerate(names) if name})


def _numbers(rows: DataRows, columns: list[str], decimal: str, thousands: str | None) -> pd.DataFrame:
    out, bad = {}, []
    for c in columns:
        vals = [number(v, decimal, thousands, set()) for v in rows.cells[c]]
        bad += [(n, f"{c}: {v!r}") for n, v, x in zip(rows.numbers, rows.cells[c], vals) if x is None]
        out[c] = [np.nan if x is None else x for x in vals]
    if bad:
        rows.place.fail(None, f"{len(bad)} cell(s) of the table are not numbers", bad,
                        "write plain numbers (pass decimal=',' and thousands='.' for 1.234,5); leave no text in "
                        "the table body.")
    return pd.DataFrame(out, index=[str(v).strip() for v in rows.cells["sector"]])


def _square(rows: DataRows, row_labels: list[str], sectors: list[str]) -> None:
    """Every row sector has a column and every column of the sector block has a row."""
    missing_cols = [s for s in row_labels if s not in sectors]
    missing_rows = [s for s in sectors if s not in row_labels]
    if missing_cols or missing_rows:
        bad = [(n, v) for n, v in zip(rows.numbers, row_labels) if v in missing_cols]
        rows.place.fail("sector", f"the table is not square: row sector(s) {missing_cols} have no column and "
                        f"column sector(s) {missing_rows} have no row", bad,
                        "name every sector once as a row and once as a column, spelled the same; other rows "
                        "(value_added, employment, imports, taxes) must not be named like a sector.")


def _output(rows: DataRows, x: pd.Series) -> None:
    bad = [(n, f"{s}: {v}") for n, (s, v) in zip(rows.numbers, x.items()) if not v > 0]
    if bad:
        rows.place.fail("output", f"{len(bad)} sector(s) with zero, negative or missing output", bad,
                        "output is the sector's gross output (>= 0); a sector with no output has no coefficients: "
                        "merge it with a neighbour or leave it out of rows and columns.")


def _balance(rows: DataRows, Z: pd.DataFrame, fd: pd.DataFrame, x: pd.Series, tolerance: float) -> None:
    """Each sector's sales (intermediate + final) must equal its output within ``tolerance`` (a share)."""
    gap = (Z.sum(axis=1) + fd.sum(axis=1) - x) / x
    off = gap[gap.abs() > tolerance]
    if len(off):
        where = dict(zip([str(v).strip() for v in rows.cells["sector"]], rows.numbers))
        rows.place.fail("output", f"{len(off)} sector(s) whose intermediate and final sales differ from output by "
                        f"more than {tolerance:.1%}", [(where[s], f"{s}: {g:+.2%}") for s, g in off.items()],
                        "check that every final demand column is in the table (exports, households, government, "
                        "investment, inventories) and that output is gross output; pass balance_tolerance= to accept "
                        "a larger gap.")


def read_io_table(path: str | Path, mapping: str | Path, *, isic: str = "isic4", decimal: str = ".",
                  thousands: str | None = None, balance_tolerance: float = 0.01, **options) -> NationalIO:
    """A national symmetric input-output table and its sector -> ISIC mapping, checked (layouts: module docstring).

    Returns :class:`NationalIO`: ``Z`` (sectors x sectors), ``x`` (output), ``final_demand``,
    ``value_added``, ``employment`` (None without that row), ``sector_of_class`` (ISIC 4-digit class ->
    sector, for :func:`course_tools.methods.criteria.criteria_table`). ``NationalIO.criteria_inputs()``
    gives ``linkages``, ``concordance``, ``sector_of_class`` for ``criteria_table``. Checks (each a
    :class:`~course_tools.data.DataValidationError` naming the file, the column and the rows): the header
    has ``sector`` and ``output``; every cell is a number; the table is square; output > 0; sales equal
    output within ``balance_tolerance``; the mapping covers every sector with valid ISIC codes.
    ``options``: ``sheet``, ``encoding``, ``delimiter``. The files are only read.
    """
    path = Path(path)
    rows = _grid(path, "sector", **options)
    columns = [c for c in rows.cells if c != "sector"]
    if "output" not in [header_name(c) for c in columns]:
        rows.place.fail(None, f"no column 'output' in the header ({columns})", [],
                        "add a column named output with each sector's gross output (see datasets/templates/).")
    out_col = next(c for c in columns if header_name(c) == "output")
    labels = [str(v).strip() for v in rows.cells["sector"]]
    special = {header_name(v): v for v in labels if header_name(v) in _SPECIAL_ROWS}
    named = [k for k, c in enumerate(columns) if c in labels]
    sectors = columns[:named[-1] + 1] if named else []  # the sector block: up to the last column named like a row
    if not sectors:
        rows.place.fail(None, "no column is named like a row sector", [], "name the sector columns exactly like the "
                        "sector rows (see datasets/templates/io_table_template.csv).")
    row_sectors = [v for v in labels if v in sectors or (header_name(v) not in _SPECIAL_ROWS and not _other_row(v))]
    _square(rows, row_sectors, sectors)
    table = _numbers(rows, columns, decimal, thousands)
    Z = table.loc[sectors, sectors].fillna(0.0)
    fd = table.loc[sectors, [c for c in columns if c not in sectors and c != out_col]].fillna(0.0)
    x = table.loc[sectors, out_col].astype(float)
    _output(DataRows(rows.place, rows.header_number, [rows.numbers[labels.index(s)] for s in sectors],
                     {"sector": sectors}), x)
    _balance(rows, Z, fd, x, balance_tolerance)
    va = table.loc[special["value_added"], sectors].astype(float) if "value_added" in special else \
        x - Z.sum(axis=0) - table.loc[[v for v in labels if v not in sectors and _other_row(v)], sectors].sum(axis=0)
    emp = table.loc[special["employment"], sectors].astype(float) if "employment" in special else None
    sector_of_class, notes = read_sector_mapping(mapping, sectors, isic=isic)
    return NationalIO(Z, x.rename("output"), fd, va.rename("value_added"),
                      None if emp is None else emp.rename("employment"), sector_of_class, isic, path.name, notes)


def _other_row(label: str) -> bool:
    """Rows that are neither sectors nor value added/employment: imports, taxes, margins, wages, totals..."""
    return header_name(label).split(" ")[0] in ("imports", "taxes", "margins", "wages", "compensation", "gross",
                                                "operating", "total", "other")


def read_sector_mapping(path: str | Path, sectors: list[str], *, isic: str = "isic4",
                        **options) -> tuple[dict[str, str], list[str]]:
    """(ISIC 4-digit class -> sector, notes) from a mapping file with columns ``sector`` and ``isic``.

    Every sector of ``sectors`` needs at least one code, every code must be an ISIC code (2, 3 or 4
    digits) of ``isic``, and every sector named must be one of ``sectors``.
    """
    from course_tools.data.classifications import products

    path = Path(path)
    grids, place = read_grids(path, sheet=options.get("sheet"), encoding=options.get("encoding"),
                              delimiter=options.get("delimiter"))
    rows = data_rows(grids, ["sector", "isic"], place)
    pairs = [(n, str(s).strip(), str(c).strip().split(".")[0]) for n, s, c in
             zip(rows.numbers, rows.cells["sector"], rows.cells["isic"])]
    unknown = [(n, s) for n, s, _ in pairs if s not in sectors]
    if unknown:
        place.fail("sector", f"{len(unknown)} sector(s) that are not in the table", unknown,
                   "spell each sector exactly as in the table's first column.")
    levels = {lv: set(products(isic, lv)["code"]) for lv in (2, 3, 4)}
    bad = [(n, c) for n, _, c in pairs if len(c) not in levels or c not in levels[len(c)]]
    if bad:
        place.fail("isic", f"{len(bad)} code(s) that are not {isic} codes of 2, 3 or 4 digits", bad,
                   f"use {isic} divisions (2 digits), groups (3) or classes (4) as in "
                   f"course_tools.data.products({isic!r}, 4); write them as text ('01', not 1).")
    missing = [s for s in sectors if s not in {s for _, s, _ in pairs}]
    if missing:
        place.fail("sector", f"the mapping misses {len(missing)} sector(s) of the table: {missing[:10]}", [],
                   "give every sector of the table at least one ISIC code (a row sector;isic).")
    return _classes(pairs, sorted(levels[4]))


def _classes(pairs: list[tuple[int, str, str]], classes: list[str]) -> tuple[dict[str, str], list[str]]:
    """Each 4-digit class -> the sector of its most specific code (the first sector listed on a tie)."""
    out: dict[str, tuple[int, str]] = {}
    shared: set[str] = set()
    for _, sector, code in pairs:
        for k in (c for c in classes if c.startswith(code)):
            if k not in out or len(code) > out[k][0]:
                out[k] = (len(code), sector)
            elif len(code) == out[k][0] and out[k][1] != sector:
                shared.add(k)
    notes = [f"ISIC classes named by two sectors, given to the first one listed: {sorted(shared)[:10]}"] \
        if shared else []
    return {k: s for k, (_, s) in out.items()}, notes
