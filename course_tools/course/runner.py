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

from course_tools.course.record import read_records
from course_tools.errors import NichosError

__all__ = ["NotebookRunError", "run_notebook", "parameters_cell", "OFFLINE_STARTUP"]

#: Code the kernel runs at start-up when ``offline=True``.
OFFLINE_STARTUP = "import course_tools.course.offline as _nichos_offline; _nichos_offline.block_network(); del _nichos_offline"


class NotebookRunError(NichosError, RuntimeError):
    """A notebook stopped with an error. ``.notebook`` is the executed notebook (with the error
    output), ``.records`` the values recorded before the error, ``.output_path`` where it was saved
    (``None`` if it was not), ``.ename``/``.evalue`` the Python exception."""

    def __init__(self, message: str, *, notebook: Any = None, records: dict | None = None,
                 output_path: Path | None = None, ename: str = "", evalue: str = ""):
        super().__init__(message)
        self.notebook = notebook
        self.records = records or {}
        self.output_path = output_path
        self.ename = ename
        self.evalue = evalue


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
        raise FileNotFoundError(f"run_notebook: no notebook at {path}")
    parameters = dict(parameters or {})
    _check_parameters(path, nbformat.read(path, as_version=4), parameters)
    cwd = Path(cwd) if cwd is not None else path.resolve().parent
    # the kernel's own log at ERROR: its start-up warnings (e.g. "TCP without encryption" on the
    # loopback connection the kernel always uses) would otherwise interleave with progress bars
    extra_arguments = ["--IPKernelApp.log_level=ERROR"]
    if offline:
        extra_arguments.append(f"--IPKernelApp.exec_lines={[OFFLINE_STARTUP]!r}")

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
                progress_bar=bool(progress),
                log_output=False,
                start_timeout=start_timeout,
                execution_timeout=timeout,
                extra_arguments=extra_arguments,
            )
        except PapermillExecutionError as err:
            raise _run_error(err, path, parameters, out, kept=out if output_path is not None else None) from err
    return nb, read_records(nb)


def _check_parameters(path: Path, nb: Any, parameters: dict[str, Any]) -> None:
    """ValueError unless every name of ``parameters`` is assigned in the notebook's ``parameters`` cell."""
    if not parameters:
        return
    cell = parameters_cell(nb)
    if cell is None:
        raise ValueError(
            f"{path.name} has no cell tagged 'parameters', so {sorted(parameters)} cannot be set. "
            f"In JupyterLab select the cell that defines COUNTRY, open the property inspector "
            f"(gear icon) and add the tag 'parameters'."
        )
    unknown = sorted(set(parameters) - _assigned_names(cell.source))
    if unknown:
        raise ValueError(
            f"{path.name}: parameter(s) {unknown} are not defined in its 'parameters' cell, "
            f"which defines {sorted(_assigned_names(cell.source))}; check the spelling."
        )


def _run_error(err: Any, path: Path, parameters: dict[str, Any], out: Path, kept: Path | None) -> NotebookRunError:
    """A :class:`NotebookRunError` for papermill's error ``err``: the failing cell, what was recorded."""
    import nbformat

    executed = nbformat.read(out, as_version=4) if out.exists() else None
    records = read_records(executed) if executed is not None else {}
    source = err.source
    if executed is not None and 0 <= err.cell_index < len(executed.cells):
        source = executed.cells[err.cell_index].source
    where = f"; the executed notebook is saved at {kept}" if kept else ""
    return NotebookRunError(
        f"{path.name} with parameters {parameters} failed in cell [{err.exec_count}] "
        f"(cell index {err.cell_index}): {err.ename}: {err.evalue}{where}\n"
        f"--- cell source ---\n{_excerpt(source)}",
        notebook=executed, records=records, output_path=kept,
        ename=err.ename, evalue=err.evalue,
    )


def _excerpt(source: str, lines: int = 15) -> str:
    rows = source.splitlines()
    return "\n".join(rows[:lines] + (["…"] if len(rows) > lines else []))
