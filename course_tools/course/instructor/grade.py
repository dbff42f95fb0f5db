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
   cost per student), at most ``workers`` at a time. Just before a worker starts, the parent writes its
   submission into a scratch course folder, from the notebooks it read during the checks, before any
   learner code ran (the originals in ``submitted/`` are only read), with a snapshot of the main
   gradebook as the worker's **own SQLite database**; the worker runs nbgrader's ``Autograde`` there:
   sanitise (nbgrader restores locked and test cells from the gradebook), execute, save the grades. A
   scratch copy found changed after its grading (code of another submission reached it: only below
   bubblewrap) is graded again, alone, once the others are done.
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
   :class:`~course_tools.course.instructor.limits.CapOutputBytes` then keeps at most 100 kB of text
   per cell.
5. **Isolation** (issue #18). The level is chosen once, before the workers are forked
   (:func:`course_tools.course.instructor.sandbox.detect`: ``isolation``, else ``$NICHOS_SANDBOX``,
   else the strongest this machine has, with a warning below bubblewrap). Each kernel runs in a
   :class:`~course_tools.course.instructor.sandbox.Sandbox` whose only writable folder is the job's
   *run folder* (``<work>/runs/<random>/``): with bubblewrap it sees nothing else of the grading
   (not ``solutions/``, the gradebook, ``submitted/``, the other jobs, the grader's home), has no
   network and no process outlives it. The test cells never run in it: they are scored on the
   exported answers in a clean child of the worker
   (:class:`~course_tools.course.instructor.isolated.IsolatedExecute`,
   :mod:`~course_tools.course.instructor.scoring`), whose :class:`Scorer` is prepared and warmed up
   here, once per class. Each outcome says which isolation its run got (``isolation``) and how many
   processes the sandbox had to kill after it (``leftovers``).

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
(``/tmp/nichos-grade-*/jobs/<student>/``, with ``grader.log`` and ``result.json``) are kept. When the
grader runs as root, ``jobs/`` is readable by root only and ``runs/`` cannot be listed, so the code of
one submission (then running as a user id of its own) reaches neither another job nor another run.

The parts, one module each in :mod:`course_tools.course.instructor`: ``submissions`` (the folders,
the checks before grading), ``gradebook`` (the assignment in the main gradebook, snapshots),
``limits`` (output caps, the kernel with a memory limit), ``worker`` (grade one submission in its
scratch folder: :func:`~course_tools.course.instructor.worker.grade_in_scratch`), ``writer`` (the one
writer of the gradebook, ``autograded/`` and the log), ``outcome`` (statuses and messages); this
module schedules them.
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from course_tools.course.build import CONFIG_NAME, SOURCE_DIR
from course_tools.course.instructor import isolated, limits, sandbox, scoring
from course_tools.course.instructor.gradebook import ensure_assignment, other_assignments, snapshot
from course_tools.course.instructor.outcome import STATUSES, Limits, Outcome, classify, message
from course_tools.course.instructor.submissions import Structure, list_students, precheck, submission_timestamp
from course_tools.course.instructor.worker import Job, run_job
from course_tools.course.instructor.writer import GRADING_FILE, GRADING_LOG_DIR, GradebookWriter, read_grading_log
from course_tools.i18n import text
from course_tools.paths import ROOT

__all__ = ["Outcome", "STATUSES", "grade_submissions", "read_grading_log", "GRADING_LOG_DIR", "GRADING_FILE"]

# Imported once in the parent before the workers are forked, so no worker pays for it.
_PRELOAD = ("nbgrader.converters", "nbgrader.preprocessors", "nbgrader.api", "nbconvert.exporters",
            "nbclient", "jupyter_client.manager", "traitlets.config.loader")


def grade_submissions(
    assignment: str,
    *,
    course_dir: Path = ROOT,
    students: Iterable[str] | None = None,
    workers: int = 2,
    time_limit: float = 300,
    memory_limit_mb: int = 1024,
    progress: bool = True,
    isolation: str | None = None,
) -> list[Outcome]:
    """Autograde ``course_dir/submitted/*/<assignment>/`` in parallel; one :class:`Outcome` each.

    Grades go to ``course_dir/gradebook.db`` and notebooks to ``autograded/<student>/<assignment>/``
    as ``nbgrader autograde --force`` would write them; ``submitted/`` is only read. ``students``
    limits the run to some student ids. ``workers``: submissions graded at the same time (one per
    core). ``time_limit``: seconds allowed per submission (each cell gets
    ``min(course Execute.timeout, time_limit / 2)``). ``memory_limit_mb``: address-space limit of
    the kernel. ``isolation``: ``auto`` (the default, also ``$NICHOS_SANDBOX``), ``bubblewrap``,
    ``pid-namespace``, ``process-group`` or ``off`` (:mod:`course_tools.course.instructor.sandbox`);
    a level that does not work here raises :class:`~course_tools.course.instructor.sandbox.SandboxUnavailable`.
    Outcomes are returned sorted by student, and logged in ``grading_log/<assignment>.json`` and
    ``autograded/<student>/<assignment>/GRADING.txt``.
    """
    from tqdm.auto import tqdm

    course_dir = Path(course_dir).resolve()
    _check_arguments(course_dir, assignment, workers, time_limit, memory_limit_mb)
    todo = list_students(course_dir, assignment, students)
    if not todo:
        return []
    level = str(sandbox.detect(isolation))  # once, before any worker is forked
    if level != str(sandbox.Isolation.BUBBLEWRAP):
        logging.getLogger(sandbox.__name__).warning(sandbox.warning(level))
    bar = tqdm(total=len(todo), desc=text("language.grading_progress", assignment=assignment),
               unit=text("language.grading_unit"), disable=not progress)
    outcomes: list[Outcome] = []
    try:
        with _scratch_folders() as (work, dbdir):
            notebooks = ensure_assignment(course_dir, assignment, work)
            scoring.prepare(course_dir / SOURCE_DIR / assignment / f"{nb}.ipynb" for nb in sorted(notebooks))
            others = other_assignments(course_dir, assignment)
            seed = dbdir / "seed.db"
            snapshot(course_dir / "gradebook.db", seed)
            cell_timeout = max(1, int(min(_course_cell_timeout(course_dir), time_limit / 2)))
            lim = Limits(time_limit=time_limit, cell_timeout=cell_timeout, memory_limit_mb=int(memory_limit_mb))
            with _writer(course_dir, assignment) as writer:
                queue: list[Job] = []
                for student in todo:
                    job = Job(student, assignment, course_dir, work / "jobs" / student,
                              dbdir / f"{student}.db", lim, isolation=level)
                    done = _prepare(job, notebooks, others, writer)
                    if done is None:
                        queue.append(job)
                    else:
                        outcomes.append(done)
                        bar.update(1)
                _run_queue(queue, int(workers), writer, outcomes, bar, seed)
    finally:
        bar.close()
    return sorted(outcomes, key=lambda o: o.student)


def _check_arguments(course_dir: Path, assignment: str, workers: int, time_limit: float,
                     memory_limit_mb: int) -> None:
    if not (course_dir / CONFIG_NAME).is_file():
        raise FileNotFoundError(text("grading.grade.no_config", path=course_dir / CONFIG_NAME))
    if not (course_dir / SOURCE_DIR / assignment).is_dir():
        have = sorted(p.name for p in (course_dir / SOURCE_DIR).glob("*") if p.is_dir())
        raise ValueError(text("grading.grade.unknown_assignment", assignment=assignment,
                              course_dir=course_dir, have=have))
    if int(workers) < 1:
        raise ValueError(text("grading.grade.workers", workers=workers))
    if not time_limit or time_limit <= 0:
        raise ValueError(text("grading.grade.time_limit", time_limit=time_limit))
    if int(memory_limit_mb) < 256:
        raise ValueError(text("grading.grade.memory_limit", memory_limit_mb=memory_limit_mb))


@contextmanager
def _scratch_folders() -> Iterator[tuple[Path, Path]]:
    """``(work, dbdir)``: the scratch course folders (``work/jobs/``), the kernels' run folders
    (``work/runs/``) and the workers' gradebooks (in memory when ``/dev/shm`` is there). Removed
    afterwards, unless ``NICHOS_KEEP_GRADING_WORK`` is set (then ``work`` is kept for debugging)."""
    work = Path(tempfile.mkdtemp(prefix="nichos-grade-"))
    (work / "jobs").mkdir(mode=0o700)
    (work / "runs").mkdir()
    if os.geteuid() == 0:  # a run's own user may reach its run folder, and nothing else here
        work.chmod(0o711)
        (work / "runs").chmod(0o711)
    shm = Path("/dev/shm")
    dbdir = Path(tempfile.mkdtemp(prefix="nichos-grade-db-", dir=shm)) if shm.is_dir() \
        and os.access(shm, os.W_OK) else work
    try:
        yield work, dbdir
    finally:
        if not os.environ.get("NICHOS_KEEP_GRADING_WORK"):
            shutil.rmtree(work, ignore_errors=True)
        if dbdir != work:
            shutil.rmtree(dbdir, ignore_errors=True)


@contextmanager
def _writer(course_dir: Path, assignment: str) -> Iterator[GradebookWriter]:
    writer = GradebookWriter(course_dir, assignment)
    try:
        yield writer
    finally:
        writer.close()


def _message_for(status: str, fields: dict[str, str], notes: list[str], lim: Limits
                 ) -> Callable[[float, float], str]:
    """The learner's message once the score is known: the status's message, then the notes."""
    def message_for(score: float, max_score: float) -> str:
        main = message(status, score=score, max_score=max_score, **fields, **lim.fields())
        return " ".join([main, *notes])
    return message_for


def _prepare(job: Job, notebooks: Structure, others: dict[str, str], writer: GradebookWriter
             ) -> Outcome | None:
    """Check one submission before grading: its final :class:`Outcome` when it cannot be graded, else
    None after reading its notebooks into ``job.original`` (before any learner code runs)."""
    folder = job.course_dir / "submitted" / job.student / job.assignment
    t0 = time.perf_counter()
    job.timestamp = submission_timestamp(folder)
    status, fields, job.notes = precheck(folder, notebooks, others)
    if status is not None:
        return writer.record(job.student, status, None, job.timestamp,
                             _message_for(status, fields, [], job.limits), time.perf_counter() - t0, None)
    job.original = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.ipynb"))
                    if p.is_file() and not _linked_or_checkpoint(folder, p)}
    return None


def _linked_or_checkpoint(folder: Path, path: Path) -> bool:
    rel = path.relative_to(folder)
    return ".ipynb_checkpoints" in rel.parts or any(
        (folder / Path(*rel.parts[:i + 1])).is_symlink() for i in range(len(rel.parts)))


def _stage(job: Job, seed: Path, runs: Path) -> None:
    """Just before its worker starts, write the submission into a fresh scratch folder.

    The notebooks come from ``job.original`` (read before any learner code ran), never from the course
    folder or a scratch copy: at the fallback isolation levels the code of a submission graded earlier
    or at the same time runs as the grading user and may have rewritten both. Other files are copied
    from ``submitted/``. Nothing of a submission is staged before its turn, so a run finds no queued
    classmate's copy; a copy changed while graded is caught by :func:`_tampered`."""
    folder = job.course_dir / "submitted" / job.student / job.assignment
    dest = job.scratch / "submitted" / job.student / job.assignment
    shutil.rmtree(job.scratch, ignore_errors=True)
    shutil.copytree(folder, dest, ignore=_not_copied)
    for rel, data in job.original.items():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_bytes(data)
    shutil.copyfile(seed, job.db)
    job.run_dir = Path(tempfile.mkdtemp(prefix="", dir=runs))
    job.attempts += 1


def _tampered(job: Job) -> bool:
    """Whether the scratch copy of the submission differs, after grading, from what was staged (code
    graded at the same time reached it: possible only below bubblewrap)."""
    dest = job.scratch / "submitted" / job.student / job.assignment
    for rel, data in job.original.items():
        try:
            if (dest / rel).read_bytes() != data:
                return True
        except OSError:
            return True
    return False


def _not_copied(folder: str, names: list[str]) -> list[str]:
    """Checkpoints and links are not copied from a submission (a link could point anywhere)."""
    return [n for n in names if n == ".ipynb_checkpoints" or n.endswith(".ipynb")
            or os.path.islink(os.path.join(folder, n))]


def _run_queue(queue: list[Job], workers: int, writer: GradebookWriter, outcomes: list[Outcome], bar,
               seed: Path, retry: bool = True) -> None:
    """Grade the queued jobs, at most ``workers`` at a time, each stopped at its time limit; record each.

    A job whose scratch copy was changed while it was graded (:func:`_tampered`: possible only below
    bubblewrap) is graded once more when the others are done, staged afresh and alone (one at a time, so
    no other submission's code runs meanwhile), and recorded from that run."""
    ctx = _fork_context()
    running: dict[str, tuple[Any, float, Job]] = {}
    again: list[Job] = []
    try:
        while queue or running:
            while queue and len(running) < workers:
                job = queue.pop(0)
                _stage(job, seed, job.scratch.parent.parent / "runs")
                proc = ctx.Process(target=run_job, args=(job,), name=f"grade-{job.student}")
                proc.start()
                running[job.student] = (proc, time.monotonic(), job)
            multiprocessing.connection.wait([p.sentinel for p, _, _ in running.values()], timeout=0.2)
            now = time.monotonic()
            for student, (proc, started, job) in list(running.items()):
                overdue = now - started > job.limits.time_limit
                if proc.is_alive() and not overdue:
                    continue
                if overdue and proc.is_alive():
                    _stop(proc, job)
                proc.join(5)
                del running[student]
                if retry and _tampered(job):
                    logging.getLogger(sandbox.__name__).warning(text("grading.grade.regraded", student=student))
                    again.append(job)
                    continue
                outcomes.append(_finish(writer, job, proc, overdue, now - started))
                bar.update(1)
    finally:
        for proc, _, job in running.values():
            _stop(proc, job)
    if again:
        _run_queue(again, 1, writer, outcomes, bar, seed, retry=False)


def _finish(writer: GradebookWriter, job: Job, proc, overdue: bool, seconds: float) -> Outcome:
    """Record what a worker left (or did not leave) for its submission."""
    result = job.read_result()
    status, fields, graded, notes = classify(result, overdue=overdue, exitcode=proc.exitcode)
    notes = [*job.notes, *notes] if graded else []
    ran = {"isolation": (result or {}).get("isolation") or job.isolation,
           "leftovers": int((result or {}).get("leftovers") or 0)}
    return writer.record(job.student, status, result if graded else None, job.timestamp,
                         _message_for(status, fields, notes, job.limits), seconds, job.scratch, **ran)


def _fork_context():
    """Workers are forked from this process (Linux): the imports above are done once, and the
    caller's main script is never imported again (as ``spawn``/``forkserver`` would do)."""
    import importlib

    if "fork" not in multiprocessing.get_all_start_methods():
        raise RuntimeError(text("grading.grade.no_fork"))
    for name in _PRELOAD:
        importlib.import_module(name)
    limits.build_classes()
    isolated.build_classes()
    sandbox.kernel_manager_class(base=limits.LimitedKernelManager)
    return multiprocessing.get_context("fork")


def _course_cell_timeout(course_dir: Path) -> float:
    from traitlets.config.loader import PyFileConfigLoader

    cfg = PyFileConfigLoader(CONFIG_NAME, path=str(course_dir)).load_config()
    value = cfg.Execute.timeout if "timeout" in cfg.Execute else 30  # 30: nbgrader's default
    return float(value) if value else float("inf")


def _kill_group(pid: int) -> None:
    for fn in (os.killpg, os.kill):
        try:
            fn(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _stop(proc, job: Job) -> None:
    """Kill a worker, its process group and its kernel's process group."""
    if job.kernel_pid_file.is_file():
        try:
            _kill_group(int(job.kernel_pid_file.read_text().strip()))
        except ValueError:
            pass
    if proc.pid is not None:
        _kill_group(proc.pid)
    proc.join(5)
