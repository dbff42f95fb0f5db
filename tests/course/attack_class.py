"""One class of ex00 with every attack of ``submission_corpus.ATTACKS``, graded at one isolation level.

Used by ``tests/course/test_grade_attacks.py`` and ``benchmarks/attack_table.py``. Four honest students
(two correct, one partial, one blank) and one student per attack (a blank notebook whose first answer
cell attacks), in a course folder that holds the marker the attacks look for. The grader runs from the
course folder, as ``course grade`` does. :func:`grade_class` hashes the course folder before and after
(all but what the grader writes), waits past the daemon's late write, and lists the processes of the
attacks still alive (their command lines carry the run's token).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from course_tools.paths import ROOT
from tests.course.submission_corpus import ATTACKS, TARGET_MARKER, make_submission

ASSIGNMENT = "ex00"
HONEST = {"correct": 10, "correct_b": 10, "partial": 5, "blank": 0}
#: the order the attacks are graded in (students sort by name): the copy first, the sabotage last
ORDER = ["copy_classmate", *sorted(set(ATTACKS) - {"copy_classmate", "write_everywhere"}), "write_everywhere"]
STUDENTS = {f"a{i:02d}_{kind}": kind for i, kind in enumerate(ORDER)}
#: what the grader writes in the course folder (everything else must stay byte for byte)
GRADER_WRITES = ("gradebook.db", "autograded", f"grading_log/{ASSIGNMENT}.json")
DAEMON_DELAY = 9  # seconds after grading; the daemon writes 6 s after it starts


def hashes(course: Path) -> dict[str, str]:
    """sha256 of every file of ``course`` but what the grader writes."""
    out = {}
    for p in sorted(course.rglob("*")):
        rel = p.relative_to(course).as_posix()
        if p.is_file() and not any(rel == w or rel.startswith(w + "/") for w in GRADER_WRITES):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def alive(token: str) -> list[psutil.Process]:
    """Live processes whose command line carries ``token``."""
    found = []
    for p in psutil.process_iter(["cmdline", "status"]):
        try:
            if p.info["status"] != psutil.STATUS_ZOMBIE and token in " ".join(p.info["cmdline"] or []):
                found.append(p)
        except (psutil.Error, OSError):
            continue
    return found


def kill(token: str) -> None:
    for p in alive(token):
        try:
            p.kill()
        except psutil.Error:
            pass


@dataclass
class Graded:
    level: str
    course: Path
    token: str
    outcomes: dict
    before: dict[str, str]
    after: dict[str, str]
    survivors: list[str] = field(default_factory=list)
    storm: str = ""
    seconds: float = 0.0
    #: files the daemon wrote into the course after grading ended
    late: list[str] = field(default_factory=list)

    def left_by(self, prefix: str) -> int:
        """How many processes whose command line has ``<prefix>-<token>`` were alive after grading."""
        return sum(f"{prefix}-{self.token}" in p for p in self.survivors)

    @property
    def changed(self) -> list[str]:
        return sorted({k for k in set(self.before) | set(self.after) if self.before.get(k) != self.after.get(k)})

    def summary(self) -> dict:
        return {"level": self.level, "seconds": round(self.seconds, 1),
                "scores": {s: [STUDENTS.get(s, s), o.score, o.max_score, o.status, o.isolation, o.leftovers]
                           for s, o in sorted(self.outcomes.items())},
                "changed": self.changed, "late": self.late,
                "survivors": {k: self.left_by(k) for k in ("daemon", "storm", "stubborn")}, "storm": self.storm}


def _storm_output(course: Path) -> str:
    student = next(s for s, k in STUDENTS.items() if k == "fork_storm")
    nb = course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    if not nb.is_file():
        return ""
    for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            text = "".join(out.get("text", ""))
            if text.startswith("forked"):
                return text.strip()
    return ""


def make_class(course: Path, token: str, only: set[str] | None = None) -> None:
    """The class in ``course``: every student, or those named in ``only``."""
    course.mkdir(parents=True)
    shutil.copy2(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    for a in ("ex00", "ex01"):
        shutil.copytree(ROOT / "solutions" / a, course / "solutions" / a)
    (course / TARGET_MARKER).write_text(token)
    for student, kind in [*((s, "correct" if s == "correct_b" else s) for s in HONEST), *STUDENTS.items()]:
        if only is not None and student not in only:
            continue
        make_submission(kind, ASSIGNMENT, course / "submitted" / student / ASSIGNMENT, token=token)


def grade_class(level: str, base: Path, workers: int = 2, only: set[str] | None = None,
                wait: float = DAEMON_DELAY) -> Graded:
    """Make the class in ``base/course`` (every student, or those in ``only``), grade it with isolation
    ``level``, wait ``wait`` seconds (past the daemon's late write); what happened."""
    from course_tools.course.instructor.grade import grade_submissions

    token = f"nichos-{level}-{uuid.uuid4().hex[:10]}"
    course = base / "course"
    make_class(course, token, only)
    before = hashes(course)
    here = os.getcwd()
    os.chdir(course)  # as `course grade` runs: the grader's working folder is the course
    t0 = time.perf_counter()
    try:
        outcomes = {o.student: o for o in grade_submissions(
            ASSIGNMENT, course_dir=course, workers=workers, time_limit=90, memory_limit_mb=1024,
            progress=False, isolation=level)}
    finally:
        os.chdir(here)
    seconds = time.perf_counter() - t0
    time.sleep(wait)
    return Graded(level, course, token, outcomes, before, hashes(course),
                  [" ".join(p.cmdline()) for p in alive(token)], _storm_output(course), seconds,
                  [str(p) for p in course.rglob(f"LATE-{token}")])
