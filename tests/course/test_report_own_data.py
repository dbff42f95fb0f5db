"""The one command a coordinator runs at home: ``course report`` on their own files, end to end.

Two runs of ``course report`` (module-scoped fixtures, one per language), on PRACTICE files written by
:mod:`course_tools.data.practice` into a temporary folder from the shipped real tables (never new data):

- **Paraguay in Spanish** from a customs file as the statistics office publishes it (Latin-1, ``;``, title rows,
  a year column, NCM 8-digit lines, destinations in Spanish, ``1.234,56``, a ``TOTAL GENERAL`` row and a footer),
  1980 and 2017, with the world from a BACI release of the same years, a national IO table, a census criterion and
  the L11 weights (the templates' filled examples): criteria year 2017, window 1980–2017.
- **Trinidad and Tobago in English** from a BACI release of 1962 and 1980 alone: criteria year 1980, window
  1962–1980. No year of that run is 2017, so any number taken from the shipped 2017 table would show.

What the coordinator gets is checked: the page and the workbook exist; the year is the file's; each number
section names its year and the page its sources (the trade source, release and file, never the shipped tables
for trade); Spanish numbers have a decimal comma; both lists of niches are non-empty; the exports of the largest
heading are the raw file's value (worked from the CSV with the ``csv`` module, not with course_tools); the
coordinator's files are byte for byte the same after the run.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import html
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from course_tools import cli

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("report")]

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "datasets" / "templates"
OTS = ROOT / "datasets" / "trade_ots_economiccomplexity"
CUSTOMS_OPTIONS = ["product_col=NCM", "value_col=Valor FOB (US$)", "partner_col=País de destino",
                   "classification=hs07", "decimal=,", "thousands=.", "year_col=Año"]


def _raw_export(year: int, country: str, product: str) -> float:
    """The country's exports of one heading in the shipped OTS file (the practice files spread exactly this)."""
    with open(OTS / f"world_trade_{year}_hs07_4d.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["reporter_iso"] == country.lower() and r["product_code"] == product:
                return float(r["export_value_usd"])
    raise AssertionError(f"{country} {product} not in {year}")


def _digest(paths: list[Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _run(args: list[str], inputs: list[Path], out: Path, stem: str) -> dict:
    before = _digest(inputs)
    err, std = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
        status = cli.main(["report", *args, "-q", "--xlsx", "-o", str(out)])
    page = out / f"{stem}.html"
    text = ""
    if page.exists():
        raw = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page.read_text(encoding="utf-8"), flags=re.S)
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return {"status": status, "stdout": std.getvalue(), "stderr": err.getvalue(), "page": page, "text": text,
            "xlsx": out / f"{stem}.xlsx", "before": before, "after": _digest(inputs)}


@pytest.fixture(scope="module")
def pry_es(tmp_path_factory):
    from course_tools.data import practice

    folder = tmp_path_factory.mktemp("pry")
    baci = practice.write_practice_baci(folder, (1980, 2017))
    customs = practice.write_practice_customs(folder, "PRY", (1980, 2017))
    io_table, mapping = TEMPLATES / "io_table_example_brazil_2020.csv", TEMPLATES / "io_mapping_example_brazil_2020.csv"
    criteria, weights = TEMPLATES / "criteria_example_inegi_tamaulipas.csv", TEMPLATES / "weights_example.toml"
    args = ["--country", "PRY", "--lang", "es", "--trade", str(customs), "--world", str(baci), "--year", "2017",
            "--window", "1980:2017", "--io", str(io_table), "--io-mapping", str(mapping), "--criteria", str(criteria),
            "--weights", str(weights)]
    for option in CUSTOMS_OPTIONS:
        args += ["--trade-option", option]
    run = _run(args, [baci, customs, io_table, mapping, criteria, weights], folder / "out", "PRY.es")
    return run | {"customs": customs, "baci": baci}


@pytest.fixture(scope="module")
def tto_en(tmp_path_factory):
    from course_tools.data import practice

    folder = tmp_path_factory.mktemp("tto")
    baci = practice.write_practice_baci(folder, (1962, 1980))
    args = ["--country", "TTO", "--lang", "en", "--trade", str(baci), "--year", "1980", "--window", "1962:1980"]
    return _run(args, [baci], folder / "out", "TTO.en") | {"baci": baci}


def _sections(text: str, titles: list[str]) -> dict[str, str]:
    """The page's text between each numbered section title and the next."""
    starts = [text.index(t, text.index(titles[0]) if i else 0) for i, t in enumerate(titles)]
    return {t: text[s:e] for t, s, e in zip(titles, starts, starts[1:] + [len(text)])}


def _assert_sections_name_source_and_year(text: str, titles: list[str], year: str, source: str, window: str,
                                          partners: str, data: str) -> None:
    """Sections 1-7 each name ``year``; 1, 2 and 5 end their source line with ``year``, 4 with ``window``;
    3 names the partner flows of ``year``; the two niche sections carry the data sentence ``data``."""
    sections = _sections(text, titles)
    for title, body in sections.items():
        assert re.search(rf"\b{year}\b", body), title
    for title in titles[:2] + titles[4:5]:
        assert f"{source}{year}." in sections[title], title
    assert f"{source}{window}." in sections[titles[3]]
    assert partners in sections[titles[2]]
    for title in titles[5:]:   # the niches: the data sentence (trade source and file, window, weights)
        assert data in sections[title], title


# --- Paraguay, Spanish, customs file + BACI world --------------------------------------------------------

def test_pry_writes_the_page_and_the_workbook_and_leaves_the_files_alone(pry_es):
    assert pry_es["status"] == 0, pry_es["stderr"]
    assert pry_es["page"].is_file() and pry_es["xlsx"].is_file()
    assert pry_es["before"] == pry_es["after"]
    assert not (pry_es["customs"].parent / "out" / "PRY.es.html").with_suffix(".part").exists()


def test_pry_first_screen_and_page_name_every_source_in_spanish(pry_es):
    t = pry_es["text"]
    assert "datos de 2017 · dinámica 1980–2017" in t
    trade = ("Comercio: archivo nacional de aduanas, 1980, 2017; versión "
             f"{pry_es['customs'].name}; líneas arancelarias nacionales")
    assert trade in pry_es["stdout"] and trade in t
    assert "del panel mundial: Comercio: CEPII BACI, 1980, 2017; versión VPRACTICE" in t
    assert "Insumo-producto: tabla nacional io_table_example_brazil_2020.csv" in t
    assert "Criterios adicionales: emp_lq_tamaulipas, va_per_worker_tamaulipas" in t
    assert "weights_example.toml" in t
    # the TOTAL GENERAL row left out, its value written as a Paraguayan reader writes it
    assert re.search(r"'TOTAL GENERAL' es una fila de total, se dejó fuera \(9\.925\.732\.857,00; ", t), t[:3000]
    # trade comes from the coordinator's files only: the shipped tables are not a source of it
    for shipped in ("tablas incluidas en el curso", "trade_ots_economiccomplexity", "Open Trade Statistics"):
        assert shipped not in t


def test_pry_each_number_section_names_its_source_and_year(pry_es):
    titles = ["1. Perfil exportador", "2. Capacidades reveladas", "3. Interdependencia regional", "4. Dinámica",
              "5. Posición en complejidad", "6. Nichos para consolidar", "7. Nichos para diversificar"]
    _assert_sections_name_source_and_year(
        pry_es["text"], titles, "2017", f"Fuente: archivo nacional de aduanas (versión {pry_es['customs'].name}), ",
        "1980–2017", "flujos por socio, 2017", "Datos: Comercio: archivo nacional de aduanas, 1980, 2017")


def test_pry_numbers_are_written_with_a_decimal_comma(pry_es):
    t = pry_es["text"]
    assert "USD 9,2 mil millones en 869 productos" in t     # 9,235,282,663 USD (expectations/13_own_data.py)
    assert "1.137 productos del análisis" in t
    assert re.search(r"\d,\d%", t) and not re.search(r"\d\.\d+ ?%", t)


def test_pry_lists_are_not_empty_and_the_workbook_has_the_files_values(pry_es):
    book = pd.read_excel(pry_es["xlsx"], sheet_name=None, dtype={"producto": str}, engine="openpyxl")
    assert {"criterios", "consolidar", "diversificar", "mercados", "fuentes"} <= set(book)
    assert len(book["consolidar"]) > 0 and len(book["diversificar"]) > 0
    crit = book["criterios"].set_index("producto")
    soy = crit.loc["1201", "exportaciones del producto del país"]
    assert soy == pytest.approx(_raw_export(2017, "PRY", "1201"), abs=0.05)   # cents in the customs file
    sources = "\n".join(book["fuentes"].iloc[:, 0].astype(str))
    assert pry_es["customs"].name in sources and "VPRACTICE" in sources


# --- Trinidad and Tobago, English, BACI release of 1962 and 1980 ----------------------------------------

def test_tto_writes_the_page_and_the_workbook_and_leaves_the_release_alone(tto_en):
    assert tto_en["status"] == 0, tto_en["stderr"]
    assert tto_en["page"].is_file() and tto_en["xlsx"].is_file()
    assert tto_en["before"] == tto_en["after"]


def test_tto_year_is_the_releases_and_nothing_is_from_2017(tto_en):
    t = tto_en["text"]
    assert "data year 1980 · dynamics 1962–1980" in t
    assert "Trade: CEPII BACI, 1962, 1980; release VPRACTICE" in t and str(tto_en["baci"]) in t
    assert "2017" not in t and "shipped tables" not in t
    book = pd.read_excel(tto_en["xlsx"], sheet_name=None, dtype={"product": str}, engine="openpyxl")
    words = [str(c) for sheet in book.values() for c in sheet.columns] + [
        v for sheet in book.values() for v in sheet.to_numpy().ravel() if isinstance(v, str)]
    assert not [w for w in words if re.search(r"\b2017\b", w)]   # no header, note or source of 2017


def test_tto_each_number_section_names_its_source_and_year(tto_en):
    titles = ["1. Export profile", "2. Revealed capacities", "3. Regional interdependence", "4. Dynamics",
              "5. Complexity position", "6. Niches to consolidate", "7. Niches to diversify into"]
    _assert_sections_name_source_and_year(
        tto_en["text"], titles, "1980", "Source: CEPII BACI (release VPRACTICE), ", "1962–1980",
        "flows by partner, 1980", "Data: Trade: CEPII BACI, 1962, 1980; release VPRACTICE")


def test_tto_lists_are_not_empty_and_the_workbook_has_the_releases_values(tto_en):
    book = pd.read_excel(tto_en["xlsx"], sheet_name=None, dtype={"product": str}, engine="openpyxl")
    assert len(book["consolidate"]) > 0 and len(book["diversify"]) > 0
    oil = book["criteria"].set_index("product").loc["2709", "the country's exports of the product"]
    # the release writes v in thousands of USD with three decimals: half a dollar per flow, three partners
    assert oil == pytest.approx(_raw_export(1980, "TTO", "2709"), abs=1.5)
    assert re.search(r"\d\.\d%", tto_en["text"]) and not re.search(r"\d,\d%", tto_en["text"])
