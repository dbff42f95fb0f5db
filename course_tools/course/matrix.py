"""Run one notebook for many countries in one kernel: the country matrix of the tests and of ``course check-countries``.

A whole papermill run per country and lesson costs a kernel start, the imports and the data loads
every time (13 lessons × 37 countries is hours). :func:`run_for_countries` starts **one** kernel per
notebook and, for each country, runs the notebook's own cells again from the parameters cell on:
the parameters cell as written, then the country's values (as papermill would inject them), then
every code cell after it, in order. Imports and the course's cached loaders make every country after
the first cheap, while each country still executes every cell of the lesson.

Each country gets a :class:`CountryRun`: the values the notebook recorded with ``record()``, or the
first error, named by its cell (number in the notebook and first line) so a coordinator can find it.
A failing country does not stop the others.
"""
from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_tools.course.record import MIMETYPE
from course_tools.course.runner import OFFLINE_STARTUP, parameters_cell

__all__ = ["CountryRun", "run_for_countries", "first_line"]


@dataclass
class CountryRun:
    """The outcome of one country's pass through a notebook."""

    values: dict[str, Any]
    records: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    #: seconds spent in each cell, by its index in the notebook (the parameters cell included)
    cell_seconds: dict[int, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


def first_line(source: str) -> str:
    """The first line of a cell that says something (comments and blank lines skipped), shortened."""
    for line in source.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip()[:100]
    return source.strip().splitlines()[0][:100] if source.strip() else ""


def _records_of(outputs: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for out in outputs:
        payload = out.get("data", {}).get(MIMETYPE) if out.get("output_type") == "display_data" else None
        if payload is None:
            continue
        if isinstance(payload, str):
            payload = json.loads(payload)
        found.pop(payload["name"], None)
        found[payload["name"]] = payload["value"]
    return found


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
) -> dict[str, CountryRun]:
    """Run the notebook at ``path`` once per country in one kernel; ``{country: CountryRun}`` in order.

    ``parameters`` are set for every country (e.g. ``{"LANG": "es"}``); ``parameter`` names the
    variable that takes each country's code. Offline as :func:`course_tools.course.runner.run_notebook`.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    params = parameters_cell(nb)
    if params is None:
        raise ValueError(f"{path.name} has no cell tagged 'parameters'")
    start = nb.cells.index(params)
    body = [(i, c) for i, c in enumerate(nb.cells) if i > start and c.cell_type == "code"]
    extra = ["--IPKernelApp.log_level=ERROR"]
    if offline:
        extra.append(f"--IPKernelApp.exec_lines={[OFFLINE_STARTUP]!r}")
    work = nbformat.v4.new_notebook(metadata=copy.deepcopy(nb.metadata))
    client = NotebookClient(work, timeout=timeout, kernel_name=kernel_name, extra_arguments=extra,
                            resources={"metadata": {"path": str(Path(cwd) if cwd else path.resolve().parent)}})
    results: dict[str, CountryRun] = {}
    with client.setup_kernel():
        for country in countries:
            values = {**dict(parameters or {}), parameter: country}
            run = CountryRun(values=values)
            began = time.perf_counter()
            cells = [(start, nbformat.v4.new_code_cell(params.source + "\n" + _assignments(values)))]
            cells += [(i, nbformat.v4.new_code_cell(c.source)) for i, c in body]
            for index, cell in cells:
                work.cells = [cell]
                tick = time.perf_counter()
                try:
                    client.execute_cell(cell, 0)
                except CellExecutionError as err:
                    run.error = (f"cell {index} ({first_line(nb.cells[index].source)!r}): "
                                 f"{err.ename}: {err.evalue}")
                    break
                finally:
                    run.cell_seconds[index] = time.perf_counter() - tick
                    run.records.update(_records_of(cell.get("outputs", [])))
            run.seconds = time.perf_counter() - began
            results[country] = run
    return results
