"""Grade a workshop's submissions in parallel, safely: ``course grade exNN [--workers N]``.

:func:`grade_submissions` autogrades every ``submitted/<student>/<exNN>/`` of the course with
nbgrader's own ``Autograde`` converter and leaves the course exactly as ``nbgrader autograde``
would (grades in ``gradebook.db``, notebooks in ``autograded/<student>/<exNN>/``), so
``nbgrader generate_feedback`` and the formgrader work afterwards. It is built for a room of
40 participants on a 2-core machine and for notebooks that misbehave.

Design (nbgrader grades one student after another and keeps its gradebook in SQLite):

1. **Check first, in the parent.** Each submission folder is inspected without running it: no
   notebook, a renamed notebook, invalid JSON or a file that is not a notebook, or the notebook of
   another assignment get their outcome at once (0 points, a message) and never reach nbgrader.
2. **Workers grade in scratch copies.** Each remaining submission is graded by its own process
   (forked from the grading process, which imported nbgrader once, so there is no start-up
   cost per student), at most ``workers`` at a time. The process copies the submission into a scratch
   course folder (the originals in ``submitted/`` are only read), copies a snapshot of the main
   gradebook as its **own SQLite database**, and runs nbgrader's ``Autograde`` there: sanitise
   (nbgrader restores locked and test cells from the gradebook), execute, save the grades.
3. **One writer.** Only the parent writes the main ``gradebook.db``: when a worker finishes, the
   parent copies that student's grades and comments (auto scores, ``needs_manual_grade``, late
   penalty, timestamp) in one transaction with nbgrader's API, replaces
   ``autograded/<student>/<exNN>/`` with the worker's copy and records the outcome. Grading
   again replaces the previous grades (``update_or_create``), it never duplicates them.
4. **Limits.** Student code runs in a kernel whose working folder is the scratch copy, with
   (a) a per-cell time limit (nbgrader's ``Execute.timeout``: ``min(course setting,
   time_limit / 2)``; the cell is interrupted and the other cells are still graded), (b) a
   per-submission wall clock of ``time_limit`` seconds, after which the parent kills the worker
   and the kernel's process group, (c) an address-space limit (``RLIMIT_AS`` =
   ``memory_limit_mb``, soft and hard, set in the kernel process before it starts, so a cell
   that asks for more gets ``MemoryError``), (d) the network blocked as in
   :mod:`course_tools.course.runner` (the kernel runs :func:`course_tools.course.offline.block_network` first),
   (e) output capped: nbgrader's ``LimitOutput`` keeps 1,000 lines per cell and
   :class:`CapOutputBytes` then keeps at most 100 kB of text per cell.

Outcomes: :class:`Outcome` per student folder, with ``status`` one of :data:`STATUSES`. A
submission whose notebook ran to the end keeps the score nbgrader gives (``graded``, or
``timeout``/``memory_limit`` when a cell was stopped and the other cells were graded); one that
could not be graded scores 0 of the maximum, and all its grades are flagged
``needs_manual_grade`` in the gradebook for the instructor to look at. Each outcome's message
(English / Spanish) is written to ``autograded/<student>/<exNN>/GRADING.txt`` (``nbgrader
generate_feedback`` copies it to the learner's feedback folder) and all outcomes to the JSON log
``grading_log/<exNN>.json`` (``{"assignment", "updated", "outcomes": {student: {...}}}``, one
entry per student, replaced on regrading), which the feedback command reads.

Debugging: with the environment variable ``NICHOS_KEEP_GRADING_WORK=1`` the scratch folders
(``/tmp/nichos-grade-*/jobs/<student>/``, with ``grader.log`` and ``result.json``) are kept.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from course_tools.paths import ROOT
from course_tools.course.runner import OFFLINE_STARTUP

__all__ = ["Outcome", "STATUSES", "grade_submissions", "CapOutputBytes", "LimitedKernelManager",
           "read_grading_log", "GRADING_LOG_DIR", "GRADING_FILE"]

CONFIG_NAME = "nbgrader_config.py"
COURSE_ID = "nichos"
GRADING_LOG_DIR = "grading_log"
GRADING_FILE = "GRADING.txt"
#: Text kept per cell of an autograded notebook (after nbgrader's 1,000-line limit).
MAX_OUTPUT_BYTES = 100_000
TRUNCATED_MARK = "... output truncated by the grader / salida recortada por el corrector ..."

#: What can happen to a submission. ``graded``, ``timeout`` and ``memory_limit`` may carry the
#: score nbgrader gives to the cells that ran; the others score 0.
STATUSES: dict[str, str] = {
    "graded": "the notebook ran to the end and nbgrader graded it",
    "timeout": "a cell was stopped at the per-cell time limit (other cells graded), or the "
               "whole submission passed the time limit and was stopped (0 points)",
    "memory_limit": "a cell hit the memory limit (MemoryError; other cells graded)",
    "kernel_died": "the Python kernel stopped while running the notebook (os._exit, crash, "
                   "out of memory): 0 points",
    "invalid_notebook": "the notebook file is not valid notebook JSON: 0 points",
    "no_notebook": "the folder holds no notebook with the expected name: 0 points",
    "wrong_assignment": "the notebook belongs to another assignment: 0 points",
    "error": "the grader failed for another reason (see the log): 0 points",
}

# Imported once in the parent before the workers are forked, so no worker pays for it.
_PRELOAD = ("nbgrader.converters", "nbgrader.preprocessors", "nbgrader.api", "nbconvert.exporters",
            "nbclient", "jupyter_client.manager", "traitlets.config.loader")


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment.

    ``cells``: ``{grade_id: (score, max_score)}`` as recorded in the gradebook; ``message``: for
    the learner, English / Spanish; ``seconds``: wall-clock time spent grading it.
    """

    student: str
    assignment: str
    status: str
    score: float
    max_score: float
    cells: dict[str, tuple[float, float]] = field(default_factory=dict)
    message: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["cells"] = {k: list(v) for k, v in self.cells.items()}
        return d

    def __str__(self) -> str:
        return f"{self.student}/{self.assignment}: {self.status} {self.score:g}/{self.max_score:g}"


# --------------------------------------------------------------------------------------------
# nbgrader pieces used inside the workers

def _cap_text(text: str, limit: int) -> str:
    data = text.encode("utf-8", "replace")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore") + "\n" + TRUNCATED_MARK + "\n"


def _make_cap_output_class():
    from nbgrader.preprocessors import NbGraderPreprocessor
    from traitlets import Integer

    class CapOutputBytes(NbGraderPreprocessor):
        """Keep at most ``max_bytes`` of text per code cell (stream and text outputs).

        nbgrader's ``LimitOutput`` counts lines; one 50 MB line would pass it. Error outputs are
        kept (their traceback is already limited by ``LimitOutput``), so grades are unchanged.
        """

        max_bytes = Integer(MAX_OUTPUT_BYTES, help="bytes of text kept per cell").tag(config=True)

        def preprocess_cell(self, cell, resources, cell_index):
            if cell.cell_type != "code":
                return cell, resources
            budget = self.max_bytes
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream":
                    text = out.get("text", "")
                    out["text"] = _cap_text(text, max(budget, 0))
                    budget -= len(text.encode("utf-8", "replace"))
                elif out.get("output_type") in ("execute_result", "display_data"):
                    for mime, value in list(out.get("data", {}).items()):
                        if isinstance(value, str):
                            out["data"][mime] = _cap_text(value, max(budget, 0))
                            budget -= len(value.encode("utf-8", "replace"))
                        elif isinstance(value, list) and value and isinstance(value[0], str):
                            joined = "".join(value)
                            out["data"][mime] = _cap_text(joined, max(budget, 0))
                            budget -= len(joined.encode("utf-8", "replace"))
            return cell, resources

    return CapOutputBytes


# Run in the kernel at start-up (in its own namespace): stdout/stderr keep at most MAX_OUTPUT_BYTES
# characters per cell, so 50 MB of prints never reach the grader (nor fill the kernel's memory
# with messages); the counters restart at each cell.
_CAP_CODE = f"""
import sys
class _Capped:
    def __init__(self, stream):
        self._stream, self._n, self._cut = stream, 0, False
    def write(self, text):
        room = {MAX_OUTPUT_BYTES} - self._n
        if room <= 0:
            if not self._cut:
                self._cut = True
                self._stream.write("\\n{TRUNCATED_MARK}\\n")
            return len(text)
        self._n += len(text)
        self._stream.write(text[:room])
        return len(text)
    def reset(self, *args):
        self._n, self._cut = 0, False
    def __getattr__(self, name):
        return getattr(self._stream, name)
_out, _err = _Capped(sys.stdout), _Capped(sys.stderr)
sys.stdout, sys.stderr = _out, _err
get_ipython().events.register("pre_run_cell", lambda *args: (_out.reset(), _err.reset()))
"""
CAP_STARTUP = f"exec({_CAP_CODE!r}, {{'get_ipython': get_ipython}})"

# The kernel command is wrapped so the limit is set in the kernel itself, hard and soft (the
# learner's code cannot raise it again), before ipykernel starts.
_KERNEL_WRAPPER = (
    "import resource, runpy, sys\n"
    "_n = int(sys.argv[1])\n"
    "resource.setrlimit(resource.RLIMIT_AS, (_n, _n))\n"
    "resource.setrlimit(resource.RLIMIT_CORE, (0, 0))\n"
    "_mod = sys.argv[2]\n"
    "sys.argv = [_mod] + sys.argv[3:]\n"
    "del _n\n"
    "runpy.run_module(_mod, run_name='__main__', alter_sys=True)\n"
)


def _make_kernel_manager_class():
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Integer, Unicode

    class LimitedKernelManager(AsyncKernelManager):
        """A kernel manager that starts the kernel with ``RLIMIT_AS`` and records its pid."""

        memory_limit_mb = Integer(1024, help="address-space limit of the kernel, MB").tag(config=True)
        pid_file = Unicode("", help="file where the kernel's pid is written").tag(config=True)

        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if "-m" not in cmd:
                raise RuntimeError(
                    f"cannot limit the memory of kernel command {cmd[:3]}: the grader expects a "
                    f"Python kernel started with `python -m ipykernel_launcher` (kernel 'python3')")
            i = cmd.index("-m")
            limit = int(self.memory_limit_mb) * 2**20
            return [*cmd[:i], "-c", _KERNEL_WRAPPER, str(limit), *cmd[i + 1:]]

        async def start_kernel(self, **kw):
            await super().start_kernel(**kw)
            proc = getattr(self.provisioner, "process", None)
            if self.pid_file and proc is not None:
                Path(self.pid_file).write_text(str(proc.pid))

    return LimitedKernelManager


def __getattr__(name: str):  # the two nbgrader/jupyter classes are built on first use
    if name == "CapOutputBytes":
        cls = _make_cap_output_class()
    elif name == "LimitedKernelManager":
        cls = _make_kernel_manager_class()
    else:
        raise AttributeError(name)
    cls.__module__ = __name__
    cls.__qualname__ = name
    globals()[name] = cls
    return cls


# --------------------------------------------------------------------------------------------
# messages (English / Spanish)

def _pts(x: float) -> str:
    return f"{x:g}"


def _message(status: str, *, score: float, max_score: float, expected: str = "", found: str = "",
             reason: str = "", other: str = "", time_limit: float = 0, cell_timeout: float = 0,
             memory_limit_mb: int = 0, detail: str = "") -> str:
    s, m = _pts(score), _pts(max_score)
    if status == "graded":
        return (f"Your notebook was graded automatically: {s} of {m} points. / "
                f"Tu cuaderno fue calificado automáticamente: {s} de {m} puntos.")
    if status == "timeout" and found == "cell":
        return (f"A cell ran longer than {cell_timeout:g} seconds and was stopped (a loop that never "
                f"ends?); the other cells were graded: {s} of {m} points; fix that cell and submit "
                f"again. / Una celda tardó más de {cell_timeout:g} segundos y se detuvo (¿un bucle "
                f"sin fin?); las demás celdas se calificaron: {s} de {m} puntos; corrígela y vuelve "
                f"a entregar.")
    if status == "timeout":
        return (f"Your notebook did not finish within the {time_limit:g}-second limit and was "
                f"stopped, so it scored 0 of {m}; look for a loop that never ends, fix it and submit "
                f"again. / Tu cuaderno no terminó en el límite de {time_limit:g} segundos y se "
                f"detuvo, así que obtuvo 0 de {m}; busca un bucle sin fin, corrígelo y vuelve a "
                f"entregar.")
    if status == "memory_limit" and found == "cell":
        return (f"A cell tried to use more than {memory_limit_mb} MB of memory and was stopped "
                f"(MemoryError); the other cells were graded: {s} of {m} points; make that cell use "
                f"less memory and submit again. / Una celda intentó usar más de {memory_limit_mb} MB "
                f"de memoria y se detuvo (MemoryError); las demás celdas se calificaron: {s} de {m} "
                f"puntos; haz que use menos memoria y vuelve a entregar.")
    if status == "kernel_died":
        return (f"Python stopped while running your notebook (a cell called os._exit, crashed, or "
                f"used more than {memory_limit_mb} MB of memory), so it scored 0 of {m}; remove that "
                f"code and submit again. / Python se detuvo al ejecutar tu cuaderno (una celda llamó "
                f"a os._exit, falló o usó más de {memory_limit_mb} MB de memoria), así que obtuvo 0 "
                f"de {m}; quita ese código y vuelve a entregar.")
    if status == "invalid_notebook":
        return (f"{expected} is not a readable Jupyter notebook ({reason}), so it scored 0 of {m}; "
                f"open your notebook in JupyterLab, save it and submit it again. / {expected} no es "
                f"un cuaderno de Jupyter legible ({reason}), así que obtuvo 0 de {m}; abre tu "
                f"cuaderno en JupyterLab, guárdalo y vuelve a entregarlo.")
    if status == "no_notebook":
        what_en = f"the folder held only {found}" if found else "the folder was empty"
        what_es = f"la carpeta solo tenía {found}" if found else "la carpeta estaba vacía"
        return (f"No {expected} was found in your submission ({what_en}), so it scored 0 of {m}; "
                f"submit your work in a notebook named {expected} (rename it if needed). / No se "
                f"encontró {expected} en tu entrega ({what_es}), así que obtuvo 0 de {m}; entrega "
                f"tu trabajo en un cuaderno llamado {expected} (cámbiale el nombre si hace falta).")
    if status == "wrong_assignment":
        return (f"{found} is the notebook of {other}, not of this assignment, so it scored 0 of {m}; "
                f"submit the notebook {expected}. / {found} es el cuaderno de {other}, no de esta "
                f"tarea, así que obtuvo 0 de {m}; entrega el cuaderno {expected}.")
    return (f"The grader could not grade your notebook ({detail}), so it scores 0 of {m} for now; "
            f"your instructor has the details and will look at it. / El corrector no pudo calificar "
            f"tu cuaderno ({detail}), así que por ahora tiene 0 de {m}; tu instructor tiene los "
            f"detalles y lo revisará.")


_NOTES = {
    "SystemExit": ("A cell called exit() or raised SystemExit; remove it so the cells after it can "
                   "run. / Una celda llamó a exit() o lanzó SystemExit; quítala para que las celdas "
                   "siguientes puedan ejecutarse."),
    "KeyboardInterrupt": ("A cell raised KeyboardInterrupt; remove it so the cells after it can "
                          "run. / Una celda lanzó KeyboardInterrupt; quítala para que las celdas "
                          "siguientes puedan ejecutarse."),
    "truncated": ("Your notebook printed a very long output; the graded copy keeps only its "
                  "beginning. / Tu cuaderno imprimió una salida muy larga; la copia calificada "
                  "conserva solo el comienzo."),
}


def _note_deleted(ids: list[str]) -> str:
    j = ", ".join(ids)
    return (f"The test cells {j} were missing from your notebook and score 0; start from a fresh "
            f"copy of the exercise and paste your answers in. / Faltaban las celdas de prueba {j} "
            f"en tu cuaderno y valen 0; parte de una copia nueva del ejercicio y pega tus respuestas.")


def _note_edited(ids: list[str]) -> str:
    j = ", ".join(ids)
    return (f"The locked cells {j} had been changed; the original versions were used for grading. "
            f"/ Las celdas bloqueadas {j} habían sido modificadas; se usaron las versiones "
            f"originales para calificar.")


def _note_ignored(names: list[str], expected: str) -> str:
    j = ", ".join(names)
    return (f"Only {expected} is graded; {j} was ignored. / Solo se califica {expected}; se "
            f"ignoró {j}.")


# --------------------------------------------------------------------------------------------
# the assignment in the main gradebook

def _db_url(course_dir: Path) -> str:
    return f"sqlite:///{course_dir / 'gradebook.db'}"


def _structure(course_dir: Path, assignment: str) -> dict[str, dict[str, float]] | None:
    """``{notebook: {grade_id: max_score}}`` of ``assignment`` in the main gradebook, or None."""
    from nbgrader.api import Gradebook, MissingEntry

    db = course_dir / "gradebook.db"
    if not db.exists():
        return None
    with Gradebook(_db_url(course_dir), course_id=COURSE_ID) as gb:
        try:
            a = gb.find_assignment(assignment)
        except MissingEntry:
            return None
        out = {nb.name: {gc.name: float(gc.max_score) for gc in nb.grade_cells} for nb in a.notebooks}
    return out or None


def _ensure_assignment(course_dir: Path, assignment: str, work: Path) -> dict[str, dict[str, float]]:
    """Make sure the main gradebook knows ``assignment`` (as ``nbgrader generate_assignment`` does).

    When it is missing, ``nbgrader generate_assignment`` runs in a scratch copy of the course
    whose gradebook is the main one: the release it writes goes to the scratch copy, never to
    ``exercises/``.
    """
    found = _structure(course_dir, assignment)
    if found:
        return found
    from course_tools.course.grading import _run_nbgrader

    scratch = work / "release"
    scratch.mkdir(parents=True)
    shutil.copy2(course_dir / CONFIG_NAME, scratch / CONFIG_NAME)
    shutil.copytree(course_dir / "solutions" / assignment, scratch / "solutions" / assignment,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc"))
    _run_nbgrader(["generate_assignment", assignment, "--force",
                   f"--CourseDirectory.db_url={_db_url(course_dir)}"], scratch)
    found = _structure(course_dir, assignment)
    if not found:
        raise RuntimeError(f"nbgrader did not record {assignment} in {course_dir / 'gradebook.db'}")
    return found


def _other_assignments(course_dir: Path, assignment: str) -> dict[str, str]:
    """``{grade_id: assignment}`` of the other assignments' source notebooks."""
    ids: dict[str, str] = {}
    for path in sorted((course_dir / "solutions").glob("*/*.ipynb")):
        if path.parent.name == assignment:
            continue
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for cell in nb.get("cells", []):
            gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if gid:
                ids.setdefault(gid, path.parent.name)
    return ids


# --------------------------------------------------------------------------------------------
# checks before grading (parent)

def _describe_bytes(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"PK"):
        return "it is a ZIP file, e.g. an Excel or Word document / es un archivo ZIP, p. ej. Excel o Word"
    if head.startswith(b"%PDF"):
        return "it is a PDF file / es un PDF"
    if not data.strip():
        return "it is empty / está vacío"
    return "its JSON is broken or cut short / su JSON está dañado o incompleto"


def _precheck(folder: Path, notebooks: dict[str, dict[str, float]], others: dict[str, str]
              ) -> tuple[str | None, dict[str, str], list[str]]:
    """Inspect a submission folder without running it.

    Returns ``(status, message_fields, notes)``: ``status`` is None when the submission should be
    graded (``notes`` then says what the learner should know), else the final status.
    """
    import nbformat
    from nbgrader.utils import compute_checksum

    expected = [f"{name}.ipynb" for name in sorted(notebooks)]
    files = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    shown = [f for f in files if f != "timestamp.txt"]
    present = [f for f in expected if f in files]
    notes: list[str] = []
    if not present:
        for name in [f for f in shown if f.endswith(".ipynb")]:
            try:
                nb = json.loads((folder / name).read_text(encoding="utf-8"))
                gids = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                        for c in nb.get("cells", [])} - {None}
            except (OSError, ValueError, AttributeError):
                continue
            theirs = sorted({others[g] for g in gids if g in others})
            if theirs and not gids & {g for cells in notebooks.values() for g in cells}:
                return "wrong_assignment", {"expected": " + ".join(expected), "found": name,
                                            "other": theirs[0]}, notes
        return "no_notebook", {"expected": " + ".join(expected), "found": ", ".join(shown)}, notes
    ours = {g for cells in notebooks.values() for g in cells}
    for name in present:
        data = (folder / name).read_bytes()
        try:
            nb = nbformat.reads(data.decode("utf-8"), as_version=4)
            if not isinstance(nb.get("cells"), list):
                raise ValueError("no cells")
        except Exception:  # invalid UTF-8, JSON or notebook structure
            return "invalid_notebook", {"expected": name, "reason": _describe_bytes(data)}, notes
        graded = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells
                  if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}
        theirs = sorted({others[g] for g in graded if g in others and g not in ours})
        if theirs and not set(graded) & ours:
            return "wrong_assignment", {"expected": name, "found": name, "other": theirs[0]}, notes
        missing = [g for g in notebooks[name[:-6]] if g not in graded]
        if missing:
            notes.append(_note_deleted(missing))
        edited = []
        for gid, cell in graded.items():
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("locked") and not meta.get("solution") and meta.get("checksum"):
                try:
                    if compute_checksum(cell) != meta["checksum"]:
                        edited.append(gid)
                except Exception:
                    edited.append(gid)
        if edited:
            notes.append(_note_edited(edited))
    ignored = [f for f in shown if f.endswith(".ipynb") and f not in expected]
    if ignored:
        notes.append(_note_ignored(ignored, " + ".join(expected)))
    return None, {}, notes


# --------------------------------------------------------------------------------------------
# the worker (one process per submission)

def _worker(job: dict[str, Any]) -> None:
    """Grade one submission in ``job['scratch']``; write ``result.json`` there. Runs in a child."""
    os.setsid()  # its own process group: the parent can stop it and everything it started
    scratch = Path(job["scratch"])
    log_path = scratch / "grader.log"
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    result: dict[str, Any] = {"failure": None, "failure_detail": ""}
    try:
        result.update(_grade_in_scratch(job))
    except BaseException as err:  # noqa: BLE001 - everything must end in a result file
        import traceback

        traceback.print_exc()
        result["failure"] = type(err).__name__
        result["failure_detail"] = str(err)[:300]
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu_seconds"] = {"grader": round(own.ru_utime + own.ru_stime, 3),
                             "kernel": round(kids.ru_utime + kids.ru_stime, 3)}
    tmp = scratch / "result.json.tmp"
    tmp.write_text(json.dumps(result), encoding="utf-8")
    os.replace(tmp, scratch / "result.json")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _grade_in_scratch(job: dict[str, Any]) -> dict[str, Any]:
    from nbgrader.api import Gradebook
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    scratch = Path(job["scratch"])
    student, assignment = job["student"], job["assignment"]
    course_dir = Path(job["course_dir"])
    cfg = PyFileConfigLoader(CONFIG_NAME, path=str(course_dir)).load_config()
    db_url = f"sqlite:///{job['db']}"
    cfg.CourseDirectory.root = str(scratch)
    cfg.CourseDirectory.db_url = db_url
    cfg.CourseDirectory.source_directory = str(course_dir / "solutions")
    cfg.CourseDirectory.assignment_id = assignment
    cfg.CourseDirectory.student_id = student
    cfg.CourseDirectory.course_id = COURSE_ID
    cfg.Autograde.force = True
    cfg.Autograde.create_student = True
    cfg.Execute.timeout = int(job["cell_timeout"])
    cfg.Execute.interrupt_on_timeout = True
    cfg.Execute.startup_timeout = int(max(10, min(60, job["time_limit"])))
    cfg.Execute.shutdown_kernel = "immediate"
    extra = list(cfg.Execute.extra_arguments) if "extra_arguments" in cfg.Execute else []
    cfg.Execute.extra_arguments = extra + [
        f"--IPKernelApp.exec_lines={[OFFLINE_STARTUP, CAP_STARTUP]!r}"]
    cfg.Execute.kernel_manager_class = f"{__name__}.LimitedKernelManager"
    cfg.LimitedKernelManager.memory_limit_mb = int(job["memory_limit_mb"])
    cfg.LimitedKernelManager.pid_file = str(scratch / "kernel.pid")
    cfg.CapOutputBytes.max_bytes = MAX_OUTPUT_BYTES

    from nbgrader.preprocessors import LimitOutput
    cap = globals().get("CapOutputBytes") or __getattr__("CapOutputBytes")
    pps = (list(cfg.Autograde.autograde_preprocessors) if "autograde_preprocessors" in cfg.Autograde
           else list(Autograde.class_traits()["autograde_preprocessors"].default()))
    at = [i for i, p in enumerate(pps) if p is LimitOutput or "LimitOutput" in str(p)]
    pps.insert(at[0] + 1 if at else len(pps), cap)
    cfg.Autograde.autograde_preprocessors = pps

    # glibc reserves 64 MB of address space per thread for malloc arenas; the kernel has ~15
    # threads, which would count against RLIMIT_AS without using memory. Two arenas suffice.
    os.environ["MALLOC_ARENA_MAX"] = "2"
    logger = logging.getLogger(f"nichos.grade.{student}")
    logger.handlers[:] = [logging.StreamHandler(sys.stderr)]
    logger.setLevel(logging.INFO)
    logger.propagate = False

    failure: dict[str, str] = {}

    class _Autograde(Autograde):
        def convert_single_notebook(self, notebook_filename):
            try:
                super().convert_single_notebook(notebook_filename)
            except Exception as err:
                failure.setdefault("name", type(err).__name__)
                failure.setdefault("detail", str(err)[:300])
                raise

    coursedir = CourseDirectory(config=cfg, log=logger)
    converter = _Autograde(coursedir=coursedir, config=cfg, log=logger)
    try:
        converter.start()
    except Exception as err:  # NbGraderException once nbgrader has logged the failure
        failure.setdefault("name", type(err).__name__)
        failure.setdefault("detail", str(err)[:300])

    out: dict[str, Any] = {"grades": {}, "comments": {}, "penalties": {}, "errors": []}
    with Gradebook(db_url, course_id=COURSE_ID) as gb:
        sub = gb.find_submission(assignment, student)
        for nb in sub.notebooks:
            out["penalties"][nb.name] = nb.late_submission_penalty
            for g in nb.grades:
                out["grades"][f"{nb.name}/{g.name}"] = [g.auto_score, g.needs_manual_grade]
            for c in nb.comments:
                out["comments"][f"{nb.name}/{c.name}"] = c.auto_comment
    autograded = scratch / "autograded" / student / assignment
    enames: set[str] = set()
    truncated = False
    for path in sorted(autograded.glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb.get("cells", []):
            for o in cell.get("outputs", []):
                if o.get("output_type") == "error":
                    enames.add(o.get("ename", ""))
                text = o.get("text", "")
                if TRUNCATED_MARK in ("".join(text) if isinstance(text, list) else text) \
                        or "... Output truncated ..." in str(text):
                    truncated = True
    out["errors"] = sorted(enames)
    out["truncated"] = truncated
    if failure:
        out["failure"] = failure["name"]
        out["failure_detail"] = failure["detail"]
    return out


# --------------------------------------------------------------------------------------------
# the parent: scheduling, limits, the single writer

def _kill_group(pid: int) -> None:
    for fn in (os.killpg, os.kill):
        try:
            fn(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _timestamp(folder: Path):
    from nbgrader.utils import parse_utc

    path = folder / "timestamp.txt"
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8").strip()
        return parse_utc(text) if text else None
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _write_outcome_files(course_dir: Path, outcome: Outcome, scratch: Path | None) -> None:
    """Replace ``autograded/<student>/<a>/`` with the worker's copy and write GRADING.txt."""
    dest = course_dir / "autograded" / outcome.student / outcome.assignment
    if dest.exists():
        shutil.rmtree(dest)
    src = scratch / "autograded" / outcome.student / outcome.assignment if scratch else None
    if src is not None and src.is_dir() and outcome.status in ("graded", "timeout", "memory_limit") \
            and any(src.glob("*.ipynb")):
        shutil.copytree(src, dest)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / GRADING_FILE).write_text(
        f"student: {outcome.student}\nassignment: {outcome.assignment}\nstatus: {outcome.status}\n"
        f"score: {outcome.score:g} / {outcome.max_score:g}\n\n{outcome.message}\n", encoding="utf-8")


def read_grading_log(assignment: str, course_dir: Path = ROOT) -> dict[str, dict[str, Any]]:
    """``{student: outcome dict}`` from ``grading_log/<assignment>.json`` ({} if never graded)."""
    path = Path(course_dir) / GRADING_LOG_DIR / f"{assignment}.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("outcomes", {})


def _write_log(course_dir: Path, assignment: str, outcomes: dict[str, dict[str, Any]]) -> None:
    folder = course_dir / GRADING_LOG_DIR
    folder.mkdir(exist_ok=True)
    doc = {"assignment": assignment,
           "updated": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
           "statuses": STATUSES, "outcomes": dict(sorted(outcomes.items()))}
    tmp = folder / f".{assignment}.json.tmp"
    tmp.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / f"{assignment}.json")


class _Writer:
    """The only writer of the main gradebook, the autograded folder and the log."""

    def __init__(self, course_dir: Path, assignment: str):
        from nbgrader.api import Gradebook

        self.course_dir, self.assignment = course_dir, assignment
        self.gb = Gradebook(_db_url(course_dir), course_id=COURSE_ID)
        self.log = read_grading_log(assignment, course_dir)

    def close(self) -> None:
        self.gb.close()

    def record(self, student: str, status: str, worker: dict[str, Any] | None, timestamp,
               message_for, seconds: float, scratch: Path | None) -> Outcome:
        import warnings

        from sqlalchemy.exc import SAWarning

        gb = self.gb
        with warnings.catch_warnings():  # nbgrader's add_submission autoflushes half-built rows
            warnings.filterwarnings("ignore", category=SAWarning, message="Object of type")
            gb.update_or_create_student(student)
            if timestamp is not None:
                sub = gb.update_or_create_submission(self.assignment, student, timestamp=timestamp)
            else:
                sub = gb.update_or_create_submission(self.assignment, student)
        for nb in sub.notebooks:
            if worker is not None:
                nb.late_submission_penalty = worker["penalties"].get(nb.name)
            for g in nb.grades:
                if worker is not None:
                    auto, needs = worker["grades"].get(f"{nb.name}/{g.name}", [None, True])
                    g.auto_score, g.needs_manual_grade = auto, bool(needs)
                else:
                    g.auto_score, g.needs_manual_grade = 0.0, True
            for c in nb.comments:
                c.auto_comment = (worker["comments"].get(f"{nb.name}/{c.name}")
                                  if worker is not None else None)
        gb.db.commit()
        gb.db.refresh(sub)
        cells = {g.name: (float(g.score or 0.0), float(g.max_score))
                 for nb in sub.notebooks for g in nb.grades}
        score, max_score = float(sub.score or 0.0), float(sub.max_score)
        outcome = Outcome(student, self.assignment, status, score, max_score,
                          dict(sorted(cells.items())), message_for(score, max_score),
                          round(seconds, 2))
        _write_outcome_files(self.course_dir, outcome, scratch)
        self.log[student] = outcome.to_dict()
        _write_log(self.course_dir, self.assignment, self.log)
        return outcome


def _list_students(course_dir: Path, assignment: str, students: Iterable[str] | None) -> list[str]:
    submitted = course_dir / "submitted"
    found = sorted(p.parent.name for p in submitted.glob(f"*/{assignment}")
                   if p.is_dir() and not p.parent.name.startswith(".")) if submitted.is_dir() else []
    if students is None:
        return found
    if isinstance(students, str):
        students = [students]
    wanted = list(dict.fromkeys(students))
    missing = [s for s in wanted if s not in found]
    if missing:
        raise ValueError(f"no submission folder submitted/<student>/{assignment}/ for {missing}; "
                         f"students with one: {found[:20]}{' ...' if len(found) > 20 else ''}")
    return wanted


def _snapshot(db: Path, dest: Path) -> None:
    """A consistent copy of an SQLite database (the backup API, safe while others read it)."""
    src = sqlite3.connect(str(db))
    try:
        out = sqlite3.connect(str(dest))
        with out:
            src.backup(out)
        out.close()
    finally:
        src.close()


def grade_submissions(
    assignment: str,
    *,
    course_dir: Path = ROOT,
    students: Iterable[str] | None = None,
    workers: int = 2,
    time_limit: float = 300,
    memory_limit_mb: int = 1024,
    progress: bool = True,
) -> list[Outcome]:
    """Autograde ``course_dir/submitted/*/<assignment>/`` in parallel; one :class:`Outcome` each.

    Grades go to ``course_dir/gradebook.db`` and notebooks to ``autograded/<student>/<assignment>/``
    as ``nbgrader autograde --force`` would write them; ``submitted/`` is only read. ``students``
    limits the run to some student ids. ``workers``: submissions graded at the same time (one per
    core). ``time_limit``: seconds allowed per submission (each cell gets
    ``min(course Execute.timeout, time_limit / 2)``). ``memory_limit_mb``: address-space limit of
    the kernel. Outcomes are returned sorted by student, and logged in
    ``grading_log/<assignment>.json`` and ``autograded/<student>/<assignment>/GRADING.txt``.
    """
    from tqdm.auto import tqdm

    course_dir = Path(course_dir).resolve()
    if not (course_dir / CONFIG_NAME).is_file():
        raise FileNotFoundError(f"{course_dir / CONFIG_NAME} not found: course_dir must be the "
                                f"course folder (the one with nbgrader_config.py)")
    if not (course_dir / "solutions" / assignment).is_dir():
        have = sorted(p.name for p in (course_dir / "solutions").glob("*") if p.is_dir())
        raise ValueError(f"unknown assignment {assignment!r}: no folder solutions/{assignment}/ in "
                         f"{course_dir}; the assignments are {have}")
    if int(workers) < 1:
        raise ValueError(f"workers must be 1 or more (got {workers}); use one per CPU core")
    if not time_limit or time_limit <= 0:
        raise ValueError(f"time_limit must be a positive number of seconds (got {time_limit})")
    if int(memory_limit_mb) < 256:
        raise ValueError(f"memory_limit_mb={memory_limit_mb} is too small for Python with pandas; "
                         f"use 512 or more (default 1024)")
    todo = _list_students(course_dir, assignment, students)
    if not todo:
        return []

    work = Path(tempfile.mkdtemp(prefix="nichos-grade-"))
    shm = Path("/dev/shm")
    dbdir = Path(tempfile.mkdtemp(prefix="nichos-grade-db-", dir=shm)) if shm.is_dir() \
        and os.access(shm, os.W_OK) else work
    running: dict[str, tuple[Any, float, dict[str, Any]]] = {}
    outcomes: list[Outcome] = []
    bar = tqdm(total=len(todo), desc=f"grading {assignment}", unit="submission", disable=not progress)
    writer = None
    try:
        notebooks = _ensure_assignment(course_dir, assignment, work)
        others = _other_assignments(course_dir, assignment)
        seed = dbdir / "seed.db"
        _snapshot(course_dir / "gradebook.db", seed)
        cfg_timeout = _course_cell_timeout(course_dir)
        cell_timeout = max(1, int(min(cfg_timeout, time_limit / 2)))
        writer = _Writer(course_dir, assignment)
        limits = dict(time_limit=time_limit, cell_timeout=cell_timeout,
                      memory_limit_mb=int(memory_limit_mb))

        queue: list[dict[str, Any]] = []
        for student in todo:
            folder = course_dir / "submitted" / student / assignment
            t0 = time.perf_counter()
            status, fields, notes = _precheck(folder, notebooks, others)
            if status is not None:
                outcomes.append(writer.record(
                    student, status, None, _timestamp(folder),
                    lambda s, m, st=status, f=fields: _message(st, score=s, max_score=m, **f, **limits),
                    time.perf_counter() - t0, None))
                bar.update(1)
                continue
            scratch = work / "jobs" / student
            shutil.copytree(folder, scratch / "submitted" / student / assignment,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            db = dbdir / f"{student}.db"
            shutil.copyfile(seed, db)
            queue.append(dict(student=student, assignment=assignment, course_dir=str(course_dir),
                              scratch=str(scratch), db=str(db), notes=notes,
                              timestamp=_timestamp(folder), **limits))

        ctx = _fork_context()
        while queue or running:
            while queue and len(running) < int(workers):
                job = queue.pop(0)
                proc = ctx.Process(target=_worker, args=(job,), name=f"grade-{job['student']}")
                proc.start()
                running[job["student"]] = (proc, time.monotonic(), job)
            sentinels = [p.sentinel for p, _, _ in running.values()]
            multiprocessing.connection.wait(sentinels, timeout=0.2)
            now = time.monotonic()
            for student, (proc, started, job) in list(running.items()):
                overdue = now - started > time_limit
                if proc.is_alive() and not overdue:
                    continue
                if overdue and proc.is_alive():
                    _stop(proc, Path(job["scratch"]))
                proc.join(5)
                del running[student]
                outcomes.append(_finish(writer, job, proc, overdue, now - started))
                bar.update(1)
    finally:
        for proc, _, job in running.values():
            _stop(proc, Path(job["scratch"]))
        bar.close()
        if writer is not None:
            writer.close()
        if not os.environ.get("NICHOS_KEEP_GRADING_WORK"):
            shutil.rmtree(work, ignore_errors=True)
        if dbdir != work:
            shutil.rmtree(dbdir, ignore_errors=True)
    return sorted(outcomes, key=lambda o: o.student)


def _fork_context():
    """Workers are forked from this process (Linux): the imports above are done once, and the
    caller's main script is never imported again (as ``spawn``/``forkserver`` would do)."""
    import importlib

    if "fork" not in multiprocessing.get_all_start_methods():
        raise RuntimeError("grading needs a system with fork() (Linux, as on the course's hub); "
                           "on Windows run it in WSL or on the hub")
    for name in _PRELOAD:
        importlib.import_module(name)
    for name in ("CapOutputBytes", "LimitedKernelManager"):
        if name not in globals():
            __getattr__(name)
    return multiprocessing.get_context("fork")


def _course_cell_timeout(course_dir: Path) -> float:
    from traitlets.config.loader import PyFileConfigLoader

    cfg = PyFileConfigLoader(CONFIG_NAME, path=str(course_dir)).load_config()
    value = cfg.Execute.timeout if "timeout" in cfg.Execute else 30  # 30: nbgrader's default
    return float(value) if value else float("inf")


def _stop(proc, scratch: Path) -> None:
    """Kill a worker, its process group and its kernel's process group."""
    pid_file = scratch / "kernel.pid"
    if pid_file.is_file():
        try:
            _kill_group(int(pid_file.read_text().strip()))
        except ValueError:
            pass
    if proc.pid is not None:
        _kill_group(proc.pid)
    proc.join(5)


def _finish(writer: _Writer, job: dict[str, Any], proc, overdue: bool, seconds: float) -> Outcome:
    scratch = Path(job["scratch"])
    result_path = scratch / "result.json"
    result = json.loads(result_path.read_text(encoding="utf-8")) if result_path.is_file() else None
    limits = dict(time_limit=job["time_limit"], cell_timeout=job["cell_timeout"],
                  memory_limit_mb=job["memory_limit_mb"])
    notes: list[str] = list(job["notes"])
    worker: dict[str, Any] | None = None
    fields: dict[str, str] = {}
    if overdue and result is None:
        status = "timeout"
    elif result is None:
        status, fields = "error", {"detail": f"the grading process ended with code {proc.exitcode}"}
    elif result.get("failure"):
        name = result["failure"]
        if name in ("DeadKernelError",) or "DeadKernel" in result.get("failure_detail", ""):
            status = "kernel_died"
        elif name in ("UnresponsiveKernelError", "CellTimeoutError", "TimeoutError"):
            status = "timeout"
        else:
            status, fields = "error", {"detail": name}
    else:
        worker = result
        errors = set(result.get("errors", []))
        if "CellTimeoutError" in errors:
            status, fields = "timeout", {"found": "cell"}
        elif "MemoryError" in errors:
            status, fields = "memory_limit", {"found": "cell"}
        else:
            status = "graded"
        for ename in ("SystemExit", "KeyboardInterrupt"):
            if ename in errors:
                notes.append(_NOTES[ename])
        if result.get("truncated"):
            notes.append(_NOTES["truncated"])
    if worker is None:
        notes = []

    def message_for(score: float, max_score: float) -> str:
        main = _message(status, score=score, max_score=max_score, **fields, **limits)
        return " ".join([main, *notes])

    return writer.record(job["student"], status, worker, job["timestamp"], message_for, seconds,
                         scratch)
