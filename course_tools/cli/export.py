"""``course export``: run a lesson offline and save it as ONE standalone HTML page.

The work is done by :mod:`course_tools.course.export`; this module reads the command line.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from course_tools.cli._common import fail


def _parse_value(text: str) -> Any:
    """papermill-like: 2017 -> int, 0.5 -> float, true/false -> bool, anything else a string."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, (int, float, bool)) else text


def _has_outputs(nb: Any) -> bool:
    return any(c.cell_type == "code" and c.get("outputs") for c in nb.cells)


def _human(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def _cmd_export(args: Any) -> int:
    import nbformat

    from course_tools.course.export import ExportError, export_html, run_and_export
    from course_tools.course.runner import NotebookRunError

    src = Path(args.notebook)
    if not src.is_file() or src.suffix != ".ipynb":
        return fail("export", f"{src} is not a notebook file (.ipynb); give the path of a lesson, "
                              f"e.g. lessons/05_revealed_comparative_advantage.ipynb")
    parameters = {name: _parse_value(value) for name, value in (args.parameters or [])}
    if args.output:
        out = Path(args.output)
    else:
        suffix = "".join("." + re.sub(r"[^A-Za-z0-9_-]", "", str(v)) for v in parameters.values())
        out = Path("output") / f"{src.stem}{suffix}.html"
    started = time.perf_counter()
    try:
        nb = nbformat.read(src, as_version=4)
        if args.no_execute and parameters:
            return fail("export", "-p needs the notebook to run; drop --no-execute or the -p options")
        if args.no_execute and _has_outputs(nb):
            written = export_html(src, out, hide_code=args.hide_code)
        else:
            if args.no_execute:
                print(f"{src.name} has no saved outputs: running it first")
            print(f"running {src.name}" + (f" with {parameters}" if parameters else "")
                  + " (offline) ...", flush=True)
            written = run_and_export(src, out, parameters=parameters, hide_code=args.hide_code,
                                     timeout=args.timeout)
    except (NotebookRunError, ExportError, ValueError, FileNotFoundError) as err:
        return fail("export", err, status=1)
    size = written.stat().st_size
    print(f"wrote {written} ({_human(size)}, {time.perf_counter() - started:.0f} s); "
          f"open it in any web browser, it works offline")
    return 0


def register(subparsers: Any) -> None:
    """Add ``course export`` to the ``course`` command."""
    p = subparsers.add_parser(
        "export",
        help="export a lesson to one standalone HTML page that opens offline",
        description=(
            "Run a notebook (offline) and save it as ONE HTML file that opens in any web browser "
            "without internet: figures, formulas and tables included, widgets shown as a static "
            "picture. Example: course export lessons/05_revealed_comparative_advantage.ipynb "
            "-p COUNTRY PER"
        ),
        epilog=(
            "The default output is output/<notebook>[.<values>].html in the current folder. "
            "Cell tags (JupyterLab property inspector, gear icon): remove-cell drops a cell, "
            "remove-output its outputs, remove-input its code."
        ),
    )
    p.add_argument("notebook", metavar="NOTEBOOK", help="the .ipynb file to export")
    p.add_argument("-o", "--output", metavar="OUT.html",
                   help="the HTML file to write (default: output/<notebook name>.html)")
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append",
                   metavar=("NAME", "VALUE"),
                   help="set a parameter of the notebook's 'parameters' cell, e.g. -p COUNTRY PER "
                        "-p YEAR 2017 (repeat for several)")
    p.add_argument("--hide-code", action="store_true",
                   help="report mode: hide the code and the In/Out prompts, keep text and results")
    p.add_argument("--no-execute", action="store_true",
                   help="export the saved outputs as they are, without running the notebook "
                        "(it is run anyway if it has no outputs)")
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS",
                   help="seconds allowed for each cell when running (default 600)")
    p.set_defaults(func=_cmd_export)
