"""``course build``: regenerate the learners' exercises from the solutions (nbgrader), idempotent."""
from __future__ import annotations

import argparse

from course_tools.cli._common import fail


def _cmd_build(args: argparse.Namespace) -> int:
    from course_tools.course.build import GradingError, build_exercises

    try:
        written = build_exercises(args.assignments or None)
    except (ValueError, GradingError) as err:
        return fail("build", err)
    for path in written:
        print(f"generated {path}")
    print(f"{len(written)} exercise notebook(s) in exercises/ are in step with solutions/")
    return 0


def register(subparsers) -> None:
    """Add ``course build`` to the ``course`` command."""
    p = subparsers.add_parser("build", help="regenerate exercises/ from solutions/ with nbgrader")
    p.add_argument("assignments", nargs="*", metavar="exNN",
                   help="assignments to build (default: every folder in solutions/)")
    p.set_defaults(func=_cmd_build)
