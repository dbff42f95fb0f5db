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

from course_tools.course import CourseInputError

MIMETYPE = "application/vnd.nichos.record+json"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_TEXT_WIDTH = 70

__all__ = ["MIMETYPE", "RecordError", "record", "read_records", "to_jsonable"]


class RecordError(CourseInputError):
    """A value cannot be recorded (wrong name or a value that has no JSON form)."""


def to_jsonable(value: Any, *, _where: str = "value") -> Any:
    """Convert ``value`` to plain JSON types (see the module docstring for the rules)."""
    import numpy as np
    import pandas as pd

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
            raise RecordError(
                f"{_where} is {x}: JSON has no infinity. Record a finite number, or explain the "
                f"case in the notebook and record a string such as 'infinite'."
            )
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
            raise RecordError(f"{_where}: the DataFrame has duplicated column names {cols}")
        return [
            {c: to_jsonable(v, _where=f"{_where}[{i}][{c!r}]") for c, v in zip(cols, row)}
            for i, row in enumerate(df.itertuples(index=False, name=None))
        ]
    if isinstance(value, pd.Series):
        if not value.index.is_unique:
            raise RecordError(
                f"{_where}: the Series index has duplicated labels, so it cannot become a dict; "
                f"record value.tolist() or value.reset_index() instead"
            )
        return {str(k): to_jsonable(v, _where=f"{_where}[{k!r}]") for k, v in value.items()}
    if isinstance(value, pd.Index):
        value = value.tolist()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (set, frozenset)):
        try:
            value = sorted(value)
        except TypeError:
            raise RecordError(f"{_where} is a set of mixed types; record a sorted list instead") from None
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v, _where=f"{_where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, (str, int, float, bool, np.integer, np.floating, np.bool_)):
                raise RecordError(f"{_where} has a dict key {k!r} of type {type(k).__name__}; "
                                  f"use strings or numbers as keys")
            out[str(k)] = to_jsonable(v, _where=f"{_where}[{k!r}]")
        return out
    raise RecordError(
        f"{_where} is a {type(value).__module__}.{type(value).__name__}, which cannot be recorded. "
        f"Record a number, a string, a list, a dict or a pandas Series/DataFrame "
        f"(e.g. convert with float(x), str(x) or x.tolist())."
    )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def record(name: str, value: Any) -> None:
    """Record ``value`` under ``name`` in this cell's output, for the regression tests.

    Shows one grey line ``recorded name = value`` in the notebook. Names are letters, digits,
    ``_``, ``.`` and ``-`` and start with a letter or ``_``. Recording a name again replaces
    the earlier value (the last one wins).
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise RecordError(
            f"record(name, value): the name must be a string of letters, digits, '_', '.' or '-' "
            f"starting with a letter, e.g. record('top_product', code); got {name!r}"
        )
    payload = {"name": name, "value": to_jsonable(value, _where=f"record({name!r}) value")}
    # Fail here, not later in the kernel's message serialiser, if something slipped through.
    json.dumps(payload, allow_nan=False)
    text = f"recorded {name} = {_short(payload['value'])}"
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python without IPython
        print(text)
        return
    if get_ipython() is None:
        print(text)
        return
    display({MIMETYPE: payload, "text/plain": text}, raw=True)


def read_records(nb: Any) -> dict[str, Any]:
    """Read the recorded values of an executed notebook (a path or an nbformat node).

    Returns ``{name: value}`` in the order the values were recorded; for a name recorded more
    than once the last value wins.
    """
    if isinstance(nb, (str, Path)):
        import nbformat

        path = Path(nb)
        if not path.exists():
            raise FileNotFoundError(f"read_records: no notebook at {path}")
        nb = nbformat.read(path, as_version=4)
    cells = nb.get("cells") if hasattr(nb, "get") else None
    if cells is None:
        raise TypeError(f"read_records expects a notebook path or an nbformat node, got {type(nb).__name__}")
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
