"""The workshop grading engine (course_tools.course.instructor.grade): parallel, limited, never loses work.

One batch grades a class made of every kind of hostile or broken submission of
``tests/course/submission_corpus.py`` plus two correct students, with small limits; the checks below
read that one run (module-scoped fixture). A second, small class checks that regrading replaces
grades, that 1 and 2 workers give the same grades, and the wall-clock kill.

Expected scores of ex00 (10 points: q1 2, q2 3, q3 3, q4 2), worked from the notebook: a fault
placed in q4's answer cell loses q4's 2 points (8); ``partial`` answers q1 and q2 (5); nbgrader
restores edited locked and test cells from the gradebook, so edits win nothing (5, as partial);
deleting the q2_hidden (2) and q3_visible (1) cells leaves 7; a notebook that cannot be graded
scores 0.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from pathlib import Path

import nbformat
import pytest

from course_tools.course.grading import notebook_hidden_text
from course_tools.paths import ROOT
from tests.course.submission_corpus import KINDS, make_submission

# one worker runs this module: its module-scoped fixture is expensive and would run once per xdist worker
# (course.py passes --dist loadgroup)
pytestmark = pytest.mark.xdist_group("grade")

ASSIGNMENT = "ex00"
TIME_LIMIT = 40      # seconds per submission: each cell gets 20 s
MEMORY_MB = 700

EXPECTED = {  # kind: (status, score)
    "correct": ("graded", 10), "partial": ("graded", 5), "blank": ("graded", 0),
    "infinite_loop": ("timeout", 8), "kernel_death": ("kernel_died", 0),
    "system_exit": ("graded", 8), "keyboard_interrupt": ("graded", 8),
    "memory_bomb": ("memory_limit", 8), "huge_output": ("graded", 10),
    "deleted_tests": ("graded", 7), "edited_locked": ("graded", 5),
    "edited_visible_tests": ("graded", 5), "extra_notebook": ("graded", 10),
    "renamed_notebook": ("no_notebook", 0), "wrong_assignment": ("wrong_assignment", 0),
    "invalid_json": ("invalid_notebook", 0), "not_a_notebook": ("invalid_notebook", 0),
    "empty_folder": ("no_notebook", 0),
}
# words the learner's message must contain (English part, then the Spanish part)
MESSAGE_WORDS = {
    "correct": ["10 of 10 points", "10 de 10 puntos"],
    "blank": ["0 of 10 points", "0 de 10 puntos"],
    "infinite_loop": ["longer than 20 seconds", "8 of 10", "tardó más de 20 segundos"],
    "kernel_death": ["Python stopped", "os._exit", "Python se detuvo"],
    "system_exit": ["SystemExit", "8 of 10"],
    "keyboard_interrupt": ["KeyboardInterrupt", "8 of 10"],
    "memory_bomb": [f"more than {MEMORY_MB} MB", "MemoryError", "memoria"],
    "huge_output": ["very long output", "salida muy larga"],
    "deleted_tests": ["q2_hidden, q3_visible", "missing", "Faltaban"],
    "edited_locked": ["locked cells setup", "original versions", "celdas bloqueadas"],
    "edited_visible_tests": ["q1_visible", "original versions"],
    "extra_notebook": ["scratch.ipynb was ignored", "se ignoró scratch.ipynb"],
    "renamed_notebook": ["No ex00.ipynb", "ex00 (copy).ipynb", "rename", "cámbiele el nombre"],
    "wrong_assignment": ["notebook of ex01", "cuaderno de ex01"],
    "invalid_json": ["not a readable Jupyter notebook", "JSON"],
    "not_a_notebook": ["not a readable Jupyter notebook", "ZIP"],
    "empty_folder": ["folder was empty", "carpeta estaba vacía"],
}


def _new_course(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy2(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    for a in ("ex00", "ex01"):  # ex01 so the grader can name the assignment of a wrong notebook
        shutil.copytree(ROOT / "solutions" / a, root / "solutions" / a)
    return root


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _secret_lines(kinds=("SOLUTION", "HIDDEN TESTS")) -> list[str]:
    lines = notebook_hidden_text(ROOT / "solutions" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", kinds=kinds)
    return [line for line in lines if len(line) > 25]  # skip `import csv as _csv`-like lines


def _grades_in_gradebook(course: Path, students) -> dict[str, tuple[float, dict]]:
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="nichos") as gb:
        for s in students:
            sub = gb.find_submission(ASSIGNMENT, s)
            out[s] = (float(sub.score), {g.name: (float(g.score or 0), float(g.max_score))
                                         for nb in sub.notebooks for g in nb.grades})
    return out


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Grade one class holding every kind of submission, plus a second correct student."""
    from course_tools.course.instructor.grade import grade_submissions

    course = _new_course(tmp_path_factory.mktemp("grade") / "course")
    for kind in KINDS:
        make_submission(kind, ASSIGNMENT, course / "submitted" / kind / ASSIGNMENT)
    make_submission("correct", ASSIGNMENT, course / "submitted" / "correct_b" / ASSIGNMENT)
    before = _hashes(course / "submitted")
    outcomes = grade_submissions(ASSIGNMENT, course_dir=course, workers=2, time_limit=TIME_LIMIT,
                                 memory_limit_mb=MEMORY_MB, progress=False)
    return course, {o.student: o for o in outcomes}, before


@pytest.mark.slow
def test_every_student_gets_the_expected_status_and_score(batch):
    course, outcomes, _ = batch
    assert sorted(outcomes) == sorted([*KINDS, "correct_b"])
    got = {k: (outcomes[k].status, outcomes[k].score) for k in KINDS}
    assert got == EXPECTED
    assert all(o.max_score == 10 and o.assignment == ASSIGNMENT for o in outcomes.values())
    assert all(o.seconds < TIME_LIMIT + 10 for o in outcomes.values())


@pytest.mark.slow
def test_messages_say_what_happened_in_english_and_spanish(batch):
    _, outcomes, _ = batch
    for kind, words in MESSAGE_WORDS.items():
        msg = outcomes[kind].message
        assert " / " in msg, (kind, msg)
        for w in words:
            assert w in msg, f"{kind}: {w!r} not in {msg!r}"
    assert "ignored" not in outcomes["correct"].message  # no spurious notes


@pytest.mark.slow
def test_submitted_files_are_untouched(batch):
    course, _, before = batch
    assert _hashes(course / "submitted") == before


@pytest.mark.slow
def test_correct_students_keep_full_marks_in_the_gradebook(batch):
    course, outcomes, _ = batch
    full = {g: (float(p), float(p)) for g, p in {
        "q1_visible": 1, "q1_hidden": 1, "q2_visible": 1, "q2_hidden": 2,
        "q3_visible": 1, "q3_hidden": 2, "q4_visible": 1, "q4_hidden": 1}.items()}
    for s in ("correct", "correct_b", "extra_notebook", "huge_output"):
        assert outcomes[s].cells == full, s
    # the gradebook, read with nbgrader's API, holds one submission per student folder
    gradebook = _grades_in_gradebook(course, outcomes)
    for s, o in outcomes.items():
        assert gradebook[s] == (o.score, o.cells), s


@pytest.mark.slow
def test_outcomes_are_logged_for_the_feedback_command(batch):
    from course_tools.course.instructor.grade import read_grading_log

    course, outcomes, _ = batch
    log = read_grading_log(ASSIGNMENT, course)
    assert sorted(log) == sorted(outcomes)
    for s, o in outcomes.items():
        assert log[s]["status"] == o.status and log[s]["message"] == o.message
        text = (course / "autograded" / s / ASSIGNMENT / "GRADING.txt").read_text(encoding="utf-8")
        assert o.message in text and f"status: {o.status}" in text
        graded_nb = course / "autograded" / s / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert graded_nb.is_file() == (o.status in ("graded", "timeout", "memory_limit")), s
    huge = course / "autograded" / "huge_output" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert huge.stat().st_size < 1_000_000  # 50 MB printed, capped in the graded copy


@pytest.mark.slow
def test_no_hidden_test_leaks_outside_the_cells_nbgrader_restores(batch):
    course, outcomes, _ = batch
    secret = _secret_lines()
    assert len(secret) >= 5
    shown = [o.message for o in outcomes.values()]
    shown.append((course / "grading_log" / f"{ASSIGNMENT}.json").read_text(encoding="utf-8"))
    shown += [p.read_text(encoding="utf-8") for p in (course / "autograded").rglob("GRADING.txt")]
    for text in shown:
        assert not [line for line in secret if line in text]
    # nbgrader puts the hidden tests back into the graded test cells (the instructor's copy);
    # they must appear nowhere else in an autograded notebook
    hidden = _secret_lines(("HIDDEN TESTS",))
    for path in (course / "autograded").rglob("*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if not cell["metadata"].get("nbgrader", {}).get("grade"):
                src = "".join(cell["source"])
                assert not [line for line in hidden if line in src], path


# --------------------------------------------------------------------------------------------
# a small class: regrading, workers, the wall clock

@pytest.fixture(scope="module")
def small(tmp_path_factory):
    course = _new_course(tmp_path_factory.mktemp("grade_small") / "course")
    for kind in ("correct", "partial", "blank"):
        make_submission(kind, ASSIGNMENT, course / "submitted" / kind / ASSIGNMENT)
    return course


def _summary(outcomes):
    return {o.student: (o.status, o.score, o.cells) for o in outcomes}


@pytest.mark.slow
def test_regrading_replaces_grades_and_workers_do_not_change_them(small, tmp_path, batch):
    import sqlite3

    from course_tools.course.instructor.grade import grade_submissions

    three = ["blank", "correct", "partial"]
    first = grade_submissions(ASSIGNMENT, course_dir=small, students=three, progress=False)
    second = grade_submissions(ASSIGNMENT, course_dir=small, students=three, progress=False)
    assert _summary(first) == _summary(second)
    assert {s: v[1] for s, v in _summary(first).items()} == {"correct": 10, "partial": 5, "blank": 0}
    with sqlite3.connect(small / "gradebook.db") as db:
        subs = db.execute("select id from submitted_assignment where student_id in "
                          "('blank', 'correct', 'partial')").fetchall()
        assert len(subs) == 3
        n = db.execute("select count(*) from grade join submitted_notebook on "
                       "grade.notebook_id = submitted_notebook.id where submitted_notebook."
                       f"assignment_id in ({','.join('?' * len(subs))})",
                       [s[0] for s in subs]).fetchone()[0]
        assert n == 3 * 8  # 8 graded cells each, never duplicated

    alone = _new_course(tmp_path / "course")
    for s in three:
        shutil.copytree(small / "submitted" / s, alone / "submitted" / s)
    one_worker = grade_submissions(ASSIGNMENT, course_dir=alone, workers=1, progress=False)
    assert _summary(one_worker) == _summary(first)
    # a correct student graded in a small class gets what the correct students of the big batch got
    _, big, _ = batch
    assert _summary(first)["correct"] == (big["correct"].status, big["correct"].score,
                                          big["correct"].cells)


@pytest.mark.slow
def test_a_loop_that_ignores_interrupts_is_stopped_by_the_wall_clock(small):
    import psutil

    from course_tools.course.instructor.grade import grade_submissions

    student = f"stubborn_{uuid.uuid4().hex[:8]}"
    folder = make_submission("correct", ASSIGNMENT, small / "submitted" / student / ASSIGNMENT)
    nb = nbformat.read(folder / f"{ASSIGNMENT}.ipynb", as_version=4)
    nb.cells[2].source += ("\nimport time\nwhile True:\n    try:\n        time.sleep(0.5)\n"
                           "    except KeyboardInterrupt:\n        pass\n")
    nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")
    (outcome,) = grade_submissions(ASSIGNMENT, course_dir=small, students=[student], workers=1,
                                   time_limit=8, progress=False)
    assert (outcome.status, outcome.score) == ("timeout", 0)
    assert "8-second limit" in outcome.message
    assert outcome.seconds < 8 + 6
    left = [p.pid for p in psutil.process_iter(["cwd"]) if student in (p.info["cwd"] or "")]
    assert not left, f"processes of the killed submission still run: {left}"


def test_bad_arguments_get_clear_errors(small):
    from course_tools.course.instructor.grade import grade_submissions

    with pytest.raises(ValueError, match=r"unknown assignment 'ex77'.*ex00"):
        grade_submissions("ex77", course_dir=small, progress=False)
    with pytest.raises(ValueError, match=r"no submission folder .* \['nobody'\]"):
        grade_submissions(ASSIGNMENT, course_dir=small, students=["nobody"], progress=False)
    with pytest.raises(ValueError, match="workers must be 1 or more"):
        grade_submissions(ASSIGNMENT, course_dir=small, workers=0, progress=False)
    with pytest.raises(FileNotFoundError, match="nbgrader_config.py"):
        grade_submissions(ASSIGNMENT, course_dir=small / "submitted", progress=False)
