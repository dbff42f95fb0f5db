"""Graded notebooks with nbgrader 0.9: build the learners' exercises, autograde, feedback.

* :func:`build_exercises` regenerates ``exercises/exNN/`` from ``solutions/exNN/`` with
  ``nbgrader generate_assignment --force`` run in a temporary copy of the course (the repo's
  gradebook is never touched), then normalises the notebooks so a second run changes nothing.
* :func:`autograde` grades notebooks as student submissions in a temporary course folder
  (``nbgrader autograde``), reads the scores from that gradebook and writes the HTML feedback
  (``nbgrader generate_feedback``).
* :class:`HideHiddenTests` is the feedback preprocessor set in ``nbgrader_config.py``:
  nbgrader puts the hidden tests back into autograded notebooks and, by design, shows them in
  the feedback (jupyter/nbgrader#917); this removes them, and the tracebacks that would quote them.

Every subprocess uses the repository's own ``nbgrader_config.py``, copied into the temporary
course folder (its paths are relative to the file, so the copy points at the copy).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

import nbformat
from nbgrader.preprocessors import ClearHiddenTests

from course_tools.paths import ROOT

CONFIG_NAME = "nbgrader_config.py"
SOURCE_DIR, RELEASE_DIR = "solutions", "exercises"
NB_VERSION = 4
# Notebook-level metadata kept in released notebooks; anything else is run-specific.
_KEEP_NB_METADATA = ("kernelspec", "language_info")
_HIDDEN_TEST_MESSAGE = ("A hidden test failed: the value is not right yet (hidden tests are shown "
                        "to instructors only). / Una prueba oculta falló: el valor aún no es correcto.")


class GradingError(RuntimeError):
    """nbgrader failed; the message holds the command and the end of its log."""


# --------------------------------------------------------------------------------------------
# helpers

def list_assignments(course_root: Path = ROOT) -> list[str]:
    """The assignments in ``solutions/`` (folders holding at least one notebook), sorted."""
    src = Path(course_root) / SOURCE_DIR
    if not src.is_dir():
        return []
    return sorted(p.name for p in src.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def _check_assignments(assignments: Iterable[str] | None, course_root: Path) -> list[str]:
    available = list_assignments(course_root)
    if assignments is None:
        return available
    if isinstance(assignments, str):
        assignments = [assignments]
    wanted = list(dict.fromkeys(assignments))
    unknown = [a for a in wanted if a not in available]
    if unknown:
        raise ValueError(f"no source notebooks for {unknown} in {Path(course_root) / SOURCE_DIR}; "
                         f"the assignments are {available}")
    return wanted


def _run_nbgrader(args: list[str], course_dir: Path) -> str:
    """Run ``python -m nbgrader <args>`` in ``course_dir``; raise GradingError if it fails."""
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course_dir}"]
    env = dict(os.environ)
    # nbgrader calls the `alembic` command of its own environment: put that environment first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    proc = subprocess.run(cmd, cwd=course_dir, env=env, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:  # nbgrader exits 1 when any notebook could not be processed
        tail = "\n".join(log.strip().splitlines()[-30:])
        raise GradingError(f"`nbgrader {' '.join(args)}` failed (exit {proc.returncode}):\n{tail}")
    return log


def _new_course(course_root: Path, assignments: list[str], workdir: Path) -> Path:
    """A throw-away course folder: the repo's nbgrader config plus a copy of the sources."""
    course_root = Path(course_root)
    cfg = course_root / CONFIG_NAME
    if not cfg.is_file():
        raise FileNotFoundError(f"{cfg} not found: the course root must hold nbgrader_config.py")
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(cfg, workdir / CONFIG_NAME)
    for a in assignments:
        shutil.copytree(course_root / SOURCE_DIR / a, workdir / SOURCE_DIR / a,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc"))
    return workdir


def normalise_notebook(path: Path) -> bytes:
    """Canonical bytes of a released notebook: outputs cleared, run metadata stripped, stable ids.

    Keeps the cells' nbgrader metadata and checksums (needed to grade) and the kernelspec.
    """
    nb = nbformat.read(path, as_version=NB_VERSION)
    nb.metadata = nbformat.NotebookNode({k: nb.metadata[k] for k in _KEEP_NB_METADATA if k in nb.metadata})
    for n, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        if "id" not in cell or not cell.get("id"):
            cell["id"] = f"cell-{n:03d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    return (nbformat.writes(nb, version=NB_VERSION) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# build

def build_exercises(
    assignments: Iterable[str] | None = None,
    course_root: Path = ROOT,
    output_dir: Path | None = None,
) -> list[Path]:
    """Regenerate the learners' notebooks ``exercises/<a>/`` from ``solutions/<a>/``.

    ``assignments``: ids such as ``["ex00"]`` (default: every folder of ``solutions/``).
    ``output_dir``: where to write (default ``<course_root>/exercises``; the tests use a temporary
    folder). Runs ``nbgrader generate_assignment <a> --force`` in a temporary copy of the course,
    normalises the result and replaces ``<output_dir>/<a>/`` with it; files are rewritten only when
    their bytes change, so a second run changes nothing. Returns the generated notebook paths.
    """
    course_root = Path(course_root).resolve()
    output_dir = Path(output_dir) if output_dir is not None else course_root / RELEASE_DIR
    todo = _check_assignments(assignments, course_root)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="nichos-build-") as tmp:
        course = _new_course(course_root, todo, Path(tmp))
        for a in todo:
            _run_nbgrader(["generate_assignment", a, "--force"], course)
            released = course / RELEASE_DIR / a
            target = output_dir / a
            target.mkdir(parents=True, exist_ok=True)
            fresh = {p.relative_to(released): p for p in sorted(released.rglob("*")) if p.is_file()}
            for old in sorted(target.rglob("*"), reverse=True):  # stale files of an older build
                rel = old.relative_to(target)
                if old.is_file() and rel not in fresh:
                    old.unlink()
                elif old.is_dir() and not any(old.iterdir()):
                    old.rmdir()
            for rel, src in fresh.items():
                data = normalise_notebook(src) if src.suffix == ".ipynb" else src.read_bytes()
                dest = target / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                if not dest.exists() or dest.read_bytes() != data:
                    dest.write_bytes(data)
                if dest.suffix == ".ipynb":
                    written.append(dest)
    return written


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
    todo = _check_assignments([assignment], course_root)
    if not submissions:
        raise ValueError("give at least one submission: {'student_id': path/to/notebook.ipynb}")
    names = sorted(p.name for p in (course_root / SOURCE_DIR / assignment).glob("*.ipynb"))
    if workdir is None:
        with tempfile.TemporaryDirectory(prefix="nichos-grade-") as tmp:
            return autograde(submissions, assignment, course_root, Path(tmp), feedback)

    course = _new_course(course_root, todo, Path(workdir))
    _run_nbgrader(["generate_assignment", assignment, "--force"], course)
    for student, src in submissions.items():
        if not str(student).isidentifier():
            raise ValueError(f"student id {student!r}: use letters, digits and _ only")
        src = Path(src)
        dest = course / "submitted" / student / assignment
        dest.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            for nb in src.glob("*.ipynb"):
                shutil.copy2(nb, dest / nb.name)
        elif src.suffix == ".ipynb" and src.is_file():
            if len(names) != 1:
                raise ValueError(f"{assignment} has {len(names)} notebooks {names}: pass a folder")
            shutil.copy2(src, dest / names[0])
        else:
            raise FileNotFoundError(f"submission of {student!r} not found or not a notebook: {src}")
    _run_nbgrader(["autograde", assignment, "--force"], course)
    reports = _read_scores(course, assignment, submissions)
    if feedback:
        _run_nbgrader(["generate_feedback", assignment, "--force"], course)
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
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    outputs.append(nbformat.v4.new_output(
                        "error", ename="AssertionError", evalue=_HIDDEN_TEST_MESSAGE,
                        traceback=[_HIDDEN_TEST_MESSAGE]))
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
