"""``course report``: the country report (lesson L12) as one standalone HTML page per country.

The work is done by :mod:`course_tools.course.report`; this module reads the command line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from course_tools.cli._common import fail
from course_tools.i18n import LANGS

_HELP = """Run the country report (lesson L12) and write one standalone HTML page per country.

The page opens offline in any browser (figures embedded, code hidden): present it as it is.
Examples:
  course report --country PER               reports/PER.en.html, names in English
  course report --country PER --lang es     reports/PER.es.html, names and titles in Spanish
  course report --all-lac                   the 33 Latin American and Caribbean countries + reports/index.html
                                            (the index links each country's pages in both languages)

A country whose data are too thin (not in the 2017 complexity sample: exports below USD 1 billion)
gets a short report that says which data are missing and why. With --all-lac a country that fails
gets an error page; the command goes on, lists the failures and exits with status 1.
"""


def _countries(args: argparse.Namespace) -> list[str]:
    """The ISO3 codes the command runs for; :class:`CourseInputError` for a code the course does not know."""
    from course_tools import data
    from course_tools.course import CourseInputError

    if args.country:
        codes = [args.country.strip().upper()]
    else:
        codes = data.group_members("lac")
        if args.only:
            wanted = [c.strip().upper() for c in args.only.split(",") if c.strip()]
            unknown = sorted(set(wanted) - set(codes))
            if unknown:
                raise CourseInputError(f"{unknown} are not Latin American and Caribbean countries "
                                       f"(the 33 ECLAC members: {', '.join(codes)})")
            codes = [c for c in codes if c in wanted]
    known = set(data.countries()["iso3"])
    bad = [c for c in codes if c not in known]
    if bad:
        raise CourseInputError(f"unknown country code {bad[0]!r}; use an ISO 3166 alpha-3 code in capitals such "
                               f"as PER (python -c \"from course_tools import data; print(data.countries())\" "
                               f"lists them)")
    return codes


def _summary(results: list, out_dir: Path, all_lac: bool) -> int:
    """Print one line per page written, the failures on stderr; 1 if any report failed."""
    for r in results:
        if r.status != "failed":
            note = " (short report: the data are too thin)" if r.status == "thin" else ""
            print(f"{r.html}  {r.size / 1e6:.1f} MB, {r.seconds:.1f} s{note}")
    if all_lac:
        print(f"{out_dir / 'index.html'}  index of {len(results)} countries")
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(f"✗ {r.country}: {r.error.splitlines()[0] if r.error else 'failed'} (error page: {r.html})",
              file=sys.stderr)
    if failed:
        return fail("report", f"{len(failed)} of {len(results)} report(s) failed: "
                              f"{', '.join(r.country for r in failed)}", status=1)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from course_tools.course import CourseInputError
    from course_tools.course.report import run_report, run_reports
    from course_tools.paths import course_root

    try:
        codes = _countries(args)
        out_dir = Path(args.output) if args.output else course_root() / "reports"
    except CourseInputError as err:
        return fail("report", err)
    if args.country:
        results = [run_report(codes[0], lang=args.lang, output_dir=out_dir, timeout=args.timeout)]
    else:
        results = run_reports(codes, lang=args.lang, output_dir=out_dir, timeout=args.timeout,
                              progress=not args.quiet)
    return _summary(results, out_dir, all_lac=not args.country)


def register(subparsers: Any) -> None:
    """Add ``course report`` to the ``course`` command (called by :mod:`course_tools.cli`)."""
    p = subparsers.add_parser("report", help="country report (lesson L12) as a standalone HTML page",
                              description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--country", metavar="ISO3", help="the country, as an ISO3 code (e.g. PER, MEX, JAM)")
    who.add_argument("--all-lac", action="store_true",
                     help="every Latin American and Caribbean country (33), with an index page")
    p.add_argument("--only", help=argparse.SUPPRESS)  # --all-lac on a subset (tests): --only MEX,JAM
    p.add_argument("--lang", choices=LANGS, default="en", help="language of titles and names: en or es (default en)")
    p.add_argument("-o", "--output", default=None, metavar="DIR",
                   help="folder for the HTML pages (default: reports/ in the course folder)")
    p.add_argument("--timeout", type=float, default=600, help=argparse.SUPPRESS)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)
