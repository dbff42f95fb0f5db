"""The assignment in the main ``gradebook.db``: what nbgrader knows of it, and a consistent copy for each worker."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from course_tools.course.build import SOURCE_DIR, GradingError, new_course, run_nbgrader
from course_tools.course.instructor.submissions import Structure, grade_id
from course_tools.i18n import text

__all__ = ["COURSE_ID", "db_url", "structure", "ensure_assignment", "other_assignments", "snapshot"]

COURSE_ID = "nichos"


def db_url(course_dir: Path) -> str:
    """SQLAlchemy address of ``<course_dir>/gradebook.db``."""
    return f"sqlite:///{course_dir / 'gradebook.db'}"


def structure(course_dir: Path, assignment: str) -> Structure | None:
    """``{notebook: {grade_id: max_score}}`` of ``assignment`` in the main gradebook, or None."""
    from nbgrader.api import Gradebook, MissingEntry

    db = course_dir / "gradebook.db"
    if not db.exists():
        return None
    with Gradebook(db_url(course_dir), course_id=COURSE_ID) as gb:
        try:
            a = gb.find_assignment(assignment)
        except MissingEntry:
            return None
        out = {nb.name: {gc.name: float(gc.max_score) for gc in nb.grade_cells} for nb in a.notebooks}
    return out or None


def ensure_assignment(course_dir: Path, assignment: str, work: Path) -> Structure:
    """Make sure the main gradebook knows ``assignment`` (as ``nbgrader generate_assignment`` does).

    When it is missing, ``nbgrader generate_assignment`` runs in a scratch copy of the course
    whose gradebook is the main one: the release it writes goes to the scratch copy, never to
    ``exercises/``.
    """
    found = structure(course_dir, assignment)
    if found:
        return found
    scratch = new_course(course_dir, [assignment], work / "release")
    run_nbgrader(["generate_assignment", assignment, "--force",
                  f"--CourseDirectory.db_url={db_url(course_dir)}"], scratch)
    found = structure(course_dir, assignment)
    if not found:
        raise GradingError(text("grading.gradebook.not_recorded", assignment=assignment,
                                path=course_dir / "gradebook.db"))
    return found


def other_assignments(course_dir: Path, assignment: str) -> dict[str, str]:
    """``{grade_id: assignment}`` of the other assignments' source notebooks."""
    ids: dict[str, str] = {}
    for path in sorted((course_dir / SOURCE_DIR).glob("*/*.ipynb")):
        if path.parent.name == assignment:
            continue
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for cell in nb.get("cells", []):
            gid = grade_id(cell)
            if gid:
                ids.setdefault(gid, path.parent.name)
    return ids


def snapshot(db: Path, dest: Path) -> None:
    """A consistent copy of an SQLite database (the backup API, safe while others read it)."""
    src = sqlite3.connect(str(db))
    try:
        out = sqlite3.connect(str(dest))
        with out:
            src.backup(out)
        out.close()
    finally:
        src.close()
