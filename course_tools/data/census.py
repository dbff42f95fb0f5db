"""INEGI economic census extracts (SAIC exports) as tidy tables.

INEGI's *Sistema Automatizado de Información Censal* (SAIC, https://www.inegi.org.mx/app/saic/)
exports a CSV with a few title lines above the header, one row per census year x state x
municipality x activity, one column per variable, and a confidentiality note at the end. Blank
cells are values INEGI suppressed to protect the identity of firms ("principio de
confidencialidad"); they stay NaN here (never 0).

:func:`read_saic_export` reads such a file exactly as you download it for your own state;
:func:`load_census` reads the Tamaulipas extract shipped with the course.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data._cache import shipped_table
from course_tools.data._common import DataFileNotFoundError, DataValidationError, plain_csv
from course_tools.data.own_files.decoding import decode_text
from course_tools.i18n import text

__all__ = ["load_census", "read_saic_export", "SAIC_VARIABLES", "CensusFormatError"]

_DIR = "subnational_mexico_inegi_ce_tamaulipas"
_RAW = f"{_DIR}/SAIC_Exporta_2025922_13941551_original.csv"
_CLEAN = f"{_DIR}/SAIC_Exporta_clean.csv"

#: SAIC variable code -> column name in the tidy table (units: persons; money in millions of MXN).
SAIC_VARIABLES: dict[str, str] = {
    "H001A": "employment",                # Personal ocupado total (persons)
    "A111A": "gross_output",              # Producción bruta total
    "A121A": "intermediate_consumption",  # Consumo intermedio
    "A131A": "value_added",               # Valor agregado censal bruto
    "A211A": "investment",                # Inversión total
    "A221A": "gfcf",                      # Formación bruta de capital fijo
    "Q000A": "fixed_assets",              # Acervo total de activos fijos
}
_VAR_RE = re.compile(r"^\s*([A-Z]\d{3}[A-Z])\b")
_ACT_RE = re.compile(r"^(?:Sector|Subsector|Rama|Subrama|Clase)\s+([0-9][0-9-]*)\s+(.*)$", re.I)


class CensusFormatError(DataValidationError):
    """The file does not look like an INEGI SAIC export (says what was expected)."""


def _norm(label: str) -> str:
    """Lower case, no accents, single spaces: 'Año  Censal' -> 'ano censal'."""
    label = unicodedata.normalize("NFKD", str(label)).encode("ascii", "ignore").decode()
    return " ".join(label.lower().split())


def _split_code(series: pd.Series, regex: re.Pattern) -> tuple[pd.Series, pd.Series]:
    """'28 Tamaulipas' -> ('28', 'Tamaulipas'); text without a code -> (NaN, text); blank -> (NaN, NaN)."""
    cells = series.fillna("").astype(str).str.strip()
    parts = cells.str.extract(regex)
    empty = cells == ""
    return parts[0].mask(empty), parts[1].fillna(cells).mask(empty)


def _tidy(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """Header-named SAIC rows (all cells text) -> the tidy wide table of :func:`load_census`."""
    cols = {_norm(c): c for c in frame.columns}
    need = {"ano censal": "Año Censal", "entidad": "Entidad", "actividad economica": "Actividad económica"}
    missing = [label for key, label in need.items() if key not in cols]
    if missing:
        raise CensusFormatError(text("data_msg.census.missing_columns", source=source, missing=missing,
                                     header=list(frame.columns)))
    out = pd.DataFrame(index=frame.index)
    year = frame[cols["ano censal"]].astype(str).str.strip()
    bad = ~year.str.fullmatch(r"\d{4}")
    if bad.any():
        raise CensusFormatError(text("data_msg.census.bad_year", source=source, examples=year[bad].iloc[:5].tolist()))
    out["census_year"] = year.astype("int64")

    geo = re.compile(r"^(\d+)\s+(.*)$")
    out["state_code"], out["state"] = _split_code(frame[cols["entidad"]], geo)
    if "municipio" in cols:
        out["municipality_code"], out["municipality"] = _split_code(frame[cols["municipio"]], geo)
    else:
        out["municipality_code"] = out["municipality"] = pd.Series(np.nan, index=out.index, dtype=object)
    out["sector_code"], out["sector"] = _split_code(frame[cols["actividad economica"]], _ACT_RE)

    variables = []
    for c in frame.columns:
        m = _VAR_RE.match(str(c))
        if not m:
            continue
        name = SAIC_VARIABLES.get(m.group(1), m.group(1).lower())
        cells = frame[c].fillna("").astype(str).str.strip().str.replace(",", "", regex=False)
        values = pd.to_numeric(cells.where(cells != "", np.nan), errors="coerce")
        bad = values.isna() & (cells != "")
        if bad.any():
            raise CensusFormatError(text("data_msg.census.not_numeric", source=source, column=c,
                                         examples=cells[bad].iloc[:5].tolist()))
        out[name] = values.astype("float64")
        variables.append(name)
    if not variables:
        raise CensusFormatError(text("data_msg.census.no_variables", source=source, header=list(frame.columns)))
    out["suppressed"] = out[variables].isna().any(axis=1)
    return out.reset_index(drop=True)


def read_saic_export(path: str | Path) -> pd.DataFrame:
    """Read an INEGI SAIC CSV export as published (title lines, BOM, CRLF, notes, NUL padding).

    The header line is detected (the first line whose first cell is 'Año Censal'), not assumed
    to be at a fixed position; reading stops at the first blank line or note after the data.
    Returns the same table as :func:`load_census`: census_year, state_code, state,
    municipality_code, municipality, sector_code, sector, one column per variable
    (see :data:`SAIC_VARIABLES`; unknown variable codes keep their lower-case code as name),
    and ``suppressed`` (True when any variable is blank = suppressed by INEGI). The file is only read.
    """
    path = Path(path)
    if not path.is_file():
        raise DataFileNotFoundError(text("data_msg._common.file_not_found", path=path))
    content = decode_text(path.read_bytes().replace(b"\x00", b""), None, path.name)  # SAIC pads with NUL bytes
    rows = list(csv.reader(io.StringIO(content)))
    header_at = next((i for i, r in enumerate(rows[:100]) if r and _norm(r[0]) == "ano censal"), None)
    if header_at is None:
        raise CensusFormatError(text("data_msg.census.no_header", name=path.name))
    header = [h.strip() for h in rows[header_at]]
    while header and header[-1] == "":
        header.pop()  # SAIC ends every line with a comma
    body = []
    for r in rows[header_at + 1:]:
        if not r or not any(c.strip() for c in r) or _norm(r[0]).startswith("nota"):
            break
        body.append((r + [""] * len(header))[: len(header)])
    if not body:
        raise CensusFormatError(text("data_msg.census.no_rows", name=path.name, line=header_at + 1))
    return _tidy(pd.DataFrame(body, columns=header, dtype=object), path.name)


def _parse_clean(path: Path) -> pd.DataFrame:
    return _tidy(plain_csv(path), path.name)


def load_census(raw: bool = False) -> pd.DataFrame:
    """Mexico economic censuses 2004-2024 for Tamaulipas (43 municipalities), the state and the nation.

    Source: INEGI, Censos Económicos (reference years 2003, 2008, 2013, 2018, 2023), SAIC export of
    22/09/2025 (datasets/subnational_mexico_inegi_ce_tamaulipas/SOURCE.md). 2,979 rows, 19 SCIAN
    2-digit sectors (manufacturing is '31-33', trade '43' and '46', transport '48-49').

    Columns: census_year (int), state_code ('00' = national total, '28' = Tamaulipas), state,
    municipality_code (3-digit INEGI code within the state, e.g. '032' Reynosa; NaN on state and
    national totals; the 5-digit geostatistical key is state_code + municipality_code), municipality,
    sector_code, sector (Spanish SCIAN names), employment (persons), gross_output,
    intermediate_consumption, value_added, investment, gfcf (gross fixed capital formation),
    fixed_assets (all money in millions of current MXN, not deflated), suppressed (bool).

    Caveats: 939 rows are suppressed (all seven variables blank, kept as NaN: "not published",
    not zero). Values are nominal: deflate before comparing census years in real terms.
    ``raw=True`` parses INEGI's original file with :func:`read_saic_export` (same table).
    """
    return shipped_table(_RAW, read_saic_export) if raw else shipped_table(_CLEAN, _parse_clean)
