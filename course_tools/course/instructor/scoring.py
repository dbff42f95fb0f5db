"""Scoring a learner's answers where no learner code ever ran (issue #18): :class:`Scorer`.

The learner's kernel only *exports* its answers as data (:mod:`.answers`); the locked cells of the
instructor's source notebook -- setup cells, visible checks and hidden tests -- run here, on those
answers decoded strictly, so nothing the learner wrote can rebind ``check``, patch a module or
hide a test.

* One :class:`Scorer` per source notebook is made **in the grading process, before the workers
  are forked** (:func:`prepare`): it reads the plan of the notebook (:func:`.answers.plan`), loads
  the exercise's oracle (``solutions/exNN/oracle.py``, the module ``oracle``; it is never copied
  next to a submission, so the learner's kernel cannot import it) and warms up
  (:meth:`Scorer.warm_up`: the parameters cell with the instructor's defaults, the setup cells and
  the test cells run once without answers, so imports, data loads and the oracle's caches are
  computed once for the whole class and shared by every forked worker).
* A worker scores its submission in a **child forked from itself** (:meth:`Scorer.score_in_fork`)
  in a fresh temporary working folder: the worker descends from the grading process and never runs
  learner code (the kernel is another process, in the sandbox), so the child is as clean as a new
  interpreter, without paying for the imports again. The child sends back one :class:`CellResult`
  per test cell (pass/fail, the exception, what the cell printed) and exits.
* :func:`score_in_clean_process` does the same in a new ``python -I`` process (no warm-up), for
  use outside the grader.

Every setup cell runs with the learner's answers it reads (``COUNTRY``...) bound; a name the
learner had not defined (:class:`.answers.Missing`) is left undefined, so a visible check says
"define ... first" exactly as in the notebook. The score of a test cell is its points when it
raises nothing, 0 otherwise (nbgrader's rule without its partial credit, which no exercise uses).
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from course_tools.course.build import ORACLE_FILE
from course_tools.course.instructor.answers import AnswersError, Missing, Unsupported, plan, read_answers
from course_tools.course.instructor.limits import MAX_OUTPUT_BYTES, cap_text
from course_tools.errors import NichosError
from course_tools.i18n import text

__all__ = ["ORACLE_FILE", "ORACLE_MODULE", "CellResult", "Scorer", "ScoringError", "load_oracle", "prepare",
           "scorer_for", "score", "score_in_clean_process"]

#: The module name an exercise's oracle (``solutions/exNN/oracle.py``, :data:`ORACLE_FILE`) has.
ORACLE_MODULE = "oracle"
_prepared: dict[str, Scorer] = {}


class ScoringError(NichosError, RuntimeError):
    """The scoring process failed (not a failing test: the scorer itself)."""


@dataclass
class CellResult:
    """The score of one test cell: ``passed``; ``message``: the exception (type and text, no
    source line) when it failed; ``missing``: the names the learner had not defined or that did
    not export; ``stdout``: what the cell printed (a visible check's ✓ line)."""

    grade_id: str
    points: float
    max_points: float
    passed: bool
    message: str = ""
    missing: list[str] = field(default_factory=list)
    stdout: str = ""
    ename: str = ""
    evalue: str = ""


def load_oracle(folder: str | Path) -> ModuleType | None:
    """The oracle module of the exercise in ``folder`` (``oracle.py``), or None when it has none.

    Compiled from its source and never cached as bytecode: grading writes nothing into the course's
    ``solutions/`` (an import would leave ``__pycache__/oracle.cpython-3XX.pyc`` there).
    """
    path = Path(folder) / ORACLE_FILE
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(ORACLE_MODULE, path)
    module = importlib.util.module_from_spec(spec)
    code = compile(path.read_bytes(), str(path), "exec")
    with _oracle_installed(module):
        exec(code, module.__dict__)  # the instructor's own oracle.py, run as an import would
    return module


@contextlib.contextmanager
def _oracle_installed(module: ModuleType | None) -> Iterator[None]:
    """``import oracle`` gives ``module`` inside the block (the hidden tests import it so)."""
    before = sys.modules.get(ORACLE_MODULE)
    if module is not None:
        sys.modules[ORACLE_MODULE] = module
    try:
        yield
    finally:
        if before is None:
            sys.modules.pop(ORACLE_MODULE, None)
        else:
            sys.modules[ORACLE_MODULE] = before


@contextlib.contextmanager
def _in_new_folder() -> Iterator[None]:
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="nichos-score-") as tmp:
        os.chdir(tmp)
        try:
            yield
        finally:
            os.chdir(here)


def _run(source: str, name: str, ns: dict[str, Any]) -> tuple[BaseException | None, str]:
    """Execute one cell in ``ns``: the exception it raised (None) and what it printed."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(source, f"<{name}>", "exec"), ns)
    except BaseException as err:  # noqa: BLE001 - a failing test is any exception
        return err, out.getvalue()
    return None, out.getvalue()


def _parameters_source(source_notebook: Path) -> str:
    """The cell tagged ``parameters`` of the source notebook (the instructor's defaults), or ''."""
    nb = json.loads(source_notebook.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            src = cell.get("source", "")
            return "".join(src) if isinstance(src, list) else src
    return ""


class Scorer:
    """The locked cells of one source notebook, ready to score answers (see the module docstring)."""

    def __init__(self, source_notebook: str | Path):
        self.source = Path(source_notebook).resolve()
        self.cells = plan(self.source)
        self.oracle = load_oracle(self.source.parent)
        self.parameters = _parameters_source(self.source)
        self.warm = False

    def warm_up(self) -> None:
        """Run the parameters, setup and test cells once without answers (errors ignored): the
        imports, the data loads and the oracle's caches are then done for every fork."""
        import gc

        with _oracle_installed(self.oracle), _in_new_folder():
            ns: dict[str, Any] = {"__name__": "__main__"}
            for i, source in enumerate([self.parameters, *(c.source for c in self.cells)]):
                _run(source, f"warm-up {i}", ns)
            ns.clear()
        gc.collect()  # what the cells opened (a DuckDB connection...) is closed before forking
        self.warm = True

    def score(self, answers_dir: str | Path) -> dict[str, CellResult]:
        """Run the locked cells on the answers in ``answers_dir``, in this process."""
        ns: dict[str, Any] = {"__name__": "__main__"}
        results: dict[str, CellResult] = {}
        with _oracle_installed(self.oracle):
            for cell in self.cells:
                missing = self._bind(cell, Path(answers_dir), ns)
                err, printed = _run(cell.source, cell.grade_id, ns)
                if cell.kind != "test":
                    continue
                message = "" if err is None else "".join(
                    traceback.format_exception_only(type(err), err)).strip()[:2000]
                results[cell.grade_id] = CellResult(
                    cell.grade_id, cell.points if err is None else 0.0, cell.points, err is None,
                    message, missing, cap_text(printed, MAX_OUTPUT_BYTES),
                    "" if err is None else type(err).__name__, "" if err is None else str(err)[:2000])
        return results

    @staticmethod
    def _bind(cell, answers_dir: Path, ns: dict[str, Any]) -> list[str]:
        """Bind the answers ``cell`` reads in ``ns``; the names missing or not exported."""
        if not cell.names:
            return []
        try:
            answers = read_answers(answers_dir / f"{cell.grade_id}.json")
        except AnswersError as err:
            answers = {n: Unsupported(str(err)) for n in cell.names}
        for name in cell.names:
            value = answers.get(name, Missing("not exported"))
            if isinstance(value, Missing):
                ns.pop(name, None)
            else:
                ns[name] = value
        return [n for n in cell.names if isinstance(answers.get(n, Missing("")), Unsupported)]

    def score_in_fork(self, answers_dir: str | Path) -> dict[str, CellResult]:
        """:meth:`score` in a child forked from this process, in a new working folder."""
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: score, send the results, leave without any clean-up of the parent's
            code = 1
            try:
                os.close(read_fd)
                with _in_new_folder():
                    data = json.dumps({g: asdict(r) for g, r in self.score(answers_dir).items()})
                with os.fdopen(write_fd, "wb") as out:
                    out.write(data.encode("utf-8"))
                code = 0
            except BaseException:  # noqa: BLE001 - the parent reports it
                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(write_fd)
        with os.fdopen(read_fd, "rb") as f:
            data = f.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            raise ScoringError(text("instructor.scoring.failed", code=os.waitstatus_to_exitcode(status)))
        return {g: CellResult(**r) for g, r in json.loads(data).items()}


def prepare(source_notebooks, warm: bool = True) -> list[Scorer]:
    """Make (and warm up) the scorers of ``source_notebooks`` in this process; the workers forked
    afterwards find them with :func:`scorer_for`."""
    out = []
    for path in source_notebooks:
        scorer = Scorer(path)
        if warm:
            scorer.warm_up()
        _prepared[str(scorer.source)] = scorer
        out.append(scorer)
    return out


def scorer_for(source_notebook: str | Path) -> Scorer:
    """The prepared scorer of ``source_notebook`` (made now, without warm-up, if there is none)."""
    key = str(Path(source_notebook).resolve())
    if key not in _prepared:
        _prepared[key] = Scorer(key)
    return _prepared[key]


def score(source_notebook: str | Path, answers_dir: str | Path) -> dict[str, CellResult]:
    """Score the answers in ``answers_dir`` against ``source_notebook`` in this process."""
    return Scorer(source_notebook).score(answers_dir)


def score_in_clean_process(source_notebook: str | Path, answers_dir: str | Path,
                           timeout: float = 300) -> dict[str, CellResult]:
    """:func:`score` in a new ``python -I`` process started in an empty temporary folder."""
    with tempfile.TemporaryDirectory(prefix="nichos-score-") as tmp:
        out = Path(tmp) / "scores.json"
        env = {k: v for k, v in os.environ.items()
               if k in ("PATH", "HOME", "LANG", "LC_ALL", "NICHOS_DATASETS", "NICHOS_LANG", "TZ")}
        done = subprocess.run([sys.executable, "-I", "-m", __name__, str(Path(source_notebook)
                               .resolve()), str(Path(answers_dir).resolve()), str(out)],
                              cwd=tmp, env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not out.is_file():
            raise ScoringError(text("instructor.scoring.failed", code=done.returncode)
                               + f"\n{done.stderr.strip()[-1500:]}")
        return {gid: CellResult(**r) for gid, r in json.loads(out.read_text()).items()}


def main(argv: list[str]) -> int:
    source, answers_dir, out = argv[1:4]
    results = score(source, answers_dir)
    Path(out).write_text(json.dumps({g: asdict(r) for g, r in results.items()}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
