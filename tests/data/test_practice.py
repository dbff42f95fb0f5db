"""The practice files of lesson L13 (course_tools.data.practice): shipped values, BACI's and a customs office's layouts.

Expected values are worked out from the raw files with the ``csv`` module (the 2017 trade table, the 2006
gravity table), not with the functions under test; the files are read back with ``data.read_baci`` and
``data.read_customs``, as a coordinator reads a downloaded release or a customs file.
"""
from __future__ import annotations

import csv
import math
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest

from course_tools import data
from course_tools.data import practice

ROOT = Path(__file__).resolve().parents[2]
#: Partners each exporter's exports are spread over (practice.PARTNERS, stated here, not read from it).
PARTNERS = 3
TRADE = ROOT / "datasets" / "trade_ots_economiccomplexity" / "world_trade_{year}_hs07_4d.csv"
GRAVITY = ROOT / "datasets" / "trade_bilateral_gravity_hmr2006" / "gravity_zeros_2006.csv"


def raw_exports(year: int) -> dict[tuple[str, str], float]:
    """{(exporter, heading): USD} of the raw trade table, positive values only (csv module)."""
    out = {}
    with open(str(TRADE).format(year=year), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            v = r["export_value_usd"]
            if v not in ("", "NA") and float(v) > 0:
                out[(r["reporter_iso"].upper(), r["product_code"])] = float(v)
    return out


def raw_top_partners(exporter: str, n: int = PARTNERS) -> dict[str, float]:
    """The exporter's n largest 2006 destinations of the raw gravity table, shares renormalised over them."""
    flows = []
    with open(GRAVITY, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["iso_o"] == exporter and r["iso_d"] != exporter and float(r["flow"]) > 0:
                flows.append((-float(r["flow"]), r["iso_d"]))
    top = sorted(flows)[:n]
    total = sum(-v for v, _ in top)
    return {iso: -v / total for v, iso in top}


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return practice.write_practice_baci(tmp_path_factory.mktemp("practice"), years=(1980, 2017))


@pytest.fixture(scope="module")
def baci_panel(release):
    return data.read_baci(release)


@pytest.mark.parametrize("year", [2017, 1980])
def test_summed_over_partners_the_flows_are_the_shipped_exports(year):
    assert practice.PARTNERS == PARTNERS
    flows = practice.practice_flows(year)
    summed = flows.groupby(["exporter", "product"])["value"].sum()
    raw = raw_exports(year)
    assert len(summed) == len(raw)
    for key, value in raw.items():
        assert math.isclose(summed[key], value, rel_tol=1e-12), key
    per = flows.groupby("exporter")["importer"].nunique()
    assert per.max() == PARTNERS and (flows["exporter"] != flows["importer"]).all() and (flows["value"] > 0).all()


@pytest.mark.parametrize("country", ["PRY", "JAM"])
def test_partners_and_shares_are_the_2006_ones(country):
    flows = practice.practice_flows(2017)
    mine = flows[flows["exporter"] == country]
    one = mine[mine["product"] == mine["product"].iloc[0]]
    shares = dict(zip(one["importer"], one["value"] / one["value"].sum()))
    expected = raw_top_partners(country)
    assert set(shares) == set(expected)
    for iso, share in expected.items():
        assert math.isclose(shares[iso], share, rel_tol=1e-9), iso


def test_the_release_has_baci_names_and_codes_and_says_practice(release):
    assert release.name == "BACI_HS07_VPRACTICE.zip"
    with zipfile.ZipFile(release) as z:
        names = sorted(z.namelist())
        head = z.read("BACI_HS07_Y2017_VPRACTICE.csv").decode().splitlines()[:2]
        codes = z.read("country_codes_VPRACTICE.csv").decode().splitlines()
    assert names == ["BACI_HS07_Y1980_VPRACTICE.csv", "BACI_HS07_Y2017_VPRACTICE.csv", "country_codes_VPRACTICE.csv"]
    assert head[0] == "t,i,j,k,v,q" and head[1].startswith("2017,")
    assert codes[0] == "country_code,country_name,country_iso2,country_iso3"
    assert any(line.startswith("842,") and line.endswith(",USA") for line in codes)   # Comtrade's USA code
    assert any(line.startswith("600,") and line.endswith(",PRY") for line in codes)


def test_read_back_with_read_baci_the_exports_are_the_shipped_ones(baci_panel):
    assert baci_panel.years == [1980, 2017] and baci_panel.has_importers
    assert baci_panel.provenance.release == "VPRACTICE" and "PRACTICE" in baci_panel.provenance.path
    raw = raw_exports(2017)
    rows = defaultdict(int)
    by_country = defaultdict(float)
    for (e, _), v in raw.items():
        by_country[e] += v
        rows[e] += PARTNERS
    got = baci_panel.exports(2017).groupby("country")["export_value"].sum()
    assert set(got.index) == set(by_country)
    for country in ("PRY", "JAM", "USA", "CHN", "BRA"):
        # v is written in thousands of USD with three decimals: at most half a dollar per flow
        assert abs(got[country] - by_country[country]) <= 0.5 * rows[country], country


def test_written_once_per_session_unless_changed(release):
    before = release.stat().st_mtime_ns
    assert practice.write_practice_baci(release.parent, years=(1980, 2017)) == release
    assert release.stat().st_mtime_ns == before
    other = practice.write_practice_baci(release.parent / "one_year", years=(2017,))
    with zipfile.ZipFile(other) as z:
        assert "BACI_HS07_Y1980_VPRACTICE.csv" not in z.namelist()


@pytest.mark.parametrize("country", ["PRY", "JAM", "BLZ"])   # Belize sells to Côte d'Ivoire (Latin-1 apostrophe)
def test_the_customs_file_reads_back_with_read_customs(tmp_path, country):
    path = practice.write_practice_customs(tmp_path, country, 2017)
    assert path.name == f"exportaciones_{country}_2017_PRACTICE.csv"
    lines = path.read_bytes().decode("latin-1").splitlines()
    assert "práctica" in lines[0] and lines[3] == "NCM;Descripción;País de destino;Valor FOB (US$)"
    assert any(line.startswith("TOTAL GENERAL;") for line in lines)
    panel = data.read_customs(path, country, world=data.shipped_panel(), year=2017, **practice.CUSTOMS_OPTIONS)
    own = panel.flows[panel.flows["exporter"] == country]
    assert set(own["importer"]) == set(raw_top_partners(country))
    raw = {p: v for (e, p), v in raw_exports(2017).items() if e == country}
    got = own.groupby("product")["value"].sum()
    assert set(got.index) == set(raw)
    for product, value in raw.items():
        assert abs(got[product] - value) <= 0.005 * PARTNERS + 1e-6 * value, product   # cents, as the office writes


def test_a_customs_file_of_several_years_has_a_year_column(tmp_path):
    """Two years in one file, as offices publish a series: a first column Año, one TOTAL GENERAL row, a footer."""
    path = practice.write_practice_customs(tmp_path, "PRY", (1980, 2017))
    assert path.name == "exportaciones_PRY_1980-2017_PRACTICE.csv"
    lines = path.read_bytes().decode("latin-1").splitlines()
    assert lines[2].startswith("Años 1980-2017") and lines[3] == "Año;NCM;Descripción;País de destino;Valor FOB (US$)"
    options = {k: v for k, v in practice.CUSTOMS_OPTIONS.items()}
    own = data.read_trade_file(path, country_col=None, country="PRY", year_col="Año", national_codes=True,
                               sum_duplicates=True, **options)
    notes = [str(n) for n in own.attrs["notes"]]
    # the total and the footer sit in the year column: recognised there, not refused as bad years
    assert any("'TOTAL GENERAL' is a total row" in n for n in notes)
    assert any("'Fuente: archivo de práctica" in n and "footer" in n for n in notes)
    assert sorted(own["year"].unique()) == [1980, 2017]
    for year in (1980, 2017):
        raw = sum(v for (e, _), v in raw_exports(year).items() if e == "PRY")
        lines_of_year = sum(1 for line in lines if line.startswith(f"{year};"))
        assert own.loc[own["year"] == year, "export_value"].sum() == pytest.approx(raw, abs=0.005 * lines_of_year)


def test_practice_folder_is_temporary_and_outside_the_repository():
    folder = practice.practice_folder()
    assert folder == practice.practice_folder() and folder.is_dir()
    assert ROOT not in folder.resolve().parents and folder.name.startswith("nichos-practice-")


def test_numbers_as_offices_write_them():
    assert practice.es_number(1843256712.45) == "1.843.256.712,45"
    assert practice.es_number(0.5) == "0,50"
