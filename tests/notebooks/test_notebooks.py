"""Regression harness: every lesson and solution notebook, run offline for several countries.

* Discovers every ``.ipynb`` under ``lessons/`` and ``solutions/`` (``.ipynb_checkpoints``
  skipped). Each must have an entry in ``tests/notebooks/notebook_expectations.py`` with at least two
  parameter sets, or the tests fail: nobody adds an untested lesson.
* Runs each notebook x parameter set with papermill (``course_tools.course.runner.run_notebook``,
  network blocked) as its own test item, so ``pytest -n 2`` uses both cores. The executed
  notebooks are kept in ``tests/_output/`` (same folders, ``<name>.<case>.ipynb``).
* Compares the values recorded with ``record()`` with the expected ones and lists every
  difference: ``top_product: expected '2603', got '0901'``.
* Runs the Spanish edition of every lesson (``lessons/es/``, same code, ``LANG = "es"``) for the first
  parameter set of its English lesson: it must record the same values, except those a case lists in
  ``expected_es`` (names in the reader's language).
* The country matrix (``test_country_matrix.py``) runs every notebook for every country and compares
  the cases it runs (``matrix_cases.py``): here papermill runs the first case of each notebook and the
  cases (and Spanish editions) the matrix does not run.

Quick checks (not slow): each notebook has a ``parameters`` cell defining the parameters used
here, is saved without outputs and without machine paths, and the expectations agree with the
raw data files.

Run:  .venv/bin/pytest -n 2 tests/notebooks/test_notebooks.py      (only the fast checks: -m "not slow")
"""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from course_tools.course import editions
from course_tools.course.runner import NotebookRunError, parameters_cell, run_notebook
from tests.notebook_files import write_notebook
from tests.notebooks.notebook_expectations import EXPECTATIONS, FACTS

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "_output"
NOTEBOOK_DIRS = ("lessons", "solutions")
EXPECTATIONS_FILE = "tests/notebooks/notebook_expectations.py"


def discover_notebooks(root: Path = ROOT, folders: tuple[str, ...] = NOTEBOOK_DIRS) -> list[str]:
    """Relative paths ("lessons/00_welcome.ipynb") of every notebook under ``folders``."""
    found = []
    for folder in folders:
        for path in (root / folder).rglob("*.ipynb"):
            rel = path.relative_to(root)
            if ".ipynb_checkpoints" in rel.parts or any(p.startswith(".") for p in rel.parts):
                continue
            if folder == "lessons" and len(rel.parts) > 2 and rel.parts[1] in editions.FOLDERS.values():
                continue  # an edition in another language: run by test_edition_records_the_same_values
            found.append(rel.as_posix())
    return sorted(found)


NOTEBOOKS = discover_notebooks()


def output_path(notebook: str, case_id: str) -> Path:
    rel = Path(notebook)
    return OUTPUT / rel.parent / f"{rel.stem}.{case_id}.ipynb"


# --- comparing recorded values -------------------------------------------------------------

def _ran(notebook: str | Path, parameters: dict, out: Path) -> tuple[Any, dict]:
    """Run ``notebook`` (a path, or relative to the repository) with ``parameters`` into ``out``: its
    notebook and records; a failing cell fails the test with the cell and the error, no traceback."""
    try:
        return run_notebook(ROOT / notebook, parameters, output_path=out)
    except NotebookRunError as err:
        pytest.fail(str(err), pytrace=False)


def _is_approx(expected: Any) -> bool:
    """A pytest.approx object (duck-typed: its class moved between pytest versions)."""
    return hasattr(expected, "expected") and hasattr(expected, "rel") and hasattr(expected, "abs")


def _same(value: Any, expected: Any) -> bool:
    if _is_approx(expected):
        try:
            return bool(value == expected)
        except TypeError:
            return False
    if isinstance(expected, (bool, int, str)) and type(value) is not type(expected):
        return False
    return bool(value == expected)


def _relative_difference(value: Any, expected: Any) -> str:
    target = getattr(expected, "expected", expected)
    if isinstance(value, (int, float)) and isinstance(target, (int, float)) and not isinstance(value, bool):
        if target != 0 and math.isfinite(value):
            return f" (relative difference {abs(value - target) / abs(target):.2e})"
    return ""


def compare_records(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """One readable line per difference between expected and recorded values (empty: all equal)."""
    problems = []
    for name, exp in expected.items():
        if name not in got:
            problems.append(f"{name}: expected {exp!r}, but the notebook did not record it")
        elif not _same(got[name], exp):
            problems.append(f"{name}: expected {exp!r}, got {got[name]!r}{_relative_difference(got[name], exp)}")
    for name in got:
        if name not in expected:
            problems.append(f"{name}: recorded {got[name]!r}, but {EXPECTATIONS_FILE} has no expected value for it")
    return problems


# --- the notebook runs (slow) ----------------------------------------------------------------

def _cases() -> list:
    """The first case of every notebook (the papermill path, the executed notebook kept), and the other cases
    the country matrix does not run (test_country_matrix.py compares the values of those it runs)."""
    from tests.notebooks.matrix_cases import matrix_runs_case

    params = []
    for nb in NOTEBOOKS:
        cases = EXPECTATIONS.get(nb) or {}
        if not cases:
            params.append(pytest.param(nb, None, id=f"{nb}[no-expectations]"))
        for i, (case_id, case) in enumerate(cases.items()):
            if i == 0 or not matrix_runs_case(nb, case):
                params.append(pytest.param(nb, case_id, id=f"{nb}[{case_id}]"))
    return params


@pytest.mark.slow
@pytest.mark.parametrize("notebook, case_id", _cases())
def test_notebook_records_expected_values(notebook: str, case_id: str | None):
    if case_id is None:
        pytest.fail(f"{notebook} has no entry in {EXPECTATIONS_FILE}: add at least two parameter sets "
                    f"(e.g. COUNTRY='CHL' and COUNTRY='JAM') with the values it records.", pytrace=False)
    case = EXPECTATIONS[notebook][case_id]
    out = output_path(notebook, case_id)
    _, records = _ran(notebook, case["parameters"], out)
    problems = compare_records(case["expected"], records)
    if problems:
        pytest.fail(
            f"{notebook} with {case['parameters']}: {len(problems)} recorded value(s) differ from "
            f"{EXPECTATIONS_FILE}:\n  " + "\n  ".join(problems)
            + f"\nexecuted notebook: {out.relative_to(ROOT)}",
            pytrace=False,
        )


def _editions_to_run() -> list[editions.EditionPair]:
    """The Spanish editions whose first case the country matrix does not run in Spanish (it runs the others)."""
    from course_tools.course.matrix import country_language
    from tests.notebooks.matrix_cases import matrix_runs_case

    out = []
    for pair in editions.pairs("es", ROOT / "lessons"):
        english = pair.english.relative_to(ROOT).as_posix()
        case = next(iter(EXPECTATIONS[english].values()))
        country = case["parameters"].get("COUNTRY", "")
        if not (matrix_runs_case(english, case) and country_language(country) == "es"):
            out.append(pair)
    return out


SPANISH = editions.pairs("es", ROOT / "lessons")
SPANISH_RUN = _editions_to_run()


def _edition_case(pair: editions.EditionPair) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(case id, parameters, expected values) of an edition: the English lesson's first case, in its language."""
    english = pair.english.relative_to(ROOT).as_posix()
    case_id, case = next(iter(EXPECTATIONS[english].items()))
    parameters = {k: v for k, v in case["parameters"].items() if k != "LANG"}
    return case_id, parameters, {**case["expected"], **case.get("expected_es", {})}


@pytest.mark.slow
@pytest.mark.parametrize("pair", SPANISH_RUN, ids=[p.edition.name for p in SPANISH_RUN])
def test_edition_records_the_same_values(pair: editions.EditionPair):
    case_id, parameters, expected = _edition_case(pair)
    notebook = pair.edition.relative_to(ROOT).as_posix()
    out = output_path(notebook, case_id)
    _, records = _ran(pair.edition, parameters, out)
    problems = compare_records(expected, records)
    if problems:
        pytest.fail(f"{notebook} with {parameters}: {len(problems)} recorded value(s) differ from the English "
                    f"edition's ({EXPECTATIONS_FILE}, expected_es for names in Spanish):\n  "
                    + "\n  ".join(problems) + f"\nexecuted notebook: {out.relative_to(ROOT)}", pytrace=False)


# --- quick checks of the notebooks and the expectations -----------------------------------------

def test_every_notebook_has_expectations():
    missing = [nb for nb in NOTEBOOKS if nb not in EXPECTATIONS]
    assert not missing, (f"notebooks without expectations in {EXPECTATIONS_FILE}: {missing}. "
                         f"Every lesson and solution must be run by the regression tests.")


def test_no_expectations_for_missing_notebooks():
    stale = sorted(set(EXPECTATIONS) - set(NOTEBOOKS))
    assert not stale, f"{EXPECTATIONS_FILE} lists notebooks that do not exist: {stale} (renamed or deleted?)"


@pytest.mark.parametrize("notebook", sorted(EXPECTATIONS))
def test_at_least_two_parameter_sets_with_values(notebook):
    cases = EXPECTATIONS[notebook]
    assert len(cases) >= 2, f"{notebook}: {len(cases)} parameter set(s); the course tests at least two countries"
    for case_id, case in cases.items():
        assert {"parameters", "expected"} <= set(case) <= {"parameters", "expected", "expected_es"}, (
            f"{notebook}[{case_id}]: keys must be parameters, expected (and expected_es)")
        assert set(case.get("expected_es", {})) <= set(case["expected"]), (
            f"{notebook}[{case_id}]: expected_es may only give the Spanish value of a recorded name")
        assert case["parameters"], f"{notebook}[{case_id}]: no parameters"
        assert case["expected"], f"{notebook}[{case_id}]: no expected values"
    assert len({repr(sorted(c["parameters"].items())) for c in cases.values()}) == len(cases), (
        f"{notebook}: two parameter sets are identical")


def _read(notebook: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / notebook, as_version=4)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_has_a_parameters_cell(notebook):
    nb = _read(notebook)
    cell = parameters_cell(nb)
    assert cell is not None, (
        f"{notebook} has no code cell tagged 'parameters'. Put COUNTRY = \"CHL\" (and other parameters) in "
        f"one cell near the top and add the tag 'parameters' in JupyterLab's property inspector.")
    assigned = set(re.findall(r"^([A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?!=)", cell.source, flags=re.M))
    assert "COUNTRY" in assigned, f"{notebook}: the parameters cell must define COUNTRY (ISO3 code)"
    used = {p for case in EXPECTATIONS.get(notebook, {}).values() for p in case["parameters"]}
    assert used <= assigned, f"{notebook}: parameters {sorted(used - assigned)} are not defined in its parameters cell"


LESSONS = [nb for nb in NOTEBOOKS if nb.startswith("lessons/")]


STRUCTURE_WORDS = {"en": ("Objectives", "Duration", "Prerequisites", "Key points"),
                   "es": ("Objetivos", "Duración", "Requisitos previos", "Puntos clave")}
EDITIONS = [p.edition.relative_to(ROOT).as_posix() for p in SPANISH]


@pytest.mark.parametrize("notebook", LESSONS + EDITIONS)
def test_lesson_has_the_course_structure(notebook):
    """Objectives, duration, prerequisites on top; parameters then setup_notebook(); key points at the end."""
    nb = _read(notebook)
    *top, key_points = STRUCTURE_WORDS["es" if notebook in EDITIONS else "en"]
    first_md = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    for word in top:
        assert word in first_md, f"{notebook}: the first text cell must state the {word} of the lesson"
    codes = [c for c in nb.cells if c.cell_type == "code"]
    assert codes and "parameters" in codes[0].metadata.get("tags", []), (
        f"{notebook}: the first code cell must be the one tagged 'parameters'")
    assert len(codes) > 1 and "setup_notebook(" in codes[1].source, (
        f"{notebook}: the code cell after the parameters must call setup_notebook()")
    last_md = [c.source for c in nb.cells if c.cell_type == "markdown"][-1]
    assert key_points in last_md, f"{notebook}: end with a '{key_points}' text cell"


_MACHINE_PATH = re.compile(r"(/home/|/Users/|/work/|/tmp/|/root/|[A-Za-z]:\\\\)")


@pytest.mark.parametrize("notebook", NOTEBOOKS + EDITIONS)
def test_notebook_is_saved_clean(notebook):
    nb = _read(notebook)
    with_outputs = [i for i, c in enumerate(nb.cells)
                    if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not with_outputs, (f"{notebook}: cells {with_outputs} have outputs or execution counts; "
                              f"use Edit ▸ Clear Outputs of All Cells before saving")
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", f"{notebook}: kernel must be 'python3'"
    text = nbformat.writes(nb)
    hit = _MACHINE_PATH.search(text)
    assert hit is None, f"{notebook} contains a machine path near {text[max(0, hit.start() - 40):hit.end() + 40]!r}"


def test_expectations_match_the_raw_files():
    """Re-derive the trade facts used in the expectations from the raw CSVs, with the csv module only."""
    trade = ROOT / "datasets" / "trade_ots_economiccomplexity" / "world_trade_2017_hs07_4d.csv"
    rows: dict[str, list[tuple[str, str]]] = {code: [] for code in FACTS}
    with open(trade, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["reporter_iso"].upper()
            if code in rows:
                rows[code].append((r["product_code"], r["export_value_usd"]))
    with open(ROOT / "datasets" / "concordances_kim" / "hs3_desc.csv", newline="", encoding="utf-8") as f:
        hs_names = {r[0]: r[1] for r in csv.reader(f)}
    with open(ROOT / "datasets" / "country_codes_datahub" / "country-codes.csv", newline="", encoding="utf-8") as f:
        names = {r["ISO3166-1-Alpha-3"]: r["UNTERM English Short"] for r in csv.DictReader(f)}
    for code, facts in FACTS.items():
        reported = {p: float(v) for p, v in rows[code] if v not in ("", "NA")}
        ranked = sorted(reported, key=reported.get, reverse=True)
        assert len(rows[code]) == facts["rows"]
        assert len(reported) == facts["reported"] and all(v > 0 for v in reported.values())
        assert math.isclose(math.fsum(reported.values()), facts["total"], rel_tol=1e-12)
        assert ranked[:5] == facts["top5"]
        assert reported[ranked[0]] == facts["top_value"]
        assert hs_names[facts["top5"][0]] == facts["top_name"]
        assert names[code] == facts["name"]


def test_discovery_skips_checkpoints(tmp_path):
    for rel in ("lessons/00_a.ipynb", "lessons/.ipynb_checkpoints/00_a-checkpoint.ipynb",
                "solutions/ex01/ex01.ipynb", "solutions/ex01/.ipynb_checkpoints/ex01-checkpoint.ipynb",
                "exercises/ex01/ex01.ipynb", "lessons/notes.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}")
    assert discover_notebooks(tmp_path) == ["lessons/00_a.ipynb", "solutions/ex01/ex01.ipynb"]


def test_compare_records_reports_every_difference():
    expected = {"top_product": "2603", "total": pytest.approx(100.0, rel=1e-6), "n": 3, "top5": ["a", "b"],
                "missing": 1}
    got = {"top_product": "0901", "total": 101.0, "n": 3.0, "top5": ["a", "b"], "extra": True}
    problems = compare_records(expected, got)
    assert problems == [
        "top_product: expected '2603', got '0901'",
        "total: expected 100.0 ± 1.0e-04, got 101.0 (relative difference 1.00e-02)",
        "n: expected 3, got 3.0 (relative difference 0.00e+00)",
        "missing: expected 1, but the notebook did not record it",
        f"extra: recorded True, but {EXPECTATIONS_FILE} has no expected value for it",
    ]
    assert compare_records({"x": pytest.approx([1.0, 2.0])}, {"x": [1.0, 2.0000000001]}) == []


# --- setup_notebook: figures that survive offline HTML export -------------------------------------

def test_setup_notebook_sets_an_offline_renderer_and_table_format():
    import pandas as pd
    import plotly.io as pio

    from course_tools import i18n
    from course_tools.views.format import TableFormat
    from course_tools.views.notebook import format_number, setup_notebook

    old = pio.renderers.default, pio.templates.default
    i18n.set_language(None)
    try:
        with pd.option_context("display.float_format", None, "display.max_rows", 60):
            assert setup_notebook() is None
            assert pio.renderers.default == "plotly_mimetype+notebook"
            assert isinstance(pd.get_option("display.float_format"), TableFormat)
            assert "75,915,749,884" in repr(pd.DataFrame({"v": [75_915_749_884.0]}))
        with pytest.raises(ValueError, match="internet"):
            setup_notebook(renderer="notebook_connected")
    finally:
        pio.renderers.default, pio.templates.default = old
    assert [format_number(x) for x in (75_915_749_884.0, 1234.5, 123.456, 0.230214627, -0.5, float("nan"))] == [
        "75,915,749,884", "1,234", "123.5", "0.2302", "-0.5", "NaN"]


@pytest.mark.slow
def test_figures_survive_html_export_offline(tmp_path):
    from nbconvert import HTMLExporter

    write_notebook(tmp_path / "fig.ipynb",
                   "from course_tools.views.notebook import setup_notebook\nimport plotly.express as px\n"
                   "setup_notebook()\npx.bar(x=['2603', '7403'], y=[17.5, 14.7]).show()",
                   parameters='COUNTRY = "CHL"')
    executed, _ = run_notebook(tmp_path / "fig.ipynb", {"COUNTRY": "JAM"})
    bundles = [o.get("data", {}) for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert any("application/vnd.plotly.v1+json" in b and "text/html" in b for b in bundles), "JupyterLab needs both"
    html, _ = HTMLExporter().from_notebook_node(executed)
    assert re.search(r"plotly\.js v\d", html), "plotly.js must be embedded in the exported page"
    assert not re.search(r"<script[^>]+src=[\"']https?://cdn\.plot\.ly", html), "plotly.js must not come from a CDN"
    assert "Plotly.newPlot" in html


def broken_notebook(folder: Path) -> Path:
    """Six cells: text, parameters, a good cell, text, a failing cell, a cell never reached."""
    from nbformat.v4 import new_code_cell, new_markdown_cell

    return write_notebook(folder / "broken.ipynb", new_markdown_cell("# A lesson"),
                          new_code_cell('COUNTRY = "CHL"', metadata={"tags": ["parameters"]}),
                          "totals = {'CHL': 1.0}\nprint('ready')", new_markdown_cell("## The step that breaks"),
                          "# look up the country\nshare = totals[COUNTRY]", "print('never reached')")


@pytest.mark.slow
def test_a_failing_notebook_names_the_failing_cell(tmp_path):
    # papermill adds a parameters cell and two error cells: the message must still name cell 5 of the
    # notebook (the one that failed), not the cell before it
    path = broken_notebook(tmp_path)
    with pytest.raises(NotebookRunError) as info:
        run_notebook(path, {"COUNTRY": "PRY"}, output_path=tmp_path / "out" / "broken.ipynb")
    err = info.value
    msg = str(err)
    assert err.cell_number == 5 and err.ename == "KeyError"
    assert "failed in cell 5 of 6" in msg
    assert "the cell that starts `# look up the country`" in msg
    assert "KeyError: 'PRY'" in msg
    assert "share = totals[COUNTRY]" in msg and "print('ready')" not in msg


def _markdown_outputs(nb: Any) -> list[str]:
    return [o["data"]["text/markdown"] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]


@pytest.mark.slow
@pytest.mark.parametrize("notebook, parameters, example_case, note", [
    # no national input-output table for Paraguay: the lesson says so (in Spanish) and runs on Brazil
    ("lessons/09_input_output.ipynb", {"COUNTRY": "PRY", "LANG": "es"}, "BRA",
     "**Paraguay (PRY): el curso no tiene una matriz insumo-producto nacional de este país.**"),
    # no municipal census for Guyana: the lesson says so and runs on Tamaulipas
    ("lessons/10_territory.ipynb", {"COUNTRY": "GUY", "MUNICIPALITY": "Reynosa"}, "Reynosa",
     "**Guyana (GUY): the course has no municipal economic census for it.**"),
], ids=["09_input_output-PRY-es", "10_territory-GUY"])
def test_lessons_without_data_for_the_country_say_so_and_run_the_example(tmp_path, notebook, parameters,
                                                                         example_case, note):
    nb, records = _ran(notebook, parameters, tmp_path / Path(notebook).name)
    notes = _markdown_outputs(nb)
    assert notes and notes[0].startswith(note), notes[:1]
    # the first output of the lesson, right after the set-up
    first = next(c for c in nb.cells if c.cell_type == "code" and c.get("outputs")
                 and "injected-parameters" not in c.metadata.get("tags", []))
    assert "text/markdown" in first.outputs[0].get("data", {})
    assert compare_records(EXPECTATIONS[notebook][example_case]["expected"], records) == []


@pytest.mark.slow
def test_exercise_02_for_a_country_without_chapter_28_rows(tmp_path):
    # Haiti reports no chapter 28 row in 2017: the duplicated-keys question uses its first reported chapter
    # (01: one row, 0106), says so in both languages, and the checks and hidden tests pass
    nb, records = _ran("solutions/ex02/ex02.ipynb", {"COUNTRY": "HTI"}, tmp_path / "ex02.HTI.ipynb")
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "HTI reports no chapter 28 row in 2017: the slice uses chapter 01" in printed
    assert "HTI no reporta filas del capítulo 28 en 2017" in printed
    assert records["dup_products"] == ["0106"]


@pytest.mark.slow
def test_cuba_is_not_in_the_2006_bilateral_table_and_the_notebooks_say_so(tmp_path):
    # L06: the partner section says why it is empty (in Spanish here), the rest runs
    nb, rec = _ran("lessons/06_interdependence.ipynb", {"COUNTRY": "CUB", "LANG": "es"}, tmp_path / "06.CUB.ipynb")
    l01, _ = _ran("lessons/01_trade_statistics.ipynb", {"COUNTRY": "CUB"}, tmp_path / "01.CUB.ipynb")
    _, ex01 = _ran("solutions/ex01/ex01.ipynb", {"COUNTRY": "CUB"}, tmp_path / "ex01.CUB.ipynb")
    _, ex06 = _ran("solutions/ex06/ex06.ipynb", {"COUNTRY": "CUB"}, tmp_path / "ex06.CUB.ipynb")
    assert any(m.startswith("**Cuba (CUB) no está en la tabla de comercio bilateral de 2006**")
               for m in _markdown_outputs(nb))
    assert rec["top5_lac_partners"] is None and rec["lac_share_of_exports"] is None
    assert any(m.startswith("**Cuba (CUB) is not in the bilateral trade table of 2006**")
               for m in _markdown_outputs(l01))
    assert rec["most_similar_partner"] and rec["complementarity_world"] > 0  # the 2017 sections ran
    # the exercises' 2006 questions are about Jamaica instead (said by the set-up cell): Jamaica's values
    jam01 = EXPECTATIONS["solutions/ex01/ex01.ipynb"]["JAM"]["expected"]
    assert compare_records({k: jam01[k] for k in ("top_partner", "top_partner_share")},
                           {k: ex01[k] for k in ("top_partner", "top_partner_share")}) == []
    jam06 = EXPECTATIONS["solutions/ex06/ex06.ipynb"]["JAM"]["expected"]
    assert compare_records({k: jam06[k] for k in ("top_partner", "top_tii")},
                           {k: ex06[k] for k in ("top_partner", "top_tii")}) == []


@pytest.mark.slow
@pytest.mark.parametrize("notebook, skip", [
    ("lessons/08_complexity.ipynb", {"gold_share", "country_kept"}),  # Belize's own values
    ("lessons/11_niches.ipynb", {"top_niche_quadrant"}),  # a label, in the language of the run (es here)
    ("solutions/ex08/ex08.ipynb", set()),
    ("solutions/ex11/ex11.ipynb", set()),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_country_outside_the_complexity_set_gets_jamaica_and_is_told(tmp_path, notebook, skip):
    # Belize: 2017 exports below USD 1 billion, so no ECI, density or niche model: the notebook says so at
    # the step (Spanish where the notebook has LANG) and the country-level steps show Jamaica's values
    params = {"COUNTRY": "BLZ"}
    lang = "LANG" in _assigned(notebook)
    if lang:
        params["LANG"] = "es"
    nb, records = _ran(notebook, params, tmp_path / Path(notebook).name)
    start = ("**Belice (BLZ) está fuera de la muestra de complejidad de 2017**" if lang
             else "**Belize (BLZ) is outside the 2017 complexity set**")
    assert any(m.startswith(start) for m in _markdown_outputs(nb))
    jam = EXPECTATIONS[notebook]["JAM"]["expected"]
    names = [k for k in jam if k not in skip and k in records]
    assert len(names) >= len(jam) - len(skip)
    assert compare_records({k: jam[k] for k in names}, {k: records[k] for k in names}) == []
    if notebook.startswith("lessons/08"):
        assert records["country_kept"] is False and records["focus"] == "JAM"


def _assigned(notebook: str) -> set[str]:
    cell = parameters_cell(nbformat.read(ROOT / notebook, as_version=4))
    return set(re.findall(r"^([A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?!=)", cell.source, flags=re.M))


@pytest.mark.slow
def test_a_country_outside_latin_america_runs_l06_l12_and_ex08(tmp_path):
    # the United States: ranked among the LAC countries and itself, in the report as in ex08, and the report says
    # it is not a LAC country
    _, l06 = _ran("lessons/06_interdependence.ipynb", {"COUNTRY": "USA"}, tmp_path / "06.USA.ipynb")
    l12, rep = _ran("lessons/12_country_report.ipynb", {"COUNTRY": "USA"}, tmp_path / "12.USA.ipynb")
    _, ex08 = _ran("solutions/ex08/ex08.ipynb", {"COUNTRY": "USA"}, tmp_path / "ex08.USA.ipynb")
    assert l06["complementarity_world"] > 0 and len(l06["top5_lac_partners"]) == 5
    # Mexico is first in LAC and 28th in the world (expectations/12_country_report.py): a country above it in the
    # world ranks first among the LAC countries and itself
    assert rep["thin"] is False and rep["n_lac_ranked"] == 25 and rep["eci_rank_world"] < 28
    assert rep["eci_rank_lac"] == ex08["eci_rank_lac"] == 1
    assert any("United States of America is not a Latin American and Caribbean country: placed among the 25 "
               "countries of the region, it would rank 1." in m for m in _markdown_outputs(l12))
