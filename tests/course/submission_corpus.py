"""Student submissions for the grading tests and benchmark, generated from ``solutions/<exNN>/``.

Every submission is written at test time from the current source notebook, so the corpus never
goes stale when an exercise changes:

* ``correct``: the released notebook with every answer cell filled from the solution (hidden tests
  are not in it, as in the release learners get);
* ``blank``: the released notebook as learners receive it;
* ``partial``: the release with the answers of the first half of the questions filled in;
* the hostile or broken kinds that the grading engine must survive (``KINDS``): an infinite loop,
  a kernel killed with ``os._exit``, ``SystemExit``/``KeyboardInterrupt``, a memory bomb, 50 MB of
  printed output, deleted or edited test cells, edited locked cells, extra/renamed notebooks, the
  notebook of another assignment, invalid JSON, a file that is not a notebook, an empty folder.

The faulty code always goes into the **last** question's answer cell, so the earlier questions
still earn their points when the grader recovers (tests/course/test_grade.py works out the scores).

Usage::

    from tests.course.submission_corpus import KINDS, make_submission
    folder = make_submission("infinite_loop", "ex00", course / "submitted" / "ana" / "ex00")
"""
from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import nbformat

from course_tools.course.grading import hidden_text
from course_tools.paths import EXERCISES, SOLUTIONS

KINDS: tuple[str, ...] = (
    "correct", "partial", "blank", "infinite_loop", "kernel_death", "system_exit",
    "keyboard_interrupt", "memory_bomb", "huge_output", "deleted_tests", "edited_locked",
    "edited_visible_tests", "extra_notebook", "renamed_notebook", "wrong_assignment",
    "invalid_json", "not_a_notebook", "empty_folder",
)

#: Code put in the last question's answer cell for the kinds that misbehave while running.
FAULTS: dict[str, str] = {
    "infinite_loop": "while True:\n    pass",
    "kernel_death": "import os\nos._exit(1)",
    "system_exit": "raise SystemExit('I am done / Terminé')",
    "keyboard_interrupt": "raise KeyboardInterrupt",
    # grows by 100 MB blocks that are written to (so they really use memory) until stopped
    "memory_bomb": "_blocks = []\nwhile True:\n    _blocks.append(bytearray(b'x' * (100 * 2**20)))",
}
#: 50 MB of printed output (one print of 50,000 lines of 1,000 characters), then the right answer.
HUGE_OUTPUT = "print(('x' * 999 + '\\n') * 50_000)\n"

def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _notebook_names(assignment: str) -> list[str]:
    names = sorted(p.name for p in (SOLUTIONS / assignment).glob("*.ipynb"))
    if not names:
        raise FileNotFoundError(f"no source notebook in {SOLUTIONS / assignment}")
    return names


def solution_answers(assignment: str, notebook: str | None = None) -> dict[str, str]:
    """``{grade_id: answer code}`` of the solution cells of the source notebook (no markers)."""
    name = notebook or _notebook_names(assignment)[0]
    nb = nbformat.read(SOLUTIONS / assignment / name, as_version=4)
    return {_nbgrader(c)["grade_id"]: "\n".join(hidden_text(c.source, kinds=("SOLUTION",)))
            for c in nb.cells if _nbgrader(c).get("solution") and c.cell_type == "code"}


def released(assignment: str, notebook: str | None = None):
    """The released (student) notebook of ``assignment`` as an nbformat node."""
    name = notebook or _notebook_names(assignment)[0]
    path = EXERCISES / assignment / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: run `course build {assignment}`")
    return nbformat.read(path, as_version=4)


def _filled(assignment: str, which: str = "all"):
    """The release with answers filled from the solution: all of them, or the first half."""
    nb = copy.deepcopy(released(assignment))
    answers = solution_answers(assignment)
    ids = [gid for gid in answers if gid in {_nbgrader(c).get("grade_id") for c in nb.cells}]
    if which == "half":
        ids = ids[: len(ids) // 2]
    for cell in nb.cells:
        if _nbgrader(cell).get("grade_id") in ids:
            cell.source = answers[_nbgrader(cell)["grade_id"]]
    return nb


def _last_answer(nb):
    cells = [c for c in nb.cells if _nbgrader(c).get("solution") and c.cell_type == "code"]
    return cells[-1]


def _test_cells(nb) -> list:
    return [c for c in nb.cells if _nbgrader(c).get("grade") and c.cell_type == "code"]


def _xlsx_bytes() -> bytes:
    """A small zip archive shaped like an Excel workbook: a file that is not a notebook."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


def make_submission(kind: str, assignment: str, dest_dir: Path) -> Path:
    """Write one student's submission folder of ``kind`` for ``assignment`` into ``dest_dir``.

    ``dest_dir`` is the folder ``submitted/<student>/<assignment>/`` (created if needed).
    Returns ``dest_dir``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown submission kind {kind!r}; choose one of {KINDS}")
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    (name,) = _notebook_names(assignment)[:1]
    target = dest_dir / name

    def write(nb, path: Path = target) -> Path:
        nbformat.write(nb, path)
        return dest_dir

    if kind == "empty_folder":
        return dest_dir
    if kind == "blank":
        return write(released(assignment))
    if kind == "correct":
        return write(_filled(assignment))
    if kind == "partial":
        return write(_filled(assignment, "half"))
    if kind in FAULTS:
        nb = _filled(assignment)
        _last_answer(nb).source = FAULTS[kind]
        return write(nb)
    if kind == "huge_output":
        nb = _filled(assignment)
        cell = _last_answer(nb)
        cell.source = HUGE_OUTPUT + cell.source
        return write(nb)
    if kind == "deleted_tests":
        nb = _filled(assignment)
        tests = _test_cells(nb)
        drop = {id(tests[3]), id(tests[4])}  # in ex00: q2_hidden and q3_visible
        nb.cells = [c for c in nb.cells if id(c) not in drop]
        return write(nb)
    if kind == "edited_locked":
        # the locked set-up cell now makes every visible check pass, whatever the answers
        nb = _filled(assignment, "half")
        for cell in nb.cells:
            if _nbgrader(cell).get("locked") and not _nbgrader(cell).get("grade") \
                    and cell.cell_type == "code":
                cell.source += "\n\ndef check(*args, **kwargs):\n    return True\n"
        return write(nb)
    if kind == "edited_visible_tests":
        nb = _filled(assignment, "half")
        for cell in _test_cells(nb):
            cell.source = "pass  # tests switched off"
        return write(nb)
    if kind == "extra_notebook":
        write(_filled(assignment))
        return write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]),
                     dest_dir / "scratch.ipynb")
    if kind == "renamed_notebook":
        return write(_filled(assignment), dest_dir / f"{target.stem} (copy).ipynb")
    if kind == "wrong_assignment":
        others = sorted(p.name for p in EXERCISES.iterdir() if p.is_dir() and p.name != assignment)
        if not others:
            raise FileNotFoundError("a second exercise in exercises/ is needed for 'wrong_assignment'")
        return write(released(others[0]))
    if kind == "invalid_json":  # a notebook cut short (an interrupted upload or copy)
        target.write_text(nbformat.writes(_filled(assignment))[:1500], encoding="utf-8")
        return dest_dir
    if kind == "not_a_notebook":
        target.write_bytes(_xlsx_bytes())
        return dest_dir
    raise AssertionError(kind)  # pragma: no cover
