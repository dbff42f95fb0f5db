"""course_tools.course.record: values written into a notebook's outputs and read back."""
from __future__ import annotations

import datetime as dt
import json

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from course_tools.course.record import MIMETYPE, RecordError, read_records, record, to_jsonable

# --- conversion to JSON ------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (None, None),
    (True, True),
    ("2603", "2603"),
    (7, 7),
    (0.25, 0.25),
    (np.int64(1154), 1154),
    (np.float32(0.5), 0.5),
    (np.bool_(False), False),
    (float("nan"), None),
    (np.nan, None),
    (pd.NA, None),
    (pd.NaT, None),
    ((1, "a"), [1, "a"]),
    ({"b", "a"}, ["a", "b"]),
    (np.array([1, 2, 3]), [1, 2, 3]),
    (pd.Index(["2603", "7403"]), ["2603", "7403"]),
    ({1: np.int64(2)}, {"1": 2}),
    (pd.Timestamp("2017-01-31"), "2017-01-31T00:00:00"),
    (dt.date(2017, 1, 31), "2017-01-31"),
])
def test_to_jsonable_scalars_and_containers(value, expected):
    got = to_jsonable(value)
    assert got == expected
    assert type(got) is type(expected)


def test_numpy_scalars_become_python_types():
    assert type(to_jsonable(np.int32(3))) is int
    assert type(to_jsonable(np.float64(3.5))) is float


def test_series_becomes_dict_with_string_keys():
    s = pd.Series([17_476_916_089.0, np.nan], index=["2603", "7403"])
    assert to_jsonable(s) == {"2603": 17_476_916_089.0, "7403": None}
    assert to_jsonable(pd.Series([1, 2], index=[2017, 2018])) == {"2017": 1, "2018": 2}


def test_series_with_duplicated_labels_is_refused():
    with pytest.raises(RecordError, match="duplicated labels"):
        to_jsonable(pd.Series([1, 2], index=["a", "a"]))


def test_dataframe_becomes_records_and_keeps_a_named_index():
    df = pd.DataFrame({"product": ["2603", "7403"], "value": [1.5, np.nan]}, index=[10, 3])
    assert to_jsonable(df) == [{"product": "2603", "value": 1.5}, {"product": "7403", "value": None}]
    named = df.set_index("product")
    assert to_jsonable(named) == [{"product": "2603", "value": 1.5}, {"product": "7403", "value": None}]


def test_infinity_is_refused_with_a_hint():
    with pytest.raises(RecordError, match="no infinity"):
        to_jsonable(float("inf"))
    with pytest.raises(RecordError, match=r"\['x'\]"):
        to_jsonable({"x": np.inf})


def test_unsupported_object_is_refused_with_a_hint():
    with pytest.raises(RecordError, match="cannot be recorded.*float\\(x\\)"):
        to_jsonable(object())


@pytest.mark.parametrize("bad", ["", "3top", "top product", None, 3])
def test_bad_names_are_refused(bad):
    with pytest.raises(RecordError, match="name must be"):
        record(bad, 1)


# --- record() outside and inside IPython ------------------------------------------------------

def test_record_outside_ipython_prints_one_line(capsys):
    record("top_product", "2603")
    assert capsys.readouterr().out == 'recorded top_product = "2603"\n'


@pytest.fixture
def fake_ipython(monkeypatch):
    """Pretend to be in a kernel and capture what record() displays."""
    import IPython
    import IPython.display

    shown: list[tuple[dict, dict]] = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append((obj, kw)))
    return shown


def test_record_displays_json_bundle_with_text_fallback(fake_ipython):
    record("total_exports_usd", np.float64(75_915_749_884.0))
    (bundle, kwargs), = fake_ipython
    assert kwargs == {"raw": True}
    assert bundle[MIMETYPE] == {"name": "total_exports_usd", "value": 75_915_749_884.0}
    assert bundle["text/plain"] == "recorded total_exports_usd = 75915749884.0"
    json.dumps(bundle, allow_nan=False)  # what the kernel will send


def test_long_values_are_shortened_in_the_text_only(fake_ipython):
    codes = [f"{i:04d}" for i in range(100)]
    record("codes", codes)
    (bundle, _), = fake_ipython
    assert bundle[MIMETYPE]["value"] == codes
    assert len(bundle["text/plain"]) < 100 and bundle["text/plain"].endswith("…")


# --- read_records --------------------------------------------------------------------------

def _notebook_from(bundles: list[dict]) -> nbformat.NotebookNode:
    cell = new_code_cell("record(...)")
    cell.outputs = [new_output("display_data", data=b) for b in bundles]
    other = new_code_cell("print(1)")
    other.outputs = [new_output("stream", name="stdout", text="1\n")]
    return new_notebook(cells=[new_markdown_cell("# t"), other, cell])


def test_read_records_round_trip_through_a_saved_file(fake_ipython, tmp_path):
    record("top_product", "2603")
    record("top5", ["2603", "7403", "0304", "4703", "7402"])
    record("share", 0.230213)
    nb = _notebook_from([b for b, _ in fake_ipython])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)  # also validates the outputs against the notebook schema
    assert read_records(path) == {
        "top_product": "2603",
        "top5": ["2603", "7403", "0304", "4703", "7402"],
        "share": 0.230213,
    }
    assert read_records(str(path)) == read_records(nbformat.read(path, as_version=4))


def test_read_records_last_value_wins():
    nb = _notebook_from([
        {MIMETYPE: {"name": "a", "value": 1}, "text/plain": "recorded a = 1"},
        {MIMETYPE: {"name": "b", "value": 2}, "text/plain": "recorded b = 2"},
        {MIMETYPE: {"name": "a", "value": 3}, "text/plain": "recorded a = 3"},
    ])
    assert read_records(nb) == {"b": 2, "a": 3}
    assert list(read_records(nb)) == ["b", "a"]


def test_read_records_accepts_json_stored_as_text():
    nb = _notebook_from([{MIMETYPE: json.dumps({"name": "a", "value": [1, 2]}), "text/plain": "x"}])
    assert read_records(nb) == {"a": [1, 2]}


def test_read_records_of_a_notebook_without_records_is_empty():
    assert read_records(new_notebook(cells=[new_code_cell("1 + 1")])) == {}


def test_read_records_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="no notebook"):
        read_records(tmp_path / "missing.ipynb")
    with pytest.raises(TypeError, match="notebook path or an nbformat node"):
        read_records(42)
