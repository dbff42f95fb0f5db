"""Run one notebook for many countries in one kernel: the country matrix of the tests and of ``course check-countries``.

A whole papermill run per country and lesson costs a kernel start, the imports and the data loads
every time (13 lessons × 37 countries is hours). :func:`run_for_countries` starts **one** kernel per
notebook and, for each country, runs the notebook's own cells again from the parameters cell on:
the parameters cell as written, then the country's values (as papermill would inject them), then
every code cell after it, in order. Imports and the course's cached loaders make every country after
the first cheap, while each country still executes every cell of the lesson.

Each country gets a :class:`CountryRun`: the values the notebook recorded with ``record()``, the
text the notebook showed (Markdown and printed lines, to check a thin-data sentence), or the first
error, named by its cell (number in the notebook and first line) so a coordinator can find it.
A failing country does not stop the others.

:func:`matrix_plan` says which notebook each country runs: every lesson in the country's language
(the Spanish edition, ``lessons/es/``, for the countries whose first official language is Spanish;
the English lesson for the others), every solution notebook, and the country report (lesson L12 as
``course report`` runs it) in the *other* language, so the report of every country is run in both.

Figures: the kernels of the matrix use the ``plotly_mimetype`` renderer (each figure is built,
validated and serialised to plotly's JSON) instead of the lessons' ``plotly_mimetype+notebook``,
which also writes every figure as HTML with plotly.js for the exported pages: that HTML path is
tested by the papermill runs of the notebook tests (one per notebook), not 37 times per notebook.
"""
from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_tools.course import CourseInputError
from course_tools.course.record import MIMETYPE
from course_tools.course.runner import OFFLINE_STARTUP, parameters_cell
from course_tools.i18n import text

__all__ = ["CountryRun", "MatrixRun", "MatrixItem", "KINDS", "EXTRA_COUNTRIES", "MATRIX_RENDERER",
           "run_for_countries", "first_line", "matrix_countries", "country_language", "matrix_plan", "run_item"]

#: The countries outside Latin America and the Caribbean the matrix also runs (large economies of
#: every kind of trade profile: the complexity set's leaders and two emerging ones).
EXTRA_COUNTRIES: tuple[str, ...] = ("USA", "DEU", "CHN", "IND")
#: The groups of notebooks of the matrix.
KINDS: tuple[str, ...] = ("lessons", "solutions", "report")
#: The plotly renderer of the matrix's kernels (see the module's docstring).
MATRIX_RENDERER = "plotly_mimetype"


def _renderer_startup(renderer: str) -> str:
    """Kernel start-up code that makes ``setup_notebook()`` use ``renderer``."""
    return ("import course_tools.views.notebook as _nichos_nb; "
            f"_nichos_nb.DEFAULT_RENDERER = {renderer!r}; del _nichos_nb")


@dataclass
class CountryRun:
    """The outcome of one country's pass through a notebook."""

    values: dict[str, Any]
    records: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    #: seconds spent in each cell, by its index in the notebook (the parameters cell included)
    cell_seconds: dict[int, float] = field(default_factory=dict)
    #: the Markdown the notebook displayed and the lines it printed, in order
    shown: list[str] = field(default_factory=list)
    #: the notebook file that ran (an edition in the country's language, for a lesson)
    notebook: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


def first_line(source: str) -> str:
    """The first line of a cell that says something (comments and blank lines skipped), shortened."""
    for line in source.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip()[:100]
    return source.strip().splitlines()[0][:100] if source.strip() else ""


def _collect(outputs: Iterable[Mapping[str, Any]], records: dict[str, Any], shown: list[str]) -> None:
    """Add the records and the shown text of a cell's outputs to ``records`` and ``shown``."""
    for out in outputs:
        kind = out.get("output_type")
        if kind == "stream":
            shown.append(str(out.get("text", "")))
            continue
        data = out.get("data", {}) if kind in ("display_data", "execute_result") else {}
        if "text/markdown" in data:
            shown.append(str(data["text/markdown"]))
        payload = data.get(MIMETYPE)
        if payload is None:
            continue
        if isinstance(payload, str):
            payload = json.loads(payload)
        records.pop(payload["name"], None)
        records[payload["name"]] = payload["value"]


def _assignments(values: Mapping[str, Any]) -> str:
    return "\n".join(f"{name} = {value!r}" for name, value in values.items())


def run_for_countries(
    path: str | Path,
    countries: Iterable[str],
    *,
    parameter: str = "COUNTRY",
    parameters: Mapping[str, Any] | None = None,
    timeout: float = 600,
    offline: bool = True,
    cwd: str | Path | None = None,
    kernel_name: str = "python3",
    renderer: str | None = MATRIX_RENDERER,
) -> dict[str, CountryRun]:
    """Run the notebook at ``path`` once per country in one kernel; ``{country: CountryRun}`` in order.

    ``parameters`` are set for every country (e.g. ``{"LANG": "es"}``); ``parameter`` names the
    variable that takes each country's code. Offline as :func:`course_tools.course.runner.run_notebook`.
    ``renderer``: the plotly renderer of the kernel (``None``: the notebook's own).
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    params = parameters_cell(nb)
    if params is None:
        raise CourseInputError(text("countries.no_parameters_cell", notebook=path.name))
    start = nb.cells.index(params)
    body = [(i, c) for i, c in enumerate(nb.cells) if i > start and c.cell_type == "code"]
    startup = ([OFFLINE_STARTUP] if offline else []) + ([_renderer_startup(renderer)] if renderer else [])
    extra = ["--IPKernelApp.log_level=ERROR"] + ([f"--IPKernelApp.exec_lines={startup!r}"] if startup else [])
    work = nbformat.v4.new_notebook(metadata=copy.deepcopy(nb.metadata))
    client = NotebookClient(work, timeout=timeout, kernel_name=kernel_name, extra_arguments=extra,
                            resources={"metadata": {"path": str(Path(cwd) if cwd else path.resolve().parent)}})
    results: dict[str, CountryRun] = {}
    with client.setup_kernel():
        for country in countries:
            values = {**dict(parameters or {}), parameter: country}
            run = CountryRun(values=values, notebook=path.as_posix())
            began = time.perf_counter()
            cells = [(start, nbformat.v4.new_code_cell(params.source + "\n" + _assignments(values)))]
            cells += [(i, nbformat.v4.new_code_cell(c.source)) for i, c in body]
            for index, cell in cells:
                work.cells = [cell]
                tick = time.perf_counter()
                try:
                    client.execute_cell(cell, 0)
                except CellExecutionError as err:
                    evalue = (str(err.evalue).strip().splitlines() or [""])[0][:300]
                    run.error = text("countries.cell_error", number=index + 1,
                                     line=first_line(nb.cells[index].source), ename=err.ename, evalue=evalue)
                    break
                finally:
                    run.cell_seconds[index] = time.perf_counter() - tick
                    _collect(cell.get("outputs", []), run.records, run.shown)
            run.seconds = time.perf_counter() - began
            results[country] = run
    return results


# --------------------------------------------------------------------------------------------
# the plan: which notebook each country runs, in which language
# --------------------------------------------------------------------------------------------
def matrix_countries() -> list[str]:
    """The 33 ECLAC member states of Latin America and the Caribbean, then :data:`EXTRA_COUNTRIES`."""
    from course_tools import data

    return data.group_members("lac") + [c for c in EXTRA_COUNTRIES if c not in data.group_members("lac")]


def country_language(country: str) -> str:
    """The course language of a country's learners: ``"es"`` where Spanish is the first official language."""
    from course_tools import data

    return "es" if data.main_language(country) == "es" else "en"


@dataclass(frozen=True)
class MatrixRun:
    """One kernel of the matrix: a notebook file, the countries it runs and the parameters set for each."""

    notebook: Path
    countries: tuple[str, ...]
    parameters: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class MatrixItem:
    """One notebook of the course (a lesson, a solution, the report) and the kernels that run it."""

    name: str
    kind: str
    runs: tuple[MatrixRun, ...]
    #: the countries in the order asked (the runs group them by language)
    order: tuple[str, ...] = ()

    @property
    def countries(self) -> list[str]:
        ran = {c for r in self.runs for c in r.countries}
        return [c for c in self.order if c in ran] or [c for r in self.runs for c in r.countries]


def _defines(path: Path, name: str) -> bool:
    import re

    import nbformat

    cell = parameters_cell(nbformat.read(path, as_version=4))
    return cell is not None and re.search(rf"^{name}\s*=", cell.source, flags=re.M) is not None


def _by_language(countries: list[str], lang: str | None, flip: bool = False) -> dict[str, list[str]]:
    """{language: countries} in the given order: ``lang`` for all, else each country's (or the other one)."""
    out: dict[str, list[str]] = {"en": [], "es": []}
    for c in countries:
        lg = lang or country_language(c)
        if flip and lang is None:
            lg = "en" if lg == "es" else "es"
        out[lg].append(c)
    return {k: v for k, v in out.items() if v}


def matrix_plan(kinds: Iterable[str] = KINDS, countries: Iterable[str] | None = None, *,
                lang: str | None = None, root: Path | None = None) -> list[MatrixItem]:
    """The items of the matrix (one per notebook), for ``countries`` (default :func:`matrix_countries`).

    ``lang``: run every country in that language instead of its own (``course check-countries --lang es``).
    """
    from course_tools.course import editions
    from course_tools.paths import LESSONS, SOLUTIONS

    lessons, solutions = (root / "lessons", root / "solutions") if root else (LESSONS, SOLUTIONS)
    codes = [str(c).strip().upper() for c in (countries if countries is not None else matrix_countries())]
    kinds = list(kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise CourseInputError(text("countries.unknown_kind", kinds=unknown, known=list(KINDS)))
    items: list[MatrixItem] = []
    if "lessons" in kinds:
        for pair in editions.pairs("es", lessons):
            files = {"en": pair.english, "es": pair.edition}
            runs = tuple(MatrixRun(files[lg], tuple(cs)) for lg, cs in _by_language(codes, lang).items())
            items.append(MatrixItem(f"lessons/{pair.english.name}", "lessons", runs, tuple(codes)))
    if "solutions" in kinds:
        for path in sorted(solutions.glob("ex*/ex*.ipynb")):
            if not _defines(path, "LANG"):
                runs = (MatrixRun(path, tuple(codes)),)
            else:
                runs = tuple(MatrixRun(path, tuple(cs), (("LANG", lg),))
                             for lg, cs in _by_language(codes, lang).items())
            items.append(MatrixItem(f"solutions/{path.parent.name}/{path.name}", "solutions", runs, tuple(codes)))
    if "report" in kinds:
        from course_tools.course.report import defaults

        runs = tuple(MatrixRun(defaults.REPORT_NOTEBOOK, tuple(cs), (("LANG", lg),))
                     for lg, cs in _by_language(codes, lang, flip=True).items())
        items.append(MatrixItem("report", "report", runs, tuple(codes)))
    return items


def run_item(item: MatrixItem, *, timeout: float = 600) -> dict[str, CountryRun]:
    """Run every kernel of ``item``; ``{country: CountryRun}`` in the order of ``item.countries``."""
    found: dict[str, CountryRun] = {}
    for run in item.runs:
        found.update(run_for_countries(run.notebook, run.countries, parameters=dict(run.parameters),
                                       timeout=timeout))
    return {c: found[c] for c in item.countries}
