"""Small shared pieces of the indicator engine: tidy <-> matrix, input checks.

The private helpers (``_as_matrix``, ``_to_tidy``, ``_drop_zero``, ``_pair``, ...) are shared by
the specialisation, interdependence, dynamics and territory modules: one place for the rules
"tidy in -> tidy out, matrix in -> matrix out" and for the messages about NaN/negative values.
Every message comes from the text catalogue (``methods_msg_a.common.*``), in the learner's language.
"""
from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd

from course_tools.errors import InputError
from course_tools.i18n import text

try:  # optional: present with scikit-learn/joblib; without it the decorator below does nothing
    from threadpoolctl import threadpool_limits as _threadpool_limits
except ImportError:  # pragma: no cover
    _threadpool_limits = None

_F = TypeVar("_F", bound=Callable)


def one_blas_thread(func: _F) -> _F:
    """Run ``func`` with one linear-algebra (BLAS/LAPACK) thread, restored on return.

    The course's matrices are small (224 x 1,222 trade, 598 x 598 MRIO): on a shared hub with
    more busy processes than cores, multi-threaded OpenBLAS spins and a 0.3 s ``complexity()``
    took 3 s (benchmarks/bench_indicators.py). One thread is as fast when the machine is idle and
    stable when it is not. Needs ``threadpoolctl``; without it the function runs unchanged.
    """
    if _threadpool_limits is None:  # pragma: no cover
        return func

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with _threadpool_limits(limits=1, user_api="blas"):
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


class IndicatorInputError(InputError):
    """The data given to a method cannot produce a meaningful result (say why and how to fix).

    The base of every input error of :mod:`course_tools.methods`.
    """


def to_matrix(data: pd.DataFrame, index: str, columns: str, values: str, fill_value: float = 0.0) -> pd.DataFrame:
    """Pivot a tidy long table into a labelled matrix (rows ``index``, columns ``columns``).

    Duplicate (index, columns) pairs are summed; missing cells (not reported) become
    ``fill_value`` (0 by default, the convention of every complexity tool: a flow nobody
    reported counts as no flow). Row and column labels are sorted.
    """
    missing = [c for c in (index, columns, values) if c not in data.columns]
    if missing:
        raise IndicatorInputError(text("methods_msg_a.common.no_columns", missing=missing,
                                       columns=list(data.columns)))
    coerced = pd.to_numeric(data[values], errors="coerce")
    not_numeric = coerced.isna() & data[values].notna()
    if not_numeric.any():
        raise IndicatorInputError(text("methods_msg_a.common.not_numeric_values", column=values,
                                       n=int(not_numeric.sum()), example=data.loc[not_numeric, values].iloc[0]))
    vals = coerced.to_numpy(dtype=float)
    keep = ~np.isnan(vals)
    ri, rows = pd.factorize(data[index], sort=True)
    ci, cols = pd.factorize(data[columns], sort=True)
    keep &= (ri >= 0) & (ci >= 0)
    # scatter-add (duplicates are summed) into a dense matrix: much faster than pivot_table
    out = np.zeros((len(rows), len(cols)))
    seen = np.zeros((len(rows), len(cols)), dtype=bool)
    np.add.at(out, (ri[keep], ci[keep]), vals[keep])
    seen[ri[keep], ci[keep]] = True
    out[~seen] = fill_value
    return pd.DataFrame(out, index=pd.Index(rows, name=index), columns=pd.Index(cols, name=columns))


def _first_cell(m: pd.DataFrame | np.ndarray, mask: np.ndarray) -> str:
    """' (first at row r, column c)' for a labelled matrix ('' for a bare array)."""
    if not isinstance(m, pd.DataFrame):
        return ""
    r, c = np.argwhere(mask)[0]
    if m.shape[0] == 1:
        return " " + text("methods_msg_a.common.first_at", column=m.columns[c])
    return " " + text("methods_msg_a.common.first_at_cell", row=m.index[r], column=m.columns[c])


def check_finite_nonnegative(m: pd.DataFrame | np.ndarray, what: str) -> None:
    """Raise IndicatorInputError if ``m`` has NaN/inf or negative values, naming where and what to do."""
    a = np.asarray(m, dtype=float)
    bad = ~np.isfinite(a)
    if bad.any():
        raise IndicatorInputError(text("methods_msg_a.common.matrix_nan", what=what, n=int(bad.sum()),
                                       where=_first_cell(m, bad)))
    if (a < 0).any():
        raise IndicatorInputError(text("methods_msg_a.common.matrix_negative", what=what, n=int((a < 0).sum()),
                                       where=_first_cell(m, a < 0)))


# --------------------------------------------------------------------------------------------
# tidy table / matrix / Series in, same form out (specialisation, interdependence, dynamics,
# territory)
# --------------------------------------------------------------------------------------------
def _is_tidy(data: object, cols: tuple[str, ...]) -> bool:
    return isinstance(data, pd.DataFrame) and all(c in data.columns for c in cols)


def _check_value_column(data: pd.DataFrame, value: str, what: str) -> None:
    col = data[value]
    if not pd.api.types.is_numeric_dtype(col):
        raise IndicatorInputError(text("methods_msg_a.common.column_not_numeric", what=what, value=value,
                                       dtype=col.dtype))
    n_nan = int(col.isna().sum())
    if n_nan:
        raise IndicatorInputError(text("methods_msg_a.common.column_nan", what=what, value=value, n=n_nan))
    a = col.to_numpy(dtype=float)
    if not np.isfinite(a).all():
        raise IndicatorInputError(text("methods_msg_a.common.column_inf", what=what, value=value))
    if (a < 0).any():
        first = data.loc[col < 0].iloc[0]
        raise IndicatorInputError(text("methods_msg_a.common.column_negative", what=what, value=value,
                                       n=int((a < 0).sum()), first=first.to_dict()))


def _as_matrix(data: pd.DataFrame | pd.Series, rows: str, cols: str, value: str,
               what: str) -> tuple[pd.DataFrame, str]:
    """Return (matrix rows x cols, kind) where kind is 'tidy', 'matrix' or 'series'.

    A Series is read as one row (e.g. one country's exports by product).
    """
    if isinstance(data, pd.Series):
        s = pd.to_numeric(data, errors="coerce") if not pd.api.types.is_numeric_dtype(data) else data
        m = s.to_frame().T.astype(float)
        m.index = pd.Index([data.name if data.name is not None else "value"], name=rows)
        m.columns.name = cols
        check_finite_nonnegative(m, what)
        return m, "series"
    if not isinstance(data, pd.DataFrame):
        raise IndicatorInputError(text("methods_msg_a.common.not_a_table", what=what, type=type(data).__name__))
    if _is_tidy(data, (rows, cols, value)):
        _check_value_column(data, value, what)
        return to_matrix(data, index=rows, columns=cols, values=value), "tidy"
    numeric = all(pd.api.types.is_numeric_dtype(t) for t in data.dtypes)
    if not numeric or data.shape[1] == 0:
        missing = [c for c in (rows, cols, value) if c not in data.columns]
        raise IndicatorInputError(text("methods_msg_a.common.no_columns_or_matrix", what=what, missing=missing,
                                       columns=list(data.columns)[:8], rows=rows, cols=cols))
    m = data.astype(float)
    check_finite_nonnegative(m, what)
    m = m.copy()
    m.index.name = m.index.name or rows
    m.columns.name = m.columns.name or cols
    return m, "matrix"


def _drop_zero(m: pd.DataFrame, what: str, rows_label: str, cols_label: str | None) -> pd.DataFrame:
    """Drop all-zero rows and columns (shares undefined there), with a warning naming them.

    ``cols_label=None`` drops rows only (columns are kept, e.g. products of a common list).
    """
    zr = m.index[(m.sum(axis=1) <= 0).to_numpy()]
    zc = m.columns[(m.sum(axis=0) <= 0).to_numpy()] if cols_label is not None else m.columns[:0]
    if len(zr) or len(zc):
        key = "dropped_both" if len(zr) and len(zc) else "dropped_rows" if len(zr) else "dropped_cols"
        warnings.warn(text(f"methods_msg_a.common.{key}", what=what, rows=rows_label, n_rows=len(zr),
                           eg_rows=list(zr[:5]), cols=cols_label, n_cols=len(zc), eg_cols=list(zc[:5])),
                      UserWarning, stacklevel=3)
        m = m.loc[~m.index.isin(zr), ~m.columns.isin(zc)]
    if m.empty:
        raise IndicatorInputError(text("methods_msg_a.common.all_zero", what=what, rows=rows_label))
    return m


def _balassa(a: np.ndarray, col: np.ndarray | None = None, total: float | None = None) -> np.ndarray:
    """Ratio of shares (a_ij / a_i.) / (col_j / total): Balassa RCA, location quotient.

    Reference totals default to the table itself (col = column sums, total = grand total).
    Rows or columns summing to 0 give NaN/inf: drop them first (:func:`_drop_zero`).
    """
    if col is None:
        col = a.sum(axis=0)
    if total is None:
        total = float(np.sum(col))
    with np.errstate(divide="ignore", invalid="ignore"):
        return (a / a.sum(axis=1, keepdims=True)) / (np.asarray(col, dtype=float) / total)[None, :]


def balassa_frame(m: pd.DataFrame, col: np.ndarray | None = None, total: float | None = None) -> pd.DataFrame:
    """:func:`_balassa` of a labelled matrix, labelled the same (RCA, location quotient)."""
    return pd.DataFrame(_balassa(m.to_numpy(), col, total), index=m.index, columns=m.columns)


def reference_totals(reference: pd.Series | pd.DataFrame, key: str, value: str, columns: pd.Index, what: str,
                     arg: str) -> pd.Series:
    """Reference totals by column (world exports by product, national employment by industry) as a Series.

    ``reference``: a Series by ``key``, a tidy table with columns ``key`` and ``value`` (summed by
    ``key``) or a one-row/one-column table. It must have a value for every one of ``columns`` (the
    columns of the data) and no NaN or negative value; ``arg`` names the argument in the messages.
    """
    if isinstance(reference, pd.DataFrame):
        if _is_tidy(reference, (key, value)):
            _check_value_column(reference, value, f"{what} ({arg})")
            reference = reference.groupby(key, observed=True)[value].sum()
        elif reference.shape[0] == 1 or reference.shape[1] == 1:
            reference = reference.squeeze(axis=0 if reference.shape[0] == 1 else 1)
        else:
            raise IndicatorInputError(text("methods_msg_a.common.reference_shape", what=what, arg=arg, key=key,
                                           value=value))
    if not isinstance(reference, pd.Series):
        raise IndicatorInputError(text("methods_msg_a.common.reference_type", what=what, arg=arg, key=key))
    ref = reference.astype(float)
    if ref.isna().any() or (ref < 0).any():
        raise IndicatorInputError(text("methods_msg_a.common.reference_nan", what=what, arg=arg))
    missing = columns.difference(ref.index)
    if len(missing):
        raise IndicatorInputError(text("methods_msg_a.common.reference_missing", what=what, arg=arg, key=key,
                                       n=len(missing), eg=list(missing[:5])))
    return ref


def _to_tidy(
    mats: dict[str, pd.DataFrame], rows: str, cols: str
) -> pd.DataFrame:
    """Stack same-shaped matrices into one tidy table (columns rows, cols, then one per matrix)."""
    first = next(iter(mats.values()))
    nr, nc = first.shape
    out = {rows: np.repeat(first.index.to_numpy(), nc), cols: np.tile(first.columns.to_numpy(), nr)}
    for name, m in mats.items():
        out[name] = m.reindex(index=first.index, columns=first.columns).to_numpy().ravel()
    return pd.DataFrame(out)


def of_exports(what: str) -> str:
    """``what`` naming its exports argument in messages: "lafay (exports)" / "lafay (exportaciones)"."""
    return text("methods_msg_a.common.of_exports", what=what)


def of_imports(what: str) -> str:
    """``what`` naming its imports argument in messages: "lafay (imports)" / "lafay (importaciones)"."""
    return text("methods_msg_a.common.of_imports", what=what)


def _pair(exports, imports, country, product, value, import_value, what):
    xm, kind = _as_matrix(exports, country, product, value, of_exports(what))
    mm, kind_m = _as_matrix(imports, country, product, import_value, of_imports(what))
    if kind != kind_m:
        raise IndicatorInputError(text("methods_msg_a.common.pair_forms", what=what, kind=kind, kind_m=kind_m))
    if kind == "series":
        mm.index = xm.index
    rows = xm.index.union(mm.index)
    cols = xm.columns.union(mm.columns)
    xm = xm.reindex(index=rows, columns=cols, fill_value=0.0)
    mm = mm.reindex(index=rows, columns=cols, fill_value=0.0)
    return xm, mm, kind


def _shape_back(res: pd.DataFrame, kind: str, name: str, country: str, product: str,
                extra: dict[str, pd.DataFrame] | None = None):
    if kind == "series":
        s = res.iloc[0].rename(name)
        s.index.name = product
        return s
    if kind == "matrix":
        return res
    return _to_tidy({**(extra or {}), name: res}, country, product)


def require_positive_whole(error: type[Exception], **values: object) -> None:
    """Each of ``values`` (name=value) is a whole number >= 1, else ``error`` naming the first that is not."""
    for name, v in values.items():
        if not (isinstance(v, (int, np.integer)) and v >= 1):
            raise error(text("niche_msg.methods.common.positive_whole", name=name, value=v))


def require_non_negative(error: type[Exception], key: str = "niche_msg.methods.common.non_negative", /,
                         **values: object) -> None:
    """Each of ``values`` (name=value) is a finite number >= 0, else ``error`` with the text ``key``."""
    for name, v in values.items():
        if not (isinstance(v, (int, float)) and math.isfinite(v) and v >= 0):
            raise error(text(key, name=name, value=v))
