"""Every exercise runs offline up to the learner's work (issue #8, offline laptops).

Each generated ``exercises/exNN/*.ipynb`` is executed as a learner opens it, in one kernel whose
network is blocked before the first cell (the start-up code of ``course_tools.course.runner``, i.e.
``course_tools.course.offline.block_network``), with every cell run even after an error:

* the blank answer cells raise ``NotImplementedError`` (nothing answered yet);
* the visible check cells fail with the self-check message (``✗ q1: define ... first``);
* every other cell (imports, data loading, given code) succeeds, except a ``NameError`` for a
  variable that only the learner's answers define (the recording cell at the end);
* no error mentions the network, and a probe cell proves the network was blocked throughout.
"""
from __future__ import annotations

import ast
import json
import time
from pathlib import Path

import nbformat
import pytest

from course_tools.course.runner import OFFLINE_STARTUP

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted((ROOT / "exercises").glob("ex*/*.ipynb"))
NETWORK_WORDS = ("OfflineError", "runs offline", "network", "urlopen", "getaddrinfo",
                 "Connection refused", "Name or service not known", "HTTPError", "URLError")
PROBE = "import course_tools.course.offline as _o\nprint('NICHOS-OFFLINE', _o.is_blocked())"


def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _solution_names(exercise: Path) -> set[str]:
    """Names the solution cells of the matching ``solutions/`` notebook assign (the answers)."""
    source = ROOT / "solutions" / exercise.parent.name / exercise.name
    names: set[str] = set()
    for cell in json.loads(source.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code" or not _nbgrader(cell).get("solution"):
            continue
        src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        tree = ast.parse(src)
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
    return names


def _error(cell) -> dict | None:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return out
    return None


def _text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename')}: {out.get('evalue')}\n" + "\n".join(out.get("traceback", [])))
    return "".join(parts)


def test_there_are_exercises_to_check():
    assert len(EXERCISES) >= 11, f"expected the exercises ex00–ex10 in exercises/, found {EXERCISES}"


@pytest.mark.slow
@pytest.mark.parametrize("path", EXERCISES, ids=[p.parent.name for p in EXERCISES])
def test_exercise_runs_offline_up_to_the_learners_work(path: Path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    client = NotebookClient(
        nb, kernel_name="python3", timeout=300, startup_timeout=120, allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=[f"--IPKernelApp.exec_lines={[OFFLINE_STARTUP]!r}"],
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    answers = _solution_names(path)
    problems: list[str] = []
    n_answers = n_checks = 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        meta, err, where = _nbgrader(cell), _error(cell), f"{path.parent.name} cell {i}"
        text = _text(cell)
        if any(w in text for w in NETWORK_WORDS):
            problems.append(f"{where} mentions the network: {text[:300]}")
        if meta.get("solution"):
            n_answers += 1
            if err is None or err["ename"] != "NotImplementedError":
                problems.append(f"{where} (blank answer) should raise NotImplementedError, got "
                                f"{err and err['ename']}: {err and err['evalue']}")
        elif meta.get("grade") and "check(" in cell.source:
            n_checks += 1
            if err is None or err["ename"] != "AssertionError" or "✗" not in err["evalue"]:
                problems.append(f"{where} (visible check) should fail with the self-check message, got "
                                f"{err and err['ename']}: {err and err['evalue']}")
        elif err is not None:
            missing = err["evalue"].split("'")[1] if err["ename"] == "NameError" and "'" in err["evalue"] else None
            if missing is None or missing not in answers:
                problems.append(f"{where} (given code) failed: {err['ename']}: {err['evalue']}\n"
                                f"--- source ---\n{cell.source[:400]}")
    probe = nb.cells[-1]
    assert "NICHOS-OFFLINE True" in _text(probe), (
        f"{path.name}: the network was not blocked in the kernel: {_text(probe)!r}")
    assert n_answers >= 1 and n_checks >= 1, f"{path.name}: no answer or check cells found"
    assert not problems, f"{path.name} offline ({seconds:.1f} s):\n" + "\n".join(problems)
