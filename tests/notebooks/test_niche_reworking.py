"""The expected values of L11 and ex11 are those of the plain pandas/numpy re-working (niche_reworking.py).

The re-working does not use course_tools.methods.niches; it runs on ``niche_criteria`` of the shipped tables, whose
cells tests/data/test_niche_inputs.py checks against the raw files. A change of the criteria table shows up here,
with the values to check, before any notebook runs.
"""
from __future__ import annotations

import pytest

from course_tools.data.niche_inputs import niche_criteria
from tests.notebooks import niche_reworking as rw
from tests.notebooks.notebook_expectations import EXPECTATIONS

LESSON = EXPECTATIONS["lessons/11_niches.ipynb"]
EXERCISE = EXPECTATIONS["solutions/ex11/ex11.ipynb"]


@pytest.fixture(scope="module")
def g_world() -> float:
    return rw.world_demand_cagr()


def test_the_weights_are_those_the_notebooks_write():
    import json
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]

    def code(path):
        return "\n".join("".join(c["source"]) for c in json.loads((root / path).read_text(encoding="utf-8"))["cells"]
                         if c["cell_type"] == "code")
    ns: dict = {"WORLD_GROWTH": 6.4}  # ex11 writes Q2's threshold as the world growth of the criteria table
    for path, names in (("lessons/11_niches.ipynb", ("WEIGHTS", "THRESHOLDS")),
                        ("solutions/ex11/ex11.ipynb", ("Q1_WEIGHTS", "Q1_THRESHOLDS", "Q2_THRESHOLDS"))):
        source = code(path)
        for name in names:   # the dict as written, from "NAME = {" to its closing brace
            exec(re.search(rf"^{name} = {{.*?}}$", source, flags=re.M | re.S).group(0), ns)
    assert ns["WEIGHTS"] == rw.L11_WEIGHTS and ns["THRESHOLDS"] == rw.L11_THRESHOLDS
    # section 8 ranks the report's two default lists: the re-working copies them as written
    assert "nl.rank_list(criteria, spec" in code("lessons/11_niches.ipynb")
    assert "(nl.CONSOLIDATE, nl.DIVERSIFY)" in code("lessons/11_niches.ipynb")
    from course_tools.methods import niche_lists as nl

    for spec, copy in ((nl.CONSOLIDATE, rw.CONSOLIDATE), (nl.DIVERSIFY, rw.DIVERSIFY)):
        assert dict(spec.weights) == copy["weights"] and spec.method == copy["method"]
        assert {"rca": spec.rule, **dict(spec.thresholds)} == copy["thresholds"]
    assert ns["Q1_WEIGHTS"] == rw.EX11_WEIGHTS and ns["Q1_THRESHOLDS"] == rw.EX11_THRESHOLDS
    assert ns["Q2_THRESHOLDS"] == rw.ex11_q2(6.4)


@pytest.mark.parametrize("country", ["MEX", "JAM"])
def test_expectations_are_the_reworked_values(country, g_world):
    crit = niche_criteria(country)
    lesson = LESSON[country]["expected"]
    assert list(crit.columns) == lesson["criteria"]
    got = rw.lesson_values(crit, g_world)
    for name, value in got.items():
        assert lesson[name] == value, name
    got = rw.exercise_values(crit, g_world)
    for name, value in got.items():
        assert EXERCISE[country]["expected"][name] == value, name
