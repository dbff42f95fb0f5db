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
    vals = pd.to_numeric(data[values], errors="raise").to_numpy(dtype=float)
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
