"""Loaders of the shipped input-output and supply-use tables, read from the files as published.

- :func:`load_ibge_sut`        Brazil, IBGE *Tabelas de Recursos e Usos* (12 activities 2000-2021,
                               68 activities 2010-2021), original ``.xls`` files
- :func:`load_io_brazil_2020`  Brazil, symmetric input-output matrix 2020, 51 sectors (``.xlsx``)
- :func:`load_mrio_2000`       world multi-regional table 2000, 26 regions × 23 sectors (``.xlsx``)

Every loader first checks the file against ``datasets/MANIFEST.sha256``
(:func:`course_tools.data.manifest.verify`), then reads the sheet as published (title rows, two-level
headers, totals rows) and returns a small frozen dataclass of labelled DataFrames. Values are
current millions (R$ or US$). Results are cached in memory (``functools.lru_cache``); treat them as
read-only (``.copy()`` before editing).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data._common import DataValidationError
from course_tools.data.manifest import verify
from course_tools.i18n import text
from course_tools.paths import datasets_dir

__all__ = ["SupplyUseTables", "IOTable", "MRIOTable", "load_ibge_sut", "load_io_brazil_2020", "load_mrio_2000"]

IBGE_DIR = "io_brazil_ibge_tru"
BR2020_FILE = "io_brazil_2020_51s/iom_br_2020.xlsx"
MRIO2000_FILE = "io_world_mrio_2000_26r23s/miom_world_2000.xlsx"


class TableLayoutError(DataValidationError):
    """A published table does not have the layout the loader expects (file changed or wrong file)."""


# --------------------------------------------------------------------------------------------
# IBGE supply and use tables
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SupplyUseTables:
    """IBGE *Tabelas de Recursos e Usos* of one year (current R$ million).

    Labels are IBGE codes: ``produto`` (rows, e.g. ``"01"`` or ``"01911"``) and ``atividade``
    (columns, e.g. ``"01"`` or ``"0191"``); ``products`` and ``industries`` map codes to the
    Portuguese names.

    - ``supply``: products × activities, production at basic prices (Tabela 1, sheet *producao*;
      the make matrix transposed)
    - ``imports``: imports of goods and services by product (sheet *importacao*; before 2010 at level
      12 the sum of goods + services + CIF/FOB adjustment, each kept in ``imports_detail``)
    - ``supply_components``: product × component of total supply (sheet *oferta*: total supply at
      purchasers' prices, trade and transport margins, taxes, total supply at basic prices)
    - ``use``: products × activities, intermediate consumption at **purchasers' prices**
      (Tabela 2, sheet *CI*; domestic and imported together, as IBGE publishes it)
    - ``final_demand``: products × category (sheet *demanda*: exports, government, NPISH and household
      consumption, GFCF, change in inventories), purchasers' prices
    - ``value_added``: component × activity (sheet *VA*, every published row incl. sub-items)
    - ``output``: output by activity (*Valor da produção*); ``product_output``: output by product
    - ``jobs``: employment (*Fator trabalho (ocupações)*) by activity
    """

    year: int
    level: int
    products: pd.Series
    industries: pd.Series
    supply: pd.DataFrame
    imports: pd.Series
    imports_detail: pd.DataFrame
    supply_components: pd.DataFrame
    use: pd.DataFrame
    final_demand: pd.DataFrame
    value_added: pd.DataFrame
    output: pd.Series
    product_output: pd.Series
    jobs: pd.Series


@lru_cache(maxsize=1)
def _ibge_dictionary(root: str) -> pd.DataFrame:
    """The iotbr cell dictionary: which column of which sheet holds which variable."""
    path = verify(Path(root) / IBGE_DIR / "dictionary_1.csv", Path(root))
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return pd.DataFrame(rows)


def _clean(s: object) -> str:
    return re.sub(r"\s+", " ", str(s)).strip()


def _read_xls_sheet(path: Path, sheet: str) -> pd.DataFrame:
    """One sheet of an old-format ``.xls`` workbook as published (no header), read with xlrd.

    Same result as ``pd.read_excel(path, sheet_name=sheet, header=None)``; xlrd is called directly
    because pandas 3 deprecates its xlrd engine. Empty cells become ``None``.
    """
    import xlrd

    book = xlrd.open_workbook(path, on_demand=True)
    try:
        if sheet not in book.sheet_names():
            raise TableLayoutError(text("data_msg.io_tables.no_sheet", file=path.name, sheet=sheet,
                                        sheets=book.sheet_names()))
        sh = book.sheet_by_name(sheet)
        rows = [[None if v == "" else v for v in sh.row_values(r)] for r in range(sh.nrows)]
    finally:
        book.release_resources()
    return pd.DataFrame(rows, dtype=object)


def _read_block(path: Path, sheet: str) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """Read one IBGE sheet as published: returns (raw sheet, header labels, data rows).

    Layout: title in row 1, group header in row 3, column labels in row 4 (``"01\\nAgropecuária"``),
    data from row 6 until the first blank code; then a ``Total`` row and footnotes.
    """
    raw = _read_xls_sheet(path, sheet)
    header = [_clean(v) if isinstance(v, str) else "" for v in raw.iloc[3]]
    first = 5
    stop = first
    while stop < len(raw) and _code(raw.iat[stop, 0]) not in ("", "Total"):
        stop += 1
    return raw, header, raw.iloc[first:stop]


def _code(v: object, width: int = 0) -> str:
    """A product/activity code as text: some years store ``'01'``, others the number ``1.0``."""
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, (int, float)):
        return str(int(v)).zfill(width)
    return str(v).strip()


def _numeric(block: pd.DataFrame) -> pd.DataFrame:
    return block.apply(pd.to_numeric, errors="raise").astype(float)


def _split_code(label: str) -> tuple[str, str]:
    code, _, name = label.partition(" ")
    return code, name


def load_ibge_sut(level: int = 12, year: int = 2021) -> SupplyUseTables:
    """Load IBGE's supply (Tabela 1) and use (Tabela 2) tables of one year at current prices.

    ``level=12``: 12 activities × 12 products, 2000-2021; ``level=68``: 68 activities × 128
    products, 2010-2021. The columns of the *oferta* and *demanda* sheets are located with the
    iotbr dictionary (``dictionary_1.csv``) and checked against the published header text.
    Note that IBGE's use table is at purchasers' prices and includes imports: building a symmetric
    table needs it at basic prices and domestic only (IBGE does this for its published
    input-output matrices; see ``indicators.supply_use_to_symmetric``).
    Source: IBGE, Sistema de Contas Nacionais - Tabelas de Recursos e Usos.
    """
    return _load_ibge_sut_cached(int(level), int(year), str(datasets_dir()))


_IBGE_YEARS = {12: range(2000, 2022), 68: range(2010, 2022)}
_IBGE_PRODUCTS = {12: 12, 68: 128}
_IBGE_CODE_WIDTH = {12: 2, 68: 5}


def _ibge_files(root: Path, level: int, year: int) -> tuple[Path, Path]:
    """Tabela 1 (supply) and Tabela 2 (use) of one year and level, checked against the manifest."""
    if level not in _IBGE_YEARS:
        raise DataValidationError(text("data_msg.io_tables.bad_level", level=level))
    r = _IBGE_YEARS[level]
    if year not in r:
        raise DataValidationError(text("data_msg.io_tables.bad_year", level=level, first=r.start, last=r.stop - 1,
                                       year=year))
    folder = root / IBGE_DIR / f"nivel_{level}_{r.start}_2021_xls"
    return verify(folder / f"{level}_tab1_{year}.xls", root), verify(folder / f"{level}_tab2_{year}.xls", root)


def _dictionary_columns(root: Path, level: int, year: int, sheet: str) -> dict[str, int]:
    """Variable -> column of ``sheet`` in the iotbr dictionary (the layout changed in 2010: goods and
    services imports/exports in one column)."""
    dic = _ibge_dictionary(str(root))
    ref = "2000" if year < 2010 else "2010"
    col_key = f"Ncol_{level}"
    d = dic[(dic["reference"] == ref) & (dic[col_key] != "x") & (dic["sheet"] == sheet) & (dic["type"] == "vector")]
    return {r["var"]: int(r[col_key]) for _, r in d.iterrows()}


def _oferta(tab1: Path, level: int, columns: dict[str, int]) -> tuple[pd.Series, pd.DataFrame]:
    """Tabela 1, sheet *oferta*: product codes and names, and the components of total supply."""
    _, header, block = _read_block(tab1, "oferta")
    if len(block) != _IBGE_PRODUCTS[level]:
        raise TableLayoutError(text("data_msg.io_tables.n_products", file=tab1.name, expected=_IBGE_PRODUCTS[level],
                                    found=len(block)))
    codes = [_code(c, width=_IBGE_CODE_WIDTH[level]) for c in block.iloc[:, 0]]
    products = pd.Series([_clean(v) for v in block.iloc[:, 1]], index=pd.Index(codes, name="produto"),
                         name="produto_nome")
    cols = sorted(columns.values())
    supply_components = _numeric(block.iloc[:, cols])
    supply_components.columns = [header[c] for c in cols]
    supply_components.index = products.index
    return products, supply_components


def _producao(tab1: Path, n_ind: int, products: pd.Index) -> tuple[pd.Series, pd.DataFrame, pd.Series]:
    """Tabela 1, sheet *producao*: activity codes and names, production by product x activity, output by product."""
    _, header, block = _read_block(tab1, "producao")
    labels = header[2:2 + n_ind]
    if header[2 + n_ind] != "Total do produto":
        raise TableLayoutError(text("data_msg.io_tables.no_product_total", file=tab1.name, n=n_ind))
    ind_codes, ind_names = zip(*(_split_code(s) for s in labels))
    industries = pd.Series(ind_names, index=pd.Index(ind_codes, name="atividade"), name="atividade_nome")
    supply = _numeric(block.iloc[:, 2:2 + n_ind])
    supply.index, supply.columns = products, industries.index
    product_output = _numeric(block.iloc[:, [2 + n_ind]]).iloc[:, 0]
    product_output.index, product_output.name = products, "producao_total"
    return industries, supply, product_output


def _importacao(tab1: Path, products: pd.Index) -> pd.DataFrame:
    """Tabela 1, sheet *importacao*: the import columns by product (goods, services, CIF/FOB before 2010)."""
    _, header, block = _read_block(tab1, "importacao")
    imports_detail = _numeric(block.iloc[:, 2:])
    imports_detail.columns = [h for h in header[2:]]
    imports_detail.index = products
    return imports_detail


def _ci(tab2: Path, industries: pd.Index, products: pd.Index) -> pd.DataFrame:
    """Tabela 2, sheet *CI*: intermediate consumption by product x activity (purchasers' prices)."""
    n_ind = len(industries)
    _, header, block = _read_block(tab2, "CI")
    if [_split_code(s)[0] for s in header[2:2 + n_ind]] != list(industries):
        raise TableLayoutError(text("data_msg.io_tables.activities_differ", file=tab2.name, sheet="CI"))
    use = _numeric(block.iloc[:, 2:2 + n_ind])
    use.index, use.columns = products, industries
    return use


def _demanda(tab2: Path, dcols: dict[str, int], products: pd.Index) -> pd.DataFrame:
    """Tabela 2, sheet *demanda*: final demand by product x category; checks the two total columns."""
    _, header, block = _read_block(tab2, "demanda")
    fd_vars = [v for v in dcols if v not in ("D_final", "D_total")]
    fd_cols = sorted({dcols[v] for v in fd_vars})  # the dictionary lists one column twice before 2010
    final_demand = _numeric(block.iloc[:, fd_cols])
    final_demand.columns = pd.Index([header[c] for c in fd_cols], name="demanda_final")
    final_demand.index = products
    for v, must in (("D_final", "Demanda final"), ("D_total", "Demanda total")):
        if header[dcols[v]] != must:
            raise TableLayoutError(text("data_msg.io_tables.demand_column", file=tab2.name, column=dcols[v],
                                        expected=must, found=header[dcols[v]]))
    return final_demand


def _va(tab2: Path, industries: pd.Index) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Tabela 2, sheet *VA*: value-added rows by activity, without the output and jobs rows (returned apart)."""
    n_ind = len(industries)
    raw = _read_xls_sheet(tab2, "VA")
    head = [_clean(v) if isinstance(v, str) else "" for v in raw.iloc[3]]
    if [_split_code(s)[0] for s in head[1:1 + n_ind]] != list(industries):
        raise TableLayoutError(text("data_msg.io_tables.activities_differ", file=tab2.name, sheet="VA"))
    rows = []
    for r in range(5, len(raw)):
        name = raw.iat[r, 0]
        if not isinstance(name, str) or not name.strip():
            break
        rows.append(r)
    value_added = _numeric(raw.iloc[rows, 1:1 + n_ind])
    value_added.index = pd.Index([str(raw.iat[r, 0]).rstrip() for r in rows], name="componente")
    value_added.columns = industries
    names = [_clean(s) for s in value_added.index]
    pos_x = [i for i, s in enumerate(names) if s == "Valor da produção"]
    pos_jobs = [i for i, s in enumerate(names) if s.startswith("Fator trabalho")]
    if not pos_x or not pos_jobs:
        raise TableLayoutError(text("data_msg.io_tables.va_rows", file=tab2.name))
    output = value_added.iloc[pos_x[0]].rename("valor_da_producao")
    jobs = value_added.iloc[pos_jobs[0]].rename("ocupacoes")
    return value_added.drop(index=value_added.index[[pos_x[0], pos_jobs[0]]]), output, jobs


@lru_cache(maxsize=8)
def _load_ibge_sut_cached(level: int, year: int, root_s: str) -> SupplyUseTables:
    root = Path(root_s)
    tab1, tab2 = _ibge_files(root, level, year)
    products, supply_components = _oferta(tab1, level, _dictionary_columns(root, level, year, "oferta"))
    industries, supply, product_output = _producao(tab1, level, products.index)
    imports_detail = _importacao(tab1, products.index)
    use = _ci(tab2, industries.index, products.index)
    final_demand = _demanda(tab2, _dictionary_columns(root, level, year, "demanda"), products.index)
    value_added, output, jobs = _va(tab2, industries.index)
    return SupplyUseTables(
        year=year, level=level, products=products, industries=industries, supply=supply,
        imports=imports_detail.sum(axis=1).rename("importacao"), imports_detail=imports_detail,
        supply_components=supply_components, use=use, final_demand=final_demand, value_added=value_added,
        output=output, product_output=product_output, jobs=jobs,
    )


# --------------------------------------------------------------------------------------------
# Brazil 2020 symmetric table (51 sectors)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IOTable:
    """A symmetric (sector × sector) input-output table.

    ``Z`` domestic intermediate transactions, ``final_demand`` sector × component, ``imports``,
    ``taxes`` (net taxes on products paid by each sector), ``margins`` (residual row, ~0),
    ``wages`` (compensation of employees), ``gos`` (gross operating surplus and mixed income),
    ``value_added`` (gross value added), ``x`` (gross output), ``jobs`` (occupations).
    """

    Z: pd.DataFrame
    final_demand: pd.DataFrame
    imports: pd.Series
    taxes: pd.Series
    margins: pd.Series
    wages: pd.Series
    gos: pd.Series
    value_added: pd.Series
    x: pd.Series
    jobs: pd.Series
    units: str


def _xlsx_rows(path: Path) -> list[tuple]:
    """Every row of the first sheet of an ``.xlsx`` file as published; empty cells are ``None``.

    Read with python-calamine (a Rust reader): the 4 MB world table loads in about 0.4 s instead
    of about 3 s with openpyxl.
    """
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    sheet = wb.get_sheet_by_index(0)
    return [tuple(None if v == "" else v for v in row) for row in sheet.to_python(skip_empty_area=False)]


def _shipped_rows(root_s: str, rel: str) -> tuple[Path, list[tuple]]:
    """A shipped workbook checked against the manifest, and every row of its first sheet."""
    root = Path(root_s)
    path = verify(root / rel, root)
    return path, _xlsx_rows(path)


def _expect(cell: object, startswith: str, where: str) -> None:
    if not (isinstance(cell, str) and cell.strip().startswith(startswith)):
        raise TableLayoutError(text("data_msg.io_tables.label", where=where, start=startswith, cell=cell))


def load_io_brazil_2020() -> IOTable:
    """Brazil's 2020 input-output matrix, 51 sectors, current R$ million (sheet ``iom``).

    Layout (Excel): Z in D6:BB56, sector names B6:B56, final demand BD:BJ (exports of goods and of
    services, government, NPISH, households, GFCF, inventories), imports row 58, taxes row 59,
    margins row 64, compensation row 69, gross operating surplus row 75, gross value added row 78,
    gross output row 79, occupations row 80.
    Source: CECEG/UFES from IBGE and IPEA data, via R packages fio/fiodata.
    """
    return _load_io_brazil_2020_cached(str(datasets_dir()))


@lru_cache(maxsize=2)
def _load_io_brazil_2020_cached(root_s: str) -> IOTable:
    path, rows = _shipped_rows(root_s, BR2020_FILE)
    R = lambda excel_row: rows[excel_row - 1]  # noqa: E731  (Excel row numbers, 1-based)
    sectors = pd.Index([str(R(r)[1]).strip() for r in range(6, 57)], name="sector")
    if len(set(sectors)) != 51:
        raise TableLayoutError(text("data_msg.io_tables.sector_names", file=path.name))
    c0, c1 = 3, 54  # D..BB (0-based)
    Z = pd.DataFrame([[float(v) for v in R(r)[c0:c1]] for r in range(6, 57)], index=sectors, columns=sectors)
    fd_names = [str(R(4)[c]).strip() for c in range(55, 62)]  # BD..BJ
    if fd_names[0] != "Exports of Goods" or fd_names[-1] != "Changes in Inventory":
        raise TableLayoutError(text("data_msg.io_tables.final_demand_columns", file=path.name, names=fd_names))
    final_demand = pd.DataFrame([[float(v or 0) for v in R(r)[55:62]] for r in range(6, 57)],
                                index=sectors, columns=pd.Index(fd_names, name="component"))
    checks = {58: "Imports", 59: "Taxes", 64: "Margins", 69: "Compensation", 75: "Gross Operating Surplus",
              78: "Gross Value Added", 79: "Gross Value of Production", 80: "Labor Factor"}
    for r, lab in checks.items():
        _expect(R(r)[0], lab, text("data_msg.io_tables.row", file=path.name, row=r))

    def row(r: int, name: str) -> pd.Series:
        return pd.Series([float(v) for v in R(r)[c0:c1]], index=sectors, name=name)

    return IOTable(
        Z=Z, final_demand=final_demand, imports=row(58, "imports"), taxes=row(59, "taxes"),
        margins=row(64, "margins"), wages=row(69, "wages"), gos=row(75, "gos"),
        value_added=row(78, "value_added"), x=row(79, "x"), jobs=row(80, "jobs"),
        units="current R$ million (jobs: occupations)",
    )


# --------------------------------------------------------------------------------------------
# world MRIO 2000 (26 regions × 23 sectors)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MRIOTable:
    """A multi-regional input-output table.

    ``Z``: (region, sector) × (region, sector); ``final_demand``: (region, sector) × (region,
    component); ``va``: value added by (region, sector); ``other_inputs``: the other rows that close
    the columns (taxes less subsidies on products, statistical discrepancy, purchases by
    non-residents / abroad, international transport margins); ``x``: gross output;
    ``sector_names``: code -> description.
    """

    Z: pd.DataFrame
    final_demand: pd.DataFrame
    va: pd.Series
    other_inputs: pd.DataFrame
    x: pd.Series
    sector_names: pd.Series
    units: str


def load_mrio_2000() -> MRIOTable:
    """World multi-regional input-output table for 2000, 26 regions × 23 sectors, US$ million.

    Layout (sheet ``2000``): Z in E7:WD604 (598 × 598), final demand WF7:AAE604 (26 regions × 4
    components), value added row 606, taxes and other closing rows 607-611, gross production row
    612, region codes in column C (first row of each block), sector codes in column A.
    Reading the 4 MB file takes ~3 s; the result is cached for the session.
    Source: CECEG/UFES (apparently aggregated from WIOD 2013), via R packages fio/fiodata.
    """
    return _load_mrio_2000_cached(str(datasets_dir()))


@lru_cache(maxsize=1)
def _load_mrio_2000_cached(root_s: str) -> MRIOTable:
    path, rows = _shipped_rows(root_s, MRIO2000_FILE)
    n_s, n_r = 23, 26
    n = n_s * n_r
    data = rows[6:6 + n]
    sectors = [str(r[0]).strip() for r in data[:n_s]]
    regions = [str(data[k * n_s][2]).strip() for k in range(n_r)]
    for k in range(n_r):  # every block repeats the same sector codes
        if [str(r[0]).strip() for r in data[k * n_s:(k + 1) * n_s]] != sectors:
            raise TableLayoutError(text("data_msg.io_tables.block_sectors", file=path.name, region=regions[k]))
    col_regions = [str(rows[3][4 + k * n_s]).strip() for k in range(n_r)]
    if col_regions != regions:
        raise TableLayoutError(text("data_msg.io_tables.column_regions", file=path.name, columns=col_regions,
                                    rows=regions))
    idx = pd.MultiIndex.from_product([regions, sectors], names=["region", "sector"])
    arr = np.array([[0.0 if v is None else float(v) for v in r[4:4 + n]] for r in data])
    Z = pd.DataFrame(arr, index=idx, columns=idx)
    fd_start = 4 + n + 1  # WF
    comps = [str(rows[4][fd_start + j]).strip() for j in range(4)]
    fd_cols = pd.MultiIndex.from_product([regions, comps], names=["region", "component"])
    fd_regions = [str(rows[3][fd_start + 4 * k]).strip() for k in range(n_r)]
    if fd_regions != regions:
        raise TableLayoutError(text("data_msg.io_tables.demand_regions", file=path.name, found=fd_regions,
                                    regions=regions))
    fd = np.array([[0.0 if v is None else float(v) for v in r[fd_start:fd_start + 4 * n_r]] for r in data])
    final_demand = pd.DataFrame(fd, index=idx, columns=fd_cols)
    _expect(rows[605][0], "Total value added", text("data_msg.io_tables.row", file=path.name, row=606))
    _expect(rows[611][0], "Total gross production", text("data_msg.io_tables.row", file=path.name, row=612))
    va = pd.Series([float(v) for v in rows[605][4:4 + n]], index=idx, name="va")
    x = pd.Series([float(v) for v in rows[611][4:4 + n]], index=idx, name="x")
    other = pd.DataFrame([[float(v) for v in rows[r][4:4 + n]] for r in range(606, 611)],
                         index=pd.Index([str(rows[r][0]).strip() for r in range(606, 611)], name="row"),
                         columns=idx)
    names = pd.Series([str(r[1]).strip() for r in data[:n_s]], index=pd.Index(sectors, name="sector"),
                      name="sector_name")
    return MRIOTable(Z=Z, final_demand=final_demand, va=va, other_inputs=other, x=x,
                     sector_names=names, units="current US$ million")
