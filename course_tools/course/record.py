"""``record(name, value)``: keep a named result in the saved notebook for the regression tests.

A lesson calls ``record("top_product", "2603")`` after it finds a value. The value is written
into the cell's output as a small JSON bundle (mimetype ``application/vnd.nichos.record+json``)
with a one-line text fallback, so it survives in the saved ``.ipynb``. The tests run every
lesson with papermill and read the values back with :func:`read_records`, then compare them
with the expected values written in ``tests/notebooks/notebook_expectations.py``.

What can be recorded (converted to plain JSON):

* ``None``, ``bool``, ``int``, ``float``, ``str``; numpy scalars become Python numbers;
* lists, tuples (become lists), sets (become sorted lists), dicts (keys become strings),
  numpy arrays (become lists);
* a pandas ``Series`` becomes ``{str(index label): value}``; a pandas ``DataFrame`` becomes a
  list of row records ``[{column: value, ...}, ...]`` (a named index is kept as columns,
  an unnamed one is dropped);
* dates become ISO strings ``"2017-01-31"``;
* missing values (``NaN``, ``pd.NA``, ``NaT``) become ``None`` (JSON ``null``).

Infinite numbers and other objects (figures, functions, ...) raise :class:`RecordError`.
If the same name is recorded twice, :func:`read_records` keeps the LAST value (re-running a
cell simply overwrites).
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import re
from pathlib import Path
from typing import Any

from course_tools.course import CourseInputError, CourseTypeError
from course_tools.i18n import text

MIMETYPE = "application/vnd.nichos.record+json"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_TEXT_WIDTH = 70

__all__ = ["MIMETYPE", "RecordError", "record", "read_records", "to_jsonable"]


class RecordError(CourseInputError):
    """A value cannot be recorded (wrong name or a value that has no JSON form)."""


def to_jsonable(value: Any, *, _where: str | None = None) -> Any:
    """Convert ``value`` to plain JSON types (see the module docstring for the rules)."""
    import numpy as np
    import pandas as pd

    if _where is None:
        _where = text("course_msg.record.value")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        x = float(value)
        if math.isnan(x):
            return None
        if math.isinf(x):
            raise RecordError(text("course_msg.record.infinite", where=_where, x=x))
        return x
    if isinstance(value, (pd.Timestamp, _dt.datetime, _dt.date)):
        return None if pd.isna(value) else value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.DataFrame):
        df = value
        if any(n is not None for n in df.index.names):
            df = df.reset_index()  # a named index carries data (e.g. "country"): keep it
        cols = [str(c) for c in df.columns]
        if len(set(cols)) != len(cols):
            raise RecordError(text("course_msg.record.duplicated_columns", where=_where, cols=cols))
        return [
            {c: to_jsonable(v, _where=f"{_where}[{i}][{c!r}]") for c, v in zip(cols, row)}
            for i, row in enumerate(df.itertuples(index=False, name=None))
        ]
    if isinstance(value, pd.Series):
        if not value.index.is_unique:
            raise RecordError(text("course_msg.record.duplicated_labels", where=_where))
        return {str(k): to_jsonable(v, _where=f"{_where}[{k!r}]") for k, v in value.items()}
    if isinstance(value, pd.Index):
        value = value.tolist()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (set, frozenset)):
        try:
            value = sorted(value)
        except TypeError:
            raise RecordError(text("course_msg.record.mixed_set", where=_where)) from None
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v, _where=f"{_where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, (str, int, float, bool, np.integer, np.floating, np.bool_)):
                raise RecordError(text("course_msg.record.bad_key", where=_where, key=k, kind=type(k).__name__))
            out[str(k)] = to_jsonable(v, _where=f"{_where}[{k!r}]")
        return out
    raise RecordError(text("course_msg.record.cannot_record", where=_where,
                           kind=f"{type(value).__module__}.{type(value).__name__}"))


def _short(value: Any) -> str:
    said = json.dumps(value, ensure_ascii=False)
    return said if len(said) <= _TEXT_WIDTH else said[: _TEXT_WIDTH - 1] + "…"


def record(name: str, value: Any) -> None:
    """Record ``value`` under ``name`` in this cell's output, for the regression tests.

    Shows one grey line ``recorded name = value`` in the notebook (in the learner's language). Names are
    letters, digits, ``_``, ``.`` and ``-`` and start with a letter or ``_``. Recording a name again replaces
    the earlier value (the last one wins).
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise RecordError(text("course_msg.record.bad_name", name=name))
    payload = {"name": name, "value": to_jsonable(value, _where=text("course_msg.record.value_of", name=name))}
    # Fail here, not later in the kernel's message serialiser, if something slipped through.
    json.dumps(payload, allow_nan=False)
    line = text("course_msg.record.recorded", name=name, value=_short(payload["value"]))
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python without IPython
        print(line)
        return
    if get_ipython() is None:
        print(line)
        return
    display({MIMETYPE: payload, "text/plain": line}, raw=True)


def read_records(nb: Any) -> dict[str, Any]:
    """Read the recorded values of an executed notebook (a path or an nbformat node).

    Returns ``{name: value}`` in the order the values were recorded; for a name recorded more
    than once the last value wins.
    """
    if isinstance(nb, (str, Path)):
        import nbformat

        path = Path(nb)
        if not path.exists():
            raise FileNotFoundError(text("course_msg.common.no_notebook", caller="read_records", path=path))
        nb = nbformat.read(path, as_version=4)
    cells = nb.get("cells") if hasattr(nb, "get") else None
    if cells is None:
        raise CourseTypeError(text("course_msg.record.not_a_notebook", kind=type(nb).__name__))
    records: dict[str, Any] = {}
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if MIMETYPE not in data:
                continue
            payload = data[MIMETYPE]
            if isinstance(payload, str):  # some tools store JSON bundles as text
                payload = json.loads(payload)
            records.pop(payload["name"], None)  # keep the order of the last recording
            records[payload["name"]] = payload["value"]
    return records
