"""What the instructor commands know of an assignment: its notebooks, and the lines that must stay secret.

* :func:`check_assignment`: the notebooks of ``solutions/<exNN>/`` (a clear error for an unknown one);
* :func:`secret_lines` / :func:`leaked_lines`: solution and hidden-test lines of the source notebooks (and of
  the exercise's oracle, ``solutions/<exNN>/oracle.py``), and those that show in a file about to reach
  participants (a release, a feedback page);
* :func:`run_nbgrader`: one ``nbgrader`` command in the course folder, its failure as an input error.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from course_tools.course import CourseInputError
from course_tools.course.build import ORACLE_FILE, SOURCE_DIR, list_assignments
from course_tools.course.grading import notebook_hidden_text
from course_tools.i18n import text
from course_tools.paths import ROOT

__all__ = ["check_assignment", "secret_lines", "oracle_lines", "leaked_lines", "run_nbgrader"]


def check_assignment(assignment: str, course_dir: Path = ROOT) -> list[str]:
    """The notebook file names of ``solutions/<assignment>/``; raise :class:`CourseInputError` if none."""
    available = list_assignments(Path(course_dir))
    if assignment not in available:
        raise CourseInputError(text("grading.assignments.unknown", assignment=assignment,
                                    folder=Path(course_dir) / SOURCE_DIR,
                                    available=available or text("grading.assignments.none")))
    return sorted(p.name for p in (Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb"))


_GENERIC = re.compile(r"(try:|else:|finally:|except\b.*:|pass|return|import \S+( as \S+)?|"
                      r"from \S+ import .+|[)\]}]+,?|#.*|.{0,7})")


def secret_lines(assignment: str, course_dir: Path = ROOT,
                 kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS"), oracle: bool = False) -> set[str]:
    """Solution / hidden-test lines of ``solutions/<assignment>/`` that would give something away.

    The lines between nbgrader's ``### BEGIN``/``### END`` markers (:func:`grading.notebook_hidden_text`), without
    the ones that say nothing of an answer (imports, comments, bare syntax, lines under 8 characters); with
    ``oracle``, also the lines of the exercise's oracle (:func:`oracle_lines`; a release checks them, feedback
    does not: a learner's own code may happen to match one).
    """
    lines: set[str] = set()
    for nb in sorted((Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb")):
        lines.update(x for x in notebook_hidden_text(nb, kinds=kinds) if not _GENERIC.fullmatch(x))
    if oracle:
        lines |= oracle_lines(assignment, course_dir)
    return lines


def oracle_lines(assignment: str, course_dir: Path = ROOT) -> set[str]:
    """The code lines of ``solutions/<assignment>/oracle.py`` long enough to be its own (25+ characters,
    not an import or a comment): none of them may reach participants. Empty when there is no oracle."""
    path = Path(course_dir) / SOURCE_DIR / assignment / ORACLE_FILE
    if not path.is_file():
        return set()
    lines = {x.strip() for x in path.read_text(encoding="utf-8").splitlines()}
    return {x for x in lines if len(x) >= 25 and not _GENERIC.fullmatch(x) and not x.startswith(('"""', "#"))}


def leaked_lines(text: str, secret: Iterable[str]) -> list[str]:
    """Secret lines that stand as a whole line in ``text`` (after stripping), plus nbgrader markers."""
    shown = {line.strip() for line in text.splitlines()}
    found = sorted(set(secret) & shown)
    found += [m for m in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS") if m in text]
    return found


def run_nbgrader(args: list[str], course_dir: Path) -> str:
    """:func:`course_tools.course.build.run_nbgrader` in ``course_dir``; its failure as :class:`CourseInputError`."""
    from course_tools.course.build import GradingError
    from course_tools.course.build import run_nbgrader as run

    try:
        return run(args, Path(course_dir))
    except GradingError as err:
        said = str(err)  # the message of course.build, from the catalogue
        raise CourseInputError(said) from err
