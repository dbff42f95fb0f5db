"""The shipped tables read with the ``csv`` module only, for the exercises' oracles.

Each graded exercise keeps the code that computes its expected answers in ``solutions/exNN/oracle.py``
(never given to participants, imported only by the hidden tests). Those oracles work from the raw
files with the standard library, independently of ``course_tools.data`` and pandas, which learners
use. What they share is here: reading a file, nothing about an answer (every participant has these
files). Each table is parsed once per process and kept (the grader parses it before it forks its
workers); the rows come back as tuples, which nobody can change.
"""
from __future__ import annotations

import csv
import sys
from functools import cache

from course_tools.paths import datasets_dir

__all__ = ["TRADE", "table", "trade_rows", "trade_by_reporter"]

#: The world trade tables by year (HS 2007, 4 digits): reporter_iso, product_code, export_value_usd.
TRADE = "trade_ots_economiccomplexity/world_trade_{year}_hs07_4d.csv"


@cache
def table(rel: str, encoding: str = "utf-8") -> tuple[dict[str, str], ...]:
    """The rows of ``datasets/<rel>`` as dicts (``csv.DictReader``), in file order."""
    with open(datasets_dir() / rel, newline="", encoding=encoding) as f:
        return tuple(csv.DictReader(f))


@cache
def trade_rows(year: int) -> tuple[tuple[str, str, str], ...]:
    """``(reporter_iso, product_code, export_value_usd)`` of every row of the world table of ``year``,
    in file order; the value is the text of the file ("" or "NA" when not reported)."""
    with open(datasets_dir() / TRADE.format(year=year), newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        return tuple((sys.intern(c), sys.intern(p), v) for c, p, v in rows)


@cache
def trade_by_reporter(year: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """``{reporter_iso (lower case, as in the file): ((product_code, value text), ...)}``: the rows of
    each reporter in file order, reporters in order of first appearance. Do not change the dict."""
    out: dict[str, list[tuple[str, str]]] = {}
    for c, p, v in trade_rows(year):
        out.setdefault(c, []).append((p, v))
    return {c: tuple(rows) for c, rows in out.items()}
