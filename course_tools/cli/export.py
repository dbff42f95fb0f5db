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
from course_tools.i18n import text


def _parse_value(given: str) -> Any:
    """papermill-like: 2017 -> int, 0.5 -> float, true/false -> bool, anything else a string."""
    try:
        value = json.loads(given)
    except ValueError:
        return given
    return value if isinstance(value, (int, float, bool)) else given


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
        return fail("export", text("cli.export.not_a_notebook", path=src))
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
            return fail("export", text("cli.export.p_needs_run"))
        if args.no_execute and _has_outputs(nb):
            written = export_html(src, out, hide_code=args.hide_code)
        else:
            if args.no_execute:
                print(text("cli.export.no_outputs", name=src.name))
            print(text("cli.export.running_with", name=src.name, parameters=parameters) if parameters else
                  text("cli.export.running", name=src.name), flush=True)
            written = run_and_export(src, out, parameters=parameters, hide_code=args.hide_code,
                                     timeout=args.timeout)
    except (NotebookRunError, ExportError, ValueError, FileNotFoundError) as err:
        return fail("export", err, status=1)
    size = written.stat().st_size
    print(text("cli.export.wrote", path=written, size=_human(size), seconds=time.perf_counter() - started))
    return 0


def register(subparsers: Any) -> None:
    """Add ``course export`` to the ``course`` command."""
    p = subparsers.add_parser("export", help=text("cli.help.export"), description=text("cli.help.export_description"),
                              epilog=text("cli.help.export_epilog"))
    p.add_argument("notebook", metavar="NOTEBOOK", help=text("cli.help.export_notebook"))
    p.add_argument("-o", "--output", metavar="OUT.html", help=text("cli.help.export_output"))
    p.add_argument("-p", "--parameter", dest="parameters", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help=text("cli.help.export_parameter"))
    p.add_argument("--hide-code", action="store_true", help=text("cli.help.export_hide_code"))
    p.add_argument("--no-execute", action="store_true", help=text("cli.help.export_no_execute"))
    p.add_argument("--timeout", type=float, default=600, metavar="SECONDS", help=text("cli.help.export_timeout"))
    p.set_defaults(func=_cmd_export)
