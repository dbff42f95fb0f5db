"""Instructor sub-commands of ``course``: release, collect, grade, feedback, grades, dashboard.

A workshop day, for exercise ex03::

    course release ex03 --zip                     # output/release/ex03.zip for the LMS / e-mail
    course collect ex03 --from downloads.zip --roster students.csv
    course grade ex03 --workers 2                 # parallel, with time and memory limits
    course feedback ex03 --zip output/feedback-ex03.zip
    course grades --csv output/grades.csv         # one row per student x question
    course dashboard -o output/dashboard.html     # what to re-teach tomorrow morning

On a JupyterHub with the nbgrader exchange: ``course release ex03`` and ``course collect ex03`` (no
``--zip``/``--from``), ``course feedback ex03 --to-exchange``. Every command takes ``--course-dir``
(default: ``$NICHOS_COURSE_DIR``, else the course folder of :func:`course_tools.paths.course_root`), the
folder holding ``nbgrader_config.py``. The work is done by :mod:`course_tools.course.instructor`.
"""
from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

from course_tools.cli._common import fail
from course_tools.i18n import LANGS, current_language, text

_FMT = argparse.RawDescriptionHelpFormatter


def _course_dir(args: argparse.Namespace) -> Path:
    from course_tools.course import CourseInputError
    from course_tools.paths import course_root

    course = Path(args.course_dir).resolve() if args.course_dir else course_root()
    if not (course / "nbgrader_config.py").is_file():
        raise CourseInputError(text("cli_instructor.no_config", course=course))
    return course


def _table_message(rows: list[list[str]], header: list[str]) -> str:
    """``rows`` under ``header`` (catalogue texts) in aligned columns, as the commands print them."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda r: "  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def _guard(command: str):
    """Turn the instructor's input errors into a message and exit status 2."""
    def wrap(func):
        def run(args: argparse.Namespace) -> int:
            from course_tools.course import CourseInputError

            try:
                return func(args)
            except (CourseInputError, FileNotFoundError, ValueError) as err:
                return fail(command, err)
            except RuntimeError as err:  # nbgrader failed, or a feedback file showed a hidden test
                return fail(command, err, status=1)
        return run
    return wrap


# --------------------------------------------------------------------------------------------

@_guard("release")
def _cmd_release(args: argparse.Namespace) -> int:
    from course_tools.course.instructor.release import release_to_exchange, release_zip

    course = _course_dir(args)
    if args.zip is not None:
        out = release_zip(args.assignment, course_dir=course, out=Path(args.zip) if args.zip else None)
        print(text("cli_instructor.released_zip", assignment=args.assignment, out=out))
    else:
        out = release_to_exchange(args.assignment, course_dir=course,
                                  exchange=Path(args.exchange) if args.exchange else None)
        print(text("cli_instructor.released_exchange", assignment=args.assignment, out=out))
    return 0


@_guard("collect")
def _cmd_collect(args: argparse.Namespace) -> int:
    from course_tools.course.instructor.collect import collect_from_exchange, collect_from_path

    course = _course_dir(args)
    roster = Path(args.roster) if args.roster else None
    if args.source:
        rows = collect_from_path(args.assignment, Path(args.source), course_dir=course, roster=roster,
                                 regexp=args.regexp)
    else:
        rows = collect_from_exchange(args.assignment, course_dir=course, roster=roster,
                                     exchange=Path(args.exchange) if args.exchange else None)
    if not rows:
        print(text("cli_instructor.no_submissions_found", assignment=args.assignment))
        return 0
    print(_table_message([[r.student or "?", r.source, r.matched_as, r.status] for r in rows],
                         [text(f"cli_instructor.h_{h}") for h in ("student", "file_found", "matched_as", "status")]))
    students = {r.student for r in rows if r.student and not r.status.startswith("kept aside")}
    aside = [r for r in rows if r.status.startswith("kept aside")]
    print(text("cli_instructor.collected", students=len(students), assignment=args.assignment, files=len(rows)))
    if aside:
        print(text("cli_instructor.kept_aside", n=len(aside), assignment=args.assignment))
    return 0


@_guard("grade")
def _cmd_grade(args: argparse.Namespace) -> int:
    from course_tools.course import CourseInputError
    from course_tools.course.instructor.assignments import check_assignment
    from course_tools.course.instructor.grade import grade_submissions
    from course_tools.course.instructor.results import submitted_students

    course = _course_dir(args)
    check_assignment(args.assignment, course)
    students = args.students or submitted_students(args.assignment, course)
    if not students:
        raise CourseInputError(text("cli_instructor.nothing_to_grade", folder=course / "submitted",
                                    assignment=args.assignment))
    if args.workers < 1 or args.time_limit <= 0 or args.memory_limit <= 0:
        raise CourseInputError(text("cli_instructor.limits_positive"))
    outcomes = grade_submissions(args.assignment, course_dir=course, students=students,
                                 workers=args.workers, time_limit=args.time_limit,
                                 memory_limit_mb=args.memory_limit, progress=not args.no_progress,
                                 isolation=args.isolation)
    counts = Counter(o.status for o in outcomes)
    print(_table_message([[s, str(n)] for s, n in sorted(counts.items())],
                         [text("cli_instructor.h_status"), text("cli_instructor.h_students")]))
    if outcomes:
        mean = sum(o.score for o in outcomes) / len(outcomes)
        top = max(o.max_score for o in outcomes)
        print(text("cli_instructor.graded", n=len(outcomes), assignment=args.assignment, mean=mean, top=top))
    problems = [o for o in outcomes if o.status != "graded"]
    for o in problems:
        print(text("cli_instructor.problem", student=o.student, status=o.status, message=o.message))
    for line in isolation_lines(outcomes):
        print(line)
    return 0


def isolation_lines(outcomes) -> list[str]:
    """What ``course grade`` says of the isolation: the level each run got (counts), the submissions
    that left processes behind, and the warning when a run had less than bubblewrap."""
    from course_tools.course.instructor.sandbox import Isolation, warning

    levels = Counter(o.isolation for o in outcomes if o.isolation)
    parts = [text("instructor.isolation.count", level=level, n=n) for level, n in sorted(levels.items())]
    if len(outcomes) > sum(levels.values()):
        parts.append(text("instructor.isolation.not_run", n=len(outcomes) - sum(levels.values())))
    lines = [text("instructor.isolation.summary", counts="; ".join(parts))] if parts else []
    left = sorted(o.student for o in outcomes if o.leftovers)
    if left:
        lines.append(text("instructor.isolation.leftovers", n=len(left), students=", ".join(left)))
    for level in sorted(set(levels) - {str(Isolation.BUBBLEWRAP)}):
        lines.append(warning(level.split(",")[0]))
    return lines


@_guard("feedback")
def _cmd_feedback(args: argparse.Namespace) -> int:
    from course_tools.course.instructor.results import feedback_zip, generate_feedback, release_feedback

    course = _course_dir(args)
    files = generate_feedback(args.assignment, course_dir=course, progress=not args.no_progress)
    n_html = sum(1 for fs in files.values() for f in fs if f.suffix == ".html")
    print(text("cli_instructor.feedback_written", n=len(files), folder=course / "feedback",
               assignment=args.assignment, n_html=n_html))
    if args.to_exchange:
        outside = release_feedback(args.assignment, course_dir=course,
                                   exchange=Path(args.exchange) if args.exchange else None)
        print(text("cli_instructor.feedback_released", n=len(files) - len(outside)))
        if outside:
            print(text("cli_instructor.feedback_outside", n=len(outside), students=", ".join(outside)))
    if args.zip:
        out = feedback_zip(args.assignment, Path(args.zip), course_dir=course)
        print(text("cli_instructor.feedback_zip", out=out))
    return 0


def _grades_table(args: argparse.Namespace):
    """The course folder and its grades table, for the exercises and roster of the command line."""
    from course_tools.course.instructor.results import grades_table

    course = _course_dir(args)
    return course, grades_table(args.assignments or None, course_dir=course,
                                roster=Path(args.roster) if args.roster else None)


@_guard("grades")
def _cmd_grades(args: argparse.Namespace) -> int:
    _, table = _grades_table(args)
    if args.csv:
        out = Path(args.csv)
        out.parent.mkdir(parents=True, exist_ok=True)
        table.to_csv(out, index=False, encoding="utf-8")
        print(text("cli_instructor.grades_csv", out=out, rows=len(table), students=table["student"].nunique()))
    totals = table.groupby(["student", "assignment"], sort=True).agg(
        score=("score", "sum"), max_score=("max_score", "sum"), status=("status", "first")).reset_index()
    print(_table_message([[r.student, r.assignment, f"{r.score:g} / {r.max_score:g}", r.status]
                          for r in totals.itertuples()],
                         [text(f"cli_instructor.h_{h}") for h in ("student", "assignment", "score", "status")]))
    return 0


@_guard("dashboard")
def _cmd_dashboard(args: argparse.Namespace) -> int:
    from course_tools.course.instructor.results import dashboard_figure, write_dashboard

    course, table = _grades_table(args)
    out = Path(args.output) if args.output else course / "output" / "dashboard.html"
    out = write_dashboard(dashboard_figure(table, lang=args.lang or current_language()), out)
    print(text("cli_instructor.dashboard", out=out))
    return 0


# --------------------------------------------------------------------------------------------

def _parser(subparsers, name: str, *, assignment: bool = False) -> argparse.ArgumentParser:
    """The sub-command ``name``, with its one-line help and description from the catalogue
    (``cli_instructor.help_<name>``, ``..._description``), ``--course-dir`` and, with
    ``assignment``, the one exercise it works on (``exNN``)."""
    p = subparsers.add_parser(name, help=text(f"cli_instructor.help_{name}"),
                              description=text(f"cli_instructor.help_{name}_description"), formatter_class=_FMT)
    p.add_argument("--course-dir", default=os.environ.get("NICHOS_COURSE_DIR"), metavar="DIR",
                   help=text("cli_instructor.help_course_dir"))
    if assignment:
        p.add_argument("assignment", metavar="exNN", help=text("cli_instructor.help_assignment"))
    return p


def _add_release(subparsers) -> None:
    p = _parser(subparsers, "release", assignment=True)
    p.add_argument("--zip", nargs="?", const="", default=None, metavar="OUT",
                   help=text("cli_instructor.help_release_zip"))
    p.add_argument("--exchange", metavar="DIR", help=text("cli_instructor.help_exchange_root"))
    p.set_defaults(func=_cmd_release)


def _add_collect(subparsers) -> None:
    p = _parser(subparsers, "collect", assignment=True)
    p.add_argument("--from", dest="source", metavar="PATH",
                   help=text("cli_instructor.help_collect_from"))
    p.add_argument("--roster", metavar="CSV", help=text("cli_instructor.help_roster"))
    p.add_argument("--regexp", metavar="RE", help=text("cli_instructor.help_regexp"))
    p.add_argument("--exchange", metavar="DIR", help=text("cli_instructor.help_collect_exchange"))
    p.set_defaults(func=_cmd_collect)


def _add_grade(subparsers) -> None:
    from course_tools.course.instructor.sandbox.levels import Isolation

    p = _parser(subparsers, "grade", assignment=True)
    p.add_argument("--workers", type=int, default=2, metavar="N", help=text("cli_instructor.help_workers"))
    p.add_argument("--time-limit", type=float, default=300, metavar="S",
                   help=text("cli_instructor.help_time_limit"))
    p.add_argument("--memory-limit", type=int, default=1024, metavar="MB",
                   help=text("cli_instructor.help_memory_limit"))
    p.add_argument("--students", nargs="+", metavar="ID", help=text("cli_instructor.help_students"))
    p.add_argument("--isolation", choices=["auto", *(i.value for i in Isolation)], default=None,
                   help=text("instructor.isolation.help"))
    p.add_argument("--no-progress", action="store_true", help=text("cli_instructor.help_no_progress"))
    p.set_defaults(func=_cmd_grade)


def _add_feedback(subparsers) -> None:
    p = _parser(subparsers, "feedback", assignment=True)
    p.add_argument("--to-exchange", action="store_true", help=text("cli_instructor.help_to_exchange"))
    p.add_argument("--exchange", metavar="DIR", help=text("cli_instructor.help_exchange"))
    p.add_argument("--zip", metavar="OUT", help=text("cli_instructor.help_feedback_zip"))
    p.add_argument("--no-progress", action="store_true", help=text("cli_instructor.help_no_progress"))
    p.set_defaults(func=_cmd_feedback)


def _table_options(p: argparse.ArgumentParser) -> None:
    """The exercises and the roster that the grades table is made of (``course grades`` and ``dashboard``)."""
    p.add_argument("assignments", nargs="*", metavar="exNN", help=text("cli_instructor.help_assignments"))
    p.add_argument("--roster", metavar="CSV", help=text("cli_instructor.help_table_roster"))


def _add_grades(subparsers) -> None:
    p = _parser(subparsers, "grades")
    _table_options(p)
    p.add_argument("--csv", metavar="OUT", help=text("cli_instructor.help_grades_csv"))
    p.set_defaults(func=_cmd_grades)


def _add_dashboard(subparsers) -> None:
    p = _parser(subparsers, "dashboard")
    _table_options(p)
    p.add_argument("-o", "--output", metavar="HTML",
                   help=text("cli_instructor.help_dashboard_output"))
    p.add_argument("--lang", choices=LANGS, default=None, help=text("language.dashboard_lang"))
    p.set_defaults(func=_cmd_dashboard)


def register(subparsers) -> None:
    """Add release, collect, grade, feedback, grades and dashboard to the ``course`` command."""
    for add in (_add_release, _add_collect, _add_grade, _add_feedback, _add_grades, _add_dashboard):
        add(subparsers)
