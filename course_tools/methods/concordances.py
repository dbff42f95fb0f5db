"""Convert tidy data from one classification to another with a weighted concordance.

A concordance (*tabla de correspondencias*) lists pairs ``(source code, target code)`` with a
``weight``: the share of the source code's value that goes to the target code. When a source
code splits into n target codes (one-to-many), its weights sum to 1, so

    converted[target] = sum over source codes s of value[s] * weight[s, target]

keeps the total (UN Statistics Division, *Correspondence tables*; Liao, Kim, Miyano & Zhang
2020, R package ``concordance``). A naive merge without weights copies the whole value to every
target code and double counts (*doble conteo*). :func:`check_totals` shows whether a conversion
kept the totals.

Functions: :func:`convert`, :func:`unmatched`, :func:`check_totals`, :func:`split_counts`.
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from course_tools.errors import require_columns
from course_tools.i18n import text
from course_tools.methods._common import IndicatorInputError

__all__ = ["ConcordanceError", "convert", "unmatched", "check_totals", "split_counts"]

UNMATCHED_LABEL = "unmatched"


class ConcordanceError(IndicatorInputError):
    """A conversion cannot be done as asked (unmatched codes, bad weights, missing columns)."""


def _need(df: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    require_columns(df, columns, what, ConcordanceError, "code=, value=, source=, target=")


def _pair_columns(concordance: pd.DataFrame, source: str | None, target: str | None,
                  weight: str) -> tuple[str, str]:
    others = [c for c in concordance.columns if c != weight]
    if source is None or target is None:
        if len(others) != 2:
            raise ConcordanceError(text("methods_msg_c.concordances.source_target", others=others))
        source = others[0] if source is None else source
        target = others[1] if target is None else target
    _need(concordance, [source, target, weight], text("methods_msg_c.concordances.the_concordance"))
    return source, target


def _prepared(data: pd.DataFrame, code: str, value: str) -> pd.DataFrame:
    _need(data, [code, value], text("methods_msg_c.concordances.the_data"))
    if not pd.api.types.is_numeric_dtype(data[value]):
        raise ConcordanceError(text("methods_msg_c.concordances.not_numeric", value=value, dtype=data[value].dtype))
    d = data[data[value].notna()].copy()
    d[code] = d[code].astype("string").astype(object)
    return d


def unmatched(data: pd.DataFrame, concordance: pd.DataFrame, *, code: str = "product",
              value: str = "export_value", source: str | None = None, target: str | None = None,
              weight: str = "weight") -> pd.DataFrame:
    """Rows of ``data`` (with a value, i.e. not NaN) whose ``code`` is not in the concordance's source column.

    Codes are compared as text: keep the leading zeros ("0101", not 101).
    """
    source, _ = _pair_columns(concordance, source, target, weight)
    d = _prepared(data, code, value)
    known = set(concordance[source].astype("string").astype(object))
    return d[~d[code].isin(known)].reset_index(drop=True)


def convert(data: pd.DataFrame, concordance: pd.DataFrame, *, code: str = "product",
            value: str = "export_value", source: str | None = None, target: str | None = None,
            weight: str = "weight", by: Sequence[str] | None = None,
            unmatched_codes: str = "raise") -> pd.DataFrame:
    """Convert ``value`` from the codes in ``data[code]`` to the target classification.

    ``converted[by..., target] = sum_s value[by..., s] * weight[s, target]``.

    * ``data``: tidy table with a code column and a numeric value column; rows with a missing
      value (NaN = not reported) are left out.
    * ``concordance``: columns ``source``, ``target`` and ``weight`` (default: the two non-weight
      columns, in order, as returned by ``data.concordance("hs07", "isic4")``). The weights of
      each source code must sum to 1, otherwise totals would change.
    * ``by``: columns kept as groups (default: every column of ``data`` except code and value,
      e.g. ``year`` and ``country``).
    * ``unmatched_codes``: what to do with codes that are not in the concordance: ``"raise"``
      (default, error listing the codes and their value), ``"drop"`` (leave them out: the total
      falls by that value) or ``"keep"`` (put them in a target row labelled ``"unmatched"``).

    Returns ``by + [target, value]``, sorted; ``result.attrs["unmatched_value"]`` holds the total
    value of the unmatched codes and ``result.attrs["unmatched_codes"]`` their list.
    """
    source, target = _pair_columns(concordance, source, target, weight)
    if unmatched_codes not in ("raise", "drop", "keep"):
        raise ConcordanceError(text("methods_msg_c.concordances.unmatched_option", value=unmatched_codes))
    d = _prepared(data, code, value)
    by = [c for c in data.columns if c not in (code, value)] if by is None else list(by)
    _need(d, by, text("methods_msg_c.concordances.the_data"))
    if target in by or target == value:
        raise ConcordanceError(text("methods_msg_c.concordances.target_clash", target=target))

    conc = concordance[[source, target, weight]].copy()
    conc[source] = conc[source].astype("string").astype(object)
    conc[target] = conc[target].astype("string").astype(object)
    sums = conc.groupby(source)[weight].sum()
    bad = sums[(sums - 1.0).abs() > 1e-9]
    if len(bad):
        raise ConcordanceError(text("methods_msg_c.concordances.weights", n=len(bad),
                                    eg=bad.head(3).round(6).to_dict()))

    miss = d[~d[code].isin(set(conc[source]))]
    miss_value = float(miss[value].sum())
    miss_codes = sorted(set(miss[code]))
    if miss_codes and unmatched_codes == "raise":
        raise ConcordanceError(text("methods_msg_c.concordances.unmatched", n=len(miss_codes), worth=miss_value,
                                    column=value,
                                    codes=miss_codes[:10], more=" ..." if len(miss_codes) > 10 else ""))

    merged = d.merge(conc, left_on=code, right_on=source, how="inner")
    merged[value] = merged[value] * merged[weight]
    parts = [merged[by + [target, value]]]
    if miss_codes and unmatched_codes == "keep":
        kept = miss[by + [value]].copy()
        kept[target] = UNMATCHED_LABEL
        parts.append(kept[by + [target, value]])
    allrows = pd.concat(parts, ignore_index=True)
    out = (allrows.groupby(by + [target], as_index=False, sort=True, dropna=False)[value].sum()
           .reset_index(drop=True))
    out.attrs["unmatched_value"] = miss_value
    out.attrs["unmatched_codes"] = miss_codes
    return out


def check_totals(before: pd.DataFrame, after: pd.DataFrame, *, value: str = "export_value",
                 by: Sequence[str] = (), rtol: float = 1e-9, strict: bool = False) -> pd.DataFrame:
    """Compare the totals of ``value`` before and after a conversion, per group ``by`` (or overall).

    Returns ``by + ["before", "after", "difference", "preserved"]`` where
    ``difference = after - before`` and ``preserved`` is ``|difference| <= rtol * |before|``.
    With ``strict=True`` a group whose total changed raises :class:`ConcordanceError`.
    """
    by = list(by)
    _need(before, by + [value], "`before`")
    _need(after, by + [value], "`after`")
    if by:
        b = before.groupby(by)[value].sum().rename("before")
        a = after.groupby(by)[value].sum().rename("after")
        out = pd.concat([b, a], axis=1).fillna(0.0).reset_index()
    else:
        out = pd.DataFrame({"before": [float(before[value].sum())], "after": [float(after[value].sum())]})
    out["difference"] = out["after"] - out["before"]
    out["preserved"] = out["difference"].abs() <= rtol * out["before"].abs()
    if strict and not out["preserved"].all():
        bad = out[~out["preserved"]]
        raise ConcordanceError(text("methods_msg_c.concordances.totals_changed", n=len(bad),
                                    eg=bad.head(3).to_dict("records")))
    return out


def split_counts(concordance: pd.DataFrame, *, source: str | None = None, target: str | None = None,
                 weight: str = "weight") -> pd.DataFrame:
    """Number of distinct target codes of each source code: ``source, n_targets`` (1 = one-to-one or
    many-to-one; more than 1 = the source code splits)."""
    source, target = _pair_columns(concordance, source, target, weight)
    out = concordance.groupby(source)[target].nunique().rename("n_targets").reset_index()
    return out.sort_values(source).reset_index(drop=True)
