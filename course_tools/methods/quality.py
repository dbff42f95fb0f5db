"""Data-quality checks for tidy statistical tables (lesson L02).

Small pure functions: :func:`quality_report` (one row per value column: rows, missing, zeros,
negatives, duplicated keys, robust outliers), :func:`robust_outliers`, :func:`coverage` and
:func:`mirror_comparison`. Missing (NaN = not reported / suppressed) is always kept distinct
from 0 (a reported zero).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError


class QualityInputError(IndicatorInputError):
    """The table given to a quality check does not have what the check needs."""


def _need(df: pd.DataFrame, cols: Sequence[str], arg: str = "key/value") -> None:
    if not isinstance(df, pd.DataFrame):
        raise QualityInputError(text("methods_msg_c.quality.not_a_frame", type=type(df).__name__))
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise QualityInputError(text("methods_msg_c.quality.no_columns", missing=missing, columns=list(df.columns),
                                     arg=arg))


def _numeric(values: pd.Series, col: str) -> pd.Series:
    """``values`` as floats; a text that is not a number is a :class:`QualityInputError` naming the column."""
    try:
        return pd.to_numeric(values, errors="raise").astype(float)
    except (TypeError, ValueError) as e:
        raise QualityInputError(text("methods_msg_c.quality.not_numeric", col=col, error=e)) from None


def robust_outliers(values: pd.Series, *, k: float = 3.5, log: bool = True) -> pd.Series:
    """Flag outliers with the modified z-score rule (Iglewicz & Hoaglin 1993).

    z_i = 0.6745 (x_i - median(x)) / MAD, MAD = median(|x_i - median(x)|); outlier if |z_i| > k
    (k = 3.5 as recommended by Iglewicz & Hoaglin). With ``log=True`` x = log10(value) on the
    strictly positive values (trade values span many orders of magnitude); zeros, negatives and
    NaN are never flagged. Returns a boolean Series aligned with ``values``.
    If MAD = 0 (more than half the values equal) nothing is flagged.
    """
    v = pd.to_numeric(values, errors="coerce").astype(float)
    ok = v.notna() & (v > 0) if log else v.notna()
    x = np.log10(v[ok]) if log else v[ok]
    out = pd.Series(False, index=values.index)
    if len(x) == 0:
        return out
    med = float(np.median(x))
    mad = float(np.median(np.abs(x - med)))
    if mad == 0:
        return out
    z = 0.6745 * (x - med) / mad
    out.loc[z.index[np.abs(z.to_numpy()) > k]] = True
    return out


def quality_report(df: pd.DataFrame, *, key: Sequence[str] = ("country", "product"),
                   value: str | Sequence[str] = "export_value", k: float = 3.5, log: bool = True) -> pd.DataFrame:
    """One row per value column with the basic data-quality counts of a tidy table.

    Columns: ``column``, ``rows``, ``missing`` (NaN: not reported or suppressed), ``zeros``
    (reported 0), ``negatives``, ``duplicated_keys`` (rows whose ``key`` combination appears more
    than once, all copies counted), ``outliers`` (:func:`robust_outliers` with ``k`` and ``log``),
    ``missing_share`` = missing / rows, and ``coverage`` = distinct values of each key column
    as a text such as 'country=224; product=1222'.
    """
    key = [key] if isinstance(key, str) else list(key)
    values = [value] if isinstance(value, str) else list(value)
    _need(df, key + values)
    dup = int(df.duplicated(subset=key, keep=False).sum()) if key else 0
    cov = "; ".join(f"{c}={df[c].nunique()}" for c in key)
    rows = []
    for col in values:
        v = _numeric(df[col], col)
        n = len(v)
        rows.append({
            "column": col, "rows": n, "missing": int(v.isna().sum()), "zeros": int((v == 0).sum()),
            "negatives": int((v < 0).sum()), "duplicated_keys": dup,
            "outliers": int(robust_outliers(v, k=k, log=log).sum()),
            "missing_share": float(v.isna().sum() / n) if n else float("nan"), "coverage": cov,
        })
    return pd.DataFrame(rows)


def coverage(df: pd.DataFrame, reference: pd.DataFrame, *, on: str | Sequence[str] = "country",
             value: str = "export_value", reference_value: str | None = None) -> pd.DataFrame:
    """Compare totals of ``df`` with a reference table, unit by unit.

    Both tables are summed by ``on`` (NaN ignored: sum of reported values). Returns one row per
    unit present in either table: ``on`` columns, ``total``, ``reference``, ``ratio`` =
    total / reference (NaN if a side is missing or the reference is 0), ``in_data``,
    ``in_reference`` (bool). A ratio of 1.15 means the table is 15 % above the reference.
    """
    on = [on] if isinstance(on, str) else list(on)
    reference_value = reference_value or value
    _need(df, on + [value], "on/value")
    _need(reference, on + [reference_value], "on/reference_value")
    a = df.groupby(on, dropna=False)[value].sum(min_count=1).rename("total")
    b = reference.groupby(on, dropna=False)[reference_value].sum(min_count=1).rename("reference")
    out = pd.concat([a, b], axis=1).reset_index()
    keys = out[on].apply(tuple, axis=1) if len(on) > 1 else out[on[0]]
    out["in_data"] = keys.isin(set(a.index.to_flat_index())) if len(on) > 1 else keys.isin(a.index)
    out["in_reference"] = keys.isin(set(b.index.to_flat_index())) if len(on) > 1 else keys.isin(b.index)
    ref = out["reference"].where(out["reference"] != 0)
    out["ratio"] = out["total"] / ref
    return out[on + ["total", "reference", "ratio", "in_data", "in_reference"]]


def mirror_comparison(flows: pd.DataFrame, *, exporter: str = "exporter", importer: str = "importer",
                      value: str = "flow") -> pd.DataFrame:
    """Put each flow i->j next to the flow j->i of the same table.

    In a table with one reported value per ordered pair (e.g. ``load_gravity()``) the only mirror
    available is the *reverse direction*: ``flow_ij`` (i exports to j) vs ``flow_ji`` (j exports
    to i). A true mirror statistic compares i's reported exports to j with j's reported imports
    from i, which needs both reporters' declarations. Returns one row per unordered pair
    (exporter < importer alphabetically): ``exporter``, ``importer``, ``flow_ij``, ``flow_ji``
    (NaN when the reverse pair is absent), ``asymmetry`` = |ij - ji| / (ij + ji) (0 = balanced,
    1 = one direction only; NaN when both are 0 or one is missing).
    Duplicated ordered pairs raise an error (remove them first).
    """
    _need(flows, [exporter, importer, value], "exporter/importer/value")
    if flows.duplicated([exporter, importer]).any():
        n = int(flows.duplicated([exporter, importer], keep=False).sum())
        raise QualityInputError(text("methods_msg_c.quality.duplicated_pairs", n=n))
    f = flows[[exporter, importer, value]].copy()
    f[value] = _numeric(f[value], value)
    rev = f.rename(columns={exporter: importer, importer: exporter, value: "flow_ji"})
    m = f.rename(columns={value: "flow_ij"}).merge(rev, on=[exporter, importer], how="outer")
    m = m[m[exporter].astype(str) < m[importer].astype(str)].copy()
    tot = m["flow_ij"] + m["flow_ji"]
    m["asymmetry"] = ((m["flow_ij"] - m["flow_ji"]).abs() / tot.where(tot > 0))
    m = m.sort_values([exporter, importer]).reset_index(drop=True)
    return m[[exporter, importer, "flow_ij", "flow_ji", "asymmetry"]]
