"""The country matrix: every lesson, solution notebook and the report, for every LAC country (and USA, DEU, CHN, IND).

One test item per notebook (so ``pytest -n 2`` spreads them over both cores). Each item runs the
notebook's own cells for the 33 ECLAC member states of Latin America and the Caribbean and the four
other economies, one kernel per notebook file (:mod:`course_tools.course.matrix`): the Spanish
edition of a lesson for the countries whose first official language is Spanish, the English lesson
for the others, so both languages' code paths (the thin-data sentences among them) run; the report
(lesson L12 as ``course report`` runs it) in the other language, so every country's report runs in
both. Every country, every run; no sample.

An item fails with the list of countries that failed and why:

* the cell that stopped (its number in the notebook and first line) and the error;
* a recorded value that is not sane (:func:`course_tools.course.matrix_checks.sanity_problems`);
* a value that differs from ``notebook_expectations.py`` for a country that has expectations (the
  matrix is part of the regression: see ``matrix_cases.py``; ``expected_es`` for a Spanish run);
* a lesson that does not show the sentence a country with too thin data must get at that step, in
  the language of the run (outside the complexity set, not in the 2006 bilateral table, no national
  input-output table, no municipal census);
* a number that differs from the same number recorded by another notebook for the same country
  (:func:`~course_tools.course.matrix_checks.consistency_problems`). Each item saves its records in
  ``tests/_output/matrix/``; an item compares itself with the items already saved in the same test
  run, so in a full run every pair of notebooks is compared by whichever of the two ends last.

Run:  .venv/bin/pytest -n 2 tests/notebooks/test_country_matrix.py
"""
from __future__ import annotations

import json
import os
import time
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from course_tools.course.matrix import CountryRun, MatrixItem, matrix_plan, run_item
from course_tools.course.matrix_checks import consistency_problems, sanity_problems
from course_tools.i18n import text
from tests.notebooks.matrix_cases import REPORT_LESSON, matrix_languages, matrix_runs_case
from tests.notebooks.notebook_expectations import EXPECTATIONS
from tests.notebooks.test_notebooks import compare_records

ROOT = Path(__file__).resolve().parents[2]
SAVED = ROOT / "tests" / "_output" / "matrix"
PLAN = matrix_plan()
_RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex


@pytest.fixture(scope="session")
def run_id(request) -> str:
    """Shared by the xdist workers of one test run (``testrunuid``), so items compare only with this run's."""
    return getattr(request.config, "workerinput", {}).get("testrunuid", _RUN_ID)


def _slug(name: str) -> str:
    return name.replace("/", "__")


def run_language(run: CountryRun) -> str:
    return "es" if "/lessons/es/" in run.notebook or run.values.get("LANG") == "es" else "en"


def expectation_problems(item: MatrixItem, runs: dict[str, CountryRun]) -> dict[str, list[str]]:
    """{country: differences from notebook_expectations.py} for the cases the matrix runs."""
    notebook = REPORT_LESSON if item.name == "report" else item.name
    out: dict[str, list[str]] = {}
    for case_id, case in EXPECTATIONS.get(notebook, {}).items():
        country = case["parameters"].get("COUNTRY")
        run = runs.get(country)
        if run is None or not run.ok or not matrix_runs_case(notebook, case):
            continue
        lang = run_language(run)
        if case["parameters"].get("LANG", lang) != lang or lang not in matrix_languages(notebook, country):
            continue
        expected = {**case["expected"], **(case.get("expected_es", {}) if lang == "es" else {})}
        problems = compare_records(expected, run.records)
        if problems:
            out.setdefault(country, []).extend(f"[{case_id}, {lang}] {p}" for p in problems)
    return out


def _others(run_id: str, name: str) -> dict[str, dict[str, dict[str, Any]]]:
    """{item: {country: records}} of the other items saved in this test run."""
    found = {}
    for path in SAVED.glob("*.json"):
        saved = json.loads(path.read_text(encoding="utf-8"))
        if saved.get("run_id") == run_id and saved["item"] != name:
            found[saved["item"]] = saved["records"]
    return found


def _save(run_id: str, item: MatrixItem, runs: dict[str, CountryRun]) -> None:
    SAVED.mkdir(parents=True, exist_ok=True)
    payload = {"run_id": run_id, "item": item.name,
               "records": {c: r.records for c, r in runs.items() if r.ok},
               "seconds": {c: round(r.seconds, 2) for c, r in runs.items()},
               "cells": cell_profile(runs)}
    tmp = SAVED / f".{_slug(item.name)}.json.tmp"
    tmp.write_text(json.dumps(payload, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(SAVED / f"{_slug(item.name)}.json")


def cell_profile(runs: dict[str, CountryRun]) -> dict[str, dict[str, float]]:
    """Seconds of each cell (by its number in the notebook file) summed over the countries, per file: the profile."""
    out: dict[str, dict[str, float]] = {}
    for run in runs.values():
        mine = out.setdefault(Path(run.notebook).name, {})
        for index, seconds in run.cell_seconds.items():
            mine[str(index + 1)] = round(mine.get(str(index + 1), 0.0) + seconds, 3)
    return out


@lru_cache(maxsize=512)
def thin_data_sentence(notebook: str, country: str, lang: str) -> str:
    """The sentence a lesson must show for a country whose data are too thin for a step ("" if none), in ``lang``.

    Outside the 2017 complexity set (L08, L11, L13), missing from the 2006 bilateral table (L01, L06), no
    national input-output table (L09: every country but Brazil), no municipal census (L10: every
    country but Mexico). Computed here with the functions the lessons call; the lesson must show it.
    """
    from course_tools import data
    from course_tools.views import complexity, input_output, interdependence, territory

    name = Path(notebook).name[:2]
    if name in ("08", "11", "13"):
        return complexity.complexity_focus(country, lang=lang)[1]
    if name in ("01", "06"):
        flows = interdependence.bilateral_flows(data.load_gravity())
        return interdependence.missing_from_flows(flows, country, year=2006, lang=lang)
    if name == "09":
        return input_output.lesson_data(country, lang=lang).note
    if name == "10":
        return territory.census_note(country, lang=lang)
    return ""


def sentence_problems(item: MatrixItem, runs: dict[str, CountryRun]) -> dict[str, list[str]]:
    """{country: [the thin-data sentence it did not show]} for the lessons (in the language of the run)."""
    out: dict[str, list[str]] = {}
    if item.kind != "lessons":
        return out
    for country, run in runs.items():
        sentence = thin_data_sentence(item.name, country, run_language(run)) if run.ok else ""
        start = sentence[:60]
        if start and not any(start in shown for shown in run.shown):
            out[country] = [text("countries.not_shown", sentence=start + "…")]
    return out


def matrix_failures(item: MatrixItem, runs: dict[str, CountryRun], others: dict[str, dict]) -> dict[str, list[str]]:
    """{country: reasons} for every country of ``item`` that failed a run or a check."""
    failures: dict[str, list[str]] = {}
    for country, run in runs.items():
        if not run.ok:
            failures[country] = [f"{Path(run.notebook).relative_to(ROOT)}: {run.error}"]
            continue
        problems = sanity_problems(run.records, country)
        mine = {item.name: run.records, **{k: v[country] for k, v in others.items() if country in v}}
        problems += consistency_problems(mine)
        if problems:
            failures[country] = problems
    for check in (expectation_problems, sentence_problems):
        for country, problems in check(item, runs).items():
            failures.setdefault(country, []).extend(problems)
    return failures


@pytest.mark.slow
@pytest.mark.parametrize("item", PLAN, ids=[i.name for i in PLAN])
def test_every_country_runs(item: MatrixItem, run_id: str):
    began = time.perf_counter()
    runs = run_item(item)
    _save(run_id, item, runs)
    failures = matrix_failures(item, runs, _others(run_id, item.name))
    seconds = time.perf_counter() - began
    slowest = sorted(runs.items(), key=lambda x: -x[1].seconds)[:3]
    print(f"{item.name}: {len(runs)} countries in {seconds:.0f} s "
          f"(slowest: {', '.join(f'{c} {r.seconds:.1f} s' for c, r in slowest)})")
    if failures:
        lines = [f"{c}: " + "\n      ".join(p) for c, p in failures.items()]
        pytest.fail(f"{item.name}: {len(failures)} of {len(runs)} countries failed\n  " + "\n  ".join(lines),
                    pytrace=False)


def test_the_matrix_runs_every_country_in_every_notebook():
    from course_tools import data
    from course_tools.course import editions

    lac = data.group_members("lac")
    assert len(lac) == 33
    lessons = [p for p in (ROOT / "lessons").glob("[0-9][0-9]_*.ipynb")]
    solutions = list((ROOT / "solutions").glob("ex*/ex*.ipynb"))
    assert len(PLAN) == len(lessons) + len(solutions) + 1
    for item in PLAN:
        assert sorted(item.countries) == sorted(lac + ["USA", "DEU", "CHN", "IND"]), item.name
    spanish = {c for c in lac if data.main_language(c) == "es"}
    assert len(spanish) == 18
    for item in PLAN:
        if item.kind == "lessons":
            by_file = {r.notebook: set(r.countries) for r in item.runs}
            edition = next(p.edition for p in editions.pairs("es") if p.english.name == Path(item.name).name)
            assert by_file[edition] == spanish, item.name
    report = next(i for i in PLAN if i.kind == "report")
    assert {dict(r.parameters)["LANG"]: set(r.countries) for r in report.runs}["en"] == spanish


def test_sanity_and_consistency_checks_catch_what_they_should():
    assert sanity_problems({"n_rca_world": 196, "n_products_exported": 1205, "top_product_share": 0.2,
                            "rsca_coffee": -0.3, "top5_products": ["2603", "7403"], "eci": None}) == []
    bad = sanity_problems({"n_rca_world": 1300, "n_products_exported": 1205, "top_product_share": 1.2,
                           "hhi": float("nan"), "n_pass": 3.0, "top_product": 2603, "top5_products": ["a", "a"]})
    assert len(bad) == 6, bad
    assert consistency_problems({"lessons/05_revealed_comparative_advantage.ipynb": {"n_rca_world": 196},
                                 "report": {"n_rca_world": 196}}) == []
    diff = consistency_problems({"lessons/05_revealed_comparative_advantage.ipynb": {"n_rca_world": 196},
                                 "report": {"n_rca_world": 197}})
    assert len(diff) == 1 and "products with RCA ≥ 1 (world)" in diff[0] and "197" in diff[0]


def test_the_lac_rank_of_a_country_outside_lac_may_be_one_more_than_the_lac_countries_ranked():
    # 25 LAC countries ranked by ECI; the USA, ranked among them and itself, can be last: 25 + 1 = 26
    last_outside = {"eci_rank_lac": 26, "n_lac_ranked": 25}
    assert sanity_problems(last_outside, "USA") == []
    assert sanity_problems(last_outside, "deu") == []
    # a LAC country cannot be 26th of 25, and without the country the strict rule holds
    assert len(sanity_problems(last_outside, "PRY")) == 1
    assert len(sanity_problems(last_outside)) == 1
    # one more than 26 is wrong for anybody
    too_far = sanity_problems({"eci_rank_lac": 27, "n_lac_ranked": 25}, "USA")
    assert len(too_far) == 1 and "eci_rank_lac" in too_far[0] and "26" in too_far[0]
