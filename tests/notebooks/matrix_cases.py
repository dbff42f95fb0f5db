"""Which expectation cases the country matrix runs (shared by test_country_matrix.py and test_notebooks.py).

A case of ``notebook_expectations.py`` is run by the matrix when its COUNTRY is one of the matrix's
countries and its other parameters (LANG aside) are the values the notebook's parameters cell sets:
the matrix runs the notebook's own cells with exactly those parameters, so it compares the case's
expected values (``expected_es`` too, for a run of the Spanish edition). The papermill tests then
run only the first case of each notebook (the papermill path, the executed notebook kept) and the
cases the matrix does not run (another municipality, a lower-case code...).
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path
from typing import Any

import nbformat

from course_tools.course.matrix import matrix_countries
from course_tools.course.runner import parameters_cell

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=64)
def parameter_defaults(notebook: str) -> dict[str, Any]:
    """The literal values the parameters cell of ``notebook`` (relative path) assigns."""
    cell = parameters_cell(nbformat.read(ROOT / notebook, as_version=4))
    out: dict[str, Any] = {}
    for node in ast.parse(cell.source).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                out[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return out


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(matrix_countries())


def matrix_languages(notebook: str, country: str) -> set[str]:
    """The languages the matrix runs ``notebook`` in for ``country``: its own, and both for the report (L12)."""
    from course_tools.course.matrix import country_language

    if notebook == REPORT_LESSON:
        return {"en", "es"}
    if notebook.startswith("solutions/") and "LANG" not in parameter_defaults(notebook):
        return {parameter_defaults(notebook).get("LANG", "en")}
    return {country_language(country)}


REPORT_LESSON = "lessons/12_country_report.ipynb"


def matrix_runs_case(notebook: str, case: dict[str, Any]) -> bool:
    """True if the country matrix runs ``notebook`` with the parameters of ``case`` (in its language)."""
    params = case["parameters"]
    if params.get("COUNTRY") not in _countries():
        return False
    defaults = parameter_defaults(notebook)
    if not all(k in ("COUNTRY", "LANG") or defaults.get(k, object()) == v for k, v in params.items()):
        return False
    return "LANG" not in params or params["LANG"] in matrix_languages(notebook, params["COUNTRY"])
