"""The submission folders ``submitted/<student>/<exNN>/``: who handed in, when, and what can be told
before running anything.

:func:`precheck` inspects a folder without running it: no notebook, a renamed notebook, invalid JSON
or a file that is not a notebook, or the notebook of another assignment get their outcome at once
(0 points, a message) and never reach nbgrader; for the others it lists what the learner should know
(deleted test cells, edited locked cells, extra notebooks that are ignored).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from course_tools.course import CourseInputError
from course_tools.course.build import pick
from course_tools.course.instructor.outcome import bilingual, note
from course_tools.i18n import text

__all__ = ["list_students", "submission_timestamp", "grade_id", "describe_bytes", "precheck"]

#: ``{notebook name: {grade_id: max_score}}`` of an assignment in the gradebook.
Structure = dict[str, dict[str, float]]


def list_students(course_dir: Path, assignment: str, students: Iterable[str] | None) -> list[str]:
    """The students with a folder ``submitted/<student>/<assignment>/`` (all, or those of ``students``)."""
    submitted = course_dir / "submitted"
    found = sorted(p.parent.name for p in submitted.glob(f"*/{assignment}")
                   if p.is_dir() and not p.parent.name.startswith(".")) if submitted.is_dir() else []
    return pick(students, found, lambda missing: CourseInputError(
        f"no submission folder submitted/<student>/{assignment}/ for {missing}; "
        f"students with one: {found[:20]}{' ...' if len(found) > 20 else ''}"))


def submission_timestamp(folder: Path):
    """The time in ``<folder>/timestamp.txt`` (nbgrader's), or None when there is none or it cannot be read."""
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8").strip()
        return parse_utc(text) if text else None
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def grade_id(cell: Any) -> str | None:
    """The nbgrader ``grade_id`` of a notebook cell (a dict or a NotebookNode), or None."""
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def describe_bytes(data: bytes) -> str:
    """What a file that is not a readable notebook is, for the learner (English / Spanish)."""
    head = data[:8]
    if head.startswith(b"PK"):
        return bilingual("bytes_zip")
    if head.startswith(b"%PDF"):
        return bilingual("bytes_pdf")
    if not data.strip():
        return bilingual("bytes_empty")
    return bilingual("bytes_broken")


def _other_notebook(folder: Path, shown: list[str], expected: list[str], notebooks: Structure,
                    others: dict[str, str]) -> tuple[str, dict[str, str]]:
    """No expected notebook in the folder: the notebook of another assignment, or none at all."""
    ours = {g for cells in notebooks.values() for g in cells}
    for name in [f for f in shown if f.endswith(".ipynb")]:
        try:
            nb = json.loads((folder / name).read_text(encoding="utf-8"))
            gids = {grade_id(c) for c in nb.get("cells", [])} - {None}
        except (OSError, ValueError, AttributeError):
            continue
        theirs = sorted({others[g] for g in gids if g in others})
        if theirs and not gids & ours:
            return "wrong_assignment", {"expected": " + ".join(expected), "found": name, "other": theirs[0]}
    return "no_notebook", {"expected": " + ".join(expected), "found": ", ".join(shown)}


def _edited_cells(graded: dict[str, Any]) -> list[str]:
    """The locked cells (not answers) whose checksum no longer matches: they were changed."""
    from nbgrader.utils import compute_checksum

    edited = []
    for gid, cell in graded.items():
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("locked") and not meta.get("solution") and meta.get("checksum"):
            try:
                if compute_checksum(cell) != meta["checksum"]:
                    edited.append(gid)
            except Exception:
                edited.append(gid)
    return edited


def _check_notebook(folder: Path, name: str, notebooks: Structure, others: dict[str, str],
                    notes: list[str]) -> tuple[str, dict[str, str]] | None:
    """Read one expected notebook: its final status (unreadable, another assignment's) or None, adding notes."""
    import nbformat

    ours = {g for cells in notebooks.values() for g in cells}
    data = (folder / name).read_bytes()
    try:
        nb = nbformat.reads(data.decode("utf-8"), as_version=4)
        if not isinstance(nb.get("cells"), list):
            raise ValueError(text("grading.submissions.no_cells"))
    except Exception:  # invalid UTF-8, JSON or notebook structure
        return "invalid_notebook", {"expected": name, "reason": describe_bytes(data)}
    graded = {grade_id(c): c for c in nb.cells if grade_id(c)}
    theirs = sorted({others[g] for g in graded if g in others and g not in ours})
    if theirs and not set(graded) & ours:
        return "wrong_assignment", {"expected": name, "found": name, "other": theirs[0]}
    missing = [g for g in notebooks[name[:-6]] if g not in graded]
    if missing:
        notes.append(note("deleted", cells=", ".join(missing)))
    edited = _edited_cells(graded)
    if edited:
        notes.append(note("edited", cells=", ".join(edited)))
    return None


def precheck(folder: Path, notebooks: Structure, others: dict[str, str]
             ) -> tuple[str | None, dict[str, str], list[str]]:
    """Inspect a submission folder without running it.

    ``notebooks``: the assignment's ``{notebook: {grade_id: max_score}}``; ``others``: ``{grade_id:
    assignment}`` of the other assignments. Returns ``(status, message_fields, notes)``: ``status`` is
    None when the submission should be graded (``notes`` then says what the learner should know), else
    the final status.
    """
    expected = [f"{name}.ipynb" for name in sorted(notebooks)]
    files = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    shown = [f for f in files if f != "timestamp.txt"]
    present = [f for f in expected if f in files]
    notes: list[str] = []
    if not present:
        status, fields = _other_notebook(folder, shown, expected, notebooks, others)
        return status, fields, notes
    for name in present:
        final = _check_notebook(folder, name, notebooks, others, notes)
        if final is not None:
            return final[0], final[1], notes
    ignored = [f for f in shown if f.endswith(".ipynb") and f not in expected]
    if ignored:
        notes.append(note("ignored", names=", ".join(ignored), expected=" + ".join(expected)))
    return None, {}, notes
