"""Graded notebooks with nbgrader 0.9: autograde a few notebooks, and feedback without hidden tests.

* :func:`autograde` grades notebooks as student submissions in a temporary course folder
  (``nbgrader autograde``), reads the scores from that gradebook and writes the HTML feedback
  (``nbgrader generate_feedback``). Workshops use :mod:`course_tools.course.instructor.grade`.
* :class:`HideHiddenTests` is the feedback preprocessor set in ``nbgrader_config.py``:
  nbgrader puts the hidden tests back into autograded notebooks and, by design, shows them in
  the feedback (jupyter/nbgrader#917); this removes them, and the tracebacks that would quote them.
* :func:`hidden_text` / :func:`notebook_hidden_text`: the lines between nbgrader's ``### BEGIN`` and
  ``### END`` markers, which must never reach a released or feedback file.

The exercises themselves are built by :mod:`course_tools.course.build`.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearHiddenTests

from course_tools.course import CourseInputError
from course_tools.course.build import SOURCE_DIR, check_assignments, new_course, run_nbgrader
from course_tools.i18n import LANGS, text
from course_tools.paths import ROOT

__all__ = ["GradeReport", "autograde", "HideHiddenTests", "hidden_text", "notebook_hidden_text"]


def _hidden_test_message() -> str:
    """What the feedback says where a hidden test failed: every language, one after the other ("English / español"),
    since the feedback goes to every participant of the workshop."""
    return " / ".join(text("course_msg.grading.hidden_test_failed", lang) for lang in LANGS)


# --------------------------------------------------------------------------------------------
# autograde

@dataclass
class GradeReport:
    """Scores of one student's submission of one assignment."""

    student: str
    assignment: str
    score: float
    max_score: float
    cells: dict[str, tuple[float, float]] = field(default_factory=dict)  # grade_id -> (score, max)
    feedback: list[Path] = field(default_factory=list)  # HTML files

    def __str__(self) -> str:
        return f"{self.student}/{self.assignment}: {self.score:g} / {self.max_score:g}"


def _read_scores(course: Path, assignment: str, students: Iterable[str]) -> dict[str, GradeReport]:
    from nbgrader.api import Gradebook

    db_url = f"sqlite:///{course / 'gradebook.db'}"
    reports: dict[str, GradeReport] = {}
    with Gradebook(db_url, course_id="nichos") as gb:
        for student in students:
            sub = gb.find_submission(assignment, student)
            cells: dict[str, tuple[float, float]] = {}
            for nb in sub.notebooks:
                for grade in nb.grades:
                    cells[grade.name] = (float(grade.score), float(grade.max_score))
            reports[student] = GradeReport(student, assignment, float(sub.score),
                                           float(sub.max_score), dict(sorted(cells.items())))
    return reports


def autograde(
    submissions: Mapping[str, Path | str],
    assignment: str = "ex00",
    course_root: Path = ROOT,
    workdir: Path | None = None,
    feedback: bool = True,
) -> dict[str, GradeReport]:
    """Autograde notebooks as student submissions; return ``{student: GradeReport}``.

    ``submissions`` maps a student id to the notebook they hand in (a ``.ipynb`` file, copied
    under the assignment's notebook name) or to a folder of notebooks. Everything happens in
    ``workdir`` (default: a temporary folder, deleted afterwards; pass one to keep the
    autograded notebooks and feedback for inspection). With ``feedback=True`` the HTML
    feedback files are listed in each report (they exist only while ``workdir`` does).
    """
    course_root = Path(course_root).resolve()
    todo = check_assignments([assignment], course_root)
    if not submissions:
        raise CourseInputError(text("course_msg.grading.no_submissions",
                                    example="{'student_id': 'path/to/notebook.ipynb'}"))
    names = sorted(p.name for p in (course_root / SOURCE_DIR / assignment).glob("*.ipynb"))
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="nichos-grade-") as tmp:
            return autograde(submissions, assignment, course_root, Path(tmp), feedback)

    course = new_course(course_root, todo, Path(workdir))
    run_nbgrader(["generate_assignment", assignment, "--force"], course)
    for student, src in submissions.items():
        if not str(student).isidentifier():
            raise CourseInputError(text("course_msg.grading.bad_student", student=student))
        src = Path(src)
        dest = course / "submitted" / student / assignment
        dest.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            for nb in src.glob("*.ipynb"):
                shutil.copy2(nb, dest / nb.name)
        elif src.suffix == ".ipynb" and src.is_file():
            if len(names) != 1:
                raise CourseInputError(text("course_msg.grading.pass_a_folder", assignment=assignment,
                                            n=len(names), names=names))
            shutil.copy2(src, dest / names[0])
        else:
            raise FileNotFoundError(text("course_msg.grading.no_submission", student=student, src=src))
    # nbgrader runs the hidden tests in the learner's kernel: they import the exercise's oracle
    run_nbgrader(["autograde", assignment, "--force"], course, pythonpath=[course / SOURCE_DIR / assignment])
    reports = _read_scores(course, assignment, submissions)
    if feedback:
        run_nbgrader(["generate_feedback", assignment, "--force"], course)
        for student, report in reports.items():
            report.feedback = sorted((course / "feedback" / student / assignment).glob("*.html"))
    return reports


# --------------------------------------------------------------------------------------------
# feedback without hidden tests

class HideHiddenTests(ClearHiddenTests):
    """Feedback preprocessor: remove hidden-test regions and the outputs that could quote them.

    In a cell that held a ``### BEGIN HIDDEN TESTS`` region, the region is removed (as in the
    released notebook) and each error output becomes one line saying a hidden test failed (the
    traceback would show the failing ``assert``); other outputs of that cell are dropped.
    Set in ``nbgrader_config.py``:
    ``c.GenerateFeedback.preprocessors = [GetGrades, "course_tools.course.grading.HideHiddenTests",
    CSSHTMLHeaderPreprocessor]``.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        had_hidden = cell.cell_type == "code" and self.begin_test_delimeter in cell.source
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if had_hidden:
            outputs = []
            said = _hidden_test_message()
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    outputs.append(nbformat.v4.new_output("error", ename="AssertionError", evalue=said,
                                                          traceback=[said]))
            cell.outputs = outputs
        return cell, resources


def hidden_text(source: str, begin: str = "BEGIN", end: str = "END",
                kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS")) -> list[str]:
    """The lines between ``### BEGIN <kind>`` and ``### END <kind>`` markers of a cell source.

    Used by the tests to check that no solution or hidden-test line leaks into a released file.
    """
    lines, inside = [], False
    for line in source.splitlines():
        if any(f"{begin} {k}" in line for k in kinds):
            inside = True
        elif any(f"{end} {k}" in line for k in kinds):
            inside = False
        elif inside and line.strip():
            lines.append(line.strip())
    return lines


def notebook_hidden_text(path: Path, kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS")) -> list[str]:
    """:func:`hidden_text` of every cell of a source notebook (``kinds`` as there)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[str] = []
    for cell in nb.get("cells", []):
        src = cell.get("source", "")
        out += hidden_text("".join(src) if isinstance(src, list) else src, kinds=kinds)
    return out
