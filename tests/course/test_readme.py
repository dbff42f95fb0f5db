"""The README's course map names real functions (so the map cannot silently go stale)."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

from course_tools.course import record as record_module

ROOT = Path(__file__).resolve().parents[2]
# names a row may prefix a function with: course_tools.<module>
MODULES = (
    "data",
    "indicators",
    "methods.dynamics",
    "views.tables",
    "views.figures",
    "methods.quality",
    "methods.concordances",
    "data.baci",
    "views.specialisation",
    "views.rca_explorer",
    "views.interdependence",
    "views.dynamics",
    "views.complexity",
    "views.input_output",
    "views.territory",
    "methods.criteria",
    "data.niche_inputs",
    "data.practice",
    "methods.niches",
    "views.niches",
    "methods.niche_lists",
    "methods.export_potential",
    "course.report",
    "course.export",
)


def course_map_rows() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The course map", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if re.match(r"\|\s*L\d\d", line)]


def test_course_map_lists_every_lesson_and_names_existing_functions():
    rows = course_map_rows()
    assert rows, "README.md has no course map table"
    missing = []
    for row in rows:
        functions_cell = row.rstrip("|").rsplit("|", 1)[-1]
        module = None
        for token in re.findall(r"`([^`]+)`", functions_cell):
            prefix, _, name = token.rpartition(".")
            if prefix:
                assert prefix in MODULES, f"README names an unknown module course_tools.{prefix}"
                module = importlib.import_module(f"course_tools.{prefix}")
            if token == "record":
                assert callable(record_module.record)
                continue
            if module is None or not hasattr(module, name):
                missing.append(f"{row.split('|')[1].strip()}: {token}")
    assert not missing, f"README course map names functions that do not exist: {missing}"
    lessons_md = (ROOT / "lessons" / "README.md").read_text(encoding="utf-8")
    for n in range(len(list((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb")))):
        assert f"L{n:02d}" in lessons_md
