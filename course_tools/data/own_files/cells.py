"""Reading one cell of a coordinator's file: blank or not, a number, a code, a header name.

A cell is what the CSV reader or the Excel reader gives: text, a number, ``None`` or NaN.
"""
from __future__ import annotations

import re

import numpy as np

__all__ = ["is_blank", "header_name", "number", "code_text"]

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def is_blank(cell: object) -> bool:
    """``None``, NaN or text with nothing but spaces."""
    return cell is None or (isinstance(cell, float) and np.isnan(cell)) or (isinstance(cell, str) and not cell.strip())


def header_name(cell: object) -> str:
    """A header cell as compared with the names asked for: no BOM, single spaces, lower case."""
    return " ".join(str(cell).replace("\ufeff", "").split()).lower() if cell is not None else ""


def number(cell: object, decimal: str, thousands: str | None, na_values: set[str]) -> float | None:
    """float, NaN (missing: blank or one of ``na_values``) or None (not a number)."""
    if is_blank(cell):
        return np.nan
    if isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float, np.integer, np.floating)):
        return float(cell)
    text = str(cell).strip()
    if text in na_values:
        return np.nan
    text = text.replace("\u00a0", " ")
    if thousands:
        text = text.replace(thousands, "")
    if decimal != ".":
        if "." in text:
            return None
        text = text.replace(decimal, ".")
    text = text.strip()
    return float(text) if _NUMBER.fullmatch(text) else None


def code_text(cell: object) -> str:
    """A code as text without dots and spaces (``'0101.10'`` -> ``'010110'``; Excel's ``302.0`` -> ``'302'``)."""
    if is_blank(cell):
        return ""
    if isinstance(cell, (float, np.floating)) and float(cell).is_integer():
        cell = int(cell)
    return re.sub(r"[.\s]", "", str(cell).strip())
