"""Grading that nobody can game or escape (issue #18): the hostile corpus through ``grade_submissions``.

One class of ex00 (``tests/course/attack_class.py``: four honest students and one student per attack of
``tests/course/submission_corpus.ATTACKS``) is graded once per isolation level (module fixture). The grader
runs from the course folder, as ``course grade`` does, so the attacks can find it; the course folder holds
the marker the attacks look for (they touch no other folder).

At ``bubblewrap`` (the default where it works) every check below holds: each attack scores 0; the
honest students keep their exact grades (at every level); the course folder, the gradebook and every other student's
files are unchanged (hashed before and after); no process of an attack is alive after grading, nor
writes anything later; the fork storm stops at the sandbox's process limit. With the isolation
``off`` the same checks are expected to FAIL (``xfail(strict=True)``): each attack then reaches what
it aims at, which shows that each check would catch a sandbox that lets it through. The attacks on
the checks themselves (rebinding ``check``, monkeypatching modules, a forged exporter, an input
transformer) score 0 at both levels: the tests never run in the learner's kernel
(``tests/course/test_answers.py`` shows what they win when they do).

The fallback levels (``pid-namespace``, ``process-group``) hide no file, so the whole class is not graded
there (the README's table comes from ``benchmarks/attack_table.py``); one small batch at ``process-group``
checks what must hold at every level: a saboteur that rewrites the classmates' hand-ins and scratch
copies does not change the honest students' grades.

What happened at each level goes to ``tests/_output/attacks/<level>.json``. bubblewrap must work here:
the tests skip only when ``bwrap`` is missing and ``NICHOS_REQUIRE_SANDBOX`` is not set (CI sets it).
"""
from __future__ import annotations

import json
import sqlite3

import pytest

from course_tools.course.instructor.sandbox import Isolation
from course_tools.paths import ROOT
from tests.course.attack_class import ASSIGNMENT, HONEST, STUDENTS, grade_class, kill
from tests.course.test_sandbox import require

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("attacks")]

#: attacks on the checks: the clean scoring stops them with or without the sandbox
ON_THE_CHECKS = ("rebind_check", "monkeypatch", "forge_exporter", "input_transformer")
OUTPUT = ROOT / "tests" / "_output" / "attacks"
OFF = pytest.param("off", marks=pytest.mark.xfail(
    strict=True, reason="with the isolation off the attack reaches what it aims at (the check fails)"))
LEVELS = [pytest.param("bubblewrap"), OFF]


@pytest.fixture(scope="module")
def graded(request, tmp_path_factory):
    level = request.param
    if level == "bubblewrap":
        require(Isolation.BUBBLEWRAP)
    result = grade_class(level, tmp_path_factory.mktemp(f"attacks_{level}"))
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"{level}.json").write_text(json.dumps(result.summary(), indent=1))
    yield result
    kill(result.token)


def _graded(levels):
    return pytest.mark.parametrize("graded", levels, indirect=True)


@_graded(LEVELS)
def test_every_attack_scores_what_its_answers_earn(graded):
    got = {kind: graded.outcomes[s].score for s, kind in STUDENTS.items()}
    assert got == {kind: 0 for kind in STUDENTS.values()}


@_graded(["bubblewrap", "off"])  # at every level: the staging, not the sandbox, keeps them
def test_honest_students_keep_their_exact_grades(graded):
    got = {s: (graded.outcomes[s].status, graded.outcomes[s].score) for s in HONEST}
    assert got == {s: ("graded", score) for s, score in HONEST.items()}
    assert graded.outcomes["correct"].cells == graded.outcomes["correct_b"].cells


@_graded(LEVELS)
def test_course_folder_and_every_students_files_are_unchanged(graded):
    assert graded.changed == []
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
    assert graded.late == []


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


def test_honest_students_keep_their_grades_when_a_classmate_sabotages_below_bubblewrap(tmp_path):
    """At the fallback levels (here ``process-group``, which every machine has) the sabotage runs as the
    grading user: it rewrites the hand-ins in the course folder and every scratch copy it finds. The
    grader stages each submission only at its turn, from the notebooks it read before any learner code
    ran, and grades once more a copy that was changed while graded; so the honest students keep their
    exact grades although the attack did reach the course folder (residual risk of that level)."""
    saboteur = next(s for s, kind in STUDENTS.items() if kind == "write_everywhere")
    graded = grade_class("process-group", tmp_path, only={saboteur, "correct", "partial"}, wait=0)
    kill(graded.token)
    got = {s: (o.status, o.score) for s, o in graded.outcomes.items()}
    assert got == {saboteur: ("graded", 0), "correct": ("graded", 10), "partial": ("graded", 5)}
    assert any(path.startswith("submitted/correct/") for path in graded.changed)  # the attack worked
