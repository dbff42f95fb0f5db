"""A workshop rehearsal with the `course` command: 40 participants hand in ex00 through an LMS.

In a temporary course folder: ``course release ex00 --zip``; 40 submissions written by
``submission_corpus.make_submission`` (correct, partial, blank and every hostile kind) are packed in
an LMS-style zip with some misnamed files; then ``course collect --from --roster``, ``course grade
--workers 2``, ``course feedback``, ``course grades --csv`` and ``course dashboard``, each run once
(module fixture) as the instructor would, in a subprocess. Every output is checked.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from course_tools.course.instructor.assignments import secret_lines
from tests.course.submission_corpus import KINDS, make_submission

# one worker runs this module: its module-scoped fixture is expensive and would run once per xdist worker
# (course.py passes --dist loadgroup)
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("rehearsal")]

A = "ex00"
HOSTILE = [k for k in KINDS if k not in ("correct", "partial", "blank")]
#: 40 participants: 15 correct, 6 partial, 4 blank and one of each of the 15 hostile kinds.
PLAN = ["correct"] * 15 + ["partial"] * 6 + ["blank"] * 4 + HOSTILE
STUDENTS = {f"p{n:02d}": kind for n, kind in enumerate(PLAN, start=1)}
# What each kind scores once collected, worked from ex00's cells (10 points: q1 2, q2 3, q3 3, q4 2):
# the faulty code sits in q4's answer, so a cell fault loses q4's 2 points; partial answers q1-q2 (5);
# deleted_tests drops q2_hidden (2) and q3_visible (1); edited tests are restored by nbgrader, so
# the edits win nothing; renamed_notebook: collect files "ex00 (copy).ipynb" as ex00.ipynb -> graded.
SCORE = {
    "correct": 10, "partial": 5, "blank": 0, "infinite_loop": 8, "kernel_death": 0, "system_exit": 8,
    "keyboard_interrupt": 8, "memory_bomb": 8, "huge_output": 10, "deleted_tests": 7, "edited_locked": 5,
    "edited_visible_tests": 5, "extra_notebook": 10, "renamed_notebook": 10, "wrong_assignment": 0,
    "invalid_json": 0, "not_a_notebook": 0, "empty_folder": 0,
}
STATUS = {k: "graded" for k in KINDS} | {
    "infinite_loop": "timeout", "kernel_death": "kernel_died", "memory_bomb": "memory_limit",
    "wrong_assignment": "wrong_assignment", "invalid_json": "invalid_notebook",
    "not_a_notebook": "invalid_notebook", "empty_folder": "no_notebook",
}
STAMP = "2026-11-24-10-00-00"
# misnamed hand-ins of correct students: (how the file is named inside the LMS zip)
MISNAMED = {"p01": "ex00 (1).ipynb", "p02": "Copy of ex00.ipynb", "p03": "ex00-p03.ipynb"}


def course_cmd(course: Path, *args: str) -> subprocess.CompletedProcess:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "course_tools.cli", *args, "--course-dir", str(course)],
                          capture_output=True, text=True, cwd=course, timeout=600)
    assert proc.returncode == 0, f"course {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr[-3000:]}"
    print(f"course {args[0]}: {time.perf_counter() - t0:.1f} s")
    return proc


def build_lms_zip(tmp: Path) -> Path:
    """The zip an LMS gives for download: ``<assignment>_<student>_attempt_<time>_<file>``, with variants."""
    folders = tmp / "generated"
    zpath = tmp / "lms_download.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for student, kind in STUDENTS.items():
            folder = make_submission(kind, A, folders / student)
            files = sorted(p for p in folder.iterdir() if p.is_file())
            if not files:  # an empty hand-in: the LMS lists the student's folder only
                zf.writestr(zipfile.ZipInfo(f"{student}/"), "")
            for f in files:
                name = MISNAMED.get(student, f.name) if f.name == f"{A}.ipynb" else f.name
                if student == "p04":  # handed in by e-mail: <student>_<file>
                    zf.write(f, f"email/{student}_{name}")
                elif student == "p05":  # a folder per student
                    zf.write(f, f"{student}/{name}")
                elif student == "p03":  # the student's id only in the file name
                    zf.write(f, name)
                else:
                    zf.write(f, f"{A}_{student}_attempt_{STAMP}_{name}")
        # an earlier attempt of p06 (blank) and a file nobody can be matched to
        stray = (tmp / "generated" / "p06" / f"{A}.ipynb").read_bytes()
        zf.writestr(f"{A}_p06_attempt_2026-11-23-09-00-00_{A}.ipynb", b"{}")
        zf.writestr(f"{A} (2).ipynb", stray)
    return zpath


def digests(*paths: Path) -> dict[str, str]:
    out = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        out |= {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    return out


@pytest.fixture(scope="module")
def rehearsal(tmp_path_factory, make_course):
    tmp = tmp_path_factory.mktemp("rehearsal")
    course = make_course(tmp, ("ex00", "ex01"))  # ex01: the grader names a wrong notebook's exercise
    roster = tmp / "students.csv"
    roster.write_text("id,first_name,last_name\n" + "".join(f"{s},N{s},L{s}\n" for s in STUDENTS))
    zpath = build_lms_zip(tmp)
    originals = digests(zpath, tmp / "generated")
    run = {"course": course, "tmp": tmp, "zip": zpath}
    run["release"] = course_cmd(course, "release", A, "--zip", str(tmp / "release.zip"))
    run["collect"] = course_cmd(course, "collect", A, "--from", str(zpath), "--roster", str(roster))
    run["grade"] = course_cmd(course, "grade", A, "--workers", "2", "--time-limit", "60",
                              "--memory-limit", "600", "--no-progress")
    run["feedback"] = course_cmd(course, "feedback", A, "--no-progress", "--zip", str(tmp / "feedback.zip"))
    run["grades"] = course_cmd(course, "grades", "--csv", str(tmp / "grades.csv"))
    run["dashboard"] = course_cmd(course, "dashboard", "-o", str(tmp / "dashboard.html"))
    run["originals_unchanged"] = digests(zpath, tmp / "generated") == originals
    run["log"] = json.loads((course / "grading_log" / f"{A}.json").read_text())["outcomes"]
    return run


def test_release_zip_holds_the_exercise_without_solutions(rehearsal):
    secret = secret_lines(A, rehearsal["course"])
    with zipfile.ZipFile(rehearsal["tmp"] / "release.zip") as zf:
        assert sorted(zf.namelist()) == ["HOW-TO-SUBMIT.txt", f"{A}/{A}.ipynb"]
        nb = json.loads(zf.read(f"{A}/{A}.ipynb"))
        raw = zf.read(f"{A}/{A}.ipynb").decode()
    lines = {ln.strip() for c in nb["cells"] for ln in "".join(c["source"]).splitlines()}
    assert not secret & lines
    assert "BEGIN SOLUTION" not in raw and "BEGIN HIDDEN TESTS" not in raw


def test_collect_files_every_student_and_keeps_strays(rehearsal):
    course, out = rehearsal["course"], rehearsal["collect"].stdout
    sub = course / "submitted"
    assert sorted(p.name for p in sub.iterdir() if not p.name.startswith("_")) == sorted(STUDENTS)
    for student in MISNAMED:
        assert (sub / student / A / f"{A}.ipynb").is_file(), student
        assert re.search(rf"{student}\s.*renamed", out), out
    assert (sub / "p04" / A / f"{A}.ipynb").is_file() and (sub / "p05" / A / f"{A}.ipynb").is_file()
    aside = sub / "_unmatched" / A
    assert (aside / f"{A} (2).ipynb").is_file()
    assert (aside / "p06" / f"{A}_p06_attempt_2026-11-23-09-00-00_{A}.ipynb").read_bytes() == b"{}"
    assert (sub / "p06" / A / f"{A}.ipynb").read_bytes() != b"{}"  # the later attempt is graded
    assert "none dropped" in out


def test_every_student_has_one_outcome_with_the_expected_score_and_status(rehearsal):
    log = rehearsal["log"]
    assert sorted(log) == sorted(STUDENTS)  # exactly one outcome each, none for _unmatched
    wrong = {s: (kind, log[s]["status"], log[s]["score"]) for s, kind in STUDENTS.items()
             if (log[s]["status"], log[s]["score"]) != (STATUS[kind], SCORE[kind])}
    assert not wrong, wrong
    assert all(log[s]["max_score"] == 10 for s in STUDENTS)
    out = rehearsal["grade"].stdout
    assert "40 submission(s) of ex00 graded" in out and "mean score" in out


def test_each_student_feedback_says_what_happened_and_hides_hidden_tests(rehearsal):
    course, log = rehearsal["course"], rehearsal["log"]
    hidden = secret_lines(A, course, kinds=("HIDDEN TESTS",))
    assert len(hidden) >= 3
    for student, kind in STUDENTS.items():
        folder = course / "feedback" / student / A
        grading = (folder / "GRADING.txt").read_text(encoding="utf-8")
        assert f"Status / Estado: {STATUS[kind]}" in grading, (student, kind, grading)
        assert log[student]["message"] in grading
        assert f"Score / Puntaje: {SCORE[kind]:g} / 10" in grading
        pages = sorted(folder.glob("*.html"))
        if STATUS[kind] in ("graded", "timeout", "memory_limit"):
            assert len(pages) == 1, (student, kind)
            assert "nichos-grading-message" in pages[0].read_text(encoding="utf-8")
        for f in folder.rglob("*"):
            if f.is_file():
                text = f.read_text(encoding="utf-8", errors="replace")
                shown = {ln.strip() for ln in re.sub(r"<[^>]+>", "\n", text).splitlines()} | \
                        {ln.strip() for ln in text.splitlines()}
                assert not hidden & shown, f"{f} shows hidden tests"
                assert "BEGIN HIDDEN TESTS" not in text
    with zipfile.ZipFile(rehearsal["tmp"] / "feedback.zip") as zf:
        names = zf.namelist()
    assert {n.split("/")[0] for n in names} == set(STUDENTS)
    assert all(f"{s}/{A}/GRADING.txt" in names for s in STUDENTS)


def test_grades_csv_is_one_row_per_student_and_question(rehearsal):
    table = pd.read_csv(rehearsal["tmp"] / "grades.csv", dtype={"student": str})
    assert list(table.columns) == ["student", "assignment", "question", "score", "max_score", "status",
                                   "message"]
    # the roster (40) x ex00's 8 graded cells; other exercises: every roster student "missing"
    ex00 = table[table["assignment"] == A]
    assert len(ex00) == 40 * 8 and not ex00.duplicated(["student", "question"]).any()
    totals = ex00.groupby("student")["score"].sum()
    assert {s: totals[s] for s in STUDENTS} == {s: float(SCORE[k]) for s, k in STUDENTS.items()}
    status = ex00.groupby("student")["status"].first()
    assert {s: status[s] for s in STUDENTS} == {s: STATUS[k] for s, k in STUDENTS.items()}
    others = table[table["assignment"] != A]
    assert set(others["status"]) <= {"missing"} and set(others["student"]) <= set(STUDENTS)


def test_dashboard_is_an_offline_plotly_page(rehearsal):
    page = (rehearsal["tmp"] / "dashboard.html").read_text(encoding="utf-8")
    assert "Plotly.newPlot" in page and '"type":"heatmap"' in page.replace(" ", "")
    assert not re.search(r"<script[^>]+src=[\"']https?:", page)
    assert all(s in page for s in ("p01", "p40", "q4_hidden"))


def test_originals_are_unchanged(rehearsal):
    assert rehearsal["originals_unchanged"]
