"""``course check-countries``: every lesson, solution and the report for many countries, as a table of ✓ and ✗."""
from __future__ import annotations

import argparse
import sys

from course_tools.cli._common import fail
from course_tools.i18n import LANGS, text


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _cmd_check_countries(args: argparse.Namespace) -> int:
    from course_tools.course import CourseInputError
    from course_tools.course.country_check import check_countries, table_message

    kinds = [k for k in ("lessons", "solutions", "report") if getattr(args, k)] or ["lessons", "solutions", "report"]
    try:
        result = check_countries(kinds, args.country or None, lang=args.lang,
                                 progress=None if args.quiet else _progress)
    except CourseInputError as err:
        return fail("check-countries", err)
    print(table_message(result, args.lang))
    return 0 if result.ok else 1


def register(subparsers) -> None:
    """Add ``course check-countries`` to the ``course`` command."""
    p = subparsers.add_parser("check-countries", help=text("countries.help_short"), description=text("countries.help"))
    p.add_argument("--lessons", action="store_true", help=text("countries.help_lessons"))
    p.add_argument("--solutions", action="store_true", help=text("countries.help_solutions"))
    p.add_argument("--report", action="store_true", help=text("countries.help_report"))
    p.add_argument("--country", nargs="+", metavar="XXX", help=text("countries.help_country"))
    p.add_argument("--lang", choices=LANGS, default=None, help=text("countries.help_lang"))
    p.add_argument("-q", "--quiet", action="store_true", help=text("countries.help_quiet"))
    p.set_defaults(func=_cmd_check_countries)
