"""``course report``: the country report (lesson L12) as one standalone HTML page per country, with its tables.

The work is done by :mod:`course_tools.course.report`; this module reads the command line, states every
source on the first screen and shows the progress.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from course_tools.cli._common import fail
from course_tools.i18n import LANGS, current_language, text


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
                raise CourseInputError(text("report.cli_not_lac", None, codes=unknown, lac=", ".join(codes)))
            codes = [c for c in codes if c in wanted]
    known = set(data.countries()["iso3"])
    bad = [c for c in codes if c not in known]
    if bad:
        raise CourseInputError(text("report.cli_unknown_country", None, code=bad[0]))
    return codes


def _option_value(raw: str) -> Any:
    low = raw.strip().lower()
    if low in ("true", "yes"):
        return True
    if low in ("false", "no"):
        return False
    if raw.strip().isdigit():
        return int(raw.strip())
    return raw


def trade_options(items: list[str] | None) -> dict[str, Any]:
    """``["value_col=Valor FOB", "year=2023"]`` as ``{"value_col": "Valor FOB", "year": 2023}``."""
    from course_tools.course import CourseInputError

    out: dict[str, Any] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CourseInputError(text("report.cli_bad_option", None, item=item))
        out[key.strip()] = _option_value(value)
    return out


def _path(value: str | None) -> str | None:
    return None if value is None else str(Path(value).expanduser().resolve())


def report_parameters(args: argparse.Namespace) -> dict[str, Any]:
    """The report notebook's parameters from the command line (absolute paths; None: the course's default)."""
    from course_tools.course.report import parse_window

    window = parse_window(args.window)
    return {"TRADE": _path(args.trade), "TRADE_OPTIONS": trade_options(args.trade_option), "WORLD": _path(args.world),
            "YEAR": args.year, "WINDOW": None if window is None else f"{window[0]}:{window[1]}",
            "IO": _path(args.io), "IO_MAPPING": _path(args.io_mapping), "CRITERIA": _path(args.criteria),
            "WEIGHTS": _path(args.weights)}


def first_screen(code: str, params: dict[str, Any], lang: str) -> list[str]:
    """Open the sources as the report will, and state each one (source, release, year, window, proxies)."""
    from course_tools import data
    from course_tools.course.report import first_screen as lines
    from course_tools.course.report import open_sources, parse_window
    from course_tools.data.niche_inputs import year_and_window

    sources = open_sources(code, trade=params["TRADE"], world=params["WORLD"], trade_options=params["TRADE_OPTIONS"],
                           io=params["IO"], io_mapping=params["IO_MAPPING"], criteria=params["CRITERIA"],
                           weights=params["WEIGHTS"])
    year, window = year_and_window(sources.panel, params["YEAR"], parse_window(params["WINDOW"]))
    title = text("report.fs_title", lang, name=data.country_name(code, lang), code=code, lang=lang)
    return [title] + [f"  {line}" for line in lines(sources, year, window, lang)]


def first_screen_message(code: str, params: dict[str, Any], lang: str) -> str:
    """:func:`first_screen` as one text to print (each line from the catalogue)."""
    return "\n".join(first_screen(code, params, lang))


def _summary(results: list, out_dir: Path, all_lac: bool, lang: str) -> int:
    """Print one line per file written, the failures on stderr; 1 if any report failed."""
    for r in results:
        if r.status != "failed":
            note = text("report.cli_thin", lang) if r.status == "thin" else ""
            print(text("report.cli_written", lang, path=str(r.html), mb=f"{r.size / 1e6:.1f}",
                       seconds=f"{r.seconds:.1f}", note=note))
            for extra in sorted(Path(r.html).parent.glob(f"{Path(r.html).stem}.*")):
                if extra.suffix in (".xlsx", ".dta"):
                    print(text("report.cli_table_written", lang, path=str(extra)))
    if all_lac:
        print(text("report.cli_index", lang, path=str(out_dir / "index.html"), n=len(results)))
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(text("report.cli_failed_one", lang, code=r.country, error=r.error.splitlines()[0] if r.error else "",
                   path=str(r.html)), file=sys.stderr)
    if failed:
        return fail("report", text("report.cli_failed", lang, n=len(failed), total=len(results),
                                   codes=", ".join(r.country for r in failed)), status=1)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    """Run the report in ``--lang``: the data readers' errors and notes too (language and country restored after)."""
    from course_tools import i18n
    from course_tools.views import format as number_format

    language, country = i18n.chosen_language(), number_format.current_country()
    args.lang = args.lang or current_language()  # no --lang: the command's language (course_tools.cli)
    i18n.set_language(args.lang)
    try:
        return _run_report(args)
    finally:
        i18n.set_language(language)
        number_format.set_country(country)


def _run_report(args: argparse.Namespace) -> int:
    from course_tools.course import CourseInputError
    from course_tools.course.report import run_report, run_reports
    from course_tools.data import DataValidationError
    from course_tools.paths import course_root
    from course_tools.views.format import set_country

    try:
        codes = _countries(args)
        out_dir = Path(args.output) if args.output else course_root() / "reports"
        params = report_parameters(args)
        if args.country:
            set_country(codes[0])   # the first screen's numbers as the country's reader writes them
            print(first_screen_message(codes[0], params, args.lang), flush=True)
    except (CourseInputError, DataValidationError, FileNotFoundError, ValueError) as err:
        return fail("report", err)
    options = {"lang": args.lang, "output_dir": out_dir, "timeout": args.timeout, "xlsx": args.xlsx, "dta": args.dta,
               "parameters": params}
    if args.country:
        if not args.quiet:
            print(text("report.step", args.lang), flush=True)
        results = [run_report(codes[0], progress=not args.quiet, **options)]
    else:
        results = run_reports(codes, progress=not args.quiet, **options)
    return _summary(results, out_dir, all_lac=not args.country, lang=args.lang)


def register(subparsers: Any) -> None:
    """Add ``course report`` to the ``course`` command (called by :mod:`course_tools.cli`)."""
    p = subparsers.add_parser("report", help=text("cli.help.report"),
                              description=text("cli.help.report_description"),
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--country", metavar="ISO3", help=text("cli.help.report_country"))
    who.add_argument("--all-lac", action="store_true",
                     help=text("cli.help.report_all_lac"))
    p.add_argument("--only", help=argparse.SUPPRESS)  # --all-lac on a subset (tests): --only MEX,JAM
    p.add_argument("--lang", choices=LANGS, default=None, help=text("language.report_lang"))
    p.add_argument("--trade", metavar="PATH",
                   help=text("cli.help.report_trade"))
    p.add_argument("--trade-option", action="append", metavar="KEY=VALUE",
                   help=text("cli.help.report_trade_option"))
    p.add_argument("--world", metavar="PATH", help=text("cli.help.report_world"))
    p.add_argument("--year", type=int, help=text("cli.help.report_year"))
    p.add_argument("--window", metavar="Y0:Y1",
                   help=text("cli.help.report_window"))
    p.add_argument("--io", metavar="PATH", help=text("cli.help.report_io"))
    p.add_argument("--io-mapping", metavar="PATH",
                   help=text("cli.help.report_io_mapping"))
    p.add_argument("--criteria", metavar="PATH", help=text("cli.help.report_criteria"))
    p.add_argument("--weights", metavar="PATH", help=text("cli.help.report_weights"))
    p.add_argument("--xlsx", action="store_true", help=text("cli.help.report_xlsx"))
    p.add_argument("--dta", action="store_true", help=text("cli.help.report_dta"))
    p.add_argument("-o", "--output", default=None, metavar="DIR",
                   help=text("cli.help.report_output"))
    p.add_argument("--timeout", type=float, default=600, help=argparse.SUPPRESS)
    p.add_argument("-q", "--quiet", action="store_true", help=text("cli.help.report_quiet"))
    p.set_defaults(func=_cmd_report)
