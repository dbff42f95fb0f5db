"""Who handed in which file: a downloaded submission's student and notebook, told from its name.

:func:`parse_source_name` follows nbgrader ``zip_collect`` conventions (the instructor's own regular
expression, the LMS convention ``<anything>_<student>_attempt_<timestamp>_<file>``, a folder per
student, a ``<student>_`` prefix); :func:`match_notebook_name` matches misnamed notebooks
(``ex03 (1).ipynb``, ``Copy of ex03.ipynb``, ``ex03-maria.ipynb``) to the assignment's notebook.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import PurePosixPath

from course_tools.course.instructor.roster import STUDENT_ID

__all__ = ["LMS_REGEXP", "SourceMatch", "match_notebook_name", "parse_source_name"]

#: nbgrader's documented LMS convention ``<anything>_<student>_attempt_<timestamp>_<file>``.
LMS_REGEXP = r"(?P<prefix>.*)_attempt_(?P<timestamp>[0-9][0-9\-_:T. ]*?)_(?P<file_id>[^/]+)$"
_COPY_WORDS = re.compile(r"^(copy of|copia de|copia di|copie de)\s+|\s*-\s*(copy|copia)\s*$|\s*\(\d+\)\s*$"
                         r"|-checkpoint$", re.I)
_ASSIGNMENT_TOKEN = re.compile(r"(?<![a-z0-9])ex\d\d(?![0-9])", re.I)

def _token_re(word: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", re.I)


def match_notebook_name(filename: str, notebooks: Sequence[str], assignment: str) -> str | None:
    """The assignment notebook a submitted file stands for, or None.

    Exact names win. Otherwise a ``.ipynb`` file matches when its name, without copy marks
    (``Copy of``, ``Copia de``, `` (1)``, ``- copy``, ``-checkpoint``), equals a notebook's name or contains
    it as a separate word (``ex03-maria.ipynb``, ``maria_ex03_final.ipynb``), and names no other
    assignment (``ex01.ipynb`` is never taken for ex03). Ambiguous names give None.
    """
    if filename in notebooks:
        return filename
    path = PurePosixPath(filename)
    if path.suffix.lower() != ".ipynb":
        return None
    stem = path.stem.strip()
    for _ in range(3):
        stem = _COPY_WORDS.sub("", stem).strip()
    others = {t.lower() for t in _ASSIGNMENT_TOKEN.findall(stem)} - {assignment.lower()}
    if others:
        return None
    exact = [nb for nb in notebooks if PurePosixPath(nb).stem.lower() == stem.lower()]
    if len(exact) == 1:
        return exact[0]
    found = [nb for nb in notebooks if _token_re(PurePosixPath(nb).stem).search(stem)]
    if len(found) == 1:
        return found[0]
    if not found and len(notebooks) == 1 and _token_re(assignment).search(stem):
        return notebooks[0]
    return None


def _student_in_text(text: str, students: Iterable[str]) -> list[str]:
    hits = [s for s in students if _token_re(s).search(text)]
    # "maria" inside "maria_lopez": keep the longer id
    return [s for s in hits if not any(s != t and _token_re(s).search(t) for t in hits)]


@dataclass(frozen=True)
class SourceMatch:
    """How one downloaded file was read: its student (or None), the file name inside the submission."""

    student: str | None
    file: str
    timestamp: str | None = None
    rule: str = ""


def parse_source_name(
    relpath: str,
    *,
    assignment: str,
    notebooks: Sequence[str],
    students: Sequence[str] = (),
    regexp: str | None = None,
    strip: int = 0,
) -> SourceMatch:
    """Tell the student and the file of a downloaded submission file from its path.

    Rules, in order (``students`` = the roster / gradebook ids; when given, only those ids match):

    1. ``regexp``: the instructor's own nbgrader ``FileNameCollectorPlugin.named_regexp`` with groups
       ``student_id`` and ``file_id`` (optional ``timestamp``), applied to the file name;
    2. nbgrader's LMS convention ``<anything>_<student>_attempt_<timestamp>_<file>``;
    3. a folder tree ``<student>/<file>`` or ``<student>/<exNN>/<file>`` (after ``strip`` leading
       folders common to the whole upload);
    4. a flat ``<student>_<file>``, or a known student's id as a separate word of the name
       (``ex03-maria.ipynb``).
    """
    parts = PurePosixPath(relpath).parts[strip:]
    name = parts[-1]
    known = list(students)
    ok = partial(_student_id, known=known, assignment=assignment)
    return (_by_regexp(name, regexp, ok) or _by_lms(name, known, ok) or _by_folder(parts, known, assignment, ok)
            or _by_name(name, known, notebooks, assignment, ok))


def _student_id(sid: str | None, *, known: Sequence[str], assignment: str) -> str | None:
    """``sid`` as a student id: one of ``known`` (any case) when given, else any valid id but the assignment's."""
    if not sid or not STUDENT_ID.fullmatch(sid) or sid.startswith("_"):
        return None
    if known:
        low = {s.lower(): s for s in known}
        return low.get(sid.lower())
    return sid if sid.lower() != assignment.lower() else None


def _by_regexp(name: str, regexp: str | None, ok) -> SourceMatch | None:
    """Rule 1: the instructor's own regular expression with groups ``student_id`` and ``file_id``."""
    if not regexp:
        return None
    m = re.match(regexp, name)
    if not (m and "student_id" in m.groupdict()):
        return None
    gd = m.groupdict()
    return SourceMatch(ok(gd.get("student_id")), gd.get("file_id") or name, gd.get("timestamp"), "regexp")


def _by_lms(name: str, known: Sequence[str], ok) -> SourceMatch | None:
    """Rule 2: nbgrader's LMS convention ``<anything>_<student>_attempt_<timestamp>_<file>``."""
    m = re.match(LMS_REGEXP, name)
    if not m:
        return None
    prefix = m["prefix"]
    if known:
        cands = [s for s in known if prefix.lower() == s.lower() or prefix.lower().endswith("_" + s.lower())]
        sid = max(cands, key=len) if cands else None
    else:
        sid = ok(prefix.rsplit("_", 1)[-1])
    return SourceMatch(sid, m["file_id"], m["timestamp"], "lms")


def _by_folder(parts: tuple[str, ...], known: Sequence[str], assignment: str, ok) -> SourceMatch | None:
    """Rule 3: a folder ``<student>/`` (or ``<exNN>/<student>/``) above the file."""
    name, folders = parts[-1], list(parts[:-1])
    # the first folder that is a known student (any depth), else the first (or the one after <exNN>/)
    candidates = range(len(folders)) if known else range(min(2, len(folders)))
    for i in candidates:
        if i == 1 and not known and folders[0].lower() != assignment.lower():
            break
        sid = ok(folders[i])
        if sid:
            rest = folders[i + 1:]
            if rest and rest[0].lower() == assignment.lower():
                rest = rest[1:]
            return SourceMatch(sid, "/".join([*rest, name]), None, "folder")
    return None


def _by_name(name: str, known: Sequence[str], notebooks: Sequence[str], assignment: str, ok) -> SourceMatch:
    """Rule 4: ``<student>_<file>``, or a known student's id as a word of the file name (else no student)."""
    stem = PurePosixPath(name).stem
    if known:
        cands = [s for s in known if name.lower().startswith(s.lower() + "_")]
        if cands:
            sid = max(cands, key=len)
            return SourceMatch(sid, name[len(sid) + 1:], None, "prefix")
        hits = _student_in_text(stem, known)
        if len(hits) == 1:
            return SourceMatch(hits[0], name, None, "name")
        return SourceMatch(None, name, None, "ambiguous" if hits else "")
    if "_" in name:
        sid, rest = name.split("_", 1)
        if ok(sid) and match_notebook_name(rest, notebooks, assignment):
            return SourceMatch(sid, rest, None, "prefix")
    return SourceMatch(None, name, None, "")
