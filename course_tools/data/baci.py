"""Read and download CEPII BACI, the reconciled world trade table at HS 6 digits.

BACI (Gaulier & Zignago 2010, CEPII Working Paper 2010-23; Etalab Open Licence 2.0) is published as one
zip per HS revision, e.g. ``https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS92_V202401.zip``, holding
one CSV per year ``BACI_HS92_Y2017_V202401.csv`` with the columns t (year), i (exporter, numeric
3-digit code), j (importer), k (HS 6-digit product, keep as text), v (value, thousands of current USD),
q (quantity, metric tonnes; may be blank), plus ``country_codes_V202401.csv`` and
``product_codes_HS92_V202401.csv``. Only strictly positive flows are recorded.
The full release is several GB; the course never downloads it in lessons or tests.

Two ways to read a release:

- :func:`read_baci` (pandas): the published rows as they are, HS 6-digit, for a year or a sample (L04);
- :func:`baci_panel` (DuckDB, out of core): exporter x importer x HS 2007 4-digit x year as a
  :class:`~course_tools.data.panel.TradePanel`, for the niche model on a full release (about 10
  million rows a year) within 1 GB of memory. Each year is aggregated on its own, converted from the
  release's HS revision to HS 2007 with the shipped concordances, and cached as Parquet next to the
  input (``<input>.nichos/``), keyed by the size and modification time of the file read; numeric
  country codes become ISO3 with the release's own ``country_codes_V*.csv``.
"""
from __future__ import annotations

import re
import shutil
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from course_tools.data._common import DataValidationError
from course_tools.i18n import text

__all__ = ["BACI_URL", "BACI_COLUMNS", "baci_url", "download_baci", "read_baci", "baci_to_parquet",
           "BaciFormatError", "estimate_table_size", "baci_panel", "PANEL_REVISIONS", "MEMORY_LIMIT"]

#: URL pattern of a BACI release (HS revision ``hs`` as 2 digits, ``release`` as YYYYMM, optionally a suffix).
BACI_URL = "https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS{hs}_V{release}.zip"
#: BACI's published columns, in order.
BACI_COLUMNS = ("t", "i", "j", "k", "v", "q")

_HS = {"92", "96", "02", "07", "12", "17", "22"}


class BaciFormatError(DataValidationError):
    """A file does not have BACI's published column layout."""


def baci_url(release: str, hs: str = "92", *, base: str = BACI_URL) -> str:
    """URL of the zip of one BACI release, e.g. ``baci_url("202401", "92")``."""
    hs = str(hs).zfill(2)
    if hs not in _HS:
        raise DataValidationError(text("home.baci.unknown_hs", hs=repr(hs), known=sorted(_HS)))
    if not re.fullmatch(r"\d{6}[a-z]?", str(release)):
        raise DataValidationError(text("home.baci.bad_release", release=repr(release)))
    return base.format(hs=hs, release=release)


def download_baci(release: str, dest: str | Path, *, hs: str = "92", url: str | None = None,
                  opener: Callable[[str], object] = urllib.request.urlopen,
                  overwrite: bool = False, chunk_size: int = 1 << 20) -> Path:
    """Download the zip of a BACI release into folder ``dest`` and return its path.

    Needs internet (several GB for a full release). ``url`` overrides the CEPII address (e.g. a mirror or a
    ``file://`` path); ``opener`` is the function that opens it (default ``urllib.request.urlopen``). An
    existing file is kept unless ``overwrite=True``. The file is written to ``*.part`` first and renamed
    only when complete, and checked to be a readable zip.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    url = url or baci_url(release, hs)
    target = dest / url.rstrip("/").rsplit("/", 1)[-1]
    if target.exists() and not overwrite:
        return target
    part = target.with_name(target.name + ".part")
    try:
        with opener(url) as response, open(part, "wb") as out:
            shutil.copyfileobj(response, out, chunk_size)
    except OSError as err:
        part.unlink(missing_ok=True)
        raise OSError(text("home.baci.download_failed", url=url, err=err)) from err
    if not zipfile.is_zipfile(part):
        part.unlink(missing_ok=True)
        raise BaciFormatError(text("home.baci.not_a_zip", url=url, release=repr(release)))
    part.replace(target)
    return target


def _members(zf: zipfile.ZipFile, years: Iterable[int] | None) -> list[str]:
    names = sorted(n for n in zf.namelist() if re.search(r"BACI_HS\d\d_Y\d{4}_V[^/]*\.csv$", n))
    if years is not None:
        wanted = {int(y) for y in years}
        names = [n for n in names if int(re.search(r"_Y(\d{4})_", n).group(1)) in wanted]
    if not names:
        raise BaciFormatError(text("home.baci.no_member", years=years))
    return names


def _read_csv(source, where: str) -> pd.DataFrame:
    d = pd.read_csv(source, dtype={"t": "int64", "i": "int64", "j": "int64", "k": str, "v": "float64"},
                    na_values=["", "NA"], skipinitialspace=True)
    d.columns = [str(c).strip() for c in d.columns]
    missing = [c for c in BACI_COLUMNS if c not in d.columns]
    if missing:
        raise BaciFormatError(text("home.baci.no_columns", where=where, missing=missing, columns=list(BACI_COLUMNS)))
    return d


def read_baci(path_or_zip: str | Path, *, years: Iterable[int] | None = None,
              codes: pd.DataFrame | None = None, usd: bool = True) -> pd.DataFrame:
    """Read BACI (one year CSV, or the release zip) into a tidy long table.

    Output columns: year, exporter, importer (3-digit numeric codes as text, e.g. '152' Chile; or ISO3 if
    ``codes`` is given: a table with columns ``m49`` and ``iso3`` such as ``countries()``), product (HS6
    text, leading zeros kept), value (current USD if ``usd`` else thousands of USD as published: v × 1000),
    quantity (tonnes, NaN where BACI has none).
    """
    path = Path(path_or_zip)
    if not path.exists():
        raise FileNotFoundError(text("home.baci.no_file", path=path))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            parts = []
            for name in _members(zf, years):
                with zf.open(name) as fh:
                    parts.append(_read_csv(fh, f"{path.name}:{name}"))
        raw = pd.concat(parts, ignore_index=True)
    else:
        raw = _read_csv(path, path.name)
        if years is not None:
            raw = raw[raw["t"].isin([int(y) for y in years])]
    out = pd.DataFrame({
        "year": raw["t"].astype("int64").to_numpy(),
        "exporter": raw["i"].astype("int64").astype(str).str.zfill(3).to_numpy(),
        "importer": raw["j"].astype("int64").astype(str).str.zfill(3).to_numpy(),
        "product": raw["k"].astype(str).str.strip().str.zfill(6).to_numpy(),
        "value": (raw["v"].astype("float64") * (1000.0 if usd else 1.0)).to_numpy(),
        "quantity": pd.to_numeric(raw["q"], errors="coerce").astype("float64").to_numpy(),
    })
    if codes is not None:
        if not {"m49", "iso3"} <= set(codes.columns):
            raise DataValidationError(text("home.baci.codes_table"))
        m = dict(zip(codes["m49"].astype(str).str.zfill(3), codes["iso3"]))
        for col in ("exporter", "importer"):
            out[col] = out[col].map(lambda c: m.get(c, c))
    return out


def baci_to_parquet(path_or_zip: str | Path, dest: str | Path, *, years: Iterable[int] | None = None,
                    codes: pd.DataFrame | None = None) -> list[Path]:
    """Convert BACI year files to Parquet, one file per year ``dest/baci_<year>.parquet``; return the paths.

    Reads one year at a time so memory stays at one year's table (about 10 million rows for recent years,
    roughly 1 GB in pandas; DuckDB can then query all years from disk).
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    path = Path(path_or_zip)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            ys = [int(re.search(r"_Y(\d{4})_", n).group(1)) for n in _members(zf, years)]
    else:
        ys = sorted(set(pd.read_csv(path, usecols=["t"])["t"].astype(int))) if years is None else list(years)
    written = []
    for y in ys:
        table = read_baci(path, years=[y], codes=codes)
        target = dest / f"baci_{y}.parquet"
        table.to_parquet(target, index=False)
        written.append(target)
    return written


def estimate_table_size(n_exporters: int, n_importers: int, n_products: int, n_years: int = 1, *,
                        density: float = 1.0, bytes_per_row: float = 40.0) -> dict[str, float]:
    """Rows and memory of a full exporter × importer × product × year table.

    rows = n_exporters × n_importers × n_products × n_years × density, where density is the share of the
    possible cells with a positive flow (BACI keeps only positive flows); bytes = rows × bytes_per_row
    (measure it with ``DataFrame.memory_usage(deep=True).sum() / len(df)``). Returns rows, gb (bytes / 1e9).
    Example: 200 × 200 × 5,000 × 1 at density 1 = 200,000,000 possible rows.
    """
    for name, n in (("n_exporters", n_exporters), ("n_importers", n_importers), ("n_products", n_products),
                    ("n_years", n_years)):
        if n <= 0:
            raise DataValidationError(text("home.baci.not_positive", name=name, n=repr(n)))
    if not 0 < density <= 1:
        raise DataValidationError(text("home.baci.bad_density", density=repr(density)))
    rows = float(n_exporters) * n_importers * n_products * n_years * density
    return {"rows": rows, "gb": rows * bytes_per_row / 1e9}


# --------------------------------------------------------------------------------------------
# a release as a trade panel: DuckDB, one year at a time, cached as Parquet next to the input
# --------------------------------------------------------------------------------------------

#: The HS revisions :func:`baci_panel` converts to HS 2007 with the shipped concordances (BACI's two digits).
PANEL_REVISIONS: dict[str, str] = {"92": "hs92", "07": "hs07", "22": "hs22"}
#: Memory DuckDB may use while aggregating one year (beyond it, it works on disk in the cache folder).
MEMORY_LIMIT = "500MB"
_CACHE_VERSION = 1
_YEAR_FILE = re.compile(r"BACI_HS(\d\d)_Y(\d{4})_V([^/\\]*)\.csv$", re.I)
_RELEASE = re.compile(r"BACI_HS(\d\d)_V([^/\\.]*)", re.I)
_COUNTRY_FILE = re.compile(r"country_codes_V[^/\\]*\.csv$", re.I)


def baci_panel(path: str | Path, years: Iterable[int] | None = None, *, hs: str | None = None,
               country_codes: str | Path | None = None, cache: bool = True, cache_dir: str | Path | None = None,
               memory_limit: str = MEMORY_LIMIT, threads: int = 2):
    """A BACI release as a :class:`~course_tools.data.panel.TradePanel`: exporter x importer x HS 2007 4-digit x year.

    ``path``: the release zip (``BACI_HS92_V202401.zip``), the folder it unzips to, or one year's CSV
    (``BACI_HS92_Y2022_V202401.csv``). ``years``: the years to read (default all). ``hs``: the HS
    revision (``"92"``, ``"07"``, ``"22"``) when the file names do not say it; ``country_codes``: the
    release's ``country_codes_V*.csv`` when it is not in the zip or next to the CSV.

    Each year is read and aggregated by DuckDB out of core (``memory_limit``, ``threads``; temporary
    files in the cache folder) and written to ``<input>.nichos/`` next to the input (or ``cache_dir``;
    ``~/.cache/nichos/baci`` when that folder cannot be written), one Parquet file per year keyed by the
    size and modification time of the file read, so the next call reads the cache in seconds
    (``cache=False`` aggregates again). The input is only read.

    Rules: value = v x 1000 (BACI gives thousands of current USD; quantities are left out); HS codes of
    the release's revision go to HS 2007 4-digit headings with the shipped concordance
    (:func:`course_tools.data.concordance` at 6 -> 4 digits, weights 1/n that keep totals; HS 2007
    releases are cut to 4 digits); a 6-digit code of the revision with no correspondence goes to its
    own 4-digit heading when HS 2007 has it, and codes of neither kind are left out and reported in
    the notes; exporters and importers become ISO3 with the release's country file (codes it gives
    that are not ISO3, e.g. ``S19`` "Other Asia, nes", are kept as written). Every rule is stated in
    ``panel.provenance.notes``.

    Raises :class:`BaciFormatError` (a :class:`~course_tools.data.DataValidationError`) naming the
    file, the column and the first offending lines for a missing column or a non-numeric value, and
    saying how to fix an unknown HS revision, a missing year or a missing country file.
    """
    from course_tools.data.baci_release import aggregate_release

    return aggregate_release(Path(path), years, hs=hs, country_codes=country_codes, cache=cache,
                             cache_dir=cache_dir, memory_limit=memory_limit, threads=threads)
