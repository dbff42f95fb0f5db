"""The one writer of a grading run: the main ``gradebook.db``, ``autograded/`` and the grading log.

Only the grading process writes them (the workers grade in their own scratch copies): when a worker
finishes, :meth:`GradebookWriter.record` copies that student's grades and comments (auto scores,
``needs_manual_grade``, late penalty, timestamp) into the gradebook in one transaction with nbgrader's
API, replaces ``autograded/<student>/<exNN>/`` with the worker's copy, writes the learner's message to
``GRADING.txt`` there (``nbgrader generate_feedback`` copies it to the feedback folder) and the outcome
to the JSON log ``grading_log/<exNN>.json`` (``{"assignment", "updated", "statuses", "outcomes":
{student: {...}}}``, one entry per student, replaced on regrading). Grading again replaces the
previous grades (``update_or_create``), it never duplicates them.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from course_tools.course.instructor.gradebook import COURSE_ID, db_url
from course_tools.course.instructor.outcome import RAN, STATUSES, Outcome
from course_tools.paths import ROOT

__all__ = ["GRADING_LOG_DIR", "GRADING_FILE", "read_grading_log", "GradebookWriter"]

GRADING_LOG_DIR = "grading_log"
GRADING_FILE = "GRADING.txt"


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


def _write_outcome_files(course_dir: Path, outcome: Outcome, scratch: Path | None) -> None:
    """Replace ``autograded/<student>/<a>/`` with the worker's copy and write GRADING.txt."""
    dest = course_dir / "autograded" / outcome.student / outcome.assignment
    if dest.exists():
        shutil.rmtree(dest)
    src = scratch / "autograded" / outcome.student / outcome.assignment if scratch else None
    if src is not None and src.is_dir() and outcome.status in RAN and any(src.glob("*.ipynb")):
        shutil.copytree(src, dest)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / GRADING_FILE).write_text(
        f"student: {outcome.student}\nassignment: {outcome.assignment}\nstatus: {outcome.status}\n"
        f"score: {outcome.score:g} / {outcome.max_score:g}\n\n{outcome.message}\n", encoding="utf-8")


def _store_grades(sub: Any, worker: dict[str, Any] | None) -> None:
    """Copy a worker's grades, comments and late penalties into a submission (0 and flagged for none)."""
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


class GradebookWriter:
    """The only writer of the main gradebook, the autograded folder and the log."""

    def __init__(self, course_dir: Path, assignment: str):
        from nbgrader.api import Gradebook

        self.course_dir, self.assignment = course_dir, assignment
        self.gb = Gradebook(db_url(course_dir), course_id=COURSE_ID)
        self.log = read_grading_log(assignment, course_dir)

    def close(self) -> None:
        self.gb.close()

    def _submission(self, student: str, timestamp):
        import warnings

        from sqlalchemy.exc import SAWarning

        gb = self.gb
        with warnings.catch_warnings():  # nbgrader's add_submission autoflushes half-built rows
            warnings.filterwarnings("ignore", category=SAWarning, message="Object of type")
            gb.update_or_create_student(student)
            if timestamp is not None:
                return gb.update_or_create_submission(self.assignment, student, timestamp=timestamp)
            return gb.update_or_create_submission(self.assignment, student)

    def record(self, student: str, status: str, worker: dict[str, Any] | None, timestamp,
               message_for: Callable[[float, float], str], seconds: float, scratch: Path | None,
               isolation: str = "", leftovers: int = 0) -> Outcome:
        """Store one student's grades (``worker``: what the worker read from its gradebook; None: the
        submission could not be graded, every grade 0 and flagged for manual grading), the files and the
        log; ``message_for(score, max_score)`` writes the learner's message; ``isolation`` and
        ``leftovers``: what the run got (:class:`Outcome`)."""
        sub = self._submission(student, timestamp)
        _store_grades(sub, worker)
        self.gb.db.commit()
        self.gb.db.refresh(sub)
        cells = {g.name: (float(g.score or 0.0), float(g.max_score))
                 for nb in sub.notebooks for g in nb.grades}
        score, max_score = float(sub.score or 0.0), float(sub.max_score)
        outcome = Outcome(student, self.assignment, status, score, max_score,
                          dict(sorted(cells.items())), message_for(score, max_score),
                          round(seconds, 2), isolation, int(leftovers))
        _write_outcome_files(self.course_dir, outcome, scratch)
        self.log[student] = outcome.to_dict()
        _write_log(self.course_dir, self.assignment, self.log)
        return outcome
