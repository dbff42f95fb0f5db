"""Small shared pieces of the indicator engine: tidy <-> matrix, input checks."""
from __future__ import annotations

import numpy as np
import pandas as pd


class IndicatorInputError(ValueError):
    """The data given to an indicator cannot produce a meaningful result (say why and how to fix)."""


def to_matrix(
    data: pd.DataFrame,
    index: str,
    columns: str,
    values: str,
    fill_value: float = 0.0,
) -> pd.DataFrame:
    """Pivot a tidy long table into a labelled matrix (rows ``index``, columns ``columns``).

    Duplicate (index, columns) pairs are summed; missing cells (not reported) become
    ``fill_value`` (0 by default, the convention of every complexity tool: a flow nobody
    reported counts as no flow). Row and column labels are sorted.
    """
    missing = [c for c in (index, columns, values) if c not in data.columns]
    if missing:
        raise IndicatorInputError(
            f"column(s) {missing} not in the table; it has {list(data.columns)}. "
            f"Pass the right names, e.g. country=..., product=..., value=..."
        )
    m = data.pivot_table(index=index, columns=columns, values=values, aggfunc="sum",
                         fill_value=fill_value, observed=True)
    m = m.sort_index(axis=0).sort_index(axis=1)
    m.columns.name, m.index.name = columns, index
    return m.astype(float)


def check_finite_nonnegative(m: pd.DataFrame | np.ndarray, what: str) -> None:
    """Raise IndicatorInputError if ``m`` has NaN/inf or negative values, naming where."""
    a = np.asarray(m, dtype=float)
    bad = ~np.isfinite(a)
    if bad.any():
        raise IndicatorInputError(f"{what} has {int(bad.sum())} NaN/inf value(s); fill or drop them first")
    if (a < 0).any():
        where = ""
        if isinstance(m, pd.DataFrame):
            r, c = np.argwhere(a < 0)[0]
            where = f" (first at row {m.index[r]!r}, column {m.columns[c]!r})"
        raise IndicatorInputError(f"{what} has {int((a < 0).sum())} negative value(s){where}")
