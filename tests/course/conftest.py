"""Fixtures of the course-machinery tests: a small course folder for the instructor commands."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from course_tools.paths import EXERCISES, ROOT, SOLUTIONS


def _make_course(tmp: Path, assignments=("ex00",)) -> Path:
    """A course folder with only what nbgrader needs; the released notebooks newer than the sources."""
    course = tmp / "course"
    course.mkdir()
    shutil.copy2(ROOT / "nbgrader_config.py", course)
    for a in assignments:
        # without the bytecode other tests' runs may have left in the repository's solutions/ (a graded
        # course must stay byte for byte what it was, whichever tests ran before)
        shutil.copytree(SOLUTIONS / a, course / "solutions" / a, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(EXERCISES / a, course / "exercises" / a)
        later = time.time() + 5
        for p in (course / "exercises" / a).rglob("*"):
            os.utime(p, (later, later))
    return course



@pytest.fixture(scope="session")
def make_course():
    """``make_course(tmp, assignments=("ex00",))``: a course folder with only what nbgrader needs."""
    return _make_course
