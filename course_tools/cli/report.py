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
from course_tools.i18n import LANGS, text

_HELP = """Run the country report (lesson L12) and write one standalone HTML page per country.

The page opens offline in any browser (figures embedded, code hidden) and prints cleanly: present it as it is.
Examples:
  course report --country PER                  reports/PER.en.html, the shipped tables (2017, dynamics 1980-2017)
  course report --country PER --lang es --xlsx --dta
                                               reports/PER.es.html, PER.es.xlsx and PER.es.<table>.dta
  course report --country PRY --trade BACI_HS92_V202401.zip --year 2022 --window 2012:2022 --lang es
                                               the niche model on a BACI release (flows by partner: LAC demand and
                                               untapped potential measured, not estimated)
  course report --country PRY --trade exportaciones_2023.csv --trade-option value_col="Valor FOB (US$)" \\
      --trade-option partner_col="País de destino" --trade-option product_col=NCM --trade-option year=2023 \\
      --trade-option decimal=, --trade-option thousands=. --world BACI_HS92_V202401.zip
                                               a national customs file, the world from a BACI release
  course report --country PRY --io mip.csv --io-mapping mip_ciiu.csv --criteria censo.csv --weights PRY.toml
                                               a national input-output table, extra criteria, the L11 weights
  course report --all-lac                      the 33 Latin American and Caribbean countries + reports/index.html
                                               (the index links each country's pages in both languages)

The first screen states every source, release, year and proxy the report uses.
A country whose data are too thin (not in the complexity sample: exports below USD 1 billion) gets a short
report that says which data are missing and why. With --all-lac a country that fails gets an error page;
the command goes on, lists the failures and exits with status 1. Layouts of the own files:
datasets/templates/README.md; lesson L13.
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
    from course_tools.course import CourseInputError
    from course_tools.course.report import run_report, run_reports
    from course_tools.data import DataValidationError
    from course_tools.paths import course_root

    try:
        codes = _countries(args)
        out_dir = Path(args.output) if args.output else course_root() / "reports"
        params = report_parameters(args)
        if args.country:
            print("\n".join(first_screen(codes[0], params, args.lang)), flush=True)
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
    p = subparsers.add_parser("report", help="country report (lesson L12) as a standalone HTML page",
                              description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--country", metavar="ISO3", help="the country, as an ISO3 code (e.g. PER, MEX, JAM)")
    who.add_argument("--all-lac", action="store_true",
                     help="every Latin American and Caribbean country (33), with an index page")
    p.add_argument("--only", help=argparse.SUPPRESS)  # --all-lac on a subset (tests): --only MEX,JAM
    p.add_argument("--lang", choices=LANGS, default="en", help="language of the report: en or es (default en)")
    p.add_argument("--trade", metavar="PATH",
                   help="your trade data: a CEPII BACI release (zip, folder or one year's CSV) or a customs file "
                        "(default: the shipped tables)")
    p.add_argument("--trade-option", action="append", metavar="KEY=VALUE",
                   help="how to read a customs file (repeat): product_col=, value_col=, partner_col=, year=, "
                        "decimal=, thousands=, classification= (see data.read_customs)")
    p.add_argument("--world", metavar="PATH", help="with a customs file: a BACI release for every other exporter")
    p.add_argument("--year", type=int, help="year of the criteria (default: the last year of the trade data)")
    p.add_argument("--window", metavar="Y0:Y1",
                   help="dynamics window, two years of the trade data (default: about ten years ending at --year)")
    p.add_argument("--io", metavar="PATH", help="a national input-output table (datasets/templates/)")
    p.add_argument("--io-mapping", metavar="PATH",
                   help="its sector -> ISIC mapping (default: the *mapping*.csv next to it)")
    p.add_argument("--criteria", metavar="PATH", help="extra criteria, e.g. from an SME census (datasets/templates/)")
    p.add_argument("--weights", metavar="PATH", help="the weights of the two lists saved in lesson L11 (TOML)")
    p.add_argument("--xlsx", action="store_true", help="also write the report's tables to <ISO3>.<lang>.xlsx")
    p.add_argument("--dta", action="store_true", help="also write the report's tables as Stata files")
    p.add_argument("-o", "--output", default=None, metavar="DIR",
                   help="folder for the files (default: reports/ in the course folder)")
    p.add_argument("--timeout", type=float, default=600, help=argparse.SUPPRESS)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)
