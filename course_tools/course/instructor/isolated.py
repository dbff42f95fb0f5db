"""nbgrader's ``Execute`` with the learner's kernel in the sandbox and the tests scored outside it.

:class:`IsolatedExecute` takes the place of nbgrader's ``Execute`` preprocessor in the worker's
``Autograde`` (:mod:`.worker`); everything else of nbgrader is unchanged (sanitising, the
gradebook, ``SaveAutoGrades``, the autograded notebook the formgrader shows, the feedback). For
each notebook it:

1. copies the submission's other files (never a notebook, never a link) into the job's **run
   folder**, the only folder the kernel may write (and, with bubblewrap, the only one of the
   grading it sees): the sanitised notebook next to them holds the hidden tests, and the worker's
   own files (``result.json``, ``kernel.pid``) must stay out of the learner's reach;
2. rewrites the test cells into answer exports (:func:`.answers.to_kernel`), so no test runs in
   the learner's kernel and none is sent to it;
3. runs the notebook in the kernel that ``Execute.kernel_manager_class`` starts (the worker sets
   :func:`.sandbox.kernel_manager_class` around grade.py's memory-limited kernel) with the run
   folder as its working folder, then puts the instructor's cells back (:func:`.answers.restore`);
4. scores the exported answers in a child of the worker (:meth:`.scoring.Scorer.score_in_fork`)
   and writes each test cell's outputs from that score: what the cell printed, and an error
   output when it failed, which is what ``SaveAutoGrades`` reads (nbgrader gives a code grade
   cell its points unless an output is an error). The feedback preprocessor
   (:class:`course_tools.course.grading.HideHiddenTests`) then hides the hidden ones as before.

What each run got (isolation level, processes the sandbox's sweep had to kill) is appended to
:data:`RUNS`, which the worker reports in ``result.json``.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from course_tools.course.instructor.lazy import lazy_classes

__all__ = ["RUNS", "ANSWERS_DIR", "build_classes", "stage_files", "apply_results"]  # + IsolatedExecute, built on use

#: Sub-folder of the run folder where the kernel writes its answers (one folder per notebook).
ANSWERS_DIR = "answers"
#: ``[{"notebook", "isolation", "leftovers"}]`` of every execution in this process (one worker).
RUNS: list[dict[str, Any]] = []


def stage_files(src: Path, dest: Path) -> None:
    """Copy the regular files of ``src`` (recursively) into ``dest``: no notebook, no link."""
    for folder, dirs, files in os.walk(src, followlinks=False):
        rel = Path(folder).relative_to(src)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))
                   and d != ".ipynb_checkpoints"]
        for name in files:
            path = Path(folder) / name
            if name.endswith(".ipynb") or path.is_symlink() or not path.is_file():
                continue
            target = dest / rel / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target, follow_symlinks=False)


def apply_results(nb, cells, results) -> None:
    """Give each test cell of ``nb`` the outputs of its score: what it printed, and an error when
    it failed (a test cell the scorer did not see keeps no output and counts as passed by nbgrader,
    so it gets an error too)."""
    import nbformat

    tests = {c.grade_id for c in cells if c.kind == "test"}
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if cell.cell_type != "code" or gid not in tests:
            continue
        cell.outputs = []
        r = results.get(gid)
        if r is not None and r.stdout:
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=r.stdout))
        if r is None or not r.passed:
            ename, evalue = (r.ename, r.evalue) if r is not None else ("ScoringError", "not scored")
            message = r.message if r is not None else f"{ename}: {evalue}"
            cell.outputs.append(nbformat.v4.new_output(
                "error", ename=ename or "Error", evalue=evalue, traceback=message.splitlines() or [ename]))


def _make_class():
    from nbgrader.preprocessors import Execute
    from traitlets import Unicode

    from course_tools.course.instructor import answers, scoring

    class IsolatedExecute(Execute):
        """``Execute`` in the sandbox, with the tests scored in a clean child (module docstring)."""

        run_dir = Unicode("", help="the only folder the kernel writes (its working folder)").tag(config=True)
        source_dir = Unicode("", help="the assignment's folder of source notebooks").tag(config=True)

        _nichos_km = None

        def create_kernel_manager(self):
            self._nichos_km = super().create_kernel_manager()
            return self._nichos_km

        def preprocess(self, nb, resources, km=None):
            notebook = resources["nbgrader"]["notebook"]
            scorer = scoring.scorer_for(Path(self.source_dir) / f"{notebook}.ipynb")
            run = Path(self.run_dir)
            meta = resources.setdefault("metadata", {})
            before = meta.get("path")
            if before:
                stage_files(Path(before), run)
            out = run / ANSWERS_DIR / notebook
            out.mkdir(parents=True, exist_ok=True)
            originals = answers.to_kernel(nb, scorer.cells, out)
            meta["path"] = str(run)
            try:
                nb, resources = super().preprocess(nb, resources, km)
            finally:
                meta["path"] = before
                answers.restore(nb, originals)
                self._record(notebook)
            apply_results(nb, scorer.cells, scorer.score_in_fork(out))
            return nb, resources

        def _record(self, notebook: str) -> None:
            km = self._nichos_km
            RUNS.append({"notebook": notebook, "isolation": getattr(km, "isolation", None) or "off",
                         "leftovers": int(getattr(km, "sandbox_leftovers", 0) or 0)})

    return IsolatedExecute


# built on first use (nbgrader is imported then)
__getattr__ = lazy_classes(__name__, {"IsolatedExecute": _make_class})


def build_classes() -> None:
    """Build :class:`IsolatedExecute` now (before forking the workers)."""
    if "IsolatedExecute" not in globals():
        __getattr__("IsolatedExecute")
