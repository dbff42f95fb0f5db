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
from course_tools.i18n import LANGS

_FMT = argparse.RawDescriptionHelpFormatter


def _course_dir(args: argparse.Namespace) -> Path:
    from course_tools.course import CourseInputError
    from course_tools.paths import course_root

    course = Path(args.course_dir).resolve() if args.course_dir else course_root()
    if not (course / "nbgrader_config.py").is_file():
        raise CourseInputError(f"{course} has no nbgrader_config.py: --course-dir must be the course folder "
                               f"(the one with solutions/ and nbgrader_config.py)")
    return course


def _table(rows: list[list[str]], header: list[str]) -> str:
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
        print(f"released {args.assignment} as {out} (notebooks checked: no solution, no hidden test)")
    else:
        out = release_to_exchange(args.assignment, course_dir=course,
                                  exchange=Path(args.exchange) if args.exchange else None)
        print(f"released {args.assignment} to the nbgrader exchange: {out}")
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
        print(f"no submissions of {args.assignment} found")
        return 0
    print(_table([[r.student or "?", r.source, r.matched_as, r.status] for r in rows],
                 ["student", "file found", "matched as", "status"]))
    students = {r.student for r in rows if r.student and not r.status.startswith("kept aside")}
    aside = [r for r in rows if r.status.startswith("kept aside")]
    print(f"\n{len(students)} student(s) collected for {args.assignment}; {len(rows)} file(s), none dropped.")
    if aside:
        a = args.assignment
        print(f"{len(aside)} file(s) kept in submitted/_unmatched/{a}/: move each into "
              f"submitted/<student>/{a}/ by hand, or add the student to --roster and collect again.")
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
        raise CourseInputError(f"no submissions in {course / 'submitted'}/<student>/{args.assignment}/: "
                               f"run `course collect {args.assignment}` first")
    if args.workers < 1 or args.time_limit <= 0 or args.memory_limit <= 0:
        raise CourseInputError("--workers, --time-limit and --memory-limit must be positive")
    outcomes = grade_submissions(args.assignment, course_dir=course, students=students,
                                 workers=args.workers, time_limit=args.time_limit,
                                 memory_limit_mb=args.memory_limit, progress=not args.no_progress,
                                 isolation=args.isolation)
    counts = Counter(o.status for o in outcomes)
    print(_table([[s, str(n)] for s, n in sorted(counts.items())], ["status", "students"]))
    if outcomes:
        mean = sum(o.score for o in outcomes) / len(outcomes)
        top = max(o.max_score for o in outcomes)
        print(f"\n{len(outcomes)} submission(s) of {args.assignment} graded; mean score {mean:.2f} / {top:g}")
    problems = [o for o in outcomes if o.status != "graded"]
    for o in problems:
        print(f"  {o.student}: {o.status} — {o.message}")
    for line in isolation_lines(outcomes):
        print(line)
    return 0


def isolation_lines(outcomes) -> list[str]:
    """What ``course grade`` says of the isolation: the level each run got (counts), the submissions
    that left processes behind, and the warning when a run had less than bubblewrap."""
    from course_tools.course.instructor.sandbox import Isolation, warning
    from course_tools.i18n import text

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
    print(f"feedback for {len(files)} student(s) in {course / 'feedback'}/<student>/{args.assignment}/ "
          f"({n_html} HTML page(s), a GRADING.txt each; no hidden test shown)")
    if args.to_exchange:
        outside = release_feedback(args.assignment, course_dir=course,
                                   exchange=Path(args.exchange) if args.exchange else None)
        print(f"released {len(files) - len(outside)} student(s)' feedback to the nbgrader exchange: "
              f"participants click 'Fetch Feedback'")
        if outside:
            print(f"{len(outside)} submission(s) did not come through the exchange (no submission_secret.txt), "
                  f"send those by --zip: {', '.join(outside)}")
    if args.zip:
        out = feedback_zip(args.assignment, Path(args.zip), course_dir=course)
        print(f"wrote {out} (one folder per student, for the LMS or e-mail)")
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
        print(f"wrote {out}: {len(table)} rows (student x question), "
              f"{table['student'].nunique()} students")
    totals = table.groupby(["student", "assignment"], sort=True).agg(
        score=("score", "sum"), max_score=("max_score", "sum"), status=("status", "first")).reset_index()
    print(_table([[r.student, r.assignment, f"{r.score:g} / {r.max_score:g}", r.status]
                  for r in totals.itertuples()], ["student", "assignment", "score", "status"]))
    return 0


@_guard("dashboard")
def _cmd_dashboard(args: argparse.Namespace) -> int:
    from course_tools.course.instructor.results import dashboard_figure, write_dashboard

    course, table = _grades_table(args)
    out = Path(args.output) if args.output else course / "output" / "dashboard.html"
    out = write_dashboard(dashboard_figure(table, lang=args.lang), out)
    print(f"wrote {out}: open it in a browser (works offline)")
    return 0


# --------------------------------------------------------------------------------------------

def _parser(subparsers, name: str, help: str, description: str) -> argparse.ArgumentParser:
    """A sub-command with its one-line ``help``, its ``description`` and ``--course-dir``."""
    p = subparsers.add_parser(name, help=help, description=description, formatter_class=_FMT)
    p.add_argument("--course-dir", default=os.environ.get("NICHOS_COURSE_DIR"), metavar="DIR",
                   help="the course folder with nbgrader_config.py (default: $NICHOS_COURSE_DIR if set, "
                        "else the course folder: $NICHOS_ROOT, the one course_tools is installed from, "
                        "or the one you are in)")
    return p


def _add_release(subparsers) -> None:
    p = _parser(subparsers, "release", "release an exercise to participants (nbgrader exchange or a zip)",
                "Release exercises/exNN (rebuilt from solutions/ if older) after checking that no solution\n"
                "or hidden test is in it: to the nbgrader exchange of a JupyterHub (default), or as a zip\n"
                "with a bilingual HOW-TO-SUBMIT.txt for an LMS or e-mail workshop (--zip).")
    p.add_argument("assignment", metavar="exNN", help="the exercise, e.g. ex03")
    p.add_argument("--zip", nargs="?", const="", default=None, metavar="OUT",
                   help="write a zip instead (default OUT: output/release/exNN.zip)")
    p.add_argument("--exchange", metavar="DIR", help="nbgrader exchange root (default: nbgrader's, "
                   "/srv/nbgrader/exchange)")
    p.set_defaults(func=_cmd_release)


def _add_collect(subparsers) -> None:
    p = _parser(subparsers, "collect", "collect submissions (exchange, or a folder/zip downloaded from an LMS)",
                "Copy submissions into submitted/<student>/exNN/ (the originals are only read).\n"
                "Understood names: nbgrader's LMS convention <anything>_<student>_attempt_<time>_<file>.ipynb,\n"
                "a tree <student>/<file>.ipynb, and <student>_<file>.ipynb. Misnamed notebooks\n"
                "('ex03 (1).ipynb', 'Copy of ex03.ipynb', 'ex03-maria.ipynb') are matched to the exercise's\n"
                "notebook and, with --roster, to a student. Files that match no student are kept in\n"
                "submitted/_unmatched/exNN/ and listed: nothing is dropped.")
    p.add_argument("assignment", metavar="exNN", help="the exercise, e.g. ex03")
    p.add_argument("--from", dest="source", metavar="PATH",
                   help="a folder or .zip of downloaded submissions (default: the nbgrader exchange)")
    p.add_argument("--roster", metavar="CSV", help="students.csv with columns id[,first_name,last_name,"
                   "email]; its students are added to the gradebook")
    p.add_argument("--regexp", metavar="RE", help="your own file-name pattern (Python regex with groups "
                   "(?P<student_id>...) and (?P<file_id>...)), as nbgrader zip_collect's named_regexp")
    p.add_argument("--exchange", metavar="DIR", help="nbgrader exchange root when collecting from it")
    p.set_defaults(func=_cmd_collect)


def _add_grade(subparsers) -> None:
    from course_tools.course.instructor.sandbox.levels import Isolation
    from course_tools.i18n import text

    p = _parser(subparsers, "grade", "autograde collected submissions in parallel, with time and memory limits",
                "Autograde every submitted/<student>/exNN/ in parallel. Each submission runs isolated (its\n"
                "own sandbox: it sees and writes only its scratch folder, no network, no process outlives\n"
                "it) with a time limit and a memory limit, and its answers are scored outside it; a broken\n"
                "or hostile notebook gets an outcome and a message, never stops the batch. Grades go to\n"
                "gradebook.db as with nbgrader autograde. Exit status 0 even when some submissions fail\n"
                "(see the summary, and its isolation line).")
    p.add_argument("assignment", metavar="exNN", help="the exercise, e.g. ex03")
    p.add_argument("--workers", type=int, default=2, metavar="N", help="parallel graders (default 2)")
    p.add_argument("--time-limit", type=float, default=300, metavar="S",
                   help="seconds per submission (default 300)")
    p.add_argument("--memory-limit", type=int, default=1024, metavar="MB",
                   help="memory per submission in MB (default 1024)")
    p.add_argument("--students", nargs="+", metavar="ID", help="grade only these students")
    p.add_argument("--isolation", choices=["auto", *(i.value for i in Isolation)], default=None,
                   help=text("instructor.isolation.help"))
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_grade)


def _add_feedback(subparsers) -> None:
    p = _parser(subparsers, "feedback", "write each participant's feedback (HTML without hidden tests + message)",
                "nbgrader generate_feedback into feedback/<student>/exNN/ (hidden tests removed), plus\n"
                "GRADING.txt with each student's score and what happened when grading. Optionally release\n"
                "it to the exchange (--to-exchange) or zip it per student for the LMS / e-mail (--zip).")
    p.add_argument("assignment", metavar="exNN", help="the exercise, e.g. ex03")
    p.add_argument("--to-exchange", action="store_true", help="nbgrader release_feedback to the exchange")
    p.add_argument("--exchange", metavar="DIR", help="nbgrader exchange root")
    p.add_argument("--zip", metavar="OUT", help="also write a zip with one folder per student")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_feedback)


def _table_options(p: argparse.ArgumentParser) -> None:
    """The exercises and the roster that the grades table is made of (``course grades`` and ``dashboard``)."""
    p.add_argument("assignments", nargs="*", metavar="exNN", help="exercises (default: all)")
    p.add_argument("--roster", metavar="CSV", help="students.csv: list its students even if missing")


def _add_grades(subparsers) -> None:
    p = _parser(subparsers, "grades", "the grades table: one row per student x question (CSV for Excel/Stata)",
                "Scores from gradebook.db (with any manual grade), status and message from the grading\n"
                "log. Students without a submission appear with status 'missing' and score 0.")
    _table_options(p)
    p.add_argument("--csv", metavar="OUT", help="write the table to this CSV file (UTF-8)")
    p.set_defaults(func=_cmd_grades)


def _add_dashboard(subparsers) -> None:
    p = _parser(subparsers, "dashboard", "a page of success rate per question and per student (offline HTML)",
                "Plotly figure: share of full marks and mean score/max per question, and a heatmap\n"
                "student x question, written as one HTML file with plotly.js inside (no internet needed).")
    _table_options(p)
    p.add_argument("-o", "--output", metavar="HTML",
                   help="output file (default: output/dashboard.html in the course folder)")
    p.add_argument("--lang", choices=LANGS, default="en", help="language of the titles")
    p.set_defaults(func=_cmd_dashboard)


def register(subparsers) -> None:
    """Add release, collect, grade, feedback, grades and dashboard to the ``course`` command."""
    for add in (_add_release, _add_collect, _add_grade, _add_feedback, _add_grades, _add_dashboard):
        add(subparsers)
