"""Grading that learner code cannot rewrite: answers leave the learner's kernel as data and are
scored in a clean process (issue #18, second part; see also :mod:`.sandbox`).

Why: nbgrader runs the test cells in the learner's own kernel, after the learner's cells, so those
cells can change what the tests do: rebind ``check``, patch ``math.isclose`` or
``pandas.testing``, return an object whose ``__eq__`` is always true, register an IPython input
transformer that empties the next cells. The sandbox keeps the solutions out of reach; it cannot
keep the learner's code away from tests that run next to it.

How (one grade cell at a time, in the order of the source notebook):

1. :func:`plan` reads the instructor's source notebook (``solutions/exNN/exNN.ipynb``, never
   given to learners nor bound into the sandbox): the locked cells that grade (``tests``), the
   locked cells that prepare (``setup``: imports, ``check = checker(...)``, data) and, for each
   of them, the notebook names it reads that the learner defines (:func:`free_names` of the
   cell, plus the variables of the visible checks it calls, minus every name an earlier locked
   cell defines).
2. In the learner's (sandboxed) kernel each test cell is replaced by an *export* cell
   (:func:`to_kernel`, undone by :func:`restore`): :func:`write_answers` writes those names to
   ``<grade_id>.json`` as data -- JSON with typed encodings (:func:`encode`): exact ``repr`` of
   floats (NaN, inf), integers, strings, lists, dicts, sets, NumPy arrays and scalars, pandas
   Series, DataFrames and Index with their dtypes. Never pickle. Subclasses lose their methods (an
   ``int`` whose ``__eq__`` is always true becomes its plain value); anything else becomes
   :class:`Unsupported`, which equals nothing; a name not defined is :class:`Missing`. Setup
   cells still run there (the learner's code needs them); one that reads learner names exports
   them first.
3. A clean process (:mod:`course_tools.course.instructor.scoring`) decodes each file strictly
   (:func:`read_answers`: never through a link, size limit, known tags only, an allow-list of
   dtypes), runs the setup cells again and each test cell with its answers bound to their names,
   and reports pass/fail, the assertion message and what the cell printed, per grade cell.
   ``check``, ``math``, ``pandas`` are fresh imports there; nothing of the learner's runs in
   that process.
4. Oracles: what computes the expected answers is written once per exercise in
   ``solutions/exNN/oracle.py`` (never in ``course_tools``, which participants have, and never
   copied by nbgrader: ``nbgrader_config.py`` ignores it); the hidden tests import it, only in
   that clean process.

Rewriting the exporter only changes the learner's own answers, which the learner could do
anyway; a forged answers file is still only data. Detected, not prevented: answers that do not
export (broken exporter, more than :data:`MAX_BYTES`, an unsupported type) score 0 for the cells
that need them, with the reason. Answers are taken where the test cell stands, as nbgrader does.
"""
from __future__ import annotations

import ast
import builtins
import dataclasses
import json
import math
import numbers
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course_tools.errors import NichosError

__all__ = ["MAX_BYTES", "Unsupported", "Missing", "AnswersError", "CellPlan", "plan", "free_names",
           "encode", "decode", "write_answers", "read_answers", "export_source", "to_kernel",
           "restore", "kernel_notebook"]

#: Largest answers file read (bytes); a bigger one scores 0 for its cell.
MAX_BYTES = 64 * 2**20
_MAX_DEPTH = 32
_DTYPE = re.compile(r"^(u?int(8|16|32|64)|float(16|32|64)|bool|object|string|str|category|"
                    r"(U|UInt|Int|Float)(\d+)|boolean|datetime64\[(ns|us|ms|s)(, [A-Za-z_/+\-0-9]+)?\]|"
                    r"<U\d+|complex(64|128))$")


class AnswersError(NichosError, RuntimeError):
    """An answers file that is not valid answers data (too big, not JSON, an unknown tag)."""


def _msg(key: str, **fields: Any) -> str:
    from course_tools.i18n import text  # only when something is wrong

    return text(f"grading.answers.{key}", **fields)


class Unsupported:
    """An answer that was not data (a function, a figure, a custom object): equals nothing."""

    def __init__(self, type_name: str):
        self.type_name = type_name

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<not exported: {self.type_name}>"


class Missing(Unsupported):
    """A name the learner's notebook had not defined where the test stands: the scorer leaves it
    undefined (the test then fails as it would in the notebook, with the visible check's hint)."""


# --------------------------------------------------------------------------------------------
# data in, data out

def encode(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON-ready data with type tags (runs in the learner's kernel)."""
    import numpy as np
    import pandas as pd

    if depth > _MAX_DEPTH:
        return {"t": "unsupported", "type": "nesting deeper than 32"}
    if isinstance(value, np.generic) and value.dtype.kind in "iufcb":
        return {"t": "np", "dtype": str(value.dtype), "v": _scalar(value.item())}
    if value is None or isinstance(value, bool):
        return value
    if value is pd.NA or value is pd.NaT:
        return {"t": "na" if value is pd.NA else "nat"}
    if isinstance(value, numbers.Integral):
        return {"t": "int", "v": str(int(value))}
    if isinstance(value, numbers.Real) and isinstance(value, float):
        return {"t": "float", "v": repr(float(value))}
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        tag = "list" if isinstance(value, list) else "tuple" if isinstance(value, tuple) else "set"
        items = sorted(value, key=repr) if tag == "set" else list(value)
        return {"t": tag, "v": [encode(v, depth + 1) for v in items]}
    if isinstance(value, dict):
        return {"t": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)]
                                   for k, v in value.items()]}
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "iufb":
            return {"t": "ndarray", "dtype": str(value.dtype), "shape": list(value.shape), "b64": _b64(value)}
        return {"t": "ndarray", "dtype": str(value.dtype), "shape": list(value.shape),
                "v": _column(value.ravel().tolist(), depth)}
    if isinstance(value, pd.MultiIndex):
        return {"t": "multiindex", "names": [encode(n, depth + 1) for n in value.names],
                "v": [encode(tuple(t), depth + 1) for t in value]}
    if isinstance(value, pd.RangeIndex):
        return {"t": "range", "name": encode(value.name, depth + 1),
                "v": [str(value.start), str(value.stop), str(value.step)]}
    if isinstance(value, pd.Index):
        return {"t": "index", "name": encode(value.name, depth + 1), **_values(value, depth)}
    if isinstance(value, pd.Series):
        return {"t": "series", "name": encode(value.name, depth + 1),
                "index": encode(value.index, depth + 1), **_values(value, depth)}
    if isinstance(value, pd.DataFrame):
        return {"t": "dataframe", "columns": encode(value.columns, depth + 1),
                "index": encode(value.index, depth + 1),
                "data": [_values(value.iloc[:, i], depth) for i in range(value.shape[1])]}
    if isinstance(value, pd.Timestamp):
        return {"t": "timestamp", "v": value.isoformat()}
    if _result_name(type(value)):
        return {"t": "result", "type": _result_name(type(value)),
                "fields": {f.name: encode(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)}}
    return {"t": "unsupported", "type": type(value).__qualname__}


_RESULT_MODULE = re.compile(r"^course_tools\.(methods|data)(\.[a-z_][a-z0-9_]*)*$")


def _result_name(cls: type) -> str:
    """``module:Class`` of a dataclass of ``course_tools.methods``/``.data`` (a ComplexityResult...), else ''."""
    import sys

    module = getattr(cls, "__module__", "")
    if not (dataclasses.is_dataclass(cls) and _RESULT_MODULE.match(module)
            and getattr(sys.modules.get(module), cls.__qualname__, None) is cls):
        return ""
    return f"{module}:{cls.__qualname__}"


def _b64(array) -> str:
    """The bytes of a numeric array (little-endian, C order) in base 64: exact and compact."""
    import base64

    import numpy as np

    return base64.b64encode(np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<")).tobytes()).decode()


def _scalar(x: Any) -> Any:
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return str(x)
    if isinstance(x, complex):
        return [repr(x.real), repr(x.imag)]
    return repr(float(x))


def _column(items: list, depth: int) -> list:
    return [encode(v, depth + 1) for v in items]


def _values(obj: Any, depth: int) -> dict[str, Any]:
    """The values of a Series/Index/column with its dtype (datetimes as ISO text, categories
    as their values)."""
    dtype = str(obj.dtype)
    if dtype.startswith("datetime64"):
        return {"dtype": dtype, "v": [None if v is None else v.isoformat() for v in
                                      obj.astype(object).where(obj.notna(), None).tolist()]}
    if dtype == "category":
        return {"dtype": dtype, "categories": encode(list(obj.cat.categories), depth + 1),
                "v": _column(obj.astype(object).tolist(), depth)}
    import numpy as np

    if isinstance(obj.dtype, np.dtype) and obj.dtype.kind in "iufb":
        return {"dtype": dtype, "b64": _b64(obj.to_numpy())}
    return {"dtype": dtype, "v": _column(obj.tolist(), depth)}


def decode(obj: Any, depth: int = 0) -> Any:
    """Rebuild plain values from :func:`encode`'s data (in the clean process). Strict: an unknown
    tag or dtype raises :class:`AnswersError`."""
    if depth > _MAX_DEPTH + 2:
        raise AnswersError(_msg("too_deep"))
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if not isinstance(obj, dict) or not isinstance(obj.get("t"), str):
        raise AnswersError(_msg("not_encoded", what=str(obj)[:80]))
    tag = obj["t"]
    if tag == "int":
        return int(_text(obj["v"], 5000))
    if tag == "float":
        return float(_text(obj["v"], 40))
    if tag in ("list", "tuple", "set"):
        items = [decode(v, depth + 1) for v in _list(obj["v"])]
        return {"list": list, "tuple": tuple, "set": set}[tag](items)
    if tag == "dict":
        return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in _list(obj["v"])}
    if tag in ("na", "nat"):
        import pandas as pd

        return pd.NA if tag == "na" else pd.NaT
    if tag == "unsupported":
        return Unsupported(_text(obj.get("type", "?"), 200))
    if tag == "result":
        return _decode_result(obj, depth)
    return _decode_numeric(tag, obj, depth)


def _decode_result(obj: dict, depth: int) -> Any:
    """A dataclass of ``course_tools.methods``/``.data`` rebuilt from its fields' data (no method of the
    learner's comes back: the class is the course's own, found by name, its fields set one by one)."""
    import importlib

    module, _, name = _text(obj.get("type"), 200).partition(":")
    if not _RESULT_MODULE.match(module) or not name.isidentifier():
        raise AnswersError(_msg("not_result", name=f"{module}:{name}"))
    cls = getattr(importlib.import_module(module), name, None)
    fields = obj.get("fields")
    if not isinstance(cls, type) or not _result_name(cls) or not isinstance(fields, dict) \
            or set(fields) != {f.name for f in dataclasses.fields(cls)}:
        raise AnswersError(_msg("result_fields", name=f"{module}:{name}"))
    out = object.__new__(cls)
    for key, value in fields.items():
        object.__setattr__(out, key, decode(value, depth + 1))
    return out


def _decode_numeric(tag: str, obj: dict, depth: int) -> Any:
    import numpy as np
    import pandas as pd

    if tag == "np":
        dtype = np.dtype(_dtype(obj["dtype"]))
        v = obj["v"]
        if dtype.kind == "c":
            return dtype.type(complex(float(v[0]), float(v[1])))
        return dtype.type(v if isinstance(v, bool) else int(v) if dtype.kind in "iu" else float(v))
    if tag == "ndarray":
        dtype = _dtype(obj["dtype"])
        shape = [int(n) for n in _list(obj["shape"])]
        if "b64" in obj:
            return _from_b64(obj["b64"], dtype, math.prod(shape)).reshape(shape)
        values = [decode(v, depth + 1) for v in _list(obj["v"])]
        return np.array(values, dtype=dtype).reshape(shape)
    if tag == "timestamp":
        return pd.Timestamp(_text(obj["v"], 60))
    if tag == "multiindex":
        return pd.MultiIndex.from_tuples([decode(v, depth + 1) for v in _list(obj["v"])],
                                         names=[decode(n, depth + 1) for n in _list(obj["names"])])
    if tag == "range":
        start, stop, step = (int(_text(v, 30)) for v in _list(obj["v"]))
        return pd.RangeIndex(start, stop, step, name=decode(obj.get("name"), depth + 1))
    if tag == "index":
        return pd.Index(_array(obj, depth), name=decode(obj.get("name"), depth + 1))
    if tag == "series":
        return pd.Series(_array(obj, depth), index=decode(obj["index"], depth + 1),
                         name=decode(obj.get("name"), depth + 1))
    if tag == "dataframe":
        columns = decode(obj["columns"], depth + 1)
        data = [_array(col, depth) for col in _list(obj["data"])]
        if len(data) != len(columns):
            raise AnswersError(_msg("frame_mismatch"))
        frame = pd.DataFrame({i: col for i, col in enumerate(data)},
                             index=decode(obj["index"], depth + 1))
        frame.columns = columns
        return frame
    raise AnswersError(_msg("unknown_type", tag=tag))


def _array(obj: dict, depth: int):
    import pandas as pd

    dtype = _dtype(obj["dtype"])
    if "b64" in obj:
        return _from_b64(obj["b64"], dtype)
    values = [decode(v, depth + 1) for v in _list(obj["v"])]
    if dtype.startswith("datetime64"):
        return pd.array(pd.to_datetime(values), dtype=dtype)
    if dtype == "category":
        return pd.Categorical(values, categories=decode(obj["categories"], depth + 1))
    return pd.array(values, dtype=dtype) if dtype[0].isupper() or dtype in ("string", "boolean") \
        else pd.Series(values, dtype=dtype).to_numpy()


def _from_b64(text: Any, dtype: str, size: int | None = None):
    """The numeric array :func:`_b64` wrote (``size`` values when given), as a writable native array."""
    import base64
    import binascii

    import numpy as np

    kind = np.dtype(dtype)
    if kind.kind not in "iufb" or not isinstance(text, str):
        raise AnswersError(_msg("dtype_bytes", dtype=dtype))
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise AnswersError(_msg("b64_bad")) from None
    if len(data) % kind.itemsize or (size is not None and len(data) != size * kind.itemsize):
        raise AnswersError(_msg("b64_length"))
    return np.frombuffer(data, dtype=kind.newbyteorder("<")).astype(kind)


def _dtype(text: Any) -> str:
    if not isinstance(text, str) or not _DTYPE.match(text):
        raise AnswersError(_msg("dtype_bad", dtype=str(text)[:40]))
    return text


def _text(v: Any, most: int) -> str:
    if not isinstance(v, str) or len(v) > most:
        raise AnswersError(_msg("number_text"))
    return v


def _list(v: Any) -> list:
    if not isinstance(v, list):
        raise AnswersError(_msg("list_expected"))
    return v


def _hashable(key: Any) -> Any:
    try:
        hash(key)
    except TypeError:
        raise AnswersError(_msg("unhashable")) from None
    return key


def write_answers(namespace: Mapping[str, Any], names: Iterable[str], path: str | Path,
                  max_bytes: int = MAX_BYTES) -> None:
    """Write ``names`` of ``namespace`` to ``path`` (runs in the learner's kernel). A name that is
    not defined is ``{"missing": true}``; one that cannot be encoded says why."""
    out: dict[str, Any] = {}
    for name in names:
        if name not in namespace:
            out[name] = {"missing": True}
            continue
        try:
            out[name] = {"value": encode(namespace[name])}
        except Exception as err:  # an object that breaks while being read: not data
            out[name] = {"error": f"{type(err).__name__}: {str(err)[:200]}"}
    text = json.dumps(out, allow_nan=False)
    if len(text.encode()) > max_bytes:
        sizes = sorted(out, key=lambda n: len(json.dumps(out[n])), reverse=True)
        for name in sizes:
            out[name] = {"error": f"more than {max_bytes} bytes of answers"}
            text = json.dumps(out, allow_nan=False)
            if len(text.encode()) <= max_bytes:
                break
    Path(path).write_text(text, encoding="utf-8")


def _read_no_link(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing a link at the file or at its folder (the learner's code wrote
    both: a link would make the grader read a file of the grader's choosing) and more than
    ``max_bytes``."""
    import stat

    try:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        raise AnswersError(_msg("no_folder", file=path.name)) from None
    try:
        fd = os.open(path.name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except FileNotFoundError:
        raise AnswersError(_msg("none_exported", file=path.name)) from None
    except OSError as err:
        raise AnswersError(_msg("unreadable", file=path.name, why=err.strerror)) from None
    finally:
        os.close(folder)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise AnswersError(_msg("not_regular", file=path.name))
        if st.st_size > max_bytes:
            raise AnswersError(_msg("too_large", file=path.name, most=max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(max_bytes + 1)
    finally:
        os.close(fd)


def read_answers(path: str | Path, max_bytes: int = MAX_BYTES) -> dict[str, Any]:
    """``{name: value}`` from a file of :func:`write_answers`; names that were not defined map to
    :class:`Missing`, names that failed to export to :class:`Unsupported` with the reason. Raises
    :class:`AnswersError` for a file that is not answers data (or a link, or too big)."""
    path = Path(path)
    data = _read_no_link(path, max_bytes)
    if len(data) > max_bytes:
        raise AnswersError(_msg("too_large", file=path.name, most=max_bytes))
    try:
        doc = json.loads(data.decode("utf-8"),
                         parse_constant=lambda c: (_ for _ in ()).throw(AnswersError(c)))
    except (ValueError, RecursionError, UnicodeDecodeError) as err:
        raise AnswersError(_msg("not_data", file=path.name, why=f": {str(err)[:120]}")) from None
    if not isinstance(doc, dict):
        raise AnswersError(_msg("not_data", file=path.name, why=""))
    out = {}
    for name, entry in doc.items():
        if not (isinstance(name, str) and name.isidentifier() and isinstance(entry, dict)):
            raise AnswersError(_msg("bad_entry", file=path.name, name=str(name)[:40]))
        if "value" in entry:
            try:
                out[name] = decode(entry["value"])
            except (AnswersError, ValueError, TypeError, OverflowError, RecursionError) as err:
                out[name] = Unsupported(f"undecodable ({str(err)[:100]})")
        elif entry.get("missing"):
            out[name] = Missing("not defined")
        else:
            out[name] = Unsupported(str(entry.get("error", "?"))[:200])
    return out


# --------------------------------------------------------------------------------------------
# what each locked cell reads

_BUILTINS = frozenset(dir(builtins)) | {"__name__", "__file__", "get_ipython", "display", "In",
                                        "Out", "exit", "quit"}


def _bound_at_top(tree: ast.Module) -> set[str]:
    """Names a cell binds in the notebook's namespace (not inside functions or classes)."""
    bound: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound.add(child.name)
                continue
            if isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                                  ast.GeneratorExp)):
                continue
            if isinstance(child, ast.Name) and isinstance(child.ctx, (ast.Store, ast.Del)):
                bound.add(child.id)
            elif isinstance(child, ast.alias):
                bound.add((child.asname or child.name).split(".")[0])
            elif isinstance(child, ast.Global):
                bound.update(child.names)
            visit(child)

    visit(tree)
    return bound


def free_names(source: str) -> tuple[list[str], set[str]]:
    """``(names the cell reads from the notebook, names it binds there)``: loads that no scope
    of the cell binds, without builtins."""
    import symtable

    tree = ast.parse(source)
    bound = _bound_at_top(tree)
    table = symtable.symtable(source, "<cell>", "exec")
    found: set[str] = set()
    todo = [table]
    while todo:
        t = todo.pop()
        todo.extend(t.get_children())
        for sym in t.get_symbols():
            top = t.get_type() == "module"
            if sym.is_referenced() and (top or sym.is_global()) and sym.get_name() not in bound:
                found.add(sym.get_name())
    return sorted(found - _BUILTINS), bound


def _checked_questions(tree: ast.Module) -> list[str]:
    """The question ids of ``check("q1", ...)`` calls in a cell."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "check" and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            out.append(node.args[0].value)
    return out


@dataclass(frozen=True)
class CellPlan:
    """One locked cell of the source notebook: ``kind`` "setup" or "test"; ``names``: the
    learner's names it reads (exported just before it)."""

    grade_id: str
    kind: str
    source: str
    points: float = 0.0
    names: tuple[str, ...] = ()


def plan(source_notebook: str | Path) -> list[CellPlan]:
    """The locked cells of an instructor's source notebook, in order, with the learner names each
    reads (the visible checks' variables included)."""
    from course_tools.course.selfcheck import load_checks

    path = Path(source_notebook)
    nb = json.loads(path.read_text(encoding="utf-8"))
    try:
        checks = load_checks(path.parent.name)
    except ValueError:
        checks = None
    defined: set[str] = set()
    out = []
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("locked") or meta.get("solution"):
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        reads, binds = free_names(source)
        wanted = set(reads)
        for q in _checked_questions(ast.parse(source)):
            if checks is not None and q in checks.questions:
                wanted |= {v for c in checks[q] for v in c.needs}
        names = tuple(sorted(wanted - defined - {"oracle"}))
        kind = "test" if meta.get("grade") else "setup"
        out.append(CellPlan(meta["grade_id"], kind, source, float(meta.get("points", 0) or 0),
                            names))
        defined |= binds
    return out


def export_source(names: Iterable[str], path: str | Path) -> str:
    """The cell that stands in the learner's kernel where a locked cell was: it writes ``names``
    to ``path`` as data."""
    return (f"from course_tools.course.instructor.answers import write_answers as _nichos_export\n"
            f"_nichos_export(globals(), {sorted(names)!r}, {str(path)!r})\n"
            f"del _nichos_export")


def to_kernel(nb, cells: list[CellPlan], answers_dir: str | Path) -> dict[int, str]:
    """Rewrite the cells of ``nb`` (nbformat, in place) for the learner's kernel: each test cell
    becomes its export cell, each setup cell that reads learner names gets the export first and
    the instructor's source after it. Cells are matched by ``grade_id``; a missing test cell
    exports nothing (its cell scores 0). Returns ``{cell index: source it had}`` for
    :func:`restore`."""
    by_id = {c.grade_id: c for c in cells}
    originals: dict[int, str] = {}
    for i, cell in enumerate(nb.cells):
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        plan_cell = by_id.get(gid)
        if plan_cell is None or cell.cell_type != "code":
            continue
        originals[i] = cell.source
        export = export_source(plan_cell.names, Path(answers_dir) / f"{gid}.json")
        if plan_cell.kind == "test":
            cell.source = export
        else:  # the instructor's version, as nbgrader restores it, after the export it needs
            cell.source = f"{export}\n{plan_cell.source}" if plan_cell.names else plan_cell.source
    return originals


def restore(nb, originals: dict[int, str]) -> None:
    """Put back the sources :func:`to_kernel` replaced."""
    for i, source in originals.items():
        nb.cells[i].source = source


def kernel_notebook(nb, cells: list[CellPlan], answers_dir: str | Path):
    """A copy of the learner's notebook ``nb`` rewritten by :func:`to_kernel`."""
    import copy

    out = copy.deepcopy(nb)
    to_kernel(out, cells, answers_dir)
    return out
