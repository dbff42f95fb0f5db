"""The steps of :func:`course_tools.data.baci.baci_panel`: find the years of a release, aggregate each with DuckDB.

1. :func:`find_release`    which files hold which years (zip members, a folder's yearly CSVs, one CSV), the
                           HS revision and release name (from the file names, or ``hs=``), the country file;
2. :func:`product_map`     every 6-digit code of the revision -> HS 2007 4-digit heading(s) with weights
                           that keep totals (the shipped concordances, then the code's own heading);
3. :func:`aggregate_year`  one year: the header checked, then DuckDB sums v x weight x 1000 by
                           (year, exporter, importer, heading) straight into a Parquet file in the cache;
4. :func:`aggregate_release` the years read back (codes as categories), numeric country codes -> ISO3
                           with the release's own country file, and the panel with its provenance.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from course_tools.data.baci import (
    _COUNTRY_FILE,
    _RELEASE,
    _YEAR_FILE,
    BACI_COLUMNS,
    PANEL_REVISIONS,
    BaciFormatError,
)
from course_tools.data.panel import Note, Provenance, TradePanel
from course_tools.i18n import text

__all__ = ["YearFile", "Release", "find_release", "product_map", "aggregate_year", "aggregate_release"]

_CACHE_VERSION = 1
_UNMATCHED = "u"  # prefix of a 6-digit code that no rule maps (left out, reported)


@dataclass(frozen=True)
class YearFile:
    """One year of a release: its year (None: a CSV whose name gives none), the file read, its zip member."""

    year: int | None
    file: Path
    member: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file.name}:{self.member}" if self.member else self.file.name


@dataclass(frozen=True)
class Release:
    """A release as found on disk: the path given, HS revision (2 digits), release name, years, country file."""

    path: Path
    hs: str
    name: str
    years: tuple[YearFile, ...]
    country_file: tuple[Path, str | None] | None


def _year_files(path: Path) -> tuple[list[YearFile], list[str], tuple[Path, str | None] | None]:
    """(year files, the names they were found by, the country file) of a zip, a folder or one CSV."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
        found = [YearFile(int(m.group(2)), path, n) for n in names if (m := _YEAR_FILE.search(n))]
        country = next(((path, n) for n in names if _COUNTRY_FILE.search(n)), None)
        return found, [path.name] + names, country
    folder = path if path.is_dir() else path.parent
    country = next(((f, None) for f in sorted(folder.glob("*.csv")) if _COUNTRY_FILE.search(f.name)), None)
    if path.is_dir():
        files = sorted(f for f in path.iterdir() if _YEAR_FILE.search(f.name))
        return [YearFile(int(_YEAR_FILE.search(f.name).group(2)), f) for f in files], [path.name], country
    m = _YEAR_FILE.search(path.name)
    return [YearFile(int(m.group(2)) if m else None, path)], [path.name], country


def _revision(names: list[str], hs: str | None, path: Path) -> tuple[str, str]:
    """(HS revision as 2 digits, release name) from ``hs`` or the file names."""
    found = [(m.group(1), m.group(2)) for n in names for m in [_RELEASE.search(n) or _YEAR_FILE.search(n)] if m]
    release = next((f"V{m[-1]}" for m in found if m[-1]), None) or "unknown release"
    if _YEAR_FILE.search(names[-1]):
        release = f"V{_YEAR_FILE.search(names[-1]).group(3)}"
    code = str(hs).upper().replace("HS", "").zfill(2) if hs is not None else (found[0][0] if found else None)
    if code is None:
        raise BaciFormatError(text("home.baci.no_revision", file=path.name))
    if code not in PANEL_REVISIONS:
        raise BaciFormatError(text("home.baci.revision_not_shipped", file=path.name, code=code))
    return code, release


def find_release(path: Path, years: Iterable[int] | None, hs: str | None,
                 country_codes: str | Path | None) -> Release:
    """The files of the release at ``path`` that hold ``years`` (all when None), its revision and country file."""
    if not path.exists():
        raise FileNotFoundError(text("home.baci.no_release", path=path))
    found, names, country = _year_files(path)
    if not found:
        raise BaciFormatError(text("home.baci.no_year_file", file=path.name))
    code, release = _revision(names, hs, path)
    if years is not None:
        wanted = sorted({int(y) for y in years})
        have = sorted(y.year for y in found if y.year is not None)
        missing = [y for y in wanted if y not in have and found[0].year is not None]
        if missing:
            raise BaciFormatError(text("home.baci.no_years", file=path.name, missing=missing, have=have))
        found = [y for y in found if y.year is None or y.year in wanted]
    if country_codes is not None:
        country = (Path(country_codes), None)
    return Release(path, code, release, tuple(sorted(found, key=lambda y: y.year or 0)), country)


def product_map(hs: str) -> tuple[pd.DataFrame, str]:
    """Columns k6, product (HS 2007 4-digit), weight for every 6-digit code of revision ``hs``; and the rule."""
    from course_tools.data.classifications import products
    from course_tools.data.concordances import concordance

    cls = PANEL_REVISIONS[hs]
    headings = set(products("hs07", 4)["code"])
    if cls == "hs07":
        codes = products("hs07", 6)["code"]
        return pd.DataFrame({"k6": codes, "product": codes.str[:4], "weight": 1.0}), "cut"
    c = concordance(cls, "hs07", source_level=6, target_level=4).rename(columns={cls: "k6", "hs07": "product"})
    own = products(cls, 6)["code"]
    own = own[~own.isin(c["k6"]) & own.str[:4].isin(headings)]
    extra = pd.DataFrame({"k6": own, "product": own.str[:4], "weight": 1.0})
    return pd.concat([c, extra], ignore_index=True), "concordance"


def cache_folder(path: Path, cache_dir: str | Path | None) -> tuple[Path, bool]:
    """(the cache folder, whether it is the one next to the input): ``<input>.nichos`` when it can be written."""
    if cache_dir is not None:
        folder = Path(cache_dir)
        folder.mkdir(parents=True, exist_ok=True)
        return folder, False
    beside = path.parent / f"{path.name}.nichos"
    try:
        beside.mkdir(exist_ok=True)
        probe = beside / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
        return beside, True
    except OSError:
        digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10]
        folder = Path.home() / ".cache" / "nichos" / "baci" / f"{path.name}-{digest}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder, False


def _header(yf: YearFile) -> list[str]:
    """The column names of a year file (first line), stripped and lower case."""
    if yf.member:
        with zipfile.ZipFile(yf.file) as zf, zf.open(yf.member) as fh:
            line = fh.readline().decode("utf-8-sig", errors="replace")
    else:
        with open(yf.file, encoding="utf-8-sig", errors="replace") as fh:
            line = fh.readline()
    return [c.strip().strip('"').lower() for c in line.strip().split(",")]


def _check_header(yf: YearFile) -> list[str]:
    header = _header(yf)
    missing = [c for c in BACI_COLUMNS if c not in header]
    if missing:
        raise BaciFormatError(text("own_data.baci_missing_columns", where=yf.where, missing=missing, header=header,
                                   expected=list(BACI_COLUMNS)))
    return header


def _csv_of(yf: YearFile, tmp: Path) -> Path:
    """The year's CSV on disk: the file itself, or its zip member extracted to ``tmp`` (deleted after)."""
    if yf.member is None:
        return yf.file
    target = tmp / Path(yf.member).name
    with zipfile.ZipFile(yf.file) as zf, zf.open(yf.member) as src, open(target, "wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)
    return target


def _connect(memory_limit: str, threads: int, tmp: Path):
    import duckdb

    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET threads = {int(threads)}")
    con.execute(f"SET temp_directory = '{tmp.as_posix()}'")
    con.execute("SET preserve_insertion_order = false")
    return con


def _scan(csv: Path, header: list[str], typed: bool) -> str:
    """DuckDB's read_csv of a BACI year file, with BACI's types (typed) or every column as text."""
    types = {"t": "INTEGER", "i": "INTEGER", "j": "INTEGER", "k": "VARCHAR", "v": "DOUBLE"}
    cols = ", ".join(f"'{c}': '{types.get(c, 'VARCHAR') if typed else 'VARCHAR'}'" for c in header)
    return (f"read_csv('{csv.as_posix()}', header = true, auto_detect = false, delim = ',', quote = '\"', "
            f"nullstr = ['', 'NA'], columns = {{{cols}}})")


def _bad_values(con, csv: Path, header: list[str], where: str) -> None:
    """After DuckDB refused the file: the first lines whose t, i, j or v is not a number, as a BaciFormatError."""
    for col, cast in (("t", "INTEGER"), ("i", "INTEGER"), ("j", "INTEGER"), ("v", "DOUBLE")):
        scan = _scan(csv, header, False)
        bad = con.execute(
            f"SELECT line, {col} FROM (SELECT row_number() OVER () + 1 AS line, {col} FROM {scan}) "
            f"WHERE {col} IS NOT NULL AND TRY_CAST(trim({col}) AS {cast}) IS NULL ORDER BY line LIMIT 5").fetchall()
        if bad:
            shown = "\n".join(f"  line {n}: {v!r}" for n, v in bad)
            raise BaciFormatError(text("own_data.baci_not_numbers", where=where, column=repr(col), shown=shown))


def aggregate_year(yf: YearFile, release: Release, products: pd.DataFrame, folder: Path, *, cache: bool,
                   memory_limit: str, threads: int) -> Path:
    """The Parquet file of one year: year, i, j, product, value (USD), summed by DuckDB out of core.

    Cached in ``folder`` under a name keyed by the size and modification time of the file read.
    """
    import duckdb

    st = yf.file.stat()
    label = f"Y{yf.year}" if yf.year is not None else Path(yf.file.name).stem
    target = folder / f"BACI_HS{release.hs}_{release.name}_{label}_hs07_4d_{st.st_size}_{st.st_mtime_ns}" \
                      f"_v{_CACHE_VERSION}.parquet"
    if cache and target.exists():
        return target
    header = _check_header(yf)
    tmp = folder / f"tmp-{os.getpid()}"
    tmp.mkdir(exist_ok=True)
    try:
        csv = _csv_of(yf, tmp)
        con = _connect(memory_limit, threads, tmp)
        con.register("product_map", products)
        part = target.with_name(target.name + ".part")
        query = (f"SELECT CAST(t AS SMALLINT) AS year, CAST(i AS SMALLINT) AS i, CAST(j AS SMALLINT) AS j, "
                 f"coalesce(m.product, '{_UNMATCHED}' || s.k6) AS product, "
                 f"sum(s.v * coalesce(m.weight, 1.0)) * 1000.0 AS value "
                 f"FROM (SELECT t, i, j, lpad(trim(k), 6, '0') AS k6, v FROM {_scan(csv, header, True)}) s "
                 f"LEFT JOIN product_map m ON s.k6 = m.k6 GROUP BY ALL")
        try:
            con.execute(f"COPY ({query}) TO '{part.as_posix()}' (FORMAT parquet, COMPRESSION zstd)")
        except duckdb.Error as err:
            _bad_values(con, csv, header, yf.where)
            first = str(err).splitlines()[0]
            raise BaciFormatError(text("home.baci.duckdb_failed", where=yf.where, err=first)) from None
        finally:
            con.close()
        part.replace(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _country_table(release: Release) -> dict[int, str]:
    """The release's numeric country code -> ISO3 (columns country_code and country_iso3 or iso_3digit_alpha)."""
    if release.country_file is None:
        raise BaciFormatError(text("home.baci.no_country_file", file=release.path.name))
    file, member = release.country_file
    if member:
        with zipfile.ZipFile(file) as zf, zf.open(member) as fh:
            d = pd.read_csv(fh, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        d = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    d.columns = [str(c).strip().lower() for c in d.columns]
    iso = next((c for c in ("country_iso3", "iso_3digit_alpha") if c in d.columns), None)
    if "country_code" not in d.columns or iso is None:
        raise BaciFormatError(text("home.baci.country_file_columns", file=member or file.name, columns=list(d.columns)))
    return {int(c): str(s).strip().upper() for c, s in zip(d["country_code"], d[iso]) if str(c).strip().isdigit()}


def _to_iso3(codes: pd.Series, table: dict[int, str], release: Release) -> pd.Categorical:
    found = pd.Index(codes.unique())
    unknown = [int(c) for c in found if int(c) not in table]
    if unknown:
        raise BaciFormatError(text("home.baci.unknown_codes", file=release.path.name, codes=sorted(unknown)[:10]))
    return pd.Categorical(codes.map(table))


def _read_years(files: list[Path], release: Release) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(flows with ISO3 codes and categories, the rows no rule mapped) from the cached Parquet files."""
    import pyarrow.parquet as pq

    parts = [pq.read_table(f, read_dictionary=["product"]).to_pandas() for f in files]
    d = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    if len(parts) > 1:
        d["product"] = d["product"].astype(str).astype("category")
    lost = d["product"].astype(str).str.startswith(_UNMATCHED).to_numpy()
    unmatched = d.loc[lost].copy()
    d = d.loc[~lost]
    table = _country_table(release)
    flows = pd.DataFrame({"year": d["year"].astype("int64").to_numpy(),
                          "exporter": _to_iso3(d["i"], table, release),
                          "importer": _to_iso3(d["j"], table, release),
                          "product": d["product"].cat.remove_unused_categories().to_numpy(),
                          "value": d["value"].astype("float64").to_numpy()})
    return flows, unmatched


def _notes(release: Release, rule: str, unmatched: pd.DataFrame, total: float, folder: Path,
           flows: pd.DataFrame) -> tuple[str, ...]:
    cls = PANEL_REVISIONS[release.hs]
    notes = [Note("own_data.note_baci_values")]
    notes.append(Note("own_data.note_baci_cut") if rule == "cut" else Note("own_data.note_baci_concordance", hs=cls))
    if len(unmatched):
        codes = sorted({str(p)[len(_UNMATCHED):] for p in unmatched["product"]})
        lost = float(unmatched["value"].sum())
        notes.append(Note("own_data.note_baci_unmatched", n=len(codes), codes=", ".join(codes[:8]),
                          usd=f"{lost:,.0f}", share=f"{100 * lost / total if total else 0:.3f}"))
    odd = sorted({c for col in ("exporter", "importer") for c in flows[col].cat.categories if not c.isalpha()})
    file = release.country_file[1] or release.country_file[0].name
    notes.append(Note("own_data.note_baci_countries", file=file, odd=", ".join(odd)) if odd
                 else Note("own_data.note_baci_countries_all", file=file))
    notes.append(Note("own_data.note_baci_cache", folder=str(folder)))
    return tuple(notes)


def aggregate_release(path: Path, years: Iterable[int] | None, *, hs: str | None, country_codes: str | Path | None,
                      cache: bool, cache_dir: str | Path | None, memory_limit: str, threads: int) -> TradePanel:
    """:func:`course_tools.data.baci.baci_panel`: every step above, one year at a time."""
    release = find_release(path, years, hs, country_codes)
    products, rule = product_map(release.hs)
    folder, _beside = cache_folder(path, cache_dir)
    files = [aggregate_year(yf, release, products, folder, cache=cache, memory_limit=memory_limit,
                            threads=threads) for yf in release.years]
    flows, unmatched = _read_years(files, release)
    total = float(flows["value"].sum()) + float(unmatched["value"].sum())
    prov = Provenance(source="CEPII BACI", release=release.name, classification="hs07",
                      original_classification=f"HS{release.hs}",
                      years=tuple(sorted(int(y) for y in flows["year"].unique())), path=str(path),
                      notes=_notes(release, rule, unmatched, total, folder, flows))
    return TradePanel(flows, prov)
