"""What the instructor commands know of an assignment: its notebooks, and the lines that must stay secret.

* :func:`check_assignment`: the notebooks of ``solutions/<exNN>/`` (a clear error for an unknown one);
* :func:`secret_lines` / :func:`leaked_lines`: solution and hidden-test lines of the source notebooks, and
  those that show in a file about to reach participants (a release, a feedback page);
* :func:`run_nbgrader`: one ``nbgrader`` command in the course folder, its failure as an input error.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from course_tools.course import CourseInputError
from course_tools.course.build import SOURCE_DIR, list_assignments
from course_tools.course.grading import notebook_hidden_text
from course_tools.paths import ROOT

__all__ = ["check_assignment", "secret_lines", "leaked_lines", "run_nbgrader"]


def check_assignment(assignment: str, course_dir: Path = ROOT) -> list[str]:
    """The notebook file names of ``solutions/<assignment>/``; raise :class:`CourseInputError` if none."""
    available = list_assignments(Path(course_dir))
    if assignment not in available:
        raise CourseInputError(
            f"no assignment {assignment!r} in {Path(course_dir) / SOURCE_DIR}: the assignments are "
            f"{available or 'none'} (check the name, or pass --course-dir with the course folder)")
    return sorted(p.name for p in (Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb"))


_GENERIC = re.compile(r"(try:|else:|finally:|except\b.*:|pass|return|import \S+( as \S+)?|"
                      r"from \S+ import .+|[)\]}]+,?|#.*|.{0,7})")


def secret_lines(assignment: str, course_dir: Path = ROOT,
                 kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS")) -> set[str]:
    """Solution / hidden-test lines of ``solutions/<assignment>/`` that would give something away.

    The lines between nbgrader's ``### BEGIN``/``### END`` markers (:func:`grading.notebook_hidden_text`), without
    the ones that say nothing of an answer (imports, comments, bare syntax, lines under 8 characters).
    """
    lines: set[str] = set()
    for nb in sorted((Path(course_dir) / SOURCE_DIR / assignment).glob("*.ipynb")):
        lines.update(x for x in notebook_hidden_text(nb, kinds=kinds) if not _GENERIC.fullmatch(x))
    return lines


def leaked_lines(text: str, secret: Iterable[str]) -> list[str]:
    """Secret lines that stand as a whole line in ``text`` (after stripping), plus nbgrader markers."""
    shown = {line.strip() for line in text.splitlines()}
    found = sorted(set(secret) & shown)
    found += [m for m in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS") if m in text]
    return found


def run_nbgrader(args: list[str], course_dir: Path) -> str:
    """:func:`course_tools.course.build.run_nbgrader` in ``course_dir``; its failure as :class:`CourseInputError`."""
    from course_tools.course.build import GradingError, run_nbgrader as run

    try:
        return run(args, Path(course_dir))
    except GradingError as err:
        raise CourseInputError(str(err)) from err
