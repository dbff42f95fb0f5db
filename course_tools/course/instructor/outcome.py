"""What happened to one submission: its :class:`Outcome`, the :data:`STATUSES`, and the learner's message.

A submission whose notebook ran to the end keeps the score nbgrader gives (``graded``, or
``timeout``/``memory_limit`` when a cell was stopped and the other cells were graded); one that
could not be graded scores 0 of the maximum. :func:`classify` reads what a grading worker left
(``result.json``) and says which status it is; :func:`message` and :func:`note` write what the
learner reads, in English then Spanish (the ``instructor.grade.*`` texts of the catalogue).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from course_tools import i18n

__all__ = ["STATUSES", "Outcome", "Limits", "bilingual", "message", "note", "classify"]

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
#: Statuses whose autograded notebook is kept (the notebook ran, at least in part).
RAN = ("graded", "timeout", "memory_limit")


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment.

    ``cells``: ``{grade_id: (score, max_score)}`` as recorded in the gradebook; ``message``: for
    the learner, English / Spanish; ``seconds``: wall-clock time spent grading it; ``isolation``:
    the sandbox level its code ran with ("" when it never ran: no notebook, invalid JSON...);
    ``leftovers``: processes still alive when its kernel stopped, killed by the sandbox.
    """

    student: str
    assignment: str
    status: str
    score: float
    max_score: float
    cells: dict[str, tuple[float, float]] = field(default_factory=dict)
    message: str = ""
    seconds: float = 0.0
    isolation: str = ""
    leftovers: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["cells"] = {k: list(v) for k, v in self.cells.items()}
        return d

    def __str__(self) -> str:
        return f"{self.student}/{self.assignment}: {self.status} {self.score:g}/{self.max_score:g}"


@dataclass(frozen=True)
class Limits:
    """The limits of one grading run: seconds per submission, seconds per cell, memory of the kernel (MB)."""

    time_limit: float
    cell_timeout: int
    memory_limit_mb: int

    def fields(self) -> dict[str, Any]:
        """The limits as keyword arguments of :func:`message`."""
        return dataclasses.asdict(self)


# --------------------------------------------------------------------------------------------
# messages (English / Spanish)

def bilingual(key: str, **values: Any) -> str:
    """The catalogue text ``instructor.grade.<key>`` in English, then in Spanish: ``"English. / Español."``.

    A value given as ``{"en": ..., "es": ...}`` fills its field with the text of each language.
    """
    return " / ".join(
        i18n.text(f"instructor.grade.{key}", lang,
                  **{k: v[lang] if isinstance(v, dict) else v for k, v in values.items()})
        for lang in ("en", "es"))


def note(key: str, **values: Any) -> str:
    """A note added to a learner's message (``system_exit``, ``keyboard_interrupt``, ``truncated``,
    ``deleted``, ``edited``, ``ignored``), English then Spanish."""
    return bilingual(f"note_{key}", **values)


def message(status: str, *, score: float, max_score: float, expected: str = "", found: str = "",
            reason: str = "", other: str = "", time_limit: float = 0, cell_timeout: float = 0,
            memory_limit_mb: int = 0, detail: str = "") -> str:
    """The learner's message for ``status`` (``found="cell"``: one cell was stopped, the others graded)."""
    s, m = f"{score:g}", f"{max_score:g}"
    if status == "graded":
        return bilingual("graded", score=s, max_score=m)
    if status == "timeout" and found == "cell":
        return bilingual("timeout_cell", cell_timeout=f"{cell_timeout:g}", score=s, max_score=m)
    if status == "timeout":
        return bilingual("timeout", time_limit=f"{time_limit:g}", max_score=m)
    if status == "memory_limit" and found == "cell":
        return bilingual("memory_limit_cell", memory_limit_mb=memory_limit_mb, score=s, max_score=m)
    if status == "kernel_died":
        return bilingual("kernel_died", memory_limit_mb=memory_limit_mb, max_score=m)
    if status == "invalid_notebook":
        return bilingual("invalid_notebook", expected=expected, reason=reason, max_score=m)
    if status == "no_notebook":
        what = {lang: i18n.text("instructor.grade.folder_held" if found else "instructor.grade.folder_empty",
                                lang, found=found) for lang in ("en", "es")}
        return bilingual("no_notebook", expected=expected, what=what, max_score=m)
    if status == "wrong_assignment":
        return bilingual("wrong_assignment", found=found, other=other, expected=expected, max_score=m)
    return bilingual("error", detail=detail, max_score=m)


# --------------------------------------------------------------------------------------------
# what a worker left: its status

_TIMEOUTS = ("UnresponsiveKernelError", "CellTimeoutError", "TimeoutError")


def _failed(result: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The status of a worker whose nbgrader run raised (``result["failure"]``)."""
    name = result["failure"]
    if name in ("DeadKernelError",) or "DeadKernel" in result.get("failure_detail", ""):
        return "kernel_died", {}
    if name in _TIMEOUTS:
        return "timeout", {}
    return "error", {"detail": name}


def _ran(result: dict[str, Any]) -> tuple[str, dict[str, str], list[str]]:
    """The status of a notebook that nbgrader graded, and the notes its outputs call for."""
    errors = set(result.get("errors", []))
    if "CellTimeoutError" in errors:
        status, fields = "timeout", {"found": "cell"}
    elif "MemoryError" in errors:
        status, fields = "memory_limit", {"found": "cell"}
    else:
        status, fields = "graded", {}
    notes = [note(key) for ename, key in (("SystemExit", "system_exit"), ("KeyboardInterrupt", "keyboard_interrupt"))
             if ename in errors]
    if result.get("truncated"):
        notes.append(note("truncated"))
    return status, fields, notes


def classify(result: dict[str, Any] | None, *, overdue: bool, exitcode: int | None
             ) -> tuple[str, dict[str, str], bool, list[str]]:
    """``(status, message fields, graded, notes)`` of a worker's ``result.json`` (None: it wrote none).

    ``overdue``: the worker passed the time limit and was stopped; ``exitcode``: how its process ended.
    ``graded`` is True when nbgrader graded the notebook (its grades go to the gradebook); ``notes``
    are the extra sentences for the learner (a cell that called exit(), a very long output).
    """
    if overdue and result is None:
        return "timeout", {}, False, []
    if result is None:
        return "error", {"detail": f"the grading process ended with code {exitcode}"}, False, []
    if result.get("failure"):
        status, fields = _failed(result)
        return status, fields, False, []
    status, fields, notes = _ran(result)
    return status, fields, True, notes
