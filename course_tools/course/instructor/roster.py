"""The participants: the roster ``students.csv`` and the students of nbgrader's gradebook."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from course_tools.course import CourseInputError
from course_tools.i18n import text
from course_tools.paths import ROOT

__all__ = ["STUDENT_ID", "Student", "read_roster", "open_gradebook", "gradebook_students", "add_to_gradebook"]

#: Student ids: what nbgrader and the exchange accept as a folder / file-name part.
STUDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}")

@dataclass(frozen=True)
class Student:
    """A participant of the roster (``students.csv``: id[,first_name,last_name,email])."""

    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""


def read_roster(path: Path) -> list[Student]:
    """Read ``students.csv`` (UTF-8 or Latin-1; comma or semicolon): a column ``id``, optional names/e-mail."""
    path = Path(path)
    if not path.is_file():
        raise CourseInputError(text("grading.roster.not_found", path=path))
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("latin-1")
    header = content.splitlines()[0] if content.strip() else ""
    delimiter = max(",;\t", key=header.count) if any(d in header for d in ",;\t") else ","
    rows = list(csv.DictReader(io.StringIO(content), delimiter=delimiter))
    if not rows or "id" not in {(k or "").strip().lower() for k in rows[0]}:
        raise CourseInputError(text("grading.roster.no_header", path=path))
    students, bad = [], []
    for n, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("id"):
            continue
        if not STUDENT_ID.fullmatch(row["id"]) or row["id"].startswith("_"):
            bad.append(f"line {n}: {row['id']!r}")
        students.append(Student(row["id"], row.get("first_name", ""), row.get("last_name", ""),
                                row.get("email", "")))
    if bad:
        raise CourseInputError(text("grading.roster.bad_ids", path=path, bad=bad[:5]))
    dupes = sorted({s.id for s in students if [t.id for t in students].count(s.id) > 1})
    if dupes:
        raise CourseInputError(text("grading.roster.twice", path=path, dupes=dupes))
    return students


@contextmanager
def open_gradebook(course_dir: Path = ROOT):
    """nbgrader's ``Gradebook`` of ``<course_dir>/gradebook.db`` (created if missing).

    A new gradebook asks the ``alembic`` command for its schema version: the Python environment's
    ``bin/`` is put first on ``PATH`` while it is open (as :func:`course_tools.course.build.run_nbgrader` does).
    """
    import os
    import sys

    from nbgrader.api import Gradebook

    old = os.environ.get("PATH")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), old or ""])
    try:
        with Gradebook(f"sqlite:///{Path(course_dir) / 'gradebook.db'}", course_id="nichos") as gb:
            yield gb
    finally:
        if old is None:
            os.environ.pop("PATH", None)
        else:
            os.environ["PATH"] = old


def gradebook_students(course_dir: Path = ROOT) -> list[str]:
    """Student ids in ``gradebook.db`` (empty if there is no gradebook yet)."""
    db = Path(course_dir) / "gradebook.db"
    if not db.is_file():
        return []
    with open_gradebook(course_dir) as gb:
        return sorted(s.id for s in gb.students)


def add_to_gradebook(students: Sequence[Student], course_dir: Path = ROOT) -> None:
    """Add or update the roster's students in ``gradebook.db`` (as ``nbgrader db student add``)."""
    with open_gradebook(course_dir) as gb:
        for s in students:
            gb.update_or_create_student(s.id, first_name=s.first_name or None,
                                        last_name=s.last_name or None, email=s.email or None)
