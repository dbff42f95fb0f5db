"""The per-submission worker: grade ONE submission in its scratch folder, in a process of its own.

A :class:`Job` says everything a worker needs: the student, the scratch course folder holding a copy
of the submission (``<scratch>/submitted/<student>/<exNN>/``; the original in ``submitted/`` is only
read), its own copy of the gradebook (an SQLite file), the **run folder** of the learner's kernel, the
isolation level (chosen once by the grading process) and the limits. :func:`run_job` is the body of
the forked process: it starts its own process group, sends its output to ``<scratch>/grader.log``,
calls :func:`grade_in_scratch` and always leaves ``<scratch>/result.json``.

:func:`grade_in_scratch` is the one step that runs the learner's code: nbgrader's ``Autograde``
(sanitise, execute, save the grades) with the course's configuration pointed at the scratch folder,
its ``Execute`` replaced by :class:`~course_tools.course.instructor.isolated.IsolatedExecute`: the
kernel runs in the sandbox (:func:`course_tools.course.instructor.sandbox.kernel_manager_class`
around :class:`~course_tools.course.instructor.limits.LimitedKernelManager`: memory limit, pid
file), sees and writes only ``job.run_dir``, with the network blocked and the output capped, a
per-cell time limit; the test cells never run in it, they are scored on the exported answers in a
clean child of the worker. ``result.json`` says which isolation the run got (``isolation``) and how
many processes the sandbox had to kill when the kernel stopped (``leftovers``).
"""
from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course_tools.course.build import CONFIG_NAME, SOURCE_DIR
from course_tools.course.instructor import limits as _limits
from course_tools.course.instructor.gradebook import COURSE_ID
from course_tools.course.instructor.limits import CAP_STARTUP, MAX_OUTPUT_BYTES, TRUNCATED_MARK
from course_tools.course.instructor.outcome import Limits
from course_tools.course.runner import OFFLINE_STARTUP

__all__ = ["Job", "run_job", "grade_in_scratch", "RESULT_FILE", "KERNEL_PID_FILE"]

RESULT_FILE = "result.json"
KERNEL_PID_FILE = "kernel.pid"
LOG_FILE = "grader.log"


@dataclass
class Job:
    """One submission to grade: who, where (``scratch``: its course folder; ``db``: its gradebook), limits.

    ``notes``: what the checks before grading found for the learner; ``timestamp``: when it was handed in;
    ``isolation``: the sandbox level (:func:`course_tools.course.instructor.sandbox.detect`);
    ``run_dir``: the kernel's working folder, the only one it may write (``<scratch>/run`` if None).
    """

    student: str
    assignment: str
    course_dir: Path
    scratch: Path
    db: Path
    limits: Limits
    notes: list[str] = field(default_factory=list)
    timestamp: Any = None
    isolation: str = "off"
    run_dir: Path | None = None
    #: the submission's notebooks as read before any learner code ran (``{relative path: bytes}``);
    #: the scratch copy is written from them (``grade._stage``), and checked against them afterwards
    original: dict[str, bytes] = field(default_factory=dict, repr=False)
    #: how many times the submission was staged (a copy changed while graded is graded once more)
    attempts: int = 0

    @property
    def result_path(self) -> Path:
        return self.scratch / RESULT_FILE

    @property
    def run_folder(self) -> Path:
        return self.run_dir if self.run_dir is not None else self.scratch / "run"

    @property
    def kernel_pid_file(self) -> Path:
        return self.scratch / KERNEL_PID_FILE

    def read_result(self) -> dict[str, Any] | None:
        """What the worker left in ``result.json`` (None when it left nothing)."""
        path = self.result_path
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def run_job(job: Job) -> None:
    """Grade one submission in ``job.scratch``; write ``result.json`` there. Runs in a forked child."""
    os.setsid()  # its own process group: the parent can stop it and everything it started
    fd = os.open(job.scratch / LOG_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    result: dict[str, Any] = {"failure": None, "failure_detail": ""}
    try:
        result.update(grade_in_scratch(job))
    except BaseException as err:  # noqa: BLE001 - everything must end in a result file
        import traceback

        traceback.print_exc()
        result["failure"] = type(err).__name__
        result["failure_detail"] = str(err)[:300]
    result["cpu_seconds"] = _cpu_seconds()
    tmp = job.scratch / (RESULT_FILE + ".tmp")
    tmp.write_text(json.dumps(result), encoding="utf-8")
    os.replace(tmp, job.result_path)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _cpu_seconds() -> dict[str, float]:
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"grader": round(own.ru_utime + own.ru_stime, 3), "kernel": round(kids.ru_utime + kids.ru_stime, 3)}


def _autograde_config(job: Job):
    """The course's nbgrader configuration, pointed at the scratch folder, with the grading limits."""
    from traitlets.config.loader import PyFileConfigLoader

    from course_tools.course.instructor import sandbox
    from course_tools.course.instructor.scoring import ORACLE_FILE

    cfg = PyFileConfigLoader(CONFIG_NAME, path=str(job.course_dir)).load_config()
    cfg.CourseDirectory.root = str(job.scratch)
    cfg.CourseDirectory.db_url = f"sqlite:///{job.db}"
    cfg.CourseDirectory.source_directory = str(job.course_dir / SOURCE_DIR)
    cfg.CourseDirectory.assignment_id = job.assignment
    cfg.CourseDirectory.student_id = job.student
    cfg.CourseDirectory.course_id = COURSE_ID
    ignore = list(cfg.CourseDirectory.ignore) if "ignore" in cfg.CourseDirectory else []
    cfg.CourseDirectory.ignore = [*ignore, ORACLE_FILE]  # never next to a submission, whatever the config says
    cfg.Autograde.force = True
    cfg.Autograde.create_student = True
    cfg.Execute.timeout = int(job.limits.cell_timeout)
    cfg.Execute.interrupt_on_timeout = True
    cfg.Execute.startup_timeout = int(max(10, min(60, job.limits.time_limit)))
    cfg.Execute.shutdown_kernel = "immediate"
    extra = list(cfg.Execute.extra_arguments) if "extra_arguments" in cfg.Execute else []
    cfg.Execute.extra_arguments = extra + [
        f"--IPKernelApp.exec_lines={[OFFLINE_STARTUP, CAP_STARTUP]!r}"]
    cfg.Execute.kernel_manager_class = sandbox.kernel_manager_class(base=_limits.LimitedKernelManager)
    cfg.LimitedKernelManager.memory_limit_mb = int(job.limits.memory_limit_mb)
    cfg.LimitedKernelManager.pid_file = str(job.kernel_pid_file)
    cfg.SandboxedKernelManager.sandbox_level = job.isolation
    cfg.SandboxedKernelManager.sandbox_course_dir = str(job.course_dir)
    cfg.SandboxedKernelManager.sandbox_writable = [str(job.run_folder)]
    cfg.IsolatedExecute.run_dir = str(job.run_folder)
    cfg.IsolatedExecute.source_dir = str(job.course_dir / SOURCE_DIR / job.assignment)
    cfg.CapOutputBytes.max_bytes = MAX_OUTPUT_BYTES
    cfg.Autograde.autograde_preprocessors = _preprocessors(cfg)
    return cfg


def _preprocessors(cfg) -> list:
    """nbgrader's autograde preprocessors with ``Execute`` replaced by ``IsolatedExecute`` and
    ``CapOutputBytes`` after ``LimitOutput``."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute, LimitOutput

    from course_tools.course.instructor.isolated import IsolatedExecute

    pps = (list(cfg.Autograde.autograde_preprocessors) if "autograde_preprocessors" in cfg.Autograde
           else list(Autograde.class_traits()["autograde_preprocessors"].default()))
    pps = [IsolatedExecute if p is Execute or str(p).endswith("preprocessors.Execute") else p for p in pps]
    at = [i for i, p in enumerate(pps) if p is LimitOutput or "LimitOutput" in str(p)]
    pps.insert(at[0] + 1 if at else len(pps), _limits.CapOutputBytes)
    return pps


def _logger(student: str) -> logging.Logger:
    logger = logging.getLogger(f"nichos.grade.{student}")
    logger.handlers[:] = [logging.StreamHandler(sys.stderr)]
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def _autograde(cfg, logger: logging.Logger) -> dict[str, str]:
    """Run nbgrader's ``Autograde``; ``{"name", "detail"}`` of the first failure ({} when none)."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

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
    return failure


def _read_grades(job: Job) -> dict[str, Any]:
    """Grades, comments and late penalties that nbgrader wrote to the worker's own gradebook."""
    from nbgrader.api import Gradebook

    out: dict[str, Any] = {"grades": {}, "comments": {}, "penalties": {}}
    with Gradebook(f"sqlite:///{job.db}", course_id=COURSE_ID) as gb:
        sub = gb.find_submission(job.assignment, job.student)
        for nb in sub.notebooks:
            out["penalties"][nb.name] = nb.late_submission_penalty
            for g in nb.grades:
                out["grades"][f"{nb.name}/{g.name}"] = [g.auto_score, g.needs_manual_grade]
            for c in nb.comments:
                out["comments"][f"{nb.name}/{c.name}"] = c.auto_comment
    return out


def _scan_outputs(autograded: Path) -> tuple[list[str], bool]:
    """The exception names in the autograded notebooks' outputs, and whether an output was cut."""
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
    return sorted(enames), truncated


def grade_in_scratch(job: Job) -> dict[str, Any]:
    """Autograde the submission copied into ``job.scratch``; what the parent needs to record it.

    Returns ``{"grades", "comments", "penalties", "errors", "truncated", "isolation", "leftovers"}``
    (plus ``"failure"`` and ``"failure_detail"`` when nbgrader raised): the grades from the worker's own
    gradebook, the exception names in the outputs (``CellTimeoutError``, ``MemoryError``,
    ``SystemExit``...), whether an output was cut, the isolation the kernel got and the processes the
    sandbox killed after it.
    """
    from course_tools.course.instructor import isolated

    job.run_folder.mkdir(parents=True, exist_ok=True)
    cfg = _autograde_config(job)
    # glibc reserves 64 MB of address space per thread for malloc arenas; the kernel has ~15
    # threads, which would count against RLIMIT_AS without using memory. Two arenas suffice.
    os.environ["MALLOC_ARENA_MAX"] = "2"
    failure = _autograde(cfg, _logger(job.student))
    out = _read_grades(job)
    out["errors"], out["truncated"] = _scan_outputs(job.scratch / "autograded" / job.student / job.assignment)
    levels = sorted({r["isolation"] for r in isolated.RUNS})
    out["isolation"] = levels[0] if len(levels) == 1 else ",".join(levels) or job.isolation
    out["leftovers"] = sum(r["leftovers"] for r in isolated.RUNS)
    if failure:
        out["failure"] = failure["name"]
        out["failure_detail"] = failure["detail"]
    return out
