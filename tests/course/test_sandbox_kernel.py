"""A Jupyter kernel in the grading sandbox (course_tools/course/instructor/sandbox/kernel.py).

The kernel manager class is what nbgrader's ``Execute`` (and nbclient) start the learner's kernel
with. These tests run real kernels: the attacks of issue #18 from notebook cells, the interrupt
of a cell at the time limit (a message: signals do not cross the PID namespace), grade.py's
memory limit (limits.py's ``LimitedKernelManager``) inside the sandbox, and, through
``grade_submissions``, the issue's first attack on ex00: a submission that finds the course folder
from its parent process and runs the solution cells scores 10/10 with the isolation off and 0/10 in
bubblewrap, while an honest submission keeps its 10.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from course_tools.course.instructor import sandbox as sb
from course_tools.course.instructor.sandbox import Isolation
from course_tools.paths import ROOT
from tests.course.submission_corpus import make_submission
from tests.course.test_sandbox import (
    SECRET,
    require,
    tag,  # noqa: F401 - fixture
    tagged,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def course():
    base = Path(tempfile.mkdtemp(prefix="nichos-kernel-test-", dir="/tmp"))
    base.chmod(0o755)
    course = base / "course"
    (course / "solutions" / "ex05").mkdir(parents=True)
    (course / "solutions" / "ex05" / "ex05.ipynb").write_text(SECRET)
    (course / "gradebook.db").write_text(SECRET)
    scratch = base / "jobs" / "ana"
    scratch.mkdir(parents=True)
    yield course, scratch
    shutil.rmtree(base, ignore_errors=True)


def execute(cells: list[str], cwd: Path, timeout: int = 20, **traits) -> tuple[list[str], object]:
    """Run ``cells`` in a sandboxed kernel; the text of each cell's outputs and the manager."""
    made = []

    class Manager(sb.kernel_manager_class()):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            for name, value in traits.items():
                setattr(self, name, value)
            made.append(self)

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client = NotebookClient(nb, kernel_manager_class=Manager, timeout=timeout, allow_errors=True,
                            interrupt_on_timeout=True, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    out = client.execute()
    texts = []
    for cell in out.cells:
        parts = []
        for o in cell.outputs:
            if o.output_type == "stream":
                parts.append(o.text)
            elif o.output_type == "error":
                parts.append(f"{o.ename}: {o.evalue}")
            else:
                parts.append(str(o.get("data", {}).get("text/plain", "")))
        texts.append("".join(parts).strip())
    return texts, made[-1]


ATTACK_CELLS = [
    "import os\nprint(os.environ['NICHOS_ISOLATION'] if 'NICHOS_ISOLATION' in os.environ else 'none')",
    "try:\n    print(SECRET in open(SOLUTIONS).read())\nexcept OSError as err:\n    print(type(err).__name__)",
    "try:\n    open(INJECT, 'w').write('pwned'); print('wrote')\nexcept OSError as err:\n"
    "    print(type(err).__name__)",
    "import subprocess\np = subprocess.Popen(['sleep', '300'], start_new_session=True)\nprint('daemon')",
]


@pytest.mark.parametrize("level", ["bubblewrap", "pid-namespace", "off"])
def test_kernel_attacks_at_each_level(level, course, tag):  # noqa: F811 - the fixture imported above
    require(Isolation(level))
    course_dir, scratch = course
    setup = (f"SECRET = {SECRET!r}\nSOLUTIONS = {str(course_dir / 'solutions/ex05/ex05.ipynb')!r}\n"
             f"INJECT = {str(course_dir / 'injected.txt')!r}")
    texts, km = execute([setup, *ATTACK_CELLS], scratch, sandbox_level=level,
                        sandbox_course_dir=str(course_dir))
    assert km.isolation == level
    box = km.sandbox
    g = box.guarantees
    _, isolation, read, wrote, daemon = texts
    assert isolation == (level if level != "off" else "none")
    assert read == ("FileNotFoundError" if g.hides_files else "True")
    assert wrote == ("wrote" if not g.protects_files else
                     "FileNotFoundError" if g.hides_files else "PermissionError")
    assert (course_dir / "injected.txt").exists() is not g.protects_files
    assert daemon == "daemon"
    time.sleep(0.5)  # the kernel has been shut down: is the daemon it started still there?
    if level == "off":  # no marker then: the daemon has the test's tag from the environment
        survivors = tagged(tag)
        assert survivors, "with the sandbox off the daemon outlives the kernel"
    else:
        assert marked(box.marker) == []


def marked(marker: str) -> list:
    import psutil

    found = []
    for p in psutil.process_iter():
        try:
            if p.environ().get(sb.MARKER_VAR) == marker and p.status() != psutil.STATUS_ZOMBIE:
                found.append(p)
        except (psutil.Error, OSError):
            continue
    return found


def test_a_cell_at_the_time_limit_is_interrupted_by_message(course):
    require(Isolation.BUBBLEWRAP)
    _, scratch = course
    texts, km = execute(["import signal\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                         "while True:\n    pass", "print('next cell runs')"], scratch, timeout=3)
    assert km.isolation == "bubblewrap" and km.kernel_spec.interrupt_mode == "message"
    assert texts == ["KeyboardInterrupt:", "next cell runs"]


def test_grade_memory_limit_holds_inside_the_sandbox(course):
    from course_tools.course.instructor import limits

    require(Isolation.BUBBLEWRAP)
    _, scratch = course
    made = []

    class Manager(sb.kernel_manager_class(base=limits.LimitedKernelManager)):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self.memory_limit_mb = 700
            made.append(self)

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "try:\n    block = bytearray(1500 * 2**20)\n    print('allocated')\nexcept MemoryError:\n"
        "    print('MemoryError')\nimport resource\nprint(resource.getrlimit(resource.RLIMIT_AS)[0] // 2**20)")])
    out = NotebookClient(nb, kernel_manager_class=Manager, timeout=30, kernel_name="python3",
                         resources={"metadata": {"path": str(scratch)}}).execute()
    assert out.cells[0].outputs[0].text.split() == ["MemoryError", "700"]
    assert made[-1].isolation == "bubblewrap"


# --------------------------------------------------------------------------------------------
# the first attack of the issue, through grade_submissions

STEAL = '''
import json, os
found = None
for pid in os.listdir("/proc"):          # the grader's processes: their working folders
    if not pid.isdigit():
        continue
    try:
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        continue
    for folder in (cwd, os.path.dirname(cwd)):
        path = os.path.join(folder, "solutions", "ex00", "ex00.ipynb")
        if os.path.exists(path):
            found = path
if found:
    for cell in json.load(open(found))["cells"]:
        text = "".join(cell["source"])
        if "### BEGIN SOLUTION" in text:
            exec(text, globals())
'''


@pytest.mark.parametrize("isolation", ["bubblewrap", "off"], ids=["sandbox", "no-sandbox"])
def test_stealing_the_solutions_while_graded(isolation, tmp_path, monkeypatch):
    """The issue's first attack, on ex00 with ``grade_submissions``: the answer cells are blank
    but the first one finds ``solutions/`` from a process's working folder and runs it."""
    from course_tools.course.instructor import grade

    require(Isolation.BUBBLEWRAP)
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy2(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "solutions" / "ex00", course / "solutions" / "ex00")
    make_submission("correct", "ex00", course / "submitted" / "honest" / "ex00")
    folder = make_submission("blank", "ex00", course / "submitted" / "thief" / "ex00")
    nb = nbformat.read(folder / "ex00.ipynb", as_version=4)
    first = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution"))
    first.source = STEAL
    nbformat.write(nb, folder / "ex00.ipynb")
    monkeypatch.chdir(course)  # the grader runs from the course folder, as `course grade` does

    outcomes = {o.student: o for o in grade.grade_submissions(
        "ex00", course_dir=course, workers=2, time_limit=60, memory_limit_mb=1024,
        progress=False, isolation=isolation)}
    assert {o.isolation for o in outcomes.values()} == {isolation}
    assert outcomes["honest"].score == 10
    assert outcomes["thief"].score == (0 if isolation == "bubblewrap" else 10)
    assert not (course / "autograded" / "thief" / "ex00" / "kernel.json").exists()
    assert os.getcwd() == str(course)
