"""Practice files in the layouts coordinators download, written from the shipped tables (lesson L13, tests).

A coordinator brings a CEPII BACI release or a national customs file; the course cannot ship either
(size, licences), so lesson L13 and the tests write files in exactly those layouts from the shipped real
tables, and read them back with the functions a coordinator uses (:func:`~course_tools.data.read_baci`,
:func:`~course_tools.data.read_customs`). **They are practice files, not new data**: every value is a
shipped value, spread over partners with a stated rule, and every file name says ``PRACTICE``.

- :func:`practice_flows`: the real exports of each exporter and HS 2007 heading of one shipped year
  (``load_trade(year)``, positive values) spread over the exporter's ``partners`` (:data:`PARTNERS`, 3) largest 2006
  destinations of the gravity table (its old codes ROM, ZAR, YUG read as ROU, COD, SRB) with the real 2006
  shares renormalised over them; exporters not in that table (or with no positive 2006 flow): the largest
  world importers of the table, with their import shares. Summed over partners, every exporter's exports
  of every heading are those of the shipped table. Three partners (six before) keep the release of lesson L13
  (1980 and 2017) at about 0.8 million flows, and the lesson's kernel well under 1 GB.
- :func:`write_practice_baci`: a BACI release (zip with ``BACI_HS07_Y<year>_VPRACTICE.csv`` files,
  ``t,i,j,k,v,q``, v in thousands of USD rounded to the dollar, and ``country_codes_VPRACTICE.csv``) of
  those flows; each heading written as its first HS 2007 6-digit code; country codes are BACI's (UN
  Comtrade's: the UN M49 code except :data:`BACI_CODES`); countries with no numeric code (ANT, CSK, DDR,
  PCI, SUN, YMD, YUG in 1980: 1.9 % of that year's world exports) are left out.
- :func:`write_practice_customs`: one country's customs file as a statistics office publishes it
  (Latin-1, ``;``, title rows, 8-digit national tariff lines, destinations in Spanish, ``1.234,56``
  numbers, a ``TOTAL GENERAL`` row and footer lines), from the same flows; :data:`CUSTOMS_OPTIONS` reads it.
- :func:`practice_folder`: a temporary folder for them, deleted when Python exits (never the repository).
"""
from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["PRACTICE_RELEASE", "PARTNERS", "BACI_CODES", "CUSTOMS_OPTIONS", "baci_code", "baci_country_file",
           "first_hs6", "es_number", "practice_flows", "practice_folder", "write_practice_baci",
           "write_practice_customs"]

#: The release name written in the practice files' names (never a real CEPII release).
PRACTICE_RELEASE = "PRACTICE"
#: Partners each exporter's exports are spread over: three keep the two years of a release at about 0.8 million
#: flows, so a lesson reads it and builds a criteria table well under 1 GB of memory (six: 1.6 million flows).
PARTNERS = 3
#: Countries whose BACI (UN Comtrade) code is not their M49 code (France with Monaco is 251, the USA with
#: Puerto Rico 842, Switzerland with Liechtenstein 757, India 699, Norway 579).
BACI_CODES: dict[str, int] = {"USA": 842, "FRA": 251, "CHE": 757, "IND": 699, "NOR": 579}
#: How :func:`~course_tools.data.read_customs` reads a practice customs file (``year=`` is the file's year).
CUSTOMS_OPTIONS: dict[str, str] = {"product_col": "NCM", "value_col": "Valor FOB (US$)",
                                   "partner_col": "País de destino", "classification": "hs07",
                                   "decimal": ",", "thousands": "."}

_FOLDER: list[tempfile.TemporaryDirectory] = []
_WRITTEN: dict[tuple, tuple[int, int]] = {}


@lru_cache(maxsize=1)
def _m49() -> dict[str, int]:
    from course_tools.data.country_codes import countries

    c = countries().dropna(subset=["m49"])
    return dict(zip(c["iso3"], pd.to_numeric(c["m49"]).astype(int)))


def baci_code(iso3: str) -> int:
    """BACI's numeric code of a country (UN M49, except :data:`BACI_CODES`)."""
    return BACI_CODES.get(iso3) or _m49()[iso3]


def baci_country_file(iso3s: Iterable[str]) -> str:
    """A ``country_codes_V*.csv`` in the layout of recent BACI releases, for these countries."""
    from course_tools.data.country_codes import countries

    c = countries().set_index("iso3")
    lines = ["country_code,country_name,country_iso2,country_iso3"]
    for iso in sorted(set(iso3s)):
        name = str(c.loc[iso, "name"]).replace('"', "'")
        lines.append(f'{baci_code(iso)},"{name}",{c.loc[iso, "iso2"]},{iso}')
    return "\n".join(lines) + "\n"


def first_hs6(headings: Iterable[str]) -> dict[str, str]:
    """HS 2007 heading -> its first 6-digit subheading (headings with none are left out)."""
    from course_tools.data.classifications import products

    p = products("hs07", 6)
    p = p[p["parent"].isin(set(headings))].sort_values("code")
    return p.groupby("parent")["code"].first().to_dict()


def es_number(value: float) -> str:
    """A number as Spanish-speaking offices write it: 1843256712.45 -> '1.843.256.712,45'."""
    return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def practice_folder() -> Path:
    """A temporary folder for practice files, the same for the whole Python session, deleted when it ends."""
    if not _FOLDER:
        _FOLDER.append(tempfile.TemporaryDirectory(prefix="nichos-practice-"))
    return Path(_FOLDER[0].name)


def _shares(partners: int) -> tuple[pd.DataFrame, pd.Series]:
    """(exporter, importer, share: each exporter's ``partners`` largest 2006 destinations, shares renormalised;
    every importer's 2006 imports, largest first)."""
    from course_tools.data.gravity import load_gravity

    g = load_gravity(current_codes=True)
    g = g[(g["exporter"] != g["importer"]) & (g["flow"] > 0) & g["importer"].isin(_m49())]
    world = g.groupby("importer")["flow"].sum().sort_values(ascending=False)
    g = g.sort_values(["exporter", "flow", "importer"], ascending=[True, False, True])
    top = g.groupby("exporter", sort=False).head(partners)
    top = top.assign(share=top["flow"] / top.groupby("exporter")["flow"].transform("sum"))
    return top[["exporter", "importer", "share"]].reset_index(drop=True), world


def practice_flows(year: int, *, partners: int = PARTNERS) -> pd.DataFrame:
    """The practice flows of one shipped year (module docstring): exporter, importer, product, value (USD).

    Computed once per session and arguments; each call returns a fresh copy.
    """
    return _flows(int(year), int(partners)).copy()


@lru_cache(maxsize=4)
def _flows(year: int, partners: int) -> pd.DataFrame:
    from course_tools.data.trade import load_trade

    t = load_trade(year).dropna(subset=["export_value"])
    t = t[t["export_value"] > 0]
    sh, world = _shares(partners)
    rows = [sh]
    for e in sorted(set(t["country"]) - set(sh["exporter"])):
        w = world.drop(index=e, errors="ignore").head(partners)
        rows.append(pd.DataFrame({"exporter": e, "importer": w.index, "share": (w / w.sum()).to_numpy()}))
    f = t.merge(pd.concat(rows, ignore_index=True), left_on="country", right_on="exporter")
    f = f.assign(value=f["export_value"] * f["share"])
    return f[["exporter", "importer", "product", "value"]].reset_index(drop=True)


def _csv(body: pd.DataFrame) -> bytes:
    """BACI's CSV (header t,i,j,k,v,q, no quotes), written with pyarrow: a year of flows in about a second."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    buf = io.BytesIO()
    buf.write(b"t,i,j,k,v,q\n")
    pacsv.write_csv(pa.Table.from_pandas(body, preserve_index=False), buf,
                    pacsv.WriteOptions(include_header=False, quoting_style="none"))
    return buf.getvalue()


def _baci_year(year: int, partners: int) -> tuple[bytes, set[str]]:
    """The CSV of one year of the practice release, and the countries it names."""
    f = _flows(int(year), int(partners))   # the cached frame, only read here
    codes = {iso: baci_code(iso) for iso in set(f["exporter"]) | set(f["importer"]) if iso in _m49()}
    f = f[f["exporter"].isin(codes) & f["importer"].isin(codes)]
    k6 = first_hs6(f["product"].unique())
    f = f[f["product"].isin(k6)]
    body = pd.DataFrame({"t": int(year), "i": f["exporter"].map(codes), "j": f["importer"].map(codes),
                         "k": f["product"].map(k6).str.lstrip("0"),
                         "v": np.round(f["value"].to_numpy() / 1000.0, 3), "q": ""})
    return _csv(body), set(f["exporter"]) | set(f["importer"])


def _unchanged(key: tuple, target: Path) -> bool:
    """True when ``target`` is the file this session wrote with the same arguments, untouched since."""
    if key not in _WRITTEN or not target.exists():
        return False
    st = target.stat()
    return _WRITTEN[key] == (st.st_size, st.st_mtime_ns)


def write_practice_baci(folder: str | Path, years: Iterable[int] = (1980, 2017), *, partners: int = PARTNERS) -> Path:
    """Write a practice BACI release zip (module docstring) into ``folder`` and return its path.

    Written once per Python session and arguments: a second call finds the file it wrote, unchanged, and
    returns it (a lesson run for many countries in one kernel writes it once).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"BACI_HS07_V{PRACTICE_RELEASE}.zip"
    key = ("baci", str(target.resolve()), tuple(int(y) for y in years), int(partners))
    if _unchanged(key, target):
        return target
    used: set[str] = set()
    part = target.with_name(target.name + ".part")
    with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for year in key[2]:
            body, names = _baci_year(year, int(partners))
            used |= names
            z.writestr(f"BACI_HS07_Y{year}_V{PRACTICE_RELEASE}.csv", body)
        z.writestr(f"country_codes_V{PRACTICE_RELEASE}.csv", baci_country_file(used))
    part.replace(target)
    st = target.stat()
    _WRITTEN[key] = (st.st_size, st.st_mtime_ns)
    return target


def write_practice_customs(folder: str | Path, country: str, year: int | Iterable[int] = 2017, *,
                           partners: int = PARTNERS) -> Path:
    """Write ``country``'s practice customs file for ``year`` (module docstring) into ``folder``; return its path.

    Columns ``NCM;Descripción;País de destino;Valor FOB (US$)``, one row per national line and destination;
    each heading is written as the 8-digit line ``<first HS 2007 subheading>.10``. Read it with
    ``read_customs(path, country, world=shipped_panel(), year=year, **CUSTOMS_OPTIONS)``.
    Several years (``year=(1980, 2017)``): one file with a first column ``Año`` (read it with
    ``year_col="Año"`` instead of ``year=``), the years one after the other, one ``TOTAL GENERAL`` row at the end.
    """
    from course_tools.data.classifications import products
    from course_tools.data.country_codes import countries

    code = str(country).strip().upper()
    years = [int(year)] if isinstance(year, (int, np.integer)) else [int(y) for y in year]
    several = len(years) > 1
    names = products("hs07", 4, lang="es").drop_duplicates("code").set_index("code")["name"]
    es = countries("es").set_index("iso3")["name"].str.replace("\u2019", "'")   # Latin-1 has no typographic apostrophe
    span = f"Años {years[0]}-{years[-1]}" if several else f"Año {years[0]}"
    lines = ["Dirección Nacional de Aduanas - archivo de práctica del curso Nichos (PRACTICE)",
             "Exportaciones por NCM y país de destino", f"{span} - Valores FOB en dólares",
             ("Año;" if several else "") + "NCM;Descripción;País de destino;Valor FOB (US$)"]
    total = 0.0
    for y in years:
        f = _flows(y, int(partners))
        f = f[f["exporter"] == code]
        k6 = first_hs6(f["product"].unique())
        f = f[f["product"].isin(k6)].sort_values(["product", "value"], ascending=[True, False])
        total += float(f["value"].sum())
        for r in f.itertuples():
            six = k6[r.product]
            desc = str(names.get(r.product, "")).replace(";", ",")[:40]
            lines.append((f"{y};" if several else "") +
                         f"{six[:4]}.{six[4:]}.10;{desc};{es.get(r.importer, r.importer)};{es_number(r.value)}")
    lines.append(("TOTAL GENERAL;;;;" if several else "TOTAL GENERAL;;;") + es_number(total))
    lines += ["", "Fuente: archivo de práctica escrito desde las tablas del curso (no son datos nuevos)."]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"exportaciones_{code}_{'-'.join(str(y) for y in years)}_{PRACTICE_RELEASE}.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1", errors="replace"))
    return path
