"""Run a course notebook with parameters (papermill) and read back its recorded values.

Used by the regression tests (``tests/notebooks/test_notebooks.py``) and by the commands that build a
country report: the same notebook runs for ``COUNTRY="CHL"`` or ``COUNTRY="JAM"``, offline,
in its own folder, and :func:`run_notebook` returns the executed notebook and the values it
recorded with :func:`course_tools.course.record.record`.

Offline: with ``offline=True`` (the default) the kernel calls
:func:`course_tools.course.offline.block_network` before the first cell (through the kernel's
``exec_lines`` start-up option; the environment of the calling process is not changed), so a
notebook that tries to download anything fails with ``OfflineError``.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from course_tools.course import CourseInputError
from course_tools.course.record import read_records
from course_tools.errors import NichosError
from course_tools.i18n import LANGS, current_language, text

__all__ = ["NotebookRunError", "run_notebook", "parameters_cell", "OFFLINE_STARTUP"]

#: Code the kernel runs at start-up when ``offline=True``.
OFFLINE_STARTUP = ("import course_tools.course.offline as _nichos_offline; _nichos_offline.block_network(); "
                   "del _nichos_offline")


class NotebookRunError(NichosError, RuntimeError):
    """A notebook stopped with an error. ``.notebook`` is the executed notebook (with the error
    output), ``.records`` the values recorded before the error, ``.output_path`` where it was saved
    (``None`` if it was not), ``.ename``/``.evalue`` the Python exception."""

    def __init__(self, message: str, *, notebook: Any = None, records: dict | None = None,
                 output_path: Path | None = None, ename: str = "", evalue: str = "",
                 cell_number: int | None = None, cell_source: str = ""):
        super().__init__(message)
        self.notebook = notebook
        self.records = records or {}
        self.output_path = output_path
        self.ename = ename
        self.evalue = evalue
        #: 1-based position of the failing cell in the source notebook (as JupyterLab shows it,
        #: counting text and code cells); ``None`` if it could not be found
        self.cell_number = cell_number
        self.cell_source = cell_source
        #: 1-based position of the failing cell in the source notebook (as JupyterLab shows it,
        #: counting text and code cells); ``None`` if it could not be found
        self.cell_number = cell_number
        self.cell_source = cell_source


def parameters_cell(nb: Any) -> Any | None:
    """The first code cell tagged ``parameters`` (papermill's convention), or ``None``."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            return cell
    return None


def _assigned_names(source: str) -> set[str]:
    return set(re.findall(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^=\n]*)?=(?!=)", source, flags=re.M))


def run_notebook(
    path: str | Path,
    parameters: dict[str, Any] | None = None,
    output_path: str | Path | None = None,
    cwd: str | Path | None = None,
    timeout: float = 600,
    offline: bool = True,
    kernel_name: str = "python3",
    start_timeout: float = 120,
    progress: bool = False,
) -> tuple[Any, dict[str, Any]]:
    """Execute the notebook at ``path`` with ``parameters`` and return ``(executed_nb, records)``.

    * ``parameters`` are injected after the cell tagged ``parameters`` (papermill); each name
      must be assigned in that cell, so a misspelt ``COUNTY="CHL"`` is an error, not a silent
      run for the default country.
    * ``output_path``: where to save the executed notebook (``None``: not kept).
    * ``cwd``: working folder of the kernel (default: the notebook's own folder, as in JupyterLab).
    * ``timeout``: seconds allowed for each cell.
    * ``offline``: block every non-loopback network connection in the kernel.
    * ``progress``: show papermill's progress bar over the cells (on stderr).

    Raises :class:`NotebookRunError` (with the cell, the exception and where the executed
    notebook was saved) if a cell fails.
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(text("course_msg.common.no_notebook", caller="run_notebook", path=path))
    parameters = dict(parameters or {})
    _check_parameters(path, nbformat.read(path, as_version=4), parameters)
    cwd = Path(cwd) if cwd is not None else path.resolve().parent
    # the kernel's own log at ERROR: its start-up warnings (e.g. "TCP without encryption" on the
    # loopback connection the kernel always uses) would otherwise interleave with progress bars
    extra_arguments = ["--IPKernelApp.log_level=ERROR"]
    startup = [OFFLINE_STARTUP] if offline else []
    if cwd.resolve() != path.resolve().parent:
        # the modules next to the notebook (an exercise's oracle.py) import as when it runs in its own folder
        startup.append(f"import sys; sys.path.insert(0, {str(path.resolve().parent)!r})")
    if startup:
        extra_arguments.append(f"--IPKernelApp.exec_lines={startup!r}")

    with tempfile.TemporaryDirectory(prefix="nichos-run-") as tmp:
        out = Path(output_path) if output_path is not None else Path(tmp) / path.name
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            nb = pm.execute_notebook(
                str(path),
                str(out),
                parameters=parameters,
                kernel_name=kernel_name,
                cwd=str(cwd),
                progress_bar=progress_bar(parameters) if progress else False,
                log_output=False,
                start_timeout=start_timeout,
                execution_timeout=timeout,
                extra_arguments=extra_arguments,
            )
        except PapermillExecutionError as err:
            raise _run_error(err, path, parameters, out, kept=out if output_path is not None else None) from err
    return nb, read_records(nb)


def progress_bar(parameters: dict[str, Any] | None = None) -> dict[str, str]:
    """papermill's progress bar (tqdm's keyword arguments) labelled in the run's language.

    The language is the notebook's ``LANG`` parameter when it is one of the course's (a Spanish report), else
    the language in use (:func:`course_tools.i18n.current_language`): "Ejecutando … celda/s" instead of
    papermill's English "Executing … cell/s".
    """
    lang = (parameters or {}).get("LANG")
    lang = lang if lang in LANGS else current_language()
    return {"desc": text("language.progress", lang), "unit": text("language.progress_unit", lang)}


def _check_parameters(path: Path, nb: Any, parameters: dict[str, Any]) -> None:
    """:class:`CourseInputError` (a ``ValueError``) unless every name of ``parameters`` is assigned in the
    notebook's ``parameters`` cell."""
    if not parameters:
        return
    cell = parameters_cell(nb)
    if cell is None:
        raise CourseInputError(text("course_msg.runner.no_parameters_cell", name=path.name, names=sorted(parameters)))
    unknown = sorted(set(parameters) - _assigned_names(cell.source))
    if unknown:
        raise CourseInputError(text("course_msg.runner.unknown_parameters", name=path.name, unknown=unknown,
                                    defined=sorted(_assigned_names(cell.source))))


def _run_error(err: Any, path: Path, parameters: dict[str, Any], out: Path, kept: Path | None) -> NotebookRunError:
    """A :class:`NotebookRunError` for papermill's error ``err``: the failing cell, what was recorded."""
    import nbformat

    executed = nbformat.read(out, as_version=4) if out.exists() else None
    records = read_records(executed) if executed is not None else {}
    number, n_cells, exec_count = _failing_cell(executed, err.source)
    where = text("course_msg.runner.saved_at", path=kept) if kept else ""
    cell = (text("course_msg.runner.cell", number=number, total=n_cells) if number is not None
            else text("course_msg.runner.a_cell")) + (f" (In [{exec_count}])" if exec_count is not None else "")
    return NotebookRunError(
        text("course_msg.runner.failed", name=path.name, parameters=parameters, cell=cell,
             first=_first_line(err.source), ename=err.ename, evalue=err.evalue, where=where,
             source=_excerpt(err.source)),
        notebook=executed, records=records, output_path=kept,
        ename=err.ename, evalue=err.evalue, cell_number=number, cell_source=err.source,
    )


#: tags papermill gives to the cells it adds: the injected parameters and, after an error, a
#: message at the top and an anchor just before the failing cell
_ADDED_TAGS = {"injected-parameters", "papermill-error-cell-tag"}


def _failing_cell(executed: Any, source: str) -> tuple[int | None, int, int | None]:
    """(1-based number of the failing cell in the source notebook, its number of cells, In [n]).

    The cell with an error output (or papermill's exception flag) in the executed notebook,
    numbered without the cells papermill added: papermill's own ``cell_index`` counts them and,
    once it has inserted its error cells, points at the cell before the failing one.
    """
    if executed is None:
        return None, 0, None
    own = [c for c in executed.cells
           if not _ADDED_TAGS & set(c.get("metadata", {}).get("tags", []))]
    for i, c in enumerate(own):
        if c.cell_type != "code":
            continue
        failed = any(o.get("output_type") == "error" for o in c.get("outputs", [])) or \
            c.get("metadata", {}).get("papermill", {}).get("exception") is True
        if failed and (not source or c.source == source):
            return i + 1, len(own), c.get("execution_count")
    return None, len(own), None


def _first_line(source: str) -> str:
    """The first non-blank line of a cell (shortened), to name the cell in a message."""
    for row in source.splitlines():
        if row.strip():
            row = row.strip()
            return row if len(row) <= 80 else row[:79] + "…"
    return "(empty cell)"


def _excerpt(source: str, lines: int = 15) -> str:
    rows = source.splitlines()
    return "\n".join(rows[:lines] + (["…"] if len(rows) > lines else []))
