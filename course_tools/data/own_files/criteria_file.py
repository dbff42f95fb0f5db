"""Extra criteria of the niche model from the coordinator's own tables, by product or by sector.

Layout (CSV or Excel, one row per criterion and code; template in datasets/templates/)::

    criterion ; label_en ; label_es ; unit ; source ; higher_is_better ; classification ; code ; value
    emp_lq ; employment LQ ; cociente de localización ; ratio ; INEGI 2024 ; yes ; isic4 ; 10 ; 1.3

- ``criterion``: a short name (letters, digits, ``_``), not one of the built-in criteria;
- ``label_en``, ``label_es``, ``unit``, ``source``, ``higher_is_better`` (yes/no, true/false, sí/no, 1/0)
  are the same on every row of a criterion;
- ``classification``: ``hs07`` (HS 2007 4-digit products), or ``isic4`` / ``isic3`` (sectors: codes of
  2, 3 or 4 digits, mapped to HS 2007 headings through the shipped concordance: a heading gets the
  weighted mean of its classes' values, weights 1/n, classes without a value left out);
- ``value``: a number, or blank for "not available" (NaN, never 0).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from course_tools.data.own_files.cells import code_text, is_blank, number
from course_tools.data.own_files.grid import DataRows, data_rows, read_grids
from course_tools.data.own_files.totals import plain_words

__all__ = ["ExtraCriteria", "read_criteria", "COLUMNS"]

COLUMNS = ("criterion", "label_en", "label_es", "unit", "source", "higher_is_better", "classification", "code",
           "value")
_META = ("label_en", "label_es", "unit", "source", "higher_is_better", "classification")
_YES = {"yes", "true", "1", "si", "y", "s"}
_NO = {"no", "false", "0", "n"}


@dataclass
class ExtraCriteria:
    """Criteria read by :func:`read_criteria`: ``table`` by HS 2007 heading (one column each) and ``catalogue``."""

    table: pd.DataFrame
    catalogue: pd.DataFrame
    source: str

    @property
    def higher_is_better(self) -> dict[str, bool]:
        return dict(zip(self.catalogue["criterion"], self.catalogue["higher_is_better"]))

    def criteria_inputs(self) -> dict:
        """Keyword arguments of :func:`methods.criteria.criteria_table`: ``extra`` and ``extra_higher_is_better``."""
        return {"extra": self.table, "extra_higher_is_better": self.higher_is_better}


def _flag(rows: DataRows, cells: list[tuple[int, object]]) -> list[bool]:
    out, bad = [], []
    for n, c in cells:
        w = plain_words(c) if not is_blank(c) else ""
        out.append(w in _YES)
        if w not in _YES | _NO:
            bad.append((n, c))
    if bad:
        rows.place.fail("higher_is_better", f"{len(bad)} row(s) without a direction", bad,
                        "write yes when a higher value is better for a niche (e.g. wages), no when lower is "
                        "better (e.g. import dependence).")
    return out


def _checked(rows: DataRows, builtin: set[str]) -> pd.DataFrame:
    d = pd.DataFrame({c: rows.cells[c] for c in COLUMNS})
    d["row"] = rows.numbers
    d["criterion"] = [str(c).strip() for c in d["criterion"]]
    bad = [(n, c) for n, c in zip(rows.numbers, d["criterion"]) if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", c)
           or c in builtin]
    if bad:
        rows.place.fail("criterion", f"{len(bad)} name(s) that are empty, not a short name, or a built-in "
                        f"criterion", bad, "use a short name of letters, digits and _ (e.g. sme_share) that is not "
                        "one of course_tools.methods.criteria.CRITERIA.")
    d["higher_is_better"] = _flag(rows, rows.column("higher_is_better"))
    d["classification"] = [str(c).strip().lower() for c in d["classification"]]
    bad = [(n, c) for n, c in zip(rows.numbers, d["classification"]) if c not in ("hs07", "isic4", "isic3")]
    if bad:
        rows.place.fail("classification", f"{len(bad)} unknown classification(s)", bad,
                        "write hs07 (HS 2007 4-digit products), isic4 or isic3 (sectors).")
    for c in _META:
        varies = d.groupby("criterion")[c].nunique(dropna=False)
        if (varies > 1).any():
            name = varies[varies > 1].index[0]
            bad = [(n, v) for n, k, v in zip(d["row"], d["criterion"], d[c]) if k == name]
            rows.place.fail(c, f"criterion {name!r} has different {c} on different rows", bad,
                            f"write the same {c} on every row of a criterion.")
    return d


def _codes_and_values(rows: DataRows, d: pd.DataFrame, decimal: str) -> pd.DataFrame:
    from course_tools.data.classifications import products

    d["code"] = [code_text(c) for c in d["code"]]
    d.loc[d["classification"] == "hs07", "code"] = d.loc[d["classification"] == "hs07", "code"].str.zfill(4)
    bad = []
    for cls, part in d.groupby("classification"):
        levels = (4,) if cls == "hs07" else (2, 3, 4)
        valid = set().union(*(set(products(cls, lv)["code"]) for lv in levels))
        bad += [(n, c) for n, c in zip(part["row"], part["code"]) if c not in valid]
    if bad:
        rows.place.fail("code", f"{len(bad)} unknown code(s)", sorted(bad),
                        "hs07 rows need HS 2007 4-digit headings ('0101'); isic rows ISIC divisions, groups or "
                        "classes of 2-4 digits ('10', '101', '1010'), written as text.")
    values = [number(v, decimal, None, set()) for v in d["value"]]
    bad = [(n, v) for n, v, x in zip(d["row"], d["value"], values) if x is None]
    if bad:
        rows.place.fail("value", f"{len(bad)} value(s) are not numbers", bad,
                        "write plain numbers; leave the cell empty when the value is not available.")
    d["value"] = np.asarray(values, dtype="float64")
    dup = d.duplicated(["criterion", "code"], keep=False)
    if dup.any():
        rows.place.fail("code", "repeated (criterion, code)", list(zip(d.loc[dup, "row"], d.loc[dup, "code"])),
                        "one value per code and criterion.")
    return d


def _by_product(part: pd.DataFrame, cls: str) -> pd.Series:
    """One criterion's values by HS 2007 heading: as given (hs07), or through the concordance (isic)."""
    from course_tools.data.classifications import products
    from course_tools.data.concordances import concordance
    from course_tools.methods.criteria import sector_to_product

    values = part.set_index("code")["value"]
    if cls == "hs07":
        return values
    classes = sorted(products(cls, 4)["code"])
    best: dict[str, str] = {}
    for code in sorted(values.index, key=len):  # the most specific code of a class wins
        for k in classes:
            if k.startswith(code):
                best[k] = code
    return sector_to_product(values, concordance("hs07", cls), best, target=cls, digits=4)


def read_criteria(path: str | Path, *, decimal: str = ".", **options) -> ExtraCriteria:
    """Extra criteria by product or by sector (layout: module docstring), as columns by HS 2007 heading.

    Returns :class:`ExtraCriteria`: ``table`` (index ``product``, one float column per criterion; NaN =
    not available), ``catalogue`` (criterion, label_en, label_es, higher_is_better, unit, source,
    classification), and ``criteria_inputs()`` for :func:`course_tools.methods.criteria.criteria_table`.
    Raises :class:`~course_tools.data.DataValidationError` naming the file, the column and the rows for a
    missing column, a criterion without a direction, an unknown code or classification, a value that is
    not a number, labels that differ between rows of one criterion. ``options``: ``sheet``, ``encoding``,
    ``delimiter``. The file is only read.
    """
    from course_tools.methods.criteria import CRITERIA

    path = Path(path)
    grids, place = read_grids(path, sheet=options.get("sheet"), encoding=options.get("encoding"),
                              delimiter=options.get("delimiter"))
    rows = data_rows(grids, list(COLUMNS), place)
    d = _codes_and_values(rows, _checked(rows, set(CRITERIA)), decimal)
    cols = {}
    for name, part in d.groupby("criterion", sort=False):
        cols[name] = _by_product(part, part["classification"].iloc[0])
    from course_tools.data.classifications import products

    table = pd.DataFrame(cols).astype("float64")
    table.index = pd.Index(table.index.astype(str), name="product")
    table = table.reindex(sorted(set(products("hs07", 4)["code"]) | set(table.index)))  # NaN: no value
    table.index.name = "product"
    catalogue = d.drop_duplicates("criterion")[["criterion", "label_en", "label_es", "higher_is_better", "unit",
                                                "source", "classification"]].reset_index(drop=True)
    return ExtraCriteria(table, catalogue, path.name)
