"""Instructor commands (course release | collect | grade | feedback | grades | dashboard): fast tests.

The 40-submission rehearsal with real grading is tests/course/test_rehearsal.py.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from course_tools import cli
from course_tools.course import CourseInputError
from course_tools.course.instructor.assignments import secret_lines
from course_tools.course.instructor.collect import collect_from_exchange, collect_from_path
from course_tools.course.instructor.names import match_notebook_name, parse_source_name
from course_tools.course.instructor.release import check_release, release_zip
from course_tools.course.instructor.results import (
    MISSING,
    _inject,
    dashboard_figure,
    grades_table,
    question_summary,
    write_dashboard,
)
from course_tools.course.instructor.roster import read_roster
from course_tools.paths import EXERCISES

COMMANDS = ("release", "collect", "grade", "feedback", "grades", "dashboard")


def sha(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------------------------
# --help and wrong inputs

@pytest.mark.parametrize("command", COMMANDS)
def test_every_instructor_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: course {command}" in out and "--course-dir" in out


def test_course_help_lists_the_instructor_commands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert all(c in out for c in COMMANDS)


def test_wrong_inputs_exit_2_with_a_message(tmp_path, capsys, make_course):
    course = make_course(tmp_path)
    assert cli.main(["release", "ex77", "--zip", "--course-dir", str(course)]) == 2
    assert "no assignment 'ex77'" in capsys.readouterr().err
    assert cli.main(["grade", "ex00", "--course-dir", str(tmp_path)]) == 2
    assert "no nbgrader_config.py" in capsys.readouterr().err
    assert cli.main(["grade", "ex00", "--course-dir", str(course)]) == 2
    assert "run `course collect ex00` first" in capsys.readouterr().err
    assert cli.main(["collect", "ex00", "--from", str(tmp_path / "nope.zip"), "--course-dir", str(course)]) == 2
    assert "not found" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# file-name rules

@pytest.mark.parametrize("name, expected", [
    ("ex03.ipynb", "ex03.ipynb"),
    ("ex03 (1).ipynb", "ex03.ipynb"),
    ("Copy of ex03.ipynb", "ex03.ipynb"),
    ("Copia de ex03 (2).ipynb", "ex03.ipynb"),
    ("ex03 - Copy.ipynb", "ex03.ipynb"),
    ("ex03-maria.ipynb", "ex03.ipynb"),
    ("maria_ex03_final.ipynb", "ex03.ipynb"),
    ("EX03.ipynb", "ex03.ipynb"),
    ("ex03 (copy).ipynb", "ex03.ipynb"),
    ("ex01.ipynb", None),          # another exercise: never taken for ex03
    ("ex03_ex01.ipynb", None),
    ("ex030.ipynb", None),
    ("Untitled.ipynb", None),
    ("ex03.txt", None),
    ("ex03.ipynb.zip", None),
])
def test_misnamed_notebooks_are_matched_to_the_assignment_notebook(name, expected):
    assert match_notebook_name(name, ["ex03.ipynb"], "ex03") == expected


def test_with_two_notebooks_the_name_must_say_which():
    nbs = ["part_a.ipynb", "part_b.ipynb"]
    assert match_notebook_name("part_b (1).ipynb", nbs, "ex05") == "part_b.ipynb"
    assert match_notebook_name("ex05.ipynb", nbs, "ex05") is None


ROSTER = ["maria", "pedro_gomez", "ana", "ana_lucia"]


@pytest.mark.parametrize("path, student, file, rule", [
    # nbgrader zip_collect's LMS convention (docs example), ids with '_' resolved by the roster
    ("ps1_maria_attempt_2016-01-30-15-00-00_ex03.ipynb", "maria", "ex03.ipynb", "lms"),
    ("ex03_pedro_gomez_attempt_2016-01-30-15-00-00_ex03 (1).ipynb", "pedro_gomez", "ex03 (1).ipynb", "lms"),
    ("ex03_juan_attempt_2016-01-30-15-00-00_ex03.ipynb", None, "ex03.ipynb", "lms"),  # not in roster
    # trees, with or without an exNN level or a wrapping folder
    ("maria/ex03.ipynb", "maria", "ex03.ipynb", "folder"),
    ("maria/ex03/ex03.ipynb", "maria", "ex03.ipynb", "folder"),
    ("downloads/ana_lucia/ex03 (1).ipynb", "ana_lucia", "ex03 (1).ipynb", "folder"),
    # flat names
    ("ana_ex03.ipynb", "ana", "ex03.ipynb", "prefix"),
    ("ana_lucia_ex03.ipynb", "ana_lucia", "ex03.ipynb", "prefix"),
    ("ex03-maria.ipynb", "maria", "ex03-maria.ipynb", "name"),
    ("maria-ana.ipynb", None, "maria-ana.ipynb", "ambiguous"),
    ("ex03.ipynb", None, "ex03.ipynb", ""),
])
def test_students_are_told_from_file_names_with_a_roster(path, student, file, rule):
    m = parse_source_name(path, assignment="ex03", notebooks=["ex03.ipynb"], students=ROSTER)
    assert (m.student, m.file, m.rule) == (student, file, rule)


@pytest.mark.parametrize("path, student, file", [
    ("ps1_bitdiddle_attempt_2016-01-30-15-00-00_problem1.ipynb", "bitdiddle", "problem1.ipynb"),
    ("carla/ex03.ipynb", "carla", "ex03.ipynb"),
    ("ex03/carla/ex03.ipynb", "carla", "ex03.ipynb"),
    ("carla_ex03 (1).ipynb", "carla", "ex03 (1).ipynb"),
    ("carla_notes.txt", None, "carla_notes.txt"),  # without a roster, '<id>_' needs a notebook name after
    ("ex03-carla.ipynb", None, "ex03-carla.ipynb"),
])
def test_students_are_told_from_file_names_without_a_roster(path, student, file):
    m = parse_source_name(path, assignment="ex03", notebooks=["ex03.ipynb"])
    assert (m.student, m.file) == (student, file)


def test_an_instructor_regexp_comes_first():
    rx = r"(?P<student_id>[a-z]+)-(?P<file_id>ex03\.ipynb)"
    m = parse_source_name("carla-ex03.ipynb", assignment="ex03", notebooks=["ex03.ipynb"], regexp=rx)
    assert (m.student, m.file, m.rule) == ("carla", "ex03.ipynb", "regexp")


def test_roster_reading_and_its_errors(tmp_path):
    good = tmp_path / "students.csv"
    good.write_text("id;first_name;last_name;email\nmaria;María;López;m@x.org\npedro_gomez;Pedro;Gómez;\n",
                    encoding="latin-1")
    people = read_roster(good)
    assert [s.id for s in people] == ["maria", "pedro_gomez"] and people[0].first_name == "María"
    bad = tmp_path / "bad.csv"
    bad.write_text("name\nmaria\n")
    with pytest.raises(CourseInputError, match="one of them 'id'"):
        read_roster(bad)
    bad.write_text("id\nmaria lopez\n")
    with pytest.raises(CourseInputError, match="no spaces"):
        read_roster(bad)
    bad.write_text("id\nana\nana\n")
    with pytest.raises(CourseInputError, match="listed twice"):
        read_roster(bad)
    with pytest.raises(CourseInputError, match="not found"):
        read_roster(tmp_path / "none.csv")


# --------------------------------------------------------------------------------------------
# release

def test_release_zip_has_the_exercise_and_instructions_but_no_solution(tmp_path, capsys, make_course):
    course = make_course(tmp_path)
    out = tmp_path / "ex00.zip"
    assert cli.main(["release", "ex00", "--zip", str(out), "--course-dir", str(course)]) == 0
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        assert names == ["HOW-TO-SUBMIT.txt", "ex00/ex00.ipynb"]
        howto = zf.read("HOW-TO-SUBMIT.txt").decode()
        nb = zf.read("ex00/ex00.ipynb")
    assert "How to do and hand in" in howto and "Cómo hacer y entregar" in howto and "ex00.ipynb" in howto
    assert nb == (EXERCISES / "ex00" / "ex00.ipynb").read_bytes()
    secret = secret_lines("ex00", course)
    assert len(secret) >= 5
    text = "\n".join("".join(c["source"]) for c in json.loads(nb)["cells"])
    assert not secret & {line.strip() for line in text.splitlines()}
    assert release_zip("ex00", course_dir=course, out=tmp_path / "again.zip").read_bytes() == out.read_bytes()


def test_release_refuses_an_exercise_that_shows_a_solution_line(tmp_path, make_course):
    course = make_course(tmp_path)
    nb_path = course / "exercises" / "ex00" / "ex00.ipynb"
    nb = json.loads(nb_path.read_text())
    line = sorted(secret_lines("ex00", course, kinds=("SOLUTION",)))[0]
    nb["cells"][-1]["source"] = line
    nb_path.write_text(json.dumps(nb))
    later = time.time() + 10
    os.utime(nb_path, (later, later))
    with pytest.raises(CourseInputError, match="shows solution or hidden-test lines"):
        check_release("ex00", course, build=False)


def test_release_to_an_exchange(tmp_path, make_course):
    course = make_course(tmp_path)
    assert cli.main(["release", "ex00", "--exchange", str(tmp_path / "x"), "--course-dir", str(course)]) == 0
    out = tmp_path / "x" / "nichos" / "outbound" / "ex00" / "ex00.ipynb"
    assert out.read_bytes() == (EXERCISES / "ex00" / "ex00.ipynb").read_bytes()
    assert (tmp_path / "x" / "nichos" / "inbound").is_dir()


# --------------------------------------------------------------------------------------------
# collect

def _nb(text: str) -> str:
    return json.dumps({"cells": [], "metadata": {"note": text}, "nbformat": 4, "nbformat_minor": 5})


def test_collect_an_lms_zip_files_every_file_and_keeps_originals(tmp_path, capsys, make_course):
    course = make_course(tmp_path)
    roster = tmp_path / "students.csv"
    roster.write_text("id,first_name\nmaria,María\npedro_gomez,Pedro\nana,Ana\nluis,Luis\n")
    upload = tmp_path / "upload"
    files = {
        "ex00_maria_attempt_2026-11-20-10-00-00_ex00.ipynb": _nb("maria old"),
        "ex00_maria_attempt_2026-11-21-09-00-00_ex00 (1).ipynb": _nb("maria new"),
        "ex00_pedro_gomez_attempt_2026-11-21-09-30-00_ex00.ipynb": _nb("pedro"),
        "ex00_pedro_gomez_attempt_2026-11-21-09-30-00_Copy of ex00.ipynb": _nb("pedro copy"),
        "ex00_pedro_gomez_attempt_2026-11-21-09-30-00_data.xlsx": "not a notebook",
        "ana/ex00-ana.ipynb": _nb("ana"),
        "ex00-luis.ipynb": _nb("luis"),
        "ex00 (3).ipynb": _nb("who?"),
        "__MACOSX/._ex00.ipynb": "mac junk",
    }
    for name, text in files.items():
        (upload / name).parent.mkdir(parents=True, exist_ok=True)
        (upload / name).write_text(text)
    (upload / "empty_student_dir" ).mkdir()
    zpath = tmp_path / "downloads.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for name in files:
            zf.write(upload / name, f"wrapped/{name}")  # LMS downloads often wrap everything in a folder
    before = hashlib.sha256(zpath.read_bytes()).hexdigest()
    assert cli.main(["collect", "ex00", "--from", str(zpath), "--roster", str(roster),
                     "--course-dir", str(course)]) == 0
    out = capsys.readouterr().out
    assert hashlib.sha256(zpath.read_bytes()).hexdigest() == before
    assert "student" in out and "matched as" in out and "none dropped" in out
    sub = course / "submitted"

    def note(p: Path) -> str:
        return json.loads(p.read_text())["metadata"]["note"]

    assert note(sub / "maria" / "ex00" / "ex00.ipynb") == "maria new"           # latest attempt, renamed
    assert (sub / "maria" / "ex00" / "timestamp.txt").read_text().startswith("2026-11-21 09:00:00")
    assert note(sub / "pedro_gomez" / "ex00" / "ex00.ipynb") == "pedro"          # exact name wins
    assert note(sub / "pedro_gomez" / "ex00" / "Copy of ex00.ipynb") == "pedro copy"  # kept beside
    assert (sub / "pedro_gomez" / "ex00" / "data.xlsx").read_text() == "not a notebook"
    assert note(sub / "ana" / "ex00" / "ex00.ipynb") == "ana"
    assert note(sub / "luis" / "ex00" / "ex00.ipynb") == "luis"
    aside = course / "submitted" / "_unmatched" / "ex00"
    assert note(aside / "maria" / "ex00_maria_attempt_2026-11-20-10-00-00_ex00.ipynb") == "maria old"
    assert note(aside / "ex00 (3).ipynb") == "who?"
    # every file of the upload (but the macOS junk) is somewhere under submitted/
    kept = sum(1 for p in sub.rglob("*") if p.is_file() and p.name != "timestamp.txt")
    assert kept == len(files) - 1
    # the roster went into the gradebook, so `course grades` lists the missing students too
    table = grades_table(["ex00"], course_dir=course)
    assert set(table["student"]) == {"maria", "pedro_gomez", "ana", "luis"}


def test_collect_a_folder_tree_without_roster_and_an_empty_submission(tmp_path, make_course):
    course = make_course(tmp_path)
    src = tmp_path / "downloaded"
    (src / "carla").mkdir(parents=True)
    (src / "carla" / "ex00.ipynb").write_text(_nb("carla"))
    (src / "dario" / "ex00").mkdir(parents=True)
    rows = collect_from_path("ex00", src, course_dir=course)
    assert {(r.student, r.status) for r in rows} == {("carla", "collected"), ("dario", "empty submission")}
    assert (course / "submitted" / "dario" / "ex00").is_dir()
    assert (src / "carla" / "ex00.ipynb").read_text() == _nb("carla")


def test_collect_from_the_exchange_takes_the_latest_and_keeps_other_files(tmp_path, make_course):
    course = make_course(tmp_path)
    inbound = tmp_path / "x" / "nichos" / "inbound"
    for student, stamp, files in [
        ("maria", "2026-11-23 10:00:00.000000 UTC", {"ex00.ipynb": "old"}),
        ("maria", "2026-11-23 12:00:00.000000 UTC", {"ex00 (1).ipynb": "new", "notes.txt": "n"}),
        ("pedro", "2026-11-23 11:00:00.000000 UTC", {}),
    ]:
        folder = inbound / f"{student}+ex00+{stamp}+{abs(hash(stamp)) % 10**6}"
        folder.mkdir(parents=True)
        (folder / "timestamp.txt").write_text(stamp)
        for name, text in files.items():
            (folder / name).write_text(_nb(text) if name.endswith(".ipynb") else text)
    before = sha(inbound)
    rows = collect_from_exchange("ex00", course_dir=course, exchange=tmp_path / "x")
    assert sha(inbound) == before
    got = {(r.student, Path(r.matched_as).name, r.status) for r in rows}
    assert got == {("maria", "ex00.ipynb", "renamed"), ("maria", "notes.txt", "kept (not a notebook)"),
                   ("pedro", "ex00", "empty submission")}
    maria = course / "submitted" / "maria" / "ex00"
    assert json.loads((maria / "ex00.ipynb").read_text())["metadata"]["note"] == "new"
    assert (maria / "timestamp.txt").read_text() == "2026-11-23 12:00:00.000000 UTC"


# --------------------------------------------------------------------------------------------
# grades table and dashboard, on a hand-made table

def hand_table() -> pd.DataFrame:
    rows = [  # student, question, score, max, status
        ("a", "q1", 1, 1, "graded"), ("a", "q2", 2, 2, "graded"),
        ("b", "q1", 0, 1, "graded"), ("b", "q2", 1, 2, "graded"),
        ("c", "q1", 1, 1, "timeout"), ("c", "q2", 0, 2, "timeout"),
        ("d", "q1", 0, 1, MISSING), ("d", "q2", 0, 2, MISSING),
    ]
    return pd.DataFrame([{"student": s, "assignment": "ex00", "question": q, "score": float(sc),
                          "max_score": float(m), "status": st, "message": ""} for s, q, sc, m, st in rows])


def test_question_summary_worked_by_hand():
    s = question_summary(hand_table()).set_index("question")
    # q1: a 1/1, b 0/1, c 1/1 (d missing: left out) -> 2 of 3 full, mean ratio 2/3
    # q2: a 2/2, b 1/2, c 0/2 -> 1 of 3 full, mean ratio (1 + 0.5 + 0) / 3 = 0.5
    assert list(s.index) == ["q1", "q2"]
    assert s.loc["q1", "n"] == 3 and s.loc["q2", "n"] == 3
    assert math.isclose(s.loc["q1", "share_full"], 2 / 3) and math.isclose(s.loc["q1", "mean_ratio"], 2 / 3)
    assert math.isclose(s.loc["q2", "share_full"], 1 / 3) and math.isclose(s.loc["q2", "mean_ratio"], 0.5)


def test_dashboard_figure_worked_by_hand_and_offline_html(tmp_path):
    fig = dashboard_figure(hand_table(), lang="es")
    bars = [t for t in fig.data if t.type == "bar"]
    heat = next(t for t in fig.data if t.type == "heatmap")
    assert list(bars[0].y) == pytest.approx([2 / 3, 1 / 3]) and list(bars[1].y) == pytest.approx([2 / 3, 0.5])
    assert list(heat.y) == ["a", "b", "c", "d"] and list(heat.x) == ["q1", "q2"]
    z = [list(r) for r in heat.z]
    assert z[:3] == [[1.0, 1.0], [0.0, 0.5], [1.0, 0.0]] and all(math.isnan(v) for v in z[3])
    assert "Qué volver a enseñar" in fig.layout.title.text
    out = write_dashboard(fig, tmp_path / "d.html")
    page = out.read_text(encoding="utf-8")
    assert "Plotly.newPlot" in page and "plotly.js" in page.lower()
    assert not __import__("re").search(r"<script[^>]+src=[\"']https?:", page)
    with pytest.raises(ValueError, match="lang=.pt.: use one of"):
        dashboard_figure(hand_table(), lang="pt")
    with pytest.raises(ValueError, match="lacks columns"):
        question_summary(hand_table().drop(columns="status"))


def test_grades_without_any_submission_are_missing(tmp_path, capsys, make_course):
    course = make_course(tmp_path)
    roster = tmp_path / "students.csv"
    roster.write_text("id\nmaria\nana\n")
    out = tmp_path / "grades.csv"
    assert cli.main(["grades", "ex00", "--roster", str(roster), "--csv", str(out),
                     "--course-dir", str(course)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["student", "assignment", "question", "score", "max_score", "status",
                                   "message"]
    assert len(table) == 2 * 8  # 2 students x 8 graded cells of ex00
    assert set(table["status"]) == {MISSING} and table["score"].sum() == 0
    assert table.groupby("student")["max_score"].sum().to_dict() == {"ana": 10, "maria": 10}


def test_feedback_message_goes_on_top_of_the_page_once():
    page = "<html><head></head><body class='x'><p>nb</p></body></html>"
    once = _inject(page, "ex00 — ana\nStatus / Estado: timeout <b>")
    assert once.index("nichos-grading-message") < once.index("<p>nb</p>")
    assert "timeout &lt;b&gt;" in once and _inject(once, "again") == once


@pytest.mark.slow
def test_hub_round_trip_through_the_exchange(tmp_path, make_course):
    """release -> (a participant submits with nbgrader's layout) -> collect -> grade -> feedback to the exchange."""
    from nbgrader.utils import notebook_hash

    from tests.course.submission_corpus import make_submission

    course = make_course(tmp_path)
    x = tmp_path / "exchange"
    assert cli.main(["release", "ex00", "--exchange", str(x), "--course-dir", str(course)]) == 0
    stamp = "2026-11-24 10:00:00.000000 UTC"
    inbound = x / "nichos" / "inbound" / f"maria+ex00+{stamp}+0a1b2c"
    make_submission("correct", "ex00", inbound)
    (inbound / "timestamp.txt").write_text(stamp)
    (inbound / "submission_secret.txt").write_text("s3cret")
    before = sha(inbound)
    assert cli.main(["collect", "ex00", "--exchange", str(x), "--course-dir", str(course)]) == 0
    assert cli.main(["grade", "ex00", "--time-limit", "120", "--memory-limit", "900", "--no-progress",
                     "--course-dir", str(course)]) == 0
    assert cli.main(["feedback", "ex00", "--to-exchange", "--exchange", str(x), "--no-progress",
                     "--course-dir", str(course)]) == 0
    assert sha(inbound) == before
    grading = (course / "feedback" / "maria" / "ex00" / "GRADING.txt").read_text()
    assert "Score / Puntaje: 10 / 10" in grading and "Status / Estado: graded" in grading
    # what JupyterLab's "Fetch Feedback" looks for: <exchange>/nichos/feedback/<hash of secret + notebook>.html
    released = x / "nichos" / "feedback" / f"{notebook_hash(secret='s3cret', notebook_id='ex00')}.html"
    assert "nichos-grading-message" in released.read_text(encoding="utf-8")


def test_course_dir_defaults_to_nichos_course_dir(monkeypatch, tmp_path):
    """On a hub the installed course_tools is the participants' copy: instructors set NICHOS_COURSE_DIR once."""
    from course_tools.cli import build_parser

    monkeypatch.setenv("NICHOS_COURSE_DIR", str(tmp_path))
    for command in (["release", "ex00"], ["collect", "ex00"], ["grade", "ex00"], ["feedback", "ex00"],
                    ["grades"], ["dashboard"]):
        assert build_parser().parse_args(command).course_dir == str(tmp_path)
    monkeypatch.delenv("NICHOS_COURSE_DIR")
    assert build_parser().parse_args(["grades"]).course_dir != str(tmp_path)
