"""Grading that nobody can game or escape (issue #18): the hostile corpus through ``grade_submissions``.

One class of ex00 is graded twice (module fixture, one run per isolation level): four honest students
(two correct, one partial, one blank) and one student per attack of
``tests/course/submission_corpus.ATTACKS``, each a blank notebook whose first answer cell attacks. The
grader runs from the course folder, as ``course grade`` does, so the attacks can find it; the course
folder holds the marker the attacks look for (they touch no other folder).

At ``bubblewrap`` (the default where it works) every check below holds: each attack scores 0; the
honest students keep their exact grades; the course folder, the gradebook and every other student's
files are unchanged (hashed before and after); no process of an attack is alive after grading, nor
writes anything later; the fork storm stops at the sandbox's process limit. With the isolation
``off`` the same checks are expected to FAIL (``xfail(strict=True)``): each attack then reaches what
it aims at, which shows that each check would catch a sandbox that lets it through. The attacks on
the checks themselves (rebinding ``check``, monkeypatching modules, a forged exporter, an input
transformer) score 0 at both levels: the tests never run in the learner's kernel
(``tests/course/test_answers.py`` shows what they win when they do).

The scores of every student at both levels go to ``tests/_output/attacks/<level>.json``.

bubblewrap must work here: the tests skip only when ``bwrap`` is missing and
``NICHOS_REQUIRE_SANDBOX`` is not set (CI sets it, so they cannot skip there).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from course_tools.course.instructor.sandbox import Isolation
from course_tools.paths import ROOT
from tests.course.submission_corpus import ATTACKS, TARGET_MARKER, make_submission
from tests.course.test_sandbox import require

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("attacks")]

ASSIGNMENT = "ex00"
HONEST = {"correct": 10, "correct_b": 10, "partial": 5, "blank": 0}
#: the order the attacks are graded in (students sort by name): the copy first, the sabotage last
ORDER = ["copy_classmate", *sorted(set(ATTACKS) - {"copy_classmate", "write_everywhere"}), "write_everywhere"]
STUDENTS = {f"a{i:02d}_{kind}": kind for i, kind in enumerate(ORDER)}
#: attacks on the checks: the clean scoring stops them with or without the sandbox
ON_THE_CHECKS = ("rebind_check", "monkeypatch", "forge_exporter", "input_transformer")
#: what the grader writes in the course folder (everything else must stay byte for byte)
GRADER_WRITES = ("gradebook.db", "autograded", f"grading_log/{ASSIGNMENT}.json")
DAEMON_DELAY = 9  # seconds after grading; the daemon writes 6 s after it starts
OUTPUT = ROOT / "tests" / "_output" / "attacks"

OFF = pytest.param("off", marks=pytest.mark.xfail(
    strict=True, reason="with the isolation off the attack reaches what it aims at (the check fails)"))
LEVELS = [pytest.param("bubblewrap"), OFF]


def _hashes(course: Path) -> dict[str, str]:
    out = {}
    for p in sorted(course.rglob("*")):
        rel = p.relative_to(course).as_posix()
        if p.is_file() and not any(rel == w or rel.startswith(w + "/") for w in GRADER_WRITES):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _alive(token: str) -> list[psutil.Process]:
    found = []
    for p in psutil.process_iter(["cmdline", "status"]):
        try:
            if p.info["status"] != psutil.STATUS_ZOMBIE and token in " ".join(p.info["cmdline"] or []):
                found.append(p)
        except (psutil.Error, OSError):
            continue
    return found


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


def _storm_output(course: Path, student: str) -> str:
    nb = course / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
        for out in cell.get("outputs", []):
            text = "".join(out.get("text", ""))
            if text.startswith("forked"):
                return text.strip()
    return ""


@pytest.fixture(scope="module")
def graded(request, tmp_path_factory):
    from course_tools.course.instructor.grade import grade_submissions

    level = request.param
    if level == "bubblewrap":
        require(Isolation.BUBBLEWRAP)
    token = f"nichos-{level}-{uuid.uuid4().hex[:10]}"
    base = tmp_path_factory.mktemp(f"attacks_{level}")
    course = base / "course"
    course.mkdir()
    shutil.copy2(ROOT / "nbgrader_config.py", course / "nbgrader_config.py")
    for a in ("ex00", "ex01"):
        shutil.copytree(ROOT / "solutions" / a, course / "solutions" / a)
    (course / TARGET_MARKER).write_text(token)
    for student, kind in [*((s, "correct" if s == "correct_b" else s) for s in HONEST), *STUDENTS.items()]:
        make_submission(kind, ASSIGNMENT, course / "submitted" / student / ASSIGNMENT, token=token)
    before = _hashes(course)
    here = os.getcwd()
    os.chdir(course)  # as `course grade` runs: the grader's working folder is the course
    try:
        outcomes = {o.student: o for o in grade_submissions(
            ASSIGNMENT, course_dir=course, workers=2, time_limit=90, memory_limit_mb=1024,
            progress=False, isolation=level)}
    finally:
        os.chdir(here)
    time.sleep(DAEMON_DELAY)
    result = Graded(level, course, token, outcomes, before, _hashes(course),
                    [" ".join(p.cmdline()[:2]) for p in _alive(token)],
                    _storm_output(course, next(s for s, k in STUDENTS.items() if k == "fork_storm")))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"{level}.json").write_text(json.dumps({
        "level": level, "scores": {s: [STUDENTS.get(s, s), o.score, o.max_score, o.status, o.isolation]
                                   for s, o in sorted(outcomes.items())},
        "changed": sorted(set(result.before.items()) ^ set(result.after.items())),
        "survivors": len(result.survivors), "storm": result.storm}, indent=1))
    yield result
    for p in _alive(token):
        try:
            p.kill()
        except psutil.Error:
            pass


def _graded(level):
    return pytest.mark.parametrize("graded", [level] if isinstance(level, str) else level, indirect=True)


@_graded(LEVELS)
def test_every_attack_scores_what_its_answers_earn(graded):
    got = {kind: graded.outcomes[s].score for s, kind in STUDENTS.items()}
    assert got == {kind: 0 for kind in STUDENTS.values()}


@_graded(LEVELS)
def test_honest_students_keep_their_exact_grades(graded):
    got = {s: (graded.outcomes[s].status, graded.outcomes[s].score) for s in HONEST}
    assert got == {s: ("graded", score) for s, score in HONEST.items()}
    assert graded.outcomes["correct"].cells == graded.outcomes["correct_b"].cells


@_graded(LEVELS)
def test_course_folder_and_every_students_files_are_unchanged(graded):
    assert graded.after == graded.before, sorted(set(graded.before.items()) ^ set(graded.after.items()))[:5]
    assert sorted(p.name for p in (graded.course / "grading_log").iterdir()) == [f"{ASSIGNMENT}.json"]


@_graded(LEVELS)
def test_the_gradebook_holds_only_what_the_grader_wrote(graded):
    db = sqlite3.connect(graded.course / "gradebook.db")
    try:
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        students = {r[0] for r in db.execute("select id from student")}
        manual = db.execute("select count(*) from grade where manual_score is not null").fetchone()[0]
    finally:
        db.close()
    assert students == set(HONEST) | set(STUDENTS)
    assert manual == 0


@_graded(LEVELS)
def test_no_process_outlives_grading_nor_writes_later(graded):
    assert graded.survivors == []
    assert not list(graded.course.rglob(f"LATE-{graded.token}"))


@_graded(LEVELS)
def test_a_fork_storm_stops_at_the_process_limit(graded):
    assert graded.storm.startswith("forked")
    assert int(graded.storm.split()[1]) < 300  # the sandbox allows 256 processes and threads


@_graded(["bubblewrap", "off"])
def test_attacks_on_the_checks_score_0_with_or_without_the_sandbox(graded):
    got = {kind: graded.outcomes[s].score for s, kind in STUDENTS.items() if kind in ON_THE_CHECKS}
    assert got == {kind: 0 for kind in ON_THE_CHECKS}


@_graded(["bubblewrap", "off"])
def test_each_run_logs_the_isolation_it_got(graded):
    from course_tools.course.instructor.grade import read_grading_log

    log = read_grading_log(ASSIGNMENT, graded.course)
    assert {s: e["isolation"] for s, e in log.items()} == {s: graded.level for s in graded.outcomes}
