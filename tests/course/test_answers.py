"""Answers as data, scored in a clean process (course_tools/course/instructor/answers.py).

The unit tests check the encoding (every type an exercise answer takes round-trips with its dtype;
methods of subclasses do not survive; no pickle is ever read) and the plan read from the source
notebook of ex00. The end-to-end test grades ex00 submissions twice, both times with the kernel in
the sandbox: as nbgrader does (the test cells run in the learner's kernel) and with the answers
exported as data and scored in a clean process. Honest submissions get the same score both ways
(correct 10, partial 5, blank 0); the attacks on the checks of ``submission_corpus.ATTACKS`` win
points in the kernel and none cleanly: rebinding ``check`` gets the 4 visible points in the kernel,
monkeypatching ``math.isclose``, ``sorted``, ``pandas.testing`` and the self-check with answers that
equal everything gets all 10, and so does an IPython input transformer that empties every later test
cell; a forged exporter gets nothing either way (its answers are only data).
"""
from __future__ import annotations

import json
import math
import pickle
import shutil
import sys
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from course_tools.course.instructor import answers as A
from course_tools.course.instructor import scoring
from course_tools.paths import ROOT
from tests.course.submission_corpus import make_submission

EX00 = ROOT / "solutions" / "ex00" / "ex00.ipynb"


def roundtrip(values: dict, tmp_path: Path) -> dict:
    A.write_answers(values, list(values), tmp_path / "a.json")
    return A.read_answers(tmp_path / "a.json")


def test_answers_round_trip_with_their_types(tmp_path):
    frame = pd.DataFrame({
        "product": ["0901", "2603", None], "rca": [1.5, math.nan, math.inf], "n": [1, 2, 3],
        "exporter": [True, False, True], "cat": pd.Categorical(["a", "b", "a"]),
        "when": pd.to_datetime(["2017-01-01", None, "2018-06-30"]),
        "count": pd.array([1, None, 3], dtype="Int64"), "mixed": [{"a": 1}, [1], "x"]},
        index=pd.Index(["x", "y", "z"], name="code"))
    values = {
        "count": 1216, "huge": 10**40, "share": 0.23021604187301757, "nan": math.nan,
        "neg_inf": -math.inf, "neg_zero": -0.0, "name": "Minerales de cobre / café", "flag": True,
        "nothing": None, "items": [1, 2.5, "x"], "pair": (1, (2, 3)), "mapping": {"a": 1, 2: "b"},
        "codes": {"0901", "2603"}, "np_int": np.int64(7), "np_float": np.float32(1.5),
        "np_bool": np.bool_(False), "matrix": np.arange(6).reshape(2, 3),
        "strings": np.array(["a", "bb"]), "series": pd.Series([1.0, math.nan], index=["a", "b"],
                                                              name="rca"),
        "frame": frame, "default_index": pd.DataFrame({"v": [3, 4]}),
        "multi": pd.Series([1, 2], index=pd.MultiIndex.from_tuples([("a", 1), ("b", 2)],
                                                                   names=["k", "j"])),
        "when": pd.Timestamp("2020-01-02"),
    }
    back = roundtrip(values, tmp_path)
    for name, value in values.items():
        got = back[name]
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(got, value, check_index_type=True)
        elif isinstance(value, pd.Series):
            pd.testing.assert_series_equal(got, value)
        elif isinstance(value, np.ndarray):
            assert got.dtype == value.dtype and np.array_equal(got, value)
        elif isinstance(value, float) and math.isnan(value):
            assert math.isnan(got) and type(got) is float
        else:
            assert got == value and type(got) is type(value), name
    assert math.copysign(1, back["neg_zero"]) == -1
    assert isinstance(back["default_index"].index, pd.RangeIndex)


def test_objects_lose_their_methods_and_non_data_equals_nothing(tmp_path):
    class Liar(int):
        def __eq__(self, other):
            return True

        __hash__ = int.__hash__

    class Text(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    back = roundtrip({"n_rca": Liar(3), "top_product": Text("0000"), "f": len,
                      "frame_like": object()}, tmp_path)
    assert type(back["n_rca"]) is int and back["n_rca"] != 999 and back["n_rca"] == 3
    assert type(back["top_product"]) is str and back["top_product"] != "2603"
    for name in ("f", "frame_like"):
        assert isinstance(back[name], A.Unsupported)
        assert back[name] != back[name] and not back[name] == 0


def test_missing_names_and_broken_objects_are_named(tmp_path):
    class Broken:
        def __iter__(self):
            raise RuntimeError("no")

    class BrokenList(list):
        def __iter__(self):
            raise RuntimeError("cannot read me")

    back = roundtrip({"ok": 1, "broken": BrokenList([1])}, tmp_path)
    assert back["ok"] == 1 and "cannot read me" in repr(back["broken"])
    A.write_answers({}, ["ghost"], tmp_path / "b.json")
    assert repr(A.read_answers(tmp_path / "b.json")["ghost"]) == "<not exported: not defined>"


def test_a_pickle_is_never_loaded(tmp_path):
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    path = tmp_path / "q1_hidden.json"
    path.write_bytes(pickle.dumps({"n_rca": Payload()}))
    with pytest.raises(A.AnswersError, match="not answers data"):
        A.read_answers(path)
    assert not marker.exists()


def test_course_results_come_back_as_the_course_class_and_numbers_as_exact_bytes(tmp_path):
    from course_tools.methods.sensitivity import SensitivityResult

    frame = pd.DataFrame({"product": ["0901", "2603"], "share_top_k": [0.565, math.nan], "robust": [True, False]})
    sens = SensitivityResult(base=frame, draws=frame, products=frame, weights=frame, k=10, n=200,
                             spread=0.2, threshold_spread=0.1, seed=0, robust=0.5, settings={"a": [1, 2]})
    big = np.random.default_rng(0).normal(size=(300, 40))
    back = roundtrip({"sens": sens, "big": big}, tmp_path)
    assert type(back["sens"]) is SensitivityResult and back["sens"].robust_niches() == sens.robust_niches()
    pd.testing.assert_frame_equal(back["sens"].products, frame)
    assert back["sens"].settings == {"a": [1, 2]} and back["sens"].seed == 0
    assert back["big"].dtype == big.dtype and np.array_equal(back["big"], big)
    assert '"b64"' in (tmp_path / "a.json").read_text()  # numbers as bytes, not one JSON number each


def test_a_learner_class_dressed_as_a_course_result_keeps_none_of_its_methods(tmp_path):
    import dataclasses

    @dataclasses.dataclass
    class ComplexityResult:  # the learner's own, pretending to come from course_tools
        convention: str

        def __eq__(self, other):
            return True

    ComplexityResult.__module__ = "course_tools.methods.complexity.result"
    back = roundtrip({"result": ComplexityResult("py-ecomplexity")}, tmp_path)["result"]
    assert isinstance(back, A.Unsupported) and back != 1
    forged = {"result": {"value": {"t": "result", "type": "course_tools.cli.__main__:main", "fields": {}}}}
    (tmp_path / "f.json").write_text(json.dumps(forged))
    assert isinstance(A.read_answers(tmp_path / "f.json")["result"], A.Unsupported)


def test_answers_are_never_read_through_a_link(tmp_path):
    secret = tmp_path / "gradebook.json"
    A.write_answers({"x": 1}, ["x"], secret)
    answers = tmp_path / "answers"
    answers.mkdir()
    (answers / "q1.json").symlink_to(secret)
    with pytest.raises(A.AnswersError, match="cannot be read"):
        A.read_answers(answers / "q1.json")
    (tmp_path / "linked").symlink_to(tmp_path)  # the folder itself replaced by a link
    with pytest.raises(A.AnswersError, match="no answers folder"):
        A.read_answers(tmp_path / "linked" / "gradebook.json")
    assert A.read_answers(secret) == {"x": 1}


@pytest.mark.parametrize("text,what", [
    ('{"x": {"value": {"t": "int", "v": 5}}}', "undecodable"),         # a number as a JSON number
    ('{"x": {"value": {"t": "pickle", "v": "gASV"}}}', "unknown answer type"),
    ('{"x": {"value": {"t": "ndarray", "dtype": "V8", "shape": [1], "v": [1]}}}', "dtype"),
    ('{"x": {"value": {"t": "float", "v": "' + "9" * 100 + '"}}}', "too long"),
])
def test_malformed_entries_become_unsupported(tmp_path, text, what):
    path = tmp_path / "a.json"
    path.write_text(text)
    got = A.read_answers(path)["x"]
    assert isinstance(got, A.Unsupported) and what in repr(got)


def test_files_that_are_not_answers_are_refused(tmp_path):
    path = tmp_path / "a.json"
    for text in ("[1, 2]", '{"x": NaN}', "not json", '{"1x": {"value": 1}}', "[" * 100_000):
        path.write_text(text)
        with pytest.raises(A.AnswersError):
            A.read_answers(path)
    path.write_text(json.dumps({"x": {"value": "a" * 2000}}))
    with pytest.raises(A.AnswersError, match="larger than"):
        A.read_answers(path, max_bytes=1000)
    with pytest.raises(A.AnswersError, match="no answers were exported"):
        A.read_answers(tmp_path / "absent.json")


def test_too_many_answers_are_cut_name_by_name(tmp_path):
    A.write_answers({"small": 1, "big": list(range(10_000))}, ["small", "big"],
                    tmp_path / "a.json", max_bytes=2_000)
    back = A.read_answers(tmp_path / "a.json")
    assert back["small"] == 1 and "more than 2000 bytes" in repr(back["big"])


def test_free_names_of_a_cell():
    reads, binds = A.free_names(
        "import math as _m\nx = y + 1\n\ndef f(a):\n    b = a\n    return z + x + b\n"
        "w2 = [q for q in w]\nassert _m.isclose(x, total)\nprint(len(w2))\n")
    assert reads == ["total", "w", "y", "z"]
    assert binds == {"_m", "x", "f", "w2"}


def test_plan_of_ex00():
    cells = A.plan(EX00)
    kinds = {c.grade_id: c.kind for c in cells}
    assert kinds["setup"] == "setup" and kinds["q1_hidden"] == "test"
    assert sum(c.points for c in cells if c.kind == "test") == 10
    names = {c.grade_id: c.names for c in cells}
    assert names["setup"] == ()
    assert names["q1_hidden"] == ("COUNTRY", "trade_country")
    assert names["q2_hidden"] == ("COUNTRY", "total_exports")
    assert "trade_country" in names["q1_visible"]  # from the visible checks of q1
    assert not any({"check", "data", "_math", "_csv"} & set(n) for n in names.values())


def test_kernel_notebook_puts_export_cells_where_tests_were(tmp_path):
    cells = A.plan(EX00)
    folder = make_submission("correct", "ex00", tmp_path / "sub")
    nb = nbformat.read(folder / "ex00.ipynb", as_version=4)
    setup = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "setup")
    setup.source = "check = lambda *a, **k: None"  # a learner who edited the locked cell
    out = A.kernel_notebook(nb, cells, tmp_path / "answers")
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in out.cells}
    assert "write_answers" in by_id["q1_hidden"].source and "assert" not in by_id["q1_hidden"].source
    assert "'trade_country'" in by_id["q1_visible"].source
    assert by_id["setup"].source == next(c.source for c in cells if c.grade_id == "setup")
    assert len(out.cells) == len(nb.cells)
    assert "BEGIN HIDDEN TESTS" not in json.dumps(out)


def test_a_forged_file_cannot_bind_the_instructors_names(tmp_path):
    course = tmp_path / "solutions" / "ex00"
    course.mkdir(parents=True)
    shutil.copy(EX00, course / "ex00.ipynb")
    answers = tmp_path / "answers"
    answers.mkdir()
    for cell in A.plan(course / "ex00.ipynb"):
        if cell.kind == "test":  # every file also tries to replace check, _math and data
            forged = {n: {"value": None} for n in ("check", "_math", "data", "_csv")}
            forged.update({n: {"missing": True} for n in cell.names})
            (answers / f"{cell.grade_id}.json").write_text(json.dumps(forged))
    results = scoring.score(course / "ex00.ipynb", answers)
    assert results and not any(r.passed for r in results.values())
    assert "COUNTRY" in results["q1_hidden"].missing


# --------------------------------------------------------------------------------------------
# end to end: in the kernel (as nbgrader) and cleanly, both in the sandbox

def _submission(kind: str, folder: Path) -> nbformat.NotebookNode:
    path = make_submission(kind, "ex00", folder) / "ex00.ipynb"
    return nbformat.read(path, as_version=4)


def _run(nb, folder: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    from course_tools.course.instructor.sandbox import kernel_manager_class

    return NotebookClient(nb, kernel_manager_class=kernel_manager_class(), timeout=60,
                          allow_errors=True, kernel_name="python3",
                          resources={"metadata": {"path": str(folder)}}).execute()


def _score_in_kernel(nb, cells, folder: Path) -> float:
    """nbgrader's way: the locked cells (hidden tests included) run in the learner's kernel, next to
    the oracle (as the pasted helpers were); a test cell scores when it raises nothing."""
    shutil.copy(EX00.parent / "oracle.py", folder / "oracle.py")
    by_id = {c.grade_id: c for c in cells}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in by_id:
            cell.source = by_id[gid].source
    out = _run(nb, folder)
    score = 0.0
    for cell in out.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in by_id and by_id[gid].kind == "test" and not any(
                o.output_type == "error" for o in cell.outputs):
            score += by_id[gid].points
    return score


def _score_cleanly(nb, cells, folder: Path) -> float:
    answers = folder / "answers"
    answers.mkdir()
    _run(A.kernel_notebook(nb, cells, answers), folder)
    results = scoring.score_in_clean_process(EX00, answers)
    return sum(r.points for r in results.values())


@pytest.mark.slow
@pytest.mark.parametrize("kind,in_kernel,clean", [
    ("correct", 10, 10), ("partial", 5, 5), ("blank", 0, 0),
    ("rebind_check", 4, 0), ("monkeypatch", 10, 0), ("forge_exporter", 0, 0),
    ("input_transformer", 10, 0),
])
def test_scores_in_the_kernel_and_in_a_clean_process(kind, in_kernel, clean, tmp_path):
    """The attacks on the checks (tests/course/submission_corpus.ATTACKS) win points when the tests
    run in the learner's kernel, none when they are scored cleanly; honest notebooks score the same."""
    from course_tools.course.instructor.sandbox import Isolation
    from tests.course.test_sandbox import require

    require(Isolation.BUBBLEWRAP)
    cells = A.plan(EX00)
    scores = []
    for how, scorer in (("kernel", _score_in_kernel), ("clean", _score_cleanly)):
        folder = tmp_path / how
        nb = _submission(kind, folder / "submitted")
        scores.append(scorer(nb, cells, folder))
    assert scores == [in_kernel, clean]


def test_loading_an_oracle_writes_nothing_next_to_it(tmp_path, monkeypatch):
    # the grader loads ex00's oracle from the course's solutions/: no __pycache__ may appear there, so a
    # graded course stays byte for byte what it was (even where Python writes bytecode: no
    # PYTHONDONTWRITEBYTECODE, as on a fresh Debian)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = tmp_path / "ex00"
    shutil.copytree(ROOT / "solutions" / "ex00", folder, ignore=shutil.ignore_patterns("__pycache__"))
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    oracle = scoring.load_oracle(folder)
    assert oracle is not None and oracle.__file__ == str(folder / "oracle.py")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
    assert scoring.load_oracle(tmp_path) is None  # no oracle.py: None
