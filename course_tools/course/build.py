"""Build the learners' exercises from the solutions with nbgrader 0.9, and run nbgrader itself.

* :func:`build_exercises` regenerates ``exercises/exNN/`` from ``solutions/exNN/`` with
  ``nbgrader generate_assignment --force`` run in a temporary copy of the course (the repo's
  gradebook is never touched), then normalises the notebooks (:func:`normalise_notebook`) so a
  second run changes nothing.
* :func:`run_nbgrader` runs one ``nbgrader`` command in a course folder and raises
  :class:`GradingError` with the end of its log when it fails; :func:`new_course` makes the
  throw-away course folder it runs in.

Every subprocess uses the repository's own ``nbgrader_config.py``, copied into the temporary
course folder (its paths are relative to the file, so the copy points at the copy).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import nbformat

from course_tools.course import CourseInputError
from course_tools.errors import NichosError
from course_tools.i18n import text
from course_tools.paths import ROOT

__all__ = ["CONFIG_NAME", "SOURCE_DIR", "RELEASE_DIR", "ORACLE_FILE", "GradingError", "list_assignments",
           "check_assignments", "pick", "run_nbgrader", "new_course", "normalise_notebook", "build_exercises"]

CONFIG_NAME = "nbgrader_config.py"
SOURCE_DIR, RELEASE_DIR = "solutions", "exercises"
#: An exercise's hidden-test oracle, next to its source notebook: never released, never next to a submission.
ORACLE_FILE = "oracle.py"
NB_VERSION = 4
# Notebook-level metadata kept in released notebooks; anything else is run-specific.
_KEEP_NB_METADATA = ("kernelspec", "language_info")


class GradingError(NichosError, RuntimeError):
    """nbgrader failed; the message holds the command and the end of its log."""


def list_assignments(course_root: Path = ROOT) -> list[str]:
    """The assignments in ``solutions/`` (folders holding at least one notebook), sorted."""
    src = Path(course_root) / SOURCE_DIR
    if not src.is_dir():
        return []
    return sorted(p.name for p in src.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def pick(wanted: str | Iterable[str] | None, available: list[str],
         unknown_error: Callable[[list[str]], Exception]) -> list[str]:
    """The ``wanted`` ids in their order, each once (one string is one id; None: all of ``available``);
    ``unknown_error(unknown ids)`` is raised when some are not in ``available``."""
    if wanted is None:
        return available
    ids = list(dict.fromkeys([wanted] if isinstance(wanted, str) else wanted))
    known = set(available)
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise unknown_error(unknown)
    return ids


def check_assignments(assignments: Iterable[str] | None, course_root: Path) -> list[str]:
    """``assignments`` without repeats (all of :func:`list_assignments` for None); :class:`CourseInputError` (a
    ``ValueError``) for an unknown one."""
    available = list_assignments(course_root)
    return pick(assignments, available, lambda unknown: CourseInputError(text(
        "course_msg.build.unknown_assignments", unknown=unknown, folder=Path(course_root) / SOURCE_DIR,
        available=available)))


def run_nbgrader(args: list[str], course_dir: Path, pythonpath: list[Path] | None = None) -> str:
    """Run ``python -m nbgrader <args>`` in ``course_dir``; raise GradingError if it fails.

    ``pythonpath``: folders put first on the ``PYTHONPATH`` of nbgrader and of the kernels it starts
    (the exercise's folder, so that hidden tests run in the kernel can ``import oracle``)."""
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course_dir}"]
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join([*map(str, pythonpath), *filter(None, [env.get("PYTHONPATH")])])
    # nbgrader calls the `alembic` command of its own environment: put that environment first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    proc = subprocess.run(cmd, cwd=course_dir, env=env, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:  # nbgrader exits 1 when any notebook could not be processed
        tail = "\n".join(log.strip().splitlines()[-30:])
        raise GradingError(text("course_msg.build.nbgrader_failed", args=" ".join(args), code=proc.returncode,
                                tail=tail))
    return log


def new_course(course_root: Path, assignments: list[str], workdir: Path) -> Path:
    """A throw-away course folder: the repo's nbgrader config plus a copy of the sources."""
    course_root = Path(course_root)
    cfg = course_root / CONFIG_NAME
    if not cfg.is_file():
        raise FileNotFoundError(text("course_msg.build.no_config", cfg=cfg))
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copy2(cfg, workdir / CONFIG_NAME)
    for a in assignments:
        shutil.copytree(course_root / SOURCE_DIR / a, workdir / SOURCE_DIR / a,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc"))
    return workdir


def normalise_notebook(path: Path) -> bytes:
    """Canonical bytes of a released notebook: outputs cleared, run metadata stripped, stable ids.

    Keeps the cells' nbgrader metadata and checksums (needed to grade) and the kernelspec.
    """
    nb = nbformat.read(path, as_version=NB_VERSION)
    nb.metadata = nbformat.NotebookNode({k: nb.metadata[k] for k in _KEEP_NB_METADATA if k in nb.metadata})
    for n, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        if "id" not in cell or not cell.get("id"):
            cell["id"] = f"cell-{n:03d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.validate(nb)
    return (nbformat.writes(nb, version=NB_VERSION) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# build

def build_exercises(
    assignments: Iterable[str] | None = None,
    course_root: Path = ROOT,
    output_dir: Path | None = None,
) -> list[Path]:
    """Regenerate the learners' notebooks ``exercises/<a>/`` from ``solutions/<a>/``.

    ``assignments``: ids such as ``["ex00"]`` (default: every folder of ``solutions/``).
    ``output_dir``: where to write (default ``<course_root>/exercises``; the tests use a temporary
    folder). Runs ``nbgrader generate_assignment <a> --force`` in a temporary copy of the course,
    normalises the result and replaces ``<output_dir>/<a>/`` with it; files are rewritten only when
    their bytes change, so a second run changes nothing. Returns the generated notebook paths.
    """
    course_root = Path(course_root).resolve()
    output_dir = Path(output_dir) if output_dir is not None else course_root / RELEASE_DIR
    todo = check_assignments(assignments, course_root)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="nichos-build-") as tmp:
        course = new_course(course_root, todo, Path(tmp))
        for a in todo:
            run_nbgrader(["generate_assignment", a, "--force"], course)
            released = course / RELEASE_DIR / a
            target = output_dir / a
            target.mkdir(parents=True, exist_ok=True)
            fresh = {p.relative_to(released): p for p in sorted(released.rglob("*"))
                     if p.is_file() and p.name != ORACLE_FILE}  # whatever nbgrader_config.py says
            for old in sorted(target.rglob("*"), reverse=True):  # stale files of an older build
                rel = old.relative_to(target)
                if old.is_file() and rel not in fresh:
                    old.unlink()
                elif old.is_dir() and not any(old.iterdir()):
                    old.rmdir()
            for rel, src in fresh.items():
                data = normalise_notebook(src) if src.suffix == ".ipynb" else src.read_bytes()
                dest = target / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                if not dest.exists() or dest.read_bytes() != data:
                    dest.write_bytes(data)
                if dest.suffix == ".ipynb":
                    written.append(dest)
    return written
