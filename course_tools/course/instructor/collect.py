"""Collect submissions (``course collect``): from a folder or zip downloaded from an LMS, or from the exchange.

:func:`collect_from_path` copies submissions downloaded from an LMS (a folder or a ``.zip``) into
``submitted/<student>/<exNN>/``, nbgrader's layout, telling each file's student and notebook with
:func:`course_tools.course.instructor.names.parse_source_name`; :func:`collect_from_exchange` reads the
latest exchange submission of each student and files it the same way. Files whose student cannot be told
are kept in ``submitted/_unmatched/<exNN>/`` and reported. No file is ever dropped, and the downloaded
originals are only read.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from course_tools.course import CourseInputError
from course_tools.course.instructor.assignments import check_assignment
from course_tools.course.instructor.names import SourceMatch, match_notebook_name, parse_source_name
from course_tools.course.instructor.roster import add_to_gradebook, gradebook_students, read_roster
from course_tools.i18n import text
from course_tools.paths import ROOT

__all__ = ["UNMATCHED", "CollectRow", "collect_from_path", "collect_from_exchange"]

UNMATCHED = "_unmatched"
_SYSTEM_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}

@dataclass
class CollectRow:
    """One file of the upload: where it went and why."""

    source: str          # path inside the folder / zip given to collect
    student: str         # "" when unknown
    matched_as: str      # path under the course folder, e.g. submitted/maria/ex03/ex03.ipynb
    status: str          # collected | renamed | kept (not a notebook) | kept (other notebook) | ...


def _safe_extract(archive: Path, dest: Path) -> None:
    """Unzip without letting a member escape ``dest``; zips inside are unzipped into a folder of their name."""
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            parts = [p for p in PurePosixPath(info.filename.replace("\\", "/")).parts
                     if p not in ("", ".", "..", "/")]
            if not parts:
                continue
            target = dest.joinpath(*parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
    for inner in sorted(dest.rglob("*.zip")):
        folder = inner.with_suffix("")
        if not folder.exists() and zipfile.is_zipfile(inner):
            folder.mkdir(parents=True)
            _safe_extract(inner, folder)
            inner.unlink()


def _write_timestamp(folder: Path, stamp: str | None) -> None:
    if not stamp:
        return
    from dateutil.parser import parse

    try:
        value = parse(stamp.replace("_", " "), fuzzy=True)
    except (ValueError, OverflowError):
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)", stamp)
        if not m:
            return
        from datetime import datetime

        value = datetime(*map(int, m.groups()))
    (folder / "timestamp.txt").write_text(value.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))


def _common_strip(paths: list[str], students: Sequence[str]) -> int:
    """How many leading folders all paths share that are not a student (an LMS's wrapping folder)."""
    split = [PurePosixPath(p).parts[:-1] for p in paths]
    if len(paths) < 2 or not split:
        return 0
    n = 0
    low = {s.lower() for s in students}
    while all(len(s) > n for s in split) and len({s[n] for s in split}) == 1 and split[0][n].lower() not in low:
        n += 1
    return n


def collect_from_path(
    assignment: str,
    source: Path,
    *,
    course_dir: Path = ROOT,
    roster: Path | None = None,
    regexp: str | None = None,
) -> list[CollectRow]:
    """Copy the submissions in ``source`` (a folder or ``.zip``) to ``submitted/<student>/<assignment>/``.

    Every file of ``source`` gets one :class:`CollectRow`. A student's earlier submission of the same
    assignment is replaced (the upload is the newest state; its files remain in ``source``); of several
    LMS attempts, the latest is filed and the older ones are kept in ``submitted/_unmatched/``. With
    ``roster`` (or students already in the gradebook) only those ids are accepted, and the roster's
    students are added to the gradebook.
    """
    course_dir = Path(course_dir)
    notebooks = check_assignment(assignment, course_dir)
    source = Path(source)
    if not source.exists():
        raise CourseInputError(text("grading.collect.no_source", source=source))
    people = read_roster(roster) if roster else []
    if people:
        add_to_gradebook(people, course_dir)
    known = [s.id for s in people] or gradebook_students(course_dir)
    with tempfile.TemporaryDirectory(prefix="nichos-collect-") as tmp:
        if source.is_file():
            if not zipfile.is_zipfile(source):
                raise CourseInputError(text("grading.collect.not_zip", source=source))
            root = Path(tmp) / "upload"
            _safe_extract(source, root)
        else:
            root = source
        files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                       if p.is_file() and p.name not in _SYSTEM_FILES and "__MACOSX" not in p.parts)
        # an empty student folder is a submission too (the grader records it as empty)
        empty = sorted(p.relative_to(root).as_posix() + "/" for p in root.rglob("*")
                       if p.is_dir() and not any(p.iterdir()))
        return _file_submissions(assignment, notebooks, root, files + empty, course_dir, known, regexp)


def _file_submissions(assignment: str, notebooks: list[str], root: Path, files: list[str],
                      course_dir: Path, known: Sequence[str], regexp: str | None,
                      timestamps: dict[str, str] | None = None) -> list[CollectRow]:
    strip = _common_strip(files, known)
    matches = {
        f: parse_source_name(
            f + "(empty)" if f.endswith("/") else f,
            assignment=assignment,
            notebooks=notebooks,
            students=known,
            regexp=regexp,
            strip=strip,
        )
        for f in files
    }
    # of several LMS attempts by one student, the latest is the submission
    latest: dict[str, str] = {}
    for m in matches.values():
        if m.student and m.timestamp and m.timestamp > latest.get(m.student, ""):
            latest[m.student] = m.timestamp
    rows: list[CollectRow] = []
    submitted = course_dir / "submitted"
    by_student: dict[str, list[tuple[str, SourceMatch]]] = {}
    for f, m in matches.items():
        if m.student and (not m.timestamp or m.timestamp == latest.get(m.student)):
            by_student.setdefault(m.student, []).append((f, m))
            continue
        if f.endswith("/"):  # an empty folder of no known student: nothing to keep
            continue
        reason = (
            "older attempt"
            if m.student
            else "student not found (ambiguous name)"
            if m.rule == "ambiguous"
            else "student not found"
        )
        dest = submitted / UNMATCHED / assignment / (m.student or "") / PurePosixPath(*PurePosixPath(f).parts[strip:])
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / f, dest)
        rows.append(CollectRow(f, m.student or "", dest.relative_to(course_dir).as_posix(), f"kept aside: {reason}"))
    for student, items in sorted(by_student.items()):
        folder = submitted / student / assignment
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        # exact names first, so a misnamed copy never replaces the real notebook
        items.sort(key=lambda fm: (fm[1].file not in notebooks, fm[1].file))
        taken: set[str] = set()
        for f, m in items:
            if f.endswith("/"):
                rows.append(CollectRow(f, student, folder.relative_to(course_dir).as_posix() + "/", "empty submission"))
                continue
            target = (
                match_notebook_name(PurePosixPath(m.file).name, notebooks, assignment)
                if "/" not in m.file
                else (m.file if m.file in notebooks else None)
            )
            if target and target not in taken:
                rel, status = target, "collected" if m.file == target else "renamed"
                taken.add(target)
            else:
                rel = m.file
                status = (
                    "kept (another copy of " + target + ")"
                    if target
                    else "kept (other notebook)"
                    if m.file.lower().endswith(".ipynb")
                    else "kept (not a notebook)"
                )
            dest = folder / rel
            if dest.exists():  # two files with one name: keep both
                dest = dest.with_name(f"{dest.stem}.{len(rows)}{dest.suffix}")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / f, dest)
            rows.append(CollectRow(f, student, dest.relative_to(course_dir).as_posix(), status))
        stamp = (timestamps or {}).get(student) or latest.get(student)
        if timestamps and student in timestamps:
            (folder / "timestamp.txt").write_text(timestamps[student])
        else:
            _write_timestamp(folder, stamp)
    return sorted(rows, key=lambda r: (r.student == "", r.student, r.source))


def collect_from_exchange(
    assignment: str,
    *,
    course_dir: Path = ROOT,
    exchange: Path | None = None,
    roster: Path | None = None,
) -> list[CollectRow]:
    """Collect the latest exchange submission of each student, filed like :func:`collect_from_path`.

    Reads ``<exchange>/nichos/inbound/<student>+<assignment>+<timestamp>+<random>/`` as
    ``nbgrader collect`` does (the latest timestamp of each student wins) but copies every file:
    with this course's ``include = ["*.ipynb"]`` nbgrader's collect would leave other files behind.
    ``exchange``: the exchange root (default: nbgrader's ``/srv/nbgrader/exchange``).
    """
    from nbgrader.utils import parse_utc

    course_dir = Path(course_dir)
    notebooks = check_assignment(assignment, course_dir)
    inbound = Path(exchange or "/srv/nbgrader/exchange") / "nichos" / "inbound"
    if not inbound.is_dir():
        raise CourseInputError(text("grading.collect.no_inbound", inbound=inbound))
    people = read_roster(roster) if roster else []
    if people:
        add_to_gradebook(people, course_dir)
    latest: dict[str, tuple] = {}
    for folder in inbound.iterdir():
        parts = folder.name.rsplit("+", 3)
        if not folder.is_dir() or len(parts) < 3 or parts[1] != assignment:
            continue
        try:
            when = parse_utc(parts[2])
        except (ValueError, OverflowError):
            continue
        if parts[0] not in latest or when > latest[parts[0]][0]:
            latest[parts[0]] = (when, parts[2], folder)
    with tempfile.TemporaryDirectory(prefix="nichos-exchange-") as tmp:
        root = Path(tmp)
        stamps, files = {}, []
        for student, (_, stamp, folder) in sorted(latest.items()):
            stamps[student] = stamp
            for f in sorted(folder.rglob("*")):
                if f.is_file() and f.name != "timestamp.txt":
                    rel = PurePosixPath(student, assignment, *f.relative_to(folder).parts)
                    (root / rel).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(f, root / rel)
                    files.append(rel.as_posix())
            if not any(p.startswith(f"{student}/") for p in files):  # an empty submission stays visible
                (root / student / assignment).mkdir(parents=True, exist_ok=True)
        rows = _file_submissions(assignment, notebooks, root, files, course_dir, sorted(latest), None, stamps)
        for student in sorted(set(latest) - {r.student for r in rows}):
            folder = course_dir / "submitted" / student / assignment
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            (folder / "timestamp.txt").write_text(stamps[student])
            rows.append(
                CollectRow(
                    f"{student}+{assignment}+{stamps[student]}",
                    student,
                    folder.relative_to(course_dir).as_posix(),
                    "empty submission",
                )
            )
        return rows
