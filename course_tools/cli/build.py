"""``course build``: regenerate the learners' exercises from the solutions (nbgrader) and the compiled text
catalogue from its YAML files; idempotent."""
from __future__ import annotations

import argparse

from course_tools.cli._common import fail
from course_tools.i18n import text


def _cmd_build(args: argparse.Namespace) -> int:
    from course_tools.course.build import GradingError, build_exercises
    from course_tools.i18n.catalogue import COMPILED, write_compiled

    if write_compiled():
        print(text("cli.build.catalogue", path=COMPILED))

    try:
        written = build_exercises(args.assignments or None)
    except (ValueError, GradingError) as err:
        return fail("build", err)
    for path in written:
        print(text("cli.build.generated", path=path))
    print(text("cli.build.done", n=len(written)))
    return 0


def register(subparsers) -> None:
    """Add ``course build`` to the ``course`` command."""
    p = subparsers.add_parser("build", help=text("cli.help.build"))
    p.add_argument("assignments", nargs="*", metavar="exNN", help=text("cli.help.build_assignments"))
    p.set_defaults(func=_cmd_build)
