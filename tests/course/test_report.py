"""The country report (lesson L12) and the ``course report`` command.

Fast tests: texts in both languages, the "too thin" rule against the raw trade file, the facts read from the
datasheet, the index and error pages, the CLI's help and bad input.

Slow tests share ONE run of ``course report --all-lac --only ATG,JAM`` (module-scoped fixture): Jamaica gets
the full report, whose recorded values are checked against tests/notebooks/expectations/12_country_report.py
(worked from the raw files) and whose page prints each number the same way everywhere; Antigua and Barbuda
gets the short report of a thin country; the index page lists both; Jamaica's page opens offline in headless
Chromium with every figure drawn. MEX and PER are run by the notebook regression (tests/notebooks/
test_notebooks.py). A broken notebook gives an error page and exit status 1, not a crash.
"""
from __future__ import annotations

import csv
import importlib.util
import math
import re
from collections import defaultdict
from pathlib import Path

import nbformat
import pytest

from course_tools import cli, i18n
from course_tools.course import report
from tests.notebook_files import write_notebook

# one worker runs this module: its module-scoped fixture is expensive and would run once per xdist worker
# (course.py passes --dist loadgroup)
pytestmark = pytest.mark.xdist_group("report")

ROOT = Path(__file__).resolve().parents[2]
T17 = ROOT / "datasets" / "trade_ots_economiccomplexity" / "world_trade_2017_hs07_4d.csv"
GROUPS = ROOT / "datasets" / "lac_country_groups" / "lac_country_groups.csv"
OUTPUT = ROOT / "tests" / "_output" / "report"


def _expectations():
    path = ROOT / "tests" / "notebooks" / "expectations" / "12_country_report.py"
    spec = importlib.util.spec_from_file_location("expectations_12_country_report", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lac() -> list[str]:
    with open(GROUPS, newline="", encoding="utf-8") as f:
        return sorted(r["iso3"] for r in csv.DictReader(f) if r["eclac_member_state"] == "1")


def _totals_2017() -> dict[str, float]:
    sums: dict[str, list[float]] = defaultdict(list)
    with open(T17, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["export_value_usd"] not in ("", "NA"):
                sums[r["reporter_iso"].upper()].append(float(r["export_value_usd"]))
    return {c: math.fsum(v) for c, v in sums.items()}


# --- texts ------------------------------------------------------------------------------------------------

def test_texts_exist_in_both_languages_with_the_same_placeholders():
    en, es = i18n.texts("report", "en"), i18n.texts("report", "es")
    assert set(en) == set(es)
    for key in en:
        assert set(re.findall(r"\{(\w+)\}", en[key])) == set(re.findall(r"\{(\w+)\}", es[key])), key
    assert report.text("title", "es", name="Perú") == "Informe de país: Perú"
    assert report.text("title", "en", name="Peru") == "Country report: Peru"
    assert report.heading("consolidate_title", "es").data == ("## 6. Nichos para consolidar: dónde crecer y en qué "
                                                              "mercados")
    with pytest.raises(ValueError, match="'en'.*'es'"):
        report.text("title", "pt", name="Peru")
    with pytest.raises(KeyError, match="no report text 'titel'"):
        report.text("titel", "en")


def test_eci_sentence_of_a_country_outside_the_region_says_so():
    from course_tools.views.report_summary import summary_sentences

    facts = {"year": 2017, "total_exports": 1e9, "n_exported": 10, "top_product": "8703", "top_share": 0.5,
             "top5_share": 0.9, "n_rca": 3, "n_products": 1137, "eci": 1.5, "eci_rank_lac": 1, "n_lac_ranked": 25,
             "eci_rank_world": 10, "n_world_ranked": 153}
    say = {lang: summary_sentences({**facts, "in_lac": False}, name="Ruritania", product_names={}, country_names={},
                                   lang=lang)["eci"] for lang in ("en", "es")}
    assert say["en"].endswith("rank 10 of 153 in the world. Ruritania is not a Latin American and Caribbean country: "
                              "placed among the 25 countries of the region, it would rank 1.")
    assert say["es"].endswith("puesto 10 de 153 en el mundo. Ruritania no es un país de América Latina y el Caribe: "
                              "entre los 25 países de la región ocuparía el puesto 1.")
    inside = summary_sentences({**facts, "in_lac": True}, name="Ruritania", product_names={}, country_names={},
                               lang="en")["eci"]
    assert "rank 1 of 25 in Latin America and the Caribbean and 10 of 153 in the world" in inside


def test_each_section_names_its_trade_source_and_years():
    """The line under a section's title: the panel's source in the reader's language, its release, the year(s)."""
    from course_tools.data.panel import Provenance
    from course_tools.views.report_summary import source_line

    baci = Provenance("CEPII BACI", "V202501", "hs07", "HS22", (2013, 2023), "/x/BACI_HS22_V202501.zip")
    assert source_line(baci, 2023, "en") == "*Source: CEPII BACI (release V202501), 2023.*"
    assert source_line(baci, (2013, 2023), "es") == "*Fuente: CEPII BACI (versión V202501), 2013–2023.*"
    customs = Provenance("national customs file", None, "hs07", "hs22", (2023,), None)
    assert source_line(customs, 2023, "es") == "*Fuente: archivo nacional de aduanas, 2023.*"


def test_fmt_usd():
    assert [report.fmt_usd(v) for v in (482_218_551_060.0, 274_307_920.0, 41_000.0)] == [
        "482.2 billion", "274.3 million", "41,000"]


# --- the too-thin rule --------------------------------------------------------------------------------------

@pytest.mark.slow
def test_thin_countries_are_the_lac_countries_below_one_billion():
    """The rule in the data: LAC countries whose reported 2017 exports (raw file) are below USD 1 billion."""
    from course_tools import data

    totals = _totals_2017()
    by_hand = sorted(c for c in _lac() if totals.get(c, 0.0) < 1e9)
    assert by_hand == ["ATG", "BLZ", "BRB", "DMA", "GRD", "KNA", "LCA", "VCT"]
    tables = dict(trade=data.load_trade(2017), trade_t0=data.load_trade(1980), gravity=data.load_gravity(),
                  country_year=data.load_country_year())
    thin = [c for c in _lac() if report.data_coverage(c, **tables).attrs["thin"]]
    assert thin == by_hand


def test_coverage_of_a_thin_country_says_what_is_missing_and_why():
    cov = report.data_coverage("ATG", lang="en")
    assert list(cov["item"]) == ["trade", "complexity", "trade_t0", "gravity", "atlas"]
    assert dict(zip(cov["item"], cov["available"])) == {
        "trade": True, "complexity": False, "trade_t0": True, "gravity": True, "atlas": True}
    # 592 products, USD 274,307,920: awk -F, '$1=="atg" && $3!="" {n++; s+=$3}' world_trade_2017_hs07_4d.csv
    assert cov.set_index("item").loc["trade", "detail"] == "592 products, USD 274.3 million"
    assert cov.attrs["thin"] is True
    assert cov.attrs["reasons"] == [
        "Complexity sample 2017 (ECI, density, niche ranking): outside the sample: exports of USD 274.3 million "
        "in 2017, below the USD 1 billion minimum of the Atlas rankings"]
    assert report.thin_reasons("ATG", lang="es")[0].startswith("Muestra de complejidad 2017")


def test_coverage_of_a_country_missing_from_the_gravity_data():
    # datasets/README.md: "BHS, BRB and CUB are missing" from the 2006 gravity data; Cuba exports USD 1.8 bn
    cov = report.data_coverage("CUB")
    assert cov.attrs["thin"] is False
    assert dict(zip(cov["item"], cov["available"]))["gravity"] is False
    assert cov.set_index("item").loc["gravity", "detail"] == "not in the gravity dataset"


def test_unknown_country_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown country code 'XYZ'.*ISO 3166 alpha-3"):
        report.data_coverage("XYZ")
    with pytest.raises(ValueError, match="unknown country code 'XYZ'"):
        report.run_report("XYZ", output_dir="unused")


# --- facts from the datasheet ------------------------------------------------------------------------------

def test_dataset_facts_come_from_the_datasheet():
    facts = report.dataset_facts(["trade_ots_economiccomplexity", "trade_bilateral_gravity_hmr2006"])
    assert list(facts["dataset"]) == ["trade_ots_economiccomplexity", "trade_bilateral_gravity_hmr2006"]
    ots = facts.iloc[0]
    assert ots["attribution"] == ("Source: UN Comtrade, processed by Open Trade Statistics (tradestatistics.io); "
                                  "distributed in the R package economiccomplexity (M. Vargas Sepúlveda). "
                                  "CC BY-NC 4.0.")
    assert ots["licence"].startswith("CC BY-NC 4.0") and "Non-commercial only." in ots["licence"]
    assert len(ots["caveats"]) == 5 and ots["caveats"][0].startswith("Country totals are about 10–30 % above")
    assert "BHS, BRB and CUB are missing." in facts.iloc[1]["caveats"]
    every = report.dataset_facts()
    assert len(every) == 15 and (every["licence"] != "").all() and (every["attribution"] != "").all()
    assert "templates" in set(every["dataset"])  # the coordinators' templates are documented like the data
    with pytest.raises(ValueError, match="no section for \\['trade_nowhere'\\]"):
        report.dataset_facts(["trade_nowhere"])


def test_dataset_facts_parse_inline_and_listed_caveats(tmp_path):
    sheet = tmp_path / "README.md"
    sheet.write_text(
        "# Datasheet\n\n## Trade\n\n### `a`\n\n**Producer:** Office A,\nsecond line.\n"
        "**Licence:** CC BY 4.0.\n**Attribution (copy exactly):** \"Source: A.\" Also cite B.\n\n"
        "**Caveats**\n- first caveat,\n  continued.\n- second.\n\n### `b`\n\n**Licence:** none.\n"
        "**Caveats:** one inline caveat.\n\n## Checksums\n", encoding="utf-8")
    facts = report.dataset_facts(readme=sheet).set_index("dataset")
    assert facts.loc["a", "producer"] == "Office A, second line."
    assert facts.loc["a", "attribution"] == "Source: A."
    assert facts.loc["a", "caveats"] == ["first caveat, continued.", "second."]
    assert facts.loc["b", "caveats"] == ["one inline caveat."]


# --- pages and the command ---------------------------------------------------------------------------------

def test_error_and_index_pages_are_offline(tmp_path):
    err = report.error_page("JAM", "ValueError: <boom>", tmp_path / "JAM.html", lang="es")
    page = err.read_text(encoding="utf-8")
    assert "No se pudo producir el informe de Jamaica" in page and "&lt;boom&gt;" in page
    failed = report.ReportResult("JAM", "failed", err, 1.0, {}, error="ValueError: <boom>")
    idx = report.index_page([failed], tmp_path / "index.html", lang="en")
    text = idx.read_text(encoding="utf-8")
    assert 'class="failed" data-country="JAM"' in text and 'href="JAM.html"' in text
    assert not re.search(r"(src|href)=[\"'](https?:)?//", text + page)


def test_cli_help_and_registration(capsys):
    assert "course_tools.cli.report" in cli.COMMAND_MODULES
    with pytest.raises(SystemExit) as stop:
        cli.main(["report", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for option in ("--country", "--all-lac", "--lang", "--output", "too thin", "--trade", "--trade-option", "--world",
                   "--year", "--window", "--io", "--io-mapping", "--criteria", "--weights", "--xlsx", "--dta"):
        assert option in out
    assert "--only" not in out


def test_cli_rejects_bad_countries(capsys, tmp_path):
    assert cli.main(["report", "--country", "XYZ", "-o", str(tmp_path)]) == 2
    assert "unknown country code 'XYZ'" in capsys.readouterr().err
    assert cli.main(["report", "--all-lac", "--only", "USA", "-o", str(tmp_path)]) == 2
    assert "['USA'] are not Latin American and Caribbean countries" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["report", "--country", "PER", "--all-lac"])  # one or the other


def test_cli_rejects_bad_inputs_before_running(capsys, tmp_path):
    assert cli.main(["report", "--country", "PER", "--trade", str(tmp_path / "none.zip"), "-o", str(tmp_path)]) == 2
    assert "--trade" in capsys.readouterr().err
    assert cli.main(["report", "--country", "PER", "--window", "2017", "-o", str(tmp_path)]) == 2
    assert "write two years as Y0:Y1" in capsys.readouterr().err
    assert cli.main(["report", "--country", "PER", "--window", "1995:2017", "-o", str(tmp_path)]) == 2
    assert "no year 1995" in capsys.readouterr().err          # the shipped tables have 1980 and 2017
    assert cli.main(["report", "--country", "PER", "--trade-option", "oops", "-o", str(tmp_path)]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
    bad = tmp_path / "w.toml"
    bad.write_text("[diversify.weights]\npci = -1\n", encoding="utf-8")
    assert cli.main(["report", "--country", "PER", "--weights", str(bad), "-o", str(tmp_path)]) == 2
    assert "w.toml, [diversify.weights] pci: negative weight" in capsys.readouterr().err
    assert not list(tmp_path.glob("PER*"))                    # nothing written


def test_cli_first_screen_states_every_source(tmp_path):
    from course_tools.cli.report import first_screen, report_parameters
    from course_tools.data import write_list_weights

    w = write_list_weights(tmp_path / "PER.toml", {"diversify": ({"density": 1.0, "pci": 1.0}, {})})
    args = cli.build_parser().parse_args(["report", "--country", "PER", "--weights", str(w), "--lang", "es"])
    lines = first_screen("PER", report_parameters(args), "es")
    assert lines[0] == "Informe de país: Perú (PER), idioma es"
    text = "\n".join(lines)
    for fragment in ("Comercio: tablas incluidas en el curso", "Año de los criterios: 2017; ventana de la dinámica: "
                     "1980–2017", "son APROXIMACIONES con la tabla de gravedad de 2006", "Insumo-producto: tabla "
                     "mundial 2000", "Criterios adicionales: ninguno", f"Ponderaciones: {w} (diversificar)"):
        assert fragment in text, fragment


# --- the real thing (slow): one --all-lac run on a full and a thin country --------------------------------

@pytest.fixture(scope="module")
def all_lac_run(tmp_path_factory):
    import contextlib
    import io

    out = tmp_path_factory.mktemp("reports")
    err, std = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
        status = cli.main(["report", "--all-lac", "--only", "JAM,ATG", "-o", str(out)])
    return {"status": status, "out": out, "stderr": err.getvalue(), "stdout": std.getvalue()}


@pytest.mark.slow
def test_all_lac_writes_every_page_and_the_index(all_lac_run):
    out = all_lac_run["out"]
    assert all_lac_run["status"] == 0, all_lac_run["stderr"]
    assert "2/2" in all_lac_run["stderr"]  # the progress bar reached the end
    assert f"{out / 'JAM.en.html'}" in all_lac_run["stdout"] and "short report: the data are too thin" in \
        all_lac_run["stdout"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert [m for m in re.findall(r'data-country="(\w+)"', index)] == ["ATG", "JAM"]  # order of the LAC list
    assert 'class="thin" data-country="ATG"' in index and 'class="ok" data-country="JAM"' in index
    assert 'href="ATG.en.html"' in index and 'href="JAM.en.html"' in index
    assert "1,699,596,755" in index  # Jamaica's 2017 exports (raw file, see the expectations)
    assert (out / "notebooks" / "JAM.en.ipynb").is_file()


@pytest.mark.slow
def test_full_report_records_the_expected_values(all_lac_run):
    from course_tools.course.record import read_records
    from tests.notebooks.test_notebooks import compare_records


    records = read_records(all_lac_run["out"] / "notebooks" / "JAM.en.ipynb")
    expected = _expectations().EXPECTATIONS["lessons/12_country_report.ipynb"]["JAM"]["expected"]
    assert compare_records(expected, records) == []
    page = (all_lac_run["out"] / "JAM.en.html").read_text(encoding="utf-8")
    assert "Country report: Jamaica" in page
    assert "setup_notebook()" not in page  # code hidden
    assert "Objectives" not in page  # the lesson's own text cells are removed from the report
    assert "CC BY-NC 4.0" in page and "6. Niches to consolidate" in page and "7. Niches to diversify into" in page
    # the executive summary comes first, before any section
    assert page.index("Executive summary") < page.index("1. Export profile")


def _page_text(path) -> str:
    import html as html_module

    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.slow
def test_one_number_per_concept_throughout_the_report(all_lac_run):
    """Jamaica (raw files, expectations): 103 products with RCA >= 1 of 1,137; ECI -0.337; exports USD 1.7 bn.
    Each number is written the same way wherever it appears, and no other count or ECI appears."""
    text = _page_text(all_lac_run["out"] / "JAM.en.html")
    assert text.count("in 103 of the 1,137 products of the analysis") == 1            # summary
    assert "revealed comparative advantage: 103 of the 1,137 products of the analysis" in text   # section 2
    assert "103 products pass (rule RCA ≥ 1" not in text and "67 products pass (rule RCA ≥ 1" in text  # screen
    counts = set(re.findall(r"(\d[\d,]*) of the 1,137 products", text))
    assert counts == {"103"}
    assert text.count("ECI, course computation, 2017) is -0.337") == 2                # summary and section 5
    # the Atlas's ECI of 2017 (country_year_indicators.csv, JAM 2017) appears once, in its labelled comparison
    with open(ROOT / "datasets" / "trade_atlas_derived_panels_monicact" / "country_year_indicators.csv",
              newline="", encoding="utf-8") as fh:
        atlas = next(float(r["eci"]) for r in csv.DictReader(fh) if r["country_code"] == "JAM" and r["year"] == "2017")
    ecis = set(re.findall(r"ECI[^.]*? (?:is|of) (-?\d+\.\d+)", text))
    assert ecis == {"-0.337", f"{atlas:.3f}"}, ecis
    assert text.count(f"{atlas:.3f}") == 1 and f"For comparison only: the Atlas of Economic Complexity (Growth Lab, " \
        f"HS 1992, its own cleaning) gives Jamaica an ECI of {atlas:.3f}" in text
    assert text.count("In 2017, Jamaica exported USD 1.7 billion in 853 products") == 2     # summary and section 1


@pytest.mark.slow
def test_thin_country_gets_a_short_report(all_lac_run):
    from course_tools.course.record import read_records

    records = read_records(all_lac_run["out"] / "notebooks" / "ATG.en.ipynb")
    assert records["thin"] is True
    assert records["n_products_exported"] == 592 and records["total_exports_usd"] == pytest.approx(274_307_920.0)
    assert "eci" not in records and "top5_consolidate" not in records
    page = (all_lac_run["out"] / "ATG.en.html").read_text(encoding="utf-8")
    assert report.text("thin_title", "en", name="Antigua and Barbuda") in page
    assert "Section not available for Antigua and Barbuda: Complexity sample 2017" in page


@pytest.mark.slow
def test_report_opens_offline_in_chromium_with_every_figure(all_lac_run):
    from tests.browser.browser_support import launch, open_offline, png_is_blank, require_chromium

    require_chromium()
    html = all_lac_run["out"] / "JAM.en.html"
    nb = nbformat.read(all_lac_run["out"] / "notebooks" / "JAM.en.ipynb", as_version=4)
    n_figures = sum("application/vnd.plotly.v1+json" in o.get("data", {})
                    for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert n_figures == 5  # chapters, competitiveness, consolidate, diversify, robustness
    with launch() as browser:
        page = open_offline(browser, html, OUTPUT / "JAM.png", target="first_figure")
    assert page.external_requests == []
    assert page.plotly_divs == n_figures and page.plotly_figures == n_figures
    assert not png_is_blank(page.screenshot)


@pytest.mark.slow
def test_a_failing_report_gives_an_error_page_and_status_1(tmp_path, monkeypatch, capsys):
    broken = tmp_path / "broken.ipynb"
    lesson = nbformat.read(report.REPORT_NOTEBOOK, as_version=4)   # the report's parameters cell, as it is
    parameters = next(c for c in lesson.cells if "parameters" in c.metadata.get("tags", []))
    write_notebook(broken, 'raise RuntimeError("no data for " + COUNTRY)', parameters=parameters.source)
    monkeypatch.setattr(report, "REPORT_NOTEBOOK", broken)
    status = cli.main(["report", "--all-lac", "--only", "JAM", "-o", str(tmp_path / "out"), "-q"])
    assert status == 1
    err = capsys.readouterr().err
    assert "1 of 1 report(s) failed: JAM" in err
    page = (tmp_path / "out" / "JAM.en.html").read_text(encoding="utf-8")
    assert "The report for Jamaica could not be produced" in page and "RuntimeError: no data for JAM" in page
    # the failing cell by its number and first line (papermill's own index points at the cell before)
    assert "failed in cell 2 of 2" in err and "the cell that starts `raise RuntimeError(" in err
    assert "failed in cell 2 of 2" in page
    assert 'class="failed" data-country="JAM"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_reports_in_two_languages_do_not_overwrite_each_other(tmp_path, monkeypatch, capsys):
    small = tmp_path / "small.ipynb"
    write_notebook(small, 'print({"en": "Report in English", "es": "Informe en español"}[LANG], COUNTRY)',
                   parameters='COUNTRY = "PER"\nLANG = "en"')
    monkeypatch.setattr(report, "REPORT_NOTEBOOK", small)
    out = tmp_path / "out"
    assert cli.main(["report", "--country", "PRY", "--lang", "es", "-o", str(out)]) == 0
    assert cli.main(["report", "--country", "PRY", "--lang", "en", "-o", str(out)]) == 0
    assert str(out / "PRY.es.html") in capsys.readouterr().out
    assert "Informe en español PRY" in (out / "PRY.es.html").read_text(encoding="utf-8")
    assert "Report in English PRY" in (out / "PRY.en.html").read_text(encoding="utf-8")
    assert not (out / "PRY.html").exists()
    assert {p.name for p in (out / "notebooks").iterdir()} == {"PRY.es.ipynb", "PRY.en.ipynb"}
    # the index of an English run links the country's pages in both languages
    assert cli.main(["report", "--all-lac", "--only", "PRY", "-o", str(out), "-q"]) == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="PRY.en.html" hreflang="en">English</a>' in index
    assert 'href="PRY.es.html" hreflang="es">español</a>' in index
    assert index.index("PRY.en.html") < index.index("PRY.es.html")
