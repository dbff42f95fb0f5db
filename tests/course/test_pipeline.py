"""The graded-notebook pipeline (nbgrader 0.9): build, release, autograde, feedback.

Everything nbgrader writes goes to pytest's temporary folders; the repository is only read.
"""
from __future__ import annotations

import csv
import html
import json
import math
import re
import time
from pathlib import Path

import nbformat
import pytest

from course_tools.course.build import build_exercises, list_assignments
from course_tools.course.grading import HideHiddenTests, autograde, hidden_text, notebook_hidden_text
from course_tools.paths import EXERCISES, LESSONS, ROOT, SOLUTIONS, datasets_dir
from tests.course.submission_corpus import solution_answers

ASSIGNMENTS = list_assignments()
TRADE_2017 = "trade_ots_economiccomplexity/world_trade_2017_hs07_4d.csv"


def _notebooks(*folders: Path) -> list[Path]:
    return sorted(p for f in folders if f.is_dir() for p in f.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _visible_text(page: str) -> str:
    """What a reader of an HTML page sees: tags removed, entities decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _hidden_lines(kinds: tuple[str, ...], assignment: str | None = None) -> list[str]:
    lines: list[str] = []
    folder = SOLUTIONS / assignment if assignment else SOLUTIONS
    for nb in _notebooks(folder):
        lines += notebook_hidden_text(nb, kinds=kinds)
    return lines


# Lines that say nothing of an answer (syntax, imports, comments) may appear anywhere. The same rule as
# course_tools.course.instructor.assignments.secret_lines, written out here on purpose: the leak tests must not
# inherit a mistake of the code they check.
_GENERIC = re.compile(r"(try:|else:|finally:|except\b.*:|pass|return|import \S+( as \S+)?|"
                      r"from \S+ import .+|[)\]}]+,?|#.*|.{0,7})")


def _secret_lines(kinds: tuple[str, ...], assignment: str | None = None) -> set[str]:
    """Solution / hidden-test lines of the source notebooks that would give something away."""
    return {line for line in _hidden_lines(kinds, assignment) if not _GENERIC.fullmatch(line)}


def _leaks(secret: set[str], text: str) -> list[str]:
    """Secret lines that stand as a whole line in ``text``."""
    shown = {line.strip() for line in text.splitlines()}
    return sorted(secret & shown)


# --------------------------------------------------------------------------------------------
# fast checks of the repository's notebooks

def test_there_is_at_least_one_assignment():
    assert "ex00" in ASSIGNMENTS


def test_every_notebook_names_the_python3_kernel():
    notebooks = _notebooks(LESSONS, SOLUTIONS, EXERCISES)
    assert any(p.is_relative_to(EXERCISES) for p in notebooks)
    wrong = {str(p.relative_to(ROOT)): _read(p).get("metadata", {}).get("kernelspec", {}).get("name")
             for p in notebooks}
    wrong = {k: v for k, v in wrong.items() if v != "python3"}
    assert not wrong, f"kernelspec name must be 'python3': {wrong}"


def test_grade_ids_are_unique_across_all_solutions():
    seen: dict[str, str] = {}
    dupes = []
    for nb in _notebooks(SOLUTIONS):
        for cell in _read(nb)["cells"]:
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if gid is None:
                continue
            key = gid
            if key in seen:
                dupes.append(f"{gid} in {nb.relative_to(ROOT)} and {seen[key]}")
            seen[key] = str(nb.relative_to(ROOT))
    assert seen, "no nbgrader cells found in solutions/"
    assert not dupes, dupes


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_released_file_is_free_of_solutions_and_hidden_tests(assignment):
    secret = _secret_lines(("SOLUTION", "HIDDEN TESTS"), assignment)
    assert len(secret) >= 3, f"{assignment}: too few solution/hidden lines to check"
    released = [p for p in (EXERCISES / assignment).rglob("*") if p.is_file()]
    assert released, f"exercises/{assignment} is empty: run `course build`"
    for path in released:
        text = path.read_text(encoding="utf-8", errors="replace")
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            assert marker not in text, f"{path.relative_to(ROOT)} contains {marker!r}"
        if path.suffix == ".ipynb":
            text = "\n".join(_source(c) for c in _read(path)["cells"])
        leaks = _leaks(secret, text)
        assert not leaks, f"{path.relative_to(ROOT)} shows solution/hidden lines: {leaks[:3]}"


def test_leak_check_catches_a_solution_line_and_ignores_syntax():
    secret = {"total_exports = trade_country['export_value'].sum()"}
    assert _leaks(secret, "x = 1\n    total_exports = trade_country['export_value'].sum()\n")
    assert not _leaks(secret, "# YOUR CODE HERE\nraise NotImplementedError()")
    assert _GENERIC.fullmatch("try:") and _GENERIC.fullmatch("import csv")
    assert not _GENERIC.fullmatch("assert top_product == '2603'")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_released_notebooks_keep_the_graded_cells_and_points(assignment):
    for src in _notebooks(SOLUTIONS / assignment):
        rel = EXERCISES / assignment / src.name
        assert rel.exists(), f"{rel.relative_to(ROOT)} missing: run `course build {assignment}`"

        def graded(p: Path) -> dict:
            return {c["metadata"]["nbgrader"]["grade_id"]: c["metadata"]["nbgrader"].get("points")
                    for c in _read(p)["cells"] if c["metadata"].get("nbgrader", {}).get("grade")}

        assert graded(rel) == graded(src)
        if assignment == "ex00":
            assert sum(graded(src).values()) == 10
        for cell in _read(rel)["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None


def test_ex00_has_a_parameters_cell_outside_the_graded_cells():
    nb = _read(SOLUTIONS / "ex00" / "ex00.ipynb")
    tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1 and "nbgrader" not in tagged[0]["metadata"]
    assert 'COUNTRY = "CHL"' in _source(tagged[0])
    record_cells = [c for c in nb["cells"] if "record(" in _source(c)]
    assert record_cells and all("nbgrader" not in c["metadata"] for c in record_cells)
    assert "course_tools.data" in "".join(_source(c) for c in nb["cells"])


def test_hidden_text_worked_example():
    src = "x = 1\n### BEGIN SOLUTION\ny = 2\n\n### END SOLUTION\ncheck('q1')\n" \
          "### BEGIN HIDDEN TESTS\nassert y == 2\n### END HIDDEN TESTS\n"
    assert hidden_text(src) == ["y = 2", "assert y == 2"]
    assert hidden_text(src, kinds=("HIDDEN TESTS",)) == ["assert y == 2"]


def test_feedback_preprocessor_removes_hidden_tests_and_their_tracebacks():
    cell = nbformat.v4.new_code_cell(
        "# hidden\n### BEGIN HIDDEN TESTS\nassert total == 42, 'secret'\n### END HIDDEN TESTS")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True,
                                 "grade_id": "q_hidden", "points": 1}
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="42\n"),
        nbformat.v4.new_output("error", ename="AssertionError", evalue="secret",
                               traceback=["----> 2 assert total == 42, 'secret'"]),
    ]
    visible = nbformat.v4.new_code_cell("check('q1', strict=True)")
    visible.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="✗ q1: hint",
                                              traceback=["✗ q1: hint"])]
    nb = nbformat.v4.new_notebook(cells=[cell, visible])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    assert nb.cells[0].source == "# hidden"
    assert len(nb.cells[0].outputs) == 1
    out = nb.cells[0].outputs[0]
    assert out.output_type == "error" and "secret" not in json.dumps(out) and "42" not in json.dumps(out)
    assert nb.cells[1].outputs[0].traceback == ["✗ q1: hint"]  # visible checks keep their hint


def test_build_rejects_an_unknown_assignment(tmp_path):
    with pytest.raises(ValueError, match=r"no source notebooks for \['ex77'\].*\['ex00'"):
        build_exercises(["ex77"], output_dir=tmp_path)


# --------------------------------------------------------------------------------------------
# slow: nbgrader end to end

@pytest.mark.slow
def test_exercises_equal_a_fresh_generation_and_the_build_is_idempotent(tmp_path):
    out = tmp_path / "exercises"
    (out / "ex00").mkdir(parents=True)
    (out / "ex00" / "stale.ipynb").write_text("{}")  # a notebook removed from solutions/
    written = build_exercises(output_dir=out)
    assert sorted(p.relative_to(out).as_posix() for p in written) == sorted(
        f"{a}/{p.name}" for a in ASSIGNMENTS for p in (SOLUTIONS / a).glob("*.ipynb"))
    assert not (out / "ex00" / "stale.ipynb").exists()
    fresh = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    repo = {p.relative_to(EXERCISES): p.read_bytes() for p in EXERCISES.rglob("*") if p.is_file()}
    assert sorted(fresh) == sorted(repo)
    stale = [str(k) for k in fresh if fresh[k] != repo[k]]
    assert not stale, f"exercises/ is out of step with solutions/: run `course build` ({stale})"
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.ipynb")}
    build_exercises(output_dir=out)  # second run: nothing changes, nothing is rewritten
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == fresh
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.ipynb")} == stamps


def _fill(exercise: Path, answers: dict[str, str], dest: Path) -> Path:
    """A student's copy of the released notebook with some answer cells filled in."""
    nb = nbformat.read(exercise, as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    nbformat.write(nb, dest)
    return dest


@pytest.mark.slow
def test_autograde_full_blank_partial_and_feedback(tmp_path):
    sol = solution_answers("ex00")
    released = EXERCISES / "ex00" / "ex00.ipynb"
    subs = {
        "solution": SOLUTIONS / "ex00" / "ex00.ipynb",
        "blank": released,
        # q1, q2 right; q3 well-formed but the smallest product (visible ✓, hidden ✗); q4 blank
        "partial": _fill(released, {
            "q1_answer": sol["q1_answer"], "q2_answer": sol["q2_answer"],
            "q3_answer": ("rep = trade_country.dropna(subset=['export_value'])\n"
                          "low = rep.loc[rep['export_value'].idxmin()]\n"
                          "top_product = str(low['product'])\n"
                          "top_share = float(low['export_value'] / total_exports)"),
        }, tmp_path / "partial.ipynb"),
        # the NaN mistake: a sum that does not skip 'not reported' makes q2 and q3 fail
        "nan_total": _fill(released, {
            **sol, "q2_answer": "total_exports = trade_country['export_value'].sum(skipna=False)",
        }, tmp_path / "nan_total.ipynb"),
    }
    t0 = time.perf_counter()
    reports = autograde(subs, "ex00", workdir=tmp_path / "course")
    elapsed = time.perf_counter() - t0
    print(f"autograde + feedback of {len(subs)} submissions: {elapsed:.1f} s")

    assert (reports["solution"].score, reports["solution"].max_score) == (10, 10)
    assert (reports["blank"].score, reports["blank"].max_score) == (0, 10)
    assert reports["partial"].cells == {
        "q1_visible": (1, 1), "q1_hidden": (1, 1), "q2_visible": (1, 1), "q2_hidden": (2, 2),
        "q3_visible": (1, 1), "q3_hidden": (0, 2), "q4_visible": (0, 1), "q4_hidden": (0, 1)}
    assert reports["partial"].score == 6
    assert reports["nan_total"].score == 4  # q1 (2) + q4 (2): q2 and q3 get nothing
    assert reports["nan_total"].cells["q2_visible"] == (0, 1)

    # the instructor's autograded copies do hold the hidden tests (nbgrader restores them) ...
    hidden = _hidden_lines(("HIDDEN TESTS",))
    solution_lines = _hidden_lines(("SOLUTION",))
    autograded = (tmp_path / "course" / "autograded" / "blank" / "ex00" / "ex00.ipynb").read_text()
    assert any(line in autograded for line in hidden if "assert" in line)
    # ... but no learner's feedback shows them, nor a traceback quoting them
    for student, report in reports.items():
        assert len(report.feedback) == 1, student
        page = _visible_text(report.feedback[0].read_text(encoding="utf-8"))
        assert "Score" in page or "score" in page
        leaks = [line for line in hidden if line in page]
        assert not leaks, f"feedback of {student} shows hidden tests: {leaks[:3]}"
        assert "HIDDEN TESTS" not in page
        if student in ("blank", "partial"):
            assert not [line for line in solution_lines if line in page
                        and line not in "\n".join(_fill_sources(subs[student]))]
    blank = _visible_text(reports["blank"].feedback[0].read_text(encoding="utf-8"))
    assert "A hidden test failed" in blank
    assert "define `trade_country` first" in blank  # the visible check's hint reaches the learner


def _fill_sources(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells]


@pytest.mark.slow
def test_solution_runs_under_papermill_for_another_country(tmp_path):
    from course_tools.course.runner import run_notebook

    nb, records = run_notebook(SOLUTIONS / "ex00" / "ex00.ipynb", parameters={"COUNTRY": "ARG"},
                               cwd=tmp_path)
    # independent of course_tools.data: the raw shipped CSV read with the csv module
    with open(datasets_dir() / TRADE_2017, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["reporter_iso"] == "arg"]
    flows = {r["product_code"]: float(r["export_value_usd"]) for r in rows
             if r["export_value_usd"] not in ("", "NA")}
    top = max(flows, key=flows.get)
    assert records["n_rows"] == len(rows)
    assert math.isclose(records["total_exports"], math.fsum(flows.values()), rel_tol=1e-9)
    assert records["top_product"] == top
    assert math.isclose(records["top_share"], flows[top] / math.fsum(flows.values()), rel_tol=1e-9)
    assert isinstance(records["top_name"], str) and records["top_name"]


@pytest.mark.slow
@pytest.mark.parametrize("assignment", [a for a in ASSIGNMENTS if a != "ex00"])  # ex00: above, in detail
def test_every_assignment_scores_full_marks_solved_and_zero_blank(assignment, tmp_path):
    """Each exercise: the solution gets full marks, the blank release zero, feedback hides hidden tests."""
    (solution,) = sorted((SOLUTIONS / assignment).glob("*.ipynb"))
    released = EXERCISES / assignment / solution.name
    reports = autograde({"solution": solution, "blank": released}, assignment,
                        workdir=tmp_path / "course")
    assert reports["solution"].max_score >= 3, "an exercise has at least three graded points"
    assert reports["solution"].score == reports["solution"].max_score, reports["solution"].cells
    assert reports["blank"].score == 0, reports["blank"].cells
    hidden = _secret_lines(("HIDDEN TESTS",), assignment)
    for student, report in reports.items():
        page = _visible_text(report.feedback[0].read_text(encoding="utf-8"))
        leaks = _leaks(hidden, page)
        assert not leaks, f"{assignment}: feedback of {student} shows hidden tests: {leaks[:3]}"
